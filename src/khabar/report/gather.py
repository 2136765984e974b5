"""Everything the run report shows, gathered from what ``khabar refine`` wrote to OUTDIR.

The report must work on a corpus of millions of documents in bounded memory, so nothing here
loads a whole column of text: the Parquet files are read with column projection (only the
columns a figure needs; ``edits.rule`` without the edit texts), batch by batch, and lengths are
computed per batch with Arrow kernels. Sample documents are taken by streaming row groups and
stopping as soon as every drop reason has its samples. Counters that grow with the corpus are
bounded by what they count (domains, agencies, repair rules, documents in duplicate clusters),
never by the number of documents.

Nothing here crashes on a damaged output folder: a Parquet part or a ``rejects.jsonl`` line that
cannot be read becomes a *warning* that the report shows at its top, so a gap is never silent.
"""

from __future__ import annotations

import io
import json
import os
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khabar._native import c_extension
from khabar.errors import KhabarError

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

#: histogram bin edges (lower bounds; the last bin is open-ended). Fixed in advance so a
#: histogram can be filled in one streaming pass, and spaced for long-tailed lengths.
CHAR_EDGES = (0, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 20000, 50000)
WORD_EDGES = (0, 20, 50, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 5000, 10000)
REPAIR_EDGES = (0, 1, 2, 3, 4, 5, 10, 20, 50, 100, 200, 500)

TOP_DOMAINS = 15
TOP_AGENCIES = 15
TOP_CITED = 15
TOP_RULES = 20
TOP_CLUSTERS = 10
#: members listed per duplicate cluster (the size shown is always the full count)
CLUSTER_MEMBERS = 12
SAMPLES_PER_REASON = 3
SAMPLE_CHARS = 200
#: inputs listed in the report (a run over 100,000 WARC files lists the first ones and a count)
INPUTS_LISTED = 200


@dataclass(slots=True)
class Histogram:
    """Counts of integer values in fixed bins ``[edges[i], edges[i+1])``, the last one open.

    >>> h = Histogram((0, 10, 100))
    >>> h.add_values([0, 9, 10, 99, 100, 5000])
    >>> h.counts, h.total, h.minimum, h.maximum
    ([2, 2, 2], 6, 0, 5000)
    >>> [b.label for b in h.bins()]
    ['0–9', '10–99', '≥100']
    """

    edges: tuple[int, ...]
    counts: list[int] = field(default_factory=list)
    total: int = 0
    sum: int = 0
    minimum: int | None = None
    maximum: int | None = None

    def __post_init__(self) -> None:
        if not self.counts:
            self.counts = [0] * len(self.edges)

    def add_values(self, values: Sequence[int]) -> None:
        """Add plain integers (small inputs and tests)."""
        from bisect import bisect_right

        for v in values:
            self.counts[max(bisect_right(self.edges, v) - 1, 0)] += 1
        self._extend_summary(len(values), sum(values),
                             min(values, default=None), max(values, default=None))

    def add_array(self, values: pa.Array | pa.ChunkedArray) -> None:
        """Add an Arrow integer array (nulls are skipped) with vectorised counting.

        The edges are compared as Arrow scalars made without pyarrow's Python conversion
        (:func:`_int_scalars`): converting a Python number would make pyarrow import pandas.
        """
        import pyarrow.compute as pc

        values = pc.drop_null(values)
        n = len(values)
        if not n:
            return
        at_least = [n] + [pc.sum(pc.greater_equal(values, e)).as_py() or 0
                          for e in _int_scalars(self.edges[1:])]
        for i in range(len(self.edges)):
            upper = at_least[i + 1] if i + 1 < len(at_least) else 0
            self.counts[i] += at_least[i] - upper
        mm = pc.min_max(values).as_py()
        self._extend_summary(n, pc.sum(values).as_py() or 0, mm["min"], mm["max"])

    def _extend_summary(self, n: int, total: int, lo: int | None, hi: int | None) -> None:
        self.total += n
        self.sum += total
        if lo is not None:
            self.minimum = lo if self.minimum is None else min(self.minimum, lo)
        if hi is not None:
            self.maximum = hi if self.maximum is None else max(self.maximum, hi)

    @property
    def mean(self) -> float | None:
        return self.sum / self.total if self.total else None

    def bins(self) -> list[Any]:
        """The bins from the first to the last non-empty one, labelled ``lo–hi`` / ``≥lo``."""
        from khabar.report.charts import Bin

        used = [i for i, c in enumerate(self.counts) if c]
        if not used:
            return []
        out = []
        for i in range(used[0], used[-1] + 1):
            lo = self.edges[i]
            if i + 1 < len(self.edges):
                hi = self.edges[i + 1] - 1
                label = f"{lo:,}" if hi == lo else f"{lo:,}–{hi:,}"
            else:
                label = f"≥{lo:,}"
            out.append(Bin(label, self.counts[i]))
        return out


@dataclass(frozen=True, slots=True)
class StageRow:
    """One row of the stage chart: documents left after ``name``, and what it took out."""

    name: str
    remaining: int
    dropped: int = 0
    rejected: int = 0


@dataclass(frozen=True, slots=True)
class Sample:
    """A document shown as an example: its title and the first characters of its text."""

    id: str
    title: str
    snippet: str
    domain: str
    url: str
    step: str


@dataclass(frozen=True, slots=True)
class RejectSample:
    source: str
    location: str
    detail: str
    stage: str


@dataclass(frozen=True, slots=True)
class Member:
    """A document of a duplicate cluster; ``drop_reason`` is empty for the kept copy."""

    id: str
    title: str
    domain: str
    kept: bool
    drop_reason: str = ""


@dataclass(frozen=True, slots=True)
class Cluster:
    """A duplicate cluster: its id, its full size and its first members in reading order."""

    cluster_id: str
    size: int
    members: tuple[Member, ...]


@dataclass(slots=True)
class KeptSummary:
    """What the kept documents (``data/``) look like."""

    docs: int = 0
    chars: Histogram = field(default_factory=lambda: Histogram(CHAR_EDGES))
    words: Histogram = field(default_factory=lambda: Histogram(WORD_EDGES))
    repairs: Histogram = field(default_factory=lambda: Histogram(REPAIR_EDGES))
    rules: Counter[str] = field(default_factory=Counter)
    #: lines removed as boilerplate, by reason (``removed.reason``)
    removed: Counter[str] = field(default_factory=Counter)
    domains: Counter[str] = field(default_factory=Counter)
    agencies: Counter[str] = field(default_factory=Counter)
    cited_sources: Counter[str] = field(default_factory=Counter)
    #: kept documents by the month they were published (``2013-05``); undated ones are not counted
    published_months: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class RunData:
    """Everything the report shows. Built by :func:`gather`, drawn by ``khabar.report.render``."""

    outdir: str
    stats: dict[str, Any]
    manifest: dict[str, Any]
    stages: list[StageRow]
    kept: KeptSummary
    drop_reasons: Counter[str]
    drop_steps: Counter[str]
    reject_reasons: Counter[str]
    drop_samples: dict[str, list[Sample]]
    reject_samples: dict[str, list[RejectSample]]
    clusters: list[Cluster]
    warnings: list[str]
    #: (site of the kept copy, site that republished it, copies), across sites only
    syndication: list[tuple[str, str, int]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# small pure helpers


def text_direction(text: str | None) -> str:
    """``"rtl"`` when the first strongly directional character is right-to-left, else ``"ltr"``.

    This is the rule of HTML's ``dir="auto"``, applied here so the page can say ``dir="rtl"``
    explicitly on Persian blocks and keep English ones (a dropped ``lang_en`` page) left-to-right.

    >>> text_direction("۱۲ خبرگزاری تسنیم"), text_direction("BBC فارسی"), text_direction("123")
    ('rtl', 'ltr', 'ltr')
    """
    for ch in text or "":
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return "rtl"
        if bidi == "L":
            return "ltr"
    return "ltr"


def snippet(text: str | None, limit: int = SAMPLE_CHARS) -> str:
    """The first ``limit`` characters of ``text``, with an ellipsis when it was cut.

    >>> snippet("abcdef", 3), snippet("ab", 3), snippet(None)
    ('abc…', 'ab', '')
    """
    text = text or ""
    return text if len(text) <= limit else text[:limit] + "…"


def stage_rows(counts: Mapping[str, Any], steps: Sequence[Mapping[str, Any]],
               drop_steps: Mapping[str, int]) -> list[StageRow]:
    """Documents per stage: read, then what is left after each step, ending at kept.

    Reader rejects are taken off first; each step then takes off the documents it dropped
    (``drop_step`` in ``dropped/``) and those it failed on (``step_failed_<step>`` rejects).
    Documents dropped by something that is not a listed step (the reader) form their own row.

    >>> rows = stage_rows({"read": 10, "kept": 5, "rejected": {"invalid_json": 1,
    ...                   "step_failed_fix": 1}}, [{"name": "fix"}, {"name": "dedup"}],
    ...                   {"dedup": 3})
    >>> [(r.name, r.remaining, r.dropped, r.rejected) for r in rows]
    [('read', 10, 0, 0), ('readable', 9, 0, 1), ('fix', 8, 0, 1), ('dedup', 5, 3, 0)]
    """
    rejected = dict(counts.get("rejected") or {})
    names = [str(s.get("name")) for s in steps]
    step_fail = {n: int(rejected.pop(f"step_failed_{n}", 0)) for n in names}
    read = int(counts.get("read") or 0)
    at_read = sum(int(v) for v in rejected.values())  # reader rejects (and unknown steps' ones)
    rows = [StageRow("read", read)]
    remaining = read - at_read
    rows.append(StageRow("readable", remaining, 0, at_read))
    outside = sum(v for k, v in drop_steps.items() if k not in names)
    if outside:
        remaining -= outside
        rows.append(StageRow("dropped outside the steps", remaining, outside, 0))
    for n in names:
        d, f = int(drop_steps.get(n, 0)), step_fail[n]
        remaining -= d + f
        rows.append(StageRow(n, remaining, d, f))
    return rows


def _read_json(path: str | Path) -> dict[str, Any]:
    from khabar.io import fs

    if not fs.exists(str(path)):
        raise KhabarError(f"{path} is missing, so there is no run to report on. Point "
                          f"'khabar report' at the -o folder of a finished 'khabar refine' run.")
    try:
        obj = json.loads(fs.read_text(str(path)))
    except (OSError, ValueError) as exc:
        raise KhabarError(f"{path} cannot be read ({exc}); run 'khabar refine' again with "
                          f"--force to rewrite it.") from exc
    if not isinstance(obj, dict):
        raise KhabarError(f"{path} holds a JSON {type(obj).__name__}, not an object; run "
                          f"'khabar refine' again with --force to rewrite it.")
    return obj


def part_files(outdir: str | Path, folder: str) -> list[str]:
    """The Parquet parts of ``OUTDIR/folder`` in shard order (none if the folder is absent);
    OUTDIR may be a local folder or an object-store URL."""
    from khabar.io import fs

    d = fs.join(str(outdir), folder)
    return [fs.join(d, name) for name in fs.listdir(d)
            if name.startswith("part-") and name.endswith(".parquet")]


# ---------------------------------------------------------------------------------------------
# Arrow values made without pyarrow's Python conversion
#
# ``pa.array``, ``pa.scalar`` and a Python number given to a compute function (``pc.equal(a, 0)``)
# all make pyarrow import pandas (0.3-0.5 CPU s) on the first call in a process: the driver of a
# ``khabar refine -j 2`` run imports it for the report and nothing else. The report builds its
# few constants from raw buffers instead; reading, computing on and ``to_pylist`` of Arrow data
# never import pandas (tests/report/test_gather.py checks it in a fresh process).


@cache
def _int_scalars(values: tuple[int, ...]) -> tuple[pa.Scalar, ...]:
    """``values`` as Arrow int64 scalars (the histogram edges: compiled once per process).

    >>> [s.as_py() for s in _int_scalars((0, 5, -3))]
    [0, 5, -3]
    """
    import pyarrow as pa

    buffer = pa.py_buffer(array("q", values).tobytes())
    ints = pa.Array.from_buffers(pa.int64(), len(values), [None, buffer])
    return tuple(ints[i] for i in range(len(values)))


def string_array(values: Sequence[str]) -> pa.Array:
    """An Arrow string array of ``values`` (no nulls), built from its offsets and UTF-8 bytes.

    >>> string_array(["sport", "", "ورزش"]).to_pylist()
    ['sport', '', 'ورزش']

    Raises:
        KhabarError: the strings add up to 2 GiB or more (an Arrow ``string`` array's limit).
    """
    import pyarrow as pa

    encoded = [v.encode("utf-8") for v in values]
    offsets = array("q", [0])
    for e in encoded:
        offsets.append(offsets[-1] + len(e))
    if offsets[-1] >= 2**31:
        raise KhabarError(f"{len(values):,} strings of {offsets[-1]:,} bytes are too many for "
                          f"one Arrow string array (< 2 GiB); this is a bug in khabar's report, "
                          f"please report it.")
    data = pa.py_buffer(b"".join(encoded))
    buffers = [None, pa.py_buffer(array("i", offsets).tobytes()), data]
    return pa.Array.from_buffers(pa.string(), len(values), buffers)


def _false_for_null(mask: pa.Array) -> pa.Array:
    """``mask`` with its nulls made false (``pc.fill_null(mask, False)`` without a Python
    scalar)."""
    import pyarrow.compute as pc

    return pc.and_kleene(mask, pc.is_valid(mask))


# ---------------------------------------------------------------------------------------------
# streaming over Parquet parts


def _column_paths(pf: Any, wanted: Sequence[str]) -> list[str]:
    """The leaf column paths of ``pf`` for each wanted name (``edits.rule`` matches the list's
    ``edits.list.element.rule``), skipping names the file does not have (older outputs)."""
    leaves = [pf.schema.column(i).path for i in range(pf.metadata.num_columns)]
    out = []
    for name in wanted:
        first, _, last = name.partition(".")
        for path in leaves:
            parts = path.split(".")
            if path == name or (last and parts[0] == first and parts[-1] == last):
                out.append(path)
                break
    return out


def _open(path: str | Path, warnings: list[str]) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from khabar.io import fs

    try:
        filesystem, inner = fs.arrow_filesystem(str(path))
        return pq.ParquetFile(inner, filesystem=filesystem)
    except (OSError, pa.ArrowException) as exc:  # reported; the other parts still count
        warnings.append(f"{path} could not be read ({type(exc).__name__}: {exc}); "
                        f"its documents are missing from the figures below.")
        return None


def iter_batches(files: Sequence[str | Path], columns: Sequence[str], warnings: list[str],
                 batch_rows: int = 2048) -> Iterator[pa.RecordBatch]:
    """Record batches of just ``columns`` from every part, one batch in memory at a time."""
    import pyarrow as pa

    for path in files:
        pf = _open(path, warnings)
        if pf is None:
            continue
        cols = _column_paths(pf, columns)
        try:
            yield from pf.iter_batches(batch_size=batch_rows, columns=cols)
        except (OSError, pa.ArrowException) as exc:
            warnings.append(f"{path} could not be read to the end ({type(exc).__name__}: "
                            f"{exc}); the figures below miss part of its documents.")


def _col(batch: pa.RecordBatch, name: str) -> pa.Array | None:
    i = batch.schema.get_field_index(name)
    return batch.column(i) if i >= 0 else None


#: ``khabar._c.wordcount`` (the words of every string of an Arrow string column, from its buffers),
#: or None (a pure install, ``KHABAR_PURE=1``, a stale build): then Arrow's kernels count them
_WORDS: Any = c_extension("khabar._c.wordcount")


def word_counts(text: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Words per string, as ``len(s.split())`` counts them (null stays null), as int32.

    A non-empty string array is counted by ``khabar._c.wordcount`` over its own buffers when it
    is built; otherwise (and for any other array) by Arrow: its whitespace split leaves empty pieces at the
    ends (``" a "`` -> 3 pieces), so the text is trimmed first; an empty trimmed string has no
    word. Both split at the same 29 code points as ``str.split()`` (a test reads Arrow's set from
    Arrow). ZWNJ is a format character, not a space, so «می‌روم» is one word.

    >>> import pyarrow as pa
    >>> word_counts(pa.array(["می\u200cروم به  خانه", "", " a\u00a0b ", None])).to_pylist()
    [3, 0, 2, None]
    """
    import pyarrow as pa

    if (_WORDS is not None and isinstance(text, pa.Array) and text.type == pa.string()
            and len(text)):  # an empty array may come without an offsets buffer
        return _word_counts_c(text)
    import pyarrow.compute as pc

    trimmed = pc.utf8_trim_whitespace(text)
    pieces = pc.list_value_length(pc.utf8_split_whitespace(trimmed))
    # the sign of the length is 0 for an empty string and 1 otherwise: no Python scalar (above)
    return pc.multiply(pieces, pc.sign(pc.utf8_length(trimmed)))


def _word_counts_c(text: pa.Array) -> pa.Array:
    """:func:`word_counts` of a string array by ``khabar._c.wordcount``: the counts of its rows
    (and of the rows before its offset, which the array's offset then skips) under its own
    validity bitmap. No Arrow value is made from a Python object (that would import pandas)."""
    import pyarrow as pa

    validity, offsets, data = text.buffers()
    counts = _WORDS.word_counts(offsets, b"" if data is None else data, text.offset + len(text))
    return pa.Array.from_buffers(pa.int32(), len(text), [validity, pa.py_buffer(counts)],
                                 null_count=text.null_count, offset=text.offset)


def _word_counts_py(offsets: Any, data: Any, rows: int) -> bytes:
    """``len(s.split())`` of each of the first ``rows`` strings of an Arrow string column, from
    its int32 ``offsets`` and UTF-8 ``data`` buffers, as ``rows`` int32 in the machine's byte
    order: the pure-Python twin of ``khabar._c.wordcount.word_counts`` (tests hold them equal).

    >>> import pyarrow as pa
    >>> _, offsets, data = pa.array(["یک دو", "", " سه\u00a0"]).buffers()
    >>> list(array("i", _word_counts_py(offsets, data, 3)))
    [2, 0, 1]
    """
    if rows < 0:
        raise ValueError(f"word_counts: rows must be 0 or more, got {rows}")
    offs = array("i")
    raw = bytes(offsets)
    if len(raw) < 4 * (rows + 1):
        raise ValueError(f"word_counts: {rows} rows need {4 * (rows + 1)} bytes of int32 "
                         f"offsets, the buffer has {len(raw)}")
    offs.frombytes(raw[: 4 * (rows + 1)])
    text = bytes(data)
    counts = array("i")
    for r in range(rows):
        start, end = offs[r], offs[r + 1]
        if start < 0 or end < start or end > len(text):
            raise ValueError(f"word_counts: row {r}'s offsets {start}..{end} do not fit a data "
                             f"buffer of {len(text)} bytes; pass a string array's own buffers")
        counts.append(len(text[start:end].decode("utf-8").split()))
    return counts.tobytes()


def _count_strings(counter: Counter[str], values: pa.Array | None) -> None:
    """Add the non-null values of a string array to ``counter`` (vectorised value counts)."""
    import pyarrow.compute as pc

    if values is None:
        return
    for item in pc.value_counts(pc.drop_null(values)).to_pylist():
        counter[item["values"]] += item["counts"]


def gather_kept(files: Sequence[str | Path], warnings: list[str]) -> KeptSummary:
    """Lengths, repairs, repair rules, removed lines, domains, agencies, cited sources and
    publication months of kept documents.

    ``text`` is read one batch at a time and only its length leaves the batch: characters
    (``utf8_length``) and words (:func:`word_counts`).
    """
    out = KeptSummary()
    cols = ["text", "repairs", "removed.reason", "domain", "agency", "cited_source", "published"]
    for path in files:
        _gather_kept_part(out, path, cols, warnings)
        _count_rules(out.rules, path, warnings)
    return out


def _gather_kept_part(out: KeptSummary, path: str | Path, cols: list[str],
                      warnings: list[str]) -> None:
    """:func:`gather_kept`'s figures of one part, but the repair rules (:func:`_count_rules`)."""
    import pyarrow.compute as pc

    for batch in iter_batches([path], cols, warnings):
        out.docs += batch.num_rows
        text = _col(batch, "text")
        if text is not None:
            out.chars.add_array(pc.utf8_length(text))
            out.words.add_array(word_counts(text))
        repairs = _col(batch, "repairs")
        if repairs is not None:
            out.repairs.add_array(repairs)
        removed = _col(batch, "removed")
        if removed is not None:
            _count_strings(out.removed, pc.struct_field(pc.list_flatten(removed), "reason"))
        _count_strings(out.domains, _col(batch, "domain"))
        _count_strings(out.agencies, _col(batch, "agency"))
        _count_strings(out.cited_sources, _col(batch, "cited_source"))
        published = _col(batch, "published")
        if published is not None:
            _count_strings(out.published_months, pc.utf8_slice_codeunits(published, 0, 7))


def _count_rules(counter: Counter[str], path: str | Path, warnings: list[str]) -> None:
    """Add the ``edits.rule`` values of the part at ``path`` to ``counter``, read as dictionary
    indices (``read_dictionary``), so no rule string is decoded per edit: the same counts, in
    the same order of first appearance, as reading the strings (~4.9 -> ~2.7 CPU us for a
    ~4 KB document's ~124 edits, bench/throughput/io14d.md). Row group by row group (one group's
    indices in memory), as ``iter_batches`` cannot read a nested column as a dictionary. A part
    that does not open was reported by :func:`iter_batches` just before: nothing is added."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from khabar.io import fs

    try:
        filesystem, inner = fs.arrow_filesystem(str(path))
        pf = pq.ParquetFile(inner, filesystem=filesystem)
        leaf = _column_paths(pf, ["edits.rule"])
        if not leaf:  # an older output, or one without edits
            return
        pf = pq.ParquetFile(inner, filesystem=filesystem, metadata=pf.metadata,
                            read_dictionary=leaf)
    except (OSError, pa.ArrowException):  # reported by iter_batches (gather_kept reads it first)
        return
    try:
        for group in range(pf.num_row_groups):
            edits = pf.read_row_group(group, columns=leaf).column("edits")
            for chunk in edits.chunks:
                _count_strings(counter, pc.struct_field(pc.list_flatten(chunk), "rule"))
    except (OSError, pa.ArrowException) as exc:
        warnings.append(f"{path}'s repair rules could not be read to the end "
                        f"({type(exc).__name__}: {exc}); the repair rules figure misses part "
                        f"of its documents.")


def gather_dropped_counts(files: Sequence[str | Path], warnings: list[str]
                          ) -> tuple[Counter[str], Counter[str]]:
    """Dropped documents by ``drop_reason`` and by ``drop_step`` (two small columns)."""
    reasons: Counter[str] = Counter()
    steps: Counter[str] = Counter()
    for batch in iter_batches(files, ["drop_reason", "drop_step"], warnings):
        _count_strings(reasons, _col(batch, "drop_reason"))
        _count_strings(steps, _col(batch, "drop_step"))
    return reasons, steps


def gather_drop_samples(files: Sequence[str | Path], reasons: Sequence[str], warnings: list[str],
                        per_reason: int = SAMPLES_PER_REASON) -> dict[str, list[Sample]]:
    """The first ``per_reason`` dropped documents of each reason, in reading order.

    Row groups are visited one at a time: ``drop_reason`` alone first, and the text columns only
    when the row group holds a reason that still needs samples; the walk stops when every reason
    has its samples. Only ``SAMPLE_CHARS`` characters of each text leave Arrow.
    """
    import pyarrow.compute as pc

    samples: dict[str, list[Sample]] = {r: [] for r in reasons}
    cols = ["id", "title", "domain", "url", "drop_step", "drop_reason", "text"]
    for path in files:
        if all(len(v) >= per_reason for v in samples.values()):
            break
        pf = _open(path, warnings)
        if pf is None:
            continue
        reason_col = _column_paths(pf, ["drop_reason"])
        if not reason_col:
            continue
        for rg in range(pf.num_row_groups):
            need = [r for r, v in samples.items() if len(v) < per_reason]
            if not need:
                break
            present = pf.read_row_group(rg, columns=reason_col).column(0)
            mask = pc.is_in(present, value_set=string_array(need))
            if not pc.any(mask).as_py():
                continue
            table = pf.read_row_group(rg, columns=_column_paths(pf, cols)).filter(mask)
            if "text" in table.column_names:
                cut = pc.utf8_slice_codeunits(table.column("text"), 0, SAMPLE_CHARS + 1)
                table = table.set_column(table.column_names.index("text"), "text", cut)
            for row in table.to_pylist():
                bucket = samples[row["drop_reason"]]
                if len(bucket) < per_reason:
                    bucket.append(Sample(
                        id=str(row.get("id") or ""), title=str(row.get("title") or ""),
                        snippet=snippet(row.get("text")), domain=str(row.get("domain") or ""),
                        url=str(row.get("url") or ""), step=str(row.get("drop_step") or "")))
    return samples


def gather_reject_samples(path: str | Path, warnings: list[str], per_reason: int = SAMPLES_PER_REASON
                          ) -> tuple[Counter[str], dict[str, list[RejectSample]]]:
    """Rejects by reason and the first ``per_reason`` of each, streaming ``rejects.jsonl``."""
    counts: Counter[str] = Counter()
    samples: dict[str, list[RejectSample]] = {}
    from khabar.io import fs

    if not fs.exists(str(path)):
        return counts, samples
    bad = 0
    with fs.open_input(str(path)) as raw, io.TextIOWrapper(raw, encoding="utf-8",
                                                          errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                reason = str(obj["reason"])
            except (ValueError, KeyError, TypeError):
                bad += 1
                continue
            counts[reason] += 1
            bucket = samples.setdefault(reason, [])
            if len(bucket) < per_reason:
                bucket.append(RejectSample(str(obj.get("source", "")), str(obj.get("location", "")),
                                           snippet(str(obj.get("detail", "")), 300),
                                           str(obj.get("stage", ""))))
    if bad:
        warnings.append(f"{path}: {bad} line(s) are not JSON objects with a 'reason'; they are "
                        f"left out of the reject samples.")
    return counts, samples


def _member(row: Mapping[str, Any], kept: bool) -> Member:
    return Member(str(row.get("id") or ""), str(row.get("title") or ""),
                  str(row.get("domain") or ""), kept, str(row.get("drop_reason") or ""))


def gather_clusters(kept: Sequence[str | Path], dropped: Sequence[str | Path], warnings: list[str],
                    top: int = TOP_CLUSTERS, members: int = CLUSTER_MEMBERS) -> list[Cluster]:
    """The ``top`` largest duplicate clusters: the kept copy first, then its duplicates.

    One pass over the small ``dup_cluster`` column ranks the clusters; then the chosen clusters'
    duplicates are read from ``dropped/`` (with ``dup_of``, the kept copy's id) and their kept
    copies from ``data/``. A kept copy is found by its ``dup_cluster`` or, when the dedup step
    did not write one on it, by the ``dup_of`` of its duplicates, and counts in the size once.
    Only documents in a cluster carry ``dup_cluster``, so the counter grows with the duplicated
    documents, not with the corpus. Ties are broken by cluster id, for a stable report.
    """
    import pyarrow.compute as pc

    sizes: Counter[str] = Counter()
    for batch in iter_batches([*kept, *dropped], ["dup_cluster"], warnings):
        _count_strings(sizes, _col(batch, "dup_cluster"))
    chosen = sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    if not chosen:
        return []
    wanted = string_array([c for c, _ in chosen])
    dups: dict[str, list[Member]] = {c: [] for c, _ in chosen}
    copies: dict[str, list[Member]] = {c: [] for c, _ in chosen}
    kept_ids: dict[str, str] = {}  # kept copy's id -> its cluster
    cols = ["id", "title", "domain", "dup_cluster", "dup_of", "drop_reason"]
    for batch in iter_batches(dropped, cols, warnings):
        col = _col(batch, "dup_cluster")
        mask = pc.is_in(col, value_set=wanted) if col is not None else None
        if mask is None or not pc.any(mask).as_py():
            continue
        for row in batch.filter(mask).to_pylist():
            if row.get("dup_of"):
                kept_ids[row["dup_of"]] = row["dup_cluster"]
            if len(dups[row["dup_cluster"]]) < members:
                dups[row["dup_cluster"]].append(_member(row, kept=False))
    found_by_id: Counter[str] = Counter()
    ids = string_array(sorted(kept_ids))
    for batch in iter_batches(kept, cols, warnings):
        col, id_col = _col(batch, "dup_cluster"), _col(batch, "id")
        if col is None or id_col is None:
            continue
        by_cluster = _false_for_null(pc.is_in(col, value_set=wanted))
        mask = pc.or_(by_cluster, pc.is_in(id_col, value_set=ids))
        if not pc.any(mask).as_py():
            continue
        for row in batch.filter(mask).to_pylist():
            cluster = row.get("dup_cluster")
            if cluster not in copies:  # a kept copy without dup_cluster: not counted yet
                cluster = kept_ids[row["id"]]
                found_by_id[cluster] += 1
            copies[cluster].append(_member(row, kept=True))
    return [Cluster(c, n + found_by_id[c], tuple((copies[c] + dups[c])[:members]))
            for c, n in chosen]


def gather_syndication(kept: Sequence[str | Path], dropped: Sequence[str | Path], warnings: list[str],
                       top: int = TOP_CLUSTERS * 2) -> list[tuple[str, str, int]]:
    """Which sites republish which: for every duplicate dropped, the site of the copy kept (the
    earliest, so most often the original) and its own site, counted over the run.

    Copies on the kept copy's own site are left out (a site repeating itself is not
    syndication). Memory grows with the duplicated documents, not the corpus.
    """
    import pyarrow.compute as pc

    republished: dict[str, Counter[str]] = {}
    for batch in iter_batches(dropped, ["domain", "dup_of"], warnings):
        col = _col(batch, "dup_of")
        if col is None or not pc.any(pc.is_valid(col)).as_py():
            continue
        for row in batch.filter(pc.is_valid(col)).to_pylist():
            republished.setdefault(row["dup_of"], Counter())[row.get("domain") or "?"] += 1
    if not republished:
        return []
    origin: dict[str, str] = {}
    ids = string_array(sorted(republished))
    for batch in iter_batches(kept, ["id", "domain"], warnings):
        id_col = _col(batch, "id")
        if id_col is None:
            continue
        for row in batch.filter(_false_for_null(pc.is_in(id_col, value_set=ids))).to_pylist():
            origin[row["id"]] = row.get("domain") or "?"
    pairs: Counter[tuple[str, str]] = Counter()
    for kept_id, sites in republished.items():
        source = origin.get(kept_id, "?")
        for site, n in sites.items():
            if site != source:
                pairs[(source, site)] += n
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return [(a, b, n) for (a, b), n in ranked]


def _check_counts(stats: Mapping[str, Any], kept_docs: int, reasons: Counter[str],
                  warnings: list[str]) -> None:
    """Warn when the Parquet files disagree with ``stats.json`` (a part missing or damaged)."""
    counts = stats.get("counts") or {}
    if "kept" in counts and int(counts["kept"]) != kept_docs:
        warnings.append(f"stats.json counts {counts['kept']:,} kept documents but data/ holds "
                        f"{kept_docs:,}.")
    expected = {k: int(v) for k, v in (counts.get("dropped") or {}).items() if v}
    if expected and expected != dict(reasons):
        warnings.append(f"stats.json drop counts {expected} differ from dropped/ "
                        f"{dict(reasons)}.")


def gather(outdir: str | os.PathLike[str]) -> RunData:
    """Read OUTDIR's stats, manifest, Parquet parts and rejects into a :class:`RunData`.

    Raises:
        KhabarError: OUTDIR has no readable ``stats.json`` or ``manifest.json`` (not a finished run).
    """
    from khabar.io import fs

    out = os.fspath(outdir)
    warnings: list[str] = []
    stats = _read_json(fs.join(out, "stats.json"))
    manifest = _read_json(fs.join(out, "manifest.json"))
    kept_files, dropped_files = part_files(out, "data"), part_files(out, "dropped")
    kept = gather_kept(kept_files, warnings)
    reasons, steps = gather_dropped_counts(dropped_files, warnings)
    _check_counts(stats, kept.docs, reasons, warnings)
    counts = stats.get("counts") or manifest.get("counts") or {}
    drop_reasons = Counter({k: int(v) for k, v in (counts.get("dropped") or {}).items()}) or reasons
    reject_reasons = Counter({k: int(v) for k, v in (counts.get("rejected") or {}).items()})
    reject_counts, reject_samples = gather_reject_samples(fs.join(out, "rejects.jsonl"), warnings)
    if not reject_reasons:
        reject_reasons = reject_counts
    samples = gather_drop_samples(dropped_files, sorted(reasons), warnings)
    return RunData(
        outdir=str(out),
        stats=stats,
        manifest=manifest,
        stages=stage_rows(counts, manifest.get("steps") or [], steps),
        kept=kept,
        drop_reasons=drop_reasons,
        drop_steps=steps,
        reject_reasons=reject_reasons,
        drop_samples=samples,
        reject_samples=reject_samples,
        clusters=gather_clusters(kept_files, dropped_files, warnings),
        warnings=warnings,
        syndication=gather_syndication(kept_files, dropped_files, warnings),
    )
