"""Lossless main-content extraction from Persian news HTML.

:func:`extract_html` turns a page into its article text, title and metadata. Unlike trafilatura,
which deletes every ZWNJ (U+200C) and keeps footers, it keeps every character of the article as the
page has it: ZWNJ written as the character, as ``&zwnj;`` or as ``&#8204;``, ZWJ, Persian and
Arabic-Indic digits, Arabic yeh and kaf (repair is the job of :mod:`khabar.text`, not of
extraction). Only whitespace is touched: runs of HTML whitespace (and, by default, no-break spaces)
become one space, as a browser shows them.

How the article is found (selectolax's lexbor, an HTML5 parser, parses; the rules are ours):

1. The page is cut into *blocks*: the text of each block-level element (``p``, ``div``, ``li``,
   ``h2``...), with ``<br>`` kept as a line break and ``<br><br>`` as a paragraph break. Scripts,
   styles, forms' inputs and hidden elements are skipped.
2. Each block is marked with the furniture its ancestors' markup reveals (``nav``, ``footer``,
   ``class="related-news"``...) and its own text (``پربازدیدترین``, ``کلیه حقوق ... محفوظ است``),
   see :mod:`khabar.extract.boilerplate`.
3. Prose blocks (long, few links, unmarked) vote for their ancestors; the article container is the
   deepest element holding at least half of the page's prose, widened while a parent adds
   substantially more prose (articles split around an ad).
4. The lead between the headline and that container (``p.summary``, ``h2.subtitle``) is added, and
   the container's blocks are filtered: furniture, link lists and everything after the agency end
   marker ``انتهای پیام`` go to ``removed`` with their reason.

>>> page = '''<html><head><title>بارش برف در تهران - خبرگزاری نمونه</title></head><body>
... <nav><a href="/">صفحه اصلی</a> <a href="/s">ورزشی</a></nav>
... <h1>بارش برف در تهران</h1>
... <div class="body"><p>برف از صبح امروز در تهران می&zwnj;بارد و مدارس تعطیل شده&#8204;اند.</p>
... <p>پلیس راهور از رانندگان خواست با زنجیر چرخ حرکت کنند.</p></div>
... <footer>کلیه حقوق محفوظ است.</footer></body></html>'''
>>> result = extract_html(page)
>>> result.title
'بارش برف در تهران'
>>> print(result.text)
برف از صبح امروز در تهران می‌بارد و مدارس تعطیل شده‌اند.
<BLANKLINE>
پلیس راهور از رانندگان خواست با زنجیر چرخ حرکت کنند.
>>> result.text.count("\\u200c")
2
>>> failure = extract_html("   ")
>>> failure.ok, failure.reason, failure.detail
(False, 'empty_input', 'the HTML is empty or only whitespace')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal
from urllib.parse import urljoin

from khabar._optional import require
from khabar.dates.urls import date_from_url
from khabar.errors import ConfigError
from khabar.extract.boilerplate import (
    is_end_marker,
    is_section_heading,
    markup_reason,
    text_reason,
)
from khabar.extract.meta import (
    ParsedDate,
    is_dateline,
    page_metadata,
    parse_date,
    similar_titles,
    strip_site_name,
    unescape_leftover_entities,
)

if TYPE_CHECKING:  # pragma: no cover
    from selectolax.lexbor import LexborNode

#: why no article could be returned
FailureReason = Literal["empty_input", "no_body", "no_main_content"]


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Tuning of :func:`extract_html`; the defaults were chosen on Persian news pages.

    Attributes:
        nbsp_as_space: show U+00A0 as a plain space, as a reader sees it (``به گزارش&nbsp;&nbsp;
            خبرنگار`` is two words). Turn off to keep no-break spaces for a later repair step.
        prose_chars: a block needs this many characters to vote for the article container; below
            it, captions and labels would let a sidebar of teasers win.
        max_link_density: blocks whose text is more than this share of link text are dropped as
            link lists (menus, "related news"); article paragraphs with a link or two stay.
        include_lead: add the lead/summary printed between the headline and the body.
        bold_lines_as_headings: inside a ``<br>``-separated block, a line that is entirely bold
            becomes its own paragraph (Persian sites write sub-headings so).
    """

    nbsp_as_space: bool = True
    prose_chars: int = 40
    max_link_density: float = 0.5
    include_lead: bool = True
    bold_lines_as_headings: bool = True

    def __post_init__(self) -> None:
        if self.prose_chars < 1:
            raise ConfigError(
                f"ExtractConfig.prose_chars must be at least 1, got {self.prose_chars}: it is the "
                "length a block needs to count as article prose (the default is 40)."
            )
        if not 0.0 < self.max_link_density <= 1.0:
            raise ConfigError(
                f"ExtractConfig.max_link_density must be in (0, 1], got {self.max_link_density}: "
                "it is the share of link text above which a block is a link list (default 0.5)."
            )


@dataclass(frozen=True, slots=True)
class Extracted:
    """The article found in a page.

    Attributes:
        text: paragraphs joined by a blank line; a ``<br>`` inside a paragraph is a ``\\n``.
        title: the headline (``<h1>``, else ``og:title``/``<title>`` without the site name).
        paragraphs: the paragraphs of ``text``; headings are paragraphs of their own.
        meta: ``published`` (ISO date), ``published_calendar`` (``gregorian``/``jalali``: how
            the page printed it), ``published_source``, ``published_raw``, ``modified``, ``lang``,
            ``description``, ``author``, ``site_name``, ``canonical_url``, ``tags``, when found.
        removed: the blocks dropped as boilerplate, in page order (neighbours with the same reason
            merged into one entry, lines joined by ``\\n``), for the inspector.
        removed_reasons: the reason of each ``removed`` entry, same length and order.
    """

    text: str
    title: str | None
    paragraphs: list[str]
    meta: dict[str, Any]
    removed: list[str] = field(default_factory=list)
    removed_reasons: list[str] = field(default_factory=list)
    ok: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class ExtractFailure:
    """No article in the page, and why; title and metadata are still given when found."""

    reason: FailureReason
    detail: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    removed_reasons: list[str] = field(default_factory=list)
    ok: ClassVar[bool] = False


# --- tree walking --------------------------------------------------------------------------


def _names(text: str) -> frozenset[str]:
    """A set of tag names written as one space-separated string (easier to review)."""
    return frozenset(text.split())


_BLOCK_TAGS = _names(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main "
    "menu nav ol p pre section summary table tbody td tfoot th thead tr ul"
)
# Never text: code, media, embedded documents and form controls (their labels are form chrome).
_SKIP_TAGS = _names(
    "script style noscript template svg math iframe object embed canvas video audio picture "
    "img map head title meta link button select option optgroup input textarea label"
)
_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD_TAGS = frozenset({"b", "strong"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_HTML_SPACE_NBSP = re.compile(r"[ \t\n\r\f\u00a0]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_BOLD_HEADING_MAX = 150
_LEAD_WINDOW = 20  # blocks between the headline and the article body that may hold its lead
_DATE_WINDOW = 30  # blocks around the headline searched for a printed date  # chars: a longer bold line is emphasis inside prose, not a heading


@dataclass(slots=True)
class _Element:
    tag: str
    parent: int  # index in the element table, -1 for the root
    mark: str | None  # furniture reason from this element's own markup


@dataclass(slots=True)
class _Block:
    text: str
    owner: int  # element index of the innermost block-level ancestor
    heading: int  # 1-6 for h1-h6, 7 for a bold line, 0 for prose
    link_chars: int
    order: int = 0


@dataclass(slots=True)
class _Piece:
    text: str
    link: bool
    bold: bool


class _Walker:
    """Cuts a DOM into blocks; one walker per page (it holds the page's element table)."""

    def __init__(self, config: ExtractConfig) -> None:
        self.config = config
        self.space = _HTML_SPACE_NBSP if config.nbsp_as_space else _HTML_SPACE
        self.elements: list[_Element] = []
        self.blocks: list[_Block] = []
        self.pieces: list[_Piece | None] = []  # None is a <br>
        self.owner = -1

    def walk(self, root: LexborNode) -> None:
        """Cut the subtree of ``root`` (the ``<body>``) into blocks, in page order.

        The walk keeps its own stack instead of recursing: broken pages nest thousands of
        unclosed ``<div>``/``<font>`` tags, deeper than Python's recursion limit.
        """
        # the <body> is element 0, the single root every block descends from
        self.elements.append(_Element("body", -1, None))
        self.owner = 0
        # a frame: [next child to visit, element index, inside <a>, inside <b>, owner to restore]
        frames: list[list[Any]] = [[root.child, 0, False, False, None]]
        while frames:
            frame = frames[-1]
            child = frame[0]
            if child is None:  # every child visited: leave the element
                frames.pop()
                if frame[4] is not None:
                    self._flush()
                    self.owner = frame[4]
                continue
            frame[0] = child.next
            entered = self._enter(child, frame[1], frame[2], frame[3])
            if entered is not None:
                frames.append(entered)
        self._flush()

    def _enter(self, child: LexborNode, parent: int, link: bool, bold: bool) -> list[Any] | None:
        """Record a node; for an element with content, the frame to visit its children."""
        tag = child.tag
        if tag == "-text":
            text = child.text_content or ""
            if self.elements[self.owner].tag == "pre":
                # in <pre> a newline of the source is a line break, as <br> is elsewhere
                for number, line in enumerate(text.split("\n")):
                    if number:
                        self.pieces.append(None)
                    self.pieces.append(_Piece(line, link, bold))
            else:
                self.pieces.append(_Piece(text, link, bold))
            return None
        if tag is None or tag.startswith("-") or tag in _SKIP_TAGS:  # comments, doctype, code
            return None
        if tag == "br":
            self.pieces.append(None)
            return None
        attrs = child.attributes
        if _is_hidden(attrs):
            return None
        index = len(self.elements)
        mark = markup_reason(
            tag, attrs.get("class") or "", attrs.get("id") or "", attrs.get("role") or ""
        )
        self.elements.append(_Element(tag, parent, mark))
        if tag in _BLOCK_TAGS:
            self._flush()
            outer, self.owner = self.owner, index
            return [child.child, index, link, bold, outer]
        return [child.child, index, link or tag == "a", bold or tag in _BOLD_TAGS, None]

    def _flush(self) -> None:
        """Turn the pending inline pieces into blocks of the current owner."""
        if not self.pieces:
            return
        pieces, self.pieces = self.pieces, []
        heading = _HEADING_LEVEL.get(self.elements[self.owner].tag, 0)
        lines: list[list[_Piece]] = [[]]
        for piece in pieces:
            if piece is None:
                lines.append([])
            else:
                lines[-1].append(piece)
        paragraph: list[tuple[str, int]] = []  # (line text, link chars)
        for line in lines:
            text = self.space.sub(" ", "".join(p.text for p in line)).strip()
            if not text:
                # an empty line between two <br> (<br><br>) ends the paragraph
                self._emit(paragraph, heading)
                paragraph = []
                continue
            link_chars = sum(len(p.text.strip()) for p in line if p.link)
            if (
                self.config.bold_lines_as_headings
                and not heading
                and len(text) <= _BOLD_HEADING_MAX
                and all(p.bold or not p.text.strip() for p in line)
            ):
                self._emit(paragraph, heading)
                self._emit([(text, link_chars)], 7)
                paragraph = []
                continue
            paragraph.append((text, link_chars))
        self._emit(paragraph, heading)

    def _emit(self, lines: list[tuple[str, int]], heading: int) -> None:
        if not lines:
            return
        text = "\n".join(line for line, _ in lines)
        self.blocks.append(
            _Block(text, self.owner, heading, sum(n for _, n in lines), len(self.blocks))
        )


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


# --- choosing the article ------------------------------------------------------------------


@dataclass(slots=True)
class _Page:
    """The blocks of one page with the element table, and queries over ancestry."""

    elements: list[_Element]
    blocks: list[_Block]
    config: ExtractConfig

    def ancestors(self, index: int) -> list[int]:
        """``index`` and its ancestors, innermost first."""
        chain = []
        while index >= 0:
            chain.append(index)
            index = self.elements[index].parent
        return chain

    def marks(self, block: _Block, below: int = -1) -> str | None:
        """The innermost furniture mark on the block's ancestry, ignoring ``below`` and above it."""
        for index in self.ancestors(block.owner):
            if index == below:
                return None
            if self.elements[index].mark:
                return self.elements[index].mark
        return None

    def link_density(self, block: _Block) -> float:
        return block.link_chars / max(len(block.text), 1)

    def prose_weight(self, block: _Block) -> float:
        """How much a block looks like article prose (0 for headings, links and furniture)."""
        # h1-h6 never vote; a bold line (heading 7) does when long enough: some pages set whole
        # paragraphs in <b>
        if 0 < block.heading < 7 or len(block.text) < self.config.prose_chars:
            return 0.0
        if self.link_density(block) > 0.25 or text_reason(block.text):
            return 0.0
        return len(block.text) * (1.0 - self.link_density(block))

    def settle_marks(self, title: _Block | None) -> None:
        """Adjust the markup marks with what only the whole page shows (call before voting)."""
        self._mark_headed_sections(title)
        self._unmark_wrappers(title)

    def container(self) -> int | None:
        """The element holding the article's prose, or ``None`` when the page has no prose."""
        scores: dict[int, float] = {}
        for block in self.blocks:
            weight = self.prose_weight(block)
            if weight and self.marks(block) is None:
                for index in self.ancestors(block.owner):
                    scores[index] = scores.get(index, 0.0) + weight
        if not scores:
            return None
        return _deepest_majority(scores, self.elements, self._single_line_owners())

    def _mark_headed_sections(self, title: _Block | None) -> None:
        """Mark an element that opens with a section heading as that section.

        ``<section><h2>نظرات کاربران</h2>...`` is the comment thread whatever its class names
        (hashed ``css-1u8ejmk`` classes give no hint), and a long thread under a short article
        would otherwise win the vote. Only when the heading is the element's first block: an
        article wrapper that merely ends with "اخبار مرتبط" is not a list.
        """
        title_chain = set(self.ancestors(title.owner)) if title is not None else set()
        first_block: dict[int, int] = {}
        for block in self.blocks:
            for index in self.ancestors(block.owner):
                first_block.setdefault(index, block.order)
        for block in self.blocks:
            if not is_section_heading(block.text):
                continue
            section = self.elements[block.owner].parent
            if section > 0 and section not in title_chain and first_block[section] == block.order:
                self.elements[section].mark = self.elements[section].mark or "section_heading"

    def _single_line_owners(self) -> set[int]:
        """Elements whose whole content is one single-line block: paragraphs in a wrapper."""
        counts: dict[int, int] = {}
        multiline: set[int] = set()
        for block in self.blocks:
            for index in self.ancestors(block.owner):
                counts[index] = counts.get(index, 0) + 1
                if "\n" in block.text:
                    multiline.add(index)
        return {i for i, n in counts.items() if n == 1 and i not in multiline}

    def _unmark_wrappers(self, title: _Block | None) -> None:
        """Forget the mark of an element that wraps the article.

        A ``<div class="entry-content social-ready">`` or a page-wide ``<div id="sidebar-layout">``
        can enclose the article. A class-named wrapper is recognised by holding the headline or
        half of the page's prose. A comment section needs more proof, since a long thread under a
        short answer does hold most of the prose: the headline, or 80 % of the prose on a page
        without one. Tags and roles (``<aside>``, ``role="navigation"``) need the headline.
        """
        title_chain = set(self.ancestors(title.owner)) if title is not None else set()
        totals: dict[int, float] = {}
        for block in self.blocks:
            weight = self.prose_weight(block)
            if weight:
                for index in self.ancestors(block.owner):
                    totals[index] = totals.get(index, 0.0) + weight
        page_total = totals.get(0, 0.0)
        if not page_total:
            return
        for index, element in enumerate(self.elements):
            if not element.mark:
                continue
            share = totals.get(index, 0.0) / page_total
            if not element.mark.startswith("class:"):
                # <nav>, <aside>, <footer>, ARIA roles: the author said so; only the headline
                # inside proves otherwise (a short article beside a prose "about us" <aside>)
                wraps = index in title_chain
            elif element.mark == "class:comment":
                wraps = index in title_chain or (title is None and share >= 0.8)
            else:
                wraps = index in title_chain or share >= 0.5
            if wraps:
                element.mark = None


# Paragraph-level elements: never the article container, even when one paragraph holds most of
# the prose (a long question over short answers on a Q&A page).
# (Not <td>: on table-layout sites one cell is the article container.)
_PARAGRAPH_TAGS = _names("p li dd dt blockquote pre h1 h2 h3 h4 h5 h6 figcaption address summary")


def _deepest_majority(
    scores: dict[int, float],
    elements: list[_Element],
    single: set[int],
) -> int:
    """The deepest element with half the page's prose, widened while a parent adds 15 % more.

    A paragraph (``<p>``, or a wrapper holding one single-line block) is never the container:
    on a Q&A page one long question can hold half the prose while the short answers beside it
    belong to the article too.
    """
    total = scores[0]  # the <body>
    holders = [i for i, s in scores.items() if s >= 0.5 * total]
    # depth of every holder, memoised: on a page nested 10,000 deep every ancestor of the text
    # is a holder, and measuring each one's ancestry anew was quadratic in the depth
    depth: dict[int, int] = {}
    for start in holders:
        chain = []
        index = start
        while index >= 0 and index not in depth:
            chain.append(index)
            index = elements[index].parent
        base = depth.get(index, -1) if index >= 0 else -1
        for offset, node in enumerate(reversed(chain), start=1):
            depth[node] = base + offset
    best = max(holders, key=depth.__getitem__)  # first deepest, as len(ancestors(i)) chose
    while elements[best].parent >= 0:
        parent = elements[best].parent
        is_paragraph = elements[best].tag in _PARAGRAPH_TAGS or best in single
        if not is_paragraph and scores.get(parent, 0.0) - scores[best] < 0.15 * total:
            break
        best = parent
    return best


def _title_block(page: _Page, meta_title: str | None) -> _Block | None:
    """The ``<h1>`` that is the headline: the one matching the meta title, else the longest.

    Longest, not first: many Persian sites put their logo in an ``<h1>`` above the headline
    (``<h1><a href="/">خبرگزاری نمونه</a></h1>``), and a site name is shorter than a headline.
    """
    h1s = [b for b in page.blocks if b.heading == 1 and page.marks(b) is None]
    if meta_title:
        for block in h1s:
            if similar_titles(block.text, meta_title):
                return block
    return max(h1s, key=lambda b: len(b.text)) if h1s else None


def _select(page: _Page, container: int, title: _Block | None, description: str | None,
            ) -> tuple[list[_Block], list[tuple[_Block, str]]]:  # fmt: skip
    """Split the page's blocks into kept (article) and dropped (with reasons), in page order."""
    inside = set()
    for block in page.blocks:
        if container in page.ancestors(block.owner):
            inside.add(block.order)
    first_inside = min(inside)
    # the lead sits right under the headline; far from it, a block is page furniture
    near = title is not None and 0 <= first_inside - title.order <= _LEAD_WINDOW
    lead_from = title.order + 1 if title is not None and near else None
    kept: list[_Block] = []
    dropped: list[tuple[_Block, str]] = []
    ended = False
    closed: set[int] = set()  # elements whose rest is a comments/related section
    for block in page.blocks:
        if title is not None and block.order == title.order:
            dropped.append((block, "title"))
            continue
        if closed and not closed.isdisjoint(page.ancestors(block.owner)):
            dropped.append((block, "after_section_heading"))
            continue
        is_lead = (
            page.config.include_lead
            and lead_from is not None
            and lead_from <= block.order < first_inside
        )
        if block.order not in inside and not is_lead:
            dropped.append((block, page.marks(block) or "outside_article"))
            continue
        reason = _drop_reason(page, block, container, ended, is_lead, description)
        if reason == "end_marker":
            ended = True
        if reason == "list_heading" and kept and is_section_heading(block.text):
            # "نظرات بینندگان" after the article opens a section: the rest of the element around
            # it is that section. Never the container itself: "بیشتر بخوانید:" and its link sit
            # between two paragraphs of the article.
            section = page.elements[block.owner].parent
            if block.owner != container and container in page.ancestors(section)[1:]:
                closed.add(section)
        if reason:
            dropped.append((block, reason))
            continue
        if "\n" in block.text:
            block, line_drops, ended = _clean_lines(block)
            dropped.extend(line_drops)
        if block.text:
            kept.append(block)
    return kept, dropped


def _clean_lines(block: _Block) -> tuple[_Block, list[tuple[_Block, str]], bool]:
    """Drop furniture lines inside a ``<br>``-separated block (aryanews writes a whole article
    so, ending it with ``انتهای پیام/`` or a stray ``-->``). Returns whether the end marker came."""
    kept_lines: list[str] = []
    dropped: list[tuple[_Block, str]] = []
    ended = False
    for line in block.text.split("\n"):
        if ended:
            reason: str | None = "after_end_marker"
        elif is_end_marker(line):
            reason, ended = "end_marker", True
        else:
            reason = text_reason(line)
            reason = reason if reason in ("no_letters", "copyright") else None
        if reason:
            dropped.append((_Block(line, block.owner, 0, 0, block.order), reason))
        else:
            kept_lines.append(line)
    cleaned = _Block(
        "\n".join(kept_lines), block.owner, block.heading, block.link_chars, block.order
    )
    return cleaned, dropped, ended


def _drop_reason(page: _Page, block: _Block, container: int, ended: bool, is_lead: bool,
                 description: str | None) -> str | None:  # fmt: skip
    if ended:
        return "after_end_marker"
    if is_end_marker(block.text):
        return "end_marker"
    mark = page.marks(block, below=container)
    if mark:
        return mark
    if page.link_density(block) > page.config.max_link_density:
        return "links"
    reason = text_reason(block.text)
    if reason:
        return reason
    if not block.heading and is_dateline(block.text):
        return "dateline"
    if is_lead:
        # Between headline and body sit the lead and the byline/date/tools; only prose (or the
        # sentence the page itself gives as its description) is the lead.
        described = description is not None and similar_titles(block.text, description)
        if not described and (len(block.text) < page.config.prose_chars or block.heading == 1):
            return "header_line"
    return None


def _merge_removed(dropped: list[tuple[_Block, str]]) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    reasons: list[str] = []
    for block, reason in dropped:
        if reasons and reasons[-1] == reason:
            texts[-1] += "\n" + block.text
        else:
            texts.append(block.text)
            reasons.append(reason)
    return texts, reasons


def _text_date(page: _Page, anchor: _Block | None) -> tuple[str, ParsedDate] | None:
    """A date printed next to the headline (``anchor``), read from the page's visible text.

    Datelines (a date with at most a weekday, time or label) come before sentences that mention
    a date; then the nearest block, after the headline before above it. The page's masthead
    shows *today's* date, so nearness matters: it is usually far above the headline.
    """
    if anchor is None:
        return None
    near = [
        b for b in page.blocks if abs(b.order - anchor.order) <= _DATE_WINDOW and len(b.text) <= 200
    ]
    near.sort(
        key=lambda b: (
            not is_dateline(b.text),
            abs(b.order - anchor.order),
            b.order < anchor.order,
        )
    )
    for block in near:
        parsed = parse_date(block.text)
        if parsed is not None:
            return block.text, parsed
    return None


def _clean_fallback_title(meta_title: str | None, site_name: str | None) -> str | None:
    """``og:title``/``<title>`` without the site name; ``None`` when nothing else is left."""
    if not meta_title:
        return None
    title = strip_site_name(meta_title, site_name).strip(" -|–—:»«")
    if not _LETTER.search(title) or (site_name and similar_titles(title, site_name)
                                     and len(title) <= len(site_name) + 2):  # fmt: skip
        return None
    return title


# --- the public function -------------------------------------------------------------------


def extract_html(
    html: str, url: str | None = None, config: ExtractConfig | None = None
) -> Extracted | ExtractFailure:
    """Extract the article text, title and metadata of a news page.

    Args:
        html: the page, decoded to ``str`` (decode bytes with the page's charset first).
        url: the page's address; used for ``canonical_url`` when the page names none, and to
            resolve a relative one.
        config: tuning; :class:`ExtractConfig` defaults when ``None``.

    Returns:
        :class:`Extracted`, or :class:`ExtractFailure` with ``reason`` ``"empty_input"``,
        ``"no_body"`` or ``"no_main_content"`` (a page of menus and link lists only). Both have
        ``.ok``. Never raises for bad HTML.

    Raises:
        MissingExtraError: selectolax is not installed (``pip install 'khabar[html]'``).
    """
    config = config or ExtractConfig()
    if not html or not html.strip():
        return ExtractFailure("empty_input", "the HTML is empty or only whitespace")
    lexbor = require("selectolax.lexbor", extra="html", feature="HTML extraction")
    tree = lexbor.LexborHTMLParser(html)
    meta = page_metadata(tree, url)
    if meta.get("canonical_url") and url:
        try:
            meta["canonical_url"] = urljoin(url, meta["canonical_url"])
        except ValueError:  # «https://daily.example]science/881»: a broken link is not the page's
            meta.pop("canonical_url")
    meta_title = meta.pop("meta_title", None)
    site_name = meta.get("site_name")
    fallback_title = _clean_fallback_title(meta_title, site_name)
    body = tree.body
    if body is None:  # lexbor adds a <body> to any document; kept for a parser that does not
        return ExtractFailure("no_body", "the HTML has no <body>", fallback_title, meta)

    walker = _Walker(config)
    walker.walk(body)
    for block in walker.blocks:
        block.text = unescape_leftover_entities(block.text)
    page = _Page(walker.elements, walker.blocks, config)
    title_block = _title_block(page, meta_title)
    title = title_block.text.replace("\n", " ") if title_block is not None else fallback_title
    page.settle_marks(title_block)
    container = page.container()

    if "published" not in meta and url:
        # a day written in the address (htmldate's order too: metadata, then URL, then text)
        in_url = date_from_url(url)
        if in_url is not None:
            meta.update(published=in_url.iso, published_calendar=in_url.calendar,
                        published_source="url", published_raw=in_url.raw)  # fmt: skip
    if "published" not in meta:
        # next to the headline; on a page without one, next to the start of the article
        anchor = title_block or next(
            (b for b in page.blocks if container is not None
             and container in page.ancestors(b.owner)), None)  # fmt: skip
        found = _text_date(page, anchor)
        if found is not None:
            raw, parsed = found
            meta.update(published=parsed.iso, published_calendar=parsed.calendar,
                        published_source="text", published_raw=raw)  # fmt: skip

    if container is None:
        removed, reasons = _merge_removed([(b, page.marks(b) or "no_prose") for b in page.blocks])
        return ExtractFailure(
            "no_main_content",
            f"none of the page's {len(page.blocks)} text blocks is article prose (at least "
            f"{config.prose_chars} characters, few links, outside menus and footers)",
            title, meta, removed, reasons,
        )  # fmt: skip
    kept, dropped = _select(page, container, title_block, meta.get("description"))
    removed, reasons = _merge_removed(dropped)
    if not kept:
        return ExtractFailure(
            "no_main_content", "every block of the article container was boilerplate",
            title, meta, removed, reasons,
        )  # fmt: skip
    paragraphs = [b.text for b in kept]
    return Extracted("\n\n".join(paragraphs), title, paragraphs, meta, removed, reasons)
