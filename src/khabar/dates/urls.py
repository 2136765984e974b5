"""Publication dates written in a news page's address.

Many Persian news sites put the day an article was published into its URL, in one of two ways:

- **a date in the path**: ``/1399/02/21/2265001/`` (Tasnim and many CMSs), ``/2020/05/10/``,
  ``/1402-08-10/`` or ``/2020-05-10-some-title``. A four-digit year from 1300 to 1499 is a
  Jalali year, from 1900 to 2099 a Gregorian one; month and day must exist in that calendar;
- **an agency's article number that begins with the date**. Only numberings checked against
  real articles are read (:data:`DATED_IDS`): FarsNews numbers its articles ``YYMMDD`` + 4
  digits until 1390 (``/news/8707060255``: 1387/07/06) and ``YYYYMMDD`` + 6 digits since
  (``/news/13911222000865``: 1391/12/22). Checked on the 300 FarsNews articles in
  ``../shared/data/farsnews_varzesh3_json``: every number is a valid Jalali date, and of the
  15 articles whose text names a full date, 4 name the number's day or one two days from it
  (the rest name older events: 1979, 2001-09-11). Other
  sites' numbers (Mehr, IRNA, YJC, Varzesh3, Hamshahri ...) are plain counters that can look
  like a date (Varzesh3's ``/news/1392980``), so a number is never read as a date by its shape
  alone. AryaNews' ``/News/120200622120908039`` does hold the day its page prints (2 Tir 1399,
  2020-06-22; tests/fixtures/extract/cases.json), but one page is too little to read a
  numbering by; ISNA's is unchecked here.

Only the path is read, never the host or the query (``?date=...`` is a listing's filter, not
the article's day). Persian and Arabic-Indic digits in a percent-decoded path are read as digits.

>>> d = date_from_url("https://www.farsnews.ir/news/13920216000631/title")
>>> (d.iso, d.calendar, d.raw, d.rule)
('2013-05-06', 'jalali', '13920216000631', 'farsnews-id')
>>> date_from_url("https://www.tasnimnews.com/fa/news/1399/02/21/2265001/x").iso
'2020-05-10'
>>> date_from_url("https://www.mehrnews.com/news/4925612/x") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from khabar.dates.mentions import ASCII_DIGITS, GREGORIAN, JALALI, _iso, _valid


@dataclass(frozen=True, slots=True)
class UrlDate:
    """A publication day read from a URL.

    Attributes:
        iso: the Gregorian day, ``YYYY-MM-DD``.
        calendar: the calendar the URL wrote it in (``jalali`` or ``gregorian``).
        raw: the part of the path it was read from (``1399/02/21``, ``13920216000631``).
        rule: ``path`` (a date in the path) or the :data:`DATED_IDS` rule that read it.
    """

    iso: str
    calendar: str
    raw: str
    rule: str


#: Agencies whose article numbers begin with the publication day: (rule name, host suffix,
#: a pattern of the path whose groups are year, month and day, years to add to a 2-digit year).
#: Each entry was checked against real articles (see the module's docstring); add one only with
#: the same evidence.
DATED_IDS: tuple[tuple[str, str, str, int], ...] = (
    ("farsnews-id", "farsnews.ir", r"/news/(1[34]\d\d)(\d\d)(\d\d)\d{6}(?:/|$)", 0),
    ("farsnews-id", "farsnews.ir", r"/news/([89]\d)(\d\d)(\d\d)\d{4}(?:/|$)", 1300),
)
_DATED_IDS = tuple((rule, host, re.compile(pattern, re.IGNORECASE), add)
                   for rule, host, pattern, add in DATED_IDS)

# a date in the path: three segments (/1399/02/21/) or one segment that starts with it
# (/2020-05-10-title, /1402_08_10/); the year must stand at a segment's start
_PATH_DATE = re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?=/|$)"
                        r"|/(\d{4})([-_])(\d{1,2})\5(\d{1,2})(?=[/\-_.]|$)")


def _calendar_of(year: int) -> str | None:
    if 1300 <= year <= 1499:
        return JALALI
    if 1900 <= year <= 2099:
        return GREGORIAN
    return None


def _day(calendar: str, y: int, m: int, d: int) -> str | None:
    """The Gregorian ISO day of ``y/m/d`` in ``calendar``, or None if there is no such day (the
    checks and conversion :func:`khabar.dates.find_dates` uses)."""
    return _iso(calendar, y, m, d) if 1 <= m <= 12 and _valid(calendar, y, m, d) else None


def _host_matches(host: str, suffix: str) -> bool:
    return host == suffix or host.endswith("." + suffix)


def date_from_url(url: str | None) -> UrlDate | None:
    """The publication day written in ``url``'s path, or None when it names none.

    >>> date_from_url("https://example.ir/1402-08-10/report.html").iso
    '2023-11-01'
    >>> date_from_url("https://example.com/2021/02/29/x") is None  # no 29 February in 2021
    True
    >>> date_from_url("https://example.com/list?date=2021/02/01") is None  # the query is no path
    True
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # a malformed address (an unclosed IPv6 bracket) names no date
        return None
    host = (parts.hostname or "").lower()
    path = unquote(parts.path)  # the same str when it holds no «%»
    if not path.isascii():  # ASCII_DIGITS maps no ASCII character (a translate costs ~1 us)
        path = path.translate(ASCII_DIGITS)
    for rule, suffix, pattern, add in _DATED_IDS:
        if _host_matches(host, suffix):
            m = pattern.search(path)
            if m:
                y, mo, d = int(m.group(1)) + add, int(m.group(2)), int(m.group(3))
                iso = _day(JALALI, y, mo, d)
                if iso is not None:
                    raw = path[m.start(1):m.end()].rstrip("/")
                    return UrlDate(iso, JALALI, raw, rule)
    for m in _PATH_DATE.finditer(path):
        if m.group(1) is not None:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            y, mo, d = int(m.group(4)), int(m.group(6)), int(m.group(7))
        calendar = _calendar_of(y)
        iso = _day(calendar, y, mo, d) if calendar else None
        if iso is not None:
            return UrlDate(iso, calendar, m.group(0)[1:], "path")  # type: ignore[arg-type]
    return None
