"""What the ZWNJ engine's rule tables share: one default engine per module (``rep``); the check
each table row goes through is ``zwnj_check.check_repair``."""

from __future__ import annotations

import pytest

from khabar.text.zwnj import ZwnjRepairer, default_repairer


@pytest.fixture(scope="module")
def rep() -> ZwnjRepairer:
    return default_repairer()
