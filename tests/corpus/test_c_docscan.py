"""khabar._c.docscan and its twins give the same results for every str.

Each C function (``fold_lines``, ``count_classes``, ``minhash``) has a twin in khabar.corpus
(``keys._fold_lines_py``, ``keys._count_classes_py``, ``dedup._minhash_py``). The tables below
run against both (the C half skips only when the extension is not built; under KHABAR_PURE=1 it still runs);
hypothesis compares them on random strings of the characters where they could differ; a test on
../shared's real text compares them, and the public functions built on them, line by line.
"""

from __future__ import annotations

import json
import re

import pytest

np = pytest.importorskip("numpy")

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.corpus import dedup, keys, langid, quality
from khabar.dates import mentions
from khabar.news import _fold

C = _native.built_c_extension("khabar._c.docscan")

FOLD = [keys._fold_lines_py]
COUNT = [keys._count_classes_py]
MINHASH = [dedup._minhash_py]
STARTS = [mentions._date_starts_py]
DIGITS = [mentions._digit_candidates_py]
KEYS = [_fold._fold_keys_py]
WEIGHTS = [langid._word_weights_py]
STATS = [quality._word_stats_py]
ARTICLE = [langid._al_words_py]
if C is not None:
    FOLD.append(C.fold_lines)
    COUNT.append(C.count_classes)
    MINHASH.append(C.minhash)
    STARTS.append(C.date_starts)
    DIGITS.append(C.digit_candidates)
    KEYS.append(C.fold_keys)
    WEIGHTS.append(C.word_weights)
    STATS.append(C.word_stats)

    # the same C functions given their table made once by word_keys (what langid and quality pass)
    def _weights_by_keys(lines: tuple[str, ...], weights: dict[str, int]) -> tuple[int, int]:
        return C.word_weights(lines, C.word_keys(weights))

    def _stats_by_keys(lines: tuple[str, ...], flags: dict[str, int]) -> tuple[int, ...]:
        return C.word_stats(lines, C.word_keys(flags))

    WEIGHTS.append(_weights_by_keys)
    STATS.append(_stats_by_keys)

    def _article_words(text: str) -> int:
        return C.article_words(text, *langid._AL_PARTS)

    ARTICLE.append(_article_words)


def _name(fn: object) -> str:
    if getattr(fn, "__name__", "").endswith("_by_keys"):
        return "c_keys"
    if getattr(fn, "__name__", "") == "_article_words":
        return "c"
    return "c" if C is not None and getattr(fn, "__module__", None) == C.__name__ else "py"


fold_impls = pytest.mark.parametrize("fold", FOLD, ids=_name)
count_impls = pytest.mark.parametrize("count", COUNT, ids=_name)
minhash_impls = pytest.mark.parametrize("minhash", MINHASH, ids=_name)
starts_impls = pytest.mark.parametrize("starts", STARTS, ids=_name)
digits_impls = pytest.mark.parametrize("digit_candidates", DIGITS, ids=_name)
keys_impls = pytest.mark.parametrize("fold_keys", KEYS, ids=_name)
weights_impls = pytest.mark.parametrize("word_weights", WEIGHTS, ids=_name)
stats_impls = pytest.mark.parametrize("word_stats", STATS, ids=_name)
article_impls = pytest.mark.parametrize("al_words", ARTICLE, ids=_name)

ZWNJ, ZWJ, NBSP, BOM, RLM = "\u200c", "\u200d", "\u00a0", "\ufeff", "\u200f"

# input -> the folded lines, checked by hand against keys.FOLD and _REMOVE_RANGES: Arabic ي/ك ->
# Persian ی/ک, joiners/marks/tatweel/hamza/harakat removed, digits of three scripts -> ASCII,
# punctuation and symbols -> space, single spaces inside a line, Latin lowercased
FOLDED = [
    ("", ""),
    ("سلام", "سلام"),  # must not change
    ("کتاب خوب", "کتاب خوب"),  # must not change
    ("abc 123", "abc 123"),  # must not change
    ("  مي" + ZWNJ + "شود ۱۲ \n\nBank!", "میشود 12\n\nbank"),
    ("كتاب ها", "کتاب ها"),
    ("تـــهران،  ۱۴۰۲/۰۷/۱۹", "تهران 1402 07 19"),
    ("خانۀ «اجزاء»", "خانه اجزا"),
    ("الف" + NBSP + "ب", "الف ب"),
    (BOM + "سلام" + RLM, "سلام"),
    ("می" + ZWJ + "رود", "میرود"),
    ("١٢٣ ۴۵۶ 789", "123 456 789"),
    ("بِسْمِ", "بسم"),
    ("مؤسسه إسلام آب", "موسسه اسلام اب"),
    (" a \n b ", "a\nb"),
    ("\n\n", "\n\n"),
    ("...\n-", "\n"),
    ("ABC déF", "abc déf"),
    ("a\tb\r\nc", "a b\nc"),
    # a space waits through removed characters for the next kept one of its line, and is
    # dropped at the line's end and start (the C pass keeps this state without a branch)
    ("الف " + ZWNJ + "ب", "الف ب"),
    ("a " + ZWNJ + " b", "a b"),
    ("a  " + ZWNJ + "\nb", "a\nb"),
    (ZWNJ + " a" + RLM + " ", "a"),
    (" \n \n", "\n\n"),
    ("a!b", "a b"),
    ("a ! b", "a b"),
    ("x" + " " * 50 + "y", "x y"),
    ("د ر", "د ر"),  # must not change: one-letter words
]


@fold_impls
@pytest.mark.parametrize(("text", "expected"), FOLDED)
def test_fold_lines_table(fold, text: str, expected: str) -> None:
    folded, flags = fold(text, keys._bmp_table())
    assert folded == expected
    assert not flags & keys._ASTRAL


@fold_impls
@pytest.mark.parametrize("text", ["سلام 😀", "𝐀", "\U00010000", "\uffff"])
def test_fold_lines_beyond_the_bmp_is_none(fold, text: str) -> None:
    # a character beyond the BMP (and U+FFFF, where they are clipped to) sends the text to the
    # str.translate path: None with the astral flag
    folded, flags = fold(text, keys._bmp_table())
    assert folded is None and flags & keys._ASTRAL


@fold_impls
def test_fold_lines_flags_for_the_wrapper(fold) -> None:
    # Σ lowercases by its neighbours: kept, with the flag that sends the text to lower_text
    folded, flags = fold("ΑΣ", keys._bmp_table())
    assert folded == "ΑΣ"[0].lower() + "Σ" and flags & keys._LOWER
    # a presentation form is kept as it is, flagged for NFKC
    folded, flags = fold("ﺑﺎﻧﻚ", keys._bmp_table())
    assert folded == "ﺑﺎﻧﻚ" and flags & keys._NFKC
    # a lone surrogate is no punctuation: kept
    assert fold("\ud800x", keys._bmp_table())[0] == "\ud800x"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ﺑﺎﻧﻚ Bank", ("بانک bank",)),
        ("ΑΣ", ("ας",)),
        ("خبر اول\n\nانتهاي پيام /", ("خبر اول", "", "انتهای پیام")),
        ("سلام 😀\nدنیا", ("سلام", "دنیا")),
    ],
)
def test_canonical_lines_through_the_wrapper(text: str, expected: tuple[str, ...]) -> None:
    keys.forget_canonical_lines()
    assert keys.canonical_lines(text) == expected
    assert expected == tuple(keys.canonical(line) for line in text.split("\n"))


def test_bad_table_is_an_error_that_says_what() -> None:
    if C is None:
        pytest.skip("khabar._c.docscan is not built")
    with pytest.raises(ValueError, match="65536 items"):
        C.fold_lines("x", b"\0" * 8)
    with pytest.raises(ValueError, match="masks"):
        C.count_classes("x", b"\0" * 8, 1)
    with pytest.raises(ValueError, match="0-32"):
        C.count_classes("x", keys._class_masks((re.compile(r"\d"),)), 33)
    with pytest.raises(TypeError):
        C.fold_lines(b"x", keys._bmp_table())


LETTER_DIGIT = (re.compile(r"[^\W\d_]"), re.compile(r"\d"))


@count_impls
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (0, 0)),
        ("کتاب ۱۲ book!", (8, 2)),
        ("١٢3", (0, 3)),
        ("می" + ZWNJ + "شود", (5, 0)),  # a ZWNJ is neither
        ("بِسْمِ", (3, 0)),  # harakat are marks (Mn), not letters
        ("_ - ، ؟", (0, 0)),
        ("ß É", (2, 0)),
        # ASCII and the Arabic block are counted per code point first, the rest one by one:
        # letters of all three kinds, repeated (ﺑ U+FE91 and ک are letters; ۱ ٢ 7 digits)
        ("aa کک ﺑﺑ ۱۱ ٢٢ 77 ßß", (8, 6)),
        ("ک" * 300 + "a" * 200 + "۱" * 100, (500, 100)),
        # the C pass counts Latin-1, the Arabic block and General Punctuation per code point
        # and finds the characters of every other block again in a second pass: the edges of
        # those blocks (ÿ U+00FF and ۿ U+06FF letters; Ā U+0100 and ܐ U+0710 letters of other
        # blocks; ܀ U+0700 punctuation; U+2000 a space, ‿ U+203F a connector, neither)
        ("ÿĀۿ܀ܐ", (4, 0)),
        ("\u2000‿" + ZWNJ + "ک", (1, 0)),
        # digits of five scripts: NKo ߀ and Devanagari ० from other blocks, ٣ ۳ 3
        ("߀०٣۳3", (0, 5)),
        # other blocks' characters only first, only last, and none but them
        ("ﺑکتاب", (5, 0)),
        ("کتاب ߀", (4, 1)),
        ("ĀĀ߀", (2, 1)),
        # Latin-1 only (a str of 1-byte kind): NBSP is neither, µ ª º are letters, and so are
        # ² ½ for [^\W\d_] (numeric, so \w, but not decimal, so not \d)
        ("µª º" + NBSP + "²½9", (5, 1)),
    ],
)
def test_count_classes_table(count, text: str, expected: tuple[int, int]) -> None:
    assert count(text, keys._class_masks(LETTER_DIGIT), 2) == expected


@count_impls
def test_count_classes_beyond_the_bmp_is_none(count) -> None:
    assert count("a😀", keys._class_masks(LETTER_DIGIT), 2) is None


def test_count_chars_with_emoji_still_counts() -> None:
    # the wrapper takes the general path for a text with an astral character
    assert keys.count_chars("کتاب 😀 𝐀 ۱", LETTER_DIGIT) == (5, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (0, 0)),
        ("کتاب ۱۲ book!", (8, 2)),  # 4 + 4 letters, 2 digits
        ("کتاب 😀 𝐀 ۱", (5, 1)),  # beyond the BMP: count_chars' other path (𝐀 is a letter)
        ("x" * 300 + "٣", (300, 1)),
    ],
)
def test_char_counter_is_count_chars(text: str, expected: tuple[int, int]) -> None:
    assert keys.char_counter(LETTER_DIGIT)(text) == keys.count_chars(text, LETTER_DIGIT) == expected


def _minhash_reference(stream: str, k: int, a: list[int], b: list[int]) -> bytes:
    """The MinHash as dedup's docstrings define it, in Python integers (an independent oracle)."""
    m64, m32 = (1 << 64) - 1, (1 << 32) - 1
    if not stream:
        return b"\xff\xff\xff\xff" * len(a)
    cps = [ord(c) for c in stream]
    width = min(k, len(cps))
    mins = [m32] * len(a)
    for i in range(len(cps) - width + 1):
        h = 0
        for c in cps[i : i + width]:
            h = (h * 1099511628211 + c) & m64
        h ^= h >> 33
        h = (h * 0xFF51AFD7ED558CCD) & m64
        h ^= h >> 33
        h = (h * 0xC4CEB9FE1A85EC53) & m64
        h ^= h >> 33
        x = h >> 32
        x ^= x >> 16
        x = (x * 0x85EBCA6B) & m32
        x ^= x >> 13
        x = (x * 0xC2B2AE35) & m32
        x ^= x >> 16
        mins = [min(m, (aj * x + bj) & m32) for m, aj, bj in zip(mins, a, b)]
    return b"".join(m.to_bytes(4, "little") for m in mins)


@minhash_impls
@pytest.mark.parametrize(
    ("stream", "k"),
    [("", 9), ("a", 9), ("ab", 1), ("کتابها", 3), ("کتابها", 6), ("کتابها", 7),
     ("بانکمرکزیاعلامکرد12", 9), ("😀x😀", 2), ("ÿé", 1)],
)
def test_minhash_matches_the_definition(minhash, stream: str, k: int) -> None:
    a, b = dedup._permutations(8, 3)
    assert minhash(stream, k, a, b) == _minhash_reference(stream, k, a.tolist(), b.tolist())


@minhash_impls
@pytest.mark.parametrize("num_perm", [1, 7, 63, 64, 65, 128, 130])
def test_minhash_every_permutation_block(minhash, num_perm: int) -> None:
    # the C pass takes the permutations 64 at a time (a short last block padded): every count
    # around and past a block gives every permutation's own minimum, the padding none
    a, b = dedup._permutations(num_perm, 11)
    stream = "بانکمرکزیاعلامکردکهنرخ۱۲درصد" * 3
    expected = _minhash_reference(stream, 9, a.tolist(), b.tolist())
    assert len(expected) == 4 * num_perm
    assert minhash(stream, 9, a, b) == expected
    assert minhash("", 9, a, b) == b"\xff" * (4 * num_perm)


@minhash_impls
def test_minhash_of_a_lone_surrogate_raises_like_encode(minhash) -> None:
    a, b = dedup._permutations(4, 1)
    with pytest.raises(UnicodeEncodeError):
        minhash("ab\udc80", 2, a, b)


# input -> the news key (khabar.news._fold: variants unified, every space but the line break, ZWNJ,
# bidi marks, tatweel and harakat removed, Latin lowercased; punctuation kept, Arabic comma -> ",")
NEWS_KEYS = [
    ("", ""),
    ("خبر", "خبر"),  # must not change
    ("کد خبر: ۱۲", "کدخبر:12"),
    ("پربيننده ترين\n\nاخبار", "پربینندهترین\n\nاخبار"),
    ("مي" + ZWNJ + "شود، " + RLM + "تـهران", "میشود,تهران"),
    ("بِسْمِ" + NBSP + "Bank\tOK", "بسمbankok"),
    ("١٢٣ ۴۵۶", "123456"),
    # every character dropped; dropped ones first and last; a str of 1-byte kind
    ("  \t" + ZWNJ + " ", ""),
    ("  خبر  ", "خبر"),
    ("Bank OK", "bankok"),
]


@keys_impls
@pytest.mark.parametrize(("text", "expected"), NEWS_KEYS)
def test_fold_keys_table(fold_keys, text: str, expected: str) -> None:
    folded, flags = fold_keys(text, _fold._fold_table(), _fold._GONE, _fold._ASTRAL)
    assert folded == expected and not flags & _fold._ASTRAL
    assert _fold.fold_lines(text) == expected.split("\n")


@keys_impls
def test_fold_keys_beyond_the_bmp_is_none(fold_keys) -> None:
    assert fold_keys("خبر 😀", _fold._fold_table(), _fold._GONE, _fold._ASTRAL)[0] is None
    assert _fold.fold_lines("خبر 😀\nدو") == ["خبر😀", "دو"]


AR = 1 << 32  # the weight of an Arabic function word in langid._WORD_WEIGHTS


@weights_impls
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ((), (0, 0)),
        (("",), (0, 0)),
        (("کتاب خوب",), (2, 0)),  # no function word
        (("این کتاب است",), (3, 2)),  # «این», «است»
        (("این", "", "است که"), (3, 3)),  # words of every line; blank lines have none
        (("قال الوزیر فی",), (3, 2 * AR)),  # «قال», «فی» (canonical في)
        (("از از از",), (3, 3)),  # each occurrence counts
        (("ازین استان",), (2, 0)),  # a function word inside a longer word does not
        (("  از\tدر" + NBSP + "به\u2003x ",), (4, 3)),  # whitespace as str.split() sees it
        (("است" + ZWNJ,), (1, 0)),  # a ZWNJ is no space: «است‌» is another word
    ],
)
def test_word_weights_table(word_weights, lines: tuple[str, ...], expected) -> None:
    assert word_weights(lines, langid._WORD_WEIGHTS) == expected


@weights_impls
def test_word_weights_keys_that_are_no_word_match_nothing(word_weights) -> None:
    # words a, b, a: «a» weighs 1 twice; «a b» and «» are no word of any line
    assert word_weights(("a b", "a"), {"a b": 5, "": 3, "a": 1}) == (3, 2)


#: keys for the rows of the C pass's filter on a word's length and ends (code point & 63): only
#: a word no longer than the longest key (3), and with a key's length and ends, is looked up
FILTER_WEIGHTS = {"ab": 1, "است": 2, "\U0001d400b": 4, "x": 8}


@weights_impls
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("ab",), (1, 1)),
        # the ends of a key, by the filter's 6 bits: «¡» (U+00A1) & 63 == «a» & 63 == 33, «â»
        # (U+00E2) & 63 == «b» & 63 == 34, «¸» (U+00B8) & 63 == «x» & 63 == 56: looked up, no key
        (("¡b", "aâ", "¸"), (3, 0)),
        (("ازت",), (1, 0)),  # the length and ends of «است», another middle
        (("abc", "abcd", "ab" * 40), (3, 0)),  # longer than «ab»; longer than every key
        (("\U0001d400b ab",), (2, 5)),  # an astral key in a 4-byte line
        (("x xx x b a",), (5, 16)),  # «x» twice; no other one-letter key
    ],
)
def test_word_weights_looks_up_only_words_like_a_key(word_weights, lines, expected) -> None:
    assert word_weights(lines, FILTER_WEIGHTS) == expected


@weights_impls
def test_word_weights_with_no_key_counts_words(word_weights) -> None:
    assert word_weights(("a bb", "", "ccc"), {}) == (3, 0)
    assert word_weights(("a bb",), {"": 1, "a b": 2}) == (2, 0)  # keys that are no word


def test_word_weights_splits_where_str_split_does() -> None:
    if C is None:
        pytest.skip("khabar._c.docscan is not built")
    for cp in range(0x110000):
        line = "a" + chr(cp) + "b"
        assert C.word_weights((line,), {})[0] == len(line.split()), hex(cp)


def test_word_weights_bad_weights_say_what() -> None:
    if C is None:
        pytest.skip("khabar._c.docscan is not built")
    with pytest.raises(TypeError, match="str to int"):
        C.word_weights(("a",), {"a": 1.5})
    with pytest.raises(ValueError, match="2\\*\\*63"):
        C.word_weights(("a",), {"a": (1 << 64) - 1})
    with pytest.raises(TypeError, match="line 0"):
        C.word_weights((b"a",), {})
    with pytest.raises(OverflowError, match="2\\*\\*64"):
        C.word_weights(("a", "b"), {"a": 1 << 63, "b": 1 << 63})


@article_impls
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("الحكومة", 1),  # the article and 5 word characters
        ("قال الوزير إن الحكومة", 2),  # «قال» holds «ال» after a word character
        ("والحكومة", 0),  # «و» before it: inside a word
        ("(الحكومة) «الشعب»", 2),  # punctuation before it starts a word
        ("_الحكومة ١الحكومة 𝐀الحكومة", 0),  # «_», a digit, an astral letter: word characters
        ("بین" + ZWNJ + "المللی", 0),  # a ZWNJ before it: inside a word
        ("آلومینیوم", 0),  # «آ», not «ا»
        ("الله", 0),  # two word characters after the article, not 3
        ("البته البتهها", 0),  # «بته» may not follow it
        ("الان الان. الان", 0),  # «ان» may not end the word
        ("الانتخابات الانی", 2),  # «ان» that does not end the word
        ("الکتاب_x", 1),  # «_» is a word character of the tail
        ("الحَكم", 0),  # a fatha (no word character) after 1 letter
        ("ال", 0), ("الح", 0), ("الحك", 0), ("الحكم", 1),  # the text's end
        ("الحكم الحكم\nالحكم", 3),
    ],
)
def test_article_words_table(al_words, text: str, expected: int) -> None:
    assert al_words(text) == expected


def test_article_words_bad_arguments_say_what() -> None:
    if C is None:
        pytest.skip("khabar._c.docscan is not built")
    with pytest.raises(ValueError, match="empty"):
        C.article_words("الحكم", "", (), (), 3)
    with pytest.raises(ValueError, match="tail"):
        C.article_words("الحكم", "ال", (), (), 0)
    with pytest.raises(TypeError, match="not_after"):
        C.article_words("الحكم", "ال", (1,), (), 3)
    with pytest.raises(TypeError, match="not_alone"):
        C.article_words("الحكم", "ال", (), ("ان", b"x"), 3)
    with pytest.raises(TypeError):
        C.article_words("الحكم", "ال", ["بته"], (), 3)  # a list, not a tuple


#: a small flag table for the hand-checked rows: stopwords, the two «می» prefixes that take the
#: next word, two endings that join the word before; and keys that are no single word, which
#: match nothing
STATS_FLAGS = {"از": quality.STOP, "که": quality.STOP, "میشود": quality.STOP,
               "می": quality.GLUE_NEXT, "نمی": quality.GLUE_NEXT,
               "ها": quality.GLUE_PREVIOUS, "تر": quality.GLUE_PREVIOUS,
               "": quality.STOP, "a b": quality.STOP, " ": quality.GLUE_NEXT}


@stats_impls
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # (tokens, the most frequent token's count, tokens that are stopwords, characters that
        # are not U+0020)
        ((), (0, 0, 0, 0)),
        (("",), (0, 0, 0, 0)),
        (("کتاب خوب",), (2, 1, 0, 7)),
        # از / کتابها / از / میشود: «از» twice; از, از and میشود are stopwords
        (("از کتاب ها", "", "از می شود"), (4, 2, 3, 15)),
        (("می",), (1, 1, 0, 2)),  # «می» at the end has nothing to take
        (("ها کتاب",), (2, 1, 0, 6)),  # an ending first has no word before it
        (("می", "شود"), (1, 1, 1, 5)),  # glued across lines, as the joined text is
        (("نمی می شود",), (1, 1, 0, 8)),  # نمیمیشود: «می» after «نمی» takes the next word too
        (("کتاب ها ها",), (1, 1, 0, 8)),  # کتابهاها
        (("می ها",), (1, 1, 0, 4)),  # میها: «می» takes even an ending
        (("کتاب ها می",), (2, 1, 0, 8)),  # کتابها / می
        (("از از از",), (3, 3, 3, 6)),
        # whitespace as str.split() sees it; only U+0020 is left out of the characters (13 - 3)
        (("  از\tدر" + NBSP + "به\u2003x ",), (4, 1, 1, 10)),
        (("از" + ZWNJ,), (1, 1, 0, 3)),  # «از‌» is another word
        (("می" + ZWNJ + "شود",), (1, 1, 0, 6)),  # one word, not the key «میشود»
        (("😀 😀 x",), (3, 2, 0, 3)),  # astral
        (("بزرگ تر", "بزرگتر"), (2, 2, 0, 12)),  # the glued token and the written word are one
        (("می شود",), (1, 1, 1, 5)),  # a glued token is a stopword like the written word
        (("میشود",), (1, 1, 1, 5)),
        (("a b",), (2, 1, 0, 2)),  # the key «a b» is no word: it never matches
        # «٧» (U+0667) & 63 == «ا» (U+0627) & 63 and «ײ» (U+05F2) & 63 == «ز» (U+0632) & 63: the
        # length and ends of «از» by the C pass's filter, and no key
        (("\u0667\u0632 از \u0627\u05f2",), (3, 1, 1, 6)),
        # the C pass keeps the document's words and tokens in one table: a word met only
        # inside glued tokens is no token (کتابها / دفترها, «ها» twice); a glued token and the
        # same written word are one token, whichever comes first; a word and a glued token
        # holding it are two (شود / میشود)
        (("کتاب ها", "دفتر ها"), (2, 1, 0, 12)),
        (("بزرگتر بزرگ تر بزرگتر",), (3, 3, 0, 18)),
        (("شود می شود",), (2, 1, 1, 8)),
        (("ها ها",), (1, 1, 0, 4)),  # هاها: the first «ها» has no token before it
        ((" ".join(["a", "b", "c"] * 100),), (300, 100, 0, 300)),
        # 100 distinct words, each twice: the count table grows past its first size
        # (w0-w9: 2 characters each, w10-w99: 3; 290 a line)
        (tuple(" ".join(f"w{i}" for i in range(100)) for _ in range(2)), (200, 2, 0, 580)),
    ],
)
def test_word_stats_table(word_stats, lines: tuple[str, ...], expected) -> None:
    assert word_stats(lines, STATS_FLAGS) == expected


def test_word_flags_hold_the_stopwords_and_the_joining_words() -> None:
    flags = quality._word_flags()
    assert flags["از"] == flags["میشود"] == quality.STOP
    assert flags["می"] == flags["نمی"] == quality.GLUE_NEXT
    assert flags["ها"] == flags["ترین"] == quality.GLUE_PREVIOUS
    assert "کتاب" not in flags
    assert {w for w, f in flags.items() if f & quality.STOP} == quality.stopwords()


def test_word_stats_bad_arguments_say_what() -> None:
    if C is None:
        pytest.skip("khabar._c.docscan is not built")
    with pytest.raises(TypeError, match="str to int"):
        C.word_stats(("a",), {"a": 1.5})
    with pytest.raises(TypeError, match="line 0"):
        C.word_stats((b"a",), {})
    with pytest.raises(OverflowError):
        C.word_stats(("a",), {"a": -1})


def test_word_keys_is_a_copy_and_says_what_is_wrong() -> None:
    if C is None:
        pytest.skip("khabar._c.docscan is not built")
    table = {"از": quality.STOP, "a b": 1}
    made = C.word_keys(table)
    table["از"] = 0  # the capsule holds a copy: a later change of the dict does not reach it
    table["کتاب"] = quality.STOP
    assert C.word_stats(("از کتاب از",), made) == (3, 2, 2, 8)
    assert C.word_stats(("از کتاب از",), table) == (3, 2, 1, 8)
    assert C.word_weights(("از کتاب",), made) == (2, quality.STOP)
    assert C.word_stats(("x",), C.word_keys({})) == (1, 1, 0, 1)
    with pytest.raises(TypeError, match="str to int"):
        C.word_keys({"a": 1.5})
    with pytest.raises(TypeError, match="str to int"):
        C.word_keys(["a"])
    with pytest.raises(OverflowError):
        C.word_keys({"a": -1})
    # a table word_stats may take (a value up to 2**64 - 1) is too heavy for word_weights
    with pytest.raises(ValueError, match="2\\*\\*63"):
        C.word_weights(("a",), C.word_keys({"a": (1 << 64) - 1}))
    import datetime

    other = datetime.datetime_CAPI  # a capsule another module made
    with pytest.raises(TypeError, match="did not make"):
        C.word_stats(("a",), other)
    with pytest.raises(TypeError, match="did not make"):
        C.word_weights(("a",), other)
    with pytest.raises(TypeError, match="word_keys"):
        C.word_stats(("a",), ["a"])


def test_langid_and_quality_pass_their_tables_made_once() -> None:
    if C is None:
        assert quality._word_keys() is quality._word_flags()
        assert langid._weight_keys() is langid._WORD_WEIGHTS
        return
    assert quality._word_keys() is quality._word_keys()
    assert langid._weight_keys() is langid._weight_keys()
    lines = keys.canonical_lines("این کتاب ها از آن اوست که می شود خواند.\nفي التي است")
    # tokens: این کتابها از ان اوست که میشود خواند / فی التی است (11, each once, 29 + 9
    # characters); stopwords.txt has این از آن که می‌شود است (6)
    assert C.word_stats(lines, quality._word_keys()) == quality._word_stats_py(
        lines, quality._word_flags()) == (11, 1, 6, 38)
    # 13 words; Persian function words این ها از که می شود است (7), Arabic في التي (2); «آن»
    # is neither (Arabic «إن» has its canonical form, so it is on neither list)
    assert C.word_weights(lines, langid._weight_keys()) == (13, 7 + 2 * (1 << 32))


def test_word_stats_splits_where_str_split_does() -> None:
    if C is None:
        pytest.skip("khabar._c.docscan is not built")
    for cp in range(0x110000):
        line = "a" + chr(cp) + "b"
        assert C.word_stats((line,), {})[0] == len(line.split()), hex(cp)


def _old_word_stats(lines: tuple[str, ...]) -> tuple[int, int, int, int]:
    """What compute_signals counted before word_stats: keys.glue_tokens, a Counter, the
    stopwords' counts, the joined text's characters other than spaces."""
    from collections import Counter

    joined = " ".join(lines)
    tokens = keys.glue_tokens(joined.split())
    counts = Counter(tokens)
    top = max(counts.values()) if tokens else 0
    stop = sum(map(counts.__getitem__, quality.stopwords().intersection(counts)))
    return len(tokens), top, stop, len(joined) - joined.count(" ")


@starts_impls
@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("", None),  # fewer than 4 characters: the regexes scan it
        ("۱۲ ", None),
        ("abcd", ([], [])),
        ("ab12cd345", ([2, 6], [])),
        # digit runs of two scripts; «مهر» after a space
        ("۱۹ مهر ۱۴۰۲", ([0, 7], [3])),
        # a two-letter name in the last two characters has no third character to check
        ("12 دی", ([0], [3])),
        # «دی» then «ماه»: the third character may be «م»
        ("دیماه", ([], [0])),
        # «مهر» inside a word («امهر»: a letter before it) is no start
        ("امهر 5", ([5], [])),
        # «م» or a ZWNJ after a two-letter name opens «ماه» only when the rest of it follows:
        # the spaced verbal prefix «می‌» and «مهم» (important) are no starts
        ("می\u200cشود ۱۲", ([7], [])),
        ("مهم است", ([], [])),
        ("دیم ۱", ([4], [])),
        ("می\u200cما", ([], [3])),  # «ما» at the very end may still open «مارس»
        # must not change: «دی‌ماه», «مهماه», and «ذی القعده» with a ZWNJ for its space
        ("دی\u200cماه ۱۴۰۲", ([7], [0])),
        ("مهماه", ([], [0])),
        ("ذی\u200cالقعده", ([], [0])),
        # the fourth character: words that open like a longer name are no starts («مردم» like
        # «مرداد», «امروز» like «امرداد», «آذربایجان» after the three-letter «آذر»)
        ("مردم ۱۲ مرداد", ([5], [8])),
        ("امروز ۳ امرداد", ([6], [8])),
        ("آذربایجان ۵ آذر", ([10], [12])),  # the last opening (n - 3) has no fourth character
        ("۱۲ مرد", ([0], [3])),
        # must not change: a three-letter name's end or «ماه» after it, a name's space left out
        ("آذرماه", ([], [0])),
        ("تیر، ۱۴۰۲", ([5], [0])),
        ("ذیالقعده", ([], [0])),
        ("ذیحجه", ([], [0])),
        ("سال 😀 ۱۳۹۹", None),  # beyond the BMP: the regexes scan it
    ],
)
def test_date_starts_table(starts, folded: str, expected) -> None:
    assert starts(folded, *mentions._char_tables()) == expected



def _digit_run_starts(folded: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\d+", folded)]


def _candidates(digit_candidates, folded: str) -> tuple[list[int], list[int], list[int]]:
    return digit_candidates(folded, _digit_run_starts(folded), mentions._NUMERIC_MARKS,
                            mentions._ERA_OPENINGS, mentions._ERA_SPACES,
                            mentions._YEAR_WORD_FORMS)


@digits_impls
@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        # a separator 4 after a year, 2 after a day; «19» at the end has no separator after it
        ("1402/07/19", ([0, 5], [], [])),
        ("19-7-1402", ([0, 3], [], [])),  # 2 and 1 characters after a day
        ("12:30", ([], [], [])),  # a time: «:» separates no date
        ("12", ([], [], [])),  # nothing after the run
        ("1400 ش", ([], [0], [])),  # a space, then an era's first letter 4 after the year
        ("120 ه.ق", ([], [0], [])),  # a three-digit year: the space is 3 after its start
        ("1400\u200cشمسی", ([], [0], [])),  # a ZWNJ before the era
        ("2000م.", ([], [0], [])),  # the era right after the year
        ("1400 نفر", ([], [], [])),  # a count, not an era
        ("سال 1992", ([], [], [3])),  # the year word ends where the space begins
        ("سال\u200cهای   98", ([], [], [7])),  # several spaces; a year word with a ZWNJ
        ("متولد\t65", ([], [], [5])),  # a tab is whitespace
        ("ریاست جمهوری 2016", ([], [], [12])),  # the longest year word
        ("جام\u200cجهانی 2018", ([], [], [9])),
        # «امسال» ends with «سال»: a candidate only; _YEAR_AFTER_SAL's lookbehind refuses it
        ("امسال 1400", ([], [], [5])),
        ("سال1992", ([], [], [])),  # no space before the digits
        ("در\n1992", ([], [], [])),  # whitespace, but no year word before it
    ],
)
def test_digit_candidates_table(digit_candidates, folded: str, expected) -> None:
    assert _candidates(digit_candidates, folded) == expected


@digits_impls
def test_digit_candidates_bad_arguments_say_what(digit_candidates) -> None:
    args = mentions._NUMERIC_MARKS, mentions._ERA_OPENINGS, mentions._ERA_SPACES
    with pytest.raises(ValueError, match="outside the text"):
        digit_candidates("سال 1992", [8], *args, mentions._YEAR_WORD_FORMS)
    with pytest.raises(ValueError, match="outside the text"):
        digit_candidates("سال 1992", [-1], *args, mentions._YEAR_WORD_FORMS)
    with pytest.raises(TypeError):
        digit_candidates("سال 1992", [4], *args, ["سال"])  # a list, not a tuple
    with pytest.raises(TypeError):
        digit_candidates("سال 1992", [4], *args, (1, "سال"))  # not a str


# the characters where the twins could part: joiners, marks, spaces, digits of three scripts,
# Latin with case, Greek sigma, presentation forms, surrogates, astral, controls, U+FFFF
ALPHABET = st.sampled_from(
    list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةۀأإآؤئء")
    + list("ًٌٍَُِّْٰٔ") + ["\u0654", "\u0670", "\u0640"]
    + [ZWNJ, ZWJ, NBSP, BOM, RLM, "\u200e", "\u00ad", "\u2028", "\u3000"]
    + list(" \n\t\r.،؛؟!«»\"'()-/:…") + list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")
    + list("AbCdÉéßİΣσς") + list("ﺑﺎﻧﻚﻻＡ") + ["\ud800", "\udfff", "😀", "𝐀", "\uffff", "\x00"]
)
#: whole words too, so that month names and year words meet the dates lookups
PIECES = st.one_of(ALPHABET, st.sampled_from(["مهر", "دی", "ماه", "سال ", "مارس", "فروردین",
                                              "ذی القعده", "۱۴۰۲", "1996", " است ", " في ",
                                              " که", "قال ", " می ", "ها ", " نمی",
                                              " ترین ", "میشود", "سال\u200cهای",
                                              "جام جهانی", "متولد", "\u200cشمسی", " ه.ق",
                                              "م.", "/۰۷/", "-", "ال", "بته", "ان",
                                              " ال", "_", "الان", "مه", "می\u200c", "مهم",
                                              "دی\u200cماه", "اه"]))
TEXTS = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=40))


@pytest.mark.skipif(C is None, reason="khabar._c.docscan is not built")
@settings(max_examples=2000, deadline=None)
@given(TEXTS)
def test_c_equals_twins_on_random_text(text: str) -> None:
    table = keys._bmp_table()
    assert C.fold_lines(text, table) == keys._fold_lines_py(text, table)
    for classes in (LETTER_DIGIT, quality._classes(), langid._PROFILE):
        masks = keys._class_masks(classes)
        assert C.count_classes(text, masks, len(classes)) == keys._count_classes_py(
            text, masks, len(classes))
    assert C.date_starts(text, *mentions._char_tables()) == mentions._date_starts_py(
        text, *mentions._char_tables())
    assert C.article_words(text, *langid._AL_PARTS) == langid._al_words_py(text)
    starts = _digit_run_starts(text)
    assert _candidates(C.digit_candidates, text) == _candidates(mentions._digit_candidates_py, text)
    assert C.digit_candidates(text, starts[::2], "/-.", "", "", ()) == (
        mentions._digit_candidates_py(text, starts[::2], "/-.", "", "", ()))
    news = _fold._fold_table(), _fold._GONE, _fold._ASTRAL
    assert C.fold_keys(text, *news) == _fold._fold_keys_py(text, *news)
    for lines in (tuple(text.split("\n")), keys.canonical_lines(text)):
        assert C.word_weights(lines, langid._WORD_WEIGHTS) == langid._word_weights_py(
            lines, langid._WORD_WEIGHTS) == C.word_weights(lines, langid._weight_keys())
        for flags in (quality._word_flags(), STATS_FLAGS):
            assert C.word_stats(lines, flags) == quality._word_stats_py(lines, flags)
        assert C.word_stats(lines, quality._word_keys()) == C.word_stats(
            lines, quality._word_flags())
        assert quality._word_stats_py(lines, quality._word_flags()) == _old_word_stats(lines)
    a, b = dedup._permutations(16, 5)
    for k in (1, 3, 9):
        try:
            expected: bytes | type = dedup._minhash_py(text, k, a, b)
        except UnicodeEncodeError:
            expected = UnicodeEncodeError
        if expected is UnicodeEncodeError:
            with pytest.raises(UnicodeEncodeError):
                C.minhash(text, k, a, b)
        else:
            assert C.minhash(text, k, a, b) == expected


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_public_functions_agree_with_the_per_line_definition(text: str) -> None:
    # canonical_lines (the C pass when built) is canonical() of each line; count_chars is what
    # each pattern's subn counts
    keys.forget_canonical_lines()
    assert keys.canonical_lines(text) == tuple(keys.canonical(ln) for ln in text.split("\n"))
    for classes in (LETTER_DIGIT, quality._classes(), langid._PROFILE):
        counted = tuple(p.subn("", text)[1] for p in classes)
        assert keys.count_chars(text, classes) == keys.char_counter(classes)(text) == counted
    assert quality._count_classes()(text) == keys.count_chars(text, quality._classes())
    assert langid._count_profile()(text) == keys.count_chars(text, langid._PROFILE)
    # news keys: what str.replace and split() give line by line
    mapped = _fold._DROP_MARKS(_fold._VARIANTS(text))
    assert _fold.fold_lines(text) == [
        _fold.lower_text("".join(line.split())) for line in mapped.split("\n")]


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("", True),
        ("خانه\u0654 کتاب", True),  # ه + hamza above: no letter of its own, nothing to join
        ("\u0627\u0654", False),  # ا + hamza above is أ
        ("ا\n\u0654", True),  # a line break between them: nothing joins across it
        ("متن\nکي\u0654\nمتن", False),  # ي + hamza above is ئ, on the middle line
        ("متن\nيک\u0654\nمتن", True),  # ک + hamza above joins to nothing
        ("\u0628\u0654\u0650", False),  # hamza above (230) before kasra (32): NFKC reorders
        ("\ufe91\n", False),  # a presentation form
    ],
)
def test_nfkc_normalized_line_by_line(text: str, normalized: bool) -> None:
    import unicodedata

    assert keys._nfkc_normalized(text) is normalized
    assert unicodedata.is_normalized("NFKC", text) is normalized


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_nfkc_normalized_is_is_normalized(text: str) -> None:
    import unicodedata

    assert keys._nfkc_normalized(text) == unicodedata.is_normalized("NFKC", text)


def _shared_texts(shared) -> list[str]:
    data = shared / "data"
    texts = (data / "parsner_social" / "all.sentences.txt").read_text(encoding="utf-8")
    lines = texts.splitlines()[:3000]
    with open(data / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f][:300]
    bodies = [d.get("text") or d.get("body") or "" for d in docs]
    seed = (shared / "examples" / "tasnim-kazakhstan" / "raw.txt").read_text(encoding="utf-8")
    return lines + [b for b in bodies if b] + [seed]


def test_c_equals_twins_on_real_text(shared) -> None:
    if C is None:
        pytest.skip("khabar._c.docscan is not built")
    texts = _shared_texts(shared)
    assert len(texts) > 3000
    table = keys._bmp_table()
    masks = keys._class_masks(langid._PROFILE)
    a, b = dedup._permutations(128, 1)
    for text in texts:
        assert C.fold_lines(text, table) == keys._fold_lines_py(text, table), text
        counted = C.count_classes(text, masks, len(langid._PROFILE))
        assert counted == keys._count_classes_py(text, masks, len(langid._PROFILE)), text
        if counted is not None:
            assert counted == tuple(p.subn("", text)[1] for p in langid._PROFILE), text
        news = _fold._fold_table(), _fold._GONE, _fold._ASTRAL
        assert C.fold_keys(text, *news) == _fold._fold_keys_py(text, *news), text
        lines = keys.canonical_lines(text)
        assert C.word_weights(lines, langid._WORD_WEIGHTS) == langid._word_weights_py(
            lines, langid._WORD_WEIGHTS), text
        assert C.word_weights(lines, langid._weight_keys()) == langid._word_weights_py(
            lines, langid._WORD_WEIGHTS), text
        assert C.article_words(text, *langid._AL_PARTS) == langid._al_words_py(text), text
        stats = C.word_stats(lines, quality._word_flags())
        assert stats == quality._word_stats_py(lines, quality._word_flags()), text
        assert stats == C.word_stats(lines, quality._word_keys()), text
        assert stats == _old_word_stats(lines), text
        folded = mentions._fold(text)
        assert C.date_starts(folded, *mentions._char_tables()) == mentions._date_starts_py(
            folded, *mentions._char_tables()), text
        assert _candidates(C.digit_candidates, folded) == _candidates(
            mentions._digit_candidates_py, folded), text
        stream = "".join(keys.canonical_lines(text)).replace(" ", "")
        assert C.minhash(stream, 9, a, b) == dedup._minhash_py(stream, 9, a, b), text


def test_count_chars_with_many_class_combinations() -> None:
    # 12 nested classes make more than 256 combinations: no uint8 table, but the C masks and
    # the regexes still count (each class is a range of Arabic letters plus a range of Latin)
    classes = tuple(
        re.compile(f"[{chr(0x0628 + i)}-\u064a a-{chr(ord('a') + i)}]") for i in range(12)
    )
    text = "سلام abc"
    # «س» U+0633, «ل» U+0644, «ا» U+0627 (below every range), «م» U+0645; the space; a, b, c
    expected = tuple(
        sum(ch == " " or 0x0628 + i <= ord(ch) <= 0x064A or "a" <= ch <= chr(ord("a") + i)
            for ch in text)
        for i in range(12)
    )
    assert expected[0] == 5 and expected[2] == 7  # س ل م, the space, a; then b and c too
    assert keys.count_chars(text, classes) == expected


def test_word_weights_and_article_words_no_leak(assert_rss_flat) -> None:
    if C is None:
        pytest.skip("khabar._c.docscan is not built")
    lines = keys.canonical_lines("قال الوزير إن الحكومة است که از این کتاب ها\n" * 20)
    text = "\n".join(lines)
    made = langid._weight_keys()

    def run(rounds: int) -> None:
        for _ in range(rounds):
            C.word_weights(lines, made)
            C.word_weights(lines, langid._WORD_WEIGHTS)  # a table made and freed per call
            C.word_stats(lines, quality._word_flags())
            C.article_words(text, *langid._AL_PARTS)
            with pytest.raises(OverflowError):  # the error paths free what they made
                C.word_weights(("a", "b"), {"a": 1 << 63, "b": 1 << 63})
            with pytest.raises(TypeError):
                C.word_weights(("a", b"b"), langid._WORD_WEIGHTS)
            with pytest.raises(TypeError):
                C.article_words(text, "ال", ("بته", 1), (), 3)

    assert_rss_flat(run, 1_000, 10_000)


@pytest.mark.skipif(C is None, reason="khabar._c.docscan is not built")
def test_date_starts_no_leak(assert_rss_flat) -> None:
    """date_starts over texts of each kind (1-, 2- and 4-byte, with «ماه» checks at the end of
    the text) and its error paths (a short table, a wrong type) leaks nothing."""
    tables = mentions._char_tables()
    texts = ["ab12cd345" * 30, "در ۱۹ دی‌ماه ۱۴۰۲ می‌شود مهم" * 20, "مهماه 😀 ۱۲" * 10, "دی\u200cم"]
    short = np.zeros(10, dtype=np.uint64)

    def run(calls: int) -> None:
        for _ in range(calls):
            for text in texts:
                C.date_starts(text, *tables)
            with pytest.raises(ValueError, match="aligned buffer"):
                C.date_starts(texts[1], tables[0], short, *tables[2:])
            with pytest.raises(TypeError):
                C.date_starts(texts[1], *tables[:-1], "x")

    assert_rss_flat(run, 2_000, 20_000)
