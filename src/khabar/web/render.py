"""Turn one output row into what the document page shows: the clean text as lines, each repair
marked where it stands, and each removed boilerplate line put back (struck) where it stood.

Pure functions over plain data (no web framework): the page template only loops over the result,
and Jinja2's autoescape escapes every piece of text, so nothing here builds HTML.

Repairs carry ``offset``: where ``after`` starts in the clean text. A repair whose ``after`` is not
found at its offset (a later step moved the text) or that overlaps another is not guessed at: it
is listed in :attr:`Rendered.unplaced_edits`.

Removed lines carry their text and the index of the line at the time of removal; they are found
again among the lines of ``raw`` (the text as read), and shown after the nearest earlier raw line
that survives in the clean text. Lines are compared by :func:`khabar.corpus.keys.spaceless`, so a
repaired line (ZWNJ inserted, letters or digits folded) still matches its raw form. A removed line
that is not in ``raw`` (HTML blocks, ``keep_raw=false``) goes to :attr:`Rendered.unplaced_removed`.

>>> r = render("ab xy\\n\\nfooter?", [{"offset": 3, "before": "x", "after": "xy", "rule": "r1"}],
...            raw="ab x\\n\\nfooter?\\nads", removed=[{"text": "ads", "reason": "bp", "line": 3}])
>>> [[(s.text, s.edit is not None) for s in line.segments] for line in r.lines if line.removed is None]
[[('ab ', False), ('xy', True)], [], [('footer?', False)]]
>>> [(i, line.removed["text"]) for i, line in enumerate(r.lines) if line.removed]
[(3, 'ads')]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from khabar.corpus.keys import spaceless

#: Unicode categories drawn as a marker when they are all a repair produced: spaces, format chars
_INVISIBLE = frozenset({"Zs", "Cf", "Cc"})

__all__ = ["Line", "Rendered", "Segment", "mark_edits", "place_removed", "render", "split_lines"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text; ``edit`` is the repair that produced it (None for untouched text)."""

    text: str
    edit: dict[str, Any] | None = None

    @property
    def invisible(self) -> bool:
        """True for text a reader cannot see (ZWNJ, spaces): the page draws a marker for it.

        >>> Segment("\u200c").invisible, Segment(" \u00a0").invisible, Segment("ی").invisible
        (True, True, False)
        """
        return bool(self.text) and all(unicodedata.category(c) in _INVISIBLE for c in self.text)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the page: clean text (``segments``) or a removed line (``removed``)."""

    segments: tuple[Segment, ...] = ()
    removed: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Rendered:
    lines: list[Line]
    unplaced_edits: list[dict[str, Any]] = field(default_factory=list)
    unplaced_removed: list[dict[str, Any]] = field(default_factory=list)


def mark_edits(text: str, edits: Sequence[dict[str, Any]]) -> tuple[list[Segment], list[dict[str, Any]]]:
    """Split ``text`` into plain and repaired segments; return them and the edits not placed.

    An empty ``after`` (a deletion) becomes an empty marked segment at its offset.

    >>> segs, bad = mark_edits("می‌باشد", [{"offset": 0, "before": "می ", "after": "می‌", "rule": "zwnj"},
    ...                                    {"offset": 5, "before": "x", "after": "zz", "rule": "r"}])
    >>> [(s.text, s.edit["rule"] if s.edit else None) for s in segs], [e["rule"] for e in bad]
    ([('می\u200c', 'zwnj'), ('باشد', None)], ['r'])
    """
    placed: list[dict[str, Any]] = []
    unplaced: list[dict[str, Any]] = []
    end = 0
    for e in sorted(edits, key=lambda e: (e.get("offset") or 0, len(e.get("after") or ""))):
        offset, after = e.get("offset"), e.get("after") or ""
        if (not isinstance(offset, int) or offset < end or offset + len(after) > len(text)
                or text[offset:offset + len(after)] != after):
            unplaced.append(e)
            continue
        placed.append(e)
        end = offset + len(after)
    segments: list[Segment] = []
    pos = 0
    for e in placed:
        offset, after = e["offset"], e.get("after") or ""
        if offset > pos:
            segments.append(Segment(text[pos:offset]))
        segments.append(Segment(after, e))
        pos = offset + len(after)
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments, unplaced


def split_lines(segments: Sequence[Segment]) -> list[tuple[Segment, ...]]:
    """Cut segments at newlines into lines (a repair spanning a newline is marked on both lines).

    >>> [[s.text for s in line] for line in split_lines([Segment("a\\nb"), Segment("c", {})])]
    [['a'], ['b', 'c']]
    """
    lines: list[list[Segment]] = [[]]
    for seg in segments:
        parts = seg.text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part or (seg.edit is not None and len(parts) == 1):
                lines[-1].append(Segment(part, seg.edit))
    return [tuple(line) for line in lines]


def _find_raw_line(keys: list[str], key: str, hint: int, used: set[int]) -> int | None:
    """Index of the unused raw line equal to ``key``, preferring the first at or after ``hint``."""
    candidates = [i for i, k in enumerate(keys) if k == key and i not in used]
    if not candidates:
        return None
    after = [i for i in candidates if i >= hint]
    return after[0] if after and hint >= 0 else candidates[0]


def place_removed(clean_lines: Sequence[str], raw: str, removed: Sequence[dict[str, Any]]
                  ) -> tuple[dict[int, list[dict[str, Any]]], list[dict[str, Any]]]:
    """Where each removed line goes: ``{clean line index: [removed after it]}`` (-1 = before the
    first line), and the removed lines that cannot be placed.

    >>> place_removed(["title", "", "body"], "title\\nads\\n\\nbody\\nfoot", [
    ...     {"text": "foot", "reason": "f", "line": 4}, {"text": "ads", "reason": "a", "line": 1},
    ...     {"text": "gone", "reason": "g", "line": -1}])
    ({0: [{'text': 'ads', 'reason': 'a', 'line': 1}], 2: [{'text': 'foot', 'reason': 'f', 'line': 4}]}, [{'text': 'gone', 'reason': 'g', 'line': -1}])
    """
    raw_keys = [spaceless(line) for line in raw.split("\n")] if raw else []
    at: dict[int, dict[str, Any]] = {}
    unplaced: list[dict[str, Any]] = []
    for r in removed:
        key = spaceless(r.get("text") or "")
        hint = r.get("line") if isinstance(r.get("line"), int) else -1
        i = _find_raw_line(raw_keys, key, hint, set(at)) if key else None
        if i is None:
            unplaced.append(r)
        else:
            at[i] = r
    # align the surviving raw lines with the clean lines, in order
    clean_keys = [spaceless(line) for line in clean_lines]
    anchor: dict[int, int] = {}
    c = 0
    for j, key in enumerate(raw_keys):
        if j in at or not key:
            continue
        for k in range(c, len(clean_keys)):
            if clean_keys[k] == key:
                anchor[j] = k
                c = k + 1
                break
    places: dict[int, list[dict[str, Any]]] = {}
    for j in sorted(at):
        before = [anchor[i] for i in anchor if i < j]
        after = [anchor[i] for i in anchor if i > j]
        if before:
            places.setdefault(max(before), []).append(at[j])
        elif after:
            places.setdefault(min(after) - 1, []).append(at[j])
        else:
            unplaced.append(at[j])
    return places, unplaced


def render(text: str, edits: Sequence[dict[str, Any]], *, raw: str = "",
           removed: Sequence[dict[str, Any]] = ()) -> Rendered:
    """The document page's lines: clean text with repairs marked and removed lines in place."""
    segments, unplaced_edits = mark_edits(text, edits)
    seg_lines = split_lines(segments)
    clean_lines = text.split("\n")
    places, unplaced_removed = place_removed(clean_lines, raw, removed)
    lines: list[Line] = [Line(removed=r) for r in places.get(-1, [])]
    for k, segs in enumerate(seg_lines):
        lines.append(Line(segments=segs))
        lines.extend(Line(removed=r) for r in places.get(k, []))
    return Rendered(lines, unplaced_edits, unplaced_removed)
