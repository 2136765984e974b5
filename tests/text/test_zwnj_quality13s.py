"""ZWNJ engine, spaced text (issue #3, session 13): «درحالی که», the half-joined conjunction.
Each row was written and checked by hand, with rows that must not change. Notes and numbers:
bench/zwnj/quality13s.md.

Z below is U+200C ZERO WIDTH NON-JOINER.
"""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer

from .zwnj_check import check_repair

Z = "\u200c"

DARHALI_ROWS = [
    # «درحالی» (در + حالی glued) then «که» apart: the writer's ZWNJ was lost. The engine
    # already wrote the glued «درحالیکه» so; now the spaced one too, in a line that writes no
    # ZWNJ of its own
    ("او رفت درحالی که باران می بارید", f"او رفت درحالی{Z}که باران می{Z}بارید"),
    ("درحالی که", f"درحالی{Z}که"),
    ("او درحالی که پرونده این کار را بست", f"او درحالی{Z}که پرونده این کار را بست"),
    # unchanged behaviour beside it: the glued spelling is split at the same seam
    ("او رفت درحالیکه باران بارید", f"او رفت درحالی{Z}که باران بارید"),
    # must not change: three words, the treebanks' spelling
    ("او رفت در حالی که باران بارید", "او رفت در حالی که باران بارید"),
    # must not change: «درحالی است که» (this is while ...), که is not next to درحالی
    ("این درحالی است که او رفت", "این درحالی است که او رفت"),
    # must not change: a longer word after it
    ("درحالی کهنه", "درحالی کهنه"),
    # must not change: a line that writes its own ZWNJs is trusted, as everywhere in the engine
    ("فارس: درحالی که شبکه‌های مختلف خبر دادند", "فارس: درحالی که شبکه‌های مختلف خبر دادند"),
    # must not change: already written with its ZWNJ
    (f"او رفت درحالی{Z}که باران بارید", f"او رفت درحالی{Z}که باران بارید"),
]


@pytest.mark.parametrize(("text", "expected"), DARHALI_ROWS)
def test_darhali_ke(rep: ZwnjRepairer, text: str, expected: str) -> None:
    check_repair(rep, text, expected)
