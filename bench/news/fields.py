"""How many refined news records carry each news field, per source in ../shared.

    .venv/bin/python bench/news/fields.py [--out bench/news/fields.md]

Runs ``khabar refine`` (the default pipeline, -j 1) on each crawl of ``../shared/data`` that has
news records (FarsNews and Varzesh3 dumps, the Targoman sample) and counts, over the kept
documents, those with a title, a lead, a publication date (and where it came from: the record,
the URL), an agency, a desk, a cited source and a city. Where the record has a field of its own
the output can be checked against, it is: the title against the record's title repaired the same
way (``khabar.fix``), the date against the record's ``date``. A person reads the table; the
values themselves are in the refined Parquet, which ``khabar inspect`` shows.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
SOURCES = {
    "FarsNews": DATA / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl",
    "Varzesh3": DATA / "farsnews_varzesh3_json" / "varzesh3-1.docs.jsonl",
    "Targoman sample": DATA / "targoman_sample" / "docs.jsonl",
}
FIELDS = ("title", "lead", "published", "agency", "desk", "cited_source")


def refine(path: Path, out: Path) -> list[dict]:
    import pyarrow.parquet as pq

    khabar = str(Path(sys.executable).parent / "khabar")
    subprocess.run([khabar, "refine", str(path), "-o", str(out), "-q", "-j", "1"], check=True)
    files = sorted((out / "data").glob("*.parquet"))
    return [row for f in files for row in pq.read_table(f).to_pylist()]


def count(rows: list[dict], records: list[dict]) -> dict[str, object]:
    from khabar import fix
    from khabar.dates import parse_date

    by_url = {r.get("url"): r for r in records if r.get("url")}
    c: Counter[str] = Counter()
    for row in rows:
        meta = json.loads(row["metadata"] or "{}")
        for f in FIELDS:
            c[f] += bool(row.get(f))
        c["city"] += bool(meta.get("city"))
        c[f"published from {meta.get('published_from') or 'the record'}"] += bool(row["published"])
        record = by_url.get(row.get("url"))
        if record is None:
            continue
        if record.get("title") and row.get("title"):
            c["title checked"] += 1
            c["title right"] += row["title"] == fix(" ".join(record["title"].split()))
        if record.get("date") and row.get("published"):
            c["date checked"] += 1
            parsed = parse_date(str(record["date"]))
            c["date right"] += parsed is not None and parsed.iso == row["published"][:10]
    return {"records": len(records), "kept": len(rows), **c}


def table(results: dict[str, dict[str, object]]) -> str:
    cols = ["records", "kept", *FIELDS, "city", "published from url", "title right", "date right"]
    head = "| source | " + " | ".join(cols) + " |"
    lines = [head, "|---|" + "---:|" * len(cols)]
    for name, r in results.items():
        cells = []
        for col in cols:
            if col == "title right":
                cells.append(f"{r.get('title right', 0)} of {r.get('title checked', 0)}")
            elif col == "date right":
                cells.append(f"{r.get('date right', 0)} of {r.get('date checked', 0)}")
            else:
                cells.append(str(r.get(col, 0)))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "news" / "fields.md")
    a = ap.parse_args()
    missing = [str(p) for p in SOURCES.values() if not p.exists()]
    if missing:
        print(f"error: not found: {', '.join(missing)}; put ../shared beside the repository",
              file=sys.stderr)
        return 2
    results = {}
    with tempfile.TemporaryDirectory(prefix="khabar-news-fields-") as tmp:
        for name, path in SOURCES.items():
            records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                       if line.strip()]
            rows = refine(path, Path(tmp) / name.replace(" ", "_"))
            results[name] = count(rows, records)
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=False).stdout.strip()
    text = (f"# News fields of refined records\n\n`.venv/bin/python bench/news/fields.py`, "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, code {head}. Kept documents "
            "with each field; `title right`: the output title equals the record's own title "
            "repaired by `khabar.fix` (spaces collapsed); `date right`: the published day equals "
            "the record's `date`. FarsNews and Varzesh3 records have no date field: their dates "
            "come from the URL (FarsNews' article numbers; Varzesh3's are counters).\n\n"
            + table(results) + "\n")
    a.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
