"""The garbage-collector tuning shared by ``khabar refine`` and ``khabar fix``: it must put the
collector back as it found it, even when the block raises, and change no output."""

from __future__ import annotations

import doctest
import gc

import pytest

from khabar import gc_tuning
from khabar.gc_tuning import YOUNG_THRESHOLD, frozen_heap, rare_young_collections


def test_docstring_examples() -> None:
    result = doctest.testmod(gc_tuning)
    assert result.attempted > 0 and result.failed == 0


def test_thresholds_come_back_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(ValueError), rare_young_collections():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, *before[1:])
        raise ValueError("boom")
    assert gc.get_threshold() == before


def test_the_heap_is_unfrozen_after_an_error() -> None:
    assert gc.get_freeze_count() == 0
    kept = [object() for _ in range(100)]
    with pytest.raises(ValueError), frozen_heap():
        assert gc.get_freeze_count() >= len(kept)
        raise ValueError("boom")
    assert gc.get_freeze_count() == 0


def test_khabar_fix_leaves_the_collector_as_it_was() -> None:
    from typer.testing import CliRunner

    from khabar.cli import app

    before = gc.get_threshold()
    # checked by hand: the verbal prefix and the plural get their ZWNJ, nothing else changes
    result = CliRunner().invoke(app, ["fix"], input="میشود کتابها\nسلام\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "می\u200cشود کتاب\u200cها\nسلام\n"
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
