"""The reviewed character map: well-formed, unambiguous, and what each table does."""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

from khabar.errors import ConfigError
from khabar.text.charmap import load_rows, parse_rows, presentation_forms, translation_table
from khabar.text.policy import _ENUMS, FixPolicy

# every combination of the style fields the character map can depend on
POLICIES = [
    FixPolicy(digits=d, teh_marbuta=t, tatweel=w, diacritics=c)
    for d, t, w, c in itertools.product(
        ["keep", "persian", "latin"],
        ["keep", "heh"],
        ["keep", "remove"],
        ["keep", "stray", "remove"],
    )
]


def test_every_row_is_named_and_documented() -> None:
    rows = load_rows()
    assert rows
    for row in rows:
        assert row.rule.startswith("char."), row
        assert row.comment.strip(), f"line {row.line} has no comment saying why"
        assert row.sources, f"line {row.line} has no sources"
        for ch in row.sources + row.target:
            unicodedata.name(ch)  # a real, named code point (raises ValueError otherwise)


def test_when_names_a_policy_field_and_value() -> None:
    for row in load_rows():
        if row.when == "always":
            continue
        field, _, value = row.when.partition("=")
        assert field in _ENUMS, row
        assert value in {m.value for m in _ENUMS[field]}, row


@pytest.mark.parametrize("policy", POLICIES, ids=str)
def test_no_source_maps_to_two_targets(policy: FixPolicy) -> None:
    seen: dict[str, str] = {}
    for row in load_rows():
        field, _, value = row.when.partition("=")
        if row.when != "always" and str(getattr(policy, field)) != value:
            continue
        for src in row.sources:
            assert src not in seen or seen[src] == row.target, (
                f"U+{ord(src):04X} maps to both {seen[src]!r} and {row.target!r} (line {row.line})"
            )
            seen[src] = row.target


@pytest.mark.parametrize("policy", POLICIES, ids=str)
def test_tables_are_idempotent(policy: FixPolicy) -> None:
    """No target is itself a source, so translating twice changes nothing more."""
    table = translation_table(policy)
    for target in table.values():
        for ch in target:
            assert ord(ch) not in table, f"{target!r} contains the source U+{ord(ch):04X}"


def test_presentation_forms_fold_to_letters() -> None:
    forms = presentation_forms()
    assert forms["\ufedb"] == "\u0643"  # initial kaf -> Arabic kaf (then the table makes it ک)
    assert forms["\ufefb"] == "\u0644\u0627"  # lam-alef
    assert "\ufdfa" not in forms  # phrase ligatures stay
    assert "\ufeff" not in forms  # the BOM is no presentation form (the TSV deletes it)
    assert all(" " not in v for v in forms.values())


@pytest.mark.parametrize(
    ("tsv", "message"),
    [
        ("U+06CC\tU+064A\tchar.yeh\talways\n", "expected 5 TAB-separated columns"),
        ("U+06CC\tyeh\tchar.yeh\talways\tcomment\n", "not a list of U+XXXX code points"),
    ],
)
def test_bad_rows_say_what_is_wrong(tsv: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_rows("target\tsources\trule\twhen\tcomment\n" + tsv)
