"""Test helper: a text with its verbatim spans (URLs, hashtags, Latin words ...) masked, for
properties that speak of what fix writes outside them."""

from __future__ import annotations

from khabar.text.protect import VERBATIM, find_spans


def outside_verbatim(text: str) -> str:
    """``text`` with its URLs, hashtags, Latin words ... replaced by ``x`` (they are copied as they
    are, and count as a word next to a ZWNJ).

    >>> outside_verbatim("در https://x.ir/a و")
    'در x و'
    """
    parts, pos = [], 0
    for s in find_spans(text):
        if s.kind in VERBATIM:
            parts.append(text[pos : s.start])
            pos = s.end
    parts.append(text[pos:])
    return "x".join(parts)
