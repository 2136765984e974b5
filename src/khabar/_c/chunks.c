/* khabar._c.chunks: the per-line plumbing of the ZWNJ engine (khabar.text.zwnj), in C.
 *
 * A warm line (every chunk already analysed) costs the engine a memo look-up per chunk and, when
 * it changes, the assembly of its repaired chunks; both are loops over Python objects that
 * compiled Python still runs through map()/list iterators and method calls. These twins run them
 * as plain C loops over the same objects, with the same results: khabar.text.zwnj keeps the
 * pure-Python twins (_lookup_py, _join_fixed_py) and tests/text/test_c_chunks.py compares both on
 * random and real text.
 *
 *   lookup(memo: dict, parts: list) -> tuple[list, int]
 *       ([memo.get(p) for p in parts], how many of them are None)
 *   join_fixed(infos: list, joins: set) -> str
 *       the items infos[i][1] joined by " ", or by ZWNJ before each i in joins
 *   truthy(infos: list, field: int, start: int) -> list[int]
 *       [i for i in range(start, len(infos)) if infos[i][field]]
 *   members(infos: list, field: int, table: set, start: int) -> list[int]
 *       [i for i in range(start, len(infos)) if infos[i][field] in table]
 *   field_sum(infos: list, field: int) -> int
 *       sum(info[field] for info in infos)
 *   field_or(infos: list, field: int) -> int
 *       functools.reduce(operator.or_, (info[field] for info in infos), 0)
 *   tail_index(forms: dict, tail: int) -> dict[str, list[str]]
 *       the keys k of forms with k in forms[k] and len(k) > tail, listed by k[-tail:] in the
 *       dict's order
 *
 *   word_kind(chunk: str, folds: str) -> int
 *       0 when chunk is not one word of letters (zwnj.LETTER, one or more), else 1 when it
 *       holds no character of folds, else 2
 *
 * word_kind is _analyse_chunk's first test of a new chunk: two regex calls (_WORD_RE.fullmatch,
 * then fold's search) of ~1,300 instructions each as one loop over the chunk.
 * field_sum adds up a line's glued weights (field 7) in _plan, once per line: as
 * sum(map(itemgetter(7), infos)) ~170 instructions a chunk, ~5 % of a cold repair (callgrind,
 * bench/fix/speed13b.md). field_or gathers a line's chunk fact bits (field 9), what _plan, _joins_of
and _repair_line ask of a line's chunks; as set.isdisjoint tests of the line's chunks against the
engine's sets of chunk facts they were ~12 % of a cold repair (callgrind, bench/fix/speed14a.md).
tail_index is the glued-tail index the segmenter builds once per engine
 * (ZwnjRepairer._glued_tail_count) over the lexicon's ~180 K keys.
 *
 * truthy and members read one field of each ChunkInfo of a line in one pass: the engine asks
 * which chunks have repairs (field 0), which open with a word that can join (field 4) and which
 * open with a spaced plural (field 2), once per line; as map(itemgetter)/compress chains these
 * were ~13 % of a warm find_repairs (perf, bench/fix/speed11.md).
 *
 * CPython 3.11 C API only, no other library.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define ZWNJ 0x200C

/* lookup(memo, parts): each part's value in memo (None when absent), and the count of absent. */
static PyObject *
chunks_lookup(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "lookup() takes 2 arguments (memo, parts), got %zd", nargs);
        return NULL;
    }
    PyObject *memo = args[0];
    PyObject *parts = args[1];
    if (!PyDict_Check(memo)) {
        PyErr_Format(PyExc_TypeError, "lookup() needs a dict memo, got %.100s",
                     Py_TYPE(memo)->tp_name);
        return NULL;
    }
    if (!PyList_Check(parts)) {
        PyErr_Format(PyExc_TypeError, "lookup() needs a list of parts, got %.100s",
                     Py_TYPE(parts)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(parts);
    PyObject *infos = PyList_New(n);
    if (infos == NULL) {
        return NULL;
    }
    Py_ssize_t missing = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        /* the list cannot change under us: no Python code runs between these reads, except a
         * key's __hash__/__eq__, which for str keys is C; re-read the size anyway */
        if (i >= PyList_GET_SIZE(parts)) {
            PyErr_SetString(PyExc_RuntimeError, "lookup(): parts changed size during the look-up");
            Py_DECREF(infos);
            return NULL;
        }
        PyObject *key = PyList_GET_ITEM(parts, i);
        Py_INCREF(key);
        PyObject *value = PyDict_GetItemWithError(memo, key); /* borrowed */
        Py_DECREF(key);
        if (value == NULL) {
            if (PyErr_Occurred()) { /* an unhashable part: as memo.get raises */
                Py_DECREF(infos);
                return NULL;
            }
            value = Py_None;
        }
        if (value == Py_None) {
            missing++;
        }
        Py_INCREF(value);
        PyList_SET_ITEM(infos, i, value);
    }
    PyObject *count = PyLong_FromSsize_t(missing);
    if (count == NULL) {
        Py_DECREF(infos);
        return NULL;
    }
    PyObject *out = PyTuple_New(2);
    if (out == NULL) {
        Py_DECREF(infos);
        Py_DECREF(count);
        return NULL;
    }
    PyTuple_SET_ITEM(out, 0, infos);
    PyTuple_SET_ITEM(out, 1, count);
    return out;
}

/* infos[i][1] as a str (a new reference), or NULL with TypeError/IndexError set as Python's
 * indexing and str.join would set them. */
static PyObject *
fixed_of(PyObject *info)
{
    PyObject *fixed;
    if (PyTuple_Check(info)) {
        if (PyTuple_GET_SIZE(info) < 2) {
            PyErr_SetString(PyExc_IndexError, "tuple index out of range");
            return NULL;
        }
        fixed = PyTuple_GET_ITEM(info, 1);
        Py_INCREF(fixed);
    }
    else {
        fixed = PySequence_GetItem(info, 1);
        if (fixed == NULL) {
            return NULL;
        }
    }
    if (!PyUnicode_Check(fixed)) {
        PyErr_Format(PyExc_TypeError, "sequence item: expected str instance, %.80s found",
                     Py_TYPE(fixed)->tp_name);
        Py_DECREF(fixed);
        return NULL;
    }
    if (PyUnicode_READY(fixed) < 0) {
        Py_DECREF(fixed);
        return NULL;
    }
    return fixed;
}

/* Which of the indices 1..n-1 are in joins: marks[i] = 1 (marks has n bytes, zeroed). Returns
 * 0, or -1 with an exception set. */
static int
mark_joins(PyObject *joins, Py_ssize_t n, char *marks)
{
    if (PyAnySet_Check(joins)) {
        /* one pass over the set when it holds exact ints only (as the engine's do) */
        PyObject *iter = PyObject_GetIter(joins);
        if (iter == NULL) {
            return -1;
        }
        PyObject *item;
        int exact = 1;
        while ((item = PyIter_Next(iter)) != NULL) {
            if (!PyLong_CheckExact(item)) {
                Py_DECREF(item);
                exact = 0;
                break;
            }
            int overflow = 0;
            long long v = PyLong_AsLongLongAndOverflow(item, &overflow);
            Py_DECREF(item);
            if (v == -1 && PyErr_Occurred()) {
                Py_DECREF(iter);
                return -1;
            }
            if (!overflow && v >= 1 && v < (long long)n) {
                marks[v] = 1;
            }
        }
        Py_DECREF(iter);
        if (PyErr_Occurred()) {
            return -1;
        }
        if (exact) {
            return 0;
        }
        memset(marks, 0, (size_t)n);
    }
    /* anything else: `i in joins`, as the Python twin asks it */
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *index = PyLong_FromSsize_t(i);
        if (index == NULL) {
            return -1;
        }
        int in = PySequence_Contains(joins, index);
        Py_DECREF(index);
        if (in < 0) {
            return -1;
        }
        marks[i] = (char)in;
    }
    return 0;
}

/* join_fixed(infos, joins): the repaired line. */
static PyObject *
chunks_join_fixed(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "join_fixed() takes 2 arguments (infos, joins), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *infos = args[0];
    PyObject *joins = args[1];
    if (!PyList_Check(infos)) {
        PyErr_Format(PyExc_TypeError, "join_fixed() needs a list of infos, got %.100s",
                     Py_TYPE(infos)->tp_name);
        return NULL;
    }
    int any = PyObject_IsTrue(joins);
    if (any < 0) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(infos);
    if (n == 0) {
        if (any) {
            PyErr_SetString(PyExc_IndexError, "list index out of range");
            return NULL;
        }
        return PyUnicode_New(0, 0);
    }
    /* the pieces, held (a list is all Python code could change meanwhile: copy it) */
    PyObject **pieces = PyMem_Malloc((size_t)n * sizeof(PyObject *));
    char *marks = PyMem_Calloc((size_t)n, 1);
    if (pieces == NULL || marks == NULL) {
        PyMem_Free(pieces);
        PyMem_Free(marks);
        return PyErr_NoMemory();
    }
    PyObject *out = NULL;
    Py_ssize_t got = 0;
    Py_ssize_t length = n - 1; /* the separators */
    Py_UCS4 maxchar = n > 1 ? ' ' : 0;
    if (any) {
        if (mark_joins(joins, n, marks) < 0) {
            goto done;
        }
        for (Py_ssize_t i = 1; i < n; i++) {
            if (marks[i]) {
                maxchar = ZWNJ;
                break;
            }
        }
    }
    for (; got < n; got++) {
        if (got >= PyList_GET_SIZE(infos)) {
            PyErr_SetString(PyExc_RuntimeError, "join_fixed(): infos changed size");
            goto done;
        }
        PyObject *fixed = fixed_of(PyList_GET_ITEM(infos, got));
        if (fixed == NULL) {
            goto done;
        }
        pieces[got] = fixed;
        Py_ssize_t size = PyUnicode_GET_LENGTH(fixed);
        if (size > PY_SSIZE_T_MAX - length) {
            PyErr_SetString(PyExc_OverflowError, "join_fixed(): the line is too long");
            got++;
            goto done;
        }
        length += size;
        Py_UCS4 top = PyUnicode_MAX_CHAR_VALUE(fixed);
        if (top > maxchar) {
            maxchar = top;
        }
    }
    out = PyUnicode_New(length, maxchar);
    if (out == NULL) {
        goto done;
    }
    {
        int kind = PyUnicode_KIND(out);
        void *data = PyUnicode_DATA(out);
        Py_ssize_t at = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (i) {
                PyUnicode_WRITE(kind, data, at, marks[i] ? ZWNJ : ' ');
                at++;
            }
            PyObject *fixed = pieces[i];
            Py_ssize_t size = PyUnicode_GET_LENGTH(fixed);
            if (size == 0) {
                continue;
            }
            if (PyUnicode_KIND(fixed) == kind) {
                memcpy((char *)data + at * kind, PyUnicode_DATA(fixed), (size_t)(size * kind));
            }
            else if (PyUnicode_CopyCharacters(out, at, fixed, 0, size) < 0) {
                Py_CLEAR(out);
                goto done;
            }
            at += size;
        }
    }
done:
    for (Py_ssize_t i = 0; i < got; i++) {
        Py_DECREF(pieces[i]);
    }
    PyMem_Free(pieces);
    PyMem_Free(marks);
    return out;
}

/* infos[i][field] (a new reference), or NULL with the exception indexing would raise. */
static PyObject *
field_of(PyObject *info, Py_ssize_t field)
{
    if (PyTuple_CheckExact(info)) {
        if (field >= PyTuple_GET_SIZE(info)) {
            PyErr_SetString(PyExc_IndexError, "tuple index out of range");
            return NULL;
        }
        PyObject *value = PyTuple_GET_ITEM(info, field);
        Py_INCREF(value);
        return value;
    }
    return PySequence_GetItem(info, field);
}

/* The fast path of field_fold() (field_sum() and field_or()): when info is an exact tuple long enough and its
 * field an exact int that fits a C long long, store it in *v and return 1 (the tuple's item is
 * read borrowed: reading an exact tuple and an exact int runs no Python code, so nothing can
 * free it meanwhile, and no reference count is touched); else return 0, with no exception set,
 * and the caller takes the general path. */
static inline int
small_int_at(PyObject *info, Py_ssize_t field, PyObject *zero, long long *v)
{
    if (!PyTuple_CheckExact(info) || field >= PyTuple_GET_SIZE(info)) {
        return 0;
    }
    PyObject *value = PyTuple_GET_ITEM(info, field);
    if (value == zero) {
        /* the interpreter's one int 0, most chunks' facts and weight: no conversion call (the
         * field folds of glued PEYMA read ~1.5 M values, ~50 instructions each with the call;
         * bench/fix/speed20v.md). Another int 0 object takes the call below, as before. */
        *v = 0;
        return 1;
    }
    if (!PyLong_CheckExact(value)) {
        return 0;
    }
    int overflow = 0;
    *v = PyLong_AsLongLongAndOverflow(value, &overflow); /* no error for an exact int */
    return !overflow;
}

/* The arguments common to truthy() and members(): infos (a list), field and start (ints >= 0).
 * Returns 0, or -1 with an exception set. */
static int
index_args(const char *name, PyObject *infos, PyObject *field_obj, PyObject *start_obj,
           Py_ssize_t *field, Py_ssize_t *start)
{
    if (!PyList_Check(infos)) {
        PyErr_Format(PyExc_TypeError, "%s() needs a list of infos, got %.100s", name,
                     Py_TYPE(infos)->tp_name);
        return -1;
    }
    if (!PyLong_Check(field_obj) || !PyLong_Check(start_obj)) {
        PyErr_Format(PyExc_TypeError, "%s() needs int field and start, got %.100s and %.100s",
                     name, Py_TYPE(field_obj)->tp_name, Py_TYPE(start_obj)->tp_name);
        return -1;
    }
    *field = PyLong_AsSsize_t(field_obj);
    if (*field == -1 && PyErr_Occurred()) {
        return -1;
    }
    *start = PyLong_AsSsize_t(start_obj);
    if (*start == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (*field < 0 || *start < 0) {
        PyErr_Format(PyExc_ValueError,
                     "%s() needs field >= 0 and start >= 0 (a ChunkInfo field, a chunk index), "
                     "got field=%zd, start=%zd", name, *field, *start);
        return -1;
    }
    return 0;
}

/* The indices i >= start of infos whose field passes: truthy (table NULL) or in table.
 * A new list, or NULL with an exception set. */
static PyObject *
select_indices(PyObject *infos, Py_ssize_t field, PyObject *table,
               Py_ssize_t start)
{
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = start; i < PyList_GET_SIZE(infos); i++) {
        PyObject *info = PyList_GET_ITEM(infos, i);
        int pass = -1;
        if (table == NULL && PyTuple_CheckExact(info) && field < PyTuple_GET_SIZE(info)) {
            /* a ChunkInfo's repairs (a tuple) or flag (a bool), read borrowed: testing these
             * runs no Python code (PyObject_IsTrue on the repairs tuple was ~22 instructions a
             * chunk, bench/fix/speed21v.md); any other value takes the general path */
            PyObject *value = PyTuple_GET_ITEM(info, field);
            if (PyTuple_CheckExact(value)) {
                pass = PyTuple_GET_SIZE(value) != 0;
            }
            else if (PyBool_Check(value)) {
                pass = value == Py_True;
            }
        }
        if (pass < 0) {
            Py_INCREF(info); /* held: indexing a non-tuple row may run Python code */
            PyObject *value = field_of(info, field);
            Py_DECREF(info);
            if (value == NULL) {
                Py_DECREF(out);
                return NULL;
            }
            pass = table == NULL ? PyObject_IsTrue(value) : PySequence_Contains(table, value);
            Py_DECREF(value);
        }
        if (pass < 0) {
            Py_DECREF(out);
            return NULL;
        }
        if (pass) {
            PyObject *index = PyLong_FromSsize_t(i);
            if (index == NULL || PyList_Append(out, index) < 0) {
                Py_XDECREF(index);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(index);
        }
    }
    return out;
}

/* truthy(infos, field, start): the indices i >= start whose infos[i][field] is true. */
static PyObject *
chunks_truthy(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "truthy() takes 3 arguments (infos, field, start), got %zd",
                     nargs);
        return NULL;
    }
    Py_ssize_t field, start;
    if (index_args("truthy", args[0], args[1], args[2], &field, &start) < 0) {
        return NULL;
    }
    return select_indices(args[0], field, NULL, start);
}

/* members(infos, field, table, start): the indices i >= start whose infos[i][field] is in
 * table. */
static PyObject *
chunks_members(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError,
                     "members() takes 4 arguments (infos, field, table, start), got %zd", nargs);
        return NULL;
    }
    Py_ssize_t field, start;
    if (index_args("members", args[0], args[1], args[3], &field, &start) < 0) {
        return NULL;
    }
    if (!PyAnySet_Check(args[2])) {
        PyErr_Format(PyExc_TypeError, "members() needs a set or frozenset table, got %.100s",
                     Py_TYPE(args[2])->tp_name);
        return NULL;
    }
    return select_indices(args[0], field, args[2], start);
}

/* How field_fold() combines a line's values: field_sum() adds, field_or() ors. */
enum fold_op { FOLD_ADD, FOLD_OR };

/* *acc op= v in plain C, returning 1; or 0 (acc unchanged) when an add could come near overflow
 * (|acc| < n * 2**40 holds while it returns 1), and the caller takes the generic path. An or of
 * two C long longs is Python's | on the same ints (two's complement). */
static inline int
fold_small(enum fold_op op, long long *acc, long long v)
{
    if (op == FOLD_OR) {
        *acc |= v;
        return 1;
    }
    const long long limit = 1LL << 40;
    if (v > -limit && v < limit && *acc > -limit * 1024 && *acc < limit * 1024) {
        *acc += v;
        return 1;
    }
    return 0;
}

/* field_sum() and field_or(): info[field] over the list infos combined by op from 0, as sum() and
 * functools.reduce(operator.or_, ..., 0) give it: plain C while every value is an exact int (for
 * an or, a bool too) that fold_small takes, then PyNumber_Add or PyNumber_Or for the rest (a
 * bigger int, an int subclass, anything else). */
static PyObject *
field_fold(const char *name, enum fold_op op, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "%s() takes 2 arguments (infos, field), got %zd", name,
                     nargs);
        return NULL;
    }
    Py_ssize_t field, start;
    PyObject *zero = PyLong_FromLong(0); /* held to the end: small_int_at compares with it */
    if (zero == NULL) {
        return NULL;
    }
    if (index_args(name, args[0], args[1], zero, &field, &start) < 0) {
        Py_DECREF(zero);
        return NULL;
    }
    PyObject *infos = args[0];
    long long acc = 0;
    PyObject *total = NULL; /* the generic result, once a value is not taken in plain C */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(infos); i++) {
        PyObject *info = PyList_GET_ITEM(infos, i);
        if (total == NULL) {
            long long v;
            if (small_int_at(info, field, zero, &v) && fold_small(op, &acc, v)) {
                continue;
            }
        }
        Py_INCREF(info); /* held: indexing a non-tuple row may run Python code */
        PyObject *value = field_of(info, field);
        Py_DECREF(info);
        if (value == NULL) {
            Py_XDECREF(total);
            Py_DECREF(zero);
            return NULL;
        }
        if (total == NULL && (PyLong_CheckExact(value) || (op == FOLD_OR && PyBool_Check(value)))) {
            int overflow = 0;
            long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
            if (v == -1 && PyErr_Occurred()) {
                Py_DECREF(value);
                Py_DECREF(zero);
                return NULL;
            }
            if (!overflow && fold_small(op, &acc, v)) {
                Py_DECREF(value);
                continue;
            }
        }
        if (total == NULL) {
            total = PyLong_FromLongLong(acc);
            if (total == NULL) {
                Py_DECREF(value);
                Py_DECREF(zero);
                return NULL;
            }
        }
        PyObject *next = op == FOLD_OR ? PyNumber_Or(total, value) : PyNumber_Add(total, value);
        Py_DECREF(value);
        Py_DECREF(total);
        if (next == NULL) {
            Py_DECREF(zero);
            return NULL;
        }
        total = next;
    }
    Py_DECREF(zero);
    return total != NULL ? total : PyLong_FromLongLong(acc);
}

/* field_sum(infos, field): sum(info[field] for info in infos) (see field_fold). */
static PyObject *
chunks_field_sum(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    return field_fold("field_sum", FOLD_ADD, args, nargs);
}

/* field_or(infos, field): the bitwise OR of info[field] over infos, from 0 (see field_fold). */
static PyObject *
chunks_field_or(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    return field_fold("field_or", FOLD_OR, args, nargs);
}

/* tail_index(forms, tail): the keys k of forms (str -> dict) written as themselves (k in
 * forms[k]) and longer than tail, in lists keyed by their last tail characters, in the dict's
 * order. Keys must be exact str and values exact dicts, so no Python code runs during the walk
 * (str hashing and comparison are C) and the dict cannot change under it. */
/* tail_index's buckets by their tail's code points, for tails of up to 3 characters: a code
 * point fits 21 bits, so three make one 63-bit code; an open-addressing table from code to
 * bucket (borrowed: the ends dict owns it). A tail's str is made once, when its bucket is new
 * (~4,000 times over the lexicon), not once per key (~40,000 glued keys): the slice, its hash
 * and the dict probe per key were most of the index's cost (bench/fix/speed16f.md). */
#define TAIL_CODE_MAX 3

typedef struct {
    uint64_t code;
    PyObject *bucket; /* NULL: empty slot */
} tail_slot;

static Py_ssize_t
tail_probe(const tail_slot *slots, Py_ssize_t mask, uint64_t code)
{
    Py_ssize_t i = (Py_ssize_t)((code * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
    while (slots[i].bucket != NULL && slots[i].code != code) {
        i = (i + 1) & mask;
    }
    return i;
}

/* doubles the table (every bucket moved); -1 with MemoryError set on failure */
static int
tail_grow(tail_slot **slots, Py_ssize_t *mask)
{
    Py_ssize_t size = (*mask + 1) * 2;
    tail_slot *grown = PyMem_Calloc((size_t)size, sizeof(tail_slot));
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t j = 0; j <= *mask; j++) {
        if ((*slots)[j].bucket != NULL) {
            grown[tail_probe(grown, size - 1, (*slots)[j].code)] = (*slots)[j];
        }
    }
    PyMem_Free(*slots);
    *slots = grown;
    *mask = size - 1;
    return 0;
}

/* appends key (of n >= tail characters) to the bucket of its last tail characters in ends,
 * making the bucket (and its key in ends) if it is new; -1 with an exception set on failure */
static int
tail_add(PyObject *ends, tail_slot **slots, Py_ssize_t *mask, Py_ssize_t *used, PyObject *key,
         Py_ssize_t n, Py_ssize_t tail)
{
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    uint64_t code = 0;
    for (Py_ssize_t j = n - tail; j < n; j++) {
        code = (code << 21) | PyUnicode_READ(kind, data, j);
    }
    Py_ssize_t i = tail_probe(*slots, *mask, code);
    if ((*slots)[i].bucket != NULL) {
        return PyList_Append((*slots)[i].bucket, key);
    }
    PyObject *end = PyUnicode_Substring(key, n - tail, n);
    if (end == NULL) {
        return -1;
    }
    PyObject *bucket = PyList_New(1);
    if (bucket == NULL) {
        Py_DECREF(end);
        return -1;
    }
    Py_INCREF(key);
    PyList_SET_ITEM(bucket, 0, key);
    int failed = PyDict_SetItem(ends, end, bucket);
    Py_DECREF(end);
    Py_DECREF(bucket); /* ends holds it */
    if (failed < 0) {
        return -1;
    }
    (*slots)[i].code = code;
    (*slots)[i].bucket = bucket;
    if (++*used * 2 > *mask + 1) {
        return tail_grow(slots, mask);
    }
    return 0;
}

static PyObject *
chunks_tail_index(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "tail_index() takes 2 arguments (forms, tail), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *forms = args[0];
    if (!PyDict_Check(forms)) {
        PyErr_Format(PyExc_TypeError, "tail_index() needs a dict of forms, got %.100s",
                     Py_TYPE(forms)->tp_name);
        return NULL;
    }
    if (!PyLong_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "tail_index() needs an int tail, got %.100s",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    Py_ssize_t tail = PyLong_AsSsize_t(args[1]);
    if (tail == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (tail < 1) {
        PyErr_Format(PyExc_ValueError, "tail_index() needs tail >= 1 (letters), got %zd", tail);
        return NULL;
    }
    PyObject *ends = PyDict_New();
    if (ends == NULL) {
        return NULL;
    }
    tail_slot *slots = NULL;
    Py_ssize_t mask = 1023, used = 0;
    if (tail <= TAIL_CODE_MAX) {
        slots = PyMem_Calloc((size_t)(mask + 1), sizeof(tail_slot));
        if (slots == NULL) {
            Py_DECREF(ends);
            return PyErr_NoMemory();
        }
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value; /* borrowed */
    while (PyDict_Next(forms, &pos, &key, &value)) {
        if (!PyUnicode_CheckExact(key) || !PyDict_CheckExact(value)) {
            PyErr_Format(PyExc_TypeError,
                         "tail_index() needs str keys and dict values (the lexicon's forms), "
                         "got %.100s -> %.100s", Py_TYPE(key)->tp_name, Py_TYPE(value)->tp_name);
            PyMem_Free(slots);
            Py_DECREF(ends);
            return NULL;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(key);
        if (n <= tail) {
            continue;
        }
        int glued = PyDict_Contains(value, key);
        if (glued < 0) {
            PyMem_Free(slots);
            Py_DECREF(ends);
            return NULL;
        }
        if (!glued) {
            continue;
        }
        if (slots != NULL) {
            if (tail_add(ends, &slots, &mask, &used, key, n, tail) < 0) {
                PyMem_Free(slots);
                Py_DECREF(ends);
                return NULL;
            }
            continue;
        }
        PyObject *end = PyUnicode_Substring(key, n - tail, n);
        if (end == NULL) {
            PyMem_Free(slots);
            Py_DECREF(ends);
            return NULL;
        }
        PyObject *bucket = PyDict_GetItemWithError(ends, end); /* borrowed */
        int failed;
        if (bucket != NULL) {
            failed = PyList_Append(bucket, key);
        } else if (PyErr_Occurred()) {
            failed = -1;
        } else {
            bucket = PyList_New(1);
            if (bucket == NULL) {
                failed = -1;
            } else {
                Py_INCREF(key);
                PyList_SET_ITEM(bucket, 0, key);
                failed = PyDict_SetItem(ends, end, bucket);
                Py_DECREF(bucket);
            }
        }
        Py_DECREF(end);
        if (failed < 0) {
            PyMem_Free(slots);
            Py_DECREF(ends);
            return NULL;
        }
    }
    PyMem_Free(slots);
    return ends;
}

/* zwnj.LETTER: "\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff" (tests check every code point) */
static int
is_letter(Py_UCS4 ch)
{
    return (ch >= 0x0620 && ch <= 0x065F) || (ch >= 0x066E && ch <= 0x06D3) || ch == 0x06D5 ||
           (ch >= 0x06FA && ch <= 0x06FF);
}

/* word_kind(chunk, folds): 0 if chunk is not [LETTER]+, 1 if it is and holds no character of
 * folds, 2 if it holds one. */
static PyObject *
chunks_word_kind(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "word_kind() takes 2 arguments (chunk, folds), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *chunk = args[0];
    PyObject *folds = args[1];
    if (!PyUnicode_Check(chunk) || !PyUnicode_Check(folds)) {
        PyErr_Format(PyExc_TypeError, "word_kind() needs str chunk and folds, got %.100s and %.100s",
                     Py_TYPE(chunk)->tp_name, Py_TYPE(folds)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(chunk);
    if (n == 0 || PyUnicode_KIND(chunk) == PyUnicode_1BYTE_KIND) {
        return PyLong_FromLong(0); /* empty, or Latin-1 only: no letter at all */
    }
    int kind = PyUnicode_KIND(chunk);
    const void *data = PyUnicode_DATA(chunk);
    Py_ssize_t nf = PyUnicode_GET_LENGTH(folds);
    int fkind = PyUnicode_KIND(folds);
    const void *fdata = PyUnicode_DATA(folds);
    /* the characters of folds in U+0600-U+06FF, a bit each: every letter lies there, and a
     * character of folds elsewhere can match no letter (a chunk holding a non-letter is 0
     * whatever else it holds). One pass over folds, then a bit test per character of the
     * chunk, where a pass over folds per character cost ~1.3 K instructions a call (25 K
     * calls on glued PEYMA, bench/fix/speed20v.md). */
    uint32_t in_folds[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (Py_ssize_t j = 0; j < nf; j++) {
        Py_UCS4 f = PyUnicode_READ(fkind, fdata, j);
        if (f >= 0x0600 && f <= 0x06FF) {
            in_folds[(f - 0x0600) >> 5] |= (uint32_t)1 << ((f - 0x0600) & 31);
        }
    }
    long result = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!is_letter(ch)) {
            return PyLong_FromLong(0);
        }
        if (in_folds[(ch - 0x0600) >> 5] & ((uint32_t)1 << ((ch - 0x0600) & 31))) {
            result = 2; /* is_letter: ch is in U+0620-U+06FF */
        }
    }
    return PyLong_FromLong(result);
}

/* ---- split_known: a line's chunks, each a str the engine has seen before when it has ----------
 *
 * split_known(line, slots, keys) -> list[str]
 *     line.split(" "), where each chunk equal to a str of keys is that str (the same object),
 *     and each other chunk is a new str, appended to keys (while the table has room).
 *
 * A cold line's chunks cost the engine a new str each (split: ~310 instructions a chunk), then a
 * siphash of each in the memo look-up (~200), for a chunk that is mostly one already seen (the
 * Zipf tail: 25 K new of 418 K chunks on glued PEYMA, bench/fix/speed21v.md). Here a known
 * chunk is found by its code points in an open-addressing table, in the scan that finds the
 * spaces: no str is made, and the one returned carries its hash, so the memo probes that follow
 * hash nothing and compare by identity.
 *
 * The table lives in the caller's objects (the module keeps no state): slots, a bytearray of
 * (uint32 hash, uint32 index + 1) pairs, a power of two of them or empty, and keys, the list of
 * strs they index. The caller clears both together (del slots[:]; keys.clear()); a slot that
 * points past keys, or at a non-str, is a ValueError. The hash is FNV-1a over code points (the
 * same for a str of any kind) with a final mix; a probe stops after SPLIT_MAX_PROBE slots and
 * the chunk is then made as split makes it, not kept (a crafted line of colliding chunks costs
 * at most that many compares a chunk). The table is a cache: the list equals line.split(" ")
 * whatever it holds. */
#define SPLIT_MIN_SLOTS 1024
#define SPLIT_MAX_PROBE 32

typedef struct {
    uint32_t hash;
    uint32_t index; /* index into keys + 1; 0: an empty slot */
} split_slot;

static inline uint32_t
split_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    return (uint32_t)h;
}

/* whether key (a str) holds the n code points of data (kind) */
static int
split_same(PyObject *key, int kind, const void *data, Py_ssize_t n)
{
    if (PyUnicode_GET_LENGTH(key) != n) {
        return 0;
    }
    int kkind = PyUnicode_KIND(key);
    const void *kdata = PyUnicode_DATA(key);
    if (kkind == kind) {
        return memcmp(kdata, data, (size_t)n * (size_t)kind) == 0;
    }
    for (Py_ssize_t j = 0; j < n; j++) {
        if (PyUnicode_READ(kkind, kdata, j) != PyUnicode_READ(kind, data, j)) {
            return 0;
        }
    }
    return 1;
}

/* doubles the table (or makes it: SPLIT_MIN_SLOTS), every entry moved; -1 with an exception */
static int
split_grow(PyObject *slots, Py_ssize_t *mask)
{
    Py_ssize_t old = PyByteArray_GET_SIZE(slots) / (Py_ssize_t)sizeof(split_slot);
    Py_ssize_t size = old ? old * 2 : SPLIT_MIN_SLOTS;
    split_slot *moved = NULL;
    if (old) {
        moved = PyMem_Malloc((size_t)old * sizeof(split_slot));
        if (moved == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(moved, PyByteArray_AS_STRING(slots), (size_t)old * sizeof(split_slot));
    }
    if (PyByteArray_Resize(slots, size * (Py_ssize_t)sizeof(split_slot)) < 0) {
        PyMem_Free(moved);
        return -1;
    }
    split_slot *table = (split_slot *)PyByteArray_AS_STRING(slots);
    memset(table, 0, (size_t)size * sizeof(split_slot));
    for (Py_ssize_t j = 0; j < old; j++) {
        if (moved[j].index) { /* moved entries are distinct: the first empty slot is theirs */
            Py_ssize_t i = (Py_ssize_t)moved[j].hash & (size - 1);
            while (table[i].index) {
                i = (i + 1) & (size - 1);
            }
            table[i] = moved[j];
        }
    }
    PyMem_Free(moved);
    *mask = size - 1;
    return 0;
}

/* the chunk data[start:end] (kind) of line as a str: the one of keys that holds it, or a new
 * one, kept in keys when the table has room; a new reference, or NULL with an exception */
static PyObject *
split_chunk(PyObject *line, int kind, const void *data, Py_ssize_t start, Py_ssize_t end,
            uint64_t h, PyObject *slots, Py_ssize_t *mask, PyObject *keys)
{
    uint32_t hash = split_mix(h);
    const char *at = (const char *)data + start * kind;
    Py_ssize_t n = end - start;
    Py_ssize_t nkeys = PyList_GET_SIZE(keys);
    Py_ssize_t free_slot = -1;
    if (*mask >= 0) {
        split_slot *table = (split_slot *)PyByteArray_AS_STRING(slots);
        Py_ssize_t i = (Py_ssize_t)hash & *mask;
        for (int probe = 0; probe < SPLIT_MAX_PROBE; probe++) {
            split_slot slot = table[i];
            if (!slot.index) {
                free_slot = i;
                break;
            }
            if (slot.hash == hash) {
                if ((Py_ssize_t)slot.index > nkeys ||
                    !PyUnicode_Check(PyList_GET_ITEM(keys, slot.index - 1))) {
                    PyErr_SetString(PyExc_ValueError,
                                    "split_known(): the slots index past the keys or at a "
                                    "non-str; clear both together (del slots[:]; keys.clear())");
                    return NULL;
                }
                PyObject *key = PyList_GET_ITEM(keys, slot.index - 1);
                if (split_same(key, kind, at, n)) {
                    Py_INCREF(key);
                    return key;
                }
            }
            i = (i + 1) & *mask;
        }
    }
    PyObject *chunk = PyUnicode_Substring(line, start, end);
    if (chunk == NULL) {
        return NULL;
    }
    /* the allocation may run a finalizer: read what it could have changed again */
    nkeys = PyList_GET_SIZE(keys);
    if (PyByteArray_GET_SIZE(slots) != (*mask + 1) * (Py_ssize_t)sizeof(split_slot)) {
        Py_DECREF(chunk);
        PyErr_SetString(PyExc_RuntimeError, "split_known(): slots changed size during the split");
        return NULL;
    }
    if (*mask < 0 || (free_slot >= 0 && (nkeys + 1) * 2 > *mask + 1)) {
        /* no table yet, or past half full: grow, then find the chunk's slot in the new one */
        if (split_grow(slots, mask) < 0) {
            Py_DECREF(chunk);
            return NULL;
        }
        split_slot *table = (split_slot *)PyByteArray_AS_STRING(slots);
        Py_ssize_t i = (Py_ssize_t)hash & *mask;
        free_slot = -1;
        for (int probe = 0; probe < SPLIT_MAX_PROBE; probe++) {
            if (!table[i].index) {
                free_slot = i;
                break;
            }
            i = (i + 1) & *mask;
        }
    }
    if (free_slot >= 0 && nkeys < (Py_ssize_t)UINT32_MAX - 1) {
        if (PyList_Append(keys, chunk) < 0) {
            Py_DECREF(chunk);
            return NULL;
        }
        split_slot *table = (split_slot *)PyByteArray_AS_STRING(slots);
        table[free_slot].hash = hash;
        table[free_slot].index = (uint32_t)(nkeys + 1);
    }
    return chunk;
}

/* the chunks found so far, as new references: on the stack for a line of up to SPLIT_LOCAL
 * chunks, then on the heap; the list is made once, of its final size (PyList_Append per chunk
 * was ~55 instructions a chunk) */
#define SPLIT_LOCAL 256

typedef struct {
    PyObject **items;
    Py_ssize_t used;
    Py_ssize_t cap;
    PyObject *local[SPLIT_LOCAL];
} split_buf;

/* appends the chunk data[start:end] of line to buf (split_chunk); -1 with an exception */
static int
split_take(split_buf *buf, PyObject *line, int kind, const void *data, Py_ssize_t start,
           Py_ssize_t end, uint64_t h, PyObject *slots, Py_ssize_t *mask, PyObject *keys)
{
    if (buf->used == buf->cap) {
        Py_ssize_t cap = buf->cap * 2;
        PyObject **items = PyMem_Malloc((size_t)cap * sizeof(PyObject *));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(items, buf->items, (size_t)buf->used * sizeof(PyObject *));
        if (buf->items != buf->local) {
            PyMem_Free(buf->items);
        }
        buf->items = items;
        buf->cap = cap;
    }
    PyObject *chunk = split_chunk(line, kind, data, start, end, h, slots, mask, keys);
    if (chunk == NULL) {
        return -1;
    }
    buf->items[buf->used++] = chunk;
    return 0;
}

#define FNV_OFFSET 0xCBF29CE484222325ULL
#define FNV_PRIME 0x100000001B3ULL

static PyObject *
chunks_split_known(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError,
                     "split_known() takes 3 arguments (line, slots, keys), got %zd", nargs);
        return NULL;
    }
    PyObject *line = args[0];
    PyObject *slots = args[1];
    PyObject *keys = args[2];
    if (!PyUnicode_Check(line) || !PyByteArray_CheckExact(slots) || !PyList_CheckExact(keys)) {
        PyErr_Format(PyExc_TypeError,
                     "split_known() needs a str line, a bytearray of slots and a list of keys, "
                     "got %.100s, %.100s and %.100s",
                     Py_TYPE(line)->tp_name, Py_TYPE(slots)->tp_name, Py_TYPE(keys)->tp_name);
        return NULL;
    }
    Py_ssize_t size = PyByteArray_GET_SIZE(slots);
    Py_ssize_t count = size / (Py_ssize_t)sizeof(split_slot);
    if (size % (Py_ssize_t)sizeof(split_slot) || (count & (count - 1)) ||
        (count && count < SPLIT_MIN_SLOTS)) {
        PyErr_Format(PyExc_ValueError,
                     "split_known() needs slots as it left them (empty, or a power of two of "
                     "%d-byte slots, %d or more), got %zd bytes; clear both together "
                     "(del slots[:]; keys.clear())",
                     (int)sizeof(split_slot), SPLIT_MIN_SLOTS, size);
        return NULL;
    }
    Py_ssize_t mask = count - 1; /* -1: no table yet */
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    split_buf buf;
    buf.items = buf.local;
    buf.used = 0;
    buf.cap = SPLIT_LOCAL;
    Py_ssize_t start = 0;
    uint64_t h = FNV_OFFSET;
    /* one loop per kind: PyUnicode_READ's switch per character was ~a third of the scan */
#define SPLIT_SCAN(TYPE)                                                                       \
    {                                                                                          \
        const TYPE *text = (const TYPE *)data;                                                 \
        for (Py_ssize_t i = 0; i < n; i++) {                                                   \
            Py_UCS4 ch = text[i];                                                              \
            if (ch != ' ') {                                                                   \
                h = (h ^ ch) * FNV_PRIME;                                                      \
                continue;                                                                      \
            }                                                                                  \
            if (split_take(&buf, line, kind, data, start, i, h, slots, &mask, keys) < 0) {     \
                goto fail;                                                                     \
            }                                                                                  \
            start = i + 1;                                                                     \
            h = FNV_OFFSET;                                                                    \
        }                                                                                      \
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        SPLIT_SCAN(Py_UCS1)
        break;
    case PyUnicode_2BYTE_KIND:
        SPLIT_SCAN(Py_UCS2)
        break;
    default:
        SPLIT_SCAN(Py_UCS4)
        break;
    }
#undef SPLIT_SCAN
    if (split_take(&buf, line, kind, data, start, n, h, slots, &mask, keys) < 0) {
        goto fail;
    }
    PyObject *parts = PyList_New(buf.used);
    if (parts == NULL) {
        goto fail;
    }
    /* the list takes the buffer's references */
    memcpy(((PyListObject *)parts)->ob_item, buf.items, (size_t)buf.used * sizeof(PyObject *));
    if (buf.items != buf.local) {
        PyMem_Free(buf.items);
    }
    return parts;
fail:
    for (Py_ssize_t j = 0; j < buf.used; j++) {
        Py_DECREF(buf.items[j]);
    }
    if (buf.items != buf.local) {
        PyMem_Free(buf.items);
    }
    return NULL;
}

static PyMethodDef chunks_methods[] = {
    {"lookup", (PyCFunction)(void (*)(void))chunks_lookup, METH_FASTCALL,
     "lookup(memo, parts) -> (infos, missing)\n\n"
     "[memo.get(p) for p in parts], and how many of them are None."},
    {"join_fixed", (PyCFunction)(void (*)(void))chunks_join_fixed, METH_FASTCALL,
     "join_fixed(infos, joins) -> str\n\n"
     "The items infos[i][1] joined by a space, or by a ZWNJ before each index in joins."},
    {"truthy", (PyCFunction)(void (*)(void))chunks_truthy, METH_FASTCALL,
     "truthy(infos, field, start) -> list[int]\n\n"
     "[i for i in range(start, len(infos)) if infos[i][field]]."},
    {"members", (PyCFunction)(void (*)(void))chunks_members, METH_FASTCALL,
     "members(infos, field, table, start) -> list[int]\n\n"
     "[i for i in range(start, len(infos)) if infos[i][field] in table]."},
    {"field_sum", (PyCFunction)(void (*)(void))chunks_field_sum, METH_FASTCALL,
     "field_sum(infos, field) -> int\n\n"
     "sum(info[field] for info in infos)."},
    {"field_or", (PyCFunction)(void (*)(void))chunks_field_or, METH_FASTCALL,
     "field_or(infos, field) -> int\n\n"
     "The bitwise OR of info[field] over infos, from 0."},
    {"word_kind", (PyCFunction)(void (*)(void))chunks_word_kind, METH_FASTCALL,
     "word_kind(chunk, folds) -> int\n\n"
     "0 if chunk is not one word of letters, 1 if it holds no character of folds, else 2."},
    {"tail_index", (PyCFunction)(void (*)(void))chunks_tail_index, METH_FASTCALL,
     "tail_index(forms, tail) -> dict[str, list[str]]\n\n"
     "The keys k of forms with k in forms[k] and len(k) > tail, listed by k[-tail:]."},
    {"split_known", (PyCFunction)(void (*)(void))chunks_split_known, METH_FASTCALL,
     "split_known(line, slots, keys) -> list[str]\n\n"
     "line.split(\" \"), each chunk equal to a str of keys being that str; new chunks go to keys."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef chunks_module = {
    PyModuleDef_HEAD_INIT,
    "khabar._c.chunks",
    "The ZWNJ engine's per-line plumbing in C (twins in khabar.text.zwnj).",
    0,
    chunks_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_chunks(void)
{
    return PyModuleDef_Init(&chunks_module);
}
