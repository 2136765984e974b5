"""Build the input-reader test fixtures in tests/fixtures/io/ (small, deterministic bytes).

The Persian text comes from tests/fixtures/io/source_ud.txt (six sentences of UD Persian-PerDT,
CC BY-SA 4.0, see tests/fixtures/io/README.md) and a few short lines written for this project.
Every damaged file is damaged on purpose and the same way each time: a gzip stream cut inside
its third line, a zstd file whose second frame is cut, a WARC with a garbage stretch between
records, a WARC whose last record ends early, windows-1256 pages with right, missing and wrong
declarations, JSON lines with one kind of error each.

Usage: .venv/bin/python scripts/build_fixtures.py [OUTDIR]   (default tests/fixtures/io)

tests/io/test_fixtures_build.py rebuilds into a temporary folder and compares with the committed
files (byte for byte; Parquet by content, since pyarrow writes its version into the file).
"""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_example_warc import gz, http_response, page_records, record_id, warc_record, warcinfo

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "io"
SOURCE = OUT / "source_ud.txt"

#: short lines written for these fixtures (not from any corpus)
OWN = (
    "خبرگزاری‌ها امروز از برگزاری نشست شورای شهر خبر دادند.",
    "فقط عنوان",
    "آرایه",
    "نه شیء",
)
ENGLISH_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    '<link rel="canonical" href="https://news.example.com/world/42">'
    "<title>Council meets</title></head><body><h1>Council meets</h1>"
    "<p>The city council met on Tuesday to discuss the new budget.</p></body></html>\n"
)
FETCHED = datetime(2020, 2, 18, 8, 0, tzinfo=UTC)


def sentences(source: Path = SOURCE) -> list[str]:
    return source.read_text(encoding="utf-8").splitlines()


def cp1256_text(text: str) -> str:
    """``text`` as an old windows-1256 site wrote it: cp1256 has neither Persian yeh nor the
    hamza above of «هٔ», so such sites wrote Arabic yeh «ي» and a bare «ه»."""
    return text.replace("\u06cc", "\u064a").replace("\u0654", "")


def jline(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def docs_jsonl(s: list[str]) -> bytes:
    """Four good records, each naming its fields differently."""
    return b"".join(
        [
            jline({"id": "fa-1", "text": s[0], "url": "https://www.example.ir/news/1",
                   "date": "2020-02-18", "lang": "fa"}),
            jline({"body": s[1], "link": "https://WWW.Example.IR/news/2"}),
            jline({"id": 3, "html": f"<html><body><p>{s[2]}</p></body></html>",
                   "url": "https://example.ir/news/3"}),
            jline({"raw_content": s[3], "meta": {"source": "ud"}}),
        ]
    )  # fmt: skip


def mixed_jsonl(s: list[str]) -> bytes:
    """One line per kind of bad record, between good ones (expected results in the README)."""
    bad_utf8 = s[5].encode("utf-8")
    mid = len(bad_utf8) // 2
    mid -= (bad_utf8[mid] & 0xC0) == 0x80  # put the stray byte between two characters
    lines = [
        jline({"id": "m1", "text": s[4]}),
        ('{"id": "m2", "text": "' + OWN[0]).encode("utf-8") + b"\n",
        jline([OWN[2], OWN[3]]),
        jline({"id": "m4", "title": OWN[1]}),
        b"\n",
        b'{"id": "m6", "text": "' + cp1256_text(s[4]).encode("cp1256") + b'"}\n',
        b'{"id": "m7", "text": "' + bad_utf8[:mid] + b"\xff" + bad_utf8[mid:] + b'"}\n',
        b'{"id": "m8", "text": "\\u0645\\u062a\\u0646\\u0000"}\n',
        jline({"id": "m9", "text": "   "}),
        jline({"id": "m10", "text": 42}),
        json.dumps({"id": "m11", "text": s[2]}, ensure_ascii=False).encode("utf-8"),
    ]
    return b"".join(lines)


def truncated_gzip(data_lines: list[bytes]) -> bytes:
    """A gzip stream with lines 1-2 complete and flushed, then half of line 3, no trailer."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = comp.compress(data_lines[0] + data_lines[1]) + comp.flush(zlib.Z_FULL_FLUSH)
    rest = comp.compress(data_lines[2]) + comp.flush(zlib.Z_FULL_FLUSH)
    return head + rest[: len(rest) // 2]


def truncated_zstd(data_lines: list[bytes]) -> bytes:
    """Two zstd frames: lines 1-2 complete, then lines 3-4 cut in the middle of the frame."""
    import zstandard

    cctx = zstandard.ZstdCompressor(level=3)
    first = cctx.compress(data_lines[0] + data_lines[1])
    second = cctx.compress(data_lines[2] + data_lines[3])
    return first + second[: len(second) // 2]


def html_page(body_text: str, meta: str = "", title: str = "خبر") -> str:
    return (
        f"<html><head>{meta}<title>{title}</title></head>"
        f"<body><h1>{title}</h1><p>{body_text}</p></body></html>\n"
    )


def crawl_warc(s: list[str]) -> bytes:
    """warcinfo, 2 HTML responses (UTF-8; windows-1256 named only by HTTP), a request, a PNG,
    a 404, a garbage gzip member, then one more HTML response. Expected in the README."""
    utf8_page = html_page(s[0], '<meta charset="utf-8">').encode("utf-8")
    cp_page = html_page(cp1256_text(s[1]), title=cp1256_text("خبر دوم")).encode("cp1256")
    last_page = html_page(s[3], '<meta charset="utf-8">').encode("utf-8")
    records = [warcinfo("crawl.warc.gz", "2020-02-18T08:00:00Z")]
    records += page_records("https://www.example.ir/news/1", utf8_page, FETCHED,
                            "text/html; charset=utf-8")  # fmt: skip
    records += page_records("https://old.example.ir/news/2", cp_page, FETCHED,
                            "text/html; charset=windows-1256")  # fmt: skip
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(32))
    records += page_records("https://www.example.ir/logo.png", png, FETCHED, "image/png")[1:]
    missing = http_response(b"<html><body>404</body></html>", "text/html", status="404 Not Found")
    records.append(
        warc_record(
            "response",
            [
                ("WARC-Target-URI", "https://www.example.ir/missing"),
                ("WARC-Date", "2020-02-18T08:00:00Z"),
                ("WARC-Record-ID", record_id("response", "missing")),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            missing,
        )
    )
    members = [gz(r) for r in records]
    members.append(gz(b"this is not a WARC record: a disk error wrote garbage here\r\n" * 3))
    members += [gz(r) for r in page_records("https://www.example.ir/news/4", last_page, FETCHED,
                                            "text/html; charset=utf-8")]  # fmt: skip
    return b"".join(members)


def truncated_warc(s: list[str]) -> bytes:
    """Uncompressed WARC: warcinfo, one HTML response, then a response cut inside its body."""
    first = page_records("https://www.example.ir/news/1", html_page(s[0]).encode(), FETCHED,
                         "text/html; charset=utf-8")[1]  # fmt: skip
    second = page_records("https://www.example.ir/news/2", html_page(s[1]).encode(), FETCHED,
                          "text/html; charset=utf-8")[1]  # fmt: skip
    return warcinfo("truncated.warc", "2020-02-18T08:00:00Z") + first + second[: len(second) - 120]


def wet(s: list[str]) -> bytes:
    """A Common Crawl style WET file: warcinfo, two text/plain conversion records (the second
    empty), and one conversion record of another type (skipped)."""
    records = [warcinfo("crawl.warc.wet.gz", "2020-02-18T08:00:00Z")]
    for n, (text, ctype) in enumerate(
        [(s[0] + "\n" + s[1], "text/plain"), ("", "text/plain"), ("{}", "application/json")]
    ):
        uri = f"https://www.example.ir/news/{n + 1}"
        records.append(
            warc_record(
                "conversion",
                [
                    ("WARC-Target-URI", uri),
                    ("WARC-Date", "2020-02-18T08:00:00Z"),
                    ("WARC-Record-ID", record_id("conversion", uri)),
                    ("Content-Type", ctype),
                ],
                text.encode("utf-8"),
            )
        )
    return b"".join(gz(r) for r in records)


def write_parquet(path: Path, s: list[str]) -> None:
    """Five rows in row groups of two: the datasets layout (text, id, url, date, a score)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "text": [s[0], s[1], None, s[3], s[4]],
            "id": ["p0", "p1", "p2", "p3", "p4"],
            "url": [f"https://www.example.ir/news/{i}" for i in range(5)],
            "date": [datetime(2020, 2, 18, 8, i, tzinfo=UTC) for i in range(5)],
            "language_score": [0.99, 0.98, 0.5, 0.97, 0.96],
        }
    )
    pq.write_table(table, path, row_group_size=2, compression="zstd")


def write_parquet_no_text(path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"title": [OWN[1]], "n": [1]}), path, compression="zstd")


def build(out: Path = OUT, source: Path = SOURCE) -> list[Path]:
    """Write every fixture into ``out`` and return their paths (sorted)."""
    import zstandard

    s = sentences(source)
    out.mkdir(parents=True, exist_ok=True)
    docs = docs_jsonl(s)
    doc_lines = docs.splitlines(keepends=True)
    files: dict[str, bytes] = {
        "article.txt": (s[0] + "\n\n" + s[1] + "\n").encode("utf-8"),
        "article_bom.txt": b"\xef\xbb\xbf" + (s[4] + "\n").encode("utf-8"),
        "empty.txt": b"",
        "cp1256.txt": (cp1256_text(s[4]) + "\n").encode("cp1256"),
        "docs.jsonl": docs,
        "docs.jsonl.gz": gzip.compress(docs, compresslevel=9, mtime=0),
        "docs.jsonl.zst": zstandard.ZstdCompressor(level=3).compress(docs),
        "truncated.jsonl.gz": truncated_gzip(doc_lines),
        "truncated.jsonl.zst": truncated_zstd(doc_lines),
        "mixed.jsonl": mixed_jsonl(s),
        "empty.jsonl": b"",
        "blank.jsonl": b"\n\n  \n",
        "cp1256.html": html_page(
            cp1256_text(s[0]),
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
        ).encode("cp1256"),
        "cp1256_undeclared.html": html_page(cp1256_text(s[0] + " " + s[3])).encode("cp1256"),
        "cp1256_declared_latin1.html": html_page(
            cp1256_text(s[0] + " " + s[3]), '<meta charset="iso-8859-1">'
        ).encode("cp1256"),
        "utf8_declared_cp1256.html": html_page(s[0], '<meta charset="windows-1256">').encode(),
        "english.html": ENGLISH_PAGE.encode("utf-8"),
        "empty.html": b"",
        "crawl.warc.gz": crawl_warc(s),
        "truncated.warc": truncated_warc(s),
        "crawl.warc.wet.gz": wet(s),
        "empty.warc": b"",
    }
    for name, data in files.items():
        (out / name).write_bytes(data)
    write_parquet(out / "docs.parquet", s)
    write_parquet_no_text(out / "no_text.parquet")
    return sorted([out / n for n in files] + [out / "docs.parquet", out / "no_text.parquet"])


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    for path in build(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
