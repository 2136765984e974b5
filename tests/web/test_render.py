"""Placing repairs and removed lines on the document page (pure functions, no web framework)."""

from __future__ import annotations

import pytest
from web_corpus import SEED_FOOTER_START, seed_document

from khabar.web.render import mark_edits, place_removed, render, split_lines

ZWNJ = "\u200c"


def E(offset, before, after, rule="r"):
    return {"offset": offset, "before": before, "after": after, "rule": rule}


@pytest.mark.parametrize(("text", "edits", "marked", "unplaced"), [
    # a ZWNJ repair in the middle
    (f"او می{ZWNJ}رود", [E(3, "می ", f"می{ZWNJ}")], [f"می{ZWNJ}"], []),
    # two repairs, given out of order
    ("کتاب‌ها و ی", [E(10, "ي", "ی"), E(0, "کتابها", "کتاب‌ها")], ["کتاب‌ها", "ی"], []),
    # a deletion (empty after) is a zero-width mark
    ("ab", [E(1, "x", "")], [""], []),
    # after not at its offset (the text moved on): not guessed, listed
    ("abc", [E(0, "z", "b")], [], ["b"]),
    # past the end of the text
    ("abc", [E(2, "z", "cd")], [], ["cd"]),
    # overlapping: the first wins, the second is listed
    ("abcd", [E(0, "x", "abc"), E(1, "y", "bc")], ["abc"], ["bc"]),
    # no edits: nothing marked
    ("متن", [], [], []),
    # offset missing or not an int
    ("abc", [{"before": "", "after": "a", "rule": "r"}], [], ["a"]),
])
def test_mark_edits(text, edits, marked, unplaced):
    segments, bad = mark_edits(text, edits)
    assert "".join(s.text for s in segments) == text  # never loses or adds text
    assert [s.text for s in segments if s.edit is not None] == marked
    assert [e["after"] for e in bad] == unplaced


def test_split_lines_keeps_marks_on_each_side_of_a_newline():
    segments, _ = mark_edits("ab\ncd", [E(1, "x", "b\nc")])
    lines = split_lines(segments)
    assert [[(s.text, s.edit is not None) for s in line] for line in lines] == [
        [("a", False), ("b", True)], [("c", True), ("d", False)]]


@pytest.mark.parametrize(("clean", "raw", "removed", "places", "unplaced"), [
    # header and footer around a body
    (["خبر"], "منو\nخبر\nپانویس", [("منو", 0), ("پانویس", 2)], {-1: ["منو"], 0: ["پانویس"]}, []),
    # the clean line was repaired (ZWNJ added): still anchors its raw form
    ([f"می{ZWNJ}شود", "بعد"], "می شود\nتبلیغ\nبعد", [("تبلیغ", 1)], {0: ["تبلیغ"]}, []),
    # a line that is in the text twice: the line index picks the right copy (the second, so the
    # first anchors it; blank lines never anchor, so it goes right after the title)
    (["عنوان", "", "متن"], "عنوان\n\nعنوان\nمتن", [("عنوان", 2)], {0: ["عنوان"]}, []),
    # same, but the line index points at the first copy: it goes before everything
    (["عنوان", "", "متن"], "عنوان\n\nعنوان\nمتن", [("عنوان", 0)], {-1: ["عنوان"]}, []),
    # not in raw at all (an HTML block): unplaced
    (["متن"], "متن", [("<div>ad</div>", -1)], {}, ["<div>ad</div>"]),
    # no raw kept: unplaced
    (["متن"], "", [("پانویس", 1)], {}, ["پانویس"]),
    # empty removed text: unplaced, not dropped
    (["متن"], "متن\n", [("", 1)], {}, [""]),
])
def test_place_removed(clean, raw, removed, places, unplaced):
    got, bad = place_removed(clean, raw, [{"text": t, "reason": "x", "line": n} for t, n in removed])
    assert {k: [r["text"] for r in v] for k, v in got.items()} == places
    assert [r["text"] for r in bad] == unplaced


def test_seed_page_marks_every_repair_and_strikes_title_copy_and_footer():
    doc = seed_document()
    edits = [{"offset": e.offset, "before": e.before, "after": e.after, "rule": e.rule}
             for e in doc.edits]
    removed = [{"text": r.text, "reason": r.reason, "line": r.line} for r in doc.removed]
    page = render(doc.text, edits, raw=doc.raw, removed=removed)
    assert page.unplaced_edits == [] and page.unplaced_removed == []
    marked = [s.text for line in page.lines for s in line.segments if s.edit is not None]
    # reading order of the page: «به‌وجود», «بین‌الملل», «بی‌نیوز», «رئیس‌جمهوری», «و استفاده»,
    # «خشونت‌ها», «صهیونیست‌ها» twice, «می‌باشد»
    assert marked == ["به‌وجود", "بین‌الملل", "بی‌نیوز", "رئیس‌جمهوری", "و استفاده", "خشونت‌ها",
                      "صهیونیست‌ها", "صهیونیست‌ها", "می‌باشد"]
    struck = [(i, line.removed["text"]) for i, line in enumerate(page.lines) if line.removed]
    # the title's copy right after the title; the 17 footer lines after the last paragraph
    assert struck[0] == (1, doc.title)
    footer = [t for _, t in struck[1:]]
    assert footer[0] == SEED_FOOTER_START and footer[-1] == "triboon" and len(footer) == 17
    last_text = max(i for i, line in enumerate(page.lines) if line.segments)
    assert [i for i, _ in struck[1:]] == list(range(last_text + 1, last_text + 18))
    # the page's text is the clean text, unchanged
    text = "\n".join("".join(s.text for s in line.segments) for line in page.lines
                     if line.removed is None)
    assert text == doc.text
