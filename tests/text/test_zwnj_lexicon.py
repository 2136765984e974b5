"""The shipped ZWNJ lexicon: the build script reproduces it, and it loads as documented."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from khabar.text.lexicon import Lexicon, LexiconError, fold, parse_counts

ROOT = Path(__file__).resolve().parents[2]
Z = "\u200c"


def _build_module():  # scripts/ is not a package: load the script by path
    spec = importlib.util.spec_from_file_location(
        "build_lexicon", ROOT / "scripts" / "build_lexicon.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script_reproduces_the_shipped_lexicon(shared: Path) -> None:
    build = _build_module()
    sources = [shared / "data/ud_perdt/train.txt", shared / "data/ud_seraji/train.txt"]
    assert build.main([*map(str, sources), "--check"]) == 0


def test_build_counts_tokens_and_pairs() -> None:
    build = _build_module()
    lines = [("ud_perdt", f"کتاب{Z}ها را می{Z}خواند و کتاب ها را."), ("ud_perdt", "به منظور")]
    counts = build.count_forms(lines)
    assert counts[f"کتاب{Z}ها"] == 1
    assert counts["کتاب ها"] == 1  # the two words join into a seen token: kept as a pair
    assert counts["به"] == 1 and counts["منظور"] == 1
    assert "به منظور" not in counts  # seen once, and «بهمنظور» never seen as one token


def test_seraji_glued_plurals_do_not_outvote_the_zwnj() -> None:
    build = _build_module()
    lines = [("ud_seraji", "ارزشها ارزشها ارزش"), ("ud_perdt", f"ارزش{Z}ها")]
    counts = build.count_forms(lines)
    assert counts["ارزشها"] == 0 and counts[f"ارزش{Z}ها"] == 1
    # glued in another source too: a word, not a glued plural
    counts = build.count_forms([("ud_seraji", "تنها تن"), ("ud_perdt", "تنها")])
    assert counts["تنها"] == 2


def test_shipped_lexicon_loads_and_knows_the_traps() -> None:
    lex = Lexicon.load()
    assert lex.best_form("میلیون") == "میلیون"
    assert lex.best_form("میباشد") == f"می{Z}باشد"
    assert "می" in lex.verbal_prefixes and "ها" in lex.bound_suffixes
    assert lex.suffix_share("ها", "کتاب") > 0.9
    assert lex.suffix_share("شان", "آزمون") < 0.5  # PerDT writes «آزمونشان» glued


def test_parse_counts_rejects_malformed_lines() -> None:
    with pytest.raises(LexiconError, match="line 2"):
        parse_counts("میلیون\t3\nخراب\n", "x.tsv")


def test_fold_keeps_lengths_for_letters() -> None:
    assert fold("تأمین") == "تامین"
    assert fold("ي ك") == "ی ک"
    assert fold("نقطهٔ") == "نقطه"
