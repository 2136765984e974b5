"""A file cache of the per-code-point tables the corpus and news steps build once per process.

The canonical fold (:func:`khabar.corpus.keys._bmp_table`), the character classes that language
ID and quality count (:func:`khabar.corpus.keys._class_masks`, the symbol class of
:mod:`khabar.corpus.quality`) and the news fold (:func:`khabar.news._fold._fold_table`) are
tables of 65,536 entries, one per code point of the Basic Multilingual Plane, built by asking
:mod:`unicodedata` and the regex engine about every code point: about 0.13 CPU seconds that every
process running the steps paid (``khabar refine -j 1`` and every Ray worker). Read from a file,
they cost a millisecond or two.

**Never stale.** A file holds a key: the SHA-256 of the cache format, the Python version, the
Unicode version of :mod:`unicodedata` (categories, case and decompositions change with it), this
module's source, and the ``parts`` its caller names: the source of the module that builds the
table (the table is a function of that code and of Unicode), and, for a class table, the
patterns. A file whose key differs is built again and rewritten.

**Never an error.** A missing, unreadable, truncated or corrupt file (CRC-32 checked), a
read-only or missing cache directory: the table is built as without a cache and written if it
can be. The directory and the atomic write are those of the lexicon cache
(:func:`khabar.text.lexicon_cache.cache_dir`, :func:`~khabar.text.lexicon_cache.write`):
``KHABAR_CACHE_DIR`` chooses it, or turns every cache off when set empty. A file holds bytes
only (no pickle, nothing that runs code).
"""

from __future__ import annotations

import hashlib
import sys
import unicodedata
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["FORMAT", "cached_bytes", "cached_uint32_table", "module_source", "table_key",
           "uint32_table"]

#: Bump when the file layout changes (the key changes with this module's source anyway).
FORMAT = b"khabar-table-cache 1\n"


def module_source(*path: str) -> bytes:
    """The bytes of one of khabar's source files (``module_source("corpus", "keys.py")``), for a
    table's key: a table is a function of the code that builds it."""
    return resources.files("khabar").joinpath(*path).read_bytes()


def table_key(name: str, parts: Sequence[bytes]) -> bytes:
    """SHA-256 of the format, the Python and Unicode versions, this module's source, the table's
    ``name`` and each of ``parts``, in order."""
    h = hashlib.sha256(FORMAT)
    h.update(f"{sys.implementation.name} {sys.version_info[:2]} unicode "
             f"{unicodedata.unidata_version}\n{name}\n".encode())
    for part in (module_source("corpus", "table_cache.py"), *parts):
        h.update(f"{len(part)}\0".encode())
        h.update(part)
    return h.digest()


def cached_bytes(name: str, parts: Sequence[bytes], build: Callable[[], bytes],
                 folder: Path | None | bool = True) -> bytes:
    """The bytes ``build()`` gives, read from the file ``table-NAME.bin`` in ``folder`` when one
    was written for the same key (:func:`table_key` of ``name`` and ``parts``), else built and
    written there if the folder can be written. ``folder=True``: the cache directory of
    :func:`~khabar.text.lexicon_cache.cache_dir`; None: no cache (build). Never raises for the
    cache's sake: only ``build`` may.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     first = cached_bytes("demo", [b"v1"], lambda: b"built", Path(d))
    ...     again = cached_bytes("demo", [b"v1"], lambda: b"not read", Path(d))
    ...     other = cached_bytes("demo", [b"v2"], lambda: b"rebuilt", Path(d))
    >>> first, again, other
    (b'built', b'built', b'rebuilt')
    """
    # imported here: the text package is not loaded for a table until one is asked for
    from khabar.text.lexicon_cache import cache_dir, frame, unframe, write

    if folder is True:
        folder = cache_dir()
    if not isinstance(folder, Path):
        return build()
    key = table_key(name, parts)
    path = folder / f"table-{name}.bin"
    try:
        data = path.read_bytes()
    except OSError:  # no file yet, or not readable: build
        data = b""
    payload = unframe(FORMAT, key, data)
    if payload is not None:
        return bytes(payload)
    built = build()
    write(path, frame(FORMAT, key, built))
    return built


def uint32_table(data: bytes) -> Any:
    """``data`` (little-endian uint32 values, as a table is stored) as a read-only numpy array of
    uint32: one table is shared by every caller in the process, so no caller may change it (on
    a big-endian machine the conversion copies, and the copy is made read-only too). Needs numpy.

    >>> t = uint32_table((1).to_bytes(4, "little") + (2**32 - 1).to_bytes(4, "little"))
    >>> t.tolist(), t.flags.writeable
    ([1, 4294967295], False)
    """
    import numpy as np

    array = np.frombuffer(data, dtype="<u4").astype(np.uint32, copy=False)
    array.flags.writeable = False
    return array


def cached_uint32_table(name: str, parts: Sequence[bytes], build: Callable[[], Any],
                        folder: Path | None | bool = True) -> Any:
    """The per-code-point table ``build()`` makes (a numpy array of integers that fit uint32),
    cached as :func:`cached_bytes` caches (stored as little-endian uint32; ``folder`` as
    there), as a read-only uint32 array (:func:`uint32_table`). Needs numpy.

    >>> import numpy as np, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     built = cached_uint32_table("demo", [b"v1"], lambda: np.arange(3), Path(d))
    ...     again = cached_uint32_table("demo", [b"v1"], lambda: np.zeros(3), Path(d))
    >>> built.tolist(), again.tolist(), again.flags.writeable
    ([0, 1, 2], [0, 1, 2], False)
    """
    return uint32_table(cached_bytes(name, parts, lambda: build().astype("<u4").tobytes(), folder))
