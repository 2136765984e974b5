"""khabar.fix end to end: composition with the ZWNJ engine, edits, streams, the CLI, the seed."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import khabar
from khabar.document import Edit
from khabar.text.fix import Fixer, fix, fix_stream, fix_with_edits
from khabar.text.policy import FixPolicy

ZWNJ = "\u200c"


@dataclass(frozen=True)
class FakeRepair:
    start: int
    end: int
    replacement: str
    rule: str


class FakeRepairer:
    """A stand-in ZWNJ engine: ``می X`` -> ``می‌X`` and ``کتابها`` -> ``کتاب‌ها``, nothing else."""

    def find_repairs(self, text: str) -> list[FakeRepair]:
        out = []
        i = text.find("می ")
        while i != -1:
            if (i == 0 or not text[i - 1].isalpha()) and text[i + 3 : i + 4].isalpha():
                out.append(FakeRepair(i + 2, i + 3, ZWNJ, "zwnj.spaced"))
            i = text.find("می ", i + 1)
        i = text.find("کتابها")
        while i != -1:
            out.append(FakeRepair(i + 4, i + 4, ZWNJ, "zwnj.glued"))
            i = text.find("کتابها", i + 1)
        return sorted(out, key=lambda r: r.start)

    def repair(self, text: str) -> str:
        for r in reversed(self.find_repairs(text)):
            text = text[: r.start] + r.replacement + text[r.end :]
        return text


FAKE = FakeRepairer()


def undo(out: str, edits: list[Edit]) -> str:
    """Apply the edits in reverse to the output: must give the input back."""
    for e in reversed(edits):
        assert out[e.offset : e.offset + len(e.after)] == e.after
        out = out[: e.offset] + e.before + out[e.offset + len(e.after) :]
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مي روم", "می\u200cروم"),  # yeh folded first, then the engine sees «می روم»
        ("می  روم", "می\u200cروم"),  # spaces collapse before the engine runs
        ("كتابها", "کتاب\u200cها"),
        ("کتابها\u00a0و می\u200b روم", "کتاب\u200cها و می\u200cروم"),
        ("https://x.ir/می روم", "https://x.ir/می روم"),  # inside a URL: the repair is dropped
        ("#می روم", "#می روم"),  # touching a hashtag: dropped, it would change the tag
        ("#تگ می روم", "#تگ می\u200cروم"),
    ],
)
def test_fix_composes_with_the_zwnj_engine(text: str, expected: str) -> None:
    assert fix(text, repairer=FAKE) == expected
    out, edits = fix_with_edits(text, repairer=FAKE)
    assert out == expected
    assert undo(out, edits) == text


def test_edits_name_rules_and_offsets_in_the_output() -> None:
    out, edits = fix_with_edits("كتابها  و مي روم", repairer=FAKE)
    assert out == "کتاب\u200cها و می\u200cروم"
    assert edits == [
        Edit(0, "ك", "ک", "char.kaf"),
        Edit(4, "", ZWNJ, "zwnj.glued"),
        Edit(7, "  ", " ", "space.collapse"),
        Edit(11, "ي", "ی", "char.yeh"),
        Edit(12, " ", ZWNJ, "zwnj.spaced"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ZWSP's deletion (output 1, between the letters) touches both yeh substitutions
        ("ي\u200bي", [Edit(0, "ي", "ی", "char.yeh"), Edit(1, "\u200b", "", "char.invisible"),
                      Edit(1, "ي", "ی", "char.yeh")]),
        # issue #3: a double space further on changes nothing of the above
        ("ي\u200bي و  ب", [Edit(0, "ي", "ی", "char.yeh"), Edit(1, "\u200b", "", "char.invisible"),
                           Edit(1, "ي", "ی", "char.yeh"), Edit(4, "  ", " ", "space.collapse")]),
        # the engine's ZWNJ where the ZWSP was deleted: two rules, two edits at output 4
        ("كتاب\u200bها", [Edit(0, "ك", "ک", "char.kaf"), Edit(4, "\u200b", "", "char.invisible"),
                          Edit(4, "", ZWNJ, "zwnj.glued")]),
        # yeh, the ZWSP after it, the space the engine turns into a ZWNJ: each its own edit
        ("مي\u200b روم", [Edit(1, "ي", "ی", "char.yeh"), Edit(2, "\u200b", "", "char.invisible"),
                          Edit(2, " ", ZWNJ, "zwnj.spaced")]),
    ],
)  # fmt: skip
def test_edits_that_only_touch_stay_apart(text: str, expected: list[Edit]) -> None:
    out, edits = fix_with_edits(text, repairer=FAKE)
    assert edits == expected
    assert undo(out, edits) == text


def test_overlapping_changes_merge_into_one_edit() -> None:
    # NBSP -> space (char.space), then the two spaces collapse (space.collapse)
    out, edits = fix_with_edits("و\u00a0 استفاده", zwnj="off")
    assert out == "و استفاده"
    assert edits == [Edit(1, "\u00a0 ", " ", "char.space+space.collapse")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "ﻛﺘﺎﺏ\u200b\u200b  كه\u200c \u200cمي\u0640\u0640روم\u00a0\u00a0.وی",
        "كشور(اسرائيل)،گفت:ما\u200f  \n  \u200c\n\ufeffيك",
        "https://x.ir/ك  #تگ_ي  @كاربر  info@x.ir  `a  b`  COVID-19  ۱۲:۳۰  3.5",
        "خانه\u0654 ما \u064e\u064e کتاب \u0650 من",
    ],
)
@pytest.mark.parametrize(
    "policy",
    [
        {},
        {"digits": "latin", "heh_yeh": "yeh", "punct_spacing": "full", "diacritics": "remove"},
        {"digits": "persian", "heh_yeh": "ligature", "tatweel": "keep", "teh_marbuta": "heh"},
    ],
)
def test_edits_round_trip(text: str, policy: dict[str, str]) -> None:
    out, edits = fix_with_edits(text, repairer=FAKE, **policy)
    assert out == fix(text, repairer=FAKE, **policy)
    assert undo(out, edits) == text
    assert [e.offset for e in edits] == sorted(e.offset for e in edits)


def test_fix_is_exported_by_the_package() -> None:
    assert khabar.fix is fix
    assert khabar.fix_with_edits is fix_with_edits


@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["\n"],
        ["يك\n", "\n", "دو  سه"],
        ["يك\r\n", "دو \r\n"],
        ["a\u2028ب\n", "ك\n"],  # a line separator inside a line is content of that line
    ],
)
def test_fix_stream_keeps_one_line_per_line(lines: list[str]) -> None:
    out = list(fix_stream(lines, zwnj="off"))
    assert len(out) == len(lines)
    assert out == [fix(line, zwnj="off") for line in lines]


def test_fix_stream_batches_give_the_same_result_as_lines() -> None:
    lines = [f"سطر {i}  با كلمه\u200c \n" for i in range(500)]
    fixer = Fixer(FixPolicy(zwnj="off"))
    batched = list(fixer.fix_stream(lines, batch_chars=100))
    assert batched == [fixer.fix(line) for line in lines]
    assert batched[0] == "سطر 0 با کلمه\n"
    bare = [line.rstrip("\n") for line in lines]  # lines without their \n, as a CLI may pass them
    assert list(fixer.fix_stream(bare, batch_chars=100)) == [fixer.fix(line) for line in bare]


def _run_cli(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    # ``-m khabar.text`` (its __main__.py calls khabar.text.fix.main): ``-m khabar.text.fix``
    # cannot run the compiled build, whose fix module is an extension
    return subprocess.run(
        [sys.executable, "-m", "khabar.text", *args],
        input=data,
        capture_output=True,
        check=False,
    )


def test_cli_reads_stdin_and_writes_one_line_per_line() -> None:
    data = "يك  دو\n\nكشور(ايران)\r\nآخر".encode() + b"\xff\xfe bad bytes\n"
    run = _run_cli(data, "--zwnj=off")
    assert run.returncode == 0, run.stderr
    assert run.stdout == "یک دو\n\nکشور (ایران)\r\nآخر".encode() + b"\xff\xfe bad bytes\n"


def test_cli_help_lists_every_option() -> None:
    run = _run_cli(b"", "--help")
    assert run.returncode == 0
    assert b"--digits=keep|persian|latin" in run.stdout
    assert b"--punct-spacing=add|off|full" in run.stdout


def test_cli_rejects_a_bad_option_with_advice() -> None:
    run = _run_cli(b"x\n", "--digits=roman")
    assert run.returncode == 2
    assert (
        b"digits='roman' is not a valid choice; valid choices: keep, persian, latin" in run.stderr
    )
    run = _run_cli(b"x\n", "digits")
    assert run.returncode == 2
    assert b"write options as --name=value" in run.stderr


SEED = "examples/tasnim-kazakhstan"


def _seed_body(shared: Path) -> tuple[list[str], str, dict[str, list[str]]]:
    raw = (shared / SEED / "raw.txt").read_text(encoding="utf-8").split("\n")
    expected = json.loads((shared / SEED / "expected.json").read_text(encoding="utf-8"))
    for line in expected["removed_lines"]:  # what the boilerplate step removes
        raw.remove(line)
    clean = (shared / SEED / "clean.txt").read_text(encoding="utf-8")
    return raw, clean, expected["acceptable_variants"]


@pytest.mark.shared
def test_seed_body_fixes_to_the_clean_words(shared: Path) -> None:
    body, clean, variants = _seed_body(shared)
    out = fix("\n".join(body))
    assert out.count("\n") == len(body) - 1
    got, want = out.split(), clean.split()
    assert len(got) == len(want)
    wrong = [
        (g, w) for g, w in zip(got, want, strict=True) if g != w and g not in variants.get(w, [])
    ]
    assert not wrong
    assert "کشور (اسرائیل و فلسطین)" in out  # کشور(اسرائیل
    assert "اعلام کرده و استفاده" in out  # و NBSP+space استفاده
    assert "حوادث 14 می تشکیل" in out  # the month May stays a word


@pytest.mark.shared
def test_seed_edits_round_trip(shared: Path) -> None:
    body, _, _ = _seed_body(shared)
    text = "\n".join(body)
    out, edits = fix_with_edits(text)
    assert out == fix(text)
    assert undo(out, edits) == text
    rules = {e.rule for e in edits}
    assert {"zwnj.glued", "punct.space", "char.space+space.collapse"} <= rules, rules
