"""House styles for ZWNJ compounds: «به عنوان» or «به‌عنوان», «این که» or «این‌که».

Persian writes many pairs of words either apart or as one word with a ZWNJ, and both spellings
are correct. The ZWNJ engine (:mod:`khabar.text.zwnj`) writes them as the UD treebanks it learned
from do, mostly apart: that is the ``treebank`` style, khabar's default, which this module never
changes. The ``news`` style joins the pairs that news agencies write as one word, listed with a
comment per group in the reviewed data file ``khabar/data/style/news.tsv``.
:func:`khabar.fix` runs the style after the ZWNJ engine when the policy asks for it
(``fix(text, style="news")``, ``khabar fix --set style=news``), outside URLs, hashtags and other
protected spans. A user's own style files (``FixPolicy.styles``, :func:`read_pairs`) in the same
format add their pairs to the style's, alone (``treebank``) or on top of ``news``: a user row
replaces the earlier row of the same words, and a row whose news column is ``-`` drops it.

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
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Final

from khabar.errors import ConfigError
from khabar.text.normalize import Change, RegexRule, apply_changes
from khabar.text.policy import FixPolicy, Style
from khabar.text.protect import find_verbatim
from khabar.text.userfile import UserFileError, read_user_text

__all__ = [
    "StylePair",
    "apply_style",
    "find_style",
    "load_pairs",
    "parse_pairs",
    "read_pairs",
    "style_rules",
]

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
#: where a bad row of the shipped file, and of a user's, is told to look for the format
_SHIPPED_HINT: Final = "see the column notes at the top of the file"
_USER_HINT: Final = (
    "a style file is TAB-separated, under the header apart<TAB>news<TAB>tails, as "
    "khabar/data/style/news.tsv and its README describe"
)
#: the shipped styles' names: a user who writes styles=news meant style=news
_STYLE_NAMES: Final = frozenset(m.value for m in Style)


@dataclass(frozen=True, slots=True)
class StylePair:
    """One row of a style file: ``apart`` becomes ``news``; ``tails`` may follow its last word.

    A row of a user file whose news column is ``-`` has ``news == apart``: the pair is written
    apart, and an earlier row of the same words (news.tsv's, or an earlier file's) is dropped.
    """

    apart: str
    news: str
    tails: tuple[str, ...]
    line: int


def _row_error(source: str, line: int, problem: str, hint: str) -> ValueError:
    return ValueError(f"{source} line {line}: {problem}; {hint}")


def parse_pairs(
    text: str, source: str = "news.tsv", hint: str = _SHIPPED_HINT
) -> tuple[StylePair, ...]:
    """Parse a style file (see the header of ``khabar/data/style/news.tsv``), checking each row;
    a bad row raises a ValueError naming ``source``, the line and the problem, then ``hint``.

    >>> parse_pairs("apart\\tnews\\ttails\\nهم زمان\\tهم\\u200cزمان\\tی\\n")
    (StylePair(apart='هم زمان', news='هم\\u200cزمان', tails=('ی',), line=2),)
    >>> parse_pairs("apart\\tnews\\ttails\\nهم زمان\\tهمزمان\\t-\\n")
    Traceback (most recent call last):
    ...
    ValueError: news.tsv line 2: 'همزمان' is not 'هم زمان' with each space made a ZWNJ or nothing (at least one ZWNJ: a style of ZWNJ compounds), or - to keep the pair apart; see the column notes at the top of the file
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
                raise _row_error(
                    source, number, f"the header must be {'<TAB>'.join(_COLUMNS)}", hint
                )
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS):
            raise _row_error(
                source,
                number,
                f"expected {len(_COLUMNS)} TAB-separated columns, got {len(cells)}",
                hint,
            )
        apart, news, tails = cells
        words = apart.split(" ")
        if len(words) < 2 or not all(words):
            raise _row_error(
                source, number, f"{apart!r} is not two or more words, one space apart", hint
            )
        if news == "-":  # written apart: drops an earlier row of these words
            if tails != "-":
                raise _row_error(
                    source, number, f"a pair written apart (news -) takes no tails: {tails!r}", hint
                )
            news = apart
        elif not _joins(words, news) or ZWNJ not in news:
            raise _row_error(
                source,
                number,
                f"{news!r} is not {apart!r} with each space made a ZWNJ or nothing (at least "
                "one ZWNJ: a style of ZWNJ compounds), or - to keep the pair apart",
                hint,
            )
        key = _key(apart)
        if key in keys:
            raise _row_error(
                source, number, f"{apart!r} is already the pair of line {keys[key]}", hint
            )
        keys[key] = number
        pairs.append(StylePair(apart, news, _cells(tails), number))
    return tuple(pairs)


def read_pairs(path: str) -> tuple[StylePair, ...]:
    """The pairs of a user's style file (``FixPolicy.styles``), checked as news.tsv's are; a
    file that is missing, not UTF-8 or has a bad row raises a ConfigError saying which, where
    and how to fix it. A relative path is read from the working folder.

    >>> read_pairs("nosuch.tsv")
    Traceback (most recent call last):
    ...
    khabar.errors.ConfigError: fix.styles: style file nosuch.tsv does not exist; check the path
    """
    try:
        # a byte-order mark (Windows editors write one) is not part of the header
        text = read_user_text(path, "style file")
    except UserFileError as exc:
        missing = not Path(path).exists() and path in _STYLE_NAMES
        hint = " (the shipped styles are chosen with style=news)" if missing else ""
        raise ConfigError(f"fix.styles: {exc}{hint}") from None
    try:
        return parse_pairs(text, f"style file {path}", _USER_HINT)
    except ValueError as exc:
        raise ConfigError(f"fix.styles: {exc}") from None


def _merged(*layers: tuple[StylePair, ...]) -> tuple[StylePair, ...]:
    """The pairs of ``layers`` in order, a later row replacing an earlier one of the same
    words (in the earlier one's place) and a row written apart dropping it.

    >>> head = "apart\\tnews\\ttails\\n"
    >>> base = parse_pairs(head + "این که\\tاین\\u200cکه\\t-\\nنه تنها\\tنه\\u200cتنها\\t-\\n")
    >>> mine = parse_pairs(head + "این که\\t-\\t-\\nبه منظور\\tبه\\u200cمنظور\\t-\\n")
    >>> [p.news for p in _merged(base, mine)]
    ['نه\\u200cتنها', 'به\\u200cمنظور']
    """
    by_key: dict[str, StylePair] = {}
    for layer in layers:
        for pair in layer:
            by_key[_key(pair.apart)] = pair
    return tuple(p for p in by_key.values() if p.news != p.apart)


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


def style_rules(
    style: Style | str, files: tuple[str, ...] = (), apart: Mapping[str, str] | None = None
) -> tuple[RegexRule, ...]:
    """The rules :class:`khabar.text.fix.Fixer` runs after the ZWNJ engine: ``style``'s pairs
    (none for ``treebank``) with those of the user's style ``files``, read on each call (a Fixer
    calls it once, when it is made); the shipped styles' rules are compiled once per process.
    Named ``zwnj.style.<style>``, ``zwnj.style.user`` for user files alone,
    ``zwnj.style.news+user`` for user files on top of news.

    ``apart`` holds the two-word pairs a user's word files keep apart (``به منظور``, each with
    the file that says so; :func:`khabar.text.lexicon.user_apart_pairs`): a shipped row that
    joins one is left out, so the user's word wins over the house style it chose, and a row of
    a user's style file that joins one is a contradiction between two of the user's own files,
    a ConfigError naming both.

    >>> [r.name for r in style_rules("news")], style_rules("treebank")
    (['zwnj.style.news'], ())
    >>> rules = style_rules("news", apart={"به منظور": "mine.txt"})
    >>> apply_changes("به منظور حل", rules[0].find("به منظور حل"))
    'به منظور حل'
    """
    layers = tuple(map(read_pairs, files))
    if apart:
        for path, layer in zip(files, layers, strict=True):
            for pair in layer:
                held = _kept_apart(pair, apart)
                if held is not None:
                    raise ConfigError(
                        f"fix.styles: style file {path} line {pair.line} joins {held!r}, which "
                        f"the word file {apart[held]} keeps apart; remove the row or the word"
                    )
    shipped = load_pairs(style)
    kept = tuple(p for p in shipped if _kept_apart(p, apart) is None) if apart else shipped
    if not files:
        # the shipped rules are compiled once per process; only a row left out needs its own
        return _shipped_rules(style) if kept == shipped else _rules(_as_style(style).value, kept)
    name = "user" if _as_style(style) is Style.TREEBANK else f"{_as_style(style).value}+user"
    return _rules(name, _merged(kept, *layers))


def _kept_apart(pair: StylePair, apart: Mapping[str, str]) -> str | None:
    """The first two neighbouring words of ``pair`` that ``apart`` keeps apart and the pair
    joins, or None: «به منظور» in «به منظور اینکه»; not «به طور» in «به طوری که».

    >>> row = StylePair("به طوری که", "به\u200cطوری\u200cکه", (), 2)
    >>> _kept_apart(row, {"طوری که": "a.txt"}), _kept_apart(row, {"به طور": "a.txt"})
    ('طوری که', None)
    """
    if pair.news == pair.apart:  # a row written apart joins nothing
        return None
    words = pair.apart.split(" ")
    from khabar.text.lexicon import fold  # as the word files' entries are read; not at import

    for first, second in pairwise(words):
        key = fold(f"{first} {second}")
        if key in apart:
            return key
    return None


@cache
def _shipped_rules(style: Style | str) -> tuple[RegexRule, ...]:
    return _rules(_as_style(style).value, load_pairs(style))


@cache
def _rules_once(style: Style | str, files: tuple[str, ...]) -> tuple[RegexRule, ...]:
    """:func:`style_rules` for :func:`find_style` and :func:`apply_style`, functions of one text:
    user files read once per process, not once per call."""
    return style_rules(style, files)


def _rules(name: str, pairs: tuple[StylePair, ...]) -> tuple[RegexRule, ...]:
    if not pairs:
        return ()
    joiner = _Joiner(pairs)
    return (RegexRule(f"zwnj.style.{name}", joiner.pattern, joiner.replace),)


def find_style(
    text: str, style: Style | str = Style.NEWS, files: tuple[str, ...] = ()
) -> list[Change]:
    """The changes ``style`` (and the user's style ``files``) make to ``text`` (named as in
    :func:`style_rules`), outside URLs, hashtags, Latin words and the other verbatim spans of
    :mod:`khabar.text.protect`. User files are read on the first call with them.

    >>> find_style("نه تنها")
    [Change(start=0, end=7, replacement='نه\\u200cتنها', rule='zwnj.style.news')]
    """
    spans = find_verbatim(text)
    changes: list[Change] = []
    for rule in _rules_once(style, files):
        changes += [
            ch
            for ch in rule.find(text)
            if not any(sp.start < ch.end and ch.start < sp.end for sp in spans)
        ]
    return changes


def apply_style(text: str, style: Style | str = Style.NEWS, files: tuple[str, ...] = ()) -> str:
    """Write the compound pairs of ``text`` in ``style`` with the user's style ``files`` on top;
    ``treebank`` without files returns ``text`` as it is.

    Pure and idempotent: ``apply_style(apply_style(x)) == apply_style(x)``.

    >>> apply_style("محیط زیستی و هم زمان، اینکه همزمان")
    'محیط\\u200cزیستی و هم\\u200cزمان، اینکه همزمان'
    >>> apply_style("متن", "agency")
    Traceback (most recent call last):
    ...
    khabar.errors.ConfigError: style='agency' is not a valid choice; valid choices: treebank, news
    """
    if _as_style(style) is Style.TREEBANK and not files:
        return text
    return apply_changes(text, find_style(text, style, files))
