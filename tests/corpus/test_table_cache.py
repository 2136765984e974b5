"""khabar.corpus.table_cache: the per-code-point tables read from a file are the tables built,
and a cache that is missing, stale, corrupt or not writable never changes a result or raises."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")

from khabar.corpus import keys, langid, quality, table_cache
from khabar.news import _fold


def _calls(log: list[str], value: bytes):
    def build() -> bytes:
        log.append("built")
        return value

    return build


def test_a_table_is_built_once_then_read(tmp_path: Path) -> None:
    log: list[str] = []
    assert table_cache.cached_bytes("t", [b"src"], _calls(log, b"\x00\x01table"), tmp_path) == (
        b"\x00\x01table")
    assert table_cache.cached_bytes("t", [b"src"], _calls(log, b"other"), tmp_path) == (
        b"\x00\x01table")
    assert log == ["built"]
    assert [p.name for p in tmp_path.iterdir()] == ["table-t.bin"]
    assert oct((tmp_path / "table-t.bin").stat().st_mode & 0o777) == "0o600"


def test_another_source_or_name_builds_again(tmp_path: Path) -> None:
    log: list[str] = []
    table_cache.cached_bytes("t", [b"v1"], _calls(log, b"one"), tmp_path)
    assert table_cache.cached_bytes("t", [b"v2"], _calls(log, b"two"), tmp_path) == b"two"
    assert table_cache.cached_bytes("t", [b"v2"], _calls(log, b"three"), tmp_path) == b"two"
    assert table_cache.cached_bytes("u", [b"v2"], _calls(log, b"four"), tmp_path) == b"four"
    assert log == ["built"] * 3


def test_the_key_holds_the_unicode_version_and_the_parts() -> None:
    key = table_cache.table_key("t", [b"a"])
    assert key == table_cache.table_key("t", [b"a"])
    assert key != table_cache.table_key("t", [b"b"])
    assert key != table_cache.table_key("t", [b"a", b""])
    assert key != table_cache.table_key("s", [b"a"])
    assert unicodedata.unidata_version  # part of every key (a new Unicode rebuilds the tables)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # truncated
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # a flipped bit: the CRC differs
        lambda data: b"",
        lambda data: b"not a table file at all, but long enough to hold a header and more",
        lambda data: data.replace(table_cache.FORMAT, b"khabar-table-cache 0\n"),
    ],
)
def test_a_damaged_file_is_built_again_and_rewritten(tmp_path: Path, damage) -> None:
    log: list[str] = []
    table_cache.cached_bytes("t", [b"src"], _calls(log, b"payload"), tmp_path)
    path = tmp_path / "table-t.bin"
    path.write_bytes(damage(path.read_bytes()))
    assert table_cache.cached_bytes("t", [b"src"], _calls(log, b"payload"), tmp_path) == b"payload"
    assert table_cache.cached_bytes("t", [b"src"], _calls(log, b"x"), tmp_path) == b"payload"
    assert log == ["built", "built"]


def test_no_cache_or_an_unwritable_one_builds_without_an_error(tmp_path: Path) -> None:
    log: list[str] = []
    assert table_cache.cached_bytes("t", [b"s"], _calls(log, b"a"), None) == b"a"
    missing = tmp_path / "no" / "such" / "folder"  # its parent is not created
    assert table_cache.cached_bytes("t", [b"s"], _calls(log, b"b"), missing) == b"b"
    assert not missing.exists()
    if os.geteuid() != 0:  # root writes a read-only folder anyway
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert table_cache.cached_bytes("t", [b"s"], _calls(log, b"c"), locked) == b"c"
    assert log[:2] == ["built", "built"]


def test_an_empty_cache_dir_turns_the_cache_off(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KHABAR_CACHE_DIR", "")
    log: list[str] = []
    assert table_cache.cached_bytes("t", [b"s"], _calls(log, b"a")) == b"a"
    assert table_cache.cached_bytes("t", [b"s"], _calls(log, b"b")) == b"b"
    assert log == ["built", "built"]
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))
    assert table_cache.cached_bytes("t", [b"s"], _calls(log, b"c")) == b"c"
    assert (tmp_path / "table-t.bin").exists()


def _tables() -> dict[str, object]:
    """Every table the steps read, as the functions give them (cached per process)."""
    return {
        "bmp": keys._bmp_table(),
        "langid": keys._class_masks(langid._PROFILE),
        "quality": keys._class_masks(quality._classes()),
        "symbol": quality._symbol_class().pattern,
        "news": _fold._fold_table(),
    }


def test_the_tables_from_the_cache_are_the_tables_built(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))
    built = {
        "bmp": keys._build_bmp_table(),
        "langid": keys._bmp_class_bits(langid._PROFILE, np.uint32),
        "quality": keys._bmp_class_bits(quality._classes(), np.uint32),
        "symbol": f"[{quality._symbol_ranges()}]",
        "news": _fold._build_fold_table(),
    }
    cached = (keys._bmp_table, keys._class_masks, quality._symbol_class, quality._classes,
              _fold._fold_table)
    for fn in cached:
        fn.cache_clear()
    try:
        for _ in range(2):  # written the first time, read the second
            for fn in cached:
                fn.cache_clear()
            got = _tables()
            for name, table in built.items():
                if isinstance(table, str):
                    assert got[name] == table, name
                else:
                    assert got[name].dtype == np.uint32 and got[name].shape == (0x10000,), name
                    assert np.array_equal(got[name], table), name
                    assert not got[name].flags.writeable, name  # shared: nobody may change it
        assert sorted(p.name.split("-")[1] for p in tmp_path.iterdir()) == [
            "canonical", "classes", "classes", "news", "symbol"]
        # some hand-checked entries: Arabic yeh folds to Persian yeh, ZWNJ is removed, a Persian
        # digit becomes ASCII; «۱» is a digit and a letter of no class of langid's first three
        assert got["bmp"][ord("ي")] & keys._CODE == ord("ی")
        assert got["bmp"][0x200C] >= keys._GONE
        assert got["bmp"][ord("۱")] == ord("1")
        assert got["news"][ord("ك")] == ord("ک")
        assert got["langid"][ord("۱")] & 0b111 == 0
        assert got["langid"][ord("پ")] & 0b1011 == 0b1011  # letter, Arabic script, Persian-only
    finally:
        for fn in cached:
            fn.cache_clear()
