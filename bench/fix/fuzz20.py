"""A long fuzz campaign on issue #3's properties of ``khabar.fix`` (session 20, zq20d).

Richer inputs than the hypothesis tests: Persian words of the shipped lexicon with their glued
and spaced damage, ZWNJ/ZWJ/NBSP/RLM and other invisibles, Arabic letters, digits of three
scripts, punctuation, URLs/e-mails/hashtags/mentions/bare domains, Latin words, very long words;
each input under a random FixPolicy (every field drawn from its choices). Checked per input:

- never raises; one output line per input line;
- idempotent: fix(fix(x)) == fix(x) under the same policy;
- no Arabic ي/ك and no ZWNJ next to a space outside the verbatim spans (zwnj=repair);
- every verbatim span (URL, e-mail, hashtag, Latin word ...) of the input comes out byte for
  byte, in order;
- fix_with_edits gives fix's text, and its edits applied to the input give that text;
- zwnj_nonjoiner=remove: no ZWNJ between a non-joining letter and a letter outside verbatim.

A failure is minimised (tokens, then characters) and appended as a JSON line to ``--out``.

    python bench/fix/fuzz20.py --seconds 1800 --seed 1 --out /tmp/fuzz.jsonl   (compiled)
    KHABAR_PURE=1 python bench/fix/fuzz20.py ...                                (pure Python)
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import sys
import time
import traceback
from pathlib import Path

#: the tree to fuzz: KHABAR_FUZZ_SRC, or this tree's src (a copy lets a long run go on while
#: the tree is rebuilt)
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, os.environ.get("KHABAR_FUZZ_SRC") or str(ROOT / "src"))
sys.path.append(str(ROOT))  # for the tests' helper below, after the tree to fuzz

from khabar.text.fix import fix, fix_with_edits
from khabar.text.lexicon import Lexicon
from khabar.text.policy import choices
from khabar.text.protect import VERBATIM, find_spans
from tests.text.verbatim import outside_verbatim

Z, ZWJ = "\u200c", "\u200d"
INVISIBLE = [Z, Z, ZWJ, "\u00a0", "\u200f", "\u200e", "\u200b", "\ufeff", "\u00ad", "\u0640",
             "\u202f", "\u2009", "\u061c", "\u2066", "\u2069"]
ARABIC = ["ي", "ك", "ة", "ۀ", "ى", "ئ", "أ", "إ", "ؤ", "ء", "ٱ", "ه\u0654", "\u064b", "\u064e",
          "\u0650", "\u0651", "\u0652", "ﻛ", "ﺘ", "ﺎ", "ﺏ", "ە", "ھ", "ڪ", "ی", "ک"]
DIGITS = "0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"
PUNCT = ["،", "؛", "؟", ".", "!", "«", "»", "(", ")", ":", '"', "'", "-", "…", "/", "٫", "٬",
         ",", ";", "?", "[", "]", "*", "%", "٪", "ـ", "..."]
LINKS = ["https://fa.wikipedia.org/wiki/كشور_(ايران)", "www.isna.ir/news/کتابها",
         "http://x.ir/a?q=ي", f"https://x.ir/می{Z}خواهم", "info@khabar.ir", "a.b@x.co",
         "#هشتگ_عربي", f"#اینجا{Z}ایران", "@كاربر", "@user_1", "`a  =  ي`",
         "isna.ir/news/كتابها", f"bbc.co.uk/persian/می{Z}خواهم", "t.me/s/كانال", "x.ir:80/ي",
         "isna.ir", "file.txt/كتابها", "9gag.com/ي", "123.ir/a", "9gag.com", "1.2.3", "3.5",
         "v1.2", "v1.2/x", "x_y.ir/x", "site.com#هشتگ", "isna.ir?id=12", "HTTP://X.IR/ك",
         "ftp://a.b/c", "mailto:a@b.ir", "<b>", "&amp;",
         # session 21: HTML references, URLs that end with an opening mark
         "&#8204;", "&#x200c;", "&#1740", "&#۱۷۴۰;", "& #12;", "&&#12;", "&#x;", "&nbsp;",
         "f://[", "http://x.ir/a(", "http://x.ir/a[", "www.x.ir/«", "R&D"]
LATIN = ["Hello", "COVID-19", "iPhone", "café", "naïve", "x", "A", "Tehran", "ABC", "e.g.",
         "U.S.", "Node.js", "C++", "don't", "ي_x", "Привет", "日本語", "👍🏽", f"👨{ZWJ}👩"]
#: the alphabet of the short "soup" texts: letters that join and that do not, the joiners and
#: spaces, marks, punctuation, digits, Latin and the characters that open identifiers
SOUP = ("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئءۀةيكى" + "\u064b\u0650\u0651\u0654\u0670"
        + Z * 4 + ZWJ + "  \u00a0\u200b\u200f\u0640\n" + "،؛؟.!«»():-/" + "1۱١9۹.٫"
        + "aZx_@#`:" + "ـ" + "\u06db\u0610\u064e&;([")
#: session 21: marks where no letter is under them (after a space, a ZWNJ, a tatweel): the
#: Quranic marks and Arabic signs the ZWNJ engine reads as no letter, harakat, other scripts'
MARKS = ["\u06db", "\u06ec", "\u0610", "\u061a", "\u06d6", "\u06e4", "\u06ed", "\u064e",
         "\u0650", "\u0651", "\u0654", "\u0670", "\u0301", "\u094d"]
SEPS = [" ", " ", " ", " ", "", "", "  ", "\t", "\n", "\n\n", "\r\n", Z, "\u00a0", " ، ", "، ",
        " . ", ". "]


class Inputs:
    """Random texts built of tokens; each text is kept as its token list (for minimising)."""

    def __init__(self, rng: random.Random, words: list[str]) -> None:
        self.rng = rng
        self.words = words
        self.zwnj_words = [w for w in words if Z in w]

    def word(self) -> str:
        r = self.rng
        w = r.choice(self.zwnj_words if r.random() < 0.4 else self.words)
        roll = r.random()
        if roll < 0.25:
            w = w.replace(Z, "")  # glued damage
        elif roll < 0.45:
            w = w.replace(Z, " ")  # spaced damage
        elif roll < 0.5:
            w = w.replace(Z, r.choice(INVISIBLE))
        if r.random() < 0.1:
            w = w.replace("ی", "ي").replace("ک", "ك")
        if r.random() < 0.05:
            w = w + r.choice(self.words)  # two words glued
        return w

    def token(self) -> str:
        r = self.rng
        kind = r.random()
        if kind < 0.45:
            return self.word()
        if kind < 0.55:
            return r.choice(PUNCT)
        if kind < 0.62:
            return r.choice(INVISIBLE)
        if kind < 0.68:
            return r.choice(ARABIC)
        if kind < 0.74:
            digits = r.choice(DIGITS)
            n = "".join(r.choice(digits) for _ in range(r.randint(1, 5)))
            if r.random() < 0.3:
                n += r.choice("./,٫:") + "".join(r.choice(digits) for _ in range(r.randint(1, 3)))
            return n
        if kind < 0.82:
            link = r.choice(LINKS)
            return link if r.random() < 0.7 else link + self.word()
        if kind < 0.9:
            return r.choice(LATIN)
        if kind < 0.93:  # a very long word
            base = r.choice(self.words) or "کتاب"
            return (base * r.randint(10, 400))[: r.randint(40, 3000)]
        if kind < 0.95:
            return chr(r.randint(0x0600, 0x06FF))
        if kind < 0.97:  # a mark with a word, a space, a ZWNJ or a tatweel around it
            return "".join(r.choice(["", " ", Z, "ـ", self.word()]) + r.choice(MARKS)
                           for _ in range(r.randint(1, 3))) + r.choice(["", Z, "ـ", " "])
        return chr(r.choice([r.randint(0x20, 0x7E), r.randint(0xFB50, 0xFEFF),
                             r.randint(0x2000, 0x206F), r.randint(0x0750, 0x08FF)]))

    def tokens(self) -> list[str]:
        r = self.rng
        if r.random() < 0.3:  # a short soup of single characters
            return [r.choice(SOUP) for _ in range(r.randint(1, 12))]
        out = []
        for _ in range(r.randint(1, 14)):
            out.append(self.token())
            out.append(r.choice(SEPS))
        return out


def policy(rng: random.Random) -> dict[str, str]:
    return {name: rng.choice(values) for name, values in choices().items()}


#: a ZWNJ run between a non-joining letter and a letter (a tatweel is none)
_NONJOINER = re.compile(
    f"[ءاآأإدذرزژوؤٱۀة]{Z}+(?=[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff])"
)


def check(text: str, pol: dict[str, str]) -> str | None:
    """The first property ``text`` breaks under ``pol`` (a short name), or None."""
    try:
        out = fix(text, **pol)
    except Exception as exc:  # noqa: BLE001 - any exception is the finding
        return f"raises {type(exc).__name__}"
    if out.count("\n") != text.count("\n"):
        return "lines"
    try:
        again = fix(out, **pol)
    except Exception as exc:  # noqa: BLE001
        return f"raises on output {type(exc).__name__}"
    if again != out:
        return "idempotent"
    pos = 0
    for span in find_spans(text):
        if span.kind in VERBATIM:
            found = out.find(span.text, pos)
            if found < 0:
                return f"verbatim {span.kind}"
            pos = found + len(span.text)
    if pol["zwnj"] == "repair":
        rest = outside_verbatim(out)
        if "\u064a" in rest or "\u0643" in rest:
            return "arabic yeh/kaf"
        if f"{Z} " in rest or f" {Z}" in rest:
            return "zwnj beside space"
        if pol["zwnj_nonjoiner"] == "remove" and _NONJOINER.search(rest):
            return "zwnj after nonjoiner"
    try:
        out2, edits = fix_with_edits(text, **pol)
    except Exception as exc:  # noqa: BLE001
        return f"fix_with_edits raises {type(exc).__name__}"
    if out2 != out:
        return "fix_with_edits differs"
    applied, delta, last = [], 0, 0
    for e in edits:
        at = e.offset - delta
        if at < last or text[at : at + len(e.before)] != e.before:
            return "edits do not apply"
        applied.append(text[last:at])
        applied.append(e.after)
        last = at + len(e.before)
        delta += len(e.after) - len(e.before)
    applied.append(text[last:])
    if "".join(applied) != out:
        return "edits do not give the output"
    return None


def minimise(tokens: list[str], pol: dict[str, str], what: str) -> str:
    """The shortest text found (tokens, then characters removed) that still breaks ``what``."""
    def fails(parts: list[str]) -> bool:
        return check("".join(parts), pol) == what

    n = 2
    while len(tokens) >= 2:
        chunk = max(1, len(tokens) // n)
        for i in range(0, len(tokens), chunk):
            rest = tokens[:i] + tokens[i + chunk :]
            if rest and fails(rest):
                tokens = rest
                n = max(n - 1, 2)
                break
        else:
            if chunk == 1:
                break
            n = min(n * 2, len(tokens))
    chars = list("".join(tokens))
    changed = True
    while changed:
        changed = False
        for i in range(len(chars) - 1, -1, -1):
            rest = chars[:i] + chars[i + 1 :]
            if rest and fails(rest):
                chars = rest
                changed = True
    # the fewest policy fields away from the default that still break it
    text = "".join(chars)
    for name in list(pol):
        default = choices()[name][0]
        if pol[name] != default:
            trial = dict(pol, **{name: default})
            if check(text, trial) == what:
                pol[name] = default
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="/tmp/fuzz20.jsonl")
    ap.add_argument("--max-failures", type=int, default=200)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    lex = Lexicon.load()
    words = sorted({f for forms in lex.forms.values() for f in forms if f and " " not in f})
    inputs = Inputs(rng, words)
    end = time.monotonic() + args.seconds
    seen: dict[tuple[str, str], int] = {}
    n = failures = 0
    with open(args.out, "a", encoding="utf-8") as out:
        for n in itertools.count(1):
            if time.monotonic() > end or failures >= args.max_failures:
                break
            if n % 1000 == 0:
                print(f"{n} inputs, {failures} failures, cpu {time.process_time():.0f} s", flush=True)
            tokens = inputs.tokens()
            pol = policy(rng)
            text = "".join(tokens)
            what = check(text, pol)
            if what is None:
                continue
            failures += 1
            try:
                small = minimise(tokens, pol, what)
            except Exception:  # noqa: BLE001
                small = text
                traceback.print_exc()
            key = (what, small)
            seen[key] = seen.get(key, 0) + 1
            if seen[key] == 1:
                pol_diff = {k: v for k, v in pol.items() if v != choices()[k][0]}
                row = {"what": what, "text": small, "policy": pol_diff, "seed": args.seed, "n": n}
                if what.startswith("raises"):
                    try:
                        fix(small, **pol)
                    except Exception:  # noqa: BLE001
                        row["trace"] = traceback.format_exc()[-600:]
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                out.flush()
                print(json.dumps(row, ensure_ascii=False)[:300], flush=True)
    print(f"{n} inputs, {failures} failures, {len(seen)} distinct, cpu {time.process_time():.0f} s",
          flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
