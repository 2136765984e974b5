"""Moved to :mod:`khabar.dates` (``find_dates``, ``parse_date``, ``DateMention``); this path still
works, so code that imports ``khabar.news.dates`` keeps working.

Dates sit below both the HTML extractor (:mod:`khabar.extract`, which reads published dates) and
the news steps, so they live in their own package rather than inside :mod:`khabar.news`.

>>> from khabar.news.dates import find_dates
>>> [m.iso for m in find_dates("۱۹ مهر ۱۴۰۲")]
['2023-10-11']
"""

from __future__ import annotations

from khabar.dates.mentions import (
    DateMention,
    find_dates,
    gregorian_to_jalali,
    hijri_to_gregorian,
    jalali_to_gregorian,
    parse_date,
)

__all__ = [
    "DateMention",
    "find_dates",
    "gregorian_to_jalali",
    "hijri_to_gregorian",
    "jalali_to_gregorian",
    "parse_date",
]
