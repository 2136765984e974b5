"""Plain text files: one document per file (``.txt``, optionally gzip or zstd compressed)."""

from __future__ import annotations

from collections.abc import Iterator

from khabar.document import Document, Reject
from khabar.io.charset import UndecodableError, decode_text
from khabar.io.formats.base import ReadContext, nul_problem
from khabar.io.formats.stream import StreamBroken, iter_chunks, read_limited

LOCATION = "file"


def read(ctx: ReadContext) -> Iterator[Document | Reject]:
    """The file as one document; ``doc.text == doc.raw`` is the decoded text, unchanged."""
    limit = ctx.config.max_record_bytes
    if ctx.inp.compression is None and ctx.inp.size > limit:
        yield ctx.reject(LOCATION, "record_too_large", f"{ctx.inp.size} bytes > {limit}")
        return
    try:
        data, too_large = read_limited(iter_chunks(ctx.inp.path, ctx.inp.compression), limit)
    except StreamBroken as exc:
        # one document per file: a damaged file has no complete record to keep
        yield ctx.reject(f"byte {exc.offset}", exc.reason, exc.detail)
        return
    except OSError as exc:
        yield ctx.reject(LOCATION, "unreadable", str(exc))
        return
    if too_large:
        yield ctx.reject(LOCATION, "record_too_large", f"more than {limit} bytes decompressed")
        return
    if not data.strip():
        yield ctx.reject(LOCATION, "empty_file", f"{len(data)} bytes, no text")
        return
    try:
        decoded = decode_text(
            data, encoding=ctx.config.encoding, max_replaced_ratio=ctx.config.max_replaced_ratio
        )
    except UndecodableError as exc:
        yield ctx.reject(LOCATION, exc.reason, exc.detail)
        return
    problem = nul_problem(decoded.text)
    if problem:
        yield ctx.reject(LOCATION, "nul_bytes", problem)
        return
    if not decoded.text.strip():
        yield ctx.reject(LOCATION, "empty_file", "only whitespace")
        return
    meta: dict[str, object] = {}
    if decoded.encoding != "utf-8":
        meta["charset"] = decoded.encoding
    if decoded.replaced:
        meta["replaced_chars"] = decoded.replaced
    yield ctx.document(0, decoded.text, offset=0, meta=meta)
