"""Decisions made by a word's neighbours in its line: :class:`LineContext`.
"""

from __future__ import annotations

from typing import Any, cast

from khabar.text.lexicon import COMPARATIVE_ENDINGS, PLURAL_ENDINGS, PRESENT_PREFIX, ZWNJ, fold
from khabar.text.zwnj.constants import (
    _HAVE_RE,
    _HEH_YE,
    _LIKE,
    _PHRASE_END,
    _PLURAL_EZAFE,
    _PLURAL_FORM_ENDINGS,
    _SUBJUNCTIVE_BEFORE_ALEF,
    AFTER_NOUN_HEH_YE_ODDS,
    AFTER_PLURAL_HEH_YE_ODDS,
    BEFORE_NOUN,
    EZAFE_YE,
    HAVE_FORMS,
    MIN_COMPOUND_PIECE,
    MIN_PLURAL_COUNT,
    MIN_STEM_COUNT,
    NAMED_PLURALS,
    NAMING_PREPOSITIONS,
    NO_ADJECTIVE_AFTER,
    NO_EZAFE_AFTER,
    NO_PLURAL_EZAFE_BEFORE,
    PARTITIVES,
    PERSON_ENDINGS,
    PLURAL_QUANTIFIERS,
    POSSESSOR_PRONOUNS,
    PRONOUN_AFTER_PLURAL_ODDS,
    QUANTITY_ADJECTIVES,
    SINGULAR_AFTER,
    SUBJUNCTIVE_ENDINGS,
    SUBJUNCTIVE_PREFIX,
    SURNAME_TAILS,
    TOKEN_RE,
    VERB_OPENINGS,
    YE_SURNAME_TAILS,
)
from khabar.text.zwnj.joins import PairJoins
from khabar.text.zwnj.records import _FACT_LOOKED, _FACTS_FIELD, GLUED_NONE, GLUED_SURE, ChunkInfo


class LineContext(PairJoins):
    """Decisions a word's neighbours make: «حرفهای» before a noun or at a phrase's end
    (:meth:`_in_context`), a whole word after a preposition, surnames and «دوست» in a
    changed line (:meth:`_in_line_context`).
    """

    def _in_line_context(
        self, parts: list[str], infos: list[ChunkInfo], joins: set[int]
    ) -> tuple[list[ChunkInfo], set[int]]:
        """The plan of a line that changes (chunks ``parts``, planned as ``infos``, ``joins``)
        with what the words around a chunk decide; called for lines holding a chunk noted in
        ``_looked_chunks`` when analysed (its fact bit _FACT_LOOKED finds them).

        * «دوست» before a form of «داشتن» is not joined to the word before it (``ایران دوست
          دارند``, they like Iran, not ``ایران‌دوست``, Iran-loving);
        * the word after a given name (:attr:`Lexicon.given_names`) is a surname: a glued one
          keeps its letters together (``هومن سیدی``, not ``سی‌دی``, CD; ``علیرضا جهانبخش``)
          unless :meth:`_kept_cut` says the cut stays (``علی میرود`` → ``می‌رود``), and it is
          not joined to the name unless the lexicon saw the pair joined (``ناصر سالاری`` stays
          apart, ``علی رغم`` → ``علی‌رغم``), the pair opens a three-word join (``عبدالله بن
          زبیر``) or it makes a surname of the name (``SURNAME_TAILS``: ``حسین زاده`` →
          ``حسین‌زاده``).
        """
        # where those chunks are: their fact bit, in order (the bit is the same at every level,
        # so it holds of the chunks of infos that _unless_arabic replaced too); the set's
        # intersection with the line, then a count and an index per chunk, compared strings
        rows = cast(list[tuple[Any, ...]], infos)
        where = [k for k, row in enumerate(rows) if row[_FACTS_FIELD] & _FACT_LOOKED]
        lex = self.lexicon
        names = lex.given_names
        last = len(parts) - 1
        out = infos
        kept = joins
        for i in where:
            info = infos[i]
            if (
                info[2] == _LIKE
                and i in kept
                and info[3] == _LIKE
                and i < last
                and i + 1 not in kept
                and _HAVE_RE.fullmatch(infos[i + 1][2]) is not None
            ):
                kept = kept - {i}
            name = info[3]
            if i == last or name not in names:
                continue
            after = infos[i + 1]
            tail = after[2]
            if (
                i + 1 in kept
                and i + 2 not in kept
                and tail not in SURNAME_TAILS
                and not lex.joined_count(name, tail)
            ):
                kept = kept - {i + 1}
            if after[0] and not self._kept_cut(parts[i + 1], after[1]):
                if out is infos:
                    out = list(infos)
                out[i + 1] = self._chunk_infos([parts[i + 1]], GLUED_NONE)[0]
        return out, kept

    def _kept_cut(self, chunk: str, fixed: str) -> bool:
        """Whether the cut of the first word of ``chunk`` (repaired: ``fixed``), after a given
        name, stays: the lexicon writes the word so and never glued (``علی‌اکبری``,
        ``رسول‌زاده``, ``علیه‌السلام``; not ``سیدی``, seen glued once, though ``سی‌دی``, CD,
        eight times), or the cut is before a surname tail after a piece in «ی»
        (``واحدی‌پور``, ``باستانی‌نژاد``: :data:`YE_SURNAME_TAILS`), or the cut is at an
        affix no surname starts or ends with: a verbal
        prefix, a plural, a comparative or a personal ending (``می‌رود``, ``کتاب‌ها``,
        ``بزرگ‌ترین``, ``چکانده‌ایم``). Remembered per chunk with the chunk memos."""
        kept = self._kept_cuts.get(chunk)
        if kept is None:
            kept = self._kept_cuts[chunk] = self._decide_kept_cut(fixed)
        return kept

    def _decide_kept_cut(self, fixed: str) -> bool:
        """:meth:`_kept_cut`, not remembered."""
        m = TOKEN_RE.search(fixed)
        if m is None or ZWNJ not in m.group():
            return True
        lex = self.lexicon
        word = m.group()
        pieces = word.split(ZWNJ)
        key = fold(word.replace(ZWNJ, ""))
        if lex.best_form(key) is not None and not lex.glued_count(key):
            return True
        last = pieces[-1]
        if len(pieces) == 2 and last in YE_SURNAME_TAILS and pieces[0][-1:] == EZAFE_YE:
            return True  # «واحدی‌پور», «باستانی‌نژاد»: a surname TRAIN writes so
        return (
            fold(pieces[0]) in lex.verbal_prefixes
            or last in PLURAL_ENDINGS
            or last in COMPARATIVE_ENDINGS
            or last in PERSON_ENDINGS
        )

    def _whole_words_in_context(self, parts: list[str], infos: list[ChunkInfo]) -> list[ChunkInfo]:
        """``infos`` with each chunk holding a glued word the lexicon writes glued
        (``میدانی``) kept whole where the word before it opens a noun phrase: a preposition
        of :data:`BEFORE_NOUN` or a noun that takes the ezafe (the lexicon saw it with a
        plural ending at least ``MIN_PLURAL_COUNT`` times, see :meth:`_takes_ezafe`):
        «بررسی میدانی» (field study) stays, «تو میدانی» (you know) is split in a line whose
        ZWNJs were dropped."""
        out = list(infos)
        chunks = self._whole_word_chunks
        for i in range(1, len(parts)):
            if parts[i] not in chunks:
                continue
            prev = infos[i - 1][3]
            if prev in BEFORE_NOUN or self._takes_ezafe(prev):
                out[i] = self._chunk_infos([parts[i]], GLUED_SURE)[0]
        return out

    def _takes_ezafe(self, word: str) -> bool:
        """Whether ``word`` is a noun that takes the ezafe, by the lexicon's counts: seen with a
        plural ending ``MIN_PLURAL_COUNT`` times (``بررسی``), or itself a plural in ``ها`` or
        ``ات`` of a known word (``تحقیقات``, ``مشاهدات``, ``واقعیتهای``)."""
        lex = self.lexicon
        if lex.plural_count(word) >= MIN_PLURAL_COUNT:
            return True
        for ending in _PLURAL_FORM_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                stem = word[: -len(ending)]
                if max(lex.word_count.get(stem, 0), lex.word_count.get(stem + "ه", 0)) >= (
                    MIN_STEM_COUNT
                ):
                    return True
        return False

    def _in_context(self, infos: list[ChunkInfo], joins: set[int]) -> list[ChunkInfo]:
        """``infos`` with each ambiguous ``های`` word given its closed-context reading
        (:meth:`_ye_readings`) where no ezafe can follow it: before a word of
        :data:`NO_EZAFE_AFTER` or :data:`NO_PLURAL_EZAFE_BEFORE`, before punctuation or a
        finite verb (:meth:`_verb_after`) or at the line's end (``بازیکن حرفهای و`` →
        ``حرفه‌ای``, ``حرفهای او`` → ``حرف‌های``, ``خاطرهای دارید`` → ``خاطره‌ای``, ``حرفهای
        مثل`` → ``حرفه‌ای``, ``حرفهای بیاموزد``: :meth:`_subjunctive_verb`); and each one
        read ``ه`` + ``ای`` in any context given its plural reading where the line makes it a
        plural (:meth:`_plural_in_context`: ``نامهای فاطمه``, ``تمام نامهای``, ``جامهای
        زیادی``, ``به نامهای علی`` → the plural)."""
        out = list(infos)
        last = len(infos) - 1
        for i, info in enumerate(infos):
            other = info[8]
            if other is None:
                plural = self._plural_readings.get(info[1]) if i < last else None
                if plural is not None and self._plural_in_context(infos, i, joins):
                    out[i] = (plural[0], plural[1], *info[2:])
                continue
            if (i + 1) in joins:
                continue
            after = infos[i + 1] if i < last else None
            if (
                after is None
                or after[2] in NO_EZAFE_AFTER
                or after[2] in NO_PLURAL_EZAFE_BEFORE
                or after[1][:1] in _PHRASE_END
                or self._verb_after(infos, i + 1, joins)
                or self._subjunctive_verb(after[2])
                or (i and i not in joins and _word_before(infos, joins, i) in SINGULAR_AFTER)
                or (
                    i
                    and i not in joins
                    and self._adjective_after(_word_before(infos, joins, i), info[2])
                )
                or (
                    i >= 2
                    and not joins.intersection((i - 1, i))
                    and infos[i - 1][1] == "و"
                    and self._coordinated_adjective(_word_before(infos, joins, i - 1), info[2])
                )
            ):
                out[i] = (other[0], other[1], *info[2:])
        return out

    def _plural_in_context(self, infos: list[ChunkInfo], i: int, joins: set[int]) -> bool:
        """Whether the ambiguous glued ``های`` word of chunk ``i`` (not the last), read ``ه`` +
        ``ای`` in any context and with a plural reading kept (:meth:`_note_plural_reading`),
        is the plural in the line planned as ``infos`` with ``joins``.

        Grammar alone makes it the plural after a quantifier (:meth:`_quantifier_before`:
        ``تمام نامهای``, ``یکی از جامهای``) and before an adjective of quantity
        (:data:`QUANTITY_ADJECTIVES`: ``جامهای زیادی``, many cups; ``فرقهای متعددی``, many
        differences): an indefinite ``ه‌ای`` word takes neither. A given name or a pronoun
        after it is its possessor (``نامهای فاطمه``: UD TRAIN, 14 plurals, one ``ه‌ای``
        word; ``نامهای خود`` if the counts allow it, :meth:`_possessor_pronoun_after`),
        unless a number or a determiner of :data:`SINGULAR_AFTER` comes before it (``یک
        نامهای علی نوشت`` keeps ``نامه‌ای``); these need a plural the lexicon saw
        ``MIN_PLURAL_COUNT`` times (not ``دقیق‌های``, «دقیق» is never plural). After «به»
        or «با» «نامهای» names (:meth:`_named_before`: ``به نامهای علی و رضا``)."""
        after = infos[i + 1]
        if (i + 1) not in joins and after[2] in QUANTITY_ADJECTIVES:
            return True
        if self._quantifier_before(infos, i, joins):
            return True
        key = infos[i][2]
        if self.lexicon.plural_count(key[: -len(_PLURAL_EZAFE)]) < MIN_PLURAL_COUNT:
            return False
        return (
            (i + 1) not in joins
            and (
                after[2] in self.lexicon.given_names
                or self._possessor_pronoun_after(key, after[2])
            )
            and not (i and (infos[i - 1][5] or _word_before(infos, joins, i) in SINGULAR_AFTER))
        ) or self._named_before(infos, i, joins)

    @staticmethod
    def _quantifier_before(infos: list[ChunkInfo], i: int, joins: set[int]) -> bool:
        """Whether chunk ``i`` of a line planned as ``infos`` with ``joins`` follows a quantifier
        that takes a plural (:data:`PLURAL_QUANTIFIERS`: ``تمام نامهای``) or a partitive and
        «از» (:data:`PARTITIVES`: ``یکی از نامهای``), neither joined to the next chunk."""
        if not i or i in joins:
            return False
        before = _word_before(infos, joins, i)
        if before in PLURAL_QUANTIFIERS:
            return True
        return (
            before == "از"
            and i >= 2
            and (i - 1) not in joins
            and _word_before(infos, joins, i - 1) in PARTITIVES
        )

    def _named_before(self, infos: list[ChunkInfo], i: int, joins: set[int]) -> bool:
        """Whether chunk ``i`` of a line planned as ``infos`` with ``joins`` is a word of
        :data:`NAMED_PLURALS` right after one of :data:`NAMING_PREPOSITIONS`, in an open
        context: «به نام» and «با نام» name what stands before them, so ``دو نفر به نامهای
        علی و رضا`` (two people named Ali and Reza) and ``با نامهای مستعار`` (under pen
        names) take the plural ``نام‌های``. A closed context after the word (a word of
        :data:`NO_EZAFE_AFTER` or :data:`NO_PLURAL_EZAFE_BEFORE`, punctuation, a finite
        verb: ``به نامهای که`` → ``نامه‌ای``, to a letter that) keeps ``نامه‌ای``; so does
        a chunk joined to either neighbour."""
        if not i or i in joins or (i + 1) in joins or i == len(infos) - 1:
            return False
        if infos[i][2] not in NAMED_PLURALS or _word_before(infos, joins, i) not in NAMING_PREPOSITIONS:
            return False
        after = infos[i + 1]
        return not (
            after[2] in NO_EZAFE_AFTER
            or after[2] in NO_PLURAL_EZAFE_BEFORE
            or after[1][:1] in _PHRASE_END
            or self._verb_after(infos, i + 1, joins)
            or self._subjunctive_verb(after[2])
        )

    def _subjunctive_verb(self, key: str) -> bool:
        """Whether ``key`` (a word's key) is a subjunctive or imperative verb: «ب» and a
        person ending of :data:`SUBJUNCTIVE_ENDINGS` round a present form the lexicon writes
        after «می» and a ZWNJ (``بسازیم`` of ``می‌سازیم``, ``بیاموزد`` of ``می‌آموزد``: see
        :data:`_SUBJUNCTIVE_BEFORE_ALEF`). No ezafe leans on a verb, so a glued ``های`` word
        before one is ``ه`` + ``ای`` (``حرفهای بیاموزد`` → ``حرفه‌ای``, learn a trade;
        ``زمینهای بسازیم``): in UD TRAIN 9 ``Xه‌ای`` words and no plural «X‌های» stand
        before such a verb (439 verb types, 4,121 times; ``نتیجه‌ای برسیم``, ``هدیه‌ای
        بدهند``). ``بدهی`` (a debt) and ``برند`` (a brand) are no such verbs: the second
        person singular is not read, and the lexicon writes no ``می‌رند``."""
        if (
            len(key) < MIN_COMPOUND_PIECE + 1
            or not key.startswith(SUBJUNCTIVE_PREFIX)
            or not key.endswith(SUBJUNCTIVE_ENDINGS)
        ):
            return False
        opening, alef = _SUBJUNCTIVE_BEFORE_ALEF
        rest = alef + key[len(opening) :] if key.startswith(opening) else key[1:]
        form = PRESENT_PREFIX + ZWNJ + rest
        return self.lexicon.forms.get(fold(PRESENT_PREFIX + rest), {}).get(form, 0) > 0

    def _possessor_pronoun_after(self, key: str, after: str) -> bool:
        """Whether ``after`` (the next word's key) is a pronoun of :data:`POSSESSOR_PRONOUNS`
        that makes the ambiguous glued ``های`` word ``key``, read ``ه`` + ``ای`` alone, the
        plural with its ezafe: the lexicon saw the plural ``MIN_PLURAL_COUNT`` times and, times
        ``PRONOUN_AFTER_PLURAL_ODDS``, at least as often as the ``ه‌ای`` word (``نامهای خود``:
        9 × 4 against 19 → ``نام‌های``; ``عدهای من``: ``عده`` never plural → ``عده‌ای``)."""
        if after not in POSSESSOR_PRONOUNS:
            return False
        lex = self.lexicon
        plural_n = lex.plural_count(key[: -len(_PLURAL_EZAFE)])
        heh_ye_n = lex.heh_ye_count(key[: -len(_HEH_YE)])
        return plural_n >= MIN_PLURAL_COUNT and plural_n * PRONOUN_AFTER_PLURAL_ODDS >= heh_ye_n

    @staticmethod
    def _verb_after(infos: list[ChunkInfo], k: int, joins: set[int]) -> bool:
        """Whether chunk ``k`` of a line planned as ``infos`` with ``joins`` opens with a
        finite verb (:data:`HAVE_FORMS`, :data:`VERB_OPENINGS`): a closed context for the
        ambiguous ``های`` word before it. A bare «می» counts only when the verb after it
        joins it (``می گیرند``): alone it may be the month (``روزهای می``)."""
        after = infos[k]
        return (
            after[2] in HAVE_FORMS
            or after[1].startswith(VERB_OPENINGS)
            or (after[6] and after[2] == after[3] and (k + 1) in joins)
        )

    def _coordinated_adjective(self, prev: str, key: str) -> bool:
        """Whether the ambiguous glued ``های`` word ``key`` after «و» is the adjective ``ه`` +
        ``ای`` because the word before «و», ``prev``, is an adjective in ``ی`` (``فنی و
        حرفهای`` → ``حرفه‌ای``, technical and vocational): ``prev`` ends in ``ی`` (not in the
        plural ``های``), and the lexicon's counts pass the test of :meth:`_adjective_after`
        (``زندگی و سالهای``, 113 plurals against 3 ``ساله‌ای``, keeps the plural). In UD TRAIN
        such a word after «Xی و» is the ``ه‌ای`` word 6 times in 7. The ``ه`` word must be a
        lexicon word: an unseen one (:meth:`_unseen_plural_or_heh`) gives no such sign
        (``همگانی و آگاهسازیهای سالیان``, awareness-raising campaigns, is a plural)."""
        if len(prev) < MIN_COMPOUND_PIECE or not prev.endswith("ی") or prev.endswith("های"):
            return False
        if prev in NO_ADJECTIVE_AFTER or prev in BEFORE_NOUN:
            return False
        lex = self.lexicon
        heh = key[: -len(_HEH_YE)]
        if lex.word_count.get(heh, 0) < MIN_STEM_COUNT:
            return False
        plural_n = lex.plural_count(key[: -len(_PLURAL_EZAFE)])
        return (lex.heh_ye_count(heh) + 1) * AFTER_NOUN_HEH_YE_ODDS > plural_n

    def _noun_before(self, prev: str) -> bool:
        """Whether ``prev`` (a word's key) is a noun that takes the ezafe and may have an
        adjective after it: :meth:`_takes_ezafe`, and no preposition, determiner or pronoun
        (:data:`BEFORE_NOUN`, :data:`NO_ADJECTIVE_AFTER`)."""
        return (
            bool(prev)
            and prev not in BEFORE_NOUN
            and prev not in NO_ADJECTIVE_AFTER
            and self._takes_ezafe(prev)
        )

    def _adjective_after(self, prev: str, key: str) -> bool:
        """Whether the ambiguous glued ``های`` word ``key`` (:meth:`_ye_readings`) in an open
        context is the adjective ``ه`` + ``ای`` after the word ``prev``: ``prev`` is a noun
        (:meth:`_noun_before`), the ``ه`` word is a noun too (seen with a plural: adjectives
        in ``ای`` after a noun are made from nouns, ``بیمه`` → ``بیمه‌ای``, while ``یگانه``,
        unique, and ``حامله``, pregnant, make none, so ``قیمت حاملهای انرژی`` stays plural),
        and the lexicon's count of the plural is below
        ``AFTER_NOUN_HEH_YE_ODDS`` times that of the ``ه‌ای`` word plus one, as in a closed
        context (``شرکتهای بیمهای کشور``: 1 and 0; ``باشگاه حرفهای ایران``: 58 and 27);
        ``به حرفهای او`` and ``نشست سالهای`` (185 and 3) keep the plural. After a plural in
        «های» (:meth:`_plural_before`) the odds are ``AFTER_PLURAL_HEH_YE_ODDS`` and the ``ه``
        word need only be a lexicon word (``MIN_STEM_COUNT``), seen plural or not:
        ``قتلهای زنجیرهای`` (``زنجیره`` never seen plural) → ``زنجیره‌ای``; an unseen one gives
        no such sign (``پایگاههای بالگردهای``, helicopters' bases, stays plural)."""
        if not self._noun_before(prev):
            return False
        lex = self.lexicon
        heh = key[: -len(_HEH_YE)]
        odds = AFTER_NOUN_HEH_YE_ODDS
        if self._plural_before(prev) and lex.word_count.get(heh, 0) >= MIN_STEM_COUNT:
            odds = AFTER_PLURAL_HEH_YE_ODDS  # «قتلهای زنجیرهای»; not «پایگاههای بالگردهای»
        elif not lex.plural_count(heh):
            return False
        plural_n = lex.plural_count(key[: -len(_PLURAL_EZAFE)])
        return (lex.heh_ye_count(heh) + 1) * odds > plural_n

    def _plural_before(self, prev: str) -> bool:
        """Whether ``prev`` (a word's key) is a plural in «های» of a word the lexicon knows
        (``قتلهای``, ``فعالیتهای``): a plural with its ezafe, after which an adjective in
        ``ه‌ای`` is far likelier than a second plural (:data:`AFTER_PLURAL_HEH_YE_ODDS`)."""
        if not prev.endswith(_PLURAL_EZAFE) or len(prev) <= len(_PLURAL_EZAFE) + 1:
            return False
        stem = prev[: -len(_PLURAL_EZAFE)]
        counts = self.lexicon.word_count
        return max(counts.get(stem, 0), counts.get(stem + "ه", 0)) >= MIN_STEM_COUNT


def _word_before(infos: list[ChunkInfo], joins: set[int], i: int) -> str:
    """The key of the word before chunk ``i`` (``i >= 1``) of a line planned as ``infos``, as
    the line reads once ``joins`` are made: the closing word of chunk ``i - 1``, with the
    words before it that join it (``باران های منظرهای``: «بارانهای», not «های»). Read as the
    bare chunk, the context of «منظرهای» after a joined plural was another on a second pass,
    which reads «باران‌های» (``zwnj_trust="none"``: the glued word was split then, fix was not
    idempotent; fuzz, session 20).

    >>> rows = [("", "باران", "باران", "باران"), ("", "های", "های", "های"), ("", "x", "x", "x")]
    >>> _word_before(rows, {1}, 2), _word_before(rows, set(), 2), _word_before(rows, {1}, 1)
    ('بارانهای', 'های', 'باران')
    """
    k = i - 1
    key: str = infos[k][3]
    while k in joins and infos[k][2] == infos[k][3] and k >= 1:
        k -= 1
        key = infos[k][3] + key
    return key
