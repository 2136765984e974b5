"""`khabar fix` builds only the [fix] section of the configuration.

Building every section's defaults imports every step's module (readers, HTML extraction,
boilerplate, quality, dedup); `khabar fix` uses none of them, and they cost about 16 % of a
one-line run's start-up (bench/fix/startup18s.md). Checked in a fresh interpreter, since this
test process has long imported them all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = """
import json, sys
from khabar.cli import app
try:
    app(["fix", *sys.argv[1:]], standalone_mode=False)
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.startswith("khabar"))))
"""

NOT_NEEDED = ("khabar.io.readers", "khabar.extract.html", "khabar.news.boilerplate",
              "khabar.corpus.quality", "khabar.corpus.dedup")


def run_fix(text: str, *args: str, **env: str) -> tuple[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], input=text.encode(), capture_output=True,
        env={**os.environ, "KHABAR_PURE": "1", **env}, check=True, timeout=120,
    )
    return done.stdout.decode(), json.loads(done.stderr.decode().splitlines()[-1])


def test_fix_imports_no_other_section_module() -> None:
    out, modules = run_fix("ميباشد\n")
    assert out == "می\u200cباشد\n"
    assert "khabar.text.policy" in modules
    assert [m for m in NOT_NEEDED if m in modules] == []


def test_fix_still_reads_its_own_environment_and_set() -> None:
    out, _ = run_fix("١٢ ميباشد\n", KHABAR_FIX__DIGITS="latin")
    assert out == "12 می\u200cباشد\n"
    out, _ = run_fix("١٢\n", "--set", "digits=persian")
    assert out == "۱۲\n"
