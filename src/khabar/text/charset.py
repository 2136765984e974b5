"""Sets of characters, and where the first of a set stands in a text: one pass, no regex.

``fix`` asks this of every text before some of its regex passes: does it hold a Latin letter,
``#``, ``@`` or a backquote (an identifier may start there: :func:`khabar.text.protect.find_verbatim`)?
one of the character map's 757 rare sources (:class:`khabar.text.normalize.TranslateRule`)?
Python's regex engine tests a character class at every position (about 5 ns per character);
the C extension ``khabar._c.charscan`` reads each character once and tests one bit of a table.
Without it (not built, or ``KHABAR_PURE=1``) the same answer comes from a regex of the set.

>>> latin = CharSet("abc#")
>>> latin.find("سلام #خبر"), latin.find("سلام", 0), latin.find("a b", 1)
(5, -1, 2)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Final

from khabar import _native

__all__ = [
    "CharSet", "bitmap", "class_chars", "double_test", "find_each", "line_slips", "pair_scan",
    "pair_test", "slip_classes",
]

#: the C twin of :func:`_find_any_py` (None when not built, or under KHABAR_PURE=1)
_SCAN: Final = _native.c_extension("khabar._c.charscan")


def bitmap(chars: str) -> bytes:
    """The table of ``chars`` for ``find_any``: bit ``c & 7`` of byte ``c >> 3`` set for each
    code point ``c``, as short as the largest one allows.

    >>> bitmap("\\x00\\x09")
    b'\\x01\\x02'
    """
    if not chars:
        return b""
    table = bytearray(max(map(ord, chars)) // 8 + 1)
    for c in map(ord, chars):
        table[c >> 3] |= 1 << (c & 7)
    return bytes(table)


def _find_any_py(table: bytes, text: str, start: int = 0) -> int:
    """The pure-Python twin of ``khabar._c.charscan.find_any``: the index of the first
    character of ``text`` at or after ``start`` whose code point ``c`` has bit ``c & 7`` of
    ``table[c >> 3]`` set, or -1. One character at a time: the reference the tests compare the
    C function with (``CharSet`` answers with a regex when C is absent: faster in Python)."""
    if not isinstance(table, bytes):
        raise TypeError(f"find_any: table must be bytes, not {type(table).__name__}")
    if not isinstance(text, str):
        raise TypeError(f"find_any: text must be a str, not {type(text).__name__}")
    if start < 0:
        raise ValueError(f"find_any: start must be 0 or more, got {start}")
    limit = len(table) * 8
    for i in range(start, len(text)):
        c = ord(text[i])
        if c < limit and table[c >> 3] >> (c & 7) & 1:
            return i
    return -1


def _find_each_py(chars: str, text: str) -> list[list[int]]:
    """The pure-Python twin of ``khabar._c.charscan.find_each``: for each character of
    ``chars`` (distinct characters), the index of every occurrence in ``text``, in order.

    >>> _find_each_py("يك", "يكي"), _find_each_py("a", "")
    ([[0, 2], [1]], [[]])
    """
    if not isinstance(chars, str) or not isinstance(text, str):
        raise TypeError(
            f"find_each: chars and text must be str, not {type(chars).__name__} and "
            f"{type(text).__name__}"
        )
    seen: set[str] = set()
    for k, c in enumerate(chars):
        if c in seen:
            raise ValueError(
                f"find_each: chars must not repeat a character, U+{ord(c):04x} does at {k}"
            )
        seen.add(c)
    out: list[list[int]] = []
    for c in chars:
        found: list[int] = []
        i = text.find(c)
        while i >= 0:
            found.append(i)
            i = text.find(c, i + 1)
        out.append(found)
    return out


#: ``find_each(chars, text)``: each character's indices in ``text`` (C, or its twin)
find_each: Final[Callable[[str, str], list[list[int]]]] = (
    _find_each_py if _SCAN is None else _SCAN.find_each
)


#: the class bits of :func:`line_slips` (``khabar._c.charscan.line_slips``)
SLIP_MARK: Final = 1  #: a space run right before it may be a slip (unless the mark doubles)
ATTACH_MARK: Final = 2  #: attached to a word, it shows the line's habit
NO_ATTACH: Final = 4  #: before a mark, it does not attach it (digits, marks)
DIGIT: Final = 8  #: a space run right after it stays
BREAK: Final = 16  #: ends a line


def slip_classes(marks: str, attached: str, digits: str, breaks: str) -> bytes:
    """The ``classes`` table of :func:`line_slips`: a byte per code point up to the largest
    given, with the bits above (``marks`` SLIP_MARK; ``attached`` ATTACH_MARK; digits and
    both kinds of mark NO_ATTACH; ``digits`` DIGIT; ``breaks`` BREAK).

    >>> t = slip_classes(".", ",", "1", "\\n")
    >>> t[ord("\\n")], t[ord(",")], t[ord(".")], t[ord("1")], t[ord("0")], len(t)
    (16, 6, 5, 12, 0, 50)
    """
    chars = marks + attached + digits + breaks
    table = bytearray(max(map(ord, chars)) + 1 if chars else 0)
    for group, bits in ((marks, SLIP_MARK | NO_ATTACH), (attached, ATTACH_MARK | NO_ATTACH),
                        (digits, DIGIT | NO_ATTACH), (breaks, BREAK)):
        for c in group:
            table[ord(c)] |= bits
    return bytes(table)


def _line_slips_py(classes: bytes, text: str) -> list[int]:
    """The pure-Python twin of ``khabar._c.charscan.line_slips``: the space runs a line puts
    before a mark of class SLIP_MARK (not before the same mark twice: an ellipsis) after a
    character that is neither whitespace nor DIGIT, in the lines that hold an ATTACH_MARK right
    after a character that is neither whitespace nor NO_ATTACH; a flat list of (start, end).

    >>> _line_slips_py(slip_classes(",.", ",", "1", "\\n"), "a ,b,c\\nd ,e ..")
    [1, 2]
    """
    if not isinstance(classes, bytes) or not isinstance(text, str):
        raise TypeError(
            "line_slips: classes must be bytes (a class byte per code point) and text a str, "
            f"not {type(classes).__name__} and {type(text).__name__}"
        )

    def cls(ch: str) -> int:
        c = ord(ch)
        return classes[c] if c < len(classes) else 0

    out: list[int] = []
    first = 0
    habit = False
    for i, ch in enumerate(text):
        k = cls(ch)
        if k & BREAK:
            if not habit:
                del out[first:]
            first, habit = len(out), False
            continue
        if not k & (SLIP_MARK | ATTACH_MARK) or i == 0:
            continue
        before = text[i - 1]
        if k & ATTACH_MARK and not cls(before) & NO_ATTACH and not before.isspace():
            habit = True
        if k & SLIP_MARK and before == " " and text[i + 1 : i + 2] != ch:
            start = i - 1
            while start > 0 and text[start - 1] == " ":
                start -= 1
            if start > 0 and not cls(text[start - 1]) & DIGIT and not text[start - 1].isspace():
                out += [start, i]
    if not habit:
        del out[first:]
    return out


#: ``line_slips(classes, text)``: see :func:`_line_slips_py` (C, or its twin)
line_slips: Final[Callable[[bytes, str], list[int]]] = (
    _line_slips_py if _SCAN is None else _SCAN.line_slips
)


def class_chars(spec: str) -> str:
    """The characters of a regex class's inside ``spec`` made of characters and ranges
    (``a-z``) only, no escapes and no ``^``: the sets the spacing rules' patterns name, for a
    table. A ``-`` first or last is itself.

    >>> class_chars("a-dx-")
    'abcdx-'
    """
    out: list[str] = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            lo, hi = ord(spec[i]), ord(spec[i + 2])
            if lo > hi:
                raise ValueError(f"class_chars: range {spec[i:i + 3]!r} runs backwards")
            out.extend(map(chr, range(lo, hi + 1)))
            i += 3
        else:
            if spec[i] in "\\^[]":
                raise ValueError(
                    f"class_chars: {spec[i]!r} at {i} of {spec!r}: give characters and ranges "
                    "only (no escapes, no negation)"
                )
            out.append(spec[i])
            i += 1
    return "".join(out)


def _find_pair_py(first: bytes, second: bytes, text: str, by_second: bool = False) -> int:
    """The pure-Python twin of ``khabar._c.charscan.find_pair``: the index ``i`` of the first
    character of ``text`` in table ``first`` whose next character is in table ``second``
    (tables as :func:`bitmap` makes them), or -1. One character at a time: the reference.
    (``by_second`` only says which set C scans for, the rarer one: the answer is the same.)

    >>> _find_pair_py(bitmap("."), bitmap("ab"), "x. .a.b")
    3
    """
    if not isinstance(first, bytes) or not isinstance(second, bytes):
        raise TypeError(
            f"find_pair: first and second must be bytes, not {type(first).__name__} and "
            f"{type(second).__name__}"
        )
    if not isinstance(text, str):
        raise TypeError(f"find_pair: text must be a str, not {type(text).__name__}")

    def has(table: bytes, ch: str) -> bool:
        c = ord(ch)
        return c < len(table) * 8 and bool(table[c >> 3] >> (c & 7) & 1)

    for i in range(len(text) - 1):
        if has(first, text[i]) and has(second, text[i + 1]):
            return i
    return -1


def _pair_mask_py(rare: bytes, pairs: tuple[tuple[bytes, bytes, bool], ...], text: str) -> int:
    """The pure-Python twin of ``khabar._c.charscan.pair_mask``: bit ``j`` set when a character
    of table ``first`` of ``pairs[j] = (first, second, by_second)`` stands right before one of
    table ``second``, and the one scanned for (``second``'s with ``by_second``, else ``first``'s)
    is in table ``rare``. One character at a time: the reference.

    >>> dot, ab = bitmap("."), bitmap("ab")
    >>> _pair_mask_py(bitmap(".b"), ((dot, ab, False), (ab, dot, True)), "x. .a")
    1
    """
    if not isinstance(rare, bytes):
        raise TypeError(f"pair_mask: rare must be bytes, not {type(rare).__name__}")
    if not isinstance(pairs, tuple) or len(pairs) > 16:
        raise TypeError(
            "pair_mask: pairs must be a tuple of at most 16 (first, second, by_second) triples, "
            f"not {type(pairs).__name__}"
        )
    if not isinstance(text, str):
        raise TypeError(f"pair_mask: text must be a str, not {type(text).__name__}")

    def has(table: bytes, ch: str) -> bool:
        c = ord(ch)
        return c < len(table) * 8 and bool(table[c >> 3] >> (c & 7) & 1)

    mask = 0
    for j, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 3 and isinstance(pair[0], bytes)
                and isinstance(pair[1], bytes)):
            raise TypeError(
                f"pair_mask: pairs[{j}] must be a (first, second, by_second) tuple with bytes "
                f"tables, not {type(pair).__name__}"
            )
        first, second, by_second = pair
        for i in range(len(text) - 1):
            scanned = text[i + 1] if by_second else text[i]
            if has(rare, scanned) and has(first, text[i]) and has(second, text[i + 1]):
                mask |= 1 << j
                break
    return mask


def pair_scan(pairs: tuple[tuple[str, str, bool], ...]) -> Callable[[str], int]:
    """One pass answering several :func:`pair_test` questions: a function of a text whose bit
    ``j`` is set when a character of ``first`` stands right before one of ``second`` for
    ``pairs[j] = (first, second, by_second)`` (``by_second``: the rarer set, scanned for, is
    ``second``). ``khabar._c.charscan.pair_mask``, or its twin without C.

    >>> scan = pair_scan(((".", "وب", False), ("وب", "(", True)))
    >>> scan("است.وی"), scan("کتاب(الف"), scan("است.وب(الف"), scan("3.5 (")
    (1, 2, 3, 0)
    """
    if not pairs or len(pairs) > 16:
        raise ValueError(f"pair_scan takes 1 to 16 pairs, not {len(pairs)}")
    tables = []
    rare = ""
    for first, second, by_second in pairs:
        if not first or not second:
            raise ValueError("pair_scan needs at least one character in each set of a pair")
        tables.append((bitmap(first), bitmap(second), by_second))
        rare += second if by_second else first
    if _SCAN is None:
        return partial(
            _mask_by_regex,
            tuple(
                re.compile(f"[{re.escape(first)}](?=[{re.escape(second)}])").search
                for first, second, _ in pairs
            ),
        )
    return partial(_SCAN.pair_mask, bitmap(rare), tuple(tables))


def _mask_by_regex(searches: tuple[Callable[[str], re.Match[str] | None], ...], text: str) -> int:
    """:func:`pair_scan` without C: one regex search per pair."""
    return sum(1 << j for j, search in enumerate(searches) if search(text) is not None)


def _found(search: Callable[[str], re.Match[str] | None], text: str) -> bool:
    return search(text) is not None


def pair_test(first: str, second: str, *, by_second: bool = False) -> Callable[[str], bool]:
    """A test of a text: does a character of ``first`` stand right before one of ``second``?
    One C pass (``khabar._c.charscan.find_pair``), or a regex without it. A rule that can
    match only at such a pair (a dot before a letter) asks it before its regex passes. The C
    pass looks for the characters of ``first`` and then at the next one; with ``by_second``,
    for those of ``second`` and then at the one before: say which set is the rarer in text.

    >>> dot_letter = pair_test(".", "وب")
    >>> dot_letter("است.وی"), dot_letter("است. وی"), dot_letter("3.5"), dot_letter("وی.")
    (True, False, False, False)
    """
    if not first or not second:
        raise ValueError("pair_test needs at least one character in each set")
    if _SCAN is None:
        pattern = re.compile(f"[{re.escape(first)}](?=[{re.escape(second)}])")
        return partial(_found, pattern.search)
    find_pair, a, b = _SCAN.find_pair, bitmap(first), bitmap(second)
    if by_second:
        return lambda text: find_pair(a, b, text, True) >= 0
    return lambda text: find_pair(a, b, text) >= 0


def _find_double_py(char: str, text: str) -> int:
    """The pure-Python twin of ``khabar._c.charscan.find_double``: the index of the first of two
    ``char`` side by side in ``text`` (``text.find(char * 2)``), or -1.

    >>> _find_double_py(" ", "الف  ب"), _find_double_py(" ", "الف ب ج"), _find_double_py(" ", "   ")
    (3, -1, 0)
    """
    if not isinstance(char, str) or not isinstance(text, str):
        raise TypeError(
            f"find_double: char and text must be str, not {type(char).__name__} and "
            f"{type(text).__name__}"
        )
    if len(char) != 1:
        raise ValueError(
            f"find_double: char must be one character, got {len(char)} (the text of the pair "
            "is char twice)"
        )
    return text.find(char + char)


def double_test(char: str) -> Callable[[str], bool]:
    """A test of a text: does ``char`` stand twice in a row in it? ``khabar._c.charscan``'s
    ``find_double`` (blocks of 16 characters without a branch: ~0.9 us for a ~2,500-character
    Persian text, where ``"  " in text`` takes ~5 us: str's two-character search stops at
    every space), or that ``in`` test without C.

    >>> two_spaces = double_test(" ")
    >>> two_spaces("الف  ب"), two_spaces("الف ب"), two_spaces(" ")
    (True, False, False)
    """
    if len(char) != 1:
        raise ValueError(f"double_test needs one character, got {char!r}")
    if _SCAN is None:
        pair = char + char
        return lambda text: pair in text
    find_double = _SCAN.find_double
    return lambda text: find_double(char, text) >= 0


def _search_start(search: Callable[[str, int], re.Match[str] | None], text: str, start: int = 0) -> int:
    """``find`` by a regex of the set: where its ``search`` from ``start`` matches, or -1."""
    m = search(text, start)
    return -1 if m is None else m.start()


class CharSet:
    """A fixed set of characters; :attr:`find` ``(text, start=0)`` gives the index of the first
    of them in ``text`` at or after ``start``, or -1 (``str.find`` for a set).

    ``find`` is a C-level callable (a :func:`functools.partial` of the C function, or of a
    regex's ``search`` without it): calling it costs no Python frame.
    """

    __slots__ = ("chars", "find", "pattern", "table")

    def __init__(self, chars: str) -> None:
        if not chars:
            raise ValueError("CharSet needs at least one character")
        #: the characters, sorted, each once
        self.chars: Final = "".join(sorted(set(chars)))
        #: the same set as a regex character class
        self.pattern: Final = re.compile("[" + re.escape(self.chars) + "]")
        #: the bitmap of ``khabar._c.charscan.find_any``
        self.table: Final = bitmap(self.chars)
        self.find: Final[Callable[..., int]] = (
            partial(_SCAN.find_any, self.table)
            if _SCAN is not None
            else partial(_search_start, self.pattern.search)
        )

    def __repr__(self) -> str:
        return f"CharSet({self.chars!r})"
