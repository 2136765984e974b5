"""khabar._c.charmap (a character map's scans in C) against its pure-Python twins in
khabar.text.normalize, and both against the rules' regex passes: the same results on
hand-checked tables, random strings and real text.

Each table runs against both: the twin directly, and the C function via ``_native.c_extension``
(its half skips when the extension is not built or KHABAR_PURE=1 is set).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.text import normalize
from khabar.text.normalize import TranslateRule, char_index, char_rules
from khabar.text.policy import FixPolicy

C = _native.c_extension("khabar._c.charmap")
Z = "\u200c"


def _both(py: Callable[..., Any]) -> list[Any]:
    return [py, pytest.param("c", marks=pytest.mark.skipif(C is None, reason="not built"))]


def _fn(which: Any, name: str) -> Callable[..., Any]:
    return getattr(C, name) if which == "c" else which


# ي → ی, ك → ک, ى → ی, ۱ → 1, ﻙ (a presentation form) → ک, ـ (tatweel) deleted, ﻻ → لا (two)
SOURCES = ["ي", "ك", "ى", "۱", "ﻙ", "ـ", "ﻻ", "😀"]
TARGETS = ("ی", "ک", "ی", "1", "ک", "", "لا", "🙂")
INDEX = char_index(SOURCES)

TRANSLATE_CASES = [
    # (text, expected): each worked out by hand
    ("", ""),
    ("کتاب", "کتاب"),  # no source: unchanged
    ("علي", "علی"),
    ("كتابي", "کتابی"),
    ("مصطفى", "مصطفی"),
    ("سال ۱۴۰۱", "سال 1۴۰1"),  # only ۱ is a source here
    ("ﻙتاب", "کتاب"),
    ("مـــدیر", "مدیر"),  # deletions shorten the text
    ("ﻻ", "لا"),  # one character becomes two
    ("abc", "abc"),  # ASCII stays ASCII
    ("۱", "1"),  # a UCS-2 text becomes ASCII: the result's kind is the least that holds it
    ("café ي", "café ی"),
    ("😀ي", "🙂ی"),  # astral source and target
    ("\ud800ي\udfff", "\ud800ی\udfff"),  # lone surrogates kept
    ("ي" + Z + "ك\u00a0\ufeff", "ی" + Z + "ک\u00a0\ufeff"),
    ("ي" * 1000, "ی" * 1000),
]


@pytest.mark.parametrize("which", _both(normalize._translate_py))
@pytest.mark.parametrize(("text", "expected"), TRANSLATE_CASES)
def test_translate_table(which: Any, text: str, expected: str) -> None:
    got = _fn(which, "translate")(text, INDEX, TARGETS)
    assert got == expected
    assert hash(got) == hash(expected) and len(got) == len(expected)


POSITION_CASES = [
    ("", [[] for _ in SOURCES]),
    ("كتابي علي", [[4, 8], [0], [], [], [], [], [], []]),
    ("۱۱ ـ ي", [[5], [], [], [0, 1], [], [3], [], []]),
    ("😀a😀", [[], [], [], [], [], [], [], [0, 2]]),
]


@pytest.mark.parametrize("which", _both(normalize._positions_py))
@pytest.mark.parametrize(("text", "expected"), POSITION_CASES)
def test_positions_table(which: Any, text: str, expected: list[list[int]]) -> None:
    assert _fn(which, "positions")(text, INDEX, len(SOURCES)) == expected


@pytest.mark.parametrize("which", _both(normalize._translate_py))
def test_translate_of_an_entry_past_the_replacements_raises(which: Any) -> None:
    with pytest.raises(IndexError):
        _fn(which, "translate")("ك", INDEX, ("ی",))


@pytest.mark.parametrize("which", _both(normalize._positions_py))
def test_positions_of_an_entry_past_count_raises(which: Any) -> None:
    with pytest.raises(IndexError):
        _fn(which, "positions")("ك", INDEX, 1)


@pytest.mark.skipif(C is None, reason="khabar._c.charmap is not built")
def test_the_c_scans_say_what_they_need() -> None:
    with pytest.raises(TypeError, match="bytes"):
        C.translate("a", "not bytes", ())
    with pytest.raises(TypeError, match="needs a str"):
        C.positions(b"a", INDEX, 1)
    with pytest.raises(ValueError, match="count"):
        C.positions("a", INDEX, -1)


def test_char_index_refuses_too_many_sources() -> None:
    with pytest.raises(ValueError, match="65,534"):
        char_index([chr(c) for c in range(0x10000, 0x20000)])


# -- the rules: the C scans give what the regex passes give -------------------------------------

POLICIES = [
    FixPolicy(),
    FixPolicy(digits="latin"),
    FixPolicy(digits="persian", diacritics="remove", teh_marbuta="heh"),
]


def _translate_rules(policy: FixPolicy) -> list[TranslateRule]:
    return [r for r in char_rules(policy) if isinstance(r, TranslateRule) and r._single]


def _regex_apply(rule: TranslateRule, text: str) -> str:
    """What the rule gives without the C scan: text.translate(table) (its docstring's promise)."""
    if rule.pattern is None or rule.guard is not None and not rule.guard(text):
        return text
    return rule.pattern.sub(rule._lookup, text)


def _regex_positions(rule: TranslateRule, text: str) -> list[tuple[str, str, str, list[int]]]:
    return [
        (src, dst, rule.names[src], [m.start() for m in re.finditer(re.escape(src), text)])
        for src, dst in rule._pairs
        if src in text
    ]


ALPHABET = (
    "کتابهایمیروداست" "يكىةﻙﻻﺎﻰ" "ۀهٔ" "\u064b\u064e\u0650\u0651\u0640"
    "\u200c\u200d\u00a0\ufeff\u200e\u200f\u00ad"
    "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"
    "abcXYZé" "https://t.co/x#@." "،؛؟!«»()" "😀𝕏" "\ud800\udfff" "  \t\n"
)


@settings(max_examples=2000, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=80))
def test_c_python_and_regex_agree_on_random_strings(text: str) -> None:
    for policy in POLICIES:
        for rule in _translate_rules(policy):
            want = _regex_apply(rule, text)
            assert rule.apply(text) == want  # C or regex, whichever this process runs
            assert normalize._translate_py(text, rule._index, rule._repl) == text.translate(
                {ord(s): d for s, d in rule._pairs}
            )
            if C is not None:
                assert C.translate(text, rule._index, rule._repl) == want
                count = len(rule._pairs)
                assert C.positions(text, rule._index, count) == normalize._positions_py(
                    text, rule._index, count
                )
            if rule.substitutes:
                assert rule.positions(text) == (
                    _regex_positions(rule, text) if rule.guard is None or rule.guard(text) else []
                )


def test_c_python_and_regex_agree_on_real_text(shared: Path) -> None:
    data = shared / "data"
    text = (data / "peyma_nsurl2019/peyma600k.sentences.txt").read_text(encoding="utf-8")
    social = (data / "parsner_social/all.sentences.txt").read_text(encoding="utf-8")
    lines = text.splitlines()[:5000] + social.splitlines()[:5000]
    blocks = ["\n".join(lines[k : k + 50]) for k in range(0, len(lines), 50)]
    for policy in POLICIES:
        for rule in _translate_rules(policy):
            for block in blocks:
                want = _regex_apply(rule, block)
                assert rule.apply(block) == want
                if C is not None:
                    assert C.translate(block, rule._index, rule._repl) == want
                if rule.substitutes:
                    assert rule.positions(block) == _regex_positions(rule, block)
