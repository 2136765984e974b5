"""The texts the corpus-step benches run on: generated crawl documents, real data, random Unicode.

    .venv/bin/python bench/corpus/texts.py /tmp/corpusspeed/texts.json   # build once, reuse

Sets (name -> list of texts), built deterministically (fixed seeds):

* ``gen``: 3,000 documents of bench/throughput/run.py's generator (~4 KB each, as read);
* ``gen_fixed``: the first 1,000 of them after ``khabar.fix`` (what langid, quality, sitelines
  and dedup see inside ``khabar refine``); the speed bench times these;
* ``seed``: ../shared/examples/tasnim-kazakhstan raw.txt and clean.txt;
* ``ud``: UD PerDT and Seraji dev sentences, 20 per document;
* ``peyma``: 1,000 PEYMA-600K articles and all 97 of PEYMA-300K (research-only: measured here, never
  copied into the repository);
* ``social``: ParsNER social posts, 10 per document (emoji, hashtags, RLM, mixed digits);
* ``farsnews``: the 300 FarsNews bodies as crawled (Arabic ي/ك);
* ``random``: 3,000 strings of random code points from the whole Unicode range, weighted to
  Arabic script, punctuation, symbols, spaces, controls, joiners, presentation forms, Greek
  sigma and Latin (the edges of the canonical table).

The output is JSON (``{set: [texts]}``) in a folder outside the repository.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(HERE.parent / "throughput"))


def _generated(n: int) -> list[str]:
    from run import document_texts  # bench/throughput/run.py: the same generator, same seed

    return list(document_texts(n))


def _lines(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]


def _grouped(lines: list[str], size: int) -> list[str]:
    return ["\n".join(lines[i : i + size]) for i in range(0, len(lines), size)]


def _jsonl(path: Path, limit: int) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
            if len(out) >= limit:
                break
    return out


#: (weight, code point ranges) for random strings
_RANDOM_POOL: tuple[tuple[int, tuple[tuple[int, int], ...]], ...] = (
    (40, ((0x0600, 0x06FF),)),  # Arabic block: letters, marks, digits, punctuation
    (8, ((0x0750, 0x077F), (0x08A0, 0x08FF))),
    (8, ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),  # presentation forms (NFKC)
    (10, ((0x20, 0x7E),)),
    (6, ((0x00, 0x1F), (0x7F, 0xBF))),  # controls, Latin-1 punctuation and symbols
    (6, ((0x2000, 0x206F),)),  # spaces, joiners, marks, general punctuation
    (4, ((0x0391, 0x03C9),)),  # Greek: final sigma in lower()
    (4, ((0x00C0, 0x024F), (0x1E00, 0x1EFF), (0x0130, 0x0131))),
    (4, ((0x1F300, 0x1FAFF), (0x2190, 0x2BFF))),  # emoji and symbols
    (3, ((0xFF00, 0xFFEF),)),  # full-width forms (NFKC)
    (3, ((0x0300, 0x036F), (0x0E00, 0x0E7F))),  # combining marks, Thai
    (2, ((0x0, 0x10FFFF),)),  # anything (unassigned, surrogates excluded below)
)


def _random_texts(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    weights = [w for w, _ in _RANDOM_POOL]
    out = []
    for _ in range(n):
        chars = []
        for _ in range(rng.randrange(0, 300)):
            ranges = rng.choices(_RANDOM_POOL, weights)[0][1]
            lo, hi = rng.choice(ranges)
            cp = rng.randint(lo, hi)
            if 0xD800 <= cp <= 0xDFFF:
                cp = 0x20
            chars.append(chr(cp))
            if rng.random() < 0.05:
                chars.append("\n")
        out.append("".join(chars))
    return out


def build() -> dict[str, list[str]]:
    """Every set, deterministically."""
    from khabar.text.fix import fix

    d = SHARED / "data"
    gen = _generated(3000)
    sets: dict[str, list[str]] = {"gen": gen, "gen_fixed": [fix(t) for t in gen[:1000]]}
    ex = SHARED / "examples" / "tasnim-kazakhstan"
    sets["seed"] = [(ex / "raw.txt").read_text(encoding="utf-8"),
                    (ex / "clean.txt").read_text(encoding="utf-8")]
    sets["ud"] = _grouped(_lines(d / "ud_perdt" / "dev.txt"), 20) + _grouped(
        _lines(d / "ud_seraji" / "dev.txt"), 20)
    sets["peyma"] = [r["text"] for r in _jsonl(d / "peyma_nsurl2019" / "peyma600k.docs.jsonl", 1000)]
    sets["peyma"] += [r["text"] for r in _jsonl(d / "peyma_nsurl2019" / "peyma300k.docs.jsonl", 500)]
    sets["social"] = _grouped(_lines(d / "parsner_social" / "all.sentences.txt"), 10)[:1500]
    sets["farsnews"] = [r.get("body") or "" for r in _jsonl(
        d / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl", 300)]
    sets["random"] = _random_texts(3000)
    return sets


def load(path: Path) -> dict[str, list[str]]:
    """The sets from ``path``, building and writing them first if the file does not exist."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(build(), ensure_ascii=False), encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    sets = load(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/corpusspeed/texts.json"))
    for name, texts in sets.items():
        print(f"{name:10} {len(texts):6} texts {sum(map(len, texts)) / max(len(texts), 1):8.0f} chars avg")
