"""`import khabar` must stay light: no heavy or optional library is imported with it."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ["pyarrow", "numpy", "pandas", "resiliparse", "fastwarc", "datasketch", "lingua", "ray",
         "fastapi", "typer", "rich", "regex", "zstandard", "charset_normalizer"]


def test_import_khabar_is_light():
    code = ("import sys, khabar; import khabar.document, khabar.errors, khabar.config; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_fix_needs_nothing_heavy():
    code = ("import sys, khabar; khabar.fix('میباشد'); "
            f"print([m for m in {HEAVY!r} if m in sys.modules and m not in ('regex',)])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
