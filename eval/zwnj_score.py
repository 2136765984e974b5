"""Score ZWNJ restoration and harm of a text repair function against gold Persian lines.

An in-repository reimplementation of the project's shared scorer (``score_zwnj.py``), so the
quality gate runs in a user's clone without ``../shared``; ``tests/text/test_quality_gate.py``
checks, when ``../shared`` is present, that both give the same numbers.

Inputs are made from gold lines by *mode*: ``glued`` drops every ZWNJ, ``spaced`` turns every
ZWNJ into a space, ``intact`` leaves the gold as it is (a do-no-harm check). Scored positions are
ZWNJ boundaries after a dual-joining letter, where a ZWNJ changes how the word looks; letters,
digits and diacritics are folded first, so ``ي``/``ی`` or ``۱``/``1`` are not counted.

Run it: ``python eval/zwnj_score.py GOLD_FILE [MODE]`` prints the JSON scores of ``khabar.fix``.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

Z = "\u200c"
#: letters that join to the following letter (dual-joining): a ZWNJ after them is visible
JOINING = set("بپتثجچحخسشصضطظعغفقکگلمنهیئـكيه")
#: two-way spellings, both accepted and not scored
VARIANTS = {"آنها", "اینها"}
_FOLD = str.maketrans(
    {
        "ي": "ی", "ك": "ک", "ى": "ی", "\u0654": "", "ۀ": "ه", "ة": "ه", "\u00a0": " ",
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)  # fmt: skip
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200e\u200f\u200d]")
_SPACES = re.compile(r"\s+")


def fold(s: str) -> str:
    """Canonical form for comparison: letter variants, digits, diacritics, whitespace."""
    s = unicodedata.normalize("NFC", s).translate(_FOLD)
    return _SPACES.sub(" ", _MARKS.sub("", s)).strip()


def boundaries(s: str) -> tuple[str, set[int]]:
    """The text without ZWNJs, and the indices in it that have a visible ZWNJ before them."""
    out: list[str] = []
    marks = set()
    for ch in s:
        if ch == Z:
            if out and out[-1] in JOINING:
                marks.add(len(out))
        else:
            out.append(ch)
    return "".join(out), marks


def _variant_spans(skel: str) -> set[int]:
    spans: set[int] = set()
    for m in re.finditer(r"\S+", skel):
        if m.group() in VARIANTS or m.group().replace(Z, "") in VARIANTS:
            spans.update(range(m.start(), m.end() + 1))
    return spans


def marks(gold: str, out: str) -> tuple[str, set[int], set[int]]:
    """Gold's skeleton, its scored ZWNJ boundaries, and ``out``'s boundaries mapped onto gold's
    skeleton (two-way spellings left out of both)."""
    g_skel, g_marks = boundaries(fold(gold))
    o_skel, o_marks = boundaries(fold(out))
    skip = _variant_spans(g_skel)
    if o_skel != g_skel:  # other characters changed: map the output's positions onto gold's
        sm = difflib.SequenceMatcher(None, o_skel, g_skel, autojunk=False)
        pos = {}
        for tag, i1, i2, j1, _ in sm.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1 + 1):
                    pos[i1 + k] = j1 + k
        o_marks = {pos[k] for k in o_marks if k in pos}
    return g_skel, {k for k in g_marks if k not in skip}, {k for k in o_marks if k not in skip}


def score_line(gold: str, out: str) -> tuple[int, int, int]:
    """(correct, predicted, gold) ZWNJ boundaries of one line."""
    _, g, o = marks(gold, out)
    return len(g & o), len(o), len(g)


def _canon_word(w: str) -> str:
    if w.replace(Z, "") in VARIANTS:
        return w
    return "".join(ch for i, ch in enumerate(w) if ch != Z or (i and w[i - 1] in JOINING))


def _words(s: str) -> list[str]:
    return [_canon_word(w) for w in fold(s).split(" ") if w]


def damage(gold: Sequence[str], mode: str) -> list[str]:
    """The input lines of ``mode`` made from ``gold`` lines."""
    gold = [g.replace("\u00a0", " ") for g in gold]
    if mode == "glued":
        return [g.replace(Z, "") for g in gold]
    if mode == "spaced":
        return [re.sub(" +", " ", g.replace(Z, " ")) for g in gold]
    if mode == "intact":
        return list(gold)
    raise ValueError(f"mode {mode!r} is not one of glued, spaced, intact")


def score(gold: Sequence[str], out: Sequence[str], mode: str) -> dict[str, float | int | str]:
    """Precision, recall and F1 of ZWNJ boundaries, word accuracy, and harm (intact mode)."""
    if len(gold) != len(out):
        raise ValueError(f"{len(out)} output lines for {len(gold)} gold lines")
    gold = [g.replace("\u00a0", " ") for g in gold]
    tp = npred = ngold = 0
    same = total = 0
    for g, o in zip(gold, out, strict=True):
        a, b, c = score_line(g, o)
        tp, npred, ngold = tp + a, npred + b, ngold + c
        gw, ow = _words(g), _words(o)
        sm = difflib.SequenceMatcher(None, gw, ow, autojunk=False)
        same += sum(block.size for block in sm.get_matching_blocks())
        total += len(gw)
    prec = tp / npred if npred else 1.0
    rec = tp / ngold if ngold else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    res: dict[str, float | int | str] = {
        "mode": mode, "units": len(gold), "gold_zwnj": ngold, "predicted": npred, "correct": tp,
        "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
        "word_accuracy": round(same / total, 4) if total else 1.0,
    }  # fmt: skip
    if mode == "intact":
        res["harm"] = round(1 - same / total, 4) if total else 0.0
    return res


def evaluate(
    gold: Sequence[str], repair: Callable[[str], str], mode: str
) -> dict[str, float | int | str]:
    """Damage ``gold`` by ``mode``, repair each line, and score the result."""
    return score(gold, [repair(line) for line in damage(gold, mode)], mode)


def read_gold(path: Path) -> list[str]:
    """The non-empty lines of a gold file, as the shared scorer reads them."""
    return [line.rstrip("\n") for line in path.open(encoding="utf-8") if line.strip()]


if __name__ == "__main__":
    from khabar.text.fix import fix

    mode = sys.argv[2] if len(sys.argv) > 2 else "glued"
    print(json.dumps(evaluate(read_gold(Path(sys.argv[1])), fix, mode)))
