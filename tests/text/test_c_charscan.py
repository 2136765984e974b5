"""khabar._c.charscan (the first character of a set, in C) against its pure-Python twin
khabar.text.charset._find_any_py and the regex that CharSet uses without C: the same index on
hand-checked tables, random strings and real text; and the two callers (find_verbatim's
trigger, TranslateRule's rare sources) give what their regex gave.

The C half of each table skips only when the extension is not built
(``_native.built_c_extension`` loads it under KHABAR_PURE=1 too).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.text import charset, normalize, protect
from khabar.text.charset import CharSet, _find_any_py, _search_start, bitmap
from khabar.text.normalize import TranslateRule, char_rules
from khabar.text.policy import FixPolicy

C = _native.built_c_extension("khabar._c.charscan")


ZWNJ, ZWJ, NBSP, BOM = "\u200c", "\u200d", "\u00a0", "\ufeff"
DATA = Path(__file__).resolve().parents[2].parent / "shared/data"


def _finders() -> list[Any]:
    return [
        "twin",
        "regex",
        pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built")),
    ]


def _finder(which: str, chars: str) -> Callable[..., int]:
    """find(text, start=0) for ``chars`` by the twin, the regex fallback or the C function."""
    if which == "twin":
        return partial(_find_any_py, bitmap(chars))
    if which == "regex":
        return partial(_search_start, re.compile("[" + re.escape(chars) + "]").search)
    return partial(C.find_any, bitmap(chars))


CASES = [
    # (set, text, start, expected index): each worked out by hand
    ("a", "", 0, -1),
    ("a", "a", 0, 0),
    ("a", "ba", 0, 1),
    ("a", "ba", 1, 1),
    ("a", "ba", 2, -1),  # start at the end
    ("a", "ba", 9, -1),  # start past the end
    ("ab", "xxbxa", 0, 2),  # the first of any of them
    ("ab", "xxbxa", 3, 4),
    ("ي", "كتاب علي", 0, 7),  # a UCS-2 text: ي at 7 (ک ت ا ب space ع ل ي)
    ("ي", "كتاب", 0, -1),
    (ZWNJ, "می" + ZWNJ + "روم", 0, 2),
    (NBSP + BOM, "a" + BOM + NBSP, 0, 1),
    ("\x00", "ab\x00", 0, 2),  # code point 0 is a member like any other
    ("😀", "ab😀", 0, 2),  # astral: a UCS-4 text, a 16 K table
    ("a", "😀a", 0, 1),  # a UCS-4 text, a BMP set
    ("😀", "😁", 0, -1),  # beyond the table: no member
    ("ی", "ي", 0, -1),  # Persian yeh (U+06CC) is not Arabic yeh (U+064A)
    ("0", "۰0", 0, 1),  # Persian zero (U+06F0) is not the ASCII one
]


@pytest.mark.parametrize("which", _finders())
@pytest.mark.parametrize(("chars", "text", "start", "expected"), CASES)
def test_find_table(which: str, chars: str, text: str, start: int, expected: int) -> None:
    assert _finder(which, chars)(text, start) == expected


@pytest.mark.parametrize("which", _finders())
def test_start_defaults_to_zero(which: str) -> None:
    assert _finder(which, "b")("abab") == 1


def test_bitmap_by_hand() -> None:
    assert bitmap("") == b""
    assert bitmap("\x00") == b"\x01"
    assert bitmap("\x07\x08") == b"\x80\x01"  # bit 7 of byte 0, bit 0 of byte 1
    assert bitmap("A") == b"\x00" * 8 + b"\x02"  # 0x41: byte 8, bit 1
    assert len(bitmap("ی")) == 0x6CC // 8 + 1


def test_charset_sorts_and_dedups() -> None:
    s = CharSet("cabca")
    assert s.chars == "abc"
    assert repr(s) == "CharSet('abc')"
    assert s.find("xxc") == 2
    with pytest.raises(ValueError, match="at least one"):
        CharSet("")


def test_charset_uses_c_when_allowed() -> None:
    # khabar's own code asks c_extension: the C function unless KHABAR_PURE or not built
    uses_c = _native.c_extension("khabar._c.charscan") is not None
    assert (charset._SCAN is not None) == uses_c
    assert CharSet("a").find.func is (C.find_any if uses_c else _search_start)  # type: ignore[union-attr]


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_c_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="table must be bytes"):
        C.find_any("a", "a")
    with pytest.raises(TypeError, match="text must be a str"):
        C.find_any(b"\x01", b"a")
    with pytest.raises(ValueError, match="start must be 0 or more"):
        C.find_any(b"\x01", "a", -1)
    with pytest.raises(TypeError, match="2 or 3 arguments"):
        C.find_any(b"\x01")
    with pytest.raises(TypeError):
        C.find_any(b"\x01", "a", "0")
    assert C.find_any(b"", "abc") == -1  # an empty table: an empty set


def test_twin_says_what_it_needs() -> None:
    with pytest.raises(TypeError, match="table must be bytes"):
        _find_any_py("a", "a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be a str"):
        _find_any_py(b"\x01", b"a")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="start must be 0 or more"):
        _find_any_py(b"\x01", "a", -1)


#: what the rules care about: Persian and Arabic letters, ZWNJ/ZWJ/NBSP/BOM, three digit scripts,
#: Latin, marks, presentation forms, a lone surrogate (carried by surrogateescape) and astral
ALPHABET = st.sampled_from(
    list("اآبپتکكیيىهۀةو ")
    + [ZWNJ, ZWJ, NBSP, BOM, "\u200b", "\u200e", "\ud800", "\udcff", "😀", "𝟘"]
    + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    + list("aZé#@`\u0651\u064b\ufb8e\ufeea\u00ad\n")
)
SETS = st.text(alphabet=ALPHABET, min_size=1, max_size=6)


@settings(max_examples=2000, deadline=None)
@given(chars=SETS, text=st.text(alphabet=ALPHABET, max_size=40), start=st.integers(0, 45))
def test_c_twin_and_regex_agree(chars: str, text: str, start: int) -> None:
    want = _finder("twin", chars)(text, start)
    assert _finder("regex", chars)(text, start) == want
    if C is not None:
        assert _finder("c", chars)(text, start) == want


def _real_lines() -> list[str]:
    path = DATA / "peyma_nsurl2019/peyma300k.sentences.txt"
    if not path.exists():
        pytest.skip(f"{path} not found (../shared/data)")
    with open(path, encoding="utf-8") as handle:
        return [line for _, line in zip(range(3000), handle)]


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_real_text_agrees() -> None:
    lines = _real_lines()
    text = "".join(lines)
    rare = next(r for r in char_rules(FixPolicy()) if isinstance(r, TranslateRule) and r._sources)
    for chars in (protect._TRIGGER_CHARS.chars, rare._sources.chars, "،.", ZWNJ):  # type: ignore[union-attr]
        table, pattern = bitmap(chars), re.compile("[" + re.escape(chars) + "]")
        every = [m.start() for m in pattern.finditer(text)]
        got, pos = [], 0
        while (i := C.find_any(table, text, pos)) >= 0:
            got.append(i)
            pos = i + 1
        assert got == every
        for line in lines[:500]:
            assert C.find_any(table, line) == _search_start(pattern.search, line)


def test_trigger_set_is_the_regex_class() -> None:
    """find_verbatim finds its triggers with _TRIGGER_CHARS: the same set as _TRIGGER."""
    regex = {c for c in range(0x10000) if protect._TRIGGER.fullmatch(chr(c))}
    assert set(map(ord, protect._TRIGGER_CHARS.chars)) == regex


RARE = next(r for r in char_rules(FixPolicy()) if isinstance(r, TranslateRule) and r._sources)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("کتاب", "کتاب"),  # no source: the same text
        # presentation forms from 0 (kaf isolated, teh medial, alef final, beh isolated): NFKC,
        # then Persian keh (U+06A9), not Arabic kaf
        ("\ufed9\ufe98\ufe8e\ufe8f", "\u06a9\u062a\u0627\u0628"),
        ("کتاب\u200b", "کتاب"),  # a ZWSP at the end: deleted
        ("می" + NBSP + "روم", "می روم"),  # NBSP in the middle: a space
        ("ي", "ي"),  # the frequent sources belong to the hot rule, not to this one
    ],
)
def test_rare_sources_rule_by_hand(text: str, expected: str) -> None:
    assert RARE.apply(text) == expected
    assert RARE.apply(text) == text.translate(str.maketrans(RARE.map))  # what the rule promises


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60))
def test_rare_sources_rule_as_before(text: str) -> None:
    """The rule with its guard (apply, find) as the plain regex pass it replaced."""
    assert RARE.apply(text) == RARE.pattern.sub(RARE._lookup, text)
    expected = [
        (m.start(), m.end(), RARE.map[m.group()], RARE.names[m.group()])
        for m in RARE.pattern.finditer(text)
    ]
    assert [tuple(c) for c in RARE.find(text)] == expected


def test_only_rare_one_character_tables_get_sources() -> None:
    rules = [r for r in char_rules(FixPolicy()) if isinstance(r, TranslateRule)]
    with_sources = [r for r in rules if r._sources is not None]
    assert len(with_sources) == 1
    assert not with_sources[0].hot
    assert set(with_sources[0]._sources.chars) == set(with_sources[0].map)  # type: ignore[union-attr]
    assert normalize.TranslateRule({}, {})._sources is None


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_no_leak(assert_rss_flat: Callable[..., None]) -> None:
    """RSS stays flat over many calls, errors included."""
    table, text = bitmap("ی"), "کتاب " * 200 + "ی"

    def run(n: int) -> None:
        for _ in range(n):
            C.find_any(table, text)
            C.find_any(table, text, 7)
            try:
                C.find_any(table, text, -1)
            except ValueError:
                pass
            try:
                C.find_any("x", text)
            except TypeError:
                pass

    assert_rss_flat(run, 20_000, 200_000)


# -- find_each: each character's indices, for TranslateRule.positions --------------------------


def _eachers() -> list[Any]:
    return [
        charset._find_each_py,
        pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built")),
    ]


def _each(which: Any) -> Callable[[str, str], list[list[int]]]:
    return C.find_each if which == "c" else which


EACH_CASES = [
    # (chars, text, expected lists): each worked out by hand
    ("", "کتاب", []),
    ("ي", "", [[]]),
    ("يك", "يكي", [[0, 2], [1]]),  # «يكي»: yeh at 0 and 2, kaf at 1
    ("كي", "يكي", [[1], [0, 2]]),  # in the order of chars
    ("ي", "کتابی", [[]]),  # Persian yeh (U+06CC) is not Arabic yeh (U+064A)
    ("ي", "بانكي در روستايي", [[4, 14, 15]]),  # ب0 ا1 ن2 ك3 ي4, space 5, ..., ا13 ي14 ي15
    ("a", "abc", [[0]]),  # a Latin-1 text
    ("ي", "abc", [[]]),  # a source beyond the text's kind
    ("\x00", "a\x00b\x00", [[1, 3]]),  # code point 0
    ("😀x", "a😀x😀", [[1, 3], [2]]),  # astral
    ("ي", "😀ي😀", [[1]]),  # a BMP source in an astral text
    ("\ud800", "a\ud800b", [[1]]),  # a lone surrogate
    (ZWNJ + NBSP, "می" + ZWNJ + "روم" + NBSP, [[2], [6]]),
    ("۱۲", "۱۲۱", [[0, 2], [1]]),  # Persian digits
    # up to four sources, none from U+10000, none with a low byte 0 in a two-byte text: one
    # memchr pass per source for its low byte (ي U+064A: 0x4A); a byte found counts only where
    # its code unit is the source
    ("ي", "J\u064a\u4a06\u064a", [[1, 3]]),  # J U+004A and 䨆 U+4A06 hold 0x4A too
    ("يك", "\u4a06\u4306CJ", [[], []]),  # 0x4A / 0x43 as high bytes and as ASCII: no source
    ("ي", "\u4a06\u064a", [[1]]),  # the high byte of unit 0, then the low byte of unit 1
    ("ي", "ييي", [[0, 1, 2]]),  # side by side
    ("\u4a4a", "J\u4a4a\u4a4a", [[1, 2]]),  # both bytes of the source are 0x4A
    ("a", "aیa", [[0, 2]]),  # a source below U+0100 in a two-byte text (ی U+06CC)
    ("\u0600", "\u0600ab\u0600", [[0, 3]]),  # low byte 0: the bitmap pass
    ("يكىa5", "a5يكى", [[2], [3], [4], [0], [1]]),  # five sources: the bitmap pass
    ("يكى", "كىي😀ي", [[2, 4], [0], [1]]),  # a four-byte text: the bitmap pass
]


@pytest.mark.parametrize("which", _eachers())
@pytest.mark.parametrize(("chars", "text", "expected"), EACH_CASES)
def test_find_each_table(which: Any, chars: str, text: str, expected: list[list[int]]) -> None:
    assert _each(which)(chars, text) == expected


@pytest.mark.parametrize("which", _eachers())
def test_find_each_says_what_it_needs(which: Any) -> None:
    with pytest.raises(ValueError, match="must not repeat a character, U\\+0061 does at 2"):
        _each(which)("aba", "x")
    with pytest.raises(ValueError, match="must not repeat a character, U\\+1f600 does at 1"):
        _each(which)("😀😀", "x")
    with pytest.raises(TypeError, match="must be str"):
        _each(which)(b"a", "x")
    with pytest.raises(TypeError, match="must be str"):
        _each(which)("a", None)


@settings(max_examples=2000, deadline=None)
@given(chars=SETS, text=st.text(alphabet=ALPHABET, max_size=40))
def test_find_each_c_and_twin_agree(chars: str, text: str) -> None:
    chars = "".join(dict.fromkeys(chars))  # distinct, in order
    want = charset._find_each_py(chars, text)
    assert want == [[i for i, t in enumerate(text) if t == c] for c in chars]
    if C is not None:
        assert C.find_each(chars, text) == want


#: characters whose code units share a byte with ي ك ى (0x4A 0x43 0x49) or hold a byte 0
COLLIDING = st.sampled_from(
    list("يكىJCIjci ی") + ["\u4a06", "\u4306", "\u4906", "\u4a4a", "\u0600",
                           "\u0100", "\u4a00", ZWNJ, "\x00"]
)


@settings(max_examples=2000, deadline=None)
@given(chars=st.text(alphabet=COLLIDING, min_size=1, max_size=5),
       text=st.text(alphabet=COLLIDING, max_size=60), wide=st.sampled_from(["", "😀"]))
def test_find_each_memchr_path_on_colliding_bytes(chars: str, text: str, wide: str) -> None:
    """Texts of characters that share bytes with the sources (both paths: up to four sources
    and more, one-, two- and four-byte texts) give every index of each source and nothing else."""
    chars = "".join(dict.fromkeys(chars))
    for sample in (text, text + wide):
        want = [[i for i, t in enumerate(sample) if t == c] for c in chars]
        assert charset._find_each_py(chars, sample) == want
        if C is not None:
            assert C.find_each(chars, sample) == want


def test_positions_are_the_regex_matches_on_real_text() -> None:
    """TranslateRule.positions (find_each) gives the offsets one regex match per source gave,
    for every substituting rule of the default and the Latin-digits policies."""
    lines = _real_lines()
    text = "".join(lines)
    rules = [
        r
        for policy in (FixPolicy(), FixPolicy(digits="latin"))
        for r in char_rules(policy)
        if isinstance(r, TranslateRule) and r.substitutes
    ]
    assert rules
    for rule in rules:
        for sample in [text, *lines[:300], "", "كيك ۱۲3"]:
            expected = [
                (src, dst, rule.names[src], [m.start() for m in re.finditer(re.escape(src), sample)])
                for src, dst in sorted(rule.map.items())
                if src in sample
            ]
            assert rule.positions(sample) == expected


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_find_each_no_leak(assert_rss_flat: Callable[..., None]) -> None:
    """RSS stays flat over many calls, errors included."""
    text = "بانكي در روستايي " * 100 + "😀"

    def run(n: int) -> None:
        for _ in range(n):
            C.find_each("يك", text)
            C.find_each("😀ي", text)
            try:
                C.find_each("يي", text)
            except ValueError:
                pass

    assert_rss_flat(run, 5_000, 50_000)


# -- find_pair: a character of one set right before one of another, for the spacing guards -----


def _pairers() -> list[Any]:
    return [
        charset._find_pair_py,
        pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built")),
    ]


def _pair(which: Any) -> Callable[[bytes, bytes, str], int]:
    return C.find_pair if which == "c" else which


PAIR_CASES = [
    # (first set, second set, text, expected index): each worked out by hand
    (".", "ب", "", -1),
    (".", "ب", ".", -1),  # the first at the end: no next character
    (".", "ب", "ب.", -1),  # the wrong order
    (".", "ب", ".ب", 0),
    (".", "ب", "x. .ب", 3),  # the first pair only
    (".", "ب", "..ب.ب", 1),
    (".،", "بی", "است،وی.بود", 6),  # ، (3) before و: no; . (6) before ب: yes
    ("a", "a", "aa", 0),  # one set both sides
    ("a", "a", "aba", -1),
    (" ", "\n\u2028", "a \u2028", 1),  # a line separator (two-byte text)
    (" ", "\n", "a\n \n", 2),
    ("😀", "x", "a😀x", 1),  # astral first (four-byte text)
    ("x", "😀", "😀x😀", 1),
    ("\x00", "\x00", "a\x00\x00", 1),  # code point 0 in both sets
    ("\ud800", "a", "\ud800a", 0),  # a lone surrogate
    (ZWNJ, "ب", "ب" + ZWNJ + ZWNJ + "ب", 2),
    ("ب", "(«", "کتاب(متن", 3),  # the space-before rule's pair
    ("ب", "(«", "کتاب (متن", -1),
    ("۱", ".", "۱.۲", 0),  # Persian digits
]


@pytest.mark.parametrize("which", _pairers())
@pytest.mark.parametrize(("first", "second", "text", "expected"), PAIR_CASES)
def test_find_pair_table(which: Any, first: str, second: str, text: str, expected: int) -> None:
    assert _pair(which)(bitmap(first), bitmap(second), text) == expected
    assert _pair(which)(bitmap(first), bitmap(second), text, True) == expected  # scan by second


@pytest.mark.parametrize("which", _pairers())
def test_find_pair_empty_tables_find_nothing(which: Any) -> None:
    for by_second in (False, True):
        assert _pair(which)(b"", bitmap("a"), "aa", by_second) == -1
        assert _pair(which)(bitmap("a"), b"", "aa", by_second) == -1
        assert _pair(which)(b"\x00", b"\x00", "aa", by_second) == -1


@pytest.mark.parametrize("which", _pairers())
def test_find_pair_says_what_it_needs(which: Any) -> None:
    fn = _pair(which)
    with pytest.raises(TypeError, match="first and second must be bytes"):
        fn("a", b"\x01", "a")
    with pytest.raises(TypeError, match="text must be a str"):
        fn(b"\x01", b"\x01", b"a")
    if which == "c":
        with pytest.raises(TypeError, match="takes 3 or 4 arguments"):
            C.find_pair(b"\x01", b"\x01")


def _pair_regex(first: str, second: str, text: str) -> int:
    m = re.search(f"[{re.escape(first)}](?=[{re.escape(second)}])", text)
    return -1 if m is None else m.start()


@settings(max_examples=2000, deadline=None)
@given(first=SETS, second=SETS, text=st.text(alphabet=ALPHABET, max_size=40))
def test_find_pair_c_twin_and_regex_agree(first: str, second: str, text: str) -> None:
    want = _pair_regex(first, second, text)
    assert charset._find_pair_py(bitmap(first), bitmap(second), text) == want
    if C is not None:
        assert C.find_pair(bitmap(first), bitmap(second), text) == want
        assert C.find_pair(bitmap(first), bitmap(second), text, True) == want


def test_pair_test_by_hand() -> None:
    dot_letter = charset.pair_test(".", "وب")
    assert dot_letter("است.وی") is True
    assert dot_letter("است. وی") is False
    assert dot_letter("3.5") is False
    with pytest.raises(ValueError, match="at least one character"):
        charset.pair_test("", "a")


def test_pair_test_uses_c_when_allowed() -> None:
    # a regex search behind a partial without the extension (KHABAR_PURE=1), the C pass with it
    assert isinstance(charset.pair_test(".", "a"), partial) is (charset._SCAN is None)


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_find_pair_on_real_text() -> None:
    lines = _real_lines()
    marks, letters = "،؛؟!…)».:", charset.class_chars(normalize._LETTER)
    a, b = bitmap(marks), bitmap(letters)
    found = 0
    for line in lines:
        want = _pair_regex(marks, letters, line)
        assert C.find_pair(a, b, line) == want
        assert C.find_pair(a, b, line, True) == want
        found += want >= 0
    assert 0 < found < len(lines)  # real text has both kinds of line


@pytest.mark.parametrize(
    "spec", [normalize._LETTER, normalize._MARK, normalize._LETTER + normalize._MARK, "a-c.x-"]
)
def test_class_chars_is_the_regex_class(spec: str) -> None:
    pattern = re.compile(f"[{spec}]")
    want = "".join(c for c in map(chr, range(0x10000)) if pattern.fullmatch(c))
    assert "".join(sorted(charset.class_chars(spec))) == want


def test_class_chars_refuses_what_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="runs backwards"):
        charset.class_chars("z-a")
    with pytest.raises(ValueError, match="no escapes"):
        charset.class_chars("\\d")


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_find_pair_no_leak(assert_rss_flat: Callable[..., None]) -> None:
    """RSS stays flat over many calls, errors included."""
    a, b, text = bitmap("."), bitmap("ب"), "کتاب. " * 200 + ".ب"

    def run(n: int) -> None:
        for _ in range(n):
            C.find_pair(a, b, text)
            C.find_pair(a, b, text, True)
            try:
                C.find_pair("x", b, text)
            except TypeError:
                pass

    assert_rss_flat(run, 20_000, 200_000)


# -- pair_mask: several find_pair questions in one pass (the spacing rules' three guards) --------


def _maskers() -> list[Any]:
    return [
        charset._pair_mask_py,
        pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built")),
    ]


def _masker(which: Any) -> Callable[..., int]:
    return C.pair_mask if which == "c" else which


def _tables(pairs: tuple[tuple[str, str, bool], ...]) -> tuple[bytes, tuple[Any, ...]]:
    rare = "".join(second if by_second else first for first, second, by_second in pairs)
    return bitmap(rare), tuple((bitmap(f), bitmap(s), b) for f, s, b in pairs)


DOT_LETTER = (".", "بو", False)  # bit 1: a dot before ب or و, scanned by the dot
LETTER_PAREN = ("بو", "(«", True)  # bit 2: ب or و before ( or «, scanned by the bracket
SPACE_BREAK = (" ", "\n\u2028", True)  # bit 4: a space before a line break
MASK_CASES = [
    # (text, expected mask of the three pairs above): each worked out by hand
    ("", 0),
    ("ب", 0),
    (".ب", 1),
    ("ب.", 0),  # the wrong order
    ("ب(", 2),
    ("(ب", 0),
    ("ب (", 0),  # a space between
    ("ب \n", 4),  # the space before the break
    ("و.و(", 3),  # . before و (1), و before ( (2)
    ("و «\u2028 \u2028", 4),  # a space before U+2028 (two-byte text); « after a space
    ("😀.و (x \n", 5),  # astral text: 1 and 4
    ("..(((«ب", 0),  # runs of the scanned sets with no pair
    ("«ب.و«", 3),
    (" ", 0),
    ("\n ", 0),
]


@pytest.mark.parametrize("which", _maskers())
@pytest.mark.parametrize(("text", "expected"), MASK_CASES)
def test_pair_mask_table(which: Any, text: str, expected: int) -> None:
    rare, tables = _tables((DOT_LETTER, LETTER_PAREN, SPACE_BREAK))
    assert _masker(which)(rare, tables, text) == expected
    # each pair alone gives its own bit (as bit 1)
    for j, pair in enumerate((DOT_LETTER, LETTER_PAREN, SPACE_BREAK)):
        rare1, tables1 = _tables((pair,))
        assert _masker(which)(rare1, tables1, text) == (expected >> j) & 1


@pytest.mark.parametrize("which", _maskers())
def test_pair_mask_needs_the_scanned_set_in_rare(which: Any) -> None:
    # a pair whose scanned character is not in rare is not found: rare says where to look
    _, tables = _tables((DOT_LETTER,))
    assert _masker(which)(bitmap("ب"), tables, ".ب") == 0
    assert _masker(which)(b"", tables, ".ب") == 0
    assert _masker(which)(bitmap("."), tables, ".ب") == 1
    assert _masker(which)(bitmap("."), (), ".ب") == 0  # no pairs, no bits


@pytest.mark.parametrize("which", _maskers())
def test_pair_mask_says_what_it_needs(which: Any) -> None:
    fn = _masker(which)
    rare, tables = _tables((DOT_LETTER,))
    with pytest.raises(TypeError, match="rare must be bytes"):
        fn(".", tables, "a")
    with pytest.raises(TypeError, match="pairs must be a tuple of at most 16"):
        fn(rare, list(tables), "a")
    with pytest.raises(TypeError, match="pairs must be a tuple of at most 16"):
        fn(rare, tables * 17, "a")
    with pytest.raises(TypeError, match=r"pairs\[0\] must be a \(first, second, by_second\)"):
        fn(rare, ((b".", "b", False),), "a")
    with pytest.raises(TypeError, match=r"pairs\[0\] must be"):
        fn(rare, ((b".", b"b"),), "a")
    with pytest.raises(TypeError, match="text must be a str"):
        fn(rare, tables, b"a")
    if which == "c":
        with pytest.raises(TypeError, match="takes 3 arguments"):
            C.pair_mask(rare, tables)


@settings(max_examples=2000, deadline=None)
@given(
    pairs=st.lists(st.tuples(SETS, SETS, st.booleans()), min_size=1, max_size=4),
    text=st.text(alphabet=ALPHABET, max_size=40),
)
def test_pair_mask_is_find_pair_per_pair(pairs: list[tuple[str, str, bool]], text: str) -> None:
    want = sum(1 << j for j, (f, s, _) in enumerate(pairs) if _pair_regex(f, s, text) >= 0)
    rare, tables = _tables(tuple(pairs))
    assert charset._pair_mask_py(rare, tables, text) == want
    assert charset.pair_scan(tuple(pairs))(text) == want
    if C is not None:
        assert C.pair_mask(rare, tables, text) == want


def test_pair_scan_by_hand() -> None:
    scan = charset.pair_scan(((".", "وب", False), ("وب", "(", True)))
    assert (scan("است.وی"), scan("کتاب(الف"), scan("است.وب(الف"), scan("3.5 (")) == (1, 2, 3, 0)
    with pytest.raises(ValueError, match="at least one character"):
        charset.pair_scan(((".", "", False),))
    with pytest.raises(ValueError, match="1 to 16 pairs"):
        charset.pair_scan(())


def test_space_pair_mask_is_the_three_guards_on_real_text() -> None:
    """Bit 1, 2, 4 of ``space_pair_mask`` are the guards of space.trailing and the two
    punct.space rules that add a space, on real lines and those lines joined and cut."""
    lines = _real_lines()
    texts = lines + ["\n".join(lines[i : i + 7]) + " " * (i % 2) for i in range(0, 700, 7)]
    # the same lines with the spaces after marks and before brackets taken out: pairs to find
    texts += [re.sub(r"(?<=[.،:]) | (?=[(«])", "", line) for line in lines]
    rules = (normalize._TRAILING, normalize._SPACE_AFTER, normalize._SPACE_BEFORE)
    seen = [0, 0, 0]
    for text in texts:
        mask = normalize.space_pair_mask(text)
        for j, rule in enumerate(rules):
            assert rule.pair_bit == 1 << j
            assert rule.guard is not None
            assert bool(mask & rule.pair_bit) is rule.guard(text), (rule.name, text)
            seen[j] += bool(mask & rule.pair_bit)
    assert all(0 < k < len(texts) for k in seen), seen  # each bit both set and clear


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("است.وی (الف", 2),  # a dot before a letter; a space before the bracket
        ("کشور(اسرائیل", 4),
        ("است. وی", 0),
        ("وی \n", 1),
        ("وی ", 1),  # a space at the end
        ("3.5 (12:30)", 0),  # numbers
        ("گفت:ما کشور(اسرائیل \u2029", 7),
    ],
)
def test_space_pair_mask_by_hand(text: str, expected: int) -> None:
    assert normalize.space_pair_mask(text) == expected


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_pair_mask_no_leak(assert_rss_flat: Callable[..., None]) -> None:
    """RSS stays flat over many calls, errors included."""
    rare, tables = _tables((DOT_LETTER, LETTER_PAREN, SPACE_BREAK))
    text = "کتاب. " * 200 + ".ب"

    def run(n: int) -> None:
        for _ in range(n):
            C.pair_mask(rare, tables, text)
            try:
                C.pair_mask(rare, ((b".", "x", True),), text)
            except TypeError:
                pass

    assert_rss_flat(run, 20_000, 200_000)


# -- find_double: a character twice in a row, for space.collapse's guard -------------------------


def _doublers() -> list[Any]:
    return [
        charset._find_double_py,
        pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built")),
    ]


def _double(which: Any) -> Callable[[str, str], int]:
    return C.find_double if which == "c" else which


DOUBLE_CASES = [
    # (char, text, expected index): each worked out by hand
    (" ", "", -1),
    (" ", " ", -1),
    (" ", "  ", 0),
    (" ", "a  b", 1),
    (" ", "   ", 0),  # a run of three: its first
    (" ", "a b c", -1),  # spaces apart
    (" ", "و  استفاده", 1),  # a two-byte text
    (" ", "é  x", 1),  # a one-byte text beyond ASCII
    (" ", "😀  x", 1),  # a four-byte text
    (" ", "a \u3000 ", -1),  # an ideographic space is not U+0020
    (" ", "a\u00a0 ", -1),  # nor is NBSP
    ("é", "ab", -1),  # a character beyond an ASCII text's kind
    (ZWNJ, "abcé", -1),  # beyond a one-byte text's kind
    ("😀", "ب😀😀", 1),
    (ZWNJ, "می" + ZWNJ + ZWNJ + "روم", 2),
    ("\x00", "a\x00\x00", 1),  # code point 0 like any other
    ("\ud800", "a\ud800\ud800", 1),  # a lone surrogate, twice
    # the blocks of 16 positions: a pair inside, across and after them, the very end
    (" ", "x" * 15 + "  ", 15),  # 15 and 16: across the first block's last comparison
    (" ", "x" * 16 + "  ", 16),  # the second block's first position
    (" ", "x" * 31 + "  " + "x" * 20, 31),
    (" ", "x" * 40 + "  ", 40),  # the last two characters, after the last whole block
    (" ", "x " * 40, -1),  # a space every second character, never two
    (" ", ("x " * 20) + "  " + ("x  " * 5), 39),  # the first of several: 39 (x at 38) and 40
]


@pytest.mark.parametrize("which", _doublers())
@pytest.mark.parametrize(("char", "text", "expected"), DOUBLE_CASES)
def test_find_double_table(which: Any, char: str, text: str, expected: int) -> None:
    assert _double(which)(char, text) == expected
    assert text.find(char * 2) == expected  # what the twin promises


@pytest.mark.parametrize("which", _doublers())
def test_find_double_says_what_it_needs(which: Any) -> None:
    with pytest.raises(ValueError, match="must be one character, got 2"):
        _double(which)("  ", "a  b")
    with pytest.raises(ValueError, match="must be one character, got 0"):
        _double(which)("", "a")
    with pytest.raises(TypeError, match="must be str"):
        _double(which)(b" ", "a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be str"):
        _double(which)(" ", None)  # type: ignore[arg-type]
    if which == "c":
        with pytest.raises(TypeError, match="takes 2 arguments"):
            C.find_double(" ")


@settings(max_examples=3000, deadline=None)
@given(char=ALPHABET, text=st.text(alphabet=ALPHABET, max_size=80))
def test_find_double_c_and_twin_agree(char: str, text: str) -> None:
    want = text.find(char * 2)
    assert charset._find_double_py(char, text) == want
    if C is not None:
        assert C.find_double(char, text) == want
        assert C.find_double(char, char + text + char) == (char + text + char).find(char * 2)


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_find_double_on_real_text() -> None:
    lines = _real_lines()
    texts = [*lines, "".join(lines), "  ".join(lines[:50]), " ".join(lines[:50])]
    for text in texts:
        for char in (" ", ZWNJ, "ا", "\n"):
            assert C.find_double(char, text) == text.find(char * 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("و  استفاده", True),
        ("و استفاده", False),
        ("", False),
        (" ", False),
        ("  ", True),
        ("a\u00a0 b", False),  # NBSP + space: the character map makes it two spaces later
    ],
)
def test_double_test_by_hand(text: str, expected: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    assert charset.double_test(" ")(text) is expected
    monkeypatch.setattr(charset, "_SCAN", None)  # without C (not built, KHABAR_PURE=1)
    assert charset.double_test(" ")(text) is expected


def test_double_test_needs_one_character() -> None:
    with pytest.raises(ValueError, match="double_test needs one character"):
        charset.double_test("  ")


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60))
def test_collapse_rule_as_before(text: str) -> None:
    """space.collapse with its C guard gives what its plain regex pass gives."""
    rule = next(r for r in normalize.space_rules(FixPolicy()) if r.name == "space.collapse")
    assert rule.guard is not None
    assert rule.guard(text) is ("  " in text)
    assert rule.apply(text) == rule.pattern.sub(" ", text)
    assert [tuple(c) for c in rule.find(text)] == [
        (m.start(), m.end(), " ", "space.collapse") for m in rule.pattern.finditer(text)
    ]


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_find_double_no_leak(assert_rss_flat: Callable[..., None]) -> None:
    """RSS stays flat over many calls, errors included."""
    text = "کتاب " * 200 + "  "

    def run(n: int) -> None:
        for _ in range(n):
            C.find_double(" ", text)
            C.find_double("😀", text)
            try:
                C.find_double("ab", text)
            except ValueError:
                pass
            try:
                C.find_double(" ", b"x")
            except TypeError:
                pass

    assert_rss_flat(run, 20_000, 200_000)


# --- line_slips: the spaces a line puts before punctuation, where it also attaches one ------

SLIP = charset.slip_classes(normalize._SLIP_MARKS, "،؛؟!", normalize._DIGITS, normalize.LINE_BREAKS)


def _slips() -> list[Any]:
    return [
        charset._line_slips_py,
        pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built")),
    ]


def _slip_fn(which: Any) -> Callable[[bytes, str], list[int]]:
    return C.line_slips if which == "c" else which


SLIP_CASES = [
    # (text, expected flat list of (start, end)): each worked out by hand
    ("", []),
    ("فارس ، رسول", []),  # no attached mark in the line: tokenised, kept
    ("آب ، نان، تن", [2, 3]),  # the space at 2 goes: «نان،» shows the habit
    ("آب  ، نان، تن", [2, 4]),  # a run of two spaces goes whole
    ("یک، دو\nسه ، چهار", []),  # the habit is the first line's, the slip the second's
    ("سه ، چهار\nیک، دو", []),
    ("سه ، چهار، پنج\nیک ، دو", [2, 3]),  # the second line keeps its own
    ("سه ، چهار، پنج\u2028یک ، دو", [2, 3]),  # U+2028 ends a line too
    ("و ...، تا", []),  # before an ellipsis: kept
    ("گفت !!، تا", []),  # a doubled mark: kept
    ("ساعت 12 :30، تا", []),  # after a digit: kept
    ("سال ۱۴۰۲ ، ما، تو", []),  # a Persian digit too
    ("\u00a0 ، ما، تو", []),  # after whitespace other than a space: kept
    (" ، ما، تو", []),  # a run at the text's start has nothing before it: kept
    ("۱۲، سه ، چهار", []),  # «۱۲،»: a digit does not attach its mark, no habit
    ("«ما»، سه ، چهار", [8, 9]),  # a quote does
    ("آب ، نان ؟ تن، و", [2, 3, 8, 9]),  # two slips in one line
    ("a , b, c", []),  # Latin commas are no Persian marks
]


@pytest.mark.parametrize("which", _slips())
@pytest.mark.parametrize(("text", "expected"), SLIP_CASES)
def test_line_slips_hand_checked(which: Any, text: str, expected: list[int]) -> None:
    assert _slip_fn(which)(SLIP, text) == expected


@pytest.mark.parametrize("which", _slips())
def test_line_slips_many_runs_in_a_line(which: Any) -> None:
    # a line's runs wait in C until it ends (speed20v): 100 runs outgrow the first buffer (32
    # runs) twice; kept when the line's last mark is attached, all dropped when the line break
    # comes first, and a line without the habit leaves nothing behind for the next one
    runs = "ب ، " * 100  # the run of unit k is the space at 4k + 1, before the «،» at 4k + 2
    fn = _slip_fn(which)
    assert fn(SLIP, runs + "ب،") == [x for k in range(100) for x in (4 * k + 1, 4 * k + 2)]
    assert fn(SLIP, runs + "\nب،") == []
    # the second line: «\n» at 400, «ب،» at 401-402 attaches, its own run is the space at 405
    assert fn(SLIP, runs + "\nب، ب ،") == [405, 406]


_SLIP_PIECES = st.sampled_from([
    " ", "  ", "،", "؛", ":", "!", "؟", ".", "..", "الف", "ب", "3", "۴", "\n", "\r\n", "\u2028",
    "\u00a0", ")", "»", "\t", "a", "😀", "é", "\u200c",
])


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
@settings(max_examples=1500, deadline=None)
@given(st.lists(_SLIP_PIECES, max_size=40))
def test_line_slips_c_equals_twin(parts: list[str]) -> None:
    """All three string kinds (ASCII, two-byte, astral pieces) and every class."""
    text = "".join(parts)
    assert C.line_slips(SLIP, text) == charset._line_slips_py(SLIP, text)


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not here")
def test_line_slips_c_equals_twin_on_crawled_news() -> None:
    import json

    path = DATA / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl"
    found = 0
    for line in path.read_text(encoding="utf-8").splitlines()[:400]:
        body = json.loads(line).get("body") or ""
        c = C.line_slips(SLIP, body)
        assert c == charset._line_slips_py(SLIP, body)
        found += len(c) // 2
    assert found > 0  # the set holds such slips (read in normalize.py's comment)


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_line_slips_errors_and_short_tables() -> None:
    with pytest.raises(TypeError, match="takes 2 arguments"):
        C.line_slips(SLIP)
    with pytest.raises(TypeError, match="classes must be bytes"):
        C.line_slips("x", "text")
    with pytest.raises(TypeError, match="classes must be bytes"):
        charset._line_slips_py(SLIP, b"text")  # type: ignore[arg-type]
    # an empty table: no character has a class, nothing is found
    assert C.line_slips(b"", "آب ، نان، تن") == [] == charset._line_slips_py(b"", "آب ، نان، تن")


@pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")
def test_line_slips_no_leak(assert_rss_flat: Callable[..., None]) -> None:
    text = "آب ، نان، تن\nسه ، چهار\n" * 50

    def run(n: int) -> None:
        for _ in range(n):
            C.line_slips(SLIP, text)
            try:
                C.line_slips(SLIP, b"x")
            except TypeError:
                pass

    assert_rss_flat(run, 2_000, 20_000)
