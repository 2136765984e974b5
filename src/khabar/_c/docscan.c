/*
 * khabar._c.docscan: one pass over a document for the corpus and news steps (langid, quality,
 * dedup, dates).
 *
 * Each function is the C twin of a numpy or pure-Python function that stays in khabar.corpus,
 * khabar.news or khabar.dates and gives the same results for every str; the tables (which
 * character folds to what, which class a character is in, where a month name may start, the
 * function-word weights, the MinHash permutations) are built in Python from reviewed data and
 * handed in as buffers or a dict, so this file holds no data of its own:
 *
 *   fold_lines(text, table)          khabar.corpus.keys._fold_lines_py
 *   fold_keys(text, table, gone, astral)   khabar.news._fold._fold_keys_py
 *   count_classes(text, masks, n)    khabar.corpus.keys._count_classes_py
 *   minhash(stream, k, a, b)         khabar.corpus.dedup._minhash_py
 *   spaceless(text)                  khabar.corpus.dedup._spaceless_py (str.replace(" ", ""))
 *   word_weights(lines, weights)     khabar.corpus.langid._word_weights_py
 *   word_stats(lines, flags)         khabar.corpus.quality._word_stats_py
 *   article_words(text, article, not_after, not_alone, tail)
 *                                    khabar.corpus.langid._al_words_py
 *   date_starts(folded, *tables)     khabar.dates.mentions._date_starts_py
 *   digit_candidates(folded, starts, marks, eras, spaces, words)
 *                                    khabar.dates.mentions._digit_candidates_py
 *
 * C99 and the CPython 3.11 C API only; str of any kind is read with PyUnicode_READ.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* keys._bmp_table's flag bits */
#define FOLD_GONE (1u << 18)
#define FOLD_ASTRAL (1u << 19)
#define FOLD_CODE 0xFFFFu
#define BMP 0x10000

/* A contiguous buffer of exactly `count` items of `itemsize` bytes, aligned for them. */
static int
get_table(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, Py_ssize_t count,
          const char *what)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    if (view->len != itemsize * count || ((uintptr_t)view->buf) % (uintptr_t)itemsize != 0) {
        PyErr_Format(PyExc_ValueError,
                     "docscan: %s must be an aligned buffer of %zd items of %zd bytes "
                     "(%zd bytes), got %zd bytes; build it with the table function beside the twin",
                     what, count, itemsize, itemsize * count, view->len);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/*
 * (folded, flags) for the fold functions, from the `m` UCS-2 units of `out` (freed here):
 * (None, flags) when `no_text` is set (the text held what the caller's general path must fold).
 */
static PyObject *
folded_and_flags(Py_UCS2 *out, Py_ssize_t m, uint32_t flags, int no_text)
{
    PyObject *folded;
    if (no_text) {
        folded = Py_NewRef(Py_None);
    }
    else {
        folded = PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, out, m);
    }
    PyMem_Free(out);
    if (folded == NULL) {
        return NULL;
    }
    PyObject *flags_obj = PyLong_FromUnsignedLong(flags);
    if (flags_obj == NULL) {
        Py_DECREF(folded);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, folded, flags_obj);
    Py_DECREF(folded);
    Py_DECREF(flags_obj);
    return result;
}

/* fold_lines' loop over the `n` code points of one kind at `data`, with no branch on the
 * character (Persian text turns from letters to spaces at every word): a space waits
 * (`pending`) for the next character of its line, and is written before it; none is kept at a
 * line's start (`line_empty`: nothing written since the line began) or end. A space and the
 * character are both stored at `out[m]`, and `m` moves on past those that are kept (each kept
 * space stands for a space read before, so `m` never passes the characters read). */
#define FOLD_LINES(TYPE)                                                                       \
    do {                                                                                       \
        const TYPE *chars = (const TYPE *)data;                                                \
        unsigned pending = 0, line_empty = 1;                                                  \
        for (Py_ssize_t i = 0; i < n; i++) {                                                   \
            Py_UCS4 cp = chars[i];                                                             \
            uint32_t v = table[cp > 0xFFFF ? 0xFFFF : cp];                                     \
            flags |= v;                                                                        \
            Py_UCS2 c = (Py_UCS2)(v & FOLD_CODE);                                              \
            unsigned keep = v < FOLD_GONE;                                                     \
            unsigned space = keep & (c == 0x20), newline = keep & (c == 0x0A);                 \
            unsigned other = keep & !space & !newline;                                         \
            out[m] = 0x20;                                                                     \
            m += other & pending;                                                              \
            out[m] = c;                                                                        \
            m += other | newline;                                                              \
            pending = (pending & (space | !keep)) | (space & !line_empty);                     \
            line_empty = newline | (line_empty & !other);                                      \
        }                                                                                      \
    } while (0)

/*
 * fold_lines(text, table) -> (str | None, int)
 *
 * Maps every code point of `text` through `table` (65,536 uint32: keys._bmp_table; a code point
 * beyond the BMP reads entry 0xFFFF, as numpy's take(mode="clip")), ORs every value into the
 * flags, drops the values at or above FOLD_GONE, keeps the low 16 bits, and leaves single spaces
 * inside each line (none at a line's start or end). Returns (folded, flags), or (None, flags)
 * when the flags hold FOLD_ASTRAL (the caller then takes the str.translate path).
 */
static PyObject *
fold_lines(PyObject *self, PyObject *args)
{
    PyObject *text, *table_obj;
    if (!PyArg_ParseTuple(args, "UO:fold_lines", &text, &table_obj)) {
        return NULL;
    }
    Py_buffer view;
    if (get_table(table_obj, &view, 4, BMP, "table") < 0) {
        return NULL;
    }
    const uint32_t *table = (const uint32_t *)view.buf;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_UCS2 *out = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_UCS2));
    if (out == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    uint32_t flags = 0;
    Py_ssize_t m = 0;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        FOLD_LINES(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        FOLD_LINES(Py_UCS2);
        break;
    default:
        FOLD_LINES(Py_UCS4);
        break;
    }
    PyBuffer_Release(&view);
    return folded_and_flags(out, m, flags, (flags & FOLD_ASTRAL) != 0);
}

/* fold_keys' loop over the `n` code points of one kind at `data`: every value is written and
 * the output moves on only when it is kept (no branch on the value: a dropped space is met at
 * every word) */
#define FOLD_KEYS(TYPE)                                                                        \
    do {                                                                                       \
        const TYPE *chars = (const TYPE *)data;                                                \
        for (Py_ssize_t i = 0; i < n; i++) {                                                   \
            Py_UCS4 cp = chars[i];                                                             \
            uint32_t v = table[cp > 0xFFFF ? 0xFFFF : cp];                                     \
            flags |= v;                                                                        \
            out[m] = (Py_UCS2)(v & FOLD_CODE);                                                 \
            m += v < gone;                                                                     \
        }                                                                                      \
    } while (0)

/*
 * fold_keys(text, table, gone, astral) -> (str | None, int)
 *
 * khabar.news._fold._fold_keys_py: every code point of `text` mapped through `table` (65,536
 * uint32; a code point beyond the BMP reads entry 0xFFFF), the OR of the values met as flags, the
 * values at or above `gone` dropped and the others' low 16 bits kept. No space is squeezed (the
 * news keys' table drops every space but the line break). (None, flags) when the flags hold
 * `astral`.
 */
static PyObject *
fold_keys(PyObject *self, PyObject *args)
{
    PyObject *text, *table_obj;
    unsigned long gone, astral;
    if (!PyArg_ParseTuple(args, "UOkk:fold_keys", &text, &table_obj, &gone, &astral)) {
        return NULL;
    }
    Py_buffer view;
    if (get_table(table_obj, &view, 4, BMP, "table") < 0) {
        return NULL;
    }
    const uint32_t *table = (const uint32_t *)view.buf;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_UCS2 *out = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_UCS2));
    if (out == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    uint32_t flags = 0;
    Py_ssize_t m = 0;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        FOLD_KEYS(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        FOLD_KEYS(Py_UCS2);
        break;
    default:
        FOLD_KEYS(Py_UCS4);
        break;
    }
    PyBuffer_Release(&view);
    return folded_and_flags(out, m, flags, (flags & astral) != 0);
}

/* count_classes' loop over the `n` code points of one kind at `data` (the general one, for a
 * str of 4-byte kind): a BMP character outside ASCII and the Arabic block adds 1 to each of its
 * classes (masks[cp]) at once; a character beyond the BMP sets `astral` and stops. */
#define COUNT_CLASSES(TYPE)                                                                    \
    do {                                                                                       \
        const TYPE *chars = (const TYPE *)data;                                                \
        for (Py_ssize_t i = 0; i < n; i++) {                                                   \
            Py_UCS4 cp = chars[i];                                                             \
            if (cp < 128) {                                                                    \
                ascii[cp]++;                                                                   \
            }                                                                                  \
            else if (cp - 0x0600u < 256u) {                                                    \
                arabic[cp - 0x0600u]++;                                                        \
            }                                                                                  \
            else if (cp > 0xFFFF) {                                                            \
                astral = 1;                                                                    \
                break;                                                                         \
            }                                                                                  \
            else {                                                                             \
                uint32_t bits = masks[cp];                                                     \
                while (bits) {                                                                 \
                    counts[__builtin_ctz(bits)]++;                                             \
                    bits &= bits - 1;                                                          \
                }                                                                              \
            }                                                                                  \
        }                                                                                      \
    } while (0)

/* Add `times` to each class of the BMP character cp (masks[cp]). */
static inline void
add_classes(Py_ssize_t *counts, uint32_t bits, Py_ssize_t times)
{
    while (bits) {
        counts[__builtin_ctz(bits)] += times;
        bits &= bits - 1;
    }
}

/* count_classes' blocks of 256 code points counted per code point (Basic Latin and Latin-1, the
 * Arabic block, General Punctuation: ZWNJ, dashes, quotes), and the slot every other block's
 * characters go to, counted in a second pass */
#define CLASS_BLOCKS 3
#define OTHER_BLOCK (CLASS_BLOCKS * 256)
static const Py_UCS4 class_block_start[CLASS_BLOCKS] = {0x0000, 0x0600, 0x2000};

/*
 * count_classes(text, masks, n) -> tuple[int, ...] | None
 *
 * `masks` is 65,536 uint32: bit j of masks[cp] says the BMP character cp is in class j
 * (j < n <= 32). Returns the count of each class over the characters of `text`, or None when
 * `text` holds a character beyond the BMP (the caller then takes its general path).
 */
static PyObject *
count_classes(PyObject *self, PyObject *args)
{
    PyObject *text, *masks_obj;
    int n_classes;
    if (!PyArg_ParseTuple(args, "UOi:count_classes", &text, &masks_obj, &n_classes)) {
        return NULL;
    }
    if (n_classes < 0 || n_classes > 32) {
        PyErr_Format(PyExc_ValueError, "docscan.count_classes: n must be 0-32, got %d", n_classes);
        return NULL;
    }
    Py_buffer view;
    if (get_table(masks_obj, &view, 4, BMP, "masks") < 0) {
        return NULL;
    }
    const uint32_t *masks = (const uint32_t *)view.buf;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t counts[32] = {0};
    int kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_4BYTE_KIND) {
        /* Most characters of a Persian text are ASCII or in the Arabic block: those are counted
         * per code point (one increment each), and each count then goes to the character's
         * classes; the others go to their classes one by one. */
        Py_ssize_t ascii[128] = {0}, arabic[256] = {0};
        int astral = 0;
        COUNT_CLASSES(Py_UCS4);
        if (astral) {
            PyBuffer_Release(&view);
            Py_RETURN_NONE;
        }
        for (Py_UCS4 cp = 0; cp < 384; cp++) {
            Py_ssize_t times = cp < 128 ? ascii[cp] : arabic[cp - 128];
            if (times != 0) {
                add_classes(counts, masks[cp < 128 ? cp : 0x0600 + (cp - 128)], times);
            }
        }
    }
    else {
        /* Each character is counted per code point in its block's slots, with no branch on the
         * character (Persian text turns from letters to spaces at every word); the characters of
         * the other blocks are all counted in one slot's range and, when there are any, found
         * again in a second pass. Each count then goes to the character's classes. */
        Py_ssize_t slots[OTHER_BLOCK + 256];
        memset(slots, 0, sizeof(slots));
        uint16_t base[256];
        for (int h = 0; h < 256; h++) {
            base[h] = OTHER_BLOCK;
        }
        for (int k = 0; k < CLASS_BLOCKS; k++) {
            base[class_block_start[k] >> 8] = (uint16_t)(k * 256);
        }
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *chars = (const Py_UCS1 *)data;
            for (Py_ssize_t i = 0; i < n; i++) {
                slots[chars[i]]++;
            }
        }
        else {
            const Py_UCS2 *chars = (const Py_UCS2 *)data;
            Py_ssize_t others = 0;
            for (Py_ssize_t i = 0; i < n; i++) {
                Py_UCS2 cp = chars[i];
                slots[base[cp >> 8] + (cp & 0xFF)]++;
            }
            for (int j = 0; j < 256; j++) {
                others += slots[OTHER_BLOCK + j];
            }
            for (Py_ssize_t i = 0; others > 0 && i < n; i++) {
                Py_UCS2 cp = chars[i];
                if (base[cp >> 8] == OTHER_BLOCK) {
                    add_classes(counts, masks[cp], 1);
                    others--;
                }
            }
        }
        for (int k = 0; k < CLASS_BLOCKS; k++) {
            for (int j = 0; j < 256; j++) {
                Py_ssize_t times = slots[k * 256 + j];
                if (times != 0) {
                    add_classes(counts, masks[class_block_start[k] + (Py_UCS4)j], times);
                }
            }
        }
    }
    PyBuffer_Release(&view);
    PyObject *result = PyTuple_New(n_classes);
    if (result == NULL) {
        return NULL;
    }
    for (int j = 0; j < n_classes; j++) {
        PyObject *count = PyLong_FromSsize_t(counts[j]);
        if (count == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, j, count);
    }
    return result;
}

/* the shingle polynomial's base (FNV-64 prime); arithmetic wraps modulo 2**64 */
#define SHINGLE_PRIME 1099511628211ULL

static inline uint64_t
fmix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

static inline uint32_t
fmix32(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h;
}

/* permutations per block of minhash_block: the block's minimums stay in vector registers while
 * every shingle passes (64 uint32 = 8 AVX2 registers) */
#define MINHASH_BLOCK 64

/* mins[j] = min over i of a[j] * xs[i] + b[j] (uint32, wrapping), for j < num_perm, starting from
 * the values in mins: the inner loops of minhash, written so that the compiler can vectorise them.
 * The permutations go in blocks of MINHASH_BLOCK (a short last block is padded with a = 0,
 * b = 0xFFFFFFFF, which never lowers a minimum, and its padding is not copied back), and each
 * block reads all the shingles' hashes once, keeping its minimums in registers. x86-64's
 * baseline (SSE2) has no 32-bit vector multiply or unsigned min, so on x86-64 with GCC and glibc
 * (the clones need its ifunc) an AVX2 clone is built beside the baseline one and the loader picks
 * the one the CPU runs (the results are the same integers). No AVX-512 clone: it saved 4 of 22 us
 * per document on Sapphire Rapids (bench/throughput/io13.md), but 512-bit integer multiplies
 * lower the clock of the whole core on Skylake-SP and Cascade Lake (common cloud machines), which
 * would slow every other step running on that core for a few milliseconds after each call. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__)
__attribute__((optimize("O3"), target_clones("avx2", "default")))
#elif defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("O3")))
#endif
static void
minhash_block(uint32_t *restrict mins, const uint32_t *restrict a, const uint32_t *restrict b,
              Py_ssize_t num_perm, const uint32_t *restrict xs, Py_ssize_t n)
{
    for (Py_ssize_t j0 = 0; j0 < num_perm; j0 += MINHASH_BLOCK) {
        Py_ssize_t m = num_perm - j0 < MINHASH_BLOCK ? num_perm - j0 : MINHASH_BLOCK;
        uint32_t ba[MINHASH_BLOCK], bb[MINHASH_BLOCK], bm[MINHASH_BLOCK];
        for (Py_ssize_t j = 0; j < MINHASH_BLOCK; j++) {
            ba[j] = j < m ? a[j0 + j] : 0u;
            bb[j] = j < m ? b[j0 + j] : 0xFFFFFFFFu;
            bm[j] = j < m ? mins[j0 + j] : 0xFFFFFFFFu;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            uint32_t x = xs[i];
            for (Py_ssize_t j = 0; j < MINHASH_BLOCK; j++) {
                uint32_t v = ba[j] * x + bb[j];
                bm[j] = v < bm[j] ? v : bm[j];
            }
        }
        for (Py_ssize_t j = 0; j < m; j++) {
            mins[j0 + j] = bm[j];
        }
    }
}

/*
 * xs[i] = fmix32(high 32 bits of fmix64(h_i)) for the n - width + 1 shingles of s, where h_i =
 * s[i] p**(width-1) + ... + s[i+width-1] (mod 2**64). The rolling step h_{i+1} = (h_i - s[i]
 * p**(width-1)) p + s[i+width] is written h_i p + (s[i+width] - s[i] p**width): the same value
 * in arithmetic modulo 2**64, with one multiply and one add between h_i and h_{i+1} instead of
 * two of each (that chain bounded the loop). One loop per str kind, with no switch on the kind.
 */
#define SHINGLE_HASHES(TYPE)                                                                    \
    static void shingle_hashes_##TYPE(const TYPE *s, Py_ssize_t n, Py_ssize_t width,            \
                                      uint32_t *xs)                                             \
    {                                                                                           \
        uint64_t out_factor = 1; /* p**width */                                                 \
        for (Py_ssize_t j = 0; j < width; j++) {                                                \
            out_factor *= SHINGLE_PRIME;                                                        \
        }                                                                                       \
        uint64_t h = 0;                                                                         \
        for (Py_ssize_t j = 0; j < width; j++) {                                                \
            h = h * SHINGLE_PRIME + (uint64_t)s[j];                                             \
        }                                                                                       \
        Py_ssize_t last = n - width;                                                            \
        for (Py_ssize_t i = 0; i < last; i++) {                                                 \
            xs[i] = fmix32((uint32_t)(fmix64(h) >> 32));                                        \
            h = h * SHINGLE_PRIME + ((uint64_t)s[i + width] - (uint64_t)s[i] * out_factor);     \
        }                                                                                       \
        xs[last] = fmix32((uint32_t)(fmix64(h) >> 32));                                         \
    }

/* Whether s holds a surrogate code point (U+D800..U+DFFF), one loop per wide str kind. */
#define HAS_SURROGATE(TYPE)                                                                     \
    static int has_surrogate_##TYPE(const TYPE *s, Py_ssize_t n)                                \
    {                                                                                           \
        int found = 0;                                                                          \
        for (Py_ssize_t i = 0; i < n; i++) {                                                    \
            found |= (Py_UCS4)s[i] - 0xD800u < 0x800u;                                          \
        }                                                                                       \
        return found;                                                                           \
    }

HAS_SURROGATE(Py_UCS2)
HAS_SURROGATE(Py_UCS4)
SHINGLE_HASHES(Py_UCS1)
SHINGLE_HASHES(Py_UCS2)
SHINGLE_HASHES(Py_UCS4)

/*
 * minhash(stream, k, a, b) -> bytes
 *
 * dedup._minhash_py: the 32-bit hash of every k-character shingle of `stream` (the polynomial
 * c[i] p**(w-1) + ... + c[i+w-1] modulo 2**64, w = min(k, len), then fmix64 and its high 32
 * bits; a stream shorter than k is one shingle), and for each permutation (a[j], b[j]) the
 * minimum of a[j] * fmix32(h) + b[j] (uint32) over the shingles, as little-endian uint32 bytes;
 * an empty stream gives 0xFFFFFFFF everywhere. `a` and `b` are buffers of num_perm uint32. A
 * lone surrogate raises what str.encode("utf-32-le") raises, as the Python twin does.
 */
static PyObject *
minhash(PyObject *self, PyObject *args)
{
    PyObject *stream, *a_obj, *b_obj;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "UnOO:minhash", &stream, &k, &a_obj, &b_obj)) {
        return NULL;
    }
    if (k < 1) {
        PyErr_Format(PyExc_ValueError, "docscan.minhash: k must be positive, got %zd", k);
        return NULL;
    }
    Py_buffer a_view, b_view;
    if (PyObject_GetBuffer(a_obj, &a_view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    Py_ssize_t num_perm = a_view.len / 4;
    if (a_view.len % 4 != 0 || num_perm < 1) {
        PyBuffer_Release(&a_view);
        PyErr_SetString(PyExc_ValueError, "docscan.minhash: a must hold one or more uint32");
        return NULL;
    }
    if (get_table(b_obj, &b_view, 4, num_perm, "b (as many uint32 as a)") < 0) {
        PyBuffer_Release(&a_view);
        return NULL;
    }
    if (((uintptr_t)a_view.buf) % 4 != 0) {
        PyBuffer_Release(&a_view);
        PyBuffer_Release(&b_view);
        PyErr_SetString(PyExc_ValueError, "docscan.minhash: a must be aligned for uint32");
        return NULL;
    }
    const uint32_t *a = (const uint32_t *)a_view.buf;
    const uint32_t *b = (const uint32_t *)b_view.buf;
    Py_ssize_t n = PyUnicode_GET_LENGTH(stream);
    int kind = PyUnicode_KIND(stream);
    const void *data = PyUnicode_DATA(stream);
    PyObject *result = NULL;
    uint32_t *xs = NULL;
    uint32_t *mins = PyMem_Malloc((size_t)num_perm * sizeof(uint32_t));
    if (mins == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t j = 0; j < num_perm; j++) {
        mins[j] = 0xFFFFFFFFu;
    }
    if (n > 0) {
        int surrogate = kind == PyUnicode_2BYTE_KIND   ? has_surrogate_Py_UCS2(data, n)
                        : kind == PyUnicode_4BYTE_KIND ? has_surrogate_Py_UCS4(data, n)
                                                       : 0;
        if (surrogate) {
            /* let the codec raise its own error, as the Python twin's encode does */
            PyObject *encoded = PyUnicode_AsEncodedString(stream, "utf-32-le", "strict");
            if (encoded == NULL) {
                goto done;
            }
            Py_DECREF(encoded);
            PyErr_SetString(PyExc_UnicodeEncodeError,
                            "docscan.minhash: a surrogate the codec accepted");
            goto done;
        }
        Py_ssize_t width = k < n ? k : n;
        Py_ssize_t shingles = n - width + 1;
        xs = PyMem_Malloc((size_t)shingles * sizeof(uint32_t));
        if (xs == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        if (kind == PyUnicode_1BYTE_KIND) {
            shingle_hashes_Py_UCS1(data, n, width, xs);
        }
        else if (kind == PyUnicode_2BYTE_KIND) {
            shingle_hashes_Py_UCS2(data, n, width, xs);
        }
        else {
            shingle_hashes_Py_UCS4(data, n, width, xs);
        }
        minhash_block(mins, a, b, num_perm, xs, shingles);
    }
    result = PyBytes_FromStringAndSize(NULL, num_perm * 4);
    if (result == NULL) {
        goto done;
    }
    unsigned char *bytes = (unsigned char *)PyBytes_AS_STRING(result);
    for (Py_ssize_t j = 0; j < num_perm; j++) {
        uint32_t v = mins[j];
        bytes[4 * j] = (unsigned char)(v & 0xFF);
        bytes[4 * j + 1] = (unsigned char)((v >> 8) & 0xFF);
        bytes[4 * j + 2] = (unsigned char)((v >> 16) & 0xFF);
        bytes[4 * j + 3] = (unsigned char)(v >> 24);
    }
done:
    PyMem_Free(xs);
    PyMem_Free(mins);
    PyBuffer_Release(&a_view);
    PyBuffer_Release(&b_view);
    return result;
}

/* Py_UNICODE_ISSPACE (what str.split() splits at) without a function call for the letters of
 * most scripts: between U+0080 and U+167F only U+0085 and U+00A0 are whitespace (a test reads
 * every code point). */
static inline int
is_space(Py_UCS4 c)
{
    if (c < 0x1680) {
        return c < 128 ? Py_UNICODE_ISSPACE(c) : (c == 0x85 || c == 0xA0);
    }
    return Py_UNICODE_ISSPACE(c);
}
/* word_stats' flag bits (khabar.corpus.quality's STOP, GLUE_NEXT, GLUE_PREVIOUS) */
#define WORD_STOP 1
#define WORD_GLUE_NEXT 2
#define WORD_GLUE_PREVIOUS 4
#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* One word of the lines: where its code points start in word_stats' buffer, how many there are,
 * their FNV-1a hash, and the word's flags. */
typedef struct {
    Py_ssize_t start, len;
    uint64_t hash, flags;
} word_span;

/* A slot of word_stats' open-addressing tables: a run of code points in the buffer (len -1:
 * empty), its hash, and a value (a flagged word's flags, or a token's count). */
typedef struct {
    Py_ssize_t start, len;
    uint64_t hash, value;
} cp_slot;

/* The slot of `cps[start:start+len]` (hash `hash`) in `table` (`mask` + 1 slots, a power of
 * two, never full), whose slots name runs of `table_cps`: the slot holding it, or the empty slot
 * where it goes. */
static inline cp_slot *
find_slot(cp_slot *table, Py_ssize_t mask, const Py_UCS4 *table_cps, const Py_UCS4 *cps,
          Py_ssize_t start, Py_ssize_t len, uint64_t hash)
{
    Py_ssize_t s = (Py_ssize_t)((hash ^ (hash >> 29)) & (uint64_t)mask);
    while (table[s].len >= 0
           && (table[s].hash != hash || table[s].len != len
               || memcmp(table_cps + table[s].start, cps + start, (size_t)len * sizeof(Py_UCS4))
                      != 0)) {
        s = (s + 1) & mask;
    }
    return &table[s];
}

/* Append the words of `n` code points of one kind to `buffer` (from `*filled`) and `words` (from
 * `*n_words`): a word is a run without whitespace (str.split()); add the U+0020 spaces met to
 * `*spaces`. */
#define READ_WORDS(TYPE)                                                                       \
    do {                                                                                       \
        const TYPE *chars = (const TYPE *)data;                                                \
        Py_ssize_t start = -1;                                                                 \
        uint64_t hash = FNV_OFFSET;                                                            \
        for (Py_ssize_t i = 0; i <= n; i++) {                                                  \
            Py_UCS4 c = i < n ? (Py_UCS4)chars[i] : ' ';                                       \
            if (!is_space(c)) {                                                                \
                if (start < 0) {                                                               \
                    start = *filled;                                                           \
                    hash = FNV_OFFSET;                                                         \
                }                                                                              \
                buffer[(*filled)++] = c;                                                       \
                hash = (hash ^ c) * FNV_PRIME;                                                 \
                continue;                                                                      \
            }                                                                                  \
            *spaces += i < n && c == ' ';                                                      \
            if (start >= 0) {                                                                  \
                words[*n_words].start = start;                                                 \
                words[*n_words].len = *filled - start;                                         \
                words[*n_words].hash = hash;                                                   \
                (*n_words)++;                                                                  \
                start = -1;                                                                    \
            }                                                                                  \
        }                                                                                      \
    } while (0)

static void
read_words(PyObject *line, Py_UCS4 *buffer, Py_ssize_t *filled, word_span *words,
           Py_ssize_t *n_words, Py_ssize_t *spaces)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    const void *data = PyUnicode_DATA(line);
    switch (PyUnicode_KIND(line)) {
    case PyUnicode_1BYTE_KIND:
        READ_WORDS(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        READ_WORDS(Py_UCS2);
        break;
    default:
        READ_WORDS(Py_UCS4);
        break;
    }
}

/*
 * word_keys(table) -> capsule
 *
 * The words of `table` (a dict of str to int, each value in 0 .. 2**64 - 1) made once into the
 * open-addressing table word_stats and word_weights look words up in: building it costs some
 * microseconds, which a call given the capsule no longer pays (khabar.corpus.quality and
 * langid build theirs once per process). The capsule holds a copy: changing the dict later
 * does not change it. A key that is not one word (empty, or with whitespace) is left out: no
 * word of a line is equal to it.
 */
typedef struct {
    Py_UCS4 *cps;       /* the keys' code points, one after another */
    cp_slot *slots;     /* mask + 1 slots, each naming a run of cps, its hash and value */
    Py_ssize_t mask;
    uint64_t max_value; /* the largest value of the table (word_weights' limit is 2**63) */
    Py_ssize_t max_len; /* the code points of the longest key (0 when there is none) */
    /* a filter of the keys' lengths and ends: for a key of `len` code points, first `f` and last
     * `l`, bit (l & 63) of ends[len * 64 + (f & 63)] is set ((max_len + 1) * 64 words). A word
     * whose bit is clear is no key, and is not hashed nor looked up (word_weights) */
    uint64_t *ends;
} word_keys_t;

#define WORD_KEYS_CAPSULE "khabar._c.docscan.word_keys"

/* Whether a word of `len` (>= 1) code points from `first` to `last` may be a key of `keys`
 * (keys->ends); when not, it is none. */
static inline int
may_be_key(const word_keys_t *keys, Py_ssize_t len, Py_UCS4 first, Py_UCS4 last)
{
    return len <= keys->max_len && (keys->ends[len * 64 + (first & 63)] >> (last & 63) & 1);
}

static void
word_keys_free(word_keys_t *keys)
{
    if (keys != NULL) {
        PyMem_Free(keys->cps);
        PyMem_Free(keys->slots);
        PyMem_Free(keys->ends);
        PyMem_Free(keys);
    }
}

static void
word_keys_capsule_free(PyObject *capsule)
{
    word_keys_free((word_keys_t *)PyCapsule_GetPointer(capsule, WORD_KEYS_CAPSULE));
}

/* The word_keys_t of `table`, or NULL with an exception set: a TypeError naming `fname` and
 * `what` (the argument) when `table` is not a dict of str to int, an OverflowError when a value
 * is not in 0 .. 2**64 - 1. */
static word_keys_t *
make_word_keys(PyObject *table, const char *fname, const char *what)
{
    if (!PyDict_Check(table)) {
        PyErr_Format(PyExc_TypeError, "docscan.%s: %s must map str to int (a dict), or be "
                     "docscan.word_keys() of one", fname, what);
        return NULL;
    }
    Py_ssize_t pos = 0, key_chars = 0, n_keys = PyDict_GET_SIZE(table);
    PyObject *key, *value;
    uint64_t max_value = 0;
    while (PyDict_Next(table, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || !PyLong_Check(value)) {
            PyErr_Format(PyExc_TypeError, "docscan.%s: %s must map str to int", fname, what);
            return NULL;
        }
        unsigned long long v = PyLong_AsUnsignedLongLong(value);
        if (v == (unsigned long long)-1 && PyErr_Occurred()) {
            return NULL;
        }
        if (v > max_value) {
            max_value = v;
        }
        key_chars += PyUnicode_GET_LENGTH(key);
    }
    word_keys_t *keys = PyMem_Calloc(1, sizeof(word_keys_t));
    /* a word is at least one character and a space, except a string's last */
    word_span *spans = PyMem_New(word_span, (key_chars + n_keys) / 2 + 1);
    Py_ssize_t mask = 15;
    while (mask + 1 < 2 * n_keys) {
        mask = 2 * mask + 1;
    }
    if (keys != NULL) {
        keys->cps = PyMem_New(Py_UCS4, key_chars + 1);
        keys->slots = PyMem_New(cp_slot, mask + 1);
    }
    if (keys == NULL || spans == NULL || keys->cps == NULL || keys->slots == NULL) {
        PyMem_Free(spans);
        word_keys_free(keys);
        PyErr_NoMemory();
        return NULL;
    }
    keys->mask = mask;
    keys->max_value = max_value;
    for (Py_ssize_t s = 0; s <= mask; s++) {
        keys->slots[s].len = -1;
    }
    Py_ssize_t filled = 0, n_words = 0;
    pos = 0;
    while (PyDict_Next(table, &pos, &key, &value)) {
        Py_ssize_t before = n_words, before_filled = filled;
        Py_ssize_t spaces = 0;
        read_words(key, keys->cps, &filled, spans, &n_words, &spaces);
        if (n_words != before + 1 || spans[before].len != PyUnicode_GET_LENGTH(key)) {
            n_words = before;
            filled = before_filled;
            continue;
        }
        word_span *w = &spans[before];
        cp_slot *slot = find_slot(keys->slots, mask, keys->cps, keys->cps, w->start, w->len,
                                  w->hash);
        slot->start = w->start; /* dict keys are distinct: the slot is empty */
        slot->len = w->len;
        slot->hash = w->hash;
        slot->value = PyLong_AsUnsignedLongLong(value); /* checked above */
        if (w->len > keys->max_len) {
            keys->max_len = w->len;
        }
    }
    PyMem_Free(spans);
    keys->ends = PyMem_Calloc((size_t)(keys->max_len + 1) * 64, sizeof(uint64_t));
    if (keys->ends == NULL) {
        word_keys_free(keys);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t s = 0; s <= mask; s++) {
        const cp_slot *slot = &keys->slots[s];
        if (slot->len > 0) {
            Py_UCS4 first = keys->cps[slot->start], last = keys->cps[slot->start + slot->len - 1];
            keys->ends[slot->len * 64 + (first & 63)] |= 1ULL << (last & 63);
        }
    }
    return keys;
}

static PyObject *
word_keys(PyObject *self, PyObject *args)
{
    PyObject *table;
    if (!PyArg_ParseTuple(args, "O:word_keys", &table)) {
        return NULL;
    }
    word_keys_t *keys = make_word_keys(table, "word_keys", "table");
    if (keys == NULL) {
        return NULL;
    }
    PyObject *capsule = PyCapsule_New(keys, WORD_KEYS_CAPSULE, word_keys_capsule_free);
    if (capsule == NULL) {
        word_keys_free(keys);
    }
    return capsule;
}

/* The word_keys_t of `table`: the capsule's own (`*owned` NULL), or one made from a dict, which
 * the caller frees with word_keys_free(`*owned`). NULL with an exception set. */
static word_keys_t *
keys_of(PyObject *table, const char *fname, const char *what, word_keys_t **owned)
{
    *owned = NULL;
    if (PyCapsule_CheckExact(table)) {
        if (!PyCapsule_IsValid(table, WORD_KEYS_CAPSULE)) {
            PyErr_Format(PyExc_TypeError, "docscan.%s: %s is a capsule that docscan.word_keys() "
                         "did not make", fname, what);
            return NULL;
        }
        return (word_keys_t *)PyCapsule_GetPointer(table, WORD_KEYS_CAPSULE);
    }
    *owned = make_word_keys(table, fname, what);
    return *owned;
}

/* The characters of `lines` (a tuple, each item checked to be a str), or -1 with a TypeError. */
static Py_ssize_t
line_chars(PyObject *lines, const char *fname)
{
    Py_ssize_t n_lines = PyTuple_GET_SIZE(lines), chars = 0;
    for (Py_ssize_t l = 0; l < n_lines; l++) {
        PyObject *line = PyTuple_GET_ITEM(lines, l);
        if (!PyUnicode_Check(line)) {
            PyErr_Format(PyExc_TypeError, "docscan.%s: line %zd is not a str", fname, l);
            return -1;
        }
        chars += PyUnicode_GET_LENGTH(line);
    }
    return chars;
}

/* The words of `lines` (a tuple of str, `chars` code points in all, as line_chars counts): their
 * code points into a new `*buffer`, their spans into a new `*words` (`*n_words` of them; their
 * `flags` not set), and the U+0020 spaces met in `*spaces`. 0, or -1 with MemoryError; the
 * caller frees both arrays either way. */
static int
lines_words(PyObject *lines, Py_ssize_t chars, Py_UCS4 **buffer, word_span **words,
            Py_ssize_t *n_words, Py_ssize_t *spaces)
{
    Py_ssize_t n_lines = PyTuple_GET_SIZE(lines), filled = 0;
    *n_words = 0;
    *spaces = 0;
    *buffer = PyMem_New(Py_UCS4, chars + 1);
    *words = PyMem_New(word_span, (chars + n_lines) / 2 + 1);
    if (*buffer == NULL || *words == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t l = 0; l < n_lines; l++) {
        read_words(PyTuple_GET_ITEM(lines, l), *buffer, &filled, *words, n_words, spaces);
    }
    return 0;
}

/* One of word_stats' distinct words and tokens of a document: a run of code points in its
 * buffer, its hash, the value the flags table holds for it (0 when none), and how many tokens
 * it is. */
typedef struct {
    Py_ssize_t start, len;
    uint64_t hash, flags;
    Py_ssize_t count;
} doc_entry_t;

/* word_stats' table of a document's distinct words and tokens: the entries one after another
 * (`n` of them), and an open-addressing index of them (`mask` + 1 slots, -1: empty, never more
 * than half full), small to clear for every call */
typedef struct {
    doc_entry_t *entries;
    Py_ssize_t *index;
    Py_ssize_t mask, n;
} doc_table_t;

/* The entry of `buffer[start:start+len]` (hash `hash`) in `table`; when there is none, a new one
 * (its flags looked up in `keys`, its count 0). */
static inline doc_entry_t *
doc_entry(doc_table_t *table, const Py_UCS4 *buffer, Py_ssize_t start, Py_ssize_t len,
          uint64_t hash, const word_keys_t *keys)
{
    Py_ssize_t s = (Py_ssize_t)((hash ^ (hash >> 29)) & (uint64_t)table->mask);
    for (;; s = (s + 1) & table->mask) {
        Py_ssize_t e = table->index[s];
        if (e < 0) {
            break;
        }
        doc_entry_t *entry = &table->entries[e];
        if (entry->hash == hash && entry->len == len
            && memcmp(buffer + entry->start, buffer + start, (size_t)len * sizeof(Py_UCS4)) == 0) {
            return entry;
        }
    }
    table->index[s] = table->n;
    doc_entry_t *entry = &table->entries[table->n++];
    entry->start = start;
    entry->len = len;
    entry->hash = hash;
    entry->flags = 0;
    if (may_be_key(keys, len, buffer[start], buffer[start + len - 1])) {
        cp_slot *key = find_slot(keys->slots, keys->mask, keys->cps, buffer, start, len, hash);
        entry->flags = key->len >= 0 ? key->value : 0;
    }
    entry->count = 0;
    return entry;
}

/*
 * word_stats(lines, flags) -> (int, int, int, int)
 *
 * khabar.corpus.quality._word_stats_py: the words of lines (" ".join(lines).split()), glued as
 * khabar.corpus.keys.glue_tokens glues them (a word flagged GLUE_NEXT takes the next word; a word
 * flagged GLUE_PREVIOUS joins the token before it), then (tokens, the count of the most frequent
 * token or 0, the tokens flagged STOP, the characters of lines that are not U+0020). The words
 * and tokens are hashed and counted here as code points: no str is made for them. `flags` is a
 * dict of str to int, or word_keys() of one (built once).
 *
 * One table holds the document's distinct words and tokens, each with its flags and count: a
 * word is looked up in `flags` only the first time it is met, and a token of one word (most of
 * them) is counted in its word's slot without a second look-up.
 */
static PyObject *
word_stats(PyObject *self, PyObject *args)
{
    PyObject *lines, *flag_map;
    if (!PyArg_ParseTuple(args, "O!O:word_stats", &PyTuple_Type, &lines, &flag_map)) {
        return NULL;
    }
    Py_ssize_t chars = line_chars(lines, "word_stats");
    if (chars < 0) {
        return NULL;
    }
    word_keys_t *owned;
    word_keys_t *keys = keys_of(flag_map, "word_stats", "flags", &owned);
    if (keys == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    doc_table_t table = {NULL, NULL, 15, 0};
    doc_entry_t **word_entry = NULL;
    Py_UCS4 *buffer = NULL;
    word_span *words = NULL;
    Py_ssize_t n_words, spaces;
    /* the words of the lines */
    if (lines_words(lines, chars, &buffer, &words, &n_words, &spaces) < 0) {
        goto done;
    }
    /* the distinct words and the glued tokens (at most one for every two words) fill at most
     * half of the table */
    while (table.mask + 1 < 3 * n_words) {
        table.mask = 2 * table.mask + 1;
    }
    table.index = PyMem_New(Py_ssize_t, table.mask + 1);
    table.entries = PyMem_New(doc_entry_t, n_words + n_words / 2 + 1);
    word_entry = PyMem_New(doc_entry_t *, n_words + 1);
    if (table.index == NULL || table.entries == NULL || word_entry == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    memset(table.index, 0xFF, (size_t)(table.mask + 1) * sizeof(Py_ssize_t)); /* all -1 */
    /* each word's entry, and its flags */
    for (Py_ssize_t i = 0; i < n_words; i++) {
        word_span *w = &words[i];
        word_entry[i] = doc_entry(&table, buffer, w->start, w->len, w->hash, keys);
        w->flags = word_entry[i]->flags;
    }
    /* glue (keys.glue_tokens) and count: a token is a run of words, whose code points follow
     * one another in the buffer */
    Py_ssize_t n_tokens = 0, top = 0, stop = 0;
    Py_ssize_t w = 0;
    while (w < n_words) {
        /* after a GLUE_NEXT word the next word joins whatever it is; else a GLUE_PREVIOUS one */
        Py_ssize_t end = w + 1;
        int glue_next = (words[w].flags & WORD_GLUE_NEXT) != 0;
        while (end < n_words && (glue_next || (words[end].flags & WORD_GLUE_PREVIOUS))) {
            glue_next = glue_next && (words[end].flags & WORD_GLUE_NEXT) != 0;
            end++;
        }
        doc_entry_t *slot = word_entry[w];
        if (end - w > 1) {
            Py_ssize_t start = words[w].start;
            Py_ssize_t len = words[end - 1].start + words[end - 1].len - start;
            uint64_t hash = words[w].hash;
            for (Py_ssize_t c = start + words[w].len; c < start + len; c++) {
                hash = (hash ^ buffer[c]) * FNV_PRIME;
            }
            slot = doc_entry(&table, buffer, start, len, hash, keys);
        }
        slot->count++;
        if (slot->count > top) {
            top = slot->count;
        }
        stop += (slot->flags & WORD_STOP) != 0;
        n_tokens++;
        w = end;
    }
    result = Py_BuildValue("(nnnn)", n_tokens, top, stop, chars - spaces);
done:
    word_keys_free(owned);
    PyMem_Free(buffer);
    PyMem_Free(words);
    PyMem_Free(table.index);
    PyMem_Free(table.entries);
    PyMem_Free(word_entry);
    return result;
}

/* Count the words of `n` code points of one kind (runs without whitespace, as str.split()
 * sees it) into `*n_words`, and add the value `keys` holds for each (0 when it holds none) to
 * `*total`. A word that no key has the length and the ends of (keys->ends) is not hashed nor
 * looked up: most of a text's words (langid's 46 function words let 1 word in 4 through on
 * generated news). -1 when the sum passes 2**64. */
#define WEIGH_WORDS(TYPE)                                                                      \
    do {                                                                                       \
        const TYPE *chars = (const TYPE *)data;                                                \
        Py_ssize_t start = -1;                                                                 \
        for (Py_ssize_t i = 0; i <= n; i++) {                                                  \
            if (i < n && !is_space(chars[i])) {                                                \
                start = start < 0 ? i : start;                                                 \
                continue;                                                                      \
            }                                                                                  \
            if (start < 0) {                                                                   \
                continue;                                                                      \
            }                                                                                  \
            Py_ssize_t len = i - start;                                                        \
            (*n_words)++;                                                                      \
            if (may_be_key(keys, len, chars[start], chars[i - 1])) {                           \
                uint64_t hash = FNV_OFFSET;                                                    \
                for (Py_ssize_t k = 0; k < len; k++) {                                         \
                    word[k] = chars[start + k];                                                \
                    hash = (hash ^ word[k]) * FNV_PRIME;                                       \
                }                                                                              \
                cp_slot *slot = find_slot(keys->slots, keys->mask, keys->cps, word, 0, len,    \
                                          hash);                                               \
                if (slot->len >= 0 && __builtin_add_overflow(*total, slot->value, total)) {    \
                    return -1;                                                                 \
                }                                                                              \
            }                                                                                  \
            start = -1;                                                                        \
        }                                                                                      \
    } while (0)

/* WEIGH_WORDS over one str `line`, with `word` (room for keys->max_len code points) to hold a
 * word while it is looked up. 0, or -1 when the sum passes 2**64 (no exception set). */
static int
weigh_words(PyObject *line, const word_keys_t *keys, Py_UCS4 *word, Py_ssize_t *n_words,
            unsigned long long *total)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    const void *data = PyUnicode_DATA(line);
    switch (PyUnicode_KIND(line)) {
    case PyUnicode_1BYTE_KIND:
        WEIGH_WORDS(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        WEIGH_WORDS(Py_UCS2);
        break;
    default:
        WEIGH_WORDS(Py_UCS4);
        break;
    }
    return 0;
}

/*
 * word_weights(lines, weights) -> (int, int)
 *
 * khabar.corpus.langid._word_weights_py: how many words lines have (" ".join(lines).split()),
 * and the sum of their weights (a word not in `weights` weighs 0). The words are counted in
 * place, line by line (no line's words run into the next: the join puts a space between them),
 * and only a word no longer than the longest key is hashed and looked up, as code points: no
 * str is made for it. `weights` is a dict of str to int (each in 0 .. 2**63), or word_keys()
 * of one (built once).
 */
static PyObject *
word_weights(PyObject *self, PyObject *args)
{
    PyObject *lines, *weights;
    if (!PyArg_ParseTuple(args, "O!O:word_weights", &PyTuple_Type, &lines, &weights)) {
        return NULL;
    }
    word_keys_t *owned;
    word_keys_t *keys = keys_of(weights, "word_weights", "weights", &owned);
    if (keys == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    Py_UCS4 *word = NULL;
    if (keys->max_value > (1ULL << 63)) {
        PyErr_SetString(PyExc_ValueError, "docscan.word_weights: a weight above 2**63");
        goto done;
    }
    if (line_chars(lines, "word_weights") < 0) {
        goto done;
    }
    word = PyMem_New(Py_UCS4, keys->max_len + 1);
    if (word == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t n_words = 0;
    unsigned long long total = 0;
    for (Py_ssize_t l = 0, n_lines = PyTuple_GET_SIZE(lines); l < n_lines; l++) {
        if (weigh_words(PyTuple_GET_ITEM(lines, l), keys, word, &n_words, &total) < 0) {
            PyErr_SetString(PyExc_OverflowError, "docscan.word_weights: the sum passed 2**64");
            goto done;
        }
    }
    result = Py_BuildValue("(nK)", n_words, total);
done:
    word_keys_free(owned);
    PyMem_Free(word);
    return result;
}

/* Whether the str `s` is at `i` of the text `data` (`kind`, `n` code points). */
static int
str_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, PyObject *s)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(s);
    if (i + m > n) {
        return 0;
    }
    int s_kind = PyUnicode_KIND(s);
    const void *s_data = PyUnicode_DATA(s);
    for (Py_ssize_t k = 0; k < m; k++) {
        if (PyUnicode_READ(kind, data, i + k) != PyUnicode_READ(s_kind, s_data, k)) {
            return 0;
        }
    }
    return 1;
}

/* A character of the regex class \w (a str pattern): what _sre's SRE_UNI_IS_WORD takes. */
static inline int
is_word_char(Py_UCS4 c)
{
    return Py_UNICODE_ISALNUM(c) || c == '_';
}

/* Whether every item of `tuple` is a str; else a TypeError naming `what`. */
static int
all_str(PyObject *tuple, const char *what)
{
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(tuple); k++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(tuple, k))) {
            PyErr_Format(PyExc_TypeError, "docscan.article_words: %s must be a tuple of str",
                         what);
            return 0;
        }
    }
    return 1;
}

/* The arguments of article_words after the text. */
typedef struct {
    PyObject *article, *not_after, *not_alone;
    Py_ssize_t tail;
} article_t;

/* Whether the article at `i` of the text `data` (`kind`, `n` code points) starts a word that
 * article_words counts. */
static int
article_word_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, const article_t *a)
{
    if (!str_at(kind, data, n, i, a->article)) {
        return 0;
    }
    if (i > 0) {
        Py_UCS4 before = PyUnicode_READ(kind, data, i - 1);
        if (is_word_char(before) || before == 0x200C) {
            return 0;
        }
    }
    Py_ssize_t t = i + PyUnicode_GET_LENGTH(a->article);
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(a->not_after); k++) {
        if (str_at(kind, data, n, t, PyTuple_GET_ITEM(a->not_after, k))) {
            return 0;
        }
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(a->not_alone); k++) {
        PyObject *s = PyTuple_GET_ITEM(a->not_alone, k);
        Py_ssize_t after = t + PyUnicode_GET_LENGTH(s);
        if (str_at(kind, data, n, t, s)
            && (after == n || !is_word_char(PyUnicode_READ(kind, data, after)))) {
            return 0;
        }
    }
    for (Py_ssize_t k = 0; k < a->tail; k++) {
        if (t + k >= n || !is_word_char(PyUnicode_READ(kind, data, t + k))) {
            return 0;
        }
    }
    return 1;
}

/* Count into `count` the places of the text `data` of `TYPE` (`n` code points) where
 * article_word_at holds, trying only those whose first two code points are the article's
 * (`first`, and `second` when the article is longer than one): alef, the article's first
 * letter, is a tenth of Persian letters, so both are compared before a branch. */
#define COUNT_ARTICLE_WORDS(TYPE)                                                              \
    do {                                                                                       \
        const TYPE *chars = (const TYPE *)data;                                                \
        for (Py_ssize_t i = 0; i + a_len <= n; i++) {                                          \
            int opens = (chars[i] == first) & (a_len < 2 || chars[i + 1] == second);           \
            if (opens) {                                                                       \
                count += article_word_at(kind, data, n, i, &a);                                \
            }                                                                                  \
        }                                                                                      \
    } while (0)

/*
 * article_words(text, article, not_after, not_alone, tail) -> int
 *
 * khabar.corpus.langid._al_words_py (len(_AL_WORD.findall(text))): how many times `article`
 * (a non-empty str) starts a word of text (no \w character nor ZWNJ before it), followed by no
 * str of the tuple `not_after`, nor by a str of the tuple `not_alone` that ends the word (no
 * \w character after it), and by at least `tail` (>= 1) \w characters. Such a match runs to
 * the end of its word (\w{tail,} is greedy) and no article inside a word starts one, so each
 * qualifying place is one match of findall.
 */
static PyObject *
article_words(PyObject *self, PyObject *args)
{
    PyObject *text;
    article_t a;
    if (!PyArg_ParseTuple(args, "UUO!O!n:article_words", &text, &a.article, &PyTuple_Type,
                          &a.not_after, &PyTuple_Type, &a.not_alone, &a.tail)) {
        return NULL;
    }
    Py_ssize_t a_len = PyUnicode_GET_LENGTH(a.article);
    if (a_len == 0 || a.tail < 1) {
        PyErr_SetString(PyExc_ValueError,
                        "docscan.article_words: the article must not be empty and tail >= 1");
        return NULL;
    }
    if (!all_str(a.not_after, "not_after") || !all_str(a.not_alone, "not_alone")) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_UCS4 first = PyUnicode_READ_CHAR(a.article, 0);
    Py_UCS4 second = a_len > 1 ? PyUnicode_READ_CHAR(a.article, 1) : 0;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        COUNT_ARTICLE_WORDS(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        COUNT_ARTICLE_WORDS(Py_UCS2);
        break;
    default:
        COUNT_ARTICLE_WORDS(Py_UCS4);
        break;
    }
    return PyLong_FromSsize_t(count);
}

/* Append the int i to list; -1 with an exception set on failure. */
static int
append_index(PyObject *list, Py_ssize_t i)
{
    PyObject *value = PyLong_FromSsize_t(i);
    if (value == NULL) {
        return -1;
    }
    int rc = PyList_Append(list, value);
    Py_DECREF(value);
    return rc;
}

/* The month-name tables of date_starts, and its two lists. */
typedef struct {
    const uint8_t *digit;
    const uint64_t *first, *second, *third, *fourth, *not_word;
    uint64_t after_m, after_zwnj;
    PyObject *digit_starts, *month_starts;
} date_tables_t;

#define MEEM 0x0645u
#define ALEF 0x0627u
#define HEH 0x0647u
#define ZWNJ_CP 0x200Cu

/*
 * The bits of `opening` (the names that may start at i) left once a two-letter name's third
 * character is checked further: «م» at i + 2 stands for «ماه» («دیماه») only when «اه» follows,
 * and a ZWNJ there only when «ماه» follows («دی‌ماه»); else the regex fails at i («مهم»,
 * «می‌شود»), so the bits that only a two-letter name gives there (after_m, after_zwnj) go.
 */
#define KEEP_MAAH(TYPE)                                                                         \
    static inline uint64_t keep_maah_##TYPE(const TYPE *s, Py_ssize_t n, Py_ssize_t i,         \
                                            uint64_t opening, const date_tables_t *t)           \
    {                                                                                           \
        Py_UCS4 c2 = s[i + 2];                                                                  \
        if (c2 == MEEM && (opening & t->after_m)                                                \
            && !(i + 4 < n && s[i + 3] == ALEF && s[i + 4] == HEH)) {                           \
            opening &= ~t->after_m;                                                             \
        }                                                                                       \
        else if (c2 == ZWNJ_CP && (opening & t->after_zwnj)                                     \
                 && !(i + 5 < n && s[i + 3] == MEEM && s[i + 4] == ALEF && s[i + 5] == HEH)) {  \
            opening &= ~t->after_zwnj;                                                          \
        }                                                                                       \
        return opening;                                                                         \
    }

/*
 * The two lists of date_starts for a text of one kind (n >= 4, no character beyond the BMP),
 * one loop without a branch on the kind: 0, or -1 with an exception set.
 */
#define DATE_SCAN(TYPE)                                                                         \
    KEEP_MAAH(TYPE)                                                                             \
    static int date_scan_##TYPE(const TYPE *s, Py_ssize_t n, const date_tables_t *t)           \
    {                                                                                           \
        int previous_digit = 0;                                                                 \
        uint64_t previous_not_word = ~(uint64_t)0; /* the text's start opens a word */          \
        Py_ssize_t i = 0;                                                                       \
        for (; i + 2 < n; i++) {                                                                \
            Py_UCS4 c0 = s[i];                                                                  \
            int is_digit = t->digit[c0] != 0;                                                   \
            if (is_digit && !previous_digit && append_index(t->digit_starts, i) < 0) {          \
                return -1;                                                                      \
            }                                                                                   \
            previous_digit = is_digit;                                                          \
            uint64_t opening = t->first[c0] & t->second[s[i + 1]] & t->third[s[i + 2]]          \
                               & previous_not_word;                                             \
            if (opening && i + 3 < n) { /* the last opening has no fourth character */          \
                opening &= t->fourth[s[i + 3]];                                                 \
            }                                                                                   \
            if (opening && keep_maah_##TYPE(s, n, i, opening, t)                                \
                && append_index(t->month_starts, i) < 0) {                                      \
                return -1;                                                                      \
            }                                                                                   \
            previous_not_word = t->not_word[c0];                                                \
        }                                                                                       \
        for (; i < n; i++) { /* the last two characters: no third one to check */              \
            int is_digit = t->digit[s[i]] != 0;                                                 \
            if (is_digit && !previous_digit && append_index(t->digit_starts, i) < 0) {          \
                return -1;                                                                      \
            }                                                                                   \
            previous_digit = is_digit;                                                          \
            if (i + 2 == n && (t->first[s[i]] & t->second[s[i + 1]])                            \
                && append_index(t->month_starts, i) < 0) {                                      \
                return -1;                                                                      \
            }                                                                                   \
        }                                                                                       \
        return 0;                                                                               \
    }

DATE_SCAN(Py_UCS1)
DATE_SCAN(Py_UCS2)
DATE_SCAN(Py_UCS4)

/*
 * date_starts(folded, digit, first, second, third, fourth, not_word, after_m, after_zwnj)
 *     -> (list[int], list[int]) | None
 *
 * khabar.dates.mentions._date_starts_py: where a digit run starts (digit[cp] is 1 for a digit,
 * 65,536 uint8), and where a month name may start: opening(i) = first[c(i)] & second[c(i+1)] &
 * third[c(i+2)] & fourth[c(i+3)] (65,536 uint64 each; no fourth for the last opening, at
 * n - 3) is not 0, at i = 0 or after a character whose not_word is not 0; the bits after_m drop when c(i+2) is «م» and «اه» does not follow, the bits after_zwnj
 * when it is a ZWNJ and «ماه» does not follow; and the last two characters when first & second
 * allow it. None when `folded` is shorter than 4 characters or holds one beyond the BMP.
 */
static PyObject *
date_starts(PyObject *self, PyObject *args)
{
    PyObject *text, *objs[6];
    unsigned long long after_m, after_zwnj;
    if (!PyArg_ParseTuple(args, "UOOOOOOKK:date_starts", &text, &objs[0], &objs[1], &objs[2],
                          &objs[3], &objs[4], &objs[5], &after_m, &after_zwnj)) {
        return NULL;
    }
    static const char *names[6] = {"digit", "first", "second", "third", "fourth", "not_word"};
    Py_buffer views[6];
    int got = 0;
    PyObject *result = NULL;
    date_tables_t t = {.after_m = after_m, .after_zwnj = after_zwnj};
    for (; got < 6; got++) {
        if (get_table(objs[got], &views[got], got == 0 ? 1 : 8, BMP, names[got]) < 0) {
            goto done;
        }
    }
    t.digit = (const uint8_t *)views[0].buf;
    t.first = (const uint64_t *)views[1].buf;
    t.second = (const uint64_t *)views[2].buf;
    t.third = (const uint64_t *)views[3].buf;
    t.fourth = (const uint64_t *)views[4].buf;
    t.not_word = (const uint64_t *)views[5].buf;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int astral = 0;
    if (kind == PyUnicode_4BYTE_KIND) {
        for (Py_ssize_t i = 0; i < n && !astral; i++) {
            astral = PyUnicode_READ(kind, data, i) > 0xFFFF;
        }
    }
    if (n < 4 || astral) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    t.digit_starts = PyList_New(0);
    t.month_starts = PyList_New(0);
    if (t.digit_starts == NULL || t.month_starts == NULL) {
        goto done;
    }
    int rc = kind == PyUnicode_1BYTE_KIND   ? date_scan_Py_UCS1(data, n, &t)
             : kind == PyUnicode_2BYTE_KIND ? date_scan_Py_UCS2(data, n, &t)
                                            : date_scan_Py_UCS4(data, n, &t);
    if (rc == 0) {
        result = PyTuple_Pack(2, t.digit_starts, t.month_starts);
    }
done:
    Py_XDECREF(t.digit_starts);
    Py_XDECREF(t.month_starts);
    for (int j = 0; j < got; j++) {
        PyBuffer_Release(&views[j]);
    }
    return result;
}

/* Whether `c` is one of the characters of the str `set`. */
static int
in_set(PyObject *set, Py_UCS4 c)
{
    int kind = PyUnicode_KIND(set);
    const void *data = PyUnicode_DATA(set);
    for (Py_ssize_t i = 0, n = PyUnicode_GET_LENGTH(set); i < n; i++) {
        if (PyUnicode_READ(kind, data, i) == c) {
            return 1;
        }
    }
    return 0;
}

/*
 * digit_candidates(folded, starts, marks, eras, spaces, words)
 *     -> (list[int], list[int], list[int])
 *
 * khabar.dates.mentions._digit_candidates_py: of the digit-run starts `starts` (ascending ints),
 * (1) those with a character of `marks` 1, 2 or 4 characters after them; (2) those with a
 * character of `eras` 3 or 4 characters after them, or one character of `spaces` later; (3) for
 * each start with whitespace (str.isspace) right before it, where that whitespace begins, when
 * the text before it ends with one of the str of the tuple `words`.
 */
static PyObject *
digit_candidates(PyObject *self, PyObject *args)
{
    PyObject *text, *starts, *marks, *eras, *spaces, *words;
    if (!PyArg_ParseTuple(args, "UO!UUUO!:digit_candidates", &text, &PyList_Type, &starts,
                          &marks, &eras, &spaces, &PyTuple_Type, &words)) {
        return NULL;
    }
    Py_ssize_t n_words = PyTuple_GET_SIZE(words);
    for (Py_ssize_t w = 0; w < n_words; w++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(words, w))) {
            PyErr_SetString(PyExc_TypeError,
                            "docscan.digit_candidates: words must be a tuple of str "
                            "(khabar.dates.mentions._YEAR_WORD_FORMS)");
            return NULL;
        }
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *lists[3] = {PyList_New(0), PyList_New(0), PyList_New(0)};
    PyObject *result = NULL;
    if (lists[0] == NULL || lists[1] == NULL || lists[2] == NULL) {
        goto done;
    }
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(starts); j++) {
        Py_ssize_t s = PyLong_AsSsize_t(PyList_GET_ITEM(starts, j));
        if (s == -1 && PyErr_Occurred()) {
            goto done;
        }
        if (s < 0 || s >= n) {
            PyErr_Format(PyExc_ValueError,
                         "docscan.digit_candidates: start %zd is outside the text (%zd "
                         "characters); give the digit starts of this text (date_starts)", s, n);
            goto done;
        }
        static const Py_ssize_t mark_at[3] = {1, 2, 4};
        for (int k = 0; k < 3; k++) {
            Py_ssize_t i = s + mark_at[k];
            if (i < n && in_set(marks, PyUnicode_READ(kind, data, i))) {
                if (append_index(lists[0], s) < 0) {
                    goto done;
                }
                break;
            }
        }
        for (Py_ssize_t i = s + 3; i <= s + 4 && i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (in_set(eras, c)
                || (in_set(spaces, c) && i + 1 < n
                    && in_set(eras, PyUnicode_READ(kind, data, i + 1)))) {
                if (append_index(lists[1], s) < 0) {
                    goto done;
                }
                break;
            }
        }
        Py_ssize_t space = s;
        while (space > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, space - 1))) {
            space--;
        }
        if (space == s) {
            continue;
        }
        for (Py_ssize_t w = 0; w < n_words; w++) {
            Py_ssize_t found = PyUnicode_Tailmatch(text, PyTuple_GET_ITEM(words, w), 0, space, 1);
            if (found < 0) {
                goto done;
            }
            if (found) {
                if (append_index(lists[2], space) < 0) {
                    goto done;
                }
                break;
            }
        }
    }
    result = PyTuple_Pack(3, lists[0], lists[1], lists[2]);
done:
    for (int k = 0; k < 3; k++) {
        Py_XDECREF(lists[k]);
    }
    return result;
}

/* spaceless(text) -> str: text without its spaces (U+0020), the same str as
 * text.replace(" ", ""). str.replace finds each space with a search and copies the run before
 * it (~6 ns a character on dedup's ~2,300-character streams, a space every 5 characters); this
 * copies each character of the text's own kind and advances the output only past a non-space,
 * without a branch per character. Removing spaces never lowers the largest code point below
 * its kind's range (a space is U+0020, in every kind's range), so the result has the text's
 * kind and is built with the same maximum. */
#define SPACELESS(CHAR)                                                            \
    do {                                                                           \
        const CHAR *src = (const CHAR *)PyUnicode_DATA(text);                      \
        CHAR *dst = (CHAR *)PyUnicode_DATA(out);                                   \
        Py_ssize_t j = 0;                                                          \
        for (Py_ssize_t i = 0; i < n; i++) {                                       \
            CHAR c = src[i];                                                       \
            dst[j] = c;                                                            \
            j += c != ' ';                                                         \
        }                                                                          \
    } while (0)

static PyObject *
spaceless(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "spaceless: text must be a str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (PyUnicode_READY(text) == -1) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    Py_ssize_t spaces = 0;
    /* the count first, so the result is allocated once at its length */
    switch (kind) {
    case PyUnicode_1BYTE_KIND: {
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
        for (Py_ssize_t i = 0; i < n; i++) {
            spaces += s[i] == ' ';
        }
        break;
    }
    case PyUnicode_2BYTE_KIND: {
        const Py_UCS2 *s = PyUnicode_2BYTE_DATA(text);
        for (Py_ssize_t i = 0; i < n; i++) {
            spaces += s[i] == ' ';
        }
        break;
    }
    default: {
        const Py_UCS4 *s = PyUnicode_4BYTE_DATA(text);
        for (Py_ssize_t i = 0; i < n; i++) {
            spaces += s[i] == ' ';
        }
        break;
    }
    }
    if (spaces == 0 && PyUnicode_CheckExact(text)) {
        Py_INCREF(text);
        return text;
    }
    if (spaces == n) {
        return PyUnicode_New(0, 0);
    }
    /* The branch-free loop writes every character, a space too, at the place after the last
     * kept one: after the last kept character that is the place of the str's terminating NUL
     * (PyUnicode_New allocates length + 1), written back to 0 below. */
    Py_ssize_t m = n - spaces;
    PyObject *out = PyUnicode_New(m, PyUnicode_MAX_CHAR_VALUE(text));
    if (out == NULL) {
        return NULL;
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        SPACELESS(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        SPACELESS(Py_UCS2);
        break;
    default:
        SPACELESS(Py_UCS4);
        break;
    }
    PyUnicode_WRITE(kind, PyUnicode_DATA(out), m, 0);
    return out;
}

static PyMethodDef docscan_methods[] = {
    {"fold_lines", fold_lines, METH_VARARGS,
     "fold_lines(text, table) -> (str | None, int): the canonical lines of text joined by "
     "newlines, and the OR of the table values met (khabar.corpus.keys._fold_lines_py)."},
    {"fold_keys", fold_keys, METH_VARARGS,
     "fold_keys(text, table, gone, astral) -> (str | None, int): text mapped through table, "
     "values at or above gone dropped (khabar.news._fold._fold_keys_py)."},
    {"count_classes", count_classes, METH_VARARGS,
     "count_classes(text, masks, n) -> tuple[int, ...] | None: characters of text in each of n "
     "classes (khabar.corpus.keys._count_classes_py)."},
    {"minhash", minhash, METH_VARARGS,
     "minhash(stream, k, a, b) -> bytes: the affine32 MinHash of the k-character shingles of "
     "stream (khabar.corpus.dedup._minhash_py)."},
    {"spaceless", spaceless, METH_O,
     "spaceless(text) -> str: text without its spaces, text.replace(\" \", \"\") "
     "(khabar.corpus.dedup._spaceless_py)."},
    {"word_keys", word_keys, METH_VARARGS,
     "word_keys(table) -> capsule: the words of a dict of str to int, made once into the table "
     "word_stats and word_weights take in place of the dict (the same results, less work)."},
    {"article_words", article_words, METH_VARARGS,
     "article_words(text, article, not_after, not_alone, tail) -> int: the words of text that "
     "start with the article (khabar.corpus.langid._al_words_py)."},
    {"word_weights", word_weights, METH_VARARGS,
     "word_weights(lines, weights) -> (int, int): the words of lines, and the sum of their "
     "weights (khabar.corpus.langid._word_weights_py)."},
    {"word_stats", word_stats, METH_VARARGS,
     "word_stats(lines, flags) -> (int, int, int, int): the tokens of lines glued by the "
     "GLUE_NEXT and GLUE_PREVIOUS flags, the count of the most frequent, how many are flagged "
     "STOP, and the characters of lines other than spaces "
     "(khabar.corpus.quality._word_stats_py)."},
    {"date_starts", date_starts, METH_VARARGS,
     "date_starts(folded, digit, first, second, third, fourth, not_word, after_m, after_zwnj) -> "
     "(list[int], list[int]) | None: where digit runs and month names may start "
     "(khabar.dates.mentions._date_starts_py)."},
    {"digit_candidates", digit_candidates, METH_VARARGS,
     "digit_candidates(folded, starts, marks, eras, spaces, words) -> (list[int], list[int], "
     "list[int]): the digit starts where a numeric date or a year with an era may start, and "
     "where the spaces before a year word's year begin (khabar.dates.mentions._digit_candidates_py)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef docscan_module = {
    PyModuleDef_HEAD_INIT,
    "khabar._c.docscan",
    "One pass over a document for khabar's corpus and news steps; each function has a Python twin.",
    -1,
    docscan_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_docscan(void)
{
    return PyModule_Create(&docscan_module);
}
