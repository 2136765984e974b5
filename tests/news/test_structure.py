"""Title / lead / body / byline / dateline. Texts are composed for the tests, plus the seed and
the Targoman sample through the ``shared`` fixture; every expectation was decided by reading."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.news.structure import NewsStructure, structure

TITLE = "افزایش قیمت بنزین از فردا اجرا می‌شود"
LEAD = "سخنگوی دولت گفت قیمت جدید بنزین از بامداد فردا در همه جایگاه‌ها اعمال می‌شود."
P1 = "به گزارش ایسنا، علی بهادری جهرمی امروز در نشست خبری این مطلب را اعلام کرد."
P2 = "وی افزود: سهمیه خانوارها تغییری نمی‌کند."


def test_seed_structure(fixtures: Path) -> None:
    seed = fixtures / "news" / "tasnim-kazakhstan"
    gold = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    clean = (seed / "clean.txt").read_text(encoding="utf-8")
    s = structure(clean)
    assert s.title == gold["title"]
    assert s.lead == gold["lead"]
    blocks = [b.strip() for b in clean.split("\n\n") if b.strip()]
    assert s.paragraphs == blocks[2:]
    assert len(s.paragraphs) == 6
    assert s.paragraphs[0].startswith("به گزارش گروه بین‌الملل خبرگزاری تسنیم")
    assert s.byline is None and s.dateline is None


@pytest.mark.parametrize(
    ("text", "title", "lead", "paragraphs"),
    [
        # title, lead, then a body opening with an attribution formula
        (f"{TITLE}\n\n{LEAD}\n\n{P1}\n\n{P2}", TITLE, LEAD, [P1, P2]),
        # one paragraph a line, no blank lines
        (f"{TITLE}\n{LEAD}\n{P1}\n{P2}", TITLE, LEAD, [P1, P2]),
        # the body opens the text: «به گزارش» is never a title, and never a lead
        (f"{P1}\n{P2}", None, None, [P1, P2]),
        # title then body opening with «به گزارش»: no lead
        (f"{TITLE}\n{P1}\n{P2}", TITLE, None, [P1, P2]),
        # a FarsNews-style lead opening with the agency: the header is its dateline (below)
        (f"{TITLE}\nخبرگزاری فارس: {LEAD}\n{P1}", TITLE, LEAD, [P1]),
        # a first line ending in a full stop is a paragraph, not a title
        (f"{LEAD}\n{P2}", None, LEAD, [P2]),
        # a one-line text is a paragraph
        (LEAD, None, None, [LEAD]),
        ("", None, None, []),
        ("  \n\n ", None, None, []),
        # a question as the first line of a Q&A page is its title
        ("مدارک لازم برای ویزای مجارستان چیست؟\nگذرنامه و عکس.", "مدارک لازم برای ویزای مجارستان چیست؟",
         None, ["گذرنامه و عکس."]),
    ],
)
def test_structure(text: str, title: str | None, lead: str | None, paragraphs: list[str]) -> None:
    s = structure(text)
    assert (s.title, s.lead, s.paragraphs) == (title, lead, paragraphs)


def test_long_first_paragraph_is_body_unless_attribution_follows() -> None:
    long_para = " ".join(["این جمله طولانی است"] * 30) + "."  # 120 words
    s = structure(f"{TITLE}\n{long_para}\n{P2}")
    assert s.lead is None and s.paragraphs == [long_para, P2]
    s = structure(f"{TITLE}\n{long_para}\n{P1}")
    assert s.lead == long_para


def test_title_hint_wins_and_matches_across_spellings() -> None:
    # the metadata title has Arabic yeh and no ZWNJ; the text has the repaired spelling
    s = structure(f"{TITLE}\n{LEAD}\n{P1}", title_hint="افزايش قيمت بنزين از فردا اجرا ميشود")
    assert s.title == TITLE and s.title_in_text
    assert s.lead == LEAD
    # a hint that is not in the text is the title, and the text keeps all its lines
    s = structure(f"{LEAD}\n{P1}", title_hint="عنوان از متادیتا")
    assert s.title == "عنوان از متادیتا" and not s.title_in_text
    assert s.lead == LEAD and s.paragraphs == [P1]


@pytest.mark.parametrize(
    "hint",
    [f"{TITLE} | خبرگزاری تسنیم", f"{TITLE} - خبرآنلاین", f"خبرگزاری فارس :: {TITLE}"],
)
def test_title_hint_with_site_name(hint: str) -> None:
    s = structure(f"{TITLE}\n{LEAD}\n{P1}", title_hint=hint)
    assert (s.title, s.title_in_text, s.lead, s.paragraphs) == (TITLE, True, LEAD, [P1])


def test_surtitle_above_the_hinted_title() -> None:
    surtitle = "در گفت‌وگو با سخنگوی دولت مطرح شد"
    s = structure(f"{surtitle}\n{TITLE}\n{LEAD}\n{P1}", title_hint=TITLE)
    assert (s.surtitle, s.title, s.lead, s.paragraphs) == (surtitle, TITLE, LEAD, [P1])
    # without a hint the first line is the title, and nothing is a surtitle
    s = structure(f"{surtitle}\n{TITLE}\n{LEAD}\n{P1}")
    assert (s.surtitle, s.title) == (None, surtitle)


def test_hint_far_down_is_not_the_title_line() -> None:
    text = f"{LEAD}\n{P2}\n{P1}\n{TITLE}"
    s = structure(text, title_hint=TITLE)
    assert (s.title, s.title_in_text, s.surtitle) == (TITLE, False, None)
    assert s.paragraphs[-1] == TITLE


def test_lead_hint_may_span_lines() -> None:
    hint = "برای دیدن ویدیو روی لینک زیر کلیک کنید:\n\nhttps://example.com/v"
    s = structure(f"{TITLE}\n{hint}\n{P2}\n{P1}", title_hint=TITLE, lead_hint=hint)
    assert s.lead == "برای دیدن ویدیو روی لینک زیر کلیک کنید:\nhttps://example.com/v"
    assert s.paragraphs == [P2, P1]


# --- a lead hint that is not a paragraph of the text (a record's abstract beside its body) ------


def test_a_lead_hint_not_in_the_text_is_the_lead() -> None:
    # FarsNews dumps: title, abstract and body are separate fields; the body holds neither
    s = structure(f"{P1}\n{P2}", title_hint=TITLE, lead_hint=LEAD)
    assert (s.title, s.lead, s.paragraphs) == (TITLE, LEAD, [P1, P2])
    assert not s.title_in_text and not s.lead_in_text


def test_a_lead_found_in_the_text_says_so() -> None:
    s = structure(f"{TITLE}\n{LEAD}\n{P1}\n{P2}", title_hint=TITLE, lead_hint=LEAD)
    assert (s.lead, s.lead_in_text, s.paragraphs) == (LEAD, True, [P1, P2])
    guessed = structure(f"{TITLE}\n{LEAD}\n{P1}\n{P2}")
    assert (guessed.lead, guessed.lead_in_text) == (LEAD, True)
    assert structure(f"{TITLE}\n{P1}\n{P2}").lead_in_text is False  # no lead at all


@pytest.mark.parametrize(
    "hint",
    [
        LEAD[:45] + "...",  # a description cut from the first paragraph
        LEAD[:45] + "…",
        LEAD[:45],  # cut without an ellipsis
        "سخنگوی دولت گفت قیمت جدید بنزین",  # the opening words, 31 characters
    ],
)
def test_a_teaser_of_the_first_paragraph_is_not_a_second_lead(hint: str) -> None:
    s = structure(f"{TITLE}\n{LEAD}\n{P1}\n{P2}", title_hint=TITLE, lead_hint=hint)
    assert (s.lead, s.paragraphs) == (LEAD, [P1, P2])  # the lead is guessed as without a hint


def test_a_lead_hint_under_a_dateline_is_not_a_second_lead() -> None:
    # the text has «خبرگزاری فارس: » before the abstract; the record's abstract has not
    first = f"خبرگزاری فارس: {LEAD}"
    s = structure(f"{TITLE}\n{first}\n{P1}\n{P2}", title_hint=TITLE, lead_hint=LEAD)
    assert (s.dateline, s.lead, s.paragraphs) == ("خبرگزاری فارس:", LEAD, [P1, P2])


def test_a_lead_hint_that_repeats_the_title_gives_no_lead() -> None:
    s = structure(f"{P1}\n{P2}", title_hint=TITLE, lead_hint=TITLE.replace("می‌شود", "میشود"))
    assert s.lead is None and s.paragraphs == [P1, P2]


def test_a_short_hint_is_not_looked_for_inside_paragraphs() -> None:
    # 11 letters folded: too short to tell a teaser from a real one-line summary
    s = structure(f"{P1}\n{P2}", title_hint=TITLE, lead_hint="گرانی بنزین")
    assert s.lead == "گرانی بنزین" and s.paragraphs == [P1, P2]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("تهران- ایرنا-", "dateline"),
        ("تهران (پانا) -", "dateline"),
        ("خبرگزاري فارس :", "dateline"),
        ("خبرنگار: علی رضایی", "byline"),
        ("نویسنده: مریم احمدی", "byline"),
        ("به قلم حسن کریمی", "byline"),
    ],
)
def test_dateline_and_byline_lines(line: str, field: str) -> None:
    s = structure(f"{TITLE}\n{line}\n{LEAD}\n{P2}")
    assert getattr(s, field) == line
    assert (s.title, s.lead, s.paragraphs) == (TITLE, LEAD, [P2])


@pytest.mark.parametrize(
    "line",
    [
        "تهران- ایرنا- رئیس‌جمهور امروز به نیویورک رفت.",  # dateline opening a last paragraph: text
        "خبرنگار شجاع ما در میدان حاضر بود.",
        "«ما تسلیم نمی‌شویم»",
        "بله.",
        "مهر:",  # a weak outlet name: the month, not the agency
    ],
)
def test_short_or_dateline_paragraphs_stay_in_the_text(line: str) -> None:
    s = structure(f"{TITLE}\n{LEAD}\n{P2}\n{line}")
    assert s.paragraphs[-1] == line
    assert s.byline is None and s.dateline is None


def _lines_of(s: NewsStructure) -> list[str]:
    surtitle = s.surtitle.split("\n") if s.surtitle else []
    head = surtitle + [x for x in (s.title if s.title_in_text else None, s.dateline, s.byline) if x]
    lead = s.lead.split("\n") if s.lead else []
    return head + lead + s.paragraphs


@given(st.lists(st.sampled_from([TITLE, LEAD, P1, P2, "", "تهران- ایرنا-", "خبرنگار: علی رضایی",
                                  "بله.", "  "]), max_size=10))
def test_nothing_is_lost(lines: list[str]) -> None:
    text = "\n".join(lines)
    s = structure(text)
    assert sorted(_lines_of(s)) == sorted(x.strip() for x in lines if x.strip())


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    structure(text)


def test_targoman_title_subtitle_body(shared: Path) -> None:
    """Rebuild each record's text as title, subtitle, body and get the parts back."""
    path = shared / "data" / "targoman_sample" / "docs.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    titles = leads = lead_cases = lossless = 0
    for r in records:
        title = (r["title"] or "").strip()
        sub = (r["subtitle"] or "").strip()
        body = [x.strip() for x in (r["body"] or "").split("\n") if x.strip()]
        text = "\n\n".join([x for x in (title, sub) if x] + body)
        s = structure(text)
        titles += (s.title == title) if title else True
        if sub and body:
            lead_cases += 1
            leads += s.lead == sub and s.paragraphs == body
        lossless += sorted(_lines_of(s)) == sorted(x for x in [title, sub, *body] if x)
        # with the metadata as hints, title and lead are exact
        hinted = structure("\n\n".join([x for x in (sub,) if x] + body),
                           title_hint=title or None, lead_hint=sub or None)
        if title:  # (porsan Q&A records have none; their question becomes the title)
            assert hinted.title == title
        if sub and body:
            assert hinted.lead is not None and hinted.lead.replace("\n", "") == sub.replace("\n", "")
    # with the surtitle (aboveTitle) above the title, the title hint finds both
    with_surtitle = 0
    for r in records:
        above, title = (r["aboveTitle"] or "").strip(), (r["title"] or "").strip()
        sub = (r["subtitle"] or "").strip()
        body = [x.strip() for x in (r["body"] or "").split("\n") if x.strip()]
        if not (above and title and sub and body):
            continue
        with_surtitle += 1
        s = structure("\n".join([above, title, sub, *body]), title_hint=title, lead_hint=sub)
        sub_lines = "\n".join(x.strip() for x in sub.split("\n") if x.strip())
        assert (s.surtitle, s.title, s.lead) == (above, title, sub_lines)
    assert with_surtitle >= 5
    n = len(records)
    # 65 of 66: a tarafdari record has a title and nothing else, which is read as one paragraph
    assert titles >= n - 1
    # 23 of 24: a tarafdari subtitle is two lines (a sentence and a link)
    assert leads >= lead_cases - 1
    assert lossless >= n - 1


def test_farsnews_title_abstract_body(shared: Path) -> None:
    """FarsNews records: title, abstract («خبرگزاری فارس: ...», sometimes on a line of its own),
    body. The abstract comes back as dateline + lead, on the raw (unrepaired) text."""
    path = shared / "data" / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    total = right = 0
    for r in records:
        title = r["title"].strip()
        abstract = [x.strip() for x in (r["abstract"] or "").split("\n") if x.strip()]
        body = [x.strip() for x in (r["body"] or "").split("\n") if x.strip()]
        if not (title and abstract and body):
            continue
        s = structure("\n".join([title, *abstract, *body]))
        total += 1
        got = " ".join(x for x in (s.dateline, s.lead) if x)
        right += s.title == title and got.split() == " ".join(abstract).split() and s.paragraphs == body
    assert total == 300
    assert right / total >= 0.98


def test_farsnews_abstract_kept_apart_becomes_the_lead(shared: Path) -> None:
    """The same records as above, read as khabar reads the JSONL: the body is the text, title
    and abstract come as hints. Every abstract is the lead (its «خبرگزاری فارس:» header the
    dateline), every body line a paragraph."""
    path = shared / "data" / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    total = right = headers = right_header = 0
    for r in records:
        title, abstract = r["title"].strip(), (r["abstract"] or "").strip()
        body = [x.strip() for x in (r["body"] or "").split("\n") if x.strip()]
        if not (title and abstract and body):
            continue
        s = structure("\n".join(body), title_hint=title, lead_hint=abstract)
        total += 1
        lines = [x.strip() for x in abstract.split("\n") if x.strip()]
        # the header, as read by eye in the file: «خبرگزاري فارس» and «:», «-» or «_»
        head = re.match(r"خبرگزار[يی] فارس\s*[:_-]", lines[0])
        if head:  # 155 of the 300
            headers += 1
            lines[0] = lines[0][head.end():].strip()
            if not lines[0]:  # the header on a line of its own above the abstract, or alone
                del lines[0]
            right_header += s.dateline == head.group()
        lead = "\n".join(lines) or None
        right += (s.title, s.lead, s.lead_in_text) == (title, lead, False) and s.paragraphs == body
    assert total == 300
    assert right / total >= 0.98
    assert headers >= 150 and right_header == headers


# --- the character pre-checks skip only lines the patterns cannot match ----------------------------

_LINE_PIECES = st.sampled_from([
    "تهران", "مشهد", "ایرنا", "ايرنا", "فارس", "خبرگزاری فارس", "ایسنا", "بی بی سی", "مهر", "الف",
    " ", "  ", "-", "–", "—", "(", ")", ":", "：", "_", "/", "،", "به گزارش", "به نقل از", "گروه",
    "سیاسی", "رئیس جمهور گفت", ".", "۱۲", "\u200c", "\t", "\n", "ا" * 10, "شهرستان اسلامشهر",
])


@given(st.lists(_LINE_PIECES, max_size=12).map("".join))
def test_precheck_keeps_every_match(line: str) -> None:
    from khabar.news import attribution
    from khabar.news import structure as s
    from khabar.news.gazetteer import fold1

    folded = fold1(line)
    assert s._is_dateline(folded) == bool(s._dateline_only().match(folded))
    assert s._opens_with_attribution(folded) == bool(
        s._ATTRIBUTION_START.match(folded) or s._agency_opening().match(folded))
    p = attribution._Paragraph(0, line, folded)
    first = next((m for m in (pattern.search(folded) for pattern in attribution._dateline_patterns())
                  if m is not None), None)
    assert (attribution._dateline(p) is None) == (first is None)
    if "گزارش" not in folded:
        assert attribution._BE_GOZARESH.search(folded) is None
    if "نقل" not in folded:
        assert attribution._BE_NAQL_AZ.search(folded) is None


def test_structure_step_setup_compiles_before_the_first_document() -> None:
    # the dateline and agency patterns take about 0.5 s to compile; setup() pays it, not the
    # first document (and builds the date tables of khabar.dates)
    from khabar.dates import mentions
    from khabar.news import structure as structure_module
    from khabar.steps.news import StructureStep

    structure_module._dateline_only.cache_clear()
    structure_module._agency_opening.cache_clear()
    structure_module._lead_header.cache_clear()
    mentions._char_tables.cache_clear()
    StructureStep().setup()
    assert structure_module._dateline_only.cache_info().currsize == 1
    assert structure_module._agency_opening.cache_info().currsize == 1
    assert structure_module._lead_header.cache_info().currsize == 1
    if mentions._numpy() is not None:
        assert mentions._char_tables.cache_info().currsize == 1


def test_structure_step_setup_compiles_the_attribution_patterns() -> None:
    # each is compiled once its precheck lets a line through: setup() shows it one such line
    from khabar.news import attribution
    from khabar.steps.news import StructureStep

    built = (attribution._wrote_pattern, attribution._dateline_patterns,
             attribution._agency_colon_pattern)
    for pattern in built:
        pattern.cache_clear()
    StructureStep().setup()
    assert [pattern.cache_info().currsize for pattern in built] == [1, 1, 1]


@pytest.mark.parametrize(
    ("first", "dateline", "lead"),
    [
        # an agency header opening the lead is its dateline (FarsNews: 150 of 300 abstracts)
        (f"خبرگزاری فارس: {LEAD}", "خبرگزاری فارس:", LEAD),
        (f"خبرگزاري فارس : {LEAD}", "خبرگزاري فارس :", LEAD),  # Arabic yeh, space before the colon
        (f"تهران- ایرنا- {LEAD}", "تهران- ایرنا-", LEAD),
        (f"خبرگزاري فارس - {LEAD}", "خبرگزاري فارس -", LEAD),
        (f"خبرگزاري فارس_ {LEAD}", "خبرگزاري فارس_", LEAD),
        # must not change: a speaker before a colon is no agency; «مهر» alone is the month
        (f"سخنگوی دولت: {LEAD}", None, f"سخنگوی دولت: {LEAD}"),
        (f"مهر: {LEAD}", None, f"مهر: {LEAD}"),
        (f"امام جمعه تبریز گفت: {LEAD}", None, f"امام جمعه تبریز گفت: {LEAD}"),
    ],
)
def test_a_leads_agency_header_is_its_dateline(first: str, dateline: str | None, lead: str) -> None:
    s = structure(f"{TITLE}\n{first}\n{P1}\n{P2}")
    assert (s.dateline, s.lead, s.paragraphs) == (dateline, lead, [P1, P2])
    # a record's abstract kept apart from its body, the same
    s = structure(f"{P1}\n{P2}", title_hint=TITLE, lead_hint=first)
    assert (s.dateline, s.lead, s.lead_in_text) == (dateline, lead, False)


def test_a_header_alone_or_under_a_dateline_line_stays() -> None:
    # a hint that is only the header is a dateline and no lead
    s = structure(f"{P1}\n{P2}", title_hint=TITLE, lead_hint="خبرگزاری فارس:")
    assert (s.dateline, s.lead, s.paragraphs) == ("خبرگزاری فارس:", None, [P1, P2])
    # a dateline line came first: the lead is left as it is written
    s = structure(f"{TITLE}\nتهران- ایرنا-\nخبرگزاری فارس: {LEAD}\n{P1}")
    assert (s.dateline, s.lead) == ("تهران- ایرنا-", f"خبرگزاری فارس: {LEAD}")


@pytest.mark.parametrize(
    ("line", "city_then", "dateline"),
    [
        # the longest city DATELINE_CITY allows: 21 + 1 + 20 + 1 + 20 = 63 characters, 2 spaces
        ("ا" * 21 + " " + "ب" * 20 + " " + "پ" * 20 + "- ایرنا-", True, True),
        ("ا" * 22 + " " + "ب" * 20 + " " + "پ" * 20 + "- ایرنا-", False, False),  # 64
        ("تهران شهر ری- ایرنا-", True, True),  # two spaces in the city
        ("تهران شهر ری قدیم- ایرنا-", False, False),  # three: no city
        ("تهران  \t - ایرنا-", True, True),  # spaces of any kind after the city
        ("تهران (پانا) -", True, True),
        # the strong agency alone before its lead: no city, found by its final colon
        ("خبرگزاری فارس :", False, True),
        ("خبرگزاری فارس: متن", False, False),
        # prose: a parenthesis after two words passes the check; the pattern refuses it
        ("وزیر (نفت) گفت", True, False),
        ("وزیر نفت گفت: قیمت (بنزین) - ثابت", False, False),  # «:» comes first: no city before it
    ],
)
def test_city_precheck(line: str, city_then: bool, dateline: bool) -> None:
    from khabar.news import gazetteer
    from khabar.news import structure as s
    from khabar.news.gazetteer import DATELINE_CITY, fold1

    # city_then's limits are read off this pattern: a change of it must change them
    assert DATELINE_CITY == (
        r"[^\W\d_][^\s\-–—()/:،,]{1,20}(?:[\u200c ][^\s\-–—()/:،,]{2,20}){0,2}")
    folded = fold1(line)
    assert gazetteer.city_then(folded, "-–—(") is city_then
    assert s._is_dateline(folded) is dateline
    assert bool(s._dateline_only().match(folded)) is dateline


# --- the hints' keys: each line folded once, in one pass ---------------------------------------


@given(st.lists(st.text(alphabet="ابپيكک ۱1aΣσςΑ.«»:-|\u200c\u200d\u064b\u00a0\t\r\n", max_size=12),
                max_size=6))
def test_keys_are_fold_bare_of_each_line(lines: list[str]) -> None:
    # _key is fold_bare of any text (one line through fold_lines, several through fold_bare);
    # _keys of lines without a line break is fold_bare of each
    from khabar.news._fold import fold_bare
    from khabar.news.structure import _key, _keys

    for line in lines:
        assert _key(line) == fold_bare(line)
    single = [line.replace("\n", " ") for line in lines]
    assert _keys(single) == [fold_bare(line) for line in single]


def test_a_two_line_lead_hint_is_found_below_the_first_paragraph() -> None:
    # the hint's lines are matched in a row wherever they stand, spelled another way (ي, no ZWNJ)
    hint = f"{P1.replace('ی', 'ي')}\n{P2.replace(chr(0x200C), '')}"
    s = structure(f"{TITLE}\n{LEAD}\n{P1}\n{P2}\nپایان خبر.", title_hint=TITLE, lead_hint=hint)
    assert (s.lead, s.lead_in_text) == (f"{P1}\n{P2}", True)
    assert s.paragraphs == [LEAD, "پایان خبر."]


def test_a_lead_hint_line_of_punctuation_only_matches_no_line() -> None:
    # «...» folds to nothing: _same refuses it, so the hint is no line of the text and, too short
    # to be inside a paragraph, is the lead kept apart; the text's «...» line stays in the body
    s = structure(f"{TITLE}\n{P1}\n«...»\n{P2}", title_hint=TITLE, lead_hint="«...»")
    assert (s.lead, s.lead_in_text) == ("«...»", False)
    assert s.paragraphs == [P1, "«...»", P2]
