"""Protected spans: the parts of a text that Persian repair rules must not touch.

URLs, e-mail addresses, hashtags, mentions, inline code and Latin words are *identifiers*: one
changed byte and the link breaks, the hashtag names another topic, the code no longer runs. They
are copied byte for byte. Numbers (``3.5``, ``1,000``, ``۱۴۰۲/۰۷/۱۹``, ``12:30``) are protected
from spacing and ZWNJ rules (a space after that ``.`` or ``:`` would split the number), but their
digits still follow the digits policy.

One regex pass finds every span; each rule then runs on the text *between* spans.

>>> [(s.kind, s.text) for s in find_spans("در https://tasnimnews.com ساعت 12:30 #خبر_فوری")]
[('url', 'https://tasnimnews.com'), ('number', '12:30'), ('hashtag', '#خبر_فوری')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["VERBATIM", "Span", "find_spans"]

#: kinds that are copied byte for byte (every other span kind is only kept away from spacing and
#: ZWNJ rules)
VERBATIM: Final = frozenset({"url", "email", "code", "mention", "hashtag", "latin"})

_LATIN = r"A-Za-z\u00C0-\u024F"
#: What may stand before a hashtag, mention or www. that is NOT its start: a letter, digit, mark,
#: @ # & (HTML entities), or a character that the character rules delete (ZWSP, bidi marks,
#: tatweel...). The deletable ones count as "inside a word" so that deleting them never turns a
#: non-span into a span: otherwise fix would not be idempotent (``0ً@ى`` → ``0@ی``, not ``0@ى``).
_WORDISH = (
    r"\w@#&\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    r"\u00ad\u061c\u200b-\u200f\u2060\ufeff"
)
#: the digits of Persian text; explicit ranges, since a charset with \d is scanned 2x slower
_DIGIT = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
# Order matters: the first alternative that matches at a position wins, so longer identifiers come
# before the Latin words and numbers they contain.
_SPANS = re.compile(
    "|".join(
        [
            # https://x.ir/a?b=c, www.x.com: up to a space or a quote (trailing punctuation trimmed)
            rf"(?P<url>(?:[A-Za-z][A-Za-z0-9+.\-]*://|(?<![{_WORDISH}])www\.)[^\s<>\"«»]+)",
            r"(?P<email>[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)",
            r"(?P<code>`[^`\n]+`)",
            rf"(?P<mention>(?<![{_WORDISH}])@\w+)",
            # #هشتگ_فارسی, with the ZWNJs a hashtag may contain; not an HTML entity (&#8204;)
            rf"(?P<hashtag>(?<![{_WORDISH}])#[\w\u200c]+)",
            # COVID-19, don't, e.g (a final dot is sentence punctuation, not part of the word)
            rf"(?P<latin>[{_LATIN}](?:[{_LATIN}0-9_'’+\-]|\.(?=[{_LATIN}0-9]))*)",
            # 3.5 1,000 ۱۴۰۲/۰۷/۱۹ 12:30 ۳٫۵ ۱٬۰۰۰ (ASCII, Arabic-Indic and Persian digits)
            rf"(?P<number>{_DIGIT}+(?:[.,/:\u066b\u066c]{_DIGIT}+)*)",
        ]
    )
)
#: Every span starts with one of these characters. Python's regex engine scans for a lone
#: character class in C, but tries all seven alternatives at every position of the text, so
#: find_spans looks for a trigger first and tries the alternatives only there (5-10x faster).
_TRIGGER = re.compile(rf"[{_DIGIT[1:-1]}{_LATIN}#@`]")
#: punctuation that ends a sentence around a URL rather than belonging to it
_URL_TRAILING = ".,;:!?'\"،؛؟)]}"


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` is a protected span of ``kind`` (url, email, code, ... number)."""

    start: int
    end: int
    kind: str
    text: str


def _trim_url(url: str) -> str:
    """Drop trailing sentence punctuation, keeping a ``)`` that closes a ``(`` inside the URL."""
    while url and url[-1] in _URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def find_spans(text: str) -> list[Span]:
    """Every protected span of ``text``, in order, non-overlapping.

    >>> [s.text for s in find_spans("ایمیل info@khabar.ir و (http://a.ir/x).")]
    ['info@khabar.ir', 'http://a.ir/x']
    >>> find_spans("متن فارسی بدون عدد")
    []
    """
    spans = []
    search, match = _TRIGGER.search, _SPANS.match
    pos = 0
    while (t := search(text, pos)) is not None:
        m = match(text, t.start())
        if m is None:
            pos = t.start() + 1
            continue
        kind = m.lastgroup or "latin"
        start, end = m.span()
        if kind == "url":
            end = start + len(_trim_url(m.group()))
            if end - start < 5:  # "www." alone, or a scheme with nothing after it
                pos = t.start() + 1
                continue
        spans.append(Span(start, end, kind, text[start:end]))
        pos = end
    return spans


def is_persian_only(text: str) -> bool:
    """True when ``text`` cannot hold a protected span (fast path: no digit, Latin, #, @, `).

    >>> is_persian_only("سلام دنیا"), is_persian_only("سلام 2")
    (True, False)
    """
    return _SPANS.search(text) is None
