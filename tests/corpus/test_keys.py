"""canonical(), canonical_tokens(), exact_key(): every variant pair folds, real differences stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.corpus.keys import FOLD, canonical, canonical_tokens, exact_key, spaceless

ZWNJ = "\u200c"
ZWJ = "\u200d"

# (variant, clean): both must give the same canonical form.
VARIANT_PAIRS = [
    ("علي", "علی"),  # Arabic yeh
    ("بانك", "بانک"),  # Arabic kaf
    ("مصطفى", "مصطفی"),  # alef maksura
    ("مسئله", "مسیله"),  # yeh with hamza folds to yeh
    ("مدرسة", "مدرسه"),  # teh marbuta
    ("خانۀ", "خانه"),  # heh with yeh above (ezafe)
    ("خانهٔ", "خانه"),  # heh + combining hamza above
    ("آمریکا", "امریکا"),  # alef madda
    ("أحمد", "احمد"),  # hamza above
    ("إسلام", "اسلام"),  # hamza below
    ("مؤسسه", "موسسه"),  # waw with hamza
    ("اجزاء", "اجزا"),  # standalone hamza
    ("می\u200cشود", "میشود"),  # ZWNJ
    ("می\u200dشود", "میشود"),  # ZWJ
    ("تـــهران", "تهران"),  # tatweel
    ("كِتابٌ", "کتاب"),  # diacritics
    ("۱۴۰۲", "1402"),  # Persian digits
    ("١٤٠٢", "1402"),  # Arabic-Indic digits
    ("«خبر»", "خبر"),  # guillemets
    ("خبر؛ نه،", "خبر نه"),  # Arabic semicolon and comma
    ("  خبر \n\t فوری  ", "خبر فوری"),  # whitespace runs and newline
    ("خبر\u00a0فوری", "خبر فوری"),  # no-break space
    ("\u200fخبر\u200e", "خبر"),  # RLM / LRM
    ("ICT", "ict"),  # Latin lowercased
    ("ﺑﺎﻧﻚ", "بانک"),  # presentation forms
    ("ＩＣＴ", "ict"),  # full-width Latin
    ("خبر!!!", "خبر"),
    ("ک\u06aa", "کک"),  # swash kaf
]


@pytest.mark.parametrize(("variant", "clean"), VARIANT_PAIRS)
def test_canonical_folds_variant_pairs(variant: str, clean: str) -> None:
    assert canonical(variant) == canonical(clean)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("   ", ""),
        ("\n\n", ""),
        ("مي‌شود، «بانك» ۱۲", "میشود بانک 12"),
        ("نرخ ۲۵٪ شد.", "نرخ 25 شد"),
        ("۳٫۵ درصد", "3 5 درصد"),
        ("Fars News: خبر", "fars news خبر"),
    ],
)
def test_canonical_examples(text: str, expected: str) -> None:
    assert canonical(text) == expected


# Must not change: already canonical text, and words that differ by more than a variant letter.
@pytest.mark.parametrize("text", ["کتاب", "میشود", "تهران 1402", "news", "ما و شما"])
def test_canonical_keeps_clean_text(text: str) -> None:
    assert canonical(text) == text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("کتاب", "کتب"),
        ("شیر", "سیر"),
        ("1402", "1403"),
        ("پل", "بل"),  # Persian پ is not folded into ب
        ("ژاله", "زاله"),
        ("گل", "کل"),  # گ is not folded into ک
    ],
)
def test_canonical_keeps_real_differences(a: str, b: str) -> None:
    assert canonical(a) != canonical(b)


def test_fold_table_has_one_target_per_source() -> None:
    seen: dict[str, str] = {}
    for target, sources in FOLD.items():
        for s in sources:
            assert s not in seen, f"{s!r} maps to {seen[s]!r} and {target!r}"
            seen[s] = target
            assert s != target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("می شود", ["میشود"]),
        ("می‌شود", ["میشود"]),
        ("میشود", ["میشود"]),
        ("نمی خواهد", ["نمیخواهد"]),
        ("کتاب ها", ["کتابها"]),
        ("کتاب‌های او", ["کتابهای", "او"]),
        ("بزرگ ترین شهر", ["بزرگترین", "شهر"]),
        ("رفته اند", ["رفتهاند"]),
        ("ها", ["ها"]),  # nothing before it: stays
        ("می", ["می"]),  # nothing after it: stays
        ("ما و شما", ["ما", "و", "شما"]),  # must not change
        ("", []),
    ],
)
def test_canonical_tokens_glue_zwnj_damage(text: str, expected: list[str]) -> None:
    assert canonical_tokens(text) == expected


def _damaged_copies(text: str) -> list[str]:
    return [
        text.replace(ZWNJ, ""),
        text.replace(ZWNJ, " "),
        text.replace("ی", "ي").replace("ک", "ك"),
        text.replace(ZWNJ, " ").replace("ی", "ي").replace("ک", "ك").replace("۱", "1"),
        "  " + text.replace("\n", "\n\n") + "\n",
    ]


def test_exact_key_equal_for_damaged_copies(fixtures) -> None:
    text = (fixtures / "corpus" / "metro_a.txt").read_text(encoding="utf-8")
    keys = {exact_key(t) for t in _damaged_copies(text)}
    assert keys == {exact_key(text)}


def test_exact_key_differs_for_other_story(fixtures) -> None:
    a = (fixtures / "corpus" / "metro_a.txt").read_text(encoding="utf-8")
    b = (fixtures / "corpus" / "metro_b.txt").read_text(encoding="utf-8")
    assert exact_key(a) != exact_key(b)
    # one real word changed is a different exact key
    assert exact_key(a) != exact_key(a.replace("هفت", "هشت", 1))


@given(st.text())
def test_canonical_is_idempotent_and_never_raises(text: str) -> None:
    once = canonical(text)
    assert canonical(once) == once
    assert ZWNJ not in once and "  " not in once and once == once.strip()


@given(st.text(alphabet="سلام کتاب می‌شود ها\u200cيك ۱٢3"))
def test_spaceless_ignores_spacing_and_zwnj(text: str) -> None:
    assert spaceless(text) == spaceless(text.replace(ZWNJ, " ")) == spaceless(text.replace(" ", ""))
