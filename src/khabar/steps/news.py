"""News steps: HTML extraction, per-document boilerplate removal, and news structure."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any, ClassVar

from khabar.document import Document, Removed
from khabar.steps.base import Step, deferred

_PRIMITIVES = (str, int, float, bool, type(None))
#: what StructureStep.setup() runs once per worker: a title opening with an agency, a dateline,
#: and enough dated text (256+ characters) for the numpy paths of khabar.dates
_WARM_TEXT = "خبرگزاری فارس: عنوان خبر\nتهران- ایرنا-\nمتن خبر.\n" + "در ۱۹ مهر ۱۴۰۲ گفت. " * 16
_WARM_LEAD = "خبرگزاری فارس: خلاصه خبر.\nمتن خبر."
_WARM_ATTRIBUTION = "روزنامه جوان نوشت: خبر\nتهران- ایرنا-\nبه گزارش ایرنا"


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The names of a dataclass's fields, in order (``dataclasses.fields`` builds its tuple anew
    on every call: a third of :func:`_plain`'s time for a date)."""
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    """A JSON-friendly copy of a dataclass or value, for ``doc.meta``.

    >>> from khabar.news.dates import find_dates
    >>> _plain(find_dates("۱۹ مهر ۱۴۰۲"))[0]["iso"]
    '2023-10-11'
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {name: getattr(value, name) for name in _field_names(type(value))}
        if all(isinstance(v, _PRIMITIVES) for v in fields.values()):
            return fields  # what asdict() gives for a flat record (a date), without its deep copy
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


#: record fields (JSONL keys, Parquet columns) that give a title or a lead beside the text
TITLE_FIELDS = ("title", "headline")
LEAD_FIELDS = ("lead", "subtitle", "abstract", "summary", "description")


def _hints_from_record(doc: Document) -> None:
    record = doc.meta.get("input")
    if not isinstance(record, dict):
        return
    for key, fields in (("title_hint", TITLE_FIELDS), ("lead_hint", LEAD_FIELDS)):
        for name in fields:
            value = record.get(name)
            if isinstance(value, str) and value.strip():
                doc.meta.setdefault(key, value.strip())
                break


class ExtractStep(Step):
    name = "extract"
    version = 1
    section = "extract"
    summary = "HTML to main text without losing a character (ZWNJ kept); menus and footers dropped"

    def setup(self) -> None:
        import khabar.extract.html  # noqa: F401  (the parser library loads with it)

    def process(self, doc: Document) -> Document:
        _hints_from_record(doc)
        if doc.html is None or doc.text:
            self.stat("not_html")
            return doc
        from khabar.extract.html import ExtractFailure, extract_html

        result = extract_html(doc.html, doc.url, self.config)
        if isinstance(result, ExtractFailure):
            self.stat(f"failed.{result.reason}")
            doc.drop(result.reason, self.name)
            return doc
        self.stat("extracted")
        doc.text = result.text
        doc.raw = result.text
        if result.title:
            doc.meta["title_hint"] = result.title
        for key, value in (result.meta or {}).items():
            if value not in (None, "", [], {}):
                doc.meta.setdefault(f"html_{key}" if key not in ("published", "published_calendar")
                                    else key, _plain(value))
        for block in getattr(result, "removed", None) or []:
            doc.removed.append(Removed(block, "html_boilerplate", -1))
        doc.html = None  # the raw HTML is not carried further: it is large and not written
        return doc


class BoilerplateStep(Step):
    name = "boilerplate"
    version = 1
    section = "boilerplate"
    summary = "remove duplicated titles, related-links lists, share bars, sponsor and footer lines"

    def setup(self) -> None:
        from khabar.news.boilerplate import strip_boilerplate

        # a one-line text goes the whole way: the configured phrase table is read and indexed
        # (a malformed one fails here, before any document) and the fold tables are built
        strip_boilerplate("خبر", self.config)

    def process(self, doc: Document) -> Document:
        (strip_boilerplate,) = deferred("khabar.news.boilerplate:strip_boilerplate")
        text, removed = strip_boilerplate(doc.text, self.config)
        for r in removed:
            self.stat(f"removed.{r.reason}")
        doc.text = text
        if removed:  # most documents lose nothing
            doc.removed.extend(removed)
        if not text or text.isspace():  # not text.strip(), without copying the text
            doc.drop("empty_after_boilerplate", self.name)
        return doc


class StructureStep(Step):
    name = "structure"
    version = 1
    section = None
    summary = "title, lead and body paragraphs; agency, desk and cited source; dates"
    #: reads the text and metadata only (khabar.pipeline.uses_edits_or_raw)
    uses_edits_or_raw: ClassVar[None] = None

    def setup(self) -> None:
        from khabar.dates.mentions import find_dates
        from khabar.news.attribution import parse_attribution
        from khabar.news.structure import structure

        # loads the gazetteer and compiles the attribution patterns (each line reaches its own:
        # «... نوشت:», a dateline, «به گزارش ...»)
        parse_attribution(_WARM_ATTRIBUTION)
        # compiles the dateline and agency patterns (about 0.5 s) and builds the date tables
        # (a text of 256+ characters) before the per-document clock starts
        structure(_WARM_TEXT)
        structure(_WARM_LEAD, title_hint="عنوان")  # a lead's agency header (news.structure)
        find_dates(_WARM_TEXT)

    def process(self, doc: Document) -> Document:
        find_dates, parse_date, agency_for_domain, parse_attribution, structure = deferred(
            "khabar.dates.mentions:find_dates", "khabar.dates.mentions:parse_date",
            "khabar.news.attribution:agency_for_domain", "khabar.news.attribution:parse_attribution",
            "khabar.news.structure:structure")
        s = structure(doc.text, title_hint=doc.meta.pop("title_hint", None),
                      lead_hint=doc.meta.pop("lead_hint", None))
        doc.title, doc.lead, doc.paragraphs = s.title, s.lead, list(s.paragraphs)
        for key in ("byline", "dateline", "surtitle"):
            if getattr(s, key, None):
                doc.meta[key] = getattr(s, key)
        att = parse_attribution(doc.text)
        if att.form:
            doc.meta["attribution_form"] = att.form
        for key in ("agency", "agency_id", "desk", "cited_source", "cited_source_id", "reporter",
                    "city"):
            value = getattr(att, key, None)
            if value:
                doc.meta[key] = value
        if not doc.meta.get("agency") and doc.domain:
            agency = agency_for_domain(doc.domain)
            if agency:
                doc.meta["agency"] = agency
                doc.meta["agency_from"] = "domain"
        if doc.meta.get("agency"):
            self.stat("with_agency")
        mentions = find_dates(doc.text)
        if mentions:
            doc.meta["dates_mentioned"] = [_plain(m) for m in mentions]
        if not doc.meta.get("published"):
            raw_date = doc.meta.get("date")
            parsed = parse_date(str(raw_date)) if raw_date else None
            if parsed is not None and parsed.iso:
                doc.meta["published"] = parsed.iso
                doc.meta["published_calendar"] = parsed.calendar
        if not doc.meta.get("published") and doc.url:
            from khabar.dates.urls import date_from_url

            in_url = date_from_url(doc.url)
            if in_url is not None:
                doc.meta.update(published=in_url.iso, published_calendar=in_url.calendar,
                                published_from="url")
        if doc.meta.get("published"):
            self.stat("with_date")
        if doc.title:
            self.stat("with_title")
        return doc
