"""Calendar arithmetic: Jalali (Solar Hijri) and tabular Hijri (lunar) <-> Gregorian.

Pure integer arithmetic on Python's proleptic Gregorian ordinals (``date.toordinal``), no tables
beyond the Jalali leap-cycle break years. The Jalali algorithm is the one used by jalaali-js
(Borkowski's 2820-year-free method with break years), exact for the years 1-3177 AP, which is the
range the Iranian calendar authority publishes.

The Hijri lunar calendar is *observational* in Iran (and Umm al-Qura in Saudi Arabia); no
arithmetic reproduces it exactly. :func:`hijri_to_gregorian` uses the common tabular (civil,
Kuwaiti) rule, which agrees with the observed calendar to within one or two days. Callers that
need the exact day must not trust it; :mod:`khabar.dates.mentions` notes it in the mention.

>>> jalali_to_gregorian(1403, 1, 1)
(2024, 3, 20)
>>> gregorian_to_jalali(2023, 10, 11)
(1402, 7, 19)
"""

from __future__ import annotations

from datetime import date
from functools import cache

# Years (AP) where the 33-year leap pattern shifts; from jalaali-js (Behrooz Borkowski's method).
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
           2324, 2394, 2456, 3178)
JALALI_MIN_YEAR = 1
JALALI_MAX_YEAR = _BREAKS[-1] - 1

#: Ordinal of 1 Muharram 1 AH in the civil tabular calendar (16 July 622 Julian = 19 July 622
#: proleptic Gregorian, Julian Day 1948440).
_HIJRI_EPOCH = date(622, 7, 19).toordinal()


def _div(a: int, b: int) -> int:
    """Integer division truncating toward zero (the algorithm was written for JavaScript's ~~)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def _jal_cal(jy: int) -> tuple[int, int, int]:
    """Return ``(leap, gy, march)`` for Jalali year ``jy``.

    ``leap`` is the number of years since the last leap year (0 means ``jy`` is leap), ``gy`` the
    Gregorian year in which ``jy`` starts, and ``march`` the day in March of 1 Farvardin.

    An int year's answer is kept (at most one per year of the range, 3,177): the walk through
    the break years costs some 5 microseconds, and a conversion needs it once or twice.
    """
    if type(jy) is int:
        return _jal_cal_kept(jy)
    return _jal_cal_computed(jy)


@cache
def _jal_cal_kept(jy: int) -> tuple[int, int, int]:
    """:func:`_jal_cal_computed` of an int year, kept (a year outside the range raises, and is
    not kept)."""
    return _jal_cal_computed(jy)


def _jal_cal_computed(jy: int) -> tuple[int, int, int]:
    """:func:`_jal_cal`, computed."""
    if not JALALI_MIN_YEAR <= jy <= JALALI_MAX_YEAR:
        raise ValueError(
            f"Jalali year {jy} is outside the supported range {JALALI_MIN_YEAR}-{JALALI_MAX_YEAR}; "
            "check that the value really is a Jalali (Solar Hijri) year"
        )
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    if leap == -1:
        leap = 4
    return leap, gy, march


def is_jalali_leap(year: int) -> bool:
    """Whether Jalali ``year`` has 30 days in Esfand.

    >>> is_jalali_leap(1403), is_jalali_leap(1402)
    (True, False)
    """
    return _jal_cal(year)[0] == 0


def jalali_month_length(year: int, month: int) -> int:
    """Days in a Jalali month: 31 for months 1-6, 30 for 7-11, 29 or 30 for Esfand."""
    if not 1 <= month <= 12:
        raise ValueError(f"Jalali month {month} is not between 1 and 12")
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_jalali_leap(year) else 29


def _check_jalali(y: int, m: int, d: int) -> None:
    length = jalali_month_length(y, m)
    if not 1 <= d <= length:
        raise ValueError(f"Jalali date {y}/{m}/{d} does not exist: month {m} of {y} has {length} days")


def jalali_to_ordinal(y: int, m: int, d: int) -> int:
    """Proleptic Gregorian ordinal (as :meth:`datetime.date.toordinal`) of a Jalali date."""
    _check_jalali(y, m, d)
    _, gy, march = _jal_cal(y)
    first = date(gy, 3, march).toordinal()
    return first + (m - 1) * 31 - _div(m, 7) * (m - 7) + d - 1


def ordinal_to_jalali(ordinal: int) -> tuple[int, int, int]:
    """Jalali ``(year, month, day)`` of a proleptic Gregorian ordinal."""
    gy = date.fromordinal(ordinal).year
    jy = gy - 621
    leap, _, march = _jal_cal(jy)
    k = ordinal - date(gy, 3, march).toordinal()
    if k >= 0:
        if k <= 185:
            return jy, 1 + _div(k, 31), _mod(k, 31) + 1
        k -= 186
    else:
        jy -= 1
        k += 179
        if leap == 1:
            k += 1
    return jy, 7 + _div(k, 30), _mod(k, 30) + 1


def jalali_to_gregorian(y: int, m: int, d: int) -> tuple[int, int, int]:
    """Convert a Jalali (Solar Hijri) date to Gregorian.

    Raises:
        ValueError: the date does not exist (month 13, 31 Mehr, 30 Esfand of a common year) or the
            year is outside 1-3177.

    >>> jalali_to_gregorian(1402, 7, 19)
    (2023, 10, 11)
    >>> jalali_to_gregorian(1403, 12, 30)  # 1403 is a leap year
    (2025, 3, 20)
    """
    g = date.fromordinal(jalali_to_ordinal(y, m, d))
    return g.year, g.month, g.day


def gregorian_to_jalali(y: int, m: int, d: int) -> tuple[int, int, int]:
    """Convert a Gregorian date to Jalali (Solar Hijri).

    Raises:
        ValueError: the Gregorian date does not exist.

    >>> gregorian_to_jalali(2024, 3, 20)
    (1403, 1, 1)
    """
    return ordinal_to_jalali(date(y, m, d).toordinal())


def hijri_month_length(year: int, month: int) -> int:
    """Days in a month of the tabular Hijri calendar (odd months 30, even 29, leap Dhu al-Hijja 30)."""
    if not 1 <= month <= 12:
        raise ValueError(f"Hijri month {month} is not between 1 and 12")
    if month % 2 == 1:
        return 30
    if month == 12 and (14 + 11 * year) % 30 < 11:
        return 30
    return 29


def hijri_to_gregorian(y: int, m: int, d: int) -> tuple[int, int, int]:
    """Convert a Hijri lunar date to Gregorian with the tabular (civil) rule.

    The observed calendar used in Iran can differ by one or two days; see the module docstring.

    Raises:
        ValueError: the month or day is out of range, or the year is before 1 AH.

    >>> hijri_to_gregorian(1445, 9, 1)
    (2024, 3, 11)
    """
    if y < 1:
        raise ValueError(f"Hijri year {y} is before 1 AH")
    length = hijri_month_length(y, m)
    if not 1 <= d <= length:
        raise ValueError(f"Hijri date {y}/{m}/{d} does not exist in the tabular calendar")
    ordinal = (_HIJRI_EPOCH - 1 + d + (59 * (m - 1) + 1) // 2 + (y - 1) * 354
               + (3 + 11 * y) // 30)
    g = date.fromordinal(ordinal)
    return g.year, g.month, g.day


def gregorian_to_hijri(y: int, m: int, d: int) -> tuple[int, int, int]:
    """Convert a Gregorian date to the tabular Hijri calendar (inverse of :func:`hijri_to_gregorian`).

    >>> gregorian_to_hijri(2024, 3, 11)
    (1445, 9, 1)
    """
    ordinal = date(y, m, d).toordinal()
    if ordinal < _HIJRI_EPOCH:
        raise ValueError(f"{y}-{m:02d}-{d:02d} is before the Hijri epoch (622-07-19)")
    hy = (30 * (ordinal - _HIJRI_EPOCH) + 10646) // 10631
    start_of_year = _ordinal_hijri(hy, 1, 1)
    hm = min(12, (ordinal - start_of_year) * 2 // 59 + 1)
    while hm > 1 and _ordinal_hijri(hy, hm, 1) > ordinal:
        hm -= 1
    while hm < 12 and _ordinal_hijri(hy, hm + 1, 1) <= ordinal:
        hm += 1
    return hy, hm, ordinal - _ordinal_hijri(hy, hm, 1) + 1


def _ordinal_hijri(y: int, m: int, d: int) -> int:
    return _HIJRI_EPOCH - 1 + d + (59 * (m - 1) + 1) // 2 + (y - 1) * 354 + (3 + 11 * y) // 30
