"""Readers against hostile files: decompression bombs, a 50 MB line, deep nesting, broken streams.

The bomb bound (``read.max_expansion_ratio`` x the compressed size, never below
``read.expansion_floor_bytes``) is tested with small limits so the bombs can be small; one test
reads a real 1 GiB-of-zeros gzip with the default limits.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

from khabar.document import Document, Reject
from khabar.errors import ConfigError
from khabar.io.readers import InputFile, ReadConfig, ReadStats, detect_format, read_file

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from build_corrupted_corpus import build, write_gzip_bomb, write_huge_line

CORRUPTED = ROOT / "tests" / "fixtures" / "corrupted"
#: bombs of 200 KB expand past 100x and past a 50 KB floor
SMALL = ReadConfig(max_expansion_ratio=100.0, expansion_floor_bytes=50_000)
LINE = b'{"text": "' + "خبر امروز ".encode() * 5 + b'"}\n'


def read(path: Path, config: ReadConfig = SMALL) -> list[Document | Reject]:
    fmt, compression = detect_format(str(path))
    inp = InputFile(str(path), fmt, path.stat().st_size, compression)
    stats = ReadStats()
    items = list(read_file(inp, config, stats=stats))
    assert stats.records == len(items)
    return items


def kinds(items: list[Document | Reject]) -> list[str]:
    return [i.reason if isinstance(i, Reject) else "doc" for i in items]


def zstd(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor(level=19).compress(data)


def test_the_committed_fixtures_are_what_the_script_builds():
    for name, data in build(CORRUPTED).items():
        assert (CORRUPTED / name).read_bytes() == data, name


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_good_records_then_a_bomb_keeps_the_records_and_rejects_the_rest(tmp_path, suffix):
    body = LINE * 3 + b"\0" * 2_000_000 + b"\n" + LINE
    path = tmp_path / f"bomb{suffix}"
    path.write_bytes(gzip.compress(body) if suffix.endswith("gz") else zstd(body))
    items = read(path)
    assert kinds(items) == ["doc", "doc", "doc", "decompression_bomb"]
    assert items[-1].location.startswith("line 4 ")  # where the zeros start
    assert "read.max_expansion_ratio" in items[-1].detail  # says how to let it through


@pytest.mark.parametrize(("suffix", "fmt"), [(".txt.gz", "text"), (".html.zst", "html")])
def test_a_one_record_bomb_is_one_reject(tmp_path, suffix, fmt):
    body = "<p>خبر</p>".encode() + b" " * 1_000_000
    path = tmp_path / f"bomb{suffix}"
    path.write_bytes(gzip.compress(body) if suffix.endswith("gz") else zstd(body))
    assert kinds(read(path)) == ["decompression_bomb"]


def test_a_file_that_compresses_well_but_stays_under_the_floor_is_read(tmp_path):
    # 500 identical records expand far more than 100x, but stay under the floor: all are read
    path = tmp_path / "repetitive.jsonl.zst"
    path.write_bytes(zstd(LINE * 500))
    assert path.stat().st_size * 100 < len(LINE) * 500  # it does expand more than 100x
    items = read(path, ReadConfig(max_expansion_ratio=100.0, expansion_floor_bytes=200_000))
    assert kinds(items) == ["doc"] * 500


def test_a_warc_gz_whose_records_expand_past_the_bound_ends_in_one_reject(tmp_path):
    page = b"<html><body><p>" + "خبر ".encode() * 10 + b"</p>" + b" " * 300_000 + b"</body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.ir/{n}\r\n"
        "WARC-Record-ID: <urn:uuid:{n}>\r\nContent-Length: {size}\r\n\r\n"
    )
    records = b"".join(
        gzip.compress(head.format(n=n, size=len(http)).encode() + http + b"\r\n\r\n")
        for n in range(5)
    )
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(records)
    config = ReadConfig(max_expansion_ratio=100.0, expansion_floor_bytes=700_000)
    # each record is about 300 KB from about 1 KB: the third one passes 700 KB
    assert kinds(read(path, config)) == ["doc", "doc", "decompression_bomb"]


def test_a_gigabyte_of_zeros_is_rejected_with_the_default_bound(tmp_path):
    path = tmp_path / "zeros.jsonl.gz"
    write_gzip_bomb(path)
    assert path.stat().st_size < 2_000_000
    [reject] = read(path, ReadConfig())
    assert (reject.location, reject.reason) == ("line 1 (byte 0)", "decompression_bomb")


def test_a_50_mb_line_is_rejected_unread(tmp_path):
    path = tmp_path / "huge.jsonl"
    write_huge_line(path)
    path.write_bytes(path.read_bytes() + LINE)
    items = read(path, ReadConfig())
    assert kinds(items) == ["record_too_large", "doc"]
    assert items[0].detail == "50000001 bytes > 50000000"


@pytest.mark.parametrize(
    "overrides",
    [{"max_expansion_ratio": 0.5}, {"max_expansion_ratio": float("nan")},
     {"expansion_floor_bytes": 0}],
)  # fmt: skip
def test_a_bound_that_makes_no_sense_is_a_config_error(overrides):
    with pytest.raises(ConfigError, match="read.max_expansion_ratio|read.expansion_floor_bytes"):
        ReadConfig(**overrides)


def test_not_strict_lists_unknown_and_unreadable_files_as_one_reject_each(tmp_path):
    from khabar.io.readers import expand_inputs

    (tmp_path / "good.jsonl").write_bytes(LINE)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    files = expand_inputs([str(tmp_path)], strict=False)
    assert [(Path(f.path).name, f.format) for f in files] == [
        ("good.jsonl", "jsonl"),
        ("image.png", "unknown"),
    ]
    [reject] = list(read_file(files[1]))
    assert (reject.location, reject.reason) == ("file", "unsupported_format")
    assert "image.png" in reject.detail and "not a format khabar reads" in reject.detail
    [doc] = list(read_file(files[0]))
    assert isinstance(doc, Document)
