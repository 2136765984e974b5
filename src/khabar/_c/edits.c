/* khabar._c.edits: the public edits of one-character substitutions (khabar.fix_with_edits), in C.
 *
 * A document's most frequent edits are substitutions of its first character rule (ي → ی: one
 * character in 25 of some sources). khabar.text.fix keeps them as input offsets per kind while
 * the other rules run, and at the end moves each offset by the length changes of the composed
 * edits left of it and makes one Edit per offset (_final_edits). With hundreds of them per
 * document, that is a loop of map/zip/repeat steps and a tuple.__new__ call per edit in compiled
 * Python; this twin runs it as one C loop with the same results. khabar.text.fix keeps the
 * pure-Python twin (_sub_edits_py); tests/text/test_c_edits.py compares both.
 *
 *   sub_edits(edit_type, offsets, composed, before, after, rule) -> list
 *       [edit_type(o, before, after, rule) for o in _to_current(offsets, composed)], each made
 *       as tuple.__new__(edit_type, ...) makes it
 *
 *   edit_buffers(edits, limit) -> (offsets, before_offsets, before_data, after_offsets,
 *                                  after_data, rule_offsets, rule_data) or None
 *       The Arrow buffers of the edits column's struct children (int32 offset; before, after,
 *       rule as string: int32 offsets + UTF-8 data), as bytes, in one pass over a list of
 *       (offset, before, after, rule) tuples (khabar.io.schema.DocColumns.table builds the
 *       arrays from them). None for anything outside that plain form (a None, an int out of
 *       int32, a str subclass, a lone surrogate, more than ``limit`` bytes in one string
 *       child...): the caller then builds the column with pa.array, as before, which gives
 *       such input its own result or error. Twin: khabar.io.schema._edit_buffers_py.
 *
 * CPython 3.11 C API only, no other library.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* Field k of a composed edit (an _Edit: cs, ce, os, oe, rules) as a C integer; -1 with an
 * exception set on failure (a negative field is no valid offset: checked by the caller). */
static int
edit_field(PyObject *edit, Py_ssize_t k, Py_ssize_t *out)
{
    PyObject *field;
    if (PyTuple_Check(edit) && PyTuple_GET_SIZE(edit) > k) {
        field = PyTuple_GET_ITEM(edit, k);
        Py_INCREF(field);
    }
    else {
        field = PySequence_GetItem(edit, k);
        if (field == NULL) {
            return -1;
        }
    }
    Py_ssize_t v = PyLong_AsSsize_t(field);
    Py_DECREF(field);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

/* bisect.bisect_left(a, x, lo) on C integers, the same steps as Python's. */
static Py_ssize_t
bisect_left(const Py_ssize_t *a, Py_ssize_t n, Py_ssize_t x, Py_ssize_t lo)
{
    Py_ssize_t hi = n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2; /* (lo + hi) // 2 without overflow */
        if (a[mid] < x) {
            lo = mid + 1;
        }
        else {
            hi = mid;
        }
    }
    return lo;
}

/* A new edit_type instance (a tuple subtype, or tuple) holding (offset, before, after, rule). */
static PyObject *
new_edit(PyTypeObject *type, Py_ssize_t offset, PyObject *before, PyObject *after,
         PyObject *rule)
{
    PyObject *edit = type == &PyTuple_Type ? PyTuple_New(4) : type->tp_alloc(type, 4);
    if (edit == NULL) {
        return NULL;
    }
    PyObject *at = PyLong_FromSsize_t(offset);
    if (at == NULL) {
        Py_DECREF(edit);
        return NULL;
    }
    Py_INCREF(before);
    Py_INCREF(after);
    Py_INCREF(rule);
    PyTuple_SET_ITEM(edit, 0, at);
    PyTuple_SET_ITEM(edit, 1, before);
    PyTuple_SET_ITEM(edit, 2, after);
    PyTuple_SET_ITEM(edit, 3, rule);
    return edit;
}

static PyObject *
edits_sub_edits(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 6) {
        PyErr_Format(PyExc_TypeError,
                     "sub_edits() takes 6 arguments (edit_type, offsets, composed, before, "
                     "after, rule), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *type_obj = args[0], *offsets = args[1], *composed = args[2];
    PyObject *before = args[3], *after = args[4], *rule = args[5];
    if (!PyType_Check(type_obj) || !PyType_IsSubtype((PyTypeObject *)type_obj, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "sub_edits() needs a tuple type (Edit) to make");
        return NULL;
    }
    if (!PyList_Check(offsets) || !PyList_Check(composed)) {
        PyErr_SetString(PyExc_TypeError, "sub_edits() needs lists of offsets and composed edits");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)type_obj;
    Py_ssize_t n = PyList_GET_SIZE(offsets);
    Py_ssize_t m = PyList_GET_SIZE(composed);
    Py_ssize_t *at = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    Py_ssize_t *shift = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    PyObject *out = NULL;
    if (at == NULL || shift == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        /* defensive: no Python code runs in this loop, but the list is not ours */
        if (i >= PyList_GET_SIZE(offsets)) {
            PyErr_SetString(PyExc_RuntimeError, "sub_edits(): offsets changed size");
            goto done;
        }
        at[i] = PyLong_AsSsize_t(PyList_GET_ITEM(offsets, i));
        if (at[i] == -1 && PyErr_Occurred()) {
            goto done;
        }
        shift[i] = 0;
    }
    /* _to_current: offsets[pos:i] (before edit e) move by the delta of the edit before e */
    {
        Py_ssize_t pos = 0, delta = 0;
        for (Py_ssize_t k = 0; k < m; k++) {
            if (k >= PyList_GET_SIZE(composed)) {
                PyErr_SetString(PyExc_RuntimeError, "sub_edits(): composed changed size");
                goto done;
            }
            PyObject *e = PyList_GET_ITEM(composed, k);
            Py_INCREF(e);
            Py_ssize_t ce, oe;
            int bad = edit_field(e, 1, &ce) < 0 || edit_field(e, 3, &oe) < 0;
            Py_DECREF(e);
            if (bad) {
                goto done;
            }
            Py_ssize_t i = bisect_left(at, n, oe, pos);
            for (Py_ssize_t j = pos; j < i; j++) {
                shift[j] = delta;
            }
            pos = i;
            delta = ce - oe;
        }
        for (Py_ssize_t j = pos; j < n; j++) {
            shift[j] = delta;
        }
    }
    out = PyList_New(n);
    if (out == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *edit = new_edit(type, at[i] + shift[i], before, after, rule);
        if (edit == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, i, edit);
    }
done:
    PyMem_Free(at);
    PyMem_Free(shift);
    return out;
}

/* The UTF-8 of a plain str (cached in the str by CPython; no copy), or NULL with no exception
 * set for anything else (a str subclass, a str with a lone surrogate: pa.array decides). */
static const char *
plain_utf8(PyObject *s, Py_ssize_t *size)
{
    if (!PyUnicode_CheckExact(s)) {
        return NULL;
    }
    const char *u = PyUnicode_AsUTF8AndSize(s, size);
    if (u == NULL) {
        PyErr_Clear(); /* UnicodeEncodeError: pa.array raises it again */
    }
    return u;
}

/* The last str seen in one string field and its UTF-8: a field takes a few distinct strs (shared
 * objects of the fix tables), so most lookups are one pointer comparison. */
typedef struct {
    PyObject *str;
    const char *utf8;
    Py_ssize_t size;
} last_str;

/* The UTF-8 of s via last (updated), or NULL (see plain_utf8). Borrowed: the list holds s. */
static const char *
field_utf8(PyObject *s, last_str *last, Py_ssize_t *size)
{
    if (s != last->str) {
        const char *u = plain_utf8(s, &last->size);
        if (u == NULL) {
            last->str = NULL;
            return NULL;
        }
        last->str = s;
        last->utf8 = u;
    }
    *size = last->size;
    return last->utf8;
}

/* Whether item is an (offset, before, after, rule) tuple of an int32 and three plain strs
 * whose UTF-8 fit; adds the strs' UTF-8 sizes to sizes[0..2]. */
static int
plain_edit(PyObject *item, Py_ssize_t *sizes, Py_ssize_t limit, last_str *last)
{
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 4) {
        return 0;
    }
    PyObject *offset = PyTuple_GET_ITEM(item, 0);
    if (!PyLong_CheckExact(offset)) {
        return 0;
    }
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(offset, &overflow);
    if (overflow || v < INT32_MIN || v > INT32_MAX) {
        return 0;
    }
    for (Py_ssize_t k = 0; k < 3; k++) {
        Py_ssize_t size;
        if (field_utf8(PyTuple_GET_ITEM(item, k + 1), &last[k], &size) == NULL) {
            return 0;
        }
        if (size > limit - sizes[k]) {
            return 0;
        }
        sizes[k] += size;
    }
    return 1;
}

static PyObject *
edits_edit_buffers(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError,
                     "edit_buffers() takes 2 arguments (edits, limit), got %zd", nargs);
        return NULL;
    }
    PyObject *edits = args[0];
    if (!PyList_Check(edits)) {
        PyErr_SetString(PyExc_TypeError, "edit_buffers() needs a list of edits");
        return NULL;
    }
    Py_ssize_t limit = PyLong_AsSsize_t(args[1]);
    if (limit == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (limit < 0 || limit > INT32_MAX) {
        PyErr_Format(PyExc_ValueError,
                     "edit_buffers(): limit must be 0..%d (Arrow's int32 string offsets), got %zd",
                     (int)INT32_MAX, limit);
        return NULL;
    }
    /* pass 1: every item plain, and the size of each string child's data. No Python code runs
     * in either pass (exact ints and strs only), so the list and its items stay the same. */
    Py_ssize_t n = PyList_GET_SIZE(edits);
    Py_ssize_t sizes[3] = {0, 0, 0};
    last_str last[3] = {{NULL, NULL, 0}, {NULL, NULL, 0}, {NULL, NULL, 0}};
    if (n > limit) {
        Py_RETURN_NONE;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!plain_edit(PyList_GET_ITEM(edits, i), sizes, limit, last)) {
            Py_RETURN_NONE;
        }
    }
    /* pass 2: fill the buffers: 0 the offsets, 1 + 2k / 2 + 2k string child k's offsets/data */
    PyObject *bufs[7] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    bufs[0] = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int32_t));
    for (Py_ssize_t k = 0; k < 3 && bufs[0] != NULL; k++) {
        bufs[1 + 2 * k] = PyBytes_FromStringAndSize(NULL, (n + 1) * (Py_ssize_t)sizeof(int32_t));
        bufs[2 + 2 * k] = PyBytes_FromStringAndSize(NULL, sizes[k]);
        if (bufs[1 + 2 * k] == NULL || bufs[2 + 2 * k] == NULL) {
            break;
        }
    }
    for (int b = 0; b < 7; b++) {
        if (bufs[b] == NULL) {
            for (int c = 0; c < 7; c++) {
                Py_XDECREF(bufs[c]);
            }
            return NULL;
        }
    }
    int32_t value;
    char *at = PyBytes_AS_STRING(bufs[0]);
    char *ends[3], *data[3];
    int32_t used[3] = {0, 0, 0};
    for (Py_ssize_t k = 0; k < 3; k++) {
        ends[k] = PyBytes_AS_STRING(bufs[1 + 2 * k]);
        data[k] = PyBytes_AS_STRING(bufs[2 + 2 * k]);
        memcpy(ends[k], &used[k], sizeof(int32_t));
        ends[k] += sizeof(int32_t);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(edits, i);
        value = (int32_t)PyLong_AsLong(PyTuple_GET_ITEM(item, 0)); /* checked in pass 1 */
        memcpy(at, &value, sizeof(int32_t));
        at += sizeof(int32_t);
        for (Py_ssize_t k = 0; k < 3; k++) {
            Py_ssize_t size = 0;
            /* plain and encoded in pass 1 (the UTF-8 cached in the str): no failure here */
            const char *u = field_utf8(PyTuple_GET_ITEM(item, k + 1), &last[k], &size);
            memcpy(data[k] + used[k], u, (size_t)size);
            used[k] += (int32_t)size;
            memcpy(ends[k], &used[k], sizeof(int32_t));
            ends[k] += sizeof(int32_t);
        }
    }
    PyObject *out = PyTuple_New(7);
    if (out == NULL) {
        for (int c = 0; c < 7; c++) {
            Py_DECREF(bufs[c]);
        }
        return NULL;
    }
    for (int b = 0; b < 7; b++) {
        PyTuple_SET_ITEM(out, b, bufs[b]);
    }
    return out;
}

static PyMethodDef edits_methods[] = {
    {"sub_edits", (PyCFunction)(void (*)(void))edits_sub_edits, METH_FASTCALL,
     "sub_edits(edit_type, offsets, composed, before, after, rule) -> list\n\n"
     "One edit_type(offset, before, after, rule) per input offset, moved by the length "
     "changes of the composed edits left of it."},
    {"edit_buffers", (PyCFunction)(void (*)(void))edits_edit_buffers, METH_FASTCALL,
     "edit_buffers(edits, limit) -> tuple of 7 bytes, or None\n\n"
     "The Arrow buffers of the edits column's children (int32 offsets; before, after, rule: "
     "int32 offsets and UTF-8 data) of a list of (offset, before, after, rule) tuples; None "
     "for anything else, or for more than limit bytes in one string child."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef edits_module = {
    PyModuleDef_HEAD_INIT,
    "khabar._c.edits",
    "The edits of one-character substitutions, and the edits column's Arrow buffers, in C "
    "(twins in khabar.text.fix and khabar.io.schema).",
    0,
    edits_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_edits(void)
{
    return PyModuleDef_Init(&edits_module);
}
