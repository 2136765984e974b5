"""``khabar fix [FILE...]`` as a shell user runs it (issue #3): one output line per input line,
stdin when no file, several files, a missing file or a folder, a reader that stops early, and
what it exits with. Each expected output below was worked out by hand from the input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

YEH, KAF = "\u064a", "\u0643"  # Arabic ي ك, which fix makes Persian ی ک


def _khabar_fix(*args: str, data: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "khabar", "fix", *args], input=data,
                          capture_output=True, check=False, timeout=300)


# (input, output): the ZWNJ engine off, so each row tests the line handling alone
LINES = [
    # CRLF: the \r stays in its line (a line ends at \n only); a trailing space before it goes
    (f"{KAF}تاب \r\nدو\r\n".encode(), "کتاب\r\nدو\r\n".encode()),
    # CR alone is no line break: one line in, one line out, the \r kept where it was
    (f"{YEH}\r{KAF}\r".encode(), "ی\rک\r\n".encode()),
    # a last line without \n gets one; empty lines stay lines
    (f"\n\n{KAF}".encode(), "\n\nک\n".encode()),
    # NUL, U+2028 and U+2029 are characters of their line, kept
    (f"a\x00{YEH}\u2028{KAF}\u2029b\n".encode(), "a\x00ی\u2028ک\u2029b\n".encode()),
    # bytes that are not UTF-8 pass through unchanged (khabar fix --help says so): no loss
    (b"\xff\xfe " + f"{YEH}  {KAF}\n".encode(), b"\xff\xfe " + "ی ک\n".encode()),
    (b"", b""),  # nothing in, nothing out
]


@pytest.mark.parametrize(("data", "want"), LINES)
def test_stdin_gives_one_line_per_line(data: bytes, want: bytes) -> None:
    run = _khabar_fix("--set", "zwnj=off", data=data)
    assert run.returncode == 0, run.stderr
    assert run.stdout == want
    assert run.stderr == b""


def test_files_are_fixed_in_order_each_ending_its_last_line(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes("کتابها\nمی خواهم".encode())  # no \n at its end: the next file starts a line
    b.write_bytes(f"{KAF}\n".encode())
    run = _khabar_fix(str(a), str(b))
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode() == "کتاب\u200cها\nمی\u200cخواهم\nک\n"


def test_a_missing_file_fails_before_any_output(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("سلام\n", encoding="utf-8")
    run = _khabar_fix(str(a), str(tmp_path / "nosuch.txt"), "--set", "zwnj=off")
    assert run.returncode == 3
    assert run.stdout == b""
    assert run.stderr.decode() == f"khabar: error: {tmp_path / 'nosuch.txt'}: no such file\n"


def test_a_bad_policy_value_names_the_valid_ones() -> None:
    run = _khabar_fix("--set", "digits=roman", data=b"x\n")
    assert run.returncode == 2
    assert run.stdout == b""
    assert b"'roman' is not valid; choose one of 'keep', 'persian', 'latin'" in run.stderr


def test_a_reader_that_stops_early_is_no_error(tmp_path: Path) -> None:
    """``khabar fix big.txt | head -1``: the rest of the output has nowhere to go."""
    big = tmp_path / "big.txt"
    big.write_bytes(("کتابها را میخواندم\n" * 200_000).encode())  # ~6 MB, far past any pipe buffer
    with subprocess.Popen([sys.executable, "-m", "khabar", "fix", str(big)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # as head does after its line
        err = proc.stderr.read()
        code = proc.wait(timeout=300)
    assert first.decode() == "کتاب\u200cها را می\u200cخواندم\n"
    assert code == 0
    assert err == b""


def test_a_folder_is_an_input_error_not_a_traceback(tmp_path: Path) -> None:
    """Needs cli.py's IsADirectoryError clause (before it: a traceback and exit 1)."""
    a = tmp_path / "a.txt"
    a.write_text("سلام\n", encoding="utf-8")
    run = _khabar_fix(str(a), str(tmp_path), "--set", "zwnj=off")
    assert run.returncode == 3
    assert run.stdout == b""
    assert run.stderr.decode() == (f"khabar: error: {tmp_path}: is a folder; name the files in it "
                                   f"(khabar fix {tmp_path}/*.txt)\n")
