"""``khabar refine``: raw crawl files in, a clean Parquet corpus out.

The run is a sequence of stages over *shards* (groups of input files). Stage 0 reads the inputs;
each stage runs its segment of the pipeline (see :mod:`khabar.pipeline`) on every shard in
parallel and writes one work file per shard. Between stages, a corpus-level step (which lines are
a site's boilerplate, which documents are duplicates) decides over the whole corpus as a
partitioned map-reduce (see :class:`khabar.steps.base.CorpusStep`): each shard task splits its
observations into hash buckets (``run.reduce_buckets``; by default one per 2 GiB of input), one
task per bucket reduces them, and one combine task writes a decision per shard. Those run on the same executor as the shards, so no
process, the driver included, holds the whole corpus. The last stage writes the output:

    OUTDIR/data/part-00000.parquet      kept documents (``datasets`` reads the folder)
    OUTDIR/dropped/part-00000.parquet   dropped documents, same columns, with ``drop_reason``
    OUTDIR/rejects.jsonl                records that could not be read or processed, with where and why
    OUTDIR/stats.json                   per-step counters, per-stage times
    OUTDIR/manifest.json                version, resolved config, inputs with size and sha256, counts

OUTDIR and the inputs may be local paths or object-store URLs (``s3://bucket/run``; see
:mod:`khabar.io.fs`); on a cluster they must be on storage every worker sees. Every file appears
atomically. Each shard task is idempotent and marks itself done by writing
its report last, so a run that is killed and started again with the same OUTDIR continues from
the finished shards. The accounting invariant ``read = kept + dropped + rejected`` is checked
at the end and recorded in the manifest; a run that breaks it raises :class:`AccountingError`.
"""

from __future__ import annotations

import io
import json
import pickle
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from khabar import __version__
from khabar.config import Config
from khabar.document import Document, Reject
from khabar.errors import AccountingError, KhabarError
from khabar.io import fs
from khabar.io.writers import ArrowWriter, JsonlWriter, ParquetWriter, atomic_write_json
from khabar.pipeline import Segment, SegmentRunner, build_step, plan_segments, reads_text

WORK = "_work"


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    files: tuple[Any, ...]  # khabar.io.readers.InputFile


@dataclass(frozen=True, slots=True)
class StageTask:
    stage: int
    last: bool
    shard: Shard
    segment: Segment
    config: Config
    outdir: str
    #: hash buckets of the corpus steps' reduce (``RunConfig.buckets_for`` the run's inputs)
    buckets: int
    #: whether the next stage reads the texts (``khabar.pipeline.reads_text``): if not, the work
    #: file leaves out their canonical lines (~2 KB per document that nothing would read)
    next_reads_text: bool = True
    #: keep the previous stage's work file of this shard (``--keep-work``); else it is removed
    #: once this task is done, as nothing else reads it (a work file is ~17 KB per document)
    keep_work: bool = False


@dataclass(slots=True)
class ShardReport:
    stage: int
    shard: int
    docs_in: int = 0
    docs_out: int = 0
    read: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    stats: dict[str, dict[str, int]] = field(default_factory=dict)
    inputs: list[dict[str, Any]] = field(default_factory=list)
    bytes: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class RunResult:
    outdir: str
    read: int
    kept: int
    dropped: dict[str, int]
    rejected: dict[str, int]
    seconds: float
    manifest: dict[str, Any]

    @property
    def invariant_holds(self) -> bool:
        return self.read == self.kept + sum(self.dropped.values()) + sum(self.rejected.values())


class Progress:
    """What a run tells the outside while it works (the CLI draws a progress bar from it)."""

    def stage(self, name: str, shards: int, total_bytes: int) -> None:
        """A stage starts over ``shards`` shards; ``total_bytes`` is the input size when the
        stage reads the inputs (its shard reports then carry ``bytes``), else 0."""

    def shard_done(self, report: ShardReport) -> None: ...

    def message(self, text: str) -> None: ...


def plan_shards(files: Sequence[Any], shard_bytes: int, min_shards: int = 1) -> list[Shard]:
    """Group the (sorted) input files into shards of about ``shard_bytes`` each, in order, and
    into at least ``min_shards`` shards when there are that many files (so a small corpus still
    keeps every worker busy). The plan depends on the inputs and the config only, never on the
    number of workers: the output is the same whatever ``-j``."""
    total = sum(f.size for f in files)
    if min_shards > 1 and total:
        shard_bytes = max(1, min(shard_bytes, -(-total // min_shards)))
    shards: list[Shard] = []
    group: list[Any] = []
    size = 0
    for f in files:
        group.append(f)
        size += f.size
        if size >= shard_bytes:
            shards.append(Shard(len(shards), tuple(group)))
            group, size = [], 0
    if group:
        shards.append(Shard(len(shards), tuple(group)))
    return shards


# ---------------------------------------------------------------------------------------------
# paths inside OUTDIR: strings joined by khabar.io.fs, never Path (OUTDIR may be a URL, and
# Path("s3://bucket/run") is "s3:/bucket/run")


def _stage_dir(outdir: str, stage: int) -> str:
    return fs.join(outdir, WORK, f"stage{stage}")


def _work_file(outdir: str, stage: int, shard: int) -> str:
    return fs.join(_stage_dir(outdir, stage), f"{shard:05d}.arrow")


def _report_file(outdir: str, stage: int, shard: int) -> str:
    return fs.join(_stage_dir(outdir, stage), f"{shard:05d}.report.json")


def _parts_file(outdir: str, stage: int, shard: int) -> str:
    return fs.join(_stage_dir(outdir, stage), f"{shard:05d}.parts")


def _side_dir(outdir: str, stage: int) -> str:
    return fs.join(outdir, WORK, f"side{stage}")


def _bucket_file(outdir: str, stage: int, bucket: int) -> str:
    return fs.join(outdir, WORK, f"reduce{stage}", f"{bucket:05d}.pkl")


def _rejects_file(outdir: str, stage: int, shard: int) -> str:
    return fs.join(_stage_dir(outdir, stage), f"{shard:05d}.rejects.jsonl")


def _decision_dir(outdir: str, stage: int) -> str:
    return fs.join(outdir, WORK, f"decision{stage}")


def _shared_decision_file(outdir: str, stage: int) -> str:
    """Written last by the combine task: its presence says the decision is complete."""
    return fs.join(_decision_dir(outdir, stage), "shared.pkl")


def _shard_decision_file(outdir: str, stage: int, shard: int) -> str:
    return fs.join(_decision_dir(outdir, stage), f"{shard:05d}.pkl")


def _dump(obj: Any, path: str) -> None:
    """Pickle ``obj`` to ``path`` atomically (a killed task leaves no half-written file), streamed
    to a temporary file (a bucket's result can be large)."""
    with fs.writing(path) as f:
        pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)


def _load(path: str) -> Any:
    with fs.open_input(path) as f:
        return pickle.load(f)


def _write_parts(path: str, parts: Sequence[Any]) -> None:
    """One shard's bucket parts in one file: an 8-byte header length, the pickled byte offsets of
    the parts, then the parts, so a bucket's reducer reads its own part only."""
    blobs = [pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL) for p in parts]
    offsets = [0]
    for b in blobs:
        offsets.append(offsets[-1] + len(b))
    header = pickle.dumps(offsets, protocol=pickle.HIGHEST_PROTOCOL)
    with fs.writing(path) as f:
        f.write(len(header).to_bytes(8, "little"))
        f.write(header)
        for b in blobs:
            f.write(b)


def _read_part(path: str, bucket: int) -> Any:
    with fs.open_input(path) as f:  # seekable: a bucket's reducer reads its own part only
        size = int.from_bytes(f.read(8), "little")
        offsets = pickle.loads(f.read(size))
        f.seek(8 + size + offsets[bucket])
        return pickle.loads(f.read(offsets[bucket + 1] - offsets[bucket]))


# ---------------------------------------------------------------------------------------------
# the work of one shard in one stage (runs in a worker)


def _read_inputs(task: StageTask, report: ShardReport, on_reject: Callable[[Reject], None],
                 raw_carry: Any = None) -> Iterator[Document]:
    """The documents of the shard's input files (rejects to ``on_reject``); a Parquet file's
    reader notes in ``raw_carry`` (:class:`khabar.io.schema.RawCarry`) where each raw text was."""
    from khabar.io.readers import ReadStats, file_sha256, read_file

    seq = 0
    for inp in task.shard.files:
        try:
            sha: str | None = file_sha256(inp.path)
        except OSError:  # gone or unreadable since it was listed: read_file turns it into a reject
            sha = None
        records = rejected = 0
        stats = ReadStats()
        for item in read_file(inp, task.config.read, sha256=sha, stats=stats,
                              raw_carry=raw_carry):
            records += 1
            report.read += 1
            if isinstance(item, Reject):
                rejected += 1
                on_reject(item)
                continue
            item.order = (task.shard.index << 32) | seq
            seq += 1
            yield item
        report.inputs.append({"path": inp.path, "format": inp.format, "size": inp.size,
                              "compression": inp.compression, "sha256": sha,
                              "records": records, "rejected": rejected,
                              # not records by design: blank lines, WARC requests, non-HTML pages
                              "skipped": dict(sorted(stats.skipped.items()))})
        report.bytes += inp.size


def _read_work(path: str, carry: Any = None) -> Iterator[Document]:
    """The documents of a stage's work file (an Arrow IPC file, memory-mapped when local), in
    order, 512 at a time, column by column.

    The edits' strings (a few distinct values among a hundred or more edits per document) are
    dictionary-encoded before they become Python objects, so each distinct string is made once.
    With a ``carry`` (:class:`khabar.io.schema.Carry`) the edits and raw text stay in the
    batches, as Arrow, and are not read here."""
    from khabar.io.schema import batch_to_docs, dictionary_edits
    from khabar.io.writers import read_arrow_batches

    for whole in read_arrow_batches(path):
        for start in range(0, whole.num_rows, 512):
            batch = whole.slice(start, 512)
            if carry is not None:
                yield from carry.read(batch)
            else:
                yield from batch_to_docs(dictionary_edits(batch))


def _touched(task: StageTask, runner: SegmentRunner, decision: Any) -> Any:
    """The orders of the only documents the last stage can change, when it does nothing but
    apply a corpus step's decision that names them (dedup: the copies and the kept heads);
    ``None`` when every document must go through the steps."""
    step = runner.apply_step
    if not task.last or runner.steps or runner.observe_step is not None or step is None:
        return None
    return step.touches(decision)  # type: ignore[attr-defined]


def _apply_passthrough(path: str, touched: Any, runner: SegmentRunner, decision: Any,
                       report: ShardReport, kept_w: Any, drop_w: Any, dropped: Counter[str],
                       keep_raw: bool, keep_edits: bool,
                       write_kept: Callable[[Document], None],
                       on_dropped: Callable[[Document], None],
                       on_reject: Callable[[Reject], None]) -> None:
    """The last stage when it only applies a decision to a few named documents: those go
    through the steps as Documents; every other row is copied into data/ or dropped/ as Arrow
    columns, in order, never rebuilt as a Python object. The files are the same bytes as the
    row-by-row path's (tested)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from khabar.io.schema import ORDER_COLUMN, batch_to_docs, output_schema, unkept_columns
    from khabar.io.writers import read_arrow_batches

    schema = output_schema()
    wanted = np.fromiter(touched, dtype=np.int64, count=len(touched))
    with runner.session(decision, on_dropped, on_reject) as process:
        for batch in read_arrow_batches(path):
            report.docs_in += batch.num_rows
            orders = batch.column(ORDER_COLUMN).to_numpy()
            is_dropped = batch.column("drop_reason").is_valid().to_numpy(zero_copy_only=False)
            own = np.isin(orders, wanted) & ~is_dropped
            table = pa.Table.from_batches([batch]).select(schema.names)
            for name in unkept_columns(keep_raw=keep_raw, keep_edits=keep_edits):
                field = schema.field(name)
                table = table.set_column(schema.get_field_index(name), field,
                                         pa.nulls(batch.num_rows, field.type))
            rows = np.flatnonzero(own)
            # the batch's named rows as Documents in one go (one row at a time costs ~4x more)
            docs = iter(batch_to_docs(batch.take(pa.array(rows))) if len(rows) else [])
            start = 0
            for i in [*rows.tolist(), batch.num_rows]:
                if i > start:  # untouched rows start..i: kept or already dropped, as they are
                    run = table.slice(start, i - start)
                    if is_dropped[start:i].any():
                        gone = pa.array(is_dropped[start:i])
                        was_dropped = run.filter(gone)
                        drop_w.write_arrow(was_dropped)
                        for reason in was_dropped.column("drop_reason").to_pylist():
                            dropped[reason or "unknown"] += 1
                        run = run.filter(pc.invert(gone))
                    # (a run with no dropped row, the most common, is written without a filter's
                    # copy: ~6 CPU us per ~4 KB document)
                    kept_w.write_arrow(run)
                    report.docs_out += run.num_rows
                if i < batch.num_rows:
                    out = process(next(docs))
                    if out is not None:
                        report.docs_out += 1
                        write_kept(out)
                start = i + 1


def run_stage_task(task: StageTask) -> ShardReport:
    """Run one segment of the pipeline over one shard; write its files; return its report.

    Arrow allocates from a pool that keeps freed pages while it runs (a table of ~1,000
    documents is built and freed every second or so; :mod:`khabar.io.memory`)."""
    from khabar.io.memory import page_keeping_pool

    with page_keeping_pool():
        return _stage_task(task)


def _stage_task(task: StageTask) -> ShardReport:
    from khabar.io.schema import Carry, DocColumns, RawCarry, output_schema, work_schema

    done = _report_file(task.outdir, task.stage, task.shard.index)
    if fs.exists(done):
        # a task run again after it finished (Ray retries a task whose worker died before it
        # returned): its files are final and the work file it read may be gone already
        return _load_report(done)
    t0 = time.perf_counter()
    out = task.outdir
    idx = task.shard.index
    report = ShardReport(stage=task.stage, shard=idx)
    keep_raw = task.config.run.keep_raw
    keep_edits = task.config.run.keep_edits
    rows = task.config.run.row_group_rows
    runner = SegmentRunner(task.segment, _worker_config(task.config))
    decision = None
    if runner.apply_step is not None:
        own = _shard_decision_file(out, task.stage - 1, idx)
        decision = runner.apply_step.shard_decision(  # type: ignore[attr-defined]
            _load(_shared_decision_file(out, task.stage - 1)),
            _load(own) if fs.exists(own) else None)

    dropped: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    writers: list[Any] = []
    kept_w = drop_w = None
    # a stage after the first whose steps never look at the edits and raw text hands them from
    # its work file to the files it writes as Arrow, never as Python objects
    carry = Carry() if task.stage > 0 and runner.leaves_edits_and_raw() else None
    # the first stage copies a raw text still as read from a Parquet input's column as Arrow
    raw_carry = RawCarry() if task.stage == 0 and keep_raw else None
    try:
        rej_w = JsonlWriter(_rejects_file(out, task.stage, idx))
        writers.append(rej_w)
        # documents go into the files' columns directly (DocColumns), never as dict rows
        if task.last:
            kept_w = ParquetWriter(fs.join(out, "data", f"part-{idx:05d}.parquet"),
                                   output_schema(), batch_rows=rows,
                                   rows=DocColumns(keep_raw=keep_raw, carry=carry,
                                                   keep_edits=keep_edits, raw_carry=raw_carry))
            drop_w = ParquetWriter(fs.join(out, "dropped", f"part-{idx:05d}.parquet"),
                                   output_schema(), batch_rows=rows,
                                   rows=DocColumns(keep_raw=keep_raw, carry=carry,
                                                   keep_edits=keep_edits, raw_carry=raw_carry))
            writers += [kept_w, drop_w]
            write_kept: Callable[[Document], None] = kept_w.write
            write_dropped: Callable[[Document], None] = drop_w.write
        else:
            work_w = ArrowWriter(_work_file(out, task.stage, idx), work_schema(), batch_rows=rows,
                                 rows=DocColumns(order=True, carry=carry,
                                                 canonical=task.next_reads_text,
                                                 raw_carry=raw_carry),
                                 compression=task.config.run.work_compression)
            writers.append(work_w)
            write_kept = write_dropped = work_w.write

        def on_dropped(d: Document) -> None:
            dropped[d.drop_reason or "unknown"] += 1
            write_dropped(d)

        def on_reject(r: Reject) -> None:
            if task.config.run.fail_fast:
                raise KhabarError(f"--fail-fast: {r.source} {r.location}: {r.reason} {r.detail}")
            rejected[r.reason] += 1
            rej_w.write(r.to_dict())

        def counted(docs: Iterator[Document]) -> Iterator[Document]:
            for d in docs:
                report.docs_in += 1
                yield d

        if task.stage > 0 and not fs.exists(_work_file(out, task.stage - 1, idx)):
            raise KhabarError(
                f"{_work_file(out, task.stage - 1, idx)} is missing: this shard's previous stage "
                f"is marked done but its work file is gone (removed by hand, or the unfinished "
                f"run in {out} was started by a khabar that wrote its work files as Parquet). "
                f"Refine again with --force to start over.")
        touched = _touched(task, runner, decision)
        if touched is not None:  # only a few rows change: the rest pass through as Arrow
            _apply_passthrough(_work_file(out, task.stage - 1, idx), touched, runner, decision,
                               report, kept_w, drop_w, dropped, keep_raw, keep_edits, write_kept,
                               on_dropped, on_reject)
        else:
            source = (_read_inputs(task, report, on_reject, raw_carry) if task.stage == 0
                      else _read_work(_work_file(out, task.stage - 1, idx), carry))
            for doc in runner.run(counted(source), decision, on_dropped, on_reject,
                                  carry.materialize if carry is not None else None):
                report.docs_out += 1
                write_kept(doc)
        if runner.observe_step is not None:
            from khabar.steps.base import SideFiles

            parts = runner.observe_step.partition(  # type: ignore[attr-defined]
                runner.state(), task.buckets, idx,
                SideFiles(_side_dir(out, task.stage)))
            _write_parts(_parts_file(out, task.stage, idx), parts)
            del parts
        for w in writers:
            w.close()
    except BaseException:
        for w in writers:
            w.abort()
        raise
    report.dropped = dict(dropped)
    report.rejected = dict(rejected)
    report.stats = runner.stats()
    report.seconds = round(time.perf_counter() - t0, 3)
    atomic_write_json(_report_file(out, task.stage, idx), asdict(report))  # the done marker
    if task.stage > 0 and not task.keep_work:
        # read by this task only, which is done: a killed run resumes after the marker
        fs.remove(_work_file(out, task.stage - 1, idx))
    return report


@dataclass(frozen=True, slots=True)
class ReduceTask:
    """One bucket of a corpus step's reduce (``bucket`` is None for the combine task)."""

    stage: int
    step: str
    bucket: int | None
    shards: tuple[int, ...]
    buckets: int
    config: Config
    outdir: str


def run_reduce_task(task: ReduceTask) -> float:
    """Reduce one bucket's parts from every shard, or (``bucket`` None) combine every bucket's
    result into the decision files. Returns the seconds it took."""
    from khabar.steps.base import SideFiles

    t0 = time.perf_counter()
    step = build_step(task.step, _worker_config(task.config))
    side = SideFiles(_side_dir(task.outdir, task.stage))
    if task.bucket is not None:
        parts = [_read_part(_parts_file(task.outdir, task.stage, s), task.bucket)
                 for s in task.shards]
        result = step.reduce_bucket(parts, side)  # type: ignore[attr-defined]
        del parts
        _dump(result, _bucket_file(task.outdir, task.stage, task.bucket))
    else:
        results = [_load(_bucket_file(task.outdir, task.stage, b)) for b in range(task.buckets)]
        shared, own = step.combine(results, side)  # type: ignore[attr-defined]
        del results
        for shard, decision in own.items():
            _dump(decision, _shard_decision_file(task.outdir, task.stage, shard))
        _dump(shared, _shared_decision_file(task.outdir, task.stage))  # the done marker, last
    return time.perf_counter() - t0


def _reduce(executor: Any, outdir: str, stage: int, step: str, shards: Sequence[Shard],
            config: Config, progress: Progress, n: int) -> None:
    """Run a corpus step's bucket reduces, then its combine, as tasks on the executor (so no
    process, the driver included, holds the whole corpus's observations); finished buckets of a
    killed run are not redone."""
    if fs.exists(_shared_decision_file(outdir, stage)):
        return
    ids = tuple(s.index for s in shards)
    todo = [ReduceTask(stage, step, b, ids, n, config, outdir) for b in range(n)
            if not fs.exists(_bucket_file(outdir, stage, b))]
    progress.message(f"deciding {step} over the whole corpus: {len(todo)} of {n} buckets to reduce")
    for _ in executor.map(run_reduce_task, todo):
        pass
    for _ in executor.map(run_reduce_task, [ReduceTask(stage, step, None, ids, n, config, outdir)]):
        pass


# ---------------------------------------------------------------------------------------------
# the driver


def _fingerprint(config: Config, files: Sequence[Any],
                 user: dict[str, list[_UserFile]] | None = None) -> dict[str, Any]:
    out = {
        "khabar_version": __version__,
        "config": config.to_dict(),
        "inputs": [[f.path, f.size] for f in files],
    }
    # the user word and style files change the repair as much as the config does: a run
    # resumed after one was edited would mix two repairs in one output
    for key, read in (_user_files(config) if user is None else user).items():
        out[f"fix_{key}"] = [[f.path, f.digest] for f in read]
    return out


class _UserFile(NamedTuple):
    """A user file of ``fix.words`` or ``fix.styles`` as the driver read it."""

    path: str
    data: bytes
    digest: str  # SHA-256 of data


def _user_files(config: Config) -> dict[str, list[_UserFile]]:
    """The user files of ``fix.words`` and ``fix.styles``, each read once (a ConfigError names
    one that cannot be read); keys with no files are left out."""
    import hashlib

    from khabar.errors import ConfigError

    out: dict[str, list[_UserFile]] = {}
    if "fix" not in config.sections:
        return out
    for key in ("words", "styles"):
        for path in getattr(config.fix, key):
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise ConfigError(f"fix.{key}: cannot read {path} ({exc.strerror}); check the "
                                  f"path (relative paths are read from the working folder)"
                                  ) from None
            out.setdefault(key, []).append(
                _UserFile(path, data, hashlib.sha256(data).hexdigest()))
    return out


#: the user files of ``fix.words`` and ``fix.styles`` that the tasks read, in the work folder
USER_FILES = "user-files"


def _with_user_paths(config: Config, paths: dict[str, tuple[str, ...]]) -> Config:
    """``config`` with ``fix.words`` / ``fix.styles`` replaced by ``paths`` (key -> paths)."""
    import dataclasses

    if not paths:
        return config
    return Config({**config.sections, "fix": dataclasses.replace(config.fix, **paths)})


def _task_config(config: Config, outdir: str, user: dict[str, list[_UserFile]]) -> Config:
    """The configuration the tasks run with: each user file of ``fix.words`` and ``fix.styles``
    (``user``, read once on the driver for the fingerprint) copied into the run's work folder
    under its SHA-256, the tasks reading the copy. A worker on another machine (a Ray cluster
    whose machines share OUTDIR's storage but not the driver's working folder, or an
    object-store OUTDIR) then reads the bytes the run's fingerprint holds, and a file edited
    while the run goes on changes nothing. The manifest and the fingerprint keep the user's own
    paths."""
    import os

    copies: dict[str, tuple[str, ...]] = {}
    for key, read in user.items():
        copied = []
        for f in read:
            # the file's own name last: an error in it names a file the user recognises
            copy = fs.join(outdir, WORK, USER_FILES, f"{f.digest[:16]}-{Path(f.path).name}")
            if not fs.exists(copy):
                fs.atomic_write_bytes(copy, f.data)
            local = fs.local_path(copy)
            copied.append(copy if local is None else os.path.abspath(local))
        copies[key] = tuple(copied)
    return _with_user_paths(config, copies)


def _worker_config(config: Config) -> Config:
    """``config`` with each user file the driver copied into an object store (see
    :func:`_task_config`) fetched into this machine's temporary folder once, as the repair
    reads local files; a local copy is read where it is."""
    if "fix" not in config.sections:
        return config
    fetched: dict[str, tuple[str, ...]] = {}
    for key in ("words", "styles"):
        paths = getattr(config.fix, key)
        if any(map(fs.is_remote, paths)):
            fetched[key] = tuple(_fetched(p) if fs.is_remote(p) else p for p in paths)
    return _with_user_paths(config, fetched)


def _fetched(url: str) -> str:
    """The local path of the object-store file ``url``, fetched into the temporary folder the
    first time (its name holds the content's digest: a file fetched before is this one)."""
    import os
    import tempfile

    here = Path(tempfile.gettempdir()) / "khabar-user-files" / fs.basename(url)
    if not here.exists():
        here.parent.mkdir(parents=True, exist_ok=True)
        part = here.with_name(f"{here.name}.{os.getpid()}.part")
        part.write_bytes(fs.read_bytes(url))
        os.replace(part, here)  # whole or absent, for other workers on this machine
    return str(here)


def _prepare_outdir(outdir: str, fingerprint: dict[str, Any], force: bool) -> None:
    run_file = fs.join(outdir, WORK, "run.json")
    finished = fs.join(outdir, "manifest.json")
    if force and fs.exists(outdir):
        for name in ("data", "dropped", WORK):
            fs.remove_tree(fs.join(outdir, name))
        for name in ("rejects.jsonl", "stats.json", "manifest.json", "report.html"):
            fs.remove(fs.join(outdir, name))
    elif fs.exists(finished):
        raise KhabarError(f"{outdir} already holds a finished run (manifest.json). "
                          f"Use --force to refine again into it, or choose another -o folder.")
    elif fs.exists(run_file):
        previous = json.loads(fs.read_text(run_file))
        if previous != fingerprint:
            raise KhabarError(f"{outdir} holds an unfinished run with a different configuration "
                              f"or inputs, so it cannot be resumed. Use --force to start over.")
        # resume: temporary files of tasks that were killed mid-write are garbage. An object
        # store holds none: a remote write is staged in the local temp folder and uploaded whole.
        local = fs.local_path(outdir)
        if local is not None:
            for tmp in Path(local).rglob(".*.tmp-*"):
                tmp.unlink(missing_ok=True)
            for tmp in (Path(local) / WORK).rglob("*.tmp"):  # corpus steps' side files
                tmp.unlink(missing_ok=True)
        return
    elif any(not name.startswith(".") for name in fs.listdir(outdir)):
        raise KhabarError(f"{outdir} exists and is not empty. Choose an empty or new folder, or "
                          f"use --force to write into it (khabar's own files there are replaced).")
    fs.makedirs(outdir)
    atomic_write_json(run_file, fingerprint)


def _load_report(path: str) -> ShardReport:
    return ShardReport(**json.loads(fs.read_text(path)))


def refine(inputs: Sequence[str], outdir: str, config: Config | None = None, *,
           engine: str = "local", engine_options: dict[str, Any] | None = None,
           progress: Progress | None = None, executor: Any = None,
           keep_work: bool = False) -> RunResult:
    """Refine ``inputs`` (files, folders, globs) into ``outdir``. See the module docstring."""
    from khabar.io.readers import expand_inputs
    from khabar.runners.base import make_executor

    t0 = time.perf_counter()
    config = config or Config.load()
    progress = progress or Progress()
    # an unreadable or unknown file among the inputs becomes one reject and the run goes on
    # (unless --fail-fast); a path that does not exist at all is still an error up front
    files = expand_inputs(list(inputs), strict=config.run.fail_fast)
    segments = plan_segments(config.run.steps)
    for name in config.run.steps:  # build every step once here: bad config fails before work
        build_step(name, config)
    user = _user_files(config)
    _prepare_outdir(outdir, _fingerprint(config, files, user), config.run.force)
    task_config = _task_config(config, outdir, user)
    shards = plan_shards(files, config.run.shard_bytes, config.run.min_shards)
    own_executor = executor is None
    executor = executor or make_executor(engine, config.run.jobs, **(engine_options or {}))
    total_bytes = sum(f.size for f in files)
    buckets = config.run.buckets_for(total_bytes)
    reports: dict[int, list[ShardReport]] = {}
    stage_seconds: list[dict[str, Any]] = []
    try:
        for stage, segment in enumerate(segments):
            last = stage == len(segments) - 1
            next_reads = not last and reads_text(segments[stage + 1])
            ts = time.perf_counter()
            label = ", ".join(filter(None, [segment.apply, *segment.steps])) or "read"
            progress.stage(f"stage {stage + 1}/{len(segments)}: {label}", len(shards),
                           total_bytes if stage == 0 else 0)
            todo = []
            done: list[ShardReport] = []
            for shard in shards:
                rf = _report_file(outdir, stage, shard.index)
                if fs.exists(rf):
                    r = _load_report(rf)
                    done.append(r)
                    progress.shard_done(r)
                else:
                    todo.append(StageTask(stage, last, shard, segment, task_config, outdir,
                                          buckets, next_reads, keep_work))
            for r in executor.map(run_stage_task, todo):
                done.append(r)
                progress.shard_done(r)
            reports[stage] = sorted(done, key=lambda r: r.shard)
            if segment.observe:
                _reduce(executor, outdir, stage, segment.observe, shards, task_config,
                        progress, buckets)
            stage_seconds.append({"stage": stage + 1, "steps": label,
                                  "seconds": round(time.perf_counter() - ts, 3)})
    finally:
        if own_executor:
            executor.close()
    result = _finish(outdir, config, engine, executor.workers, files, shards, reports,
                     stage_seconds, time.perf_counter() - t0)
    if not keep_work:
        try:
            fs.remove_tree(fs.join(outdir, WORK))
        except OSError as exc:  # the run is complete and written; only its scratch files remain
            progress.message(f"could not remove {fs.join(outdir, WORK)}: {exc}")
    return result


def _merge_stats(reports: dict[int, list[ShardReport]]) -> dict[str, dict[str, int]]:
    merged: dict[str, Counter[str]] = {}
    for stage_reports in reports.values():
        for r in stage_reports:
            for step, counters in r.stats.items():
                merged.setdefault(step, Counter()).update(counters)
    return {k: dict(sorted(v.items())) for k, v in merged.items()}


def _finish(outdir: str, config: Config, engine: str, workers: int, files: Sequence[Any],
            shards: Sequence[Shard], reports: dict[int, list[ShardReport]],
            stage_seconds: list[dict[str, Any]], seconds: float) -> RunResult:
    from khabar.io.readers import file_sha256

    last = max(reports)
    read = sum(r.read for r in reports[0])
    kept = sum(r.docs_out for r in reports[last])
    dropped: Counter[str] = Counter()
    for r in reports[last]:
        dropped.update(r.dropped)
    rejected: Counter[str] = Counter()
    with JsonlWriter(fs.join(outdir, "rejects.jsonl")) as rej:
        for stage in sorted(reports):
            for r in reports[stage]:
                rejected.update(r.rejected)
                path = _rejects_file(outdir, stage, r.shard)
                if fs.exists(path):
                    with fs.open_input(path) as raw, io.TextIOWrapper(raw, encoding="utf-8") as f:
                        for line in f:
                            obj = json.loads(line)
                            obj["stage"] = stage
                            rej.write(obj)
    holds = read == kept + sum(dropped.values()) + sum(rejected.values())
    inputs = [i for r in reports[0] for i in r.inputs]
    data_files = []
    for shard in shards:
        for folder in ("data", "dropped"):
            relative = f"{folder}/part-{shard.index:05d}.parquet"
            data_files.append({"path": relative,
                               "sha256": file_sha256(fs.join(outdir, relative))})
    counts = {"read": read, "kept": kept, "dropped": dict(sorted(dropped.items())),
              "rejected": dict(sorted(rejected.items())),
              "invariant": "read = kept + dropped + rejected", "invariant_holds": holds}
    steps = []
    from khabar.steps.registry import step_class

    for name in config.run.steps:
        cls = step_class(name)
        steps.append({"name": name, "version": cls.version})
    manifest = {
        "khabar_version": __version__,
        "engine": engine,
        "workers": workers,
        "config": config.to_dict(),
        "steps": steps,
        "inputs": inputs,
        "shards": len(shards),
        "files": data_files,
        "counts": counts,
        "seconds": round(seconds, 3),
    }
    stats = {
        "counts": counts,
        "steps": _merge_stats(reports),
        "stage_seconds": stage_seconds,
        "seconds": round(seconds, 3),
        "docs_per_second": round(read / seconds, 1) if seconds else None,
    }
    atomic_write_json(fs.join(outdir, "stats.json"), stats)
    atomic_write_json(fs.join(outdir, "manifest.json"), manifest)
    result = RunResult(outdir, read, kept, dict(dropped), dict(rejected), seconds, manifest)
    from khabar.io.memory import page_keeping_pool
    from khabar.report import build_report

    with page_keeping_pool():  # it reads data/ back, ~1,000 rows at a time (khabar.io.memory)
        build_report(outdir)  # before the invariant check: a broken run's report shows it broken
    if not holds:
        raise AccountingError(
            f"documents were lost: read {read} != kept {kept} + dropped {sum(dropped.values())} "
            f"+ rejected {sum(rejected.values())}. This is a bug in khabar; please report it "
            f"with {fs.join(outdir, 'manifest.json')}.")
    return result
