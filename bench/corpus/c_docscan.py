"""CPU milliseconds per document of each khabar._c.docscan function against its twin, and equality.

    .venv/bin/python bench/corpus/texts.py /tmp/corpusspeed/texts.json      # once
    .venv/bin/python bench/corpus/c_docscan.py /tmp/corpusspeed/texts.json [--rounds 5]

For every function of the extension (``fold_lines``, ``fold_keys``, ``count_classes``,
``word_weights``, ``date_starts``, ``minhash``) it calls the C function and its twin (numpy, as the library runs it
without the extension; ``count_classes``'s twin is plain Python, so a second line times it
against the numpy ``count_chars`` the library runs without the extension) on the ``gen_fixed`` set (1,000 generated documents after ``khabar fix``:
what the steps see), interleaved, best of ``--rounds`` per side, and checks that the two give the
same result on every text of every set (exit 1 if not). Needs the extension built
(``setup.py build_ext --inplace``).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _pairs() -> dict[str, tuple[Callable[[str], Any], Callable[[str], Any]]]:
    from khabar import _native
    from khabar.corpus import dedup, keys, langid
    from khabar.dates import mentions
    from khabar.news import _fold

    c = _native.c_extension("khabar._c.docscan")
    if c is None:
        sys.exit(f"khabar._c.docscan is not loaded: {_native.c_status()}")
    table, masks = keys._bmp_table(), keys._class_masks(langid._PROFILE)
    n = len(langid._PROFILE)
    news = (_fold._fold_table(), _fold._GONE, _fold._ASTRAL)
    dates = mentions._char_tables()
    a, b = dedup._permutations(128, 1)

    def numpy_counts(text: str) -> Any:
        # what count_chars runs without the extension (numpy; the pure twin is for the tests)
        saved, keys._C = keys._C, None
        try:
            return keys.count_chars(text, langid._PROFILE)
        finally:
            keys._C = saved

    def stream(text: str) -> str:
        return "".join(keys.canonical_lines(text)).replace(" ", "")

    def guarded(fn: Callable[[str], Any]) -> Callable[[str], Any]:
        def call(text: str) -> Any:
            try:
                return fn(stream(text))
            except UnicodeEncodeError as exc:  # a lone surrogate: both must raise
                return f"raises {exc.reason}"
        return call

    return {
        "fold_lines (keys.canonical_lines)": (lambda t: c.fold_lines(t, table),
                                              lambda t: keys._fold_lines_py(t, table)),
        "fold_keys (news._fold.fold_lines)": (lambda t: c.fold_keys(t, *news),
                                              lambda t: _fold._fold_keys_py(t, *news)),
        "count_classes (langid's 11 classes)": (lambda t: c.count_classes(t, masks, n),
                                                lambda t: keys._count_classes_py(t, masks, n)),
        "count_classes vs numpy count_chars": (lambda t: c.count_classes(t, masks, n) or
                                               keys.count_chars(t, langid._PROFILE),
                                               numpy_counts),
        "word_weights (langid function words)": (
            lambda t: c.word_weights(keys.canonical_lines(t), langid._WORD_WEIGHTS),
            lambda t: langid._word_weights_py(keys.canonical_lines(t), langid._WORD_WEIGHTS)),
        "date_starts (dates scan)": (lambda f: c.date_starts(f, *dates),
                                     lambda f: mentions._date_starts_py(f, *dates)),
        "minhash (128 permutations, k=9)": (guarded(lambda s: c.minhash(s, 9, a, b)),
                                            guarded(lambda s: dedup._minhash_py(s, 9, a, b))),
    }


def _time(fn: Callable[[str], Any], texts: list[str]) -> float:
    t0 = time.process_time()
    for text in texts:
        fn(text)
    return 1000 * (time.process_time() - t0) / len(texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("texts", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    sets: dict[str, list[str]] = json.loads(args.texts.read_text(encoding="utf-8"))
    pairs = _pairs()
    from khabar.dates import mentions

    bad = 0
    for name, (c_fn, twin) in pairs.items():
        for set_name, texts in sets.items():
            inputs = [mentions._fold(t) for t in texts] if name.startswith("date") else texts
            differ = sum(c_fn(t) != twin(t) for t in inputs)
            if differ:
                print(f"DIFFER {name} on {set_name}: {differ} of {len(texts)} texts")
                bad += 1
    docs = sets["gen_fixed"]
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} {platform.node()} python "
          f"{platform.python_version()}; {len(docs)} documents (gen_fixed), best of {args.rounds}, "
          "CPU ms per document")
    print(f"{'function':40s} {'C':>8s} {'twin':>8s} {'x':>6s}")
    for name, (c_fn, twin) in pairs.items():
        inputs = [mentions._fold(t) for t in docs] if name.startswith("date") else docs
        c_fn(inputs[0]), twin(inputs[0])  # tables built before the clock
        best_c = best_twin = float("inf")
        for _ in range(args.rounds):
            best_c = min(best_c, _time(c_fn, inputs))
            best_twin = min(best_twin, _time(twin, inputs))
        print(f"{name:40s} {best_c:8.4f} {best_twin:8.4f} {best_twin / best_c:6.1f}")
    print("same results on every set" if not bad else f"{bad} function/set pairs differ")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
