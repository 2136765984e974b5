"""Where a ``khabar refine`` run's CPU seconds go by process, and the fixed cost of each worker.

    .venv/bin/python bench/throughput/by_process.py TREE_SRC INPUT_DIR [-- REFINE_ARGS]

Runs ``khabar refine INPUT_DIR`` with TREE_SRC first on ``PYTHONPATH`` (REFINE_ARGS default to
``-j 2 --set run.shard_bytes=1``, run.py's local run) and samples every process of its tree with
psutil every 0.1 s: the driver, the multiprocessing resource tracker and fork server, and the
workers. Then, in a fresh child with the same tree, what one worker pays once whatever the
number of documents: Python and khabar's imports, pyarrow and numpy, the default steps'
``setup()`` (each step keeps what it loads at module level, so a worker pays it on its first task
only; the pool keeps its workers across stages), and pandas, which pyarrow imports on the first
``pa.array`` of a Python list. Prints CPU seconds per process, CPU ms per document and the share
of the run the fixed costs are.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: what one worker process pays once (run in a child with the tree on PYTHONPATH)
FIXED = r"""
import json, resource
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
c0 = cpu()
import khabar.refine, khabar.io.schema, khabar.io.readers, khabar.io.writers
import khabar.steps.news, khabar.steps.corpus, khabar.steps.text
c1 = cpu()
import pyarrow, pyarrow.parquet, numpy
c2 = cpu()
from khabar.config import Config
from khabar.pipeline import build_step
config = Config.load()
setups = {}
for name in config.run.steps:
    t = cpu()
    build_step(name, config).setup()
    setups[name] = round(cpu() - t, 3)
c3 = cpu()
pyarrow.array(["x"])
c4 = cpu()
print(json.dumps({"python and khabar imports": round(c1, 3), "pyarrow and numpy": round(c2 - c1, 3),
                  "set-ups": setups, "pandas (first pa.array)": round(c4 - c3, 3),
                  "total": round(c4, 3)}))
"""


def _role(q: object, root: int) -> str:
    """The driver (the command), the resource tracker, the fork server (the driver's child that
    forks the workers) or a worker (a fork shows its fork server's command line)."""
    if q.pid == root:  # type: ignore[attr-defined]
        return "driver"
    text = " ".join(q.cmdline())  # type: ignore[attr-defined]
    if "resource_tracker" in text:
        return "resource tracker"
    if q.ppid() == root and "forkserver" in text:  # type: ignore[attr-defined]
        return "fork server"
    return "worker"


def sample(cmd: list[str], env: dict[str, str]) -> dict[int, tuple[str, float]]:
    """Run ``cmd``; the largest user+system CPU seen per process of its tree, with a role."""
    import psutil

    seen: dict[int, tuple[str, float]] = {}
    proc = subprocess.Popen(cmd, env=env)
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for q in procs:
            try:
                t = q.cpu_times()
                role = seen[q.pid][0] if q.pid in seen else _role(q, proc.pid)
                seen[q.pid] = (role, max(seen.get(q.pid, ("", 0.0))[1], t.user + t.system))
            except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
                pass
        time.sleep(0.1)
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return seen


def main() -> None:
    args = sys.argv[1:]
    extra = ["-j", "2", "--set", "run.shard_bytes=1"]
    if "--" in args:
        i = args.index("--")
        args, extra = args[:i], args[i + 1:]
    if len(args) != 2:
        sys.exit(__doc__)
    tree, inputs = args
    env = {**os.environ, "PYTHONPATH": tree}
    with tempfile.TemporaryDirectory(prefix="khabar-byproc-") as tmp:
        out = Path(tmp) / "out"
        cmd = [sys.executable, "-m", "khabar", "refine", inputs, "-o", str(out), "-q", *extra]
        seen = sample(cmd, env)
        stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    read = stats["counts"]["read"]
    total = sum(c for _, c in seen.values())
    print(f"{read} documents, {total:.2f} CPU s in {len(seen)} processes, "
          f"{1000 * total / read:.3f} CPU ms per document")
    for pid, (role, c) in sorted(seen.items()):
        print(f"  {role:17s} pid {pid:7d} {c:8.2f} s  {100 * c / total:5.1f} %")
    fixed = json.loads(subprocess.run([sys.executable, "-c", FIXED], env=env, check=True,
                                      capture_output=True, text=True).stdout)
    print("one worker's fixed cost (CPU s):", json.dumps(fixed, ensure_ascii=False))
    workers = sum(1 for role, _ in seen.values() if role == "worker")
    driver = sum(c for role, c in seen.values() if role == "driver")
    once = workers * fixed["total"]
    print(f"fixed: {workers} workers x {fixed['total']:.2f} s = {once:.2f} s "
          f"({100 * once / total:.1f} % of the run, {1000 * once / read:.3f} ms per document); "
          f"driver {driver:.2f} s ({100 * driver / total:.1f} %, {1000 * driver / read:.3f} ms "
          f"per document: imports, planning, the report, the manifest)")


if __name__ == "__main__":
    main()
