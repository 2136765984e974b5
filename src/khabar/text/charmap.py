"""The reviewed character map (``khabar/data/charmap.tsv``) and the translation tables built from it.

Every one-character fix is a row of the data file: the target letter, all source variants folded
into it, the rule name recorded in edits, and *when* it applies (``always`` for canonicalisation,
``field=value`` of :class:`~khabar.text.policy.FixPolicy` for a style). Tables are built once per
policy and applied with :meth:`str.translate`, the fastest way Python has to map characters.

>>> table = translation_table(FixPolicy())
>>> "كتابي".translate(table)
'کتابی'
>>> "۱۴۰۲".translate(translation_table(FixPolicy(digits="latin")))
'1402'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from khabar.errors import ConfigError
from khabar.text.policy import FixPolicy

__all__ = ["CharRow", "load_rows", "presentation_forms", "rule_names", "translation_table"]

#: Arabic presentation forms (positional glyph variants kept for legacy encodings): PDF and OCR
#: text is full of them (ﻛﺘﺎﺏ), and they look right but match nothing in search.
_PRESENTATION_RANGES: Final = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
#: Ligatures that stand for a whole phrase (ﷺ "صلی‌الله علیه و سلم", ﷻ, ﷽ the basmala): writers
#: choose them as symbols, and NFKC would expand one character into several words.
_PHRASE_LIGATURES: Final = frozenset("\ufdfa\ufdfb\ufdfd")


@dataclass(frozen=True, slots=True)
class CharRow:
    """One row of ``charmap.tsv``: ``sources`` become ``target`` ("" deletes them)."""

    target: str
    sources: str
    rule: str
    when: str
    comment: str
    line: int


def _code_points(field: str, line: int) -> str:
    try:
        return "".join(chr(int(tok.removeprefix("U+"), 16)) for tok in field.split())
    except ValueError:
        raise ConfigError(
            f"charmap.tsv line {line}: {field!r} is not a list of U+XXXX code points; "
            "write each character as U+ and 4-6 hex digits, separated by single spaces"
        ) from None


@cache
def load_rows() -> tuple[CharRow, ...]:
    """Read and check the shipped ``charmap.tsv`` (once per process).

    >>> next(r for r in load_rows() if r.rule == "char.yeh").sources == "\\u064a\\u0649"
    True
    """
    text = resources.files("khabar").joinpath("data", "charmap.tsv").read_text(encoding="utf-8")
    return parse_rows(text)


def parse_rows(text: str) -> tuple[CharRow, ...]:
    """Parse the TSV text of a character map (see the header of ``charmap.tsv``)."""
    rows = []
    header_seen = False
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            if cols[:4] == ["target", "sources", "rule", "when"]:
                continue
        if len(cols) != 5:
            raise ConfigError(
                f"charmap.tsv line {line_no}: expected 5 TAB-separated columns "
                f"(target, sources, rule, when, comment), found {len(cols)}"
            )
        target = "" if cols[0] == "-" else _code_points(cols[0], line_no)
        rows.append(
            CharRow(target, _code_points(cols[1], line_no), cols[2], cols[3], cols[4], line_no)
        )
    return tuple(rows)


def _active(row: CharRow, policy: FixPolicy) -> bool:
    if row.when == "always":
        return True
    name, _, value = row.when.partition("=")
    if not hasattr(policy, name):
        raise ConfigError(
            f"charmap.tsv line {row.line}: 'when' names {name!r}, which is not a FixPolicy field"
        )
    return str(getattr(policy, name)) == value


def presentation_forms() -> dict[str, str]:
    """Fold each Arabic presentation form to its letters with NFKC, one character at a time.

    NFKC is safe here because it is applied to these characters alone: on whole texts it also
    rewrites digits, ligatures and compatibility characters that carry meaning. Forms that NFKC
    turns into a lone mark plus a space (the isolated harakat U+FE70...) become the bare mark.

    >>> presentation_forms()["\\ufefb"]  # ﻻ LAM WITH ALEF ligature
    'لا'
    """
    out = {}
    for lo, hi in _PRESENTATION_RANGES:
        for code in range(lo, hi + 1):
            ch = chr(code)
            if ch in _PHRASE_LIGATURES or unicodedata.category(ch) == "Cn":
                continue
            folded = unicodedata.normalize("NFKC", ch).replace(" ", "")
            if folded and folded != ch:
                out[ch] = folded
    return out


@cache
def translation_table(policy: FixPolicy) -> dict[int, str]:
    """The :meth:`str.translate` table of every active row, plus the presentation forms.

    Targets are themselves passed through the table, so a presentation form of ي lands on ی.
    """
    table: dict[int, str] = {}
    for row in load_rows():
        if _active(row, policy):
            for src in row.sources:
                table[ord(src)] = row.target
    for src, folded in presentation_forms().items():
        table[ord(src)] = "".join(table.get(ord(c), c) for c in folded)
    return table


@cache
def rule_names(policy: FixPolicy) -> dict[str, str]:
    """Source character -> rule name, for the edits of :func:`khabar.fix_with_edits`."""
    names = {src: "char.presentation" for src in presentation_forms()}
    for row in load_rows():
        if _active(row, policy):
            names.update(dict.fromkeys(row.sources, row.rule))
    return names
