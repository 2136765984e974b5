from __future__ import annotations

from khabar.document import Document, Edit, Removed
from khabar.steps.textops import remove_lines


def apply_edits_back(text: str, edits: list[Edit]) -> str:
    """Undo edits on ``text`` (offsets are in ``text``), last first."""
    for e in sorted(edits, key=lambda e: e.offset, reverse=True):
        assert text[e.offset:e.offset + len(e.after)] == e.after
        text = text[:e.offset] + e.before + text[e.offset + len(e.after):]
    return text


def test_remove_middle_and_last_lines_keeps_edits_aligned():
    # edits made by a repair: "می‌رود" (ZWNJ inserted at 2) on line 0; "ها" edit on line 2
    text = "می\u200cرود\nفوتر سایت\nکتاب\u200cها\nتبلیغات"
    edits = [Edit(2, "", "\u200c", "zwnj.glued"), Edit(text.index("\u200cها"), "", "\u200c", "zwnj.glued"),
             Edit(text.index("فوتر"), "ي", "ی", "char.yeh")]
    doc = Document(id="d", text=text, edits=list(edits))
    assert remove_lines(doc, [1, 3], "site_repeated_line") == 2
    assert doc.text == "می\u200cرود\nکتاب\u200cها"
    assert [e.rule for e in doc.edits] == ["zwnj.glued", "zwnj.glued"]
    for e in doc.edits:
        assert doc.text[e.offset:e.offset + len(e.after)] == e.after
    assert apply_edits_back(doc.text, doc.edits) == "میرود\nکتابها"
    assert doc.removed == [Removed("فوتر سایت", "site_repeated_line", 1),
                           Removed("تبلیغات", "site_repeated_line", 3)]


def test_nothing_to_remove():
    doc = Document(id="d", text="الف\nب")
    assert remove_lines(doc, [], "x") == 0
    assert remove_lines(doc, [7], "x") == 0
    assert doc.text == "الف\nب" and doc.removed == []


def test_remove_every_line():
    doc = Document(id="d", text="a\nb")
    assert remove_lines(doc, [0, 1], "x") == 2
    assert doc.text == ""
