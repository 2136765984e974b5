from __future__ import annotations

import json

import pytest

from khabar.io.writers import JsonlWriter, ParquetWriter, atomic_write_json


def test_jsonl_appears_only_when_closed(tmp_path):
    path = tmp_path / "r.jsonl"
    w = JsonlWriter(path)
    w.write({"a": "می‌باشد"})
    assert not path.exists()          # nothing visible while writing
    w.close()
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": "می‌باشد"}
    assert [p.name for p in tmp_path.iterdir()] == ["r.jsonl"]  # no temp file left


def test_failed_write_leaves_nothing(tmp_path):
    pa = pytest.importorskip("pyarrow")
    path = tmp_path / "p.parquet"
    with (pytest.raises(RuntimeError, match="boom"),
          ParquetWriter(path, pa.schema([("x", pa.int64())]), batch_rows=1) as w):
        w.write({"x": 1})
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_parquet_round_trip(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    schema = pa.schema([("t", pa.string())])
    with ParquetWriter(tmp_path / "p.parquet", schema, batch_rows=2) as w:
        for t in ["یک", "دو", "سه"]:
            w.write({"t": t})
    assert pq.read_table(tmp_path / "p.parquet").column("t").to_pylist() == ["یک", "دو", "سه"]


def test_atomic_json(tmp_path):
    atomic_write_json(tmp_path / "sub" / "m.json", {"k": "ی"})
    assert json.loads((tmp_path / "sub" / "m.json").read_text(encoding="utf-8")) == {"k": "ی"}
