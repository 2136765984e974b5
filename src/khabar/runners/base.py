"""The one interface the pipeline uses to run work in parallel: ``map(fn, items)``.

The local executor (processes on this machine) and the Ray executor (tasks on a cluster) both
implement it, so the stages, steps and files are the same whichever runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    #: how many tasks run at once
    workers: int

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Run ``fn`` on every item; yield results as tasks finish (in any order)."""
        ...

    def close(self) -> None: ...


def make_executor(engine: str, jobs: int, **options: Any) -> Executor:
    from khabar.errors import ConfigError

    if engine == "local":
        from khabar.runners.local import LocalExecutor

        return LocalExecutor(jobs)
    if engine == "ray":
        from khabar.runners.ray import RayExecutor  # type: ignore[import-not-found]

        return RayExecutor(jobs, **options)  # type: ignore[no-any-return]
    raise ConfigError(f"unknown engine {engine!r}; choose 'local' or 'ray'")
