"""Corpus-level cleaning building blocks (pure functions and explicit state objects).

- :mod:`khabar.corpus.keys`: the one canonical form (dedup keys, site lines, search).
- :mod:`khabar.corpus.dedup`: exact + near-duplicate clusters (MinHash via extra ``dedup``).
- :mod:`khabar.corpus.sitelines`: lines a domain repeats on many pages.
- :mod:`khabar.corpus.quality`: quality signals and thresholds.
- :mod:`khabar.corpus.langid`: script-based language ID, lingua model via extra ``lid``.

Nothing heavy is imported here; numpy, datasketch and lingua load inside the functions that need
them.
"""
