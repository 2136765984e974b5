"""The Ray engine writing into an S3 OUTDIR: Ray's worker processes reach the store with the
credentials of the driver's environment and write the same bytes as a local run into a local
folder. S3 is a moto server on localhost. Skipped only when Ray, moto or s3fs is absent (CI
installs all three)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.io import fs
from khabar.refine import refine

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'khabar[ray]'")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]
SETS = ["run.shard_bytes=1", "run.jobs=2"]


def hashes(manifest: dict) -> dict[str, str]:
    return {f["path"]: f["sha256"] for f in manifest["files"]}


def test_ray_engine_into_s3_writes_the_local_bytes(tmp_path, s3_bucket):
    from khabar.runners.ray import RayExecutor

    # a user style file: the driver copies it into the bucket, and the workers fetch it there
    style = tmp_path / "agency.tsv"
    style.write_text("apart\tnews\ttails\nبه دلیل\tبه\u200cدلیل\t-\n", encoding="utf-8")
    cfg = Config.load(overrides=[*SETS, f"fix.styles={style}"], env={})
    local = refine(INPUTS, str(tmp_path / "local"), cfg)
    out = f"s3://{s3_bucket}/out"
    # Ray starts here, after the fixture set the store's address and credentials: the raylet
    # and its workers inherit this environment, as on a cluster whose nodes have credentials
    ray_tmp = tempfile.mkdtemp(prefix="kray")  # short: Ray's socket paths must fit in 107 bytes
    ex = RayExecutor(jobs=2, temp_dir=ray_tmp)
    try:
        on_ray = refine(INPUTS, out, cfg, engine="ray", executor=ex)
        assert ex.workers == 2
    finally:
        ex.close()
        shutil.rmtree(ray_tmp, ignore_errors=True)
    assert on_ray.manifest["engine"] == "ray"
    assert on_ray.manifest["shards"] == 2
    stored = json.loads(fs.read_text(fs.join(out, "manifest.json")))
    assert hashes(stored) == hashes(local.manifest)
    texts = pq.read_table(tmp_path / "local" / "data", columns=["text"]).column("text")
    assert "به\u200cدلیل" in "\n".join(texts.to_pylist())  # the style file was read
    assert (on_ray.read, on_ray.kept, on_ray.dropped, on_ray.rejected) == (
        local.read, local.kept, local.dropped, local.rejected)
    # the run's private work folder is gone from the bucket, and nothing landed on local disk
    assert "_work" not in fs.listdir(out)
    assert sorted(fs.listdir(out)) == ["data", "dropped", "manifest.json", "rejects.jsonl",
                                       "report.html", "stats.json"]
