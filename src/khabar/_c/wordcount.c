/* khabar._c.wordcount: the report's word count of every kept text, over Arrow's own buffers.
 *
 * The report counts the words of each kept text as len(s.split()) counts them; Arrow's
 * utf8_trim_whitespace + utf8_split_whitespace did it in ~25 us per ~4 KB document, most of a
 * run's report. This is one byte loop over the string column's int32 offsets and UTF-8 data,
 * read in place through the buffer protocol (no str is made).
 *
 *   word_counts(offsets, data, rows) -> bytes
 *       For each of the first `rows` strings of a string column (`offsets`: its int32 offsets
 *       buffer, at least rows + 1 of them; `data`: its UTF-8 data buffer), the number of maximal
 *       runs of non-whitespace code points, as `rows` int32 in the machine's byte order (Arrow's). Whitespace is what
 *       str.split() and Arrow's utf8_split_whitespace split at (the same 29 code points; the
 *       tests take Arrow's set from Arrow itself): U+0009..U+000D, U+001C..U+0020, U+0085,
 *       U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. ZWNJ (U+200C)
 *       and ZWSP (U+200B) are format characters, not spaces. Offsets that decrease, are
 *       negative or point past the data raise ValueError. The data is taken as valid UTF-8 (an
 *       Arrow string column's contract); any byte sequence is read safely.
 *       Twin: khabar.report.gather._word_counts_py.
 *
 * CPython 3.11 C API only, no other library.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* 1 for the ASCII whitespace bytes: \t \n \v \f \r, the four information separators
 * U+001C..U+001F, and the space */
static const unsigned char ASCII_SPACE[128] = {
    ['\t'] = 1, ['\n'] = 1, [0x0B] = 1, [0x0C] = 1, ['\r'] = 1,
    [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, [' '] = 1,
};

/* Whether the code point whose UTF-8 lead byte is d[i] (0xC2 or >= 0xE0), with its continuation
 * bytes before `end`, is one of the non-ASCII spaces: U+0085 = C2 85, U+00A0 = C2 A0,
 * U+1680 = E1 9A 80, U+2000..U+200A, U+2028, U+2029, U+202F = E2 80 xx, U+205F = E2 81 9F,
 * U+3000 = E3 80 80; *size is set to the bytes it takes (1 for a sequence cut by `end`). */
static inline int
wide_space(const unsigned char *d, Py_ssize_t i, Py_ssize_t end, Py_ssize_t *size)
{
    unsigned char b = d[i];
    if (b < 0xE0) {
        *size = i + 1 < end ? 2 : 1;
        return b == 0xC2 && i + 1 < end && (d[i + 1] == 0x85 || d[i + 1] == 0xA0);
    }
    if (b < 0xF0) {
        if (i + 2 >= end) {
            *size = 1;
            return 0;
        }
        *size = 3;
        unsigned char c1 = d[i + 1], c2 = d[i + 2];
        switch (b) {
        case 0xE1:
            return c1 == 0x9A && c2 == 0x80;
        case 0xE2:
            if (c1 == 0x80) {
                return c2 <= 0x8A ? c2 >= 0x80 : (c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF);
            }
            return c1 == 0x81 && c2 == 0x9F;
        case 0xE3:
            return c1 == 0x80 && c2 == 0x80;
        default:
            return 0;
        }
    }
    *size = i + 3 < end ? 4 : 1;
    return 0;
}

/* The words of the UTF-8 bytes d[start:end]: the runs of code points that are no space. One
 * step per code point; the two-byte letters of Arabic script skip the space tests. (A step per
 * byte without branches measured slower: 10.8 against 7.7 us per ~4 KB document.) */
static int32_t
count_words(const unsigned char *d, Py_ssize_t start, Py_ssize_t end)
{
    int32_t words = 0;
    int in_word = 0;
    Py_ssize_t i = start;
    while (i < end) {
        unsigned char b = d[i];
        int space;
        if (b < 0x80) {
            space = ASCII_SPACE[b];
            i++;
        }
        else if (b < 0xC0) { /* a stray continuation byte (not valid UTF-8): no space */
            space = 0;
            i++;
        }
        else if (b != 0xC2 && b < 0xE0) { /* two bytes, never a space (Arabic, Persian...) */
            space = 0;
            i += 2;
        }
        else {
            Py_ssize_t size;
            space = wide_space(d, i, end, &size);
            i += size;
        }
        words += !space & !in_word;
        in_word = !space;
    }
    return words;
}

static PyObject *
wordcount_word_counts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError,
                     "word_counts(offsets, data, rows) takes 3 arguments (%zd given)", nargs);
        return NULL;
    }
    Py_ssize_t rows = PyLong_AsSsize_t(args[2]);
    if (rows == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (rows < 0 || rows > PY_SSIZE_T_MAX / 4 - 1) {
        PyErr_Format(PyExc_ValueError, "word_counts: rows must be 0 or more, got %zd", rows);
        return NULL;
    }
    Py_buffer off_view, data_view;
    if (PyObject_GetBuffer(args[0], &off_view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (PyObject_GetBuffer(args[1], &data_view, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&off_view);
        return NULL;
    }
    PyObject *result = NULL;
    if (off_view.len < (rows + 1) * 4) {
        PyErr_Format(PyExc_ValueError,
                     "word_counts: %zd rows need %zd bytes of int32 offsets, the buffer has %zd",
                     rows, (rows + 1) * 4, off_view.len);
        goto done;
    }
    const unsigned char *offsets = off_view.buf;
    const unsigned char *data = data_view.buf;
    Py_ssize_t size = data_view.len;
    result = PyBytes_FromStringAndSize(NULL, rows * 4);
    if (result == NULL) {
        goto done;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result);
    int32_t start;
    memcpy(&start, offsets, 4); /* Arrow's buffers are in the machine's byte order */
    for (Py_ssize_t r = 0; r < rows; r++) {
        int32_t end;
        memcpy(&end, offsets + 4 * (r + 1), 4);
        if (start < 0 || end < start || end > size) {
            PyErr_Format(PyExc_ValueError,
                         "word_counts: row %zd's offsets %d..%d do not fit a data buffer of %zd "
                         "bytes; pass a string array's own buffers", r, (int)start, (int)end, size);
            Py_CLEAR(result);
            goto done;
        }
        int32_t words = count_words(data, start, end);
        memcpy(out + 4 * r, &words, 4);
        start = end;
    }
done:
    PyBuffer_Release(&off_view);
    PyBuffer_Release(&data_view);
    return result;
}

static PyMethodDef wordcount_methods[] = {
    {"word_counts", (PyCFunction)(void (*)(void))wordcount_word_counts, METH_FASTCALL,
     "word_counts(offsets, data, rows) -> bytes\n\n"
     "The words (len(s.split())) of each of the first rows strings of an Arrow string column, "
     "from its int32 offsets and UTF-8 data buffers, as rows int32 in the machine's byte order."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef wordcount_module = {
    PyModuleDef_HEAD_INIT,
    "khabar._c.wordcount",
    "The report's word counts over an Arrow string column's buffers, in C "
    "(twin in khabar.report.gather).",
    0,
    wordcount_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_wordcount(void)
{
    return PyModuleDef_Init(&wordcount_module);
}
