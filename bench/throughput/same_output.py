"""Run ``khabar refine`` with a source tree and compare its outputs with another run's, byte for byte.

    .venv/bin/python bench/throughput/same_output.py run TREE_SRC INPUT OUTDIR [-j 2] [-- ARGS]
    .venv/bin/python bench/throughput/same_output.py compare OUTDIR_A OUTDIR_B

``run`` refines INPUT (a file or folder) with TREE_SRC first on ``PYTHONPATH`` into OUTDIR.
``compare`` checks what a speed change must leave as it was: the rows of data/ and dropped/
(every column, sorted by id then order of appearance), each Parquet file's bytes, rejects.jsonl
(lines sorted), and stats.json's counts and per-step counters (timings aside). It prints one line
per check and exits 1 when anything differs.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path


def run(tree: str, inputs: str, out: str, extra: list[str]) -> None:
    subprocess.run([sys.executable, "-m", "khabar", "refine", inputs, "-o", out, "-q", "--force",
                    *extra], check=True, env={**os.environ, "PYTHONPATH": tree})


def _rows(folder: Path) -> list[str]:
    import pyarrow.parquet as pq

    rows: list[str] = []
    for f in sorted(folder.glob("*.parquet")):
        for r in pq.read_table(f).to_pylist():
            rows.append(json.dumps(r, ensure_ascii=False, sort_keys=True, default=str))
    return sorted(rows, key=lambda s: (json.loads(s).get("id") or "", s))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def compare(a: Path, b: Path) -> bool:
    same = True

    def report(name: str, ok: bool, detail: str = "") -> None:
        nonlocal same
        same &= ok
        print(f"{'same' if ok else 'DIFFERENT'}: {name} {detail}")

    for folder in ("data", "dropped"):
        ra, rb = _rows(a / folder), _rows(b / folder)
        diff = next((i for i, (x, y) in enumerate(zip(ra, rb)) if x != y), None)
        report(f"{folder}/ rows", ra == rb, f"({len(ra)} vs {len(rb)} rows"
               + (f"; first difference at row {diff}: {ra[diff][:300]} | {rb[diff][:300]}"
                  if diff is not None else "") + ")")
        fa = sorted(p.name for p in (a / folder).glob("*.parquet"))
        fb = sorted(p.name for p in (b / folder).glob("*.parquet"))
        bytes_same = fa == fb and all(_digest(a / folder / n) == _digest(b / folder / n)
                                      for n in fa)
        report(f"{folder}/ file bytes", bytes_same, f"({len(fa)} files)")
    la = sorted((a / "rejects.jsonl").read_text().splitlines())
    lb = sorted((b / "rejects.jsonl").read_text().splitlines())
    report("rejects.jsonl", la == lb, f"({len(la)} lines)")
    sa = json.loads((a / "stats.json").read_text())
    sb = json.loads((b / "stats.json").read_text())
    report("stats.json counts", sa["counts"] == sb["counts"], json.dumps(sa["counts"]))
    report("stats.json steps", sa["steps"] == sb["steps"])
    return same


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "run" and len(args) >= 4:
        extra = args[5:] if len(args) > 4 and args[4] == "--" else args[4:]
        run(args[1], args[2], args[3], [a for a in extra if a != "--"])
    elif args and args[0] == "compare" and len(args) == 3:
        sys.exit(0 if compare(Path(args[1]), Path(args[2])) else 1)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
