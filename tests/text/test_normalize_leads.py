"""Rules that scan for each leading character alone (``RegexRule(name, Led(...), ...)``) find
exactly the matches of one scan of their whole pattern: the same ``apply`` text and the same
``find`` changes, on hand-checked cases (runs of marks where two leading characters meet) and on
random texts of the characters the rules care about.

The reference is the rule's own ``pattern`` run by Python's regex engine (``sub`` and
``finditer``), which is what the rules ran before they split their scans.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from khabar.text.fix import fix
from khabar.text.normalize import (
    Change,
    Led,
    RegexRule,
    _compose_guard,
    _merged,
    _trailing_guard,
    char_rules,
    compiled,
    space_rules,
)
from khabar.text.policy import FixPolicy

ZWNJ = "\u200c"
FATHATAN, DAMMATAN, KASRA = "\u064b", "\u064c", "\u0650"

#: every rule of the default and the "full" spacing policies that scans by leading characters
LED_RULES = [
    r
    for r in {
        *char_rules(FixPolicy()),
        *space_rules(FixPolicy()),
        *space_rules(FixPolicy(punct_spacing="full")),  # type: ignore[arg-type]
    }
    if isinstance(r, RegexRule) and r.leads
]


def test_the_split_rules_are_the_expected_ones() -> None:
    # stray marks, the space after punctuation, the space before an opening bracket
    assert sorted(r.name for r in LED_RULES) == ["char.diacritic", "punct.space", "punct.space"]


def reference_apply(rule: RegexRule, text: str) -> str:
    # the whole pattern, without the rule's guard (the punctuation rules' pair test): so the
    # guard is checked too, never to skip a text the pattern changes
    return rule.pattern.sub(rule.repl, text)


def reference_find(rule: RegexRule, text: str) -> list[Change]:
    out = []
    for m in rule.pattern.finditer(text):
        repl = rule.repl
        new = repl(m) if callable(repl) else (m.expand(repl) if "\\" in repl else repl)
        if new != m.group():
            out.append(Change(m.start(), m.end(), new, rule.name))
    return out


# (text, the default fix with zwnj off, by hand)
CASES = [
    ("کشور(اسرائیل)", "کشور (اسرائیل)"),  # ( after a letter
    ("گفت«سلام»", "گفت «سلام»"),  # « after a letter
    ("کتاب(«متن»)", "کتاب («متن»)"),  # both leads: ( after ب gets the space, « after ( not
    ("(«متن»)", "(«متن»)"),  # neither follows a letter: no change
    ("است.وی گفت:ما", "است. وی گفت: ما"),  # two leads of the space after
    ("او،ما؛شما!آنها", "او، ما؛ شما! آنها"),  # three leads in one text
    ("ق.ظ و ج.ا.ا", "ق.ظ و ج.ا.ا"),  # one-letter abbreviations keep their dots
    ("3.5 و 12:30", "3.5 و 12:30"),  # numbers keep theirs
    ("کتاب " + KASRA + " خوب", "کتاب خوب"),  # a stray kasra goes, then the double space
    ("ب" + FATHATAN * 2 + DAMMATAN * 2, "ب" + FATHATAN + DAMMATAN),  # two repeated runs
    (" " + FATHATAN + DAMMATAN + "ب", " ب"),  # a stray run of two kinds goes whole
    # the run again, its last two marks a repeat of their own: the merged scans overlap, and the
    # whole pattern decides (the stray run goes whole)
    (" " + FATHATAN + DAMMATAN * 2 + "ب", " ب"),
    ("حتماً", "حتماً"),  # a mark on a letter stays
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_hand_checked(text: str, expected: str) -> None:
    assert fix(text, zwnj="off") == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_hand_checked_rules_match_their_pattern(text: str, expected: str) -> None:
    for rule in LED_RULES:
        assert rule.apply(text) == reference_apply(rule, text)
        assert rule.find(text) == reference_find(rule, text)


def test_led_builds_one_pattern_per_character() -> None:
    led = Led("(«", "(?<=x.)")
    assert led.whole() == "[\\(«](?<=x.)"
    assert led.each() == (("(", "\\((?<=x.)"), ("«", "«(?<=x.)"))
    rule = RegexRule("x", led, " \\g<0>")
    assert rule.pattern.pattern == "[\\(«](?<=x.)"
    assert [(c, p.pattern) for c, p in rule.leads] == [("(", "\\((?<=x.)"), ("«", "«(?<=x.)")]


def test_led_look_behinds_of_one_character_go_to_its_pattern_only() -> None:
    # speed20v: a look-behind that can match only after «:» is left out of the other
    # characters' patterns (there it never matches) and kept in the whole one
    led = Led("،:", "(?=x)", only=((":", "(?<!^:)"),))
    assert led.whole() == "[،:](?=x)(?<!^:)"
    assert led.each() == (("،", "،(?=x)"), (":", ":(?=x)(?<!^:)"))
    rule = RegexRule("x", led, "\\g<0> ")
    for text in (":x،x", "a:x،x", "،x:x"):
        assert rule.apply(text) == rule.pattern.sub(rule.repl, text)
    assert rule.apply(":x،x") == ":x، x"  # the «:» at 0 keeps no space, the «،» gets one


def test_the_punctuation_rule_kept_its_whole_pattern() -> None:
    # the space after punctuation: its whole pattern (the reference of the tests above) is the
    # one of session 19, character for character; only the per-character ones got shorter
    from khabar.text.normalize import _LETTER, _MARK, _PM, _SPACE_AFTER_MARKS, _SPACE_AFTER_RE

    old = (
        f"[{re.escape(_SPACE_AFTER_MARKS)}](?=[{_LETTER}])"
        f"(?<![^{_LETTER}{_MARK}]:)(?<!^:)"
        f"(?<![^{_LETTER}{_MARK}]\\.)(?<!^\\.)(?<![^{_LETTER}\u200c]{_PM}\\.)(?<!^{_PM}\\.)"
    )
    assert _SPACE_AFTER_RE.whole() == old
    own = dict(_SPACE_AFTER_RE.each())
    assert own["،"] == f"،(?=[{_LETTER}])"
    assert "(?<!^:)" in own[":"] and "(?<!^:)" not in own["."]


def test_patterns_are_compiled_once_on_first_need() -> None:
    # a rule given sources compiles nothing when it is made, and each source once in a process
    rest = "(?<=y.)test_lazy"
    before = compiled.cache_info().currsize
    rule = RegexRule("x", Led("(«", rest), " \\g<0>")
    assert compiled.cache_info().currsize == before
    assert rule.apply("y(test_lazy") == "y (test_lazy"  # only the «(» pattern is needed
    assert compiled.cache_info().currsize == before + 1
    assert rule.leads[0][1] is compiled("\\(" + rest)  # the same object, compiled once
    assert compiled.cache_info().currsize == before + 2  # «leads» compiled the «« one too
    plain = RegexRule("x", "-+test_plain", "-")
    assert compiled.cache_info().currsize == before + 2
    assert plain.apply("a--test_plain") == "a-"
    assert plain.pattern is compiled("-+test_plain")


# the characters the rules care about, often; any character (surrogates too) now and then
ALPHABET = (
    "ابپتسکیهی "
    + "،؛؟!…)».:(«"
    + "".join(map(chr, range(0x064B, 0x0656)))  # harakat, and the hamza/madda marks
    + "\u0627\u0648\u064a\u06d5\u0653\u0654\u0655"  # letters that compose with them
    + ZWNJ
    + "\u00a0\n12۳.xZ/@#_:"
)
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=80) | st.text(max_size=40)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
@example(" " + FATHATAN + DAMMATAN + FATHATAN + "ب" + DAMMATAN * 3)
@example("ب(«(«" + "\ud800" + "ب.ب")
def test_led_rules_match_their_pattern(text: str) -> None:
    for rule in LED_RULES:
        assert rule.apply(text) == reference_apply(rule, text)
        assert rule.find(text) == reference_find(rule, text)


#: the compose guard's pattern as it was written before its scan was split
COMPOSE_GUARD_BEFORE = re.compile("[\u0653-\u0655](?<=[\u0627\u0648\u064a\u06d5].)")


@SETTINGS
@given(texts)
@example("\u0627\u0653")
@example("\u0653\u0627\u0654")
def test_compose_guard_is_the_search_of_its_whole_pattern(text: str) -> None:
    assert _compose_guard(text) == (COMPOSE_GUARD_BEFORE.search(text) is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each worked out by hand: a mark right after ا و ي ە composes, anything else does not
        ("", False),
        ("\u0627\u0653", True),  # ا + ٓ
        ("\u0648\u0654", True),  # و + ٔ
        ("\u064a\u0654", True),  # Arabic ي + ٔ
        ("\u06d5\u0654", True),  # ە + ٔ
        ("\u0627\u0655", True),  # ا + ٕ
        ("\u0654\u0627", False),  # the mark first: at 0, nothing before it
        ("\u0647\u0654 \u0627\u0654", True),  # هٔ does not compose, the later أ does
        ("\u0647\u0654 \u0647\u0654", False),  # هٔ twice (the frequent ezafe)
        ("\u06cc\u0654", False),  # Persian ی + ٔ: not one of the bases
        ("\u0627\u200c\u0654", False),  # a ZWNJ between: not side by side
        ("\u0627\u0652", False),  # sukun is no composing mark
        ("\u0627", False),
    ],
)
def test_compose_guard_by_hand(text: str, expected: bool) -> None:
    assert _compose_guard(text) is expected
    assert (COMPOSE_GUARD_BEFORE.search(text) is not None) is expected


def old_trailing_guard(t: str) -> bool:
    """The guard of space.trailing as it was written first: two-character searches."""
    rare = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    return (
        t.endswith(" ")
        or " \n" in t
        or " \r" in t
        or any(b in t for b in rare)
        and any(" " + b in t for b in rare)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a \nb", True),
        ("a\n b", False),
        ("a\r", False),
        ("a \r", True),
        ("a", False),
        ("a ", True),
        (" \u2028", True),
        ("\u2028 ", True),
        ("\u2028", False),
        ("\n\n", False),
    ],
)
def test_trailing_guard_by_hand(text: str, expected: bool) -> None:
    assert _trailing_guard(text) is expected
    assert old_trailing_guard(text) is expected


@SETTINGS
@given(st.text(alphabet=st.sampled_from(" \n\r\x0b\x85\u2028\u2029اب"), max_size=30) | texts)
def test_trailing_guard_is_the_old_one(text: str) -> None:
    assert _trailing_guard(text) == old_trailing_guard(text)


def test_an_overlap_falls_back_to_the_whole_pattern() -> None:
    # the stray run «ًٌٌ» after a space is one match of the whole pattern; the dammatan pattern
    # alone also matches its last two marks (a repeat), inside it: the merge gives up
    text = " " + FATHATAN + DAMMATAN * 2 + "ب"
    (rule,) = [r for r in LED_RULES if r.name == "char.diacritic"]
    assert _merged([p for c, p in rule.leads if c in text], text) is None
    assert rule.apply(text) == " ب"
    assert rule.find(text) == [Change(1, 4, "", "char.diacritic")]
