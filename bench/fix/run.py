"""Speed of ``khabar fix`` (characters per CPU-second), and a byte-for-byte output check.

    .venv/bin/python bench/fix/run.py                       # speed table (results.md)
    .venv/bin/python bench/fix/run.py --dump /tmp/x_before  # record outputs of every corpus
    .venv/bin/python bench/fix/run.py --check /tmp/x_before # compare outputs with a recording
    .venv/bin/python bench/fix/run.py --check-text /tmp/x_before  # same texts; edits may differ

Corpora (from ../shared/data, read here and never copied into the repository):

* ``peyma-glued``: PEYMA 600K sentences with every ZWNJ removed (Arabic ي/ك as in the source),
  the text bench/zwnj measures the engine on;
* ``throughput-docs``: ~4 KB documents of bench/throughput/run.py's generator (FarsNews,
  Varzesh3, Targoman, PEYMA paragraphs), the documents ``khabar refine`` fixes one by one.

The check also covers the seed article, UD PerDT / Seraji dev, PEYMA 300K (real spaced damage),
ParsNER social posts (emoji, hashtags, RLM), seeded random strings of the characters the rules
care about (alone and as multi-line blocks), and every string constant of tests/text/*.py,
under the default policy and several non-default ones; outputs of ``fix``, ``fix_stream`` and
``fix_with_edits`` (text and every edit) are compared. ``--dump`` also records the inputs
(``inputs.pkl``), which ``--check`` reads, so a change of the generator or of a data file cannot
pass for a change of the outputs; use ``--docs 5000`` for the documents of bench/fix/results.md.
To keep a ZWNJ engine that changes meanwhile out of the comparison, check a copy of ``src`` whose
``text/zwnj/`` (``zwnj.py`` before session 18), ``lexicon.py`` and ``data/lexicon`` are those of
the recording (``KHABAR_SRC``).

Speed is ``time.process_time`` (CPU seconds of this process), best of ``--repeat`` warm passes
after one cold pass; ``fix_with_edits`` is called once per document (as the refine fix step
does), ``fix`` once per document and also through ``fix_stream`` over the lines (as the CLI does).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: KHABAR_SRC: another source tree to measure (a checkout of an older commit, for before/after)
sys.path.insert(0, os.environ.get("KHABAR_SRC", str(ROOT / "src")))
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
Z = "\u200c"

POLICIES: dict[str, dict[str, str]] = {
    "default": {},
    "zwnj-off": {"zwnj": "off"},
    "styles": {
        "digits": "latin",
        "heh_yeh": "yeh",
        "teh_marbuta": "heh",
        "diacritics": "remove",
        "tatweel": "keep",
        "punct_spacing": "full",
    },
    "styles2": {
        "digits": "persian",
        "heh_yeh": "hamza",
        "diacritics": "keep",
        "punct_spacing": "off",
    },
    "styles3": {"heh_yeh": "ligature", "zwnj": "off"},
}


def _lines(path: Path, limit: int | None = None) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        out = [line.rstrip("\n") for line in handle]
    return out[:limit] if limit else out


def peyma_glued(limit: int | None = None) -> list[str]:
    return [
        s.replace(Z, "") for s in _lines(DATA / "peyma_nsurl2019/peyma600k.sentences.txt", limit)
    ]


def throughput_docs(n: int) -> list[str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "throughput_run", ROOT / "bench/throughput/run.py"
    )
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules["throughput_run"] = gen  # its dataclasses look their module up
    spec.loader.exec_module(gen)
    return list(gen.document_texts(n))


#: characters the rules look at: letters with Arabic variants, marks, spaces, junk, punctuation
_ALPHABET = (
    "ابپتکگیهمنوردسشآئأؤإۀةيكىڪـ\u064b\u064c\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655"
    "\u0670\u200c\u200c\u200d\u200b\u200e\u200f\u061c\ufeff\u00ad\u00a0\u2009\u3000"
    "   \n\r\u2028،؛؟!….:»«()[]0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٫٬/,"
    "abcXYZ#@_-`'ﻛﺘﺎﺏﻻﷺ👨\u200d👩e\u0301क्ष"
)


def random_strings(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    words = [
        "می",
        "باشد",
        "کتاب",
        "ها",
        "ترین",
        "رئیسجمهوری",
        "https://x.ir/كتاب",
        "#هشتگ_عربي",
        "info@x.ir",
        "www.site.com",
        "12:30",
        "۱۴۰۲/۰۷/۱۹",
        "3.5",
        "خانهٔ",
        "خانۀ",
        "COVID-19",
    ]
    out = []
    for _ in range(n):
        k = rng.randrange(1, 40)
        parts = []
        for _ in range(k):
            if rng.random() < 0.3:
                parts.append(rng.choice(words))
            else:
                parts.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 6))))
        out.append("".join(parts) if rng.random() < 0.5 else " ".join(parts))
    return out


def test_strings() -> list[str]:
    """Every string constant of tests/text/*.py (the odd inputs the tests were written for),
    each alone and the lot joined by line breaks and by nothing."""
    import ast

    out: list[str] = []
    for path in sorted((ROOT / "tests/text").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value:
                out.append(node.value)
    out = sorted(set(out))
    return out + ["\n".join(out), "".join(out), " ".join(out)]


def random_blocks(n: int, seed: int = 12) -> list[str]:
    """Multi-line texts of random strings (line breaks of every kind between them)."""
    rng = random.Random(seed)
    pieces = random_strings(4 * n, seed)
    breaks = ["\n", "\n\n", "\r\n", " \n", "\u2028", "\n  ", "\u200c\n"]
    return ["".join(p + rng.choice(breaks) for p in rng.sample(pieces, 8)) for _ in range(n)]


def check_corpora(docs: int) -> dict[str, list[str]]:
    d = DATA
    return {
        "test-strings": test_strings(),
        "random-blocks": random_blocks(3000),
        "seed": [(SHARED / "examples/tasnim-kazakhstan/raw.txt").read_text(encoding="utf-8")],
        "perdt-dev": _lines(d / "ud_perdt/dev.txt"),
        "seraji-dev": _lines(d / "ud_seraji/dev.txt"),
        "peyma600k-glued": peyma_glued(20000),
        "peyma600k-intact": _lines(d / "peyma_nsurl2019/peyma600k.sentences.txt", 20000),
        "peyma300k": _lines(d / "peyma_nsurl2019/peyma300k.sentences.txt", 20000),
        "parsner-social": _lines(d / "parsner_social/all.sentences.txt"),
        "throughput-docs": throughput_docs(docs),
        "random": random_strings(20000),
    }


def outputs(corpora: dict[str, list[str]]) -> dict[str, bytes]:
    """A digest-able record of every output: name -> pickled list of (fix, text, edits)."""
    from khabar.text.fix import Fixer
    from khabar.text.policy import FixPolicy

    rec = {}
    for pname, pol in POLICIES.items():
        fixer = Fixer(FixPolicy.from_kwargs(**pol))
        for cname, texts in corpora.items():
            if pname != "default" and cname in ("peyma600k-intact", "peyma300k"):
                continue  # fewer combinations: these add little beyond default
            rows = []
            for t in texts:
                out, edits = fixer.fix_with_edits(t)
                rows.append(
                    (fixer.fix(t), out, [(e.offset, e.before, e.after, e.rule) for e in edits])
                )
            stream = list(fixer.fix_stream([t + "\n" for t in texts]))
            rec[f"{pname}/{cname}"] = pickle.dumps((rows, stream))
    return rec


def dump(folder: Path, docs: int) -> None:
    """Record the inputs (``inputs.pkl``: --check reads them, so a later change of a generator
    or of a data file cannot pass for a change of the outputs) and every output."""
    folder.mkdir(parents=True, exist_ok=True)
    corpora = check_corpora(docs)
    (folder / "inputs.pkl").write_bytes(pickle.dumps(corpora))
    for key, blob in outputs(corpora).items():
        (folder / (key.replace("/", "__") + ".pkl")).write_bytes(blob)
    print(f"wrote {folder}")


def check(folder: Path, docs: int) -> int:
    bad = 0
    stored = folder / "inputs.pkl"
    corpora = pickle.loads(stored.read_bytes()) if stored.exists() else check_corpora(docs)
    for key, blob in outputs(corpora).items():
        path = folder / (key.replace("/", "__") + ".pkl")
        # compare values, not pickle bytes (pickle's memo depends on object identity)
        (rows_a, stream_a), (rows_b, stream_b) = pickle.loads(path.read_bytes()), pickle.loads(blob)
        if rows_a == rows_b and stream_a == stream_b:
            print(f"same      {key}", flush=True)
            continue
        bad += 1
        diffs = [i for i, (a, b) in enumerate(zip(rows_a, rows_b, strict=True)) if a != b]
        print(f"DIFFERENT {key}: {len(diffs)} texts; stream same: {stream_a == stream_b}")
        for i in diffs[:3]:
            print("  before:", rows_a[i])
            print("  after: ", rows_b[i])
    return 1 if bad else 0


def check_text(folder: Path, docs: int) -> int:
    """Like :func:`check` for a change that means to change edits and never text: every ``fix``,
    ``fix_stream`` and ``fix_with_edits`` text must equal the recording; edits may differ, and
    the new ones must undo to the input. Prints how many texts' edits differ, the rule names
    that were joined before and are not now (or the reverse), and a few examples."""
    from collections import Counter

    bad = 0
    stored = folder / "inputs.pkl"
    corpora = pickle.loads(stored.read_bytes()) if stored.exists() else check_corpora(docs)
    for key, blob in outputs(corpora).items():
        cname = key.split("/", 1)[1]
        path = folder / (key.replace("/", "__") + ".pkl")
        (rows_a, stream_a), (rows_b, stream_b) = pickle.loads(path.read_bytes()), pickle.loads(blob)
        same_text = stream_a == stream_b and all(
            a[:2] == b[:2] for a, b in zip(rows_a, rows_b, strict=True)
        )
        joined: Counter[tuple[str, str]] = Counter()
        differ = examples = 0
        for src, a, b in zip(corpora[cname], rows_a, rows_b, strict=True):
            back = b[1]
            for offset, before, after, _ in reversed(b[2]):
                if back[offset : offset + len(after)] != after:
                    break
                back = back[:offset] + before + back[offset + len(after) :]
            if back != src:
                bad += 1
                print(f"  EDITS DO NOT UNDO {key}: {src!r}")
            if a[2] == b[2]:
                continue
            differ += 1
            old = Counter(r[3] for r in a[2] if "+" in r[3])
            new = Counter(r[3] for r in b[2] if "+" in r[3])
            for rule, n in (old - new).items():
                joined["before only", rule] += n
            for rule, n in (new - old).items():
                joined["after only", rule] += n
            if examples < 2:
                examples += 1
                print(f"  {key}: {[r for r in a[2] if r not in b[2]]} -> "
                      f"{[r for r in b[2] if r not in a[2]]}")  # fmt: skip
        if not same_text:
            bad += 1
        print(f"{'text same' if same_text else 'TEXT DIFFERENT'} {key}: edits differ in "
              f"{differ} of {len(rows_a)} texts; " + ", ".join(
                  f"{w} {r} x{n}" for (w, r), n in joined.most_common(6)), flush=True)  # fmt: skip
    return 1 if bad else 0


def rate(fn, texts: list[str], repeat: int) -> tuple[float, float]:
    """(cold, best warm) characters per CPU-second of ``fn`` over ``texts``."""
    n = sum(map(len, texts))
    rates = []
    for _ in range(1 + repeat):
        t = time.process_time()
        for x in texts:
            fn(x)
        rates.append(n / max(time.process_time() - t, 1e-9))
    return rates[0], max(rates[1:])


def speed(args: argparse.Namespace) -> None:
    from khabar.text.fix import Fixer
    from khabar.text.policy import FixPolicy

    load_at_start = os.getloadavg()
    sets = {
        "PEYMA 600K glued (sentences)": peyma_glued(args.lines),
        f"throughput generator ({args.docs} docs of ~4 KB)": throughput_docs(args.docs),
    }
    rows = []
    from khabar.text.zwnj import default_repairer

    lexicon = default_repairer().lexicon  # loaded once, outside the timed passes

    def new_fixer(pname: str) -> Fixer:
        """A fixer with a new ZWNJ engine: its memo is empty, so the first pass is cold."""
        return Fixer(FixPolicy.from_kwargs(**POLICIES[pname]), type(default_repairer())(lexicon))

    for pname in ("default", "zwnj-off"):
        for sname, texts in sets.items():
            n = sum(map(len, texts))
            fixer = new_fixer(pname)
            cold_e, warm_e = rate(fixer.fix_with_edits, texts, args.repeat)
            fixer = new_fixer(pname)
            cold_f, warm_f = rate(fixer.fix, texts, args.repeat)
            lines = [line + "\n" for t in texts for line in t.split("\n")]

            def stream(_: object, fixer: Fixer = fixer, lines: list[str] = lines) -> None:
                for _ in fixer.fix_stream(lines):
                    pass

            _, warm_s = rate(stream, ["x" * n], args.repeat)  # one call over all lines
            ms_doc = len(texts) / 1e3
            rows.append(
                (pname, sname, n, cold_f, warm_f, warm_s, cold_e, warm_e, n / warm_e / ms_doc)
            )
            print(rows[-1], flush=True)
    head = (
        "| policy | text | chars | fix cold | fix warm | fix_stream warm | fix_with_edits cold "
        "| fix_with_edits warm | ms per text (edits, warm) |"
    )
    table = [head, "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for p, s, n, cf, wf, ws, ce, we, ms in rows:
        table.append(
            f"| {p} | {s} | {n:,} | {cf / 1e6:.2f} M | {wf / 1e6:.2f} M | {ws / 1e6:.2f} M "
            f"| {ce / 1e6:.2f} M | {we / 1e6:.2f} M | {ms:.3f} |"
        )
    load = ", ".join(f"{x:.1f}" for x in load_at_start)
    src = os.popen(f"git -C {ROOT} rev-parse --short HEAD").read().strip()
    dirty = os.popen(f"git -C {ROOT} status --short -- src/khabar/text").read().strip()
    if os.environ.get("KHABAR_SRC"):
        src, dirty = f"tree {os.environ['KHABAR_SRC']}", ""
    md = [
        f"### {args.label or 'run'}: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, src {src}"
        + (" + uncommitted changes in src/khabar/text" if dirty else ""),
        "",
        (
            f"Command: `.venv/bin/python bench/fix/run.py --docs {args.docs} --lines {args.lines} "
            f"--repeat {args.repeat}`. Machine: {platform.machine()}, nproc {os.cpu_count()}, "
            f"Python {platform.python_version()}, load average at start {load}."
        ),
        (
            "Characters per CPU-second (time.process_time), one core; cold = first pass with a "
            "new ZWNJ engine (empty memo), warm = best of the next passes."
        ),
        "",
        *table,
        "",
    ]
    print("\n".join(md))
    if args.out:
        with open(args.out, "a", encoding="utf-8") as handle:
            handle.write("\n".join(md) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--check", type=Path)
    ap.add_argument("--check-text", type=Path, help="texts must be equal, edits may differ")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--lines", type=int, default=20000, help="PEYMA sentences to time")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--label", default="")
    ap.add_argument("--out", default=str(ROOT / "bench/fix/results.md"))
    args = ap.parse_args()
    if args.dump:
        dump(args.dump, args.docs)
    elif args.check:
        raise SystemExit(check(args.check, args.docs))
    elif args.check_text:
        raise SystemExit(check_text(args.check_text, args.docs))
    else:
        speed(args)


if __name__ == "__main__":
    main()
