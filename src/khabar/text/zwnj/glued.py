"""Where a glued word takes its ZWNJs: :class:`GluedWords`.
"""

from __future__ import annotations

from khabar.text.lexicon import COMPARATIVE_ENDINGS, FOLD, JOINING, ZWNJ, Lexicon, zwnj_offsets
from khabar.text.zwnj.constants import (
    _ACRONYM_OPENINGS,
    _ACRONYM_RE,
    _ARABIC_WORD_RE,
    _HEH_YE,
    _PARTICIPLE_ENDINGS,
    _PAST_STEM_LAST,
    _PERSIAN_ONLY_RE,
    _PLURAL_EZAFE,
    ACRONYM_CLUSTER_HEAD,
    ACRONYM_NOT_LAST,
    ACRONYM_PLURALS,
    ACRONYM_VOWEL_LETTERS,
    ACRONYM_WORD_ENDINGS,
    ACRONYM_WORD_HEADS,
    ARTICLE,
    BY,
    BY_WORD_MIN,
    CACHE_LIMIT,
    DAY_PARTS,
    EZAFE_STEM_COUNT,
    EZAFE_YE,
    MADDA,
    MADDA_SHORT_HEADS,
    MADDA_SUFFIX_HEAD,
    MIN_ACRONYM_LETTERS,
    MIN_ARTICLE_WORD,
    MIN_COMPOUND_PIECE,
    MIN_COMPOUND_RIGHT,
    MIN_HEH_COMPARATIVE,
    MIN_PIECE,
    MIN_SPLIT_WORD,
    MIN_STEM_COUNT,
    MIN_SUFFIX_SHARE,
    MIN_SUFFIXED_HEH,
    PHRASE_MAX_WORDS,
    PHRASE_MIN_LIFT,
    PHRASE_PAIR_COUNT,
    PHRASE_SHORT_WORD_COUNT,
    SILENT_HEH_SUFFIXES,
    SOLID_ENDINGS,
    SOLID_WORD_COUNT,
    WEEKDAY_MARKS,
    WEEKDAYS,
    WHOLE_WORD_COUNT,
)
from khabar.text.zwnj.segment import Segmenter
from khabar.text.zwnj.tables import protected_forms
from khabar.text.zwnj.words import _ends_in_silent_heh, _letter_names, _with_zwnj_before


class GluedWords(Segmenter):
    """Decides where a glued word takes its ZWNJs (:meth:`_glued`, memoised per word): the
    lexicon's spelling, the house spellings and their endings, acronyms, weekdays,
    «به» + word, Arabic articles, ezafe «ی», and the segmenter for the rest.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        lex = lexicon
        self._glued_memo: dict[str, tuple[int, ...]] = {}
        # the protected words with their endings (house spellings, exception entries, web
        # words: ``بیتکوینها`` → ``بیت‌کوین‌ها``, ``توییترها`` → ``توییتر‌ها``): one look-up per
        # unknown word (a loop over the endings cost ~80 M instructions on cold PEYMA)
        self._protected_forms = protected_forms(lex)

    def _spoken_heh_and_ye(self, key: str) -> bool:
        """Whether the unknown glued ``key`` is a known word in a spoken «ه»
        (:meth:`_spoken_heh`, seen ``MIN_STEM_COUNT`` times) + «ای», which that word never
        takes: a plural that lost its «ه» or ZWNJ (``گروهای`` for ``گروه‌های``,
        ``دانشگاهای``) or no word at all. It is left as written: every cut found for it
        would be wrong (``توج‌های``, ``کرم‌انشاهای``, ``گروه‌ای``)."""
        if not key.endswith(_PLURAL_EZAFE):
            return False
        word = key[: -len(_HEH_YE)]
        return self.lexicon.word_count.get(word, 0) >= MIN_STEM_COUNT and self._spoken_heh(word)

    def _glued(self, tok: str, key: str) -> tuple[int, ...]:
        """Offsets in ``tok`` (a word without ZWNJ; ``key`` is ``fold(tok)``) where a ZWNJ
        belongs; memoised."""
        hit = self._glued_memo.get(tok)
        if hit is None:
            if len(self._glued_memo) > CACHE_LIMIT:
                self._glued_memo.clear()
            hit = self._decide_glued(tok, key)
            self._glued_memo[tok] = hit
        return hit

    def _decide_glued(self, tok: str, key: str) -> tuple[int, ...]:
        """The lexicon's most frequent spelling if it knows the word (``key``, ``fold(tok)``),
        else morphology; no cut in a word only Arabic writes so (``_ARABIC_WORD_RE``: ``أنها``,
        ``بالإجازه``)."""
        # every character _ARABIC_WORD_RE looks for is one that fold changes: a word that
        # folds to itself (most) needs no search
        if key != tok and _ARABIC_WORD_RE.search(tok):
            return ()
        best = self.lexicon.best_form(key)
        if best is None:
            if key in self.lexicon.web_glued:
                return ()  # «شنیداری», «بالتیمور»: the web writes them glued, never cut
            if self._spoken_heh_and_ye(key):
                return ()  # «گروهای», «دانشگاهای»: no «گروه‌ای», and no cut is safer
            best = (
                self._spelling_and_ending(key)
                or self._letter_name_acronym(key)
                or self._unknown_word_form(key)
                or self._weekday_and_part(key)
            )
            if MADDA in key:
                best = self._with_madda_seams(key, best)
        elif ZWNJ in best and self._noun_and_ye(key, best):
            return ()  # «میگوی» is shrimp + ی, not می + گوی
        elif best == key and not self.lexicon.glued_count(key):
            # seen only written apart («همین که»), too seldom to vote for the ZWNJ spelling
            best = self._phrase(key) or self._by_and_word(key) or best
        elif best == key:
            best = self._tied_suffix_form(key) or best
        if best is None or ZWNJ not in best:
            return ()
        offsets = zwnj_offsets(best)
        if ZWNJ + ZWNJ in best:
            # one seam per run of ZWNJs: the lexicon holds a few forms with two (برداشته‌‌اند,
            # once), whose seam was inserted twice (the output wrote both, a second pass removed
            # one); asked first, since a dict per word cost ~4 M instructions on PerDT dev
            offsets = list(dict.fromkeys(offsets))
        seams = [k for k in offsets if 0 < k < len(key) and key[k - 1] in JOINING]
        if len(key) == len(tok):
            return tuple(seams)
        # the fold dropped marks (ٔ, ً, ـ): map each seam to the original letter it precedes
        kept = [i for i, ch in enumerate(tok) if ch.translate(FOLD)]
        return tuple(kept[k] for k in seams)

    def _by_and_word(self, key: str) -> str | None:
        """``بهموجب`` → ``به‌موجب``: «به» glued to a word of ``BY_WORD_MIN`` letters or more
        (seen ``MIN_STEM_COUNT`` times), a pair the lexicon saw only written apart and too
        seldom for :meth:`_phrase` (``به موجب`` once, ``به مانند`` 3 times); the word keeps
        its own spelling (``بهروزهای`` → ``به‌روز‌های`` if the lexicon cuts «روزهای»). Only
        asked for a key never seen glued: «بهتر», «بهار», «بهانه» are words the lexicon saw
        glued. Not in a given name (:attr:`Lexicon.given_names`): names are «به» and a
        three-letter word (بهداد, بهشاد, بهنوش, بهناز), and the lexicon saw «به داد», «به شاد»
        apart, while ``بهوقت`` → ``به‌وقت``, ``بهپیش`` → ``به‌پیش``. Not before a word seen
        more often as a compound's second piece (after a ZWNJ, or glued to a known word) than
        alone: «بهداری» (health care) is «به» (good) + the tail of «خانه‌داری». None
        otherwise.
        """
        if not key.startswith(BY) or len(key) - len(BY) < BY_WORD_MIN:
            return None
        lex = self.lexicon
        if key in lex.given_names:
            return None  # «بهداد», «بهناز»: a name, not «به» + «داد»
        word = key[len(BY) :]
        seen = lex.word_count.get(word, 0)
        if (
            seen < MIN_STEM_COUNT
            or not lex.pair_count(BY, word)
            or lex.after_word_count.get(word, 0) + self._glued_tail_count(word) > seen
        ):
            return None
        return BY + ZWNJ + (lex.best_form(word) or word)

    def _letter_name_acronym(self, key: str) -> str | None:
        """``انپیتی`` → ``ان‌پی‌تی``, ``سیبیاساس`` → ``سی‌بی‌اس‌اس``: a glued word the lexicon
        does not know that spells ``MIN_ACRONYM_LETTERS`` or more Latin letter names
        (``ACRONYM_LETTERS``) in exactly one way is an acronym, written with a ZWNJ between the
        names (after «آر» the ZWNJ does nothing and is not scored), and a plural ending after
        a ZWNJ (``ویپیانها`` → ``وی‌پی‌ان‌ها``, as TRAIN writes «ال‌ان‌بی‌ها», «سی‌دی‌های»:
        ``ACRONYM_PLURALS``). Not a known word plus an
        ending (``ACRONYM_WORD_ENDINGS``: «ویدیوی», «پیانوی», «امامان» spell letter names too),
        nor a head plus a known word (``ACRONYM_WORD_HEADS``: «الامام», «بیاساس»), nor «اس»
        before a name that opens with a consonant (``ACRONYM_CLUSTER_HEAD``: «استیسی», «اسپیسی»
        are Stacy and Spacey), nor a word that ends in «وی» or «ای» (``ACRONYM_NOT_LAST``: a
        word in «و» or «ا» and the ezafe). None otherwise.
        """
        if key[:2] not in _ACRONYM_OPENINGS:
            return None  # most words: one slice and one look-up
        stem, ending = key, ""
        if key.endswith(ACRONYM_PLURALS):
            for plural in ACRONYM_PLURALS:
                if key.endswith(plural):
                    stem, ending = key[: -len(plural)], ZWNJ + plural
                    break
        if _ACRONYM_RE.fullmatch(stem) is None:
            return None
        names = _letter_names(stem)
        if names is None or len(names) < MIN_ACRONYM_LETTERS:
            return None
        if names[0] == ACRONYM_CLUSTER_HEAD and names[1][0] not in ACRONYM_VOWEL_LETTERS:
            return None
        if names[-1] in ACRONYM_NOT_LAST:
            return None
        for end in ACRONYM_WORD_ENDINGS:
            if stem.endswith(end) and self._spelled_as_word(stem[: -len(end)]):
                return None
        for start in ACRONYM_WORD_HEADS:
            if stem.startswith(start) and self._spelled_as_word(stem[len(start) :]):
                return None
        return ZWNJ.join(names) + ending

    def _weekday_and_part(self, key: str) -> str | None:
        """``یکشنبهشب`` → ``یکشنبه‌شب``, ``سهشنبهشب`` → ``سه‌شنبه‌شب``: a day of the week
        (``WEEKDAYS``) glued to a part of the day (``DAY_PARTS``), the day in the lexicon's
        spelling and a ZWNJ before the part; None for any other word.
        """
        if WEEKDAY_MARKS[0] not in key and WEEKDAY_MARKS[1] not in key:
            return None  # most words: two substring tests
        for part in DAY_PARTS:
            day = key[: -len(part)]
            if key.endswith(part) and day in WEEKDAYS:
                return (self.lexicon.best_form(day) or day) + ZWNJ + part
        return None

    def _spelled_as_word(self, key: str) -> bool:
        """Whether the lexicon knows ``key`` as one word (a pair written apart, «سی آی», is
        not one) or the web list has it."""
        forms = self.lexicon.forms.get(key)
        if forms is not None:
            for form in forms:
                if " " not in form:
                    return True
        return key in self.lexicon.web_glued

    def _with_madda_seams(self, key: str, best: str | None) -> str | None:
        """``best`` (the spelling chosen for the unknown glued word ``key``; None: none)
        with a ZWNJ added before each «آ» that follows a joining letter (``MADDA``): a word
        starts there (``لوازمآرایشی`` → ``لوازم‌آرایشی``, ``همآوا`` → ``هم‌آوا``), and the
        cuts already chosen stay (``بتنآرمهای`` → ``بتن‌آرمه‌ای``). None when ``best`` is
        None and no seam is added.

        Only where the letters before, back to the word's start or the «آ» before, are a
        word seen ``MIN_STEM_COUNT`` times, of ``MIN_COMPOUND_PIECE`` letters or one of
        ``MADDA_SHORT_HEADS`` (not «سو» + «آلات», a misspelt «سؤالات»), and ``MIN_COMPOUND_PIECE``
        letters follow (not «منش» + «آت»). Not after a given name (the surname policy keeps
        «حسینآبادی» as written, :meth:`_given_name_compound`), nor after the Arabic article
        «ال» (``بالآخره`` is a spelling of «بالاخره»), nor inside «مآب» (``MADDA_SUFFIX_HEAD``).
        """
        out = key if best is None else best
        lex = self.lexicon
        start = 0
        k = key.find(MADDA, MIN_PIECE)
        while k >= 0:
            head = key[start:k]
            if (
                key[k - 1] in JOINING
                and (len(head) >= MIN_COMPOUND_PIECE or head in MADDA_SHORT_HEADS)
                and len(key) - k >= MIN_COMPOUND_PIECE
                and not head.endswith(ARTICLE)
                and lex.word_count.get(head, 0) >= MIN_STEM_COUNT
                and head not in lex.given_names
                and not (
                    head.endswith(MADDA_SUFFIX_HEAD[0]) and key.startswith(MADDA_SUFFIX_HEAD[1], k)
                )
            ):
                out = _with_zwnj_before(out, k)
            start = k
            k = key.find(MADDA, k + 1)
        return out if best is not None or out != key else None

    def _unknown_word_form(self, key: str) -> str | None:
        """How a glued word the lexicon does not know is written, by morphology: the ezafe
        ``ی``, the segmenter, the Arabic article, known words one after another, a comparative
        after «ه», or a phrase that lost its spaces; None if none applies."""
        best = (
            self._ezafe_ye(key)
            or self._segment(key)
            or self._arabic_article(key)
            or self._word_by_word(key)
            or self._heh_comparative(key)
        )
        if best is None:
            return self._phrase(key)
        if ZWNJ in best:
            return (
                self._word_and_ending(key, best)
                or self._protected_over_cut(key)
                or self._participle_and_ending(best)
                or best
            )
        return best

    def _tied_suffix_form(self, key: str) -> str | None:
        """The spelling of ``key`` with one ZWNJ before a bound suffix when the lexicon saw it
        exactly as often as ``key`` glued, and the suffix takes a ZWNJ after such a stem in
        most word types (its learned share, at least ``MIN_SUFFIX_SHARE``): the word's own
        counts are even, so the suffix's decide (``مدتهاست`` → ``مدت‌هاست``, 1 : 1 in TRAIN;
        ``مناسبتر`` → ``مناسب‌تر``). Not for a stem under ``MIN_COMPOUND_PIECE`` letters
        (``بهشان``), nor for «ای» after «ه», where the glued spelling is another word, a
        plural after a letter that never joins (``قوهای``, swans, not ``قوه‌ای``, a power;
        ``روزهایم``, my days), nor a word an exception or house spelling decides; None
        otherwise.
        """
        lex = self.lexicon
        forms = lex.forms.get(key)
        if forms is None or len(forms) < 2 or key in lex.forced or key in lex.spellings:
            return None
        glued = forms.get(key, 0)
        for form, n in forms.items():
            if n != glued or form == key or " " in form or form.count(ZWNJ) != 1:
                continue
            stem, _, suffix = form.partition(ZWNJ)
            if (
                len(stem) >= MIN_COMPOUND_PIECE
                and suffix in lex.bound_suffixes
                and not (stem[-1] == "ه" and suffix.startswith(_HEH_YE))
                and lex.suffix_share(suffix, stem) >= MIN_SUFFIX_SHARE
            ):
                return form
        return None

    def _phrase(self, tok: str) -> str | None:
        """``بهاینترتیب`` → ``به‌این‌ترتیب``, ``پسازآنکه`` → ``پس‌از‌آنکه``: a word the lexicon
        never saw glued, made of up to ``PHRASE_MAX_WORDS`` known words of which every two
        neighbours were seen written apart ``PHRASE_PAIR_COUNT`` times and no less often than
        chance (a phrase that lost its spaces or ZWNJs), longest first word first; two
        neighbours the lexicon writes as one glued word stay one (``با‌وجود‌اینکه``, not
        ``...این‌که``). None if there is no such split, or it is two words shorter than
        ``MIN_COMPOUND_PIECE`` (``کسبه``).
        """
        if len(tok) < MIN_SPLIT_WORD:
            return None
        words = self._phrase_words(tok, 0, "", 1)
        if words is None or (len(words) == 2 and max(map(len, words)) < MIN_COMPOUND_PIECE):
            return None
        lex = self.lexicon
        kept = [words[0]]
        for word in words[1:]:
            whole = kept[-1] + word
            if lex.glued_count(whole) and lex.best_form(whole) == whole:
                kept[-1] = whole  # «این» + «که» is «اینکه»
            else:
                kept.append(word)
        return ZWNJ.join(kept) if len(kept) > 1 else None

    def _phrase_words(self, tok: str, start: int, prev: str, depth: int) -> list[str] | None:
        """The words of ``tok[start:]`` for :meth:`_phrase`, after the word ``prev`` (empty
        at the start, where the rest may not be one word), or None."""
        lex = self.lexicon
        word_count, n = lex.word_count, len(tok)
        # at the start the whole word is no phrase: its first word ends before the last letter
        for end in range(n if prev else n - 1, start + MIN_PIECE - 1, -1):
            word = tok[start:end]
            seen = word_count.get(word, 0)
            if seen < MIN_STEM_COUNT or (
                end - start < MIN_COMPOUND_PIECE and seen < PHRASE_SHORT_WORD_COUNT
            ):
                continue
            if prev:
                together = lex.pair_count(prev, word)
                if (
                    together < PHRASE_PAIR_COUNT
                    or together * lex.total < PHRASE_MIN_LIFT * word_count.get(prev, 0) * seen
                ):
                    continue
            if end == n:
                return [word]
            if depth < PHRASE_MAX_WORDS:
                rest = self._phrase_words(tok, end, word, depth + 1)
                if rest is not None:
                    return [word, *rest]
        return None

    def _arabic_article(self, tok: str) -> str | None:
        """``معلومالحال`` → ``معلوم‌الحال``: an Arabic phrase of a known word and a word with
        the article «ال» (:meth:`_article_word`), written as one Persian word; the word before
        may be such a phrase too (``آیتاللهالعظمی`` → ``آیت‌الله‌العظمی``). None if there is no
        such split (``غربالگری``: ``گری`` is no Arabic word)."""
        lex = self.lexicon
        at = tok.rfind(ARTICLE, MIN_PIECE)
        while at > 0:
            head, rest = tok[:at], tok[at + len(ARTICLE) :]
            if head[-1] in JOINING and self._article_word(rest):
                head_form = lex.best_form(head)
                if head_form is None:
                    head_form = self._arabic_article(head)
                elif head_form == head and lex.word_count.get(head, 0) < MIN_STEM_COUNT:
                    head_form = None
                if head_form is not None:
                    return head_form + ZWNJ + ARTICLE + rest
            at = tok.rfind(ARTICLE, MIN_PIECE, at)
        return None

    def _word_by_word(self, tok: str) -> str | None:
        """``لحظهبهلحظه`` → ``لحظه‌به‌لحظه``: a known word, «به», and the same word again
        (moment by moment, year by year), written as one word; None for any other word."""
        half, odd = divmod(len(tok) - len(BY), 2)
        if odd or half < MIN_PIECE:
            return None
        word = tok[:half]
        if (
            tok[half : half + len(BY)] != BY
            or tok[half + len(BY) :] != word
            or self.lexicon.word_count.get(word, 0) < MIN_STEM_COUNT
        ):
            return None
        return word + ZWNJ + BY + ZWNJ + word

    def _heh_comparative(self, tok: str) -> str | None:
        """``شکنندهتر`` → ``شکننده‌تر``, ``مسئولانهترین`` → ``مسئولانه‌ترین``: an unknown word
        of ``MIN_HEH_COMPARATIVE`` letters or more ending in a silent ``ه`` (an adjective or
        adverb in ``ـنده``, ``ـانه``, ``ـیده``...) plus a comparative ending, which takes its
        ZWNJ after the ``ه``; the word before keeps the lexicon's or the segmenter's ZWNJs
        (``بیادبانهتر`` → ``بی‌ادبانه‌تر``). None for any other word."""
        for ending in COMPARATIVE_ENDINGS:
            stem = tok[: -len(ending)]
            if (
                tok.endswith(ending)
                and len(stem) >= MIN_HEH_COMPARATIVE
                and _ends_in_silent_heh(stem)
            ):
                head = self.lexicon.best_form(stem) or self._segment(stem) or stem
                return head + ZWNJ + ending
        return None

    def _article_word(self, rest: str) -> bool:
        """Whether ``rest`` may follow the article «ال» in an Arabic phrase: a word of
        ``MIN_ARTICLE_WORD`` letters or more with no letter Arabic does not write, seen
        ``MIN_STEM_COUNT`` times alone (``حال``) or with the article (``العظمی``)."""
        word_count = self.lexicon.word_count
        return (
            len(rest) >= MIN_ARTICLE_WORD
            and not _PERSIAN_ONLY_RE.search(rest)
            and (
                word_count.get(rest, 0) >= MIN_STEM_COUNT
                or word_count.get(ARTICLE + rest, 0) >= MIN_STEM_COUNT
            )
        )

    def _word_and_ending(self, key: str, split: str) -> str | None:
        """A known word plus an ending written glued to it, rather than ``split``, a cut
        inside that word: ``ریشتری`` is ``ریشتر`` (Richter) + ``ی``, not ``ریش‌تری``;
        ``سنتوری`` is ``سنتور`` + ``ی``, not ``سنت‌وری``; ``راهنماییم`` is ``راهنمایی`` + ``م``.

        Only when the word was seen glued ``SOLID_WORD_COUNT`` times (or an exception or user
        entry keeps it glued: ``توییتری`` is ``توییتر`` + ``ی``), every seam of ``split``
        falls inside it, and ``split`` does not start with a verbal prefix (``میدانند`` is
        ``می‌دانند``, not ``میدان`` + ``ند``). Returns the word as the lexicon writes it plus
        the ending, or None.
        """
        lex = self.lexicon
        if split.partition(ZWNJ)[0] in lex.verbal_prefixes:
            return None
        seams = zwnj_offsets(split)
        for ending in SOLID_ENDINGS:
            word = key[: -len(ending)]
            if (
                key.endswith(ending)
                and word
                and not _ends_in_silent_heh(word)
                and all(k < len(word) for k in seams)
                and (lex.glued_count(word) >= SOLID_WORD_COUNT or lex.forced.get(word) == word)
            ):
                return (lex.best_form(word) or word) + ending
        return None

    def _participle_and_ending(self, best: str) -> str | None:
        """``best`` (a glued word's split) with a plural ending after a past stem read as the
        past participle + ending instead (:data:`_PARTICIPLE_ENDINGS`): ``فروخت‌هاست`` →
        ``فروخته‌است``, ``پرداخت‌هایم`` → ``پرداخته‌ایم``. The stem is one the lexicon saw after
        «می» as a whole verb form (``می‌فروخت``: a past stem, not a present one such as
        «بند» of ``می‌بندد``) and whose participle it saw as a word ``MIN_STEM_COUNT`` times.
        A noun that is also a past stem keeps its plural where the lexicon knows the word
        (``نشست‌ها``): this is only for splits of words it never saw. None if it does not
        apply."""
        head, sep, ending = best.rpartition(ZWNJ)
        if not sep or ending not in _PARTICIPLE_ENDINGS:
            return None
        stem = head.rpartition(ZWNJ)[2]
        lex = self.lexicon
        if (
            stem[-1:] in _PAST_STEM_LAST
            and stem in lex.verb_remainders
            and lex.word_count.get(stem + "ه", 0) >= MIN_STEM_COUNT
        ):
            return head + "ه" + ZWNJ + ending[1:]
        return None

    def _spelling_and_ending(self, key: str) -> str | None:
        """A word of the house spellings (``zwnj_spellings.txt``) plus an ending, spelled as
        the word is (:func:`protected_forms`, made once): ``بیتکوینها`` → ``بیت‌کوین‌ها``
        (not ``بی‌تکوین‌ها``), ``بیتکوینی`` → ``بیت‌کوینی``. Asked only of words the lexicon
        does not know (a known one keeps its own spelling), before the morphology; None if it
        does not apply."""
        form = self._protected_forms.get(key)
        return form if isinstance(form, str) else None

    def _protected_over_cut(self, key: str) -> str | None:
        """A word an exception or user entry keeps glued, or a web word, plus an ending, where
        the morphology cut the word itself: the word stays whole (:func:`protected_forms`,
        made once): ``توییترها`` is ``توییتر‌ها``, not ``تویی‌ترها``; ``دومینوهای`` is
        ``دومینو‌های``, not ``دومی‌نوه‌ای``; ``دومینویی`` stays glued. None if it does not
        apply."""
        at = self._protected_forms.get(key)
        if not isinstance(at, int):
            return None
        return key if at == len(key) else key[:at] + ZWNJ + key[at:]

    def _noun_and_ye(self, key: str, best: str) -> bool:
        """Whether ``key``, which the lexicon writes as a verb (``می‌گوی``), is rather a
        word it writes glued plus the ezafe or indefinite ``ی`` (``میگو``, shrimp, + ``ی``):
        the lexicon never saw ``key`` glued, saw its base glued at least ``WHOLE_WORD_COUNT``
        times, never split, and more often than the verb form.
        """
        lex = self.lexicon
        base = key[:-1]
        return (
            key.endswith(EZAFE_YE)
            and lex.glued_count(key) == 0
            and bool(self._prefix_seams(key, tuple(zwnj_offsets(best))))
            and lex.glued_count(base) >= WHOLE_WORD_COUNT
            and lex.best_form(base) == base
            and lex.glued_count(base) > lex.forms[key].get(best, 0)
        )

    def _ezafe_ye(self, tok: str) -> str | None:
        """``همهی`` → ``همه‌ی``: the ezafe ``ی`` after a silent ``ه`` (the written form of ``ۀ``
        that PEYMA and the Academy use), when the word before it is well known, or unseen but
        ending in a suffix (:data:`SILENT_HEH_SUFFIXES`: ``مجرمانهی``) or a known word
        (``جفاکردهی``) whose «ه» is silent, unless it may be a word + «دهی» (giving).

        The ``ه`` after ``ا``/``و`` (``راه``, ``کوه``) or in ``الله`` is a consonant, and the
        ``ی`` after it is a suffix written glued (``راهی``); known words (``توجهی``) never get
        here, :meth:`Lexicon.best_form` decides them.
        """
        stem = tok[:-1]
        if not tok.endswith(EZAFE_YE):
            return None
        if not _ends_in_silent_heh(stem) and not self._silent_after_waw(stem):
            return None
        if self.lexicon.word_count.get(stem, 0) >= EZAFE_STEM_COUNT or self._known_tail(stem):
            return stem + ZWNJ + "ی"
        if (
            len(stem) >= MIN_SUFFIXED_HEH
            and (stem.endswith(SILENT_HEH_SUFFIXES) or self._ends_in_silent_heh_word(stem))
            and not self._word_and_giving(tok)
        ):
            # «توفندهی» → «توفنده‌ی»; an unseen compound is split as any other
            return (self._segment(stem) or stem) + ZWNJ + "ی"
        return None

    def _silent_after_waw(self, stem: str) -> bool:
        """Whether the «ه» after «و» that ends ``stem`` is silent, as in ``شیوه``, ``نحوه``,
        ``میوه`` (not spoken, as in ``گروه``, ``کوه``, ``اندوه``): the lexicon saw ``stem``
        with «ای» after a ZWNJ (``شیوه‌ای``), which no spoken «ه» takes, and never glued to
        «ی» (``گروهی``). Its letters cannot tell: «یاوه» and «اندوه» end alike."""
        lex = self.lexicon
        return (
            stem.endswith("وه")
            and lex.heh_ye_count(stem) > 0
            and not lex.glued_count(stem + EZAFE_YE)
        )

    def _ends_in_silent_heh_word(self, stem: str) -> bool:
        """Whether unseen ``stem`` ends in a word in a silent «ه» of more than
        ``MIN_COMPOUND_PIECE`` letters, seen ``EZAFE_STEM_COUNT`` times and never glued to a
        «ی» (which a spoken «ه» is: ``توجهی``, ``فقهی``): ``جفاکرده`` («کرده»), ``بهاندازه``
        («اندازه»), ``بهبودیافته`` («یافته»). Three-letter words are left out: «رده» ends the
        village name «اولردهی»."""
        lex = self.lexicon
        for k in range(1, len(stem) - MIN_COMPOUND_PIECE):
            word = stem[k:]
            if lex.word_count.get(word, 0) >= EZAFE_STEM_COUNT and not lex.glued_count(word + "ی"):
                return True
        return False

    def _word_and_giving(self, tok: str) -> bool:
        """Whether ``tok`` may be a word + «دهی» (giving), which its letters before «دهی» end
        in a word the lexicon knows, of ``MIN_COMPOUND_PIECE`` letters or more:
        ``بازسازماندهی`` (re-organising: «سازمان»), ``سکاندهی`` («سکان»), ``آگاهیدهی``; not
        after «دهن» (mouth), which is the agent «دهنده» (giver: ``توسعهدهندهی``)."""
        if not tok.endswith("دهی"):
            return False
        head = tok[:-3]
        if head.endswith("دهن"):
            return False
        counts = self.lexicon.word_count
        return any(
            counts.get(head[k:], 0) >= MIN_STEM_COUNT
            for k in range(len(head) - MIN_COMPOUND_PIECE + 1)
        )

    def _known_tail(self, stem: str) -> bool:
        """Whether ``stem`` is a compound's second word the lexicon saw after a ZWNJ
        ``MIN_COMPOUND_RIGHT`` times, though seldom alone, and is longer than
        ``MIN_COMPOUND_PIECE`` letters: ``دهنده`` (``ارائه‌دهنده``), ``کننده``, whose ezafe
        ``ی`` takes a ZWNJ as after any silent ``ه`` (``دهندهی`` → ``دهنده‌ی``, not
        ``دهن‌دهی``)."""
        return (
            len(stem) > MIN_COMPOUND_PIECE
            and self.lexicon.after_word_count.get(stem, 0) >= MIN_COMPOUND_RIGHT
        )
