"""The orthography repair step: ``khabar.fix`` over each document, recording every edit."""

from __future__ import annotations

from collections import Counter
from operator import attrgetter
from typing import Any

from khabar.document import Document
from khabar.steps.base import Step

_RULE = attrgetter("rule")


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
        for rule, n in Counter(map(_RULE, edits)).items():
            self.stat(f"edit.{rule}", n)
        doc.text = text
        doc.edits.extend(edits)
        return doc
