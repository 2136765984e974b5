"""expand_inputs: files, folders, globs, sniffing, ordering and the errors it raises."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from khabar.errors import InputError
from khabar.io.readers import detect_format, expand_inputs, file_sha256


def touch(path: Path, data: bytes = b'{"text": "x"}\n') -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", ("text", None)),
        ("a.TXT", ("text", None)),
        ("a.jsonl", ("jsonl", None)),
        ("a.ndjson", ("jsonl", None)),
        ("a.jsonl.gz", ("jsonl", "gzip")),
        ("a.jsonl.zst", ("jsonl", "zstd")),
        ("a.jsonl.zstd", ("jsonl", "zstd")),
        ("a.html", ("html", None)),
        ("a.htm", ("html", None)),
        ("a.html.gz", ("html", "gzip")),
        ("a.warc", ("warc", None)),
        ("a.warc.gz", ("warc", "gzip")),
        ("a.parquet", ("parquet", None)),
        ("part.0001.txt", ("text", None)),
    ],
)
def test_detect_format_by_suffix(name, expected):
    assert detect_format(name) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"text": "\xd8\xb3"}\n', ("jsonl", None)),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", ("warc", None)),
        (b"<!DOCTYPE html><html><body>x</body></html>", ("html", None)),
        ("سلام دنیا\n".encode(), ("text", None)),
        (gzip.compress(b'{"text": "x"}\n'), ("jsonl", "gzip")),
        (gzip.compress(b"WARC/1.1\r\n"), ("warc", "gzip")),
        (bytes(range(256)) * 4, (None, None)),
        (b"", (None, None)),
    ],
)
def test_detect_format_by_content(tmp_path, data, expected):
    path = touch(tmp_path / "noext", data)
    assert detect_format(str(path)) == expected


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        # text is guessed only for names with no suffix at all (Hadoop's part-00000)
        ("part-00000", "سلام دنیا\n".encode(), "text"),
        ("notes.md", "سلام دنیا\n".encode(), None),
        ("table.csv", "id,text\n1,سلام\n".encode(), None),
        # structured formats are recognised whatever the suffix
        ("dump.json", b'{"text": "x"}\n', "jsonl"),
        ("dump.json", b'[{"text": "x"}]', None),
        ("page.php", b"<!DOCTYPE html><html></html>", "html"),
        ("x.warc.wet.gz", gzip.compress(b"WARC/1.0\r\n"), "warc"),
    ],
)
def test_sniffing_rules(tmp_path, name, data, expected):
    path = touch(tmp_path / name, data)
    assert detect_format(str(path))[0] == expected


def test_folder_is_sorted_recursive_and_skips_hidden(tmp_path):
    touch(tmp_path / "b.jsonl")
    touch(tmp_path / "a.jsonl")
    touch(tmp_path / "sub" / "c.txt", "متن".encode())
    touch(tmp_path / ".hidden.jsonl")
    touch(tmp_path / ".git" / "x.jsonl")
    touch(tmp_path / "_SUCCESS", b"")
    found = expand_inputs([str(tmp_path)])
    names = [os.path.relpath(f.path, tmp_path) for f in found]
    assert names == ["a.jsonl", "b.jsonl", os.path.join("sub", "c.txt")]
    assert [f.format for f in found] == ["jsonl", "jsonl", "text"]
    assert found[0].size == len(b'{"text": "x"}\n')


def test_glob_is_sorted(tmp_path):
    for name in ("c.jsonl", "a.jsonl", "b.txt"):
        touch(tmp_path / name)
    found = expand_inputs([str(tmp_path / "*.jsonl")])
    assert [Path(f.path).name for f in found] == ["a.jsonl", "c.jsonl"]


def test_recursive_glob(tmp_path):
    touch(tmp_path / "x" / "y" / "deep.jsonl")
    touch(tmp_path / "top.jsonl")
    found = expand_inputs([str(tmp_path / "**" / "*.jsonl")])
    assert sorted(Path(f.path).name for f in found) == ["deep.jsonl", "top.jsonl"]


def test_argument_order_is_kept_and_duplicates_dropped(tmp_path):
    a = touch(tmp_path / "a.jsonl")
    b = touch(tmp_path / "b.jsonl")
    found = expand_inputs([str(b), str(tmp_path), str(a)])
    assert [Path(f.path).name for f in found] == ["b.jsonl", "a.jsonl"]


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        expand_inputs([str(tmp_path / "nope.jsonl")])


def test_glob_without_matches(tmp_path):
    with pytest.raises(InputError, match="no files match"):
        expand_inputs([str(tmp_path / "*.jsonl")])


def test_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="holds no files"):
        expand_inputs([str(tmp_path / "empty")])


def test_no_paths():
    with pytest.raises(InputError, match="no input given"):
        expand_inputs([])


def test_unknown_files_are_listed_in_one_error(tmp_path):
    touch(tmp_path / "good.jsonl")
    touch(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    touch(tmp_path / "data.bin", b"\x00\x01\x02" * 100)
    with pytest.raises(InputError) as info:
        expand_inputs([str(tmp_path)])
    message = str(info.value)
    assert "2 input file(s) cannot be read" in message
    assert "data.bin" in message and "image.png" in message
    assert "good.jsonl" not in message
    assert "glob" in message  # says how to fix it


def test_compressed_parquet_is_refused(tmp_path):
    touch(tmp_path / "x.parquet.gz", gzip.compress(b"PAR1"))
    with pytest.raises(InputError, match="x.parquet.gz"):
        expand_inputs([str(tmp_path / "x.parquet.gz")])


def test_file_sha256(tmp_path):
    path = touch(tmp_path / "a.txt", b"abc")
    # SHA-256 of "abc" (FIPS 180-2 test vector)
    assert file_sha256(str(path)) == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
