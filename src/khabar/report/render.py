"""Draw a :class:`~khabar.report.gather.RunData` as one self-contained HTML page.

The frame (headings, tables, numbers) is English and left-to-right; every block of document
text (titles, snippets, agency names) gets an explicit ``dir`` from its first strong character,
so Persian reads right-to-left. Everything that comes from the corpus or the run goes through
:func:`html.escape`: crawled pages can hold ``<script>`` and the page must never run it (the
page also declares a Content-Security-Policy that forbids scripts and every network load).

The template and stylesheet are package data (``khabar/report/static``) and are inlined, so the
page needs no other file and opens offline.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from string import Template
from typing import Any

from khabar.report.charts import bar_chart, histogram_chart
from khabar.report.gather import (
    INPUTS_LISTED,
    TOP_AGENCIES,
    TOP_CITED,
    TOP_DOMAINS,
    TOP_RULES,
    Histogram,
    RunData,
    text_direction,
)

#: bars per reason chart (a run can drop for dozens of lang_* reasons; the table lists them all)
CHART_ROWS = 30


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _num(n: object) -> str:
    """Integers with thousands separators, other values as they are.

    >>> _num(1234), _num(None), _num(2.5)
    ('1,234', '', '2.5')
    """
    if isinstance(n, bool) or n is None:
        return "" if n is None else str(n)
    if isinstance(n, int):
        return f"{n:,}"
    return str(n)


def _bidi(text: object, tag: str = "span", cls: str = "") -> str:
    """``text`` escaped in an element whose ``dir`` follows its first strong character."""
    s = "" if text is None else str(text)
    c = f' class="{cls}"' if cls else ""
    return f'<{tag}{c} dir="{text_direction(s)}">{_esc(s)}</{tag}>'


@cache
def _static(name: str) -> str:
    return resources.files("khabar.report").joinpath("static", name).read_text(encoding="utf-8")


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: frozenset[int] = frozenset()
           ) -> str:
    """An HTML table; cells are already-escaped HTML. Columns in ``numeric`` align right."""
    def cell(tag: str, i: int, v: str) -> str:
        return f'<{tag} class="num">{v}</{tag}>' if i in numeric else f"<{tag}>{v}</{tag}>"

    out = ["<table><thead><tr>", *(cell("th", i, _esc(h)) for i, h in enumerate(head)),
           "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _section(anchor: str, title: str, *parts: str) -> str:
    return f'<section id="{anchor}"><h2>{_esc(title)}</h2>\n' + "\n".join(parts) + "</section>"


def _empty(text: str) -> str:
    return f'<p class="empty">{_esc(text)}</p>'


def _counts_chart(counter: Mapping[str, int], *, title: str, y_label: str, top: int | None = None,
                  x_label: str = "documents") -> str:
    rows = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    if top is not None:
        rows = rows[:top]
    return bar_chart(rows, title=title, x_label=x_label, y_label=y_label)


def _hist_block(hist: Histogram, *, title: str, unit: str) -> str:
    bins = hist.bins()
    if not bins:
        return _empty(f"No kept documents, so no {unit} histogram.")
    mean = hist.mean or 0.0
    summary = (f'<p>{_num(hist.total)} documents; mean {mean:,.1f} {unit}, '
               f'min {_num(hist.minimum)}, max {_num(hist.maximum)}.</p>')
    return histogram_chart(bins, title=title, x_label=f"{unit} per document",
                           y_label="documents") + summary


# ---------------------------------------------------------------------------------------------
# sections


def _header(d: RunData) -> str:
    m, s = d.manifest, d.stats
    counts = s.get("counts") or m.get("counts") or {}
    dropped = sum(int(v) for v in (counts.get("dropped") or {}).values())
    rejected = sum(int(v) for v in (counts.get("rejected") or {}).values())
    holds = counts.get("invariant_holds")
    inv = ('<span class="ok">holds</span>' if holds
           else '<span class="bad">BROKEN</span>' if holds is False else "not recorded")
    cards = [("read", counts.get("read")), ("kept", counts.get("kept")), ("dropped", dropped),
             ("rejected", rejected)]
    meta = (f"{_esc(d.outdir)} · khabar {_esc(m.get('khabar_version', '?'))} · engine "
            f"{_esc(m.get('engine', '?'))} × {_num(m.get('workers'))} workers · "
            f"{_num(s.get('seconds'))} s · {_num(s.get('docs_per_second'))} docs/s")
    return ("<header><h1>khabar run report</h1>"
            f'<div class="meta">{meta}</div><div class="cards">'
            + "".join(f'<div class="card"><div class="k">{k}</div><div class="n">{_num(v)}</div>'
                      "</div>" for k, v in cards)
            + f'<div class="card"><div class="k">read = kept + dropped + rejected</div>'
              f'<div class="n">{inv}</div></div></div></header>')


def _nav() -> str:
    links = [("stages", "Stages"), ("drops", "Drops"), ("rejects", "Rejects"),
             ("lengths", "Lengths"), ("repairs", "Repairs & removed lines"), ("sources", "Domains & agencies"),
             ("dates", "Dates"),
             ("duplicates", "Duplicates"), ("samples", "Samples"), ("run", "Inputs & config")]
    return "<nav>" + "".join(f'<a href="#{a}">{_esc(t)}</a>' for a, t in links) + "</nav>"


def _warnings(d: RunData) -> str:
    if not d.warnings:
        return ""
    items = "".join(f"<li>{_esc(w)}</li>" for w in d.warnings)
    return f'<section class="warnings" id="warnings"><h2>Warnings</h2><ul>{items}</ul></section>'


def _stages(d: RunData) -> str:
    if not d.stages:
        return _section("stages", "Documents per stage", _empty("No stages recorded."))
    rows = [(r.name, r.remaining) for r in d.stages]
    kept = (d.stats.get("counts") or {}).get("kept")
    last = d.stages[-1]
    if kept is not None and last.name != "kept":
        rows.append(("kept", int(kept)))
    chart = bar_chart(rows, title="Documents left after each stage", x_label="documents",
                      y_label="stage", highlight=frozenset({"kept"}))
    table = _table(["stage", "documents left", "dropped here", "rejected here"],
                   [(_esc(r.name), _num(r.remaining), _num(r.dropped), _num(r.rejected))
                    for r in d.stages], numeric=frozenset({1, 2, 3}))
    note = ""
    if kept is not None and last.remaining != int(kept):
        note = (f'<p class="bad">The stages leave {_num(last.remaining)} documents but the run '
                f"kept {_num(int(kept))}: a count is missing or a part is damaged.</p>")
    return _section("stages", "Documents per stage", chart, table, note)


def _drops(d: RunData) -> str:
    if not d.drop_reasons:
        return _section("drops", "Dropped documents by reason", _empty("No document was dropped."))
    chart = _counts_chart(d.drop_reasons, title=f"Dropped documents by reason (top {CHART_ROWS})",
                          y_label="reason", top=CHART_ROWS)
    total = sum(d.drop_reasons.values())
    rows = [(f"<code>{_esc(k)}</code>", _num(v), f"{100 * v / total:.1f} %")
            for k, v in sorted(d.drop_reasons.items(), key=lambda kv: (-kv[1], kv[0]))]
    by_step = _table(["step", "dropped"], [(f"<code>{_esc(k)}</code>", _num(v))
                                           for k, v in d.drop_steps.most_common()],
                     numeric=frozenset({1}))
    return _section("drops", "Dropped documents by reason", chart,
                    _table(["reason", "documents", "share"], rows, numeric=frozenset({1, 2})),
                    "<h3>By step</h3>", by_step)


def _rejects(d: RunData) -> str:
    if not d.reject_reasons:
        return _section("rejects", "Rejected records by reason",
                        _empty("No input record was rejected."))
    parts = [_counts_chart(d.reject_reasons, title=f"Rejected records by reason (top {CHART_ROWS})",
                           y_label="reason", x_label="records", top=CHART_ROWS)]
    for reason, samples in sorted(d.reject_samples.items()):
        parts.append(f"<h3><code>{_esc(reason)}</code></h3>")
        parts.append(_table(["source", "location", "stage", "detail"],
                            [(f'<span class="mono">{_esc(s.source)}</span>', _esc(s.location),
                              _esc(s.stage), _bidi(s.detail)) for s in samples]))
    return _section("rejects", "Rejected records by reason", *parts)


def _lengths(d: RunData) -> str:
    return _section("lengths", "Length of kept documents",
                    '<div class="charts">',
                    _hist_block(d.kept.chars, title="Characters per kept document",
                                unit="characters"),
                    _hist_block(d.kept.words, title="Words per kept document", unit="words"),
                    "</div>")


def _repairs(d: RunData) -> str:
    k = d.kept
    run = (d.manifest.get("config") or {}).get("run") or {}
    recorded = run.get("keep_edits", True) is not False  # else the fix step listed no edit
    if not recorded:
        parts = [_empty("Repairs were not recorded (run.keep_edits = false): the fix step "
                        "repaired the texts without listing its edits.")]
    else:
        parts = [_hist_block(k.repairs, title="Repairs per kept document", unit="repairs")]
    with_repairs = k.repairs.total - (k.repairs.counts[0] if k.repairs.counts else 0)
    if k.repairs.total:
        parts.append(f"<p>{_num(with_repairs)} of {_num(k.repairs.total)} kept documents have at "
                     f"least one repair; {_num(k.repairs.sum)} repairs in all.</p>")
    if k.rules:
        parts.append(_counts_chart(k.rules, title=f"Top {TOP_RULES} repair rules (kept documents)",
                                   y_label="rule", top=TOP_RULES, x_label="repairs"))
        parts.append(_table(["rule", "repairs"], [(f"<code>{_esc(r)}</code>", _num(n))
                                                  for r, n in k.rules.most_common(TOP_RULES)],
                            numeric=frozenset({1})))
    elif recorded:
        parts.append(_empty("No repair rule fired on the kept documents."))
    if k.removed:
        parts.append(_counts_chart(k.removed, title="Lines removed as boilerplate, by reason "
                                   "(kept documents)", y_label="reason", top=CHART_ROWS,
                                   x_label="lines"))
    else:
        parts.append(_empty("No line was removed from the kept documents as boilerplate."))
    return _section("repairs", "Repairs and removed lines", *parts)


def _sources(d: RunData) -> str:
    parts = ['<div class="charts">']
    for counter, top, what, plural in ((d.kept.domains, TOP_DOMAINS, "domain", "domains"),
                                       (d.kept.agencies, TOP_AGENCIES, "agency", "agencies"),
                                       (d.kept.cited_sources, TOP_CITED, "cited source",
                                        "cited sources")):
        if counter:
            parts.append(_counts_chart(counter, title=f"Top {top} {plural} of kept documents",
                                       y_label=what, top=top))
        else:
            parts.append(_empty(f"No kept document has a {what}."))
    parts.append("</div>")
    return _section("sources", "Domains and agencies", *parts)


#: months a timeline shows one by one; a longer span is shown by year
TIMELINE_MONTHS = 24
#: years a timeline fills in (a year with no document gets an empty bar); beyond, only the years
#: that have documents are shown, so one stray date does not draw a century of empty bars
TIMELINE_YEARS = 40


def timeline(months: Mapping[str, int]) -> tuple[str, list[tuple[str, int]]]:
    """Documents per period in time order: ``("month", rows)`` when the months span at most
    :data:`TIMELINE_MONTHS` (every month in the span, empty ones too), else ``("year", rows)``.
    Keys that are no ``YYYY-MM`` month are left out.

    >>> timeline({"2013-05": 2, "2013-07": 1})
    ('month', [('2013-05', 2), ('2013-06', 0), ('2013-07', 1)])
    >>> timeline({"2003-04": 1, "2005-01": 2, "2005-04": 1})
    ('year', [('2003', 1), ('2004', 0), ('2005', 3)])
    """
    valid = {k: v for k, v in months.items()
             if len(k) == 7 and k.isascii() and k[4] == "-" and k[:4].isdigit() and k[5:].isdigit()
             and 1 <= int(k[5:]) <= 12}
    if not valid:
        return "month", []
    first, last = min(valid), max(valid)
    index = [int(k[:4]) * 12 + int(k[5:]) - 1 for k in (first, last)]
    if index[1] - index[0] < TIMELINE_MONTHS:
        keys = [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index[0], index[1] + 1)]
        return "month", [(k, valid.get(k, 0)) for k in keys]
    years: Counter[str] = Counter()
    for k, v in valid.items():
        years[k[:4]] += v
    lo, hi = int(first[:4]), int(last[:4])
    keys = ([f"{y:04d}" for y in range(lo, hi + 1)] if hi - lo < TIMELINE_YEARS
            else sorted(years))
    return "year", [(k, years.get(k, 0)) for k in keys]


def _dates(d: RunData) -> str:
    dated = sum(d.kept.published_months.values())
    if not dated:
        return _section("dates", "Publication dates",
                        _empty("No kept document has a publication date."))
    unit, rows = timeline(d.kept.published_months)
    share = dated / d.kept.docs if d.kept.docs else 0.0
    note = (f"<p>{_num(dated)} of {_num(d.kept.docs)} kept documents ({share:.1%}) have a "
            f"publication date (from the record, the page's metadata, the URL or the text beside "
            f"the headline: <code>published</code>); they are counted by the {unit} they were "
            "published.</p>")
    return _section("dates", "Publication dates", note,
                    bar_chart(rows, title=f"Kept documents by {unit} published", x_label="documents",
                              y_label=unit))


def _duplicates(d: RunData) -> str:
    if not d.clusters:
        return _section("duplicates", "Largest duplicate clusters",
                        _empty("No duplicate cluster in this run."))
    parts = []
    for c in d.clusters:
        rows = [(f'<span class="mono">{_esc(m.id)}</span>', _bidi(m.title), _esc(m.domain),
                 '<span class="kept">kept</span>' if m.kept
                 else f'<span class="dropped">dropped</span> <code>{_esc(m.drop_reason)}</code>')
                for m in c.members]
        more = (f"<p>… and {_num(c.size - len(c.members))} more.</p>"
                if c.size > len(c.members) else "")
        parts.append(f'<h3>cluster <code>{_esc(c.cluster_id)}</code>: {_num(c.size)} documents</h3>'
                     + _table(["id", "title", "domain", ""], rows) + more)
    return _section("duplicates", "Largest duplicate clusters", *parts, _syndication(d))


def _syndication(d: RunData) -> str:
    if not d.syndication:
        return "<h3>Syndication</h3>" + _empty("No site republished another site's story.")
    rows = [(_esc(a), _esc(b), _num(n)) for a, b, n in d.syndication]
    return ("<h3>Syndication: which sites republish which</h3><p>The site of the copy kept (the "
            "earliest) and the site whose copy was dropped as its duplicate.</p>"
            + _table(["kept copy's site", "republished by", "copies"], rows,
                     numeric=frozenset({2})))


def _samples(d: RunData) -> str:
    if not any(d.drop_samples.values()):
        return _section("samples", "Sample dropped documents", _empty("No dropped documents."))
    parts = []
    for reason in sorted(d.drop_samples):
        parts.append(f"<h3><code>{_esc(reason)}</code> ({_num(d.drop_reasons.get(reason, 0))})</h3>")
        for s in d.drop_samples[reason]:
            where = " · ".join(_esc(x) for x in (s.id, s.domain, f"step {s.step}") if x)
            parts.append('<div class="sample">'
                         + (_bidi(s.title, "div", "title") if s.title else "")
                         + _bidi(s.snippet, "div", "text")
                         + f'<div class="where">{where}</div></div>')
    return _section("samples", "Sample dropped documents (first 200 characters)", *parts)


def _stage_times(stage_seconds: Any) -> list[tuple[str, Any]]:
    """Stages in run order, labelled by their steps: stats.json keeps them as a list of
    ``{"stage", "steps", "seconds"}``.

    >>> _stage_times([{"stage": 2, "steps": "dedup", "seconds": 1}, {"stage": 1, "steps": "read, fix", "seconds": 2}])
    [('1: read, fix', 2), ('2: dedup', 1)]
    """
    rows = sorted((x for x in stage_seconds or [] if isinstance(x, Mapping)),
                  key=lambda x: x.get("stage", 0))
    return [(f"{x.get('stage')}: {x.get('steps')}", x.get("seconds")) for x in rows]


def _run(d: RunData) -> str:
    m, s = d.manifest, d.stats
    steps = _table(["step", "version"], [(f"<code>{_esc(x.get('name'))}</code>",
                                          _esc(x.get("version"))) for x in m.get("steps") or []])
    stage_s = _table(["stage", "seconds"], [(_esc(k), _num(v)) for k, v in
                                            _stage_times(s.get("stage_seconds"))],
                     numeric=frozenset({1}))
    inputs = m.get("inputs") or []
    rows = [(f'<span class="mono">{_esc(i.get("path"))}</span>', _esc(i.get("format")),
             _esc(i.get("compression") or ""), _num(i.get("size")), _num(i.get("records")),
             _num(i.get("rejected")), f'<span class="mono">{_esc(str(i.get("sha256", ""))[:16])}</span>')
            for i in inputs[:INPUTS_LISTED]]
    more = (f"<p>… and {_num(len(inputs) - INPUTS_LISTED)} more inputs (all are listed in "
            f"manifest.json).</p>" if len(inputs) > INPUTS_LISTED else "")
    inputs_t = _table(["path", "format", "compression", "bytes", "records", "rejected", "sha256"],
                      rows, numeric=frozenset({3, 4, 5}))
    files = _table(["output file", "sha256"], [(f'<span class="mono">{_esc(f.get("path"))}</span>',
                                                f'<span class="mono">{_esc(f.get("sha256"))}</span>')
                                               for f in m.get("files") or []])
    config = json.dumps(m.get("config") or {}, ensure_ascii=False, indent=2, sort_keys=True)
    step_counters = json.dumps(s.get("steps") or {}, ensure_ascii=False, indent=2, sort_keys=True)
    return _section("run", "Inputs and configuration",
                    f"<h3>Inputs ({_num(len(inputs))})</h3>", inputs_t, more,
                    "<h3>Steps</h3>", steps, "<h3>Seconds per stage</h3>", stage_s,
                    "<h3>Output files</h3>", files,
                    f"<details><summary>Resolved configuration</summary><pre>{_esc(config)}</pre>"
                    "</details>",
                    f"<details><summary>Step counters (stats.json)</summary>"
                    f"<pre>{_esc(step_counters)}</pre></details>")


def render_html(data: RunData) -> str:
    """The whole report page for ``data``: one string, every asset inline."""
    body = "\n".join([
        _header(data), _nav(), "<main>", _warnings(data), _stages(data), _drops(data),
        _rejects(data), _lengths(data), _repairs(data), _sources(data), _dates(data),
        _duplicates(data),
        _samples(data), _run(data), "</main>",
    ])
    return Template(_static("report.html")).substitute(
        title=_esc(f"khabar report: {data.outdir}"), css=_static("report.css"), body=body,
        version=_esc(data.manifest.get("khabar_version", "")))

