"""Per-rule input -> expected tables for the character and spacing rules of khabar.fix.

Every case runs through ``fix(text, zwnj="off", **policy)`` so the rule is tested where it is
used; the ZWNJ engine is tested in test_zwnj*.py and together with these rules in test_fix.py.
Each expected value was written by hand.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.text.fix import fix
from khabar.text.normalize import _SPACE_SLIP, LINE_BREAKS, Change, SlipSpaceRule

ZWNJ = "\u200c"


def run(text: str, **policy: str) -> str:
    return fix(text, zwnj="off", **policy)


# Texts no rule of the default policy may change.
CLEAN = [
    "",
    "\n",
    "\n\n\n",
    "سلام",
    "می\u200cروم",  # a correct ZWNJ between letters
    "کتاب\u200cهای من",
    "قزاقستان در سال 2016 بیش از 300 میلیون دلار",
    "از ۲۷ تا ۳۰ خرداد ماه",  # Persian digits stay (digits=keep)
    "حوادث 14 می تشکیل شده بود",
    "پیامبر اکرم (ص) ناراحتی",
    "رشتهٔ مطالعاتی",  # هٔ stays (heh_yeh=keep)
    "خانۀ ما",  # ۀ stays too
    "حتماً",  # a mark on a letter is spelling, not noise
    "آیة\u200cالله",  # ة stays (teh_marbuta=keep)
    "  تورفتگی",  # leading indentation is structure
    "فارس ، رسول",  # tokenised text keeps its space before punctuation (punct_spacing=add)
    "برد « برد »",
    "a\tb",  # tabs are not spaces to collapse
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_unchanged(text: str) -> None:
    assert run(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("علي", "علی"),  # U+064A ARABIC YEH
        ("مصطفى", "مصطفی"),  # U+0649 ALEF MAKSURA
        ("ئي", "ئی"),  # yeh with hamza above is a Persian letter: kept
        ("كتاب", "کتاب"),  # U+0643 ARABIC KAF
        ("ڪتاب", "کتاب"),  # U+06AA SWASH KAF
        ("يك كشور", "یک کشور"),
    ],
)
def test_yeh_and_kaf(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\ufedb\ufe98\ufe8e\ufe8f",
            "کتاب",
        ),  # ﻛﺘﺎﺏ: initial kaf, medial teh, final alef, isolated beh
        ("\ufefb", "لا"),  # ﻻ lam-alef ligature: two letters
        ("\ufdf2", "الله"),  # ﷲ: a word ligature that is just letters
        ("\ufbfe\ufbff", "یی"),  # Farsi yeh initial, medial
        ("\ufdfa", "\ufdfa"),  # ﷺ stands for a phrase: a symbol the writer chose, kept
        ("\ufdfd", "\ufdfd"),  # ﷽ the basmala: kept
    ],
)
def test_presentation_forms(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u0627\u0653ب", "آب"),  # alef + madda above
        ("\u0627\u0654مید", "أمید"),
        ("مسئول", "مسئول"),  # already precomposed
        ("\u064a\u0654", "ئ"),  # Arabic yeh + hamza: composed before yeh folding
        ("\ufe8e\u0654", "أ"),  # a presentation form of alef + hamza: composed after folding
        ("ا\u200b\u0653", "آ"),  # the pair meets once the ZWSP is gone
        ("\u0648\u0654", "ؤ"),
        ("رشته\u0654", "رشته\u0654"),  # heh + hamza (ezafe) has no precomposed form: kept
        ("\u06cc\u0654", "\u06cc\u0654"),  # Farsi yeh + hamza: no canonical composition
    ],
)
def test_decomposed_letters_are_composed(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("و\u00a0 استفاده", "و استفاده"),  # the seed's NBSP + space
        ("سلام\u00a0دنیا", "سلام دنیا"),
        ("سلام\u202fدنیا", "سلام دنیا"),  # narrow no-break space
        ("سلام\u2009دنیا", "سلام دنیا"),  # thin space
        ("سلام\u3000دنیا", "سلام دنیا"),  # ideographic space
        ("\u00a0\u00a0", ""),  # a line of odd spaces is an empty line
    ],
)
def test_odd_spaces(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("می\u200bخواهم", "میخواهم"),  # ZWSP is no ZWNJ (the ZWNJ engine restores the real one)
        ("\ufeffسلام", "سلام"),  # a BOM inside text
        ("co\u00adoperation", "cooperation"),  # soft hyphen (a half-space between Persian letters)
        ("سل\u2060ام", "سلام"),  # word joiner
        ("\u2063\u2063کاریس \u2063 فن", "کاریس فن"),  # INVISIBLE SEPARATOR padding (Telegram)
        ("تهران\u200f، ایران", "تهران، ایران"),  # RLM
        ("تهران\u200e ایران", "تهران ایران"),  # LRM
        ("\u061cسلام", "سلام"),  # ARABIC LETTER MARK
        ("سلام\u200dدنیا", "سلامدنیا"),  # ZWJ between Arabic letters does nothing
        ("کتاب\u200d ", "کتاب"),  # ZWJ at a word's end
        ("۱\u200d\u200d", "۱"),  # a run at the end of a line goes as a whole
        ("\U0001f468\u200d\U0001f469", "\U0001f468\u200d\U0001f469"),  # 👨‍👩 emoji sequence: kept
        ("\u202bمتن\u202c", "\u202bمتن\u202c"),  # paired embedding: kept
    ],
)
def test_invisible_characters(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bidi mark between two letters, after one that joins the next: a mistyped ZWNJ
        ("ادویه\u200eای", "ادویه\u200cای"),  # LRM (crawled text; deleting it gave ادوی‌های)
        ("برنامه\u200fریزی", "برنامه\u200cریزی"),  # RLM
        ("می\u200eتواند", "می\u200cتواند"),
        ("بازی\u061cها", "بازی\u200cها"),  # ARABIC LETTER MARK
        ("برنامه\u200e\u200fریزی", "برنامه\u200cریزی"),  # a run is one ZWNJ
        ("بازیِ\u200eها", "بازیِ\u200cها"),  # a vowel mark on the letter before
        ("كتابي\u200eها", "کتابی\u200cها"),  # Arabic ي before it: joins too, then mapped
        # must not change into a ZWNJ: the mark is deleted as before
        ("توما\u200fن", "تومان"),  # after ا, which never joins the next letter
        ("کار\u200eها", "کارها"),  # after ر
        ("ج\u200f۲", "ج۲"),  # a digit after it
        ("سلام\u200e ایران", "سلام ایران"),  # a space after it
        ("سلام \u200eایران", "سلام ایران"),  # a space before it
        ("abc\u200eفارسی", "abcفارسی"),  # a Latin letter before it
        ("کتاب\u200eabc", "کتابabc"),  # a Latin letter after it
    ],
)
def test_bidi_mark_inside_a_word(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a soft hyphen between two letters, after one that joins the next: Word's optional
        # hyphen (Ctrl+-) typed for a half-space (crawled text: سال+SHY+های, خوش+SHY+ترین)
        ("سال\u00adهای گذشته", "سال\u200cهای گذشته"),
        ("خوش\u00adترین", "خوش\u200cترین"),
        ("می\u00adخواهم", "می\u200cخواهم"),
        ("دولت\u00ad\u00adها", "دولت\u200cها"),  # a run is one ZWNJ
        # must not change into a ZWNJ: the soft hyphen is deleted as before
        ("دار\u00adایی", "دارایی"),  # after ر, which never joins the next letter
        ("درخت\u00ad\u200cهای", "درخت\u200cهای"),  # next to the author's ZWNJ: one ZWNJ left
        ("پژوهش\u200c\u00adهای", "پژوهش\u200cهای"),
        ("عارفانه\u00ad است", "عارفانه است"),  # a space after it
        ("co\u00adoperation", "cooperation"),  # Latin hyphenation point
        ("کتاب\u00adabc", "کتابabc"),  # a Latin letter after it
    ],
)
def test_soft_hyphen_inside_a_word(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("می\u200c روم", "می روم"),  # ZWNJ before a space
        ("می \u200cروم", "می روم"),  # after a space
        ("کتاب\u200c\u200cها", "کتاب\u200cها"),  # doubled
        ("کتاب\u200c\u200c\u200cها", "کتاب\u200cها"),  # tripled
        ("\u200cسلام", "سلام"),  # at the start of a line
        ("سلام\u200c", "سلام"),  # at the end
        ("سلام\u200c\nدنیا", "سلام\nدنیا"),  # before a line break
        ("۱۲\u200cها", "۱۲ها"),  # after a digit (invisible there)
        ("کتاب\u200c.", "کتاب."),  # before punctuation
        ("\u200c", ""),
        ("ا\u200c\u0654", "أ"),  # before a mark: the mark belongs to the letter
        ("کتاب\u0650\u200cها", "کتاب\u0650\u200cها"),  # after a mark (کتابِ‌ها): kept
    ],
)
def test_broken_zwnj_is_removed(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("و  استفاده", "و استفاده"),
        ("و     استفاده", "و استفاده"),
        ("a  b", "a b"),  # between Latin words too: the space is not part of a word
        ("سلام   \nدنیا  ", "سلام\nدنیا"),  # trailing spaces go, the line break stays
        ("سلام \r\nدنیا", "سلام\r\nدنیا"),
        ("   ", ""),  # whitespace-only line
        ("  سلام  دنیا", "  سلام دنیا"),  # indentation kept, the inner run collapses
    ],
)
def test_spaces(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("کشور(اسرائیل و فلسطین)", "کشور (اسرائیل و فلسطین)"),  # the seed's کشور(اسرائیل
        ("(ص)ناراحتی", "(ص) ناراحتی"),
        ("«تهران»برگردم", "«تهران» برگردم"),
        ("گفت«سلام»", "گفت «سلام»"),
        ("گفت:ما", "گفت: ما"),
        ("است.وی", "است. وی"),
        ("تهران،ایران", "تهران، ایران"),
        ("چرا؟چون", "چرا؟ چون"),
        ("آه!چه", "آه! چه"),
        ("اول؛دوم", "اول؛ دوم"),
        # a ZWNJ inside the word before a dot counts as a letter: «ی‌ا» is no one-letter
        # abbreviation (read as one, the space was added only by a second fix, once the ZWNJ
        # engine had removed the ZWNJ: fix was not idempotent)
        ("ی\u200cا.ق", "ی\u200cا. ق"),
        ("گفته\u200cاند.وی", "گفته\u200cاند. وی"),
        # must not change: numbers, Latin, one-letter abbreviations, punctuation before digits
        ("3.5", "3.5"),
        ("۳٫۵", "۳٫۵"),
        ("1,000", "1,000"),
        ("۱۴۰۲/۰۷/۱۹", "۱۴۰۲/۰۷/۱۹"),
        ("ساعت 12:30", "ساعت 12:30"),
        ("ساعت ۱۲:۳۰", "ساعت ۱۲:۳۰"),
        ("۱۰ ق.ظ", "۱۰ ق.ظ"),
        ("ج.ا.ا", "ج.ا.ا"),
        ("سال ۱۴۰۲ ه.ش", "سال ۱۴۰۲ ه.ش"),
        ("e.g.متن", "e.g.متن"),  # Latin is not touched, nor the space next to it
        ("بند ۲.۳", "بند ۲.۳"),
        ("فصل:۲", "فصل:۲"),
        ("می\u200cنمایند[4]", "می\u200cنمایند[4]"),  # footnote marks stay attached
    ],
)
def test_punctuation_spacing_add(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line that attaches ، ؛ ؟ ! to its words somewhere: a space before one is a slip
        ("برنج ، روغن، تن", "برنج، روغن، تن"),
        ("آب ، خاک ، هوا، نور", "آب، خاک، هوا، نور"),
        ("خبرگزاری فارس : رئیس، گفت", "خبرگزاری فارس: رئیس، گفت"),
        ("چه خواهد بود ؟ او، نه", "چه خواهد بود؟ او، نه"),
        ("هم نبوده است ! حالا، در", "هم نبوده است! حالا، در"),
        ("اول ؛ دوم؛ سوم", "اول؛ دوم؛ سوم"),
        ("شدند .برخی، گفتند", "شدند. برخی، گفتند"),  # removed before, then added after
        ("دو ، سه\r\nیک، دو", "دو ، سه\r\nیک، دو"),  # \r\n ends the line
        ("یک، دو\nسه ، چهار", "یک، دو\nسه ، چهار"),  # the habit is the line's own
        # must not change: a line that spaces every mark (tokenised text), a digit before the
        # space, an ellipsis, brackets and quotes (only the full style touches those)
        ("فارس ، رسول", "فارس ، رسول"),
        ("گفت : « ما » .", "گفت : « ما » ."),
        ("ساعت 12 : 30، و", "ساعت 12 : 30، و"),
        ("سال ۱۴۰۲ ، ما، تو", "سال ۱۴۰۲ ، ما، تو"),
        ("و ... بودیم، ما", "و ... بودیم، ما"),
        ("( متن )، و « این » ، آن", "( متن )، و « این »، آن"),
    ],
)
def test_punctuation_spacing_add_removes_a_lines_slips(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("فارس ، رسول", "فارس، رسول"),
        ("است .", "است."),
        ("( متن )", "(متن)"),
        ("« متن »", "«متن»"),
        ("گفت :ما", "گفت: ما"),  # removed before, then added after
        ("3.5", "3.5"),
        ("12 :30", "12 :30"),  # not glued into one number
        ("۱۲ .", "۱۲ ."),
    ],
)
def test_punctuation_spacing_full(text: str, expected: str) -> None:
    assert run(text, punct_spacing="full") == expected


def test_punctuation_spacing_off() -> None:
    assert run("کشور(اسرائیل", punct_spacing="off") == "کشور(اسرائیل"


@pytest.mark.parametrize(
    ("text", "digits", "expected"),
    [
        ("۱۲ و ١٢ و 12", "keep", "۱۲ و ١٢ و 12"),  # Persian, Arabic-Indic, ASCII
        ("۱۲ و ١٢ و 12", "persian", "۱۲ و ۱۲ و ۱۲"),
        ("۱۲ و ١٢ و 12", "latin", "12 و 12 و 12"),
        ("٤٥٦", "persian", "۴۵۶"),  # the Arabic-Indic shapes of 4, 5, 6 differ from Persian ones
        ("COVID-19 در ۱۴۰۰", "latin", "COVID-19 در 1400"),
        ("COVID-19 در 1400", "persian", "COVID-19 در ۱۴۰۰"),  # digits inside a Latin word stay
        ("https://x.ir/1", "persian", "https://x.ir/1"),  # and inside a URL
    ],
)
def test_digits(text: str, digits: str, expected: str) -> None:
    assert run(text, digits=digits) == expected


HEH_HAMZA = "خانه\u0654 ما"  # ه + HAMZA ABOVE
HEH_LIGATURE = "خان\u06c0 ما"  # ۀ
HEH_YEH = "خانه\u200cی ما"


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        (HEH_HAMZA, "keep", HEH_HAMZA),
        (HEH_LIGATURE, "keep", HEH_LIGATURE),
        (HEH_LIGATURE, "hamza", HEH_HAMZA),
        (HEH_HAMZA, "hamza", HEH_HAMZA),
        (HEH_HAMZA, "ligature", HEH_LIGATURE),
        (HEH_HAMZA, "yeh", HEH_YEH),
        (HEH_LIGATURE, "yeh", HEH_YEH),
        (HEH_YEH, "hamza", HEH_YEH),  # ه‌ی may be an indefinite ی: never rewritten
    ],
)
def test_heh_yeh(text: str, style: str, expected: str) -> None:
    assert run(text, heh_yeh=style) == expected


@pytest.mark.parametrize(
    ("text", "policy", "expected"),
    [
        ("آیة", {}, "آیة"),
        ("آیة", {"teh_marbuta": "heh"}, "آیه"),
        ("مـــدیر", {}, "مدیر"),
        ("مـــدیر", {"tatweel": "keep"}, "مـــدیر"),
        ("هزینه\u200cـمنفعت", {}, "هزینه\u200cمنفعت"),  # a kashida after a ZWNJ, before a letter
        ("ـها", {}, "ها"),
        ("الف ـ ب", {}, "الف ـ ب"),  # a lone tatweel between spaces is a dash: kept
        # a tatweel before a mark goes even with ZWNJs (or more tatweels) between, whose ZWNJs
        # zwnj.remove.edge deletes: in one pass, as a second pass would (fix is idempotent)
        ("ـ\u200c\u0670", {}, "\u0670"),
        ("ـ\u200cـ\u0670", {}, "\u0670"),
        ("ـ\u0670", {}, "\u0670"),
        ("ـ\u200cب", {}, "ـ\u200cب"),  # a ZWNJ then a letter: not this case, unchanged
        ("لزوم، ــ تلافی", {}, "لزوم، ــ تلافی"),
        ("کتاب \u0650 من", {}, "کتاب من"),  # a kasra on a space: stray, then the spaces collapse
        ("\u064eکتاب", {}, "کتاب"),  # a fatha at the start of a line
        ("۱۲\u064b", {}, "۱۲"),  # after a digit
        ("اً\u064b", {}, "اً"),  # the same mark twice
        ("بُ\u0651", {}, "بُ\u0651"),  # two different marks on one letter: kept
        ("حتماً", {"diacritics": "remove"}, "حتما"),
        ("مُد", {"diacritics": "remove"}, "مد"),
        ("رشته\u0654", {"diacritics": "remove"}, "رشته\u0654"),  # hamza above is no vowel
        ("کتاب \u0650 من", {"diacritics": "keep"}, "کتاب \u0650 من"),
    ],
)
def test_letter_styles(text: str, policy: dict[str, str], expected: str) -> None:
    assert run(text, **policy) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://fa.wikipedia.org/wiki/كشور(ايران)",
        "www.tasnimnews.com/fa/news/1397/02/25/يك",
        "info@khabar.ir",
        "#هشتگ_فارسی",
        "#هشتگ_عربي",  # an identifier: its Arabic yeh is part of the tag
        "@user_name",
        "@كاربر",
        "`x  =  y`",
        "café",
        "Hello World",
    ],
)
def test_protected_spans_are_copied_byte_for_byte(text: str) -> None:
    assert run(text, digits="persian", punct_spacing="full") == text


def test_protected_span_inside_persian_text() -> None:
    text = "منبع:https://x.ir/a(b)  و  #خبر_فوري كه"
    assert run(text) == "منبع:https://x.ir/a(b) و #خبر_فوري که"


STYLES = [
    {"digits": "persian", "heh_yeh": "hamza"},
    {"digits": "latin", "heh_yeh": "ligature", "teh_marbuta": "heh"},
    {"heh_yeh": "yeh", "diacritics": "remove", "tatweel": "keep"},
    {"punct_spacing": "full", "diacritics": "keep"},
    {"punct_spacing": "off"},
]


@pytest.mark.parametrize("policy", [{}, *STYLES], ids=str)
@pytest.mark.parametrize(
    ("text", "expected"),
    [("", ""), (" ", ""), ("\t", "\t"), ("\n \n", "\n\n"), ("\u00a0\u200b\u200c", "")],
)
def test_empty_and_whitespace_under_every_style(
    text: str, expected: str, policy: dict[str, str]
) -> None:
    assert run(text, **policy) == expected


@pytest.mark.parametrize("policy", STYLES, ids=str)
@pytest.mark.parametrize(
    "text", ["سلام", "می\u200cروم", "پیامبر اکرم (ص) ناراحتی", "https://x.ir/ك ۱۲", "#هشتگ_عربي"]
)
def test_clean_text_is_unchanged_under_every_style(text: str, policy: dict[str, str]) -> None:
    expected = text
    if policy.get("digits") == "latin":
        expected = expected.replace("۱۲", "12")
    assert run(text, **policy) == expected


# --- the slip rule's finds against its reference -------------------------------------------------


_LINE = re.compile(f"[^{LINE_BREAKS}]*")


def _slips_by_regex(rule: SlipSpaceRule, text: str) -> list[Change]:
    """What the rule must find, written the slow way: every match of its pattern whose line
    (split at every line break) holds an attached mark, found by a regex too."""
    unattached = re.escape(rule.marks + rule.attached)
    attached = re.compile(f"[^\\s0-9\u0660-\u0669\u06f0-\u06f9{unattached}][{rule.attached}]")
    out = []
    for line in _LINE.finditer(text):
        if attached.search(text, line.start(), line.end()):
            out += [Change(m.start(), m.end(), "", rule.name)
                    for m in rule.pattern.finditer(text, line.start(), line.end())]
    return out


_PIECES = st.sampled_from([" ", "  ", "،", "؛", ":", "!", "؟", ".", "..", "الف", "ب", "3", "۴",
                           "\n", "\r\n", "\u2028", "\u00a0", ")", "»", "\t", "a"])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30))
def test_slip_rule_finds_what_its_pattern_and_line_habit_say(parts: list[str]) -> None:
    text = "".join(parts)
    assert _SPACE_SLIP.find(text) == _slips_by_regex(_SPACE_SLIP, text)


def test_slip_rule_reference_on_a_hand_checked_line() -> None:
    # the reference itself, checked by hand: the spaces at 4 and 9 of the first line go, the
    # second line (no attached mark) keeps its own
    text = "برنج ، آب ، نان، تن\nسه ، چهار"
    assert [(c.start, c.end) for c in _slips_by_regex(_SPACE_SLIP, text)] == [(4, 5), (9, 10)]
