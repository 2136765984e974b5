"""Proof of why khabar extracts HTML itself: trafilatura deletes every ZWNJ, we keep them.

Skipped when trafilatura is not installed (it is a benchmark comparison, not a dependency).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("selectolax")
trafilatura = pytest.importorskip("trafilatura")

from khabar.extract.html import Extracted, extract_html


def test_trafilatura_loses_zwnj_we_keep_them(fixtures: Path) -> None:
    html = (fixtures / "extract/pages/synth_meta_iso.html").read_text(encoding="utf-8")
    theirs = trafilatura.extract(html) or ""
    ours = extract_html(html)
    assert isinstance(ours, Extracted)
    # the page writes 8 ZWNJ in its article (as U+200C, &zwnj;, &#8204; and &#x200C;)
    assert ours.text.count("\u200c") == 8
    assert "کتابخانه\u200cهای عمومی" in ours.text
    # trafilatura found the same sentence but glued the words: the ZWNJ is gone
    assert theirs.count("\u200c") == 0
    assert "کتابخانههای عمومی" in theirs


@pytest.mark.shared
def test_trafilatura_loses_zwnj_on_real_pages(shared: Path) -> None:
    folder = shared / "data/html_pages_htmldate"
    for name in ("1523806243.html", "1602557452.html", "1641304459.html"):
        html = (folder / name).read_text(encoding="utf-8")
        ours = extract_html(html)
        assert isinstance(ours, Extracted)
        assert ours.text.count("\u200c") > 0, name
        assert (trafilatura.extract(html) or "").count("\u200c") == 0, name
