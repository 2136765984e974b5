"""The tables a repairer builds from its lexicon once, at start-up (which words may join
the word before them, compound tails, three-word forms, the protected forms ...).

Those made from the lexicon's forms and counts alone (:data:`CACHED_TABLES`) are kept on the
lexicon (:meth:`Lexicon.table`), and the lexicon cache file stores the shipped lexicon's with
it (:mod:`khabar.text.lexicon_cache`), so a process reads them instead of making them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import compress, repeat
from operator import add, eq, ge, getitem
from typing import Final, cast

from khabar.text.lexicon import JOINING, PLURAL_ENDINGS, ZWNJ, Lexicon, fold, forms_with_zwnj
from khabar.text.zwnj.constants import (
    _BEFORE_TWO_LETTERS,
    _GLUED_AFTER_SPELLING,
    _INFINITIVE_ADJECTIVE_ENDS,
    _VOWEL_LETTERS,
    _WEB_WORD_YE_ENDINGS,
    _ZWNJ_AFTER_SILENT_HEH,
    ARTICLE,
    COMPOUND_TAIL_HEADS,
    COMPOUND_TAIL_WORD_SHARE,
    COPULA_AFTER_CONSONANT,
    COPULA_AFTER_VOWEL,
    COPULA_VOWEL_LETTERS,
    EZAFE_YE,
    JOIN_MARGIN,
    MIN_COMPOUND_PIECE,
    MIN_PIECE,
    MIN_SPLIT_WORD,
    MIN_STEM_COUNT,
    MIN_TRIPLE_COUNT,
    PERSON_ENDINGS,
    PERSON_PLURALS,
    PLURAL_HA,
    RARE_TAIL_HEADS,
    SPACED_LINE_JOIN_MARGIN,
    SPACED_PLURALS,
    TAIL_KEY,
    TWO_LETTER_TAIL_HEADS,
    TWO_LETTER_TAIL_RATIO,
    VOWEL_YE,
    VOWEL_YE_AFTER,
)
from khabar.text.zwnj.records import JOIN_ANY, JOIN_SPACED_LINE
from khabar.text.zwnj.twins import _tail_index
from khabar.text.zwnj.words import _ends_in_silent_heh


def zwnj_forms(lex: Lexicon) -> list[str]:
    """:func:`~khabar.text.lexicon.forms_with_zwnj` of ``lex``'s forms, made once per lexicon
    (:meth:`Lexicon.table`; the shipped lexicon's is read from the cache file).

    >>> zwnj_forms(Lexicon.from_counts({"کتاب‌ها": 2, "میز": 1})) == ["کتاب\u200cها"]
    True
    """
    return lex.table("zwnj_forms", _zwnj_forms)


def _zwnj_forms(lex: Lexicon) -> list[str]:
    return forms_with_zwnj(lex.forms)


def glued_ends(lex: Lexicon) -> dict[str, list[str]]:
    """The keys ``lex`` writes glued, by their last ``TAIL_KEY`` letters (``_tail_index``: the
    segmenter's index of glued words), made once per lexicon like :func:`zwnj_forms`.

    >>> glued_ends(Lexicon.from_counts({"دانشگاه": 5, "دستگاه": 2, "می‌گاه": 1}))
    {'گاه': ['دانشگاه', 'دستگاه']}
    """
    return lex.table("glued_ends", _glued_ends)


def _glued_ends(lex: Lexicon) -> dict[str, list[str]]:
    return _tail_index(lex.forms, TAIL_KEY)


def compound_two_letter_tails(lex: Lexicon) -> frozenset[str]:
    """:func:`two_letter_tails` of ``lex``, made once per lexicon like :func:`zwnj_forms`."""
    return lex.table("two_letter_tails", _two_letter_tails)


def _two_letter_tails(lex: Lexicon) -> frozenset[str]:
    return two_letter_tails(lex, zwnj_forms(lex), glued_ends(lex))


#: The tables made from a lexicon's forms and counts alone (no user entry, spelling or name
#: changes them), which the lexicon cache file keeps with the shipped lexicon
#: (:meth:`Lexicon.with_tables`): each call makes its table once per lexicon. The sources of
#: this module, ``twins.py`` and ``constants.py`` key the cache (``lexicon.TABLE_SOURCES``).
CACHED_TABLES: Final[tuple[Callable[[Lexicon], object], ...]] = (
    zwnj_forms,
    glued_ends,
    compound_two_letter_tails,
)


def joinable_right_words(
    lex: Lexicon, zwnj_forms: list[str] | None = None
) -> dict[str, bool | frozenset[str]]:
    """Words that may join the word before them, and which words those are.

    ``True`` for bound suffixes (``ها`` joins any word) and user-forced tails; for a tail of a
    one-ZWNJ form (``جمهوری`` of ``رئیس‌جمهوری``) the set of heads seen with it, so a pair is
    looked up only when it could be joined. Verb forms after a verbal prefix (``می باشد``) are
    checked separately, so light verbs after nouns (``اعلام کرد``) cost no look-up.
    ``zwnj_forms`` is ``forms_with_zwnj(lex.forms)`` if the caller has it.
    """
    heads: dict[str, set[str]] = {}
    for form in forms_with_zwnj(lex.forms) if zwnj_forms is None else zwnj_forms:
        if form.count(ZWNJ) == 1 and " " not in form:
            head, _, tail = form.partition(ZWNJ)
            if head not in lex.verbal_prefixes:
                heads.setdefault(tail, set()).add(head)
    out: dict[str, bool | frozenset[str]] = {t: frozenset(h) for t, h in heads.items()}
    for word in lex.bound_suffixes:
        out[word] = True
    out[EZAFE_YE] = True  # after a silent ه: «همه ی» (see ZwnjRepairer._joins_by_morphology)
    for entry in lex.forced_apart:
        out[entry.split(" ")[1]] = True
    for form in lex.forced.values():
        if ZWNJ in form:
            out[form.split(ZWNJ)[-1]] = True
    return out


def _tails_by_heads(
    joinable: dict[str, bool | frozenset[str]], least: int, below: int | None, shortest: int
) -> Iterator[tuple[str, frozenset[str]]]:
    """The second words of ``joinable`` (:func:`joinable_right_words`) with their first words:
    those with a set of them (not ``True`` or ``False``) of ``least`` words or more (and under
    ``below``, if given), of ``shortest`` letters or more; what :func:`compound_tails`,
    :func:`rare_compound_tails` and :func:`word_tail_plurals` choose their tails from.

    >>> joinable = {"گر": frozenset({"کار", "باز"}), "گرای": frozenset({"سنت"}), "ها": True}
    >>> list(_tails_by_heads(joinable, 1, None, 3))
    [('گرای', frozenset({'سنت'}))]
    >>> [t for t, _ in _tails_by_heads(joinable, 1, 2, 2)]
    ['گرای']
    """
    for tail, heads in joinable.items():
        if heads is True or heads is False or len(tail) < shortest or len(heads) < least:
            continue
        if below is None or len(heads) < below:
            yield tail, heads


def compound_tails(lex: Lexicon, joinable: dict[str, bool | frozenset[str]]) -> frozenset[str]:
    """Second words of one-ZWNJ forms that join any word in a spaced line: in ``joinable``
    (:func:`joinable_right_words`, whose bound suffixes are ``True`` and decided by their
    learned shares instead) with at least ``COMPOUND_TAIL_HEADS`` first words, and seen as a
    word by themselves at most ``COMPOUND_TAIL_WORD_SHARE`` times per first word.
    """
    word_count = lex.word_count
    return frozenset(
        tail
        for tail, heads in _tails_by_heads(joinable, COMPOUND_TAIL_HEADS, None, MIN_PIECE)
        if word_count.get(tail, 0) <= COMPOUND_TAIL_WORD_SHARE * len(heads)
    )


def two_letter_tails(
    lex: Lexicon, zwnj_forms: list[str], glued_ends: dict[str, list[str]]
) -> frozenset[str]:
    """Two-letter pieces that end compounds: no bound suffix, written after a ZWNJ behind
    ``TWO_LETTER_TAIL_HEADS`` different first pieces or more (``zwnj_forms``:
    ``forms_with_zwnj(lex.forms)``), and that many at least ``TWO_LETTER_TAIL_RATIO`` times
    the known words (seen ``MIN_STEM_COUNT`` times, in a joining letter) the lexicon writes
    glued before them (``glued_ends``: the glued keys by their last ``TAIL_KEY`` letters,
    ``_tail_index``): a compound's tail, not letters that end words by chance.

    >>> from khabar.text.zwnj.twins import _tail_index
    >>> heads = ["آتش", "آسیب", "استرس", "اشتغال", "انرژی", "باران", "تنش", "خطر", "سرطان",
    ...          "شادی", "لذت"]
    >>> counts = {h + "‌زا": 1 for h in heads}
    >>> counts.update({h: 2 for h in heads})
    >>> lex = Lexicon.from_counts(counts)
    >>> sorted(two_letter_tails(lex, forms_with_zwnj(lex.forms), _tail_index(lex.forms, 3)))
    ['زا']
    >>> counts.update({h + "زا": 1 for h in heads[:3]})  # glued after 3 known words: too many
    >>> lex = Lexicon.from_counts(counts)
    >>> sorted(two_letter_tails(lex, forms_with_zwnj(lex.forms), _tail_index(lex.forms, 3)))
    []
    """
    heads: dict[str, set[str]] = {}
    # most ZWNJ forms end in a longer piece: a C-level pass keeps those with a ZWNJ before
    # their last two letters
    seams = map(getitem, zwnj_forms, repeat(_BEFORE_TWO_LETTERS))
    for form in compress(zwnj_forms, map(eq, seams, repeat(ZWNJ))):
        head = form[: -MIN_PIECE - 1]
        if len(head) >= MIN_PIECE and ZWNJ not in head and " " not in head:
            heads.setdefault(form[-MIN_PIECE:], set()).add(head)
    glued: dict[str, int] = {
        tail: 0
        for tail, seen in heads.items()
        if len(seen) >= TWO_LETTER_TAIL_HEADS and tail not in lex.bound_suffixes
    }
    word_count = lex.word_count
    for tail in glued:
        # the glued keys ending in the tail after a joining letter, by the index's buckets
        for letter in JOINING:
            for key in glued_ends.get(letter + tail, ()):
                head = key[:-MIN_PIECE]
                if len(head) >= MIN_PIECE and word_count.get(head, 0) >= MIN_STEM_COUNT:
                    glued[tail] += 1
    return frozenset(
        tail
        for tail, n in glued.items()
        if len(heads[tail]) >= TWO_LETTER_TAIL_RATIO * max(n, 1)
    )


def rare_compound_tails(
    lex: Lexicon, joinable: dict[str, bool | frozenset[str]]
) -> frozenset[str]:
    """Second words of one-ZWNJ forms that join a known word in a line whose ZWNJs became
    spaces, besides :func:`compound_tails`: in ``joinable`` (:func:`joinable_right_words`,
    called before the compound tails are marked ``True`` in it) with ``RARE_TAIL_HEADS`` to
    ``COMPOUND_TAIL_HEADS`` first words, of ``MIN_COMPOUND_PIECE`` letters or more (``گون`` of
    ``سیم‌گون``, ``فیروزه‌گون``; ``بوک`` of ``فیس‌بوک``, ``نت‌بوک``), never seen as a
    word by themselves, not opening with the Arabic article (``الدوله`` ends names), and no
    adjective made of an infinitive (``نشدنی``, impossible: it stands alone as a predicate).

    >>> lex = Lexicon.from_counts({"سنت\u200cگرای": 1, "اصول\u200cگرای": 1, "چپ\u200cگرای": 1})
    >>> sorted(rare_compound_tails(lex, joinable_right_words(lex)))
    ['گرای']
    >>> lex = Lexicon.from_counts({"سنت\u200cگرای": 1, "اصول\u200cگرای": 1, "گرای": 1})
    >>> sorted(rare_compound_tails(lex, joinable_right_words(lex)))
    []
    >>> lex = Lexicon.from_counts({"سیم\u200cگون": 1, "لاله\u200cگون": 1, "فیروزه\u200cگون": 1})
    >>> sorted(rare_compound_tails(lex, joinable_right_words(lex)))
    ['گون']
    """
    word_count = lex.word_count
    return frozenset(
        tail
        for tail, _ in _tails_by_heads(
            joinable, RARE_TAIL_HEADS, COMPOUND_TAIL_HEADS, MIN_COMPOUND_PIECE
        )
        if not word_count.get(tail, 0)
        and not tail.startswith(ARTICLE)
        and not tail.endswith(_INFINITIVE_ADJECTIVE_ENDS)
    )


def action_suffixes(lex: Lexicon) -> frozenset[str]:
    """The bound suffixes of the lexicon that make a noun of action (``سازی``, ``گذاری``,
    ``بندی``): four letters or more, ending in ``ی``."""
    return frozenset(
        s for s in lex.bound_suffixes if len(s) >= MIN_SPLIT_WORD and s.endswith(EZAFE_YE)
    )


def inflected_tails(
    lex: Lexicon, tails: frozenset[str], endings: tuple[str, ...]
) -> dict[str, str]:
    """Each compound tail of ``tails`` with each of ``endings``, mapped to the tail, when the
    lexicon never saw that form as a word by itself (``نشینان`` → ``نشین``; ``پوران`` is a
    name, so ``پور`` + ``ان`` is left out).

    >>> lex = Lexicon.from_counts({"پوران": 2})
    >>> sorted(inflected_tails(lex, frozenset(["نشین", "پور"]), ("ان", "ها")).items())
    [('نشینان', 'نشین'), ('نشینها', 'نشین'), ('پورها', 'پور')]
    """
    word_count = lex.word_count
    out: dict[str, str] = {}
    for tail in tails:
        for ending in endings:
            form = tail + ending
            if not word_count.get(form, 0) and form not in tails:
                out[form] = tail
    return out


def word_tail_plurals(
    lex: Lexicon, joinable: dict[str, bool | frozenset[str]]
) -> dict[str, str]:
    """The plural of people (``PERSON_PLURALS``) of each verb stem of the lexicon that is a
    second word of ``joinable`` (:func:`joinable_right_words`) seen after a ZWNJ behind
    ``COMPOUND_TAIL_HEADS`` different words or more but too often a word by itself to be a
    compound tail (``باز``, ``طلب``, ``خوان``), mapped to that stem, when the lexicon never saw
    the plural as a word by itself: the plural of an agent compound (``سفته بازان``, ``اصلاح
    طلبانی``), which only ever closes one. A noun's plural is no such tail even when the
    lexicon missed it (``خان خانان``, khan of khans; ``لب جانان``, the beloved's lips), hence
    verb stems only. Words already marked to join any word (``True``: the compound tails) are
    :func:`inflected_tails`' own; so are words under ``MIN_COMPOUND_PIECE`` letters (``گر`` +
    ``ان`` is ``گران``).

    >>> heads = ["سفته", "قمار", "بند", "کبوتر", "حقه", "شعبده", "چشم", "پاک"]
    >>> counts = {"باز": 40, "خان": 30}
    >>> counts.update({h + "\u200cباز": 1 for h in heads})
    >>> counts.update({h + "\u200cخان": 1 for h in heads})
    >>> lex = Lexicon.from_counts(counts)
    >>> lex.verb_stems = frozenset(["باز"])  # as «می‌بازند» in TRAIN would make it
    >>> sorted(word_tail_plurals(lex, joinable_right_words(lex)).items())
    [('بازان', 'باز'), ('بازانی', 'باز')]
    """
    stems = lex.verb_stems
    tails = frozenset(
        tail
        for tail, _ in _tails_by_heads(joinable, COMPOUND_TAIL_HEADS, None, MIN_COMPOUND_PIECE)
        if tail in stems
    )
    return inflected_tails(lex, tails, PERSON_PLURALS)


def copula_tails(lex: Lexicon, tails: frozenset[str]) -> dict[str, str]:
    """Each compound tail of ``tails`` (the compound and rare tails, the bound suffixes of
    ``MIN_COMPOUND_PIECE`` letters or more: ``مند``, ``ناپذیر``, ``گرا``) with the copula glued
    (``COPULA_AFTER_CONSONANT``, or ``COPULA_AFTER_VOWEL`` after «ا», «و»), mapped to the tail,
    when the lexicon never saw that form as a word by itself nor as a verb after «می»: the
    predicate of a compound adjective written apart (``علاقه مندند``, they are interested),
    not a verb (``نمایند``, ``سازیم``: a present stem + a person ending). Tails in «ی» or a
    silent «ه» are left out (``سازیم``, ``زده‌اند``: their copula is written apart), and so
    are a person ending (``اند``) and a tail opening with the Arabic article (``الدین`` ends
    names).

    >>> lex = Lexicon.from_counts({"مندم": 2})  # seen as a word by itself: left out
    >>> sorted(copula_tails(lex, frozenset(["مند", "گرا", "سازی", "اند"])).items())
    [('مندند', 'مند'), ('مندید', 'مند'), ('مندیم', 'مند'), ('گراست', 'گرا')]
    """
    word_count = lex.word_count
    remainders = lex.verb_remainders
    out: dict[str, str] = {}
    for tail in tails:
        last = tail[-1]
        if (
            len(tail) < MIN_COMPOUND_PIECE
            or last == EZAFE_YE
            or last == "ه"
            or tail in PERSON_ENDINGS
            or tail.startswith(ARTICLE)
        ):
            continue
        endings = COPULA_AFTER_VOWEL if last in COPULA_VOWEL_LETTERS else COPULA_AFTER_CONSONANT
        for ending in endings:
            form = tail + ending
            if not word_count.get(form, 0) and form not in remainders and form not in tails:
                out[form] = tail
    return out


def add_inflected_pair_tails(
    lex: Lexicon, joinable: dict[str, bool | frozenset[str]], endings: tuple[str, ...]
) -> dict[str, str]:
    """Add to ``joinable`` (:func:`joinable_right_words`, tails with the set of heads seen
    before them) each tail of at least ``MIN_PIECE`` letters with each of ``endings``, with
    the tail's heads: ``شهرها`` may join ``کلان`` (of ``کلان‌شهر``). Returns each such form's
    tail (``شهرها`` → ``شهر``), which a pair of the lexicon joins as the tail does
    (:meth:`ZwnjRepairer._decide_join`). A form the lexicon knows as a word is left out unless
    its ending is a plural ``ها`` (``گران``, expensive, is no plural of ``گر``); a form
    already in ``joinable`` keeps its own heads too, and a form that joins any word there
    (``True``) keeps that, but still has its tail. A tail that joins any word has no forms
    here (a compound tail: see :func:`inflected_tails`). A tail in «ا» or «و» also takes
    ``VOWEL_YE`` (``وگو`` → ``وگویی``), unless it ends in the plural «ها» (whose «هایی» is an
    ending above). At most one ending fits a word (none ends another), so each form has one
    tail.

    >>> lex = Lexicon.from_counts({"کلان\u200cشهر": 3, "شهرها": 5, "کار\u200cگر": 1, "گران": 4})
    >>> joinable = joinable_right_words(lex)
    >>> joinable["گرها"] = True
    >>> tails = add_inflected_pair_tails(lex, joinable, ("ان", "ها"))
    >>> sorted((w, sorted(h)) for w, h in joinable.items() if h is not True)
    [('شهر', ['کلان']), ('شهران', ['کلان']), ('شهرها', ['کلان']), ('گر', ['کار'])]
    >>> sorted(tails.items()), joinable["گرها"]
    ([('شهران', 'شهر'), ('شهرها', 'شهر'), ('گرها', 'گر')], True)
    """
    word_count = lex.word_count
    tails: dict[str, str] = {}
    for tail, heads in list(joinable.items()):
        if heads is True or heads is False or not heads or len(tail) < MIN_PIECE:
            continue
        # «یی» after «ا», «و» only (``وگویی``), and not after a plural «ها»: «ها» + «یی» is
        # the ending «هایی» of the tail before it, so each form keeps one tail
        vowel_ye = (
            (VOWEL_YE,)
            if tail[-1] in VOWEL_YE_AFTER and not tail.endswith(PLURAL_HA)
            else ()
        )
        for ending in endings + vowel_ye:
            form = tail + ending
            if ending not in SPACED_PLURALS and word_count.get(form, 0):
                continue
            tails[form] = tail
            seen = joinable.get(form, False)
            if seen is not True:
                joinable[form] = heads if seen is False else cast(frozenset[str], seen) | heads
    return tails


def joinable_triples(
    lex: Lexicon, zwnj_forms: list[str] | None = None
) -> dict[str, dict[tuple[str, str], int]]:
    """Three-word tokens with two ZWNJs (``عبدالله‌بن‌زبیر``) that join when written apart
    (:meth:`ZwnjRepairer._triple_join`), by their first word, with how sure the join is, as
    :meth:`ZwnjRepairer._decide_join` judges a pair: the token seen ``MIN_TRIPLE_COUNT`` times,
    and more than ``JOIN_MARGIN`` times as often as the lexicon wrote the words apart at most
    (the fewer of the pairs ``a b`` and ``b c`` written apart, since it keeps no counts of three
    words apart) joins in any line (``JOIN_ANY``), at least as often only in a line whose ZWNJs
    became spaces (``JOIN_SPACED_LINE``). ``zwnj_forms`` is ``forms_with_zwnj(lex.forms)`` if
    the caller has it.

    >>> joinable_triples(Lexicon.from_counts({"عبدالله\u200cبن\u200cزبیر": 9}))
    {'عبدالله': {('بن', 'زبیر'): 2}}
    >>> joinable_triples(Lexicon.from_counts({"سه\u200cبه\u200cیک": 1}))
    {}
    """
    out: dict[str, dict[tuple[str, str], int]] = {}
    for form in forms_with_zwnj(lex.forms) if zwnj_forms is None else zwnj_forms:
        if form.count(ZWNJ) != 2 or " " in form:
            continue
        a, b, c = (fold(piece) for piece in form.split(ZWNJ))
        if not (a and b and c) or a in lex.verbal_prefixes:
            continue
        together = lex.forms.get(a + b + c, {}).get(form, 0)
        apart = min(lex.pair_count(a, b), lex.pair_count(b, c))
        if together < MIN_TRIPLE_COUNT or together < SPACED_LINE_JOIN_MARGIN * apart:
            continue
        level = JOIN_ANY if together > JOIN_MARGIN * apart else JOIN_SPACED_LINE
        out.setdefault(a, {})[(b, c)] = level
    return out


def spelled_forms(spellings: dict[str, str]) -> dict[str, str]:
    """The inflected forms of the house spellings (``key -> spelling``, see
    :attr:`~khabar.text.lexicon.Lexicon.spellings`), keyed by their glued letters: a plural
    ending takes its ZWNJ; the ezafe or indefinite «ی» and the pronoun endings are glued after
    a letter that is no vowel (:data:`_GLUED_AFTER_SPELLING`) and follow a ZWNJ after a silent
    «ه» (:data:`_ZWNJ_AFTER_SILENT_HEH`). A key two ways gets the first, plurals first.

    >>> forms = spelled_forms({"بیتکوین": "بیت\u200cکوین", "اینگونه": "این\u200cگونه"})
    >>> forms["بیتکوینها"] == "بیت\u200cکوین\u200cها", forms["بیتکوینی"] == "بیت\u200cکوینی"
    (True, True)
    >>> forms["اینگونهای"] == "این\u200cگونه\u200cای", "اینگونهی" in forms, "بیتکوین" in forms
    (True, True, False)
    """
    forms: dict[str, str] = {}
    for ending in PLURAL_ENDINGS:
        for word, spelling in spellings.items():
            forms.setdefault(word + ending, spelling + ZWNJ + ending)
    for ending in _ZWNJ_AFTER_SILENT_HEH:
        for word, spelling in spellings.items():
            if _ends_in_silent_heh(word):
                forms.setdefault(word + ending, spelling + ZWNJ + ending)
    for ending in _GLUED_AFTER_SPELLING:
        for word, spelling in spellings.items():
            if word[-1:] not in _VOWEL_LETTERS and not _ends_in_silent_heh(word):
                forms.setdefault(word + ending, spelling + ending)
    return forms


def protected_forms(lex: Lexicon) -> dict[str, str | int]:
    """One table of the protected words with their endings, keyed by their glued letters,
    made once. Each source keeps its own rules (which endings, what happens after a silent
    «ه»); a key two sources give gets the first's, in this order:

    * the house spellings (:func:`spelled_forms`): the value is the spelling, which decides
      a word the lexicon does not know before the morphology looks at it (``بیتکوینها`` →
      ``بیت‌کوین‌ها``);
    * the words an exception or user entry keeps glued (``key -> form`` with ``form == key``
      in :attr:`~khabar.text.lexicon.Lexicon.forced`) with a plural ending
      (:data:`~khabar.text.lexicon.PLURAL_ENDINGS`), and the web words
      (:attr:`~khabar.text.lexicon.Lexicon.web_glued`) with a plural ending or the
      ``ی``/``یی`` ending (:data:`_WEB_WORD_YE_ENDINGS`): the value is the offset of the
      plural's ZWNJ (the key's length: none), a spelling that takes the place of a cut the
      morphology made inside the word (``توییترها`` is ``توییتر‌ها``, not ``تویی‌ترها``;
      ``دومینوهای`` is ``دومینو‌های``, not ``دومی‌نوه‌ای``; ``دومینویی`` stays glued). A web
      word's ``ی`` is not glued after a silent «ه» (``گستره‌ی``), and a web word that is a
      word with «ه» (``مسخر`` of ``مسخره``) has no forms, nor does its plural key get a
      ``ی`` form (``مسخرهای`` is ``مسخره‌ای``, not ``مسخر‌های``).

    A new source is one more step here, with its endings and its kind of value.

    >>> lex = Lexicon.from_counts({"مسخره": 3})
    >>> lex.add_spellings(["بیت\u200cکوین"])
    >>> lex.add_user_entries(["توییتر"])
    >>> lex.web_glued = frozenset(["دومینو", "توییتر", "مسخر", "مسخرها", "گستره"])
    >>> forms = protected_forms(lex)
    >>> forms["بیتکوینها"] == "بیت\u200cکوین\u200cها", forms["توییترها"], forms["دومینوهای"]
    (True, 6, 6)
    >>> forms["دومینویی"], forms["توییتری"], "گسترهی" in forms, "مسخرهای" in forms
    (8, 7, False, False)
    """
    # built from the last source to the first, each step over a whole list in C (map, zip,
    # dict.update: ~28 K forms, 2,806 web words), so a first source's key overwrites a later's
    web = lex.web_glued
    vetoed = [w for w in web if lex.best_form(w + "ه") is not None or w + "ه" in web]
    whole = [w for w in web if not _ends_in_silent_heh(w)]
    out: dict[str, str | int] = {}
    for ending in reversed(_WEB_WORD_YE_ENDINGS):
        keys = list(map(add, whole, repeat(ending)))
        out.update(zip(keys, map(len, keys)))
    for ending in PLURAL_ENDINGS:
        for key in map(add, vetoed, repeat(ending)):
            out.pop(key, None)
    plural_words = list(web.difference(vetoed))
    plural_words += [w for w, form in lex.forced.items() if w and form == w]
    offsets = list(map(len, plural_words))
    for ending in PLURAL_ENDINGS:
        out.update(zip(map(add, plural_words, repeat(ending)), offsets))
    out.update(spelled_forms(lex.spellings))
    return out


def _at_least(counts: dict[str, int], least: int) -> frozenset[str]:
    """The keys of ``counts`` counted ``least`` times or more.

    >>> sorted(_at_least({"a": 1, "b": 2, "c": 3}, 2))
    ['b', 'c']
    """
    return frozenset(compress(counts, map(ge, counts.values(), repeat(least))))
