"""The inspector over what the real pipeline writes: `khabar refine` run on the seed page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("jinja2", reason="the web extra (jinja2) is not installed")

from fastapi.testclient import TestClient
from web_corpus import SEED, SEED_FOOTER_START

from khabar.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def refined(tmp_path_factory) -> Path:
    from khabar.config import Config
    from khabar.refine import refine

    out = tmp_path_factory.mktemp("refined")
    refine([str(SEED)], str(out), Config.load(overrides=["run.jobs=1", "run.force=true"]))
    return out


@pytest.fixture(scope="module")
def client(refined):
    with TestClient(create_app(refined), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("query", ["میباشد", "می باشد", "می‌باشد", "بین الملل", "قزاقستان"])
def test_the_refined_seed_is_found_in_any_spelling(client, query):
    hits = client.get("/api/search", params={"q": query}).json()["hits"]
    assert [h["decision"] for h in hits] == ["kept"]


def test_every_repair_and_removed_line_of_the_seed_is_placed(client):
    row = client.get("/api/doc/1").json()["row"]
    assert row["edits"] and row["removed"]  # the pipeline repaired and cleaned the page
    page = client.get("/doc/1").text
    assert page.count('<mark class="edit') == len(row["edits"])
    assert page.count('class="line removed"') == len(row["removed"])
    assert 'id="unplaced-removed"' not in page and "offset " not in page
    struck = re.findall(r'class="line removed"[^>]*><del>([^<]*)</del>', page)
    assert SEED_FOOTER_START in struck and struck[-1] == "triboon"
