"""``khabar._c.docscan.spaceless`` and its twin ``dedup._spaceless_py``: ``text.replace(" ", "")``.

The C copy is specialised by string kind and writes every character, advancing past non-spaces
only; these tests hold it to ``str.replace`` on hand-checked rows of every kind (ASCII, Latin-1,
two-byte, four-byte), on random strings with the characters where a copy could slip (NUL,
surrogates, astral, ZWNJ/ZWJ/NBSP/BOM, U+3000, three digit scripts), on real text, and check that
the result is a canonical str (the same kind as ``str.replace`` gives) and that nothing leaks.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.corpus import dedup, keys

C = _native.built_c_extension("khabar._c.docscan")
DATA = Path(__file__).resolve().parents[2].parent / "shared/data"
SPACELESS = [dedup._spaceless_py]
if C is not None:
    SPACELESS.append(C.spaceless)

ZWNJ, ZWJ, NBSP, BOM = "\u200c", "\u200d", "\u00a0", "\ufeff"
ROWS = [
    # (text, expected): each worked out by hand
    ("", ""),
    (" ", ""),
    ("     ", ""),
    ("a", "a"),
    ("a b", "ab"),
    (" a b ", "ab"),  # leading and trailing spaces
    ("ab  ", "ab"),  # a run at the end: the last writes land past the kept characters
    ("é ß", "éß"),  # Latin-1 (one byte, not ASCII)
    ("کتاب ها", "کتابها"),  # two-byte
    ("می" + ZWNJ + "شود " + NBSP + "و", "می" + ZWNJ + "شود" + NBSP + "و"),  # only U+0020 goes
    ("\t\n\u3000 x", "\t\n\u3000x"),  # other white space stays
    ("😀 ب 𝐀", "😀ب𝐀"),  # four-byte
    ("\x00 \x00", "\x00\x00"),
    ("\ud800 \udfff", "\ud800\udfff"),  # lone surrogates are characters like any other
    ("۱۲ ٣٤ 56", "۱۲٣٤56"),
    (BOM + " " + ZWJ, BOM + ZWJ),
]


@pytest.mark.parametrize("fn", SPACELESS)
@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_spaceless_table(fn, text: str, expected: str) -> None:
    out = fn(text)
    assert out == expected
    assert type(out) is str
    # a canonical str: the kind str.replace gives (its size says its kind and ASCII flag)
    assert sys.getsizeof(out) == sys.getsizeof(text.replace(" ", ""))
    assert out.isascii() is expected.isascii()


@pytest.mark.parametrize("fn", SPACELESS)
def test_spaceless_says_what_it_needs(fn) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        fn(b"a b")


@pytest.mark.parametrize("fn", SPACELESS)
def test_spaceless_of_a_str_subclass_is_a_str(fn) -> None:
    class S(str):
        pass

    assert type(fn(S("ab"))) is str and fn(S("ab")) == "ab"
    assert fn(S("a b")) == "ab"


ALPHABET = st.sampled_from(
    list("  ابپتکگیيكهة") + [ZWNJ, ZWJ, NBSP, BOM, "\u2028", "\u3000", "\t", "\n", "é", "\xff"]
    + list("09۰۹٠٩") + ["\ud800", "\udfff", "😀", "𝐀", "\uffff", "\x00", "\x7f", "\u0100"]
)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(alphabet=ALPHABET, max_size=80), st.text(max_size=40)))
def test_spaceless_is_str_replace(text: str) -> None:
    want = text.replace(" ", "")
    for fn in SPACELESS:
        out = fn(text)
        assert out == want
        assert sys.getsizeof(out) == sys.getsizeof(want)


def test_dedup_keys_are_those_of_the_replace_stream() -> None:
    """dedup_keys builds its stream with the C copy: the key and signature are those of the
    stream str.replace makes (the definition)."""
    import hashlib

    config = dedup.MinHashConfig()
    a, b = dedup._permutations(config.num_perm, config.seed)
    for text in ["کتاب ها را  خواندم.\nمی شود", " ", "", "😀 é\n\n ب"]:
        stream = "".join(keys.canonical_lines(text)).replace(" ", "")
        key = hashlib.blake2b(stream.encode("utf-8"), digest_size=16).hexdigest()
        assert dedup.dedup_keys(text, config) == (
            key, dedup._minhash_py(stream, config.shingle, a, b)
        )


def test_spaceless_on_real_text() -> None:
    path = DATA / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared/data)")
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f][:500]
    bodies = [d.get("text") or d.get("body") or "" for d in docs]
    assert sum(map(bool, bodies)) >= 300  # the file holds 300 documents
    for body in bodies:
        stream = "".join(keys.canonical_lines(body))
        for fn in SPACELESS:
            assert fn(stream) == stream.replace(" ", ""), body[:80]
            assert fn(body) == body.replace(" ", ""), body[:80]


@pytest.mark.skipif(C is None, reason="khabar._c.docscan is not built")
def test_spaceless_no_leak(assert_rss_flat: Callable[..., None]) -> None:
    """RSS stays flat over many calls, errors included."""
    texts = ["کتاب ها " * 300, "ab  " * 300, "😀 ب " * 100, "nospace" * 50]

    def run(n: int) -> None:
        for _ in range(n):
            for text in texts:
                C.spaceless(text)
            try:
                C.spaceless(None)
            except TypeError:
                pass

    assert_rss_flat(run, 20_000, 100_000)
