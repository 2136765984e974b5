"""A run with user files (``fix.words``, ``fix.styles``) is resumed only with the same files,
and its tasks read the run's own copy of them.

The files change the repair as much as the configuration does, so the run's fingerprint holds
their SHA-256: editing one between a killed run and its resume must refuse the resume, not mix
two repairs in one output. And the driver copies them into the run's work folder, where every
worker finds them: a Ray worker on another machine has no file in the driver's folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from khabar.config import Config
from khabar.errors import ConfigError, KhabarError
from khabar.refine import _fingerprint, _prepare_outdir, refine
from khabar.runners.local import LocalExecutor

pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
#: the end-to-end fixture crawl (CC BY-SA, tests/fixtures/e2e/README.md): crawl-1 writes «این که»
#: twice and «به دلیل» twice, in documents the default run keeps
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]
Z = "\u200c"

HEADER = "apart\tnews\ttails\n"
#: per key, a file's first content and an edit of it
FILES = {
    "words": ("بی‌نیوز\n", "بی‌نیوز\nمیروسلاو\n"),
    "styles": (
        HEADER + "به صورت\tبه\u200cصورت\t-\n",
        HEADER + "به صورت\tبه\u200cصورت\t-\nبه دلیل\tبه\u200cدلیل\t-\n",
    ),
}


def config(key: str, *paths: str) -> Config:
    return Config.load(overrides=[f"fix.{key}={','.join(paths)}"], env={}, only=["fix"])


@pytest.mark.parametrize("key", list(FILES))
def test_fingerprint_holds_the_files_content(tmp_path, key) -> None:
    first, edited = FILES[key]
    mine = tmp_path / "mine.txt"
    mine.write_text(first, encoding="utf-8")
    before = _fingerprint(config(key, str(mine)), [])
    assert before[f"fix_{key}"][0][0] == str(mine)
    mine.write_text(edited, encoding="utf-8")
    after = _fingerprint(config(key, str(mine)), [])
    assert before["config"] == after["config"]  # the paths alone would not tell them apart
    assert before != after


def test_no_user_files_no_entry() -> None:
    fingerprint = _fingerprint(Config.load(env={}, only=["fix"]), [])
    assert "fix_words" not in fingerprint
    assert "fix_styles" not in fingerprint


@pytest.mark.parametrize("key", list(FILES))
def test_resume_after_a_file_changed_is_refused(tmp_path, key) -> None:
    first, edited = FILES[key]
    mine = tmp_path / "mine.txt"
    mine.write_text(first, encoding="utf-8")
    out = str(tmp_path / "out")
    _prepare_outdir(out, _fingerprint(config(key, str(mine)), []), force=False)
    _prepare_outdir(out, _fingerprint(config(key, str(mine)), []), force=False)  # same: resumes
    mine.write_text(edited, encoding="utf-8")
    with pytest.raises(KhabarError, match="different configuration"):
        _prepare_outdir(out, _fingerprint(config(key, str(mine)), []), force=False)


@pytest.mark.parametrize("key", list(FILES))
def test_a_missing_file_is_named(tmp_path, key) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(ConfigError, match=rf"fix\.{key}: cannot read .*nope\.txt"):
        _fingerprint(config(key, str(missing)), [])


class _Elsewhere:
    """A local executor whose tasks run where the user's files are not: it removes them before
    the first task, as a Ray worker on another machine finds nothing in the driver's folder."""

    def __init__(self, files: list[Path]) -> None:
        self._inner = LocalExecutor(1)
        self.workers = self._inner.workers
        self._files = files

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        for path in self._files:
            path.unlink(missing_ok=True)
        return self._inner.map(fn, items)

    def close(self) -> None:
        self._inner.close()


def _texts(out: Path) -> str:
    return "\n".join(pq.read_table(out / "data", columns=["text"]).column("text").to_pylist())


def test_the_tasks_read_the_runs_copy_of_the_user_files(tmp_path: Path) -> None:
    words, styles = tmp_path / "mine.txt", tmp_path / "agency.tsv"
    words.write_text("این که\n", encoding="utf-8")  # news joins it; the word file keeps it apart
    styles.write_text(HEADER + f"به دلیل\tبه{Z}دلیل\t-\n", encoding="utf-8")
    cfg = Config.load(overrides=["fix.style=news", f"fix.words={words}", f"fix.styles={styles}",
                                 "run.shard_bytes=1"], env={})
    plain = refine(INPUTS, str(tmp_path / "plain"), Config.load(overrides=["fix.style=news"],
                                                                env={}))
    assert plain.kept > 0
    assert f"این{Z}که" in _texts(tmp_path / "plain")
    assert "به دلیل" in _texts(tmp_path / "plain")
    here = refine(INPUTS, str(tmp_path / "here"), cfg)
    text = _texts(tmp_path / "here")
    assert f"این{Z}که" not in text and "این که" in text  # the files were read
    assert f"به{Z}دلیل" in text and "به دلیل" not in text
    # the same run whose tasks cannot see the files: the same documents, byte for byte
    away = refine(INPUTS, str(tmp_path / "away"), cfg, executor=_Elsewhere([words, styles]))
    assert not words.exists() and not styles.exists()
    assert _texts(tmp_path / "away") == text
    assert (away.read, away.kept, away.dropped, away.rejected) == (
        here.read, here.kept, here.dropped, here.rejected)
    # the manifest names the user's own files, not the run's copies
    assert away.manifest["config"]["fix"]["words"] == [str(words)]
