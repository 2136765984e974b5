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
 * CPython 3.11 C API only, no other library.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

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

static PyMethodDef edits_methods[] = {
    {"sub_edits", (PyCFunction)(void (*)(void))edits_sub_edits, METH_FASTCALL,
     "sub_edits(edit_type, offsets, composed, before, after, rule) -> list\n\n"
     "One edit_type(offset, before, after, rule) per input offset, moved by the length "
     "changes of the composed edits left of it."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef edits_module = {
    PyModuleDef_HEAD_INIT,
    "khabar._c.edits",
    "The edits of one-character substitutions in C (twin in khabar.text.fix).",
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
