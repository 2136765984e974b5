"""Fuzz target: ``khabar.extract.html.extract_html`` on any page (not a reader, but every HTML
page a reader yields goes there next).

The bytes are decoded like an HTML file (``decode_html``, replacement of bad bytes) and extracted
with the default config. Checks: no exception (the function promises "never raises for bad
HTML"), the result is an ``Extracted`` with text or an ``ExtractFailure`` with a reason, and the
text can be written (UTF-8). Run by ``fuzz/run.sh`` (target ``extract``).
"""

from __future__ import annotations

import os
import sys

import atheris

with atheris.instrument_imports(include=["khabar"]):
    import khabar.extract.boilerplate
    import khabar.extract.html
    import khabar.extract.meta
    import khabar.io.charset

import _harness  # noqa: F401 - same sys.path setup as the other targets

#: the URL the page was fetched from; KHABAR_FUZZ_NO_URL=1 passes None instead, to fuzz past the
#: known urljoin bug (a page URL with a stray bracket, tests/robustness/test_fuzz_regressions.py)
PAGE_URL = None if os.environ.get("KHABAR_FUZZ_NO_URL") == "1" else "https://example.ir/news/1"


def check_extract(data: bytes) -> None:
    """Decode ``data`` as an HTML file and extract it; assert the promises above."""
    try:
        decoded = khabar.io.charset.decode_html(data, max_replaced_ratio=1.0)
    except khabar.io.charset.UndecodableError:
        return  # the reader rejects it: it never reaches extraction
    page = decoded.text.replace("\x00", "\ufffd")  # as the HTML reader does
    result = khabar.extract.html.extract_html(page, PAGE_URL)
    reason = getattr(result, "reason", None)
    if reason:
        assert isinstance(reason, str) and reason, result
    else:
        assert isinstance(result.text, str), result
        result.text.encode("utf-8")
        (result.title or "").encode("utf-8")


def test_one_input(data: bytes) -> None:
    check_extract(data)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
