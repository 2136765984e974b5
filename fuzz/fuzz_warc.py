"""Fuzz target: WARC and WET files through ``read_file`` (FastWARC, HTTP parsing, resync).

The first byte picks the wrapping as for the streamed formats (``_harness.wrap``): plain, a raw
gzip/zstd stream, or the bytes compressed (and cut short). Run by ``fuzz/run.sh``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["khabar"]):
    import khabar.io.charset
    import khabar.io.formats.html
    import khabar.io.formats.stream
    import khabar.io.formats.warc
    import khabar.io.readers  # noqa: F401 - imported to be instrumented

import _harness


def test_one_input(data: bytes) -> None:
    body, compression, _ = _harness.wrap(data)
    _harness.read_bytes(body, "warc", compression, _harness.suffix_for("warc", compression))


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
