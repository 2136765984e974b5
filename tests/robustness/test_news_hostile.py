"""The news functions (boilerplate, attribution, dates, structure) on hostile text: they never
raise, and boilerplate removal only removes lines, it never invents or changes one.

Hostile here: impossible dates (month 13, day 0, ۳۰ اسفند in a common year, 12-digit years),
NULs, lone surrogates, line separators, half-written agency sign-offs, all glued at random.
"""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.news.attribution import parse_attribution
from khabar.news.boilerplate import strip_boilerplate
from khabar.news.dates import find_dates, parse_date
from khabar.news.structure import structure

PIECES = st.sampled_from(
    [
        "به گزارش", "خبرگزاری مهر", "ایسنا", "عکس:", "انتهای پیام/", "کد خبر: ۱۲۳",
        "۱۴۰۲/۰۷/۱۹", "۳۱ شهریور ۱۴۰۲", "۳۰ اسفند ۱۴۰۱", "1402/13/45", "0/0/0", "-1/-1/-1",
        "۹۹۹۹۹۹۹۹۹۹۹۹ فروردین ۹۹۹۹۹۹۹۹۹", "2023-02-30", "ساعت ۲۵:۹۹", "ربیع‌الاول ۱۴۴۵",
        "12 اسفند 0", "تهران- ایرنا-", "\n", "\n\n", " ", "\x00", "\ud800", "\u2028", "\r\n",
    ]
)  # fmt: skip
HOSTILE = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(HOSTILE)
def test_news_functions_never_raise(text):
    parse_attribution(text)
    parse_date(text)
    for mention in find_dates(text):
        assert text[mention.start : mention.end] == mention.text
        if mention.iso is not None:  # an impossible date is never given a Gregorian day
            year, month, day = (int(p) for p in mention.iso.lstrip("-").split("-"))
            assert 1 <= month <= 12 and 1 <= day <= 31
            if 1 <= year <= 9999:
                datetime.date(year, month, day)  # raises on 2023-02-30
    structure(text)


@SETTINGS
@given(HOSTILE)
def test_boilerplate_only_removes_whole_lines(text):
    kept, removed = strip_boilerplate(text)
    lines = text.split("\n")
    assert all(line in lines for line in kept.split("\n") if line.strip())
    for r in removed:
        assert 0 <= r.line < len(lines)
        assert r.text == lines[r.line] or r.text.strip() == lines[r.line].strip()
