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
 *   final_edits(edit_type, text, out, composed, subs) -> list or None
 *       khabar.text.fix._final_edits_py in one pass: one edit_type row per composed edit
 *       (before = text[os:oe], after = out[cs:ce], rule = "+".join(rules); left out when before
 *       equals after) and one per substitution (sub_edits' rows of every kind), merged by output
 *       offset as the twin's stable sort orders them (composed rows first on ties, then the
 *       kinds in the dict's order). None for input outside the plain form the fixer makes
 *       (not exact tuples, ints and strs, offsets out of the texts or out of order): the caller
 *       then runs the twin, which gives such input its own result or error.
 *
 *   compose(edit_type, edits, changes, apart) -> list or None
 *       khabar.text.fix._compose_py: one rule's changes (start, end, replacement, rule tuples)
 *       composed into the edits (cs, ce, os, oe, rules tuples), the same walk in C. None for
 *       input outside that plain form or changes not sorted by (start, end) (the twin sorts
 *       them): the caller then runs the twin.
 *
 *   take_near(edit_type, subs, changes, edits, near) -> (list, dict) or None
 *       khabar.text.fix._take_near_py: subs split around the sorted changes (of the current
 *       text, whose composed edits are edits): the substitutions within near characters of a
 *       change (mapped to input ranges as _input_range does), as edit_type rows, and the others
 *       (a kind none is taken from keeps its list object). None for input outside the plain
 *       form (the caller then runs the twin).
 *
 *   rule_counts(edits) -> dict or None
 *       {rule: how many edits name it}, in the order first seen: the items of
 *       Counter(map(attrgetter("rule"), edits)) (khabar.steps.text's statistics; twin
 *       khabar.steps.text._rule_counts_py). None for a list of anything but (offset, before,
 *       after, rule) tuples with a str rule.
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
    /* an int and three strs: the row can never be part of a reference cycle, so the cyclic
     * collector need not walk it (CPython untracks such plain tuples itself at their first
     * collection, but not those of a subtype such as Edit); a document's ~124 rows otherwise
     * stay in every collection's walk until the document is written. (sub_edits takes any
     * objects for the three: a row holding anything but exact strs stays tracked.) */
    if (PyUnicode_CheckExact(before) && PyUnicode_CheckExact(after) &&
        PyUnicode_CheckExact(rule)) {
        PyObject_GC_UnTrack(edit); /* a no-op on an object not tracked */
    }
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

/* One source of final_edits' merge: the output offsets of its edits, in order. */
typedef struct {
    Py_ssize_t *at;  /* output offsets */
    Py_ssize_t n;    /* how many */
    Py_ssize_t next; /* the next one to take */
} merge_source;

/* The composed edits' fields as C integers (cs, ce, os, oe per edit, in fields[4 * k...]):
 * 0, or 1 when an edit is not a plain tuple of four ints and a tuple of strs within the texts'
 * lengths (the Python twin then decides). */
static int
composed_fields(PyObject *composed, Py_ssize_t text_len, Py_ssize_t out_len, Py_ssize_t *fields)
{
    Py_ssize_t m = PyList_GET_SIZE(composed);
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *e = PyList_GET_ITEM(composed, k);
        if (!PyTuple_Check(e) || PyTuple_GET_SIZE(e) != 5) {
            return 1;
        }
        for (Py_ssize_t f = 0; f < 4; f++) {
            PyObject *v = PyTuple_GET_ITEM(e, f);
            if (!PyLong_CheckExact(v)) {
                return 1;
            }
            Py_ssize_t x = PyLong_AsSsize_t(v);
            if (x == -1 && PyErr_Occurred()) {
                PyErr_Clear(); /* out of range: slicing clamps it, the twin decides */
                return 1;
            }
            fields[4 * k + f] = x;
        }
        Py_ssize_t cs = fields[4 * k], ce = fields[4 * k + 1];
        Py_ssize_t os = fields[4 * k + 2], oe = fields[4 * k + 3];
        if (cs < 0 || ce < cs || ce > out_len || os < 0 || oe < os || oe > text_len) {
            return 1;
        }
        PyObject *rules = PyTuple_GET_ITEM(e, 4);
        if (!PyTuple_CheckExact(rules) || PyTuple_GET_SIZE(rules) == 0) {
            return 1;
        }
        for (Py_ssize_t r = 0; r < PyTuple_GET_SIZE(rules); r++) {
            if (!PyUnicode_CheckExact(PyTuple_GET_ITEM(rules, r))) {
                return 1;
            }
        }
    }
    return 0;
}

/* _to_current on C integers: at[0..n) (input offsets, sorted) moved in place by the length
 * changes (ce - oe) of the composed edits left of them (fields as composed_fields makes them). */
static void
to_current(Py_ssize_t *at, Py_ssize_t n, const Py_ssize_t *fields, Py_ssize_t m)
{
    Py_ssize_t pos = 0, delta = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_ssize_t ce = fields[4 * k + 1], oe = fields[4 * k + 3];
        Py_ssize_t i = bisect_left(at, n, oe, pos);
        for (Py_ssize_t j = pos; j < i; j++) {
            at[j] += delta;
        }
        pos = i;
        delta = ce - oe;
    }
    for (Py_ssize_t j = pos; j < n; j++) {
        at[j] += delta;
    }
}

static PyObject *
edits_final_edits(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 5) {
        PyErr_Format(PyExc_TypeError,
                     "final_edits() takes 5 arguments (edit_type, text, out, composed, subs), "
                     "got %zd",
                     nargs);
        return NULL;
    }
    PyObject *type_obj = args[0], *text = args[1], *out_text = args[2];
    PyObject *composed = args[3], *subs = args[4];
    if (!PyType_Check(type_obj) || !PyType_IsSubtype((PyTypeObject *)type_obj, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "final_edits() needs a tuple type (Edit) to make");
        return NULL;
    }
    if (!PyUnicode_Check(text) || !PyUnicode_Check(out_text) || !PyList_Check(composed) ||
        !PyDict_Check(subs)) {
        PyErr_SetString(PyExc_TypeError,
                        "final_edits() needs two strs, a list of composed edits and a dict of "
                        "substitutions");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)type_obj;
    Py_ssize_t m = PyList_GET_SIZE(composed);
    Py_ssize_t kinds = PyDict_GET_SIZE(subs);
    Py_ssize_t *fields = PyMem_Malloc((size_t)(4 * m + 1) * sizeof(Py_ssize_t));
    /* the composed edits' Edit rows (NULL: left out, before == after), then one source per
     * kind of substitution (the kinds' keys borrowed from the dict, which we do not change) */
    PyObject **rows = PyMem_Calloc((size_t)(m + 1), sizeof(PyObject *));
    merge_source *src = PyMem_Calloc((size_t)(kinds + 1), sizeof(merge_source));
    PyObject **keys = PyMem_Calloc((size_t)(kinds + 1), sizeof(PyObject *));
    PyObject *result = NULL, *sep = NULL;
    Py_ssize_t total = 0;
    if (fields == NULL || rows == NULL || src == NULL || keys == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (composed_fields(composed, PyUnicode_GET_LENGTH(text), PyUnicode_GET_LENGTH(out_text),
                        fields)) {
        result = Py_None;
        Py_INCREF(result);
        goto done;
    }
    /* the substitutions: plain keys and sorted lists of ints, else the twin decides */
    {
        Py_ssize_t pos = 0, k = 0;
        PyObject *key, *value;
        while (PyDict_Next(subs, &pos, &key, &value)) {
            if (k >= kinds) {
                PyErr_SetString(PyExc_RuntimeError, "final_edits(): subs changed size");
                goto done;
            }
            if (!PyTuple_CheckExact(key) || PyTuple_GET_SIZE(key) != 3 ||
                !PyUnicode_CheckExact(PyTuple_GET_ITEM(key, 0)) ||
                !PyUnicode_CheckExact(PyTuple_GET_ITEM(key, 1)) ||
                !PyUnicode_CheckExact(PyTuple_GET_ITEM(key, 2)) || !PyList_CheckExact(value)) {
                result = Py_None;
                Py_INCREF(result);
                goto done;
            }
            Py_ssize_t n = PyList_GET_SIZE(value);
            Py_INCREF(key); /* held: an allocation below may run a collection */
            keys[k] = key;
            src[k].at = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
            src[k].n = n;
            if (src[k].at == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            k++; /* counted before filling: freed on every way out */
            for (Py_ssize_t i = 0; i < n; i++) {
                PyObject *v = PyList_GET_ITEM(value, i);
                if (!PyLong_CheckExact(v)) {
                    result = Py_None;
                    Py_INCREF(result);
                    goto done;
                }
                src[k - 1].at[i] = PyLong_AsSsize_t(v);
                if (src[k - 1].at[i] == -1 && PyErr_Occurred()) {
                    PyErr_Clear(); /* out of range: the twin decides */
                    result = Py_None;
                    Py_INCREF(result);
                    goto done;
                }
                if (i && src[k - 1].at[i] <= src[k - 1].at[i - 1]) {
                    result = Py_None; /* not sorted: the twin's sort decides */
                    Py_INCREF(result);
                    goto done;
                }
            }
            to_current(src[k - 1].at, n, fields, m);
            for (Py_ssize_t i = 1; i < n; i++) {
                if (src[k - 1].at[i] <= src[k - 1].at[i - 1]) {
                    result = Py_None; /* moved out of order: the twin's sort decides */
                    Py_INCREF(result);
                    goto done;
                }
            }
            total += n;
        }
        if (k != kinds) {
            PyErr_SetString(PyExc_RuntimeError, "final_edits(): subs changed size");
            goto done;
        }
    }
    /* the composed edits' rows: before from text, after from out, rules joined by + */
    sep = PyUnicode_FromString("+");
    if (sep == NULL) {
        goto done;
    }
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_ssize_t cs = fields[4 * k], ce = fields[4 * k + 1];
        Py_ssize_t os = fields[4 * k + 2], oe = fields[4 * k + 3];
        if (k && cs < fields[4 * (k - 1)]) {
            result = Py_None; /* not in order: the twin's sort decides */
            Py_INCREF(result);
            goto done;
        }
        PyObject *before = PyUnicode_Substring(text, os, oe);
        if (before == NULL) {
            goto done;
        }
        PyObject *after = PyUnicode_Substring(out_text, cs, ce);
        if (after == NULL) {
            Py_DECREF(before);
            goto done;
        }
        int same = PyUnicode_Compare(before, after) == 0;
        if (same) { /* a change undone by a later rule (Compare of two strs cannot fail) */
            Py_DECREF(before);
            Py_DECREF(after);
            continue;
        }
        /* composed_fields checked the list's items: no Python code ran since */
        PyObject *rules = PyTuple_GET_ITEM(PyList_GET_ITEM(composed, k), 4);
        PyObject *rule;
        if (PyTuple_GET_SIZE(rules) == 1) {
            rule = PyTuple_GET_ITEM(rules, 0);
            Py_INCREF(rule);
        }
        else {
            rule = PyUnicode_Join(sep, rules);
        }
        if (rule == NULL) {
            Py_DECREF(before);
            Py_DECREF(after);
            goto done;
        }
        rows[k] = new_edit(type, cs, before, after, rule);
        Py_DECREF(before);
        Py_DECREF(after);
        Py_DECREF(rule);
        if (rows[k] == NULL) {
            goto done;
        }
        total++;
    }
    /* merge by output offset: the composed rows first on ties, then the kinds in the dict's
     * order (what a stable sort of the rows followed by each kind's edits gives) */
    result = PyList_New(total);
    if (result == NULL) {
        goto done;
    }
    {
        Py_ssize_t c = 0, filled = 0;
        while (c < m && rows[c] == NULL) {
            c++;
        }
        while (filled < total) {
            Py_ssize_t best = -1; /* -1: the composed row c; else a kind */
            Py_ssize_t at = c < m ? fields[4 * c] : PY_SSIZE_T_MAX;
            for (Py_ssize_t k = 0; k < kinds; k++) {
                if (src[k].next < src[k].n && src[k].at[src[k].next] < at) {
                    at = src[k].at[src[k].next];
                    best = k;
                }
            }
            PyObject *edit;
            if (best < 0) {
                edit = rows[c];
                rows[c] = NULL;
                c++;
                while (c < m && rows[c] == NULL) {
                    c++;
                }
            }
            else {
                edit = new_edit(type, at, PyTuple_GET_ITEM(keys[best], 0),
                                PyTuple_GET_ITEM(keys[best], 1), PyTuple_GET_ITEM(keys[best], 2));
                if (edit == NULL) {
                    Py_CLEAR(result);
                    goto done;
                }
                src[best].next++;
            }
            PyList_SET_ITEM(result, filled, edit);
            filled++;
        }
    }
done:
    Py_XDECREF(sep);
    if (rows != NULL) {
        for (Py_ssize_t k = 0; k < m; k++) {
            Py_XDECREF(rows[k]);
        }
    }
    if (src != NULL && keys != NULL) {
        for (Py_ssize_t k = 0; k < kinds; k++) {
            PyMem_Free(src[k].at);
            Py_XDECREF(keys[k]);
        }
    }
    PyMem_Free(fields);
    PyMem_Free(rows);
    PyMem_Free(src);
    PyMem_Free(keys);
    return result;
}

/* compose: the fields of the composed edits and of the changes, as C integers. */
typedef struct {
    Py_ssize_t cs, ce, os, oe;
    PyObject *rules; /* borrowed from the edits list's item: a tuple of strs */
} c_edit;

typedef struct {
    Py_ssize_t start, end, grow; /* grow: len(replacement) - (end - start) */
    Py_ssize_t repl_len;
    PyObject *rule; /* borrowed: a str */
} c_change;

/* An exact int of a tuple item as a C integer: 0, or 1 when it is none (or out of range). */
static int
small_int(PyObject *v, Py_ssize_t *out)
{
    if (!PyLong_CheckExact(v)) {
        return 1;
    }
    *out = PyLong_AsSsize_t(v);
    if (*out == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 1;
    }
    return 0;
}

/* (a0, a1) < (b0, b1), as tuples of ints compare */
static int
key_less(Py_ssize_t a0, Py_ssize_t a1, Py_ssize_t b0, Py_ssize_t b1)
{
    return a0 < b0 || (a0 == b0 && a1 < b1);
}

/* rules += [r], when r is not in rules yet (strs: equality without Python code) */
static int
add_rule(PyObject *rules, PyObject *r)
{
    Py_ssize_t n = PyList_GET_SIZE(rules);
    for (Py_ssize_t q = 0; q < n; q++) {
        PyObject *have = PyList_GET_ITEM(rules, q);
        if (have == r || PyUnicode_Compare(have, r) == 0) {
            return 0;
        }
    }
    return PyList_Append(rules, r);
}

/* A new edit_type instance holding (cs, ce, os, oe, rules); the rules are taken (stolen). */
static PyObject *
new_composed(PyTypeObject *type, Py_ssize_t cs, Py_ssize_t ce, Py_ssize_t os, Py_ssize_t oe,
             PyObject *rules)
{
    PyObject *edit = type == &PyTuple_Type ? PyTuple_New(5) : type->tp_alloc(type, 5);
    if (edit == NULL) {
        Py_DECREF(rules);
        return NULL;
    }
    Py_ssize_t v[4] = {cs, ce, os, oe};
    for (int f = 0; f < 4; f++) {
        PyObject *x = PyLong_FromSsize_t(v[f]);
        if (x == NULL) {
            Py_DECREF(rules);
            Py_DECREF(edit);
            return NULL;
        }
        PyTuple_SET_ITEM(edit, f, x);
    }
    PyTuple_SET_ITEM(edit, 4, rules);
    return edit;
}

/* Append a new composed edit to out (a list): 0, or -1 with an exception set. */
static int
append_composed(PyObject *out, PyTypeObject *type, Py_ssize_t cs, Py_ssize_t ce, Py_ssize_t os,
                Py_ssize_t oe, PyObject *rules)
{
    PyObject *edit = new_composed(type, cs, ce, os, oe, rules);
    if (edit == NULL) {
        return -1;
    }
    int bad = PyList_Append(out, edit);
    Py_DECREF(edit);
    return bad;
}

/* bisect.bisect_right(keys, (k0, k1), lo) over the edits' (cs, ce), Python's steps. */
static Py_ssize_t
bisect_right_key(const c_edit *e, Py_ssize_t n, Py_ssize_t k0, Py_ssize_t k1, Py_ssize_t lo)
{
    Py_ssize_t hi = n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (key_less(k0, k1, e[mid].cs, e[mid].ce)) {
            hi = mid;
        }
        else {
            lo = mid + 1;
        }
    }
    return lo;
}

/* The walk of khabar.text.fix._compose_py past its first-rule paths, on sorted changes. */
static int
compose_walk(PyObject *out, PyTypeObject *type, PyObject *const *items, const c_edit *e,
             Py_ssize_t n, const c_change *c, Py_ssize_t m)
{
    Py_ssize_t i = 0, k = 0, co = 0, nd = 0;
    while (i < n || k < m) {
        Py_ssize_t stop, ck0 = 0, ck1 = 0;
        if (k < m) {
            ck0 = c[k].start;
            ck1 = c[k].end;
            stop = bisect_right_key(e, n, ck0, ck1, i) - 1;
        }
        else {
            stop = n;
        }
        if (stop > i) { /* edits[i:stop] each alone: copied, moved by nd */
            co = e[stop - 1].ce - e[stop - 1].oe;
            for (Py_ssize_t q = i; q < stop; q++) {
                if (nd == 0) {
                    if (PyList_Append(out, items[q]) < 0) {
                        return -1;
                    }
                    continue;
                }
                Py_INCREF(e[q].rules);
                if (append_composed(out, type, e[q].cs + nd, e[q].ce + nd, e[q].os, e[q].oe,
                                    e[q].rules) < 0) {
                    return -1;
                }
            }
            i = stop;
            continue;
        }
        Py_ssize_t start, end, dco, dnd;
        PyObject *rules;
        if (i < n && (k >= m || !key_less(ck0, ck1, e[i].cs, e[i].ce))) {
            start = e[i].cs;
            end = e[i].ce;
            dco = (e[i].ce - e[i].cs) - (e[i].oe - e[i].os);
            dnd = 0;
            rules = PySequence_List(e[i].rules);
            i++;
        }
        else {
            start = c[k].start;
            end = c[k].end;
            dco = 0;
            dnd = c[k].grow;
            rules = PyList_New(1);
            if (rules != NULL) {
                Py_INCREF(c[k].rule);
                PyList_SET_ITEM(rules, 0, c[k].rule);
            }
            k++;
        }
        if (rules == NULL) {
            return -1;
        }
        for (;;) {
            Py_ssize_t t;
            if (i < n && (k >= m || !key_less(c[k].start, c[k].end, e[i].cs, e[i].ce))) {
                if (e[i].cs >= end) {
                    break;
                }
                t = e[i].ce;
                dco += (e[i].ce - e[i].cs) - (e[i].oe - e[i].os);
                Py_ssize_t nr = PyTuple_GET_SIZE(e[i].rules);
                for (Py_ssize_t q = 0; q < nr; q++) {
                    if (add_rule(rules, PyTuple_GET_ITEM(e[i].rules, q)) < 0) {
                        Py_DECREF(rules);
                        return -1;
                    }
                }
                i++;
            }
            else if (k < m) {
                if (c[k].start >= end) {
                    break;
                }
                t = c[k].end;
                dnd += c[k].grow;
                if (add_rule(rules, c[k].rule) < 0) {
                    Py_DECREF(rules);
                    return -1;
                }
                k++;
            }
            else {
                break;
            }
            if (t > end) {
                end = t;
            }
        }
        PyObject *tuple = PyList_AsTuple(rules);
        Py_DECREF(rules);
        if (tuple == NULL || append_composed(out, type, start + nd, end + nd + dnd, start - co,
                                             end - co - dco, tuple) < 0) {
            return -1;
        }
        co += dco;
        nd += dnd;
    }
    return 0;
}

static PyObject *
edits_compose(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError,
                     "compose() takes 4 arguments (edit_type, edits, changes, apart), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *type_obj = args[0], *edits = args[1], *changes = args[2];
    if (!PyType_Check(type_obj) || !PyType_IsSubtype((PyTypeObject *)type_obj, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "compose() needs a tuple type (_Edit) to make");
        return NULL;
    }
    if (!PyList_Check(edits) || !PyList_Check(changes)) {
        PyErr_SetString(PyExc_TypeError, "compose() needs lists of edits and changes");
        return NULL;
    }
    int apart = PyObject_IsTrue(args[3]);
    if (apart < 0) {
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)type_obj;
    Py_ssize_t n = PyList_GET_SIZE(edits), m = PyList_GET_SIZE(changes);
    c_edit *e = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(c_edit));
    c_change *c = PyMem_Malloc((size_t)(m ? m : 1) * sizeof(c_change));
    /* the items, held: the walk makes objects (a collection may run), and copies some */
    PyObject **items = PyMem_Calloc((size_t)(n + m + 1), sizeof(PyObject *));
    PyObject *out = NULL;
    Py_ssize_t held = 0;
    int plain = 1;
    if (e == NULL || c == NULL || items == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t q = 0; q < n && plain; q++) {
        PyObject *it = PyList_GET_ITEM(edits, q);
        Py_INCREF(it);
        items[held++] = it;
        if (!PyTuple_Check(it) || PyTuple_GET_SIZE(it) != 5 ||
            small_int(PyTuple_GET_ITEM(it, 0), &e[q].cs) ||
            small_int(PyTuple_GET_ITEM(it, 1), &e[q].ce) ||
            small_int(PyTuple_GET_ITEM(it, 2), &e[q].os) ||
            small_int(PyTuple_GET_ITEM(it, 3), &e[q].oe) ||
            !PyTuple_CheckExact(PyTuple_GET_ITEM(it, 4))) {
            plain = 0;
            break;
        }
        e[q].rules = PyTuple_GET_ITEM(it, 4);
        for (Py_ssize_t r = 0; r < PyTuple_GET_SIZE(e[q].rules); r++) {
            if (!PyUnicode_CheckExact(PyTuple_GET_ITEM(e[q].rules, r))) {
                plain = 0;
            }
        }
    }
    int all_one = 1, is_apart = 1;
    for (Py_ssize_t q = 0; q < m && plain; q++) {
        PyObject *it = PyList_GET_ITEM(changes, q);
        Py_INCREF(it);
        items[held++] = it;
        if (!PyTuple_Check(it) || PyTuple_GET_SIZE(it) != 4 ||
            small_int(PyTuple_GET_ITEM(it, 0), &c[q].start) ||
            small_int(PyTuple_GET_ITEM(it, 1), &c[q].end) ||
            !PyUnicode_CheckExact(PyTuple_GET_ITEM(it, 2)) ||
            !PyUnicode_CheckExact(PyTuple_GET_ITEM(it, 3))) {
            plain = 0;
            break;
        }
        c[q].repl_len = PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(it, 2));
        c[q].grow = c[q].repl_len - (c[q].end - c[q].start);
        c[q].rule = PyTuple_GET_ITEM(it, 3);
        all_one &= c[q].repl_len == 1;
        if (q) { /* _apart: b.start < a.end or (b.start, b.end) < (a.start, a.end) */
            const c_change *a = &c[q - 1], *b = &c[q];
            if (b->start < a->end || key_less(b->start, b->end, a->start, a->end)) {
                is_apart = 0;
            }
        }
    }
    if (!plain) {
        out = Py_None;
        Py_INCREF(out);
        goto done;
    }
    out = PyList_New(0);
    if (out == NULL) {
        goto done;
    }
    if (n == 0 && (apart || is_apart)) {
        /* the first rule's changes, none overlapping another: each an edit of its own */
        Py_ssize_t nd = 0;
        int same = apart && all_one && m > 0; /* ي → ی: no offset moves */
        for (Py_ssize_t q = 0; q < m; q++) {
            PyObject *rules = PyTuple_Pack(1, c[q].rule);
            if (rules == NULL) {
                Py_CLEAR(out);
                goto done;
            }
            Py_ssize_t cs = c[q].start + nd;
            Py_ssize_t ce = same ? c[q].end : c[q].start + nd + c[q].repl_len;
            if (append_composed(out, type, cs, ce, c[q].start, c[q].end, rules) < 0) {
                Py_CLEAR(out);
                goto done;
            }
            if (!same) {
                nd += c[q].grow;
            }
        }
        goto done;
    }
    for (Py_ssize_t q = 1; q < m; q++) {
        if (key_less(c[q].start, c[q].end, c[q - 1].start, c[q - 1].end)) {
            Py_DECREF(out); /* not sorted: the twin sorts them */
            out = Py_None;
            Py_INCREF(out);
            goto done;
        }
    }
    if (compose_walk(out, type, items, e, n, c, m) < 0) {
        Py_CLEAR(out);
    }
done:
    for (Py_ssize_t q = 0; q < held; q++) {
        Py_DECREF(items[q]);
    }
    PyMem_Free(items);
    PyMem_Free(e);
    PyMem_Free(c);
    return out;
}

/* take_near: bisect.bisect_right(a, x, lo) on C integers, Python's steps. */
static Py_ssize_t
bisect_right(const Py_ssize_t *a, Py_ssize_t n, Py_ssize_t x, Py_ssize_t lo)
{
    Py_ssize_t hi = n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (x < a[mid]) {
            hi = mid;
        }
        else {
            lo = mid + 1;
        }
    }
    return lo;
}

/* khabar.text.fix._input_range's one end: x (a current offset) as an input offset. ends: the
 * edits' ce; at_start: lo's rule (an offset inside an edit goes to its os), else hi's (oe). */
static Py_ssize_t
input_end(const c_edit *e, const Py_ssize_t *ends, Py_ssize_t n, Py_ssize_t x, int at_start)
{
    Py_ssize_t j = bisect_right(ends, n, x, 0);
    if (j < n && e[j].cs <= x) {
        return at_start ? e[j].os : e[j].oe;
    }
    if (j) {
        return x + e[j - 1].oe - e[j - 1].ce;
    }
    return x;
}

/* The plain edits (cs, ce, os, oe, rules) of a list as C integers: 0, or 1 for anything else. */
static int
read_edits(PyObject *edits, c_edit *e)
{
    for (Py_ssize_t q = 0; q < PyList_GET_SIZE(edits); q++) {
        PyObject *it = PyList_GET_ITEM(edits, q);
        if (!PyTuple_Check(it) || PyTuple_GET_SIZE(it) != 5 ||
            small_int(PyTuple_GET_ITEM(it, 0), &e[q].cs) ||
            small_int(PyTuple_GET_ITEM(it, 1), &e[q].ce) ||
            small_int(PyTuple_GET_ITEM(it, 2), &e[q].os) ||
            small_int(PyTuple_GET_ITEM(it, 3), &e[q].oe)) {
            return 1;
        }
        e[q].rules = PyTuple_GET_ITEM(it, 4);
    }
    return 0;
}

/* A list of the ints a[lo:hi] of the list src appended to dst (the same int objects). */
static int
extend_slice(PyObject *dst, PyObject *src, Py_ssize_t lo, Py_ssize_t hi)
{
    for (Py_ssize_t q = lo; q < hi; q++) {
        if (PyList_Append(dst, PyList_GET_ITEM(src, q)) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *
edits_take_near(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 5) {
        PyErr_Format(PyExc_TypeError,
                     "take_near() takes 5 arguments (edit_type, subs, changes, edits, near), "
                     "got %zd",
                     nargs);
        return NULL;
    }
    PyObject *type_obj = args[0], *subs = args[1], *changes = args[2], *edits = args[3];
    if (!PyType_Check(type_obj) || !PyType_IsSubtype((PyTypeObject *)type_obj, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "take_near() needs a tuple type (_Edit) to make");
        return NULL;
    }
    if (!PyDict_Check(subs) || !PyList_Check(changes) || !PyList_Check(edits)) {
        PyErr_SetString(PyExc_TypeError,
                        "take_near() needs a dict of substitutions and lists of changes and edits");
        return NULL;
    }
    Py_ssize_t near = PyLong_AsSsize_t(args[4]);
    if (near == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)type_obj;
    /* held: the dict's items and the lists we read (an allocation may run a collection) */
    PyObject *items = PyDict_Items(subs);
    if (items == NULL) {
        return NULL;
    }
    Py_INCREF(edits);
    Py_INCREF(changes);
    Py_ssize_t n = PyList_GET_SIZE(edits), m = PyList_GET_SIZE(changes);
    Py_ssize_t kinds = PyList_GET_SIZE(items);
    c_edit *e = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(c_edit));
    Py_ssize_t *ends = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    Py_ssize_t *oes = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    Py_ssize_t *win = PyMem_Malloc((size_t)(2 * m + 1) * sizeof(Py_ssize_t));
    Py_ssize_t *cuts = PyMem_Malloc((size_t)(2 * m + 1) * sizeof(Py_ssize_t));
    Py_ssize_t *at = NULL;
    PyObject *out = NULL, *taken = NULL, *result = NULL;
    if (e == NULL || ends == NULL || oes == NULL || win == NULL || cuts == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (read_edits(edits, e)) {
        result = Py_None;
        Py_INCREF(result);
        goto done;
    }
    for (Py_ssize_t q = 0; q < n; q++) {
        ends[q] = e[q].ce;
        oes[q] = e[q].oe;
    }
    for (Py_ssize_t q = 0; q < m; q++) {
        PyObject *c = PyList_GET_ITEM(changes, q);
        Py_ssize_t start, end;
        if (!PyTuple_Check(c) || PyTuple_GET_SIZE(c) < 2 ||
            small_int(PyTuple_GET_ITEM(c, 0), &start) || small_int(PyTuple_GET_ITEM(c, 1), &end)) {
            result = Py_None;
            Py_INCREF(result);
            goto done;
        }
        win[2 * q] = input_end(e, ends, n, start - near, 1);
        win[2 * q + 1] = input_end(e, ends, n, end + near, 0);
    }
    out = PyDict_New();
    taken = PyList_New(0); /* (offset, kind) pairs, flattened: offset, kind, offset, kind... */
    if (out == NULL || taken == NULL) {
        goto done;
    }
    for (Py_ssize_t k = 0; k < kinds; k++) {
        PyObject *pair = PyList_GET_ITEM(items, k);
        PyObject *kind = PyTuple_GET_ITEM(pair, 0), *offsets = PyTuple_GET_ITEM(pair, 1);
        if (!PyList_CheckExact(offsets) || !PyTuple_CheckExact(kind) ||
            PyTuple_GET_SIZE(kind) != 3) {
            result = Py_None;
            Py_INCREF(result);
            goto done;
        }
        Py_ssize_t size = PyList_GET_SIZE(offsets);
        PyMem_Free(at);
        at = PyMem_Malloc((size_t)(size ? size : 1) * sizeof(Py_ssize_t));
        if (at == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        for (Py_ssize_t q = 0; q < size; q++) {
            if (small_int(PyList_GET_ITEM(offsets, q), &at[q])) {
                result = Py_None;
                Py_INCREF(result);
                goto done;
            }
        }
        Py_ssize_t ncuts = 0, pos = 0;
        for (Py_ssize_t w = 0; w < m; w++) {
            Py_ssize_t i = bisect_left(at, size, win[2 * w], pos);
            Py_ssize_t j = bisect_right(at, size, win[2 * w + 1], i);
            if (j > i) {
                cuts[2 * ncuts] = i;
                cuts[2 * ncuts + 1] = j;
                ncuts++;
                pos = j;
            }
        }
        if (ncuts == 0) {
            if (PyDict_SetItem(out, kind, offsets) < 0) {
                goto done;
            }
            continue;
        }
        PyObject *kept = PyList_New(0);
        if (kept == NULL) {
            goto done;
        }
        pos = 0;
        for (Py_ssize_t c = 0; c < ncuts; c++) {
            Py_ssize_t i = cuts[2 * c], j = cuts[2 * c + 1];
            if (extend_slice(kept, offsets, pos, i) < 0) {
                Py_DECREF(kept);
                goto done;
            }
            for (Py_ssize_t q = i; q < j; q++) {
                if (PyList_Append(taken, PyList_GET_ITEM(offsets, q)) < 0 ||
                    PyList_Append(taken, kind) < 0) {
                    Py_DECREF(kept);
                    goto done;
                }
            }
            pos = j;
        }
        if (extend_slice(kept, offsets, pos, size) < 0) {
            Py_DECREF(kept);
            goto done;
        }
        int bad = PyList_GET_SIZE(kept) && PyDict_SetItem(out, kind, kept) < 0;
        Py_DECREF(kept);
        if (bad) {
            goto done;
        }
    }
    {
        Py_ssize_t nt = PyList_GET_SIZE(taken) / 2;
        PyObject *made = PyList_New(nt);
        if (made == NULL) {
            goto done;
        }
        for (Py_ssize_t q = 0; q < nt; q++) {
            Py_ssize_t o = PyLong_AsSsize_t(PyList_GET_ITEM(taken, 2 * q)); /* read above */
            PyObject *kind = PyList_GET_ITEM(taken, 2 * q + 1);
            Py_ssize_t j = bisect_right(oes, n, o, 0);
            Py_ssize_t shift = j ? e[j - 1].ce - e[j - 1].oe : 0;
            PyObject *rules = PyTuple_Pack(1, PyTuple_GET_ITEM(kind, 2));
            PyObject *edit = rules == NULL ? NULL
                                           : new_composed(type, o + shift, o + shift + 1, o,
                                                          o + 1, rules);
            if (edit == NULL) {
                Py_DECREF(made);
                goto done;
            }
            PyList_SET_ITEM(made, q, edit);
        }
        result = PyTuple_Pack(2, made, out);
        Py_DECREF(made);
    }
done:
    Py_XDECREF(out);
    Py_XDECREF(taken);
    Py_DECREF(items);
    Py_DECREF(edits);
    Py_DECREF(changes);
    PyMem_Free(e);
    PyMem_Free(ends);
    PyMem_Free(oes);
    PyMem_Free(win);
    PyMem_Free(cuts);
    PyMem_Free(at);
    return result;
}

static PyObject *
edits_rule_counts(PyObject *module, PyObject *edits)
{
    (void)module;
    if (!PyList_Check(edits)) {
        PyErr_SetString(PyExc_TypeError, "rule_counts() needs a list of edits");
        return NULL;
    }
    /* the distinct rules (borrowed: the list holds them, and no Python code runs until the
     * dict is made) and their counts, in the order first seen; a document has a few */
    Py_ssize_t cap = 8, seen = 0;
    PyObject **rules = PyMem_Malloc((size_t)cap * sizeof(PyObject *));
    Py_ssize_t *counts = PyMem_Malloc((size_t)cap * sizeof(Py_ssize_t));
    PyObject *out = NULL;
    if (rules == NULL || counts == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(edits); i++) {
        PyObject *edit = PyList_GET_ITEM(edits, i);
        if (!PyTuple_Check(edit) || PyTuple_GET_SIZE(edit) != 4 ||
            !PyUnicode_CheckExact(PyTuple_GET_ITEM(edit, 3))) {
            out = Py_None; /* not a plain Edit: the twin (a Counter) decides */
            Py_INCREF(out);
            goto done;
        }
        PyObject *rule = PyTuple_GET_ITEM(edit, 3);
        Py_ssize_t k = 0;
        while (k < seen && rules[k] != rule) { /* the fix tables' shared strs: one pointer */
            k++;
        }
        if (k == seen) {
            for (k = 0; k < seen && PyUnicode_Compare(rules[k], rule) != 0; k++) {
            }
        }
        if (k == seen) {
            if (seen == cap) {
                cap *= 2;
                PyObject **more = PyMem_Realloc(rules, (size_t)cap * sizeof(PyObject *));
                if (more == NULL) {
                    PyErr_NoMemory();
                    goto done;
                }
                rules = more;
                Py_ssize_t *more_counts = PyMem_Realloc(counts, (size_t)cap * sizeof(Py_ssize_t));
                if (more_counts == NULL) {
                    PyErr_NoMemory();
                    goto done;
                }
                counts = more_counts;
            }
            rules[seen] = rule;
            counts[seen++] = 0;
        }
        counts[k]++;
    }
    /* Counter(map(attrgetter("rule"), edits)) gives the same items in the same order */
    {
        PyObject *made = PyDict_New();
        PyObject *held = PyList_New(seen); /* the rules, held while the dict is filled */
        if (made == NULL || held == NULL) {
            Py_XDECREF(made);
            Py_XDECREF(held);
            goto done;
        }
        for (Py_ssize_t k = 0; k < seen; k++) {
            Py_INCREF(rules[k]);
            PyList_SET_ITEM(held, k, rules[k]);
        }
        for (Py_ssize_t k = 0; k < seen; k++) {
            PyObject *n = PyLong_FromSsize_t(counts[k]);
            if (n == NULL || PyDict_SetItem(made, PyList_GET_ITEM(held, k), n) < 0) {
                Py_XDECREF(n);
                Py_DECREF(made);
                Py_DECREF(held);
                goto done;
            }
            Py_DECREF(n);
        }
        Py_DECREF(held);
        out = made;
    }
done:
    PyMem_Free(rules);
    PyMem_Free(counts);
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
 * whose UTF-8 fit; stores the offset at *value and adds the strs' UTF-8 sizes to sizes[0..2]. */
static int
plain_edit(PyObject *item, int32_t *value, Py_ssize_t *sizes, Py_ssize_t limit,
           last_str *last)
{
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 4) {
        return 0;
    }
    PyObject *offset = PyTuple_GET_ITEM(item, 0);
    if (!PyLong_CheckExact(offset)) {
        return 0;
    }
    int overflow = 0;
    long v = PyLong_AsLongAndOverflow(offset, &overflow); /* an exact int: no error */
    if (overflow || v < INT32_MIN || v > INT32_MAX) {
        return 0;
    }
    *value = (int32_t)v;
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

/* memcpy of a short string (most edit strings are 1-20 bytes) without a call: overlapping
 * fixed-size copies, which the compiler inlines. */
static inline void
copy_bytes(char *to, const char *from, Py_ssize_t size)
{
    if (size >= 8 && size <= 16) {
        memcpy(to, from, 8);
        memcpy(to + size - 8, from + size - 8, 8);
    }
    else if (size >= 4 && size < 8) {
        memcpy(to, from, 4);
        memcpy(to + size - 4, from + size - 4, 4);
    }
    else if (size >= 2 && size < 4) {
        memcpy(to, from, 2);
        memcpy(to + size - 2, from + size - 2, 2);
    }
    else if (size == 1) {
        *to = *from;
    }
    else if (size > 16) {
        memcpy(to, from, (size_t)size);
    }
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
    /* pass 1: every item plain, its offset into bufs[0], and the size of each string child's
     * data. No Python code runs in either pass (exact ints and strs only), so the list and its
     * items stay the same. */
    Py_ssize_t n = PyList_GET_SIZE(edits);
    Py_ssize_t sizes[3] = {0, 0, 0};
    last_str last[3] = {{NULL, NULL, 0}, {NULL, NULL, 0}, {NULL, NULL, 0}};
    if (n > limit) {
        Py_RETURN_NONE;
    }
    PyObject *bufs[7] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    bufs[0] = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int32_t));
    if (bufs[0] == NULL) {
        return NULL;
    }
    char *at = PyBytes_AS_STRING(bufs[0]);
    for (Py_ssize_t i = 0; i < n; i++) {
        int32_t value;
        if (!plain_edit(PyList_GET_ITEM(edits, i), &value, sizes, limit, last)) {
            Py_DECREF(bufs[0]);
            Py_RETURN_NONE;
        }
        memcpy(at + i * (Py_ssize_t)sizeof(int32_t), &value, sizeof(int32_t));
    }
    /* pass 2: fill the string buffers: 1 + 2k / 2 + 2k string child k's offsets/data */
    for (Py_ssize_t k = 0; k < 3; k++) {
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
        for (Py_ssize_t k = 0; k < 3; k++) {
            Py_ssize_t size = 0;
            /* plain and encoded in pass 1 (the UTF-8 cached in the str): no failure here */
            const char *u = field_utf8(PyTuple_GET_ITEM(item, k + 1), &last[k], &size);
            copy_bytes(data[k] + used[k], u, size);
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
    {"final_edits", (PyCFunction)(void (*)(void))edits_final_edits, METH_FASTCALL,
     "final_edits(edit_type, text, out, composed, subs) -> list, or None\n\n"
     "khabar.text.fix._final_edits_py in one pass: the composed edits' rows (before sliced "
     "from text, after from out, rules joined by +; left out when before equals after) and "
     "one row per substitution, merged by output offset. None for input outside the plain "
     "form (the twin then decides)."},
    {"compose", (PyCFunction)(void (*)(void))edits_compose, METH_FASTCALL,
     "compose(edit_type, edits, changes, apart) -> list, or None\n\n"
     "khabar.text.fix._compose_py: one rule's changes composed into the edits. None for "
     "input outside the plain form, or changes out of order (the twin then decides)."},
    {"take_near", (PyCFunction)(void (*)(void))edits_take_near, METH_FASTCALL,
     "take_near(edit_type, subs, changes, edits, near) -> (list, dict), or None\n\n"
     "khabar.text.fix._take_near_py: the substitutions within near characters of a change, "
     "as edits, and the others. None for input outside the plain form (the twin decides)."},
    {"rule_counts", (PyCFunction)edits_rule_counts, METH_O,
     "rule_counts(edits) -> dict, or None\n\n"
     "How many of a list of (offset, before, after, rule) edits each rule made, in the order "
     "first seen (Counter(map(attrgetter('rule'), edits))'s items); None for anything else."},
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
