"""Configuration: one typed, frozen dataclass per section, resolved from layers.

Precedence, lowest first: the defaults in each section's dataclass < a TOML file (``--config``) <
environment variables ``KHABAR_<SECTION>__<KEY>`` < command-line ``--set section.key=value``.
Each section's dataclass lives next to the code it configures (``fix`` -> ``khabar.text.policy``),
so there is one source of truth for every default; this module only finds and fills them.

>>> cfg = Config.load(overrides=["run.jobs=1"])
>>> cfg.run.jobs
1
>>> Config.load(overrides=["run.nope=1"])
Traceback (most recent call last):
...
khabar.errors.ConfigError: unknown key 'nope' in section [run]; valid keys: ...
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import tomllib
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from khabar.errors import ConfigError

#: the default pipeline, in order. Boilerplate is removed before repair so that removed lines are
#: recorded as they stood in the input and repair offsets refer to the text that is kept.
DEFAULT_STEPS: tuple[str, ...] = (
    "extract",
    "boilerplate",
    "fix",
    "langid",
    "sitelines",
    "structure",
    "quality",
    "dedup",
)


@dataclass(frozen=True, slots=True)
class RunConfig:
    """How a run is carried out (not what it does to text)."""

    #: the pipeline's steps in order (see ``khabar steps``)
    steps: tuple[str, ...] = DEFAULT_STEPS
    #: worker processes; 0 = one per core
    jobs: int = 0
    #: keep the input text (before repair) in the ``raw`` column: the inspector shows it; turn off
    #: to halve the output size of very large runs
    keep_raw: bool = True
    #: keep every repair of the fix step in the ``edits`` column, and their number in
    #: ``repairs``: the inspector marks them and the report counts them by rule. Turn off for very
    #: large runs: the fix step then repairs without recording edits (about 0.6 of ~5 CPU ms per
    #: 4 KB document, bench/throughput/results.md) and both columns are null
    keep_edits: bool = True
    #: input files are grouped into shards of about this many bytes (one task each); a larger
    #: file is a shard of its own
    shard_bytes: int = 128 * 1024 * 1024
    #: ...and the input is split into at least this many shards when it has that many files, so
    #: a small corpus keeps every worker busy (the split never depends on -j)
    min_shards: int = 16
    #: corpus-level steps (site lines, duplicates) reduce in this many hash buckets, one task
    #: each, so no process holds the whole corpus's observations. 0 = one bucket per 2 GiB of
    #: input, at least 16 (1,000,000 documents of 4 KB, 2.3 GB of Parquet: the largest dedup
    #: task then held 147 MB, bench/neardup/README.md)
    reduce_buckets: int = 0
    #: rows per Parquet row group in the output
    row_group_rows: int = 1000
    #: compression of the work files between stages (Arrow IPC, each removed once its shard's
    #: next stage has read it): "none" is cheapest in CPU (about 17 KB per ~4 KB document on
    #: disk); "lz4" about halves that (8.4 KB) for ~0.05 CPU ms more per document and work file,
    #: "zstd" a little smaller and slower (bench/throughput/io11.md). For crawls whose work
    #: folder would not fit on the disk
    work_compression: Literal["none", "lz4", "zstd"] = "none"
    #: start over even if OUTDIR holds a finished or partial run
    force: bool = False
    #: stop at the first rejected record instead of recording it and going on
    fail_fast: bool = False
    #: seconds one stage's steps together may spend on one document before it is rejected
    #: (``step_timeout_<step>``, naming the step that was running) and the run goes on; 0 = no
    #: limit. Generous: a normal news page takes milliseconds
    doc_timeout: float = 60.0

    def __post_init__(self) -> None:
        for name in ("shard_bytes", "min_shards", "row_group_rows"):
            if getattr(self, name) < 1:
                raise ValueError(f"run.{name} must be at least 1, got {getattr(self, name)}")
        if self.reduce_buckets < 0:
            raise ValueError(f"run.reduce_buckets must be 0 (automatic) or more, got "
                             f"{self.reduce_buckets}")

    def buckets_for(self, input_bytes: int) -> int:
        """The number of reduce buckets for a run over ``input_bytes`` of input: the setting,
        or when it is 0 one per 2 GiB, at least 16 (it depends on the inputs only, never on the
        workers, so a resumed run finds the same buckets).

        >>> RunConfig().buckets_for(10 * 2**30), RunConfig().buckets_for(100 * 2**30)
        (16, 50)
        """
        if self.reduce_buckets:
            return self.reduce_buckets
        return max(16, -(-input_bytes // (2 * 2**30)))


@dataclass(frozen=True, slots=True)
class SiteLinesConfig:
    """Lines repeated across many pages of one site are boilerplate (menus, footers, sponsors)."""

    #: a line must appear in at least this many documents of a domain...
    min_docs: int = 3
    #: ...and in at least this share of the domain's documents: 0.05 keeps a sentence that a large
    #: site quotes in a few dozen of its 10,000 pages as text, while a template line is on most
    min_share: float = 0.05
    #: lines longer than this (in characters) are never treated as site boilerplate: a real
    #: paragraph quoted on many pages is content
    max_line_chars: int = 200


@dataclass(frozen=True, slots=True)
class LangIdConfig:
    """Which languages to keep."""

    #: ISO 639-1 codes of languages whose documents are kept
    keep: tuple[str, ...] = ("fa",)
    #: ask the statistical model (extra ``lid``: lingua) when the script check has no evidence
    #: either way (mostly Latin text, names the language instead of ``zxx-latn``). Off by default:
    #: the script check alone misfiled none of 3,172 Persian articles, and the model costs about
    #: 140 MB per worker
    use_model: bool = False


#: section name -> (module, dataclass name); modules are imported only when the section is used
SECTIONS: dict[str, tuple[str, str]] = {
    "run": ("khabar.config", "RunConfig"),
    "read": ("khabar.io.readers", "ReadConfig"),
    "extract": ("khabar.extract.html", "ExtractConfig"),
    "boilerplate": ("khabar.news.boilerplate", "BoilerplateConfig"),
    "fix": ("khabar.text.policy", "FixPolicy"),
    "langid": ("khabar.config", "LangIdConfig"),
    "sitelines": ("khabar.config", "SiteLinesConfig"),
    "quality": ("khabar.corpus.quality", "QualityConfig"),
    "dedup": ("khabar.corpus.dedup", "MinHashConfig"),
}


def section_class(name: str) -> type:
    if name not in SECTIONS:
        raise ConfigError(f"unknown config section [{name}]; valid sections: {', '.join(SECTIONS)}")
    module, cls = SECTIONS[name]
    return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]


def _coerce(value: Any, typ: Any, where: str) -> Any:
    """Turn a TOML or command-line value into the field's declared type."""
    origin = typing.get_origin(typ)
    args = typing.get_args(typ)
    if origin in (typing.Union, types.UnionType):
        none_word = isinstance(value, str) and value.lower() in ("none", "null", "")
        if (value is None or none_word) and type(None) in args:
            return None
        errors = []
        for a in args:
            if a is type(None):
                continue
            try:
                return _coerce(value, a, where)
            except ConfigError as e:
                errors.append(str(e))
        raise ConfigError("; ".join(errors) or f"{where}: cannot use {value!r}")
    if origin is typing.Literal:
        if value in args:
            return value
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(map(repr, args))}")
    if origin in (tuple, list, Sequence):
        items = value.split(",") if isinstance(value, str) else list(value)
        items = [i.strip() if isinstance(i, str) else i for i in items if i != ""]
        inner = args[0] if args else str
        out = [_coerce(i, inner, where) for i in items]
        return tuple(out) if origin is tuple else out
    if isinstance(typ, type) and issubclass(typ, Enum):
        try:
            return typ(value)
        except ValueError:
            valid = ", ".join(repr(m.value) for m in typ)
            raise ConfigError(f"{where}: {value!r} is not valid; choose one of {valid}") from None
    if typ is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "1", "yes", "on"):
            return True
        if isinstance(value, str) and value.lower() in ("false", "0", "no", "off"):
            return False
        raise ConfigError(f"{where}: {value!r} is not a boolean (true/false)")
    if typ in (int, float):
        try:
            return typ(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: {value!r} is not a number ({typ.__name__})") from None
    if typ is str:
        if isinstance(value, str):
            return value
        raise ConfigError(f"{where}: {value!r} is not a string")
    return value


def _build(section: str, values: Mapping[str, Any]) -> Any:
    cls = section_class(section)
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    kwargs = {}
    for key, value in values.items():
        if key not in names:
            raise ConfigError(f"unknown key {key!r} in section [{section}]; "
                              f"valid keys: {', '.join(names)}")
        kwargs[key] = _coerce(value, hints[key], f"{section}.{key}")
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as e:
        if isinstance(e, ConfigError):
            raise
        raise ConfigError(f"[{section}]: {e}") from e


@dataclass(frozen=True)
class Config:
    """The resolved configuration of a run: one dataclass instance per section."""

    sections: Mapping[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        # only section names: dunder look-ups (pickle asks for __setstate__ before the instance
        # has its fields) must fail plainly instead of recursing into self.sections
        if name.startswith("_") or name == "sections":
            raise AttributeError(name)
        try:
            return self.sections[name]
        except KeyError:
            raise AttributeError(name) from None

    def section(self, name: str) -> Any:
        return self.sections[name]

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, overrides: Sequence[str] = (),
             env: Mapping[str, str] | None = None, only: Sequence[str] | None = None) -> Config:
        """Resolve defaults < TOML file < environment < overrides (``section.key=value``)."""
        layers: dict[str, dict[str, Any]] = {}
        if path is not None:
            p = Path(path)
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise ConfigError(f"config file {p} does not exist; check the --config path") from None
            except tomllib.TOMLDecodeError as e:
                raise ConfigError(f"config file {p} is not valid TOML: {e}") from None
            for sec, values in data.items():
                if not isinstance(values, dict):
                    raise ConfigError(f"{p}: top-level key {sec!r} must be a [section] table; "
                                      f"valid sections: {', '.join(SECTIONS)}")
                section_class(sec)
                layers.setdefault(sec, {}).update(values)
        for k, v in (os.environ if env is None else env).items():
            if k.startswith("KHABAR_") and "__" in k:
                sec, _, key = k[len("KHABAR_"):].partition("__")
                if sec.lower() in SECTIONS:
                    layers.setdefault(sec.lower(), {})[key.lower()] = v
        for item in overrides:
            key, eq, value = item.partition("=")
            sec, dot, name = key.strip().partition(".")
            if not eq or not dot:
                raise ConfigError(f"--set {item!r}: write it as section.key=value, e.g. fix.digits=latin")
            section_class(sec)
            layers.setdefault(sec, {})[name] = value
        names = list(only) if only is not None else list(SECTIONS)
        for sec in layers:
            if sec not in names:
                names.append(sec)
        return cls({sec: _build(sec, layers.get(sec, {})) for sec in names})

    def to_dict(self) -> dict[str, dict[str, Any]]:
        def plain(v: Any) -> Any:
            if isinstance(v, Enum):
                return v.value
            if isinstance(v, (tuple, list)):
                return [plain(i) for i in v]
            return v

        return {sec: {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
                for sec, obj in self.sections.items()}

    def to_toml(self) -> str:
        """The resolved configuration as TOML (``khabar config show``); ``None`` values are
        written as comments, since TOML has no null."""
        import json

        lines: list[str] = []
        for sec, values in self.to_dict().items():
            lines.append(f"[{sec}]")
            for k, v in values.items():
                if v is None:
                    lines.append(f"# {k} = (unset)")
                else:
                    lines.append(f"{k} = {json.dumps(v, ensure_ascii=False)}")
            lines.append("")
        return "\n".join(lines)
