"""The report package itself: light to import, docstring examples that run."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest

MODULES = ["khabar.report.charts", "khabar.report.gather", "khabar.report.render"]


def test_import_is_light() -> None:
    code = ("import sys, khabar.report; "
            "print([m for m in ('pyarrow', 'numpy') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0


def test_static_files_ship_with_the_package() -> None:
    from importlib import resources

    static = resources.files("khabar.report").joinpath("static")
    assert {p.name for p in static.iterdir()} >= {"report.html", "report.css"}
