"""The console guard reads tokens: writes and outside-reaching clauses are refused wherever strings,
comments and backticks put them, reads pass, and queries too large to parse safely are refused."""

import json

import pytest

from graph.cypher_lexer import Kind, tokenize
from graph.falkordb_store import READ_ONLY_PROCEDURES as FALKORDB_PROCEDURES
from graph.read_only import DEFAULT_LIMITS, check_console_query, check_parameters
from ontology.errors import QueryRefused, QuerySyntaxError


def check(cypher, params=None):
    check_console_query(cypher, params, FALKORDB_PROCEDURES)


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (n) RETURN n",
        "MATCH (n) MERGE (m {iri: n.iri})",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n) SET n.x = 1",
        "MATCH (n) REMOVE n.x",
        "MATCH (n) WITH n CREATE (m)",
        "LOAD CSV FROM 'http://example.com/x.csv' AS row RETURN row",
        "CALL apoc.load.json('http://example.com')",
        "CALL db.idx.fulltext.createNodeIndex('Entity', 'name')",
        "match (n) with n   cReAtE (m)",
        "USE other MATCH (n) RETURN n",
        "SHOW DATABASES",
        "MATCH (n) CALL { WITH n RETURN n AS m } RETURN m",
    ],
)
def test_writes_and_outside_calls_are_refused(cypher):
    with pytest.raises(QueryRefused):
        check(cypher)


@pytest.mark.parametrize(
    "cypher",
    [
        # a `//` inside a string does not hide the rest of the line
        "RETURN 'http://x' AS u LOAD CSV FROM 'https://example.org/x' AS r RETURN r",
        'RETURN "//" AS u LOAD CSV FROM "https://example.org/x" AS r RETURN r',
        # an escaped backslash ends the string; an escaped quote does not
        "RETURN 'a\\\\' LOAD CSV FROM 'x' AS r RETURN r",
        "RETURN 'it\\'s' AS a, 1 AS b LOAD CSV FROM 'x' AS r RETURN r",
        # a block comment ends at the first */, a line comment at any line break
        "RETURN 1 /* x */ LOAD CSV FROM 'x' AS r RETURN r",
        "RETURN 1 // comment\rLOAD CSV FROM 'x' AS r RETURN r",
        "RETURN 1 // comment\u2028LOAD CSV FROM 'x' AS r RETURN r",
        # procedures: backticks, spaces and comments around the name
        "CALL `db.idx.fulltext.createNodeIndex`('Entity', 'name')",
        "CALL db.`labels`()",
        "CALL /* hidden */ db.idx.fulltext.drop('Entity')",
        "CALL db . idx . fulltext . drop('Entity')",
        # a quoted name holding a backtick is not guessed at
        "MATCH (n) RETURN n.`a``b` LOAD CSV FROM 'x' AS r RETURN r",
        # quoted function names
        "RETURN `reduce`(s = 0, x IN [1] | s + x)",
        "RETURN string.`join`(['a'], '')",
    ],
)
def test_string_comment_and_backtick_tricks_are_refused(cypher):
    with pytest.raises((QueryRefused, QuerySyntaxError)):
        check(cypher)


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (n:Person) RETURN n.name_ko",
        "MATCH (n) WHERE n.name_ko = 'CREATE' RETURN n",
        "MATCH (n) WHERE n.name_en CONTAINS 'LOAD CSV FROM' RETURN count(n)",
        "MATCH (n) RETURN n // DELETE everything? no",
        "MATCH (n) /* SET n.x = 1 */ RETURN n",
        "CALL db.labels()",
        "CALL db.labels() YIELD label RETURN label",
        "MATCH (n) RETURN n.`set` AS quoted_property",
        "MATCH (e:Event) RETURN e.end_date, CASE WHEN e.start_date IS NULL THEN 0 ELSE 1 END",
        "UNWIND range(1, 100) AS i RETURN i",
        "RETURN range(0, 1000, 10), range(-5, 5)",
        "MATCH p = (a:Person)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b) RETURN p",
        "MATCH (n) WHERE NOT n:Person AND -1 < 0 RETURN [x IN [1, 2] | -x]",
    ],
)
def test_reads_pass(cypher):
    check(cypher)


def test_procedure_allow_lists_belong_to_the_adapter():
    from graph.neo4j_store import READ_ONLY_PROCEDURES as NEO4J_PROCEDURES

    check_console_query("CALL db.schema.visualization()", None, NEO4J_PROCEDURES)
    with pytest.raises(QueryRefused):
        check("CALL db.schema.visualization()")  # not a FalkorDB procedure
    with pytest.raises(QueryRefused):
        check_console_query("CALL algo.pageRank('Person', 'X')", None, NEO4J_PROCEDURES)


@pytest.mark.parametrize(
    ("opening", "closing", "leaf"),
    [
        ("(", ")", "1"),
        ("[", "]", "1"),
        ("{a: ", "}", "1"),
        ("NOT ", "", "true"),
        ("-", "", "1"),
        ("- ", "", "1"),
        ("abs(", ")", "1"),
        ("CASE WHEN true THEN ", " END", "1"),
        ("[x IN [1] | ", "]", "x"),
    ],
)
@pytest.mark.parametrize("depth", [13, 20, 24, 100, 9000])
def test_deep_nesting_is_refused_before_the_engine(opening, closing, leaf, depth):
    with pytest.raises(QueryRefused, match=r"nested|parse|tokens|characters"):
        check("RETURN " + opening * depth + leaf + closing * depth)


def test_nesting_up_to_the_limit_passes():
    depth = DEFAULT_LIMITS.max_depth
    check("RETURN " + "(" * depth + "1" + ")" * depth)


def test_many_moderately_nested_siblings_exceed_the_parse_budget():
    sibling = "(" * 10 + "1" + ")" * 10
    check("RETURN " + sibling)
    with pytest.raises(QueryRefused, match="parse"):
        check("RETURN [" + ", ".join([sibling] * 40) + "]")


@pytest.mark.parametrize(
    "cypher",
    [
        "UNWIND range(1, 1000000000) AS x RETURN count(x)",
        "UNWIND range(1, 1000) AS x UNWIND range(1, 1000) AS y RETURN count(*)",
        "RETURN size([x IN range(1, 400) | [y IN range(1, 400) | x * y]])",
        "UNWIND range(1, toInteger(1e9)) AS x RETURN count(x)",
        "UNWIND range(1, 10 ^ 9) AS x RETURN count(x)",
        "WITH 1000000000 AS n UNWIND range(1, n) AS x RETURN count(x)",
        "RETURN reduce(s = 'x', i IN range(1, 40) | s + s)",
        "RETURN REDUCE (s = 0, i IN [1, 2] | s + i)",
    ],
)
def test_range_blowups_and_reduce_are_refused(cypher):
    with pytest.raises(QueryRefused, match=r"range|reduce"):
        check(cypher)


def test_size_bounds():
    with pytest.raises(QueryRefused, match="tokens"):
        check("RETURN " + "+".join(["1"] * 3000))
    with pytest.raises(QueryRefused, match="clauses"):
        check(" ".join(f"OPTIONAL MATCH (n{i})" for i in range(120)) + " RETURN 1")
    with pytest.raises(QueryRefused, match="pattern elements"):
        check("MATCH " + ", ".join(f"(n{i})" for i in range(120)) + " RETURN 1")
    with pytest.raises(QueryRefused, match="characters"):
        check("RETURN '" + "x" * 20_001 + "'")


def test_parameters_are_bounded_like_the_query():
    check("RETURN $x", {"x": list(range(1000))})
    deep = json.loads("[" * 20 + "1" + "]" * 20)
    with pytest.raises(QueryRefused, match="nested"):
        check("RETURN $x", {"x": deep})
    with pytest.raises(QueryRefused, match="parse"):
        check_parameters({"x": [json.loads("[" * 9 + "1" + "]" * 9)] * 200})


@pytest.mark.parametrize(
    "cypher", ["RETURN 'open", 'RETURN "open', "RETURN `open", "RETURN 1 /* open", "RETURN (1"]
)
def test_unterminated_and_unbalanced_text_is_a_syntax_error(cypher):
    with pytest.raises(QuerySyntaxError):
        check(cypher)


def test_tokens_keep_strings_comments_and_names_apart():
    tokens = tokenize("MATCH (n:`Odd name`) // LOAD\nWHERE n.x = 'a\\'b' RETURN $p, 1.5e3")
    kinds = [(t.kind, t.text) for t in tokens]
    assert (Kind.QUOTED, "Odd name") in kinds and (Kind.STRING, "a\\'b") in kinds
    assert (Kind.PARAM, "p") in kinds and (Kind.NUMBER, "1.5e3") in kinds
    assert all(t.text.upper() != "LOAD" for t in tokens)


def test_engine_refuses_a_write_even_without_the_guard(store):
    with pytest.raises(QueryRefused):
        store.read("CREATE (n:Entity {iri: 'sneaky'}) RETURN n")
    assert store.read("MATCH (n:Entity {iri: 'sneaky'}) RETURN n").rows == []


def test_engine_has_no_import_folder_to_read(store):
    """LOAD CSV from a file finds nothing even if it got past the guard (IMPORT_FOLDER is /dev/null/)."""
    from ontology.errors import StoreError

    with pytest.raises(StoreError):
        store.read("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1")
