"""Operations on a document's text that keep its edit offsets and removal records right."""

from __future__ import annotations

from collections.abc import Iterable

from khabar.document import Document, Edit, Removed


def remove_lines(doc: Document, indices: Iterable[int], reason: str) -> int:
    """Remove the lines at ``indices`` (0-based, in ``doc.text``) and record them as removed.

    Edits that fall inside a removed line are dropped; later edits move back by the removed
    length. Line indices recorded in ``doc.removed`` refer to the text before this removal.
    Returns the number of lines removed.

    >>> d = Document(id="x", text="a\\nبه\\nc")
    >>> d.edits = [Edit(2, "ب", "به", "t"), Edit(5, "", "c", "t")]
    >>> remove_lines(d, [1], "footer")
    1
    >>> d.text, d.edits
    ('a\\nc', [Edit(offset=2, before='', after='c', rule='t')])
    """
    drop = set(indices)
    if not drop:
        return 0
    lines = doc.text.split("\n")
    drop &= set(range(len(lines)))
    if not drop:
        return 0
    # character ranges [start, end) removed from the text: a line plus its following newline
    # (or the preceding newline for the last line)
    ranges: list[tuple[int, int]] = []
    pos = 0
    for i, line in enumerate(lines):
        end = pos + len(line)
        if i in drop:
            if i < len(lines) - 1:
                ranges.append((pos, end + 1))
            else:
                ranges.append((max(pos - 1, 0), end))
            doc.removed.append(Removed(line, reason, i))
        pos = end + 1
    kept_edits: list[Edit] = []
    for e in doc.edits:
        shift = 0
        inside = False
        for a, b in ranges:
            if b <= e.offset and a != b:
                shift += b - a
            elif a <= e.offset < b:
                inside = True
                break
        if not inside:
            kept_edits.append(Edit(e.offset - shift, e.before, e.after, e.rule))
    doc.edits = kept_edits
    doc.text = "\n".join(line for i, line in enumerate(lines) if i not in drop)
    return len(drop)
