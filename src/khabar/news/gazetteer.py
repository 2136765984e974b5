"""The gazetteer of Persian news agencies and sites (``khabar/data/agencies.tsv``).

Names are matched in text with a regex that accepts each spelling with or without its ZWNJ or
space (``بی‌بی‌سی`` / ``بی بی سی`` / ``بیبیسی``) and with Arabic ي/ك, so it works on raw and on
repaired text alike. Offsets of matches are offsets in the input, because the only folding done
before matching maps one character to one character (:func:`fold1`).

>>> gazetteer = load_gazetteer()
>>> gazetteer.by_domain("https://m.isna.ir/news/123").name
'خبرگزاری ایسنا'
>>> gazetteer.by_name("بی بی سی فارسی").id
'bbc_persian'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from khabar._native import lower_text
from khabar.errors import ConfigError
from khabar.news._fold import CharMap
from khabar.news._tsv import tsv_rows

__all__ = ["DATELINE_CITY", "Agency", "Gazetteer", "city_mark", "city_then", "fold1", "fold1_document", "load_gazetteer", "name_key"]

KINDS = frozenset({"agency", "site", "paper", "broadcaster", "foreign", "qa"})

# One character to one character, so that offsets survive: Arabic letter and digit variants.
_FOLD1 = CharMap.of(
    {
        "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا",
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)
_SPACES = re.compile(r"[\s\u200c\u200d\u200f\u200e]+")

#: The place before the agency in a dateline («تهران- ایرنا-», «بندر عباس (پانا)»): a letter,
#: then up to three words of 2-20 characters with no dash, bracket, slash, colon or comma.
#: Attribution parses datelines with it and structure recognises them with it, so both must agree.
DATELINE_CITY = r"[^\W\d_][^\s\-–—()/:،,]{1,20}(?:[\u200c ][^\s\-–—()/:،,]{2,20}){0,2}"

# The city holds none of these characters and spaces follow it, so the first of them in a line
# that opens with DATELINE_CITY is the mark after the city («تهران- ایرنا-», «تهران (پانا)»), and
# what stands before it is the city: at most 63 characters (1 + 20 + 2 x (1 + 20)) with at most
# two spaces. Prose lines with a dash or a parenthesis fail this without the city pattern, whose
# backtracking over three words of up to 20 characters costs some 10 microseconds a line.
_CITY_STOP = re.compile("[\\-–—()/:،,]")
_CITY_MAX_CHARS = 63
_CITY_MAX_SPACES = 2


def city_mark(folded: str) -> str | None:
    """The mark after a :data:`DATELINE_CITY` opening ``folded`` (the first character the city
    cannot hold, when at most 63 characters and two spaces stand before it), or ``None``: a
    necessary condition for the dateline patterns, not a sufficient one.

    >>> city_mark("تهران- ایرنا- رئیس‌جمهور گفت"), city_mark("وزیر (نفت) گفت"), city_mark("متن")
    ('-', '(', None)
    """
    stop = _CITY_STOP.search(folded)
    if stop is None:
        return None
    city = folded[:stop.start()].strip()
    if len(city) > _CITY_MAX_CHARS or city.count(" ") > _CITY_MAX_SPACES:
        return None
    return stop.group()


def city_then(folded: str, marks: str) -> bool:
    """Whether ``folded`` may open with :data:`DATELINE_CITY`, spaces and one of ``marks``
    (:func:`city_mark`).

    >>> city_then("تهران- ایرنا- رئیس‌جمهور گفت", "-–—"), city_then("وزیر (نفت) گفت", "-–—")
    (True, False)
    """
    mark = city_mark(folded)
    return mark is not None and mark in marks


def fold1(text: str) -> str:
    """Map Arabic letter variants and non-ASCII digits to one form, one character for one."""
    return _FOLD1(text)


@lru_cache(maxsize=2)
def fold1_document(text: str) -> str:
    """:func:`fold1` of a whole document, kept for the last two texts: the structure step folds
    its document in :func:`khabar.news.structure.structure` and again in
    :func:`khabar.news.attribution.parse_attribution`. One character for one, so the fold of a
    line is the fold's slice at the line's offset.

    >>> fold1_document("خبرگزاري ۱۲\\nكتاب")[12:]
    'کتاب'
    """
    return _FOLD1(text)


def name_key(text: str) -> str:
    """Lookup key of a name: :func:`fold1`, then spaces, ZWNJ and quotes removed, ``آ`` -> ``ا``."""
    return lower_text(_SPACES.sub("", fold1(text)).replace("آ", "ا").strip("\"'«»“”"))


@dataclass(frozen=True, slots=True)
class Agency:
    """One outlet of the gazetteer (see the header of ``data/agencies.tsv``)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    kind: str
    #: spellings that are also common words; see the header of ``data/agencies.tsv``
    weak: tuple[str, ...] = ()


def _name_regex(name: str) -> str:
    """A name's spaces and ZWNJs may each be a space, a ZWNJ, both or nothing; ``آ`` may be ``ا``."""
    out: list[str] = []
    for ch in fold1(name):
        if ch in " \u200c":
            if not out or out[-1] != r"[\u200c ]{0,2}":  # «ورزش‌ سه»: a ZWNJ and a space
                out.append(r"[\u200c ]{0,2}")
        elif ch == "آ":
            out.append("[آا]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The agencies, with lookups by name key and by domain, and regexes matching their names.

    ``pattern`` matches every spelling; ``strong_pattern`` leaves out the weak ones (``الف``,
    ``مهر``), for contexts where a common word could stand by chance (``الف:`` opens a list item).
    """

    agencies: tuple[Agency, ...]
    names: Mapping[str, Agency]
    domains: Mapping[str, Agency]
    pattern: re.Pattern[str]
    strong_pattern: re.Pattern[str]

    def by_name(self, name: str) -> Agency | None:
        """The agency ``name`` spells (any alias, any ZWNJ/space/ي spelling), or ``None``."""
        return self.names.get(name_key(name))

    def by_domain(self, domain: str) -> Agency | None:
        """The agency of a domain or URL; subdomains match their parent (``m.isna.ir``)."""
        host = _host(domain)
        parts = host.split(".")
        for i in range(len(parts) - 1):
            agency = self.domains.get(".".join(parts[i:]))
            if agency is not None:
                return agency
        return None


_URL_HOST = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://)?(?:[^@/]*@)?(?P<host>[^/:?#]*)", re.IGNORECASE)


def _host(domain: str) -> str:
    match = _URL_HOST.match(domain.strip())
    host = match.group("host") if match else domain
    return lower_text(host).rstrip(".")


def _parse(text: str, source: str) -> Gazetteer:
    agencies: list[Agency] = []
    names: dict[str, Agency] = {}
    domains: dict[str, Agency] = {}
    for number, cells in tsv_rows(text, source, ("id", "name", "aliases", "domains", "weak", "kind")):
        ident, name, aliases, doms, weak, kind = cells
        if kind not in KINDS:
            raise ConfigError(f"{source} line {number}: kind {kind!r} is not one of {sorted(KINDS)}")
        if not re.fullmatch(r"[a-z0-9_]+", ident) or not name:
            raise ConfigError(
                f"{source} line {number}: the id must be lower-case ASCII and the name non-empty"
            )
        alias_list = tuple(dict.fromkeys(a.strip() for a in aliases.split("|") if a.strip()))
        weak_list = tuple(w.strip() for w in weak.split("|") if w.strip())
        known = (name, *alias_list)  # a name apart: mypyc cannot compile a starred tuple after `in`
        unknown = [w for w in weak_list if w not in known]
        if unknown:
            raise ConfigError(
                f"{source} line {number}: weak spellings {unknown} are not the name or an alias"
            )
        agency = Agency(
            id=ident, name=name, aliases=alias_list,
            domains=tuple(d.strip().lower() for d in doms.split("|") if d.strip()), kind=kind,
            weak=weak_list,
        )
        for spelling in (name, *alias_list):
            key = name_key(spelling)
            other = names.get(key)
            if other is not None and other.id != ident:
                raise ConfigError(
                    f"{source} line {number}: {spelling!r} already names {other.id!r}; "
                    "a spelling may name one outlet only"
                )
            names[key] = agency
        for dom in agency.domains:
            if dom in domains:
                raise ConfigError(f"{source} line {number}: domain {dom!r} is listed twice")
            domains[dom] = agency
        agencies.append(agency)
    # longest first; equal lengths alphabetically, so the pattern is the same in every process
    # (a set's order changes with PYTHONHASHSEED)
    spellings = sorted({s for a in agencies for s in (a.name, *a.aliases)},
                       key=lambda s: (-len(s), s))
    weak_spellings = {w for a in agencies for w in a.weak}
    return Gazetteer(
        tuple(agencies), MappingProxyType(names), MappingProxyType(domains),
        _alternation(spellings), _alternation([s for s in spellings if s not in weak_spellings]),
    )


def _alternation(spellings: list[str]) -> re.Pattern[str]:
    # Longest first, so that «خبرگزاری فارس» wins over «فارس». A name ends where letters and
    # digits end; «_» may follow it («خبرگزاري فارس_ قيمت نفت ...»).
    return re.compile(
        r"(?<![^\W_]|\u200c)(?:" + "|".join(_name_regex(s) for s in spellings) + r")(?![^\W_]|\u200c)"
    )


@cache
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer from ``path``, or the one shipped in ``khabar/data/agencies.tsv``.

    Raises:
        ConfigError: a row is malformed or a spelling/domain is claimed by two outlets.
    """
    if path is None:
        text = resources.files("khabar.data").joinpath("agencies.tsv").read_text(encoding="utf-8")
        return _parse(text, "khabar/data/agencies.tsv")
    return _parse(Path(path).read_text(encoding="utf-8"), path)
