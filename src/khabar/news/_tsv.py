"""Rows of the reviewed data files (tab-separated, ``#`` comments, blank lines ignored)."""

from __future__ import annotations

from collections.abc import Iterator

from khabar.errors import ConfigError


def tsv_rows(text: str, source: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """``(line number, stripped cells)`` for every data row of ``text``.

    Raises:
        ConfigError: a row has another number of cells than ``columns`` (the message names the
            file, the line and the expected columns).

    >>> list(tsv_rows("# a comment\\n\\nx\\t y \\n", "t.tsv", ("a", "b")))
    [(3, ['x', 'y'])]
    """
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != len(columns):
            raise ConfigError(
                f"{source} line {number}: expected {len(columns)} tab-separated cells "
                f"({' '.join(columns)}), found {len(cells)}: {raw!r}"
            )
        yield number, [c.strip() for c in cells]
