"""Plain text files: one document per file (``.txt``, optionally gzip or zstd compressed)."""

from __future__ import annotations

from collections.abc import Iterator

from khabar.document import Document, Reject
from khabar.io.charset import decode_text
from khabar.io.formats.base import ReadContext, nul_problem
from khabar.io.formats.stream import read_whole_decoded

LOCATION = "file"


def read(ctx: ReadContext) -> Iterator[Document | Reject]:
    """The file as one document; ``doc.text == doc.raw`` is the decoded text, unchanged."""
    decoded = read_whole_decoded(ctx, "no text", decode_text)
    if isinstance(decoded, Reject):
        yield decoded
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
