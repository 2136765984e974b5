"""Issue #3's hypothesis properties of ``khabar.fix`` on targeted text: Persian mixed with other
scripts, emoji and their ZWJ sequences, and links glued to Persian words (a crawl loses the
space before a link). tests/text/test_fix_properties.py draws from one alphabet of Persian-ish
characters; these draw whole tokens, so the cases the issue names come up in every run:
idempotent, no Arabic ي/ك left, no ZWNJ next to a space, URLs and Latin spans byte-identical,
never raises; and what is not Persian is never changed.

``KHABAR_HYPOTHESIS_EXAMPLES`` raises the number of examples (bench/fix/audit18a.md ran 20,000
per property with several ``--hypothesis-seed``)."""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.text.fix import fix
from khabar.text.protect import VERBATIM, find_spans

from .verbatim import outside_verbatim

ZWNJ, ZWJ = "\u200c", "\u200d"
SETTINGS = settings(max_examples=int(os.environ.get("KHABAR_HYPOTHESIS_EXAMPLES", "200")),
                    deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Persian as crawls have it: glued, spaced, Arabic ي/ك, a ZWNJ where it belongs and where not
PERSIAN = st.sampled_from([
    "کتابها", "کتاب ها", f"کتاب{ZWNJ}ها", "ميخواهم", "می خواهم", "نمیشود", "رئیسجمهوری",
    "بینالمللی", "میلیون", "میروسلاو", "خاورمیانه", "۱۴ می", "14 می", "خانهٔ", "خانۀ", "مدرسة",
    "اصلاً", "مـــدیر", "ﻛﺘﺎﺏ", "كشور", "علي", f"می{ZWNJ} روم", f"{ZWNJ}ها", f"کتاب{ZWNJ}{ZWNJ}ها",
    "،", "؟", "«", "»", ".", ":", "(", ")",
])
#: other scripts, with their own joiners: Devanagari's ZWJ/ZWNJ after a virama are spelling
FOREIGN = st.sampled_from([
    "Hello", "COVID-19", "café", "naïve", "Привет", "мир", "Ελλάδα", "日本語", "中文", "한국어",
    "שלום", "नमस्ते", f"क्{ZWJ}ष", f"क्{ZWNJ}ष", "ไทย", "Ռուսաստան", "x\u0301",
])
#: emoji alone and in sequences: skin tones, a ZWJ family, a flag, a keycap, VS16
EMOJI = st.sampled_from([
    "😀", "👍🏽", f"👨{ZWJ}👩{ZWJ}👧", f"🏳️{ZWJ}🌈", "🇮🇷", "1️⃣", "❤️", f"🧑🏽{ZWJ}💻",
])
DIGITS = st.sampled_from(["1402", "۱۴۰۲", "١٤٠٢", "3.5", "۱۲:۳۰", "1,000"])
#: links with Persian and Arabic letters in their paths, and what glues them to the words around
URLS = st.sampled_from([
    "https://fa.wikipedia.org/wiki/كشور_(ايران)", "www.isna.ir/news/کتابها", "http://x.ir/a?q=ي",
    f"https://x.ir/می{ZWNJ}خواهم", "www.yjc.ir/fa/news/7349926/از-کشف-میخواهم", "info@khabar.ir",
    "#هشتگ_عربي", "@كاربر", "`a  =  ي`",
    # bare domains with a path (session 19): a crawl glues them to words as it does www. links
    "isna.ir/news/كتابها", f"bbc.co.uk/persian/می{ZWNJ}خواهم", "t.me/s/كانال", "x.ir:80/ي",
    "isna.ir", "file.txt/كتابها", "9gag.com/ي",
])
SEP = st.sampled_from(["", " ", " ", "  ", "\u00a0", ZWNJ, "\n", "، "])

MIXED = st.lists(st.tuples(st.one_of(PERSIAN, PERSIAN, FOREIGN, EMOJI, DIGITS), SEP),
                 max_size=12).map(lambda parts: "".join(a + b for a, b in parts))
GLUED_URLS = st.lists(st.tuples(PERSIAN, URLS, PERSIAN, SEP), min_size=1, max_size=4).map(
    lambda parts: " ".join(a + u + b + s for a, u, b, s in parts))
TEXT = st.one_of(MIXED, GLUED_URLS)



_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                  (0xFE70, 0xFEFF))


def _foreign(text: str) -> str:
    """The characters of ``text`` that no rule of fix is about: letters, digits, marks, symbols
    and punctuation outside the Arabic blocks (spaces and format characters left out)."""
    return "".join(
        ch for ch in text
        if unicodedata.category(ch)[0] in "LNMSP"
        and not any(lo <= ord(ch) <= hi for lo, hi in _ARABIC_BLOCKS)
    )


@SETTINGS
@given(TEXT)
def test_idempotent(text: str) -> None:
    once = fix(text)
    assert fix(once) == once


@SETTINGS
@given(TEXT)
def test_no_arabic_yeh_or_kaf_and_no_zwnj_beside_a_space(text: str) -> None:
    rest = outside_verbatim(fix(text))
    assert "\u064a" not in rest and "\u0643" not in rest
    assert f"{ZWNJ} " not in rest and f" {ZWNJ}" not in rest


@SETTINGS
@given(TEXT)
def test_identifiers_come_out_byte_for_byte(text: str) -> None:
    out = fix(text)
    pos = 0
    for span in find_spans(text):
        if span.kind in VERBATIM:
            found = out.find(span.text, pos)
            assert found >= 0, (span.text, out)
            pos = found + len(span.text)


@SETTINGS
@given(TEXT)
def test_other_scripts_and_emoji_are_never_changed(text: str) -> None:
    out = fix(text)
    assert _foreign(out) == _foreign(text)
    # a ZWJ between two emoji (a family, a rainbow flag) is part of the emoji
    for seq in (f"👨{ZWJ}👩{ZWJ}👧", f"🏳️{ZWJ}🌈", f"🧑🏽{ZWJ}💻", f"क्{ZWJ}ष"):
        assert out.count(seq) == text.count(seq)
    assert out.count("\n") == text.count("\n")
