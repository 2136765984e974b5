"""Persian-aware boilerplate rules: which page blocks are menus, lists, share bars or footers.

Two kinds of evidence, both pure functions over strings so they can be tested without a parser:

* the element's own markup: its tag (``nav``, ``footer``, ``aside``), ARIA role and the words in
  its ``class``/``id`` (``menu``, ``breadcrumb``, ``related``, ``share``, ``comment``, ``ads``...);
* the block's text: the headings Persian news sites put above their side lists (``پربازدیدترین``,
  ``اخبار مرتبط``, ``برچسب‌ها``), copyright lines (``کلیه حقوق ... محفوظ است``), the agency end
  marker (``انتهای پیام``) after which nothing belongs to the article.

Text is compared after folding: ZWNJ and spaces removed, Arabic yeh/kaf as Persian, so
``پربیننده‌ترین``, ``پربیننده ترین`` and ``پربيننده‌ترين`` are one key.

>>> markup_reason("div", "col-12 related-items", "", "")
'class:related'
>>> markup_reason("div", "item-body", "", "") is None
True
>>> text_reason("پربیننده ترین ها"), text_reason("نظرات کارشناسان")
('list_heading', None)
>>> text_reason("کليه حقوق اين سايت متعلق به باشگاه خبرنگاران بوده و استفاده از مطالب آزاد است.")
'copyright'
"""

from __future__ import annotations

import re

#: tags whose whole subtree is page furniture
FURNITURE_TAGS: dict[str, str] = {"nav": "tag:nav", "footer": "tag:footer", "aside": "tag:aside"}
#: ARIA roles with the same meaning
FURNITURE_ROLES: dict[str, str] = {
    "navigation": "role:navigation",
    "contentinfo": "role:contentinfo",
    "complementary": "role:complementary",
    "banner": "role:banner",
    "search": "role:search",
    "menu": "role:menu",
    "menubar": "role:menu",
}

# Whole words of class/id names (split on "-", "_" and spaces, lowercased). Exact words, because
# substrings misfire: yjc marks its headline <h1 class="Htags">, which contains "tags".
_CLASS_WORDS: dict[str, str] = {
    word: reason
    for reason, words in {
        "nav": "nav navbar navigation menu submenu megamenu breadcrumb breadcrumbs topbar",
        "footer": "footer foot copyright",
        "sidebar": "sidebar aside widget",
        "share": "share sharing shareto social socials",
        # "cm"/"nazar" (نظر) are what Persian CMSs call their comment lists
        "comment": "comment comments cm cmt cms-comment nazar nazarat opinion opinions feedback "
        "reply replies discussion",
        "tags": "tag tags keywords",
        "related": "related",
        "ads": "ad ads adv advert advertisement adtube banner sponsor sponsored",
        "ticker": "ticker marquee",
        "form": "newsletter subscribe login signin search captcha",
        "tools": "toolbar rating rate poll print",
        "list": "popular mostviewed mostvisited pagination pager",
    }.items()
    for word in words.split()
}
# Longer names written in one word or camelCase, matched as substrings of the class/id string.
_CLASS_SUBSTRINGS = re.compile(
    r"related|most-?(?:viewed|visited|read|popular|commented)|also-?read|breadcrumb|copyright"
    r"|advert|sidebar|newsletter|navbar|comment|socialshare|share-?(?:box|bar|links|buttons)",
    re.IGNORECASE,
)
_WORD_SPLIT = re.compile(r"[\s_\-]+")
# Whole class names that hide an element on every screen. Only whole names: Bootstrap's
# "hidden-xs" hides on phones only, and yjc puts its headline and body in such a div.
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "hide", "sr-only", "visually-hidden", "invisible"})


def markup_reason(tag: str, class_name: str, element_id: str, role: str) -> str | None:
    """Why an element is page furniture, judged by its markup alone; ``None`` when it is not.

    Returns ``"tag:nav"``, ``"role:navigation"`` or ``"class:<kind>"``.

    >>> markup_reason("nav", "", "", "")
    'tag:nav'
    >>> markup_reason("h1", "Htags", "", "") is None
    True
    >>> markup_reason("ul", "", "mostViewedNews", "")
    'class:list'
    """
    if tag in FURNITURE_TAGS:
        return FURNITURE_TAGS[tag]
    if role and role.lower() in FURNITURE_ROLES:
        return FURNITURE_ROLES[role.lower()]
    names = f"{class_name} {element_id}".strip()
    if not names:
        return None
    if not _HIDDEN_CLASSES.isdisjoint(class_name.lower().split()):
        return "class:hidden"
    for word in _WORD_SPLIT.split(names.lower()):
        if word in _CLASS_WORDS:
            return f"class:{_CLASS_WORDS[word]}"
    match = _CLASS_SUBSTRINGS.search(names)
    if match:
        found = match.group(0).lower()
        kind = next((k for k in ("related", "comment", "share", "copyright", "sidebar",
                                 "breadcrumb", "advert", "newsletter", "navbar") if k in found),
                    "list")  # fmt: skip
        return "class:" + {"copyright": "footer", "breadcrumb": "nav", "navbar": "nav",
                           "advert": "ads", "newsletter": "form"}.get(kind, kind)  # fmt: skip
    return None


# --- text rules ----------------------------------------------------------------------------

_YEH_KAF = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "\u200c": None, " ": None, "\u00a0": None})

# Headings of side lists and page tools, folded (no ZWNJ or spaces). Only a block that *is* one
# of them is furniture: "نظرات" is the comments heading, "نظرات کارشناسان" an article sub-heading.
_LIST_HEADINGS = frozenset(
    h.translate(_FOLD)
    for h in (
        "اخبار مرتبط", "مطالب مرتبط", "خبرهای مرتبط", "اخبار پیشنهادی", "مطالب پیشنهادی",
        "پیشنهاد سردبیر", "پیشنهاد ما", "پیشنهاد ویژه", "پربازدیدترین", "پربازدیدترین‌ها",
        "پربازدید", "پربازدیدها", "پربیننده‌ترین", "پربیننده‌ترین‌ها", "پربحث‌ترین",
        "پربحث‌ترین‌ها", "پرخواننده‌ترین", "پرخواننده‌ترین‌ها", "آخرین اخبار", "آخرین مطالب",
        "تازه‌ترین اخبار", "تازه‌ترین‌ها", "سایر اخبار", "سایر اخبار مهم", "اخبار ما",
        "اخبار برگزیده", "گزیده اخبار", "مطالب جالب", "خواندنی‌ها", "برچسب‌ها", "برچسب",
        "کلیدواژه‌ها", "کلمات کلیدی", "تگ‌ها", "نظرات", "نظر شما", "ارسال نظر", "دیدگاه‌ها",
        "دیدگاه شما", "نظرات کاربران", "نظرات بینندگان", "نظرات خوانندگان", "نظرات شما",
        "دیدگاه خوانندگان", "دیدگاه کاربران", "اشتراک‌گذاری", "اشتراک گذاری", "لینک کوتاه",
        "کد خبر", "کد خبرنگار", "نسخه چاپی", "ارسال به دوستان", "اندازه فونت", "از سراسر وب",
        "وبگردی", "بیشتر بخوانید", "دریافت اپلیکیشن", "ما را در شبکه‌های اجتماعی دنبال کنید",
        "عضویت در خبرنامه",
    )
)  # fmt: skip
# Labels of page tools and metadata lines, furniture when followed by ":" or a number
# ("برچسب‌ها: کتابخانه، شیراز", "کد خبر 1353889", "لینک کوتاه: https://...").
_LABELS = tuple(
    h.translate(_FOLD)
    for h in ("برچسب‌ها", "برچسب", "کلیدواژه‌ها", "کلمات کلیدی", "تگ‌ها", "لینک کوتاه",
              "کد خبر", "کد خبرنگار", "تاریخ انتشار", "زمان انتشار", "اشتراک‌گذاری",
              "اشتراک گذاری", "تعداد بازدید", "بازدید")
)  # fmt: skip
_HEADING_PUNCTUATION = ":：؛;»«|-–—.…*"  # "نظر شما *": a required-field star
_COPYRIGHT = re.compile(
    r"(?:کلیه|تمامی|همه|تمام)\s*(?:ی\s*)?حقوق.{0,80}(?:محفوظ|متعلق)"
    r"|حقوق.{0,40}محفوظ\s*(?:است|می\s*باشد)"
    r"|(?:نقل|استفاده\s*از)\s*(?:مطالب|اخبار).{0,60}(?:آزاد|بلا\s*مانع|مجاز)"
    r"|©|\bcopyright\b|all rights reserved|طراحی\s*(?:و\s*(?:تولید|اجرا|توسعه))?\s*:",
    re.IGNORECASE,
)
_LIST_HEADING_MAX = 100  # chars: a label line with a value ("لینک کوتاه: URL") stays short
_COPYRIGHT_MAX = 300  # chars: longer blocks quoting a copyright notice are article text
# The agency end marker: "انتهای پیام/ی", "انتهای خبر". Nothing after it is article text.
_END_MARKER = re.compile(r"^\s*انتهای\s*(?:پیام|خبر)\b.{0,20}$")
_HAS_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script


def fold(text: str) -> str:
    """Comparison key for Persian labels: no ZWNJ or spaces, Persian yeh/kaf.

    >>> fold("پربيننده ترین‌ها")
    'پربینندهترینها'
    """
    return text.translate(_FOLD)


def text_reason(text: str) -> str | None:
    """Why a block is furniture, judged by its text alone; ``None`` when it may be article text.

    >>> text_reason("آخرین اخبار") , text_reason("-->"), text_reason("17302")
    ('list_heading', 'no_letters', 'no_letters')
    >>> text_reason("آخرین اخبار از مذاکرات وین نشان می‌دهد که طرفین به توافق نزدیک شده‌اند و ...")
    """
    stripped = text.strip()
    if not _HAS_LETTER.search(stripped):
        return "no_letters"
    if len(stripped) <= _LIST_HEADING_MAX and _is_list_heading(fold(stripped)):
        return "list_heading"
    if len(stripped) <= _COPYRIGHT_MAX and _COPYRIGHT.search(stripped.translate(_YEH_KAF)):
        return "copyright"
    return None


def is_section_heading(text: str) -> bool:
    """Whether a block is exactly the heading of a comments/related/most-viewed/tags section.

    Unlike a label line (``کد خبر: ...``), such a heading opens a section: what follows it in the
    same element belongs to the section.

    >>> is_section_heading("نظرات بینندگان"), is_section_heading("کد خبر: ۱۲")
    (True, False)
    """
    return (
        len(text) <= _LIST_HEADING_MAX and fold(text).strip(_HEADING_PUNCTUATION) in _LIST_HEADINGS
    )


def _is_list_heading(folded: str) -> bool:
    if folded.strip(_HEADING_PUNCTUATION) in _LIST_HEADINGS:
        return True
    for label in _LABELS:
        if folded.startswith(label):
            after = folded[len(label) : len(label) + 1]
            if after in (":", "：") or after.isdigit():
                return True
    return False


def is_end_marker(text: str) -> bool:
    """Whether a block is the agency end marker (``انتهای پیام/ی``, ``انتهای خبر``).

    >>> is_end_marker("انتهای پیام/ی"), is_end_marker("در انتهای پیام خود گفت")
    (True, False)
    """
    return bool(_END_MARKER.match(text.translate(_YEH_KAF)))
