"""Build khabar's compiled core: the modules in ``khabar._native.COMPILED``, compiled by mypyc,
and the hand-written C extensions in ``khabar._native.C_EXTENSIONS`` (``src/khabar/_c/*.c``).

Everything else about the package is in pyproject.toml. The compiled modules are ordinary typed
Python; their ``.py`` sources stay in the package as the pure fallback, and the build records the
sources' SHA-256 (the ``.c`` file's for a C extension) in ``khabar/_native_build.json`` so that
``import khabar`` can tell an extension built from other sources (an edited checkout) and fall
back to the sources. Each C extension has a pure-Python twin where it is used.

- ``KHABAR_PURE_BUILD=1`` builds a pure-Python package (no compiler needed);
- without mypyc (it comes with the ``mypy`` build requirement) or a C compiler, the build warns
  and the package is pure: it works the same, about 1.4x slower in ``khabar fix``.

Developers rebuild the extensions in place after editing a compiled module with ``make build``.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import ClassVar

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError, PlatformError

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "src"


def _native_tuple(name: str) -> tuple[str, ...]:
    """A tuple of module names from src/khabar/_native.py, read without importing khabar."""
    tree = ast.parse((SRC / "khabar/_native.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == name:
            return tuple(ast.literal_eval(node.value))
    raise SystemExit(f"setup.py: src/khabar/_native.py has no {name} tuple")


def compiled_modules() -> tuple[str, ...]:
    """``COMPILED``: the modules mypyc compiles."""
    return _native_tuple("COMPILED")


def c_modules() -> tuple[str, ...]:
    """``C_EXTENSIONS``: the hand-written C extensions."""
    return _native_tuple("C_EXTENSIONS")


def source(module: str) -> Path:
    return SRC.joinpath(*module.split(".")).with_suffix(".py")


def c_source(module: str) -> Path:
    return source(module).with_suffix(".c")


def warn(message: str) -> None:
    print(f"khabar setup.py: warning: {message}", file=sys.stderr)


def source_digests() -> dict[str, str]:
    """The SHA-256 of each compiled module's source and each C extension's ``.c`` file, taken
    before mypyc or the C compiler reads them: a file edited while the build runs is then
    recorded as it was when read, so khabar._native finds the build stale instead of current."""
    digests = {m: hashlib.sha256(source(m).read_bytes()).hexdigest() for m in compiled_modules()}
    digests |= {m: hashlib.sha256(c_source(m).read_bytes()).hexdigest() for m in c_modules()}
    return digests


class BuildNative(build_ext):
    """build_ext that writes the manifest beside the extensions, and never fails the install:
    a compile error leaves a pure package (with a warning) instead of no package."""

    #: the sources' digests (:func:`source_digests`), taken before the extensions are made
    digests: ClassVar[dict[str, str]] = {}

    def run(self) -> None:
        try:
            super().run()
        except (CCompilerError, ExecError, PlatformError, OSError) as exc:  # no or broken compiler
            warn(f"compiling the core failed ({exc}); khabar is installed as pure Python")
            return
        self.manifest_path().write_text(
            json.dumps(self.digests, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )

    def get_outputs(self) -> list[str]:
        outputs = super().get_outputs()
        return [*outputs, str(self.manifest_path())] if outputs else outputs

    def manifest_path(self) -> Path:
        """``khabar/_native_build.json`` where this build puts khabar's extensions (the source
        tree for an in-place or editable build); khabar._native.MANIFEST names it."""
        return Path(self.get_ext_fullpath("khabar._native_build")).parent / "_native_build.json"


def extensions() -> list:
    if os.environ.get("KHABAR_PURE_BUILD", "") not in ("", "0"):
        return []
    return mypyc_extensions() + c_extensions()


def c_extensions() -> list:
    """One setuptools Extension per C source; -O2 as CPython's own modules."""
    from setuptools import Extension

    return [
        Extension(m, [str(c_source(m).relative_to(ROOT))], extra_compile_args=["-O2"])
        for m in c_modules()
    ]


def mypyc_extensions() -> list:
    try:
        from mypyc.build import mypycify
    except ImportError:
        warn("mypyc is not installed (pip install mypy); khabar's compiled modules stay pure Python")
        return []
    paths = [str(source(m).relative_to(ROOT)) for m in compiled_modules()]
    # opt_level 3 is mypyc's default; -g1 debug info only (small .so files). mypycify exits when
    # mypy finds a type error: a developer sees it in `make build`; an install goes on pure.
    try:
        return mypycify(
            ["--ignore-missing-imports", *paths], opt_level="3", debug_level="1", group_name="khabar"
        )
    except SystemExit as exc:
        warn(f"mypyc refused the sources (exit {exc.code}); khabar is installed as pure Python")
        return []


# the digests first: mypycify (in extensions()) reads the sources it compiles
BuildNative.digests = source_digests()
setup(ext_modules=extensions(), cmdclass={"build_ext": BuildNative})
