"""Site lines: a footer repeated on a domain's pages goes, a line seen once stays."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.corpus.sitelines import SiteLineCounter, remove_site_lines
from khabar.document import Removed

FOOTER = "انتهای پیام/"
SHARE = "اشتراک‌گذاری در تلگرام | واتس‌اپ"

PAGES = [
    f"وزیر نیرو از کاهش ذخایر سدهای تهران خبر داد.\n{SHARE}\n{FOOTER}",
    f"تیم ملی والیبال به مرحله نهایی رسید.\nمربی تیم گفت: بازیکنان آماده‌اند.\n{FOOTER}",
    # the same footer, damaged: Arabic yeh, space before the slash, share line without ZWNJ
    "قیمت طلا امروز کاهش یافت.\nاشتراک گذاری در تلگرام | واتس اپ\nانتهاي پيام /",
]


def counted(pages: list[str], domain: str = "isna.ir") -> SiteLineCounter:
    c = SiteLineCounter()
    for p in pages:
        c.add(domain, p)
    return c


def test_footer_on_three_pages_is_a_site_line_and_once_seen_line_is_not() -> None:
    lines = counted(PAGES).frequent(min_docs=3, min_share=0.0)
    assert lines == {"isna.ir": {"انتهای پیام"}}
    # the share bar is on two pages only: not a site line at min_docs=3
    assert "اشتراکگذاری در تلگرام واتساپ" not in lines["isna.ir"]


def test_remove_site_lines_removes_footer_and_keeps_the_rest() -> None:
    lines = counted(PAGES).frequent(min_docs=3, min_share=0.0)["isna.ir"]
    text = "مربی تیم گفت: بازیکنان آماده‌اند.\n\nانتهای پیام/"
    new, removed = remove_site_lines(text, lines)
    assert new == "مربی تیم گفت: بازیکنان آماده‌اند.\n"
    assert removed == [Removed(text="انتهای پیام/", reason="site_line", line=2)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "خبر بدون پانویس",
        "انتهای پیام/ و ادامه جمله",  # the footer inside a longer line is not the footer line
        "پیام انتها",
    ],
)
def test_remove_site_lines_must_not_change(text: str) -> None:
    assert remove_site_lines(text, {"انتهای پیام"}) == (text, [])


def test_a_line_counts_once_per_document() -> None:
    c = counted([f"{FOOTER}\nمتن\n{FOOTER}\n{FOOTER}", f"متن دیگر\n{FOOTER}"])
    assert c.counts["isna.ir"]["انتهای پیام"] == 2
    assert c.frequent(min_docs=3, min_share=0.0) == {}


def test_domains_are_counted_apart() -> None:
    c = SiteLineCounter()
    for domain in ("isna.ir", "irna.ir", "mehrnews.com"):
        c.add(domain, f"خبر\n{FOOTER}")
    assert c.frequent(min_docs=3, min_share=0.0) == {}


def test_min_share_needs_the_line_on_enough_of_the_pages() -> None:
    pages = PAGES + [f"خبر شماره {i}" for i in range(97)]  # footer on 3 of 100 pages
    c = counted(pages)
    assert c.frequent(min_docs=3, min_share=0.05) == {}
    assert c.frequent(min_docs=3, min_share=0.03) == {"isna.ir": {"انتهای پیام"}}


def test_merge_equals_counting_everything_in_one_counter() -> None:
    one = counted(PAGES)
    a, b = counted(PAGES[:1]), counted(PAGES[1:])
    a.merge(pickle.loads(pickle.dumps(b)))  # a worker sends its counter pickled
    assert a.docs == one.docs and a.counts == one.counts
    assert a.frequent(3, 0.0) == one.frequent(3, 0.0)


def test_long_lines_are_not_counted() -> None:
    long_line = "این یک پاراگراف طولانی از متن خبر است " * 10
    c = counted([long_line] * 3)
    assert c.frequent(3, 0.0) == {}


def test_the_length_limit_is_inclusive_and_blank_lines_are_not_counted() -> None:
    # max_chars=5: «abcde» (5) counts, «abcdef» (6) does not; a blank line and a line of
    # spaces have the canonical form "" and count for nothing; a line twice in a page counts once
    c = SiteLineCounter(max_chars=5)
    c.add("isna.ir", "abcde\nabcdef\n\n   \nabcde\nخبر")
    c.add("isna.ir", "ABCDE")
    assert c.docs == {"isna.ir": 2}
    assert dict(c.counts["isna.ir"]) == {"abcde": 2, "خبر": 1}


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="min_docs"):
        SiteLineCounter().frequent(min_docs=1)
    with pytest.raises(ValueError, match="max_chars"):
        SiteLineCounter(max_chars=100).merge(SiteLineCounter(max_chars=200))


@given(st.lists(st.text(alphabet="اب پ\u200cی\n", max_size=20), max_size=5))
def test_removal_only_drops_listed_lines(pages: list[str]) -> None:
    c = counted(pages)
    lines = c.frequent(min_docs=2, min_share=0.0).get("isna.ir", set())
    for p in pages:
        new, removed = remove_site_lines(p, lines)
        gone = {r.line for r in removed}
        assert new == "\n".join(x for i, x in enumerate(p.split("\n")) if i not in gone)
        assert all(r.text == p.split("\n")[r.line] for r in removed)
