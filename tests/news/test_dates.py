"""Dates in Persian text and calendar conversion. Every expected value is checked by hand."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.dates import find_dates, parse_date
from khabar.dates.calendars import (
    gregorian_to_hijri,
    gregorian_to_jalali,
    hijri_to_gregorian,
    is_jalali_leap,
    jalali_to_gregorian,
)

# --- conversion: known pairs -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1403, 1, 1), (2024, 3, 20)),  # Nowruz 1403 fell on 20 March (1402 -> leap 1403)
        ((1402, 7, 19), (2023, 10, 11)),
        ((1402, 1, 1), (2023, 3, 21)),
        ((1404, 1, 1), (2025, 3, 21)),
        ((1400, 1, 1), (2021, 3, 21)),
        ((1403, 12, 30), (2025, 3, 20)),  # 30 Esfand exists in leap 1403
        ((1399, 12, 30), (2021, 3, 20)),  # and in leap 1399
        ((1357, 11, 22), (1979, 2, 11)),  # 22 Bahman 1357, the revolution's anniversary
        ((1402, 10, 1), (2023, 12, 22)),  # 1 Dey, the day after Yalda night
        ((1402, 7, 1), (2023, 9, 23)),  # 1 Mehr, first day of autumn
        ((1402, 6, 31), (2023, 9, 22)),
    ],
)
def test_jalali_gregorian_known_pairs(jalali: tuple[int, int, int], gregorian: tuple[int, int, int]) -> None:
    assert jalali_to_gregorian(*jalali) == gregorian
    assert gregorian_to_jalali(*gregorian) == jalali


@pytest.mark.parametrize(
    ("year", "leap"),
    [(1395, True), (1399, True), (1403, True), (1408, True), (1400, False), (1402, False),
     (1404, False), (1407, False)],
)
def test_jalali_leap_years(year: int, leap: bool) -> None:
    # 1408, not 1407, is leap: the 33-year cycle has a five-year gap there.
    assert is_jalali_leap(year) is leap


@pytest.mark.parametrize("bad", [(1402, 12, 30), (1402, 7, 31), (1402, 13, 1), (1402, 0, 1), (0, 1, 1)])
def test_jalali_invalid_dates_raise_with_reason(bad: tuple[int, int, int]) -> None:
    with pytest.raises(ValueError, match=r"Jalali"):
        jalali_to_gregorian(*bad)


def test_a_kept_jalali_year_is_the_computed_one() -> None:
    # _jal_cal keeps each int year's answer: the same as computing it, for every year of the
    # range; a year outside it raises every time (nothing is kept for it)
    from khabar.dates import calendars

    for year in range(calendars.JALALI_MIN_YEAR, calendars.JALALI_MAX_YEAR + 1):
        assert calendars._jal_cal(year) == calendars._jal_cal_computed(year), year
    for bad in (0, calendars.JALALI_MAX_YEAR + 1, 0, calendars.JALALI_MAX_YEAR + 1):
        with pytest.raises(ValueError, match="outside the supported range"):
            calendars._jal_cal(bad)
    assert calendars._jal_cal(True) == calendars._jal_cal_computed(1)  # not an int: computed
    assert (1403, 12, 30) == gregorian_to_jalali(*jalali_to_gregorian(1403, 12, 30))


def test_hijri_tabular_known_pairs() -> None:
    # Tabular (civil) calendar; 1 Ramadan 1445 was also 11 March 2024 in Umm al-Qura.
    assert hijri_to_gregorian(1445, 9, 1) == (2024, 3, 11)
    assert hijri_to_gregorian(1445, 9, 15) == (2024, 3, 25)
    assert gregorian_to_hijri(2024, 3, 11) == (1445, 9, 1)
    with pytest.raises(ValueError):
        hijri_to_gregorian(1445, 13, 1)


@given(st.dates(min_value=date(1700, 1, 1), max_value=date(2300, 12, 31)))
def test_jalali_round_trip(day: date) -> None:
    assert jalali_to_gregorian(*gregorian_to_jalali(day.year, day.month, day.day)) == (
        day.year, day.month, day.day)


@given(st.dates(min_value=date(1700, 1, 1), max_value=date(2300, 12, 31)))
def test_consecutive_days_are_consecutive_in_jalali(day: date) -> None:
    y, m, d = gregorian_to_jalali(day.year, day.month, day.day)
    nxt = day + timedelta(days=1)
    ny, nm, nd = gregorian_to_jalali(nxt.year, nxt.month, nxt.day)
    assert (ny, nm, nd) in {(y, m, d + 1), (y, m + 1, 1), (y + 1, 1, 1)}


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2300, 12, 31)))
def test_hijri_round_trip(day: date) -> None:
    assert hijri_to_gregorian(*gregorian_to_hijri(day.year, day.month, day.day)) == (
        day.year, day.month, day.day)


# --- find_dates: what is a date ----------------------------------------------------------------

# (text, [(matched text, calendar, year, month, day, iso)])
FOUND = [
    ("۱۹ مهر ۱۴۰۲", [("۱۹ مهر ۱۴۰۲", "jalali", 1402, 7, 19, "2023-10-11")]),
    ("1402/07/19", [("1402/07/19", "jalali", 1402, 7, 19, "2023-10-11")]),
    ("1402-07-19", [("1402-07-19", "jalali", 1402, 7, 19, "2023-10-11")]),
    ("١٤٠٢/٠٧/١٩", [("١٤٠٢/٠٧/١٩", "jalali", 1402, 7, 19, "2023-10-11")]),  # Arabic-Indic digits
    ("در ۱۴۰۲.۰۷.۱۹ منتشر شد", [("۱۴۰۲.۰۷.۱۹", "jalali", 1402, 7, 19, "2023-10-11")]),
    ("19/07/1402", [("19/07/1402", "jalali", 1402, 7, 19, "2023-10-11")]),
    ("2024-02-03", [("2024-02-03", "gregorian", 2024, 2, 3, "2024-02-03")]),
    ("حوادث 14 می تشکیل شده بود", [("14 می", "gregorian", None, 5, 14, None)]),
    ("در ژوئن ۲۰۲۰ آغاز شد", [("ژوئن ۲۰۲۰", "gregorian", 2020, 6, None, None)]),
    ("روز ۳ اکتبر ۲۰۲۱", [("۳ اکتبر ۲۰۲۱", "gregorian", 2021, 10, 3, "2021-10-03")]),
    ("۱۵ رمضان ۱۴۴۵", [("۱۵ رمضان ۱۴۴۵", "hijri", 1445, 9, 15, "2024-03-25")]),
    ("۱۳ رجب", [("۱۳ رجب", "hijri", None, 7, 13, None)]),
    ("ماه صفر ۱۴۴۵", [("صفر ۱۴۴۵", "hijri", 1445, 2, None, None)]),
    ("چهارشنبه، ۱۹ مهرماه ۱۴۰۲", [("چهارشنبه، ۱۹ مهرماه ۱۴۰۲", "jalali", 1402, 7, 19, "2023-10-11")]),
    ("سه‌شنبه ۲۳ آبان", [("سه‌شنبه ۲۳ آبان", "jalali", None, 8, 23, None)]),
    ("نوزدهم مهر", [("نوزدهم مهر", "jalali", None, 7, 19, None)]),
    ("سی و یکم شهریور ۱۴۰۱", [("سی و یکم شهریور ۱۴۰۱", "jalali", 1401, 6, 31, "2022-09-22")]),
    ("۲۲ بهمن ۱۳۵۷", [("۲۲ بهمن ۱۳۵۷", "jalali", 1357, 11, 22, "1979-02-11")]),
    ("۳۰ اسفند ۱۴۰۳", [("۳۰ اسفند ۱۴۰۳", "jalali", 1403, 12, 30, "2025-03-20")]),
    ("29 فوریه 2024", [("29 فوریه 2024", "gregorian", 2024, 2, 29, "2024-02-29")]),
    ("مهر ۹۸", [("مهر ۹۸", "jalali", 1398, 7, None, None)]),
    ("دی ماه ۱۴۰۱", [("دی ماه ۱۴۰۱", "jalali", 1401, 10, None, None)]),
    ("۵ دي ۱۴۰۱", [("۵ دي ۱۴۰۱", "jalali", 1401, 10, 5, "2022-12-26")]),  # Arabic yeh in دي
    # bare years need evidence: سال, an era word, parentheses, or a year before them
    ("از سال 1992 روابط", [("1992", "gregorian", 1992, None, None, None)]),
    ("1992 میلادی", [("1992 میلادی", "gregorian", 1992, None, None, None)]),
    ("۱۴۰۲ ه.ش", [("۱۴۰۲ ه.ش", "jalali", 1402, None, None, None)]),
    ("متولد (1996) است", [("1996", "gregorian", 1996, None, None, None)]),
    ("در سال ۹۸", [("۹۸", "jalali", 1398, None, None, None)]),
    ("پنج ماه اول سال 87", [("87", "jalali", 1387, None, None, None)]),
    ("سال‌های ۱۳۹۸ و ۱۳۹۹", [("۱۳۹۸", "jalali", 1398, None, None, None),
                            ("۱۳۹۹", "jalali", 1399, None, None, None)]),
    ("سال 2016 بیش از 300 میلیون دلار", [("2016", "gregorian", 2016, None, None, None)]),
    ("متولد 65 است", [("65", "jalali", 1365, None, None, None)]),
    ("در تابستان 1395", [("1395", "jalali", 1395, None, None, None)]),
    ("المپیک 2016 ریو", [("2016", "gregorian", 2016, None, None, None)]),
    ("انتخابات ریاست جمهوری 2016 آمریکا", [("2016", "gregorian", 2016, None, None, None)]),
    ("فیلم ( 2016 )", [("2016", "gregorian", 2016, None, None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_dates(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [(m.text, m.calendar, m.year, m.month, m.day, m.iso) for m in find_dates(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "300 میلیون دلار",
        "1400 نفر در این مراسم شرکت کردند",
        "تلفن 021-88776655",
        "0912-345-6789",
        "نسخه 1.2.3",
        "ساعت 10:30",
        "قیمت 1402.5 تومان",
        "تعداد آنها به ۱۴ می رسد",  # spaced verbal prefix, not May
        "تعداد آنها به ۱۴ می‌رسد",
        "رجب طیب اردوغان",  # a name, not the month
        "عدد یک با ۱۲ صفر",  # zero, not the month Safar
        "۱۰ صفر",
        "۳۱ مهر",  # Mehr has 30 days
        "۳۰ اسفند ۱۴۰۲",  # 1402 is not leap: no such day, and no partial "اسفند ۱۴۰۲" either
        "29 فوریه 2023",
        "در ماه دی",  # month without any number
        "طی 70 سال اخیر",  # a duration
        "سالی 65 هزار کودک",  # "65 thousand a year"
        "سال 1400 نفر",  # a count after سال
        "در انتخابات 1400 نفر نامزد شدند",
        "متولد 1990 نفر",
        "1402/13/40",
    ],
)
def test_find_dates_must_not_match(text: str) -> None:
    assert find_dates(text) == []


def test_spans_point_into_the_input() -> None:
    text = "گزارش روز چهارشنبه ۱۹ مهر ۱۴۰۲ و سال 1992 و 1402/07/19."
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text


def test_weekday_is_reported() -> None:
    (m,) = find_dates("دوشنبه ۱۴۰۲/۰۷/۲۴")
    assert m.weekday == 1  # ISO Monday; 16 October 2023 was a Monday
    assert m.iso == "2023-10-16"


def test_hijri_is_marked_approximate() -> None:
    (m,) = find_dates("۱۵ رمضان ۱۴۴۵")
    assert m.approximate
    (j,) = find_dates("۱۹ مهر ۱۴۰۲")
    assert not j.approximate


@given(st.text(max_size=200))
def test_find_dates_never_raises_and_spans_are_exact(text: str) -> None:
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text


# --- parse_date ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "calendar", "iso"),
    [
        ("1402/07/19", "jalali", "2023-10-11"),
        ("1402-08-9", "jalali", "2023-10-31"),
        ("۱۴۰۲/۰۸/۱۳", "jalali", "2023-11-04"),
        ("2024-02-03", "gregorian", "2024-02-03"),
        ("2024-02-03T10:15:00+03:30", "gregorian", "2024-02-03"),
        ("2021-10-03 08:00:00", "gregorian", "2021-10-03"),
        ("دوشنبه ۲۴ مهر ۱۴۰۲ - ۱۰:۳۰", "jalali", "2023-10-16"),
        ("Wed, 11 Oct 2023 10:00:00 GMT", "gregorian", "2023-10-11"),
        ("11 October 2023", "gregorian", "2023-10-11"),
        ("October 11, 2023", "gregorian", "2023-10-11"),
        ("Sept. 3rd, 2021", "gregorian", "2021-09-03"),
        ("۱۴۰۲", "jalali", None),  # a year-only field
        ("2016", "gregorian", None),
        ("۱۴۴۵ ه.ق", "hijri", None),
    ],
)
def test_parse_date(value: str, calendar: str, iso: str | None) -> None:
    m = parse_date(value)
    assert m is not None
    assert (m.calendar, m.iso) == (calendar, iso)


@pytest.mark.parametrize(
    "value", ["", "  ", "نامعلوم", "سه شنبه", "2024-13-45", "300", "5000", "12345", "31 June 2023",
              "May the force", "Mar 2023"])
def test_parse_date_without_a_date(value: str) -> None:
    assert parse_date(value) is None


def test_an_ascii_value_is_its_own_fold() -> None:
    # parse_date skips _fold for an ASCII value (most metadata dates): no ASCII character is
    # folded, and a value with Persian or Arabic-Indic digits still is
    from khabar.dates.mentions import _FOLD, _fold

    assert not any(source.isascii() for source, _ in _FOLD)
    assert _fold("2024-02-03T10:15:00Z") == "2024-02-03T10:15:00Z"
    assert _fold("١٤٠٢/٠٧/١٩") == "1402/07/19"
    assert parse_date("١٤٠٢/٠٧/١٩").iso == parse_date("1402/07/19").iso == "2023-10-11"


# --- the seed and the shared data ---------------------------------------------------------------


def test_seed_dates(fixtures: Path) -> None:
    seed = fixtures / "news" / "tasnim-kazakhstan"
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))["dates_mentioned"]
    found = find_dates((seed / "clean.txt").read_text(encoding="utf-8"))
    # The gold lists each distinct date once; the text says "سال 1992" twice.
    got = {(m.text, m.year, m.month, m.day) for m in found}
    want = {(d["text"], d.get("year"), d.get("month"), d.get("day")) for d in expected}
    assert got == want
    assert [m.text for m in found] == ["14 می", "1992", "1992", "1996", "2016"]


def test_targoman_date_fields(shared: Path) -> None:
    """Every record's ``date`` gives the day in its source path (``<site>/<date>/<hash>.json``)."""
    lines = (shared / "data" / "targoman_sample" / "docs.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in lines.splitlines() if line.strip()]
    right = 0
    for record in records:
        y, m, d = (int(x) for x in record["source_path"].split("/")[2].split("-"))
        got = parse_date(record["date"])
        right += got is not None and (got.year, got.month, got.day) == (y, m, d)
    assert right / len(records) >= 0.99


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_parse_date_agrees_with_find_dates(text: str, expected: list[tuple[object, ...]]) -> None:
    for m in find_dates(text):
        if m.month is None and len(m.text.strip()) == 2:
            continue  # «۹۸» is a year only after «سال», which is not part of the mention
        parsed = parse_date(m.text)
        assert parsed is not None
        assert (parsed.calendar, parsed.year, parsed.month, parsed.day, parsed.iso) == (
            m.calendar, m.year, m.month, m.day, m.iso)


def test_old_import_paths_still_work() -> None:
    """``khabar.news.dates`` and ``khabar.news.calendars`` moved to :mod:`khabar.dates`."""
    import khabar.dates
    import khabar.dates.calendars
    import khabar.news.calendars
    import khabar.news.dates

    assert khabar.news.dates.find_dates is khabar.dates.find_dates
    assert khabar.news.dates.parse_date is khabar.dates.parse_date
    assert khabar.news.dates.DateMention is khabar.dates.DateMention
    assert khabar.news.calendars.jalali_to_gregorian is khabar.dates.calendars.jalali_to_gregorian
    assert khabar.news.calendars.jalali_to_gregorian(1403, 1, 1) == (2024, 3, 20)


# --- the fast scan finds what a scan per pattern finds --------------------------------------------

_PIECES = [
    "سال", "سال‌های", "سالها", "سالی", " ", "  ", "\n", "\u200c", "،", "(", ")", "/", "-", ".", ":",
    "1992", "۱۴۰۲", "۹۸", "12", "3", "2024", "10000", "مهر", "مهرماه", "ماه", "دی", "می", "مه",
    "صفر", "ربیع الاول", "ربیع", "ذی‌القعده", "ژانویه", "متولد", "تابستان", "جام جهانی",
    "ریاست جمهوری", "انتخابات", "المپیک", "میلادی", "ه.ش", "هجری قمری", "تا", "و", "نفر",
    "هزار", "نوزدهم", "بیست و یکم", "چهارشنبه", "یک شنبه", "x", "رسد", "امسال",
    "\t", "ش", "ق", "م.", "شمسی", "\u200cخورشیدی", "ه.ق", "پائیز", "سال ها", "سال\u200cهای", "120",
    # a two-letter name's «م» or ZWNJ that may or may not open «ماه» (khabar.dates.mentions._char_tables)
    "مهم", "می\u200cشود", "دی\u200cماه", "مه\u200cما", "ام", "اه", "دیماهی",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_scan_matches_a_finditer_per_pattern(pieces: list[str]) -> None:
    """``_scan`` tries each pattern only where it can start; it must find what ``finditer``
    over the whole text finds, with the month names as a flat longest-first alternation (as
    they were before grouping by first letter)."""
    from khabar.dates import mentions as m

    flat = "|".join(m._name_pattern(n) for n in sorted(m._MONTHS, key=len, reverse=True))
    month = re.compile(m._MONTH.replace(m._alternation(m._MONTHS), flat))
    folded = m._fold("".join(pieces))
    expected = [
        [(x.span(), x.groupdict()) for x in p.finditer(folded)]
        for p in (m._NUMERIC, month, m._YEAR_AFTER_SAL, m._YEAR_WITH_ERA, m._YEAR_IN_PARENS)
    ]
    for c in (m._C, None):  # the C lookups when built, and the twins (_digit_candidates_py)
        with mock.patch.object(m, "_C", c):
            got = [[(x.span(), x.groupdict()) for x in found] for found in m._scan(folded)]
        assert got == expected


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40))
def test_numpy_scan_matches_a_finditer_per_pattern(pieces: list[str]) -> None:
    """The same on texts long enough for the numpy lookups (_starts_numpy), which must give every
    place where a month name or a digit run can start."""
    from khabar.dates import mentions as m

    np = pytest.importorskip("numpy")
    text = "".join(pieces)
    folded = m._fold(text * (1 + m._NUMPY_MIN_CHARS // max(len(text), 1)))
    assert m._starts_numpy(folded, np) is not None  # the numpy path, not the regex fallback
    expected = [
        [(x.span(), x.groupdict()) for x in p.finditer(folded)]
        for p in (m._NUMERIC, m._MONTH_NAME, m._YEAR_AFTER_SAL, m._YEAR_WITH_ERA,
                  m._YEAR_IN_PARENS)
    ]
    for c in (m._C, None):
        with mock.patch.object(m, "_C", c):
            got = [[(x.span(), x.groupdict()) for x in found] for found in m._scan(folded)]
        assert got == expected


def _language(pattern: str) -> list[str]:
    """Every text a regex of literals, classes of literals, alternations and ``?`` matches."""
    from re import _constants as c
    from re import _parser

    def texts(items) -> list[str]:
        found = [""]
        for op, av in items:
            if op is c.LITERAL:
                options = [chr(av)]
            elif op is c.IN:
                assert all(o is c.LITERAL for o, _ in av), av
                options = [chr(v) for _, v in av]
            elif op is c.BRANCH:
                options = [t for branch in av[1] for t in texts(branch)]
            elif op is c.SUBPATTERN:
                options = texts(av[-1])
            elif op is c.MAX_REPEAT and av[:2] == (0, 1):
                options = ["", *texts(av[2])]
            else:
                raise AssertionError(f"not a finite pattern: {op} {av}")
            found = [f + o for f in found for o in options]
        return found

    return texts(_parser.parse(pattern))


def test_year_word_forms_are_every_year_word() -> None:
    """_scan tries _YEAR_AFTER_SAL only after one of _YEAR_WORD_FORMS: they must be every text
    _YEAR_WORDS matches (a form left out would lose its dates)."""
    from khabar.dates import mentions as m

    language = _language(m._YEAR_WORDS)
    assert len(language) == len(set(language)) == 19  # سال: 7 forms, 8 words, 2 x 2 with a space
    assert sorted(m._YEAR_WORD_FORMS) == sorted(language)
    assert {"سال", "سال\u200cهای", "سال ها", "پائیز", "جام جهانی", "ریاست\u200cجمهوری"} <= set(
        language)


def test_numpy_scan_leaves_astral_text_to_the_regexes() -> None:
    from khabar.dates import mentions as m

    np = pytest.importorskip("numpy")
    text = "در ۱۹ مهر ۱۴۰۲ 😀 " * 30  # an emoji: a character beyond the BMP
    assert m._starts_numpy(m._fold(text), np) is None
    assert [d.iso for d in find_dates(text)] == ["2023-10-11"] * 30


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سال   1992", ["1992"]),  # several spaces between the year word and the year
        ("سال\n1992", ["1992"]),  # a line break is a space too
        ("سال1992", []),  # no space: not the «سال 1992» form, and no other form either
        ("ریاست جمهوری 2016", ["2016"]),  # the longest year word
        ("متولد 65", ["65"]),
        ("سالی 65 هزار", []),
    ],
)
def test_year_after_a_year_word(text: str, expected: list[str]) -> None:
    assert [x.text for x in find_dates(text)] == expected


# --- the checks before the patterns around a month name: never refuse what the pattern finds ---

_AROUND = ["شنبه", "سه شنبه", "سه‌شنبه", "یکشنبه", "جمعه", "جمعه‌ها", "دوشنبه", "مهر", "19", "۱۹",
           "٢", "ام", "یکم", "بیست و یکم", "سی ام", "اول", "دهم", "نوزدهم", "کتاب", "و", "،", ",",
           " ", "  ", "\u200c", "\t", "\n", "\u00a0", "-", "/"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_AROUND), max_size=10))
def test_weekday_and_day_prechecks_keep_every_match(pieces: list[str]) -> None:
    from khabar.dates import mentions

    folded = mentions._fold("".join(pieces))
    end = len(folded)
    for start in range(end + 1):
        assert mentions._weekday_before(folded, start)[0] is None or (
            mentions._WEEKDAY_BEFORE.search(folded, max(0, start - 24), start) is not None)
        if mentions._WEEKDAY_BEFORE.search(folded, max(0, start - 24), start) is not None:
            assert mentions._weekday_before(folded, start)[0] is not None
    day = mentions._DAY_BEFORE.search(folded, max(0, end - mentions._DAY_WINDOW), end)
    last = folded[max(0, end - mentions._DAY_WINDOW):end].rstrip()[-1:]
    if day is not None:
        assert last.isdecimal() or last in mentions._ORDINAL_LAST


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # must change nothing: a weekday, then a comma, then the date; a day word; «ام»
        ("سه‌شنبه، ۱۹ مهر ۱۴۰۲", [("سه‌شنبه، ۱۹ مهر ۱۴۰۲", 2, 19)]),
        ("جمعه , 3 اکتبر 2021", [("جمعه , 3 اکتبر 2021", 5, 3)]),
        ("نوزدهم مهرماه", [("نوزدهم مهرماه", None, 19)]),
        ("۱۹ ام مهر ۱۴۰۲", [("۱۹ ام مهر ۱۴۰۲", None, 19)]),
        # a word that is no weekday or day before the month: the year alone dates it
        ("کتاب مهر ۱۴۰۲", [("مهر ۱۴۰۲", None, None)]),
        ("جمعه‌ها ۱۹ مهر ۱۴۰۲", [("۱۹ مهر ۱۴۰۲", None, 19)]),
    ],
)
def test_weekday_and_day_before_a_month(text: str, found: list[tuple[object, ...]]) -> None:
    assert [(m.text, m.weekday, m.day) for m in find_dates(text)] == found


def test_maah_masks_are_the_two_letter_names() -> None:
    """«م» and a ZWNJ at a month name's third place come only from the two-letter names «دی»,
    «مه» and «می» («دیماه», «دی‌ماه»): the masks hold those three pairs' bits and no other (checked
    by hand against the month lists: «مهر», the only longer name of those pairs, has «ر» there)."""
    pytest.importorskip("numpy")
    from khabar.dates import mentions as m

    *_, after_m, after_zwnj = m._char_tables()
    bits = sum(1 << m._MONTH_PAIRS.index(pair) for pair in ("دی", "مه", "می"))
    assert after_m == after_zwnj == bits


def test_fourth_table_is_the_month_lists() -> None:
    """Offset 3 of a month name, checked by hand against the month lists: «مرداد» is the only name
    opening «مر» (its fourth letter «ا»); «آذر» ends at three letters (then a character that is
    no word character, or «ماه»); «مه» is a two-letter name (anything may follow)."""
    pytest.importorskip("numpy")
    from khabar.dates import mentions as m

    fourth = m._char_tables()[4]
    bit = {pair: 1 << m._MONTH_PAIRS.index(pair) for pair in ("مر", "آذ", "مه", "ذی")}
    allowed = {pair: {ch for ch in "اممدبی ،.\u200cلعجق" if int(fourth[ord(ch)]) & b}
               for pair, b in bit.items()}
    assert allowed["مر"] == {"ا"}
    assert allowed["آذ"] == {"م", " ", "،", ".", "\u200c"}
    assert allowed["مه"] == set("امدبی ،.\u200cلعجق")
    # «ذی القعده», «ذی‌القعده», «ذیالقعده», «ذیقعده», «ذی الحجه», «ذیحجه»
    assert allowed["ذی"] == {"ا", "ل", "ع", "ج"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مردم ۱۲ مرداد ۱۴۰۲ آمدند", ["2023-08-03"]),
        ("امروز ۵ آذر ۱۴۰۲ در آذربایجان", ["2023-11-26"]),
        ("۵ آذرماه ۱۴۰۲ و ۱۲ امرداد ۱۴۰۲", ["2023-11-26", "2023-08-03"]),
    ],
)
def test_dates_beside_words_that_open_like_a_month(text: str, expected: list[str]) -> None:
    padded = text + " ." * 140  # the lookups of _starts_numpy (the C twin or numpy)
    assert [d.iso for d in find_dates(padded)] == expected
    assert [d.iso for d in find_dates(text)] == expected  # the regex scan of a short text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("در ۱۹ دی‌ماه ۱۴۰۲ می‌شود", ["2024-01-09"]),
        ("در ۱۹ دیماه ۱۴۰۲", ["2024-01-09"]),
        ("۳ مه\u200cماه 2024", ["2024-05-03"]),
        ("۱۴ می رسد و ۱۴ مه ۲۰۲۰ آمد", ["2020-05-14"]),
        ("مهم است که ۱۲ می\u200cشود", []),
    ],
)
def test_dates_beside_maah_and_the_verbal_prefix(text: str, expected: list[str]) -> None:
    # long enough for the lookups of _starts_numpy (the C twin or numpy)
    padded = text + " ." * 140
    assert [d.iso for d in find_dates(padded)] == expected
    assert [d.iso for d in find_dates(text)] == expected  # the regex scan of a short text
