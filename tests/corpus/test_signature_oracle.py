"""The numpy MinHash gives datasketch's ``affine32`` signature, byte for byte (datasketch is the oracle).

Signatures are written into work files and compared across runs and versions, so the fast path
must not change one byte of them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

datasketch = pytest.importorskip("datasketch")
np = pytest.importorskip("numpy")

from khabar.corpus.dedup import (
    MinHashConfig,
    _permutations,
    dedup_keys,
    shingle_hashes,
    signature,
)
from khabar.corpus.keys import exact_key, spaceless

CONFIGS = [
    MinHashConfig(),
    MinHashConfig(num_perm=16, shingle=3, bands=4, rows=4, seed=5),
    MinHashConfig(num_perm=256, shingle=1, bands=32, rows=8, seed=123),
]


def oracle(text: str, config: MinHashConfig) -> bytes:
    """The signature as datasketch computes it: MinHash.update_batch over the shingle hashes."""
    mh = datasketch.MinHash(
        num_perm=config.num_perm, seed=config.seed, hashfunc=lambda v: v, scheme="affine32"
    )
    hashes = shingle_hashes(text, config.shingle)
    if len(hashes):
        mh.update_batch(hashes.tolist())
    return np.asarray(mh.hashvalues, dtype="<u4").tobytes()


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: f"{c.num_perm}x{c.shingle}")
def test_permutations_are_datasketchs(config: MinHashConfig) -> None:
    a, b = _permutations(config.num_perm, config.seed)
    ds_a, ds_b = datasketch.MinHash(
        num_perm=config.num_perm, seed=config.seed, scheme="affine32"
    ).permutations
    assert a.dtype == ds_a.dtype == np.uint32
    assert (a == ds_a).all() and (b == ds_b).all()


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: f"{c.num_perm}x{c.shingle}")
@pytest.mark.parametrize(
    "text",
    [
        "",  # no shingle: every value stays at the maximum
        " \u200c\n\t!؟",  # nothing survives canonicalisation
        "خبر",  # shorter than the shingle: one shingle
        "خبر خبر خبر خبر خبر خبر",  # the same shingles repeated
        "بانک مرکزی اعلام کرد نرخ سود سپرده‌های بانکی در سال جاری تغییر نمی‌کند.",
        "ﺑﺎﻧﻚ Bank ۱۲۳ 😀",  # presentation forms, Latin, digits, emoji (astral)
    ],
)
def test_signature_matches_datasketch(text: str, config: MinHashConfig) -> None:
    assert signature(text, config) == oracle(text, config)


def test_empty_signature_is_all_max() -> None:
    assert signature("", MinHashConfig()) == b"\xff" * 4 * 128


def test_fixture_articles_match_datasketch(fixtures) -> None:
    for path in sorted((fixtures / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for config in CONFIGS:
            assert signature(text, config) == oracle(text, config), path.name


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_matches_datasketch(text: str) -> None:
    assert signature(text, CONFIGS[1]) == oracle(text, CONFIGS[1])


def test_dedup_keys_is_key_and_signature() -> None:
    text = "کتاب‌ها را نمی خوانم\nانتهای پیام/"
    key, sig = dedup_keys(text, CONFIGS[0])
    assert key == exact_key(text) and sig == signature(text, CONFIGS[0]) == oracle(text, CONFIGS[0])
    assert spaceless(text) == "کتابهارانمیخوانمانتهایپیام"
