"""The per-document time limit must not count a step's one-time warm-up.

The fix step loads its ZWNJ engine once (2-3 s here). It used to do so on the first document,
inside that document's ``run.doc_timeout``: with a limit shorter than the load, the alarm cut the
load, the load started again on the next document, and *every* document became
``step_timeout_fix``. Steps now warm up (``Step.setup``) before the clock starts.
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
