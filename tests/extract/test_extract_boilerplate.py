"""Boilerplate rules by markup and by Persian text, with must-not-match negatives."""

from __future__ import annotations

import pytest

from khabar.extract.boilerplate import fold, is_end_marker, markup_reason, text_reason


@pytest.mark.parametrize(
    ("tag", "class_name", "element_id", "role", "expected"),
    [
        ("nav", "", "", "", "tag:nav"),
        ("footer", "", "", "", "tag:footer"),
        ("aside", "", "", "", "tag:aside"),
        ("div", "", "", "navigation", "role:navigation"),
        ("ul", "nav-menu", "", "", "class:nav"),
        ("ol", "breadcrumb", "", "", "class:nav"),
        ("section", "box related-items", "", "", "class:related"),
        ("div", "", "relatedNews", "", "class:related"),
        ("div", "item-sharing", "", "", "class:share"),
        ("div", "shareto_txt", "", "", "class:share"),
        ("section", "box comments", "", "", "class:comment"),
        ("div", "", "comments-mob", "", "class:comment"),
        ("div", "tags_container", "", "", "class:tags"),
        ("aside", "ads-container", "", "", "tag:aside"),
        ("div", "ads", "", "", "class:ads"),
        ("div", "copyright", "", "", "class:footer"),
        ("div", "", "footer", "", "class:footer"),
        ("div", "most-visited", "", "", "class:list"),
        ("div", "gallery hidden", "", "", "class:hidden"),
    ],
)
def test_markup_reason(
    tag: str, class_name: str, element_id: str, role: str, expected: str
) -> None:
    assert markup_reason(tag, class_name, element_id, role) == expected


@pytest.mark.parametrize(
    ("tag", "class_name", "element_id"),
    [
        ("h1", "Htags", ""),  # yjc's headline: "tags" only as a substring
        ("div", "news_body_con news_body hidden-xs", "root"),  # hidden on phones only
        ("div", "item-body", ""),
        ("div", "item-text", ""),
        ("div", "col-12 col-sm-8 col-md-6", ""),
        ("div", "main-news", ""),
        ("p", "summary introtext", ""),
        ("article", "box item", "item"),
        ("div", "", ""),
        ("header", "", ""),  # article headers hold the title: not furniture by tag
    ],
)
def test_markup_reason_negatives(tag: str, class_name: str, element_id: str) -> None:
    assert markup_reason(tag, class_name, element_id, "") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("پربازدیدترین\u200cها", "list_heading"),
        ("پربیننده ترین", "list_heading"),
        ("پربيننده\u200cترين\u200cها", "list_heading"),  # Arabic yeh
        ("اخبار مرتبط:", "list_heading"),
        ("آخرین اخبار", "list_heading"),
        ("برچسب ها", "list_heading"),
        ("برچسب\u200cها: کتابخانه شیراز", "list_heading"),
        ("لینک کوتاه: http://n.example/x4", "list_heading"),
        ("تاریخ انتشار: ۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹", "list_heading"),
        ("پربازدید ها", "list_heading"),
        ("سایر اخبار مهم", "list_heading"),
        ("نظر شما *", "list_heading"),
        ("کد خبر 1353889", "list_heading"),
        ("کلیه حقوق مادی و معنوی این سایت محفوظ است.", "copyright"),
        ("تمامی حقوق این سایت برای خبرآنلاین محفوظ است.", "copyright"),
        ("کليه حقوق اين سايت متعلق به باشگاه خبرنگاران بوده", "copyright"),
        ("استفاده از مطالب اقتصادنامه با ذکر منبع آزاد است.", "copyright"),
        ("© 2018 khabaronline", "copyright"),
        ("طراحی و تولید: نستوه", "copyright"),
        ("-->", "no_letters"),
        ("17302", "no_letters"),
        ("۱۲:۳۰ | ۱۴۰۲", "no_letters"),
    ],
)
def test_text_reason(text: str, expected: str) -> None:
    assert text_reason(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the same words inside article sentences
        "آخرین اخبار از مذاکرات وین نشان می\u200cدهد که طرفین به توافق نزدیک شده\u200cاند و گفت\u200cوگوها ادامه دارد.",
        "نظرات کارشناسان درباره این طرح متفاوت است و برخی آن را پرهزینه می\u200cدانند و برخی ضروری.",
        "وزیر گفت حقوق کارمندان در سال آینده ۲۰ درصد افزایش می\u200cیابد.",
        "حقوق بشر در این گزارش بارها مورد اشاره قرار گرفته است.",
        "مهمترین بسته حوادث استان یزد را در سایت باشگاه خبرنگاران جوان مشاهده کنید.",
        "چرا اصلاح\u200cطلبان رادیکال موضع\u200cشان تغییر کرد؟",
        "A",
        # sub-headings that begin like list headings
        "نظرات کارشناسان",
        "آخرین اخبار از جبهه جنوبی",
        "برچسب‌های تازه روی کالاهای وارداتی",
        "کد خبرنگاری در روزنامه‌نگاری تحقیقی",
    ],
)
def test_text_reason_negatives(text: str) -> None:
    assert text_reason(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انتهای پیام/ی", True),
        ("انتهای پیام/", True),
        ("انتهای پیام", True),
        ("انتهای خبر", True),
        ("در انتهای پیام خود از مردم تشکر کرد.", False),
        ("انتهای پیام رئیس\u200cجمهور به مردم درباره انتخابات و مشارکت همگانی بود که گفت", False),
    ],
)
def test_end_marker(text: str, expected: bool) -> None:
    assert is_end_marker(text) is expected


def test_fold_removes_zwnj_and_spaces_and_arabic_letters() -> None:
    assert fold("پربيننده ترین\u200cها") == "پربینندهترینها"
    assert fold("") == ""
