#!/usr/bin/env python3
"""Record or compare the ZWNJ engine's and the news style's outputs, byte for byte.

    PYTHONPATH=src .venv/bin/python bench/compiled/outputs.py --dump /tmp/x_before
    PYTHONPATH=src .venv/bin/python bench/compiled/outputs.py --check /tmp/x_before

``bench/fix/run.py --dump/--check`` covers ``fix``, ``fix_with_edits`` and ``fix_stream``;
this covers what it does not: ``ZwnjRepairer.repair`` and ``find_repairs`` on glued (every
ZWNJ dropped), spaced (every ZWNJ a space) and intact text, under the default engine and the
non-default options, and ``fix`` with ``style="news"``. Texts: PEYMA 600K (20,000 sentences),
UD PerDT and Seraji dev, the seed article (read from ../shared, research-only, never copied).
The modules imported are whichever the path gives: compiled (.so beside the sources) or pure.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
Z = "\u200c"


def _lines(path: Path, limit: int | None = None) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        out = [line.rstrip("\n") for line in handle]
    return out[:limit] if limit else out


def corpora() -> dict[str, list[str]]:
    gold = {
        "peyma": _lines(DATA / "peyma_nsurl2019/peyma600k.sentences.txt", 20000),
        "perdt-dev": _lines(DATA / "ud_perdt/dev.txt"),
        "seraji-dev": _lines(DATA / "ud_seraji/dev.txt"),
        "seed": (SHARED / "examples/tasnim-kazakhstan/raw.txt").read_text("utf-8").split("\n"),
    }
    out: dict[str, list[str]] = {}
    for name, lines in gold.items():
        out[f"{name}-intact"] = lines
        out[f"{name}-glued"] = [g.replace(Z, "") for g in lines]
        out[f"{name}-spaced"] = [re.sub(" +", " ", g.replace(Z, " ")) for g in lines]
    return out


def outputs(texts: dict[str, list[str]]) -> dict[str, bytes]:
    import khabar.text.zwnj as zwnj
    from khabar.text.fix import fix
    from khabar.text.lexicon import Lexicon

    print("zwnj from", zwnj.__file__, file=sys.stderr)
    lex = Lexicon.load()
    engines = {
        "default": zwnj.ZwnjRepairer(lex),
        "trust-none": zwnj.ZwnjRepairer(lex, trust=zwnj.Trust.NONE),
        "spaced-keep": zwnj.ZwnjRepairer(lex, spaced=zwnj.Spaced.KEEP),
        "nonjoiner-remove": zwnj.ZwnjRepairer(lex, nonjoiner=zwnj.NonJoiner.REMOVE),
    }
    rec: dict[str, bytes] = {}
    for cname, lines in texts.items():
        for ename, engine in engines.items():
            if ename != "default" and not cname.startswith(("perdt", "seed")):
                continue
            rows = [(engine.repair(t), [tuple(r) for r in engine.find_repairs(t)]) for t in lines]
            rows.append((engine.repair("\n".join(lines)), []))
            rec[f"engine-{ename}/{cname}"] = pickle.dumps(rows)
        rows2 = [fix(t, style="news") for t in lines]
        rec[f"fix-news/{cname}"] = pickle.dumps(rows2)
    return rec


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--dump", type=Path)
    group.add_argument("--check", type=Path)
    a = ap.parse_args()
    if a.dump:
        a.dump.mkdir(parents=True, exist_ok=True)
        texts = corpora()
        (a.dump / "inputs.pkl").write_bytes(pickle.dumps(texts))
        for key, blob in outputs(texts).items():
            (a.dump / (key.replace("/", "__") + ".pkl")).write_bytes(blob)
        print(f"wrote {a.dump}")
        return 0
    texts = pickle.loads((a.check / "inputs.pkl").read_bytes())
    bad = 0
    for key, blob in outputs(texts).items():
        old = pickle.loads((a.check / (key.replace("/", "__") + ".pkl")).read_bytes())
        new = pickle.loads(blob)
        if old == new:
            print(f"same      {key}", flush=True)
            continue
        bad += 1
        diffs = [i for i, (x, y) in enumerate(zip(old, new, strict=True)) if x != y]
        print(f"DIFFERENT {key}: {len(diffs)} texts")
        for i in diffs[:3]:
            print("  before:", old[i])
            print("  after: ", new[i])
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
