"""Build tests/fixtures/corrupted/: one small file per kind of hostile input, with good records.

    .venv/bin/python scripts/build_corrupted_corpus.py [--out tests/fixtures/corrupted]

Deterministic (seeded random bytes, gzip mtime 0, fixed zstd level): the same script gives the
same bytes. The good records are the 24 articles of tests/fixtures/e2e/crawl-1.jsonl and
crawl-2.jsonl (runs of UD Persian-PerDT sentences, CC BY-SA 4.0), each used once so dedup keeps
them all. ``tests/robustness/test_corrupted_corpus.py`` refines the folder and checks, file by
file, which records are kept and which are rejected where and why.

The big kinds (a 50 MB single-line record, a 1 GB-of-zeros .gz bomb) are not committed: the test
makes them in tmp_path with :func:`write_huge_line` and :func:`write_gzip_bomb`.

Files (``good`` = a clean article that must be kept):

- random_bytes.txt: 4 KiB of random bytes (one reject for the file)
- random_bytes.jsonl: 4 KiB of random bytes holding newlines (one reject per line)
- random_bytes.html: random bytes after an HTML start (decoded, no article: never kept)
- not_parquet.parquet: random bytes (parquet_error); truncated.parquet: a real file cut in half
- invalid_utf8.jsonl: good; good with one invalid byte (kept); a line of Latin-1 bytes
  (decode_error); a windows-1256 line (decode_error: JSONL is UTF-8); good
- cp1256_declared_utf8.html: a windows-1256 page that says it is UTF-8 (kept, read right)
- utf8_declared_cp1256.html: a UTF-8 page that says it is windows-1256 (kept, read right)
- nul_bytes.txt: a good article with NUL bytes in it (nul_bytes)
- nul_bytes.jsonl: a raw NUL in a string (invalid_json); a \\u0000 escape (nul_bytes); good
- surrogates.jsonl: a lone surrogate escape (\\ud800) in the text; good
- deep.jsonl: an array nested 20,000 deep (invalid_json); an object 20,000 deep; good
- truncated.jsonl.gz / truncated.jsonl.zst: two good records, then cut inside the third
- corrupt.jsonl.gz: two good records in one member, then a member with flipped bytes
- truncated.warc.gz: two good pages, then cut inside the third record
- garbage.warc: a good page, 3 KiB of garbage, a good page
- nested_10000.html: a good article inside 10,000 nested <div>s
- empty.txt: 0 bytes; blank.jsonl: only blank lines
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "corrupted"
E2E = ROOT / "tests" / "fixtures" / "e2e"
SEED = 20261129


def articles() -> list[dict[str, str]]:
    """The 24 distinct articles (id, url, text) of the end-to-end fixture, in order."""
    found = []
    for name in ("crawl-1.jsonl", "crawl-2.jsonl"):
        for line in (E2E / name).read_text(encoding="utf-8").splitlines():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if str(obj.get("id", "")).startswith("art"):
                found.append({"id": obj["id"], "url": obj["url"], "text": obj["text"]})
    assert len(found) == 24, len(found)
    return found


def jline(obj: dict[str, object]) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def good(art: dict[str, str], new_id: str) -> dict[str, object]:
    return {"id": new_id, "url": art["url"].replace("/news/", "/c/"), "text": art["text"]}


def page(art: dict[str, str], charset: str) -> str:
    """A plain news page for an article (title = its first line, paragraphs = the rest)."""
    title, _, body = art["text"].partition("\n\n")
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n") if p.strip())
    return (
        f'<!DOCTYPE html>\n<html lang="fa" dir="rtl"><head><meta charset="{charset}">'
        f"<title>{title}</title></head>\n<body><article><h1>{title}</h1>\n{paragraphs}"
        "</article></body></html>\n"
    )


def warc_response(url: str, html: bytes, n: int) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2023-10-0{n % 9 + 1}T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode("ascii")
    return head + http + b"\r\n\r\n"


def to_cp1256(text: str) -> bytes:
    """``text`` in windows-1256 as Persian sites wrote it: Arabic yeh for ی (cp1256 has no ی),
    characters it lacks as HTML character references."""
    return text.replace("ی", "ي").encode("cp1256", errors="xmlcharrefreplace")


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def build(out: Path) -> dict[str, bytes]:
    """Every fixture file's name and bytes."""
    import zstandard

    rng = random.Random(SEED)
    every = articles()
    lost = every[-1]  # for records that are rejected anyway (never kept, so never duplicates)
    arts = iter(every[:-1])
    files: dict[str, bytes] = {}

    files["random_bytes.txt"] = rng.randbytes(4096)
    files["random_bytes.jsonl"] = rng.randbytes(4096)
    files["random_bytes.html"] = b"<html><body>" + rng.randbytes(4096)
    files["not_parquet.parquet"] = rng.randbytes(2048)

    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [good(lost, f"pq{i}") for i in range(2)]
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows), sink)
    files["truncated.parquet"] = sink.getvalue()[: len(sink.getvalue()) // 2]

    a, b = next(arts), next(arts)
    one_bad_byte = jline(good(b, "utf8-b")).replace("، ".encode(), b"\xff ", 1)
    latin1 = jline({"id": "utf8-latin1", "text": "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e " * 20})
    cp1256 = json.dumps({"id": "utf8-cp1256", "text": "خبرگزاری " * 40}, ensure_ascii=False)
    files["invalid_utf8.jsonl"] = (
        jline(good(a, "utf8-a"))
        + one_bad_byte
        + latin1.decode("utf-8").encode("latin-1")
        + to_cp1256(cp1256) + b"\n"
        + jline(good(next(arts), "utf8-c"))
    )  # fmt: skip

    files["cp1256_declared_utf8.html"] = to_cp1256(page(next(arts), "utf-8"))
    files["utf8_declared_cp1256.html"] = page(next(arts), "windows-1256").encode("utf-8")

    text = next(arts)["text"]
    files["nul_bytes.txt"] = (text[:200] + "\x00\x00" + text[200:]).encode("utf-8")
    nul_raw = jline({"id": "nul-raw", "text": "خبر امروز X"}).replace(b"X", b"\x00")
    nul_escaped = jline({"id": "nul-esc", "text": "خبر امروز \x00 تهران"})
    files["nul_bytes.jsonl"] = nul_raw + nul_escaped + jline(good(next(arts), "nul-good"))

    art = next(arts)
    lone = json.dumps(good(art, "sur-lone"), ensure_ascii=True).replace("\\u060c", "\\ud800", 1)
    files["surrogates.jsonl"] = lone.encode("ascii") + b"\n" + jline(good(next(arts), "sur-good"))

    deep_array = b"[" * 20_000 + b"]" * 20_000
    deep_object = b'{"text": ' + b'{"a": ' * 20_000 + b"1" + b"}" * 20_000 + b"}"
    files["deep.jsonl"] = (
        deep_array + b"\n" + deep_object + b"\n" + jline(good(next(arts), "deep-good"))
    )

    three = [jline(good(a, f"tgz{i}")) for i, a in enumerate([next(arts), next(arts), lost])]
    packed = gz(b"".join(three))
    cut = len(gz(b"".join(three[:2]))) + 40  # well past the first two records' deflate blocks
    files["truncated.jsonl.gz"] = packed[: min(cut, len(packed) - 20)]
    three = [jline(good(a, f"tzst{i}")) for i, a in enumerate([next(arts), next(arts), lost])]
    cctx = zstandard.ZstdCompressor(level=3)
    files["truncated.jsonl.zst"] = (
        cctx.compress(three[0] + three[1]) + cctx.compress(three[2])[:-30]
    )

    two = jline(good(next(arts), "cgz0")) + jline(good(next(arts), "cgz1"))
    bad_member = bytearray(gz(jline({"id": "cgz-bad", "text": "خبر " * 200})))
    for i in range(20, min(60, len(bad_member) - 8)):
        bad_member[i] ^= 0x5A
    files["corrupt.jsonl.gz"] = gz(two) + bytes(bad_member)

    pages = [next(arts), next(arts), lost]
    records = [warc_response(p["url"], page(p, "utf-8").encode(), i) for i, p in enumerate(pages)]
    members = [gz(r) for r in records]
    files["truncated.warc.gz"] = members[0] + members[1] + members[2][: len(members[2]) // 2]

    p1, p2 = next(arts), next(arts)
    files["garbage.warc"] = (
        warc_response(p1["url"], page(p1, "utf-8").encode(), 10)
        + rng.randbytes(3072).replace(b"WARC/", b"xxxx/")
        + warc_response(p2["url"], page(p2, "utf-8").encode(), 11)
    )

    nested = page(next(arts), "utf-8")
    files["nested_10000.html"] = (
        nested.replace("<article>", "<div>" * 10_000 + "<article>")
        .replace("</article>", "</article>" + "</div>" * 10_000)
        .encode("utf-8")
    )

    files["empty.txt"] = b""
    files["blank.jsonl"] = b"\n\n  \n"
    return files


def write_huge_line(path: Path, size: int = 50_000_002) -> None:
    """A one-record JSONL file of ``size`` bytes, its newline included (default: one byte over the
    50 MB record limit), written in pieces so that making it costs no memory."""
    head = b'{"id": "huge", "text": "'
    tail = b'"}\n'
    unit = "خبر ".encode()
    body = size - len(head) - len(tail)
    with open(path, "wb") as fh:
        fh.write(head)
        block = unit * (65536 // len(unit))
        written = 0
        while written + len(block) <= body:
            fh.write(block)
            written += len(block)
        fh.write(b"x" * (body - written))
        fh.write(tail)


def write_gzip_bomb(path: Path, gigabytes: int = 1) -> None:
    """``gigabytes`` GiB of zero bytes as a gzip file of about 1 MiB per GiB (members of 1 MiB of
    zeros, written one after the other: valid gzip, made in milliseconds)."""
    member = gzip.compress(b"\0" * (1 << 20), compresslevel=9, mtime=0)
    with open(path, "wb") as fh:
        fh.writelines(member for _ in range(1024 * gigabytes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(build(args.out).items()):
        (args.out / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
