"""Language identification for Arabic-script web text, without losing Persian to a neighbour.

Two methods:

* ``script`` (always available, stdlib only): letters only some Arabic-script languages use, and
  function words. Urdu, Pashto, Sorani Kurdish, Sindhi and Uyghur each write letters Persian never
  does (Urdu ے ں ٹ, Pashto ښ ړ ټ, Kurdish ێ ۆ ڵ, Sindhi ٻ ڄ ڍ, Uyghur ۇ ۈ ۋ); Arabic lacks Persian's
  پ چ ژ گ and has its own function words and the article «ال». Persian typed with Arabic ي/ك (common
  in older news) stays Persian, because letters are folded before words are compared.
* ``lingua`` (extra ``lid``: ``lingua-language-detector``): a statistical model restricted to
  Persian, Arabic, Urdu and English (about 140 MB in memory, preloaded once per process), used for
  texts the script check cannot settle: Latin text, short texts, Persian/Arabic mixtures. lingua
  knows no Pashto, Kurdish, Sindhi or Uyghur; those are only ever decided by script.

Persian is protected in both: a text with Persian-only letters (پ چ ژ گ) at the rate of Persian
prose is never called Arabic, whatever the model says.

>>> detect_language("وزیر نیرو گفت که ذخایر سدهای تهران امسال کمتر از پارسال است.").lang
'fa'
>>> detect_language("وقال الوزير إن الحكومة ستعمل على تحسين الخدمات في المدن الكبرى.").lang
'ar'
>>> detect_language("وزير نيرو گفت كه ذخاير سدهاي تهران امسال كمتر از پارسال است.").lang
'fa'
>>> detect_language("").lang
'und'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from khabar._native import c_extension
from khabar._optional import require
from khabar.corpus.keys import canonical, canonical_lines, char_counter

__all__ = ["LANGS", "LangResult", "detect_language", "script_scores"]

#: Codes this module returns: ISO 639-1 where there is one, else 639-3; ``und`` undetermined
#: (too little text), ``zxx-latn`` mostly Latin script without the model, ``other`` another script.
LANGS: tuple[str, ...] = (
    "fa",
    "ar",
    "ur",
    "ps",
    "ckb",
    "sd",
    "ug",
    "en",
    "und",
    "zxx-latn",
    "other",
)


@dataclass(frozen=True, slots=True)
class LangResult:
    """``lang`` code, ``score`` in [0, 1] (how sure), and ``method`` (``script`` or ``lingua``)."""

    lang: str
    score: float
    method: str


#: Letters that mark a neighbour language: Persian prose never uses them (one in a quoted name is
#: tolerated: a language needs them at :data:`_MARKER_RATE` of its Arabic-script letters).
MARKERS: dict[str, str] = {
    "ur": "ٹڈڑںےۓہ",  # retroflexes, noon ghunna, yeh barree, heh goal
    "ps": "ټډړږښګڼۍې",  # Pashto retroflexes, sheen/zhe with dot, Pashto yehs
    "ckb": "ێۆڵڕەڤ",  # Sorani vowels and velarised l/r; ە is the vowel «e»
    "sd": "ٻڄڃڇڊڌڍڏڙڦڳڱ۾ٺٽٿ",  # Sindhi implosives, aspirates and retroflexes
    "ug": "ۇۈۋۆې",  # Uyghur vowels and waw with three dots
}
#: the script_scores keys of each neighbour's marker count and rate, in MARKERS order
_MARKER_KEYS: tuple[tuple[str, str], ...] = tuple(
    (f"{lang}_marker_count", f"{lang}_markers") for lang in MARKERS
)
#: neighbour marker letters per Arabic-script letter above which the neighbour wins (measured: 0 in
#: all of ../shared's Persian; 3-15 % in real Urdu, Pashto, Kurdish, Sindhi and Uyghur prose)
_MARKER_RATE = 0.01
#: Persian-only letters per Arabic-script letter in Persian prose: 1.5-4 % (پ چ ژ گ)
_PERSIAN_LETTERS = "پچژگ"
_PERSIAN_LETTER_RATE = 0.004

# Function words in canonical form (ي→ی, ة→ه, أ→ا): each is frequent in one language, rare in the
# other. Arabic «من», «إن»/«ان», «إلى» and «على» are left out: Persian «من» (I), «آن» (that), «الی»
# (to, in «۸ الی ۱۲») and the name «علی» fold to the same keys.
_FA_WORDS = frozenset(
    canonical(w)
    for w in [
        "است",
        "نیست",
        "را",
        "می",
        "های",
        "ها",
        "این",
        "اینکه",
        "آنها",
        "اینها",
        "برای",
        "شد",
        "شود",
        "کرد",
        "کند",
        "شده",
        "نیز",
        "که",
        "از",
        "در",
        "با",
        "به",
        "تا",
        "یک",
        "گفت",
        "بود",
        "اند",
        "هم",
        "خود",
        "باید",
        "وی",
    ]
)
_AR_WORDS = frozenset(
    canonical(w)
    for w in [
        "في",
        "التي",
        "الذي",
        "هذا",
        "هذه",
        "ذلك",
        "كانت",
        "قال",
        "وقد",
        "لم",
        "لن",
        "عن",
        "مع",
        "أنه",
        "وفي",
    ]
)
#: what :func:`script_scores` adds up per word: 1 for a Persian function word, 2**32 for an Arabic one
#: (the two sets share no word; no text has 2**32 words)
_WORD_WEIGHTS: dict[str, int] = {
    **dict.fromkeys(_FA_WORDS, 1),
    **dict.fromkeys(_AR_WORDS, 1 << 32),
}
_FA_MASK = (1 << 32) - 1
#: Arabic-script letters (Unicode category L*): not the Persian digits ۰-۹ (U+06F0-06F9), the
#: superscript alef mark (U+0670) or the Sindhi signs (U+06FD-06FE), which sit inside the same
#: blocks and once made ``arabic_script`` exceed 1 on text with Persian digits
_ARABIC_LETTER = re.compile(
    "[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef"
    "\u06fa-\u06fc\u06ff\u0750-\u077f]"
)
#: Latin letters: Basic Latin, Latin-1 (without × and ÷, which are math signs) and Latin Extended
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
#: the Arabic article on a raw word of 5+ letters («الحكومة»; not «آلومینیوم», «الله», «بین‌المللی»,
#: nor the Persian adverbs «البته» (of course) and «الان» (now)). The pattern starts with the
#: literal «ال» so the regex engine jumps between its occurrences; the look-behind after it checks
#: the character before the «ال» (no letter, digit, _ or ZWNJ: the start of a word).
_AL_WORD = re.compile("ال(?<![\\w\u200c]ال)(?!بته|ان(?!\\w))\\w{3,}")
#: _AL_WORD's parts, for ``khabar._c.docscan.article_words``: the article, what may not follow it
#: («البته»), what may not follow it as the word's end («الان»), and the word characters after it
_AL_PARTS: tuple[str, tuple[str, ...], tuple[str, ...], int] = ("ال", ("بته",), ("ان",), 3)
#: Persian keyboards type FARSI YEH and KEHEH; Arabic text has ي and ك
_FARSI_YK = "یک"
_ARABIC_YK = "يك"
_OTHER_LETTER = re.compile(r"[^\W\d_]")
#: fewer Arabic-script letters than this and the script check says ``und``
MIN_LETTERS = 12


def _letter_class(letters: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(letters)}]")


#: what script_scores counts, in one pass (keys.char_counter): letters, Arabic-script, Latin,
#: Persian-only letters, Farsi and Arabic yeh/kaf, and each neighbour's marker letters
_PROFILE: tuple[re.Pattern[str], ...] = (
    _OTHER_LETTER,
    _ARABIC_LETTER,
    _LATIN_LETTER,
    _letter_class(_PERSIAN_LETTERS),
    _letter_class(_FARSI_YK),
    _letter_class(_ARABIC_YK),
    *(_letter_class(marks) for marks in MARKERS.values()),
)


def _word_weights_py(lines: tuple[str, ...], weights: dict[str, int]) -> tuple[int, int]:
    """How many words ``lines`` have (``" ".join(lines).split()``), and the sum of their
    ``weights`` (0 for a word not in it). The twin of ``khabar._c.docscan.word_weights``.

    >>> _word_weights_py(("این کتاب است", "", "فی"), _WORD_WEIGHTS) == (4, 2 + (1 << 32))
    True
    """
    words = " ".join(lines).split()
    return len(words), sum(map(weights.get, words, repeat(0)))


#: ``khabar._c.docscan``'s ``word_weights`` when it is built, else its twin (the same results)
_C: Any = c_extension("khabar._c.docscan")
_word_weights = _word_weights_py if _C is None else _C.word_weights


def _al_words_py(text: str) -> int:
    """How many words of ``text`` start with the Arabic article (:data:`_AL_WORD`). The twin of
    ``khabar._c.docscan.article_words`` given :data:`_AL_PARTS`.

    >>> _al_words_py("قال الوزير إن الحكومة والشعب البته الان الانتخابات")
    3
    """
    return len(_AL_WORD.findall(text))


def _al_words(text: str) -> int:
    """:func:`_al_words_py`, by ``khabar._c.docscan.article_words`` when it is built (2.9
    microseconds a generated document instead of the regex's 5.7)."""
    if _C is None:
        return _al_words_py(text)
    count: int = _C.article_words(text, *_AL_PARTS)
    return count


@functools.cache
def _weight_keys() -> Any:
    """What :data:`_word_weights` takes as its weights: :data:`_WORD_WEIGHTS`, made once into
    the C lookup table (``docscan.word_keys``, which word_weights would otherwise build from the
    dict on every call, 2 microseconds) when the C function runs, else the dict itself."""
    return _WORD_WEIGHTS if _C is None else _C.word_keys(_WORD_WEIGHTS)


@functools.cache
def _count_profile() -> Any:
    """:data:`_PROFILE`'s counter (keys.char_counter), made once."""
    return char_counter(_PROFILE)


def script_scores(text: str) -> dict[str, float]:
    """The evidence the script check uses, each a rate in [0, 1].

    ``arabic_script``, ``latin``: letters of that script / all letters; ``<lang>_markers``: the
    language's marker letters / Arabic-script letters; ``persian_letters``: پ چ ژ گ / Arabic-script
    letters; ``fa_words``, ``ar_words``: function words / words; ``al_words``: words starting «ال»;
    ``farsi_yeh_kaf``: ی ک / (ی ک ي ك).

    >>> s = script_scores("کتاب های پژوهشی")
    >>> s["arabic_script"], s["persian_letters"] > 0.1
    (1.0, True)
    """
    letters, arabic, latin, persian, farsi_yk, arabic_yk, *markers = _count_profile()(text)
    # both word lists in one pass: a Persian function word weighs 1, an Arabic one 2**32
    count, both = _word_weights(canonical_lines(text), _weight_keys())
    n_words = max(count, 1)
    out = {
        "letters": float(letters),
        "arabic_letters": float(arabic),
        "arabic_script": arabic / letters if letters else 0.0,
        "latin": latin / letters if letters else 0.0,
        "persian_letters": persian / max(arabic, 1),
        "fa_words": (both & _FA_MASK) / n_words,
        "ar_words": (both >> 32) / n_words,
        "al_words": _al_words(text) / n_words,
        "farsi_yeh_kaf": farsi_yk / (farsi_yk + arabic_yk) if farsi_yk + arabic_yk else 0.0,
    }
    for (count_key, rate_key), count in zip(_MARKER_KEYS, markers):
        out[count_key] = float(count)
        out[rate_key] = count / max(arabic, 1)
    return out


def _fa_evidence(s: dict[str, float]) -> float:
    bonus = 0.1 if s["persian_letters"] >= _PERSIAN_LETTER_RATE else 0.0
    return s["fa_words"] + bonus + (0.05 if s["farsi_yeh_kaf"] > 0.5 else 0.0)


def _ar_evidence(s: dict[str, float]) -> float:
    return s["ar_words"] + s["al_words"] / 2


def _script_decision(s: dict[str, float]) -> LangResult:
    if s["arabic_letters"] < MIN_LETTERS:
        if s["letters"] < MIN_LETTERS:
            return LangResult("und", 0.0, "script")
        if s["latin"] > 0.5:
            return LangResult("zxx-latn", round(s["latin"], 3), "script")
        return LangResult("other", round(1 - s["arabic_script"], 3), "script")
    # a Persian article full of English names is still Persian: 30 % Arabic script is enough
    if s["arabic_script"] < 0.3:
        lang = "zxx-latn" if s["latin"] >= 0.5 else "other"
        return LangResult(lang, round(1 - s["arabic_script"], 3), "script")
    # a neighbour needs its marker letters at a prose rate; the strongest wins (the first of
    # equals, in MARKERS order)
    lang, count_key, rate = "", "", -1.0
    for la, (ck, rate_key) in zip(MARKERS, _MARKER_KEYS):
        if s[rate_key] > rate:
            lang, count_key, rate = la, ck, s[rate_key]
    # one marker letter in a text with Persian function words is a quoted name («شہباز»)
    if rate >= _MARKER_RATE and (s[count_key] >= 2 or s["fa_words"] == 0):
        # Pashto and Uyghur share ې; Uyghur has no Pashto retroflexes
        return LangResult(lang, round(min(1.0, rate / (4 * _MARKER_RATE)), 3), "script")
    fa = _fa_evidence(s)
    ar = _ar_evidence(s)
    if s["persian_letters"] >= _PERSIAN_LETTER_RATE or fa >= ar:
        margin = fa - ar
        return LangResult("fa", round(min(1.0, 0.5 + 2 * margin), 3), "script")
    return LangResult("ar", round(min(1.0, 0.5 + 2 * (ar - fa)), 3), "script")


@functools.cache
def _lingua_detector() -> Any:
    """lingua restricted to the languages that matter here, built once per process."""
    lingua = require("lingua", extra="lid", feature="model-based language identification")
    langs = [
        lingua.Language.PERSIAN,
        lingua.Language.ARABIC,
        lingua.Language.URDU,
        lingua.Language.ENGLISH,
    ]
    return (
        lingua.LanguageDetectorBuilder.from_languages(*langs)
        .with_preloaded_language_models()
        .build()
    )


def preload_model() -> None:
    """Load the lingua model now (about 140 MB; raises :class:`~khabar.errors.MissingExtraError`
    without the ``lid`` extra), so that its load is not charged to the first document that needs
    it."""
    _lingua_detector()


_LINGUA_CODES = {"PERSIAN": "fa", "ARABIC": "ar", "URDU": "ur", "ENGLISH": "en"}


def _lingua(text: str) -> LangResult:
    values = _lingua_detector().compute_language_confidence_values(text[:2000])
    if not values:
        return LangResult("und", 0.0, "lingua")
    best = values[0]
    return LangResult(
        _LINGUA_CODES.get(best.language.name, "other"), round(best.value, 3), "lingua"
    )


def detect_language(text: str, *, use_model: bool = False) -> LangResult:
    """Identify the language of ``text`` (codes in :data:`LANGS`).

    With ``use_model=False`` (default) only the script check runs. With ``use_model=True`` the
    lingua model (extra ``lid``; raises :class:`~khabar.errors.MissingExtraError` if absent) decides
    what the script check leaves open: Latin or other-script text, too little Arabic-script text,
    and Persian/Arabic texts with no evidence either way (no Persian-only letters, no function
    words). A decision the script check made on evidence is never overruled: measured on titles
    and sentences of ../shared, lingua alone calls short Persian with Arabic ي/ك «Arabic».
    """
    s = script_scores(text)
    result = _script_decision(s)
    if not use_model:
        return result
    if result.lang in MARKERS or (result.lang == "und" and s["letters"] < MIN_LETTERS):
        return result
    if result.lang in ("fa", "ar") and _fa_evidence(s) != _ar_evidence(s):
        return result  # the script check had evidence; the model only breaks ties
    model = _lingua(text)
    return model if model.lang != "und" else result
