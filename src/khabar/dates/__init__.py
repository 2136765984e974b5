"""Dates in Persian text and metadata: Jalali, Gregorian and Hijri lunar, and calendar arithmetic.

- :mod:`khabar.dates.mentions` -- ``find_dates(text)`` (every date mentioned, with its span) and
  ``parse_date(value)`` (one metadata value to its most complete date);
- :mod:`khabar.dates.calendars` -- ``jalali_to_gregorian`` and the reverse, tabular Hijri.

Both are pure Python with no dependency beyond the standard library, and sit below
:mod:`khabar.extract` (published dates of HTML pages) and :mod:`khabar.news` (the structure
step), which both use them. ``khabar.news.dates`` and ``khabar.news.calendars`` remain as the
old import paths.

>>> from khabar.dates import find_dates
>>> [(m.text, m.calendar, m.iso) for m in find_dates("چهارشنبه ۱۹ مهر ۱۴۰۲")]
[('چهارشنبه ۱۹ مهر ۱۴۰۲', 'jalali', '2023-10-11')]
"""

from __future__ import annotations

from khabar.dates.mentions import DateMention, find_dates, parse_date

__all__ = ["DateMention", "find_dates", "parse_date"]
