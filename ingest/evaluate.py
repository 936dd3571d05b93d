"""`smekg eval`: score the extraction of the seed articles against their curated graphs, per fact kind.

Each seed is ingested with a gazetteer built from data/ *without* its own curated file (leave-one-out), so
the curated answer never leaks into the extraction. Matching rules are in ingest/README.md."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from ingest.decisions import load_decisions
from ingest.gazetteer import from_files
from ingest.hangul import nfc, squash
from ingest.pipeline import analyse, base_files, validate
from ingest.resolve import Resolver, similarity
from ingest.titles import title_from_post
from ontology.vocabulary import SMEKG, load_vocabulary

KINDS = [
    "person",
    "person-org-title",
    "organisation",
    "event",
    "participation",
    "agreement",
    "agreement-party",
    "amount",
]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
        }


def _names(union: Graph, node: Node) -> set[str]:
    return {
        squash(nfc(str(o)))
        for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
        for o in union.objects(node, p)
        if isinstance(o, Literal)
    }


def _pref(union: Graph, node: Node) -> str:
    return next(
        (
            nfc(str(o))
            for o in union.objects(node, SKOS.prefLabel)
            if getattr(o, "language", None) == "ko"
        ),
        "",
    )


def facts(graph: Graph, union: Graph) -> dict[str, list]:
    """Comparable facts of one article graph; names, post labels and dates are looked up in `union`."""
    vocab = load_vocabulary()

    def typed(cls: URIRef) -> list[URIRef]:
        subs = {c for c, sup in vocab.superclasses.items() if cls in sup} | {cls}
        return sorted(
            {s for c in subs for s in graph.subjects(RDF.type, c) if isinstance(s, URIRef)}
        )

    out: dict[str, list] = {k: [] for k in KINDS}
    people: dict[Node, tuple[str, set[str]]] = {
        p: (_pref(union, p), _names(union, p)) for p in typed(SMEKG.Person)
    }
    out["person"] = list(people.values())
    for person, post in graph.subject_objects(SMEKG.holdsPost):
        orgs = set(union.objects(post, SMEKG.postIn))
        org_names = {n for o in orgs for n in _names(union, o)}
        labels = [nfc(str(n)) for org in orgs for n in union.objects(org, SKOS.prefLabel)]
        title = title_from_post(_pref(union, post), labels + sorted(org_names))
        out["person-org-title"].append(
            (people.get(person, ("", set()))[1], {str(o) for o in orgs}, org_names, title)
        )
    out["organisation"] = [(str(o), _names(union, o)) for o in typed(SMEKG.Organization)]
    dates: dict[Node, Node | None] = {
        e: union.value(e, SMEKG.startDate) for e in typed(SMEKG.Event)
    }
    out["event"] = [(str(d), _pref(union, e)) for e, d in dates.items() if d is not None]
    for person, event in graph.subject_objects(SMEKG.participatedIn):
        if person in people and dates.get(event) is not None:
            out["participation"].append((people[person][1], str(dates[event])))
    for agreement in typed(SMEKG.Agreement):
        parties = list(graph.objects(agreement, SMEKG.party))
        out["agreement"].append([(str(p), _names(union, p)) for p in parties])
    amounts = [union.value(b, SMEKG.amount) for b in typed(SMEKG.Budget)]
    out["amount"] = [int(a.toPython()) for a in amounts if isinstance(a, Literal)]
    return out


def _match(pred: list[Any], gold: list[Any], same: Callable[[Any, Any], bool]) -> Score:
    score, left = Score(), list(gold)
    for item in pred:
        hit = next((g for g in left if same(item, g)), None)
        if hit is None:
            score.fp += 1
            score.extras.append(item)
        else:
            score.tp += 1
            left.remove(hit)
    score.fn, score.misses = len(left), left
    return score


def _party(a: tuple[str, set[str]], b: tuple[str, set[str]]) -> bool:
    return a[0] == b[0] or bool(a[1] & b[1])


def compare(pred: dict, gold: dict) -> dict[str, Score]:
    scores = {
        "person": _match(
            pred["person"], gold["person"], lambda p, g: bool(p[1] & g[1]) and squash(p[0]) in g[1]
        ),
        "person-org-title": _match(
            pred["person-org-title"],
            gold["person-org-title"],
            lambda p, g: bool(p[0] & g[0]) and p[3] == g[3] and bool(p[1] & g[1] or p[2] & g[2]),
        ),
        "organisation": _match(
            pred["organisation"],
            gold["organisation"],
            lambda p, g: p[0] == g[0] or bool(p[1] & g[1]),
        ),
        "participation": _match(
            list({(frozenset(n), d) for n, d in pred["participation"]}),
            list({(frozenset(n), d) for n, d in gold["participation"]}),
            lambda p, g: p[1] == g[1] and bool(p[0] & g[0]),
        ),
        "agreement": _match(
            pred["agreement"],
            gold["agreement"],
            lambda p, g: 2 * sum(any(_party(x, y) for x in p) for y in g) >= len(g),
        ),
        "agreement-party": _match(
            [x for a in pred["agreement"] for x in a],
            [y for a in gold["agreement"] for y in a],
            _party,
        ),
        "amount": _match(pred["amount"], gold["amount"], lambda p, g: p == g),
    }
    gold_events = gold["event"]
    scores["event"] = _match(
        sorted(pred["event"]),
        gold_events,
        lambda p, g: (
            p[0] == g[0]
            and (similarity(p[1], g[1]) >= 0.25 or sum(1 for x in gold_events if x[0] == g[0]) == 1)
        ),
    )
    return scores


def evaluate(
    seeds_dir: Path, data_dir: Path, decisions_path: Path | None = None, check: bool = True
) -> dict:
    data_dir = data_dir.resolve()
    decisions = load_decisions(decisions_path)
    union = _union(base_files(data_dir, set()))
    report: dict = {
        "articles": {},
        "totals": {},
        "rules": "see ingest/README.md",
        "mode": "leave-one-out gazetteer",
    }
    totals = {k: Score() for k in KINDS}
    for seed in sorted(seeds_dir.glob("*.txt")):
        gold_file = data_dir / "articles" / f"{seed.stem}.trig"
        if not gold_file.exists():
            continue
        started = time.time()
        index = from_files(base_files(data_dir, {seed.stem}))
        result = analyse(seed, index, Resolver(index, decisions))
        failures = validate([result], data_dir)[0] if check else {}
        gold = Dataset()
        gold.parse(gold_file, format="trig")
        gold_graph = next(g for g in gold.graphs() if len(g))
        pred_union = _union(base_files(data_dir, {seed.stem}))
        pred_graph = next(g for g in result.dataset.graphs() if len(g))
        for triple in pred_graph:
            pred_union.add(triple)
        scores = compare(facts(pred_graph, pred_union), facts(gold_graph, union))
        report["articles"][seed.stem] = {
            "valid": not failures,
            "seconds": round(time.time() - started, 1),
            "scores": {k: s.as_dict() for k, s in scores.items()},
            "missed": {k: [_show(x) for x in s.misses] for k, s in scores.items() if s.misses},
            "extra": {k: [_show(x) for x in s.extras] for k, s in scores.items() if s.extras},
        }
        for kind, score in scores.items():
            totals[kind].add(score)
    report["totals"] = {k: s.as_dict() for k, s in totals.items()}
    return report


def _union(files: list[Path]) -> Graph:
    from loaders.sources import read_sources

    return read_sources(files).union()


def _show(item: object) -> str:
    if isinstance(item, (set, frozenset)):
        return "/".join(sorted(item))
    if isinstance(item, (tuple, list)):
        return " | ".join(_show(x) for x in item)
    return str(item)


def write_report(report: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
