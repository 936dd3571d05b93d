"""Add and take out articles in a loaded graph: each file's share, checked in the context of the graph.

A change has two sides: the article files it adds and the loaded article files it takes out (a
replacement is both). Each file's share is counted with the mapping's own code (`Accumulator`)
and added to, or subtracted from, the counts the stored nodes carry (`loaders.provenance`). From
the counts before and after, `Change` works out which nodes and relationships appear, change or
disappear, and checks the state after the change as a full load of the same files would:

- the loader's per-file checks on the new files (terms, evidence, the article node);
- every IRI a new file refers to is an entity after the change (in the graph, or typed in the file);
- a node the change leaves untyped is referred to by nothing else (its remaining sources are named);
- single-valued properties keep one value (a conflict names the new file and the loaded sources);
- the SHACL shapes, on every node the change touches, over its whole state after the change (its
  types, literals and relationship counts from the graph's bookkeeping, with the real targets where
  a shape looks at their types), plus the new files' own nodes.

Nothing here talks to a store: the service layer reads what `Change` asks for into a `StoreState`,
and writes the `Delta` (`loaders.delta`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyoxigraph import Literal
from rdflib import URIRef

from loaders.consistency import UNTYPED, reference_candidates
from loaders.errors import Problem
from loaders.index import DataIndex, Ontology, build_index, load_ontology
from loaders.mapping import (
    PREF_LABEL,
    Accumulator,
    EdgeKey,
    EdgeRow,
    NodeRow,
    Terms,
    article_id,
    edge_props,
    node_props,
)
from loaders.provenance import NodeProvenance, combine, fact_key
from loaders.shacl import Shape, Violation, compile_shapes
from loaders.sources import SourceSet, read_sources
from loaders.terms import TYPE, Term, is_iri
from loaders.validation import check_articles, check_evidence, check_terms
from ontology.vocabulary import SHAPES_PATH, SMEKG, Vocabulary, load_vocabulary, local_name

SMEKG_NS = str(SMEKG)
STORED_GRAPH = "urn:smekg:stored"  # the graph's state around the change, as RDF, for the shapes
PLACEHOLDER = "urn:smekg:stored:"  # stands for stored relationship targets a shape only counts
SAMPLE = 20  # sources named when a node or relationship is still used by others


class OutOfSync(Exception):
    """The graph and data/ disagree (a file changed by hand, or a load that did not finish)."""


@dataclass
class StoredNode:
    iri: str
    labels: frozenset[str]
    prov_json: str | None
    source_count: int
    sources: list[str]  # the first SAMPLE of them

    @property
    def prov(self) -> NodeProvenance:
        return NodeProvenance.from_json(self.prov_json)


@dataclass
class StoredEdge:
    key: EdgeKey
    source_count: int
    sources: list[str]
    scalars: dict[str, Any]  # single-valued qualifiers as stored (dates as ISO text)
    scalar_counts: dict[str, int]


@dataclass
class StoreState:
    """What the change needs to know about the graph (read by the service layer)."""

    version: str
    node_count: int
    edge_count: int
    nodes: dict[str, StoredNode] = field(default_factory=dict)
    edges: dict[EdgeKey, StoredEdge] = field(default_factory=dict)
    # (node, property) -> the stored targets of its relationships of that type, with their labels
    targets: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    # (node, property) -> the stored sources of relationships of that type to it, with their labels
    incoming: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = field(default_factory=dict)


@dataclass
class Delta:
    """Everything the change writes, as rows for one Cypher statement (loaders.delta)."""

    expected_version: str
    version: str
    loaded_at: str
    files_add: list[str]
    files_remove: list[str]
    node_delta: int
    edge_delta: int
    date_keys: set[str]
    new_nodes: list[NodeRow] = field(default_factory=list)
    deleted_nodes: list[str] = field(default_factory=list)
    # (iri, props with _prov, sources to add, sources to remove): properties rewritten
    set_nodes: list[tuple[str, dict[str, Any], list[str], list[str]]] = field(default_factory=list)
    # (iri, _prov or None, sources to add, sources to remove): only bookkeeping and sources
    touch_nodes: list[tuple[str, str | None, list[str], list[str]]] = field(default_factory=list)
    labels: list[tuple[str, list[str], list[str]]] = field(default_factory=list)  # iri, +, -
    new_edges: list[EdgeRow] = field(default_factory=list)
    deleted_edges: list[tuple[str, str, str]] = field(default_factory=list)  # s, type, o
    edge_sources: list[tuple[str, str, str, list[str], list[str]]] = field(default_factory=list)
    # key -> (s, type, o, values to add, values to take out) for multi-valued qualifiers
    edge_lists: dict[str, list[tuple[str, str, str, list[Any], list[Any]]]] = field(
        default_factory=dict
    )
    # key -> (s, type, o, change of count, value) for single-valued qualifiers
    edge_scalars: dict[str, list[tuple[str, str, str, int, Any]]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.version == self.expected_version and not (
            self.new_nodes or self.deleted_nodes or self.set_nodes or self.touch_nodes
        )


class Side:
    """The article files on one side of a change, each file's share counted on its own."""

    def __init__(self, sources: SourceSet, terms: Terms, ontology: Ontology, shown: dict[str, str]):
        self.sources = sources
        self.acc = Accumulator(terms)
        self.shown = shown
        self.candidates: dict[str, dict[str, str]] = {}  # graph -> IRI it refers to -> property
        self.evidence_iris: dict[str, set[str]] = {}  # graph -> IRIs it types as evidence nodes
        vocab = terms.vocab
        for name in sorted(sources.article_graphs):
            triples = sources.triples[name]
            typed: dict[str, set[str]] = {}
            for s, p, o in triples:
                if p == TYPE and type(o) is str:
                    typed.setdefault(s, set()).add(o)
            evidence = {
                s
                for s, types in typed.items()
                if is_iri(s) and vocab.is_reification({URIRef(t) for t in types})
            }
            found = {
                iri: p
                for iri, p in reference_candidates(triples).items()
                if iri not in ontology.term_types and iri not in evidence
            }
            self.candidates[name] = found
            self.evidence_iris[name] = evidence
            path = sources.files[name]
            self.acc.scan(
                name,
                triples,
                found,
                article=True,
                file=path.name,
                digest=sources.digests.get(name, ""),
                shown=shown.get(name, str(path)),
            )

    @property
    def graphs(self) -> list[str]:
        return sorted(self.sources.article_graphs)

    def ids(self) -> list[str]:
        return [article_id(name) for name in self.graphs]

    def nodes(self) -> set[str]:
        acc = self.acc
        return set(acc.types) | set(acc.facts) | set(acc.mentions)

    def mentions(self, iri: str) -> list[str]:
        return self.acc.mentions.get(iri, [])

    def graph_of(self, iri: str) -> str | None:
        """The (first) file of this side that refers to `iri`."""
        for name, found in self.candidates.items():
            if iri in found or iri == name:
                return name
        return None


@dataclass
class _EdgeMove:
    key: EdgeKey
    before: bool
    after: bool


class Change:
    """Adding `added` and taking out `removed` (article files), against a graph read into a StoreState."""

    def __init__(
        self,
        added: SourceSet,
        removed: SourceSet,
        shown: dict[str, str] | None = None,
        vocab: Vocabulary | None = None,
        shown_removed: dict[str, str] | None = None,
        locate: Callable[[str], Path | None] | None = None,
        references: Iterable[Path] = (),
    ):
        self.vocab = vocab or load_vocabulary()
        self.terms = Terms.of(self.vocab)
        self.ontology = load_ontology()
        self.add = Side(added, self.terms, self.ontology, shown or {})
        self.rem = Side(removed, self.terms, self.ontology, shown_removed or {})
        self.locate = locate  # article id -> its file in data/articles (names conflicting sources)
        self.references = list(references)  # data/*.ttl, also read to name conflicting sources
        self.before: dict[str, NodeProvenance] = {}
        self.after: dict[str, NodeProvenance] = {}
        self.moves: dict[EdgeKey, _EdgeMove] = {}
        self.state: StoreState | None = None
        self._exists: dict[str, bool] = {}  # after settle: does the node exist after the change

    # -- what to read ----------------------------------------------------------------------------
    def node_iris(self) -> list[str]:
        return sorted(self.add.nodes() | self.rem.nodes())

    def edge_keys(self) -> list[tuple[str, str, str]]:
        """(subject, relationship type, object) of every relationship the files state."""
        keys = set(self.add.acc.edges) | set(self.rem.acc.edges)
        return [(s, self.terms.edge_types[p], o) for s, p, o in sorted(keys)]

    # -- counting ----------------------------------------------------------------------------------
    def settle(self, state: StoreState) -> None:
        """The bookkeeping of every touched node and relationship after the change."""
        self.state = state
        add, rem = self.add.acc, self.rem.acc
        for iri in self.node_iris():
            stored = state.nodes.get(iri)
            before = stored.prov if stored else NodeProvenance()
            after = before.copy()
            for side, sign in ((rem, -1), (add, 1)):
                for t, n in side.types.get(iri, {}).items():
                    after.types[t] += sign * n
                for (p, o), n in side.facts.get(iri, {}).items():
                    after.facts[fact_key(p, o)] += sign * n
                if iri in side.files:
                    after.file, after.digest = side.files[iri] if sign > 0 else (None, None)
            self.before[iri], self.after[iri] = before, after
        for iri in self.rem.nodes():
            if iri not in state.nodes:
                raise OutOfSync(
                    f"<{iri}>, stated by an article being taken out, is not in the graph"
                )
        for key in set(add.edges) | set(rem.edges):
            stored_edge = state.edges.get(key)
            count = stored_edge.source_count if stored_edge else 0
            taken = len(rem.edges[key].sources) if key in rem.edges else 0
            if taken and stored_edge is None:
                raise OutOfSync(
                    f"the relationship {key} of an article being taken out is not stored"
                )
            given = len(add.edges[key].sources) if key in add.edges else 0
            move = _EdgeMove(key, stored_edge is not None, count - taken + given > 0)
            self.moves[key] = move
            if move.before != move.after:
                step = 1 if move.after else -1
                subject, prop, target = key
                self.after[subject].out[prop] += step
                self.after[target].into[prop] += step

    def exists_after(self, iri: str) -> bool:
        known = self._exists.get(iri)
        if known is not None:
            return known
        after = self.after.get(iri)
        if after is None:
            return self.state is not None and iri in self.state.nodes
        types = after.live_types()
        known = self._exists[iri] = bool(types) and not self.vocab.is_reification(
            {URIRef(t) for t in types}
        )
        return known

    def exists_before(self, iri: str) -> bool:
        return self.state is not None and iri in self.state.nodes

    def source_count_after(self, iri: str) -> int:
        assert self.state is not None
        stored = self.state.nodes.get(iri)
        count = stored.source_count if stored else 0
        return count - len(self.rem.mentions(iri)) + len(self.add.mentions(iri))

    def others(self, iri: str) -> list[str]:
        """A sample of the articles, other than those taken out, that mention `iri`."""
        assert self.state is not None
        stored = self.state.nodes.get(iri)
        gone = set(self.rem.ids())
        return [s for s in (stored.sources if stored else []) if s not in gone]

    # -- what else to read -----------------------------------------------------------------------
    def target_reads(self) -> list[tuple[str, str]]:
        """(node, relationship type) whose stored targets a shape needs with their types."""
        wanted = targets_needed()
        reads = set()
        for iri, before in self.before.items():
            if self.exists_after(iri):
                for p, n in before.out.items():
                    if n > 0 and p in wanted:
                        reads.add((iri, p))
        return sorted(reads)

    def incoming_reads(self) -> list[tuple[str, str]]:
        """(node, relationship type): a node that loses a type, and the sources whose shapes check it."""
        wanted = targets_needed()
        reads = set()
        for iri, before in self.before.items():
            after = self.after[iri]
            if before.live_types() - after.live_types() and self.exists_after(iri):
                for p, n in after.into.items():
                    if n > 0 and p in wanted:
                        reads.add((iri, p))
        return sorted(reads)

    # -- checks ------------------------------------------------------------------------------------
    def check(self) -> list[Problem]:
        """Every reason to refuse the change; an empty list means it may be applied."""
        assert self.state is not None
        problems = self._file_checks()
        problems += self._references()
        problems += self._orphans()
        conflicts = self._conflicts()
        problems += conflicts
        if problems:
            return _unique(problems)
        problems += self._shapes({(p.focus, p.field) for p in conflicts})
        return _unique(problems)

    def _file_checks(self) -> list[Problem]:
        sources = self.add.sources
        problems = check_terms(sources, self.vocab) + check_evidence(sources, self.vocab)
        problems += check_articles(sources)
        problems += self.add.acc.conflicts
        return [self._shown(p) for p in problems]

    def _shown(self, problem: Problem) -> Problem:
        for name, path in self.add.sources.files.items():
            if problem.file == str(path):
                shown = self.add.shown.get(name, problem.file)
                return Problem(shown, problem.message, problem.focus, problem.field, problem.line)
        return problem

    def _file(self, name: str, removed: bool = False) -> str:
        side = self.rem if removed or name not in self.add.sources.files else self.add
        return side.shown.get(name, str(side.sources.files[name]))

    def _references(self) -> list[Problem]:
        problems = []
        for name, found in self.add.candidates.items():
            for iri, predicate in found.items():
                if not self.exists_after(iri):
                    problems.append(
                        Problem(self._file(name), UNTYPED.format(iri=iri), iri, predicate)
                    )
            for iri in sorted(self.add.evidence_iris[name]):
                if self.exists_before(iri):
                    problems.append(
                        Problem(
                            self._file(name),
                            f"<{iri}> is an entity in the graph; it cannot also be an evidence node",
                            iri,
                            "rdf:type",
                        )
                    )
        return problems

    def _orphans(self) -> list[Problem]:
        """Nodes the change leaves without a type while other sources still use them."""
        problems = []
        for iri in self.node_iris():
            if not self.exists_before(iri) or self.exists_after(iri):
                continue
            after = self.after[iri]
            users = self.others(iri)
            remaining = self.source_count_after(iri)
            described = any(n > 0 for n in after.facts.values())
            if remaining > 0 or described:
                who = ", ".join(users) or "data/entities.ttl"
                name = self.rem.graph_of(iri) or (self.rem.graphs or [""])[0]
                problems.append(
                    Problem(
                        self._file(name, removed=True) if name else "(change)",
                        f"the article(s) taken out are the only ones that type <{iri}>, which "
                        f"{remaining or 'a reference file'} other source(s) still refer to "
                        f"(e.g. {who}); type it there first",
                        iri,
                        "rdf:type",
                    )
                )
        return problems

    def _conflicts(self) -> list[Problem]:
        assert self.state is not None
        problems = []
        terms = self.terms
        for iri, add_facts in self.add.acc.facts.items():
            if not self.exists_after(iri):
                continue
            values: dict[str, dict[Any, None]] = {}
            for p, lit in self.after[iri].live_facts():
                if p in terms.scalar_predicates:
                    key = terms.literal_key(p, lit)
                    if key in terms.scalar_keys:
                        values.setdefault(key, {})[terms.literal_value(key, lit)] = None
            new: dict[str, set[Any]] = {}
            for p, lit in add_facts:
                key = terms.literal_key(p, lit)
                if key in values:
                    new.setdefault(key, set()).add(terms.literal_value(key, lit))
            for key, found in values.items():
                if len(found) < 2 or key not in new:
                    continue
                old = [v for v in found if v not in new[key]]
                if not old:
                    continue  # two values within the new files: reported by their own check
                name = self.add.graph_of(iri) or self.add.graphs[0]
                problems.append(
                    Problem(
                        self._file(name),
                        f"{key} {sorted(new[key], key=str)[0]!r} conflicts with {old[0]!r} "
                        f"already in the graph, stated by {self._stated_by(iri, key, old[0])}; "
                        "a single-valued property keeps one value",
                        iri,
                        key,
                    )
                )
        for edge, share in self.add.acc.edges.items():
            stored_edge = self.state.edges.get(edge)
            if stored_edge is None:
                continue
            taken = self.rem.acc.edges.get(edge)
            for qualifier, counts in share.values.items():
                if qualifier not in terms.scalar_keys or qualifier not in stored_edge.scalars:
                    continue
                loaded = stored_edge.scalars[qualifier]
                left = stored_edge.scalar_counts.get(qualifier, 1)
                if taken is not None:
                    left -= taken.values.get(qualifier, {}).get(loaded, 0)
                clash = [v for v in counts if v != loaded]
                if left > 0 and clash:
                    name = self.add.graph_of(edge[0]) or self.add.graphs[0]
                    gone = self.rem.ids()
                    by = ", ".join(s for s in stored_edge.sources if s not in gone)
                    problems.append(
                        Problem(
                            self._file(name),
                            f"{qualifier} {clash[0]!r} of the relationship {local_name(edge[1])} "
                            f"to <{edge[2]}> conflicts with {loaded!r} already in the graph, stated "
                            f"by {by or 'another article'}; a single-valued qualifier keeps one "
                            "value",
                            edge[0],
                            qualifier,
                        )
                    )
        return problems

    def _stated_by(self, iri: str, key: str, value: Any) -> str:
        """Which sources state `value` for `key` of `iri`: the reference files and (a sample of) the
        articles that mention it, read again; if none is found, the articles that mention it."""
        candidates = self.others(iri)
        found = [
            path.name for path in self.references if _states(path, iri, key, value, self.terms)
        ]
        if self.locate is not None:
            for source in candidates:
                path = self.locate(source)
                if path is not None and _states(path, iri, key, value, self.terms):
                    found.append(source)
        if found:
            return ", ".join(found)
        return "a source among " + (", ".join(candidates) or "the reference files")

    def _shapes(self, skip: set[tuple[str, str]]) -> list[Problem]:
        """The SHACL shapes over the touched nodes' state after the change, and the new files."""
        assert self.state is not None
        state = self.state
        wanted = targets_needed()
        triples: list[tuple[str, str, Term]] = []
        checked: set[Term] = set()
        new_out: Counter[tuple[str, str]] = Counter(
            (s, p) for s, p, _o in self.add.acc.edges if self.moves[(s, p, _o)].after
        )
        deleted = {key for key, move in self.moves.items() if move.before and not move.after}
        for iri, after in self.after.items():
            if not self.exists_after(iri):
                continue
            checked.add(iri)
            triples.extend((iri, TYPE, t) for t in after.live_types())
            triples.extend((iri, p, lit) for p, lit in after.live_facts())
            for p, n in after.out.items():
                if n <= new_out[(iri, p)]:
                    continue
                if p in wanted:
                    for target, labels in state.targets.get((iri, p), []):
                        if (iri, p, target) in deleted:
                            continue
                        triples.append((iri, p, target))
                        if target not in self.after:
                            triples.extend((target, TYPE, c) for c in self._classes(labels))
                else:
                    triples.append((iri, p, f"{PLACEHOLDER}{len(triples)}"))
        value_checks: set[tuple[str, str, str]] = set()
        for (iri, p), users in state.incoming.items():
            for source, labels in users:
                if source in self.after:
                    continue
                triples.append((source, p, iri))
                triples.extend((source, TYPE, c) for c in self._classes(labels))
                value_checks.add((source, p, iri))
        sources = SourceSet()
        for name in self.add.graphs:
            sources.triples[name] = self.add.sources.triples[name]
            sources.files[name] = self.add.sources.files[name]
            checked.update(s for s, _p, _o in sources.triples[name])
        sources.triples[STORED_GRAPH] = triples
        index = build_index(sources, self.ontology)
        for iri, after in self.after.items():
            if self.exists_after(iri):
                for p, n in after.into.items():
                    if n > 0:
                        for cls in self.ontology.range.get(p, ()):
                            index.types.setdefault(iri, set()).add(cls)
                        index.typed_in_data.add(iri)
        problems = []
        for violation in compile_shapes(SHAPES_PATH).validate(index):
            focus = violation.focus
            if focus in checked:
                if any((str(focus), key) in skip for key in _keys_of(violation.path, self.terms)):
                    continue
                problems.append(self._shape_problem(violation))
            elif (str(focus), violation.path, str(violation.value)) in value_checks:
                problems.append(self._shape_problem(violation, incoming=True))
        return problems

    def _classes(self, labels: Iterable[str]) -> list[str]:
        names = {info.name for info in self.vocab.classes.values()}
        return [SMEKG_NS + label for label in labels if label in names]

    def _shape_problem(self, violation: Violation, incoming: bool = False) -> Problem:
        focus = str(violation.focus)
        message = violation.message or "violates a SHACL shape"
        if violation.value is not None:
            value = violation.value
            message += f" (value: {value.value if isinstance(value, Literal) else value})"
        name = self.add.graph_of(focus) if not incoming else None
        if name is None:
            for graph in self.add.graphs:
                if any(s == focus for s, _p, _o in self.add.sources.triples[graph]):
                    name = graph
                    break
        if name is not None:
            return Problem(self._file(name), message, _show(violation.focus), violation.path)
        removed = self.rem.graph_of(focus) or next(iter(self.rem.graphs), None)
        users = ", ".join(self.others(focus)) if focus in self.after else ""
        if removed is None:
            return Problem("(change)", message, focus, violation.path)
        return Problem(
            self._file(removed, removed=True),
            (f"still used by {users}; " if users else "")
            + f"taking out {', '.join(self.rem.ids())} would leave this node invalid: {message}",
            focus,
            violation.path,
        )

    # -- the delta ---------------------------------------------------------------------------------
    def delta(self, now: dt.datetime | None = None) -> Delta:
        """What to write (call after `check` found nothing)."""
        assert self.state is not None
        state, terms = self.state, self.terms
        when = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="milliseconds")
        add_digests = [self.add.sources.digests[n] for n in self.add.graphs]
        removed_files, removed_digests = [], []
        for name in self.rem.graphs:
            removed_files.append(self.rem.sources.files[name].name)
            removed_digests.append(self.rem.sources.digests[name])
        delta = Delta(
            expected_version=state.version,
            version=combine([state.version, *add_digests, *removed_digests]),
            loaded_at=when,
            files_add=[self.add.sources.files[n].name for n in self.add.graphs],
            files_remove=removed_files,
            node_delta=0,
            edge_delta=0,
            date_keys=terms.date_keys,
        )
        added_ids, removed_ids = set(self.add.ids()), set(self.rem.ids())
        for iri in self.node_iris():
            before, after = self.before[iri], self.after[iri]
            src_add = sorted(set(self.add.mentions(iri)) - set(self.rem.mentions(iri)))
            src_rem = sorted(set(self.rem.mentions(iri)) - set(self.add.mentions(iri)))
            exists_before, exists_after = self.exists_before(iri), self.exists_after(iri)
            if not exists_after:
                if exists_before:
                    delta.deleted_nodes.append(iri)
                    delta.node_delta -= 1
                continue
            prov = after.to_json()
            if not exists_before:
                labels, props = node_props(iri, after.live_types(), after.live_facts(), terms)
                if src_add:
                    props["sources"] = src_add
                delta.new_nodes.append(NodeRow(iri, labels, props, {"_prov": prov}))
                delta.node_delta += 1
                continue
            stored = state.nodes[iri]
            if _same_statements(before, after):  # names and types as they were: only counts moved
                if prov != stored.prov_json or src_add or src_rem:
                    changed = prov if prov != stored.prov_json else None
                    delta.touch_nodes.append((iri, changed, src_add, src_rem))
                continue
            labels, props = node_props(iri, after.live_types(), after.live_facts(), terms)
            _old_labels, old_props = node_props(
                iri, before.live_types(), before.live_facts(), terms
            )
            if set(labels) != set(stored.labels):
                delta.labels.append(
                    (
                        iri,
                        sorted(set(labels) - stored.labels),
                        sorted(stored.labels - set(labels)),
                    )
                )
            if props != old_props:
                delta.set_nodes.append((iri, {**props, "_prov": prov}, src_add, src_rem))
            elif prov != stored.prov_json or src_add or src_rem:
                changed = prov if prov != stored.prov_json else None
                delta.touch_nodes.append((iri, changed, src_add, src_rem))
        for key, move in sorted(self.moves.items()):
            s, p, o = key
            edge_type = terms.edge_types[p]
            share, taken = self.add.acc.edges.get(key), self.rem.acc.edges.get(key)
            if not move.after:
                if move.before:
                    delta.deleted_edges.append((s, edge_type, o))
                    delta.edge_delta -= 1
                continue
            if not move.before:
                assert share is not None
                props, internal = edge_props(share.sources, share.values, terms)
                delta.new_edges.append(EdgeRow(s, o, edge_type, props, internal))
                delta.edge_delta += 1
                continue
            given = set(share.sources) if share else set()
            gone = set(taken.sources) if taken else set()
            if given - gone or gone - given:
                delta.edge_sources.append(
                    (s, edge_type, o, sorted(given - gone), sorted(gone - given))
                )
            net: dict[str, Counter[Any]] = {}
            for side, sign in ((share, 1), (taken, -1)):
                if side is None:
                    continue
                for qualifier, counts in side.values.items():
                    bucket = net.setdefault(qualifier, Counter())
                    for value, n in counts.items():
                        bucket[value] += sign * n
            for qualifier, bucket in sorted(net.items()):
                if qualifier in terms.scalar_keys:
                    change = sum(bucket.values())
                    if change:
                        value = next((v for v, n in bucket.items() if n > 0), None)
                        if value is None:
                            value = next(iter(bucket))
                        delta.edge_scalars.setdefault(qualifier, []).append(
                            (s, edge_type, o, change, value)
                        )
                    continue
                plus = [
                    v for v, n in sorted(bucket.items(), key=_by_text) for _ in range(max(n, 0))
                ]
                minus = [
                    v for v, n in sorted(bucket.items(), key=_by_text) for _ in range(-min(n, 0))
                ]
                if plus or minus:
                    for value in plus + minus:
                        if not isinstance(value, str):
                            raise OutOfSync(
                                f"the multi-valued qualifier {qualifier} holds {value!r}, which the "
                                "graph cannot keep in text order incrementally; run `smekg load`"
                            )
                    delta.edge_lists.setdefault(qualifier, []).append(
                        (s, edge_type, o, plus, minus)
                    )
        assert added_ids or removed_ids
        return delta


# -- helpers ---------------------------------------------------------------------------------------
def _same_statements(before: NodeProvenance, after: NodeProvenance) -> bool:
    """Do the same types and literals hold before and after (whatever their counts)?"""
    return before.live_types() == after.live_types() and {
        k for k, n in before.facts.items() if n > 0
    } == {k for k, n in after.facts.items() if n > 0}


def _by_text(item: tuple[Any, int]) -> str:
    return str(item[0])


def _keys_of(path: str, terms: Terms) -> set[str]:
    """The property keys a SHACL path maps to (a prefLabel is either name)."""
    if path == PREF_LABEL:
        return {"name_ko", "name_en"}
    return {terms.key(path)} if path else set()


def _show(term: Term) -> str:
    return term.value if isinstance(term, Literal) else str(term)


def _unique(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.focus, p.field, p.message))


def _states(path: Path, iri: str, key: str, value: Any, terms: Terms) -> bool:
    """Does the article file at `path` state `value` for property `key` of `iri`?"""
    try:
        sources = read_sources([path])
    except Exception:
        return False
    for triples in sources.triples.values():
        for s, p, o in triples:
            if (
                s == iri
                and isinstance(o, Literal)
                and terms.literal_key(p, o) == key
                and terms.literal_value(key, o) == value
            ):
                return True
    return False


@lru_cache(maxsize=2)
def _shapes_by_path(path: Path) -> dict[str, list[Shape]]:
    found: dict[str, list[Shape]] = {}
    for shape in compile_shapes(path).every:
        if shape.path:
            found.setdefault(shape.path, []).append(shape)
    return found


@lru_cache(maxsize=1)
def targets_needed() -> frozenset[str]:
    """Relationship types whose targets' types a shape checks beyond what the property's range gives
    them (e.g. smekg:memberOf: an Organization or an EventSeries): for these the checks in context
    read the real targets; for the others a stand-in typed by the range is enough."""
    vocab = load_vocabulary()
    ontology = load_ontology()
    needed = set()
    by_path = _shapes_by_path(SHAPES_PATH)
    for prop in vocab.object_properties:
        p = str(prop)
        index = DataIndex()
        stand_in = PLACEHOLDER + "check"
        index.types[stand_in] = set(ontology.range.get(p, ()))
        index.typed_in_data.add(stand_in)
        for shape in by_path.get(p, []):
            if shape.properties or not all(
                check(index, stand_in) for _, check in shape.value_checks
            ):
                needed.add(p)
    return frozenset(needed)


def count_constraints_on_relationships() -> list[str]:
    """Shapes that count a node's relationships of a type beyond "at least one" (the checks in context
    give each touched node's stored relationships of a type as one stand-in, which only this allows)."""
    vocab = load_vocabulary()
    properties = {str(p) for p in vocab.object_properties}
    found = []
    for path, shapes in _shapes_by_path(SHAPES_PATH).items():
        if path not in properties:
            continue
        for shape in shapes:
            names = {name for name, _ in shape.set_checks}
            if shape.max_count != float("inf") or shape.min_count > 1 or names - {"sh:minCount"}:
                found.append(f"{path}: {sorted(names)}")
    return found


__all__ = [
    "Change",
    "Delta",
    "OutOfSync",
    "StoreState",
    "StoredEdge",
    "StoredNode",
    "targets_needed",
]
