"""What a person sees while a run works and when it ends: a progress bar and a summary table."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any, Self

from khabar.refine import Progress, RunResult, ShardReport


class RichProgress(Progress):
    """A rich progress bar per stage, advancing by input bytes (stage 1) or shards (later)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._progress: Any = None
        self._task: Any = None
        self._by_bytes = False
        self._docs = 0
        self._bytes_done = 0
        self._total_bytes = 0
        self._shards = (0, 0)

    def __enter__(self) -> Self:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.fields[done]}"),
                TextColumn("{task.fields[docs]:,} docs"), TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False)
            self._progress.start()
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()

    def stage(self, name: str, shards: int, total_bytes: int) -> None:
        if self._progress is None:
            return
        self._docs = 0
        self._bytes_done = 0
        self._total_bytes = total_bytes
        self._shards = (0, shards)
        self._by_bytes = total_bytes > 0
        total = total_bytes if self._by_bytes else shards
        self._task = self._progress.add_task(name, total=total, docs=0, done=self._done_text(0))

    def shard_done(self, report: ShardReport) -> None:
        if self._progress is None or self._task is None:
            return
        self._docs += report.docs_in
        self._shards = (self._shards[0] + 1, self._shards[1])
        self._bytes_done += report.bytes
        self._progress.update(self._task, advance=report.bytes if self._by_bytes else 1,
                              docs=self._docs, done=self._done_text(self._bytes_done))

    def _done_text(self, done_bytes: int) -> str:
        text = f"{self._shards[0]}/{self._shards[1]} shards"
        if self._by_bytes:
            text += f", {done_bytes / 1e6:,.1f}/{self._total_bytes / 1e6:,.1f} MB"
        return text

    def message(self, text: str) -> None:
        if self._progress is not None:
            self._progress.console.print(f"[dim]{text}")


def print_summary(result: RunResult, file: Any = None) -> None:
    """The run summary: read, kept, dropped by reason, rejected by reason, time, invariant."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file or sys.stdout)
    table = Table(title=f"khabar refine → {result.outdir}", show_lines=False)
    table.add_column("documents", style="bold")
    table.add_column("count", justify="right")
    table.add_column("share", justify="right")

    def share(n: int) -> str:
        return f"{100 * n / result.read:.1f}%" if result.read else "-"

    table.add_row("read", str(result.read), share(result.read))
    table.add_row("kept", str(result.kept), share(result.kept), style="green")
    for reason, n in sorted(result.dropped.items(), key=lambda kv: -kv[1]):
        table.add_row(f"  dropped: {reason}", str(n), share(n))
    for reason, n in sorted(result.rejected.items(), key=lambda kv: -kv[1]):
        table.add_row(f"  rejected: {reason}", str(n), share(n), style="yellow")
    console.print(table)
    dropped = sum(result.dropped.values())
    rejected = sum(result.rejected.values())
    mark = "holds" if result.invariant_holds else "BROKEN"
    rate = f"{result.read / result.seconds:,.1f} docs/s" if result.seconds else ""
    console.print(f"read {result.read} = kept {result.kept} + dropped {dropped} + rejected "
                  f"{rejected}: {mark}.  {result.seconds:.1f} s, {rate}")
