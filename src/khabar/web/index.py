"""The inspector's search index: one SQLite file (FTS5) beside the corpus, ``OUTDIR/inspect.sqlite``.

Every document of ``data/`` and ``dropped/`` and every line of ``rejects.jsonl`` gets one row in
``docs`` (what the result list and the filters need, and where to find the full row again: the
Parquet file and the row's index in it) and one row in the FTS5 table ``fts``.

Search must find a word whatever its spelling on the page: ZWNJ kept, dropped or turned into a
space (``می‌باشد`` / ``میباشد`` / ``می باشد``), Arabic or Persian letters (``كتاب``/``کتاب``),
Persian or ASCII digits (``۱۴۰۲``/``1402``). Both the index and the query therefore go through
:func:`khabar.corpus.keys.canonical` (the project's one canonical form), which folds letters and
digits and drops ZWNJ. For spacing (``می باشد``, compounds written apart: ``دانش آموز``/
``دانش‌آموز``) the index also holds every pair of adjacent words joined (``دانشاموز``) and the
words :func:`~khabar.corpus.keys.canonical_tokens` glues, and a query of several words is expanded
into its joined/split alternatives (:func:`query_variants`), so either spelling finds the other.

The index is rebuilt when the corpus changes: its fingerprint (:func:`corpus_fingerprint`, the
SHA-256 of ``manifest.json`` plus the size and mtime of every corpus file) is stored in it and
compared on open. It is written under a temporary name and renamed into place, so a reader never
sees half an index.

>>> query_variants(["دانش", "اموز"])
[['دانش', 'اموز'], ['دانشاموز']]
>>> match_expression("می باشد")
'("می" AND "باشد") OR ("میباشد")'
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.corpus.keys import JOIN_NEXT, JOIN_PREVIOUS, canonical, canonical_tokens
from khabar.errors import InputError

__all__ = [
    "DECISIONS",
    "INDEX_NAME",
    "RANK_LIMIT",
    "SCHEMA_VERSION",
    "Filters",
    "Hit",
    "SearchResult",
    "build_index",
    "corpus_fingerprint",
    "default_index_path",
    "ensure_index",
    "facet_token",
    "facets",
    "index_terms",
    "match_expression",
    "query_variants",
    "search",
]

INDEX_NAME = "inspect.sqlite"
#: bump when the tables or the way terms are made change: an older index is then rebuilt
SCHEMA_VERSION = 2
#: the ``decision`` values a document can have (dropped ones also carry their reason)
DECISIONS = ("kept", "dropped", "rejected")
#: a query of more words than this is expanded only into single joins (2^(n-1) grows fast)
_MAX_FULL_EXPANSION_WORDS = 6
#: a query matching more documents than this is not ranked (see :func:`search`)
RANK_LIMIT = 2000
#: characters of the clean text kept in ``docs`` for the result list
_SNIPPET_CHARS = 240
_PARQUET_COLUMNS = ["id", "url", "domain", "title", "lead", "text", "agency", "desk", "lang",
                    "published", "dup_cluster", "repairs", "removed", "drop_reason", "drop_step"]

_SCHEMA = """
CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs (
    rowid INTEGER PRIMARY KEY,
    id TEXT, decision TEXT NOT NULL, reason TEXT, step TEXT,
    part TEXT NOT NULL, row INTEGER NOT NULL,
    title TEXT, url TEXT, domain TEXT, agency TEXT, desk TEXT, lang TEXT, published TEXT,
    dup_cluster TEXT, repairs INTEGER, removed INTEGER, snippet TEXT
);
CREATE VIRTUAL TABLE fts USING fts5(title, body, facets, content='',
    tokenize="unicode61 remove_diacritics 0 tokenchars '_'");
"""
_INDEXES = """
CREATE INDEX docs_decision ON docs(decision, reason);
CREATE INDEX docs_domain ON docs(domain);
CREATE INDEX docs_agency ON docs(agency);
CREATE INDEX docs_lang ON docs(lang);
CREATE INDEX docs_published ON docs(published);
CREATE INDEX docs_cluster ON docs(dup_cluster);
CREATE INDEX docs_id ON docs(id);
"""


# --------------------------------------------------------------------------- terms and queries


def index_terms(text: str) -> str:
    """Return the FTS terms for ``text``: its canonical words, every adjacent pair joined, and the
    words :func:`~khabar.corpus.keys.canonical_tokens` glues (``می``/``ها``/``ترین``) with their pairs.

    Plain words and pairs make any two-part spelling findable both ways; the glued forms make a
    query typed fully joined (``میخواستهاند``) find ``می خواسته اند``. Words and pairs only; no
    stems, no prefixes.

    >>> index_terms("دانش آموز، كتاب‌ها ۱۴۰۲")
    'دانش اموز کتابها 1402 دانشاموز اموزکتابها کتابها1402'
    >>> index_terms("نمی خواسته اند")
    'نمی خواسته اند نمیخواسته خواستهاند نمیخواستهاند'
    >>> index_terms("")
    ''
    """
    folded = canonical(text)
    words = folded.split()
    terms = words + [a + b for a, b in itertools.pairwise(words)]
    if JOIN_NEXT.isdisjoint(words) and JOIN_PREVIOUS.isdisjoint(words):
        return " ".join(terms)  # nothing to glue (canonical_tokens would give ``words``)
    glued = canonical_tokens(folded)  # canonical is idempotent: same words as from ``text``
    if len(glued) != len(words):
        seen = set(terms)
        extra = glued + [a + b for a, b in itertools.pairwise(glued)]
        terms += [t for t in dict.fromkeys(extra) if t not in seen]
    return " ".join(terms)


def query_variants(words: list[str]) -> list[list[str]]:
    """Every way of writing ``words`` with each gap kept or closed (ZWNJ/space damage both ways).

    Up to :data:`_MAX_FULL_EXPANSION_WORDS` words all ``2^(n-1)`` variants are made; beyond, only
    the all-split form and each single join (the rest would be thousands of alternatives).

    >>> query_variants(["a", "b", "c"])
    [['a', 'b', 'c'], ['a', 'bc'], ['ab', 'c'], ['abc']]
    >>> query_variants([])
    []
    """
    if not words:
        return []
    gaps = len(words) - 1
    if len(words) <= _MAX_FULL_EXPANSION_WORDS:
        masks: Iterable[tuple[bool, ...]] = itertools.product((False, True), repeat=gaps)
    else:
        masks = [tuple(i == j for i in range(gaps)) for j in range(-1, gaps)]
    out: list[list[str]] = []
    for mask in masks:
        variant = [words[0]]
        for join, word in zip(mask, words[1:], strict=True):
            if join:
                variant[-1] += word
            else:
                variant.append(word)
        if variant not in out:
            out.append(variant)
    return out


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


#: the filter fields that are also FTS terms (column ``facets``), so that a search narrowed by
#: them is one FTS intersection instead of a lookup of every match in ``docs``
FACET_FIELDS = ("domain", "agency", "lang", "decision", "reason")


def facet_token(field_name: str, value: str) -> str:
    """The FTS term standing for ``field_name = value``: ``_`` and a hex digest, one token.

    The tokenizer keeps ``_`` inside tokens, and :func:`~khabar.corpus.keys.canonical` turns it
    into a space, so no word of a text or a query can ever equal a facet term.

    >>> facet_token("domain", "tasnimnews.com") == facet_token("domain", "tasnimnews.com")
    True
    >>> facet_token("domain", "a") != facet_token("agency", "a")
    True
    """
    digest = hashlib.blake2b(f"{field_name}\0{value}".encode(), digest_size=8).hexdigest()
    return "_" + digest


def _facet_terms(values: dict[str, str | None]) -> str:
    return " ".join(facet_token(k, values[k]) for k in FACET_FIELDS if values.get(k))


def match_expression(query: str) -> str:
    """The FTS5 MATCH expression for a user's query ("" when it has no searchable word).

    The user's text never reaches FTS5 syntax: it is reduced to canonical words, each quoted.
    All words must occur (AND); spacing alternatives are OR-ed.

    >>> match_expression("كتاب ۱۴۰۲")
    '("کتاب" AND "1402") OR ("کتاب1402")'
    >>> match_expression('" OR * NEAR(')
    '("or" AND "near") OR ("ornear")'
    >>> match_expression("؟!")
    ''
    """
    variants = query_variants(canonical(query).split())
    return " OR ".join("(" + " AND ".join(_quote(w) for w in v) + ")" for v in variants)


# --------------------------------------------------------------------------- fingerprint


def _corpus_files(outdir: Path) -> list[Path]:
    files = [*sorted((outdir / "data").glob("*.parquet")),
             *sorted((outdir / "dropped").glob("*.parquet"))]
    rejects = outdir / "rejects.jsonl"
    if rejects.is_file():
        files.append(rejects)
    return files


def corpus_fingerprint(outdir: str | os.PathLike[str]) -> str:
    """A digest that changes whenever the corpus changes.

    It covers the bytes of ``manifest.json`` (which lists every output file with its SHA-256)
    and the name, size and mtime of every corpus file, so a corpus without a manifest, or one
    whose files were replaced by hand, is still noticed.
    """
    root = Path(outdir)
    h = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    manifest = root / "manifest.json"
    if manifest.is_file():
        h.update(manifest.read_bytes())
    for f in _corpus_files(root):
        st = f.stat()
        h.update(f"{f.relative_to(root).as_posix()}\t{st.st_size}\t{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


# --------------------------------------------------------------------------- build


def _parquet_rows(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    names = set(pf.schema_arrow.names)
    columns = [c for c in _PARQUET_COLUMNS if c in names]
    for batch in pf.iter_batches(batch_size=2000, columns=columns):
        yield from batch.to_pylist()


def _doc_record(row: dict[str, Any], decision: str, part: str, index: int) -> tuple[Any, ...]:
    text = row.get("text") or ""
    snippet = (row.get("lead") or text)[:_SNIPPET_CHARS]
    return (row.get("id"), decision, row.get("drop_reason"), row.get("drop_step"), part, index,
            row.get("title"), row.get("url"), row.get("domain"), row.get("agency"),
            row.get("desk"), row.get("lang"), row.get("published"), row.get("dup_cluster"),
            row.get("repairs") or 0, len(row.get("removed") or []), snippet)


def _reject_record(rec: dict[str, Any], index: int) -> tuple[Any, ...]:
    title = f"{rec.get('source', '?')} ({rec.get('location', '?')})"
    return (None, "rejected", rec.get("reason"), rec.get("stage"), "rejects.jsonl", index,
            title, None, None, None, None, None, None, None, 0, 0,
            str(rec.get("detail") or "")[:_SNIPPET_CHARS])


def _read_rejects(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(path, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                rec = {"source": "rejects.jsonl", "location": f"line {i + 1}",
                       "reason": "unreadable_reject_line", "detail": str(exc)}
            if not isinstance(rec, dict):
                rec = {"source": "rejects.jsonl", "location": f"line {i + 1}",
                       "reason": "unreadable_reject_line", "detail": "not a JSON object"}
            yield i, rec


_INSERT_DOC = "INSERT INTO docs VALUES (NULL" + ", ?" * 17 + ")"


def _reason(decision: str, reason: Any) -> str | None:
    """The ``reason`` facet value: ``dropped:too_short`` (None without a reason)."""
    return f"{decision}:{reason}" if reason else None


def _fill(conn: sqlite3.Connection, root: Path) -> int:
    n = 0
    for folder, decision in (("data", "kept"), ("dropped", "dropped")):
        for path in sorted((root / folder).glob("*.parquet")):
            part = path.relative_to(root).as_posix()
            for i, row in enumerate(_parquet_rows(path)):
                cur = conn.execute(_INSERT_DOC, _doc_record(row, decision, part, i))
                facets = _facet_terms({**row, "decision": decision,
                                       "reason": _reason(decision, row.get("drop_reason"))})
                conn.execute("INSERT INTO fts(rowid, title, body, facets) VALUES (?, ?, ?, ?)",
                             (cur.lastrowid, index_terms(row.get("title") or ""),
                              index_terms(row.get("text") or ""), facets))
                n += 1
    rejects = root / "rejects.jsonl"
    if rejects.is_file():
        for i, rec in _read_rejects(rejects):
            cur = conn.execute(_INSERT_DOC, _reject_record(rec, i))
            body = " ".join(str(rec.get(k) or "") for k in ("source", "reason", "detail"))
            facets = _facet_terms({"decision": "rejected",
                                   "reason": _reason("rejected", rec.get("reason"))})
            conn.execute("INSERT INTO fts(rowid, title, body, facets) VALUES (?, ?, ?, ?)",
                         (cur.lastrowid, "", index_terms(body), facets))
            n += 1
    return n


def build_index(outdir: str | os.PathLike[str], *, index_path: str | os.PathLike[str] | None = None
                ) -> Path:
    """Build the search index of a refined corpus and return its path.

    Args:
        outdir: the folder ``khabar refine`` wrote (``data/``, ``dropped/``, ``rejects.jsonl``).
        index_path: where to write it; default ``OUTDIR/inspect.sqlite``.

    Raises:
        InputError: ``outdir`` is not a refined corpus (no ``data/`` or ``dropped/`` folder).
    """
    root = Path(outdir)
    if not (root / "data").is_dir() and not (root / "dropped").is_dir():
        raise InputError(f"{root} is not a refined corpus: it has no data/ or dropped/ folder. "
                         f"Give the folder that 'khabar refine -o OUTDIR' wrote")
    target = Path(index_path) if index_path is not None else root / INDEX_NAME
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    fingerprint = corpus_fingerprint(root)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        with conn:
            n = _fill(conn, root)
            conn.executescript(_INDEXES)
            conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
            conn.executemany("INSERT INTO info VALUES (?, ?)",
                             [("fingerprint", fingerprint), ("schema", str(SCHEMA_VERSION)),
                              ("documents", str(n))])
        conn.close()
        os.replace(tmp, target)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    return target


def _stored_fingerprint(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM info WHERE key = 'fingerprint'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None  # not an index of ours (or damaged): the caller rebuilds it
    return row[0] if row else None


def default_index_path(outdir: str | os.PathLike[str]) -> Path:
    """``OUTDIR/inspect.sqlite``, or, when OUTDIR is read-only (a shared or mounted corpus), a file
    named after OUTDIR's absolute path in the system's temporary folder."""
    root = Path(outdir).resolve()
    if os.access(root, os.W_OK):
        return root / INDEX_NAME
    digest = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / "khabar-inspect"
    cache.mkdir(parents=True, exist_ok=True)
    return cache / f"{root.name}-{digest}.sqlite"


def ensure_index(outdir: str | os.PathLike[str], *,
                 index_path: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """Return ``(path, rebuilt)``: the index, built or rebuilt first if the corpus changed.

    ``index_path`` defaults to :func:`default_index_path`.
    """
    root = Path(outdir)
    target = Path(index_path) if index_path is not None else default_index_path(root)
    if target.is_file() and _stored_fingerprint(target) == corpus_fingerprint(root):
        return target, False
    return build_index(root, index_path=target), True


# --------------------------------------------------------------------------- search


@dataclass(frozen=True, slots=True)
class Filters:
    """What a search is narrowed to; empty fields do not filter.

    ``decision`` is ``kept``, ``dropped``, ``dropped:<reason>``, ``rejected`` or
    ``rejected:<reason>``; ``date_from`` and
    ``date_to`` are ISO dates (``2018-05-18``) compared with the document's ``published`` day.
    """

    domain: str = ""
    agency: str = ""
    lang: str = ""
    decision: str = ""
    date_from: str = ""
    date_to: str = ""

    def facet_values(self) -> dict[str, str]:
        """The filters that are FTS facet terms (everything but the dates)."""
        values = {"domain": self.domain, "agency": self.agency, "lang": self.lang}
        if self.decision:
            decision, _, reason = self.decision.partition(":")
            values["decision"] = decision
            if reason:
                values["reason"] = self.decision
        return {k: v for k, v in values.items() if v}

    def where(self, *, dates_only: bool = False) -> tuple[list[str], list[Any]]:
        """SQL conditions on ``d`` (the docs table) and their parameters."""
        sql: list[str] = []
        args: list[Any] = []
        for column in () if dates_only else ("domain", "agency", "lang"):
            value = getattr(self, column)
            if value:
                sql.append(f"d.{column} = ?")
                args.append(value)
        if self.decision and not dates_only:
            decision, _, reason = self.decision.partition(":")
            sql.append("d.decision = ?")
            args.append(decision)
            if reason:
                sql.append("d.reason = ?")
                args.append(reason)
        if self.date_from:
            sql.append("substr(d.published, 1, 10) >= ?")
            args.append(self.date_from)
        if self.date_to:
            sql.append("substr(d.published, 1, 10) <= ?")
            args.append(self.date_to)
        return sql, args


@dataclass(frozen=True, slots=True)
class Hit:
    """One row of a result list."""

    rowid: int
    id: str | None
    decision: str
    reason: str | None
    title: str | None
    domain: str | None
    agency: str | None
    lang: str | None
    published: str | None
    repairs: int
    removed: int
    snippet: str


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    expression: str
    total: int
    page: int
    per_page: int
    hits: list[Hit] = field(default_factory=list)
    #: more than :data:`RANK_LIMIT` documents match: ``total`` is the limit, order is corpus order
    capped: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


_HIT_COLUMNS = ("d.rowid, d.id, d.decision, d.reason, d.title, d.domain, d.agency, d.lang, "
                "d.published, d.repairs, d.removed, d.snippet")


def search(conn: sqlite3.Connection, query: str = "", filters: Filters = Filters(), *,
           page: int = 1, per_page: int = 20) -> SearchResult:
    """Search the index: best matches first (BM25, title weighted), or corpus order without a query.

    Ranking scores every match, so a query matching more than :data:`RANK_LIMIT` documents (a
    very common word) is listed in corpus order instead, with ``total`` counted up to the limit
    and ``capped`` set: the page stays fast on a large corpus, and such a query needs narrowing
    to be useful anyway.

    Args:
        conn: a connection to an index made by :func:`build_index`.
        query: the user's words, in any spelling; empty lists every document that passes filters.
        filters: narrows the result.
        page: 1-based page number; ``per_page`` rows each.
    """
    page = max(1, page)
    expr = match_expression(query)
    where, args = filters.where()
    cond = "".join(f" AND {w}" for w in where)
    limit = [per_page, (page - 1) * per_page]
    if query.strip() and not expr:
        return SearchResult(query, expr, 0, page, per_page)  # only punctuation: nothing matches
    if not expr:
        total = conn.execute(f"SELECT count(*) FROM docs d WHERE 1{cond}", args).fetchone()[0]
        rows = conn.execute(f"SELECT {_HIT_COLUMNS} FROM docs d WHERE 1{cond} ORDER BY d.rowid "
                            f"LIMIT ? OFFSET ?", [*args, *limit]).fetchall()
        return SearchResult(query, expr, total, page, per_page, [Hit(*r) for r in rows])
    # the words in title/body; the filters as facet terms, so FTS intersects them; dates in SQL
    facets = filters.facet_values()
    expr = "(" + expr + ")" + "".join(
        f" AND facets : {_quote(facet_token(k, v))}" for k, v in facets.items())
    where, args = filters.where(dates_only=True)
    cond = "".join(f" AND {w}" for w in where)
    base = f"FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ?{cond}"
    total = conn.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT ?)",
                         [expr, *args, RANK_LIMIT + 1]).fetchone()[0]
    capped = total > RANK_LIMIT
    order = "fts.rowid" if capped else "bm25(fts, 5.0, 1.0, 0.0), d.rowid"
    rows = conn.execute(f"SELECT {_HIT_COLUMNS} {base} ORDER BY {order} LIMIT ? OFFSET ?",
                        [expr, *args, *limit]).fetchall()
    return SearchResult(query, expr, min(total, RANK_LIMIT), page, per_page,
                        [Hit(*r) for r in rows], capped)


def facets(conn: sqlite3.Connection) -> dict[str, list[tuple[str, int]]]:
    """The values each filter can take, with their document counts (most frequent first)."""
    out: dict[str, list[tuple[str, int]]] = {}
    for column in ("domain", "agency", "lang"):
        out[column] = conn.execute(
            f"SELECT {column}, count(*) FROM docs WHERE {column} IS NOT NULL AND {column} != '' "
            f"GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 200").fetchall()
    totals = dict(conn.execute("SELECT decision, count(*) FROM docs GROUP BY decision"))
    decisions = [(d, totals[d]) for d in DECISIONS if d in totals]
    decisions += conn.execute(
        "SELECT decision || ':' || reason, count(*) FROM docs WHERE decision != 'kept' "
        "AND reason IS NOT NULL GROUP BY decision, reason "
        "ORDER BY decision, count(*) DESC, reason").fetchall()
    out["decision"] = decisions
    return out


def connect(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open an index read-only (the inspector never writes to it while serving)."""
    return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True,
                           check_same_thread=False)
