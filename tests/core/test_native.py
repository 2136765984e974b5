"""The compiled core (khabar/_native.py, setup.py): when it is used, and that it writes the same
bytes as the pure-Python sources it is compiled from.

mypyc compiles the same source, so the outputs can differ only where mypyc's semantics do (a
type check at run time, an unsupported feature): the equivalence tests run ``fix`` in a child
process with ``KHABAR_PURE=1`` and compare every output and edit with this process's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from khabar import _native

ROOT = Path(__file__).resolve().parents[2]
Z = "\u200c"


# -- decide: compiled or pure, on a package tree made here ----------------------------------


def _package(tmp_path: Path, *, built: bool, manifest: dict[str, str] | None) -> Path:
    package = tmp_path / "khabar"
    (package / "text").mkdir(parents=True)
    (package / "text" / "zwnj.py").write_text("X = 1\n", encoding="utf-8")
    if built:
        import importlib.machinery

        suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
        (package / "text" / f"zwnj{suffix}").write_bytes(b"")
        (tmp_path / f"{_native.GROUP}{suffix}").write_bytes(b"")
    if manifest is not None:
        (package / _native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return package


MODULES = ("khabar.text.zwnj",)


def test_a_build_of_these_sources_is_used(tmp_path: Path) -> None:
    package = _package(tmp_path, built=True, manifest=None)
    digest = _native.source_digest("khabar.text.zwnj", package)
    (package / _native.MANIFEST).write_text(json.dumps({MODULES[0]: digest}), encoding="utf-8")
    status = _native.decide({}, package, MODULES)
    assert status.mode == "compiled", status


def test_an_edited_source_makes_the_build_stale(tmp_path: Path) -> None:
    package = _package(tmp_path, built=True, manifest=None)
    digest = _native.source_digest("khabar.text.zwnj", package)
    (package / _native.MANIFEST).write_text(json.dumps({MODULES[0]: digest}), encoding="utf-8")
    (package / "text" / "zwnj.py").write_text("X = 2\n", encoding="utf-8")
    status = _native.decide({}, package, MODULES)
    assert status.mode == "pure"
    assert "stale" in status.reason and "khabar.text.zwnj" in status.reason
    assert "make build" in status.reason  # says how to fix it


@pytest.mark.parametrize(
    ("built", "manifest", "environ", "words"),
    [
        (False, None, {}, "not compiled"),  # a pure install: no compiler, or KHABAR_PURE_BUILD
        (True, None, {}, "manifest"),  # an extension with no record of its sources
        (True, {"khabar.text.zwnj": "0" * 64}, {}, "stale"),
        (True, {}, {}, "stale"),  # the module was not in the build
        (True, None, {"KHABAR_PURE": "1"}, "KHABAR_PURE=1"),  # asked for
    ],
)
def test_pure_and_why(
    tmp_path: Path, built: bool, manifest: dict[str, str] | None, environ: dict[str, str],
    words: str,
) -> None:
    status = _native.decide(environ, _package(tmp_path, built=built, manifest=manifest), MODULES)
    assert status.mode == "pure"
    assert words in status.reason


def test_a_tree_without_the_group_library_runs_pure(tmp_path: Path) -> None:
    # a copy of src/ with the modules' shims but not khabar__mypyc*.so would import another
    # tree's group library and still say "compiled" (session 11's A/B found it)
    package = _package(tmp_path, built=True, manifest=None)
    digest = _native.source_digest("khabar.text.zwnj", package)
    (package / _native.MANIFEST).write_text(json.dumps({MODULES[0]: digest}), encoding="utf-8")
    assert _native.decide({}, package, MODULES).mode == "compiled"
    group = _native.group_library(package)
    assert group is not None and group.parent == tmp_path
    group.unlink()
    status = _native.decide({}, package, MODULES)
    assert status.mode == "pure"
    assert _native.GROUP in status.reason and "make build" in status.reason


def test_the_real_build_has_its_group_library_beside_it() -> None:
    if _native.status().mode != "compiled":
        pytest.skip("this install runs pure Python: " + _native.status().reason)
    group = _native.group_library()
    assert group is not None
    import khabar.text.zwnj  # noqa: F401 - loads the group library through its shim

    loaded = sys.modules.get(_native.GROUP)
    assert loaded is not None and Path(loaded.__file__).resolve() == group.resolve()


def test_khabar_pure_0_does_not_ask_for_pure(tmp_path: Path) -> None:
    package = _package(tmp_path, built=True, manifest=None)
    digest = _native.source_digest("khabar.text.zwnj", package)
    (package / _native.MANIFEST).write_text(json.dumps({MODULES[0]: digest}), encoding="utf-8")
    assert _native.decide({"KHABAR_PURE": "0"}, package, MODULES).mode == "compiled"


def test_source_of_names_the_file_and_refuses_other_packages() -> None:
    assert _native.source_of("khabar.text.lexicon") == ROOT / "src/khabar/text/lexicon.py"
    with pytest.raises(ValueError, match="not a khabar module"):
        _native.source_of("numpy.core")


def test_every_compiled_module_exists_and_setup_py_reads_the_same_list() -> None:
    for module in _native.COMPILED:
        assert _native.source_of(module).is_file(), module
    # setup.py up to its setup() call: its helpers, without building anything
    text = (ROOT / "setup.py").read_text(encoding="utf-8").split("\nsetup(")[0]
    namespace: dict = {"__file__": str(ROOT / "setup.py"), "__name__": "setup_under_test"}
    exec(compile(text, "setup.py", "exec"), namespace)  # noqa: S102 (our own setup.py)
    assert namespace["compiled_modules"]() == _native.COMPILED
    assert namespace["c_modules"]() == _native.C_EXTENSIONS
    for module in _native.C_EXTENSIONS:
        assert module.startswith("khabar._c."), module
        assert _native.c_source_of(module).is_file(), module


# -- decide_c: a hand-written C extension, on a package tree made here ----------------------

C_MODULE = "khabar._c.scan"


def _c_package(tmp_path: Path, *, built: bool, recorded: str | None) -> Path:
    """A package with ``_c/scan.c``, maybe its extension, and a manifest recording ``recorded``
    as its digest (``"source"``: the digest of the source there now)."""
    package = tmp_path / "khabar"
    (package / "_c").mkdir(parents=True)
    (package / "_c" / "scan.c").write_text("/* v1 */\n", encoding="utf-8")
    if built:
        import importlib.machinery

        suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
        (package / "_c" / f"scan{suffix}").write_bytes(b"")
    if recorded is not None:
        import hashlib

        digest = (hashlib.sha256(b"/* v1 */\n").hexdigest() if recorded == "source"
                  else recorded)
        (package / _native.MANIFEST).write_text(json.dumps({C_MODULE: digest}), encoding="utf-8")
    return package


def test_a_c_extension_built_from_its_source_is_used(tmp_path: Path) -> None:
    package = _c_package(tmp_path, built=True, recorded="source")
    assert _native.c_source_of(C_MODULE, package) == package / "_c" / "scan.c"
    assert _native.decide_c(C_MODULE, {}, package).mode == "compiled"
    assert _native.decide_c(C_MODULE, {"KHABAR_PURE": "0"}, package).mode == "compiled"


def test_an_edited_c_source_makes_its_build_stale(tmp_path: Path) -> None:
    package = _c_package(tmp_path, built=True, recorded="source")
    (package / "_c" / "scan.c").write_text("/* v2 */\n", encoding="utf-8")
    status = _native.decide_c(C_MODULE, {}, package)
    assert status.mode == "pure"
    assert "stale" in status.reason and "scan.c" in status.reason and "make build" in status.reason


@pytest.mark.parametrize(
    ("built", "recorded", "environ", "words"),
    [
        (False, "source", {}, "not built"),  # a pure install, or no C compiler
        (True, None, {}, "manifest"),  # an extension with no record of its source
        (True, "0" * 64, {}, "stale"),
        (True, "source", {"KHABAR_PURE": "1"}, "KHABAR_PURE=1"),  # asked for
    ],
)
def test_a_c_extension_runs_pure_and_why(
    tmp_path: Path, built: bool, recorded: str | None, environ: dict[str, str], words: str
) -> None:
    status = _native.decide_c(C_MODULE, environ, _c_package(tmp_path, built=built,
                                                            recorded=recorded))
    assert status.mode == "pure"
    assert words in status.reason


def test_c_extension_refuses_a_module_that_is_not_listed() -> None:
    with pytest.raises(ValueError, match="C_EXTENSIONS"):
        _native.c_extension("khabar._c.no_such_module")
    with pytest.raises(ValueError, match="C_EXTENSIONS"):
        _native.built_c_extension("khabar._c.no_such_module")


def test_a_built_c_extension_is_there_for_comparisons_under_khabar_pure() -> None:
    """The C-against-twin tests load a built extension even where khabar runs pure."""
    script = ("import json, khabar._native as n; "
              "print(json.dumps([[m, n.c_extension(m) is None, n.built_c_extension(m) is None] "
              "for m in n.C_EXTENSIONS]))")
    env = dict(os.environ, KHABAR_PURE="1")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, check=True)
    for module, used_is_none, built_is_none in json.loads(done.stdout):
        assert used_is_none, module  # khabar itself runs the twin
        assert built_is_none == (_native.decide_c(module, {}).mode != "compiled"), module


def test_each_c_extension_is_loaded_as_decided() -> None:
    for module, status in _native.c_status().items():
        loaded = _native.c_extension(module)
        assert (loaded is not None) == (status.mode == "compiled"), (module, status)
        if loaded is not None:
            assert str(loaded.__file__) == str(_native.extension_of(module))



def test_the_dev_extra_can_run_make_build() -> None:
    """``make build`` runs ``setup.py build_ext`` in the dev venv, not in pip's isolated build
    environment: the venv needs every build requirement at its version. Python 3.11's venv
    comes with setuptools 65, which cannot read this pyproject.toml (an SPDX ``license``
    string needs setuptools 77), so the dev extra must ask for what the build system asks for.
    """
    import re
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dev = set(meta["project"]["optional-dependencies"]["dev"])
    for requirement in meta["build-system"]["requires"]:
        if requirement == "wheel":  # only pip's wheel building uses it; build_ext does not
            continue
        assert requirement in dev, f"{requirement} is a build requirement missing from .[dev]"
    assert any(re.fullmatch(r"setuptools>=(\d+)", r) for r in dev)


# -- this process: what it loaded agrees with what was decided ------------------------------


def test_the_loaded_modules_are_the_decided_kind() -> None:
    from khabar.text.fix import fix

    fix("کتابها")  # loads the ZWNJ engine and its lexicon
    status = _native.status()
    loaded = _native.loaded()
    assert loaded, "no compiled module was imported"
    assert set(loaded.values()) == {status.mode}, (status, loaded)


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="CI must run the compiled core")
def test_ci_runs_the_compiled_core() -> None:
    if os.environ.get("KHABAR_PURE", "") not in ("", "0"):
        pytest.skip("this CI pass runs the pure sources on purpose (KHABAR_PURE)")
    assert _native.status().mode == "compiled", _native.status().reason
    for module, status in _native.c_status().items():
        assert status.mode == "compiled", (module, status.reason)


# -- compiled and pure write the same bytes --------------------------------------------------

_CHILD = r"""
import json, sys
from khabar import _native
from khabar.text.fix import fix, fix_with_edits
lines = json.load(sys.stdin)
out = {
    "status": _native.status().mode,
    "fix": [fix(x) for x in lines],
    "news": [fix(x, style="news") for x in lines],
    "edits": [[list(e) for e in fix_with_edits(x)[1]] for x in lines],
}
out["loaded"] = sorted(set(_native.loaded().values()))
json.dump(out, sys.stdout)  # ASCII: lone surrogates survive the pipe
"""


def _run(lines: list[str], pure: bool) -> dict:
    env = dict(os.environ)
    env.pop("KHABAR_PURE", None)
    if pure:
        env["KHABAR_PURE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(lines), capture_output=True, text=True, env=env, check=True,
    )
    return json.loads(done.stdout)


def _damaged(lines: list[str]) -> list[str]:
    """Each line as written, glued (ZWNJs dropped), spaced (ZWNJ -> space) and Arabic-lettered."""
    out = []
    for line in lines:
        out += [line, line.replace(Z, ""), line.replace(Z, " "),
                line.replace("ی", "ي").replace("ک", "ك")]
    return out


def _compare(lines: list[str]) -> None:
    if _native.status().mode != "compiled":
        pytest.skip(f"no compiled build to compare with: {_native.status().reason}")
    compiled, pure = _run(lines, pure=False), _run(lines, pure=True)
    assert (compiled["status"], compiled["loaded"]) == ("compiled", ["compiled"])
    assert (pure["status"], pure["loaded"]) == ("pure", ["pure"])
    for key in ("fix", "news", "edits"):
        diff = [i for i, (a, b) in enumerate(zip(compiled[key], pure[key])) if a != b]
        assert not diff, f"{key}: compiled and pure differ on {len(diff)} lines, first {lines[diff[0]]!r}"
        assert len(compiled[key]) == len(pure[key]) == len(lines)


def test_compiled_and_pure_agree_on_the_committed_samples() -> None:
    text = ROOT / "tests/fixtures/text"
    lines = []
    for name in ("zwnj_gate_perdt_dev.txt", "zwnj_gate_seraji_dev.txt"):
        lines += (text / name).read_text(encoding="utf-8").splitlines()
    lines += (ROOT / "examples/text/tasnim-kazakhstan.txt").read_text(encoding="utf-8").splitlines()
    lines += ["", " ", "ﻻ", "https://x.ir/مي روم #مي_روم", "\udcff broken", "١٤ مي ١٤٠٢", "ـــ"]
    _compare(_damaged(lines))


@pytest.mark.shared
def test_compiled_and_pure_agree_on_crawled_news(shared: Path) -> None:
    lines = []
    for name in ("fars-news-1.docs.jsonl", "varzesh3-1.docs.jsonl"):
        with open(shared / "data/farsnews_varzesh3_json" / name, encoding="utf-8") as f:
            for row, _ in zip(f, range(40)):
                doc = json.loads(row)
                for field in ("title", "abstract", "body"):
                    lines += str(doc.get(field) or "").splitlines()
    assert len(lines) > 200
    _compare(_damaged(lines))


# -- the news and dates modules, compiled and pure ---------------------------------------------

_NEWS_CHILD = r"""
import json, sys
from khabar import _native
from khabar.dates.mentions import find_dates, parse_date
from khabar.dates.urls import date_from_url
from khabar.news.attribution import parse_attribution
from khabar.news.structure import structure
docs = json.load(sys.stdin)
out = {"status": _native.status().mode, "loaded": sorted(set(_native.loaded().values())), "docs": []}
for text, hint, url in docs:
    out["docs"].append([repr(structure(text, title_hint=hint)), repr(parse_attribution(text)),
                        repr(find_dates(text)), repr(parse_date(text[:40])),
                        repr(date_from_url(url))])
json.dump(out, sys.stdout)  # ASCII: lone surrogates survive the pipe
"""


def _compare_news(docs: list[tuple[str, str | None, str | None]]) -> None:
    if _native.status().mode != "compiled":
        pytest.skip(f"no compiled build to compare with: {_native.status().reason}")
    runs = []
    for pure in (False, True):
        env = dict(os.environ)
        env.pop("KHABAR_PURE", None)
        if pure:
            env["KHABAR_PURE"] = "1"
        done = subprocess.run([sys.executable, "-c", _NEWS_CHILD], input=json.dumps(docs),
                              capture_output=True, text=True, env=env, check=True)
        runs.append(json.loads(done.stdout))
    compiled, pure_run = runs
    assert (compiled["status"], compiled["loaded"]) == ("compiled", ["compiled"])
    assert (pure_run["status"], pure_run["loaded"]) == ("pure", ["pure"])
    assert len(compiled["docs"]) == len(pure_run["docs"]) == len(docs)
    diff = [i for i, (a, b) in enumerate(zip(compiled["docs"], pure_run["docs"])) if a != b]
    assert not diff, f"compiled and pure differ on {len(diff)} documents, first {docs[diff[0]][0][:80]!r}"


def test_news_compiled_and_pure_agree_on_the_committed_samples() -> None:
    seed = (ROOT / "examples/text/tasnim-kazakhstan.txt").read_text(encoding="utf-8")
    docs: list[tuple[str, str | None, str | None]] = [
        (seed, None, "https://www.tasnimnews.com/fa/news/1402/07/19/2968/x"),
        (seed, seed.splitlines()[0], None),
        ("", None, None), ("۱۴ می ۲۰۲۳\nتهران- ایرنا- متن", None, "https://x.ir/1399/01/02/"),
        ("\udcff شکسته ۱۹ مهر ۱۴۰۲", "عنوان", "not a url"),
    ]
    _compare_news(docs)


@pytest.mark.shared
def test_news_compiled_and_pure_agree_on_crawled_news(shared: Path) -> None:
    docs: list[tuple[str, str | None, str | None]] = []
    for name in ("fars-news-1.docs.jsonl", "varzesh3-1.docs.jsonl"):
        with open(shared / "data/farsnews_varzesh3_json" / name, encoding="utf-8") as f:
            for row, _ in zip(f, range(100)):
                doc = json.loads(row)
                text = "\n".join(str(doc.get(k) or "") for k in ("title", "abstract", "body"))
                docs.append((text, doc.get("title"), doc.get("url")))
                docs.append((str(doc.get("body") or ""), None, None))
    assert len(docs) >= 200
    _compare_news(docs)
