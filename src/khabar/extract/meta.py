"""Metadata of a news page: title, dates (Gregorian and Jalali), language, author, tags.

Dates come, in order of trust, from JSON-LD (``datePublished``), ``<meta>`` tags
(``article:published_time``, Dublin Core, parse.ly, ...), ``<time datetime>`` and finally the
visible text next to the title, where Persian sites print Jalali dates such as
``۱۹ مهر ۱۴۰۲``, ``1402/07/19`` or ``یکشنبه ۲۸ بهمن ۱۳۹۸ - ۱۲:۳۰``. Iranian CMSs also put Jalali
dates *into* meta tags (``<meta property="article:published_time" content="۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹">``),
so every value goes through the same parser, which recognises the calendar by the year.

The functions on strings here are pure and need no parser; :func:`page_metadata` walks a
resiliparse tree.

>>> parse_date("2020-02-18T03:25:00Z")
ParsedDate(iso='2020-02-18', calendar='gregorian', raw='2020-02-18T03:25:00Z')
>>> parse_date("۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹").iso
'2020-05-10'
>>> parse_date("یکشنبه ۲۸ بهمن ۱۳۹۸ - ۱۲:۳۰").iso
'2020-02-17'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import regex

from khabar.extract._jalali import JALALI_YEARS, jalali_to_gregorian

if TYPE_CHECKING:  # pragma: no cover
    from resiliparse.parse.html import DOMNode, HTMLTree

# Persian (U+06F0-9) and Arabic-Indic (U+0660-9) digits read as ASCII, for parsing only.
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
# Arabic yeh/kaf as Persian, for matching month names written with either (ارديبهشت, تير).
_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})

#: Jalali month names (after folding Arabic yeh/kaf and removing ZWNJ/spaces inside the word)
JALALI_MONTHS: dict[str, int] = {
    "فروردین": 1,
    "اردیبهشت": 2,
    "خرداد": 3,
    "تیر": 4,
    "مرداد": 5,
    "امرداد": 5,
    "شهریور": 6,
    "مهر": 7,
    "آبان": 8,
    "آذر": 9,
    "دی": 10,
    "بهمن": 11,
    "اسفند": 12,
}
#: Gregorian month names as Persian sites print them (ژانویه ۲۰۲۰) and English ones
GREGORIAN_MONTHS: dict[str, int] = {
    "ژانویه": 1, "فوریه": 2, "مارس": 3, "آوریل": 4, "آپریل": 4, "مه": 5, "می": 5, "ژوئن": 6,
    "ژوئیه": 7, "جولای": 7, "اوت": 8, "آگوست": 8, "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11,
    "دسامبر": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip

_MONTH_ALT = "|".join(sorted({*JALALI_MONTHS, *GREGORIAN_MONTHS}, key=len, reverse=True))
# "19 مهر 1402", "۲ تیر ماه ۱۳۹۹", "18 February 2020" (run on digit-folded, letter-folded text)
_DAY_MONTH_YEAR = regex.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?P<m>{_MONTH_ALT})(?:\s*ماه)?\s*,?\s*(?P<y>\d{{4}})(?!\d)",
    regex.IGNORECASE,
)
# "1402/07/19", "1402-7-19", "2020-02-18", also with a time or "T" after it
_YMD = regex.compile(r"(?<!\d)(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)")
# "19/07/1402", "18.02.2020" (day first, as Persian sites write short dates)
_DMY = regex.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})(?!\d)")
_GREGORIAN_YEARS = range(1900, 2101)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from a page: ISO ``YYYY-MM-DD`` (Gregorian), the calendar it was printed in."""

    iso: str
    calendar: str  # "gregorian" | "jalali"
    raw: str


def fold_digits(text: str) -> str:
    """Persian and Arabic-Indic digits as ASCII, Arabic yeh/kaf as Persian (for matching only).

    >>> fold_digits("۱۴۰۲/۰۷/۱۹ ارديبهشت")
    '1402/07/19 اردیبهشت'
    """
    return text.translate(_DIGITS).translate(_LETTERS)


def parse_date(value: str) -> ParsedDate | None:
    """Read the first Gregorian or Jalali date in ``value``; ``None`` when it holds none.

    The calendar is told by the year: 1178-1633 is Jalali, 1900-2100 Gregorian. Impossible dates
    (month 13, 31 Mehr) are skipped rather than guessed.

    >>> parse_date("2 تير 1399 - 12:09:08 ب.ظ")
    ParsedDate(iso='2020-06-22', calendar='jalali', raw='2 تير 1399 - 12:09:08 ب.ظ')
    >>> parse_date("2020-02-18 T 07:20:50 +0330").iso
    '2020-02-18'
    >>> parse_date("کد خبر: ۷۳۴۹۹۲۶") is None
    True
    """
    folded = fold_digits(value).replace("\u200c", "")
    candidates: list[tuple[int, int, int, int]] = []  # (position, year, month, day)
    for match in _DAY_MONTH_YEAR.finditer(folded):
        name = match["m"].lower()
        month = JALALI_MONTHS.get(name) or GREGORIAN_MONTHS.get(name, 0)
        candidates.append((match.start(), int(match["y"]), month, int(match["d"])))
    for pattern in (_YMD, _DMY):
        for match in pattern.finditer(folded):
            candidates.append((match.start(), int(match["y"]), int(match["m"]), int(match["d"])))
    for _, year, month, day in sorted(candidates):
        parsed = _to_date(year, month, day, value)
        if parsed is not None:
            return parsed
    return None


def _to_date(year: int, month: int, day: int, raw: str) -> ParsedDate | None:
    try:
        if year in JALALI_YEARS:
            return ParsedDate(jalali_to_gregorian(year, month, day).isoformat(), "jalali", raw)
        if year in _GREGORIAN_YEARS:
            return ParsedDate(date(year, month, day).isoformat(), "gregorian", raw)
    except ValueError:  # an impossible day or month: not a date, look at the next candidate
        return None
    return None


_WEEKDAYS = "شنبه|یکشنبه|دوشنبه|سه\u200c?\\s?شنبه|چهارشنبه|پنجشنبه|پنج\u200c?\\s?شنبه|جمعه|آدینه"
# what may stand around a date on a dateline: weekday, time, AM/PM, labels
_DATELINE_NOISE = regex.compile(
    rf"{_MONTH_ALT}|{_WEEKDAYS}|تاریخ|انتشار|به\s*روز\s*رسانی|ساعت|ماه|ب\.?\s*ظ|ق\.?\s*ظ"
    r"|[\d\s\p{P}\p{S}]+",
    regex.IGNORECASE,
)


def is_dateline(text: str) -> bool:
    """Whether ``text`` is only a date (with weekday, time or a label), not a sentence with one.

    >>> is_dateline("یکشنبه ۲۸ بهمن ۱۳۹۸ - ۱۲:۳۰"), is_dateline("تاریخ انتشار: 1402/07/19")
    (True, True)
    >>> is_dateline("این قانون از ۱ فروردین ۱۴۰۳ اجرا می‌شود.")
    False
    """
    if len(text) > 80 or parse_date(text) is None:
        return False
    rest = _DATELINE_NOISE.sub("", fold_digits(text).replace("\u200c", ""))
    return len(rest) < 3


# --- site name in titles -------------------------------------------------------------------

_TITLE_SEPARATOR = regex.compile(r"\s+[-|–—:»«]\s+|\s*\|\s*|\s+::\s+")
# words that mark a title part as the site's name when og:site_name is missing
_SITE_WORDS = regex.compile(r"خبرگزاری|پایگاه|سایت|روزنامه|شبکه|\.ir\b|\.com\b|news\b", regex.I)


def _fold_key(text: str) -> str:
    """A comparison key: no ZWNJ, spaces or punctuation, folded digits and yeh/kaf, lowercase."""
    return regex.sub(r"[\s\u200c\u200d\p{P}]+", "", fold_digits(text)).lower()


def strip_site_name(title: str, site_name: str | None = None) -> str:
    """Remove a site-name prefix or suffix such as `` - خبرآنلاین`` from a page title.

    A part is removed when it matches ``site_name`` (either containing the other), or, without a
    site name, when it is at most four words and looks like one (``خبرگزاری ...``, ``....ir``).
    The headline itself is never emptied.

    >>> strip_site_name("تحلیل روزنامه اصولگرا - خبرآنلاین", "خبرآنلاین")
    'تحلیل روزنامه اصولگرا'
    >>> strip_site_name("خبرگزاری آريا - ورود 50 هزار میلیارد تومان نقدینگی به بورس")
    'ورود 50 هزار میلیارد تومان نقدینگی به بورس'
    >>> strip_site_name("ایران - آمریکا؛ دیدار دو تیم در جام جهانی")
    'ایران - آمریکا؛ دیدار دو تیم در جام جهانی'
    """
    title = title.strip()
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    site_key = _fold_key(site_name) if site_name else ""
    last, first = separators[-1], separators[0]
    # the suffix is the common form ("headline - site"), then the prefix ("site - headline")
    for part, keep in ((title[last.end() :], title[: last.start()]),
                       (title[: first.start()], title[first.end() :])):  # fmt: skip
        if not keep.strip() or not part.strip():
            continue
        part_key = _fold_key(part)
        if site_key and part_key and (part_key in site_key or site_key in part_key):
            return keep.strip()
        if len(part.split()) <= 4 and _SITE_WORDS.search(fold_digits(part)):
            return keep.strip()
    return title


def similar_titles(first: str, second: str) -> bool:
    """Whether two titles name the same article (one contains the other, or most words shared).

    >>> similar_titles("ورود 50 هزار میلیارد تومان", "خبرگزاری آريا - ورود 50 هزار میلیارد تومان")
    True
    """
    a, b = _fold_key(first), _fold_key(second)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    words_a = {_fold_key(w) for w in first.split()} - {""}
    words_b = {_fold_key(w) for w in second.split()} - {""}
    return len(words_a & words_b) >= 0.6 * min(len(words_a), len(words_b))


# --- reading the tree ----------------------------------------------------------------------

# meta keys (name, property or itemprop, lowercased) in order of trust
_PUBLISHED_KEYS = (
    "article:published_time", "datepublished", "og:published_time", "og:article:published_time",
    "article.published", "published_time", "publish-date", "publish_date", "publishdate",
    "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date", "nastooh:publishdate",
    "citation_publication_date", "citation_date",
)  # fmt: skip
_MODIFIED_KEYS = (
    "article:modified_time", "datemodified", "og:updated_time", "article:modified",
    "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "modified",
)  # fmt: skip
_DESCRIPTION_KEYS = ("description", "og:description", "twitter:description", "dc.description")
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline", "name")
_SITE_KEYS = ("og:site_name", "application-name", "al:android:app_name")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
_LANG_KEYS = ("content-language", "dc.language", "language", "inlanguage", "og:locale")
_TAG_KEYS = ("keywords", "article:tag", "news_keywords", "parsely-tags")
# a keyword list is split on Latin and Persian commas and semicolons
_LIST_SPLIT = regex.compile(r"\s*[,،;؛]\s*")
# Double-escaped entities ("&amp;zwnj;" in the source) arrive as the literal text "&zwnj;".
_LEFTOVER_ENTITY = regex.compile(r"&(?:zwnj|#8204|#x200c|zwj|#8205|#x200d);", regex.I)
_ENTITY_CHAR = {"zwnj": "\u200c", "#8204": "\u200c", "#x200c": "\u200c",
                "zwj": "\u200d", "#8205": "\u200d", "#x200d": "\u200d"}  # fmt: skip


def unescape_leftover_entities(text: str) -> str:
    """Turn literal ``&zwnj;``/``&#8204;``/``&zwj;`` left by double escaping into the characters.

    >>> unescape_leftover_entities("30&zwnj; هزار") == "30\\u200c هزار"
    True
    """
    return _LEFTOVER_ENTITY.sub(lambda m: _ENTITY_CHAR[m.group(0)[1:-1].lower()], text)


def page_metadata(tree: HTMLTree, url: str | None = None) -> dict[str, Any]:
    """Read title candidates, dates and descriptive metadata from ``<head>`` and JSON-LD.

    Returns a dict with the keys that were found among: ``published``, ``published_calendar``,
    ``published_source``, ``published_raw``, ``modified``, ``lang``, ``description``, ``author``,
    ``site_name``, ``canonical_url``, ``tags`` and ``meta_title``. Dates not found here are looked
    for in the visible text by the caller.
    """
    metas = _meta_values(tree)
    ld = _json_ld_values(tree)
    out: dict[str, Any] = {}

    published = _first_date([("json-ld:datePublished", ld.get("datePublished"))]
                            + [(f"meta:{k}", v) for k in _PUBLISHED_KEYS for v in metas.get(k, [])]
                            + _time_elements(tree))  # fmt: skip
    if published is not None:
        source, parsed = published
        out.update(published=parsed.iso, published_calendar=parsed.calendar,
                   published_source=source, published_raw=parsed.raw)  # fmt: skip
    modified = _first_date([("json-ld:dateModified", ld.get("dateModified"))]
                           + [(f"meta:{k}", v) for k in _MODIFIED_KEYS for v in metas.get(k, [])])
    if modified is not None:
        out["modified"] = modified[1].iso

    lang = _first(_attr(tree.document.query_selector("html"), "lang"),
                  *(v for k in _LANG_KEYS for v in metas.get(k, [])), ld.get("inLanguage"))  # fmt: skip
    site_name = _first(*(v for k in _SITE_KEYS for v in metas.get(k, [])), ld.get("publisher"))
    title = _first(*(v for k in _TITLE_KEYS for v in metas.get(k, [])), ld.get("headline"),
                   tree.title or None)  # fmt: skip
    author = _first(ld.get("author"), *(v for k in _AUTHOR_KEYS for v in metas.get(k, [])
                                        if not v.startswith(("http://", "https://"))))  # fmt: skip
    for key, value in (("lang", lang), ("site_name", site_name), ("meta_title", title),
                       ("author", author),
                       ("description", _first(*(v for k in _DESCRIPTION_KEYS
                                                for v in metas.get(k, [])))),
                       ("canonical_url", _first(_canonical(tree), *metas.get("og:url", []), url))):  # fmt: skip
        if value:
            out[key] = unescape_leftover_entities(value)
    tags = _tags([v for k in _TAG_KEYS for v in metas.get(k, [])] + ld.get("keywords", []))
    if tags:
        out["tags"] = tags
    return out


def _attr(node: DOMNode | None, name: str) -> str | None:
    if node is None:
        return None
    value = node.getattr(name)
    return value.strip() if value else None


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return " ".join(value.split())
    return None


def _meta_values(tree: HTMLTree) -> dict[str, list[str]]:
    """``<meta>`` contents by each of their name/property/itemprop/http-equiv keys, lowercased."""
    values: dict[str, list[str]] = {}
    for node in tree.document.query_selector_all("meta"):
        content = node.getattr("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = node.getattr(attr)
            if key:
                values.setdefault(key.strip().lower(), []).append(content.strip())
    return values


def _canonical(tree: HTMLTree) -> str | None:
    for node in tree.document.query_selector_all("link[rel]"):
        if "canonical" in (node.getattr("rel") or "").lower().split():
            return _attr(node, "href")
    return None


def _json_ld_values(tree: HTMLTree) -> dict[str, Any]:
    """The first article-like JSON-LD object's dates, headline, author, publisher and keywords.

    Broken JSON-LD (common: trailing commas, raw newlines) is skipped: the page still has its
    ``<meta>`` tags, and a metadata block must not stop text extraction.
    """
    found: dict[str, Any] = {}
    for node in tree.document.query_selector_all('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text, strict=False)
        except ValueError:
            continue
        for obj in _ld_objects(data):
            for key in ("datePublished", "dateModified", "headline", "inLanguage"):
                value = obj.get(key) or obj.get(key.lower()) or obj.get(key[0].lower() + key[1:])
                if key == "headline":
                    value = value or obj.get("headLine")
                if isinstance(value, str) and key not in found:
                    found[key] = value
            for key in ("author", "publisher"):
                name = _ld_name(obj.get(key))
                if name and key not in found:
                    found[key] = name
            keywords = obj.get("keywords")
            if isinstance(keywords, str):
                keywords = [keywords]
            if isinstance(keywords, list) and "keywords" not in found:
                found["keywords"] = [k for k in keywords if isinstance(k, str)]
    return found


def _ld_objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [o for item in data for o in _ld_objects(item)]
    if isinstance(data, dict):
        return [data, *_ld_objects(data.get("@graph", []))]
    return []


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) and value.strip() else None


def _time_elements(tree: HTMLTree) -> list[tuple[str, str | None]]:
    """``<time datetime>`` values, the ones marked as publication time first."""
    marked, others = [], []
    for node in tree.document.query_selector_all("time[datetime]"):
        value = node.getattr("datetime")
        is_pub = node.hasattr("pubdate") or (node.getattr("itemprop") or "") == "datePublished"
        (marked if is_pub else others).append(("time", value))
    return marked + others


def _first_date(candidates: list[tuple[str, str | None]]) -> tuple[str, ParsedDate] | None:
    for source, value in candidates:
        if value:
            parsed = parse_date(value)
            if parsed is not None:
                return source, parsed
    return None


def _tags(values: list[str]) -> list[str]:
    tags: list[str] = []
    for value in values:
        for tag in _LIST_SPLIT.split(unescape_leftover_entities(value)):
            tag = " ".join(tag.split())
            if tag and tag not in tags:
                tags.append(tag)
    return tags
