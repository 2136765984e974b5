"""CPU cost of writing and reading back a stage's work file with several Parquet settings.

    .venv/bin/khabar refine CRAWL -o /tmp/run -j 2 --keep-work      # e.g. 3,000 generator docs
    .venv/bin/python bench/io/work_codec.py /tmp/run/_work/stage1/*.parquet

Reads the given work files into one table, then for each setting writes it in row groups of
1,000 rows (as refine does) and reads it back a row group at a time with the edits' strings as
dictionaries (as ``khabar.refine._read_work`` does); best of 3, ``time.process_time``. Prints
CPU ms per document for the write and the read, and the file's KB per document. The setting
refine uses is ``khabar.io.schema.work_file_options()``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

import pyarrow as pa
import pyarrow.parquet as pq


def main() -> None:
    from khabar.io.schema import work_file_options

    paths = sys.argv[1:]
    table = pa.concat_tables([pq.read_table(p) for p in paths]).combine_chunks()
    n = table.num_rows
    strings = ["edits.list.element.before", "edits.list.element.after", "edits.list.element.rule"]
    settings = {
        "zstd, dictionary everywhere (the output's)": {"compression": "zstd"},
        "lz4, dictionary everywhere": {"compression": "lz4"},
        "snappy, work_file_options' dictionaries": {**work_file_options(), "compression": "snappy"},
        "none, work_file_options' dictionaries": {**work_file_options(), "compression": "none"},
        "work_file_options() (lz4)": work_file_options(),
        "work_file_options() with min/max statistics": {**work_file_options(),
                                                         "write_statistics": True},
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, options in settings.items():
            path = os.path.join(tmp, "w.parquet")
            write = read = float("inf")
            for _ in range(3):
                t0 = time.process_time()
                writer = pq.ParquetWriter(path, table.schema, **options)
                for start in range(0, n, 1000):
                    writer.write_table(table.slice(start, 1000))
                writer.close()
                write = min(write, time.process_time() - t0)
                t0 = time.process_time()
                pf = pq.ParquetFile(path, read_dictionary=strings)
                for group in range(pf.num_row_groups):
                    for _batch in pf.iter_batches(batch_size=512, row_groups=[group]):
                        pass
                read = min(read, time.process_time() - t0)
            size = os.path.getsize(path)
            print(f"{name:45} write {1000 * write / n:.3f}  read {1000 * read / n:.3f} ms/doc  "
                  f"{size / n / 1000:.1f} KB/doc", flush=True)


if __name__ == "__main__":
    main()
