"""Build small refined corpora for the inspector's tests, the way `khabar refine` writes them:
Documents (with edits, removed lines, metadata) -> ``doc_to_row`` -> ``ParquetWriter`` with
``output_schema()``, plus rejects.jsonl, stats.json, manifest.json and a report.html.

Until ``khabar.corpus.quality`` (the quality signals) lands, ``output_schema()`` cannot name the
signal columns; the builder then uses a stand-in list so the rest of the layout is the real one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khabar.document import Document, Edit, Removed
from khabar.io import schema
from khabar.io.writers import JsonlWriter, ParquetWriter, atomic_write_json, atomic_write_text

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "text" / "tasnim-kazakhstan.txt"
DOCS = ROOT / "tests" / "fixtures" / "web" / "docs.json"
STAND_IN_SIGNALS = ("persian_letter_ratio", "mean_word_length", "stopword_ratio")

#: repairs the seed gets (the ZWNJ and spacing damage of the page), [before, after, rule]
SEED_REPAIRS = [
    ("بهوجود", "به‌وجود", "zwnj.glued"),
    ("بینالملل", "بین‌الملل", "zwnj.glued"),
    ("بینیوز", "بی‌نیوز", "zwnj.glued"),
    ("رئیسجمهوری", "رئیس‌جمهوری", "zwnj.glued"),
    ("خشونتها", "خشونت‌ها", "zwnj.suffix"),
    ("صهیونیستها", "صهیونیست‌ها", "zwnj.suffix"),
    ("میباشد", "می‌باشد", "zwnj.prefix"),
    ("و\u00a0 استفاده", "و استفاده", "space.nbsp"),  # a no-break space and a space
]
#: first line of the seed's footer (every line from it on is boilerplate)
SEED_FOOTER_START = "واژه های کاربردی مرتبط"


@contextlib.contextmanager
def real_schema() -> Iterator[None]:
    """Use ``output_schema()``; with a stand-in signal list while khabar.corpus.quality is absent."""
    try:
        schema.signal_names()
    except ModuleNotFoundError as exc:
        if exc.name != "khabar.corpus.quality":
            raise
        original = schema.signal_names
        schema.signal_names = lambda: STAND_IN_SIGNALS  # type: ignore[assignment]
        try:
            yield
        finally:
            schema.signal_names = original  # type: ignore[assignment]
            schema.output_schema.cache_clear()
        return
    yield


def apply_repairs(text: str, repairs: list[tuple[str, str, str]]) -> tuple[str, list[Edit]]:
    """Replace every ``before`` by ``after`` in one left-to-right pass; the edits' offsets point
    into the result, as the pipeline's do."""
    if not repairs:
        return text, []
    table = {before: (after, rule) for before, after, rule in repairs}
    pattern = re.compile("|".join(re.escape(b) for b in sorted(table, key=len, reverse=True)))
    out: list[str] = []
    edits: list[Edit] = []
    pos = length = 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        length += m.start() - pos
        after, rule = table[m.group()]
        edits.append(Edit(length, m.group(), after, rule))
        out.append(after)
        length += len(after)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), edits


def seed_document() -> Document:
    """The seed page as the pipeline would leave it: duplicate title and footer removed (struck
    in the inspector), ZWNJ and spacing repaired, news fields filled."""
    raw = SEED.read_text(encoding="utf-8").rstrip("\n")
    lines = raw.split("\n")
    title = lines[0]
    footer = lines.index(SEED_FOOTER_START)
    body = [line for line in lines[4:footer] if line.strip()]
    removed = [Removed(lines[2], "duplicate_title", 2)]
    # after the duplicate title went, every later line sits one higher
    removed += [Removed(line, "boilerplate.site_line", i - 1)
                for i, line in enumerate(lines[footer:], start=footer) if line.strip()]
    text, edits = apply_repairs("\n\n".join([title, *body]), SEED_REPAIRS)
    paragraphs = text.split("\n\n")[1:]
    return Document(
        id="tasnim-1720515", text=text, source="examples/text/tasnim-kazakhstan.txt", record=0,
        url="https://www.tasnimnews.com/fa/news/1397/02/28/1720515", domain="tasnimnews.com",
        raw=raw, title=title, lead=paragraphs[0], paragraphs=paragraphs[1:],
        meta={"agency": "خبرگزاری تسنیم", "desk": "گروه بین‌الملل", "cited_source": "بی‌نیوز",
              "published": "2018-05-18T10:00:00", "lang": "fa", "dup_cluster": "c-seed",
              "published_calendar": "jalali", "dates_mentioned": ["1397-02-28"]},
        signals={"persian_letter_ratio": 0.97, "mean_word_length": 4.6},
        edits=edits, removed=removed)


def seed_duplicate() -> Document:
    """A dropped copy of the seed (same cluster) with Arabic kaf/yeh and no ZWNJ."""
    seed = seed_document()
    text = seed.text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", "")
    return Document(id="copy-of-tasnim", text=text, source="mirror.jsonl", record=3,
                    url="https://mirror.example/kz", domain="mirror.example", raw=text,
                    title=seed.title, meta={"lang": "fa", "dup_cluster": "c-seed",
                                            "dup_of": seed.id, "published": "2018-05-19T00:00:00"},
                    drop_reason="duplicate", drop_step="dedup")


def fixture_documents() -> list[Document]:
    docs = []
    for spec in json.loads(DOCS.read_text(encoding="utf-8")):
        spec = dict(spec)
        repairs = [tuple(r) for r in spec.pop("repairs")]
        removed = [Removed(**r) for r in spec.pop("removed")]
        text, edits = apply_repairs(spec.pop("text"), repairs)  # type: ignore[arg-type]
        docs.append(Document(text=text, raw=text, edits=edits, removed=removed, **spec))
    return docs


REJECTS = [
    {"source": "crawl/broken.jsonl", "location": "line 3", "reason": "invalid_json",
     "detail": "Expecting value: line 1 column 1", "stage": 0},
    {"source": "crawl/page.html", "location": "record 0", "reason": "decode_error",
     "detail": "<script>window.__pwned='reject'</script> bytes 0x81", "stage": 0},
]


def write_corpus(outdir: Path, docs: list[Document] | None = None, *,
                 rejects: list[dict[str, Any]] | None = None, report: bool = True) -> Path:
    """Write a refined-corpus folder from ``docs`` (default: seed, its copy, the fixtures)."""
    docs = docs if docs is not None else [seed_document(), seed_duplicate(), *fixture_documents()]
    rejects = REJECTS if rejects is None else rejects
    kept = [d for d in docs if not d.dropped]
    dropped = [d for d in docs if d.dropped]
    files = []
    with real_schema():
        for folder, group in (("data", kept), ("dropped", dropped)):
            path = outdir / folder / "part-00000.parquet"
            with ParquetWriter(path, schema.output_schema(), batch_rows=3) as w:
                for d in group:
                    w.write(schema.doc_to_row(d))
            files.append({"path": f"{folder}/part-00000.parquet",
                          "sha256": hashlib.sha256(path.read_bytes()).hexdigest()})
    with JsonlWriter(outdir / "rejects.jsonl") as w:
        for r in rejects:
            w.write(r)
    by_reason: dict[str, int] = {}
    for d in dropped:
        by_reason[d.drop_reason or "?"] = by_reason.get(d.drop_reason or "?", 0) + 1
    rej: dict[str, int] = {}
    for r in rejects:
        rej[r["reason"]] = rej.get(r["reason"], 0) + 1
    counts = {"read": len(docs) + len(rejects), "kept": len(kept), "dropped": by_reason,
              "rejected": rej, "invariant": "read = kept + dropped + rejected",
              "invariant_holds": True}
    atomic_write_json(outdir / "stats.json", {"counts": counts, "steps": {"fix": {"edits": 9}},
                                              "stage_seconds": {"0": 0.1}, "seconds": 0.1})
    atomic_write_json(outdir / "manifest.json", {"khabar_version": "0.1.0", "files": files,
                                                 "counts": counts})
    if report:
        atomic_write_text(outdir / "report.html",
                          "<!doctype html><html><body><h1 id='r'>report</h1>"
                          "<script>document.getElementById('r').textContent='charts'</script>"
                          "</body></html>")
    return outdir
