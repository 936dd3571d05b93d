"""A change (loaders.increment.Delta) as ONE parameterised Cypher statement, and the reads it needs.

One statement, so that the engine applies it as a whole: FalkorDB runs a write query under the
graph's write lock from its first write to its end (readers see the graph before or after it), and
Neo4j runs it in one write transaction. The statement starts by matching the `GraphInfo` node with
the version the change was computed against: if another change came first, it matches nothing,
writes nothing and returns no row, and the caller reads the graph again. Each part is a unit
subquery (`CALL { WITH g … }`), so an empty list in one part does not stop the others.

Lists that grow with the graph (a hub's `sources`, a relationship's `evidence`) are never read
into Python: values are inserted at their sorted place, or taken out, by the engine. Labels,
relationship types and property keys come from the ontology's allow-list, never from data values.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from loaders.increment import Delta
from loaders.provenance import count_key, extra_key
from loaders.writer import _date_assignments, _row

_NAME = re.compile(r"^_?[A-Za-z][A-Za-z0-9_]*$")
SAMPLE = 20  # sources returned with a node or relationship, to name who still uses it


def _safe(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"refusing to use {name!r} as a label, type or key")
    return name


def _sources(var: str, old: str, row: str) -> str:
    """`WITH` clauses computing `srcs`: `old` (a sorted list or null) less `row.rem` plus `row.add`.

    The ids added are not in the list (the change computed that), so there is no membership test,
    and an id after the last one (new articles usually are) is appended: a hub's list of 10⁵ ids
    is copied once, not three times.
    """
    return (
        f"WITH {var}, {row}, CASE WHEN size({row}.rem) = 0 THEN coalesce({old}, []) "
        f"ELSE [x IN coalesce({old}, []) WHERE NOT x IN {row}.rem] END AS kept "
        f"WITH {var}, {row}, reduce(l = kept, a IN {row}.add | "
        "CASE WHEN size(l) = 0 OR last(l) < a THEN l + [a] "
        "ELSE [x IN l WHERE x < a] + [a] + [x IN l WHERE x > a] END) AS srcs "
    )


_NULL_IF_EMPTY = "CASE WHEN size(srcs) = 0 THEN NULL ELSE srcs END"
# Both ends first, then the relationship between them: FalkorDB then checks the one adjacency
# entry (Expand Into) instead of walking every relationship of a hub (16 000 at 1e6).
_EDGE = (
    "MATCH (a:Entity {iri: e.s}) WITH e, a MATCH (b:Entity {iri: e.o}) WITH e, a, b "
    "MATCH (a)-[r]->(b) WHERE type(r) = e.t "
)


def statement(delta: Delta, dialect: str) -> tuple[str, dict[str, Any]]:
    """The whole change as (cypher, params); the statement returns one row when it was applied."""
    params: dict[str, Any] = {
        "expected": delta.expected_version,
        "version": delta.version,
        "loaded_at": delta.loaded_at,
        "node_delta": delta.node_delta,
        "edge_delta": delta.edge_delta,
        "files_add": delta.files_add,
        "files_remove": delta.files_remove,
    }
    if dialect == "neo4j":  # take the write lock on GraphInfo before reading its version
        parts = [
            "MATCH (g:GraphInfo {key: 'current'}) SET g._lock = true WITH g "
            "WHERE g.version = $expected"
        ]
    else:
        parts = ["MATCH (g:GraphInfo {key: 'current'}) WHERE g.version = $expected"]

    def part(body: str, name: str | None = None, rows: Any = None) -> None:
        if name is not None:
            params[name] = rows
        parts.append(f"CALL {{ WITH g {body} }}")

    dates = delta.date_keys
    rows: list[dict[str, Any]]
    if delta.deleted_edges:
        rows = [{"s": s, "t": t, "o": o} for s, t, o in delta.deleted_edges]
        part(f"UNWIND $deleted_edges AS e {_EDGE}DELETE r", "deleted_edges", rows)
    if delta.deleted_nodes:
        part(
            "UNWIND $deleted_nodes AS iri MATCH (n:Entity {iri: iri}) DETACH DELETE n",
            "deleted_nodes",
            delta.deleted_nodes,
        )
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for node in delta.new_nodes:
        groups[tuple(node.labels)].append(
            _row({"iri": node.iri}, {**node.props, **node.internal}, dates)
        )
    for i, (labels, rows) in enumerate(sorted(groups.items())):
        label_list = ":".join(_safe(label) for label in dict.fromkeys(("Entity", *labels)))
        part(
            f"UNWIND $new_nodes_{i} AS row CREATE (n:{label_list}) "
            "SET n = row.props, n.iri = row.iri" + _date_assignments("n", rows),
            f"new_nodes_{i}",
            rows,
        )
    if delta.set_nodes:
        rows = [
            {**_row({"iri": iri}, props, dates), "add": add, "rem": rem}
            for iri, props, add, rem in delta.set_nodes
        ]
        part(
            "UNWIND $set_nodes AS row MATCH (n:Entity {iri: row.iri}) "
            + _sources("n", "n.sources", "row")
            + f"SET n = row.props, n.iri = row.iri, n.sources = {_NULL_IF_EMPTY}"
            + _date_assignments("n", rows),
            "set_nodes",
            rows,
        )
    if delta.touch_nodes:
        rows = [
            {"iri": iri, "prov": prov, "add": add, "rem": rem}
            for iri, prov, add, rem in delta.touch_nodes
        ]
        part(
            "UNWIND $touch_nodes AS row MATCH (n:Entity {iri: row.iri}) "
            + _sources("n", "n.sources", "row")
            + f"SET n._prov = coalesce(row.prov, n._prov), n.sources = {_NULL_IF_EMPTY}",
            "touch_nodes",
            rows,
        )
    for i, (iri, plus, minus) in enumerate(delta.labels):
        changes = ""
        if plus:
            changes += " SET n:" + ":".join(_safe(label) for label in plus)
        if minus:
            changes += " REMOVE n:" + ":".join(_safe(label) for label in minus)
        params[f"label_iri_{i}"] = iri
        parts.append(f"CALL {{ WITH g MATCH (n:Entity {{iri: $label_iri_{i}}}){changes} }}")
    edge_groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for edge in delta.new_edges:
        edge_groups[edge.type].append(
            _row({"s": edge.source, "o": edge.target}, {**edge.props, **edge.internal}, dates)
        )
    for i, (edge_type, rows) in enumerate(sorted(edge_groups.items())):
        part(
            f"UNWIND $new_edges_{i} AS row MATCH (a:Entity {{iri: row.s}}) "
            f"MATCH (b:Entity {{iri: row.o}}) CREATE (a)-[r:{_safe(edge_type)}]->(b) "
            "SET r = row.props" + _date_assignments("r", rows),
            f"new_edges_{i}",
            rows,
        )
    if delta.edge_sources:
        rows = [
            {"s": s, "t": t, "o": o, "add": add, "rem": rem}
            for s, t, o, add, rem in delta.edge_sources
        ]
        part(
            f"UNWIND $edge_sources AS e {_EDGE}"
            + _sources("r", "r.sources", "e")
            + f"SET r.sources = {_NULL_IF_EMPTY}",
            "edge_sources",
            rows,
        )
    for i, (key, lists) in enumerate(sorted(delta.edge_lists.items())):
        rows = [{"s": s, "t": t, "o": o, "add": add, "rem": rem} for s, t, o, add, rem in lists]
        part(_list_update(key, key in dates, f"edge_list_{i}"), f"edge_list_{i}", rows)
    for i, (key, scalars) in enumerate(sorted(delta.edge_scalars.items())):
        rows = [
            {"s": s, "t": t, "o": o, "change": change, "value": value}
            for s, t, o, change, value in scalars
        ]
        part(_scalar_update(key, key in dates, f"edge_scalar_{i}"), f"edge_scalar_{i}", rows)
    tail = (
        "SET g.version = $version, g.loaded_at = $loaded_at, g.changes = coalesce(g.changes, 0) + 1, "
        "g.node_count = g.node_count + $node_delta, g.edge_count = g.edge_count + $edge_delta, "
        "g.files = reduce(l = CASE WHEN size($files_remove) = 0 THEN coalesce(g.files, []) "
        "ELSE [x IN coalesce(g.files, []) WHERE NOT x IN $files_remove] END, "
        "f IN $files_add | CASE WHEN last(l) ENDS WITH '.trig' AND last(l) < f THEN l + [f] "
        "ELSE [x IN l WHERE NOT x ENDS WITH '.trig' OR x < f] + [f] + "
        "[x IN l WHERE x ENDS WITH '.trig' AND x > f] END)"
    )
    if dialect == "neo4j":
        tail += " REMOVE g._lock"
    parts.append(tail + " RETURN g.version AS version")
    return "\n".join(parts), params


def _list_update(key: str, is_date: bool, name: str) -> str:
    """A multi-valued property kept sorted, its values stated by more than one source kept once per
    extra source in `_d_<key>` (sorted; absent when empty). Each step reads each list a constant
    number of times: no indexing into lists inside comprehensions."""
    k, d = _safe(key), _safe(extra_key(key))
    adds = "[v IN e.add | date(v)]" if is_date else "e.add"
    rems = "[v IN e.rem | date(v)]" if is_date else "e.rem"
    return (
        f"UNWIND ${name} AS e {_EDGE}"
        f"WITH r, {adds} AS adds, reduce(s = [coalesce(r.{k}, []), coalesce(r.{d}, [])], "
        f"v IN {rems} | CASE WHEN v IN s[1] "
        "THEN [s[0], [x IN s[1] WHERE x < v] + [x IN s[1] WHERE x = v][1..] "
        "+ [x IN s[1] WHERE x > v]] "
        "ELSE [[x IN s[0] WHERE x <> v], s[1]] END) AS taken "
        "WITH r, reduce(s = taken, v IN adds | CASE WHEN v IN s[0] "
        "THEN [s[0], [x IN s[1] WHERE x <= v] + [v] + [x IN s[1] WHERE x > v]] "
        "ELSE [[x IN s[0] WHERE x < v] + [v] + [x IN s[0] WHERE x > v], s[1]] END) AS s "
        f"SET r.{k} = CASE WHEN size(s[0]) = 0 THEN NULL ELSE s[0] END, "
        f"r.{d} = CASE WHEN size(s[1]) = 0 THEN NULL ELSE s[1] END"
    )


def _scalar_update(key: str, is_date: bool, name: str) -> str:
    """A single-valued qualifier with the count of sources stating it in `_n_<key>` (absent when 1)."""
    k, n = _safe(key), _safe(count_key(key))
    value = "date(e.value)" if is_date else "e.value"
    return (
        f"UNWIND ${name} AS e {_EDGE}"
        f"WITH r, e, coalesce(r.{n}, CASE WHEN r.{k} IS NULL THEN 0 ELSE 1 END) + e.change AS c "
        f"SET r.{k} = CASE WHEN c <= 0 THEN NULL WHEN r.{k} IS NULL THEN {value} ELSE r.{k} END, "
        f"r.{n} = CASE WHEN c > 1 THEN c ELSE NULL END"
    )


# -- reads --------------------------------------------------------------------------------------------
READ_INFO = (
    "MATCH (g:GraphInfo {key: 'current'}) RETURN g.version AS version, g.node_count AS nodes, "
    "g.edge_count AS edges, g.provenance AS provenance"
)
READ_NODES = (
    "UNWIND $iris AS iri MATCH (n:Entity {iri: iri}) RETURN n.iri AS iri, labels(n) AS labels, "
    "n._prov AS prov, size(coalesce(n.sources, [])) AS source_count, "
    "coalesce(n.sources, [])[0..$sample] AS sources"
)


def read_edges(scalar_keys: list[str]) -> str:
    """The stored relationships among `$edges` ({s, t, o}): source count and sample, scalar qualifiers."""
    values = ", ".join(f"r.{_safe(k)}" for k in scalar_keys) or ""
    counts = ", ".join(f"r.{_safe(count_key(k))}" for k in scalar_keys) or ""
    return (
        f"UNWIND $edges AS e {_EDGE}"
        "RETURN e.s AS s, e.t AS t, e.o AS o, size(coalesce(r.sources, [])) AS source_count, "
        f"coalesce(r.sources, [])[0..$sample] AS sources, [{values}] AS scalars, "
        f"[{counts}] AS counts"
    )


def read_targets(edge_type: str) -> str:
    """For each of `$iris`: the targets of its relationships of `edge_type`, with their labels."""
    return (
        f"UNWIND $iris AS iri MATCH (n:Entity {{iri: iri}})-[:{_safe(edge_type)}]->(m:Entity) "
        "RETURN iri, m.iri AS target, labels(m) AS labels"
    )


def read_incoming(edge_type: str) -> str:
    """For each of `$iris`: the sources of relationships of `edge_type` to it, with their labels."""
    return (
        f"UNWIND $iris AS iri MATCH (m:Entity)-[:{_safe(edge_type)}]->(n:Entity {{iri: iri}}) "
        "RETURN iri, m.iri AS source, labels(m) AS labels"
    )
