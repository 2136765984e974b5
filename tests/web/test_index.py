"""The inspector's search index: spelling-blind matching, filters, pagination, rebuilds.

Every expected set below was worked out by hand from tests/fixtures/web/docs.json and the seed:
seed «می‌باشد» (repaired), doc-a «می باشد», doc-b «میباشد»; doc-a «دانش آموز», doc-b «دانش‌آموز»,
doc-c «دانشآموز»; doc-a «كتاب» (Arabic kaf) + «۱۴۰۲», doc-b «کتاب» + «1402»; the seed's dropped
copy has Arabic ي/ك and no ZWNJ at all.
"""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from web_corpus import fixture_documents, seed_document, seed_duplicate, write_corpus

from khabar.corpus.keys import JOIN_NEXT, JOIN_PREVIOUS
from khabar.errors import InputError
from khabar.web import index as idx

SEED, COPY = "tasnim-1720515", "copy-of-tasnim"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def conn(corpus):
    path, rebuilt = idx.ensure_index(corpus)
    assert rebuilt and path == corpus / "inspect.sqlite"
    c = idx.connect(path)
    yield c
    c.close()


def ids(conn, query="", **filters):
    result = idx.search(conn, query, idx.Filters(**filters), per_page=100)
    return {h.id for h in result.hits}


@pytest.mark.parametrize(("query", "expected"), [
    # the three spellings of one word: joined with ZWNJ, with a space, glued
    ("می‌باشد", {SEED, COPY, "doc-a", "doc-b"}),
    ("می باشد", {SEED, COPY, "doc-a", "doc-b"}),
    ("میباشد", {SEED, COPY, "doc-a", "doc-b"}),
    # a compound: spaced, ZWNJ, glued (doc-c also has the plural «دانشآموزان», a different word)
    ("دانش آموز", {"doc-a", "doc-b", "doc-c"}),
    ("دانش‌آموز", {"doc-a", "doc-b", "doc-c"}),
    ("دانشآموز", {"doc-a", "doc-b", "doc-c"}),
    # «بین‌الملل»: seed repaired to ZWNJ, doc-a spaced, doc-b glued, the copy glued
    ("بین‌الملل", {SEED, COPY, "doc-a", "doc-b"}),
    ("بین الملل", {SEED, COPY, "doc-a", "doc-b"}),
    ("بینالملل", {SEED, COPY, "doc-a", "doc-b"}),
    # Arabic and Persian kaf, yeh
    ("كتاب", {"doc-a", "doc-b"}),
    ("کتاب", {"doc-a", "doc-b"}),
    ("قزاقستان", {SEED, COPY}),
    ("فلسطيني", {SEED, COPY}),  # Arabic yeh
    ("فلسطینی", {SEED, COPY}),
    # digits
    ("۱۴۰۲", {"doc-a", "doc-b"}),
    ("1402", {"doc-a", "doc-b"}),
    ("١٤٠٢", {"doc-a", "doc-b"}),
    ("۱۹۹۲", {SEED, COPY}),
    # several words: all must occur, anywhere
    ("کتاب 1402", {"doc-a", "doc-b"}),
    ("کتاب قزاقستان", set()),
    # must not match: whole words only, no prefixes, no parts of compounds
    ("کتابخانه", {"doc-c"}),
    ("دانش", {"doc-a"}),
    ("کتب", set()),
    ("۱۴۰", set()),
    # only punctuation, or FTS5 syntax: nothing, and no error
    ("؟!", set()),
    ('"', set()),
    ("NEAR(", set()),
    ("*", set()),
    # ASCII words and hostile text are searchable like any other
    ("short", {"doc-en"}),
    ("SHORT", {"doc-en"}),
])
def test_search_finds_every_spelling(conn, query, expected):
    assert ids(conn, query) == expected


def test_a_facet_term_typed_as_a_query_matches_nothing(conn):
    token = idx.facet_token("domain", "example-b.ir")
    assert ids(conn, token) == set() and ids(conn, "domain example-b.ir") == set()
    assert ids(conn, "", domain="example-b.ir") == {"doc-b", "doc-c"}


def test_empty_query_lists_everything_in_corpus_order(conn):
    result = idx.search(conn, "", per_page=100)
    # kept (data/), then dropped/, then the two rejects (no id)
    assert [h.id for h in result.hits] == [SEED, "doc-a", "doc-b", "doc-c", "doc-hostile",
                                           COPY, "doc-en", None, None]
    assert result.total == 9


@pytest.mark.parametrize(("query", "filters", "expected"), [
    ("دانش‌آموز", {"domain": "example-b.ir"}, {"doc-b", "doc-c"}),
    ("دانش‌آموز", {"agency": "ایرنا"}, {"doc-a"}),
    ("", {"lang": "en"}, {"doc-en"}),
    ("", {"decision": "kept"}, {SEED, "doc-a", "doc-b", "doc-c", "doc-hostile"}),
    ("", {"decision": "dropped"}, {COPY, "doc-en"}),
    ("", {"decision": "dropped:duplicate"}, {COPY}),
    ("", {"decision": "dropped:too_short"}, {"doc-en"}),
    ("", {"decision": "dropped:no_such_reason"}, set()),
    ("", {"decision": "rejected:invalid_json"}, {None}),
    ("قزاقستان", {"decision": "kept"}, {SEED}),
    # words and filters together (the filters are FTS facet terms then)
    ("قزاقستان", {"decision": "dropped:duplicate"}, {COPY}),
    ("قزاقستان", {"decision": "dropped:too_short"}, set()),
    ("قزاقستان", {"domain": "mirror.example"}, {COPY}),
    ("decode_error", {"decision": "rejected:decode_error"}, {None}),
    ("decode_error", {"decision": "kept"}, set()),
    ("short", {"lang": "en", "decision": "dropped"}, {"doc-en"}),
    ("short", {"lang": "fa"}, set()),
    ("کتاب", {"agency": "ایسنا", "date_from": "2023-06-01"}, {"doc-b"}),
    ("کتاب", {"agency": "ایسنا", "date_from": "2023-06-02"}, set()),
    ("", {"date_from": "2023-01-01", "date_to": "2023-12-31"}, {"doc-a", "doc-b"}),
    ("", {"date_from": "2024-01-15"}, {"doc-c"}),
    ("", {"date_to": "2018-05-18"}, {SEED}),
    ("", {"domain": "example-b.ir", "date_to": "2023-12-31"}, {"doc-b"}),
])
def test_filters(conn, query, filters, expected):
    assert ids(conn, query, **filters) == expected


def test_rejects_are_listed_and_searchable(conn):
    result = idx.search(conn, "", idx.Filters(decision="rejected"))
    assert [(h.decision, h.reason) for h in result.hits] == [("rejected", "invalid_json"),
                                                            ("rejected", "decode_error")]
    assert result.hits[0].title == "crawl/broken.jsonl (line 3)"
    assert [h.reason for h in idx.search(conn, "decode_error").hits] == ["decode_error"]


def test_pagination_covers_every_row_once(conn):
    seen = []
    first = idx.search(conn, "", per_page=4)
    assert (first.total, first.pages) == (9, 3)
    for page in range(1, first.pages + 1):
        seen += [h.rowid for h in idx.search(conn, "", page=page, per_page=4).hits]
    assert sorted(seen) == list(range(1, 10))
    assert idx.search(conn, "", page=99, per_page=4).hits == []


def test_facets_count_each_value(conn):
    f = idx.facets(conn)
    assert dict(f["domain"])["example-b.ir"] == 2
    assert dict(f["agency"]) == {"ایسنا": 2, "ایرنا": 1, "خبرگزاری تسنیم": 1, "<b>agency</b>": 1}
    assert f["decision"] == [("kept", 5), ("dropped", 2), ("rejected", 2),
                             ("dropped:duplicate", 1), ("dropped:too_short", 1),
                             ("rejected:decode_error", 1), ("rejected:invalid_json", 1)]


def test_title_matches_rank_first(conn):
    # «دانش‌آموز» is in the titles of doc-a and doc-b, only in doc-c's body (as a word; its title
    # has the plural)
    hits = idx.search(conn, "دانش‌آموز").hits
    assert {h.id for h in hits[:2]} == {"doc-a", "doc-b"}


def test_index_is_reused_until_the_corpus_changes(tmp_path):
    write_corpus(tmp_path, [seed_document()])
    path, rebuilt = idx.ensure_index(tmp_path)
    assert rebuilt
    assert idx.ensure_index(tmp_path) == (path, False)
    write_corpus(tmp_path, [seed_document(), *fixture_documents()])
    path, rebuilt = idx.ensure_index(tmp_path)
    assert rebuilt
    with idx.connect(path) as c:
        assert ids(c, "کتاب") == {"doc-a", "doc-b"}


def test_a_damaged_index_is_rebuilt(tmp_path):
    write_corpus(tmp_path, [seed_duplicate()])
    (tmp_path / "inspect.sqlite").write_bytes(b"not a database")
    path, rebuilt = idx.ensure_index(tmp_path)
    assert rebuilt
    with idx.connect(path) as c:
        assert ids(c, "قزاقستان") == {COPY}


def test_index_elsewhere_leaves_outdir_alone(tmp_path):
    corpus = write_corpus(tmp_path / "c", [seed_document()])
    path = idx.build_index(corpus, index_path=tmp_path / "elsewhere.sqlite")
    assert path.is_file() and not (corpus / "inspect.sqlite").exists()
    assert not list(tmp_path.glob(".*tmp*")) and not list(corpus.glob(".*tmp*"))


def test_not_a_corpus_says_what_to_give(tmp_path):
    with pytest.raises(InputError, match="no data/ or dropped/ folder"):
        idx.build_index(tmp_path)


def test_a_bad_rejects_line_is_indexed_not_lost(tmp_path):
    write_corpus(tmp_path, [seed_document()], rejects=[])
    (tmp_path / "rejects.jsonl").write_text('{"source": "a", "reason": "x"}\nnot json\n[1]\n',
                                            encoding="utf-8")
    with idx.connect(idx.build_index(tmp_path)) as c:
        reasons = [h.reason for h in idx.search(c, "", idx.Filters(decision="rejected")).hits]
    assert reasons == ["x", "unreadable_reject_line", "unreadable_reject_line"]


@pytest.mark.parametrize(("words", "expected"), [
    (["a"], [["a"]]),
    (["a", "b"], [["a", "b"], ["ab"]]),
    (["a", "a"], [["a", "a"], ["aa"]]),
])
def test_query_variants(words, expected):
    assert idx.query_variants(words) == expected


def test_long_queries_expand_only_single_joins():
    words = list("abcdefgh")
    variants = idx.query_variants(words)
    assert len(variants) == 8  # all split + 7 single joins
    assert ["ab", "c", "d", "e", "f", "g", "h"] in variants


PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
word = st.one_of(st.text(alphabet=PERSIAN_LETTERS, min_size=2, max_size=6),
                 st.sampled_from(sorted(JOIN_NEXT | JOIN_PREVIOUS)))


@settings(max_examples=60, deadline=None)
@given(left=word, right=word, doc_joint=st.sampled_from([" ", "\u200c", ""]),
       query_joint=st.sampled_from([" ", "\u200c", ""]))
def test_any_spacing_of_a_compound_finds_any_other(left, right, doc_joint, query_joint):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(body, content='', "
                 "tokenize='unicode61 remove_diacritics 0')")
    conn.execute("INSERT INTO fts(rowid, body) VALUES (1, ?)",
                 (idx.index_terms(f"پیش {left}{doc_joint}{right} پس"),))
    expr = idx.match_expression(left + query_joint + right)
    assert conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expr,)).fetchall() == [(1,)]


@pytest.mark.parametrize(("query", "found"), [
    # «ای» glued to «گفت» by canonical_tokens, yet the interjection is still a word of its own
    ("ای کاش", True),
    ("گفت ای کاش", True),
    # fully joined three-part forms find the spaced ones through the glued terms
    ("نمیخواستهاند", True),
    ("نمی‌خواسته‌اند", True),
    ("نمی خواسته اند", True),
    ("نامه‌ها", True),
    ("نامهها", True),
    # and not what is not there
    ("ای کاشکی", False),
    ("خواستند", False),
])
def test_glue_words_and_three_part_forms(tmp_path, query, found):
    from khabar.document import Document

    doc = Document(id="d", text="او گفت ای کاش این نامه ها را نمی خواسته اند.", meta={"lang": "fa"})
    write_corpus(tmp_path, [doc], rejects=[])
    with idx.connect(idx.build_index(tmp_path)) as c:
        assert ids(c, query) == ({"d"} if found else set())


def test_a_query_matching_too_many_is_listed_unranked(tmp_path, monkeypatch):
    from khabar.document import Document

    docs = [Document(id=f"d{i}", text=f"خبر شماره {i}" + (" ویژه" if i % 2 else ""))
            for i in range(7)]
    write_corpus(tmp_path, docs, rejects=[])
    monkeypatch.setattr(idx, "RANK_LIMIT", 3)
    with idx.connect(idx.build_index(tmp_path)) as c:
        many = idx.search(c, "خبر", per_page=2)
        few = idx.search(c, "ویژه 3", per_page=2)
        page2 = idx.search(c, "خبر", page=2, per_page=2)
    assert (many.total, many.capped, [h.id for h in many.hits]) == (3, True, ["d0", "d1"])
    assert [h.id for h in page2.hits] == ["d2", "d3"]
    assert (few.total, few.capped, [h.id for h in few.hits]) == (1, False, ["d3"])


ALPHABET = PERSIAN_LETTERS + "يك۰۱۲ ‌،.«»!ـ" + "\u064e\u0651" + "ABc"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_index_terms_may_fold_once(text):
    # index_terms glues the already folded text: that must be the same as gluing the original
    from khabar.corpus.keys import canonical, canonical_tokens

    assert canonical_tokens(canonical(text)) == canonical_tokens(text)
