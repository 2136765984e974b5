"""canonical_lines() and count_chars(): the per-document forms langid, quality, site lines and dedup
share. The numpy path (texts of 256+ characters) must give exactly what the str.translate / regex
path gives, which is what canonical() and pattern.subn() have always given."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.corpus import keys
from khabar.corpus.keys import canonical, canonical_lines, count_chars, glue_tokens

np = pytest.importorskip("numpy")

LONG = 12  # repeats that take a line past keys._NUMPY_MIN_CHARS (256)


@pytest.fixture(params=["numpy", "stdlib"])
def path(request, monkeypatch):
    """Run a test on both paths: with numpy, and as if numpy were not installed."""
    if request.param == "stdlib":
        monkeypatch.setattr(keys, "_numpy", lambda: None)
    keys.forget_canonical_lines()
    yield request.param
    keys.forget_canonical_lines()


# (line, its canonical form), each checked by hand against the FOLD table and the docstrings
LINES = [
    ("مي‌شود، «بانك» ۱۲ کتاب‌ها!", "میشود بانک 12 کتابها"),  # ي/ك, ZWNJ, guillemets, digits
    ("  تـهران،   ۱۴۰۲/۰۷/۱۹  ", "تهران 1402 07 19"),  # tatweel, slashes, outer spaces
    ("ﺑﺎﻧﻚ Bank", "بانک bank"),  # presentation forms (NFKC), Latin lowercased
    ("خبر 😀 فوری", "خبر فوری"),  # an emoji (beyond the BMP) is a symbol: a space
    ("انتهاي پيام /", "انتهای پیام"),
    ("...", ""),  # punctuation only: an empty canonical line
    ("", ""),
    ("\t \u200c ", ""),  # whitespace and a ZWNJ
    ("كِتابٌ", "کتاب"),  # diacritics removed
    ("ΟΔΟΣ", "οδος"),  # final sigma: lower() sees the word end
    # the numpy table lowercases one character at a time; İ lowercases to two (i + U+0307)
    ("İstanbul ΣΟΦΙΑ", "i\u0307stanbul σοφια"),
    ("مُحَمَّدَ", "محمد"),  # harakat, shadda before fatha (NFKC would reorder them): all removed
    ("خانهٔ ما", "خانه ما"),  # ه + hamza above: NFKC makes it ۀ, which folds to ه
    ("ﺑﺎﻧﻚٌ", "بانک"),  # presentation forms (NFKC) with a removed tanwin after them
    ("خبر\u00a0فوری", "خبر فوری"),  # a no-break space is a space
]


@pytest.mark.parametrize(("line", "expected"), LINES)
def test_canonical_lines_of_one_line(line: str, expected: str, path: str) -> None:
    assert canonical_lines(line) == (expected,)


@pytest.mark.parametrize(("line", "expected"), LINES)
def test_canonical_lines_of_a_long_text(line: str, expected: str, path: str) -> None:
    # long enough for the numpy path; a blank line between copies, a trailing newline
    text = "\n\n".join([line] * LONG * 3) + "\n"
    assert canonical_lines(text) == tuple([expected, ""] * (LONG * 3 - 1) + [expected, ""])


def test_canonical_lines_is_canonical_joined(path: str) -> None:
    text = "\n".join(line for line, _ in LINES) * LONG
    lines = canonical_lines(text)
    assert lines == tuple(canonical(ln) for ln in text.split("\n"))
    assert " ".join(filter(None, lines)) == canonical(text)


ALPHABET = st.one_of(
    st.sampled_from(
        list("سلام کتاب می‌شود هاي ك ۱٢3 \n\t«»،.!ـًٌۀةأإآؤءﺑﺎﻧﻚ ΣσςAbc😀\u200d\u200f\xa0")
    ),
    st.characters(codec="utf-8"),
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=0, max_size=600))
def test_numpy_lines_equal_canonical_per_line(text: str) -> None:
    text = text * (1 + 256 // max(len(text), 1))  # at least 256 characters: the numpy path
    keys.forget_canonical_lines()
    assert canonical_lines(text) == tuple(canonical(ln) for ln in text.split("\n"))


def test_glue_tokens() -> None:
    assert glue_tokens(["کتاب", "ها", "را", "نمی", "خوانم"]) == ["کتابها", "را", "نمیخوانم"]
    assert glue_tokens(["می", "می", "روم"]) == ["میمیروم"]  # «می» glues on
    assert glue_tokens(["ها", "کتاب"]) == ["ها", "کتاب"]  # nothing before «ها» to glue to
    assert glue_tokens([]) == []
    assert glue_tokens(iter(["خبر", "فوری"])) == ["خبر", "فوری"]


LETTER = re.compile(r"[^\W\d_]")
DIGIT = re.compile(r"\d")
ARABIC = re.compile("[\u0600-\u06ff]")
SPACE = re.compile("[\\s\u200c]")
CLASSES = (LETTER, DIGIT, ARABIC, SPACE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # letters: 4 Persian + 4 Latin; digits ۱۲ (Nd); Arabic block: کتاب and ۱۲; spaces: 2
        ("کتاب ۱۲ book!", (8, 2, 6, 2)),
        ("", (0, 0, 0, 0)),
        # «می‌شود»: 5 letters, the ZWNJ is neither letter nor Arabic block, it is a space here
        ("می\u200cشود", (5, 0, 5, 1)),
        # the emoji counts in no class; ٣ (Arabic-Indic three) is a digit in the Arabic block
        ("😀٣", (0, 1, 1, 0)),
    ],
)
def test_count_chars_by_hand(text: str, expected: tuple[int, ...], path: str) -> None:
    assert count_chars(text, CLASSES) == expected
    # the same text many times over (the numpy path when numpy is there) counts as many times
    assert count_chars(text * 40, CLASSES) == tuple(40 * n for n in expected)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=0, max_size=600))
def test_count_chars_equals_subn(text: str) -> None:
    text = text * (1 + 256 // max(len(text), 1))
    assert count_chars(text, CLASSES) == tuple(p.subn("", text)[1] for p in CLASSES)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_stripping_a_line_keeps_its_canonical_form(line: str) -> None:
    # quality pairs each stripped non-blank line with canonical_lines() of the unstripped text
    assert canonical(line.strip()) == canonical(line)


def _without_nfkc(text: str) -> str:
    """canonical() minus its NFKC step."""
    return " ".join(text.translate(keys._table()).lower().split())


def test_separators_need_only_planes_0_and_1() -> None:
    # keys._table maps punctuation, symbols, separators and controls to a space, reading planes 0
    # and 1 only: no code point above them is of those categories, so canonical() of any text
    # is what a table of every code point gives
    import unicodedata

    assert keys._SEPARATOR_PLANES == 0x20000
    for cp in range(0x20000, 0x110000):
        category = unicodedata.category(chr(cp))
        assert category[0] not in "PSZ" and category != "Cc", hex(cp)
    assert keys._table()[0x1F600] == 0x20  # 😀, plane 1: a symbol, a space
    assert 0x20000 not in keys._table() and 0xE0001 not in keys._table()  # 𠀀, a tag: as they are
    assert keys.canonical("خبر\U000E0001\U00020000 😀 ها") == "خبر\U000E0001\U00020000 ها"


def test_composition_seconds_need_only_planes_0_and_1() -> None:
    # keys._composition_seconds reads planes 0 and 1: no canonical decomposition above them has
    # two characters
    import unicodedata

    for cp in range(0x20000, 0x110000):
        decomposition = unicodedata.decomposition(chr(cp))
        assert decomposition.startswith("<") or len(decomposition.split()) < 2, hex(cp)


def test_nfkc_safe_characters_need_no_nfkc() -> None:
    # the numpy path skips unicodedata.is_normalized when every character is NFKC-safe; a safe
    # removed mark after any safe letter that NFKC could touch (it decomposes, or composes with
    # something) leaves the canonical form as it is
    import unicodedata

    table = keys._bmp_table()
    safe = [cp for cp in range(0x10000) if not int(table[cp]) & keys._NFKC]
    marks = [chr(cp) for cp in safe if unicodedata.combining(chr(cp))]
    assert "\u064b" in marks and "\u0651" in marks and "\u0654" not in marks  # tanwin, shadda
    firsts = {unicodedata.decomposition(chr(cp)).split()[0] for cp in range(0x10000)
              if unicodedata.decomposition(chr(cp))[:1] not in ("", "<")}
    letters = [chr(cp) for cp in safe if unicodedata.decomposition(chr(cp))[:1] not in ("", "<")
               or f"{cp:04X}" in firsts]
    assert "آ" in letters and "ا" in letters
    for letter in letters:
        for mark in marks:
            text = letter + mark + "x"
            assert _without_nfkc(text) == canonical(text), (letter, mark)
    for mark in marks:  # two marks in a row, in either order (NFKC sorts them)
        for other in marks:
            text = "ب" + mark + other
            assert _without_nfkc(text) == canonical(text), (mark, other)


def test_numpy_table_lowercases_like_lower() -> None:
    table = keys._bmp_table()
    for cp in range(0x10000):
        value = int(table[cp])
        if value >= keys._GONE or value & keys._LOWER or cp == 0x0A:  # \n stays, for lines
            continue
        folded = keys._table().get(cp, cp)
        assert chr(value & keys._CODE) == chr(folded).lower(), hex(cp)


def _glue_reference(words: list[str]) -> list[str]:
    """glue_tokens as it was written first: one decision per word, in order (the reference)."""
    from khabar.corpus.keys import JOIN_NEXT, JOIN_PREVIOUS

    out: list[str] = []
    glue_next = False
    for tok in words:
        if glue_next:
            out[-1] += tok
            glue_next = tok in JOIN_NEXT
        elif out and tok in JOIN_PREVIOUS:
            out[-1] += tok
        else:
            out.append(tok)
            glue_next = tok in JOIN_NEXT
    return out


@pytest.mark.parametrize("words, expected", [
    (["می", "شود", "و", "کتاب", "ها", "را", "نمی", "خوانم"], ["میشود", "و", "کتابها", "را", "نمیخوانم"]),
    (["بزرگ", "ترین", "شهر", "ها"], ["بزرگترین", "شهرها"]),
    (["رفته", "اند", "می"], ["رفتهاند", "می"]),  # «می» at the end glues to nothing
    (["می"], ["می"]),
    (["ها", "ها", "شهر"], ["هاها", "شهر"]),  # the first «ها» has nothing before it
    (["نمی", "می", "ها", "روم", "تا"], ["نمیمیها", "روم", "تا"]),  # «ها» ends the glue
    (["خبر", "فوری", "امروز"], ["خبر", "فوری", "امروز"]),  # must not change
])
def test_glue_tokens_by_hand(words, expected) -> None:
    assert glue_tokens(words) == expected == _glue_reference(words)


_GLUE_WORDS = st.sampled_from(["می", "نمی", "ها", "های", "ترین", "تر", "ای", "اند", "ام",
                               "کتاب", "شهر", "رود", "و", "را", "خبر"])


@given(st.lists(_GLUE_WORDS, max_size=40))
def test_glue_tokens_equals_the_word_by_word_reference(words) -> None:
    assert glue_tokens(words) == _glue_reference(words)
