"""Record what the news functions produce, to prove a speed change changes no output byte.

    .venv/bin/python bench/news/snapshot.py --out /tmp/newsspeed_before          # record
    .venv/bin/python bench/news/snapshot.py --out /tmp/newsspeed_after \\
        --compare /tmp/newsspeed_before                                          # and compare

For each text of the corpus (the seed page, ``--docs`` documents of bench/throughput's generator,
FarsNews/Varzesh3, Targoman and PEYMA texts from ../shared, and a copy of every text with Arabic
ي/ك and Arabic-Indic digits, which the folding code must treat like the Persian ones) it writes
one JSON line with the outputs of :func:`strip_boilerplate` (kept text and removed lines),
:func:`structure` (with and without the record's title and lead as hints), :func:`parse_attribution`,
:func:`find_dates` and :func:`parse_date` (on the record's date and on every line of the first
texts). Every HTML page of bench/extract (the golden cases, the templated Targoman pages, the
htmldate pages) is run through :func:`extract_html` too. One file per source; ``--compare``
reports the first differing record of each file.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "bench" / "extract"))  # bench/extract/run.py imports templated


def _module(path: Path, name: str) -> Any:
    """A bench script loaded by path (two of them are named run.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module

_ARABIC = str.maketrans("یک۰۱۲۳۴۵۶۷۸۹", "يك٠١٢٣٤٥٦٧٨٩")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (frozenset, set)):
        return sorted(_plain(v) for v in value)
    return value


#: characters the folding code treats specially: unusual spaces and line ends, ZWNJ/ZWJ, bidi
#: marks, tatweel, harakat, Arabic letter and digit variants, full stops and closers at line ends
_NOISE = ["\r", "\t", "\u00a0", "\u2009", "\u3000", "\x0b", "\u200c", "\u200d", "\u200f",
          "\u202b", "\u2067", "\u0640", "\u064b", "\u0670", "\ufeff", "ي", "ك", "ة", "ۀ", "أ",
          "٤", "۴", "：", "،", ".", "…", "»", ")", "  ", "\n", "\n\n", "Σ", "İ", "ς"]


def _noisy(text: str, rng: random.Random) -> str:
    """``text`` with some 40 characters of :data:`_NOISE` inserted at random places."""
    chars = list(text)
    for _ in range(40):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(_NOISE))
    return "".join(chars)


def records(docs: int) -> dict[str, list[dict[str, str | None]]]:
    """source name -> records with ``text`` and optional ``title``, ``lead``, ``date``."""
    out: dict[str, list[dict[str, str | None]]] = {}
    seed = SHARED / "examples" / "tasnim-kazakhstan" / "raw.txt"
    if not seed.exists():
        seed = ROOT.parent / "shared" / "examples" / "tasnim-kazakhstan" / "raw.txt"
    out["seed"] = [{"text": seed.read_text(encoding="utf-8")}]
    golden = ROOT / "tests" / "golden" / "tasnim-kazakhstan.clean.txt"
    out["seed"].append({"text": golden.read_text(encoding="utf-8")})

    gen = _module(ROOT / "bench" / "throughput" / "run.py", "throughput_run")
    out["generator"] = [{"text": text, "date": gen.document_date(i)}
                        for i, text in enumerate(gen.document_texts(docs))]
    d = SHARED / "data"

    def jsonl(path: Path) -> list[dict[str, Any]]:
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]

    fars = []
    for name in ("fars-news-1.docs.jsonl", "varzesh3-1.docs.jsonl"):
        for r in jsonl(d / "farsnews_varzesh3_json" / name):
            parts = [r.get("title"), r.get("abstract"), r.get("body")]
            fars.append({"text": "\n\n".join(p for p in parts if p), "title": r.get("title"),
                         "lead": r.get("abstract"), "date": r.get("date")})
    out["farsnews"] = fars
    out["targoman"] = [
        {"text": "\n".join(p for p in (r.get("title"), r.get("subtitle"), r.get("body")) if p),
         "title": r.get("title"), "lead": r.get("subtitle"), "date": r.get("date")}
        for r in jsonl(d / "targoman_sample" / "docs.jsonl")
    ]
    out["peyma"] = [{"text": r["text"]} for r in jsonl(d / "peyma_nsurl2019" / "peyma600k.docs.jsonl")][:3000]
    out["examples"] = _examples()
    fixed = Path("/tmp/corpusspeed/texts.json")  # bench/corpus/texts.py: fix() output, built once
    if fixed.exists():
        # what the structure step sees inside `khabar refine` (after fix); read from a file so
        # that a change to fix between two recordings does not change these inputs
        texts = json.loads(fixed.read_text(encoding="utf-8"))["gen_fixed"]
        out["generator.fixed"] = [{"text": t, "date": gen.document_date(i)} for i, t in enumerate(texts)]
    noise = random.Random(11)
    out["noisy"] = [
        {**r, "text": _noisy(r["text"] or "", noise)}
        for r in out["generator"][:500] + out["farsnews"][:300] + out["targoman"]
    ]
    for name in list(out):
        out[f"{name}.arabic"] = [
            {k: (v.translate(_ARABIC) if isinstance(v, str) else v) for k, v in r.items()}
            for r in out[name][:1000]
        ]
    return out


def _examples() -> list[dict[str, str | None]]:
    """The texts of the repository's examples/ folder: the text file, every text-like field of
    the JSONL records, and the text extract_html takes from each HTML page."""
    from khabar.extract.html import extract_html

    folder = ROOT / "examples"
    out: list[dict[str, str | None]] = []
    for path in sorted((folder / "text").glob("*.txt")):
        out.append({"text": path.read_text(encoding="utf-8")})
    for line in (folder / "jsonl" / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        for key in ("text", "body", "raw_content"):
            if isinstance(r.get(key), str):
                out.append({"text": r[key], "title": r.get("title"), "date": r.get("date")})
    for path in sorted((folder / "html").glob("*.html")):
        result = extract_html(path.read_text(encoding="utf-8", errors="replace"), None)
        text = getattr(result, "text", None)
        if text:
            out.append({"text": text, "title": getattr(result, "title", None)})
    return out


def text_outputs(rec: dict[str, str | None], lines: bool) -> dict[str, Any]:
    from khabar.news.attribution import agency_for_domain, parse_attribution
    from khabar.news.boilerplate import strip_boilerplate
    from khabar.news.dates import find_dates, parse_date
    from khabar.news.structure import structure

    text = rec["text"] or ""
    kept, removed = strip_boilerplate(text)
    result: dict[str, Any] = {
        "kept": kept, "removed": _plain(removed),
        "structure": _plain(structure(kept)),
        "structure_hinted": _plain(structure(kept, title_hint=rec.get("title"),
                                             lead_hint=rec.get("lead"))),
        "structure_raw": _plain(structure(text)),
        "attribution": _plain(parse_attribution(kept)),
        "attribution_raw": _plain(parse_attribution(text)),
        "dates": _plain(find_dates(text)),
        "dates_kept": _plain(find_dates(kept)),
        "parse_date": _plain(parse_date(rec["date"])) if rec.get("date") else None,
        "agency_for_domain": agency_for_domain(rec.get("title") or "x.ir"),
    }
    if lines:
        result["parse_date_lines"] = [_plain(parse_date(x)) for x in text.split("\n") if x.strip()]
        result["boilerplate_lines"] = [_plain(strip_boilerplate(x)) for x in text.split("\n")[:60]]
    return result


def step_outputs(rec: dict[str, str | None], url: str) -> dict[str, Any]:
    """The document after the extract, boilerplate and structure steps (as ``khabar refine``
    runs them on a text record), every field the steps write."""
    from khabar.document import Document
    from khabar.steps.news import BoilerplateStep, ExtractStep, StructureStep

    record = {k: v for k, v in rec.items() if v is not None}
    doc = Document(id="x", text=rec["text"] or "", url=url,
                   meta={"input": record, **({"date": rec["date"]} if rec.get("date") else {})})
    for step in (ExtractStep(), BoilerplateStep(), StructureStep()):
        step.setup()
        doc = step.process(doc)
    return {"doc": _plain(doc)}


def pages() -> list[tuple[str, str, str | None]]:
    """(id, html, url) of the bench/extract pages readable here."""
    out = []
    loaded, _ = _module(ROOT / "bench" / "extract" / "run.py", "extract_run").load_pages()
    out += [(p.id, p.html, p.url) for p in loaded]
    try:
        from templated import templated_pages

        out += [(p.id, p.html, p.url) for p in templated_pages(SHARED)]
    except Exception as exc:  # noqa: BLE001  (a bench: say what was skipped)
        print(f"templated pages skipped: {exc!r}", file=sys.stderr)
    folder = SHARED / "data" / "html_pages_htmldate"
    for p in json.loads((folder / "pages.json").read_text(encoding="utf-8")):
        out.append((p["file"], (folder / p["file"]).read_text(encoding="utf-8", errors="replace"),
                    p.get("url")))
    for path in sorted((ROOT / "tests" / "fixtures" / "extract" / "pages").glob("*.html")):
        out.append((path.name, path.read_text(encoding="utf-8", errors="replace"), None))
    return out


def html_outputs(html: str, url: str | None) -> dict[str, Any]:
    from khabar.extract.html import extract_html

    result = extract_html(html, url)
    return {"result": _plain(result)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--compare", default=None)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sources = records(args.docs)
    for name, recs in sources.items():
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for i, rec in enumerate(recs):
                f.write(json.dumps(text_outputs(rec, lines=i < 200), ensure_ascii=False) + "\n")
        with (out / f"{name}.steps.jsonl").open("w", encoding="utf-8") as f:
            for i, rec in enumerate(recs):
                url = f"https://{('www.tasnimnews.com', 'isna.ir', 'site.example')[i % 3]}/news/{i}"
                f.write(json.dumps(step_outputs(rec, url), ensure_ascii=False, default=repr) + "\n")
    with (out / "html.jsonl").open("w", encoding="utf-8") as f:
        for ident, html, url in pages():
            f.write(json.dumps({"id": ident, **html_outputs(html, url)}, ensure_ascii=False,
                               default=repr) + "\n")
    failed = 0
    for path in sorted(out.glob("*.jsonl")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        status = ""
        if args.compare:
            other = Path(args.compare) / path.name
            if not other.exists():
                status = "  (no reference)"
            elif other.read_bytes() != path.read_bytes():
                failed += 1
                mine = path.read_text(encoding="utf-8").splitlines()
                theirs = other.read_text(encoding="utf-8").splitlines()
                first = next((i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b),
                             min(len(mine), len(theirs)))
                status = f"  DIFFERS from line {first + 1} ({len(mine)} vs {len(theirs)} lines)"
            else:
                status = "  same"
        print(f"{path.name:28} {sum(1 for _ in path.open(encoding='utf-8')):6} records {digest}{status}")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
