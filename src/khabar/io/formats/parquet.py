"""Parquet files in the ``datasets`` layout (a ``text`` column, optional id/url/date columns).

Read with pyarrow in row batches of ``ReadConfig.batch_size``, never the whole file, so
FineWeb-2's Persian part (2 GB files) can be re-refined in bounded memory. ``doc.record`` is the
0-based row number; reject locations say ``"row N"``. Columns other than text/html/url/id/date go
to ``meta["input"]``, converted to JSON values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from khabar.document import Document, Reject
from khabar.io import fs
from khabar.io.formats.base import ReadContext
from khabar.io.formats.fields import FieldNames, RecordProblem, pick_fields


def _missing_text_column(names: FieldNames, columns: list[str]) -> str | None:
    present = set(columns)
    if any(n in present for n in names.text) or any(n in present for n in names.html):
        return None
    return (
        f"no column named {' / '.join(names.text)} (columns: {', '.join(columns[:20])}); "
        "name the text column with text_field="
    )


def _rows(batch: Any) -> Iterator[dict[str, Any] | UnicodeDecodeError]:
    """The batch's rows as dicts; a row whose strings are not valid UTF-8 as the error instead.

    Parquet does not check that a string column holds UTF-8, and pyarrow only finds out when it
    converts a value to Python: then the batch is converted again row by row, so that only the
    bad rows are lost.
    """
    try:
        yield from batch.to_pylist()
        return
    except UnicodeDecodeError:
        pass
    for i in range(batch.num_rows):
        try:
            [values] = batch.slice(i, 1).to_pylist()
        except UnicodeDecodeError as exc:
            yield exc
        else:
            yield values


def read(ctx: ReadContext) -> Iterator[Document | Reject]:
    """Every row of the file, a Document or a Reject each."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = FieldNames.from_config(ctx.config)
    try:
        filesystem, path = fs.arrow_filesystem(ctx.inp.path)
        pf = pq.ParquetFile(path, filesystem=filesystem)
        total = pf.metadata.num_rows
        columns = list(pf.schema_arrow.names)
    # ValueError: pyarrow decodes names from the file's metadata as UTF-8 (UnicodeDecodeError)
    except (OSError, ValueError, pa.ArrowException) as exc:
        yield ctx.reject("file", "parquet_error", f"cannot open as Parquet: {exc}")
        return
    if total == 0:
        yield ctx.reject("file", "empty_file", "0 rows")
        return
    missing = _missing_text_column(names, columns)
    if missing:
        # every row lacks it: one reject for the file, not one per row
        yield ctx.reject("file", "no_text_field", f"{missing} ({total} rows)")
        return
    row = 0
    carry = ctx.raw_carry
    try:
        for batch in pf.iter_batches(batch_size=ctx.config.batch_size):
            first = row
            for values in _rows(batch):
                if isinstance(values, UnicodeDecodeError):
                    yield ctx.reject(
                        f"row {row}", "decode_error", f"a string column is not UTF-8: {values}"
                    )
                    row += 1
                    continue
                try:
                    # pyarrow decodes strings strictly (_rows): no lone surrogate gets through
                    picked = pick_fields(values, names, ctx.config, no_surrogates=True)
                except RecordProblem as exc:
                    yield ctx.reject(f"row {row}", exc.reason, exc.detail)
                else:
                    meta: dict[str, object] = {}
                    if picked.extra:
                        meta["input"] = picked.extra
                    if picked.date is not None:
                        meta["date"] = picked.date
                    if picked.replaced:
                        meta["replaced_chars"] = picked.replaced
                    doc = ctx.document(
                        row, picked.text, doc_id=picked.id, url=picked.url, html=picked.html,
                        meta=meta,
                    )  # fmt: skip
                    if carry is not None and picked.text_field is not None:
                        # doc.raw is the str of that column's row, unless it was joined from a list
                        carry.note(doc, batch, picked.text_field, row - first)
                    yield doc
                row += 1
    except (OSError, ValueError, pa.ArrowException) as exc:
        yield ctx.reject(
            f"row {row}", "parquet_error", f"rows {row} to {total - 1} cannot be read: {exc}"
        )
