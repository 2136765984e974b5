"""Find and parse dates in Persian text: Jalali, Gregorian (in Persian) and Hijri lunar.

What is recognised (any digit script: ``۱۴۰۲``, ``١٤٠٢``, ``1402``; Arabic ي/ك folded):

- numeric ``1402/07/19``, ``1402-07-19``, ``1402.07.19``, ``19/07/1402``, ISO ``2024-02-03``;
  the calendar is chosen by the year: 1200-1499 Jalali, 1800-2199 Gregorian;
- day + month name (+ year): ``۱۹ مهر ۱۴۰۲``, ``نوزدهم مهرماه``, ``14 می``, ``۳ اکتبر ۲۰۲۱``,
  ``۱۵ رمضان ۱۴۴۵``, optionally after a weekday (``چهارشنبه ۱۹ مهر ۱۴۰۲``);
- month name + year: ``ژوئن ۲۰۲۰``, ``مهر ۱۴۰۲``, ``مهر ۹۸`` (two-digit Jalali years);
- bare years, only with evidence that they are years: after ``سال``/``سال‌های`` (``سال 1992``),
  a season, ``متولد``, ``انتخابات``, ``المپیک`` or ``جام جهانی``; before an era word
  (``1992 میلادی``, ``۱۴۰۲ ه.ش``); in parentheses (``(1996)``); or chained to a year already found
  (``1992 تا 1996``). Never a number followed by a unit or a count (``سال 1400 نفر``). So
  ``300 میلیون``, ``1400 نفر`` and phone numbers are not dates.

A month name alone is not a date: it needs a day before it or a year after it (``مهر``, ``دی``,
``تیر`` and ``رجب`` are also words). ``می`` and ``مه`` (May) need a day, and ``می`` must not be
followed by a verb (``14 می رسد`` is "reaches 14"); ``صفر`` (Safar / zero) needs a year or
``ماه`` before it.

Hijri lunar dates are converted with the tabular calendar (see
:mod:`khabar.dates.calendars`); their ``iso`` can be a day or two off the observed calendar and
they carry ``approximate=True``. Numeric dates with years 1200-1499 are read as Jalali, never as
Hijri lunar (Persian sites do not write lunar dates with slashes).

>>> [(m.text, m.calendar, m.iso) for m in find_dates("چهارشنبه ۱۹ مهر ۱۴۰۲ در تهران")]
[('چهارشنبه ۱۹ مهر ۱۴۰۲', 'jalali', '2023-10-11')]
>>> [(m.text, m.year) for m in find_dates("از سال 1992 تا 1996 بیش از 300 میلیون دلار")]
[('1992', 1992), ('1996', 1996)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from khabar._native import c_extension
from khabar._optional import numpy_or_none
from khabar.dates.calendars import (
    gregorian_to_jalali,
    hijri_month_length,
    hijri_to_gregorian,
    jalali_month_length,
    jalali_to_gregorian,
)

__all__ = [
    "DateMention",
    "find_dates",
    "gregorian_to_jalali",
    "hijri_to_gregorian",
    "jalali_to_gregorian",
    "parse_date",
]

JALALI = "jalali"
GREGORIAN = "gregorian"
HIJRI = "hijri"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text.

    Attributes:
        text: the matched text, as it stands in the input.
        start, end: its span in the input (``text == input[start:end]``).
        calendar: ``"jalali"``, ``"gregorian"`` or ``"hijri"`` (lunar).
        year, month, day: in ``calendar``; ``None`` where the text does not say (``14 می`` has no
            year, ``سال 1992`` only a year).
        iso: the Gregorian ``YYYY-MM-DD`` when year, month and day are all known, else ``None``.
        weekday: ISO weekday (1 = Monday ... 7 = Sunday) when the text names one.
        approximate: ``True`` when ``iso`` comes from the tabular Hijri calendar, which can be a
            day or two off the observed one.
    """

    text: str
    start: int
    end: int
    calendar: str
    year: int | None
    month: int | None
    day: int | None
    iso: str | None
    weekday: int | None = None
    approximate: bool = False


# --- folding: 1:1 character map, so offsets in the folded text are offsets in the input -------

# One str.replace per character that occurs: str.translate with a table looks every character up
# in a dict, some 50 times slower on Persian text (no replacement is itself replaced).
_FOLD = tuple(zip("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يىكۍېە٫", "01234567890123456789ییکییه.", strict=True))
#: Persian (U+06F0-9) and Arabic-Indic (U+0660-9) digits as ASCII, for ``str.translate`` (the
#: digits of :data:`_FOLD`): metadata compared by the extractor, numbers in a URL's path
ASCII_DIGITS = str.maketrans(dict(_FOLD[:20]))


def _fold(text: str) -> str:
    for source, target in _FOLD:
        if source in text:
            text = text.replace(source, target)
    return text


# --- names ------------------------------------------------------------------------------------

# Spellings met in Persian news. A space inside a name also matches ZWNJ or nothing.
_JALALI_MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6,
    "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}
_GREGORIAN_MONTHS = {
    "ژانویه": 1, "ژانویهٔ": 1, "ژانویۀ": 1, "ژانویه ی": 1, "فوریه": 2, "مارس": 3, "مارچ": 3,
    "آوریل": 4, "آپریل": 4, "اوریل": 4, "مه": 5, "می": 5, "ژوئن": 6, "ژوین": 6, "جون": 6,
    "ژوئیه": 7, "ژوییه": 7, "جولای": 7, "اوت": 8, "آگوست": 8, "اگوست": 8, "سپتامبر": 9,
    "اکتبر": 10, "نوامبر": 11, "دسامبر": 12,
}
_HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربیع الاول": 3, "ربیع الأول": 3, "ربیع الثانی": 4, "ربیع الآخر": 4,
    "ربیع الاخر": 4, "جمادی الاول": 5, "جمادی الاولی": 5, "جمادی الأولی": 5, "جمادی الثانی": 6,
    "جمادی الثانیه": 6, "جمادی الآخر": 6, "جمادی الاخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9,
    "شوال": 10, "ذی القعده": 11, "ذیقعده": 11, "ذی الحجه": 12, "ذیحجه": 12,
}
_MONTHS: dict[str, tuple[str, int]] = {
    **{k: (JALALI, v) for k, v in _JALALI_MONTHS.items()},
    **{k: (GREGORIAN, v) for k, v in _GREGORIAN_MONTHS.items()},
    **{k: (HIJRI, v) for k, v in _HIJRI_MONTHS.items()},
}

_WEEKDAYS = {
    "یکشنبه": 7, "یک شنبه": 7, "دوشنبه": 1, "سه شنبه": 2, "چهارشنبه": 3, "چهار شنبه": 3,
    "پنجشنبه": 4, "پنج شنبه": 4, "جمعه": 5, "شنبه": 6,
}

_UNITS = ("یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_UNIT_ORDINALS = ("یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم")
_TEEN_ORDINALS = ("دهم", "یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم",
                  "هفدهم", "هجدهم", "نوزدهم")


def _ordinal_words() -> dict[str, int]:
    words = {"اول": 1, "هیجدهم": 18, "شونزدهم": 16}
    for i, w in enumerate(_UNIT_ORDINALS, start=1):
        words[w] = i
    for i, w in enumerate(_TEEN_ORDINALS, start=10):
        words[w] = i
    words["بیستم"] = 20
    words["سی ام"] = 30
    words["سیام"] = 30
    for i, w in enumerate(_UNIT_ORDINALS, start=1):
        words[f"بیست و {w}"] = 20 + i
    words["بیست و یکم"] = 21
    words["سی و یکم"] = 31
    return words


_ORDINAL_DAYS = _ordinal_words()


def _name_pattern(name: str) -> str:
    """Regex for a name: a space inside it also matches ZWNJ or nothing."""
    parts = [re.escape(p) for p in name.split(" ")]
    return r"[\u200c ]?".join(parts)


def _alternation(names: object) -> str:
    """The names as one regex alternation, longest first, grouped by first letter.

    Longest first, so that یکشنبه wins over شنبه and ربیع الاول over ربیع. Grouping by the first
    letter (``ف(?:روردین)|ا(?:ردیبهشت|سفند|...)``) matches exactly what the flat list matches, in
    the same order of preference (names with different first letters never match at the same
    place), but the regex engine tries some 20 first letters at each word instead of 90 names:
    it halves the scan of a text for month names.

    >>> _alternation(["مه", "مهر", "دی"])
    'م(?:هر|ه)|د(?:ی)'
    """
    ordered = sorted(names, key=len, reverse=True)  # type: ignore[call-overload]
    by_first: dict[str, list[str]] = {}
    for name in ordered:
        by_first.setdefault(name[0], []).append(_name_pattern(name[1:]) if len(name) > 1 else "")
    return "|".join(
        re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in by_first.items()
    )


def _key(name: str) -> str:
    """Canonical form of a matched name (ZWNJ and spaces removed), to look it up."""
    return name.replace("\u200c", "").replace(" ", "")


_MONTH_BY_KEY = {_key(k): v for k, v in _MONTHS.items()}
_WEEKDAY_BY_KEY = {_key(k): v for k, v in _WEEKDAYS.items()}
_ORDINAL_BY_KEY = {_key(k): v for k, v in _ORDINAL_DAYS.items()}

# A spaced verbal prefix before a verb: "14 می رسد" ("reaches 14"), "۳ می شود". Present and past
# stems of the verbs that follow a number in news text most often.
_VERB_AFTER_MI = (
    r"(?:شو|شد|کن|کرد|رس|گیر|گرفت|ده|داد|آی|آمد|باش|رو|رفت|گرد|گشت|یاب|یافت|خواه|خواست|"
    r"توان|دان|بین|دید|گوی|گفت|مان|افت|افزا|افزود|زن|زد|ساز|ساخت|کش|خور|پرداز|آور|آورد|"
    r"پذیر|گذار|نما|دار|داشت|ارز|ارزد|چرخ|بر|برد)"
    r"(?:د|ند|م|یم|ید|ی|ه|ست|ن)?(?!\w)"
)

_D = r"\d"
_NOT_NUM_BEFORE = r"(?<![\d.,/\-:])"
_NOT_NUM_AFTER = r"(?![\d]|[.,/\-:]\d)"
# A weekday before a date is looked for only once a date is found (a leading optional group
# would be tried at every position of every text): «چهارشنبه، ۱۹ مهر».
_WEEKDAY_BEFORE = re.compile(
    rf"(?<![\w\u200c])(?P<weekday>{_alternation(_WEEKDAYS)})(?!\w)\s*[،,]?\s*$"
)
_DAY = rf"(?:{_NOT_NUM_BEFORE}(?P<day>{_D}{{1,2}})(?:\s*ام)?|(?<![\w\u200c])(?P<dayword>{_alternation(_ORDINAL_DAYS)}))"
_MONTH = (
    rf"(?<!\w)(?P<monthword>(?P<month>{_alternation(_MONTHS)})(?:[\u200c ]?ماه)?)(?![\w\u200c])"
)
_ERA = (
    r"(?:[\u200c ]?(?P<era>میلادی|م\.|شمسی|خورشیدی|هجری[\u200c ]شمسی|هجری[\u200c ]خورشیدی|"
    r"هجری[\u200c ]قمری|قمری|ه\.?[\u200c ]?ش\.?|ه\.?[\u200c ]?ق\.?)(?![\w]))"
)
_YEAR = rf"(?P<year>{_D}{{4}}|{_D}{{2}}){_NOT_NUM_AFTER}"

# Textual dates are found from their month name: the day is looked for in a short window before
# it, the year right after it (one scan of the text for month names, instead of one per form).
_MONTH_NAME = re.compile(_MONTH)
_DAY_BEFORE = re.compile(rf"{_DAY}\s*$")
_DAY_WINDOW = 16  # «بیست و یکم » is the longest day before a month
_YEAR_AFTER = re.compile(rf"\s*[،,]?\s*(?:سال\s*)?{_YEAR}{_ERA}?")
# "۳۰ اسفند ۱۴۰۲" (no such day) must not fall back to "اسفند ۱۴۰۲": no number before the month.
_NUMBER_BEFORE = re.compile(r"\d\s{0,2}$")
# one separator used twice, year first or year last; a time may follow (not kept).
_NUMERIC = re.compile(
    rf"{_NOT_NUM_BEFORE}"
    r"(?:(?P<y1>\d{4})(?P<s1>[/\-.])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})(?P<s2>[/\-.])(?P<m2>\d{1,2})(?P=s2)(?P<y2>\d{4}))"
    r"(?![\d]|[/\-.]\d)"
)
# Words after which a number is a year: «سال 1992», «سال‌های ۹۸», «متولد 65», «تابستان 1395»,
# «انتخابات 2016», «المپیک 2016», «جام جهانی 2018». Not «سالی 65 هزار» ("65 thousand a year"),
# and never a number followed by a unit or a count.
_YEAR_WORDS = (
    r"سال(?:[\u200c ]?(?:های|ها))?|متولد|بهار|تابستان|پاییز|پائیز|زمستان|انتخابات|المپیک|"
    r"جام[\u200c ]جهانی|ریاست[\u200c ]جمهوری"
)
_NOT_A_COUNT = (
    r"(?!\s*(?:هزار|میلیون|میلیارد|تومان|ریال|دلار|یورو|درصد|نفر|مورد|عدد|متر|کیلو|تن|سال)(?![\w]))"
)
_YEAR_AFTER_SAL = re.compile(
    rf"(?<![\w\u200c])(?:{_YEAR_WORDS})\s+{_NOT_NUM_BEFORE}(?P<year>{_D}{{4}}|{_D}{{2}})"
    rf"{_NOT_NUM_AFTER}{_NOT_A_COUNT}{_ERA}?"
)
_YEAR_WITH_ERA = re.compile(rf"{_NOT_NUM_BEFORE}(?P<year>{_D}{{3,4}}){_NOT_NUM_AFTER}{_ERA}")
_YEAR_IN_PARENS = re.compile(r"\(\s*(?P<year>\d{4})\s*\)")

# --- where to look: where each pattern can start ------------------------------------------------
#
# A regex scan of a 4 KB text costs some 80 microseconds however simple the pattern, and more when
# it opens with a lookbehind, as the patterns above do (the engine then cannot skip ahead to a
# possible first character). Every match of _NUMERIC and _YEAR_WITH_ERA starts where a run of
# digits starts (they refuse a digit before them), and every match of _YEAR_AFTER_SAL ends its
# year word right before the spaces that precede such a run. So the text is scanned once for digit
# runs (``\d\d*`` rather than ``\d+``: a pattern that opens with a character class is searched
# for with a fast skip) and each pattern is tried only where it can start.
_DIGIT_RUN = re.compile(r"\d\d*")
_YEAR_WORD_BEFORE = re.compile(rf"(?<![\w\u200c])(?:{_YEAR_WORDS})$")
_YEAR_WORD_MAX = 16  # characters of the longest year word («ریاست‌جمهوری» has 12)


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, when every match starts at one of ``starts``.

    ``starts`` is ascending; like ``finditer``, a match is not looked for inside the previous one.
    """
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            found.append(match)
            end = match.end()
    return found


def _year_word_starts(folded: str, ends: list[int]) -> list[int]:
    """Where a year word (``سال``, ``متولد`` ...) ending at one of ``ends`` starts (``ends``: where
    the spaces before a digit run begin, :func:`_digit_candidates_py`'s third list)."""
    starts: list[int] = []
    for space in ends:
        word = _YEAR_WORD_BEFORE.search(folded, max(0, space - _YEAR_WORD_MAX), space)
        if word is not None:
            starts.append(word.start())
    return starts


# What a digit run must have near it for each pattern to match there, checked before the regex
# (a match attempt costs some 0.3 microseconds even when it fails at once; 10 digit runs a text):
#: _NUMERIC's separator stands 1 or 2 characters after a day's start, 4 after a year's
_NUMERIC_MARKS = "/-."
#: _ERA's first letters («میلادی», «م.», «شمسی», «خورشیدی», «هجری ...», «ه.ش», «قمری»), 3 or 4
#: characters after the year's start, or one ZWNJ or space later
_ERA_OPENINGS = "مشخهق"
_ERA_SPACES = "\u200c "
#: every text _YEAR_WORDS matches (tests/dates enumerates the pattern's language to check it):
#: _YEAR_AFTER_SAL is tried only where the text before a digit run's spaces ends with one
_YEAR_WORD_FORMS = (
    "سال", "سالها", "سالهای", "سال\u200cها", "سال\u200cهای", "سال ها", "سال های", "متولد", "بهار",
    "تابستان", "پاییز", "پائیز", "زمستان", "انتخابات", "المپیک", "جام\u200cجهانی", "جام جهانی",
    "ریاست\u200cجمهوری", "ریاست جمهوری",
)


def _digit_candidates_py(
    folded: str, starts: list[int], marks: str, eras: str, spaces: str, words: tuple[str, ...]
) -> tuple[list[int], list[int], list[int]]:
    """Of the digit-run starts ``starts``: those with a character of ``marks`` 1, 2 or 4
    characters after them (where ``_NUMERIC`` may match); those with a character of ``eras`` 3
    or 4 characters after them, or one character of ``spaces`` later (``_YEAR_WITH_ERA``); and,
    for each start with whitespace right before it, where that whitespace begins when the text
    before it ends with one of ``words`` (``_YEAR_AFTER_SAL``'s year word ends there). The twin of
    ``khabar._c.docscan.digit_candidates``.

    >>> _digit_candidates_py("در سال 1402/7/1 و 1400 ش", [7, 18], "/-.", "ش", " ", ("سال",))
    ([7], [18], [6])
    """
    n = len(folded)
    numeric: list[int] = []
    with_era: list[int] = []
    word_ends: list[int] = []
    for s in starts:
        if not 0 <= s < n:
            raise ValueError(f"digit_candidates: start {s} is outside the text ({n} characters); "
                             "give the digit starts of this text (date_starts)")
        if any(s + k < n and folded[s + k] in marks for k in (1, 2, 4)):
            numeric.append(s)
        for i in (s + 3, s + 4):
            if i < n and (folded[i] in eras
                          or (folded[i] in spaces and i + 1 < n and folded[i + 1] in eras)):
                with_era.append(s)
                break
        space = s
        while space > 0 and folded[space - 1].isspace():
            space -= 1
        if space < s and folded.endswith(words, 0, space):
            word_ends.append(space)
    return numeric, with_era, word_ends


#: texts shorter than this are scanned by regex alone: numpy's fixed cost (about ten array
#: operations) is more than the regex scan of a short text
_NUMPY_MIN_CHARS = 256


#: numpy if it is installed, else ``None`` (then the regexes scan the whole text).
_numpy = numpy_or_none

#: ``khabar._c.docscan``, whose ``date_starts`` is the C twin of :func:`_date_starts_py`, or
#: ``None`` (a pure install, ``KHABAR_PURE=1``, a stale build): then numpy finds the same starts
_C: Any = c_extension("khabar._c.docscan")


@functools.cache
def _char_tables() -> tuple[Any, Any, Any, Any, Any, Any, int, int]:
    """Per BMP code point (built once): ``digit`` is 1 for a digit (``\\d``), else 0; ``first``,
    ``second``, ``third`` and ``fourth`` have the bits of the month-name openings
    (:data:`_MONTH_PAIRS`, bit i for the i-th) that the character may stand at offset 0, 1, 2 and
    3 of (in a match of ``_MONTH``: the name, «ماه» after it, or what follows it); ``not_word`` has every
    bit for a character that is not a word character (``\\w``), else 0. Then two masks of bits:
    ``after_m``, the openings that allow «م» at offset 2 only as the start of «ماه» after a
    two-letter name («دیماه»), and ``after_zwnj``, those that allow a ZWNJ there only before
    «ماه» («دی‌ماه»).

    ``first[a] & second[b] & third[c] & fourth[d] & not_word[z]`` is not 0 when a month name may
    start at ``a`` in ``z a b c d``. At offset 2 stands a name's third letter; after a two-letter name
    («دی», «می»), the end of the name (a character that is not a word character) or «ماه»
    («دیماه»); in a name with a space there («ذی القعده»), a space, a ZWNJ or the next letter.
    An opening whose «م» or ZWNJ at offset 2 is not followed by the rest of «ماه» loses the
    mask's bits: the regex cannot match there (the spaced verbal prefix «می‌» of «می‌شود»,
    «مهم»: 8 of the 13.7 places tried a generated document, for 0.9 dates). At offset 3 stands a
    longer name's fourth letter, or after a three-letter one its end or «ماه»; a two-letter name
    allows anything there. Most of the other places were words that open like a longer name
    («مردم» like «مرداد», «امروز», «شهرداری», «فروش», «آذربایجان»: 5 of the 6.0 places tried
    a generated document, for 0.88 dates).
    """
    np: Any = _numpy()  # called on the numpy paths only
    bmp = "".join(map(chr, range(0x10000)))
    digit = np.zeros(0x10000, dtype=np.uint8)
    for run in re.finditer(r"\d+", bmp):  # runs, not single characters: fewer matches
        digit[run.start() : run.end()] = 1
    not_word = np.full(0x10000, (1 << 64) - 1, dtype=np.uint64)
    for run in re.finditer(r"\w+", bmp):
        not_word[run.start() : run.end()] = 0
    first = np.zeros(0x10000, dtype=np.uint64)
    second = np.zeros(0x10000, dtype=np.uint64)
    third = np.zeros(0x10000, dtype=np.uint64)
    fourth = np.zeros(0x10000, dtype=np.uint64)
    # what offset 2 allows by the names' own letters and spaces, without a two-letter name's end
    # or «ماه»: the bits a two-letter name alone adds at «م» and at ZWNJ are the two masks
    longer = np.zeros(0x10000, dtype=np.uint64)
    for bit, pair in enumerate(_MONTH_PAIRS):
        flag = np.uint64(1 << bit)
        first[ord(pair[0])] |= flag
        second[ord(pair[1])] |= flag
        for name in _MONTHS:
            if not name.startswith(pair):
                continue
            if len(name) == 2:
                third[not_word != 0] |= flag
                third[ord("م")] |= flag
            elif name[2] == " ":
                for ch in " \u200c" + name[3]:
                    third[ord(ch)] |= flag
                    longer[ord(ch)] |= flag
            else:
                third[ord(name[2])] |= flag
                longer[ord(name[2])] |= flag
            for form in _name_forms(name):
                if len(form) > 3:
                    fourth[ord(form[3])] |= flag
                elif len(form) == 3:  # its end (no word character, no ZWNJ), or «ماه» after it
                    fourth[not_word != 0] |= flag
                    for ch in " \u200cم":
                        fourth[ord(ch)] |= flag
                else:  # a two-letter name: offset 3 is in «ماه» or after the name's end
                    fourth[:] |= flag
    after_m = int(third[ord("م")] & ~longer[ord("م")])
    after_zwnj = int(third[ord("\u200c")] & ~longer[ord("\u200c")])
    return digit, first, second, third, fourth, not_word, after_m, after_zwnj


def _name_forms(name: str) -> list[str]:
    """Every string :func:`_name_pattern` matches for ``name``: each space written as a space, a
    ZWNJ or nothing.

    >>> _name_forms("ذی القعده")
    ['ذی القعده', 'ذی\\u200cالقعده', 'ذیالقعده']
    """
    forms = [""]
    for k, part in enumerate(name.split(" ")):
        forms = [f + gap + part for f in forms for gap in ((" ", "\u200c", "") if k else ("",))]
    return forms


#: the first two characters of the month names. _name_pattern makes only the spaces of a name
#: flexible, and no name has one among its first two characters, so both are literal
_MONTH_PAIRS = tuple(sorted({name[:2] for name in _MONTHS}))


def _starts_numpy(folded: str, np: Any) -> tuple[list[int], list[int]] | None:
    """Where a digit run starts, and every place where a month name could start (its first three
    characters as :func:`_char_tables` allows, no word character before it), by table lookups;
    ``None`` when the text has a character beyond the BMP (the regex scan reads those), or fewer
    than 4 characters. ``khabar._c.docscan.date_starts`` when it is built, else
    :func:`_date_starts_py` (the same lists)."""
    return (_date_starts_py if _C is None else _C.date_starts)(folded, *_char_tables())


def _date_starts_py(
    folded: str, digit_table: Any, first_table: Any, second_table: Any, third_table: Any,
    fourth_table: Any, not_word_table: Any, after_m: int, after_zwnj: int,
) -> tuple[list[int], list[int]] | None:
    """:func:`_starts_numpy` with the tables of :func:`_char_tables` given: the numpy twin of
    ``khabar._c.docscan.date_starts``. Few array operations: each costs some microseconds
    whatever its size."""
    np: Any = _numpy()
    cps = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if len(cps) < 4 or cps.max() > 0xFFFF:
        return None
    digit = digit_table.take(cps)
    digit_starts = (np.flatnonzero(digit[1:] > digit[:-1]) + 1).tolist()
    if digit[0]:
        digit_starts.insert(0, 0)
    opening = (first_table.take(cps[:-2]) & second_table.take(cps[1:-1])
               & third_table.take(cps[2:]))
    opening[:-1] &= fourth_table.take(cps[3:])  # the last opening has no fourth character
    opening[1:] &= not_word_table.take(cps[:-3])  # the text's start opens a word
    month_starts = [i for i, bits in zip(np.flatnonzero(opening).tolist(),
                                         opening[opening != 0].tolist())
                    if _keeps_maah(folded, i, bits, after_m, after_zwnj)]
    end = len(cps) - 2  # a two-letter name at the very end has no third character
    if first_table[cps[end]] & second_table[cps[end + 1]]:
        month_starts.append(end)
    return digit_starts, month_starts


def _keeps_maah(folded: str, i: int, bits: int, after_m: int, after_zwnj: int) -> bool:
    """Whether a month name may still start at ``i`` (``bits``: its opening's bits) once «م» or
    a ZWNJ at ``i + 2`` is checked for the rest of «ماه» (:func:`_char_tables`' two masks).

    >>> _keeps_maah("می\u200cشود", 0, 1, 0, 1), _keeps_maah("دی\u200cماه", 0, 1, 0, 1)
    (False, True)
    """
    third = folded[i + 2]
    if third == "م" and bits & after_m and not folded.startswith("اه", i + 3):
        bits &= ~after_m
    elif third == "\u200c" and bits & after_zwnj and not folded.startswith("ماه", i + 3):
        bits &= ~after_zwnj
    return bits != 0


def _scan(folded: str) -> tuple[list[re.Match[str]], ...]:
    """The matches of ``_NUMERIC``, ``_MONTH_NAME``, ``_YEAR_AFTER_SAL``, ``_YEAR_WITH_ERA`` and
    ``_YEAR_IN_PARENS`` in ``folded``, each list what the pattern's ``finditer`` would give.

    With numpy and a text of a few hundred characters, the digit runs and the places a month name
    could start are found by a table lookup per character (:func:`_starts_numpy`), and the month
    pattern is tried only there: a regex scan for month names must try every position of the
    text (half of all Persian letters start some month name), which was half of ``find_dates``.

    >>> [[m.group() for m in found] for found in _scan("سال 1992 و ۱۹ مهر و 1400/02/03 (1996)")]
    [['1400/02/03'], ['مهر'], ['سال 1992'], [], ['(1996)']]
    """
    # the C lookups are worth it at any length; numpy's fixed cost only from _NUMPY_MIN_CHARS on
    np = _numpy() if _C is not None or len(folded) >= _NUMPY_MIN_CHARS else None
    starts = _starts_numpy(folded, np) if np is not None else None
    if starts is None:
        digit_starts = [m.start() for m in _DIGIT_RUN.finditer(folded)]
        months = list(_MONTH_NAME.finditer(folded))
    else:
        digit_starts, month_starts = starts
        months = _matches_at(_MONTH_NAME, folded, month_starts)
    numeric_at, era_at, word_ends = (
        _digit_candidates_py if _C is None else _C.digit_candidates
    )(folded, digit_starts, _NUMERIC_MARKS, _ERA_OPENINGS, _ERA_SPACES, _YEAR_WORD_FORMS)
    return (
        _matches_at(_NUMERIC, folded, numeric_at),
        months,
        _matches_at(_YEAR_AFTER_SAL, folded, _year_word_starts(folded, word_ends)),
        _matches_at(_YEAR_WITH_ERA, folded, era_at),
        list(_YEAR_IN_PARENS.finditer(folded)) if "(" in folded else [],
    )


_YEAR_CHAIN = re.compile(
    rf"\s*(?:تا|و|الی|-|–|/)\s*(?P<year>{_D}{{4}}){_NOT_NUM_AFTER}{_ERA}?"
)
_VERB_AFTER = re.compile(rf"\s+{_VERB_AFTER_MI}")
_MAH_BEFORE = re.compile(r"ماه[\u200c ]?\s*$")
_YEAR_VALUE = re.compile(rf"^\s*(?P<year>{_D}{{4}}){_ERA}?\s*$")
_ISO_DATETIME = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                           r"(?:Z|[+\-]\d{2}:?\d{2})?)?\s*$")
# English dates in metadata fields: «Wed, 11 Oct 2023 10:00:00 GMT» (HTTP, RSS), «11 October
# 2023», «October 11, 2023». Only parse_date reads them: Persian running text does not use them.
_EN_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_EN_MONTH = r"(?P<month>" + "|".join(sorted(_EN_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_DATE = re.compile(
    rf"^\s*(?:[a-z]{{3,9}},?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_EN_MONTH},?\s+(?P<y1>\d{{4}})"
    rf"|{_EN_MONTH.replace('month', 'month2')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))"
    r"(?![\d])",
    re.IGNORECASE,
)

def _era_calendar(era: str | None) -> str | None:
    """Calendar named by an era word: ``ه.ق``/``قمری``, ``ه.ش``/``شمسی``, ``م.``/``میلادی``."""
    if not era:
        return None
    key = _key(era).replace(".", "")
    if key in ("ق", "هق") or key.endswith("قمری"):
        return HIJRI
    if key in ("ش", "هش") or key.endswith(("شمسی", "خورشیدی")):
        return JALALI
    if key in ("م", "میلادی"):
        return GREGORIAN
    return None


def _year_calendar(year: int) -> str | None:
    """Calendar a bare four-digit year belongs to, or ``None`` if it is not a plausible year."""
    if 1200 <= year <= 1499:
        return JALALI
    if 1800 <= year <= 2199:
        return GREGORIAN
    return None


def _expand_two_digit(year_text: str, calendar: str) -> int | None:
    """``۹۸`` -> 1398 and ``۰۲`` -> 1402 for Jalali; two-digit years elsewhere are not read."""
    if len(year_text) != 2 or calendar != JALALI:
        return None
    yy = int(year_text)
    if yy >= 50:
        return 1300 + yy
    if year_text.startswith("0"):
        return 1400 + yy
    return None


def _valid(calendar: str, y: int | None, m: int, d: int | None) -> bool:
    if d is None:
        return True
    try:
        if calendar == JALALI:
            return 1 <= d <= jalali_month_length(y if y else 1403, m)
        if calendar == HIJRI:
            return 1 <= d <= (hijri_month_length(y, m) if y else 30)
        date(y if y else 2000, m, d)  # 2000 is a leap year, so 29 February passes
    except ValueError:
        return False
    return True


def _iso(calendar: str, y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None or m is None or d is None:
        return None
    if calendar == JALALI:
        gy, gm, gd = jalali_to_gregorian(y, m, d)
    elif calendar == HIJRI:
        gy, gm, gd = hijri_to_gregorian(y, m, d)
    else:
        gy, gm, gd = y, m, d
    return f"{gy:04d}-{gm:02d}-{gd:02d}"


def _mention(
    text: str, start: int, end: int, calendar: str, y: int | None, m: int | None, d: int | None,
    weekday: int | None = None,
) -> DateMention:
    return DateMention(
        text=text[start:end], start=start, end=end, calendar=calendar, year=y, month=m, day=d,
        iso=_iso(calendar, y, m, d), weekday=weekday, approximate=calendar == HIJRI and d is not None,
    )


#: what a weekday's name ends with: the part after its last space, which _name_pattern keeps
#: literal («شنبه» of «سه شنبه», «جمعه»)
_WEEKDAY_ENDINGS = tuple(sorted({name.rsplit(" ", 1)[-1] for name in _WEEKDAYS}))
#: the last letters of the ordinal days (and of «ام» after a number)
_ORDINAL_LAST = frozenset({name[-1] for name in _ORDINAL_DAYS} | {"م"})


def _ends_like(folded: str, start: int, end: int) -> str:
    """``folded[start:end]`` without the spaces and the one comma (``\\s*[،,]?\\s*``) that
    the patterns before a date allow at their end."""
    tail = folded[start:end].rstrip()
    return tail[:-1].rstrip() if tail.endswith(("،", ",")) else tail


def _weekday_before(folded: str, start: int) -> tuple[int | None, int]:
    """The ISO weekday named right before ``start`` and where its name starts, if any."""
    # the search looks back 24 characters for a lookbehind and a name: only when they end with
    # a weekday's last word (a C test) can it match
    if not _ends_like(folded, max(0, start - 24), start).endswith(_WEEKDAY_ENDINGS):
        return None, start
    match = _WEEKDAY_BEFORE.search(folded, max(0, start - 24), start)
    if match is None:
        return None, start
    return _WEEKDAY_BY_KEY[_key(match.group("weekday"))], match.start()


def _textual(text: str, folded: str, month_match: re.Match[str]) -> DateMention | None:
    """The date around a month name: ``[weekday] [day] month [year]``, or ``None``."""
    month_key = _key(month_match.group("month"))
    calendar, month = _MONTH_BY_KEY[month_key]
    at, after = month_match.start(), month_match.end()
    # a day (digits, «۱۹ ام», an ordinal) ends right before the month, spaces aside; else the
    # search, which tries each place of the window, cannot match
    last = folded[max(0, at - _DAY_WINDOW):at].rstrip()[-1:]
    day_match = _DAY_BEFORE.search(folded, max(0, at - _DAY_WINDOW), at) if (
        last.isdecimal() or last in _ORDINAL_LAST) else None
    day: int | None = None
    if day_match is not None:
        day_text, dayword = day_match.group("day"), day_match.group("dayword")
        day = int(day_text) if day_text else _ORDINAL_BY_KEY[_key(dayword)]
    elif _NUMBER_BEFORE.search(folded, max(0, at - 3), at):
        return None
    year_match = _YEAR_AFTER.match(folded, after)
    year: int | None = None
    if year_match is not None:
        era_calendar = _era_calendar(year_match.group("era"))
        if era_calendar is not None and era_calendar != calendar:
            return None  # "۱۴ مهر ۲۰۲۰ میلادی" mixes calendars: not a date we can trust
        year_text = year_match.group("year")
        year = int(year_text) if len(year_text) == 4 else _expand_two_digit(year_text, calendar)
    if day is None and year is None:
        return None  # a month name alone is not a date (and «مهر», «دی» are also words)
    if month_key in ("می", "مه") and day is None:
        return None
    if month_key == "صفر" and year is None and not _MAH_BEFORE.search(folded, 0, at):
        return None
    if month_key == "می" and year is None and _VERB_AFTER.match(folded, after):
        return None
    if not _valid(calendar, year, month, day):
        return None
    start = day_match.start() if day_match is not None else at
    end = year_match.end() if year_match is not None and year is not None else after
    weekday, start = _weekday_before(folded, start)
    return _mention(text, start, _rstrip_end(text, start, end), calendar, year, month, day, weekday)


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \u200c،,":
        end -= 1
    return end


def _numeric(text: str, folded: str, match: re.Match[str]) -> DateMention | None:
    if match.group("y1"):
        y, m, d = int(match.group("y1")), int(match.group("m1")), int(match.group("d1"))
    else:
        y, m, d = int(match.group("y2")), int(match.group("m2")), int(match.group("d2"))
    calendar = _year_calendar(y)
    if calendar is None or not 1 <= m <= 12 or not _valid(calendar, y, m, d):
        return None
    weekday, start = _weekday_before(folded, match.start())
    return _mention(text, start, match.end(), calendar, y, m, d, weekday)


def _bare_year(text: str, match: re.Match[str]) -> DateMention | None:
    year_text = match.group("year")
    era = match.groupdict().get("era")
    calendar = _era_calendar(era) or _year_calendar(int(year_text)) if len(year_text) >= 3 else None
    year = int(year_text)
    if len(year_text) == 2:
        calendar = _era_calendar(era) or JALALI
        expanded = _expand_two_digit(year_text, calendar)
        if expanded is None:
            return None
        year = expanded
    if calendar is None:
        return None
    end = match.end("era") if era else match.end("year")
    return _mention(text, match.start("year"), end, calendar, year, None, None)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def find_dates(text: str) -> list[DateMention]:
    """Every date mentioned in ``text``, in order of position, without overlaps.

    Full dates win over partial ones at the same place (``۱۹ مهر ۱۴۰۲`` is one mention, not a
    day-month plus a bare year).

    >>> [(m.text, m.month, m.day) for m in find_dates("حوادث 14 می تشکیل شده بود")]
    [('14 می', 5, 14)]
    >>> find_dates("به 14 می رسد")
    []
    >>> [(m.calendar, m.iso, m.approximate) for m in find_dates("۱۵ رمضان ۱۴۴۵")]
    [('hijri', '2024-03-25', True)]
    """
    if not text:
        return []
    folded = _fold(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(mention: DateMention | None) -> None:
        if mention is not None and not _overlaps((mention.start, mention.end), taken):
            found.append(mention)
            taken.append((mention.start, mention.end))

    numeric, months, after_sal, with_era, in_parens = _scan(folded)
    for m in numeric:
        add(_numeric(text, folded, m))
    for m in months:
        add(_textual(text, folded, m))
    years: list[DateMention] = []
    for matches in (after_sal, with_era, in_parens):
        for m in matches:
            mention = _bare_year(text, m)
            if mention is not None and not _overlaps((mention.start, mention.end), taken):
                add(mention)
                years.append(mention)
    # "1992 تا 1996", "سال‌های ۱۳۹۸ و ۱۳۹۹": a year right after a year is a year too.
    queue = list(years)
    while queue:
        previous = queue.pop()
        chained = _YEAR_CHAIN.match(folded, previous.end)
        if chained is None:
            continue
        mention = _bare_year(text, chained)
        if mention is not None and mention.calendar == previous.calendar and (
            not _overlaps((mention.start, mention.end), taken)
        ):
            add(mention)
            queue.append(mention)
    found.sort(key=lambda x: x.start)
    return found


def _completeness(m: DateMention) -> int:
    return (m.year is not None) * 4 + (m.month is not None) * 2 + (m.day is not None)


def parse_date(value: str) -> DateMention | None:
    """Parse one date value, such as a metadata field, to the most complete date in it.

    Accepts everything :func:`find_dates` finds, plus ISO 8601 date-times
    (``2024-02-03T10:15:00+03:30``; the time is not kept), English dates of HTTP and RSS headers
    (``Wed, 11 Oct 2023 10:00:00 GMT``, ``October 11, 2023``) and a bare year (``۱۴۰۲``, which in
    running text would need ``سال`` before it). Returns ``None`` when ``value`` holds no date.

    >>> parse_date("1402/07/19").iso
    '2023-10-11'
    >>> parse_date("۱۴۰۲-۰۸-۹").iso
    '2023-10-31'
    >>> parse_date("2024-02-03T10:15:00Z").calendar
    'gregorian'
    >>> parse_date("۱۴۰۲").year
    1402
    >>> parse_date("سه شنبه") is None
    True
    """
    if not value or not value.strip():
        return None
    # _FOLD maps no ASCII character: an ISO or English date (most metadata) is its own fold
    folded = value if value.isascii() else _fold(value)
    iso = _ISO_DATETIME.match(folded)
    if iso is not None:
        y, m, d = (int(g) for g in iso.groups())
        calendar = _year_calendar(y)
        if calendar is not None and 1 <= m <= 12 and _valid(calendar, y, m, d):
            start, end = iso.start(1), iso.end(3)
            return _mention(value, start, end, calendar, y, m, d)
    english = _EN_DATE.match(folded)
    if english is not None:
        y = int(english.group("y1") or english.group("y2"))
        d = int(english.group("d1") or english.group("d2"))
        m = _EN_MONTHS[(english.group("month") or english.group("month2")).lower()]
        if _valid(GREGORIAN, y, m, d):
            return _mention(value, english.start(), english.end(), GREGORIAN, y, m, d)
    year_only = _YEAR_VALUE.match(folded)
    if year_only is not None:  # a field holding a year is a year, whatever stands around it
        mention = _bare_year(value, year_only)
        if mention is not None:
            return mention
    mentions = find_dates(value)
    if not mentions:
        return None
    return max(mentions, key=lambda x: (_completeness(x), -x.start))
