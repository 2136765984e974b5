"""A small crawl through the default pipeline: every record accounted for, each decision right,
the same bytes whatever -j, and the same bytes after kill -9 and resume."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.refine import refine

ROOT = Path(__file__).resolve().parents[2]
CRAWL = ROOT / "tests" / "fixtures" / "e2e"
INPUTS = [str(CRAWL / "crawl-1.jsonl"), str(CRAWL / "crawl-2.jsonl")]
FOOTER = {"کلیه حقوق این سایت متعلق به پایگاه خبری الف نمونه است.", "نشانی: تهران، خیابان نمونه، پلاک ۱"}

pq = pytest.importorskip("pyarrow.parquet")


def run(out: Path, *sets: str):
    return refine(INPUTS, str(out), Config.load(overrides=["run.jobs=1", *sets], env={}))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e") / "out"
    result = run(out)
    kept = {r["id"]: r for r in pq.read_table(out / "data").to_pylist()}
    dropped = {r["id"]: r for r in pq.read_table(out / "dropped").to_pylist()}
    rejects = [json.loads(l) for l in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    return out, result, kept, dropped, rejects


def test_every_record_is_accounted_for(corpus):
    out, result, kept, dropped, rejects = corpus
    assert result.read == 31
    assert result.kept == len(kept) and sum(result.dropped.values()) == len(dropped)
    assert sum(result.rejected.values()) == len(rejects) == 2
    assert result.read == len(kept) + len(dropped) + len(rejects)
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]["invariant_holds"]


def test_rejects_say_where_and_why(corpus):
    rejects = corpus[4]
    by_reason = {r["reason"]: r for r in rejects}
    assert set(by_reason) == {"no_text_field", "invalid_json"}
    assert all(r["source"].endswith("crawl-2.jsonl") for r in rejects)
    assert all(r["location"] for r in rejects)


def test_the_24_articles_are_kept(corpus):
    kept = corpus[2]
    assert sorted(kept) == [f"art{i:02d}" for i in range(24)]


def test_copies_are_dropped_as_duplicates_of_the_originals(corpus):
    kept, dropped = corpus[2], corpus[3]
    expect = {"copy-exact": "art00", "copy-glued": "art01", "copy-spaced": "art02"}
    for copy, original in expect.items():
        row = dropped[copy]
        assert row["drop_reason"].startswith("duplicate_"), row["drop_reason"]
        assert row["dup_of"] == original
        assert row["dup_cluster"] == kept[original]["dup_cluster"]


def test_language_and_quality_drops(corpus):
    dropped = corpus[3]
    assert dropped["english"]["drop_step"] == "langid"
    # "lang_en" with the lid extra's model, "lang_zxx-latn" (Latin script) without it
    assert dropped["english"]["drop_reason"] in ("lang_en", "lang_zxx-latn")
    assert dropped["tiny"]["drop_step"] == "quality"


def test_site_footer_is_removed_from_every_page_of_its_site(corpus):
    kept = corpus[2]
    a_pages = [r for r in kept.values() if r["domain"] == "news-a.example"]
    assert len(a_pages) == 8
    for r in a_pages:
        assert not (set(r["text"].split("\n")) & FOOTER)
        assert {x["text"] for x in r["removed"] if x["reason"] == "site_line"} == FOOTER
    for r in kept.values():
        if r["domain"] != "news-a.example":
            assert not any(x["reason"] == "site_line" for x in r["removed"])


def data_hashes(out: Path) -> dict[str, str]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {f["path"]: f["sha256"] for f in manifest["files"]}


def test_same_bytes_whatever_jobs(tmp_path):
    one = run(tmp_path / "one", "run.shard_bytes=1")
    two = refine(INPUTS, str(tmp_path / "two"),
                 Config.load(overrides=["run.jobs=2", "run.shard_bytes=1"], env={}))
    assert one.manifest["shards"] == two.manifest["shards"] == 2
    assert data_hashes(tmp_path / "one") == data_hashes(tmp_path / "two")


@pytest.mark.parametrize("keep_work", [False, True])
def test_a_work_file_is_removed_once_the_next_stage_has_read_it(tmp_path, keep_work):
    # a work file is read by its shard's next stage only: once that task is done (its report
    # written), the file goes, so a run holds about one stage's work files at a time on disk
    from khabar.refine import Progress
    from khabar.runners.local import LocalExecutor

    seen: list[tuple[int, int, list[str]]] = []
    out = tmp_path / "out"

    class Watch(Progress):
        def shard_done(self, report) -> None:
            work = sorted(p.relative_to(out / "_work").as_posix()
                          for p in (out / "_work").glob("stage*/*.arrow"))
            seen.append((report.stage, report.shard, work))

    config = Config.load(overrides=["run.jobs=1", "run.shard_bytes=1"], env={})
    refine(INPUTS, str(out), config, executor=LocalExecutor(1), progress=Watch(),
           keep_work=keep_work)
    assert [(stage, shard) for stage, shard, _ in seen] == [(s, i) for s in range(3)
                                                           for i in range(2)]
    files = {(stage, shard): work for stage, shard, work in seen}
    if keep_work:  # every work file stays: stage 2 writes data/, not a work file
        assert files[2, 1] == ["stage0/00000.arrow", "stage0/00001.arrow",
                               "stage1/00000.arrow", "stage1/00001.arrow"]
        assert sorted(p.name for p in (out / "_work").glob("stage*/*.arrow")) == [
            "00000.arrow", "00000.arrow", "00001.arrow", "00001.arrow"]
    else:
        assert files[0, 1] == ["stage0/00000.arrow", "stage0/00001.arrow"]
        assert files[1, 0] == ["stage0/00001.arrow", "stage1/00000.arrow"]
        assert files[1, 1] == ["stage1/00000.arrow", "stage1/00001.arrow"]
        assert files[2, 0] == ["stage1/00001.arrow"]
        assert files[2, 1] == []
        assert not (out / "_work").exists()


def test_a_task_run_again_after_it_finished_gives_its_report(tmp_path):
    # Ray may run a task again when its worker dies after the task finished (report written,
    # the work file it read removed) but before it returned: the second run must not fail on
    # the missing work file, nor write anything again
    from dataclasses import asdict, is_dataclass

    class EachTaskTwice:  # the reduce tasks too (they rewrite the same decision files)
        workers = 1

        def map(self, fn, items):
            for item in items:
                first = fn(item)
                again = fn(item)
                if is_dataclass(first):  # a stage task's report, as it was written
                    assert asdict(again) == json.loads(json.dumps(asdict(first)))
                yield again

        def close(self) -> None:
            pass

    config = Config.load(overrides=["run.jobs=1", "run.shard_bytes=1"], env={})
    refine(INPUTS, str(tmp_path / "twice"), config, executor=EachTaskTwice())
    refine(INPUTS, str(tmp_path / "once"), config)
    assert data_hashes(tmp_path / "twice") == data_hashes(tmp_path / "once")


@pytest.mark.parametrize("codec", ["lz4", "zstd"])
def test_compressed_work_files_give_the_same_output(tmp_path, codec):
    # run.work_compression trades CPU for disk between stages; the output must not change
    import pyarrow as pa

    from khabar.errors import ConfigError

    def refined(name: str, *sets: str):
        return refine(INPUTS, str(tmp_path / name), Config.load(
            overrides=["run.jobs=1", "run.shard_bytes=1", *sets], env={}), keep_work=True)

    plain = refined("plain")
    packed = refined("packed", f"run.work_compression={codec}")
    assert plain.manifest["shards"] == packed.manifest["shards"] == 2
    assert data_hashes(tmp_path / "plain") == data_hashes(tmp_path / "packed")

    def work(name: str) -> list[Path]:
        return sorted((tmp_path / name / "_work").glob("stage*/*.arrow"))

    assert len(work("packed")) == len(work("plain")) == 4
    for a, b in zip(work("plain"), work("packed"), strict=True):
        with pa.ipc.open_file(pa.memory_map(str(a))) as fa, pa.ipc.open_file(pa.memory_map(str(b))) as fb:
            assert fa.read_all().equals(fb.read_all())  # read back without naming the codec
        assert b.stat().st_size < 0.8 * a.stat().st_size, (b, b.stat().st_size, a.stat().st_size)
    with pytest.raises(ConfigError, match="work_compression.*'snappy' is not one of"):
        Config.load(overrides=["run.work_compression=snappy"], env={})


def test_a_resumed_run_without_its_work_file_says_how_to_start_over(tmp_path):
    # a shard whose stage 0 is done (report written) but whose work file is gone cannot go on
    from khabar.errors import KhabarError
    from khabar.runners.local import LocalExecutor

    out = tmp_path / "out"
    config = Config.load(overrides=["run.jobs=1", "run.shard_bytes=1"], env={})
    refine(INPUTS, str(out), config, executor=LocalExecutor(1), keep_work=True)
    for name in ("manifest.json", "stats.json"):
        (out / name).unlink()
    for path in (out / "_work" / "stage1").iterdir():  # stage 1 and 2 are to be done again
        path.unlink()
    for path in (out / "_work" / "stage2").iterdir():
        path.unlink()
    (out / "_work" / "stage0" / "00001.arrow").unlink()
    with pytest.raises(KhabarError, match=r"stage0/00001\.arrow is missing.*--force"):
        refine(INPUTS, str(out), config, executor=LocalExecutor(1))


@pytest.mark.slow
def test_kill_and_resume_gives_the_same_output(tmp_path):
    reference = tmp_path / "ref"
    run(reference, "run.shard_bytes=1")
    khabar = [sys.executable, "-m", "khabar.cli"]
    rng = random.Random(7)
    for attempt in range(3):
        out = tmp_path / f"killed{attempt}"
        cmd = [*khabar, "refine", *INPUTS, "-o", str(out), "-q", "-j", "1", "--run.shard_bytes", "1"]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
        time.sleep(rng.uniform(0.5, 6.0))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if not (out / "manifest.json").exists():  # resume from where it died
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            assert done.returncode == 0, done.stderr
        assert data_hashes(out) == data_hashes(reference)
        assert not list(out.rglob(".*.tmp-*")), "a temporary file was left behind"


def test_report_names_which_site_republished_which(corpus):
    from khabar.report.gather import gather

    out = corpus[0]
    # copy-exact (news-b) of art00 (news-a), copy-glued (news-c) of art01 (news-b); copy-spaced
    # of art02 is on art02's own site, news-c: a site repeating itself is not syndication
    assert gather(out).syndication == [("news-a.example", "news-b.example", 1),
                                       ("news-b.example", "news-c.example", 1)]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "which sites republish which" in html and "news-c.example" in html
