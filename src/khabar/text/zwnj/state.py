"""The repairer's state and its construction: :class:`RepairerState`.
"""

from __future__ import annotations

from khabar.text.lexicon import Lexicon
from khabar.text.zwnj.constants import (
    _PAST_STEM_LAST,
    CACHE_LIMIT,
    GLUED_PLURALS,
    MIN_COMPOUND_PIECE,
    TAIL_INFLECTIONS,
)
from khabar.text.zwnj.glued import GluedWords
from khabar.text.zwnj.options import NonJoiner, Spaced, Trust, _check_enum
from khabar.text.zwnj.records import ChunkInfo
from khabar.text.zwnj.tables import (
    action_suffixes,
    add_inflected_pair_tails,
    compound_tails,
    copula_tails,
    inflected_tails,
    joinable_right_words,
    joinable_triples,
    rare_compound_tails,
    word_tail_plurals,
    zwnj_forms,
)


class RepairerState:
    """What a repairer holds: its options, its lexicon, the tables built from the lexicon once
    at start-up (:mod:`khabar.text.zwnj.tables`) and the memos its decisions fill; the
    base of :class:`~khabar.text.zwnj.repairer.ZwnjRepairer`, which documents the
    arguments.
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        nonjoiner: NonJoiner | object = NonJoiner.KEEP,
        spaced: Spaced | object = Spaced.JOIN,
        trust: Trust | object = Trust.LINE,
    ) -> None:
        # typed ``object``, checked here: compiled code would check the enum types on entry and
        # raise a TypeError that names no valid choice
        nonjoiner = _check_enum(nonjoiner, NonJoiner, "nonjoiner")
        spaced = _check_enum(spaced, Spaced, "spaced")
        trust = _check_enum(trust, Trust, "trust")
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        self.nonjoiner = nonjoiner
        self.spaced = spaced
        self.trust = trust
        # one chunk memo per level of glued repair (GLUED_NONE, GLUED_PREFIX, GLUED_ALL,
        # GLUED_SURE)
        self._chunk_memos: tuple[dict[str, ChunkInfo], ...] = ({}, {}, {}, {})
        self._join_memo: dict[tuple[str, str], int] = {}
        # the table that finds a chunk seen by its characters, and the chunks it keeps, each as
        # one str (see :meth:`_chunks`): a line's known chunks are those strs, not new ones (no
        # str made, and each carries its hash into the memo look-ups); forgotten with the chunk
        # memos by replacing the pair, one assignment, so another thread holds either the old
        # pair or the new one, never one half cleared
        self._chunk_table: tuple[bytearray, list[str]] = (bytearray(), [])
        # chunks whose glued analysis has another reading (see _in_context): a set look-up per
        # chunk finds them faster than reading every ChunkInfo of a line
        self._other_reading_chunks: set[str] = set()
        # the plural reading of an ambiguous «های» word that reads «ه» + «ای» alone (نامهای):
        # taken before a given name (see _in_context); forgotten with the chunk memos
        self._plural_readings: dict[str, tuple[tuple[tuple[int, int, str, str], ...], str]] = {}
        # chunks holding a glued word that the lexicon writes glued (see WHOLE_WORD_COUNT)
        self._whole_word_chunks: set[str] = set()
        # chunks opening with an Arabic function word (_ARABIC_KEYS): a line holding none (most)
        # quotes no Arabic, which one set test over its chunks says (see _unless_arabic)
        self._arabic_chunks: set[str] = set()
        # every chunk of the three sets above and every chunk closing with a verbal prefix
        # (see _note): a line holding none (almost all) needs none of their tests, which the
        # fact bit _FACT_NOTED of its chunks says (see _chunk_fact_bits)
        self._noted_chunks: set[str] = set()
        # chunks a changed line is looked at for: an Arabic opener (as _arabic_chunks), a given
        # name closing it or «دوست» opening it (see _in_line_context); kept out of
        # _noted_chunks, so they cost _plan nothing, and a line holding none (most) needs
        # neither look, which the fact bit _FACT_LOOKED of its chunks says
        self._looked_chunks: set[str] = set()
        # chunks holding a word whose writer's ZWNJs go (see _stray_inside): while there is
        # none, _plan need not look for them in a line that writes ZWNJs
        self._stray_inside_chunks: set[str] = set()
        # whether the glued cut of a chunk after a given name stays (see _kept_cut)
        self._kept_cuts: dict[str, bool] = {}
        # what _bound_chunk_memory forgets with the chunk memos
        self._chunk_facts = (
            self._other_reading_chunks,
            self._whole_word_chunks,
            self._arabic_chunks,
            self._noted_chunks,
            self._looked_chunks,
            self._stray_inside_chunks,
        )
        #: how many chunks a chunk memo may hold before everything known about chunks is
        #: forgotten (:meth:`_bound_chunk_memory`)
        self.chunk_limit = CACHE_LIMIT
        lex = self.lexicon
        # Second words that can ever join the word before them: a pair is looked up only
        # when its second word is here, which skips most pairs with one set membership.
        # the forms with a ZWNJ, for both tables below (and the two-letter tails of the
        # glued-word analysis): the lexicon's table, read from the cache file with it
        with_zwnj = zwnj_forms(lex)
        # the glued-word analysis, with its own tables (:class:`GluedWords`)
        self.glued_words = GluedWords(self.lexicon)
        self._joinable_right = joinable_right_words(lex, with_zwnj)
        # the last words of three-word forms written as one token, and their first two words
        # three-word tokens to join, by their first word; their last words are looked up
        # after their middle ones, as a pair's after its head
        self._compound_tails = compound_tails(lex, self._joinable_right)
        for tail in self._compound_tails:
            self._joinable_right[tail] = True
        self._rare_tails = rare_compound_tails(lex, self._joinable_right)
        for tail in self._rare_tails:
            self._joinable_right[tail] = True
        # the compound tails with a plural ending (``نشینان`` → ``نشین``), and the bound nouns
        # of action with a glued plural (``گذاریها`` → ``گذاری``): see _decide_join
        self._inflected_tails: dict[str, str] = inflected_tails(
            lex, self._compound_tails | self._rare_tails, TAIL_INFLECTIONS
        )
        self._inflected_tails.update(inflected_tails(lex, action_suffixes(lex), GLUED_PLURALS))
        # the plurals of people of agent tails (verb stems) that are words too, never seen
        # alone (``بازان`` of ``سفته بازان``): they join as a rare tail does
        self._inflected_tails.update(word_tail_plurals(lex, self._joinable_right))
        # ... and with the copula glued (``مندند`` of ``علاقه مندند``)
        self._inflected_tails.update(
            copula_tails(
                lex,
                self._compound_tails
                | self._rare_tails
                | frozenset(s for s in lex.bound_suffixes if len(s) >= MIN_COMPOUND_PIECE),
            )
        )
        for form in self._inflected_tails:
            self._joinable_right[form] = True
        # the second words of one-ZWNJ pairs with a plural or comparative ending open a
        # candidate pair after the heads of their tail (``شهرها`` after ``کلان``), and each
        # such form's tail (``شهرها`` → ``شهر``: see _decide_join); listed once here, as a new
        # chunk's look-up cost more per line
        self._inflected_pair_tails = add_inflected_pair_tails(
            lex, self._joinable_right, TAIL_INFLECTIONS
        )
        self._triples = joinable_triples(lex, with_zwnj)
        for rest in self._triples.values():
            for middle, last in rest:
                heads = self._joinable_right.get(last, False)
                if heads is not True:
                    self._joinable_right[last] = frozenset(heads or ()) | {middle}
        # past participles of the lexicon's verbs, with and without «ن» (``شده``, ``نشده``,
        # ``خورده``): see _verb_before_aux
        participles = [stem + "ه" for stem in lex.verb_stems if stem[-1] in _PAST_STEM_LAST]
        self._participles = frozenset(participles + ["ن" + p for p in participles])
