"""Moved to :mod:`khabar.dates.calendars`; this path still works.

>>> from khabar.news.calendars import jalali_to_gregorian
>>> jalali_to_gregorian(1403, 1, 1)
(2024, 3, 20)
"""

from __future__ import annotations

from khabar.dates.calendars import (
    JALALI_MAX_YEAR,
    JALALI_MIN_YEAR,
    gregorian_to_hijri,
    gregorian_to_jalali,
    hijri_month_length,
    hijri_to_gregorian,
    is_jalali_leap,
    jalali_month_length,
    jalali_to_gregorian,
    jalali_to_ordinal,
    ordinal_to_jalali,
)

__all__ = [
    "JALALI_MAX_YEAR",
    "JALALI_MIN_YEAR",
    "gregorian_to_hijri",
    "gregorian_to_jalali",
    "hijri_month_length",
    "hijri_to_gregorian",
    "is_jalali_leap",
    "jalali_month_length",
    "jalali_to_gregorian",
    "jalali_to_ordinal",
    "ordinal_to_jalali",
]
