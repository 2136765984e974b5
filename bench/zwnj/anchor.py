#!/usr/bin/env python3
"""Run one anchor normaliser (hazm, shekar or negar) as a line filter: stdin -> stdout.

Runs inside bench/.venv-anchors (made by bench/zwnj/run.py), never in khabar's venv: the
anchors are points of comparison, not dependencies. One output line per input line.

    bench/.venv-anchors/bin/python bench/zwnj/anchor.py hazm < in.txt > out.txt
"""

import sys


def make(name: str):
    """The normalise function of ``name``, with the tool's default settings."""
    if name == "hazm":
        from hazm import Normalizer

        return Normalizer().normalize
    if name == "shekar":
        from shekar import Normalizer

        return Normalizer()
    if name == "negar":
        from negar.virastar import PersianEditor

        return lambda text: PersianEditor(text).cleanup()
    raise SystemExit(f"unknown anchor {name!r}; choose hazm, shekar or negar")


def main() -> None:
    normalise = make(sys.argv[1])
    out = sys.stdout
    for line in sys.stdin:
        text = line.rstrip("\n")
        result = normalise(text) if text.strip() else text
        out.write(str(result).replace("\n", " ") + "\n")


if __name__ == "__main__":
    main()
