"""kill -9 a ``khabar refine --engine ray`` run and its Ray workers at three moments, start it
again each time with the same OUTDIR, and get the bytes of an uninterrupted run.

One local Ray cluster with 2 CPUs serves every run (each run connects with ``--address``, as on a
real cluster, where the cluster outlives a killed driver): starting Ray takes 15-30 s on a busy
2-core machine, too long to pay once per run. The cluster's session files and logs go to a temp
folder that the test removes, and the test checks that no process of that cluster is left.
Skipped only when Ray is not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.refine import refine

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'khabar[ray]'")
psutil = pytest.importorskip("psutil")
pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
CRAWL = ROOT / "tests" / "fixtures" / "e2e"
INPUTS = [str(CRAWL / "crawl-1.jsonl"), str(CRAWL / "crawl-2.jsonl")]
#: each stage, state and decision must survive: a shard in two files, so two shards
SETS = ["--run.shard_bytes", "1"]
#: how long one moment may take to come (a run on this fixture takes about 20 s on a busy machine)
WAIT_SECONDS = 120

# The cluster: started by a child process that holds it until its stdin closes, then shuts it
# down. Token authentication (on by default since Ray 2.5x) is turned off for this cluster only,
# through the environment of its processes: every driver here runs on this machine.
HOLDER = """
import sys, ray
ray.init(num_cpus=2, _temp_dir=sys.argv[1], include_dashboard=False, log_to_driver=False,
         configure_logging=False)
print(ray.get_runtime_context().gcs_address, flush=True)
sys.stdin.read()
ray.shutdown()
"""


def ray_env(tmp: str) -> dict[str, str]:
    return {**os.environ, "RAY_AUTH_MODE": "disabled", "RAY_TMPDIR": tmp,
            "PYTHONPATH": str(ROOT / "src")}


def processes_of(tmp: str) -> list[psutil.Process]:
    """The processes whose command line names the cluster's temp folder (Ray's daemons)."""
    found = []
    for p in psutil.process_iter(["cmdline"]):
        if any(tmp in arg for arg in p.info["cmdline"] or ()):
            found.append(p)
    return found


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[str, psutil.Process]]:
    """(address, holder process) of a local Ray with 2 CPUs; nothing of it is left afterwards."""
    tmp = tempfile.mkdtemp(prefix="kray")  # short: Ray's socket paths must fit in 107 bytes
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, tmp], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              env=ray_env(tmp))
    try:
        assert holder.stdout is not None
        address = holder.stdout.readline().strip()
        assert address, "the Ray cluster did not start"
        yield address, psutil.Process(holder.pid)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        try:
            holder.wait(timeout=60)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait()
        time.sleep(1)
        left = processes_of(tmp)
        for p in left:  # kill what is left (by pid: only this cluster's processes), then fail
            p.kill()
        shutil.rmtree(tmp, ignore_errors=True)
        assert not left, f"Ray processes left behind: {[p.pid for p in left]}"


def data_hashes(out: Path) -> dict[str, str]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {f["path"]: f["sha256"] for f in manifest["files"]}


def stage_workers(holder: psutil.Process) -> list[psutil.Process]:
    """Ray worker processes of the cluster (the raylet's children, not its agents)."""
    workers = []
    for p in holder.children(recursive=True):
        try:
            name = (p.cmdline() or [""])[0]
        except psutil.Error:
            continue
        if name.startswith("ray::") and not name.endswith("Agent"):
            workers.append(p)
    return workers


def running_a_task(holder: psutil.Process) -> Callable[[Path], bool]:
    def moment(out: Path) -> bool:
        for p in stage_workers(holder):
            try:
                if p.cmdline()[0] == "ray::run_stage_task":
                    return True
            except psutil.Error:
                continue
        return False

    return moment


def a_shard_reported(out: Path) -> bool:
    return any((out / "_work").rglob("*.report.json"))


def an_output_part_written(out: Path) -> bool:
    return any((out / "data").glob("part-*.parquet"))


def kill_at(cmd: list[str], env: dict[str, str], out: Path, moment: Callable[[Path], bool],
            holder: psutil.Process) -> bool:
    """Start ``cmd``; when ``moment(out)`` comes, kill -9 it and every Ray worker. True if it
    was killed (False: it finished first)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    deadline = time.monotonic() + WAIT_SECONDS
    while proc.poll() is None and time.monotonic() < deadline and not moment(out):
        time.sleep(0.05)
    if proc.poll() is not None:
        _, err = proc.communicate()
        assert proc.returncode == 0, err.decode(errors="replace")[-3000:]
        return False
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    for worker in stage_workers(holder):
        try:
            worker.kill()
        except psutil.NoSuchProcess:
            pass
    return True


@pytest.mark.slow
def test_ray_kill_and_resume_gives_the_same_output(tmp_path, cluster):
    address, holder = cluster
    env = ray_env(str(tmp_path))
    reference = tmp_path / "reference"
    # uninterrupted, on the local engine: tests/runners/test_ray.py shows both engines write the
    # same bytes, so any difference here comes from the kills
    refine(INPUTS, str(reference), Config.load(overrides=["run.jobs=1", "run.shard_bytes=1"],
                                               env={}))
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "khabar.cli", "refine", *INPUTS, "-o", str(out), "-q", "-j", "2",
           "--engine", "ray", "--address", address, *SETS]
    moments = {"a shard task is running": running_a_task(holder),
               "a stage-1 shard has reported": a_shard_reported,
               "an output part is written": an_output_part_written}
    killed = [name for name, moment in moments.items()
              if not (out / "manifest.json").exists() and kill_at(cmd, env, out, moment, holder)]
    assert killed, "the run finished before any kill: nothing was tested"
    if not (out / "manifest.json").exists():  # resume from where the last kill left it
        done = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env,
                              timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
    assert data_hashes(out) == data_hashes(reference), f"killed at: {killed}"
    assert not list(out.rglob(".*.tmp-*")), "a temporary file was left behind"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["engine"] == "ray" and manifest["counts"]["invariant_holds"]
