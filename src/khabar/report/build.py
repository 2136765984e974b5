"""``build_report``: gather a finished run's numbers and write ``OUTDIR/report.html``."""

from __future__ import annotations

import os
from pathlib import Path

from khabar.io.writers import atomic_write_text

REPORT_NAME = "report.html"


def build_report(outdir: str | os.PathLike[str]) -> Path | str:
    """Write the run report of the ``khabar refine`` output folder ``outdir`` (a local folder or
    an object-store URL); return its path (a :class:`~pathlib.Path` when local, else the URL).

    Reads ``stats.json``, ``manifest.json``, ``rejects.jsonl`` and the Parquet parts of ``data/``
    and ``dropped/`` (column by column, batch by batch: bounded memory on any corpus size) and
    writes ``outdir/report.html`` atomically. The page is self-contained and opens offline.

    Raises:
        KhabarError: ``outdir`` is not a finished run (no readable stats.json / manifest.json).
    """
    from khabar.io import fs
    from khabar.report.gather import gather
    from khabar.report.render import render_html

    path = fs.join(os.fspath(outdir), REPORT_NAME)
    atomic_write_text(path, render_html(gather(outdir)))
    local = fs.local_path(path)
    return Path(local) if local is not None else path
