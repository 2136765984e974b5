"""The pure-Python twins of ``khabar._c.chunks`` (a line's per-chunk plumbing in C), and the
choice of C or twin made once at import.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from itertools import compress
from operator import contains, itemgetter, or_
from typing import Any, Final

from khabar import _native
from khabar.text.lexicon import FOLD, ZWNJ, fold
from khabar.text.zwnj.constants import _WORD_RE
from khabar.text.zwnj.records import _FIXED


def _lookup_py(memo: dict[str, Any], parts: list[str]) -> tuple[list[Any], int]:
    """Each chunk's entry in a chunk memo (None if new), and how many are new: the pure twin
    of ``khabar._c.chunks.lookup`` (a warm line's memo look-ups as one C loop).

    >>> _lookup_py({"a": (1,)}, ["a", "b", "a"])
    ([(1,), None, (1,)], 1)
    """
    infos = list(map(memo.get, parts))
    return infos, infos.count(None)


def _split_known_py(line: str, slots: bytearray, keys: list[str]) -> list[str]:
    """``line.split(" ")``: the pure twin of ``khabar._c.chunks.split_known``, which gives
    the same list (by ``==``) with each chunk it has seen before (a str of ``keys``, found
    through the table ``slots``) as that str, and keeps the new ones; the twin keeps nothing.

    >>> _split_known_py("a b  a", bytearray(), [])
    ['a', 'b', '', 'a']
    """
    return line.split(" ")


def _join_fixed_py(infos: list[Any], joins: set[int]) -> str:
    """The repaired chunks (field 1 of each ChunkInfo) joined by a space, or by a ZWNJ before
    each chunk of ``joins``: the pure twin of ``khabar._c.chunks.join_fixed``.

    >>> _join_fixed_py([(0, "a"), (0, "b"), (0, "c")], {2})
    'a b\u200cc'
    """
    if not joins:
        return " ".join(map(_FIXED, infos))
    out = [infos[0][1]]
    for i in range(1, len(infos)):
        out.append(ZWNJ if i in joins else " ")
        out.append(infos[i][1])
    return "".join(out)


def _truthy_py(infos: list[Any], field: int, start: int) -> list[int]:
    """The indices ``i >= start`` of the chunks whose ChunkInfo field ``field`` is true (which
    have repairs: 0; which open with a word that can join: 4): the pure twin of
    ``khabar._c.chunks.truthy`` (one C pass over a line's infos, read once per line).

    >>> _truthy_py([((), "a", "", "", True), ((1,), "b", "", "", False)], 4, 1)
    []
    >>> _truthy_py([((), "a", "", "", True), ((1,), "b", "", "", False)], 0, 0)
    [1]
    """
    return list(compress(range(start, len(infos)), map(itemgetter(field), infos[start:])))


def _members_py(
    infos: list[Any], field: int, table: frozenset[str] | set[str], start: int
) -> list[int]:
    """The indices ``i >= start`` of the chunks whose ChunkInfo field ``field`` is in ``table``
    (which open with a spaced plural: field 2 in SPACED_PLURALS): the pure twin of
    ``khabar._c.chunks.members``.

    >>> from khabar.text.zwnj.constants import SPACED_PLURALS
    >>> _members_py([((), "x", "کتاب"), ((), "ها", "ها")], 2, SPACED_PLURALS, 1)
    [1]
    """
    fields = map(itemgetter(field), infos[start:])
    return list(compress(range(start, len(infos)), map(table.__contains__, fields)))


def _field_sum_py(infos: list[Any], field: int) -> int:
    """The sum of one ChunkInfo field over a line's chunks (the glued weights: field 7): the
    pure twin of ``khabar._c.chunks.field_sum`` (one C pass, once per line).

    >>> _field_sum_py([(0, 1), (0, 3), (0, 0)], 1)
    4
    """
    return sum(map(itemgetter(field), infos))


def _field_or_py(infos: list[Any], field: int) -> int:
    """The bitwise OR of one ChunkInfo field over a line's chunks (the fact bits: field 9),
    from 0: the pure twin of ``khabar._c.chunks.field_or`` (one C pass, once per line).

    >>> _field_or_py([(0, 1), (0, 4), (0, 0)], 1)
    5
    >>> _field_or_py([], 1)
    0
    """
    return functools.reduce(or_, map(itemgetter(field), infos), 0)


def _tail_index_py(forms: dict[str, dict[str, int]], tail: int) -> dict[str, list[str]]:
    """The keys of ``forms`` that the lexicon wrote glued (the key is one of its own forms)
    and longer than ``tail``, listed by their last ``tail`` letters in the dict's order: the
    index of :meth:`Segmenter._glued_tail_count`, built once per engine; the pure twin of
    ``khabar._c.chunks.tail_index``.

    >>> _tail_index_py({"دانشگاه": {"دانشگاه": 5}, "دستگاه": {"دستگاه": 2},
    ...                 "میگاه": {"می‌گاه": 1}, "گاه": {"گاه": 9}}, 3)
    {'گاه': ['دانشگاه', 'دستگاه']}
    """
    ends: dict[str, list[str]] = {}
    # only glued words count (a key never written glued adds glued_count 0), and they are a
    # quarter of the keys: one C-level pass finds them
    for key in compress(forms, map(contains, forms.values(), forms)):
        if len(key) > tail:
            bucket = ends.get(key[-tail:])
            if bucket is None:
                ends[key[-tail:]] = [key]
            else:
                bucket.append(key)
    return ends


#: the characters :func:`~khabar.text.lexicon.fold` changes, for :func:`_word_kind`
_FOLD_CHARS: Final = "".join(sorted(map(chr, FOLD)))


def _word_kind_py(chunk: str, folds: str) -> int:
    """0 when ``chunk`` is not one word of letters (:data:`LETTER`), else 1 when it holds no
    character of ``folds`` (:data:`_FOLD_CHARS`: its key is itself), else 2: the pure twin of
    ``khabar._c.chunks.word_kind`` (the first test of a new chunk, in one C pass).

    >>> [_word_kind_py(w, _FOLD_CHARS) for w in ("کتاب", "تأمین", "کتاب،", "")]
    [1, 2, 0, 0]
    """
    if _WORD_RE.fullmatch(chunk) is None:
        return 0
    return 1 if fold(chunk) is chunk else 2


# the C twins (khabar._c.chunks), or the pure ones above when it is not built (or KHABAR_PURE=1);
# typed as their twins, so that compiled code takes their ints and lists as such (untyped, a
# chunk index from _truthy was a boxed object: every infos[i] and i - 1 of _joins_of a generic
# call)
_CHUNKS: Final = _native.c_extension("khabar._c.chunks")
_lookup: Final[Callable[[dict[str, Any], list[str]], tuple[list[Any], int]]] = (
    _lookup_py if _CHUNKS is None else _CHUNKS.lookup
)
_split_known: Final[Callable[[str, bytearray, list[str]], list[str]]] = (
    _split_known_py if _CHUNKS is None else _CHUNKS.split_known
)
_join_fixed: Final[Callable[[list[Any], set[int]], str]] = (
    _join_fixed_py if _CHUNKS is None else _CHUNKS.join_fixed
)
_truthy: Final[Callable[[list[Any], int, int], list[int]]] = (
    _truthy_py if _CHUNKS is None else _CHUNKS.truthy
)
_members: Final[Callable[[list[Any], int, frozenset[str] | set[str], int], list[int]]] = (
    _members_py if _CHUNKS is None else _CHUNKS.members
)
_field_sum: Final[Callable[[list[Any], int], int]] = (
    _field_sum_py if _CHUNKS is None else _CHUNKS.field_sum
)
_field_or: Final[Callable[[list[Any], int], int]] = (
    _field_or_py if _CHUNKS is None else _CHUNKS.field_or
)
_tail_index: Final[Callable[[dict[str, dict[str, int]], int], dict[str, list[str]]]] = (
    _tail_index_py if _CHUNKS is None else _CHUNKS.tail_index
)
_word_kind: Final[Callable[[str, str], int]] = (
    _word_kind_py if _CHUNKS is None else _CHUNKS.word_kind
)
