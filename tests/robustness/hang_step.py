"""A stand-in for an extractor that hangs on one page, for the per-document time limit test.

``HangingExtractStep`` is the real extract step, except that a page holding ``HANG_MARK`` makes
it loop forever (as a catastrophic regex or a parser stuck on a malformed page would). The test
points the step registry's ``extract`` entry at it.
"""

from __future__ import annotations

from khabar.document import Document
from khabar.steps.news import ExtractStep

HANG_MARK = "<!-- khabar-test: hang here -->"


class HangingExtractStep(ExtractStep):
    def process(self, doc: Document) -> Document:
        if doc.html and HANG_MARK in doc.html:
            while True:  # interrupted only by run.doc_timeout's SIGALRM
                pass
        return super().process(doc)
