"""The run report: ``OUTDIR/report.html``, one self-contained page with inline SVG charts.

``khabar refine`` calls :func:`build_report` at the end of every run, and ``khabar report OUTDIR``
calls it on an existing output folder. :mod:`khabar.report.gather` reads the numbers (streaming,
column-projected Parquet), :mod:`khabar.report.charts` draws SVG, :mod:`khabar.report.render`
writes the page. Importing this package imports no heavy library; pyarrow is loaded on use.
"""

from __future__ import annotations

from khabar.report.build import REPORT_NAME, build_report

__all__ = ["REPORT_NAME", "build_report"]
