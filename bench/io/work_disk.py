"""Peak disk use of a run's _work folder (work files, bucket parts, side files, decisions).

    .venv/bin/python bench/io/work_disk.py TREE_SRC INPUT [DOCS]

Runs ``khabar refine INPUT -j 2 --set run.shard_bytes=1`` (one shard per input file) into a
fresh temporary folder, with TREE_SRC first on ``PYTHONPATH``, while a thread sums the sizes of
the files under its _work every 0.05 s; prints the largest sum, and per document when DOCS (the
number of input documents) is given.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path


def work_bytes(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:  # removed between the listing and the stat
                pass
    return total


def main() -> None:
    tree, inputs = sys.argv[1:3]
    docs = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    peak = 0
    done = threading.Event()
    with tempfile.TemporaryDirectory(prefix="khabar-disk-") as tmp:
        out = Path(tmp) / "out"

        def watch() -> None:
            nonlocal peak
            while not done.wait(0.05):
                peak = max(peak, work_bytes(out / "_work"))

        thread = threading.Thread(target=watch)
        thread.start()
        try:
            subprocess.run([sys.executable, "-m", "khabar", "refine", inputs, "-o", str(out),
                            "-q", "-j", "2", "--set", "run.shard_bytes=1"], check=True,
                           env={**os.environ, "PYTHONPATH": tree})
        finally:
            done.set()
            thread.join()
    per_doc = f" = {peak / docs / 1000:.1f} KB per document" if docs else ""
    print(f"{tree}: peak _work {peak / 1e6:.1f} MB{per_doc}")


if __name__ == "__main__":
    main()
