"""Fuzz target: ``khabar.fix`` on any text.

Checks, for every input: ``fix`` and ``fix_with_edits`` do not raise; they agree; ``fix`` is
idempotent; every line break is kept; undoing the edits gives the input back; and the
identifiers ``khabar.text.protect`` finds (URLs, e-mails, code, mentions, hashtags, Latin words)
come out byte for byte. The input is the fuzz bytes decoded as UTF-8 (bad bytes become U+FFFD),
so mutations of Persian seed text stay mostly Persian. Run by ``fuzz/run.sh``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["khabar"]):
    import khabar.text.fix
    import khabar.text.protect

import _harness  # noqa: F401 - same sys.path setup as the other targets

FIXER = khabar.text.fix


def check_fix(text: str) -> None:
    """Assert the properties above for one text (also used by the regression tests)."""
    out = FIXER.fix(text)
    out2, edits = FIXER.fix_with_edits(text)
    assert out == out2, (text, out, out2)
    assert FIXER.fix(out) == out, ("not idempotent", text, out)
    assert out.count("\n") == text.count("\n"), ("lines", text, out)
    undone = out
    for edit in reversed(edits):
        assert undone[edit.offset : edit.offset + len(edit.after)] == edit.after, (text, edit)
        undone = undone[: edit.offset] + edit.before + undone[edit.offset + len(edit.after) :]
    assert undone == text, ("edits do not undo", text, out, edits)
    for span in khabar.text.protect.find_verbatim(text):
        assert span.text in out, ("identifier changed", text, span, out)


def test_one_input(data: bytes) -> None:
    check_fix(data.decode("utf-8", errors="replace"))


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
