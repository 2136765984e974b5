"""Read-only access to a refined corpus folder: files inside it (never outside), one row by its
place, the run's stats.

Every path a request names goes through :func:`contained_path`: it is resolved (symlinks
followed, ``..`` collapsed) and must stay inside the corpus folder, whatever the request says.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from khabar.errors import KhabarError

__all__ = ["NotInCorpus", "contained_path", "flatten_numbers", "read_json", "read_reject",
           "read_row"]


class NotInCorpus(KhabarError, LookupError):
    """A requested file or row is not part of the corpus folder (missing, or outside it)."""


def contained_path(root: str | os.PathLike[str], relative: str) -> Path:
    """Return the file ``relative`` names inside ``root``, or raise :class:`NotInCorpus`.

    Absolute paths, ``..`` steps, backslashes, NUL bytes and symlinks that lead out of ``root``
    are refused; so is anything that is not a regular file.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); _ = (d / "stats.json").write_text("{}")
    >>> contained_path(d, "stats.json").name
    'stats.json'
    >>> contained_path(d, "../etc/passwd")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    khabar.web.corpus.NotInCorpus: '../etc/passwd' is not a file of the corpus folder
    """
    base = Path(root).resolve()
    refuse = NotInCorpus(f"{relative!r} is not a file of the corpus folder")
    if not relative or "\x00" in relative or "\\" in relative:
        raise refuse
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts:
        raise refuse
    try:
        target = (base / pure).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        raise refuse from None
    if not target.is_relative_to(base) or not target.is_file():
        raise refuse
    return target


def read_json(root: str | os.PathLike[str], name: str) -> dict[str, Any] | None:
    """The JSON object in ``root/name`` (None when the file is absent)."""
    try:
        path = contained_path(root, name)
    except NotInCorpus:
        return None
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return data if isinstance(data, dict) else {"value": data}


def read_row(root: str | os.PathLike[str], part: str, index: int) -> dict[str, Any]:
    """Row ``index`` (0-based, in file order) of the Parquet file ``part`` inside ``root``."""
    import pyarrow.parquet as pq

    path = contained_path(root, part)
    pf = pq.ParquetFile(path)
    start = 0
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        if index < start + n:
            return pf.read_row_group(g).slice(index - start, 1).to_pylist()[0]
        start += n
    raise NotInCorpus(f"{part} has {start} rows; row {index} is not there. The corpus changed "
                      f"after the index was built: restart the inspector to rebuild it")


def read_reject(root: str | os.PathLike[str], index: int) -> dict[str, Any]:
    """Line ``index`` (0-based) of ``rejects.jsonl`` as a dict."""
    path = contained_path(root, "rejects.jsonl")
    with open(path, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            if i == index:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    return {"reason": "unreadable_reject_line", "detail": str(exc), "line": line}
                return rec if isinstance(rec, dict) else {"value": rec}
    raise NotInCorpus(f"rejects.jsonl has no line {index + 1}")


def flatten_numbers(obj: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """``(dotted.key, value)`` for every number or string leaf of nested dicts.

    >>> list(flatten_numbers({"counts": {"read": 3, "dropped": {"short": 1}}, "ok": True}))
    [('counts.read', 3), ('counts.dropped.short', 1), ('ok', True)]
    """
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from flatten_numbers(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(obj, (int, float, str, bool)) or obj is None:
        yield prefix, obj
    else:
        yield prefix, json.dumps(obj, ensure_ascii=False)[:200]
