"""Document quality signals and the thresholds that drop non-prose.

:func:`compute_signals` measures a text (always the same keys, in :data:`SIGNAL_NAMES` order, so the
lead can write them as one Parquet struct); :func:`check_quality` compares them with a
:class:`QualityConfig` and returns the first failed check's reason, or ``None`` to keep.

Words are :func:`~khabar.corpus.keys.canonical_tokens`, so a copy whose ZWNJs became spaces has the
same word count and stopword ratio as the clean copy («می شود» is one word either way).

>>> s = compute_signals("وزیر نیرو گفت: ذخایر سدهای تهران امسال کمتر از پارسال است.")
>>> s["word_count"], s["persian_letter_ratio"], s["punct_line_end_ratio"]
(11.0, 1.0, 1.0)
>>> check_quality(s, QualityConfig())
'too_few_words'
>>> check_quality(s, QualityConfig(min_words=10)) is None
True
>>> check_quality(compute_signals(""), QualityConfig())
'empty'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Any

from khabar._native import c_extension, reduce_by_constructor
from khabar.corpus.keys import (
    JOIN_NEXT,
    JOIN_PREVIOUS,
    canonical,
    canonical_lines,
    char_counter,
)

__all__ = ["SIGNAL_NAMES", "QualityConfig", "check_quality", "compute_signals", "stopwords"]

#: The signals, in the fixed order the lead writes them (a Parquet struct). Ratios are in [0, 1].
SIGNAL_NAMES: tuple[str, ...] = (
    "char_count",  # characters of the text
    "line_count",  # non-blank lines
    "word_count",  # canonical_tokens
    "mean_word_length",  # characters per word
    "persian_letter_ratio",  # Arabic-script letters / all letters
    "latin_ratio",  # Latin letters / all letters
    "digit_ratio",  # digits (any script) / non-space characters
    "symbol_ratio",  # symbols (Unicode S*: emoji, ©, |, +, …) / non-space characters
    "stopword_ratio",  # words in data/stopwords.txt / words
    "top_word_ratio",  # the most frequent word's count / words (keyword spam, repeated lines)
    "duplicated_line_ratio",  # non-blank lines repeating an earlier line (canonically) / lines
    "punct_line_end_ratio",  # non-blank lines ending in . ! ? ؟ : … » " ) / lines
    "short_line_ratio",  # non-blank lines of fewer than 4 words / lines
    "ellipsis_line_ratio",  # lines ending in ... or … (teasers, truncated feeds) / lines
)

_SIGNAL_SET = frozenset(SIGNAL_NAMES)

#: the characters a line ending in a sentence or a quote ends with (punct_line_end_ratio)
_LINE_END = ".!?؟:…»\"')؛"


@functools.cache
def stopwords() -> frozenset[str]:
    """The canonical forms of the words in ``khabar/data/stopwords.txt`` (loaded once).

    >>> "میشود" in stopwords() and "از" in stopwords() and "تهران" not in stopwords()
    True
    """
    text = (resources.files("khabar") / "data" / "stopwords.txt").read_text(encoding="utf-8")
    words = (canonical(line) for line in text.splitlines() if not line.startswith("#"))
    return frozenset(w for w in words if w)


#: the flag bits of :func:`_word_flags`: a stopword; a word that takes the next word
#: (keys.JOIN_NEXT); a word that joins the word before it (keys.JOIN_PREVIOUS)
STOP, GLUE_NEXT, GLUE_PREVIOUS = 1, 2, 4


@functools.cache
def _word_flags() -> dict[str, int]:
    """Every word :func:`_word_stats_py` looks up, with its flag bits (built once; read only)."""
    flags = dict.fromkeys(stopwords(), STOP)
    for words, bit in ((JOIN_NEXT, GLUE_NEXT), (JOIN_PREVIOUS, GLUE_PREVIOUS)):
        for w in words:
            flags[w] = flags.get(w, 0) | bit
    return flags


def _glue(words: list[str], flags: dict[str, int]) -> list[str]:
    """keys.glue_tokens with the joining words taken from ``flags``: a GLUE_NEXT word takes the
    word after it, a GLUE_PREVIOUS word joins the token before it.

    >>> _glue(["کتاب", "ها", "را", "نمی", "خوانم"], _word_flags())
    ['کتابها', 'را', 'نمیخوانم']
    """
    out: list[str] = []
    glue_next = False
    for word in words:
        bits = flags.get(word, 0)
        if glue_next:
            out[-1] += word
            glue_next = bool(bits & GLUE_NEXT)
        elif out and bits & GLUE_PREVIOUS:
            out[-1] += word
        else:
            out.append(word)
            glue_next = bool(bits & GLUE_NEXT)
    return out


def _word_stats_py(lines: tuple[str, ...], flags: dict[str, int]) -> tuple[int, int, int, int]:
    """(tokens, the most frequent token's count or 0, tokens flagged STOP, characters that are
    not U+0020) of ``lines``: the tokens are the words of ``" ".join(lines).split()`` glued by
    :func:`_glue`. The twin of ``khabar._c.docscan.word_stats``, which counts the tokens without
    making a str of each.

    >>> _word_stats_py(("از کتاب ها", "", "از می شود"), _word_flags())  # از کتابها از میشود
    (4, 2, 3, 15)
    """
    tokens = _glue(" ".join(lines).split(), flags)
    counts = Counter(tokens)
    stop = sum(n for word, n in counts.items() if flags.get(word, 0) & STOP)
    chars = sum(len(line) - line.count(" ") for line in lines)
    return len(tokens), max(counts.values(), default=0), stop, chars


#: ``khabar._c.docscan``'s ``word_stats`` when it is built, else its twin (the same results)
_C: Any = c_extension("khabar._c.docscan")
_word_stats = _word_stats_py if _C is None else _C.word_stats


def _line_stats_py(text: str, canon_lines: tuple[str, ...],
                   line_end: str) -> tuple[int, int, int, int, int]:
    """(non-blank lines, those whose canonical line repeats an earlier one's, those ending in a
    character of ``line_end``, those whose canonical line has under 3 spaces, those ending in
    ``...`` or ``…``) over ``zip(text.split("\\n"), canon_lines)``; a line is blank when
    ``strip()`` leaves nothing. A canonical line has single spaces and none at its ends, so under
    3 spaces is under 4 words. The twin of ``khabar._c.linescan.line_stats``.

    >>> _line_stats_py(" خبر یک.\\n\\nخبر  یک\\nپایان…", ("خبر یک", "", "خبر یک", "پایان"), ".!")
    (3, 1, 1, 3, 1)
    """
    lines: list[str] = []
    canon: list[str] = []
    for raw, cl in zip(text.split("\n"), canon_lines):
        stripped = raw.strip()
        if stripped:
            lines.append(stripped)
            canon.append(cl)
    return (len(lines), len(canon) - len(set(canon)), sum(ln[-1] in line_end for ln in lines),
            sum(cl.count(" ") < 3 for cl in canon),
            sum(ln.endswith(("...", "…")) for ln in lines))


#: ``khabar._c.linescan``'s ``line_stats`` when it is built, else its twin (the same results)
_LINESCAN: Any = c_extension("khabar._c.linescan")
_line_stats = _line_stats_py if _LINESCAN is None else _LINESCAN.line_stats


@functools.cache
def _word_keys() -> Any:
    """What :data:`_word_stats` takes as its flags: :func:`_word_flags`, made once into the C
    lookup table (``docscan.word_keys``, which word_stats would otherwise build from the dict on
    every call, 6 microseconds) when the C function runs, else the dict itself."""
    return _word_flags() if _C is None else _C.word_keys(_word_flags())


#: Arabic-script letters (Arabic, Arabic Supplement, presentation forms); marks excluded
_ARABIC_LETTER = re.compile(
    "[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc"
    "\u06ff\u0750-\u077f\ufb50-\ufdfb\ufe70-\ufefc]"
)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SPACE = re.compile("[\\s\u200c\u200d]")


#: letters, digits, spaces and everyday punctuation: never symbols
_NOT_SYMBOL = re.compile("[\\w\\s\u200c\u200d.,:;!?«»()\\[\\]\"'\\-/،؛؟٫٬…]+")
#: the planes that hold symbols (Unicode S*: planes 0 and 1; a test reads every plane)
_SYMBOL_PLANES = 0x20000


def _symbols(text: str) -> int:
    """Count Unicode symbols (Sm, Sc, Sk, So: emoji, ©, |, +) among what common classes leave."""
    return sum(unicodedata.category(ch)[0] == "S" for ch in _NOT_SYMBOL.sub("", text))


@functools.cache
def _symbol_class() -> re.Pattern[str]:
    """One character of Unicode category S* (what :func:`_symbols` counts: no character of
    ``_NOT_SYMBOL`` is a symbol), as a character class for ``keys.count_chars``. The class is
    read from the table cache (:mod:`khabar.corpus.table_cache`) when it holds the one this
    module's source builds."""
    from khabar.corpus.table_cache import cached_bytes, module_source

    ranges = cached_bytes("symbol-class", [module_source("corpus", "quality.py")],
                          lambda: _symbol_ranges().encode("utf-8", "surrogatepass"))
    return re.compile(f"[{ranges.decode('utf-8', 'surrogatepass')}]")


def _symbol_ranges() -> str:
    """The ranges of :func:`_symbol_class`, escaped, built by reading every code point of the
    first two planes (about 0.02 CPU seconds)."""
    ranges: list[str] = []
    start = None
    for cp in range(_SYMBOL_PLANES + 1):
        symbol = cp < _SYMBOL_PLANES and unicodedata.category(chr(cp))[0] == "S"
        if symbol and start is None:
            start = cp
        elif not symbol and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(cp - 1))}")
            start = None
    return "".join(ranges)


@functools.cache
def _classes() -> tuple[re.Pattern[str], ...]:
    """The classes _char_counts counts in one pass (keys.char_counter)."""
    return (_SPACE, _LETTER, _ARABIC_LETTER, _LATIN_LETTER, _DIGIT, _symbol_class())


@functools.cache
def _count_classes() -> Any:
    """:func:`_classes`' counter (keys.char_counter), made once."""
    return char_counter(_classes())


def _char_counts(text: str) -> tuple[int, int, int, int, int, int]:
    """(non-space chars, letters, Arabic-script letters, Latin letters, digits, symbols)."""
    spaces, letters, arabic, latin, digits, symbols = _count_classes()(text)
    return len(text) - spaces, letters, arabic, latin, digits, symbols


def _ratio(part: int, whole: int) -> float:
    """``part / whole`` rounded to 4 places, 0.0 when ``whole`` is 0; both are counts (>= 0).
    0 and the whole need no division or rounding (6 of a generated document's 11 ratios).

    >>> _ratio(0, 7), _ratio(7, 7), _ratio(1, 3), _ratio(1, 32), _ratio(3, 0), _ratio(0, 0)
    (0.0, 1.0, 0.3333, 0.0312, 0.0, 0.0)
    """
    if not whole:
        return 0.0
    if part == whole:
        return 1.0
    if not part:
        return 0.0
    return round(part / whole, 4)


def compute_signals(text: str) -> dict[str, float]:
    """Measure ``text``; returns every name of :data:`SIGNAL_NAMES`, in that order, as floats.

    An empty text gives zeros everywhere (and :func:`check_quality` says ``"empty"``).

    >>> list(compute_signals("")) == list(SIGNAL_NAMES)
    True
    >>> compute_signals("خبر خبر خبر\\nخبر خبر خبر")["duplicated_line_ratio"]
    0.5
    """
    # one canonical form per text, shared with langid, site lines and dedup (keys.canonical_lines)
    canon_all = canonical_lines(text)
    n_lines, dup_lines, punct_ends, short_lines, ellipsis_lines = _line_stats(
        text, canon_all, _LINE_END)
    # gluing removes spaces only: the words' characters are the canonical form's non-spaces
    n_words, top, stop, word_chars = _word_stats(canon_all, _word_keys())
    nonspace, letters, arabic, latin, digits, symbols = _char_counts(text)
    values = {
        "char_count": float(len(text)),
        "line_count": float(n_lines),
        "word_count": float(n_words),
        "mean_word_length": _ratio(word_chars, n_words),
        "persian_letter_ratio": _ratio(arabic, letters),
        "latin_ratio": _ratio(latin, letters),
        "digit_ratio": _ratio(digits, nonspace),
        "symbol_ratio": _ratio(symbols, nonspace),
        "stopword_ratio": _ratio(stop, n_words),
        "top_word_ratio": _ratio(top, n_words),
        "duplicated_line_ratio": _ratio(dup_lines, n_lines),
        "punct_line_end_ratio": _ratio(punct_ends, n_lines),
        "short_line_ratio": _ratio(short_lines, n_lines),
        "ellipsis_line_ratio": _ratio(ellipsis_lines, n_lines),
    }
    return values  # written in SIGNAL_NAMES order (a test holds it)


@dataclass(frozen=True, slots=True)
class QualityConfig:
    """Thresholds; a document failing any is dropped with that check's reason.

    Defaults were set on real articles in ../shared/data (FarsNews 300, Targoman 66, PEYMA 1,306;
    see the module tests and the final report for the counts each would drop) so that they drop
    almost no real article, and catch what is clearly not Persian prose:

    Attributes:
        min_words: 20 canonical words. Crawled items whose body was lost (headline plus
            subtitle) have 25-30 and are still a usable lead; below 20 is a headline alone, a
            caption or a menu.
        min_persian_letter_ratio: 0.4 of letters in Arabic script. Persian news stays above 0.8,
            except game and tech news quoting English titles (a real Targoman article: 0.45);
            below 0.4 the text is mostly in another script (language ID decides the language).
        min_stopword_ratio: 0.04 of words are function words. Persian news prose has 0.25-0.45,
            and real list-like articles (referee names, exchange-rate tables) 0.05-0.10; tag
            clouds and keyword lists have almost none.
        max_top_word_ratio: 0.2: no prose repeats one word in a fifth of its words (keyword spam,
            one line pasted many times); «و» is about 0.05 in news.
        max_duplicated_line_ratio: 0.5 of lines repeat an earlier line. Real articles reach 0.47
            (a price report repeating its title and one line per model), so 0.3 would drop them.
        max_symbol_ratio: 0.05 of non-space characters are symbols (emoji runs, separators).
        max_digit_ratio: 0.3 of non-space characters are digits (price tables, score lists).
        min_mean_word_length, max_mean_word_length: 2.5 and 10 characters; outside is letters
            spaced apart («ا ی ر ا ن») or words run together without spaces.
        max_ellipsis_line_ratio: 0.5 of lines end in «...» (feeds of truncated teasers).
    """

    min_words: int = 20
    min_persian_letter_ratio: float = 0.4
    min_stopword_ratio: float = 0.04
    max_top_word_ratio: float = 0.2
    max_duplicated_line_ratio: float = 0.5
    max_symbol_ratio: float = 0.05
    max_digit_ratio: float = 0.3
    min_mean_word_length: float = 2.5
    max_mean_word_length: float = 10.0
    max_ellipsis_line_ratio: float = 0.5

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return reduce_by_constructor(self)  # a compiled frozen class unpickles only this way


def check_quality(signals: dict[str, float], config: QualityConfig) -> str | None:
    """Return the reason the document fails (the first failed check, in a fixed order) or ``None``.

    Reasons: ``empty``, ``too_few_words``, ``not_persian``, ``few_stopwords``, ``repeated_word``,
    ``duplicated_lines``, ``too_many_symbols``, ``too_many_digits``, ``odd_word_length``,
    ``ellipsis_lines``.

    Raises:
        KeyError: ``signals`` lacks a name of :data:`SIGNAL_NAMES` (made by another version).
    """
    if not signals.keys() >= _SIGNAL_SET:  # one C test; the list only to say what is missing
        missing = [n for n in SIGNAL_NAMES if n not in signals]
        raise KeyError(
            f"quality signals {missing} are missing; compute them with compute_signals() of this "
            "khabar version"
        )
    s, c = signals, config
    checks: tuple[tuple[str, bool], ...] = (
        ("empty", s["word_count"] == 0),
        ("too_few_words", s["word_count"] < c.min_words),
        ("not_persian", s["persian_letter_ratio"] < c.min_persian_letter_ratio),
        ("few_stopwords", s["stopword_ratio"] < c.min_stopword_ratio),
        ("repeated_word", s["top_word_ratio"] > c.max_top_word_ratio),
        ("duplicated_lines", s["duplicated_line_ratio"] > c.max_duplicated_line_ratio),
        ("too_many_symbols", s["symbol_ratio"] > c.max_symbol_ratio),
        ("too_many_digits", s["digit_ratio"] > c.max_digit_ratio),
        (
            "odd_word_length",
            not c.min_mean_word_length <= s["mean_word_length"] <= c.max_mean_word_length,
        ),
        ("ellipsis_lines", s["ellipsis_line_ratio"] > c.max_ellipsis_line_ratio),
    )
    for reason, failed in checks:
        if failed:
            return reason
    return None
