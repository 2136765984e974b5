"""A file cache of the shipped ZWNJ lexicon: a process loads it instead of building it.

Building :class:`khabar.text.lexicon.Lexicon` from the shipped files (parse ~855 K characters,
count every form, learn the morphology) costs every process that repairs text a few tenths of a
CPU second; loading the built fields with :mod:`marshal` costs a fraction of that (numbers in
``bench/fix/lexicon10.md``). The cache is one file, ``zwnj_lexicon.marshal``, in
:func:`cache_dir`.

The file also keeps the tables the ZWNJ engine makes from the lexicon's forms and counts alone
(:attr:`~khabar.text.lexicon.Lexicon.derived`: the forms with a ZWNJ, the glued words by their
last letters, the two-letter compound tails), which every process made anew before (~107 M
instructions, ~75 M more once a glued word is cut): marshal writes each of their strings as a
reference to the same string in the forms, so they load for ~15 M (``bench/fix/startup19c.md``). No user file changes them (user entries are kept apart from the
forms), so they serve ``Lexicon.load(extra=...)`` as they are.

**Never stale.** The file holds a key: the SHA-256 of the cache format, the Python version
(marshal's format may change between versions), the source of ``khabar/text/lexicon.py``, of
the modules that make the tables (:data:`~khabar.text.lexicon.TABLE_SOURCES`) and of this
module, and the name and bytes of every data file the build reads. A load whose key differs
(a changed word list, changed code) builds the lexicon and rewrites the file. The compiled
lexicon module runs only when it was built from the source that is there now (see
:mod:`khabar._native`), so the source's digest is also the compiled code's.

**Never an error.** A missing, unreadable, truncated or corrupt file (its CRC-32 is checked
before it is unmarshalled, and every field's type after), a read-only or missing cache
directory: the lexicon is built as without a cache, and the file is written if it can be.
Writing is atomic (a temporary file in the same directory, then :func:`os.replace`), so two
processes that write at once leave one whole file, and a reader never sees half of one. Nothing
is written outside the cache directory: its parent must exist (it is not created).

**Why marshal, and why loading it is safe.** :func:`marshal.loads` builds plain data (str, int,
float, tuple, dict, set, frozenset) and runs no code, unlike :mod:`pickle`, which calls whatever
callables the file names. The file lives in the user's own cache directory, created by khabar
with the user's permissions (mode 0600): whoever can rewrite it can already rewrite the user's
files. This is the design of Python's own ``__pycache__`` (marshal, keyed by the source).

Set ``KHABAR_CACHE_DIR`` to choose the directory, or to an empty string to turn the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import fields
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

#: The environment variable that names the cache directory ("" turns the cache off).
ENV = "KHABAR_CACHE_DIR"
FILE = "zwnj_lexicon.marshal"
#: Bump when the file's layout changes (the key changes with this module's source anyway).
FORMAT = b"khabar-lexicon-cache 1\n"
#: The types a field may hold in the file; a :class:`~collections.Counter` is stored as a dict.
_PLAIN = (dict, set, frozenset, int, float, str, tuple)

T = TypeVar("T")


def cache_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """Where the cache lives: ``$KHABAR_CACHE_DIR``, else ``$XDG_CACHE_HOME/khabar`` (an
    absolute path, as the XDG spec asks), else ``~/.cache/khabar``; None if
    ``KHABAR_CACHE_DIR`` is set empty (cache off) or there is no home directory.

    >>> cache_dir({"KHABAR_CACHE_DIR": "/tmp/k"}), cache_dir({"KHABAR_CACHE_DIR": ""})
    (PosixPath('/tmp/k'), None)
    >>> cache_dir({"XDG_CACHE_HOME": "/c"})
    PosixPath('/c/khabar')
    """
    env = os.environ if env is None else env
    if ENV in env:
        return Path(env[ENV]) if env[ENV] else None
    xdg = env.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "khabar"
    try:
        return Path.home() / ".cache" / "khabar"
    except RuntimeError:  # no $HOME and no passwd entry: no cache
        return None


def cache_key(sources: Mapping[str, bytes]) -> bytes:
    """SHA-256 of the format, the Python version, this module's source and every
    ``name -> bytes`` of ``sources`` (data files and the lexicon's source), in order."""
    h = hashlib.sha256(FORMAT)
    h.update(f"{sys.implementation.name} {sys.version_info[:2]} {marshal.version}\n".encode())
    own = (resources.files("khabar") / "text" / "lexicon_cache.py").read_bytes()
    for name, data in (("lexicon_cache.py", own), *sources.items()):
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.digest()


def dump(obj: Any, key: bytes) -> bytes:
    """The file's bytes for the dataclass ``obj``: header, then the marshal of its fields,
    each distinct string written once (:func:`shared`)."""
    values = []
    for f in fields(obj):
        value = getattr(obj, f.name)
        if type(value) is Counter:
            values.append((f.name, "counter", dict(value)))
        elif type(value) in _PLAIN:
            values.append((f.name, "plain", value))
        else:
            raise TypeError(
                f"field {f.name} of {type(obj).__name__} holds a {type(value).__name__}, which "
                "the lexicon cache cannot store; teach khabar.text.lexicon_cache.dump and load it"
            )
    return frame(FORMAT, key, marshal.dumps(shared(tuple(values), {})))


def shared(value: Any, strings: dict[str, str]) -> Any:
    """``value`` (plain data: dicts, lists, tuples, sets of str, int, float) rebuilt with one
    string object for each distinct string, the first met (``strings`` remembers them).

    marshal writes an object it has written before as a reference: a string equal to another
    but not the same object (a glued form and its key, ``کتاب`` and ``کتاب``, are made
    apart) is written and UTF-8-decoded again by each load. Shared, the shipped lexicon's file
    loads ~37 M instructions sooner (of ~600 M), and holds ~0.4 MB less.

    >>> a, b = "".join(["کت", "اب"]), "".join(["ک", "تاب"])
    >>> out = shared({a: [b], "x": (b, frozenset([a]))}, {})
    >>> out == {a: [b], "x": (b, frozenset([a]))}, next(iter(out)) is out[next(iter(out))][0]
    (True, True)
    """
    kind = type(value)
    if kind is str:
        return strings.setdefault(value, value)
    if kind is dict:
        return {shared(k, strings): shared(v, strings) for k, v in value.items()}
    if kind is list or kind is tuple:
        return kind(shared(v, strings) for v in value)
    if kind is set or kind is frozenset:
        return kind(shared(v, strings) for v in value)
    return value


def frame(fmt: bytes, key: bytes, payload: bytes) -> bytes:
    """A cache file's bytes: the format line ``fmt``, the 32-byte ``key``, the CRC-32 and the
    length of ``payload``, then ``payload`` (the layout of this cache and of
    :mod:`khabar.corpus.table_cache`).

    >>> data = frame(b"f:", bytes(32), b"abc")
    >>> len(data), bytes(unframe(b"f:", bytes(32), data) or b"")
    (49, b'abc')
    """
    return fmt + key + zlib.crc32(payload).to_bytes(4, "big") + len(payload).to_bytes(8, "big") + payload


def unframe(fmt: bytes, key: bytes, data: bytes) -> memoryview | None:
    """The payload of ``data`` when it is a whole, uncorrupted :func:`frame` of format ``fmt``
    written under ``key``, else None (another format or key, truncated, or a CRC mismatch).

    >>> data = frame(b"f:", bytes(32), b"abc")
    >>> unframe(b"f:", b"x" * 32, data), unframe(b"f:", bytes(32), data[:-1])
    (None, None)
    """
    header = len(fmt) + 32 + 4 + 8
    if len(data) < header or not data.startswith(fmt):
        return None
    at = len(fmt)
    if data[at : at + 32] != key:
        return None
    crc = int.from_bytes(data[at + 32 : at + 36], "big")
    size = int.from_bytes(data[at + 36 : header], "big")
    payload = memoryview(data)[header:]
    if len(payload) != size or zlib.crc32(payload) != crc:
        return None
    return payload


def load(cls: Callable[..., T], data: bytes, key: bytes) -> T | None:
    """The object of class ``cls`` stored in ``data`` under ``key``, or None if ``data`` is not a
    whole, uncorrupted file of this format written for this key and these fields."""
    payload = unframe(FORMAT, key, data)
    if payload is None:
        return None
    try:
        values = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):  # the CRC matched: only a format bug gets here
        return None
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if type(values) is not tuple or [v[0] for v in values if type(v) is tuple] != names:
        return None
    kwargs: dict[str, Any] = {}
    for name, kind, value in values:
        if kind == "counter" and type(value) is dict:
            kwargs[name] = Counter(value)
        elif kind == "plain" and type(value) in _PLAIN:
            kwargs[name] = value
        else:
            return None
    return cls(**kwargs)


def load_or_build(
    cls: Callable[..., T],
    sources: Mapping[str, bytes],
    build: Callable[[], T],
    folder: Path | None,
) -> T:
    """The cached object of ``cls`` for ``sources`` in ``folder``; else ``build()``, written to
    the cache when ``folder`` (or its parent, to create it) is writable. None: no cache."""
    if folder is None:
        return build()
    key = cache_key(sources)
    path = folder / FILE
    try:
        data = path.read_bytes()
    except OSError:  # no cache yet, or not readable: build
        data = b""
    cached = load(cls, data, key)
    if cached is not None:
        return cached
    built = build()
    write(path, dump(built, key))
    return built


def write(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically (a temporary file beside it, then a rename); False
    if the directory cannot be created or written (a cache is optional: nothing is raised)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return False
    try:
        with open(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True
