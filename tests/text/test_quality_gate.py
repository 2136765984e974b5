"""The quality gate: khabar.fix must not score below the floors of eval/baseline.json.

The samples are CC BY-SA UD dev sentences (tests/fixtures/text/README.md); the scorer is
eval/zwnj_score.py, checked against the shared scorer when ../shared is present.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from khabar.text.fix import fix

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "eval" / "baseline.json"
SAMPLES = ROOT / "tests" / "fixtures" / "text"


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("zwnj_score", ROOT / "eval" / "zwnj_score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


scorer = _load_scorer()
baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
CASES = [
    (corpus, metric, floor)
    for corpus, entry in baseline["corpora"].items()
    for metric, floor in entry["floors"].items()
]


@pytest.fixture(scope="module")
def scores() -> dict[tuple[str, str], dict[str, float | int | str]]:
    """Scores of every (corpus, mode) the floors name, computed once."""
    out = {}
    for corpus, entry in baseline["corpora"].items():
        gold = scorer.read_gold(SAMPLES / corpus)
        for mode in sorted({metric.split(".")[0] for metric in entry["floors"]}):
            out[corpus, mode] = scorer.evaluate(gold, fix, mode)
    return out


@pytest.mark.parametrize(("corpus", "metric", "floor"), CASES)
def test_score_is_not_below_its_floor(scores, corpus: str, metric: str, floor: float) -> None:
    mode, name = metric.split(".")
    value = scores[corpus, mode][name]
    assert value >= floor, (
        f"{corpus} {metric} = {value}, below its floor {floor} in eval/baseline.json: "
        "a change made khabar.fix worse on gold text; find it (python eval/zwnj_score.py "
        f"tests/fixtures/text/{corpus} {mode}) instead of lowering the floor"
    )


@pytest.mark.parametrize("corpus", list(baseline["corpora"]))
def test_samples_are_the_ones_the_floors_were_measured_on(corpus: str) -> None:
    digest = hashlib.sha256((SAMPLES / corpus).read_bytes()).hexdigest()
    assert digest == baseline["corpora"][corpus]["sha256"], (
        f"tests/fixtures/text/{corpus} changed since its floors were set: measure again and "
        "update both the sha256 and the floors in eval/baseline.json"
    )


def _baseline_at_head() -> dict | None:
    try:
        shown = subprocess.run(
            ["git", "show", "HEAD:eval/baseline.json"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError:  # no git on this machine
        return None
    if shown.returncode != 0:  # not a checkout, or the file is new
        return None
    return json.loads(shown.stdout)


def test_no_floor_was_lowered() -> None:
    head = _baseline_at_head()
    if head is None:
        pytest.skip("no committed eval/baseline.json to compare with")
    if os.environ.get("KHABAR_ALLOW_LOWER_FLOOR") == "1":
        pytest.skip("KHABAR_ALLOW_LOWER_FLOOR=1: lowering floors on purpose")
    lowered = [
        f"{corpus} {metric}: {old} -> {baseline['corpora'].get(corpus, {}).get('floors', {}).get(metric)}"
        for corpus, entry in head["corpora"].items()
        for metric, old in entry["floors"].items()
        if baseline["corpora"].get(corpus, {}).get("floors", {}).get(metric, -1.0) < old
    ]
    assert not lowered, (
        "eval/baseline.json lowers or drops floors of the committed version: "
        + "; ".join(lowered)
        + ". Floors only go up; if this is on purpose, run with KHABAR_ALLOW_LOWER_FLOOR=1 "
        "and say why in the commit message"
    )


#: a commit message line that lets that commit lower floors on purpose (say why after it)
LOWERING_TRAILER = "Floors-lowered:"


def lowered_floors(older: dict, newer: dict) -> list[str]:
    """The floors ``newer`` lowers or drops against ``older``, on samples both measured alike.

    A sample whose sha256 changed was measured again, so its floors start over.

    >>> old = {"corpora": {"a.txt": {"sha256": "1", "floors": {"glued.f1": 0.9}}}}
    >>> lowered_floors(old, {"corpora": {"a.txt": {"sha256": "1", "floors": {"glued.f1": 0.8}}}})
    ['a.txt glued.f1: 0.9 -> 0.8']
    >>> lowered_floors(old, {"corpora": {"a.txt": {"sha256": "2", "floors": {"glued.f1": 0.8}}}})
    []
    >>> lowered_floors(old, {"corpora": {"a.txt": {"sha256": "1", "floors": {}}}})
    ['a.txt glued.f1: 0.9 -> None']
    """
    out = []
    for corpus, entry in older["corpora"].items():
        now = newer["corpora"].get(corpus)
        if now is None:
            out.append(f"{corpus}: dropped")
            continue
        if now.get("sha256") != entry.get("sha256"):
            continue
        for metric, old in entry["floors"].items():
            new = now["floors"].get(metric)
            if new is None or new < old:
                out.append(f"{corpus} {metric}: {old} -> {new}")
    return out


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              encoding="utf-8", check=False)  # fmt: skip
    except OSError:  # no git on this machine
        return None
    return done.stdout if done.returncode == 0 else None


def test_no_commit_lowered_a_floor() -> None:
    """Every committed version of eval/baseline.json keeps its parent version's floors (a clean
    clone in CI has no uncommitted change for test_no_floor_was_lowered to see), unless the
    commit says why in a ``Floors-lowered:`` line of its message."""
    log = _git("log", "--reverse", "--format=%H", "--", "eval/baseline.json")
    if log is None:
        pytest.skip("not a git checkout: no history of eval/baseline.json to check")
    older = None
    bad = []
    for commit in log.split():
        shown = _git("show", f"{commit}:eval/baseline.json")
        if shown is None:  # the file was deleted in this commit
            older = None
            continue
        newer = json.loads(shown)
        if older is not None:
            lowered = lowered_floors(older, newer)
            message = _git("show", "-s", "--format=%B", commit) or ""
            allowed = any(line.startswith(LOWERING_TRAILER) for line in message.splitlines())
            if lowered and not allowed:
                bad.append(f"{commit[:10]}: " + "; ".join(lowered))
        older = newer
    assert not bad, (
        "commits lowered floors of eval/baseline.json without a "
        f"'{LOWERING_TRAILER} <why>' line in their message: " + " | ".join(bad)
    )


@pytest.mark.shared
@pytest.mark.parametrize("mode", ["glued", "intact"])
def test_in_repo_scorer_agrees_with_the_shared_one(shared: Path, mode: str) -> None:
    gold_path = SAMPLES / "perdt_dev_sample.txt"
    tool = shared / "tools" / "score_zwnj.py"
    if not tool.is_file():
        pytest.skip(f"{tool} is absent")
    run = subprocess.run(
        [sys.executable, str(tool), "--gold", str(gold_path), "--mode", mode,
         "--cmd", f"{sys.executable} -m khabar.text"],
        capture_output=True, text=True, encoding="utf-8", check=True, cwd=ROOT,
    )  # fmt: skip
    theirs = json.loads(run.stdout)
    ours = scorer.evaluate(scorer.read_gold(gold_path), fix, mode)
    assert ours == theirs
