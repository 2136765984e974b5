"""khabar refine into an OUTDIR URL writes the same bytes as into a local folder: memory://
in-process, and S3 through a local moto server with two worker processes (skipped when moto or
s3fs is absent)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.io import fs
from khabar.refine import refine

pytest.importorskip("pyarrow.parquet")
ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]


def hashes(manifest: dict) -> dict[str, str]:
    return {f["path"]: f["sha256"] for f in manifest["files"]}


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    refine(INPUTS, str(out), Config.load(overrides=["run.jobs=1", "run.shard_bytes=1"], env={}))
    return hashes(json.loads((out / "manifest.json").read_text(encoding="utf-8")))


def test_memory_outdir(local, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a Path-mangled "memory:/..." folder would appear here
    out = f"memory://khabar-refine-{uuid.uuid4().hex[:8]}/out"
    try:
        result = refine(INPUTS, out, Config.load(overrides=["run.jobs=1", "run.shard_bytes=1"], env={}))
        assert hashes(result.manifest) == local
        assert hashes(json.loads(fs.read_text(fs.join(out, "manifest.json")))) == local
        assert fs.listdir(out) == ["data", "dropped", "manifest.json", "rejects.jsonl",
                                   "report.html", "stats.json"]
        report = fs.read_text(fs.join(out, "report.html"))
        # the report read the run's Parquet parts from the store: its document count is there
        assert "<svg" in report and f">{result.kept:,}<" in report
        assert not list(tmp_path.iterdir())
    finally:
        fs.remove_tree(out.rsplit("/", 1)[0])


def test_s3_outdir_with_two_workers(local, tmp_path, monkeypatch, s3_bucket):
    monkeypatch.chdir(tmp_path)
    out = f"s3://{s3_bucket}/out"
    # a new process, as a user runs it: worker processes inherit the credentials from its
    # environment (a forkserver this test process started earlier would not have them)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    proc = subprocess.run([sys.executable, "-m", "khabar", "refine", *INPUTS, "-o", out,
                           "-j", "2", "--set", "run.shard_bytes=1"],
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert hashes(json.loads(fs.read_text(fs.join(out, "manifest.json")))) == local
    assert "_work" not in fs.listdir(out)
    assert not list(tmp_path.iterdir())
