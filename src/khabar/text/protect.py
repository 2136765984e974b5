"""Protected spans: the parts of a text that Persian repair rules must not touch.

URLs, e-mail addresses, hashtags, mentions, inline code, HTML character references (``&#8204;``,
``&#x200c;``, ``&amp;``) and Latin words are *identifiers*: one changed byte and the link
breaks, the hashtag names another topic, the code no longer runs, the reference names no
character (``&#۸۲۰۴;``). They are copied byte for byte. Numbers (``3.5``, ``1,000``, ``۱۴۰۲/۰۷/۱۹``, ``12:30``) are protected
from spacing and ZWNJ rules (a space after that ``.`` or ``:`` would split the number), but their
digits still follow the digits policy.

One regex pass finds every span; each rule then runs on the text *between* spans.

>>> [(s.kind, s.text) for s in find_spans("در https://tasnimnews.com ساعت 12:30 #خبر_فوری")]
[('url', 'https://tasnimnews.com'), ('number', '12:30'), ('hashtag', '#خبر_فوری')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Final

from khabar.text.charset import CharSet

__all__ = ["VERBATIM", "Span", "find_spans", "find_verbatim"]

#: kinds that are copied byte for byte (every other span kind is only kept away from spacing and
#: ZWNJ rules)
VERBATIM: Final = frozenset({"url", "email", "code", "mention", "hashtag", "latin", "entity"})

_LATIN: Final = r"A-Za-z\u00C0-\u024F"
#: what makes a hashtag, mention or www. part of a word when it stands right before it: a letter,
#: digit, @ # & (HTML entities); a class for inside a pattern
_IN_WORD_CLASS: Final = r"\w@#&"
_IN_WORD: Final = re.compile(f"[{_IN_WORD_CLASS}]")
#: the characters the character rules may delete (marks, tatweel, ZWSP, bidi marks...), a class
#: for inside a pattern. A hashtag or mention looks past them for what stands before it: it is
#: shorter than the Latin word it would otherwise be read in (``#C-1``: the tag ``#C``, the number
#: ``1``; ``C-1`` is one Latin word), so a deletion must not make one: ``ZWNJ#C-1`` was the
#: Latin word ``C-1``, lost its ZWNJ, and a second pass read ``#C`` and a number the digits
#: policy rewrote. Read past these, ``ZWNJ#C-1`` is a tag on both passes, ``و ZWNJ #C-1`` none.
#: the combining marks among them (harakat, hamza above, superscript alef, Quranic marks): they
#: belong to the letter before them
_MARKS_CLASS: Final = r"\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_SKIPPED_CLASS: Final = _MARKS_CLASS + r"\u0640\u00ad\u061c\u200b-\u200f\u2060\ufeff"
_SKIPPED: Final = re.compile(f"[{_SKIPPED_CLASS}]")
#: What may stand before a www. or a bare domain that is NOT its start: ``_IN_WORD_CLASS`` or a deletable
#: character, which counts as "inside a word" so that deleting it never turns a non-span into a
#: span: otherwise fix would not be idempotent (``0ً@ى`` → ``0@ی``, not ``0@ى``).
_WORDISH: Final = _IN_WORD_CLASS + _SKIPPED_CLASS
#: Arabic-script letters (no digits, marks or tatweel): a ``www.`` glued to one starts a URL, since
#: crawls lose the space between a word and a link (``سایتwww.isna.ir/کتابها``: the path was
#: Persian text the ZWNJ engine repaired); a Latin letter or digit before it still makes one word
#: (``awww.x``). Letters only, so deleting a character (ZWSP, a mark, tatweel) never turns a URL
#: into text on a second pass: fix stays idempotent.
_ARABIC_LETTER: Final = (
    r"\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
)
#: the marks that may sit on that letter before a link (``ۀ`` written ``هٔ`` with
#: ``heh_yeh=hamza``: ``ۀt.me/ك`` was a link, ``هٔt.me/ك`` text whose ك a second pass folded)
_ARABIC_MARK: Final = r"\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
#: where a link starts after a word: right after an Arabic-script letter, or one mark on it
_AFTER_ARABIC: Final = rf"(?<=[{_ARABIC_LETTER}])|(?<=[{_ARABIC_LETTER}][{_ARABIC_MARK}])"
#: where a ``www.`` starts a URL: not inside a word, or right after an Arabic-script letter
_WWW: Final = rf"(?:(?<![{_WORDISH}])|{_AFTER_ARABIC})www\."
#: the digits of Persian text; explicit ranges, since a charset with \d is scanned 2x slower
_DIGIT: Final = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
_EMAIL: Final = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
# Order matters: the first alternative that matches at a position wins, so longer identifiers come
# before the Latin words they contain.
_VERBATIM: Final = re.compile(
    "|".join(
        [
            # https://x.ir/a?b=c, www.x.com, سایتwww.x.com: up to a space or a quote (trailing
            # punctuation trimmed)
            rf"(?P<url>(?:[A-Za-z][A-Za-z0-9+.\-]*://|{_WWW})[^\s<>\"«»]+)",
            rf"(?P<email>{_EMAIL})",
            r"(?P<code>`[^`\n]+`)",
            # a mention or a hashtag holds the characters of _SKIPPED between its letters
            # (#ZWSP C-1: a deletion would otherwise make the longer tag #C on a second pass,
            # after the Latin word C-1 had kept its 1); what stands before it is read past them
            # (find_verbatim); the combining marks on its last letter are its own (#خانهٔ: left
            # out, the tag grew when a join glued a word after the mark, and fix was not
            # idempotent)
            rf"(?P<mention>(?<![{_IN_WORD_CLASS}])@(?:[{_SKIPPED_CLASS}]*\w)+[{_MARKS_CLASS}]*)",
            # #هشتگ_فارسی, with the ZWNJs a hashtag may contain; not an HTML entity (&#8204;)
            (
                rf"(?P<hashtag>(?<![{_IN_WORD_CLASS}])#(?:[{_SKIPPED_CLASS}]*[\w\u200c])+"
                rf"[{_MARKS_CLASS}]*)"
            ),
            # COVID-19, don't, e.g (a final dot is sentence punctuation, not part of the word)
            rf"(?P<latin>[{_LATIN}](?:[{_LATIN}0-9_'’+\-]|\.(?=[{_LATIN}0-9]))*)",
            # an HTML character reference: &#8204; &#x200c; &amp; (ASCII digits only, as HTML
            # reads them; a numeric one may lack its «;», as HTML still reads it). Last: no
            # other identifier starts with «&», so the Latin words never try it
            r"(?P<entity>&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;))",
        ]
    )
)


@functools.cache
def _domains() -> tuple[re.Pattern[str], frozenset[str]]:
    """The pattern of a bare domain with a path, and the TLDs it may end with; made on first use
    (most texts have no Latin word with a dot before a ``/``: the import stays as cheap).

    The pattern: ``isna.ir/news/كتاب``, ``bbc.co.uk/persian``, ``t.me/s/x``,
    ``example.com:8080/a``: labels of Latin letters, digits and hyphens, the last a TLD of
    ``khabar/data/domains/tlds.txt`` (a second-level domain, ``co.uk``, is one more label), an
    optional port, then ``/ ? #`` and the rest up to a space or a quote (trailing punctuation
    trimmed as a URL's). It starts where a ``www.`` does: not inside a word (``x_y.ir``,
    ``a9gag.com``, ``۱9gag.com`` are not read from their middle), or right after an Arabic-script letter
    (``سایتisna.ir/کتابها``: a crawl lost the space before the link). The TLDs are a set, looked
    up after the match: an alternation of 145 names took ~15 M instructions more to compile.
    """
    from importlib import resources  # here: ~90 M instructions to import, paid on first use

    text = resources.files("khabar").joinpath("data", "domains", "tlds.txt").read_text("utf-8")
    tlds = frozenset(name for line in text.split("\n") if (name := line.split("#")[0].strip()))
    pattern = re.compile(
        rf"(?:(?<![{_WORDISH}])|{_AFTER_ARABIC})"
        r"(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+(?P<tld>[A-Za-z]{2,})(?::[0-9]+)?[/?#][^\s<>\"«»]*"
    )
    return pattern, tlds


#: the characters after a Latin word that may open a domain's path or port
_PATH_START: Final = frozenset("/:?#")
#: 3.5 1,000 ۱۴۰۲/۰۷/۱۹ 12:30 ۳٫۵ ۱٬۰۰۰ (ASCII, Arabic-Indic and Persian digits)
_NUMBER: Final = re.compile(rf"{_DIGIT}+(?:[.,/:\u066b\u066c]{_DIGIT}+)*")
#: Every identifier starts with one of these characters (an e-mail that starts with digits is
#: found from its first letter or its @, then extended to the left). Python's regex engine scans
#: for a lone character class in C, but tries all seven alternatives at every position of a text, so
#: the identifiers are looked for only where a trigger is (5-10x faster).
_TRIGGER: Final = re.compile(rf"[{_LATIN}#@`&]")
#: the characters of ``_TRIGGER``, found in one C pass (a regex class costs ~5 ns a character;
#: tests/text/test_c_charscan.py checks the two sets are the same)
_TRIGGER_CHARS: Final = CharSet(
    "".join(map(chr, [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250)])) + "#@`&"
)
_EMAIL_RE: Final = re.compile(_EMAIL)
_LOCAL_PART: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
#: punctuation that ends a sentence around a URL rather than belonging to it (fix.py keeps the
#: spaces after it from being removed)
URL_TRAILING: Final = ".,;:!?'\"،؛؟)]}"


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` is a protected span of ``kind`` (url, email, code, ... number)."""

    start: int
    end: int
    kind: str
    text: str


def _trim_url(url: str) -> str:
    """Drop trailing sentence punctuation, keeping a ``)`` that closes a ``(`` inside the URL."""
    while url and url[-1] in URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _is_tld(name: str, tlds: frozenset[str]) -> bool:
    """Whether ``name`` is one of ``tlds``, in lower or upper case (``ir``, ``IR``)."""
    return name in tlds or (name.isupper() and name.lower() in tlds)


#: the ASCII digits, dots and hyphens a domain's first labels may hold before its first letter
_DOMAIN_LEAD: Final = frozenset("0123456789.-")


def _domain_start(text: str, start: int, floor: int) -> int:
    """Where a domain holding the Latin word at ``start`` may begin: left over the ASCII digits,
    dots and hyphens glued before it (``9gag.com``, ``123.ir``; no further left than ``floor``),
    to a digit. Persian and Arabic-Indic digits are no part of a domain: ``۱۲۳.ir/a`` is none."""
    first = start
    while first > floor and text[first - 1] in _DOMAIN_LEAD:
        first -= 1
    while first < start and not text[first].isdigit():
        first += 1
    return first


def _domain_link(text: str, start: int) -> tuple[int, int] | None:
    """The span of the bare domain with a path at ``start`` (:func:`_domains`), or None."""
    pattern, tlds = _domains()
    domain = pattern.match(text, start)
    if domain is None or not _is_tld(domain.group("tld"), tlds):
        return None
    end = start + len(_trim_url(domain.group()))
    return (start, end) if end > domain.end("tld") else None  # a path is left: a link


def _glued_past_skipped(text: str, at: int) -> bool:
    """Whether the hashtag or mention at ``at`` is inside a word once the characters of
    ``_SKIPPED`` before it are read past (``کتاب‌#تگ``, ``0ً@x``: yes; ``‌#تگ`` at a line's start,
    `` ‌#تگ``: no)."""
    first = at
    # a character of _SKIPPED that is a word character too (tatweel, ۥ ۦ: \w to the pattern's
    # look-behind) ends the walk: it blocks a tag right before it, so it must on every pass
    while (
        first > 0
        and _SKIPPED.match(text, first - 1, first)
        and not _IN_WORD.match(text, first - 1, first)
    ):
        first -= 1
    return first < at and first > 0 and _IN_WORD.match(text, first - 1) is not None


def _email_from_left(text: str, at: int, floor: int) -> re.Match[str] | None:
    """An e-mail address whose local part starts left of ``at`` with digits (``12ab@x.ir``)."""
    start = at
    while start > floor and text[start - 1] in _LOCAL_PART:
        start -= 1
    while start < at and not text[start].isalnum():
        start += 1
    return _EMAIL_RE.match(text, start) if start < at else None


def find_verbatim(text: str) -> list[Span]:
    """The identifiers of ``text`` (URLs, e-mails, code, mentions, hashtags, Latin words).

    These are copied byte for byte by every rule of :func:`khabar.fix`.

    >>> [(s.kind, s.text) for s in find_verbatim("با 12ab@x.ir و #تگ در ۱۴۰۲")]
    [('email', '12ab@x.ir'), ('hashtag', '#تگ')]
    """
    spans = []
    find, match = _TRIGGER_CHARS.find, _VERBATIM.match
    pos = 0
    while (at := find(text, pos)) >= 0:
        m = match(text, at)
        if m is not None and m.lastgroup in ("mention", "hashtag") and _glued_past_skipped(text, at):
            m = None
        if m is None or m.lastgroup in ("email", "latin"):
            left = _email_from_left(text, at, pos)
            m = left or m
        if m is None:
            pos = at + 1
            continue
        kind = m.lastgroup or "email"
        start, end = m.span()
        if kind == "latin" and end < len(text) and text[end] in _PATH_START:
            # a bare domain with a path (isna.ir/news/كتاب, 9gag.com/x, 123.ir/a): a link, not
            # a Latin word; without a path (isna.ir) it stays the Latin word, verbatim all the same
            first = _domain_start(text, start, pos)
            if "." in text[first:end]:
                link = _domain_link(text, first)
                if link is None and first < start:
                    link = _domain_link(text, start)
                if link is not None:
                    kind, start, end = "url", *link
        elif kind == "url":
            end = start + len(_trim_url(m.group()))
            if end - start < 5:  # "www." alone, or a scheme with nothing after it
                pos = at + 1
                continue
        spans.append(Span(start, end, kind, text[start:end]))
        pos = end
    return spans


def find_spans(text: str) -> list[Span]:
    """Every protected span of ``text``: identifiers, and the numbers between them; in order.

    >>> [s.text for s in find_spans("ایمیل info@khabar.ir و (http://a.ir/x) ساعت 12:30.")]
    ['info@khabar.ir', 'http://a.ir/x', '12:30']
    >>> find_spans("متن فارسی بدون عدد")
    []
    """
    spans = []
    pos = 0
    for ident in [*find_verbatim(text), None]:
        end = len(text) if ident is None else ident.start
        spans += [
            Span(m.start(), m.end(), "number", m.group()) for m in _NUMBER.finditer(text, pos, end)
        ]
        if ident is not None:
            spans.append(ident)
            pos = ident.end
    return spans
