"""The ZWNJ engine's fast paths give what the general path gives (expected values by hand).

The engine analyses a chunk that is one word of letters (most chunks) on a shorter path than a
chunk with ZWNJs, digits or punctuation, skips empty lines, and returns repairs as NamedTuples:
these tests hold those speed choices to the outputs of the general code.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.zwnj import (
    GLUED_ALL,
    GLUED_NONE,
    GLUED_PREFIX,
    GLUED_SURE,
    LETTER,
    Repair,
    ZwnjRepairer,
    default_repairer,
)

Z = "\u200c"
LEVELS = (GLUED_NONE, GLUED_PREFIX, GLUED_ALL, GLUED_SURE)


@pytest.fixture(scope="module")
def rep() -> ZwnjRepairer:
    return default_repairer()


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
    repairs, fixed, first, last, _, ends_digit, last_is_prefix, weight, _ = rep._analyse_word(
        "میباشد", GLUED_ALL
    )
    assert repairs == ((2, 2, Z, "zwnj.glued"),)
    assert fixed == f"می{Z}باشد"
    assert (first, last, ends_digit, last_is_prefix) == ("میباشد", "میباشد", False, False)
    assert weight == 3  # a glued verbal prefix: GLUED_LINE_WEIGHT
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
