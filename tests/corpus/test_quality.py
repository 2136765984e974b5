"""Quality signals: hand-checked values, must-keep real paragraphs, must-drop non-prose."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.corpus.quality import (
    SIGNAL_NAMES,
    QualityConfig,
    check_quality,
    compute_signals,
    stopwords,
)

CFG = QualityConfig()


def test_signal_names_are_fixed_and_complete() -> None:
    assert SIGNAL_NAMES[:4] == ("char_count", "line_count", "word_count", "mean_word_length")
    assert len(set(SIGNAL_NAMES)) == len(SIGNAL_NAMES)
    assert list(compute_signals("سلام")) == list(SIGNAL_NAMES)


def test_hand_counted_signals() -> None:
    # 2 lines; words: این | کتاب‌ها (one word) | را | خواندم | ABC | 12 -> 6 words
    text = "این کتاب‌ها را خواندم.\nABC 12 ©"
    s = compute_signals(text)
    assert s["line_count"] == 2
    assert s["word_count"] == 6
    # letters: این(3) کتاب‌ها(6) را(2) خواندم(6) = 17 Arabic-script, ABC = 3 Latin -> 20 letters
    assert s["persian_letter_ratio"] == 0.85
    assert s["latin_ratio"] == 0.15
    # non-space characters: 17 letters + '.' + 3 + 2 digits + © = 24 (ZWNJ not counted)
    assert s["digit_ratio"] == round(2 / 24, 4)
    assert s["symbol_ratio"] == round(1 / 24, 4)
    # stopwords: این, را -> 2 of 6
    assert s["stopword_ratio"] == round(2 / 6, 4)
    # line ends: '.' yes, '©' no
    assert s["punct_line_end_ratio"] == 0.5
    # line 2 has 3 words (< 4): short; line 1 has 4
    assert s["short_line_ratio"] == 0.5


def test_zwnj_damage_changes_word_signals_only_at_compounds() -> None:
    clean = "دانش‌آموزان به کلاس‌ها بازمی‌گردند و برنامه‌های جبرانی اجرا می‌شود."
    spaced = clean.replace("\u200c", " ")
    a, b = compute_signals(clean), compute_signals(spaced)
    # «کلاس ها», «برنامه های», «می شود» glue back; «دانش آموزان», «بازمی گردند» do not
    assert a["word_count"] == 9 and b["word_count"] == 11
    assert a["stopword_ratio"] == round(3 / 9, 4)  # به, و, میشود


def test_stopwords_are_loaded_in_canonical_form() -> None:
    sw = stopwords()
    assert {"از", "به", "میشود", "آنها".replace("آ", "ا")} <= sw
    assert "\u200c" not in "".join(sw)
    assert not {"تهران", "وزیر", "کتاب"} & sw


def keep_cases(fixtures) -> list[tuple[str, str]]:
    path = fixtures / "corpus" / "quality_keep.jsonl"
    return [(d["id"], d["text"]) for d in map(json.loads, path.open(encoding="utf-8"))]


def test_must_keep_real_paragraphs(fixtures) -> None:
    for name, text in keep_cases(fixtures):
        assert check_quality(compute_signals(text), CFG) is None, name


ENGLISH = (
    "The central bank said on Sunday that inflation fell for the third month in a row and that "
    "it expects prices to stabilise by the end of the year, according to a statement."
)
TAGS = " ".join(
    [
        "خرید",
        "گوشی",
        "ارزان",
        "لپتاپ",
        "تبلت",
        "هدفون",
        "شارژر",
        "کابل",
        "قاب",
        "محافظ",
        "ساعت",
        "هوشمند",
        "دوربین",
        "اسپیکر",
        "کیبورد",
        "ماوس",
        "مانیتور",
        "پرینتر",
        "روتر",
        "فلش",
    ]
    * 2
)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\u200c\n", "empty"),
        ("صفحه اصلی | درباره ما | تماس با ما", "too_few_words"),
        (ENGLISH, "not_persian"),
        (TAGS, "few_stopwords"),  # 40 words, no function word
        # one sentence pasted six times: each word is 1/6 of the words, but 5 of 6 lines repeat
        ("\n".join(["این خبر در تهران منتشر شد."] * 6), "duplicated_lines"),
        # keyword spam with a function word: «ارزان» is 1/3 of the words
        (" ".join(["گوشی ارزان در تهران ارزان"] * 6), "repeated_word"),
        # a price table: digits are most of the characters
        (
            "\n".join(f"سکه در بازار {i}۴۵۶۷۸۹۰۰۰ {i}۲۳۴۵۶۷۰۰ ریال" for i in range(1, 7)),
            "too_many_digits",
        ),
        (" ".join(["خبر فوری از تهران و شهرستان ها 🔥🔥🔥🔥 ✅✅"] * 4), "too_many_symbols"),
        # letters spaced apart: mean word length 1
        (" ".join("ا ی ن خ ب ر د ر ت ه ر ا ن م ن ت ش ر ش د و ا ز ب ه"), "odd_word_length"),
    ],
)
def test_must_drop(text: str, reason: str) -> None:
    assert check_quality(compute_signals(text), CFG) == reason


def test_check_quality_names_missing_signals() -> None:
    with pytest.raises(KeyError, match="word_count"):
        check_quality({"char_count": 3.0}, CFG)


@given(st.text())
def test_signals_never_raise_and_ratios_are_bounded(text: str) -> None:
    s = compute_signals(text)
    assert list(s) == list(SIGNAL_NAMES)
    for name, value in s.items():
        assert isinstance(value, float)
        if name.endswith("_ratio"):
            assert 0.0 <= value <= 1.0, name
    assert check_quality(s, CFG) in {
        None,
        "empty",
        "too_few_words",
        "not_persian",
        "few_stopwords",
        "repeated_word",
        "duplicated_lines",
        "too_many_symbols",
        "too_many_digits",
        "odd_word_length",
        "ellipsis_lines",
    }


@pytest.mark.shared
def test_defaults_keep_real_articles(shared) -> None:
    """Measured: FarsNews 1/300 dropped (a headline-only record), PEYMA 0/1,306, Varzesh3 0/500."""
    data = shared / "data"
    texts = []
    for name in ("fars-news-1", "varzesh3-1"):
        for line in (data / "farsnews_varzesh3_json" / f"{name}.docs.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            texts.append("\n".join(x for x in (d["title"], d["abstract"], d["body"]) if x))
    for name in ("peyma300k", "peyma600k"):
        for line in (data / "peyma_nsurl2019" / f"{name}.docs.jsonl").open(encoding="utf-8"):
            texts.append(json.loads(line)["text"])
    dropped = [t[:60] for t in texts if check_quality(compute_signals(t), CFG)]
    assert len(dropped) <= 0.002 * len(texts), dropped


def test_symbol_class_is_unicode_category_s() -> None:
    # _char_counts counts symbols with a character class; _symbols counted categories one
    # character at a time after removing the classes that hold none
    import unicodedata

    from khabar.corpus import quality

    pattern = quality._symbol_class()
    for cp in range(0x110000):
        ch = chr(cp)
        symbol = unicodedata.category(ch)[0] == "S"
        assert bool(pattern.fullmatch(ch)) == symbol, hex(cp)
        if symbol:
            assert not quality._NOT_SYMBOL.fullmatch(ch), hex(cp)


@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        ("خبر 🔥🔥 ✅ فوری ©", 4),  # two emoji (beyond the BMP), a check mark, ©
        ("قیمت: ۱۰۰$ + ۵٪ | بیشتر", 3),  # $ + | are symbols; ٪ and : are punctuation
        ("متن بدون نماد، فقط «نقل» و (پرانتز).", 0),
    ],
)
def test_symbol_counts_by_hand(text: str, symbols: int) -> None:
    from khabar.corpus import quality

    assert quality._symbols(text) == symbols
    assert quality._char_counts(text)[5] == symbols
    assert quality._char_counts(text * 30)[5] == 30 * symbols  # the numpy path (256+ characters)


def test_ratio_is_round_of_the_division() -> None:
    """_ratio's shortcuts (0 and the whole) give what round(part / whole, 4) gives, bit for bit,
    over every pair of counts up to 400, and the ties round to even (1/32 = 0.03125 -> 0.0312)."""
    import math

    from khabar.corpus.quality import _ratio

    for whole in range(401):
        for part in range(whole + 1):
            want = round(part / whole, 4) if whole else 0.0
            got = _ratio(part, whole)
            assert type(got) is float and got == want, (part, whole)
            assert math.copysign(1.0, got) == math.copysign(1.0, want), (part, whole)
    assert (_ratio(1, 32), _ratio(3, 32), _ratio(0, 5), _ratio(5, 5)) == (0.0312, 0.0938, 0.0, 1.0)


def test_signals_are_in_signal_names_order() -> None:
    for text in ("", "خبر", "یک خبر کوتاه.\n\nیک خبر کوتاه.\nپایان..."):
        assert tuple(compute_signals(text)) == SIGNAL_NAMES
