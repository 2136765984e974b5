"""Turn the raw bytes of a record into text, and say how.

Two policies, one per kind of input:

- :func:`decode_text` for plain text, JSON lines and Parquet strings. These are UTF-8 by
  convention (JSON by RFC 8259), so there is no guessing: a byte-order mark is honoured, a few
  invalid bytes become U+FFFD (and are counted), and a record that is *mostly* undecodable is an
  error, because guessing a legacy encoding for a short string is wrong more often than right.
  A caller who knows the file is in a legacy encoding passes it explicitly.
- :func:`decode_html` for HTML pages, where browsers do guess, and so must we: old Persian news
  sites serve windows-1256 and sometimes declare the wrong charset. The order is: byte-order mark,
  then bytes that are valid UTF-8 (which wins over a declaration, because valid multi-byte UTF-8
  almost never happens by accident in a single-byte encoding, while a stale
  ``charset=windows-1256`` in a template that now writes UTF-8 is common), then the HTTP
  ``Content-Type`` charset, then the ``<meta>`` charset, then detection with charset-normalizer.

Both return a :class:`Decoded` or raise :class:`UndecodableError`, which readers turn into a
``Reject`` with reason ``decode_error``.

>>> decode_text("سلام".encode("utf-8")).text
'سلام'
>>> page = '<meta charset="windows-1256"><p>سلام</p>'.encode("cp1256")
>>> d = decode_html(page)
>>> (d.encoding, d.source, "سلام" in d.text)
('cp1256', 'meta', True)
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: reason used by readers when a record cannot be decoded
DECODE_ERROR = "decode_error"

#: longest UTF-32 marks first: the UTF-32-LE mark starts with the UTF-16-LE one
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: how far into a page to look for ``<meta charset>``. HTML5 says 1024 bytes, but Persian news
#: pages often put scripts and long ``<title>``\\ s first; 8 KiB catches them and stays cheap.
META_SCAN_BYTES = 8192

#: ``<meta charset="x">`` and ``<meta http-equiv="Content-Type" content="text/html; charset=x">``
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)

#: WHATWG label mapping for the labels whose Python meaning differs: browsers decode
#: "iso-8859-1" and "us-ascii" as windows-1252, and so must we to read what the author saw.
_LABEL_ALIASES: dict[str, str] = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "unicode-1-1-utf-8": "utf-8",
    "utf8": "utf-8",
    "x-user-defined": "cp1252",
}

#: declared encodings that are often wrong on Persian pages (a Latin default left in a template);
#: when one of these is declared and the bytes are not ASCII, detection gets a say
_LATIN_DEFAULTS = frozenset({"cp1252", "latin_1", "iso8859-15"})

#: when the bytes are nearly valid UTF-8 (a cut multi-byte character, one stray byte), keep UTF-8
#: and replace the bad bytes instead of asking a detector, which may pick a Latin code page
_NEARLY_UTF8_RATIO = 0.01

#: characters of the Arabic script blocks: a detected encoding that produces none of them in a
#: page that has many high bytes is probably not what a Persian site used
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how it was decoded.

    Attributes:
        text: the text (a leading byte-order mark removed).
        encoding: Python codec name used (``"utf-8"``, ``"cp1256"``...).
        source: why that encoding: ``"bom"``, ``"utf8"`` (the bytes are valid UTF-8),
            ``"http"``, ``"meta"``, ``"detected"``, ``"given"`` (the caller said so) or
            ``"utf8_replaced"`` (UTF-8 with a few bad bytes replaced).
        replaced: how many characters were replaced by U+FFFD because the bytes were invalid.
        declared: the charset the page declared, when it declared one (for the report: a page
            whose ``declared`` differs from ``encoding`` had a wrong declaration).
    """

    text: str
    encoding: str
    source: str
    replaced: int = 0
    declared: str | None = None


class UndecodableError(ValueError):
    """The bytes cannot be turned into text sensibly; ``detail`` says why and what to do."""

    reason = DECODE_ERROR

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def normalize_label(label: str | None) -> str | None:
    """Python codec name for a charset label from HTML or HTTP, or None when unknown.

    >>> normalize_label("Windows-1256"), normalize_label("ISO-8859-1"), normalize_label("UTF8")
    ('cp1256', 'cp1252', 'utf-8')
    >>> normalize_label("no-such-charset") is None
    True
    """
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = _LABEL_ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """The encoding named by a byte-order mark at the start of ``data`` and the mark's length.

    >>> sniff_bom(codecs.BOM_UTF16_LE + "س".encode("utf-16-le"))
    ('utf-16-le', 2)
    >>> sniff_bom(b"plain") is None
    True
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def meta_charset(data: bytes) -> str | None:
    """The charset label declared by a ``<meta>`` tag in the first bytes of a page (raw label).

    >>> meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
    'windows-1256'
    >>> meta_charset(b"<p>no declaration</p>") is None
    True
    """
    match = _META_CHARSET.search(data, 0, META_SCAN_BYTES)
    return match.group(1).decode("ascii") if match else None


def http_charset(content_type: str | None) -> str | None:
    """The charset label in an HTTP ``Content-Type`` header value (raw label).

    >>> http_charset("text/html; charset=UTF-8")
    'UTF-8'
    >>> http_charset("text/html") is None
    True
    """
    if not content_type:
        return None
    match = _HTTP_CHARSET.search(content_type)
    return match.group(1) if match else None


def count_replaced(data: bytes, text: str) -> int:
    """How many U+FFFD in ``text`` came from invalid bytes (not from U+FFFD already in ``data``)."""
    return text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))


def _decode_with(data: bytes, encoding: str, source: str, declared: str | None) -> Decoded:
    # "utf-8" with a BOM: drop the mark, it is not text
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    text = data.decode(codec, errors="replace")
    replaced = count_replaced(data, text) if encoding.startswith("utf") else text.count("\ufffd")
    return Decoded(text, encoding, source, max(replaced, 0), declared)


def _utf8_replaced(data: bytes) -> tuple[str, int]:
    text = data.decode("utf-8-sig", errors="replace")
    return text, max(count_replaced(data, text), 0)


def _ratio(replaced: int, text: str) -> float:
    return replaced / max(len(text), 1)


def _checked(decoded: Decoded, max_replaced_ratio: float) -> Decoded:
    """``decoded``, unless too much of it is U+FFFD (a wrong BOM or a wrong given encoding)."""
    if _ratio(decoded.replaced, decoded.text) > max_replaced_ratio:
        raise UndecodableError(
            f"{decoded.replaced} of {len(decoded.text)} characters are not valid "
            f"{decoded.encoding} (decoding chosen by: {decoded.source})"
        )
    return decoded


def decode_text(
    data: bytes, *, encoding: str | None = None, max_replaced_ratio: float = 0.05
) -> Decoded:
    """Decode text that should be UTF-8 (plain text, JSON, Parquet strings).

    Args:
        data: the record's bytes.
        encoding: a codec the caller knows the data is in (``"cp1256"``); None means UTF-8 (or
            what a byte-order mark says).
        max_replaced_ratio: the largest share of characters that may be replaced by U+FFFD
            before the record counts as undecodable.

    Raises:
        UndecodableError: more than ``max_replaced_ratio`` of the text is invalid.

    >>> decode_text(b"\\xef\\xbb\\xbfabc").text
    'abc'
    >>> d = decode_text("خبر خوب امروز از تهران رسید".encode() + b"\\xff")
    >>> (d.text[-5:], d.replaced, d.source)
    ('رسید\\ufffd', 1, 'utf8_replaced')
    >>> decode_text("سلام".encode("cp1256"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    khabar.io.charset.UndecodableError: 4 of 4 characters (100%) are not valid UTF-8; ...
    """
    bom = sniff_bom(data)
    if bom:
        return _checked(_decode_with(data[bom[1] :], bom[0], "bom", None), max_replaced_ratio)
    if encoding:
        codec = normalize_label(encoding)
        if codec is None:
            raise UndecodableError(f"unknown encoding {encoding!r}; use a Python codec name")
        return _checked(_decode_with(data, codec, "given", None), max_replaced_ratio)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf8")
    except UnicodeDecodeError:
        pass
    text, replaced = _utf8_replaced(data)
    if _ratio(replaced, text) > max_replaced_ratio:
        raise UndecodableError(
            f"{replaced} of {len(text)} characters ({_ratio(replaced, text):.0%}) are not valid "
            "UTF-8; if the file is in a legacy encoding, pass it explicitly "
            "(for example encoding='cp1256')"
        )
    return Decoded(text, "utf-8", "utf8_replaced", replaced)


#: detection looks at most this much of a page: the head and a stretch from the middle (where
#: the article usually is). charset-normalizer takes ~0.17 s on a whole 250 KB page, ~2 ms on this.
DETECT_SAMPLE_BYTES = 1 << 16


def _detect_sample(data: bytes) -> bytes:
    if len(data) <= DETECT_SAMPLE_BYTES:
        return data
    half = DETECT_SAMPLE_BYTES // 2
    middle = len(data) // 2
    return data[:half] + data[middle : middle + half]


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess, as a Python codec name (imported only when needed)."""
    from charset_normalizer import from_bytes

    best = from_bytes(_detect_sample(data)).best()
    return normalize_label(best.encoding) if best is not None else None


def decode_html(
    data: bytes,
    *,
    http_content_type: str | None = None,
    encoding: str | None = None,
    max_replaced_ratio: float = 0.05,
) -> Decoded:
    """Decode an HTML page: BOM, valid UTF-8, HTTP charset, ``<meta>`` charset, detection.

    Args:
        data: the page's bytes.
        http_content_type: the HTTP ``Content-Type`` header value, when the page came from a
            WARC or a crawler that kept it.
        encoding: force this codec (the caller knows better than the page).
        max_replaced_ratio: the largest share of U+FFFD allowed in the last-resort UTF-8 decode.

    Raises:
        UndecodableError: nothing decodes the page sensibly.

    >>> wrong = '<meta charset="windows-1256"><p>خبر</p>'.encode("utf-8")
    >>> d = decode_html(wrong)
    >>> (d.encoding, d.source, d.declared, "خبر" in d.text)
    ('utf-8', 'utf8', 'cp1256', True)
    """
    if encoding:
        return decode_text(data, encoding=encoding, max_replaced_ratio=max_replaced_ratio)
    bom = sniff_bom(data)
    if bom:
        return decode_text(data, max_replaced_ratio=1.0)
    http_label = normalize_label(http_charset(http_content_type))
    meta_label = normalize_label(meta_charset(data))
    if meta_label and meta_label.startswith(("utf-16", "utf-32")):
        # a page that can state its charset in ASCII is not UTF-16 (WHATWG: treat as UTF-8)
        meta_label = "utf-8"
    declared, declared_source = (http_label, "http") if http_label else (meta_label, "meta")
    if data.isascii():
        return Decoded(data.decode("ascii"), "ascii", "ascii", 0, declared)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        source = declared_source if declared == "utf-8" else "utf8"
        return Decoded(text, "utf-8", source, 0, declared)
    utf8_text, replaced = _utf8_replaced(data)
    nearly_utf8 = _ratio(replaced, utf8_text) <= _NEARLY_UTF8_RATIO
    if declared and declared not in ("utf-8", "utf-8-sig"):
        if declared not in _LATIN_DEFAULTS:
            return _decode_with(data, declared, declared_source, declared)
        guess = _detect(data)
        if guess and guess not in _LATIN_DEFAULTS:
            decoded = _decode_with(data, guess, "detected", declared)
            if _ARABIC_SCRIPT.search(decoded.text):
                return decoded
        return _decode_with(data, declared, declared_source, declared)
    if nearly_utf8:
        return Decoded(utf8_text, "utf-8", "utf8_replaced", replaced, declared)
    guess = _detect(data)
    if guess:
        return _decode_with(data, guess, "detected", declared)
    raise UndecodableError(
        f"the page is not valid UTF-8 ({replaced} bad characters of {len(utf8_text)}), declares "
        f"{'no charset' if not declared else declared}, and charset detection found no "
        "encoding; if you know its encoding, pass it explicitly (for example encoding='cp1256')"
    )
