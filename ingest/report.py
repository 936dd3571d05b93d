"""The review report (Markdown): every extracted fact with its evidence and confidence, every new entity,
and every uncertain merge with a ready-made row for data/review/decisions.csv."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ingest.gazetteer import GraphIndex
from ingest.model import Extraction

if TYPE_CHECKING:
    from rdflib import Dataset
    from rdflib.term import Node


def _cell(text: object) -> str:
    return (
        str(text if text is not None else "")
        .replace("|", "\\|")
        .replace("\n", " ")
        .replace("\t", " ⇥ ")
    )


def _status(iri: str | None, index: GraphIndex) -> str:
    return "existing" if iri in index.entities else "**new**"


def _table(rows: Sequence[Sequence[object]], header: list[str]) -> list[str]:
    if not rows:
        return ["_none_", ""]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _facts(ex: Extraction, index: GraphIndex, dataset: Dataset) -> list[list[str]]:
    """Every relationship of the article graph with its evidence quote and confidence."""
    from rdflib import RDF
    from rdflib.namespace import SKOS

    from ontology.vocabulary import SMEKG

    graph = next((g for g in dataset.graphs() if len(g)), None)
    if graph is None:
        return []

    def name(node: Node | None) -> str:
        label = graph.value(node, SKOS.prefLabel)
        known = index.entities.get(str(node))
        return str(label or (known.name_ko if known else None) or str(node).rsplit("/", 1)[-1])

    rows = []
    for node in graph.subjects(RDF.subject, None):
        note = str(graph.value(node, SMEKG.note) or "")
        confidence = note.split("confidence ", 1)[1][:4] if "confidence " in note else ""
        role = graph.value(node, SMEKG.role)
        predicate = str(graph.value(node, RDF.predicate)).split("#")[-1] + (
            f" ({role})" if role else ""
        )
        rows.append(
            [
                name(graph.value(node, RDF.subject)),
                predicate,
                name(graph.value(node, RDF.object)),
                confidence,
                str(graph.value(node, SMEKG.quote)),
            ]
        )
    return sorted(rows, key=lambda r: (r[1], r[0], r[2]))


def render(
    ex: Extraction,
    index: GraphIndex,
    files: list[str] | None = None,
    dataset: Dataset | None = None,
) -> str:
    meta = ex.meta
    main = ex.main_event
    lines = [
        f"# Review: {meta.title}",
        "",
        f"- source file: `{meta.source_file}` → article `art:{meta.stem}`",
        f"- published: {meta.date.isoformat() if meta.date else 'unknown'} — {meta.date_reasoning}",
        f"- publisher: {meta.publisher_name or 'not stated'}; kind: "
        f"{'press release' if meta.press_release else 'news article'}",
        f"- authors: {', '.join(n for n, _ in meta.authors) or 'none named'}"
        + (
            f"; photographers: {', '.join(n for n, _ in meta.photographers)}"
            if meta.photographers
            else ""
        ),
        f"- main event: {main.name + ' (' + str(main.start) + ')' if main else 'none found'}",
    ]
    if files:
        lines.append(f"- written: {', '.join(files)}")
    lines.append("")
    notes = ex.warnings + meta.ambiguity + [e.ambiguity for e in ex.events.values() if e.ambiguity]
    if notes:
        lines += ["## What is missing or uncertain", ""] + [f"- {n}" for n in notes] + [""]

    lines += ["## People", ""]
    rows = []
    for p in ex.people.values():
        posts = "; ".join(
            _post_label(ex.orgs[h.org].name if h.org else "?", h.title)
            + (" (acting)" if h.acting else "")
            for h in p.holdings
        )
        roles = "; ".join(f"{r.role} ({r.confidence:.2f}, {r.reason})" for r in p.roles)
        flags = ", ".join(sorted(p.flags))
        rows.append(
            [
                p.name,
                f"`{p.iri}` {_status(p.iri, index)}",
                posts,
                roles or "—",
                flags,
                " / ".join(p.mentions[:2]) or p.contact_quote,
            ]
        )
    lines += _table(
        rows, ["name", "IRI", "posts", "participation (confidence, why)", "found in", "evidence"]
    )

    lines += ["## Organisations", ""]
    rows = [
        [
            o.name,
            o.kind,
            f"`{o.iri}` {_status(o.iri, index)}",
            ", ".join(o.names),
            f"{o.confidence:.2f}",
            o.quote,
        ]
        for o in ex.orgs.values()
    ]
    lines += _table(rows, ["name", "kind", "IRI", "names in the article", "confidence", "evidence"])

    lines += ["## Events and places", ""]
    rows = []
    for e in ex.events.values():
        venues = ", ".join(ex.places[k].name for k, _ in e.venues)
        when = f"{e.start or '?'}{' – ' + str(e.end) if e.end and e.end != e.start else ''}"
        when += f" {e.start_time}–{e.end_time}" if e.start_time else ""
        rows.append(
            [
                e.name,
                "/".join(sorted(e.kinds)),
                when,
                venues,
                f"`{e.iri}` {_status(e.iri, index)}",
                f"{e.confidence:.2f}",
                e.date_reasoning,
                e.quote[:160],
            ]
        )
    lines += _table(
        rows, ["event", "kind", "date", "venue", "IRI", "confidence", "date reasoning", "evidence"]
    )

    lines += ["## Agreements, budgets, statements", ""]
    rows = [
        [
            "agreement",
            a.name,
            ", ".join(ex.orgs[k].name for k, _ in a.parties),
            f"`{a.iri}` {_status(a.iri, index)}",
            f"{a.confidence:.2f}",
            a.quote[:200],
        ]
        for a in ex.agreements
    ]
    rows += [
        [
            "budget",
            b.label,
            f"{b.amount:,} KRW" + (f", FY{b.fiscal_year}" if b.fiscal_year else ""),
            f"`{b.iri}` {_status(b.iri, index)}",
            f"{b.confidence:.2f}",
            b.quote[:200],
        ]
        for b in ex.budgets
    ]
    rows += [
        [
            "statement",
            s.text[:80] + ("…" if len(s.text) > 80 else ""),
            ex.people[s.speaker].name,
            f"`{s.iri}` {_status(s.iri, index)}",
            f"{s.confidence:.2f}",
            s.quote,
        ]
        for s in ex.statements
    ]
    lines += _table(rows, ["kind", "what", "who / value", "IRI", "confidence", "evidence"])

    lines += [
        "## Merges",
        "",
        "Applied merges (at or above the threshold, or decided by a reviewer):",
        "",
    ]
    applied = [
        [
            m.kind,
            m.mention,
            f"`{m.candidate_iri}`",
            m.candidate_name,
            f"{m.confidence:.2f}",
            m.reason,
        ]
        for m in ex.merges
        if m.applied
    ]
    lines += _table(applied, ["kind", "mention", "entity", "its name", "confidence", "why"])
    pending = [m for m in ex.merges if not m.applied]
    lines += [
        "Uncertain merges — **not applied**; to decide, add a row to `data/review/decisions.csv`:",
        "",
    ]
    lines += _table(
        [
            [
                m.kind,
                m.mention,
                f"`{m.candidate_iri}`",
                m.candidate_name,
                f"{m.confidence:.2f}",
                m.reason,
                f"`{m.kind},{m.mention},{m.candidate_iri},same,…`",
            ]
            for m in pending
        ],
        ["kind", "mention", "candidate", "its name", "confidence", "why", "decision row"],
    )
    if dataset is not None:
        lines += ["## Every relationship with its evidence", ""]
        lines += _table(
            _facts(ex, index, dataset),
            ["from", "relationship", "to", "confidence", "evidence (verbatim)"],
        )
    silent = _unread(ex, dataset)
    lines += [
        "## Sentences that name someone but gave no fact",
        "",
        "Each sentence below names a person or an organisation, but no extracted fact quotes it: read it"
        " and add what the rules missed.",
        "",
    ]
    lines += _table(
        [[str(n), ", ".join(names), sentence] for n, sentence, names in silent],
        ["line", "names", "sentence"],
    )
    new = [f"- `{iri}` {name}" for iri, name in _new_entities(ex, index)]
    lines += ["## New entities", ""] + (new or ["_none_"]) + [""]
    return "\n".join(lines)


def _post_label(org: str, title: str) -> str:
    return org if org == title else f"{org} {title}"


def unread_sentences(ex: Extraction, dataset: Dataset | None) -> list[tuple[int, str, list[str]]]:
    """The named sentences no fact quotes (what the report lists under 'gave no fact')."""
    return _unread(ex, dataset)


def _unread(ex: Extraction, dataset: Dataset | None) -> list[tuple[int, str, list[str]]]:
    """The named sentences of the article that no evidence quote of its graph comes from."""
    quotes: list[str] = []
    if dataset is not None:
        from ontology.vocabulary import SMEKG

        for graph in dataset.graphs():
            quotes += [str(q) for q in graph.objects(None, SMEKG.quote)]
    quotes += [m for p in ex.people.values() for m in p.mentions]

    def squash(text: str) -> str:
        return "".join(text.split())

    keys = [squash(q) for q in quotes if len(squash(q)) >= 4]
    out = []
    for line, sentence, names in ex.named:
        flat = squash(sentence)
        if not any(k in flat or flat[:40] in k for k in keys):
            out.append((line, sentence, names))
    return out


def _new_entities(ex: Extraction, index: GraphIndex) -> list[tuple[str, str]]:
    items = [(p.iri, p.name) for p in ex.people.values()] + [
        (o.iri, o.name) for o in ex.orgs.values()
    ]
    items += [(e.iri, e.name) for e in ex.events.values()] + [
        (p.iri, p.name) for p in ex.places.values()
    ]
    items += [(a.iri, a.name) for a in ex.agreements] + [(b.iri, b.label) for b in ex.budgets]
    items += [
        (h.post_iri, f"{ex.orgs[h.org].name} {h.title}")
        for p in ex.people.values()
        for h in p.holdings
        if h.org
        if h.post_iri
    ]
    seen: dict[str, str] = {}
    for iri, name in items:
        if iri and iri not in index.entities:
            seen.setdefault(iri, name)
    return sorted(seen.items())
