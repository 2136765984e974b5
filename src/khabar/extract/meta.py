"""Metadata of a news page: title, dates (Gregorian and Jalali), language, author, tags.

Dates come, in order of trust, from JSON-LD (``datePublished``), ``<meta>`` tags
(``article:published_time``, Dublin Core, parse.ly, ...), ``<time datetime>`` and finally the
visible text next to the title, where Persian sites print Jalali dates such as
``۱۹ مهر ۱۴۰۲``, ``1402/07/19`` or ``دوشنبه ۲۸ بهمن ۱۳۹۸ - ۱۲:۳۰``. Iranian CMSs also put Jalali
dates *into* meta tags (``<meta property="article:published_time" content="۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹">``).

ISO 8601 values are read here; anything else (Jalali, Persian month names, any digit script) is
read by :func:`khabar.dates.mentions.find_dates`, which also owns the calendar conversion.

>>> parse_date("2020-02-18T03:25:00Z")
ParsedDate(iso='2020-02-18', calendar='gregorian', raw='2020-02-18T03:25:00Z')
>>> parse_date("۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹").iso
'2020-05-10'
>>> parse_date("دوشنبه ۲۸ بهمن ۱۳۹۸ - ۱۲:۳۰").iso
'2020-02-17'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from khabar.dates.mentions import ASCII_DIGITS, find_dates

if TYPE_CHECKING:  # pragma: no cover
    from selectolax.lexbor import LexborHTMLParser, LexborNode

# Arabic yeh/kaf as Persian, so "آريا" and "آریا" compare equal.
_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
# ISO 8601 as meta tags write it: "2020-02-18", "2020-02-18T03:25:00Z", "2020-02-18 T 07:20:50"
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?![\d/])")
_FIRST_GREGORIAN_YEAR = 1700  # Jalali years in use are 1300-1499


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from a page: ISO ``YYYY-MM-DD`` (Gregorian), the calendar it was printed in."""

    iso: str
    calendar: str  # "gregorian" | "jalali" | "hijri"
    raw: str


def fold_digits(text: str) -> str:
    """Persian and Arabic-Indic digits as ASCII, Arabic yeh/kaf as Persian (for matching only).

    >>> fold_digits("۱۴۰۲/۰۷/۱۹ ارديبهشت")
    '1402/07/19 اردیبهشت'
    """
    return text.translate(ASCII_DIGITS).translate(_LETTERS)


def parse_date(value: str) -> ParsedDate | None:
    """Read the first complete date in ``value``; ``None`` when it holds none.

    A leading ISO 8601 date is read directly; otherwise the first full date (day, month and
    year) that :func:`khabar.dates.mentions.find_dates` finds, in any calendar it knows. Lunar Hijri
    dates are skipped: their Gregorian day is only approximate.

    >>> parse_date("2 تير 1399 - 12:09:08 ب.ظ")
    ParsedDate(iso='2020-06-22', calendar='jalali', raw='2 تير 1399 - 12:09:08 ب.ظ')
    >>> parse_date("2020-02-18 T 07:20:50 +0330").iso
    '2020-02-18'
    >>> parse_date("1402-07-19").calendar
    'jalali'
    >>> parse_date("کد خبر: ۷۳۴۹۹۲۶") is None
    True
    """
    iso = _ISO_DATE.match(value)
    # "1402-07-19" has the ISO shape but a Jalali year: that one is find_dates' to read
    if iso and int(iso[1]) >= _FIRST_GREGORIAN_YEAR:
        try:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:  # "2020-02-30": not a date; the text may still hold another one
            pass
        else:
            return ParsedDate(day.isoformat(), "gregorian", value)
    for mention in find_dates(value):
        if mention.iso is not None and not mention.approximate:
            return ParsedDate(mention.iso, mention.calendar, value)
    return None


# weekday names, labels and clock times that may stand around a date on a dateline
_DATELINE_NOISE = re.compile(
    r"شنبه|یکشنبه|دوشنبه|سه\s?شنبه|چهارشنبه|پنجشنبه|پنج\s?شنبه|جمعه|آدینه"
    r"|تاریخ|انتشار|به\s*روز\s*رسانی|بروزرسانی|ساعت|ب\.?\s*ظ|ق\.?\s*ظ|[\d\W_]+"
)


def is_dateline(text: str) -> bool:
    """Whether ``text`` is only a date (with weekday, time or a label), not a sentence with one.

    >>> is_dateline("دوشنبه ۲۸ بهمن ۱۳۹۸ - ۱۲:۳۰"), is_dateline("تاریخ انتشار: 1402/07/19")
    (True, True)
    >>> is_dateline("این قانون از ۱ فروردین ۱۴۰۳ اجرا می‌شود.")
    False
    """
    if len(text) > 80:
        return False
    mentions = [m for m in find_dates(text) if m.iso is not None]
    if not mentions:
        return False
    rest = text
    for mention in reversed(mentions):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    rest = _DATELINE_NOISE.sub("", fold_digits(rest).replace("\u200c", ""))
    return len(rest) < 3


# --- site name in titles -------------------------------------------------------------------

_TITLE_SEPARATOR = re.compile(r"\s+[-|–—:»«]\s+|\s*\|\s*|\s+::\s+")
# words that mark a title part as the site's name when og:site_name is missing
_SITE_WORDS = re.compile(r"خبرگزاری|پایگاه|سایت|روزنامه|شبکه|\.ir\b|\.com\b|news\b", re.IGNORECASE)


# everything but letters and digits: spaces, ZWNJ/ZWJ, punctuation, symbols
_NON_WORD = re.compile(r"[\W_]+")


def _fold_key(text: str) -> str:
    """A comparison key: no ZWNJ, spaces or punctuation, folded digits and yeh/kaf, lowercase."""
    return _NON_WORD.sub("", fold_digits(text)).lower()


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
_LIST_SPLIT = re.compile(r"\s*[,،;؛]\s*")
# Double-escaped entities ("&amp;zwnj;" in the source) arrive as the literal text "&zwnj;".
_LEFTOVER_ENTITY = re.compile(r"&(?:zwnj|#8204|#x200c|zwj|#8205|#x200d);", re.IGNORECASE)
_ENTITY_CHAR = {"zwnj": "\u200c", "#8204": "\u200c", "#x200c": "\u200c",
                "zwj": "\u200d", "#8205": "\u200d", "#x200d": "\u200d"}  # fmt: skip


def unescape_leftover_entities(text: str) -> str:
    """Turn literal ``&zwnj;``/``&#8204;``/``&zwj;`` left by double escaping into the characters.

    >>> unescape_leftover_entities("30&zwnj; هزار") == "30\\u200c هزار"
    True
    """
    return _LEFTOVER_ENTITY.sub(lambda m: _ENTITY_CHAR[m.group(0)[1:-1].lower()], text)


def page_metadata(tree: LexborHTMLParser, url: str | None = None) -> dict[str, Any]:
    """Read title candidates, dates and descriptive metadata from ``<head>`` and JSON-LD.

    Returns a dict with the keys that were found among: ``published``, ``published_calendar``,
    ``published_source``, ``published_raw``, ``modified``, ``lang``, ``description``, ``author``,
    ``site_name``, ``canonical_url``, ``tags`` and ``meta_title``. Dates not found here are looked
    for in the visible text by the caller.
    """
    metas = _meta_values(tree)
    ld = _json_ld_values(tree)
    out: dict[str, Any] = {}

    def meta(keys: tuple[str, ...]) -> list[str]:
        return [value for key in keys for value in metas.get(key, [])]

    published = _first_date(
        [("json-ld:datePublished", ld.get("datePublished"))]
        + [(f"meta:{k}", v) for k in _PUBLISHED_KEYS for v in metas.get(k, [])]
        + _time_elements(tree)
    )
    if published is not None:
        source, parsed = published
        out["published"] = parsed.iso
        out["published_calendar"] = parsed.calendar
        out["published_source"] = source
        out["published_raw"] = parsed.raw
    modified = _first_date(
        [("json-ld:dateModified", ld.get("dateModified"))]
        + [(f"meta:{k}", v) for k in _MODIFIED_KEYS for v in metas.get(k, [])]
    )
    if modified is not None:
        out["modified"] = modified[1].iso

    title_node = tree.css_first("title")
    page_title = title_node.text() if title_node is not None else None
    # an author given as a profile URL is not a name
    authors = [v for v in meta(_AUTHOR_KEYS) if not v.startswith(("http://", "https://"))]
    found = {
        "lang": _first(
            _attr(tree.css_first("html"), "lang"), *meta(_LANG_KEYS), ld.get("inLanguage")
        ),
        "site_name": _first(*meta(_SITE_KEYS), ld.get("publisher")),
        "meta_title": _first(*meta(_TITLE_KEYS), ld.get("headline"), page_title),
        "author": _first(ld.get("author"), *authors),
        "description": _first(*meta(_DESCRIPTION_KEYS)),
        "canonical_url": _first(_canonical(tree), *metas.get("og:url", []), url),
    }
    for key, value in found.items():
        if value:
            out[key] = unescape_leftover_entities(value)
    tags = _tags(meta(_TAG_KEYS) + ld.get("keywords", []))
    if tags:
        out["tags"] = tags
    return out


def _attr(node: LexborNode | None, name: str) -> str | None:
    if node is None:
        return None
    value = node.attributes.get(name)
    return value.strip() if value else None


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return " ".join(value.split())
    return None


def _meta_values(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """``<meta>`` contents by each of their name/property/itemprop/http-equiv keys, lowercased."""
    values: dict[str, list[str]] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        content = attrs.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(attr)
            if key:
                values.setdefault(key.strip().lower(), []).append(content.strip())
    return values


def _canonical(tree: LexborHTMLParser) -> str | None:
    for node in tree.css("link[rel]"):
        if "canonical" in (node.attributes.get("rel") or "").lower().split():
            return _attr(node, "href")
    return None


def _json_ld_values(tree: LexborHTMLParser) -> dict[str, Any]:
    """The first article-like JSON-LD object's dates, headline, author, publisher and keywords.

    Broken JSON-LD (common: trailing commas, raw newlines) is skipped: the page still has its
    ``<meta>`` tags, and a metadata block must not stop text extraction.
    """
    found: dict[str, Any] = {}
    scripts: list[Any] = []
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            scripts.append(json.loads(node.text(deep=True), strict=False))
        except ValueError:
            continue
    for obj in _ld_objects(scripts):  # article types first: the first value found wins
        _ld_take(obj, found)
    return found


def _ld_take(obj: dict[str, Any], found: dict[str, Any]) -> None:
    """Copy the fields of one JSON-LD object that ``found`` does not have yet."""
    for key in ("datePublished", "dateModified", "headline", "inLanguage"):
        # some CMSs write "headLine" or "datepublished"
        value = (
            obj.get(key)
            or obj.get(key.lower())
            or (obj.get("headLine") if key == "headline" else None)
        )
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


# schema.org types that describe the article itself; their dates and headline come first, before
# a WebPage's or WebSite's (a WebPage's datePublished can be the page template's date)
_ARTICLE_TYPES = frozenset(
    {
        *("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle"),
        *("opinionnewsarticle", "blogposting", "posting", "socialmediaposting"),
        *("liveblogposting", "scholarlyarticle", "techarticle", "report"),
    }
)


def _ld_objects(data: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object (``@graph`` flattened), article types first, page order kept."""
    objects = _ld_flatten(data)
    return sorted(objects, key=lambda o: not _is_article(o))


def _ld_flatten(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [o for item in data for o in _ld_flatten(item)]
    if isinstance(data, dict):
        return [data, *_ld_flatten(data.get("@graph", []))]
    return []


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) and value.strip() else None


def _time_elements(tree: LexborHTMLParser) -> list[tuple[str, str | None]]:
    """``<time datetime>`` values, the ones marked as publication time first."""
    marked: list[tuple[str, str | None]] = []
    others: list[tuple[str, str | None]] = []
    for node in tree.css("time[datetime]"):
        attrs = node.attributes
        is_pub = "pubdate" in attrs or attrs.get("itemprop") == "datePublished"
        (marked if is_pub else others).append(("time", attrs.get("datetime")))
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
