"""Matching keys for Persian phrases: the same key for every spelling of the same words.

Boilerplate removal runs on the raw text, before orthography repair, so a phrase must match
whether the page wrote ``پربیننده‌ترین`` (ZWNJ), ``پربینندهترین`` (ZWNJ lost in extraction) or
``پربيننده ترين`` (Arabic yeh, a space). :func:`fold` removes what varies (spaces, ZWNJ,
diacritics, tatweel, bidi marks) and maps letter and digit variants to one form.

>>> fold("پربيننده ترين") == fold("پربیننده‌ترین") == fold("پربینندهترین")
True
>>> fold("کد خبر: ۱۲۳")
'کدخبر:123'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from khabar._native import c_extension, lower_text
from khabar._optional import numpy_or_none


@dataclass(frozen=True, slots=True)
class CharMap:
    """A map of single characters to strings, applied like :meth:`str.translate` but faster.

    ``str.translate`` with a dict table looks every character of the text up in the dict, about
    0.2 microseconds a character: 0.4 ms for a 4 KB Persian document, on every line folded.
    Applying the map as one :meth:`str.replace` per source character that occurs (a C search,
    skipped when the character is absent) gives the same string some 30-50 times faster, provided
    no replacement contains a source character (else the order of the replacements would
    matter); :meth:`of` checks that.

    >>> fold_digits = CharMap.of({"۱": "1", "۲": "2", "ي": "ی"})
    >>> fold_digits("۱۲ دي")
    '12 دی'
    >>> CharMap.of({"a": "b", "b": "c"})
    Traceback (most recent call last):
    ...
    ValueError: CharMap: the replacement 'b' of 'a' holds 'b', which is replaced too; str.replace in turn would give another result than str.translate: map 'a' to the final character
    """

    pairs: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, table: Mapping[str, str]) -> CharMap:
        """The map of ``table`` (single characters to strings, ``""`` to delete).

        Raises:
            ValueError: a key is not one character, or a replacement holds a key.
        """
        for source, target in table.items():
            if len(source) != 1:
                raise ValueError(f"CharMap: key {source!r} is not a single character")
            for ch in target:
                if ch in table:
                    raise ValueError(
                        f"CharMap: the replacement {target!r} of {source!r} holds {ch!r}, which "
                        "is replaced too; str.replace in turn would give another result than "
                        f"str.translate: map {source!r} to the final character"
                    )
        return cls(tuple(table.items()))

    def __call__(self, text: str) -> str:
        for source, target in self.pairs:
            if source in text:
                text = text.replace(source, target)
        return text


# Letter variants -> the Persian letter (one target per source; reviewed by hand):
# Arabic yeh/alef maksura/yeh with hamza -> ی, Arabic kaf -> ک, teh marbuta/heh with yeh -> ه,
# alef with madda/hamza/wasla -> ا, waw with hamza -> و; digits of all scripts -> ASCII.
_VARIANTS = CharMap.of(
    {
        "ي": "ی", "ى": "ی", "ئ": "ی", "ې": "ی", "ۍ": "ی",
        "ك": "ک", "ڪ": "ک",
        "ة": "ه", "ۀ": "ه", "ە": "ه", "ہ": "ه",
        "آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا",
        "ؤ": "و",
        "،": ",", "؛": ";", "؟": "?", "٫": ".", "٬": ",", "：": ":",
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)
# Removed from keys: whitespace, ZWNJ/ZWJ, bidi controls, tatweel, harakat and the hamza above.
_DROP = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\u0640\u064b-\u065f\u0670\ufeff]+")
# The same without the whitespace, which str.split() removes (it splits where \s matches), as a map
# to "" so that :func:`fold` makes no regex pass: a text has hundreds of spaces, each a match.
_DROP_MARKS = CharMap.of({
    chr(c): ""
    for lo, hi in ((0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069), (0x0640, 0x0640),
                   (0x064B, 0x065F), (0x0670, 0x0670), (0xFEFF, 0xFEFF))
    for c in range(lo, hi + 1)
})
#: punctuation that does not change what a line says when it stands at either end
EDGE_PUNCT = ":.-–—|/\\«»\"'()[]…*•·,;!?<>=+_"


# Every character str.isspace() (and the regex \s) takes for whitespace is below U+3001; those
# other than the space and the line break (tab, CR, no-break space, thin space ...). A test checks
# the whole Unicode range.
_OTHER_SPACES = tuple(ch for ch in map(chr, range(0x3001)) if ch.isspace() and ch not in " \n")


def only_plain_spaces(text: str) -> bool:
    """Whether the only whitespace in ``text`` is the space and the line break (no tab, CR,
    no-break or thin space), so that words are runs between single spaces.

    >>> only_plain_spaces("یک دو\\nسه"), only_plain_spaces("یک\\u00a0دو"), only_plain_spaces("a\\r\\n")
    (True, False, False)
    """
    return not any(space in text for space in _OTHER_SPACES)


def fold(text: str) -> str:
    """Matching key of ``text``: variants unified, spaces and ZWNJ removed, Latin lowercased."""
    return lower_text("".join(_DROP_MARKS(_VARIANTS(text)).split()))


#: texts shorter than this are folded by str.replace: numpy's fixed cost (some ten array
#: operations) is more than the replacements in a short text
_NUMPY_MIN_CHARS = 256
# The numpy table maps a BMP code point to its fold, lowercased, in the low 16 bits, with flags:
#: ``str.lower()`` of the character is not one BMP character, or depends on its neighbours (Σ):
#: the folded text is lowercased by ``str.lower()`` at the end
_LOWER = 1 << 16
#: removed from keys (whitespace other than the line break, ZWNJ, bidi marks, harakat ...)
_GONE = 1 << 17
#: U+FFFF, where ``take(mode="clip")`` puts every character beyond the BMP: those texts are
#: folded by str.replace (a real U+FFFF too)
_ASTRAL = 1 << 18
_CODE = 0xFFFF


#: numpy if it is installed, else ``None`` (then str.replace folds every text).
_numpy = numpy_or_none

#: ``khabar._c.docscan``, whose ``fold_keys`` is the C twin of :func:`_fold_keys_py`, or ``None``
#: (a pure install, ``KHABAR_PURE=1``, a stale build): then numpy folds the same keys
_C: Any = c_extension("khabar._c.docscan")


@functools.cache
def _fold_table() -> Any:
    """:func:`fold` of every BMP character, as a numpy array with the flag bits (built once).

    A character is first mapped by ``_VARIANTS``, then removed if ``_DROP_MARKS`` or ``split()``
    removes it (every whitespace character but the line break), then lowercased: the order of
    :func:`fold`. No variant is a mark or a space, so the order of the first two does not matter.
    Read-only; read from the table cache (:mod:`khabar.corpus.table_cache`) when it holds the one
    this module's source builds.
    """
    # called on the numpy paths only (the table is a numpy array)
    from khabar.corpus.table_cache import cached_uint32_table, module_source

    return cached_uint32_table("news-fold", [module_source("news", "_fold.py")],
                               _build_fold_table)


def _build_fold_table() -> Any:
    """:func:`_fold_table`, built (about 0.02 CPU seconds)."""
    np: Any = _numpy()
    variants = dict(_VARIANTS.pairs)
    drops = {source for source, _ in _DROP_MARKS.pairs}
    values: list[int] = []
    for cp in range(0x10000):
        ch = variants.get(chr(cp), chr(cp))
        if ch in drops or (ch.isspace() and ch != "\n"):
            values.append(_GONE)
            continue
        lower = ch.lower()
        if len(lower) == 1 and ord(lower) <= _CODE and ch != "\u03a3":
            values.append(ord(lower))
        else:
            values.append(ord(ch) | _LOWER)
    values[0xFFFF] |= _ASTRAL
    return np.array(values, dtype=np.uint32)


def _fold_keys_py(text: str, table: Any, gone: int, astral: int) -> tuple[str | None, int]:
    """``text`` mapped through ``table`` (65,536 uint32, :func:`_fold_table`; a character beyond
    the BMP reads entry U+FFFF), the values at or above ``gone`` dropped and the others' low 16
    bits kept, with the OR of every value met (the flags); ``(None, flags)`` when the flags hold
    ``astral``. The numpy twin of ``khabar._c.docscan.fold_keys``.

    >>> _fold_keys_py("کد خبر: ۱۲", _fold_table(), _GONE, _ASTRAL)[0]
    'کدخبر:12'
    """
    np: Any = _numpy()
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    out = np.frombuffer(table, dtype=np.uint32).take(cps, mode="clip")
    flags = int(np.bitwise_or.reduce(out))
    if flags & astral:
        return None, flags
    out = out[out < gone]
    out &= _CODE
    folded: str = out.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
    return folded, flags


def _fold_lines_numpy(text: str, np: Any) -> list[str] | None:
    """:func:`fold_lines` by one table lookup per character (``khabar._c.docscan.fold_keys`` when
    it is built, else its numpy twin :func:`_fold_keys_py`); ``None`` for a text with a character
    beyond the BMP."""
    fold = _fold_keys_py if _C is None else _C.fold_keys
    folded, flags = fold(text, _fold_table(), _GONE, _ASTRAL)
    if folded is None:
        return None
    if flags & _LOWER:
        # the table lowercased every other character already; lower() keeps those as they are
        # and sees the same cased neighbours around a Σ
        folded = lower_text(folded)
    return folded.split("\n")


def fold_lines(text: str, plain_spaces: bool | None = None) -> list[str]:
    """:func:`fold` of every line of ``text`` (split at ``\\n``), the letters mapped in one pass.

    ``plain_spaces`` is :func:`only_plain_spaces` of ``text`` when the caller already knows it.
    Texts of a few hundred characters and more are folded through a numpy table when numpy is
    installed (the same lines; a test holds both paths to one output).

    >>> fold_lines("کد خبر: ۱۲\\n\\nپربيننده ترين")
    ['کدخبر:12', '', 'پربینندهترین']
    """
    # the C pass is worth it at any length; numpy's fixed cost only from _NUMPY_MIN_CHARS on
    np = _numpy() if _C is not None or len(text) >= _NUMPY_MIN_CHARS else None
    if np is not None:
        lines = _fold_lines_numpy(text, np)
        if lines is not None:
            return lines
    if plain_spaces is None:
        plain_spaces = only_plain_spaces(text)
    mapped = _DROP_MARKS(_VARIANTS(text))
    if plain_spaces:
        # One replace and one lower() for the whole text. lower() of the whole text is lower() of
        # each line: "\\n" ends a word for the Greek final sigma rule as the end of a string does.
        return lower_text(mapped.replace(" ", "")).split("\n")
    return [lower_text("".join(line.split())) for line in mapped.split("\n")]


def fold_spaced(text: str) -> str:
    """:func:`fold` that keeps one space between words: what a ``pattern`` row of the boilerplate
    table is matched against (letter variants and digits unified, ZWNJ and marks removed,
    lowercased).

    >>> fold_spaced("مهم‌ترین  اخبار را در سايت ببینید")
    'مهمترین اخبار را در سایت ببینید'
    """
    return lower_text(" ".join(_DROP_MARKS(_VARIANTS(text)).split()))


def fold_bare(text: str) -> str:
    """:func:`fold` with punctuation stripped from both ends (``اخبار مرتبط:`` == ``اخبار مرتبط``)."""
    return fold(text).strip(EDGE_PUNCT)


def fold_with_boundaries(text: str) -> tuple[str, frozenset[int]]:
    """:func:`fold` plus the positions in the key where a word ended in ``text``.

    A space or punctuation mark ends a word; a ZWNJ does not (it sits inside a word). A phrase
    matched as a prefix must end at one of these positions, so ``عکس از`` matches
    ``عکس از علی`` but not ``عکس ازدواج``.

    >>> key, ends = fold_with_boundaries("عکس از علی")
    >>> key, sorted(ends)
    ('عکسازعلی', [3, 5, 8])
    """
    key: list[str] = []
    ends: set[int] = set()
    for ch in _VARIANTS(text):
        if ch.isspace():
            ends.add(len(key))
            continue
        if _DROP.fullmatch(ch):
            continue
        if not ch.isalnum() and key:
            ends.add(len(key))
        key.append(ch.lower())
        if not ch.isalnum():
            ends.add(len(key))
    ends.add(len(key))
    return "".join(key), frozenset(ends)
