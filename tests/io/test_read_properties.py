"""Properties: no bytes, in any format, make read_file raise, and the counts always add up."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.document import Document, Reject
from khabar.io.readers import InputFile, ReadConfig, ReadStats, detect_format, read_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "io"
SUFFIXES = [
    ".txt", ".txt.gz", ".jsonl", ".jsonl.gz", ".jsonl.zst", ".html", ".warc", ".warc.gz",
    ".parquet",
]  # fmt: skip
SEEDS = sorted(p.name for p in FIXTURES.iterdir() if p.suffix != ".md" and p.stat().st_size)
PREFIXES = [b"", b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b"\x28\xb5\x2f\xfd", b"PAR1", b'{"text": "']
CONFIG = ReadConfig(max_record_bytes=4096, batch_size=2)

pytest.importorskip("fastwarc")


def read_all(path: Path, fmt: str, compression: str | None) -> list:
    inp = InputFile(path=str(path), format=fmt, size=path.stat().st_size, compression=compression)
    stats = ReadStats()
    items = list(read_file(inp, CONFIG, stats=stats))
    assert all(isinstance(i, (Document, Reject)) for i in items)
    assert stats.records == len(items) == stats.documents + sum(stats.rejects.values())
    for item in items:
        if isinstance(item, Document):
            # whatever was read, a writer can encode it
            json.dumps(item.meta, ensure_ascii=False, allow_nan=False).encode("utf-8")
            (item.text + (item.html or "") + (item.url or "") + item.id).encode("utf-8")
        if isinstance(item, Reject):
            assert item.reason and item.reason == item.reason.lower() and " " not in item.reason
            assert item.location
    return items


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    suffix=st.sampled_from(SUFFIXES),
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=3000),
)
def test_random_bytes_never_raise(suffix, prefix, body):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(prefix + body)
        fmt, compression = detect_format(str(path))
        assert fmt is not None
        read_all(path, fmt, compression)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(SEEDS),
    cut=st.floats(min_value=0.0, max_value=1.0),
    flips=st.lists(st.tuples(st.floats(0.0, 0.999), st.integers(0, 255)), max_size=4),
)
def test_damaged_fixtures_never_raise(seed, cut, flips):
    data = bytearray((FIXTURES / seed).read_bytes())
    for where, value in flips:
        data[int(where * len(data))] = value
    data = data[: max(1, int(cut * len(data)))] if cut < 1.0 else data
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / seed
        path.write_bytes(bytes(data))
        fmt, compression = detect_format(str(path))
        assert fmt is not None
        read_all(path, fmt, compression)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.text(max_size=200), max_size=20))
def test_gzip_jsonl_of_any_text_lines(lines):
    """Whatever the lines hold, each non-blank line is exactly one record."""
    raw = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines).encode(
        "utf-8", errors="surrogatepass"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl.gz"
        path.write_bytes(gzip.compress(raw))
        items = read_all(path, "jsonl", "gzip")
        non_blank = [seg for seg in raw.split(b"\n") if seg.strip()]
        if non_blank:
            assert len(items) == len(non_blank)
        else:
            assert [i.reason for i in items] == ["empty_file"]


@settings(max_examples=100, deadline=None)
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(["text", "body", "id", "url", "date", "x", "html"]),
            st.one_of(st.text(max_size=50), st.integers(), st.none(), st.floats(), st.booleans()),
        ),
        max_size=8,
    )
)
def test_any_json_objects(records):
    """Any JSON object is a document or a reject with a reason; never an exception."""
    raw = "\n".join(json.dumps(r) for r in records).encode()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_bytes(raw)
        items = read_all(path, "jsonl", None)
        assert len(items) == max(len(records), 1)
