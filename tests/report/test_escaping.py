"""Whatever a crawled page holds, the report shows it as text: properties over arbitrary strings."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.report.charts import Bin, bar_chart, histogram_chart
from khabar.report.gather import Cluster, KeptSummary, Member, RejectSample, RunData, Sample
from khabar.report.render import render_html

# XML cannot hold control characters even escaped; everything else may appear in a crawl
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
#: markup-heavy strings are the interesting ones
HOSTILE = st.one_of(TEXT, st.lists(st.sampled_from(
    ["<", ">", "&", '"', "'", "<script>", "</svg>", "<!--", "]]>", "&amp;", "سلام", " ", "x"]),
    max_size=12).map("".join))

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3",
                "div", "span", "nav", "a", "main", "section", "p", "table", "thead", "tbody", "tr",
                "th", "td", "code", "ul", "li", "details", "summary", "pre", "svg", "text", "line",
                "rect"}


class _TagSet(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, _ in attrs:
            assert not name.startswith("on"), f"event handler attribute {name} on <{tag}>"


@given(st.lists(st.tuples(HOSTILE, st.integers(0, 10**9)), max_size=8), HOSTILE)
def test_bar_chart_is_well_formed_xml(rows: list[tuple[str, int]], title: str) -> None:
    svg = bar_chart(rows, title=title, x_label="documents", y_label=title)
    root = ET.fromstring(svg)
    assert len(root.findall("{http://www.w3.org/2000/svg}rect")) == len(rows)


@given(st.lists(st.builds(Bin, HOSTILE, st.integers(0, 10**9)), max_size=12), HOSTILE)
def test_histogram_is_well_formed_xml(bins: list[Bin], title: str) -> None:
    ET.fromstring(histogram_chart(bins, title=title, x_label=title, y_label="documents"))


@settings(max_examples=50)
@given(HOSTILE, HOSTILE, HOSTILE, HOSTILE)
def test_document_text_never_becomes_markup(title: str, text: str, domain: str, reason: str
                                            ) -> None:
    kept = KeptSummary(docs=1, rules=Counter({reason: 1}), domains=Counter({domain: 1}),
                       agencies=Counter({title: 1}), removed=Counter({reason: 2}))
    kept.chars.add_values([len(text)])
    data = RunData(
        outdir=domain, stats={"counts": {"read": 3, "kept": 1, "dropped": {reason: 1},
                                         "rejected": {reason: 1}},
               "stage_seconds": [{"stage": 1, "steps": title, "seconds": 1}]},
        manifest={"steps": [{"name": reason, "version": title}],
                  "inputs": [{"path": domain, "format": title}], "config": {title: text},
                  "khabar_version": title},
        stages=[], kept=kept, drop_reasons=Counter({reason: 1}), drop_steps=Counter({title: 1}),
        reject_reasons=Counter({reason: 1}),
        drop_samples={reason: [Sample(title, title, text, domain, text, reason)]},
        reject_samples={reason: [RejectSample(domain, title, text, reason)]},
        clusters=[Cluster(reason, 2, (Member(title, text, domain, True),
                                      Member(text, title, domain, False, reason)))],
        warnings=[text])
    parser = _TagSet()
    parser.feed(render_html(data))
    assert parser.tags <= ALLOWED_TAGS
