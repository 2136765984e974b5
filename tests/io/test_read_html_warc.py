"""HTML and WARC readers: charsets, URLs, skipped records, broken records, the real examples."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from io_support import read

from khabar.document import Document, Reject
from khabar.io.readers import ReadConfig, expand_inputs, file_sha256

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def cp1256_form(text: str) -> str:
    """How the windows-1256 fixtures write a sentence (see tests/fixtures/io/README.md)."""
    return text.replace("ی", "ي").replace("\u0654", "")


# --- HTML files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "charset", "source", "declared"),
    [
        ("cp1256.html", "cp1256", "meta", None),
        ("cp1256_undeclared.html", "cp1256", "detected", None),
        ("cp1256_declared_latin1.html", "cp1256", "detected", "cp1252"),
        ("utf8_declared_cp1256.html", "utf-8", "utf8", "cp1256"),
    ],
)
def test_html_charsets(io_dir, sentences, name, charset, source, declared):
    [doc], _ = read(io_dir / name)
    assert isinstance(doc, Document)
    assert (doc.text, doc.raw) == ("", "")
    assert doc.meta["charset"] == charset
    assert doc.meta["charset_source"] == source
    assert doc.meta.get("charset_declared") == declared
    expected = sentences[0] if charset == "utf-8" else cp1256_form(sentences[0])
    assert f"<p>{expected}" in doc.html


def test_html_non_persian_page_is_read(io_dir):
    [doc], _ = read(io_dir / "english.html")
    assert "The city council met on Tuesday" in doc.html
    assert (doc.url, doc.domain) == ("https://news.example.com/world/42", "news.example.com")


def test_html_empty(io_dir):
    [rej], _ = read(io_dir / "empty.html")
    assert rej.reason == "empty_file"


def test_html_nul_becomes_replacement_character(tmp_path):
    path = tmp_path / "nul.html"
    path.write_bytes("<p>خبر\x00</p>".encode())
    [doc], _ = read(path)
    assert doc.html == "<p>خبر\ufffd</p>"
    assert doc.meta["nul_chars"] == 1


def test_html_gzip(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress('<meta charset="utf-8"><p>سلام</p>'.encode()))
    [doc], _ = read(path)
    assert doc.html == '<meta charset="utf-8"><p>سلام</p>'


@pytest.mark.parametrize(
    ("file", "marker"),
    [
        ("1523806243.html", "تحلیل روزنامه اصولگرا"),
        ("1602557452.html", "موتور قاچاق"),
        ("1641304459.html", "نقدینگی"),
    ],
)
def test_real_example_pages(file, marker):
    path = EXAMPLES / "html" / file
    [doc], _ = read(path)
    assert doc.meta["charset"] == "utf-8"
    assert marker in doc.html
    # decoding is lossless: the HTML is the file's bytes as text
    assert doc.html == path.read_bytes().decode("utf-8")


def test_real_example_canonical_url():
    [doc], _ = read(EXAMPLES / "html" / "1523806243.html")
    pages = json.loads((EXAMPLES / "html" / "_pages.json").read_text(encoding="utf-8"))
    assert doc.url == pages[0]["url"]
    assert doc.domain == "khabaronline.ir"


@pytest.mark.shared
def test_examples_are_byte_exact_copies(shared):
    for path in sorted((EXAMPLES / "html").glob("*.html")):
        original = shared / "data" / "html_pages_htmldate" / path.name
        assert path.read_bytes() == original.read_bytes()


# --- WARC ------------------------------------------------------------------------------------


def test_warc_crawl(io_dir, sentences):
    path = io_dir / "crawl.warc.gz"
    items, stats = read(path)
    kinds = [i.reason if isinstance(i, Reject) else i.record for i in items]
    # documents are records 2, 4 and 9; record 7 is the garbage member
    assert kinds == [2, 4, "warc_broken_record", 9]
    first, second, broken, last = items
    sha = file_sha256(str(path))[:16]
    assert [first.id, second.id, last.id] == [f"{sha}-2", f"{sha}-4", f"{sha}-9"]
    assert (first.url, first.domain) == ("https://www.example.ir/news/1", "example.ir")
    assert first.meta["fetched_at"] == "2020-02-18T08:00:00Z"
    assert first.meta["http_status"] == 200
    assert f"<p>{sentences[0]}</p>" in first.html
    assert (first.text, first.raw) == ("", "")
    # windows-1256 named only in the HTTP header
    assert (second.meta["charset"], second.meta["charset_source"]) == ("cp1256", "http")
    assert f"<p>{cp1256_form(sentences[1])}</p>" in second.html
    assert second.domain == "old.example.ir"
    assert broken.location.startswith("record 7 ")
    assert f"<p>{sentences[3]}</p>" in last.html
    # offsets are where each record's gzip member starts
    data = path.read_bytes()
    for doc in (first, second, last):
        assert data[doc.offset : doc.offset + 3] == b"\x1f\x8b\x08"
        record = gzip.decompress(data[doc.offset :])  # this member and the ones after it
        assert record.startswith(b"WARC/1.1\r\nWARC-Type: response\r\n")
    assert dict(stats.skipped) == {
        "warc_warcinfo": 1,
        "warc_request": 3,
        "warc_non_html": 1,
        "warc_http_status": 1,
    }


def test_warc_truncated_record(io_dir, sentences):
    items, _stats = read(io_dir / "truncated.warc")
    assert [i.reason if isinstance(i, Reject) else "doc" for i in items] == [
        "doc",
        "warc_broken_record",
    ]
    assert f"<p>{sentences[0]}</p>" in items[0].html
    assert items[1].location.startswith("record 2 (byte ")
    assert "only" in items[1].detail


def test_warc_empty(io_dir):
    [rej], _ = read(io_dir / "empty.warc")
    assert rej.reason == "empty_file"


def test_warc_garbage_file(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a WARC file at all\n" * 10)
    items, _ = read(path)
    assert [i.reason for i in items] == ["warc_broken_record"]


def test_warc_too_large_record(io_dir):
    items, _ = read(io_dir / "crawl.warc.gz", ReadConfig(max_record_bytes=200))
    # the three HTML responses are larger than 200 bytes; the PNG (40 bytes of body) and the
    # 404 (a 30-byte page) fit, and are skipped as before
    assert [(i.reason, i.location.split(" (")[0]) for i in items] == [
        ("record_too_large", "record 2"),
        ("record_too_large", "record 4"),
        ("warc_broken_record", "record 7"),
        ("record_too_large", "record 9"),
    ]


def test_example_warc_matches_the_html_files():
    items, stats = read(EXAMPLES / "warc" / "pages.warc.gz")
    pages = json.loads((EXAMPLES / "html" / "_pages.json").read_text(encoding="utf-8"))
    assert len(items) == 3 and all(isinstance(i, Document) for i in items)
    for doc, page in zip(items, pages, strict=True):
        assert doc.html == (EXAMPLES / "html" / page["file"]).read_bytes().decode("utf-8")
        assert doc.meta["fetched_at"] == page["gold_publication_date"] + "T08:00:00Z"
    assert [d.domain for d in items] == ["khabaronline.ir", "yjc.ir", "aryanews.com"]
    assert dict(stats.skipped) == {"warc_warcinfo": 1, "warc_request": 3}


def test_wet_conversion_records_are_text_documents(io_dir, sentences):
    path = io_dir / "crawl.warc.wet.gz"
    assert expand_inputs([str(path)])[0].format == "warc"
    items, stats = read(path)
    doc, empty = items
    assert (doc.text, doc.raw, doc.html) == (sentences[0] + "\n" + sentences[1],) * 2 + (None,)
    assert (doc.record, doc.url) == (1, "https://www.example.ir/news/1")
    assert doc.meta["fetched_at"] == "2020-02-18T08:00:00Z"
    assert (empty.reason, empty.location.split(" (")[0]) == ("empty_text", "record 2")
    assert dict(stats.skipped) == {"warc_warcinfo": 1, "warc_conversion": 1}


def test_warc_truncated_payload_and_identified_type(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_example_warc import gz, record_id, warc_record
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    body = "<html><body><p>خبر کوتاه".encode()  # cut by the crawler
    http = b"HTTP/1.1 200 OK\r\nServer: nginx\r\n\r\n" + body  # no Content-Type
    record = warc_record(
        "response",
        [
            ("WARC-Target-URI", "https://www.example.ir/big"),
            ("WARC-Date", "2024-01-01T00:00:00Z"),
            ("WARC-Record-ID", record_id("big")),
            ("WARC-Truncated", "length"),
            ("WARC-Identified-Payload-Type", "text/html"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        http,
    )
    path = tmp_path / "t.warc.gz"
    path.write_bytes(gz(record))
    [doc], _ = read(path)
    assert doc.html == "<html><body><p>خبر کوتاه"
    assert doc.meta["warc_truncated"] == "length"
