"""Score khabar's dedup and datatrove's default MinHash on the syndication benchmark.

Reads what build.py wrote (docs.jsonl, pairs.jsonl), puts *all* documents through each method,
and reports, per pair kind, the share of labelled pairs found, in two ways:

* clustered: the two documents end in one cluster after resolving the whole collection (a copy
  can be reached through another copy of the same story, as in a real run);
* direct: the two documents match each other (khabar: equal exact key or estimated Jaccard >=
  threshold; datatrove: one bucket equal), without help from other copies.

* recall  = positive pairs (original, damaged copy) found / positive pairs
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from khabar.corpus.dedup import Candidate, DedupIndex, MinHashConfig, dedup_keys, similarity
from khabar.corpus.keys import spaceless

ROOT = Path(__file__).resolve().parents[2]


def load(data: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    docs = [json.loads(x) for x in (data / "docs.jsonl").open(encoding="utf-8")]
    pairs = [json.loads(x) for x in (data / "pairs.jsonl").open(encoding="utf-8")]
    return docs, pairs


Method = tuple[dict[str, str], float, Callable[[str, str], bool]]


def khabar_clusters(docs: list[dict[str, Any]], config: MinHashConfig) -> Method:
    """Clusters by DedupIndex; a direct match is an equal exact key or similarity >= threshold."""
    t = time.perf_counter()
    index = DedupIndex(config)
    keys: dict[str, tuple[str, bytes]] = {}
    for n, d in enumerate(docs):
        key, sig = dedup_keys(d["text"], config)
        keys[d["id"]] = (key, sig)
        index.add(Candidate(d["id"], (n,), d.get("date"), len(d["text"])), key, sig)
    dups = index.resolve()
    cluster = {d["id"]: d["id"] for d in docs}
    for doc_id, dup in dups.items():
        cluster[doc_id] = dup.cluster_id

    def direct(a: str, b: str) -> bool:
        (ka, sa), (kb, sb) = keys[a], keys[b]
        return ka == kb or similarity(sa, sb) >= config.threshold

    return cluster, time.perf_counter() - t, direct


def datatrove_clusters(docs: list[dict[str, Any]]) -> Method | None:
    """Clusters by union-find over equal buckets; a direct match is any bucket equal."""
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
    doc_buckets: dict[str, set[tuple[int, tuple[int, ...]]]] = {}
    for n, d in enumerate(docs):
        mine = set()
        for b, hashes in enumerate(sig.get_signature(sig.get_shingles(d["text"]))):
            buckets[(b, tuple(hashes))].append(n)
            mine.add((b, tuple(hashes)))
        doc_buckets[d["id"]] = mine
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
    cluster = {d["id"]: docs[find(n)]["id"] for n, d in enumerate(docs)}
    secs = time.perf_counter() - t
    return cluster, secs, lambda a, b: bool(doc_buckets[a] & doc_buckets[b])


def _jaccard9(a: str, b: str) -> float:
    sa, sb = spaceless(a), spaceless(b)
    ga = {sa[i : i + 9] for i in range(max(len(sa) - 8, 1))}
    gb = {sb[i : i + 9] for i in range(max(len(sb) - 8, 1))}
    return len(ga & gb) / max(len(ga | gb), 1)


def score(
    method: Method,
    docs: list[dict[str, Any]],
    pairs: list[dict[str, Any]],
    originals: dict[str, str],
) -> dict[str, Any]:
    """Pair metrics twice: ``clustered`` (in one cluster after transitive merging over the whole
    collection) and ``direct`` (the two documents match each other, no help from other copies)."""
    cluster, _, direct = method
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    tp = fp = pos = dtp = dfp = 0
    for p in pairs:
        same = cluster[p["a"]] == cluster[p["b"]]
        dsame = direct(p["a"], p["b"])
        by_kind[p["kind"]][0] += int(same)
        by_kind[p["kind"]][1] += int(dsame)
        by_kind[p["kind"]][2] += 1
        if p["label"]:
            pos += 1
            tp += same
            dtp += dsame
        else:
            fp += same
            dfp += dsame
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
        "recall_clustered": round(tp / pos, 4),
        "precision_clustered": round(tp / max(tp + fp, 1), 4),
        "recall_direct": round(dtp / pos, 4),
        "precision_direct": round(dtp / max(dtp + dfp, 1), 4),
        "found_by_kind (clustered | direct)": {
            k: f"{v[0] / v[2]:.3f} | {v[1] / v[2]:.3f} of {v[2]}" for k, v in by_kind.items()
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
    method = khabar_clusters(docs, config)
    results["khabar"] = {
        "config": repr(config),
        "seconds": round(method[1], 1),
        **score(method, docs, kept_pairs, originals),
    }
    if not args.skip_datatrove:
        got = datatrove_clusters(docs)
        if got is not None:
            results["datatrove_default"] = {
                "config": "datatrove 0.10.1 MinhashConfig(): word 5-grams, 14 buckets x 8, fa",
                "seconds": round(got[1], 1),
                **score(got, docs, kept_pairs, originals),
            }
    out = json.dumps(results, ensure_ascii=False, indent=2)
    print(out)
    if args.json:
        args.json.write_text(out + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
