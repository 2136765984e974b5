/*
 * khabar._c.linescan: one pass over a document's lines for the boilerplate, quality and structure
 * steps.
 *
 * Each function is the C twin of a pure-Python function that stays beside its caller and gives
 * the same results for every str; the tables (the edge punctuation, the phrase keys, the line
 * ends) are handed in from Python, so this file holds no data of its own:
 *
 *   analyse_lines(raw_lines, keys, edge, whole_lines, whole_chars, prefix_keys, pattern_ends,
 *                 line_type)         khabar.news.boilerplate._analyse_lines_py
 *   line_stats(text, canon_lines, line_end)
 *                                    khabar.corpus.quality._line_stats_py
 *   lines_and_folds(text, folded)    khabar.news.structure._lines_and_folds_py
 *
 * C99 and the CPython 3.11 C API only; str of any kind is read with PyUnicode_READ. Whitespace
 * is what str.strip() strips (Py_UNICODE_ISSPACE).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Whether `ch` is one of the `n` code points of `set` (a short str: read one by one). */
static inline int
in_chars(Py_UCS4 ch, int kind, const void *data, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyUnicode_READ(kind, data, i) == ch) {
            return 1;
        }
    }
    return 0;
}

/* Whether text[start:end] begins (at_end 0) or ends (at_end 1) with the whole of `part`. */
static int
matches_at(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *part, int at_end)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(part);
    if (end - start < n) {
        return 0;
    }
    int tkind = PyUnicode_KIND(text), pkind = PyUnicode_KIND(part);
    const void *tdata = PyUnicode_DATA(text), *pdata = PyUnicode_DATA(part);
    Py_ssize_t offset = at_end ? end - n : start;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyUnicode_READ(tkind, tdata, offset + i) != PyUnicode_READ(pkind, pdata, i)) {
            return 0;
        }
    }
    return 1;
}

/* Whether text[start:end] begins (at_end 0) or ends (at_end 1) with one of the strs of `parts`
 * (a tuple, checked by the caller); an empty part matches. The character at the end that
 * each part meets is compared first (most parts differ there). */
static int
matches_any(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *parts, int at_end)
{
    Py_ssize_t count = PyTuple_GET_SIZE(parts);
    if (count == 0) {
        return 0;
    }
    Py_UCS4 edge = start < end ? PyUnicode_READ_CHAR(text, at_end ? end - 1 : start) : 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *part = PyTuple_GET_ITEM(parts, i);
        Py_ssize_t n = PyUnicode_GET_LENGTH(part);
        if (n == 0) {
            return 1;
        }
        if (n > end - start || PyUnicode_READ_CHAR(part, at_end ? n - 1 : 0) != edge) {
            continue;
        }
        if (matches_at(text, start, end, part, at_end)) {
            return 1;
        }
    }
    return 0;
}

/* A tuple of strs, or a TypeError naming `what`. */
static int
check_strs(PyObject *parts, const char *what)
{
    if (!PyTuple_Check(parts)) {
        PyErr_Format(PyExc_TypeError, "linescan: %s must be a tuple of str, got %.100s", what,
                     Py_TYPE(parts)->tp_name);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(parts); i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(parts, i))) {
            PyErr_Format(PyExc_TypeError, "linescan: %s must hold str only, item %zd is %.100s",
                         what, i, Py_TYPE(PyTuple_GET_ITEM(parts, i))->tp_name);
            return -1;
        }
    }
    return 0;
}

/* A new instance of the tuple subclass `type` holding the six items (references taken from the
 * caller, who owns them: each is increfed here), as tuple.__new__(type, items) makes it. */
static PyObject *
new_line(PyTypeObject *type, PyObject *number, PyObject *text, PyObject *blank, PyObject *key,
         PyObject *stripped, PyObject *phrase)
{
    PyObject *line = type->tp_alloc(type, 6);
    if (line == NULL) {
        return NULL;
    }
    PyObject *items[6] = {number, text, blank, key, stripped, phrase};
    for (int i = 0; i < 6; i++) {
        PyTuple_SET_ITEM(line, i, Py_NewRef(items[i]));
    }
    return line;
}

/*
 * analyse_lines(raw_lines, keys, edge, whole_lines, whole_chars, prefix_keys, pattern_ends,
 *               line_type) -> (list[line_type], list[int])
 *
 * For each (text, key) of zip(raw_lines, keys) (equal lengths, else ValueError): a blank line
 * (text.strip() == "") is line_type(i, text, True, "", "", None); any other is
 * line_type(i, text, False, bare, text.strip(), None) with bare = key.strip(edge). The second
 * list holds the i of the other lines that may be a phrase: bare non-empty and (bare in
 * whole_lines or key starts with one of prefix_keys), or bare ends with one of pattern_ends.
 * whole_chars is the length of the longest key of whole_lines: a longer bare is not looked up
 * (and not hashed).
 */
static PyObject *
analyse_lines(PyObject *self, PyObject *args)
{
    PyObject *raw_obj, *keys_obj, *edge, *whole, *prefixes, *ends, *type_obj;
    Py_ssize_t whole_chars;
    if (!PyArg_ParseTuple(args, "OOUOnOOO:analyse_lines", &raw_obj, &keys_obj, &edge, &whole,
                          &whole_chars, &prefixes, &ends, &type_obj)) {
        return NULL;
    }
    if (check_strs(prefixes, "prefix_keys") < 0 || check_strs(ends, "pattern_ends") < 0) {
        return NULL;
    }
    if (!PyType_Check(type_obj) || !PyType_IsSubtype((PyTypeObject *)type_obj, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "linescan: line_type must be a subclass of tuple");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)type_obj;
    PyObject *raw = PySequence_Fast(raw_obj, "linescan: raw_lines must be a sequence of str");
    if (raw == NULL) {
        return NULL;
    }
    PyObject *keys = PySequence_Fast(keys_obj, "linescan: keys must be a sequence of str");
    if (keys == NULL) {
        Py_DECREF(raw);
        return NULL;
    }
    PyObject *lines = NULL, *candidates = NULL, *empty = NULL, *result = NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(raw);
    if (PySequence_Fast_GET_SIZE(keys) != count) {
        PyErr_Format(PyExc_ValueError,
                     "linescan: %zd raw lines but %zd keys; keys must be the lines' folds, one each",
                     count, PySequence_Fast_GET_SIZE(keys));
        goto done;
    }
    empty = PyUnicode_New(0, 0);
    lines = PyList_New(count);
    candidates = PyList_New(0);
    if (empty == NULL || lines == NULL || candidates == NULL) {
        goto done;
    }
    int ekind = PyUnicode_KIND(edge);
    const void *edata = PyUnicode_DATA(edge);
    Py_ssize_t elen = PyUnicode_GET_LENGTH(edge);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *text = PySequence_Fast_GET_ITEM(raw, i);
        PyObject *key = PySequence_Fast_GET_ITEM(keys, i);
        if (!PyUnicode_Check(text) || !PyUnicode_Check(key)) {
            PyErr_Format(PyExc_TypeError, "linescan: line %zd: raw_lines and keys must hold str",
                         i);
            goto fail;
        }
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t a = 0, b = PyUnicode_GET_LENGTH(text);
        while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a))) {
            a++;
        }
        while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1))) {
            b--;
        }
        PyObject *number = PyLong_FromSsize_t(i);
        if (number == NULL) {
            goto fail;
        }
        PyObject *line;
        if (a == b) {
            line = new_line(type, number, text, Py_True, empty, empty, Py_None);
            Py_DECREF(number);
        }
        else {
            int kkind = PyUnicode_KIND(key);
            const void *kdata = PyUnicode_DATA(key);
            Py_ssize_t klen = PyUnicode_GET_LENGTH(key), s = 0, e = klen;
            while (s < e && in_chars(PyUnicode_READ(kkind, kdata, s), ekind, edata, elen)) {
                s++;
            }
            while (e > s && in_chars(PyUnicode_READ(kkind, kdata, e - 1), ekind, edata, elen)) {
                e--;
            }
            PyObject *stripped = PyUnicode_Substring(text, a, b);
            PyObject *bare = stripped == NULL ? NULL : PyUnicode_Substring(key, s, e);
            if (bare == NULL) {
                Py_XDECREF(stripped);
                Py_DECREF(number);
                goto fail;
            }
            int candidate = 0;
            if (s < e) {
                candidate = e - s <= whole_chars ? PySequence_Contains(whole, bare) : 0;
                if (candidate == 0) {
                    candidate = matches_any(key, 0, klen, prefixes, 0);
                }
            }
            if (candidate == 0) {
                candidate = matches_any(key, s, e, ends, 1);
            }
            if (candidate == 1 && PyList_Append(candidates, number) < 0) {
                candidate = -1;
            }
            line = candidate < 0 ? NULL
                                 : new_line(type, number, text, Py_False, bare, stripped, Py_None);
            Py_DECREF(number);
            Py_DECREF(stripped);
            Py_DECREF(bare);
        }
        if (line == NULL) {
            goto fail;
        }
        PyList_SET_ITEM(lines, i, line);
    }
    result = PyTuple_Pack(2, lines, candidates);
    goto done;
fail:
    result = NULL;
done:
    Py_XDECREF(empty);
    Py_XDECREF(lines);
    Py_XDECREF(candidates);
    Py_DECREF(raw);
    Py_DECREF(keys);
    return result;
}

/*
 * line_stats(text, canon_lines, line_end) -> (int, int, int, int, int)
 *
 * Over the pairs of zip(text.split("\n"), canon_lines) whose raw line is not blank
 * (raw.strip() != ""): how many; how many of their canonical lines repeat an earlier one of
 * them; how many raw lines end (stripped) in a character of line_end; how many canonical lines
 * hold fewer than 3 spaces; how many raw lines end (stripped) in "..." or U+2026.
 */
static PyObject *
line_stats(PyObject *self, PyObject *args)
{
    PyObject *text, *canon_obj, *line_end;
    if (!PyArg_ParseTuple(args, "UOU:line_stats", &text, &canon_obj, &line_end)) {
        return NULL;
    }
    PyObject *canon = PySequence_Fast(canon_obj, "linescan: canon_lines must be a sequence of str");
    if (canon == NULL) {
        return NULL;
    }
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) {
        Py_DECREF(canon);
        return NULL;
    }
    int kind = PyUnicode_KIND(text), lkind = PyUnicode_KIND(line_end);
    const void *data = PyUnicode_DATA(text), *ldata = PyUnicode_DATA(line_end);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), llen = PyUnicode_GET_LENGTH(line_end);
    Py_ssize_t count = PySequence_Fast_GET_SIZE(canon);
    Py_ssize_t lines = 0, punct = 0, short_lines = 0, ellipsis = 0;
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i < count && start <= n; i++) {
        Py_ssize_t stop = start;
        while (stop < n && PyUnicode_READ(kind, data, stop) != '\n') {
            stop++;
        }
        Py_ssize_t a = start, b = stop;
        start = stop + 1;  /* past the text's end after its last line: the loop ends */
        while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a))) {
            a++;
        }
        while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1))) {
            b--;
        }
        if (a == b) {
            continue;
        }
        PyObject *cl = PySequence_Fast_GET_ITEM(canon, i);
        if (!PyUnicode_Check(cl)) {
            PyErr_Format(PyExc_TypeError, "linescan: canon_lines[%zd] is %.100s, not str", i,
                         Py_TYPE(cl)->tp_name);
            goto fail;
        }
        if (PySet_Add(seen, cl) < 0) {
            goto fail;
        }
        lines++;
        Py_UCS4 last = PyUnicode_READ(kind, data, b - 1);
        punct += in_chars(last, lkind, ldata, llen);
        ellipsis += last == 0x2026
                    || (b - a >= 3 && last == '.' && PyUnicode_READ(kind, data, b - 2) == '.'
                        && PyUnicode_READ(kind, data, b - 3) == '.');
        int ckind = PyUnicode_KIND(cl);
        const void *cdata = PyUnicode_DATA(cl);
        Py_ssize_t clen = PyUnicode_GET_LENGTH(cl), spaces = 0;
        for (Py_ssize_t j = 0; j < clen && spaces < 3; j++) {
            spaces += PyUnicode_READ(ckind, cdata, j) == ' ';
        }
        short_lines += spaces < 3;
    }
    Py_ssize_t distinct = PySet_GET_SIZE(seen);
    Py_DECREF(seen);
    Py_DECREF(canon);
    return Py_BuildValue("(nnnnn)", lines, lines - distinct, punct, short_lines, ellipsis);
fail:
    Py_DECREF(seen);
    Py_DECREF(canon);
    return NULL;
}

/* The bounds of `s`[a:b] without the whitespace str.strip() strips at both ends. */
static inline void
strip_bounds(int kind, const void *data, Py_ssize_t *a, Py_ssize_t *b)
{
    while (*a < *b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, *a))) {
        (*a)++;
    }
    while (*b > *a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, *b - 1))) {
        (*b)--;
    }
}

/* The end of the line of `s` (of `n` code points) that starts at `a`: the next "\n" or n. */
static inline Py_ssize_t
line_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t a)
{
    while (a < n && PyUnicode_READ(kind, data, a) != '\n') {
        a++;
    }
    return a;
}

/*
 * lines_and_folds(text, folded) -> (list[str], list[str])
 *
 * khabar.news.structure._lines_and_folds_py: the lines of `text` (split at "\n") and of
 * `folded`, taken in pairs; for each pair whose text line is not blank once stripped
 * (str.strip()), the stripped line goes to the first list and the stripped folded line to the
 * second. A ValueError when the two have different numbers of lines (zip(strict=True)).
 */
static PyObject *
lines_and_folds(PyObject *self, PyObject *args)
{
    PyObject *text, *folded;
    if (!PyArg_ParseTuple(args, "UU:lines_and_folds", &text, &folded)) {
        return NULL;
    }
    int tkind = PyUnicode_KIND(text), fkind = PyUnicode_KIND(folded);
    const void *tdata = PyUnicode_DATA(text), *fdata = PyUnicode_DATA(folded);
    Py_ssize_t tn = PyUnicode_GET_LENGTH(text), fn = PyUnicode_GET_LENGTH(folded);
    PyObject *lines = PyList_New(0), *folds = PyList_New(0);
    if (lines == NULL || folds == NULL) {
        goto fail;
    }
    Py_ssize_t ta = 0, fa = 0; /* the starts of the next lines, or past the end when done */
    while (ta <= tn && fa <= fn) {
        Py_ssize_t tb = line_end(tkind, tdata, tn, ta), fb = line_end(fkind, fdata, fn, fa);
        Py_ssize_t next_t = tb + 1, next_f = fb + 1;
        strip_bounds(tkind, tdata, &ta, &tb);
        if (ta < tb) {
            strip_bounds(fkind, fdata, &fa, &fb);
            PyObject *line = PyUnicode_Substring(text, ta, tb);
            PyObject *fline = line == NULL ? NULL : PyUnicode_Substring(folded, fa, fb);
            int rc = fline == NULL ? -1 : PyList_Append(lines, line);
            if (rc == 0) {
                rc = PyList_Append(folds, fline);
            }
            Py_XDECREF(line);
            Py_XDECREF(fline);
            if (rc < 0) {
                goto fail;
            }
        }
        ta = next_t;
        fa = next_f;
    }
    if (ta <= tn || fa <= fn) {
        PyErr_SetString(PyExc_ValueError,
                        "linescan.lines_and_folds: the text and its fold have different numbers "
                        "of lines; give the fold of this text (one character for one: "
                        "khabar.news.gazetteer.fold1_document)");
        goto fail;
    }
    PyObject *result = PyTuple_Pack(2, lines, folds);
    Py_DECREF(lines);
    Py_DECREF(folds);
    return result;
fail:
    Py_XDECREF(lines);
    Py_XDECREF(folds);
    return NULL;
}

static PyMethodDef linescan_methods[] = {
    {"analyse_lines", analyse_lines, METH_VARARGS,
     "analyse_lines(raw_lines, keys, edge, whole_lines, whole_chars, prefix_keys, pattern_ends, "
     "line_type) -> (list, list[int]): every line as a line_type tuple (number, text, blank, bare key, "
     "stripped, None), and the lines that may be a phrase "
     "(khabar.news.boilerplate._analyse_lines_py)."},
    {"line_stats", line_stats, METH_VARARGS,
     "line_stats(text, canon_lines, line_end) -> (int, int, int, int, int): the non-blank lines, "
     "those whose canonical line repeats an earlier one, those ending in a character of "
     "line_end, those whose canonical line has fewer than 3 spaces, those ending in an ellipsis "
     "(khabar.corpus.quality._line_stats_py)."},
    {"lines_and_folds", lines_and_folds, METH_VARARGS,
     "lines_and_folds(text, folded) -> (list[str], list[str]): the stripped non-blank lines "
     "of text, and each one's stripped line of folded, the lines taken in pairs "
     "(khabar.news.structure._lines_and_folds_py)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef linescan_module = {
    PyModuleDef_HEAD_INIT,
    "khabar._c.linescan",
    "One pass over a document's lines for khabar's boilerplate and quality steps; each function "
    "has a Python twin.",
    -1,
    linescan_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_linescan(void)
{
    return PyModule_Create(&linescan_module);
}
