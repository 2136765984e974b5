"""Importing the readers, and reading JSONL, loads none of the heavy or optional libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

HEAVY = ["pyarrow", "numpy", "fastwarc", "zstandard", "charset_normalizer", "resiliparse"]
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "io" / "docs.jsonl"


def loaded_after(code: str) -> list[str]:
    probe = f"import sys; {code}; print([m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return ast.literal_eval(out.stdout.strip())


def test_import_readers_is_light():
    assert loaded_after("import khabar.io.readers") == []


def test_reading_jsonl_needs_nothing_heavy():
    code = (
        "from khabar.io.readers import expand_inputs, read_file; "
        f"[inp] = expand_inputs([{str(FIXTURE)!r}]); list(read_file(inp))"
    )
    assert loaded_after(code) == []
