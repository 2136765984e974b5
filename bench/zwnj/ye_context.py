#!/usr/bin/env python3
"""How often the plural «X‌های» and «Xه‌ای» stand before an open or a closed context.

    .venv/bin/python bench/zwnj/ye_context.py

Reads the PerDT and Seraji TRAIN text (``../shared/data/ud_*/train.txt``, where both readings
are written with their ZWNJ) and counts, for each reading, the words followed by a closed
context (a word of ``NO_EZAFE_AFTER``, a finite verb of ``HAVE_FORMS`` or opening with
``VERB_OPENINGS``, ``، . ؛ : ! ؟`` or the line's end) and by an open one (any other word). The
four counts are the constants ``_PLURAL_OPEN`` ... ``_HEH_YE_CLOSED`` of ``khabar.text.zwnj``
(2026-11-30, with the verbs: plural 4,732 open / 26 closed, «ه‌ای» 725 / 927; without them,
2026-11-29: 4,732 / 26 and 787 / 865: no plural stands before such a verb). Of the open
ones, it also counts those right after a noun that takes the ezafe (the engine's own test,
``ZwnjRepairer._noun_before``): ``_PLURAL_AFTER_NOUN`` and ``_HEH_YE_AFTER_NOUN`` (2026-11-30:
plural 340 / «ه‌ای» 134 after such a noun). Of those, it counts the ones right after a plural in
«های» of a known word (``ZwnjRepairer._plural_before``): ``_PLURAL_AFTER_PLURAL`` and
``_HEH_YE_AFTER_PLURAL`` (2026-11-30: plural 26 / «ه‌ای» 32).
Last, the «ه‌ای» words whose «ه» word is a past participle of the lexicon's verbs (کرده‌ای,
آمده‌ای): ``_PARTICIPLE_HEH_YE_OPEN`` and ``_PARTICIPLE_HEH_YE_CLOSED`` (2026-11-30: 19 / 65).

    .venv/bin/python bench/zwnj/ye_context.py --after

counts instead, for each reading, the words followed by one of the word sets the engine's
context test reads besides the closed context above (the next word's ZWNJs removed, folded,
its punctuation stripped): ``NO_PLURAL_EZAFE_PREPOSITIONS`` and ``LIGHT_VERB_FORMS`` (2026-11-30:
plural 0 and 0, «ه‌ای» 24 and 12), ``COPULA_INFINITIVES`` (2026-12-01: plural 0, «ه‌ای» 4) and
``POSSESSOR_PRONOUNS`` (``_PLURAL_BEFORE_PRONOUN`` /
``_HEH_YE_BEFORE_PRONOUN``, 2026-11-30: 313 / 12), and the words right after one of
``PLURAL_QUANTIFIERS`` (the word before, likewise keyed) or one of ``PARTITIVES`` and «از»
(2026-11-30: plural 111 and 95, «ه‌ای» 0 and 0), and prints each set's words with
counts. Session 21 (2026-12-01) added ``QUANTITY_ADJECTIVES`` after the word (plural 66,
«ه‌ای» 0), the subjunctive verbs after it (``ZwnjRepairer._subjunctive_verb``: «ب» + a form the
lexicon writes after «می‌», ``SUBJUNCTIVE``: plural 0, «ه‌ای» 9) and «نام‌های» / «نامه‌ای» right
after one of ``NAMING_PREPOSITIONS`` (``NAMED``: «نام‌های» 4, «نامه‌ای» 0; the glued «به
نامهای محمد» once more).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from khabar.text.lexicon import fold
from khabar.text.zwnj import (
    COPULA_INFINITIVES,
    HAVE_FORMS,
    LIGHT_VERB_FORMS,
    NAMING_PREPOSITIONS,
    NO_EZAFE_AFTER,
    NO_PLURAL_EZAFE_PREPOSITIONS,
    PARTITIVES,
    PLURAL_QUANTIFIERS,
    POSSESSOR_PRONOUNS,
    QUANTITY_ADJECTIVES,
    VERB_OPENINGS,
    ZWNJ,
    default_repairer,
)
from khabar.text.zwnj.constants import _PHRASE_END

DATA = ROOT.parent / "shared" / "data"
PUNCT = "".join(_PHRASE_END)


def reading(core: str) -> str | None:
    """``plural`` for «X‌های», ``heh_ye`` for «Xه‌ای», else None (``core``: no punctuation)."""
    if core.endswith(ZWNJ + "های"):
        return "plural"
    if core.endswith("ه" + ZWNJ + "ای"):
        return "heh_ye"
    return None


def after_counts() -> int:
    """The ``--after`` table: how often each reading stands before each word set (and after
    a quantifier of ``PLURAL_QUANTIFIERS``)."""
    sets = {
        "NO_PLURAL_EZAFE_PREPOSITIONS": NO_PLURAL_EZAFE_PREPOSITIONS,
        "LIGHT_VERB_FORMS": LIGHT_VERB_FORMS,
        "COPULA_INFINITIVES": COPULA_INFINITIVES,
        "POSSESSOR_PRONOUNS": POSSESSOR_PRONOUNS,
        "QUANTITY_ADJECTIVES": QUANTITY_ADJECTIVES,
    }
    engine = default_repairer()
    names = [*sets, "PLURAL_QUANTIFIERS", "PARTITIVES", "SUBJUNCTIVE", "NAMED"]
    totals = {name: {"plural": 0, "heh_ye": 0} for name in names}
    words: dict[str, dict[str, list[int]]] = {name: {} for name in names}
    for path in (DATA / "ud_perdt" / "train.txt", DATA / "ud_seraji" / "train.txt"):
        for line in path.open(encoding="utf-8"):
            toks = line.split()
            for i, tok in enumerate(toks):
                core = tok.rstrip(PUNCT)
                kind = reading(core)
                if kind is None:
                    continue
                before = fold(toks[i - 1].replace(ZWNJ, "")) if i else ""
                if before in PLURAL_QUANTIFIERS:
                    totals["PLURAL_QUANTIFIERS"][kind] += 1
                    row = words["PLURAL_QUANTIFIERS"].setdefault(before, [0, 0])
                    row[kind == "heh_ye"] += 1
                if before == "از" and i >= 2 and fold(toks[i - 2].replace(ZWNJ, "")) in PARTITIVES:
                    totals["PARTITIVES"][kind] += 1
                    row = words["PARTITIVES"].setdefault(fold(toks[i - 2].replace(ZWNJ, "")), [0, 0])
                    row[kind == "heh_ye"] += 1
                if before in NAMING_PREPOSITIONS and fold(core.replace(ZWNJ, "")) == "نامهای":
                    totals["NAMED"][kind] += 1
                    row = words["NAMED"].setdefault(before, [0, 0])
                    row[kind == "heh_ye"] += 1
                if core != tok or i == len(toks) - 1:
                    continue
                key = fold(toks[i + 1].rstrip(PUNCT).replace(ZWNJ, ""))
                if engine._subjunctive_verb(key):
                    totals["SUBJUNCTIVE"][kind] += 1
                    row = words["SUBJUNCTIVE"].setdefault(key, [0, 0])
                    row[kind == "heh_ye"] += 1
                for name, members in sets.items():
                    if key in members:
                        totals[name][kind] += 1
                        row = words[name].setdefault(key, [0, 0])
                        row[kind == "heh_ye"] += 1
    for name, total in totals.items():
        print(f"{name:30} plural {total['plural']:5}  heh_ye {total['heh_ye']:5}")
        print("   ", "  ".join(f"{w} {p}/{h}" for w, (p, h) in sorted(words[name].items())))
    return 0


def main() -> int:
    if sys.argv[1:] == ["--after"]:
        return after_counts()
    counts = {"plural": [0, 0], "heh_ye": [0, 0]}  # [open, closed]
    after_noun = {"plural": 0, "heh_ye": 0}  # open, right after a noun that takes the ezafe
    after_plural = {"plural": 0, "heh_ye": 0}  # of those, right after a plural in «های»
    participle = [0, 0]  # «Xه‌ای» whose «Xه» is a past participle (کرده‌ای): [open, closed]
    engine = default_repairer()
    participles = engine._participles
    for path in (DATA / "ud_perdt" / "train.txt", DATA / "ud_seraji" / "train.txt"):
        for line in path.open(encoding="utf-8"):
            toks = line.split()
            for i, tok in enumerate(toks):
                core = tok.rstrip(PUNCT)
                if core.endswith(ZWNJ + "های"):
                    kind = "plural"
                elif core.endswith("ه" + ZWNJ + "ای"):
                    kind = "heh_ye"
                else:
                    continue
                closed = (
                    core != tok
                    or i == len(toks) - 1
                    or toks[i + 1] in NO_EZAFE_AFTER
                    or toks[i + 1].rstrip(PUNCT) in HAVE_FORMS
                    or toks[i + 1].startswith(VERB_OPENINGS)
                    or toks[i + 1][0] in _PHRASE_END
                )
                counts[kind][closed] += 1
                if kind == "heh_ye" and fold(core[: -len("ای")].replace(ZWNJ, "")) in participles:
                    participle[closed] += 1
                prev = toks[i - 1].replace(ZWNJ, "") if i else ""
                if not closed and prev.isalpha() and engine._noun_before(fold(prev)):
                    after_noun[kind] += 1
                    if engine._plural_before(fold(prev)):
                        after_plural[kind] += 1
    for kind, (opened, closed) in counts.items():
        print(
            f"{kind:7} open {opened:6}  closed {closed:6}  open after a noun {after_noun[kind]:6}"
            f"  of them after a plural {after_plural[kind]:6}"
        )
    print(f"heh_ye of a participle: open {participle[0]:6}  closed {participle[1]:6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
