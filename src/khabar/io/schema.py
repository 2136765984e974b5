"""The Parquet layout of a refined corpus: one row per document, the same columns for kept and
dropped documents (dropped ones carry ``drop_reason``), and the conversion both ways.

The layout is documented for users in docs/output-format.md; a test checks the two agree.
Everything that is not a fixed column goes into ``metadata`` as a JSON object, so the schema is
the same for every shard of every run and ``datasets.load_dataset("parquet", ...)`` reads them all.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from khabar.document import Document, Edit, Removed

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

#: columns taken from ``doc.meta`` into their own column (the rest stays in ``metadata``)
META_COLUMNS = ("agency", "agency_id", "desk", "cited_source", "published", "lang", "dup_cluster", "dup_of")

#: internal column of the work files between stages (never in the final output)
ORDER_COLUMN = "_order"


@cache
def signal_names() -> tuple[str, ...]:
    from khabar.corpus.quality import SIGNAL_NAMES

    return tuple(SIGNAL_NAMES)


@cache
def output_schema() -> pa.Schema:
    import pyarrow as pa

    edit = pa.struct([("offset", pa.int32()), ("before", pa.string()), ("after", pa.string()),
                      ("rule", pa.string())])
    removed = pa.struct([("text", pa.string()), ("reason", pa.string()), ("line", pa.int32())])
    signals = pa.struct([(n, pa.float64()) for n in signal_names()])
    return pa.schema([
        ("id", pa.string()),
        ("url", pa.string()),
        ("domain", pa.string()),
        ("title", pa.string()),
        ("lead", pa.string()),
        ("text", pa.string()),
        ("paragraphs", pa.list_(pa.string())),
        *[(c, pa.string()) for c in META_COLUMNS],
        ("signals", signals),
        ("repairs", pa.int32()),
        ("edits", pa.list_(edit)),
        ("removed", pa.list_(removed)),
        ("metadata", pa.string()),
        ("raw", pa.string()),
        ("source", pa.string()),
        ("record", pa.int64()),
        ("offset", pa.int64()),
        ("drop_reason", pa.string()),
        ("drop_step", pa.string()),
    ])


@cache
def work_schema() -> pa.Schema:
    import pyarrow as pa

    return output_schema().append(pa.field(ORDER_COLUMN, pa.int64()))


def _json_default(o: Any) -> Any:
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    return str(o)


def doc_to_row(doc: Document, *, keep_raw: bool = True) -> dict[str, Any]:
    """One output row for ``doc`` (kept or dropped)."""
    meta = dict(doc.meta)
    row: dict[str, Any] = {
        "id": doc.id,
        "url": doc.url,
        "domain": doc.domain,
        "title": doc.title,
        "lead": doc.lead,
        "text": doc.text,
        "paragraphs": list(doc.paragraphs),
    }
    for c in META_COLUMNS:
        v = meta.pop(c, None)
        row[c] = None if v is None else str(v)
    names = signal_names()
    row["signals"] = {n: float(doc.signals[n]) if n in doc.signals else None for n in names}
    extra_signals = {k: v for k, v in doc.signals.items() if k not in names}
    if extra_signals:
        meta["signals_extra"] = extra_signals
    row["repairs"] = len(doc.edits)
    row["edits"] = [{"offset": e.offset, "before": e.before, "after": e.after, "rule": e.rule}
                    for e in doc.edits]
    row["removed"] = [{"text": r.text, "reason": r.reason, "line": r.line} for r in doc.removed]
    row["metadata"] = json.dumps(meta, ensure_ascii=False, sort_keys=True, default=_json_default)
    row["raw"] = doc.raw if keep_raw else None
    row["source"] = doc.source
    row["record"] = doc.record
    row["offset"] = doc.offset
    row["drop_reason"] = doc.drop_reason
    row["drop_step"] = doc.drop_step
    return row


def row_to_doc(row: dict[str, Any]) -> Document:
    """The inverse of :func:`doc_to_row` (``raw`` comes back empty if it was not kept)."""
    meta = json.loads(row.get("metadata") or "{}")
    for c in META_COLUMNS:
        if row.get(c) is not None:
            meta[c] = row[c]
    signals = {k: v for k, v in (row.get("signals") or {}).items() if v is not None}
    signals.update(meta.pop("signals_extra", {}))
    return Document(
        id=row["id"],
        text=row.get("text") or "",
        source=row.get("source") or "",
        record=row.get("record") or 0,
        offset=row.get("offset"),
        url=row.get("url"),
        domain=row.get("domain"),
        raw=row.get("raw") or "",
        title=row.get("title"),
        lead=row.get("lead"),
        paragraphs=list(row.get("paragraphs") or []),
        meta=meta,
        signals=signals,
        edits=[Edit(e["offset"], e["before"], e["after"], e["rule"]) for e in row.get("edits") or []],
        removed=[Removed(r["text"], r["reason"], r["line"]) for r in row.get("removed") or []],
        drop_reason=row.get("drop_reason"),
        drop_step=row.get("drop_step"),
    )
