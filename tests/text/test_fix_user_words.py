"""Users add words and exceptions in a file (issue #3), from every door a user has: ``fix(text,
words=...)``, ``khabar fix --set words=FILE`` and ``khabar refine --fix.words FILE``.

The file format is :mod:`khabar.text.lexicon`'s user format. Each expected output was worked out
by hand: without the file the engine writes the shipped spelling (the must-change rows' "before"),
with it the user's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from khabar import fix
from khabar.config import Config
from khabar.errors import ConfigError
from khabar.text.policy import FixPolicy

ZWNJ = "\u200c"
USER_FILE = "\n".join([
    "# my newsroom's words",
    f"بی{ZWNJ}نیوز",  # an agency name: joined, from glued and spaced input alike
    "کتابها",  # this newsroom writes its plurals glued: never split
    "سرطان زا",  # two words kept apart (the engine joins this weak pair by default)
]) + "\n"

# (input, default output, output with the user file)
ROWS = [
    ("بینیوز", f"بی{ZWNJ}نیوز", f"بی{ZWNJ}نیوز"),
    ("بی نیوز", "بی نیوز", f"بی{ZWNJ}نیوز"),
    ("کتابها", f"کتاب{ZWNJ}ها", "کتابها"),
    ("سرطان زا", f"سرطان{ZWNJ}زا", "سرطان زا"),
    # must not change: words the file does not name are repaired as without it
    ("می خواهم", f"می{ZWNJ}خواهم", f"می{ZWNJ}خواهم"),
    ("میلیون", "میلیون", "میلیون"),
    ("14 می تشکیل", "14 می تشکیل", "14 می تشکیل"),
]


@pytest.fixture
def words(tmp_path: Path) -> Path:
    path = tmp_path / "mine.txt"
    path.write_text(USER_FILE, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "default", "mine"), ROWS)
def test_fix_with_a_user_file(words: Path, text: str, default: str, mine: str) -> None:
    assert fix(text) == default
    assert fix(text, words=str(words)) == mine
    assert fix(text, words=[words]) == mine  # a list, of Paths too


def test_the_policy_field() -> None:
    assert FixPolicy().words == ()
    assert FixPolicy(words="a.txt").words == ("a.txt",)
    assert FixPolicy(words=["a.txt", "b.txt"]) == FixPolicy(words=("a.txt", "b.txt"))
    assert hash(FixPolicy(words=["a.txt"])) == hash(FixPolicy(words=("a.txt",)))
    with pytest.raises(ConfigError, match="words=3 is not a path or a list of paths"):
        FixPolicy(words=3)
    # a typo still names every valid option, words included
    with pytest.raises(ConfigError, match="valid options: digits, .*, style, words"):
        FixPolicy.from_kwargs(word="a.txt")
    assert Config.load(None, ["fix.words=a.txt,b.txt"]).fix.words == ("a.txt", "b.txt")
    assert "words = []" in Config.load().to_toml()


def test_a_missing_user_file_says_which(tmp_path: Path) -> None:
    missing = tmp_path / "nosuch.txt"
    with pytest.raises(ConfigError, match=f"fix.words: lexicon file {missing} does not exist"):
        fix("کتابها", words=str(missing))


def test_a_user_file_that_is_a_folder_or_not_utf8_says_so(tmp_path: Path) -> None:
    # was a bare IsADirectoryError from fix(), and «khabar fix --set words=DIR» blamed an input
    with pytest.raises(ConfigError, match=f"^fix.words: lexicon file {tmp_path} is a folder; "
                                          "name a file in it$"):
        fix("کتابها", words=str(tmp_path))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_text("بی\u200cنیوز\n", encoding="utf-16")
    with pytest.raises(ConfigError, match=f"^fix.words: lexicon file {utf16} is not UTF-8 "
                                          r"\(.*\); save it as UTF-8$"):
        fix("کتابها", words=str(utf16))
    run = subprocess.run([sys.executable, "-m", "khabar", "fix", "--set", f"words={tmp_path}"],
                         input=b"x\n", capture_output=True, check=False, timeout=300)
    assert (run.returncode, run.stdout) == (2, b"")
    assert run.stderr.decode() == (f"khabar: error: fix.words: lexicon file {tmp_path} is a "
                                   "folder; name a file in it\n")


def test_a_byte_order_mark_is_not_part_of_the_first_entry(tmp_path: Path) -> None:
    # Windows editors start a UTF-8 file with U+FEFF; read as a letter it made the first entry
    # «\ufeffبی‌نیوز», which no text holds, so «بی نیوز» stayed apart
    path = tmp_path / "bom.txt"
    path.write_text("بی\u200cنیوز\n", encoding="utf-8-sig")
    assert fix("بی نیوز", words=str(path)) == "بی\u200cنیوز"


def test_khabar_fix_reads_a_user_file(words: Path, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "khabar", "fix", "--set", f"words={words}"],
                         input="بی نیوز\nکتابها\nمی خواهم\n".encode(), capture_output=True,
                         check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode() == f"بی{ZWNJ}نیوز\nکتابها\nمی{ZWNJ}خواهم\n"
    missing = tmp_path / "nosuch.txt"
    run = subprocess.run([sys.executable, "-m", "khabar", "fix", "--set", f"words={missing}"],
                         input=b"x\n", capture_output=True, check=False, timeout=300)
    assert run.returncode == 2
    assert run.stdout == b""
    assert run.stderr.decode() == (f"khabar: error: fix.words: lexicon file {missing} does not "
                                   "exist; check the path\n")


def test_the_refine_fix_step_reads_a_user_file(words: Path) -> None:
    from khabar.document import Document
    from khabar.steps.text import FixStep

    step = FixStep(Config.load(None, [f"fix.words={words}"]).fix)
    step.setup()
    doc = step.process(Document(id="1", text="کتابها از بی نیوز"))
    assert doc.text == f"کتابها از بی{ZWNJ}نیوز"


def test_khabar_fix_help_names_the_words_key() -> None:
    """Needs cli.py's help line (lead-owned file)."""
    from typer.testing import CliRunner

    from khabar.cli import app

    result = CliRunner().invoke(app, ["fix", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "words=FILE[,FILE...]" in result.output
