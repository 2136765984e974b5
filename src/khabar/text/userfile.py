"""Reading a file the user names (``FixPolicy.words``, ``FixPolicy.styles``): one set of errors.

Each error says what is wrong with the file and how to fix it, naming it as ``what`` (``word
file mine.txt``); the caller puts its own option in front (``fix.words: ...``).

>>> read_user_text("nosuch.txt", "word file")
Traceback (most recent call last):
...
khabar.text.userfile.UserFileError: word file nosuch.txt does not exist; check the path
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["UserFileError", "read_user_text"]


class UserFileError(ValueError):
    """A user's file cannot be read as UTF-8 text; the message names it and says how to fix it."""


def read_user_text(path: str | Path, what: str) -> str:
    """The text of the file at ``path``: UTF-8, a byte-order mark (Windows editors write one)
    dropped, ``\\r\\n`` read as ``\\n``. A relative path is read from the working folder.

    Raises:
        UserFileError: the file is missing, a folder, unreadable or not UTF-8.
    """
    where = f"{what} {path}"
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserFileError(f"{where} does not exist; check the path") from None
    except IsADirectoryError:
        raise UserFileError(f"{where} is a folder; name a file in it") from None
    except UnicodeDecodeError as exc:
        raise UserFileError(f"{where} is not UTF-8 ({exc.reason}); save it as UTF-8") from None
    except OSError as exc:
        raise UserFileError(f"{where} cannot be read ({exc.strerror}); check its permissions") from None
