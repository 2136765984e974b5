"""CPU time of the driver's end of a run (``refine._finish``: rejects, sha256, manifest, report).

    .venv/bin/python bench/throughput/finish_cpu.py TREE INPUT [--jobs 2] [--rounds 3]

Runs ``khabar refine INPUT -j JOBS`` from the source tree ``TREE`` (``PYTHONPATH=TREE``) in a
fresh process per round, with ``time.process_time`` around ``_finish`` and around the report
(``build_report``) inside it, in the driver only: the workers' time is not in these numbers.
Prints CPU ms per document read and whether the driver had imported pandas before and after
``_finish`` (pyarrow imports it, 0.3-0.5 CPU s, on its first conversion of a Python object).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

CHILD = r"""
import json, sys, time
from khabar import refine, report
from khabar.config import Config
spent = {"finish": 0.0, "build_report": 0.0}
def timed(name, fn):
    def wrapper(*a, **k):
        t0 = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            spent[name] += time.process_time() - t0
    return wrapper
report.build_report = timed("build_report", report.build_report)
finish = refine._finish
def _finish(*a, **k):
    spent["pandas_before"] = "pandas" in sys.modules
    out = timed("finish", finish)(*a, **k)
    spent["pandas_after"] = "pandas" in sys.modules
    return out
refine._finish = _finish
config = Config.load(overrides=[f"run.jobs={sys.argv[3]}", "run.force=true"])
result = refine.refine([sys.argv[1]], sys.argv[2], config)
spent["read"] = result.read
print(json.dumps(spent))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tree", help="a source tree's src/ folder (PYTHONPATH)")
    ap.add_argument("input")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": a.tree}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(a.rounds):
            out = subprocess.run([sys.executable, "-c", CHILD, a.input, f"{tmp}/out", str(a.jobs)],
                                 env=env, check=True, capture_output=True, text=True).stdout
            s = json.loads(out.strip().splitlines()[-1])
            n = s["read"]
            print(f"round {r + 1}: {n:,} documents, _finish {1000 * s['finish'] / n:.4f} "
                  f"(build_report {1000 * s['build_report'] / n:.4f}) CPU ms per document; "
                  f"pandas imported before/after: {s['pandas_before']}/{s['pandas_after']}",
                  flush=True)


if __name__ == "__main__":
    main()
