"""What the engine passes around: :class:`Repair` (one change), :data:`ChunkInfo` (what a
chunk of a line is, memoised), its fields and fact bits, and the levels of glued and
spaced repair.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Final, NamedTuple, TypeAlias

#: How much glued-word repair a line gets (see :class:`Trust`): none, verbal prefixes only, all,
#: all but the glued words the lexicon writes glued (``WHOLE_WORD_COUNT``).
GLUED_NONE: Final = 0
GLUED_PREFIX: Final = 1
GLUED_ALL: Final = 2
GLUED_SURE: Final = 3
#: Glued repair in a line whose ZWNJs became spaces (see :class:`Trust`).
SPACED_LINE_GLUED: Final = GLUED_PREFIX


#: How sure a join is (:meth:`ZwnjRepairer._joins`): never, only in a line whose ZWNJs became
#: spaces (``SPACED_LINE_JOIN_MARGIN``), or in any line (``JOIN_MARGIN``).
JOIN_NO: Final = 0
JOIN_SPACED_LINE: Final = 1
JOIN_ANY: Final = 2


class Repair(NamedTuple):
    """One change, relative to the input text of :meth:`ZwnjRepairer.find_repairs`.

    ``text[start:end]`` is replaced by ``replacement``. Rules:

    * ``zwnj.glued``: insert a ZWNJ inside a glued word (``start == end``);
    * ``zwnj.spaced``: turn the space between two words (and any stray ZWNJ beside it) into
      one ZWNJ (into nothing after a non-joining letter with ``nonjoiner=NonJoiner.REMOVE``);
    * ``zwnj.remove.edge``: remove ZWNJs beside a non-letter or at the text's edge;
    * ``zwnj.remove.double``: keep one ZWNJ of a run between two letters;
    * ``zwnj.remove.nonjoiner``: remove a ZWNJ after a non-joining letter
      (only with ``nonjoiner=NonJoiner.REMOVE``).
    * ``zwnj.remove.inside``: remove a writer's ZWNJs inside a word the lexicon knows only
      glued when one parts it into pieces no writer would mean (``میز‌ان`` → ``میزان``).

    A NamedTuple, not a frozen dataclass: a text yields one per repaired seam, and a frozen
    dataclass's ``__init__`` costs about three times a tuple's (same fields, repr and
    immutability as before).
    """

    start: int
    end: int
    replacement: str
    rule: str


#: (repairs inside the chunk as (start, end, replacement, rule), repaired chunk, key of the
#: opening word, key of the closing word, which words the opening word may join (True: any,
#: a set: only those heads, False: none), chunk ends in a digit, closing word is «می»-like,
#: how much its glued splits show a line whose ZWNJs were dropped (see GLUED_LINE_WEIGHT),
#: the chunk's other (repairs, repaired chunk) when its one word ends in an ambiguous «های»
#: that the next word decides (see ZwnjRepairer._in_context), else None, its fact bits (see
#: _FACT_NOTED))
ChunkInfo: TypeAlias = tuple[
    tuple[tuple[int, int, str, str], ...],
    str,
    str,
    str,
    "bool | frozenset[str]",
    bool,
    bool,
    int,
    "tuple[tuple[tuple[int, int, str, str], ...], str] | None",
    int,
]


# fields of ChunkInfo read in the hot loops, as C-level getters
_REPAIRS: Final = itemgetter(0)
_FIXED: Final = itemgetter(1)
_JOINABLE: Final = itemgetter(4)
_PREFIX_LAST: Final = itemgetter(6)
#: the ChunkInfo field of a chunk's glued weight (summed per line by _field_sum)
_GLUED_WEIGHT_FIELD: Final = 7
#: the ChunkInfo field of a chunk's fact bits (or-ed per line by _field_or): what the engine
#: noted of the chunk when it analysed it, so that a line asks its chunks once, in one C pass,
#: instead of testing them against a set per fact (ZwnjRepairer._chunk_fact_bits)
_FACTS_FIELD: Final = 9
#: fact bit: the chunk is in ZwnjRepairer._noted_chunks (a whole word, another reading, an
#: Arabic opener, a closing verbal prefix); read from GLUED_ALL infos, whose analysis notes
#: whatever an analysis at another level notes (see ZwnjRepairer._chunk_fact_bits)
_FACT_NOTED: Final = 1
#: fact bit: the chunk is in ZwnjRepairer._looked_chunks (a changed line looks at it in context)
_FACT_LOOKED: Final = 2
#: fact bit: the chunk closes with a verbal prefix («می»: field 6 true)
_FACT_PREFIX_LAST: Final = 4
#: fact bit: the chunk opens with a spaced plural (its first key in SPACED_PLURALS: «ها»)
_FACT_SPACED_PLURAL: Final = 8
#: fact bit: the chunk is in ZwnjRepairer._arabic_chunks (opens with an Arabic function word)
_FACT_ARABIC: Final = 16
#: fact bit: a writer's ZWNJ inside one of the chunk's words goes (ZwnjRepairer._stray_inside)
_FACT_STRAY_INSIDE: Final = 32
#: No chunk index (ZwnjRepairer._joins_of: the chunks after a bare «بی» of most lines).
_NO_CHUNKS: Final[frozenset[int]] = frozenset()
