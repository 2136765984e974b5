"""Title, lead, body paragraphs and byline of a news text (after boilerplate removal and repair).

The text is taken one paragraph a line (blank lines are only separators). Then:

- **title**: ``title_hint`` when the caller has one (from HTML ``<title>``/``og:title`` or a record
  field); a first line equal to it (ZWNJ, spaces and ي/ك aside), or to its title part in
  ``عنوان | نام سایت``, is the title line, and one or two short lines above it are its surtitle. Without a hint,
  the first line is the title when it reads like one: at most ``TITLE_MAX_WORDS`` words, no final
  full stop, and more text after it.
- **dateline**: a line that is only a dateline (``تهران- ایرنا-``, or ``خبرگزاری فارس :`` alone
  above its lead) is kept apart, not taken for the lead.
- **byline**: a labelled line (``خبرنگار: ...``, ``نویسنده: ...``, ``به قلم ...``) in the first or
  last lines.
- **lead** (لید): the first paragraph after the title, when it reads like a summary (at most
  ``LEAD_MAX_WORDS`` words) and more paragraphs follow, or the paragraph equal to ``lead_hint``.
  A ``lead_hint`` that is not in the text (a record's abstract kept apart from its body, as
  FarsNews dumps have it) is the lead itself, as the title hint is the title; unless it only
  repeats the title, or is part of one of the first paragraphs (a teaser cut short with
  ``...``, or the lead under a dateline).
  News writing puts its summary first; when the next paragraph opens with an attribution formula
  (``به گزارش ...``) that summary is certainly the lead, and a longer first paragraph is allowed.
  An agency header opening the lead (``خبرگزاری فارس: ...``, ``تهران- ایرنا- ...``) is its
  dateline, not part of it, when no dateline line came before (a lead that is only a header is
  no lead).
- **paragraphs**: everything else, in order.

Nothing is dropped: ``title``, ``dateline``, ``byline``, ``lead`` and ``paragraphs`` together hold
every non-blank line of the input (the title and lead as written in the text when they are there;
a lead's header and the lead are its line).

>>> s = structure("عنوان خبر\\n\\nخلاصه خبر.\\n\\nبه گزارش ایسنا، متن.\\n\\nادامه متن.")
>>> s.title, s.lead, s.paragraphs
('عنوان خبر', 'خلاصه خبر.', ['به گزارش ایسنا، متن.', 'ادامه متن.'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from khabar._native import c_extension
from khabar.news._fold import EDGE_PUNCT, fold_bare, fold_lines
from khabar.news.gazetteer import (
    DATELINE_CITY,
    city_then,
    fold1,
    fold1_document,
    load_gazetteer,
)

#: ``khabar._c.linescan`` when it is built, else None (its twin runs: the same results)
_LINESCAN: Any = c_extension("khabar._c.linescan")

__all__ = ["LEAD_MAX_WORDS", "SURTITLE_MAX_LINES", "TITLE_MAX_WORDS", "NewsStructure", "structure"]

#: Persian news titles run 5-20 words; a first line longer than this is a paragraph.
TITLE_MAX_WORDS = 30
#: Leads are one to three sentences; a longer first paragraph is body unless an attribution
#: formula follows it.
LEAD_MAX_WORDS = 90
#: With an attribution formula right after it, the first paragraph is the lead up to this length.
LEAD_MAX_WORDS_BEFORE_ATTRIBUTION = 200


@dataclass(frozen=True, slots=True)
class NewsStructure:
    """The parts of a news text.

    Attributes:
        title: the headline, or ``None`` when neither a hint nor the first line gives one.
        lead: the lead paragraph (لید), or ``None``.
        paragraphs: the body paragraphs in order, without title, lead, dateline and byline.
        byline: the reporter or writer line, as written (``خبرنگار: علی رضایی``), or ``None``.
        dateline: a line that is only a dateline (``تهران- ایرنا-``), or ``None``.
        title_in_text: whether the title is a line of the text (``False`` when it came only from
            ``title_hint``).
        lead_in_text: whether the lead is lines of the text (``False`` when it came only from
            ``lead_hint``, or there is none).
        surtitle: the line(s) above the title (روتیتر), found only when ``title_hint`` names a
            title line under them.
    """

    title: str | None
    lead: str | None
    paragraphs: list[str] = field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None
    title_in_text: bool = False
    surtitle: str | None = None
    lead_in_text: bool = False


_Z = r"[\u200c ]?"
_SENTENCE_FULL_STOP = re.compile(r"[.…][\s\"'»)\]]*$")
_ATTRIBUTION_START = re.compile(rf"^\s*(?:به{_Z}گزارش|به{_Z}نقل{_Z}از)(?![\w\u200c])")
_BYLINE = re.compile(
    rf"^\s*(?:(?:خبرنگار|نویسنده|گزارشگر|گزارش|گفت{_Z}و{_Z}گو|تهیه{_Z}و{_Z}تنظیم|مترجم|ترجمه)\s*[:：]"
    r"|به\s+قلم\s*:?)\s*[^\s:،,.0-9][^:،,.!?؟\n]{1,40}$"
)


@cache
def _dateline_only() -> re.Pattern[str]:
    names = load_gazetteer().pattern.pattern
    strong = load_gazetteer().strong_pattern.pattern
    # «تهران- ایرنا-», «تهران (پانا) -», and an agency alone before its lead: «خبرگزاری فارس :»
    return re.compile(
        rf"^\s*(?:{DATELINE_CITY}\s*[-–—]\s*(?:{names})\s*[-–—]?"
        rf"|{DATELINE_CITY}\s*\(\s*(?:{names})\s*\)\s*[-–—]?"
        rf"|(?:{strong})\s*[:：_])\s*$"
    )


def _opening(space: str, after_agency: str) -> re.Pattern[str]:
    """A paragraph opening with an agency: a strong agency name and a mark of ``after_agency``
    («خبرگزاری فارس:»), or a dateline city, a dash, an agency and a dash («تهران- ایرنا-»);
    ``space`` is the whitespace allowed around them."""
    names = load_gazetteer().pattern.pattern
    strong = load_gazetteer().strong_pattern.pattern
    s = space
    return re.compile(rf"^{s}*(?:(?:{strong}){s}*{after_agency}"
                      rf"|{DATELINE_CITY}{s}*[-–—]{s}*(?:{names}){s}*[-–—])")


@cache
def _agency_opening() -> re.Pattern[str]:
    """A paragraph opening with an agency: «خبرگزاری فارس:», «تهران- ایرنا-»."""
    return _opening(r"\s", "[:：]")


def _words(line: str) -> int:
    return len(line.split())


# A character each alternative of _agency_opening() and _dateline_only() needs; a line without
# any is not tried (most lines are prose, and the city part of those patterns backtracks a lot).
# A character class searched in C: one scan of the line instead of a Python test per mark.
_AGENCY_OPENING_MARKS = re.compile("[:：\\-–—]")
_DATELINE_MARKS = re.compile("[:：_\\-–—(]")


# These take a line's fold1 (which leaves the marks alone).
def _opens_with_attribution(folded: str) -> bool:
    return bool(_ATTRIBUTION_START.match(folded)) or (
        _AGENCY_OPENING_MARKS.search(folded) is not None and bool(_agency_opening().match(folded))
    )


def _is_byline(folded: str) -> bool:
    return bool(_BYLINE.match(folded))


def _is_dateline(folded: str) -> bool:
    # a city and a dash or a parenthesis, or a strong agency name and a colon ending the line
    return (city_then(folded, "-–—(") or folded.rstrip().endswith((":", "：", "_"))) and bool(
        _dateline_only().match(folded))


@cache
def _lead_header() -> re.Pattern[str]:
    """An agency header opening a lead: «خبرگزاری فارس:», «خبرگزاری فارس -», «تهران- ایرنا-»
    (the marks of a header alone on its line too; no line break inside)."""
    return _opening(r"[ \t]", r"[:：_\-–—]")


def _split_header(lead: str) -> tuple[str | None, str | None]:
    """A lead's opening agency header apart from the lead: ``("خبرگزاری فارس:", "رئیس ...")``
    for «خبرگزاری فارس: رئیس ...» (and «تهران- ایرنا- ...»); ``(None, lead)`` when it has none;
    ``(header, None)`` when it is nothing but the header.

    >>> _split_header("خبرگزاري فارس: وزیر گفت: جلسه لغو شد.")
    ('خبرگزاري فارس:', 'وزیر گفت: جلسه لغو شد.')
    >>> _split_header("خبرگزاري فارس_ قیمت نفت بالا رفت.")
    ('خبرگزاري فارس_', 'قیمت نفت بالا رفت.')
    >>> _split_header("امام جمعه تبریز گفت: جلسه لغو شد.")
    (None, 'امام جمعه تبریز گفت: جلسه لغو شد.')
    """
    folded = fold1(lead)  # one character for one: the match's end is the lead's too
    if _DATELINE_MARKS.search(folded) is None:
        return None, lead
    m = _lead_header().match(folded)
    if m is None:
        return None, lead
    return lead[:m.end()].strip(), lead[m.end():].strip() or None


def _lines_and_folds(text: str) -> tuple[list[str], list[str]]:
    """The stripped non-blank lines, and each one's :func:`fold1` at the same index (the text is
    folded once: fold1 maps one character to one and leaves spaces and line breaks alone, so a
    line's fold is the fold's line): one C pass over both (``khabar._c.linescan.lines_and_folds``)
    when it is built, else :func:`_lines_and_folds_py`. Two lists, not a dict by line: hashing
    every line (a few KB a document) cost more than the look-ups it served."""
    if _LINESCAN is None:
        return _lines_and_folds_py(text, fold1_document(text))
    lines, folds = _LINESCAN.lines_and_folds(text, fold1_document(text))
    return lines, folds


def _lines_and_folds_py(text: str, folded_text: str) -> tuple[list[str], list[str]]:
    """The stripped non-blank lines of ``text``, and each one's stripped line of ``folded_text``
    (the lines taken in pairs): the twin of ``khabar._c.linescan.lines_and_folds``.

    >>> _lines_and_folds_py(" الف \\n\\nب\\n", " A \\n\\nB\\n")
    (['الف', 'ب'], ['A', 'B'])
    """
    lines: list[str] = []
    folds: list[str] = []
    for line, folded in zip(text.split("\n"), folded_text.split("\n"), strict=True):
        stripped = line.strip()
        if stripped:
            lines.append(stripped)
            folds.append(folded.strip())
    return lines, folds


def _title_like(line: str) -> bool:
    return _words(line) <= TITLE_MAX_WORDS and not _SENTENCE_FULL_STOP.search(line)


def _same(a: str, b: str) -> bool:
    key = _key(a)
    return bool(key) and key == _key(b)


def _key(text: str) -> str:
    """:func:`fold_bare` of ``text``: through :func:`fold_lines`'s one pass when ``text`` is one
    line (fold_bare maps each character in turn through some hundred variants, about 10
    microseconds for a title), else fold_bare itself (fold_bare joins the lines before it
    lowercases them; fold_lines lowercases each line: a Greek Σ before a line break differs).

    >>> _key("«خبرگزاري فارس»"), _key("ΑΣ\\nΒ") == fold_bare("ΑΣ\\nΒ")
    ('خبرگزاریفارس', True)
    """
    if "\n" in text:
        return fold_bare(text)
    return fold_lines(text)[0].strip(EDGE_PUNCT)


def _keys(lines: list[str]) -> list[str]:
    """:func:`fold_bare` of each line (none holds a line break), all folded in one pass
    (:func:`fold_lines` gives :func:`fold` of every line; a test in tests/news holds it to it).

    >>> _keys(["خبرگزاري فارس:", "«عنوان»"])
    ['خبرگزاریفارس', 'عنوان']
    """
    if not lines:
        return []
    return [key.strip(EDGE_PUNCT) for key in fold_lines("\n".join(lines))]


#: an ellipsis that ends a teaser: «...», «…», «..»
_TRAILING_ELLIPSIS = re.compile(r"(?:\.{2,}|…)\s*$")
#: a hint shorter than this (folded characters) is too short to be found inside a paragraph
HINT_MIN_CHARS = 20
#: how many of the first paragraphs a lead hint is looked for in
HINT_SEARCH_PARAGRAPHS = 3


def _inside_opening(hint: str, body_keys: list[str]) -> bool:
    """Whether ``hint`` is part of one of the first paragraphs (``body_keys``: the body's
    :func:`_keys`): a description made by cutting the body short (a teaser, «...»), or the lead
    with a dateline before it. Such a hint is in the text already, so it is not a lead of its own.

    >>> body = _keys(["سخنگوی دولت گفت قیمت جدید بنزین از بامداد فردا اعمال می‌شود.", "وی افزود: ..."])
    >>> _inside_opening("سخنگوی دولت گفت قیمت جدید بنزین از بامداد...", body)
    True
    >>> _inside_opening("سخنگوی دولت خبر داد: بنزین گران نمی‌شود.", body)
    False
    """
    head = _key(_TRAILING_ELLIPSIS.sub("", hint))
    if len(head) < HINT_MIN_CHARS:
        return False
    return any(head in key for key in body_keys[:HINT_SEARCH_PARAGRAPHS])


# «عنوان خبر | خبرگزاری تسنیم», «عنوان خبر - خبرآنلاین»: site names joined to <title>
_TITLE_PARTS = re.compile(r"\s+[-|–—:»«]\s+|\s*\|\s*|\s+::\s+")
#: how many lines may stand above the title (a surtitle, روتیتر), when a hint finds the title
SURTITLE_MAX_LINES = 2
SURTITLE_MAX_WORDS = 25


def _title_line(lines: list[str], hint: str) -> int | None:
    """Index of the line the hint names (equal to it, or to one part of a «title | site» hint):
    the first line, or one under a short surtitle. The hint and its parts are folded once."""
    hint_key = _key(hint)
    parts: list[str] | None = None
    for i, line in enumerate(lines[:SURTITLE_MAX_LINES + 1]):
        key = _key(line)
        if key and key == hint_key:
            return i
        if parts is None:
            parts = [_key(p) for p in _TITLE_PARTS.split(hint)]
        if len(parts) > 1 and len(key) >= 8 and key in parts:
            return i
        if not _title_like(line) or _words(line) > SURTITLE_MAX_WORDS:
            return None
    return None


def structure(
    text: str, *, title_hint: str | None = None, lead_hint: str | None = None
) -> NewsStructure:
    """Split a news text into title, lead, body paragraphs, byline and dateline.

    Args:
        text: repaired text, one paragraph a line.
        title_hint: the title from metadata, when known; it wins over guessing.
        lead_hint: the lead (subtitle, abstract) from metadata, when known.

    Returns:
        A :class:`NewsStructure`; on empty text, everything is ``None`` or empty (and
        ``title_hint`` is kept as the title).

    >>> structure("", title_hint="عنوان").title
    'عنوان'
    >>> structure("تهران- ایرنا-\\nرئیس‌جمهور امروز به نیویورک سفر کرد.").dateline
    'تهران- ایرنا-'
    """
    lines, folds = _lines_and_folds(text)  # folds[i] is lines[i]'s fold1: both lose the same lines
    hint = title_hint.strip() if title_hint and title_hint.strip() else None

    title: str | None = None
    title_in_text = False
    surtitle: str | None = None
    at = _title_line(lines, hint) if hint is not None else None
    if at is not None:
        # the lines above the title are its surtitle (روتیتر): «در گفت‌وگو با ...»
        title, title_in_text = lines[at], True
        surtitle = "\n".join(lines[:at]) or None
        del lines[:at + 1]
        del folds[:at + 1]
    elif hint is not None:
        title = hint
    elif len(lines) >= 2 and _title_like(lines[0]) and not _opens_with_attribution(folds[0]):
        title, title_in_text = lines.pop(0), True
        del folds[0]

    dateline: str | None = None
    byline: str | None = None
    body: list[str] = []
    body_folds: list[str] = []
    for i, line in enumerate(lines):
        edge = i < 3 or i >= len(lines) - 3
        if dateline is None and i < 3 and _is_dateline(folds[i]):
            dateline = line
        elif byline is None and edge and _is_byline(folds[i]):
            byline = line
        else:
            body.append(line)
            body_folds.append(folds[i])

    lead: str | None = None
    lead_in_text = False
    hint_lines = [h.strip() for h in (lead_hint or "").split("\n") if h.strip()]
    if hint_lines and title is not None and _same("\n".join(hint_lines), title):
        hint_lines = []  # a record that repeats its title as its summary gives no lead
    if hint_lines:
        # A hint may span lines (a subtitle with a link under it): match them all, in a row.
        # each line is folded once (the hint's lines are looked for at every place in the body)
        k = len(hint_lines)
        hint_keys = _keys(hint_lines)
        body_keys = _keys(body)
        # the lines equal the hint's, none folding to "" (_same)
        at = next((i for i in range(len(body) - k + 1) if body_keys[i:i + k] == hint_keys),
                  None) if all(hint_keys) else None
        if at is not None:
            lead, lead_in_text = "\n".join(body[at:at + k]), True
            del body[at:at + k]
            del body_folds[at:at + k]
        else:
            if _inside_opening("\n".join(hint_lines), body_keys):
                hint_lines = []  # in the text already: guess the lead there, as without a hint
            else:
                lead = "\n".join(hint_lines)  # a lead kept apart from the body
    if lead is None and not hint_lines and len(body) >= 2 and not _ATTRIBUTION_START.match(
            body_folds[0]):
        # «خبرگزاری فارس: ...» and «تهران- ایرنا- ...» open leads; «به گزارش ...» opens the body.
        limit = (LEAD_MAX_WORDS_BEFORE_ATTRIBUTION if _opens_with_attribution(body_folds[1])
                 else LEAD_MAX_WORDS)
        if _words(body[0]) <= limit:
            lead, lead_in_text = body.pop(0), True
    if lead is not None and dateline is None:
        header, rest = _split_header(lead)
        if header is not None:
            dateline, lead = header, rest
    return NewsStructure(
        title=title, lead=lead, paragraphs=body, byline=byline, dateline=dateline,
        title_in_text=title_in_text, surtitle=surtitle, lead_in_text=lead_in_text,
    )
