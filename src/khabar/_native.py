"""khabar's compiled core: which modules mypyc compiles, and whether this process runs them.

The hot modules (the ZWNJ engine, the lexicon, the character rules...) are ordinary typed Python
that ``setup.py`` also compiles with mypyc into C extensions when the package is built. The
``.py`` source is the fallback: a machine without a C compiler installs khabar pure, and the
compiled and pure builds write the same bytes (``tests/core/test_native.py`` checks it on real
text). Python's import system prefers an extension module to a source file of the same name,
so this module decides, once at ``import khabar``, which of the two is used:

- compiled, when every module in :data:`COMPILED` has an extension built from the source that is
  there now (``setup.py`` writes the sources' SHA-256 into ``_native_build.json`` beside them);
- pure, when ``KHABAR_PURE=1`` is set (to compare the two, or to debug with pdb);
- pure, with a warning, when an extension is stale: its source changed after the build (an
  edited checkout). Running stale compiled code would test code that is not in the tree. The
  warning says how to rebuild (``make build``).

Hand-written C extensions (:data:`C_EXTENSIONS`, ``src/khabar/_c/*.c``) are decided one by one
by :func:`c_extension`, which gives None (the caller then runs the pure-Python twin) under the
same three rules.

>>> from khabar import _native
>>> _native.status().mode in {"compiled", "pure"}
True
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

# The modules setup.py compiles, in one mypyc group (they call each other natively, so they are
# compiled, and loaded, all together or not at all). setup.py reads this tuple with ast.
COMPILED: tuple[str, ...] = (
    "khabar.dates.calendars",
    "khabar.dates.mentions",
    "khabar.dates.urls",
    "khabar.news._fold",
    "khabar.news.attribution",
    "khabar.news.gazetteer",
    "khabar.news.structure",
    "khabar.text.charmap",
    "khabar.text.fix",
    "khabar.text.lexicon",
    "khabar.text.normalize",
    "khabar.text.policy",
    "khabar.text.protect",
    "khabar.text.style",
    "khabar.text.zwnj.chunks",
    "khabar.text.zwnj.constants",
    "khabar.text.zwnj.context",
    "khabar.text.zwnj.glued",
    "khabar.text.zwnj.joins",
    "khabar.text.zwnj.options",
    "khabar.text.zwnj.records",
    "khabar.text.zwnj.repairer",
    "khabar.text.zwnj.segment",
    "khabar.text.zwnj.state",
    "khabar.text.zwnj.stray",
    "khabar.text.zwnj.tables",
    "khabar.text.zwnj.twins",
    "khabar.text.zwnj.words",
)

# Hand-written C extensions (the CPython C API), one module each: ``khabar._c.NAME`` is built by
# setup.py from ``src/khabar/_c/NAME.c``. Each stands alone (no group), and each has a
# pure-Python twin in the module that uses it, which gives the same results: the caller asks
# :func:`c_extension` for the module and runs its twin on None. setup.py reads this tuple with ast.
C_EXTENSIONS: tuple[str, ...] = (
    "khabar._c.charscan", "khabar._c.chunks", "khabar._c.docscan", "khabar._c.edits",
    "khabar._c.linescan", "khabar._c.wordcount",
    "khabar._c.textslices",
)

ENV = "KHABAR_PURE"
MANIFEST = "_native_build.json"
_PACKAGE = Path(__file__).resolve().parent


class Status(NamedTuple):
    """How this process runs the :data:`COMPILED` modules.

    ``mode`` is ``"compiled"`` or ``"pure"``; ``reason`` says why in words a user can act on.
    """

    mode: str
    reason: str


def source_of(module: str, package: Path = _PACKAGE) -> Path:
    """The ``.py`` file of one of khabar's modules (``khabar.text.zwnj.glued`` -> ``.../text/zwnj/glued.py``)."""
    parts = module.split(".")
    if parts[0] != "khabar":
        raise ValueError(f"{module!r} is not a khabar module")
    return package.joinpath(*parts[1:]).with_suffix(".py")


def extension_of(module: str, package: Path = _PACKAGE) -> Path | None:
    """The compiled extension built for ``module`` beside its source, or None."""
    src = source_of(module, package)
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = src.with_suffix(suffix)
        if candidate.exists():
            return candidate
    return None


#: mypyc's shared library of the :data:`COMPILED` group (setup.py's ``group_name``), which it
#: writes beside the package (``src/khabar__mypyc.cpython-311-x86_64-linux-gnu.so``); each
#: module's own extension is a shim that imports it by this name from ``sys.path``
GROUP = "khabar__mypyc"


def group_library(package: Path = _PACKAGE) -> Path | None:
    """The group's shared library beside ``package``, or None. Without it the modules' shims
    would import whichever ``khabar__mypyc`` comes first on ``sys.path``: another tree's."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = package.parent / f"{GROUP}{suffix}"
        if candidate.exists():
            return candidate
    return None


def source_digest(module: str, package: Path = _PACKAGE) -> str:
    """SHA-256 of ``module``'s source: what ``setup.py`` records when it compiles it."""
    import hashlib  # only when a build is there to check: `import khabar` stays light

    return hashlib.sha256(source_of(module, package).read_bytes()).hexdigest()


def decide(
    environ: Mapping[str, str],
    package: Path = _PACKAGE,
    modules: tuple[str, ...] = COMPILED,
) -> Status:
    """Compiled or pure, and why, for ``modules`` under ``package`` with these variables.

    Pure when the variable :data:`ENV` is set, when an extension is missing, or when the
    manifest's digests differ from the sources' (a stale build). :func:`install` acts on it.
    """
    if environ.get(ENV, "") not in ("", "0"):
        return Status("pure", f"{ENV}={environ[ENV]} is set")
    missing = [m for m in modules if extension_of(m, package) is None]
    if missing:
        return Status(
            "pure",
            f"not compiled ({', '.join(missing)} has no extension): a build without mypyc or a C "
            "compiler; `pip install mypy` and reinstall khabar to compile it",
        )
    if group_library(package) is None:
        return Status(
            "pure",
            f"not compiled: the compiled modules' shared library {GROUP}*.so is not in "
            f"{package.parent} (a copy of the sources without it would load another tree's "
            "build); rebuild with `make build` (or `pip install -e .`)",
        )
    built, problem = _manifest(package)
    if problem:
        return Status("pure", f"the compiled build is stale: {problem}")
    stale = [m for m in modules if built.get(m) != source_digest(m, package)]
    if stale:
        return Status(
            "pure",
            f"the compiled build is stale: {', '.join(stale)} changed after it was compiled; "
            "rebuild with `make build` (or `pip install -e .`), or set KHABAR_PURE=1 to silence",
        )
    return Status("compiled", f"{len(modules)} modules compiled with mypyc")


def _manifest(package: Path) -> tuple[dict[str, str], str]:
    """The build's record of its sources' digests, and what is wrong with it ("" when nothing)."""
    import json

    try:
        return json.loads((package / MANIFEST).read_text(encoding="utf-8")), ""
    except (OSError, ValueError) as exc:
        return {}, (f"its manifest {MANIFEST} is unreadable ({exc}); rebuild with `make build` "
                    "(or `pip install -e .`)")


def c_source_of(module: str, package: Path = _PACKAGE) -> Path:
    """The C source of one of :data:`C_EXTENSIONS` (``khabar._c.scan`` -> ``.../_c/scan.c``)."""
    return source_of(module, package).with_suffix(".c")


def decide_c(module: str, environ: Mapping[str, str], package: Path = _PACKAGE) -> Status:
    """Whether this process may load the C extension ``module``, and why not.

    Pure when :data:`ENV` is set, when the extension was not built (a pure install, or a
    machine without a C compiler: its pure twin runs, silently), or when the build's manifest
    records another digest of its ``.c`` source (a stale build: an edited checkout).
    """
    if environ.get(ENV, "") not in ("", "0"):
        return Status("pure", f"{ENV}={environ[ENV]} is set")
    if extension_of(module, package) is None:
        return Status("pure", f"{module} is not built (a pure install, or no C compiler)")
    import hashlib

    built, problem = _manifest(package)
    if problem:
        return Status("pure", f"the build of {module} is stale: {problem}")
    digest = hashlib.sha256(c_source_of(module, package).read_bytes()).hexdigest()
    if built.get(module) != digest:
        return Status(
            "pure",
            f"the build of {module} is stale: {c_source_of(module, package).name} changed after "
            "it was compiled; rebuild with `make build` (or `pip install -e .`), or set "
            "KHABAR_PURE=1 to silence",
        )
    return Status("compiled", f"{module} is built from its source")


_C_LOADED: dict[str, Any] = {}  # module name -> the extension, or None: decided once a process


def c_extension(module: str) -> Any:
    """The C extension ``module`` (one of :data:`C_EXTENSIONS`) if this process may use it,
    else None, and the caller runs the extension's pure-Python twin.

    Decided once per process: a stale build warns (once) and is not loaded.
    """
    if module in _C_LOADED:
        return _C_LOADED[module]
    if module not in C_EXTENSIONS:
        raise ValueError(f"{module!r} is not one of khabar._native.C_EXTENSIONS")
    status = decide_c(module, os.environ)
    loaded = None
    if status.mode == "compiled":
        import importlib

        loaded = importlib.import_module(module)
    elif "stale" in status.reason:
        import warnings

        warnings.warn(f"khabar runs pure Python: {status.reason}", RuntimeWarning, stacklevel=2)
    _C_LOADED[module] = loaded
    return loaded


def built_c_extension(module: str) -> Any:
    """The C extension ``module`` when it is built from the source there now, whatever
    :data:`ENV` says, else None: for the tests and benchmarks that compare it with its twin
    (the pure-Python CI pass runs those comparisons too). khabar's own code calls
    :func:`c_extension`."""
    if module not in C_EXTENSIONS:
        raise ValueError(f"{module!r} is not one of khabar._native.C_EXTENSIONS")
    if decide_c(module, {}).mode != "compiled":
        return None
    import importlib

    return importlib.import_module(module)


def c_status(package: Path = _PACKAGE) -> dict[str, Status]:
    """For each of :data:`C_EXTENSIONS`: whether this process may load it, and why."""
    return {m: decide_c(m, os.environ, package) for m in C_EXTENSIONS}


class _SourceFirst:
    """A meta path finder: the :data:`COMPILED` modules' ``.py`` sources ahead of their
    extensions (the protocol is this one method; importlib.abc would cost 20 ms of imports)."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in COMPILED:
            return None
        import importlib.util

        return importlib.util.spec_from_file_location(fullname, source_of(fullname))


_STATUS: list[Status] = []  # set once by install(), at `import khabar`


def install(environ: Mapping[str, str] | None = None) -> Status:
    """Decide compiled or pure for this process; for pure, put the sources first on the path.

    Called by ``khabar/__init__.py`` before any compiled module can be imported. Calling it
    again returns the first decision: the modules are loaded by then.
    """
    if _STATUS:
        return _STATUS[0]
    status = decide(os.environ if environ is None else environ)
    if status.mode == "pure" and any(extension_of(m) is not None for m in COMPILED):
        sys.meta_path.insert(0, _SourceFirst())
        if status.reason.startswith("the compiled build is stale"):
            import warnings

            warnings.warn(f"khabar runs pure Python: {status.reason}", RuntimeWarning, stacklevel=3)
    _STATUS.append(status)
    return status


def status() -> Status:
    """How this process runs the compiled modules (decided at ``import khabar``)."""
    return install()


def loaded() -> dict[str, str]:
    """For each compiled module imported so far: ``"compiled"`` or ``"pure"``, by its file."""
    out = {}
    for name in COMPILED:
        module = sys.modules.get(name)
        if module is not None:
            out[name] = "pure" if str(module.__file__).endswith(".py") else "compiled"
    return out


def needs_build(package: Path = _PACKAGE) -> bool:
    """True when a compiled build exists but does not match the sources (``make test`` then
    rebuilds it in place), or a C extension of :data:`C_EXTENSIONS` is missing or stale. A
    package with no extension at all was built pure on purpose, or on a machine without a
    compiler: that is left alone."""
    if not any(extension_of(m, package) is not None for m in COMPILED):
        return False
    if decide({}, package).mode != "compiled":
        return True
    return any(decide_c(m, {}, package).mode != "compiled" for m in C_EXTENSIONS)


# -- code that must mean the same compiled and pure ------------------------------------------

#: ``str.lower`` called as CPython's method. mypyc (mypy 2.4, Python 3.11) compiles ``s.lower()``
#: into a character-by-character loop that ignores the final-sigma rule: a word-final «Σ» becomes
#: «σ» where Python gives «ς». Modules that may be compiled lower text through this name, so a
#: compiled build keeps the same bytes (a property test of fold in tests/news/test_boilerplate.py
#: found it).
lower_text: Callable[[str], str] = str.lower


def reduce_by_constructor(record: Any) -> tuple[type, tuple[Any, ...]]:
    """``__reduce__`` of a frozen dataclass: rebuild it by its constructor, from its fields.

    A mypyc-compiled frozen class cannot be unpickled attribute by attribute (its ``__setattr__``
    refuses), and records that cross processes (run configs, stage tasks) or are written by a
    reduce are pickled. The fields are read from the class, so a field added later is carried
    too.
    """
    from dataclasses import fields

    return (type(record), tuple(getattr(record, f.name) for f in fields(record) if f.init))
