"""JSON lines (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``): one document per line.

``doc.record`` counts records (non-blank lines) from 0; reject locations name the 1-based line and
the byte offset of the line in the decompressed stream. Blank lines are skipped and counted in
``stats.skipped["blank_line"]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from khabar.document import Document, Reject
from khabar.io.charset import UndecodableError, decode_text
from khabar.io.formats.base import ReadContext
from khabar.io.formats.fields import FieldNames, RecordProblem, pick_fields
from khabar.io.formats.stream import Line, StreamBroken, context_chunks, iter_lines


def _location(line: int, offset: int) -> str:
    return f"line {line} (byte {offset})"


def _record(ctx: ReadContext, names: FieldNames, record: int, line: Line) -> Document | Reject:
    where = _location(line.number, line.offset)
    assert line.data is not None
    try:
        decoded = decode_text(line.data, max_replaced_ratio=ctx.config.max_replaced_ratio)
    except UndecodableError as exc:
        return ctx.reject(where, exc.reason, exc.detail)
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        return ctx.reject(where, "invalid_json", f"{exc.msg} (column {exc.colno})")
    except RecursionError:
        return ctx.reject(where, "invalid_json", "nested too deeply to parse")
    if not isinstance(obj, dict):
        return ctx.reject(where, "not_an_object", f"a JSON {type(obj).__name__}, not an object")
    try:
        picked = pick_fields(obj, names, ctx.config)
    except RecordProblem as exc:
        return ctx.reject(where, exc.reason, exc.detail)
    meta: dict[str, object] = {}
    if picked.extra:
        meta["input"] = picked.extra
    if picked.date is not None:
        meta["date"] = picked.date
    if decoded.replaced or picked.replaced:
        meta["replaced_chars"] = decoded.replaced + picked.replaced
    return ctx.document(
        record,
        picked.text,
        doc_id=picked.id,
        offset=line.offset,
        url=picked.url,
        html=picked.html,
        meta=meta,
    )


def read(ctx: ReadContext) -> Iterator[Document | Reject]:
    """Every record of the file, a Document or a Reject each, then a Reject for any damage."""
    names = FieldNames.from_config(ctx.config)
    limit = ctx.config.max_record_bytes
    record = 0
    blank = 0
    try:
        for line in iter_lines(context_chunks(ctx), limit):
            if line.data is None:
                yield ctx.reject(
                    _location(line.number, line.offset),
                    "record_too_large",
                    f"{line.length} bytes > {limit}",
                )
            elif not line.data.strip():
                ctx.skip("blank_line")
                blank += 1
                continue
            else:
                yield _record(ctx, names, record, line)
            record += 1
    except StreamBroken as exc:
        yield ctx.reject(
            _location(exc.line or 1, exc.offset),
            exc.reason,
            f"{exc.detail}; {record} records before it were read",
        )
        return
    except OSError as exc:
        yield ctx.reject("file", "unreadable", str(exc))
        return
    if record == 0:
        detail = "no records" + (f" ({blank} blank lines)" if blank else "")
        yield ctx.reject("file", "empty_file", detail)
