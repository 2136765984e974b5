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


WORKER_SCRIPT = '''
import sys

from khabar.runners.local import LocalExecutor


def loaded(_):
    """The heavy modules a worker has before its task imports anything."""
    return sorted(m for m in ("pyarrow.parquet", "khabar.refine", "khabar.steps.text", "pandas",
                              "khabar.text.fix", "khabar.news.structure", "khabar.corpus.quality")
                  if m in sys.modules)


if __name__ == "__main__":
    assert "pyarrow" not in sys.modules and "khabar.refine" not in sys.modules
    ex = LocalExecutor(2)
    try:
        print(sorted(set(map(tuple, ex.map(loaded, [1, 2, 3, 4])))))
    finally:
        ex.close()
'''


def test_workers_start_with_the_preloaded_modules(tmp_path):
    # a new process, so that its forkserver starts with khabar's preload list (one this test
    # process started earlier keeps the list it started with)
    import subprocess
    import sys

    pytest.importorskip("pandas")
    script = tmp_path / "workers.py"
    script.write_text(WORKER_SCRIPT, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    # every worker, from its first task: imported once in the forkserver, not per worker; the
    # last three are imported by the default steps' set-ups (fix, structure, quality), which ran
    assert proc.stdout.strip() == str([("khabar.corpus.quality", "khabar.news.structure",
                                        "khabar.refine", "khabar.steps.text", "khabar.text.fix",
                                        "pandas", "pyarrow.parquet")])
