"""House styles for ZWNJ compounds: «به عنوان» or «به‌عنوان», «این که» or «این‌که».

Persian writes many pairs of words either apart or as one word with a ZWNJ, and both spellings
are correct. The ZWNJ engine (:mod:`khabar.text.zwnj`) writes them as the UD treebanks it learned
from do, mostly apart: that is the ``treebank`` style, khabar's default, which this module never
changes. The ``news`` style joins the pairs that news agencies write as one word, listed with a
comment per group in the reviewed data file ``khabar/data/style/news.tsv``.
:func:`khabar.fix` runs the style after the ZWNJ engine when the policy asks for it
(``fix(text, style="news")``, ``khabar fix --set style=news``), outside URLs, hashtags and other
protected spans.

A pair joins only when it stands alone: spaces (or a ZWNJ) between its words, and no letter,
mark or ZWNJ touching its outer edges, so «همین که», «این کهنه» and «به عنوانی» (to a title)
keep their spelling, and nothing joins across punctuation or a line break. A pair whose writer
glued two of its words with nothing between them (اینکه, همزمان, درحالیکه) is a third spelling,
correct in both styles, and is left as it is, unless the news spelling glues the same two words:
«درحالی که» is «درحالی‌که» with its ZWNJ lost.

>>> apply_style("او به عنوان رئیس گفت این که نه تنها ...", "news")
'او به\\u200cعنوان رئیس گفت این\\u200cکه نه\\u200cتنها ...'
>>> apply_style("او به عنوان رئیس", "treebank")
'او به عنوان رئیس'
>>> apply_style("همین که رسید، این کهنه را دید", "news")
'همین که رسید، این کهنه را دید'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from khabar.text.normalize import Change, RegexRule, apply_changes
from khabar.text.policy import FixPolicy, Style
from khabar.text.protect import find_verbatim

__all__ = ["StylePair", "apply_style", "find_style", "load_pairs", "parse_pairs", "style_rules"]

ZWNJ: Final = "\u200c"
#: what may not touch a pair's outer edges: a letter or digit (\w), a combining mark
#: (harakat, hamza above, superscript alef, Quranic marks), tatweel, ZWNJ or ZWJ; any of them
#: would make the pair part of a longer word (همین که, این کهنه, به عنوان‌ها)
_WORDISH: Final = r"\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
#: between the words of a pair: spaces (the treebank spelling) or one ZWNJ (the news one, or a
#: pair half written so: به‌طوری که); never nothing (اینکه is a spelling of its own), punctuation
#: or a line break
_JOINT: Final = "(?: +|\u200c)"
_SEPARATORS: Final = re.compile("[ \u200c]")
_COLUMNS: Final = ("apart", "news", "tails")


@dataclass(frozen=True, slots=True)
class StylePair:
    """One row of a style file: ``apart`` becomes ``news``; ``tails`` may follow its last word."""

    apart: str
    news: str
    tails: tuple[str, ...]
    line: int


def _row_error(source: str, line: int, problem: str) -> ValueError:
    return ValueError(
        f"{source} line {line}: {problem}; see the column notes at the top of the file"
    )


def parse_pairs(text: str, source: str = "news.tsv") -> tuple[StylePair, ...]:
    """Parse a style file (see the header of ``khabar/data/style/news.tsv``), checking each row.

    >>> parse_pairs("apart\\tnews\\ttails\\nهم زمان\\tهم\\u200cزمان\\tی\\n")
    (StylePair(apart='هم زمان', news='هم\\u200cزمان', tails=('ی',), line=2),)
    >>> parse_pairs("apart\\tnews\\ttails\\nهم زمان\\tهمزمان\\t-\\n")
    Traceback (most recent call last):
    ...
    ValueError: news.tsv line 2: 'همزمان' is not 'هم زمان' with each space made a ZWNJ or nothing (at least one ZWNJ: a style of ZWNJ compounds); see the column notes at the top of the file
    """
    pairs: list[StylePair] = []
    keys: dict[str, int] = {}
    header_seen = False
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            if tuple(cells) != _COLUMNS:
                raise _row_error(source, number, f"the header must be {'<TAB>'.join(_COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS):
            raise _row_error(
                source, number, f"expected {len(_COLUMNS)} TAB-separated columns, got {len(cells)}"
            )
        apart, news, tails = cells
        words = apart.split(" ")
        if len(words) < 2 or not all(words):
            raise _row_error(source, number, f"{apart!r} is not two or more words, one space apart")
        if not _joins(words, news) or ZWNJ not in news:
            raise _row_error(
                source,
                number,
                f"{news!r} is not {apart!r} with each space made a ZWNJ or nothing (at least "
                "one ZWNJ: a style of ZWNJ compounds)",
            )
        key = _key(apart)
        if key in keys:
            raise _row_error(source, number, f"{apart!r} is already the pair of line {keys[key]}")
        keys[key] = number
        pairs.append(StylePair(apart, news, _cells(tails), number))
    return tuple(pairs)


def _cells(cell: str) -> tuple[str, ...]:
    return () if cell == "-" else tuple(c for c in cell.split(",") if c)


def _key(spelling: str) -> str:
    """A spelling without its spaces and ZWNJs: the same key for every way of joining a pair."""
    return _SEPARATORS.sub("", spelling)


def _joins(words: list[str], news: str) -> bool:
    """True when ``news`` is ``words`` with each space between them made a ZWNJ or nothing."""
    return re.fullmatch("(?:\u200c)?".join(map(re.escape, words)), news) is not None


@cache
def _as_style(style: Style | str) -> Style:
    """``style`` as a :class:`Style`; a wrong value raises ConfigError naming the valid ones."""
    return FixPolicy.from_kwargs(style=style).style


@cache
def load_pairs(style: Style | str) -> tuple[StylePair, ...]:
    """The pairs a style joins, read once per process (none for ``treebank``).

    >>> load_pairs("treebank")
    ()
    >>> next(p for p in load_pairs("news") if p.apart == "به عنوان").news
    'به\\u200cعنوان'
    """
    style = _as_style(style)
    if style is Style.TREEBANK:
        return ()
    name = f"{style.value}.tsv"
    text = resources.files("khabar").joinpath("data", "style", name).read_text(encoding="utf-8")
    return parse_pairs(text, name)


def _alternative(pair: StylePair) -> str:
    """The pattern of ``pair`` written apart, half joined or in news spelling.

    Between two words the news spelling joins with a ZWNJ, spaces or a ZWNJ (never nothing:
    اینکه is a spelling of its own); where it glues them (در + حالی → درحالی), nothing too, so
    «درحالی که», the news spelling with its ZWNJ lost, joins as «درحالی‌که».
    """
    words = pair.apart.split(" ")
    parts = [re.escape(words[0])]
    at = len(words[0])
    for word in words[1:]:
        glued = pair.news[at] != ZWNJ  # the news spelling writes the next word right here
        parts.append(f"{_JOINT}?" if glued else _JOINT)
        parts.append(re.escape(word))
        at += len(word) + (0 if glued else 1)
    return "".join(parts)


class _Joiner:
    """The compiled pattern of one style and the lookup from a match to its news spelling."""

    def __init__(self, pairs: tuple[StylePair, ...]) -> None:
        # key (the pair without spaces and ZWNJs) -> pair: every way of writing it finds its row
        self._by_key = {_key(pair.apart): pair for pair in pairs}
        alternatives = [_alternative(p) for p in pairs]
        tails = sorted({t for p in pairs for t in p.tails}, key=lambda t: (-len(t), t))
        # longest first: «به طوری که» before «به طور»
        alternatives.sort(key=lambda a: (-len(a), a))
        tail = f"(?P<tail>{'|'.join(map(re.escape, tails))})?" if tails else "(?P<tail>)"
        # the first letters of the pairs, tested first: most positions fail there, which is
        # about 10 % faster on news text than starting with the look-behind
        firsts = re.escape("".join(sorted({p.apart[0] for p in pairs})))
        self.pattern = re.compile(
            f"(?=[{firsts}])(?<![{_WORDISH}])(?P<core>{'|'.join(alternatives)}){tail}"
            f"(?![{_WORDISH}])"
        )

    def replace(self, m: re.Match[str]) -> str:
        core, tail = m.group("core"), m.group("tail") or ""
        pair = self._by_key[_key(core)]
        if tail and tail not in pair.tails:
            return m.group()  # به طوری (no که): a tail of another row's word, not of this one
        return pair.news + tail


@cache
def style_rules(style: Style | str) -> tuple[RegexRule, ...]:
    """The rules :class:`khabar.text.fix.Fixer` runs after the ZWNJ engine (none for ``treebank``).

    >>> [r.name for r in style_rules("news")], style_rules("treebank")
    (['zwnj.style.news'], ())
    """
    pairs = load_pairs(style)
    if not pairs:
        return ()
    joiner = _Joiner(pairs)
    return (RegexRule(f"zwnj.style.{_as_style(style).value}", joiner.pattern, joiner.replace),)


def find_style(text: str, style: Style | str = Style.NEWS) -> list[Change]:
    """The changes ``style`` makes to ``text`` (named ``zwnj.style.<style>``), outside URLs,
    hashtags, Latin words and the other verbatim spans of :mod:`khabar.text.protect`.

    >>> find_style("نه تنها")
    [Change(start=0, end=7, replacement='نه\\u200cتنها', rule='zwnj.style.news')]
    """
    spans = find_verbatim(text)
    changes: list[Change] = []
    for rule in style_rules(style):
        changes += [
            ch
            for ch in rule.find(text)
            if not any(sp.start < ch.end and ch.start < sp.end for sp in spans)
        ]
    return changes


def apply_style(text: str, style: Style | str = Style.NEWS) -> str:
    """Write the compound pairs of ``text`` in ``style``; ``treebank`` returns ``text`` as it is.

    Pure and idempotent: ``apply_style(apply_style(x)) == apply_style(x)``.

    >>> apply_style("محیط زیستی و هم زمان، اینکه همزمان")
    'محیط\\u200cزیستی و هم\\u200cزمان، اینکه همزمان'
    >>> apply_style("متن", "agency")
    Traceback (most recent call last):
    ...
    khabar.errors.ConfigError: style='agency' is not a valid choice; valid choices: treebank, news
    """
    if _as_style(style) is Style.TREEBANK:
        return text
    return apply_changes(text, find_style(text, style))
