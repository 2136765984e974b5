"""The analysis of a line's chunks, memoised: :class:`ChunkAnalysis`.
"""

from __future__ import annotations

from typing import Any

from khabar.text.lexicon import JOINING, ZWNJ, fold
from khabar.text.zwnj.constants import (
    _AN_PLURALS,
    _ARABIC_KEYS,
    _COPULA_AFTER_PARTICIPLE,
    _HEH_YE,
    _LIKE,
    _PHRASE_END,
    _PLURAL_EZAFE,
    _ZWNJ_RUN_RE,
    CLOSED_HEH_YE_ODDS,
    GLUED_LINE_WEIGHT,
    LONG_LINE_CHARS,
    MIN_COMPOUND_PIECE,
    MIN_PLURAL_COUNT,
    MIN_STEM_COUNT,
    MIN_SUFFIX_SHARE,
    MIN_UNKNOWN_STEM,
    PARTICIPLE_OPEN_PLURAL_ODDS,
    SPACED_PLURALS,
    TOKEN_RE,
    WAW,
    WHOLE_WORD_COUNT,
    WHOLE_WORD_SHARE,
)
from khabar.text.zwnj.records import (
    _FACT_ARABIC,
    _FACT_LOOKED,
    _FACT_NOTED,
    _FACT_PREFIX_LAST,
    _FACT_SPACED_PLURAL,
    _FACT_STRAY_INSIDE,
    GLUED_ALL,
    GLUED_PREFIX,
    ChunkInfo,
)
from khabar.text.zwnj.stray import StrayZwnj
from khabar.text.zwnj.twins import _FOLD_CHARS, _lookup, _split_known, _word_kind
from khabar.text.zwnj.words import _apply_tuples, _chunks_of, _run_start


class ChunkAnalysis(StrayZwnj):
    """Analyses each space-separated chunk of a line once per glued level into a
    :data:`~khabar.text.zwnj.records.ChunkInfo` (memoised), noting the facts a line asks
    of its chunks (another reading of «های», a whole word, an Arabic opener ...).
    """

    # ---- chunks between spaces ---------------------------------------------------------------

    def _bound_chunk_memory(self) -> None:
        """Forget everything known about chunks once a chunk memo holds ``chunk_limit`` of
        them: the memos, the sets of chunk facts (``_whole_word_chunks``, ...) and the kept
        cuts together, and only between lines, so no line sees a chunk's memo without its
        facts. Each fact is a function of its chunk, found again when the chunk is next
        analysed, so the output does not change; without this the sets grew with every new
        word of a long stream.
        """
        limit = self.chunk_limit
        for memo in self._chunk_memos:  # a loop, not any(): this runs once per line
            if len(memo) > limit:
                break
        else:
            if len(self._chunk_table[1]) <= limit:
                return
        for memo in self._chunk_memos:
            memo.clear()
        self._chunk_table = (bytearray(), [])  # a new pair: its table indexes its own list
        for facts in self._chunk_facts:
            facts.clear()
        self._kept_cuts.clear()
        self._plural_readings.clear()

    def _chunks(self, line: str) -> list[str]:
        """``line.split(" ")`` (:func:`_chunks_of`), each chunk seen before as the str kept of
        it (``_chunk_table``): a cold text's chunks are mostly words seen before, which then
        cost no new str and no hash in the memo look-ups that follow (one C scan of the line;
        a line longer than ``LONG_LINE_CHARS`` is split by :func:`_chunks_of`, which shares
        its repeats alike)."""
        if len(line) > LONG_LINE_CHARS:
            return _chunks_of(line)
        slots, kept = self._chunk_table
        return _split_known(line, slots, kept)

    def _chunk_infos(self, parts: list[str], level: int) -> list[ChunkInfo]:
        """What is known about each space-separated chunk; one memo look-up per chunk."""
        memo = self._chunk_memos[level]
        infos, new = _lookup(memo, parts)  # a ChunkInfo is a non-empty tuple; a new chunk None
        if new:
            # the count says how many new chunks to find: the scan stops after the last one
            # (compiled, an identity test a chunk; list.index compared each ChunkInfo with None
            # through rich comparison, ~50 instructions a chunk)
            i = 0
            for _ in range(new):
                while infos[i] is not None:
                    i += 1
                # a chunk new to the memo but seen earlier in this line was analysed there:
                # its ChunkInfo is shared, not made again (a huge line repeats its new words:
                # one of 1 MB, cold, made 5 tuples for each of its distinct chunks)
                info: Any = memo.get(parts[i])
                if info is None:
                    # one boxed tuple for the line and the memo (boxed once into ``fresh``:
                    # compiled code boxed the ChunkInfo again for each target it was given to)
                    fresh: Any = self._analyse_chunk(parts[i], level)
                    memo[parts[i]] = fresh
                    info = fresh
                infos[i] = info
                i += 1
        return infos  # type: ignore[return-value]

    def _analyse_chunk(self, chunk: str, level: int = GLUED_ALL) -> ChunkInfo:
        """Glued and stray-ZWNJ repairs inside ``chunk`` (a text piece without spaces).

        Returns (repairs relative to the chunk, repaired chunk, key of the word that opens the
        chunk if it opens with one, key of the word that closes it likewise, whether the
        opening word may join the word before it, whether the chunk ends in a digit).
        """
        kind = _word_kind(chunk, _FOLD_CHARS)  # one word of letters (most chunks): 1 or 2
        if kind:
            return self._analyse_word(chunk, level, chunk if kind == 1 else fold(chunk))
        return self._analyse_mixed(chunk, level)

    def _analyse_mixed(self, chunk: str, level: int) -> ChunkInfo:
        """:meth:`_analyse_chunk` of any chunk: words, ZWNJs, digits, punctuation, Latin."""
        repairs: list[tuple[int, int, str, str]] = []
        # the starts of the ZWNJ runs a word's stray ZWNJs (_stray_inside) remove
        gone: set[int] = set()
        first_key = last_key = ""
        last_end = -1
        glued_weight = 0
        other = None
        lead = len(chunk) - len(chunk.lstrip(ZWNJ))
        for m in TOKEN_RE.finditer(chunk):
            tok = m.group()
            key = fold(tok.replace(ZWNJ, "") if ZWNJ in tok else tok)
            if m.start() == lead:  # after stray ZWNJs, which go: «پرتاب ‌ها» joins too
                first_key = key
            last_key, last_end = key, m.end()
            if ZWNJ in tok:
                if self._stray_inside(chunk, m.start(), m.end(), key):
                    for run in _ZWNJ_RUN_RE.finditer(tok):
                        start = m.start() + run.start()
                        gone.add(start)
                        repairs.append((start, m.start() + run.end(), "", "zwnj.remove.inside"))
            elif level:
                seams = self.glued_words._glued(tok, key)
                prefix_seams = self.glued_words._prefix_seams(tok, seams)
                if prefix_seams and self._is_whole_word(key):
                    self._note(self._whole_word_chunks, chunk)  # no weight: a word, maybe no damage
                    if level != GLUED_ALL:
                        seams = prefix_seams = ()
                elif seams:
                    glued_weight += GLUED_LINE_WEIGHT if prefix_seams else 1
                if level == GLUED_PREFIX:
                    seams = prefix_seams + self._participle_seam(tok, seams)
                else:
                    seams, closed = self._ye_readings(tok, seams)
                    if chunk[m.end() : m.end() + 1] in _PHRASE_END:  # «حرفهای،» → «حرفه‌ای،»
                        seams = closed
                    elif len(tok) == len(chunk) and closed != seams:  # one word, as in
                        alt = tuple((k, k, ZWNJ, "zwnj.glued") for k in closed)  # _analyse_word
                        other = (alt, _apply_tuples(chunk, list(alt)))
                        self._note_other_reading(chunk)
                repairs.extend((m.start() + k, m.start() + k, ZWNJ, "zwnj.glued") for k in seams)
        if last_end < 0 or chunk[last_end:].strip(ZWNJ):
            last_key = ""  # the chunk does not end with a word: «کتاب،»
        if ZWNJ in chunk:
            repairs.extend(
                (r.start, r.end, r.replacement, r.rule)
                for r in self._stray_repairs(chunk)
                if not gone or _run_start(chunk, r.start) not in gone
            )
        repairs.sort()
        fixed = _apply_tuples(chunk, repairs) if repairs else chunk
        joinable: bool | frozenset[str] = False
        if first_key:
            joinable = self._joinable_right.get(first_key, False)
        self._note_looked(chunk, first_key, last_key)
        ends_digit = chunk[-1:].isdigit()
        last_is_prefix = self._closes_with_prefix(chunk, last_key)
        facts = self._chunk_fact_bits(chunk, first_key, last_is_prefix)
        if gone:
            self._stray_inside_chunks.add(chunk)
        return (
            tuple(repairs),
            fixed,
            first_key,
            last_key,
            joinable,
            ends_digit,
            last_is_prefix,
            glued_weight,
            other,
            facts | _FACT_STRAY_INSIDE if gone else facts,
        )

    def _analyse_word(self, word: str, level: int, key: str | None = None) -> ChunkInfo:
        """:meth:`_analyse_chunk` of a chunk that is one word of letters only (most chunks);
        ``key`` is ``fold(word)`` if the caller knows it."""
        if key is None:
            key = fold(word)
        self._note_looked(word, key, key)
        glued_weight = 0
        repairs: tuple[tuple[int, int, str, str], ...] = ()
        fixed = word
        other = None
        plural_of: tuple[int, ...] | None = None
        if level:
            seams = self.glued_words._glued(word, key)
            if seams:
                prefix_seams = self.glued_words._prefix_seams(word, seams)
                if prefix_seams and self._is_whole_word(key):
                    self._note(self._whole_word_chunks, word)  # no weight: a word, maybe no damage
                    if level != GLUED_ALL:
                        seams = ()
                else:
                    glued_weight = GLUED_LINE_WEIGHT if prefix_seams else 1
                    if level == GLUED_PREFIX:
                        seams = prefix_seams + self._participle_seam(word, seams)
            # with no seam too: a plural after a letter that never joins (خاطر|های) shows none
            if level != GLUED_PREFIX and key.endswith(_PLURAL_EZAFE):
                found = seams
                seams, closed = self._ye_readings(word, seams)
                if closed != seams:
                    alt = tuple((k, k, ZWNJ, "zwnj.glued") for k in closed)
                    other = (alt, _apply_tuples(word, list(alt)))
                    self._note_other_reading(word)
                elif seams and seams[-1] == len(word) - len(_HEH_YE):
                    plural_of = found  # its plural reading is kept once ``fixed`` is known
            if seams:  # ascending, as _analyse_chunk's sort leaves them
                repairs = tuple((k, k, ZWNJ, "zwnj.glued") for k in seams)
                fixed = _apply_tuples(word, list(repairs))
                if plural_of is not None:
                    self._note_plural_reading(word, plural_of, fixed)
        last_is_prefix = self._closes_with_prefix(word, key)
        return (
            repairs,
            fixed,
            key,
            key,
            self._joinable_right.get(key, False) if key else False,  # «ـ» folds to ""
            word[-1].isdigit(),
            last_is_prefix,
            glued_weight,
            other,
            self._chunk_fact_bits(word, key, last_is_prefix),
        )

    def _ye_readings(
        self, tok: str, seams: tuple[int, ...]
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The seams of ``tok`` in an open and in a closed context (see NO_EZAFE_AFTER).

        A glued word ending in ``های`` whose ``ه`` + ``ای`` reading is a word too
        (``بنده`` of ``بندهای``) gets both readings weighed: the lexicon's count of the plural
        (:meth:`~khabar.text.lexicon.Lexicon.plural_count`, ``بند‌ها``, ``بندهای``...) against
        its count of ``بنده‌ای``: in an open context the plural needs as many (and
        ``MIN_PLURAL_COUNT``; a participle's ``ه‌ای``, a verb, ``PARTICIPLE_OPEN_PLURAL_ODDS``
        times fewer: ``کردهای ترکیه``), in a closed one the ``ه‌ای`` count plus one, times
        ``CLOSED_HEH_YE_ODDS``, must not fall below the plural's. ``بندهای قانونی`` (5 plural,
        5 ``بنده‌ای``) is clauses,
        ``حرفهای،`` (55, 27) is ``حرفه‌ای``. Any other word gets ``(seams, seams)``.
        """
        readings = self._plural_and_heh_ye(tok, seams)
        if readings is None:
            return seams, seams
        plural, heh_ye = readings
        lex = self.lexicon
        n = len(tok)
        plural_n = lex.plural_count(fold(tok[: n - len(_PLURAL_EZAFE)]))
        heh_key = fold(tok[: n - len(_HEH_YE)])
        heh_ye_n = lex.heh_ye_count(heh_key)
        opened = seams  # the lexicon's or the segmenter's reading of the word alone
        odds = PARTICIPLE_OPEN_PLURAL_ODDS if heh_key in self._participles else 1.0
        if plural_n >= MIN_PLURAL_COUNT and plural_n * odds >= heh_ye_n:
            opened = plural
        elif not seams and heh_ye_n > plural_n:  # no reading shown: the counts decide
            opened = heh_ye
        elif not plural_n and self._plural_in_an(fold(tok[: n - len(_PLURAL_EZAFE)])):
            opened = heh_ye  # «دوستانهای» is «دوستانه‌ای»: a plural is not made plural again
        closed = heh_ye if (heh_ye_n + 1) * CLOSED_HEH_YE_ODDS > plural_n else plural
        return opened, closed

    def _plural_in_an(self, word: str) -> bool:
        """Whether ``word`` (a key) is a plural in «ان» of a word the lexicon knows
        (``MIN_STEM_COUNT`` times, ``MIN_COMPOUND_PIECE`` letters or more; see
        :data:`_AN_PLURALS`): ``دوستان``, ``دانشجویان``, ``نمایندگان``. ``زمان`` (``زم``)
        is not one. A glued ``های`` word on such a stem is no plural of a plural
        (:meth:`_ye_readings`: ``دوستانهای`` is ``دوستانه‌ای``).

        Such a plural is no sign of an adjective after it, as a noun that takes the ezafe is
        (:meth:`_noun_before`): it is often a subject before its object (``کارشناسان
        حرفهای زیادی زدند``: the experts said many words), and ``دیگران``, ``همگان`` read
        as plurals too."""
        counts = self.lexicon.word_count
        for ending, singular_end in _AN_PLURALS:
            if word.endswith(ending):
                stem = word[: -len(ending)] + singular_end
                if len(stem) >= MIN_COMPOUND_PIECE and counts.get(stem, 0) >= MIN_STEM_COUNT:
                    return True
        return False

    def _plural_and_heh_ye(
        self, tok: str, seams: tuple[int, ...]
    ) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """The seams of ``tok`` read as the plural ``های`` and as ``ه`` + ``ای``, when
        ``seams`` end with one of them, or are empty because the plural follows a letter that
        never joins (``خاطرهای``, ``گزیدهای``), and the other is a word as well; else None.

        The ``ه`` word must be known (``حرفه``) and take ``ای`` after a ZWNJ (the learned
        share), so ``کتابهای`` (no ``کتابه``) has no other reading; the plural's stem must
        be a known word (``بند`` of ``بندهای``). A word the engine cut as a plural, or left
        glued as one after a letter that never joins (not «و»), whose stem and ``ه`` word are
        both unseen (:meth:`_unseen_plural_or_heh`: ``جرعهای``, ``جبیرهای``) gets both
        readings too, for its context to choose.
        """
        n = len(tok)
        if not tok.endswith(_PLURAL_EZAFE):
            return None
        plural_cut, heh_cut = n - len(_PLURAL_EZAFE), n - len(_HEH_YE)
        if not seams:
            # glued as a plural after a letter that never joins the next (خاطرهای: خاطر + های,
            # or خاطره + ای); the plural's stem must be a known word
            if plural_cut < MIN_UNKNOWN_STEM or tok[plural_cut - 1] in JOINING:
                return None
        elif seams[-1] not in (plural_cut, heh_cut):
            return None
        head = seams[:-1]
        stem = fold(tok[:plural_cut])
        heh = fold(tok[:heh_cut])
        lex = self.lexicon
        if (
            (seams[-1] == plural_cut if seams else tok[plural_cut - 1] != WAW)
            and self._unseen_plural_or_heh(stem, heh)
        ):
            # «جرعهای»: جرع‌های or جرعه‌ای, neither seen; «جبیرهای»: the plural of «جبیر»
            # (no ZWNJ after «ر») or جبیره‌ای. Not after «و»: an unseen word in «و» is a
            # loanword (سناریوهای, استودیوهای), and a silent «ه» after «و» is rare (نحوه)
            return seams, head + (heh_cut,)
        if (
            len(heh) != heh_cut  # the fold dropped a mark: offsets would move
            or lex.word_count.get(heh, 0) < MIN_STEM_COUNT
            or self.glued_words._spoken_heh(heh)  # «گروهای» has no «گروه» + «ای» reading
            or lex.suffix_share(_HEH_YE, heh) < MIN_SUFFIX_SHARE
            or (
                (not seams or seams[-1] == heh_cut) and lex.word_count.get(stem, 0) < MIN_STEM_COUNT
            )
        ):
            return None
        # after a letter that never joins the next (بند, مرد) the plural is written with no
        # ZWNJ, as everywhere else in the engine (دردهای)
        plural = head + (plural_cut,) if tok[plural_cut - 1] in JOINING else head
        return plural, head + (heh_cut,)

    def _unseen_plural_or_heh(self, stem: str, heh: str) -> bool:
        """Whether a glued word the engine cut as the plural ``stem`` + ``های`` may as well be
        ``heh`` (``stem`` + ``ه``) + ``ای``, because the lexicon knows neither reading well:
        neither ``stem`` nor ``heh`` was seen as a word ``MIN_STEM_COUNT`` times, and ``stem``
        never beside a ZWNJ (``جرعهای``: «جرع» 0, «جرعه» 0; ``ساچمهای``: «ساچمه» once
        before a ZWNJ; ``مضحکهای``: «مضحک» once; ``البسهای``), ``heh``'s «ه» may be silent
        (:meth:`_spoken_heh`: not after «ا»), and ``ای`` after such an ending takes the ZWNJ
        (the learned share). The two readings are then weighed by context alone
        (:meth:`_ye_readings`: no counts, so an open context keeps the plural and a closed one
        takes ``ه`` + ``ای``, about 100 to 1 in UD TRAIN). A stem seen twice is decided as
        before: ``سناریوهای``, ``دربانهای`` and ``لوحهای`` («لوح» 5) stay plurals. So does a
        stem the web writes as a word (:attr:`Lexicon.web_glued`) whose ``ه`` word it does
        not: ``خرچنگهای``, ``سهامدارهای``, ``پابندهای به`` (crab, shareholder, devotee; no
        «خرچنگه»), alone or in a closed context."""
        lex = self.lexicon
        return (
            len(stem) >= MIN_UNKNOWN_STEM
            and len(heh) == len(stem) + 1  # the fold dropped no mark
            and lex.word_count.get(stem, 0) < MIN_STEM_COUNT
            and stem not in lex.left_count
            and stem not in lex.after_word_count
            and lex.word_count.get(heh, 0) < MIN_STEM_COUNT
            and not self.glued_words._spoken_heh(heh)
            and lex.suffix_share(_HEH_YE, heh) >= MIN_SUFFIX_SHARE
            and (stem not in lex.web_glued or heh in lex.web_glued)
        )

    def _is_whole_word(self, key: str) -> bool:
        """Whether the lexicon writes ``key`` glued often enough to be a word as it stands:
        ``WHOLE_WORD_COUNT`` times, and more than ``WHOLE_WORD_SHARE`` of its preferred split
        spelling (``میدانی`` 4 vs ``می‌دانی`` 6: yes; ``میدهد`` 3 vs ``می‌دهد`` 322: no)."""
        forms = self.lexicon.forms.get(key)
        if not forms:
            return False
        glued = forms.get(key, 0)
        if glued < WHOLE_WORD_COUNT:
            return False
        split = max((n for form, n in forms.items() if form != key), default=0)
        return glued > WHOLE_WORD_SHARE * split

    def _has_whole_word(self, parts: list[str]) -> bool:
        """Whether a chunk of ``parts`` holds a glued word the lexicon writes glued."""
        chunks = self._whole_word_chunks
        return bool(chunks) and not chunks.isdisjoint(parts)

    def _closes_with_prefix(self, chunk: str, key: str) -> bool:
        """Whether ``key``, the key of the word closing ``chunk``, is a verbal prefix
        (``می``); such chunks are noted (``_noted_chunks``) for :meth:`_joins_of`."""
        if key in self.lexicon.verbal_prefixes:
            self._noted_chunks.add(chunk)
            return True
        return False

    def _has_other_reading(self, parts: list[str]) -> bool:
        """Whether a chunk of ``parts`` has another reading that its next word decides."""
        chunks = self._other_reading_chunks
        return bool(chunks) and not chunks.isdisjoint(parts)

    def _note(self, facts: set[str], chunk: str) -> None:
        """Note ``chunk`` in the set of chunk ``facts`` and in ``_noted_chunks``."""
        facts.add(chunk)
        self._noted_chunks.add(chunk)

    def _note_looked(self, chunk: str, first_key: str, last_key: str) -> None:
        """Note ``chunk`` (its first and last words' keys) in ``_looked_chunks`` when a changed
        line must look at it in context: it opens with an Arabic word (:meth:`_unless_arabic`;
        a chunk fact too), opens with «دوست» or closes with a given name
        (:meth:`_in_line_context`)."""
        if first_key in _ARABIC_KEYS:
            self._note(self._arabic_chunks, chunk)
            self._looked_chunks.add(chunk)
        if first_key == _LIKE or last_key in self.lexicon.given_names:
            self._looked_chunks.add(chunk)

    def _chunk_fact_bits(self, chunk: str, first_key: str, last_is_prefix: bool) -> int:
        """The fact bits of ``chunk`` (ChunkInfo field 9), at the end of its analysis (its
        opening word's key ``first_key``, whether it closes with a verbal prefix
        ``last_is_prefix``): _FACT_NOTED, _FACT_LOOKED and _FACT_ARABIC say whether it is in
        ``_noted_chunks``, ``_looked_chunks`` and ``_arabic_chunks``, so a line asks its chunks
        once (one :func:`_field_or`) instead of testing them against each set.

        The sets are forgotten only with the chunk memos, and hold nothing but chunks noted by
        an analysis: a ChunkInfo's bits stay true of its chunk as long as the memo holds it.
        _FACT_LOOKED and _FACT_ARABIC are the same at every level (their facts are of the
        chunk's keys). An analysis
        at GLUED_ALL notes whatever an analysis of the chunk at another level notes (GLUED_NONE
        and GLUED_PREFIX note no other reading, GLUED_SURE differs from it only for a whole
        word, which every level but GLUED_NONE notes), so a GLUED_ALL info's _FACT_NOTED says
        what the set says at any later time: :meth:`_plan` reads it from GLUED_ALL infos only.
        """
        facts = _FACT_PREFIX_LAST if last_is_prefix else 0
        if first_key in SPACED_PLURALS:
            facts |= _FACT_SPACED_PLURAL
        if chunk in self._noted_chunks:
            facts |= _FACT_NOTED
        if chunk in self._looked_chunks:
            facts |= _FACT_LOOKED
        if chunk in self._arabic_chunks:
            facts |= _FACT_ARABIC
        return facts

    def _note_other_reading(self, chunk: str) -> None:
        # Forgotten only with the chunk memos (_bound_chunk_memory, between lines): a line whose
        # chunk info still carries its other reading must find the chunk here. Each entry is a
        # word whose «ه» reading is a lexicon word (حرفه → حرفهای).
        self._note(self._other_reading_chunks, chunk)

    def _note_plural_reading(self, word: str, seams: tuple[int, ...], fixed: str) -> None:
        """Keep the plural reading of ``word``, an ambiguous ``های`` word read as ``ه`` +
        ``ای`` in any context (``نامهای``: «نامه‌ای» 19, «نام‌های» 8), for :meth:`_in_context`
        to take in a context that makes it a plural (:meth:`_plural_in_context`, which asks
        the lexicon's plural count where the context alone does not decide)."""
        readings = self._plural_and_heh_ye(word, seams)
        if readings is None:
            return
        alt = tuple((k, k, ZWNJ, "zwnj.glued") for k in readings[0])
        self._plural_readings[fixed] = (alt, _apply_tuples(word, list(alt)))
        self._note_other_reading(word)

    def _participle_seam(self, tok: str, seams: tuple[int, ...]) -> tuple[int, ...]:
        """The last seam of ``seams`` if it parts a past participle from a form of «بودن»
        (:data:`_COPULA_AFTER_PARTICIPLE`: ``رفته|اند``, ``میساخته|است`` after its prefix's
        seam), else none. A line whose ZWNJs became spaces keeps its glued nouns (see
        :class:`Trust`), but no writer glues these: the participle's «ه» would join the
        ending's «ا» (``کتاب ها را خواندهاند`` → ``خوانده‌اند``). Asked only at
        ``GLUED_PREFIX``, of words with a seam."""
        if not seams:
            return ()
        k = seams[-1]
        if tok[k:] not in _COPULA_AFTER_PARTICIPLE or tok[k - 1 : k] != "ه":
            return ()
        start = seams[-2] if len(seams) > 1 else 0
        return (k,) if fold(tok[start:k]) in self._participles else ()
