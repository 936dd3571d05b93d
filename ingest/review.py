"""The review workbench: from a new article to reviewed facts in the graph (`/review`, `smekg review`).

An article — pasted, uploaded or queued by `smekg ingest DIR --queue` — runs through the ingest pipeline
and waits in the review queue (`ingest.review_queue`) with its proposal (`ingest.review_proposal`). The
reviewer accepts, rejects and corrects facts, adds what the rules missed from a selected passage, and
answers uncertain matches; every decision is saved as it is made (`ingest.review_state`), and a match
answer is written to the review decisions file (`data/review/decisions.csv`) and replayed at once by a new
run of the pipeline, resolving names against data/ (`ingest.review_index`). Commit writes the accepted
facts as the article's TriG in the curated layout (`ingest.review_trig`), validates it with data/, and adds
it to the live graph with the incremental add (`ingest.review_commit`, `services.articles.add_articles`);
the article's text goes to `data/texts/<id>.txt` for its source page. The page's view of an article is
`ingest.review_view`.
A committed article stays in the queue: reopened and corrected, it is committed again (the same article
id: the graph's copy is replaced).

Settings arrive as plain values (queue folder, data folder, decisions file, upload limit): this package
never reads the environment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.decisions import record_decision, restore_decision
from ingest.review_commit import add_to_graph, links, not_verbatim, stale
from ingest.review_index import graph_index, make_resolvers
from ingest.review_proposal import article_text, build
from ingest.review_queue import ItemNotFound, Queue, valid_id
from ingest.review_state import (
    ACCEPTED,
    HISTORY,
    ReviewActionError,
    apply_action,
    carry_over,
    effective_facts,
    empty_state,
)
from ingest.review_trig import build_dataset, problems_for, trig_text, validate
from ingest.review_view import counts, view_item
from ontology.errors import IngestFailed, LoadRefused
from services.texts import store_text

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


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


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
            "counts": {**counts(facts), "uncertain": uncertain},
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
            index = graph_index(self.data_dir, frozenset({item_id}))
            resolvers = make_resolvers(index, item["proposal"], item["state"])
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
            short = candidate.rsplit("/", 1)[-1]
            label = f"Match: {mention} {'=' if decision == 'same' else '≠'} {name} ({short})"
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
            index = graph_index(self.data_dir, frozenset({item_id}))
            problems = stale(index, item, accepted) + not_verbatim(proposal, accepted)
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
                problems, change = add_to_graph(
                    store, self.data_dir, item_id, trig, labels, facts, proposal, state
                )
            if problems:
                item["problems"] = problems
                item["updated"] = _now()
                self.queue.write(item)
                raise ReviewCommitRefused(
                    "the commit was refused; the graph and data/ are unchanged", problems
                )
            store_text(self.data_dir, item_id, proposal["text"].rstrip("\n") + "\n")
            item["committed"] = {
                "at": _now(),
                "facts": sorted(f["id"] for f in accepted),
                "counts": counts(facts),
                "change": change,
                "links": links(proposal, state, accepted),
            }
            item["status"] = "committed"
            item["changed_since_commit"] = False
            item["problems"] = []
            item["updated"] = _now()
            self.queue.write(item)
            return item

    def view(self, item: dict[str, Any]) -> dict[str, Any]:
        """The item as the page draws it (`ingest.review_view`)."""
        return view_item(item)


_MESSAGE_PATHS = re.compile(r"(?:/[^\s/:]+)*/smekg-review-[^/\s]+/")


def plain_message(message: str, *folders: Path) -> str:
    """A message without the server's folders (temporary files, the queue, data/)."""
    message = _MESSAGE_PATHS.sub("", message)
    for folder in folders:
        for shown in (str(folder.resolve()), str(folder)):
            if shown and shown != ".":
                message = message.replace(shown.rstrip("/") + "/", "").replace(shown, "")
    return message
