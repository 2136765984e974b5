"""bench/zwnj/heldout.py: the k-fold split partitions the lines, each fold's lexicon is built
without the fold, and the engine's lexicon is built as the shipped one. Expected values by hand."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from khabar.text.lexicon import Lexicon

from .scripts import load_script

Z = "\u200c"


@pytest.fixture(scope="module")
def heldout() -> ModuleType:
    return load_script("bench/zwnj/heldout.py", "heldout")


def test_fold_bounds_by_hand(heldout: ModuleType) -> None:
    assert heldout.fold_bounds(10, 3) == [(0, 3), (3, 6), (6, 10)]
    assert heldout.fold_bounds(5, 5) == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
    # 11 lines, k=5: starts 0, 2, 4, 6, 8 (i*11//5), the last fold takes three
    assert heldout.fold_bounds(11, 5) == [(0, 2), (2, 4), (4, 6), (6, 8), (8, 11)]
    with pytest.raises(ValueError, match="k=1"):
        heldout.fold_bounds(10, 1)
    with pytest.raises(ValueError, match="4 lines"):
        heldout.fold_bounds(4, 5)


def test_folds_partition_a_tiny_file(heldout: ModuleType, tmp_path: Path) -> None:
    """Eleven numbered lines (one empty): each line in exactly one fold, in file order."""
    lines = [f"جمله {i}" for i in range(11)]
    lines[5] = ""
    path = tmp_path / "train.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = heldout.read_lines(path)
    assert read == lines
    folds = heldout.split_lines(read, 5)
    assert folds == [lines[0:2], lines[2:4], lines[4:6], lines[6:8], lines[8:11]]
    assert [x for fold in folds for x in fold] == lines  # the union, in order: a partition
    mod = heldout.split_lines(read, 5, "mod")
    assert mod[0] == [lines[0], lines[5], lines[10]] and mod[4] == [lines[4], lines[9]]
    assert sorted(x for fold in mod for x in fold) == sorted(lines)
    assert sum(map(len, mod)) == 11
    # the scorer's lines: the empty one is not scored
    assert heldout.gold_lines(folds[2]) == ["جمله 4"]


def test_a_fold_lexicon_never_sees_its_fold(heldout: ModuleType, tmp_path: Path) -> None:
    """Fold 1 of each treebank holds a word no other line has: fold 1's lexicon lacks it,
    fold 0's lexicon has it; the train files written are the other folds' lines."""
    perdt = [["کتاب‌ها را خواند"], ["زرافه‌ها آمدند"], ["کتاب خوب"]]
    seraji = [["می‌رود"], ["پلنگ‌ها رفتند"], ["می‌آید"]]
    train = {"PerDT": perdt, "Seraji": seraji}
    built = heldout.fold_files(train, 1, tmp_path, "block", None)
    folder = tmp_path / "block-k3-fold-1"
    assert (folder / "ud_perdt" / "train.txt").read_text() == "کتاب‌ها را خواند\nکتاب خوب\n"
    assert (folder / "ud_seraji" / "train.txt").read_text() == "می‌رود\nمی‌آید\n"
    text = built["zwnj_lexicon.tsv"].decode()
    assert f"کتاب{Z}ها\t1\n" in text and "کتاب\t1\n" in text
    assert "زرافه" not in text and "پلنگ" not in text
    zero = heldout.fold_files(train, 0, tmp_path, "block", None)["zwnj_lexicon.tsv"].decode()
    assert f"زرافه{Z}ها\t1\n" in zero and f"پلنگ{Z}ها\t1\n" in zero
    assert f"کتاب{Z}ها" not in zero and f"می{Z}رود" not in zero and f"می{Z}آید\t1\n" in zero
    # built once: a second call reuses the file (same inputs, same bytes, no rewrite)
    stamp = (folder / "zwnj_lexicon.tsv").stat().st_mtime_ns
    assert heldout.fold_files(train, 1, tmp_path, "block", None) == built
    assert (folder / "zwnj_lexicon.tsv").stat().st_mtime_ns == stamp


def test_engine_lexicon_is_the_shipped_build(heldout: ModuleType) -> None:
    """With nothing replaced, the lexicon the benchmark builds is the one the engine loads
    (so a fold's score differs from dev's only by the files the fold rebuilt)."""
    assert heldout.engine_lexicon(None) == Lexicon.load()
    bare = heldout.engine_lexicon(None, reviewed=False)
    assert not bare.forced and not bare.spellings and not bare.given_names
    shipped = Lexicon.load()
    assert shipped.forced and shipped.spellings and shipped.given_names
    assert bare.web_glued == shipped.web_glued and bare.forms == shipped.forms


def test_engine_lexicon_reads_the_replaced_treebank_counts(heldout: ModuleType) -> None:
    tiny = f"# a fold's lexicon\nزرافه{Z}ها\t5\nزرافه\t3\n".encode()
    lex = heldout.engine_lexicon({"zwnj_lexicon.tsv": tiny})
    assert lex.best_form("زرافهها") == f"زرافه{Z}ها"
    assert lex.pair_count("به", "منظور") == 0  # the shipped treebank counts are gone
    assert Lexicon.load().pair_count("به", "منظور") > 0


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("کتابها", True),
        (f"کتاب{Z}های", False),
        ("درختهایشان", True),
        (f"درخت{Z}هایشان", False),
        # must not count: not after a joining letter, a one-letter stem, not a plural
        ("کارها", None),
        ("بها", None),
        ("تنها", None),
        ("آنها", None),
        (f"آن{Z}ها", None),
        ("کتاب", None),
        ("ها", None),
    ],
)
def test_glued_plural_by_hand(heldout: ModuleType, token: str, expected: bool | None) -> None:
    assert heldout.glued_plural(token) is expected


def test_leak_report_by_hand(heldout: ModuleType) -> None:
    """Four tokens: کتاب‌ها (a scored ZWNJ) known to the treebank; میروسلاو only in the
    reviewed files; زرافه in the lists; پلنگ unknown to every source."""
    bl = heldout.build_script()
    vocab = heldout.Vocabulary(
        treebank={"کتابها"}, lists={"زرافه"}, reviewed={"میروسلاو", "کتابها"}, source=set()
    )
    assert vocab.only_hand == {"میروسلاو"}
    rep = heldout.leak_report([f"کتاب{Z}ها میروسلاو", "زرافه پلنگ"], vocab, bl.TOKEN_RE)
    assert rep["tokens"] == 4 and rep["zwnj_tokens"] == 1
    assert rep["oov_treebank"] == 3 / 4  # all but کتاب‌ها
    assert rep["oov_all"] == 1 / 4  # پلنگ
    assert rep["oov_treebank_zwnj"] == 0 and rep["oov_all_zwnj"] == 0
    assert rep["only_hand"] == 1 and rep["only_hand_zwnj"] == 0 and rep["only_hand_types"] == 1
    assert rep["plurals"] == 1 and rep["plural_glued_share"] == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"کتاب{Z}های", "کتابهای"),
        (f"درخت{Z}هایشان", "درختهایشان"),
        (f"کتاب{Z}ها، را", "کتابها، را"),
        # must not change: not a plural ending, after a non-joining letter, other ZWNJs
        (f"ده{Z}هاشم", f"ده{Z}هاشم"),
        (f"کار{Z}ها", f"کار{Z}ها"),
        (f"می{Z}رود", f"می{Z}رود"),
        (f"بزرگ{Z}ترین", f"بزرگ{Z}ترین"),
    ],
)
def test_without_plural_zwnj_by_hand(heldout: ModuleType, line: str, expected: str) -> None:
    assert heldout.without_plural_zwnj(line) == expected


def test_score_output_leaves_plural_boundaries_out(heldout: ModuleType) -> None:
    """Gold کتاب‌ها می‌رود, output کتابها می‌رود: one of two boundaries found (P 1, R 0.5,
    F1 2/3); with the plural boundary left out, the one left is found (F1 1)."""
    res = heldout.score_output([f"کتاب{Z}ها می{Z}رود"], [f"کتابها می{Z}رود"], "glued")
    assert (res["precision"], res["recall"], res["f1"]) == (1.0, 0.5, 0.6667)
    assert (res["no_plural"]["gold_zwnj"], res["no_plural"]["f1"]) == (1, 1.0)


Z = "\u200c"


@pytest.mark.parametrize(
    ("gold", "out", "expected"),
    [
        # a glued word: one span (Ali goes)
        (f"علی می{Z}رود", "علی میرود", [(f"می{Z}رود", "میرود")]),
        # a wrong join of two words is one span, gold's two words against the output's one
        ("مشرف علیه نواز شریف", f"مشرف علیه{Z}نواز شریف", [("علیه نواز", f"علیه{Z}نواز")]),
        # a word split at a space: one span the other way
        (f"حسین واحدی{Z}پور آمد", "حسین واحدی پور آمد", [(f"واحدی{Z}پور", "واحدی پور")]),
        # two wrong words far apart: two spans
        (f"می{Z}رود و می{Z}آید", f"میرود و می{Z}آید", [(f"می{Z}رود", "میرود")]),
        (f"الف ب{Z}پ ج د{Z}ه", "الف بپ ج ده", [(f"ب{Z}پ", "بپ"), (f"د{Z}ه", "ده")]),
        # must not differ: the same line
        (f"کتاب{Z}ها", f"کتاب{Z}ها", []),
    ],
)
def test_wrong_words_by_hand(
    heldout: ModuleType, gold: str, out: str, expected: list[tuple[str, str]]
) -> None:
    assert heldout.wrong_words(gold, out) == expected


def test_dump_wrong_writes_one_file_per_mode(heldout: ModuleType, tmp_path: Path) -> None:
    gold = [f"علی می{Z}رود", "یک دو"]

    def repair(line: str) -> str:  # a fake engine that leaves every line as it gets it
        return line

    heldout.dump_wrong(gold, repair, ["glued", "intact"], tmp_path / "x" / "PerDT-fold0")
    glued = (tmp_path / "x" / "PerDT-fold0-glued.tsv").read_text(encoding="utf-8")
    assert glued == f"0\tمی{Z}رود\tمیرود\n"  # line 0 lost its ZWNJ; line 1 has none
    assert (tmp_path / "x" / "PerDT-fold0-intact.tsv").read_text(encoding="utf-8") == ""
