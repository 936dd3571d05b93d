"""The review workbench: from a new article to reviewed facts in the graph (`/review`, `smekg review`).

An article — pasted, uploaded or queued by `smekg ingest DIR --queue` — runs through the ingest pipeline
and waits in the review queue (`ingest.review_queue`) with its proposal (`ingest.review_proposal`). The
reviewer accepts, rejects and corrects facts, adds what the rules missed from a selected passage, and
answers uncertain matches; every decision is saved as it is made (`ingest.review_state`), and a match
answer is written to the review decisions file (`data/review/decisions.csv`) and replayed at once by a new
run of the pipeline. Commit writes the accepted facts as the article's TriG in the curated layout
(`ingest.review_trig`), validates it with data/, and adds it to the live graph with the incremental add
(`services.articles.add_articles`); the article's text goes to `data/texts/<id>.txt` for its source page.
A committed article stays in the queue: reopened and corrected, it is committed again (the same article
id: the graph's copy is replaced).

Settings arrive as plain values (queue folder, data folder, decisions file, upload limit): this package
never reads the environment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.decisions import record_decision, restore_decision
from ingest.gazetteer import GraphIndex
from ingest.hangul import person_slug, slug, squash
from ingest.review_proposal import GROUPS, article_text, build
from ingest.review_queue import ItemNotFound, Queue, valid_id
from ingest.review_state import (
    ACCEPTED,
    HISTORY,
    REJECTED,
    Resolvers,
    ReviewActionError,
    added_entities,
    apply_action,
    carry_over,
    effective_entity,
    effective_facts,
    empty_state,
    entity_date,
)
from ingest.review_trig import build_dataset, problems_for, trig_text, validate
from ingest.titles import normalise_title, title_from_post
from ontology.errors import IngestFailed, LoadRefused
from ontology.vocabulary import ID

__all__ = [
    "ItemNotFound",
    "ReviewActionError",
    "ReviewCommitRefused",
    "ReviewInputError",
    "Workbench",
]

FORMAT = 1
SUFFIXES = (".txt", ".html", ".htm")
DEFAULT_MAX_BYTES = 4 * 1024 * 1024
ITEM_STATUSES = ("open", "committed")


class ReviewInputError(IngestFailed):
    """An article that cannot be queued (empty, binary, not Korean, too large, no date…); nothing was
    queued."""

    def __init__(self, message: str, *, status: int = 400, item: str | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.item = item  # the queued article it duplicates


class ReviewCommitRefused(LoadRefused):
    """The commit was refused; the graph, data/ and the review are unchanged. `problems` name the facts."""

    def __init__(self, message: str, problems: list[dict[str, Any]]):
        super().__init__(message)
        self.message = message
        self.problems = problems


# -- what the graph already knows: the gazetteer of data/, cached while data/ does not change ----------------
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


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _counts(facts: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "facts": len(facts),
        "accepted": sum(1 for f in facts if f["decision"] == ACCEPTED),
        "rejected": sum(1 for f in facts if f["decision"] == REJECTED),
        "undecided": sum(1 for f in facts if f["decision"] is None),
        "added": sum(1 for f in facts if f.get("added")),
        "corrected": sum(1 for f in facts if f.get("edited")),
    }


@dataclass
class Workbench:
    queue_dir: Path
    data_dir: Path
    decisions_path: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        self.queue = Queue(self.queue_dir)
        self.decisions = self.decisions_path or self.data_dir / "review" / "decisions.csv"

    # -- in -------------------------------------------------------------------------------------------------
    def add(self, raw: bytes, filename: str, date: dt.date | None = None) -> dict[str, Any]:
        """Run one article (bytes of a .txt or .html file) through the pipeline and queue it; raises
        ReviewInputError with a clear message, queuing nothing, when it cannot be."""
        name = Path(filename or "article.txt").name.strip() or "article.txt"
        suffix = Path(name).suffix.lower()
        if suffix not in SUFFIXES:
            raise ReviewInputError(
                f"{name}: only saved articles are read — plain text (.txt) or a web page (.html)"
            )
        if len(raw) > self.max_bytes:
            raise ReviewInputError(
                f"{name} is {len(raw) / 1_048_576:.1f} MB; an article file may be at most "
                f"{self.max_bytes / 1_048_576:.1f} MB",
                status=413,
            )
        if not raw.strip():
            raise ReviewInputError(f"{name} is empty: there is no article to read")
        digest = hashlib.sha256(raw).hexdigest()
        with self.queue.adding():
            for other in self.queue.ids():
                item = self.queue.read(other)
                if item.get("sha256") == digest:
                    raise ReviewInputError(
                        f"{name} is already in the review queue as {other} "
                        f"({item['proposal']['article'].get('title') or item.get('file')})",
                        status=409,
                        item=other,
                    )
            item_id = self._new_id(name, digest)
            with tempfile.TemporaryDirectory(prefix="smekg-review-in-") as tmp:
                source = Path(tmp) / f"{item_id}{'.html' if suffix == '.htm' else suffix}"
                source.write_bytes(raw)
                proposal = self._run(item_id, source, date, original=name)
                now = _now()
                item = {
                    "format": FORMAT,
                    "id": item_id,
                    "file": name,
                    "source": source.name,
                    "sha256": digest,
                    "date_given": date.isoformat() if date else None,
                    "created": now,
                    "updated": now,
                    "status": "open",
                    "proposal": proposal,
                    "state": empty_state(),
                    "history": [],
                    "committed": None,
                    "changed_since_commit": False,
                    "problems": [],
                }
                self.queue.create(item, source)
        return self.summary(item)

    def add_text(
        self, text: str, filename: str | None = None, date: dt.date | None = None
    ) -> dict[str, Any]:
        """A pasted article (plain text)."""
        raw = text.encode("utf-8")
        if not filename:
            filename = f"pasted_{hashlib.sha256(raw).hexdigest()[:10]}.txt"
        elif Path(filename).suffix.lower() not in SUFFIXES:
            filename += ".txt"
        return self.add(raw, filename, date)

    def _new_id(self, filename: str, digest: str) -> str:
        from ingest.pipeline import stem_of

        stem = stem_of(Path(filename))
        if not valid_id(stem) or len(stem) > 100:
            stem = f"article_{digest[:10]}"
        taken = (self.data_dir / "articles" / f"{stem}.trig").exists() or self.queue.exists(stem)
        return f"{stem}_{digest[:8]}" if taken else stem

    def _run(
        self, item_id: str, source: Path, date: dt.date | None, original: str
    ) -> dict[str, Any]:
        """The proposal of one run of the pipeline on `source` (named `<item_id>.<ext>`)."""
        from ingest.body import extract_body
        from ingest.reader import read_article
        from ingest.report import unread_sentences
        from ingest.service import ingest_paths

        index = graph_index(self.data_dir, frozenset({item_id}))
        outcome = ingest_paths(
            [source], self.data_dir, index=index, date=date, decisions_path=self.decisions
        )
        if outcome.errors or not outcome.results:
            message = next(iter(outcome.errors.values()), "nothing could be extracted")
            message = message.replace("pass --date YYYY-MM-DD", "give its publication date")
            raise ReviewInputError(f"{original}: {message}")
        result = outcome.results[0]
        raw = read_article(source)
        body = extract_body(raw.lines, raw.html_meta.get("title"))
        text = article_text(result, body.text(), raw.lines)
        kinds, offset = [], 0
        for line in body.lines:
            if line.kind not in ("body",):
                kinds.append((offset, offset + len(line.text), line.kind))
            offset += len(line.text) + 1
        proposal = build(
            result,
            text,
            index,
            source_file=original,
            line_kinds=kinds,
            report=outcome.reports.get(result.stem, ""),
            unread=unread_sentences(result.extraction, result.dataset),
        )
        article = proposal["entities"].get(proposal["article"]["iri"])
        if article:
            for d in article["desc"]:
                if d["p"].endswith("#sourceFile"):
                    d["v"] = original
        return proposal

    # -- the queue --------------------------------------------------------------------------------------------
    def items(self) -> list[dict[str, Any]]:
        out = []
        for item_id in self.queue.ids():
            try:
                out.append(self.summary(self.queue.read(item_id)))
            except (ItemNotFound, ValueError, KeyError):  # a damaged item is left out, not fatal
                continue
        return sorted(out, key=lambda s: (s["status"] == "committed", s["created"]), reverse=False)

    def summary(self, item: dict[str, Any]) -> dict[str, Any]:
        proposal, state = item["proposal"], item["state"]
        facts = effective_facts(proposal, state)
        uncertain = sum(1 for e in proposal["entities"].values() if e["status"] == "uncertain")
        return {
            "id": item["id"],
            "file": item["file"],
            "title": proposal["article"]["title"],
            "date": proposal["article"]["date"],
            "publisher": proposal["article"]["publisher"],
            "status": item["status"],
            "changed_since_commit": item.get("changed_since_commit", False),
            "created": item["created"],
            "updated": item["updated"],
            "counts": {**_counts(facts), "uncertain": uncertain},
            "committed_at": (item.get("committed") or {}).get("at"),
        }

    def get(self, item_id: str) -> dict[str, Any]:
        return self.queue.read(item_id)

    def drop(self, item_id: str) -> None:
        """Take an article out of the queue (the graph keeps what was committed)."""
        with self.queue.locked(item_id):
            pass
        self.queue.remove(item_id)

    # -- decide ---------------------------------------------------------------------------------------------
    def resolvers(self, item_id: str, proposal: dict[str, Any], state: dict[str, Any]) -> Resolvers:
        index = graph_index(self.data_dir, frozenset({item_id}))
        used = (
            set(index.entities) | set(proposal["entities"]) | set(added_entities(proposal, state))
        )

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

    def act(self, item_id: str, action: dict[str, Any]) -> dict[str, Any]:
        """Apply one decision and save it; returns the item."""
        op = action.get("op")
        if op == "undo":
            return self.undo(item_id)
        if op == "match":
            return self.match(item_id, action)
        if op == "rerun":
            return self.rerun(item_id)
        with self.queue.locked(item_id):
            item = self.queue.read(item_id)
            resolvers = self.resolvers(item_id, item["proposal"], item["state"])
            state, label = apply_action(item["proposal"], item["state"], action, resolvers)
            self._remember(item, label)
            item["state"] = state
            return self._save(item)

    def _remember(self, item: dict[str, Any], label: str, **extra: Any) -> None:
        item["history"].append({"label": label, "state": item["state"], "at": _now(), **extra})
        del item["history"][:-HISTORY]

    def _save(self, item: dict[str, Any], changed: bool = True) -> dict[str, Any]:
        item["updated"] = _now()
        if changed and item["status"] == "committed":
            item["changed_since_commit"] = True
        self.queue.write(item)  # the last commit's problems stay listed until the next commit
        return item

    def match(self, item_id: str, action: dict[str, Any]) -> dict[str, Any]:
        """Answer an uncertain match: written to the decisions file, then the article is read again
        (the decision is replayed, as it will be by every later run)."""
        decision = action.get("decision")
        if decision not in ("same", "not-same"):
            raise ReviewActionError("decision: same or not-same")
        with self.queue.locked(item_id):
            item = self.queue.read(item_id)
            proposal = item["proposal"]
            mention, candidate = (
                str(action.get("mention") or ""),
                str(action.get("candidate") or ""),
            )
            offered = [
                c
                for e in proposal["entities"].values()
                for c in e["candidates"]
                if c["mention"] == mention and c["iri"] == candidate
            ]
            linked = [
                e
                for e in proposal["entities"].values()
                if e["kind"] == "person"
                and e["iri"] == candidate
                and e.get("merge")
                and mention in e["names"]
            ]
            if not offered and not (linked and decision == "not-same"):
                raise ReviewActionError("match: answer one of the candidates the article lists")
            kind = offered[0]["kind"] if offered else "person"
            name = offered[0]["name"] if offered else linked[0]["name"]
            note = (
                f"decided in the review workbench on {dt.date.today().isoformat()} "
                f"(article {item_id})"
            )
            previous = record_decision(self.decisions, kind, mention, candidate, decision, note)
            label = f"{mention} {'is' if decision == 'same' else 'is not'} {name}"
            self._remember(
                item,
                label,
                csv={
                    "kind": kind,
                    "mention": mention,
                    "candidate": candidate,
                    "previous": previous,
                },
            )
            item["state"]["matches"] = [
                m
                for m in item["state"]["matches"]
                if not (m["mention"] == mention and m["candidate"] == candidate)
            ] + [
                {
                    "kind": kind,
                    "mention": mention,
                    "candidate": candidate,
                    "candidate_name": name,
                    "decision": decision,
                    "at": _now(),
                }
            ]
            try:
                self._rerun(item)
            except ReviewInputError:
                restore_decision(self.decisions, kind, mention, candidate, previous)
                raise
            return self._save(item)

    def rerun(self, item_id: str) -> dict[str, Any]:
        """Read the article again against the graph as it is now, keeping every decision whose fact is
        still proposed."""
        with self.queue.locked(item_id):
            item = self.queue.read(item_id)
            self._rerun(item)
            return self._save(item, changed=False)

    def _rerun(self, item: dict[str, Any]) -> None:
        date = dt.date.fromisoformat(item["date_given"]) if item.get("date_given") else None
        proposal = self._run(item["id"], self.queue.source(item), date, item["file"])
        item["proposal"] = proposal
        item["state"] = carry_over(item["state"], proposal)

    def undo(self, item_id: str) -> dict[str, Any]:
        with self.queue.locked(item_id):
            item = self.queue.read(item_id)
            if not item["history"]:
                raise ReviewActionError("nothing to undo")
            last = item["history"].pop()
            item["state"] = last["state"]
            if last.get("csv"):
                row = last["csv"]
                restore_decision(
                    self.decisions, row["kind"], row["mention"], row["candidate"], row["previous"]
                )
                self._rerun(item)
            return self._save(item)

    # -- commit ----------------------------------------------------------------------------------------------
    def preview(self, item_id: str) -> str:
        """The TriG a commit would write now."""
        item = self.queue.read(item_id)
        facts = effective_facts(item["proposal"], item["state"])
        ds, _labels = build_dataset(
            item["proposal"], item["state"], facts, dt.date.today().isoformat()
        )
        return trig_text(ds, item["proposal"])

    def commit(self, item_id: str, store: Any) -> dict[str, Any]:
        """Write the accepted facts as the article's TriG, validate it with data/ and add it to the graph
        (replacing the article's earlier commit); raises ReviewCommitRefused, changing nothing, when the
        data would not be valid or the graph refuses it."""
        with self.queue.locked(item_id):
            item = self.queue.read(item_id)
            proposal, state = item["proposal"], item["state"]
            facts = effective_facts(proposal, state)
            accepted = [f for f in facts if f["decision"] == ACCEPTED]
            if not accepted:
                raise ReviewCommitRefused("accept at least one fact before committing", [])
            problems = self._stale(item, accepted) + self._not_verbatim(proposal, accepted)
            ds, labels = build_dataset(proposal, state, facts, dt.date.today().isoformat())
            trig = trig_text(ds, proposal)
            if not problems:
                edited = {
                    e["iri"]
                    for e in proposal["entities"].values()
                    if state["entity_edits"].get(e["key"]) or state["entity_edits"].get(e["iri"])
                }
                problems = problems_for(
                    validate(self.data_dir, item_id, trig), labels, facts, edited
                )
            change = None
            if not problems:
                problems, change = self._add(store, item_id, trig, labels, facts, proposal, state)
            if problems:
                item["problems"] = problems
                item["updated"] = _now()
                self.queue.write(item)
                raise ReviewCommitRefused(
                    "the commit was refused; the graph and data/ are unchanged", problems
                )
            self._write_text(item_id, proposal["text"])
            links = self._links(proposal, state, accepted)
            item["committed"] = {
                "at": _now(),
                "facts": sorted(f["id"] for f in accepted),
                "counts": _counts(facts),
                "change": change,
                "links": links,
            }
            item["status"] = "committed"
            item["changed_since_commit"] = False
            item["problems"] = []
            item["updated"] = _now()
            self.queue.write(item)
            return item

    def _add(
        self,
        store: Any,
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
                store, self.data_dir, [ArticleInput(f"{item_id}.trig", trig.encode("utf-8"))]
            )
        except ChangeRefused as exc:
            edited = {
                e["iri"]
                for e in proposal["entities"].values()
                if state["entity_edits"].get(e["key"])
            }
            problems = problems_for(list(exc.problems), labels, facts, edited)
            return problems or [
                {"facts": [], "entity": None, "field": "", "message": str(exc)}
            ], None
        return [], report.as_dict()

    def _stale(self, item: dict[str, Any], accepted: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A node that was new when the article was read but that the graph has now (another article
        committed it meanwhile): the article must be read again before its facts go in."""
        index = graph_index(self.data_dir, frozenset({item["id"]}))
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

    @staticmethod
    def _not_verbatim(
        proposal: dict[str, Any], accepted: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
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

    def _write_text(self, item_id: str, text: str) -> None:
        folder = self.data_dir / "texts"
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".text-", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text.rstrip("\n") + "\n")
        os.replace(tmp, folder / f"{item_id}.txt")

    @staticmethod
    def _links(
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

    # -- what the page shows ----------------------------------------------------------------------------------
    def view(self, item: dict[str, Any]) -> dict[str, Any]:
        """The item as the page draws it: text, mentions (with the facts they take part in), facts with
        names and decisions, entities with their resolution, the undo list's last step, the commit."""
        proposal, state = item["proposal"], item["state"]
        facts = effective_facts(proposal, state)
        entities = {
            iri: effective_entity(e, state) for iri, e in proposal["entities"].items()
        } | added_entities(proposal, state)
        committed = set((item.get("committed") or {}).get("facts", []))
        problems: dict[str, list[str]] = {}
        for problem in item.get("problems", []):
            for fid in problem.get("facts", []):
                problems.setdefault(fid, []).append(problem["message"])

        def ref(iri: str) -> dict[str, Any]:
            entity = entities.get(iri)
            if entity is None:
                return {
                    "iri": iri,
                    "name": iri.rsplit("/", 1)[-1],
                    "kind": "other",
                    "status": "linked",
                }
            out = {
                "iri": iri,
                "name": entity["name"],
                "kind": entity["kind"],
                "status": entity["status"],
            }
            date = entity_date(entity)
            if date:
                out["date"] = date
            return out

        shown = []
        for fact in facts:
            view = {
                "id": fact["id"],
                "group": fact["group"],
                "predicate": fact["predicate"],
                "subject": ref(fact["subject"]),
                "object": ref(fact["object"]),
                "confidence": fact["confidence"],
                "decision": fact["decision"],
                "added": bool(fact.get("added")),
                "edited": fact.get("edited") or {},
                "roles": fact.get("roles", []),
                "committed": fact["id"] in committed,
                "problems": problems.get(fact["id"], []),
                "evidence": [
                    {
                        "quote": e["quote"],
                        "span": e["span"],
                        "confidence": e["confidence"],
                        "note": e["note"],
                    }
                    for e in fact["evidence"]
                ],
            }
            if fact.get("holding"):
                h = fact["holding"]
                view["holding"] = {
                    "post": ref(h["post"]),
                    "organization": ref(h["organization"]) if h.get("organization") else None,
                    "title": h["title"],
                    "as_of": h.get("as_of")
                    or next(
                        (q["v"] for e in fact["evidence"] for q in e["qualifiers"].get("asOf", [])),
                        None,
                    ),
                    "acting": h.get("acting")
                    or any(e["qualifiers"].get("acting") for e in fact["evidence"]),
                }
            shown.append(view)
        mentions = []
        for m in proposal["mentions"]:
            linked = [
                f["id"]
                for f in shown
                if (
                    m["entity"]
                    and m["entity"]
                    in (
                        f["subject"]["iri"],
                        f["object"]["iri"],
                        (f.get("holding") or {}).get("post", {}).get("iri"),
                        ((f.get("holding") or {}).get("organization") or {}).get("iri"),
                    )
                )
                or any(
                    e["span"] and e["span"][0] <= m["start"] and m["end"] <= e["span"][1]
                    for e in f["evidence"]
                )
            ]
            mentions.append({**m, "facts": linked})
        answers: dict[str, list[dict[str, Any]]] = {}
        for answer in state["matches"]:
            answers.setdefault(answer["mention"], []).append(answer)
        entity_list = []
        for iri, entity in entities.items():
            if entity["kind"] == "article":
                continue
            uses = sum(
                1
                for f in shown
                if iri
                in (
                    f["subject"]["iri"],
                    f["object"]["iri"],
                    ((f.get("holding") or {}).get("organization") or {}).get("iri"),
                )
            )
            entity_list.append(
                {
                    "iri": iri,
                    "key": entity["key"],
                    "kind": entity["kind"],
                    "name": entity["name"],
                    "names": entity.get("names", []),
                    "mention": entity.get("mention", ""),
                    "types": entity.get("types", []),
                    "status": entity["status"],
                    "merge": entity.get("merge"),
                    "candidates": entity.get("candidates", []),
                    "answers": [a for n in entity.get("names", []) for a in answers.get(n, [])],
                    "known": entity.get("known"),
                    "date": entity_date(entity),
                    "edited": entity.get("edited"),
                    "added": bool(entity.get("added")),
                    "facts": uses,
                }
            )
        order = {"uncertain": 0, "new": 1, "linked": 2}
        entity_list.sort(key=lambda e: (order.get(e["status"], 3), e["kind"], e["name"]))
        history = item.get("history", [])
        return {
            "id": item["id"],
            "file": item["file"],
            "status": item["status"],
            "changed_since_commit": item.get("changed_since_commit", False),
            "created": item["created"],
            "updated": item["updated"],
            "article": proposal["article"],
            "text": proposal["text"],
            "lines": proposal["lines"],
            "mentions": mentions,
            "mention_kinds": proposal["mention_kinds"],
            "groups": [
                {"key": key, "label_ko": ko, "label_en": en}
                for key, ko, en, _p in GROUPS
                if any(f["group"] == key for f in shown)
            ],
            "facts": shown,
            "entities": entity_list,
            "notes": proposal["notes"],
            "unread": proposal["unread"],
            "counts": _counts(facts),
            "undo": history[-1]["label"] if history else None,
            "history": [h["label"] for h in history[-20:]][::-1],
            "committed": item.get("committed"),
            "problems": item.get("problems", []),
        }


_MESSAGE_PATHS = re.compile(r"(?:/[^\s/:]+)*/smekg-review-[^/\s]+/")


def plain_message(message: str, *folders: Path) -> str:
    """A message without the server's folders (temporary files, the queue, data/)."""
    message = _MESSAGE_PATHS.sub("", message)
    for folder in folders:
        for shown in (str(folder.resolve()), str(folder)):
            if shown and shown != ".":
                message = message.replace(shown.rstrip("/") + "/", "").replace(shown, "")
    return message
