"""FixPolicy: enumerated styles, defaults, and errors that name the valid choices."""

from __future__ import annotations

import dataclasses

import pytest

from khabar.errors import ConfigError
from khabar.text.fix import fix
from khabar.text.policy import Digits, FixPolicy, PunctSpacing


def test_defaults_keep_correct_text() -> None:
    policy = FixPolicy()
    assert policy.digits is Digits.KEEP
    assert policy.punct_spacing is PunctSpacing.ADD
    assert str(policy.heh_yeh) == "keep" and str(policy.teh_marbuta) == "keep"


def test_strings_become_enums_and_policies_are_hashable() -> None:
    assert FixPolicy(digits="latin") == FixPolicy(digits=Digits.LATIN)
    assert hash(FixPolicy(digits="latin")) == hash(FixPolicy(digits=Digits.LATIN))


def test_policy_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        FixPolicy().digits = Digits.LATIN  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"digits": "roman"},
            "digits='roman' is not a valid choice; valid choices: keep, persian, latin",
        ),
        ({"heh_yeh": "x"}, "valid choices: keep, hamza, ligature, yeh"),
        ({"punct_spacing": True}, "valid choices: off, add, full"),
        ({"digit": "latin"}, "unknown fix policy option 'digit'; valid options: digits, "),
    ],
)
def test_invalid_values_name_the_valid_ones(kwargs: dict, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        fix("متن", **kwargs)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("text", "trust", "expected"),
    [
        # a line that writes a ZWNJ (کتاب‌ها) keeps its author's glued خانههای under "line"...
        ("کتاب‌ها و خانههای بزرگ", "line", "کتاب‌ها و خانههای بزرگ"),
        # ...and has it repaired under "none"
        ("کتاب‌ها و خانههای بزرگ", "none", "کتاب‌ها و خانه‌های بزرگ"),
        # a line with no ZWNJ at all is repaired the same way under both
        ("کتابها و خانههای بزرگ", "line", "کتاب‌ها و خانه‌های بزرگ"),
        ("کتابها و خانههای بزرگ", "none", "کتاب‌ها و خانه‌های بزرگ"),
    ],
)
def test_zwnj_trust_policy(text: str, trust: str, expected: str) -> None:
    assert fix(text, zwnj_trust=trust) == expected
