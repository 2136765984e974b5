/* khabar._c.charscan: where the first character of a set stands in a str, in one C pass.
 *
 * Several of khabar.fix's passes only need to know whether (or where) a text holds one of a
 * set of characters before they run a regex: the identifiers' trigger (a Latin letter, #, @ or
 * `: khabar.text.protect.find_verbatim) and the character map's rare sources (757 of them:
 * presentation forms, NBSP, ZWSP...: khabar.text.normalize.TranslateRule). Python's regex
 * engine tests a character class at every position (about 5 ns per character); this loop reads
 * each character once and tests one bit of a table. khabar.text.charset keeps the pure-Python
 * twin (_find_any_py, the reference) and, without this extension, answers with a regex;
 * tests/text/test_c_charscan.py compares the three.
 *
 *   find_any(table, text, start=0) -> int
 *       the index of the first character of text at or after start whose code point c has
 *       bit c of table set (bit c & 7 of byte c >> 3); a code point at or beyond
 *       len(table) * 8 is in no set; -1 when there is none
 *
 *   find_each(chars, text) -> list[list[int]]
 *       for each character of chars (distinct characters), the index of every occurrence
 *       in text, in order, from one pass over text: TranslateRule.positions' offsets of each
 *       substituted source (ي → ی: ~120 in a ~4 KB document), without a regex match object per
 *       occurrence or a scan per source
 *
 *   find_pair(first, second, text, by_second=False) -> int
 *       the index i of the first character of text in the set of table first whose next
 *       character (at i + 1) is in the set of table second (tables as find_any's); -1 when no
 *       two such characters stand side by side: khabar.text.normalize's guards of the spacing
 *       rules that can match only at such a pair (a dot before a letter: ``است.وی``; a space
 *       before a line break), asked of every text before their regex passes. by_second: scan
 *       for the second set's characters (the rarer set: line breaks after a space), not the
 *       first's; the answer is the same, only the speed differs
 *
 *   pair_mask(rare, pairs, text) -> int
 *       find_pair for several pairs in one pass: pairs is a tuple of up to 16 triples
 *       (first, second, by_second), rare a table holding every pair's scanned set (second's
 *       with by_second, first's without); bit j of the answer is set when a character of
 *       first_j stands right before one of second_j and the scanned one of the two is in rare.
 *       The three guards of khabar.text.normalize's spacing rules, asked together (one pass
 *       instead of three: khabar.text.normalize.space_pairs)
 *
 *   find_double(char, text) -> int
 *       the index of the first of two ``char`` side by side in text (text.find(char * 2)),
 *       -1 when there is none: the guard of space.collapse (two spaces in a row), asked of
 *       every text. str's own search for a two-character needle tests about one position per
 *       character with a branch that a space every sixth character keeps mispredicting (~2 ns
 *       a character); this loop compares blocks of 16 characters without a branch inside
 *       (about 0.3 ns a character)
 *
 *   line_slips(classes, text) -> list[int]
 *       the spaces a line puts before a punctuation mark where the same line attaches one to
 *       its word (khabar.text.normalize.SlipSpaceRule: ``برنج ، روغن، تن``), as a flat list
 *       [start0, end0, start1, end1, ...] of the space runs to delete, in order. classes holds
 *       one byte per code point below len(classes) (beyond: no class): SLIP_MARK (1) a space
 *       run right before it is a candidate unless the same mark follows it (an ellipsis);
 *       ATTACH_MARK (2) attached to a word, it makes the line's habit; NO_ATTACH (4) a
 *       character before a mark that does not attach it (digits, marks; whitespace never
 *       does); DIGIT (8) a candidate run right after it stays (``12 :30``; after whitespace
 *       too); BREAK (16) ends a line. A line's candidates are kept only if the line has the
 *       habit. One pass over text, a byte read per character
 *
 * The table comes first so that functools.partial(find_any, table) is a set's finder.
 * CPython 3.11 C API only, no other library.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* The loop for one string kind: CHAR is Py_UCS1, Py_UCS2 or Py_UCS4. Without a branch per
 * character: a code point beyond the table reads bit 0 (k = 0) and is masked out (in = 0), so
 * the only branch is the rare one that returns; a test of c < limit that skips the table read
 * mispredicts at every change between letters (beyond a Latin table) and spaces (in it). */
#define SCAN(CHAR)                                                                 \
    do {                                                                           \
        const CHAR *s = (const CHAR *)data;                                        \
        for (Py_ssize_t i = start; i < n; i++) {                                   \
            Py_UCS4 c = s[i];                                                      \
            Py_UCS4 in = c < limit;                                                \
            Py_UCS4 k = c & (0u - in);                                             \
            if ((bits[k >> 3] >> (k & 7)) & in) {                                  \
                return i;                                                          \
            }                                                                      \
        }                                                                          \
    } while (0)

/* Two-byte texts (Persian text is one), eight characters at a time. The sets asked of every
 * text lie in narrow bands of code points that Persian letters, spaces and ZWNJ stand
 * outside: the identifiers' trigger (# @ ` and Latin letters, U+0023-U+024F), the spacing
 * rules' scanned marks (line breaks below the space, punctuation U+0021-U+061F, U+2028-9). A
 * block of eight characters none of which lies in a band holds no member; a lane-wise
 * subtraction and a lane-below test on two 64-bit words (four 16-bit lanes each) say so for a
 * band, about 3 operations a character for the tests where the bit test costs ~11, and a
 * block that may hold one is read with the bit test. The bands of a set: below the space when
 * it has members there but not the space (the space, a sixth of any text, would put every
 * block in a band), then its members above split at their widest gap into two bands (the
 * spacing set's gap U+0620-U+2027 holds every Persian letter and ZWNJ). A band wider than
 * 0x8000 turns the blocks off; so does a text whose blocks mostly may hold one (the character
 * map's rare sources, U+00A0-U+FEFF, stand among Persian letters: after 32 such blocks, if
 * three in four were, the rest is read with the bit test alone).
 * Exact: lane - lo is computed lane by lane (no borrow crosses lanes), and a lane below width
 * (at most 0x8000) sets its lane's high bit in (d - width) & ~d (the lowest such lane exactly,
 * the ones above it perhaps by a borrow: the test asks only whether there is one). */
#define SWAR_MIN 32
#define LANES 0x0001000100010001ULL
#define HIGHS 0x8000800080008000ULL
#define SPACE 0x20u

static int
has_bit(const unsigned char *bits, Py_UCS4 c)
{
    return (bits[c >> 3] >> (c & 7u)) & 1u;
}

/* The lowest code point of the table at or after from and below limit, or limit if none. */
static Py_UCS4
table_low(const unsigned char *bits, Py_UCS4 limit, Py_UCS4 from)
{
    for (Py_UCS4 c = from; c < limit; c++) {
        if (!(c & 7u) && !bits[c >> 3]) {
            c += 7; /* a whole empty byte */
            continue;
        }
        if (has_bit(bits, c)) {
            return c;
        }
    }
    return limit;
}

/* What the block test of a table needs, found once per call (pair_mask: once for all its
 * scans): two bands [lo, lo + width) as lo * LANES (low, and nlow its complement) and
 * width * LANES (widths), a band of width 0 testing nothing; unders is SPACE * LANES when the
 * lanes below the space are tested, else 0 (which tests nothing). on: the blocks are read. */
struct blocks {
    int on;
    Py_UCS4 limit;
    uint64_t low0, nlow0, widths0, low1, nlow1, widths1, unders;
};

/* [lo, end) as band 0 or 1; 0 when it is wider than the lanes can test */
static int
set_band(struct blocks *b, int which, Py_UCS4 lo, Py_UCS4 end)
{
    if (end - lo > 0x8000) {
        return 0;
    }
    uint64_t low = (uint64_t)lo * LANES, widths = (uint64_t)(end - lo) * LANES;
    if (which == 0) {
        b->low0 = low, b->nlow0 = ~low, b->widths0 = widths;
    }
    else {
        b->low1 = low, b->nlow1 = ~low, b->widths1 = widths;
    }
    return 1;
}

/* The bands in whole table bytes (a byte's eight code points), found in one pass over the
 * table's bytes: the members from lo on, split at the widest run of empty bytes. */
static void
blocks_of(const unsigned char *bits, Py_UCS4 limit, struct blocks *b)
{
    b->on = 0;
    b->limit = limit > 0x10000 ? 0x10000 : limit; /* a two-byte text holds no code point beyond */
    b->unders = 0;
    b->low1 = 0, b->nlow1 = ~(uint64_t)0, b->widths1 = 0; /* band 1 empty unless set */
    Py_UCS4 lo = table_low(bits, b->limit, 0);
    if (lo < SPACE && !(SPACE < b->limit && has_bit(bits, SPACE))) {
        b->unders = (uint64_t)SPACE * LANES;
        lo = table_low(bits, b->limit, SPACE + 1);
    }
    if (lo >= b->limit) { /* no member from here on: the lanes below the space, or none */
        b->low0 = 0, b->nlow0 = ~(uint64_t)0, b->widths0 = 0;
        b->on = 1;
        return;
    }
    Py_UCS4 nbytes = b->limit / 8, last = lo >> 3, gap_lo = 0, gap_hi = 0; /* bytes */
    for (Py_UCS4 k = last + 1; k < nbytes; k++) {
        if (bits[k]) {
            if (k - last - 1 > gap_hi - gap_lo) {
                gap_lo = last + 1, gap_hi = k;
            }
            last = k;
        }
    }
    Py_UCS4 end = (last + 1) * 8 < b->limit ? (last + 1) * 8 : b->limit;
    if (gap_hi == gap_lo) { /* no empty byte between members: one band */
        b->on = set_band(b, 0, lo, end);
        return;
    }
    b->on = set_band(b, 0, lo, gap_lo * 8) && set_band(b, 1, gap_hi * 8, end);
}

/* lane i of d is (lane i of x) - lo mod 0x10000, for the four lanes; nlow is ~(lo * LANES) */
#define LANE_SUB(x, low, nlow) ((((x) | HIGHS) - ((low) & ~HIGHS)) ^ (((x) ^ (nlow)) & HIGHS))
/* nonzero when a lane of d is below width (width <= 0x8000; widths is width * LANES; 0: never) */
#define LANE_BELOW(d, widths) (((d) - (widths)) & ~(d) & HIGHS)
/* nonzero when a lane of x may be a member: in band 0, in band 1 or below the space */
#define MAY_HOLD(x)                                                                \
    (LANE_BELOW(LANE_SUB(x, low0, nlow0), widths0) |                               \
     LANE_BELOW(LANE_SUB(x, low1, nlow1), widths1) | LANE_BELOW(x, unders))

/* first_in for a two-byte text; blocks: the table's block test (NULL: found here if the text
 * is long enough to use it) */
static Py_ssize_t
first_in_ucs2(const unsigned char *bits, Py_UCS4 limit, const void *data, Py_ssize_t start,
              Py_ssize_t n, const struct blocks *blocks)
{
    const Py_UCS2 *u = (const Py_UCS2 *)data;
    Py_ssize_t i = start;
    struct blocks own;
    if (blocks == NULL && n - start >= SWAR_MIN) {
        blocks_of(bits, limit, &own);
        blocks = &own;
    }
    if (blocks != NULL && blocks->on) {
        limit = blocks->limit;
        const uint64_t low0 = blocks->low0, nlow0 = blocks->nlow0, widths0 = blocks->widths0;
        const uint64_t low1 = blocks->low1, nlow1 = blocks->nlow1, widths1 = blocks->widths1;
        const uint64_t unders = blocks->unders;
        Py_ssize_t seen = 0, maybe = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t x, y;
            memcpy(&x, u + i, 8);
            memcpy(&y, u + i + 4, 8);
            seen++;
            if (!(MAY_HOLD(x) | MAY_HOLD(y))) {
                continue;
            }
            for (Py_ssize_t k = i; k < i + 8; k++) {
                Py_UCS4 c = u[k];
                if (c < limit && has_bit(bits, c)) {
                    return k;
                }
            }
            if (++maybe >= 32 && maybe * 4 >= seen * 3) {
                i += 8;
                break; /* the bands hold the text's own letters: the bit test alone */
            }
        }
    }
    start = i;
    SCAN(Py_UCS2);
    return -1;
}

static Py_ssize_t
first_in(const unsigned char *bits, Py_UCS4 limit, int kind, const void *data, Py_ssize_t start,
         Py_ssize_t n)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        SCAN(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        return first_in_ucs2(bits, limit, data, start, n, NULL);
    default:
        SCAN(Py_UCS4);
        break;
    }
    return -1;
}

static PyObject *
charscan_find_any(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2 || nargs > 3) {
        PyErr_Format(PyExc_TypeError,
                     "find_any(table, text, start=0) takes 2 or 3 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *table = args[0], *text = args[1];
    if (!PyBytes_Check(table)) {
        PyErr_Format(PyExc_TypeError,
                     "find_any: table must be bytes (a bitmap: bit c of byte c >> 3), not %.100s",
                     Py_TYPE(table)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "find_any: text must be a str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    Py_ssize_t start = 0;
    if (nargs == 3) {
        start = PyLong_AsSsize_t(args[2]);
        if (start == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (start < 0) {
            PyErr_Format(PyExc_ValueError,
                         "find_any: start must be 0 or more, got %zd (count from the text's "
                         "start)",
                         start);
            return NULL;
        }
    }
    if (PyUnicode_READY(text) == -1) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t size = PyBytes_GET_SIZE(table);
    /* code points stop at 0x10FFFF: a longer table adds nothing, and limit fits a Py_UCS4 */
    Py_UCS4 limit = size >= 0x22000 ? 0x110000 : (Py_UCS4)(size * 8);
    if (start >= n || limit == 0) {
        return PyLong_FromSsize_t(-1);
    }
    const unsigned char *bits = (const unsigned char *)PyBytes_AS_STRING(table);
    return PyLong_FromSsize_t(
        first_in(bits, limit, PyUnicode_KIND(text), PyUnicode_DATA(text), start, n));
}

/* The loops of find_pair for one string kind (CHAR). A text holds few characters of the rarer
 * set (punctuation, line breaks): the loop looks for those with the branch-free bit test of
 * SCAN (about 1 ns a character), and tests the character beside each one found. by_second
 * says which set is the rarer one: the second (look at the character before) or the first
 * (look at the one after). Both give the first pair. */
#define BIT(TABLE, LIMIT, C) ((C) < (LIMIT) && (((TABLE)[(C) >> 3] >> ((C) & 7)) & 1))
#define PAIR(CHAR)                                                                 \
    do {                                                                           \
        const CHAR *s = (const CHAR *)data;                                        \
        if (by_second) {                                                           \
            for (Py_ssize_t i = 1; i < n; i++) {                                   \
                Py_UCS4 c = s[i];                                                  \
                Py_UCS4 in = c < limit2;                                           \
                Py_UCS4 k = c & (0u - in);                                         \
                if (((second[k >> 3] >> (k & 7)) & in) && BIT(first, limit1, s[i - 1])) { \
                    return i - 1;                                                  \
                }                                                                  \
            }                                                                      \
        }                                                                          \
        else {                                                                     \
            for (Py_ssize_t i = 0; i + 1 < n; i++) {                               \
                Py_UCS4 c = s[i];                                                  \
                Py_UCS4 in = c < limit1;                                           \
                Py_UCS4 k = c & (0u - in);                                         \
                if (((first[k >> 3] >> (k & 7)) & in) && BIT(second, limit2, s[i + 1])) { \
                    return i;                                                      \
                }                                                                  \
            }                                                                      \
        }                                                                          \
    } while (0)

static Py_ssize_t
first_pair(const unsigned char *first, Py_UCS4 limit1, const unsigned char *second,
           Py_UCS4 limit2, int by_second, int kind, const void *data, Py_ssize_t n)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        PAIR(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        PAIR(Py_UCS2);
        break;
    default:
        PAIR(Py_UCS4);
        break;
    }
    return -1;
}

/* A find_any table's limit: code points stop at 0x10FFFF, so a longer table adds nothing. */
static Py_UCS4
table_limit(PyObject *table)
{
    Py_ssize_t size = PyBytes_GET_SIZE(table);
    return size >= 0x22000 ? 0x110000 : (Py_UCS4)(size * 8);
}

static PyObject *
charscan_find_pair(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 3 || nargs > 4) {
        PyErr_Format(PyExc_TypeError,
                     "find_pair(first, second, text, by_second=False) takes 3 or 4 arguments "
                     "(%zd given)",
                     nargs);
        return NULL;
    }
    PyObject *first = args[0], *second = args[1], *text = args[2];
    if (!PyBytes_Check(first) || !PyBytes_Check(second)) {
        PyErr_Format(PyExc_TypeError,
                     "find_pair: first and second must be bytes (bitmaps: bit c of byte "
                     "c >> 3), not %.100s and %.100s",
                     Py_TYPE(first)->tp_name, Py_TYPE(second)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "find_pair: text must be a str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    int by_second = 0;
    if (nargs == 4) {
        by_second = PyObject_IsTrue(args[3]);
        if (by_second < 0) {
            return NULL;
        }
    }
    if (PyUnicode_READY(text) == -1) {
        return NULL;
    }
    Py_UCS4 limit1 = table_limit(first), limit2 = table_limit(second);
    if (limit1 == 0 || limit2 == 0) {
        return PyLong_FromSsize_t(-1);
    }
    return PyLong_FromSsize_t(first_pair((const unsigned char *)PyBytes_AS_STRING(first),
                                         limit1,
                                         (const unsigned char *)PyBytes_AS_STRING(second),
                                         limit2, by_second, PyUnicode_KIND(text),
                                         PyUnicode_DATA(text),
                                         PyUnicode_GET_LENGTH(text)));
}

#define MAX_PAIRS 16

/* pair_mask: the characters of rare are found with first_in (SCAN's loop); at each one, every
 * pair not yet found tests it and its neighbour. Stops when every pair is found. */
static PyObject *
charscan_pair_mask(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError,
                     "pair_mask(rare, pairs, text) takes 3 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *rare = args[0], *pairs = args[1], *text = args[2];
    if (!PyBytes_Check(rare)) {
        PyErr_Format(PyExc_TypeError,
                     "pair_mask: rare must be bytes (a bitmap: bit c of byte c >> 3), not "
                     "%.100s",
                     Py_TYPE(rare)->tp_name);
        return NULL;
    }
    if (!PyTuple_Check(pairs) || PyTuple_GET_SIZE(pairs) > MAX_PAIRS) {
        PyErr_Format(PyExc_TypeError,
                     "pair_mask: pairs must be a tuple of at most %d (first, second, by_second) "
                     "triples, not %.100s",
                     MAX_PAIRS, Py_TYPE(pairs)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "pair_mask: text must be a str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    Py_ssize_t np = PyTuple_GET_SIZE(pairs);
    const unsigned char *first[MAX_PAIRS], *second[MAX_PAIRS];
    Py_UCS4 limit1[MAX_PAIRS], limit2[MAX_PAIRS];
    int by_second[MAX_PAIRS];
    for (Py_ssize_t j = 0; j < np; j++) {
        PyObject *t = PyTuple_GET_ITEM(pairs, j);
        if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 3 ||
            !PyBytes_Check(PyTuple_GET_ITEM(t, 0)) || !PyBytes_Check(PyTuple_GET_ITEM(t, 1))) {
            PyErr_Format(PyExc_TypeError,
                         "pair_mask: pairs[%zd] must be a (first, second, by_second) tuple "
                         "with bytes tables, not %.100s",
                         j, Py_TYPE(t)->tp_name);
            return NULL;
        }
        int b = PyObject_IsTrue(PyTuple_GET_ITEM(t, 2));
        if (b < 0) {
            return NULL;
        }
        by_second[j] = b;
        first[j] = (const unsigned char *)PyBytes_AS_STRING(PyTuple_GET_ITEM(t, 0));
        second[j] = (const unsigned char *)PyBytes_AS_STRING(PyTuple_GET_ITEM(t, 1));
        limit1[j] = table_limit(PyTuple_GET_ITEM(t, 0));
        limit2[j] = table_limit(PyTuple_GET_ITEM(t, 1));
    }
    if (PyUnicode_READY(text) == -1) {
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_UCS4 limit = table_limit(rare);
    const unsigned char *bits = (const unsigned char *)PyBytes_AS_STRING(rare);
    /* the block test found once for every scan below (a scan stops at each punctuation mark) */
    struct blocks found;
    const struct blocks *blocks = NULL;
    if (kind == PyUnicode_2BYTE_KIND && n >= SWAR_MIN && limit != 0) {
        blocks_of(bits, limit, &found);
        blocks = &found;
    }
    long all = (1L << np) - 1, mask = 0;
    Py_ssize_t start = 0;
    while (mask != all && limit != 0) {
        Py_ssize_t i = kind == PyUnicode_2BYTE_KIND
                           ? first_in_ucs2(bits, limit, data, start, n, blocks)
                           : first_in(bits, limit, kind, data, start, n);
        if (i < 0) {
            break;
        }
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        for (Py_ssize_t j = 0; j < np; j++) {
            if ((mask >> j) & 1) {
                continue;
            }
            if (by_second[j]) {
                if (i > 0 && BIT(second[j], limit2[j], c) &&
                    BIT(first[j], limit1[j], PyUnicode_READ(kind, data, i - 1))) {
                    mask |= 1L << j;
                }
            }
            else if (i + 1 < n && BIT(first[j], limit1[j], c) &&
                     BIT(second[j], limit2[j], PyUnicode_READ(kind, data, i + 1))) {
                mask |= 1L << j;
            }
        }
        start = i + 1;
    }
    return PyLong_FromLong(mask);
}

/* The index k of c in chars (kind ckind, length m), or -1. */
static Py_ssize_t
index_in(Py_UCS4 c, int ckind, const void *cdata, Py_ssize_t m)
{
    for (Py_ssize_t k = 0; k < m; k++) {
        if (PyUnicode_READ(ckind, cdata, k) == c) {
            return k;
        }
    }
    return -1;
}

/* One pass over data[0:n] (kind CHAR): each character that stands in chars (its bit set in
 * bits, below limit; or, with astral set, any character from U+10000 that index_in finds) is
 * appended, as its index, to lists[k] (k: its place in chars). The bitmap test has no branch
 * per character (see SCAN). Returns 0, or -1 with an exception set. */
#define EACH(CHAR, ASTRAL)                                                         \
    do {                                                                           \
        const CHAR *s = (const CHAR *)data;                                        \
        for (Py_ssize_t i = 0; i < n; i++) {                                       \
            Py_UCS4 c = s[i];                                                      \
            Py_UCS4 in = c < limit;                                                \
            Py_UCS4 b = c & (0u - in);                                             \
            Py_ssize_t k;                                                          \
            if ((bits[b >> 3] >> (b & 7)) & in) {                                  \
                k = index_in(c, ckind, cdata, m);                                  \
            }                                                                      \
            else if (ASTRAL && c >= 0x10000) {                                     \
                k = index_in(c, ckind, cdata, m);                                  \
                if (k < 0) {                                                       \
                    continue;                                                      \
                }                                                                  \
            }                                                                      \
            else {                                                                 \
                continue;                                                          \
            }                                                                      \
            PyObject *index = PyLong_FromSsize_t(i);                               \
            if (index == NULL) {                                                   \
                return -1;                                                         \
            }                                                                      \
            int failed = PyList_Append(PyList_GET_ITEM(lists, k), index);          \
            Py_DECREF(index);                                                      \
            if (failed) {                                                          \
                return -1;                                                         \
            }                                                                      \
        }                                                                          \
    } while (0)

/* Appends index i to list (a new int); 0, or -1 with an exception set (find_each, line_slips). */
static int
append_index(PyObject *list, Py_ssize_t i)
{
    PyObject *index = PyLong_FromSsize_t(i);
    if (index == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, index);
    Py_DECREF(index);
    return failed;
}

/* EACH_FEW sources or fewer are found one source at a time with memchr (a pass at memchr
 * speed each: TranslateRule.positions' three hot sources, ي ى ك, in a ~2,500-character
 * document cost ~3 K instructions this way against ~25 K for the one bitmap pass); more
 * sources take the one pass. */
#define EACH_FEW 4

/* Whether each_few can find chars (kind ckind, length m) in a text of this kind: few enough,
 * none from U+10000 (the bitmap pass looks for those), and, in a two-byte text, none whose low
 * byte is 0 (memchr would stop at the high byte of every ASCII character). */
static int
few_sources(int ckind, const void *cdata, Py_ssize_t m, int kind)
{
    if (m > EACH_FEW || (kind != PyUnicode_1BYTE_KIND && kind != PyUnicode_2BYTE_KIND)) {
        return 0;
    }
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_UCS4 c = PyUnicode_READ(ckind, cdata, k);
        if (c >= 0x10000 || (kind == PyUnicode_2BYTE_KIND && (c & 0xff) == 0)) {
            return 0;
        }
    }
    return 1;
}

/* each_of for few_sources: for each source, memchr for its low byte; a byte found is an
 * occurrence when the code unit holding it is the source (either byte of a unit may be the
 * one found: no assumption on the byte order), else the search goes on after that byte. A
 * one-byte text holds a source only if it is below U+0100 (its byte). The same indices, in
 * order, as the one pass. */
static int
each_few(int ckind, const void *cdata, Py_ssize_t m, int kind, const void *data, Py_ssize_t n,
         PyObject *lists)
{
    const char *bytes = (const char *)data;
    size_t size = (size_t)n * (size_t)kind;
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_UCS4 c = PyUnicode_READ(ckind, cdata, k);
        if (kind == PyUnicode_1BYTE_KIND && c > 0xff) {
            continue; /* no such character in the text */
        }
        PyObject *list = PyList_GET_ITEM(lists, k);
        size_t at = 0;
        while (at < size) {
            const char *hit = memchr(bytes + at, (int)(c & 0xff), size - at);
            if (hit == NULL) {
                break;
            }
            size_t i = (size_t)(hit - bytes) / (size_t)kind; /* the code unit holding it */
            if (kind == PyUnicode_2BYTE_KIND && ((const Py_UCS2 *)data)[i] != c) {
                at = (size_t)(hit - bytes) + 1; /* another unit's byte: look on */
                continue;
            }
            at = (i + 1) * (size_t)kind;
            if (append_index(list, (Py_ssize_t)i) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int
each_of(const unsigned char *bits, Py_UCS4 limit, int astral, int ckind, const void *cdata,
        Py_ssize_t m, int kind, const void *data, Py_ssize_t n, PyObject *lists)
{
    if (few_sources(ckind, cdata, m, kind)) {
        return each_few(ckind, cdata, m, kind, data, n, lists);
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        EACH(Py_UCS1, 0);
        break;
    case PyUnicode_2BYTE_KIND:
        EACH(Py_UCS2, 0);
        break;
    default:
        if (astral) {
            EACH(Py_UCS4, 1);
        }
        else {
            EACH(Py_UCS4, 0);
        }
        break;
    }
    return 0;
}

static PyObject *
charscan_find_each(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "find_each(chars, text) takes 2 arguments (%zd given)",
                     nargs);
        return NULL;
    }
    PyObject *chars = args[0], *text = args[1];
    if (!PyUnicode_Check(chars) || !PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError,
                     "find_each: chars and text must be str, not %.100s and %.100s",
                     Py_TYPE(chars)->tp_name, Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (PyUnicode_READY(chars) == -1 || PyUnicode_READY(text) == -1) {
        return NULL;
    }
    Py_ssize_t m = PyUnicode_GET_LENGTH(chars);
    int ckind = PyUnicode_KIND(chars);
    const void *cdata = PyUnicode_DATA(chars);
    /* a bitmap of the BMP characters of chars (on the stack, cleared as far as they reach);
     * characters from U+10000 are looked for one by one, in texts that can hold them */
    unsigned char bits[0x10000 / 8];
    Py_UCS4 limit = 0;
    int astral = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_UCS4 c = PyUnicode_READ(ckind, cdata, k);
        if (c >= 0x10000) {
            astral = 1;
        }
        else if (c + 1 > limit) {
            limit = c + 1;
        }
    }
    memset(bits, 0, limit ? (size_t)((limit + 7) / 8) : 1); /* bits[0] is read when limit 0 */
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_UCS4 c = PyUnicode_READ(ckind, cdata, k);
        /* a repeated character would get its indices in its first list only, the twin's in
         * each: refuse it, as the twin does */
        int again = c < 0x10000 ? (bits[c >> 3] >> (c & 7)) & 1 : index_in(c, ckind, cdata, k) >= 0;
        if (again) {
            PyErr_Format(PyExc_ValueError,
                         "find_each: chars must not repeat a character, U+%04x does at %zd",
                         (unsigned)c, k);
            return NULL;
        }
        if (c < 0x10000) {
            bits[c >> 3] |= (unsigned char)(1u << (c & 7));
        }
    }
    PyObject *lists = PyList_New(m);
    if (lists == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *list = PyList_New(0);
        if (list == NULL) {
            Py_DECREF(lists);
            return NULL;
        }
        PyList_SET_ITEM(lists, k, list);
    }
    if (each_of(bits, limit, astral, ckind, cdata, m, PyUnicode_KIND(text),
                PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), lists) < 0) {
        Py_DECREF(lists);
        return NULL;
    }
    return lists;
}

/* The loop of find_double for one string kind (CHAR): blocks of DOUBLE_BLOCK positions, each
 * an OR of comparisons without a branch (the compiler may run them as vector instructions),
 * until a block holds a pair; then, from that block on, a plain loop finds the first pair (it
 * stands in that block) and also covers the last positions that fill no block. */
#define DOUBLE_BLOCK 16
#define DOUBLE(CHAR)                                                               \
    do {                                                                           \
        const CHAR *s = (const CHAR *)data;                                        \
        const CHAR want = (CHAR)c;                                                 \
        Py_ssize_t i = 0;                                                          \
        for (; i + DOUBLE_BLOCK < n; i += DOUBLE_BLOCK) {                          \
            unsigned hit = 0;                                                      \
            for (int j = 0; j < DOUBLE_BLOCK; j++) {                               \
                hit |= (unsigned)(s[i + j] == want) & (unsigned)(s[i + j + 1] == want); \
            }                                                                      \
            if (hit) {                                                             \
                break;                                                             \
            }                                                                      \
        }                                                                          \
        for (; i + 1 < n; i++) {                                                   \
            if (s[i] == want && s[i + 1] == want) {                                \
                return i;                                                          \
            }                                                                      \
        }                                                                          \
    } while (0)

static Py_ssize_t
first_double(Py_UCS4 c, int kind, const void *data, Py_ssize_t n)
{
    /* c must fit the text's kind (the caller checks): a wider c would be truncated by the cast */
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        DOUBLE(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        DOUBLE(Py_UCS2);
        break;
    default:
        DOUBLE(Py_UCS4);
        break;
    }
    return -1;
}

static PyObject *
charscan_find_double(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "find_double(char, text) takes 2 arguments (%zd given)",
                     nargs);
        return NULL;
    }
    PyObject *chr = args[0], *text = args[1];
    if (!PyUnicode_Check(chr) || !PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError,
                     "find_double: char and text must be str, not %.100s and %.100s",
                     Py_TYPE(chr)->tp_name, Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (PyUnicode_READY(chr) == -1 || PyUnicode_READY(text) == -1) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(chr) != 1) {
        PyErr_Format(PyExc_ValueError,
                     "find_double: char must be one character, got %zd (the text of the pair "
                     "is char twice)",
                     PyUnicode_GET_LENGTH(chr));
        return NULL;
    }
    Py_UCS4 c = PyUnicode_READ_CHAR(chr, 0);
    /* a character beyond the text's kind (é in an ASCII text) cannot stand in it */
    if (c > PyUnicode_MAX_CHAR_VALUE(text)) {
        return PyLong_FromSsize_t(-1);
    }
    return PyLong_FromSsize_t(first_double(c, PyUnicode_KIND(text), PyUnicode_DATA(text),
                                           PyUnicode_GET_LENGTH(text)));
}

/* line_slips' class bits (khabar.text.charset.SLIP_* name them for the Python side) */
#define SLIP_MARK 1
#define ATTACH_MARK 2
#define NO_ATTACH 4
#define DIGIT 8
#define BREAK 16

#define CLASS_OF(c) ((c) < limit ? cls[(c)] : 0)

/* A line's candidates (start, end of each space run), kept in C until the line ends: most
 * lines never show the habit (a tokenised corpus spaces every mark: glued PEYMA holds ~31 K
 * such runs and no line that keeps one), and each candidate was two ints made, appended and
 * sliced off again (~15 M instructions over the 2.2 M characters, bench/fix/speed20v.md). */
typedef struct {
    Py_ssize_t *at;
    Py_ssize_t len, cap;
} Pending;

/* Adds the run [a, b) to the line's candidates; 0, or -1 with MemoryError set. */
static int
pending_push(Pending *p, Py_ssize_t a, Py_ssize_t b)
{
    if (p->len + 2 > p->cap) {
        Py_ssize_t cap = p->cap ? p->cap * 2 : 64;
        Py_ssize_t *at = PyMem_Realloc(p->at, (size_t)cap * sizeof(Py_ssize_t));
        if (at == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        p->at = at;
        p->cap = cap;
    }
    p->at[p->len++] = a;
    p->at[p->len++] = b;
    return 0;
}

/* Ends a line: with the habit its candidates go to out (as ints), without it they go. */
static int
end_line(PyObject *out, Pending *p, int habit)
{
    if (habit) {
        for (Py_ssize_t j = 0; j < p->len; j++) {
            if (append_index(out, p->at[j]) < 0) {
                return -1;
            }
        }
    }
    p->len = 0;
    return 0;
}

/* The loop of line_slips for one string kind (CHAR). */
#define SLIPS(CHAR)                                                                \
    do {                                                                           \
        const CHAR *s = (const CHAR *)data;                                        \
        for (Py_ssize_t i = 0; i < n; i++) {                                       \
            Py_UCS4 c = s[i];                                                      \
            unsigned k = CLASS_OF(c);                                              \
            if (!(k & (SLIP_MARK | ATTACH_MARK | BREAK))) {                        \
                continue;                                                          \
            }                                                                      \
            if (k & BREAK) {                                                       \
                if (end_line(out, pending, habit) < 0) {                           \
                    return -1;                                                     \
                }                                                                  \
                habit = 0;                                                         \
                continue;                                                          \
            }                                                                      \
            if (i == 0) {                                                          \
                continue;                                                          \
            }                                                                      \
            Py_UCS4 before = s[i - 1];                                             \
            if ((k & ATTACH_MARK) && !(CLASS_OF(before) & NO_ATTACH)               \
                && !Py_UNICODE_ISSPACE(before)) {                                  \
                habit = 1;                                                         \
            }                                                                      \
            if ((k & SLIP_MARK) && before == ' ' && !(i + 1 < n && s[i + 1] == c)) { \
                Py_ssize_t start = i - 1;                                          \
                while (start > 0 && s[start - 1] == ' ') {                         \
                    start--;                                                       \
                }                                                                  \
                if (start > 0) {                                                   \
                    Py_UCS4 b = s[start - 1];                                      \
                    if (!(CLASS_OF(b) & DIGIT) && !Py_UNICODE_ISSPACE(b)) {        \
                        if (pending_push(pending, start, i) < 0) {                 \
                            return -1;                                             \
                        }                                                          \
                    }                                                              \
                }                                                                  \
            }                                                                      \
        }                                                                          \
    } while (0)

static int
slips_scan(const unsigned char *cls, Py_UCS4 limit, int kind, const void *data, Py_ssize_t n,
           PyObject *out, Pending *pending)
{
    int habit = 0;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        SLIPS(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        SLIPS(Py_UCS2);
        break;
    default:
        SLIPS(Py_UCS4);
        break;
    }
    return end_line(out, pending, habit);
}

static int
slips_of(const unsigned char *cls, Py_UCS4 limit, int kind, const void *data, Py_ssize_t n,
         PyObject *out)
{
    Pending pending = {NULL, 0, 0};
    int status = slips_scan(cls, limit, kind, data, n, out, &pending);
    PyMem_Free(pending.at);
    return status;
}

static PyObject *
charscan_line_slips(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "line_slips(classes, text) takes 2 arguments (%zd given)",
                     nargs);
        return NULL;
    }
    PyObject *classes = args[0], *text = args[1];
    if (!PyBytes_Check(classes) || !PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError,
                     "line_slips: classes must be bytes (a class byte per code point) and text "
                     "a str, not %.100s and %.100s",
                     Py_TYPE(classes)->tp_name, Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (PyUnicode_READY(text) == -1) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t size = PyBytes_GET_SIZE(classes);
    Py_UCS4 limit = size > 0x110000 ? 0x110000 : (Py_UCS4)size;
    if (slips_of((const unsigned char *)PyBytes_AS_STRING(classes), limit, PyUnicode_KIND(text),
                 PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), out) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

static PyMethodDef charscan_methods[] = {
    {"find_any", (PyCFunction)(void (*)(void))charscan_find_any, METH_FASTCALL,
     "find_any(table, text, start=0) -> int\n\n"
     "The index of the first character of text at or after start whose code point c has bit "
     "c & 7 of table[c >> 3] set; -1 if there is none."},
    {"find_each", (PyCFunction)(void (*)(void))charscan_find_each, METH_FASTCALL,
     "find_each(chars, text) -> list[list[int]]\n\n"
     "For each character of chars (distinct), the index of every occurrence in text."},
    {"find_pair", (PyCFunction)(void (*)(void))charscan_find_pair, METH_FASTCALL,
     "find_pair(first, second, text, by_second=False) -> int\n\n"
     "The index i of the first character of text in table first whose next character is in "
     "table second; -1 if there is none."},
    {"pair_mask", (PyCFunction)(void (*)(void))charscan_pair_mask, METH_FASTCALL,
     "pair_mask(rare, pairs, text) -> int\n\n"
     "Bit j set when pairs[j] = (first, second, by_second) stands in text: a character of "
     "table first right before one of table second, the scanned one (second's with by_second) "
     "in table rare."},
    {"find_double", (PyCFunction)(void (*)(void))charscan_find_double, METH_FASTCALL,
     "find_double(char, text) -> int\n\n"
     "The index of the first of two char side by side in text (text.find(char * 2)); -1 if "
     "there is none."},
    {"line_slips", (PyCFunction)(void (*)(void))charscan_line_slips, METH_FASTCALL,
     "line_slips(classes, text) -> list[int]\n\n"
     "The space runs before punctuation to delete, [start0, end0, ...]: those of the lines "
     "that also attach a mark to a word (class bits: 1 slip mark, 2 attach mark, 4 no attach, "
     "8 digit, 16 line break)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef charscan_module = {
    PyModuleDef_HEAD_INIT,
    "khabar._c.charscan",
    "The first character of a set in a str, in C (twin in khabar.text.charset).",
    0,
    charscan_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_charscan(void)
{
    return PyModuleDef_Init(&charscan_module);
}
