"""End to end in headless Chromium: the real server on a free localhost port, driven by Playwright.

Debian's chromium (``/usr/bin/chromium``, or ``KHABAR_CHROMIUM``) is used as it is: Playwright's
own browser download is never run. Screenshots of the search and document pages go to the test's
tmp dir and, when ``KHABAR_SCREENSHOTS`` names a folder, there too.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("KHABAR_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEED_TITLE = "وزیر خارجه قزاقستان: استفاده از نیروی نظامی علیه غیرنظامیان فلسطینی غیرقابل پذیرش است"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (pip install playwright)")
    for module in ("fastapi", "uvicorn", "jinja2"):
        pytest.importorskip(module, reason=f"the web extra ({module}) is not installed")
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set KHABAR_CHROMIUM)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def serve_in_thread(corpus: Path):
    from khabar.web import make_server

    srv, sock, url = make_server(corpus)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the inspector did not start")
        time.sleep(0.05)
    yield url
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from web_corpus import write_corpus

    yield from serve_in_thread(write_corpus(tmp_path_factory.mktemp("corpus")))


@pytest.fixture(scope="module")
def real_server(tmp_path_factory):
    """The seed refined by the real pipeline (`khabar refine`)."""
    from web_corpus import SEED

    from khabar.config import Config
    from khabar.refine import refine

    out = tmp_path_factory.mktemp("refined")
    refine([str(SEED)], str(out), Config.load(overrides=["run.jobs=1", "run.force=true"]))
    yield from serve_in_thread(out)


@pytest.fixture()
def shots(tmp_path):
    target = os.environ.get("KHABAR_SCREENSHOTS")

    def save(page, name: str) -> Path:
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        if target:
            Path(target).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(target) / path.name)
        return path

    return save


def test_url_is_local_with_a_free_port(server):
    assert server.startswith("http://127.0.0.1:") and not server.endswith(":0/")


def test_search_without_zwnj_then_read_the_seed(browser, server, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.get_attribute("html", "lang") == "fa"
    # «می‌باشد» typed on a keyboard without ZWNJ
    page.locator("#q").press_sequentially("میباشد")
    page.locator("#go").click()
    page.wait_for_url("**/search?**")
    titles = page.locator(".hit .title").all_inner_texts()
    assert SEED_TITLE in titles and len(titles) == 4  # seed, its dropped copy, doc-a, doc-b
    assert page.inner_text("#total").startswith("4 نتیجه")
    shots(page, "search")

    page.locator(".hit .title", has_text=SEED_TITLE).first.click()
    page.wait_for_url("**/doc/*")
    assert page.inner_text("#doc-title") == SEED_TITLE
    marks = page.locator("#text mark.edit")
    assert marks.count() == 9
    last = marks.nth(8)
    assert last.inner_text() == "می\u200cباشد"
    assert last.get_attribute("title") == "پیش: «میباشد» ← پس: «می\u200cباشد» · قاعده: zwnj.prefix"
    last.hover()
    # repairs are highlighted, removed lines struck through, all in a right-to-left column
    assert page.evaluate("getComputedStyle(document.querySelector('#text mark.edit'))"
                         ".backgroundColor") != "rgba(0, 0, 0, 0)"
    struck = page.locator("#text .line.removed del")
    assert struck.count() == 18
    assert struck.nth(1).inner_text() == "واژه های کاربردی مرتبط"
    assert struck.nth(17).inner_text() == "triboon"
    assert page.evaluate("getComputedStyle(document.querySelector('#text .line.removed del'))"
                         ".textDecorationLine") == "line-through"
    assert page.evaluate("getComputedStyle(document.querySelector('#text')).direction") == "rtl"
    shots(page, "document")
    page.close()


def test_overview_embeds_the_report_sandboxed(browser, server, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server)
    frame = page.frame_locator("iframe.report")
    # the report's own inline script ran (in its sandbox) and changed its heading
    assert frame.locator("#r").inner_text(timeout=10_000) == "charts"
    # but it cannot reach the inspector's page (opaque origin)
    assert page.evaluate("document.querySelector('iframe.report').contentDocument") is None
    shots(page, "overview")
    page.close()


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_document_runs_nothing(browser, server, bypass_csp, shots):
    context = browser.new_context(bypass_csp=bypass_csp)
    page = context.new_page()
    page.goto(server + "search?q=" + "خطرناک")
    page.locator(".hit .title").first.click()
    page.wait_for_url("**/doc/*")
    page.locator("#text mark.edit").hover()  # the rule name tried to add onmouseover
    page.locator("#raw").evaluate("e => e.parentElement.open = true")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img, svg, iframe, script").count() == 0
    # the hostile markup is shown as text
    assert "<script>window.__pwned = 'script'</script>" in page.inner_text("#text")
    assert "<img src=x onerror=" in page.inner_text("#text")
    if not bypass_csp:
        shots(page, "hostile")
    for url in (server, server + "search?q=" + "خطرناک", server + "search?decision=rejected"):
        page.goto(url)
        page.wait_for_timeout(100)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
    context.close()


@pytest.mark.slow
def test_real_pipeline_output_reads_right_to_left(browser, real_server, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(real_server + "search?q=" + "میباشد")
    page.locator(".hit .title").first.click()
    page.wait_for_url("**/doc/*")
    assert page.inner_text("#doc-title") == SEED_TITLE
    assert page.locator("#text mark.edit").count() > 0
    # ZWNJ insertions are drawn as a visible bar
    assert page.locator("#text mark.edit.zw").count() > 0
    assert page.evaluate("getComputedStyle(document.querySelector('#text mark.edit.zw'))"
                         ".width") != "0px"
    assert page.locator("#text .line.removed del", has_text="triboon").count() == 1
    shots(page, "real-document")
    page.close()
