"""The repairer's public face: :class:`ZwnjRepairer` (find_repairs, repair),
:func:`apply_repairs` and :func:`default_repairer`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from khabar.text.lexicon import JOINING, ZWNJ
from khabar.text.zwnj.constants import _NONJOINER_ZWNJ_RE, _WRITTEN_ZWNJ_RE, GLUED_LINE_WEIGHT
from khabar.text.zwnj.context import LineContext
from khabar.text.zwnj.options import NonJoiner, Trust
from khabar.text.zwnj.records import (
    _FACT_ARABIC,
    _FACT_LOOKED,
    _FACT_NOTED,
    _FACT_STRAY_INSIDE,
    _FACTS_FIELD,
    _FIXED,
    _GLUED_WEIGHT_FIELD,
    GLUED_ALL,
    GLUED_NONE,
    GLUED_SURE,
    JOIN_SPACED_LINE,
    SPACED_LINE_GLUED,
    ChunkInfo,
    Repair,
)
from khabar.text.zwnj.twins import _field_or, _field_sum, _join_fixed, _truthy
from khabar.text.zwnj.words import _arabic_spans, _has_bare_without, _union_sorted


class ZwnjRepairer(LineContext):
    """Find and apply ZWNJ repairs; see the module docstring for the rules.

    Args:
        lexicon: word counts to decide with; the shipped lexicon if None. Add user words with
            ``Lexicon.load(extra=[path])`` (format in :mod:`khabar.text.lexicon`).
        nonjoiner: what to do with a ZWNJ after a non-joining letter (default: keep it).
        spaced: whether to join spaced words the lexicon writes as one (default: join).
        trust: whether a line's own ZWNJs or spaced affixes limit the repair of its glued
            words and compounds (default: yes, see :class:`Trust`).

    The instance memoises decisions per word and per word pair (Zipf: a few thousand words
    make most of a corpus), so reuse one instance; it is safe to share across threads in
    CPython because the memo only ever gains entries that any thread would compute alike.

    >>> ZwnjRepairer(spaced="join")
    Traceback (most recent call last):
    ...
    ValueError: spaced must be one of Spaced.JOIN, Spaced.KEEP, got 'join'
    """

    #: :meth:`find_repairs` and :meth:`repair` treat each line alone: a line's repairs do not
    #: depend on the other lines (khabar.text.fix repairs the lines no protected span reaches
    #: with :meth:`repair` because of it).
    lines_alone = True
    #: :meth:`find_repairs` reads the ``protected`` ranges its caller will not change
    #: (khabar.text.fix passes its identifiers)
    reads_protected = True

    # ---- public API ------------------------------------------------------------------------

    def find_repairs(self, text: object, protected: Sequence[tuple[int, int]] = ()) -> list[Repair]:
        """All repairs for ``text``, sorted by position and non-overlapping.

        ``protected``: sorted ``(start, end)`` ranges of ``text`` the caller copies as they are
        (``khabar.fix``'s links, hashtags, Latin words), dropping every repair that reaches or
        touches one. Only ``NonJoiner.REMOVE`` reads them: a join there is kept when the line
        reads as written on one more reading (:meth:`_lasting_joins`), and the would-be repairs
        inside a link (``isna.ir/news/كتابها``) are none the caller would make.

        >>> r = default_repairer()
        >>> [(x.start, x.end, x.rule) for x in r.find_repairs("می باشد")]
        [(2, 3, 'zwnj.spaced')]
        >>> [(x.start, x.end, x.rule) for x in r.find_repairs("کتاب\u200c ها")]
        [(4, 5, 'zwnj.remove.edge'), (5, 6, 'zwnj.spaced')]
        """
        if not isinstance(text, str):
            raise TypeError(f"find_repairs needs a str, got {type(text).__name__}")
        if self.nonjoiner is not NonJoiner.REMOVE:
            protected = ()
        elif ZWNJ in text:
            return self._without_nonjoiner_zwnjs(text, protected)
        return self._find_repairs(text, protected)

    def _find_repairs(self, text: str, protected: Sequence[tuple[int, int]] = ()) -> list[Repair]:
        """:meth:`find_repairs` of a str."""
        if "\n" not in text:
            return self._line_repairs(text, 0, protected)
        repairs: list[Repair] = []
        offset = 0
        for line in text.split("\n"):
            repairs.extend(self._line_repairs(line, offset, protected))
            offset += len(line) + 1
        return repairs

    def repair(self, text: object) -> str:
        """``text`` with every repair of :meth:`find_repairs` applied (faster than applying them).

        >>> default_repairer().repair("رئیسجمهوری و نخستوزیران")
        'رئیس\u200cجمهوری و نخست\u200cوزیران'
        """
        if not isinstance(text, str):
            raise TypeError(f"repair needs a str, got {type(text).__name__}")
        if self.nonjoiner is NonJoiner.REMOVE and ZWNJ in text:
            text = _NONJOINER_ZWNJ_RE.sub("", text)
        if "\n" not in text:
            return self._repair_line(text)
        return "\n".join(map(self._repair_line, text.split("\n")))

    def _without_nonjoiner_zwnjs(
        self, text: str, protected: Sequence[tuple[int, int]] = ()
    ) -> list[Repair]:
        """:meth:`find_repairs` with ``NonJoiner.REMOVE``: the ZWNJs after a non-joining
        letter go first (rule ``zwnj.remove.nonjoiner``), and the rest of the repairs are those
        of the text without them, moved to the offsets of ``text``. The engine so reads
        ``در‌بارهکارها`` as ``دربارهکارها``, as it will read its own output on a second pass."""
        removed = [m.span() for m in _NONJOINER_ZWNJ_RE.finditer(text)]
        if not removed:
            return self._find_repairs(text, protected)
        # where each character of the text without them stands in ``text`` (and its end)
        where: list[int] = []
        pos = 0
        for start, end in removed:
            where.extend(range(pos, start))
            pos = end
        where.extend(range(pos, len(text) + 1))
        repairs: list[Repair] = []
        k = 0
        if protected:  # the ranges in the text without them
            protected = [(_shifted(s, removed), _shifted(e, removed)) for s, e in protected]
        for r in self._find_repairs(_NONJOINER_ZWNJ_RE.sub("", text), protected):
            start = where[r.start]
            end = where[r.end - 1] + 1 if r.end > r.start else start
            while k < len(removed) and removed[k][0] < start:
                repairs.append(Repair(*removed[k], "", "zwnj.remove.nonjoiner"))
                k += 1
            while k < len(removed) and removed[k][0] < end:  # inside the repair: replaced too
                k += 1
            repairs.append(Repair(start, end, r.replacement, r.rule))
        repairs += [Repair(s, e, "", "zwnj.remove.nonjoiner") for s, e in removed[k:]]
        return repairs

    # ---- one line ------------------------------------------------------------------------------

    def _plan(self, line: str, parts: list[str] | None = None) -> tuple[list[ChunkInfo], set[int]]:
        """The chunks of ``line`` (split at spaces: ``parts``, if the caller has them) and the
        indices of the chunks to join."""
        if parts is None:
            parts = self._chunks(line)
        if self.trust is Trust.NONE:
            infos = self._chunk_infos(parts, GLUED_ALL)
            joins = self._joins_of(parts, infos, without=_has_bare_without(line))[0]
            if self._has_other_reading(parts):
                return self._in_context(infos, joins), joins
            return infos, joins
        if ZWNJ in line and _WRITTEN_ZWNJ_RE.search(line):
            infos = self._chunk_infos(parts, GLUED_NONE)
            # its written ZWNJs show a writer who uses them, unless each goes as a stray inside
            # a word («میز‌ان»): then the line is planned as if written without them, as its
            # repaired text will be (repair(repair(x)) == repair(x))
            if (
                not self._stray_inside_chunks  # none seen yet (most texts): no line to look at
                or not _field_or(infos, _FACTS_FIELD) & _FACT_STRAY_INSIDE
                or _WRITTEN_ZWNJ_RE.search(" ".join(map(_FIXED, infos)))
            ):
                # a bare می or plural only
                return infos, self._joins_of(parts, infos, affixes_only=True)[1]
        infos = self._chunk_infos(parts, GLUED_ALL)
        # every chunk is analysed now, so its facts are noted: a line with none noted (almost
        # all) skips the tests below that look for them
        facts = _field_or(infos, _FACTS_FIELD)
        noted = bool(facts & _FACT_NOTED)
        weight = _field_sum(infos, _GLUED_WEIGHT_FIELD)
        if weight >= GLUED_LINE_WEIGHT and not self._may_join_affix(facts):
            # «میشود»: its ZWNJs were dropped, words apart are the author's (as below), and no
            # bare affix can join (half the lines of a text whose ZWNJs were dropped): no join
            # to look for
            joins = set()
        else:
            # one pass as if the line's ZWNJs became spaces (its spaces between words written
            # joined as often as apart were ZWNJs); a line that shows no such sign keeps the
            # sure joins only
            without = _has_bare_without(line)
            joins, affixes, weak = self._joins_of(
                parts, infos, need=JOIN_SPACED_LINE, without=without
            )
            if weak and not affixes:
                sure, affixes, _ = self._joins_of(parts, infos, without=without)
                if not self._spaced_compounds(infos, sure):
                    joins = sure
            if not weight:
                if noted and self._has_whole_word(parts):  # «بررسی میدانی»: no dropped ZWNJ
                    return self._chunk_infos(parts, GLUED_SURE), joins
                # «موضوع پیچیدهای نیست»; not in a line whose ZWNJs became spaces, whose glued
                # words are the author's (as below): «دستگاه های ... برندهای با کیفیت» stays
                if noted and not affixes and self._has_other_reading(parts):
                    return self._in_context(infos, joins), joins
                return infos, joins  # no glued split: every level gives the same chunks
            if affixes:  # the line's ZWNJs became spaces: its glued nouns are the author's
                return self._chunk_infos(parts, SPACED_LINE_GLUED), joins
            if joins and weight >= GLUED_LINE_WEIGHT:
                joins = set()  # «میشود»: its ZWNJs were dropped, words apart are the author's
        if not noted:
            return infos, joins
        if self._has_whole_word(parts):  # «بررسی میدانی» in a line whose ZWNJs were dropped
            infos = self._whole_words_in_context(parts, infos)
        if self._has_other_reading(parts):
            return self._in_context(infos, joins), joins
        return infos, joins

    def _unless_arabic(
        self, parts: list[str], infos: list[ChunkInfo], joins: set[int]
    ) -> tuple[list[ChunkInfo], set[int]]:
        """The plan of a line that changes (its chunks ``parts``, planned as ``infos``,
        ``joins``), unless the line quotes Arabic: then :meth:`_without_arabic`. Asked only of
        lines that change, and answered by the chunks' fact bits (those opening with an Arabic
        function word were noted when analysed) unless one is such a chunk."""
        if not _field_or(infos, _FACTS_FIELD) & _FACT_ARABIC:
            return infos, joins
        arabic = _arabic_spans(parts)
        if arabic:
            return self._without_arabic(parts, arabic)
        return infos, joins

    def _without_arabic(
        self, parts: list[str], arabic: set[int]
    ) -> tuple[list[ChunkInfo], set[int]]:
        """The plan of a line holding an Arabic quotation (the chunks ``arabic``): the rest
        of the line as if alone, the quotation with no glued cut and no join."""
        if len(arabic) == len(parts):
            return self._chunk_infos(parts, GLUED_NONE), set()
        infos, joins = self._plan(
            " ".join(p if i not in arabic else "" for i, p in enumerate(parts))
        )
        kept = self._chunk_infos([parts[i] for i in sorted(arabic)], GLUED_NONE)
        for i, info in zip(sorted(arabic), kept):
            infos[i] = info
        return infos, {i for i in joins if i not in arabic and i - 1 not in arabic}

    def _line_repairs(
        self,
        line: str,
        offset: int,
        protected: Sequence[tuple[int, int]] = (),
        lasting: bool = True,
    ) -> list[Repair]:
        """:meth:`find_repairs` of one line without ``\\n``, at ``offset`` in the text
        (``lasting``: see :meth:`_lasting_joins`)."""
        if not line:  # half the lines of a web document are the empty ones between paragraphs
            return []
        self._bound_chunk_memory()
        parts = self._chunks(line)
        infos, joins = self._plan(line, parts)
        changed = _truthy(infos, 0, 0)  # the chunks with repairs inside (field 0: _REPAIRS)
        if not joins and not changed:
            return []
        if _field_or(infos, _FACTS_FIELD) & _FACT_LOOKED:  # Arabic, a given name, «دوست» (few)
            infos, joins = self._unless_arabic(parts, infos, joins)
            infos, joins = self._in_line_context(parts, infos, joins)
            changed = _truthy(infos, 0, 0)
        remove = self.nonjoiner is NonJoiner.REMOVE
        if joins and remove and lasting:
            end = offset + len(line)
            local = [(s - offset, e - offset) for s, e in protected if s <= end and e >= offset]
            if local:
                joins = self._lasting_joins_beside(line, parts, infos, joins, local)
            else:
                joins = self._lasting_joins(infos, joins)
        return self._repairs_of(line, offset, parts, infos, joins, changed)

    def _repairs_of(
        self,
        line: str,
        offset: int,
        parts: list[str],
        infos: list[ChunkInfo],
        joins: set[int],
        changed: list[int],
    ) -> list[Repair]:
        """The repairs of ``line`` (at ``offset``) its planned ``infos`` and ``joins`` make
        (``changed``: the chunks with repairs inside)."""
        repairs: list[Repair] = []
        start = offset  # where chunk k starts, found walking k up to each chunk in turn
        k = 0
        # the chunks with repairs inside, and those joined to the chunk before, in order (no
        # set or list of every chunk: a huge line holds millions)
        for i in _union_sorted(sorted(joins), changed) if joins else changed:
            while k < i:
                start += len(parts[k]) + 1  # the chunk and the space after it
                k += 1
            base = start
            if i in joins:
                repairs.append(Repair(base - 1, base, self._seam(infos[i - 1]), "zwnj.spaced"))
            for first, end, replacement, rule in infos[i][0]:
                repairs.append(Repair(base + first, base + end, replacement, rule))
        if self.nonjoiner is NonJoiner.REMOVE and (
            ZWNJ in line or any(ZWNJ in r.replacement for r in repairs)
        ):
            return _without_written_nonjoiner_zwnjs(line, offset, repairs)
        return repairs

    def _repair_line(self, text: str, lasting: bool = True) -> str:
        """:meth:`repair` of one line without ``\\n`` (``lasting``: see :meth:`_lasting_joins`)."""
        if not text:
            return text
        self._bound_chunk_memory()
        parts = self._chunks(text)
        infos, joins = self._plan(text, parts)
        # one C pass over the fields (_truthy), not any() over map(itemgetter): ~70
        # instructions a chunk less, on every line
        if not joins and not _truthy(infos, 0, 0):
            return text
        if _field_or(infos, _FACTS_FIELD) & _FACT_LOOKED:  # Arabic, a given name, «دوست» (few)
            infos, joins = self._unless_arabic(parts, infos, joins)
            infos, joins = self._in_line_context(parts, infos, joins)
        if self.nonjoiner is NonJoiner.REMOVE:
            if joins and lasting:
                joins = self._lasting_joins(infos, joins)
            return _NONJOINER_ZWNJ_RE.sub("", self._joined(infos, joins))
        return _join_fixed(infos, joins)

    def _joined(self, infos: list[ChunkInfo], joins: set[int]) -> str:
        """The repaired chunks joined by a space, or by :meth:`_seam` before each of ``joins``."""
        out = [infos[0][1]]
        for i in range(1, len(infos)):
            out.append(self._seam(infos[i - 1]) if i in joins else " ")
            out.append(infos[i][1])
        return "".join(out)

    def _lasting_joins(self, infos: list[ChunkInfo], joins: set[int]) -> set[int]:
        """The ``joins`` that last with ``NonJoiner.REMOVE``. A join after a non-joining letter
        writes nothing (:meth:`_seam`): its words become one glued word, and the line loses the
        sign of a writer whose ZWNJs became spaces (``ابزار های``), so a second pass can read the
        line otherwise (``آآ ها: تفالزد`` → ``آآها: تفالزد``, whose glued «تفالزد» a second pass
        splits). Those joins stay only when the repaired line reads as it is written; otherwise
        their words stay apart, as a second pass then leaves them too (repair(repair(x)) ==
        repair(x)). One more reading of the few lines with such a join (``کار ها`` →
        ``کارها``, which stays)."""
        apart = {i for i in joins if not self._seam(infos[i - 1])}
        if not apart:
            return joins
        out = _NONJOINER_ZWNJ_RE.sub("", self._joined(infos, joins))
        if self._repair_line(out, lasting=False) == out:
            return joins
        return joins - apart

    def _lasting_joins_beside(
        self,
        line: str,
        parts: list[str],
        infos: list[ChunkInfo],
        joins: set[int],
        protected: list[tuple[int, int]],
    ) -> set[int]:
        """:meth:`_lasting_joins` of a line holding ``protected`` ranges (line offsets): the
        line is read again as the caller writes it, without the repairs that reach a range, and
        only the second reading's repairs outside them count (a link's glued path, which the
        line's written-apart words kept whole, is split once they are joined: no repair the
        caller makes, on either pass)."""
        apart = {i for i in joins if not self._seam(infos[i - 1])}
        if not apart:
            return joins
        repairs = self._repairs_of(line, 0, parts, infos, joins, _truthy(infos, 0, 0))
        kept = [r for r in repairs if not _touches(r, protected)]
        out = apply_repairs(line, kept)
        moved = [(_moved(s, kept), _moved(e, kept)) for s, e in protected]
        again = self._line_repairs(out, 0, lasting=False)
        if all(_touches(r, moved) for r in again):
            return joins
        return joins - apart

    def _seam(self, before: ChunkInfo) -> str:
        """What a join writes after the chunk ``before``: a ZWNJ, or nothing after a
        non-joining letter when those ZWNJs go (``NonJoiner.REMOVE``: «کار ها» → «کارها», which
        looks the same as «کار‌ها»; a ZWNJ there would go on a second pass)."""
        if self.nonjoiner is NonJoiner.REMOVE and before[1][-1:] not in JOINING:
            return ""
        return ZWNJ


def _shifted(at: int, removed: list[tuple[int, int]]) -> int:
    """Offset ``at`` of a text once the ``removed`` ranges (sorted) are cut out of it."""
    for start, end in removed:
        if start >= at:
            break
        at -= min(end, at) - start
    return at


def _moved(at: int, repairs: list[Repair]) -> int:
    """Offset ``at`` of a text (outside every repair) once ``repairs`` are applied."""
    for r in repairs:
        if r.start >= at:
            break
        at += len(r.replacement) - (r.end - r.start)
    return at


def _touches(r: Repair, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether ``r`` reaches inside or touches the edge of one of ``ranges`` (as fix drops)."""
    return any(r.start <= end and start <= r.end for start, end in ranges)


def _without_written_nonjoiner_zwnjs(line: str, offset: int, repairs: list[Repair]) -> list[Repair]:
    """``repairs`` of ``line`` (at ``offset`` in the text) without the ZWNJs they would leave
    between a non-joining letter and a letter (``NonJoiner.REMOVE``): the engine splits a glued
    ``خانۀها`` as ``خانه‌ها`` and writes its ZWNJ after the ``ۀ``, which a second pass would
    remove. The repaired line is that of :meth:`ZwnjRepairer.repair`, which removes them with
    ``_NONJOINER_ZWNJ_RE`` from its output; a repair left with nothing to change goes."""
    local = [Repair(r.start - offset, r.end - offset, r.replacement, r.rule) for r in repairs]
    out = apply_repairs(line, local)
    found = [m.span() for m in _NONJOINER_ZWNJ_RE.finditer(out)]
    if not found:
        return repairs
    # where each character of ``out`` comes from: (repair index, index in its replacement), or
    # (-1, index in ``line``) for a copied one
    origin: list[tuple[int, int]] = []
    pos = 0
    for i, r in enumerate(local):
        origin.extend((-1, k) for k in range(pos, r.start))
        origin.extend((i, k) for k in range(len(r.replacement)))
        pos = r.end
    origin.extend((-1, k) for k in range(pos, len(line)))
    dropped: dict[int, set[int]] = {}
    copied: list[int] = []
    for start, end in found:
        for at in range(start, end):
            i, k = origin[at]
            if i < 0:
                copied.append(k)
            else:
                dropped.setdefault(i, set()).add(k)
    kept: list[Repair] = []
    for i, r in enumerate(local):
        drop = dropped.get(i)
        if drop:
            text = "".join(ch for k, ch in enumerate(r.replacement) if k not in drop)
            if text == line[r.start : r.end]:
                continue
            r = Repair(r.start, r.end, text, r.rule)
        kept.append(r)
    kept += [Repair(k, k + 1, "", "zwnj.remove.nonjoiner") for k in copied]
    kept.sort(key=lambda r: (r.start, r.end))
    return [Repair(r.start + offset, r.end + offset, r.replacement, r.rule) for r in kept]


def apply_repairs(text: str, repairs: list[Repair]) -> str:
    """Apply sorted, non-overlapping repairs to ``text``.

    >>> apply_repairs("abc", [Repair(1, 1, "-", "x"), Repair(2, 3, "", "y")])
    'a-b'
    """
    parts, pos = [], 0
    for r in repairs:
        parts.append(text[pos : r.start])
        parts.append(r.replacement)
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


@functools.cache
def default_repairer() -> ZwnjRepairer:
    """The repairer with the shipped lexicon and default styles, built once per process."""
    return ZwnjRepairer()


@functools.cache
def shipped_repairer(
    trust: Trust = Trust.LINE, nonjoiner: NonJoiner = NonJoiner.KEEP
) -> ZwnjRepairer:
    """The repairer with the shipped lexicon and these options, built once per process (four at
    most): every one reads :func:`default_repairer`'s lexicon. ``khabar.fix`` makes one Fixer
    per policy; each loaded its own lexicon (~30 MB, ~1 s) when its engine was not the default
    one, so a process fixing under many policies grew by that much per policy.

    >>> shipped_repairer().lexicon is shipped_repairer(Trust.NONE, NonJoiner.REMOVE).lexicon
    True
    """
    if trust is Trust.LINE and nonjoiner is NonJoiner.KEEP:
        return default_repairer()
    return ZwnjRepairer(default_repairer().lexicon, trust=trust, nonjoiner=nonjoiner)
