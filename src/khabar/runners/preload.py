"""What every worker process of a local run loads, loaded once in the forkserver instead.

:class:`khabar.runners.local.LocalExecutor` starts its workers with the ``forkserver`` method and
names this module in the server's preload list: the server imports it once, and every worker
forked from it starts with what it loaded, sharing those pages with the server instead of
building them again:

- the modules (about 0.4 CPU s per worker): pyarrow with its IPC and Parquet modules, pandas, which
  pyarrow imports on the first ``pyarrow.array`` call of a process when it is installed, and
  khabar's refine, schema and step modules;
- the default pipeline's set-ups (about 0.55 CPU s per worker, :func:`warm_default_steps`).

bench/throughput/io10.md has the measurements. Importing this module anywhere else is harmless
but slow; ``import khabar`` never does.
"""

from __future__ import annotations

import pyarrow
import pyarrow.ipc  # the work files between stages
import pyarrow.parquet  # the input and the output

import khabar.io.schema  # the documents' columns
import khabar.refine  # run_stage_task, what the workers run
import khabar.steps.corpus
import khabar.steps.news
import khabar.steps.text
import khabar.steps.textops  # noqa: F401 - the step classes a stage builds

# pyarrow imports pandas (when installed) on the first pyarrow.array call of a process, to ask
# whether the argument is a pandas object: 0.2-0.3 CPU s that every worker paid on its first row
pyarrow.array([])


def warm_default_steps() -> None:
    """Build the default pipeline's steps and run their ``setup()`` once.

    The set-ups fill module-level caches that do not depend on the configuration (the ZWNJ
    lexicon, the folding and canonical-key tables, the gazetteers, compiled patterns). Workers
    forked after this find them filled, and their own ``setup()`` calls, which every stage task
    still makes with the run's configuration, return at once; a run configured otherwise builds
    only what differs. The defaults come from khabar alone: no config file, no environment.
    """
    from khabar.config import Config
    from khabar.pipeline import build_step

    config = Config.load(env={})
    for name in config.run.steps:
        build_step(name, config).setup()


warm_default_steps()
