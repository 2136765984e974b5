"""``khabar.fix``: repair Persian text in one call, losslessly explained by edits.

Three stages run in order, each on the output of the one before:

1. **characters** (:func:`~khabar.text.normalize.char_rules`): the reviewed character map
   (Arabic ي/ك → ی/ک, presentation forms, odd spaces, invisible junk, styles of the
   :class:`~khabar.text.policy.FixPolicy`), ZWJ and stray marks, broken ZWNJs;
2. **spacing** (:func:`~khabar.text.normalize.space_rules`): runs of spaces, trailing spaces,
   spaces around punctuation;
3. **ZWNJ** (:mod:`khabar.text.zwnj`): half-spaces restored in glued and spaced words.

URLs, e-mails, hashtags, mentions, code and Latin words are copied byte for byte
(:mod:`khabar.text.protect`); numbers (``3.5``, ``۱۴۰۲/۰۷/۱۹``, ``12:30``) are never changed by a
spacing rule. Every line break is kept, so the output has exactly as many lines as the input.

>>> fix("قزاقستان در سال 2016  بیش از ۳۰۰ ميليون دلار", zwnj="off")
'قزاقستان در سال 2016 بیش از ۳۰۰ میلیون دلار'
>>> text, edits = fix_with_edits("كشور(اسرائيل)", zwnj="off")
>>> text
'کشور (اسرائیل)'
>>> [(e.offset, e.before, e.after, e.rule) for e in edits]
[(0, 'ك', 'ک', 'char.kaf'), (4, '(', ' (', 'punct.space'), (11, 'ي', 'ی', 'char.yeh')]
"""

from __future__ import annotations

import codecs
import io
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise, repeat
from operator import add, attrgetter, eq, itemgetter
from typing import Any, BinaryIO, Final, NamedTuple, Protocol, cast
from unicodedata import category

from khabar import _native
from khabar.document import Edit
from khabar.text.normalize import (
    SPACE_REMOVED_AFTER,
    SPACE_REMOVED_BEFORE,
    Change,
    Rule,
    TranslateRule,
    apply_changes,
    char_rules,
    space_pair_mask,
    space_rules,
)
from khabar.text.policy import FixPolicy, Style, Zwnj, ZwnjNonJoiner, ZwnjTrust
from khabar.text.protect import URL_TRAILING, find_verbatim
from khabar.text.style import style_rules

__all__ = ["Fixer", "Repairer", "fix", "fix_stream", "fix_with_edits", "main"]


class _RepairLike(Protocol):
    """One repair of the ZWNJ engine: ``text[start:end]`` becomes ``replacement``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def replacement(self) -> str: ...
    @property
    def rule(self) -> str: ...


class Repairer(Protocol):
    """What :mod:`khabar.text.zwnj`'s ``ZwnjRepairer`` offers (any object with these methods).

    ``repair(text)`` must give ``text`` with the repairs of ``find_repairs(text)`` applied. An
    engine whose repairs of a line never depend on the other lines may say so with a true
    ``lines_alone`` attribute (``ZwnjRepairer`` does): ``fix`` then repairs the lines that no
    URL, hashtag or Latin word reaches with ``repair``. One with a true ``reads_protected``
    attribute (``ZwnjRepairer``) takes ``find_repairs(text, protected=spans)``: the ``(start,
    end)`` ranges of the identifiers, whose repairs ``fix`` drops.
    """

    def find_repairs(self, text: str) -> Sequence[_RepairLike]: ...

    def repair(self, text: str) -> str: ...


class _Span(NamedTuple):
    start: int
    end: int


class _Edit(NamedTuple):
    """An edit being composed: ``cur[cs:ce]`` (current text) came from ``orig[os:oe]``."""

    cs: int
    ce: int
    os: int
    oe: int
    rules: tuple[str, ...]


_SPAN: Final = attrgetter("start", "end")
# fields of _Edit
_CS: Final = itemgetter(0)
_CE: Final = itemgetter(1)
_OS: Final = itemgetter(2)
_OE: Final = itemgetter(3)
_RULES: Final = itemgetter(4)
_CS_CE: Final = itemgetter(0, 1)
_OFFSET: Final = itemgetter(0)  # of an Edit
#: fields of a Change or of a ZWNJ engine's repair (any object with these attributes)
_START: Final = attrgetter("start")
_END: Final = attrgetter("end")
_REPL: Final = attrgetter("replacement")
_RULE: Final = attrgetter("rule")


def _outside(changes: list[Change], spans: list[_Span], *, edge_ok: bool = True) -> list[Change]:
    """Drop the changes that reach inside a span; with ``edge_ok=False`` also those that touch
    its edge (a ZWNJ glued to a hashtag would change the tag)."""
    if not spans:
        return changes
    kept = []
    i = 0
    for ch in changes:
        while i < len(spans) and (spans[i].end < ch.start or edge_ok and spans[i].end == ch.start):
            i += 1
        if i < len(spans):
            sp = spans[i]
            if edge_ok:
                inside = (
                    sp.start < ch.start < sp.end
                    if ch.start == ch.end
                    else (ch.start < sp.end and sp.start < ch.end)
                )
            else:
                inside = ch.start <= sp.end and sp.start <= ch.end
            if inside:
                continue
        kept.append(ch)
    return kept


def _outside_apart(changes: list[Change], spans: list[_Span]) -> list[Change]:
    """:func:`_outside` for changes of one character each, sorted by position: a change is
    inside a span when its character is, so whole runs between spans are kept by slicing."""
    if not spans or not changes:
        return changes
    starts = list(map(_CS, changes))
    kept: list[Change] = []
    lo = 0
    for sp in spans:
        hi = bisect_left(starts, sp.start, lo)
        kept += changes[lo:hi]
        lo = bisect_left(starts, sp.end, hi)
    kept += changes[lo:]
    return kept


def _shift(spans: list[_Span], changes: list[Change]) -> list[_Span]:
    """Move spans past the length changes made before them (changes never touch their inside)."""
    if not spans or not changes:
        return spans
    out = []
    delta = 0
    i = 0
    for sp in spans:
        while (
            i < len(changes)
            and changes[i].end <= sp.start
            and (changes[i].start < sp.start or changes[i].start == changes[i].end)
        ):
            ch = changes[i]
            delta += len(ch.replacement) - (ch.end - ch.start)
            i += 1
        out.append(_Span(sp.start + delta, sp.end + delta))
    return out


def _compose_all(edits: list[_Edit], changes: list[Change]) -> list[_Edit]:
    """Add one rule's ``changes`` (relative to the current text) to the composed ``edits``.

    A change and an edit join (one edit, the rules named in order) only when they overlap in
    the current text: they share a character, or one is empty (an insertion, or an edit whose
    text a rule deleted) and lies strictly inside the other. Edits that only touch stay apart,
    whatever else changes in the text, so how a spot is reported depends on the changes at that
    spot alone. Every edit's ``before`` is a slice of the original text and every ``after`` a
    slice of the new one, and undoing them from last to first gives the input back (at one
    offset, an edit with an empty ``after`` comes first: its text stood before the next one's).
    This re-walks every edit; :func:`_compose` gives the same result and walks only the edits
    that a change overlaps.
    """
    items: list[tuple[int, int, _Edit | Change]] = [(e.cs, e.ce, e) for e in edits]
    items += [(c.start, c.end, c) for c in changes]
    items.sort(key=lambda it: (it[0], it[1]))  # stable: edits first on ties
    out: list[_Edit] = []
    co = 0  # current - original, left of the cluster
    nd = 0  # new - current, left of the cluster
    k = 0
    while k < len(items):
        start, end, _ = items[k]
        cluster = [items[k]]
        k += 1
        # sorted by (start, end): an item starting before the cluster's end overlaps a member
        # (an empty one at a member's start sorts before it, so it is strictly inside)
        while k < len(items) and items[k][0] < end:
            cluster.append(items[k])
            end = max(end, items[k][1])
            k += 1
        dco = dnd = 0
        rules: list[str] = []
        for _, _, it in cluster:
            if isinstance(it, _Edit):
                dco += (it.ce - it.cs) - (it.oe - it.os)
                rules += [r for r in it.rules if r not in rules]
            else:
                dnd += len(it.replacement) - (it.end - it.start)
                if it.rule not in rules:
                    rules.append(it.rule)
        out.append(_Edit(start + nd, end + nd + dnd, start - co, end - co - dco, tuple(rules)))
        co += dco
        nd += dnd
    return out


def _apart(changes: list[Change]) -> bool:
    """True when the changes (in order) are sorted and no two overlap (join in one cluster)."""
    return not any(
        b.start < a.end or (b.start, b.end) < (a.start, a.end) for a, b in pairwise(changes)
    )


_new_edit: Final = tuple.__new__  # _Edit(...) without the NamedTuple keyword handling (a hot path)

# the C twins of _compose_py, _take_near_py and _final_edits_py (khabar._c.edits), or None when it is not built
# (or KHABAR_PURE=1)
_EDITS_C: Final = _native.c_extension("khabar._c.edits")
_compose_c: Final[Any] = None if _EDITS_C is None else _EDITS_C.compose
_final_edits_c: Final[Any] = None if _EDITS_C is None else _EDITS_C.final_edits
_take_near_c: Final[Any] = None if _EDITS_C is None else _EDITS_C.take_near


def _compose(edits: list[_Edit], changes: list[Change], *, apart: bool = False) -> list[_Edit]:
    """:func:`_compose_py`'s result: one C walk (``khabar._c.edits.compose``) when it is built and
    takes the input, else the twin."""
    if _compose_c is not None:
        made = _compose_c(_Edit, edits, changes, apart)
        if made is not None:
            return made  # type: ignore[no-any-return]
    return _compose_py(edits, changes, apart=apart)


def _compose_py(edits: list[_Edit], changes: list[Change], *, apart: bool = False) -> list[_Edit]:
    """:func:`_compose_all`'s result, walking only the edits that a change overlaps (the pure
    twin of ``khabar._c.edits.compose``).

    Edits and changes are taken in the order of ``(start, end)``, edits first on ties (the
    order of the sort in :func:`_compose_all`). Edits never overlap each other, so an edit
    followed by another edit (not by a change) is alone in its cluster: such runs are copied,
    moved by the length change left of them, without looking at each. ``apart``: the caller
    knows that :func:`_apart` holds for ``changes``.
    """
    if not edits and (apart or _apart(changes)):
        # the first rule's changes, none overlapping another: each is an edit of its own
        if apart and {*map(len, map(_REPL, changes))} == {1}:  # ي → ی: no offset moves
            starts, ends = list(map(_START, changes)), list(map(_END, changes))
            return list(
                map(
                    _new_edit,
                    repeat(_Edit),
                    zip(
                        starts,
                        ends,
                        starts,
                        ends,
                        zip(map(_RULE, changes)),  # zip of one: (rule,)
                    ),
                )
            )
        firsts: list[_Edit] = []
        nd = 0
        for c in changes:
            firsts.append(
                _new_edit(
                    _Edit,
                    (c.start + nd, c.start + nd + len(c.replacement), c.start, c.end, (c.rule,)),
                )
            )
            nd += len(c.replacement) - (c.end - c.start)
        return firsts
    changes = sorted(changes, key=_SPAN)
    ekeys = list(zip(map(_CS, edits), map(_CE, edits)))  # (cs, ce) of each edit
    out: list[_Edit] = []
    n, m = len(edits), len(changes)
    i = k = 0
    co = nd = 0  # as in _compose_all
    while i < n or k < m:
        if k < m:
            ck = (changes[k].start, changes[k].end)
            j = bisect_right(ekeys, ck, i)  # edits[i:j] come before change k
            stop = j - 1
        else:
            stop = n
        if stop > i:  # edits[i:stop] are each followed by an edit: alone in their clusters
            run = edits[i:stop]
            co = run[-1].ce - run[-1].oe  # an edit alone: current - original right of it
            if nd:  # the same edits, moved by nd in the current text (C-level loops)
                run = list(
                    map(
                        _new_edit,
                        repeat(_Edit),
                        zip(
                            map(add, map(_CS, run), repeat(nd)),
                            map(add, map(_CE, run), repeat(nd)),
                            map(_OS, run),
                            map(_OE, run),
                            map(_RULES, run),
                        ),
                    )
                )
            out += run
            i = stop
            continue
        # one cluster, from the next item in (start, end) order; as in _compose_all
        if i < n and (k >= m or ekeys[i] <= ck):
            e0 = edits[i]
            start, end = e0.cs, e0.ce
            dco, dnd = (e0.ce - e0.cs) - (e0.oe - e0.os), 0
            rules = list(e0.rules)
            i += 1
        else:
            c0 = changes[k]
            start, end = c0.start, c0.end
            dco, dnd = 0, len(c0.replacement) - (end - start)
            rules = [c0.rule]
            k += 1
        while True:
            if i < n and (k >= m or ekeys[i] <= (changes[k].start, changes[k].end)):
                e = edits[i]
                s, t = e.cs, e.ce
                if s >= end:  # touching (or after): not joined
                    break
                dco += (t - s) - (e.oe - e.os)
                rules += [r for r in e.rules if r not in rules]
                i += 1
            elif k < m:
                c = changes[k]
                s, t = c.start, c.end
                if s >= end:
                    break
                dnd += len(c.replacement) - (t - s)
                if c.rule not in rules:
                    rules.append(c.rule)
                k += 1
            else:
                break
            end = max(end, t)
        out.append(
            _new_edit(_Edit, (start + nd, end + nd + dnd, start - co, end - co - dco, tuple(rules)))
        )
        co += dco
        nd += dnd
    return out


#: The one-character substitutions of the first character rule (ي → ی, most edits of a document),
#: kept out of the composed edits while no later change comes near them:
#: ``(before, after, rule) -> offsets in the input``, in order. Such a substitution is an edit of
#: its own in the composed list (it joins no neighbour, and no composed edit is within
#: :data:`_NEAR` characters of it), and its offset in the current text is its input offset moved
#: by the composed edits left of it, so nothing is done per substitution until the end; one that
#: a change comes near is turned into an ``_Edit`` first and composed with the change like every
#: other edit.
_Subs = dict[tuple[str, str, str], list[int]]

#: how close (in characters, either side of a change) a substitution is taken into the composed
#: edits; only a change that overlaps one joins it (0 would do), 2 leaves a margin
_NEAR: Final = 2


def _seed_subs(rule: TranslateRule, text: str, spans: list[_Span]) -> _Subs:
    """The substitutions of ``rule`` (one whose changes each replace one character by another
    one) on ``text``, outside ``spans``: :func:`_compose` ``([], changes)``'s edits, grouped."""
    subs: _Subs = {}
    for src, dst, name, offsets in rule.positions(text):
        if spans:
            kept: list[int] = []
            lo = 0
            for sp in spans:
                hi = bisect_left(offsets, sp.start, lo)
                kept += offsets[lo:hi]
                lo = bisect_left(offsets, sp.end, hi)
            offsets = kept + offsets[lo:]
        if offsets:
            subs[src, dst, name] = offsets
    return subs


def _input_range(edits: list[_Edit], ends: list[int], lo: int, hi: int) -> tuple[int, int]:
    """A range of the input that holds the input offset of every character of the current text
    in ``[lo, hi]`` that no edit covers (an end inside an edit goes out to the edit's end)."""
    j = bisect_right(ends, lo)  # edits[:j] end at or before lo
    if j < len(edits) and edits[j].cs <= lo:  # lo is inside edits[j]
        lo = edits[j].os
    elif j:
        lo += edits[j - 1].oe - edits[j - 1].ce
    j = bisect_right(ends, hi)
    if j < len(edits) and edits[j].cs <= hi:
        hi = edits[j].oe
    elif j:
        hi += edits[j - 1].oe - edits[j - 1].ce
    return lo, hi


def _to_current(offsets: list[int], edits: list[_Edit]) -> list[int]:
    """Input offsets of substitutions, moved by the length changes of the edits left of them."""
    if not edits:
        return offsets
    out: list[int] = []
    pos = delta = 0
    for e in edits:
        i = bisect_left(offsets, e.oe, pos)  # offsets[pos:i] are before e, after the edit before
        out += list(map(add, offsets[pos:i], repeat(delta))) if delta else offsets[pos:i]
        pos = i
        delta = e.ce - e.oe
    out += list(map(add, offsets[pos:], repeat(delta))) if delta else offsets[pos:]
    return out


def _take_near(subs: _Subs, changes: list[Change], edits: list[_Edit]) -> tuple[list[_Edit], _Subs]:
    """:func:`_take_near_py`'s result: one C pass (``khabar._c.edits.take_near``) when it is
    built and takes the input, else the twin."""
    if _take_near_c is not None:
        made = _take_near_c(_Edit, subs, changes, edits, _NEAR)
        if made is not None:
            return made  # type: ignore[no-any-return]
    return _take_near_py(subs, changes, edits)


def _take_near_py(
    subs: _Subs, changes: list[Change], edits: list[_Edit]
) -> tuple[list[_Edit], _Subs]:
    """Split ``subs`` around sorted ``changes`` (of the current text, whose composed edits are
    ``edits``): the substitutions within :data:`_NEAR` characters of a change (or a few more),
    as edits in the current text, and the others, as they were. The pure twin of
    ``khabar._c.edits.take_near``."""
    ends = list(map(_CE, edits))
    windows = [_input_range(edits, ends, c.start - _NEAR, c.end + _NEAR) for c in changes]
    taken: list[int] = []  # input offsets
    kinds: list[tuple[str, str, str]] = []
    out: _Subs = {}
    for kind, offsets in subs.items():
        cuts = []
        pos = 0
        for lo, hi in windows:
            i = bisect_left(offsets, lo, pos)
            j = bisect_right(offsets, hi, i)
            if j > i:
                cuts.append((i, j))
                pos = j
        if not cuts:
            out[kind] = offsets
            continue
        kept: list[int] = []
        pos = 0
        for i, j in cuts:
            kept += offsets[pos:i]
            taken += offsets[i:j]
            kinds += [kind] * (j - i)
            pos = j
        kept += offsets[pos:]
        if kept:
            out[kind] = kept
    if not taken:
        return [], out
    near = []
    oes = list(map(_OE, edits))
    for o, kind in zip(taken, kinds):
        j = bisect_right(oes, o)  # edits[:j] end (in the input) at or before o
        shift = edits[j - 1].ce - edits[j - 1].oe if j else 0
        near.append(_new_edit(_Edit, (o + shift, o + shift + 1, o, o + 1, (kind[2],))))
    return near, out


def _compose_subs(
    edits: list[_Edit], subs: _Subs, changes: list[Change], *, apart: bool = False
) -> tuple[list[_Edit], _Subs]:
    """:func:`_compose` for edits kept as ``edits`` plus ``subs``: the same edits, the same way
    split."""
    if subs:
        changes = sorted(changes, key=_SPAN)
        taken, subs = _take_near(subs, changes, edits)
        if taken:
            edits = sorted(edits + taken, key=_CS_CE)  # all sorted; no two at the same place
    return _compose(edits, changes, apart=apart), subs


def _sub_edits_py(
    edit: type[Edit], offsets: list[int], composed: list[_Edit], before: str, after: str, rule: str
) -> list[Edit]:
    """One ``edit`` per input offset of a substitution (``before`` → ``after``), at its offset
    in the output (moved by the ``composed`` edits left of it): the pure twin of
    ``khabar._c.edits.sub_edits`` (one C loop; a document has hundreds of them).

    >>> _sub_edits_py(Edit, [0, 5], [_Edit(2, 4, 2, 3, ("r",))], "ي", "ی", "char.yeh")
    [Edit(offset=0, before='ي', after='ی', rule='char.yeh'), Edit(offset=6, before='ي', after='ی', rule='char.yeh')]
    """
    cur = _to_current(offsets, composed)
    return list(
        map(_new_edit, repeat(edit), zip(cur, repeat(before), repeat(after), repeat(rule)))
    )


# the C twin (khabar._c.edits), or the pure one above when it is not built (or KHABAR_PURE=1)
_sub_edits: Final = _sub_edits_py if _EDITS_C is None else _EDITS_C.sub_edits


def _final_edits(text: str, out: str, composed: list[_Edit], subs: _Subs) -> list[Edit]:
    """The public edits of the composed edits and the substitutions (see :func:`_final_edits_py`):
    one C pass (``khabar._c.edits.final_edits``) when it is built and takes the input, else the
    twin."""
    if _final_edits_c is not None:
        made = _final_edits_c(Edit, text, out, composed, subs)
        if made is not None:
            return made  # type: ignore[no-any-return]
    return _final_edits_py(text, out, composed, subs)


def _final_edits_py(text: str, out: str, composed: list[_Edit], subs: _Subs) -> list[Edit]:
    """The public edits: ``before`` sliced from ``text``, ``after`` from ``out``, rules joined by
    ``+``; an edit whose ``before`` equals its ``after`` (a change undone by a later rule) is
    left out. (C-level loops: a document has a hundred edits or more.) The pure twin of
    ``khabar._c.edits.final_edits``."""
    edits: list[Edit] = []
    if composed:
        befores = list(map(text.__getitem__, map(slice, map(_OS, composed), map(_OE, composed))))
        afters = list(map(out.__getitem__, map(slice, map(_CS, composed), map(_CE, composed))))
        rows = zip(map(_CS, composed), befores, afters, map("+".join, map(_RULES, composed)))
        edits = list(map(_new_edit, repeat(Edit), rows))
        if any(map(eq, befores, afters)):
            edits = [e for e, before, after in zip(edits, befores, afters) if before != after]
    if subs:
        alone = not edits and len(subs) == 1  # one kind, in order already
        for (before, after, rule), offsets in subs.items():  # before != after: substitutes
            edits += _sub_edits(Edit, offsets, composed, before, after, rule)
        if not alone:
            # stable: at one offset a composed edit (then empty: a deletion) stays before the
            # substitution, whose letter stood after it in the input
            edits.sort(key=_OFFSET)
    return edits


class Fixer:
    """A policy and a ZWNJ repairer, compiled once; ``fix``, ``fix_with_edits`` and streams.

    >>> Fixer(FixPolicy(digits="latin", zwnj="off")).fix("سال ۱۴۰۲")
    'سال 1402'
    """

    def __init__(self, policy: FixPolicy | None = None, repairer: Repairer | None = None) -> None:
        self.policy = policy or FixPolicy()
        self._char_rules = char_rules(self.policy)
        self._space_rules = space_rules(self.policy)
        #: the house style's joins (khabar.text.style), after the engine, with the user's style
        #: files (read here, once per Fixer), less the pairs the user's word files keep apart;
        #: none for "treebank" without files
        self._style_rules = style_rules(
            self.policy.style, self.policy.styles, _user_apart(self.policy)
        )
        self._repairer = repairer

    @property
    def repairer(self) -> Repairer | None:
        """The ZWNJ engine (``default_repairer()`` unless one was given); None when off."""
        if self.policy.zwnj is Zwnj.OFF:
            return None
        if self._repairer is None:
            # loads the lexicon on first use
            from khabar.text.zwnj import NonJoiner, Trust, ZwnjRepairer, shipped_repairer

            trust = Trust.NONE if self.policy.zwnj_trust is ZwnjTrust.NONE else Trust.LINE
            nonjoiner = (
                NonJoiner.REMOVE
                if self.policy.zwnj_nonjoiner is ZwnjNonJoiner.REMOVE
                else NonJoiner.KEEP
            )
            if self.policy.words:
                lexicon = _user_lexicon(self.policy.words)
                self._repairer = ZwnjRepairer(lexicon, trust=trust, nonjoiner=nonjoiner)
            else:  # one engine per options, shared by the policies (the lexicon is ~30 MB)
                self._repairer = shipped_repairer(trust, nonjoiner)
        return self._repairer

    def fix(self, text: str) -> str:
        """Repair ``text`` (see :func:`khabar.fix`)."""
        return self._run(text, None)[0]

    def fix_with_edits(self, text: str) -> tuple[str, list[Edit]]:
        """Repair ``text`` and say what changed (see :func:`khabar.fix_with_edits`)."""
        out, composed, subs = self._run_edits(text)
        return out, _final_edits(text, out, composed, subs)

    def fix_stream(self, lines: Iterable[str], batch_chars: int = 1 << 16) -> Iterator[str]:
        """Repair each line; yields one output line per input line, line breaks kept.

        Lines are fixed in batches of about ``batch_chars`` characters (every rule is local to a
        line, so a batch gives the same result as line by line, with less overhead per line).
        """
        batch: list[str] = []
        size = 0
        for line in lines:
            batch.append(line)
            size += len(line)
            if size >= batch_chars:
                yield from self._fix_batch(batch)
                batch, size = [], 0
        if batch:
            yield from self._fix_batch(batch)

    def fix_chunks(self, chunks: Iterable[str], batch_chars: int = 1 << 16) -> Iterator[str]:
        """Repair text that comes in pieces cut anywhere (blocks read from a file); yields the
        repaired text in pieces, each ending with \\n (the last one only if the text does).

        The text is the same as ``"".join(fix_stream(lines))`` of the same text's lines (every
        rule is local to a line): once about ``batch_chars`` characters have come, they are cut
        after the last \\n of the newest piece and fixed as one text, never split into lines and
        joined again (what :meth:`fix_stream` does with the lines it is given). A line longer
        than ``batch_chars`` waits, as in :meth:`fix_stream`, for its \\n or the end.

        >>> list(Fixer(FixPolicy(zwnj="off")).fix_chunks(["يك\\nدو  ", "سه\\nك"], batch_chars=4))
        ['یک\\n', 'دو سه\\n', 'ک']
        """
        parts: list[str] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            cut = chunk.rfind("\n") + 1 if size >= batch_chars else 0
            if cut:
                parts.append(chunk[: cut - 1])
                text = "".join(parts)
                parts.clear()  # not kept beside their joined copy while it is fixed (a huge line)
                yield self.fix(text) + "\n"
                rest = chunk[cut:]
                parts, size = [rest], len(rest)
            else:
                parts.append(chunk)
        text = "".join(parts)
        parts.clear()
        if text.endswith("\n"):
            yield self.fix(text[:-1]) + "\n"
        elif text:
            yield self.fix(text)

    def fix_file(
        self,
        source: BinaryIO,
        sink: BinaryIO,
        *,
        end_line: bool = False,
        block_bytes: int = 1 << 16,
        batch_chars: int = 1 << 16,
    ) -> None:
        """Repair UTF-8 text read from ``source`` (bytes) into ``sink``, line breaks kept: what
        ``khabar fix`` and ``python -m khabar.text`` do with a file or stdin.

        Bytes that are not UTF-8 pass through unchanged (``surrogateescape``, as the text
        streams of :func:`main`); a line ends at \\n only (a \\r is the line's content).
        ``end_line``: a last line without \\n gets one (``khabar fix`` writes whole lines).
        Blocks of ``block_bytes`` are decoded and fixed by :meth:`fix_chunks` and encoded as
        blocks: no text stream cuts them into lines, which the fixer would join again.

        >>> out = io.BytesIO()
        >>> Fixer(FixPolicy(zwnj="off")).fix_file(io.BytesIO("يك\\nدو  سه".encode()), out, end_line=True)
        >>> out.getvalue().decode()
        'یک\\nدو سه\\n'
        """
        if block_bytes < 1:
            raise ValueError(f"fix_file: block_bytes must be 1 or more, got {block_bytes}")
        decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        blocks = _Decoded(source, decoder, block_bytes)
        # a loop, not sink.writelines(generator): mypyc makes a generator argument a list, the
        # whole output in memory
        for piece in self.fix_chunks(blocks, batch_chars):  # noqa: FURB122
            sink.write(piece.encode("utf-8", "surrogateescape"))
        if end_line and blocks.open_line:
            sink.write(b"\n")

    def _fix_batch(self, batch: list[str]) -> list[str]:
        """Fix lines joined by \\n and split again (lines may or may not end with \\n)."""
        bodies = [line.removesuffix("\n") for line in batch]
        if len(batch) == 1 or any("\n" in body for body in bodies):
            return [self.fix(line) for line in batch]
        fixed = self.fix("\n".join(bodies)).split("\n")
        if len(fixed) != len(batch):  # cannot happen (fix keeps every \n); a safety net
            return [self.fix(line) for line in batch]
        return [f + line[len(body) :] for f, line, body in zip(fixed, batch, bodies, strict=True)]

    def _stage(
        self,
        text: str,
        rules: Sequence[Rule],
        spans: list[_Span],
        edits: list[_Edit] | None,
    ) -> tuple[str, list[_Span]]:
        """Run ``rules`` outside ``spans``; the new text, and the spans moved along.

        With ``edits`` (a list), every change is composed into it, one rule at a time: the
        reference walk that :meth:`_stage_edits` (what ``fix_with_edits`` runs) must equal,
        edit for edit (tests/text/test_fix_compose.py).
        """
        scanned: str | None = None
        mask = 0
        for rule in rules:
            bit = rule.pair_bit
            if bit:  # one pass answers the guards of every rule with a bit (on this text)
                if scanned is not text:
                    scanned, mask = text, space_pair_mask(text)
                if not mask & bit:
                    continue
            if edits is None and not spans:
                text = rule.apply(text)
            elif edits is None and isinstance(rule, TranslateRule):
                text, spans = _translate_outside(text, rule, spans)
            elif rule.apart and edits is not None:  # one-character changes: sliced, translated
                changes = _outside_apart(rule.find(text), spans)
                if changes:
                    edits[:] = _compose(edits, changes, apart=True)
                    text, spans = _apply_apart(text, rule, spans)
            else:
                changes = _outside(rule.find(text), spans)
                if changes:
                    if edits is not None:
                        edits[:] = _compose(edits, changes)
                    text, spans = _apply_changes(text, spans, changes)
        return text, spans

    def _stage_edits(
        self,
        text: str,
        rules: Sequence[Rule],
        spans: list[_Span],
        edits: list[_Edit],
        subs: _Subs,
    ) -> tuple[str, list[_Span], list[_Edit], _Subs]:
        """:meth:`_stage` composing edits: the new text, spans, edits and substitutions."""
        scanned: str | None = None
        mask = 0
        for rule in rules:
            bit = rule.pair_bit
            if bit:  # one pass answers the guards of every rule with a bit (on this text)
                if scanned is not text:
                    scanned, mask = text, space_pair_mask(text)
                if not mask & bit:
                    continue
            if rule.apart:  # one-character changes: sliced, translated
                if rule.substitutes and not edits and not subs:
                    subs = _seed_subs(rule, text, spans)  # type: ignore[arg-type]
                    changed = bool(subs)
                else:
                    changes = _outside_apart(rule.find(text), spans)
                    if changes:
                        edits, subs = _compose_subs(edits, subs, changes, apart=True)
                    changed = bool(changes)
                if changed:
                    text, spans = _apply_apart(text, rule, spans)
            else:
                changes = _outside(rule.find(text), spans)
                if changes:
                    edits, subs = _compose_subs(edits, subs, changes)
                    text, spans = _apply_changes(text, spans, changes)
        return text, spans, edits, subs

    def _run_edits(self, text: str) -> tuple[str, list[_Edit], _Subs]:
        """:meth:`_run` with edits: the text, the composed edits and the substitutions."""
        spans = _protected(text)
        edits: list[_Edit] = []
        subs: _Subs = {}
        text, spans, edits, subs = self._stage_edits(text, self._char_rules, spans, edits, subs)
        text, spans, edits, subs = self._stage_edits(text, self._space_rules, spans, edits, subs)
        repairer = self.repairer
        if repairer is not None:
            changes = _outside(_engine_changes(repairer, text, spans), spans, edge_ok=False)
            if changes:
                edits, subs = _compose_subs(edits, subs, changes)
                text, spans = _apply_changes(text, spans, changes)
        if self._style_rules:
            text, spans, edits, subs = self._stage_edits(text, self._style_rules, spans, edits, subs)
        return text, edits, subs

    def _run(self, text: str, edits: list[_Edit] | None) -> tuple[str, list[_Edit] | None]:
        # Identifiers (URLs, hashtags, Latin words...) are skipped by every rule. Numbers need no
        # span: no rule can match inside one (each needs a letter or a space next to its
        # punctuation, and numbers have neither), which tests/text checks on number tables.
        # Spans are found once, on the input, and moved along with every change. (A deletion can
        # make a new identifier, as ZWSP + #tag: it was none in the input, and is then left as is.)
        spans = _protected(text)
        text, spans = self._stage(text, self._char_rules, spans, edits)
        text, spans = self._stage(text, self._space_rules, spans, edits)
        repairer = self.repairer
        if repairer is not None:
            if edits is None and not spans:
                text = repairer.repair(text)
            elif edits is None and getattr(repairer, "lines_alone", False):
                text, spans = _repair_outside(repairer, text, spans)
            else:
                changes = _outside(_engine_changes(repairer, text, spans), spans, edge_ok=False)
                if changes:
                    if edits is not None:
                        edits[:] = _compose(edits, changes)
                    text, spans = _apply_changes(text, spans, changes)
        if self._style_rules:
            text, spans = self._stage(text, self._style_rules, spans, edits)
        return text, edits


def _user_lexicon(paths: tuple[str, ...]) -> Any:
    """The shipped lexicon with the user files of ``FixPolicy.words`` (a ConfigError naming the
    file and the line when one cannot be read)."""
    from khabar.errors import ConfigError
    from khabar.text.lexicon import Lexicon, LexiconError

    try:
        return Lexicon.load(extra=paths)
    except LexiconError as exc:
        raise ConfigError(f"fix.words: {exc}") from None


def _user_apart(policy: FixPolicy) -> dict[str, str]:
    """The pairs the user's word files keep apart (``به منظور``), which no style may join; read
    only when a style would join something (news, or style files)."""
    if not policy.words or (policy.style is Style.TREEBANK and not policy.styles):
        return {}
    from khabar.errors import ConfigError
    from khabar.text.lexicon import LexiconError, user_apart_pairs

    try:
        return user_apart_pairs(policy.words)
    except LexiconError as exc:
        raise ConfigError(f"fix.words: {exc}") from None


#: the marks before which a spacing rule may remove a space (the slip rule; ``full``)
_UNSPACED_MARKS: Final = frozenset(SPACE_REMOVED_BEFORE)
#: the marks after which a spacing rule may remove a space (``full``): a URL may end with one
_UNSPACED_AFTER: Final = frozenset(SPACE_REMOVED_AFTER)


def _protected(text: str) -> list[_Span]:
    """The spans no rule may change: the identifiers of ``text`` (:func:`find_verbatim`).

    A URL's span also takes in the spaces after it (and the sentence marks between it and
    them, which a URL leaves out) when a mark follows them (``https://x.ir/a ،``): a URL runs to
    the next space, so a rule that removed that space would make the mark and what follows it
    part of the link (``https://x.ir/a،۱۲``), and a second pass would read them as the URL
    (hypothesis: ``https://x.ir/a ،`کد  ي``` and ``https://x.ir/a، ،`a``` were not idempotent).
    So does a URL that ends with a mark the ``full`` style removes the spaces after
    (``f://[ `a  b```: fuzz, session 21).
    """
    spans = []
    size = len(text)
    for s in find_verbatim(text):
        end = s.end
        if s.kind == "url":
            marks = end
            while marks < size and text[marks] in URL_TRAILING:
                marks += 1
            stop = marks
            while stop < size and text[stop] != "\n" and text[stop].isspace():
                stop += 1
            if marks < stop < size and text[stop] in _UNSPACED_MARKS:
                end = stop
            elif marks == end < stop and text[end - 1] in _UNSPACED_AFTER and _more_on_line(
                text, stop
            ):
                end = stop  # «f://[ `a`»: ``full`` removed the space after the «[», and a
                # second pass read the code's backtick as the URL's
        spans.append(_Span(s.start, end))
    return spans


def _more_on_line(text: str, at: int) -> bool:
    """Whether the line goes on at ``at`` past its spaces with a character no rule deletes (a
    mark, a format character such as SHY, RLM or ZWNJ, or a tatweel may go): the spaces after a
    URL then stay, before it (``f://[ ­``: a space kept before a SHY that went was a trailing
    space on a second pass, which removed it)."""
    size = len(text)
    while at < size and text[at] != "\n":
        ch = text[at]
        if not ch.isspace() and ch != "\u0640" and category(ch) not in _GONE_CATEGORIES:
            return True
        at += 1
    return False


#: the categories of the characters a rule may delete: marks and format characters
_GONE_CATEGORIES: Final = frozenset({"Mn", "Me", "Cf"})


class _Decoded:
    """The text of ``source``'s bytes, one decoded block at a time; afterwards
    ``open_line`` says whether the text ended inside a line (not after a \\n)."""

    def __init__(self, source: BinaryIO, decoder: codecs.IncrementalDecoder, size: int) -> None:
        self.source = source
        self.decoder = decoder
        self.size = size
        self.done = False
        self.open_line = False

    def __iter__(self) -> _Decoded:
        return self

    def __next__(self) -> str:
        while not self.done:
            data = self.source.read(self.size)
            self.done = not data
            text = self.decoder.decode(data, self.done)
            if text:
                self.open_line = not text.endswith("\n")
                return text
        raise StopIteration


def _engine_changes(repairer: Repairer, text: str, spans: list[_Span]) -> list[Change]:
    """The engine's repairs of ``text``, as Changes; an engine with a true ``reads_protected``
    attribute (``ZwnjRepairer``) is told the ``spans`` whose repairs are dropped
    (``find_repairs(text, protected=spans)``).

    Every function here reads a change by its attribute names (``start``, ``end``,
    ``replacement``, ``rule``), so repairs that are tuples (``ZwnjRepairer``'s ``Repair``, a
    NamedTuple) are used as they are; any other repair objects (a dataclass of another engine)
    are copied into :class:`Change` objects, since compiled code checks that a
    ``list[Change]`` holds tuples. An engine returns one type of repair, so the first says.
    """
    if spans and getattr(repairer, "reads_protected", False):
        repairs = list(cast(Any, repairer).find_repairs(text, protected=spans))
    else:
        repairs = list(repairer.find_repairs(text))
    if not repairs or isinstance(repairs[0], tuple):
        return repairs  # type: ignore[return-value]
    return [Change(r.start, r.end, r.replacement, r.rule) for r in repairs]


def _repair_outside(repairer: Repairer, text: str, spans: list[_Span]) -> tuple[str, list[_Span]]:
    """The ZWNJ engine's repairs of ``text`` that do not touch ``spans``, applied; and the
    spans moved along.

    For an engine that plans every line alone (``repairer.lines_alone``, as
    ``ZwnjRepairer``), a line that no span reaches gets exactly what ``repairer.repair`` gives
    it (several times faster than finding its repairs one by one);
    the lines a span reaches (from the line of its start to the line of its end, its end
    included: a repair touching the span's edge is left out too) have their repairs found and
    filtered. In ``fix_stream``'s batches of a few hundred lines, a few hold a span.
    """
    if "\n" not in text:
        return _repair_block(repairer, text, spans)
    parts: list[str] = []
    moved: list[_Span] = []
    size = 0  # length of the output so far
    pos = 0  # text[:pos] is done; pos is 0 or the \n that ends a block
    k = 0
    while k < len(spans):
        block = k
        first = text.rfind("\n", 0, spans[k].start) + 1  # the block's first line
        last = text.find("\n", spans[k].end)  # the \n ending the line that holds its end
        k += 1
        while last >= 0 and k < len(spans) and spans[k].start <= last:
            last = text.find("\n", spans[k].end)  # the next span starts in the block
            k += 1
        if last < 0:  # the block runs to the text's end, with every span left
            last, k = len(text), len(spans)
        gap = repairer.repair(text[pos:first])
        size += len(gap)
        local = [_Span(sp.start - first, sp.end - first) for sp in spans[block:k]]
        fixed, local = _repair_block(repairer, text[first:last], local)
        moved += [_Span(sp.start + size, sp.end + size) for sp in local]
        size += len(fixed)
        parts += (gap, fixed)
        pos = last
    parts.append(repairer.repair(text[pos:]))
    return "".join(parts), moved


def _repair_block(repairer: Repairer, text: str, spans: list[_Span]) -> tuple[str, list[_Span]]:
    """The engine's repairs of ``text`` outside ``spans`` applied, and the spans moved along."""
    changes = _outside(_engine_changes(repairer, text, spans), spans, edge_ok=False)
    if not changes:
        return text, spans
    return _apply_changes(text, spans, changes)


def _apply_apart(text: str, rule: Rule, spans: list[_Span]) -> tuple[str, list[_Span]]:
    """An ``apart`` rule (one-character changes, lengths kept) applied outside ``spans``, which
    stay where they are: what :meth:`Fixer._stage` and :meth:`Fixer._stage_edits` both do once
    the rule's changes are composed."""
    if spans:
        return _translate_outside(text, rule, spans)  # type: ignore[arg-type]
    return rule.apply(text), spans


def _apply_changes(text: str, spans: list[_Span],
                   changes: list[Change]) -> tuple[str, list[_Span]]:
    """``changes`` (outside ``spans``) applied, and the spans moved along."""
    return apply_changes(text, changes), _shift(spans, changes)


def _translate_outside(
    text: str, rule: TranslateRule, spans: list[_Span]
) -> tuple[str, list[_Span]]:
    """Translate the text between spans, copying the spans and moving them.

    The whole text is translated first, in one pass: where that changes nothing, or changes
    one character into one other only outside the spans, it is what translating between
    them gives (below), without cutting the text at every span and joining it again (a
    batch of glued PEYMA holds ~22 spans, the Latin words; four rules cut it each).
    """
    whole = rule.apply(text)
    if whole == text and (rule.apart or rule.never_same):
        # nothing to translate anywhere: nothing between the spans either (one character at
        # a time, or sequences each mapped to a different text, so a match would show; a
        # guard says whether a text holds something, which a piece holds only if the whole
        # text does: the compose rules' marks after a letter)
        return text, spans
    if rule.substitutes and rule.guard is None and _spans_kept(whole, text, spans):
        # (a guard could pass the whole text and not a piece between spans: the loop below)
        # one character into one other, each by itself (``str.translate``): between the
        # spans as in the whole text, and the spans' own characters untouched
        return whole, spans
    parts = []
    moved = []
    pos = 0
    length = 0
    for sp in spans:
        gap = rule.apply(text[pos : sp.start])
        parts.append(gap)
        length += len(gap)
        parts.append(text[sp.start : sp.end])
        moved.append(_Span(length, length + sp.end - sp.start))
        length += sp.end - sp.start
        pos = sp.end
    parts.append(rule.apply(text[pos:]))
    return "".join(parts), moved


def _spans_kept(new: str, old: str, spans: list[_Span]) -> bool:
    """Whether every span reads the same in ``new`` as in ``old`` (at the same offsets)."""
    for sp in spans:
        if new[sp.start : sp.end] != old[sp.start : sp.end]:
            return False
    return True


#: How many policies' Fixers :func:`_policy_fixer` keeps (each ~0.35 MB of compiled rules,
#: more with its own ``words``): a program fixes under one policy or a few, and one that takes
#: policies from its users (6,912 style combinations, any ``words``) must not grow without end.
POLICY_FIXERS: Final = 16


@lru_cache(maxsize=POLICY_FIXERS)
def _policy_fixer(policy: FixPolicy) -> Fixer:
    """One Fixer per policy per process: its tables are compiled and its ZWNJ engine's lexicon
    (about a second to load) read once, however often ``fix(text, **policy)`` is called; the
    :data:`POLICY_FIXERS` policies used last are kept (the shipped engines are shared by all,
    see ``shipped_repairer``)."""
    return Fixer(policy)


def _fixer(policy: dict[str, Any], repairer: Repairer | None) -> Fixer:
    if repairer is None:
        return _policy_fixer(FixPolicy.from_kwargs(**policy) if policy else FixPolicy())
    return Fixer(FixPolicy.from_kwargs(**policy), repairer)


def fix(text: str, *, repairer: Repairer | None = None, **policy: Any) -> str:
    """Repair Persian ``text``: characters, spacing and half-spaces, with every line kept.

    ``policy`` keywords are the fields of :class:`~khabar.text.policy.FixPolicy`
    (``digits="latin"``, ``heh_yeh="hamza"``, ...); a wrong name or value raises ConfigError.
    ``repairer`` replaces the shipped ZWNJ engine (a ``ZwnjRepairer`` with your own lexicon).
    ``fix`` never raises on a ``str``, and ``fix(fix(x)) == fix(x)``.

    >>> fix("ميخواهم   به «تهران»برگردم", zwnj="off")
    'میخواهم به «تهران» برگردم'
    >>> fix("https://fa.wikipedia.org/wiki/كشور  #هشتگ_عربي", zwnj="off")
    'https://fa.wikipedia.org/wiki/كشور #هشتگ_عربي'
    """
    return _fixer(policy, repairer).fix(text)


def fix_with_edits(
    text: str, *, repairer: Repairer | None = None, **policy: Any
) -> tuple[str, list[Edit]]:
    """Like :func:`fix`, and list the edits: ``after`` starts at ``offset`` in the returned text.

    Undoing the edits from last to first (``out[offset:offset+len(after)] = before``) gives the
    input back. ``rule`` names the rule (``char.yeh``, ``space.collapse``, ``punct.space``,
    ``zwnj.glued`` ...); rules whose changes overlap are joined with ``+``. Edits that only
    touch stay apart (at one offset, an edit with an empty ``after`` comes first), so how a spot
    is reported never depends on changes elsewhere in the text.

    >>> fix_with_edits("و\\u00a0 استفاده", zwnj="off")
    ('و استفاده', [Edit(offset=1, before='\\xa0 ', after=' ', rule='char.space+space.collapse')])
    >>> [(e.offset, e.before, e.after, e.rule) for e in fix_with_edits("ي\\u200bي", zwnj="off")[1]]
    [(0, 'ي', 'ی', 'char.yeh'), (1, '\\u200b', '', 'char.invisible'), (1, 'ي', 'ی', 'char.yeh')]
    """
    return _fixer(policy, repairer).fix_with_edits(text)


def fix_stream(
    lines: Iterable[str], *, repairer: Repairer | None = None, **policy: Any
) -> Iterator[str]:
    """Repair an iterable of lines lazily (a file object works), one output line per input line.

    >>> list(fix_stream(["يك\\n", "\\n", "دو  سه"], zwnj="off"))
    ['یک\\n', '\\n', 'دو سه']
    """
    return _fixer(policy, repairer).fix_stream(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m khabar.text [--OPTION=VALUE ...]``: fix stdin to stdout, line by line.

    (``python -m khabar.text.fix`` runs it too, but only in a pure build: Python cannot run a
    compiled extension module with ``-m``; ``khabar.text``'s ``__main__`` stays a ``.py``.)

    Options are the :class:`~khabar.text.policy.FixPolicy` fields (``--digits=latin``). Input is
    UTF-8; bytes that are not valid UTF-8 are passed through unchanged (surrogateescape), so no
    data is lost.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    policy: dict[str, str] = {}
    if "-h" in args or "--help" in args:
        print(_usage())
        return 0
    for arg in args:
        name, eq, value = arg.removeprefix("--").partition("=")
        if not arg.startswith("--") or not eq:
            print(
                f"khabar.text.fix: cannot read argument {arg!r}; "
                "write options as --name=value, e.g. --digits=latin",
                file=sys.stderr,
            )
            return 2
        policy[name.replace("-", "_")] = value
    from khabar.errors import ConfigError

    try:
        fixer = _fixer(policy, None)
    except ConfigError as exc:
        print(f"khabar.text.fix: {exc}", file=sys.stderr)
        return 2
    # a line ends at \n only (a \r inside a line is kept as it is), nothing is translated, so
    # the output has exactly as many \n as the input
    try:
        fixer.fix_file(sys.stdin.buffer, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # the reader stopped early (``| head``): not an error of ours; silence the final flush
        sys.stdout = io.TextIOWrapper(io.BytesIO())
    return 0


def _usage() -> str:
    from khabar.text.policy import choices

    lines = [
        "usage: python -m khabar.text [--OPTION=VALUE ...] < in.txt > out.txt",
        "Repairs Persian text line by line (UTF-8), one output line per input line.",
        "options (default first):",
    ]
    for name, values in choices().items():
        lines.append(f"  --{name.replace('_', '-')}={'|'.join(values)}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
