"""The orthography repair step: ``khabar.fix`` over each document, recording every edit."""

from __future__ import annotations

from collections import Counter
from operator import attrgetter
from typing import Any

from khabar import _native
from khabar.document import Document, Edit
from khabar.steps.base import Step

_RULE = attrgetter("rule")


def _rule_counts_py(edits: list[Edit]) -> dict[str, int]:
    """How many ``edits`` each rule made, in the order first seen: the pure twin of
    ``khabar._c.edits.rule_counts`` (one C loop: a document has a hundred edits or more).

    >>> _rule_counts_py([Edit(0, "ي", "ی", "char.yeh"), Edit(3, "  ", " ", "space.collapse"),
    ...                  Edit(5, "ي", "ی", "char.yeh")])
    {'char.yeh': 2, 'space.collapse': 1}
    """
    return dict(Counter(map(_RULE, edits)))


_EDITS_C = _native.c_extension("khabar._c.edits")
_rule_counts_c: Any = None if _EDITS_C is None else _EDITS_C.rule_counts


def _rule_counts(edits: list[Edit]) -> dict[str, int]:
    """:func:`_rule_counts_py`'s result, in C when it is built and takes the list."""
    if _rule_counts_c is not None:
        counts = _rule_counts_c(edits)
        if counts is not None:
            return counts  # type: ignore[no-any-return]
    return _rule_counts_py(edits)


class FixStep(Step):
    name = "fix"
    version = 1
    section = "fix"
    summary = "repair Persian orthography: letters, digits, spacing, punctuation and ZWNJ"

    def __init__(self, config: Any = None) -> None:
        super().__init__(config)
        self._fixer: Any = None  # built on first use, in the worker (the lexicon is large)
        #: record each repair in ``doc.edits`` (``run.keep_edits``)
        self._keep_edits = True

    def configure_run(self, run: Any) -> None:
        self._keep_edits = run.keep_edits

    def setup(self) -> None:
        if self._fixer is None:
            from khabar.text.fix import Fixer

            self._fixer = Fixer(self.config)
            self._fixer.fix("می خواهم")  # loads the ZWNJ lexicon now, not on the first document

    def process(self, doc: Document) -> Document:
        if self._fixer is None:
            self.setup()
        # title and lead given beside the text (HTML <title>, a record's title/subtitle field) are
        # repaired the same way, so structure can match them against the repaired text
        for key in ("title_hint", "lead_hint"):
            if doc.meta.get(key):
                doc.meta[key] = self._fixer.fix(str(doc.meta[key]))
        if not self._keep_edits:  # the same text, without finding and composing the edits
            text = self._fixer.fix(doc.text)
            if text != doc.text:
                self.stat("docs_changed")
            doc.text = text
            return doc
        text, edits = self._fixer.fix_with_edits(doc.text)
        if edits:
            self.stat("docs_changed")
        # one count per rule, not per edit (a document with Arabic ي has hundreds of edits)
        for rule, n in _rule_counts(edits).items():
            self.stat(f"edit.{rule}", n)
        doc.text = text
        doc.edits.extend(edits)
        return doc
