"""The ``khabar`` command: thin commands over importable functions.

Every command validates its arguments, calls the library function of the same name, and turns
a :class:`~khabar.errors.KhabarError` into one clear line on stderr and a distinct exit code:
2 usage or config error, 3 input error, 4 accounting error (a bug), 1 anything else.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from khabar import __version__

app = typer.Typer(
    name="khabar",
    help="khabar: the Persian web-text refinery (ZWNJ-aware repair, boilerplate removal, news "
         "structure, dedup, Parquet out).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
config_app = typer.Typer(help="Show the resolved configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")

EXIT_USAGE, EXIT_INPUT, EXIT_ACCOUNTING = 2, 3, 4


def _fail(exc: Exception) -> None:
    from khabar.errors import AccountingError, ConfigError, InputError, MissingExtraError
    from khabar.io.fs import MissingFilesystemError

    code = 1
    if isinstance(exc, (ConfigError, MissingExtraError, MissingFilesystemError)):
        code = EXIT_USAGE
    elif isinstance(exc, InputError):
        code = EXIT_INPUT
    elif isinstance(exc, AccountingError):
        code = EXIT_ACCOUNTING
    typer.echo(f"khabar: error: {exc}", err=True)
    raise typer.Exit(code)


def _split_flags(args: list[str]) -> tuple[list[str], list[str]]:
    """Separate ``--section.key value`` / ``--section.key=value`` flags (every config key is also a
    flag; ``khabar config show`` lists them) from positional arguments. Returns (positional,
    overrides as ``section.key=value``)."""
    from khabar.errors import ConfigError

    positional: list[str] = []
    out: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("--") and "." in arg.split("=", 1)[0]:
            name, eq, value = arg[2:].partition("=")
            if not eq:
                if i + 1 >= len(args):
                    raise ConfigError(f"{arg} needs a value, e.g. {arg} VALUE")
                value = args[i + 1]
                i += 1
            section, _, key = name.partition(".")
            out.append(f"{section}.{key.replace('-', '_')}={value}")
        elif arg.startswith("-") and arg != "-":
            raise ConfigError(f"unknown option {arg!r}. Config keys are flags written "
                              f"--section.key VALUE (e.g. --fix.digits latin); see 'khabar config show'")
        else:
            positional.append(arg)
        i += 1
    return positional, out


def _load_config(config: Path | None, sets: list[str], only: list[str] | None = None,
                 **run: Any) -> Any:
    from khabar.config import Config

    overrides = list(sets)
    for key, value in run.items():
        if value is not None:
            overrides.append(f"run.{key}={value}")
    return Config.load(config, overrides, only=only)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def refine(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(help="Input files, folders or globs (txt, jsonl[.gz|.zst], html, warc[.gz], parquet).")],
    # str, not Path: Path("s3://bucket/out") would be "s3:/bucket/out"
    output: Annotated[str, typer.Option("--output", "-o", help="Output folder: a path or a URL (s3://, gs://, az://; see docs/storage.md).")],
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML config file.")] = None,
    set_: Annotated[list[str], typer.Option("--set", help="Override a config key: section.key=value (repeatable).")] = [],  # noqa: B006
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")] = None,
    engine: Annotated[str, typer.Option(help="'local' (processes on this machine) or 'ray' (needs khabar[ray]).")] = "local",
    address: Annotated[str | None, typer.Option(help="Ray cluster address (with --engine ray); default: start a local Ray.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Start over if OUTDIR holds a run.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first rejected record.")] = False,
    keep_work: Annotated[bool, typer.Option("--keep-work", help="Keep the intermediate files in OUTDIR/_work.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Refine raw crawl files into a clean Parquet corpus in OUTPUT.

    Every config key is also a flag: --section.key VALUE (e.g. --fix.digits latin,
    --run.keep_raw false); 'khabar config show' lists them all.
    """
    from khabar.errors import InputError, KhabarError
    from khabar.refine import refine as run_refine

    try:
        inputs, flags = _split_flags([*inputs, *ctx.args])
        if not inputs:
            raise InputError("no input given: name files, folders or globs to refine")
        cfg = _load_config(config, [*set_, *flags], jobs=jobs,
                           force=force or None, fail_fast=fail_fast or None)
        from khabar.console import RichProgress, print_summary

        progress = RichProgress(enabled=not quiet)
        with progress:
            result = run_refine(inputs, output, cfg, engine=engine,
                                engine_options={"address": address} if address else None,
                                progress=progress, keep_work=keep_work)
        if not quiet:
            print_summary(result)
    except KhabarError as exc:
        _fail(exc)


def _fix_set_help() -> str:
    from khabar.text.policy import choices  # stdlib only: cheap at start-up

    options = "; ".join(f"{k}={'|'.join(v)}" for k, v in choices().items())
    return (f"Policy key=value, repeatable; the first value is the default: {options}; "
            "words=FILE[,FILE...]: your own words and exceptions, one per line as they must come "
            "out (بی‌نیوز, میروسلاو, «به منظور» kept apart); styles=FILE[,FILE...]: your own "
            "compound pairs (apart<TAB>news<TAB>tails, as khabar/data/style/news.tsv), alone or "
            "on top of style=news.")


_FIX_SET_HELP = _fix_set_help()


@app.command()
def fix(
    files: Annotated[list[Path] | None, typer.Argument(help="UTF-8 text files (default: stdin).")] = None,
    set_: Annotated[list[str], typer.Option("--set", help=_FIX_SET_HELP)] = [],  # noqa: B006
) -> None:
    """Repair Persian orthography line by line: one output line per input line, to stdout.

    Bytes that are not valid UTF-8 pass through unchanged, so nothing is lost.
    """
    import contextlib

    from khabar.errors import KhabarError

    try:
        # only the [fix] section: building every section's defaults imports every step's module
        # (readers, extract, dedup...), about 16 % of a one-line run's start-up
        cfg = _load_config(None, [f"fix.{s}" if not s.startswith("fix.") else s for s in set_],
                           only=["fix"])
        from khabar.gc_tuning import frozen_heap, rare_young_collections
        from khabar.text.fix import Fixer

        with contextlib.ExitStack() as opened:
            # every file is opened before any output, so a missing one fails with nothing written
            sources = ([opened.enter_context(open(f, "rb")) for f in files] if files
                       else [sys.stdin.buffer])
            # the engine's tables are built first and then kept out of the collector's passes
            # (khabar.gc_tuning): the same output, 2 % fewer instructions per line on glued PEYMA
            opened.enter_context(rare_young_collections())
            fixer = Fixer(cfg.fix)
            _ = fixer.repairer
            opened.enter_context(frozen_heap())
            for raw in sources:
                # a line ends at \n only; undecodable bytes pass through; whole lines out
                fixer.fix_file(raw, sys.stdout.buffer, end_line=True)
        sys.stdout.buffer.flush()
    except FileNotFoundError as exc:
        typer.echo(f"khabar: error: {exc.filename}: no such file", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except IsADirectoryError as exc:  # was a traceback and exit 1
        typer.echo(f"khabar: error: {exc.filename}: is a folder; name the files in it "
                   f"(khabar fix {exc.filename}/*.txt)", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except PermissionError as exc:
        typer.echo(f"khabar: error: {exc.filename}: cannot be read (permission denied)", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except BrokenPipeError:  # `khabar fix big.txt | head`: the reader has gone, stop quietly
        sys.stderr.close()
    except KhabarError as exc:
        _fail(exc)


@app.command()
def steps() -> None:
    """List the pipeline's steps with their versions, in the default order."""
    from khabar.config import DEFAULT_STEPS
    from khabar.steps.base import CorpusStep
    from khabar.steps.registry import STEPS, step_class

    for name in STEPS:
        cls = step_class(name)
        kind = "corpus" if issubclass(cls, CorpusStep) else "doc"
        default = "default" if name in DEFAULT_STEPS else ""
        typer.echo(f"{cls.name}.v{cls.version}\t{kind}\t{default}\t{cls.summary}")


@app.command()
def report(
    outdir: Annotated[str, typer.Argument(help="Output folder (or object-store URL) of a finished 'khabar refine' run.")],
) -> None:
    """Write OUTDIR/report.html again: the run report (self-contained, opens offline)."""
    from khabar.errors import KhabarError
    from khabar.report import build_report

    try:
        path = build_report(outdir)
    except KhabarError as exc:
        _fail(exc)
    typer.echo(str(path))


@app.command()
def inspect(
    outdir: Annotated[Path, typer.Argument(help="Output folder of a 'khabar refine' run.")],
    host: Annotated[str, typer.Option(help="Address to listen on (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port; 0 picks a free one.")] = 0,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the inspector in a browser.")] = False,
) -> None:
    """Search and read a refined corpus in the browser: every repair and removal shown."""
    from khabar.errors import KhabarError
    from khabar.web import serve

    try:
        serve(str(outdir), host=host, port=port, open_browser=open_browser)
    except KhabarError as exc:
        _fail(exc)


@config_app.command("show")
def config_show(
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML config file.")] = None,
    set_: Annotated[list[str], typer.Option("--set", help="section.key=value (repeatable).")] = [],  # noqa: B006
) -> None:
    """Print the resolved configuration as TOML (defaults < file < KHABAR_* env < --set)."""
    from khabar.errors import KhabarError

    try:
        typer.echo(_load_config(config, set_).to_toml())
    except KhabarError as exc:
        _fail(exc)


def _version(value: bool) -> None:
    if value:
        from khabar import _native

        core = _native.status()
        typer.echo(f"khabar {__version__}\ncore: {core.mode} ({core.reason})")
        for module, status in _native.c_status().items():
            typer.echo(f"{module}: {status.mode} ({status.reason})")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    pass


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
