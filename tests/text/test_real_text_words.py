"""``bench/zwnj/real_text.py --damage --words``: the per-word lists of damaged real text, on
rows written and checked by hand. Z below is U+200C ZERO WIDTH NON-JOINER."""

from __future__ import annotations

from types import ModuleType

import pytest

from .scripts import load_script

Z = "\u200c"


@pytest.fixture(scope="module")
def real_text() -> ModuleType:
    return load_script("bench/zwnj/real_text.py", "real_text")


WORD_DIFFS = [
    # writer, fixed damaged line, (kind, writer's words, khabar's words)
    (f"کتاب{Z}ها را دید", "کتابها را دید", [("missed", f"کتاب{Z}ها", "کتابها")]),
    ("آن ها رفتند", f"آن{Z}ها رفتند", [("joined", "آن ها", f"آن{Z}ها")]),
    ("مهمترین کار", f"مهم{Z}ترین کار", [("cut", "مهمترین", f"مهم{Z}ترین")]),
    (f"کتاب{Z}ها را دید", f"کتاب{Z}ها را دید", []),
]


@pytest.mark.parametrize(("writer", "out", "expected"), WORD_DIFFS)
def test_word_diffs(real_text: ModuleType, writer: str, out: str, expected: list) -> None:
    assert real_text.word_diffs(writer, out) == expected


TREE_DIFFS = [
    # writer, old output, new output, (verdict, writer's words, "old => new")
    (f"عبدی{Z}پور نوشت", "عبدیپور نوشت", f"عبدی{Z}پور نوشت",
     [("FIX", f"عبدی{Z}پور", f"عبدیپور => عبدی{Z}پور")]),
    ("کتابها", "کتابها", f"کتاب{Z}ها", [("BREAK", "کتابها", f"کتابها => کتاب{Z}ها")]),
    (f"کتاب{Z}ها", "کتابها", f"کتا{Z}بها", [("OTHER", f"کتاب{Z}ها", f"کتابها => کتا{Z}بها")]),
    # one old word over two writer's words: the writer's span is both
    ("آن ها رفتند", f"آن{Z}ها رفتند", "آن ها رفتند", [("FIX", "آن ها", f"آن{Z}ها => آن ها")]),
]  # fmt: skip


@pytest.mark.parametrize(("writer", "old", "new", "expected"), TREE_DIFFS)
def test_tree_diffs(real_text: ModuleType, writer: str, old: str, new: str, expected: list) -> None:
    assert real_text.tree_diffs(writer, old, new) == expected


def test_damage_lines_keep_only_lines_with_inner_zwnjs(real_text: ModuleType) -> None:
    lines = [f"کتاب{Z}ها  را دید", "کتابها را دید", f"{Z}سلام"]
    assert real_text.damage_lines(lines, "glued") == [(f"کتاب{Z}ها را دید", "کتابها را دید")]
    assert real_text.damage_lines(lines, "spaced") == [(f"کتاب{Z}ها را دید", "کتاب ها را دید")]


def test_word_rows_list_every_changed_word_with_its_line(real_text: ModuleType) -> None:
    pairs = [(f"کتاب{Z}ها را دید", "کتابها را دید")]
    assert real_text.word_rows(pairs, ["کتابها را دید"], None) == [
        "  missed کتاب|ها => کتابها | کتابها را دید"
    ]
    assert real_text.word_rows(pairs, [f"کتاب{Z}ها را دید"], ["کتابها را دید"]) == [
        f"  FIX کتاب|ها: کتابها => کتاب|ها | کتاب{Z}ها را دید"
    ]
