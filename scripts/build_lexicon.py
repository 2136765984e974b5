#!/usr/bin/env python3
"""Build khabar's ZWNJ frequency lexicon from the TRAIN splits of the UD Persian treebanks.

The lexicon is what :mod:`khabar.text.zwnj` looks up to decide whether a glued word such as
``میباشد`` should be written ``می‌باشد`` and whether two spaced words such as ``کتاب ها`` are
one word (``کتاب‌ها``). It is a plain UTF-8 TSV, one ``form<TAB>count`` per line, sorted by form:

* a *token* form is a Persian word as the treebank writes it, with its ZWNJs (``می‌باشد``) or
  glued (``میلیون``);
* a *pair* form is two words separated by one ASCII space (``به منظور``), counted when the
  two words are written apart in the treebank and their concatenation is also seen as one
  token, or when one side is an affix that is normally attached (``ها``, ``می``); it lets the
  engine weigh ``کتاب ها`` against ``کتاب‌ها``.

Only the TRAIN splits are read (dev splits are kept for measuring). Both treebanks are CC BY-SA
4.0, so the lexicon is too (see ``src/khabar/data/lexicon/README.md``).

A second file, ``zwnj_word_lists.tsv`` (same format), holds words the treebanks never wrote,
taken from the MIT word lists of shekar 1.7.0 (``compound_words.csv``, ``vocab.csv``,
``verbs.csv``; see :func:`list_counts`), hazm 0.10.0's ``words.dat`` (:func:`hazm_counts`) and
wordfreq 3.1.1's Persian list (CC BY-SA 4.0; :func:`zwnj_word_counts`). A third,
``zwnj_web_glued.txt``, lists glued words of wordfreq's list the engine leaves whole
(:func:`web_glued_words`). The three are read at BUILD time only, from installs made for the
purpose (``python -m venv /tmp/shk && /tmp/shk/bin/pip install shekar==1.7.0``, likewise
``hazm==0.10.0`` with ``--no-deps`` and ``wordfreq==3.1.1``); khabar never imports them. The
combination is CC BY-SA 4.0, with shekar's and hazm's MIT notices kept.

Run (from the repository root, with ../shared beside it; or set ``KHABAR_SHEKAR_DIR``,
``KHABAR_HAZM_DIR``, ``KHABAR_WORDFREQ_DIR``)::

    SITE=/tmp/shk/lib/python3.11/site-packages  # (shekar's, hazm's, wordfreq's)
    ARGS="--shekar-dir $SITE/shekar/data/files --hazm-dir $SITE/hazm/data"
    ARGS="$ARGS --wordfreq-dir $SITE/wordfreq/data"
    .venv/bin/python scripts/build_lexicon.py $ARGS          # writes the three files
    .venv/bin/python scripts/build_lexicon.py $ARGS --check  # exit 1 if one differs
    .venv/bin/python scripts/build_lexicon.py --treebanks-only [--check] # zwnj_lexicon.tsv only
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import itertools
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PERDT = SHARED / "data" / "ud_perdt" / "train.txt"
SERAJI = SHARED / "data" / "ud_seraji" / "train.txt"
DEFAULT_SOURCES = (PERDT, SERAJI)
OUTPUT = ROOT / "src" / "khabar" / "data" / "lexicon" / "zwnj_lexicon.tsv"
LISTS_OUTPUT = OUTPUT.with_name("zwnj_word_lists.tsv")

ZWNJ = "\u200c"
# Arabic-script letters, tatweel and diacritics; digits (U+0660-U+066D, U+06F0-U+06F9) and
# Arabic punctuation (، ؛ ؟ ۔) stay out, so «14» or «،» never join a word.
LETTER = "\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff"
TOKEN_RE = re.compile(f"[{LETTER}]+(?:{ZWNJ}+[{LETTER}]+)*")
# What the fix step does before calling the ZWNJ engine; the lexicon must be in the same letters.
FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
# ... and a run of ZWNJs is one (the fix step's ``zwnj.collapse``): the treebanks write six
# tokens with two (``شده‌‌اند``), which the engine would insert as written.
ZWNJ_RUN_RE = re.compile(f"{ZWNJ}{{2,}}")
# A pair whose second word is one of these is always counted, even if the glued or ZWNJ form
# was never seen: «سیاره ای» (spaced) against «سیاره‌ای» is exactly what the engine must weigh.
PAIR_MIN_PIECE_COUNT = 20
# Any two words seen side by side this often are kept: a glued «محیطزیست» is split at a seam
# only where the two words were seen written apart («محیط زیست»), see khabar.text.zwnj.
PAIR_MIN_COUNT = 2
#: The shekar release whose lists the shipped file is built from; another release would build
#: another file, so the build refuses it (pass --shekar-dir of a 1.7.0 install).
SHEKAR_VERSION = "1.7.0"
#: The hazm release whose ``words.dat`` the shipped word lists are built from (likewise).
HAZM_VERSION = "0.10.0"
#: The wordfreq release whose Persian list the shipped word lists and web words are built from
#: (likewise).
WORDFREQ_VERSION = "3.1.1"
HEADER = (
    "# khabar ZWNJ lexicon: form<TAB>count, from UD Persian-PerDT and UD Persian-Seraji TRAIN.\n"
    "# License: CC BY-SA 4.0 (derived from Universal Dependencies treebanks; see README.md).\n"
    "# Built by scripts/build_lexicon.py; do not edit by hand, rebuild instead.\n"
)
LISTS_HEADER = (
    "# khabar ZWNJ word lists: form<TAB>count, words of shekar "
    f"{SHEKAR_VERSION}'s word lists\n"
    f"# (MIT, Copyright (c) 2024 Ahmad Amirivojdan), of hazm {HAZM_VERSION}'s words.dat (MIT,\n"
    f"# Copyright (c) 2013 Alireza Nourian) and of wordfreq {WORDFREQ_VERSION}'s Persian list (CC\n"
    "# BY-SA 4.0, Robyn Speer) that UD Persian-PerDT and UD Persian-Seraji TRAIN never wrote,\n"
    "# selected with the treebank counts. License: CC BY-SA 4.0 for the combination (see\n"
    "# README.md and LICENSE in this folder).\n"
    "# Built by scripts/build_lexicon.py; do not edit by hand, rebuild instead.\n"
)


# Seraji writes the plural ها glued after a joining letter 724 times (ارزشها, گروههای), where
# PerDT and the Academy orthography write a ZWNJ (ارزش‌ها); see ../shared/data/ud_seraji/README.md.
# Such glued Seraji tokens are not counted when their stem is a known word and no other source
# writes them glued, so they cannot outvote the ZWNJ; تنها, glued in PerDT too, keeps its counts.
PLURAL_GLUED_RE = re.compile(
    f"[{''.join(sorted(set('بپتثجچحخسشصضطظعغفقکگلمنهیئ')))}]"
    "(ها|های|هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان)$"
)
GLUED_PLURAL_SOURCES = ("ud_seraji",)


def read_lines(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """Yield (source folder name, line) for every source, with Arabic ي/ك folded to ی/ک and
    each run of ZWNJs written as one."""
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                yield path.parent.name, ZWNJ_RUN_RE.sub(ZWNJ, line.translate(FOLD))


def tokens_with_gaps(line: str) -> list[tuple[str, bool]]:
    """Tokens of ``line`` and, for each, whether only whitespace separates it from the next.

    >>> tokens_with_gaps("کتاب ها، می‌روم")
    [('کتاب', True), ('ها', False), ('می\u200cروم', False)]
    """
    matches = list(TOKEN_RE.finditer(line))
    out = []
    for i, m in enumerate(matches):
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        spaced = nxt is not None and line[m.end() : nxt.start()].isspace()
        out.append((m.group(), spaced))
    return out


def count_forms(lines: Iterable[tuple[str, str]]) -> Counter[str]:
    """Count token forms and the candidate spaced pairs (see the module docstring)."""
    tokens: Counter[str] = Counter()
    glued_plurals: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for source, line in lines:
        toks = tokens_with_gaps(line)
        for t, _ in toks:
            if source in GLUED_PLURAL_SOURCES and ZWNJ not in t and PLURAL_GLUED_RE.search(t):
                glued_plurals[t] += 1
            else:
                tokens[t] += 1
        for (a, spaced), (b, _) in itertools.pairwise(toks):
            if spaced and ZWNJ not in a and ZWNJ not in b:
                pairs[f"{a} {b}"] += 1
    for t, n in glued_plurals.items():
        stem = PLURAL_GLUED_RE.sub(lambda m: m.group()[0], t)
        if t in tokens or not tokens[stem]:
            tokens[t] += n  # also glued elsewhere (تنها), or not a known word plus ها
    keys = {t.replace(ZWNJ, "") for t in tokens}
    # pieces seen on either side of a ZWNJ, with counts: «ها», «می», «ترین», «رئیس» ...
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for tok, n in tokens.items():
        parts = tok.split(ZWNJ)
        for p in parts[:-1]:
            left[p] += n
        for p in parts[1:]:
            right[p] += n
    frequent_left = {p for p, n in left.items() if n >= PAIR_MIN_PIECE_COUNT}
    frequent_right = {p for p, n in right.items() if n >= PAIR_MIN_PIECE_COUNT}
    out = Counter(tokens)
    for pair, n in pairs.items():
        a, b = pair.split(" ")
        if n >= PAIR_MIN_COUNT or a + b in keys or b in frequent_right or a in frequent_left:
            out[pair] = n
    return out


# ---- shekar's MIT word lists (build time only) -----------------------------------------------

SHEKAR_FILES = ("vocab.csv", "compound_words.csv", "verbs.csv")
#: Count given to a form known only from shekar's lists: one sighting, so any treebank count
#: outweighs it, and it never makes a stem on its own (the engine wants a stem seen twice).
LIST_COUNT = 1
#: Each piece of a list word has at least this many letters (the engine's MIN_PIECE).
MIN_LIST_PIECE = 2
#: Person endings of a present stem (می‌رو|م ... می‌رو|ند) and of a past stem (the bare past
#: stem is the third person: می‌رفت).
PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")
VERB_PREFIXES = ("می", "نمی")


def _find_data_dir(explicit: Path | None, variable: str, package: str, *inside: str) -> Path | None:
    """A package's data folder: ``explicit``, the environment ``variable``, or ``inside`` the
    ``package`` importable by this interpreter (found, not imported); None if none is there."""
    if explicit is not None:
        return explicit
    env = os.environ.get(variable)
    if env:
        return Path(env)
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)), *inside)


def find_shekar_dir(explicit: Path | None) -> Path | None:
    """The folder holding shekar's data files: ``explicit``, ``$KHABAR_SHEKAR_DIR``, or the
    ``shekar`` package importable by this interpreter; None if none of them is there."""
    return _find_data_dir(explicit, "KHABAR_SHEKAR_DIR", "shekar", "data", "files")


def check_shekar_dir(path: Path) -> str | None:
    """Why ``path`` cannot be used (missing files, wrong release), or None when it can."""
    missing = [name for name in SHEKAR_FILES if not (path / name).is_file()]
    if missing:
        return f"{path} has no {', '.join(missing)}; pass the shekar/data/files folder"
    # site-packages/shekar/data/files
    return _release_problem(path, path.parents[2], "shekar", SHEKAR_VERSION, "lexicon")


def _rows(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if row and row[0].strip():
                yield [cell.strip().translate(FOLD) for cell in row]


def verb_forms(present: str, past: str) -> Iterator[str]:
    """Forms after a verbal prefix built from a present and a past stem.

    >>> sorted(verb_forms("رو", "رفت"))[:3]
    ['رفت', 'رفتم', 'رفتند']
    """
    if present:
        for end in PRESENT_ENDINGS:
            yield present + end
    if past:
        for end in PAST_ENDINGS:
            yield past + end


def list_counts(folder: Path, seen_keys: set[str], affixes: set[str]) -> Counter[str]:
    """Forms from shekar's lists for words the treebanks never wrote (by ZWNJ-free key).

    * ``compound_words.csv``: each compound as it is written, with its ZWNJ
      (``آبله‌مرغان``) or glued (``آبدار#خانه`` is ``آبدارخانه``);
    * ``vocab.csv``: words with a ZWNJ whose web frequency is at least that of their glued
      spelling (``می‌شود`` 207 M over ``میشود`` 82 M);
    * ``verbs.csv``: ``می‌`` and ``نمی‌`` before each person of the present and past stems
      (``می‌آموزند``, ``نمی‌آموخت``).

    Each gets :data:`LIST_COUNT`; keys the treebanks saw keep only their treebank counts. A
    list word whose glued spelling is the more frequent one in ``vocab.csv`` is left out
    (``پنجشیر`` 216 K over ``پنج‌شیر`` 32 K, ``قانونمند``). A compound of two words (neither
    side in ``affixes``) is written apart as often in news text (``واقع شدن``, ``قدس سره``):
    its spaced pair gets :data:`LIST_COUNT` too, so the engine splits the glued word but
    leaves the spaced one as the author wrote it.
    """
    out: Counter[str] = Counter()
    freq: dict[str, int] = {}
    for row in _rows(folder / "vocab.csv"):
        if len(row) >= 2 and row[1].isdigit():
            freq[row[0]] = freq.get(row[0], 0) + int(row[1])

    def add(form: str) -> None:
        key = form.replace(ZWNJ, "")
        if key in seen_keys or not TOKEN_RE.fullmatch(form):
            return
        if min(map(len, form.split(ZWNJ))) < MIN_LIST_PIECE:
            return  # «ه‌هارمونیه», «نه‌به‌ز»: a one-letter piece is an initial or noise
        if ZWNJ in form and freq.get(key, 0) > freq.get(form, 0):
            return  # the web writes it glued more often: «پنجشیر», «قانونمند»
        out[form] = LIST_COUNT
        head, _, tail = form.partition(ZWNJ)
        if tail and ZWNJ not in tail and head not in affixes and tail not in affixes:
            out[f"{head} {tail}"] = LIST_COUNT

    for row in _rows(folder / "compound_words.csv"):
        add(row[0].replace("#", ""))
    for form in freq:
        if ZWNJ in form:
            add(form)
    for row in _rows(folder / "verbs.csv"):
        present, past = (row + ["", ""])[:2]
        for rest in verb_forms(present, past):
            for prefix in VERB_PREFIXES:
                add(prefix + ZWNJ + rest)
    return out


# ---- hazm's MIT word list (build time only) ---------------------------------------------------

HAZM_FILE = "words.dat"


def find_hazm_dir(explicit: Path | None) -> Path | None:
    """The folder holding hazm's ``words.dat``: ``explicit``, ``$KHABAR_HAZM_DIR``, or the
    ``hazm`` package importable by this interpreter; None if none of them is there."""
    return _find_data_dir(explicit, "KHABAR_HAZM_DIR", "hazm", "data")


def _release_problem(
    path: Path, site: Path, name: str, want: str, what: str, pip_flags: str = ""
) -> str | None:
    """Why the data folder ``path`` of package ``name`` (installed in ``site``) is not release
    ``want``, whose data the shipped ``what`` are built from; None when it is."""
    version = _dist_version(site, name)
    if version is None:
        return f"cannot tell which {name} release {path} is (no {name}-*.dist-info beside it)"
    if version != want:
        return (
            f"{path} is {name} {version}, the shipped {what} are built from {want}; "
            f"pip install {pip_flags}{name}=={want} into a scratch venv"
        )
    return None


def _dist_version(site: Path, name: str) -> str | None:
    """The ``Version:`` of the ``name-*.dist-info`` in ``site``, or None without one."""
    metas = sorted(site.glob(f"{name}-*.dist-info/METADATA"))
    if not metas:
        return None
    return next(
        (
            ln.split(":", 1)[1].strip()
            for ln in metas[0].read_text("utf-8").splitlines()
            if ln.startswith("Version:")
        ),
        "",
    )


def check_hazm_dir(path: Path) -> str | None:
    """Why ``path`` cannot be used (no ``words.dat``, wrong release), or None when it can."""
    if not (path / HAZM_FILE).is_file():
        return f"{path} has no {HAZM_FILE}; pass the hazm/data folder of hazm {HAZM_VERSION}"
    # site-packages/hazm/data; --no-deps: hazm's own dependencies are not needed for words.dat
    return _release_problem(path, path.parents[1], "hazm", HAZM_VERSION, "word lists", "--no-deps ")


def hazm_rows(folder: Path) -> Iterator[tuple[str, int, str]]:
    """(word, web count, tags) of each row of hazm's ``words.dat``, Arabic ي/ك folded.

    A row is ``word<TAB>count<TAB>tags`` (``آب	549005877	N,AJ``); rows of another shape
    are an error, since they would mean another file than the one the build was written for.
    """
    with open(folder / HAZM_FILE, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 3 or not cells[1].isdigit():
                raise ValueError(
                    f"{folder / HAZM_FILE}:{number}: expected word<TAB>count<TAB>tags, got "
                    f"{line!r}; pass the hazm/data folder of hazm {HAZM_VERSION}"
                )
            yield cells[0].translate(FOLD), int(cells[1]), cells[2]


class TreebankSpelling:
    """What the treebank TRAIN counts say about the pieces of a compound (for hazm's words).

    * ``alone``: glued tokens and their counts (a word written alone: ``کتاب``, ``شده``);
    * ``left`` / ``right``: how many token types have a piece before / after a ZWNJ;
    * ``pairs``: two words written apart (``فراهم شده``), as :func:`count_forms` kept them;
    * ``apart_after`` / ``zwnj_last``: how often (tokens) a piece is written as a word after
      another word (``بررسی شده``), and as the last piece after a ZWNJ (``انجام‌شده``);
    * ``glued_tail`` / ``glued_head``: how many glued token types end (begin) with a piece after
      (before) a word the treebanks wrote alone: ``مند`` in ``قدرتمند``, ``هم`` in ``همکاری``
      (counted for the pieces in ``tails`` / ``heads`` only).
    """

    def __init__(
        self,
        counts: Counter[str],
        heads: set[str],
        tails: set[str],
        affixes: Iterable[str] = (),
    ) -> None:
        self.alone = {f: n for f, n in counts.items() if " " not in f and ZWNJ not in f}
        self.pairs = {f for f in counts if " " in f}
        self.left: Counter[str] = Counter()
        self.right: Counter[str] = Counter()
        # the same, beside a ZWNJ whose other side is no affix: «کارت» of «کارت‌ها» is no
        # compound's first word (for :meth:`phrase`)
        self.word_left: Counter[str] = Counter()
        self.word_right: Counter[str] = Counter()
        affix = self.affixes = frozenset(affixes)
        self.apart_after: Counter[str] = Counter()
        self.zwnj_last: Counter[str] = Counter()
        for form, n in counts.items():
            if " " in form:
                self.apart_after[form.split(" ")[1]] += n
            elif ZWNJ in form:
                parts = form.split(ZWNJ)
                self.left.update(parts[:-1])
                self.right.update(parts[1:])
                self.zwnj_last[parts[-1]] += n
                for a, b in itertools.pairwise(parts):
                    if a not in affix and b not in affix:
                        self.word_left[a] += 1
                        self.word_right[b] += 1
        self.glued_tail: Counter[str] = Counter()
        self.glued_head: Counter[str] = Counter()
        for word in self.alone:
            for k in range(MIN_LIST_PIECE, len(word) - MIN_LIST_PIECE + 1):
                head, tail = word[:k], word[k:]
                if tail in tails and head in self.alone:
                    self.glued_tail[tail] += 1
                if head in heads and tail in self.alone:
                    self.glued_head[head] += 1

    def unknown_piece(self, parts: list[str]) -> bool:
        """Whether a piece is neither a word of the treebanks nor seen on its side of a ZWNJ
        (``دراین`` of ``دراین‌باره``, ``دوومی`` of ``دوومی‌دانی``)."""
        last = len(parts) - 1
        return not all(
            piece in self.alone
            or (i > 0 and self.right[piece] > 0)
            or (i < last and self.left[piece] > 0)
            for i, piece in enumerate(parts)
        )

    def written_apart(self, parts: list[str]) -> bool:
        """Whether the treebanks wrote two neighbouring pieces as two words (``فراهم شده``)."""
        return any(f"{a} {b}" in self.pairs for a, b in itertools.pairwise(parts))

    def phrase(self, parts: list[str]) -> bool:
        """Whether two pieces are words (no affix) the treebanks write only as words, each seen
        :data:`PHRASE_MIN_ALONE` times alone, the first never before a ZWNJ and the second
        never after one but beside an affix (``کارت‌ها``): a noun and its ezafe or a phrase (``کارت‌شناسایی``, identity card;
        ``عدم‌حمایت``, ``دنبال‌کردن``), which the treebanks write apart as they write ``کارت
        ملی``, not a compound of their habits."""
        if len(parts) != 2:
            return False
        head, tail = parts
        return (
            head not in self.affixes
            and tail not in self.affixes
            and self.word_left[head] == 0
            and self.word_right[tail] == 0
            and self.alone.get(head, 0) >= PHRASE_MIN_ALONE
            and self.alone.get(tail, 0) >= PHRASE_MIN_ALONE
            and not self.relation_adjective(tail)
        )

    def relation_adjective(self, word: str) -> bool:
        """Whether ``word`` is a word of the treebanks + the «ی» of relation (``میلیونی``,
        ``ساعتی``: میلیون, ساعت seen :data:`PHRASE_MIN_ALONE` times), which closes compound
        adjectives after a word (``بیست‌میلیونی``, ``دوساعتی``), not a phrase."""
        return word.endswith("ی") and self.alone.get(word[:-1], 0) >= PHRASE_MIN_ALONE

    def participle_apart(self, parts: list[str]) -> bool:
        """Whether the last piece is a past participle the treebanks write as a word after
        another word more often than after a ZWNJ: ``شده`` (``X شده`` 1,060 tokens,
        ``X‌شده`` 239), ``یافته``."""
        tail = parts[-1]
        return tail.endswith(PARTICIPLE_ENDS) and self.apart_after[tail] > self.zwnj_last[tail]

    def glues(self, parts: list[str]) -> bool:
        """Whether the treebanks write the last (first) piece glued to a word in more token
        types than after (before) a ZWNJ, in at least :data:`GLUE_MIN_TYPES` of them: ``مند``
        (قدرتمند), ``هم`` (همکاری), ``گر``."""
        tail, head = parts[-1], parts[0]
        return (
            self.glued_tail[tail] >= GLUE_MIN_TYPES and self.glued_tail[tail] > self.right[tail]
        ) or (self.glued_head[head] >= GLUE_MIN_TYPES and self.glued_head[head] > self.left[head])


    def zwnj_piece(self, head: str, tail: str) -> bool:
        """Whether the treebanks write ``tail`` after (``head`` before) a ZWNJ in more token
        types than glued to a word, in at least :data:`GLUE_MIN_TYPES` of them (``رنگ``, 15
        types after a ZWNJ against 10 glued): :meth:`glues` the other way round."""
        return (
            self.right[tail] >= GLUE_MIN_TYPES and self.right[tail] > self.glued_tail[tail]
        ) or (self.left[head] >= GLUE_MIN_TYPES and self.left[head] > self.glued_head[head])


#: Each word of a two-word phrase (:meth:`TreebankSpelling.phrase`) is seen alone at least this
#: often in TRAIN: a rarer word tells too little of how the treebanks use it.
PHRASE_MIN_ALONE = 5
#: The count of the spaced pair of a list word the treebanks would write as a phrase
#: (:meth:`TreebankSpelling.phrase`): above the word's :data:`LIST_COUNT`, so the engine still
#: splits the glued word at the list's seam but never joins the words written apart, in no
#: line (a tie joins them in a line whose ZWNJs became spaces: ``کارت شناسایی``).
PHRASE_APART_COUNT = 2
#: How a past participle ends (``شده``, ``یافته``; :meth:`TreebankSpelling.participle_apart`).
PARTICIPLE_ENDS = ("ده", "ته")
#: A piece is one the treebanks glue (:meth:`TreebankSpelling.glues`) when at least this many
#: glued token types show it.
GLUE_MIN_TYPES = 5
#: How often the treebanks must have written a word alone for a web word to count as it and
#: a spoken ending (:func:`colloquial_spelling`).
MIN_STEM_COUNT_WEB = 2


def hazm_counts(
    folder: Path,
    seen_keys: set[str],
    affixes: set[str],
    counts: Counter[str],
    given_names: set[str],
) -> tuple[Counter[str], Counter[str]]:
    """Forms from hazm's ``words.dat`` for ZWNJ words neither the treebanks nor shekar wrote
    (by ZWNJ-free key), and how many candidates each rule left out (see
    :func:`zwnj_word_counts`; hazm's counts are its row counts)."""
    freq: dict[str, float] = {}
    for word, n, _tags in hazm_rows(folder):
        freq[word] = freq.get(word, 0) + n
    return zwnj_word_counts(freq, seen_keys, affixes, counts, given_names)


def zwnj_word_counts(
    freq: dict[str, float],
    seen_keys: set[str],
    affixes: set[str],
    counts: Counter[str],
    given_names: set[str],
) -> tuple[Counter[str], Counter[str]]:
    """Forms for the ZWNJ words of a word list (``freq``: word -> how often, in its order)
    that no source read before wrote (``seen_keys``, by ZWNJ-free key), and how many
    candidates each rule left out.

    A candidate is a word the list writes with a ZWNJ, each piece of 2+ letters, that the list
    does not write glued more often (as for shekar's ``vocab.csv``). It is left out when
    :class:`TreebankSpelling` says the treebanks would write it otherwise: a piece they never
    wrote (``دراین‌باره``), two pieces they wrote as two words (``فراهم شده``), a past
    participle they write apart (``بررسی‌شده``), or a piece they glue (``قانون‌مند``,
    ``هم‌زیستی``); or when it starts with a given name (``حسین‌علی``: names keep the writer's
    spelling). Each kept word gets :data:`LIST_COUNT`, and a two-piece word (neither piece in
    ``affixes``) its spaced pair too, as :func:`list_counts` does; the pair of two words the
    treebanks only write as words gets :data:`PHRASE_APART_COUNT` (``کارت شناسایی``, identity
    card: :meth:`TreebankSpelling.phrase`).
    """
    candidates = [
        word
        for word in freq
        if ZWNJ in word
        and word.replace(ZWNJ, "") not in seen_keys
        and TOKEN_RE.fullmatch(word)
        and min(map(len, word.split(ZWNJ))) >= MIN_LIST_PIECE
    ]
    tree = TreebankSpelling(
        counts,
        {w.split(ZWNJ)[0] for w in candidates},
        {w.split(ZWNJ)[-1] for w in candidates},
        affixes,
    )
    rules = (
        (
            "glued more often",
            lambda parts: freq.get("".join(parts), 0) > freq.get(ZWNJ.join(parts), 0),
        ),
        ("unknown piece", tree.unknown_piece),
        ("given name", lambda parts: parts[0] in given_names),
        ("written apart", tree.written_apart),
        ("participle apart", tree.participle_apart),
        ("glued piece", tree.glues),
    )
    out: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    for word in candidates:
        parts = word.split(ZWNJ)
        reason = next((name for name, test in rules if test(parts)), None)
        if reason is not None:
            dropped[reason] += 1
            continue
        out[word] = LIST_COUNT
        if len(parts) == 2 and not set(parts) & affixes:
            out[" ".join(parts)] = PHRASE_APART_COUNT if tree.phrase(parts) else LIST_COUNT
    return out, dropped


# ---- wordfreq's Persian list (CC BY-SA 4.0, build time only) -----------------------------------

WORDFREQ_FILE = "small_fa.msgpack.gz"
WEB_GLUED_OUTPUT = OUTPUT.with_name("zwnj_web_glued.txt")
WEB_GLUED_HEADER = (
    f"# khabar web words: Persian words wordfreq {WORDFREQ_VERSION}'s list ({WORDFREQ_FILE};\n"
    "# Robyn Speer, https://github.com/rspeer/wordfreq, data CC BY-SA 4.0 from Wikipedia,\n"
    "# OpenSubtitles, Twitter, Reddit, the Leeds Internet Corpus and others) writes glued and\n"
    "# never with a ZWNJ, that UD Persian-PerDT and UD Persian-Seraji TRAIN, shekar and hazm\n"
    "# never wrote, selected with the treebank counts. khabar.text.zwnj does not cut these\n"
    "# words by morphology. License: CC BY-SA 4.0 (see README.md and LICENSE in this folder).\n"
    "# Built by scripts/build_lexicon.py; do not edit by hand, rebuild instead.\n"
)


def find_wordfreq_dir(explicit: Path | None) -> Path | None:
    """The folder holding wordfreq's data files: ``explicit``, ``$KHABAR_WORDFREQ_DIR``, or
    the ``wordfreq`` package importable by this interpreter; None if none of them is there."""
    return _find_data_dir(explicit, "KHABAR_WORDFREQ_DIR", "wordfreq", "data")


def check_wordfreq_dir(path: Path) -> str | None:
    """Why ``path`` cannot be used (no Persian list, wrong release), or None when it can."""
    if not (path / WORDFREQ_FILE).is_file():
        return (
            f"{path} has no {WORDFREQ_FILE}; pass the wordfreq/data folder of wordfreq "
            f"{WORDFREQ_VERSION}"
        )
    # site-packages/wordfreq/data
    return _release_problem(path, path.parents[1], "wordfreq", WORDFREQ_VERSION, "web words")


def wordfreq_words(folder: Path) -> dict[str, float]:
    """The words of wordfreq's Persian list and their frequencies, most frequent first,
    Arabic ي/ك folded (two words that fold alike add up).

    The file is wordfreq's "cBpack": a gzipped msgpack list whose first item is a header
    (``{"format": "cB", "version": 1}``) and whose item ``i`` lists the words of frequency
    ``10 ** (-i / 100)``. It is read with ``msgpack`` (a dependency of wordfreq, and of the
    build only); wordfreq itself is never imported.
    """
    import gzip

    try:
        import msgpack  # type: ignore[import-untyped]
    except ImportError as error:
        raise SystemExit(
            "error: reading wordfreq's list needs msgpack; pip install msgpack (build time only)"
        ) from error
    with gzip.open(folder / WORDFREQ_FILE) as handle:
        pack = msgpack.load(handle, raw=False)
    if not pack or pack[0] != {"format": "cB", "version": 1}:
        raise ValueError(
            f"{folder / WORDFREQ_FILE} is not a cBpack (header {pack[:1]!r}); pass the "
            f"wordfreq/data folder of wordfreq {WORDFREQ_VERSION}"
        )
    freq: dict[str, float] = {}
    for index, bucket in enumerate(pack[1:]):
        for word in bucket:
            word = word.translate(FOLD)
            freq[word] = freq.get(word, 0.0) + 10 ** (-index / 100)
    return freq


#: Spoken Persian glues to a word what writing keeps apart or spells otherwise; such a web
#: word is a word + an ending or a clitic, not one word (:func:`colloquial_spelling`):
#: «تون», «مون», «شون» for the personal endings «تان», «مان», «شان» (``اسمتون``)...
SPOKEN_ENDINGS = ("تون", "مون", "شون")
#: ... «اون» for «آن» (``اونکه``, ``اونقدر``) ...
SPOKEN_THAT, WRITTEN_THAT = "اون", "آن"
#: ... «و» for the object marker «را» after «ش» or «م» (``اسمشو`` for «اسمش را»,
#: ``خواهرمو``; not after «ت»: «تو» ends words and names, ``پرستو``, ``هزارتو``, and is the
#: pronoun «تو») ...
SPOKEN_OBJECT, OBJECT_AFTER = "و", ("ش", "م")
#: ... and «ه» for the copula «است» after a comparative (``بزرگتره`` for «بزرگ‌تر است»,
#: ``بهترینه``): a comparative takes no «ه» of derivation.
SPOKEN_COPULA, COMPARATIVES = "ه", ("تر", "ترین")
#: The shortest word before a spoken ending (``آنتون`` is Anton, not «آن» + «تون»). A word in
#: «ی» is left out too: «ی» + «مو», «تون» end names and loanwords (``فیلیمو``, ``پایتون``,
#: Python), not spoken endings.
MIN_SPOKEN_STEM = 3


def colloquial_spelling(key: str, alone: Mapping[str, int]) -> str | None:
    """Which spoken spelling the glued web word ``key`` is: a word the treebanks wrote
    (``alone``: their glued tokens, :class:`TreebankSpelling`) ``MIN_STEM_COUNT_WEB`` times
    and a spoken ending or clitic (:data:`SPOKEN_ENDINGS`, :data:`SPOKEN_OBJECT`,
    :data:`SPOKEN_COPULA`), or «اون» for «آن» before one; None for any other word. Spoken
    words themselves (``خونه`` for «خانه») are words of the web's spoken text and stay; a
    spoken word that reads as a word + a spoken ending is left out with them (``ساختمون``,
    the spoken «ساختمان», reads «ساخت» + «مون»: the shape cannot tell them apart).

    >>> alone = {"اسم": 4, "آنکه": 2, "حواس": 2, "بزرگتر": 3, "پرس": 2, "آن": 90, "پای": 5}
    >>> [colloquial_spelling(w, alone) for w in ("اسمتون", "اونکه", "حواسمو", "بزرگتره")]
    ['spoken ending', 'spoken آن', 'spoken object', 'spoken copula']
    >>> [colloquial_spelling(w, alone) for w in ("آنتون", "پرستو", "پایتون", "خونه", "آنه")]
    [None, None, None, None, None]
    """

    def written_stem(stem: str) -> bool:
        return (
            len(stem) >= MIN_SPOKEN_STEM
            and stem[-1] != "ی"
            and alone.get(stem, 0) >= MIN_STEM_COUNT_WEB
        )

    if key.endswith(SPOKEN_ENDINGS) and written_stem(key[: -len(SPOKEN_ENDINGS[0])]):
        return "spoken ending"
    if (
        key.startswith(SPOKEN_THAT)
        and alone.get(WRITTEN_THAT + key[len(SPOKEN_THAT) :], 0) >= MIN_STEM_COUNT_WEB
    ):
        return "spoken آن"
    if key.endswith(SPOKEN_OBJECT) and key[-2:-1] in OBJECT_AFTER and written_stem(key[:-2]):
        return "spoken object"
    if (
        key.endswith(SPOKEN_COPULA)
        and key[:-1].endswith(COMPARATIVES)
        and alone.get(key[:-1], 0) >= MIN_STEM_COUNT_WEB
    ):
        return "spoken copula"
    return None


def web_glued_words(
    words: Iterable[str], seen_keys: set[str], affixes: set[str], counts: Counter[str]
) -> tuple[list[str], Counter[str]]:
    """Glued words of wordfreq's list the engine may leave whole, and how many candidates each
    rule left out.

    A candidate is a glued word whose key (ZWNJ-free letters) no other source wrote
    (``seen_keys``: the treebanks' tokens and pairs, shekar's and hazm's words) and that the
    list never writes with a ZWNJ at all. The web writes many words glued that the treebanks
    write with one (``میشود``), so the list is no spelling authority: it only says that a word
    TRAIN never saw is one word on the web, not two pieces (``شنیداری``, not ``شنی‌داری``). It
    is left out when a cut of it is one TRAIN's rules make:

    * a piece is an affix (``affixes``: ``می``, ``بی``, ``ها``, ``ترین``, ``اند``, ``مند``):
      the verbal prefix, plural, comparative and personal endings stay the engine's to cut;
    * no cut makes two pieces each a TRAIN word or seen on its side of a ZWNJ: the engine's
      morphology cannot cut it, so the entry would only cost memory;
    * a cut's last (first) piece is one TRAIN writes after (before) a ZWNJ in more token types
      than glued to a word, in at least :data:`GLUE_MIN_TYPES` (``رنگ`` in ``کم‌رنگ``,
      ``نامه``): the treebanks' own spelling of such compounds is the ZWNJ;
    * it is a word TRAIN writes with a spoken ending or clitic glued to it
      (:func:`colloquial_spelling`: ``اسمتون``, ``اونکه``, ``حواسمو``, ``بزرگتره``): two
      words of speech, not one word to keep whole.
    """
    by_key: dict[str, set[str]] = {}
    for word in words:
        if TOKEN_RE.fullmatch(word):
            by_key.setdefault(word.replace(ZWNJ, ""), set()).add(word)
    dropped: Counter[str] = Counter()
    cuts: dict[str, list[tuple[str, str]]] = {}
    seen = TreebankSpelling(counts, set(), set())
    alone, left, right = seen.alone, seen.left, seen.right
    for key, forms in by_key.items():
        if key not in forms or key in seen_keys:
            continue
        if len(forms) > 1:
            dropped["written with a ZWNJ"] += 1
            continue
        if colloquial_spelling(key, alone) is not None:
            dropped["spoken spelling"] += 1
            continue
        seams = range(MIN_LIST_PIECE, len(key) - MIN_LIST_PIECE + 1)
        if any(key[:k] in affixes or key[k:] in affixes for k in seams):
            dropped["affix"] += 1
            continue
        pieces = [
            (key[:k], key[k:])
            for k in seams
            if (key[:k] in alone or left[key[:k]] > 0) and (key[k:] in alone or right[key[k:]] > 0)
        ]
        if not pieces:
            dropped["no cut"] += 1
            continue
        cuts[key] = pieces
    tree = TreebankSpelling(
        counts, {h for p in cuts.values() for h, _ in p}, {t for p in cuts.values() for _, t in p}
    )
    kept = []
    for key, pieces in cuts.items():
        if any(tree.zwnj_piece(head, tail) for head, tail in pieces):
            dropped["zwnj piece"] += 1
        else:
            kept.append(key)
    return sorted(kept), dropped


def render(counts: Counter[str], header: str = HEADER) -> str:
    """The TSV text: header, then ``form<TAB>count`` sorted by form (stable across runs)."""
    body = "".join(f"{form}\t{n}\n" for form, n in sorted(counts.items()))
    return header + body


#: A piece is an affix (``ها``, ``ترین``, ``می``, ``بی``) when seen on one side of a ZWNJ at
#: least this many times ...
AFFIX_MIN_COUNT = 20
#: ... and this many times as often as alone (the thresholds of khabar.text.lexicon).
AFFIX_MIN_RATIO = 4


def affix_pieces(counts: Counter[str]) -> set[str]:
    """Pieces of treebank tokens that are affixes rather than words (see the constants).

    >>> counts = Counter({"کتاب": 50, "رود": 12, "ها": 3, "کتاب\u200cها": 40, "می\u200cرود": 30})
    >>> sorted(affix_pieces(counts))
    ['می', 'ها']
    """
    beside: Counter[str] = Counter()
    for form, n in counts.items():
        if " " not in form and ZWNJ in form:
            parts = form.split(ZWNJ)
            for piece in set(parts[:-1]) | set(parts[1:]):
                beside[piece] += n
    return {
        piece
        for piece, n in beside.items()
        if n >= AFFIX_MIN_COUNT and n >= AFFIX_MIN_RATIO * counts.get(piece, 0)
    }


GIVEN_NAMES = OUTPUT.with_name("zwnj_given_names.txt")


def read_given_names(path: Path) -> set[str]:
    """The reviewed given names (one per line, ``#`` comments), Arabic ي/ك folded."""
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip().translate(FOLD)
        if name:
            names.add(name.replace(ZWNJ, ""))
    return names


def build(
    sources: Iterable[Path],
    shekar_dir: Path | None,
    hazm_dir: Path | None = None,
    wordfreq_dir: Path | None = None,
) -> dict[str, str]:
    """``{"lexicon": text}`` from the treebank ``sources``; ``"lists"`` from shekar's lists
    and hazm's ``words.dat`` (both folders are needed for it); and ``"web"`` from wordfreq's
    Persian list too (all three folders)."""
    counts = count_forms(read_lines(sources))
    out = {"lexicon": render(counts)}
    if shekar_dir is not None and hazm_dir is not None:
        seen = {form.replace(ZWNJ, "") for form in counts if " " not in form}
        affixes = affix_pieces(counts)
        lists = list_counts(shekar_dir, seen, affixes)
        listed = seen | {form.replace(ZWNJ, "").replace(" ", "") for form in lists}
        hazm, _ = hazm_counts(hazm_dir, listed, affixes, counts, read_given_names(GIVEN_NAMES))
        for form, n in hazm.items():
            lists.setdefault(form, n)  # a spaced pair both lists give keeps shekar's count
        if wordfreq_dir is not None:
            freq = wordfreq_words(wordfreq_dir)
            listed |= {form.replace(ZWNJ, "").replace(" ", "") for form in hazm}
            web_zwnj, _ = zwnj_word_counts(
                freq, listed, affixes, counts, read_given_names(GIVEN_NAMES)
            )
            for form, n in web_zwnj.items():
                lists.setdefault(form, n)
            known = {form.replace(ZWNJ, "").replace(" ", "") for form in counts.keys() | lists}
            web, _ = web_glued_words(freq, known, affixes, counts)
            out["web"] = WEB_GLUED_HEADER + "".join(f"{word}\n" for word in web)
        out["lists"] = render(lists, LISTS_HEADER)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="*", type=Path, default=list(DEFAULT_SOURCES))
    ap.add_argument("--output", type=Path, default=OUTPUT)
    ap.add_argument("--lists-output", type=Path, default=LISTS_OUTPUT)
    ap.add_argument("--check", action="store_true", help="compare with the outputs, write nothing")
    ap.add_argument(
        "--shekar-dir",
        type=Path,
        help="shekar 1.7.0's shekar/data/files folder (default: $KHABAR_SHEKAR_DIR, or the "
        "shekar package of this interpreter)",
    )
    ap.add_argument(
        "--hazm-dir",
        type=Path,
        help=f"hazm {HAZM_VERSION}'s hazm/data folder (default: $KHABAR_HAZM_DIR, or the hazm "
        "package of this interpreter)",
    )
    ap.add_argument(
        "--wordfreq-dir",
        type=Path,
        help=f"wordfreq {WORDFREQ_VERSION}'s wordfreq/data folder (default: "
        "$KHABAR_WORDFREQ_DIR, or the wordfreq package of this interpreter)",
    )
    ap.add_argument("--web-output", type=Path, default=WEB_GLUED_OUTPUT)
    ap.add_argument(
        "--treebanks-only",
        action="store_true",
        help="build (or --check) the treebank lexicon only, not the word-list file",
    )
    a = ap.parse_args(argv)
    missing = [str(p) for p in a.sources if not p.is_file()]
    if missing:
        print(
            f"error: source file(s) not found: {', '.join(missing)}; "
            f"put ../shared beside the repository or pass the train files",
            file=sys.stderr,
        )
        return 2
    shekar_dir = hazm_dir = wordfreq_dir = None
    if not a.treebanks_only:
        shekar_dir = find_shekar_dir(a.shekar_dir)
        hazm_dir = find_hazm_dir(a.hazm_dir)
        wordfreq_dir = find_wordfreq_dir(a.wordfreq_dir)
        problem = (
            "shekar is not installed here and neither --shekar-dir nor $KHABAR_SHEKAR_DIR is "
            f"set; pip install shekar=={SHEKAR_VERSION} into a scratch venv and pass its "
            "site-packages/shekar/data/files as --shekar-dir"
            if shekar_dir is None
            else check_shekar_dir(shekar_dir)
        ) or (
            "hazm is not installed here and neither --hazm-dir nor $KHABAR_HAZM_DIR is set; "
            f"pip install --no-deps hazm=={HAZM_VERSION} into a scratch venv and pass its "
            "site-packages/hazm/data as --hazm-dir"
            if hazm_dir is None
            else check_hazm_dir(hazm_dir)
        ) or (
            "wordfreq is not installed here and neither --wordfreq-dir nor "
            f"$KHABAR_WORDFREQ_DIR is set; pip install wordfreq=={WORDFREQ_VERSION} into a "
            "scratch venv and pass its site-packages/wordfreq/data as --wordfreq-dir"
            if wordfreq_dir is None
            else check_wordfreq_dir(wordfreq_dir)
        )
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
    texts = build(a.sources, shekar_dir, hazm_dir, wordfreq_dir)
    targets = {"lexicon": a.output, "lists": a.lists_output, "web": a.web_output}
    if a.check:
        stale = [
            str(targets[name])
            for name, text in texts.items()
            if not targets[name].is_file() or targets[name].read_text(encoding="utf-8") != text
        ]
        if stale:
            print(
                f"{', '.join(stale)} differ(s) from a fresh build; run scripts/build_lexicon.py",
                file=sys.stderr,
            )
            return 1
        return 0
    for name, text in texts.items():
        path = targets[name]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        forms = sum(not line.startswith("#") for line in text.splitlines())
        print(f"wrote {path} ({forms} forms, {len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
