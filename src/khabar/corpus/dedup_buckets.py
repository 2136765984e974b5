"""Duplicate detection as a partitioned map-reduce: the form of :class:`DedupIndex` that scales.

:class:`~khabar.corpus.dedup.DedupIndex` holds every document's signature in one process: fine
for a few million documents, not for FineWeb-2's 59 million Persian ones (30 GB of signatures).
Here the same decision is reached without any task holding the corpus:

1. **map** (per shard, :func:`write_shard`): the shard's signatures go to a side file, read back
   later by position (memory-mapped); its documents' exact keys and LSH band hashes become small
   records ``(band, hash, order)``, split into buckets by hash, so that all documents sharing a
   key or a band value meet in one bucket whatever shard they came from;
2. **reduce** (per bucket, :func:`reduce_bucket`): groups of equal ``(band, hash)`` become
   candidate pairs by :func:`group_pairs`, as :class:`DedupIndex` forms them (every pair of a small
   group, a chain and a star in a large one), verified by estimated Jaccard similarity against the
   memory-mapped signatures; equal exact keys join the first document with that key. Out come
   edges between documents (their global ``order``), as many as there are duplicates;
3. **combine** (one task, :func:`combine`): union-find over the edges' documents only, the kept
   copy of each cluster by the same rank as :class:`DedupIndex` (earliest date, longest, first
   seen), and each copy's similarity to it; the decision is split per shard.

The result is the one :meth:`DedupIndex.resolve` gives on the same documents (tested): clusters
are connected components, which do not depend on the order edges are found in.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from khabar.corpus.dedup import _ALL_PAIRS_MAX, Duplicate, MinHashConfig, _np, _UnionFind

__all__ = ["ShardDuplicates", "band_hashes", "combine", "group_pairs", "reduce_bucket", "write_shard"]

#: the band index given to exact-key records (bands are 0..bands-1)
_EXACT = -1
_FNV = 0x100000001B3


@dataclass(frozen=True, slots=True)
class _Meta:
    """What the combine needs of one shard's documents, by position in its signature file
    (their orders are in a file of their own, so that finding a signature does not load this)."""

    ids: list[str]
    dates: list[str | None]
    lengths: list[int]
    keys: list[str]


@dataclass(frozen=True, slots=True)
class ShardDuplicates:
    """One shard's part of the decision: its kept cluster heads and its duplicates, by order.

    ``kept`` maps the order of a kept copy to its cluster id (the kept copy's document id);
    ``duplicates`` maps the order of a dropped copy to its :class:`Duplicate` (whose ids are
    document ids)."""

    kept: dict[int, str]
    duplicates: dict[int, Duplicate]


def band_hashes(sigs: Any, config: MinHashConfig) -> Any:
    """``(n, bands)`` uint64 band hashes of ``(n, num_perm)`` uint32 signatures (FNV-style over
    each band's rows, seeded by the band number: the hashes :class:`DedupIndex` groups by)."""
    np = _np()
    n = sigs.shape[0]
    rows = config.rows
    out = np.empty((n, config.bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(config.bands):
            cols = sigs[:, band * rows: (band + 1) * rows].astype(np.uint64)
            h = np.full(n, band + 1, dtype=np.uint64)
            for c in range(rows):
                h = (h * np.uint64(_FNV)) ^ cols[:, c]
            out[:, band] = h
    return out


def _key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def _sig_file(shard: int) -> str:
    return f"{shard:05d}.sigs.npy"


def _meta_file(shard: int) -> str:
    return f"{shard:05d}.docs.pkl"


def _orders_file(shard: int) -> str:
    return f"{shard:05d}.orders.npy"


def _npy_bytes(array: Any) -> bytes:
    import io

    buf = io.BytesIO()
    _np().save(buf, array)
    return buf.getvalue()


def _load_npy(side: Any, name: str) -> Any:
    import io

    return _np().load(io.BytesIO(side.read_bytes(name)))


def write_shard(seen: Sequence[tuple[int, str, str | None, int, str, bytes]], n: int, shard: int,
                side: Any, config: MinHashConfig) -> list[Any]:
    """Map side for one shard: write its signatures and document facts as side files, and return
    ``n`` bucket parts of ``(band, hash, order, key)`` records.

    ``seen`` holds ``(order, doc_id, date, length, exact_key, signature)`` per document. Parts are
    dicts of numpy arrays (``band`` int16, ``hash`` uint64, ``order`` int64) plus the exact keys of
    the part's exact records (compared as text, so a 64-bit hash collision cannot merge two texts).
    """
    np = _np()
    rows = sorted(seen, key=lambda r: r[0])
    orders = np.asarray([r[0] for r in rows], dtype=np.int64)
    sig_size = 4 * config.num_perm
    for r in rows:
        if len(r[5]) != sig_size:
            raise ValueError(f"signature of document {r[1]!r} has {len(r[5])} bytes, expected "
                             f"{sig_size} for num_perm={config.num_perm}")
    sigs = (np.frombuffer(b"".join(r[5] for r in rows), dtype="<u4").reshape(-1, config.num_perm)
            if rows else np.zeros((0, config.num_perm), dtype="<u4"))
    side.write_bytes(_sig_file(shard), _npy_bytes(sigs))
    side.write_bytes(_orders_file(shard), _npy_bytes(orders))
    meta = _Meta([r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows],
                 [r[4] for r in rows])
    side.write_bytes(_meta_file(shard), pickle.dumps(meta, protocol=pickle.HIGHEST_PROTOCOL))

    bands = band_hashes(sigs, config)  # (m, bands)
    m = len(rows)
    band_ids = np.tile(np.arange(config.bands, dtype=np.int16), m)
    band_h = bands.reshape(-1)
    band_orders = np.repeat(orders, config.bands)
    key_h = np.asarray([_key_hash(r[4]) for r in rows], dtype=np.uint64)
    parts: list[Any] = []
    band_bucket = (band_h % np.uint64(n)).astype(np.int64)
    key_bucket = (key_h % np.uint64(n)).astype(np.int64)
    keys = np.asarray(meta.keys, dtype=object)
    for b in range(n):
        sel = band_bucket == b
        ksel = key_bucket == b
        parts.append({
            "band": band_ids[sel], "hash": band_h[sel], "order": band_orders[sel],
            "key_order": orders[ksel], "key": keys[ksel].tolist(),
        })
    return parts


class _Signatures:
    """Memory-mapped signatures of every shard, looked up by global ``order``: only the pages
    holding the rows asked for are read, so a task's memory follows its pairs, not the corpus."""

    def __init__(self, side: Any) -> None:
        self.side = side
        self._sigs: dict[int, Any] = {}
        self._orders: dict[int, Any] = {}

    def _shard(self, s: int) -> tuple[Any, Any]:
        np = _np()
        if s not in self._sigs:
            local = self.side.local(_sig_file(s))
            self._sigs[s] = (np.load(local, mmap_mode="r") if local is not None
                             else _RemoteRows(self.side, _sig_file(s)))
            self._orders[s] = _load_npy(self.side, _orders_file(s))
        return self._sigs[s], self._orders[s]

    def get(self, orders: Any) -> Any:
        """``(len(orders), num_perm)`` signatures of the documents with these orders."""
        np = _np()
        shards = orders >> 32
        out = None
        for s in np.unique(shards).tolist():
            sigs, shard_orders = self._shard(s)
            sel = shards == s
            block = sigs[np.searchsorted(shard_orders, orders[sel])]
            if out is None:
                out = np.empty((len(orders), block.shape[1]), dtype=block.dtype)
            out[sel] = block
        return out


class _RemoteRows:
    """Rows of a 2-D ``.npy`` file on an object store, read by position (``rows[positions]``)
    without downloading the file: the memory-map of a remote folder."""

    def __init__(self, side: Any, name: str) -> None:
        np = _np()
        self._fh = side.open(name)
        version = np.lib.format.read_magic(self._fh)
        read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                       else np.lib.format.read_array_header_2_0)
        shape, _fortran, dtype = read_header(self._fh)
        self._start = self._fh.tell()
        self._dtype = dtype
        self._width = shape[1]
        self._row_bytes = dtype.itemsize * shape[1]

    def __getitem__(self, positions: Any) -> Any:
        np = _np()
        out = np.empty((len(positions), self._width), dtype=self._dtype)
        for i in np.argsort(positions, kind="stable").tolist():  # forward through the file
            self._fh.seek(self._start + int(positions[i]) * self._row_bytes)
            out[i] = np.frombuffer(self._fh.read(self._row_bytes), dtype=self._dtype)
        return out


def _facts(side: Any, orders: Sequence[int]) -> dict[int, tuple[str, str | None, int, str]]:
    """``{order: (id, date, length, exact key)}`` for these documents, one shard's side file
    at a time (each is let go before the next is read)."""
    np = _np()
    by_shard: dict[int, list[int]] = defaultdict(list)
    for o in orders:
        by_shard[o >> 32].append(o)
    out: dict[int, tuple[str, str | None, int, str]] = {}
    for s, wanted in sorted(by_shard.items()):
        meta: _Meta = pickle.loads(side.read_bytes(_meta_file(s)))
        positions = np.searchsorted(_load_npy(side, _orders_file(s)), np.asarray(wanted))
        for o, i in zip(wanted, positions.tolist()):
            out[o] = (meta.ids[i], meta.dates[i], meta.lengths[i], meta.keys[i])
        del meta
    return out


def group_pairs(band: Any, h: Any, order: Any) -> Any:
    """Candidate pairs of orders (i < j) from records sharing ``(band, hash)``: members in
    order, every pair of a group up to ``_ALL_PAIRS_MAX`` members, else a chain and a star (a
    group that size is a template or an empty text; the chain still joins every verified
    neighbour)."""
    np = _np()
    if len(order) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    idx = np.lexsort((order, h, band))
    b, hh, o = band[idx], h[idx], order[idx]
    new = np.r_[True, (b[1:] != b[:-1]) | (hh[1:] != hh[:-1])]
    starts = np.flatnonzero(new)
    sizes = np.diff(np.r_[starts, len(o)])
    found: list[Any] = []
    for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
        members = o[start: start + size]
        if size <= _ALL_PAIRS_MAX:
            ii, jj = np.triu_indices(size, k=1)
            found.append(np.stack([members[ii], members[jj]], axis=1))
        else:
            chain = np.stack([members[:-1], members[1:]], axis=1)
            star = np.stack([np.repeat(members[0], size - 1), members[1:]], axis=1)
            found.extend([chain, star])
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(found).astype(np.int64), axis=0)


def reduce_bucket(parts: Iterable[Mapping[str, Any]], side: Any, config: MinHashConfig) -> Any:
    """Verified duplicate edges ``(m, 2)`` int64 (pairs of orders) from one bucket's parts."""
    np = _np()
    parts = list(parts)
    edges: list[Any] = []
    # exact keys: every document joins the first (smallest order) with its key
    first: dict[str, int] = {}
    key_orders = np.concatenate([p["key_order"] for p in parts]) if parts else np.zeros(0, np.int64)
    keys = [k for p in parts for k in p["key"]]
    exact: list[tuple[int, int]] = []
    for i in np.argsort(key_orders, kind="stable").tolist():
        o = int(key_orders[i])
        k = keys[i]
        if k in first:
            exact.append((first[k], o))
        else:
            first[k] = o
    if exact:  # one array, not one per copy
        edges.append(np.asarray(exact, dtype=np.int64))
    # bands: candidate pairs, verified by estimated similarity
    if parts:
        pairs = group_pairs(np.concatenate([p["band"] for p in parts]),
                             np.concatenate([p["hash"] for p in parts]),
                             np.concatenate([p["order"] for p in parts]))
    else:
        pairs = np.zeros((0, 2), dtype=np.int64)
    if len(pairs):
        sigs = _Signatures(side)
        for chunk in range(0, len(pairs), 65536):
            p = pairs[chunk: chunk + 65536]
            est = (sigs.get(p[:, 0]) == sigs.get(p[:, 1])).mean(axis=1)
            edges.append(p[est >= config.threshold])
    if not edges:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(edges), axis=0)


def combine(results: Iterable[Any], side: Any) -> dict[int, ShardDuplicates]:
    """Clusters from every bucket's edges: ``{shard: ShardDuplicates}`` for the shards that have
    a duplicate or a kept cluster head (the others have nothing to apply)."""
    np = _np()
    chunks = [r for r in results if len(r)]
    out: dict[int, ShardDuplicates] = {}
    if not chunks:
        return out
    edges = np.concatenate(chunks)
    nodes, inverse = np.unique(edges, return_inverse=True)
    inverse = inverse.reshape(-1, 2)
    uf = _UnionFind(len(nodes))
    for a, b in inverse.tolist():
        uf.union(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[uf.find(i)].append(i)
    sigs = _Signatures(side)
    node_orders = nodes.tolist()
    by_order = _facts(side, node_orders)
    def rank(m: int) -> tuple[Any, ...]:
        """DedupIndex's rank: earliest date (undated last), longest, first seen, smallest id."""
        _id, date, length, _key = by_order[node_orders[m]]
        return (date is None, date or "", -length, (node_orders[m],), str(node_orders[m]))

    for members in groups.values():
        facts = {m: by_order[node_orders[m]] for m in members}
        kept = min(members, key=rank)
        kept_order = node_orders[kept]
        kept_id, _, _, kept_key = facts[kept]
        others = [m for m in members if m != kept]
        member_sigs = sigs.get(np.asarray([node_orders[m] for m in others], dtype=np.int64))
        kept_sig = sigs.get(np.asarray([kept_order], dtype=np.int64))[0]
        shard_of = kept_order >> 32
        out.setdefault(shard_of, ShardDuplicates({}, {})).kept[kept_order] = kept_id
        for m, sig in zip(others, member_sigs):
            order = node_orders[m]
            exact = facts[m][3] == kept_key
            sim = 1.0 if exact else float((sig == kept_sig).mean())
            dup = Duplicate(cluster_id=kept_id, kept_id=kept_id,
                            kind="exact" if exact else "near", similarity=round(sim, 4))
            out.setdefault(order >> 32, ShardDuplicates({}, {})).duplicates[order] = dup
    return out
