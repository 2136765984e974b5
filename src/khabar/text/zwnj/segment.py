"""Segmentation of an unknown glued word: :class:`Segmenter`.
"""

from __future__ import annotations

from khabar.text.lexicon import (
    COMPARATIVE_ENDINGS,
    JOINING,
    PLURAL_ENDINGS,
    ZWNJ,
    Lexicon,
    fold,
    zwnj_offsets,
)
from khabar.text.zwnj.constants import (
    _AFTER_COMPARATIVE,
    _AGENT_AR,
    _CLITICS,
    _COPULA_ENDINGS,
    _EXTRA_PIECES,
    _GLUED_INFLECTIONS,
    _HEH_PLURALS,
    _HEH_YE,
    _HEIM,
    _NEGATIVE_PREFIX,
    _NO_PAST_T_END_RE,
    _NO_STEM,
    _PARTICIPLE_HEH,
    _PAST_PLURAL,
    _PAST_STEM_ENDS,
    _PAST_STEM_LAST,
    _PLURAL_COMPARATIVES,
    _PLURAL_LOOKALIKES,
    _PRESENT_PREFIX,
    _REGULAR_PAST_ENDS,
    _SPOKEN_HEH,
    _VERB_ENDING_RE,
    _VERB_LAST_LETTERS,
    _VERB_MOOD_OPENINGS,
    _VERB_SHAPE_RE,
    _YE_SURNAME_ENDS,
    _ZWNJ_PLURAL_EZAFE,
    CACHE_LIMIT,
    COPULA,
    COPULA_STEM_COUNT,
    EZAFE_YE,
    GLUED_TAIL_RATIO,
    LOAN_ENDINGS,
    MIN_COMPARATIVE_STEM,
    MIN_COMPOUND_LENGTH,
    MIN_COMPOUND_PIECE,
    MIN_COMPOUND_RIGHT,
    MIN_COMPOUND_WORD_COUNT,
    MIN_PAIR_COUNT,
    MIN_PAIR_LIFT,
    MIN_PAST_STEM_AR,
    MIN_PIECE,
    MIN_REGULAR_PAST_HEAD,
    MIN_SPLIT_WORD,
    MIN_STEM_COUNT,
    MIN_STRONG_SHARE,
    MIN_SUFFIX_SHARE,
    MIN_SURNAME_HEAD,
    MIN_TWO_LETTER_TAIL_HEAD,
    MIN_UNKNOWN_STEM,
    MIN_VERB_PIECE,
    NEAR_TIE,
    PERSON_ENDINGS,
    PREFIX_LIKE_COUNT,
    PREFIX_LIKE_SHARE,
    PRIVATIVE,
    RARE_PIECE,
    SON,
    SUPERLATIVE,
    TAIL_KEY,
    WHOLE_WORD_COUNT,
)
from khabar.text.zwnj.tables import _at_least, compound_two_letter_tails, glued_ends
from khabar.text.zwnj.words import _ends_in_silent_heh, _uninflect


class Segmenter:
    """Cuts an unknown glued word into pieces (:meth:`_segment`: bound suffixes, known words,
    compound pieces, by log weights), and the word-shape tests the cuts ask (a spoken
    «ه», a verb remainder, a copula after a participle, the verbal prefixes' seams).
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        lex = lexicon
        self._prefixes_longest_first = sorted(lex.verbal_prefixes, key=len, reverse=True)
        # for _verb_form: what may open a verb form before its stem, «ب», «ن» and the preverbs
        # of the verbal prefixes («باز» of «بازمی»)
        self._verb_openings = frozenset(_VERB_MOOD_OPENINGS).union(
            p[: -len(_PRESENT_PREFIX)]
            for p in lex.verbal_prefixes
            if p.endswith(_PRESENT_PREFIX)
            and not p.endswith(_NEGATIVE_PREFIX)
            and len(p) > len(_PRESENT_PREFIX)
        )
        self._longest_opening = max(map(len, self._verb_openings))
        # for _segment: the words that may open a glued word (seen MIN_STEM_COUNT times as a
        # word or left of a ZWNJ), the pieces that may follow a word (a bound suffix, or seen as
        # a word or after a ZWNJ), and log weights once per piece
        self._segment_heads = _at_least(lex.word_count, MIN_STEM_COUNT) | _at_least(
            lex.left_count, MIN_STEM_COUNT
        )
        self._segment_pieces = lex.bound_suffixes.union(lex.word_count, lex.after_word_count)
        self._log_weights: dict[str, float] = {}
        # for _glued_tail_count: the count per piece (the lexicon's words by their last letters,
        # and _two_letter_tail's tails, are the lexicon's tables: tables.glued_ends and
        # tables.compound_two_letter_tails, made on first use or read from the cache file)
        self._tail_counts: dict[str, int] = {}

    def _prefix_seams(self, tok: str, seams: tuple[int, ...]) -> tuple[int, ...]:
        """The seam of ``seams`` that ends a verbal prefix (``می|شود``), if the first one does."""
        if seams and fold(tok[: seams[0]]) in self.lexicon.verbal_prefixes:
            return seams[:1]
        return ()

    def _unknown_stem(self, tok: str) -> str | None:
        """Last resort for a word whose stem is unknown too: a strongly bound ending.

        ``زرافهها`` → ``زرافه‌ها`` (``ها`` takes a ZWNJ in 94-99 % of the word types that
        have it), ``میفرسود`` → ``می‌فرسود`` (``می`` + a verb ending), ``شنیعترین`` → ``شنیع‌ترین`` (the
        superlative needs only a majority share: :data:`SUPERLATIVE`). Names that only look
        affixed stay: ``میروسلاو`` has no verb ending, ``میشیگان`` neither, and a name in
        ``هایم`` (-heim: ``هافنهایم``) has no ending cut off.
        """
        surname = self._ye_surname(tok)
        if surname is not None:
            return surname
        lex = self.lexicon
        # «هافنهایم», «مانهایم»: German names in «-heim», not an unknown noun + «هایم» (my
        # ...s; a known noun's «کتابهایم» is decided before): no ending is cut off them
        heim = tok.endswith(_HEIM)
        # longest ending first: «سناریوهای» is «سناریو|های», not «سناریوه|ای»
        for k in range(MIN_UNKNOWN_STEM, 0 if heim else len(tok) - MIN_PIECE + 1):
            stem, suffix = tok[:k], tok[k:]
            weak = self._weak_share_ok(stem, suffix)
            if (
                # «تاتنهام» is not «تاتنه‌ام»; «رقیق|تر» is (a seen word, see _weak_share_ok)
                (len(suffix) > MIN_PIECE or suffix == "ها" or weak)
                and suffix in lex.bound_suffixes
                and lex.suffix_share(suffix, stem) >= (MIN_SUFFIX_SHARE if weak else MIN_STRONG_SHARE)
                and self._may_take(stem, suffix)
            ):
                if suffix in _HEH_PLURALS and self._heh_of_unseen_stem(stem):
                    # «دوگانهای»: دوگانه‌ای, no دوگان‌های; «جلسهایی»: جلسه‌ایی, no جلس‌هایی
                    return stem + "ه" + ZWNJ + suffix[1:]
                if weak and suffix != SUPERLATIVE:
                    # a seen word keeps its spelling: «کم‌خرج» + «تر» (not a pair written
                    # apart: a glued word gets no space)
                    form = lex.best_form(stem)
                    head = form if form is not None and " " not in form else stem
                    return head + ZWNJ + suffix
                return stem + ZWNJ + suffix
        for prefix in self._prefixes_longest_first:  # برمی before می
            if not tok.startswith(prefix):
                continue
            rest = tok[len(prefix) :]
            if (
                len(rest) >= 4
                and _VERB_ENDING_RE.search(rest)
                # «میعانات» (condensates), «میکروکانتکت»: no past stem ends so
                and not _NO_PAST_T_END_RE.search(rest)
                # «میرزاجواد» is the words «میرزا» + «جواد»: a name, not می + verb
                # («میانگاشتیم» starts with «میان», but «گاشتیم» is no word)
                and not any(
                    lex.word_count.get(tok[:k], 0) >= MIN_STEM_COUNT
                    and lex.word_count.get(tok[k:], 0) >= MIN_STEM_COUNT
                    for k in range(len(prefix) + 2, len(tok) - 2)
                )
                # «میردامادی», «میرعمادی»: «میر» (a title) + a name; a verb whose remainder
                # begins a word with the prefix («میز» + «د...») was found above, if known
                and not self._opens_with_word(tok, prefix)
            ):
                return prefix + ZWNJ + rest
        return None

    def _weak_share_ok(self, stem: str, suffix: str) -> bool:
        """Whether ``suffix`` is cut off the unknown word ``stem + suffix`` at the majority
        share (:data:`MIN_SUFFIX_SHARE`) instead of the strong one: the superlative after any
        stem (``شنیع‌ترین``), and «تر»/«تری» after a stem the lexicon saw as a word only once
        (``رقیق‌تر``, ``محتمل‌تر``, ``ناسالم‌تر``; twice or more, the segmenter cuts it as a
        known word). A seen word of more than :data:`MIN_COMPARATIVE_STEM` letters rules out
        the names and loans in «-ter» the strong share guards against (``پارامتر``: «پارام»
        is no word; ``اکستر``, Exeter: «اکس» is too short)."""
        if suffix == SUPERLATIVE:
            return True
        # a stem of MIN_COMPARATIVE_STEM letters is too short to tell a word by: «اکس» was
        # seen once, and ``اکستر`` is Exeter
        # a stem in a silent «ه» is GluedWords._heh_comparative's, which keeps the stem's own
        # cuts (``واقع‌بینانه‌تر``)
        return (
            suffix in COMPARATIVE_ENDINGS
            and len(stem) > MIN_COMPARATIVE_STEM
            and stem in self.lexicon.word_count
            and not _ends_in_silent_heh(stem)
        )

    def _ye_surname(self, tok: str) -> str | None:
        """``tok`` cut before a surname tail (:data:`YE_SURNAME_TAILS`: «زاده», «نژاد», «پور»)
        that follows a first piece in «ی» the lexicon never saw as a word to cut at
        (``عبدیپور`` → ``عبدی‌پور``, ``کاظمیزاده`` → ``کاظمی‌زاده``, ``نوابینژاد`` →
        ``نوابی‌نژاد``), else None. The segmenter only cuts after a known head, so such
        surnames stayed glued, though their writers set the tail off: UD TRAIN writes these
        tails after «ی» with a ZWNJ and never glued (see :data:`YE_SURNAME_TAILS`), and the
        crawled news, Targoman and social text (counts only) 65 times with a ZWNJ, glued only
        after the given name «علی» (``علیزاده``, ``علیپور``). A glued word the lexicon has
        seen glued, a first piece that is or ends in a given name (kept as written, see
        :meth:`_given_name_compound`: ``علیزاده``, ``مهرعلیزاده``) or of under
        :data:`MIN_SURNAME_HEAD` letters is left alone."""
        if not tok.endswith(_YE_SURNAME_ENDS):
            return None  # one test for the unknown words of every line (most end otherwise)
        for tail in _YE_SURNAME_ENDS:
            if not tok.endswith(tail):
                continue
            head = tok[: -len(tail)]
            if (
                len(head) >= MIN_SURNAME_HEAD
                and head[-1] == EZAFE_YE
                and not self._ends_in_given_name(head)
                and not self.lexicon.glued_count(fold(tok))
            ):
                return head + ZWNJ + tail
        return None

    def _verb_form(self, word: str, shortest: int) -> bool:
        """Whether ``word`` is a verb form the lexicon saw after «می» (a verb remainder, as
        ``می‌رهاند`` makes ``رهاند`` one), alone or after an opening of ``_verb_openings``
        (``برهاند``: «ب»; ``بازرساند``: «باز»), with ``shortest`` letters or more left after
        the opening."""
        remainders = self.lexicon.verb_remainders
        openings = self._verb_openings
        for k in range(min(self._longest_opening, len(word) - shortest) + 1):
            if word[:k] in openings and word[k:] in remainders:
                return True
        return False

    def _causative_past(self, stem: str) -> bool:
        """Whether ``stem`` + «اند» is a verb, not ``stem`` + the copula «اند»: a causative's
        past or present (``رهاند``, ``خیساند``, ``قبولاند``, ``برنجاند``, ``بازرساند``), a
        form the lexicon saw after «می» (:meth:`_verb_form`). Without it an unknown one is cut
        as a noun + «اند» (``ره‌اند``, ``برنج‌اند``, ``بازرس‌اند``). The copula's words in the
        lexicon that end alike (``آواره‌اند``: «آوا» + «رهاند») have no opening before the
        verb; an adjective the lexicon saw with «تر» keeps its copula (``نرم‌اند``, not «ن» +
        «رماند»)."""
        return self._verb_form(
            stem + COPULA, MIN_VERB_PIECE + len(COPULA)
        ) and not self.lexicon.comparative_count(stem)

    def _participle_copula(self, tok: str) -> str | None:
        """``tok`` cut before a form of «بودن» (:data:`_COPULA_AFTER_PARTICIPLE`) that follows
        a past participle the lexicon does not know, a verb form in «د» or «ت» (``_verb_form``)
        and the participle's «ه»: ``رنجاندهام`` → ``رنجانده‌ام``, ``فراخواندهایم`` →
        ``فراخوانده‌ایم``; after a verbal prefix, cut after it too, that reading first
        (``میترسیدهام`` → ``می‌ترسیده‌ام``); else None. The «ه» is silent, so the ending takes a
        ZWNJ whichever the reading (a noun in «ه» + «ام» is written so too). Not where the
        letters read as a plural of a word the lexicon saw plural, «ها» + «یم» or «ست»
        (``دردهایم``, my pains): that is the segmenter's to weigh. A verb the lexicon never
        saw after «می» is asked of :meth:`_unseen_participle` last (``لمیدهام`` →
        ``لمیده‌ام``; after a verbal prefix only a regular past stem, :meth:`_regular_past`)."""
        for ending in _COPULA_ENDINGS:
            cut = len(tok) - len(ending)
            head = tok[: cut - 1]
            if (
                not tok.endswith(ending)
                or tok[cut - 1 : cut] != _PARTICIPLE_HEH
                or not head.endswith(_PAST_STEM_ENDS)
                or (ending in _PLURAL_LOOKALIKES and self.lexicon.plural_count(head))
            ):
                continue
            for prefix in self._prefixes_longest_first:  # برمی before می
                if head.startswith(prefix) and (
                    self._verb_form(rest := head[len(prefix) :], MIN_VERB_PIECE)
                    or (self._unseen_word(rest) and self._regular_past(rest, ending))
                ):
                    return prefix + ZWNJ + tok[len(prefix) : cut] + ZWNJ + ending
            if self._verb_form(head, MIN_VERB_PIECE):
                return tok[:cut] + ZWNJ + ending
            participle = self._unseen_participle(head, ending)
            if participle is not None:
                return participle + ZWNJ + ending
        return None

    def _unseen_participle(self, head: str, ending: str) -> str | None:
        """``head`` + «ه» as the lexicon spells it if it is a past participle though the lexicon
        never saw the verb, before the form of «بودن» ``ending`` (:meth:`_participle_copula`
        asks it after :meth:`_verb_form`), else None: ``head`` is no word the lexicon saw
        (:meth:`_unseen_word`), and ``head`` + «ه» is a word it saw as one token (``آکنده``,
        once), in its best spelling (``ساختهشدهاست`` → ``ساخته‌شده‌است``), or ``head`` is a
        regular past stem (:meth:`_regular_past`: ``آغازیدهام`` → ``آغازیده‌ام``,
        ``دوشیدهام`` → ``دوشیده‌ام``) that is no word + verb (:meth:`_word_and_verb`:
        ``درسخواندهام`` is the segmenter's «درس‌خوانده‌ام»). A seen ``head`` with «ند» is no sign of a verb: the
        copula «ند» follows adjectives too (``مفیدند``, ``معتقدند``)."""
        if not self._unseen_word(head):
            return None
        lex = self.lexicon
        participle = head + _PARTICIPLE_HEH
        key = fold(participle)
        if any(" " not in form and n > 0 for form, n in lex.forms.get(key, {}).items()):
            # seen as one token, glued or with a ZWNJ («از دسته» written apart is no vote)
            form = lex.best_form(key)
            if form is not None and form.replace(ZWNJ, "") == participle:
                return form  # «آکنده», «ساخته‌شده», «درس‌خوانده»
        if not self._regular_past(head, ending) or self._word_and_verb(head):
            return None
        return participle

    def _word_and_verb(self, head: str) -> bool:
        """Whether ``head`` reads as a word the lexicon saw + a form it saw after «می», both of
        ``MIN_COMPOUND_PIECE`` letters or more (``درس`` + ``خواند``): a compound verb's
        participle, the segmenter's to cut (``نازید`` is no «ناز» + «ید»)."""
        lex = self.lexicon
        return any(
            lex.word_count.get(head[:k], 0) >= MIN_STEM_COUNT
            and head[k:] in lex.verb_remainders
            for k in range(MIN_COMPOUND_PIECE, len(head) - MIN_COMPOUND_PIECE + 1)
        )

    def _unseen_word(self, head: str) -> bool:
        """Whether the lexicon never saw ``head``, as a word or beside a ZWNJ. A seen one is
        no unknown verb's past stem: a noun in «ید» (``تولید``, ``تأیید``) or a name
        (``سعید``) + «هایم» / «هاست» is a plural, ``بیایدهام`` is «بی‌ایده‌ام», and a known
        verb form is :meth:`_verb_form`'s to judge."""
        lex = self.lexicon
        return not (
            head in lex.word_count or head in lex.left_count or head in lex.after_word_count
        )

    def _regular_past(self, head: str, ending: str) -> bool:
        """Whether ``head`` is a past stem of a regular conjugation before the form of «بودن»
        ``ending``: it ends in «ید» or «اند» (:data:`_REGULAR_PAST_ENDS`: -idan, the
        productive way to make a verb of a noun, and the causative -ānidan) after
        ``MIN_REGULAR_PAST_HEAD`` letters (``آغازید``, ``دوشید``, ``تراشاند``; not «نید» of
        ``نیدهام``, Needham). Before «ایم» and «است», which after the «ه» also spell a plural
        («ها» + «یم», «ها» + «ست»: ``اندرویدهایم``, my Androids), only if the lexicon knows
        the verb's present stem (``گستر`` of ``گستراندهایم``)."""
        for end in _REGULAR_PAST_ENDS:
            stem = head[: -len(end)]
            if (
                head.endswith(end)
                and len(stem) >= MIN_REGULAR_PAST_HEAD
                and (ending not in _PLURAL_LOOKALIKES or stem in self.lexicon.verb_stems)
            ):
                return True
        return False

    def _ends_in_given_name(self, head: str) -> bool:
        """Whether ``head`` is a given name or ends in one of :data:`MIN_SURNAME_HEAD` letters
        or more: a compound name (``مهرعلی``, ``غلامعلی``: «علی»), as UD TRAIN writes
        ``مهرعلیزاده`` glued."""
        names = self.lexicon.given_names
        return any(head[k:] in names for k in range(len(head) - MIN_SURNAME_HEAD + 1))

    def _heh_of_unseen_stem(self, stem: str) -> bool:
        """Whether a glued ``stem`` + ``های`` is rather ``stem`` + ``ه`` + ``ای``: ``stem`` was
        never seen (as a word, or beside a ZWNJ), while ``stem`` + ``ه`` was seen as a word
        and takes ``ای`` after a ZWNJ (the learned share): ``دوگانهای`` → ``دوگانه‌ای``,
        ``پرهزینهای`` → ``پرهزینه‌ای``, ``سورمهای`` → ``سورمه‌ای``. A seen word is never
        traded for an unseen one: ``سناریوهای`` (no ``سناریوه``) stays a plural."""
        lex = self.lexicon
        heh = stem + "ه"
        return (
            stem not in lex.word_count
            and stem not in lex.left_count
            and stem not in lex.after_word_count
            and lex.word_count.get(heh, 0) > 0
            and not self._spoken_heh(heh)  # «پناهای» is no «پناه‌ای»: see _may_take
            and lex.suffix_share(_HEH_YE, heh) >= MIN_SUFFIX_SHARE
        )

    def _spoken_heh(self, word: str) -> bool:
        """Whether ``word`` ends in a spoken «ه», after which the indefinite is «ی», never
        «‌ای»: after «ا» always (``راه``, ``نگاه``, ``پناه``), else when the lexicon saw
        ``word`` + «ی» glued ``MIN_STEM_COUNT`` times and never ``word`` + «‌ای» (``گروهی``
        71 times, ``کوهی`` 9, ``انبوهی`` 6). A silent «ه» takes «‌ای» and never a glued «ی»
        (``شیوه‌ای``, ``خانه‌ای``; ``یاوه`` was seen neither way and stays silent)."""
        if word.endswith(_SPOKEN_HEH):
            return True
        if not word.endswith("ه"):
            return False
        lex = self.lexicon
        indefinite = word + _HEH_YE
        return lex.glued_count(word + "ی") >= MIN_STEM_COUNT and not lex.forms.get(
            indefinite, {}
        ).get(word + ZWNJ + _HEH_YE)

    def _opens_with_word(self, tok: str, prefix: str) -> bool:
        """Whether ``tok``'s first letters after ``prefix`` make a known word with it that is no
        verbal prefix (``میر`` in ``میردامادی``), the reading a last resort should not cut."""
        head = tok[: len(prefix) + 1]
        return (
            head not in self.lexicon.verbal_prefixes
            and self.lexicon.word_count.get(head, 0) >= MIN_STEM_COUNT
        )

    def _may_take(self, stem: str, suffix: str) -> bool:
        """Whether ``stem`` may take the bound ``suffix``: a comparative (``تر``, ``ترین``)
        after a stem shorter than ``MIN_COMPARATIVE_STEM`` only if the lexicon has seen that
        stem with one (``کم``, ``بد``), so names ending in ``تر`` stay whole: ``لستر``
        (Leicester), ``سیترین`` (citrine). Spaced ``X ترین`` is still joined: nobody writes
        a name apart. Never ``ای`` after a stem ending in ``ای``: that ی is the ezafe or
        glide after ا (``بلایای`` is ``بلایا`` + ی, not ``بلای‌ای``)."""
        if suffix == _HEH_YE and stem.endswith(_HEH_YE):
            return False  # «بلای|ای»: the ی after ا is already the ezafe (بلایای, جای)
        if suffix == _HEH_YE and self._spoken_heh(stem):
            return False  # «گروه|ای»: after a spoken «ه» the indefinite is «ی» (گروهی, راهی)
        if suffix == COPULA and self._causative_past(stem):
            return False  # «ره|اند»: «رهاند» is a verb (می‌رهاند)
        if suffix in _PLURAL_COMPARATIVES:
            return self.lexicon.comparative_count(stem) > 0  # «بوس|ترها»: no comparative
        return (
            len(stem) >= MIN_COMPARATIVE_STEM
            or suffix not in COMPARATIVE_ENDINGS
            or self.lexicon.comparative_count(stem) > 0
        )

    def _next_piece(self, kind: str, prev: str, piece: str, stem: str) -> str | None:
        """The kind of ``piece`` if it may follow ``prev`` (of ``kind``) in a glued word."""
        lex = self.lexicon
        if kind == "prefix":
            if len(piece) < MIN_PIECE:
                return None
            if piece in lex.verb_remainders:
                return "verb"
            # a remainder known only by its shape («دادهاند» ends like «اند») costs more, so
            # a split into seen pieces wins: «می‌داده‌اند», not «می‌دادهاند»
            if self._is_verb_remainder(piece) or (
                piece[-1:] == _PARTICIPLE_HEH and self._progressive_participle(piece)
            ):
                return "verb?"
            return None
        if kind == "last" or not self._may_take(stem, piece):
            return None  # «لس|تر»: neither a suffix nor a compound's second word
        if (
            kind == "suffix"
            and prev in COMPARATIVE_ENDINGS
            and not self._after_comparative(prev, piece, stem)
        ):
            return None  # «فیل|تر|سازی», «بوس|تر|ها»: no comparative there
        if piece in lex.bound_suffixes and kind != "conj":  # «سیل|و|های» has no stem for های
            # «آزمون|شان» is glued in the treebanks, «خانه‌شان» is not: follow the learned
            # share for this suffix after this kind of stem
            ok = lex.suffix_share(piece, stem) >= MIN_SUFFIX_SHARE
            return "suffix" if ok or self._copula_after(kind, piece, stem) else None
        if kind == "conj":
            # after «و» comes a word seen after it: «و» + «نقل»
            ok = len(piece) >= MIN_PIECE and lex.pair_count(prev, piece) >= MIN_PAIR_COUNT
            if not ok or lex.word_count.get(piece, 0) < MIN_STEM_COUNT:
                return None
            # a two-letter word ends the glued word (خوش‌وبش, این‌وآن) unless the lexicon knows
            # the whole (گفت‌وگو|های): «پشتونهای» is not «پشت‌و‌نه‌ای»
            return "word" if len(piece) >= MIN_COMPOUND_PIECE or stem + piece in lex.forms else "last"
        if kind != "word":
            return None
        if piece == "و":
            # «حملونقل» → «حمل‌ونقل»: the conjunction between two words seen around it
            return "conj" if lex.pair_count(prev, piece) >= MIN_PAIR_COUNT else None
        if len(piece) < MIN_PIECE:
            return None
        word_count, after_word_count = lex.word_count, lex.after_word_count
        if piece not in word_count and piece not in after_word_count:
            # every rule below needs the piece (or it uninflected) seen as a word or after a
            # ZWNJ; most pieces tried in a glued word are neither, so they stop here
            bare = _uninflect(piece)
            if bare == piece or (bare not in word_count and bare not in after_word_count):
                return None
        # the pair's count (a concatenation and two look-ups) only when the cheap tests pass
        if (
            lex.word_count.get(piece, 0) >= MIN_STEM_COUNT
            and max(len(prev), len(piece)) >= MIN_COMPOUND_PIECE  # «کسبه» is not «کس به»
            and (together := lex.pair_count(prev, piece)) >= MIN_PAIR_COUNT
            # the pair must be a habit: «حالی که» and «با این» are seen together far more often
            # than chance, «جان به» is not (pointwise mutual information, as a ratio)
            and together * lex.total
            >= MIN_PAIR_LIFT * lex.word_count.get(prev, 0) * lex.word_count.get(piece, 0)
        ):
            return "word"  # «محیط» and «زیست» are seen side by side
        if (
            prev in lex.bound_prefixes
            and len(piece) > MIN_COMPOUND_PIECE
            and (
                lex.word_count.get(piece, 0) >= MIN_STEM_COUNT
                or lex.word_count.get(_uninflect(piece), 0) >= MIN_STEM_COUNT  # «بی‌تعادلی»
                or lex.after_word_count.get(piece, 0) >= MIN_COMPOUND_RIGHT
            )
        ):
            # «بی» + «نیوز»: a prefix that is rarely a word by itself; 3-letter pieces only
            # after «بی», below
            return "word"
        if (
            prev == PRIVATIVE
            and len(piece) == MIN_COMPOUND_PIECE
            and lex.word_count.get(piece, 0) >= MIN_COMPOUND_WORD_COUNT
            # seen as a compound's second piece too: «جار» never is (``بیجار``, a city)
            and piece in lex.after_word_count
            and not self._privative_verb(stem + piece)
        ):
            return "word"  # «بی» + «پول», «بی» + «خطر»: see PRIVATIVE
        if (
            lex.left_count.get(prev, 0) >= PREFIX_LIKE_COUNT
            and lex.word_count.get(prev, 0) >= PREFIX_LIKE_COUNT  # a word too: «ان» is not
            and lex.left_count.get(prev, 0) >= PREFIX_LIKE_SHARE * lex.word_count.get(prev, 0)
            and len(piece) > MIN_COMPOUND_PIECE
            and max(lex.word_count.get(piece, 0), lex.word_count.get(_uninflect(piece), 0))
            >= MIN_COMPOUND_WORD_COUNT
        ):
            # «سه» + «جانبه», «هم» + «تیمی»: a short word often first in compounds
            return "word"
        if len(piece) == MIN_PIECE and self._two_letter_tail(prev, piece):
            return "word"  # «اعتیاد» + «زا», «حقیقت» + «جو»
        if (
            len(prev) < MIN_COMPOUND_PIECE
            or len(piece) < MIN_COMPOUND_PIECE
            or self._rare_compound(prev, piece)
        ):
            return None
        if (
            max(
                lex.after_word_count.get(piece, 0),
                lex.after_word_count.get(_uninflect(piece), 0),
            )
            >= MIN_COMPOUND_RIGHT
        ):
            # a compound's second word: «نخست» + «وزیران»; short pieces (تن, دی) and rare
            # ones split names (نیلوفر → نی|لوفر), so both are refused
            return "word"
        if (
            min(lex.word_count.get(prev, 0), lex.word_count.get(piece, 0))
            >= MIN_COMPOUND_WORD_COUNT
            and len(prev) + len(piece) >= MIN_COMPOUND_LENGTH
        ):
            return "words"  # two frequent words, never seen in a compound: «زمین» + «مرکزی»
        return None

    def _privative_verb(self, word: str) -> bool:
        """Whether ``word`` («بی» + a three-letter word) reads otherwise: as a verb the lexicon
        saw after «می», bare (``بینیم``, we see: «می‌بینیم») or after the subjunctive «ب»
        (``بیابم``: «می‌یابم»), or as a longer word + a word (``بینهم``, Arabic «بین» +
        «هم», between them), not «بی» + «نیم», «بی» + «ابم», «بی» + «نهم»."""
        lex = self.lexicon
        if word in lex.verb_remainders or word[1:] in lex.verb_remainders:
            return True
        cut = len(PRIVATIVE) + 1
        return (
            lex.word_count.get(word[:cut], 0) >= MIN_COMPOUND_WORD_COUNT
            and word[cut:] in lex.word_count
        )

    def _two_letter_tail(self, prev: str, piece: str) -> bool:
        """Whether the two-letter ``piece`` may end a compound after the word ``prev``, a pair
        the lexicon never saw: ``piece`` is a compound tail of :func:`two_letter_tails`
        (``زا``, ``جو``, ``گو``, ``زن``...) and ``prev`` a word of ``MIN_TWO_LETTER_TAIL_HEAD``
        letters or more, seen ``MIN_STEM_COUNT`` times, that ends in a joining letter (after
        one that never joins the seam writes nothing). Short first pieces are left out: «هم»
        + «ره» is «همره», not «هم‌ره»; «بی» + «کن» is «بیکن»; «هانزا» (Hunza) is no «هان» +
        «زا». A compound the lexicon
        has seen glued keeps that spelling inside a longer word: ``جنگجو|ترین``, not
        ``جنگ‌جوترین``."""
        lex = self.lexicon
        if (
            len(prev) < MIN_TWO_LETTER_TAIL_HEAD
            or prev[-1] not in JOINING
            or lex.word_count.get(prev, 0) < MIN_STEM_COUNT
        ):
            return False
        whole = prev + piece
        if whole in lex.forms.get(whole, ()):
            return False  # «جنگجو», seen glued once
        return piece in compound_two_letter_tails(lex)

    def _after_comparative(self, prev: str, piece: str, stem: str) -> bool:
        """Whether ``piece`` may follow the comparative ``prev`` («تر», «تری», «ترین») that
        ends ``stem`` in a glued word. A comparative closes an adjective's stem, so only an
        ending follows it (:data:`_AFTER_COMPARATIVE`: ``بزرگ|تر|ها``, ``بیش|ترین|شان``),
        never a compound's tail or another suffix: ``فیل|تر|سازی`` is «فیلتر» + «سازی», and
        a cut before «تر» there leaves «ترسازی», no word. A plural after «تر» needs the
        lexicon to have seen the stem as a comparative: ``بوس|تر|ها`` is «بوستر» + «ها»."""
        if piece not in _AFTER_COMPARATIVE:
            return False
        return not (
            prev == COMPARATIVE_ENDINGS[0]
            and piece in PLURAL_ENDINGS
            and not self.lexicon.comparative_count(stem[: -len(prev)])
        )

    def _copula_after(self, kind: str, piece: str, stem: str) -> bool:
        """Whether ``piece`` is the copula «اند» after ``stem``, a noun or adjective: ``stem``
        is one word seen ``COPULA_STEM_COUNT`` times, of ``MIN_COMPOUND_PIECE`` letters or
        more, and not a verb's present stem (neither in the lexicon's verb stems nor seen with
        «ید»: ``ترس`` + «ید» is ``ترسید``, so ``ترساند`` stays a verb).
        """
        lex = self.lexicon
        return (
            piece == COPULA
            and kind == "word"
            and len(stem) >= MIN_COMPOUND_PIECE
            and lex.word_count.get(stem, 0) >= COPULA_STEM_COUNT
            and stem not in lex.verb_stems
            and stem + "ید" not in lex.forms
        )

    def _without_glued_tails(self, tok: str, seams: tuple[int, ...]) -> tuple[int, ...]:
        """``seams`` of ``tok``'s segmentation without those that would write a ZWNJ before a
        piece that ends glued words far more often than it follows one
        (:meth:`_mostly_glued_tail`): unless the piece is a bound suffix, the piece before it a
        prefix or ends in a silent ``ه`` (``تکیه‌گاه``, ``معامله‌گران``), or the two were seen
        written apart. ``پاس|گاه`` → ``پاسگاه``, ``بازداشت|گاه|ها`` → ``بازداشتگاه‌ها``.
        """
        lex = self.lexicon
        bounds = (0, *seams, len(tok))
        kept: list[int] = []
        for k in range(1, len(bounds) - 1):
            prev, piece = tok[bounds[k - 1] : bounds[k]], tok[bounds[k] : bounds[k + 1]]
            if (
                prev[-1] in JOINING  # a seam after ر, و, ... writes no ZWNJ: nothing to undo
                and piece not in lex.bound_suffixes
                and prev not in lex.verbal_prefixes
                and prev not in lex.bound_prefixes
                and not _ends_in_silent_heh(prev)
                and lex.pair_count(prev, piece) < MIN_PAIR_COUNT
                and self._mostly_glued_tail(piece)
            ):
                continue
            kept.append(bounds[k])
        return tuple(kept)

    def _mostly_glued_tail(self, piece: str) -> bool:
        """Whether ``piece`` ends glued words after a known word far more often than it
        follows a ZWNJ (``GLUED_TAIL_RATIO`` times): a suffix written glued (``گاه`` in
        ``دانشگاه``, ``بان`` in ``باغبان``), or letters that end many words by chance
        (``ابی`` in ``خرابی``), so a cut before it in an unknown word is no compound:
        ``پاسگاه``, ``سرخابی``, ``منیبان`` stay whole.
        """
        after = self.lexicon.after_word_count.get(piece, 0)
        return self._glued_tail_count(piece) >= GLUED_TAIL_RATIO * max(after, 1)

    def _glued_tail_count(self, piece: str) -> int:
        """How often the lexicon wrote a word glued that is a known word (``MIN_STEM_COUNT``)
        plus ``piece``: ``دانشگاه``, ``دستگاه``, ... for ``گاه``; 0 for a piece shorter than
        ``TAIL_KEY``; memoised."""
        hit = self._tail_counts.get(piece)
        if hit is not None:
            return hit
        if len(self._tail_counts) > CACHE_LIMIT:
            self._tail_counts.clear()
        lex = self.lexicon
        ends = glued_ends(lex)
        word_count, total = lex.word_count, 0
        if len(piece) >= TAIL_KEY:
            cut = len(piece)
            for key in ends.get(piece[-TAIL_KEY:], ()):
                # the head (key less piece) is sliced only for a key that ends in the piece
                if (
                    len(key) - cut >= MIN_PIECE
                    and key.endswith(piece)
                    and word_count.get(key[: len(key) - cut], 0) >= MIN_STEM_COUNT
                ):
                    total += lex.glued_count(key)
        self._tail_counts[piece] = total
        return total

    def _rare_compound(self, prev: str, piece: str) -> bool:
        """Whether ``prev`` + ``piece`` would be a compound of rare pieces: ``prev`` as short
        as a compound piece may be (``MIN_COMPOUND_PIECE``) and never seen on the left of a
        ZWNJ, and ``piece`` seen under ``MIN_STEM_COUNT`` times as a word. Such cuts are
        mostly wrong (``کام|یابی``, ``مست|ضعفان``, ``سرم|شقی``, ``سوگ|وار``: on the dev sets'
        glued words, 14 of 18 scored seams with any first piece; a longer one is a word in its
        own right: ``بیرون‌گرا``), so they are not made.
        """
        lex = self.lexicon
        return (
            len(prev) <= MIN_COMPOUND_PIECE
            and lex.left_count.get(prev, 0) == 0
            and lex.word_count.get(piece, 0) < MIN_STEM_COUNT
        )

    def _is_verb_remainder(self, s: str) -> bool:
        """``s`` can follow می/نمی: seen so (``باشد``), or a seen stem plus an ending."""
        lex = self.lexicon
        if s in lex.verb_remainders:
            return True
        if s[-1:] not in _VERB_LAST_LETTERS:
            return False  # every ending below, and every _VERB_SHAPE_RE match, ends so
        for end in ("م", "ی", "د", "یم", "ید", "ند"):
            if s.endswith(end) and s[: -len(end)] in lex.verb_stems:
                return True
        return len(s) >= 5 and _VERB_SHAPE_RE.search(s) is not None

    def _progressive_participle(self, s: str) -> bool:
        """Whether ``s`` after «می» is the past participle of the past progressive perfect
        (``می‌دیده``, ``می‌شنیده``, ``نمی‌آمده``: he used to see, it is said): ``s`` is a word
        the lexicon saw ``MIN_STEM_COUNT`` times, its «ه» follows a past stem in «د» or «ت»,
        and that stem is a form the lexicon saw after «می», alone and with the past plural
        «ند» (``می‌دید``, ``می‌دیدند``). A present form in «د» takes no «ند»: ``زنده`` (alive)
        is no «زند» + «ه», ``خواننده`` (singer) no «خوانند» + «ه»; ``میکده`` (tavern) stays
        whole: «کد» is no form seen after «می». Asked of glued words only (:meth:`_next_piece`):
        written apart, «می» + a participle is as often the month May + an adjective (``ماه می
        گذشته``, last May), which stays apart."""
        lex = self.lexicon
        stem = s[: -len(_PARTICIPLE_HEH)]
        return (
            stem.endswith(_PAST_STEM_ENDS)
            and stem in lex.verb_remainders
            and stem + _PAST_PLURAL in lex.verb_remainders
            and lex.word_count.get(s, 0) >= MIN_STEM_COUNT
        )

    def _head_form(self, head: str, after: str) -> str:
        """How the first piece of a split glued word is written: its lexicon spelling, but
        glued before a plural ending if the lexicon writes it glued too, since a verb takes
        no plural: ``میدانیها`` is ``میدانی‌ها`` (field ones), not ``می‌دانی‌ها``; and
        ``ه`` + ``ای`` before a comparative when the lexicon has that spelling too, since a
        plural takes no comparative: ``حرفهایتر`` is ``حرفه‌ای‌تر``, not ``حرف‌های‌تر``.
        """
        form = self.lexicon.best_form(head) or head
        if (
            after in PLURAL_ENDINGS
            and ZWNJ in form
            and self._prefix_seams(head, tuple(zwnj_offsets(form)))
            and self.lexicon.glued_count(head) >= WHOLE_WORD_COUNT
        ):
            return head
        if after in COMPARATIVE_ENDINGS and form.endswith(_ZWNJ_PLURAL_EZAFE):
            # a plural has no comparative: «حرفهای|تر» is «حرفه‌ای‌تر», not «حرف‌های‌تر»
            heh_form = head[: -len(_HEH_YE)] + ZWNJ + _HEH_YE
            if self.lexicon.forms.get(head, {}).get(heh_form):
                return heh_form
        return form

    def _segment(self, tok: str) -> str | None:
        """Split an unknown glued word into known pieces, fewest pieces first.

        The first piece is a known word (``خشونت``) or a verbal prefix (``می``). After a
        prefix comes a verb remainder (``اندازد`` in ``میاندازد``). After a word come bound
        suffixes (``ها``, ``ترین``), the second piece of a known compound (``وزیران`` in
        ``نخستوزیران``), or a word seen written apart from it (``محیط زیست`` makes
        ``محیطزیست`` → ``محیط‌زیست``). Returns the word with ZWNJs at the chosen seams, ``tok``
        itself when it reads whole (``پیشرفتمان``: a word and a glued ending), or None when no
        split is safe (``میروسلاو``).
        """
        if len(tok) < MIN_SPLIT_WORD:
            return None
        if tok.endswith(_COPULA_ENDINGS):
            participle = self._participle_copula(tok)
            if participle is not None:
                return participle  # «نشانده‌ایم», not «نشاند» + «هایم»
        lex = self.lexicon
        # After a word, suffix or verb, a piece can only follow if it is one of these (or
        # «و», or an inflected form of one of them): a cheap test before _next_piece.
        bound = lex.bound_suffixes
        known, heads, prefixes = self._segment_pieces, self._segment_heads, lex.verbal_prefixes
        weights = self._log_weights
        if len(weights) > CACHE_LIMIT:
            weights.clear()
        n = len(tok)
        # best[i]: (pieces, cost, seams, kind, start of the last piece, weight of the rarest
        # word piece) for tok[:i]
        best: dict[int, tuple[float, float, tuple[int, ...], str, int, float]] = {}
        for i in range(MIN_PIECE, n - 1):
            head = tok[:i]
            if head in prefixes:
                kind = "prefix"
            elif head in heads:  # seen MIN_STEM_COUNT times as a word or left of a ZWNJ
                kind = "word"
            else:
                continue
            weight = weights.get(head)
            if weight is None:
                weight = weights[head] = lex.log_weight(head)
            best[i] = (1.0, -weight, (), kind, 0, weight if kind == "word" else _NO_STEM)
        for i in range(MIN_PIECE, n):
            state = best.get(i)
            if state is None:
                continue
            pieces, cost, seams, kind, last, rarest = state
            if kind == "last":
                continue  # nothing follows it (_next_piece says None to every piece)
            prev, stem = tok[last:i], tok[:i]
            # after a prefix, pieces of MIN_PIECE letters or more only (_next_piece says None
            # to shorter ones): no slice is made for them
            for j in range(i + MIN_PIECE if kind == "prefix" else i + 1, n + 1):
                piece = tok[i:j]
                if kind == "prefix":
                    pass  # every piece of MIN_PIECE letters or more goes to _next_piece
                elif piece not in known and (
                    (kind != "word" and kind != "conj")
                    or (piece != "و" and not (j - i > 4 and piece.endswith(_GLUED_INFLECTIONS)))
                ):
                    continue  # the test below, in one look-up for most pieces
                elif piece not in bound:
                    if kind != "word" and kind != "conj":
                        continue  # after a suffix or verb only bound suffixes follow
                    # a piece here is known (``known`` holds every word and every piece seen
                    # after a ZWNJ: it is one of them) or a long one ending in an inflection:
                    # either way _next_piece looks at it, if it has MIN_PIECE letters
                    if piece != "و" and j - i < MIN_PIECE:
                        continue  # _next_piece would say None
                # a direct call: a bound method kept in a local is called through the
                # generic protocol in compiled code
                nkind = self._next_piece(kind, prev, piece, stem)
                if nkind is None:
                    continue
                extra = _EXTRA_PIECES.get(nkind, 0.0)
                if nkind == "words":
                    nkind = "word"
                weight = weights.get(piece)
                if weight is None:
                    weight = weights[piece] = lex.log_weight(piece)
                low = weight if nkind == "word" and weight < rarest else rarest
                cand = (pieces + 1 + extra, cost - weight, seams + (i,), nkind, i, low)
                held = best.get(j)
                if held is None or self._better_cut(cand, held):
                    best[j] = cand
        final = best.get(n)
        if final is None or not final[2] or final[3] == "conj":  # «دهو» is not «ده|و»
            return self._unknown_stem(tok)
        if self._cuts_loan_ending(tok, final[2]):
            return self._unknown_stem(tok)  # «پستینگ‌های», not «پستی‌نگه‌ای»
        # a word that reads whole is returned as written, so no later fallback cuts it
        if self._glued_and_inside(tok, final[2]) and self._word_and_glued_suffix(tok):
            return tok  # «امورمان» is «امور» + «مان», not «ام|و|رمان»
        if self._glued_word_and_clitic(tok):
            return tok  # «پیشرفتمان» is «پیشرفت» + «مان», not «پیش|رفتمان»
        # «پاس|گاه» is one word, and no other cut is looked for («کمین|گاه» is not «کمی|نگاه»)
        seams = self._without_glued_tails(tok, final[2])
        if not seams:
            return None
        if self._given_name_compound(tok, seams):
            return tok  # «علیدوستی», «علیپور»: a surname glued as its writer wrote it
        agent = self._past_stem_ar(tok)
        if agent and seams[0] < agent:
            # «شنیداری» is «شنیدار» + «ی» (auditory), not «شنی‌داری»: no cut inside it
            seams = tuple(k for k in seams if k >= agent)
            if not seams:
                return tok
        if len(seams) < len(final[2]) and self._merged_non_word(tok, seams, final[2]):
            return tok  # «پرتابگرهای» as written, not «پرتابگره‌ای»
        head = tok[: seams[0]]
        after = tok[seams[0] : seams[1] if len(seams) > 1 else n]
        head_form = self._head_form(head, after)
        out = head_form + tok[len(head) :]
        for k in reversed(seams):
            k += head_form.count(ZWNJ)
            out = out[:k] + ZWNJ + out[k:]
        return self._with_piece_forms(out)

    def _past_stem_ar(self, tok: str) -> int:
        """The length of the noun ``tok`` opens with if it is a past stem + «ار» (``شنیدار``,
        the hearing; as ``گفتار``, ``رفتار``, ``دیدار``, ``خریدار``, ``ساختار``: one word,
        never cut inside), else 0. The stem is a verb stem of the lexicon in «د» or «ت» that
        it saw after «می» as a whole verb form (``می‌شنید``) and whose participle it saw as a
        word ``MIN_STEM_COUNT`` times (``شنیده``), as in :meth:`_participle_and_ending`: a
        present form in «د» is no past stem (``دهداری``, a surname, is not «دهد» + «اری»). At
        least three letters (``زد`` + «ار» is no such noun)."""
        k = tok.find(_AGENT_AR, MIN_PAST_STEM_AR)
        while k > 0:
            stem = tok[:k]
            lex = self.lexicon
            if (
                stem[-1] in _PAST_STEM_LAST
                and stem in lex.verb_stems
                and stem in lex.verb_remainders
                and lex.word_count.get(stem + "ه", 0) >= MIN_STEM_COUNT
            ):
                return k + len(_AGENT_AR)
            k = tok.find(_AGENT_AR, k + 1)
        return 0

    def _cuts_loan_ending(self, tok: str, seams: tuple[int, ...]) -> bool:
        """Whether a seam falls inside a loanword's ending (``LOAN_ENDINGS``: «ینگ», «یسم»)
        that ends ``tok`` or is followed only by a bound suffix: ``پستی|نگه|ای`` cuts
        «پستینگ» (posting) + «های», ``فمینی|سم`` «فمینیسم». A Persian word has these letters
        across a seam only before more of its stem (``می‌نگرد``, ``سطحی‌نگری``, ``مین‌گذاری``,
        ``این‌گونه``; the lexicon writes no ZWNJ inside a final «ینگ» or «یسم»)."""
        for end in LOAN_ENDINGS:
            k = tok.rfind(end)
            if k < MIN_PIECE:
                continue
            rest = tok[k + len(end) :]
            if rest and rest not in self.lexicon.bound_suffixes:
                continue
            if any(k < s < k + len(end) for s in seams):
                return True
        return False

    @staticmethod
    def _better_cut(
        cand: tuple[float, float, tuple[int, ...], str, int, float],
        held: tuple[float, float, tuple[int, ...], str, int, float],
    ) -> bool:
        """Whether the segmentation ``cand`` of a word's first letters beats ``held`` (states
        of :meth:`_segment`): fewer pieces; with as many, the more frequent pieces (the sum of
        their log weights), unless the sums are within ``NEAR_TIE`` of each other: then the one
        whose rarest word piece (no suffix, no prefix) was seen more often, as a cut is only
        as good as its weakest word, when one of them holds a rare word (``RARE_PIECE``).
        ``بی|نقار|های`` (نقار seen 2 times) and ``بین|قاره|ای`` (قاره 9) sum to 16.34 and
        16.33: «بین‌قاره‌ای» (intercontinental), not «بی‌نقارهای». Only between cuts that
        differ before their last seam: whether a «ه» ends the stem or opens «های»
        (``صوفی|های`` or ``صوفیه|ای``, ``شوک|های`` or ``شوکه|ای``) is the business of the
        plural-or-«ه‌ای» tests and the line's context (:meth:`_plural_and_heh_ye`).
        """
        if cand[0] != held[0]:
            return cand[0] < held[0]
        if (
            cand[5] != held[5]
            and min(cand[5], held[5]) < RARE_PIECE
            and abs(cand[1] - held[1]) < NEAR_TIE
            and cand[2][:-1] != held[2][:-1]
        ):
            return cand[5] > held[5]
        return cand[1] < held[1]

    def _given_name_compound(self, tok: str, seams: tuple[int, ...]) -> bool:
        """Whether ``tok``, cut at ``seams``, is a given name (:attr:`Lexicon.given_names`)
        and one more piece that is no affix: a surname or compound name the lexicon never saw
        (``علی|دوستی``, ``علی|پور``, ``محمدعلی|پور``, ``حسین|آبادی``), which keeps its
        writer's glued spelling. The surname policy: writers and the treebanks write such
        names both ways (the crawled news glues «علیزاده» six times and writes «عباس‌زاده»
        three times with a ZWNJ; TRAIN has «علی‌آبادی» and «اسدآبادی»), so a glued one is
        not cut, a ZWNJ one is kept, and only a space inside one becomes a ZWNJ
        (``SURNAME_TAILS``: ``حسین زاده`` → ``حسین‌زاده``). A plural, comparative or personal
        ending is still cut off a name (``علی‌ها``), and a word of three pieces or more is
        not a name by this test (``علی‌ابن‌ابی‌طالب``). A word cut only before «پور» (:data:`SON`)
        is a surname or a place whatever its first piece (``غلامپور``, ``خادمپور``: «غلام»
        and «خادم» are no given names; ``کانپور``), and is kept as written too, unless the
        first piece ends in «ی»: ``قاسمی‌پور``, ``حاجی‌پور`` take the ZWNJ (see :data:`SON`)."""
        if len(seams) != 1:
            return False
        rest = tok[seams[0] :]
        if rest == SON and tok[seams[0] - 1] != EZAFE_YE:
            return True  # «غلامپور», «خادمپور», «کانپور»: «پور» ends a surname or a place
        if tok[: seams[0]] not in self.lexicon.given_names:
            return False
        return not (rest in PLURAL_ENDINGS or rest in COMPARATIVE_ENDINGS or rest in PERSON_ENDINGS)

    def _merged_non_word(self, tok: str, seams: tuple[int, ...], found: tuple[int, ...]) -> bool:
        """Whether ``tok``, cut at ``seams`` (what is left of the segmentation's ``found``
        seams once glued tails merged pieces, :meth:`_without_glued_tails`), ends in «ای» cut
        off a word the lexicon never saw, whose «ه» ends a merged piece the lexicon wrote with
        «‌ای» under ``MIN_STEM_COUNT`` times: the cut was chosen for pieces that merged, and
        the «ه» may as well open a plural «های». ``پرتاب|گره|ای`` kept ``پرتابگره|ای``, but
        ``پرتابگره`` is no word (``پرتابگر‌های``, the plural of ``پرتابگر``; «گره‌ای» once):
        the word is left as written. ``درویش|خانه|ای`` keeps ``درویشخانه‌ای`` («خانه‌ای» 14
        times), ``بازداشتگاه|ها`` its cut before «ها».
        """
        last = seams[-1]
        if tok[last:] != _HEH_YE or tok[last - 1] != "ه":
            return False
        forms = self.lexicon.forms
        start = seams[-2] if len(seams) > 1 else 0
        if tok[start:last] in forms:
            return False
        piece = tok[max(k for k in (start, *found) if k < last) : last]  # «گره»
        written = forms.get(piece + _HEH_YE)
        return not written or written.get(piece + ZWNJ + _HEH_YE, 0) < MIN_STEM_COUNT

    def _glued_and_inside(self, tok: str, seams: tuple[int, ...]) -> bool:
        """Whether the segmentation ``seams`` of ``tok`` reads a glued «و» (a conjunction)
        inside it: a seam before «و» and one right after it (``ام|و|رمان``)."""
        return any(tok[k] == "و" and k + 1 in seams for k in seams)

    def _word_and_glued_suffix(self, tok: str) -> bool:
        """Whether ``tok`` reads as a known word ending in a letter that never joins, then a
        bound suffix (``امور`` + ``مان``): written glued, as it must be, it needs no ZWNJ, and
        that reading beats one with a glued «و» inside (``ام|و|رمان``).
        """
        lex = self.lexicon
        for k in range(MIN_PIECE, len(tok) - 1):
            stem = tok[:k]
            if (
                stem[-1] not in JOINING
                and tok[k:] in lex.bound_suffixes
                and lex.word_count.get(stem, 0) >= MIN_STEM_COUNT
            ):
                return True
        return False

    def _glued_word_and_clitic(self, tok: str) -> bool:
        """Whether ``tok`` is a word the lexicon writes glued (its best spelling, seen
        ``MIN_STEM_COUNT`` times) and a personal ending (:data:`_CLITICS`) that the lexicon
        writes glued after such a stem (its learned share under ``MIN_SUFFIX_SHARE``): the
        word is written as it must be, and no cut inside the stem is looked for
        (``پیشرفتمان``, our progress, not ``پیش‌رفتمان``).
        """
        lex = self.lexicon
        word_count = lex.word_count
        for clitic in _CLITICS:
            if tok.endswith(clitic):
                stem = tok[: -len(clitic)]
                if (
                    len(stem) >= MIN_COMPOUND_PIECE
                    and word_count.get(stem, 0) >= MIN_STEM_COUNT
                    and lex.suffix_share(clitic, stem) < MIN_SUFFIX_SHARE
                    and lex.best_form(stem) == stem
                ):
                    return True
        return False

    def _with_piece_forms(self, split: str) -> str:
        """``split`` (a segmented word, its pieces joined by ZWNJs) with each piece after the
        first written as the lexicon writes it: a piece that is itself a word with a ZWNJ keeps
        it (``دارو|خانهها`` → ``دارو‌خانه‌ها``: ``خانه‌ها`` 16 times; ``قمار|خانههای``)."""
        first, _, rest = split.partition(ZWNJ)
        if not rest:
            return split
        best_form, bound = self.lexicon.best_form, self.lexicon.bound_suffixes
        pieces = [first]
        for piece in rest.split(ZWNJ):
            form = None if piece in bound else best_form(piece)  # («ها» is written as it is)
            pieces.append(form if form and ZWNJ in form and len(form) > len(piece) else piece)
        return ZWNJ.join(pieces)
