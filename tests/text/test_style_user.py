"""User style files (issue #3: "Users can add words and exceptions in a file"; "which style it
writes where Persian allows two"): ``FixPolicy.styles``, files in news.tsv's format whose pairs
the style step joins, alone (``style=treebank``) or on top of ``news``, from every door a user
has: ``fix(text, styles=...)``, ``khabar fix --set styles=FILE``, ``khabar refine --fix.styles``.

Every expected value was written by hand (Z is the ZWNJ): the default output of each row is the
input (checked in the test), and the user file's row says why it changes or must not.
"""

from __future__ import annotations

import multiprocessing
import pickle
import re
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import fix
from khabar.config import Config
from khabar.errors import ConfigError
from khabar.text.fix import Fixer, _final_edits, fix_with_edits
from khabar.text.policy import FixPolicy
from khabar.text.style import apply_style, find_style, read_pairs

Z = "\u200c"
#: an agency's house list: three pairs it joins (ریز گرد with its plural tails), news's «این که»
#: kept apart, and news's «درحالی‌که» written with a second ZWNJ
AGENCY = "\n".join([
    "# my agency's compounds",
    "apart\tnews\ttails",
    f"به صورت\tبه{Z}صورت\t-",
    f"به دلیل\tبه{Z}دلیل\t-",
    f"ریز گرد\tریز{Z}گرد\tها,های",
    "این که\t-\t-",
    f"در حالی که\tدر{Z}حالی{Z}که\t-",
]) + "\n"


@pytest.fixture
def agency(tmp_path: Path) -> str:
    path = tmp_path / "agency.tsv"
    path.write_text(AGENCY, encoding="utf-8")
    return str(path)


# (input, the user file alone, the user file on top of news); each input is fix's default output
ROWS = [
    # the user's pairs join, alone and on top of news
    ("او به صورت رسمی آمد", f"او به{Z}صورت رسمی آمد", f"او به{Z}صورت رسمی آمد"),
    ("به دلیل باران", f"به{Z}دلیل باران", f"به{Z}دلیل باران"),
    # a tail of the user's row: the plural stays inside the joined word
    ("ریز گردها آمدند", f"ریز{Z}گردها آمدند", f"ریز{Z}گردها آمدند"),
    ("ریز گردهای جنوب", f"ریز{Z}گردهای جنوب", f"ریز{Z}گردهای جنوب"),
    # no tail ی in the row, and no row for به صورتی: the longer words stay as written
    ("این ریز گردی است", "این ریز گردی است", "این ریز گردی است"),
    ("به صورتی که", "به صورتی که", "به صورتی که"),
    # news's pairs: not applied by the file alone, applied under it
    ("او به عنوان رئیس آمد", "او به عنوان رئیس آمد", f"او به{Z}عنوان رئیس آمد"),
    ("نه تنها او", "نه تنها او", f"نه{Z}تنها او"),
    # news's «این که», dropped by the file's «-» row: apart in both
    ("گفت این که می‌آید", "گفت این که می‌آید", "گفت این که می‌آید"),
    # news's «درحالی‌که», replaced by the file's spelling
    ("در حالی که رفت", f"در{Z}حالی{Z}که رفت", f"در{Z}حالی{Z}که رفت"),
    # hashtags and URLs are copied as they are
    ("#به صورت زنده", "#به صورت زنده", "#به صورت زنده"),
    ("https://x.ir/به صورت", "https://x.ir/به صورت", "https://x.ir/به صورت"),
]


@pytest.mark.parametrize(("text", "alone", "on_news"), ROWS)
def test_a_user_file_joins_its_pairs(agency: str, text: str, alone: str, on_news: str) -> None:
    assert fix(text) == text
    assert fix(text, styles=agency) == alone
    assert fix(text, styles=[Path(agency)]) == alone  # a list, of Paths too
    assert fix(text, style="news", styles=agency) == on_news
    assert apply_style(text, "treebank", (agency,)) == alone


def test_the_changes_are_named_user(agency: str) -> None:
    text = "او به صورت رسمی به عنوان رئیس"
    assert [(c.start, c.end, c.rule) for c in find_style(text, "treebank", (agency,))] == [
        (3, 10, "zwnj.style.user")
    ]
    assert [(c.start, c.end, c.rule) for c in find_style(text, "news", (agency,))] == [
        (3, 10, "zwnj.style.news+user"),
        (16, 24, "zwnj.style.news+user"),
    ]
    out, edits = fix_with_edits(text, styles=agency)
    assert out == f"او به{Z}صورت رسمی به عنوان رئیس"
    assert [e.rule for e in edits] == ["zwnj.style.user"]


def test_a_later_file_replaces_an_earlier_ones_row(agency: str, tmp_path: Path) -> None:
    later = tmp_path / "later.tsv"
    later.write_text("apart\tnews\ttails\nبه صورت\t-\t-\nاین که\tاین\u200cکه\t-\n", "utf-8")
    assert fix("به صورت رسمی، این که", styles=[agency, str(later)]) == f"به صورت رسمی، این{Z}که"
    assert fix("به صورت رسمی، این که", styles=[str(later), agency]) == f"به{Z}صورت رسمی، این که"


def test_relative_paths_are_read_from_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mine.tsv").write_text(f"apart\tnews\ttails\nبه دلیل\tبه{Z}دلیل\t-\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert Fixer(FixPolicy(styles="mine.tsv")).fix("به دلیل باران") == f"به{Z}دلیل باران"


def test_a_byte_order_mark_is_not_part_of_the_header(tmp_path: Path) -> None:
    path = tmp_path / "notepad.tsv"
    path.write_bytes(f"\ufeffapart\tnews\ttails\r\nبه دلیل\tبه{Z}دلیل\t-\r\n".encode())
    assert fix("به دلیل باران", styles=str(path)) == f"به{Z}دلیل باران"


def test_the_file_is_read_once_when_the_fixer_is_made(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(f"apart\tnews\ttails\nبه دلیل\tبه{Z}دلیل\t-\n", "utf-8")
    fixer = Fixer(FixPolicy(styles=str(path), zwnj="off"))
    path.unlink()
    assert fixer.fix("به دلیل باران") == f"به{Z}دلیل باران"


# --- a user's word files: a pair kept apart there is kept apart by every style -------------


@pytest.fixture
def words_apart(tmp_path: Path) -> str:
    # a word file (khabar.text.lexicon's format): two words on a line are never joined
    path = tmp_path / "mine.txt"
    path.write_text("# my words\nبه عنوان\nحالی که  # keep apart\nبی{Z}نیوز\n".replace(
        "{Z}", Z), "utf-8")
    return str(path)


def test_a_word_file_keeps_a_news_pair_apart(words_apart: str) -> None:
    text = "به عنوان رئیس گفت این که در حالی که نه تنها"
    # news joins all four pairs (its rows in khabar/data/style/news.tsv)
    assert fix(text, style="news") == (
        f"به{Z}عنوان رئیس گفت این{Z}که درحالی{Z}که نه{Z}تنها"
    )
    # the word file keeps «به عنوان» apart, and «حالی که», so the row «در حالی که» that
    # joins it too; the other rows of news still join
    assert fix(text, style="news", words=words_apart) == (
        f"به عنوان رئیس گفت این{Z}که در حالی که نه{Z}تنها"
    )
    assert fix(text, words=words_apart) == text  # treebank: nothing joins either way


def test_a_word_file_keeps_a_user_style_pair_on_news_apart(
    words_apart: str, tmp_path: Path
) -> None:
    style = tmp_path / "mine.tsv"
    style.write_text(f"apart\tnews\ttails\nبه دلیل\tبه{Z}دلیل\t-\n", "utf-8")
    text = "به دلیل باران به عنوان"
    assert fix(text, style="news", styles=str(style)) == f"به{Z}دلیل باران به{Z}عنوان"
    assert fix(text, style="news", styles=str(style), words=words_apart) == (
        f"به{Z}دلیل باران به عنوان"
    )


def test_a_style_file_that_joins_a_pair_a_word_file_keeps_apart_says_both(
    words_apart: str, agency: str, tmp_path: Path
) -> None:
    style = tmp_path / "joins.tsv"
    style.write_text(f"apart\tnews\ttails\nبه دلیل\tبه{Z}دلیل\t-\nبه عنوان\tبه{Z}عنوان\t-\n",
                     "utf-8")
    with pytest.raises(ConfigError, match=(
        f"^fix.styles: style file {style} line 3 joins 'به عنوان', which the word file "
        f"{words_apart} keeps apart; remove the row or the word$"
    )):
        Fixer(FixPolicy(styles=str(style), words=words_apart))
    # agency.tsv's «در حالی که» row joins «حالی که»: its line 7
    with pytest.raises(ConfigError, match=f"style file {agency} line 7 joins 'حالی که'"):
        fix("متن", styles=agency, words=words_apart)


def test_a_missing_word_file_is_said_when_a_style_needs_it(tmp_path: Path) -> None:
    missing = tmp_path / "nosuch.txt"
    with pytest.raises(ConfigError, match=f"^fix.words: lexicon file {missing} does not exist"):
        Fixer(FixPolicy(style="news", words=str(missing)))


# --- errors: what, where, how to fix; raised when the Fixer is made -------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            f"apart\tnews\ttails\nبه صورت\tبه{Z}صورت\t-\nهم زمان\tهمزمان\t-\n",
            "line 3: 'همزمان' is not 'هم زمان' with each space made a ZWNJ or nothing",
        ),
        (f"به صورت\tبه{Z}صورت\t-\n", "line 1: the header must be apart<TAB>news<TAB>tails"),
        (f"apart\tnews\ttails\n\n# c\nبه صورت   به{Z}صورت\n", "line 4: expected 3 TAB-separated"),
        ("apart\tnews\ttails\nبه صورت\t-\tی\n", "line 2: a pair written apart .* takes no tails"),
        (
            f"apart\tnews\ttails\nبه صورت\tبه{Z}صورت\t-\nبه صورت\t-\t-\n",
            "line 3: 'به صورت' is already the pair of line 2",
        ),
    ],
)
def test_a_bad_row_names_the_file_and_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=f"^fix.styles: style file {path} {message}") as err:
        Fixer(FixPolicy(styles=str(path)))
    assert str(err.value).endswith("under the header apart<TAB>news<TAB>tails, as "
                                   "khabar/data/style/news.tsv and its README describe")
    with pytest.raises(ConfigError, match=message):
        fix("متن", style="news", styles=str(path))


def test_a_missing_file_says_which(tmp_path: Path) -> None:
    missing = tmp_path / "nosuch.tsv"
    with pytest.raises(ConfigError, match=f"^fix.styles: style file {missing} does not exist; "
                                          "check the path$"):
        Fixer(FixPolicy(styles=str(missing)))
    # the shipped styles are a choice of ``style``, not files
    with pytest.raises(ConfigError, match="style file news does not exist; check the path "
                                          r"\(the shipped styles are chosen with style=news\)"):
        fix("متن", styles="news")
    with pytest.raises(ConfigError, match=f"style file {tmp_path} is a folder"):
        read_pairs(str(tmp_path))


def test_a_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    path = tmp_path / "utf16.tsv"
    path.write_bytes("apart\tnews\ttails\n".encode("utf-16"))
    with pytest.raises(ConfigError, match=f"style file {path} is not UTF-8 .*; save it as UTF-8"):
        fix("متن", styles=str(path))


def test_the_policy_field() -> None:
    assert FixPolicy().styles == ()
    assert FixPolicy(styles="a.tsv, b.tsv").styles == ("a.tsv", "b.tsv")
    assert FixPolicy(styles=[Path("a.tsv")]) == FixPolicy(styles=("a.tsv",))
    assert hash(FixPolicy(styles=["a.tsv"])) == hash(FixPolicy(styles=("a.tsv",)))
    with pytest.raises(ConfigError, match="styles=3 is not a path or a list of paths to user "
                                          "style files"):
        FixPolicy(styles=3)
    with pytest.raises(ConfigError, match="valid options: digits, .*, style, words, styles$"):
        FixPolicy.from_kwargs(stiles="a.tsv")
    assert Config.load(None, ["fix.styles=a.tsv,b.tsv"]).fix.styles == ("a.tsv", "b.tsv")
    assert Config.load(None, env={"KHABAR_FIX__STYLES": "a.tsv"}).fix.styles == ("a.tsv",)
    assert "styles = []" in Config.load().to_toml()


def _fix_in_worker(policy: FixPolicy, text: str) -> str:
    return Fixer(policy).fix(text)


def test_the_policy_pickles_to_a_worker_process(agency: str) -> None:
    policy = FixPolicy(style="news", styles=agency)
    assert pickle.loads(pickle.dumps(policy)) == policy
    spawn = multiprocessing.get_context("spawn")  # a fresh process, as a Ray worker is
    with ProcessPoolExecutor(1, mp_context=spawn) as pool:
        out = pool.submit(_fix_in_worker, policy, "به صورت زنده، این که").result(timeout=300)
    assert out == f"به{Z}صورت زنده، این که"


# --- the doors: khabar fix --set, khabar refine --fix.styles ---------------------------------


def test_khabar_fix_reads_a_user_style_file(agency: str, tmp_path: Path) -> None:
    text = "به صورت زنده به عنوان رئیس\nاین که\n".encode()
    run = subprocess.run([sys.executable, "-m", "khabar", "fix", "--set", "style=news",
                          "--set", f"styles={agency}"], input=text, capture_output=True,
                         check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode() == f"به{Z}صورت زنده به{Z}عنوان رئیس\nاین که\n"
    bad = tmp_path / "bad.tsv"
    bad.write_text("apart\tnews\ttails\nهم زمان\tهمزمان\t-\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "khabar", "fix", "--set", f"styles={bad}"],
                         input=b"x\n", capture_output=True, check=False, timeout=300)
    assert run.returncode == 2
    assert run.stdout == b""
    assert run.stderr.decode().startswith(f"khabar: error: fix.styles: style file {bad} line 2: ")
    assert "Traceback" not in run.stderr.decode()


def test_the_refine_fix_step_reads_a_user_style_file(agency: str) -> None:
    from khabar.document import Document
    from khabar.steps.text import FixStep

    step = FixStep(Config.load(None, [f"fix.styles={agency}"]).fix)
    step.setup()
    doc = step.process(Document(id="1", text="به دلیل باران، این که"))
    assert doc.text == f"به{Z}دلیل باران، این که"


# --- properties the style already has hold for a user file -----------------------------------

_PIECES = [
    "به", "صورت", "صورتی", "دلیل", "ریز", "گرد", "ها", "های", "ی", "این", "که", "در", "حالی",
    "درحالی", "عنوان", "نه", "تنها", " ", " ", " ", Z, "،", "\n", "#", "a", "https://x.ir/",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_a_user_style_is_idempotent_and_only_joins(agency_path: str, text: str) -> None:
    for style in ("treebank", "news"):
        once = apply_style(text, style, (agency_path,))
        assert apply_style(once, style, (agency_path,)) == once
        assert once.count("\n") == text.count("\n")
        # only spaces become ZWNJs, so the letters stay as they were
        assert once.replace(Z, "").replace(" ", "") == text.replace(Z, "").replace(" ", "")


@settings(max_examples=100, deadline=None)
@given(text=st.lists(st.sampled_from([*_PIECES, "ي", "  ", "(", "\u200b"]), max_size=12).map(
    "".join))
def test_fix_with_a_user_style_is_idempotent_and_its_walks_agree(
    agency_path: str, text: str
) -> None:
    fixer = Fixer(FixPolicy(style="news", styles=agency_path))
    once = fixer.fix(text)
    assert fixer.fix(once) == once
    out, edits, subs = fixer._run_edits(text)
    ref_out, ref_edits = fixer._run(text, [])
    assert out == ref_out == once
    assert _final_edits(text, out, edits, subs) == _final_edits(text, ref_out, ref_edits or [], {})


@pytest.fixture(scope="module")
def agency_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The agency file for hypothesis tests (a function-scoped fixture would be shared across
    their examples anyway)."""
    path = tmp_path_factory.mktemp("style") / "agency.tsv"
    path.write_text(AGENCY, encoding="utf-8")
    return str(path)


def test_the_readme_example_does_what_it_says(tmp_path: Path) -> None:
    """khabar/data/style/README.md's example file, copied from its code block."""
    readme = Path(__file__).parents[2] / "src" / "khabar" / "data" / "style" / "README.md"
    block = re.search(r"```\n(apart\tnews\ttails\n.*?)```", readme.read_text("utf-8"), re.DOTALL)
    assert block is not None, "the README's example file is gone"
    path = tmp_path / "agency.tsv"
    path.write_text(block.group(1), encoding="utf-8")
    text = "به صورت زنده، ریز گردها و این که به عنوان"
    assert fix(text, styles=str(path)) == f"به{Z}صورت زنده، ریز{Z}گردها و این که به عنوان"
    assert fix(text, style="news", styles=str(path)) == (
        f"به{Z}صورت زنده، ریز{Z}گردها و این که به{Z}عنوان"
    )
