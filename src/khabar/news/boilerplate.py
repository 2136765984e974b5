"""Per-document boilerplate removal for Persian news text: what a reader of the page knows is not
the article.

Runs on the raw extracted text, before orthography repair, so every comparison is made on
:func:`~khabar.news._fold.fold` keys (ZWNJ, spaces, Arabic/Persian letter variants and digit
scripts do not matter), while the lines kept and removed are the original lines. Lines repeated
across a site's pages are the corpus-level step's business, not this one's.

Four rules, in this order:

1. ``duplicate_title``: the first line repeated among the next few lines (pages print the title in
   the breadcrumb and again as the heading).
2. The footer tail: from a heading that opens related/trending lists (``واژه های کاربردی مرتبط``,
   ``پربیننده‌ترین اخبار``, ``آخرین خبرهای روز`` ...) to the end of the text, when every line there
   is short and does not end in a full stop (menu items, sponsor names, headlines), everything
   goes. A long line or a line ending in a full stop after the heading means the heading was not
   a footer, and nothing is cut.
3. Phrase lines: share and print buttons, comment widgets, ``کد خبر: ...``, ``تبلیغات``, photo
   credits, ``انتهای پیام``, the site's promotion of itself (``... را در سایت باشگاه خبرنگاران
   جوان مشاهده کنید``): whole lines only, from ``data/boilerplate.tsv``.
4. ``duplicate_line``: a long line repeated right after itself (extraction artefact).

A real short paragraph (a one-line quote, a dateline ``تهران- ایرنا-``, a one-word answer ``بله.``)
is never removed for being short: shortness only matters after a footer heading.

>>> kept, removed = strip_boilerplate("عنوان خبر\\n\\nعنوان خبر\\n\\nمتن خبر.\\n\\nکد خبر: ۱۲۳۴")
>>> kept
'عنوان خبر\\n\\nمتن خبر.'
>>> [(r.line, r.reason) for r in removed]
[(2, 'duplicate_title'), (6, 'metadata')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import islice
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from khabar._native import c_extension, reduce_by_constructor
from khabar.document import Removed
from khabar.errors import ConfigError
from khabar.news._fold import (
    EDGE_PUNCT,
    fold,
    fold_bare,
    fold_lines,
    fold_spaced,
    fold_with_boundaries,
)
from khabar.news._tsv import tsv_rows

__all__ = ["BoilerplateConfig", "Phrase", "load_phrases", "strip_boilerplate"]

REASONS = frozenset({
    "duplicate_title", "duplicate_line", "related_links", "footer", "share", "copyright", "ads",
    "photo_credit", "comments", "metadata", "navigation", "end_marker",
})


@dataclass(frozen=True, slots=True)
class BoilerplateConfig:
    """Thresholds of :func:`strip_boilerplate`.

    Attributes:
        title_window: how many non-blank lines after the first one are searched for a repeat of
            it (a repeat further down is a quote of the title, not page chrome).
        title_min_chars: a first line shorter than this (folded) is not taken for a title, so
            ``بله.`` answered twice stays.
        footer_max_words: a line after a footer heading with more words than this is article
            text, so the heading did not open a footer. Sponsor names and menu items have 1-4
            words, related headlines 6-12.
        related_block_lines: after a ``بیشتر بخوانید`` line standing alone, at most this many
            headline-like lines (short, no sentence end) are removed with it.
        related_max_words: how long such a headline may be; related headlines are often two
            titles joined by ``|``.
        min_duplicate_chars: a line repeated right after itself is removed only when its key has
            at least this many characters (``بله.`` twice is a dialogue, a caption twice is not).
        phrases: a TSV file in the format of ``khabar/data/boilerplate.tsv`` to use instead of it.
    """

    title_window: int = 4
    title_min_chars: int = 8
    footer_max_words: int = 14
    related_block_lines: int = 5
    related_max_words: int = 25
    min_duplicate_chars: int = 20
    phrases: str | None = None

    def __post_init__(self) -> None:
        for name in ("title_window", "title_min_chars", "footer_max_words", "related_block_lines",
                     "related_max_words", "min_duplicate_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 0:
                raise ConfigError(
                    f"BoilerplateConfig.{name} must be a non-negative integer, got {value!r}; "
                    "the class docstring says what each threshold does"
                )

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return reduce_by_constructor(self)  # a compiled frozen class unpickles only this way


@dataclass(frozen=True, slots=True)
class Phrase:
    """One row of the boilerplate phrase table (see the header of ``data/boilerplate.tsv``)."""

    reason: str
    kind: str  # "line" | "prefix"
    where: str  # "any" | "tail"
    starts_footer: bool
    max_words: int
    phrase: str
    key: str
    #: the compiled phrase of a ``pattern`` row (matched against :func:`fold_spaced` of the line)
    regex: re.Pattern[str] | None = None


#: the thresholds strip_boilerplate uses when it is given none (a frozen record: made once)
_DEFAULT_CONFIG = BoilerplateConfig()


# Paragraphs of the article end in a full stop; headlines and menu items do not, though a
# related headline may end in «؟» or «!» («چرا دلار گران شد؟»), so only the full stop counts.
_PERIOD_END = re.compile(r"[.…][\s\"'»)\]]*$")
_CLOSERS = "\"'»)]"  # what may follow the full stop in _PERIOD_END, besides spaces


def _ends_in_full_stop(text: str) -> bool:
    """``_PERIOD_END.search(text)``, without trying the regex at every full stop of a paragraph.

    >>> _ends_in_full_stop("گفت: «بله.» "), _ends_in_full_stop("چرا؟"), _ends_in_full_stop("۱.۵ درصد")
    (True, False, False)
    """
    while True:
        trimmed = text.rstrip().rstrip(_CLOSERS)
        if trimmed == text:
            return text.endswith((".", "…"))
        text = trimmed


def _parse_phrases(text: str, source: str) -> tuple[Phrase, ...]:
    rows: list[Phrase] = []
    columns = ("reason", "kind", "where", "start", "max_words", "phrase")
    for number, cells in tsv_rows(text, source, columns):
        reason, kind, where, start, max_words, phrase = cells
        problems = []
        if reason not in REASONS:
            problems.append(f"reason {reason!r} is not one of {sorted(REASONS)}")
        if kind not in ("line", "prefix", "pattern"):
            problems.append(f"kind {kind!r} is not 'line', 'prefix' or 'pattern'")
        if where not in ("any", "tail"):
            problems.append(f"where {where!r} is not 'any' or 'tail'")
        if start not in ("yes", "no"):
            problems.append(f"start {start!r} is not 'yes' or 'no'")
        if not max_words.isdigit():
            problems.append(f"max_words {max_words!r} is not a non-negative integer")
        regex = None
        if kind == "pattern":
            key = _literal_end(phrase)
            try:
                regex = re.compile(phrase)
            except re.error as exc:
                problems.append(f"the pattern is not a regular expression: {exc}")
            if max_words in ("", "0"):
                problems.append("a pattern row needs max_words above 0 (a long line is a sentence)")
        else:
            key = fold(phrase) if kind == "prefix" else fold_bare(phrase)
        if not key and kind != "pattern":
            problems.append("the phrase is empty once spaces and punctuation are folded away")
        if problems:
            raise ConfigError(f"{source} line {number}: " + "; ".join(problems) + ". Fix the row.")
        rows.append(Phrase(reason, kind, where, start == "yes", int(max_words), phrase, key, regex))
    return tuple(rows)


_REGEX_SYNTAX = re.compile(r"[\\^$.|?*+()\[\]{}]")


def _literal_end(pattern: str) -> str:
    """The fold of the literal text a regular expression ends with (``""`` if it ends in regex
    syntax): a line whose key does not end with it cannot match, so most lines skip the regex.

    >>> _literal_end(".+ را (مشاهده|دنبال) کنید"), _literal_end(r"کانال \\S+"), _literal_end("(الف|ب)")
    ('کنید', '', '')
    """
    ends = [m.end() for m in _REGEX_SYNTAX.finditer(pattern)]
    start = ends[-1] if ends else 0
    if start and pattern[start - 1] == "\\":  # an escape such as \S: its letter is syntax too
        start += 1
    return fold_bare(pattern[start:]) if start < len(pattern) else ""


@cache
def load_phrases(path: str | None = None) -> tuple[Phrase, ...]:
    """The phrase table from ``path``, or the one shipped in ``khabar/data/boilerplate.tsv``.

    Raises:
        ConfigError: a row is malformed (the message names the file, the line and the problem).
    """
    if path is None:
        text = resources.files("khabar.data").joinpath("boilerplate.tsv").read_text(encoding="utf-8")
        return _parse_phrases(text, "khabar/data/boilerplate.tsv")
    return _parse_phrases(Path(path).read_text(encoding="utf-8"), path)


class _Line(NamedTuple):  # a tuple: built for every line of every document
    number: int  # 0-based line number in the text (not `index`: tuple.index is a method)
    text: str
    blank: bool
    key: str
    stripped: str  # the text without the whitespace at its ends ("" for a blank line)
    phrase: Phrase | None


# A line's word count and full stop are read for a few lines only (the last lines, for the footer;
# those under a related-links heading), so they are computed there, not for every line.
def _words(line: _Line) -> int:
    return len(line.stripped.split())


def _ends_sentence(line: _Line) -> bool:
    return _ends_in_full_stop(line.stripped)


@dataclass(frozen=True, slots=True)
class _PhraseIndex:
    """The phrase table arranged for lookup: whole-line phrases by key, prefixes in order."""

    lines: Mapping[str, Phrase]
    prefixes: tuple[Phrase, ...]
    prefix_keys: tuple[str, ...]
    patterns: tuple[Phrase, ...] = ()
    #: the longest line (in words) any pattern may match: longer lines skip the patterns
    pattern_words: int = 0
    #: the literal ends of the patterns (:func:`_literal_end`): other lines skip the patterns
    pattern_ends: tuple[str, ...] = ()
    #: the length of the longest key of ``lines``: a longer line is not looked up
    line_chars: int = 0


@cache
def _index(path: str | None) -> _PhraseIndex:
    """The phrase table of ``path`` (see :func:`load_phrases`), arranged for lookup; cached by
    path, since hashing the table itself to look it up cost more than the lookups."""
    phrases = load_phrases(path)
    lines: dict[str, Phrase] = {}
    for p in phrases:
        if p.kind == "line":
            lines.setdefault(p.key, p)
    prefixes = tuple(p for p in phrases if p.kind == "prefix")
    patterns = tuple(p for p in phrases if p.kind == "pattern")
    return _PhraseIndex(MappingProxyType(lines), prefixes, tuple(p.key for p in prefixes),
                        patterns, max((p.max_words for p in patterns), default=0),
                        tuple({p.key for p in patterns}), max(map(len, lines), default=0))


def _match_phrase(stripped: str, key: str, bare: str, words: int,
                  index: _PhraseIndex) -> Phrase | None:
    """The phrase a line is, or starts with; ``key`` is the line's :func:`fold`, ``bare`` the key
    without the punctuation at its ends."""
    if not bare:
        return None
    whole = index.lines.get(bare)
    if whole is not None:
        return whole
    if not key.startswith(index.prefix_keys):  # the common case: one C call, no boundaries
        return None
    key, ends = fold_with_boundaries(stripped)
    for p in index.prefixes:
        if key.startswith(p.key) and len(p.key) in ends and (
            p.max_words == 0 or words <= p.max_words
        ):
            return p
    return None


def _match_pattern(stripped: str, bare: str, words: int,
                   patterns: tuple[Phrase, ...]) -> Phrase | None:
    """The ``pattern`` row whose regular expression matches the whole line (its
    :func:`fold_spaced`, punctuation at the ends stripped), if any; ``bare`` is the line's key."""
    spaced = fold_spaced(stripped).strip(EDGE_PUNCT + " ")
    for p in patterns:
        if (words <= p.max_words and bare.endswith(p.key) and p.regex is not None
                and p.regex.fullmatch(spaced)):
            return p
    return None


def _analyse_lines_py(raw_lines: list[str], keys: list[str], edge: str,
                      whole_lines: Mapping[str, Phrase], whole_chars: int,
                      prefix_keys: tuple[str, ...], pattern_ends: tuple[str, ...],
                      line_type: type[_Line]) -> tuple[list[_Line], list[int]]:
    """Every line as a ``line_type`` (its phrase None), and the numbers of the lines that may be a
    phrase: a key stripped of ``edge`` that is in ``whole_lines`` (whose longest key has
    ``whole_chars`` characters), a key that starts with one of ``prefix_keys``, or one whose
    stripped key ends with one of ``pattern_ends``. The twin of
    ``khabar._c.linescan.analyse_lines``.

    >>> lines, maybe = _analyse_lines_py(["  کد خبر: ۱۲ ", "", "متن"], ["کدخبر:12", "", "متن"],
    ...                                  ":", {}, 0, ("کدخبر",), (), _Line)
    >>> lines[0], lines[1].blank, maybe
    (_Line(number=0, text='  کد خبر: ۱۲ ', blank=False, key='کدخبر:12', stripped='کد خبر: ۱۲', phrase=None), True, [0])
    """
    lines: list[_Line] = []
    candidates: list[int] = []
    append = lines.append
    # a _Line made as NamedTuple._make makes it (tuple.__new__ in C), not through the generated
    # Python __new__: 0.15 microseconds less a line, 27 lines a document
    new = tuple.__new__
    for index, (text, key) in enumerate(zip(raw_lines, keys, strict=True)):
        stripped = text.strip()
        if not stripped:
            append(new(line_type, (index, text, True, "", "", None)))
            continue
        bare = key.strip(edge)
        if (bare and ((len(bare) <= whole_chars and bare in whole_lines)
                     or key.startswith(prefix_keys))) or bare.endswith(pattern_ends):
            candidates.append(index)
        append(new(line_type, (index, text, False, bare, stripped, None)))
    return lines, candidates


#: ``khabar._c.linescan`` when it is built, else None (its twins run: the same results)
_C: Any = c_extension("khabar._c.linescan")
_analyse_lines = _analyse_lines_py if _C is None else _C.analyse_lines


def _analyse_phrased(raw_lines: list[str], keys: list[str],
                     phrases: _PhraseIndex) -> tuple[list[_Line], bool]:
    """Every line with its key and phrase (``keys`` are the lines' folds), and whether any of
    them is (or starts with) a phrase."""
    lines, candidates = _analyse_lines(raw_lines, keys, EDGE_PUNCT, phrases.lines,
                                       phrases.line_chars, phrases.prefix_keys,
                                       phrases.pattern_ends, _Line)
    phrased = False
    # the few lines that may be a phrase (421 in 3,000 generated documents' 80,700 lines)
    for index in candidates:
        line = lines[index]
        key, bare, stripped = keys[index], line.key, line.stripped
        phrase = None
        if bare and (bare in phrases.lines or key.startswith(phrases.prefix_keys)):
            phrase = _match_phrase(stripped, key, bare, len(stripped.split()), phrases)
        # and the patterns' literal ends before their word limit
        if phrase is None and bare.endswith(phrases.pattern_ends):
            words = len(stripped.split())
            if words <= phrases.pattern_words:
                phrase = _match_pattern(stripped, bare, words, phrases.patterns)
        if phrase is not None:
            lines[index] = line._replace(phrase=phrase)
            phrased = True
    return lines, phrased


def _headline_like(line: _Line, config: BoilerplateConfig) -> bool:
    return _words(line) <= config.footer_max_words and not _ends_sentence(line)


def _duplicate_title(lines: list[_Line], config: BoilerplateConfig) -> dict[int, str]:
    # the first line and the title_window after it: the rest is never read
    content = list(islice((ln for ln in lines if not ln.blank), 1 + config.title_window))
    if not content:
        return {}
    title = content[0]
    if _ends_in_full_stop(title.text):  # a first line ending in a full stop is a paragraph
        return {}
    return {
        ln.number: "duplicate_title"
        for ln in content[1:1 + config.title_window]
        if len(ln.key) >= config.title_min_chars and ln.key == title.key
    }


def _footer_start(lines: list[_Line], config: BoilerplateConfig) -> int | None:
    """Index of the footer heading that opens the trailing run of footer-like lines, if any."""
    first_content = next((ln.number for ln in lines if not ln.blank), None)
    start: int | None = None
    for line in reversed(lines):
        if line.blank:
            continue
        if line.phrase is None and not _headline_like(line, config):
            break
        # "آخرین اخبار را بخوانید." ends a sentence: it is text, not a list heading.
        if (line.phrase is not None and line.phrase.starts_footer and not _ends_sentence(line)
                and line.number != first_content):
            start = line.number
    return start


def _related_blocks(lines: list[_Line], config: BoilerplateConfig, removed: dict[int, str]) -> None:
    """After a ``بیشتر بخوانید`` line standing alone, the headlines under it."""
    for line in lines:
        p = line.phrase
        if p is None or p.reason != "related_links" or p.starts_footer or line.key != p.key.strip(":"):
            continue
        taken = 0
        for nxt in lines[line.number + 1:]:
            if taken >= config.related_block_lines:
                break
            if nxt.blank:
                continue
            if (nxt.number in removed or nxt.phrase is not None or _ends_sentence(nxt)
                    or _words(nxt) > config.related_max_words):
                break
            removed[nxt.number] = "related_links"
            taken += 1


def _duplicate_lines(lines: list[_Line], config: BoilerplateConfig, removed: dict[int, str]) -> None:
    previous: _Line | None = None
    for line in lines:
        if line.blank or line.number in removed:
            continue
        if (previous is not None and line.key == previous.key
                and len(line.key) >= config.min_duplicate_chars):
            removed[line.number] = "duplicate_line"
            continue
        previous = line


def _join_kept(raw_lines: list[str], removed: dict[int, str]) -> str:
    """The kept lines; a blank run left behind by a removal shrinks to one blank line."""
    out: list[str] = []
    after_removal = False
    for i, text in enumerate(raw_lines):
        if i in removed:
            after_removal = True
            continue
        if not text.strip() and after_removal and (not out or not out[-1].strip()):
            continue
        out.append(text)
        after_removal = False
    if after_removal:  # the text ended in removed lines: drop the blank lines before them
        while out and not out[-1].strip():
            out.pop()
        if out and raw_lines[-1] == "":  # but keep the final newline the input had
            out.append("")
    return "\n".join(out)


def strip_boilerplate(
    text: str, config: BoilerplateConfig | None = None
) -> tuple[str, list[Removed]]:
    """Remove page chrome from one document's extracted text.

    Args:
        text: raw extracted text, one paragraph or page element per line.
        config: thresholds; the defaults suit Persian news pages.

    Returns:
        The kept text (original lines, blank-line paragraph breaks kept) and the removed lines in
        input order, each with its reason and 0-based line index in ``text``.

    Raises:
        ConfigError: ``config.phrases`` names a malformed phrase table.

    >>> strip_boilerplate("تهران- ایرنا-\\nبله.\\nتبلیغات")
    ('تهران- ایرنا-\\nبله.', [Removed(text='تبلیغات', reason='ads', line=2)])
    """
    config = config or _DEFAULT_CONFIG
    if not text:
        return text, []
    phrases = _index(config.phrases)
    raw_lines = text.split("\n")
    lines, phrased = _analyse_phrased(raw_lines, fold_lines(text), phrases)

    removed: dict[int, str] = _duplicate_title(lines, config)
    # a footer opens at a phrase, and only phrase lines and a footer's lines go here, and related
    # blocks follow a phrase: a text without one (most) skips the three passes
    if phrased:
        footer = _footer_start(lines, config)
        for line in lines:
            if line.blank or line.number in removed:
                continue
            in_footer = footer is not None and line.number >= footer
            if in_footer:
                removed[line.number] = line.phrase.reason if line.phrase else "footer"
            elif line.phrase is not None and line.phrase.where == "any":
                removed[line.number] = line.phrase.reason
        _related_blocks(lines, config, removed)
    _duplicate_lines(lines, config, removed)

    if not removed:  # most texts: nothing to join ("\n".join(raw_lines) is the text)
        return text, []
    kept = _join_kept(raw_lines, removed)
    report = [
        Removed(text=raw_lines[i].rstrip("\r"), reason=reason, line=i)
        for i, reason in sorted(removed.items())
    ]
    return kept, report
