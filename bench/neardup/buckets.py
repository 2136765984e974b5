"""Memory of the bucketed dedup reduce (what ``khabar refine`` runs), per task, at corpus scale.

The in-memory ``DedupIndex`` (``run.py`` here) holds every signature in one process; the
refine pipeline instead runs ``dedup_buckets``: a map per shard, a reduce per hash bucket and
one combine, each a task of its own. This measures the peak RSS of each kind of task, each in a
fresh process (so one task's peak is not hidden by another's), for ``--n`` documents: random
MinHash signatures (independent texts) plus ``--dup-share`` planted exact and near copies, as
``run.py`` makes them. The report says how many planted copies were found.

Usage:
    .venv/bin/python bench/neardup/buckets.py [--n 1000000] [--shards 64] [--buckets 16]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np

from khabar.corpus.dedup import MinHashConfig
from khabar.corpus.dedup_buckets import combine, reduce_bucket, write_shard
from khabar.steps.base import SideFiles

CFG = MinHashConfig()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _shard_rows(shard: int, per_shard: int, dup_share: float, seed: int) -> list[tuple]:
    """This shard's documents: (order, id, date, length, exact key, signature). Copies are of
    documents of the previous shard (made from the same seed), so they cross shards."""
    rng = np.random.default_rng(seed + shard)
    sigs = rng.integers(0, 2**32, size=(per_shard, CFG.num_perm), dtype=np.uint32)
    keys = [f"k{shard}-{i}" for i in range(per_shard)]
    n_dup = int(per_shard * dup_share)
    if shard > 0 and n_dup:
        prev = np.random.default_rng(seed + shard - 1).integers(
            0, 2**32, size=(per_shard, CFG.num_perm), dtype=np.uint32)
        for j in range(n_dup):
            i = per_shard - 1 - j
            sigs[i] = prev[j]
            if j % 2:  # a near copy: 20 % of the values changed (Jaccard estimate 0.8)
                cols = rng.choice(CFG.num_perm, CFG.num_perm // 5, replace=False)
                sigs[i, cols] = rng.integers(0, 2**32, size=len(cols), dtype=np.uint32)
            else:
                keys[i] = f"k{shard - 1}-{j}"
    return [((shard << 32) | i, f"d{shard}-{i}", None, 2000, keys[i], sigs[i].tobytes())
            for i in range(per_shard)]


def map_task(args: tuple) -> tuple[float, float, str]:
    shard, per_shard, dup_share, seed, buckets, side, parts_dir = args
    t0 = time.process_time()
    rows = _shard_rows(shard, per_shard, dup_share, seed)
    parts = write_shard(rows, buckets, shard, SideFiles(side), CFG)
    path = f"{parts_dir}/{shard:05d}.npz"
    import pickle

    with open(path, "wb") as f:
        pickle.dump(parts, f, protocol=pickle.HIGHEST_PROTOCOL)
    return time.process_time() - t0, _peak_mb(), path


def reduce_task(args: tuple) -> tuple[float, float, str]:
    import pickle

    bucket, paths, side, out = args
    t0 = time.process_time()
    parts = []
    for p in paths:
        with open(p, "rb") as f:
            parts.append(pickle.load(f)[bucket])
    edges = reduce_bucket(parts, SideFiles(side), CFG)
    with open(out, "wb") as f:
        pickle.dump(edges, f)
    return time.process_time() - t0, _peak_mb(), out


def combine_task(args: tuple) -> tuple[float, float, dict[str, Any]]:
    import pickle

    outs, side = args
    t0 = time.process_time()
    results = []
    for p in outs:
        with open(p, "rb") as f:
            results.append(pickle.load(f))
    decision = combine(results, SideFiles(side))
    found = {"exact": 0, "near": 0}
    for part in decision.values():
        for dup in part.duplicates.values():
            found[dup.kind] += 1
    return time.process_time() - t0, _peak_mb(), found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--shards", type=int, default=64)
    ap.add_argument("--buckets", type=int, default=16)
    ap.add_argument("--dup-share", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    per_shard = a.n // a.shards
    with tempfile.TemporaryDirectory(prefix="khabar-bench-buckets-") as tmp, \
            ProcessPoolExecutor(max_workers=2, max_tasks_per_child=1) as pool:
        side, parts_dir = f"{tmp}/side", tmp
        t0 = time.perf_counter()
        maps = list(pool.map(map_task, [(s, per_shard, a.dup_share, a.seed, a.buckets, side,
                                         parts_dir) for s in range(a.shards)]))
        paths = [m[2] for m in maps]
        reds = list(pool.map(reduce_task, [(b, paths, side, f"{tmp}/edges{b}.pkl")
                                           for b in range(a.buckets)]))
        comb = next(pool.map(combine_task, [([r[2] for r in reds], side)]))
        wall = time.perf_counter() - t0
    planted = int(per_shard * a.dup_share) * (a.shards - 1)
    report = {
        "docs": per_shard * a.shards, "shards": a.shards, "buckets": a.buckets,
        "planted_copies": planted, "found": comb[2],
        "map_peak_mb_max": round(max(m[1] for m in maps), 1),
        "map_cpu_s_total": round(sum(m[0] for m in maps), 1),
        "reduce_peak_mb_max": round(max(r[1] for r in reds), 1),
        "reduce_cpu_s_total": round(sum(r[0] for r in reds), 1),
        "combine_peak_mb": round(comb[1], 1), "combine_cpu_s": round(comb[0], 1),
        "wall_s": round(wall, 1),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
