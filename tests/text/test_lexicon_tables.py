"""The ZWNJ engine's tables that the lexicon cache file keeps with the shipped lexicon
(:attr:`Lexicon.derived`, :data:`khabar.text.zwnj.tables.CACHED_TABLES`): read from the file,
they equal the tables made anew from the lexicon, with user word files too; a file written by
other table code is rebuilt, never used."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from khabar.text import lexicon_cache as lc
from khabar.text.fix import fix
from khabar.text.lexicon import SHIPPED_FILES, TABLE_SOURCES, Lexicon, forms_with_zwnj
from khabar.text.zwnj import tables
from khabar.text.zwnj.constants import TAIL_KEY
from khabar.text.zwnj.repairer import ZwnjRepairer
from khabar.text.zwnj.twins import _tail_index

Z = "\u200c"
NAMES = ["zwnj_forms", "glued_ends", "two_letter_tails"]


def _sources() -> dict[str, bytes]:
    package = resources.files("khabar")
    data = {name: (package / "data" / "lexicon" / name).read_bytes() for name in SHIPPED_FILES}
    code = {name: (package / "text" / name).read_bytes() for name in ("lexicon.py", *TABLE_SOURCES)}
    return {**data, **code}


def _fresh_tables(lex: Lexicon) -> dict[str, Any]:
    """The tables made from ``lex``'s forms and counts by the functions themselves (no memo,
    no cache)."""
    with_zwnj = forms_with_zwnj(lex.forms)
    ends = _tail_index(lex.forms, TAIL_KEY)
    return {
        "zwnj_forms": with_zwnj,
        "glued_ends": ends,
        "two_letter_tails": tables.two_letter_tails(lex, with_zwnj, ends),
    }


def _exactly(tabs: dict[str, Any]) -> list[tuple[str, type, Any]]:
    """Each table with its type, dicts as their items in order (the index's order is the
    order its buckets are read in)."""
    return [
        (name, type(t), list(t.items()) if isinstance(t, dict) else t)
        for name, t in tabs.items()
    ]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(folder))
    yield folder


@pytest.fixture(scope="module")
def uncached() -> Lexicon:
    """The shipped lexicon built from its files, no table made yet."""
    data = _sources()
    return Lexicon._build_shipped({name: data[name] for name in SHIPPED_FILES})


def test_tables_read_from_the_cache_equal_the_tables_made_anew(
    cache: Path, uncached: Lexicon
) -> None:
    assert uncached.derived == {}  # a build makes no table before it is asked for
    Lexicon.load()  # builds the lexicon and its tables, writes the file
    lex = Lexicon.load()  # from the file
    assert list(lex.derived) == NAMES  # there before any use
    assert _exactly(lex.derived) == _exactly(_fresh_tables(uncached))
    # the engine reads them from the lexicon, not anew
    assert tables.zwnj_forms(lex) is lex.derived["zwnj_forms"]
    assert tables.glued_ends(lex) is lex.derived["glued_ends"]
    assert tables.compound_two_letter_tails(lex) is lex.derived["two_letter_tails"]
    # by hand: compound tails, no bound suffix («ها»), no word ending («تا» of «دوتا»)
    tails = lex.derived["two_letter_tails"]
    assert {"زا", "جو", "گو", "زن"} <= tails and not {"ها", "تا"} & tails
    assert "دانشگاه" in lex.derived["glued_ends"]["گاه"]
    assert f"می{Z}شود" in lex.derived["zwnj_forms"]
    # read as references into the forms: one string object each, not a copy
    form = lex.derived["zwnj_forms"][0]
    key = form.replace(Z, "").replace(" ", "")
    assert any(f is form for f in lex.forms[key])


#: user entries: forms with a ZWNJ (one in a two-letter tail), a word kept glued, a pair kept
#: apart. Were any table made from user entries, the first two would change it.
USER_WORDS = f"بی{Z}نیوز\nسیب{Z}زا\nمیروسلاو\nبه منظور\n"


def test_user_word_files_keep_the_cached_tables_right(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = tmp_path / "words.txt"
    words.write_text(USER_WORDS, encoding="utf-8")
    Lexicon.load()  # the cache file, with the tables
    cached = Lexicon.load(extra=[words])
    assert list(cached.derived) == NAMES and cached.forced["بینیوز"] == f"بی{Z}نیوز"
    monkeypatch.setenv("KHABAR_CACHE_DIR", "")  # no cache: the user lexicon made anew
    built = Lexicon.load(extra=[words])
    assert built.derived == {}
    assert _exactly(cached.derived) == _exactly(_fresh_tables(built))
    # the repairs with the user file alike, from the cache or not (checked by hand: the user's
    # «بی‌نیوز», the compound tail «زا» after a known word, «به منظور» kept apart)
    text = "خبرگزاری بینیوز گفت سیبزا و آتشزا به منظور کتابها میباشد"
    expected = f"خبرگزاری بی{Z}نیوز گفت سیب{Z}زا و آتش{Z}زا به منظور کتاب{Z}ها می{Z}باشد"
    for lex in (cached, built):
        assert fix(text, repairer=ZwnjRepairer(lex)) == expected
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(cache))
    assert fix(text, words=(str(words),)) == expected  # FixPolicy.words: the cached lexicon


def test_a_file_written_by_other_table_code_is_rebuilt_not_used(
    cache: Path, uncached: Lexicon
) -> None:
    # a file written before tables.py changed: its key is the old sources', and its tables
    # are not what this code makes
    old = {**_sources(), "zwnj/tables.py": b"# the old code\n"}
    stale = Lexicon._build_shipped({name: old[name] for name in SHIPPED_FILES})
    stale.derived.update(zwnj_forms=[], glued_ends={}, two_letter_tails=frozenset({"ها"}))
    cache.mkdir()
    assert lc.write(cache / lc.FILE, lc.dump(stale, lc.cache_key(old)))
    lex = Lexicon.load()
    assert _exactly(lex.derived) == _exactly(_fresh_tables(uncached))
    data = (cache / lc.FILE).read_bytes()
    assert data[len(lc.FORMAT) : len(lc.FORMAT) + 32] == lc.cache_key(_sources())  # rewritten
    assert _exactly(Lexicon.load().derived) == _exactly(_fresh_tables(uncached))


def test_the_tables_follow_the_counts() -> None:
    lex = Lexicon.from_counts({f"آتش{Z}زا": 1, "آتش": 2})
    assert tables.zwnj_forms(lex) == [f"آتش{Z}زا"]
    assert tables.glued_ends(lex) == {}
    lex._add_all({"دانشگاه": 3})  # new forms: the tables made before are dropped
    assert lex.derived == {}
    assert tables.glued_ends(lex) == {"گاه": ["دانشگاه"]}
    # a memo of the counts: two lexicons of the same counts are equal, made tables or not
    assert Lexicon.from_counts({"آتش": 2}) == Lexicon.from_counts({"آتش": 2}).with_tables()
