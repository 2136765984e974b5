"""Inputs the fuzzers (fuzz/run.sh) crashed on, replayed through the same checks.

Each file in ``fuzz_regressions/`` is a fuzz input named ``<target>-<what>.bin``, replayed as the
target would run it (``fuzz/_harness.py`` has the checks: no exception, counts add up, rejects
have a reason and a location, documents can be written). Literal cases below pin the cause of
each crash in a few bytes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent / "fuzz_regressions"
sys.path.insert(0, str(ROOT / "fuzz"))
import _harness

from khabar.document import Document, Reject


def replay(target: str, data: bytes) -> list:
    """Run one fuzz input the way ``fuzz/fuzz_<target>.py`` does (without atheris)."""
    if target == "parquet":
        assert data[0] % 2 == 0, "structured parquet inputs need atheris' data provider"
        return _harness.read_bytes(data[1:], "parquet", None, ".parquet")
    if target == "warc":
        body, compression, _ = _harness.wrap(data)
        return _harness.read_bytes(
            body, "warc", compression, _harness.suffix_for("warc", compression)
        )
    if target == "extract":
        pytest.importorskip("atheris")
        import fuzz_extract

        fuzz_extract.check_extract(data)
        return []
    if target == "fix":
        sys.path.insert(0, str(ROOT / "fuzz"))
        pytest.importorskip("atheris")
        import fuzz_fix

        fuzz_fix.check_fix(data.decode("utf-8", errors="replace"))
        return []
    return _harness.read_wrapped(data, target)


#: inputs whose bug is not fixed yet (strict: the test fails once it is, so the mark goes)
XFAIL: dict[str, str] = {}


def _case(path: Path):
    reason = XFAIL.get(path.name)
    marks = [pytest.mark.xfail(strict=True, raises=ValueError, reason=reason)] if reason else []
    return pytest.param(path, id=path.name, marks=marks)


@pytest.mark.parametrize("path", [_case(p) for p in sorted(HERE.glob("*.bin"))])
def test_fuzz_input_no_longer_fails(path):
    target = path.name.split("-", 1)[0]
    replay(target, path.read_bytes())


def _parquet_bytes(table) -> bytes:
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def test_parquet_string_column_with_invalid_utf8_rejects_only_that_row():
    # found by fuzz_parquet: Parquet does not validate UTF-8 in string columns, and pyarrow's
    # to_pylist raised UnicodeDecodeError out of the reader (crashing the run)
    pa = pytest.importorskip("pyarrow")
    text = pa.array([b"\xd8\x41", "خبر امروز".encode()], type=pa.binary()).view(pa.string())
    data = _parquet_bytes(pa.table({"text": text, "id": ["bad", "good"]}))
    items = _harness.read_bytes(data, "parquet", None, ".parquet")
    assert [type(i) for i in items] == [Reject, Document]
    assert (items[0].location, items[0].reason) == ("row 0", "decode_error")
    assert (items[1].id, items[1].text) == ("good", "خبر امروز")


def test_parquet_column_name_that_is_not_utf8_is_a_parquet_error():
    # found by fuzz_parquet: pyarrow decodes column names from the footer as UTF-8 when the file
    # is opened, and the UnicodeDecodeError escaped the reader
    pa = pytest.importorskip("pyarrow")
    data = _parquet_bytes(pa.table({"text": ["خبر"], "titlé": ["x"]}))
    assert data.count("titlé".encode()) >= 1
    bad = data.replace("titlé".encode(), b"titl\xff\xfe")  # same length: the footer still parses
    [reject] = _harness.read_bytes(bad, "parquet", None, ".parquet")
    assert (reject.location, reject.reason) == ("file", "parquet_error")
    assert "utf-8" in reject.detail


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:url" content="https://daily.example]science/881">',
        '<link rel="canonical" href="http://[x/">',
    ],
)
def test_a_page_url_with_a_stray_bracket_does_not_lose_the_page(head):
    # found by fuzz_extract (campaign 4, after about 1 200 executions)
    from khabar.extract.html import extract_html

    # a paragraph long enough to be article prose (>= 40 characters), so only the link can fail it
    body = "خبر امروز از تهران: نشست شورای شهر با حضور همه اعضا برگزار شد."
    page = f"<html><head>{head}</head><body><p>{body}</p></body></html>"
    result = extract_html(page, "https://example.ir/news/1")
    assert result.ok and result.text == body
    assert "canonical_url" not in result.meta or "[" not in result.meta["canonical_url"]
