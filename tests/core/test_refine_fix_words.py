"""A run with user word files (``fix.words``) is resumed only with the same files.

The files change the repair as much as the configuration does, so the run's fingerprint holds
their SHA-256: editing one between a killed run and its resume must refuse the resume, not mix
two repairs in one output.
"""

from __future__ import annotations

import pytest

from khabar.config import Config
from khabar.errors import ConfigError, KhabarError
from khabar.refine import _fingerprint, _prepare_outdir


def config(*paths: str) -> Config:
    return Config.load(overrides=[f"fix.words={','.join(paths)}"], env={}, only=["fix"])


def test_fingerprint_holds_the_word_files_content(tmp_path) -> None:
    words = tmp_path / "mine.txt"
    words.write_text("بی‌نیوز\n", encoding="utf-8")
    before = _fingerprint(config(str(words)), [])
    assert before["fix_words"][0][0] == str(words)
    words.write_text("بی‌نیوز\nمیروسلاو\n", encoding="utf-8")
    after = _fingerprint(config(str(words)), [])
    assert before["config"] == after["config"]  # the paths alone would not tell them apart
    assert before != after


def test_no_word_files_no_entry() -> None:
    assert "fix_words" not in _fingerprint(Config.load(env={}, only=["fix"]), [])


def test_resume_after_a_word_file_changed_is_refused(tmp_path) -> None:
    words = tmp_path / "mine.txt"
    words.write_text("بی‌نیوز\n", encoding="utf-8")
    out = str(tmp_path / "out")
    _prepare_outdir(out, _fingerprint(config(str(words)), []), force=False)
    _prepare_outdir(out, _fingerprint(config(str(words)), []), force=False)  # same: resumes
    words.write_text("میروسلاو\n", encoding="utf-8")
    with pytest.raises(KhabarError, match="different configuration"):
        _prepare_outdir(out, _fingerprint(config(str(words)), []), force=False)


def test_a_missing_word_file_is_named(tmp_path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(ConfigError, match=r"fix\.words: cannot read .*nope\.txt"):
        _fingerprint(config(str(missing)), [])
