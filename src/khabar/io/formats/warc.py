"""WARC files (``.warc``, ``.warc.gz``, ``.warc.zst``): one document per HTML response record.

Common Crawl WET files (``.warc.wet.gz``) are WARC files of ``conversion`` records holding
extracted plain text; each ``text/plain`` conversion record becomes a document with ``doc.text``
set (no HTML), so Persian WET text can be refined without re-extraction.

Read with FastWARC (the ``warc`` extra), imported on first use. For each record:

- non-response records (warcinfo, request, metadata, revisit...) are skipped and counted in
  ``stats.skipped["warc_<type>"]``; responses with a non-2xx status in ``"warc_http_status"``;
  responses that are not HTML in ``"warc_non_html"``. They are not documents, so not records.
- an HTML response becomes a document with ``doc.html`` set and ``doc.text == ""`` (extraction is
  a later step), ``doc.url`` from ``WARC-Target-URI``, ``meta["fetched_at"]`` from ``WARC-Date``,
  ``doc.offset`` the record's byte offset in the file (in the compressed file for ``.warc.gz``,
  which is where ``zcat``-free tools seek to), and ``doc.record`` the record's index among all
  WARC records of the file.
- the charset comes from the HTTP ``Content-Type``, then as for HTML files.

A record cut short (its block is shorter than its ``Content-Length``) is a ``warc_broken_record``
reject. When the library cannot parse the next record at all, the reader rejects that place and
looks for the next record start (``WARC/1.`` or a gzip/zstd frame) to go on from there.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from khabar._optional import require
from khabar.document import Document, Reject
from khabar.io import fs
from khabar.io.charset import UndecodableError, decode_html, decode_text
from khabar.io.formats.base import ReadContext, nul_problem
from khabar.io.formats.html import charset_meta, clean_nuls

BROKEN = "warc_broken_record"

#: what starts the next record, per compression, when the reader must skip damage
_RESYNC_MAGIC: dict[str | None, bytes] = {
    None: b"WARC/1.",
    "gzip": b"\x1f\x8b\x08",
    "zstd": b"\x28\xb5\x2f\xfd",
}
_SCAN_BYTES = 1 << 16
_STATUS_LINE = re.compile(r"HTTP/\d(?:\.\d)?\s+(\d{3})")


class HttpError(ValueError):
    """The HTTP message in a response record cannot be parsed."""


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """A parsed HTTP response: status, lowercased headers, and the decoded body."""

    status: int
    headers: dict[str, str]
    body: bytes


def _dechunk(body: bytes) -> bytes:
    """Undo ``Transfer-Encoding: chunked``; raises HttpError when the framing is wrong."""
    out: list[bytes] = []
    pos = 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            raise HttpError("chunk size line without CRLF")
        size_text = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError as exc:
            raise HttpError(f"bad chunk size {size_text[:20]!r}") from exc
        if size == 0:
            return b"".join(out)
        out.append(body[eol + 2 : eol + 2 + size])
        pos = eol + 2 + size + 2


def _looks_like_html(body: bytes) -> bool:
    return body.lstrip()[:1] == b"<"


def _decompress(body: bytes, encoding: str, limit: int) -> bytes:
    """Undo a gzip/deflate Content-Encoding, refusing to expand past ``limit`` bytes."""
    wbits = {"gzip": 47, "x-gzip": 47, "deflate": 15}.get(encoding)
    if wbits is None:
        raise HttpError(f"unsupported Content-Encoding {encoding!r}")
    try:
        dobj = zlib.decompressobj(wbits)
        out = dobj.decompress(body, limit + 1)
    except zlib.error:
        if encoding != "deflate":
            raise
        dobj = zlib.decompressobj(-15)  # "deflate" sent raw, as some servers do
        out = dobj.decompress(body, limit + 1)
    if len(out) > limit:
        raise HttpError(f"the body expands to more than {limit} bytes")
    return out


def parse_http(block: bytes, limit: int) -> HttpResponse:
    """Parse the HTTP response in a WARC response block and decode its body.

    Crawlers disagree on whether they store bodies as sent or already decoded while keeping the
    ``Transfer-Encoding``/``Content-Encoding`` headers, so a body that fails to decode but already
    looks like HTML is kept as it is.

    >>> r = parse_http(b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n\\r\\n<p>x</p>", 100)
    >>> (r.status, r.headers["content-type"], r.body)
    (200, 'text/html', b'<p>x</p>')
    """
    end, sep = block.find(b"\r\n\r\n"), 4
    if end < 0:
        end, sep = block.find(b"\n\n"), 2
    if end < 0:
        raise HttpError("no blank line after the HTTP headers")
    lines = block[:end].decode("latin-1").splitlines()
    match = _STATUS_LINE.match(lines[0]) if lines else None
    if not match:
        raise HttpError(f"not an HTTP status line: {lines[0][:60]!r}" if lines else "empty")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        if colon:
            headers[key.strip().lower()] = value.strip()
    body = block[end + sep :]
    if "chunked" in headers.get("transfer-encoding", "").lower():
        try:
            body = _dechunk(body)
        except HttpError:
            if not _looks_like_html(body):
                raise
    content_encoding = headers.get("content-encoding", "").strip().lower()
    if content_encoding and content_encoding != "identity":
        try:
            body = _decompress(body, content_encoding, limit)
        except (HttpError, zlib.error) as exc:
            if not _looks_like_html(body):
                raise HttpError(f"Content-Encoding {content_encoding}: {exc}") from exc
    return HttpResponse(int(match.group(1)), headers, body)


def _resync(fh: IO[bytes], start: int, magic: bytes) -> int | None:
    """Offset of the first ``magic`` at or after ``start``, or None."""
    fh.seek(start)
    pos = start
    tail = b""
    while chunk := fh.read(_SCAN_BYTES):
        data = tail + chunk
        found = data.find(magic)
        if found >= 0:
            return pos - len(tail) + found
        tail = data[-(len(magic) - 1) :]
        pos += len(chunk)
    return None


def _next_record_start(fh: IO[bytes], start: int, magic: bytes, iterator: Any) -> int | None:
    """The first offset at or after ``start`` where a WARC record parses, or None.

    Candidates (``magic`` found in the bytes) that do not parse are part of the same damage, so
    one damaged stretch gives one reject, not one per false start.
    """
    while (candidate := _resync(fh, start, magic)) is not None:
        fh.seek(candidate)
        try:
            record = next(iter(iterator(fh, parse_http=False)), None)
        except OSError:
            record = None
        if record is not None and int(record.record_type) != 0:  # 0: no_type, not a record
            return candidate
        start = candidate + 1
    return None


#: record types by their WARC name (FastWARC's enum prints differently across versions)
_TYPE_NAMES = (
    "warcinfo", "request", "metadata", "revisit", "resource", "continuation",
)  # fmt: skip


def _type_name(record_type: Any, types: Any) -> str:
    for name in _TYPE_NAMES:
        if record_type == getattr(types, name, None):
            return name
    return "unknown"


def _header(rec: Any, name: str) -> str | None:
    value = rec.headers.get(name)
    return value.strip() if value else None


def _target_uri(rec: Any) -> str | None:
    uri = _header(rec, "WARC-Target-URI")
    return uri.strip("<>") if uri else None  # WARC 1.0 drafts wrote <uri>


def _read_block(ctx: ReadContext, rec: Any, where: str) -> bytes | Reject:
    """The record's block, or a reject when it is too large or cut short."""
    limit = ctx.config.max_record_bytes
    declared_text = _header(rec, "Content-Length")
    if declared_text is None or not declared_text.isdigit():
        return ctx.reject(where, BROKEN, "no valid Content-Length header (truncated record?)")
    declared = int(declared_text)
    if declared > limit:
        return ctx.reject(where, "record_too_large", f"{declared} bytes > {limit}")
    block: bytes = rec.reader.read()
    if len(block) < declared:
        return ctx.reject(
            where, BROKEN, f"the record declares {declared} bytes but only {len(block)} follow"
        )
    return block


def _conversion(ctx: ReadContext, rec: Any, index: int, pos: int) -> Document | Reject | None:
    """A text/plain conversion record (Common Crawl WET) as a text document."""
    content_type = (_header(rec, "Content-Type") or "").split(";", 1)[0].strip().lower()
    if content_type != "text/plain":
        ctx.skip("warc_conversion")
        return None
    where = f"record {index} (byte {pos})"
    block = _read_block(ctx, rec, where)
    if isinstance(block, Reject):
        return block
    try:
        decoded = decode_text(block, max_replaced_ratio=ctx.config.max_replaced_ratio)
    except UndecodableError as exc:
        return ctx.reject(where, exc.reason, exc.detail)
    problem = nul_problem(decoded.text)
    if problem:
        return ctx.reject(where, "nul_bytes", problem)
    if not decoded.text.strip():
        return ctx.reject(where, "empty_text", "the conversion record holds no text")
    meta: dict[str, Any] = {
        "fetched_at": _header(rec, "WARC-Date"),
        "warc_record_id": _header(rec, "WARC-Record-ID"),
    }
    if decoded.replaced:
        meta["replaced_chars"] = decoded.replaced
    return ctx.document(index, decoded.text, offset=pos, url=_target_uri(rec), meta=meta)


def _response(ctx: ReadContext, rec: Any, index: int, pos: int) -> Document | Reject | None:
    """The document for one response record, a reject, or None when it is skipped by design."""
    where = f"record {index} (byte {pos})"
    limit = ctx.config.max_record_bytes
    block = _read_block(ctx, rec, where)
    if isinstance(block, Reject):
        return block
    try:
        response = parse_http(block, limit)
    except HttpError as exc:
        return ctx.reject(where, "warc_bad_http", str(exc))
    if not 200 <= response.status < 300:
        ctx.skip("warc_http_status")
        return None
    content_type = response.headers.get("content-type")
    # a response without Content-Type: trust what the crawler identified, else sniff the body
    declared_type = content_type or _header(rec, "WARC-Identified-Payload-Type")
    mime = declared_type.split(";", 1)[0].strip().lower() if declared_type else None
    is_html = mime in ctx.config.warc_content_types if mime else _looks_like_html(response.body)
    if not is_html:
        ctx.skip("warc_non_html")
        return None
    if not response.body.strip():
        return ctx.reject(where, "empty_page", f"HTTP {response.status} with an empty body")
    try:
        decoded = decode_html(
            response.body,
            http_content_type=content_type,
            encoding=ctx.config.encoding,
            max_replaced_ratio=ctx.config.max_replaced_ratio,
        )
    except UndecodableError as exc:
        return ctx.reject(where, exc.reason, exc.detail)
    page, nuls = clean_nuls(decoded.text)
    meta = charset_meta(decoded)
    if nuls:
        meta["nul_chars"] = nuls
    meta["fetched_at"] = _header(rec, "WARC-Date")
    meta["warc_record_id"] = _header(rec, "WARC-Record-ID")
    meta["http_status"] = response.status
    truncated = _header(rec, "WARC-Truncated")
    if truncated:  # the crawler cut the payload (Common Crawl stops at 1 MiB): the page ends early
        meta["warc_truncated"] = truncated
    return ctx.document(index, "", offset=pos, url=_target_uri(rec), html=page, raw="", meta=meta)


def _declared_length(rec: Any) -> int:
    """The record's Content-Length, 0 when it has none (that record is rejected on its own)."""
    text = _header(rec, "Content-Length")
    return int(text) if text is not None and text.isdigit() else 0


def _bomb_reject(ctx: ReadContext, index: int, pos: int, expanded: int, limit: int) -> Reject:
    return ctx.reject(
        f"record {index} (byte {pos})",
        "decompression_bomb",
        f"{ctx.inp.size} compressed bytes hold records of {expanded} bytes, more than {limit}; "
        "the rest of the file is not read (raise read.max_expansion_ratio or "
        "read.expansion_floor_bytes if the file is genuine)",
    )


def read(ctx: ReadContext) -> Iterator[Document | Reject]:
    """Every HTML response of the file as a document; damage as ``warc_broken_record``.

    A compressed file whose records (by their Content-Length) add up to more than
    ``ReadConfig.expansion_limit`` of its size ends in one ``decompression_bomb`` reject.
    """
    require("fastwarc", extra="warc", feature="WARC input")
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    magic = _RESYNC_MAGIC.get(ctx.inp.compression, _RESYNC_MAGIC[None])
    try:
        fh = fs.open_input(ctx.inp.path)  # closed below, across yields
    except OSError as exc:
        yield ctx.reject("file", "unreadable", str(exc))
        return
    with fh:
        if ctx.inp.size == 0:
            yield ctx.reject("file", "empty_file", "0 bytes")
            return
        index = 0
        start = 0
        expanded = 0
        bomb_limit = ctx.config.expansion_limit(ctx.inp.size) if ctx.inp.compression else None
        while True:
            fh.seek(start)
            last_pos: int | None = None
            try:
                for rec in ArchiveIterator(fh, parse_http=False):
                    last_pos = rec.stream_pos
                    if bomb_limit is not None:
                        expanded += _declared_length(rec)
                        if expanded > bomb_limit:
                            yield _bomb_reject(ctx, index, last_pos, expanded, bomb_limit)
                            return
                    if rec.record_type == WarcRecordType.response:
                        item = _response(ctx, rec, index, last_pos)
                        if item is not None:
                            yield item
                    elif rec.record_type == WarcRecordType.conversion:
                        item = _conversion(ctx, rec, index, last_pos)
                        if item is not None:
                            yield item
                    else:
                        ctx.skip(f"warc_{_type_name(rec.record_type, WarcRecordType)}")
                    index += 1
                break
            except OSError as exc:
                broken_from = last_pos if last_pos is not None else start
                resume = _next_record_start(fh, broken_from + 1, magic, ArchiveIterator)
                then = (
                    "nothing readable follows"
                    if resume is None
                    else f"reading went on at the next record start, byte {resume}"
                )
                yield ctx.reject(
                    f"record {index} (after byte {broken_from})",
                    BROKEN,
                    f"cannot parse a WARC record here ({exc}); {then}",
                )
                index += 1
                if resume is None:
                    return
                start = resume
        if index == 0:
            yield ctx.reject("file", BROKEN, f"no WARC record found in {ctx.inp.size} bytes")
