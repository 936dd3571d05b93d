"""What the graph already knows, for the review workbench: the gazetteer of data/ (cached while data/
does not change; an article under review is resolved without its own earlier commit), and the resolvers
that give new names IRIs and find the post a corrected title belongs to."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

from ingest.gazetteer import GraphIndex
from ingest.hangul import person_slug, slug, squash
from ingest.review_state import Resolvers, added_entities
from ingest.titles import normalise_title, title_from_post
from ontology.vocabulary import ID

_INDEX_LOCK = threading.Lock()
_INDEXES: dict[tuple[str, frozenset[str]], tuple[tuple[Any, ...], GraphIndex]] = {}


def _signature(files: list[Path]) -> tuple[Any, ...]:
    out = []
    for path in files:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        out.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(out)


def graph_index(data_dir: Path, exclude: frozenset[str] = frozenset()) -> GraphIndex:
    """The index of data/ without the articles `exclude` (an article under review is resolved against
    the graph without its own earlier commit)."""
    from ingest.gazetteer import from_files
    from ingest.pipeline import base_files

    files = base_files(data_dir, set(exclude))
    signature = _signature(files)
    key = (str(data_dir.resolve()), exclude)
    with _INDEX_LOCK:
        cached = _INDEXES.get(key)
        if cached and cached[0] == signature:
            return cached[1]
    index = from_files(files)
    with _INDEX_LOCK:
        _INDEXES[key] = (signature, index)
        if len(_INDEXES) > 16:
            _INDEXES.pop(next(iter(_INDEXES)))
    return index


def make_resolvers(index: GraphIndex, proposal: dict[str, Any], state: dict[str, Any]) -> Resolvers:
    """How the state turns names into IRIs: a fresh IRI, the graph's name of an IRI, a post of an
    organisation (the article's, the graph's, or a new one)."""
    used = set(index.entities) | set(proposal["entities"]) | set(added_entities(proposal, state))

    def mint(prefix: str, name: str) -> str:
        text = person_slug(name) if prefix == "person" else slug(name, 40)
        base = f"{ID}{prefix}-{text or hashlib.sha1(name.encode()).hexdigest()[:8]}"
        iri, n = base, 2
        while iri in used:
            iri, n = f"{base}-{n}", n + 1
        used.add(iri)
        return iri

    def known_name(iri: str) -> str | None:
        known = index.entities.get(iri)
        if known:
            return known.name_ko or known.name_en
        entity = proposal["entities"].get(iri) or added_entities(proposal, state).get(iri)
        return entity["name"] if entity else None

    def post(org_iri: str, org_name: str, title: str) -> tuple[str, str, bool]:
        wanted = normalise_title(title)
        for entity in proposal["entities"].values():  # a post of this article
            holding = next(
                (
                    f["holding"]
                    for f in proposal["facts"]
                    if f.get("holding") and f["holding"]["post"] == entity["iri"]
                ),
                None,
            )
            if (
                holding
                and holding["organization"] == org_iri
                and normalise_title(holding["title"]) == wanted
            ):
                return entity["iri"], entity["name"], entity["status"] != "linked"
        known_org = index.entities.get(org_iri)
        names = known_org.names if known_org else [org_name]
        for known in index.of_type("Post"):  # a post the graph knows
            label = known.name_ko or ""
            linked = org_iri in known.post_in or any(
                squash(label).startswith(squash(n)) for n in names if len(n) >= 2
            )
            if linked and normalise_title(title_from_post(label, names)) == wanted:
                return known.iri, label, False
        label = org_name if org_name == title else f"{org_name} {title}"
        return mint("post", f"{org_name}-{title}"), label, True

    return Resolvers(post=post, mint=mint, known_name=known_name)
