"""Real Persian article text poured into three news-site templates, for the extraction bench.

``../shared/data/targoman_sample`` has 59 crawled articles with their body paragraphs, titles,
dates and real user comments, but not their HTML. Each is rendered here, in memory (nothing is
written or committed), into three page layouts seen on Persian sites:

* ``nastooh``: khabaronline/ISNA-like; ``<p>`` paragraphs, lead in ``p.summary``, raw ZWNJ, Jalali
  date in ``article:published_time``, tags, related list, comments, most-viewed sidebar, footer;
* ``aspnet``: aryanews-like; the whole page in a ``<form>``, paragraphs joined by ``<br/>``, ZWNJ as
  ``&zwnj;``, the date only as visible Jalali text, an "other news" box with teasers;
* ``wordpress``: ``article.post`` with ``<time datetime>``, ZWNJ as ``&#8204;``, a comment list, a
  sidebar text widget of prose about the site, and a footer;
* ``hashed``: a React-era page whose class names are all hashes (``css-1u8ejmk``), so only
  structure and text can tell article from furniture; date in JSON-LD. Written after khabar's
  rules were frozen for it and not tuned against (its first-run score is the held-out number).

Must-contain snippets are the article's paragraphs (at least 20 characters); must-not-contain are
the comments, other articles' titles in the lists and the furniture text. The expected date is the
doc's date (Jalali converted with :mod:`khabar.news.calendars`, so the date column checks the
plumbing from HTML to ``meta['published']``, not the calendar arithmetic).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر",
                 "دی", "بهمن", "اسفند")  # fmt: skip
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_SPACES = re.compile(r"\s+")
_MIN_SNIPPET = 20


@dataclass
class TemplatedPage:
    id: str
    html: str
    url: str
    with_: list[str]
    without: list[str]
    published: str | None


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _esc(text: str, zwnj: str) -> str:
    return html.escape(text, quote=False).replace("\u200c", zwnj)


def _date(raw: str) -> tuple[int, int, int, str] | None:
    """(year, month, day, calendar) of a Targoman date like ``1402-08-9`` or ``2021-10-03``."""
    match = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", raw.strip())
    if not match:
        return None
    y, m, d = (int(g) for g in match.groups())
    return y, m, d, "jalali" if y < 1700 else "gregorian"


def _iso(parts: tuple[int, int, int, str]) -> str:
    from khabar.news.calendars import jalali_to_gregorian

    y, m, d, calendar = parts
    if calendar == "jalali":
        y, m, d = jalali_to_gregorian(y, m, d)
    return f"{y:04d}-{m:02d}-{d:02d}"


def _visible(parts: tuple[int, int, int, str]) -> str:
    y, m, d, calendar = parts
    if calendar == "jalali":
        return f"{d} {JALALI_MONTHS[m - 1]} {y}".translate(_PERSIAN_DIGITS)
    return f"{y:04d}/{m:02d}/{d:02d}"


def _nastooh(
    doc: dict[str, Any], others: list[dict[str, Any]], comments: list[str], date: str
) -> str:
    z = "\u200c"
    paras = "\n".join(f"<p>{_esc(p, z)}</p>" for p in doc["paragraphs"])
    lead = f'<p class="summary introtext">{_esc(doc["subtitle"], z)}</p>' if doc["subtitle"] else ""
    related = "".join(f'<li><h3><a href="/n/{i}">{_esc(o["title"], z)}</a></h3></li>'
                      for i, o in enumerate(others[:4]))  # fmt: skip
    viewed = "".join(f'<li><a href="/m/{i}">{_esc(o["title"], z)}</a></li>'
                     for i, o in enumerate(others[4:9]))  # fmt: skip
    comms = "".join(f'<li class="comment"><p>{_esc(c, z)}</p></li>' for c in comments)
    return f"""<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>{_esc(doc["title"], z)} - خبرآنلاین نمونه</title>
<meta property="og:site_name" content="خبرآنلاین نمونه">
<meta property="article:published_time" content="{date}"></head><body>
<header id="header"><a class="logo" href="/">خبرآنلاین نمونه</a></header>
<nav id="menu"><ul><li><a href="/">صفحه اصلی</a></li><li><a href="/p">سیاست</a></li>
<li><a href="/e">اقتصاد</a></li><li><a href="/s">ورزش</a></li></ul></nav>
<div id="mainbody" class="row"><div class="col-sm-8">
<article id="item" class="box item"><div class="item-header"><h1 class="title">
<a href="/news/1">{_esc(doc["title"], z)}</a></h1></div>
<div class="item-summary">{lead}</div>
<div class="item-body"><div class="item-text" itemprop="articleBody">{paras}</div></div>
<section class="box tags"><header><h2>برچسب‌ها</h2></header><ul><li><a href="/t/1">{_esc(doc["category"] or "خبر", z)}</a></li></ul></section>
</article>
<section class="box related-items"><header><h2>مطالب مرتبط</h2></header><ul>{related}</ul></section>
<section class="box comments"><header><h2>نظرات</h2></header><ul>{comms}</ul></section>
</div><div class="col-sm-4"><section class="box"><header><h2>پربازدیدترین</h2></header>
<ul>{viewed}</ul></section></div></div>
<footer><p class="copyright-text">تمامی حقوق این سایت برای خبرآنلاین نمونه محفوظ است. نقل مطالب با ذکر منبع بلامانع است.</p></footer>
</body></html>"""


def _aspnet(
    doc: dict[str, Any], others: list[dict[str, Any]], comments: list[str], date: str
) -> str:
    z = "&zwnj;"
    body = "<br/>\n".join(_esc(p, z) for p in doc["paragraphs"])
    lead = _esc(doc["subtitle"], z) + "<br/>\n" if doc["subtitle"] else ""
    thumbs = "".join(f'<div class="col-md-4"><div class="thumb"><a href="/n/{i}"><div class="caption">'
                     f'<div class="title">{_esc(o["title"], z)}</div></div></a></div></div>'
                     for i, o in enumerate(others[:6]))  # fmt: skip
    comms = "".join(
        f'<div class="cm"><span class="cm-text">{_esc(c, z)}</span></div>' for c in comments
    )
    return f"""<html xmlns="http://www.w3.org/1999/xhtml" dir='rtl' lang="fa"><head>
<title>پایگاه خبری نمونه - {_esc(doc["title"], z)}</title></head><body>
<form method="post" action="./News.aspx" id="form1">
<div class="header-menu"><ul id="menu" class="nav nav-pills"><li class="active"><a href="/">صفحه اصلی</a></li>
<li><a href="/1">سياسي</a></li><li><a href="/2">اقتصادي</a></li></ul></div>
<div class="row"><div class="col-md-8"><div id="content-news" class="section-categ">
<div class="section-content"><h1 class="title-news">{_esc(doc["title"], z)}</h1>
<div class="info-news"><span class="date-created">{date} - 12:09:08 ب.ظ</span></div>
<div class="main-news">
<div class="image-news"><img src="/p.jpg" alt="{html.escape(doc["title"])}" /></div>
{lead}{body}<br/>
</div>
<div class="comment-write"><div class="col-md-6">لینک کوتاه:</div><div class="col-md-4">کد خبر:</div></div>
</div>
<div class="also-read section-category"><div class="section-name">سایر اخبار مهم</div>{thumbs}</div>
<div class="cm-list"><div class="cm-title">نظرات بینندگان</div>{comms}</div>
</div></div></div>
<div id="footer"><div class="copyright">© پایگاه خبری نمونه</div></div>
</form></body></html>"""


def _wordpress(
    doc: dict[str, Any], others: list[dict[str, Any]], comments: list[str], iso: str
) -> str:
    z = "&#8204;"
    paras = "\n".join(f"<p>{_esc(p, z)}</p>" for p in doc["paragraphs"])
    lead = f"<p><strong>{_esc(doc['subtitle'], z)}</strong></p>" if doc["subtitle"] else ""
    recent = "".join(f'<li><a href="/?p={i}">{_esc(o["title"], z)}</a></li>'
                     for i, o in enumerate(others[:5]))  # fmt: skip
    comms = "".join(f'<li class="comment"><article class="comment-body"><div class="comment-content">'
                    f"<p>{_esc(c, z)}</p></div></article></li>" for c in comments)  # fmt: skip
    return f"""<!DOCTYPE html><html dir="rtl" lang="fa-IR"><head><meta charset="UTF-8">
<title>{_esc(doc["title"], z)} &#8211; وبلاگ خبری نمونه</title>
<meta property="og:site_name" content="وبلاگ خبری نمونه"></head>
<body class="post-template-default single"><div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">وبلاگ خبری نمونه</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu"><li><a href="/">خانه</a></li>
<li><a href="/c/news">اخبار</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish"><header class="entry-header">
<h1 class="entry-title">{_esc(doc["title"], z)}</h1>
<div class="entry-meta"><time class="entry-date published" datetime="{iso}T10:00:00+03:30">{iso}</time></div>
</header><div class="entry-content">{lead}{paras}</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">دیدگاه‌ها</h2>
<ol class="comment-list">{comms}</ol></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_text"><h2 class="widget-title">درباره ما</h2>
<div class="textwidget"><p>وبلاگ خبری نمونه از سال ۱۳۹۰ اخبار روز ایران و جهان را با نگاهی مستقل و بی‌طرف برای خوانندگان فارسی‌زبان گردآوری و منتشر می‌کند.</p></div></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">نوشته‌های تازه</h2><ul>{recent}</ul></section>
</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">قدرت گرفته از وردپرس</div></footer>
</div></body></html>"""


def _hashed(
    doc: dict[str, Any], others: list[dict[str, Any]], comments: list[str], iso: str
) -> str:
    """A React-era page: hashed class names only, so no class rule can help; held out (see
    run.py)."""
    z = "\u200c"
    paras = "\n".join(
        f'<div class="css-83cqas"><p class="css-1u8ejmk">{_esc(p, z)}</p></div>'
        for p in doc["paragraphs"]
    )
    lead = (
        f'<p class="css-1b4vq0s"><b>{_esc(doc["subtitle"], z)}</b></p>' if doc["subtitle"] else ""
    )
    more = "".join(
        f'<li class="css-x1y2z3"><a class="css-7k1s1d" href="/a/{i}">{_esc(o["title"], z)}</a></li>'
        for i, o in enumerate(others[:4])
    )
    comms = "".join(
        f'<div class="css-9zk0f1"><span class="css-0a1b2c">کاربر {i + 1}</span>'
        f'<p class="css-1u8ejmk">{_esc(c, z)}</p></div>'
        for i, c in enumerate(comments)
    )
    return f"""<!DOCTYPE html><html lang="fa"><head><meta charset="utf-8">
<title>{_esc(doc["title"], z)} | رسانه نمونه</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":{json.dumps(doc["title"], ensure_ascii=False)},"datePublished":"{iso}"}}</script>
</head><body><div id="__next"><div class="css-1ab2cd">
<div class="css-0xk9ol"><a class="css-3nm1z0" href="/">رسانه نمونه</a>
<a class="css-3nm1z0" href="/iran">ایران</a><a class="css-3nm1z0" href="/world">جهان</a>
<a class="css-3nm1z0" href="/sport">ورزش</a></div>
<main class="css-mn0001"><div class="css-aa11bb"><h1 class="css-1w8a5k3">{_esc(doc["title"], z)}</h1>
{lead}{paras}</div>
<section class="css-rel001"><h2 class="css-9x8y7z">بیشتر بخوانید</h2><ul class="css-ul0001">{more}</ul></section>
<section class="css-cm0001"><h2 class="css-9x8y7z">نظرات کاربران</h2>{comms}</section>
</main>
<div class="css-ft0001"><p class="css-ft0002">استفاده از مطالب رسانه نمونه با ذکر منبع آزاد است.</p></div>
</div></div></body></html>"""


def load_docs(shared: Path) -> list[dict[str, Any]]:
    path = shared / "data" / "targoman_sample" / "docs.jsonl"
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        paragraphs = [p for p in (doc.get("body") or "").split("\n") if p.strip()]
        if paragraphs:
            doc["paragraphs"] = paragraphs
            for key in ("title", "subtitle", "category"):
                doc[key] = doc.get(key) or ""
            docs.append(doc)
    return docs


def templated_pages(shared: Path) -> Iterator[TemplatedPage]:
    """Three pages per Targoman article that has a body."""
    docs = load_docs(shared)
    pool = [c for d in docs for c in d.get("comments") or [] if isinstance(c, str) and c.strip()]
    furniture = ["تمامی حقوق این سایت", "مطالب مرتبط", "پربازدیدترین", "سایر اخبار مهم",
                 "نظرات کاربران", "استفاده از مطالب رسانه نمونه",
                 "لینک کوتاه", "نظرات بینندگان", "دیدگاه‌ها", "نوشته‌های تازه",
                 "اخبار روز ایران و جهان را با نگاهی مستقل", "قدرت گرفته از وردپرس", "صفحه اصلی"]  # fmt: skip
    for n, doc in enumerate(docs):
        others = [docs[(n + k) % len(docs)] for k in range(1, 10)]
        own = [c for c in doc.get("comments") or [] if isinstance(c, str) and c.strip()]
        comments = (own or [pool[(n * 3 + k) % len(pool)] for k in range(3)]) if pool else []
        parts = _date(doc.get("date") or "")
        expected = _iso(parts) if parts else None
        text = "\n".join(doc["paragraphs"]) + doc["subtitle"]
        with_ = [_norm(p) for p in doc["paragraphs"] if len(_norm(p)) >= _MIN_SNIPPET]
        without = [_norm(s) for s in [*comments, *(o["title"] for o in others)]
                   if len(_norm(s)) >= _MIN_SNIPPET and _norm(s) not in _norm(text)]  # fmt: skip
        without += [f for f in furniture if f not in text]
        name = Path(doc["source_path"]).stem[:8]
        site = doc["source_path"].split("/")[1]
        for template, render, date in (
            ("nastooh", _nastooh, doc.get("date") or ""),
            ("aspnet", _aspnet, _visible(parts) if parts else ""),
            ("wordpress", _wordpress, expected or ""),
            ("hashed", _hashed, expected or ""),
        ):
            yield TemplatedPage(f"{template}/{site}/{name}", render(doc, others, comments, date),
                                doc.get("url") or "", with_, without, expected)  # fmt: skip
