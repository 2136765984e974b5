"""Fixer.fix_file and Fixer.fix_chunks: the file path of ``khabar fix`` and ``python -m
khabar.text``, blocks of bytes decoded, fixed and encoded as blocks, must write what the line
path writes (a text stream cut into lines, ``fix_stream``, each line written), byte for byte."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.fix import Fixer
from khabar.text.policy import FixPolicy

OFF = Fixer(FixPolicy(zwnj="off"))
ON = Fixer(FixPolicy())


def _by_lines(fixer: Fixer, data: bytes, *, end_line: bool, batch_chars: int = 1 << 16) -> bytes:
    """The line path, as ``khabar fix`` wrote before fix_file (cli.py): a text stream that ends
    lines at \\n only, ``fix_stream``, and a \\n after a last line without one (``end_line``)."""
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape",
                              newline="\n")
    sink = io.BytesIO()
    out = io.TextIOWrapper(sink, encoding="utf-8", errors="surrogateescape", newline="",
                           write_through=False)
    for fixed in fixer.fix_stream(stream, batch_chars):
        out.write(fixed if not end_line or fixed.endswith("\n") else fixed + "\n")
    out.flush()
    return sink.getvalue()


def _by_blocks(fixer: Fixer, data: bytes, *, end_line: bool, block_bytes: int = 1 << 16,
               batch_chars: int = 1 << 16) -> bytes:
    sink = io.BytesIO()
    fixer.fix_file(io.BytesIO(data), sink, end_line=end_line, block_bytes=block_bytes,
                   batch_chars=batch_chars)
    return sink.getvalue()


YEH, KAF = "\u064a", "\u0643"  # Arabic ي ك, which the character map makes Persian ی ک

# (input, output without end_line, output with end_line), each output worked out by hand
CASES = [
    (b"", b"", b""),  # nothing in, nothing out, no line added
    (b"\n", b"\n", b"\n"),  # one empty line
    (b"\n\n", b"\n\n", b"\n\n"),
    (KAF.encode(), "ک".encode(), "ک\n".encode()),  # a last line without \n
    ((KAF + "\n").encode(), "ک\n".encode(), "ک\n".encode()),
    # a ZWSP alone is deleted (char.invisible): the line is empty, and still a line
    ("\u200b".encode(), b"", b"\n"),
    ("\u200b\n\u200b".encode(), b"\n", b"\n\n"),
    # double space collapsed, ي/ك mapped, a space before «(» (punct.space), \r kept in its line,
    # bytes that are not UTF-8 passed through (the line test of tests/text/test_fix.py)
    (f"{YEH}{KAF}  دو\n\nكشور(ايران)\r\nآخر".encode() + b"\xff\xfe bad bytes\n",
     "یک دو\n\nکشور (ایران)\r\nآخر".encode() + b"\xff\xfe bad bytes\n",
     "یک دو\n\nکشور (ایران)\r\nآخر".encode() + b"\xff\xfe bad bytes\n"),
    # ي (d9 8a) then a cut-off two-byte sequence (d9): ی (db 8c), the lone byte as it was
    (b"\xd9\x8a\xd9", b"\xdb\x8c\xd9", b"\xdb\x8c\xd9\n"),
    # a trailing space goes (space.trailing), before \n and at the very end alike
    ("الف \nب ".encode(), "الف\nب".encode(), "الف\nب\n".encode()),
]


@pytest.mark.parametrize(("data", "plain", "ended"), CASES)
@pytest.mark.parametrize("block_bytes", [1, 2, 3, 7, 1 << 16])
@pytest.mark.parametrize("batch_chars", [1, 5, 1 << 16])
def test_fix_file_by_hand(data: bytes, plain: bytes, ended: bytes, block_bytes: int,
                          batch_chars: int) -> None:
    for end_line, want in ((False, plain), (True, ended)):
        got = _by_blocks(OFF, data, end_line=end_line, block_bytes=block_bytes,
                         batch_chars=batch_chars)
        assert got == want
        assert got == _by_lines(OFF, data, end_line=end_line)  # what the line path writes


def test_fix_file_with_the_zwnj_engine() -> None:
    # «می خواهم» is a spaced می the engine joins (zwnj.spaced); «کتابها» a glued plural it splits
    data = "می خواهم\nکتابها".encode()
    want = "می\u200cخواهم\nکتاب\u200cها\n".encode()
    assert _by_blocks(ON, data, end_line=True, block_bytes=3, batch_chars=4) == want
    assert _by_lines(ON, data, end_line=True) == want


def test_fix_chunks_cuts_after_the_newest_line_break() -> None:
    # the first cut comes after 4 characters, at the last \n of the piece that reached them
    got = list(OFF.fix_chunks([f"{YEH}{KAF}\nدو  ", "سه\n" + KAF], batch_chars=4))
    assert got == ["یک\n", "دو سه\n", "ک"]
    # a piece without \n waits for one; empty pieces change nothing
    got = list(OFF.fix_chunks(["", "الف", "", "  ب\nج"], batch_chars=2))
    assert got == ["الف ب\n", "ج"]
    assert list(OFF.fix_chunks([])) == []
    assert list(OFF.fix_chunks(["", ""])) == []


def test_fix_file_says_what_a_bad_block_size_is() -> None:
    with pytest.raises(ValueError, match="block_bytes must be 1 or more, got 0"):
        OFF.fix_file(io.BytesIO(b"x"), io.BytesIO(), block_bytes=0)


PIECES = st.sampled_from([
    "يك", "كتاب", "ها", "می", " ", "  ", "\n", "\n", "\r", "\r\n", "\u2028", "\x0c", "\u200c",
    "\u200d", "\u00a0", "\ufeff", "\u200b", "،", ".", "(", "«", "»", "a", "3.5", "۱۴۰۲", "٣",
    "#تگ", "https://x.ir/a", "😀", "\U0001d400",
])
BYTES = st.lists(
    st.one_of(PIECES.map(str.encode), st.sampled_from([b"\xff", b"\xd9", b"\xed\xa0\x80", b"\x80"])),
    max_size=30,
).map(b"".join)


@settings(max_examples=600, deadline=None)
@given(data=BYTES, block_bytes=st.integers(1, 12), batch_chars=st.integers(1, 40),
       end_line=st.booleans())
def test_fix_file_writes_what_the_line_path_writes(data: bytes, block_bytes: int,
                                                    batch_chars: int, end_line: bool) -> None:
    for fixer in (OFF, ON):
        want = _by_lines(fixer, data, end_line=end_line)
        got = _by_blocks(fixer, data, end_line=end_line, block_bytes=block_bytes,
                         batch_chars=batch_chars)
        assert got == want


def test_fix_file_on_real_text(shared: Path) -> None:
    data = shared / "data"
    peyma = (data / "peyma_nsurl2019/peyma600k.sentences.txt").read_bytes()[:400_000]
    social = (data / "parsner_social/all.sentences.txt").read_bytes()[:200_000]
    glued = peyma.replace("\u200c".encode(), b"")  # as bench/zwnj feeds khabar fix
    for text in (peyma, social, glued):
        for end_line in (False, True):
            want = _by_lines(ON, text, end_line=end_line)
            assert _by_blocks(ON, text, end_line=end_line) == want
            assert _by_blocks(ON, text, end_line=end_line, block_bytes=4099, batch_chars=3000) == want
