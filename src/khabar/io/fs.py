"""Local paths and object-store URLs behind one small set of functions.

khabar's inputs and outputs may be plain local paths (``crawl/part-0.jsonl``), ``file://`` URLs,
or any URL an `fsspec <https://filesystem-spec.readthedocs.io>`_ filesystem handles:
``s3://bucket/key`` (package ``s3fs``), ``gs://`` (``gcsfs``), ``az://`` / ``abfs://``
(``adlfs``), ``memory://`` (in-process, for tests). On a cluster the inputs and OUTDIR must be on
storage that every worker sees, which an object store is.

Local paths and ``file://`` URLs never touch fsspec: they go straight to :func:`open` and
:mod:`os`, exactly as before URLs were supported (same speed, same temporary names). fsspec and
the store's package are imported only when a remote URL is used; a missing one raises
:class:`MissingFilesystemError` naming the package to ``pip install``. Credentials and endpoints
come from the store's usual environment (``AWS_PROFILE``, ``AWS_ENDPOINT_URL``,
``GOOGLE_APPLICATION_CREDENTIALS``...) or fsspec's ``FSSPEC_<PROTOCOL>_<OPTION>`` variables.

Writes are atomic everywhere: :class:`AtomicFile` writes a local file under a hidden temporary
name in the final folder and renames it into place (``os.replace``); for a remote URL it writes a
local temporary file and uploads it when complete, and an object store makes an upload visible
only once it is whole (one PUT, or a completed multipart upload). Object stores have no rename.

>>> join("s3://bucket/out", "data", "part-00000.parquet")
's3://bucket/out/data/part-00000.parquet'
>>> join("out", "data")
'out/data'
>>> is_remote("s3://bucket/x"), is_remote("file:///tmp/x"), is_remote("crawl/x.jsonl")
(True, False, False)
>>> local_path("file:///tmp/x.jsonl"), local_path("s3://bucket/x") is None
('/tmp/x.jsonl', True)
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

from khabar.errors import InputError, KhabarError

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow.fs as pafs
    from fsspec import AbstractFileSystem

__all__ = [
    "AtomicFile",
    "MissingFilesystemError",
    "arrow_filesystem",
    "atomic_write_bytes",
    "atomic_write_text",
    "basename",
    "canonical",
    "exists",
    "filesystem",
    "glob_files",
    "is_remote",
    "isdir",
    "join",
    "listdir",
    "local_path",
    "makedirs",
    "open_input",
    "read_bytes",
    "read_text",
    "relative",
    "remove",
    "remove_tree",
    "size",
    "walk_files",
]

#: "scheme://": RFC 3986 scheme characters; a Windows drive ("C:\\") has no "//" after the colon
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")

#: the package to pip-install for each protocol fsspec does not handle by itself
_PACKAGES: dict[str, str] = {
    "s3": "s3fs",
    "s3a": "s3fs",
    "gs": "gcsfs",
    "gcs": "gcsfs",
    "az": "adlfs",
    "abfs": "adlfs",
    "abfss": "adlfs",
    "adl": "adlfs",
    "hf": "huggingface_hub",
    "sftp": "paramiko",
    "ssh": "paramiko",
    "hdfs": "pyarrow",
    "http": "aiohttp",
    "https": "aiohttp",
}

#: prefix of the local staging files of remote writes, so they can be recognised in $TMPDIR
UPLOAD_PREFIX = "khabar-upload-"


class MissingFilesystemError(KhabarError, ImportError):
    """A URL needs an fsspec filesystem package that is not installed."""

    def __init__(self, url: str, protocol: str, package: str) -> None:
        super().__init__(
            f"{url!r} is a {protocol}:// URL, which needs the package '{package}', which is not "
            f"installed. Install it with: pip install {package}"
        )
        self.url = url
        self.protocol = protocol
        self.package = package


# ---------------------------------------------------------------------------------------------
# what kind of path


def _protocol(path: str) -> str | None:
    match = _URL.match(path)
    return match.group(1).lower() if match else None


def local_path(path: str | os.PathLike[str]) -> str | None:
    """The local file-system path behind ``path`` (itself, or a ``file://`` URL's path), or None
    for a remote URL.

    >>> local_path("crawl/a.jsonl"), local_path("FILE:///data/a.jsonl")
    ('crawl/a.jsonl', '/data/a.jsonl')
    """
    text = os.fspath(path)
    proto = _protocol(text)
    if proto is None:
        return text
    if proto == "file":
        return text[len("file://") :]
    return None


def is_remote(path: str | os.PathLike[str]) -> bool:
    """True for a URL that is not ``file://`` (it goes through fsspec)."""
    return local_path(path) is None


def filesystem(url: str) -> tuple[AbstractFileSystem, str]:
    """The fsspec filesystem for ``url`` and the path inside it (``s3://b/k`` -> ``b/k``).

    fsspec caches filesystem instances, so calling this per file is cheap.

    Raises:
        MissingFilesystemError: fsspec or the protocol's package is not installed.
        InputError: fsspec knows no such protocol.
    """
    protocol = _protocol(url) or "file"
    try:
        import fsspec
    except ImportError as exc:
        raise MissingFilesystemError(url, protocol, "fsspec") from exc
    try:
        fs, inner = fsspec.core.url_to_fs(url)
    except ImportError as exc:
        package = _PACKAGES.get(protocol, exc.name or "the package fsspec names")
        raise MissingFilesystemError(url, protocol, package) from exc
    except ValueError as exc:
        if protocol in fsspec.available_protocols():
            raise
        raise InputError(
            f"{url!r}: unknown storage protocol {protocol!r}. Use a local path or a URL fsspec "
            "knows (s3://, gs://, az://, file://, memory://...)"
        ) from exc
    return fs, inner


def _rebuild(url: str, inner: str, found: str) -> str:
    """``found`` (a path inside the filesystem, under ``inner``) spelled like ``url`` is."""
    if found.startswith(inner):
        rest = found[len(inner) :].lstrip("/")
        return join(url, rest) if rest else url
    return found if _protocol(found) else f"{_protocol(url)}://{found}"


# ---------------------------------------------------------------------------------------------
# paths as strings


def join(base: str | os.PathLike[str], *parts: str) -> str:
    """``base`` / ``parts``: :func:`os.path.join` for local paths, ``/`` for URLs."""
    text = os.fspath(base)
    if _protocol(text) is None:
        return os.path.join(text, *parts)
    return "/".join([text.rstrip("/"), *(p.strip("/") for p in parts)])


def basename(path: str | os.PathLike[str]) -> str:
    """The last component of a path or URL.

    >>> basename("s3://bucket/crawl/part-0.jsonl.gz"), basename("crawl/a.txt")
    ('part-0.jsonl.gz', 'a.txt')
    """
    text = os.fspath(path)
    if _protocol(text) is None:
        return os.path.basename(text)
    return text.rstrip("/").rsplit("/", 1)[-1]


def relative(path: str, base: str) -> str:
    """``path`` relative to the folder ``base`` (both local, or both URLs).

    >>> relative("s3://b/out/data/part-0.parquet", "s3://b/out/")
    'data/part-0.parquet'
    """
    if _protocol(path) is None:
        return os.path.relpath(path, base)
    prefix = base.rstrip("/") + "/"
    if not path.startswith(prefix):
        raise ValueError(f"{path!r} is not inside {base!r}")
    return path[len(prefix) :]


def canonical(path: str) -> str:
    """One spelling per file, to notice a file reached twice: the real path of a local file,
    the protocol plus fsspec's path for a URL."""
    local = local_path(path)
    if local is not None:
        return os.path.realpath(local)
    fs, inner = filesystem(path)
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return f"{protocol}://{inner}"


# ---------------------------------------------------------------------------------------------
# reading and asking


def open_input(path: str) -> IO[bytes]:
    """``path`` opened for binary reading, seekable (fsspec files read ahead in blocks).

    Raises:
        OSError: it cannot be opened (missing, permission denied, ...).
    """
    local = local_path(path)
    if local is not None:
        return open(local, "rb")
    fs, inner = filesystem(path)
    return fs.open(inner, "rb")  # type: ignore[no-any-return]


def read_bytes(path: str) -> bytes:
    with open_input(path) as fh:
        return fh.read()


def read_text(path: str) -> str:
    """The file's text, decoded as UTF-8."""
    return read_bytes(path).decode("utf-8")


def exists(path: str) -> bool:
    local = local_path(path)
    if local is not None:
        return os.path.exists(local)
    fs, inner = filesystem(path)
    return bool(fs.exists(inner))


def isdir(path: str) -> bool:
    """True for a folder (for an object store: a prefix that holds objects)."""
    local = local_path(path)
    if local is not None:
        return os.path.isdir(local)
    fs, inner = filesystem(path)
    return bool(fs.isdir(inner))


def size(path: str) -> int:
    """The file's size in bytes.

    Raises:
        OSError: it does not exist or cannot be asked.
    """
    local = local_path(path)
    if local is not None:
        return os.stat(local).st_size
    fs, inner = filesystem(path)
    return int(fs.size(inner))


def listdir(path: str) -> list[str]:
    """The names (not paths) directly in a folder, sorted; [] when it does not exist."""
    local = local_path(path)
    if local is not None:
        try:
            return sorted(os.listdir(local))
        except FileNotFoundError:
            return []
    fs, inner = filesystem(path)
    try:
        entries = fs.ls(inner, detail=False)
    except FileNotFoundError:
        return []
    return sorted({basename(str(e)) for e in entries if str(e).rstrip("/") != inner.rstrip("/")})


def walk_files(folder: str, *, skip: Callable[[str], bool] | None = None) -> list[str]:
    """Every file under ``folder``, sorted by path, spelled like ``folder`` (a URL stays a URL).

    ``skip(name)`` true for a file or folder name leaves it out, and everything under a skipped
    folder too.
    """
    local = local_path(folder)
    found: list[str] = []
    if local is not None:
        scheme = folder[: len(folder) - len(local)]  # "file://" for a file URL, else ""
        for root, dirs, files in os.walk(local):
            dirs[:] = sorted(d for d in dirs if not (skip and skip(d)))
            found.extend(scheme + os.path.join(root, f) for f in files if not (skip and skip(f)))
        return sorted(found)
    fs, inner = filesystem(folder)
    for path in fs.find(inner):
        url = _rebuild(folder, inner, str(path))
        rest = url[len(folder.rstrip("/")) :].strip("/")
        if skip and any(skip(part) for part in rest.split("/")):
            continue
        found.append(url)
    return sorted(found)


def glob_files(pattern: str) -> list[str]:
    """The files and folders matching a glob (``**`` matches across folders), sorted."""
    local = local_path(pattern)
    if local is not None:
        import glob

        matches = glob.glob(local, recursive=True)
        if local != pattern:  # a file:// pattern gives file:// matches
            matches = [f"file://{m}" for m in matches]
        return sorted(matches)
    fs, inner = filesystem(pattern)
    # the literal part before the first wildcard maps fsspec's paths back to the URL's spelling
    first = min(i for i, ch in enumerate(pattern) if ch in "*?[")
    literal = pattern[: pattern.rfind("/", 0, first) + 1]
    literal_inner = filesystem(literal)[1] if literal else ""
    return sorted(_rebuild(literal, literal_inner, str(p)) for p in fs.glob(inner))


# ---------------------------------------------------------------------------------------------
# writing and removing


def makedirs(path: str) -> None:
    """Create a folder and its parents (object stores have no folders: nothing to do)."""
    local = local_path(path)
    if local is not None:
        os.makedirs(local, exist_ok=True)
        return
    fs, inner = filesystem(path)
    if fs.protocol in ("memory", ("memory",)):  # memory:// keeps folders, for listing
        fs.makedirs(inner, exist_ok=True)


def remove(path: str) -> None:
    """Remove a file; a missing one is not an error."""
    local = local_path(path)
    if local is not None:
        try:
            os.unlink(local)
        except FileNotFoundError:
            pass
        return
    fs, inner = filesystem(path)
    try:
        fs.rm_file(inner)
    except FileNotFoundError:
        pass


def remove_tree(path: str) -> None:
    """Remove a folder and everything under it (every object under the prefix); a missing one
    is not an error.

    Raises:
        OSError: something under it cannot be removed (for a local folder, as
            :func:`shutil.rmtree` reports it).
    """
    local = local_path(path)
    if local is not None:
        import shutil

        if os.path.isdir(local):
            shutil.rmtree(local)
        return
    fs, inner = filesystem(path)
    if fs.exists(inner):
        fs.rm(inner, recursive=True)


class AtomicFile:
    """A file that appears at ``path`` whole or not at all.

    Write to :attr:`tmp` (a local path: hand it to :func:`open` or to pyarrow), then call
    :meth:`commit`; call :meth:`discard` instead to throw it away. Locally :attr:`tmp` is
    ``.NAME.tmp-PID`` in the final folder and :meth:`commit` renames it into place; for a remote
    URL it is a file in the local temporary folder that :meth:`commit` uploads and removes.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "sub" / "a.txt"
    >>> f = AtomicFile(str(target))
    >>> pathlib.Path(f.tmp).name.startswith(".a.txt.tmp-")
    True
    >>> _ = pathlib.Path(f.tmp).write_text("سلام", encoding="utf-8")
    >>> target.exists()
    False
    >>> f.commit()
    >>> target.read_text(encoding="utf-8")
    'سلام'
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self._local = local_path(self.path)
        if self._local is not None:
            folder, name = os.path.split(self._local)
            if folder:
                os.makedirs(folder, exist_ok=True)
            self.tmp = os.path.join(folder, f".{name}.tmp-{os.getpid()}")
        else:
            fd, self.tmp = tempfile.mkstemp(prefix=UPLOAD_PREFIX, suffix=f"-{basename(self.path)}")
            os.close(fd)

    def commit(self) -> None:
        """Put the finished temporary file at :attr:`path`."""
        if self._local is not None:
            os.replace(self.tmp, self._local)
            return
        fs, inner = filesystem(self.path)
        if fs.protocol in ("memory", ("memory",)):
            fs.makedirs(inner.rsplit("/", 1)[0], exist_ok=True)
        fs.put_file(self.tmp, inner)
        os.unlink(self.tmp)

    def discard(self) -> None:
        """Remove the temporary file; :attr:`path` is left as it was."""
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass


@contextmanager
def writing(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file that appears at ``path`` whole when the block ends, or not at all if it
    raises (an :class:`AtomicFile` committed or discarded for you).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "b.bin"
    >>> with writing(str(target)) as f:
    ...     _ = f.write(b"ok")
    >>> target.read_bytes()
    b'ok'
    """
    target = AtomicFile(path)
    try:
        with open(target.tmp, "wb") as f:
            yield f
        target.commit()
    except BaseException:
        target.discard()
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a local file is flushed to disk first)."""
    with writing(path) as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def arrow_filesystem(path: str) -> tuple[pafs.FileSystem | None, str]:
    """What to give pyarrow for ``path``: ``(None, local path)`` for a local file (pyarrow opens
    it itself, as it always did), else ``(PyFileSystem(FSSpecHandler(fs)), path inside fs)``.

    >>> arrow_filesystem("file:///data/x.parquet")
    (None, '/data/x.parquet')
    """
    local = local_path(path)
    if local is not None:
        return None, local
    import pyarrow.fs as pafs

    fs, inner = filesystem(path)
    return pafs.PyFileSystem(pafs.FSSpecHandler(fs)), inner
