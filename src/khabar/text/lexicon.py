"""The ZWNJ lexicon: how often each Persian word is written glued, with a ZWNJ, or as two words.

:class:`Lexicon` is read-only data for :mod:`khabar.text.zwnj`. The shipped file
(``khabar/data/lexicon/zwnj_lexicon.tsv``, CC BY-SA 4.0, built by ``scripts/build_lexicon.py``
from the UD PerDT and Seraji TRAIN splits) has one ``form<TAB>count`` per line:

* ``می‌باشد	117``: a word with its ZWNJs, as the treebanks write it;
* ``میلیون	208``: a word the treebanks write glued;
* ``به منظور	55``: two words written apart (one ASCII space between them).

The shipped word-list file (``zwnj_word_lists.tsv``, built by the same script from shekar's
word lists and hazm's ``words.dat``, both MIT, selected with the treebank counts) names how
words the treebanks never saw are written (``آبله‌مرغان``, ``می‌آموزند``). Its forms decide those words only: they add no
counts to the morphology learned from the treebanks (bound suffixes, prefixes, stems), so a
list of compounds in ``نامه`` does not make ``نامه`` a suffix that joins any word before it;
only its verb forms after ``می``/``نمی`` extend the known verb remainders.

The shipped exceptions (``zwnj_exceptions.txt``, written for khabar and reviewed by hand) are
names the morphology would split (``لنگرود`` is not ``لنگ‌رود``), in the user-file format below.
The shipped web words (``zwnj_web_glued.txt``, built by the same script from wordfreq's
Persian list, CC BY-SA 4.0) are words no other source wrote that the web writes glued and never
with a ZWNJ (``شنیداری``, ``بالتیمور``): the engine leaves such a word whole instead of cutting
it by morphology (:attr:`Lexicon.web_glued`); they add no form and no count.
The shipped spellings (``zwnj_spellings.txt``, same format, reviewed by hand) say how a word
that comes glued is written when the counts would leave it glued (``هیچکس`` → ``هیچ‌کس``); unlike
exceptions and user entries they never join two words written apart.

User files (``Lexicon.load(extra=[path])``) are plain UTF-8 text, one entry per line, ``#``
starting a comment. Each entry is a word written the way it must come out, and it overrides
the counts:

* ``بی‌نیوز`` (with a ZWNJ): write ``بینیوز`` and ``بی نیوز`` as ``بی‌نیوز``;
* ``میروسلاو`` (no ZWNJ): never split this word;
* ``به منظور`` (with a space): never join these two words;
* an optional ``<TAB>count`` after the entry is accepted and ignored, so a shipped-format file
  can be used as a user file too.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain, compress, repeat
from operator import contains, itemgetter, methodcaller
from pathlib import Path
from typing import Any, Final, TypeVar

ZWNJ: Final = "\u200c"
_T = TypeVar("_T")
SHIPPED: Final = "zwnj_lexicon.tsv"
#: Word forms from shekar's and hazm's MIT word lists for words the treebanks never wrote
#: (same format).
SHIPPED_LISTS: Final = "zwnj_word_lists.tsv"
#: Reviewed exceptions in the user-file format: names the morphology would split (``لنگرود``).
SHIPPED_EXCEPTIONS: Final = "zwnj_exceptions.txt"
#: Reviewed spellings of glued words (``هیچ‌کس``), same format; glued words only.
SHIPPED_SPELLINGS: Final = "zwnj_spellings.txt"
#: Reviewed given names (``هومن``, ``علیرضا``), same format: the word after one is most often
#: a surname (see :attr:`Lexicon.given_names`).
SHIPPED_GIVEN_NAMES: Final = "zwnj_given_names.txt"
#: Words the web writes glued and never with a ZWNJ, from wordfreq's Persian list (CC BY-SA
#: 4.0), that no other source wrote: the engine's morphology leaves them whole (see
#: :attr:`Lexicon.web_glued`); same format, one word per line.
SHIPPED_WEB_GLUED: Final = "zwnj_web_glued.txt"
#: Every shipped file the shipped lexicon is built from (the cache's key hashes each).
SHIPPED_FILES: Final = (
    SHIPPED,
    SHIPPED_LISTS,
    SHIPPED_EXCEPTIONS,
    SHIPPED_SPELLINGS,
    SHIPPED_GIVEN_NAMES,
    SHIPPED_WEB_GLUED,
)
#: The modules whose code makes the tables the cache file keeps with the shipped lexicon
#: (:attr:`Lexicon.derived`: :data:`khabar.text.zwnj.tables.CACHED_TABLES`), under
#: ``khabar/text``: their sources key the cache beside this module's, so a changed table
#: function or threshold rebuilds it. (``_tail_index``'s C twin in ``khabar/_c/chunks.c`` is
#: held equal to its pure twin in ``twins.py`` by the tests.)
TABLE_SOURCES: Final = ("zwnj/tables.py", "zwnj/twins.py", "zwnj/constants.py")
#: Letters that join the next letter: a ZWNJ after them changes how the word looks.
JOINING: Final = frozenset("بپتثجچحخسشصضطظعغفقکگلمنهیئـكي")

# Learned-morphology thresholds. They are corpus-size independent shares or small counts,
# chosen from the treebanks' TRAIN split (not from dev); each is explained where it is used.
#: A right piece is a *bound suffix* (``ها``, ``ترین``, ``اند``) when it was seen after a ZWNJ
#: at least this many times ...
BOUND_MIN_COUNT: Final = 20
#: ... and at least this many times as often as alone (``ها`` 3738 attached, 3 alone;
#: ``کند`` is attached 1554 times but is also a verb on its own, so it is not bound).
BOUND_MIN_RATIO: Final = 4.0
#: A left piece is a *verbal prefix* (``می``, ``نمی``, ``برمی``) when it is this frequent on the
#: left of a ZWNJ and rarely a word by itself (same ratio as above).
PREFIX_MIN_COUNT: Final = 20
#: The verbal prefixes of the present and its negative: «می‌رود», «نمی‌رود».
PRESENT_PREFIX: Final = "می"
NEGATIVE_PREFIX: Final = "نمی"
#: A spaced pair votes for a ZWNJ in a glued word only if its words are seen together at least
#: this many times as often as chance (lift): «به وجود» (7x) votes for «به‌وجود», «جان به» not.
PAIR_VOTE_LIFT: Final = 2.0
#: Personal endings that turn a verb stem into a remainder after می: «می‌کن|م», «می‌کن|ند».
PERSONAL_ENDINGS: Final = ("", "م", "ی", "د", "یم", "ید", "ند")
#: The comparative and superlative endings (``بزرگ‌تر``, ``بزرگ‌ترین``); see
#: :meth:`Lexicon.comparative_count`.
COMPARATIVE_ENDINGS: Final = ("تر", "تری", "ترین")
#: The plural ``ها`` and the endings it takes (``کتاب‌های``, ``کتاب‌هایش``); see
#: :meth:`Lexicon.plural_count`.
PLURAL_ENDINGS: Final = ("ها", "های", "هایی", "هایش", "هایشان", "هایمان", "هایتان", "هایم")


#: Lookup fold: letter variants that spell the same word (``تأمین`` / ``تامین``), Arabic
#: ي/ك, and marks (diacritics, hamza above, tatweel) that do not decide a ZWNJ. Keys and forms
#: are folded on load; the engine folds each word the same way before looking it up.
FOLD: Final = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ۀ": "ه",
        "ة": "ه",
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "\u0640": None,
        **{chr(c): None for c in range(0x064B, 0x0660)},
        "\u0670": None,
    }
)


#: Any character that :data:`FOLD` changes. ``str.translate`` with a non-ASCII table looks every
#: character up in a dict (about 1.5 us for a word, 0.2 s for the lexicon file), and most words
#: have nothing to fold: one regex search says so (about 0.2 us).
_FOLDS_RE: Final = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(FOLD)) + "]")
#: :data:`FOLD` as (character, replacement) pairs, for :func:`fold_text`
_FOLD_PAIRS: Final = tuple((chr(c), to or "") for c, to in sorted(FOLD.items()))


def fold(word: str) -> str:
    """The lookup form of ``word``: ``fold("تأمین")`` is ``"تامین"``, ``fold("نقطهٔ")`` ``"نقطه"``.

    >>> fold("تأمین‌کنندگان") == "تامین‌کنندگان"
    True
    """
    return word if _FOLDS_RE.search(word) is None else word.translate(FOLD)


def fold_text(text: str) -> str:
    """:func:`fold` of a long text (many words at once): one ``str.replace`` per character to
    fold that the text holds. The same as ``text.translate(FOLD)``, because no replacement is
    itself a character that :data:`FOLD` changes.

    >>> fold_text("تأمین و نقطهٔ") == "تامین و نقطه"
    True
    """
    for char, to in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, to)
    return text


class LexiconError(ValueError):
    """A lexicon file cannot be read; the message names the file, the line and the fix."""


@dataclass(slots=True)
class Lexicon:
    """Counts of written forms, keyed by the word with its ZWNJs removed.

    Build one with :meth:`load` (the shipped lexicon plus user files) or :meth:`from_counts`.

    >>> lex = Lexicon.from_counts({"می\u200cباشد": 9, "میلیون": 5, "کتاب ها": 1, "کتاب\u200cها": 7})
    >>> lex.best_form("میباشد") == "می\u200cباشد"
    True
    >>> lex.best_form("میلیون")
    'میلیون'
    >>> lex.pair_count("کتاب", "ها"), lex.joined_count("کتاب", "ها")
    (1, 7)
    """

    #: key -> {form: count}; forms are tokens (maybe with ZWNJ) or two words with one space
    forms: dict[str, dict[str, int]] = field(default_factory=dict)
    #: user-forced forms: key -> form (``بی‌نیوز``), or the key itself to forbid any change
    forced: dict[str, str] = field(default_factory=dict)
    #: pairs a user wants kept apart: ``"به منظور"``
    forced_apart: set[str] = field(default_factory=set)
    #: reviewed spellings of glued words: key -> form (``هیچکس`` -> ``هیچ‌کس``); unlike
    #: ``forced``, they decide a glued word only and never join two words written apart
    spellings: dict[str, str] = field(default_factory=dict)
    #: count of each key written as one token (glued or with ZWNJ)
    word_count: Counter[str] = field(default_factory=Counter)
    #: count of each piece seen left / right of a ZWNJ inside a token
    left_count: Counter[str] = field(default_factory=Counter)
    right_count: Counter[str] = field(default_factory=Counter)
    #: count of each piece seen after a word's ZWNJ, not right after a verbal prefix: «رود»
    #: of «می‌رود» is a verb form, not the second word of compounds like «زاینده‌رود»
    after_word_count: Counter[str] = field(default_factory=Counter)
    bound_suffixes: frozenset[str] = frozenset()
    verbal_prefixes: frozenset[str] = frozenset()
    bound_prefixes: frozenset[str] = frozenset()
    verb_remainders: frozenset[str] = frozenset()
    verb_stems: frozenset[str] = frozenset()
    #: (bound suffix, stem class) -> share of word types written with the ZWNJ; see
    #: :meth:`suffix_share`
    suffix_rate: dict[tuple[str, str], float] = field(default_factory=dict)
    total: int = 0
    #: keys of given names (``هومن``, ``علیرضا``): the word after one is most often a surname,
    #: which the engine keeps as it is written (``هومن سیدی``, not ``سی‌دی``)
    given_names: frozenset[str] = frozenset()
    #: keys of words no source writes with a ZWNJ that the web writes glued and never with
    #: one (``شنیداری``, ``بالتیمور``, ``کامیاران``: not ``شنی‌داری``, ``بال‌تیمور``,
    #: ``کام‌یاران``): an unknown glued word among them is not cut by morphology. Only the
    #: word itself: no piece, ending or count is learned from them.
    web_glued: frozenset[str] = frozenset()
    #: tables the ZWNJ engine makes from the fields above, by name (:meth:`table`): made on
    #: first use, or read from the cache file with the shipped lexicon. Only the forms and the
    #: counts learned from them may make one, never user entries, spellings or names: a table
    #: read from the cache serves a lexicon with user files too. Dropped whenever the forms or
    #: counts change (:meth:`_add_all`, :meth:`_add_list_forms`, :meth:`_derive`); code that
    #: changes :attr:`forms` by hand must clear it. Not compared: it is a memo of the others.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_counts(
        cls, counts: Mapping[str, int], list_counts: Mapping[str, int] | None = None
    ) -> Lexicon:
        """Make a lexicon from ``form -> count`` (tokens, and pairs with one space).

        ``list_counts`` (same shape) are forms from word lists: looked up like the others,
        but left out of the learned morphology (see the module docstring).

        >>> tree = {"کتاب": 3, "می‌رود": 30}  # «می»: 20+ times left of a ZWNJ, a prefix
        >>> lex = Lexicon.from_counts(tree, {"آبله‌مرغان": 1, "می‌آموزند": 1})
        >>> lex.best_form("آبلهمرغان") == "آبله‌مرغان"
        True
        >>> "مرغان" in lex.right_count, "آموزند" in lex.verb_remainders
        (False, True)
        """
        lex = cls()
        lex._add_all(counts)
        lex._derive()
        if list_counts:
            lex._add_list_forms(list_counts)
        return lex

    @classmethod
    def load(
        cls,
        path: Path | str | None = None,
        *,
        extra: Iterable[Path | str] = (),
        word_lists: Path | str | None = None,
    ) -> Lexicon:
        """Load the shipped lexicon, word lists and reviewed exceptions (or ``path``, with
        ``word_lists`` if given, and no shipped exceptions), then apply user files in order.

        The shipped lexicon is built once and then read from a cache file written from the
        same data files and code (:mod:`khabar.text.lexicon_cache`; ``KHABAR_CACHE_DIR=""``
        turns it off); ``path`` and user files are read every time.

        Raises:
            LexiconError: a file is missing or has a malformed line (the message says which).
        """
        if path is None:
            lex = cls._shipped()
        else:
            lists = (
                None
                if word_lists is None
                else parse_counts(_read(Path(word_lists)), str(word_lists))
            )
            lex = cls.from_counts(parse_counts(_read(Path(path)), str(path)), lists)
        for user in extra:
            lex.add_user_entries(parse_user_entries(_read(Path(user)), str(user)))
        return lex

    @classmethod
    def _shipped(cls) -> Lexicon:
        """The shipped lexicon: from the cache file (:mod:`khabar.text.lexicon_cache`) when it
        was written from these very data files and this module's source, else built (and the
        cache written), with the tables the engine makes from it (:meth:`with_tables`).
        Without this module's source or the tables' (an install that left them out) there is
        no key that would notice changed code: no cache then, nor with the cache turned off;
        the tables are then made when the engine first needs them."""
        from khabar.text.lexicon_cache import cache_dir, load_or_build

        package = resources.files("khabar")
        folder = package / "data" / "lexicon"
        data = {name: (folder / name).read_bytes() for name in SHIPPED_FILES}
        cache = cache_dir()
        if cache is None:  # no cache: the tables are made when the engine first needs them
            return cls._build_shipped(data)
        try:
            code = {
                name: (package / "text" / name).read_bytes()
                for name in ("lexicon.py", *TABLE_SOURCES)
            }
        except OSError:
            return cls._build_shipped(data)
        return load_or_build(
            cls, {**data, **code}, lambda: cls._build_shipped(data).with_tables(), cache
        )

    @classmethod
    def _build_shipped(cls, data: Mapping[str, bytes]) -> Lexicon:
        """Build the shipped lexicon from the bytes of each of :data:`SHIPPED_FILES`."""
        texts = {name: _decoded(raw) for name, raw in data.items()}
        lex = cls.from_counts(
            parse_counts(texts[SHIPPED], "shipped " + SHIPPED),
            parse_counts(texts[SHIPPED_LISTS], "shipped " + SHIPPED_LISTS),
        )
        exceptions = texts[SHIPPED_EXCEPTIONS]
        lex.add_user_entries(parse_user_entries(exceptions, "shipped " + SHIPPED_EXCEPTIONS))
        spellings = texts[SHIPPED_SPELLINGS]
        lex.add_spellings(parse_user_entries(spellings, "shipped " + SHIPPED_SPELLINGS))
        lex.given_names = frozenset(
            fold(name).replace(ZWNJ, "")
            for name in parse_user_entries(
                texts[SHIPPED_GIVEN_NAMES], "shipped " + SHIPPED_GIVEN_NAMES
            )
        )
        lex.web_glued = web_glued_keys(
            parse_user_entries(texts[SHIPPED_WEB_GLUED], "shipped " + SHIPPED_WEB_GLUED)
        )
        return lex

    def with_tables(self) -> Lexicon:
        """This lexicon, with every table of :data:`khabar.text.zwnj.tables.CACHED_TABLES`
        made (:attr:`derived`), as the cache file stores them beside the counts."""
        # the engine's module, imported only when a cache file is written: the tables are
        # the ZWNJ engine's, the counts they are made from this module's
        from khabar.text.zwnj.tables import CACHED_TABLES

        for make in CACHED_TABLES:
            make(self)
        return self

    def table(self, name: str, make: Callable[[Lexicon], _T]) -> _T:
        """The table ``name`` made from this lexicon's forms and counts by ``make``: made on
        first use and kept in :attr:`derived` (from the cache file, the shipped lexicon's are
        there already).

        >>> lex = Lexicon.from_counts({"کتاب‌ها": 2, "میز": 1})
        >>> lex.table("n", lambda lex: len(lex.forms)), lex.table("n", lambda lex: -1)
        (2, 2)
        >>> lex._add_all({"در": 1}); lex.table("n", lambda lex: len(lex.forms))
        3
        """
        hit = self.derived.get(name)
        if hit is None:
            hit = self.derived[name] = make(self)
        return hit  # type: ignore[no-any-return]

    def add_user_entries(self, entries: Iterable[str]) -> None:
        """Force the written forms of user entries (see the module docstring for the format)."""
        for entry in entries:
            if " " in entry:
                self.forced_apart.add(fold(entry))
                self.forced.pop(fold(entry).replace(" ", "").replace(ZWNJ, ""), None)
            else:
                self.forced[fold(entry).replace(ZWNJ, "")] = fold(entry)

    def add_spellings(self, entries: Iterable[str]) -> None:
        """Write these words so when they come glued (``هیچ‌کس``: ``هیچکس`` → ``هیچ‌کس``).

        A spelling decides :meth:`best_form` of its glued key, after user-forced forms, and
        nothing else: the counts of the two words written apart (``هیچ کس``) are unchanged.

        >>> lex = Lexicon.from_counts({"هیچکس": 2, "هیچ کس": 68})
        >>> lex.add_spellings(["هیچ‌کس"])
        >>> lex.best_form("هیچکس") == "هیچ‌کس", lex.pair_count("هیچ", "کس")
        (True, 68)
        """
        for entry in entries:
            if " " in entry or ZWNJ not in entry:
                raise LexiconError(
                    f"spelling {entry!r} is not one word with a ZWNJ; a spelling says where a "
                    "glued word takes its ZWNJs (write a name kept glued as an exception instead)"
                )
            self.spellings[fold(entry).replace(ZWNJ, "")] = fold(entry)

    def _add_all(self, counts: Mapping[str, int]) -> None:
        """Add every ``form -> count`` (folded) to the forms, and count each token form as a
        word and its pieces left and right of its ZWNJs.

        Forms are folded and keyed in bulk (:func:`_folded_and_keys`), and only forms with a
        ZWNJ are split into pieces (a glued form is one piece, counted neither left nor right).
        """
        self.derived.clear()  # made from the forms and counts changed here
        forms_of, keys = _folded_and_keys(list(counts))
        forms = self.forms
        word_count: dict[str, int] = {}
        left, right = self.left_count, self.right_count
        total = 0
        for key, form, n in zip(keys, forms_of, counts.values(), strict=True):
            seen = forms.get(key)
            if seen is None:
                forms[key] = {form: n}
            else:
                seen[form] = seen.get(form, 0) + n
            if " " in form:
                continue
            total += n
            word_count[key] = word_count.get(key, 0) + n
            if ZWNJ in form:
                parts = form.split(ZWNJ)
                for p in parts[:-1]:
                    left[p] = left.get(p, 0) + n
                for p in parts[1:]:
                    right[p] = right.get(p, 0) + n
        self.total += total
        if self.word_count:
            self.word_count.update(word_count)
        else:
            self.word_count = Counter(word_count)

    def _add_list_forms(self, counts: Mapping[str, int]) -> None:
        """Add word-list forms for look-ups only, and their verb forms to the remainders."""
        self.derived.clear()  # made from the forms changed here
        remainders = set(self.verb_remainders)
        folded, keys = _folded_and_keys(list(counts))
        for form, key, n in zip(folded, keys, counts.values(), strict=True):
            forms = self.forms.get(key)
            if forms is None:
                self.forms[key] = {form: n}
            else:
                forms[form] = forms.get(form, 0) + n
            if ZWNJ in form:
                head, _, rest = form.partition(ZWNJ)
                if " " not in form and head in self.verbal_prefixes:
                    remainders.add(rest.split(ZWNJ)[0])
        self.verb_remainders = frozenset(remainders)

    def _derive(self) -> None:
        """Learn bound suffixes, verbal prefixes and verb stems from the counts."""
        self.derived.clear()  # made from the learned morphology too (bound suffixes)
        alone = self.word_count
        learned = frozenset(
            p
            for p, n in self.left_count.items()
            if p.endswith(PRESENT_PREFIX)
            and n >= PREFIX_MIN_COUNT
            and n >= BOUND_MIN_RATIO * alone[p]
        )
        # a preverb's negative: «برنمی» (برنمی‌گردد) beside «برمی» and «نمی», which the
        # treebanks write too seldom to be learned by itself
        self.verbal_prefixes = learned | frozenset(
            p[: -len(PRESENT_PREFIX)] + NEGATIVE_PREFIX
            for p in learned
            if NEGATIVE_PREFIX in learned
            and len(p) > len(NEGATIVE_PREFIX)
            and not p.endswith(NEGATIVE_PREFIX)
        )
        # «بی» in «بی‌نیوز», «بی‌تعادلی»: on the left of a ZWNJ far more often than alone
        self.bound_prefixes = frozenset(
            p
            for p, n in self.left_count.items()
            if p not in self.verbal_prefixes
            and n >= PREFIX_MIN_COUNT
            and n >= BOUND_MIN_RATIO * alone[p]
        )
        # pieces after a verbal prefix (می‌|گوید) are verb forms, not suffixes of nouns
        with_zwnj = forms_with_zwnj(self.forms)  # the others have no piece after a ZWNJ
        after_word: Counter[str] = Counter()
        prefixes = self.verbal_prefixes
        for form in with_zwnj:
            if " " in form:
                continue
            n = self.forms[form.replace(ZWNJ, "")][form]
            parts = form.split(ZWNJ)
            for k in range(1 if parts[0] not in prefixes else 2, len(parts)):
                after_word[parts[k]] = after_word.get(parts[k], 0) + n
        self.after_word_count = after_word
        self.bound_suffixes = frozenset(
            p
            for p, n in after_word.items()
            if n >= BOUND_MIN_COUNT and n >= BOUND_MIN_RATIO * self.glued_count(p)
        )
        self.suffix_rate = self._suffix_rates(with_zwnj)
        remainders = set()
        for form in with_zwnj:
            head, _, rest = form.partition(ZWNJ)
            if head in prefixes:
                remainders.add(rest.split(ZWNJ)[0])
        self.verb_remainders = frozenset(remainders)
        stems = set()
        for r in remainders:
            for end in PERSONAL_ENDINGS[1:]:
                if r.endswith(end) and len(r) > len(end) + 1:
                    stems.add(r[: -len(end)])
        self.verb_stems = frozenset(stems)

    def _suffix_rates(self, with_zwnj: list[str] | None = None) -> dict[tuple[str, str], float]:
        """Share of word types that write each bound suffix with a ZWNJ, by the stem's end.

        PerDT writes ``خانه‌شان`` but ``آزمونشان``: the pronoun ``شان`` takes a ZWNJ after
        ``ه`` and ``ی`` and is glued after other letters, while ``ها`` takes one after every
        joining letter. Counting word types (not tokens) per (suffix, ``ه``/``ی``/other)
        learns this from the treebanks instead of from a hand-written table.

        ``with_zwnj``: :func:`forms_with_zwnj` of the forms, if the caller has it.
        """
        bound = self.bound_suffixes
        longest = max(map(len, bound), default=0)
        zwnj: Counter[tuple[str, str]] = Counter()
        glued: Counter[tuple[str, str]] = Counter()
        for form in forms_with_zwnj(self.forms) if with_zwnj is None else with_zwnj:
            if " " in form:
                continue
            stem, _, suf = form.rpartition(ZWNJ)
            stem = stem.replace(ZWNJ, "")
            if suf in bound and stem and stem[-1] in JOINING:
                kind = (suf, stem_class(stem))
                zwnj[kind] = zwnj.get(kind, 0) + 1
        # a glued form is its key (no ZWNJ, no space); only keys ending in a bound suffix of
        # two letters or more can count (the cuts below are 2 letters or longer)
        endings = tuple(suf for suf in bound if len(suf) >= 2)
        forms = self.forms
        glued_keys = list(compress(forms, map(contains, forms.values(), forms)))
        for key in compress(glued_keys, map(methodcaller("endswith", endings), glued_keys)):
            for cut in range(2, min(longest, len(key) - 1) + 1):
                suf, stem = key[-cut:], key[:-cut]
                if suf in bound and stem[-1] in JOINING and stem in self.word_count:
                    glued[(suf, stem_class(stem))] += 1
        return {k: (zwnj[k] + 1) / (zwnj[k] + glued[k] + 2) for k in set(zwnj) | set(glued)}

    def suffix_share(self, suffix: str, stem: str) -> float:
        """Share of word types writing ``stem`` + ``suffix`` with a ZWNJ (0.5 if unseen)."""
        return self.suffix_rate.get((suffix, stem_class(stem)), 0.5)

    # ---- queries -------------------------------------------------------------------------

    def glued_count(self, key: str) -> int:
        """How often ``key`` was written as one token with no ZWNJ."""
        forms = self.forms.get(key)
        return forms.get(key, 0) if forms else 0

    def best_form(self, key: str) -> str | None:
        """The most frequent one-token spelling of ``key``, or None if the key is unknown.

        A two-word spelling (``به وجود``) counts for the ZWNJ at the same place (``به‌وجود``),
        because a glued ``بهوجود`` can only become one of the one-token spellings, unless the
        glued spelling is itself a word (``بهمن``). Ties keep the glued spelling (do no harm).
        """
        if key in self.forced:
            return self.forced[key]
        if key in self.spellings:
            return self.spellings[key]
        forms = self.forms.get(key)
        if not forms:
            return None
        if len(forms) == 1:  # most keys: one form, which wins if it is a token seen at all
            # a loop over the one item: compiled code iterates a dict's items natively, while
            # unpacking ``((form, n),) = forms.items()`` goes through the generic protocol
            for form, n in forms.items():
                if " " not in form:
                    return form if n > 0 and form != key else key
        votes: dict[str, int] = {}
        glued = forms.get(key, 0)
        for form, n in forms.items():
            if " " in form:
                if glued or not self._habit(form, n) or _has_letter_word(form):
                    # «بهمن» is a word, «به من» (to me) no vote for «به‌من»; «جان به» is
                    # chance, no vote for «جان‌به»; «ه ق» (هجری قمری) are initials, no
                    # vote for «ه‌ق»
                    continue
                form = form.replace(" ", ZWNJ)
            votes[form] = votes.get(form, 0) + n
        best = key
        best_n = votes.get(key, 0)
        for form, n in votes.items():
            if n > best_n:
                best, best_n = form, n
        return best

    def _habit(self, pair: str, n: int) -> bool:
        """Whether the two words of ``pair`` (seen ``n`` times) go together beyond chance."""
        a, _, b = pair.partition(" ")
        return n * self.total >= PAIR_VOTE_LIFT * self.word_count.get(a, 0) * self.word_count.get(
            b, 0
        )

    def pair_count(self, a: str, b: str) -> int:
        """How often ``a`` and ``b`` were written as two words (``کتاب ها``)."""
        forms = self.forms.get(a + b)
        return forms.get(f"{a} {b}", 0) if forms else 0

    def joined_count(self, a: str, b: str) -> int:
        """How often ``a`` + ``b`` was one token with a ZWNJ at the seam between them.

        Glued spellings do not count: ``مادر`` is a word, but ``ما در`` must not become
        ``ما‌در``.
        """
        forms = self.forms.get(a + b)
        if not forms:
            return 0
        total = 0
        for form, n in forms.items():
            if " " in form:
                continue
            # the form must not break inside a or b other than at the seam
            if ZWNJ in form and _seam_ok(form, len(a)):
                total += n
        return total

    def plural_count(self, stem: str) -> int:
        """How often ``stem`` was written with a plural ending (``ها``, ``های``, ``هایی``...),
        with a ZWNJ or glued, never read as ``stem`` + ``ه`` + ``ای``.

        A glued ``stemهای`` counts as the plural: the treebanks write ``ای`` after a silent
        ``ه`` with a ZWNJ (``بنده‌ای``) in nine word types of ten, so their glued ``بندهای``
        are clauses (``بند`` + ``های``).

        >>> lex = Lexicon.from_counts({"بند‌ها": 2, "بندهای": 3, "بنده‌ای": 5})
        >>> lex.plural_count("بند"), lex.heh_ye_count("بنده")
        (5, 5)
        """
        total = 0
        seam = len(stem)
        for ending in PLURAL_ENDINGS:
            for form, n in self.forms.get(stem + ending, {}).items():
                if " " in form:
                    continue
                cuts = zwnj_offsets(form)
                if seam + 1 not in cuts and (not cuts or seam in cuts):
                    total += n
        return total

    def comparative_count(self, stem: str) -> int:
        """How often ``stem`` was written with a comparative ending (``تر``, ``تری``,
        ``ترین``): with a ZWNJ at the seam, or glued when the glued superlative was seen too
        (``کمتر``, ``کمترین``), since a glued ``تر`` may be part of another word (``تیتر``,
        headline, is no ``تی`` + ``تر``).

        >>> lex = Lexicon.from_counts({"بزرگ‌تر": 2, "کمتر": 3, "کمترین": 1, "تیتر": 9})
        >>> [lex.comparative_count(s) for s in ("بزرگ", "کم", "تی")]
        [2, 4, 0]
        """
        total = 0
        seam = len(stem)
        glued_ok = self.glued_count(stem + COMPARATIVE_ENDINGS[-1]) > 0
        for ending in COMPARATIVE_ENDINGS:
            for form, n in self.forms.get(stem + ending, {}).items():
                if " " in form:
                    continue
                cuts = zwnj_offsets(form)
                if seam in cuts or (not cuts and glued_ok):
                    total += n
        return total

    def heh_ye_count(self, heh: str) -> int:
        """How often ``heh`` (a word ending in ``ه``) was written with ``ای`` after a ZWNJ."""
        form = heh + ZWNJ + "ای"
        return self.forms.get(heh + "ای", {}).get(form, 0)

    def log_weight(self, piece: str) -> float:
        """log of a piece's frequency (as a word or a ZWNJ piece), smoothed; for tie-breaks."""
        n = (
            self.word_count.get(piece, 0)
            + self.left_count.get(piece, 0)
            + self.right_count.get(piece, 0)
        )
        return math.log(n + 1)


def _folded_and_keys(forms: list[str]) -> tuple[list[str], list[str]]:
    """Each form folded, and its key (folded, without ZWNJs and spaces): one ``str`` call
    each over all of them, when no form holds a ``\\n`` (the files have one form a line).

    >>> _folded_and_keys(["تأمین‌کننده", "به منظور"]) == (
    ...     ["تامین‌کننده", "به منظور"], ["تامینکننده", "بهمنظور"])
    True
    """
    joined = "\n".join(forms)
    if not forms or joined.count("\n") != len(forms) - 1:
        folded = [fold(form) for form in forms]
        return folded, [form.replace(ZWNJ, "").replace(" ", "") for form in folded]
    folded_text = fold_text(joined)
    keys_text = folded_text.replace(ZWNJ, "").replace(" ", "")
    return folded_text.split("\n"), keys_text.split("\n")


def forms_with_zwnj(forms: Mapping[str, Mapping[str, int]]) -> list[str]:
    """The forms of ``forms`` (:attr:`Lexicon.forms`) that have a ZWNJ, in order: about one in
    five, found without a Python step per form.

    >>> forms_with_zwnj({"کتابها": {"کتاب‌ها": 7, "کتاب ها": 1}, "میز": {"میز": 3}})
    ['کتاب‌ها']
    """
    every = list(chain.from_iterable(forms.values()))
    return list(compress(every, map(contains, every, repeat(ZWNJ))))


def _has_letter_word(pair: str) -> bool:
    """True if a word of ``pair`` is a single letter (initials: «ه ق», «ق م»).

    >>> _has_letter_word("ه ق"), _has_letter_word("به وجود")
    (True, False)
    """
    a, _, b = pair.partition(" ")
    return len(a) < 2 or len(b) < 2


def stem_class(stem: str) -> str:
    """The class of a stem's last letter that decides suffix spelling: ``ه``, ``ی`` or ``*``."""
    last = stem[-1:]
    return last if last in ("ه", "ی") else "*"


def zwnj_offsets(form: str) -> list[int]:
    """Offsets, in ``form`` without its ZWNJs, where its ZWNJs stand.

    >>> zwnj_offsets("می\u200cشده\u200cاند")
    [2, 5]
    >>> zwnj_offsets("کتاب"), zwnj_offsets("\u200cب\u200c\u200c")
    ([], [0, 1, 1])
    """
    # str.find from ZWNJ to ZWNJ (a form holds one or two): compiled code indexing the form
    # made a new one-letter str per Persian letter (~180 instructions each, callgrind)
    out: list[int] = []
    at = form.find(ZWNJ)
    while at >= 0:
        out.append(at - len(out))  # the ZWNJs before it do not count
        at = form.find(ZWNJ, at + 1)
    return out


def _seam_ok(form: str, seam: int) -> bool:
    """True if the ZWNJs of ``form`` fall only at the seam (``seam`` counted without ZWNJs)."""
    k = 0
    for ch in form:
        if ch == ZWNJ:
            if k != seam:
                return False
        else:
            k += 1
    return True


def _decoded(data: bytes) -> str:
    """``data`` as ``Path.read_text("utf-8")`` reads it: UTF-8, ``\\r\\n`` and ``\\r`` as ``\\n``.

    >>> _decoded("الف\\r\\nب\\rج\\n".encode()) == "الف\\nب\\nج\\n"
    True
    """
    text = data.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _read(path: Path) -> str:
    """The text of a lexicon or user word file, or a LexiconError saying what is wrong with it
    (missing, a folder, unreadable, not UTF-8) and how to fix it."""
    from khabar.text.userfile import UserFileError, read_user_text

    try:
        return read_user_text(path, "lexicon file")
    except UserFileError as exc:
        raise LexiconError(str(exc)) from None


def parse_counts(text: str, name: str) -> dict[str, int]:
    """Parse ``form<TAB>count`` lines (``#`` comments and blank lines skipped).

    >>> parse_counts("# c\\nمیلیون\\t3\\n", "x")
    {'میلیون': 3}
    """
    # the common case, in bulk: every entry well formed, no form twice
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(map(methodcaller("partition", "\t"), lines))
    if all(map(itemgetter(1), rows)) and all(map(str.isdigit, map(itemgetter(2), rows))):
        counts = dict(zip(map(itemgetter(0), rows), map(int, map(itemgetter(2), rows))))
        if len(counts) == len(rows):
            return counts
    out: dict[str, int] = {}
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        form, sep, count = line.partition("\t")
        if not sep or not count.strip().isdigit():
            raise LexiconError(
                f"{name} line {no}: expected 'form<TAB>count', got {line!r}; fix or remove the line"
            )
        out[form] = out.get(form, 0) + int(count)
    return out


def web_glued_keys(entries: Iterable[str]) -> frozenset[str]:
    """The keys of :attr:`Lexicon.web_glued` from its file's entries, each one glued word.

    >>> sorted(web_glued_keys(["شنیداری", "بالتيمور"])) == ["بالتیمور", "شنیداری"]
    True

    Raises:
        LexiconError: an entry is two words or has a ZWNJ (the file is not a rebuilt one).
    """
    keys = set()
    for entry in entries:
        if " " in entry or ZWNJ in entry:
            raise LexiconError(
                f"web word {entry!r} is not one glued word; the file lists words the web "
                "writes glued (rebuild it with scripts/build_lexicon.py)"
            )
        keys.add(fold(entry))
    return frozenset(keys)


def user_apart_pairs(paths: Iterable[Path | str]) -> dict[str, str]:
    """The pairs the user files ``paths`` keep apart (``به منظور``), folded, each with the first
    file that lists it: a house style (:mod:`khabar.text.style`) leaves these pairs apart too.

    Raises:
        LexiconError: a file is missing or has a malformed line (as :meth:`Lexicon.load`).
    """
    apart: dict[str, str] = {}
    for path in paths:
        for entry in parse_user_entries(_read(Path(path)), str(path)):
            if " " in entry:
                apart.setdefault(fold(entry), str(path))
    return apart


def parse_user_entries(text: str, name: str) -> list[str]:
    """Parse a user file: one entry per line, ``#`` comments, optional ``<TAB>anything`` ignored.

    >>> parse_user_entries("# news names\\nبی\u200cنیوز\\n  به منظور  # keep apart\\n", "x")
    ['بی\u200cنیوز', 'به منظور']
    """
    out = []
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].split("\t", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        if len(words) > 2:
            raise LexiconError(
                f"{name} line {no}: {line!r} has {len(words)} words; an entry is one word, "
                "or two words to keep apart"
            )
        out.append(" ".join(words))
    return out
