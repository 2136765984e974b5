"""Shared code of the fuzz targets: turn fuzz bytes into an input file and check a read.

Each target (``fuzz_<name>.py``) is a libFuzzer program run by atheris (``fuzz/run.sh``). A
target passes bytes to :func:`read_bytes`, which writes them to one scratch file and reads it with
:func:`khabar.io.readers.read_file`, checking what every read must satisfy whatever the bytes:

- it does not raise (an exception is a crash: atheris saves the input under ``fuzz/crashes/``);
- every item is a Document or a Reject, and ``records == documents + rejects``;
- a reject has a snake_case reason and a location;
- a document's text, HTML, URL, id and meta can be written (UTF-8 encodable, JSON serialisable).

The checks are plain functions so that ``tests/robustness/test_fuzz_regressions.py`` runs the
very same checks on the inputs the fuzzers found.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import tempfile

from khabar.document import Document, Reject
from khabar.io.readers import InputFile, ReadConfig, ReadStats, read_file

#: small limits so that the fuzzer reaches the "too large" and "bomb" paths with small inputs
CONFIG = ReadConfig(
    max_record_bytes=4096, batch_size=2, max_expansion_ratio=50.0, expansion_floor_bytes=20_000
)
_REASON = re.compile(r"[a-z][a-z0-9_]*\Z")
_SCRATCH = tempfile.mkdtemp(prefix="khabar-fuzz-")

#: how the first byte of a jsonl/text/html input wraps the rest (see :func:`wrap`)
WRAPS = ("plain", "gzip_raw", "zstd_raw", "gzip", "zstd", "gzip_cut", "zstd_cut")


def wrap(data: bytes) -> tuple[bytes, str | None, str]:
    """(file bytes, compression, wrap name) from fuzz bytes whose first byte picks the wrapping.

    ``plain``: the bytes as they are; ``*_raw``: the bytes given to the decompressor as they are
    (corrupt streams); ``gzip``/``zstd``: the bytes compressed (the parser sees them);
    ``*_cut``: compressed, then cut short by the second byte's value (a truncated download).

    >>> wrap(b"\\x00abc")
    (b'abc', None, 'plain')
    >>> gzip.decompress(wrap(b"\\x03abc")[0])
    b'abc'
    """
    if not data:
        return b"", None, "plain"
    kind = WRAPS[data[0] % len(WRAPS)]
    body = data[1:]
    if kind == "plain":
        return body, None, kind
    compression = "gzip" if kind.startswith("gzip") else "zstd"
    if kind.endswith("_raw"):
        return body, compression, kind
    cut = body[0] if kind.endswith("_cut") and body else 0
    if kind.endswith("_cut"):
        body = body[1:]
    if compression == "gzip":
        packed = gzip.compress(body, compresslevel=1, mtime=0)
    else:
        import zstandard

        packed = zstandard.ZstdCompressor(level=1).compress(body)
    if cut:
        packed = packed[: max(1, len(packed) - 1 - cut % len(packed))]
    return packed, compression, kind


def check_items(items: list[Document | Reject], stats: ReadStats) -> None:
    """Assert what every read must give, whatever the input (see the module docstring)."""
    assert stats.records == len(items) == stats.documents + sum(stats.rejects.values()), (
        stats.to_dict(),
        len(items),
    )
    for item in items:
        if isinstance(item, Reject):
            assert _REASON.match(item.reason), item
            assert item.location, item
            json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")
        else:
            assert isinstance(item, Document), type(item)
            json.dumps(item.meta, ensure_ascii=False, allow_nan=False).encode("utf-8")
            (item.text + (item.html or "") + (item.url or "") + item.id).encode("utf-8")


def read_bytes(
    data: bytes, fmt: str, compression: str | None, suffix: str, config: ReadConfig = CONFIG
) -> list[Document | Reject]:
    """Write ``data`` to a scratch file named ``input<suffix>``, read it as ``fmt``, check it."""
    path = os.path.join(_SCRATCH, f"input{suffix}")
    with open(path, "wb") as fh:
        fh.write(data)
    inp = InputFile(path=path, format=fmt, size=len(data), compression=compression)
    stats = ReadStats()
    items = list(read_file(inp, config, stats=stats))
    check_items(items, stats)
    return items


def suffix_for(fmt: str, compression: str | None) -> str:
    """The file suffix a format and compression are saved under (``.jsonl.zst``...)."""
    ext = {"text": ".txt", "jsonl": ".jsonl", "html": ".html", "warc": ".warc",
           "parquet": ".parquet"}[fmt]  # fmt: skip
    return ext + {"gzip": ".gz", "zstd": ".zst", None: ""}[compression]


def read_wrapped(data: bytes, fmt: str) -> list[Document | Reject]:
    """Fuzz bytes for a streamed format (text, jsonl, html): wrap them, then read and check."""
    body, compression, _ = wrap(data)
    return read_bytes(body, fmt, compression, suffix_for(fmt, compression))


__all__ = ["CONFIG", "WRAPS", "check_items", "read_bytes", "read_wrapped", "suffix_for", "wrap"]
