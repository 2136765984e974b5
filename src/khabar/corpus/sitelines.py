"""Site lines: lines a domain repeats on many of its pages (footers, share bars, bylines).

Two passes over a corpus. Pass 1 (map per shard, then :meth:`SiteLineCounter.merge`) counts, per
domain, in how many documents each line occurs, by its :func:`~khabar.corpus.keys.canonical` form,
so «انتهای پیام/» and «انتهاي پيام /» are one line. Pass 2 removes the frequent lines of a document's
own domain with :func:`remove_site_lines`, recording each removal.

Memory: every distinct canonical line of at most ``max_chars`` characters is kept as a key per
domain (its text is needed to return it, and a line seen once in each of many shards must still
add up after :meth:`SiteLineCounter.merge`). Longer lines (article paragraphs, almost all unique)
are not counted at all.

>>> counter = SiteLineCounter()
>>> for body in ["خبر اول\\nانتهای پیام/", "خبر دوم\\nانتهاي پيام /", "خبر سوم\\nانتهای پیام"]:
...     counter.add("isna.ir", body)
>>> counter.frequent(min_docs=3, min_share=0.5)
{'isna.ir': {'انتهای پیام'}}
>>> remove_site_lines("خبر چهارم\\nانتهای پیام/", {"انتهای پیام"})
('خبر چهارم', [Removed(text='انتهای پیام/', reason='site_line', line=1)])
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from collections.abc import Set as AbstractSet

from khabar.corpus.keys import canonical_lines
from khabar.document import Removed

__all__ = ["SiteLineCounter", "remove_site_lines"]

#: the reason written into :class:`~khabar.document.Removed` records
REASON = "site_line"


class SiteLineCounter:
    """Counts, per domain, the documents each canonical line occurs in (once per document).

    Mergeable across workers: ``a.merge(b)`` gives the counts of both shards. Picklable (plain
    dicts), so a worker can send its counter to the reducer.
    """

    def __init__(self, max_chars: int = 200) -> None:
        #: canonical lines longer than this are never site lines (they are article prose)
        self.max_chars = max_chars
        #: documents seen per domain
        self.docs: Counter[str] = Counter()
        #: domain -> canonical line -> documents it occurs in
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, domain: str, text: str) -> None:
        """Count the distinct canonical lines of one document of ``domain``."""
        self.docs[domain] += 1
        # the length test first: a line too long to count (article prose, most of the text) is
        # never hashed into the set
        max_chars = self.max_chars
        self.counts[domain].update({line for line in canonical_lines(text)
                                    if 0 < len(line) <= max_chars})

    def merge(self, other: SiteLineCounter) -> None:
        """Add ``other``'s counts into this counter (``other`` is left unchanged)."""
        if other.max_chars != self.max_chars:
            raise ValueError(
                f"cannot merge site-line counters with max_chars {self.max_chars} and "
                f"{other.max_chars}; every worker of a run must use the same setting"
            )
        self.docs.update(other.docs)
        for domain, theirs in other.counts.items():
            self.counts[domain].update(theirs)

    def split(self, n: int, bucket: Callable[[str, int], int]) -> list[SiteLineCounter]:
        """This counter's domains dealt into ``n`` counters by ``bucket(domain, n)`` (each domain
        whole in one of them, its counts shared, not copied): the map side of a bucketed reduce.
        """
        parts = [SiteLineCounter(max_chars=self.max_chars) for _ in range(n)]
        for domain, counts in self.counts.items():
            part = parts[bucket(domain, n)]
            part.docs[domain] = self.docs[domain]
            part.counts[domain] = counts
        return parts

    def frequent(self, min_docs: int = 3, min_share: float = 0.05) -> dict[str, set[str]]:
        """Return ``{domain: canonical lines}`` seen in ``>= min_docs`` documents of the domain and
        in at least ``min_share`` of them. Domains with no such line are left out.

        ``min_docs=3`` is the smallest count that tells a template from two articles quoting the
        same sentence; ``min_share=0.05`` keeps a line that a large site repeats in a few dozen of
        its 10,000 pages (a quote, a recurring headline) as text.
        """
        if min_docs < 2:
            raise ValueError(
                f"min_docs must be at least 2 (a line seen once is not a site line), got {min_docs}"
            )
        out: dict[str, set[str]] = {}
        for domain, counts in self.counts.items():
            need = max(min_docs, min_share * self.docs[domain])
            lines = {line for line, n in counts.items() if n >= need}
            if lines:
                out[domain] = lines
        return out


def remove_site_lines(text: str, lines: AbstractSet[str]) -> tuple[str, list[Removed]]:
    """Remove every line of ``text`` whose canonical form is in ``lines``.

    Returns the remaining lines joined by ``\\n`` (other lines unchanged, blank lines kept) and a
    :class:`~khabar.document.Removed` per removed line, with its index in the input.

    >>> remove_site_lines("متن خبر", {"انتهای پیام"})
    ('متن خبر', [])
    """
    if not lines:
        return text, []
    kept: list[str] = []
    removed: list[Removed] = []
    for i, (raw, line) in enumerate(zip(text.split("\n"), canonical_lines(text))):
        if line and line in lines:
            removed.append(Removed(text=raw, reason=REASON, line=i))
        else:
            kept.append(raw)
    return ("\n".join(kept), removed) if removed else (text, [])
