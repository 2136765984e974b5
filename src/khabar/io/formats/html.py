"""HTML files (``.html``, ``.htm``): one page per file, decoded, with ``doc.text = ""``.

The HTML extraction step fills ``doc.text`` and ``doc.raw`` later. The reader decodes the bytes
(see :func:`khabar.io.charset.decode_html`), records how in ``meta["charset"]`` and
``meta["charset_source"]``, and takes ``doc.url`` from ``<link rel="canonical">`` or
``<meta property="og:url">`` when the page has one (so domain-level steps work on saved pages).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

from khabar.document import Document, Reject
from khabar.io.charset import Decoded, decode_html
from khabar.io.formats.base import ReadContext
from khabar.io.formats.stream import read_whole_decoded

#: only the head is searched for the page's own URL
_URL_SCAN_CHARS = 65536
_CANONICAL = re.compile(
    r"""<link\b(?=[^>]*\brel\s*=\s*["']?canonical\b)[^>]*\bhref\s*=\s*["']([^"'<>]+)["']""",
    re.IGNORECASE,
)
_OG_URL = re.compile(
    r"""<meta\b(?=[^>]*\bproperty\s*=\s*["']og:url["'])[^>]*\bcontent\s*=\s*["']([^"'<>]+)["']""",
    re.IGNORECASE,
)


def page_url(page: str) -> str | None:
    """The absolute URL a page gives for itself (canonical link, else og:url), if any.

    >>> page_url('<head><link rel="canonical" href="https://www.yjc.ir/fa/news/1?a=1&amp;b=2">')
    'https://www.yjc.ir/fa/news/1?a=1&b=2'
    >>> page_url('<link rel="canonical" href="/relative">') is None
    True
    """
    head = page[:_URL_SCAN_CHARS]
    for pattern in (_CANONICAL, _OG_URL):
        match = pattern.search(head)
        if match:
            url = html_lib.unescape(match.group(1)).strip()
            if url.startswith(("http://", "https://")):
                return url
    return None


def charset_meta(decoded: Decoded) -> dict[str, Any]:
    """What the report needs to know about how a page was decoded."""
    meta: dict[str, Any] = {"charset": decoded.encoding, "charset_source": decoded.source}
    if decoded.declared and decoded.declared != decoded.encoding:
        meta["charset_declared"] = decoded.declared
    if decoded.replaced:
        meta["replaced_chars"] = decoded.replaced
    return meta


def clean_nuls(page: str) -> tuple[str, int]:
    """Replace NUL characters by U+FFFD, as an HTML parser would (HTML spec, "unexpected-null")."""
    n = page.count("\x00")
    return (page.replace("\x00", "\ufffd"), n) if n else (page, 0)


def read(ctx: ReadContext) -> Iterator[Document | Reject]:
    """The page as one document with ``doc.html`` set and ``doc.text == doc.raw == ""``."""
    decoded = read_whole_decoded(ctx, "no markup", decode_html)
    if isinstance(decoded, Reject):
        yield decoded
        return
    page, nuls = clean_nuls(decoded.text)
    meta = charset_meta(decoded)
    if nuls:
        meta["nul_chars"] = nuls
    yield ctx.document(0, "", offset=0, url=page_url(page), html=page, raw="", meta=meta)
