"""CPU milliseconds per document of the news steps on bench/throughput's generated documents.

    .venv/bin/python bench/news/speed.py                  # 2,000 documents, best of 3 rounds
    .venv/bin/python bench/news/speed.py --docs 5000 --rounds 5 --out bench/news/results.md

Timed with CPU time (``time.process_time``: the machine is shared, wall time says more about the
neighbours), on already-extracted text as ``khabar refine`` sees it:

- the three pipeline steps, ``process(doc)`` of ``ExtractStep`` (nothing to extract on a text
  record: it reads the record's title and lead hints and passes the document on),
  ``BoilerplateStep`` and ``StructureStep`` (which includes the dates), each on the documents
  the step before it produced;
- and, inside the structure step, the library calls alone: ``structure(kept)`` with
  ``parse_attribution(kept)`` and ``agency_for_domain(url)``, and ``find_dates(kept)`` with
  ``parse_date(date)`` of the record's date field.

Every step runs over all documents once to warm up (tables compiled, caches filled), then
``--rounds`` times; the best round is reported. Results are appended to ``--out`` with the
machine, the command, the date and the source commit.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("throughput_run", ROOT / "bench" / "throughput" / "run.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["throughput_run"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def documents(n: int) -> list[dict[str, str]]:
    """The first ``n`` documents of bench/throughput/run.py's generator (seed 7), as records."""
    gen = _generator()
    return [{"text": text, "url": gen.document_url(i), "date": gen.document_date(i)}
            for i, text in enumerate(gen.document_texts(n))]


def _document(rec: dict[str, str], text: str) -> Any:
    from khabar.document import Document

    return Document(id="x", text=text, url=rec["url"], meta={"input": dict(rec), "date": rec["date"]})


def measure(docs: list[dict[str, str]], rounds: int) -> dict[str, float]:
    """step -> best CPU milliseconds per document over ``rounds`` (after one warm-up round)."""
    from khabar.news.attribution import agency_for_domain, parse_attribution
    from khabar.news.boilerplate import strip_boilerplate
    from khabar.news.dates import find_dates, parse_date
    from khabar.news.structure import structure
    from khabar.steps.news import BoilerplateStep, ExtractStep, StructureStep

    steps = {"extract step": ExtractStep(), "boilerplate step": BoilerplateStep(),
             "structure step": StructureStep()}
    for step in steps.values():
        step.setup()
    for rec in docs:
        rec["kept"] = strip_boilerplate(rec["text"])[0]
    inputs = {"extract step": "text", "boilerplate step": "text", "structure step": "kept"}
    result: dict[str, float] = {}
    for name, step in steps.items():
        best = float("inf")
        for _ in range(rounds + 1):
            batch = [_document(rec, rec[inputs[name]]) for rec in docs]
            t0 = time.process_time()
            for doc in batch:
                step.process(doc)
            best = min(best, time.process_time() - t0)
        result[name] = best * 1000 / len(docs)
    calls: dict[str, Callable[[dict[str, str]], object]] = {
        "  of which structure + attribution": lambda rec: (
            structure(rec["kept"]), parse_attribution(rec["kept"]), agency_for_domain(rec["url"])),
        "  of which dates": lambda rec: (find_dates(rec["kept"]), parse_date(rec["date"])),
    }
    for name, call in calls.items():
        best = float("inf")
        for _ in range(rounds + 1):
            t0 = time.process_time()
            for rec in docs:
                call(rec)
            best = min(best, time.process_time() - t0)
        result[name] = best * 1000 / len(docs)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=None, help="append the table to this markdown file")
    ap.add_argument("--label", default="", help="a note for the table (what changed)")
    args = ap.parse_args()
    docs = documents(args.docs)
    ms = measure(docs, args.rounds)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "src/khabar/news",
                            "src/khabar/extract", "src/khabar/steps/news.py"],
                           capture_output=True, text=True, check=False).stdout.strip()
    import khabar

    src = Path(khabar.__file__).resolve().parents[1]
    where = (f"src at {commit}{' + uncommitted changes' if dirty else ''}" if src == ROOT / "src"
             else f"khabar imported from {src} (PYTHONPATH), not this checkout")
    lines = [
        f"### {datetime.now(UTC):%Y-%m-%d %H:%M} UTC {args.label}".rstrip(),
        "",
        (f"`{' '.join(['.venv/bin/python', 'bench/news/speed.py', *sys.argv[1:]])}`; "
         f"{len(docs)} generator documents, best of {args.rounds} rounds, CPU time; "
         f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; "
         f"{where}."),
        "",
        "| step | ms per document |",
        "|---|---:|",
        *[f"| {name} | {value:.3f} |" for name, value in ms.items()],
        f"| **the three steps** | **{sum(v for k, v in ms.items() if k.endswith('step')):.3f}** |",
        "",
    ]
    print("\n".join(lines))
    if args.out:
        with open(args.out, "a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
