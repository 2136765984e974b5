"""The Parquet layout of a refined corpus: one row per document, the same columns for kept and
dropped documents (dropped ones carry ``drop_reason``), and the conversion both ways.

The layout is documented for users in docs/output-format.md; a test checks the two agree.
Everything that is not a fixed column goes into ``metadata`` as a JSON object, so the schema is
the same for every shard of every run and ``datasets.load_dataset("parquet", ...)`` reads them all.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import accumulate, pairwise, repeat
from typing import TYPE_CHECKING, Any, Final

from khabar import _native
from khabar.document import Document, Edit, Removed

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

#: columns taken from ``doc.meta`` into their own column (the rest stays in ``metadata``)
META_COLUMNS = ("agency", "agency_id", "desk", "cited_source", "published", "lang", "dup_cluster", "dup_of")

#: internal column of the work files between stages (never in the final output)
ORDER_COLUMN = "_order"
#: internal column of the work files: the text's canonical lines joined by ``\n``, when the stage
#: that wrote the file computed them (``khabar.corpus.keys.known_canonical_lines``), else null.
#: The next stage's steps read them instead of computing them again (0.13 CPU ms of a ~4 KB
#: document; they cost about 0.05 ms to write and read back, bench/throughput/results.md).
CANONICAL_COLUMN = "_canonical"


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

    return pa.schema([*output_schema(), pa.field(ORDER_COLUMN, pa.int64()),
                      pa.field(CANONICAL_COLUMN, pa.string())])


def _json_default(o: Any) -> Any:
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    return str(o)


#: ``json.dumps(meta, ensure_ascii=False, sort_keys=True, default=_json_default)``, made once
_META_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_json_default)


def _meta_encoder() -> Callable[[dict[str, Any]], str]:
    """:data:`_META_JSON`'s ``encode`` of a dict, calling the C encoder it runs
    (``json.encoder.c_make_encoder``) directly, made once: the same text, without the ~0.9 CPU us
    a call spends in ``JSONEncoder.iterencode`` setting it up again. Circular metadata, which
    ``encode`` reports as a ValueError, then ends in a RecursionError. Falls back to ``encode``
    where the C encoder is missing (another Python).

    >>> _encode_meta({"b": 1.5, "a": ["خبر", None]}) == _META_JSON.encode({"b": 1.5, "a": ["خبر", None]})
    True
    """
    import json.encoder as je

    make = getattr(je, "c_make_encoder", None)
    if make is None:  # pragma: no cover - CPython has it
        return _META_JSON.encode
    encoder = make(None, _json_default, je.encode_basestring, None, ": ", ", ", True, False, True)

    def encode(meta: dict[str, Any]) -> str:
        return "".join(encoder(meta, 0))

    return encode


_encode_meta = _meta_encoder()


def doc_to_row(doc: Document, *, keep_raw: bool = True,
               keep_edits: bool = True) -> dict[str, Any]:
    """One output row for ``doc`` (kept or dropped); ``repairs`` and ``edits`` are null without
    ``keep_edits`` (``run.keep_edits``: the fix step recorded none), ``raw`` without ``keep_raw``."""
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
    row["repairs"] = len(doc.edits) if keep_edits else None
    row["edits"] = ([{"offset": e.offset, "before": e.before, "after": e.after, "rule": e.rule}
                     for e in doc.edits] if keep_edits else None)
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


# ---------------------------------------------------------------------------------------------
# many documents at once, column by column: what a run writes and reads between its stages.
# The tables equal ``Table.from_pylist([doc_to_row(d) ...])`` (tested), so the Parquet files are
# the same bytes, at a fraction of the cost: a document carries a hundred or more edits, and the
# row form builds a dict per edit only for Arrow to take it apart again.


def _unknown_lines(text: str) -> None:
    return None


class DocColumns:
    """Documents turned into the columns of :func:`output_schema` (with ``order``, of
    :func:`work_schema`, ``_order`` from ``doc.order``) as they are added; :meth:`table` builds
    the Arrow table of the documents added since the last call.

    Each document is converted when it is added, as :func:`doc_to_row` would at that moment, so
    changing it afterwards does not change its row. The table equals
    ``pa.Table.from_pylist([doc_to_row(d, keep_raw=..., keep_edits=...) for d in docs], schema)``.

    >>> cols = DocColumns()
    >>> cols.add(Document("d1", "کتاب", edits=[Edit(2, "ي", "ی", "char.yeh")]))
    >>> t = cols.table()
    >>> t.num_rows, t.column("edits").to_pylist(), len(cols)
    (1, [[{'offset': 2, 'before': 'ي', 'after': 'ی', 'rule': 'char.yeh'}]], 0)
    """

    def __init__(self, *, keep_raw: bool = True, order: bool = False,
                 carry: Carry | None = None, canonical: bool = True,
                 keep_edits: bool = True, raw_carry: RawCarry | None = None) -> None:
        self.keep_raw = keep_raw
        self.keep_edits = keep_edits
        self.order = order
        #: where documents read without their edits and raw have them (see :class:`Carry`)
        self.carry = carry
        #: where documents read from Arrow columns were given their raw text (:class:`RawCarry`)
        self.raw_carry = raw_carry
        self._signal_names = signal_names()
        self._signal_set = frozenset(self._signal_names)
        self._no_signals: list[float | None] = [None] * len(self._signal_names)
        #: a work file's ``_canonical``: the known canonical lines of each text (``canonical``),
        #: or null for a next stage that reads no text (one that only passes rows on as Arrow)
        self._known_lines: Callable[[str], str | None] = _unknown_lines
        if order and canonical:
            from khabar.corpus.keys import known_canonical_lines

            self._known_lines = known_canonical_lines
        self._clear()

    def _clear(self) -> None:
        #: one tuple per document: its values of _ROW_COLUMNS, then one per META_COLUMNS entry,
        #: then one per signal (one append per document; made into columns by :meth:`table`)
        self._rows: list[tuple[Any, ...]] = []
        #: the list columns: flat values (one list per struct field) and each row's end
        self._paragraphs: list[str] = []
        #: each row's ``doc.text`` (the str its text column row is made or carried from): where
        #: its paragraphs' UTF-8 is copied from (:func:`_paragraph_values`)
        self._texts: list[str] = []
        self._edits: list[Edit] = []  # tuples in the struct's field order (tested)
        self._removed: list[tuple[str, str, int]] = []
        self._ends: dict[str, list[int]] = {"paragraphs": [0], "edits": [0], "removed": [0]}
        #: rows whose edits and raw are still in a read batch: (row, batch, its row there)
        self._carried: list[tuple[int, pa.RecordBatch, int]] = []
        #: the rows among those whose text is the one read (the same str): taken from the batch
        #: too, not encoded again (~7 CPU us of a ~4 KB text); ``None`` in the text column
        self._carried_text: list[tuple[int, pa.RecordBatch, int]] = []
        #: rows whose raw text is still the str read from an input's Arrow column (RawCarry)
        self._carried_raw: list[tuple[int, pa.RecordBatch, int]] = []

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, doc: Document) -> None:
        """Append ``doc`` (kept or dropped) as one row."""
        pos = len(self._rows)
        text: str | None = doc.text
        raw: str | None = doc.raw if self.keep_raw else None
        ref = self.carry.pop(doc) if self.carry is not None else None
        if ref is not None:
            batch, row, read_text = ref
            self._carried.append((pos, batch, row))
            if text and text is read_text:  # unchanged (an empty one may have been null)
                self._carried_text.append((pos, batch, row))
                text = None
        elif self.raw_carry is not None:
            source = self.raw_carry.pop(doc)
            if source is not None and raw is not None:
                self._carried_raw.append((pos, *source))
                raw = None
        meta = dict(doc.meta)
        strings = [None if (v := meta.pop(c, None)) is None else str(v) for c in META_COLUMNS]
        signals = doc.signals
        if signals:
            floats = [float(signals[n]) if n in signals else None for n in self._signal_names]
            if not self._signal_set.issuperset(signals):
                meta["signals_extra"] = {k: v for k, v in signals.items()
                                         if k not in self._signal_set}
        else:
            floats = self._no_signals
        self._rows.append((
            doc.id, doc.url, doc.domain, doc.title, doc.lead, text,
            len(doc.edits) if self.keep_edits else None, raw, doc.source, doc.record,
            doc.offset, doc.drop_reason, doc.drop_step, doc.order, _encode_meta(meta),
            self._known_lines(doc.text) if self.order else None, *strings, *floats))
        ends = self._ends
        self._texts.append(doc.text)
        self._paragraphs.extend(doc.paragraphs)
        ends["paragraphs"].append(len(self._paragraphs))
        self._edits.extend(doc.edits)
        ends["edits"].append(len(self._edits))
        self._removed.extend((r.text, r.reason, r.line) for r in doc.removed)
        ends["removed"].append(len(self._removed))

    def table(self) -> pa.Table:
        """The documents added so far as one table (one chunk per column); starts empty again."""
        import pyarrow as pa

        schema = work_schema() if self.order else output_schema()
        n = len(self)
        width = len(_ROW_COLUMNS) + len(META_COLUMNS) + len(self._signal_names)
        values = list(zip(*self._rows)) if n else [()] * width
        cols = dict(zip((*_ROW_COLUMNS, *META_COLUMNS), values))
        signals = values[len(_ROW_COLUMNS) + len(META_COLUMNS):]
        arrays = []
        for field in schema:
            name = field.name
            if name in cols:
                arrays.append(pa.array(cols[name], type=field.type))
            elif name == "signals":
                arrays.append(_struct_array(signals, field.type, n))
            elif name == "paragraphs":  # made from the final text column, below
                arrays.append(None)
            elif name == "edits" and not self.keep_edits:
                arrays.append(pa.nulls(n, field.type))
            elif name == "edits":
                values = _edit_values(self._edits, field.type.value_type)
                arrays.append(_list_array(self._ends[name], values, field.type))
            elif name == "removed":  # Arrow makes struct rows of tuples in C
                values = pa.array(self._removed, type=field.type.value_type)
                arrays.append(_list_array(self._ends[name], values, field.type))
            else:
                raise AssertionError(f"DocColumns does not fill the column {name!r}")
        if self._carried:
            unkept = unkept_columns(keep_raw=self.keep_raw, keep_edits=self.keep_edits)
            arrays = _with_carried(arrays, schema, self._carried,
                                   [name for name in CARRIED_COLUMNS if name not in unkept])
        if self._carried_text:
            arrays = _with_carried(arrays, schema, self._carried_text, ["text"])
        if self._carried_raw:
            arrays = _with_carried(arrays, schema, self._carried_raw, ["raw"])
        i = schema.get_field_index("paragraphs")
        field = schema.field(i)
        values = _paragraph_values(self._texts, arrays[schema.get_field_index("text")],
                                   self._paragraphs, self._ends["paragraphs"],
                                   field.type.value_type)
        arrays[i] = _list_array(self._ends["paragraphs"], values, field.type)
        self._clear()
        return pa.Table.from_arrays(arrays, schema=schema)


def _with_carried(arrays: list[pa.Array], schema: pa.Schema,
                  carried: list[tuple[int, pa.RecordBatch, int]],
                  names: list[str]) -> list[pa.Array]:
    """``arrays`` (the columns of ``schema``) with the columns ``names`` of the ``carried`` rows
    (``(row, batch, its row there)``; built empty or null from their documents) taken from the
    batches they were read in, as Arrow.

    The carried rows of one batch are most often one run of its rows (a slice, no copy), and
    most often every row of the table is carried, in order: then the table's column is those
    rows as they are, without the concatenation and the ``take`` that put the carried rows
    among the built ones (both copies of every text)."""
    import numpy as np
    import pyarrow as pa

    n = len(arrays[0])
    positions = [pos for pos, _, _ in carried]
    every_row = len(positions) == n and positions == list(range(n))
    take = None
    if not every_row:
        rows = np.arange(n, dtype=np.int64)
        rows[positions] = np.arange(n, n + len(positions), dtype=np.int64)
        take = pa.array(rows)
    # the carried rows of each batch, in the order they were added (one take per batch)
    groups: list[tuple[pa.RecordBatch, list[int]]] = []
    for _, batch, row in carried:
        if groups and groups[-1][0] is batch:
            groups[-1][1].append(row)
        else:
            groups.append((batch, [row]))
    picks = [(batch, _picker(picked)) for batch, picked in groups]
    out = list(arrays)
    for name in names:
        i = schema.get_field_index(name)
        field = schema.field(i)
        values = [pick(batch.column(name)).cast(field.type) for batch, pick in picks]
        if take is None:
            out[i] = values[0] if len(values) == 1 else pa.concat_arrays(values)
        else:
            out[i] = pa.concat_arrays([arrays[i], *values]).take(take)
    return out


def _picker(rows: list[int]) -> Callable[[pa.Array], pa.Array]:
    """A function giving the ``rows`` of an array: a slice (no copy) when they are one run of
    consecutive rows, else a ``take``."""
    import pyarrow as pa

    first = rows[0]
    if rows == list(range(first, first + len(rows))):
        return lambda column: column.slice(first, len(rows))
    indices = pa.array(rows, type=pa.int64())
    return lambda column: column.take(indices)


#: the columns of a work file that :class:`Carry` hands on as Arrow (``repairs`` is the number
#: of ``edits``)
CARRIED_COLUMNS = ("repairs", "edits", "raw")


def unkept_columns(*, keep_raw: bool = True, keep_edits: bool = True) -> tuple[str, ...]:
    """The output columns a run writes as nulls: ``raw`` without ``run.keep_raw``, ``repairs``
    and ``edits`` without ``run.keep_edits``.

    >>> unkept_columns(keep_raw=False), unkept_columns(keep_edits=False)
    (('raw',), ('repairs', 'edits'))
    """
    return (*(() if keep_edits else ("repairs", "edits")), *(() if keep_raw else ("raw",)))


class Carry:
    """The ``edits`` and ``raw`` of documents read from a work file, kept as the Arrow rows they
    were read from while the documents go through steps that never look at them.

    Those two are most of a document's bytes and Python objects (a hundred or more edits each):
    a stage whose steps leave them alone reads the rest of each row into a :class:`Document`
    (:meth:`read`; ``edits == []``, ``raw == ""``) and writes them back from the batch, as Arrow,
    through :class:`DocColumns` made with this carry. Before a step that may use them the
    pipeline calls :meth:`materialize`, which gives the document its own (see
    :func:`khabar.pipeline.uses_edits_or_raw`). The files written are the same bytes as when
    every document is read whole (tested). Documents are known by ``order``, unique in a run.
    A text the steps left as it was read (the same ``str``, not only an equal one) is written back
    from the batch too, without encoding it again.
    A rejected document is never written, so its row (and its batch) stays held until the stage's
    task ends: at most one work file's batches when every document is rejected.

    >>> t = docs_to_table([Document("a", "متن", raw="مٹن", edits=[Edit(1, "ٹ", "ت", "r")])], order=True)
    >>> carry = Carry()
    >>> [doc] = carry.read(t.to_batches()[0])
    >>> doc.edits, doc.raw
    ([], '')
    >>> carry.materialize(doc)
    >>> doc.edits, doc.raw
    ([Edit(offset=1, before='ٹ', after='ت', rule='r')], 'مٹن')
    """

    def __init__(self) -> None:
        #: by order: the batch and row a document was read from, and the text it was given
        self._rows: dict[int, tuple[pa.RecordBatch, int, str]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def read(self, batch: pa.RecordBatch) -> list[Document]:
        """The documents of ``batch`` (rows of :func:`work_schema`) without edits and raw."""
        names = [n for n in batch.schema.names if n not in CARRIED_COLUMNS]
        docs = batch_to_docs(batch.select(names))
        for row, doc in enumerate(docs):
            self._rows[doc.order] = (batch, row, doc.text)
        return docs

    def materialize(self, doc: Document) -> None:
        """Give ``doc`` its edits and raw (nothing when it has them already)."""
        ref = self.pop(doc)
        if ref is None:
            return
        batch, row, _ = ref
        [doc.edits] = _lists(batch.column("edits").slice(row, 1), Edit)
        doc.raw = batch.column("raw")[row].as_py() or ""

    def pop(self, doc: Document) -> tuple[pa.RecordBatch, int, str] | None:
        """Where ``doc``'s edits and raw are (its batch and row there, and the text it was read
        with), and forget it; ``None`` when it has them itself.

        Raises:
            ValueError: ``doc`` was changed in its edits or raw without being given them first
                (a step that uses them said it does not; see
                :func:`khabar.pipeline.uses_edits_or_raw`).
        """
        ref = self._rows.pop(doc.order, None)
        if ref is not None and (doc.edits or doc.raw):
            raise ValueError(
                f"document {doc.id!r} got edits or raw text from a step that says it does not "
                "use them, so its own were never read back: the step must not declare "
                "uses_edits_or_raw = None (see khabar.pipeline.uses_edits_or_raw)")
        return ref


class RawCarry:
    """Where the documents read from a Parquet file got their ``raw`` text: the Arrow string
    column and row its str was made from, noted by the reader (``read_file(raw_carry=...)``) and
    taken by the first stage's :class:`DocColumns` made with this carry, which copies the row
    instead of encoding the str to UTF-8 again (~9 CPU us of a ~4 KB text), when the document's
    ``raw`` is still that very str (identity, not equality: a step that sets another raw gets its
    own encoded). The files are the same bytes (tested). Documents are known by their identity
    while they live; a rejected document is never written, so its note (and its batch's column)
    stays held until the stage's task ends, as :class:`Carry`'s rows do.

    >>> import pyarrow as pa
    >>> batch = pa.record_batch({"text": ["متن اول", "متن دوم"]})
    >>> doc = Document("a", "متن دوم", raw=batch.column("text").to_pylist()[1])
    >>> carry = RawCarry()
    >>> carry.note(doc, batch, "text", 1)
    >>> cols = DocColumns(raw_carry=carry)
    >>> cols.add(doc)
    >>> cols.table().column("raw").to_pylist(), len(carry)
    (['متن دوم'], 0)
    """

    def __init__(self) -> None:
        #: by ``id(doc)``: the raw str noted, and its column (as a one-column batch) and row
        self._rows: dict[int, tuple[str, pa.RecordBatch, int]] = {}
        self._batch: pa.RecordBatch | None = None  # the last batch noted from, and its column
        self._field = ""
        self._column: pa.RecordBatch | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def note(self, doc: Document, batch: pa.RecordBatch, field: str, row: int) -> None:
        """``doc.raw`` is the str that ``batch``'s ``field`` holds in ``row`` (from its
        ``to_pylist``); noted when that column is a string column (not one of bytes, which were
        decoded, or a list, which was joined) and the text is not empty."""
        if batch is not self._batch or field != self._field:
            import pyarrow as pa

            column = batch.column(field)
            kind = column.type
            self._column = (pa.RecordBatch.from_arrays([column], names=["raw"])
                            if pa.types.is_string(kind) or pa.types.is_large_string(kind) else None)
            self._batch, self._field = batch, field
        if self._column is not None and doc.raw:
            self._rows[id(doc)] = (doc.raw, self._column, row)

    def pop(self, doc: Document) -> tuple[pa.RecordBatch, int] | None:
        """The column (a one-column batch, ``raw``) and row of ``doc.raw`` when it is still the
        str noted, and forget it; else ``None``."""
        ref = self._rows.pop(id(doc), None)
        if ref is None or doc.raw is not ref[0]:
            return None
        return ref[1], ref[2]


#: the columns of a :class:`DocColumns` row before its META_COLUMNS and signals: taken as they
#: are from a document, in its order, then ``metadata`` (made from ``meta`` and the extra
#: signals) and ``_canonical`` (null in a table without it)
_ROW_COLUMNS = ("id", "url", "domain", "title", "lead", "text", "repairs", "raw", "source",
                "record", "offset", "drop_reason", "drop_step", ORDER_COLUMN, "metadata",
                CANONICAL_COLUMN)


def _struct_array(children: Sequence[Sequence[Any]], type_: pa.StructType, n: int) -> pa.Array:
    """A struct array of ``n`` rows (none null) from one list of values per field of ``type_``."""
    import pyarrow as pa

    fields = list(type_)
    if not fields:
        return pa.array([{}] * n, type=type_)
    return pa.StructArray.from_arrays(
        [pa.array(values, type=f.type) for values, f in zip(children, fields)], fields=fields)


#: the most bytes one string child of the edits column may hold, and the most edits in one
#: table: Arrow's string offsets are int32 (a larger table is left to ``pa.array``)
EDIT_BYTES_LIMIT: Final = 2**31 - 1
_EDITS_C: Final = _native.c_extension("khabar._c.edits")


def _edit_buffers_py(edits: list[Any], limit: int) -> tuple[bytes, ...] | None:
    """The Arrow buffers of the ``edits`` column's struct children for ``edits``, a list of
    ``(offset, before, after, rule)`` tuples: the int32 offsets, then for ``before``, ``after``
    and ``rule`` their int32 string offsets and UTF-8 data (7 bytes objects); None for anything
    else (a None, an int outside int32, a str subclass, a lone surrogate) or when a string child
    would hold more than ``limit`` bytes, or there are more than ``limit`` edits: the caller
    then builds the column with ``pa.array``, which gives that input today's result or error.

    The twin of ``khabar._c.edits.edit_buffers`` (tests/text/test_c_edits_buffers.py).

    >>> edits = [Edit(2, "ي", "ی", "r"), Edit(-1, "", "x", "r")]
    >>> [b.hex(" ") for b in _edit_buffers_py(edits, 9)]  # doctest: +NORMALIZE_WHITESPACE
    ['02 00 00 00 ff ff ff ff',
     '00 00 00 00 02 00 00 00 02 00 00 00', 'd9 8a',
     '00 00 00 00 02 00 00 00 03 00 00 00', 'db 8c 78',
     '00 00 00 00 01 00 00 00 02 00 00 00', '72 72']
    >>> _edit_buffers_py([Edit(2, "\\ud800", "ی", "r")], 100) is None
    True
    """
    if not 0 <= limit <= EDIT_BYTES_LIMIT:
        raise ValueError(f"edit_buffers(): limit must be 0..{EDIT_BYTES_LIMIT} (Arrow's int32 "
                         f"string offsets), got {limit}")
    if len(edits) > limit:
        return None
    offsets = array("i")
    assert offsets.itemsize == 4, "array('i') is not 4 bytes here: Arrow's int32 needs it"
    strings: tuple[list[bytes], ...] = ([], [], [])
    for edit in edits:
        if not isinstance(edit, tuple) or len(edit) != 4:
            return None
        offset = edit[0]
        if type(offset) is not int or not -2**31 <= offset < 2**31:
            return None
        offsets.append(offset)
        for parts, s in zip(strings, edit[1:]):
            if type(s) is not str:
                return None
            try:
                parts.append(s.encode("utf-8"))
            except UnicodeEncodeError:  # a lone surrogate: pa.array raises it (the caller)
                return None
    out = [offsets.tobytes()]
    for parts in strings:
        if sum(map(len, parts)) > limit:
            return None
        out += [array("i", [0, *accumulate(map(len, parts))]).tobytes(), b"".join(parts)]
    return tuple(out)


def _edit_values(edits: list[Edit], type_: pa.StructType) -> pa.Array:
    """``pa.array(edits, type=type_)`` (the struct values of the ``edits`` column): from the
    buffers ``khabar._c.edits.edit_buffers`` fills in one C pass (17 -> ~3 CPU us for a ~4 KB
    document's 124 edits, bench/throughput/io12.md), or by ``pa.array`` without the C extension
    or for input outside its plain form (see :func:`_edit_buffers_py`)."""
    import pyarrow as pa

    buffers = None if _EDITS_C is None else _EDITS_C.edit_buffers(edits, EDIT_BYTES_LIMIT)
    if buffers is None:
        return pa.array(edits, type=type_)
    return _edit_arrays(buffers, len(edits), type_)


def _edit_arrays(buffers: tuple[bytes, ...], n: int, type_: pa.StructType) -> pa.Array:
    """The struct array of ``n`` edits from their children's buffers (:func:`_edit_buffers_py`)."""
    import pyarrow as pa

    fields = list(type_)
    if [f.type for f in fields] != [pa.int32(), pa.string(), pa.string(), pa.string()]:
        raise AssertionError(f"the edits' struct type changed to {type_}: the buffers of "
                             "khabar._c.edits.edit_buffers are int32 and 3 strings")
    offsets, *strings = map(pa.py_buffer, buffers)
    children = [pa.Array.from_buffers(fields[0].type, n, [None, offsets], null_count=0)]
    children += [pa.Array.from_buffers(f.type, n, [None, ends, data], null_count=0)
                 for f, ends, data in zip(fields[1:], strings[::2], strings[1::2])]
    return pa.StructArray.from_arrays(children, fields=fields)


_SLICES_C: Final = _native.c_extension("khabar._c.textslices")


def _paragraph_values(texts: list[str], text: pa.Array, paragraphs: list[str], ends: list[int],
                      type_: pa.DataType) -> pa.Array:
    """``pa.array(paragraphs, type_)`` (the ``paragraphs`` column's values; row r's are
    ``paragraphs[ends[r]:ends[r + 1]]``), each paragraph's UTF-8 copied from its row's text in
    the ``text`` column (made from ``texts``) where it is found there, as the structure step
    makes them (the text's stripped lines), instead of encoded again: ~10 -> ~3.5 CPU us for a
    ~4 KB document (``khabar._c.textslices``, bench/throughput/io14.md). Without the C
    extension, or for anything outside its plain form, ``pa.array``: the same array."""
    import pyarrow as pa

    if (_SLICES_C is None or not paragraphs or type_ != pa.string()
            or not pa.types.is_string(text.type)):
        return pa.array(paragraphs, type_)
    _, offsets, data = text.buffers()
    got = None if offsets is None else _SLICES_C.part_buffers(
        texts, offsets, b"" if data is None else data, text.offset, paragraphs, ends,
        EDIT_BYTES_LIMIT)
    if got is None:
        return pa.array(paragraphs, type_)
    return pa.Array.from_buffers(type_, len(paragraphs), [None, *map(pa.py_buffer, got)],
                                 null_count=0)


def _part_buffers_py(texts: list[Any], offsets: Any, data: Any, first: int, parts: list[Any],
                     ends: list[Any], limit: int) -> tuple[bytes, bytes] | None:
    """The Arrow buffers (int32 offsets, UTF-8 data) of a string array of ``parts``, where row
    r's parts are ``parts[ends[r]:ends[r + 1]]`` and ``texts[r]`` (a str or None) is the str
    that row ``first + r`` of a string column (its int32 ``offsets`` and UTF-8 ``data``
    buffers) was made from: a part found in ``texts[r]`` (at or after the end of the row's last
    part found there) is copied from the row's bytes, any other is encoded. None for a row whose
    bytes are not as many as its text's UTF-8, or anything outside this plain form (not lists,
    not exact strs, a lone surrogate, ``ends`` that do not fit, more than ``limit`` bytes or
    parts); ValueError for offsets that do not fit ``data``.

    The twin of ``khabar._c.textslices.part_buffers`` (tests/io/test_c_textslices.py).

    >>> import pyarrow as pa
    >>> _, offsets, data = pa.array(["عنوان\\n\\nمتن اول", "x"]).buffers()
    >>> [b.hex(" ") for b in _part_buffers_py(["عنوان\\n\\nمتن اول", "x"], offsets, data, 0,
    ...                                        ["متن اول", "y"], [0, 1, 2], 100)]
    ['00 00 00 00 0d 00 00 00 0e 00 00 00', 'd9 85 d8 aa d9 86 20 d8 a7 d9 88 d9 84 79']
    """
    if not (type(texts) is list and type(parts) is list and type(ends) is list):
        return None
    if not 0 <= limit <= EDIT_BYTES_LIMIT or first < 0:
        raise ValueError(f"part_buffers(): limit must be 0..{EDIT_BYTES_LIMIT} (Arrow's int32 "
                         f"string offsets) and first 0 or more, got {limit} and {first}")
    rows = len(texts)
    if len(ends) != rows + 1 or len(parts) > limit:
        return None
    offs = array("i")
    raw = memoryview(offsets).tobytes()
    blob = memoryview(data).tobytes()
    if rows and len(raw) < 4 * (first + rows + 1):
        raise ValueError(f"part_buffers(): rows {first}..{first + rows} need "
                         f"{4 * (first + rows + 1)} bytes of int32 offsets, the buffer has "
                         f"{len(raw)}")
    offs.frombytes(raw[:4 * (first + rows + 1)] if rows else b"")

    def index(v: Any) -> int:
        return v if type(v) is int and v >= 0 else -1

    def size(s: str) -> int:  # a lone surrogate counts 3 bytes, as in C
        return len(s.encode("utf-8", "surrogatepass"))

    if index(ends[0]) != 0:
        return None
    out, pieces, total, k = [0], [], 0, 0
    for r, text in enumerate(texts):
        stop = index(ends[r + 1])
        if stop < k or stop > len(parts) or (text is not None and type(text) is not str):
            return None
        pos = at = row_end = 0
        if text is not None:
            at, row_end = offs[first + r], offs[first + r + 1]
            if at < 0 or row_end < at or row_end > len(blob):
                raise ValueError(f"part_buffers(): row {first + r}'s offsets {at}..{row_end} do "
                                 f"not fit a data buffer of {len(blob)} bytes; pass a string "
                                 "array's own buffers")
        for part in parts[k:stop]:
            if type(part) is not str:
                return None
            found = (text.find(part, pos) if text is not None and 0 < len(part) <= len(text) - pos
                     else -1)
            if found >= 0 and text is not None:
                start = at + size(text[pos:found])
                after = start + size(part)
                if after > row_end:
                    return None
                piece = blob[start:after]
                pos, at = found + len(part), after
            else:
                try:
                    piece = part.encode("utf-8")
                except UnicodeEncodeError:
                    return None
            pieces.append(piece)
            total += len(piece)
            if total > limit:
                return None
            out.append(total)
        k = stop
        if text is not None and at + size(text[pos:]) != row_end:
            return None
    if k != len(parts):
        return None
    return array("i", out).tobytes(), b"".join(pieces)


def _list_array(ends: list[int], values: pa.Array, type_: pa.DataType) -> pa.Array:
    import pyarrow as pa

    return pa.ListArray.from_arrays(pa.array(ends, pa.int32()), values, type=type_)


def docs_to_table(docs: Iterable[Document], *, keep_raw: bool = True,
                  order: bool = False, keep_edits: bool = True) -> pa.Table:
    """The table of :func:`doc_to_row` rows of ``docs``, built column by column (see
    :class:`DocColumns`).

    >>> docs_to_table([Document("a", "متن"), Document("b", "")]).column("id").to_pylist()
    ['a', 'b']
    """
    cols = DocColumns(keep_raw=keep_raw, order=order, keep_edits=keep_edits)
    for doc in docs:
        cols.add(doc)
    return cols.table()


def _pylist(values: pa.Array) -> list[Any]:
    """``values.to_pylist()``; a dictionary-encoded array (few distinct strings) by its
    dictionary, which is faster and makes each distinct string once."""
    import pyarrow as pa

    if pa.types.is_dictionary(values.type) and not values.null_count:
        words = values.dictionary.to_pylist()
        return [words[i] for i in values.indices.to_pylist()]
    return values.to_pylist()


_new_tuple: Callable[..., Any] = tuple.__new__


def _lists(column: pa.Array, make: Callable[..., Any] | None = None) -> list[list[Any]]:
    """Each row's list of a list column: its elements as Python values, or for a list of structs
    ``make(*fields)`` of each; a null list gives ``[]``, as in :func:`row_to_doc`."""
    import pyarrow as pa

    ends = column.offsets.to_pylist()
    start = ends[0]
    values = column.values.slice(start, ends[-1] - start)
    if make is not None and pa.types.is_struct(values.type):
        fields = [_pylist(values.field(i)) for i in range(values.type.num_fields)]
        if isinstance(make, type) and issubclass(make, tuple):  # a NamedTuple, made without
            # its Python-level __new__ (a hundred or more edits per document)
            flat = list(map(_new_tuple, repeat(make, len(values)), zip(*fields)))
        else:
            flat = list(map(make, *fields))
    else:
        flat = _pylist(values)
    out = [flat[a - start:b - start] for a, b in pairwise(ends)]
    if column.null_count:
        out = [v if ok else [] for v, ok in zip(out, column.is_valid().to_pylist())]
    return out


#: the edits' string fields: a few distinct values among a hundred or more edits per document
_EDIT_STRINGS = ("before", "after", "rule")


def dictionary_edits(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with the ``edits`` column's string fields dictionary-encoded (the same values),
    so that :func:`batch_to_docs` makes each distinct string once instead of once per edit
    (~0.025 CPU ms less per document than reading them plain, for ~0.005 of hashing).

    >>> b = docs_to_table([Document("a", "ی", edits=[Edit(0, "ي", "ی", "r"), Edit(1, "ي", "ی", "r")])]).to_batches()[0]
    >>> dictionary_edits(b).column("edits").values.field("rule").dictionary.to_pylist()
    ['r']
    >>> batch_to_docs(dictionary_edits(b))[0].edits == batch_to_docs(b)[0].edits
    True
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if "edits" not in batch.schema.names:
        return batch
    i = batch.schema.get_field_index("edits")
    column = batch.column(i)
    values = column.values
    fields = list(values.type)
    children = [pc.dictionary_encode(values.field(k)) if f.name in _EDIT_STRINGS
                and pa.types.is_string(f.type) else values.field(k) for k, f in enumerate(fields)]
    structs = pa.StructArray.from_arrays(children, names=[f.name for f in fields],
                                         mask=values.is_null() if values.null_count else None)
    lists = pa.ListArray.from_arrays(column.offsets, structs,
                                     mask=column.is_null() if column.null_count else None)
    return batch.set_column(i, pa.field("edits", lists.type), lists)


def batch_to_docs(batch: pa.RecordBatch | pa.Table) -> list[Document]:
    """The documents of rows of :func:`output_schema` or :func:`work_schema` (``order`` from
    ``_order``), read column by column: the same as :func:`row_to_doc` of each row. String fields
    of the list columns may be dictionary-encoded (as ``read_dictionary`` reads them).

    >>> [d.edits for d in batch_to_docs(docs_to_table([Document("a", "ی", edits=[Edit(0, "ي", "ی", "r")])]))]
    [[Edit(offset=0, before='ي', after='ی', rule='r')]]
    """
    import pyarrow as pa

    if isinstance(batch, pa.Table):
        return [doc for b in batch.combine_chunks().to_batches() for doc in batch_to_docs(b)]
    n = batch.num_rows
    names = set(batch.schema.names)

    def values(name: str) -> list[Any]:
        return _pylist(batch.column(name)) if name in names else [None] * n

    def lists(name: str, make: Callable[..., Any] | None = None) -> list[list[Any]]:
        return _lists(batch.column(name), make) if name in names else [[] for _ in range(n)]

    metas = [json.loads(m or "{}") for m in values("metadata")]
    for c in META_COLUMNS:
        for meta, v in zip(metas, values(c)):
            if v is not None:
                meta[c] = v
    signals: list[dict[str, float]] = [{} for _ in range(n)]
    if "signals" in names:
        column = batch.column("signals")
        for i, f in enumerate(column.type):
            for s, v in zip(signals, _pylist(column.field(i))):
                if v is not None:
                    s[f.name] = v
        if column.null_count:
            signals = [s if ok else {} for s, ok in zip(signals, column.is_valid().to_pylist())]
    for meta, s in zip(metas, signals):
        s.update(meta.pop("signals_extra", {}))
    docs = [
        Document(id=id_, text=text or "", source=source or "", record=record or 0, offset=offset,
                 url=url, domain=domain, raw=raw or "", title=title, lead=lead,
                 paragraphs=paragraphs, meta=meta, signals=sig, edits=edits, removed=removed,
                 drop_reason=drop_reason, drop_step=drop_step)
        for (id_, text, source, record, offset, url, domain, raw, title, lead, paragraphs, meta,
             sig, edits, removed, drop_reason, drop_step)
        in zip(values("id"), values("text"), values("source"), values("record"),
               values("offset"), values("url"), values("domain"), values("raw"),
               values("title"), values("lead"), lists("paragraphs"), metas, signals,
               lists("edits", Edit), lists("removed", Removed),
               values("drop_reason"), values("drop_step"))
    ]
    if ORDER_COLUMN in names:
        for doc, order in zip(docs, values(ORDER_COLUMN)):
            doc.order = order
    if CANONICAL_COLUMN in names and batch.column(CANONICAL_COLUMN).null_count < n:
        from khabar.corpus.keys import remember_canonical_lines

        for doc, joined in zip(docs, values(CANONICAL_COLUMN)):
            if joined is not None:
                remember_canonical_lines(doc.text, joined)
    return docs
