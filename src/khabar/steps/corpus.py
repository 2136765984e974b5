"""Corpus steps: language, quality, lines repeated across a site, and duplicates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from khabar.document import Document
from khabar.steps.base import CorpusStep, SideFiles, Step, deferred, stable_bucket
from khabar.steps.textops import remove_lines

#: what the corpus steps' setup() runs once per worker: long enough (256+ characters) for the
#: numpy paths of khabar.corpus.keys, so the fold and character-class tables are built before the
#: per-document clock starts
_WARM_TEXT = "متن کوتاه برای آماده شدن جدول‌ها، ۱۲۳.\n" * 10


class LangIdStep(Step):
    name = "langid"
    version = 1
    section = "langid"
    summary = "identify the language offline; keep Persian (and what [langid] keep lists)"
    #: reads the text only (khabar.pipeline.uses_edits_or_raw)
    uses_edits_or_raw: ClassVar[None] = None

    def setup(self) -> None:
        from khabar.corpus.langid import detect_language, preload_model

        detect_language(_WARM_TEXT, use_model=self.config.use_model)  # builds the tables
        if self.config.use_model:  # the script check settles the warm-up text without the model
            preload_model()

    def process(self, doc: Document) -> Document:
        (detect_language,) = deferred("khabar.corpus.langid:detect_language")
        res = detect_language(doc.text, use_model=self.config.use_model)
        doc.meta["lang"] = res.lang
        doc.meta["lang_score"] = round(float(res.score), 4)
        self.stat(f"lang.{res.lang}")
        # "und" (too little text to tell) is not a language to drop for: the quality step judges
        # a text too short or without letters, with that reason
        if res.lang != "und" and res.lang not in self.config.keep:
            doc.drop(f"lang_{res.lang}", self.name)
        return doc


class QualityStep(Step):
    name = "quality"
    version = 1
    section = "quality"
    summary = "quality signals per document and threshold filters, each drop with its reason"
    #: reads the text only (khabar.pipeline.uses_edits_or_raw)
    uses_edits_or_raw: ClassVar[None] = None

    def setup(self) -> None:
        from khabar.corpus.quality import compute_signals

        compute_signals(_WARM_TEXT)  # loads the stopwords, builds the tables

    def process(self, doc: Document) -> Document:
        compute_signals, check_quality = deferred("khabar.corpus.quality:compute_signals",
                                                  "khabar.corpus.quality:check_quality")
        doc.signals.update(compute_signals(doc.text))
        reason = check_quality(doc.signals, self.config)
        if reason:
            doc.drop(reason, self.name)
        return doc


class SiteLinesStep(CorpusStep):
    """Lines seen on many pages of one domain are that site's boilerplate."""

    name = "sitelines"
    version = 1
    section = "sitelines"
    summary = "remove lines repeated across many pages of the same site (menus, footers, sponsors)"
    #: observing reads the text only (khabar.pipeline.uses_edits_or_raw)
    observe_uses_edits_or_raw: ClassVar[None] = None

    def __init__(self, config: Any = None) -> None:
        super().__init__(config)
        self._counter: Any = None

    def setup(self) -> None:
        from khabar.corpus.keys import canonical_lines

        canonical_lines(_WARM_TEXT)  # builds the fold tables

    def observe(self, doc: Document) -> None:
        if self._counter is None:
            from khabar.corpus.sitelines import SiteLineCounter

            self._counter = SiteLineCounter(max_chars=self.config.max_line_chars)
        if doc.domain:  # without a site there is no site template to learn
            self._counter.add(doc.domain, doc.text)

    def state(self) -> Any:
        return self._counter

    def partition(self, state: Any, n: int, shard: int, side: SideFiles) -> list[Any]:
        from khabar.corpus.sitelines import SiteLineCounter

        if state is None:  # a shard without documents observed nothing
            state = SiteLineCounter(max_chars=self.config.max_line_chars)
        return state.split(n, stable_bucket)

    def reduce_bucket(self, parts: Sequence[Any], side: SideFiles) -> Any:
        from khabar.corpus.sitelines import SiteLineCounter

        total = SiteLineCounter(max_chars=self.config.max_line_chars)
        for part in parts:
            total.merge(part)
        return total.frequent(min_docs=self.config.min_docs, min_share=self.config.min_share)

    def combine(self, results: Sequence[Any], side: SideFiles) -> tuple[Any, Mapping[int, Any]]:
        # each domain is in one bucket only, so the buckets' lines join without conflict
        shared: dict[str, set[str]] = {}
        for frequent in results:
            shared.update(frequent)
        return shared, {}

    @staticmethod
    def _hits(doc: Document, decision: Any) -> list[int]:
        """The indices of the lines of ``doc`` that are its site's lines."""
        lines = decision.get(doc.domain) if doc.domain else None
        if not lines:
            return []
        (canonical_lines,) = deferred("khabar.corpus.keys:canonical_lines")
        # a non-blank line whose canonical form is a site line (a blank one's canonical form is "")
        return [i for i, line in enumerate(canonical_lines(doc.text)) if line and line in lines]

    def apply_uses_edits_or_raw(self, doc: Document, decision: Any) -> bool:
        """Only a document that loses lines has its edits moved (khabar.pipeline.uses_edits_or_raw)."""
        return bool(self._hits(doc, decision))

    def apply(self, doc: Document, decision: Any) -> Document:
        hits = self._hits(doc, decision)
        if hits:
            from khabar.corpus.sitelines import REASON

            self.stat("lines_removed", remove_lines(doc, hits, REASON))
            self.stat("docs_changed")
            if not doc.text.strip():
                doc.drop("empty_after_sitelines", self.name)
        return doc


class DedupStep(CorpusStep):
    """Exact and near duplicates on the canonical form (ZWNJ, spacing and letter variants folded)."""

    name = "dedup"
    version = 1
    section = "dedup"
    summary = "drop exact and near duplicates (MinHash LSH on canonical text); keep one per cluster"
    #: reads the text, sets metadata and drops (khabar.pipeline.uses_edits_or_raw)
    observe_uses_edits_or_raw: ClassVar[None] = None
    apply_uses_edits_or_raw: ClassVar[None] = None
    #: apply only marks or drops documents by the decision's orders
    apply_reads_text: ClassVar[bool] = False

    # Documents are known here by their reading order, not their id: ids taken from the input
    # may repeat across files (two dumps both numbering from 1), the order never does.

    def __init__(self, config: Any = None) -> None:
        super().__init__(config)
        self._seen: list[tuple[Any, str, bytes, str]] = []

    def setup(self) -> None:
        from khabar.corpus.dedup import dedup_keys

        dedup_keys(_WARM_TEXT, self.config)  # imports numpy, builds the permutations and tables

    def observe(self, doc: Document) -> None:
        Candidate, dedup_keys = deferred("khabar.corpus.dedup:Candidate",
                                         "khabar.corpus.dedup:dedup_keys")
        cand = Candidate(id=str(doc.order), order=(doc.order,), date=doc.meta.get("published"),
                         length=len(doc.text))
        key, sig = dedup_keys(doc.text, self.config)  # canonicalises the text once for both
        self._seen.append((cand, key, sig, doc.id))

    def state(self) -> Any:
        return self._seen

    def partition(self, state: Any, n: int, shard: int, side: SideFiles) -> list[Any]:
        from khabar.corpus.dedup_buckets import write_shard

        seen = [(cand.order[0], doc_id, cand.date, cand.length, key, sig)
                for cand, key, sig, doc_id in state or ()]
        return write_shard(seen, n, shard, side, self.config)

    def reduce_bucket(self, parts: Sequence[Any], side: SideFiles) -> Any:
        from khabar.corpus.dedup_buckets import reduce_bucket

        return reduce_bucket(parts, side, self.config)

    def combine(self, results: Sequence[Any], side: SideFiles) -> tuple[Any, Mapping[int, Any]]:
        from khabar.corpus.dedup_buckets import combine

        return None, combine(results, side)

    def touches(self, decision: Any) -> set[int]:
        """The copies and the kept heads: every other document :meth:`apply` leaves as it is."""
        if decision is None:
            return set()
        return set(decision.kept) | set(decision.duplicates)

    def apply(self, doc: Document, decision: Any) -> Document:
        if decision is None:  # this shard has no duplicate and no kept copy of one
            return doc
        # a cluster is named after the id of the copy it keeps
        cluster = decision.kept.get(doc.order)
        if cluster is not None:
            doc.meta["dup_cluster"] = cluster
            self.stat("clusters_kept")
            return doc
        dup = decision.duplicates.get(doc.order)
        if dup is None:
            return doc
        doc.meta["dup_cluster"] = dup.cluster_id
        doc.meta["dup_of"] = dup.kept_id
        doc.meta["dup_similarity"] = round(float(dup.similarity), 4)
        doc.drop(f"duplicate_{dup.kind}", self.name)
        return doc
