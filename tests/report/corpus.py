"""A small refined-run folder with numbers known by construction, written the way
``khabar refine`` writes its output (``khabar.io.schema`` rows, ``khabar.io.writers`` files).

The expected figures in the tests were worked out by hand from the table below (lengths counted
letter by letter), not read back from the code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from khabar.document import Document, Edit, Removed
from khabar.io.writers import JsonlWriter, ParquetWriter, atomic_write_json

#: a crawled title and text that try to inject markup; the report must show them as text
HOSTILE_TITLE = '<b onmouseover="alert(1)">Evil</b>'
HOSTILE_TEXT = "Hello <script>alert('x')</script> <img src=http://example.com/x.png> world"


def _edits(*rules: str) -> list[Edit]:
    return [Edit(i, "a", "b", r) for i, r in enumerate(rules)]


def _kept() -> list[list[Document]]:
    """Two shards of kept documents. chars / words / repairs are in the comments."""
    k1 = Document("k1", "سلام دنیا", domain="tasnimnews.com", title="سلام دنیا",  # 9 / 2 / 2
                  meta={"agency": "تسنیم", "dup_cluster": "c1", "published": "2013-05-06",
                        "cited_source": "بی‌نیوز"},
                  edits=_edits("zwnj.glued", "digits.persian"),
                  removed=[Removed("تبلیغات", "ads"), Removed("کلیه حقوق محفوظ است", "footer", 3)])
    k2 = Document("k2", "x" * 150, domain="tasnimnews.com", title="k2",  # 150 / 1 / 1
                  meta={"agency": "تسنیم", "published": "2013-07-01"}, edits=_edits("zwnj.glued"))
    k3 = Document("k3", "می\u200cروم به خانه", domain="isna.ir",  # 14 / 3 / 0 (ZWNJ joins a word)
                  meta={"agency": "ایسنا", "cited_source": "بی‌نیوز"},
                  removed=[Removed("Copyright ISNA", "footer", 1)])
    k4 = Document("k4", " ".join(["واژه"] * 120), domain="isna.ir",  # 599 / 120 / 0
                  title="واژه‌ها", meta={"dup_cluster": "c2"})
    k5 = Document("k5", " ".join(["abcd"] * 200), domain="irna.ir",  # 999 / 200 / 5
                  meta={"agency": "ایرنا", "cited_source": "رویترز"},
                  edits=_edits("zwnj.glued", "zwnj.glued", "zwnj.glued", "space.collapse",
                               "space.collapse"))
    return [[k1, k2, k3], [k4, k5]]


def _dropped() -> list[list[Document]]:
    def d(id_: str, reason: str, step: str, text: str = "متن", **kw: Any) -> Document:
        meta = kw.pop("meta", {})
        doc = Document(id_, text, meta=meta, **kw)
        doc.drop(reason, step)
        return doc

    return [[
        d("d1", "duplicate_exact", "dedup", "سلام دنیا", title="سلام", domain="isna.ir",
          meta={"dup_cluster": "c1", "dup_of": "k1"}),
        d("d2", "duplicate_near", "dedup", "سلام  دنیا", title="سلام!", domain="irna.ir",
          meta={"dup_cluster": "c1", "dup_of": "k1"}),
        d("d3", "lang_en", "langid", HOSTILE_TEXT, title=HOSTILE_TITLE, domain="evil.example"),
        d("d4", "too_short", "quality", "کوتاه", title="خبر کوتاه", domain="isna.ir"),
    ], [
        d("d5", "duplicate_exact", "dedup", " ".join(["واژه"] * 120), domain="isna.ir",
          meta={"dup_cluster": "c2", "dup_of": "k4"}),
        d("d6", "too_short", "quality", "ب" * 500, domain="isna.ir"),
        d("d7", "too_short", "quality", "یک", domain="isna.ir"),
        d("d8", "too_short", "quality", "دو", domain="isna.ir"),
    ]]


REJECTS = [
    {"source": "in/a.jsonl", "location": "line 3", "reason": "invalid_json",
     "detail": "Expecting value: line 1 column 1 (char 0)", "stage": 0},
    {"source": "in/b.jsonl", "location": "record 7", "reason": "step_failed_fix",
     "detail": "ValueError: <boom> at fix.py:12", "stage": 0},
]

STEPS = ["fix", "langid", "quality", "dedup"]
COUNTS = {"read": 15, "kept": 5,
          "dropped": {"duplicate_exact": 2, "duplicate_near": 1, "lang_en": 1, "too_short": 4},
          "rejected": {"invalid_json": 1, "step_failed_fix": 1},
          "invariant": "read = kept + dropped + rejected", "invariant_holds": True}


def write_run(outdir: Path, *, row_group_rows: int = 2, kept_copy_cluster: bool = True) -> Path:
    """Write the whole run folder (small row groups so the readers cross batch boundaries).

    ``kept_copy_cluster=False`` leaves ``dup_cluster`` off the kept copies (only their
    duplicates name the cluster and, with ``dup_of``, the kept copy), as the dedup step of the
    first refine runs wrote it.
    """
    from khabar.io.schema import doc_to_row, output_schema

    kept = _kept()
    if not kept_copy_cluster:
        for doc in (d for shard in kept for d in shard):
            doc.meta.pop("dup_cluster", None)
    for folder, shards in (("data", kept), ("dropped", _dropped())):
        for i, docs in enumerate(shards):
            with ParquetWriter(outdir / folder / f"part-{i:05d}.parquet", output_schema(),
                               batch_rows=row_group_rows) as w:
                for doc in docs:
                    w.write(doc_to_row(doc))
    with JsonlWriter(outdir / "rejects.jsonl") as rej:
        for r in REJECTS:
            rej.write(r)
    atomic_write_json(outdir / "stats.json", {
        "counts": COUNTS, "steps": {"fix.v1": {"zwnj.glued": 5}, "dedup.v1": {"dropped.exact": 2}},
        "stage_seconds": [{"stage": 1, "steps": "read, fix", "seconds": 0.5}, {"stage": 2, "steps": "dedup", "seconds": 0.25}], "seconds": 0.75,
        "docs_per_second": 20.0})
    atomic_write_json(outdir / "manifest.json", {
        "khabar_version": "0.1.0", "engine": "local", "workers": 2,
        "config": {"run": {"steps": STEPS, "keep_raw": True}, "fix": {"digits": "persian"}},
        "steps": [{"name": s, "version": 1} for s in STEPS],
        "inputs": [{"path": "in/a.jsonl", "format": "jsonl", "size": 1000, "compression": None,
                    "sha256": "ab" * 32, "records": 9, "rejected": 1},
                   {"path": "in/b.jsonl", "format": "jsonl", "size": 800, "compression": None,
                    "sha256": "cd" * 32, "records": 6, "rejected": 0}],
        "shards": 2, "files": [], "counts": COUNTS, "seconds": 0.75})
    return outdir


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


#: stand-in signal names while khabar.corpus.quality has not landed (the schema needs some)
_SIGNALS = ("word_count", "persian_letter_ratio")


@contextmanager
def stand_in_signals(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The output schema with stand-in signal names while ``khabar.corpus.quality`` is absent."""
    from khabar.io import schema

    try:
        schema.signal_names()
    except ModuleNotFoundError:
        monkeypatch.setattr(schema, "signal_names", lambda: _SIGNALS)
    schema.output_schema.cache_clear()
    try:
        yield
    finally:
        schema.output_schema.cache_clear()
