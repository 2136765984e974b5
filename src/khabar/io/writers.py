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
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Self

from khabar.io import fs

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
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


class ParquetWriter(_Atomic):
    """Rows (dicts) to one zstd-compressed Parquet file, in row groups of ``batch_rows``."""

    def __init__(self, path: str | os.PathLike[str], schema: pa.Schema, *,
                 batch_rows: int = 1000, compression: str = "zstd") -> None:
        import pyarrow.parquet as pq

        super().__init__(path)
        self.schema = schema
        self.batch_rows = batch_rows
        self._buf: list[dict[str, Any]] = []
        self._w: pq.ParquetWriter = pq.ParquetWriter(self.tmp, schema, compression=compression)

    def write(self, row: dict[str, Any]) -> None:
        self._buf.append(row)
        self.rows += 1
        if len(self._buf) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buf:
            self._w.write_table(pa.Table.from_pylist(self._buf, schema=self.schema))
            self._buf = []

    def _finish(self) -> None:
        if self._w is not None:
            try:
                if not self._closed:
                    self._flush()
            finally:
                self._w.close()
                self._w = None  # type: ignore[assignment]
