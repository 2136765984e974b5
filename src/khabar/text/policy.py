"""Style choices of :func:`khabar.fix`: what is a matter of taste, as opposed to what is wrong.

``fix`` does two kinds of work. *Canonicalisation* is always on, because the input is wrong or
invisible-noisy and no reader wants it: Arabic ``ي``/``ك`` become Persian ``ی``/``ک``,
presentation forms fold to letters, zero-width junk and odd spaces go, runs of spaces collapse,
broken ZWNJs are removed. *Style* is a choice between spellings that are all correct Persian
(``۱۴۰۲`` or ``1402``, ``خانهٔ`` or ``خانۀ``), so it is a :class:`FixPolicy` field, and every
default below keeps correct text as it is: ``fix`` must do no harm to text that was already right.

>>> FixPolicy().digits
<Digits.KEEP: 'keep'>
>>> FixPolicy.from_kwargs(digits="latin").digits
<Digits.LATIN: 'latin'>
>>> FixPolicy.from_kwargs(digits="roman")
Traceback (most recent call last):
...
khabar.errors.ConfigError: digits='roman' is not a valid choice; valid choices: keep, persian, latin
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum
from os import PathLike, fspath
from typing import Any, TypeVar

from khabar.errors import ConfigError

_T = TypeVar("_T")

try:
    from mypy_extensions import mypyc_attr
except ImportError:  # installed without mypy: the decorator only speaks to mypyc

    def mypyc_attr(*attrs: str, **kwattrs: object) -> Callable[[_T], _T]:
        return lambda cls: cls


__all__ = [
    "Diacritics",
    "Digits",
    "FixPolicy",
    "HehYeh",
    "PunctSpacing",
    "Style",
    "Tatweel",
    "TehMarbuta",
    "Zwnj",
    "ZwnjNonJoiner",
    "ZwnjTrust",
    "choices",
]


class Digits(StrEnum):
    """Which digits numbers are written with."""

    KEEP = "keep"  #: leave every digit as written
    PERSIAN = "persian"  #: ۰۱۲۳۴۵۶۷۸۹ (from ASCII and Arabic-Indic)
    LATIN = "latin"  #: 0123456789 (from Persian and Arabic-Indic)


class HehYeh(StrEnum):
    """How the ezafe after a final ه is written: ``خانهٔ من`` / ``خانۀ من`` / ``خانه‌ی من``."""

    KEEP = "keep"  #: leave each as written
    HAMZA = "hamza"  #: ه + U+0654 HAMZA ABOVE (هٔ), the Academy's recommendation, as in UD PerDT
    LIGATURE = "ligature"  #: the single letter ۀ (U+06C0)
    YEH = "yeh"  #: ه + ZWNJ + ی (ه‌ی), the informal spelling


class TehMarbuta(StrEnum):
    """Whether ة in Arabic loans stays or is Persianised to ه."""

    KEEP = "keep"
    HEH = "heh"


class Diacritics(StrEnum):
    """Which short-vowel marks (harakat, U+064B..U+0652) are removed."""

    KEEP = "keep"  #: keep every mark
    STRAY = "stray"  #: remove marks that sit on no letter (after a space, digit, punctuation), and repeats
    REMOVE = (
        "remove"  #: remove all harakat (هٔ's hamza and superscript alef are letters' parts: kept)
    )


class Tatweel(StrEnum):
    """Whether the kashida U+0640 (ـ, a stretched joint) is kept."""

    KEEP = "keep"
    REMOVE = "remove"


class PunctSpacing(StrEnum):
    """How spaces around punctuation are repaired."""

    OFF = "off"  #: leave them
    #: add the missing space after ، ؛ : . ! ؟ ) » and before ( « when letters touch them, and
    #: remove the space before ، ؛ : ! ؟ . in a line that attaches one of ، ؛ ؟ ! to its word
    #: elsewhere (a slip of that writer: ``برنج ، روغن، تن``), never in a line that spaces them all
    ADD = "add"
    FULL = "full"  #: ADD, and also remove spaces before ، ؛ : . ! ؟ ) » and after ( «


class Zwnj(StrEnum):
    """Whether the ZWNJ engine (:mod:`khabar.text.zwnj`) restores half-spaces."""

    REPAIR = "repair"
    OFF = "off"


class ZwnjTrust(StrEnum):
    """How far a line's own spelling limits the ZWNJ engine (:class:`khabar.text.zwnj.Trust`)."""

    #: a line that writes ZWNJs keeps its glued words; a line whose ZWNJs became spaces keeps its
    #: glued nouns; a line whose ZWNJs were dropped keeps its words written apart
    LINE = "line"
    #: repair every word of every line alike, whatever the line shows of its author's habits
    NONE = "none"


class ZwnjNonJoiner(StrEnum):
    """Whether a ZWNJ after a letter that does not join (ا د ذ ر ز ژ و) is written
    (:class:`khabar.text.zwnj.NonJoiner`): ``کار‌ها`` or ``کارها``, which look the same."""

    #: keep the writer's; a join of two words written apart writes one (``کار ها`` → ``کار‌ها``)
    KEEP = "keep"
    #: remove every such ZWNJ, and join words written apart there with nothing (``کار ها`` →
    #: ``کارها``): one spelling per word, for search, dedup and tokenisers
    REMOVE = "remove"


class Style(StrEnum):
    """Which house style writes compound pairs (:mod:`khabar.text.style`): apart or joined."""

    #: as the UD treebanks write them, and the ZWNJ engine learned: به عنوان، این که، نه تنها
    TREEBANK = "treebank"
    #: as news agencies write them, with a ZWNJ: به‌عنوان، این‌که، نه‌تنها (data/style/news.tsv)
    NEWS = "news"


# A Python class, not a mypyc native one, even when this module is compiled: a native class checks
# each field's type when it is set, and FixPolicy(digits="latin") must reach __post_init__, which
# turns the string into the enum (or raises a ConfigError naming the valid choices).
@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class FixPolicy:
    """The style choices of one :func:`khabar.fix` call; hashable, so compiled tables are cached."""

    #: keep: Persian texts correctly use both ``۱۴۰۲`` (Seraji, most news sites) and ``1402``
    #: (UD PerDT, many agencies); converting would also rewrite numbers readers copy verbatim.
    digits: Digits = Digits.KEEP
    #: keep: ``هٔ`` and ``ۀ`` are both standard; forcing one would rewrite correct text, and
    #: ``ه‌ی`` is informal, a choice for the user to make.
    heh_yeh: HehYeh = HehYeh.KEEP
    #: keep: ة is the right spelling in many Arabic loans and names (آیة‌الله, دائرةالمعارف).
    teh_marbuta: TehMarbuta = TehMarbuta.KEEP
    #: stray: a mark with no letter under it is always noise, but marks on letters carry meaning
    #: and are standard Persian spelling (حتماً، اصلاً، مُد).
    diacritics: Diacritics = Diacritics.STRAY
    #: remove: kashida only stretches a joint for justified layout (مـــدیر); it is never part of a
    #: word, and it breaks search, dedup and tokenisers.
    tatweel: Tatweel = Tatweel.REMOVE
    #: add: a missing space after punctuation (کشور(اسرائیل → کشور (اسرائیل) is always wrong, but
    #: tokenised corpora (PEYMA: ``فارس ، رسول``) put a space before punctuation on purpose, and
    #: removing it (``full``) merges their tokens. ``add`` removes that space only in a line that
    #: also attaches a mark to its word, where it is the writer's slip (127 spaces in 8,524 lines
    #: of crawled news, each read; 0 lines of 6,000 social posts). Words changed on gold text
    #: (score_zwnj.py --mode intact, ZWNJ engine off): PEYMA 600K 15.8% with full, 0.04% with add
    #: (the same as off: ZWNJ+space removals, not punctuation); UD PerDT and Seraji dev 0% with
    #: each.
    punct_spacing: PunctSpacing = PunctSpacing.ADD
    #: repair: restoring lost half-spaces is the main point of ``khabar fix``.
    zwnj: Zwnj = Zwnj.REPAIR
    #: line: Persian allows both ``کتاب‌ها`` and ``کتابها``, ``آبان ماه`` and ``آبان‌ماه``; a line
    #: that still has ZWNJs shows how its author writes, and rewriting their glued words changed
    #: correct text. Words changed on intact text (bench/zwnj/run.py): Seraji dev 0.76% -> 0.17%,
    #: PEYMA 0.71% -> 0.13%, with glued and spaced F1 as good or better on all three dev sets.
    zwnj_trust: ZwnjTrust = ZwnjTrust.LINE
    #: keep: a ZWNJ after ا د ذ ر ز ژ و changes nothing on screen (``کار‌ها`` looks like
    #: ``کارها``), but it marks where two words meet, which a tokeniser splitting at ZWNJs
    #: reads (``خواهد‌شد``, ``منچستر‌یونایتد``, ``گفت‌و‌گو`` would become one token); removing
    #: it rewrites correct text. Such ZWNJs between two letters: UD PerDT dev 0 of 1,949 ZWNJs,
    #: Seraji dev 37 of 1,066, crawled news 121 of 9,056, social posts 640 of 9,008
    #: (bench/fix/audit19d.md). ``remove`` gives one spelling per word, for text compared
    #: byte for byte; score_zwnj.py ignores ZWNJs after those letters, so F1 is the same.
    zwnj_nonjoiner: ZwnjNonJoiner = ZwnjNonJoiner.KEEP
    #: treebank: «به عنوان» and «به‌عنوان», «این که» and «این‌که» are both correct Persian; the
    #: default keeps the engine's spelling (the UD treebanks': PerDT+Seraji train write «به عنوان»
    #: 319 times, never with a ZWNJ), so correct text written apart stays apart. news joins the
    #: pairs of khabar/data/style/news.tsv after the engine, for corpora in agency style: PEYMA
    #: spaced F1 0.870 -> 0.894, but words changed on intact treebank text 0.1% -> 0.9% (PerDT,
    #: Seraji dev; bench/zwnj/quick.py --set style=news, both halves alike).
    style: Style = Style.TREEBANK
    #: (): no user files. Otherwise the ZWNJ engine's lexicon plus these user files, applied in
    #: order (format in :mod:`khabar.text.lexicon`: one word per line as it must come out,
    #: ``بی‌نیوز`` joins ``بی نیوز`` and ``بینیوز``, ``میروسلاو`` is never split, ``به منظور``
    #: never joined); ``khabar fix --set words=mine.txt``, ``--fix.words mine.txt`` for
    #: ``khabar refine``, ``fix(text, words=["mine.txt"])``. A pair kept apart here is kept
    #: apart by ``style`` and ``styles`` too (a style file joining it is a ConfigError). A file
    #: is read when a Fixer first needs its engine, and when it is made if a style would join
    #: something; relative paths are read from the working folder.
    words: tuple[str, ...] = ()
    #: (): no user style files. Otherwise ``style``'s pairs (none for ``treebank``) with the
    #: pairs of these files, in news.tsv's format (khabar/data/style/README.md), a later row
    #: replacing an earlier one of the same words and a row whose news column is ``-`` dropping
    #: it: ``--set styles=agency.tsv`` alone, ``--set style=news --set styles=agency.tsv`` on
    #: top of news. A list of files, not a third ``style`` value: ``style`` stays a closed
    #: choice, the two choices combine, and files are paths as in ``words``
    #: (``--fix.styles FILE`` for ``khabar refine``, ``fix(text, styles=["agency.tsv"])``).
    #: A Fixer reads them when it is made; relative paths are read from the working folder.
    styles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _FILES:
                object.__setattr__(self, f.name, _paths(f.name, value))
                continue
            enum_type = _ENUMS[f.name]
            if not isinstance(value, enum_type):
                object.__setattr__(self, f.name, _parse(f.name, enum_type, value))

    @classmethod
    def from_kwargs(cls, **policy: Any) -> FixPolicy:
        """Build a policy from ``fix(text, **policy)`` keywords, naming the valid keys on a typo.

        >>> FixPolicy.from_kwargs(digit="latin")
        Traceback (most recent call last):
        ...
        khabar.errors.ConfigError: unknown fix policy option 'digit'; valid options: digits, heh_yeh, teh_marbuta, diacritics, tatweel, punct_spacing, zwnj, zwnj_trust, zwnj_nonjoiner, style, words, styles
        """
        unknown = [k for k in policy if k not in _ENUMS and k not in _FILES]
        if unknown:
            raise ConfigError(
                f"unknown fix policy option {unknown[0]!r}; valid options: "
                f"{', '.join([*_ENUMS, *_FILES])}"
            )
        return cls(**policy)


_ENUMS: dict[str, type[StrEnum]] = {
    "digits": Digits,
    "heh_yeh": HehYeh,
    "teh_marbuta": TehMarbuta,
    "diacritics": Diacritics,
    "tatweel": Tatweel,
    "punct_spacing": PunctSpacing,
    "zwnj": Zwnj,
    "zwnj_trust": ZwnjTrust,
    "zwnj_nonjoiner": ZwnjNonJoiner,
    "style": Style,
}
#: the fields that name user files, and what their files hold (for error messages)
_FILES: dict[str, str] = {"words": "user word files", "styles": "user style files"}


def choices() -> dict[str, tuple[str, ...]]:
    """Every policy option and its valid values, the default first (for CLIs and docs).

    >>> choices()["digits"]
    ('keep', 'persian', 'latin')
    """
    default = FixPolicy()
    return {
        name: (str(getattr(default, name)),)
        + tuple(m.value for m in enum if m is not getattr(default, name))
        for name, enum in _ENUMS.items()
    }


def _paths(name: str, value: object) -> tuple[str, ...]:
    """The user files of ``words`` or ``styles``: one path, paths separated by commas (as
    ``--set`` and the environment give them: the compiled class's annotation is a bare ``tuple``,
    which the config loader cannot split), or a list or tuple of paths, as a tuple of str.

    >>> _paths("words", "mine.txt"), _paths("words", "a.txt, b.txt"), _paths("styles", ["a.tsv"])
    (('mine.txt',), ('a.txt', 'b.txt'), ('a.tsv',))
    >>> _paths("styles", 3)
    Traceback (most recent call last):
    ...
    khabar.errors.ConfigError: styles=3 is not a path or a list of paths to user style files
    """
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, (tuple, list)) and all(isinstance(v, (str, PathLike)) for v in value):
        return tuple(map(fspath, value))
    if isinstance(value, PathLike):
        return (fspath(value),)
    raise ConfigError(f"{name}={value!r} is not a path or a list of paths to {_FILES[name]}")


def _parse(name: str, enum_type: type[StrEnum], value: object) -> StrEnum:
    """Turn a user's string into the field's enum, or say which values are valid."""
    valid = ", ".join(m.value for m in enum_type)
    if isinstance(value, str) and value in enum_type._value2member_map_:
        return enum_type(value)
    raise ConfigError(f"{name}={value!r} is not a valid choice; valid choices: {valid}")
