"""Inputs and outputs as URLs: the path helpers, memory:// and file:// round trips, and S3
through a local moto server (skipped when moto or s3fs is absent)."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import uuid
from pathlib import Path

import pytest
from io_support import read

from khabar.document import Document, Reject
from khabar.errors import InputError
from khabar.io import fs
from khabar.io.readers import expand_inputs, file_sha256
from khabar.io.writers import JsonlWriter, ParquetWriter, atomic_write_json

fsspec = pytest.importorskip("fsspec", reason="fsspec is not installed: pip install fsspec")

#: fixtures copied to the remote folder, each with what reading it gives (see
#: tests/fixtures/io/README.md): ids of documents, reasons of rejects, in file order
REMOTE_INPUTS: dict[str, list[str]] = {
    # 4 records; the 2nd and 4th have no id, so theirs is sha256[:16]-record
    "docs.jsonl": ["fa-1", "#1", "3", "#3"],
    "docs.jsonl.gz": ["fa-1", "#1", "3", "#3"],
    "docs.jsonl.zst": ["fa-1", "#1", "3", "#3"],
    # the lines of docs.jsonl: 1-2 complete, then the gzip stream is cut inside line 3
    "truncated.jsonl.gz": ["fa-1", "#1", "truncated_gzip"],
    # row 2 has a null text
    "docs.parquet": ["p0", "p1", "no_text_field", "p3", "p4"],
    "article.txt": ["#0"],
    # responses 2, 4 and 9 are pages; record 7 is a garbage gzip member (needs seeking back)
    "crawl.warc.gz": ["#2", "#4", "warc_broken_record", "#9"],
}
#: not data: a Spark marker and a hidden file, which folders and globs skip
NOT_DATA = ("_SUCCESS", ".hidden.jsonl")


def summary(items: list[Document | Reject], sha: str) -> list[str]:
    """Ids ("#N" for the ones derived from the file hash and record N) and reject reasons."""
    out = []
    for item in items:
        if isinstance(item, Reject):
            out.append(item.reason)
        elif item.id.startswith(sha[:16] + "-"):
            out.append("#" + item.id.rsplit("-", 1)[1])
        else:
            out.append(item.id)
    return out


def comparable(item: Document | Reject) -> dict:
    """A read item without its source path, which differs between a URL and a local path."""
    d = dataclasses.asdict(item)
    d.pop("source")
    return d


def upload_fixtures(io_dir: Path, base: str) -> None:
    for name in REMOTE_INPUTS:
        fs.atomic_write_bytes(fs.join(base, "crawl", name), (io_dir / name).read_bytes())
    for name in NOT_DATA:
        fs.atomic_write_bytes(fs.join(base, "crawl", name), b'{"id": "x", "text": "no"}\n')
    fs.atomic_write_bytes(fs.join(base, "crawl", "_logs", "a.jsonl"), b'{"id": "x", "text": "x"}\n')


def check_remote_reads(io_dir: Path, base: str) -> None:
    """Folder listing, globs and every format read from ``base`` as from the local fixture."""
    folder = fs.join(base, "crawl")
    listed = expand_inputs([folder])
    assert [i.path for i in listed] == sorted(fs.join(folder, n) for n in REMOTE_INPUTS)
    local = {i.path: i for i in expand_inputs([str(io_dir / n) for n in REMOTE_INPUTS])}
    for inp in listed:
        name = fs.basename(inp.path)
        twin = local[str(io_dir / name)]
        assert (inp.format, inp.size, inp.compression) == (twin.format, twin.size,
                                                          twin.compression), name
        sha = file_sha256(inp.path)
        assert sha == file_sha256(twin.path)
        items, _ = read(inp.path)
        assert summary(items, sha) == REMOTE_INPUTS[name], name
        assert all(i.source == inp.path for i in items)
        assert [comparable(i) for i in items] == [comparable(i) for i in read(twin.path)[0]]
    globbed = expand_inputs([fs.join(folder, "*.jsonl*")])
    assert [fs.basename(i.path) for i in globbed] == [
        "docs.jsonl", "docs.jsonl.gz", "docs.jsonl.zst", "truncated.jsonl.gz"]  # fmt: skip
    deep = expand_inputs([fs.join(base, "**", "*.parquet")])
    assert [i.path for i in deep] == [fs.join(folder, "docs.parquet")]


def check_remote_writes(base: str) -> None:
    """Writers to URLs: nothing visible until closed, nothing left by an abort."""
    pa = pytest.importorskip("pyarrow")
    target = fs.join(base, "out", "rejects.jsonl")
    w = JsonlWriter(target)
    w.write({"reason": "invalid_json", "source": "خبر.jsonl"})
    assert not fs.exists(target)
    w.close()
    assert fs.read_text(target) == '{"reason": "invalid_json", "source": "خبر.jsonl"}\n'

    aborted = fs.join(base, "out", "aborted.jsonl")
    w = JsonlWriter(aborted)
    w.write({"a": 1})
    w.abort()
    assert not fs.exists(aborted) and not os.path.exists(w.tmp)

    atomic_write_json(fs.join(base, "out", "manifest.json"), {"نام": "خبر", "n": 1})
    assert json.loads(fs.read_text(fs.join(base, "out", "manifest.json"))) == {"نام": "خبر", "n": 1}

    part = fs.join(base, "out", "data", "part-00000.parquet")
    schema = pa.schema([("id", pa.string()), ("text", pa.string())])
    with ParquetWriter(part, schema, batch_rows=1) as pw:
        pw.write({"id": "a", "text": "سلام"})
        pw.write({"id": "b", "text": "خداحافظ"})
    docs, _ = read(part)
    assert [(d.id, d.text) for d in docs] == [("a", "سلام"), ("b", "خداحافظ")]
    assert fs.listdir(fs.join(base, "out")) == ["data", "manifest.json", "rejects.jsonl"]
    fs.remove_tree(fs.join(base, "out"))
    assert not fs.exists(part) and fs.listdir(fs.join(base, "out")) == []


# ---------------------------------------------------------------------------------------------
# the path helpers


@pytest.mark.parametrize(
    ("base", "parts", "expected"),
    [
        ("s3://bucket/out", ("data", "part-0.parquet"), "s3://bucket/out/data/part-0.parquet"),
        ("s3://bucket/out/", ("data",), "s3://bucket/out/data"),
        ("memory://x", ("a", "b.jsonl"), "memory://x/a/b.jsonl"),
        ("file:///tmp/out", ("data",), "file:///tmp/out/data"),
        ("out", ("data", "a.parquet"), os.path.join("out", "data", "a.parquet")),
        ("/abs/out/", ("x",), "/abs/out/x"),
    ],
)
def test_join(base, parts, expected):
    assert fs.join(base, *parts) == expected


@pytest.mark.parametrize(
    ("path", "local"),
    [
        ("crawl/a.jsonl", "crawl/a.jsonl"),
        ("/data/a.jsonl", "/data/a.jsonl"),
        ("file:///data/a.jsonl", "/data/a.jsonl"),
        ("File:///data/a.jsonl", "/data/a.jsonl"),
        ("s3://bucket/a.jsonl", None),
        ("gs://bucket/a.jsonl", None),
        ("memory://a.jsonl", None),
        # not URLs: a colon without "//", a file literally named with "://" inside a folder
        ("C:\\crawl\\a.jsonl", "C:\\crawl\\a.jsonl"),
        ("notes:2024.txt", "notes:2024.txt"),
        ("crawl/s3://x", "crawl/s3://x"),
    ],
)
def test_local_path(path, local):
    assert fs.local_path(path) == local
    assert fs.is_remote(path) is (local is None)


@pytest.mark.parametrize(
    ("path", "name"),
    [("s3://b/crawl/part-0.jsonl.gz", "part-0.jsonl.gz"), ("s3://b/crawl/", "crawl"),
     ("crawl/a.txt", "a.txt"), ("file:///x/y.html", "y.html")],
)
def test_basename(path, name):
    assert fs.basename(path) == name


def test_relative():
    assert fs.relative("s3://b/out/data/p.parquet", "s3://b/out") == "data/p.parquet"
    assert fs.relative("/o/data/p.parquet", "/o") == "data/p.parquet"
    with pytest.raises(ValueError, match="not inside"):
        fs.relative("s3://b/other/p.parquet", "s3://b/out")


@pytest.mark.parametrize(("url", "package"), [("gs://bucket/crawl", "gcsfs"),
                                              ("az://container/crawl", "adlfs")])
def test_missing_store_package_names_it(url, package):
    try:
        __import__(package)
    except ImportError:
        pass
    else:
        pytest.skip(f"{package} is installed")
    with pytest.raises(fs.MissingFilesystemError, match=rf"pip install {package}$"):
        expand_inputs([url])


def test_unknown_protocol_is_an_input_error():
    with pytest.raises(InputError, match="unknown storage protocol 'nosuchstore'"):
        expand_inputs(["nosuchstore://bucket/a.jsonl"])


def test_local_paths_do_not_import_fsspec(io_dir):
    import subprocess
    import sys

    code = ("import sys\nfrom khabar.io.readers import expand_inputs, read_file\n"
            f"[i] = expand_inputs([{str(io_dir / 'docs.jsonl')!r}])\n"
            "assert len(list(read_file(i))) == 4\n"
            "print('fsspec' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------------------------
# memory:// (in-process) and file://


@pytest.fixture()
def memory_base():
    base = f"memory://khabar-test-{uuid.uuid4().hex[:8]}"
    yield base
    fs.remove_tree(base)


def test_memory_inputs_read_like_local_files(io_dir, memory_base):
    pytest.importorskip("fastwarc", reason="WARC fixtures need the warc extra")
    pytest.importorskip("pyarrow")
    upload_fixtures(io_dir, memory_base)
    check_remote_reads(io_dir, memory_base)


def test_memory_outputs(memory_base):
    check_remote_writes(memory_base)


def test_missing_remote_input_says_so(memory_base):
    with pytest.raises(InputError, match="does not exist; check the URL"):
        expand_inputs([fs.join(memory_base, "nothing.jsonl")])
    with pytest.raises(InputError, match="no files match"):
        expand_inputs([fs.join(memory_base, "*.jsonl")])


def test_same_file_by_folder_and_by_url_is_listed_once(io_dir, memory_base):
    upload_fixtures(io_dir, memory_base)
    folder = fs.join(memory_base, "crawl")
    both = expand_inputs([fs.join(folder, "docs.jsonl"), folder])
    assert [fs.basename(i.path) for i in both].count("docs.jsonl") == 1
    assert len(both) == len(REMOTE_INPUTS)


def test_file_urls_round_trip(io_dir, tmp_path):
    pytest.importorskip("fastwarc", reason="WARC fixtures need the warc extra")
    for name in REMOTE_INPUTS:
        (tmp_path / "crawl").mkdir(exist_ok=True)
        shutil.copy(io_dir / name, tmp_path / "crawl" / name)
    for name in NOT_DATA:
        (tmp_path / "crawl" / name).write_text("{}\n", encoding="utf-8")
    base = f"file://{tmp_path}"
    check_remote_reads(io_dir, base)
    check_remote_writes(base)
    # a local URL writes with a hidden temporary name in the final folder, as a plain path does
    w = JsonlWriter(fs.join(base, "x", "a.jsonl"))
    assert w.tmp == str(tmp_path / "x" / f".a.jsonl.tmp-{os.getpid()}")
    w.abort()


# ---------------------------------------------------------------------------------------------
# S3, through a moto server on this machine


@pytest.fixture()
def s3_base(monkeypatch):
    pytest.importorskip("moto.server", reason="the S3 test needs moto: pip install 'moto[server]'")
    s3fs = pytest.importorskip("s3fs", reason="the S3 test needs s3fs: pip install s3fs")
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    # botocore reads the endpoint from the environment; the keys are moto's dummies
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://{host}:{port}")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    s3fs.S3FileSystem.clear_instance_cache()
    # moto keeps its buckets per process, across servers: a new bucket for each test
    bucket = f"khabar-test-{uuid.uuid4().hex[:8]}"
    s3fs.S3FileSystem().mkdir(bucket)
    try:
        yield f"s3://{bucket}/run"
    finally:
        s3fs.S3FileSystem.clear_instance_cache()
        server.stop()


def test_s3_inputs_jsonl_and_parquet(io_dir, s3_base):
    pytest.importorskip("fastwarc", reason="WARC fixtures need the warc extra")
    pytest.importorskip("pyarrow")
    upload_fixtures(io_dir, s3_base)
    check_remote_reads(io_dir, s3_base)


def test_s3_outputs(s3_base):
    check_remote_writes(s3_base)
