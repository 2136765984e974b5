"""Extraction of article text and metadata from HTML pages.

``extract_html(html, url=None, config=None) -> Extracted | ExtractFailure`` keeps every
character of the article (ZWNJ as the character, ``&zwnj;`` or ``&#8204;``, ZWJ, any digit
script) and drops menus, related/most-viewed lists, comments, share bars, ads and footers; dates
are read from JSON-LD, meta tags, ``<time>`` and the Jalali text next to the headline. It needs
``khabar[html]`` (selectolax); importing this package imports nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["ExtractConfig", "ExtractFailure", "Extracted", "extract_html"]

if TYPE_CHECKING:  # pragma: no cover
    from khabar.extract.html import ExtractConfig, Extracted, ExtractFailure, extract_html


def __getattr__(name: str) -> Any:
    if name in __all__:
        from khabar.extract import html

        return getattr(html, name)
    raise AttributeError(f"module 'khabar.extract' has no attribute {name!r}")
