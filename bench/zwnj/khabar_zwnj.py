#!/usr/bin/env python3
"""Score wrapper: stdin -> stdout, one line per line, Arabic ي/ك/ى folded, then ZWNJ repair.

Stands in for ``khabar fix`` until it exists: ``--cmd "python bench/zwnj/khabar_zwnj.py"``.

``--set KEY=VALUE`` (repeatable) chooses the ZWNJ fields of the fix policy
(:class:`khabar.text.policy.FixPolicy`): ``zwnj``, ``zwnj_trust``, ``zwnj_nonjoiner``,
``style`` and ``styles`` (user style files, comma-separated); the house style runs after the
engine, as in ``khabar fix``. Without ``--set`` the
default engine runs alone, exactly as before the option existed:

    python bench/zwnj/khabar_zwnj.py --set style=news < in.txt > out.txt
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from khabar.errors import ConfigError

FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
#: the policy fields this wrapper runs; the others are character and spacing rules of
#: ``khabar fix`` (its own row in run.py), not of the ZWNJ engine
ZWNJ_FIELDS = ("zwnj", "zwnj_trust", "zwnj_nonjoiner", "style", "styles")


def parse_sets(sets: Sequence[str]) -> dict[str, str]:
    """``["style=news"]`` -> ``{"style": "news"}``, refusing what the wrapper would not run.

    >>> parse_sets(["style=news", "zwnj_trust=none"])
    {'style': 'news', 'zwnj_trust': 'none'}
    """
    out: dict[str, str] = {}
    for item in sets:
        key, eq, value = item.partition("=")
        if not eq:
            raise ConfigError(f"--set {item!r}: write it as KEY=VALUE, e.g. style=news")
        if key not in ZWNJ_FIELDS:
            raise ConfigError(
                f"--set {key}: the ZWNJ benchmark runs the engine and the house style only; "
                f"valid keys: {', '.join(ZWNJ_FIELDS)} (score 'khabar fix --set' for the others)"
            )
        out[key] = value
    return out


def repair_function(sets: Sequence[str] = ()) -> Callable[[str], str]:
    """The function the benchmark scores: one line in (Arabic ي/ك/ى already folded), one out."""
    from khabar.text.fix import Fixer
    from khabar.text.policy import FixPolicy
    from khabar.text.style import apply_style
    from khabar.text.zwnj import default_repairer

    if not sets:
        return default_repairer().repair  # the default row: the engine alone, as always
    policy = FixPolicy.from_kwargs(**parse_sets(sets))
    repairer = Fixer(policy).repairer
    engine = repairer.repair if repairer is not None else str
    style, files = policy.style, policy.styles

    def repair(line: str) -> str:
        return apply_style(engine(line), style, files)

    return repair


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", dest="sets", action="append", default=[], metavar="KEY=VALUE")
    a = ap.parse_args(argv)
    try:
        repair = repair_function(a.sets)
    except ConfigError as exc:
        print(f"khabar_zwnj.py: {exc}", file=sys.stderr)
        return 2
    out = sys.stdout
    for line in sys.stdin:
        out.write(repair(line.rstrip("\n").translate(FOLD)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
