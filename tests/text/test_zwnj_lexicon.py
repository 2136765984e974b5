"""The shipped ZWNJ lexicon: the build script reproduces it, and it loads as documented."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from khabar.text.lexicon import Lexicon, LexiconError, fold, parse_counts
from khabar.text.zwnj import ZwnjRepairer

from .scripts import build_module

Z = "\u200c"


def test_build_script_reproduces_the_shipped_lexicon(shared: Path) -> None:
    build = build_module()
    sources = [shared / "data/ud_perdt/train.txt", shared / "data/ud_seraji/train.txt"]
    assert build.main([*map(str, sources), "--treebanks-only", "--check"]) == 0


def test_build_script_reproduces_the_shipped_word_lists(shared: Path) -> None:
    """Needs shekar 1.7.0's data files: skipped unless shekar is importable here or
    $KHABAR_SHEKAR_DIR names its ``shekar/data/files`` folder (shekar is not a dependency);
    likewise hazm 0.10.0's ``hazm/data`` and wordfreq 3.1.1's ``wordfreq/data`` (the web
    words file is checked too)."""
    build = build_module()
    folder = build.find_shekar_dir(None)
    if folder is None or build.check_shekar_dir(folder):
        pytest.skip("shekar 1.7.0 data files not found; set KHABAR_SHEKAR_DIR to check them")
    hazm = build.find_hazm_dir(None)
    if hazm is None or build.check_hazm_dir(hazm):
        pytest.skip("hazm 0.10.0's words.dat not found; set KHABAR_HAZM_DIR to check it")
    wordfreq = build.find_wordfreq_dir(None)
    if wordfreq is None or build.check_wordfreq_dir(wordfreq):
        pytest.skip("wordfreq 3.1.1's Persian list not found; set KHABAR_WORDFREQ_DIR to check it")
    sources = [shared / "data/ud_perdt/train.txt", shared / "data/ud_seraji/train.txt"]
    argv = [
        *map(str, sources),
        *("--shekar-dir", str(folder), "--hazm-dir", str(hazm)),
        *("--wordfreq-dir", str(wordfreq), "--check"),
    ]
    assert build.main(argv) == 0


def test_build_refuses_a_folder_without_shekar_files(tmp_path: Path) -> None:
    build = build_module()
    assert "vocab.csv" in build.check_shekar_dir(tmp_path)


def test_list_counts_selects_and_pairs_by_hand(tmp_path: Path) -> None:
    """A toy shekar folder; each expected form reasoned by hand."""
    build = build_module()
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


def _hazm_folder(root: Path, version: str, rows: str) -> Path:
    """A toy ``site-packages/hazm/data`` with ``words.dat`` and a dist-info of ``version``."""
    site = root / "site-packages"
    data = site / "hazm" / "data"
    data.mkdir(parents=True)
    (site / f"hazm-{version}.dist-info").mkdir()
    (site / f"hazm-{version}.dist-info" / "METADATA").write_text(
        f"Name: hazm\nVersion: {version}\n"
    )
    (data / "words.dat").write_text(rows, encoding="utf-8")
    return data


def test_check_hazm_dir_wants_words_dat_of_0_10_0(tmp_path: Path) -> None:
    build = build_module()
    assert "words.dat" in build.check_hazm_dir(tmp_path)
    old = _hazm_folder(tmp_path / "old", "0.9.4", "آب\t5\tN\n")
    assert "hazm 0.9.4" in build.check_hazm_dir(old)
    assert build.check_hazm_dir(_hazm_folder(tmp_path / "ok", "0.10.0", "آب\t5\tN\n")) is None


def test_hazm_rows_fold_and_reject_another_shape(tmp_path: Path) -> None:
    build = build_module()
    good = _hazm_folder(tmp_path / "good", "0.10.0", "كتاب\t7\tN\nآب\t0\t0\n")
    assert list(build.hazm_rows(good)) == [("کتاب", 7, "N"), ("آب", 0, "0")]  # ك folded
    bad = _hazm_folder(tmp_path / "bad", "0.10.0", "آب\t5\tN\nکتاب,7\n")
    with pytest.raises(ValueError, match="words.dat:2"):
        list(build.hazm_rows(bad))


def test_hazm_counts_select_by_treebank_rules_by_hand(tmp_path: Path) -> None:
    """A toy TRAIN and a toy words.dat: one candidate for each rule, reasoned by hand."""
    build = build_module()
    train = Counter(
        {
            # words written alone
            "راست": 5,
            "گرا": 3,
            "صفا": 2,
            "آب": 9,
            "میوه": 4,
            "فروش": 3,
            "بررسی": 4,
            "شده": 30,
            "کارت": 6,
            "ملی": 8,
            "حسین": 3,
            "علی": 7,
            "قانون": 5,
            "باره": 2,
            "پنج": 4,
            "شیر": 3,
            # «مند» glued after five words the treebanks also write alone ...
            "قدرت": 2,
            "قدرتمند": 2,
            "ثروت": 1,
            "ثروتمند": 1,
            "هنر": 3,
            "هنرمند": 4,
            "دانش": 3,
            "دانشمند": 5,
            "سود": 2,
            "سودمند": 1,
            # ... and once after a ZWNJ
            f"علاقه{Z}مند": 3,
            f"چپ{Z}گرا": 2,
            f"بی{Z}تاب": 3,
            f"انجام{Z}شده": 1,
            # pairs written apart: «شده» after a word 5 times, after a ZWNJ once
            "انجام شده": 3,
            "ساخته شده": 2,
            "کارت ملی": 2,
        }
    )
    rows = "".join(
        f"{word}\t{n}\tN\n"
        for word, n in [
            (f"راست{Z}گرا", 10),  # kept, with its spaced pair
            (f"بی{Z}صفا", 3),  # kept; «بی» is an affix: no spaced pair
            (f"آب{Z}میوه{Z}فروش", 2),  # kept: three pieces, no pair
            (f"چپ{Z}گرا", 5),  # TRAIN wrote the key: its counts decide
            (f"پنج{Z}شیر", 30),
            ("پنجشیر", 900),  # hazm writes it glued more often
            (f"دراین{Z}باره", 4),  # «دراین» is no TRAIN word and never beside a ZWNJ
            (f"حسین{Z}علی", 8),  # starts with a given name
            (f"کارت{Z}ملی", 6),  # TRAIN writes «کارت ملی» apart
            (f"بررسی{Z}شده", 9),  # «شده»: a participle TRAIN writes apart 5 : 1
            (f"قانون{Z}مند", 7),  # TRAIN glues «مند» in 5 word types, 1 after a ZWNJ
            (f"ه{Z}هارمونیه", 1),  # a one-letter piece
            (f"گله{Z}دار8602", 0),  # not letters only
        ]
    )
    folder = _hazm_folder(tmp_path, "0.10.0", rows)
    seen = {f.replace(Z, "") for f in train if " " not in f}
    out, dropped = build.hazm_counts(folder, seen, {"بی", "ها"}, train, {"حسین"})
    assert dict(out) == {f"راست{Z}گرا": 1, "راست گرا": 1, f"بی{Z}صفا": 1, f"آب{Z}میوه{Z}فروش": 1}
    assert dict(dropped) == {
        "glued more often": 1,
        "unknown piece": 1,
        "given name": 1,
        "written apart": 1,
        "participle apart": 1,
        "glued piece": 1,
    }


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


#: Words decided by hazm 0.10.0's forms (the treebanks never wrote their letters), each read
#: by hand: (input, output of the shipped lexicon, why).
HAZM_ROWS = [
    ("یکطرفه", f"یک{Z}طرفه", "one-sided: hazm writes یک‌طرفه"),
    ("یکضرب", f"یک{Z}ضرب", "in one go"),
    ("نمکسود", f"نمک{Z}سود", "salt-cured, as PerDT dev writes it"),
    ("بیاصل", f"بی{Z}اصل", "baseless"),
    ("راست گرا", f"راست{Z}گرا", "right-wing: TRAIN never wrote the two words apart"),
    ("خوش بینانه", f"خوش{Z}بینانه", "optimistic(ally)"),
    # must not change
    ("بررسی شده", "بررسی شده", "TRAIN writes «شده» after a word apart 1,060 : 239"),
    ("پایان یافته", "پایان یافته", "likewise «یافته»"),
    ("قانونمند", "قانونمند", "TRAIN glues «مند» (قدرتمند, ثروتمند ...)"),
    ("کشتیرانی", "کشتیرانی", "TRAIN glues «رانی» more often than after a ZWNJ"),
    ("همزیستی", "همزیستی", "TRAIN glues «هم» (همکاری) more often than hazm's هم‌"),
    ("تحلیلگر", "تحلیلگر", "TRAIN glues «گر»"),
    ("حسینعلی", "حسینعلی", "a given name keeps its writer's spelling"),
    ("جهانبخش", "جهانبخش", "a surname (reviewed exception), not hazm's جهان‌بخش"),
    ("رضوانشهر", "رضوانشهر", "a city of Gilan (reviewed exception)"),
]


@pytest.mark.parametrize(("text", "expected", "why"), HAZM_ROWS)
def test_hazm_words_decide_unseen_compounds_as_treebanks_would(
    text: str, expected: str, why: str
) -> None:
    assert ZwnjRepairer(Lexicon.load()).repair(text) == expected, why


def test_build_counts_tokens_and_pairs() -> None:
    build = build_module()
    lines = [("ud_perdt", f"کتاب{Z}ها را می{Z}خواند و کتاب ها را."), ("ud_perdt", "به منظور")]
    counts = build.count_forms(lines)
    assert counts[f"کتاب{Z}ها"] == 1
    assert counts["کتاب ها"] == 1  # the two words join into a seen token: kept as a pair
    assert counts["به"] == 1 and counts["منظور"] == 1
    assert "به منظور" not in counts  # seen once, and «بهمنظور» never seen as one token


def test_seraji_glued_plurals_do_not_outvote_the_zwnj() -> None:
    build = build_module()
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
