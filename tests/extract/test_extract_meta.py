"""Dates, titles and datelines read from page metadata; expected dates worked out by hand.

Anchors used to check Jalali dates: 1 Farvardin 1399 = 2020-03-20, 1 Farvardin 1402 =
2023-03-21, 1 Mehr 1402 = 2023-09-23, 1 Bahman 1398 = 2020-01-21, 1 Bahman 1402 = 2024-01-21;
Farvardin-Shahrivar have 31 days, Mehr-Bahman 30.
"""

from __future__ import annotations

import pytest

from khabar.extract.meta import (
    fold_digits,
    is_dateline,
    parse_date,
    similar_titles,
    strip_site_name,
    unescape_leftover_entities,
)


@pytest.mark.parametrize(
    ("value", "iso", "calendar"),
    [
        ("2020-02-18T03:25:00Z", "2020-02-18", "gregorian"),
        ("2020-05-10T18:59:01+04:30", "2020-05-10", "gregorian"),
        ("2020-02-18 T 07:20:50 +0330", "2020-02-18", "gregorian"),
        ("2024-02-03", "2024-02-03", "gregorian"),
        # yjc puts a Jalali date in article:published_time: 21 Ordibehesht = 20 Apr + 20 days
        ("۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹", "2020-05-10", "jalali"),
        ("1402/07/19", "2023-10-11", "jalali"),  # 1 Mehr 1402 = 23 Sep, + 18 days
        ("1402-07-19", "2023-10-11", "jalali"),  # ISO shape, Jalali year
        ("۱۹ مهر ۱۴۰۲", "2023-10-11", "jalali"),
        ("2 تير 1399 - 12:09:08 ب.ظ", "2020-06-22", "jalali"),  # Arabic yeh in تير
        ("۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹", "2020-05-10", "jalali"),
        ("دوشنبه ۲۸ بهمن ۱۳۹۸ - ۱۲:۳۰", "2020-02-17", "jalali"),
        ("سه\u200cشنبه ۲۹ بهمن ۱۳۹۸", "2020-02-18", "jalali"),
        ("۱۴ بهمن ۱۴۰۲", "2024-02-03", "jalali"),
        ("1402/08/13", "2023-11-04", "jalali"),  # 1 Aban 1402 = 23 Oct, + 12 days
    ],
)
def test_parse_date(value: str, iso: str, calendar: str) -> None:
    parsed = parse_date(value)
    assert parsed is not None
    assert (parsed.iso, parsed.calendar, parsed.raw) == (iso, calendar, value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "کد خبر: ۷۳۴۹۹۲۶",  # an id, not a date
        "۱۲:۳۰",  # a time
        "2020-02-30",  # no such day
        "1402/13/01",  # no 13th month
        "31 مهر 1402",  # Mehr has 30 days
        "0912-345-6789",  # a phone number
        "مهر ۱۴۰۲",  # month and year only: no day to publish on
        "300 میلیون تومان در سال",
    ],
)
def test_parse_date_negatives(value: str) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("دوشنبه ۲۸ بهمن ۱۳۹۸ - ۱۲:۳۰", True),
        ("2 تير 1399 - 12:09:08 ب.ظ", True),
        ("تاریخ انتشار: 1402/07/19", True),
        ("۱۴ بهمن ۱۴۰۲", True),
        ("این قانون از ۱ فروردین ۱۴۰۳ اجرا می\u200cشود.", False),
        ("نتایج در شماره\u200cی ۱۴۰۲/۱۱/۱۰ نشریه منتشر شد", False),
        ("کد خبر: ۹۸۷۶۵", False),
        ("", False),
    ],
)
def test_is_dateline(text: str, expected: bool) -> None:
    assert is_dateline(text) is expected


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("تحلیل روزنامه اصولگرا - خبرآنلاین", "خبرآنلاین", "تحلیل روزنامه اصولگرا"),
        ("خبرگزاری آريا - ورود 50 هزار میلیارد تومان", None, "ورود 50 هزار میلیارد تومان"),
        ("کشف گونه تازه | روزنامه نمونه", "روزنامه نمونه", "کشف گونه تازه"),
        # site name written with Arabic yeh in the title, Persian yeh in og:site_name
        ("بارش برف | پايگاه خبري نمونه", "پایگاه خبری نمونه", "بارش برف"),
        # must not change: a dash inside the headline, no site name on either side
        (
            "ایران - آمریکا؛ دیدار دو تیم در جام جهانی",
            None,
            "ایران - آمریکا؛ دیدار دو تیم در جام جهانی",
        ),
        ("بدون جداکننده", "خبرآنلاین", "بدون جداکننده"),
        # must not change: only the site name would remain
        ("خبرآنلاین", "خبرآنلاین", "خبرآنلاین"),
    ],
)
def test_strip_site_name(title: str, site: str | None, expected: str) -> None:
    assert strip_site_name(title, site) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ورود 50 هزار میلیارد تومان", "خبرگزاری آریا - ورود 50 هزار میلیارد تومان", True),
        ("سفر وزیر به مشهد", "سفر\u200cوزیر به مشهد", True),  # ZWNJ/space differences ignored
        ("سفر وزیر به مشهد", "قیمت طلا امروز", False),
        ("", "قیمت طلا امروز", False),
    ],
)
def test_similar_titles(a: str, b: str, expected: bool) -> None:
    assert similar_titles(a, b) is expected


def test_fold_digits_and_entities() -> None:
    assert fold_digits("۱۴۰۲ و ١٤٠٢ كتاب") == "1402 و 1402 کتاب"
    assert unescape_leftover_entities("می&zwnj;روم و می&#8204;آیم") == "می\u200cروم و می\u200cآیم"
    assert unescape_leftover_entities("a &amp; b") == "a &amp; b"  # other entities untouched
