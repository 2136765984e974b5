"""Per-document boilerplate removal. Inputs are short texts composed for the tests (not copied
from sites) plus the seed fixture; every expected removal was decided by reading the case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.errors import ConfigError
from khabar.news._fold import fold
from khabar.news.boilerplate import BoilerplateConfig, load_phrases, strip_boilerplate

BODY = "رئیس سازمان برنامه و بودجه امروز در نشست خبری گفت که بودجه سال آینده تا پایان آذر به مجلس می‌رسد."
BODY2 = "به گفته او، سهم درآمدهای نفتی در بودجه سال آینده کمتر از سال جاری خواهد بود."
BODY3 = "نمایندگان مجلس هم گفته‌اند بررسی لایحه بودجه را بلافاصله آغاز می‌کنند."


def _removed(text: str) -> list[tuple[int, str]]:
    return [(r.line, r.reason) for r in strip_boilerplate(text)[1]]


def test_seed_removes_exactly_the_gold_lines(fixtures: Path) -> None:
    seed = fixtures / "news" / "tasnim-kazakhstan"
    raw = (seed / "raw.txt").read_text(encoding="utf-8")
    gold = json.loads((seed / "expected.json").read_text(encoding="utf-8"))["removed_lines"]
    kept, removed = strip_boilerplate(raw)
    assert [r.text for r in removed] == gold
    # the repeated title is the second one (line 2), and the footer is lines 18-34
    assert [r.line for r in removed] == [2, *range(18, 35)]
    assert removed[0].reason == "duplicate_title"
    raw_lines = raw.split("\n")
    assert all(raw_lines[r.line] == r.text for r in removed)
    # the kept text has the same paragraphs as the hand-cleaned text, one blank line apart
    clean = (seed / "clean.txt").read_text(encoding="utf-8").rstrip("\n")
    assert len(kept.split("\n\n")) == len(clean.split("\n\n")) == 8
    assert "\n\n\n" not in kept
    assert kept.startswith(raw_lines[0] + "\n\n" + raw_lines[4])
    assert kept.endswith(raw_lines[16])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        BODY,
        # a dateline standing alone, then the story
        "تهران- ایرنا-\n" + BODY,
        # a one-line quote as the last paragraph
        "عنوان خبر\n\n" + BODY + "\n\n«ما تسلیم نمی‌شویم»",
        # a short Q&A: one-word answers
        "آیا این قانون اجرا می‌شود؟\n\nبله.\n\nچه زمانی؟\n\nخیر.",
        "سؤال: مهلت ثبت‌نام کی تمام می‌شود؟\nپاسخ: فردا",
        # the same short answer twice is dialogue, not an extraction artefact
        "بله.\nبله.",
        # words of the phrase table inside real sentences
        "نظرات کارشناسان نشان می‌دهد که تورم کاهش یافته است.",
        BODY + "\nکلیه حقوق کارگران باید تا پایان ماه پرداخت شود.",
        BODY + "\nآخرین اخبار حاکی است که دو نفر در این حادثه کشته شده‌اند.",
        BODY + "\nآخرین اخبار را در سایت بخوانید.",
        "عکس ازدواج آنها در شبکه‌های اجتماعی منتشر شد.",
        "تلگرام\n" + BODY,  # a share word outside the footer
        BODY + "\nما را در جریان قرار دهید.",  # a promotion phrase, but not in a footer
        # the title quoted far below is not a duplicated title
        "عنوان خبر امروز\n\n" + "\n\n".join([BODY, BODY2, BODY3, BODY2[:-1] + "!"]) + "\n\nعنوان خبر امروز",
        # a footer heading followed by article text is not a footer
        BODY + "\nپربیننده‌ترین اخبار\n" + BODY2,
        # short lines at the end without any footer heading: a list in the article
        BODY + "\nنامزدها:\nعلی رضایی\nمریم احمدی\nحسن کریمی",
        # a poem-like block of short lines
        "برخیز و مخور غم جهان گذران\nبنشین و دمی به شادمانی گذران",
    ],
)
def test_must_not_remove(text: str) -> None:
    kept, removed = strip_boilerplate(text)
    assert removed == []
    assert kept == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the footer heading in every spelling: ZWNJ, glued, Arabic yeh, spaced
        (BODY + "\nپربیننده‌ترین اخبار\nمدیران\nرازی", [(1, "related_links"), (2, "footer"), (3, "footer")]),
        (BODY + "\nپربینندهترین اخبار\nمدیران", [(1, "related_links"), (2, "footer")]),
        (BODY + "\nپربيننده ترين اخبار\nمدیران", [(1, "related_links"), (2, "footer")]),
        (BODY + "\nواژه‌های کاربردی مرتبط\nتیتر یک خبر دیگر\ntriboon", [(1, "related_links"), (2, "footer"), (3, "footer")]),
        # related headlines may be questions or exclamations
        (BODY + "\nاخبار مرتبط\nچرا دلار گران شد؟\nپیروزی پرسپولیس!",
         [(1, "related_links"), (2, "footer"), (3, "footer")]),
        # a copyright sentence ends the footer: it still goes
        (BODY + "\nاخبار مرتبط\nتیتر خبر\n\n© کلیه حقوق این سایت محفوظ است.",
         [(1, "related_links"), (2, "footer"), (4, "copyright")]),
        (BODY + "\nآخرین خبرها\nتیتر\nکلیه حقوق این خبرگزاری محفوظ است.",
         [(1, "related_links"), (2, "footer"), (3, "copyright")]),
        # phrase lines anywhere
        ("کد خبر: ۱۲۳۴۵۶\n" + BODY, [(0, "metadata")]),
        ("كد خبر 123456\n" + BODY, [(0, "metadata")]),  # Arabic kaf, ASCII digits, no colon
        (BODY + "\nتبلیغات\n" + BODY2, [(1, "ads")]),
        (BODY + "\nعکس: علی محمدی\n" + BODY2, [(1, "photo_credit")]),
        (BODY + "\nعکس از علی محمدی", [(1, "photo_credit")]),
        (BODY + "\nاشتراک‌گذاری\nلینک کوتاه: https://x.ir/abc", [(1, "share"), (2, "share")]),
        (BODY + "\nانتهای پیام/", [(1, "end_marker")]),
        (BODY + "\nارسال نظر", [(1, "comments")]),
        ("عکس تزئینی است\n" + BODY, [(0, "photo_credit")]),
        # a channel promotion after a footer heading goes with the footer
        (BODY + "\nاخبار مرتبط\nتیتر خبر دیگر\nما را در تلگرام دنبال کنید.",
         [(1, "related_links"), (2, "footer"), (3, "share")]),
        # a related block between paragraphs: the marker and its headlines
        (BODY + "\nبیشتر بخوانید:\nتیتر یک خبر دیگر\n\n" + BODY2,
         [(1, "related_links"), (2, "related_links")]),
        (BODY + "\nبیشتر بخوانید: تیتر یک خبر دیگر\n" + BODY2, [(1, "related_links")]),
        # an extraction artefact: a long line twice in a row
        (BODY + "\nاین عکس در مراسم افتتاحیه گرفته شده است\nاین عکس در مراسم افتتاحیه گرفته شده است",
         [(2, "duplicate_line")]),
        (BODY + "\n\n" + BODY2 + "\n\n" + BODY2, [(4, "duplicate_line")]),
        # the duplicated title, even when one copy lost its ZWNJ
        ("افزایش قیمت‌ها\nافزایش قیمتها\n" + BODY, [(1, "duplicate_title")]),
    ],
)
def test_removes(text: str, expected: list[tuple[int, str]]) -> None:
    assert _removed(text) == expected


def test_kept_text_keeps_paragraph_breaks() -> None:
    text = ("عنوان این خبر\n\nعنوان این خبر\n\nپاراگراف یک.\n\n\nپاراگراف دو.\n\nتبلیغات\n\n"
            "پاراگراف سه.\n\nاخبار مرتبط\nتیتر\n")
    kept, _ = strip_boilerplate(text)
    # the double blank line written by the page stays; blank runs left by removals shrink to one
    assert kept == "عنوان این خبر\n\nپاراگراف یک.\n\n\nپاراگراف دو.\n\nپاراگراف سه.\n"


def test_crlf_lines_are_reported_without_cr() -> None:
    kept, removed = strip_boilerplate(BODY + "\r\nتبلیغات\r\n")
    assert [(r.line, r.text, r.reason) for r in removed] == [(1, "تبلیغات", "ads")]
    assert kept == BODY + "\r\n"


def test_config_is_validated() -> None:
    with pytest.raises(ConfigError, match="footer_max_words"):
        BoilerplateConfig(footer_max_words=-1)


def test_bad_phrase_table_names_file_and_line(tmp_path: Path) -> None:
    table = tmp_path / "phrases.tsv"
    table.write_text("# header\nads\tline\tanywhere\tno\t0\tتبلیغات\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 2: where 'anywhere'"):
        strip_boilerplate(BODY, BoilerplateConfig(phrases=str(table)))


def test_step_setup_reads_the_configured_phrase_table(tmp_path: Path) -> None:
    # setup reads and indexes the run's table, so a malformed one fails before any document
    from khabar.steps.news import BoilerplateStep

    table = tmp_path / "phrases.tsv"
    table.write_text("# header\nads\tline\tanywhere\tno\t0\tتبلیغات\n", encoding="utf-8")
    step = BoilerplateStep(BoilerplateConfig(phrases=str(table)))
    with pytest.raises(ConfigError, match=r"line 2: where 'anywhere'"):
        step.setup()


def test_shipped_phrase_table_has_no_duplicate_keys() -> None:
    seen: dict[tuple[str, str], str] = {}
    for p in load_phrases():
        assert (p.kind, p.key) not in seen, f"{p.phrase!r} repeats {seen[(p.kind, p.key)]!r}"
        seen[(p.kind, p.key)] = p.phrase


def test_fold_treats_spellings_alike() -> None:
    assert fold("پربینندهترین") == fold("پربیننده‌ترین") == fold("پربيننده ترين")
    assert fold("۱۲۳") == fold("١٢٣") == "123"


@given(st.lists(st.sampled_from([
    BODY, "", "تبلیغات", "بله.", "اخبار مرتبط", "مدیران", "کد خبر: ۱۲", "عنوان", "  ",
    "پربیننده‌ترین اخبار", "«نقل قول»", "تهران- ایرنا-",
]), max_size=12))
def test_nothing_is_lost_silently(lines: list[str]) -> None:
    text = "\n".join(lines)
    kept, removed = strip_boilerplate(text)
    nonblank = [ln for ln in text.split("\n") if ln.strip()]
    kept_nonblank = [ln for ln in kept.split("\n") if ln.strip()]
    assert len(kept_nonblank) + len(removed) == len(nonblank)
    for r in removed:
        assert text.split("\n")[r.line] == r.text


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    kept, _ = strip_boilerplate(text)
    assert len(kept) <= len(text)


# --- the fast folding gives what the plain definitions give -----------------------------------------

_FOLD_ALPHABET = st.sampled_from(
    list("abcAB عکسازیکهوا.…»)]\"'?:-\n\r\t") + ["\u00a0", "\u2009", "\u3000", "\x0b", "\x1c", "\u200c",
    "\u200d", "\u200f", "\u202b", "\u2067", "\u0640", "\u064b", "\u0670", "\ufeff", "ي", "ك", "ى",
    "ة", "ۀ", "أ", "آ", "ؤ", "٤", "۴", "：", "،", "Σ", "İ", "ς", "ẞ"]
)


@given(st.lists(_FOLD_ALPHABET, max_size=60).map("".join))
def test_fold_is_translate_then_regex(text: str) -> None:
    """fold() maps with str.replace and drops spaces with str.split(); it must equal the
    definition: variants translated, the drop class removed with a regex, then lower()."""
    from khabar.news import _fold

    table = str.maketrans(dict(_fold._VARIANTS.pairs))
    expected = _fold._DROP.sub("", text.translate(table)).lower()
    assert _fold.fold(text) == expected
    assert _fold.fold_lines(text) == [_fold.fold(line) for line in text.split("\n")]


@given(st.lists(_FOLD_ALPHABET, max_size=40).map("".join))
def test_ends_in_full_stop_is_the_regex(text: str) -> None:
    from khabar.news.boilerplate import _PERIOD_END, _ends_in_full_stop

    assert _ends_in_full_stop(text) == bool(_PERIOD_END.search(text))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("متن خبر.", True),
        ("گفت: «بله.»", True),  # a quote closed after its full stop
        ("پایان…", True),
        ("(ادامه دارد.) ", True),
        ("چرا دلار گران شد؟", False),  # a question may be a related headline
        ("نرخ تورم ۱.۵", False),  # a decimal point inside, not a full stop at the end
        ("بله. نه", False),
        ("", False),
    ],
)
def test_ends_in_full_stop(line: str, expected: bool) -> None:
    from khabar.news.boilerplate import _ends_in_full_stop

    assert _ends_in_full_stop(line) is expected


def test_charmap_refuses_a_chained_map() -> None:
    from khabar.news._fold import CharMap

    with pytest.raises(ValueError, match="replaced too"):
        CharMap.of({"ي": "ی", "ی": "y"})
    assert CharMap.of({"ي": "ی", "ك": "ک"})("يك ي") == "یک ی"


@given(st.lists(_FOLD_ALPHABET, max_size=60).map("".join))
def test_only_plain_spaces(text: str) -> None:
    # fold_lines' str.replace path folds a text with only spaces and line breaks in one replace
    from khabar.news._fold import only_plain_spaces

    assert only_plain_spaces(text) == all(ch in " \n" for ch in text if ch.isspace())


def test_other_spaces_cover_every_whitespace_character() -> None:
    """only_plain_spaces() looks for a fixed list of characters: it must hold every character
    Python takes for whitespace, in the whole Unicode range, but the space and the line break."""
    import sys

    from khabar.news._fold import _OTHER_SPACES

    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(_OTHER_SPACES) == every - {" ", "\n"}


_FOLD_ALPHABET = st.one_of(
    st.sampled_from(list("پربيننده ترين کد خبر: ۱۲٣ \n\t\r«»،؛؟٫٬：ـًٌّۀةأإآؤ\u200c\u200d\u200f\xa0"
                         "\u2028ΣσςİAbc😀")),
    st.characters(codec="utf-8"),
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_FOLD_ALPHABET, max_size=400))
def test_fold_lines_is_fold_of_every_line(text: str) -> None:
    # long texts take the numpy table (256+ characters), short ones str.replace: both are fold()
    from khabar.news._fold import fold, fold_lines

    for variant in (text, text * (1 + 256 // max(len(text), 1))):
        assert fold_lines(variant) == [fold(line) for line in variant.split("\n")]


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        # the site's promotion of itself (examples/html/1602557452.html, باشگاه خبرنگاران جوان)
        ("مهم‌ترین بسته حوادث استان یزد را در سایت باشگاه خبرنگاران جوان مشاهده کنید.", True),
        ("مهمترين بسته حوادث استان يزد را در سايت باشگاه خبرنگاران جوان مشاهده كنيد", True),
        ("اخبار تیم ملی را از طریق #کاپیتان دنبال کنید", True),
        ("ویدئوهای بیشتر را در کانال تلگرام ما مشاهده کنید", True),
        # advice or content, not a named site or channel: stays
        ("پرونده را از طریق مراجع قضایی دنبال کنید.", False),
        ("فیلم منتشر شده توسط این دو هکر را مشاهده کنید", False),
        ("میزان حقوق کارگران در دیگر کشورها را در جدول زیر مشاهده کنید", False),
        # a long sentence is article text even with the words of a promotion (26 words > 25)
        ("در این گزارش که " + "واژه " * 15 + "آمده است نتایج را در سایت وزارت مشاهده کنید", False),
    ],
)
def test_site_promotion_lines(line: str, removed: bool) -> None:
    text = f"عنوان خبر\n\n{line}\n\nمتن خبر که ادامه دارد."
    kept, report = strip_boilerplate(text)
    if removed:
        assert [(r.line, r.reason) for r in report] == [(2, "navigation")]
        assert kept == "عنوان خبر\n\nمتن خبر که ادامه دارد."
    else:
        assert report == [] and kept == text


def test_pattern_row_is_checked(tmp_path: Path) -> None:
    table = tmp_path / "phrases.tsv"
    table.write_text("navigation\tpattern\tany\tno\t10\t(unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 1: the pattern is not a regular expression"):
        load_phrases(str(table))
    table.write_text("navigation\tpattern\tany\tno\t0\t.+ کنید\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 1: a pattern row needs max_words above 0"):
        load_phrases(str(table))
