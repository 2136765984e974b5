"""Writers that never leave a half-written file visible.

Every file is written under a hidden temporary name in its final folder and renamed into place
when complete (``os.replace`` is atomic on POSIX), so a reader, a resumed run or ``datasets``
never sees a partial shard. A writer that is closed after an error removes its temporary file.
A path may also be an object-store URL (``s3://bucket/out/part-0.parquet``): the file is then
written locally and uploaded whole when closed (see :class:`khabar.io.fs.AtomicFile`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Protocol, Self

from khabar.io import fs

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    import pyarrow.ipc
    import pyarrow.parquet as pq


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` (a local path or a URL) atomically."""
    fs.atomic_write_text(path, text)


def atomic_write_json(path: str | os.PathLike[str], obj: Any) -> None:
    atomic_write_text(path, json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


class _Atomic:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._target = fs.AtomicFile(path)
        self.path = self._target.path
        #: the local file being written (renamed or uploaded to ``path`` by :meth:`close`)
        self.tmp = self._target.tmp
        self.rows = 0
        self._closed = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        if et is None:
            self.close()
        else:
            self.abort()

    def _finish(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def close(self) -> None:
        if self._closed:
            return
        self._finish()
        self._target.commit()
        self._closed = True

    def abort(self) -> None:
        self._closed = True
        try:
            self._finish()
        finally:
            self._target.discard()


class JsonlWriter(_Atomic):
    """JSON Lines, one object per line, UTF-8, written atomically."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(path)
        self._f: IO[str] = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()/abort()

    def write(self, obj: dict[str, Any]) -> None:
        self._f.write(json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n")
        self.rows += 1

    def _finish(self) -> None:
        if not self._f.closed:
            self._f.flush()
            os.fsync(self._f.fileno())
            self._f.close()


class RowBuffer(Protocol):
    """Rows waiting to become an Arrow table: what :class:`ParquetWriter` buffers between row
    groups. :class:`DictRows` takes dict rows; :class:`khabar.io.schema.DocColumns` takes
    Documents and builds the columns directly."""

    def add(self, row: Any) -> None: ...

    def __len__(self) -> int: ...

    def table(self) -> pa.Table:
        """The rows added since the last call, as a table of the file's schema."""
        ...


class DictRows:
    """Dict rows, made into a table by ``pa.Table.from_pylist`` (missing keys are nulls).

    >>> import pyarrow as pa
    >>> rows = DictRows(pa.schema([("t", pa.string())]))
    >>> rows.add({"t": "یک"})
    >>> rows.table().column("t").to_pylist(), len(rows)
    (['یک'], 0)
    """

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self._rows: list[dict[str, Any]] = []

    def add(self, row: dict[str, Any]) -> None:
        self._rows.append(row)

    def __len__(self) -> int:
        return len(self._rows)

    def table(self) -> pa.Table:
        import pyarrow as pa

        table = pa.Table.from_pylist(self._rows, schema=self.schema)
        self._rows = []
        return table


class _TableWriter(_Atomic):
    """Rows (dicts, or what ``rows`` takes, or Arrow tables of the same schema) to one file in
    groups of ``batch_rows`` rows (the last one may be smaller), each group one contiguous
    table: the same groups whether the rows came one by one or as tables, as dicts or through
    another :class:`RowBuffer` that makes the same table. Subclasses write a group
    (:meth:`_write_group`) and end the file (:meth:`_end`)."""

    def __init__(self, path: str | os.PathLike[str], schema: pa.Schema, *,
                 batch_rows: int = 1000, rows: RowBuffer | None = None) -> None:
        super().__init__(path)
        self.schema = schema
        self.batch_rows = batch_rows
        self._buf: RowBuffer = rows if rows is not None else DictRows(schema)
        self._tables: list[pa.Table] = []  # pending rows, in order, ahead of _buf
        self._pending = 0

    def _write_group(self, table: pa.Table) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _end(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def write(self, row: Any) -> None:
        """Append one row: a dict, or what the ``rows`` buffer takes."""
        self._buf.add(row)
        self.rows += 1
        self._pending += 1
        if self._pending >= self.batch_rows:
            self._flush(full_only=True)

    def write_arrow(self, table: pa.Table) -> None:
        """Append ``table``'s rows (its schema must be this file's) after the rows written so far."""
        if not table.num_rows:
            return
        if not table.schema.equals(self.schema):
            raise ValueError(f"table schema differs from the file's:\n{table.schema}\n"
                             f"expected\n{self.schema}")
        self._buf_to_table()
        self._tables.append(table)
        self.rows += table.num_rows
        self._pending += table.num_rows
        if self._pending >= self.batch_rows:
            self._flush(full_only=True)

    def _buf_to_table(self) -> None:
        if len(self._buf):
            self._tables.append(self._buf.table())

    def _flush(self, full_only: bool = False) -> None:
        """Write the pending rows as groups of ``batch_rows`` (with ``full_only``, keep a last
        partial group pending)."""
        import pyarrow as pa

        if not self._pending:
            return
        if not self._tables and len(self._buf) == self.batch_rows:  # the plain row-by-row case
            self._write_group(self._buf.table())
            self._pending = 0
            return
        self._buf_to_table()
        # one contiguous chunk per group, as from_pylist gives, so the bytes do not depend on
        # how the rows arrived
        table = pa.concat_tables(self._tables).combine_chunks()
        start = 0
        while table.num_rows - start >= self.batch_rows or (not full_only and start < table.num_rows):
            n = min(self.batch_rows, table.num_rows - start)
            self._write_group(table.slice(start, n).combine_chunks())
            start += n
        rest = table.slice(start)
        self._tables = [rest] if rest.num_rows else []
        self._pending = rest.num_rows

    def _finish(self) -> None:
        try:
            if not self._closed:
                self._flush()
        finally:
            self._end()


class ParquetWriter(_TableWriter):
    """Rows (dicts, or what ``rows`` takes, or Arrow tables of the same schema) to one Parquet
    file, zstd-compressed by default, in row groups of ``batch_rows``: the same file whether the
    rows came one by one or as tables, as dicts or through another :class:`RowBuffer` that makes
    the same table.

    Args:
        path: the file (a local path or a URL); it appears when the writer is closed.
        schema: the file's schema.
        batch_rows: rows per row group (the last one may be smaller).
        compression: Parquet compression codec.
        rows: the buffer :meth:`write` adds to (default: :class:`DictRows` of ``schema``).
        **options: further ``pyarrow.parquet.ParquetWriter`` options (``use_dictionary``...).
    """

    def __init__(self, path: str | os.PathLike[str], schema: pa.Schema, *,
                 batch_rows: int = 1000, compression: str = "zstd",
                 rows: RowBuffer | None = None, **options: Any) -> None:
        import pyarrow.parquet as pq

        super().__init__(path, schema, batch_rows=batch_rows, rows=rows)
        self._w: pq.ParquetWriter | None = pq.ParquetWriter(self.tmp, schema,
                                                            compression=compression, **options)

    def _write_group(self, table: pa.Table) -> None:
        assert self._w is not None
        self._w.write_table(table)

    def _end(self) -> None:
        if self._w is not None:
            self._w.close()
            self._w = None


class ArrowWriter(_TableWriter):
    """Rows (as :class:`ParquetWriter` takes them) to one Arrow IPC file (the Feather v2 format,
    ``pyarrow.ipc``), one record batch per ``batch_rows`` rows, uncompressed unless
    ``compression`` says "lz4" or "zstd": what a run writes
    between its stages. Writing it is about a copy of the columns (Parquet's page encoding and
    LZ4 cost ~0.06 CPU ms per ~4 KB document), and :func:`read_arrow_batches` maps it back
    without a copy; it takes ~2.5x the disk of LZ4 Parquet (bench/throughput/io11.md).

    >>> import pyarrow as pa, tempfile, pathlib
    >>> path = str(pathlib.Path(tempfile.mkdtemp()) / "w.arrow")
    >>> with ArrowWriter(path, pa.schema([("t", pa.string())]), batch_rows=2) as w:
    ...     for t in ("یک", "دو", "سه"):
    ...         w.write({"t": t})
    >>> [b.column("t").to_pylist() for b in read_arrow_batches(path)]
    [['یک', 'دو'], ['سه']]
    """

    def __init__(self, path: str | os.PathLike[str], schema: pa.Schema, *,
                 batch_rows: int = 1000, rows: RowBuffer | None = None,
                 compression: str = "none") -> None:
        import pyarrow as pa

        super().__init__(path, schema, batch_rows=batch_rows, rows=rows)
        # buffers compressed with LZ4 or zstd (run.work_compression): readers need no setting
        options = pa.ipc.IpcWriteOptions(compression=None if compression == "none" else compression)
        self._sink: pa.NativeFile | None = pa.OSFile(self.tmp, "wb")
        try:
            self._w: pa.ipc.RecordBatchFileWriter | None = pa.ipc.new_file(self._sink, schema,
                                                                           options=options)
        except BaseException:
            self._sink.close()
            raise

    def _write_group(self, table: pa.Table) -> None:
        assert self._w is not None
        self._w.write_table(table)

    def _end(self) -> None:
        try:
            if self._w is not None:
                self._w.close()
        finally:
            self._w = None
            if self._sink is not None:
                self._sink.close()
                self._sink = None


def read_arrow_batches(path: str) -> Iterator[pa.RecordBatch]:
    """The record batches of an Arrow IPC file written by :class:`ArrowWriter` (a local path or
    a URL), in order. A local file is memory-mapped: the batches point into the page cache, no
    copy, and stay valid after the file is closed or removed (the mapping lives as long as they
    do); a remote one is read through its pyarrow filesystem."""
    import pyarrow as pa

    filesystem, inner = fs.arrow_filesystem(path)
    source = pa.memory_map(inner) if filesystem is None else filesystem.open_input_file(inner)
    with source:
        reader = pa.ipc.open_file(source)
        for i in range(reader.num_record_batches):
            yield reader.get_batch(i)
