"""Types shared by the input readers: what an input file is, how to read it, what was counted.

:mod:`khabar.io.readers` re-exports these; the format modules (``text``, ``jsonl``, ``html``,
``warc``, ``parquet``) each define one ``read(ctx)`` generator over a :class:`ReadContext`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from khabar.document import Document, Reject
from khabar.errors import ConfigError

Format = Literal["text", "jsonl", "html", "warc", "parquet"]
Compression = Literal["gzip", "zstd"]

#: every format read_file knows, in the order the docs list them
FORMATS: tuple[str, ...] = ("text", "jsonl", "html", "warc", "parquet")

# Field names looked for, in this order, when ReadConfig leaves a field on auto. They cover the
# common dumps: HF datasets and FineWeb ("text", "id", "url", "date"), RedPajama ("raw_content"),
# news scrapers ("body", "content", "link", "published"), OSCAR ("content").
TEXT_FIELDS: tuple[str, ...] = (
    "text", "body", "content", "raw_content", "article", "article_text", "contents", "document",
    "passage",
)  # fmt: skip
HTML_FIELDS: tuple[str, ...] = ("html", "raw_html", "html_content", "content_html", "page_html")
URL_FIELDS: tuple[str, ...] = ("url", "link", "uri", "source_url", "page_url", "warc_target_uri")
ID_FIELDS: tuple[str, ...] = ("id", "doc_id", "document_id", "_id", "uuid")
DATE_FIELDS: tuple[str, ...] = (
    "date", "published", "published_at", "publish_date", "date_published", "pub_date",
    "datetime", "timestamp",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file, as :func:`~khabar.io.readers.expand_inputs` found it.

    Attributes:
        path: the path as the user gave it, or as a folder or glob expanded to.
        format: ``"text"``, ``"jsonl"``, ``"html"``, ``"warc"`` or ``"parquet"``.
        size: size in bytes on disk (compressed size for compressed files).
        compression: ``"gzip"``, ``"zstd"`` or None. A ``.warc.gz`` says ``"gzip"`` too (the WARC
            library reads it); Parquet compresses inside the file and says None.
        problem: why the file cannot be read, for a file that
            ``expand_inputs(..., strict=False)`` listed anyway (then ``format`` is
            ``"unreadable"`` or ``"unknown"``, and reading it gives one reject saying this).
    """

    path: str
    format: str
    size: int
    compression: str | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class ReadConfig:
    """How records are turned into documents (the ``[read]`` config section).

    The field options name a JSON key or Parquet column; None means "auto": the first of a list of
    common names that the record has (``text``, ``body``, ``content``, ``raw_content``... for
    text). An explicit name is never guessed around: a record without it is rejected.
    """

    #: key/column holding the text; None = auto (text, body, content, raw_content, article...)
    text_field: str | None = None
    #: key/column holding raw HTML (a record with HTML and no text goes to HTML extraction)
    html_field: str | None = None
    #: key/column holding the page URL; None = auto (url, link, uri, source_url...)
    url_field: str | None = None
    #: key/column holding a stable document id; None = auto (id, doc_id, _id, uuid)
    id_field: str | None = None
    #: key/column holding a date, kept as given in meta["date"]; None = auto (date, published...)
    date_field: str | None = None
    #: a record (line, page, WARC record, text file) larger than this is rejected unread, so one
    #: huge record cannot exhaust memory: 50 MB is far above any real article or page
    max_record_bytes: int = 50_000_000
    #: a record whose text would be more than this share of U+FFFD (invalid bytes) is rejected
    #: as decode_error; below it the bad bytes are replaced and counted in meta["replaced_chars"].
    #: 5% keeps an article with a few damaged bytes and rejects text in the wrong encoding.
    max_replaced_ratio: float = 0.05
    #: the encoding of text and HTML inputs when you know it (for example "cp1256"); None = auto
    #: (UTF-8 for text and JSON; BOM, declaration and detection for HTML)
    encoding: str | None = None
    #: Parquet rows read at a time (memory stays bounded by one batch)
    batch_size: int = 1000
    #: HTTP content types of WARC response records that are read as HTML pages
    warc_content_types: tuple[str, ...] = ("text/html", "application/xhtml+xml")
    #: decompression-bomb bound, with ``expansion_floor_bytes``: once a gzip/zstd file (JSONL,
    #: text, HTML, WARC) has expanded to more than this many times its size on disk AND more than
    #: the floor, the rest of the file is rejected as ``decompression_bomb``. Text compresses
    #: 3-10x with gzip and rarely past 30x with zstd; 1 GB of zeros compresses about 1000x.
    max_expansion_ratio: float = 100.0
    #: the bound never rejects a file before it has expanded to this many bytes (100 MB), so small
    #: files of very repetitive records are read whole
    expansion_floor_bytes: int = 100_000_000

    def __post_init__(self) -> None:
        if self.max_record_bytes <= 0:
            raise ConfigError(
                f"read.max_record_bytes must be positive, not {self.max_record_bytes}; "
                "use a size in bytes such as 50000000"
            )
        if not 0.0 <= self.max_replaced_ratio <= 1.0:
            raise ConfigError(
                f"read.max_replaced_ratio must be between 0 and 1, not {self.max_replaced_ratio}"
            )
        if self.batch_size <= 0:
            raise ConfigError(f"read.batch_size must be positive, not {self.batch_size}")
        if not self.max_expansion_ratio >= 1.0:
            raise ConfigError(
                f"read.max_expansion_ratio must be at least 1, not {self.max_expansion_ratio}; "
                "the default 100 rejects a file that expands more than 100x past the floor"
            )
        if self.expansion_floor_bytes <= 0:
            raise ConfigError(
                f"read.expansion_floor_bytes must be positive, not {self.expansion_floor_bytes}; "
                "use a size in bytes such as 100000000"
            )

    def expansion_limit(self, compressed_bytes: int) -> int:
        """Decompressed bytes a file of ``compressed_bytes`` on disk may expand to.

        >>> ReadConfig().expansion_limit(1_000)
        100000000
        >>> ReadConfig(max_expansion_ratio=10, expansion_floor_bytes=5).expansion_limit(1_000)
        10000
        """
        return max(self.expansion_floor_bytes, int(self.max_expansion_ratio * compressed_bytes))


@dataclass(slots=True)
class ReadStats:
    """What a read saw, for the run's stats (pass one to ``read_file`` to fill it).

    ``records`` counts yielded items: every yielded :class:`Document` or :class:`Reject` is one
    record, so ``records == documents + sum(rejects.values())``. ``skipped`` counts things in the
    file that are not documents by design (blank JSONL lines, WARC request/metadata records,
    non-HTML or non-2xx WARC responses); they are not records.
    """

    records: int = 0
    documents: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    def count(self, item: Document | Reject) -> None:
        self.records += 1
        if isinstance(item, Reject):
            self.rejects[item.reason] += 1
        else:
            self.documents += 1

    def merge(self, other: ReadStats) -> None:
        self.records += other.records
        self.documents += other.documents
        self.rejects.update(other.rejects)
        self.skipped.update(other.skipped)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "documents": self.documents,
            "rejects": dict(sorted(self.rejects.items())),
            "skipped": dict(sorted(self.skipped.items())),
        }


def domain_of(url: str | None) -> str | None:
    """The lowercased host of ``url`` without ``www.``, or None when there is none.

    >>> domain_of("https://WWW.KhabarOnline.ir:443/news/1?x=1")
    'khabaronline.ir'
    >>> domain_of("not a url") is None
    True
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # "http://[bad" and friends
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def nul_problem(text: str) -> str | None:
    """A reject detail when ``text`` holds NUL characters (binary data or UTF-16 read as UTF-8).

    >>> nul_problem("خبر\\x00 امروز")
    '1 NUL characters, the first at character 3'
    >>> nul_problem("a\\x00b\\x00")
    '2 NUL characters, the first at character 1 (UTF-16 without a byte-order mark, or binary data?)'
    >>> nul_problem("سلام") is None
    True
    """
    first = text.find("\x00")
    if first < 0:
        return None
    count = text.count("\x00")
    hint = " (UTF-16 without a byte-order mark, or binary data?)" if count * 4 > len(text) else ""
    return f"{count} NUL characters, the first at character {first}{hint}"


@dataclass(slots=True)
class ReadContext:
    """What a format reader needs: the file, the config, the file's hash and the stats."""

    inp: InputFile
    config: ReadConfig
    sha256: str
    stats: ReadStats
    #: where a reader that reads Arrow columns notes the column row each document's ``raw`` was
    #: read from (:class:`khabar.io.schema.RawCarry`), or ``None``
    raw_carry: Any = None

    def document(
        self,
        record: int,
        text: str,
        *,
        doc_id: str | None = None,
        offset: int | None = None,
        url: str | None = None,
        html: str | None = None,
        raw: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Document:
        """A Document with the id rule applied: the input's id, else ``sha256[:16]-record``."""
        return Document(
            id=doc_id if doc_id else f"{self.sha256[:16]}-{record}",
            text=text,
            source=self.inp.path,
            record=record,
            offset=offset,
            url=url,
            domain=domain_of(url),
            raw=text if raw is None else raw,
            html=html,
            meta=meta if meta is not None else {},
        )

    def reject(self, location: str, reason: str, detail: str = "") -> Reject:
        return Reject(self.inp.path, location, reason, detail)

    def skip(self, what: str, n: int = 1) -> None:
        self.stats.skipped[what] += n
