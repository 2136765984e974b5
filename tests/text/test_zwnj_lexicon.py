"""The shipped ZWNJ lexicon: the build script reproduces it, and it loads as documented."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from khabar.text.lexicon import Lexicon, LexiconError, fold, parse_counts
from khabar.text.zwnj import ZwnjRepairer

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
    assert build.main([*map(str, sources), "--treebanks-only", "--check"]) == 0


def test_build_script_reproduces_the_shipped_word_lists(shared: Path) -> None:
    """Needs shekar 1.7.0's data files: skipped unless shekar is importable here or
    $KHABAR_SHEKAR_DIR names its ``shekar/data/files`` folder (shekar is not a dependency)."""
    build = _build_module()
    folder = build.find_shekar_dir(None)
    if folder is None or build.check_shekar_dir(folder):
        pytest.skip("shekar 1.7.0 data files not found; set KHABAR_SHEKAR_DIR to check them")
    sources = [shared / "data/ud_perdt/train.txt", shared / "data/ud_seraji/train.txt"]
    assert build.main([*map(str, sources), "--shekar-dir", str(folder), "--check"]) == 0


def test_build_refuses_a_folder_without_shekar_files(tmp_path: Path) -> None:
    build = _build_module()
    assert "vocab.csv" in build.check_shekar_dir(tmp_path)


def test_list_counts_selects_and_pairs_by_hand(tmp_path: Path) -> None:
    """A toy shekar folder; each expected form reasoned by hand."""
    build = _build_module()
    site = tmp_path / "site-packages"
    files = site / "shekar" / "data" / "files"
    files.mkdir(parents=True)
    (site / "shekar-1.7.0.dist-info").mkdir()
    (site / "shekar-1.7.0.dist-info" / "METADATA").write_text("Name: shekar\nVersion: 1.7.0\n")
    (files / "compound_words.csv").write_text(
        f"آبله{Z}مرغان\nپنج{Z}شیر\nآبدار#خانه\nکتاب{Z}ها\n", encoding="utf-8"
    )
    (files / "vocab.csv").write_text(
        f"پنجشیر,900\nپنج{Z}شیر,30\nسخت{Z}کوش,50\nسختکوش,10\n", encoding="utf-8"
    )
    (files / "verbs.csv").write_text("آموز,آموخت,,\n", encoding="utf-8")
    assert build.check_shekar_dir(files) is None
    out = build.list_counts(files, seen_keys={"کتابها"}, affixes={"ها", "می"})
    assert out[f"آبله{Z}مرغان"] == 1 and out["آبله مرغان"] == 1  # two words: both spellings
    assert f"پنج{Z}شیر" not in out  # glued 900 times on the web, 30 with a ZWNJ
    assert out["آبدارخانه"] == 1  # «#» marks a glued compound
    assert f"کتاب{Z}ها" not in out  # the treebanks saw it: their counts decide
    assert out[f"سخت{Z}کوش"] == 1
    assert out[f"می{Z}آموزند"] == 1 and out[f"نمی{Z}آموخت"] == 1
    assert "می آموزند" not in out  # «می» is an affix: no spaced pair


def test_word_list_forms_do_not_teach_morphology() -> None:
    lists = {f"دوست{Z}نامه": 1, f"یاد{Z}نامه": 1, f"می{Z}آموزند": 1}
    # «می» is a verbal prefix only with 20 sightings on the left of a ZWNJ
    lex = Lexicon.from_counts({"نامه": 40, "هر": 50, "دوست": 9, f"می{Z}رود": 30}, lists)
    assert lex.best_form("دوستنامه") == f"دوست{Z}نامه"
    assert lex.right_count["نامه"] == 0 and "نامه" not in lex.bound_suffixes
    assert "آموزند" in lex.verb_remainders


def test_shipped_word_lists_know_rare_compounds_but_not_the_traps() -> None:
    lex = Lexicon.load()
    assert lex.best_form("آبلهمرغان") == f"آبله{Z}مرغان"  # chickenpox: not in the treebanks
    assert lex.best_form("قدسسره") == f"قدس{Z}سره"  # glued: split ...
    repairer = ZwnjRepairer(lex)
    assert repairer.repair("(قدس سره)") == "(قدس سره)"  # ... spaced: as the author wrote it
    for word in ("میلیون", "میروسلاو", "خاورمیانه", "میهن", "پنجشیر", "قانونمند", "تبهکاری"):
        assert repairer.repair(word) == word


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
