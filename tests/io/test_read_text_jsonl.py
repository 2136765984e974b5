"""Plain text and JSON-lines readers, on the committed fixtures (tests/fixtures/io/README.md)."""

from __future__ import annotations

import gzip
import json

import pytest
from io_support import read

from khabar.document import Document, Reject
from khabar.errors import ConfigError
from khabar.io.readers import (
    InputFile,
    ReadConfig,
    ReadStats,
    expand_inputs,
    file_sha256,
    read_file,
)


def kinds(items: list) -> list[str]:
    return [i.reason if isinstance(i, Reject) else "doc" for i in items]


# --- plain text -----------------------------------------------------------------------------


def test_text_file_is_one_document(io_dir, sentences):
    path = io_dir / "article.txt"
    [doc], _ = read(path)
    assert isinstance(doc, Document)
    assert doc.text == doc.raw == sentences[0] + "\n\n" + sentences[1] + "\n"
    assert (doc.source, doc.record, doc.offset, doc.html) == (str(path), 0, 0, None)
    assert doc.id == f"{file_sha256(str(path))[:16]}-0"


def test_text_bom_is_removed(io_dir, sentences):
    [doc], _ = read(io_dir / "article_bom.txt")
    assert doc.text == sentences[4] + "\n"


def test_text_legacy_encoding_is_rejected_unless_given(io_dir, sentences):
    path = io_dir / "cp1256.txt"
    [rej], _ = read(path)
    assert (rej.reason, rej.location) == ("decode_error", "file")
    [doc], _ = read(path, ReadConfig(encoding="cp1256"))
    # the file holds sentence 5 as a cp1256 site wrote it: Arabic yeh, same words
    assert doc.text == sentences[4].replace("ی", "ي") + "\n"
    assert doc.meta["charset"] == "cp1256"


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "blank.jsonl"])
def test_empty_files_are_one_reject(io_dir, name):
    [rej], _ = read(io_dir / name)
    assert (rej.reason, rej.location) == ("empty_file", "file")


def test_text_too_large(io_dir):
    [rej], _ = read(io_dir / "article.txt", ReadConfig(max_record_bytes=100))
    assert rej.reason == "record_too_large"


def test_text_with_nul_bytes_is_rejected(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes("خبر\x00خبر".encode())
    [rej], _ = read(path)
    assert rej.reason == "nul_bytes"
    assert "first at character 3" in rej.detail


def test_text_gzip(tmp_path, sentences):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(sentences[0].encode()))
    [doc], _ = read(path)
    assert doc.text == sentences[0]


# --- JSON lines -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["docs.jsonl", "docs.jsonl.gz", "docs.jsonl.zst"])
def test_jsonl_docs(io_dir, sentences, name):
    path = io_dir / name
    items, _stats = read(path)
    assert kinds(items) == ["doc"] * 4
    one, two, three, four = items
    sha = file_sha256(str(path))[:16]
    # record 0: id, url, date and an extra field
    assert (one.id, one.text, one.raw) == ("fa-1", sentences[0], sentences[0])
    assert (one.url, one.domain) == ("https://www.example.ir/news/1", "example.ir")
    assert one.meta == {"date": "2020-02-18", "input": {"lang": "fa"}}
    # record 1: "body" and "link" found by themselves; no id, so it is derived
    assert (two.id, two.text) == (f"{sha}-1", sentences[1])
    assert (two.url, two.domain) == ("https://WWW.Example.IR/news/2", "example.ir")
    # record 2: HTML and no text, for the extraction step; a numeric id becomes a string
    assert (three.id, three.text, three.raw) == ("3", "", "")
    assert three.html == f"<html><body><p>{sentences[2]}</p></body></html>"
    # record 3: raw_content, and a nested extra field kept as it is
    assert four.text == sentences[3]
    assert four.meta["input"] == {"meta": {"source": "ud"}}
    assert [d.record for d in items] == [0, 1, 2, 3]
    assert all(d.source == str(path) for d in items)


def test_jsonl_offsets_point_at_the_lines(io_dir):
    path = io_dir / "docs.jsonl"
    data = path.read_bytes()
    items, _ = read(path)
    lines = data.split(b"\n")
    for doc in items:
        # no blank lines in this file: record N is line N, and the offset is where it starts
        assert data[doc.offset :].split(b"\n", 1)[0] == lines[doc.record]
    assert items[0].offset == 0
    assert items[1].offset == data.index(b"\n") + 1


def test_jsonl_mixed_bad_records(io_dir, sentences):
    items, stats = read(io_dir / "mixed.jsonl")
    assert kinds(items) == [
        "doc", "invalid_json", "not_an_object", "no_text_field", "decode_error", "doc",
        "nul_bytes", "empty_text", "invalid_text_field", "doc",
    ]  # fmt: skip
    locations = [i.location for i in items if isinstance(i, Reject)]
    assert [loc.split(" (")[0] for loc in locations] == [
        "line 2", "line 3", "line 4", "line 6", "line 8", "line 9", "line 10",
    ]  # fmt: skip
    m1, m7, m11 = (i for i in items if isinstance(i, Document))
    assert (m1.id, m1.text) == ("m1", sentences[4])
    # one stray byte in a long sentence is replaced and counted, not a reject
    assert m7.id == "m7"
    assert m7.text.replace("\ufffd", "") == sentences[5]
    assert m7.meta["replaced_chars"] == 1
    # the last line has no newline and still counts
    assert (m11.id, m11.text) == ("m11", sentences[2])
    # records count non-blank lines: the blank line 5 is skipped, not a record
    assert [m1.record, m7.record, m11.record] == [0, 5, 9]
    assert stats.skipped["blank_line"] == 1


@pytest.mark.parametrize(
    ("name", "reason"),
    [("truncated.jsonl.gz", "truncated_gzip"), ("truncated.jsonl.zst", "truncated_zstd")],
)
def test_truncated_stream_keeps_what_came_before(io_dir, sentences, name, reason):
    items, _ = read(io_dir / name)
    assert kinds(items) == ["doc", "doc", reason]
    assert [d.text for d in items[:2]] == [sentences[0], sentences[1]]
    # line 3 starts after lines 1 and 2 of docs.jsonl
    docs = (io_dir / "docs.jsonl").read_bytes().split(b"\n")
    offset = len(docs[0]) + len(docs[1]) + 2
    assert items[2].location == f"line 3 (byte {offset})"
    assert "2 records before it were read" in items[2].detail


def test_corrupt_gzip_is_one_reject(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"not deflate data at all" * 3)
    items, _ = read(path)
    assert kinds(items) == ["corrupt_gzip"]


def test_jsonl_record_too_large_is_skipped_unread(tmp_path, sentences):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "خ" * 2000}, ensure_ascii=False)
    small = json.dumps({"id": "small", "text": sentences[4]}, ensure_ascii=False)
    path.write_text(big + "\n" + small + "\n", encoding="utf-8")
    items, _ = read(path, ReadConfig(max_record_bytes=1000))
    assert kinds(items) == ["record_too_large", "doc"]
    assert items[0].location == "line 1 (byte 0)"
    assert str(len(big.encode())) in items[0].detail
    assert items[1].id == "small"
    assert items[1].record == 1


@pytest.mark.parametrize(
    ("config", "record", "expected"),
    [
        # explicit names win and are not guessed around
        (ReadConfig(text_field="title"), {"title": "عنوان", "text": "متن"}, ("doc", "عنوان")),
        (ReadConfig(text_field="title"), {"text": "متن"}, ("no_text_field", None)),
        (ReadConfig(id_field="guid"), {"guid": "g-1", "id": "x", "text": "متن"}, ("doc", "متن")),
        # a list of paragraphs is joined with blank lines
        (ReadConfig(), {"text": ["بند یک", "بند دو"]}, ("doc", "بند یک\n\nبند دو")),
        (ReadConfig(), {"text": None, "content": "محتوا"}, ("doc", "محتوا")),
        # an empty field does not hide a full one
        (ReadConfig(), {"text": "", "body": "متن اصلی"}, ("doc", "متن اصلی")),
        (ReadConfig(), {"text": " ", "body": ""}, ("empty_text", None)),
        (ReadConfig(text_field="text"), {"text": "", "body": "متن اصلی"}, ("empty_text", None)),
        (ReadConfig(), {"text": {"nested": 1}}, ("invalid_text_field", None)),
    ],
)
def test_jsonl_field_options(tmp_path, config, record, expected):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [item], _ = read(path, config)
    kind, text = expected
    assert kinds([item]) == [kind]
    if text is not None:
        assert item.text == text


def test_jsonl_id_field_and_extras(tmp_path):
    path = tmp_path / "r.jsonl"
    record = {"guid": "g-1", "id": "x", "text": "متن", "date": "1402/05/01"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [doc], _ = read(path, ReadConfig(id_field="guid"))
    assert doc.id == "g-1"
    # "id" is not the id field here, so it is an extra field like any other
    assert doc.meta == {"date": "1402/05/01", "input": {"id": "x"}}


def test_ids_do_not_depend_on_the_path(tmp_path, io_dir):
    a = tmp_path / "a" / "x.jsonl"
    b = tmp_path / "b" / "renamed.jsonl"
    for p in (a, b):
        p.parent.mkdir()
        p.write_bytes((io_dir / "docs.jsonl").read_bytes())
    ids_a = [d.id for d in read(a)[0]]
    ids_b = [d.id for d in read(b)[0]]
    assert ids_a == ids_b


def test_given_sha256_is_used(io_dir):
    [inp] = expand_inputs([str(io_dir / "article.txt")])
    [doc] = read_file(inp, ReadConfig(), sha256="ab" * 32)
    assert doc.id == "abababababababab-0"


def test_unreadable_file_is_one_reject(tmp_path):
    inp = InputFile(path=str(tmp_path / "gone.jsonl"), format="jsonl", size=10)
    stats = ReadStats()
    [rej] = read_file(inp, ReadConfig(), stats=stats)
    assert (rej.reason, rej.location) == ("unreadable", "file")
    assert stats.rejects["unreadable"] == 1


def test_unknown_format_is_one_reject(tmp_path):
    inp = InputFile(path=str(tmp_path / "x.pdf"), format="pdf", size=1)
    [rej] = read_file(inp, ReadConfig())
    assert rej.reason == "unsupported_format"


@pytest.mark.parametrize(
    "kwargs",
    [{"max_record_bytes": 0}, {"max_replaced_ratio": 1.5}, {"batch_size": 0}],
)
def test_read_config_validates(kwargs):
    with pytest.raises(ConfigError):
        ReadConfig(**kwargs)


@pytest.mark.shared
@pytest.mark.parametrize(("name", "count"), [("fars-news-1", 300), ("varzesh3-1", 500)])
def test_real_crawl_jsonl(shared, name, count):
    """Crawled news with a "body" field: every line a document, title and tags kept as extras."""
    path = shared / "data" / "farsnews_varzesh3_json" / f"{name}.docs.jsonl"
    items, stats = read(path)
    assert stats.documents == count
    assert not stats.rejects
    first = json.loads(path.read_text(encoding="utf-8").split("\n", 1)[0])
    assert items[0].text == first["body"]
    assert items[0].url == first["url"]
    assert items[0].meta["input"]["title"] == first["title"]


def test_lone_surrogate_escapes_become_replacement_characters(tmp_path):
    path = tmp_path / "s.jsonl"
    # "\\ud800" pairs with nothing; "\\ud83d\\ude00" is a valid pair (an emoji)
    path.write_text(
        '{"text": "خبر\\ud800 داغ \\ud83d\\ude00", "tag": "\\udfff"}\n', encoding="utf-8"
    )
    [doc], _ = read(path)
    assert doc.text == "خبر\ufffd داغ \U0001f600"
    assert doc.meta["replaced_chars"] == 1
    assert doc.meta["input"] == {"tag": "\ufffd"}
    doc.text.encode("utf-8")  # a writer can encode it


@pytest.mark.shared
def test_real_crawl_with_empty_bodies(shared):
    """Targoman's sample: category pages have a title and no body; they are empty_text rejects."""
    path = shared / "data" / "targoman_sample" / "docs.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    blank = [n for n, r in enumerate(records, 1) if not (r.get("body") or "").strip()]
    items, stats = read(path)
    assert stats.documents == len(records) - len(blank)
    assert dict(stats.rejects) == {"empty_text": len(blank)}
    rejected_lines = [int(i.location.split()[1]) for i in items if isinstance(i, Reject)]
    assert rejected_lines == blank


def test_truncated_compressed_text_file_is_one_reject(tmp_path, sentences):
    path = tmp_path / "cut.txt.gz"
    whole = gzip.compress((sentences[0] * 20).encode())
    path.write_bytes(whole[: len(whole) // 2])
    [rej], _ = read(path)
    assert rej.reason == "truncated_gzip"
    assert rej.location.startswith("byte ")
