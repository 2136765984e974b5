"""Build tests/fixtures/e2e/: a small crawl that exercises every decision of the default pipeline.

    .venv/bin/python scripts/build_e2e_fixture.py [--shared ../shared]

Articles are runs of consecutive sentences from UD Persian-PerDT dev (CC BY-SA 4.0), so the
fixture is a derived work under the same licence (see tests/fixtures/e2e/README.md). The script
is deterministic: the same source gives the same bytes (a test checks the committed files).

What the crawl holds (each line of crawl-*.jsonl is one record):
- 24 distinct articles on 3 domains (news-a.example, news-b.example, news-c.example);
- news-a.example pages end with the same two footer lines (a site template: site lines step);
- an exact copy of article 0 on news-b (exact duplicate, letters and ZWNJ as in the original);
- a copy of article 1 with every ZWNJ removed and Arabic ي/ك (near duplicate after repair);
- a copy of article 2 with every ZWNJ turned into a space, on news-c (near duplicate);
- an English page and a two-word page (language and quality drops);
- a record with no text field and a line of broken JSON (rejects).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "e2e"
FOOTER = ["کلیه حقوق این سایت متعلق به پایگاه خبری الف نمونه است.", "نشانی: تهران، خیابان نمونه، پلاک ۱"]
ZWNJ = "\u200c"


def articles(dev: Path, n: int = 24, size: int = 5) -> list[str]:
    lines = [l.strip() for l in dev.read_text(encoding="utf-8").splitlines() if l.strip()]
    lines = [l for l in lines if 60 <= len(l) <= 400]
    out = []
    for i in range(n):
        sents = lines[i * size:(i + 1) * size]
        title = sents[0].split("،")[0].split(".")[0][:80].strip()
        out.append(title + "\n\n" + "\n\n".join(sents))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    a = ap.parse_args()
    arts = articles(Path(a.shared) / "data" / "ud_perdt" / "dev.txt")
    domains = ["news-a.example", "news-b.example", "news-c.example"]
    records: list[dict[str, object]] = []
    for i, text in enumerate(arts):
        dom = domains[i % 3]
        if dom == "news-a.example":
            text = text + "\n\n" + "\n".join(FOOTER)
        records.append({"id": f"art{i:02d}", "url": f"https://{dom}/news/{i}", "text": text,
                        "date": f"2023-10-{(i % 28) + 1:02d}"})
    records.append({"id": "copy-exact", "url": "https://news-b.example/copy/0", "text": arts[0],
                    "date": "2023-11-20"})
    glued = arts[1].replace(ZWNJ, "").replace("ی", "ي").replace("ک", "ك")
    records.append({"id": "copy-glued", "url": "https://news-c.example/copy/1", "text": glued,
                    "date": "2023-11-21"})
    spaced = arts[2].replace(ZWNJ, " ")
    records.append({"id": "copy-spaced", "url": "https://news-c.example/copy/2", "text": spaced,
                    "date": "2023-11-22"})
    records.append({"id": "english", "url": "https://news-b.example/en/1",
                    "text": "The minister said on Monday that the talks would resume next week in "
                            "Geneva, and that both sides had agreed to a new timetable."})
    records.append({"id": "tiny", "url": "https://news-c.example/x", "text": "خبر فوری"})
    records.append({"id": "no-text", "url": "https://news-c.example/empty", "title": "بدون متن"})
    half = len(records) // 2
    OUT.mkdir(parents=True, exist_ok=True)
    for name, part in (("crawl-1.jsonl", records[:half]), ("crawl-2.jsonl", records[half:])):
        with open(OUT / name, "w", encoding="utf-8", newline="\n") as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
            if name == "crawl-2.jsonl":
                f.write('{"id": "broken", "text": "این خط JSON ناقص است\n')


if __name__ == "__main__":
    main()
