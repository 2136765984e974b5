"""Fuzz target: Parquet files through ``read_file``.

An even first byte: the rest is the file's bytes (mutated real files from the seed corpus reach
pyarrow's error paths). An odd first byte: the rest describes a table (column names, types and
values, including nulls, lists, structs and binary) that pyarrow writes, so the field picking and
JSON conversion of ``meta["input"]`` see every column type. Run by ``fuzz/run.sh``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["khabar"]):
    import khabar.io.formats.fields
    import khabar.io.formats.parquet
    import khabar.io.readers  # noqa: F401 - imported to be instrumented

import _harness

_NAMES = ["text", "body", "content", "html", "url", "id", "date", "title", "x", ""]


def _value(fdp: atheris.FuzzedDataProvider, kind: int) -> object:
    if fdp.ConsumeBool():
        return None
    if kind == 0:
        return fdp.ConsumeUnicode(40)
    if kind == 1:
        return fdp.ConsumeInt(8)
    if kind == 2:
        return fdp.ConsumeRegularFloat() if fdp.ConsumeBool() else fdp.ConsumeFloat()
    if kind == 3:
        return fdp.ConsumeBytes(20)
    if kind == 4:
        return [fdp.ConsumeUnicode(8) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    return {"a": fdp.ConsumeUnicode(8), "b": fdp.ConsumeInt(2)}


def _table_bytes(data: bytes) -> bytes:
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    fdp = atheris.FuzzedDataProvider(data)
    rows = fdp.ConsumeIntInRange(0, 5)
    columns: dict[str, list[object]] = {}
    for _ in range(fdp.ConsumeIntInRange(1, 4)):
        name = _NAMES[fdp.ConsumeIntInRange(0, len(_NAMES) - 1)]
        if fdp.ConsumeBool():
            name += fdp.ConsumeUnicode(3)
        kind = fdp.ConsumeIntInRange(0, 5)
        columns[name] = [_value(fdp, kind) for _ in range(rows)]
    try:
        table = pa.table(columns)
    except (pa.ArrowException, OverflowError, ValueError, TypeError):
        return b""  # not a table pyarrow can build: nothing to read
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def test_one_input(data: bytes) -> None:
    if not data:
        return
    body = data[1:] if data[0] % 2 == 0 else _table_bytes(data[1:])
    _harness.read_bytes(body, "parquet", None, ".parquet")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
