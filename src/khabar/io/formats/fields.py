"""Pick text, HTML, URL, id and date out of a record (a JSON object or a Parquet row).

Shared by the JSONL and Parquet readers so both formats honour the same field options.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from khabar.io.charset import UndecodableError, decode_text
from khabar.io.formats.base import (
    DATE_FIELDS,
    HTML_FIELDS,
    ID_FIELDS,
    TEXT_FIELDS,
    URL_FIELDS,
    ReadConfig,
    nul_problem,
)


@dataclass(frozen=True, slots=True)
class FieldNames:
    """The names a reader uses for one file: explicit from the config, or auto-detected."""

    text: tuple[str, ...]
    html: tuple[str, ...]
    url: tuple[str, ...]
    id: tuple[str, ...]
    date: tuple[str, ...]

    @classmethod
    def from_config(cls, config: ReadConfig) -> FieldNames:
        def pick(explicit: str | None, auto: tuple[str, ...]) -> tuple[str, ...]:
            return (explicit,) if explicit else auto

        return cls(
            text=pick(config.text_field, TEXT_FIELDS),
            html=pick(config.html_field, HTML_FIELDS),
            url=pick(config.url_field, URL_FIELDS),
            id=pick(config.id_field, ID_FIELDS),
            date=pick(config.date_field, DATE_FIELDS),
        )


@dataclass(frozen=True, slots=True)
class Picked:
    """What a record holds: the main fields, and every other field for ``meta["input"]``."""

    text: str
    html: str | None
    url: str | None
    id: str | None
    date: Any
    extra: dict[str, Any]
    replaced: int = 0
    #: the field ``text`` came from (``None``: none; the text is then empty)
    text_field: str | None = None


#: UTF-16 surrogates left alone in a str: JSON escapes like "\\ud800" that pair with nothing.
#: They cannot be encoded as UTF-8, so a writer would crash on them; they become U+FFFD.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with lone surrogates replaced by U+FFFD, and how many there were.

    >>> replace_surrogates("خبر\\ud800")
    ('خبر\\ufffd', 1)
    >>> replace_surrogates("خبر")
    ('خبر', 0)
    """
    # a str encodes to UTF-8 unless it holds a surrogate: the encoder finds out three times
    # faster than the regex scans a text without any (every text read from Parquet, most others)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        fixed, n = _LONE_SURROGATE.subn("\ufffd", text)
        return fixed, n
    return text, 0


class RecordProblem(ValueError):
    """The record cannot become a document; ``reason`` is the reject reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _first_key(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` the record has a value for, preferring one that is not blank
    (so an empty ``text`` does not hide a full ``body``)."""
    present = [n for n in names if n in record and record[n] is not None]
    for name in present:
        value = record[name]
        if not isinstance(value, str) or value.strip():
            return name
    return present[0] if present else None


def jsonable(value: Any) -> Any:
    """``value`` as something ``json.dumps`` accepts (dates to ISO strings, bytes to base64).

    >>> jsonable({"d": dt.date(2020, 2, 18), "b": b"ok", "n": float("nan")})
    {'d': '2020-02-18', 'b': 'b2s=', 'n': None}
    """
    if isinstance(value, str):
        return replace_surrogates(value)[0]
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return str(value)


def _as_text(value: Any, name: str, config: ReadConfig, *,
             no_surrogates: bool = False) -> tuple[str, int]:
    """A text or HTML field's value as a string, with the count of replaced bytes; with
    ``no_surrogates`` its strings are known to hold no lone surrogate and are not scanned."""
    if isinstance(value, str):
        return (value, 0) if no_surrogates else replace_surrogates(value)
    if isinstance(value, (bytes, bytearray)):
        try:
            decoded = decode_text(bytes(value), max_replaced_ratio=config.max_replaced_ratio)
        except UndecodableError as exc:
            raise RecordProblem("decode_error", f"field {name!r}: {exc.detail}") from exc
        return decoded.text, decoded.replaced
    # a list of paragraphs is text too (some scrapers store the body that way)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        joined = "\n\n".join(value)
        return (joined, 0) if no_surrogates else replace_surrogates(joined)
    raise RecordProblem(
        "invalid_text_field",
        f"field {name!r} holds a value of type {type(value).__name__}, not a string",
    )


def _scalar_str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def pick_fields(record: Mapping[str, Any], names: FieldNames, config: ReadConfig, *,
                no_surrogates: bool = False) -> Picked:
    """The text, HTML, URL, id and date of ``record``, and its other fields.

    ``no_surrogates``: the record's strings were decoded from UTF-8 by a decoder that refuses
    surrogates (pyarrow's, for a Parquet file: CPython's strict UTF-8 decoder), so its text and
    HTML hold no lone surrogate and are not scanned for them (~7 CPU us of a ~4 KB text).

    Raises:
        RecordProblem: no text or HTML field (``no_text_field``), a field of the wrong type
            (``invalid_text_field``), undecodable bytes (``decode_error``), NUL characters
            (``nul_bytes``), or only whitespace (``empty_text``).

    >>> names = FieldNames.from_config(ReadConfig())
    >>> p = pick_fields({"id": 7, "body": "متن خبر", "link": "https://a.ir/1", "lang": "fa"},
    ...                 names, ReadConfig())
    >>> (p.text, p.id, p.url, p.extra)
    ('متن خبر', '7', 'https://a.ir/1', {'lang': 'fa'})
    """
    text_key = _first_key(record, names.text)
    html_key = _first_key(record, names.html)
    if text_key is None and html_key is None:
        present = ", ".join(sorted(map(str, record))[:12]) or "none"
        raise RecordProblem(
            "no_text_field",
            f"no field named {' / '.join(names.text)} (fields present: {present}); "
            "name the text field with text_field=",
        )
    text, replaced = (_as_text(record[text_key], text_key, config, no_surrogates=no_surrogates)
                      if text_key else ("", 0))
    html = None
    if html_key:
        html, html_replaced = _as_text(record[html_key], html_key, config,
                                       no_surrogates=no_surrogates)
        replaced += html_replaced
    for name, value in ((text_key, text), (html_key, html)):
        problem = nul_problem(value) if value else None
        if problem:
            raise RecordProblem("nul_bytes", f"field {name!r}: {problem}")
    if not text.strip() and not (html and html.strip()):
        raise RecordProblem("empty_text", f"field {text_key or html_key!r} is empty")
    url_key = _first_key(record, names.url)
    id_key = _first_key(record, names.id)
    date_key = _first_key(record, names.date)
    used = {text_key, html_key, url_key, id_key, date_key}
    return Picked(
        text=text,
        html=html,
        url=_scalar_str(jsonable(record[url_key])) if url_key else None,
        id=_scalar_str(jsonable(record[id_key])) if id_key else None,
        date=jsonable(record[date_key]) if date_key else None,
        extra={str(k): jsonable(v) for k, v in record.items() if k not in used},
        replaced=replaced,
        text_field=text_key,
    )
