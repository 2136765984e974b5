"""The project's only conftest: fixtures shared by every test folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = ROOT / "examples"
# ../shared is beside the repository on developer machines and in CI, never in a user's clone.
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """Path of ../shared; tests that use it skip cleanly when it is absent (a user's clone)."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared is not present at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="module")
def io_dir(fixtures: Path) -> Path:
    """The reader fixtures (tests/fixtures/io, built by scripts/build_fixtures.py)."""
    return fixtures / "io"


@pytest.fixture(scope="module")
def sentences(io_dir: Path) -> list[str]:
    """The six CC BY-SA sentences the reader fixtures are made of."""
    return (io_dir / "source_ud.txt").read_text(encoding="utf-8").splitlines()
