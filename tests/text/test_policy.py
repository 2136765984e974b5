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


# --- style (issue #3): the house style of ZWNJ compounds, treebank by default ----------------


def test_style_defaults_to_treebank_and_is_a_choice() -> None:
    from khabar.text.policy import Style, choices

    assert FixPolicy().style is Style.TREEBANK
    assert FixPolicy(style="news").style is Style.NEWS
    assert choices()["style"] == ("treebank", "news")


def test_an_unknown_style_names_the_valid_ones() -> None:
    message = "style='agency' is not a valid choice; valid choices: treebank, news"
    with pytest.raises(ConfigError, match=message):
        fix("متن", style="agency")


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("treebank", "او به عنوان رئیس گفت این که نه تنها"),
        ("news", "او به\u200cعنوان رئیس گفت این\u200cکه نه\u200cتنها"),
    ],
)
def test_style_policy_in_fix(style: str, expected: str) -> None:
    assert fix("او به عنوان رئیس گفت این که نه تنها", style=style) == expected


def test_config_reads_the_style_from_toml_env_and_overrides(tmp_path) -> None:
    from khabar.config import Config
    from khabar.text.policy import Style

    toml = tmp_path / "khabar.toml"
    toml.write_text('[fix]\nstyle = "news"\n', encoding="utf-8")
    assert Config.load(toml, env={}).fix.style is Style.NEWS
    assert Config.load(None, env={"KHABAR_FIX__STYLE": "news"}).fix.style is Style.NEWS
    assert Config.load(None, ["fix.style=news"], env={}).fix.style is Style.NEWS
    assert Config.load(None, env={}).fix.style is Style.TREEBANK


# --- the command line: khabar fix --set style=news, khabar refine --fix.style news ------------


def test_cli_fix_set_style_news() -> None:
    from typer.testing import CliRunner

    from khabar.cli import app

    text = "او به عنوان رئیس گفت این که\nنه تنها\n"
    runner = CliRunner()
    news = runner.invoke(app, ["fix", "--set", "style=news"], input=text)
    assert news.exit_code == 0, news.output
    assert news.stdout == "او به\u200cعنوان رئیس گفت این\u200cکه\nنه\u200cتنها\n"
    default = runner.invoke(app, ["fix"], input=text)
    assert default.stdout == text
    wrong = runner.invoke(app, ["fix", "--set", "style=agency"], input=text)
    assert wrong.exit_code == 2
    assert wrong.output == (
        "khabar: error: fix.style: 'agency' is not valid; choose one of 'treebank', 'news'\n"
    )


def test_cli_refine_fix_style_news(tmp_path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from typer.testing import CliRunner

    from khabar.cli import app

    source = tmp_path / "in.txt"
    source.write_text(
        "خبرگزاری تسنیم: او به عنوان رئیس هیئت مدیره گفت این که نه تنها محیط زیست بلکه اقتصاد "
        "کشور در خطر است و باید هر چه زودتر اقدام شود. وی افزود که این موضوع به طور جدی پیگیری "
        "می‌شود.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["refine", str(source), "-o", str(out), "--fix.style", "news", "-j", "1", "-q"]
    )
    assert result.exit_code == 0, result.output
    texts = [t for f in sorted((out / "data").glob("*.parquet"))
             for t in pq.read_table(f).column("text").to_pylist()]
    # the file's text is one document, its final line break kept
    assert texts == [
        (
            "خبرگزاری تسنیم: او به\u200cعنوان رئیس هیئت مدیره گفت این\u200cکه نه\u200cتنها "
            "محیط\u200cزیست بلکه اقتصاد کشور در خطر است و باید هر چه زودتر اقدام شود. وی افزود "
            "که این موضوع به\u200cطور جدی پیگیری می‌شود.\n"
        )
    ]
