"""Record every output of the corpus functions, and compare two recordings byte for byte.

    .venv/bin/python bench/corpus/outputs.py record /tmp/corpusspeed_before   # on the old code
    .venv/bin/python bench/corpus/outputs.py record /tmp/corpusspeed_after    # on the new code
    .venv/bin/python bench/corpus/outputs.py compare /tmp/corpusspeed_before /tmp/corpusspeed_after

A speed change to keys, langid, quality, sitelines or the dedup signature must not change one
output byte. ``record`` runs every public function of those modules (and the steps' observe and
apply) on every text of bench/corpus/texts.py's sets and writes one JSON file per set and function;
``compare`` reports, per file, the texts whose output differs (the first few in full).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from texts import load


def _functions() -> dict[str, Callable[[str], Any]]:
    from khabar.corpus import dedup, keys, langid, quality

    cfg = dedup.MinHashConfig()
    small = dedup.MinHashConfig(num_perm=16, shingle=3, bands=4, rows=4, seed=5)
    qcfg = quality.QualityConfig()
    return {
        "canonical": keys.canonical,
        "canonical_each_line": lambda t: [keys.canonical(ln) for ln in t.split("\n")],
        "canonical_tokens": keys.canonical_tokens,
        "spaceless": keys.spaceless,
        "exact_key": keys.exact_key,
        "script_scores": langid.script_scores,
        "detect_language": lambda t: list(map(str, (langid.detect_language(t).lang,
                                                     langid.detect_language(t).score,
                                                     langid.detect_language(t).method))),
        "compute_signals": quality.compute_signals,
        "check_quality": lambda t: quality.check_quality(quality.compute_signals(t), qcfg),
        "shingle_hashes": lambda t: dedup.shingle_hashes(t, 9).tobytes().hex(),
        "shingle_hashes_3": lambda t: dedup.shingle_hashes(t, 3).tobytes().hex(),
        "signature": lambda t: dedup.signature(t, cfg).hex(),
        "signature_small": lambda t: dedup.signature(t, small).hex(),
        "dedup_keys": lambda t: [dedup.dedup_keys(t, cfg)[0], dedup.dedup_keys(t, cfg)[1].hex()],
    }


def _steps(texts: list[str]) -> dict[str, Any]:
    """The corpus steps over one set: langid/quality per document, sitelines observe -> frequent
    -> apply, dedup observe (its keys and signatures)."""
    from khabar.corpus.dedup import MinHashConfig
    from khabar.corpus.quality import QualityConfig
    from khabar.corpus.sitelines import SiteLineCounter, remove_site_lines
    from khabar.document import Document
    from khabar.steps.corpus import DedupStep, LangIdStep, QualityStep, SiteLinesStep

    def docs() -> list[Document]:
        return [Document(id=str(i), text=t, domain=f"site{i % 7}" if i % 11 else None, order=i)
                for i, t in enumerate(texts)]

    out: dict[str, Any] = {}
    lang = LangIdStep(SimpleNamespace(use_model=False, keep=("fa",)))
    qual = QualityStep(QualityConfig())
    res = []
    for d in docs():
        lang.process(d)
        qual.process(d)
        res.append([d.meta, d.signals, d.drop_reason, d.drop_step])
    out["step_langid_quality"] = res
    out["step_langid_quality_stats"] = dict(sorted((lang.stats + qual.stats).items()))

    site = SiteLinesStep(SimpleNamespace(max_line_chars=200, min_docs=2, min_share=0.0))
    counter = SiteLineCounter(max_chars=200)
    for d in docs():
        site.observe(d)
        if d.domain:
            counter.add(d.domain, d.text)
    state = site.state()
    out["sitelines_state"] = {dom: sorted(c.items()) for dom, c in sorted(state.counts.items())}
    out["sitelines_docs"] = sorted(state.docs.items())
    frequent = counter.frequent(min_docs=2, min_share=0.0)
    out["sitelines_frequent"] = {dom: sorted(lines) for dom, lines in sorted(frequent.items())}
    applied = []
    for d in docs():
        lines = frequent.get(d.domain or "", set())
        kept, removed = remove_site_lines(d.text, lines)
        site.apply(d, frequent)
        applied.append([kept, [[r.text, r.reason, r.line] for r in removed], d.text,
                        [[r.text, r.reason, r.line] for r in d.removed], d.drop_reason])
    out["sitelines_apply"] = applied
    out["sitelines_stats"] = dict(sorted(site.stats.items()))

    dd = DedupStep(MinHashConfig())
    for d in docs():
        dd.observe(d)
    out["dedup_observe"] = [[repr(c), k, s.hex(), i] for c, k, s, i in dd.state()]
    return out


def record(folder: Path, texts_path: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    sets = load(texts_path)
    funcs = _functions()
    for name, texts in sets.items():
        for fname, fn in funcs.items():
            values = [fn(t) for t in texts]
            (folder / f"{name}.{fname}.json").write_text(
                json.dumps(values, ensure_ascii=False), encoding="utf-8")
        for sname, value in _steps(texts).items():
            (folder / f"{name}.{sname}.json").write_text(
                json.dumps(value, ensure_ascii=False, default=repr), encoding="utf-8")
        print(f"recorded {name}: {len(texts)} texts", flush=True)


def compare(before: Path, after: Path) -> int:
    bad = 0
    files = sorted(p.name for p in before.glob("*.json"))
    for fname in files:
        a = before / fname
        b = after / fname
        if not b.exists():
            print(f"MISSING {fname}")
            bad += 1
            continue
        if a.read_bytes() == b.read_bytes():
            continue
        bad += 1
        va, vb = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
        print(f"DIFF {fname}")
        if isinstance(va, list) and isinstance(vb, list) and len(va) == len(vb):
            diffs = [i for i, (x, y) in enumerate(zip(va, vb)) if x != y]
            print(f"  {len(diffs)} of {len(va)} differ")
            for i in diffs[:3]:
                print(f"  [{i}] before: {json.dumps(va[i], ensure_ascii=False)[:400]}")
                print(f"  [{i}] after:  {json.dumps(vb[i], ensure_ascii=False)[:400]}")
    print(f"{len(files)} files compared, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    texts_path = Path("/tmp/corpusspeed/texts.json")
    if sys.argv[1] == "record":
        record(Path(sys.argv[2]), texts_path)
    elif sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
