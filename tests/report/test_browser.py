"""The report in a real headless Chromium: it renders its charts and loads nothing from the network.

Uses Debian's /usr/bin/chromium through Playwright's Python package (never ``playwright
install``: no browser download). Skipped with a reason when either is missing. A screenshot of
the whole page is saved in the test's tmp dir and, when ``KHABAR_SCREENSHOTS`` is set, there too.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from khabar.report import build_report

from .corpus import stand_in_signals, write_run


@pytest.fixture
def run_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The hand-built run folder of ``corpus.py``."""
    with stand_in_signals(monkeypatch):
        yield write_run(tmp_path / "run")

CHROMIUM = Path(os.environ.get("KHABAR_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture
def browser() -> Any:
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the browser tests need 'pip install playwright'")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set KHABAR_CHROMIUM)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _save_screenshot(png: Path) -> None:
    folder = os.environ.get("KHABAR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(folder) / png.name)


def test_report_renders_charts_offline(browser: Any, run_dir: Path, tmp_path: Path) -> None:
    report = build_report(run_dir)
    requests: list[str] = []
    blocked: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file://", "data:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    try:
        context.route("**/*", route)
        page = context.new_page()
        page.on("request", lambda req: requests.append(req.url))
        page.goto(report.as_uri(), wait_until="load")

        charts = page.query_selector_all("svg.chart")
        assert len(charts) == 12  # 9 bar charts + 3 histograms (see test_render)
        for chart in charts:
            box = chart.bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 50
            assert chart.query_selector_all("rect")  # bars were drawn
        # a Persian sample block really reads right to left
        direction = page.eval_on_selector('.sample [dir="rtl"]',
                                          "e => getComputedStyle(e).direction")
        assert direction == "rtl"
        # the hostile page in the samples stayed text
        assert page.eval_on_selector_all("script, img", "els => els.length") == 0

        png = tmp_path / "report.png"
        page.screenshot(path=str(png), full_page=True)
        assert png.stat().st_size > 10_000
        _save_screenshot(png)
    finally:
        context.close()
    assert blocked == []
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []
    assert requests == [report.as_uri()]
