"""The partitioned dedup reduce (map -> hash buckets -> combine) decides exactly what the
in-memory DedupIndex decides, for any number of shards and buckets."""

from __future__ import annotations

import random

import pytest

from khabar.corpus.dedup import Candidate, DedupIndex, MinHashConfig, dedup_keys
from khabar.document import Document
from khabar.steps.corpus import DedupStep

pytest.importorskip("numpy")

_SENTENCES = ("بانک مرکزی اعلام کرد نرخ سود سپرده‌های بانکی در سال جاری تغییر نمی‌کند و دولت "
              "برنامه‌ای تازه برای مهار تورم دارد وزیر اقتصاد گفت بازار ارز آرام است مجلس طرح "
              "مالیات بر خانه‌های خالی را تصویب کرد شهرداری تهران از ساخت خط جدید مترو خبر داد")
WORDS = _SENTENCES.split()


def _story(rng: random.Random, n: int = 80) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _damage(rng: random.Random, text: str) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return text.replace("\u200c", "")
    if kind == 1:
        return text.replace("ی", "ي").replace("ک", "ك")
    if kind == 2:  # a near copy: another agency's header and a word changed
        words = text.split()
        words[rng.randrange(len(words))] = "خبرگزاری"
        return "به گزارش خبرگزاری ایسنا " + " ".join(words)
    return text


def _corpus(seed: int) -> list[tuple[int, str, str | None]]:
    """(shard, text, date) for stories with exact, letter-variant and near copies, a template
    repeated 30 times (a band group larger than the all-pairs limit) and unrelated singletons."""
    rng = random.Random(seed)
    docs: list[tuple[int, str, str | None]] = []
    shards = 5
    for _ in range(40):
        story = _story(rng)
        for _ in range(rng.choice([1, 1, 2, 3, 5])):
            date = rng.choice([None, "2024-01-02", "2023-12-30", "2024-03-01"])
            docs.append((rng.randrange(shards), _damage(rng, story), date))
    template = _story(rng, 60)
    for i in range(30):
        docs.append((rng.randrange(shards), template + f" شماره {i % 3}", None))
    rng.shuffle(docs)
    return docs


def _documents(corpus: list[tuple[int, str, str | None]]) -> dict[int, list[Document]]:
    by_shard: dict[int, list[Document]] = {}
    for shard, text, date in corpus:
        seq = len(by_shard.get(shard, []))
        doc = Document(id=f"d{shard}-{seq}", text=text, order=(shard << 32) | seq)
        if date:
            doc.meta["published"] = date
        by_shard.setdefault(shard, []).append(doc)
    return by_shard


def _expected(by_shard: dict[int, list[Document]], cfg: MinHashConfig) -> dict[str, tuple]:
    """{doc id: (kept doc id, kind, similarity)} from the in-memory index."""
    index = DedupIndex(cfg)
    ids = {}
    for docs in by_shard.values():
        for d in docs:
            key, sig = dedup_keys(d.text, cfg)
            index.add(Candidate(str(d.order), (d.order,), d.meta.get("published"), len(d.text)),
                      key, sig)
            ids[str(d.order)] = d.id
    return {ids[k]: (ids[v.kept_id], v.kind, v.similarity) for k, v in index.resolve().items()}


@pytest.mark.parametrize(("seed", "buckets"), [(1, 1), (1, 4), (2, 7), (3, 16)])
def test_partitioned_reduce_equals_in_memory_index(seed: int, buckets: int, tmp_path) -> None:
    cfg = MinHashConfig()
    by_shard = _documents(_corpus(seed))
    expected = _expected(by_shard, cfg)
    assert len(expected) > 40  # the corpus really has duplicates, exact and near
    assert {kind for _, kind, _ in expected.values()} == {"exact", "near"}

    states = []
    n_shards = max(by_shard) + 1
    for shard in range(n_shards):
        step = DedupStep(cfg)
        for d in by_shard.get(shard, []):
            step.observe(d)
        states.append(step.state())
    decisions = DedupStep(cfg).reduce(states, tmp_path, buckets=buckets)

    got: dict[str, tuple] = {}
    kept_marked: set[str] = set()
    for shard, docs in by_shard.items():
        step = DedupStep(cfg)
        for d in docs:
            step.apply(d, decisions[shard])
            if d.dropped:
                got[d.id] = (d.meta["dup_of"], d.drop_reason.removeprefix("duplicate_"),
                             d.meta["dup_similarity"])
            elif "dup_cluster" in d.meta:
                assert d.meta["dup_cluster"] == d.id  # a kept copy names its own cluster
                kept_marked.add(d.id)
    assert got == expected
    assert kept_marked == {kept for kept, _, _ in expected.values()}


def test_empty_shards_and_no_duplicates(tmp_path) -> None:
    cfg = MinHashConfig()
    step = DedupStep(cfg)
    rng = random.Random(9)
    for i in range(5):
        step.observe(Document(id=f"x{i}", text=_story(rng), order=i))
    decisions = DedupStep(cfg).reduce([DedupStep(cfg).state(), step.state()], tmp_path, buckets=3)
    assert decisions == {0: None, 1: None}


def test_side_files_on_an_object_store_give_the_same_decision(tmp_path) -> None:
    """Side files under a URL (fsspec's in-process memory store standing in for S3) are read by
    position without memory-mapping, and the decision is the same as from a local folder."""
    pytest.importorskip("fsspec")
    from khabar.steps.base import SideFiles

    cfg = MinHashConfig()
    by_shard = _documents(_corpus(5))
    states = []
    for shard in range(max(by_shard) + 1):
        step = DedupStep(cfg)
        for d in by_shard.get(shard, []):
            step.observe(d)
        states.append(step.state())
    remote = SideFiles("memory://khabar-test-side/run")
    assert remote.local("x") is None
    local = DedupStep(cfg).reduce(states, tmp_path, buckets=3)
    assert DedupStep(cfg).reduce(states, remote, buckets=3) == local
