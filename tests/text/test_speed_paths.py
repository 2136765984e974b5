"""Speed paths of fix and the lexicon give what the plain code gives (expected values by hand).

* ``fix`` on a text with protected spans sends the lines no span reaches through the engine's
  ``repair`` and only the others through ``find_repairs`` filtered by the spans;
* the lexicon folds its files with one ``str.replace`` per character (``fold_text``), keys and
  counts the forms in bulk, and parses well-formed files in bulk;
* ``fold`` skips ``str.translate`` when a word has nothing to fold.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.fix import Fixer, _apply_changes, _outside, _repair_outside, _Span
from khabar.text.lexicon import (
    FOLD,
    JOINING,
    Lexicon,
    LexiconError,
    fold,
    fold_text,
    forms_with_zwnj,
    parse_counts,
)
from khabar.text.policy import FixPolicy
from khabar.text.zwnj import ZwnjRepairer, default_repairer

Z = "\u200c"


# ---- fix: repair() for the lines no span reaches ------------------------------------------------


def _filtered(rep: ZwnjRepairer, text: str, spans: list[_Span]) -> tuple[str, list[_Span]]:
    """The plain way: every repair found, those touching a span dropped, the spans moved."""
    changes = _outside(list(rep.find_repairs(text)), spans, edge_ok=False)  # type: ignore[arg-type]
    return _apply_changes(text, spans, changes) if changes else (text, spans)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the span's line keeps «می باشد» glued to the span as it is; the other line is repaired
        ("x می باشد\nمی باشد", [(0, 1)], f"x می{Z}باشد\nمی{Z}باشد"),
        # a span ending at the line's last letter: the join just before it touches nothing
        ("می باشد ab", [(8, 10)], f"می{Z}باشد ab"),
        # a span over a line break: both its lines are filtered, the third is repaired
        ("ab\ncd میشود\nمیشود", [(0, 4)], f"ab\ncd می{Z}شود\nمی{Z}شود"),
        # the glued ZWNJ would sit beside the span (its edge): left out
        ("#تگ میشود", [(0, 3)], f"#تگ می{Z}شود"),
        # empty lines and a span on the last line
        ("\n\nکتاب ها\nab", [(10, 12)], f"\n\nکتاب{Z}ها\nab"),
    ],
)
def test_repair_outside_by_hand(
    rep: ZwnjRepairer, text: str, spans: list[tuple[int, int]], expected: str
) -> None:
    sp = [_Span(a, b) for a, b in spans]
    assert _repair_outside(rep, text, sp)[0] == expected
    assert _repair_outside(rep, text, sp) == _filtered(rep, text, sp)


_PIECES = ["می باشد", "کتاب ها", "میشود", "رئیسجمهوری", "ab", "\n", " ", Z, "14 می", "ها", "#تگ"]


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_repair_outside_equals_filtered_find_repairs(
    rep: ZwnjRepairer, data: st.DataObject
) -> None:
    text = "".join(data.draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12)))
    points = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True)))
    spans = [_Span(a, b) for a, b in zip(points[::2], points[1::2], strict=False)]
    assert _repair_outside(rep, text, spans) == _filtered(rep, text, spans)


@pytest.mark.parametrize("style", ["treebank", "news"])
def test_fix_with_a_url_repairs_the_other_lines_the_same(style: str) -> None:
    fixer = Fixer(FixPolicy.from_kwargs(style=style))
    lines = ["میشود https://x.ir/a_b", "کتاب ها را میخواهند", "", "ab می باشد"]
    batch = fixer.fix("\n".join(lines)).split("\n")
    assert batch == [fixer.fix(line) for line in lines]
    assert batch[1] == f"کتاب{Z}ها را می{Z}خواهند"
    assert batch[0] == f"می{Z}شود https://x.ir/a_b"


# ---- fold ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("تأمین", "تامین"),
        ("نقطهٔ", "نقطه"),
        ("كتابي", "کتابی"),
        ("کتاب", "کتاب"),  # nothing to fold
        ("مؤسسه", "موسسه"),
        ("", ""),
    ],
)
def test_fold_by_hand(word: str, expected: str) -> None:
    assert fold(word) == expected
    assert fold_text(word) == expected


_FOLD_ALPHABET = "".join(map(chr, FOLD)) + "کتابیهو \n" + Z


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_FOLD_ALPHABET, max_size=40))
def test_fold_and_fold_text_equal_translate(text: str) -> None:
    assert fold(text) == text.translate(FOLD)
    assert fold_text(text) == text.translate(FOLD)


# ---- the lexicon, built in bulk -----------------------------------------------------------------


def _reference(counts: dict[str, int]) -> tuple[dict, Counter, Counter, Counter, int]:
    """forms, word_count, left_count, right_count, total: one form at a time, as documented."""
    forms: dict[str, dict[str, int]] = {}
    word: Counter[str] = Counter()
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    total = 0
    for raw, n in counts.items():
        form = raw.translate(FOLD)
        key = form.replace(Z, "").replace(" ", "")
        forms.setdefault(key, {})
        forms[key][form] = forms[key].get(form, 0) + n
        if " " in form:
            continue
        total += n
        word[key] += n
        parts = form.split(Z)
        for p in parts[:-1]:
            left[p] += n
        for p in parts[1:]:
            right[p] += n
    return forms, word, left, right, total


_FORM = st.text(alphabet="میکتابهأيك\n" + Z + " ", min_size=1, max_size=8)  # \n: per form


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_FORM, st.integers(0, 30), max_size=25))
def test_bulk_counts_equal_one_form_at_a_time(counts: dict[str, int]) -> None:
    lex = Lexicon.from_counts(counts)
    forms, word, left, right, total = _reference(counts)
    # in the same order too: best_form keeps the first of equal votes
    assert [(k, list(v.items())) for k, v in lex.forms.items()] == [
        (k, list(v.items())) for k, v in forms.items()
    ]
    assert lex.word_count == word and lex.left_count == left and lex.right_count == right
    assert lex.total == total


def test_bulk_counts_by_hand() -> None:
    lex = Lexicon.from_counts(
        {f"می{Z}رود": 30, "كتاب": 2, "کتاب": 1, "کتاب ها": 1, f"کتاب{Z}ها": 7}
    )
    assert lex.forms["کتاب"] == {"کتاب": 3}  # ك folded: one form, counts added
    assert lex.forms["کتابها"] == {"کتاب ها": 1, f"کتاب{Z}ها": 7}
    assert lex.word_count["کتابها"] == 7  # the pair is no token
    assert (lex.left_count["می"], lex.right_count["رود"], lex.right_count["ها"]) == (30, 30, 7)
    assert lex.total == 30 + 3 + 7
    assert "می" in lex.verbal_prefixes and "رود" in lex.verb_remainders


def test_forms_with_zwnj_in_order() -> None:
    forms = {
        "الف": {"الف": 1},
        "کتابها": {f"کتاب{Z}ها": 7, "کتاب ها": 1},
        "میرود": {f"می{Z}رود": 2},
    }
    assert forms_with_zwnj(forms) == [f"کتاب{Z}ها", f"می{Z}رود"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# c\nمیلیون\t3\n", {"میلیون": 3}),
        ("الف\t1\nالف\t2\n", {"الف": 3}),  # a form twice: counts added (the careful path)
        ("الف\t 4 \n\n  \nب\t2", {"الف": 4, "ب": 2}),  # spaces around a count, blank lines
        ("", {}),
    ],
)
def test_parse_counts_by_hand(text: str, expected: dict[str, int]) -> None:
    assert parse_counts(text, "x") == expected


def test_parse_counts_still_names_the_bad_line() -> None:
    with pytest.raises(LexiconError, match="x.tsv line 2"):
        parse_counts("الف\t1\nخراب\n", "x.tsv")


def test_the_shipped_lexicon_derives_what_its_counts_say() -> None:
    lex = default_repairer().lexicon
    # spot checks, by hand: ها is a bound suffix, می a verbal prefix, بی a bound prefix
    assert "ها" in lex.bound_suffixes and "می" in lex.verbal_prefixes
    assert "بی" in lex.bound_prefixes
    assert all(p[-1] in JOINING for p in ("خانه", "کتاب"))
    assert lex.best_form("میباشد") == f"می{Z}باشد"
    assert lex.best_form("میلیون") == "میلیون"


_DOC_PIECES = [*_PIECES, "به عنوان", "https://x.ir/a", "این که", "\n", "كتاب", "  "]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_DOC_PIECES), min_size=1, max_size=14),
    st.sampled_from(["treebank", "news"]),
)
def test_fix_equals_fix_with_edits_with_spans(pieces: list[str], style: str) -> None:
    # fix takes the repair() path for lines without spans, fix_with_edits finds every repair
    fixer = Fixer(FixPolicy.from_kwargs(style=style))
    text = "".join(pieces)
    assert fixer.fix(text) == fixer.fix_with_edits(text)[0]
