"""A small private Jalali (Solar Hijri) -> Gregorian converter for HTML date extraction.

``src/khabar/news/dates.py`` (another module, not yet in the tree when this was written) is meant
to own calendar conversion for the whole project; this file exists so that HTML metadata can be
dated without it, and should be merged into it once it lands.

The arithmetic is the 33-year-cycle algorithm used by jdf.scr.ir and jalaali-js; it agrees with the
official calendar for the years 1178-1633 AP, which covers every page on the web.

>>> jalali_to_gregorian(1399, 1, 1)
datetime.date(2020, 3, 20)
>>> jalali_to_gregorian(1402, 7, 19)
datetime.date(2023, 10, 11)
"""

from __future__ import annotations

from datetime import date

#: the years this converter is trusted for; values outside are treated as not-a-Jalali-year
JALALI_YEARS = range(1178, 1634)


def jalali_to_gregorian(year: int, month: int, day: int) -> date:
    """Convert a Jalali date to a Gregorian :class:`datetime.date`.

    Raises:
        ValueError: the month is not 1-12, the day is not valid for that month (months 1-6 have
            31 days, 7-11 have 30, Esfand 29 or 30 in a leap year), or the year is outside 1178-1633.
    """
    if year not in JALALI_YEARS:
        raise ValueError(f"Jalali year {year} is outside the supported range 1178-1633")
    if not 1 <= month <= 12:
        raise ValueError(f"Jalali month {month} is not between 1 and 12")
    month_days = 31 if month <= 6 else 30 if month <= 11 else 30 if is_jalali_leap(year) else 29
    if not 1 <= day <= month_days:
        raise ValueError(f"day {day} is not valid in Jalali {year}/{month} ({month_days} days)")
    # Days from 1 Farvardin of year 1595-shifted epoch, then the Gregorian 400/100/4/1-year cycles.
    jy = year + 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month < 7 else (month - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    return date.fromordinal(date(gy, 1, 1).toordinal() + days)


def is_jalali_leap(year: int) -> bool:
    """Whether Jalali ``year`` has 366 days (Esfand 30 exists), by the 33-year cycle.

    >>> is_jalali_leap(1403), is_jalali_leap(1402)
    (True, False)
    """
    return _day_count(year + 1) - _day_count(year) == 366


def _day_count(year: int) -> int:
    """Days from the algorithm's epoch to 1 Farvardin of ``year`` (only differences matter)."""
    jy = year + 1595
    return 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4
