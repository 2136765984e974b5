"""The cache of the shipped lexicon (khabar.text.lexicon_cache): a cached load is the built
lexicon, field by field and in order; a changed data file or changed code rebuilds; a cache
directory that cannot be written, and a damaged cache file, never raise."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, fields
from importlib import resources
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest

from khabar.text import lexicon_cache as lc
from khabar.text.lexicon import SHIPPED_FILES, TABLE_SOURCES, Lexicon

ROOT = Path(__file__).resolve().parents[2]


def _sources() -> dict[str, bytes]:
    """What Lexicon.load keys the cache on: every shipped data file, lexicon.py and the
    modules that make the tables the file keeps with the lexicon."""
    package = resources.files("khabar")
    data = {name: (package / "data" / "lexicon" / name).read_bytes() for name in SHIPPED_FILES}
    code = {name: (package / "text" / name).read_bytes() for name in ("lexicon.py", *TABLE_SOURCES)}
    return {**data, **code}


def _ordered(value: Any) -> Any:
    """A value with every dict as its list of items (dict order matters: best_form keeps the
    first of equal votes), and its exact type beside it."""
    if isinstance(value, dict):
        return (type(value), [(k, _ordered(v)) for k, v in value.items()])
    return (type(value), value)


def _snapshot(lex: Lexicon, *, other_process: bool = False) -> list[tuple[str, Any]]:
    """Every field of ``lex``, in order. ``other_process``: ``lex`` was built in another
    process, whose string hashes differ: ``suffix_rate`` is then compared as a dict, because
    the build orders it by a set of its keys (a fresh build's order differs between any two
    processes; it is only looked up)."""
    return [
        (f.name, getattr(lex, f.name) if other_process and f.name == "suffix_rate"
         else _ordered(getattr(lex, f.name)))
        for f in fields(Lexicon)
    ]


@pytest.fixture(scope="module")
def built() -> Lexicon:
    """The shipped lexicon built from its files, with the tables the cache keeps, no cache
    involved."""
    data = _sources()
    return Lexicon._build_shipped({name: data[name] for name in SHIPPED_FILES}).with_tables()


class _Counting:
    """A build callable that counts its calls."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex, self.calls = lex, 0

    def __call__(self) -> Lexicon:
        self.calls += 1
        return self.lex


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"KHABAR_CACHE_DIR": "/x/y", "XDG_CACHE_HOME": "/c"}, Path("/x/y")),  # the override wins
        ({"KHABAR_CACHE_DIR": ""}, None),  # empty: cache off
        ({"XDG_CACHE_HOME": "/c"}, Path("/c/khabar")),
        ({"XDG_CACHE_HOME": ""}, Path.home() / ".cache" / "khabar"),  # empty XDG: the default
        ({"XDG_CACHE_HOME": "rel/c"}, Path.home() / ".cache" / "khabar"),  # relative: ignored
        ({}, Path.home() / ".cache" / "khabar"),
    ],
)
def test_cache_dir_by_hand(env: dict[str, str], expected: Path | None) -> None:
    assert lc.cache_dir(env) == expected


def test_no_home_directory_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert lc.cache_dir({}) is None
    assert lc.cache_dir({"XDG_CACHE_HOME": "/c"}) == Path("/c/khabar")


def test_the_snapshot_sees_a_changed_order() -> None:
    a = Lexicon(forms={"x": {"x": 1, "y": 2}})
    b = Lexicon(forms={"x": {"y": 2, "x": 1}})
    assert a.forms == b.forms and _snapshot(a) != _snapshot(b)


def test_cached_load_equals_built_load(
    built: Lexicon, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path / "cache"))
    first = Lexicon.load()  # builds, writes the cache
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [lc.FILE]  # no temporary left
    data = (tmp_path / "cache" / lc.FILE).read_bytes()
    # keyed on every shipped data file and the sources of the lexicon and its tables, and
    # nothing else
    assert data[len(lc.FORMAT) : len(lc.FORMAT) + 32] == lc.cache_key(_sources())
    second = Lexicon.load()  # from the cache
    assert _snapshot(first) == _snapshot(built)
    assert _snapshot(second) == _snapshot(built)
    assert second.best_form("میباشد") == "می\u200cباشد" and second.best_form("میلیون") == "میلیون"
    assert (tmp_path / "cache" / lc.FILE).read_bytes() == data  # a hit rewrites nothing


def test_a_hit_does_not_build_and_a_cache_off_always_builds(built: Lexicon, tmp_path: Path) -> None:
    build = _Counting(built)
    lex = lc.load_or_build(Lexicon, _sources(), build, tmp_path)
    assert lex is built and build.calls == 1
    lex = lc.load_or_build(Lexicon, _sources(), build, tmp_path)
    assert build.calls == 1 and lex is not built and _snapshot(lex) == _snapshot(built)
    lc.load_or_build(Lexicon, _sources(), build, None)
    assert build.calls == 2 and [p.name for p in tmp_path.iterdir()] == [lc.FILE]


@pytest.mark.parametrize("name", [*SHIPPED_FILES, "lexicon.py", *TABLE_SOURCES])
def test_a_changed_data_file_or_code_rebuilds(built: Lexicon, tmp_path: Path, name: str) -> None:
    sources = _sources()
    build = _Counting(built)
    lc.load_or_build(Lexicon, sources, build, tmp_path)
    changed = {**sources, name: sources[name] + b"\n"}  # one byte more in one file
    assert lc.cache_key(changed) != lc.cache_key(sources)
    lc.load_or_build(Lexicon, changed, build, tmp_path)
    assert build.calls == 2  # rebuilt, and the file now holds the changed key
    lc.load_or_build(Lexicon, changed, build, tmp_path)
    assert build.calls == 2
    lc.load_or_build(Lexicon, sources, build, tmp_path)  # back to the first files: rebuilt
    assert build.calls == 3


def test_the_key_is_not_fooled_by_moving_bytes_between_files() -> None:
    a = {"x.tsv": b"ab", "y.tsv": b"c"}
    assert lc.cache_key(a) != lc.cache_key({"x.tsv": b"a", "y.tsv": b"bc"})
    assert lc.cache_key(a) != lc.cache_key({"y.tsv": b"c", "x.tsv": b"ab"})  # order of the files
    assert lc.cache_key(a) == lc.cache_key(dict(a))


def test_an_unwritable_cache_dir_builds_and_writes_nothing(
    built: Lexicon, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_file = tmp_path / "a_file"
    a_file.write_text("not a folder")
    before = sorted(tmp_path.rglob("*"))
    for folder in (a_file / "khabar", tmp_path / "missing" / "khabar"):
        # a cache dir under a file, and one whose parent is missing (never created): these
        # fail for root too, unlike a chmod
        build = _Counting(built)
        assert lc.load_or_build(Lexicon, _sources(), build, folder) is built
        assert build.calls == 1
        monkeypatch.setenv("KHABAR_CACHE_DIR", str(folder))
        assert _snapshot(Lexicon.load()) == _snapshot(built)
    assert sorted(tmp_path.rglob("*")) == before


def test_a_read_only_cache_dir_builds(built: Lexicon, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        tmp_path.chmod(0o500)
        try:
            build = _Counting(built)
            assert lc.load_or_build(Lexicon, _sources(), build, tmp_path) is built
            assert build.calls == 1
            assert list(tmp_path.iterdir()) == []
        finally:
            tmp_path.chmod(0o700)
        return
    # root writes into a chmod-ed folder; no one creates a file in procfs's /proc/self
    folder = Path("/proc/self")
    if not folder.is_dir():
        pytest.skip("no /proc: no folder here that root cannot write to")
    build = _Counting(built)
    assert lc.load_or_build(Lexicon, _sources(), build, folder) is built
    assert build.calls == 1
    assert not [p for p in folder.iterdir() if "lexicon" in p.name]


def _damaged(good: bytes) -> dict[str, bytes]:
    header = len(lc.FORMAT) + 32 + 4 + 8
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x01
    return {
        "empty": b"",
        "truncated header": good[:20],
        "header only": good[:header],
        "truncated payload": good[: len(good) // 2],
        "one byte less": good[:-1],
        "one byte more": good + b"\0",
        "a flipped bit": bytes(flipped),
        "another format": b"khabar-lexicon-cache 0\n" + good[len(lc.FORMAT) :],
        "garbage": os.urandom(4096),
    }


def test_a_damaged_cache_file_is_ignored_and_rewritten(built: Lexicon, tmp_path: Path) -> None:
    lc.load_or_build(Lexicon, _sources(), _Counting(built), tmp_path)
    path = tmp_path / lc.FILE
    good = path.read_bytes()
    for damage, data in _damaged(good).items():
        path.write_bytes(data)
        build = _Counting(built)
        assert lc.load_or_build(Lexicon, _sources(), build, tmp_path) is built, damage
        assert build.calls == 1, damage
        assert path.read_bytes() == good, damage  # rewritten whole


def test_a_well_formed_file_of_other_fields_is_ignored(built: Lexicon, tmp_path: Path) -> None:
    key = lc.cache_key(_sources())

    @dataclass
    class Other:
        forms: dict[str, int]

    assert lc.load(Lexicon, lc.dump(Other({"a": 1}), key), key) is None
    assert lc.load(Other, lc.dump(Other({"a": 1}), key), key) == Other({"a": 1})
    assert lc.load(Lexicon, lc.dump(built, key), b"\0" * 32) is None  # another key


def test_a_field_the_cache_cannot_store_is_a_loud_error() -> None:
    @dataclass
    class Odd:
        path: Path

    with pytest.raises(TypeError, match="field path of Odd holds a PosixPath"):
        lc.dump(Odd(Path("/x")), b"\0" * 32)


def _write_many(path: str, fill: int, times: int) -> None:
    for _ in range(times):
        assert lc.write(Path(path), bytes([fill]) * 3_000_000)


def test_two_processes_writing_at_once_leave_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / lc.FILE
    ctx = get_context("spawn")
    writers = [ctx.Process(target=_write_many, args=(str(path), fill, 15)) for fill in (1, 2)]
    for w in writers:
        w.start()
    seen = set()
    while any(w.is_alive() for w in writers):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue
        seen.add(data[:1])
        assert data in (b"\1" * 3_000_000, b"\2" * 3_000_000)  # never half of one
    for w in writers:
        w.join()
        assert w.exitcode == 0
    assert path.read_bytes() in (b"\1" * 3_000_000, b"\2" * 3_000_000)
    assert [p.name for p in tmp_path.iterdir()] == [lc.FILE]  # no temporary left
    assert seen  # the reader did read while they wrote


def test_two_processes_loading_at_once_share_one_good_cache(
    built: Lexicon, tmp_path: Path
) -> None:
    env = {**os.environ, "KHABAR_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    code = "from khabar.text.lexicon import Lexicon; print(Lexicon.load().best_form('میباشد'))"
    # one pure, one as this tree is built: the file holds plain data, the same for both
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code], env={**env, "KHABAR_PURE": pure}, stdout=subprocess.PIPE
        )
        for pure in ("1", "0")
    ]
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0 and out.decode().strip() == "می\u200cباشد"
    build = _Counting(built)
    lex = lc.load_or_build(Lexicon, _sources(), build, tmp_path)
    assert build.calls == 0
    assert _snapshot(lex, other_process=True) == _snapshot(built, other_process=True)
    assert [p.name for p in tmp_path.iterdir()] == [lc.FILE]


def test_the_file_writes_each_distinct_string_once(built: Lexicon, tmp_path: Path) -> None:
    lc.load_or_build(Lexicon, _sources(), _Counting(built), tmp_path)
    lex = lc.load_or_build(Lexicon, _sources(), _Counting(built), tmp_path)  # from the file
    assert _snapshot(lex) == _snapshot(built)
    # a glued form and its key are one string object, read once (the build makes them apart)
    key = next(k for k in lex.forms if k == "میلیون")
    form = next(f for f in lex.forms[key] if f == key)
    assert form is key
    built_key = next(k for k in built.forms if k == "میلیون")
    assert next(f for f in built.forms[key] if f == key) is not built_key  # the build's: apart
