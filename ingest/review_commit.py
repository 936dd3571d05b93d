"""Committing a review: the checks made before the accepted facts go in (an entity that was new when
the article was read but that the graph has now; evidence not verbatim in the text), the incremental add
itself (`services.articles.add_articles`, never a full reload), and the links the page shows
afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.gazetteer import GraphIndex
from ingest.review_state import added_entities
from ingest.review_trig import problems_for


def add_to_graph(
    store: Any,
    data_dir: Path,
    item_id: str,
    trig: str,
    labels: dict[str, str],
    facts: list[dict[str, Any]],
    proposal: dict[str, Any],
    state: dict[str, Any],
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Add the article with the incremental add: ([], what changed), or (problems, None)."""
    from services.articles import ArticleInput, ChangeRefused, add_articles

    try:
        report = add_articles(
            store, data_dir, [ArticleInput(f"{item_id}.trig", trig.encode("utf-8"))]
        )
    except ChangeRefused as exc:
        edited = {
            e["iri"] for e in proposal["entities"].values() if state["entity_edits"].get(e["key"])
        }
        problems = problems_for(list(exc.problems), labels, facts, edited)
        return problems or [{"facts": [], "entity": None, "field": "", "message": str(exc)}], None
    return [], report.as_dict()


def stale(
    index: GraphIndex, item: dict[str, Any], accepted: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """A node that was new when the article was read but that the graph has now (another article
    committed it meanwhile): the article must be read again before its facts go in."""
    entities = item["proposal"]["entities"]
    out = []
    for fact in accepted:
        for iri in (fact["subject"], fact["object"]):
            entity = entities.get(iri)
            if entity and entity["status"] != "linked" and iri in index.entities:
                out.append(
                    {
                        "facts": [fact["id"]],
                        "entity": iri,
                        "field": "",
                        "message": f"{entity['name']} was new when the article was read, but the "
                        "graph has it now (another article added it): read the article again "
                        "(↻ Re-run) to link it",
                    }
                )
    return out


def not_verbatim(proposal: dict[str, Any], accepted: list[dict[str, Any]]) -> list[dict[str, Any]]:
    text = proposal["text"]
    return [
        {
            "facts": [f["id"]],
            "entity": None,
            "field": "quote",
            "message": f"the evidence quote is not in the article's text verbatim: {e['quote'][:80]}",
        }
        for f in accepted
        for e in f["evidence"]
        if e["quote"] not in text
    ]


def links(
    proposal: dict[str, Any], state: dict[str, Any], accepted: list[dict[str, Any]]
) -> dict[str, Any]:
    entities = {**proposal["entities"], **added_entities(proposal, state)}
    touched: dict[str, None] = {}
    for fact in accepted:
        for iri in (fact["subject"], fact["object"]):
            if iri in entities and entities[iri]["kind"] in ("person", "organisation", "event"):
                touched[iri] = None
    main = proposal["article"].get("main_event")
    events = [i for i in touched if entities[i]["kind"] == "event"]
    center = main if main in touched else (events[0] if events else next(iter(touched), None))
    return {
        "source": f"/source/{proposal['article']['id']}",
        "graph": center,
        "entities": [
            {"iri": iri, "name": entities[iri]["name"], "kind": entities[iri]["kind"]}
            for iri in touched
        ],
    }
