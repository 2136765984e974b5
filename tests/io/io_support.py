"""What the reader tests share: a read helper that checks the record accounting on every call
(the io_dir and sentences fixtures live in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from khabar.io.readers import ReadConfig, ReadStats, expand_inputs, read_file


def read(path: str | Path, config: ReadConfig | None = None) -> tuple[list, ReadStats]:
    [inp] = expand_inputs([str(path)])
    stats = ReadStats()
    items = list(read_file(inp, config or ReadConfig(), stats=stats))
    # every yielded item is one record, and the counts add up
    assert stats.records == len(items) == stats.documents + sum(stats.rejects.values())
    return items, stats
