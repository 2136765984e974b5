"""Charset decisions: BOM, valid UTF-8, HTTP and meta declarations, detection, and refusals."""

from __future__ import annotations

import codecs

import pytest

from khabar.io.charset import (
    UndecodableError,
    decode_html,
    decode_text,
    http_charset,
    meta_charset,
    normalize_label,
)

# A Persian sentence as an old windows-1256 site stored it: Arabic yeh «ي» (cp1256 has no
# Persian yeh). Long enough for detection to have something to work with.
CP_SENTENCE = (
    "به گزارش خبرنگار مهر در گرگان، بر اساس باورهاي ديني ترکمن‌ها در اين روز براي پيامبر اکرم "
    "ناراحتي و بيماري رخ داد که چند روز بعد با رحلت نبي مکرم اسلام جهان عزادار ماتمش شد."
)
FA_SENTENCE = "یعنی ما به این ترتیب فقط یک سطل آب را در کویر پاشیده‌ایم."


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>خبر</title></head><body><p>{body}</p></body></html>"


META_1256 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'


@pytest.mark.parametrize(
    ("data", "http", "encoding", "source", "declared"),
    [
        # declared right: the meta tag names the encoding the bytes are in
        (page(CP_SENTENCE, META_1256).encode("cp1256"), None, "cp1256", "meta", "cp1256"),
        # declared nowhere: detection finds windows-1256
        (page(CP_SENTENCE).encode("cp1256"), None, "cp1256", "detected", None),
        # declared as Latin-1 (a template default): detection overrules it
        (
            page(CP_SENTENCE, '<meta charset="iso-8859-1">').encode("cp1256"),
            None,
            "cp1256",
            "detected",
            "cp1252",
        ),
        # UTF-8 bytes under a stale windows-1256 declaration: valid UTF-8 wins
        (page(FA_SENTENCE, META_1256).encode("utf-8"), None, "utf-8", "utf8", "cp1256"),
        # the HTTP header names windows-1256 and the page declares nothing
        (page(CP_SENTENCE).encode("cp1256"), "text/html; charset=windows-1256", "cp1256",
         "http", "cp1256"),
        # HTTP beats meta when the two disagree and the bytes are not UTF-8
        (page(CP_SENTENCE, '<meta charset="utf-8">').encode("cp1256"),
         "text/html; charset=windows-1256", "cp1256", "http", "cp1256"),
        # a UTF-8 page that says so
        (page(FA_SENTENCE, '<meta charset="utf-8">').encode("utf-8"), None, "utf-8", "meta",
         "utf-8"),
        # pure ASCII: nothing to decide
        (b"<html><body>hello</body></html>", None, "ascii", "ascii", None),
    ],
)  # fmt: skip
def test_decode_html_picks_the_right_encoding(data, http, encoding, source, declared):
    decoded = decode_html(data, http_content_type=http)
    assert (decoded.encoding, decoded.source, decoded.declared) == (encoding, source, declared)
    # whatever the route, the Persian text comes out readable
    if "گرگان" in data.decode(encoding, errors="replace"):
        assert "ترکمن‌ها در اين روز" in decoded.text


def test_decode_html_utf8_page_text_is_unchanged():
    original = page(FA_SENTENCE, '<meta charset="utf-8">')
    assert decode_html(original.encode("utf-8")).text == original


def test_decode_html_bom_wins_over_declaration():
    data = codecs.BOM_UTF8 + page(FA_SENTENCE, META_1256).encode("utf-8")
    decoded = decode_html(data)
    assert decoded.source == "bom"
    assert decoded.text == page(FA_SENTENCE, META_1256)  # the BOM itself is not text


def test_decode_html_utf16_with_bom():
    data = codecs.BOM_UTF16_LE + page(FA_SENTENCE).encode("utf-16-le")
    decoded = decode_html(data)
    assert (decoded.encoding, decoded.text) == ("utf-16-le", page(FA_SENTENCE))


def test_decode_html_nearly_utf8_keeps_utf8_and_counts():
    data = page(FA_SENTENCE + " " + FA_SENTENCE, '<meta charset="utf-8">').encode("utf-8")
    cut = data.index("سطل".encode()) + 2  # a stray byte between two letters
    broken = data[:cut] + b"\xff" + data[cut:]
    decoded = decode_html(broken)
    assert (decoded.encoding, decoded.source, decoded.replaced) == ("utf-8", "utf8_replaced", 1)
    assert "س\ufffdطل" in decoded.text


def test_decode_html_forced_encoding():
    decoded = decode_html(page(CP_SENTENCE, '<meta charset="utf-8">').encode("cp1256"),
                          encoding="windows-1256")  # fmt: skip
    assert (decoded.encoding, decoded.source) == ("cp1256", "given")
    assert CP_SENTENCE in decoded.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ""),
        (b"   \n", "   \n"),
        (FA_SENTENCE.encode("utf-8"), FA_SENTENCE),
        (codecs.BOM_UTF8 + FA_SENTENCE.encode("utf-8"), FA_SENTENCE),
        (codecs.BOM_UTF16_BE + FA_SENTENCE.encode("utf-16-be"), FA_SENTENCE),
        # U+FFFD already in the input is text, not a replacement
        ("\ufffd خبر".encode(), "\ufffd خبر"),
    ],
)
def test_decode_text_table(data, expected):
    decoded = decode_text(data)
    assert decoded.text == expected
    assert decoded.replaced == 0


def test_decode_text_refuses_legacy_bytes_and_says_how_to_fix():
    with pytest.raises(UndecodableError) as info:
        decode_text(CP_SENTENCE.encode("cp1256"))
    assert info.value.reason == "decode_error"
    assert "encoding='cp1256'" in info.value.detail


def test_decode_text_with_the_encoding_given():
    decoded = decode_text(CP_SENTENCE.encode("cp1256"), encoding="cp1256")
    assert decoded.text == CP_SENTENCE


def test_decode_text_unknown_encoding_is_an_error():
    with pytest.raises(UndecodableError, match="unknown encoding 'klingon'"):
        decode_text(b"abc", encoding="klingon")


@pytest.mark.parametrize(
    ("ratio", "rejected"),
    [(0.0, True), (0.05, False), (1.0, False)],
)
def test_decode_text_ratio_threshold(ratio, rejected):
    # 1 bad byte among 40 characters: 2.5 %
    data = ("خ" * 39).encode("utf-8") + b"\xff"
    if rejected:
        with pytest.raises(UndecodableError):
            decode_text(data, max_replaced_ratio=ratio)
    else:
        assert decode_text(data, max_replaced_ratio=ratio).replaced == 1


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("windows-1256", "cp1256"),
        ("WINDOWS-1256", "cp1256"),
        ("cp1256", "cp1256"),
        ("iso-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("utf8", "utf-8"),
        ("UTF-8", "utf-8"),
        ("iso-8859-6", "iso8859-6"),
        ("x-no-such", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_label(label, codec):
    assert normalize_label(label) == codec


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (b'<meta charset="windows-1256">', "windows-1256"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Windows-1256'>",
         "Windows-1256"),
        (b'<meta name="description" content="charset of the day">', None),
        (b"<p>charset=utf-8 in the text</p>", None),
    ],
)  # fmt: skip
def test_meta_charset(head, label):
    assert meta_charset(head) == label


def test_meta_charset_only_looks_at_the_head():
    late = b" " * 9000 + b'<meta charset="windows-1256">'
    assert meta_charset(late) is None


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("text/html; charset=windows-1256", "windows-1256"),
        ('text/html; charset="UTF-8"', "UTF-8"),
        ("text/html", None),
        (None, None),
    ],
)
def test_http_charset(value, label):
    assert http_charset(value) == label


def test_decode_html_meta_utf16_means_utf8():
    # the page states "utf-16" in ASCII, so it is not UTF-16 (WHATWG rule)
    data = page(FA_SENTENCE, '<meta charset="utf-16">').encode("utf-8")
    data = data.replace("ایم".encode(), b"\xff", 1)  # not valid UTF-8 any more
    decoded = decode_html(data)
    assert decoded.encoding == "utf-8"
    assert "سطل آب" in decoded.text


def test_detection_on_a_large_windows_1256_page():
    # a page larger than the detection sample: ASCII markup first, the article in the middle
    markup = "<script>var x = 1;</script>\n" * 3000
    data = page(markup + (CP_SENTENCE + " ") * 400 + markup).encode("cp1256")
    assert len(data) > 2 * 65536
    decoded = decode_html(data)
    assert (decoded.encoding, decoded.source) == ("cp1256", "detected")
    assert CP_SENTENCE in decoded.text
