"""Small pure tests and edits of words and text that the engine's rules share (no lexicon).
"""

from __future__ import annotations

from itertools import pairwise

from khabar.text.lexicon import ZWNJ
from khabar.text.zwnj.constants import (
    _CONSONANT_HEH,
    _GLUED_INFLECTIONS,
    _HEH_PLURAL,
    _PAST_STEM_LAST,
    _VOCALISED_RE,
    _WITHOUT_FIRST,
    _WITHOUT_INSIDE,
    ACRONYM_LETTER_SIZES,
    ACRONYM_LETTERS,
    ARABIC_GAP,
    ARABIC_REACH,
    ARABIC_WORDS,
    LONG_LINE_CHARS,
    MIN_SPLIT_WORD,
)
from khabar.text.zwnj.records import ChunkInfo


def _run_start(text: str, k: int) -> int:
    """Where the run of ZWNJs holding ``text[k]`` (a ZWNJ) starts."""
    while k and text[k - 1] == ZWNJ:
        k -= 1
    return k


def _edge(ch: str) -> bool:
    """True at the text's edge (``""``) or for whitespace: a ZWNJ there never belongs."""
    return not ch or ch.isspace()


def _apply_tuples(text: str, repairs: list[tuple[int, int, str, str]]) -> str:
    parts, pos = [], 0
    for start, end, replacement, _ in repairs:
        parts.append(text[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _chunks_of(line: str) -> list[str]:
    """``line.split(" ")``, the chunks the engine plans a line by; in a line longer than
    ``LONG_LINE_CHARS`` each distinct chunk is one shared str (the same list, by ``==``).

    A long line is split a block of about ``LONG_LINE_CHARS`` characters at a time, cut at a
    space (the space between two blocks is the one between their chunks), and every chunk
    is looked up in a dict of the chunks seen: the line's few tens of thousands of distinct
    words stay, its millions of repeats are freed as they come. The engine reads chunks by
    value only, so the plan, and the output, are those of ``line.split(" ")``.

    >>> _chunks_of("a b  a") == "a b  a".split(" ")
    True
    """
    size = len(line)
    if size <= LONG_LINE_CHARS:
        return line.split(" ")
    parts: list[str] = []
    seen: dict[str, str] = {}
    start = 0
    while True:
        cut = line.find(" ", start + LONG_LINE_CHARS)
        block = line[start:] if cut < 0 else line[start:cut]
        for chunk in block.split(" "):
            parts.append(seen.setdefault(chunk, chunk))
        if cut < 0:
            return parts
        start = cut + 1


def _union_sorted(a: list[int], b: list[int]) -> list[int]:
    """``sorted(set(a) | set(b))`` of two ascending lists without repeats, merged in one pass:
    no set of a line's candidate chunks (~60 bytes an index, for every other chunk of a
    huge line).

    >>> _union_sorted([1, 3, 5], [2, 3, 7])
    [1, 2, 3, 5, 7]
    """
    out: list[int] = []
    i = j = 0
    na, nb = len(a), len(b)
    while i < na and j < nb:
        x = a[i]
        y = b[j]
        if x < y:
            out.append(x)
            i += 1
        elif y < x:
            out.append(y)
            j += 1
        else:
            out.append(x)
            i += 1
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def _has_bare_without(line: str) -> bool:
    """Whether a chunk of ``line`` but the last is a bare «بی» (``بی دقت``): two substring
    tests in C, not a scan of its chunks (ZwnjRepairer._joins_of)."""
    return _WITHOUT_INSIDE in line or line.startswith(_WITHOUT_FIRST)


def _arabic_spans(parts: list[str]) -> set[int]:
    """The indices of ``parts`` (a line's chunks) inside an Arabic quotation: between two
    Arabic function words (ARABIC_WORDS) at most ``ARABIC_GAP`` letters apart, and
    ``ARABIC_REACH`` letters beyond.

    Built so that the second pass finds the same quotations (idempotence): a chunk's place is
    the number of characters before it other than spaces and ZWNJs, which joins and
    stray-ZWNJ removals keep; a chunk is read without the ZWNJs at its edges («‌عن»); and only
    function words mark a quotation: inside one they are never joined, and one joined outside
    (``انه`` + ``ها``) had no partner near enough. Words that only look Arabic (``أنها``) are
    kept whole by ``_decide_glued`` on their own.

    >>> sorted(_arabic_spans("وفی المحکی عن تذکرته".split()))
    [0, 1, 2, 3]
    >>> _arabic_spans("در فی مابین دو کشور".split())
    set()
    """
    out: set[int] = set()
    marks = [i for i, p in enumerate(parts) if p.strip(ZWNJ) in ARABIC_WORDS]
    if len(marks) < 2:
        return out
    # the places of the marks and of the chunks after them, in one walk (no list of every
    # chunk's place: a huge line holds millions of chunks)
    place: dict[int, int] = {}
    pos = k = 0
    for i in sorted(set(marks).union([m + 1 for m in marks])):
        while k < i:
            pos += len(parts[k]) - parts[k].count(ZWNJ)
            k += 1
        place[i] = pos
    # the quotations' reaches: both ends grow with the first mark (ascending)
    reaches = [
        (place[a] - ARABIC_REACH, place[b + 1] + ARABIC_REACH)
        for a, b in pairwise(marks)
        if place[b] - place[a + 1] <= ARABIC_GAP
    ]
    # the chunks whose place is inside a reach, in a second walk
    pos = r = 0
    for i, p in enumerate(parts):
        while r < len(reaches) and reaches[r][1] < pos:
            r += 1  # a reach behind this chunk is behind every later one
        if r == len(reaches):
            break
        if reaches[r][0] <= pos:  # a later reach starts no sooner than this one
            out.add(i)
        pos += len(p) - p.count(ZWNJ)
    return out


def _vocalised_pair(parts: list[str], infos: list[ChunkInfo], i: int) -> bool:
    """Whether chunk ``i`` or the one before it (``parts``, planned as ``infos``) is a word only
    vocalised Arabic writes so (:data:`_VOCALISED_RE`: ``بَنِی إِسْرَائِیلَ``, ``سَخِطَ اللّهُ``
    of a Quranic verse): such words are not joined, as they are not cut (``_decide_glued``).
    A chunk whose fold changed nothing (most) has no such mark and needs no search.

    >>> from khabar.text.zwnj import default_repairer
    >>> r = default_repairer()
    >>> r.repair("کَفَرُواْ مِن بَنِی إِسْرَائِیلَ") == "کَفَرُواْ مِن بَنِی إِسْرَائِیلَ"
    True
    >>> r.repair("از بنی اسرائیل") == "از بنی\u200cاسرائیل"
    True
    """
    before, info = infos[i - 1], infos[i]
    return (before[1] != before[3] and _VOCALISED_RE.search(parts[i - 1]) is not None) or (
        info[1] != info[2] and _VOCALISED_RE.search(parts[i]) is not None
    )


def _may_be_day(chunk: str) -> bool:
    """Whether the digits ``chunk`` ends in may be a day of a month (one or two digits, 1 to
    31, in any script), so that a «می» after it may be the month May (``14 می``, ``۳۱ می
    2014``). A year or any other number is not followed by the month in a Persian date (``می
    2014``, ``ماه می سال ۲۰۱۸``): after it «می» is a verbal prefix (``سال ۲۰۰۱ می باشد``,
    ``مک بوک ۲۰۱۷ می دهد``).

    >>> [_may_be_day(c) for c in ("14", "۳۱", "(۹", "32", "2014", "۱۳۹۷", "0")]
    [True, True, True, False, False, False, False]
    """
    k = len(chunk)
    while k and chunk[k - 1].isdigit():
        k -= 1
    digits = chunk[k:]
    return 0 < len(digits) <= 2 and 1 <= int(digits) <= 31


def _letter_names(key: str) -> list[str] | None:
    """The ``ACRONYM_LETTERS`` that spell ``key`` one after another (``انپیتی`` → ان, پی, تی),
    or None when no such reading, or more than one, covers the whole word."""
    n = len(key)
    ways = [0] * (n + 1)  # ways[i]: readings of key[i:], counted up to 2
    step = [0] * (n + 1)  # step[i]: where the name at i ends in the (one) reading
    ways[n] = 1
    for i in range(n - 1, -1, -1):
        for size in ACRONYM_LETTER_SIZES:
            j = i + size
            if j <= n and ways[j] and key[i:j] in ACRONYM_LETTERS:
                ways[i] = min(ways[i] + ways[j], 2)
                step[i] = j
    if ways[0] != 1:
        return None
    names: list[str] = []
    i = 0
    while i < n:
        names.append(key[i : step[i]])
        i = step[i]
    return names


def _with_zwnj_before(form: str, k: int) -> str:
    """``form`` (a spelling with ZWNJs) with one more before its ``k``-th letter (ZWNJs not
    counted), unless one is there already: ``_with_zwnj_before("بتنآرمه‌ای", 3)`` is
    «بتن‌آرمه‌ای»."""
    seen = 0
    for i, ch in enumerate(form):
        if ch == ZWNJ:
            continue
        if seen == k:
            return form if form[i - 1] == ZWNJ else form[:i] + ZWNJ + form[i:]
        seen += 1
    return form


def _ends_in_silent_heh(word: str) -> bool:
    """``word`` ends in the silent ``ه`` that takes the ezafe ``ی`` after a ZWNJ (``همه‌ی``).

    >>> _ends_in_silent_heh("همه"), _ends_in_silent_heh("راه"), _ends_in_silent_heh("که")
    (True, False, False)
    """
    return (
        len(word) >= MIN_SPLIT_WORD - 1 and word.endswith("ه") and not word.endswith(_CONSONANT_HEH)
    )


def _uninflect(word: str) -> str:
    """``word`` without a glued plural or adjective ending: ``وزیران`` → ``وزیر``; a
    participle's plural in «دگان»/«تگان» gives its singular in «ه» (:data:`_HEH_PLURAL`:
    ``باختگان`` → ``باخته``).

    >>> _uninflect("وزیران")
    'وزیر'
    >>> _uninflect("باختگان")
    'باخته'
    """
    if len(word) <= 4:
        return word
    if word.endswith(_HEH_PLURAL) and word[-len(_HEH_PLURAL) - 1] in _PAST_STEM_LAST:
        return word[: -len(_HEH_PLURAL)] + "ه"
    # str.endswith, not a regex: _segment asks this of many pieces
    for ending in _GLUED_INFLECTIONS:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word
