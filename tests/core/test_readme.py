"""The README's examples run and say what khabar really does (docs that never run drift)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_fix_examples_in_the_readme_are_true():
    import khabar

    text = README.read_text(encoding="utf-8")
    examples = re.findall(r'khabar\.fix\("([^"]+)"\)\s+# \'([^\']+)\'', text)
    assert examples, "the README should show khabar.fix with its output"
    for given, shown in examples:
        assert khabar.fix(given) == shown


def test_quick_start_is_exactly_two_commands():
    text = README.read_text(encoding="utf-8")
    block = text.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]


def test_every_cli_command_is_in_the_readme():
    from khabar.cli import app

    text = README.read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert names and all(f"khabar {n}" in text for n in names), names
