"""Where ``khabar refine`` spends its time: cProfile of an in-process (-j 1) run, grouped by step.

    .venv/bin/python bench/throughput/where_time_goes.py --docs 5000      # writes bench/throughput/profile.md

The documents are the ones bench/throughput/run.py generates (same generator, same seed), in a
temporary folder outside the repository. The whole run (read, three stages, reduces, report) runs
in this process under cProfile. Self time of every function is attributed to a group by the file
it lives in (khabar/text/zwnj/ -> "fix / zwnj", khabar/io/schema.py -> "row conversion", ...);
self time of code outside khabar (regex, pyarrow, the standard library) goes to the group of the
khabar function that called it, split by how much time each caller spent in it. The groups add up
to the whole profile, which cumulative times (that overlap) cannot.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from run import generate  # the generator of run.py: the same documents

#: (path fragment, group): the first fragment found in a function's file names its group
GROUPS: tuple[tuple[str, str], ...] = (
    ("khabar/text/zwnj", "fix / zwnj"),
    ("khabar/text/", "fix (normalize, charmap, protect, lexicon)"),
    ("khabar/steps/text", "fix (normalize, charmap, protect, lexicon)"),
    ("khabar/news/boilerplate", "boilerplate"),
    ("khabar/dates/", "dates"),
    ("khabar/news/", "structure (attribution, gazetteer)"),
    ("khabar/corpus/sitelines", "sitelines"),
    ("khabar/corpus/langid", "langid"),
    ("khabar/corpus/quality", "quality"),
    ("khabar/corpus/dedup_buckets", "dedup reduce (bucketed)"),
    ("khabar/corpus/dedup", "dedup signature"),
    ("khabar/extract/", "extract"),
    ("khabar/steps/news", "extract / structure glue (steps/news.py)"),
    ("khabar/steps/", "step glue (steps/*.py)"),
    ("khabar/io/writers", "Parquet / JSONL writing"),
    ("khabar/io/schema", "row conversion (doc_to_row, row_to_doc)"),
    ("khabar/io/formats", "reading input (Parquet reader, pick_fields)"),
    ("khabar/io/", "reading input (Parquet reader, pick_fields)"),
    ("khabar/report", "run report (report.html)"),
    ("khabar/pipeline", "pipeline loop (time limit, counters)"),
    ("khabar/refine", "refine driver (shard tasks, _read_work, reduces)"),
    ("khabar/document", "Document"),
    ("khabar/", "other khabar"),
)


#: helpers several steps call (canonical text keys, letter folding): their time goes to the caller
SHARED_HELPERS = ("khabar/corpus/keys", "khabar/news/_fold")


def group_of_file(filename: str, name: str = "") -> str | None:
    if "importlib" in filename or name == "<module>":
        return "imports and module set-up (one-time)"
    if any(h in filename for h in SHARED_HELPERS):
        return None
    for fragment, group in GROUPS:
        if fragment in filename:
            return group
    return None


Func = tuple[str, int, str]


def attribute(stats: pstats.Stats) -> dict[str, float]:
    """Self seconds per group; time outside khabar goes to its khabar callers (see module doc)."""
    raw = stats.stats  # type: ignore[attr-defined]
    memo: dict[Func, dict[str, float]] = {}

    def shares(func: Func, depth: int) -> dict[str, float]:
        group = group_of_file(func[0], func[2])
        if group:
            return {group: 1.0}
        if func in memo:
            return memo[func]
        callers = raw[func][4] if func in raw else {}
        if depth > 12 or not callers:
            return {f"outside khabar, no khabar caller ({Path(func[0]).name}:{func[2]})": 1.0}
        memo[func] = {}  # a cycle back here adds nothing; the other callers share it all
        weights = {c: v[3] or v[2] or 1e-9 for c, v in callers.items()}
        total = sum(weights.values())
        out: dict[str, float] = defaultdict(float)
        for caller, w in weights.items():
            for g, s in shares(caller, depth + 1).items():
                out[g] += s * w / total
        norm = sum(out.values())
        memo[func] = ({g: s / norm for g, s in out.items()} if norm else
                      {f"outside khabar, no khabar caller ({Path(func[0]).name}:{func[2]})": 1.0})
        return memo[func]

    groups: dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, tt, _ct, _callers) in raw.items():
        for g, s in shares(func, 0).items():
            groups[g] += tt * s
    return dict(groups)


def short(func: Func) -> str:
    filename, line, name = func
    if filename == "~":
        return name
    p = filename
    for marker in ("/src/", "/site-packages/", "/lib/python3"):
        if marker in p:
            p = p.split(marker, 1)[1]
            break
    return f"{p}:{line}({name})"


def top(stats: pstats.Stats, key: int, n: int) -> list[tuple[Func, tuple]]:
    raw = stats.stats  # type: ignore[attr-defined]
    return sorted(raw.items(), key=lambda kv: kv[1][key], reverse=True)[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--out", default=str(HERE / "profile.md"))
    ap.add_argument("--dump", default="", help="also save the raw cProfile stats here")
    ap.add_argument("--from-dump", default="", help="write the report from saved stats (--docs = "
                    "the documents of that run) instead of running")
    a = ap.parse_args()
    if a.from_dump:
        stats = pstats.Stats(a.from_dump)
        run = f"saved profile {Path(a.from_dump).name} of {a.docs:,} documents."
    else:
        stats, run = profile_run(a.docs, a.files, a.dump)
    report = render(stats, a.docs, a.files, run)
    Path(a.out).write_text(report, encoding="utf-8")
    print(report)


def profile_run(docs: int, files: int, dump: str) -> tuple[pstats.Stats, str]:
    """Refine ``docs`` generated documents in-process under cProfile; the stats and a summary."""
    from khabar.config import Config
    from khabar.refine import refine

    with tempfile.TemporaryDirectory(prefix="khabar-profile-") as tmp:
        paths = generate(Path(tmp) / "crawl", docs, files)
        config = Config.load(overrides=["run.jobs=1", "run.shard_bytes=1", "run.force=true"])
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        result = refine([str(p) for p in paths], f"{tmp}/out", config)
        prof.disable()
        wall = time.perf_counter() - t0
    if dump:
        prof.dump_stats(dump)
    run = (f"Wall {wall:.0f} s with the profiler on ({docs / wall:.0f} docs/s). kept {result.kept}, "
           f"dropped {sum(result.dropped.values())}, rejected {sum(result.rejected.values())}.")
    return pstats.Stats(prof), run


def render(stats: pstats.Stats, docs: int, files: int, run: str) -> str:
    total = stats.total_tt  # type: ignore[attr-defined]
    groups = attribute(stats)
    lines = [
        f"# Where `khabar refine` spends its time ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})",
        "",
        (f"Command: `.venv/bin/python bench/throughput/where_time_goes.py --docs {docs}`. The run: "
        f"{docs:,} generated ~4 KB documents (bench/throughput/run.py's generator) in "
        f"{files} Parquet files, the default pipeline in-process (`-j 1`) under cProfile. {run} "
        f"Profiled time {total:.0f} s. cProfile slows Python-heavy code (many small calls) more "
        "than C code, so shares are indicative, not exact."),
        "",
        "## Self time by group",
        "",
        ("Every function's own time, given to the khabar module it is in; time inside regex, "
        "pyarrow, numpy, datasketch and the standard library, and in the shared helpers "
        "(`corpus/keys.py` canonical text, `news/_fold.py` letter folding), goes to the khabar "
        "function that called it, in proportion to the time each caller spent there."),
        "",
        "| group | self s | share | ms per doc |",
        "|---|---:|---:|---:|",
    ]
    for g, s in sorted(groups.items(), key=lambda kv: kv[1], reverse=True):
        if s / total >= 0.002:
            lines.append(f"| {g} | {s:.1f} | {100 * s / total:.1f}% | {1000 * s / docs:.2f} |")
    lines += ["", "## Top 40 functions by cumulative time", "",
              "| cumulative s | self s | calls | function |", "|---:|---:|---:|---|"]
    for func, (_cc, nc, tt, ct, _c) in top(stats, 3, 40):
        lines.append(f"| {ct:.1f} | {tt:.1f} | {nc:,} | `{short(func)}` |")
    lines += ["", "## Top 40 functions by self time", "",
              "| self s | cumulative s | calls | called from (by time) | function |",
              "|---:|---:|---:|---|---|"]
    for func, (_cc, nc, tt, ct, _c) in top(stats, 2, 40):
        g = group_of_file(func[0], func[2]) or ", ".join(
            k for k, _ in sorted(attribute_one(stats, func).items(), key=lambda kv: -kv[1])[:2])
        lines.append(f"| {tt:.1f} | {ct:.1f} | {nc:,} | {g} | `{short(func)}` |")
    return "\n".join(lines) + "\n"


def attribute_one(stats: pstats.Stats, func: Func) -> dict[str, float]:
    """Which groups called ``func`` (by time), for the self-time table."""
    raw = stats.stats  # type: ignore[attr-defined]
    callers = raw[func][4]
    out: dict[str, float] = defaultdict(float)
    for caller, v in callers.items():
        out[group_of_file(caller[0], caller[2]) or short(caller)] += v[3]
    return dict(out)


if __name__ == "__main__":
    main()
