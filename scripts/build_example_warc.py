"""Build examples/warc/pages.warc.gz from the real pages in examples/html/ (deterministic bytes).

Each page becomes a request record and a response record with the page's real URL and plausible
HTTP headers, every record its own gzip member (as crawlers write them), after one warcinfo
record. Dates, record ids and gzip headers are derived from the inputs, so running the script
twice gives the same bytes (tests/io/test_examples.py checks it).

Usage: .venv/bin/python scripts/build_example_warc.py [OUT]   (default examples/warc/pages.warc.gz)

The helpers :func:`warc_record` and :func:`http_response` are also used by
scripts/build_fixtures.py to write the WARC test fixtures.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import sys
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
HTML_DIR = ROOT / "examples" / "html"
OUT = ROOT / "examples" / "warc" / "pages.warc.gz"


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record_id(*parts: str) -> str:
    """A stable WARC-Record-ID from the record's identifying parts."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(parts))}>"


def warc_record(warc_type: str, headers: list[tuple[str, str]], block: bytes) -> bytes:
    """One WARC/1.1 record: version line, headers, Content-Length, block, two CRLFs."""
    lines = ["WARC/1.1", f"WARC-Type: {warc_type}"]
    lines += [f"{k}: {v}" for k, v in headers]
    lines += [f"WARC-Block-Digest: {_digest(block)}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def http_response(
    body: bytes, content_type: str, *, status: str = "200 OK", date: datetime | None = None
) -> bytes:
    """An HTTP/1.1 response message with plausible headers around ``body``."""
    lines = [f"HTTP/1.1 {status}"]
    if date is not None:
        lines.append(f"Date: {format_datetime(date, usegmt=True)}")
    lines += [
        "Server: nginx",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(body)}",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def http_request(url: str) -> bytes:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    return (
        f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        "User-Agent: khabar-example/0.1\r\nAccept: text/html\r\n\r\n"
    ).encode("ascii")


def ascii_uri(url: str) -> str:
    """The URL with its Persian path percent-encoded, as crawlers write WARC-Target-URI."""
    return quote(url, safe=":/?=&%#~+,;@!$'()*")


def gz(record: bytes) -> bytes:
    """One gzip member with a fixed header (mtime 0, no file name): stable bytes."""
    return gzip.compress(record, compresslevel=9, mtime=0)


def warcinfo(filename: str, date: str) -> bytes:
    info = b"software: khabar scripts/build_example_warc.py\r\nformat: WARC File Format 1.1\r\n"
    headers = [
        ("WARC-Date", date),
        ("WARC-Filename", filename),
        ("WARC-Record-ID", record_id("warcinfo", filename)),
        ("Content-Type", "application/warc-fields"),
    ]
    return warc_record("warcinfo", headers, info)


def page_records(url: str, body: bytes, fetched: datetime, content_type: str) -> list[bytes]:
    """The request and response records of one fetched page."""
    uri = ascii_uri(url)
    when = fetched.strftime("%Y-%m-%dT%H:%M:%SZ")
    response_id = record_id("response", uri)
    request = warc_record(
        "request",
        [
            ("WARC-Target-URI", uri),
            ("WARC-Date", when),
            ("WARC-Record-ID", record_id("request", uri)),
            ("WARC-Concurrent-To", response_id),
            ("Content-Type", "application/http; msgtype=request"),
        ],
        http_request(uri),
    )
    response = warc_record(
        "response",
        [
            ("WARC-Target-URI", uri),
            ("WARC-Date", when),
            ("WARC-Record-ID", response_id),
            ("WARC-Payload-Digest", _digest(body)),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        http_response(body, content_type, date=fetched),
    )
    return [request, response]


def build(out: Path = OUT, html_dir: Path = HTML_DIR) -> Path:
    """Write the example WARC to ``out`` and return its path."""
    pages = json.loads((html_dir / "_pages.json").read_text(encoding="utf-8"))
    records = [warcinfo(out.name, "2020-07-03T00:00:00Z")]
    for page in pages:
        body = (html_dir / page["file"]).read_bytes()
        # fetched at 08:00 UTC on the page's publication day: plausible, and stable
        day = datetime.fromisoformat(page["gold_publication_date"])
        fetched = day.replace(hour=8, tzinfo=UTC)
        records += page_records(page["url"], body, fetched, "text/html; charset=utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(b"".join(gz(r) for r in records))
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    print(build(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
