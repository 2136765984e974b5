"""``charscan.find_any`` and ``pair_mask`` on two-byte texts of 32 characters or more, where
the C loop skips blocks of eight characters none of which lies between the set's lowest code
point and its table's end (bench/fix/speed16f.md). Every answer here is the pure twin's (and
the index each row was built with): the block test must never skip a member, whatever stands
beside it in the block (a lane just below or above the band, a lane with its high bit set, the
band as wide as 0x8000 or one wider, which keeps the plain loop).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import _native
from khabar.text import charset
from khabar.text.charset import _find_any_py, bitmap

C = _native.built_c_extension("khabar._c.charscan")
pytestmark = pytest.mark.skipif(C is None, reason="khabar._c.charscan is not built")

DATA = Path(__file__).resolve().parents[2].parent / "shared/data"
PERSIAN = "کتابخانه ملی ایران"  # two-byte text: every letter beyond U+0600, spaces below


def _text(filler: str, length: int, at: int, member: str) -> str:
    """``length`` characters of ``filler`` (repeated) with ``member`` at ``at``."""
    body = (filler * length)[:length]
    return body[:at] + member + body[at + 1 :]


# (set, filler, member put in): the filler is never in the set; each row is checked with the
# member at every offset 0..47 of a 48-character text, so at each lane of both 64-bit words
# and in the tail the plain loop reads
ROWS = [
    ("#", PERSIAN, "#"),  # the identifiers' trigger class's lowest member among Persian text
    ("#", '"$' + PERSIAN, "#"),  # U+0022 just below the band, U+0024 in it but no member
    ("#@", "\uffff\u0000" + PERSIAN, "@"),  # a lane of all ones, a lane of zero beside it
    ("a", "\u8061\u0060b", "a"),  # 0x8000 + 'a' (high bit set, same low bits) and 'a' +- 1
    ("\u061f", PERSIAN + "\u0620", "\u061f"),  # the spacing set's top end, U+0620 just past it
    # the table of U+8020 ends at 0x8028 (whole bytes): from «(» (0x28) the band is 0x8000
    # wide, the widest the block test reads; from «'» (0x27) one wider: the plain loop alone
    ("(\u8020", PERSIAN, "\u8020"),
    ("(\u8020", PERSIAN + "\u8027\u8028", "("),
    ("'\u8020", PERSIAN, "\u8020"),
    # two bands split at the widest gap (the spacing rules' marks: line breaks, punctuation,
    # U+2028): a member of either band, among what the gap holds (Persian letters, ZWNJ, U+2027)
    ("\n.\u2028", PERSIAN + "\u200c\u2027\u0620", "\u2028"),
    ("\n.\u2028", PERSIAN + "\u200c\u2027\u0620", "."),
    ("\n.\u2028", PERSIAN + "\u200c\u2027\u0620", "\n"),  # below the space: its own test
    ("\t.", PERSIAN + "\n\u001f", "\t"),  # below the space, beside non-members below it
    ("\ufb50", PERSIAN + "\ufb4f", "\ufb50"),  # a set of high code points only
    ("\u00a0\ufeff", PERSIAN, "\ufeff"),  # the rare sources' band (too wide): the plain loop
    # bands that hold the filler's letters (every block may hold one): the plain loop takes
    # over after 32 such blocks, so a member far along must still be found
    # (ا ت ی: bands ا..ت and ی, split at the gap ث..ۋ; ب stands in the first, no member)
    ("\u0627\u062a\u06cc", "\u0628", "\u0627"),
]


def test_member_after_the_blocks_give_up() -> None:
    """A set whose bands hold the text's letters: 400 blocks that may hold a member and do
    not, then the member (found by the plain loop the blocks handed over to)."""
    table = bitmap("\u0627\u062a\u06cc")
    text = "\u0628" * 3200 + "\u0627" + "\u0628" * 50
    assert C.find_any(table, text) == 3200 == _find_any_py(table, text)
    assert C.find_any(table, text, 3201) == -1 == _find_any_py(table, text, 3201)


@pytest.mark.parametrize(("chars", "filler", "member"), ROWS)
def test_member_found_at_every_offset(chars: str, filler: str, member: str) -> None:
    table = bitmap(chars)
    for at in range(48):
        text = _text(filler, 48, at, member)
        assert member not in filler
        assert C.find_any(table, text) == at == _find_any_py(table, text)
        for start in (0, 1, at, at + 1, 17):
            want = at if start <= at else -1
            assert C.find_any(table, text, start) == want == _find_any_py(table, text, start)


@pytest.mark.parametrize(("chars", "filler", "member"), ROWS)
def test_none_found_in_filler_alone(chars: str, filler: str, member: str) -> None:
    table = bitmap(chars)
    for length in (31, 32, 33, 39, 40, 41, 200):
        text = (filler * length)[:length]
        assert C.find_any(table, text) == -1 == _find_any_py(table, text)


def test_astral_members_only_find_nothing_in_a_two_byte_text() -> None:
    table = bitmap("😀")  # 16 K table: no member below U+10000
    text = PERSIAN * 4
    assert C.find_any(table, text) == -1 == _find_any_py(table, text)
    assert C.find_any(table, text + "😀") == len(text)  # a four-byte text: the plain loop


EDGES = st.sampled_from(
    list("\u0020\u0021\u0022\u0023\u0024@AZaz`{\u007f\u00a0\u024f\u0250\u060c\u061f\u0620")
    + list("ابپکی\u200c\u200d\ufeff\uffff\u0000\u8000\u8021\u8023\ufb50\ufb4f")
)


@settings(max_examples=3000, deadline=None)
@given(
    chars=st.text(alphabet=EDGES, min_size=1, max_size=5),
    text=st.text(alphabet=EDGES, min_size=30, max_size=90),
    start=st.integers(0, 20),
)
def test_c_and_twin_agree_on_long_two_byte_texts(chars: str, text: str, start: int) -> None:
    table = bitmap(chars)
    assert C.find_any(table, text, start) == _find_any_py(table, text, start)


@settings(max_examples=1000, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(
            st.text(alphabet=EDGES, min_size=1, max_size=3),
            st.text(alphabet=EDGES, min_size=1, max_size=3),
            st.booleans(),
        ),
        min_size=1,
        max_size=4,
    ),
    text=st.text(alphabet=EDGES, min_size=30, max_size=90),
)
def test_pair_mask_agrees_on_long_two_byte_texts(
    pairs: list[tuple[str, str, bool]], text: str
) -> None:
    rare = bitmap("".join(second if by_second else first for first, second, by_second in pairs))
    tables = tuple((bitmap(a), bitmap(b), by) for a, b, by in pairs)
    assert C.pair_mask(rare, tables, text) == charset._pair_mask_py(rare, tables, text)


def test_real_text_every_start() -> None:
    """PEYMA lines: the trigger class and the spacing rules' punctuation from every start."""
    path = DATA / "peyma_nsurl2019/peyma300k.sentences.txt"
    if not path.exists():
        pytest.skip(f"{path} not found (../shared/data)")
    with open(path, encoding="utf-8") as handle:
        text = "".join(line for _, line in zip(range(400), handle))
    for chars in ("#@`abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", ".,:;!?()«»،؛؟"):
        table = bitmap(chars)
        for start in range(0, len(text), 97):
            assert C.find_any(table, text, start) == _find_any_py(table, text, start)
