"""Which spaced words of a line become one: :class:`PairJoins`.
"""

from __future__ import annotations

from itertools import compress
from typing import Any, cast

from khabar.text.lexicon import COMPARATIVE_ENDINGS, PLURAL_ENDINGS, ZWNJ, zwnj_offsets
from khabar.text.zwnj.chunks import ChunkAnalysis
from khabar.text.zwnj.constants import (
    _PAST_STEM_LAST,
    _SEAM_AFTER_RE,
    _TIE_PREPOSITIONS,
    _VERB_ENDING_RE,
    ALEF_HAMZA,
    BEFORE_NOUN,
    CACHE_LIMIT,
    CLITICS_NEVER_ALONE,
    EZAFE_YE,
    JOIN_MARGIN,
    LETTER_NAMES,
    MIN_COMPOUND_PIECE,
    MIN_COMPOUND_WORD_COUNT,
    MIN_PIECE,
    MIN_PLURAL_COUNT,
    MIN_STRONG_SHARE,
    MIN_SUFFIX_SHARE,
    MONTH_MAY,
    NO_ADJECTIVE_AFTER,
    NOT_AFTER_WITHOUT,
    PARTICIPLE_AUX,
    PARTICIPLE_CLAUSE,
    PATRONYMICS,
    PERSON_ENDINGS,
    PHRASE_BEFORE_HABIT,
    PHRASE_BEFORE_LIFT,
    SPACED_COMPOUND_JOINS,
    SPACED_LINE_JOIN_MARGIN,
    SPACED_PLURALS,
    SURNAME_TAILS,
    VOWEL_YE,
    WITHOUT,
)
from khabar.text.zwnj.options import Spaced
from khabar.text.zwnj.records import (
    _FACT_PREFIX_LAST,
    _FACT_SPACED_PLURAL,
    _FACTS_FIELD,
    _NO_CHUNKS,
    _PREFIX_LAST,
    JOIN_ANY,
    JOIN_NO,
    JOIN_SPACED_LINE,
    ChunkInfo,
)
from khabar.text.zwnj.twins import _field_or, _members, _truthy
from khabar.text.zwnj.words import (
    _ends_in_silent_heh,
    _may_be_day,
    _union_sorted,
    _vocalised_pair,
)


class PairJoins(ChunkAnalysis):
    """Decides which spaced pairs of a line become one word (:meth:`_joins_of` over a line,
    :meth:`_decide_join` per pair, memoised): spaced affixes, compounds, three-word
    forms, the month «می» after a number, and the line's own joins given back.
    """

    def _spaced_compounds(self, infos: list[ChunkInfo], sure: set[int]) -> bool:
        """Whether a line with no spaced «می» or plural (chunks planned as ``infos``) still
        reads as one whose ZWNJs became spaces: ``SPACED_COMPOUND_JOINS`` of its sure joins
        ``sure`` join two words the lexicon writes as one (``آب بازی``, ``قابل توجه``), not a
        bound suffix, a personal ending or the ezafe «ی», which authors write apart on purpose
        (``بین المللی``, ``کرده اند``, ``همه ی``). Its pairs the lexicon writes joined about as
        often as apart then join too (``رئیس جمهور``, ``هیئت مدیره``)."""
        if len(sure) < SPACED_COMPOUND_JOINS:
            return False
        bound = self.lexicon.bound_suffixes
        compounds = 0
        for i in sure:
            b = infos[i][2]
            if b not in bound and b not in PERSON_ENDINGS and b != EZAFE_YE:
                compounds += 1
        return compounds >= SPACED_COMPOUND_JOINS

    def _may_join_affix(self, facts: int) -> bool:
        """Whether :meth:`_joins_of` could find a join of a bare affix in a line whose chunks'
        fact bits or to ``facts``: it needs a chunk closing with a verbal prefix (``می
        خواهند``) or one opening with a spaced plural (``کتاب ها``). One bit test, instead of
        looking at every pair of the line."""
        return bool(facts & (_FACT_PREFIX_LAST | _FACT_SPACED_PLURAL))

    def _joins_of(
        self,
        parts: list[str],
        infos: list[ChunkInfo],
        *,
        affixes_only: bool = False,
        need: int = JOIN_ANY,
        without: bool = False,
    ) -> tuple[set[int], set[int], bool]:
        """Indices i whose space before them becomes a ZWNJ (``کتاب ها`` → ``کتاب‌ها``), and
        the subset that joins a bare verbal prefix to its verb (``می خواهند``) or a bare plural
        (``کتاب ها``): the signs of a line whose ZWNJs became spaces (see :class:`Trust`).

        Other suffixes are no such sign: authors write ``خانواده اش`` and ``بین المللی`` apart
        on purpose, never ``می`` before a verb (PerDT: 99.9% of می-verbs have their ZWNJ).
        ``affixes_only`` looks at those joins alone (a line that writes ZWNJs, see
        :meth:`_plan`), which skips the look-ups of every other pair.

        ``need`` is how sure a join must be (``JOIN_ANY``, or ``JOIN_SPACED_LINE`` in a line
        whose ZWNJs became spaces); the third value says whether a join needed the lower level
        (without one, the joins are those of ``JOIN_ANY``). ``without`` says whether a chunk but the
        last is a bare «بی» (:func:`_has_bare_without` of the line): only then are the chunks
        after one looked at.
        """
        if self.spaced is not Spaced.JOIN:
            return set(), set(), False
        weak = False
        affixes: set[int] = set()
        joins: set[int] = set()
        chain = ""  # key of the words joined so far, ending in chunk i - 1
        triples = self._triples
        # two cheap scans: chunks opening with a word that can join, chunks after «می»
        # (the first chunk joins nothing before it: from 1)
        if affixes_only:
            candidates = _members(infos, 2, SPACED_PLURALS, 1)  # field 2: the opening key
        else:
            candidates = _truthy(infos, 4, 1)  # field 4: _JOINABLE
        # k + 1 for each chunk k but the last whose closing word is «می»-like
        if _field_or(infos, _FACTS_FIELD) & _FACT_PREFIX_LAST:
            after_prefix = list(compress(range(1, len(infos)), map(_PREFIX_LAST, infos)))
            if after_prefix:
                candidates = _union_sorted(candidates, after_prefix)
        after_without = _NO_CHUNKS
        if without and not affixes_only:
            # k + 1 for each bare «بی» but the last chunk and one after a letter name: «بی
            # دقت», not «بی بی سی» (one list scan)
            without_next = [
                k + 1
                for k in range(len(parts) - 1)
                if parts[k] == WITHOUT and (not k or parts[k - 1] not in LETTER_NAMES)
            ]
            after_without = frozenset(without_next)
            candidates = _union_sorted(candidates, without_next)
        # the same rows, typed loosely (tuples of any length): compiled code reads the few
        # fields the test below needs without unpacking all ten of each row
        rows = cast(list[tuple[Any, ...]], infos)
        for i in candidates:
            heads = rows[i][4]
            prev_row = rows[i - 1]
            if (
                heads is not True
                and heads
                and not prev_row[6]
                and prev_row[3] not in heads
                and (i - 1) not in joins
                and i not in after_without
            ):
                continue  # as below, in fewer steps (most candidates of a line end here)
            prev = infos[i - 1]
            if not prev[3] or not infos[i][2]:
                continue
            a = chain if (i - 1) in joins and prev[2] == prev[3] else prev[3]
            b = infos[i][2]
            if len(b) == 1 and parts[i][1:2] == "." and parts[i][2:3].isalpha():
                # «بهبه ی.به»: a letter before a dot and a letter is an abbreviation's
                # (ق.ظ), which gets no space after its dot; joined, it became a word that does
                # (به‌به‌ی. به), so a second fix changed the text: it stays apart
                continue
            if prev[6]:
                if self._month_after_number(infos, i, b):
                    continue  # «14 می تشکیل»: after a number, می is the month May
            elif (
                heads is not True
                and (not heads or a not in heads)  # type: ignore[operator]
                and i not in after_without
            ):
                continue  # «جمهوری» joins «رئیس», not any word before it
            sure = self._joins(a, b)
            if sure != JOIN_NO and b in CLITICS_NEVER_ALONE and ALEF_HAMZA in parts[i]:
                # «کسر شأن», «به شأن و جایگاه»: the noun «شأن», its key the clitic «شان» (whose
                # counts, «به‌شان» 1 : «به شان» 0 in TRAIN, joined it in text as written)
                sure = JOIN_NO
            if sure == JOIN_SPACED_LINE:
                if self._sure_join_after(infos, i, a, b):
                    sure = JOIN_NO  # «راه آب انباری»: «آب‌انباری» is sure, «راه‌آب» weak
                elif self._bound_tail_pair(a, b):
                    sure = JOIN_ANY  # «سرطان زا», «حمل ونقل»: «زا» is never a word alone
                elif (i - 1) not in joins and self._phrase_before(infos, i, a, b):
                    sure = JOIN_NO  # «هیچ گاه نامه»: «هیچ گاه» is the phrase, «گاه‌نامه» weak
            if (
                sure >= need
                and not (b in self._participles and not prev[6] and self._verb_before_aux(infos, i))
                and not _vocalised_pair(parts, infos, i)
            ):
                joins.add(i)
                if prev[6] or b in SPACED_PLURALS:  # «می خواهند», «کتاب ها»
                    affixes.add(i)
                chain = a + b
                if sure < JOIN_ANY:
                    weak = True
                if (i - 1) not in joins:
                    chain, weak_back = self._join_back(infos, joins, affixes, i - 1, chain, need)
                    weak = weak or weak_back
            # one look-up refuses most candidates
            if i >= 2 and infos[i - 2][3] in triples and (i - 1) not in joins:
                sure = self._triple_join(infos, i)
                if sure >= need:
                    joins.update((i - 1, i))  # «عبدالله بن زبیر»
                    chain = infos[i - 2][3] + prev[2] + b
                    weak = weak or sure < JOIN_ANY
        if joins:
            # a chunk that opens with no letter (a mark after a space: «خله َى» with
            # diacritics=keep) stays apart: the ZWNJ a join wrote before it stood before a
            # mark, which fix's zwnj.remove.edge deleted on a second pass (a glued «خلهَی»).
            # The ZWNJs it opens with go (zwnj.remove.edge): «خانواده ‌اش» joins
            apart = {i for i in joins if _SEAM_AFTER_RE.match(parts[i].lstrip(ZWNJ)) is None}
            if apart:
                joins -= apart
                affixes -= apart
        return joins, affixes, weak

    def _month_after_number(self, infos: list[ChunkInfo], k: int, word: str) -> bool:
        """Whether chunk ``k - 1`` is a bare verbal prefix after a number that may be a day
        (chunk ``k - 2``, :func:`_may_be_day`) and is the month May before ``word``
        (:meth:`_month_may`), so it joins neither the word after it nor is joined back."""
        prev = infos[k - 1]
        return bool(
            prev[6]
            and prev[2] == prev[3]
            and k >= 2
            and infos[k - 2][5]
            and _may_be_day(infos[k - 2][1])
            and self._month_may(prev[3], word)
        )

    def _month_may(self, prefix: str, word: str) -> bool:
        """Whether a bare verbal prefix ``prefix`` right after a number is the month May, so
        it stays apart from the next word ``word`` (``حوادث 14 می تشکیل شده بود``, ``14 می
        میلادی``, ``14 می باشد``). Not for «نمی», which is no month, and not before a verb
        form the lexicon writes after «می‌» more than ``JOIN_MARGIN`` times as often as by
        itself (``متولد 65 می تواند``: UD TRAIN writes «می‌تواند» 250 times, «تواند» alone
        never; ``دقیقه 90 می خوانند``, ``سال 88 می داند``): a month is followed by a year, a
        noun or a preposition, not by a finite verb. A form also common by itself (``شود``,
        ``باشد``, ``دهد``) keeps the month reading."""
        if prefix != MONTH_MAY:
            return False
        lex = self.lexicon
        return lex.joined_count(prefix, word) <= JOIN_MARGIN * lex.word_count.get(word, 0)

    def _sure_join_after(self, infos: list[ChunkInfo], i: int, a: str, b: str) -> bool:
        """Whether the weak join of ``a`` and chunk ``i`` (the bare word ``b``) gives way to a
        sure join of ``b`` and the next chunk that ``a`` + ``b`` could not make: ``راه آب
        انباری`` → ``راه آب‌انباری`` (water-reservoir path; ``راه‌آب`` is a weak pair,
        ``آب‌انباری`` a sure one), ``جای نام گذاری`` → ``جای نام‌گذاری``. Not in a doubled
        word (``تک تک چشم‌هایمان``: ``تک‌چشم`` is sure, but «تک تک» is one phrase)."""
        if a == b or i + 1 >= len(infos) or infos[i][2] != infos[i][3]:
            return False
        c = infos[i + 1][2]
        return bool(c) and self._joins(b, c) == JOIN_ANY and self._joins(a + b, c) == JOIN_NO

    def _phrase_before(self, infos: list[ChunkInfo], i: int, a: str, b: str) -> bool:
        """Whether the weak join of the bare word ``a`` (chunk ``i - 1``) and ``b`` gives way to
        the phrase ``a`` makes with the word before it: the lexicon writes that pair apart more
        often than joined, at least ``PHRASE_BEFORE_LIFT`` times for each time it wrote
        ``a`` + ``b`` joined, and ``PHRASE_BEFORE_HABIT`` times as often as chance would have
        it (a set phrase, not a preposition before a word). ``ولی این هیچ گاه نامه امضا نشد``
        (but this letter was never signed) keeps ``گاه نامه`` apart: TRAIN writes ``هیچ گاه``
        40 times, and ``گاه‌نامه`` (periodical) comes once, from hazm's word list. A pair joined by morphology alone (no
        count: ``این واقعه نگاران``) is not asked, nor one the lexicon saw joined as often as
        the phrase apart. Asked only of weak pairs."""
        prev = infos[i - 1]
        if i < 2 or prev[2] != prev[3] or prev[1] != prev[2]:
            return False
        w = infos[i - 2][3]
        if not w:
            return False
        lex = self.lexicon
        apart = lex.pair_count(w, a)
        if apart < PHRASE_BEFORE_LIFT:
            return False  # most pairs, in one look-up (the weak pair has a joined count of 1+)
        joined = lex.joined_count(a, b)
        return (
            joined > 0
            and apart >= PHRASE_BEFORE_LIFT * joined
            and apart > lex.joined_count(w, a)
            and apart * lex.total
            >= PHRASE_BEFORE_HABIT * lex.word_count.get(w, 0) * lex.word_count.get(a, 0)
        )

    def _bound_tail_pair(self, a: str, b: str) -> bool:
        """Whether a weak pair (``JOIN_SPACED_LINE``) joins in any line that shows no glued
        damage, as a sure pair does: the lexicon saw ``a`` + ``b`` written with a ZWNJ at
        their seam, and never saw ``b`` as a word by itself (``سرطان زا``, ``سه جانبه``,
        ``آینده نگر``, ``حمل ونقل``, ``فلک الافلاک``: ``زا``, ``جانبه``, ``نگر``, ``ونقل``
        and ``الافلاک`` are no words), so the space is a lost ZWNJ even in a line with no
        other sign of it. A tail seen alone keeps the line signal (``نه تا``, ``قابل
        تقدیر``, ``اردیبهشت ماه``, ``شمال شرقی``), and so does a pair the lexicon never saw
        joined (the rare compound tails: ``سرخ پوشان``), and so does an Arabic patronymic
        (``ابن فهد``: Seraji joins them, PerDT writes them apart, so their ties are a
        convention, not evidence). Asked only of weak pairs."""
        lex = self.lexicon
        return (
            len(b) > 1
            and a not in PATRONYMICS
            and not lex.word_count.get(b, 0)
            and lex.joined_count(a, b) > 0
        )

    def _verb_before_aux(self, infos: list[ChunkInfo], i: int) -> bool:
        """Whether chunk ``i``, a bare past participle (``شده``), is followed by a form of
        «بودن» or a person ending (:data:`PARTICIPLE_AUX`), or by «که» (:data:`PARTICIPLE_CLAUSE`,
        its auxiliary left out): then it is the verb of a light-verb construction and stays
        apart from the word before it (``اعلام شده است``, ``خارج شده بود``, ``تعیین نشده
        است``, ``شکست خورده بودند``, ``اعلام شده که``), while ``مواضع اعلام شده در``
        (announced) may join. Asked only of joins whose second word is a participle
        (a set test), not of every pair."""
        info = infos[i]
        return (
            info[2] == info[3]
            and info[1] == info[2]
            and i + 1 < len(infos)
            and (infos[i + 1][2] in PARTICIPLE_AUX or infos[i + 1][2] in PARTICIPLE_CLAUSE)
        )

    def _triple_join(self, infos: list[ChunkInfo], i: int) -> int:
        """How sure a join of chunk ``i``, the bare word before it and the word before that is
        (``JOIN_NO``, ``JOIN_SPACED_LINE``, ``JOIN_ANY``): a three-word token of
        :func:`joinable_triples` written apart, ``عبدالله بن زبیر`` → ``عبدالله‌بن‌زبیر`` (9
        times so in TRAIN; ``عبدالله بن`` alone is written apart), ``میان دوره ای`` →
        ``میان‌دوره‌ای`` (``دوره ای`` joins as a suffix first)."""
        levels = self._triples.get(infos[i - 2][3])
        middle = infos[i - 1]
        if levels is None or middle[2] != middle[3]:
            return JOIN_NO
        return levels.get((middle[2], infos[i][2]), JOIN_NO)

    def _join_back(
        self,
        infos: list[ChunkInfo],
        joins: set[int],
        affixes: set[int],
        k: int,
        chain: str,
        need: int = JOIN_ANY,
    ) -> tuple[str, bool]:
        """After ``b c`` joined, join ``a`` to ``bc`` if a second pass would (idempotence).

        «می داشته اند»: ``می داشته`` alone stays apart in the lexicon, but once ``داشته‌اند``
        is one word, ``می`` + ``داشته‌اند`` is a verb. Walks left while joins happen; returns
        the key of the whole joined chain, and whether a join needed a level below ``JOIN_ANY``.
        """
        weak = False
        while k >= 1 and k not in joins:
            word, prev = infos[k], infos[k - 1]
            if word[2] != word[3] or not prev[3]:
                break  # chunk k is not one bare word («،می»), or chunk k - 1 ends in no word
            if self._month_after_number(infos, k, chain):
                break  # «14 می»
            if prev[3] == WITHOUT and k >= 2 and infos[k - 2][3] in LETTER_NAMES:
                break  # «ان بی سی ها»: a letter name, not «بی»
            if (k - 1) in joins and infos[k - 2][3] == prev[3]:
                break  # «تک تک چشم‌ها»: a doubled word keeps its pair (see _sure_join_after)
            sure = self._joins(prev[3], chain)
            if sure < need:
                break
            weak = weak or sure < JOIN_ANY
            joins.add(k)
            if prev[6]:
                affixes.add(k)
            chain = prev[3] + chain
            k -= 1
        return chain, weak

    # ---- glued and spaced words ------------------------------------------------------------

    def _joins(self, a: str, b: str) -> int:
        """Whether the words ``a`` and ``b`` are one word (``JOIN_NO``, ``JOIN_SPACED_LINE``,
        ``JOIN_ANY``); memoised per pair.

        ``a`` is the ZWNJ-free key of everything joined so far (``میشده`` before ``اند``).
        """
        memo_key = (a, b)  # a tuple hashes the words' cached hashes; an f-string is new
        hit = self._join_memo.get(memo_key)
        if hit is None:
            if len(self._join_memo) > CACHE_LIMIT:
                self._join_memo.clear()
            hit = self._decide_join(a, b)
            self._join_memo[memo_key] = hit
        return hit

    def _decide_join(self, a: str, b: str) -> int:
        """Lexicon counts first (``کتاب ها`` 1 vs ``کتاب‌ها`` 7), then morphology.

        A pair the lexicon writes joined more often than apart, but not ``JOIN_MARGIN`` times
        as often, joins only in a line whose ZWNJs became spaces (``JOIN_SPACED_LINE``).
        """
        lex = self.lexicon
        if f"{a} {b}" in lex.forced_apart:
            return JOIN_NO
        forced = lex.forced.get(a + b)
        if forced is not None:
            joined = ZWNJ in forced and zwnj_offsets(forced).count(len(a)) > 0
            return JOIN_ANY if joined else JOIN_NO
        if a + b in lex.forms:  # else both counts are 0 (most pairs: «اعلام کرد» is no word)
            apart, together = lex.pair_count(a, b), lex.joined_count(a, b)
            if apart or together:
                if together > JOIN_MARGIN * apart:
                    return JOIN_ANY
                if self._is_infinitive(b):
                    return JOIN_NO  # «رخ دادن»: a light verb's infinitive, see _is_infinitive
                if b in _TIE_PREPOSITIONS:
                    # «پشت پرده در», «ورزش سه در مورد»: a preposition, not a compound's tail,
                    # unless the counts are clear (one of shekar's entries, «پرده‌در» 1 and
                    # «پرده در» 1, is a tie)
                    return JOIN_NO
                return JOIN_SPACED_LINE if together >= SPACED_LINE_JOIN_MARGIN * apart else JOIN_NO
        if self._joins_by_morphology(a, b):
            if self._word_suffix(b):
                return JOIN_SPACED_LINE  # «جراحی بینی» (nose surgery) stays in a plain line
            if a in BEFORE_NOUN and self._compound_tail_suffix(b):
                return JOIN_NO  # «در نمایی از», «با فروشی بیشتر»: a preposition heads no compound
            return JOIN_ANY
        if b in CLITICS_NEVER_ALONE and self._clitic_host(a):
            # «کفش مان», «فضایی شان»: a clitic that never stands alone, after a word TRAIN
            # writes it glued to (share too low for the morphology above), in a line whose
            # ZWNJs became spaces; «در شان» (befitting) stays, see _clitic_host
            return JOIN_SPACED_LINE
        if a == WITHOUT and self._after_without(b):
            return JOIN_SPACED_LINE  # «بی دقت» → «بی‌دقت», in a line whose ZWNJs became spaces
        if b in self._compound_tails and self._compound_head(a):
            if len(b) > MIN_COMPOUND_PIECE and not lex.word_count.get(b, 0):
                return JOIN_ANY  # «مشکل آفرینی»: a long tail never seen as a word by itself
            return JOIN_SPACED_LINE  # «واقعه نگاران», in a line whose ZWNJs became spaces
        if b in self._rare_tails and not a.endswith(EZAFE_YE) and self._compound_head(a):
            # «سنت گرای», in a line whose ZWNJs became spaces; after a word in «ی» the tail
            # is more often an adjective of its own («کاری ناشدنی», «بومی گزینی»)
            return JOIN_SPACED_LINE
        tail = self._inflected_tails.get(b)
        if (
            tail is not None
            and (tail in self._compound_tails or not a.endswith(EZAFE_YE))
            and self._compound_head(a)
        ):
            # «مستعمره نشینان», «نظریه پردازانی»: a compound tail with a plural ending joins as
            # the tail does, in a line whose ZWNJs became spaces (and, as for the rare tails,
            # a rare tail or a noun of action not after a word in «ی»)
            return JOIN_SPACED_LINE
        pair_tail = self._inflected_pair_tails.get(b)
        if pair_tail is not None:
            together = lex.joined_count(a, pair_tail)
            apart = lex.pair_count(a, pair_tail)
            if (
                together
                and together >= SPACED_LINE_JOIN_MARGIN * apart
                and (together > apart or b != pair_tail + VOWEL_YE)
            ):
                # «کلان شهرها», «گفت وگوهای»: a pair the lexicon writes joined at least as
                # often as apart (``کلان‌شهر``, ``گفت‌وگو``), its second word with a plural or
                # comparative ending, joins as the pair does, in a line whose ZWNJs became
                # spaces. With «یی» (``گفت وگویی``) the pair must be written joined more
                # often than apart: the «ی» of a phrase written apart on purpose closes the
                # whole phrase (``قابل اتکایی``, a reliable one: «قابل اتکا» is a 1 : 1 tie)
                return JOIN_SPACED_LINE
        if (
            b in COMPARATIVE_ENDINGS
            and len(a) > MIN_COMPOUND_PIECE
            and not lex.word_count.get(a, 0)
            and lex.suffix_share(b, a) >= MIN_SUFFIX_SHARE
        ):
            # «امیدبخش تر», «خوش‌آهنگ تر»: a comparative after a word the lexicon does not know
            # (a known one is decided above), in a line whose ZWNJs became spaces
            return JOIN_SPACED_LINE
        return JOIN_NO

    def _clitic_host(self, a: str) -> bool:
        """Whether ``a`` may take a :data:`CLITICS_NEVER_ALONE` clitic spaced after it: a word
        the lexicon knows, of ``MIN_PIECE`` letters or more, and no preposition
        (:data:`BEFORE_NOUN`): ``با شان و منزلت`` (with dignity) is the noun «شأن». (A given
        name takes no word after it anyway: :meth:`_in_line_context`.)"""
        return (
            len(a) >= MIN_PIECE
            and a not in BEFORE_NOUN
            and self.lexicon.word_count.get(a, 0) > 0
        )

    def _word_suffix(self, b: str) -> bool:
        """Whether ``b``, a bound suffix joined by morphology to a word the lexicon never saw
        with it, is also a content word UD TRAIN writes by itself: longer than
        ``MIN_COMPOUND_PIECE`` letters and seen alone ``MIN_COMPOUND_WORD_COUNT`` times
        («بینی», nose, 13 times alone beside 62 after a ZWNJ; «الله», «آباد», «السلام»). Such
        a pair joins only in a line whose ZWNJs became spaces: ``جراحی بینی`` (nose surgery),
        ``گرفتگی بینی`` (a blocked nose) and ``نوک بینی`` stay as written in a line with no
        sign of lost ZWNJs, ``خوش بینی`` and ``پیش بینی`` join by the lexicon's own counts. A
        surname's tail (:data:`SURNAME_TAILS`: ``حسین زاده``) keeps joining in any line."""
        lex = self.lexicon
        return (
            b in lex.bound_suffixes
            and len(b) > MIN_COMPOUND_PIECE
            and b not in SURNAME_TAILS
            and lex.word_count.get(b, 0) >= MIN_COMPOUND_WORD_COUNT
        )

    def _compound_tail_suffix(self, b: str) -> bool:
        """Whether ``b``, a bound suffix joined by morphology, is a compound's tail rather than
        an inflection: longer than ``MIN_COMPOUND_PIECE`` letters and no plural ending
        (``نمایی``, ``فروشی``, ``سازی``; not ``هایی``, ``هاست``). A preposition
        (:data:`BEFORE_NOUN`) heads no such compound: ``در نمایی از`` (in a view of) and ``با
        فروشی بیشتر`` (with more sales) stay apart, as the lexicon writes no such pair; one it
        writes glued is decided by its counts before morphology (``درگیری``)."""
        return len(b) > MIN_COMPOUND_PIECE and not b.startswith(PLURAL_ENDINGS)

    def _after_without(self, b: str) -> bool:
        """Whether ``b`` may follow a bare «بی» as one word with it when the lexicon has no
        count of the pair (``بی دقت`` → ``بی‌دقت``, ``بی تعادلی``): a word the lexicon knows,
        not a function word, pronoun or determiner (``بی آنکه``, ``بی هیچ``, ``بی آن``, the
        treebanks' bare «بی» before them) and no letter name (``بی بی سی``, ``بی ام و``).
        UD TRAIN writes a bare «بی» 73 times against 745 «بی‌» words: 59 of the 73 before
        such words, 3 before a dash, 11 before other words (``بی قید``, ``بی مدیر``)."""
        lex = self.lexicon
        return (
            len(b) >= MIN_PIECE
            and b not in NOT_AFTER_WITHOUT
            and lex.word_count.get(b, 0) > 0
            and b not in lex.verb_remainders  # «بی اندازد»: a verb, «بی» a letter or typo
        )

    def _is_infinitive(self, b: str) -> bool:
        """Whether ``b`` is an infinitive (a past stem of the lexicon + ``ن``: ``دادن``,
        ``زدن``, ``شدن``). The treebanks write a noun and a light verb's infinitive apart
        (``رخ دادن``, ``گره زدن``: 0 of about 250 such pairs with a ZWNJ in TRAIN), while
        shekar's compound list writes 114 of them with one, each also apart (a tie, which
        would join in a line whose ZWNJs became spaces): such a pair joins only when the
        counts are clear (``JOIN_MARGIN``)."""
        stem = b[:-1]
        return (
            len(b) > 2
            and b[-1] == "ن"
            and stem[-1] in _PAST_STEM_LAST
            and stem in self.lexicon.verb_stems
        )

    def _compound_head(self, a: str) -> bool:
        """Whether ``a`` may open a compound with a :func:`compound_tails` word: a known word
        seen on the left of a ZWNJ or with a plural ending (``سرطان``, ``واقعه``), and no
        preposition, determiner or pronoun («او را شکن» stays as it is)."""
        lex = self.lexicon
        return (
            len(a) >= MIN_PIECE
            and a not in BEFORE_NOUN
            and a not in NO_ADJECTIVE_AFTER
            and (lex.left_count.get(a, 0) > 0 or lex.plural_count(a) >= MIN_PLURAL_COUNT)
        )

    def _joins_by_morphology(self, a: str, b: str) -> bool:
        """A pair the lexicon never wrote: a bound suffix, the ezafe ``ی`` after a silent
        ``ه``, or a verb after ``می``."""
        lex = self.lexicon
        if len(a) < MIN_PIECE:
            return False
        if b == EZAFE_YE:
            return _ends_in_silent_heh(a)  # «همه ی» → «همه‌ی»; «راه ی» stays
        if (
            b in lex.bound_suffixes
            and (lex.word_count.get(a, 0) or a in lex.verbal_prefixes)
            and lex.suffix_share(b, a) >= MIN_SUFFIX_SHARE
        ):
            return True  # «سیاره ای» → «سیاره‌ای», «خشونت ها» → «خشونت‌ها»
        if b in lex.bound_suffixes and lex.suffix_share(b, a) >= MIN_STRONG_SHARE:
            return True  # «زرافه ها»: an unknown noun, but «ها» is not a word by itself
        if self.glued_words._copula_after("word", b, a):
            return True  # «نگران اند» → «نگران‌اند», as «نگراناند» is split (_copula_after)
        # «می اندازد» → «می‌اندازد», «می فرسود» → «می‌فرسود»
        return a in lex.verbal_prefixes and (
            self.glued_words._is_verb_remainder(b)
            or (len(b) >= 3 and _VERB_ENDING_RE.search(b) is not None)
        )
