"""Restore lost ZWNJs (U+200C, نیم‌فاصله) in Persian text and remove wrong ones.

Persian web text loses its ZWNJs in two ways, and carries stray ones:

* **glued** (rule ``zwnj.glued``): ``میباشد`` → ``می‌باشد``, ``خشونتها`` → ``خشونت‌ها``,
  ``رئیسجمهوری`` → ``رئیس‌جمهوری``, ``اصلیترین`` → ``اصلی‌ترین``;
* **spaced** (rule ``zwnj.spaced``): ``می باشد`` → ``می‌باشد``, ``کتاب ها`` → ``کتاب‌ها``
  (the space itself becomes the ZWNJ, so offsets stay put);
* **stray** (rules ``zwnj.remove.edge``, ``zwnj.remove.double``, ``zwnj.remove.nonjoiner``,
  ``zwnj.remove.inside``): a ZWNJ beside a space, punctuation, a digit or the text's edge does
  nothing but harm (``کتاب‌ ها``), a doubled one is one too many, and one inside a word every
  source writes glued that parts it into pieces no writer would mean goes (``میز‌ان`` →
  ``میزان``; ``میز‌ها``, ``لج‌بازی`` stay: :meth:`ZwnjRepairer._stray_inside`).

Decisions come from a :class:`~khabar.text.lexicon.Lexicon` of how the treebanks write each
word (``میلیون`` is always glued there, so it is never split into ``می‌لیون``), and, for words
the lexicon has not seen, from morphology learned from it: verbal prefixes (``می``, ``نمی``)
followed by a known verb remainder, bound suffixes (``ها``, ``ترین``, ``اند``) after a known
word, and known compound pieces (``نخست`` + ``وزیران``); a comparative (``تر``) is cut off a
two-letter stem only if the lexicon has seen one there (``لستر`` stays), and a compound of a
short unseen first piece and a rare second one is not made (``سرمشقی`` stays). Context decides
four cases: ``می`` right after a number is the month May (``حوادث 14 می تشکیل شده بود`` stays
as it is); a glued ``حرفهای`` is ``حرفه‌ای`` where no ezafe can follow (``لیگ حرفهای و``),
and before a noun the plural or ``ه‌ای`` by the lexicon's counts (``طبق بندهای قانونی`` →
``بند‌های``); ``میدانی`` (field) stays whole after a preposition or a noun; and the words of
an Arabic quotation (``وفی المحکی عن تذکرته انه اعتبر فیها``) get no Persian affix cut.

Surnames follow their writer: a glued given name + one more unseen piece stays glued
(``علیدوستی``, ``علیزاده``; not cut at the name), a ZWNJ one keeps its ZWNJ, and only a space
inside one becomes a ZWNJ (``حسین زاده`` → ``حسین‌زاده``, :data:`SURNAME_TAILS`); see
:meth:`ZwnjRepairer._given_name_compound`.

Each line is judged by what it shows of its author (:class:`Trust`): a line that already
writes ZWNJs between letters keeps its glued words (``کتابها``) and compounds written apart,
a line whose ZWNJs became spaces (``می خواهند``) keeps its glued nouns, and a line whose ZWNJs
were dropped (``میخواهند``) keeps its words written apart (``آبان ماه``); all are accepted
Persian spellings that the treebanks and news text use.

The engine only ever inserts or removes a ZWNJ or turns one space into a ZWNJ; it never touches
Latin words, digits or punctuation, and ``repair(repair(x)) == repair(x)``.

>>> r = default_repairer()
>>> r.repair("آنها میخواهند کتاب ها را بخوانند") == (
...     "آنها می\u200cخواهند کتاب\u200cها را بخوانند")
True
>>> r.repair("حوادث 14 می تشکیل شده بود")
'حوادث 14 می تشکیل شده بود'
>>> r.find_repairs("میباشد")
[Repair(start=2, end=2, replacement='\u200c', rule='zwnj.glued')]
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterator
from itertools import accumulate, compress, pairwise, repeat
from operator import add, contains, eq, ge, getitem, itemgetter, or_
from typing import Any, Final, NamedTuple, TypeAlias, TypeVar, cast

from khabar import _native
from khabar.text.lexicon import (
    COMPARATIVE_ENDINGS,
    FOLD,
    JOINING,
    PLURAL_ENDINGS,
    ZWNJ,
    Lexicon,
    fold,
    forms_with_zwnj,
    zwnj_offsets,
)

# Arabic-script letters, tatweel and diacritics (the same class as scripts/build_lexicon.py).
# Digits (U+0660-U+066D, U+06F0-U+06F9) and Arabic punctuation are not letters: a ZWNJ beside
# them is stray, and «14» never joins «می».
LETTER: Final = "\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff"
_LETTER_RE: Final = re.compile(f"[{LETTER}]")
#: A Persian word: letters, possibly with single or doubled ZWNJs inside.
TOKEN_RE: Final = re.compile(f"[{LETTER}]+(?:{ZWNJ}+[{LETTER}]+)*")
_ZWNJ_RUN_RE: Final = re.compile(f"{ZWNJ}+")
#: A chunk that is one word of letters, without ZWNJ (the fast path of chunk analysis).
_WORD_RE: Final = re.compile(f"[{LETTER}]+")

# «14 می», «۱۴ می»: a number, then spaces, right before the token (month May, not a prefix).
#: Morphology never splits pieces shorter than this (keeps «ی», «ا» from becoming pieces).
MIN_PIECE: Final = 2
#: A glued word shorter than this is never split by morphology (``بها``, ``میز`` ...).
MIN_SPLIT_WORD: Final = 4
#: A first piece must have been seen this often as a word (``خشونت`` in ``خشونتها``).
MIN_STEM_COUNT: Final = 2
#: A compound's second piece must be seen this often after a ZWNJ (``وزیران`` in
#: ``نخست‌وزیران``); lower values split names such as ``عبدالرحمناف``.
MIN_COMPOUND_RIGHT: Final = 3
#: A bound suffix is split off an unknown word only if at least this share of the word types
#: with the same suffix and stem ending are written with the ZWNJ in the lexicon.
MIN_SUFFIX_SHARE: Final = 0.5
#: Regular past forms and causatives after می: «می‌درخشیدند», «می‌شورانند» (stem unseen).
_VERB_SHAPE_RE: Final = re.compile("(?:ید(?:م|ی|یم|ید|ند)?|ان(?:م|ی|د|یم|ید|ند))$")
#: the last letters of the personal endings (م ی د یم ید ند) and of _VERB_SHAPE_RE's matches
_VERB_LAST_LETTERS: Final = frozenset("دمی")
#: An unknown stem (``زرافه``) may take a suffix whose learned share is at least this ...
MIN_STRONG_SHARE: Final = 0.9
#: ... when the stem has at least this many letters.
MIN_UNKNOWN_STEM: Final = 3
#: The superlative ending: after an unknown stem it is cut off when its learned share reaches
#: MIN_SUFFIX_SHARE, not MIN_STRONG_SHARE (``شنیعترین`` → ``شنیع‌ترین``). No unknown word of
#: the dev sets or the crawls ends in it without being a superlative, while a bare «تر» ends
#: many names and loans (``اسکوتر``, ``پارامتر``, ``کوارتر``), which keep the strong share.
SUPERLATIVE: Final = "ترین"
#: Person endings of a past or present verb, for an unknown verb after می: «می‌فرسود».
_VERB_ENDING_RE: Final = re.compile("(?:[دت](?:م|ی|یم|ید|ند)?|(?:م|یم|ید|ند))$")
#: ... but a past stem in «ت» has «خ», «ف», «ش» or «س» before it (ساخت, گرفت, داشت, خواست), so
#: a «ت» after any other letter is no past verb: ``میعانات``, ``میعاناتی`` (condensates) are
#: an Arabic plural in «ات», ``میکروکانتکت`` a loanword, not «می» + «کروکانتکت». A last «ت»
#: may still be the clitic «ت» (you) after a person ending (``می‌بوسمت``, ``می‌کشدت``).
_NO_PAST_T_END_RE: Final = re.compile("(?:[^خفشسمدی]ت|[^خفشس]ت(?:م|ی|یم|ید|ند))$")
#: Both words of a compound found by morphology have at least this many letters.
MIN_COMPOUND_PIECE: Final = 3
#: Two words seen side by side at least this often may be split apart in a glued word.
MIN_PAIR_COUNT: Final = 2
#: ... and be seen together at least this many times as often as chance would have it
#: (lift, the ratio behind pointwise mutual information; 1, 2, 5, 20 tried: 1-2 best).
MIN_PAIR_LIFT: Final = 2.0
#: Two spaced words are joined only if the lexicon writes them as one word this many times as
#: often as apart: text written with spaces is often right as it is («آتش نشانی»), so the
#: evidence must be clear (on PerDT dev: 2 and 3 keep spaced-mode F1, and halve the harm).
JOIN_MARGIN: Final = 3
#: In a line whose ZWNJs became spaces (a bare ``می`` or plural was joined, see :class:`Trust`),
#: every space between two words the lexicon writes both ways is a lost ZWNJ about as often as
#: the lexicon writes them joined; joining pays (F1) when that share is above about one half
#: (a guess right with chance p adds to F1 when p > F1 / 2), so there a pair joins when it is
#: written joined more often than apart (``رئیس جمهور`` 41 apart, 46 joined).
SPACED_LINE_JOIN_MARGIN: Final = 1
#: A weak join (``JOIN_SPACED_LINE``) of two words gives way to the pair the first of them makes
#: with the word before it when the lexicon writes that pair apart at least this many times for
#: each time it wrote the weak pair joined: ``هیچ گاه نامه`` stays apart (``هیچ گاه`` 40 times in
#: TRAIN; ``گاه‌نامه``, periodical, once, from hazm's word list), see
#: ZwnjRepairer._phrase_before.
PHRASE_BEFORE_LIFT: Final = 10
#: ... and when that pair is a set phrase, seen together at least this many times as often as
#: chance (lift): ``هیچ گاه`` 230, ``علی بن`` 144, while a preposition or conjunction and a word
#: stay below it (UD TRAIN: ``به گزارش`` 15, ``در میان`` 13.5, ``به یک`` 1.4), so ``در سه
#: ماهه``, ``از این سو`` and ``به یک باره`` still join as before.
PHRASE_BEFORE_HABIT: Final = 20
#: Three words written apart join as one token (``عبدالله‌بن‌زبیر``) only if the lexicon saw
#: that token this often: of the tokens seen once, many are one annotator's habit that text
#: writes apart, scores and phrases among them (``سه‌به‌یک``, ``به‌وقت‌تهران``).
MIN_TRIPLE_COUNT: Final = 2
#: Two words both seen this often as words, together this long, make a compound even if the
#: second was never seen after a ZWNJ: «زمین» + «مرکزی» (chosen on a small grid, 2-50 x 6-8;
#: the F1 plateau is wide).
MIN_COMPOUND_WORD_COUNT: Final = 5
#: A short word that starts compounds (``سه`` in ``سه‌جانبه``, ``هم`` in ``هم‌تیمی``): seen
#: this often on the left of a ZWNJ, and this share of its count as a word; ``به`` (130 of
#: 16126) and ``در`` are not, so «بهروز» and «دربروند» stay whole.
PREFIX_LIKE_COUNT: Final = 20
PREFIX_LIKE_SHARE: Final = 0.15
MIN_COMPOUND_LENGTH: Final = 7
#: A word ending in a silent ه takes a ZWNJ before the ezafe ی (``همه‌ی``) when it was seen
#: this often as a word (the ezafe rule of ``_ezafe_ye``): twice is enough (``پوشه`` 2,
#: ``پردازنده`` 2), since a glued word the lexicon knows (``فرماندهی``, ``توجهی``) never gets
#: there and ``ه`` after ``ا``/``و`` is a consonant (``کوتاهی``)
EZAFE_STEM_COUNT: Final = 2
#: ... or, unseen, when it ends in a suffix whose «ه» is always silent: the adverb and
#: adjective «انه» (``مجرمانه``, ``خندوانه``), the agent «نده» (``توفنده``), the participle
#: «یده» (``درخشیده``); from ``MIN_SUFFIXED_HEH`` letters, so that a verb such as «ندهی»
#: (you do not give) is not read as one. «نده» and «یده» + «ی» are also a word in «ن» or «ی»
#: + «دهی» (giving: ``سازمان‌دهی``, ``پایان‌دهی``, ``آگاهی‌دهی``), so there the letters before
#: «دهی» must end in no known word (see ZwnjRepairer._ezafe_ye)
SILENT_HEH_SUFFIXES: Final = ("انه", "نده", "یده")
MIN_SUFFIXED_HEH: Final = 5
#: The Arabic article and the fewest letters of the word after it (``_arabic_article``)
ARTICLE: Final = "ال"
MIN_ARTICLE_WORD: Final = 3
#: A writer's ZWNJ inside a word (``میز‌ان``: «میزان», amount) goes when the lexicon knows the
#: word only glued, at least this often (every source writes it so), and the ZWNJ parts it into
#: pieces no writer would mean (``ZwnjRepairer._stray_inside``): a word the lexicon saw once
#: or twice may be a name the writer knows better (``دی‌کارمو``, ``ترک‌سل``)
STRAY_INSIDE_WORD_COUNT: Final = 3
#: Characters a word goes on past (ZWJ, LRM, RLM, the underscore of a hashtag): a word of
#: letters beside one is only a piece of one (``ZwnjRepairer._stray_inside``)
_WORD_GOES_ON: Final = frozenset("\u200d\u200e\u200f_")
#: Tatweel and marks (harakat, superscript alef, hamza above): a word with one is left as written
#: by ZwnjRepairer._stray_inside (``ی‌ـ``: the tatweel folds away, leaving no piece to judge)
_MARK_RE: Final = re.compile("[\u0640\u064b-\u065f\u0670]")
#: The fewest letters of an unknown word in a silent ``ه`` before «تر» (``_heh_comparative``)
MIN_HEH_COMPARATIVE: Final = 5
#: «به» between a word and the same word: ``سال‌به‌سال`` (``_word_by_word``)
BY: Final = "به"
#: The conjunction, and the letter an unseen loanword often ends in (سناریو, استودیو).
WAW: Final = "و"
#: The shortest word «به» is cut off when glued to it and seen apart from it only seldom
#: (``ZwnjRepairer._by_and_word``): three letters (``بهوقت`` → ``به‌وقت``); the given names
#: made of «به» and a word of three (بهداد, بهشاد, بهناز) are on the given-name list, since
#: TRAIN writes «به داد» apart too and no count tells them from nouns.
BY_WORD_MIN: Final = 3
#: Letters Arabic does not write: a word with one is no Arabic word after «ال»
_PERSIAN_ONLY_RE: Final = re.compile("[پچژگ]")
#: The copula «اند» (they are) after a word: «عبارت‌اند», «نگران‌اند». Glued after a verb's
#: present stem it is a causative past instead (``ترساند``, ``چرخاند``), so it is split off only
#: a word seen this often that is no verb stem (``_copula_after``)
COPULA: Final = "اند"
COPULA_STEM_COUNT: Final = 5
#: A compound's second word that is seldom a word by itself (``نشین``, ``پذیری``, ``زا``,
#: ``نگاران``): seen after a ZWNJ behind at least ``COMPOUND_TAIL_HEADS`` different words, and as
#: a word of its own at most ``COMPOUND_TAIL_WORD_SHARE`` times per such word. In a line whose ZWNJs
#: became spaces it joins any known word before it (``واقعه نگاران``), not only those it was
#: seen with, and in any line when it is longer than ``MIN_COMPOUND_PIECE`` and the lexicon
#: never saw it as a word at all (``مشکل آفرینی``, ``جنجال انگیز``: a spacing slip, not a
#: spelling; short tails may be names, ``بان کی مون``); a word that often stands alone
#: (``نامه``, ``دار``, ``ران``) is not one of them
COMPOUND_TAIL_HEADS: Final = 8
COMPOUND_TAIL_WORD_SHARE: Final = 0.1
#: A rarer compound tail (``گرای``, ``پردازان``, ``گزار``): longer than ``MIN_COMPOUND_PIECE``,
#: never seen as a word by itself, and seen after a ZWNJ behind at least this many words (fewer
#: than ``COMPOUND_TAIL_HEADS``). It joins a known word before it only in a line whose ZWNJs
#: became spaces (``سنت گرای``, ``خدمت گزار``), and not after a word in «ی» (``کاری ناشدنی``);
#: elsewhere such a pair is often its author's spelling (``سرخ پوشان``) or a name
#: (``وکیل الدوله``). See :func:`rare_compound_tails`.
RARE_TAIL_HEADS: Final = 3
#: Endings of an adjective made of an infinitive (``نشدنی``, ``ناگفتنی``), a word of its own
_INFINITIVE_ADJECTIVE_ENDS: Final = ("دنی", "تنی")
#: Endings after which ه is a consonant (``راه``, ``کوه``, ``الله``), not the silent ه of ``همه``
_CONSONANT_HEH: Final = ("اه", "وه", "لله")
#: ... of which only «اه» always is: «وه» is spoken in «گروه», «کوه», silent in «شیوه», «یاوه»
_SPOKEN_HEH: Final = "اه"
#: The ezafe (or indefinite) ``ی`` written after a silent ``ه``: ``همه‌ی``, ``خانه‌ی``
EZAFE_YE: Final = "ی"
#: Extra cost, in pieces, of a compound's second word known only as a word, never after a
#: ZWNJ (``"words"`` of ZwnjRepairer._next_piece): where a split with a piece seen in
#: compounds has as many pieces, it wins: «کمین|گاه|های» (``گاه`` follows ZWNJs), not
#: «کمی|نگاه|های» (two frequent words).
TWO_WORDS_PENALTY: Final = 0.5
#: A comparative (``تر``, ``ترین``) glued to a shorter stem needs the lexicon to have seen
#: the stem with one: two-letter words before ``تر`` in crawled text are pieces of names
#: (``لس|تر``, ``سی|ترین``, ``سن|تر``, ``تی|تری``), while short adjectives have three
#: letters or more (``چاق‌تر``, ``غنی‌ترین``). Requiring it of every stem lost four times as
#: many true comparatives (``مدرن‌ترین``, ``جذاب‌تر``) as it saved, and of stems under four
#: letters a dozen (``تنگ‌ترین``, ``کلی‌تر``) against three names (``تویتر`` and ``سانتر``
#: are in the shipped exceptions instead; ``ریشتری``, Richter + ی, stays whole because the
#: lexicon writes ``ریشتر`` glued: :meth:`ZwnjRepairer._word_and_ending`).
MIN_COMPARATIVE_STEM: Final = 3
#: A comparative with a plural after it (``بزرگ‌ترها``, the elders) is a noun made of a
#: common adjective, which the lexicon has seen as a comparative, whatever its length; a
#: loanword in «-ster», «-ter» + «ها» is not one (``بوسترها``, ``کلاسترها``: not
#: ``بوس‌ترها``, ``کلاس‌ترها``). See ZwnjRepairer._may_take and _next_piece.
_PLURAL_COMPARATIVES: Final = frozenset(COMPARATIVE_ENDINGS[0] + e for e in PLURAL_ENDINGS)
#: Extra cost, in pieces, of a verb remainder recognised only by its ending.
SHAPE_PENALTY: Final = 1.5
#: A line whose ZWNJs were dropped, not spaced, shows one glued verbal prefix (``میشود``) or
#: this many other glued words split (``کتابها``): then its words apart stay apart (see
#: :class:`Trust`). One or two glued nouns may be the author's (Seraji glues ``ارزشها``); 2, 3
#: tried on the dev sets, 3 keeps spaced-mode F1.
GLUED_LINE_WEIGHT: Final = 3
#: Sure joins of two words (no suffix) that make a line with no spaced «می» or plural read as
#: one whose ZWNJs became spaces (ZwnjRepairer._spaced_compounds): one is often the author's
#: own spacing (``آب بازی``), two seldom are.
SPACED_COMPOUND_JOINS: Final = 2
#: The plural written apart (``کتاب ها``): with a spaced ``می``, the sign of a line whose ZWNJs
#: became spaces (see :class:`Trust`). Other suffixes are not: authors write ``خانواده اش``,
#: ``بین المللی``, ``دانش آموزان`` apart on purpose.
SPACED_PLURALS: Final = frozenset(("ها", "های", "هایی", "هایش", "هایشان", "هایمان", "هایتان", "هایم"))
#: A glued word the lexicon itself writes glued (``میدانی``, field: 4 glued, 6 as ``می‌دانی``,
#: you know) is a word, not damage, unless its line shows that its ZWNJs were dropped: it stays
#: whole in a line whose ZWNJs became spaces, or that shows no other glued word (``بررسی
#: میدانی``). Written glued at least this often ...
WHOLE_WORD_COUNT: Final = 3
#: ... and more than this share of the count of the split spelling the lexicon prefers
#: (``میجوید``, 3 glued and 6 ``می‌جوید``, is the one verb written both ways: split).
WHOLE_WORD_SHARE: Final = 0.5
#: Endings written glued to a word not ending in a silent ``ه`` (``ریشتر|ی``, ``راهنمایی|م``),
#: longest first; a cut inside such a word loses to them (``ZwnjRepairer._word_and_ending``) ...
SOLID_ENDINGS: Final = ("ان", "ی", "م", "ت", "ش")
#: ... when the lexicon saw that word glued at least this often.
SOLID_WORD_COUNT: Final = 1
#: A compound's second piece that ends glued words (after a known word) this many times as
#: often as it follows a ZWNJ is no compound piece (``ZwnjRepairer._mostly_glued_tail``).
GLUED_TAIL_RATIO: Final = 5
#: Letters by which ``ZwnjRepairer._glued_tail_count`` finds the words ending in a piece.
TAIL_KEY: Final = 3
#: Extra pieces for the kinds of _next_piece that are weaker evidence (see SHAPE_PENALTY,
#: TWO_WORDS_PENALTY).
_EXTRA_PIECES: Final = {"verb?": SHAPE_PENALTY, "words": TWO_WORDS_PENALTY}
#: Two segmentations of a glued word into as many pieces whose log weights sum to within this
#: of each other (a factor of e in frequency) are a tie, broken by their rarest word piece
#: (``ZwnjRepairer._better_cut``).
NEAR_TIE: Final = 1.0
#: ... if one of them holds a word piece of under this log weight (``Lexicon.log_weight``: seen
#: at most 3 times as a word or beside a ZWNJ; log 4 = 1.39, log 5 = 1.61).
RARE_PIECE: Final = 1.6
#: Endings of loanwords (-ing, -ism) no seam of a segmentation may fall inside when they end
#: the word or come before a bound suffix (``ZwnjRepairer._cuts_loan_ending``).
LOAN_ENDINGS: Final = ("ینگ", "یسم")
#: «آ» (alef madda) opens a Persian word: after a joining letter it is a seam the writer's
#: ZWNJ (or space) was lost from (``لوازمآرایشی`` → ``لوازم‌آرایشی``). UD TRAIN writes a ZWNJ
#: before «آ» after a joining letter 1,096 times (370 word types) and glues the two only
#: 25 times, all Arabic loans or words it knows (الآن ×16, مآخذ, مآثر, نوکرمآب, قلدرمآبی,
#: دستآورد), which the lexicon decides before this rule is asked.
MADDA: Final = "آ"
#: «مآب» (-like: فرنگی‌مآب, نوکرمآب) is one Arabic suffix, not a word in «م» and «آب».
MADDA_SUFFIX_HEAD: Final = ("م", "آب")
#: The two-letter words a seam before «آ» may follow: the prefixes «هم» and «بی» (همآوا,
#: بیآزار). Other two-letter heads are misspellings of a hamza: «سوآلات» is «سؤالات», not
#: «سو» + «آلات»; «مسآله», «جرآت», «هیآت».
MADDA_SHORT_HEADS: Final = frozenset(("هم", "بی"))
#: The Persian names of Latin letters, as UD TRAIN and the word lists spell them in
#: acronyms (سی‌ان‌ان, اف‌بی‌آی, دی‌وی‌دی, جی‌ال‌ایکس, آی‌کیو, آرپی‌جی: 30 types of three
#: letters or more, every one written with its ZWNJs, none glued). A glued word the lexicon
#: does not know made of ``MIN_ACRONYM_LETTERS`` of them is such an acronym
#: (``ZwnjRepairer._letter_name_acronym``). Names no acronym there spells (کی, او: also
#: words) are left out.
ACRONYM_LETTERS: Final = frozenset(
    ("آر", "آی", "اس", "اف", "ال", "ام", "ان", "ای", "اچ", "ایکس", "بی", "تی", "جی", "دی", "سی")
    + ("وی", "پی", "کیو", "یو")
)
#: The lengths of the names in ``ACRONYM_LETTERS``, longest first.
ACRONYM_LETTER_SIZES: Final = (4, 3, 2)
#: A word of ``ACRONYM_LETTERS`` only, in one regular-expression test: most words fail it in
#: their first letters, before the reading is counted (``_letter_names``)
_ACRONYM_RE: Final = re.compile(
    "(?:" + "|".join(sorted(ACRONYM_LETTERS, key=len, reverse=True)) + ")+"
)
#: The first two letters of every name in ``ACRONYM_LETTERS``: a cheaper test still, first.
_ACRONYM_OPENINGS: Final = frozenset(name[:2] for name in ACRONYM_LETTERS)
MIN_ACRONYM_LETTERS: Final = 3
#: A word that only spells letter names is a known word plus one of these endings (ایالتی,
#: سیاستی, پیامکی, ویدیوی, انبیای, امامان, ایزدان: all in TRAIN) or one of these heads plus a
#: known word (الامام, بیاساس, بیامان, بیزیان): never an acronym.
ACRONYM_WORD_ENDINGS: Final = ("ی", "ای", "ان", "یان")
ACRONYM_WORD_HEADS: Final = (ARTICLE, "بی")
#: Persian writes a foreign word's opening «s» + consonant as «اس» (استیو, اسپانیا,
#: استیسی): «اس» before a letter name that opens with a consonant («تی», «پی») reads as such
#: a word, not as an acronym (TRAIN's and the lists' one acronym in «اس» is «اس‌ام‌اس»).
ACRONYM_CLUSTER_HEAD: Final = "اس"
ACRONYM_VOWEL_LETTERS: Final = "اآ"
#: Last letter names that also spell a word's last letter and the ezafe «ی» after it: a
#: word in «و» (ویدیوی, پیانوی, the crawl's استیوی; «‌وی» also makes adjectives: دنیوی,
#: اموی) or in «ا», whose ezafe is written «ای» (انبیای; the crawl's «مونته پیانای»,
#: Monte Piana's). An unknown word ending in one is left alone: the acronyms in them
#: (اچ‌آی‌وی, دی‌ان‌ای, سی‌آی‌ای) are the lexicon's to know.
ACRONYM_NOT_LAST: Final = frozenset(("وی", "ای"))
#: The plural endings an acronym takes after a ZWNJ (TRAIN: ال‌ان‌بی‌ها, سی‌دی‌های),
#: longest first; no letter name holds «ه», so the cut is never in doubt.
ACRONYM_PLURALS: Final = ("هایی", "های", "ها")
#: The days of the week (their ZWNJ-free keys: «سه‌شنبه» is «سهشنبه») and the parts of the
#: day written after one: «یکشنبهشب» is «یکشنبه‌شب», Sunday night
#: (``ZwnjRepairer._weekday_and_part``). TRAIN writes the pair apart («شنبه شب», «جمعه شب»)
#: and the word lists with a ZWNJ («جمعه‌شب», «پنج‌شنبه‌شب»), never glued; the segmenter
#: cuts no two-letter second piece («شب») off a word it never saw beside it.
WEEKDAYS: Final = frozenset(
    ("شنبه", "یکشنبه", "دوشنبه", "سهشنبه", "چهارشنبه", "پنجشنبه", "جمعه")
)
DAY_PARTS: Final = ("شب", "صبح", "ظهر", "عصر", "بامداد", "غروب")
#: Every day of ``WEEKDAYS`` holds one of these (a quick test first).
WEEKDAY_MARKS: Final = ("شنبه", "جمعه")
#: The rarest-word weight of a segmentation with no word piece yet (a verbal prefix).
_NO_STEM: Final = 1e9
#: Per-instance memo caps: the caches are cleared when they grow past this many entries.
CACHE_LIMIT: Final = 500_000
#: A glued word the lexicon does not know may be a phrase written without its spaces or
#: ZWNJs (``بهاینترتیب``, ``بیشازپیش``, ``پسازآنکه``, ``همینکه``): words each seen
#: ``MIN_STEM_COUNT`` times, every two neighbours seen written apart at least this often
#: (``ZwnjRepairer._phrase``); 3, 5, 10 looked at on PEYMA's glued words, 5 kept
PHRASE_PAIR_COUNT: Final = 5
#: ... in at most this many words ...
PHRASE_MAX_WORDS: Final = 4
#: ... a word shorter than ``MIN_COMPOUND_PIECE`` letters seen this often (a function word:
#: «پس», «از», «آن»; «کنتاکی» is no «کن تا کی», ``کی`` 28 times), and two words at least one
#: of them ``MIN_COMPOUND_PIECE`` letters long: «کسبه» (shopkeepers) is no «کس به»
PHRASE_SHORT_WORD_COUNT: Final = 100
#: ... and every two neighbours seen together at least as often as chance would have it (lift,
#: as ``MIN_PAIR_LIFT``): «به این» 1.9, «از پیش» 2.0, but «سال به» 0.6 and «به ماه» 0.8, so
#: «سالبهماه» is no phrase
PHRASE_MIN_LIFT: Final = 1.0


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


#: How much glued-word repair a line gets (see :class:`Trust`): none, verbal prefixes only, all,
#: all but the glued words the lexicon writes glued (``WHOLE_WORD_COUNT``).
GLUED_NONE: Final = 0
GLUED_PREFIX: Final = 1
GLUED_ALL: Final = 2
GLUED_SURE: Final = 3
#: Glued repair in a line whose ZWNJs became spaces (see :class:`Trust`).
SPACED_LINE_GLUED: Final = GLUED_PREFIX
#: A ZWNJ between two letters: the line's author writes ZWNJs (see :class:`Trust`). Asked of
#: every line holding a ZWNJ (most lines of a text that writes them). The pattern opens with the
#: ZWNJ and looks behind for the letter only there: a pattern opening with a class
#: (``[LETTER]ZWNJ+[LETTER]``, the same matches) is tried at every position, ~4x slower per line.
_WRITTEN_ZWNJ_RE: Final = re.compile(f"{ZWNJ}(?<=[{LETTER}]{ZWNJ}){ZWNJ}*[{LETTER}]")


class Spaced(enum.Enum):
    """Whether to join two words written apart that the lexicon writes as one (``کتاب ها``).

    The default joins them: a spaced affix (``می باشد``) is the most common ZWNJ damage on
    the web. ``KEEP`` restores only glued words and removes stray ZWNJs.
    """

    JOIN = "join"
    KEEP = "keep"


#: How sure a join is (:meth:`ZwnjRepairer._joins`): never, only in a line whose ZWNJs became
#: spaces (``SPACED_LINE_JOIN_MARGIN``), or in any line (``JOIN_MARGIN``).
JOIN_NO: Final = 0
JOIN_SPACED_LINE: Final = 1
JOIN_ANY: Final = 2


class Repair(NamedTuple):
    """One change, relative to the input text of :meth:`ZwnjRepairer.find_repairs`.

    ``text[start:end]`` is replaced by ``replacement``. Rules:

    * ``zwnj.glued``: insert a ZWNJ inside a glued word (``start == end``);
    * ``zwnj.spaced``: turn the space between two words (and any stray ZWNJ beside it) into
      one ZWNJ;
    * ``zwnj.remove.edge``: remove ZWNJs beside a non-letter or at the text's edge;
    * ``zwnj.remove.double``: keep one ZWNJ of a run between two letters;
    * ``zwnj.remove.nonjoiner``: remove a ZWNJ after a non-joining letter
      (only with ``nonjoiner=NonJoiner.REMOVE``).
    * ``zwnj.remove.inside``: remove a writer's ZWNJs inside a word the lexicon knows only
      glued when one parts it into pieces no writer would mean (``میز‌ان`` → ``میزان``).

    A NamedTuple, not a frozen dataclass: a text yields one per repaired seam, and a frozen
    dataclass's ``__init__`` costs about three times a tuple's (same fields, repr and
    immutability as before).
    """

    start: int
    end: int
    replacement: str
    rule: str


#: (repairs inside the chunk as (start, end, replacement, rule), repaired chunk, key of the
#: opening word, key of the closing word, which words the opening word may join (True: any,
#: a set: only those heads, False: none), chunk ends in a digit, closing word is «می»-like,
#: how much its glued splits show a line whose ZWNJs were dropped (see GLUED_LINE_WEIGHT),
#: the chunk's other (repairs, repaired chunk) when its one word ends in an ambiguous «های»
#: that the next word decides (see ZwnjRepairer._in_context), else None, its fact bits (see
#: _FACT_NOTED))
ChunkInfo: TypeAlias = tuple[
    tuple[tuple[int, int, str, str], ...],
    str,
    str,
    str,
    "bool | frozenset[str]",
    bool,
    bool,
    int,
    "tuple[tuple[tuple[int, int, str, str], ...], str] | None",
    int,
]


# fields of ChunkInfo read in the hot loops, as C-level getters
_REPAIRS: Final = itemgetter(0)
_FIXED: Final = itemgetter(1)
#: The last letters of a past stem (``داد``, ``گرفت``): with ``ن`` an infinitive
_PAST_STEM_LAST: Final = frozenset("دت")
#: A plural ending that, after a past stem, is rather the participle's «ه» + a form of «بودن»
#: or a person ending: ``فروختهاست`` is ``فروخته‌است`` (has sold), not ``فروخت‌هاست``;
#: ``پرداختهایم`` is ``پرداخته‌ایم``. The lexicon writes past stem + these letters 2,296 times
#: (هاست), 318 (هایم) and 243 (هاید), every time as participle + ending, never as a plural
#: (see ZwnjRepairer._participle_and_ending)
_PARTICIPLE_ENDINGS: Final = frozenset(("هاست", "هایم", "هاید"))
#: A past stem + «ار» is a noun (``گفتار``, ``رفتار``, ``شنیدار``), one word: the segmenter
#: cuts nothing inside it (see ZwnjRepairer._past_stem_ar); a stem of at least this many
#: letters (``کرد``, ``دید``)
_AGENT_AR: Final = "ار"
MIN_PAST_STEM_AR: Final = 3
#: A form of «بودن» glued to a past participle (``رفتهاند``, ``ساختهاست``): its ZWNJ is cut
#: even where a line's glued nouns are kept (see ZwnjRepairer._participle_seam). A participle's
#: «ه» joins the next letter, so no writer glues these on purpose; ``ای`` is left out (it may be
#: the indefinite «‌ای» of a noun, which the line's policy decides).
_COPULA_AFTER_PARTICIPLE: Final = frozenset(("است", "اند", "ام", "ایم", "اید"))
#: Endings glued to a word of the house spellings after a letter that is no vowel
#: (``بیتکوینی`` → ``بیت‌کوینی``, ``بیتکوینش``): see ZwnjRepairer._spelling_and_ending
_GLUED_AFTER_SPELLING: Final = ("ی", "ش", "م", "ت", "مان", "تان", "شان")
#: Endings after a house spelling that ends in a silent «ه» (``اینگونهای`` → ``این‌گونه‌ای``):
#: after a ZWNJ
_ZWNJ_AFTER_SILENT_HEH: Final = ("ای", "ی", "اش", "ام", "ات")
#: Letters that end a word in a vowel: an ending after them is not simply glued
_VOWEL_LETTERS: Final = frozenset("اوی")
#: «دوست» before a form of «داشتن» (to like: ``ایران دوست دارند``) is the verb's noun, not a
#: compound's tail (``ایران‌دوست``, Iran-loving): see ZwnjRepairer._in_line_context
_LIKE: Final = "دوست"
#: Forms of «بودن» and person endings that make a verb of the past participle before them
#: (``اعلام شده است``, ``خارج شده بود``, ``انجام نشده باشد``, ``شکست خورده اند``): the
#: participle is then the verb of a light-verb construction, not a compound adjective's tail
#: (``اعلام‌شده``, announced), see ZwnjRepairer._verb_before_aux
PARTICIPLE_AUX: Final = frozenset(
    (
        "است", "بود", "بودم", "بودی", "بودیم", "بودید", "بودند", "بوده", "باشد", "باشم",
        "باشی", "باشیم", "باشید", "باشند", "نبود", "نبودند", "نباشد", "نبوده", "اند", "ام",
        "ایم", "اید",
    )
)  # fmt: skip
_HAVE_RE: Final = re.compile("ن?(?:دار|داشت)(?:م|ی|د|یم|ید|ند)?")
#: Second words that make a surname of a given name (``حسین زاده`` → ``حسین‌زاده``, ``علی پور``):
#: still joined after a given name (see ZwnjRepairer._in_line_context); the same surname
#: written glued stays glued (``علیزاده``, see ZwnjRepairer._given_name_compound)
SURNAME_TAILS: Final = frozenset(("زاده", "پور", "نژاد", "نیا"))
#: «پور» (son of): a glued word the segmenter would cut only before it is a surname
#: (``غلامپور``) or a place (``کانپور``) whatever its first piece, and stays as written (see
#: ZwnjRepairer._given_name_compound); UD TRAIN writes such surnames glued (``جهانپور``,
#: ``صفرپور``, ``عباسپور``: 8 word types) and with a ZWNJ (``ناظم‌پور``: 8 more), so the
#: writer decides, except after a first piece in «ی», which always takes the ZWNJ (TRAIN:
#: ``فردوسی‌پور``, ``محتشمی‌پور``, ``واحدی‌پور``, ``اولی‌پور``, none glued; the crawled news
#: and social text: 32 times with a ZWNJ, never glued but after the given name «علی»). The
#: other tails also make words that are no names (``نجیب‌زاده``, ``هم‌نژاد``).
SON: Final = "پور"
#: Surname tails a cut keeps after a first piece in «ی», even after a given name, where the
#: word would otherwise stay as written (see ZwnjRepairer._kept_cut): «حسین واحدیپور» →
#: «حسین واحدی‌پور», «حسن باستانینژاد» → «حسن باستانی‌نژاد». UD TRAIN writes these after
#: «ی» with a ZWNJ: «زاده» 9 word types (تقی‌زاده, قاضی‌زاده, بختیاری‌زاده) against one
#: glued (ولیزاده), «نژاد» 6 (احمدی‌نژاد ×32, هاشمی‌نژاد) against none, «پور» 4 against
#: none; the crawled news and web pages (counts only) likewise: 7, 13 and 23 times with a
#: ZWNJ after a piece in «ی» that is no given name, never glued. After a given name in «ی»
#: (``علیزاده``, glued 10 times in the crawl) :meth:`ZwnjRepairer._given_name_compound` keeps
#: the writer's spelling, and after other letters both spellings are common (TRAIN «زاده»:
#: 13 types with a ZWNJ, 8 glued), so neither changes. «نیا» is left out: after «ی» it also
#: ends places (``ویرجینیا``).
YE_SURNAME_TAILS: Final = frozenset(("زاده", "نژاد", SON))
#: The shortest first piece (its «ی» included) :meth:`ZwnjRepairer._ye_surname` cuts a surname
#: tail after: ``تقی‌زاده`` (TRAIN, the crawl), no shorter (``بی`` + «زاده» is no surname)
MIN_SURNAME_HEAD: Final = 3
#: :data:`YE_SURNAME_TAILS` as a tuple, for one ``str.endswith`` test
_YE_SURNAME_ENDS: Final = tuple(sorted(YE_SURNAME_TAILS))
#: Personal endings and clitics cut off a word (``چکانده‌ایم``, ``خانواده‌اش``): no surname ends
#: in one after a ZWNJ (see ZwnjRepairer._kept_cut)
PERSON_ENDINGS: Final = frozenset(
    ("ام", "ای", "ایم", "اید", "اند", "است", "اش", "ات", "مان", "تان", "شان", "هاست")
)
#: The endings a writer may set off with a ZWNJ after a word the lexicon writes glued
#: (``میز‌ها``, ``بر‌تر``, ``خانه‌ی``, ``تیم‌مان``; see ZwnjRepairer._stray_inside), beside the
#: lexicon's bound suffixes
_STRAY_INSIDE_ENDINGS: Final = PERSON_ENDINGS.union(
    PLURAL_ENDINGS, COMPARATIVE_ENDINGS, (EZAFE_YE,)
)
#: What may follow a comparative («تر», «تری», «ترین») inside a glued word: only an ending
#: (``بزرگ‌ترها``, ``بیش‌ترین‌شان``, ``بهترم``); a comparative ends the word's stem, so «تر»
#: with a compound tail after it (``فیل|تر|سازی``) is letters of another word (``فیلترسازی``).
#: See ZwnjRepairer._after_comparative.
_AFTER_COMPARATIVE: Final = PERSON_ENDINGS.union(PLURAL_ENDINGS, (EZAFE_YE,))
#: A two-letter piece ends an unknown glued compound after a word of its own (``اعتیاد|زا``,
#: ``حقیقت|جو``, ``بذله|گو``) when the lexicon writes it after a ZWNJ behind at least this
#: many different first pieces (:func:`two_letter_tails`)...
TWO_LETTER_TAIL_HEADS: Final = 10
#: ... and this many times as many as the known words it ends glued (``زا``: 47 first
#: pieces with a ZWNJ, one glued; ``بر``: 19 and 5, as «برابر» is no compound; ``تا``: 22
#: and 7). A bound suffix is decided by its learned share instead.
TWO_LETTER_TAIL_RATIO: Final = 4
#: the character before a form's last two letters (a ZWNJ before a two-letter last piece)
_BEFORE_TWO_LETTERS: Final = slice(-MIN_PIECE - 1, -MIN_PIECE)
#: The shortest word such a tail follows: after three letters the pair is as often a name
#: or a compound the treebanks glue (``هان|زا``, Hunza; ``قلم|زن``, ``رزم|جویی``, ``جنگ|جو``:
#: on the held-out folds the three-letter heads mended 4 words and broke 4, two of them
#: words written glued in intact text).
MIN_TWO_LETTER_TAIL_HEAD: Final = 4
_JOINABLE: Final = itemgetter(4)
_PREFIX_LAST: Final = itemgetter(6)
#: the ChunkInfo field of a chunk's glued weight (summed per line by _field_sum)
_GLUED_WEIGHT_FIELD: Final = 7
#: the ChunkInfo field of a chunk's fact bits (or-ed per line by _field_or): what the engine
#: noted of the chunk when it analysed it, so that a line asks its chunks once, in one C pass,
#: instead of testing them against a set per fact (ZwnjRepairer._chunk_fact_bits)
_FACTS_FIELD: Final = 9
#: fact bit: the chunk is in ZwnjRepairer._noted_chunks (a whole word, another reading, an
#: Arabic opener, a closing verbal prefix); read from GLUED_ALL infos, whose analysis notes
#: whatever an analysis at another level notes (see ZwnjRepairer._chunk_fact_bits)
_FACT_NOTED: Final = 1
#: fact bit: the chunk is in ZwnjRepairer._looked_chunks (a changed line looks at it in context)
_FACT_LOOKED: Final = 2
#: fact bit: the chunk closes with a verbal prefix («می»: field 6 true)
_FACT_PREFIX_LAST: Final = 4
#: fact bit: the chunk opens with a spaced plural (its first key in SPACED_PLURALS: «ها»)
_FACT_SPACED_PLURAL: Final = 8
#: fact bit: the chunk is in ZwnjRepairer._arabic_chunks (opens with an Arabic function word)
_FACT_ARABIC: Final = 16
#: fact bit: a writer's ZWNJ inside one of the chunk's words goes (ZwnjRepairer._stray_inside)
_FACT_STRAY_INSIDE: Final = 32

#: ``حرفهای`` is ``حرف‌های`` (words of: the plural with its ezafe) or ``حرفه‌ای``
#: (professional: ``حرفه`` + ``ای``); ``نامهای``, ``بندهای``, ``زمینهای``, ``خاطرهای`` alike.
#: The ezafe of ``های`` needs a word after it to lean on, so a word of this reviewed list
#: (conjunctions, prepositions, the copula: no ezafe can end there), ``، . ؛ : ! ؟`` or the
#: line's end after it (a *closed* context) favours ``ه`` + ``ای``, and any other word (an
#: *open* context: ``بندهای قانونی``) favours the plural; :meth:`ZwnjRepairer._ye_readings`
#: weighs that against the lexicon's counts of the two readings.
NO_EZAFE_AFTER: Final = frozenset(
    (
        "و", "یا", "اما", "ولی", "که", "را", "در", "به", "از", "با", "برای", "تا", "بر",
        "است", "هست", "هستند", "بود", "بودند", "باشد", "نیست", "نیز",
        "هستم", "هستی", "هستیم", "هستید", "نیستم", "نیستی", "نیستیم", "نیستید", "نیستند",
        "بودم", "بودی", "بودیم", "بودید", "باشم", "باشی", "باشیم", "باشید", "باشند",
    )
)  # fmt: skip
#: Prepositions and focus adverbs that no plural with its ezafe stands before (reviewed, from
#: UD TRAIN, bench/zwnj/ye_context.py --after, 2026-11-30): of the 4,758 plurals «X‌های» none
#: is followed by one, of the 1,652 ``Xه‌ای`` words 24 are (``بازیکن حرفه‌ای مثل``,
#: ``نامه‌ای دربارهٔ``, ``مسئله‌ای راجع به``, ``عده‌ای حتی``). A closed context as
#: :data:`NO_EZAFE_AFTER` is, for :meth:`ZwnjRepairer._in_context` only (``حرفهای مثل`` →
#: ``حرفه‌ای``). Not «بدون» (``هواپیماهای بدون سرنشین``), «علیه» (``فعالیت‌های علیه``),
#: «تنها» (lonely: ``آدم‌های تنها``) or «نه» (``روزهای نه چندان دور``): a plural's modifier.
NO_PLURAL_EZAFE_PREPOSITIONS: Final = frozenset(
    fold(word)
    for word in ("مثل", "مانند", "همچون", "توسط", "درباره", "دربارهٔ", "راجع", "جز", "حتی", "فقط")
)
#: Finite forms and participles of the light verbs «شدن», «گردیدن», «نمودن», «کردن» and the
#: participle «داشته» (reviewed): no ezafe leans on a verb, so, as :data:`HAVE_FORMS`, one after
#: a glued ``های`` word closes its phrase (``حرفهای شده بودم`` → ``حرفه‌ای``, had turned
#: professional; ``ریشهای داشته``). In UD TRAIN (bench/zwnj/ye_context.py --after) 12 of the
#: ``Xه‌ای`` words and none of the plurals stand before one. Not «کرد» (the Kurd: ``نیروهای
#: کرد``) nor «کند» (slow: ``حرکت‌های کند``).
LIGHT_VERB_FORMS: Final = frozenset(
    (
        "شد", "شود", "شوند", "شدند", "شده", "گردد", "گردید", "گردند", "گردیدند", "نمود",
        "نمودند", "نماید", "نمایند", "کنند", "کردند", "کرده", "داشته",
    )
)  # fmt: skip
#: The words after which :meth:`ZwnjRepairer._in_context` gives an ambiguous glued ``های``
#: word its closed reading besides :data:`NO_EZAFE_AFTER` and :data:`HAVE_FORMS`.
NO_PLURAL_EZAFE_BEFORE: Final = NO_PLURAL_EZAFE_PREPOSITIONS | LIGHT_VERB_FORMS
#: Personal and reflexive pronouns (reviewed): after a glued ``های`` word one is the
#: possessor its plural's ezafe leans on (``نامهای خود`` → ``نام‌های``, ``گوشهای او`` →
#: ``گوش‌های``). In UD TRAIN (bench/zwnj/ye_context.py --after, 2026-11-30) 313 of the 4,732
#: plurals «X‌های» in an open context stand before one, 12 of the 725 ``Xه‌ای`` words (adjectives
#: after their noun: ``فعالیت‌های هسته‌ای خود``, ``زندگی حرفه‌ای خود``; ``عده‌ای من را``).
POSSESSOR_PRONOUNS: Final = frozenset(
    ("او", "وی", "ما", "شما", "آنها", "آنان", "ایشان", "من", "تو", "خود", "دیگران")
)
#: Quantifiers that take a plural noun (reviewed): a glued ``های`` word right after one is the
#: plural (``تمام نامهای`` → ``نام‌های``, all the names; ``سایر محلهای`` → ``محل‌های``). In UD
#: TRAIN (bench/zwnj/ye_context.py --after) 111 plurals «X‌های» and no ``Xه‌ای`` word stand
#: after one. Not «همه» (also «everyone»: ``همه نامه‌ای نوشتند``), «اغلب» (also «often»),
#: «بین» and «میان» (``در میان ... و ...``: 32 plurals, 6 ``ه‌ای``) or «طی» (``طی نامه‌ای``).
PLURAL_QUANTIFIERS: Final = frozenset(
    fold(word)
    for word in ("تمام", "تمامی", "برخی", "بعضی", "کلیه", "کلیهٔ", "اکثر", "سایر", "بسیاری")
)
#: Partitives (reviewed) that take «از» and a plural: ``یکی از نامهای`` → ``نام‌های`` (one of the
#: names), ``برخی از محلهای``. In UD TRAIN (bench/zwnj/ye_context.py --after) 95 plurals «X‌های»
#: and no ``Xه‌ای`` word stand after one and «از». Not «بخشی» (a part of one thing).
PARTITIVES: Final = frozenset(
    ("یکی", "برخی", "بسیاری", "بعضی", "هیچیک", "تعدادی", "شماری", "عدهای")
)
_PLURAL_BEFORE_PRONOUN: Final = 313
_HEH_YE_BEFORE_PRONOUN: Final = 12
#: Finite verbs that close a phrase as :data:`NO_EZAFE_AFTER` does (no ezafe leans on a verb):
#: the forms of «داشتن» (to have) with a person ending, and a verb opening with «می» / «نمی»
#: (``خاطرهای دارید`` → ``خاطره‌ای``, ``جبیرهای میگیرند`` → ``جبیره‌ای``). In UD TRAIN 62
#: ``Xه‌ای`` words and no plural ``X‌های`` stand before one (bench/zwnj/ye_context.py). Not
#: the bare past and present stems of other verbs: ``سیاست‌های شوم``, ``حرکت‌های کند`` are
#: adjectives (TRAIN: a plural before «شوم» 3 times, before «کند» once).
HAVE_FORMS: Final = frozenset(
    [
        neg + stem + ending
        for neg in ("", "ن")
        for stem, endings in (
            ("دار", ("م", "ی", "د", "یم", "ید", "ند")),
            ("داشت", ("م", "ی", "", "یم", "ید", "ند")),
        )
        for ending in endings
    ]
)
#: How a verb with its prefix written (or repaired) with a ZWNJ opens (see HAVE_FORMS).
VERB_OPENINGS: Final = ("می" + ZWNJ, "نمی" + ZWNJ)
#: «می» is also the month May (``14 می``): see ZwnjRepairer._month_may
MONTH_MAY: Final = "می"
#: Determiners that take a singular noun (reviewed): a glued ``های`` word right after one is
#: no plural, so it is ``ه`` + ``ای`` (``هیچ خاطرهای`` → ``خاطره‌ای``, no memory at all;
#: ``هر یک خواستهای`` → ``خواسته‌ای``; ``چنین رویهای`` → ``رویه‌ای``). «چه» is not one
#: (``چه حرفهای قشنگی``), nor the numbers (``سه نامهای که``).
SINGULAR_AFTER: Final = frozenset(("هیچ", "هر", "یک", "چنین", "چنان"))
#: No chunk index (ZwnjRepairer._joins_of: the chunks after a bare «بی» of most lines).
_NO_CHUNKS: Final[frozenset[int]] = frozenset()
#: The prefix «بی» (without), written apart from its word in a line whose ZWNJs became
#: spaces (ZwnjRepairer._after_without).
WITHOUT: Final = "بی"
#: A bare «بی» before another chunk: inside a line, or opening it (ZwnjRepairer._plan).
_WITHOUT_INSIDE: Final = f" {WITHOUT} "
_WITHOUT_FIRST: Final = f"{WITHOUT} "
#: The Arabic patronymic words (``سعید بن عاص``, ``ابن سینا``): Seraji writes the name joined
#: (``عدی‌بن‌حاتم``), PerDT apart (139 times in TRAIN, never joined), so a tie of the lexicon
#: after one is a convention split, not evidence (ZwnjRepairer._bound_tail_pair).
PATRONYMICS: Final = frozenset(("بن", "ابن"))
#: Letter names: a run of them is a spelled-out acronym (``بی بی سی``, ``سی ان ان``).
LETTER_NAMES: Final = frozenset(
    (
        "بی", "سی", "دی", "ای", "اف", "جی", "اچ", "ایچ", "آی", "کی", "ال", "ام", "ان", "او",
        "پی", "کیو", "آر", "اس", "تی", "یو", "وی", "دبلیو", "ایکس", "اکس", "وای", "زد",
    )
)  # fmt: skip
#: Prepositions after which a noun phrase starts: a glued word the lexicon writes glued
#: (``میدانی``, field) stays whole after them (see ZwnjRepairer._whole_words_in_context).
BEFORE_NOUN: Final = frozenset(("در", "به", "از", "با", "برای", "بر", "جز", "مانند", "درباره"))
#: Prepositions that a word the lexicon writes joined and apart alike (a tie, as one entry of
#: shekar's compound list is) does not take as a compound's tail (ZwnjRepairer._decide_join):
#: «پرده در» stays. Not «بر», a productive tail too (``هزینه‌بر``, ``زمان‌بر``, ``تب‌بر``).
_TIE_PREPOSITIONS: Final = BEFORE_NOUN - {"بر"}
#: Arabic function words Persian prose does not use alone (reviewed): two of them close
#: together mark an Arabic quotation (``وفی المحکی عن تذکرته انه اعتبر فیها``), where Persian
#: affix cuts would tear its words (``فی‌ها``), so its words are left as they are.
ARABIC_WORDS: Final = frozenset(
    (
        "فی", "وفی", "عن", "إلی", "الی", "أن", "إن", "انه", "أنه", "هذا", "هذه", "التی",
        "الذی", "الذین", "ثم", "لم", "لن", "ذلک", "تلک", "وهو", "وهی", "فهو", "فهی",
    )
)  # fmt: skip
#: ARABIC_WORDS as the engine keys words (``أن`` → ``ان``): a line whose chunks open with none
#: of these quotes no Arabic (a cheap test on keys already computed).
_ARABIC_KEYS: Final = frozenset(word.translate(FOLD) for word in ARABIC_WORDS)
#: Two Arabic function words (of ARABIC_WORDS) at most this many letters
#: apart (about six words) belong to one Arabic quotation, which reaches this many letters
#: beyond them (``ARABIC_REACH``, about three words): a Persian translation after it in the
#: same line is still repaired. Letters, not words, are counted (spaces and ZWNJs left out),
#: so a join outside the quotation («جمهور های» → «جمهور‌های») does not move it.
ARABIC_GAP: Final = 30
ARABIC_REACH: Final = 12
#: A word that only Arabic writes so: ``إ``, ``ة`` or ``ٱ`` anywhere, ``أ`` first (Persian
#: writes ``تأمین``, never ``أن``), or two short vowels or shadda/sukun marks (vocalised
#: Quranic text: ``مِّنْهُمْ``). No Persian affix is cut off such a word (``بال‌إجازه``). A ``ة``
#: before ``ال`` is the Arabic compound Persian writes with a ZWNJ (``بقیة‌الله``,
#: ``آیة‌الله``, ``رحمة‌الله``): that word is read as Persian.
_ARABIC_WORD_RE: Final = re.compile("[إٱ]|ة(?!ال)|^أ|[\u064e-\u0652][^\u064e-\u0652]*[\u064e-\u0652]")
#: A word written only in vocalised Arabic: ``إ`` or ``ٱ``, or two short vowels or
#: shadda/sukun marks (``إِسْرَائِیلَ``, ``سَخِطَ``); two such words are never joined
#: (see _vocalised_pair), while ``آیة الله`` (no marks) may be.
_VOCALISED_RE: Final = re.compile("[إٱ]|[\u064e-\u0652][^\u064e-\u0652]*[\u064e-\u0652]")
#: The ending of German names in -heim (``هافنهایم``, ``مانهایم``), which an unknown stem
#: keeps whole (ZwnjRepairer._unknown_stem)
_HEIM: Final = "هایم"
#: Endings of a plural noun (ZwnjRepairer._takes_ezafe): ``تحقیقات``, ``مشاهدات`` (of
#: ``مشاهده``), ``واقعیتهای``.
_PLURAL_FORM_ENDINGS: Final = ("ها", "های", "ات")
#: The endings of a plural in «ان» (:meth:`ZwnjRepairer._plural_in_an`) and what they replace
#: in the singular: ``دوستان`` (``دوست``), ``دانشجویان`` (``دانشجو``), ``نمایندگان``
#: (``نماینده``).
_AN_PLURALS: Final = (("یان", ""), ("گان", "ه"), ("ان", ""))
#: Punctuation after which no ezafe can follow (see NO_EZAFE_AFTER).
_PHRASE_END: Final = frozenset("،.؛:!؟")
#: The plural with its ezafe, and the ending of the other reading (``حرفه`` + ``ای``).
_PLURAL_EZAFE: Final = "های"
_HEH_YE: Final = "ای"
#: The endings after a web word (:func:`protected_forms`) written glued to it:
#: the ezafe or indefinite ``ی`` and ``یی`` after a vowel (``دومینویی``).
_WEB_WORD_YE_ENDINGS: Final = ("یی", "ی")
#: Plural endings that begin with the «ه» of a word in a silent «ه» + «ای» (or its common
#: misspelling «ایی») when the stem before them is unseen (``ZwnjRepairer._unknown_stem``).
_HEH_PLURALS: Final = (_PLURAL_EZAFE, "هایی")
#: Personal endings and pronoun clitics, written glued after most stems (``کتابمان``,
#: ``پیشرفتشان``) and with a ZWNJ after «ه» (``خانه‌مان``): see the learned shares. Not the
#: copula «اند», which the treebanks write with a ZWNJ after a noun (``عبارت‌اند``, 9 breaks
#: on PEYMA when it was in).
_CLITICS: Final = ("مان", "تان", "شان", "ام", "ات", "اش", "ایم", "اید")
_ZWNJ_PLURAL_EZAFE: Final = ZWNJ + _PLURAL_EZAFE
#: How often a word is followed by an open and a closed context (see NO_EZAFE_AFTER and
#: HAVE_FORMS) in the PerDT and Seraji TRAIN text, for the plural ``X‌های`` (4,732 open, 26
#: closed) and for ``Xه‌ای`` (725 open, 927 closed), counted by bench/zwnj/ye_context.py.
_PLURAL_OPEN: Final = 4732
_PLURAL_CLOSED: Final = 26
_HEH_YE_OPEN: Final = 725
_HEH_YE_CLOSED: Final = 927
#: An open context favours the plural only about 2 to 1 on average, and less after the
#: adjectives in ``ای`` that a noun follows (``زنجیره‌ای``), so there the plural wins against
#: the word's own reading only when the lexicon saw the stem with a plural ending at least as
#: often as the ``ه‌ای`` word, and at least this often: «بندهای قانونی» (5 plurals, 5
#: ``بنده‌ای``) is clauses, «گوشهای کنج» (10, 16) stays ``گوشه‌ای``, «ریشهای» (``ریش``,
#: beard, never seen plural) stays ``ریشه‌ای``.
MIN_PLURAL_COUNT: Final = 2
#: Of the ``Xه‌ای`` words in the TRAIN text, those whose ``Xه`` is a past participle of the
#: lexicon's verbs (``کرده‌ای``, ``آمده‌ای``: mostly the perfect's second person, a verb that
#: ends its clause), counted by bench/zwnj/ye_context.py (2026-11-30): 19 in an open context,
#: 65 in a closed one.
_PARTICIPLE_HEH_YE_OPEN: Final = 19
_PARTICIPLE_HEH_YE_CLOSED: Final = 65
#: So an open context favours the plural over a participle's ``ه‌ای`` about 4.4 to 1 (the
#: plural stands in one 99.5 % of the time, such a verb 23 %): there the plural wins when the
#: lexicon saw it at least ``MIN_PLURAL_COUNT`` times and this many times as often as the
#: ``ه‌ای`` form would otherwise need (``کردهای ترکیه``: ``کرد`` plural 5, ``کرده‌ای`` 15 → the
#: Kurds of Turkey, ``کردهای``; ``رفت و آمدهای``: 2 and 3 → comings and goings).
PARTICIPLE_OPEN_PLURAL_ODDS: Final = (_PLURAL_OPEN / (_PLURAL_OPEN + _PLURAL_CLOSED)) / (
    _PARTICIPLE_HEH_YE_OPEN / (_PARTICIPLE_HEH_YE_OPEN + _PARTICIPLE_HEH_YE_CLOSED)
)
#: A closed context favours ``ه`` + ``ای`` about 100 to 1.
CLOSED_HEH_YE_ODDS: Final = (_HEH_YE_CLOSED / (_HEH_YE_OPEN + _HEH_YE_CLOSED)) / (
    _PLURAL_CLOSED / (_PLURAL_OPEN + _PLURAL_CLOSED)
)
#: So a pronoun after a glued ``های`` word favours the plural about 4 to 1 (see
#: POSSESSOR_PRONOUNS): there a word read ``ه`` + ``ای`` alone takes its plural reading when the
#: lexicon saw the plural ``MIN_PLURAL_COUNT`` times and this many times as often at least as
#: the ``ه‌ای`` word (``نامهای خود``: ``نام`` plural 9, ``نامه‌ای`` 19 → ``نام‌های``).
PRONOUN_AFTER_PLURAL_ODDS: Final = (_PLURAL_BEFORE_PRONOUN / _PLURAL_OPEN) / (
    _HEH_YE_BEFORE_PRONOUN / _HEH_YE_OPEN
)
#: Determiners that open a noun phrase, and personal pronouns (reviewed): no adjective follows
#: them, so a glued ``های`` word after one is a noun (``این حرفهای``, ``ما حرفهای شما`` →
#: ``حرف‌های``), though the lexicon saw some of them with a plural (``ماها``).
NO_ADJECTIVE_AFTER: Final = frozenset(
    (
        "این", "آن", "همین", "همان", "همه", "تمام", "هر", "چه", "کدام", "برخی", "بعضی",
        "چنین", "چنان", "هیچ", "یک", "چند", "اغلب", "بیشتر",
        "من", "تو", "او", "وی", "ما", "شما", "ایشان", "آنها", "اینها",
    )
)  # fmt: skip
#: Words a bare «بی» stays apart from unless the lexicon saw the pair joined: function words,
#: determiners, pronouns, letter names (ZwnjRepairer._after_without).
NOT_AFTER_WITHOUT: Final = (
    NO_EZAFE_AFTER
    | NO_ADJECTIVE_AFTER
    | BEFORE_NOUN
    | LETTER_NAMES
    | frozenset(("آنکه", "اینکه", "آنچه", "هم", "نه", "اگر", "چون", "یعنی"))
)
#: Of the words in an open context in the TRAIN text (``_PLURAL_OPEN``, ``_HEH_YE_OPEN``), how
#: many come right after a noun that takes the ezafe (:meth:`ZwnjRepairer._noun_before`:
#: ``شرکت‌های بیمه‌ای``, ``باشگاه حرفه‌ای``), counted by bench/zwnj/ye_context.py:
#: 340 of 4,732 plurals, 134 of 725 ``Xه‌ای``.
_PLURAL_AFTER_NOUN: Final = 340
_HEH_YE_AFTER_NOUN: Final = 134
#: So a noun before an open context favours ``ه`` + ``ای`` about 2.6 to 1: there the plural
#: wins only when the lexicon saw it this many times as often as the ``ه‌ای`` word
#: (``باشگاه حرفهای ایران``: ``حرف`` plural 55, ``حرفه‌ای`` 27 → ``حرفه‌ای``).
AFTER_NOUN_HEH_YE_ODDS: Final = (_HEH_YE_AFTER_NOUN / _HEH_YE_OPEN) / (_PLURAL_AFTER_NOUN / _PLURAL_OPEN)
#: Of those, how many come right after a plural in «های» of a known word
#: (:meth:`ZwnjRepairer._plural_before`: ``فعالیت‌های هسته‌ای``, ``سازمان‌های انرژی‌های``):
#: 26 plurals, 32 ``Xه‌ای`` (bench/zwnj/ye_context.py, 2026-11-30).
_PLURAL_AFTER_PLURAL: Final = 26
_HEH_YE_AFTER_PLURAL: Final = 32
#: So a plural before an open context favours ``ه`` + ``ای`` about 8 to 1
#: (``قتلهای زنجیرهای``: ``زنجیر`` plural 4, ``زنجیره‌ای`` 3 → ``زنجیره‌ای``).
AFTER_PLURAL_HEH_YE_ODDS: Final = (_HEH_YE_AFTER_PLURAL / _HEH_YE_OPEN) / (
    _PLURAL_AFTER_PLURAL / _PLURAL_OPEN
)


def _run_start(text: str, k: int) -> int:
    """Where the run of ZWNJs holding ``text[k]`` (a ZWNJ) starts."""
    while k and text[k - 1] == ZWNJ:
        k -= 1
    return k


def _edge(ch: str) -> bool:
    """True at the text's edge (``""``) or for whitespace: a ZWNJ there never belongs."""
    return not ch or ch.isspace()


def _apply_tuples(text: str, repairs: list[tuple[int, int, str, str]]) -> str:
    parts, pos = [], 0
    for start, end, replacement, _ in repairs:
        parts.append(text[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _lookup_py(memo: dict[str, Any], parts: list[str]) -> tuple[list[Any], int]:
    """Each chunk's entry in a chunk memo (None if new), and how many are new: the pure twin
    of ``khabar._c.chunks.lookup`` (a warm line's memo look-ups as one C loop).

    >>> _lookup_py({"a": (1,)}, ["a", "b", "a"])
    ([(1,), None, (1,)], 1)
    """
    infos = list(map(memo.get, parts))
    return infos, infos.count(None)


def _join_fixed_py(infos: list[Any], joins: set[int]) -> str:
    """The repaired chunks (field 1 of each ChunkInfo) joined by a space, or by a ZWNJ before
    each chunk of ``joins``: the pure twin of ``khabar._c.chunks.join_fixed``.

    >>> _join_fixed_py([(0, "a"), (0, "b"), (0, "c")], {2})
    'a b\u200cc'
    """
    if not joins:
        return " ".join(map(_FIXED, infos))
    out = [infos[0][1]]
    for i in range(1, len(infos)):
        out.append(ZWNJ if i in joins else " ")
        out.append(infos[i][1])
    return "".join(out)


def _truthy_py(infos: list[Any], field: int, start: int) -> list[int]:
    """The indices ``i >= start`` of the chunks whose ChunkInfo field ``field`` is true (which
    have repairs: 0; which open with a word that can join: 4): the pure twin of
    ``khabar._c.chunks.truthy`` (one C pass over a line's infos, read once per line).

    >>> _truthy_py([((), "a", "", "", True), ((1,), "b", "", "", False)], 4, 1)
    []
    >>> _truthy_py([((), "a", "", "", True), ((1,), "b", "", "", False)], 0, 0)
    [1]
    """
    return list(compress(range(start, len(infos)), map(itemgetter(field), infos[start:])))


def _members_py(
    infos: list[Any], field: int, table: frozenset[str] | set[str], start: int
) -> list[int]:
    """The indices ``i >= start`` of the chunks whose ChunkInfo field ``field`` is in ``table``
    (which open with a spaced plural: field 2 in SPACED_PLURALS): the pure twin of
    ``khabar._c.chunks.members``.

    >>> _members_py([((), "x", "کتاب"), ((), "ها", "ها")], 2, SPACED_PLURALS, 1)
    [1]
    """
    fields = map(itemgetter(field), infos[start:])
    return list(compress(range(start, len(infos)), map(table.__contains__, fields)))


def _field_sum_py(infos: list[Any], field: int) -> int:
    """The sum of one ChunkInfo field over a line's chunks (the glued weights: field 7): the
    pure twin of ``khabar._c.chunks.field_sum`` (one C pass, once per line).

    >>> _field_sum_py([(0, 1), (0, 3), (0, 0)], 1)
    4
    """
    return sum(map(itemgetter(field), infos))


def _field_or_py(infos: list[Any], field: int) -> int:
    """The bitwise OR of one ChunkInfo field over a line's chunks (the fact bits: field 9),
    from 0: the pure twin of ``khabar._c.chunks.field_or`` (one C pass, once per line).

    >>> _field_or_py([(0, 1), (0, 4), (0, 0)], 1)
    5
    >>> _field_or_py([], 1)
    0
    """
    return functools.reduce(or_, map(itemgetter(field), infos), 0)


def _tail_index_py(forms: dict[str, dict[str, int]], tail: int) -> dict[str, list[str]]:
    """The keys of ``forms`` that the lexicon wrote glued (the key is one of its own forms)
    and longer than ``tail``, listed by their last ``tail`` letters in the dict's order: the
    index of :meth:`ZwnjRepairer._glued_tail_count`, built once per engine; the pure twin of
    ``khabar._c.chunks.tail_index``.

    >>> _tail_index_py({"دانشگاه": {"دانشگاه": 5}, "دستگاه": {"دستگاه": 2},
    ...                 "میگاه": {"می‌گاه": 1}, "گاه": {"گاه": 9}}, 3)
    {'گاه': ['دانشگاه', 'دستگاه']}
    """
    ends: dict[str, list[str]] = {}
    # only glued words count (a key never written glued adds glued_count 0), and they are a
    # quarter of the keys: one C-level pass finds them
    for key in compress(forms, map(contains, forms.values(), forms)):
        if len(key) > tail:
            bucket = ends.get(key[-tail:])
            if bucket is None:
                ends[key[-tail:]] = [key]
            else:
                bucket.append(key)
    return ends


#: the characters :func:`~khabar.text.lexicon.fold` changes, for :func:`_word_kind`
_FOLD_CHARS: Final = "".join(sorted(map(chr, FOLD)))


def _word_kind_py(chunk: str, folds: str) -> int:
    """0 when ``chunk`` is not one word of letters (:data:`LETTER`), else 1 when it holds no
    character of ``folds`` (:data:`_FOLD_CHARS`: its key is itself), else 2: the pure twin of
    ``khabar._c.chunks.word_kind`` (the first test of a new chunk, in one C pass).

    >>> [_word_kind_py(w, _FOLD_CHARS) for w in ("کتاب", "تأمین", "کتاب،", "")]
    [1, 2, 0, 0]
    """
    if _WORD_RE.fullmatch(chunk) is None:
        return 0
    return 1 if fold(chunk) is chunk else 2


# the C twins (khabar._c.chunks), or the pure ones above when it is not built (or KHABAR_PURE=1);
# typed as their twins, so that compiled code takes their ints and lists as such (untyped, a
# chunk index from _truthy was a boxed object: every infos[i] and i - 1 of _joins_of a generic
# call)
_CHUNKS: Final = _native.c_extension("khabar._c.chunks")
_lookup: Final[Callable[[dict[str, Any], list[str]], tuple[list[Any], int]]] = (
    _lookup_py if _CHUNKS is None else _CHUNKS.lookup
)
_join_fixed: Final[Callable[[list[Any], set[int]], str]] = (
    _join_fixed_py if _CHUNKS is None else _CHUNKS.join_fixed
)
_truthy: Final[Callable[[list[Any], int, int], list[int]]] = (
    _truthy_py if _CHUNKS is None else _CHUNKS.truthy
)
_members: Final[Callable[[list[Any], int, frozenset[str] | set[str], int], list[int]]] = (
    _members_py if _CHUNKS is None else _CHUNKS.members
)
_field_sum: Final[Callable[[list[Any], int], int]] = (
    _field_sum_py if _CHUNKS is None else _CHUNKS.field_sum
)
_field_or: Final[Callable[[list[Any], int], int]] = (
    _field_or_py if _CHUNKS is None else _CHUNKS.field_or
)
_tail_index: Final[Callable[[dict[str, dict[str, int]], int], dict[str, list[str]]]] = (
    _tail_index_py if _CHUNKS is None else _CHUNKS.tail_index
)
_word_kind: Final[Callable[[str, str], int]] = (
    _word_kind_py if _CHUNKS is None else _CHUNKS.word_kind
)


_E = TypeVar("_E", bound=enum.Enum)


def _check_enum(value: object, kind: type[_E], name: str) -> _E:
    # ValueError, not TypeError: the project's rule for style options (see STYLE.md)
    if not isinstance(value, kind):
        options = ", ".join(f"{kind.__name__}.{m.name}" for m in kind)
        raise ValueError(f"{name} must be one of {options}, got {value!r}")  # noqa: TRY004
    return value


class ZwnjRepairer:
    """Find and apply ZWNJ repairs; see the module docstring for the rules.

    Args:
        lexicon: word counts to decide with; the shipped lexicon if None. Add user words with
            ``Lexicon.load(extra=[path])`` (format in :mod:`khabar.text.lexicon`).
        nonjoiner: what to do with a ZWNJ after a non-joining letter (default: keep it).
        spaced: whether to join spaced words the lexicon writes as one (default: join).
        trust: whether a line's own ZWNJs or spaced affixes limit the repair of its glued
            words and compounds (default: yes, see :class:`Trust`).

    The instance memoises decisions per word and per word pair (Zipf: a few thousand words
    make most of a corpus), so reuse one instance; it is safe to share across threads in
    CPython because the memo only ever gains entries that any thread would compute alike.

    >>> ZwnjRepairer(spaced="join")
    Traceback (most recent call last):
    ...
    ValueError: spaced must be one of Spaced.JOIN, Spaced.KEEP, got 'join'
    """

    #: :meth:`find_repairs` and :meth:`repair` treat each line alone: a line's repairs do not
    #: depend on the other lines (khabar.text.fix repairs the lines no protected span reaches
    #: with :meth:`repair` because of it).
    lines_alone = True

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        nonjoiner: NonJoiner | object = NonJoiner.KEEP,
        spaced: Spaced | object = Spaced.JOIN,
        trust: Trust | object = Trust.LINE,
    ) -> None:
        # typed ``object``, checked here: compiled code would check the enum types on entry and
        # raise a TypeError that names no valid choice
        nonjoiner = _check_enum(nonjoiner, NonJoiner, "nonjoiner")
        spaced = _check_enum(spaced, Spaced, "spaced")
        trust = _check_enum(trust, Trust, "trust")
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        self.nonjoiner = nonjoiner
        self.spaced = spaced
        self.trust = trust
        self._glued_memo: dict[str, tuple[int, ...]] = {}
        # one chunk memo per level of glued repair (GLUED_NONE, GLUED_PREFIX, GLUED_ALL,
        # GLUED_SURE)
        self._chunk_memos: tuple[dict[str, ChunkInfo], ...] = ({}, {}, {}, {})
        self._join_memo: dict[tuple[str, str], int] = {}
        # chunks whose glued analysis has another reading (see _in_context): a set look-up per
        # chunk finds them faster than reading every ChunkInfo of a line
        self._other_reading_chunks: set[str] = set()
        # the plural reading of an ambiguous «های» word that reads «ه» + «ای» alone (نامهای):
        # taken before a given name (see _in_context); forgotten with the chunk memos
        self._plural_readings: dict[str, tuple[tuple[tuple[int, int, str, str], ...], str]] = {}
        # chunks holding a glued word that the lexicon writes glued (see WHOLE_WORD_COUNT)
        self._whole_word_chunks: set[str] = set()
        # chunks opening with an Arabic function word (_ARABIC_KEYS): a line holding none (most)
        # quotes no Arabic, which one set test over its chunks says (see _unless_arabic)
        self._arabic_chunks: set[str] = set()
        # every chunk of the three sets above and every chunk closing with a verbal prefix
        # (see _note): a line holding none (almost all) needs none of their tests, which the
        # fact bit _FACT_NOTED of its chunks says (see _chunk_fact_bits)
        self._noted_chunks: set[str] = set()
        # chunks a changed line is looked at for: an Arabic opener (as _arabic_chunks), a given
        # name closing it or «دوست» opening it (see _in_line_context); kept out of
        # _noted_chunks, so they cost _plan nothing, and a line holding none (most) needs
        # neither look, which the fact bit _FACT_LOOKED of its chunks says
        self._looked_chunks: set[str] = set()
        # chunks holding a word whose writer's ZWNJs go (see _stray_inside): while there is
        # none, _plan need not look for them in a line that writes ZWNJs
        self._stray_inside_chunks: set[str] = set()
        # whether the glued cut of a chunk after a given name stays (see _kept_cut)
        self._kept_cuts: dict[str, bool] = {}
        # what _bound_chunk_memory forgets with the chunk memos
        self._chunk_facts = (
            self._other_reading_chunks,
            self._whole_word_chunks,
            self._arabic_chunks,
            self._noted_chunks,
            self._looked_chunks,
            self._stray_inside_chunks,
        )
        #: how many chunks a chunk memo may hold before everything known about chunks is
        #: forgotten (:meth:`_bound_chunk_memory`)
        self.chunk_limit = CACHE_LIMIT
        lex = self.lexicon
        # Second words that can ever join the word before them: a pair is looked up only
        # when its second word is here, which skips most pairs with one set membership.
        zwnj_forms = forms_with_zwnj(lex.forms)  # once for both tables below (and, kept
        # until then, for the two-letter tails of _two_letter_tail, made on first use)
        self._zwnj_forms: list[str] | None = zwnj_forms
        self._joinable_right = joinable_right_words(lex, zwnj_forms)
        # the last words of three-word forms written as one token, and their first two words
        # three-word tokens to join, by their first word; their last words are looked up
        # after their middle ones, as a pair's after its head
        self._compound_tails = compound_tails(lex, self._joinable_right)
        for tail in self._compound_tails:
            self._joinable_right[tail] = True
        self._rare_tails = rare_compound_tails(lex, self._joinable_right)
        for tail in self._rare_tails:
            self._joinable_right[tail] = True
        # the compound tails with a plural ending (``نشینان`` → ``نشین``), and the bound nouns
        # of action with a glued plural (``گذاریها`` → ``گذاری``): see _decide_join
        self._inflected_tails: dict[str, str] = inflected_tails(
            lex, self._compound_tails | self._rare_tails, TAIL_INFLECTIONS
        )
        self._inflected_tails.update(inflected_tails(lex, action_suffixes(lex), GLUED_PLURALS))
        for form in self._inflected_tails:
            self._joinable_right[form] = True
        # the second words of one-ZWNJ pairs with a plural or comparative ending open a
        # candidate pair after the heads of their tail (``شهرها`` after ``کلان``), and each
        # such form's tail (``شهرها`` → ``شهر``: see _decide_join); listed once here, as a new
        # chunk's look-up cost more per line
        self._inflected_pair_tails = add_inflected_pair_tails(
            lex, self._joinable_right, TAIL_INFLECTIONS
        )
        self._triples = joinable_triples(lex, zwnj_forms)
        for rest in self._triples.values():
            for middle, last in rest:
                heads = self._joinable_right.get(last, False)
                if heads is not True:
                    self._joinable_right[last] = frozenset(heads or ()) | {middle}
        # past participles of the lexicon's verbs, with and without «ن» (``شده``, ``نشده``,
        # ``خورده``): see _verb_before_aux
        participles = [stem + "ه" for stem in lex.verb_stems if stem[-1] in _PAST_STEM_LAST]
        self._participles = frozenset(participles + ["ن" + p for p in participles])
        # the protected words with their endings (house spellings, exception entries, web
        # words: ``بیتکوینها`` → ``بیت‌کوین‌ها``, ``توییترها`` → ``توییتر‌ها``): one look-up per
        # unknown word (a loop over the endings cost ~80 M instructions on cold PEYMA)
        self._protected_forms = protected_forms(lex)
        self._prefixes_longest_first = sorted(lex.verbal_prefixes, key=len, reverse=True)
        # for _segment: the words that may open a glued word (seen MIN_STEM_COUNT times as a
        # word or left of a ZWNJ), the pieces that may follow a word (a bound suffix, or seen as
        # a word or after a ZWNJ), and log weights once per piece
        self._segment_heads = _at_least(lex.word_count, MIN_STEM_COUNT) | _at_least(
            lex.left_count, MIN_STEM_COUNT
        )
        self._segment_pieces = lex.bound_suffixes.union(lex.word_count, lex.after_word_count)
        self._log_weights: dict[str, float] = {}
        # for _glued_tail_count: the lexicon's words by their last letters (made on first use),
        # and the count per piece
        self._glued_ends: dict[str, list[str]] | None = None
        self._tail_counts: dict[str, int] = {}
        # for _two_letter_tail: the two-letter compound tails (made on first use)
        self._two_letter_tails: frozenset[str] | None = None

    # ---- public API ------------------------------------------------------------------------

    def find_repairs(self, text: object) -> list[Repair]:
        """All repairs for ``text``, sorted by position and non-overlapping.

        >>> r = default_repairer()
        >>> [(x.start, x.end, x.rule) for x in r.find_repairs("می باشد")]
        [(2, 3, 'zwnj.spaced')]
        >>> [(x.start, x.end, x.rule) for x in r.find_repairs("کتاب\u200c ها")]
        [(4, 5, 'zwnj.remove.edge'), (5, 6, 'zwnj.spaced')]
        """
        if not isinstance(text, str):
            raise TypeError(f"find_repairs needs a str, got {type(text).__name__}")
        if "\n" not in text:
            return self._line_repairs(text, 0)
        repairs: list[Repair] = []
        offset = 0
        for line in text.split("\n"):
            repairs.extend(self._line_repairs(line, offset))
            offset += len(line) + 1
        return repairs

    def repair(self, text: object) -> str:
        """``text`` with every repair of :meth:`find_repairs` applied (faster than applying them).

        >>> default_repairer().repair("رئیسجمهوری و نخستوزیران")
        'رئیس\u200cجمهوری و نخست\u200cوزیران'
        """
        if not isinstance(text, str):
            raise TypeError(f"repair needs a str, got {type(text).__name__}")
        if "\n" not in text:
            return self._repair_line(text)
        return "\n".join(map(self._repair_line, text.split("\n")))

    # ---- one line ------------------------------------------------------------------------------

    def _plan(self, line: str, parts: list[str] | None = None) -> tuple[list[ChunkInfo], set[int]]:
        """The chunks of ``line`` (split at spaces: ``parts``, if the caller has them) and the
        indices of the chunks to join."""
        if parts is None:
            parts = line.split(" ")
        if self.trust is Trust.NONE:
            infos = self._chunk_infos(parts, GLUED_ALL)
            joins = self._joins_of(parts, infos, without=_has_bare_without(line))[0]
            if self._has_other_reading(parts):
                return self._in_context(infos, joins), joins
            return infos, joins
        if ZWNJ in line and _WRITTEN_ZWNJ_RE.search(line):
            infos = self._chunk_infos(parts, GLUED_NONE)
            # its written ZWNJs show a writer who uses them, unless each goes as a stray inside
            # a word («میز‌ان»): then the line is planned as if written without them, as its
            # repaired text will be (repair(repair(x)) == repair(x))
            if (
                not self._stray_inside_chunks  # none seen yet (most texts): no line to look at
                or not _field_or(infos, _FACTS_FIELD) & _FACT_STRAY_INSIDE
                or _WRITTEN_ZWNJ_RE.search(" ".join(map(_FIXED, infos)))
            ):
                # a bare می or plural only
                return infos, self._joins_of(parts, infos, affixes_only=True)[1]
        infos = self._chunk_infos(parts, GLUED_ALL)
        # every chunk is analysed now, so its facts are noted: a line with none noted (almost
        # all) skips the tests below that look for them
        facts = _field_or(infos, _FACTS_FIELD)
        noted = bool(facts & _FACT_NOTED)
        weight = _field_sum(infos, _GLUED_WEIGHT_FIELD)
        if weight >= GLUED_LINE_WEIGHT and not self._may_join_affix(facts):
            # «میشود»: its ZWNJs were dropped, words apart are the author's (as below), and no
            # bare affix can join (half the lines of a text whose ZWNJs were dropped): no join
            # to look for
            joins = set()
        else:
            # one pass as if the line's ZWNJs became spaces (its spaces between words written
            # joined as often as apart were ZWNJs); a line that shows no such sign keeps the
            # sure joins only
            without = _has_bare_without(line)
            joins, affixes, weak = self._joins_of(
                parts, infos, need=JOIN_SPACED_LINE, without=without
            )
            if weak and not affixes:
                sure, affixes, _ = self._joins_of(parts, infos, without=without)
                if not self._spaced_compounds(infos, sure):
                    joins = sure
            if not weight:
                if noted and self._has_whole_word(parts):  # «بررسی میدانی»: no dropped ZWNJ
                    return self._chunk_infos(parts, GLUED_SURE), joins
                # «موضوع پیچیدهای نیست»; not in a line whose ZWNJs became spaces, whose glued
                # words are the author's (as below): «دستگاه های ... برندهای با کیفیت» stays
                if noted and not affixes and self._has_other_reading(parts):
                    return self._in_context(infos, joins), joins
                return infos, joins  # no glued split: every level gives the same chunks
            if affixes:  # the line's ZWNJs became spaces: its glued nouns are the author's
                return self._chunk_infos(parts, SPACED_LINE_GLUED), joins
            if joins and weight >= GLUED_LINE_WEIGHT:
                joins = set()  # «میشود»: its ZWNJs were dropped, words apart are the author's
        if not noted:
            return infos, joins
        if self._has_whole_word(parts):  # «بررسی میدانی» in a line whose ZWNJs were dropped
            infos = self._whole_words_in_context(parts, infos)
        if self._has_other_reading(parts):
            return self._in_context(infos, joins), joins
        return infos, joins

    def _spaced_compounds(self, infos: list[ChunkInfo], sure: set[int]) -> bool:
        """Whether a line with no spaced «می» or plural (chunks planned as ``infos``) still
        reads as one whose ZWNJs became spaces: ``SPACED_COMPOUND_JOINS`` of its sure joins
        ``sure`` join two words the lexicon writes as one (``آب بازی``, ``قابل توجه``), not a
        bound suffix, a personal ending or the ezafe «ی», which authors write apart on purpose
        (``بین المللی``, ``کرده اند``, ``همه ی``). Its pairs the lexicon writes joined about as
        often as apart then join too (``رئیس جمهور``, ``هیئت مدیره``)."""
        if len(sure) < SPACED_COMPOUND_JOINS:
            return False
        bound = self.lexicon.bound_suffixes
        compounds = 0
        for i in sure:
            b = infos[i][2]
            if b not in bound and b not in PERSON_ENDINGS and b != EZAFE_YE:
                compounds += 1
        return compounds >= SPACED_COMPOUND_JOINS

    def _may_join_affix(self, facts: int) -> bool:
        """Whether :meth:`_joins_of` could find a join of a bare affix in a line whose chunks'
        fact bits or to ``facts``: it needs a chunk closing with a verbal prefix (``می
        خواهند``) or one opening with a spaced plural (``کتاب ها``). One bit test, instead of
        looking at every pair of the line."""
        return bool(facts & (_FACT_PREFIX_LAST | _FACT_SPACED_PLURAL))

    def _unless_arabic(
        self, parts: list[str], infos: list[ChunkInfo], joins: set[int]
    ) -> tuple[list[ChunkInfo], set[int]]:
        """The plan of a line that changes (its chunks ``parts``, planned as ``infos``,
        ``joins``), unless the line quotes Arabic: then :meth:`_without_arabic`. Asked only of
        lines that change, and answered by the chunks' fact bits (those opening with an Arabic
        function word were noted when analysed) unless one is such a chunk."""
        if not _field_or(infos, _FACTS_FIELD) & _FACT_ARABIC:
            return infos, joins
        arabic = _arabic_spans(parts)
        if arabic:
            return self._without_arabic(parts, arabic)
        return infos, joins

    def _without_arabic(
        self, parts: list[str], arabic: set[int]
    ) -> tuple[list[ChunkInfo], set[int]]:
        """The plan of a line holding an Arabic quotation (the chunks ``arabic``): the rest
        of the line as if alone, the quotation with no glued cut and no join."""
        if len(arabic) == len(parts):
            return self._chunk_infos(parts, GLUED_NONE), set()
        infos, joins = self._plan(
            " ".join(p if i not in arabic else "" for i, p in enumerate(parts))
        )
        kept = self._chunk_infos([parts[i] for i in sorted(arabic)], GLUED_NONE)
        for i, info in zip(sorted(arabic), kept):
            infos[i] = info
        return infos, {i for i in joins if i not in arabic and i - 1 not in arabic}

    def _in_line_context(
        self, parts: list[str], infos: list[ChunkInfo], joins: set[int]
    ) -> tuple[list[ChunkInfo], set[int]]:
        """The plan of a line that changes (chunks ``parts``, planned as ``infos``, ``joins``)
        with what the words around a chunk decide; called for lines holding a chunk noted in
        ``_looked_chunks`` when analysed (its fact bit _FACT_LOOKED finds them).

        * «دوست» before a form of «داشتن» is not joined to the word before it (``ایران دوست
          دارند``, they like Iran, not ``ایران‌دوست``, Iran-loving);
        * the word after a given name (:attr:`Lexicon.given_names`) is a surname: a glued one
          keeps its letters together (``هومن سیدی``, not ``سی‌دی``, CD; ``علیرضا جهانبخش``)
          unless :meth:`_kept_cut` says the cut stays (``علی میرود`` → ``می‌رود``), and it is
          not joined to the name unless the lexicon saw the pair joined (``ناصر سالاری`` stays
          apart, ``علی رغم`` → ``علی‌رغم``), the pair opens a three-word join (``عبدالله بن
          زبیر``) or it makes a surname of the name (``SURNAME_TAILS``: ``حسین زاده`` →
          ``حسین‌زاده``).
        """
        # where those chunks are: their fact bit, in order (the bit is the same at every level,
        # so it holds of the chunks of infos that _unless_arabic replaced too); the set's
        # intersection with the line, then a count and an index per chunk, compared strings
        rows = cast(list[tuple[Any, ...]], infos)
        where = [k for k, row in enumerate(rows) if row[_FACTS_FIELD] & _FACT_LOOKED]
        lex = self.lexicon
        names = lex.given_names
        last = len(parts) - 1
        out = infos
        kept = joins
        for i in where:
            info = infos[i]
            if (
                info[2] == _LIKE
                and i in kept
                and info[3] == _LIKE
                and i < last
                and i + 1 not in kept
                and _HAVE_RE.fullmatch(infos[i + 1][2]) is not None
            ):
                kept = kept - {i}
            name = info[3]
            if i == last or name not in names:
                continue
            after = infos[i + 1]
            tail = after[2]
            if (
                i + 1 in kept
                and i + 2 not in kept
                and tail not in SURNAME_TAILS
                and not lex.joined_count(name, tail)
            ):
                kept = kept - {i + 1}
            if after[0] and not self._kept_cut(parts[i + 1], after[1]):
                if out is infos:
                    out = list(infos)
                out[i + 1] = self._chunk_infos([parts[i + 1]], GLUED_NONE)[0]
        return out, kept

    def _kept_cut(self, chunk: str, fixed: str) -> bool:
        """Whether the cut of the first word of ``chunk`` (repaired: ``fixed``), after a given
        name, stays: the lexicon writes the word so and never glued (``علی‌اکبری``,
        ``رسول‌زاده``, ``علیه‌السلام``; not ``سیدی``, seen glued once, though ``سی‌دی``, CD,
        eight times), or the cut is before a surname tail after a piece in «ی»
        (``واحدی‌پور``, ``باستانی‌نژاد``: :data:`YE_SURNAME_TAILS`), or the cut is at an
        affix no surname starts or ends with: a verbal
        prefix, a plural, a comparative or a personal ending (``می‌رود``, ``کتاب‌ها``,
        ``بزرگ‌ترین``, ``چکانده‌ایم``). Remembered per chunk with the chunk memos."""
        kept = self._kept_cuts.get(chunk)
        if kept is None:
            kept = self._kept_cuts[chunk] = self._decide_kept_cut(fixed)
        return kept

    def _decide_kept_cut(self, fixed: str) -> bool:
        """:meth:`_kept_cut`, not remembered."""
        m = TOKEN_RE.search(fixed)
        if m is None or ZWNJ not in m.group():
            return True
        lex = self.lexicon
        word = m.group()
        pieces = word.split(ZWNJ)
        key = fold(word.replace(ZWNJ, ""))
        if lex.best_form(key) is not None and not lex.glued_count(key):
            return True
        last = pieces[-1]
        if len(pieces) == 2 and last in YE_SURNAME_TAILS and pieces[0][-1:] == EZAFE_YE:
            return True  # «واحدی‌پور», «باستانی‌نژاد»: a surname TRAIN writes so
        return (
            fold(pieces[0]) in lex.verbal_prefixes
            or last in PLURAL_ENDINGS
            or last in COMPARATIVE_ENDINGS
            or last in PERSON_ENDINGS
        )

    def _line_repairs(self, line: str, offset: int) -> list[Repair]:
        """:meth:`find_repairs` of one line without ``\\n``, at ``offset`` in the text."""
        if not line:  # half the lines of a web document are the empty ones between paragraphs
            return []
        self._bound_chunk_memory()
        parts = line.split(" ")
        infos, joins = self._plan(line, parts)
        changed = _truthy(infos, 0, 0)  # the chunks with repairs inside (field 0: _REPAIRS)
        if not joins and not changed:
            return []
        if _field_or(infos, _FACTS_FIELD) & _FACT_LOOKED:  # Arabic, a given name, «دوست» (few)
            infos, joins = self._unless_arabic(parts, infos, joins)
            infos, joins = self._in_line_context(parts, infos, joins)
            changed = _truthy(infos, 0, 0)
        starts = list(accumulate(map(len, parts), initial=offset))
        repairs: list[Repair] = []
        # the chunks with repairs inside, and those joined to the chunk before, in order
        for i in sorted(joins.union(changed)) if joins else changed:
            base = starts[i] + i  # chunk i starts after i spaces
            if i in joins:
                repairs.append(Repair(base - 1, base, ZWNJ, "zwnj.spaced"))
            for start, end, replacement, rule in infos[i][0]:
                repairs.append(Repair(base + start, base + end, replacement, rule))
        return repairs

    def _repair_line(self, text: str) -> str:
        """:meth:`repair` of one line without ``\\n``."""
        if not text:
            return text
        self._bound_chunk_memory()
        parts = text.split(" ")
        infos, joins = self._plan(text, parts)
        if not joins and not any(map(_REPAIRS, infos)):
            return text
        if _field_or(infos, _FACTS_FIELD) & _FACT_LOOKED:  # Arabic, a given name, «دوست» (few)
            infos, joins = self._unless_arabic(parts, infos, joins)
            infos, joins = self._in_line_context(parts, infos, joins)
        return _join_fixed(infos, joins)

    # ---- chunks between spaces ---------------------------------------------------------------

    def _bound_chunk_memory(self) -> None:
        """Forget everything known about chunks once a chunk memo holds ``chunk_limit`` of
        them: the memos, the sets of chunk facts (``_whole_word_chunks``, ...) and the kept
        cuts together, and only between lines, so no line sees a chunk's memo without its
        facts. Each fact is a function of its chunk, found again when the chunk is next
        analysed, so the output does not change; without this the sets grew with every new
        word of a long stream.
        """
        limit = self.chunk_limit
        for memo in self._chunk_memos:  # a loop, not any(): this runs once per line
            if len(memo) > limit:
                break
        else:
            return
        for memo in self._chunk_memos:
            memo.clear()
        for facts in self._chunk_facts:
            facts.clear()
        self._kept_cuts.clear()
        self._plural_readings.clear()

    def _chunk_infos(self, parts: list[str], level: int) -> list[ChunkInfo]:
        """What is known about each space-separated chunk; one memo look-up per chunk."""
        memo = self._chunk_memos[level]
        infos, new = _lookup(memo, parts)  # a ChunkInfo is a non-empty tuple; a new chunk None
        if new:
            # the count says how many new chunks to find: the scan stops after the last one
            # (compiled, an identity test a chunk; list.index compared each ChunkInfo with None
            # through rich comparison, ~50 instructions a chunk)
            i = 0
            for _ in range(new):
                while infos[i] is not None:
                    i += 1
                # one boxed tuple for the line and the memo (assigned to both at once, compiled
                # code boxed the ChunkInfo twice)
                info: Any = self._analyse_chunk(parts[i], level)
                infos[i] = memo[parts[i]] = info
                i += 1
        return infos  # type: ignore[return-value]

    def _analyse_chunk(self, chunk: str, level: int = GLUED_ALL) -> ChunkInfo:
        """Glued and stray-ZWNJ repairs inside ``chunk`` (a text piece without spaces).

        Returns (repairs relative to the chunk, repaired chunk, key of the word that opens the
        chunk if it opens with one, key of the word that closes it likewise, whether the
        opening word may join the word before it, whether the chunk ends in a digit).
        """
        kind = _word_kind(chunk, _FOLD_CHARS)  # one word of letters (most chunks): 1 or 2
        if kind:
            return self._analyse_word(chunk, level, chunk if kind == 1 else fold(chunk))
        return self._analyse_mixed(chunk, level)

    def _analyse_mixed(self, chunk: str, level: int) -> ChunkInfo:
        """:meth:`_analyse_chunk` of any chunk: words, ZWNJs, digits, punctuation, Latin."""
        repairs: list[tuple[int, int, str, str]] = []
        # the starts of the ZWNJ runs a word's stray ZWNJs (_stray_inside) remove
        gone: set[int] = set()
        first_key = last_key = ""
        last_end = -1
        glued_weight = 0
        other = None
        lead = len(chunk) - len(chunk.lstrip(ZWNJ))
        for m in TOKEN_RE.finditer(chunk):
            tok = m.group()
            key = fold(tok.replace(ZWNJ, "") if ZWNJ in tok else tok)
            if m.start() == lead:  # after stray ZWNJs, which go: «پرتاب ‌ها» joins too
                first_key = key
            last_key, last_end = key, m.end()
            if ZWNJ in tok:
                if self._stray_inside(chunk, m.start(), m.end(), key):
                    for run in _ZWNJ_RUN_RE.finditer(tok):
                        start = m.start() + run.start()
                        gone.add(start)
                        repairs.append((start, m.start() + run.end(), "", "zwnj.remove.inside"))
            elif level:
                seams = self._glued(tok, key)
                prefix_seams = self._prefix_seams(tok, seams)
                if prefix_seams and self._is_whole_word(key):
                    self._note(self._whole_word_chunks, chunk)  # no weight: a word, maybe no damage
                    if level != GLUED_ALL:
                        seams = prefix_seams = ()
                elif seams:
                    glued_weight += GLUED_LINE_WEIGHT if prefix_seams else 1
                if level == GLUED_PREFIX:
                    seams = prefix_seams + self._participle_seam(tok, seams)
                else:
                    seams, closed = self._ye_readings(tok, seams)
                    if chunk[m.end() : m.end() + 1] in _PHRASE_END:  # «حرفهای،» → «حرفه‌ای،»
                        seams = closed
                    elif len(tok) == len(chunk) and closed != seams:  # one word, as in
                        alt = tuple((k, k, ZWNJ, "zwnj.glued") for k in closed)  # _analyse_word
                        other = (alt, _apply_tuples(chunk, list(alt)))
                        self._note_other_reading(chunk)
                repairs.extend((m.start() + k, m.start() + k, ZWNJ, "zwnj.glued") for k in seams)
        if last_end < 0 or chunk[last_end:].strip(ZWNJ):
            last_key = ""  # the chunk does not end with a word: «کتاب،»
        if ZWNJ in chunk:
            repairs.extend(
                (r.start, r.end, r.replacement, r.rule)
                for r in self._stray_repairs(chunk)
                if not gone or _run_start(chunk, r.start) not in gone
            )
        repairs.sort()
        fixed = _apply_tuples(chunk, repairs) if repairs else chunk
        joinable: bool | frozenset[str] = False
        if first_key:
            joinable = self._joinable_right.get(first_key, False)
        self._note_looked(chunk, first_key, last_key)
        ends_digit = chunk[-1:].isdigit()
        last_is_prefix = self._closes_with_prefix(chunk, last_key)
        facts = self._chunk_fact_bits(chunk, first_key, last_is_prefix)
        if gone:
            self._stray_inside_chunks.add(chunk)
        return (
            tuple(repairs),
            fixed,
            first_key,
            last_key,
            joinable,
            ends_digit,
            last_is_prefix,
            glued_weight,
            other,
            facts | _FACT_STRAY_INSIDE if gone else facts,
        )

    def _analyse_word(self, word: str, level: int, key: str | None = None) -> ChunkInfo:
        """:meth:`_analyse_chunk` of a chunk that is one word of letters only (most chunks);
        ``key`` is ``fold(word)`` if the caller knows it."""
        if key is None:
            key = fold(word)
        self._note_looked(word, key, key)
        glued_weight = 0
        repairs: tuple[tuple[int, int, str, str], ...] = ()
        fixed = word
        other = None
        plural_of: tuple[int, ...] | None = None
        if level:
            seams = self._glued(word, key)
            if seams:
                prefix_seams = self._prefix_seams(word, seams)
                if prefix_seams and self._is_whole_word(key):
                    self._note(self._whole_word_chunks, word)  # no weight: a word, maybe no damage
                    if level != GLUED_ALL:
                        seams = ()
                else:
                    glued_weight = GLUED_LINE_WEIGHT if prefix_seams else 1
                    if level == GLUED_PREFIX:
                        seams = prefix_seams + self._participle_seam(word, seams)
            # with no seam too: a plural after a letter that never joins (خاطر|های) shows none
            if level != GLUED_PREFIX and key.endswith(_PLURAL_EZAFE):
                found = seams
                seams, closed = self._ye_readings(word, seams)
                if closed != seams:
                    alt = tuple((k, k, ZWNJ, "zwnj.glued") for k in closed)
                    other = (alt, _apply_tuples(word, list(alt)))
                    self._note_other_reading(word)
                elif seams and seams[-1] == len(word) - len(_HEH_YE):
                    plural_of = found  # its plural reading is kept once ``fixed`` is known
            if seams:  # ascending, as _analyse_chunk's sort leaves them
                repairs = tuple((k, k, ZWNJ, "zwnj.glued") for k in seams)
                fixed = _apply_tuples(word, list(repairs))
                if plural_of is not None:
                    self._note_plural_reading(word, plural_of, fixed)
        last_is_prefix = self._closes_with_prefix(word, key)
        return (
            repairs,
            fixed,
            key,
            key,
            self._joinable_right.get(key, False) if key else False,  # «ـ» folds to ""
            word[-1].isdigit(),
            last_is_prefix,
            glued_weight,
            other,
            self._chunk_fact_bits(word, key, last_is_prefix),
        )

    def _ye_readings(
        self, tok: str, seams: tuple[int, ...]
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The seams of ``tok`` in an open and in a closed context (see NO_EZAFE_AFTER).

        A glued word ending in ``های`` whose ``ه`` + ``ای`` reading is a word too
        (``بنده`` of ``بندهای``) gets both readings weighed: the lexicon's count of the plural
        (:meth:`~khabar.text.lexicon.Lexicon.plural_count`, ``بند‌ها``, ``بندهای``...) against
        its count of ``بنده‌ای``: in an open context the plural needs as many (and
        ``MIN_PLURAL_COUNT``; a participle's ``ه‌ای``, a verb, ``PARTICIPLE_OPEN_PLURAL_ODDS``
        times fewer: ``کردهای ترکیه``), in a closed one the ``ه‌ای`` count plus one, times
        ``CLOSED_HEH_YE_ODDS``, must not fall below the plural's. ``بندهای قانونی`` (5 plural,
        5 ``بنده‌ای``) is clauses,
        ``حرفهای،`` (55, 27) is ``حرفه‌ای``. Any other word gets ``(seams, seams)``.
        """
        readings = self._plural_and_heh_ye(tok, seams)
        if readings is None:
            return seams, seams
        plural, heh_ye = readings
        lex = self.lexicon
        n = len(tok)
        plural_n = lex.plural_count(fold(tok[: n - len(_PLURAL_EZAFE)]))
        heh_key = fold(tok[: n - len(_HEH_YE)])
        heh_ye_n = lex.heh_ye_count(heh_key)
        opened = seams  # the lexicon's or the segmenter's reading of the word alone
        odds = PARTICIPLE_OPEN_PLURAL_ODDS if heh_key in self._participles else 1.0
        if plural_n >= MIN_PLURAL_COUNT and plural_n * odds >= heh_ye_n:
            opened = plural
        elif not seams and heh_ye_n > plural_n:  # no reading shown: the counts decide
            opened = heh_ye
        elif not plural_n and self._plural_in_an(fold(tok[: n - len(_PLURAL_EZAFE)])):
            opened = heh_ye  # «دوستانهای» is «دوستانه‌ای»: a plural is not made plural again
        closed = heh_ye if (heh_ye_n + 1) * CLOSED_HEH_YE_ODDS > plural_n else plural
        return opened, closed

    def _plural_in_an(self, word: str) -> bool:
        """Whether ``word`` (a key) is a plural in «ان» of a word the lexicon knows
        (``MIN_STEM_COUNT`` times, ``MIN_COMPOUND_PIECE`` letters or more; see
        :data:`_AN_PLURALS`): ``دوستان``, ``دانشجویان``, ``نمایندگان``. ``زمان`` (``زم``)
        is not one. A glued ``های`` word on such a stem is no plural of a plural
        (:meth:`_ye_readings`: ``دوستانهای`` is ``دوستانه‌ای``).

        Such a plural is no sign of an adjective after it, as a noun that takes the ezafe is
        (:meth:`_noun_before`): it is often a subject before its object (``کارشناسان
        حرفهای زیادی زدند``: the experts said many words), and ``دیگران``, ``همگان`` read
        as plurals too."""
        counts = self.lexicon.word_count
        for ending, singular_end in _AN_PLURALS:
            if word.endswith(ending):
                stem = word[: -len(ending)] + singular_end
                if len(stem) >= MIN_COMPOUND_PIECE and counts.get(stem, 0) >= MIN_STEM_COUNT:
                    return True
        return False

    def _plural_and_heh_ye(
        self, tok: str, seams: tuple[int, ...]
    ) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """The seams of ``tok`` read as the plural ``های`` and as ``ه`` + ``ای``, when
        ``seams`` end with one of them, or are empty because the plural follows a letter that
        never joins (``خاطرهای``, ``گزیدهای``), and the other is a word as well; else None.

        The ``ه`` word must be known (``حرفه``) and take ``ای`` after a ZWNJ (the learned
        share), so ``کتابهای`` (no ``کتابه``) has no other reading; the plural's stem must
        be a known word (``بند`` of ``بندهای``). A word the engine cut as a plural, or left
        glued as one after a letter that never joins (not «و»), whose stem and ``ه`` word are
        both unseen (:meth:`_unseen_plural_or_heh`: ``جرعهای``, ``جبیرهای``) gets both
        readings too, for its context to choose.
        """
        n = len(tok)
        if not tok.endswith(_PLURAL_EZAFE):
            return None
        plural_cut, heh_cut = n - len(_PLURAL_EZAFE), n - len(_HEH_YE)
        if not seams:
            # glued as a plural after a letter that never joins the next (خاطرهای: خاطر + های,
            # or خاطره + ای); the plural's stem must be a known word
            if plural_cut < MIN_UNKNOWN_STEM or tok[plural_cut - 1] in JOINING:
                return None
        elif seams[-1] not in (plural_cut, heh_cut):
            return None
        head = seams[:-1]
        stem = fold(tok[:plural_cut])
        heh = fold(tok[:heh_cut])
        lex = self.lexicon
        if (
            (seams[-1] == plural_cut if seams else tok[plural_cut - 1] != WAW)
            and self._unseen_plural_or_heh(stem, heh)
        ):
            # «جرعهای»: جرع‌های or جرعه‌ای, neither seen; «جبیرهای»: the plural of «جبیر»
            # (no ZWNJ after «ر») or جبیره‌ای. Not after «و»: an unseen word in «و» is a
            # loanword (سناریوهای, استودیوهای), and a silent «ه» after «و» is rare (نحوه)
            return seams, head + (heh_cut,)
        if (
            len(heh) != heh_cut  # the fold dropped a mark: offsets would move
            or lex.word_count.get(heh, 0) < MIN_STEM_COUNT
            or self._spoken_heh(heh)  # «گروهای» has no «گروه» + «ای» reading
            or lex.suffix_share(_HEH_YE, heh) < MIN_SUFFIX_SHARE
            or (
                (not seams or seams[-1] == heh_cut) and lex.word_count.get(stem, 0) < MIN_STEM_COUNT
            )
        ):
            return None
        # after a letter that never joins the next (بند, مرد) the plural is written with no
        # ZWNJ, as everywhere else in the engine (دردهای)
        plural = head + (plural_cut,) if tok[plural_cut - 1] in JOINING else head
        return plural, head + (heh_cut,)

    def _unseen_plural_or_heh(self, stem: str, heh: str) -> bool:
        """Whether a glued word the engine cut as the plural ``stem`` + ``های`` may as well be
        ``heh`` (``stem`` + ``ه``) + ``ای``, because the lexicon knows neither reading well:
        neither ``stem`` nor ``heh`` was seen as a word ``MIN_STEM_COUNT`` times, and ``stem``
        never beside a ZWNJ (``جرعهای``: «جرع» 0, «جرعه» 0; ``ساچمهای``: «ساچمه» once
        before a ZWNJ; ``مضحکهای``: «مضحک» once; ``البسهای``), ``heh``'s «ه» may be silent
        (:meth:`_spoken_heh`: not after «ا»), and ``ای`` after such an ending takes the ZWNJ
        (the learned share). The two readings are then weighed by context alone
        (:meth:`_ye_readings`: no counts, so an open context keeps the plural and a closed one
        takes ``ه`` + ``ای``, about 100 to 1 in UD TRAIN). A stem seen twice is decided as
        before: ``سناریوهای``, ``دربانهای`` and ``لوحهای`` («لوح» 5) stay plurals. So does a
        stem the web writes as a word (:attr:`Lexicon.web_glued`) whose ``ه`` word it does
        not: ``خرچنگهای``, ``سهامدارهای``, ``پابندهای به`` (crab, shareholder, devotee; no
        «خرچنگه»), alone or in a closed context."""
        lex = self.lexicon
        return (
            len(stem) >= MIN_UNKNOWN_STEM
            and len(heh) == len(stem) + 1  # the fold dropped no mark
            and lex.word_count.get(stem, 0) < MIN_STEM_COUNT
            and stem not in lex.left_count
            and stem not in lex.after_word_count
            and lex.word_count.get(heh, 0) < MIN_STEM_COUNT
            and not self._spoken_heh(heh)
            and lex.suffix_share(_HEH_YE, heh) >= MIN_SUFFIX_SHARE
            and (stem not in lex.web_glued or heh in lex.web_glued)
        )

    def _is_whole_word(self, key: str) -> bool:
        """Whether the lexicon writes ``key`` glued often enough to be a word as it stands:
        ``WHOLE_WORD_COUNT`` times, and more than ``WHOLE_WORD_SHARE`` of its preferred split
        spelling (``میدانی`` 4 vs ``می‌دانی`` 6: yes; ``میدهد`` 3 vs ``می‌دهد`` 322: no)."""
        forms = self.lexicon.forms.get(key)
        if not forms:
            return False
        glued = forms.get(key, 0)
        if glued < WHOLE_WORD_COUNT:
            return False
        split = max((n for form, n in forms.items() if form != key), default=0)
        return glued > WHOLE_WORD_SHARE * split

    def _whole_words_in_context(self, parts: list[str], infos: list[ChunkInfo]) -> list[ChunkInfo]:
        """``infos`` with each chunk holding a glued word the lexicon writes glued
        (``میدانی``) kept whole where the word before it opens a noun phrase: a preposition
        of :data:`BEFORE_NOUN` or a noun that takes the ezafe (the lexicon saw it with a
        plural ending at least ``MIN_PLURAL_COUNT`` times, see :meth:`_takes_ezafe`):
        «بررسی میدانی» (field study) stays, «تو میدانی» (you know) is split in a line whose
        ZWNJs were dropped."""
        out = list(infos)
        chunks = self._whole_word_chunks
        for i in range(1, len(parts)):
            if parts[i] not in chunks:
                continue
            prev = infos[i - 1][3]
            if prev in BEFORE_NOUN or self._takes_ezafe(prev):
                out[i] = self._chunk_infos([parts[i]], GLUED_SURE)[0]
        return out

    def _takes_ezafe(self, word: str) -> bool:
        """Whether ``word`` is a noun that takes the ezafe, by the lexicon's counts: seen with a
        plural ending ``MIN_PLURAL_COUNT`` times (``بررسی``), or itself a plural in ``ها`` or
        ``ات`` of a known word (``تحقیقات``, ``مشاهدات``, ``واقعیتهای``)."""
        lex = self.lexicon
        if lex.plural_count(word) >= MIN_PLURAL_COUNT:
            return True
        for ending in _PLURAL_FORM_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                stem = word[: -len(ending)]
                if max(lex.word_count.get(stem, 0), lex.word_count.get(stem + "ه", 0)) >= (
                    MIN_STEM_COUNT
                ):
                    return True
        return False

    def _has_whole_word(self, parts: list[str]) -> bool:
        """Whether a chunk of ``parts`` holds a glued word the lexicon writes glued."""
        chunks = self._whole_word_chunks
        return bool(chunks) and not chunks.isdisjoint(parts)

    def _closes_with_prefix(self, chunk: str, key: str) -> bool:
        """Whether ``key``, the key of the word closing ``chunk``, is a verbal prefix
        (``می``); such chunks are noted (``_noted_chunks``) for :meth:`_joins_of`."""
        if key in self.lexicon.verbal_prefixes:
            self._noted_chunks.add(chunk)
            return True
        return False

    def _has_other_reading(self, parts: list[str]) -> bool:
        """Whether a chunk of ``parts`` has another reading that its next word decides."""
        chunks = self._other_reading_chunks
        return bool(chunks) and not chunks.isdisjoint(parts)

    def _note(self, facts: set[str], chunk: str) -> None:
        """Note ``chunk`` in the set of chunk ``facts`` and in ``_noted_chunks``."""
        facts.add(chunk)
        self._noted_chunks.add(chunk)

    def _note_looked(self, chunk: str, first_key: str, last_key: str) -> None:
        """Note ``chunk`` (its first and last words' keys) in ``_looked_chunks`` when a changed
        line must look at it in context: it opens with an Arabic word (:meth:`_unless_arabic`;
        a chunk fact too), opens with «دوست» or closes with a given name
        (:meth:`_in_line_context`)."""
        if first_key in _ARABIC_KEYS:
            self._note(self._arabic_chunks, chunk)
            self._looked_chunks.add(chunk)
        if first_key == _LIKE or last_key in self.lexicon.given_names:
            self._looked_chunks.add(chunk)

    def _chunk_fact_bits(self, chunk: str, first_key: str, last_is_prefix: bool) -> int:
        """The fact bits of ``chunk`` (ChunkInfo field 9), at the end of its analysis (its
        opening word's key ``first_key``, whether it closes with a verbal prefix
        ``last_is_prefix``): _FACT_NOTED, _FACT_LOOKED and _FACT_ARABIC say whether it is in
        ``_noted_chunks``, ``_looked_chunks`` and ``_arabic_chunks``, so a line asks its chunks
        once (one :func:`_field_or`) instead of testing them against each set.

        The sets are forgotten only with the chunk memos, and hold nothing but chunks noted by
        an analysis: a ChunkInfo's bits stay true of its chunk as long as the memo holds it.
        _FACT_LOOKED and _FACT_ARABIC are the same at every level (their facts are of the
        chunk's keys). An analysis
        at GLUED_ALL notes whatever an analysis of the chunk at another level notes (GLUED_NONE
        and GLUED_PREFIX note no other reading, GLUED_SURE differs from it only for a whole
        word, which every level but GLUED_NONE notes), so a GLUED_ALL info's _FACT_NOTED says
        what the set says at any later time: :meth:`_plan` reads it from GLUED_ALL infos only.
        """
        facts = _FACT_PREFIX_LAST if last_is_prefix else 0
        if first_key in SPACED_PLURALS:
            facts |= _FACT_SPACED_PLURAL
        if chunk in self._noted_chunks:
            facts |= _FACT_NOTED
        if chunk in self._looked_chunks:
            facts |= _FACT_LOOKED
        if chunk in self._arabic_chunks:
            facts |= _FACT_ARABIC
        return facts

    def _note_other_reading(self, chunk: str) -> None:
        # Forgotten only with the chunk memos (_bound_chunk_memory, between lines): a line whose
        # chunk info still carries its other reading must find the chunk here. Each entry is a
        # word whose «ه» reading is a lexicon word (حرفه → حرفهای).
        self._note(self._other_reading_chunks, chunk)

    def _note_plural_reading(self, word: str, seams: tuple[int, ...], fixed: str) -> None:
        """Keep the plural reading of ``word``, an ambiguous ``های`` word read as ``ه`` +
        ``ای`` in any context (``نامهای``: «نامه‌ای» 19, «نام‌های» 8), for :meth:`_in_context`
        to take before a given name."""
        readings = self._plural_and_heh_ye(word, seams)
        stem = fold(word[: len(word) - len(_PLURAL_EZAFE)])
        if readings is None or self.lexicon.plural_count(stem) < MIN_PLURAL_COUNT:
            return  # «دقیقهای»: «دقیق» (precise) is never seen plural
        alt = tuple((k, k, ZWNJ, "zwnj.glued") for k in readings[0])
        self._plural_readings[fixed] = (alt, _apply_tuples(word, list(alt)))
        self._note_other_reading(word)

    def _in_context(self, infos: list[ChunkInfo], joins: set[int]) -> list[ChunkInfo]:
        """``infos`` with each ambiguous ``های`` word given its closed-context reading
        (:meth:`_ye_readings`) where no ezafe can follow it: before a word of
        :data:`NO_EZAFE_AFTER` or :data:`NO_PLURAL_EZAFE_BEFORE`, before punctuation or a
        finite verb (:meth:`_verb_after`) or at the line's end (``بازیکن حرفهای و`` →
        ``حرفه‌ای``, ``حرفهای او`` → ``حرف‌های``, ``خاطرهای دارید`` → ``خاطره‌ای``, ``حرفهای
        مثل`` → ``حرفه‌ای``); and each one read ``ه`` + ``ای`` in any context given its plural
        reading before a given name or a pronoun (:meth:`_possessor_pronoun_after`), unless a
        number or a determiner of :data:`SINGULAR_AFTER` comes before it (``نامهای فاطمه`` →
        ``نام‌های``; ``یک نامهای علی نوشت`` keeps ``نامه‌ای``), or after a quantifier
        (:meth:`_quantifier_before`: ``تمام نامهای``, ``یکی از نامهای`` → ``نام‌های``)."""
        out = list(infos)
        last = len(infos) - 1
        names = self.lexicon.given_names
        for i, info in enumerate(infos):
            other = info[8]
            if other is None:
                plural = self._plural_readings.get(info[1]) if i < last else None
                if (
                    plural is not None
                    and (i + 1) not in joins
                    and (
                        infos[i + 1][2] in names
                        or self._possessor_pronoun_after(info[2], infos[i + 1][2])
                    )
                    and not (i and (infos[i - 1][5] or infos[i - 1][3] in SINGULAR_AFTER))
                ) or (plural is not None and self._quantifier_before(infos, i, joins)):
                    # «نامهای فاطمه»: a given name after it is its possessor, so the word
                    # is the plural with its ezafe (UD TRAIN: 14 plurals, one «ه‌ای» word);
                    # so is a pronoun, if the counts allow it («نامهای خود»); after «تمام»
                    # or «یکی از» the word is a plural noun («تمام نامهای»)
                    out[i] = (plural[0], plural[1], *info[2:])
                continue
            if (i + 1) in joins:
                continue
            after = infos[i + 1] if i < last else None
            if (
                after is None
                or after[2] in NO_EZAFE_AFTER
                or after[2] in NO_PLURAL_EZAFE_BEFORE
                or after[1][:1] in _PHRASE_END
                or self._verb_after(infos, i + 1, joins)
                or (i and i not in joins and infos[i - 1][3] in SINGULAR_AFTER)
                or (i and i not in joins and self._adjective_after(infos[i - 1][3], info[2]))
                or (
                    i >= 2
                    and not joins.intersection((i - 1, i))
                    and infos[i - 1][1] == "و"
                    and self._coordinated_adjective(infos[i - 2][3], info[2])
                )
            ):
                out[i] = (other[0], other[1], *info[2:])
        return out

    @staticmethod
    def _quantifier_before(infos: list[ChunkInfo], i: int, joins: set[int]) -> bool:
        """Whether chunk ``i`` of a line planned as ``infos`` with ``joins`` follows a quantifier
        that takes a plural (:data:`PLURAL_QUANTIFIERS`: ``تمام نامهای``) or a partitive and
        «از» (:data:`PARTITIVES`: ``یکی از نامهای``), neither joined to the next chunk."""
        if not i or i in joins:
            return False
        before = infos[i - 1][3]
        if before in PLURAL_QUANTIFIERS:
            return True
        return (
            before == "از" and i >= 2 and (i - 1) not in joins and infos[i - 2][3] in PARTITIVES
        )

    def _possessor_pronoun_after(self, key: str, after: str) -> bool:
        """Whether ``after`` (the next word's key) is a pronoun of :data:`POSSESSOR_PRONOUNS`
        that makes the ambiguous glued ``های`` word ``key``, read ``ه`` + ``ای`` alone, the
        plural with its ezafe: the lexicon saw the plural ``MIN_PLURAL_COUNT`` times and, times
        ``PRONOUN_AFTER_PLURAL_ODDS``, at least as often as the ``ه‌ای`` word (``نامهای خود``:
        9 × 4 against 19 → ``نام‌های``; ``عدهای من``: ``عده`` never plural → ``عده‌ای``)."""
        if after not in POSSESSOR_PRONOUNS:
            return False
        lex = self.lexicon
        plural_n = lex.plural_count(key[: -len(_PLURAL_EZAFE)])
        heh_ye_n = lex.heh_ye_count(key[: -len(_HEH_YE)])
        return plural_n >= MIN_PLURAL_COUNT and plural_n * PRONOUN_AFTER_PLURAL_ODDS >= heh_ye_n

    @staticmethod
    def _verb_after(infos: list[ChunkInfo], k: int, joins: set[int]) -> bool:
        """Whether chunk ``k`` of a line planned as ``infos`` with ``joins`` opens with a
        finite verb (:data:`HAVE_FORMS`, :data:`VERB_OPENINGS`): a closed context for the
        ambiguous ``های`` word before it. A bare «می» counts only when the verb after it
        joins it (``می گیرند``): alone it may be the month (``روزهای می``)."""
        after = infos[k]
        return (
            after[2] in HAVE_FORMS
            or after[1].startswith(VERB_OPENINGS)
            or (after[6] and after[2] == after[3] and (k + 1) in joins)
        )

    def _coordinated_adjective(self, prev: str, key: str) -> bool:
        """Whether the ambiguous glued ``های`` word ``key`` after «و» is the adjective ``ه`` +
        ``ای`` because the word before «و», ``prev``, is an adjective in ``ی`` (``فنی و
        حرفهای`` → ``حرفه‌ای``, technical and vocational): ``prev`` ends in ``ی`` (not in the
        plural ``های``), and the lexicon's counts pass the test of :meth:`_adjective_after`
        (``زندگی و سالهای``, 113 plurals against 3 ``ساله‌ای``, keeps the plural). In UD TRAIN
        such a word after «Xی و» is the ``ه‌ای`` word 6 times in 7. The ``ه`` word must be a
        lexicon word: an unseen one (:meth:`_unseen_plural_or_heh`) gives no such sign
        (``همگانی و آگاهسازیهای سالیان``, awareness-raising campaigns, is a plural)."""
        if len(prev) < MIN_COMPOUND_PIECE or not prev.endswith("ی") or prev.endswith("های"):
            return False
        if prev in NO_ADJECTIVE_AFTER or prev in BEFORE_NOUN:
            return False
        lex = self.lexicon
        heh = key[: -len(_HEH_YE)]
        if lex.word_count.get(heh, 0) < MIN_STEM_COUNT:
            return False
        plural_n = lex.plural_count(key[: -len(_PLURAL_EZAFE)])
        return (lex.heh_ye_count(heh) + 1) * AFTER_NOUN_HEH_YE_ODDS > plural_n

    def _noun_before(self, prev: str) -> bool:
        """Whether ``prev`` (a word's key) is a noun that takes the ezafe and may have an
        adjective after it: :meth:`_takes_ezafe`, and no preposition, determiner or pronoun
        (:data:`BEFORE_NOUN`, :data:`NO_ADJECTIVE_AFTER`)."""
        return (
            bool(prev)
            and prev not in BEFORE_NOUN
            and prev not in NO_ADJECTIVE_AFTER
            and self._takes_ezafe(prev)
        )

    def _adjective_after(self, prev: str, key: str) -> bool:
        """Whether the ambiguous glued ``های`` word ``key`` (:meth:`_ye_readings`) in an open
        context is the adjective ``ه`` + ``ای`` after the word ``prev``: ``prev`` is a noun
        (:meth:`_noun_before`), the ``ه`` word is a noun too (seen with a plural: adjectives
        in ``ای`` after a noun are made from nouns, ``بیمه`` → ``بیمه‌ای``, while ``یگانه``,
        unique, and ``حامله``, pregnant, make none, so ``قیمت حاملهای انرژی`` stays plural),
        and the lexicon's count of the plural is below
        ``AFTER_NOUN_HEH_YE_ODDS`` times that of the ``ه‌ای`` word plus one, as in a closed
        context (``شرکتهای بیمهای کشور``: 1 and 0; ``باشگاه حرفهای ایران``: 58 and 27);
        ``به حرفهای او`` and ``نشست سالهای`` (185 and 3) keep the plural. After a plural in
        «های» (:meth:`_plural_before`) the odds are ``AFTER_PLURAL_HEH_YE_ODDS`` and the ``ه``
        word need only be a lexicon word (``MIN_STEM_COUNT``), seen plural or not:
        ``قتلهای زنجیرهای`` (``زنجیره`` never seen plural) → ``زنجیره‌ای``; an unseen one gives
        no such sign (``پایگاههای بالگردهای``, helicopters' bases, stays plural)."""
        if not self._noun_before(prev):
            return False
        lex = self.lexicon
        heh = key[: -len(_HEH_YE)]
        odds = AFTER_NOUN_HEH_YE_ODDS
        if self._plural_before(prev) and lex.word_count.get(heh, 0) >= MIN_STEM_COUNT:
            odds = AFTER_PLURAL_HEH_YE_ODDS  # «قتلهای زنجیرهای»; not «پایگاههای بالگردهای»
        elif not lex.plural_count(heh):
            return False
        plural_n = lex.plural_count(key[: -len(_PLURAL_EZAFE)])
        return (lex.heh_ye_count(heh) + 1) * odds > plural_n

    def _plural_before(self, prev: str) -> bool:
        """Whether ``prev`` (a word's key) is a plural in «های» of a word the lexicon knows
        (``قتلهای``, ``فعالیتهای``): a plural with its ezafe, after which an adjective in
        ``ه‌ای`` is far likelier than a second plural (:data:`AFTER_PLURAL_HEH_YE_ODDS`)."""
        if not prev.endswith(_PLURAL_EZAFE) or len(prev) <= len(_PLURAL_EZAFE) + 1:
            return False
        stem = prev[: -len(_PLURAL_EZAFE)]
        counts = self.lexicon.word_count
        return max(counts.get(stem, 0), counts.get(stem + "ه", 0)) >= MIN_STEM_COUNT

    def _prefix_seams(self, tok: str, seams: tuple[int, ...]) -> tuple[int, ...]:
        """The seam of ``seams`` that ends a verbal prefix (``می|شود``), if the first one does."""
        if seams and fold(tok[: seams[0]]) in self.lexicon.verbal_prefixes:
            return seams[:1]
        return ()

    def _participle_seam(self, tok: str, seams: tuple[int, ...]) -> tuple[int, ...]:
        """The last seam of ``seams`` if it parts a past participle from a form of «بودن»
        (:data:`_COPULA_AFTER_PARTICIPLE`: ``رفته|اند``, ``میساخته|است`` after its prefix's
        seam), else none. A line whose ZWNJs became spaces keeps its glued nouns (see
        :class:`Trust`), but no writer glues these: the participle's «ه» would join the
        ending's «ا» (``کتاب ها را خواندهاند`` → ``خوانده‌اند``). Asked only at
        ``GLUED_PREFIX``, of words with a seam."""
        if not seams:
            return ()
        k = seams[-1]
        if tok[k:] not in _COPULA_AFTER_PARTICIPLE or tok[k - 1 : k] != "ه":
            return ()
        start = seams[-2] if len(seams) > 1 else 0
        return (k,) if fold(tok[start:k]) in self._participles else ()

    def _joins_of(
        self,
        parts: list[str],
        infos: list[ChunkInfo],
        *,
        affixes_only: bool = False,
        need: int = JOIN_ANY,
        without: bool = False,
    ) -> tuple[set[int], set[int], bool]:
        """Indices i whose space before them becomes a ZWNJ (``کتاب ها`` → ``کتاب‌ها``), and
        the subset that joins a bare verbal prefix to its verb (``می خواهند``) or a bare plural
        (``کتاب ها``): the signs of a line whose ZWNJs became spaces (see :class:`Trust`).

        Other suffixes are no such sign: authors write ``خانواده اش`` and ``بین المللی`` apart
        on purpose, never ``می`` before a verb (PerDT: 99.9% of می-verbs have their ZWNJ).
        ``affixes_only`` looks at those joins alone (a line that writes ZWNJs, see
        :meth:`_plan`), which skips the look-ups of every other pair.

        ``need`` is how sure a join must be (``JOIN_ANY``, or ``JOIN_SPACED_LINE`` in a line
        whose ZWNJs became spaces); the third value says whether a join needed the lower level
        (without one, the joins are those of ``JOIN_ANY``). ``without`` says whether a chunk but the
        last is a bare «بی» (:func:`_has_bare_without` of the line): only then are the chunks
        after one looked at.
        """
        if self.spaced is not Spaced.JOIN:
            return set(), set(), False
        weak = False
        affixes: set[int] = set()
        joins: set[int] = set()
        chain = ""  # key of the words joined so far, ending in chunk i - 1
        triples = self._triples
        # two cheap scans: chunks opening with a word that can join, chunks after «می»
        # (the first chunk joins nothing before it: from 1)
        if affixes_only:
            candidates = _members(infos, 2, SPACED_PLURALS, 1)  # field 2: the opening key
        else:
            candidates = _truthy(infos, 4, 1)  # field 4: _JOINABLE
        # k + 1 for each chunk k but the last whose closing word is «می»-like
        if _field_or(infos, _FACTS_FIELD) & _FACT_PREFIX_LAST:
            after_prefix = list(compress(range(1, len(infos)), map(_PREFIX_LAST, infos)))
            if after_prefix:
                candidates = sorted(set(candidates).union(after_prefix))
        after_without = _NO_CHUNKS
        if without and not affixes_only:
            # k + 1 for each bare «بی» but the last chunk and one after a letter name: «بی
            # دقت», not «بی بی سی» (one list scan)
            after_without = frozenset(
                [
                    k + 1
                    for k in range(len(parts) - 1)
                    if parts[k] == WITHOUT and (not k or parts[k - 1] not in LETTER_NAMES)
                ]
            )
            candidates = sorted(after_without.union(candidates))
        # the same rows, typed loosely (tuples of any length): compiled code reads the few
        # fields the test below needs without unpacking all ten of each row
        rows = cast(list[tuple[Any, ...]], infos)
        for i in candidates:
            heads = rows[i][4]
            prev_row = rows[i - 1]
            if (
                heads is not True
                and heads
                and not prev_row[6]
                and prev_row[3] not in heads
                and (i - 1) not in joins
                and i not in after_without
            ):
                continue  # as below, in fewer steps (most candidates of a line end here)
            prev = infos[i - 1]
            if not prev[3] or not infos[i][2]:
                continue
            a = chain if (i - 1) in joins and prev[2] == prev[3] else prev[3]
            b = infos[i][2]
            if prev[6]:
                if self._month_after_number(infos, i, b):
                    continue  # «14 می تشکیل»: after a number, می is the month May
            elif (
                heads is not True
                and (not heads or a not in heads)  # type: ignore[operator]
                and i not in after_without
            ):
                continue  # «جمهوری» joins «رئیس», not any word before it
            sure = self._joins(a, b)
            if sure == JOIN_SPACED_LINE:
                if self._sure_join_after(infos, i, a, b):
                    sure = JOIN_NO  # «راه آب انباری»: «آب‌انباری» is sure, «راه‌آب» weak
                elif self._bound_tail_pair(a, b):
                    sure = JOIN_ANY  # «سرطان زا», «حمل ونقل»: «زا» is never a word alone
                elif (i - 1) not in joins and self._phrase_before(infos, i, a, b):
                    sure = JOIN_NO  # «هیچ گاه نامه»: «هیچ گاه» is the phrase, «گاه‌نامه» weak
            if (
                sure >= need
                and not (b in self._participles and not prev[6] and self._verb_before_aux(infos, i))
                and not _vocalised_pair(parts, infos, i)
            ):
                joins.add(i)
                if prev[6] or b in SPACED_PLURALS:  # «می خواهند», «کتاب ها»
                    affixes.add(i)
                chain = a + b
                if sure < JOIN_ANY:
                    weak = True
                if (i - 1) not in joins:
                    chain, weak_back = self._join_back(infos, joins, affixes, i - 1, chain, need)
                    weak = weak or weak_back
            # one look-up refuses most candidates
            if i >= 2 and infos[i - 2][3] in triples and (i - 1) not in joins:
                sure = self._triple_join(infos, i)
                if sure >= need:
                    joins.update((i - 1, i))  # «عبدالله بن زبیر»
                    chain = infos[i - 2][3] + prev[2] + b
                    weak = weak or sure < JOIN_ANY
        return joins, affixes, weak

    def _month_after_number(self, infos: list[ChunkInfo], k: int, word: str) -> bool:
        """Whether chunk ``k - 1`` is a bare verbal prefix after a number that may be a day
        (chunk ``k - 2``, :func:`_may_be_day`) and is the month May before ``word``
        (:meth:`_month_may`), so it joins neither the word after it nor is joined back."""
        prev = infos[k - 1]
        return bool(
            prev[6]
            and prev[2] == prev[3]
            and k >= 2
            and infos[k - 2][5]
            and _may_be_day(infos[k - 2][1])
            and self._month_may(prev[3], word)
        )

    def _month_may(self, prefix: str, word: str) -> bool:
        """Whether a bare verbal prefix ``prefix`` right after a number is the month May, so
        it stays apart from the next word ``word`` (``حوادث 14 می تشکیل شده بود``, ``14 می
        میلادی``, ``14 می باشد``). Not for «نمی», which is no month, and not before a verb
        form the lexicon writes after «می‌» more than ``JOIN_MARGIN`` times as often as by
        itself (``متولد 65 می تواند``: UD TRAIN writes «می‌تواند» 250 times, «تواند» alone
        never; ``دقیقه 90 می خوانند``, ``سال 88 می داند``): a month is followed by a year, a
        noun or a preposition, not by a finite verb. A form also common by itself (``شود``,
        ``باشد``, ``دهد``) keeps the month reading."""
        if prefix != MONTH_MAY:
            return False
        lex = self.lexicon
        return lex.joined_count(prefix, word) <= JOIN_MARGIN * lex.word_count.get(word, 0)

    def _sure_join_after(self, infos: list[ChunkInfo], i: int, a: str, b: str) -> bool:
        """Whether the weak join of ``a`` and chunk ``i`` (the bare word ``b``) gives way to a
        sure join of ``b`` and the next chunk that ``a`` + ``b`` could not make: ``راه آب
        انباری`` → ``راه آب‌انباری`` (water-reservoir path; ``راه‌آب`` is a weak pair,
        ``آب‌انباری`` a sure one), ``جای نام گذاری`` → ``جای نام‌گذاری``. Not in a doubled
        word (``تک تک چشم‌هایمان``: ``تک‌چشم`` is sure, but «تک تک» is one phrase)."""
        if a == b or i + 1 >= len(infos) or infos[i][2] != infos[i][3]:
            return False
        c = infos[i + 1][2]
        return bool(c) and self._joins(b, c) == JOIN_ANY and self._joins(a + b, c) == JOIN_NO

    def _phrase_before(self, infos: list[ChunkInfo], i: int, a: str, b: str) -> bool:
        """Whether the weak join of the bare word ``a`` (chunk ``i - 1``) and ``b`` gives way to
        the phrase ``a`` makes with the word before it: the lexicon writes that pair apart more
        often than joined, at least ``PHRASE_BEFORE_LIFT`` times for each time it wrote
        ``a`` + ``b`` joined, and ``PHRASE_BEFORE_HABIT`` times as often as chance would have
        it (a set phrase, not a preposition before a word). ``ولی این هیچ گاه نامه امضا نشد``
        (but this letter was never signed) keeps ``گاه نامه`` apart: TRAIN writes ``هیچ گاه``
        40 times, and ``گاه‌نامه`` (periodical) comes once, from hazm's word list. A pair joined by morphology alone (no
        count: ``این واقعه نگاران``) is not asked, nor one the lexicon saw joined as often as
        the phrase apart. Asked only of weak pairs."""
        prev = infos[i - 1]
        if i < 2 or prev[2] != prev[3] or prev[1] != prev[2]:
            return False
        w = infos[i - 2][3]
        if not w:
            return False
        lex = self.lexicon
        apart = lex.pair_count(w, a)
        if apart < PHRASE_BEFORE_LIFT:
            return False  # most pairs, in one look-up (the weak pair has a joined count of 1+)
        joined = lex.joined_count(a, b)
        return (
            joined > 0
            and apart >= PHRASE_BEFORE_LIFT * joined
            and apart > lex.joined_count(w, a)
            and apart * lex.total
            >= PHRASE_BEFORE_HABIT * lex.word_count.get(w, 0) * lex.word_count.get(a, 0)
        )

    def _bound_tail_pair(self, a: str, b: str) -> bool:
        """Whether a weak pair (``JOIN_SPACED_LINE``) joins in any line that shows no glued
        damage, as a sure pair does: the lexicon saw ``a`` + ``b`` written with a ZWNJ at
        their seam, and never saw ``b`` as a word by itself (``سرطان زا``, ``سه جانبه``,
        ``آینده نگر``, ``حمل ونقل``, ``فلک الافلاک``: ``زا``, ``جانبه``, ``نگر``, ``ونقل``
        and ``الافلاک`` are no words), so the space is a lost ZWNJ even in a line with no
        other sign of it. A tail seen alone keeps the line signal (``نه تا``, ``قابل
        تقدیر``, ``اردیبهشت ماه``, ``شمال شرقی``), and so does a pair the lexicon never saw
        joined (the rare compound tails: ``سرخ پوشان``), and so does an Arabic patronymic
        (``ابن فهد``: Seraji joins them, PerDT writes them apart, so their ties are a
        convention, not evidence). Asked only of weak pairs."""
        lex = self.lexicon
        return (
            len(b) > 1
            and a not in PATRONYMICS
            and not lex.word_count.get(b, 0)
            and lex.joined_count(a, b) > 0
        )

    def _verb_before_aux(self, infos: list[ChunkInfo], i: int) -> bool:
        """Whether chunk ``i``, a bare past participle (``شده``), is followed by a form of
        «بودن» or a person ending (:data:`PARTICIPLE_AUX`): then it is the verb of a
        light-verb construction and stays apart from the word before it (``اعلام شده است``,
        ``خارج شده بود``, ``تعیین نشده است``, ``شکست خورده بودند``), while ``مواضع اعلام
        شده در`` (announced) may join. Asked only of joins whose second word is a participle
        (a set test), not of every pair."""
        info = infos[i]
        return (
            info[2] == info[3]
            and info[1] == info[2]
            and i + 1 < len(infos)
            and infos[i + 1][2] in PARTICIPLE_AUX
        )

    def _triple_join(self, infos: list[ChunkInfo], i: int) -> int:
        """How sure a join of chunk ``i``, the bare word before it and the word before that is
        (``JOIN_NO``, ``JOIN_SPACED_LINE``, ``JOIN_ANY``): a three-word token of
        :func:`joinable_triples` written apart, ``عبدالله بن زبیر`` → ``عبدالله‌بن‌زبیر`` (9
        times so in TRAIN; ``عبدالله بن`` alone is written apart), ``میان دوره ای`` →
        ``میان‌دوره‌ای`` (``دوره ای`` joins as a suffix first)."""
        levels = self._triples.get(infos[i - 2][3])
        middle = infos[i - 1]
        if levels is None or middle[2] != middle[3]:
            return JOIN_NO
        return levels.get((middle[2], infos[i][2]), JOIN_NO)

    def _join_back(
        self,
        infos: list[ChunkInfo],
        joins: set[int],
        affixes: set[int],
        k: int,
        chain: str,
        need: int = JOIN_ANY,
    ) -> tuple[str, bool]:
        """After ``b c`` joined, join ``a`` to ``bc`` if a second pass would (idempotence).

        «می داشته اند»: ``می داشته`` alone stays apart in the lexicon, but once ``داشته‌اند``
        is one word, ``می`` + ``داشته‌اند`` is a verb. Walks left while joins happen; returns
        the key of the whole joined chain, and whether a join needed a level below ``JOIN_ANY``.
        """
        weak = False
        while k >= 1 and k not in joins:
            word, prev = infos[k], infos[k - 1]
            if word[2] != word[3] or not prev[3]:
                break  # chunk k is not one bare word («،می»), or chunk k - 1 ends in no word
            if self._month_after_number(infos, k, chain):
                break  # «14 می»
            if prev[3] == WITHOUT and k >= 2 and infos[k - 2][3] in LETTER_NAMES:
                break  # «ان بی سی ها»: a letter name, not «بی»
            if (k - 1) in joins and infos[k - 2][3] == prev[3]:
                break  # «تک تک چشم‌ها»: a doubled word keeps its pair (see _sure_join_after)
            sure = self._joins(prev[3], chain)
            if sure < need:
                break
            weak = weak or sure < JOIN_ANY
            joins.add(k)
            if prev[6]:
                affixes.add(k)
            chain = prev[3] + chain
            k -= 1
        return chain, weak

    # ---- stray ZWNJs -----------------------------------------------------------------------

    def _stray_repairs(self, text: str) -> Iterator[Repair]:
        """Stray ZWNJs: beside a non-letter or the edge, doubled, or (optionally) after ``ا``.

        ``"کتاب\u200c ها"``: the ZWNJ before the space goes (``zwnj.remove.edge``), and so
        does the one in ``"کتاب\u200c."``. A ZWNJ between two non-Persian characters is
        left alone: Indic scripts need it (``क्\u200cष``), and non-Persian text is not ours.
        """
        remove_nonjoiner = self.nonjoiner is NonJoiner.REMOVE
        for m in _ZWNJ_RUN_RE.finditer(text):
            s, e = m.start(), m.end()
            before = text[s - 1] if s else ""
            after = text[e] if e < len(text) else ""
            before_letter = bool(before) and _LETTER_RE.match(before) is not None
            after_letter = bool(after) and _LETTER_RE.match(after) is not None
            if not (before_letter and after_letter):
                if not (before_letter or after_letter or _edge(before) or _edge(after)):
                    continue  # between two non-Persian characters: «क्‌ष» needs it
                yield Repair(s, e, "", "zwnj.remove.edge")
            elif remove_nonjoiner and before not in JOINING:
                yield Repair(s, e, "", "zwnj.remove.nonjoiner")
            elif e - s > 1:
                yield Repair(s + 1, e, "", "zwnj.remove.double")

    def _stray_inside(self, chunk: str, start: int, end: int, key: str) -> bool:
        """Whether the writer's ZWNJs inside ``chunk[start:end]`` (a word with ZWNJs between
        its letters, ``key`` without them, folded) all go (rule ``zwnj.remove.inside``):
        ``میز‌ان`` → ``میزان`` (amount), ``پر‌سپولیس``, ``شد‌ند``, ``اردی‌بهشت``.

        They go when the lexicon knows the word only glued, ``STRAY_INSIDE_WORD_COUNT`` times or
        more (no source writes it with a ZWNJ or as two words, no exception or house spelling
        says otherwise), and one ZWNJ parts it into pieces no writer would mean: a writer's own
        ZWNJ comes before an ending (``میز‌ها``, ``بر‌تر``,
        ``تیم‌مان``: :data:`_STRAY_INSIDE_ENDINGS` and the bound suffixes) or a word of
        ``MIN_COMPOUND_PIECE`` letters or more (see :meth:`_writer_seam`: ``لج‌بازی``,
        ``کار‌شناس``, ``دو‌شنبه`` stay). «ان» after «میز» is neither: the plural «ان» is
        written glued. A word with a mark (``خیمه‌ٔ``) stays as written, and so does one that
        goes on past a mark of direction or a joiner (``اس‌اس\u200e‌دی``, SSD;
        ``#اینجا_ایران``): it is only a piece of a word.
        """
        lex = self.lexicon
        forms = lex.forms.get(key)
        if (
            forms is None
            or len(forms) != 1
            or forms.get(key, 0) < STRAY_INSIDE_WORD_COUNT
            or key in lex.forced
            or key in lex.spellings
            or chunk[start - 1 : start] in _WORD_GOES_ON
            or chunk[end : end + 1] in _WORD_GOES_ON
        ):
            return False
        tok = chunk[start:end]
        if _MARK_RE.search(tok) is not None:
            return False
        pieces = [fold(p) for p in tok.split(ZWNJ) if p]
        return not all(self._writer_seam(a, b) for a, b in pairwise(pieces))

    def _writer_seam(self, a: str, b: str) -> bool:
        """Whether a writer may mean a ZWNJ between the pieces ``a`` and ``b`` of a word (see
        :meth:`_stray_inside`): ``a`` of ``MIN_PIECE`` letters or more, and ``b`` an ending, or
        ``a`` a prefix or a piece the treebanks write before a ZWNJ ``COMPOUND_TAIL_HEADS``
        times or more (``پی`` 18: پی‌گیری, پی‌بردن ...; not ``پر``, 6), or ``b`` a
        compound's second word (seen after a ZWNJ behind ``RARE_TAIL_HEADS`` different words:
        «بازی» of ``لج‌بازی``, «گر» of ``بیان‌گر``; «ان» only in «سی‌ان‌ان») or a word of
        ``MIN_COMPOUND_PIECE`` letters after a word or a prefix (``دو‌شنبه``)."""
        if len(a) < MIN_PIECE:
            return False
        lex = self.lexicon
        if b in _STRAY_INSIDE_ENDINGS or b in lex.bound_suffixes:
            return True
        if (
            a in lex.verbal_prefixes
            or a in lex.bound_prefixes
            or lex.left_count[a] >= COMPOUND_TAIL_HEADS
        ):
            return True  # «می‌جوشد», «بی‌راهه», «پی‌امی» (PM + ی, not «پیامی», a message)
        heads = self._joinable_right.get(b, False)
        if heads is True or (heads and len(heads) >= RARE_TAIL_HEADS):
            return True
        return (
            len(b) >= MIN_COMPOUND_PIECE
            and lex.word_count[b] >= MIN_STEM_COUNT
            and (lex.word_count[a] >= MIN_STEM_COUNT or lex.left_count[a] >= MIN_STEM_COUNT)
        )

    # ---- glued and spaced words ------------------------------------------------------------

    def _joins(self, a: str, b: str) -> int:
        """Whether the words ``a`` and ``b`` are one word (``JOIN_NO``, ``JOIN_SPACED_LINE``,
        ``JOIN_ANY``); memoised per pair.

        ``a`` is the ZWNJ-free key of everything joined so far (``میشده`` before ``اند``).
        """
        memo_key = (a, b)  # a tuple hashes the words' cached hashes; an f-string is new
        hit = self._join_memo.get(memo_key)
        if hit is None:
            if len(self._join_memo) > CACHE_LIMIT:
                self._join_memo.clear()
            hit = self._decide_join(a, b)
            self._join_memo[memo_key] = hit
        return hit

    def _decide_join(self, a: str, b: str) -> int:
        """Lexicon counts first (``کتاب ها`` 1 vs ``کتاب‌ها`` 7), then morphology.

        A pair the lexicon writes joined more often than apart, but not ``JOIN_MARGIN`` times
        as often, joins only in a line whose ZWNJs became spaces (``JOIN_SPACED_LINE``).
        """
        lex = self.lexicon
        if f"{a} {b}" in lex.forced_apart:
            return JOIN_NO
        forced = lex.forced.get(a + b)
        if forced is not None:
            joined = ZWNJ in forced and zwnj_offsets(forced).count(len(a)) > 0
            return JOIN_ANY if joined else JOIN_NO
        if a + b in lex.forms:  # else both counts are 0 (most pairs: «اعلام کرد» is no word)
            apart, together = lex.pair_count(a, b), lex.joined_count(a, b)
            if apart or together:
                if together > JOIN_MARGIN * apart:
                    return JOIN_ANY
                if self._is_infinitive(b):
                    return JOIN_NO  # «رخ دادن»: a light verb's infinitive, see _is_infinitive
                if b in _TIE_PREPOSITIONS:
                    # «پشت پرده در», «ورزش سه در مورد»: a preposition, not a compound's tail,
                    # unless the counts are clear (one of shekar's entries, «پرده‌در» 1 and
                    # «پرده در» 1, is a tie)
                    return JOIN_NO
                return JOIN_SPACED_LINE if together >= SPACED_LINE_JOIN_MARGIN * apart else JOIN_NO
        if self._joins_by_morphology(a, b):
            if self._word_suffix(b):
                return JOIN_SPACED_LINE  # «جراحی بینی» (nose surgery) stays in a plain line
            return JOIN_ANY
        if a == WITHOUT and self._after_without(b):
            return JOIN_SPACED_LINE  # «بی دقت» → «بی‌دقت», in a line whose ZWNJs became spaces
        if b in self._compound_tails and self._compound_head(a):
            if len(b) > MIN_COMPOUND_PIECE and not lex.word_count.get(b, 0):
                return JOIN_ANY  # «مشکل آفرینی»: a long tail never seen as a word by itself
            return JOIN_SPACED_LINE  # «واقعه نگاران», in a line whose ZWNJs became spaces
        if b in self._rare_tails and not a.endswith(EZAFE_YE) and self._compound_head(a):
            # «سنت گرای», in a line whose ZWNJs became spaces; after a word in «ی» the tail
            # is more often an adjective of its own («کاری ناشدنی», «بومی گزینی»)
            return JOIN_SPACED_LINE
        tail = self._inflected_tails.get(b)
        if (
            tail is not None
            and (tail in self._compound_tails or not a.endswith(EZAFE_YE))
            and self._compound_head(a)
        ):
            # «مستعمره نشینان», «نظریه پردازانی»: a compound tail with a plural ending joins as
            # the tail does, in a line whose ZWNJs became spaces (and, as for the rare tails,
            # a rare tail or a noun of action not after a word in «ی»)
            return JOIN_SPACED_LINE
        pair_tail = self._inflected_pair_tails.get(b)
        if pair_tail is not None:
            together = lex.joined_count(a, pair_tail)
            if together and together >= SPACED_LINE_JOIN_MARGIN * lex.pair_count(a, pair_tail):
                # «کلان شهرها», «گفت وگوهای»: a pair the lexicon writes joined at least as
                # often as apart (``کلان‌شهر``, ``گفت‌وگو``), its second word with a plural or
                # comparative ending, joins as the pair does, in a line whose ZWNJs became
                # spaces
                return JOIN_SPACED_LINE
        if (
            b in COMPARATIVE_ENDINGS
            and len(a) > MIN_COMPOUND_PIECE
            and not lex.word_count.get(a, 0)
            and lex.suffix_share(b, a) >= MIN_SUFFIX_SHARE
        ):
            # «امیدبخش تر», «خوش‌آهنگ تر»: a comparative after a word the lexicon does not know
            # (a known one is decided above), in a line whose ZWNJs became spaces
            return JOIN_SPACED_LINE
        return JOIN_NO

    def _word_suffix(self, b: str) -> bool:
        """Whether ``b``, a bound suffix joined by morphology to a word the lexicon never saw
        with it, is also a content word UD TRAIN writes by itself: longer than
        ``MIN_COMPOUND_PIECE`` letters and seen alone ``MIN_COMPOUND_WORD_COUNT`` times
        («بینی», nose, 13 times alone beside 62 after a ZWNJ; «الله», «آباد», «السلام»). Such
        a pair joins only in a line whose ZWNJs became spaces: ``جراحی بینی`` (nose surgery),
        ``گرفتگی بینی`` (a blocked nose) and ``نوک بینی`` stay as written in a line with no
        sign of lost ZWNJs, ``خوش بینی`` and ``پیش بینی`` join by the lexicon's own counts. A
        surname's tail (:data:`SURNAME_TAILS`: ``حسین زاده``) keeps joining in any line."""
        lex = self.lexicon
        return (
            b in lex.bound_suffixes
            and len(b) > MIN_COMPOUND_PIECE
            and b not in SURNAME_TAILS
            and lex.word_count.get(b, 0) >= MIN_COMPOUND_WORD_COUNT
        )

    def _after_without(self, b: str) -> bool:
        """Whether ``b`` may follow a bare «بی» as one word with it when the lexicon has no
        count of the pair (``بی دقت`` → ``بی‌دقت``, ``بی تعادلی``): a word the lexicon knows,
        not a function word, pronoun or determiner (``بی آنکه``, ``بی هیچ``, ``بی آن``, the
        treebanks' bare «بی» before them) and no letter name (``بی بی سی``, ``بی ام و``).
        UD TRAIN writes a bare «بی» 73 times against 745 «بی‌» words: 59 of the 73 before
        such words, 3 before a dash, 11 before other words (``بی قید``, ``بی مدیر``)."""
        lex = self.lexicon
        return (
            len(b) >= MIN_PIECE
            and b not in NOT_AFTER_WITHOUT
            and lex.word_count.get(b, 0) > 0
            and b not in lex.verb_remainders  # «بی اندازد»: a verb, «بی» a letter or typo
        )

    def _is_infinitive(self, b: str) -> bool:
        """Whether ``b`` is an infinitive (a past stem of the lexicon + ``ن``: ``دادن``,
        ``زدن``, ``شدن``). The treebanks write a noun and a light verb's infinitive apart
        (``رخ دادن``, ``گره زدن``: 0 of about 250 such pairs with a ZWNJ in TRAIN), while
        shekar's compound list writes 114 of them with one, each also apart (a tie, which
        would join in a line whose ZWNJs became spaces): such a pair joins only when the
        counts are clear (``JOIN_MARGIN``)."""
        stem = b[:-1]
        return (
            len(b) > 2
            and b[-1] == "ن"
            and stem[-1] in _PAST_STEM_LAST
            and stem in self.lexicon.verb_stems
        )

    def _compound_head(self, a: str) -> bool:
        """Whether ``a`` may open a compound with a :func:`compound_tails` word: a known word
        seen on the left of a ZWNJ or with a plural ending (``سرطان``, ``واقعه``), and no
        preposition, determiner or pronoun («او را شکن» stays as it is)."""
        lex = self.lexicon
        return (
            len(a) >= MIN_PIECE
            and a not in BEFORE_NOUN
            and a not in NO_ADJECTIVE_AFTER
            and (lex.left_count.get(a, 0) > 0 or lex.plural_count(a) >= MIN_PLURAL_COUNT)
        )

    def _joins_by_morphology(self, a: str, b: str) -> bool:
        """A pair the lexicon never wrote: a bound suffix, the ezafe ``ی`` after a silent
        ``ه``, or a verb after ``می``."""
        lex = self.lexicon
        if len(a) < MIN_PIECE:
            return False
        if b == EZAFE_YE:
            return _ends_in_silent_heh(a)  # «همه ی» → «همه‌ی»; «راه ی» stays
        if (
            b in lex.bound_suffixes
            and (lex.word_count.get(a, 0) or a in lex.verbal_prefixes)
            and lex.suffix_share(b, a) >= MIN_SUFFIX_SHARE
        ):
            return True  # «سیاره ای» → «سیاره‌ای», «خشونت ها» → «خشونت‌ها»
        if b in lex.bound_suffixes and lex.suffix_share(b, a) >= MIN_STRONG_SHARE:
            return True  # «زرافه ها»: an unknown noun, but «ها» is not a word by itself
        if self._copula_after("word", b, a):
            return True  # «نگران اند» → «نگران‌اند», as «نگراناند» is split (_copula_after)
        # «می اندازد» → «می‌اندازد», «می فرسود» → «می‌فرسود»
        return a in lex.verbal_prefixes and (
            self._is_verb_remainder(b) or (len(b) >= 3 and _VERB_ENDING_RE.search(b) is not None)
        )

    def _unknown_stem(self, tok: str) -> str | None:
        """Last resort for a word whose stem is unknown too: a strongly bound ending.

        ``زرافهها`` → ``زرافه‌ها`` (``ها`` takes a ZWNJ in 94-99 % of the word types that
        have it), ``میفرسود`` → ``می‌فرسود`` (``می`` + a verb ending), ``شنیعترین`` → ``شنیع‌ترین`` (the
        superlative needs only a majority share: :data:`SUPERLATIVE`). Names that only look
        affixed stay: ``میروسلاو`` has no verb ending, ``میشیگان`` neither, and a name in
        ``هایم`` (-heim: ``هافنهایم``) has no ending cut off.
        """
        surname = self._ye_surname(tok)
        if surname is not None:
            return surname
        lex = self.lexicon
        # «هافنهایم», «مانهایم»: German names in «-heim», not an unknown noun + «هایم» (my
        # ...s; a known noun's «کتابهایم» is decided before): no ending is cut off them
        heim = tok.endswith(_HEIM)
        # longest ending first: «سناریوهای» is «سناریو|های», not «سناریوه|ای»
        for k in range(MIN_UNKNOWN_STEM, 0 if heim else len(tok) - MIN_PIECE + 1):
            stem, suffix = tok[:k], tok[k:]
            if (
                (len(suffix) > MIN_PIECE or suffix == "ها")  # «تاتنهام» is not «تاتنه‌ام»
                and suffix in lex.bound_suffixes
                and lex.suffix_share(suffix, stem)
                >= (MIN_SUFFIX_SHARE if suffix == SUPERLATIVE else MIN_STRONG_SHARE)
                and self._may_take(stem, suffix)
            ):
                if suffix in _HEH_PLURALS and self._heh_of_unseen_stem(stem):
                    # «دوگانهای»: دوگانه‌ای, no دوگان‌های; «جلسهایی»: جلسه‌ایی, no جلس‌هایی
                    return stem + "ه" + ZWNJ + suffix[1:]
                return stem + ZWNJ + suffix
        for prefix in self._prefixes_longest_first:  # برمی before می
            if not tok.startswith(prefix):
                continue
            rest = tok[len(prefix) :]
            if (
                len(rest) >= 4
                and _VERB_ENDING_RE.search(rest)
                # «میعانات» (condensates), «میکروکانتکت»: no past stem ends so
                and not _NO_PAST_T_END_RE.search(rest)
                # «میرزاجواد» is the words «میرزا» + «جواد»: a name, not می + verb
                # («میانگاشتیم» starts with «میان», but «گاشتیم» is no word)
                and not any(
                    lex.word_count.get(tok[:k], 0) >= MIN_STEM_COUNT
                    and lex.word_count.get(tok[k:], 0) >= MIN_STEM_COUNT
                    for k in range(len(prefix) + 2, len(tok) - 2)
                )
                # «میردامادی», «میرعمادی»: «میر» (a title) + a name; a verb whose remainder
                # begins a word with the prefix («میز» + «د...») was found above, if known
                and not self._opens_with_word(tok, prefix)
            ):
                return prefix + ZWNJ + rest
        return None

    def _ye_surname(self, tok: str) -> str | None:
        """``tok`` cut before a surname tail (:data:`YE_SURNAME_TAILS`: «زاده», «نژاد», «پور»)
        that follows a first piece in «ی» the lexicon never saw as a word to cut at
        (``عبدیپور`` → ``عبدی‌پور``, ``کاظمیزاده`` → ``کاظمی‌زاده``, ``نوابینژاد`` →
        ``نوابی‌نژاد``), else None. The segmenter only cuts after a known head, so such
        surnames stayed glued, though their writers set the tail off: UD TRAIN writes these
        tails after «ی» with a ZWNJ and never glued (see :data:`YE_SURNAME_TAILS`), and the
        crawled news, Targoman and social text (counts only) 65 times with a ZWNJ, glued only
        after the given name «علی» (``علیزاده``, ``علیپور``). A glued word the lexicon has
        seen glued, a first piece that is or ends in a given name (kept as written, see
        :meth:`_given_name_compound`: ``علیزاده``, ``مهرعلیزاده``) or of under
        :data:`MIN_SURNAME_HEAD` letters is left alone."""
        if not tok.endswith(_YE_SURNAME_ENDS):
            return None  # one test for the unknown words of every line (most end otherwise)
        for tail in _YE_SURNAME_ENDS:
            if not tok.endswith(tail):
                continue
            head = tok[: -len(tail)]
            if (
                len(head) >= MIN_SURNAME_HEAD
                and head[-1] == EZAFE_YE
                and not self._ends_in_given_name(head)
                and not self.lexicon.glued_count(fold(tok))
            ):
                return head + ZWNJ + tail
        return None

    def _ends_in_given_name(self, head: str) -> bool:
        """Whether ``head`` is a given name or ends in one of :data:`MIN_SURNAME_HEAD` letters
        or more: a compound name (``مهرعلی``, ``غلامعلی``: «علی»), as UD TRAIN writes
        ``مهرعلیزاده`` glued."""
        names = self.lexicon.given_names
        return any(head[k:] in names for k in range(len(head) - MIN_SURNAME_HEAD + 1))

    def _heh_of_unseen_stem(self, stem: str) -> bool:
        """Whether a glued ``stem`` + ``های`` is rather ``stem`` + ``ه`` + ``ای``: ``stem`` was
        never seen (as a word, or beside a ZWNJ), while ``stem`` + ``ه`` was seen as a word
        and takes ``ای`` after a ZWNJ (the learned share): ``دوگانهای`` → ``دوگانه‌ای``,
        ``پرهزینهای`` → ``پرهزینه‌ای``, ``سورمهای`` → ``سورمه‌ای``. A seen word is never
        traded for an unseen one: ``سناریوهای`` (no ``سناریوه``) stays a plural."""
        lex = self.lexicon
        heh = stem + "ه"
        return (
            stem not in lex.word_count
            and stem not in lex.left_count
            and stem not in lex.after_word_count
            and lex.word_count.get(heh, 0) > 0
            and not self._spoken_heh(heh)  # «پناهای» is no «پناه‌ای»: see _may_take
            and lex.suffix_share(_HEH_YE, heh) >= MIN_SUFFIX_SHARE
        )

    def _spoken_heh(self, word: str) -> bool:
        """Whether ``word`` ends in a spoken «ه», after which the indefinite is «ی», never
        «‌ای»: after «ا» always (``راه``, ``نگاه``, ``پناه``), else when the lexicon saw
        ``word`` + «ی» glued ``MIN_STEM_COUNT`` times and never ``word`` + «‌ای» (``گروهی``
        71 times, ``کوهی`` 9, ``انبوهی`` 6). A silent «ه» takes «‌ای» and never a glued «ی»
        (``شیوه‌ای``, ``خانه‌ای``; ``یاوه`` was seen neither way and stays silent)."""
        if word.endswith(_SPOKEN_HEH):
            return True
        if not word.endswith("ه"):
            return False
        lex = self.lexicon
        indefinite = word + _HEH_YE
        return lex.glued_count(word + "ی") >= MIN_STEM_COUNT and not lex.forms.get(
            indefinite, {}
        ).get(word + ZWNJ + _HEH_YE)

    def _spoken_heh_and_ye(self, key: str) -> bool:
        """Whether the unknown glued ``key`` is a known word in a spoken «ه»
        (:meth:`_spoken_heh`, seen ``MIN_STEM_COUNT`` times) + «ای», which that word never
        takes: a plural that lost its «ه» or ZWNJ (``گروهای`` for ``گروه‌های``,
        ``دانشگاهای``) or no word at all. It is left as written: every cut found for it
        would be wrong (``توج‌های``, ``کرم‌انشاهای``, ``گروه‌ای``)."""
        if not key.endswith(_PLURAL_EZAFE):
            return False
        word = key[: -len(_HEH_YE)]
        return self.lexicon.word_count.get(word, 0) >= MIN_STEM_COUNT and self._spoken_heh(word)

    def _opens_with_word(self, tok: str, prefix: str) -> bool:
        """Whether ``tok``'s first letters after ``prefix`` make a known word with it that is no
        verbal prefix (``میر`` in ``میردامادی``), the reading a last resort should not cut."""
        head = tok[: len(prefix) + 1]
        return (
            head not in self.lexicon.verbal_prefixes
            and self.lexicon.word_count.get(head, 0) >= MIN_STEM_COUNT
        )

    def _may_take(self, stem: str, suffix: str) -> bool:
        """Whether ``stem`` may take the bound ``suffix``: a comparative (``تر``, ``ترین``)
        after a stem shorter than ``MIN_COMPARATIVE_STEM`` only if the lexicon has seen that
        stem with one (``کم``, ``بد``), so names ending in ``تر`` stay whole: ``لستر``
        (Leicester), ``سیترین`` (citrine). Spaced ``X ترین`` is still joined: nobody writes
        a name apart. Never ``ای`` after a stem ending in ``ای``: that ی is the ezafe or
        glide after ا (``بلایای`` is ``بلایا`` + ی, not ``بلای‌ای``)."""
        if suffix == _HEH_YE and stem.endswith(_HEH_YE):
            return False  # «بلای|ای»: the ی after ا is already the ezafe (بلایای, جای)
        if suffix == _HEH_YE and self._spoken_heh(stem):
            return False  # «گروه|ای»: after a spoken «ه» the indefinite is «ی» (گروهی, راهی)
        if suffix in _PLURAL_COMPARATIVES:
            return self.lexicon.comparative_count(stem) > 0  # «بوس|ترها»: no comparative
        return (
            len(stem) >= MIN_COMPARATIVE_STEM
            or suffix not in COMPARATIVE_ENDINGS
            or self.lexicon.comparative_count(stem) > 0
        )

    def _next_piece(self, kind: str, prev: str, piece: str, stem: str) -> str | None:
        """The kind of ``piece`` if it may follow ``prev`` (of ``kind``) in a glued word."""
        lex = self.lexicon
        if kind == "prefix":
            if len(piece) < MIN_PIECE:
                return None
            if piece in lex.verb_remainders:
                return "verb"
            # a remainder known only by its shape («دادهاند» ends like «اند») costs more, so
            # a split into seen pieces wins: «می‌داده‌اند», not «می‌دادهاند»
            return "verb?" if self._is_verb_remainder(piece) else None
        if kind == "last" or not self._may_take(stem, piece):
            return None  # «لس|تر»: neither a suffix nor a compound's second word
        if (
            kind == "suffix"
            and prev in COMPARATIVE_ENDINGS
            and not self._after_comparative(prev, piece, stem)
        ):
            return None  # «فیل|تر|سازی», «بوس|تر|ها»: no comparative there
        if piece in lex.bound_suffixes and kind != "conj":  # «سیل|و|های» has no stem for های
            # «آزمون|شان» is glued in the treebanks, «خانه‌شان» is not: follow the learned
            # share for this suffix after this kind of stem
            ok = lex.suffix_share(piece, stem) >= MIN_SUFFIX_SHARE
            return "suffix" if ok or self._copula_after(kind, piece, stem) else None
        if kind == "conj":
            # after «و» comes a word seen after it: «و» + «نقل»
            ok = len(piece) >= MIN_PIECE and lex.pair_count(prev, piece) >= MIN_PAIR_COUNT
            if not ok or lex.word_count.get(piece, 0) < MIN_STEM_COUNT:
                return None
            # a two-letter word ends the glued word (خوش‌وبش, این‌وآن) unless the lexicon knows
            # the whole (گفت‌وگو|های): «پشتونهای» is not «پشت‌و‌نه‌ای»
            return "word" if len(piece) >= MIN_COMPOUND_PIECE or stem + piece in lex.forms else "last"
        if kind != "word":
            return None
        if piece == "و":
            # «حملونقل» → «حمل‌ونقل»: the conjunction between two words seen around it
            return "conj" if lex.pair_count(prev, piece) >= MIN_PAIR_COUNT else None
        if len(piece) < MIN_PIECE:
            return None
        word_count, after_word_count = lex.word_count, lex.after_word_count
        if piece not in word_count and piece not in after_word_count:
            # every rule below needs the piece (or it uninflected) seen as a word or after a
            # ZWNJ; most pieces tried in a glued word are neither, so they stop here
            bare = _uninflect(piece)
            if bare == piece or (bare not in word_count and bare not in after_word_count):
                return None
        # the pair's count (a concatenation and two look-ups) only when the cheap tests pass
        if (
            lex.word_count.get(piece, 0) >= MIN_STEM_COUNT
            and max(len(prev), len(piece)) >= MIN_COMPOUND_PIECE  # «کسبه» is not «کس به»
            and (together := lex.pair_count(prev, piece)) >= MIN_PAIR_COUNT
            # the pair must be a habit: «حالی که» and «با این» are seen together far more often
            # than chance, «جان به» is not (pointwise mutual information, as a ratio)
            and together * lex.total
            >= MIN_PAIR_LIFT * lex.word_count.get(prev, 0) * lex.word_count.get(piece, 0)
        ):
            return "word"  # «محیط» and «زیست» are seen side by side
        if (
            prev in lex.bound_prefixes
            and len(piece) > MIN_COMPOUND_PIECE
            and (
                lex.word_count.get(piece, 0) >= MIN_STEM_COUNT
                or lex.word_count.get(_uninflect(piece), 0) >= MIN_STEM_COUNT  # «بی‌تعادلی»
                or lex.after_word_count.get(piece, 0) >= MIN_COMPOUND_RIGHT
            )
        ):
            # «بی» + «نیوز»: a prefix that is rarely a word by itself; 3-letter pieces are
            # refused («بینیم» is a verb, not «بی‌نیم»)
            return "word"
        if (
            lex.left_count.get(prev, 0) >= PREFIX_LIKE_COUNT
            and lex.word_count.get(prev, 0) >= PREFIX_LIKE_COUNT  # a word too: «ان» is not
            and lex.left_count.get(prev, 0) >= PREFIX_LIKE_SHARE * lex.word_count.get(prev, 0)
            and len(piece) > MIN_COMPOUND_PIECE
            and max(lex.word_count.get(piece, 0), lex.word_count.get(_uninflect(piece), 0))
            >= MIN_COMPOUND_WORD_COUNT
        ):
            # «سه» + «جانبه», «هم» + «تیمی»: a short word often first in compounds
            return "word"
        if len(piece) == MIN_PIECE and self._two_letter_tail(prev, piece):
            return "word"  # «اعتیاد» + «زا», «حقیقت» + «جو»
        if (
            len(prev) < MIN_COMPOUND_PIECE
            or len(piece) < MIN_COMPOUND_PIECE
            or self._rare_compound(prev, piece)
        ):
            return None
        if (
            max(
                lex.after_word_count.get(piece, 0),
                lex.after_word_count.get(_uninflect(piece), 0),
            )
            >= MIN_COMPOUND_RIGHT
        ):
            # a compound's second word: «نخست» + «وزیران»; short pieces (تن, دی) and rare
            # ones split names (نیلوفر → نی|لوفر), so both are refused
            return "word"
        if (
            min(lex.word_count.get(prev, 0), lex.word_count.get(piece, 0))
            >= MIN_COMPOUND_WORD_COUNT
            and len(prev) + len(piece) >= MIN_COMPOUND_LENGTH
        ):
            return "words"  # two frequent words, never seen in a compound: «زمین» + «مرکزی»
        return None

    def _two_letter_tail(self, prev: str, piece: str) -> bool:
        """Whether the two-letter ``piece`` may end a compound after the word ``prev``, a pair
        the lexicon never saw: ``piece`` is a compound tail of :func:`two_letter_tails`
        (``زا``, ``جو``, ``گو``, ``زن``...) and ``prev`` a word of ``MIN_TWO_LETTER_TAIL_HEAD``
        letters or more, seen ``MIN_STEM_COUNT`` times, that ends in a joining letter (after
        one that never joins the seam writes nothing). Short first pieces are left out: «هم»
        + «ره» is «همره», not «هم‌ره»; «بی» + «کن» is «بیکن»; «هانزا» (Hunza) is no «هان» +
        «زا». A compound the lexicon
        has seen glued keeps that spelling inside a longer word: ``جنگجو|ترین``, not
        ``جنگ‌جوترین``."""
        lex = self.lexicon
        if (
            len(prev) < MIN_TWO_LETTER_TAIL_HEAD
            or prev[-1] not in JOINING
            or lex.word_count.get(prev, 0) < MIN_STEM_COUNT
        ):
            return False
        whole = prev + piece
        if whole in lex.forms.get(whole, ()):
            return False  # «جنگجو», seen glued once
        tails = self._two_letter_tails
        if tails is None:
            zwnj_forms = self._zwnj_forms
            if zwnj_forms is None:
                zwnj_forms = forms_with_zwnj(lex.forms)
            ends = self._glued_ends
            if ends is None:  # the index _glued_tail_count makes on first use too
                ends = self._glued_ends = _tail_index(lex.forms, TAIL_KEY)
            tails = self._two_letter_tails = two_letter_tails(lex, zwnj_forms, ends)
            self._zwnj_forms = None
        return piece in tails

    def _after_comparative(self, prev: str, piece: str, stem: str) -> bool:
        """Whether ``piece`` may follow the comparative ``prev`` («تر», «تری», «ترین») that
        ends ``stem`` in a glued word. A comparative closes an adjective's stem, so only an
        ending follows it (:data:`_AFTER_COMPARATIVE`: ``بزرگ|تر|ها``, ``بیش|ترین|شان``),
        never a compound's tail or another suffix: ``فیل|تر|سازی`` is «فیلتر» + «سازی», and
        a cut before «تر» there leaves «ترسازی», no word. A plural after «تر» needs the
        lexicon to have seen the stem as a comparative: ``بوس|تر|ها`` is «بوستر» + «ها»."""
        if piece not in _AFTER_COMPARATIVE:
            return False
        return not (
            prev == COMPARATIVE_ENDINGS[0]
            and piece in PLURAL_ENDINGS
            and not self.lexicon.comparative_count(stem[: -len(prev)])
        )

    def _copula_after(self, kind: str, piece: str, stem: str) -> bool:
        """Whether ``piece`` is the copula «اند» after ``stem``, a noun or adjective: ``stem``
        is one word seen ``COPULA_STEM_COUNT`` times, of ``MIN_COMPOUND_PIECE`` letters or
        more, and not a verb's present stem (neither in the lexicon's verb stems nor seen with
        «ید»: ``ترس`` + «ید» is ``ترسید``, so ``ترساند`` stays a verb).
        """
        lex = self.lexicon
        return (
            piece == COPULA
            and kind == "word"
            and len(stem) >= MIN_COMPOUND_PIECE
            and lex.word_count.get(stem, 0) >= COPULA_STEM_COUNT
            and stem not in lex.verb_stems
            and stem + "ید" not in lex.forms
        )

    def _without_glued_tails(self, tok: str, seams: tuple[int, ...]) -> tuple[int, ...]:
        """``seams`` of ``tok``'s segmentation without those that would write a ZWNJ before a
        piece that ends glued words far more often than it follows one
        (:meth:`_mostly_glued_tail`): unless the piece is a bound suffix, the piece before it a
        prefix or ends in a silent ``ه`` (``تکیه‌گاه``, ``معامله‌گران``), or the two were seen
        written apart. ``پاس|گاه`` → ``پاسگاه``, ``بازداشت|گاه|ها`` → ``بازداشتگاه‌ها``.
        """
        lex = self.lexicon
        bounds = (0, *seams, len(tok))
        kept: list[int] = []
        for k in range(1, len(bounds) - 1):
            prev, piece = tok[bounds[k - 1] : bounds[k]], tok[bounds[k] : bounds[k + 1]]
            if (
                prev[-1] in JOINING  # a seam after ر, و, ... writes no ZWNJ: nothing to undo
                and piece not in lex.bound_suffixes
                and prev not in lex.verbal_prefixes
                and prev not in lex.bound_prefixes
                and not _ends_in_silent_heh(prev)
                and lex.pair_count(prev, piece) < MIN_PAIR_COUNT
                and self._mostly_glued_tail(piece)
            ):
                continue
            kept.append(bounds[k])
        return tuple(kept)

    def _mostly_glued_tail(self, piece: str) -> bool:
        """Whether ``piece`` ends glued words after a known word far more often than it
        follows a ZWNJ (``GLUED_TAIL_RATIO`` times): a suffix written glued (``گاه`` in
        ``دانشگاه``, ``بان`` in ``باغبان``), or letters that end many words by chance
        (``ابی`` in ``خرابی``), so a cut before it in an unknown word is no compound:
        ``پاسگاه``, ``سرخابی``, ``منیبان`` stay whole.
        """
        after = self.lexicon.after_word_count.get(piece, 0)
        return self._glued_tail_count(piece) >= GLUED_TAIL_RATIO * max(after, 1)

    def _glued_tail_count(self, piece: str) -> int:
        """How often the lexicon wrote a word glued that is a known word (``MIN_STEM_COUNT``)
        plus ``piece``: ``دانشگاه``, ``دستگاه``, ... for ``گاه``; 0 for a piece shorter than
        ``TAIL_KEY``; memoised."""
        hit = self._tail_counts.get(piece)
        if hit is not None:
            return hit
        if len(self._tail_counts) > CACHE_LIMIT:
            self._tail_counts.clear()
        lex = self.lexicon
        ends = self._glued_ends
        if ends is None:
            # the lexicon's words written glued by their last TAIL_KEY letters, made on first
            # use: one pass (in C: ~25 ms of compiled Python per cold engine)
            ends = self._glued_ends = _tail_index(lex.forms, TAIL_KEY)
        word_count, total = lex.word_count, 0
        if len(piece) >= TAIL_KEY:
            cut = len(piece)
            for key in ends.get(piece[-TAIL_KEY:], ()):
                # the head (key less piece) is sliced only for a key that ends in the piece
                if (
                    len(key) - cut >= MIN_PIECE
                    and key.endswith(piece)
                    and word_count.get(key[: len(key) - cut], 0) >= MIN_STEM_COUNT
                ):
                    total += lex.glued_count(key)
        self._tail_counts[piece] = total
        return total

    def _rare_compound(self, prev: str, piece: str) -> bool:
        """Whether ``prev`` + ``piece`` would be a compound of rare pieces: ``prev`` as short
        as a compound piece may be (``MIN_COMPOUND_PIECE``) and never seen on the left of a
        ZWNJ, and ``piece`` seen under ``MIN_STEM_COUNT`` times as a word. Such cuts are
        mostly wrong (``کام|یابی``, ``مست|ضعفان``, ``سرم|شقی``, ``سوگ|وار``: on the dev sets'
        glued words, 14 of 18 scored seams with any first piece; a longer one is a word in its
        own right: ``بیرون‌گرا``), so they are not made.
        """
        lex = self.lexicon
        return (
            len(prev) <= MIN_COMPOUND_PIECE
            and lex.left_count.get(prev, 0) == 0
            and lex.word_count.get(piece, 0) < MIN_STEM_COUNT
        )

    def _is_verb_remainder(self, s: str) -> bool:
        """``s`` can follow می/نمی: seen so (``باشد``), or a seen stem plus an ending."""
        lex = self.lexicon
        if s in lex.verb_remainders:
            return True
        if s[-1:] not in _VERB_LAST_LETTERS:
            return False  # every ending below, and every _VERB_SHAPE_RE match, ends so
        for end in ("م", "ی", "د", "یم", "ید", "ند"):
            if s.endswith(end) and s[: -len(end)] in lex.verb_stems:
                return True
        return len(s) >= 5 and _VERB_SHAPE_RE.search(s) is not None

    def _glued(self, tok: str, key: str) -> tuple[int, ...]:
        """Offsets in ``tok`` (a word without ZWNJ; ``key`` is ``fold(tok)``) where a ZWNJ
        belongs; memoised."""
        hit = self._glued_memo.get(tok)
        if hit is None:
            if len(self._glued_memo) > CACHE_LIMIT:
                self._glued_memo.clear()
            hit = self._decide_glued(tok, key)
            self._glued_memo[tok] = hit
        return hit

    def _decide_glued(self, tok: str, key: str) -> tuple[int, ...]:
        """The lexicon's most frequent spelling if it knows the word (``key``, ``fold(tok)``),
        else morphology; no cut in a word only Arabic writes so (``_ARABIC_WORD_RE``: ``أنها``,
        ``بالإجازه``)."""
        # every character _ARABIC_WORD_RE looks for is one that fold changes: a word that
        # folds to itself (most) needs no search
        if key != tok and _ARABIC_WORD_RE.search(tok):
            return ()
        best = self.lexicon.best_form(key)
        if best is None:
            if key in self.lexicon.web_glued:
                return ()  # «شنیداری», «بالتیمور»: the web writes them glued, never cut
            if self._spoken_heh_and_ye(key):
                return ()  # «گروهای», «دانشگاهای»: no «گروه‌ای», and no cut is safer
            best = (
                self._spelling_and_ending(key)
                or self._letter_name_acronym(key)
                or self._unknown_word_form(key)
                or self._weekday_and_part(key)
            )
            if MADDA in key:
                best = self._with_madda_seams(key, best)
        elif ZWNJ in best and self._noun_and_ye(key, best):
            return ()  # «میگوی» is shrimp + ی, not می + گوی
        elif best == key and not self.lexicon.glued_count(key):
            # seen only written apart («همین که»), too seldom to vote for the ZWNJ spelling
            best = self._phrase(key) or self._by_and_word(key) or best
        elif best == key:
            best = self._tied_suffix_form(key) or best
        if best is None or ZWNJ not in best:
            return ()
        seams = [k for k in zwnj_offsets(best) if 0 < k < len(key) and key[k - 1] in JOINING]
        if len(key) == len(tok):
            return tuple(seams)
        # the fold dropped marks (ٔ, ً, ـ): map each seam to the original letter it precedes
        kept = [i for i, ch in enumerate(tok) if ch.translate(FOLD)]
        return tuple(kept[k] for k in seams)

    def _by_and_word(self, key: str) -> str | None:
        """``بهموجب`` → ``به‌موجب``: «به» glued to a word of ``BY_WORD_MIN`` letters or more
        (seen ``MIN_STEM_COUNT`` times), a pair the lexicon saw only written apart and too
        seldom for :meth:`_phrase` (``به موجب`` once, ``به مانند`` 3 times); the word keeps
        its own spelling (``بهروزهای`` → ``به‌روز‌های`` if the lexicon cuts «روزهای»). Only
        asked for a key never seen glued: «بهتر», «بهار», «بهانه» are words the lexicon saw
        glued. Not in a given name (:attr:`Lexicon.given_names`): names are «به» and a
        three-letter word (بهداد, بهشاد, بهنوش, بهناز), and the lexicon saw «به داد», «به شاد»
        apart, while ``بهوقت`` → ``به‌وقت``, ``بهپیش`` → ``به‌پیش``. Not before a word seen
        more often as a compound's second piece (after a ZWNJ, or glued to a known word) than
        alone: «بهداری» (health care) is «به» (good) + the tail of «خانه‌داری». None
        otherwise.
        """
        if not key.startswith(BY) or len(key) - len(BY) < BY_WORD_MIN:
            return None
        lex = self.lexicon
        if key in lex.given_names:
            return None  # «بهداد», «بهناز»: a name, not «به» + «داد»
        word = key[len(BY) :]
        seen = lex.word_count.get(word, 0)
        if (
            seen < MIN_STEM_COUNT
            or not lex.pair_count(BY, word)
            or lex.after_word_count.get(word, 0) + self._glued_tail_count(word) > seen
        ):
            return None
        return BY + ZWNJ + (lex.best_form(word) or word)

    def _letter_name_acronym(self, key: str) -> str | None:
        """``انپیتی`` → ``ان‌پی‌تی``, ``سیبیاساس`` → ``سی‌بی‌اس‌اس``: a glued word the lexicon
        does not know that spells ``MIN_ACRONYM_LETTERS`` or more Latin letter names
        (``ACRONYM_LETTERS``) in exactly one way is an acronym, written with a ZWNJ between the
        names (after «آر» the ZWNJ does nothing and is not scored), and a plural ending after
        a ZWNJ (``ویپیانها`` → ``وی‌پی‌ان‌ها``, as TRAIN writes «ال‌ان‌بی‌ها», «سی‌دی‌های»:
        ``ACRONYM_PLURALS``). Not a known word plus an
        ending (``ACRONYM_WORD_ENDINGS``: «ویدیوی», «پیانوی», «امامان» spell letter names too),
        nor a head plus a known word (``ACRONYM_WORD_HEADS``: «الامام», «بیاساس»), nor «اس»
        before a name that opens with a consonant (``ACRONYM_CLUSTER_HEAD``: «استیسی», «اسپیسی»
        are Stacy and Spacey), nor a word that ends in «وی» or «ای» (``ACRONYM_NOT_LAST``: a
        word in «و» or «ا» and the ezafe). None otherwise.
        """
        if key[:2] not in _ACRONYM_OPENINGS:
            return None  # most words: one slice and one look-up
        stem, ending = key, ""
        if key.endswith(ACRONYM_PLURALS):
            for plural in ACRONYM_PLURALS:
                if key.endswith(plural):
                    stem, ending = key[: -len(plural)], ZWNJ + plural
                    break
        if _ACRONYM_RE.fullmatch(stem) is None:
            return None
        names = _letter_names(stem)
        if names is None or len(names) < MIN_ACRONYM_LETTERS:
            return None
        if names[0] == ACRONYM_CLUSTER_HEAD and names[1][0] not in ACRONYM_VOWEL_LETTERS:
            return None
        if names[-1] in ACRONYM_NOT_LAST:
            return None
        for end in ACRONYM_WORD_ENDINGS:
            if stem.endswith(end) and self._spelled_as_word(stem[: -len(end)]):
                return None
        for start in ACRONYM_WORD_HEADS:
            if stem.startswith(start) and self._spelled_as_word(stem[len(start) :]):
                return None
        return ZWNJ.join(names) + ending

    def _weekday_and_part(self, key: str) -> str | None:
        """``یکشنبهشب`` → ``یکشنبه‌شب``, ``سهشنبهشب`` → ``سه‌شنبه‌شب``: a day of the week
        (``WEEKDAYS``) glued to a part of the day (``DAY_PARTS``), the day in the lexicon's
        spelling and a ZWNJ before the part; None for any other word.
        """
        if WEEKDAY_MARKS[0] not in key and WEEKDAY_MARKS[1] not in key:
            return None  # most words: two substring tests
        for part in DAY_PARTS:
            day = key[: -len(part)]
            if key.endswith(part) and day in WEEKDAYS:
                return (self.lexicon.best_form(day) or day) + ZWNJ + part
        return None

    def _spelled_as_word(self, key: str) -> bool:
        """Whether the lexicon knows ``key`` as one word (a pair written apart, «سی آی», is
        not one) or the web list has it."""
        forms = self.lexicon.forms.get(key)
        if forms is not None:
            for form in forms:
                if " " not in form:
                    return True
        return key in self.lexicon.web_glued

    def _with_madda_seams(self, key: str, best: str | None) -> str | None:
        """``best`` (the spelling chosen for the unknown glued word ``key``; None: none)
        with a ZWNJ added before each «آ» that follows a joining letter (``MADDA``): a word
        starts there (``لوازمآرایشی`` → ``لوازم‌آرایشی``, ``همآوا`` → ``هم‌آوا``), and the
        cuts already chosen stay (``بتنآرمهای`` → ``بتن‌آرمه‌ای``). None when ``best`` is
        None and no seam is added.

        Only where the letters before, back to the word's start or the «آ» before, are a
        word seen ``MIN_STEM_COUNT`` times, of ``MIN_COMPOUND_PIECE`` letters or one of
        ``MADDA_SHORT_HEADS`` (not «سو» + «آلات», a misspelt «سؤالات»), and ``MIN_COMPOUND_PIECE``
        letters follow (not «منش» + «آت»). Not after a given name (the surname policy keeps
        «حسینآبادی» as written, :meth:`_given_name_compound`), nor after the Arabic article
        «ال» (``بالآخره`` is a spelling of «بالاخره»), nor inside «مآب» (``MADDA_SUFFIX_HEAD``).
        """
        out = key if best is None else best
        lex = self.lexicon
        start = 0
        k = key.find(MADDA, MIN_PIECE)
        while k >= 0:
            head = key[start:k]
            if (
                key[k - 1] in JOINING
                and (len(head) >= MIN_COMPOUND_PIECE or head in MADDA_SHORT_HEADS)
                and len(key) - k >= MIN_COMPOUND_PIECE
                and not head.endswith(ARTICLE)
                and lex.word_count.get(head, 0) >= MIN_STEM_COUNT
                and head not in lex.given_names
                and not (
                    head.endswith(MADDA_SUFFIX_HEAD[0]) and key.startswith(MADDA_SUFFIX_HEAD[1], k)
                )
            ):
                out = _with_zwnj_before(out, k)
            start = k
            k = key.find(MADDA, k + 1)
        return out if best is not None or out != key else None

    def _unknown_word_form(self, key: str) -> str | None:
        """How a glued word the lexicon does not know is written, by morphology: the ezafe
        ``ی``, the segmenter, the Arabic article, known words one after another, a comparative
        after «ه», or a phrase that lost its spaces; None if none applies."""
        best = (
            self._ezafe_ye(key)
            or self._segment(key)
            or self._arabic_article(key)
            or self._word_by_word(key)
            or self._heh_comparative(key)
        )
        if best is None:
            return self._phrase(key)
        if ZWNJ in best:
            return (
                self._word_and_ending(key, best)
                or self._protected_over_cut(key)
                or self._participle_and_ending(best)
                or best
            )
        return best

    def _tied_suffix_form(self, key: str) -> str | None:
        """The spelling of ``key`` with one ZWNJ before a bound suffix when the lexicon saw it
        exactly as often as ``key`` glued, and the suffix takes a ZWNJ after such a stem in
        most word types (its learned share, at least ``MIN_SUFFIX_SHARE``): the word's own
        counts are even, so the suffix's decide (``مدتهاست`` → ``مدت‌هاست``, 1 : 1 in TRAIN;
        ``مناسبتر`` → ``مناسب‌تر``). Not for a stem under ``MIN_COMPOUND_PIECE`` letters
        (``بهشان``), nor for «ای» after «ه», where the glued spelling is another word, a
        plural after a letter that never joins (``قوهای``, swans, not ``قوه‌ای``, a power;
        ``روزهایم``, my days), nor a word an exception or house spelling decides; None
        otherwise.
        """
        lex = self.lexicon
        forms = lex.forms.get(key)
        if forms is None or len(forms) < 2 or key in lex.forced or key in lex.spellings:
            return None
        glued = forms.get(key, 0)
        for form, n in forms.items():
            if n != glued or form == key or " " in form or form.count(ZWNJ) != 1:
                continue
            stem, _, suffix = form.partition(ZWNJ)
            if (
                len(stem) >= MIN_COMPOUND_PIECE
                and suffix in lex.bound_suffixes
                and not (stem[-1] == "ه" and suffix.startswith(_HEH_YE))
                and lex.suffix_share(suffix, stem) >= MIN_SUFFIX_SHARE
            ):
                return form
        return None

    def _phrase(self, tok: str) -> str | None:
        """``بهاینترتیب`` → ``به‌این‌ترتیب``, ``پسازآنکه`` → ``پس‌از‌آنکه``: a word the lexicon
        never saw glued, made of up to ``PHRASE_MAX_WORDS`` known words of which every two
        neighbours were seen written apart ``PHRASE_PAIR_COUNT`` times and no less often than
        chance (a phrase that lost its spaces or ZWNJs), longest first word first; two
        neighbours the lexicon writes as one glued word stay one (``با‌وجود‌اینکه``, not
        ``...این‌که``). None if there is no such split, or it is two words shorter than
        ``MIN_COMPOUND_PIECE`` (``کسبه``).
        """
        if len(tok) < MIN_SPLIT_WORD:
            return None
        words = self._phrase_words(tok, 0, "", 1)
        if words is None or (len(words) == 2 and max(map(len, words)) < MIN_COMPOUND_PIECE):
            return None
        lex = self.lexicon
        kept = [words[0]]
        for word in words[1:]:
            whole = kept[-1] + word
            if lex.glued_count(whole) and lex.best_form(whole) == whole:
                kept[-1] = whole  # «این» + «که» is «اینکه»
            else:
                kept.append(word)
        return ZWNJ.join(kept) if len(kept) > 1 else None

    def _phrase_words(self, tok: str, start: int, prev: str, depth: int) -> list[str] | None:
        """The words of ``tok[start:]`` for :meth:`_phrase`, after the word ``prev`` (empty
        at the start, where the rest may not be one word), or None."""
        lex = self.lexicon
        word_count, n = lex.word_count, len(tok)
        # at the start the whole word is no phrase: its first word ends before the last letter
        for end in range(n if prev else n - 1, start + MIN_PIECE - 1, -1):
            word = tok[start:end]
            seen = word_count.get(word, 0)
            if seen < MIN_STEM_COUNT or (
                end - start < MIN_COMPOUND_PIECE and seen < PHRASE_SHORT_WORD_COUNT
            ):
                continue
            if prev:
                together = lex.pair_count(prev, word)
                if (
                    together < PHRASE_PAIR_COUNT
                    or together * lex.total < PHRASE_MIN_LIFT * word_count.get(prev, 0) * seen
                ):
                    continue
            if end == n:
                return [word]
            if depth < PHRASE_MAX_WORDS:
                rest = self._phrase_words(tok, end, word, depth + 1)
                if rest is not None:
                    return [word, *rest]
        return None

    def _arabic_article(self, tok: str) -> str | None:
        """``معلومالحال`` → ``معلوم‌الحال``: an Arabic phrase of a known word and a word with
        the article «ال» (:meth:`_article_word`), written as one Persian word; the word before
        may be such a phrase too (``آیتاللهالعظمی`` → ``آیت‌الله‌العظمی``). None if there is no
        such split (``غربالگری``: ``گری`` is no Arabic word)."""
        lex = self.lexicon
        at = tok.rfind(ARTICLE, MIN_PIECE)
        while at > 0:
            head, rest = tok[:at], tok[at + len(ARTICLE) :]
            if head[-1] in JOINING and self._article_word(rest):
                head_form = lex.best_form(head)
                if head_form is None:
                    head_form = self._arabic_article(head)
                elif head_form == head and lex.word_count.get(head, 0) < MIN_STEM_COUNT:
                    head_form = None
                if head_form is not None:
                    return head_form + ZWNJ + ARTICLE + rest
            at = tok.rfind(ARTICLE, MIN_PIECE, at)
        return None

    def _word_by_word(self, tok: str) -> str | None:
        """``لحظهبهلحظه`` → ``لحظه‌به‌لحظه``: a known word, «به», and the same word again
        (moment by moment, year by year), written as one word; None for any other word."""
        half, odd = divmod(len(tok) - len(BY), 2)
        if odd or half < MIN_PIECE:
            return None
        word = tok[:half]
        if (
            tok[half : half + len(BY)] != BY
            or tok[half + len(BY) :] != word
            or self.lexicon.word_count.get(word, 0) < MIN_STEM_COUNT
        ):
            return None
        return word + ZWNJ + BY + ZWNJ + word

    def _heh_comparative(self, tok: str) -> str | None:
        """``شکنندهتر`` → ``شکننده‌تر``, ``مسئولانهترین`` → ``مسئولانه‌ترین``: an unknown word
        of ``MIN_HEH_COMPARATIVE`` letters or more ending in a silent ``ه`` (an adjective or
        adverb in ``ـنده``, ``ـانه``, ``ـیده``...) plus a comparative ending, which takes its
        ZWNJ after the ``ه``; the word before keeps the lexicon's or the segmenter's ZWNJs
        (``بیادبانهتر`` → ``بی‌ادبانه‌تر``). None for any other word."""
        for ending in COMPARATIVE_ENDINGS:
            stem = tok[: -len(ending)]
            if (
                tok.endswith(ending)
                and len(stem) >= MIN_HEH_COMPARATIVE
                and _ends_in_silent_heh(stem)
            ):
                head = self.lexicon.best_form(stem) or self._segment(stem) or stem
                return head + ZWNJ + ending
        return None

    def _article_word(self, rest: str) -> bool:
        """Whether ``rest`` may follow the article «ال» in an Arabic phrase: a word of
        ``MIN_ARTICLE_WORD`` letters or more with no letter Arabic does not write, seen
        ``MIN_STEM_COUNT`` times alone (``حال``) or with the article (``العظمی``)."""
        word_count = self.lexicon.word_count
        return (
            len(rest) >= MIN_ARTICLE_WORD
            and not _PERSIAN_ONLY_RE.search(rest)
            and (
                word_count.get(rest, 0) >= MIN_STEM_COUNT
                or word_count.get(ARTICLE + rest, 0) >= MIN_STEM_COUNT
            )
        )

    def _word_and_ending(self, key: str, split: str) -> str | None:
        """A known word plus an ending written glued to it, rather than ``split``, a cut
        inside that word: ``ریشتری`` is ``ریشتر`` (Richter) + ``ی``, not ``ریش‌تری``;
        ``سنتوری`` is ``سنتور`` + ``ی``, not ``سنت‌وری``; ``راهنماییم`` is ``راهنمایی`` + ``م``.

        Only when the word was seen glued ``SOLID_WORD_COUNT`` times (or an exception or user
        entry keeps it glued: ``توییتری`` is ``توییتر`` + ``ی``), every seam of ``split``
        falls inside it, and ``split`` does not start with a verbal prefix (``میدانند`` is
        ``می‌دانند``, not ``میدان`` + ``ند``). Returns the word as the lexicon writes it plus
        the ending, or None.
        """
        lex = self.lexicon
        if split.partition(ZWNJ)[0] in lex.verbal_prefixes:
            return None
        seams = zwnj_offsets(split)
        for ending in SOLID_ENDINGS:
            word = key[: -len(ending)]
            if (
                key.endswith(ending)
                and word
                and not _ends_in_silent_heh(word)
                and all(k < len(word) for k in seams)
                and (lex.glued_count(word) >= SOLID_WORD_COUNT or lex.forced.get(word) == word)
            ):
                return (lex.best_form(word) or word) + ending
        return None

    def _participle_and_ending(self, best: str) -> str | None:
        """``best`` (a glued word's split) with a plural ending after a past stem read as the
        past participle + ending instead (:data:`_PARTICIPLE_ENDINGS`): ``فروخت‌هاست`` →
        ``فروخته‌است``, ``پرداخت‌هایم`` → ``پرداخته‌ایم``. The stem is one the lexicon saw after
        «می» as a whole verb form (``می‌فروخت``: a past stem, not a present one such as
        «بند» of ``می‌بندد``) and whose participle it saw as a word ``MIN_STEM_COUNT`` times.
        A noun that is also a past stem keeps its plural where the lexicon knows the word
        (``نشست‌ها``): this is only for splits of words it never saw. None if it does not
        apply."""
        head, sep, ending = best.rpartition(ZWNJ)
        if not sep or ending not in _PARTICIPLE_ENDINGS:
            return None
        stem = head.rpartition(ZWNJ)[2]
        lex = self.lexicon
        if (
            stem[-1:] in _PAST_STEM_LAST
            and stem in lex.verb_remainders
            and lex.word_count.get(stem + "ه", 0) >= MIN_STEM_COUNT
        ):
            return head + "ه" + ZWNJ + ending[1:]
        return None

    def _spelling_and_ending(self, key: str) -> str | None:
        """A word of the house spellings (``zwnj_spellings.txt``) plus an ending, spelled as
        the word is (:func:`protected_forms`, made once): ``بیتکوینها`` → ``بیت‌کوین‌ها``
        (not ``بی‌تکوین‌ها``), ``بیتکوینی`` → ``بیت‌کوینی``. Asked only of words the lexicon
        does not know (a known one keeps its own spelling), before the morphology; None if it
        does not apply."""
        form = self._protected_forms.get(key)
        return form if isinstance(form, str) else None

    def _protected_over_cut(self, key: str) -> str | None:
        """A word an exception or user entry keeps glued, or a web word, plus an ending, where
        the morphology cut the word itself: the word stays whole (:func:`protected_forms`,
        made once): ``توییترها`` is ``توییتر‌ها``, not ``تویی‌ترها``; ``دومینوهای`` is
        ``دومینو‌های``, not ``دومی‌نوه‌ای``; ``دومینویی`` stays glued. None if it does not
        apply."""
        at = self._protected_forms.get(key)
        if not isinstance(at, int):
            return None
        return key if at == len(key) else key[:at] + ZWNJ + key[at:]

    def _head_form(self, head: str, after: str) -> str:
        """How the first piece of a split glued word is written: its lexicon spelling, but
        glued before a plural ending if the lexicon writes it glued too, since a verb takes
        no plural: ``میدانیها`` is ``میدانی‌ها`` (field ones), not ``می‌دانی‌ها``; and
        ``ه`` + ``ای`` before a comparative when the lexicon has that spelling too, since a
        plural takes no comparative: ``حرفهایتر`` is ``حرفه‌ای‌تر``, not ``حرف‌های‌تر``.
        """
        form = self.lexicon.best_form(head) or head
        if (
            after in PLURAL_ENDINGS
            and ZWNJ in form
            and self._prefix_seams(head, tuple(zwnj_offsets(form)))
            and self.lexicon.glued_count(head) >= WHOLE_WORD_COUNT
        ):
            return head
        if after in COMPARATIVE_ENDINGS and form.endswith(_ZWNJ_PLURAL_EZAFE):
            # a plural has no comparative: «حرفهای|تر» is «حرفه‌ای‌تر», not «حرف‌های‌تر»
            heh_form = head[: -len(_HEH_YE)] + ZWNJ + _HEH_YE
            if self.lexicon.forms.get(head, {}).get(heh_form):
                return heh_form
        return form

    def _noun_and_ye(self, key: str, best: str) -> bool:
        """Whether ``key``, which the lexicon writes as a verb (``می‌گوی``), is rather a
        word it writes glued plus the ezafe or indefinite ``ی`` (``میگو``, shrimp, + ``ی``):
        the lexicon never saw ``key`` glued, saw its base glued at least ``WHOLE_WORD_COUNT``
        times, never split, and more often than the verb form.
        """
        lex = self.lexicon
        base = key[:-1]
        return (
            key.endswith(EZAFE_YE)
            and lex.glued_count(key) == 0
            and bool(self._prefix_seams(key, tuple(zwnj_offsets(best))))
            and lex.glued_count(base) >= WHOLE_WORD_COUNT
            and lex.best_form(base) == base
            and lex.glued_count(base) > lex.forms[key].get(best, 0)
        )

    def _ezafe_ye(self, tok: str) -> str | None:
        """``همهی`` → ``همه‌ی``: the ezafe ``ی`` after a silent ``ه`` (the written form of ``ۀ``
        that PEYMA and the Academy use), when the word before it is well known, or unseen but
        ending in a suffix (:data:`SILENT_HEH_SUFFIXES`: ``مجرمانهی``) or a known word
        (``جفاکردهی``) whose «ه» is silent, unless it may be a word + «دهی» (giving).

        The ``ه`` after ``ا``/``و`` (``راه``, ``کوه``) or in ``الله`` is a consonant, and the
        ``ی`` after it is a suffix written glued (``راهی``); known words (``توجهی``) never get
        here, :meth:`Lexicon.best_form` decides them.
        """
        stem = tok[:-1]
        if not tok.endswith(EZAFE_YE):
            return None
        if not _ends_in_silent_heh(stem) and not self._silent_after_waw(stem):
            return None
        if self.lexicon.word_count.get(stem, 0) >= EZAFE_STEM_COUNT or self._known_tail(stem):
            return stem + ZWNJ + "ی"
        if (
            len(stem) >= MIN_SUFFIXED_HEH
            and (stem.endswith(SILENT_HEH_SUFFIXES) or self._ends_in_silent_heh_word(stem))
            and not self._word_and_giving(tok)
        ):
            # «توفندهی» → «توفنده‌ی»; an unseen compound is split as any other
            return (self._segment(stem) or stem) + ZWNJ + "ی"
        return None

    def _silent_after_waw(self, stem: str) -> bool:
        """Whether the «ه» after «و» that ends ``stem`` is silent, as in ``شیوه``, ``نحوه``,
        ``میوه`` (not spoken, as in ``گروه``, ``کوه``, ``اندوه``): the lexicon saw ``stem``
        with «ای» after a ZWNJ (``شیوه‌ای``), which no spoken «ه» takes, and never glued to
        «ی» (``گروهی``). Its letters cannot tell: «یاوه» and «اندوه» end alike."""
        lex = self.lexicon
        return (
            stem.endswith("وه")
            and lex.heh_ye_count(stem) > 0
            and not lex.glued_count(stem + EZAFE_YE)
        )

    def _ends_in_silent_heh_word(self, stem: str) -> bool:
        """Whether unseen ``stem`` ends in a word in a silent «ه» of more than
        ``MIN_COMPOUND_PIECE`` letters, seen ``EZAFE_STEM_COUNT`` times and never glued to a
        «ی» (which a spoken «ه» is: ``توجهی``, ``فقهی``): ``جفاکرده`` («کرده»), ``بهاندازه``
        («اندازه»), ``بهبودیافته`` («یافته»). Three-letter words are left out: «رده» ends the
        village name «اولردهی»."""
        lex = self.lexicon
        for k in range(1, len(stem) - MIN_COMPOUND_PIECE):
            word = stem[k:]
            if lex.word_count.get(word, 0) >= EZAFE_STEM_COUNT and not lex.glued_count(word + "ی"):
                return True
        return False

    def _word_and_giving(self, tok: str) -> bool:
        """Whether ``tok`` may be a word + «دهی» (giving), which its letters before «دهی» end
        in a word the lexicon knows, of ``MIN_COMPOUND_PIECE`` letters or more:
        ``بازسازماندهی`` (re-organising: «سازمان»), ``سکاندهی`` («سکان»), ``آگاهیدهی``; not
        after «دهن» (mouth), which is the agent «دهنده» (giver: ``توسعهدهندهی``)."""
        if not tok.endswith("دهی"):
            return False
        head = tok[:-3]
        if head.endswith("دهن"):
            return False
        counts = self.lexicon.word_count
        return any(
            counts.get(head[k:], 0) >= MIN_STEM_COUNT
            for k in range(len(head) - MIN_COMPOUND_PIECE + 1)
        )

    def _known_tail(self, stem: str) -> bool:
        """Whether ``stem`` is a compound's second word the lexicon saw after a ZWNJ
        ``MIN_COMPOUND_RIGHT`` times, though seldom alone, and is longer than
        ``MIN_COMPOUND_PIECE`` letters: ``دهنده`` (``ارائه‌دهنده``), ``کننده``, whose ezafe
        ``ی`` takes a ZWNJ as after any silent ``ه`` (``دهندهی`` → ``دهنده‌ی``, not
        ``دهن‌دهی``)."""
        return (
            len(stem) > MIN_COMPOUND_PIECE
            and self.lexicon.after_word_count.get(stem, 0) >= MIN_COMPOUND_RIGHT
        )

    def _segment(self, tok: str) -> str | None:
        """Split an unknown glued word into known pieces, fewest pieces first.

        The first piece is a known word (``خشونت``) or a verbal prefix (``می``). After a
        prefix comes a verb remainder (``اندازد`` in ``میاندازد``). After a word come bound
        suffixes (``ها``, ``ترین``), the second piece of a known compound (``وزیران`` in
        ``نخستوزیران``), or a word seen written apart from it (``محیط زیست`` makes
        ``محیطزیست`` → ``محیط‌زیست``). Returns the word with ZWNJs at the chosen seams, ``tok``
        itself when it reads whole (``پیشرفتمان``: a word and a glued ending), or None when no
        split is safe (``میروسلاو``).
        """
        if len(tok) < MIN_SPLIT_WORD:
            return None
        lex = self.lexicon
        # After a word, suffix or verb, a piece can only follow if it is one of these (or
        # «و», or an inflected form of one of them): a cheap test before _next_piece.
        bound, word_count, after_word_count = (
            lex.bound_suffixes,
            lex.word_count,
            lex.after_word_count,
        )
        known, heads, prefixes = self._segment_pieces, self._segment_heads, lex.verbal_prefixes
        weights = self._log_weights
        if len(weights) > CACHE_LIMIT:
            weights.clear()
        n = len(tok)
        # best[i]: (pieces, cost, seams, kind, start of the last piece, weight of the rarest
        # word piece) for tok[:i]
        best: dict[int, tuple[float, float, tuple[int, ...], str, int, float]] = {}
        for i in range(MIN_PIECE, n - 1):
            head = tok[:i]
            if head in prefixes:
                kind = "prefix"
            elif head in heads:  # seen MIN_STEM_COUNT times as a word or left of a ZWNJ
                kind = "word"
            else:
                continue
            weight = weights.get(head)
            if weight is None:
                weight = weights[head] = lex.log_weight(head)
            best[i] = (1.0, -weight, (), kind, 0, weight if kind == "word" else _NO_STEM)
        for i in range(MIN_PIECE, n):
            state = best.get(i)
            if state is None:
                continue
            pieces, cost, seams, kind, last, rarest = state
            prev, stem = tok[last:i], tok[:i]
            for j in range(i + 1, n + 1):
                piece = tok[i:j]
                if kind == "prefix":
                    if j - i < MIN_PIECE:
                        continue  # _next_piece would say None
                elif piece not in known and (
                    (kind != "word" and kind != "conj")
                    or (piece != "و" and not (j - i > 4 and piece.endswith(_GLUED_INFLECTIONS)))
                ):
                    continue  # the test below, in one look-up for most pieces
                elif piece not in bound:
                    if kind != "word" and kind != "conj":
                        continue  # after a suffix or verb only bound suffixes follow
                    if piece != "و" and (
                        j - i < MIN_PIECE
                        or (
                            piece not in word_count
                            and piece not in after_word_count
                            and not (j - i > 4 and piece.endswith(_GLUED_INFLECTIONS))
                        )
                    ):
                        continue  # _next_piece would say None
                # a direct call: a bound method kept in a local is called through the
                # generic protocol in compiled code
                nkind = self._next_piece(kind, prev, piece, stem)
                if nkind is None:
                    continue
                extra = _EXTRA_PIECES.get(nkind, 0.0)
                if nkind == "words":
                    nkind = "word"
                weight = weights.get(piece)
                if weight is None:
                    weight = weights[piece] = lex.log_weight(piece)
                low = weight if nkind == "word" and weight < rarest else rarest
                cand = (pieces + 1 + extra, cost - weight, seams + (i,), nkind, i, low)
                held = best.get(j)
                if held is None or self._better_cut(cand, held):
                    best[j] = cand
        final = best.get(n)
        if final is None or not final[2] or final[3] == "conj":  # «دهو» is not «ده|و»
            return self._unknown_stem(tok)
        if self._cuts_loan_ending(tok, final[2]):
            return self._unknown_stem(tok)  # «پستینگ‌های», not «پستی‌نگه‌ای»
        # a word that reads whole is returned as written, so no later fallback cuts it
        if self._glued_and_inside(tok, final[2]) and self._word_and_glued_suffix(tok):
            return tok  # «امورمان» is «امور» + «مان», not «ام|و|رمان»
        if self._glued_word_and_clitic(tok):
            return tok  # «پیشرفتمان» is «پیشرفت» + «مان», not «پیش|رفتمان»
        # «پاس|گاه» is one word, and no other cut is looked for («کمین|گاه» is not «کمی|نگاه»)
        seams = self._without_glued_tails(tok, final[2])
        if not seams:
            return None
        if self._given_name_compound(tok, seams):
            return tok  # «علیدوستی», «علیپور»: a surname glued as its writer wrote it
        agent = self._past_stem_ar(tok)
        if agent and seams[0] < agent:
            # «شنیداری» is «شنیدار» + «ی» (auditory), not «شنی‌داری»: no cut inside it
            seams = tuple(k for k in seams if k >= agent)
            if not seams:
                return tok
        if len(seams) < len(final[2]) and self._merged_non_word(tok, seams, final[2]):
            return tok  # «پرتابگرهای» as written, not «پرتابگره‌ای»
        head = tok[: seams[0]]
        after = tok[seams[0] : seams[1] if len(seams) > 1 else n]
        head_form = self._head_form(head, after)
        out = head_form + tok[len(head) :]
        for k in reversed(seams):
            k += head_form.count(ZWNJ)
            out = out[:k] + ZWNJ + out[k:]
        return self._with_piece_forms(out)

    def _past_stem_ar(self, tok: str) -> int:
        """The length of the noun ``tok`` opens with if it is a past stem + «ار» (``شنیدار``,
        the hearing; as ``گفتار``, ``رفتار``, ``دیدار``, ``خریدار``, ``ساختار``: one word,
        never cut inside), else 0. The stem is a verb stem of the lexicon in «د» or «ت» that
        it saw after «می» as a whole verb form (``می‌شنید``) and whose participle it saw as a
        word ``MIN_STEM_COUNT`` times (``شنیده``), as in :meth:`_participle_and_ending`: a
        present form in «د» is no past stem (``دهداری``, a surname, is not «دهد» + «اری»). At
        least three letters (``زد`` + «ار» is no such noun)."""
        k = tok.find(_AGENT_AR, MIN_PAST_STEM_AR)
        while k > 0:
            stem = tok[:k]
            lex = self.lexicon
            if (
                stem[-1] in _PAST_STEM_LAST
                and stem in lex.verb_stems
                and stem in lex.verb_remainders
                and lex.word_count.get(stem + "ه", 0) >= MIN_STEM_COUNT
            ):
                return k + len(_AGENT_AR)
            k = tok.find(_AGENT_AR, k + 1)
        return 0

    def _cuts_loan_ending(self, tok: str, seams: tuple[int, ...]) -> bool:
        """Whether a seam falls inside a loanword's ending (``LOAN_ENDINGS``: «ینگ», «یسم»)
        that ends ``tok`` or is followed only by a bound suffix: ``پستی|نگه|ای`` cuts
        «پستینگ» (posting) + «های», ``فمینی|سم`` «فمینیسم». A Persian word has these letters
        across a seam only before more of its stem (``می‌نگرد``, ``سطحی‌نگری``, ``مین‌گذاری``,
        ``این‌گونه``; the lexicon writes no ZWNJ inside a final «ینگ» or «یسم»)."""
        for end in LOAN_ENDINGS:
            k = tok.rfind(end)
            if k < MIN_PIECE:
                continue
            rest = tok[k + len(end) :]
            if rest and rest not in self.lexicon.bound_suffixes:
                continue
            if any(k < s < k + len(end) for s in seams):
                return True
        return False

    @staticmethod
    def _better_cut(
        cand: tuple[float, float, tuple[int, ...], str, int, float],
        held: tuple[float, float, tuple[int, ...], str, int, float],
    ) -> bool:
        """Whether the segmentation ``cand`` of a word's first letters beats ``held`` (states
        of :meth:`_segment`): fewer pieces; with as many, the more frequent pieces (the sum of
        their log weights), unless the sums are within ``NEAR_TIE`` of each other: then the one
        whose rarest word piece (no suffix, no prefix) was seen more often, as a cut is only
        as good as its weakest word, when one of them holds a rare word (``RARE_PIECE``).
        ``بی|نقار|های`` (نقار seen 2 times) and ``بین|قاره|ای`` (قاره 9) sum to 16.34 and
        16.33: «بین‌قاره‌ای» (intercontinental), not «بی‌نقارهای». Only between cuts that
        differ before their last seam: whether a «ه» ends the stem or opens «های»
        (``صوفی|های`` or ``صوفیه|ای``, ``شوک|های`` or ``شوکه|ای``) is the business of the
        plural-or-«ه‌ای» tests and the line's context (:meth:`_plural_and_heh_ye`).
        """
        if cand[0] != held[0]:
            return cand[0] < held[0]
        if (
            cand[5] != held[5]
            and min(cand[5], held[5]) < RARE_PIECE
            and abs(cand[1] - held[1]) < NEAR_TIE
            and cand[2][:-1] != held[2][:-1]
        ):
            return cand[5] > held[5]
        return cand[1] < held[1]

    def _given_name_compound(self, tok: str, seams: tuple[int, ...]) -> bool:
        """Whether ``tok``, cut at ``seams``, is a given name (:attr:`Lexicon.given_names`)
        and one more piece that is no affix: a surname or compound name the lexicon never saw
        (``علی|دوستی``, ``علی|پور``, ``محمدعلی|پور``, ``حسین|آبادی``), which keeps its
        writer's glued spelling. The surname policy: writers and the treebanks write such
        names both ways (the crawled news glues «علیزاده» six times and writes «عباس‌زاده»
        three times with a ZWNJ; TRAIN has «علی‌آبادی» and «اسدآبادی»), so a glued one is
        not cut, a ZWNJ one is kept, and only a space inside one becomes a ZWNJ
        (``SURNAME_TAILS``: ``حسین زاده`` → ``حسین‌زاده``). A plural, comparative or personal
        ending is still cut off a name (``علی‌ها``), and a word of three pieces or more is
        not a name by this test (``علی‌ابن‌ابی‌طالب``). A word cut only before «پور» (:data:`SON`)
        is a surname or a place whatever its first piece (``غلامپور``, ``خادمپور``: «غلام»
        and «خادم» are no given names; ``کانپور``), and is kept as written too, unless the
        first piece ends in «ی»: ``قاسمی‌پور``, ``حاجی‌پور`` take the ZWNJ (see :data:`SON`)."""
        if len(seams) != 1:
            return False
        rest = tok[seams[0] :]
        if rest == SON and tok[seams[0] - 1] != EZAFE_YE:
            return True  # «غلامپور», «خادمپور», «کانپور»: «پور» ends a surname or a place
        if tok[: seams[0]] not in self.lexicon.given_names:
            return False
        return not (rest in PLURAL_ENDINGS or rest in COMPARATIVE_ENDINGS or rest in PERSON_ENDINGS)

    def _merged_non_word(self, tok: str, seams: tuple[int, ...], found: tuple[int, ...]) -> bool:
        """Whether ``tok``, cut at ``seams`` (what is left of the segmentation's ``found``
        seams once glued tails merged pieces, :meth:`_without_glued_tails`), ends in «ای» cut
        off a word the lexicon never saw, whose «ه» ends a merged piece the lexicon wrote with
        «‌ای» under ``MIN_STEM_COUNT`` times: the cut was chosen for pieces that merged, and
        the «ه» may as well open a plural «های». ``پرتاب|گره|ای`` kept ``پرتابگره|ای``, but
        ``پرتابگره`` is no word (``پرتابگر‌های``, the plural of ``پرتابگر``; «گره‌ای» once):
        the word is left as written. ``درویش|خانه|ای`` keeps ``درویشخانه‌ای`` («خانه‌ای» 14
        times), ``بازداشتگاه|ها`` its cut before «ها».
        """
        last = seams[-1]
        if tok[last:] != _HEH_YE or tok[last - 1] != "ه":
            return False
        forms = self.lexicon.forms
        start = seams[-2] if len(seams) > 1 else 0
        if tok[start:last] in forms:
            return False
        piece = tok[max(k for k in (start, *found) if k < last) : last]  # «گره»
        written = forms.get(piece + _HEH_YE)
        return not written or written.get(piece + ZWNJ + _HEH_YE, 0) < MIN_STEM_COUNT

    def _glued_and_inside(self, tok: str, seams: tuple[int, ...]) -> bool:
        """Whether the segmentation ``seams`` of ``tok`` reads a glued «و» (a conjunction)
        inside it: a seam before «و» and one right after it (``ام|و|رمان``)."""
        return any(tok[k] == "و" and k + 1 in seams for k in seams)

    def _word_and_glued_suffix(self, tok: str) -> bool:
        """Whether ``tok`` reads as a known word ending in a letter that never joins, then a
        bound suffix (``امور`` + ``مان``): written glued, as it must be, it needs no ZWNJ, and
        that reading beats one with a glued «و» inside (``ام|و|رمان``).
        """
        lex = self.lexicon
        for k in range(MIN_PIECE, len(tok) - 1):
            stem = tok[:k]
            if (
                stem[-1] not in JOINING
                and tok[k:] in lex.bound_suffixes
                and lex.word_count.get(stem, 0) >= MIN_STEM_COUNT
            ):
                return True
        return False

    def _glued_word_and_clitic(self, tok: str) -> bool:
        """Whether ``tok`` is a word the lexicon writes glued (its best spelling, seen
        ``MIN_STEM_COUNT`` times) and a personal ending (:data:`_CLITICS`) that the lexicon
        writes glued after such a stem (its learned share under ``MIN_SUFFIX_SHARE``): the
        word is written as it must be, and no cut inside the stem is looked for
        (``پیشرفتمان``, our progress, not ``پیش‌رفتمان``).
        """
        lex = self.lexicon
        word_count = lex.word_count
        for clitic in _CLITICS:
            if tok.endswith(clitic):
                stem = tok[: -len(clitic)]
                if (
                    len(stem) >= MIN_COMPOUND_PIECE
                    and word_count.get(stem, 0) >= MIN_STEM_COUNT
                    and lex.suffix_share(clitic, stem) < MIN_SUFFIX_SHARE
                    and lex.best_form(stem) == stem
                ):
                    return True
        return False

    def _with_piece_forms(self, split: str) -> str:
        """``split`` (a segmented word, its pieces joined by ZWNJs) with each piece after the
        first written as the lexicon writes it: a piece that is itself a word with a ZWNJ keeps
        it (``دارو|خانهها`` → ``دارو‌خانه‌ها``: ``خانه‌ها`` 16 times; ``قمار|خانههای``)."""
        first, _, rest = split.partition(ZWNJ)
        if not rest:
            return split
        best_form, bound = self.lexicon.best_form, self.lexicon.bound_suffixes
        pieces = [first]
        for piece in rest.split(ZWNJ):
            form = None if piece in bound else best_form(piece)  # («ها» is written as it is)
            pieces.append(form if form and ZWNJ in form and len(form) > len(piece) else piece)
        return ZWNJ.join(pieces)


def joinable_right_words(
    lex: Lexicon, zwnj_forms: list[str] | None = None
) -> dict[str, bool | frozenset[str]]:
    """Words that may join the word before them, and which words those are.

    ``True`` for bound suffixes (``ها`` joins any word) and user-forced tails; for a tail of a
    one-ZWNJ form (``جمهوری`` of ``رئیس‌جمهوری``) the set of heads seen with it, so a pair is
    looked up only when it could be joined. Verb forms after a verbal prefix (``می باشد``) are
    checked separately, so light verbs after nouns (``اعلام کرد``) cost no look-up.
    ``zwnj_forms`` is ``forms_with_zwnj(lex.forms)`` if the caller has it.
    """
    heads: dict[str, set[str]] = {}
    for form in forms_with_zwnj(lex.forms) if zwnj_forms is None else zwnj_forms:
        if form.count(ZWNJ) == 1 and " " not in form:
            head, _, tail = form.partition(ZWNJ)
            if head not in lex.verbal_prefixes:
                heads.setdefault(tail, set()).add(head)
    out: dict[str, bool | frozenset[str]] = {t: frozenset(h) for t, h in heads.items()}
    for word in lex.bound_suffixes:
        out[word] = True
    out[EZAFE_YE] = True  # after a silent ه: «همه ی» (see ZwnjRepairer._joins_by_morphology)
    for entry in lex.forced_apart:
        out[entry.split(" ")[1]] = True
    for form in lex.forced.values():
        if ZWNJ in form:
            out[form.split(ZWNJ)[-1]] = True
    return out


def compound_tails(lex: Lexicon, joinable: dict[str, bool | frozenset[str]]) -> frozenset[str]:
    """Second words of one-ZWNJ forms that join any word in a spaced line: in ``joinable``
    (:func:`joinable_right_words`, whose bound suffixes are ``True`` and decided by their
    learned shares instead) with at least ``COMPOUND_TAIL_HEADS`` first words, and seen as a
    word by themselves at most ``COMPOUND_TAIL_WORD_SHARE`` times per first word.
    """
    word_count = lex.word_count
    return frozenset(
        tail
        for tail, heads in joinable.items()
        if heads is not True
        and heads is not False
        and len(heads) >= COMPOUND_TAIL_HEADS
        and len(tail) >= MIN_PIECE
        and word_count.get(tail, 0) <= COMPOUND_TAIL_WORD_SHARE * len(heads)
    )


def two_letter_tails(
    lex: Lexicon, zwnj_forms: list[str], glued_ends: dict[str, list[str]]
) -> frozenset[str]:
    """Two-letter pieces that end compounds: no bound suffix, written after a ZWNJ behind
    ``TWO_LETTER_TAIL_HEADS`` different first pieces or more (``zwnj_forms``:
    ``forms_with_zwnj(lex.forms)``), and that many at least ``TWO_LETTER_TAIL_RATIO`` times
    the known words (seen ``MIN_STEM_COUNT`` times, in a joining letter) the lexicon writes
    glued before them (``glued_ends``: the glued keys by their last ``TAIL_KEY`` letters,
    ``_tail_index``): a compound's tail, not letters that end words by chance.

    >>> heads = ["آتش", "آسیب", "استرس", "اشتغال", "انرژی", "باران", "تنش", "خطر", "سرطان",
    ...          "شادی", "لذت"]
    >>> counts = {h + "‌زا": 1 for h in heads}
    >>> counts.update({h: 2 for h in heads})
    >>> lex = Lexicon.from_counts(counts)
    >>> sorted(two_letter_tails(lex, forms_with_zwnj(lex.forms), _tail_index(lex.forms, 3)))
    ['زا']
    >>> counts.update({h + "زا": 1 for h in heads[:3]})  # glued after 3 known words: too many
    >>> lex = Lexicon.from_counts(counts)
    >>> sorted(two_letter_tails(lex, forms_with_zwnj(lex.forms), _tail_index(lex.forms, 3)))
    []
    """
    heads: dict[str, set[str]] = {}
    # most ZWNJ forms end in a longer piece: a C-level pass keeps those with a ZWNJ before
    # their last two letters
    seams = map(getitem, zwnj_forms, repeat(_BEFORE_TWO_LETTERS))
    for form in compress(zwnj_forms, map(eq, seams, repeat(ZWNJ))):
        head = form[: -MIN_PIECE - 1]
        if len(head) >= MIN_PIECE and ZWNJ not in head and " " not in head:
            heads.setdefault(form[-MIN_PIECE:], set()).add(head)
    glued: dict[str, int] = {
        tail: 0
        for tail, seen in heads.items()
        if len(seen) >= TWO_LETTER_TAIL_HEADS and tail not in lex.bound_suffixes
    }
    word_count = lex.word_count
    for tail in glued:
        # the glued keys ending in the tail after a joining letter, by the index's buckets
        for letter in JOINING:
            for key in glued_ends.get(letter + tail, ()):
                head = key[:-MIN_PIECE]
                if len(head) >= MIN_PIECE and word_count.get(head, 0) >= MIN_STEM_COUNT:
                    glued[tail] += 1
    return frozenset(
        tail
        for tail, n in glued.items()
        if len(heads[tail]) >= TWO_LETTER_TAIL_RATIO * max(n, 1)
    )


def rare_compound_tails(
    lex: Lexicon, joinable: dict[str, bool | frozenset[str]]
) -> frozenset[str]:
    """Second words of one-ZWNJ forms that join a known word in a line whose ZWNJs became
    spaces, besides :func:`compound_tails`: in ``joinable`` (:func:`joinable_right_words`,
    called before the compound tails are marked ``True`` in it) with ``RARE_TAIL_HEADS`` to
    ``COMPOUND_TAIL_HEADS`` first words, of ``MIN_COMPOUND_PIECE`` letters or more (``گون`` of
    ``سیم‌گون``, ``فیروزه‌گون``; ``بوک`` of ``فیس‌بوک``, ``نت‌بوک``), never seen as a
    word by themselves, not opening with the Arabic article (``الدوله`` ends names), and no
    adjective made of an infinitive (``نشدنی``, impossible: it stands alone as a predicate).

    >>> lex = Lexicon.from_counts({"سنت\u200cگرای": 1, "اصول\u200cگرای": 1, "چپ\u200cگرای": 1})
    >>> sorted(rare_compound_tails(lex, joinable_right_words(lex)))
    ['گرای']
    >>> lex = Lexicon.from_counts({"سنت\u200cگرای": 1, "اصول\u200cگرای": 1, "گرای": 1})
    >>> sorted(rare_compound_tails(lex, joinable_right_words(lex)))
    []
    >>> lex = Lexicon.from_counts({"سیم\u200cگون": 1, "لاله\u200cگون": 1, "فیروزه\u200cگون": 1})
    >>> sorted(rare_compound_tails(lex, joinable_right_words(lex)))
    ['گون']
    """
    word_count = lex.word_count
    return frozenset(
        tail
        for tail, heads in joinable.items()
        if heads is not True
        and heads is not False
        and RARE_TAIL_HEADS <= len(heads) < COMPOUND_TAIL_HEADS
        and len(tail) >= MIN_COMPOUND_PIECE
        and not word_count.get(tail, 0)
        and not tail.startswith(ARTICLE)
        and not tail.endswith(_INFINITIVE_ADJECTIVE_ENDS)
    )


#: Endings a compound tail takes and stays a compound's tail with (:func:`inflected_tails`):
#: the plural of people (``مستعمره نشینان``, ``نظریه پردازانی``), the plural ``ها`` and the
#: comparative (``غم انگیزترین``, ``مسئولیت پذیرتر``)
TAIL_INFLECTIONS: Final = ("ان", "انی", "ها", "های", "هایی", "تر", "ترین")
#: The plural a bound noun of action takes glued (``سرمایه گذاریها``, ``بحران سازیهای``)
GLUED_PLURALS: Final = ("ها", "های", "هایی")


def action_suffixes(lex: Lexicon) -> frozenset[str]:
    """The bound suffixes of the lexicon that make a noun of action (``سازی``, ``گذاری``,
    ``بندی``): four letters or more, ending in ``ی``."""
    return frozenset(
        s for s in lex.bound_suffixes if len(s) >= MIN_SPLIT_WORD and s.endswith(EZAFE_YE)
    )


def inflected_tails(
    lex: Lexicon, tails: frozenset[str], endings: tuple[str, ...]
) -> dict[str, str]:
    """Each compound tail of ``tails`` with each of ``endings``, mapped to the tail, when the
    lexicon never saw that form as a word by itself (``نشینان`` → ``نشین``; ``پوران`` is a
    name, so ``پور`` + ``ان`` is left out).

    >>> lex = Lexicon.from_counts({"پوران": 2})
    >>> sorted(inflected_tails(lex, frozenset(["نشین", "پور"]), ("ان", "ها")).items())
    [('نشینان', 'نشین'), ('نشینها', 'نشین'), ('پورها', 'پور')]
    """
    word_count = lex.word_count
    out: dict[str, str] = {}
    for tail in tails:
        for ending in endings:
            form = tail + ending
            if not word_count.get(form, 0) and form not in tails:
                out[form] = tail
    return out


def add_inflected_pair_tails(
    lex: Lexicon, joinable: dict[str, bool | frozenset[str]], endings: tuple[str, ...]
) -> dict[str, str]:
    """Add to ``joinable`` (:func:`joinable_right_words`, tails with the set of heads seen
    before them) each tail of at least ``MIN_PIECE`` letters with each of ``endings``, with
    the tail's heads: ``شهرها`` may join ``کلان`` (of ``کلان‌شهر``). Returns each such form's
    tail (``شهرها`` → ``شهر``), which a pair of the lexicon joins as the tail does
    (:meth:`ZwnjRepairer._decide_join`). A form the lexicon knows as a word is left out unless
    its ending is a plural ``ها`` (``گران``, expensive, is no plural of ``گر``); a form
    already in ``joinable`` keeps its own heads too, and a form that joins any word there
    (``True``) keeps that, but still has its tail. A tail that joins any word has no forms
    here (a compound tail: see :func:`inflected_tails`). At most one ending fits a word (none
    ends another), so each form has one tail.

    >>> lex = Lexicon.from_counts({"کلان\u200cشهر": 3, "شهرها": 5, "کار\u200cگر": 1, "گران": 4})
    >>> joinable = joinable_right_words(lex)
    >>> joinable["گرها"] = True
    >>> tails = add_inflected_pair_tails(lex, joinable, ("ان", "ها"))
    >>> sorted((w, sorted(h)) for w, h in joinable.items() if h is not True)
    [('شهر', ['کلان']), ('شهران', ['کلان']), ('شهرها', ['کلان']), ('گر', ['کار'])]
    >>> sorted(tails.items()), joinable["گرها"]
    ([('شهران', 'شهر'), ('شهرها', 'شهر'), ('گرها', 'گر')], True)
    """
    word_count = lex.word_count
    tails: dict[str, str] = {}
    for tail, heads in list(joinable.items()):
        if heads is True or heads is False or not heads or len(tail) < MIN_PIECE:
            continue
        for ending in endings:
            form = tail + ending
            if ending not in SPACED_PLURALS and word_count.get(form, 0):
                continue
            tails[form] = tail
            seen = joinable.get(form, False)
            if seen is not True:
                joinable[form] = heads if seen is False else cast(frozenset[str], seen) | heads
    return tails


def joinable_triples(
    lex: Lexicon, zwnj_forms: list[str] | None = None
) -> dict[str, dict[tuple[str, str], int]]:
    """Three-word tokens with two ZWNJs (``عبدالله‌بن‌زبیر``) that join when written apart
    (:meth:`ZwnjRepairer._triple_join`), by their first word, with how sure the join is, as
    :meth:`ZwnjRepairer._decide_join` judges a pair: the token seen ``MIN_TRIPLE_COUNT`` times,
    and more than ``JOIN_MARGIN`` times as often as the lexicon wrote the words apart at most
    (the fewer of the pairs ``a b`` and ``b c`` written apart, since it keeps no counts of three
    words apart) joins in any line (``JOIN_ANY``), at least as often only in a line whose ZWNJs
    became spaces (``JOIN_SPACED_LINE``). ``zwnj_forms`` is ``forms_with_zwnj(lex.forms)`` if
    the caller has it.

    >>> joinable_triples(Lexicon.from_counts({"عبدالله\u200cبن\u200cزبیر": 9}))
    {'عبدالله': {('بن', 'زبیر'): 2}}
    >>> joinable_triples(Lexicon.from_counts({"سه\u200cبه\u200cیک": 1}))
    {}
    """
    out: dict[str, dict[tuple[str, str], int]] = {}
    for form in forms_with_zwnj(lex.forms) if zwnj_forms is None else zwnj_forms:
        if form.count(ZWNJ) != 2 or " " in form:
            continue
        a, b, c = (fold(piece) for piece in form.split(ZWNJ))
        if not (a and b and c) or a in lex.verbal_prefixes:
            continue
        together = lex.forms.get(a + b + c, {}).get(form, 0)
        apart = min(lex.pair_count(a, b), lex.pair_count(b, c))
        if together < MIN_TRIPLE_COUNT or together < SPACED_LINE_JOIN_MARGIN * apart:
            continue
        level = JOIN_ANY if together > JOIN_MARGIN * apart else JOIN_SPACED_LINE
        out.setdefault(a, {})[(b, c)] = level
    return out


#: the glued plural and adjective endings _uninflect removes, longest first (also what
#: _segment tests with str.endswith: a piece _uninflect can shorten)
_GLUED_INFLECTIONS: Final = ("یان", "ان", "ی")


def spelled_forms(spellings: dict[str, str]) -> dict[str, str]:
    """The inflected forms of the house spellings (``key -> spelling``, see
    :attr:`~khabar.text.lexicon.Lexicon.spellings`), keyed by their glued letters: a plural
    ending takes its ZWNJ; the ezafe or indefinite «ی» and the pronoun endings are glued after
    a letter that is no vowel (:data:`_GLUED_AFTER_SPELLING`) and follow a ZWNJ after a silent
    «ه» (:data:`_ZWNJ_AFTER_SILENT_HEH`). A key two ways gets the first, plurals first.

    >>> forms = spelled_forms({"بیتکوین": "بیت\u200cکوین", "اینگونه": "این\u200cگونه"})
    >>> forms["بیتکوینها"] == "بیت\u200cکوین\u200cها", forms["بیتکوینی"] == "بیت\u200cکوینی"
    (True, True)
    >>> forms["اینگونهای"] == "این\u200cگونه\u200cای", "اینگونهی" in forms, "بیتکوین" in forms
    (True, True, False)
    """
    forms: dict[str, str] = {}
    for ending in PLURAL_ENDINGS:
        for word, spelling in spellings.items():
            forms.setdefault(word + ending, spelling + ZWNJ + ending)
    for ending in _ZWNJ_AFTER_SILENT_HEH:
        for word, spelling in spellings.items():
            if _ends_in_silent_heh(word):
                forms.setdefault(word + ending, spelling + ZWNJ + ending)
    for ending in _GLUED_AFTER_SPELLING:
        for word, spelling in spellings.items():
            if word[-1:] not in _VOWEL_LETTERS and not _ends_in_silent_heh(word):
                forms.setdefault(word + ending, spelling + ending)
    return forms


def protected_forms(lex: Lexicon) -> dict[str, str | int]:
    """One table of the protected words with their endings, keyed by their glued letters,
    made once. Each source keeps its own rules (which endings, what happens after a silent
    «ه»); a key two sources give gets the first's, in this order:

    * the house spellings (:func:`spelled_forms`): the value is the spelling, which decides
      a word the lexicon does not know before the morphology looks at it (``بیتکوینها`` →
      ``بیت‌کوین‌ها``);
    * the words an exception or user entry keeps glued (``key -> form`` with ``form == key``
      in :attr:`~khabar.text.lexicon.Lexicon.forced`) with a plural ending
      (:data:`~khabar.text.lexicon.PLURAL_ENDINGS`), and the web words
      (:attr:`~khabar.text.lexicon.Lexicon.web_glued`) with a plural ending or the
      ``ی``/``یی`` ending (:data:`_WEB_WORD_YE_ENDINGS`): the value is the offset of the
      plural's ZWNJ (the key's length: none), a spelling that takes the place of a cut the
      morphology made inside the word (``توییترها`` is ``توییتر‌ها``, not ``تویی‌ترها``;
      ``دومینوهای`` is ``دومینو‌های``, not ``دومی‌نوه‌ای``; ``دومینویی`` stays glued). A web
      word's ``ی`` is not glued after a silent «ه» (``گستره‌ی``), and a web word that is a
      word with «ه» (``مسخر`` of ``مسخره``) has no forms, nor does its plural key get a
      ``ی`` form (``مسخرهای`` is ``مسخره‌ای``, not ``مسخر‌های``).

    A new source is one more step here, with its endings and its kind of value.

    >>> lex = Lexicon.from_counts({"مسخره": 3})
    >>> lex.add_spellings(["بیت\u200cکوین"])
    >>> lex.add_user_entries(["توییتر"])
    >>> lex.web_glued = frozenset(["دومینو", "توییتر", "مسخر", "مسخرها", "گستره"])
    >>> forms = protected_forms(lex)
    >>> forms["بیتکوینها"] == "بیت\u200cکوین\u200cها", forms["توییترها"], forms["دومینوهای"]
    (True, 6, 6)
    >>> forms["دومینویی"], forms["توییتری"], "گسترهی" in forms, "مسخرهای" in forms
    (8, 7, False, False)
    """
    # built from the last source to the first, each step over a whole list in C (map, zip,
    # dict.update: ~28 K forms, 2,806 web words), so a first source's key overwrites a later's
    web = lex.web_glued
    vetoed = [w for w in web if lex.best_form(w + "ه") is not None or w + "ه" in web]
    whole = [w for w in web if not _ends_in_silent_heh(w)]
    out: dict[str, str | int] = {}
    for ending in reversed(_WEB_WORD_YE_ENDINGS):
        keys = list(map(add, whole, repeat(ending)))
        out.update(zip(keys, map(len, keys)))
    for ending in PLURAL_ENDINGS:
        for key in map(add, vetoed, repeat(ending)):
            out.pop(key, None)
    plural_words = list(web.difference(vetoed))
    plural_words += [w for w, form in lex.forced.items() if w and form == w]
    offsets = list(map(len, plural_words))
    for ending in PLURAL_ENDINGS:
        out.update(zip(map(add, plural_words, repeat(ending)), offsets))
    out.update(spelled_forms(lex.spellings))
    return out


def _has_bare_without(line: str) -> bool:
    """Whether a chunk of ``line`` but the last is a bare «بی» (``بی دقت``): two substring
    tests in C, not a scan of its chunks (ZwnjRepairer._joins_of)."""
    return _WITHOUT_INSIDE in line or line.startswith(_WITHOUT_FIRST)


def _arabic_spans(parts: list[str]) -> set[int]:
    """The indices of ``parts`` (a line's chunks) inside an Arabic quotation: between two
    Arabic function words (ARABIC_WORDS) at most ``ARABIC_GAP`` letters apart, and
    ``ARABIC_REACH`` letters beyond.

    Built so that the second pass finds the same quotations (idempotence): a chunk's place is
    the number of characters before it other than spaces and ZWNJs, which joins and
    stray-ZWNJ removals keep; a chunk is read without the ZWNJs at its edges («‌عن»); and only
    function words mark a quotation: inside one they are never joined, and one joined outside
    (``انه`` + ``ها``) had no partner near enough. Words that only look Arabic (``أنها``) are
    kept whole by ``_decide_glued`` on their own.

    >>> sorted(_arabic_spans("وفی المحکی عن تذکرته".split()))
    [0, 1, 2, 3]
    >>> _arabic_spans("در فی مابین دو کشور".split())
    set()
    """
    starts = [0]
    for p in parts:
        starts.append(starts[-1] + len(p) - p.count(ZWNJ))
    marks = [i for i, p in enumerate(parts) if p.strip(ZWNJ) in ARABIC_WORDS]
    out: set[int] = set()
    for a, b in pairwise(marks):
        if starts[b] - starts[a + 1] <= ARABIC_GAP:
            lo, hi = starts[a] - ARABIC_REACH, starts[b + 1] + ARABIC_REACH
            out.update(i for i in range(len(parts)) if lo <= starts[i] <= hi)
    return out


def _vocalised_pair(parts: list[str], infos: list[ChunkInfo], i: int) -> bool:
    """Whether chunk ``i`` or the one before it (``parts``, planned as ``infos``) is a word only
    vocalised Arabic writes so (:data:`_VOCALISED_RE`: ``بَنِی إِسْرَائِیلَ``, ``سَخِطَ اللّهُ``
    of a Quranic verse): such words are not joined, as they are not cut (``_decide_glued``).
    A chunk whose fold changed nothing (most) has no such mark and needs no search.

    >>> r = default_repairer()
    >>> r.repair("کَفَرُواْ مِن بَنِی إِسْرَائِیلَ") == "کَفَرُواْ مِن بَنِی إِسْرَائِیلَ"
    True
    >>> r.repair("از بنی اسرائیل") == "از بنی\u200cاسرائیل"
    True
    """
    before, info = infos[i - 1], infos[i]
    return (before[1] != before[3] and _VOCALISED_RE.search(parts[i - 1]) is not None) or (
        info[1] != info[2] and _VOCALISED_RE.search(parts[i]) is not None
    )


def _may_be_day(chunk: str) -> bool:
    """Whether the digits ``chunk`` ends in may be a day of a month (one or two digits, 1 to
    31, in any script), so that a «می» after it may be the month May (``14 می``, ``۳۱ می
    2014``). A year or any other number is not followed by the month in a Persian date (``می
    2014``, ``ماه می سال ۲۰۱۸``): after it «می» is a verbal prefix (``سال ۲۰۰۱ می باشد``,
    ``مک بوک ۲۰۱۷ می دهد``).

    >>> [_may_be_day(c) for c in ("14", "۳۱", "(۹", "32", "2014", "۱۳۹۷", "0")]
    [True, True, True, False, False, False, False]
    """
    k = len(chunk)
    while k and chunk[k - 1].isdigit():
        k -= 1
    digits = chunk[k:]
    return 0 < len(digits) <= 2 and 1 <= int(digits) <= 31


def _at_least(counts: dict[str, int], least: int) -> frozenset[str]:
    """The keys of ``counts`` counted ``least`` times or more.

    >>> sorted(_at_least({"a": 1, "b": 2, "c": 3}, 2))
    ['b', 'c']
    """
    return frozenset(compress(counts, map(ge, counts.values(), repeat(least))))


def _letter_names(key: str) -> list[str] | None:
    """The ``ACRONYM_LETTERS`` that spell ``key`` one after another (``انپیتی`` → ان, پی, تی),
    or None when no such reading, or more than one, covers the whole word."""
    n = len(key)
    ways = [0] * (n + 1)  # ways[i]: readings of key[i:], counted up to 2
    step = [0] * (n + 1)  # step[i]: where the name at i ends in the (one) reading
    ways[n] = 1
    for i in range(n - 1, -1, -1):
        for size in ACRONYM_LETTER_SIZES:
            j = i + size
            if j <= n and ways[j] and key[i:j] in ACRONYM_LETTERS:
                ways[i] = min(ways[i] + ways[j], 2)
                step[i] = j
    if ways[0] != 1:
        return None
    names: list[str] = []
    i = 0
    while i < n:
        names.append(key[i : step[i]])
        i = step[i]
    return names


def _with_zwnj_before(form: str, k: int) -> str:
    """``form`` (a spelling with ZWNJs) with one more before its ``k``-th letter (ZWNJs not
    counted), unless one is there already: ``_with_zwnj_before("بتنآرمه‌ای", 3)`` is
    «بتن‌آرمه‌ای»."""
    seen = 0
    for i, ch in enumerate(form):
        if ch == ZWNJ:
            continue
        if seen == k:
            return form if form[i - 1] == ZWNJ else form[:i] + ZWNJ + form[i:]
        seen += 1
    return form


def _ends_in_silent_heh(word: str) -> bool:
    """``word`` ends in the silent ``ه`` that takes the ezafe ``ی`` after a ZWNJ (``همه‌ی``).

    >>> _ends_in_silent_heh("همه"), _ends_in_silent_heh("راه"), _ends_in_silent_heh("که")
    (True, False, False)
    """
    return (
        len(word) >= MIN_SPLIT_WORD - 1 and word.endswith("ه") and not word.endswith(_CONSONANT_HEH)
    )


def _uninflect(word: str) -> str:
    """``word`` without a glued plural or adjective ending: ``وزیران`` → ``وزیر``.

    >>> _uninflect("وزیران")
    'وزیر'
    """
    if len(word) <= 4:
        return word
    # str.endswith, not a regex: _segment asks this of many pieces
    for ending in _GLUED_INFLECTIONS:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def apply_repairs(text: str, repairs: list[Repair]) -> str:
    """Apply sorted, non-overlapping repairs to ``text``.

    >>> apply_repairs("abc", [Repair(1, 1, "-", "x"), Repair(2, 3, "", "y")])
    'a-b'
    """
    parts, pos = [], 0
    for r in repairs:
        parts.append(text[pos : r.start])
        parts.append(r.replacement)
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


@functools.cache
def default_repairer() -> ZwnjRepairer:
    """The repairer with the shipped lexicon and default styles, built once per process."""
    return ZwnjRepairer()
