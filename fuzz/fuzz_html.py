"""Fuzz target: HTML files (decoding, charset sniffing, canonical URL) through ``read_file``, plain, gzip and zstd.

The first byte picks the wrapping (plain, a raw gzip/zstd stream, compressed, compressed and
cut short): see ``_harness.wrap``. Run by ``fuzz/run.sh``, or alone:
``.venv/bin/python fuzz/fuzz_html.py CORPUS_DIR -max_total_time=30``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["khabar"]):
    import khabar.io.charset
    import khabar.io.formats.fields
    import khabar.io.formats.html
    import khabar.io.formats.stream
    import khabar.io.readers  # noqa: F401 - imported to be instrumented

import _harness


def test_one_input(data: bytes) -> None:
    _harness.read_wrapped(data, "html")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
