"""Bytes in bounded chunks from plain, gzip and zstd files, and lines with their byte offsets.

A damaged compressed stream does not lose what came before the damage: :func:`iter_chunks`
yields every byte it could decompress and then raises :class:`StreamBroken`, and
:func:`iter_lines` yields every complete line before re-raising it with the line and byte where
the damage starts. Nothing here reads a whole file into memory.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from khabar.document import Reject
from khabar.io import fs
from khabar.io.charset import Decoded, UndecodableError
from khabar.io.formats.base import ReadContext

#: bytes read from disk at a time
CHUNK_BYTES = 1 << 16

#: zstd input is fed to the decompressor in small pieces because zstandard's decompressobj has no
#: output limit: a zstd block expands at most about 32,000x (128 KiB from a 4-byte RLE block), so a
#: 1 KiB piece yields at most about 32 MiB at once, even from a bomb (16 KiB pieces of a 1 GB
#: zero-filled frame came out as 512 MiB chunks)
_ZSTD_PIECE_BYTES = 1 << 10


class StreamBroken(Exception):
    """The byte stream ended badly (truncated or corrupt compression, read error).

    Attributes:
        reason: stable snake_case reason (``truncated_gzip``, ``corrupt_zstd``, ``read_error``...).
        detail: what the library said.
        offset: bytes of (decompressed) data delivered before the damage.
        line: 1-based line where the damage starts, when known (set by :func:`iter_lines`).
    """

    def __init__(self, reason: str, detail: str, offset: int = 0, line: int | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.offset = offset
        self.line = line


def _plain_chunks(path: str) -> Iterator[bytes]:
    with fs.open_input(path) as fh:
        while chunk := fh.read(CHUNK_BYTES):
            yield chunk


def _gzip_chunks(path: str) -> Iterator[bytes]:
    delivered = 0
    with fs.open_input(path) as raw, gzip.open(raw, "rb") as fh:
        while True:
            try:
                chunk = fh.read1(CHUNK_BYTES)
            except EOFError as exc:  # the stream ends inside a member: a cut download
                raise StreamBroken("truncated_gzip", str(exc), delivered) from exc
            except (gzip.BadGzipFile, zlib.error) as exc:
                raise StreamBroken("corrupt_gzip", str(exc), delivered) from exc
            if not chunk:
                return
            delivered += len(chunk)
            yield chunk


def _zstd_chunks(path: str) -> Iterator[bytes]:
    # zstandard's stream_reader returns b"" on a truncated frame instead of failing, so frames
    # are decoded with decompressobj and "input ended inside a frame" is checked by hand.
    import zstandard

    dctx = zstandard.ZstdDecompressor()
    dobj = dctx.decompressobj()
    in_frame = False
    delivered = 0
    with fs.open_input(path) as fh:
        while raw := fh.read(CHUNK_BYTES):
            for piece in range(0, len(raw), _ZSTD_PIECE_BYTES):
                data = raw[piece : piece + _ZSTD_PIECE_BYTES]
                while data:
                    try:
                        out = dobj.decompress(data)
                    except zstandard.ZstdError as exc:
                        raise StreamBroken("corrupt_zstd", str(exc), delivered) from exc
                    in_frame = True
                    if out:
                        delivered += len(out)
                        yield out
                    if dobj.eof:  # a frame ended; what follows is the next frame
                        data = dobj.unused_data
                        dobj = dctx.decompressobj()
                        in_frame = False
                    else:
                        data = b""
    if in_frame:
        raise StreamBroken(
            "truncated_zstd", "the file ends inside a zstd frame (cut download?)", delivered
        )


def bounded(chunks: Iterator[bytes], limit: int, compressed: int) -> Iterator[bytes]:
    """``chunks`` until more than ``limit`` bytes came out of ``compressed`` bytes on disk.

    The chunk that crosses the limit is cut at it (one zstd piece can hold good records and the
    start of a bomb), so exactly ``limit`` bytes are delivered before the error.

    Raises:
        StreamBroken: ``decompression_bomb`` when the limit is passed (and whatever ``chunks``
            raises).

    >>> list(bounded(iter([b"ab", b"cd"]), 4, 1))
    [b'ab', b'cd']
    >>> try:
    ...     list(bounded(iter([b"ab", b"cd", b"e"]), 4, 1))
    ... except StreamBroken as exc:
    ...     print(exc.reason, exc.offset)
    decompression_bomb 4
    >>> out = []
    >>> try:
    ...     out.extend(bounded(iter([b"ab\\ncd"]), 4, 1))
    ... except StreamBroken as exc:
    ...     print(out, exc.offset)
    [b'ab\\nc'] 4
    """
    delivered = 0
    for chunk in chunks:
        if delivered + len(chunk) > limit:
            if limit > delivered:
                yield chunk[: limit - delivered]
            delivered = limit
            raise StreamBroken(
                "decompression_bomb",
                f"{compressed} compressed bytes expand to more than {limit} bytes; the rest of the "
                "file is not read (raise read.max_expansion_ratio or read.expansion_floor_bytes "
                "if the file is genuine)",
                delivered,
            )
        delivered += len(chunk)
        yield chunk


def iter_chunks(
    path: str, compression: str | None, *, max_bytes: int | None = None
) -> Iterator[bytes]:
    """Decompressed bytes of ``path`` in chunks of at most about 64 KiB (zstd: per frame piece).

    ``max_bytes`` bounds what a compressed file may expand to (see :func:`bounded`); plain files
    are never bounded (their size is known before reading).

    Raises:
        StreamBroken: after yielding every readable byte, when the stream is damaged or
            expands past ``max_bytes``.
        OSError: the file cannot be opened.
    """
    if compression == "gzip":
        chunks = _gzip_chunks(path)
    elif compression == "zstd":
        chunks = _zstd_chunks(path)
    else:
        return _plain_chunks(path)
    if max_bytes is None:
        return chunks
    return bounded(chunks, max_bytes, fs.size(path))


def context_chunks(ctx: ReadContext) -> Iterator[bytes]:
    """The decompressed chunks of the context's file, bounded by its decompression-bomb limit."""
    return iter_chunks(
        ctx.inp.path,
        ctx.inp.compression,
        max_bytes=ctx.config.expansion_limit(ctx.inp.size),
    )


def read_limited(chunks: Iterator[bytes], limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` bytes from ``chunks``; the flag says the stream had more (too large)."""
    parts: list[bytes] = []
    total = 0
    for chunk in chunks:
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            return b"".join(parts)[:limit], True
    return b"".join(parts), False


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a byte stream (without its ``\\n``).

    Attributes:
        number: 1-based line number.
        offset: byte offset of the line's first byte in the (decompressed) stream.
        data: the line's bytes, or None when it was longer than the limit (then it was skipped).
        length: the line's length in bytes (also when it was skipped).
    """

    number: int
    offset: int
    data: bytes | None
    length: int


def iter_lines(chunks: Iterator[bytes], max_line_bytes: int) -> Iterator[Line]:
    """Split a chunk stream into lines, never holding more than ``max_line_bytes`` of one line.

    A final line without ``\\n`` is a line. A line longer than the limit is yielded with
    ``data=None`` and its real length, so the caller can reject it without having read it.

    Raises:
        StreamBroken: re-raised from ``chunks`` with ``line`` and ``offset`` set to where the
            unfinished line starts (everything before it has been yielded).

    >>> [(l.number, l.offset, l.data) for l in iter_lines(iter([b"ab\\nc", b"d\\n", b"e"]), 10)]
    [(1, 0, b'ab'), (2, 3, b'cd'), (3, 6, b'e')]
    >>> [(l.number, l.data, l.length) for l in iter_lines(iter([b"abcdef\\nx\\n"]), 3)]
    [(1, None, 6), (2, b'x', 1)]
    """
    number = 1
    start = 0  # offset of the current line's first byte
    pending: list[bytes] = []
    pending_len = 0
    overflow = False  # the current line is over the limit: its bytes are being dropped
    try:
        for chunk in chunks:
            pos = 0
            while True:
                nl = chunk.find(b"\n", pos)
                piece = chunk[pos:] if nl < 0 else chunk[pos:nl]
                if not overflow:
                    if pending_len + len(piece) > max_line_bytes:
                        overflow, pending = True, []
                    else:
                        pending.append(piece)
                pending_len += len(piece)
                if nl < 0:
                    break
                yield Line(number, start, None if overflow else b"".join(pending), pending_len)
                start += pending_len + 1
                number += 1
                pending, pending_len, overflow = [], 0, False
                pos = nl + 1
    except StreamBroken as exc:
        exc.line, exc.offset = number, start
        raise
    if pending_len or overflow:
        yield Line(number, start, None if overflow else b"".join(pending), pending_len)


def read_whole(ctx: ReadContext, nothing: str) -> bytes | Reject:
    """The bytes of a one-record file (text, HTML), or the reject that replaces them.

    Rejects: ``record_too_large`` (checked on the size before reading when uncompressed),
    ``unreadable``, a damaged compressed stream, and ``empty_file`` (``nothing`` says what is
    missing, for the detail).
    """
    limit = ctx.config.max_record_bytes
    if ctx.inp.compression is None and ctx.inp.size > limit:
        return ctx.reject("file", "record_too_large", f"{ctx.inp.size} bytes > {limit}")
    try:
        data, too_large = read_limited(context_chunks(ctx), limit)
    except StreamBroken as exc:
        # one record per file: a damaged file has no complete record to keep
        return ctx.reject(f"byte {exc.offset}", exc.reason, exc.detail)
    except OSError as exc:
        return ctx.reject("file", "unreadable", str(exc))
    if too_large:
        return ctx.reject("file", "record_too_large", f"more than {limit} bytes decompressed")
    if not data.strip():
        return ctx.reject("file", "empty_file", f"{len(data)} bytes, {nothing}")
    return data


def read_whole_decoded(
    ctx: ReadContext, nothing: str, decode: Callable[..., Decoded]
) -> Decoded | Reject:
    """:func:`read_whole`, then ``decode`` (``decode_text`` or ``decode_html``) with the run's
    ``encoding`` and ``max_replaced_ratio``; bytes it cannot decode are a reject of the file."""
    data = read_whole(ctx, nothing)
    if isinstance(data, Reject):
        return data
    try:
        return decode(
            data, encoding=ctx.config.encoding, max_replaced_ratio=ctx.config.max_replaced_ratio
        )
    except UndecodableError as exc:
        return ctx.reject("file", exc.reason, exc.detail)
