"""Exact and near-duplicate detection that survives ZWNJ, spacing and Arabic-letter damage.

Agencies republish each other's stories all day, and the copies differ in ways that break
word-shingle MinHash: one copy keeps ZWNJs («می‌شود»), one drops them («میشود») and one has spaces
(«می شود»); one types Arabic «ي»/«ك». Word 5-gram MinHash (datatrove's default) sees such pairs as
only 0.2-0.7 similar. Here every document is first reduced to :func:`khabar.corpus.keys.spaceless`
(the canonical form with *all* spaces removed), and shingles are character n-grams of that stream,
so spacing and letter-variant damage change no shingle at all; only real edits (another agency's
header, a trimmed lead) lower the similarity.

Flow (the runner maps per shard and reduces once):

1. map: ``dedup_keys(text, config)`` = ``(exact_key(text), signature(text, config))`` per document
   (pure; a 32-character str and ``4 * num_perm`` bytes, both picklable);
2. reduce: ``index.add(candidate, key, sig)`` for every document, then ``index.resolve()``.

MinHash signatures are datasketch's ``affine32`` scheme computed directly in numpy (extra
``dedup``; the tests keep ``datasketch`` as the oracle they must match byte for byte). The LSH step
bands the signatures and groups equal band hashes by sorting numpy arrays (as datatrove's bucket
stage does) rather than with ``datasketch.MinHashLSH``: its in-memory index measured 5.3 KB per
document (5 GB for 1M documents, before anything else), while sorted bands need ``bands * 8`` bytes
per document during :meth:`DedupIndex.resolve`. The band/row split itself is datasketch's optimum
for the threshold. Each band collision is then verified by the estimated Jaccard similarity, so a
chance collision does not merge two stories.

>>> cfg = MinHashConfig()
>>> index = DedupIndex(cfg)
>>> story = "بانک مرکزی اعلام کرد نرخ سود سپرده‌های بانکی در سال جاری تغییر نمی‌کند. " * 3
>>> copies = {"a": story, "b": story.replace("\\u200c", " "), "c": story.replace("ی", "ي")}
>>> for n, (doc_id, text) in enumerate(copies.items()):
...     index.add(Candidate(doc_id, (0, n), None, len(text)), exact_key(text), signature(text, cfg))
>>> sorted((k, d.kept_id, d.kind) for k, d in index.resolve().items())
[('b', 'a', 'exact'), ('c', 'a', 'exact')]
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

from khabar._native import c_extension, reduce_by_constructor
from khabar._optional import require
from khabar.corpus.keys import canonical_lines, exact_key, spaceless

if TYPE_CHECKING:  # pragma: no cover
    from numpy import ndarray as NDArray

__all__ = [
    "Candidate",
    "Cluster",
    "DedupIndex",
    "Duplicate",
    "MinHashConfig",
    "SyndicationRow",
    "clusters_of",
    "dedup_keys",
    "exact_key",
    "signature",
    "syndication_table",
]

_MASK64 = (1 << 64) - 1

#: ``khabar._c.docscan``, whose ``minhash`` is the C twin of :func:`_minhash_py`, or ``None`` (a
#: pure install, ``KHABAR_PURE=1``, a stale build): then numpy does the work, with the same bytes
_C: Any = c_extension("khabar._c.docscan")


def _spaceless_py(text: str) -> str:
    """``text`` without its spaces: the twin of ``khabar._c.docscan.spaceless``.

    >>> _spaceless_py(" کتاب ها  را ")
    'کتابهارا'
    """
    if not isinstance(text, str):
        raise TypeError(f"spaceless: text must be a str, not {type(text).__name__}")
    return text.replace(" ", "")


#: the space-free stream's maker: one C copy of the text's kind (2.3 K characters, a space
#: every 5: str.replace takes ~14 us, searching for each space), or its twin
_without_spaces: Callable[[str], str] = _spaceless_py if _C is None else _C.spaceless


@dataclass(frozen=True, slots=True)
class MinHashConfig:
    """How near-duplicates are found.

    Attributes:
        num_perm: MinHash permutations; the signature is ``4 * num_perm`` bytes.
        shingle: characters per shingle, cut from the space-free canonical stream. 9 characters
            (about two Persian words) measured best on the syndication bench: copies that differ
            only by boilerplate stay above 0.7 and different stories on one topic stay below 0.2.
        threshold: estimated Jaccard similarity at or above which two documents are one story.
            0.7: republished copies with another agency's header/footer and lead sentence measured
            0.72 at the 1st percentile; the most similar *different* stories 0.12 at the 99th.
        bands, rows: LSH banding (``bands * rows <= num_perm``); the defaults are datasketch's
            optimum for 0.6, a little below ``threshold`` so that candidates near it are verified
            rather than never seen.
        seed: the permutation seed; every worker of a run must use the same one.
    """

    num_perm: int = 128
    shingle: int = 9
    threshold: float = 0.7
    bands: int = 18
    rows: int = 7
    seed: int = 1

    def __post_init__(self) -> None:
        if self.num_perm < 1 or self.shingle < 1 or self.bands < 1 or self.rows < 1:
            raise ValueError(
                f"MinHashConfig needs positive num_perm, shingle, bands and rows, got {self}"
            )
        if self.bands * self.rows > self.num_perm:
            raise ValueError(
                f"MinHashConfig: bands * rows = {self.bands * self.rows} exceeds num_perm = "
                f"{self.num_perm}; lower bands or rows, or raise num_perm"
            )
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"MinHashConfig.threshold must be in (0, 1], got {self.threshold}")

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return reduce_by_constructor(self)  # a compiled frozen class unpickles only this way


@dataclass(frozen=True, slots=True)
class Candidate:
    """A document offered to the index.

    ``order`` is its global first-seen position (e.g. ``(shard, record)``), the last tie-breaker;
    ``date`` an ISO date or timestamp (``"2023-10-31"``, compared as text) or ``None`` if unknown;
    ``length`` the text length in characters.
    """

    id: str
    order: tuple[Any, ...]
    date: str | None
    length: int

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return reduce_by_constructor(self)  # a compiled frozen class unpickles only this way


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Why a document is a duplicate: its cluster, the copy kept, and how close it is to it."""

    cluster_id: str
    kept_id: str
    kind: Literal["exact", "near"]
    similarity: float

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return reduce_by_constructor(self)  # a compiled frozen class unpickles only this way


@dataclass(frozen=True, slots=True)
class Cluster:
    """One story's copies: the one kept and all the others (``members`` includes the kept one)."""

    cluster_id: str
    kept_id: str
    members: tuple[str, ...]

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return reduce_by_constructor(self)  # a compiled frozen class unpickles only this way


@dataclass(frozen=True, slots=True)
class SyndicationRow:
    """``republisher`` carried ``count`` stories first (earliest/longest) seen at ``origin``."""

    origin: str
    republisher: str
    count: int

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return reduce_by_constructor(self)  # a compiled frozen class unpickles only this way


@functools.cache
def _np() -> Any:
    """numpy, imported once (``require`` raises MissingExtraError without the ``dedup`` extra)."""
    return require("numpy", extra="dedup", feature="near-duplicate detection")


@functools.cache
def _permutations(num_perm: int, seed: int) -> tuple[NDArray, NDArray]:
    """The ``affine32`` permutations ``(a, b)`` of datasketch 2 for (num_perm, seed), made once.

    The same draws as ``datasketch.MinHash(num_perm, seed, scheme="affine32").permutations``
    (odd ``a``, any ``b``, both uint32, from ``numpy.random.RandomState(seed)``); a test checks
    them against datasketch, so signatures stay comparable with earlier runs.
    """
    np = _np()
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(h: NDArray) -> NDArray:
    """MurmurHash3's 32-bit finalizer (datasketch's pre-mix of each input hash), on uint32."""
    np = _np()
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


def shingle_hashes(text: str, k: int) -> NDArray:
    """Return the sorted unique 32-bit hashes of the ``k``-character shingles of ``spaceless(text)``.

    A text shorter than ``k`` is one shingle; an empty text has none.

    >>> h = shingle_hashes("می شود", 3)
    >>> bool((h == shingle_hashes("مي‌شود", 3)).all()), len(h)
    (True, 3)
    >>> len(shingle_hashes("", 9))
    0
    """
    return _stream_hashes(spaceless(text), k)


def _stream_hashes(stream: str, k: int) -> NDArray:
    return cast("NDArray", _np().unique(_raw_stream_hashes(stream, k)))


#: the polynomial shingle hash's base (the FNV-64 prime) and its inverse modulo 2**64 (it is odd)
_PRIME = 1099511628211
_PRIME_INVERSE = pow(_PRIME, -1, 1 << 64)
#: streams up to this many characters hash by prefix sums (tables of powers of this size at most)
_MAX_PREFIX = 1 << 20


@functools.lru_cache(maxsize=8)
def _powers(size: int) -> tuple[NDArray, NDArray]:
    """``(p**t, p**-t)`` modulo 2**64 for ``t < size``, ``p`` = :data:`_PRIME` (uint64, made once
    per size; sizes are powers of two)."""
    np = _np()
    up = np.full(size, _PRIME, dtype=np.uint64)
    down = np.full(size, _PRIME_INVERSE, dtype=np.uint64)
    up[0] = down[0] = 1
    return np.cumprod(up), np.cumprod(down)  # uint64 products wrap modulo 2**64


def _raw_stream_hashes(stream: str, k: int) -> NDArray:
    """The 32-bit hash of every ``k``-character shingle of ``stream``, in order, repeats kept.

    The shingle hash is the polynomial ``c[i] p**(k-1) + ... + c[i+k-1]`` modulo 2**64, then
    murmur3's fmix64, then its high 32 bits. The polynomials of all shingles come from one prefix
    sum: with ``S[m] = c[0] p**0 + ... + c[m] p**-m`` (``p`` is odd, so ``p**-1`` exists modulo
    2**64), shingle ``i`` is ``(S[i+k-1] - S[i-1]) * p**(i+k-1)``, the same number the
    shingle-by-shingle (Horner) sum gives, in four array operations instead of ``2 k``.
    """
    np = _np()
    if not stream:
        return cast("NDArray", np.zeros(0, dtype=np.uint32))
    cps = np.frombuffer(stream.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    width = min(k, len(cps))
    n = len(cps) - width + 1
    if len(cps) <= _MAX_PREFIX:
        up, down = _powers(1 << (len(cps) - 1).bit_length())
        prefix = np.cumsum(cps * down[: len(cps)])
        h = prefix[width - 1 :].copy()
        h[1:] -= prefix[: n - 1]
        h *= up[width - 1 : width - 1 + n]
    else:  # a very long stream: Horner's rule, without tables of its length
        prime = np.uint64(_PRIME)
        h = cps[0:n].copy()
        for j in range(1, width):
            h *= prime
            h += cps[j : j + n]
    # murmur3 fmix64 spreads the polynomial's low-entropy high bits before taking 32 of them
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(33)
    return cast("NDArray", (h >> np.uint64(32)).astype(np.uint32))


def signature(text: str, config: MinHashConfig) -> bytes:
    """Return the MinHash signature of ``text``: ``config.num_perm`` little-endian uint32 values.

    The values ``datasketch.MinHash`` (scheme ``affine32``) gives for :func:`shingle_hashes`.

    >>> cfg = MinHashConfig()
    >>> len(signature("خبر", cfg)) == 4 * cfg.num_perm
    True
    >>> signature("کتاب‌ها", cfg) == signature("كتاب ها", cfg)
    True
    """
    return _signature_of_stream(spaceless(text), config)


def _signature_of_stream(stream: str, config: MinHashConfig) -> bytes:
    """datasketch's ``affine32`` MinHash of the stream's shingle hashes, computed in numpy.

    For each permutation ``(a, b)``: the minimum over the shingles of ``a * fmix32(h) + b``
    (uint32, wrapping), as ``MinHash.update_batch`` computes it; an empty stream gives
    ``0xFFFFFFFF`` everywhere. A shingle seen twice cannot change a minimum, so the hashes are
    not made unique first (``np.unique`` cost more than the repeats it saves: 2 % of a news
    article's 9-character shingles repeat).
    """
    a, b = _permutations(config.num_perm, config.seed)
    return (_minhash_py if _C is None else _C.minhash)(stream, config.shingle, a, b)


def _minhash_py(stream: str, k: int, a: NDArray, b: NDArray) -> bytes:
    """The MinHash of the ``k``-character shingles of ``stream`` under the permutations ``a``,
    ``b`` (uint32 arrays of one length), as little-endian uint32 bytes: the numpy twin of
    ``khabar._c.docscan.minhash`` (the tests hold them equal, and to datasketch).

    >>> a, b = _permutations(4, 1)
    >>> _minhash_py("", 9, a, b) == b"\\xff" * 16
    True
    """
    np = _np()
    hashes = _raw_stream_hashes(stream, k)
    if not len(hashes):
        return b"\xff\xff\xff\xff" * len(a)
    values = np.multiply.outer(a, _fmix32(hashes))  # (num_perm, shingles), wraps mod 2**32
    values += b[:, None]
    return bytes(values.min(axis=1).astype("<u4").tobytes())


def dedup_keys(text: str, config: MinHashConfig) -> tuple[str, bytes]:
    """Return ``(exact_key(text), signature(text, config))``, canonicalising the text once.

    >>> cfg = MinHashConfig()
    >>> dedup_keys("کتاب ها", cfg) == (exact_key("کتاب‌ها"), signature("کتاب‌ها", cfg))
    True
    """
    # canonical_lines: the canonical form langid, quality and site lines computed for this text
    stream = _without_spaces("".join(canonical_lines(text)))
    key = hashlib.blake2b(stream.encode("utf-8"), digest_size=16).hexdigest()
    return key, _signature_of_stream(stream, config)


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (the share of equal MinHash values).

    >>> cfg = MinHashConfig()
    >>> similarity(signature("یک خبر", cfg), signature("يك خبر", cfg))
    1.0
    """
    np = _np()
    a = np.frombuffer(sig_a, dtype="<u4")
    b = np.frombuffer(sig_b, dtype="<u4")
    if a.shape != b.shape:
        raise ValueError(
            f"signatures of different sizes ({len(a)} and {len(b)} values) were made with "
            "different MinHashConfig.num_perm; make every signature of a run with one config"
        )
    return float((a == b).mean())


class _UnionFind:
    """Disjoint sets over 0..n-1; the root of a set is always its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo


#: buckets larger than this are verified as a chain and a star, not all pairs (a bucket that size
#: is a template or an empty text; the chain still joins every verified neighbour).
_ALL_PAIRS_MAX = 24


class DedupIndex:
    """Collects (candidate, exact key, signature) for every document and resolves duplicate clusters.

    State is explicit and owned by the instance: candidates, keys and a flat signature buffer
    (``4 * num_perm`` bytes per document). :meth:`resolve` gives the same clusters and the same kept
    copy whatever order documents were added in, because it first sorts them by ``(order, id)``.
    """

    def __init__(self, config: MinHashConfig) -> None:
        self.config = config
        self._cands: list[Candidate] = []
        self._keys: list[str] = []
        self._sigs = bytearray()
        self._ids: set[str] = set()
        self._sig_size = 4 * config.num_perm

    def __len__(self) -> int:
        return len(self._cands)

    def add(self, cand: Candidate, key: str, sig: bytes) -> None:
        """Add one document; raises ``ValueError`` on a repeated id or a signature of wrong size."""
        if len(sig) != self._sig_size:
            raise ValueError(
                f"signature of {cand.id!r} has {len(sig)} bytes, expected {self._sig_size} for "
                f"num_perm={self.config.num_perm}; compute it with signature(text, config) using "
                "the index's config"
            )
        if cand.id in self._ids:
            raise ValueError(
                f"document id {cand.id!r} was added twice; ids must be unique within a dedup run "
                "(derive them from the source file and record index)"
            )
        self._ids.add(cand.id)
        self._cands.append(cand)
        self._keys.append(key)
        self._sigs += sig

    def _sorted(self) -> tuple[list[int], Any]:
        np = _np()
        perm = sorted(
            range(len(self._cands)), key=lambda i: (self._cands[i].order, self._cands[i].id)
        )
        # a view on the buffer (no copy); the fancy index below makes the one sorted copy
        sigs = np.frombuffer(self._sigs, dtype="<u4").reshape(-1, self.config.num_perm)
        return perm, sigs[np.asarray(perm, dtype=np.int64)] if perm else sigs.copy()

    def _band_pairs(self, sigs: Any) -> Any:
        """Candidate pairs (i < j, positions in sorted order) that share at least one band."""
        from khabar.corpus.dedup_buckets import band_hashes, group_pairs

        np = _np()
        n, bands = sigs.shape[0], self.config.bands
        return group_pairs(np.tile(np.arange(bands, dtype=np.int16), n),
                           band_hashes(sigs, self.config).reshape(-1),
                           np.repeat(np.arange(n, dtype=np.int64), bands))

    def resolve(self) -> dict[str, Duplicate]:
        """Return ``{id: Duplicate}`` for every document that is a copy of a kept one.

        Kept documents are not in the result. Within a cluster the kept copy is the one with the
        earliest date (documents without a date come after dated ones), then the longest, then the
        first seen (``order``), then the smallest id.
        """
        perm, sigs = self._sorted()
        n = len(perm)
        uf = _UnionFind(n)
        first_with_key: dict[str, int] = {}
        for pos, i in enumerate(perm):
            key = self._keys[i]
            if key in first_with_key:
                uf.union(first_with_key[key], pos)
            else:
                first_with_key[key] = pos
        pairs = self._band_pairs(sigs)
        for chunk in range(0, len(pairs), 65536):
            p = pairs[chunk : chunk + 65536]
            est = (sigs[p[:, 0]] == sigs[p[:, 1]]).mean(axis=1)
            for a, b in p[est >= self.config.threshold].tolist():
                uf.union(a, b)
        groups: dict[int, list[int]] = defaultdict(list)
        for pos in range(n):
            groups[uf.find(pos)].append(pos)
        out: dict[str, Duplicate] = {}
        for members in groups.values():
            if len(members) < 2:
                continue
            kept = min(members, key=lambda pos: self._rank(perm[pos]))
            kept_cand = self._cands[perm[kept]]
            kept_key = self._keys[perm[kept]]
            for pos in members:
                if pos == kept:
                    continue
                cand = self._cands[perm[pos]]
                exact = self._keys[perm[pos]] == kept_key
                sim = 1.0 if exact else float((sigs[pos] == sigs[kept]).mean())
                out[cand.id] = Duplicate(
                    cluster_id=kept_cand.id,
                    kept_id=kept_cand.id,
                    kind="exact" if exact else "near",
                    similarity=round(sim, 4),
                )
        return out

    def _rank(self, i: int) -> tuple[Any, ...]:
        c = self._cands[i]
        return (c.date is None, c.date or "", -c.length, c.order, c.id)


def clusters_of(duplicates: Mapping[str, Duplicate]) -> list[Cluster]:
    """Group :meth:`DedupIndex.resolve` output into clusters, sorted by cluster id.

    >>> d = {"b": Duplicate("a", "a", "near", 0.9), "c": Duplicate("a", "a", "exact", 1.0)}
    >>> clusters_of(d)
    [Cluster(cluster_id='a', kept_id='a', members=('a', 'b', 'c'))]
    """
    members: dict[str, set[str]] = defaultdict(set)
    kept: dict[str, str] = {}
    for doc_id, dup in duplicates.items():
        members[dup.cluster_id].update((doc_id, dup.kept_id))
        kept[dup.cluster_id] = dup.kept_id
    return [Cluster(cid, kept[cid], tuple(sorted(members[cid]))) for cid in sorted(members)]


def syndication_table(
    clusters: Iterable[Cluster], domains: Mapping[str, str]
) -> list[SyndicationRow]:
    """Count, for each (origin domain, republishing domain), the stories they share.

    The origin is the domain of the kept copy; every other member's domain is a republisher. A
    domain republishing its own story (two URLs of one site) is counted too. Documents missing from
    ``domains`` count as ``"?"``. Rows are sorted by count (descending), then by names.

    >>> cl = [Cluster("a", "a", ("a", "b", "c")), Cluster("d", "d", ("d", "e"))]
    >>> dom = {"a": "irna.ir", "b": "isna.ir", "c": "mehrnews.com", "d": "irna.ir", "e": "isna.ir"}
    >>> syndication_table(cl, dom)[0]
    SyndicationRow(origin='irna.ir', republisher='isna.ir', count=2)
    """
    counts: Counter[tuple[str, str]] = Counter()
    for cl in clusters:
        origin = domains.get(cl.kept_id, "?")
        for member in cl.members:
            if member != cl.kept_id:
                counts[(origin, domains.get(member, "?"))] += 1
    return [
        SyndicationRow(o, r, c)
        for (o, r), c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
