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
:meth:`Segmenter._given_name_compound`.

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

Where things live (each module imports only from the ones above it):

* :mod:`~khabar.text.zwnj.constants`: the reviewed thresholds, word lists and patterns;
* :mod:`~khabar.text.zwnj.options`: ``NonJoiner``, ``Trust``, ``Spaced``;
* :mod:`~khabar.text.zwnj.records`: ``Repair``, ``ChunkInfo``, its fields and fact bits;
* :mod:`~khabar.text.zwnj.twins`: the pure-Python twins of ``khabar._c.chunks``;
* :mod:`~khabar.text.zwnj.words`: small pure word tests the rules share;
* :mod:`~khabar.text.zwnj.tables`: the tables built from the lexicon once, at start-up;
* the glued-word analysis, a component the repairer holds (``repairer.glued_words``), with
  its own tables and memo: :mod:`~khabar.text.zwnj.segment` (``Segmenter``: cutting an unknown
  glued word) → :mod:`~khabar.text.zwnj.glued` (``GluedWords``: where a glued word takes its
  ZWNJs);
* the repairer, one class per concern, each the base of the next (single inheritance: their
  methods call each other through ``self``, see bench/fix/split18k.md):
  :mod:`~khabar.text.zwnj.state` (its options, tables and memos: ``__init__``) →
  :mod:`~khabar.text.zwnj.stray` (ZWNJs to remove) →
  :mod:`~khabar.text.zwnj.chunks` (a line's chunks, analysed once) →
  :mod:`~khabar.text.zwnj.joins` (spaced words joined) →
  :mod:`~khabar.text.zwnj.context` (decisions a word's neighbours make) →
  :mod:`~khabar.text.zwnj.repairer` (``ZwnjRepairer``: ``find_repairs``, ``repair``; the line
  loop; ``default_repairer``, ``apply_repairs``).

This file gathers the modules' public names: ``from khabar.text.zwnj import ZwnjRepairer`` works
as before; a private name is imported from its module (``khabar.text.zwnj.twins._lookup_py``).
"""

from __future__ import annotations

from khabar.text.zwnj.chunks import *
from khabar.text.zwnj.constants import *
from khabar.text.zwnj.context import *
from khabar.text.zwnj.glued import *
from khabar.text.zwnj.joins import *
from khabar.text.zwnj.options import *
from khabar.text.zwnj.records import *
from khabar.text.zwnj.repairer import *
from khabar.text.zwnj.segment import *
from khabar.text.zwnj.state import *
from khabar.text.zwnj.stray import *
from khabar.text.zwnj.tables import *
from khabar.text.zwnj.twins import *
from khabar.text.zwnj.words import *
