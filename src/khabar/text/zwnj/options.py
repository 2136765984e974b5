"""The repairer's options (:class:`NonJoiner`, :class:`Trust`, :class:`Spaced`) and their
check.
"""

from __future__ import annotations

import enum
from typing import TypeVar


class NonJoiner(enum.Enum):
    """What to do with a ZWNJ after a letter that does not join (``ا د ذ ر ز ژ و``).

    Such a ZWNJ is invisible (``کار‌ها`` looks like ``کارها``) and both spellings are accepted
    Persian, so the default keeps what the author wrote.
    """

    KEEP = "keep"
    REMOVE = "remove"


class Trust(enum.Enum):
    """Whether a line's own spelling decides how far its glued words are repaired.

    Both kinds of damage strip a line of every ZWNJ (``glued``: dropped, ``spaced``: turned into
    spaces), so a line that still has ZWNJs between its letters was written by someone who uses
    them, and its glued words (``کتابها``, ``بزرگترین``) and words written apart (``آبان ماه``)
    are that author's spelling: Persian allows both, and the UD Seraji treebank and PEYMA news
    write them so. The default, ``LINE``, therefore:

    * in a line with a ZWNJ between two letters: removes stray ZWNJs and joins only a bare
      ``می`` or plural written apart (``می شود``, ``کتاب ها``), never splits a glued word;
    * in a line whose ZWNJs became spaces (a bare ``می`` or plural ``ها`` is joined): splits only
      a glued verbal prefix (``میشود``), since a glued noun there (``ارزشها``) was glued by its
      author, and joins two words the lexicon writes joined at least as often as apart
      (``رئیس جمهور``; elsewhere joined ``JOIN_MARGIN`` times as often is needed);
    * in a line whose ZWNJs were dropped (a glued verbal prefix is split, ``میشود``, or three
      other glued words): joins no
      two words written apart (``آبان ماه``), since the damage glued, it did not space;
    * in a line with none of these: repairs every word.

    In every line but one whose ZWNJs were dropped, a glued verb form that is itself a word the
    lexicon writes glued (``میدانی``, field, beside ``می‌دانی``, you know; see
    ``WHOLE_WORD_COUNT``) stays whole and is no sign of dropped ZWNJs: ``بررسی میدانی`` and
    ``دو و میدانی`` are right as they stand.

    ``NONE`` repairs every line alike, as if no line showed its author's habits.
    """

    LINE = "line"
    NONE = "none"


class Spaced(enum.Enum):
    """Whether to join two words written apart that the lexicon writes as one (``کتاب ها``).

    The default joins them: a spaced affix (``می باشد``) is the most common ZWNJ damage on
    the web. ``KEEP`` restores only glued words and removes stray ZWNJs.
    """

    JOIN = "join"
    KEEP = "keep"


_E = TypeVar("_E", bound=enum.Enum)


def _check_enum(value: object, kind: type[_E], name: str) -> _E:
    # ValueError, not TypeError: the project's rule for style options (see STYLE.md)
    if not isinstance(value, kind):
        options = ", ".join(f"{kind.__name__}.{m.name}" for m in kind)
        raise ValueError(f"{name} must be one of {options}, got {value!r}")  # noqa: TRY004
    return value
