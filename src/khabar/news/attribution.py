"""Who reported a news text: agency, desk, cited source, reporter and city.

Persian news writes its attribution in a few fixed formulas, in the first paragraphs or the last
lines. Recognised (on repaired or raw text; ZWNJ, spaces and Arabic ي/ك do not matter):

========================================================  =========================================
``به گزارش ایسنا،``                                      agency
``به گزارش خبرنگار اقتصادی خبرگزاری فارس،``               agency, desk ``اقتصادی``
``به گزارش گروه بین‌الملل خبرگزاری تسنیم به نقل از بی‌نیوز،``  agency, desk, cited source
``به گزارش ایرنا از تبریز،`` / ``... از روابط عمومی وزارت نفت،``  city if a known place, else source
``به نقل از رویترز،`` / ``منبع: ایسنا``                   cited source
``خبرگزاری فارس: ...`` / ``همشهری آنلاین - گروه فرهنگی: ...``  agency (+ desk or reporter)
``تهران- ایرنا- ...`` / ``تهران (پانا) - ...`` / ``ایسنا/ تبریز``  city and agency (datelines)
``گروه اقتصادی: ...``                                    desk
``خبرنگار: علی رضایی`` / ``نویسنده: ...`` / ``به قلم ...``  reporter
``روزنامه جوان نوشت: ...`` (press reviews)                cited source
========================================================  =========================================

Agency names are normalised with the gazetteer (:mod:`khabar.news.gazetteer`): ``ایرنا`` and
``خبرگزاری جمهوری اسلامی`` both give ``خبرگزاری ایرنا`` / ``irna``. A name the gazetteer does not
know is kept as written, with ``agency_id=None``. Words that are also common words (``مهر``,
``فارس``, ``الف``) only count inside a formula.

>>> a = parse_attribution("به گزارش گروه بین‌الملل خبرگزاری تسنیم به نقل از بی‌نیوز، وزیر گفت.")
>>> a.agency, a.agency_id, a.desk, a.cited_source
('خبرگزاری تسنیم', 'tasnim', 'بین\u200cالملل', 'بی\u200cنیوز')
>>> parse_attribution("تهران- ایرنا- رئیس‌جمهور امروز به نیویورک رفت.").city
'تهران'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, NamedTuple

from khabar.news.gazetteer import (
    DATELINE_CITY,
    Agency,
    city_mark,
    fold1_document,
    load_gazetteer,
    name_key,
)

__all__ = ["Attribution", "agency_for_domain", "parse_attribution"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """The attribution of a news text. Every field is ``None`` when the text does not say it.

    Attributes:
        agency: the reporting outlet, normalised by the gazetteer (``خبرگزاری تسنیم``), or as
            written when the gazetteer does not know it (``روزنامه گاردین``).
        agency_id: the gazetteer id (``tasnim``), ``None`` for unknown outlets.
        desk: the desk or service (``بین‌الملل``, ``اقتصادی``), as written.
        cited_source: whom the outlet quotes (``به نقل از ...``, ``منبع: ...``), as written.
        cited_source_id: its gazetteer id when it is a known outlet.
        reporter: the reporter's or writer's name, from a byline formula.
        city: the place the report was filed from (datelines, ``به گزارش ایرنا از تبریز``).
        span: ``(start, end)`` in the input of the formula that named the agency (or, when none
            did, of the first formula found).
        form: which formula that was: ``be_gozaresh``, ``dateline``, ``agency_colon``,
            ``be_naql_az``, ``manba``, ``desk_colon``, ``byline``, ``nevesht``.
    """

    agency: str | None = None
    agency_id: str | None = None
    desk: str | None = None
    cited_source: str | None = None
    cited_source_id: str | None = None
    reporter: str | None = None
    city: str | None = None
    span: tuple[int, int] | None = None
    form: str | None = None


# Iranian provinces and their capitals, and the foreign cities Persian datelines use most.
# «فارس» is left out: after «از» it is far more often the news agency than the province.
_PLACES = frozenset(name_key(p) for p in (
    "تهران", "مشهد", "اصفهان", "شیراز", "تبریز", "اهواز", "کرج", "قم", "کرمانشاه", "ارومیه",
    "رشت", "زاهدان", "کرمان", "همدان", "یزد", "اردبیل", "بندرعباس", "اراک", "زنجان", "سنندج",
    "قزوین", "خرم‌آباد", "گرگان", "ساری", "بجنورد", "بوشهر", "بیرجند", "ایلام", "شهرکرد", "یاسوج",
    "سمنان", "کیش", "آبادان", "دزفول", "کاشان", "نیشابور", "سبزوار", "خراسان رضوی",
    "خراسان شمالی", "خراسان جنوبی", "آذربایجان شرقی", "آذربایجان غربی", "گیلان", "مازندران",
    "گلستان", "خوزستان", "سیستان و بلوچستان", "هرمزگان", "لرستان", "کردستان", "مازندران",
    "چهارمحال و بختیاری", "کهگیلویه و بویراحمد", "استان مرکزی", "البرز",
    "نیویورک", "واشنگتن", "لندن", "پاریس", "مسکو", "پکن", "بغداد", "دمشق", "بیروت", "کابل",
    "استانبول", "آنکارا", "دوحه", "ریاض", "ژنو", "وین", "برلین", "توکیو", "دهلی نو",
    "اسلام‌آباد", "باکو", "ایروان", "قاهره", "غزه", "نجف", "کربلا", "مکه", "مدینه", "دبی",
))
# Words before a place's name in «به گزارش فارس از شهرستان ساری»; the place is «ساری».
_PLACE_KINDS = frozenset(name_key(w) for w in ("شهرستان", "شهر", "استان", "بخش", "روستای"))
# First words of an office's name, not an outlet's: «به گزارش روابط عمومی جمعیت موتلفه» is that
# office speaking, a cited source, not the outlet that reported.
_OFFICE_WORDS = frozenset(name_key(w) for w in (
    "روابط", "روابط‌عمومی", "ستاد", "اداره", "اداره‌کل", "سازمان", "وزارت", "وزارتخانه", "دفتر",
    "مرکز", "شرکت", "بانک", "فدراسیون", "دانشگاه", "کمیته", "شورای", "شورا", "مجلس",
    "دادگستری", "پلیس", "سپاه", "ارتش", "استانداری", "فرمانداری", "شهرداری", "بنیاد", "انجمن",
    "موسسه", "مؤسسه", "کانون", "حزب", "جمعیت", "مقام", "مقامات", "سخنگوی", "کاخ", "دولت", "نهاد",
    "هیئت", "هیات", "اتحادیه",
))
# First words of what an outlet quotes rather than where it reports from: «به گزارش فارس از
# روابط عمومی ...», «از پایگاه خبری ...», «از وزارت ...». After an outlet's «از», anything else of
# one or two words is a place the gazetteer does not list (نکا, مسجدسلیمان, نابلس).
_SOURCE_WORDS = _OFFICE_WORDS | frozenset(name_key(w) for w in (
    "پایگاه", "سایت", "وب‌سایت", "وبسایت", "تارنما", "وبگاه", "روزنامه", "خبرگزاری", "شبکه",
    "هفته‌نامه", "ماهنامه", "نشریه", "مجله", "رادیو", "تلویزیون", "صدا", "صداوسیما", "باشگاه",
    "منابع", "منبع", "خبرنگار", "خبرنگاران", "بیانیه", "گزارش", "خبر", "اخبار", "آژانس",
    "کنفرانس", "نشست", "مراسم", "جلسه", "همایش", "گفتگو", "گفت‌وگو",
))
# Words no outlet's or office's name holds (a preposition, a relative «که», a verb of saying, a
# time of day): where a cited source's phrase lacks its comma, the source ends before them.
_CLAUSE_WORDS = frozenset(name_key(w) for w in (
    "در", "که", "با", "طی", "ضمن", "اظهار", "گفت", "افزود", "اعلام", "عنوان", "بوده", "است",
    "حاکی", "امروز", "دیروز", "امشب", "صبح", "ظهر", "عصر", "شب", "بامداد", "شامگاه", "درباره",
))
# Words around a desk name that are not the desk: «خبرنگار گروه سیاسی» -> «سیاسی».
_ROLE_WORDS = frozenset(name_key(w) for w in (
    "خبرنگار", "خبرنگاران", "گروه", "سرویس", "حوزه", "خبری", "اعزامی", "پایگاه", "سایت", "ما",
    "تحریریه", "بخش", "دفتر", "تحلیلی", "اطلاع‌رسانی", "اینترنتی",
))

# Words before an outlet's name that say what kind of outlet it is, not which desk reported:
# «به گزارش شبکه خبری الجزیره» -> no desk. (Not role words: «به گزارش شبکه سی‌ان‌ان» names an
# outlet the gazetteer may not know, and that outlet must still be read as one.)
_OUTLET_KINDS = frozenset(name_key(w) for w in (
    "شبکه", "باشگاه", "روزنامه", "هفته‌نامه", "ماهنامه", "تارنما", "وب‌سایت",
))
# A desk ends in a plural with its ezafe before the agency's name: «گروه استان‌های باشگاه
# خبرنگاران جوان» is the desk «استان‌ها» of YJC.
_PLURAL_EZAFE = re.compile(r"([\u200c ]ها)ی$")
# «گروه A: ایران، ژاپن ...» and «گروه ب: ...» list a tournament's groups; a desk has a name.
_GROUP_LETTERS = frozenset(name_key(w) for w in (
    "الف", "ب", "پ", "ت", "ث", "ج", "چ", "ح", "خ", "د", "ذ", "ر", "ز", "ژ", "س", "ش", "ص", "ض",
    "ط", "ظ", "ع", "غ", "ف", "ق", "ک", "گ", "ل", "م", "ن", "و", "ه", "ی", "یک", "دو", "سه",
    "چهار", "اول", "دوم", "سوم", "چهارم",
))
_PERSIAN_LETTER = re.compile("[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")

# First words of «به گزارش ...» phrases that name no outlet: «به گزارش این خبرگزاری»,
# «به گزارش رسانه‌ها», «به گزارش منابع خبری».
_NOT_OUTLET = frozenset(name_key(w) for w in (
    "این", "آن", "همین", "همان", "یک", "برخی", "بعضی", "رسانه‌ها", "رسانه‌های", "منابع", "منبع",
    "خبرگزاری‌ها", "خبرگزاری‌های", "سایت‌ها", "سایت‌های", "شبکه‌های", "مقامات", "شاهدان",
))

_Z = r"[\u200c ]?"
_BE_GOZARESH = re.compile(rf"(?<![\w\u200c])به{_Z}گزارش(?![\w\u200c])\s*")
_BE_NAQL_AZ = re.compile(rf"(?<![\w\u200c])به{_Z}نقل{_Z}از(?![\w\u200c])\s*")
_AZ = re.compile(r"^\s*از\s+")
_TRAILING_VA = re.compile(r"\s+و\s*$")
# The phrase a formula introduces runs to the first comma, colon or semicolon.
_PHRASE_END = re.compile(r"[،,:؛;\n]|\s[-–—]\s")
_MANBA = re.compile(r"^\s*(?:منبع|مأخذ|ماخذ)\s*[:：]\s*(?P<x>\S.*?)\s*$")
_DESK_COLON = re.compile(r"^\s*(?:گروه|سرویس)\s+(?P<desk>[^\s:،,]+(?:[\u200c ][^\s:،,]+){0,2})\s*[:：]")
_BYLINE = re.compile(
    rf"^\s*(?:(?:خبرنگار|نویسنده|گزارشگر|گزارش|گفت{_Z}و{_Z}گو|تهیه{_Z}و{_Z}تنظیم|مترجم|ترجمه)\s*[:：]"
    r"|به\s+قلم\s*:?)\s*(?P<name>[^\s:،,.0-9][^:،,.!?؟\n]{1,40}?)\s*$"
)
_QUOTES = "\"'«»“”‹›()[] \u200c"
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ("‹", "›"))
_MAX_SOURCE_WORDS = 10


class _Paragraph(NamedTuple):
    """A line of the text: its offset, the line, and its :func:`fold1`."""

    start: int
    text: str
    folded: str


def _head_and_tail(text: str, head: int, tail: int) -> tuple[list[_Paragraph], list[_Paragraph]]:
    """The first ``head`` and the last ``tail`` non-blank lines (the formulas stand there), each
    with its fold: the slice of the text's fold at the line (:func:`fold1_document`, which the
    structure step has made already for :func:`khabar.news.structure.structure`)."""
    # the lines are found with find and rfind from either end: a document has dozens of lines,
    # and only a few at its ends are read
    head_spans: list[tuple[int, str]] = []
    start = 0
    while len(head_spans) < head and start <= len(text):  # from the top
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        if line.strip():
            head_spans.append((start, line))
        start = end + 1
    tail_spans: list[tuple[int, str]] = []
    end = len(text)
    while len(tail_spans) < tail and end >= 0:  # from the bottom
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            tail_spans.append((start, line))
        end = start - 1
    tail_spans.reverse()
    if not head_spans and not tail_spans:
        return [], []
    folded = fold1_document(text)
    # a short text's head and tail share lines: each gets an equal _Paragraph
    return ([_Paragraph(start, line, folded[start:start + len(line)]) for start, line in head_spans],
            [_Paragraph(start, line, folded[start:start + len(line)]) for start, line in tail_spans])


def _clean(value: str) -> str | None:
    value = value.strip(_QUOTES + ".؛;")
    # a name cut out of a quoted one keeps an opening quote with no closing one: «وبگاه خبری «قدس»
    # ends at the phrase's comma as «وبگاه خبری «قدس»; such a quote is no part of the name
    for left, right in _QUOTE_PAIRS:
        if value.count(left) != value.count(right):
            value = value.replace(left, "").replace(right, "")
    if value.count('"') % 2:
        value = value.replace('"', "")
    return " ".join(value.split()) or None


def _words(value: str) -> list[str]:
    return value.split()


def _agency_fields(name: str, agency: Agency | None) -> dict[str, str | None]:
    if agency is None:
        return {"agency": _clean(name), "agency_id": None}
    return {"agency": agency.name, "agency_id": agency.id}


def _desk(prefix: str) -> str | None:
    """The desk in the words before the agency: «گروه بین‌الملل» -> «بین‌الملل».

    >>> _desk("خبرنگار گروه استان‌های"), _desk("شبکه خبری"), _desk("خبرنگار علمی و دانشگاهی")
    ('استان\u200cها', None, 'علمی و دانشگاهی')
    """
    words = [w for w in _words(prefix)
             if name_key(w) not in _ROLE_WORDS and name_key(w) not in _OUTLET_KINDS]
    if not words or len(words) > 3:
        return None
    return _desk_name(" ".join(words))


def _desk_name(value: str) -> str | None:
    """A desk's name as written, without the ezafe of a plural (``استان‌های`` -> ``استان‌ها``);
    None for what is no desk's name (a group letter of a tournament: ``A``, ``الف``)."""
    cleaned = _clean(value)
    if cleaned is None or not _PERSIAN_LETTER.search(cleaned) or name_key(cleaned) in _GROUP_LETTERS:
        return None
    return _PLURAL_EZAFE.sub(r"\1", cleaned)


def _source(value: str) -> tuple[str | None, str | None]:
    """A cited source as written (at most a few words) and its gazetteer id.

    A phrase whose comma is missing runs on into the sentence. The source ends before the first
    word that opens a clause (:data:`_CLAUSE_WORDS`: «سازمان جهانی بهداشت که حاکی ...», «بانک
    مرکزی روسیه در سه ماهه ...»); and when the rest is no known outlet but its first words are,
    with two or more words after them («به نقل از ایسنا علی اکبر طاهری ...»), it is those words.
    """
    words = _words(value)[:_MAX_SOURCE_WORDS]
    cut = next((i for i, w in enumerate(words) if i and name_key(w) in _CLAUSE_WORDS), None)
    if cut is not None:
        words = words[:cut]
    cleaned = _clean(" ".join(words))
    if cleaned is None:
        return None, None
    gazetteer = load_gazetteer()
    agency = gazetteer.by_name(cleaned)
    if agency is None:
        for n in range(min(3, len(words) - 2), 0, -1):
            head = _clean(" ".join(words[:n]))
            agency = gazetteer.by_name(head) if head else None
            if agency is not None:
                return head, agency.id
    return cleaned, agency.id if agency else None


def _place(value: str) -> str | None:
    """The place in «از X» after an outlet's name: the longest first one to three words of X that
    name a known place (after «شهرستان/استان/شهر»), else X itself when it is one
    or two words, none of which says X is an outlet, an office or an event (:data:`_SOURCE_WORDS`)
    and the gazetteer knows no outlet of that name. None when X reads as a source.
    """
    words = _words(value)
    if len(words) > 1 and name_key(words[0]) in _PLACE_KINDS:
        words = words[1:]
    for n in range(min(3, len(words)), 0, -1):
        if name_key(" ".join(words[:n])) in _PLACES:
            return _clean(" ".join(words[:n]))
    cleaned = _clean(" ".join(words))
    if (cleaned is None or not 1 <= len(_words(cleaned)) <= 2
            or not _PERSIAN_LETTER.search(cleaned)
            or any(name_key(w) in _SOURCE_WORDS for w in _words(cleaned))
            or load_gazetteer().by_name(cleaned) is not None):
        return None
    return cleaned


def _be_gozaresh(p: _Paragraph) -> tuple[dict[str, str | None], tuple[int, int]] | None:
    if "گزارش" not in p.folded:  # a C search; the regex opens with a lookbehind (a slow scan)
        return None
    match = _BE_GOZARESH.search(p.folded)
    if match is None:
        return None
    begin = match.end()
    end_match = _PHRASE_END.search(p.folded, begin)
    end = end_match.start() if end_match else len(p.folded)
    phrase_folded, phrase = p.folded[begin:end], p.text[begin:end]
    fields: dict[str, str | None] = {}
    cited = _BE_NAQL_AZ.search(phrase_folded)
    head_end = cited.start() if cited else len(phrase)
    if cited:
        # «به نقل از فارس از مازندران»: the source, then where it reported from
        source = phrase[cited.end():]
        az = re.search(r"\s+از\s+", phrase_folded[cited.end():])
        place = _place(source[az.end():]) if az is not None else None
        if az is not None and place is not None:
            fields["city"] = place
            source = source[:az.start()]
        fields["cited_source"], fields["cited_source_id"] = _source(source)
    # «به گزارش "ورزش سه" و به نقل از فارس»: the «و» joins the two; it is no part of the name
    conjunction = _TRAILING_VA.search(phrase_folded, 0, head_end)
    if conjunction is not None:
        head_end = conjunction.start()
    head_folded, head = phrase_folded[:head_end], phrase[:head_end]
    gazetteer = load_gazetteer()
    found = gazetteer.pattern.search(head_folded)
    if found is not None and len(_words(head_folded[:found.start()])) <= 5:
        fields.update(_agency_fields(head[found.start():found.end()],
                                      gazetteer.by_name(head_folded[found.start():found.end()])))
        fields["desk"] = _desk(head[:found.start()])
        rest, rest_folded = head[found.end():], head_folded[found.end():]
    else:
        # An outlet the gazetteer does not know: «به گزارش روزنامه گاردین،».
        az = re.search(r"\s+از\s+", head_folded)
        name = head[:az.start()] if az else head
        first = name_key(_words(name)[0]) if _words(name) else ""
        if first in _OFFICE_WORDS and "cited_source" not in fields and len(_words(head)) <= 8:
            fields["cited_source"], fields["cited_source_id"] = _source(head)
            return fields, (p.start + match.start(), p.start + end)
        if first in _ROLE_WORDS or first in _NOT_OUTLET or not 1 <= len(_words(name)) <= 5:
            return (fields, (p.start + match.start(), p.start + end)) if fields else None
        fields.update(_agency_fields(name, None))
        rest = head[az.start():] if az else ""
        rest_folded = head_folded[az.start():] if az else ""
    az = _AZ.match(rest_folded)
    if az is not None:
        after = _clean(rest[az.end():])
        place = _place(after) if after else None
        if place is not None:
            fields["city"] = place
        elif after and "cited_source" not in fields:
            fields["cited_source"], fields["cited_source_id"] = _source(after)
    return fields, (p.start + match.start(), p.start + end)




@cache
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    names = load_gazetteer().pattern.pattern
    strong = load_gazetteer().strong_pattern.pattern
    city = rf"(?P<city>{DATELINE_CITY})"
    dash = r"\s*[-–—]\s*"
    return (
        re.compile(rf"^\s*{city}{dash}(?P<agency>{names}){dash}"),  # تهران- ایرنا-
        re.compile(rf"^\s*{city}\s*\(\s*(?P<agency>{names})\s*\)"),  # تهران (پانا) -
        re.compile(rf"^\s*(?P<agency>{strong})\s*/\s*{city}"),  # ایسنا/ تبریز
    )


def _place_prefix(value: str) -> str | None:
    """The longest known place the words start with, else the first word.

    After ``ایسنا/`` nothing marks where the place ends: ``ایسنا/ خراسان رضوی معاون استاندار``.
    """
    words = _words(value)
    for n in (3, 2):
        candidate = " ".join(words[:n])
        if len(words) >= n and name_key(candidate) in _PLACES:
            return _clean(candidate)
    return _clean(words[0]) if words else None


def _dateline(p: _Paragraph) -> tuple[dict[str, str | None], tuple[int, int]] | None:
    # what each of _dateline_patterns() needs: a city then a dash, a city then an opening
    # parenthesis (city_mark: the city pattern backtracks), a slash («ایسنا/ تبریز»)
    mark = city_mark(p.folded)
    possible = (mark is not None and mark in "-–—", mark == "(", "/" in p.folded)
    if not any(possible):
        return None
    gazetteer = load_gazetteer()
    patterns = _dateline_patterns()
    for pattern, may_match in zip(patterns, possible, strict=True):
        if not may_match:
            continue
        match = pattern.match(p.folded)  # each pattern opens with ^
        if match is None:
            continue
        agency_text = match.group("agency")
        city_text = p.text[match.start("city"):match.end("city")]
        # In «تهران- ایرنا-» the dash ends the place; after «ایسنا/» nothing does.
        city = _place_prefix(city_text) if pattern is patterns[-1] else _clean(city_text)
        fields = _agency_fields(agency_text, gazetteer.by_name(agency_text))
        fields["city"] = city
        return fields, (p.start + match.start(), p.start + match.end())
    return None


def _agency_colon(p: _Paragraph) -> tuple[dict[str, str | None], tuple[int, int]] | None:
    """«خبرگزاری فارس:», «همشهری آنلاین - گروه فرهنگی:», «طرفداری |», «خبرگزاری فارس_» (old
    FarsNews) at a paragraph start."""
    match = _agency_colon_pattern().match(p.folded)  # anchored: match, not a search
    if match is None:
        return None
    gazetteer = load_gazetteer()
    agency_text = match.group("agency")
    fields = _agency_fields(agency_text, gazetteer.by_name(agency_text))
    who = match.group("who")
    if who:
        who_text = _clean(p.text[match.start("who"):match.end("who")]) or ""
        first = name_key(_words(who_text)[0]) if _words(who_text) else ""
        if first in _ROLE_WORDS:
            fields["desk"] = _desk(who_text)
        elif 1 <= len(_words(who_text)) <= 4:
            fields["reporter"] = who_text
    return fields, (p.start + match.start(), p.start + match.end())


@cache
def _agency_colon_pattern() -> re.Pattern[str]:
    names = load_gazetteer().strong_pattern.pattern  # «الف: ...» is a list item
    return re.compile(
        rf"^\s*(?P<agency>{names})\s*(?:(?:[-–—]\s*(?P<who>[^:：\n]{{2,40}}?)\s*)?[:：|_]|[-–—]\s)"
    )


@cache
def _wrote_pattern() -> re.Pattern[str]:
    """«روزنامه جوان نوشت:», «خبرگزاری رویترز گزارش داد:» at a paragraph start (press reviews)."""
    names = load_gazetteer().strong_pattern.pattern
    press = r"(?:روزنامه|هفته{z}نامه|ماهنامه|سایت|پایگاه خبری|خبرگزاری|شبکه)\s+[^\s:،,]+(?:\s+[^\s:،,]+){{0,2}}?"
    return re.compile(
        rf"^\s*(?P<x>{names}|{press.format(z=_Z)})\s+(?:نوشت|گزارش{_Z}داد|اعلام{_Z}کرد)\s*[:：]"
    )


def _wrote(p: _Paragraph) -> tuple[dict[str, str | None], tuple[int, int]] | None:
    # the line must hold a colon and one of the verbs' last words (C searches), or the match,
    # which tries every outlet's name, cannot succeed
    folded = p.folded
    if (":" not in folded and "：" not in folded) or (
            "نوشت" not in folded and "داد" not in folded and "کرد" not in folded):
        return None
    match = _wrote_pattern().match(p.folded)
    if match is None:
        return None
    source, source_id = _source(p.text[match.start("x"):match.end("x")])
    return {"cited_source": source, "cited_source_id": source_id}, (
        p.start + match.start(), p.start + match.end())


def _second_outlet(found: Attribution, fields: dict[str, str | None]) -> dict[str, str | None]:
    """A formula naming another outlet after the publisher's own names the outlet it quotes:
    «خبرگزاری فارس: ...» then «به گزارش خبرگزاری فرانسه از نابلس، ...» is FarsNews reporting
    AFP's story, so AFP is the cited source (before whatever AFP cites in turn)."""
    other = fields.get("agency")
    if found.agency is None or other is None or found.cited_source is not None:
        return fields
    other_id = fields.get("agency_id")
    if (other_id is not None and other_id == found.agency_id) or name_key(other) == name_key(found.agency):
        return fields
    return {**fields, "cited_source": other, "cited_source_id": other_id}


def _merge(found: Attribution, fields: dict[str, str | None], span: tuple[int, int], form: str) -> Attribution:
    updates: dict[str, Any] = {
        k: v for k, v in fields.items() if v is not None and getattr(found, k) is None
    }
    if "agency" in updates or found.span is None:
        updates["span"] = span
        updates["form"] = form
    return replace(found, **updates) if updates else found


def parse_attribution(text: str, *, lead_paragraphs: int = 3, tail_lines: int = 3) -> Attribution:
    """Find the attribution formulas of a news text.

    Args:
        text: the text, one paragraph a line (repaired or raw).
        lead_paragraphs: how many paragraphs from the top are searched for ``به گزارش``,
            datelines and ``خبرگزاری ...:``; a ``به گزارش`` further down reports on something else.
        tail_lines: how many lines from the end are searched for ``منبع:`` and bylines.

    Returns:
        The fields found; the earliest formula wins for each field. An empty
        :class:`Attribution` when the text has none.

    >>> parse_attribution("خبرگزاری فارس: رئیس اداره گفت ...").agency_id
    'fars'
    >>> parse_attribution("متن خبر بدون منبع.")
    Attribution(agency=None, agency_id=None, desk=None, cited_source=None, cited_source_id=None, reporter=None, city=None, span=None, form=None)
    """
    head, tail = _head_and_tail(text, lead_paragraphs, tail_lines)
    found = Attribution()
    for p in head:
        for form, parse in (("dateline", _dateline), ("agency_colon", _agency_colon),
                            ("be_gozaresh", _be_gozaresh), ("nevesht", _wrote)):
            result = parse(p)
            if result is not None:
                found = _merge(found, _second_outlet(found, result[0]), result[1], form)
        desk = _DESK_COLON.match(p.folded)
        value = _desk_name(p.text[desk.start("desk"):desk.end("desk")]) if desk else None
        if desk is not None and value is not None:
            found = _merge(found, {"desk": value}, (p.start + desk.start(), p.start + desk.end()),
                           "desk_colon")
        if found.cited_source is None and "نقل" in p.folded:
            naql = _BE_NAQL_AZ.search(p.folded)
            if naql is not None and _BE_GOZARESH.search(p.folded, 0, naql.start()) is None:
                end_match = _PHRASE_END.search(p.folded, naql.end())
                end = end_match.start() if end_match else len(p.text)
                source, source_id = _source(p.text[naql.end():end])
                found = _merge(found, {"cited_source": source, "cited_source_id": source_id},
                               (p.start + naql.start(), p.start + end), "be_naql_az")
    for p in [*head, *tail]:
        byline = _BYLINE.match(p.folded)
        if byline is not None:
            found = _merge(found, {"reporter": _clean(p.text[byline.start("name"):byline.end("name")])},
                           (p.start, p.start + len(p.text)), "byline")
    for p in tail:
        manba = _MANBA.match(p.folded)
        if manba is not None:
            source, source_id = _source(p.text[manba.start("x"):manba.end("x")])
            found = _merge(found, {"cited_source": source, "cited_source_id": source_id},
                           (p.start, p.start + len(p.text)), "manba")
    return found


#: how many domains :func:`agency_for_domain` keeps the answer for: a crawl's documents come from
#: a few hundred sites, and the lookup (a URL pattern, lower-casing, a dict per parent domain)
#: cost 1.4 microseconds a document
DOMAIN_CACHE = 4096


@lru_cache(maxsize=DOMAIN_CACHE)
def agency_for_domain(domain: str) -> str | None:
    """The gazetteer name of the outlet publishing at ``domain`` (a host name or a URL).

    >>> agency_for_domain("www.tasnimnews.com")
    'خبرگزاری تسنیم'
    >>> agency_for_domain("https://www.hamshahrionline.ir/news/798011")
    'همشهری آنلاین'
    >>> agency_for_domain("example.com") is None
    True
    """
    agency = load_gazetteer().by_domain(domain)
    return agency.name if agency else None
