#!/usr/bin/env python3
"""How writers that are not PEYMA spell candidate pairs of the news style: joined or apart.

    .venv/bin/python bench/zwnj/style_evidence.py "هیچ کس" "به صورت" ...
    .venv/bin/python bench/zwnj/style_evidence.py --rows      # every row of news.tsv

For each pair (its words one space apart) it prints ``joined:apart`` counts, whole words only
(no letter, mark or ZWNJ before or after), in:

* ``crawl``: the crawled agency articles (``farsnews_varzesh3_json``: FarsNews and Varzesh3;
  ``targoman_sample``; ``html_pages_htmldate``) that write ZWNJs consistently: «می‌» and «‌ها»
  with a ZWNJ at least 3 times and at least 9 times in 10 (an article that types spaces for
  ZWNJs tells nothing of its house style), per source (fars, varzesh3, targoman, html);
* ``house``: those of the articles that write the other rows of ``news.tsv`` joined at least as
  often as apart (at least once): the houses whose style the file models (a row's own counts
  do not choose its house);
* ``train``: UD PerDT and Seraji TRAIN, ``joined:apart:glued`` (glued: nothing between);
* ``wordfreq``: wordfreq 3.1.1's Persian list (web text; CC BY-SA 4.0), the joined and glued
  spellings per million words (a pair written apart is two words there, so it has no count).

PEYMA is never read: it is research-only and measures the style, it does not choose its rows.
Counts only: no text of the sites is printed or stored.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
NEWS_TSV = ROOT / "src" / "khabar" / "data" / "style" / "news.tsv"
WORDFREQ = (
    ROOT
    / "bench"
    / ".venv-anchors"
    / "wordfreq"
    / "lib"
    / "python3.11"
    / "site-packages"
    / "wordfreq"
    / "data"
    / "small_fa.msgpack.gz"
)
ARABIC = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
Z = "\u200c"
EDGE = r"\w\u064b-\u065f\u0670\u200c\u200d"
MI_JOINED = re.compile(r"(?<![\w\u200c])ن?می\u200c\w|\w\u200cها")
MI_APART = re.compile(r"(?<![\w\u200c])ن?می \w|\w (?:ها|های|هایی)(?![\w\u200c])")


def articles() -> list[tuple[str, str]]:
    """(source, text) of every crawled article, Arabic ي/ك/ى folded."""
    out: list[tuple[str, str]] = []
    fields = {
        "fars-news-1": ("title", "abstract", "body"),
        "varzesh3-1": ("title", "abstract", "body"),
    }
    for path in sorted((DATA / "farsnews_varzesh3_json").glob("*.docs.jsonl")):
        for row in path.open(encoding="utf-8"):
            doc = json.loads(row)
            text = "\n".join(doc.get(f) or "" for f in fields.get(path.stem, ("body",)))
            out.append((path.stem.split("-")[0], text))
    for row in (DATA / "targoman_sample" / "docs.jsonl").open(encoding="utf-8"):
        doc = json.loads(row)
        out.append(("targoman", "\n".join(doc.get(f) or "" for f in ("title", "subtitle", "body"))))
    from selectolax.lexbor import LexborHTMLParser

    for path in sorted((DATA / "html_pages_htmldate").glob("*.html")):
        body = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace")).body
        out.append(("html", body.text(separator="\n") if body is not None else ""))
    return [(source, text.translate(ARABIC)) for source, text in out]


def writes_zwnjs(text: str) -> bool:
    joined, apart = len(MI_JOINED.findall(text)), len(MI_APART.findall(text))
    return joined >= 3 and joined >= 9 * apart


def patterns(words: list[str]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Joined (one ZWNJ between words), apart (spaces) and glued spellings of a pair."""
    return tuple(  # type: ignore[return-value]
        re.compile(f"(?<![{EDGE}]){sep.join(map(re.escape, words))}(?![{EDGE}])")
        for sep in (Z, " +", "")
    )


def rows() -> list[str]:
    lines = NEWS_TSV.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t")[0] for ln in lines if ln and not ln.startswith("#")][1:]


def wordfreq(path: Path) -> dict[str, float]:
    """Frequency per million words of each word of wordfreq's Persian list ({} if absent)."""
    try:
        import msgpack
    except ImportError:
        return {}
    if not path.exists():
        print(f"no wordfreq list at {path}: pass --wordfreq", file=sys.stderr)
        return {}
    with gzip.open(path) as stream:
        _header, *buckets = msgpack.load(stream, raw=False)
    return {w: 10 ** (-i / 100) * 1e6 for i, bucket in enumerate(buckets) for w in bucket}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pairs", nargs="*", help="pairs, words one space apart")
    ap.add_argument("--rows", action="store_true", help="every row of news.tsv")
    ap.add_argument("--wordfreq", type=Path, default=WORDFREQ, help="small_fa.msgpack.gz")
    args = ap.parse_args(argv)
    pairs = list(args.pairs) + (rows() if args.rows else [])
    kept = [(s, t) for s, t in articles() if writes_zwnjs(t)]
    # per article, joined and apart counts of each row of news.tsv: a pair's house is counted
    # from the other rows, so a row does not vouch for itself
    row_names = rows()
    row_patterns = [patterns(r.split(" ")) for r in row_names]
    per_row = [
        [(len(p[0].findall(t)), len(p[1].findall(t))) for p in row_patterns] for _, t in kept
    ]

    def house_text(pair: str) -> str:
        skip = row_names.index(pair) if pair in row_names else -1
        house = []
        for (_, text), counts in zip(kept, per_row, strict=True):
            joined = sum(j for i, (j, _) in enumerate(counts) if i != skip)
            apart = sum(a for i, (_, a) in enumerate(counts) if i != skip)
            if joined and joined >= apart:
                house.append(text)
        return "\n".join(house)

    train = "\n".join(
        (DATA / name / "train.txt").read_text(encoding="utf-8").translate(ARABIC)
        for name in ("ud_perdt", "ud_seraji")
    )
    by_source: dict[str, str] = collections.defaultdict(str)
    for source, text in kept:
        by_source[source] += "\n" + text
    freq = wordfreq(args.wordfreq)
    sources = sorted(by_source)
    print(f"articles that write ZWNJs: {len(kept)}", file=sys.stderr)
    print(
        "pair",
        *(f"crawl:{s}" for s in sources),
        "house",
        "train",
        "wordfreq(joined,glued)",
        sep="\t",
    )
    for pair in pairs:
        words = pair.split(" ")
        joined, apart, glued = patterns(words)
        cells = [
            f"{len(joined.findall(by_source[s]))}:{len(apart.findall(by_source[s]))}"
            for s in sources
        ]
        house = house_text(pair)
        cells.append(f"{len(joined.findall(house))}:{len(apart.findall(house))}")
        cells.append(
            f"{len(joined.findall(train))}:{len(apart.findall(train))}:{len(glued.findall(train))}"
        )
        cells.append(f"{freq.get(Z.join(words), 0):.1f},{freq.get(''.join(words), 0):.1f}")
        print(pair, *cells, sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
