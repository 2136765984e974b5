"""Score khabar's dedup and datatrove's default MinHash on the syndication benchmark.

Reads what build.py wrote (docs.jsonl, pairs.jsonl), puts *all* documents through each method,
and reports, per pair kind, the share of labelled pairs put in one cluster:

* recall  = positive pairs (original, damaged copy) found in one cluster / positive pairs
* precision = positive pairs found / (positive pairs found + negative pairs found)
* cross-group merges over the whole collection: clusters joining documents of different source
  articles; those whose originals are themselves copies in the source data (char-9 Jaccard >= 0.8
  of the two originals; PEYMA 600K repeats some articles) are counted apart.

datatrove: ``MinhashDedupSignature`` (default ``MinhashConfig``: word 5-grams, 14 buckets x 8
hashes, its ``simplify_text`` and the spaCy Persian word tokenizer), used as is when importable;
a document pair is a duplicate when any bucket matches (datatrove's bucket stage), clusters by
union-find (its cluster stage). Without datatrove, the script says so and skips it.

Usage:
    .venv/bin/python bench/syndication/run.py [--data DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from khabar.corpus.dedup import Candidate, DedupIndex, MinHashConfig, signature
from khabar.corpus.keys import exact_key, spaceless

ROOT = Path(__file__).resolve().parents[2]


def load(data: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    docs = [json.loads(x) for x in (data / "docs.jsonl").open(encoding="utf-8")]
    pairs = [json.loads(x) for x in (data / "pairs.jsonl").open(encoding="utf-8")]
    return docs, pairs


def khabar_clusters(
    docs: list[dict[str, Any]], config: MinHashConfig
) -> tuple[dict[str, str], float]:
    t = time.perf_counter()
    index = DedupIndex(config)
    for n, d in enumerate(docs):
        index.add(
            Candidate(d["id"], (n,), d.get("date"), len(d["text"])),
            exact_key(d["text"]),
            signature(d["text"], config),
        )
    dups = index.resolve()
    cluster = {d["id"]: d["id"] for d in docs}
    for doc_id, dup in dups.items():
        cluster[doc_id] = dup.cluster_id
    return cluster, time.perf_counter() - t


def datatrove_clusters(docs: list[dict[str, Any]]) -> tuple[dict[str, str], float] | None:
    try:
        from datatrove.pipeline.dedup.minhash import MinhashDedupSignature
    except ImportError as exc:
        print(f"datatrove not importable ({exc}); skipping its measurement")
        return None
    t = time.perf_counter()
    import xxhash

    sig = MinhashDedupSignature("/tmp/khabar-bench-unused", language="fa")
    # datatrove 0.10.1 passes str to xxhash, which xxhash 4 refuses; hash the UTF-8 bytes instead
    # (what xxhash 3 did with a str), so the shingles are datatrove's own
    sig._hash_func = lambda s: xxhash.xxh64_intdigest(s.encode("utf-8"))
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for n, d in enumerate(docs):
        for b, hashes in enumerate(sig.get_signature(sig.get_shingles(d["text"]))):
            buckets[(b, tuple(hashes))].append(n)
    parent = list(range(len(docs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for members in buckets.values():
        for m in members[1:]:
            ra, rb = find(members[0]), find(m)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {d["id"]: docs[find(n)]["id"] for n, d in enumerate(docs)}, time.perf_counter() - t


def _jaccard9(a: str, b: str) -> float:
    sa, sb = spaceless(a), spaceless(b)
    ga = {sa[i : i + 9] for i in range(max(len(sa) - 8, 1))}
    gb = {sb[i : i + 9] for i in range(max(len(sb) - 8, 1))}
    return len(ga & gb) / max(len(ga | gb), 1)


def score(
    cluster: dict[str, str],
    docs: list[dict[str, Any]],
    pairs: list[dict[str, Any]],
    originals: dict[str, str],
) -> dict[str, Any]:
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tp = fp = pos = 0
    for p in pairs:
        same = cluster[p["a"]] == cluster[p["b"]]
        by_kind[p["kind"]][0] += int(same)
        by_kind[p["kind"]][1] += 1
        if p["label"]:
            pos += 1
            tp += same
        else:
            fp += same
    groups: dict[str, set[str]] = defaultdict(set)
    group_of = {d["id"]: d["group"].split("~")[0] for d in docs}
    for doc_id, cid in cluster.items():
        groups[cid].add(group_of[doc_id])
    cross = Counter()
    for members in groups.values():
        if len(members) > 1:
            ms = sorted(members)
            src_dup = all(_jaccard9(originals[ms[0]], originals[m]) >= 0.8 for m in ms[1:])
            cross["source_copies" if src_dup else "other"] += 1
    return {
        "recall": round(tp / pos, 4),
        "precision_on_pairs": round(tp / max(tp + fp, 1), 4),
        "found_share_by_kind": {
            k: f"{v[0]}/{v[1]} = {v[0] / v[1]:.3f}" for k, v in by_kind.items()
        },
        "cross_group_clusters": dict(cross),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "bench" / "results" / "tmp" / "syndication")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument("--skip-datatrove", action="store_true")
    args = ap.parse_args()
    docs, pairs = load(args.data)
    originals = {d["group"]: d["text"] for d in docs if d["variant"] == "original"}
    # a pair of source articles that are copies of each other in the source data is not a
    # "different story": drop such negatives and say how many
    kept_pairs = []
    text = {d["id"]: d["text"] for d in docs}
    dropped = 0
    for p in pairs:
        if not p["label"] and _jaccard9(text[p["a"]], text[p["b"]]) >= 0.8:
            dropped += 1
            continue
        kept_pairs.append(p)
    results: dict[str, Any] = {
        "docs": len(docs),
        "pairs": len(kept_pairs),
        "negatives_dropped_as_source_copies": dropped,
    }
    config = MinHashConfig()
    cl, secs = khabar_clusters(docs, config)
    results["khabar"] = {
        "config": repr(config),
        "seconds": round(secs, 1),
        **score(cl, docs, kept_pairs, originals),
    }
    if not args.skip_datatrove:
        got = datatrove_clusters(docs)
        if got is not None:
            cl, secs = got
            results["datatrove_default"] = {
                "config": "MinhashConfig() word 5-gram, 14x8, fa",
                "seconds": round(secs, 1),
                **score(cl, docs, kept_pairs, originals),
            }
    out = json.dumps(results, ensure_ascii=False, indent=2)
    print(out)
    if args.json:
        args.json.write_text(out + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
