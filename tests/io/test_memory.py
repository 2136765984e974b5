"""A stage task's Arrow buffers come from a pool that keeps freed pages (khabar.io.memory): the
pool is switched only inside the task, given back after it (an error too), left alone when the
user chose one, and never changes a byte of what a run writes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")

import khabar.refine as refine_mod
from khabar.io import memory

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "tests/fixtures/e2e/crawl-1.jsonl"), str(ROOT / "tests/fixtures/e2e/crawl-2.jsonl")]


def _pool(name: str) -> pa.MemoryPool:
    return {"jemalloc": pa.jemalloc_memory_pool, "mimalloc": pa.mimalloc_memory_pool,
            "system": pa.system_memory_pool}[name]()


def test_the_keeping_pool_is_used_inside_and_the_old_one_given_back() -> None:
    before = pa.default_memory_pool().backend_name
    with memory.page_keeping_pool({}) as name:
        assert name in memory.KEEPING_POOLS
        assert pa.default_memory_pool().backend_name == name
        inside = pa.array(["متن", "کتاب‌ها", None])
    assert pa.default_memory_pool().backend_name == before
    # a buffer made inside stays valid, freed later to the pool it came from
    assert inside.to_pylist() == ["متن", "کتاب‌ها", None]


def test_the_old_pool_is_given_back_after_an_error() -> None:
    before = pa.default_memory_pool().backend_name
    with pytest.raises(RuntimeError, match="boom"), memory.page_keeping_pool({}):
        raise RuntimeError("boom")
    assert pa.default_memory_pool().backend_name == before


@pytest.mark.parametrize("chosen", ["mimalloc", "system", "jemalloc"])
def test_a_pool_the_user_chose_is_left_alone(chosen: str) -> None:
    before = pa.default_memory_pool().backend_name
    with memory.page_keeping_pool({memory.POOL_VARIABLE: chosen}) as name:
        assert name == before == pa.default_memory_pool().backend_name


def test_an_empty_variable_is_no_choice() -> None:
    with memory.page_keeping_pool({memory.POOL_VARIABLE: ""}) as name:
        assert name in memory.KEEPING_POOLS


def test_a_pool_missing_from_the_build_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise NotImplementedError("support for jemalloc not built")

    monkeypatch.setattr(pa, "jemalloc_memory_pool", missing)
    assert memory.keeping_pool().backend_name == "system"
    assert memory.keeping_pool(("jemalloc",)) is None
    assert memory.keeping_pool(()) is None


def test_no_keeping_pool_leaves_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    before = pa.default_memory_pool().backend_name
    monkeypatch.setattr(memory, "keeping_pool", lambda: None)
    with memory.page_keeping_pool({}) as name:
        assert name == before == pa.default_memory_pool().backend_name


def test_a_stage_task_runs_inside_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(memory.POOL_VARIABLE, raising=False)
    seen: list[str] = []
    monkeypatch.setattr(refine_mod, "_stage_task",
                        lambda task: seen.append(pa.default_memory_pool().backend_name) or task)
    before = pa.default_memory_pool().backend_name
    assert refine_mod.run_stage_task("task") == "task"  # type: ignore[arg-type]
    assert seen and seen[0] in memory.KEEPING_POOLS
    assert pa.default_memory_pool().backend_name == before


def _files(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.suffix in (".parquet", ".arrow")}


def test_every_pool_writes_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.config import Config
    from khabar.refine import refine
    from khabar.runners.local import LocalExecutor

    monkeypatch.delenv(memory.POOL_VARIABLE, raising=False)
    pools = [name for name in ("mimalloc", "jemalloc", "system")
             if name in pa.supported_memory_backends()]
    assert "system" in pools
    got = {}
    for name in pools:
        used: list[str] = []
        real = refine_mod._stage_task

        def spy(task, real=real, used=used):  # type: ignore[no-untyped-def]
            used.append(pa.default_memory_pool().backend_name)
            return real(task)

        monkeypatch.setattr(memory, "keeping_pool", lambda name=name: _pool(name))
        monkeypatch.setattr(refine_mod, "_stage_task", spy)
        out = tmp_path / name
        refine(INPUTS, str(out), Config.load(overrides=["run.jobs=1", "run.row_group_rows=3"],
                                              env={}),
               executor=LocalExecutor(1), keep_work=True)
        assert set(used) == {name}
        got[name] = _files(out)
        assert any(path.endswith(".arrow") for path in got[name])  # the work files too
        assert any(path.startswith("data/") for path in got[name])
    first = got[pools[0]]
    for name in pools[1:]:
        assert got[name] == first, name


def test_the_report_is_built_inside_the_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             refine_in_process) -> None:  # type: ignore[no-untyped-def]
    import khabar.report

    monkeypatch.delenv(memory.POOL_VARIABLE, raising=False)
    seen: list[str] = []
    real = khabar.report.build_report

    def spy(outdir):  # type: ignore[no-untyped-def]
        seen.append(pa.default_memory_pool().backend_name)
        return real(outdir)

    monkeypatch.setattr(khabar.report, "build_report", spy)
    before = pa.default_memory_pool().backend_name
    refine_in_process(INPUTS, tmp_path / "out", [])
    assert len(seen) == 1 and seen[0] in memory.KEEPING_POOLS
    assert (tmp_path / "out" / "report.html").is_file()
    assert pa.default_memory_pool().backend_name == before
