"""The one canonical form of a text, used for dedup keys, site-line counting and search.

Two copies of one news story differ in ways a reader does not see: Arabic ``ي``/``ك`` against
Persian ``ی``/``ک``, a ZWNJ (U+200C) kept, dropped or turned into a space (``می‌شود`` /
``میشود`` / ``می شود``), Persian or ASCII digits, diacritics, tatweel, presentation forms,
«» against "" quotes. :func:`canonical` folds all of these away, so that such copies compare equal.
It is a *matching key*, never text to show: it drops hamza and diacritics and every punctuation mark.

The folding table is :data:`FOLD` below, one reviewed row per target, built into a
``str.translate`` table once (on first use, cached; no mutable module state).

>>> canonical("مي‌شود، «بانك» ۱۲ کتاب‌ها!")
'میشود بانک 12 کتابها'
>>> canonical("می شود") == canonical("می‌شود")
False
>>> canonical_tokens("می شود") == canonical_tokens("می‌شود") == ["میشود"]
True
>>> exact_key("می شود") == exact_key("مي‌شود") == exact_key("میشود")
True
"""

from __future__ import annotations

import functools
import hashlib
import sys
import unicodedata

__all__ = [
    "FOLD",
    "JOIN_NEXT",
    "JOIN_PREVIOUS",
    "canonical",
    "canonical_tokens",
    "exact_key",
    "spaceless",
]

#: target -> the characters folded into it (reviewed data; a test checks no source has two targets).
#: Why each row:
FOLD: dict[str, str] = {
    # Arabic yeh, alef maksura, yeh with hamza, Farsi yeh forms, and Urdu/Arabic yeh variants
    # typed by Persian keyboards: «علي»/«علی», «مسئله»/«مساله» (hamza dropped, see ء below).
    "ی": "يىئ",
    # Arabic kaf and swash kaf: «بانك»/«بانک».
    "ک": "كڪ",
    # teh marbuta, heh with yeh above (ezafe), goal/doachashmee heh, ae: «مدرسة»/«مدرسه»,
    # «خانۀ»/«خانه» (ezafe is written or not, a style choice, not a different word).
    "ه": "ةۀۂۃھە",
    # alef with hamza above/below, madda, wasla: «آمریکا»/«امریکا», «إسلام»/«اسلام»;
    # copies disagree on these often and the words stay the same.
    "ا": "أإآٱ",
    # waw with hamza: «مؤسسه»/«موسسه».
    "و": "ؤ",
    # digits: Persian and Arabic-Indic digits to ASCII («۱۲»/«١٢»/«12»).
    **{str(d): chr(0x06F0 + d) + chr(0x0660 + d) for d in range(10)},
}

#: removed outright: joiners and direction marks (ZWNJ, ZWJ, LRM, RLM, ALM, isolates, embeddings,
#: BOM, soft hyphen), tatweel, standalone hamza («اجزاء»/«اجزا»).
_REMOVE_RANGES: tuple[tuple[int, int], ...] = (
    (0x200B, 0x200F),  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),  # embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x2069),  # isolates
    (0x061C, 0x061C),  # Arabic letter mark
    (0xFEFF, 0xFEFF),  # BOM / zero width no-break space
    (0x00AD, 0x00AD),  # soft hyphen
    (0x0640, 0x0640),  # tatweel «تـــهران»
    (0x0621, 0x0621),  # hamza «اجزاء»
    # diacritics and Quranic marks: harakat, tanwin, shadda, sukun, superscript alef,
    # hamza above/below as combining marks (ه + U+0654 is the decomposed ۀ)
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E8),
    (0x06EA, 0x06ED),
)

#: Tokens that ZWNJ damage splits off a word: written «می‌شود», «کتاب‌ها», «بزرگ‌ترین» and found as
#: «می شود», «کتاب ها», «بزرگ ترین». :func:`canonical_tokens` glues them back so that the damaged
#: and the clean copy give the same words. «ای» and «ام» are also words of their own («ای کاش»),
#: but the gluing is the same in every copy, so keys still match.
JOIN_NEXT: frozenset[str] = frozenset({"می", "نمی"})
JOIN_PREVIOUS: frozenset[str] = frozenset(
    {
        "ها",
        "های",
        "هایی",
        "هایم",
        "هایت",
        "هایش",
        "هایمان",
        "هایتان",
        "هایشان",
        "تر",
        "ترین",
        "ترها",
        "ای",
        "اند",
        "ام",
        "اید",
        "ایم",
    }
)


@functools.cache
def _table() -> dict[int, int | None]:
    """Build the translate table once: folds, removals, and punctuation/symbols/spaces to space."""
    table: dict[int, int | None] = {}
    for cp in range(sys.maxunicode + 1):
        cat = unicodedata.category(chr(cp))
        # P* punctuation, S* symbols, Z* separators, Cc controls (newline, tab) all separate words.
        if cat[0] in "PSZ" or cat == "Cc":
            table[cp] = 0x20
    for lo, hi in _REMOVE_RANGES:
        for cp in range(lo, hi + 1):
            table[cp] = None
    for target, sources in FOLD.items():
        for src in sources:
            table[ord(src)] = ord(target)
    return table


def _has_compat(text: str) -> bool:
    """True when text holds Arabic presentation forms or other compatibility characters."""
    return not unicodedata.is_normalized("NFKC", text)


def canonical(text: str) -> str:
    """Return the matching form: folded letters, no joiners/diacritics, ASCII digits, single spaces.

    Latin is lowercased; punctuation and symbols become spaces; leading and trailing spaces go.

    >>> canonical("  تـهران،   ۱۴۰۲/۰۷/۱۹  ")
    'تهران 1402 07 19'
    >>> canonical("ﺑﺎﻧﻚ Bank")
    'بانک bank'
    >>> canonical("")
    ''
    """
    if _has_compat(text):
        # presentation forms «ﺑﺎﻧﻚ» and full-width Latin become ordinary letters first
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.translate(_table()).lower().split())


def spaceless(text: str) -> str:
    """Return :func:`canonical` with every space removed (the stream near-dup shingles are cut from).

    >>> spaceless("می شود") == spaceless("می‌شود") == spaceless("میشود")
    True
    """
    return canonical(text).replace(" ", "")


def canonical_tokens(text: str) -> list[str]:
    """Return the words of :func:`canonical`, with ZWNJ-damage splits glued back.

    ``می``/``نمی`` join the word after them, plural and comparative endings (:data:`JOIN_PREVIOUS`)
    join the word before, so «می شود»/«می‌شود»/«میشود» all give ``["میشود"]``. Compounds split by
    damage («دانش آموز» / «دانش‌آموز») cannot be told from two words here; near-dup signatures
    therefore use character shingles over :func:`spaceless`, which is immune to any spacing change.

    >>> canonical_tokens("کتاب ها را نمی خوانم")
    ['کتابها', 'را', 'نمیخوانم']
    >>> canonical_tokens("می")
    ['می']
    """
    out: list[str] = []
    glue_next = False
    for tok in canonical(text).split():
        if glue_next:
            out[-1] += tok
            glue_next = tok in JOIN_NEXT
        elif out and tok in JOIN_PREVIOUS:
            out[-1] += tok
        else:
            out.append(tok)
            glue_next = tok in JOIN_NEXT
    return out


def exact_key(text: str) -> str:
    """Return the exact-duplicate key: a 32-hex-digit BLAKE2b digest of :func:`spaceless`.

    >>> exact_key("کتاب‌ها") == exact_key("کتاب ها") == exact_key("كتابها")
    True
    >>> len(exact_key(""))
    32
    """
    return hashlib.blake2b(spaceless(text).encode("utf-8"), digest_size=16).hexdigest()
