"""Character and spacing rules of :func:`khabar.fix`, each a small named, precompiled rule.

A rule can *apply* itself (fast: :meth:`str.replace` calls or one :meth:`re.Pattern.sub`) or
*find* its changes (for :func:`khabar.fix_with_edits` and for texts with protected spans); both
come from the same table or pattern, so they cannot disagree. Rules never match across a line
break: every pattern names the space U+0020 it works on, never ``\\s``.

The rules of a policy are built once (:func:`char_rules`, :func:`space_rules`) and cached.

>>> text = "كشور(اسرائيل)"
>>> for rule in char_rules(FixPolicy()) + space_rules(FixPolicy()):
...     text = rule.apply(text)
>>> text
'کشور (اسرائیل)'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import accumulate, chain, count, pairwise
from operator import add
from typing import Final, NamedTuple

from khabar.text.charmap import rule_names, translation_table
from khabar.text.charset import (
    CharSet,
    class_chars,
    double_test,
    find_each,
    line_slips,
    pair_scan,
    pair_test,
    slip_classes,
)
from khabar.text.policy import Diacritics, FixPolicy, HehYeh, PunctSpacing, Tatweel

__all__ = [
    "Change",
    "RegexRule",
    "Rule",
    "TranslateRule",
    "apply_changes",
    "char_rules",
    "space_rules",
]

ZWNJ: Final = "\u200c"
#: Arabic-script letters (not digits, not punctuation): the context Persian spacing rules need.
_LETTER: Final = "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
#: combining marks that sit on a letter: harakat, hamza above/below, superscript alef, Quranic
_MARK: Final = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
#: the short-vowel marks (harakat) the diacritics policy is about; hamza above (هٔ) is not one
_HARAKAT: Final = "\u064b-\u0652"
#: Combining marks of other scripts, where ZWNJ is meaningful too (Devanagari क्‌ष after a virama)
_OTHER_MARK: Final = "\u0300-\u036f\u0900-\u0dff"
#: characters that end a line: rules keep them all, so fix keeps one output line per input line
LINE_BREAKS: Final = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


class Change(NamedTuple):
    """Replace ``text[start:end]`` by ``replacement``; ``rule`` names why."""

    start: int
    end: int
    replacement: str
    rule: str


def apply_changes(text: str, changes: list[Change]) -> str:
    """Apply sorted, non-overlapping changes (all relative to ``text``).

    >>> apply_changes("abc", [Change(1, 2, "XY", "r"), Change(3, 3, "!", "r")])
    'aXYc!'
    """
    if not changes:
        return text
    parts = []
    blocks: list[str] = []  # parts joined every _JOIN_PARTS of them (a huge line's changes)
    pos = 0
    for ch in changes:
        parts.append(text[pos : ch.start])
        parts.append(ch.replacement)
        pos = ch.end
        if len(parts) >= _JOIN_PARTS:
            blocks.append("".join(parts))
            parts.clear()
    parts.append(text[pos:])
    if blocks:
        blocks.append("".join(parts))
        return "".join(blocks)
    return "".join(parts)


#: :func:`apply_changes` joins its pieces this many at a time: a line with a million changes
#: held two million small strs (~80 bytes each beside its letters) until the one join at the
#: end; blocks of a few thousand cost one join more per block, and a line of the usual few
#: changes none
_JOIN_PARTS: Final = 4096


_START: Final = re.Match.start
_new_change: Final = tuple.__new__  # Change(...) without the NamedTuple keyword handling (a hot path)


class Rule:
    """A named rewrite: ``apply`` is the fast path, ``find`` lists the same changes."""

    name: str
    #: True when no two changes of one ``find`` touch (each replaces one character of its own),
    #: so :func:`khabar.fix_with_edits` may turn each into an edit without comparing neighbours
    apart: bool = False
    #: True when every change replaces one character by another one (``ي`` → ``ی``), so no
    #: offset moves: :meth:`TranslateRule.positions` lists them
    substitutes: bool = False
    #: A bit of :func:`space_pair_mask`, or 0: when set, the rule can match only in a text whose
    #: mask holds it, so a stage of rules (:class:`khabar.text.fix.Fixer`) scans once for all
    #: of them and skips those whose bit is clear (their guards would all say no)
    pair_bit: int = 0

    def apply(self, text: str) -> str:
        raise NotImplementedError

    def find(self, text: str) -> list[Change]:
        raise NotImplementedError


class TranslateRule(Rule):
    """Character maps (part of the character map of a policy), applied like ``str.translate``.

    ``str.translate`` with a non-ASCII table looks every character up in a dict (about 7 million
    characters/s). With ``hot=True`` (the frequent sources: ي ى ك and digits), ``apply`` calls
    :meth:`str.replace` per source instead (memchr speed); otherwise one regex pass replaces the
    rare sources. The result is exactly ``text.translate(table)`` either way.
    """

    def __init__(
        self,
        table: dict[str, str],
        names: dict[str, str],
        *,
        hot: bool = False,
        name: str = "char",
        guard: Callable[[str], bool] | None = None,
    ) -> None:
        self.name = name
        self.guard = guard
        self.map = table
        self.names = names
        self.hot = hot
        self._pairs = sorted(table.items())
        self._single = self.apart = all(len(src) == 1 for src in table)
        #: a text that ``apply`` leaves as it was holds no source: every source maps to a
        #: shorter text (a match shortens the text), or each to another text of its length
        #: (a match changes the text where it stands)
        self.never_same = all(len(dst) < len(src) for src, dst in table.items()) or all(
            len(dst) == len(src) and dst != src for src, dst in table.items()
        )
        #: every change replaces one character by another one (ي → ی): offsets never move
        self.substitutes = self._single and all(len(d) == 1 and d != s for s, d in self._pairs)
        #: the pairs positions() looks for, and their sources (found in one C pass)
        self._each = self._pairs if self.substitutes else []
        self._each_sources = "".join(src for src, _ in self._each)
        #: the sources of a rare one-character table (not ``hot``), found in one C pass before
        #: the regex runs: most texts hold none, and a regex class costs ~5 ns a character
        self._sources = CharSet("".join(table)) if table and self._single and not hot else None
        if not table:
            self.pattern = None
        elif all(len(src) == 1 for src in table):
            self.pattern = re.compile("[" + re.escape("".join(sorted(table))) + "]")
        else:  # sequences (ا + ◌ٓ → آ): longest first, so a longer source wins
            alternatives = sorted(table, key=lambda src: (-len(src), src))
            self.pattern = re.compile("|".join(map(re.escape, alternatives)))

    def _lookup(self, m: re.Match[str]) -> str:
        return self.map[m.group()]

    def apply(self, text: str) -> str:
        if self.pattern is None:
            return text
        if self.guard is not None and not self.guard(text):
            return text
        if self.hot:
            for src, dst in self._pairs:
                if src in text:
                    text = text.replace(src, dst)
            return text
        if self._sources is not None:
            # the regex runs from the first source on (a class of single characters matches
            # the same there in a slice as in the whole text)
            first = self._sources.find(text)
            if first < 0:
                return text
            if first:
                return text[:first] + self.pattern.sub(self._lookup, text[first:])
        return self.pattern.sub(self._lookup, text)

    def find(self, text: str) -> list[Change]:
        if self.pattern is None or self.guard is not None and not self.guard(text):
            return []
        table, names = self.map, self.names
        if self.hot and self._single:
            return self._find_hot(text)
        if self._single:  # one character per source: the match is text[start]
            first = 0 if self._sources is None else self._sources.find(text)
            if first < 0:
                return []
            return [
                _new_change(Change, (s, s + 1, table[c], names[c]))
                for s in map(_START, self.pattern.finditer(text, first))
                for c in (text[s],)
            ]
        return [
            Change(m.start(), m.end(), table[m.group()], names[m.group()])
            for m in self.pattern.finditer(text)
        ]

    def positions(self, text: str) -> list[tuple[str, str, str, list[int]]]:
        """``find``'s changes grouped by source: ``(source, target, rule name, offsets)`` for
        each source in ``text``, offsets in order (the same changes, as fewer objects).

        >>> TranslateRule({"ي": "ی", "ك": "ک"}, {"ي": "char.yeh", "ك": "char.kaf"}).positions("كيك")
        [('ك', 'ک', 'char.kaf', [0, 2]), ('ي', 'ی', 'char.yeh', [1])]
        """
        if self.pattern is None or self.guard is not None and not self.guard(text):
            return []
        if not self.substitutes:
            raise ValueError(
                f"{self.name}: positions() is for rules that replace one character by another "
                "one; use find()"
            )
        names = self.names
        found = find_each(self._each_sources, text)
        return [
            (src, dst, names[src], offsets)
            for (src, dst), offsets in zip(self._each, found)
            if offsets
        ]

    def _find_hot(self, text: str) -> list[Change]:
        """``find`` for frequent one-character sources (ي in one of 25 characters of real text):
        the positions of each source come from :meth:`str.split` and C-level sums, not from one
        regex match object per character."""
        out: list[Change] = []
        for src, dst in self._pairs:
            if src in text:
                parts = text.split(src)
                parts.pop()
                name = self.names[src]
                # part k ends where source k stands: the lengths so far, plus k sources before it
                out += [
                    _new_change(Change, (s, s + 1, dst, name))
                    for s in map(add, accumulate(map(len, parts)), count())
                ]
        out.sort()  # positions are distinct: sorted by position
        return out


def _any_of(chars: str) -> Callable[[str], bool]:
    """A guard: true when ``text`` holds one of ``chars`` (each test runs at memchr speed)."""
    return lambda text: any(map(text.__contains__, chars))


#: A pattern that must start with one of a few characters (``[(«]...``), as the same pattern
#: once per character (``\\(...``, ``«...``): see :class:`Led`.
Leads = tuple[tuple[str, re.Pattern[str]], ...]


class Led(NamedTuple):
    r"""The pattern ``[chars]rest`` of a :class:`RegexRule` that scans for each character of
    ``chars`` alone, with the pattern ``c rest`` of that character ``c``.

    Python's regex engine looks for a pattern that opens with a literal character at memchr
    speed, but tries a character class at every position of the text (about 10 ns per
    character, 20 ms for a ``[(«]`` pass over 2 M characters, against 1 ms for ``\(``). The
    matches are the same: ``[chars]`` consumes one character, so a match of ``[chars]rest`` at
    a position whose character is ``c`` is a match of ``c rest`` there (``rest`` must not refer
    to the leading character by a group number: it is no group).

    >>> led = Led("(«", "(?<=[ا-ی].)")
    >>> led.whole() == r"[\(«](?<=[ا-ی].)", led.each()
    (True, (('(', '\\((?<=[ا-ی].)'), ('«', '«(?<=[ا-ی].)')))
    """

    chars: str
    rest: str
    #: look-behinds that can match only right after one leading character, ``(c, source)``:
    #: the whole pattern ends with all of them, and only ``c``'s own pattern with its own (after
    #: another leading character each is a look-behind that never matches, so its pattern finds
    #: the same without it, and compiles ~5x faster: the punctuation rule's 8 patterns, compiled
    #: on first need, were ~4 % of a cold ``khabar fix`` of 2 M characters, bench/fix/speed20v.md)
    only: tuple[tuple[str, str], ...] = ()

    def whole(self) -> str:
        """The source of the whole pattern, ``[chars]rest`` and every look-behind of ``only``."""
        return f"[{re.escape(self.chars)}]{self.rest}" + "".join(s for _, s in self.only)

    def each(self) -> tuple[tuple[str, str], ...]:
        """Each character of ``chars`` with the source of its own pattern, ``c rest`` and its
        own look-behinds of ``only``."""
        return tuple(
            (c, re.escape(c) + self.rest + "".join(s for d, s in self.only if d == c))
            for c in self.chars
        )


@cache
def compiled(source: str) -> re.Pattern[str]:
    """``re.compile(source)``, once per process. A :class:`RegexRule` given its pattern's source
    compiles it on first need: most texts hold none of the characters its per-character
    patterns start with, and compiling them all at import cost a one-line ``khabar fix`` about a
    tenth of its start-up (bench/fix/startup18s.md)."""
    return re.compile(source)


class RegexRule(Rule):
    """Every match of ``pattern`` becomes ``repl``: a :meth:`re.Match.expand` template, or a
    function of the match (for rules whose matches are rare, so the call costs nothing).

    ``pattern`` is a compiled pattern, or its source (compiled on first need, by
    :func:`compiled`), or a :class:`Led`: the rule then scans for the leading characters the
    text holds, each alone at memchr speed (each character's pattern compiled the first time a
    text holds it), and merges their matches (a test per character also serves as the guard).
    Where two merged matches overlap (a run of marks of two kinds), it scans with the whole
    pattern instead, so the matches are always those of one left-to-right scan of the whole
    pattern (tests/text/test_normalize_leads.py compares them on random texts).

    ``guard``, when set, is a cheap test that is false for texts the pattern cannot match
    (usually "contains one of these characters"): it skips the regex pass on most texts.

    A plain class with an ``__init__``, not a slots dataclass: mypyc cannot compile a dataclass
    that inherits fields (``Rule``'s ``apart`` and ``substitutes``), and nothing compares or
    hashes rules. Its attributes are ``Final``: a rule is never changed after it is made.

    >>> RegexRule("x.dash", re.compile("-+"), "-").apply("a---b")
    'a-b'
    >>> RegexRule("x.space", Led("(«", "(?<=[ا-ی].)"), " \\\\g<0>").apply("ب«ج»")
    'ب «ج»'
    """

    def __init__(
        self,
        name: str,
        pattern: re.Pattern[str] | str | Led,
        repl: str | Callable[[re.Match[str]], str],
        guard: Callable[[str], bool] | None = None,
        pair_bit: int = 0,
    ) -> None:
        self.name: Final = name
        self.repl: Final = repl
        self.guard: Final = guard
        self.pair_bit = pair_bit
        self._source: Final = pattern.whole() if isinstance(pattern, Led) else pattern
        #: each leading character with the source of its pattern; empty: no leads
        self._lead_sources: Final = pattern.each() if isinstance(pattern, Led) else ()

    @property
    def pattern(self) -> re.Pattern[str]:
        """The whole pattern (compiled now if it was given as a source)."""
        source = self._source
        return compiled(source) if isinstance(source, str) else source

    @property
    def leads(self) -> Leads:
        """Each leading character with its pattern (all compiled now); empty if the rule has
        none."""
        return tuple((c, compiled(s)) for c, s in self._lead_sources)

    def __repr__(self) -> str:
        return f"RegexRule({self.name!r}, {self._source!r}, {self.repl!r}, {self.guard!r})"

    def _present(self, text: str) -> list[re.Pattern[str]]:
        """The patterns of the leading characters that ``text`` holds."""
        return [compiled(s) for c, s in self._lead_sources if c in text]

    def apply(self, text: str) -> str:
        if self.guard is not None and not self.guard(text):
            return text
        if not self._lead_sources:
            return self.pattern.sub(self.repl, text)
        present = self._present(text)
        if len(present) <= 1:  # one leading character in the text: its pattern alone
            return present[0].sub(self.repl, text) if present else text
        matches = _merged(present, text)
        if matches is None:
            return self.pattern.sub(self.repl, text)
        repl = self.repl
        parts = []
        pos = 0
        for m in matches:
            parts.append(text[pos : m.start()])
            if callable(repl):
                parts.append(repl(m))
            else:
                parts.append(m.expand(repl) if "\\" in repl else repl)
            pos = m.end()
        parts.append(text[pos:])
        return "".join(parts)

    def _matches(self, text: str) -> list[re.Match[str]]:
        """The matches of ``pattern`` in ``text``, left to right (merged from ``leads``)."""
        if not self._lead_sources:
            return list(self.pattern.finditer(text))
        present = self._present(text)
        if len(present) <= 1:
            return list(present[0].finditer(text)) if present else []
        matches = _merged(present, text)
        return list(self.pattern.finditer(text)) if matches is None else matches

    def find(self, text: str) -> list[Change]:
        if self.guard is not None and not self.guard(text):
            return []
        repl, name = self.repl, self.name
        changes = []
        for m in self._matches(text):
            if callable(repl):
                new = repl(m)
            else:
                new = m.expand(repl) if "\\" in repl else repl
            if new != m.group():
                changes.append(Change(m.start(), m.end(), new, name))
        return changes


def _merged(patterns: list[re.Pattern[str]], text: str) -> list[re.Match[str]] | None:
    """The matches of ``patterns`` (a :class:`Led` pattern per leading character) in
    ``text``, in order: those of one scan of the whole pattern, unless two overlap (None).

    A scan of the whole pattern tries every position from the end of its last match; it can
    match only where a leading character stands, and matches there exactly when that
    character's pattern does. Each pattern's own scan skips only the inside of its own matches;
    so while no two matches overlap, every match of the whole scan is in the merged list, and
    the list is that scan. Overlaps (a stray run of two kinds of marks) are left to the caller.
    """
    matches = sorted(chain.from_iterable(p.finditer(text) for p in patterns), key=_START)
    if any(b.start() < a.end() for a, b in pairwise(matches)):
        return None
    return matches


# --- character rules (canonicalisation, then the styles that need context) ----------------------

#: the sources frequent in real web text (PEYMA: one character in 25 is an Arabic yeh)
_HOT: Final = (
    "\u064a\u0649\u0643"
    + "".join(map(chr, range(0x30, 0x3A)))
    + "".join(map(chr, range(0x6F0, 0x6FA)))
)

#: ZWJ (U+200D) between or beside Arabic letters does nothing (they join anyway) and breaks search;
#: between two emoji (👨‍👩‍👧) or in other scripts it builds a glyph, so it is kept there.
#: (Each pattern below starts with the character it is about, and looks behind only after it: a
#: pattern that starts with a look-behind is tried at every position and runs 10x slower.)
_ARABIC_CTX: Final = f"\\s{_LETTER}{_MARK}{ZWNJ}"
_ZWJ: Final = RegexRule(
    "char.zwj",
    # a whole run of ZWJs goes or stays, so a second pass finds nothing more to do
    re.compile(f"\u200d(?<![^{_ARABIC_CTX}]\u200d)\u200d*|\u200d+(?![^{_ARABIC_CTX}])"),
    "",
    guard=_any_of("\u200d"),
)

#: A bidi mark (LRM, RLM, ALM) between two Persian letters is a half-space typed with the wrong key:
#: in the 151 such marks of the crawled sets in ../shared/data (farsnews, varzesh3, ParsNER,
#: Targoman), بازی+LRM+های, برنامه+RLM+ریزی, می+LRM+تواند, ادویه+LRM+ای, مهم+LRM+ترین...: all
#: but a few are where the word has a ZWNJ. Deleting the mark (char.bidi) glued them (بازیهای, and then the ZWNJ engine
#: guessed: ادویه+LRM+ای → ادویهای → ادوی‌های); the ZWNJ keeps what the author meant. Only after a
#: letter that joins to the next one: after ا د ذ ر ز ژ و a ZWNJ changes nothing visible and
#: the mark is deleted as before (توما+RLM+ن → تومان).
_BIDI_MARKS: Final = "\u200e\u200f\u061c"
_JOINS_NEXT: Final = "\u0626\u0628\u062a-\u062e\u0633-\u063a\u0641-\u0647\u0649\u064a\u067e\u0686\u06a9\u06af\u06cc"


def _half_space_rule(name: str, marks: str) -> RegexRule:
    """A rule turning a run of ``marks`` between two letters, after one that joins the next (a
    vowel mark may sit between), into one ZWNJ."""
    return RegexRule(
        name,
        re.compile(
            f"[{marks}](?:(?<=[{_JOINS_NEXT}][{marks}])|(?<=[{_JOINS_NEXT}][{_MARK}][{marks}]))"
            f"[{marks}]*(?=[{_LETTER}])"
        ),
        ZWNJ,
        guard=_any_of(marks),
    )


_BIDI_ZWNJ: Final = _half_space_rule("char.bidi_zwnj", _BIDI_MARKS)
#: A SOFT HYPHEN (U+00AD) in the same place is the same slip: Word's optional hyphen (Ctrl+-)
#: long served Persian typists as a half-space. In the crawled sets of ../shared/data, all 7 soft
#: hyphens between two such letters sit where the word has a ZWNJ (سال+SHY+های, خوش+SHY+ترین,
#: روش+SHY+هایی, دولت+SHY+ها); Persian is never hyphenated, so no other reading is known. Anywhere
#: else (a Latin hyphenation point, next to a ZWNJ or a space, after ا or ر) it is deleted as
#: before (char.invisible).
_SHY_ZWNJ: Final = _half_space_rule("char.shy_zwnj", "\u00ad")

#: A ZWNJ only means something between two letters (می‌روم; after a mark too: کتابِ‌ها); next to a
#: space, a digit or punctuation, before a mark, or at a line's edge, it is an error
#: (``می‌ روم``): the whole run goes. Two alternatives: a run that starts after a non-letter; a
#: run that ends before a non-letter.
_NOT_ZWNJ: Final = f"(?!{ZWNJ})"
#: (The names are those of the ZWNJ engine, which removes the same ZWNJs when used alone.)
_ZWNJ_EDGE: Final = RegexRule(
    "zwnj.remove.edge",
    re.compile(
        f"{ZWNJ}(?:"
        f"(?<![^\\W\\d_]{ZWNJ})(?<![{_MARK}{_OTHER_MARK}{ZWNJ}]{ZWNJ}){ZWNJ}*"
        f"|{ZWNJ}*(?![^\\W\\d_]){_NOT_ZWNJ}"
        ")"
    ),
    "",
    guard=_any_of(ZWNJ),
)
#: Between two letters, one ZWNJ of a run is enough (``کتاب‌‌ها``); the last one stays. No
#: guard: the pattern opens with a ZWNJ, so its scan runs at memchr speed, faster than a test
#: for two ZWNJs in a row (``str`` looks for two characters several times slower than for one).
_ZWNJ_DOUBLE: Final = RegexRule("zwnj.remove.double", re.compile(f"{ZWNJ}(?={ZWNJ})"), "")

_HARAKAT_CHARS: Final = "".join(chr(c) for c in range(0x064B, 0x0653))
#: A short vowel after a space, digit or punctuation has no letter to sit on (``کتاب ِ``): the
#: run goes. The same short vowel twice in a row (``اًً``) is a typing slip: one stays. One pass
#: for both, starting with the mark (rare), so the regex engine scans for it quickly.
_HARAKAT_RUN: Final = Led(
    _HARAKAT_CHARS,
    "(?:"
    f"(?<![{_LETTER}{_MARK}][{_HARAKAT}])[{_HARAKAT}]*"  # stray: a run after a non-letter
    "|(?<=(.))\\1+"  # repeated: the mark just read, again
    ")",
)


def _fix_harakat(m: re.Match[str]) -> str:
    return "" if m.group(1) is None else m.group(1)


_STRAY_HARAKAT: Final = RegexRule(
    "char.diacritic", _HARAKAT_RUN, _fix_harakat
)

#: A letter typed as base + combining hamza or madda (``ا`` + U+0653) is canonically the same as the
#: precomposed letter (``آ``), but search, dedup and the ZWNJ lexicon only know the precomposed
#: one: these are the pairs of Unicode's canonical composition (NFC) among Persian letters,
#: applied before the character map so that ي + ٔ becomes ئ, not ی + ٔ, and again at the end of
#: the stage for pairs that met when something between them was deleted (ﺎ + ٔ, ا + ZWSP + ٓ).
_COMPOSED: Final = {
    "\u0627\u0653": "\u0622",  # ا + ٓ → آ
    "\u0627\u0654": "\u0623",  # ا + ٔ → أ
    "\u0627\u0655": "\u0625",  # ا + ٕ → إ
    "\u0648\u0654": "\u0624",  # و + ٔ → ؤ
    "\u064a\u0654": "\u0626",  # ي + ٔ → ئ
    "\u06d5\u0654": "\u06c0",  # ە + ٔ → ۀ
}
#: The marks are rare and هٔ is frequent: look for a mark after a base letter, each mark alone
#: by str.find (memchr speed; none in nine texts of ten), then the letter before each one.
#: Both sets are read off _COMPOSED's pairs (base + mark), so they cannot drift from it.
_COMPOSE_MARKS: Final = "".join(sorted({pair[1] for pair in _COMPOSED}))
_COMPOSE_BASES: Final = frozenset(pair[0] for pair in _COMPOSED)


def _compose_guard(text: str) -> bool:
    """True when ``text`` holds a combining mark after a letter it composes with.

    Mark to mark by ``str.find``, not by the regex ``ٔ(?<=[اويە].)``: the regex engine steps
    through the text a character at a time looking for its literal (~15 instructions a
    character: ~1 M per 64 K batch of PEYMA, which holds a هٔ), ``find`` at memchr speed.

    >>> _compose_guard("خانه\u0654 ما"), _compose_guard("\u0654ا"), _compose_guard("ا\u0654")
    (False, False, True)
    """
    for mark in _COMPOSE_MARKS:
        at = text.find(mark, 1)  # a mark at 0 has no letter before it
        while at > 0:
            if text[at - 1] in _COMPOSE_BASES:
                return True
            at = text.find(mark, at + 1)
    return False


_COMPOSE: Final = TranslateRule(
    _COMPOSED,
    dict.fromkeys(_COMPOSED, "char.compose"),
    name="char.compose",
    guard=_compose_guard,
)
#: before the character map, only ي + ٔ needs composing (the others are composed after it)
_COMPOSE_YEH: Final = TranslateRule(
    {"\u064a\u0654": "\u0626"},
    {"\u064a\u0654": "char.compose"},
    name="char.compose",
    guard=lambda text: "\u0654" in text and "\u064a\u0654" in text,
)

_NOT_TATWEEL: Final = _LETTER.replace("\u0620-\u064a", "\u0620-\u063f\u0641-\u064a")
#: Tatweel (kashida) touching a letter only stretches a joint (``مـــدیر`` → ``مدیر``,
#: ``هزینه‌ـمنفعت`` → ``هزینه‌منفعت``); standing alone between spaces it is a dash (``الف ـ ب``), kept.
#: ZWNJs (and tatweels) between it and a mark do not count: ``zwnj.remove.edge`` deletes those
#: ZWNJs later, and a second pass would then see the tatweel touch the mark (``ـ‌ٰ``; fix must be
#: idempotent).
_TATWEEL: Final = RegexRule(
    "char.tatweel",
    re.compile(
        f"\u0640(?<=[{_NOT_TATWEEL}{_MARK}]\u0640)\u0640*"
        f"|\u0640+(?=[{_NOT_TATWEEL}{_MARK}]|[{ZWNJ}\u0640]+[{_MARK}])"
    ),
    "",
    guard=_any_of("\u0640"),
)

_HEH_HAMZA: Final = "\u0647\u0654"  # ه + HAMZA ABOVE: هٔ
_HEH_LIGATURE: Final = "\u06c0"  # ۀ
_HEH_STYLES: Final = {
    HehYeh.HAMZA: _HEH_HAMZA,
    HehYeh.LIGATURE: _HEH_LIGATURE,
    HehYeh.YEH: "\u0647\u200c\u06cc",
}


def _heh_yeh_rule(style: HehYeh) -> RegexRule | None:
    """``خانهٔ`` / ``خانۀ`` / ``خانه‌ی``: rewrite both written forms of the ezafe into ``style``.
    A ZWNJ typed between the ه and its hamza (``خانه‌ٔ``) is part of the form: it is no ZWNJ
    before a mark (``zwnj.remove.edge`` deletes it after this rule, and a second pass then saw
    ``خانهٔ``: fix was not idempotent). So is ``ە`` + ``ٔ`` (ۀ decomposed): ``char.compose``
    made ``ۀ`` of it after this rule, which a second pass rewrote (fuzz, session 21)."""
    if style is HehYeh.KEEP:
        return None
    return RegexRule(
        "char.heh_yeh",
        # ە + ٔ is ۀ's canonical decomposition (char.compose writes it so after this rule)
        re.compile(f"[\u0647\u06d5]{ZWNJ}*\u0654|{_HEH_LIGATURE}"),
        _HEH_STYLES[style],
        guard=_any_of("\u0654\u06c0"),
    )


@cache
def char_rules(policy: FixPolicy) -> tuple[Rule, ...]:
    """The character rules of ``policy``, in order; they never change a protected span.

    >>> names = [r.name for r in char_rules(FixPolicy())]
    >>> names[:4], len(names)
    (['char.bidi_zwnj', 'char.shy_zwnj', 'char.compose', 'char'], 11)
    """
    table = {chr(c): v for c, v in translation_table(policy).items()}
    names = rule_names(policy)
    hot = {c: v for c, v in table.items() if c in _HOT and len(v) == 1}
    rest = {c: v for c, v in table.items() if c not in hot}
    rules: list[Rule | None] = [
        _BIDI_ZWNJ,  # before the character map deletes the marks
        _SHY_ZWNJ,
        _COMPOSE_YEH,
        TranslateRule(hot, names, hot=True),
        TranslateRule(rest, names),
        _ZWJ,
        _TATWEEL if policy.tatweel is Tatweel.REMOVE else None,
        _heh_yeh_rule(policy.heh_yeh),
        _STRAY_HARAKAT if policy.diacritics is Diacritics.STRAY else None,
        # after the character map, so a ZWNJ next to a former NBSP is seen next to a space
        _ZWNJ_EDGE,
        _ZWNJ_DOUBLE,
        _COMPOSE,
    ]
    return tuple(r for r in rules if r is not None)


# --- spacing rules -----------------------------------------------------------------------------

#: Two or more spaces between words are one (``و  استفاده``); leading indentation is structure.
#: The guard (two spaces in a row, asked of every text; 337 of 1,500 generator documents of
#: bench/throughput hold them) is one C pass: ``"  " in t`` costs ~5 us a document.
_COLLAPSE: Final = RegexRule(
    "space.collapse", re.compile(r"  (?<=\S  ) *(?=\S)"), " ", guard=double_test(" ")
)
#: A pair (first, second, by_second), as :func:`pair_scan` takes it: the three rules below guard
#: with one pair each, and :func:`space_pair_mask` asks all three in one pass
_Pair = tuple[str, str, bool]


def _pair_guard(pair: _Pair) -> Callable[[str], bool]:
    """:func:`pair_test` of one pair."""
    first, second, by_second = pair
    return pair_test(first, second, by_second=by_second)


#: Spaces before a line break or the end of the text are invisible noise.
#: A space right before a line break, found in one C pass over the text (``" \n" in t``, a
#: two-character search, is 2.5x slower on Persian text; a regex scan for each break, slower too)
_TRAILING_PAIR: Final[_Pair] = (" ", LINE_BREAKS, True)
_SPACE_BEFORE_BREAK: Final = _pair_guard(_TRAILING_PAIR)


def _trailing_guard(t: str) -> bool:
    """True when ``t`` may hold a space before a line break or at its end."""
    return t.endswith(" ") or _SPACE_BEFORE_BREAK(t)


_TRAILING: Final = RegexRule(
    "space.trailing",
    re.compile(f" +(?=[{LINE_BREAKS}]|\\Z)"),
    "",
    guard=_trailing_guard,
    pair_bit=1,
)

_P: Final = f"[{_LETTER}]"
_PM: Final = f"[{_LETTER}{_MARK}]"
#: A missing space after punctuation or a closing bracket, before a Persian letter, and before an
#: opening bracket after one: ``گفت:ما`` → ``گفت: ما``, ``است.وی`` → ``است. وی``,
#: ``کشور(اسرائیل`` → ``کشور (اسرائیل``. Only between Persian letters, so numbers, Latin and
#: one-letter abbreviations stay as they are: ``3.5``, ``12:30``, ``ق.ظ``, ``ج.ا.ا``.
#: Each pattern starts with the punctuation itself, so the regex engine scans for it quickly.
_SPACE_AFTER_MARKS: Final = "،؛؟!…)».:"
_SPACE_AFTER_RE: Final = Led(
    _SPACE_AFTER_MARKS,
    f"(?={_P})",
    # a colon needs a letter before it, a dot a word of two letters (not ق.ظ, ج.ا.ا); a ZWNJ
    # inside the word counts as a letter: «ل‌و.آ» is a word of two letters, and read as one
    # letter it kept no space, then gained one on a second fix once the engine removed the ZWNJ
    only=(
        (":", f"(?<![^{_LETTER}{_MARK}]:)(?<!^:)"),
        (
            ".",
            (
                f"(?<![^{_LETTER}{_MARK}]\\.)(?<!^\\.)"
                f"(?<![^{_LETTER}\u200c]{_PM}\\.)(?<!^{_PM}\\.)"
            ),
        ),
    ),
)
#: Both rules can match only where their punctuation stands right next to a letter (after it:
#: ``است.وی``; before it: ``کشور(``): one C pass over the text looks for such a pair before the
#: regex passes, one per punctuation mark the text holds (of 3,000 generator documents of
#: bench/throughput, 445 hold a pair for the first rule and 221 for the second; every document
#: holds one of the marks).
_SPACE_AFTER_PAIR: Final[_Pair] = (_SPACE_AFTER_MARKS, class_chars(_LETTER), False)
_SPACE_AFTER: Final = RegexRule(
    "punct.space",
    _SPACE_AFTER_RE,
    "\\g<0> ",
    guard=_pair_guard(_SPACE_AFTER_PAIR),
    pair_bit=2,
)
_SPACE_BEFORE_MARKS: Final = "(«"
_SPACE_BEFORE_RE: Final = Led(_SPACE_BEFORE_MARKS, f"(?<={_PM}.)")
_SPACE_BEFORE_PAIR: Final[_Pair] = (class_chars(_LETTER + _MARK), _SPACE_BEFORE_MARKS, True)
_SPACE_BEFORE: Final = RegexRule(
    "punct.space",
    _SPACE_BEFORE_RE,
    " \\g<0>",
    guard=_pair_guard(_SPACE_BEFORE_PAIR),
    pair_bit=4,
)
#: The marks a spacing rule may remove the space before: all of them in the ``full`` style, the
#: slip rule's :data:`_SLIP_MARKS` among them in the ``add`` style (khabar.text.fix keeps the
#: space that ends a URL before one of them).
SPACE_REMOVED_BEFORE: Final = "،؛:.!؟)]»"
#: The ``full`` style also removes spaces that tokenised text puts inside punctuation:
#: ``است .`` → ``است.``, ``( متن )`` → ``(متن)``, ``« متن »`` → ``«متن»``.
_REMOVE_SPACE_BEFORE: Final = RegexRule(
    "punct.space",
    # not after a digit: ``12 :30`` would become one number (the ``full`` style's only: its
    # source is compiled on first need)
    rf" (?<=[^\s0-9\u0660-\u0669\u06f0-\u06f9] ) *(?=[{re.escape(SPACE_REMOVED_BEFORE)}])",
    "",
    guard=_any_of(SPACE_REMOVED_BEFORE),
)
#: The marks the ``full`` style removes the spaces after (``( متن`` → ``(متن``; khabar.text.fix
#: keeps the spaces that end a URL after one of them)
SPACE_REMOVED_AFTER: Final = "([«"
_REMOVE_SPACE_AFTER: Final = RegexRule(
    "punct.space",
    re.compile(f" (?<=[{re.escape(SPACE_REMOVED_AFTER)}] ) *(?=\\S)"),
    "",
    guard=_any_of(SPACE_REMOVED_AFTER),
)


class SlipSpaceRule(Rule):
    """Removes the spaces a line puts before ``marks`` where the same line attaches one of
    ``attached`` to the word before it: the writer's own habit says such a space is a slip.

    A removed space run stands right before a mark that is not doubled (``و ...``, ``!!``
    keep their space) and after a character that is neither whitespace nor a digit
    (``12 :30`` stays two numbers): what ``pattern`` matches, the reference of the tests. A
    mark is attached when the character before it is none of whitespace, a digit or a mark.
    A line ends at any of :data:`LINE_BREAKS`. One C pass finds them
    (:func:`~khabar.text.charset.line_slips`): every generator document of bench/throughput
    holds a space before a mark (``است .``), and a regex that tries every space costs ~30 us
    on a 4 KB text.

    >>> rule = SlipSpaceRule("x", ",.", ",")
    >>> rule.apply("a ,b,c .\\nd ,e .")
    'a,b,c.\\nd ,e .'
    """

    def __init__(self, name: str, marks: str, attached: str) -> None:
        self.name: Final = name
        self.marks: Final = marks
        self.attached: Final = attached
        self._classes: Final = slip_classes(marks, attached, _DIGITS, LINE_BREAKS)
        self.pattern: Final = re.compile(
            f" (?<=[^\\s{_DIGITS}] ) *(?=([{re.escape(marks)}])(?!\\1))"
        )
        #: space_pair_mask's bit 8: a space right before a mark
        self.pair_bit = 8

    def find(self, text: str) -> list[Change]:
        runs = line_slips(self._classes, text)
        name = self.name
        return [Change(runs[j], runs[j + 1], "", name) for j in range(0, len(runs), 2)]

    def apply(self, text: str) -> str:
        changes = self.find(text)  # most texts have no slip: no Change is made for them
        return apply_changes(text, changes) if changes else text


_DIGITS: Final = "".join(
    chr(c) for c in (*range(0x30, 0x3A), *range(0x660, 0x66A), *range(0x6F0, 0x6FA))
)
#: The ``add`` style also removes the space a line puts before ، ؛ : ! ؟ or a lone dot, where the
#: same line attaches one of ، ؛ ؟ ! to the word before it: the writer's own habit says the space
#: is a slip (``برنج ، روغن، تن`` → ``برنج، روغن، تن``; web news: 127 such spaces in 8,600
#: FarsNews, Varzesh3 and Targoman lines, each read). A line that puts a space before every
#: mark it has keeps them: tokenised corpora do that on purpose (PEYMA ``فارس ، رسول``; with the
#: ``full`` style, which removes them everywhere, PEYMA's words changed 15.8 %, with this 0).
#: Not after a digit (``12 :30``) and not before an ellipsis (``و ...``, which writers space).
_SLIP_MARKS: Final = "،؛:!؟."
_SPACE_SLIP_PAIR: Final[_Pair] = (" ", _SLIP_MARKS, True)
_SPACE_SLIP: Final = SlipSpaceRule("punct.space", _SLIP_MARKS, "،؛؟!")
#: The four guards in one pass (bits 1, 2, 4, 8 of :func:`space_pair_mask`): each guard is a
#: pass over the whole text that usually finds nothing (of 3,000 generator documents of
#: bench/throughput, 2, 445 and 221 hold one of the first three pairs), one pass answers all.
_SPACE_PAIRS: Final = pair_scan(
    (_TRAILING_PAIR, _SPACE_AFTER_PAIR, _SPACE_BEFORE_PAIR, _SPACE_SLIP_PAIR)
)


def space_pair_mask(text: str) -> int:
    """The guards of space.trailing (bit 1), of both punct.space rules that add a space (bits 2
    and 4) and of the one that removes a slip (bit 8), from one pass over ``text``: a clear bit
    says the rule cannot match.

    >>> space_pair_mask("است.وی (الف"), space_pair_mask("است. وی"), space_pair_mask("وی \\n")
    (2, 0, 1)
    >>> space_pair_mask("است ، وی")
    8
    """
    mask = _SPACE_PAIRS(text)
    return mask | 1 if text.endswith(" ") else mask


@cache
def space_rules(policy: FixPolicy) -> tuple[Rule, ...]:
    """The spacing rules of ``policy``, in order; they skip every protected span, numbers too.

    >>> [r.name for r in space_rules(FixPolicy())]
    ['space.collapse', 'space.trailing', 'punct.space', 'punct.space', 'punct.space']
    """
    rules: list[Rule] = [_COLLAPSE, _TRAILING]
    if policy.punct_spacing is PunctSpacing.FULL:
        rules += [_REMOVE_SPACE_BEFORE, _REMOVE_SPACE_AFTER]
    elif policy.punct_spacing is PunctSpacing.ADD:
        rules.append(_SPACE_SLIP)
    if policy.punct_spacing is not PunctSpacing.OFF:
        rules += [_SPACE_AFTER, _SPACE_BEFORE]
    return tuple(rules)
