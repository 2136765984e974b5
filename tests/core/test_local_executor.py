from __future__ import annotations

import os

import pytest

from khabar.errors import KhabarError
from khabar.runners.local import LocalExecutor


def square(x: int) -> int:
    return x * x


def die(x: int) -> int:
    if x == 2:
        os._exit(9)  # a worker killed mid-task (out of memory, kill -9)
    return x


def test_results_from_worker_processes():
    ex = LocalExecutor(2)
    try:
        assert sorted(ex.map(square, [1, 2, 3, 4])) == [1, 4, 9, 16]
    finally:
        ex.close()


def test_a_dead_worker_fails_loudly_instead_of_hanging():
    ex = LocalExecutor(2)
    try:
        with pytest.raises(KhabarError, match="worker process died"):
            list(ex.map(die, [1, 2, 3]))
    finally:
        ex.close()


def test_one_job_runs_in_process():
    assert list(LocalExecutor(1).map(square, [3])) == [9]
