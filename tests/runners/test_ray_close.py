"""RayExecutor.close stops a Ray it started on a thread: the driver goes on (refine writes its
report meanwhile), a new executor waits for that Ray to be gone, and so does the interpreter's
exit. Each case runs in a child process, so no Ray outlives the test."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile

import pytest

pytest.importorskip("ray", reason="Ray is not installed: pip install 'khabar[ray]'")

CHILD = r"""
import json, subprocess, sys, threading
from khabar.runners.ray import SHUTDOWN_THREAD, RayExecutor

first, second = sys.argv[1], sys.argv[2]
def stopping():
    return any(t.name == SHUTDOWN_THREAD for t in threading.enumerate())
def running(folder):
    return folder in subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True,
                                    check=True).stdout
out = {}
ex = RayExecutor(jobs=1, temp_dir=first)
out["first"] = sorted(ex.map(lambda x: -x, [-1, -2]))
ex.close()
out["stopping_after_close"] = stopping()   # Ray stops on the thread
ex2 = RayExecutor(jobs=1, temp_dir=second)  # waits for the first Ray, then starts its own
out["first_running_after_new"] = running(first)
out["second_started"] = ex2._started
out["second"] = sorted(ex2.map(lambda x: 2 * x, [1, 2]))
ex2.close(wait=True)
out["stopping_after_wait"] = stopping()
out["second_running_after_wait"] = running(second)
ex2.close(wait=True)  # a second close is harmless
mode = sys.argv[3]
if mode == "exit-while-stopping":  # the interpreter's exit must wait for this Ray's shutdown
    ex3 = RayExecutor(jobs=1, temp_dir=first)
    out["third"] = sorted(ex3.map(lambda x: x + 1, [1]))
    ex3.close()
print(json.dumps(out))
"""


@pytest.mark.parametrize("mode", ["all-waited", "exit-while-stopping"])
def test_close_stops_ray_on_a_thread_that_the_next_executor_and_the_exit_wait_for(mode):
    first, second = tempfile.mkdtemp(prefix="kray"), tempfile.mkdtemp(prefix="kray")
    try:
        run = subprocess.run([sys.executable, "-c", CHILD, first, second, mode],
                             capture_output=True, text=True, timeout=300, check=False)
        assert run.returncode == 0, run.stderr[-3000:]
        assert run.stdout.strip(), f"the child printed nothing: {run.stderr[-3000:]}"
        out = json.loads(run.stdout.strip().splitlines()[-1])
        assert out["first"] == [1, 2] and out["second"] == [2, 4]
        assert out["stopping_after_close"] is True
        assert out["first_running_after_new"] is False
        assert out["second_started"] is True  # its own Ray, not the one being stopped
        assert out["stopping_after_wait"] is False
        assert out["second_running_after_wait"] is False
        if mode == "exit-while-stopping":
            assert out["third"] == [2]
        ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True,
                            check=True).stdout
        assert first not in ps and second not in ps, "a Ray process outlived its driver"
    finally:
        shutil.rmtree(first, ignore_errors=True)
        shutil.rmtree(second, ignore_errors=True)
