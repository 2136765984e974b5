"""A run with user files (``fix.words``, ``fix.styles``) is resumed only with the same files.

The files change the repair as much as the configuration does, so the run's fingerprint holds
their SHA-256: editing one between a killed run and its resume must refuse the resume, not mix
two repairs in one output.
"""

from __future__ import annotations

import pytest

from khabar.config import Config
from khabar.errors import ConfigError, KhabarError
from khabar.refine import _fingerprint, _prepare_outdir

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
