"""The report page: self-contained, escaped, Persian right-to-left, every section present."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from khabar.report import build_report
from khabar.report.charts import Bin, bar_chart, histogram_chart, nice_ticks

from .corpus import HOSTILE_TEXT, HOSTILE_TITLE, stand_in_signals, write_run


@pytest.fixture
def run_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The hand-built run folder of ``corpus.py``."""
    with stand_in_signals(monkeypatch):
        yield write_run(tmp_path / "run")


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside elements with a ``dir``."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Tags()
    p.feed(page)
    return p.tags


@pytest.fixture
def page(run_dir: Path) -> str:
    path = build_report(run_dir)
    assert path == run_dir / "report.html"
    return path.read_text(encoding="utf-8")


def test_hostile_document_text_is_escaped(page: str) -> None:
    assert "<script>" not in page and "<img" not in page and "<b onmouseover" not in page
    assert "Hello &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b onmouseover=&quot;alert(1)&quot;&gt;Evil&lt;/b&gt;" in page
    assert "ValueError: &lt;boom&gt; at fix.py:12" in page  # reject details too
    assert HOSTILE_TEXT not in page and HOSTILE_TITLE not in page


def test_page_is_self_contained(page: str) -> None:
    tags = _tags(page)
    assert not [t for t, _ in tags if t in ("script", "link", "img", "iframe", "object")]
    # no URL the browser would fetch: only in-page anchors
    assert {a["href"] for t, a in tags if t == "a"} <= {
        "#stages", "#drops", "#rejects", "#lengths", "#repairs", "#sources", "#dates", "#duplicates",
        "#samples", "#run"}
    assert not [t for t, a in tags if "src" in a or "srcset" in a]
    style = page[page.index("<style>"):page.index("</style>")]
    assert "url(" not in style and "@import" not in style
    assert "default-src 'none'" in page  # CSP: nothing may load even if escaping had a gap


def test_persian_blocks_are_rtl_and_english_ltr(page: str) -> None:
    assert '<div class="title" dir="rtl">خبر کوتاه</div>' in page
    assert '<div class="text" dir="rtl">کوتاه</div>' in page
    assert '<div class="text" dir="ltr">Hello &lt;script&gt;' in page
    assert '<span dir="rtl">سلام دنیا</span>' in page  # cluster member title
    assert '<html lang="en" dir="ltr">' in page


def test_every_section_and_chart_is_there(page: str) -> None:
    for anchor in ("stages", "drops", "rejects", "lengths", "repairs", "sources", "dates",
                   "duplicates", "samples", "run"):
        assert f'<section id="{anchor}">' in page
    svgs = [a for t, a in _tags(page) if t == "svg"]
    kinds = sorted(a["class"] for a in svgs)  # type: ignore[arg-type, type-var]
    # bars: stages, drops, rejects, rules, removed lines, domains, agencies, cited sources,
    # publication months; histograms: chars, words, repairs
    assert kinds == ["chart bar"] * 9 + ["chart histogram"] * 3
    for a in svgs:
        assert int(a["width"]) > 0 and int(a["height"]) > 0  # type: ignore[arg-type]


def test_numbers_on_the_page(page: str) -> None:
    assert '<div class="k">read</div><div class="n">15</div>' in page
    assert '<div class="k">dropped</div><div class="n">8</div>' in page
    assert '<span class="ok">holds</span>' in page
    assert "3 of 5 kept documents have at least one repair; 8 repairs in all." in page
    assert "cluster <code>c1</code>: 3 documents" in page
    assert "in/a.jsonl" in page and "abababababababab" in page  # inputs with short sha256
    assert "&quot;digits&quot;: &quot;persian&quot;" in page  # the resolved config
    assert "5 documents; mean 354.2 characters, min 9, max 999." in page
    assert "2 of 5 kept documents (40.0%) have a publication date" in page
    assert "counted by the month they were published" in page
    # the months in order, June empty: 2013-05 1, 2013-06 0, 2013-07 1
    assert page.index("<title>2013-05: 1</title>") < page.index("<title>2013-06: 0</title>") \
        < page.index("<title>2013-07: 1</title>")


def test_report_is_rewritten_atomically(run_dir: Path) -> None:
    first = build_report(run_dir).read_text(encoding="utf-8")
    second = build_report(str(run_dir)).read_text(encoding="utf-8")
    assert first == second  # deterministic
    assert [p.name for p in run_dir.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("top, expected", [
    (0, [0, 1]), (1, [0, 1]), (4, [0, 1, 2, 3, 4]), (7, [0, 2, 4, 6, 8]), (10, [0, 2, 4, 6, 8, 10]),
    (99, [0, 20, 40, 60, 80, 100]), (1_000_001, [0, 500_000, 1_000_000, 1_500_000]),
])
def test_nice_ticks(top: int, expected: list[int]) -> None:
    assert nice_ticks(top) == expected


def test_bar_chart_labels_counts_and_axes() -> None:
    svg = bar_chart([("خبرگزاری <تسنیم>", 1200), ("isna.ir", 3)], title="Top agencies",
                    x_label="documents", y_label="agency")
    assert "خبرگزاری &lt;تسنیم&gt;" in svg and "<تسنیم>" not in svg
    assert ">1,200<" in svg and ">3<" in svg
    assert ">documents<" in svg and ">agency<" in svg and "rotate(-90" in svg
    assert svg.count("<rect") == 2


def test_bar_chart_shortens_long_labels_but_keeps_them_in_the_tooltip() -> None:
    label = "a" * 60
    svg = bar_chart([(label, 1)], title="t", x_label="x", y_label="y")
    assert f">{'a' * 41}…<" in svg and f"<title>{label}: 1</title>" in svg


def test_histogram_zero_bins_have_no_bar_height() -> None:
    svg = histogram_chart([Bin("0", 2), Bin("1", 0)], title="t", x_label="x", y_label="y")
    heights = re.findall(r'<rect [^>]*height="([\d.]+)"', svg)
    assert float(heights[1]) == 0.0 and float(heights[0]) > 0


@pytest.mark.parametrize(("months", "expected"), [
    ({}, ("month", [])),
    ({"2020-02": 3}, ("month", [("2020-02", 3)])),
    # December to January crosses a year by month
    ({"2019-12": 1, "2020-01": 2}, ("month", [("2019-12", 1), ("2020-01", 2)])),
    # 23 months apart: still months; 24 apart: years, the empty year included
    ({"2001-01": 1, "2002-12": 1}, ("month", [(f"2001-{m:02d}", int(m == 1)) for m in range(1, 13)]
                                    + [(f"2002-{m:02d}", int(m == 12)) for m in range(1, 13)])),
    ({"2001-01": 1, "2003-01": 2}, ("year", [("2001", 1), ("2002", 0), ("2003", 2)])),
    # what is no YYYY-MM month is left out
    ({"2013-05": 1, "2013-13": 5, "bad": 2, "": 1, "۱۳۹۲-۰۲": 1}, ("month", [("2013-05", 1)])),
    # a stray date a century away does not draw a hundred empty years
    ({"1900-01": 1, "2020-05": 4, "2021-01": 1}, ("year", [("1900", 1), ("2020", 4), ("2021", 1)])),
])
def test_timeline(months: dict[str, int], expected: tuple[str, list[tuple[str, int]]]) -> None:
    from khabar.report.render import timeline

    assert timeline(months) == expected
