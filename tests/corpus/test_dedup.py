"""Exact + near dedup: damaged copies cluster, other stories do not, resolve() is order-free."""

from __future__ import annotations

import pickle
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("datasketch")
pytest.importorskip("numpy")

from khabar.corpus.dedup import (
    Candidate,
    Cluster,
    DedupIndex,
    Duplicate,
    MinHashConfig,
    SyndicationRow,
    clusters_of,
    signature,
    similarity,
    syndication_table,
)
from khabar.corpus.keys import exact_key

ZWNJ = "\u200c"
CFG = MinHashConfig()


@pytest.fixture(scope="module")
def story(fixtures) -> str:
    return (fixtures / "corpus" / "metro_a.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def other(fixtures) -> str:
    return (fixtures / "corpus" / "metro_b.txt").read_text(encoding="utf-8")


def republished(text: str) -> dict[str, str]:
    """The ways an agency's copy of ``text`` differs from it."""
    lines = text.split("\n")
    return {
        "zwnj_stripped": text.replace(ZWNJ, ""),
        "zwnj_spaced": text.replace(ZWNJ, " "),
        "arabic": text.replace("ی", "ي").replace("ک", "ك"),
        # another agency's header and footer: a near, not exact, copy
        "boilerplate": "به گزارش ایسنا،\n" + text + "\nانتهای پیام/\nکد خبر: ۸۸۲۳۱",
        "syndicated": "به گزارش ایسنا،\n"
        + "\n".join(lines).replace(ZWNJ, " ").replace("ی", "ي")
        + "\nانتهای پیام/",
    }


def add_all(
    index: DedupIndex,
    docs: dict[str, str],
    dates: dict[str, str | None] | None = None,
    order: list[str] | None = None,
) -> None:
    names = list(docs)
    for name in order or names:
        text = docs[name]
        index.add(
            Candidate(name, (names.index(name),), (dates or {}).get(name), len(text)),
            exact_key(text),
            signature(text, CFG),
        )


def test_signature_is_compact_bytes(story: str) -> None:
    sig = signature(story, CFG)
    assert isinstance(sig, bytes) and len(sig) == 4 * CFG.num_perm
    assert pickle.loads(pickle.dumps(sig)) == sig


@pytest.mark.parametrize("variant", ["zwnj_stripped", "zwnj_spaced", "arabic"])
def test_damaged_copies_have_identical_signatures(story: str, variant: str) -> None:
    assert similarity(signature(story, CFG), signature(republished(story)[variant], CFG)) == 1.0


def test_near_dup_catches_copies_and_not_other_story(story: str, other: str) -> None:
    docs = {"original": story, **republished(story), "other": other}
    index = DedupIndex(CFG)
    # the original was published first; undated copies come after it
    add_all(index, docs, dates={"original": "2023-10-01", "boilerplate": "2023-10-02"})
    dups = index.resolve()
    assert set(dups) == {"zwnj_stripped", "zwnj_spaced", "arabic", "boilerplate", "syndicated"}
    assert {d.kept_id for d in dups.values()} == {"original"}
    # spacing and letter damage leave the exact key unchanged; boilerplate does not
    assert dups["zwnj_spaced"].kind == "exact" and dups["arabic"].kind == "exact"
    assert dups["boilerplate"].kind == "near" and dups["syndicated"].kind == "near"
    assert CFG.threshold <= dups["boilerplate"].similarity < 1.0
    assert "other" not in dups and "original" not in dups


def test_other_story_on_same_topic_is_far(story: str, other: str) -> None:
    assert similarity(signature(story, CFG), signature(other, CFG)) < 0.2


def test_kept_copy_earliest_date_then_longest_then_first_seen() -> None:
    base = "خبر مهم امروز درباره بارش باران در استان گیلان و هشدار هواشناسی به شهروندان. " * 4
    docs = {"late": base, "early": base.replace(ZWNJ, " "), "nodate": base + " تکمیلی"}
    index = DedupIndex(CFG)
    add_all(index, docs, dates={"late": "2023-10-02", "early": "2023-10-01", "nodate": None})
    dups = index.resolve()
    assert {k: d.kept_id for k, d in dups.items()} == {"late": "early", "nodate": "early"}
    # without dates: the longest is kept
    index = DedupIndex(CFG)
    add_all(index, docs)
    assert {d.kept_id for d in index.resolve().values()} == {"nodate"}
    # same date and length: the first seen is kept
    index = DedupIndex(CFG)
    add_all(index, {"first": base, "second": base})
    assert index.resolve() == {"second": Duplicate("first", "first", "exact", 1.0)}


def test_resolve_is_deterministic_under_shuffled_insertion(story: str, other: str) -> None:
    docs = {
        "original": story,
        **republished(story),
        "other": other,
        **{f"other_{k}": v for k, v in republished(other).items()},
    }
    expected = None
    for seed in range(6):
        order = list(docs)
        random.Random(seed).shuffle(order)
        index = DedupIndex(CFG)
        add_all(index, docs, order=order)
        got = index.resolve()
        if expected is None:
            expected = got
        assert got == expected
    assert expected is not None
    # no dates: the longest copy of each story is kept: the one with header and two-line footer
    assert {d.kept_id for d in expected.values()} == {"boilerplate", "other_boilerplate"}


def test_empty_index_and_singletons() -> None:
    assert DedupIndex(CFG).resolve() == {}
    index = DedupIndex(CFG)
    add_all(index, {"a": "یک خبر کوتاه", "b": "خبری دیگر درباره ورزش"})
    assert index.resolve() == {}


def test_add_rejects_repeated_id_and_wrong_signature() -> None:
    index = DedupIndex(CFG)
    index.add(Candidate("a", (0,), None, 3), exact_key("abc"), signature("abc", CFG))
    with pytest.raises(ValueError, match="added twice"):
        index.add(Candidate("a", (1,), None, 3), exact_key("abc"), signature("abc", CFG))
    with pytest.raises(ValueError, match="expected 512"):
        index.add(Candidate("b", (2,), None, 3), exact_key("abc"), b"\0" * 16)


@pytest.mark.parametrize(
    "kwargs", [{"bands": 20, "rows": 7}, {"num_perm": 0}, {"threshold": 0.0}, {"shingle": 0}]
)
def test_config_rejects_bad_values(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        MinHashConfig(**kwargs)  # type: ignore[arg-type]


def test_clusters_and_syndication_table() -> None:
    dups = {
        "b": Duplicate("a", "a", "near", 0.9),
        "c": Duplicate("a", "a", "exact", 1.0),
        "e": Duplicate("d", "d", "near", 0.8),
    }
    clusters = clusters_of(dups)
    assert clusters == [Cluster("a", "a", ("a", "b", "c")), Cluster("d", "d", ("d", "e"))]
    domains = {"a": "irna.ir", "b": "isna.ir", "c": "isna.ir", "d": "isna.ir", "e": "irna.ir"}
    assert syndication_table(clusters, domains) == [
        SyndicationRow("irna.ir", "isna.ir", 2),
        SyndicationRow("isna.ir", "irna.ir", 1),
    ]
    assert syndication_table(clusters, {}) == [SyndicationRow("?", "?", 3)]


@pytest.mark.shared
def test_real_articles_damaged_copies_cluster_and_articles_stay_apart(shared) -> None:
    import json

    path = shared / "data" / "farsnews_varzesh3_json" / "fars-news-1.docs.jsonl"
    articles = []
    for line in path.open(encoding="utf-8"):
        d = json.loads(line)
        if len(d["body"]) > 1500:
            articles.append((f"fars-{d['idx']}", d["title"] + "\n" + d["body"]))
        if len(articles) == 40:
            break
    index = DedupIndex(CFG)
    docs: dict[str, str] = {}
    for aid, text in articles:
        docs[aid] = text
        for variant, copy in republished(text).items():
            docs[f"{aid}~{variant}"] = copy
    for n, (doc_id, text) in enumerate(docs.items()):
        date = "2008-01-01" if "~" not in doc_id else "2008-01-02"
        index.add(Candidate(doc_id, (n,), date, len(text)), exact_key(text), signature(text, CFG))
    dups = index.resolve()
    # every copy points at its own article, and no article is a copy of another
    assert {k: d.kept_id for k, d in dups.items()} == {
        doc_id: doc_id.split("~")[0] for doc_id in docs if "~" in doc_id
    }


def _shingle_hash_by_hand(window: str) -> int:
    """The shingle hash as its docstring defines it, in plain integers."""
    mask = (1 << 64) - 1
    h = 0
    for ch in window:
        h = (h * 1099511628211 + ord(ch)) & mask
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & mask
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & mask
    h ^= h >> 33
    return h >> 32


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.sampled_from([1, 3, 9]))
def test_shingle_hashes_by_prefix_sums_equal_the_polynomial(stream: str, k: int) -> None:
    # _raw_stream_hashes takes every shingle's polynomial from one prefix sum of c * p**-t
    from khabar.corpus.dedup import _raw_stream_hashes

    width = min(k, len(stream))
    expected = [_shingle_hash_by_hand(stream[i : i + width])
                for i in range(len(stream) - width + 1)] if stream else []
    assert _raw_stream_hashes(stream, k).tolist() == expected
