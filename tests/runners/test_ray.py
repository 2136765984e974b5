"""The Ray engine gives the same corpus as the local engine (skipped only when Ray is absent)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.refine import refine

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'khabar[ray]'")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]


def rows(out: Path, folder: str) -> list[dict]:
    return sorted(pq.read_table(out / folder).to_pylist(), key=lambda r: r["id"])


@pytest.fixture()
def ray_executor():
    from khabar.runners.ray import RayExecutor

    # Ray's session files and logs go to a short temp folder that the test removes
    tmp = tempfile.mkdtemp(prefix="kray")
    ex = RayExecutor(jobs=2, temp_dir=tmp)
    try:
        yield ex
    finally:
        ex.close(wait=True)  # Ray's processes gone before their folder is removed
        shutil.rmtree(tmp, ignore_errors=True)


def test_ray_and_local_give_the_same_documents(tmp_path, ray_executor):
    cfg = Config.load(overrides=["run.shard_bytes=1", "run.jobs=2"], env={})
    local = refine(INPUTS, str(tmp_path / "local"), cfg)
    on_ray = refine(INPUTS, str(tmp_path / "ray"), cfg, engine="ray", executor=ray_executor)
    assert ray_executor.workers == 2
    assert on_ray.manifest["shards"] == 2
    for folder in ("data", "dropped"):
        assert rows(tmp_path / "ray", folder) == rows(tmp_path / "local", folder)
    # and byte for byte: the shards are the same files
    files = lambda out: {f["path"]: f["sha256"] for f in
                         json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]}
    assert files(tmp_path / "ray") == files(tmp_path / "local")
    assert (local.read, local.kept, local.dropped, local.rejected) == (
        on_ray.read, on_ray.kept, on_ray.dropped, on_ray.rejected)


def test_no_ray_process_is_left_behind(tmp_path):
    """Start and stop Ray in a child process; afterwards no raylet/gcs process of it remains."""
    tmp = tempfile.mkdtemp(prefix="kray")
    code = (
        "from khabar.runners.ray import RayExecutor\n"
        f"ex = RayExecutor(jobs=1, temp_dir={tmp!r})\n"
        "print(list(ex.map(lambda x: -x, [-1, -2])))\n"
        "ex.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180,
                         check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert sorted(eval(out.stdout.strip().splitlines()[-1])) == [1, 2]
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True).stdout
    assert tmp not in ps, "a Ray process of this session is still running"
    shutil.rmtree(tmp, ignore_errors=True)
    assert not os.path.exists(tmp)


def test_engine_ray_without_ray_names_the_extra(monkeypatch):
    import builtins

    from khabar.errors import MissingExtraError

    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError("No module named 'ray'", name="ray")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    monkeypatch.delitem(sys.modules, "ray", raising=False)
    from khabar.runners.ray import RayExecutor

    with pytest.raises(MissingExtraError, match=r"pip install 'khabar\[ray\]'"):
        RayExecutor(jobs=1)
