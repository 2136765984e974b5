"""The ZWNJ engine's reviewed constants: thresholds, word lists and patterns, each with
the reason for its value. Nothing here is computed from the lexicon.
"""

from __future__ import annotations

import re
from typing import Final

from khabar.text.lexicon import COMPARATIVE_ENDINGS, FOLD, PLURAL_ENDINGS, ZWNJ, fold

# Arabic-script letters, tatweel and diacritics (the same class as scripts/build_lexicon.py).
# Digits (U+0660-U+066D, U+06F0-U+06F9) and Arabic punctuation are not letters: a ZWNJ beside
# them is stray, and «14» never joins «می».
LETTER: Final = "\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff"
_LETTER_RE: Final = re.compile(f"[{LETTER}]")
#: A Persian word: letters, possibly with single or doubled ZWNJs inside.
TOKEN_RE: Final = re.compile(f"[{LETTER}]+(?:{ZWNJ}+[{LETTER}]+)*")
_ZWNJ_RUN_RE: Final = re.compile(f"{ZWNJ}+")
#: What a ZWNJ needs after it to stay, as fix's ``zwnj.remove.edge`` character rule reads it: a
#: letter (Unicode's, tatweel too). A join writes no ZWNJ before a chunk that opens otherwise.
_SEAM_AFTER_RE: Final = re.compile(r"[^\W\d_]")
#: The characters that are no ``LETTER`` but a letter or a mark to fix's character rules
#: (normalize's ``_LETTER``, ``_MARK``): Arabic signs U+0610-U+061A, Quranic marks, ۮ ۯ. A ZWNJ
#: after one follows a letter, as the ``zwnj.remove.edge`` character rule reads it, so the
#: engine keeps it too. Removed, it let a tatweel touch the mark or letter, which a second pass
#: then deleted (``ۛ‌ـ`` → ``ۛـ`` → ``ۛ``, ``ۮ‌ـ``; fuzz, sessions 20-21).
_LETTERS_BEFORE_ZWNJ: Final = frozenset(
    chr(c)
    for lo, hi in ((0x0610, 0x061A), (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8),
                   (0x06EA, 0x06EF))
    for c in range(lo, hi + 1)
)
#: ... and the letters among them (ۮ ۯ): a ZWNJ before one precedes a letter too (the
#: character rule deletes a ZWNJ before a mark, and so does the engine)
_LETTERS_AFTER_ZWNJ: Final = frozenset("\u06ee\u06ef")
#: A chunk that is one word of letters, without ZWNJ (the fast path of chunk analysis).
_WORD_RE: Final = re.compile(f"[{LETTER}]+")

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
#: «دهی» must end in no known word (see GluedWords._ezafe_ye)
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
#: (``GluedWords._by_and_word``): three letters (``بهوقت`` → ``به‌وقت``); the given names
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
#: ZWNJ (``"words"`` of Segmenter._next_piece): where a split with a piece seen in
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
#: lexicon writes ``ریشتر`` glued: :meth:`GluedWords._word_and_ending`).
MIN_COMPARATIVE_STEM: Final = 3
#: A comparative with a plural after it (``بزرگ‌ترها``, the elders) is a noun made of a
#: common adjective, which the lexicon has seen as a comparative, whatever its length; a
#: loanword in «-ster», «-ter» + «ها» is not one (``بوسترها``, ``کلاسترها``: not
#: ``بوس‌ترها``, ``کلاس‌ترها``). See Segmenter._may_take and _next_piece.
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
#: longest first; a cut inside such a word loses to them (``GluedWords._word_and_ending``) ...
SOLID_ENDINGS: Final = ("ان", "ی", "م", "ت", "ش")
#: ... when the lexicon saw that word glued at least this often.
SOLID_WORD_COUNT: Final = 1
#: A compound's second piece that ends glued words (after a known word) this many times as
#: often as it follows a ZWNJ is no compound piece (``Segmenter._mostly_glued_tail``).
GLUED_TAIL_RATIO: Final = 5
#: Letters by which ``Segmenter._glued_tail_count`` finds the words ending in a piece.
TAIL_KEY: Final = 3
#: Extra pieces for the kinds of _next_piece that are weaker evidence (see SHAPE_PENALTY,
#: TWO_WORDS_PENALTY).
_EXTRA_PIECES: Final = {"verb?": SHAPE_PENALTY, "words": TWO_WORDS_PENALTY}
#: Two segmentations of a glued word into as many pieces whose log weights sum to within this
#: of each other (a factor of e in frequency) are a tie, broken by their rarest word piece
#: (``Segmenter._better_cut``).
NEAR_TIE: Final = 1.0
#: ... if one of them holds a word piece of under this log weight (``Lexicon.log_weight``: seen
#: at most 3 times as a word or beside a ZWNJ; log 4 = 1.39, log 5 = 1.61).
RARE_PIECE: Final = 1.6
#: Endings of loanwords (-ing, -ism) no seam of a segmentation may fall inside when they end
#: the word or come before a bound suffix (``Segmenter._cuts_loan_ending``).
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
#: (``GluedWords._letter_name_acronym``). Names no acronym there spells (کی, او: also
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
#: (``GluedWords._weekday_and_part``). TRAIN writes the pair apart («شنبه شب», «جمعه شب»)
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
#: A line longer than this many characters is cut into its chunks a block of about this size
#: at a time, each distinct chunk kept as one str (``words._chunks_of``): a 50 MB line with no
#: line break (a crawled document, a minified page's text) held each of its ~5 million chunks
#: as a str of its own, ~90 bytes each, ~10 bytes for each byte of the line.
LONG_LINE_CHARS: Final = 1 << 16
#: A glued word the lexicon does not know may be a phrase written without its spaces or
#: ZWNJs (``بهاینترتیب``, ``بیشازپیش``, ``پسازآنکه``, ``همینکه``): words each seen
#: ``MIN_STEM_COUNT`` times, every two neighbours seen written apart at least this often
#: (``GluedWords._phrase``); 3, 5, 10 looked at on PEYMA's glued words, 5 kept
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
#: A ZWNJ between two letters: the line's author writes ZWNJs (see :class:`Trust`). Asked of
#: every line holding a ZWNJ (most lines of a text that writes them). The pattern opens with the
#: ZWNJ and looks behind for the letter only there: a pattern opening with a class
#: (``[LETTER]ZWNJ+[LETTER]``, the same matches) is tried at every position, ~4x slower per line.
_WRITTEN_ZWNJ_RE: Final = re.compile(f"{ZWNJ}(?<=[{LETTER}]{ZWNJ}){ZWNJ}*[{LETTER}]")
#: The letters that do not join the next one (Persian ``ا د ذ ر ز ژ و``, ``آ أ إ ؤ ء ٱ``, and
#: ``ۀ ة``, right-joining in Unicode's ArabicShaping): a ZWNJ after them changes nothing on
#: screen (``کار‌ها`` looks like ``کارها``, ``خانۀ‌ها`` like ``خانۀها``). The engine reads ``ۀ``
#: and ``ة`` as ``ه`` (the lexicon folds them) and writes a ZWNJ at its seams after them
#: (``خانۀها`` → ``خانۀ‌ها``); ``NonJoiner.REMOVE`` drops those too (``ZwnjRepairer``), so a
#: word has one spelling whether it was written glued, spaced or with the ZWNJ.
NONJOINING: Final = "ءآأؤإادذرزوٱژۀة"
#: The ZWNJs (a run) between a non-joining letter and a letter, which ``NonJoiner.REMOVE``
#: removes; opening with the ZWNJ, as ``_WRITTEN_ZWNJ_RE``, so it is not tried at every letter.
#: Not before a tatweel (``ر‌ـ``): fix's tatweel rule, which ran before, kept it because the ZWNJ
#: parted it from the ``ر``, and would delete it on a second pass once the ZWNJ was gone.
_NONJOINER_ZWNJ_RE: Final = re.compile(
    f"{ZWNJ}(?<=[{NONJOINING}]{ZWNJ}){ZWNJ}*(?=[{LETTER}])(?!\u0640)"
)
#: The last letters of a past stem (``داد``, ``گرفت``): with ``ن`` an infinitive
_PAST_STEM_LAST: Final = frozenset("دت")
#: A plural ending that, after a past stem, is rather the participle's «ه» + a form of «بودن»
#: or a person ending: ``فروختهاست`` is ``فروخته‌است`` (has sold), not ``فروخت‌هاست``;
#: ``پرداختهایم`` is ``پرداخته‌ایم``. The lexicon writes past stem + these letters 2,296 times
#: (هاست), 318 (هایم) and 243 (هاید), every time as participle + ending, never as a plural
#: (see GluedWords._participle_and_ending)
_PARTICIPLE_ENDINGS: Final = frozenset(("هاست", "هایم", "هاید"))
#: A past stem + «ار» is a noun (``گفتار``, ``رفتار``, ``شنیدار``), one word: the segmenter
#: cuts nothing inside it (see Segmenter._past_stem_ar); a stem of at least this many
#: letters (``کرد``, ``دید``)
_AGENT_AR: Final = "ار"
MIN_PAST_STEM_AR: Final = 3
#: A form of «بودن» glued to a past participle (``رفتهاند``, ``ساختهاست``): its ZWNJ is cut
#: even where a line's glued nouns are kept (see ZwnjRepairer._participle_seam). A participle's
#: «ه» joins the next letter, so no writer glues these on purpose; ``ای`` is left out (it may be
#: the indefinite «‌ای» of a noun, which the line's policy decides).
_COPULA_AFTER_PARTICIPLE: Final = frozenset(("است", "اند", "ام", "ایم", "اید"))
#: The same, longest first, for one ``str.endswith``
_COPULA_ENDINGS: Final = ("است", "اند", "ایم", "اید", "ام")
#: The letters that end a verb's past stem (``رساند``, ``گریست``): an unknown glued word made
#: of such a verb form, the participle's «ه» and a form of «بودن» is a participle + copula
#: (``رنجاندهام`` → ``رنجانده‌ام``; see Segmenter._participle_copula).
_PAST_STEM_ENDS: Final = ("د", "ت")
#: The participle's «ه»
_PARTICIPLE_HEH: Final = "ه"
#: The past stems of the two regular conjugations, «ید» (``آغازید``, ``دوشید``: -idan, the
#: productive way to make a verb of a noun) and the causative «اند» (``تراشاند``, ``گستراند``:
#: -ānidan): their participle + a form of «بودن» is cut before the ending even when the lexicon
#: never saw the verb (``آغازیدهام`` → ``آغازیده‌ام``; see Segmenter._unseen_participle)
_REGULAR_PAST_ENDS: Final = ("ید", "اند")
#: The past plural ending: a past stem seen after «می» with it (``می‌دیدند``) is a past
#: stem, not a present form in «د» (``می‌زند``: no ``می‌زندند``); see
#: Segmenter._progressive_participle
_PAST_PLURAL: Final = "ند"
#: ... with at least this many letters before «ید» / «اند» (``خرید``, ``کشاند``): «نیدهام»
#: (Needham) and other short names in «-ham» stay whole
MIN_REGULAR_PAST_HEAD: Final = 2
#: Endings that with the participle's «ه» spell a plural's «ها» + «یم» / «ست» (``دردهایم``)
_PLURAL_LOOKALIKES: Final = frozenset(("ایم", "است"))
#: Openings a verb form takes before its stem besides «می»: the subjunctive «ب» and the negative
#: «ن» (``برهاند``, ``نرساند``); the preverbs (``باز``, ``بر``, ``فرو``...) are read off the
#: lexicon's verbal prefixes (``بازمی`` less «می»)
_VERB_MOOD_OPENINGS: Final = ("", "ب", "ن")
#: The present's prefix and its negative, the ends of the lexicon's verbal prefixes
_PRESENT_PREFIX: Final = "می"
_NEGATIVE_PREFIX: Final = "نمی"
#: The privative prefix «بی» (without): before a word of three letters too, where other bound
#: prefixes need four (``بی‌پول``, ``بی‌عار``, ``بی‌رنگ``): UD TRAIN writes «بی» + a three-letter
#: word it saw twice or more with a ZWNJ in 38 word types and glued in 11, and the glued ones
#: are words of their own (بیمار, بیدار, بیستم, بیکار), which the lexicon knows.
PRIVATIVE: Final = "بی"
#: A verb form's shortest stem piece after an opening: «رهاند» is «ره» + «اند»; a one-letter
#: piece (``ساند``, ``زاند``) is too short to tell a verb by
MIN_VERB_PIECE: Final = 2
#: Endings glued to a word of the house spellings after a letter that is no vowel
#: (``بیتکوینی`` → ``بیت‌کوینی``, ``بیتکوینش``): see GluedWords._spelling_and_ending
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
#: Words after which a past participle is a verb whose auxiliary is left out, as before a form
#: of PARTICIPLE_AUX: «که» opening the clause a passive announces (``اعلام شده که``, it has been
#: announced that; ``اضافه شده که``). In UD TRAIN the pairs it writes joined elsewhere stand
#: apart before «که» 18 times, joined twice (``ضبط‌شده که``, recorded ones that; 2026-12-01,
#: bench/zwnj/real20r.md); before «و» 43 to about 10, too close to call (``ابلاغ‌شده و``).
PARTICIPLE_CLAUSE: Final = frozenset(("که",))
_HAVE_RE: Final = re.compile("ن?(?:دار|داشت)(?:م|ی|د|یم|ید|ند)?")
#: Second words that make a surname of a given name (``حسین زاده`` → ``حسین‌زاده``, ``علی پور``):
#: still joined after a given name (see ZwnjRepairer._in_line_context); the same surname
#: written glued stays glued (``علیزاده``, see Segmenter._given_name_compound)
SURNAME_TAILS: Final = frozenset(("زاده", "پور", "نژاد", "نیا"))
#: «پور» (son of): a glued word the segmenter would cut only before it is a surname
#: (``غلامپور``) or a place (``کانپور``) whatever its first piece, and stays as written (see
#: Segmenter._given_name_compound); UD TRAIN writes such surnames glued (``جهانپور``,
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
#: (``علیزاده``, glued 10 times in the crawl) :meth:`Segmenter._given_name_compound` keeps
#: the writer's spelling, and after other letters both spellings are common (TRAIN «زاده»:
#: 13 types with a ZWNJ, 8 glued), so neither changes. «نیا» is left out: after «ی» it also
#: ends places (``ویرجینیا``).
YE_SURNAME_TAILS: Final = frozenset(("زاده", "نژاد", SON))
#: The shortest first piece (its «ی» included) :meth:`Segmenter._ye_surname` cuts a surname
#: tail after: ``تقی‌زاده`` (TRAIN, the crawl), no shorter (``بی`` + «زاده» is no surname)
MIN_SURNAME_HEAD: Final = 3
#: :data:`YE_SURNAME_TAILS` as a tuple, for one ``str.endswith`` test
_YE_SURNAME_ENDS: Final = tuple(sorted(YE_SURNAME_TAILS))
#: Personal endings and clitics cut off a word (``چکانده‌ایم``, ``خانواده‌اش``): no surname ends
#: in one after a ZWNJ (see ZwnjRepairer._kept_cut)
PERSON_ENDINGS: Final = frozenset(
    ("ام", "ای", "ایم", "اید", "اند", "است", "اش", "ات", "مان", "تان", "شان", "هاست")
)
#: The personal endings and pronoun clitics that never stand as a word after another (UD TRAIN,
#: PerDT + Seraji: a bare «مان» after a word 0 times against 53 after a ZWNJ, «ایم» 0 : 377,
#: «اید» 0 : 273, «اش» 0 : 337, «ات» 0 : 53, «تان» 1 : 21, a name, «امیک تان»; «شان» 2 : 57,
#: the noun «شأن» after «که» and a quote; «اند» 4 : 1,660, each after a silent «ه», where the
#: learned share joins it anyway). Spaced after a known word they are a broken word whatever
#: the word (``کفش مان``, ``فضایی شان``), though TRAIN writes most such words glued
#: (``کفشمان``), which keeps their learned share low: in a line whose ZWNJs became spaces they
#: join (ZwnjRepairer._decide_join). Not «ام» (the letter M: ``بی ام و``), «ای» (the vocative:
#: ``ای خدا``), «است» (a verb of its own).
CLITICS_NEVER_ALONE: Final = frozenset(("ایم", "اید", "اند", "اش", "ات", "مان", "تان", "شان"))
#: The alef with hamza above, which the lexicon's keys fold to «ا»: a «شأن» written so is the
#: noun (dignity: ``کسر شأن``, PerDT TRAIN), never the clitic «شان» its key reads as.
ALEF_HAMZA: Final = "\u0623"
#: The endings a writer may set off with a ZWNJ after a word the lexicon writes glued
#: (``میز‌ها``, ``بر‌تر``, ``خانه‌ی``, ``تیم‌مان``; see ZwnjRepairer._stray_inside), beside the
#: lexicon's bound suffixes
_STRAY_INSIDE_ENDINGS: Final = PERSON_ENDINGS.union(
    PLURAL_ENDINGS, COMPARATIVE_ENDINGS, (EZAFE_YE,)
)
#: What may follow a comparative («تر», «تری», «ترین») inside a glued word: only an ending
#: (``بزرگ‌ترها``, ``بیش‌ترین‌شان``, ``بهترم``); a comparative ends the word's stem, so «تر»
#: with a compound tail after it (``فیل|تر|سازی``) is letters of another word (``فیلترسازی``).
#: See Segmenter._after_comparative.
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
#: The infinitives of «بودن» and «شدن» and their negatives (reviewed): a glued ``های`` word
#: right before one is its predicate, an adjective, not a plural with its ezafe (``حرفهای
#: بودن لیگ`` → ``حرفه‌ای``, the league's being professional; ``به حرفهای شدن``). In UD TRAIN
#: (bench/zwnj/ye_context.py --after, 2026-12-01) 4 ``Xه‌ای`` words and no plural stand before
#: one; the writers of the crawled news and Arman write ``حرفه‌ای بودن`` and ``حرفه‌ای شدن`` 4
#: times, which the engine wrote ``حرف‌های`` with their ZWNJs removed (bench/zwnj/real20r.md).
COPULA_INFINITIVES: Final = frozenset(("بودن", "نبودن", "شدن", "نشدن"))
#: The words after which :meth:`ZwnjRepairer._in_context` gives an ambiguous glued ``های``
#: word its closed reading besides :data:`NO_EZAFE_AFTER` and :data:`HAVE_FORMS`.
NO_PLURAL_EZAFE_BEFORE: Final = NO_PLURAL_EZAFE_PREPOSITIONS | LIGHT_VERB_FORMS | COPULA_INFINITIVES
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
#: The subjunctive and imperative prefix «ب» and the person endings after which
#: :meth:`ZwnjRepairer._subjunctive_verb` reads a word as a finite verb (``بسازیم``,
#: ``بیاموزد``: the lexicon writes ``می‌سازیم``, ``می‌آموزد``). Not the second person
#: singular «ی» nor the first «م»: ``بدهی`` (a debt) and ``بیم`` are nouns as well.
SUBJUNCTIVE_PREFIX: Final = "ب"
SUBJUNCTIVE_ENDINGS: Final = ("د", "ند", "یم", "ید")
#: Before a vowel-initial stem the prefix is written «بی» and the stem's «آ» becomes «ا»
#: (``بیاورد`` of ``می‌آورد``, ``بیاموزد`` of ``می‌آموزد``).
_SUBJUNCTIVE_BEFORE_ALEF: Final = ("بیا", "آ")
#: «به نام» and «با نام» (named, by the name of) name what comes before them: the glued
#: «نامهای» right after «به» or «با», in an open context, is the plural «نام‌های» with its ezafe,
#: the names that follow (``دو نفر به نامهای علی و رضا``, ``با نامهای مستعار``), not «نامه‌ای»
#: (a letter), which the lexicon counts more often alone (19 to 8). In UD TRAIN «به نام‌های»
#: stands 4 times (and once glued, «به نامهای محمد»), «به نامه‌ای» and «با نامه‌ای» never; a
#: closed context after it (``به نامهای که``, ``با نامهای به``) keeps «نامه‌ای».
NAMING_PREPOSITIONS: Final = frozenset(("به", "با"))
#: The ambiguous glued words (keys) that :data:`NAMING_PREPOSITIONS` make plurals: «نام‌های».
NAMED_PLURALS: Final = frozenset(("نامهای",))
#: Adjectives of quantity with their indefinite «ی» (reviewed): one after a glued ``های`` word
#: makes it the plural with its ezafe (``جامهای زیادی``, many cups; ``فرقهای متعددی``), for an
#: indefinite ``ه‌ای`` word takes no second indefinite adjective. In UD TRAIN
#: (bench/zwnj/ye_context.py --after, 2026-12-01) 66 plurals «X‌های» and no ``Xه‌ای`` word
#: stand before one. Not «بسیاری» (``بسیاری از``, many of, opens a new phrase) nor «کمی»
#: and «اندکی» (also adverbs: a little).
QUANTITY_ADJECTIVES: Final = frozenset(
    fold(word) for word in ("زیادی", "متعددی", "فراوانی", "مختلفی", "گوناگونی", "بیشماری")
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
#: «می» is also the month May (``14 می``, ``۱۴ می``: after a number that may be a day, see
#: ZwnjRepairer._month_after_number and ZwnjRepairer._month_may)
MONTH_MAY: Final = "می"
#: Determiners that take a singular noun (reviewed): a glued ``های`` word right after one is
#: no plural, so it is ``ه`` + ``ای`` (``هیچ خاطرهای`` → ``خاطره‌ای``, no memory at all;
#: ``هر یک خواستهای`` → ``خواسته‌ای``; ``چنین رویهای`` → ``رویه‌ای``). «چه» is not one
#: (``چه حرفهای قشنگی``), nor the numbers (``سه نامهای که``).
SINGULAR_AFTER: Final = frozenset(("هیچ", "هر", "یک", "چنین", "چنان"))
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
#: keeps whole (Segmenter._unknown_stem)
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
#: misspelling «ایی») when the stem before them is unseen (``Segmenter._unknown_stem``).
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


#: Endings a compound tail takes and stays a compound's tail with (:func:`inflected_tails`):
#: the plural of people (``مستعمره نشینان``, ``نظریه پردازانی``), the plural ``ها`` and the
#: comparative (``غم انگیزترین``, ``مسئولیت پذیرتر``)
TAIL_INFLECTIONS: Final = ("ان", "انی", "ها", "های", "هایی", "تر", "ترین")
#: The plural a bound noun of action takes glued (``سرمایه گذاریها``, ``بحران سازیهای``)
GLUED_PLURALS: Final = ("ها", "های", "هایی")
#: The indefinite or relational «ی» after a word in «ا» or «و» (``گفت وگویی``): a pair's tail
#: in those letters takes it as TAIL_INFLECTIONS' endings (:func:`add_inflected_pair_tails`),
#: only when the lexicon writes the pair joined more often than apart (see _decide_join)
VOWEL_YE: Final = "یی"
VOWEL_YE_AFTER: Final = frozenset("او")
#: ... but not after the plural «ها», whose «هایی» is a TAIL_INFLECTIONS ending already
PLURAL_HA: Final = "ها"
#: The plural of people (glued, never with a ZWNJ) that makes an agent compound's tail of a
#: verb stem that is also a word by itself when the plural never is (:func:`word_tail_plurals`:
#: ``سفته بازان``; ``باز`` stands alone, ``بازان`` does not)
PERSON_PLURALS: Final = ("ان", "انی")
#: The copula glued to a compound adjective's tail (:func:`copula_tails`): after a consonant
#: (``علاقه مندند``, ``جدایی ناپذیرند``, ``بهره مندیم``) and, only as «ست», after «ا» or «و»
#: (``معنویت گراست``): «نیا» + «یم» is also the verb «نیایم» (we do not come), so the persons
#: in «ی» are not read after a vowel
COPULA_AFTER_CONSONANT: Final = ("م", "یم", "ید", "ند")
COPULA_AFTER_VOWEL: Final = ("ست",)
#: The letters after which the copula takes COPULA_AFTER_VOWEL's forms
COPULA_VOWEL_LETTERS: Final = frozenset("او")


#: the glued plural and adjective endings _uninflect removes, longest first (also what
#: _segment tests with str.endswith: a piece _uninflect can shorten)
_GLUED_INFLECTIONS: Final = ("یان", "ان", "ی")
#: The plural «ان» of a participle in a silent «ه» (past «ده»/«ته», agent «نده»), whose «ه»
#: becomes «گ» (``دیده`` → ``دیدگان``, ``کننده`` → ``کنندگان``): _uninflect gives the
#: singular back after «د»/«ت» (_PAST_STEM_LAST), so a compound's second piece is known by it
#: (``شکست‌خوردگان`` as ``شکست‌خورده``). UD TRAIN writes such a plural after a word ending in
#: a joining letter with a ZWNJ in 44 word types (``آسیب‌دیدگان``, ``سیل‌زدگان``,
#: ``شرکت‌کنندگان``) and glued in 2 (``شاهزادگان``, ``امامزادگان``), which the lexicon knows.
#: Other words in «گان» are no participles: ``گلپایگان`` (a city; «پایه»), ``مژگان``,
#: ``گروگان``, ``رایگان``.
_HEH_PLURAL: Final = "گان"
