#!/usr/bin/env python3
"""An honest held-out estimate of the ZWNJ engine: k-fold over the UD TRAIN splits (issue #3).

    .venv/bin/python bench/zwnj/heldout.py                    # k=5, both treebanks, hazm too
    .venv/bin/python bench/zwnj/heldout.py --no-anchor --modes glued
    .venv/bin/python bench/zwnj/heldout.py --work-dir /tmp/heldout --write bench/zwnj/heldout.md

Every rule and threshold of the engine was judged on the dev sets, so the dev score may hold
some tuning. The test splits are not here; this script makes held-out text out of TRAIN:

1. **Folds.** Each treebank's ``train.txt`` (PerDT, Seraji; one sentence per line) is cut into
   ``k`` (default 5) contiguous blocks by line number: fold ``i`` holds the lines
   ``[i*n//k, (i+1)*n//k)`` of the file's ``n`` lines (:func:`fold_bounds`). Blocks, not every
   k-th line, so that neighbouring sentences (one article's names) fall on one side, as they
   do for dev and test; ``--split mod`` (line ``j`` in fold ``j % k``) is there to compare.
2. **Lexicon without the fold.** For fold ``i``, the TRAIN lines of BOTH treebanks outside
   their fold ``i`` are written to ``WORK/fold-i/ud_perdt/train.txt`` and
   ``.../ud_seraji/train.txt`` (the folder names matter: the build treats Seraji's glued
   plurals by folder) and ``scripts/build_lexicon.py --treebanks-only`` builds
   ``zwnj_lexicon.tsv`` from them (built once per fold and kept, keyed by the inputs' SHA-256;
   with both full TRAIN files the build is byte-identical to the shipped file, which
   ``tests/text/test_zwnj_heldout.py`` checks).
3. **Engine on that lexicon.** :func:`engine_lexicon` builds the :class:`Lexicon` exactly as the
   shipped one is built (same word lists, web words, reviewed exceptions, spellings and given
   names as shipped; only the treebank counts change) without touching the shipped files or the
   user's lexicon cache, and the engine is ``ZwnjRepairer(lexicon)`` with its default policy,
   the engine of ``bench/zwnj/khabar_zwnj.py`` (Arabic ي/ك/ى folded first).
4. **Scores.** Fold ``i`` of each treebank is damaged and scored in the modes of
   ``../shared/tools/score_zwnj.py`` (glued, spaced, intact), with ``eval/zwnj_score.py``, the
   in-repository twin of that scorer (``tests/text/test_quality_gate.py`` checks they agree), as
   ``bench/zwnj/quick.py`` scores dev. Beside the folds' mean and spread: the dev score with the
   shipped lexicon (the number of record), the dev score with each fold's lexicon (80% of TRAIN:
   how much of a gap is only the smaller lexicon), and hazm 0.10.0 (``bench/.venv-anchors``,
   ``bench/zwnj/anchor.py``) on the same lines, an anchor that never saw either split.
5. **What still sees the fold** (:func:`leak_report`): the engine's hand-written data (reviewed
   exceptions, spellings, given names) and the words written in its source
   (``khabar/text/zwnj.py``, ``lexicon.py``) were written by people who read TRAIN counts; the
   word lists (shekar, hazm, wordfreq) were selected as words "TRAIN never wrote". For each
   fold the script counts the fold's words that only such data knows, and ``--ablate`` scores
   the folds and dev again with the reviewed files emptied. Also the out-of-vocabulary rate of
   each fold and of dev.

Writes a markdown report (``--write``) with the machine, the command and the time it took.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(HERE))

from zwnj_score import JOINING, damage, score

SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
#: treebank name -> its folder in ../shared/data (train.txt, dev.txt); the folder name is the
#: source name scripts/build_lexicon.py reads Seraji's glued plurals by
TREEBANKS = {"PerDT": "ud_perdt", "Seraji": "ud_seraji"}
MODES = ("glued", "spaced", "intact")
K = 5
ZWNJ = "\u200c"
ANCHORS = ROOT / "bench" / ".venv-anchors"
#: the reviewed, hand-written files of the shipped lexicon (``--ablate`` empties them)
REVIEWED = ("zwnj_exceptions.txt", "zwnj_spellings.txt", "zwnj_given_names.txt")
#: the engine's sources whose string literals (docstrings left out) may name words: the zwnj
#: package's modules, and lexicon.py
ENGINE_SOURCES = ("zwnj", "lexicon.py")


# ---- folds -------------------------------------------------------------------------------------


def fold_bounds(n: int, k: int = K) -> list[tuple[int, int]]:
    """The ``k`` contiguous blocks ``[start, end)`` of ``n`` line numbers (sizes differ by <= 1).

    >>> fold_bounds(10, 3)
    [(0, 3), (3, 6), (6, 10)]
    """
    if k < 2 or n < k:
        raise ValueError(f"cannot cut {n} lines into k={k} folds; use 2 <= k <= the line count")
    return [(i * n // k, (i + 1) * n // k) for i in range(k)]


def fold_of_lines(n: int, k: int = K, split: str = "block") -> list[int]:
    """The fold of each of ``n`` line numbers: contiguous blocks, or ``j % k`` (``mod``).

    >>> fold_of_lines(7, 3), fold_of_lines(7, 3, "mod")
    ([0, 0, 1, 1, 2, 2, 2], [0, 1, 2, 0, 1, 2, 0])
    """
    if split == "mod":
        fold_bounds(n, k)  # the same checks
        return [j % k for j in range(n)]
    if split != "block":
        raise ValueError(f"split {split!r} is not 'block' or 'mod'")
    out = [0] * n
    for i, (start, end) in enumerate(fold_bounds(n, k)):
        out[start:end] = [i] * (end - start)
    return out


def split_lines(lines: Sequence[str], k: int = K, split: str = "block") -> list[list[str]]:
    """The lines of each fold, in file order (every line in exactly one fold)."""
    folds: list[list[str]] = [[] for _ in range(k)]
    for line, i in zip(lines, fold_of_lines(len(lines), k, split), strict=True):
        folds[i].append(line)
    return folds


def read_lines(path: Path) -> list[str]:
    """Every line of ``path`` without its newline (empty lines kept: they have a number too)."""
    return path.read_text(encoding="utf-8").split("\n")[:-1] if path.stat().st_size else []


def gold_lines(lines: Iterable[str]) -> list[str]:
    """The lines the shared scorer scores: the non-empty ones."""
    return [line for line in lines if line.strip()]


# ---- lexicons ----------------------------------------------------------------------------------


def build_script() -> object:
    """``scripts/build_lexicon.py`` as a module (scripts/ is not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_lexicon", ROOT / "scripts" / "build_lexicon.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: what scripts/build_lexicon.py writes, by the name the lexicon reads it under
BUILT = {
    "zwnj_lexicon.tsv": "--output",
    "zwnj_word_lists.tsv": "--lists-output",
    "zwnj_web_glued.txt": "--web-output",
}


@dataclass(frozen=True)
class ListDirs:
    """The word-list installs ``scripts/build_lexicon.py`` reads (shekar 1.7.0's data/files,
    hazm 0.10.0's data, wordfreq 3.1.1's data); with them each fold rebuilds the word lists and
    web words too, else they stay as shipped."""

    shekar: Path
    hazm: Path
    wordfreq: Path

    def args(self) -> list[str]:
        return [
            "--shekar-dir", str(self.shekar), "--hazm-dir", str(self.hazm),
            "--wordfreq-dir", str(self.wordfreq),
        ]  # fmt: skip


def fold_files(
    train: dict[str, list[list[str]]],
    fold: int,
    work: Path,
    split: str,
    lists: ListDirs | None,
) -> dict[str, bytes]:
    """The files ``scripts/build_lexicon.py`` builds from the TRAIN lines of every treebank
    outside ``fold`` (the treebank lexicon; with ``lists`` the word lists and web words too),
    by shipped name; built in ``WORK/<split>-k<k>-fold-<fold>[-lists]/`` and reused while their
    inputs (lines, the script's source, the list folders) are unchanged."""
    folder = work / f"{split}-k{len(next(iter(train.values())))}-fold-{fold}"
    folder = folder.with_name(folder.name + ("-lists" if lists else ""))
    sources = []
    digest = hashlib.sha256((ROOT / "scripts" / "build_lexicon.py").read_bytes())
    digest.update(repr(lists).encode())
    for name, folds in train.items():
        text = "".join(line + "\n" for i, lines in enumerate(folds) if i != fold for line in lines)
        path = folder / TREEBANKS[name] / "train.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        digest.update(text.encode())
        sources.append(path)
    names = list(BUILT) if lists else ["zwnj_lexicon.tsv"]
    stamp = folder / "built.sha256"
    if not (stamp.exists() and stamp.read_text() == digest.hexdigest()):
        outputs = [x for name in names for x in (BUILT[name], str(folder / name))]
        options = lists.args() if lists else ["--treebanks-only"]
        code = build_script().main([*options, *outputs, *map(str, sources)])  # type: ignore[attr-defined]
        if code:
            raise SystemExit(f"scripts/build_lexicon.py failed (exit {code}) for fold {fold}")
        stamp.write_text(digest.hexdigest())
    return {name: (folder / name).read_bytes() for name in names}


def shipped_data() -> dict[str, bytes]:
    """The bytes of every shipped lexicon file, by name."""
    from khabar.text.lexicon import SHIPPED_FILES

    folder = resources.files("khabar") / "data" / "lexicon"
    return {name: (folder / name).read_bytes() for name in SHIPPED_FILES}


def engine_lexicon(built: dict[str, bytes] | None = None, *, reviewed: bool = True) -> object:
    """The lexicon the engine would load had ``scripts/build_lexicon.py`` written ``built``
    (shipped name -> bytes; None: nothing) over the shipped files; the other files as shipped,
    or the reviewed ones (:data:`REVIEWED`) empty. Built the way :meth:`Lexicon.load` builds
    the shipped lexicon (``Lexicon._build_shipped``), with no cache read or written (the
    user's cache is keyed by the shipped files and stays as it is)."""
    from khabar.text.lexicon import Lexicon

    data = {**shipped_data(), **(built or {})}
    if not reviewed:
        data.update({name: b"" for name in REVIEWED})
    return Lexicon._build_shipped(data)


def repair_function(lexicon: object | None) -> Callable[[str], str]:
    """The engine as ``bench/zwnj/khabar_zwnj.py`` runs it (Arabic ي/ك/ى folded first), on
    ``lexicon`` (None: the shipped one, i.e. ``default_repairer()``)."""
    from khabar_zwnj import FOLD

    from khabar.text.zwnj import ZwnjRepairer, default_repairer

    engine = default_repairer() if lexicon is None else ZwnjRepairer(lexicon)  # type: ignore[arg-type]
    repair = engine.repair

    def run(line: str) -> str:
        return repair(line.translate(FOLD))

    return run


# ---- scoring -----------------------------------------------------------------------------------


def metric(mode: str) -> str:
    return "harm" if mode == "intact" else "f1"


#: a ZWNJ between a joining letter and a plural ending that ends the word (``کتاب‌های``)
PLURAL_ZWNJ_RE = re.compile(
    "(?<=[بپتثجچحخسشصضطظعغفقکگلمنهیئ])\u200c(?=(?:هایشان|هایمان|هایتان|هایی|هایم|هایت|هایش"
    "|های|ها)(?![\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff]))"
)


def without_plural_zwnj(line: str) -> str:
    """``line`` with every plural ZWNJ after a joining letter removed (``کتاب‌ها`` ->
    ``کتابها``): applied to gold and output alike, those boundaries are scored nowhere.

    >>> without_plural_zwnj("کتاب\u200cهای می\u200cرود") == "کتابهای می\u200cرود"
    True
    >>> without_plural_zwnj("ده\u200cهاشم") == "ده\u200cهاشم"  # not a plural ending
    True
    """
    return PLURAL_ZWNJ_RE.sub("", line)


def score_output(gold: Sequence[str], out: Sequence[str], mode: str) -> dict:
    """The scorer's result, and under ``"no_plural"`` the same with the plural boundaries after
    joining letters left out (:func:`without_plural_zwnj`), where Seraji's gold writes half of
    its plurals glued and the engine (as the Academy) writes a ZWNJ: a convention, not an error."""
    result = score(gold, out, mode)
    strip = without_plural_zwnj
    result["no_plural"] = score([strip(g) for g in gold], [strip(o) for o in out], mode)
    return result


def score_engine(
    gold: Sequence[str], repair: Callable[[str], str], modes: Sequence[str]
) -> dict[str, dict]:
    """mode -> the scorer's result for ``repair`` on ``gold`` (:func:`score_output`)."""
    return {
        mode: score_output(gold, [repair(x) for x in damage(gold, mode)], mode) for mode in modes
    }


def wrong_words(gold: str, out: str) -> list[tuple[str, str]]:
    """The spans where ``out`` differs from ``gold``, word by word (words: split at spaces,
    aligned by :class:`difflib.SequenceMatcher`, so a join or a split is one span).

    >>> wrong_words("علی می‌رود", "علی میرود") == [("می‌رود", "میرود")]
    True
    >>> wrong_words("مشرف علیه نواز", "مشرف علیه‌نواز") == [("علیه نواز", "علیه‌نواز")]
    True
    >>> wrong_words("یک دو", "یک دو")
    []
    """
    g, o = gold.split(" "), out.split(" ")
    spans = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, g, o, autojunk=False).get_opcodes():
        if op != "equal":
            spans.append((" ".join(g[i1:i2]), " ".join(o[j1:j2])))
    return spans


def dump_wrong(
    gold: Sequence[str], repair: Callable[[str], str], modes: Sequence[str], prefix: Path
) -> None:
    """Write ``PREFIX-MODE.tsv`` per mode: line number (in the fold's scored lines), gold
    words, output words, one row per :func:`wrong_words` span."""
    prefix.parent.mkdir(parents=True, exist_ok=True)
    for mode in modes:
        rows = [
            f"{n}\t{g}\t{o}"
            for n, (line, damaged) in enumerate(zip(gold, damage(gold, mode), strict=True))
            for g, o in wrong_words(line, repair(damaged))
        ]
        path = prefix.with_name(f"{prefix.name}-{mode}.tsv")
        path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")


def anchor_outputs(
    name: str, gold: Sequence[str], mode: str, work: Path, anchors: Path
) -> list[str] | None:
    """The anchor's output lines on ``gold`` damaged by ``mode`` (run as ``bench/zwnj/run.py``
    runs it: damaged lines on stdin), cached in ``work``; None if the anchor is not installed."""
    python = anchors / name / "bin" / "python"
    if not python.exists():
        return None
    damaged = damage(gold, mode)
    text = "\n".join(damaged) + "\n"
    digest = hashlib.sha256(f"{name}\0{mode}\0".encode() + text.encode()).hexdigest()[:20]
    cached = work / "anchors" / f"{name}-{mode}-{digest}.txt"
    if cached.exists():
        out = cached.read_text(encoding="utf-8").split("\n")[:-1]
    else:
        proc = subprocess.run(
            [str(python), str(HERE / "anchor.py"), name],
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        out = proc.stdout.split("\n")[:-1]
        if proc.returncode or len(out) != len(gold):
            raise SystemExit(
                f"anchor {name} failed (exit {proc.returncode}, {len(out)} lines for "
                f"{len(gold)}): {proc.stderr[-300:]}"
            )
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text("\n".join(out) + "\n", encoding="utf-8")
    return out


# ---- vocabulary and leaks ----------------------------------------------------------------------


def key(word: str) -> str:
    """A word's lexicon key: folded as the lexicon folds, ZWNJs removed."""
    from khabar.text.lexicon import fold

    return fold(word).replace(ZWNJ, "")


def token_keys(forms: Iterable[str]) -> set[str]:
    """Keys of the one-word forms of a counts file (pairs left out)."""
    return {key(form) for form in forms if " " not in form}


def engine_source_words(token_re: object) -> set[str]:
    """Keys of the Persian words in string literals (not docstrings) of the engine's sources."""
    words: set[str] = set()
    text = resources.files("khabar") / "text"
    files = []
    for name in ENGINE_SOURCES:
        if (text / name).is_dir():
            files += sorted((f for f in (text / name).iterdir() if f.name.endswith(".py")),
                            key=lambda f: f.name)
        else:
            files.append(text / name)
    for file in files:
        source = file.read_text(encoding="utf-8")
        tree = ast.parse(source)
        docs = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                body = node.body
                if (
                    body
                    and isinstance(body[0], ast.Expr)
                    and isinstance(body[0].value, ast.Constant)
                ):
                    docs.add(id(body[0].value))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docs
            ):
                words.update(key(t) for t in token_re.findall(node.value))  # type: ignore[attr-defined]
    return words


@dataclass
class Vocabulary:
    """The keys each source of the engine knows, for one treebank lexicon."""

    treebank: set[str]
    lists: set[str]
    reviewed: set[str]
    source: set[str]
    #: reviewed or source words that neither the treebank lexicon nor the word lists know
    only_hand: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.only_hand = (self.reviewed | self.source) - self.treebank - self.lists


def vocabulary(files: dict[str, bytes], token_re: object) -> Vocabulary:
    """The keys each source knows, from the lexicon files by shipped name."""
    from khabar.text.lexicon import (
        SHIPPED,
        SHIPPED_LISTS,
        SHIPPED_WEB_GLUED,
        parse_counts,
        parse_user_entries,
    )

    lists = token_keys(parse_counts(files[SHIPPED_LISTS].decode(), "lists"))
    lists |= token_keys(parse_user_entries(files[SHIPPED_WEB_GLUED].decode(), "web"))
    reviewed: set[str] = set()
    for name in REVIEWED:
        reviewed |= token_keys(parse_user_entries(files[name].decode(), name))
    return Vocabulary(
        treebank=token_keys(parse_counts(files[SHIPPED].decode(), "treebank")),
        lists=lists,
        reviewed=reviewed,
        source=engine_source_words(token_re),
    )


#: a plural ``ها`` (and its endings) after a joining letter, written glued or with a ZWNJ
#: (``کتابها``, ``کتاب‌های``): which of the two a text writes is its convention
PLURAL_RE = re.compile(
    "^(.*[بپتثجچحخسشصضطظعغفقکگلمنهیئ])(\u200c?)(ها|های|هایی|هایش|هایشان|هایمان|هایتان|هایم)$"
)
#: glued words that only look like a plural (``تنها``: "alone"), and the two-way spellings
NOT_PLURAL = frozenset({"تنها", "آنها", "اینها"})


def glued_plural(token: str) -> bool | None:
    """Whether ``token`` is a plural after a joining letter written glued (True), with a ZWNJ
    (False), or not such a plural (None); approximate: a stem of two letters or more.

    >>> glued_plural("کتابها"), glued_plural("کتاب\u200cهای"), glued_plural("تنها")
    (True, False, None)
    """
    m = PLURAL_RE.match(token)
    if m is None or len(m.group(1)) < 2 or token.replace(ZWNJ, "") in NOT_PLURAL:
        return None
    return not m.group(2)


def has_scored_zwnj(token: str) -> bool:
    """Whether a gold token holds a ZWNJ the scorer scores (after a joining letter)."""
    return any(ch == ZWNJ and i and token[i - 1] in JOINING for i, ch in enumerate(token))


def leak_report(gold: Sequence[str], vocab: Vocabulary, token_re: object) -> dict[str, float]:
    """Out-of-vocabulary rates of ``gold``'s words, and how many only hand-written data knows.

    ``oov_treebank``: share of word tokens whose key the treebank lexicon lacks; ``oov_all``:
    that no source of the engine knows; ``*_zwnj``: the same among tokens with a scored ZWNJ;
    ``only_hand``: tokens (and ``only_hand_zwnj`` with a scored ZWNJ, ``only_hand_types``
    distinct keys) that only the reviewed files or the engine's source name;
    ``plural_glued_share``: the share of plurals after a joining letter written glued
    (:func:`glued_plural`), the text's convention, which the engine does not follow.
    """
    tokens = zwnj_tokens = 0
    oov_tb = oov_all = oov_tb_z = oov_all_z = 0
    only = only_z = 0
    plurals = plurals_glued = 0
    only_types: set[str] = set()
    known_all = vocab.treebank | vocab.lists | vocab.reviewed | vocab.source
    for line in gold:
        for tok in token_re.findall(line):  # type: ignore[attr-defined]
            k = key(tok)
            z = has_scored_zwnj(tok)
            glued = glued_plural(tok)
            if glued is not None:
                plurals += 1
                plurals_glued += glued
            tokens += 1
            zwnj_tokens += z
            if k not in vocab.treebank:
                oov_tb += 1
                oov_tb_z += z
                if k not in known_all:
                    oov_all += 1
                    oov_all_z += z
            if k in vocab.only_hand:
                only += 1
                only_z += z
                only_types.add(k)
    return {
        "tokens": tokens,
        "zwnj_tokens": zwnj_tokens,
        "oov_treebank": oov_tb / max(tokens, 1),
        "oov_all": oov_all / max(tokens, 1),
        "oov_treebank_zwnj": oov_tb_z / max(zwnj_tokens, 1),
        "oov_all_zwnj": oov_all_z / max(zwnj_tokens, 1),
        "only_hand": only,
        "only_hand_zwnj": only_z,
        "only_hand_types": len(only_types),
        "plurals": plurals,
        "plural_glued_share": plurals_glued / max(plurals, 1),
    }


# ---- report ------------------------------------------------------------------------------------


def machine() -> str:
    """``run.py``'s machine line (nproc, CPU, Python, load) and how the engine runs."""
    from run import machine as run_machine

    from khabar import _native

    return f"{run_machine()}, engine {_native.status().mode}"


def spread(values: Sequence[float]) -> str:
    """``mean ± sd (min-max)`` of per-fold values, 4 decimals."""
    mean = statistics.fmean(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{mean:.4f} ± {sd:.4f} ({min(values):.4f}-{max(values):.4f})"


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--k", type=int, default=K)
    ap.add_argument("--split", choices=["block", "mod"], default="block")
    ap.add_argument("--treebanks", nargs="*", default=list(TREEBANKS), choices=list(TREEBANKS))
    ap.add_argument("--modes", nargs="*", default=list(MODES), choices=list(MODES))
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/khabar-heldout"))
    ap.add_argument("--anchors", type=Path, default=ANCHORS, help="bench/.venv-anchors (hazm)")
    ap.add_argument("--no-anchor", action="store_true", help="do not run hazm")
    ap.add_argument(
        "--ablate", action="store_true", help="score again with the reviewed files emptied"
    )
    ap.add_argument(
        "--lists",
        choices=["rebuilt", "shipped"],
        default="rebuilt",
        help="rebuild the word lists and web words per fold (needs the three folders) or keep "
        "the shipped ones",
    )
    for name, help_ in (
        ("shekar", "shekar 1.7.0's shekar/data/files (default: in --anchors' shekar venv)"),
        ("hazm", "hazm 0.10.0's hazm/data (default: in --anchors' hazm venv)"),
        (
            "wordfreq",
            (
                "wordfreq 3.1.1's wordfreq/data (default: $KHABAR_WORDFREQ_DIR, else in "
                "--anchors' wordfreq venv)"
            ),
        ),
    ):
        ap.add_argument(f"--{name}-dir", type=Path, help=help_)
    ap.add_argument(
        "--dump",
        type=Path,
        help="write every wrong word of the folds here, one TSV per treebank, fold and mode "
        "(default engine, reviewed files kept): line, gold words, output words",
    )
    ap.add_argument("--write", type=Path, help="write the markdown report here")
    ap.add_argument("--json", type=Path, help="write every number here")
    a = ap.parse_args(argv)
    lists = list_dirs(a) if a.lists == "rebuilt" else None
    wall0, cpu0 = time.time(), time.process_time()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    host = machine()
    bl = build_script()
    token_re = bl.TOKEN_RE  # type: ignore[attr-defined]
    shipped = shipped_data()
    train: dict[str, list[list[str]]] = {}
    dev: dict[str, list[str]] = {}
    for name, data_dir in TREEBANKS.items():  # every treebank's fold leaves the lexicon
        folder = SHARED / "data" / data_dir
        train[name] = split_lines(read_lines(folder / "train.txt"), a.k, a.split)
        dev[name] = gold_lines(read_lines(folder / "dev.txt"))
    variants = [("", True)] + ([(" (no reviewed files)", False)] if a.ablate else [])
    results: dict = {"folds": {}, "dev_fold_lex": {}, "dev_shipped": {}, "hazm": {}, "leak": {}}

    def log(msg: str) -> None:
        print(f"[{time.time() - wall0:6.1f}s] {msg}", file=sys.stderr, flush=True)

    # dev with the shipped lexicon: the number of record
    for suffix, reviewed in variants:
        lexicon = None if reviewed else engine_lexicon(None, reviewed=False)
        repair = repair_function(lexicon)
        for name in a.treebanks:
            results["dev_shipped"][name + suffix] = score_engine(dev[name], repair, a.modes)
    log("dev scored with the shipped lexicon")
    vocab_full = vocabulary(shipped, token_re)
    for name in a.treebanks:
        results["leak"][f"{name} dev"] = leak_report(dev[name], vocab_full, token_re)
    build_cpu = 0.0
    for fold in range(a.k):
        t = time.process_time()
        built = fold_files(train, fold, a.work_dir, a.split, lists)
        build_cpu += time.process_time() - t
        vocab = vocabulary({**shipped, **built}, token_re)
        for suffix, reviewed in variants:
            repair = repair_function(engine_lexicon(built, reviewed=reviewed))
            for name in a.treebanks:
                gold = gold_lines(train[name][fold])
                results["folds"].setdefault(name + suffix, []).append(
                    score_engine(gold, repair, a.modes)
                )
                if a.dump and reviewed:
                    dump_wrong(gold, repair, a.modes, a.dump / f"{name}-fold{fold}")
                results["dev_fold_lex"].setdefault(name + suffix, []).append(
                    score_engine(dev[name], repair, a.modes)
                )
        for name in a.treebanks:
            gold = gold_lines(train[name][fold])
            results["leak"].setdefault(f"{name} folds", []).append(
                leak_report(gold, vocab, token_re)
            )
            results["leak"].setdefault(f"{name} dev, fold lexicons", []).append(
                leak_report(dev[name], vocab, token_re)
            )
        log(f"fold {fold} scored")
    if not a.no_anchor:
        for name in a.treebanks:
            for mode in a.modes:
                everything = [gold_lines(lines) for lines in train[name]]
                flat = [x for lines in everything for x in lines]
                out = anchor_outputs("hazm", flat, mode, a.work_dir, a.anchors)
                dev_out = anchor_outputs("hazm", dev[name], mode, a.work_dir, a.anchors)
                if out is None or dev_out is None:
                    print(f"hazm is not in {a.anchors}: no anchor rows", file=sys.stderr)
                    break
                per_fold, at = [], 0
                for lines in everything:
                    per_fold.append(score_output(lines, out[at : at + len(lines)], mode))
                    at += len(lines)
                results["hazm"].setdefault(name, {})[mode] = {
                    "dev": score_output(dev[name], dev_out, mode),
                    "folds": per_fold,
                }
        log("hazm scored")
    results["seconds"] = {
        "wall": time.time() - wall0,
        "cpu": time.process_time() - cpu0,
        "lexicon_builds_cpu": build_cpu,
    }
    command = "bench/zwnj/heldout.py " + " ".join(sys.argv[1:] if argv is None else argv)
    report = render(results, a, host, started, command)
    print(report)
    if a.write:
        a.write.write_text(report, encoding="utf-8")
    if a.json:
        a.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def list_dirs(a: argparse.Namespace) -> ListDirs:
    """The three word-list folders of ``--lists rebuilt``, or exit saying how to get them."""
    site = "lib/python3.11/site-packages"
    shekar = a.shekar_dir or a.anchors / "shekar" / site / "shekar" / "data" / "files"
    hazm = a.hazm_dir or a.anchors / "hazm" / site / "hazm" / "data"
    wordfreq = a.wordfreq_dir or (
        Path(os.environ["KHABAR_WORDFREQ_DIR"])
        if os.environ.get("KHABAR_WORDFREQ_DIR")
        else a.anchors / "wordfreq" / site / "wordfreq" / "data"
    )
    missing = [
        f"--{name}-dir ({path})"
        for name, path in (("shekar", shekar), ("hazm", hazm), ("wordfreq", wordfreq))
        if path is None or not path.is_dir()
    ]
    if missing:
        raise SystemExit(
            f"heldout.py: --lists rebuilt needs {', '.join(missing)}: run bench/zwnj/run.py once "
            "(or bench/zwnj/run.py --setup-only: it makes bench/.venv-anchors with shekar, hazm "
            "and wordfreq 3.1.1), pass the folders, or use --lists shipped"
        )
    return ListDirs(shekar, hazm, wordfreq)


def render(results: dict, a: argparse.Namespace, host: str, started: str, command: str) -> str:
    """The markdown tables of a run."""
    out = [
        f"Run {started}: `{command.strip()}`  ",
        f"k={a.k}, split={a.split}, word lists {a.lists}; machine: {host}  ",
        (
            f"took {results['seconds']['wall']:.0f} s wall, {results['seconds']['cpu']:.0f} s "
            f"CPU (lexicon builds {results['seconds']['lexicon_builds_cpu']:.1f} s CPU, "
            "0 when cached)"
        ),
        "",
        (
            "| treebank | mode | metric | dev, shipped lexicon | dev, fold lexicons (mean ± sd) "
            "| held-out folds (mean ± sd, min-max) | folds - dev | hazm dev | hazm folds |"
        ),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row, folds in results["folds"].items():
        name = row.split(" (")[0]
        for mode in a.modes:
            for sub in ("", "no_plural") if mode != "intact" else ("",):
                m = metric(mode)

                def get(result: dict, m: str = m, sub: str = sub) -> float:
                    return (result[sub] if sub else result)[m]

                dev = get(results["dev_shipped"][row][mode])
                vals = [get(f[mode]) for f in folds]
                dev80 = [get(f[mode]) for f in results["dev_fold_lex"][row]]
                hazm = results["hazm"].get(name, {}).get(mode) if " (" not in row else None
                hz_dev = fmt(get(hazm["dev"])) if hazm else "-"
                hz_folds = spread([get(f) for f in hazm["folds"]]) if hazm else "-"
                label = f"{m}, plurals out" if sub else m
                out.append(
                    f"| {row} | {mode} | {label} | {dev:.4f} | {spread(dev80).split(' (')[0]} | "
                    f"{spread(vals)} | {statistics.fmean(vals) - dev:+.4f} | {hz_dev} | "
                    f"{hz_folds} |"
                )
    out += [
        "",
        (
            "Vocabulary (word tokens of the gold; OOV: key unknown to the treebank lexicon the "
            "text was scored with / to every source of the engine; *z*: among tokens with a "
            "scored ZWNJ; only-hand: tokens whose word only the reviewed files or the engine's "
            "source name):"
        ),
        "",
        (
            "| text | tokens | ZWNJ tokens | OOV treebank | OOV all | OOV treebank z | OOV all z "
            "| only-hand tokens | only-hand z | only-hand types | plurals glued |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row, rep in results["leak"].items():
        reps = rep if isinstance(rep, list) else [rep]
        mean = {k: statistics.fmean(r[k] for r in reps) for k in reps[0]}
        label = f"{row} (mean of {len(reps)})" if isinstance(rep, list) else row
        out.append(
            f"| {label} | {mean['tokens']:.0f} | {mean['zwnj_tokens']:.0f} | "
            f"{100 * mean['oov_treebank']:.2f}% | {100 * mean['oov_all']:.2f}% | "
            f"{100 * mean['oov_treebank_zwnj']:.2f}% | {100 * mean['oov_all_zwnj']:.2f}% | "
            f"{mean['only_hand']:.1f} | {mean['only_hand_zwnj']:.1f} | "
            f"{mean['only_hand_types']:.1f} | "
            f"{100 * mean['plural_glued_share']:.1f}% of {mean['plurals']:.0f} |"
        )
    out += ["", "Per fold (engine, default row):", ""]
    out.append("| treebank | mode | " + " | ".join(f"fold {i}" for i in range(a.k)) + " |")
    out.append("|---|---|" + "---|" * a.k)
    for row, folds in results["folds"].items():
        for mode in a.modes:
            m = metric(mode)
            out.append(
                f"| {row} | {mode} | " + " | ".join(f"{f[mode][m]:.4f}" for f in folds) + " |"
            )
    for row, reps in results["leak"].items():
        if row.endswith(" folds"):
            shares = " | ".join(f"{100 * r['plural_glued_share']:.1f}%" for r in reps)
            out.append(f"| {row.removesuffix(' folds')} | plurals glued | {shares} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
