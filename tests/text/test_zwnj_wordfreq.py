"""wordfreq's Persian list as build-time evidence (session 16, zq16w; bench/zwnj/quality16w.md).

``scripts/build_lexicon.py --wordfreq-dir`` reads wordfreq 3.1.1's ``small_fa.msgpack.gz``
(CC BY-SA 4.0) at build time only. It adds ZWNJ words no other source wrote to
``zwnj_word_lists.tsv`` (selected as hazm's are), and writes ``zwnj_web_glued.txt``: glued words
the web never writes with a ZWNJ, which the engine's morphology then leaves whole. Every
expected value below was reasoned by hand.
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from khabar.text.lexicon import (
    SHIPPED_FILES,
    SHIPPED_WEB_GLUED,
    Lexicon,
    LexiconError,
    web_glued_keys,
)
from khabar.text.zwnj import ZwnjRepairer

from .scripts import build_module

ROOT = Path(__file__).resolve().parents[2]
Z = "\u200c"


def _wordfreq_folder(root: Path, version: str, pack: list[object]) -> Path:
    """A toy ``site-packages/wordfreq/data`` with a Persian cBpack and a dist-info."""
    msgpack = pytest.importorskip("msgpack")
    site = root / "site-packages"
    data = site / "wordfreq" / "data"
    data.mkdir(parents=True)
    (site / f"wordfreq-{version}.dist-info").mkdir()
    (site / f"wordfreq-{version}.dist-info" / "METADATA").write_text(
        f"Name: wordfreq\nVersion: {version}\n", encoding="utf-8"
    )
    with gzip.open(data / "small_fa.msgpack.gz", "wb") as handle:
        handle.write(msgpack.packb(pack, use_bin_type=True))
    return data


HEADER = {"format": "cB", "version": 1}


def test_check_wordfreq_dir_wants_the_persian_list_of_3_1_1(tmp_path: Path) -> None:
    build = build_module()
    assert "small_fa.msgpack.gz" in build.check_wordfreq_dir(tmp_path)
    old = _wordfreq_folder(tmp_path / "old", "3.0.2", [HEADER, ["و"]])
    assert "wordfreq 3.0.2" in build.check_wordfreq_dir(old)
    assert build.check_wordfreq_dir(_wordfreq_folder(tmp_path / "ok", "3.1.1", [HEADER])) is None


def test_wordfreq_words_fold_and_add_up_by_bucket(tmp_path: Path) -> None:
    build = build_module()
    # bucket i (after the header) holds the words of frequency 10 ** (-i / 100)
    pack = [HEADER, ["و"], [], ["كتاب", "کتاب"]]
    freq = build.wordfreq_words(_wordfreq_folder(tmp_path, "3.1.1", pack))
    assert list(freq) == ["و", "کتاب"]  # most frequent first; ك folded, so the two add up
    assert freq["و"] == 1.0
    assert freq["کتاب"] == pytest.approx(2 * 10**-0.02)


def test_wordfreq_words_refuse_another_format(tmp_path: Path) -> None:
    build = build_module()
    folder = _wordfreq_folder(tmp_path, "3.1.1", [{"format": "cB", "version": 2}, ["و"]])
    with pytest.raises(ValueError, match="not a cBpack"):
        build.wordfreq_words(folder)


#: A toy TRAIN: the pieces the rules look at (each count reasoned in the rows below).
TRAIN = Counter(
    {
        "شنی": 2,
        "داری": 4,
        "بال": 3,
        "تیمور": 2,
        "کوه": 5,
        "رنگ": 6,
        "زندان": 4,
        "وام": 3,
        "دار": 3,
        "کتاب": 9,
        # «ها» after a ZWNJ 25 times, never alone: an affix (affix_pieces)
        f"کتاب{Z}ها": 25,
        # «رنگ» after a ZWNJ in five token types, glued to a word in none: TRAIN's compounds
        # in «رنگ» take a ZWNJ
        f"کم{Z}رنگ": 2,
        f"پر{Z}رنگ": 2,
        f"خوش{Z}رنگ": 1,
        f"هم{Z}رنگ": 1,
        f"بی{Z}رنگ": 1,
        # «دار» glued after five TRAIN words, after a ZWNJ in one type: TRAIN glues it
        "خانه": 3,
        "خانهدار": 1,
        "مال": 2,
        "مالدار": 1,
        "پول": 2,
        "پولدار": 1,
        "دین": 2,
        "دیندار": 1,
        "باغ": 2,
        "باغدار": 1,
        f"سهام{Z}دار": 1,
        # a word TRAIN wrote: its own counts decide it
        "شیرین": 4,
    }
)


def test_web_glued_words_select_by_treebank_rules_by_hand() -> None:
    build = build_module()
    freq = {
        "شنیداری": 3e-6,  # kept: شنی + داری, both TRAIN words, no seam TRAIN writes with a ZWNJ
        "بالتیمور": 2e-6,  # kept: بال + تیمور
        "وامدار": 1e-6,  # kept: ... + دار, which TRAIN glues (5 types) more than not (1)
        "کوهرنگ": 2e-6,  # left out: TRAIN writes «رنگ» after a ZWNJ in 5 types, glued in 0
        "زندانها": 1e-6,  # left out: «ها» is an affix (the plural stays the engine's)
        "شیرین": 5e-5,  # left out: TRAIN wrote the key
        "گلبرگ": 1e-6,  # left out: no cut into two TRAIN pieces (گل, برگ unseen)
        "کتابخانه": 8e-6,  # left out: the list writes it with a ZWNJ too ...
        f"کتاب{Z}خانه": 1e-6,  # ... (and it is no glued candidate itself)
        "ایران": 1e-3,  # left out: no cut (ای, ران are no TRAIN pieces)
    }
    seen = {f.replace(Z, "").replace(" ", "") for f in TRAIN}
    words, dropped = build.web_glued_words(freq, seen, {"ها"}, TRAIN)
    assert words == ["بالتیمور", "شنیداری", "وامدار"]
    assert dict(dropped) == {"written with a ZWNJ": 1, "affix": 1, "no cut": 2, "zwnj piece": 1}


def test_zwnj_word_counts_take_wordfreq_frequencies() -> None:
    """The hazm rules on frequencies: a word the list writes glued more often is left out."""
    build = build_module()
    train = Counter({"کلاه": 4, "قرمزی": 2, "پنج": 3, "شیر": 2})
    freq = {
        f"کلاه{Z}قرمزی": 4e-6,  # kept, with its spaced pair
        "کلاهقرمزی": 1e-6,
        f"پنج{Z}شیر": 1e-6,  # left out: «پنجشیر» is more frequent
        "پنجشیر": 9e-6,
    }
    out, dropped = build.zwnj_word_counts(freq, set(), set(), train, set())
    assert dict(out) == {f"کلاه{Z}قرمزی": 1, "کلاه قرمزی": 1}
    assert dict(dropped) == {"glued more often": 1}


def test_web_glued_keys_are_glued_words_only() -> None:
    assert web_glued_keys(["بالتيمور"]) == frozenset({"بالتیمور"})  # ي folded
    for bad in ("کام یاران", f"کام{Z}یاران"):
        with pytest.raises(LexiconError, match="not one glued word"):
            web_glued_keys([bad])


@pytest.fixture(scope="module")
def with_and_without() -> tuple[ZwnjRepairer, ZwnjRepairer]:
    """Repairers of the shipped lexicon with its web words and with none (built once)."""
    folder = ROOT / "src" / "khabar" / "data" / "lexicon"
    data = {name: (folder / name).read_bytes() for name in SHIPPED_FILES}
    return (
        ZwnjRepairer(Lexicon._build_shipped(data)),
        ZwnjRepairer(Lexicon._build_shipped({**data, SHIPPED_WEB_GLUED: b""})),
    )


def test_web_glued_words_teach_nothing_but_themselves() -> None:
    lex = Lexicon.load()
    assert "شنیداری" in lex.web_glued
    # no form, no count: the word is known to the guard only
    assert lex.best_form("شنیداری") is None and lex.word_count["شنیداری"] == 0


#: (input, output with the shipped web words, output without them, why): glued words of real
#: crawled text the morphology cut before; each read by hand.
WEB_ROWS = [
    # without the list too since zq16r: a past stem + «ار» is not cut inside (_past_stem_ar)
    ("شنیداری", "شنیداری", "شنیداری", "auditory (شنیدار + ی), not «sandy» + «you have»"),
    ("بالتیمور", "بالتیمور", f"بال{Z}تیمور", "Baltimore"),
    ("کامیاران", "کامیاران", f"کام{Z}یاران", "a city of Kurdistan"),
    ("گلشیری", "گلشیری", f"گل{Z}شیری", "the writer Houshang Golshiri"),
    ("گلبدین", "گلبدین", f"گل{Z}بدین", "Gulbuddin (Hekmatyar)"),
    ("وامدار", "وامدار", f"وام{Z}دار", "indebted, as the crawled news writes it (4 of 4)"),
    # must not change: the rules TRAIN supports still cut
    ("میخوام", f"می{Z}خوام", f"می{Z}خوام", "the verbal prefix"),
    ("زندانها", f"زندان{Z}ها", f"زندان{Z}ها", "the plural"),
    ("کوهرنگ", f"کوه{Z}رنگ", f"کوه{Z}رنگ", "TRAIN writes «رنگ» after a ZWNJ more than glued"),
    ("سالنامه", f"سال{Z}نامه", f"سال{Z}نامه", "likewise «نامه»"),
    # since zq16n a web word + a plural is cut at the plural only (protected_forms, formerly _web_word_and_ending):
    # «وامدار» + «ها», and «ر» does not join, so no ZWNJ at all
    ("وامدارها", "وامدارها", f"وام{Z}دارها", "the web word + the plural, not «وام‌دارها»"),
    ("میلیون", "میلیون", "میلیون", "TRAIN's own glued word"),
]


@pytest.mark.parametrize(("text", "expected", "before", "why"), WEB_ROWS)
def test_web_glued_words_stay_whole(
    with_and_without: tuple[ZwnjRepairer, ZwnjRepairer],
    text: str,
    expected: str,
    before: str,
    why: str,
) -> None:
    web, without = with_and_without
    assert web.repair(text) == expected, why
    assert without.repair(text) == before, why


#: ZWNJ words from wordfreq's list (no other source wrote them), each read by hand.
LIST_ROWS = [
    ("کلاهقرمزی", f"کلاه{Z}قرمزی", "the puppet Kolah Ghermezi"),
    ("اژهای", f"اژه{Z}ای", "Aegean (اژه + ای)"),
    ("خونآشامها", f"خون{Z}آشام{Z}ها", "vampires"),
    # as the list writes it: «ها» after «ر», which joins no letter, needs no ZWNJ
    ("نرمافزارها", f"نرم{Z}افزارها", "software (plural)"),
    # must not change
    ("کلاه قرمزی بود", "کلاه قرمزی بود", "a line that keeps compounds apart"),
    ("پنجشیر", "پنجشیر", "Panjshir: glued in every source"),
]


@pytest.mark.parametrize(("text", "expected", "why"), LIST_ROWS)
def test_wordfreq_zwnj_words_decide_unseen_compounds(text: str, expected: str, why: str) -> None:
    assert ZwnjRepairer(Lexicon.load()).repair(text) == expected, why
