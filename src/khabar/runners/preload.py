"""What every worker process of a local run imports, imported once in the forkserver instead.

:class:`khabar.runners.local.LocalExecutor` starts its workers with the ``forkserver`` method and
names this module in the server's preload list: the server imports it once, and every worker
forked from it starts with these modules loaded, sharing their pages with the server instead of
importing them again (about 0.5 CPU s per worker: pyarrow and its Parquet module, pandas, which
pyarrow imports on the first ``pyarrow.array`` call of a process when it is installed, and
khabar's refine, schema and step modules; bench/throughput/io10.md). Nothing here depends on a
run's configuration, and importing it has no effect but the imports.
"""

from __future__ import annotations

import pyarrow
import pyarrow.parquet  # the work files and the output

import khabar.io.schema  # the documents' columns
import khabar.refine  # run_stage_task, what the workers run
import khabar.steps.corpus
import khabar.steps.news
import khabar.steps.text
import khabar.steps.textops  # noqa: F401 - the step classes a stage builds

# pyarrow imports pandas (when installed) on the first pyarrow.array call of a process, to ask
# whether the argument is a pandas object: 0.2-0.3 CPU s that every worker paid on its first row
pyarrow.array([])
