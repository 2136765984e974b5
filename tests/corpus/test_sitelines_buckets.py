"""Site lines decided in hash buckets give what one merged counter gives."""

from __future__ import annotations

import pytest

from khabar.config import SiteLinesConfig
from khabar.corpus.sitelines import SiteLineCounter
from khabar.document import Document
from khabar.steps.corpus import SiteLinesStep

FOOTER = "کلیه حقوق این سایت محفوظ است"
MENU = "صفحه اصلی | سیاسی | اقتصادی"


def _shards() -> list[list[Document]]:
    """Three shards; three sites, each with its own template lines spread across shards."""
    shards: list[list[Document]] = [[], [], []]
    n = 0
    for site, template in (("isna.ir", FOOTER), ("irna.ir", MENU), ("tasnimnews.com", None)):
        for i in range(12):
            body = f"خبر شماره {n} از {site} درباره موضوعی تازه"
            text = body if template is None else f"{template}\n{body}"
            shards[i % 3].append(Document(id=f"d{n}", text=text, domain=site, order=n))
            n += 1
    return shards


@pytest.mark.parametrize("buckets", [1, 2, 5, 16])
def test_bucketed_decision_equals_one_counter(buckets: int, tmp_path) -> None:
    cfg = SiteLinesConfig()
    shards = _shards()
    states = []
    total = SiteLineCounter(max_chars=cfg.max_line_chars)
    for docs in shards:
        step = SiteLinesStep(cfg)
        for d in docs:
            step.observe(d)
            total.add(d.domain, d.text)
        states.append(step.state())
    expected = total.frequent(min_docs=cfg.min_docs, min_share=cfg.min_share)
    # checked by hand: each site's template line, in canonical form; no line of tasnim's
    assert set(expected) == {"isna.ir", "irna.ir"}
    decisions = SiteLinesStep(cfg).reduce(states, tmp_path, buckets=buckets)
    assert all(decisions[s] == expected for s in range(3))

    doc = shards[0][0]
    SiteLinesStep(cfg).apply(doc, decisions[0])
    assert doc.text == "خبر شماره 0 از isna.ir درباره موضوعی تازه"
    assert [(r.text, r.line) for r in doc.removed] == [(FOOTER, 0)]
