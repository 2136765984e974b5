"""Session 20's correctness bundle on ``khabar.fix`` (bench/fix/audit20d.md): defects found by
the fuzz campaign ``bench/fix/fuzz20.py`` and by hand, each a row that fails on the session's
start (/work/base20). Expected outputs worked out by hand."""

from __future__ import annotations

from khabar.text.fix import _policy_fixer
from khabar.text.policy import FixPolicy


def test_policies_share_the_shipped_engine() -> None:
    # every FixPolicy whose engine was not the default one loaded its own lexicon (~30 MB and
    # ~1 s each): a process fixing under many policies grew without bound (the fuzz campaign
    # was killed by the kernel at 11 and 21 GB). Policies with the same engine options now
    # share one engine, and every engine reads the one shipped lexicon.
    trust_none = _policy_fixer(FixPolicy.from_kwargs(zwnj_trust="none")).repairer
    also = _policy_fixer(FixPolicy.from_kwargs(zwnj_trust="none", digits="latin")).repairer
    remove = _policy_fixer(FixPolicy.from_kwargs(zwnj_nonjoiner="remove")).repairer
    default = _policy_fixer(FixPolicy()).repairer
    assert trust_none is also
    assert trust_none is not default and remove is not default
    assert trust_none.lexicon is default.lexicon  # type: ignore[union-attr]
    assert remove.lexicon is default.lexicon  # type: ignore[union-attr]
