/* khabar._c.charmap: a character map's scans (khabar.text.normalize.TranslateRule), in C.
 *
 * The character map replaces single characters (ي → ی, presentation forms, digits...). In
 * compiled Python its rare sources are found by a regex character class tried at every position
 * of the text, and the frequent ones' offsets (for khabar.fix_with_edits) by one regex scan per
 * source; these twins make one pass over the code points with a table indexed by code point.
 * khabar.text.normalize keeps the pure-Python twins (_translate_py, _positions_py) and
 * tests/text/test_c_charmap.py compares them on random and real text.
 *
 * The table: ``index`` is a bytes object of 2-byte native-endian unsigned entries, one per code
 * point from 0 (array("H").tobytes()); entry k > 0 means the code point is source k - 1, 0 (or
 * a code point past its end) that it is no source.
 *
 *   translate(text, index, repl) -> str
 *       text with each source character replaced by repl[k - 1] (a tuple of str)
 *   positions(text, index, count) -> list[list[int]]
 *       for each of the count sources, the offsets where it stands in text, in order
 *
 * CPython 3.11 C API only, no other library.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* The entry of code point c (0: no source). */
static inline unsigned
entry_of(const unsigned char *index, Py_ssize_t entries, Py_UCS4 c)
{
    if ((Py_ssize_t)c >= entries) {
        return 0;
    }
    uint16_t k;
    memcpy(&k, index + 2 * (size_t)c, 2);
    return k;
}

/* The index bytes and their count of entries, or -1 with TypeError set. */
static int
index_of(PyObject *obj, const unsigned char **index, Py_ssize_t *entries)
{
    if (!PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "the index must be bytes (array('H').tobytes()), got %.100s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    *index = (const unsigned char *)PyBytes_AS_STRING(obj);
    *entries = PyBytes_GET_SIZE(obj) / 2;
    return 0;
}

static PyObject *
charmap_translate(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "translate() takes 3 arguments (text, index, repl), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *text = args[0], *repl = args[2];
    const unsigned char *index;
    Py_ssize_t entries;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "translate() needs a str, got %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (index_of(args[1], &index, &entries) < 0) {
        return NULL;
    }
    if (!PyTuple_Check(repl)) {
        PyErr_SetString(PyExc_TypeError, "translate() needs a tuple of replacements");
        return NULL;
    }
    Py_ssize_t nrepl = PyTuple_GET_SIZE(repl);
    for (Py_ssize_t k = 0; k < nrepl; k++) {
        PyObject *r = PyTuple_GET_ITEM(repl, k);
        if (!PyUnicode_Check(r) || PyUnicode_READY(r) < 0) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "translate(): every replacement must be a str");
            }
            return NULL;
        }
    }
    if (PyUnicode_READY(text) < 0) {
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    /* first pass: is there a source at all, the new length and the largest character */
    Py_ssize_t first = -1, length = 0;
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        unsigned k = entry_of(index, entries, c);
        if (k) {
            if ((Py_ssize_t)k > nrepl) {
                PyErr_SetString(PyExc_IndexError, "translate(): an index entry has no replacement");
                return NULL;
            }
            PyObject *r = PyTuple_GET_ITEM(repl, k - 1);
            if (first < 0) {
                first = i;
            }
            length += PyUnicode_GET_LENGTH(r);
            if (PyUnicode_GET_LENGTH(r)) {
                Py_UCS4 top = PyUnicode_MAX_CHAR_VALUE(r);
                if (top > maxchar) {
                    maxchar = top;
                }
            }
        }
        else {
            length++;
            if (c > maxchar) {
                maxchar = c;
            }
        }
    }
    if (first < 0) {
        Py_INCREF(text);
        return text; /* nothing to replace: the same object, as re.sub gives */
    }
    /* maxchar of a replacement is its kind's maximum: find the true one, so the result is
     * canonical (the least kind that holds it) */
    if (maxchar > 0x7F) {
        Py_UCS4 top = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            unsigned k = entry_of(index, entries, c);
            if (k) {
                PyObject *r = PyTuple_GET_ITEM(repl, k - 1);
                int rk = PyUnicode_KIND(r);
                const void *rd = PyUnicode_DATA(r);
                for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(r); j++) {
                    Py_UCS4 d = PyUnicode_READ(rk, rd, j);
                    if (d > top) {
                        top = d;
                    }
                }
            }
            else if (c > top) {
                top = c;
            }
        }
        maxchar = top;
    }
    PyObject *out = PyUnicode_New(length, maxchar);
    if (out == NULL) {
        return NULL;
    }
    int okind = PyUnicode_KIND(out);
    void *odata = PyUnicode_DATA(out);
    Py_ssize_t at = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        unsigned k = entry_of(index, entries, c);
        if (k) {
            PyObject *r = PyTuple_GET_ITEM(repl, k - 1);
            int rk = PyUnicode_KIND(r);
            const void *rd = PyUnicode_DATA(r);
            Py_ssize_t rn = PyUnicode_GET_LENGTH(r);
            for (Py_ssize_t j = 0; j < rn; j++) {
                PyUnicode_WRITE(okind, odata, at, PyUnicode_READ(rk, rd, j));
                at++;
            }
        }
        else {
            PyUnicode_WRITE(okind, odata, at, c);
            at++;
        }
    }
    return out;
}

static PyObject *
charmap_positions(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "positions() takes 3 arguments (text, index, count), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *text = args[0];
    const unsigned char *index;
    Py_ssize_t entries;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "positions() needs a str, got %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (index_of(args[1], &index, &entries) < 0) {
        return NULL;
    }
    Py_ssize_t count = PyLong_AsSsize_t(args[2]);
    if (count == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (count < 0 || count > 65535) {
        PyErr_SetString(PyExc_ValueError, "positions(): count must be in 0..65535");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0) {
        return NULL;
    }
    PyObject *out = PyList_New(count);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *lst = PyList_New(0);
        if (lst == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, k, lst);
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned k = entry_of(index, entries, PyUnicode_READ(kind, data, i));
        if (k == 0) {
            continue;
        }
        if ((Py_ssize_t)k > count) {
            PyErr_SetString(PyExc_IndexError, "positions(): an index entry is past count");
            Py_DECREF(out);
            return NULL;
        }
        PyObject *at = PyLong_FromSsize_t(i);
        if (at == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        int failed = PyList_Append(PyList_GET_ITEM(out, k - 1), at);
        Py_DECREF(at);
        if (failed < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static PyMethodDef charmap_methods[] = {
    {"translate", (PyCFunction)(void (*)(void))charmap_translate, METH_FASTCALL,
     "translate(text, index, repl) -> str\n\n"
     "text with each source character (index entry k > 0) replaced by repl[k - 1]."},
    {"positions", (PyCFunction)(void (*)(void))charmap_positions, METH_FASTCALL,
     "positions(text, index, count) -> list[list[int]]\n\n"
     "For each of count sources, the offsets where it stands in text."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef charmap_module = {
    PyModuleDef_HEAD_INIT,
    "khabar._c.charmap",
    "A character map's scans in C (twins in khabar.text.normalize).",
    0,
    charmap_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_charmap(void)
{
    return PyModuleDef_Init(&charmap_module);
}
