"""wordfreq's Persian list as build-time evidence (session 16, zq16w; bench/zwnj/quality16w.md).

``scripts/build_lexicon.py --wordfreq-dir`` reads wordfreq 3.1.1's ``small_fa.msgpack.gz``
(CC BY-SA 4.0) at build time only. It adds ZWNJ words no other source wrote to
``zwnj_word_lists.tsv`` (selected as hazm's are). Every expected value below was reasoned by
hand.
"""

from __future__ import annotations

import gzip
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from khabar.text.lexicon import Lexicon
from khabar.text.zwnj import ZwnjRepairer

ROOT = Path(__file__).resolve().parents[2]
Z = "\u200c"


def _build_module():  # scripts/ is not a package: load the script by path
    spec = importlib.util.spec_from_file_location(
        "build_lexicon", ROOT / "scripts" / "build_lexicon.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wordfreq_folder(root: Path, version: str, pack: list[object]) -> Path:
    """A toy ``site-packages/wordfreq/data`` with a Persian cBpack and a dist-info."""
    msgpack = pytest.importorskip("msgpack")
    site = root / "site-packages"
    data = site / "wordfreq" / "data"
    data.mkdir(parents=True)
    (site / f"wordfreq-{version}.dist-info").mkdir()
    (site / f"wordfreq-{version}.dist-info" / "METADATA").write_text(
        f"Name: wordfreq\nVersion: {version}\n", encoding="utf-8"
    )
    with gzip.open(data / "small_fa.msgpack.gz", "wb") as handle:
        handle.write(msgpack.packb(pack, use_bin_type=True))
    return data


HEADER = {"format": "cB", "version": 1}


def test_check_wordfreq_dir_wants_the_persian_list_of_3_1_1(tmp_path: Path) -> None:
    build = _build_module()
    assert "small_fa.msgpack.gz" in build.check_wordfreq_dir(tmp_path)
    old = _wordfreq_folder(tmp_path / "old", "3.0.2", [HEADER, ["و"]])
    assert "wordfreq 3.0.2" in build.check_wordfreq_dir(old)
    assert build.check_wordfreq_dir(_wordfreq_folder(tmp_path / "ok", "3.1.1", [HEADER])) is None


def test_wordfreq_words_fold_and_add_up_by_bucket(tmp_path: Path) -> None:
    build = _build_module()
    # bucket i (after the header) holds the words of frequency 10 ** (-i / 100)
    pack = [HEADER, ["و"], [], ["كتاب", "کتاب"]]
    freq = build.wordfreq_words(_wordfreq_folder(tmp_path, "3.1.1", pack))
    assert list(freq) == ["و", "کتاب"]  # most frequent first; ك folded, so the two add up
    assert freq["و"] == 1.0
    assert freq["کتاب"] == pytest.approx(2 * 10**-0.02)


def test_wordfreq_words_refuse_another_format(tmp_path: Path) -> None:
    build = _build_module()
    folder = _wordfreq_folder(tmp_path, "3.1.1", [{"format": "cB", "version": 2}, ["و"]])
    with pytest.raises(ValueError, match="not a cBpack"):
        build.wordfreq_words(folder)


def test_zwnj_word_counts_take_wordfreq_frequencies() -> None:
    """The hazm rules on frequencies: a word the list writes glued more often is left out."""
    build = _build_module()
    train = Counter({"کلاه": 4, "قرمزی": 2, "پنج": 3, "شیر": 2})
    freq = {
        f"کلاه{Z}قرمزی": 4e-6,  # kept, with its spaced pair
        "کلاهقرمزی": 1e-6,
        f"پنج{Z}شیر": 1e-6,  # left out: «پنجشیر» is more frequent
        "پنجشیر": 9e-6,
    }
    out, dropped = build.zwnj_word_counts(freq, set(), set(), train, set())
    assert dict(out) == {f"کلاه{Z}قرمزی": 1, "کلاه قرمزی": 1}
    assert dict(dropped) == {"glued more often": 1}


#: ZWNJ words from wordfreq's list (no other source wrote them), each read by hand.
LIST_ROWS = [
    ("کلاهقرمزی", f"کلاه{Z}قرمزی", "the puppet Kolah Ghermezi"),
    ("اژهای", f"اژه{Z}ای", "Aegean (اژه + ای)"),
    ("خونآشامها", f"خون{Z}آشام{Z}ها", "vampires"),
    # as the list writes it: «ها» after «ر», which joins no letter, needs no ZWNJ
    ("نرمافزارها", f"نرم{Z}افزارها", "software (plural)"),
    # must not change
    ("کلاه قرمزی بود", "کلاه قرمزی بود", "a line that keeps compounds apart"),
    ("پنجشیر", "پنجشیر", "Panjshir: glued in every source"),
]


@pytest.mark.parametrize(("text", "expected", "why"), LIST_ROWS)
def test_wordfreq_zwnj_words_decide_unseen_compounds(text: str, expected: str, why: str) -> None:
    assert ZwnjRepairer(Lexicon.load()).repair(text) == expected, why
