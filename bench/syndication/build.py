"""Build the syndication benchmark from real articles in ../shared/data (at run time, never committed).

Each source article (FarsNews, Targoman news sites, PEYMA 300K/600K articles) gets republished
copies the way agencies copy each other, and hard negatives are chosen among real articles:

positives (same story):
    zwnj_stripped   every ZWNJ removed («می‌شود» -> «میشود»)
    zwnj_spaced     every ZWNJ turned into a space («می شود»)
    arabic          Persian ی/ک typed as Arabic ي/ك
    boilerplate     another agency's header and footer lines («به گزارش ...»، «انتهای پیام/»)
    lead_trimmed    the first paragraph (lead) dropped
    lead_extended   a new opening sentence added
    syndicated      spaced + arabic + boilerplate + extended lead at once
negatives (different story):
    nearest         for each source, the most similar *other* real article by canonical word
                    overlap (mostly same desk, same topic, same agency template)
    same_template   two different articles given the identical header and footer

PEYMA is research-only: the output folder is git-ignored (default bench/results/tmp/syndication).

Usage:
    .venv/bin/python bench/syndication/build.py [--shared ../shared] [--out DIR] [--max-docs N]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from khabar.corpus.keys import canonical_tokens

ROOT = Path(__file__).resolve().parents[2]
ZWNJ = "\u200c"
MIN_CHARS = 400  # shorter "articles" are mostly headline-only records in these crawls

AGENCIES = [
    ("isna.ir", "ایسنا"),
    ("irna.ir", "ایرنا"),
    ("mehrnews.com", "خبرگزاری مهر"),
    ("tasnimnews.com", "تسنیم"),
    ("yjc.ir", "باشگاه خبرنگاران جوان"),
    ("khabaronline.ir", "خبرآنلاین"),
]
FOOTERS = [
    "انتهای پیام/",
    "کد خبر: {n}",
    "اشتراک‌گذاری در تلگرام | واتس‌اپ | توییتر",
    "برای دریافت آخرین اخبار به کانال ما بپیوندید",
    "تاریخ انتشار: {d} - ساعت ۱۲:۳۰",
]
NEW_LEADS = [
    "به گزارش {a} و به نقل از روابط عمومی این نهاد، جزئیات تازه‌ای از این موضوع منتشر شد.",
    "در ادامه گزارش‌های رسیده درباره این خبر، مسئولان امروز توضیحات بیشتری ارائه کردند.",
    "این خبر نخستین بار صبح امروز در رسانه‌های محلی منتشر شد و سپس بازتاب گسترده‌ای یافت.",
]


def load_articles(shared: Path) -> list[dict[str, str]]:
    """Read the source articles as {id, source, text, date}; text = title, lead and body lines."""
    data = shared / "data"
    out: list[dict[str, str]] = []
    for line in (data / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        parts = [d.get("title") or "", d.get("abstract") or "", d.get("body") or ""]
        out.append(
            {
                "id": f"fars-{d['idx']}",
                "source": "farsnews",
                "date": None,
                "text": "\n".join(p for p in parts if p.strip()),
            }
        )
    for i, line in enumerate((data / "targoman_sample" / "docs.jsonl").open(encoding="utf-8")):
        d = json.loads(line)
        parts = [d.get("title") or "", d.get("subtitle") or "", d.get("body") or ""]
        out.append(
            {
                "id": f"targoman-{i}",
                "source": "targoman",
                "date": d.get("date"),
                "text": "\n".join(p for p in parts if p.strip()),
            }
        )
    for name in ("peyma300k", "peyma600k"):
        path = data / "peyma_nsurl2019" / f"{name}.docs.jsonl"
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            out.append(
                {"id": f"{name}-{d['doc_id']}", "source": name, "date": None, "text": d["text"]}
            )
    return [a for a in out if len(a["text"]) >= MIN_CHARS]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def _with_boilerplate(text: str, rng: random.Random) -> tuple[str, str]:
    domain, name = rng.choice(AGENCIES)
    header = f"به گزارش {name}،"
    footer = [
        f.format(n=rng.randint(100000, 999999), d="۱۴۰۲/۰۸/۱۰") for f in rng.sample(FOOTERS, 3)
    ]
    return "\n".join([header, text, *footer]), domain


def make_variants(article: dict[str, str], rng: random.Random) -> list[tuple[str, str, str]]:
    """Return (variant, text, domain) for each republished copy of ``article``."""
    text = article["text"]
    paras = _paragraphs(text)
    arabic = text.replace("ی", "ي").replace("ک", "ك")
    boiler, dom = _with_boilerplate(text, rng)
    lead = rng.choice(NEW_LEADS).format(a=rng.choice(AGENCIES)[1])
    out = [
        ("zwnj_stripped", text.replace(ZWNJ, ""), rng.choice(AGENCIES)[0]),
        ("zwnj_spaced", text.replace(ZWNJ, " "), rng.choice(AGENCIES)[0]),
        ("arabic", arabic, rng.choice(AGENCIES)[0]),
        ("boilerplate", boiler, dom),
        ("lead_extended", lead + "\n" + text, rng.choice(AGENCIES)[0]),
    ]
    if len(paras) >= 3:  # dropping the lead of a 1-2 paragraph item leaves a different text
        out.append(("lead_trimmed", "\n".join(paras[1:]), rng.choice(AGENCIES)[0]))
    synd, dom = _with_boilerplate(lead + "\n" + text.replace(ZWNJ, " "), rng)
    out.append(("syndicated", synd.replace("ی", "ي").replace("ک", "ك"), dom))
    return out


def nearest_negatives(articles: list[dict[str, str]]) -> list[tuple[int, int, float]]:
    """For each article, the other article sharing most canonical word 3-grams (Jaccard)."""
    grams = []
    for a in articles:
        toks = canonical_tokens(a["text"])
        grams.append({" ".join(toks[i : i + 3]) for i in range(max(len(toks) - 2, 1))})
    index: dict[str, list[int]] = {}
    for i, g in enumerate(grams):
        for s in g:
            index.setdefault(s, []).append(i)
    pairs: set[tuple[int, int, float]] = set()
    for i, g in enumerate(grams):
        shared: Counter[int] = Counter()
        for s in g:
            postings = index[s]
            if len(postings) > 200:  # a stock phrase every article has says nothing
                continue
            shared.update(j for j in postings if j != i)
        if not shared:
            continue
        best = max(shared, key=lambda j: (shared[j] / len(g | grams[j]), -j))
        a, b = min(i, best), max(i, best)
        pairs.add((a, b, round(shared[best] / len(g | grams[best]), 4)))
    return sorted(pairs)


def build(shared: Path, out: Path, max_docs: int, seed: int = 13) -> dict[str, int]:
    rng = random.Random(seed)
    articles = load_articles(shared)
    if max_docs and len(articles) > max_docs:
        articles = rng.sample(articles, max_docs)
        articles.sort(key=lambda a: a["id"])
    out.mkdir(parents=True, exist_ok=True)
    docs: list[dict[str, object]] = []
    pairs: list[dict[str, object]] = []
    for a in articles:
        base = {
            "id": a["id"],
            "group": a["id"],
            "variant": "original",
            "source": a["source"],
            "domain": {"farsnews": "farsnews.ir"}.get(a["source"], a["source"]),
            "date": a["date"],
            "text": a["text"],
        }
        docs.append(base)
        for variant, text, domain in make_variants(a, rng):
            vid = f"{a['id']}~{variant}"
            docs.append({**base, "id": vid, "variant": variant, "domain": domain, "text": text})
            pairs.append({"a": a["id"], "b": vid, "label": 1, "kind": variant})
    for i, j, sim in nearest_negatives(articles):
        pairs.append(
            {
                "a": articles[i]["id"],
                "b": articles[j]["id"],
                "label": 0,
                "kind": "nearest",
                "word3_jaccard": sim,
            }
        )
    # same template: consecutive articles wrapped in one agency's identical header and footer
    for k in range(0, len(articles) - 1, 7):
        a, b = articles[k], articles[k + 1]
        head = "به گزارش خبرگزاری مهر، از تهران"
        foot = "انتهای پیام/\nکد خبر: ۵۵۵۱۲۳\nاشتراک‌گذاری در تلگرام | واتس‌اپ | توییتر"
        for art in (a, b):
            docs.append(
                {
                    "id": f"{art['id']}~template",
                    "group": f"{art['id']}~template",
                    "variant": "template",
                    "source": art["source"],
                    "domain": "mehrnews.com",
                    "date": art["date"],
                    "text": f"{head}\n{art['text']}\n{foot}",
                }
            )
        pairs.append(
            {
                "a": f"{a['id']}~template",
                "b": f"{b['id']}~template",
                "label": 0,
                "kind": "same_template",
            }
        )
    with (out / "docs.jsonl").open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with (out / "pairs.jsonl").open("w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    counts = Counter(str(p["kind"]) for p in pairs)
    return {"articles": len(articles), "docs": len(docs), **counts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "tmp" / "syndication")
    ap.add_argument("--max-docs", type=int, default=0, help="sample this many articles (0 = all)")
    args = ap.parse_args()
    print(json.dumps(build(args.shared, args.out, args.max_docs), ensure_ascii=False))


if __name__ == "__main__":
    main()
