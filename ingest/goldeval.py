"""`smekg eval --gold FILE.json ARTICLES…`: score a batch ingest against any corpus annotated in the gold format
of `../shared/devset/` (entities with shared ids, facts with subject / predicate / object, qualifiers and a
verbatim `evidence`), one table per fact kind, with every miss and false find and the sentence it came from.

Persons, organisations, dated events and co-attendance pairs are computed exactly as the corpus's reference
scorer (`score.py`) computes them, on the same export-shaped JSON (`reference`); the other kinds are matched per
article (see ingest/README.md). Nothing here knows any article: the gold file and the texts are inputs."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

ORG_TYPES = {
    "GovernmentBody",
    "PublicAgency",
    "ResearchInstitute",
    "University",
    "Company",
    "Association",
    "ForeignPartner",
    "InternationalOrganization",
}
BYLINE = {"AUTHOR", "PHOTOGRAPHER", "CONTACT_FOR", "AFFILIATED_WITH"}
PARTICIPATION = {"attended", "spokeAt", "coChaired", "chaired", "signedAgreement"}
EVENT_LABELS = ("Event", "Forum", "Meeting", "Ceremony", "Conference")
# gold predicate → the participation roles of the ontology that say the same
ROLES = {
    "attended": {"attendee", "guest", "host", "co-host", "organizer"},
    "spokeAt": {"speaker", "keynote-speaker", "presenter", "panelist"},
    "chaired": {"chair"},
    "coChaired": {"co-chair"},
    "signedAgreement": {"signatory"},
}
KINDS = [
    "person",
    "person-title-org",
    "organisation",
    "event",
    "event-place",
    "participation",
    "pair",
    "agreement",
    "agreement-party",
]

Node = dict[str, Any]
Edge = dict[str, Any]


# ----- the reference scorer's definitions ---------------------------------------------------------------


def norm(s: object) -> str:
    """score.py's name key: NFC, lower case, no spaces or punctuation."""
    if not isinstance(s, str):
        return ""
    s = unicodedata.normalize("NFC", s).lower()
    return re.sub(r"[\s·ㆍ\.\-_'’‘\"“”()（）]", "", s)


def names_of(node: Node) -> set[str]:
    out: set[str] = set()
    for k in ("name_ko", "name_en", "name", "label", "prefLabel"):
        v = node.get(k)
        if isinstance(v, str):
            out.add(norm(v))
    for k in ("aliases", "altLabel", "names"):
        v = node.get(k) or []
        if isinstance(v, str):
            v = [v]
        out.update(norm(x) for x in v if isinstance(x, str))
    out.discard("")
    return out


def gold_names(e: dict[str, Any]) -> set[str]:
    out = {norm(e.get("name_ko")), norm(e.get("name_en"))} | {
        norm(a) for a in e.get("aliases") or []
    }
    out.discard("")
    return out


def has_label(node: Node, *wanted: str) -> bool:
    labels = node.get("labels") or [node.get("type")]
    found = {str(x) for x in labels if x}
    return any(any(w.lower() in label.lower() for label in found) for w in wanted)


def all_values(node: Node) -> Iterator[str]:
    for v in node.values():
        if isinstance(v, list):
            yield from (str(x) for x in v)
        else:
            yield str(v)


def _iri(node: Node) -> str:
    return str(node.get("iri") or node.get("id"))


@dataclass
class Reference:
    """What score.py computes, kept with the details the tables need."""

    persons_gold: int = 0
    persons_found: int = 0
    persons_scored: int = 0
    person_fp: list[Node] = field(default_factory=list)
    person_missing: list[dict[str, Any]] = field(default_factory=list)
    dupes: int = 0
    orgs_gold: int = 0
    orgs_found: int = 0
    org_missing: list[dict[str, Any]] = field(default_factory=list)
    dates_gold: set[str] = field(default_factory=set)
    dates_found: set[str] = field(default_factory=set)
    gold_pairs: set[frozenset[str]] = field(default_factory=set)
    project_pairs: set[frozenset[str]] = field(default_factory=set)
    unmapped_pairs: list[frozenset[str]] = field(default_factory=list)
    reporters_in_pairs: list[str] = field(default_factory=list)
    g2p: dict[str, set[str]] = field(default_factory=dict)

    @property
    def person_recall(self) -> float:
        return self.persons_found / max(1, self.persons_gold)

    @property
    def person_precision(self) -> float:
        return (self.persons_scored - len(self.person_fp)) / max(1, self.persons_scored)

    @property
    def org_recall(self) -> float:
        return self.orgs_found / max(1, self.orgs_gold)

    @property
    def event_recall(self) -> float:
        return len(self.dates_found) / max(1, len(self.dates_gold))

    @property
    def pair_tp(self) -> int:
        return len(self.gold_pairs & self.project_pairs)

    @property
    def pair_recall(self) -> float:
        return self.pair_tp / max(1, len(self.gold_pairs))

    @property
    def pair_precision(self) -> float:
        return self.pair_tp / max(1, len(self.project_pairs) + len(self.unmapped_pairs))

    def summary(self) -> str:
        """The last line score.py prints, character for character."""
        return (
            f"persons R={self.person_recall:.2f} P={self.person_precision:.2f} "
            f"orgs R={self.org_recall:.2f} events R={self.event_recall:.2f} "
            f"pairs R={self.pair_recall:.2f} P={self.pair_precision:.2f} "
            f"dupes={self.dupes} reporters_in_pairs={len(self.reporters_in_pairs)}"
        )


def reference(gold: dict[str, Any], export: dict[str, Any]) -> Reference:
    """Persons, organisations, dated events, pairs, dupes and reporters exactly as score.py scores them."""
    ref = Reference()
    nodes: list[Node] = export.get("nodes", [])
    edges: list[Edge] = export.get("edges", [])
    gents: list[dict[str, Any]] = gold["entities"]
    gperson = [e for e in gents if e["type"] == "Person"]
    gorg = [e for e in gents if e["type"] in ORG_TYPES]
    ppl = [n for n in nodes if has_label(n, "Person")]

    p_index: dict[str, list[str]] = defaultdict(list)
    for n in ppl:
        for nm in names_of(n):
            p_index[nm].append(_iri(n))
    for e in gperson:
        hits: set[str] = set()
        for nm in gold_names(e):
            hits.update(p_index.get(nm, []))
        if hits:
            ref.g2p[e["id"]] = hits
            if len(hits) > 1:
                ref.dupes += 1
    all_gold_pnames: set[str] = set().union(*(gold_names(e) for e in gperson)) if gperson else set()
    edge_types: dict[str, set[str]] = defaultdict(set)
    for ed in edges:
        for end in (ed.get("source"), ed.get("target")):
            edge_types[str(end)].add(str(ed.get("type", "")).upper())

    def byline_only(n: Node) -> bool:
        return edge_types[_iri(n)] <= BYLINE

    scored = [n for n in ppl if (names_of(n) & all_gold_pnames) or not byline_only(n)]
    ref.person_fp = [n for n in scored if not (names_of(n) & all_gold_pnames)]
    ref.persons_scored = len(scored)
    ref.persons_gold, ref.persons_found = len(gperson), len(ref.g2p)
    ref.person_missing = [e for e in gperson if e["id"] not in ref.g2p]

    all_names: dict[str, list[Node]] = defaultdict(list)
    for n in nodes:
        for nm in names_of(n):
            all_names[nm].append(n)
    hit = [e for e in gorg if any(nm in all_names for nm in gold_names(e))]
    ref.orgs_gold, ref.orgs_found = len(gorg), len(hit)
    ref.org_missing = [e for e in gorg if e not in hit]

    ref.dates_gold = {
        f["object"]
        for f in gold["facts"]
        if f["predicate"] == "heldOn" and isinstance(f["object"], str)
    }
    ev_nodes = [n for n in nodes if has_label(n, *EVENT_LABELS)]
    dated = ev_nodes + [n for n in nodes if has_label(n, "Agreement")]
    ref.dates_found = {
        d
        for d in ref.dates_gold
        if any(v.startswith(d.split("/")[0]) for n in dated for v in all_values(n))
    }

    gperson_ids = {e["id"] for e in gperson}
    by_id = {e["id"]: e for e in gents}
    g_event_people: dict[str, set[str]] = defaultdict(set)
    for f in gold["facts"]:
        if (
            f["predicate"] in PARTICIPATION
            and f["subject"] in gperson_ids
            and isinstance(f["object"], str)
        ):
            obj = by_id.get(f["object"])
            if obj and obj["type"] in ("Event", "Agreement"):
                g_event_people[f["object"]].add(f["subject"])
    for ps in g_event_people.values():
        ref.gold_pairs.update(frozenset(p) for p in combinations(sorted(ps), 2))
    p2g: dict[str, set[str]] = defaultdict(set)
    for gid, iris in ref.g2p.items():
        for iri in iris:
            p2g[iri].add(gid)
    ev_iris = {_iri(n) for n in ev_nodes}
    ag_iris = {_iri(n) for n in nodes if has_label(n, "Agreement")}
    person_iris = {_iri(n) for n in ppl}
    proj: dict[str, set[str]] = defaultdict(set)
    for ed in edges:
        s, t = str(ed.get("source")), str(ed.get("target"))
        if s in person_iris and (t in ev_iris or t in ag_iris):
            proj[t].add(s)
        elif t in person_iris and (s in ev_iris or s in ag_iris):
            proj[s].add(t)
    raw: set[frozenset[str]] = set()
    for ps in proj.values():
        raw.update(frozenset(p) for p in combinations(sorted(ps), 2))
    for pr in raw:
        a, b = tuple(pr)
        ga, gb = p2g.get(a), p2g.get(b)
        if not ga or not gb:
            ref.unmapped_pairs.append(pr)
            continue
        for x in ga:
            for y in gb:
                if x != y:
                    ref.project_pairs.add(frozenset((x, y)))
    reporters = {
        e["id"]
        for e in gperson
        if re.search(r"reporter|기자", (e.get("notes") or ""), re.I)
        and not any(e["id"] in ps for ps in g_event_people.values())
    }
    ref.reporters_in_pairs = sorted({x for pr in ref.project_pairs for x in pr if x in reporters})
    return ref


# ----- tables ------------------------------------------------------------------------------------------------


@dataclass
class Item:
    """One miss or false find: the article, what it is, and the sentence it came from."""

    article: str
    what: str
    sentence: str

    def as_dict(self) -> dict[str, str]:
        return {"article": self.article, "what": self.what, "sentence": self.sentence}


@dataclass
class KindScore:
    gold: int = 0
    predicted: int = 0
    tp: int = 0
    precision: float = 1.0
    recall: float = 1.0
    misses: list[Item] = field(default_factory=list)
    false: list[Item] = field(default_factory=list)
    note: str = ""

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "fp": len(self.false),
            "fn": len(self.misses),
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "note": self.note,
            "misses": [m.as_dict() for m in self.misses],
            "false_finds": [m.as_dict() for m in self.false],
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


class Texts:
    """The article texts (after the SOURCE/DATE header), to quote the sentence a fact came from."""

    def __init__(self, texts: dict[str, str]):
        self.texts = texts

    def sentence(self, article: str, needle: str) -> str:
        text = self.texts.get(article, "")
        needle = needle.strip()
        if not text or not needle:
            return needle
        at = text.find(needle)
        if at < 0:
            squashed = re.sub(r"\s+", "", needle)
            at = next((m.start() for m in re.finditer(re.escape(squashed[:6]), text)), -1)
            if at < 0:
                return needle[:300]
            needle = squashed[:6]
        start = max(text.rfind("\n", 0, at), _last_stop(text, at)) + 1
        stops = [i for i in (text.find("\n", at + len(needle)),) if i >= 0]
        stop = _next_stop(text, at + len(needle))
        end = min([*stops, stop]) if stop >= 0 else min(stops or [len(text)])
        return text[start:end].strip()[:400]

    def first(self, article: str, names: Iterable[str]) -> str:
        for name in names:
            if name and name in self.texts.get(article, ""):
                return self.sentence(article, name)
        return ""


def _last_stop(text: str, at: int) -> int:
    found = [m.end() - 1 for m in re.finditer(r"[.!?](?=\s)", text[:at])]
    return found[-1] if found else -1


def _next_stop(text: str, at: int) -> int:
    m = re.search(r"[.!?](?=\s|$)", text[at:])
    return at + m.end() if m else -1


class Scorer:
    """The per-kind tables for one gold corpus and one export of a batch ingest."""

    def __init__(
        self,
        gold: dict[str, Any],
        export: dict[str, Any],
        texts: dict[str, str],
        stems: dict[str, str],
    ):
        self.gold = gold
        self.export = export
        self.texts = Texts(texts)
        self.stems = stems  # gold article file → article id (stem) of the ingest
        self.batch = {self.stem(a["file"]) for a in gold["articles"]}
        self.entities: dict[str, dict[str, Any]] = {e["id"]: e for e in gold["entities"]}
        self.nodes: dict[str, Node] = {_iri(n): n for n in export.get("nodes", [])}
        self.edges: list[Edge] = export.get("edges", [])
        self.ref = reference(gold, export)
        self.article_of: dict[str, list[str]] = defaultdict(list)  # entity id → article ids
        for a in gold["articles"]:
            for eid in a.get("entity_ids") or []:
                self.article_of[eid].append(self.stem(a["file"]))
        self.heldon: dict[str, list[str]] = defaultdict(list)
        for f in gold["facts"]:
            if f["predicate"] == "heldOn" and isinstance(f["object"], str):
                self.heldon[f["subject"]].append(f["object"].split("/")[0])

    def stem(self, file: str) -> str:
        return self.stems.get(file, Path(file).stem)

    def facts(self, *predicates: str) -> Iterator[dict[str, Any]]:
        return (f for f in self.gold["facts"] if f["predicate"] in predicates)

    def edges_of(self, *types: str) -> Iterator[Edge]:
        return (e for e in self.edges if e.get("type") in types)

    def name(self, eid: str) -> str:
        e = self.entities.get(eid, {})
        return str(e.get("name_ko") or e.get("name_en") or eid)

    def node_name(self, iri: str) -> str:
        n = self.nodes.get(iri, {})
        return str(n.get("name_ko") or n.get("name_en") or iri.rsplit("/", 1)[-1])

    def evidence(self, fact: dict[str, Any]) -> str:
        return self.texts.sentence(self.stem(fact["source"]), fact.get("evidence") or "")

    def edge_sentence(self, edge: Edge) -> str:
        article = (edge.get("sources") or [""])[0]
        quote = (edge.get("evidence") or [""])[0]
        return self.texts.sentence(article, quote) if quote else ""

    def node_sentence(self, node: Node) -> tuple[str, str]:
        iri = _iri(node)
        for edge in self.edges:
            if iri in (edge.get("source"), edge.get("target")) and edge.get("evidence"):
                return (edge.get("sources") or [""])[0], self.edge_sentence(edge)
        article = (node.get("sources") or [""])[0]
        return article, self.texts.first(article, [node.get("name_ko") or ""])

    def gold_sentence(self, eid: str) -> tuple[str, str]:
        for f in self.gold["facts"]:
            if eid in (f["subject"], f["object"]) and f.get("evidence"):
                return self.stem(f["source"]), self.evidence(f)
        article = (self.article_of.get(eid) or [""])[0]
        e = self.entities.get(eid, {})
        return article, self.texts.first(article, [e.get("name_ko") or "", *e.get("aliases", [])])

    # ----- kinds computed as score.py computes them ------------------------------------------------
    def person(self) -> KindScore:
        r = self.ref
        s = KindScore(r.persons_gold, r.persons_scored, r.persons_found)
        s.precision, s.recall = r.person_precision, r.person_recall
        s.misses = [
            Item(a, self.name(e["id"]), sent)
            for e in r.person_missing
            for a, sent in [self.gold_sentence(e["id"])]
        ]
        s.false = [
            Item(article, str(n.get("name_ko") or n.get("name_en")), sentence)
            for n in r.person_fp
            for article, sentence in [self.node_sentence(n)]
        ]
        s.note = "as score.py: recall by name or alias; bylines left out of precision"
        return s

    def organisation(self) -> KindScore:
        r = self.ref
        gorg_names = [
            gold_names(e)
            for e in self.gold["entities"]
            if e["type"] in ORG_TYPES or e["type"] in ("Committee", "Program")
        ]
        all_gold = set().union(*gorg_names) if gorg_names else set()
        types: dict[str, set[str]] = defaultdict(set)
        for e in self.edges:
            types[str(e.get("source"))].add(str(e.get("type")))
            types[str(e.get("target"))].add(str(e.get("type")))
        units = {
            str(e["source"])
            for e in self.edges_of("SUB_ORGANIZATION_OF")
            if has_label(
                self.nodes.get(str(e["source"]), {}), "OrganizationalUnit", "GovernmentUnit"
            )
        }
        orgs = [
            n
            for n in self.nodes.values()
            if has_label(n, "Organization")
            and not types[_iri(n)] <= {"PUBLISHER", "AFFILIATED_WITH"}
            and _iri(n) not in units
            and self.batch & set(n.get("sources") or [])
        ]
        false = [n for n in orgs if not names_of(n) & all_gold]
        s = KindScore(r.orgs_gold, len(orgs), r.orgs_found)
        s.recall = r.org_recall
        s.precision = _ratio(len(orgs) - len(false), len(orgs))
        s.misses = [
            Item(a, self.name(e["id"]), sent)
            for e in r.org_missing
            for a, sent in [self.gold_sentence(e["id"])]
        ]
        s.false = [
            Item(a, self.node_name(_iri(n)), sent)
            for n in false
            for a, sent in [self.node_sentence(n)]
        ]
        s.note = (
            "recall as score.py (any node, any name or alias); precision: organisation nodes of the "
            "batch named like no gold organisation, committee or programme (outlets and departments "
            "of an organisation left out: the gold does not annotate them)"
        )
        return s

    def event(self) -> KindScore:
        r = self.ref
        article_dates: dict[str, set[str]] = defaultdict(set)
        for f in self.facts("heldOn"):
            if isinstance(f["object"], str):
                article_dates[self.stem(f["source"])].add(f["object"].split("/")[0])
        dated = [
            n
            for n in self.nodes.values()
            if (has_label(n, *EVENT_LABELS) or has_label(n, "Agreement")) and n.get("start_date")
        ]
        false = [
            n
            for n in dated
            if not any(
                str(n["start_date"]).startswith(d) or d.startswith(str(n["start_date"]))
                for a in n.get("sources") or []
                for d in article_dates.get(a, set())
            )
        ]
        s = KindScore(len(r.dates_gold), len(dated), len(r.dates_found))
        s.recall = r.event_recall
        s.precision = _ratio(len(dated) - len(false), len(dated))
        for d in sorted(r.dates_gold - r.dates_found):
            fact = next(
                f for f in self.facts("heldOn") if isinstance(f["object"], str) and f["object"] == d
            )
            s.misses.append(
                Item(
                    self.stem(fact["source"]),
                    f"{self.name(fact['subject'])} ({d})",
                    self.evidence(fact),
                )
            )
        for n in false:
            article, sentence = self.node_sentence(n)
            s.false.append(
                Item(article, f"{self.node_name(_iri(n))} ({n['start_date']})", sentence)
            )
        s.note = (
            "recall as score.py (each gold date on some event or agreement node); precision: dated "
            "event/agreement nodes whose date is no gold event date of their article"
        )
        return s

    def pair(self) -> KindScore:
        r = self.ref
        s = KindScore(len(r.gold_pairs), len(r.project_pairs) + len(r.unmapped_pairs), r.pair_tp)
        s.recall, s.precision = r.pair_recall, r.pair_precision
        for pr in sorted(r.gold_pairs - r.project_pairs, key=sorted):
            a, b = sorted(pr)
            article = next(iter(set(self.article_of[a]) & set(self.article_of[b])), "")
            s.misses.append(Item(article, f"{self.name(a)} + {self.name(b)}", ""))
        for pr in sorted(r.project_pairs - r.gold_pairs, key=sorted):
            a, b = sorted(pr)
            s.false.append(Item("", f"{self.name(a)} + {self.name(b)}", ""))
        for pr in r.unmapped_pairs:
            a, b = sorted(pr)
            s.false.append(
                Item("", f"{self.node_name(a)} + {self.node_name(b)} (not gold people)", "")
            )
        s.note = "as score.py: two people linked to the same event or agreement node"
        return s

    # ----- kinds matched per article -----------------------------------------------------------------------
    def _person_names(self, iri: str) -> set[str]:
        return names_of(self.nodes.get(iri, {}))

    def _org_names(self, iri: str) -> set[str]:
        names = set(names_of(self.nodes.get(iri, {})))
        for e in self.edges_of("SUB_ORGANIZATION_OF"):
            if e.get("source") == iri:
                names |= names_of(self.nodes.get(str(e.get("target")), {}))
        return names

    def person_title_org(self) -> KindScore:
        from ingest.titles import normalise_title, title_from_post

        gold: list[tuple[str, set[str], set[str], str, dict[str, Any]]] = []
        for f in self.facts("holdsPosition", "affiliatedWith"):
            if self.entities.get(f["subject"], {}).get("type") != "Person":
                continue
            written = (f.get("qualifiers") or {}).get("title_ko") or ""
            if not written:
                continue
            title = normalise_title(re.sub(r"\s*(직무대행|권한대행|직무대리|대행)$", "", written))
            org = self.entities.get(f["object"], {})
            gold.append(
                (
                    self.stem(f["source"]),
                    gold_names(self.entities[f["subject"]]),
                    gold_names(org),
                    title,
                    f,
                )
            )
        post_org: dict[str, list[str]] = defaultdict(list)
        for e in self.edges_of("POST_IN"):
            post_org[str(e["source"])].append(str(e["target"]))
        pred: list[tuple[str, set[str], set[str], str, Edge]] = []
        seen: set[tuple[str, str, frozenset[str], str]] = set()
        for e in self.edges_of("HOLDS_POST"):
            post = str(e["target"])
            orgs = post_org.get(post, [])
            org_names = set().union(*(self._org_names(o) for o in orgs)) if orgs else set()
            labels = [str(self.nodes.get(o, {}).get("name_ko") or "") for o in orgs]
            title = normalise_title(
                title_from_post(str(self.nodes.get(post, {}).get("name_ko") or ""), labels)
            )
            for article in e.get("sources") or []:
                key = (article, str(e["source"]), frozenset(org_names), title)
                if article in self.batch and key not in seen:
                    seen.add(key)
                    pred.append(
                        (article, self._person_names(str(e["source"])), org_names, title, e)
                    )

        def same(p: tuple[Any, ...], g: tuple[Any, ...]) -> bool:
            return (
                p[0] == g[0] and bool(p[1] & g[1]) and bool(p[2] & g[2]) and _same_title(p[3], g[3])
            )

        s, _, missed, false = self._match(pred, gold, same)
        s.misses = [
            Item(
                g[0],
                f"{self.name(g[4]['subject'])} — {g[3]} — {self.name(g[4]['object'])}",
                self.evidence(g[4]),
            )
            for g in missed
        ]
        s.false = [
            Item(
                p[0],
                f"{self.node_name(str(p[4]['source']))} — {p[3]} — {self.node_name(str(p[4]['target']))}",
                self.edge_sentence(p[4]),
            )
            for p in false
        ]
        s.note = (
            "same article, person name, organisation name (or its parent's) and normalised title"
        )
        return s

    def _event_dates(self, eid: str) -> set[str]:
        return set(self.heldon.get(eid, []))

    def event_place(self) -> KindScore:
        gold: list[tuple[str, set[str], set[str], dict[str, Any]]] = []
        for f in self.facts("hostedAt"):
            subject = self.entities.get(f["subject"], {})
            if subject.get("type") not in ("Event", "Agreement"):
                continue
            place = self.entities.get(f["object"], {})
            gold.append(
                (self.stem(f["source"]), self._event_dates(f["subject"]), gold_names(place), f)
            )
        pred: list[tuple[str, set[str], set[str], Edge]] = []
        for e in self.edges_of("HELD_AT"):
            event = self.nodes.get(str(e["source"]), {})
            dates = {str(event["start_date"])} if event.get("start_date") else set()
            for article in self.batch & set(e.get("sources") or []):
                pred.append((article, dates, names_of(self.nodes.get(str(e["target"]), {})), e))

        def same(p: tuple[Any, ...], g: tuple[Any, ...]) -> bool:
            dates_ok = not p[1] or not g[1] or bool(p[1] & g[1])
            return p[0] == g[0] and dates_ok and any(a in b or b in a for a in p[2] for b in g[2])

        s, _, missed, false = self._match(pred, gold, same)
        s.misses = [
            Item(
                g[0],
                f"{self.name(g[3]['subject'])} @ {self.name(g[3]['object'])}",
                self.evidence(g[3]),
            )
            for g in missed
        ]
        s.false = [
            Item(
                p[0],
                f"{self.node_name(str(p[3]['source']))} @ {self.node_name(str(p[3]['target']))}",
                self.edge_sentence(p[3]),
            )
            for p in false
        ]
        s.note = (
            "same article, same event date (when both are dated), one place name inside the other"
        )
        return s

    def participation(self) -> KindScore:
        gold_keys: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        gold_fact: dict[tuple[str, str, str], dict[str, Any]] = {}
        for f in self.facts(*PARTICIPATION):
            if self.entities.get(f["subject"], {}).get("type") != "Person":
                continue
            if self.entities.get(f["object"], {}).get("type") not in ("Event", "Agreement"):
                continue
            dates = sorted(self._event_dates(f["object"])) or [""]
            key = (self.stem(f["source"]), f["subject"], dates[0])
            gold_keys[key].add(f["predicate"])
            gold_fact.setdefault(key, f)
        gold = [
            (k[0], gold_names(self.entities[k[1]]), k[2], roles, gold_fact[k])
            for k, roles in gold_keys.items()
        ]
        pred_keys: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        pred_edge: dict[tuple[str, str, str], Edge] = {}
        for e in self.edges_of("PARTICIPATED_IN"):
            person = self.nodes.get(str(e["source"]), {})
            if not has_label(person, "Person"):
                continue
            event = self.nodes.get(str(e["target"]), {})
            for article in self.batch & set(e.get("sources") or []):
                key = (article, str(e["source"]), str(event.get("start_date") or ""))
                pred_keys[key].update(e.get("roles") or [])
                pred_edge.setdefault(key, e)
        pred = [
            (k[0], self._person_names(k[1]), k[2], roles, pred_edge[k])
            for k, roles in pred_keys.items()
        ]

        def same(p: tuple[Any, ...], g: tuple[Any, ...]) -> bool:
            return p[0] == g[0] and bool(p[1] & g[1]) and (not p[2] or not g[2] or p[2] == g[2])

        s, matched, missed, false = self._match(pred, gold, same)
        agree = sum(
            1
            for p, g in matched
            if any(r in ROLES.get(pred_, set()) for pred_ in g[3] for r in p[3])
        )
        s.misses = [
            Item(
                g[0],
                f"{self.name(g[4]['subject'])} → {self.name(g[4]['object'])} ({'/'.join(sorted(g[3]))})",
                self.evidence(g[4]),
            )
            for g in missed
        ]
        s.false = [
            Item(
                p[0],
                f"{self.node_name(str(p[4]['source']))} → "
                f"{self.node_name(str(p[4]['target']))} ({'/'.join(sorted(p[3]))})",
                self.edge_sentence(p[4]),
            )
            for p in false
        ]
        s.note = (
            f"same article, person name and event date; the role agrees for {agree} of {s.tp} "
            "(attended ~ attendee/guest/host, spokeAt ~ speaker/keynote/presenter/panelist, "
            "chaired ~ chair, signedAgreement ~ signatory)"
        )
        return s

    def agreements(self) -> tuple[KindScore, KindScore]:
        parties: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in self.facts("partyTo"):
            if self.entities.get(f["object"], {}).get("type") == "Agreement":
                parties[f["object"]].append(f)
        gold = [
            (
                self.stem(fs[0]["source"]),
                [gold_names(self.entities.get(f["subject"], {})) for f in fs],
                aid,
                fs,
            )
            for aid, fs in parties.items()
        ]
        pred_parties: dict[str, list[Edge]] = defaultdict(list)
        for e in self.edges_of("PARTY"):
            pred_parties[str(e["source"])].append(e)
        pred = [
            (article, [self._org_names(str(e["target"])) for e in es], iri, es)
            for iri, es in pred_parties.items()
            for article in sorted({a for e in es for a in e.get("sources") or []} & self.batch)
        ]

        def same(p: tuple[Any, ...], g: tuple[Any, ...]) -> bool:
            found = sum(1 for names in g[1] if any(names & x for x in p[1]))
            return p[0] == g[0] and 2 * found >= len(g[1])

        s, _, missed, false = self._match(pred, gold, same)
        s.misses = [
            Item(
                g[0],
                f"{self.name(g[2])}: {', '.join(self.name(f['subject']) for f in g[3])}",
                self.evidence(g[3][0]),
            )
            for g in missed
        ]
        s.false = [
            Item(
                p[0],
                f"{self.node_name(p[2])}: {', '.join(self.node_name(str(e['target'])) for e in p[3])}",
                self.edge_sentence(p[3][0]),
            )
            for p in false
        ]
        s.note = "same article and at least half of the gold parties among the predicted ones"
        gold_p = [(a, names, f) for a, ns, _, fs in gold for names, f in zip(ns, fs, strict=False)]
        pred_p = [(a, names, e) for a, ns, _, es in pred for names, e in zip(ns, es, strict=False)]
        unique_g = list({(g[0], frozenset(g[1])): g for g in gold_p}.values())
        unique_p = list({(p[0], frozenset(p[1])): p for p in pred_p}.values())
        t, _, missed, false = self._match(
            unique_p, unique_g, lambda p, g: p[0] == g[0] and bool(p[1] & g[1])
        )
        t.misses = [
            Item(
                g[0],
                f"{self.name(g[2]['subject'])} in {self.name(g[2]['object'])}",
                self.evidence(g[2]),
            )
            for g in missed
        ]
        t.false = [
            Item(
                p[0],
                f"{self.node_name(str(p[2]['target']))} in {self.node_name(str(p[2]['source']))}",
                self.edge_sentence(p[2]),
            )
            for p in false
        ]
        t.note = "distinct parties of the article's agreements, by name"
        return s, t

    @staticmethod
    def _match(
        pred: list[Any], gold: list[Any], same: Callable[[Any, Any], bool]
    ) -> tuple[KindScore, list[tuple[Any, Any]], list[Any], list[Any]]:
        """One-to-one greedy matching: (the score, the matched pairs, the gold items left, the predicted
        items matching none) — the callers turn the last two into misses and false finds."""
        left = list(gold)
        pairs: list[tuple[Any, Any]] = []
        false: list[Any] = []
        for item in pred:
            hit = next((g for g in left if same(item, g)), None)
            if hit is None:
                false.append(item)
            else:
                left.remove(hit)
                pairs.append((item, hit))
        s = KindScore(len(gold), len(pred), len(pairs))
        s.precision, s.recall = _ratio(s.tp, len(pred)), _ratio(s.tp, len(gold))
        return s, pairs, left, false

    def scores(self) -> dict[str, KindScore]:
        out = {
            "person": self.person(),
            "person-title-org": self.person_title_org(),
            "organisation": self.organisation(),
            "event": self.event(),
            "event-place": self.event_place(),
            "participation": self.participation(),
            "pair": self.pair(),
        }
        out["agreement"], out["agreement-party"] = self.agreements()
        return out


def _same_title(pred: str, gold: str) -> bool:
    """Equal, or the gold title is the predicted one with its unit written in (연구소장 ~ 소장, 과장 of a 과)."""
    if not pred or not gold:
        return False
    return pred == gold or (gold.endswith(pred) and len(gold) - len(pred) >= 2)


def restrict(gold: dict[str, Any], files: set[str]) -> dict[str, Any]:
    """The part of the gold about the given article files (the whole gold when they are all of it)."""
    articles = [a for a in gold["articles"] if a["file"] in files]
    if len(articles) == len(gold["articles"]):
        return gold
    ids = {eid for a in articles for eid in a.get("entity_ids") or []}
    facts = [f for f in gold["facts"] if f["source"] in files]
    ids |= {f["subject"] for f in facts} | {
        f["object"] for f in facts if f.get("object_kind") == "entity"
    }
    out = dict(gold)
    out["articles"] = articles
    out["entities"] = [e for e in gold["entities"] if e["id"] in ids]
    out["facts"] = facts
    return out


def article_files(paths: list[Path], gold: dict[str, Any]) -> list[Path]:
    """The articles to ingest: files as given; a directory gives the gold's articles found in it."""
    out: list[Path] = []
    wanted = [a["file"] for a in gold["articles"]]
    for path in paths:
        if path.is_dir():
            out += [path / f for f in wanted if (path / f).is_file()]
        else:
            out.append(path)
    return out


def score(
    gold: dict[str, Any], export: dict[str, Any], texts: dict[str, str], stems: dict[str, str]
) -> dict[str, Any]:
    """The report: per kind the counts, precision, recall, F1, misses and false finds; score.py's summary."""
    scorer = Scorer(gold, export, texts, stems)
    kinds = scorer.scores()
    r = scorer.ref
    return {
        "kinds": {k: v.as_dict() for k, v in kinds.items()},
        "reference": {
            "persons": {
                "gold": r.persons_gold,
                "found": r.persons_found,
                "recall": round(r.person_recall, 3),
                "precision": round(r.person_precision, 3),
            },
            "orgs": {"gold": r.orgs_gold, "found": r.orgs_found, "recall": round(r.org_recall, 3)},
            "events": {
                "gold_dates": len(r.dates_gold),
                "found": len(r.dates_found),
                "recall": round(r.event_recall, 3),
            },
            "pairs": {
                "gold": len(r.gold_pairs),
                "project": len(r.project_pairs) + len(r.unmapped_pairs),
                "tp": r.pair_tp,
                "recall": round(r.pair_recall, 3),
                "precision": round(r.pair_precision, 3),
            },
            "dupes": r.dupes,
            "reporters_in_pairs": r.reporters_in_pairs,
        },
        "summary": r.summary(),
    }


def load_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def article_text(path: Path) -> str:
    """The text of a saved article without its SOURCE/DATE header (what gold evidence quotes)."""
    from ingest.reader import read_header

    raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    lines = raw.replace("\r\n", "\n").split("\n")
    _, body = read_header(lines)
    return "\n".join(body)


def evaluate_gold(
    gold_path: Path,
    paths: list[Path],
    data_dir: Path,
    decisions_path: Path | None = None,
) -> dict[str, Any]:
    """Ingest the articles as one batch (nothing written) and score the export-shaped result against the gold."""
    from ingest.pipeline import stem_of
    from ingest.service import ingest_paths

    gold = load_json(gold_path)
    files = article_files(paths, gold)
    known = {a["file"] for a in gold["articles"]}
    scored = {f.name for f in files if f.name in known}
    outcome = ingest_paths(files, data_dir, None, decisions_path=decisions_path)
    export = outcome.graph or {"nodes": [], "edges": []}
    stems = {f.name: stem_of(f) for f in files}
    texts = {stem_of(f): article_text(f) for f in files if f.is_file()}
    report = score(restrict(gold, scored), export, texts, stems)
    report["articles"] = sorted(stems[f] for f in scored)
    report["not_in_gold"] = sorted(f.name for f in files if f.name not in known)
    report["errors"] = dict(outcome.errors)
    report["export"] = export
    return report
