/* khabar._c.textslices: the UTF-8 of strs that are slices of a text, copied from the text's own
 * UTF-8 in an Arrow string column instead of encoded again.
 *
 * A document's paragraphs are its text's stripped non-blank lines (the structure step), and
 * khabar.io.schema.DocColumns.table wrote them as a list<string> column with pa.array, which
 * encodes every paragraph str to UTF-8 once more: ~12-16 CPU us of a ~4 KB document whose
 * text column (its UTF-8) is built or carried in the same table. This finds each paragraph in
 * its text (in order, as a str search) and copies its bytes from the text column's data.
 *
 *   part_buffers(texts, offsets, data, first, parts, ends, limit) -> (offsets, data) or None
 *       The Arrow buffers (int32 offsets, UTF-8 data, as bytes) of a string array holding
 *       `parts` (a list of str), where row r's parts are parts[ends[r]:ends[r + 1]] (`ends`: a
 *       list of len(texts) + 1 ints, 0 first, never decreasing, the last len(parts)) and
 *       texts[r] is the str (or None) that row first + r of a string column was made from:
 *       `offsets` is that column's int32 offsets buffer and `data` its UTF-8 data buffer.
 *       A part found in texts[r] at or after the end of the row's previous part found there is
 *       copied from the row's bytes; any other part (not found, a row whose text is None) is
 *       encoded. A row whose bytes do not hold exactly len(texts[r]) code points (not the
 *       column of those texts) gives None, as does anything outside this plain form (not a list,
 *       not an exact str, a lone surrogate, ends that do not fit, more than `limit` bytes of
 *       data): the caller then builds the array with pa.array, which gives such input its own
 *       result or error. Offsets of the text column that decrease or point past its data raise
 *       ValueError. Twin: khabar.io.schema._part_buffers_py.
 *
 * CPython 3.11 C API only, no other library.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* a growing byte buffer (PyMem) */
typedef struct {
    char *buf;
    Py_ssize_t len;
    Py_ssize_t cap;
} Bytes;

static int
bytes_reserve(Bytes *b, Py_ssize_t more)
{
    if (b->len + more <= b->cap) {
        return 0;
    }
    Py_ssize_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + more) {
        if (cap > PY_SSIZE_T_MAX / 2) {
            PyErr_NoMemory();
            return -1;
        }
        cap *= 2;
    }
    char *buf = PyMem_Realloc(b->buf, (size_t)cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = buf;
    b->cap = cap;
    return 0;
}

static int
bytes_add(Bytes *b, const void *src, Py_ssize_t n)
{
    if (bytes_reserve(b, n) < 0) {
        return -1;
    }
    if (n) {
        memcpy(b->buf + b->len, src, (size_t)n);
    }
    b->len += n;
    return 0;
}

/* The UTF-8 bytes of the code points [a, b) of a str's data of `kind`: one count per code point,
 * with no chain from one to the next (stepping through the UTF-8 by its lead bytes measured 3x
 * slower: each step waits for the byte before it). A str here holds no lone surrogate (it was
 * encoded, or decoded from UTF-8); the row's total is checked against its bytes. */
static Py_ssize_t
utf8_size(int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t size = b - a;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = data;
        for (Py_ssize_t i = a; i < b; i++) {
            size += s[i] >= 0x80;
        }
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = data;
        Py_ssize_t i = a;
        for (; i + 32 <= b; i += 32) { /* blocks of a fixed size: the compiler's SIMD */
            unsigned int block = 0;
            for (int j = 0; j < 32; j++) {
                block += (s[i + j] >= 0x80) + (s[i + j] >= 0x800);
            }
            size += block;
        }
        for (; i < b; i++) {
            size += (s[i] >= 0x80) + (s[i] >= 0x800);
        }
    }
    else {
        const Py_UCS4 *s = data;
        for (Py_ssize_t i = a; i < b; i++) {
            size += (s[i] >= 0x80) + (s[i] >= 0x800) + (s[i] >= 0x10000);
        }
    }
    return size;
}

/* The first index >= pos at which `part` (n > 0 code points, n <= len - pos) occurs in `text`,
 * -1 when it does not, -2 with an error set. A paragraph most often starts a few characters after
 * the previous one ends (a line break, spaces): each place holding the part's first code point
 * is compared whole (memcmp, when both strs have one kind), up to 64 places; then, or for two
 * kinds, CPython's own search (whose set-up reads the whole part: slower for the usual case). */
static Py_ssize_t
find_part(PyObject *text, Py_ssize_t len, PyObject *part, Py_ssize_t n, Py_ssize_t pos)
{
    int kind = PyUnicode_KIND(text);
    if (PyUnicode_KIND(part) == kind) {
        const char *t = PyUnicode_DATA(text), *p = PyUnicode_DATA(part);
        Py_UCS4 head = PyUnicode_READ(kind, p, 0);
        int tries = 0;
        for (Py_ssize_t i = pos; i + n <= len; i++) {
            if (PyUnicode_READ(kind, t, i) != head) {
                continue;
            }
            if (memcmp(t + (size_t)i * kind, p, (size_t)n * kind) == 0) {
                return i;
            }
            if (++tries == 64) {
                return PyUnicode_Find(text, part, i + 1, len, 1);
            }
        }
        return -1;
    }
    return PyUnicode_Find(text, part, pos, len, 1);
}

/* Append the UTF-8 of the exact str `part`; 0, -1 with an error set, 1 for a part outside the
 * plain form (a lone surrogate: its error cleared). */
static int
encode_part(Bytes *out, PyObject *part)
{
    Py_ssize_t n;
    const char *utf8 = PyUnicode_AsUTF8AndSize(part, &n);
    if (utf8 == NULL) {
        if (PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            PyErr_Clear();
            return 1;
        }
        return -1;
    }
    return bytes_add(out, utf8, n);
}

/* Item i of a list as a C index, or -1 for anything but an exact int in 0..PY_SSIZE_T_MAX. */
static Py_ssize_t
list_index(PyObject *list, Py_ssize_t i)
{
    PyObject *item = PyList_GET_ITEM(list, i);
    if (!PyLong_CheckExact(item)) {
        return -1;
    }
    Py_ssize_t v = PyLong_AsSsize_t(item);
    if (v == -1 && PyErr_Occurred()) {
        PyErr_Clear(); /* too large: outside the plain form */
    }
    return v < 0 ? -1 : v;
}

static PyObject *
textslices_part_buffers(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 7) {
        PyErr_Format(PyExc_TypeError, "part_buffers() takes 7 arguments (texts, offsets, data, "
                     "first, parts, ends, limit), got %zd", nargs);
        return NULL;
    }
    PyObject *texts = args[0], *parts = args[4], *ends = args[5];
    if (!PyList_CheckExact(texts) || !PyList_CheckExact(parts) || !PyList_CheckExact(ends)) {
        Py_RETURN_NONE;
    }
    Py_ssize_t first = PyLong_AsSsize_t(args[3]);
    if (first == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t limit = PyLong_AsSsize_t(args[6]);
    if (limit == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (limit < 0 || limit > INT32_MAX || first < 0) {
        PyErr_Format(PyExc_ValueError, "part_buffers(): limit must be 0..%d (Arrow's int32 "
                     "string offsets) and first 0 or more, got %zd and %zd",
                     (int)INT32_MAX, limit, first);
        return NULL;
    }
    Py_ssize_t rows = PyList_GET_SIZE(texts);
    Py_ssize_t nparts = PyList_GET_SIZE(parts);
    if (PyList_GET_SIZE(ends) != rows + 1 || nparts > limit) {
        Py_RETURN_NONE;
    }
    Py_buffer off_view, data_view;
    if (PyObject_GetBuffer(args[1], &off_view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (PyObject_GetBuffer(args[2], &data_view, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&off_view);
        return NULL;
    }
    PyObject *result = NULL;
    Bytes data = {NULL, 0, 0};
    PyObject *out_offsets = NULL;
    if (rows && (first > PY_SSIZE_T_MAX / 4 - rows - 1
                 || off_view.len < (first + rows + 1) * 4)) {
        PyErr_Format(PyExc_ValueError, "part_buffers(): rows %zd..%zd need %zd bytes of int32 "
                     "offsets, the buffer has %zd", first, first + rows, (first + rows + 1) * 4,
                     off_view.len);
        goto done;
    }
    out_offsets = PyBytes_FromStringAndSize(NULL, (nparts + 1) * 4);
    if (out_offsets == NULL) {
        goto done;
    }
    unsigned char *offs = (unsigned char *)PyBytes_AS_STRING(out_offsets);
    const unsigned char *text_offsets = off_view.buf;
    const unsigned char *bytes = data_view.buf;
    Py_ssize_t size = data_view.len;
    int32_t zero = 0;
    memcpy(offs, &zero, 4);
    if (rows) { /* the parts are mostly slices of the texts: room for all their bytes at once */
        int32_t lo, hi;
        memcpy(&lo, text_offsets + 4 * first, 4);
        memcpy(&hi, text_offsets + 4 * (first + rows), 4);
        if (hi > lo && bytes_reserve(&data, (Py_ssize_t)hi - lo) < 0) {
            goto done;
        }
    }
    Py_ssize_t k = 0; /* the next part */
    int plain = 1;
    if (list_index(ends, 0) != 0) {
        plain = 0;
    }
    for (Py_ssize_t r = 0; plain && r < rows; r++) {
        Py_ssize_t stop = list_index(ends, r + 1);
        if (stop < k || stop > nparts) {
            plain = 0;
            break;
        }
        PyObject *text = PyList_GET_ITEM(texts, r);
        int have_text = PyUnicode_CheckExact(text);
        if (!have_text && text != Py_None) {
            plain = 0;
            break;
        }
        Py_ssize_t pos = 0, at = 0, row_end = 0, text_len = 0; /* code point, byte cursors */
        int kind = PyUnicode_1BYTE_KIND;
        const void *chars = NULL;
        if (have_text) {
            if (PyUnicode_READY(text) == -1) {
                goto done;
            }
            int32_t a, b;
            memcpy(&a, text_offsets + 4 * (first + r), 4);
            memcpy(&b, text_offsets + 4 * (first + r + 1), 4);
            if (a < 0 || b < a || b > size) {
                PyErr_Format(PyExc_ValueError, "part_buffers(): row %zd's offsets %d..%d do not "
                             "fit a data buffer of %zd bytes; pass a string array's own buffers",
                             first + r, (int)a, (int)b, size);
                goto done;
            }
            at = a;
            row_end = b;
            text_len = PyUnicode_GET_LENGTH(text);
            kind = PyUnicode_KIND(text);
            chars = PyUnicode_DATA(text);
        }
        for (; k < stop; k++) {
            PyObject *part = PyList_GET_ITEM(parts, k);
            if (!PyUnicode_CheckExact(part)) {
                plain = 0;
                break;
            }
            if (PyUnicode_READY(part) == -1) {
                goto done;
            }
            Py_ssize_t n = PyUnicode_GET_LENGTH(part);
            Py_ssize_t found = -1;
            if (have_text && n > 0 && n <= text_len - pos) {
                found = find_part(text, text_len, part, n, pos);
                if (found == -2) {
                    goto done;
                }
            }
            if (found >= 0) {
                Py_ssize_t start = at + utf8_size(kind, chars, pos, found);
                Py_ssize_t after = start + utf8_size(kind, chars, found, found + n);
                if (after > row_end) {
                    plain = 0; /* the row holds fewer bytes than its text's UTF-8 */
                    break;
                }
                if (bytes_add(&data, bytes + start, after - start) < 0) {
                    goto done;
                }
                pos = found + n;
                at = after;
            }
            else {
                int bad = encode_part(&data, part);
                if (bad < 0) {
                    goto done;
                }
                if (bad) {
                    plain = 0;
                    break;
                }
            }
            if (data.len > limit) {
                plain = 0;
                break;
            }
            int32_t end32 = (int32_t)data.len;
            memcpy(offs + 4 * (k + 1), &end32, 4);
        }
        if (plain && have_text && at + utf8_size(kind, chars, pos, text_len) != row_end) {
            plain = 0; /* not as many bytes as the text's UTF-8: not this text's row */
        }
    }
    if (plain && k != nparts) {
        plain = 0;
    }
    if (!plain) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    PyObject *data_bytes = PyBytes_FromStringAndSize(data.buf ? data.buf : "", data.len);
    if (data_bytes == NULL) {
        goto done;
    }
    result = PyTuple_Pack(2, out_offsets, data_bytes);
    Py_DECREF(data_bytes);
done:
    Py_XDECREF(out_offsets);
    PyMem_Free(data.buf);
    PyBuffer_Release(&off_view);
    PyBuffer_Release(&data_view);
    return result;
}

static PyMethodDef textslices_methods[] = {
    {"part_buffers", (PyCFunction)(void (*)(void))textslices_part_buffers, METH_FASTCALL,
     "part_buffers(texts, offsets, data, first, parts, ends, limit) -> (offsets, data) or None\n\n"
     "The int32 offsets and UTF-8 data of a string array of parts, each part found in its "
     "row's text copied from that text's UTF-8 in a string column's buffers."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef textslices_module = {
    PyModuleDef_HEAD_INIT,
    "khabar._c.textslices",
    "Slices of texts as Arrow string buffers, copied from the texts' own UTF-8, in C "
    "(twin in khabar.io.schema).",
    0,
    textslices_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_textslices(void)
{
    return PyModuleDef_Init(&textslices_module);
}
