"""The inspector's web app: FastAPI routes over a refined corpus and its search index.

Why FastAPI (the ``web`` extra) rather than ``http.server``: routing with typed query parameters,
one place for exception handlers, a middleware hook for the security headers, and an in-process
test client; uvicorn serves it. Jinja2 renders the pages with autoescape on for every template,
so document text (crawled pages hold hostile HTML and scripts) is always escaped.

Safety rules, each enforced in one place:

* read-only: only GET and HEAD are routed; the index is opened read-only;
* no file outside OUTDIR: ``/files/...`` goes through :func:`khabar.web.corpus.contained_path`;
* a strict Content-Security-Policy on every response (no script at all, styles from /static),
  ``nosniff``, no referrer, framing by this origin only; ``report.html`` (which has inline styles
  and scripts of its own) is served sandboxed into an opaque origin;
* no CORS headers at all, and a Host check against the names this server answers to (a page on
  another site cannot reach it through DNS rebinding);
* one boundary: every error becomes a JSON body ``{"error": {"status", "code", "message"}}``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from khabar._optional import require
from khabar.web import corpus as store
from khabar.web import index as idx
from khabar.web.render import render

__all__ = ["CSP", "REPORT_CSP", "create_app"]

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'self'")
#: report.html is another engineer's self-contained page: its inline code runs, but sandboxed
#: in an opaque origin that can reach neither this app nor the network
REPORT_CSP = ("sandbox allow-scripts; default-src 'none'; style-src 'unsafe-inline'; "
              "script-src 'unsafe-inline'; img-src data:; font-src data:")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
PER_PAGE_MAX = 200
_HERE = Path(__file__).parent
#: files under static/ that may be served (a fixed list: no path from the request reaches disk)
STATIC_FILES = {"style.css": "text/css; charset=utf-8"}
_TEXT_TYPES = {".json": "application/json", ".jsonl": "application/x-ndjson",
               ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8",
               ".md": "text/plain; charset=utf-8"}


def _error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def _host_only(host_header: str) -> str:
    """``127.0.0.1:8000`` -> ``127.0.0.1``; ``[::1]:80`` -> ``[::1]``."""
    if host_header.startswith("["):
        return host_header.split("]", 1)[0] + "]"
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def create_app(outdir: str | os.PathLike[str], *, index_path: str | os.PathLike[str] | None = None,
               allowed_hosts: tuple[str, ...] = LOCAL_HOSTS) -> Any:
    """Build the inspector app for the refined corpus in ``outdir``.

    Args:
        outdir: the folder ``khabar refine`` wrote.
        index_path: the search index (default ``OUTDIR/inspect.sqlite``, or a temporary file
            when OUTDIR is read-only); built or rebuilt here when missing or older than the corpus.
        allowed_hosts: Host header names accepted (``"*"`` accepts any: only for a server bound
            to a non-local address on purpose).
    """
    fastapi = require("fastapi", extra="web", feature="khabar inspect")
    jinja2 = require("jinja2", extra="web", feature="khabar inspect")
    from fastapi import Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
    from starlette.exceptions import HTTPException

    root = Path(outdir).resolve()
    db_path, _ = idx.ensure_index(root, index_path=index_path)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(_HERE / "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["tojson_pretty"] = lambda v: json.dumps(v, ensure_ascii=False, indent=1,
                                                        sort_keys=True, default=str)
    app = fastapi.FastAPI(title="khabar inspect", docs_url=None, redoc_url=None, openapi_url=None)

    def page(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(corpus=str(root), **context))

    # ---------------------------------------------------------------- boundary

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 400: "bad_request"}.get(
            exc.status_code, "http_error")
        return JSONResponse(_error_body(exc.status_code, code, str(exc.detail)), exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        msg = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return JSONResponse(_error_body(422, "invalid_parameter", msg), 422)

    @app.exception_handler(store.NotInCorpus)
    async def not_in_corpus(request: Request, exc: store.NotInCorpus) -> JSONResponse:
        return JSONResponse(_error_body(404, "not_found", str(exc)), 404)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        host = _host_only(request.headers.get("host", ""))
        if "*" not in allowed_hosts and host not in allowed_hosts:
            response: Response = JSONResponse(_error_body(
                400, "bad_host", f"this inspector answers to {', '.join(allowed_hosts)}, "
                                 f"not {host!r}"), 400)
        elif request.method not in ("GET", "HEAD"):
            response = JSONResponse(_error_body(405, "read_only",
                                                "the inspector is read-only: use GET"), 405)
        else:
            try:
                response = await call_next(request)
            except Exception as exc:  # noqa: BLE001 - the one boundary: JSON, never a traceback
                response = JSONResponse(_error_body(500, "internal_error",
                                                    f"{type(exc).__name__}: {exc}"), 500)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    # ---------------------------------------------------------------- data helpers

    def connect() -> Any:
        return idx.connect(db_path)

    # the index does not change while serving: the filter values are counted once
    with connect() as conn:
        facets = idx.facets(conn)
        indexed = conn.execute("SELECT count(*) FROM docs").fetchone()[0]

    def overview_data() -> dict[str, Any]:
        stats = store.read_json(root, "stats.json") or {}
        manifest = store.read_json(root, "manifest.json") or {}
        return {"counts": stats.get("counts") or manifest.get("counts") or {},
                "steps": list(store.flatten_numbers(stats.get("steps") or {})),
                "stage_seconds": stats.get("stage_seconds") or {},
                "seconds": stats.get("seconds"), "indexed": indexed, "facets": facets,
                "khabar_version": manifest.get("khabar_version"),
                "has_report": (root / "report.html").is_file()}

    def run_search(q: str, filters: idx.Filters, page_no: int, per_page: int) -> idx.SearchResult:
        with connect() as conn:
            return idx.search(conn, q, filters, page=page_no, per_page=per_page)

    def load_doc(rowid: int) -> dict[str, Any]:
        with connect() as conn:
            conn.row_factory = sqlite3.Row
            entry = conn.execute("SELECT rowid, * FROM docs WHERE rowid = ?", (rowid,)).fetchone()
            if entry is None:
                raise store.NotInCorpus(f"no document {rowid} in this corpus")
            entry = dict(entry)
            cluster = []
            if entry.get("dup_cluster"):
                cluster = [dict(r) for r in conn.execute(
                    "SELECT rowid, id, decision, reason, title, domain FROM docs "
                    "WHERE dup_cluster = ? AND rowid != ? ORDER BY rowid LIMIT 100",
                    (entry["dup_cluster"], rowid))]
        if entry["decision"] == "rejected":
            return {"entry": entry, "row": store.read_reject(root, entry["row"]), "cluster": []}
        return {"entry": entry, "row": store.read_row(root, entry["part"], entry["row"]),
                "cluster": cluster}

    def filters_of(domain: str, agency: str, lang: str, decision: str, date_from: str,
                   date_to: str) -> idx.Filters:
        return idx.Filters(domain=domain, agency=agency, lang=lang, decision=decision,
                           date_from=date_from, date_to=date_to)

    # ---------------------------------------------------------------- pages

    search_params = {
        "q": Query("", max_length=500), "domain": Query("", max_length=300),
        "agency": Query("", max_length=300), "lang": Query("", max_length=20),
        "decision": Query("", max_length=200), "date_from": Query("", alias="from", max_length=10),
        "date_to": Query("", alias="to", max_length=10), "page": Query(1, alias="page", ge=1, le=1_000_000),
        "per_page": Query(20, ge=1, le=PER_PAGE_MAX),
    }

    @app.get("/", response_class=HTMLResponse)
    def overview() -> HTMLResponse:
        return page("overview.html", **overview_data())

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: str = search_params["q"], domain: str = search_params["domain"],
                    agency: str = search_params["agency"], lang: str = search_params["lang"],
                    decision: str = search_params["decision"],
                    date_from: str = search_params["date_from"],
                    date_to: str = search_params["date_to"], page_no: int = search_params["page"],
                    per_page: int = search_params["per_page"]) -> HTMLResponse:
        filters = filters_of(domain, agency, lang, decision, date_from, date_to)
        result = run_search(q, filters, page_no, per_page)
        params = {"q": q, "domain": domain, "agency": agency, "lang": lang, "decision": decision,
                  "from": date_from, "to": date_to, "per_page": per_page}
        return page("search.html", result=result, params=params, facets=facets)

    @app.get("/doc/{rowid}", response_class=HTMLResponse)
    def doc_page(rowid: int) -> HTMLResponse:
        data = load_doc(rowid)
        row = data["row"]
        if data["entry"]["decision"] == "rejected":
            return page("reject.html", entry=data["entry"], row=row)
        edits = row.get("edits") or []
        removed = row.get("removed") or []
        rendered = render(row.get("text") or "", edits, raw=row.get("raw") or "", removed=removed)
        try:
            metadata = json.loads(row.get("metadata") or "{}")
        except json.JSONDecodeError:
            metadata = {"unreadable_metadata": row.get("metadata")}
        signals = {k: v for k, v in (row.get("signals") or {}).items() if v is not None}
        return page("doc.html", entry=data["entry"], row=row, rendered=rendered,
                    metadata=metadata, signals=signals, cluster=data["cluster"])

    # ---------------------------------------------------------------- JSON API

    @app.get("/id/{doc_id:path}")
    def doc_by_id(doc_id: str) -> Response:
        """A stable link by document id (what the report and other tools know)."""
        with connect() as conn:
            row = conn.execute("SELECT rowid FROM docs WHERE id = ? ORDER BY rowid LIMIT 1",
                               (doc_id,)).fetchone()
        if row is None:
            raise store.NotInCorpus(f"no document with id {doc_id!r} in this corpus")
        return RedirectResponse(f"/doc/{row[0]}", status_code=303)

    @app.get("/api/stats")
    def api_stats() -> dict[str, Any]:
        data = overview_data()
        data["facets"] = {k: [list(v) for v in vs] for k, vs in data["facets"].items()}
        return data

    @app.get("/api/search")
    def api_search(q: str = search_params["q"], domain: str = search_params["domain"],
                   agency: str = search_params["agency"], lang: str = search_params["lang"],
                   decision: str = search_params["decision"],
                   date_from: str = search_params["date_from"],
                   date_to: str = search_params["date_to"], page_no: int = search_params["page"],
                   per_page: int = search_params["per_page"]) -> dict[str, Any]:
        result = run_search(q, filters_of(domain, agency, lang, decision, date_from, date_to),
                            page_no, per_page)
        return {"query": result.query, "total": result.total, "capped": result.capped,
                "page": result.page,
                "pages": result.pages, "per_page": result.per_page,
                "hits": [{f: getattr(h, f) for f in h.__slots__} for h in result.hits]}

    @app.get("/api/doc/{rowid}")
    def api_doc(rowid: int) -> dict[str, Any]:
        data = load_doc(rowid)
        return {"decision": data["entry"]["decision"], "part": data["entry"]["part"],
                "row_index": data["entry"]["row"], "row": data["row"], "cluster": data["cluster"]}

    # ---------------------------------------------------------------- files

    @app.get("/files/{path:path}")
    def corpus_file(path: str) -> Response:
        target = store.contained_path(root, path)
        if target == Path(db_path).resolve():
            raise store.NotInCorpus("the search index is not served")
        media = _TEXT_TYPES.get(target.suffix.lower(), "application/octet-stream")
        headers = {"Content-Security-Policy": REPORT_CSP if target.suffix.lower() == ".html"
                   else "default-src 'none'; sandbox"}
        if media == "application/octet-stream":
            headers["Content-Disposition"] = f'attachment; filename="{target.name}"'
        return Response(target.read_bytes(), media_type=media, headers=headers)

    @app.get("/static/{name}")
    def static(name: str) -> Response:
        if name not in STATIC_FILES:
            raise HTTPException(404, f"no static file {name!r}")
        return Response((_HERE / "static" / name).read_bytes(), media_type=STATIC_FILES[name])

    return app
