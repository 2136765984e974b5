"""Near-dup memory and speed: N synthetic documents through DedupIndex (the reduce step).

Two measurements, because they scale differently:

1. map: ``exact_key`` + ``signature`` on ``--sig-sample`` synthetic Persian-like documents of
   about 2,000 characters (docs/s per core; the runner spreads this over workers);
2. reduce: ``DedupIndex.add`` for ``--n`` documents, then ``resolve()``, with peak RSS. To reach
   1M documents without hours of signing, the reduce step gets signatures made the way the map
   step would give them for distinct texts (random, independent MinHash values), plus
   ``--dup-share`` planted copies: exact copies, and near copies with 20 % of values changed
   (estimated Jaccard 0.8, above the 0.7 threshold). The report says how many were found.

Usage:
    .venv/bin/python bench/neardup/run.py [--n 1000000] [--sig-sample 3000] [--dup-share 0.01]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time

import numpy as np

from khabar.corpus.dedup import Candidate, DedupIndex, MinHashConfig, dedup_keys

SYLLABLES = [
    "با",
    "سر",
    "کا",
    "می",
    "نو",
    "ره",
    "دا",
    "پی",
    "گل",
    "شه",
    "تر",
    "ان",
    "ست",
    "ها",
    "ری",
    "مه",
    "زن",
    "بو",
    "چه",
    "ژی",
    "فر",
    "لا",
    "وی",
    "یا",
]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_text(rng: random.Random, chars: int = 2000) -> str:
    words: list[str] = []
    size = 0
    while size < chars:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.08:
            w += "\u200cها"
        words.append(w)
        size += len(w) + 1
    return " ".join(words)


def bench_map(n: int, config: MinHashConfig) -> dict[str, float]:
    rng = random.Random(1)
    texts = [synthetic_text(rng) for _ in range(n)]
    dedup_keys(texts[0], config)  # permutations made once per process
    t, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        dedup_keys(text, config)
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    # on a shared machine wall time includes waiting for a core; CPU time is what one core needs
    return {
        "docs": n,
        "wall_seconds": round(secs, 2),
        "cpu_seconds": round(cpu, 2),
        "docs_per_cpu_s": round(n / cpu, 1),
        "mean_chars": round(sum(map(len, texts)) / n),
    }


def bench_reduce(n: int, dup_share: float, config: MinHashConfig) -> dict[str, float]:
    rng = np.random.default_rng(7)
    rss0 = peak_rss_mb()
    index = DedupIndex(config)
    planted_exact = planted_near = 0
    base_every = int(1 / dup_share) if dup_share else 0
    t, cpu = time.perf_counter(), time.process_time()
    last_sig = last_key = None
    for i in range(n):
        if base_every and i % base_every == 1 and last_sig is not None:
            if (i // base_every) % 2:
                sig, key = last_sig, last_key
                planted_exact += 1
            else:
                values = np.frombuffer(last_sig, dtype="<u4").copy()
                change = rng.choice(config.num_perm, size=config.num_perm // 5, replace=False)
                values[change] = rng.integers(0, 2**32, size=len(change), dtype=np.uint32)
                sig, key = values.tobytes(), f"near{i:031d}"
                planted_near += 1
        else:
            sig = rng.integers(0, 2**32, size=config.num_perm, dtype=np.uint32).tobytes()
            key = f"{i:032x}"
        index.add(Candidate(f"doc-{i}", (i // 10000, i % 10000), None, 2000), key, sig)
        last_sig, last_key = sig, key
    add_secs, add_cpu = time.perf_counter() - t, time.process_time() - cpu
    rss_added = peak_rss_mb()
    t, cpu = time.perf_counter(), time.process_time()
    dups = index.resolve()
    resolve_secs, resolve_cpu = time.perf_counter() - t, time.process_time() - cpu
    kinds = {"exact": 0, "near": 0}
    for d in dups.values():
        kinds[d.kind] += 1
    return {
        "docs": n,
        "add_wall_seconds": round(add_secs, 1),
        "add_cpu_seconds": round(add_cpu, 1),
        "resolve_wall_seconds": round(resolve_secs, 1),
        "resolve_cpu_seconds": round(resolve_cpu, 1),
        "peak_rss_mb_after_add": round(rss_added),
        "peak_rss_mb": round(peak_rss_mb()),
        "rss_mb_before": round(rss0),
        "planted_exact": planted_exact,
        "planted_near": planted_near,
        "found_exact": kinds["exact"],
        "found_near": kinds["near"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--sig-sample", type=int, default=3000)
    ap.add_argument("--dup-share", type=float, default=0.01)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    config = MinHashConfig()
    result = {
        "config": repr(config),
        "map": bench_map(args.sig_sample, config),
        "reduce": bench_reduce(args.n, args.dup_share, config),
    }
    out = json.dumps(result, indent=2)
    print(out)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            f.write(out + "\n")


if __name__ == "__main__":
    main()
