"""One module per input format; each defines ``read(ctx) -> Iterator[Document | Reject]``.

Use :func:`khabar.io.readers.read_file`, which picks the module, hashes the file and counts.
"""
