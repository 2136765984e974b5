"""The committed fixtures and example WARC are exactly what their scripts build."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(SCRIPTS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SCRIPTS))
    return module


def test_build_fixtures_reproduces_the_committed_files(tmp_path, fixtures):
    pq = pytest.importorskip("pyarrow.parquet")
    built = load("build_fixtures").build(tmp_path)
    committed = fixtures / "io"
    assert built, "the script built nothing"
    for path in built:
        original = committed / path.name
        assert original.exists(), f"{path.name} is built but not committed"
        if path.suffix == ".parquet":
            # pyarrow writes its own version into the file: compare what it holds
            assert pq.read_table(path).equals(pq.read_table(original)), path.name
        else:
            assert path.read_bytes() == original.read_bytes(), path.name


def test_build_example_warc_reproduces_the_committed_file(tmp_path):
    out = load("build_example_warc").build(tmp_path / "pages.warc.gz")
    assert out.read_bytes() == (ROOT / "examples" / "warc" / "pages.warc.gz").read_bytes()


def test_example_jsonl_is_the_fixture(fixtures):
    # examples/README.md says so (and gives it the fixture's CC BY-SA licence)
    example = ROOT / "examples" / "jsonl" / "docs.jsonl"
    assert example.read_bytes() == (fixtures / "io" / "docs.jsonl").read_bytes()
