"""extract_html: golden pages, lossless characters, <br> handling, failures and properties.

Every expected value was written by reading the page or the input, not taken from the output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("selectolax")

from khabar.errors import ConfigError
from khabar.extract.html import ExtractConfig, Extracted, ExtractFailure, extract_html

CASES_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "cases.json"
CASES: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]
FIXTURE_CASES = [c for c in CASES if c["source"] == "fixtures"]
SHARED_CASES = [c for c in CASES if c["source"] == "shared"]


def _page(case: dict[str, Any], fixtures: Path, shared: Path | None) -> str:
    base = fixtures / "extract" if case["source"] == "fixtures" else shared / "data"  # type: ignore[operator]
    return (base / case["page"]).read_text(encoding="utf-8")


def _check_case(case: dict[str, Any], html: str) -> None:
    result = extract_html(html, case["url"])
    if "failure" in case:
        assert isinstance(result, ExtractFailure)
        assert result.reason == case["failure"]
        return
    assert isinstance(result, Extracted), getattr(result, "detail", "")
    missing = [s for s in case["with"] if s not in result.text]
    assert not missing, f"{case['id']}: article text lacks {missing}"
    leaked = [s for s in case["without"] if s in result.text]
    assert not leaked, f"{case['id']}: boilerplate kept: {leaked}"
    assert result.title == case["title"]
    assert result.meta.get("published") == case["published"]
    if "zwnj" in case:
        assert result.text.count("\u200c") == case["zwnj"]
        assert result.text.count("\u200d") == case["zwj"]
    assert result.text == "\n\n".join(result.paragraphs)
    assert len(result.removed) == len(result.removed_reasons)


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=[c["id"] for c in FIXTURE_CASES])
def test_synthetic_golden_pages(case: dict[str, Any], fixtures: Path) -> None:
    _check_case(case, _page(case, fixtures, None))


@pytest.mark.shared
@pytest.mark.parametrize("case", SHARED_CASES, ids=[c["id"] for c in SHARED_CASES])
def test_real_golden_pages(case: dict[str, Any], fixtures: Path, shared: Path) -> None:
    _check_case(case, _page(case, fixtures, shared))


@pytest.mark.shared
def test_real_pages_keep_every_zwnj_of_the_article(shared: Path) -> None:
    # khabaronline's body alone has dozens of ZWNJ (اصلاح‌طلبان, می‌توان, ...): all must survive.
    html = (shared / "data/html_pages_htmldate/1523806243.html").read_text(encoding="utf-8")
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert "اصلاح\u200cطلبان" in result.text
    assert "اصلاحطلبان" not in result.text  # the glued form trafilatura produces


def test_br_page_paragraphs_exactly(fixtures: Path) -> None:
    html = (fixtures / "extract/pages/synth_br_text_date.html").read_text(encoding="utf-8")
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.paragraphs == [
        (
            "پایگاه خبری نمونه - جاده چالوس که از دیشب به دلیل بارش سنگین برف بسته شده بود، از ظهر"
            " امروز بازگشایی شد.\nرئیس پلیس راه استان گفت: رانندگان باید زنجیر چرخ همراه داشته"
            " باشند و از توقف در حاشیه\u200cی جاده خودداری کنند."
        ),
        "وضعیت محورهای دیگر",
        (
            "محور هراز هنوز یک\u200cطرفه است و تردد در آزادراه تهران-شمال عادی گزارش شده است.\n"
            "بنا بر اعلام هواشناسی، بارش\u200cها تا سه\u200cشنبه ادامه دارد و دمای هوا به ٥ درجه"
            " زیر صفر می\u200cرسد."
        ),
    ]
    assert result.meta["published_calendar"] == "jalali"
    assert result.meta["published_source"] == "text"
    # the end marker and what follows it are reported, not silently lost
    assert "انتهای پیام/" in result.removed
    assert result.removed_reasons[result.removed.index("انتهای پیام/")] == "end_marker"


def test_meta_of_iso_page(fixtures: Path) -> None:
    html = (fixtures / "extract/pages/synth_meta_iso.html").read_text(encoding="utf-8")
    result = extract_html(html, "https://example.ir/news/4521")
    assert isinstance(result, Extracted)
    meta = result.meta
    assert meta["published"] == "2023-10-11"
    assert meta["published_calendar"] == "gregorian"
    assert meta["published_source"] == "meta:article:published_time"
    assert meta["modified"] == "2023-10-12"
    assert meta["lang"] == "fa-IR"
    assert meta["author"] == "مریم کاظمی"
    assert meta["site_name"] == "خبرگزاری نمونه"
    assert meta["tags"] == ["کتابخانه", "شیراز", "فرهنگ"]
    assert (
        meta["description"]
        == "کتابخانه عمومی تازه\u200cای با ده هزار جلد کتاب در شیراز گشایش یافت."
    )
    # the relative canonical link is resolved against the page URL
    assert meta["canonical_url"] == "https://example.ir/news/4521/افتتاح-کتابخانه"


def test_meta_of_json_ld_page(fixtures: Path) -> None:
    html = (fixtures / "extract/pages/synth_jsonld_noh1.html").read_text(encoding="utf-8")
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.meta["published_source"] == "json-ld:datePublished"
    assert result.meta["modified"] == "2024-02-04"
    assert result.meta["author"] == "علی رضایی"
    assert result.meta["tags"] == ["محیط زیست", "کویر لوت"]
    assert result.meta["canonical_url"] == "https://daily.example/science/881"


# --- characters: nothing of the article may change --------------------------------------------

ZWNJ, ZWJ = "\u200c", "\u200d"
FILLER = "این جمله برای آن است که بند به اندازه متن خبر بلند باشد و نه یک برچسب کوتاه"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("می" + ZWNJ + "روند", "می" + ZWNJ + "روند"),  # the character itself
        ("می&zwnj;روند", "می" + ZWNJ + "روند"),  # named entity
        ("می&#8204;روند", "می" + ZWNJ + "روند"),  # decimal entity
        ("می&#x200C;روند", "می" + ZWNJ + "روند"),  # hex entity, upper case
        ("می&#x200c;روند", "می" + ZWNJ + "روند"),  # hex entity, lower case
        ("می&amp;zwnj;روند", "می" + ZWNJ + "روند"),  # double-escaped by a CMS: repaired
        ("ه&zwj;.ش", "ه" + ZWJ + ".ش"),  # ZWJ
        ("سال ۱۴۰۲ و ١٤٠٢ و 1402", "سال ۱۴۰۲ و ١٤٠٢ و 1402"),  # three digit scripts untouched
        ("علي و كتاب", "علي و كتاب"),  # Arabic yeh/kaf: repair is not extraction's job
        ("۲٫۵ درصد", "۲٫۵ درصد"),  # Arabic decimal separator
        ("\u200fمتن\u200e", "\u200fمتن\u200e"),  # RLM/LRM kept (a later step decides)
        ("خانه " + ZWNJ + " ها", "خانه " + ZWNJ + " ها"),  # a misplaced ZWNJ is kept as found
        ("به گزارش&nbsp;&nbsp;خبرنگار", "به گزارش خبرنگار"),  # no-break spaces read as one space
        ("یک   دو\n\tسه", "یک دو سه"),  # HTML whitespace collapses as a browser shows it
    ],
)
def test_characters_survive_extraction(body: str, expected: str) -> None:
    html = f"<html><body><h1>عنوان</h1><div><p>{body} {FILLER}</p></div></body></html>"
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.text == f"{expected} {FILLER}"


def test_nbsp_kept_when_configured() -> None:
    html = f"<html><body><p>به گزارش&nbsp;خبرنگار {FILLER}</p></body></html>"
    result = extract_html(html, config=ExtractConfig(nbsp_as_space=False))
    assert isinstance(result, Extracted)
    assert result.text.startswith("به گزارش\u00a0خبرنگار")


@pytest.mark.parametrize(
    ("inner", "paragraphs"),
    [
        # one <br>: a line break inside the paragraph
        (f"الف {FILLER}<br>ب", [f"الف {FILLER}\nب"]),
        # <br><br>: a paragraph break
        (f"الف {FILLER}<br><br>ب {FILLER}", [f"الف {FILLER}", f"ب {FILLER}"]),
        # leading and trailing <br> add nothing
        (f"<br> الف {FILLER} <br>", [f"الف {FILLER}"]),
        # an entirely bold line between breaks is a sub-heading of its own
        (f"<b>تیتر فرعی</b><br>متن {FILLER}", ["تیتر فرعی", f"متن {FILLER}"]),
        # bold inside a sentence is not a heading
        (f"متن <b>مهم</b> {FILLER}", [f"متن مهم {FILLER}"]),
        # in <pre>, source newlines are line breaks; elsewhere they are spaces
        (f"<pre>بیت اول {FILLER}\nبیت دوم</pre>", [f"بیت اول {FILLER}\nبیت دوم"]),
        (f"<p>بیت اول {FILLER}\nبیت دوم</p>", [f"بیت اول {FILLER} بیت دوم"]),
        # inline tags do not split words or add spaces
        (f"کتاب<span>خانه</span> {FILLER}", [f"کتابخانه {FILLER}"]),
    ],
)
def test_line_and_paragraph_breaks(inner: str, paragraphs: list[str]) -> None:
    result = extract_html(f"<html><body><div>{inner}</div></body></html>")
    assert isinstance(result, Extracted)
    assert result.paragraphs == paragraphs


def test_headings_are_their_own_paragraphs() -> None:
    html = f"<body><article><p>یک {FILLER}</p><h2>میان تیتر</h2><p>دو {FILLER}</p></article></body>"
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.paragraphs == [f"یک {FILLER}", "میان تیتر", f"دو {FILLER}"]


def test_title_strips_site_name_and_prefers_h1() -> None:
    html = (
        "<html><head><title>سفر وزیر به مشهد - خبرگزاری نمونه</title>"
        '<meta property="og:site_name" content="خبرگزاری نمونه"></head>'
        f"<body><h1>سفر وزیر به مشهد</h1><p>{FILLER}</p></body></html>"
    )
    result = extract_html(html)
    assert result.title == "سفر وزیر به مشهد"
    no_h1 = html.replace("<h1>سفر وزیر به مشهد</h1>", "")
    assert extract_html(no_h1).title == "سفر وزیر به مشهد"


# --- failures carry a reason ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "empty_input"),
        ("  \n\t ", "empty_input"),
        ("<html><body></body></html>", "no_main_content"),
        ("<html><body><nav><a href='/'>خانه</a></nav></body></html>", "no_main_content"),
        ("<html><body><ul><li><a href='/1'>خبر یک</a></li></ul></body></html>", "no_main_content"),
        ("<frameset><frame src='a.html'></frameset>", "no_body"),
        ("<head><title>فقط عنوان</title></head>", "no_main_content"),
    ],
)
def test_failures_have_reasons(html: str, reason: str) -> None:
    result = extract_html(html)
    assert isinstance(result, ExtractFailure)
    assert not result.ok
    assert result.reason == reason
    assert result.detail


def test_failure_still_reports_title_and_removed_blocks(fixtures: Path) -> None:
    html = (fixtures / "extract/pages/synth_index_page.html").read_text(encoding="utf-8")
    result = extract_html(html)
    assert isinstance(result, ExtractFailure)
    assert result.title == "صفحه اصلی"
    assert any("قیمت دلار در بازار آزاد کاهش یافت" in r for r in result.removed)


@pytest.mark.parametrize(
    "kwargs", [{"prose_chars": 0}, {"max_link_density": 0.0}, {"max_link_density": 1.5}]
)
def test_bad_config_is_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="ExtractConfig"):
        ExtractConfig(**kwargs)


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_input(html: str) -> None:
    result = extract_html(html)
    assert isinstance(result, (Extracted, ExtractFailure))
    if isinstance(result, ExtractFailure):
        assert result.reason in ("empty_input", "no_body", "no_main_content")


PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_word = st.text(alphabet=PERSIAN + ZWNJ, min_size=3, max_size=9).filter(
    lambda w: not w.startswith(ZWNJ) and not w.endswith(ZWNJ)
)
# long enough to be article prose (a page of short lines has no article: tested above)
_paragraph = st.lists(_word, min_size=12, max_size=25).map(lambda ws: "متن " + " ".join(ws))


@settings(max_examples=60, deadline=None)
@given(st.lists(_paragraph, min_size=1, max_size=5))
def test_every_paragraph_and_zwnj_survives(paragraphs: list[str]) -> None:
    body = "".join(f"<p>{p.replace(ZWNJ, '&zwnj;')}</p>" for p in paragraphs)
    html = (
        "<html><body><nav><a href='/'>صفحه اصلی</a></nav>"
        f"<div class='news-body'>{body}</div><footer>کلیه حقوق محفوظ است</footer></body></html>"
    )
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.paragraphs == paragraphs
    assert result.text.count(ZWNJ) == sum(p.count(ZWNJ) for p in paragraphs)


@pytest.mark.parametrize("tag", ["div", "font", "b", "span"])
def test_deeply_nested_broken_html_does_not_crash(tag: str) -> None:
    # 5000 unclosed tags: far deeper than Python's recursion limit
    html = f"<html><body>{('<' + tag + '>') * 5000}{FILLER}"
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.text == FILLER


def test_section_heading_closes_its_section_but_never_the_article() -> None:
    long = f"{FILLER} {FILLER}"
    html = (
        "<html><body><h1>عنوان خبر</h1><div class='article'>"
        f"<p>بند اول {long}</p><p>بیشتر بخوانید:</p><p><a href='/x'>خبری دیگر درباره همین موضوع</a></p>"
        f"<p>بند دوم {FILLER}</p>"
        "<div class='box'><div class='box-title'>نظرات بینندگان</div>"
        f"<div class='c1'>نظر اول یک خواننده که بلند است و درباره خبر چیزی می‌گوید {FILLER}</div>"
        "</div></div></body></html>"
    )
    result = extract_html(html)
    assert isinstance(result, Extracted)
    # the article goes on after the inline "read more" link
    assert result.paragraphs == [f"بند اول {long}", f"بند دوم {FILLER}"]
    # the comment box opens with its heading: the whole box is that section
    comment = next(r for r in result.removed if r.startswith("نظرات بینندگان"))
    assert "نظر اول یک خواننده" in comment
    assert result.removed_reasons[result.removed.index(comment)] == "section_heading"


def test_hashed_class_comment_thread_longer_than_the_article() -> None:
    # no class name says "comment"; only the thread's heading does
    comment = "<div class='css-9zk0f1'><p class='css-1u8ejmk'>این نظر یک خواننده است. " * 2
    html = (
        "<html><body><main class='css-mn0001'><div class='css-aa11bb'><h1>عنوان</h1>"
        f"<div class='css-83cqas'><p class='css-1u8ejmk'>{FILLER}</p></div>"
        "<div class='css-83cqas'><p class='css-1u8ejmk'>پاسخ کوتاه است.</p></div></div>"
        "<section class='css-cm0001'><h2>نظرات کاربران</h2>"
        + "".join(f"{comment} {FILLER}</p></div>" for _ in range(6))
        + "</section></main></body></html>"
    )
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.paragraphs == [FILLER, "پاسخ کوتاه است."]


def test_long_comment_thread_under_short_answer_is_not_the_article() -> None:
    # a Q&A page: one long question, short answers, and comments longer than all of it
    comment = "این نظر یک خواننده است که از پاسخ راضی نبود و توضیح بیشتری خواست. " * 3
    html = (
        "<html><body><h1>پرسش درباره وکالت\u200cنامه</h1><div class='item-text'>"
        f"<p>پرسش: {FILLER} {FILLER}</p><p>از دفترخانه شکایت نمایید.</p>"
        "<p>بهتر است بوسیله وکیل این اقدامات انجام گیرد.</p></div>"
        f"<section class='box comments'><h2>نظرات</h2><p>{comment}</p><p>{comment}</p>"
        f"<p>{comment}</p></section></body></html>"
    )
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.paragraphs == [
        f"پرسش: {FILLER} {FILLER}",
        "از دفترخانه شکایت نمایید.",
        "بهتر است بوسیله وکیل این اقدامات انجام گیرد.",
    ]


def test_json_ld_article_object_wins_over_webpage_and_broken_blocks() -> None:
    html = (
        "<html><head>"
        '<script type="application/ld+json">{"broken": ,}</script>'
        '<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2019-01-01",'
        ' "headline": "صفحه"}</script>'
        '<script type="application/ld+json">{"@type": ["NewsArticle"], "datePublished":'
        ' "2023-10-11T08:00:00Z", "author": [{"@type": "Person", "name": "مریم کاظمی"}],'
        ' "keywords": "کتاب"}</script>'
        f"</head><body><p>{FILLER}</p></body></html>"
    )
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.meta["published"] == "2023-10-11"
    assert result.meta["published_source"] == "json-ld:datePublished"
    assert result.meta["author"] == "مریم کاظمی"
    assert result.meta["tags"] == ["کتاب"]


@pytest.mark.parametrize(
    "odd",
    [
        "\ud800",
        "\x00",
        "\ufeff",
        "<![CDATA[x]]>",
        "<?xml version='1.0'?>",
        "<svg><title>t</title></svg>",
    ],
)
def test_odd_input_does_not_crash(odd: str) -> None:
    result = extract_html(f"{odd}<p>{FILLER}</p>{odd}")
    assert isinstance(result, Extracted)
    assert FILLER in result.text


def test_body_wrapper_with_a_misleading_class_is_still_the_article() -> None:
    # "social" marks share bars, but this wrapper holds the whole body; the <h1> is outside it
    html = (
        "<html><body><h1>عنوان خبر</h1><div class='entry-content social-ready'>"
        f"<p>یک {FILLER}</p><p>دو {FILLER}</p></div>"
        "<div class='social'><a href='#'>تلگرام</a></div></body></html>"
    )
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.paragraphs == [f"یک {FILLER}", f"دو {FILLER}"]


def test_table_layout_cell_is_a_container() -> None:
    html = (
        "<html><body><table><tr>"
        "<td><a href='/1'>صفحه اصلی</a><br><a href='/2'>آرشیو</a></td>"
        f"<td>بند اول {FILLER} {FILLER}<br><br>بند دوم {FILLER} {FILLER}<br><br>بند سوم {FILLER}</td>"
        "<td>نظرسنجی: به نظر شما وضعیت ترافیک شهر در سال آینده بهتر می‌شود یا بدتر؟</td>"
        "</tr></table></body></html>"
    )
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.paragraphs == [
        f"بند اول {FILLER} {FILLER}",
        f"بند دوم {FILLER} {FILLER}",
        f"بند سوم {FILLER}",
    ]


def test_logo_in_h1_is_not_the_title() -> None:
    html = (
        "<html><body><h1><a href='/'>خبرگزاری نمونه</a></h1>"
        "<h1>افتتاح کتابخانه تازه در شیراز با ده هزار جلد کتاب</h1>"
        f"<div><p>یک {FILLER}</p><p>دو {FILLER}</p></div></body></html>"
    )
    result = extract_html(html)
    assert isinstance(result, Extracted)
    assert result.title == "افتتاح کتابخانه تازه در شیراز با ده هزار جلد کتاب"
    assert result.paragraphs == [f"یک {FILLER}", f"دو {FILLER}"]


def test_dateline_beats_a_date_mentioned_in_the_lead() -> None:
    html = (
        "<html><body><div class='top'>سه\u200cشنبه ۲۹ بهمن ۱۳۹۸</div>"  # masthead: today
        + "".join(f"<div><a href='/{i}'>بخش {i}</a></div>" for i in range(40))
        + "<h1>تمدید مهلت ثبت نام وام ازدواج</h1>"
        "<p>مهلت ثبت نام که قرار بود ۱ مهر ۱۴۰۲ تمام شود، یک ماه دیگر تمدید شد و متقاضیان فرصت دارند.</p>"
        "<div class='date'>۱۹ شهریور ۱۴۰۲ - ۱۰:۱۵</div>"
        f"<div><p>{FILLER}</p><p>{FILLER}</p></div></body></html>"
    )
    result = extract_html(html)
    assert isinstance(result, Extracted)
    # 19 Shahrivar 1402: 1 Farvardin 1402 = 2023-03-21, + 5*31 + 18 days = 2023-09-10
    assert result.meta["published"] == "2023-09-10"
    assert result.meta["published_source"] == "text"
