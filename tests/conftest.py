"""The project's only conftest: fixtures shared by every test folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = ROOT / "examples"
# ../shared is beside the repository on developer machines and in CI, never in a user's clone.
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))

_CACHE_DIR: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """The tests keep the lexicon cache (khabar.text.lexicon_cache) in a folder of their own,
    removed at the end, so a test run writes nothing under ~/.cache; child processes (CLI runs,
    workers, Ray) inherit it through the environment. A KHABAR_CACHE_DIR set by the caller wins."""
    if "KHABAR_CACHE_DIR" not in os.environ:
        _CACHE_DIR.append(tempfile.mkdtemp(prefix="khabar-test-cache-"))
        os.environ["KHABAR_CACHE_DIR"] = _CACHE_DIR[0]


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _CACHE_DIR:
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("KHABAR_CACHE_DIR") == folder:
            del os.environ["KHABAR_CACHE_DIR"]


@pytest.fixture(scope="session")
def assert_rss_flat() -> Callable[..., None]:
    """A leak check for the C extensions: ``assert_rss_flat(run, warm, calls)`` runs
    ``run(warm)`` (caches, arenas and interned objects settle), then ``run(calls)``, and fails if
    the peak RSS grew by ``limit_kb`` (2 MB) or more: a reference or buffer leaked per call,
    on an error path too, shows as growth."""
    import resource

    def check(run: Callable[[int], None], warm: int, calls: int, limit_kb: int = 2_000) -> None:
        run(warm)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        run(calls)
        grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        assert grew < limit_kb, f"peak RSS grew by {grew} KB over {calls} rounds"

    return check


@pytest.fixture(scope="session")
def shared() -> Path:
    """Path of ../shared; tests that use it skip cleanly when it is absent (a user's clone)."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared is not present at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="module")
def io_dir(fixtures: Path) -> Path:
    """The reader fixtures (tests/fixtures/io, built by scripts/build_fixtures.py)."""
    return fixtures / "io"


@pytest.fixture(scope="module")
def sentences(io_dir: Path) -> list[str]:
    """The six CC BY-SA sentences the reader fixtures are made of."""
    return (io_dir / "source_ud.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture()
def s3_bucket(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An empty bucket on a moto S3 server on localhost, with the server's address and test
    credentials in this process's environment (child processes and Ray workers started after
    it inherit them); yields the bucket's name. Skips when moto or s3fs is absent."""
    import uuid

    pytest.importorskip("moto.server", reason="needs moto: pip install 'moto[server]'")
    s3fs = pytest.importorskip("s3fs", reason="needs s3fs: pip install s3fs")
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://{host}:{port}")
        for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
            monkeypatch.setenv(key, "testing")
        monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        s3fs.S3FileSystem.clear_instance_cache()
        bucket = f"khabar-test-{uuid.uuid4().hex[:8]}"
        s3fs.S3FileSystem().mkdir(bucket)
        yield bucket
    finally:
        s3fs.S3FileSystem.clear_instance_cache()
        server.stop()


@pytest.fixture()
def refine_in_process() -> Callable[[list[str], Path, list[str]], tuple[dict[str, str], dict]]:
    """A function that refines ``inputs`` into ``out`` with ``run.jobs=1`` plus ``sets``, in this
    process (so functions a test monkeypatches are the ones that run), and returns the sha256 of
    every data/ and dropped/ Parquet file by path, and the run's counts and step stats."""
    import hashlib
    import json

    from khabar.config import Config
    from khabar.refine import refine
    from khabar.runners.local import LocalExecutor

    def run(inputs: list[str], out: Path, sets: list[str]) -> tuple[dict[str, str], dict]:
        refine(inputs, str(out), Config.load(overrides=["run.jobs=1", *sets], env={}),
               executor=LocalExecutor(1))  # one job runs in this process
        files = {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                 for folder in ("data", "dropped") for p in sorted((out / folder).glob("*.parquet"))}
        stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
        return files, {"counts": stats["counts"], "steps": stats["steps"]}

    return run
