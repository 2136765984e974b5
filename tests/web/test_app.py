"""The inspector's HTTP surface: pages, JSON API, errors, and the safety rules."""

from __future__ import annotations

import json
import os
import re
from html import unescape

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("jinja2", reason="the web extra (jinja2) is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's test client) is not installed")

from fastapi.testclient import TestClient
from web_corpus import seed_document, write_corpus

from khabar.web.app import CSP, create_app

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root)
    # a secret beside the corpus, and symlinks inside it that lead out
    (root.parent / "secret.txt").write_text("top secret", encoding="utf-8")
    os.symlink(root.parent / "secret.txt", root / "link-out.txt")
    os.symlink(root.parent, root / "dir-out")
    os.symlink(root / "stats.json", root / "link-in.json")
    return root


@pytest.fixture(scope="module")
def client(corpus):
    with TestClient(create_app(corpus), base_url=BASE) as c:
        yield c


def rowid_of(client, doc_id):
    hits = client.get("/api/search", params={"per_page": 100}).json()["hits"]
    return next(h["rowid"] for h in hits if h["id"] == doc_id)


# ------------------------------------------------------------------------- pages and API


def test_overview_shows_counts_facets_and_report(client):
    r = client.get("/")
    assert r.status_code == 200
    assert '<html lang="fa" dir="rtl">' in r.text
    # 7 documents + 2 rejects indexed; 9 read, 5 kept
    assert "<b>9</b><span>سند در نمایه</span>" in r.text
    assert "<b>5</b><span>نگه‌داشته</span>" in r.text
    assert 'href="/search?decision=dropped%3Aduplicate"' in r.text
    assert 'href="/search?decision=rejected%3Ainvalid_json"' in r.text
    assert '<iframe class="report" src="/files/report.html" sandbox="allow-scripts"' in r.text


def test_overview_without_report_or_stats(tmp_path):
    write_corpus(tmp_path, [seed_document()], rejects=[], report=False)
    (tmp_path / "stats.json").unlink()
    (tmp_path / "manifest.json").unlink()
    with TestClient(create_app(tmp_path), base_url=BASE) as c:
        r = c.get("/")
    assert r.status_code == 200 and "<iframe" not in r.text
    assert "<b>1</b><span>سند در نمایه</span>" in r.text


@pytest.mark.parametrize("query", ["میباشد", "می باشد", "می‌باشد"])
def test_search_page_finds_the_seed_in_any_spelling(client, query):
    r = client.get("/search", params={"q": query, "decision": "kept"})
    assert r.status_code == 200
    titles = [unescape(t) for t in re.findall(r'class="title" href="/doc/\d+">([^<]*)<', r.text)]
    assert "وزیر خارجه قزاقستان: استفاده از نیروی نظامی علیه غیرنظامیان فلسطینی غیرقابل پذیرش است" in titles
    assert len(titles) == 3  # the seed, doc-a, doc-b (the copy is dropped)


def test_search_api_pages(client):
    first = client.get("/api/search", params={"per_page": 4}).json()
    assert (first["total"], first["pages"], len(first["hits"])) == (9, 3, 4)
    third = client.get("/api/search", params={"per_page": 4, "page": 3}).json()
    assert len(third["hits"]) == 1 and third["hits"][0]["decision"] == "rejected"
    page = client.get("/search", params={"per_page": 4, "page": 2})
    assert 'rel="prev" href="/search?per_page=4&amp;page=1"' in page.text
    assert 'rel="next" href="/search?per_page=4&amp;page=3"' in page.text


def test_search_filters_through_the_api(client):
    r = client.get("/api/search", params={"q": "دانش آموز", "domain": "example-b.ir"}).json()
    assert {h["id"] for h in r["hits"]} == {"doc-b", "doc-c"}
    r = client.get("/api/search", params={"from": "2023-01-01", "to": "2023-12-31"}).json()
    assert {h["id"] for h in r["hits"]} == {"doc-a", "doc-b"}


def test_document_page_marks_repairs_and_strikes_footer(client):
    r = client.get(f"/doc/{rowid_of(client, 'tasnim-1720515')}")
    assert r.status_code == 200
    marks = re.findall(r'<mark class="edit" title="([^"]*)"[^>]*>([^<]*)</mark>', r.text)
    assert len(marks) == 9
    title, text = marks[-1]
    assert text == "می\u200cباشد"
    assert unescape(title) == "پیش: «میباشد» ← پس: «می\u200cباشد» · قاعده: zwnj.prefix"
    struck = re.findall(r"<del>([^<]*)</del>", r.text)
    assert struck[1:3] == ["واژه های کاربردی مرتبط"] * 2 and struck[-1] == "triboon"
    assert len(struck) == 18  # the title's copy and 17 footer lines
    # metadata, signals, raw input, the duplicate's cluster
    assert "<th>خبرگزاری</th><td>خبرگزاری تسنیم</td>" in r.text
    assert "<th>persian_letter_ratio</th><td>0.97</td>" in r.text
    assert '<pre id="raw" dir="auto">وزیر خارجه قزاقستان' in r.text
    cluster = re.search(r'<ul id="cluster">(.*?)</ul>', r.text, re.DOTALL).group(1)
    assert "duplicate" in cluster and f'href="/doc/{rowid_of(client, "copy-of-tasnim")}"' in cluster


def test_document_api_returns_the_row(client):
    data = client.get(f"/api/doc/{rowid_of(client, 'doc-en')}").json()
    assert data["decision"] == "dropped" and data["row"]["drop_reason"] == "too_short"
    assert data["part"] == "dropped/part-00000.parquet"


def test_rejects_have_a_page(client):
    hits = client.get("/api/search", params={"decision": "rejected"}).json()["hits"]
    r = client.get(f"/doc/{hits[1]['rowid']}")
    assert r.status_code == 200 and "<td>decode_error</td>" in r.text
    assert "&lt;script&gt;window.__pwned" in r.text


def test_hostile_text_is_escaped_everywhere(client):
    r = client.get(f"/doc/{rowid_of(client, 'doc-hostile')}")
    assert r.status_code == 200
    # no tag or attribute from the document survives as markup
    for needle in ("<script", "<img", "<svg", "<iframe", "<b>agency", "onmouseover=\"",
                   "onerror=\"", "onload=\""):
        assert needle not in r.text
    assert "&lt;script&gt;window.__pwned = &#39;script&#39;&lt;/script&gt;" in r.text
    # the hostile rule name stays inside its attribute
    assert 'data-rule="x&#34; onmouseover=&#34;window.__pwned=&#39;attr&#39;"' in r.text
    s = client.get("/search", params={"q": "خطرناک"})
    assert "<script" not in s.text and "&lt;script&gt;" in s.text


# ------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("GET", "/doc/99999", 404, "not_found"),
    ("GET", "/doc/abc", 422, "invalid_parameter"),
    ("GET", "/api/doc/0", 404, "not_found"),
    ("GET", "/nowhere", 404, "not_found"),
    ("GET", "/api/search?per_page=100000", 422, "invalid_parameter"),
    ("GET", "/api/search?page=0", 422, "invalid_parameter"),
    ("POST", "/search", 405, "read_only"),
    ("DELETE", "/doc/1", 405, "read_only"),
    ("PUT", "/files/stats.json", 405, "read_only"),
])
def test_errors_are_json(client, method, path, status, code):
    r = client.request(method, path)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    assert r.json()["error"]["code"] == code and r.json()["error"]["status"] == status


def test_a_changed_corpus_row_gives_a_json_error_not_a_traceback(tmp_path):
    root = write_corpus(tmp_path, [seed_document()])
    with TestClient(create_app(root), base_url=BASE, raise_server_exceptions=False) as c:
        (root / "data" / "part-00000.parquet").unlink()
        r = c.get("/doc/1")
    assert r.status_code == 404 and "not a file of the corpus" in r.json()["error"]["message"]


def test_an_unreadable_shard_gives_a_json_500(tmp_path):
    root = write_corpus(tmp_path, [seed_document()], rejects=[])
    with TestClient(create_app(root), base_url=BASE, raise_server_exceptions=False) as c:
        (root / "data" / "part-00000.parquet").write_bytes(b"PAR1 this is not parquet PAR1")
        r = c.get("/doc/1")
    assert r.status_code == 500 and r.headers["content-type"] == "application/json"
    assert r.json()["error"]["code"] == "internal_error"
    assert r.headers["content-security-policy"] == CSP


# ------------------------------------------------------------------------- safety


def test_security_headers_on_every_response(client):
    for path in ("/", "/search?q=x", "/api/stats", "/static/style.css", "/nowhere"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "access-control-allow-origin" not in r.headers


def test_csp_allows_no_script():
    directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
    assert directives["default-src"] == "'none'" and "script-src" not in directives


def test_no_cors_even_when_asked(client):
    r = client.get("/api/stats", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    r = client.options("/api/stats", headers={"Origin": "https://evil.example",
                                              "Access-Control-Request-Method": "GET"})
    assert r.status_code == 405 and "access-control-allow-origin" not in r.headers


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example",
                                  "0.0.0.0"])
def test_foreign_host_header_is_refused(client, host):
    r = client.get("/api/stats", headers={"Host": host})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_host"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8123", "localhost:1", "[::1]:9"])
def test_local_host_header_is_served(client, host):
    assert client.get("/api/stats", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("path", [
    "/files/../secret.txt",
    "/files/..%2fsecret.txt",
    "/files/%2e%2e/secret.txt",
    "/files/%2e%2e%2fsecret.txt",
    "/files/data/../../secret.txt",
    "/files/data/..%2f..%2fsecret.txt",
    "/files//etc/passwd",
    "/files/%2fetc%2fpasswd",
    "/files/..%5csecret.txt",
    "/files/link-out.txt",
    "/files/dir-out/secret.txt",
    "/files/stats.json%00.txt",
    "/files/data",
    "/files/inspect.sqlite",
    "/files/",
    "/static/..%2f__init__.py",
    "/static/../app.py",
    "/static/%2e%2e%2fapp.py",
])
def test_nothing_outside_outdir_is_served(client, path):
    r = client.get(path)
    assert r.status_code == 404, (path, r.text[:200])
    assert "top secret" not in r.text and "root:" not in r.text
    assert r.json()["error"]["code"] == "not_found"


def test_files_inside_outdir_are_served_safely(client, corpus):
    r = client.get("/files/stats.json")
    assert r.status_code == 200 and r.json()["counts"]["kept"] == 5
    assert r.headers["content-security-policy"] == "default-src 'none'; sandbox"
    # a symlink that stays inside the corpus is fine
    assert client.get("/files/link-in.json").json() == json.loads(
        (corpus / "stats.json").read_text(encoding="utf-8"))
    # Parquet is a download, never rendered
    r = client.get("/files/data/part-00000.parquet")
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    # the report runs sandboxed in an opaque origin
    r = client.get("/files/report.html")
    assert r.status_code == 200 and r.headers["content-security-policy"].startswith("sandbox ")


def test_the_corpus_is_not_written(corpus, client):
    before = {p: p.stat().st_mtime_ns for p in corpus.rglob("*") if p.is_file()}
    for path in ("/", "/search?q=کتاب", "/api/search", f"/doc/{rowid_of(client, 'doc-a')}"):
        client.get(path)
    after = {p: p.stat().st_mtime_ns for p in corpus.rglob("*") if p.is_file()}
    assert after == before


def test_stable_link_by_document_id(client):
    r = client.get("/id/doc-a", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/doc/{rowid_of(client, 'doc-a')}"
    r = client.get("/id/../../etc/passwd", follow_redirects=False)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_read_only_corpus_gets_its_index_elsewhere(tmp_path, monkeypatch):
    from khabar.web import index as idx

    corpus = write_corpus(tmp_path / "ro", [seed_document()], rejects=[])
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(corpus.resolve())
                        else real_access(p, mode))
    path = idx.default_index_path(corpus)
    assert not path.is_relative_to(corpus) and path.name.startswith("ro-")
    try:
        with TestClient(create_app(corpus), base_url=BASE) as c:
            assert c.get("/api/search", params={"q": "قزاقستان"}).json()["total"] == 1
        assert path.is_file() and not (corpus / "inspect.sqlite").exists()
    finally:
        path.unlink(missing_ok=True)


def test_real_server_on_a_free_local_port(tmp_path):
    """uvicorn itself (not the test client): binds 127.0.0.1 on a free port and answers."""
    import threading
    import time

    import httpx

    from khabar.web import make_server

    srv, sock, url = make_server(write_corpus(tmp_path, [seed_document()], rejects=[]))
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url) and not url.endswith(":0/")
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not srv.started and time.monotonic() < deadline:
            time.sleep(0.05)
        r = httpx.get(url + "api/search", params={"q": "می باشد"})
        assert r.status_code == 200 and r.json()["total"] == 1
        assert "server" not in r.headers
        assert r.headers["content-security-policy"] == CSP
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        sock.close()


def test_serve_refuses_a_missing_folder(tmp_path):
    from khabar.errors import InputError
    from khabar.web import serve

    with pytest.raises(InputError, match="is not a folder"):
        serve(str(tmp_path / "missing"))


def test_serve_prints_its_url_and_serves(tmp_path):
    """serve() as `khabar inspect` runs it: in its own process, printing the free port it bound."""
    import subprocess
    import sys

    import httpx

    corpus = write_corpus(tmp_path / "c", [seed_document()], rejects=[])
    code = f"from khabar.web import serve; serve({str(corpus)!r})"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        lines = [proc.stdout.readline(), proc.stdout.readline()]
        assert lines[0].startswith("khabar inspect: indexing ")
        url = re.search(r"at (http://127\.0\.0\.1:\d+/) ", lines[1]).group(1)
        r = httpx.get(url + "api/search", params={"q": "بین الملل"}, timeout=30)
        assert r.status_code == 200 and r.json()["total"] == 1
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stdout.close()
