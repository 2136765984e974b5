"""Stray and wrong ZWNJs to remove: :class:`StrayZwnj`.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from khabar.text.lexicon import ZWNJ, fold
from khabar.text.zwnj.constants import (
    _LETTER_RE,
    _LETTERS_AFTER_ZWNJ,
    _LETTERS_BEFORE_ZWNJ,
    _MARK_RE,
    _STRAY_INSIDE_ENDINGS,
    _WORD_GOES_ON,
    _ZWNJ_RUN_RE,
    COMPOUND_TAIL_HEADS,
    MIN_COMPOUND_PIECE,
    MIN_PIECE,
    MIN_STEM_COUNT,
    RARE_TAIL_HEADS,
    STRAY_INSIDE_WORD_COUNT,
)
from khabar.text.zwnj.records import Repair
from khabar.text.zwnj.state import RepairerState
from khabar.text.zwnj.words import _edge


class StrayZwnj(RepairerState):
    """Finds the ZWNJs to remove: beside a space, punctuation, a digit or the text's edge, a
    doubled one, and a writer's ZWNJ inside a word every source writes glued
    (:meth:`_stray_inside`). (The ZWNJs after a non-joining letter that ``NonJoiner.REMOVE``
    removes go before, in :meth:`ZwnjRepairer.find_repairs`.)
    """

    # ---- stray ZWNJs -----------------------------------------------------------------------

    def _stray_repairs(self, text: str) -> Iterator[Repair]:
        """Stray ZWNJs: beside a non-letter or the edge, or doubled.

        ``"کتاب\u200c ها"``: the ZWNJ before the space goes (``zwnj.remove.edge``), and so
        does the one in ``"کتاب\u200c."``. A ZWNJ between two non-Persian characters is
        left alone: Indic scripts need it (``क्\u200cष``), and non-Persian text is not ours;
        only a doubled one there loses all but one (``1\u200c\u200c1``). A mark that sits on
        a letter counts as the letter before a ZWNJ, and ۮ ۯ as letters
        (:data:`_LETTERS_BEFORE_ZWNJ`).
        """
        for m in _ZWNJ_RUN_RE.finditer(text):
            s, e = m.start(), m.end()
            before = text[s - 1] if s else ""
            after = text[e] if e < len(text) else ""
            before_letter = bool(before) and (
                _LETTER_RE.match(before) is not None or before in _LETTERS_BEFORE_ZWNJ
            )
            after_letter = bool(after) and (
                _LETTER_RE.match(after) is not None or after in _LETTERS_AFTER_ZWNJ
            )
            if not (before_letter and after_letter):
                if not (before_letter or after_letter or _edge(before) or _edge(after)):
                    # between two non-Persian characters: «क्‌ष» needs its ZWNJ, but never two
                    if e - s > 1:
                        yield Repair(s + 1, e, "", "zwnj.remove.double")
                    continue
                yield Repair(s, e, "", "zwnj.remove.edge")
            elif e - s > 1:
                yield Repair(s + 1, e, "", "zwnj.remove.double")

    def _stray_inside(self, chunk: str, start: int, end: int, key: str) -> bool:
        """Whether the writer's ZWNJs inside ``chunk[start:end]`` (a word with ZWNJs between
        its letters, ``key`` without them, folded) all go (rule ``zwnj.remove.inside``):
        ``میز‌ان`` → ``میزان`` (amount), ``پر‌سپولیس``, ``شد‌ند``, ``اردی‌بهشت``.

        They go when the lexicon knows the word only glued, ``STRAY_INSIDE_WORD_COUNT`` times or
        more (no source writes it with a ZWNJ or as two words, no exception or house spelling
        says otherwise), and one ZWNJ parts it into pieces no writer would mean: a writer's own
        ZWNJ comes before an ending (``میز‌ها``, ``بر‌تر``,
        ``تیم‌مان``: :data:`_STRAY_INSIDE_ENDINGS` and the bound suffixes) or a word of
        ``MIN_COMPOUND_PIECE`` letters or more (see :meth:`_writer_seam`: ``لج‌بازی``,
        ``کار‌شناس``, ``دو‌شنبه`` stay). «ان» after «میز» is neither: the plural «ان» is
        written glued. A word with a mark (``خیمه‌ٔ``) stays as written, and so does one that
        goes on past a mark of direction or a joiner (``اس‌اس\u200e‌دی``, SSD;
        ``#اینجا_ایران``): it is only a piece of a word.
        """
        lex = self.lexicon
        forms = lex.forms.get(key)
        if (
            forms is None
            or len(forms) != 1
            or forms.get(key, 0) < STRAY_INSIDE_WORD_COUNT
            or key in lex.forced
            or key in lex.spellings
            or chunk[start - 1 : start] in _WORD_GOES_ON
            or chunk[end : end + 1] in _WORD_GOES_ON
        ):
            return False
        tok = chunk[start:end]
        if _MARK_RE.search(tok) is not None:
            return False
        pieces = [fold(p) for p in tok.split(ZWNJ) if p]
        return not all(self._writer_seam(a, b) for a, b in pairwise(pieces))

    def _writer_seam(self, a: str, b: str) -> bool:
        """Whether a writer may mean a ZWNJ between the pieces ``a`` and ``b`` of a word (see
        :meth:`_stray_inside`): ``a`` of ``MIN_PIECE`` letters or more, and ``b`` an ending, or
        ``a`` a prefix or a piece the treebanks write before a ZWNJ ``COMPOUND_TAIL_HEADS``
        times or more (``پی`` 18: پی‌گیری, پی‌بردن ...; not ``پر``, 6), or ``b`` a
        compound's second word (seen after a ZWNJ behind ``RARE_TAIL_HEADS`` different words:
        «بازی» of ``لج‌بازی``, «گر» of ``بیان‌گر``; «ان» only in «سی‌ان‌ان») or a word of
        ``MIN_COMPOUND_PIECE`` letters after a word or a prefix (``دو‌شنبه``)."""
        if len(a) < MIN_PIECE:
            return False
        lex = self.lexicon
        if b in _STRAY_INSIDE_ENDINGS or b in lex.bound_suffixes:
            return True
        if (
            a in lex.verbal_prefixes
            or a in lex.bound_prefixes
            or lex.left_count[a] >= COMPOUND_TAIL_HEADS
        ):
            return True  # «می‌جوشد», «بی‌راهه», «پی‌امی» (PM + ی, not «پیامی», a message)
        heads = self._joinable_right.get(b, False)
        if heads is True or (heads and len(heads) >= RARE_TAIL_HEADS):
            return True
        return (
            len(b) >= MIN_COMPOUND_PIECE
            and lex.word_count[b] >= MIN_STEM_COUNT
            and (lex.word_count[a] >= MIN_STEM_COUNT or lex.left_count[a] >= MIN_STEM_COUNT)
        )
