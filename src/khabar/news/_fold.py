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

import re

# Letter variants -> the Persian letter (one target per source; reviewed by hand):
# Arabic yeh/alef maksura/yeh with hamza -> ی, Arabic kaf -> ک, teh marbuta/heh with yeh -> ه,
# alef with madda/hamza/wasla -> ا, waw with hamza -> و; digits of all scripts -> ASCII.
_VARIANTS = str.maketrans(
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
#: punctuation that does not change what a line says when it stands at either end
EDGE_PUNCT = ":.-–—|/\\«»\"'()[]…*•·,;!?<>=+_"


def fold(text: str) -> str:
    """Matching key of ``text``: variants unified, spaces and ZWNJ removed, Latin lowercased."""
    return _DROP.sub("", text.translate(_VARIANTS)).lower()


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
    for ch in text.translate(_VARIANTS):
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
