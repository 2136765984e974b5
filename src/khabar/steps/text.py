"""The orthography repair step: ``khabar.fix`` over each document, recording every edit."""

from __future__ import annotations

import dataclasses
from typing import Any

from khabar.document import Document
from khabar.steps.base import Step


class FixStep(Step):
    name = "fix"
    version = 1
    section = "fix"
    summary = "repair Persian orthography: letters, digits, spacing, punctuation and ZWNJ"

    def __init__(self, config: Any = None) -> None:
        super().__init__(config)
        self._policy: dict[str, Any] | None = None

    def _kwargs(self) -> dict[str, Any]:
        if self._policy is None:
            self._policy = ({f.name: getattr(self.config, f.name) for f in dataclasses.fields(self.config)}
                            if self.config is not None else {})
        return self._policy

    def process(self, doc: Document) -> Document:
        from khabar.text.fix import fix, fix_with_edits

        # title and lead given beside the text (HTML <title>, a record's title/subtitle field) are
        # repaired the same way, so structure can match them against the repaired text
        for key in ("title_hint", "lead_hint"):
            if doc.meta.get(key):
                doc.meta[key] = fix(str(doc.meta[key]), **self._kwargs())
        text, edits = fix_with_edits(doc.text, **self._kwargs())
        if edits:
            self.stat("docs_changed")
        for e in edits:
            self.stat(f"edit.{e.rule}")
        doc.text = text
        doc.edits.extend(edits)
        return doc
