"""Where a ``khabar refine --engine ray`` run's time goes: timestamps of the driver's phases and of
every task, and the Ray processes' CPU seconds and memory just before the shutdown.

    KHABAR_RAY_TRACE=/tmp/t.jsonl PYTHONPATH=TREE/src .venv/bin/python bench/throughput/ray_trace.py \\
        refine CRAWL -o OUT --force -q --set run.shard_bytes=1 -j 2 --engine ray
    .venv/bin/python bench/throughput/ray_trace.py --show /tmp/t.jsonl

It wraps :class:`khabar.runners.ray.RayExecutor` (``__init__`` = ``import ray`` + ``ray.init``,
each ``map`` = one stage's or one reduce's tasks, ``close``) and each task (its process, start,
end, CPU seconds, and the process's CPU seconds before it: imports and Ray's own start-up) and
then runs the khabar CLI with the arguments given. Only for the Ray engine: the local engine's
forkserver imports ``__main__``, which would run this script again. bench/throughput/ray12.md
has what it showed.
"""

from __future__ import annotations

import collections
import json
import os
import sys
import time
from typing import Any


def log(path: str, **kw: Any) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(kw) + "\n")


def traced(fn: Any, path: str) -> Any:
    def task(item: Any) -> Any:
        import os
        import time

        t, c = time.time(), time.process_time()
        r = fn(item)
        log(path, ev="task", fn=fn.__name__, pid=os.getpid(), start=t, end=time.time(),
            cpu=time.process_time() - c, cpu_before=c)
        return r
    return task


def run(path: str, argv: list[str]) -> None:
    import psutil

    import khabar.runners.ray as kr

    init, map_, close = kr.RayExecutor.__init__, kr.RayExecutor.map, kr.RayExecutor.close

    def t_init(self: Any, *a: Any, **k: Any) -> None:
        t = time.time()
        init(self, *a, **k)
        log(path, ev="init", start=t, end=time.time())

    def t_map(self: Any, fn: Any, items: Any) -> Any:
        t, n = time.time(), 0
        for r in map_(self, traced(fn, path), items):
            n += 1
            yield r
        log(path, ev="map", fn=fn.__name__, start=t, end=time.time(), n=n)

    def t_close(self: Any, *a: Any, **k: Any) -> None:
        for q in psutil.Process().children(recursive=True):
            try:
                ct = q.cpu_times()
                log(path, ev="proc", pid=q.pid, cmd=" ".join(q.cmdline())[:100],
                    cpu=ct.user + ct.system, rss=q.memory_info().rss)
            except psutil.Error:  # a process that ended meanwhile has nothing to report
                continue
        t = time.time()
        close(self, *a, **k)
        log(path, ev="close", start=t, end=time.time())

    kr.RayExecutor.__init__, kr.RayExecutor.map, kr.RayExecutor.close = t_init, t_map, t_close
    from khabar.cli import main

    log(path, ev="start", t=time.time())
    sys.argv = ["khabar", *argv]
    try:
        main()
    finally:
        log(path, ev="end", t=time.time(), cpu=time.process_time())


def show(path: str) -> None:
    from pathlib import Path

    ev = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    t0 = next(e["t"] for e in ev if e["ev"] == "start")
    for e in ev:
        if e["ev"] in ("init", "map", "close"):
            print(f"{e['ev']:6} {e.get('fn', ''):16} {e['start'] - t0:7.2f} -> "
                  f"{e['end'] - t0:7.2f} s ({e['end'] - e['start']:.2f} s) {e.get('n', '')}")
        elif e["ev"] == "end":
            print(f"end    {'driver returns':16} {e['t'] - t0:7.2f} s, driver CPU {e['cpu']:.2f} s")
    by_pid = collections.defaultdict(list)
    for e in ev:
        if e["ev"] == "task":
            by_pid[e["pid"]].append(e)
    for pid, tasks in sorted(by_pid.items()):
        tasks.sort(key=lambda e: e["start"])
        print(f"worker {pid}: {len(tasks)} tasks, first at {tasks[0]['start'] - t0:.2f} s after "
              f"{tasks[0]['cpu_before']:.2f} CPU s of start-up; first task {tasks[0]['cpu']:.2f} "
              f"CPU s, all {sum(e['cpu'] for e in tasks):.2f}")
    procs = [e for e in ev if e["ev"] == "proc"]
    for e in procs:
        print(f"process {e['pid']}: {e['cpu']:6.2f} CPU s {e['rss'] / 1e6:5.0f} MB  {e['cmd'][:70]}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--show"]:
        show(sys.argv[2])
    else:
        out = os.environ.get("KHABAR_RAY_TRACE")
        if not out:
            sys.exit("set KHABAR_RAY_TRACE to the file the timestamps go to (see the docstring)")
        open(out, "w", encoding="utf-8").close()
        run(out, sys.argv[1:])
