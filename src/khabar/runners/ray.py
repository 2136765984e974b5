"""Run stages on a Ray cluster: one Ray task per shard, the same stage function as the local runner.

Plain Ray tasks (``ray.remote``), not Ray Data: measured for this kind of work (one task per file
shard, each writing its own output), tasks ran a map job in 21 s against 19-20 s for a process pool,
while Ray Data took 47-60 s tuned. Shards must be on storage every worker sees (a shared file
system or an object store path); the user's word and style files need not be, as the driver
copies them into the run's work folder (``khabar.refine._task_config``).

Ray is an optional extra: ``pip install 'khabar[ray]'``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from khabar._optional import require
from khabar.errors import KhabarError

T = TypeVar("T")
R = TypeVar("R")

#: the thread that :meth:`RayExecutor.close` leaves stopping a Ray it started; found by its name
#: (``threading.enumerate``), so no module state records it
SHUTDOWN_THREAD = "khabar-ray-shutdown"


def wait_for_shutdown() -> None:
    """Return once no Ray shutdown started by :meth:`RayExecutor.close` is still running."""
    for thread in threading.enumerate():
        if thread.name == SHUTDOWN_THREAD and thread is not threading.current_thread():
            thread.join()


class RayExecutor:
    """``map`` over Ray tasks. Connects to ``address`` (a running cluster) or starts a local Ray
    with ``jobs`` CPUs, and shuts down only what it started."""

    def __init__(self, jobs: int = 0, address: str | None = None, max_retries: int = 3,
                 temp_dir: str | None = None) -> None:
        self._ray = require("ray", extra="ray", feature="--engine ray")
        self._started = False
        wait_for_shutdown()  # a previous executor's Ray must be gone before this one looks
        if not self._ray.is_initialized():
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                      "configure_logging": False}
            if address:
                kwargs["address"] = address
            else:
                if jobs > 0:
                    kwargs["num_cpus"] = jobs
                if temp_dir:
                    kwargs["_temp_dir"] = temp_dir
            try:
                self._ray.init(**kwargs)
            except Exception as exc:  # Ray raises ConnectionError, RuntimeError or its own types
                if not address:
                    raise
                raise KhabarError(
                    f"--engine ray could not connect to the Ray cluster at {address!r} "
                    f"({type(exc).__name__}: {str(exc)[:300]}). Check that `ray start --head` "
                    f"runs there and that this is its address (`ray status` on the head prints "
                    f"it); clusters with token authentication need the same token in this "
                    f"process's environment (docs/ray.md).") from exc
            self._started = True
        self.workers = int(self._ray.cluster_resources().get("CPU", jobs or 1))
        self.max_retries = max_retries

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        ray = self._ray
        remote = ray.remote(num_cpus=1, max_retries=self.max_retries, retry_exceptions=False)(fn)
        pending = [remote.remote(item) for item in items]
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            for ref in done:
                yield ray.get(ref)

    def close(self, wait: bool = False) -> None:
        """Stop the Ray this executor started (nothing when it connected to a cluster).

        ``ray.shutdown()`` takes 1-1.5 s on a local Ray (it stops its processes one after
        another, giving each up to 1 s to exit), time in which the driver has nothing to ask of
        Ray. So by default it runs on a thread while the caller goes on (``refine`` writes the
        run's report meanwhile). The thread is not a daemon: the interpreter waits for it before
        it exits, and a new :class:`RayExecutor` waits for it before it starts or joins a Ray.
        ``wait=True`` returns only when Ray is down.
        """
        if self._started and self._ray.is_initialized():
            self._started = False
            stopper = threading.Thread(target=self._ray.shutdown, name=SHUTDOWN_THREAD,
                                       daemon=False)
            stopper.start()
        if wait:
            wait_for_shutdown()
