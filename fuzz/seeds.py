"""Build the seed corpora of the fuzz targets from the committed test fixtures.

``python fuzz/seeds.py OUTDIR`` writes ``OUTDIR/<target>/<name>`` for every target of
``fuzz/run.sh``. Seeds of the streamed formats start with the wrapping byte of
``_harness.wrap`` (0: plain, 1: a raw gzip stream, 2: a raw zstd stream, 3: gzip this, 4: zstd
this), so the fuzzer starts from real files in every container. Seeds are cut to 64 KiB (the
fuzzers' ``-max_len``).
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures"
MAX_SEED = 1 << 16

PLAIN, GZIP_RAW, ZSTD_RAW, GZIP_THIS, ZSTD_THIS = b"\x00", b"\x01", b"\x02", b"\x03", b"\x04"


def _files(folder: Path, *suffixes: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.name.lower().endswith(suffixes) and p.name != "README.md"
    )  # fmt: skip


def _container(path: Path) -> bytes:
    name = path.name.lower()
    if name.endswith(".gz"):
        return GZIP_RAW
    if name.endswith(".zst"):
        return ZSTD_RAW
    return PLAIN


def seeds() -> dict[str, list[bytes]]:
    """Seed inputs per target name."""
    targets = ("text", "jsonl", "html", "warc", "parquet", "fix", "extract")
    out: dict[str, list[bytes]] = {t: [] for t in targets}
    corrupted = FIX / "corrupted"
    for p in _files(FIX / "io", ".txt") + _files(corrupted, ".txt", ".txt.gz", ".txt.zst"):
        out["text"].append(_container(p) + p.read_bytes())
    for p in _files(FIX / "io", ".jsonl", ".jsonl.gz", ".jsonl.zst") + _files(
        corrupted, ".jsonl", ".jsonl.gz", ".jsonl.zst"
    ):
        out["jsonl"].append(_container(p) + p.read_bytes())
    for p in _files(FIX / "e2e", ".jsonl"):
        out["jsonl"].append(ZSTD_THIS + p.read_bytes()[:8192])
    for p in (
        _files(FIX / "io", ".html")
        + _files(FIX / "extract", ".html")
        + _files(corrupted, ".html", ".html.gz")
    ):
        out["html"].append(_container(p) + p.read_bytes())
        if _container(p) == PLAIN and not p.name.startswith("nested_"):
            # the deep-nesting page takes over 20 s instrumented (extraction is quadratic in
            # depth, see docs/robustness.md): it would stop the target at its first input
            out["extract"].append(p.read_bytes())
    for p in _files(FIX / "io", ".warc", ".warc.gz", ".wet.gz") + _files(
        corrupted, ".warc", ".warc.gz"
    ):
        out["warc"].append(_container(p) + p.read_bytes())
        if p.name.endswith(".gz"):
            try:
                out["warc"].append(GZIP_THIS + gzip.decompress(p.read_bytes()))
            except (OSError, EOFError):
                pass  # a deliberately broken fixture: its raw seed is enough
    for p in _files(FIX / "io", ".parquet") + _files(corrupted, ".parquet"):
        out["parquet"].append(b"\x00" + p.read_bytes())
    out["parquet"].append(b"\x01" + bytes(range(64)))  # a structured table
    for p in _files(FIX / "text", ".txt"):
        lines = p.read_text(encoding="utf-8").splitlines()
        out["fix"] += ["\n".join(lines[i : i + 3]).encode("utf-8") for i in range(0, 60, 3)]
    out["fix"].append("ميخواهم   به «تهران»برگردم https://fa.wikipedia.org/wiki/كشور".encode())
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python fuzz/seeds.py OUTDIR", file=sys.stderr)
        return 2
    base = Path(argv[1])
    for target, items in seeds().items():
        folder = base / target
        folder.mkdir(parents=True, exist_ok=True)
        for data in items:
            data = data[:MAX_SEED]
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{target}: {len(items)} seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
