#!/usr/bin/env python3
"""Characters per CPU-second of the ZWNJ engine alone, cold and warm, and ms per document.

    .venv/bin/python bench/zwnj/speed.py                      # table on stdout
    .venv/bin/python bench/zwnj/speed.py --dump /tmp/x_before # record outputs (~4 CPU min)
    .venv/bin/python bench/zwnj/speed.py --check /tmp/x_before  # compare after a change
    .venv/bin/python bench/zwnj/speed.py --out bench/zwnj/speed.md --label after
    KHABAR_SRC=/tmp/old/src .venv/bin/python bench/zwnj/speed.py   # measure another tree

Sets: PEYMA 600K sentences (research-only, read from ../shared, never copied) with every ZWNJ
dropped (glued), turned into spaces (spaced) and as written (intact), Arabic ي/ك/ى folded as
``khabar fix`` does before the engine; and ``--docs`` ~4 KB documents of
bench/throughput/run.py's generator, the texts ``khabar refine`` repairs one at a time.

"cold" is the first pass of a new engine (empty memo: every new word analysed once), "warm" the
best of ``--repeat`` further passes; ``repair`` and ``find_repairs`` each get their own new
engine. CPU time (``time.process_time``): the machine is shared.

``--dump`` / ``--check`` record and compare, byte for byte, ``repair`` and ``find_repairs`` under
four engine policies and ``fix`` / ``fix_with_edits`` (default, ``zwnj_trust="none"``) on the
seed, UD PerDT and Seraji dev and PEYMA 600K (glued, spaced, intact, and blocks of lines),
PEYMA 300K, 2,000 generator documents and random strings: a speed change must not change them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: KHABAR_SRC: another source tree to measure (a checkout of an older commit, for before/after)
sys.path.insert(0, os.environ.get("KHABAR_SRC", str(ROOT / "src")))
sys.path.insert(0, str(ROOT / "bench/fix"))

Z = "\u200c"
FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
SHARED = ROOT.parent / "shared"
PEYMA = SHARED / "data/peyma_nsurl2019/peyma600k.sentences.txt"


def _fixbench() -> types.ModuleType:
    """bench/fix/run.py as a module: the generator documents and the random strings."""
    import run

    return run


# ---- --dump / --check: the engine's and fix's outputs, compared byte for byte ------------


def _read_lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [line.rstrip("\n") for line in handle]


def _forms(name: str, gold: list[str]) -> dict[str, list[str]]:
    """``gold`` lines glued (ZWNJs dropped), spaced (ZWNJs made spaces) and intact."""
    gold = [g.replace("\u00a0", " ") for g in gold]
    return {
        f"{name}-glued": [g.replace(Z, "") for g in gold],
        f"{name}-spaced": [re.sub(" +", " ", g.replace(Z, " ")) for g in gold],
        f"{name}-intact": gold,
    }


def check_corpora() -> dict[str, list[str]]:
    """Texts whose outputs --dump records: real text in every damaged form, documents, noise."""
    data, seed = SHARED / "data", SHARED / "examples/tasnim-kazakhstan"
    c = {"seed-raw": [(seed / "raw.txt").read_text(encoding="utf-8")]}
    c.update(_forms("seed-clean", _read_lines(seed / "clean.txt")))
    c.update(_forms("perdt", _read_lines(data / "ud_perdt/dev.txt")))
    c.update(_forms("seraji", _read_lines(data / "ud_seraji/dev.txt")))
    c.update(_forms("peyma600k", _read_lines(PEYMA)))
    c["peyma300k"] = _read_lines(data / "peyma_nsurl2019/peyma300k.sentences.txt")[:10000]
    c["docs"] = _fixbench().throughput_docs(2000)
    c["random"] = _fixbench().random_strings(20000)
    # multi-line texts (the engine plans line by line): blocks of 40 lines, and mixed forms
    for k in (
        "perdt-glued",
        "perdt-spaced",
        "peyma600k-glued",
        "peyma600k-spaced",
        "seraji-intact",
    ):
        lines = c[k]
        c[k + "-blocks"] = ["\n".join(lines[i : i + 40]) for i in range(0, len(lines), 40)]
    mixed = c["perdt-glued"][:600] + c["perdt-spaced"][:600] + c["perdt-intact"][:600]
    random.Random(3).shuffle(mixed)
    c["mixed-blocks"] = ["\n".join(mixed[i : i + 25]) for i in range(0, len(mixed), 25)]
    return c


def outputs() -> dict[str, list[tuple]]:
    """Engine outputs under four policies, and fix / fix_with_edits under two, per corpus."""
    from khabar.text.fix import Fixer
    from khabar.text.policy import FixPolicy
    from khabar.text.zwnj import NonJoiner, Spaced, Trust, ZwnjRepairer, default_repairer

    corpora = check_corpora()
    lex = default_repairer().lexicon
    engines = {
        "line": ZwnjRepairer(lex),
        "none": ZwnjRepairer(lex, trust=Trust.NONE),
        "keep": ZwnjRepairer(lex, spaced=Spaced.KEEP),
        "nj": ZwnjRepairer(lex, nonjoiner=NonJoiner.REMOVE),
    }
    rec: dict[str, list[tuple]] = {}
    for ename, eng in engines.items():
        for cname, texts in corpora.items():
            if ename in ("keep", "nj") and cname.startswith("peyma600k") and "blocks" not in cname:
                continue
            rows = []
            for t in texts:
                folded = t.translate(FOLD)  # as fix gives it; and raw, Arabic ي/ك kept
                rows.append(
                    (
                        eng.repair(folded),
                        [(r.start, r.end, r.replacement, r.rule) for r in eng.find_repairs(folded)],
                        eng.repair(t),
                        [(r.start, r.end, r.replacement, r.rule) for r in eng.find_repairs(t)],
                    )
                )
            rec[f"engine-{ename}/{cname}"] = rows
    for pname, policy in (("default", {}), ("trustnone", {"zwnj_trust": "none"})):
        fixer = Fixer(FixPolicy.from_kwargs(**policy))
        for cname, texts in corpora.items():
            if cname.endswith("-blocks") and pname != "default":
                continue
            rows = []
            for t in texts:
                out, edits = fixer.fix_with_edits(t)
                edit_rows = [(e.offset, e.before, e.after, e.rule) for e in edits]
                rows.append((fixer.fix(t), out, edit_rows))
            rec[f"fix-{pname}/{cname}"] = rows
    return rec


def dump_or_check(folder: Path, check: bool) -> int:
    """Write every output to ``folder``, or compare with what is there (1 if any differs)."""
    import pickle

    rec = outputs()
    if not check:
        folder.mkdir(parents=True, exist_ok=True)
        for k, rows in rec.items():
            (folder / (k.replace("/", "__") + ".pkl")).write_bytes(pickle.dumps(rows))
        print(f"wrote {len(rec)} records to {folder}")
        return 0
    bad = 0
    for k, rows in rec.items():
        old = pickle.loads((folder / (k.replace("/", "__") + ".pkl")).read_bytes())
        if old == rows:
            continue
        bad += 1
        diffs = [i for i, (a, b) in enumerate(zip(old, rows, strict=True)) if a != b]
        print(f"DIFFERENT {k}: {len(diffs)} texts")
        for i in diffs[:2]:
            print("  before:", repr(old[i])[:600])
            print("  after: ", repr(rows[i])[:600])
    print(f"{len(rec) - bad} same, {bad} different")
    return 1 if bad else 0


def peyma(mode: str) -> list[str]:
    with open(PEYMA, encoding="utf-8") as handle:
        lines = [line.rstrip("\n").translate(FOLD) for line in handle]
    if mode == "glued":
        return [line.replace(Z, "") for line in lines]
    if mode == "spaced":
        return [re.sub(" +", " ", line.replace(Z, " ")) for line in lines]
    return lines


def rates(fn: Callable[[str], object], texts: list[str], repeat: int) -> tuple[float, float]:
    """(cold, best warm) CPU seconds of ``fn`` over ``texts``."""
    secs = []
    for _ in range(1 + repeat):
        t = time.process_time()
        for x in texts:
            fn(x)
        secs.append(time.process_time() - t)
    return secs[0], min(secs[1:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--label", default="run")
    ap.add_argument("--out", help="append the markdown section to this file")
    ap.add_argument("--dump", type=Path, help="record every output to this folder, no timing")
    ap.add_argument("--check", type=Path, help="compare every output with a --dump folder")
    a = ap.parse_args()
    if a.dump or a.check:
        raise SystemExit(dump_or_check(a.check or a.dump, check=a.check is not None))
    from khabar.text.zwnj import ZwnjRepairer, default_repairer

    load_at_start = os.getloadavg()
    t = time.process_time()
    lexicon = default_repairer().lexicon
    load = time.process_time() - t
    sets = {f"PEYMA 600K {m}": peyma(m) for m in ("glued", "spaced", "intact")}
    sets[f"generator, {a.docs} docs"] = [
        d.translate(FOLD) for d in _fixbench().throughput_docs(a.docs)
    ]
    rows = []
    for name, texts in sets.items():
        n = sum(map(len, texts))
        out = [name, f"{n:,}"]
        for method in ("repair", "find_repairs"):
            cold, warm = rates(getattr(ZwnjRepairer(lexicon), method), texts, a.repeat)
            out += [f"{n / cold / 1e6:.2f} M", f"{n / warm / 1e6:.2f} M"]
            if name.startswith("generator"):
                out += [f"{cold / len(texts) * 1e3:.3f} / {warm / len(texts) * 1e3:.3f}"]
        if not name.startswith("generator"):
            out.insert(4, "")
            out.append("")
        rows.append("| " + " | ".join(out) + " |")
        print(rows[-1], flush=True)
    src = os.environ.get("KHABAR_SRC") or (
        os.popen(f"git -C {ROOT} rev-parse --short HEAD").read().strip()
        + (
            " + changes"
            if os.popen(f"git -C {ROOT} status --short -- src/khabar/text").read()
            else ""
        )
    )
    load_avg = ", ".join(f"{x:.1f}" for x in load_at_start)
    md = [
        f"### {a.label}: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, src {src}",
        "",
        (
            f"Command: `.venv/bin/python bench/zwnj/speed.py --docs {a.docs} --repeat {a.repeat}`. "
            f"Machine: {platform.machine()}, nproc {os.cpu_count()}, Python "
            f"{platform.python_version()}, load average at start {load_avg}; lexicon load {load:.2f} s."
        ),
        "",
        (
            "| text | chars | repair cold | repair warm | repair ms/doc cold / warm | find_repairs cold "
            "| find_repairs warm | find_repairs ms/doc cold / warm |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
    ]
    print("\n".join(md))
    if a.out:
        with open(a.out, "a", encoding="utf-8") as handle:
            handle.write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
