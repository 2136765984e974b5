"""The one canonical form of a text, used for dedup keys, site-line counting and search.

Two copies of one news story differ in ways a reader does not see: Arabic ``ي``/``ك`` against
Persian ``ی``/``ک``, a ZWNJ (U+200C) kept, dropped or turned into a space (``می‌شود`` /
``میشود`` / ``می شود``), Persian or ASCII digits, diacritics, tatweel, presentation forms,
«» against "" quotes. :func:`canonical` folds all of these away, so that such copies compare equal.
It is a *matching key*, never text to show: it drops hamza and diacritics and every punctuation mark.

The folding table is :data:`FOLD` below, one reviewed row per target, built into a
``str.translate`` table once (on first use, cached; no mutable module state).

A document's canonical form is read by several steps in turn (language ID, quality, site lines,
dedup). :func:`canonical_lines` computes it once per text, line by line, and keeps the last few
results (keyed by the text), so the steps share one computation without storing anything on the
document. A run also hands a document's canonical lines from one stage to the next with its work
file (:func:`known_canonical_lines`, :func:`remember_canonical_lines`): the next stage's steps
read them instead of computing them again, as long as its text is still the same. For texts of a few hundred characters and more it maps
code points through a numpy array when numpy is installed (about 5x faster than ``str.translate``
with a dict, which makes a Python lookup per character); the result is the same string, and a
test holds both paths to the same output.

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
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from khabar._native import c_extension, lower_text
from khabar._optional import numpy_or_none

__all__ = [
    "FOLD",
    "JOIN_NEXT",
    "JOIN_PREVIOUS",
    "canonical",
    "canonical_lines",
    "canonical_tokens",
    "char_counter",
    "count_chars",
    "exact_key",
    "glue_tokens",
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


#: every word :func:`glue_tokens` may glue
_JOINING: frozenset[str] = JOIN_NEXT | JOIN_PREVIOUS


#: the planes that hold punctuation, symbols, separators and controls (planes 0 and 1; the planes
#: above hold ideographs, tags, variation selectors and private use: a test reads them all), so
#: the table is built from 131,072 code points instead of 1,114,112 (0.3 s less per worker)
_SEPARATOR_PLANES = 0x20000


@functools.cache
def _table() -> dict[int, int | None]:
    """Build the translate table once: folds, removals, and punctuation/symbols/spaces to space."""
    table: dict[int, int | None] = {}
    for cp in range(_SEPARATOR_PLANES):
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
    return " ".join(lower_text(text.translate(_table())).split())


#: texts shorter than this take the ``str.translate`` path: numpy's fixed cost per call (about
#: 15 array operations) is more than a translate of a short line
_NUMPY_MIN_CHARS = 256

# The numpy table maps a BMP code point to its canonical form, lowercased, in the low 16 bits, with
# flags above them (every value at or above _GONE is removed from the text):
#: ``str.lower()`` of the character is not one character of the BMP, or depends on the
#: neighbours (Greek capital sigma): the text is lowercased by ``str.lower()`` at the end
_LOWER = 1 << 16
#: NFKC might change the canonical form of a text holding this character (see _nfkc_safe)
_NFKC = 1 << 17
#: removed from the canonical form (joiners, diacritics, tatweel ...)
_GONE = 1 << 18
#: U+FFFF, where ``take(mode="clip")`` puts every character beyond the BMP: the text takes the
#: translate path (a real U+FFFF too, which is rare enough)
_ASTRAL = 1 << 19
#: the low 16 bits of a table value
_CODE = 0xFFFF


#: numpy if it is installed, else ``None`` (then the ``str.translate`` path does the work).
_numpy = numpy_or_none

#: the C twins of :func:`_fold_lines_py` and :func:`_count_classes_py` (``khabar._c.docscan``),
#: or ``None`` (a pure install, ``KHABAR_PURE=1``, a stale build): then numpy or the standard
#: library does the work, with the same results. Both C functions read tables numpy builds here.
_C: Any = c_extension("khabar._c.docscan")


@functools.cache
def _composition_seconds() -> frozenset[int]:
    """Code points that NFC may join to the character before them: the second character of every
    two-character canonical decomposition, and the Hangul vowel and final jamo.

    Only planes 0 and 1 are read: the planes above hold ideographs, tags, variation selectors and
    private use, whose canonical decompositions are single characters (a test reads them all).
    """
    seconds = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    for cp in range(0x20000):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and decomposition[0] != "<":
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(int(parts[1], 16))
    return frozenset(seconds)


def _nfkc_safe(cp: int, removed: bool) -> bool:
    """Whether NFKC leaves the canonical form of any text of safe characters as it is.

    A character is safe when it is its own NFKC, NFC never joins it (or its decomposition's first
    character) to the character before it, and it is a starter (canonical combining class 0) or
    removed from the canonical form. In a text of safe characters NFKC can only reorder removed
    marks among themselves (they never compose: none is a second character), and decompose and
    recompose a precomposed letter to itself (a removed mark, sorted in between by its class,
    never blocks that). The Arabic harakat are safe; hamza above (U+0654, which NFC joins to
    «ی», «و», «ا» ...) and the presentation forms are not, and send the text through
    ``unicodedata.is_normalized`` as before.
    """
    ch = chr(cp)
    if unicodedata.normalize("NFKC", ch) != ch or cp in _composition_seconds():
        return False
    if ord(unicodedata.normalize("NFD", ch)[0]) in _composition_seconds():
        return False
    return removed or unicodedata.combining(ch) == 0


@functools.cache
def _bmp_table() -> Any:
    """:func:`_table` for the Basic Multilingual Plane as a numpy array, lowercased, with the flag
    bits above; ``\\n`` kept for lines (read-only). Read from the table cache
    (:mod:`khabar.corpus.table_cache`) when it holds the one this module's source builds."""
    # called on the numpy paths only (the table is a numpy array)
    from khabar.corpus.table_cache import cached_uint32_table, module_source

    return cached_uint32_table("canonical-bmp", [module_source("corpus", "keys.py")],
                               _build_bmp_table)


def _build_bmp_table() -> Any:
    """:func:`_bmp_table`, built (about 0.05 CPU seconds)."""
    np: Any = _numpy()
    table = np.arange(0x10000, dtype=np.uint32)
    items = [(cp, _GONE if to is None else to) for cp, to in _table().items() if cp < 0x10000]
    table[[cp for cp, _ in items]] = [to for _, to in items]
    table[0x0A] = 0x0A
    values = table.tolist()
    for cp, value in enumerate(values):
        if value != _GONE:
            lower = chr(value).lower()
            if len(lower) == 1 and ord(lower) <= _CODE and value != 0x03A3:  # Σ: σ or ς
                value = ord(lower)
            else:
                value |= _LOWER
        if not _nfkc_safe(cp, value == _GONE):
            value |= _NFKC
        values[cp] = value
    values[0xFFFF] |= _ASTRAL
    return np.array(values, dtype=np.uint32)


@functools.lru_cache(maxsize=4)
def _code_points(text: str) -> Any:
    """The code points of ``text`` as a read-only uint32 array. :func:`canonical_lines` and
    :func:`count_chars` read one document in turn (langid, quality): it is encoded once."""
    np: Any = _numpy()  # called on the numpy paths only
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _fold_lines_py(text: str, table: Any) -> tuple[str | None, int]:
    """``text`` mapped through ``table`` (65,536 uint32, :func:`_bmp_table`) in one pass: the
    canonical lines joined by ``\\n`` before any NFKC or lowercasing of a whole text, and the OR
    of every table value met (the flags). ``(None, flags)`` when a character beyond the BMP was
    met (it reads entry U+FFFF, which has :data:`_ASTRAL`). The numpy twin of
    ``khabar._c.docscan.fold_lines``; needs numpy.

    >>> _fold_lines_py("  مي‌شود ۱۲ \\n\\nBank!", _bmp_table())[0]
    'میشود 12\\n\\nbank'
    """
    np: Any = _numpy()
    table = np.frombuffer(table, dtype=np.uint32)
    out = table.take(_code_points(text), mode="clip")
    flags = int(np.bitwise_or.reduce(out))
    if flags & _ASTRAL:
        return None, flags
    if flags & _GONE:
        out = out[out < _GONE]
    if flags & (_LOWER | _NFKC):
        out &= _CODE
    # single spaces, none at a line's start or end (what " ".join(line.split()) gives): first drop
    # a space that follows a space, a newline or the start, then one that precedes a newline or
    # the end. Every whitespace character is a space by now, except the newlines.
    space = out == 0x20
    after = np.empty_like(space)
    after[:1] = True
    after[1:] = space[:-1] | (out[:-1] == 0x0A)
    out = out[~(space & after)]
    space = out == 0x20
    before = np.empty_like(space)
    before[-1:] = True
    before[:-1] = out[1:] == 0x0A
    out = out[~(space & before)]
    folded: str = out.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
    return folded, flags


def _nfkc_normalized(text: str) -> bool:
    """``unicodedata.is_normalized("NFKC", text)``, line by line: NFKC never reorders or joins
    across a line break (a starter that composes with nothing), so the text is normalized when
    each line is. A hamza above (U+0654, «خانهٔ») makes is_normalized normalize what it checks to
    compare; line by line it normalizes the lines that hold one, not the whole text (0.13 ms).

    >>> _nfkc_normalized("خانهٔ\\nکتاب"), _nfkc_normalized("ي\\u0654\\nکتاب")
    (True, False)
    """
    return all(unicodedata.is_normalized("NFKC", line) for line in text.split("\n"))


def _lines_folded(text: str, fold: Any) -> list[str] | None:
    """The canonical lines by ``fold`` (``khabar._c.docscan.fold_lines`` or its twin
    :func:`_fold_lines_py`); ``None`` when the text has a character beyond the BMP."""
    table = _bmp_table()
    folded, flags = fold(text, table)
    if folded is None:  # emoji and other astral characters: the translate path maps them
        return None
    if flags & _NFKC and not _nfkc_normalized(text):
        # presentation forms «ﺑﺎﻧﻚ» and full-width Latin become ordinary letters first; NFKC never
        # joins across a newline, so the whole text at once equals line by line
        text = unicodedata.normalize("NFKC", text)
        folded, flags = fold(text, table)
        if folded is None:
            return None
    if flags & _LOWER:
        # the table lowercased every other character already; lower() keeps those as they are
        # and sees the same cased neighbours around a Σ
        folded = lower_text(folded)
    return folded.split("\n")


class _LinesCache:
    """The canonical lines of the last ``size`` texts :func:`canonical_lines` gave, and of up to
    ``handed_size`` texts whose lines came with their documents from the stage before
    (:func:`remember_canonical_lines`), each keyed by the text (equal texts have equal lines).

    A handed entry moves to the recent ones when it is first read; the oldest entries go first.
    """

    def __init__(self, size: int, handed_size: int) -> None:
        self._size = size
        self._handed_size = handed_size
        self._recent: dict[str, tuple[str, ...]] = {}
        self._handed: dict[str, tuple[str, ...]] = {}

    def get(self, text: str) -> tuple[str, ...] | None:
        lines = self._recent.get(text)
        if lines is None:
            lines = self._handed.pop(text, None)
            if lines is not None:
                self.put(text, lines)
        return lines

    def peek(self, text: str) -> tuple[str, ...] | None:
        lines = self._recent.get(text)
        return self._handed.get(text) if lines is None else lines

    def put(self, text: str, lines: tuple[str, ...]) -> None:
        recent = self._recent
        recent[text] = lines
        if len(recent) > self._size:
            del recent[next(iter(recent))]

    def hand(self, text: str, lines: tuple[str, ...]) -> None:
        handed = self._handed
        handed[text] = lines
        if len(handed) > self._handed_size:
            del handed[next(iter(handed))]

    def clear(self) -> None:
        self._recent.clear()
        self._handed.clear()


#: the last 16 texts (one document's steps read its canonical form in turn), and the documents of
#: two read batches (a stage reads its work file 512 documents at a time)
_LINES = _LinesCache(16, 1024)


def canonical_lines(text: str) -> tuple[str, ...]:
    """Return :func:`canonical` of every line of ``text`` (split at ``\\n``; blank lines give ``""``).

    ``canonical_lines(t)[i] == canonical(t.split("\\n")[i])`` for every ``i``, and the non-empty
    lines joined by spaces are ``canonical(t)``. The last 16 texts are kept, so the steps that read
    one document's canonical form in turn compute it once.

    >>> canonical_lines("خبر اول\\n\\nانتهاي پيام /")
    ('خبر اول', '', 'انتهای پیام')
    """
    lines = _LINES.get(text)
    if lines is None:
        lines = _compute_lines(text)
        _LINES.put(text, lines)
    return lines


def _compute_lines(text: str) -> tuple[str, ...]:
    # the C pass is worth it at any length; numpy's fixed cost only from _NUMPY_MIN_CHARS on.
    # Both read the table numpy builds (and give what str.translate gives: a test holds them to it)
    if _numpy() is not None and (_C is not None or len(text) >= _NUMPY_MIN_CHARS):
        lines = _lines_folded(text, _fold_lines_py if _C is None else _C.fold_lines)
        if lines is not None:
            return tuple(lines)
    return tuple(canonical(line) for line in text.split("\n"))


def known_canonical_lines(text: str) -> str | None:
    """The canonical lines of ``text`` joined by ``\\n``, if :func:`canonical_lines` gave them
    lately (or they were handed over), else ``None``; never computes them. A stage writes this
    beside each document in its work file, for :func:`remember_canonical_lines` in the next.

    >>> known_canonical_lines("متنی که هنوز خوانده نشده است") is None
    True
    >>> _ = canonical_lines("خبر اول\\nانتهاي پيام /")
    >>> known_canonical_lines("خبر اول\\nانتهاي پيام /")
    'خبر اول\\nانتهای پیام'
    """
    lines = _LINES.peek(text)
    return None if lines is None else "\n".join(lines)


def remember_canonical_lines(text: str, joined: str) -> None:
    """Take ``joined`` (:func:`known_canonical_lines` of ``text``, made in an earlier stage of the
    run) as the canonical lines of ``text``, so the next :func:`canonical_lines` of it does not
    compute them. Kept only if it has one line per line of ``text`` (a canonical line never holds
    a ``\\n``); the oldest of 1,024 such texts not yet read (two read batches) are forgotten first.

    >>> remember_canonical_lines("الف\\nب", "x\\ny")
    >>> canonical_lines("الف\\nب")  # what was handed over, not computed
    ('x', 'y')
    >>> forget_canonical_lines()
    """
    lines = tuple(joined.split("\n"))
    if len(lines) == text.count("\n") + 1:
        _LINES.hand(text, lines)


def forget_canonical_lines() -> None:
    """Forget every text's canonical lines (tests that compare the computing paths)."""
    _LINES.clear()


@functools.cache
def _class_table(classes: tuple[re.Pattern[str], ...]) -> tuple[Any, Any]:
    """``(table, matrix)`` for :func:`count_chars`: a uint8 combination id per BMP code point, and
    per combination id which of ``classes`` it belongs to (a 0/1 int64 matrix)."""
    np: Any = _numpy()  # called on the numpy paths only
    masks = _bmp_class_bits(classes, np.uint64)
    combos, table = np.unique(masks, return_inverse=True)
    if len(combos) > 256:
        raise ValueError(f"count_chars: {len(combos)} class combinations; at most 256 fit a uint8")
    matrix = (combos[:, None] >> np.arange(len(classes), dtype=np.uint64)) & np.uint64(1)
    return table.astype(np.uint8), matrix.astype(np.int64)


@functools.cache
def _class_masks(classes: tuple[re.Pattern[str], ...]) -> Any:
    """Per BMP code point, which of ``classes`` (at most 32) it is in, as the bits of a uint32
    (65,536 of them): the table ``khabar._c.docscan.count_classes`` and its twin
    :func:`_count_classes_py` read. Built as :func:`_class_table` builds its masks (without its
    limit of 256 class combinations). Read-only; read from the table cache
    (:mod:`khabar.corpus.table_cache`) when it holds the masks of these patterns."""
    np: Any = _numpy()  # called on the numpy paths only
    from khabar.corpus.table_cache import cached_uint32_table, module_source

    patterns = "\0".join(f"{p.flags}:{p.pattern}" for p in classes)
    digest = hashlib.sha256(patterns.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return cached_uint32_table(f"classes-{digest}", [module_source("corpus", "keys.py"),
                                                    patterns.encode("utf-8", "surrogatepass")],
                               lambda: _bmp_class_bits(classes, np.uint32))


def _bmp_class_bits(classes: tuple[re.Pattern[str], ...], dtype: Any) -> Any:
    """Per BMP code point, bit ``j`` set when it is in ``classes[j]``: a numpy array of 65,536
    ``dtype`` (wide enough for the classes), for :func:`_class_table` and :func:`_class_masks`."""
    np: Any = _numpy()
    bmp = "".join(map(chr, range(0x10000)))
    masks = np.zeros(0x10000, dtype=dtype)
    for bit, pattern in enumerate(classes):
        # runs of the class, not single characters: a few hundred matches instead of thousands
        runs = re.compile(f"(?:{pattern.pattern})+", pattern.flags)
        for m in runs.finditer(bmp):
            masks[m.start() : m.end()] |= dtype(1 << bit)
    return masks


def _count_classes_py(text: str, masks: Any, n: int) -> tuple[int, ...] | None:
    """How many characters of ``text`` are in each of ``n`` classes, by ``masks``
    (:func:`_class_masks`); ``None`` when ``text`` has a character beyond the BMP. The
    pure-Python twin of ``khabar._c.docscan.count_classes`` (the tests hold them equal).

    >>> import re
    >>> classes = (re.compile(r"[^\\W\\d_]"), re.compile(r"\\d"))
    >>> _count_classes_py("کتاب ۱۲ book!", _class_masks(classes), 2)
    (8, 2)
    """
    counts = [0] * n
    for ch in text:
        cp = ord(ch)
        if cp > 0xFFFF:
            return None
        bits = int(masks[cp])
        for j in range(n):
            if bits >> j & 1:
                counts[j] += 1
    return tuple(counts)


def count_chars(text: str, classes: tuple[re.Pattern[str], ...]) -> tuple[int, ...]:
    """How many characters of ``text`` each pattern of ``classes`` matches (one character each).

    Every pattern must match exactly one character (a class such as ``[^\\W\\d_]`` or ``\\d``);
    the counts are ``pattern.subn("", text)[1]``. With numpy and a text of a few hundred characters
    or more, all classes are counted in one pass (a class-combination id per code point, then one
    ``bincount``); the classes may overlap, and at most 64 can be given.

    >>> count_chars("کتاب ۱۲ book!", (re.compile(r"[^\\W\\d_]"), re.compile(r"\\d")))
    (8, 2)
    """
    if _C is not None and len(classes) <= 32 and _numpy() is not None:
        counted: tuple[int, ...] | None = _C.count_classes(text, _class_masks(classes),
                                                           len(classes))
        if counted is not None:  # None: a character beyond the BMP (emoji), counted below
            return counted
    np = _numpy() if len(text) >= _NUMPY_MIN_CHARS and len(classes) <= 64 else None
    if np is None:
        return tuple(pattern.subn("", text)[1] for pattern in classes)
    cps = _code_points(text)
    table, matrix = _class_table(classes)
    astral = cps[cps > 0xFFFF] if len(cps) and cps.max() > 0xFFFF else None
    if astral is not None:  # rare (emoji): each distinct astral character is tested by the patterns
        cps = cps[cps <= 0xFFFF]
    counts = np.bincount(table.take(cps), minlength=len(matrix)) @ matrix
    out: list[int] = counts.tolist()
    if astral is not None:
        values, times = np.unique(astral, return_counts=True)
        for cp, n in zip(values.tolist(), times.tolist()):
            ch = chr(cp)
            for i, pattern in enumerate(classes):
                if pattern.fullmatch(ch):
                    out[i] += n
    return tuple(out)


def char_counter(classes: tuple[re.Pattern[str], ...]) -> Callable[[str], tuple[int, ...]]:
    """:func:`count_chars` with ``classes`` bound: ``char_counter(classes)(text) ==
    count_chars(text, classes)``. The C pass's table is found here once, not at every call:
    count_chars finds it in a cache keyed by the patterns, and hashing a compiled pattern
    hashes its code (2 microseconds a call for langid's 11 classes and quality's 6).

    >>> count = char_counter((re.compile(r"[^\\W\\d_]"), re.compile(r"\\d")))
    >>> count("کتاب ۱۲ book!"), count("😀 ۱۲")
    ((8, 2), (0, 2))
    """
    if _C is None or len(classes) > 32 or _numpy() is None:
        return functools.partial(count_chars, classes=classes)
    count_classes, masks, n = _C.count_classes, _class_masks(classes), len(classes)

    def count(text: str) -> tuple[int, ...]:
        counted: tuple[int, ...] | None = count_classes(text, masks, n)
        # None: a character beyond the BMP (emoji), which count_chars counts on its other paths
        return count_chars(text, classes) if counted is None else counted

    return count


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
    return glue_tokens(canonical(text).split())


def glue_tokens(words: Iterable[str]) -> list[str]:
    """Glue canonical ``words`` as :func:`canonical_tokens` does (for words already at hand).

    >>> glue_tokens(["کتاب", "ها", "را", "نمی", "خوانم"])
    ['کتابها', 'را', 'نمیخوانم']
    """
    words = list(words)
    present = _JOINING.intersection(words)
    if not present:  # the common case (no ZWNJ damage): nothing to glue
        return words
    # only the joining words and the word after each need a decision: the runs between them
    # are copied whole (a news article has a few dozen joining words among hundreds)
    at = sorted(i for w in present for i in _indices(words, w))
    out: list[str] = []
    glue_next = False
    start = 0
    for i in at:
        if start < i:  # words[start:i] join nothing; the first may end a «می ...» glue
            if glue_next:
                out[-1] += words[start]
                start += 1
                glue_next = False
            out.extend(words[start:i])
        tok = words[i]
        if glue_next:
            out[-1] += tok
            glue_next = tok in JOIN_NEXT
        elif out and tok in JOIN_PREVIOUS:
            out[-1] += tok
        else:
            out.append(tok)
            glue_next = tok in JOIN_NEXT
        start = i + 1
    if start < len(words):
        if glue_next:
            out[-1] += words[start]
            start += 1
        out.extend(words[start:])
    return out


def _indices(words: list[str], word: str) -> list[int]:
    """Every index of ``word`` in ``words`` (``list.index`` scans in C)."""
    found: list[int] = []
    i = -1
    try:
        while True:
            i = words.index(word, i + 1)
            found.append(i)
    except ValueError:  # no more: the end of the scan, not an error
        return found


def exact_key(text: str) -> str:
    """Return the exact-duplicate key: a 32-hex-digit BLAKE2b digest of :func:`spaceless`.

    >>> exact_key("کتاب‌ها") == exact_key("کتاب ها") == exact_key("كتابها")
    True
    >>> len(exact_key(""))
    32
    """
    return hashlib.blake2b(spaceless(text).encode("utf-8"), digest_size=16).hexdigest()
