"""Turn input paths into files, and files into :class:`Document`\\ s and :class:`Reject`\\ s.

``khabar refine INPUT...`` calls :func:`expand_inputs` once (folders and globs become sorted
files, each with its format), then :func:`read_file` on each file, streaming one record at a
time. Inputs may be local paths or object-store URLs (``s3://``, ``gs://``, ``az://``,
``file://``: see :mod:`khabar.io.fs`). Formats: plain text (one document per file), JSON lines (plain, gzip or zstd), HTML files,
WARC (``warc`` extra) and Parquet. See :mod:`khabar.io.formats` for each one's details.

A bad record never stops a file: it becomes a ``Reject(source, location, reason, detail)`` and the
read goes on. Every yielded item is one record, except a reject whose location is ``"file"`` or a
damaged stretch (a truncated gzip, an unparseable WARC region, unreadable Parquet rows), which
stands for the records lost there, whose number cannot be known.

Reject reasons: ``unreadable``, ``empty_file``, ``record_too_large``, ``decode_error``,
``nul_bytes``, ``invalid_json``, ``not_an_object``, ``no_text_field``, ``invalid_text_field``,
``empty_text``, ``truncated_gzip``, ``corrupt_gzip``, ``truncated_zstd``, ``corrupt_zstd``,
``decompression_bomb``, ``warc_broken_record``, ``warc_bad_http``, ``empty_page``, ``parquet_error``,
``unsupported_format``.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> lines = '{"id": "x1", "text": "سلام"}\\n{bad\\n'
>>> _ = (folder / "a.jsonl").write_text(lines, encoding="utf-8")
>>> [inp] = expand_inputs([str(folder)])
>>> inp.format, inp.compression
('jsonl', None)
>>> [(type(i).__name__, getattr(i, "reason", i.id if hasattr(i, "id") else None))
...  for i in read_file(inp, ReadConfig())]
[('Document', 'x1'), ('Reject', 'invalid_json')]
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from khabar.document import Document, Reject
from khabar.errors import InputError
from khabar.io import fs
from khabar.io.formats.base import (
    FORMATS,
    InputFile,
    ReadConfig,
    ReadContext,
    ReadStats,
    domain_of,
)

__all__ = [
    "FORMATS",
    "InputFile",
    "ReadConfig",
    "ReadStats",
    "detect_format",
    "domain_of",
    "expand_inputs",
    "file_sha256",
    "read_file",
    "sniff_format",
]

#: compression suffixes, stripped before the format suffix is looked at
_COMPRESSION_SUFFIXES: dict[str, str] = {
    ".gz": "gzip",
    ".gzip": "gzip",
    ".zst": "zstd",
    ".zstd": "zstd",
}
#: format suffixes (after a compression suffix is stripped)
_FORMAT_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".wet": "warc",  # Common Crawl's extracted text: WARC conversion records
    ".parquet": "parquet",
    ".pq": "parquet",
}
#: formats that may not be wrapped in gzip/zstd (Parquet compresses inside the file)
_NO_OUTER_COMPRESSION = frozenset({"parquet"})
_MAGIC_COMPRESSION: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
_SNIFF_BYTES = 8192
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<!--")
_GLOB_CHARS = frozenset("*?[")


def _compression_suffix(name: str) -> str | None:
    lower = name.lower()
    return next((s for s in _COMPRESSION_SUFFIXES if lower.endswith(s)), None)


def _split_suffixes(name: str) -> tuple[str | None, str | None]:
    """(format, compression) from a file name's suffixes; None where they say nothing."""
    lower = name.lower()
    suffix = _compression_suffix(lower)
    if suffix:
        lower = lower[: -len(suffix)]
    fmt = _FORMAT_SUFFIXES.get(os.path.splitext(lower)[1])
    return fmt, _COMPRESSION_SUFFIXES[suffix] if suffix else None


def _sniff_head(head: bytes, *, allow_text: bool) -> str | None:
    """The format a file's first (decompressed) bytes look like, or None.

    Plain text is only guessed when ``allow_text`` (files with no suffix at all, like Hadoop's
    ``part-00000``): a ``.csv`` or ``.md`` that happens to be UTF-8 is not a news document.
    """
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    lower = stripped[:1024].lower()
    if lower.startswith(_HTML_STARTS) or b"<html" in lower:
        return "html"
    if not allow_text or not head or b"\x00" in head or stripped.startswith(b"["):
        return None  # "[": a JSON array, which is not JSON lines
    text = head.decode("utf-8", errors="replace")
    # the sample may cut a multi-byte character at its end: ignore the last 3 characters
    bad = text[:-3].count("\ufffd")
    return "text" if bad <= len(text) // 100 else None


def sniff_format(path: str, *, allow_text: bool = True) -> tuple[str | None, str | None]:
    """(format, compression) from a file's first bytes, for files without a known suffix.

    Raises:
        OSError: the file cannot be read.
    """
    with fs.open_input(path) as fh:
        raw = fh.read(_SNIFF_BYTES)
    compression = next((c for magic, c in _MAGIC_COMPRESSION if raw.startswith(magic)), None)
    head = raw
    if compression:
        head = _safe_decompress_head(raw, compression)
    fmt = _sniff_head(head, allow_text=allow_text)
    if fmt in _NO_OUTER_COMPRESSION and compression:
        return None, compression
    return fmt, compression


def _safe_decompress_head(raw: bytes, compression: str) -> bytes:
    import zstandard

    try:
        if compression == "gzip":
            return zlib.decompressobj(47).decompress(raw, _SNIFF_BYTES)
        return zstandard.ZstdDecompressor().decompressobj().decompress(raw)[:_SNIFF_BYTES]
    except (zlib.error, zstandard.ZstdError):
        return b""


def detect_format(path: str) -> tuple[str | None, str | None]:
    """(format, compression) of ``path``: by suffix, else by content; format None if unknown.

    >>> detect_format("crawl/part-0001.jsonl.zst")
    ('jsonl', 'zstd')
    >>> detect_format("pages/news.HTM")
    ('html', None)
    """
    fmt, compression = _split_suffixes(fs.basename(path))
    if fmt in _NO_OUTER_COMPRESSION and compression:
        return None, compression
    if fmt:
        return fmt, compression
    name = fs.basename(path)
    stem = name[: -len(ext)] if (ext := _compression_suffix(name)) else name
    return sniff_format(path, allow_text="." not in stem.lstrip("."))


def _is_hidden(name: str) -> bool:
    # "_SUCCESS", "_metadata": markers of Spark/Hadoop/pyarrow dataset folders, not data (pyarrow
    # datasets skip "." and "_" names too)
    return name.startswith((".", "_"))


def _walk(folder: str) -> list[str]:
    """Every non-hidden file under ``folder``, sorted by path (deterministic across machines)."""
    return fs.walk_files(folder, skip=_is_hidden)


def _expand_one(path: str) -> list[str]:
    if not fs.is_remote(path):
        return _expand_path(path)
    try:
        return _expand_path(path)
    except OSError as exc:  # the store refused to list or stat: credentials, bucket, network
        raise InputError(
            f"cannot list input {path!r}: {exc}. Check the URL and the store's credentials "
            "(see docs/storage.md)"
        ) from exc


def _expand_path(path: str) -> list[str]:
    if fs.isdir(path):
        walked = _walk(path)
        if not walked:
            raise InputError(
                f"input folder {path!r} holds no files (hidden and '_' files are skipped); "
                "put input files in it or pass another folder"
            )
        return walked
    if fs.exists(path):
        return [path]
    if _GLOB_CHARS & set(path):
        matches = fs.glob_files(path)
        files: list[str] = []
        for match in matches:
            if fs.isdir(match):
                files.extend(_walk(match))
            elif not _is_hidden(fs.basename(match)):
                files.append(match)
        if not files:
            raise InputError(
                f"no files match {path!r}; check the pattern (quote it so the shell does not "
                "expand it, and use ** with a folder for recursive matches)"
            )
        return sorted(files)
    if fs.is_remote(path):
        raise InputError(f"input {path!r} does not exist; check the URL (bucket, key, spelling)")
    raise InputError(f"input {path!r} does not exist; check the path (relative to {os.getcwd()})")


def _size(path: str) -> int:
    try:
        return fs.size(path)
    except OSError:
        return 0


def _input_file(path: str) -> InputFile:
    """The InputFile for ``path``; one with ``problem`` set when it cannot be read."""
    local = fs.local_path(path)
    if local is not None and not os.access(local, os.R_OK):
        return InputFile(path, "unreadable", _size(path), problem=f"{path}: permission denied")
    try:
        size = fs.size(path)
        fmt, compression = detect_format(path)
    except OSError as exc:
        return InputFile(path, "unreadable", _size(path), problem=f"{path}: {exc.strerror or exc}")
    if fmt is None:
        kinds = "/".join(FORMATS)
        why = f"{path}: not a format khabar reads (neither suffix nor content is {kinds})"
        return InputFile(path, "unknown", size, compression, problem=why)
    return InputFile(path=path, format=fmt, size=size, compression=compression)


def expand_inputs(paths: Sequence[str], *, strict: bool = True) -> list[InputFile]:
    """The input files behind ``paths``: files as given, folders and globs expanded and sorted.

    Order: the order of ``paths``, and sorted paths within each folder or glob; a file reached
    twice (by a folder and by name) is kept once, where it first appears. Hidden files and
    folders, and names starting with ``_`` (``_SUCCESS`` markers), are skipped in folders and
    globs. Files without a known suffix are recognised by their first bytes.

    With ``strict=False``, files that cannot be read or are in no known format are listed too,
    with :attr:`InputFile.problem` set: :func:`read_file` gives one reject for each
    (``unreadable`` or ``unsupported_format``), so a run can go on and account for them.

    Raises:
        InputError: no paths, a path that does not exist, a folder or glob with no files, or
            (``strict`` only) files that cannot be read or are in no known format (all of them
            are listed).
    """
    if not paths:
        raise InputError("no input given; pass files, folders or globs (for example crawl/*.jsonl)")
    seen: set[str] = set()
    found: list[InputFile] = []
    problems: list[str] = []
    for given in paths:
        for path in _expand_one(given):
            key = fs.canonical(path)
            if key in seen:
                continue
            seen.add(key)
            inp = _input_file(path)
            if inp.problem is not None and strict:
                problems.append(inp.problem)
            else:
                found.append(inp)
    if problems:
        more = f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
        shown = "; ".join(problems[:10]) + more
        raise InputError(
            f"{len(problems)} input file(s) cannot be read: {shown}. Remove them from the input, "
            "or pass a glob that selects only readable files (for example 'crawl/**/*.jsonl.gz')"
        )
    return found


def file_sha256(path: str) -> str:
    """The SHA-256 of a file's bytes, read in chunks (bounded memory).

    Raises:
        OSError: the file cannot be read.
    """
    with fs.open_input(path) as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()  # type: ignore[arg-type]


Reader = Callable[[ReadContext], Iterator[Document | Reject]]


def _reader(fmt: str) -> Reader | None:
    """The format module's ``read`` (imported on first use, so pyarrow loads only for Parquet)."""
    if fmt not in FORMATS:
        return None
    import importlib

    module = importlib.import_module(f"khabar.io.formats.{fmt}")
    return module.read  # type: ignore[no-any-return]


def read_file(
    inp: InputFile,
    config: ReadConfig | None = None,
    *,
    sha256: str | None = None,
    stats: ReadStats | None = None,
    raw_carry: Any = None,
) -> Iterator[Document | Reject]:
    """Every record of ``inp``, in file order, as a Document or a Reject.

    Args:
        inp: a file from :func:`expand_inputs`.
        config: field names and limits (defaults: :class:`ReadConfig`).
        sha256: the file's SHA-256 if the caller already has it (ids are derived from it);
            otherwise it is computed first (one streamed pass over the file).
        stats: counters to update (records, documents, rejects by reason, skipped by kind).
        raw_carry: a :class:`khabar.io.schema.RawCarry` in which a Parquet file's reader notes the
            Arrow row of each document's ``raw``, for a writer to copy instead of encoding it.

    Raises:
        MissingExtraError: the format needs an optional package that is not installed
            (``fastwarc`` for WARC). Nothing else: a file that cannot be read becomes one
            ``Reject`` with reason ``unreadable``.
    """
    config = config if config is not None else ReadConfig()
    stats = stats if stats is not None else ReadStats()
    if inp.problem is not None:
        reason = "unreadable" if inp.format == "unreadable" else "unsupported_format"
        listed = Reject(inp.path, "file", reason, inp.problem)
        stats.count(listed)
        yield listed
        return
    reader = _reader(inp.format)
    if reader is None:
        why = f"format {inp.format!r} is not one of {', '.join(FORMATS)}"
        unsupported = Reject(inp.path, "file", "unsupported_format", why)
        stats.count(unsupported)
        yield unsupported
        return
    if sha256 is None:
        try:
            sha256 = file_sha256(inp.path)
        except OSError as exc:
            unreadable = Reject(inp.path, "file", "unreadable", str(exc))
            stats.count(unreadable)
            yield unreadable
            return
    ctx = ReadContext(inp=inp, config=config, sha256=sha256, stats=stats, raw_carry=raw_carry)
    for item in reader(ctx):
        stats.count(item)
        yield item
