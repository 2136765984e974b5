"""The check every row of the ZWNJ engine's rule tables goes through."""

from __future__ import annotations

from khabar.text.zwnj import ZwnjRepairer, apply_repairs


def check_repair(rep: ZwnjRepairer, text: str, expected: str) -> None:
    """``text`` repairs to ``expected`` both ways (``repair``, and ``find_repairs`` applied),
    and ``expected`` stays as it is (idempotence)."""
    assert rep.repair(text) == expected
    assert apply_repairs(text, rep.find_repairs(text)) == expected
    assert rep.repair(expected) == expected
