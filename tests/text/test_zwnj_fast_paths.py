"""The ZWNJ engine's fast paths give what the general path gives (expected values by hand).

The engine analyses a chunk that is one word of letters (most chunks) on a shorter path than a
chunk with ZWNJs, digits or punctuation, skips empty lines, and returns repairs as NamedTuples:
these tests hold those speed choices to the outputs of the general code.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.zwnj import (
    GLUED_ALL,
    GLUED_LINE_WEIGHT,
    GLUED_NONE,
    GLUED_PREFIX,
    GLUED_SURE,
    JOIN_SPACED_LINE,
    LETTER,
    Repair,
    ZwnjRepairer,
    default_repairer,
)
from khabar.text.zwnj.constants import _WRITTEN_ZWNJ_RE
from khabar.text.zwnj.words import _uninflect

Z = "\u200c"
LEVELS = (GLUED_NONE, GLUED_PREFIX, GLUED_ALL, GLUED_SURE)


def _letters() -> str:
    """Every character of the engine's LETTER class (Persian letters, marks, tatweel)."""
    out = []
    for part in LETTER.split("\u06d5"):  # "\u0620-\u065f\u066e-\u06d3" and "\u06fa-\u06ff"
        for i in range(0, len(part), 3):
            lo, hi = part[i], part[i + 2]
            out.extend(chr(c) for c in range(ord(lo), ord(hi) + 1))
    return "".join(out) + "\u06d5"


def test_letters_cover_the_class() -> None:
    letters = _letters()
    assert "ا" in letters and "ی" in letters and "\u0640" in letters  # alef, yeh, tatweel
    assert "۱" not in letters and "1" not in letters and Z not in letters


WORDS = [
    "میباشد",  # glued verbal prefix: one seam after می
    "کتابها",  # glued plural
    "نخستوزیران",  # compound
    "میلیون",  # must not change
    "خانهٔ",  # a mark the fold drops
    "ـ",  # tatweel alone: folds to an empty key
    "تأمینکنندگان",
    "میدانی",  # a word the lexicon writes glued (field) and as می‌دانی (you know)
]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("level", LEVELS)
def test_word_path_equals_general_path(rep: ZwnjRepairer, word: str, level: int) -> None:
    assert rep._analyse_word(word, level) == rep._analyse_mixed(word, level)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_letters() + "میباشدکتابهانخستوزیرانترینمیدانی", min_size=1, max_size=14))
def test_word_path_equals_general_path_on_any_word(word: str) -> None:
    rep = default_repairer()
    for level in LEVELS:
        assert rep._analyse_word(word, level) == rep._analyse_mixed(word, level)


def test_word_path_values(rep: ZwnjRepairer) -> None:
    info = rep._analyse_word("میباشد", GLUED_ALL)
    repairs, fixed, first, last, _, ends_digit, last_is_prefix, weight, _, facts = info
    assert repairs == ((2, 2, Z, "zwnj.glued"),)
    assert fixed == f"می{Z}باشد"
    assert (first, last, ends_digit, last_is_prefix) == ("میباشد", "میباشد", False, False)
    assert weight == 3  # a glued verbal prefix: GLUED_LINE_WEIGHT
    assert facts == 0  # no fact noted: no whole word, no other reading, no name, no Arabic
    assert rep._analyse_word("می", GLUED_ALL)[6] is True  # a bare می may join the next word


def test_empty_lines_keep_offsets(rep: ZwnjRepairer) -> None:
    # «میباشد» (6 letters), two line breaks, then «کتاب ها» from offset 8: its space is at 12
    text = "میباشد\n\nکتاب ها"
    assert rep.find_repairs(text) == [
        Repair(2, 2, Z, "zwnj.glued"),
        Repair(12, 13, Z, "zwnj.spaced"),
    ]
    assert rep.repair(text) == f"می{Z}باشد\n\nکتاب{Z}ها"
    assert rep.repair("\n\n") == "\n\n" and rep.find_repairs("\n\n") == []


def test_repair_is_an_immutable_named_tuple() -> None:
    r = Repair(2, 2, Z, "zwnj.glued")
    assert (r.start, r.end, r.replacement, r.rule) == (2, 2, Z, "zwnj.glued")
    assert repr(r) == "Repair(start=2, end=2, replacement='\\u200c', rule='zwnj.glued')"
    with pytest.raises(AttributeError):
        r.start = 3  # type: ignore[misc]


# ---- speed choices of the glued-word analysis (session 6) -----------------------------------

#: Every character that _ARABIC_WORD_RE looks for: إ ٱ ة أ and the short vowels, shadda and
#: sukun (U+064E-U+0652). _decide_glued skips the search for a word that fold leaves as it is,
#: which is exact only if fold changes each of them.
ARABIC_ONLY_CHARS = ["إ", "ٱ", "ة", "أ", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"]


@pytest.mark.parametrize("char", ARABIC_ONLY_CHARS)
def test_arabic_word_characters_are_folded(char: str) -> None:
    from khabar.text.lexicon import fold

    assert fold("ب" + char + "ب") != "ب" + char + "ب"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أنها", "أنها"),  # Arabic أ first: no cut, though «انها» would be «ان‌ها»
        ("بالإجازه", "بالإجازه"),  # إ: Arabic
        ("کتابها", "کتاب\u200cها"),  # nothing folds: the plural is cut as before
    ],
)
def test_arabic_words_stay_whole(rep: ZwnjRepairer, text: str, expected: str) -> None:
    assert rep.repair(text) == expected


# ---- session 7: a dropped-ZWNJ line without bare affixes skips the pair look-ups -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line of plain spacing: the pair joins
        ("نخست وزیر آمد", f"نخست{Z}وزیر آمد"),
        ("خانواده اش آمد", f"خانواده{Z}اش آمد"),
        # its ZWNJs were dropped (two glued می-verbs) and no bare می or plural stands apart:
        # the words the author wrote apart stay apart, the glued verbs get their ZWNJ
        ("او میگوید نخست وزیر میآید", f"او می{Z}گوید نخست وزیر می{Z}آید"),
        ("او میگوید خانواده اش میآید", f"او می{Z}گوید خانواده اش می{Z}آید"),
        # a spaced plural in such a line: the line's ZWNJs became spaces, so the plural joins
        ("آنها میخواهند کتاب ها را بخوانند", f"آنها می{Z}خواهند کتاب{Z}ها را بخوانند"),
        # a bare می apart in such a line joins its verb
        ("او میگوید که می خواهد بیاید", f"او می{Z}گوید که می{Z}خواهد بیاید"),
    ],
)
def test_dropped_zwnj_lines(rep: ZwnjRepairer, text: str, expected: str) -> None:
    assert rep.repair(text) == expected


def _plan_with_every_join(rep: ZwnjRepairer, line: str) -> object:
    """_plan of a line (default trust, no written ZWNJ) as it was before the skip: the pairs
    of every line looked up, and dropped afterwards in a dropped-ZWNJ line."""
    parts = line.split(" ")
    infos = rep._chunk_infos(parts, GLUED_ALL)
    joins, affixes, weak = rep._joins_of(parts, infos, need=JOIN_SPACED_LINE)
    if weak and not affixes:
        joins, affixes, _ = rep._joins_of(parts, infos)
    if not any(info[7] for info in infos):
        if rep._has_whole_word(parts):
            return rep._chunk_infos(parts, GLUED_SURE), joins
        return infos, joins
    if affixes:
        return rep._chunk_infos(parts, GLUED_PREFIX), joins
    if joins and sum(info[7] for info in infos) >= GLUED_LINE_WEIGHT:
        joins = set()
    if rep._has_whole_word(parts):
        infos = rep._whole_words_in_context(parts, infos)
    if rep._has_other_reading(parts):
        return rep._in_context(infos, joins), joins
    return infos, joins


LINE_WORDS = [
    "می", "ها", "های", "کتاب", "میگوید", "میآید", "نخست", "وزیر", "خانواده", "اش", "خواهد",
    "حرفهای", "میدانی", "بررسی", "و", "رئیس", "جمهوری", "14", "،", "کتابها", "نمی", "شود",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_WORDS), min_size=1, max_size=9))
def test_skipping_pairs_plans_as_looking_them_up(words: list[str]) -> None:
    """Whatever the line, the plan with the skip equals the plan that looks up every pair."""
    rep = default_repairer()
    line = " ".join(words)
    assert rep._plan(line) == _plan_with_every_join(rep, line)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وزیران", "وزیر"),  # plural ان
        ("دانشجویان", "دانشجو"),  # یان, the longest ending, goes whole
        ("تهرانی", "تهران"),  # adjective ی
        ("ایرانیان", "ایران"),
        ("کتابی", "کتاب"),  # five letters: ی goes
        ("کتاب", "کتاب"),  # four letters or fewer: as it is
        ("مانی", "مانی"),
        ("خیابان", "خیاب"),  # any ان: the callers check the result against the lexicon
        ("دانشگاه", "دانشگاه"),  # no ending
    ],
)
def test_uninflect(word: str, expected: str) -> None:
    assert _uninflect(word) == expected


def test_glued_tail_count_counts_glued_words_only(rep: ZwnjRepairer) -> None:
    """The tail table over glued keys gives the sum over every key of the lexicon."""
    lex = rep.lexicon
    for piece in ("گاه", "ابی", "بان", "های", "ستان"):
        brute = sum(
            lex.glued_count(key)
            for key in lex.forms
            if key.endswith(piece)
            and len(key) - len(piece) >= 2
            and lex.word_count.get(key[: len(key) - len(piece)], 0) >= 2
        )
        assert rep.glued_words._glued_tail_count(piece) == brute, piece
    assert rep.glued_words._glued_tail_count("گاه") > 100  # دانشگاه, دستگاه, ...


# _WRITTEN_ZWNJ_RE opens with the ZWNJ (fast scan) and looks behind for the letter; it must say
# what the plain pattern ``[LETTER]ZWNJ+[LETTER]`` says of every line (only its truth is used)
_PLAIN_WRITTEN = re.compile(f"[{LETTER}]{Z}+[{LETTER}]")


@pytest.mark.parametrize(
    ("line", "written"),
    [
        (f"می{Z}روم", True),
        (f"کتاب{Z}{Z}ها", True),  # a run of ZWNJs between letters
        (f"خانه{Z}ی ما", True),
        (f"سلام و می{Z}روم", True),  # not at the line's start
        (f"کتاب{Z} ها", False),  # before a space
        (f"{Z}کتاب", False),  # at the line's start
        (f"کتاب{Z}", False),  # at its end
        (f"۱۲{Z}ها", False),  # after Persian digits (not letters)
        (f"12{Z}ها", False),
        (f"a{Z}b", False),  # Latin letters
        ("کتاب ها", False),  # no ZWNJ
        (f"ب{Z}{Z}", False),
        (f"ب{Z}\u200dب", False),  # ZWJ after the ZWNJ
    ],
)
def test_written_zwnj_table(line: str, written: bool) -> None:
    assert (_WRITTEN_ZWNJ_RE.search(line) is not None) is written
    assert (_PLAIN_WRITTEN.search(line) is not None) is written


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(["ب", "ی", "ه", "۱", "1", "a", " ", Z, "\u200d", "\u064e"]), max_size=12))
def test_written_zwnj_as_the_plain_pattern(line: str) -> None:
    assert (_WRITTEN_ZWNJ_RE.search(line) is None) == (_PLAIN_WRITTEN.search(line) is None)
