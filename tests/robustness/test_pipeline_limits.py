"""The per-document time limit must not count a step's one-time warm-up.

Reported for the lead (src/khabar/pipeline.py is not ours to change): the fix step loads its ZWNJ
engine on the first document (2-3 s here), inside that document's ``run.doc_timeout``. With a
limit shorter than the load, the alarm interrupts the load, the load starts again on the next
document, and *every* document becomes ``step_timeout_fix``. Warming steps up before the clock
starts (or keeping a half-done load) fixes it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("pyarrow")

SCRIPT = """
import sys
from khabar.config import Config
from khabar.refine import refine
config = Config.load(overrides=["run.jobs=1", "run.steps=fix", "run.doc_timeout=0.5"], env={})
result = refine([sys.argv[1]], sys.argv[2], config)
print(result.kept, sorted(result.rejected.items()))
"""


@pytest.mark.xfail(
    strict=True,
    reason="pipeline: a step's one-time load (fix's ZWNJ engine, 2-3 s) runs inside the first "
    "document's run.doc_timeout; interrupted, it restarts on every document, so all are rejected",
)
def test_a_short_doc_timeout_does_not_reject_every_document(tmp_path):
    inp = tmp_path / "docs.jsonl"
    texts = ["مي خواهم به تهران برگردم.", "كتاب ها را خواندم.", "خبرگزاري مهر گزارش داد."]
    inp.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n"
                for i, t in enumerate(texts)),
        encoding="utf-8",
    )  # fmt: skip
    # a fresh interpreter: nothing is loaded yet, as at the start of a real run
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(inp), str(tmp_path / "out")],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    assert done.stdout.split()[0] == "3", done.stdout  # fixing three short lines takes < 1 ms each
