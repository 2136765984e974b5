"""Session 21's leftovers of the fuzz campaign on ``khabar.fix`` (bench/fix/audit21d.md): each
row fails on the session's start (/work/base21) or guards a must-not-change case checked there
by hand. Expected outputs worked out by hand."""

from __future__ import annotations

from pathlib import Path

from .scripts import build_module

Z = "\u200c"
LEXICON_DIR = Path(__file__).resolve().parents[2] / "src" / "khabar" / "data" / "lexicon"


# ---- 4. no shipped lexicon form holds a ZWNJ run ---------------------------------------------


def test_no_shipped_form_has_a_zwnj_run() -> None:
    # the treebanks wrote six tokens with two ZWNJs (شده‌‌اند, آیت‌‌الله ...): the engine
    # inserted the run as written (session 20 deduplicated its seams; the data kept them)
    runs = []
    for path in sorted(LEXICON_DIR.glob("*.t[sx][vt]")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#") and Z * 2 in line:
                runs.append((path.name, line))
    assert runs == []


def test_build_writes_one_zwnj_for_a_run(tmp_path: Path) -> None:
    build = build_module()
    train = tmp_path / "train.txt"
    train.write_text(f"آنها شده{Z}{Z}اند و شده{Z}اند\n", encoding="utf-8")
    counts = build.count_forms(build.read_lines([train]))
    assert counts[f"شده{Z}اند"] == 2
    assert not [form for form in counts if Z * 2 in form]
