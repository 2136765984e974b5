"""``khabar inspect``: a local, read-only web inspector over a refined corpus.

Search (any spelling of a Persian word finds it), a right-to-left document view with every repair
highlighted and every removed line struck through in place, and the run's counts and report.

``import khabar.web`` is light: FastAPI, uvicorn and Jinja2 (the ``web`` extra) are imported when
:func:`serve` or :func:`khabar.web.app.create_app` is called; the index (:mod:`khabar.web.index`)
needs only the standard library's sqlite3 and pyarrow.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import Any, TextIO

__all__ = ["bind", "make_server", "serve"]


def bind(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: a free port chosen by the system)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.setblocking(False)
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def make_server(outdir: str | os.PathLike[str], host: str = "127.0.0.1", port: int = 0,
                **app_options: Any) -> tuple[Any, socket.socket, str]:
    """Build the app and bind its socket without serving yet: ``(uvicorn server, socket, url)``.

    Call ``server.run(sockets=[sock])`` to serve (blocking; set ``server.should_exit = True`` from
    another thread to stop). Tests run it in a thread on a free port.
    """
    from khabar._optional import require
    from khabar.web.app import LOCAL_HOSTS, create_app

    uvicorn = require("uvicorn", extra="web", feature="khabar inspect")
    local = host in LOCAL_HOSTS
    app_options.setdefault("allowed_hosts", LOCAL_HOSTS if local else ("*",))
    app = create_app(outdir, **app_options)
    sock = bind(host, port)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False)
    return uvicorn.Server(config), sock, _url(sock)


def serve(outdir: str, host: str = "127.0.0.1", port: int = 0, open_browser: bool = False,
          *, out: TextIO | None = None) -> None:
    """Serve the inspector for the refined corpus in ``outdir`` until interrupted (Ctrl-C).

    Builds ``OUTDIR/inspect.sqlite`` first when it is missing or older than the corpus, prints
    the URL with the port it bound (``port=0``: a free one), and opens a browser if asked.

    Args:
        outdir: the folder ``khabar refine -o OUTDIR`` wrote.
        host: the address to listen on; keep the default (this machine only) unless the corpus
            may be read by anyone who can reach the address.
        port: the TCP port; 0 picks a free one.
        open_browser: open the URL in the default browser once serving.
        out: where to print the URL (default: stdout).

    Raises:
        InputError: ``outdir`` is not a refined corpus.
        MissingExtraError: the ``web`` extra (fastapi, uvicorn, jinja2) is not installed.
    """
    from khabar.errors import InputError

    stream = out or sys.stdout
    root = Path(outdir)
    if not root.is_dir():
        raise InputError(f"{outdir} is not a folder. Give the folder that "
                         f"'khabar refine -o OUTDIR' wrote")
    print(f"khabar inspect: indexing {root} (first start or changed corpus only)...", file=stream,
          flush=True)
    server, sock, url = make_server(outdir, host, port)
    if host not in ("127.0.0.1", "localhost", "::1", "[::1]"):
        print(f"khabar inspect: warning: listening on {host}: anyone who can reach this "
              f"address can read the corpus", file=stream, flush=True)
    print(f"khabar inspect: serving {root} at {url}  (Ctrl-C to stop)", file=stream, flush=True)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
