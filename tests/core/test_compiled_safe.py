"""What the news, corpus and pipeline modules must keep when mypyc compiles them.

The same tests run against the pure sources and against a compiled build (``make build``), and
must pass both ways:

- records that cross processes or are written by a reduce pickle and unpickle to an equal value
  (a compiled frozen dataclass cannot be unpickled attribute by attribute: these classes pickle
  by their constructor);
- a word-final Greek capital sigma lowercases to «ς», as Python's ``str.lower`` does (mypyc's
  compiled ``s.lower()`` gives «σ»; the folding helpers call CPython's method by name).
"""

from __future__ import annotations

import pickle

import pytest

from khabar.corpus.dedup import Candidate, Cluster, Duplicate, MinHashConfig, SyndicationRow
from khabar.corpus.keys import canonical, canonical_lines
from khabar.corpus.quality import QualityConfig
from khabar.news._fold import fold, fold_lines, fold_spaced
from khabar.news.boilerplate import BoilerplateConfig
from khabar.news.gazetteer import name_key
from khabar.pipeline import Segment


@pytest.mark.parametrize("record", [
    Segment("sitelines", ("structure", "quality"), "dedup"),
    Segment(None, (), None),
    MinHashConfig(num_perm=64, shingle=5, threshold=0.8, bands=8, rows=8, seed=3),
    Candidate("d1", (0, 7), "2023-10-31", 4200),
    Candidate("d2", (1, 0), None, 0),
    Duplicate("c1", "d1", "near", 0.82),
    Cluster("c1", "d1", ("d1", "d2")),
    SyndicationRow("irna.ir", "site0.example", 12),
    QualityConfig(min_words=10, max_digit_ratio=0.5),
    BoilerplateConfig(title_window=2, phrases="/tmp/phrases.tsv"),
])
def test_pickles_to_an_equal_record(record: object) -> None:
    back = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == record
    assert type(back) is type(record)


#: a Persian line long enough (256+ characters) for the numpy paths of fold_lines and
#: canonical_lines; the Greek line after it goes through the same call
_LONG = "خبرگزاری ایرنا امروز گزارش داد که نشست وزیران در تهران برگزار شد. " * 5


@pytest.mark.parametrize(("fn", "text", "expected"), [
    # Σ ends the word: ς; Σ opens one: σ
    (canonical, "ΟΔΟΣ ΣΟΦΙΑ", "οδος σοφια"),
    (fold_spaced, "ΟΔΟΣ ΣΟΦΙΑ", "οδος σοφια"),
    (name_key, "ΟΔΟΣ", "οδος"),
    (fold, "ΑΣ", "ας"),
    # fold removes the space first: the first Σ is followed by a letter, so it is not final
    (fold, "ΟΔΟΣ ΣΟΦΙΑ", "οδοσσοφια"),
    # a lone capital sigma is no word's end: σ (must not change)
    (fold, "Σ", "σ"),
])
def test_final_sigma(fn, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert fn(text) == expected


def test_final_sigma_in_lines_short_and_long() -> None:
    assert fold_lines("ΟΔΟΣ\nΑΣ") == ["οδος", "ας"]
    assert fold_lines(_LONG + "\nΟΔΟΣ ΣΟΦΙΑ")[-1] == "οδοσσοφια"
    assert fold_lines(_LONG + "\nΑΣ")[-1] == "ας"
    assert canonical_lines("ΟΔΟΣ ΣΟΦΙΑ\nΑΣ") == ("οδος σοφια", "ας")
    assert canonical_lines(_LONG + "\nΟΔΟΣ ΣΟΦΙΑ")[-1] == "οδος σοφια"
