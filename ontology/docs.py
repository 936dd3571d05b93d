"""The generated parts of the docs: classes, relationships and relationship sets, from the ontology.

A generated part sits between `<!-- generated: NAME -->` and `<!-- end generated: NAME -->` lines;
`python -m ontology.docs` rewrites every such part of the docs, `python -m ontology.docs --check`
lists the parts that have drifted and fails (tests/test_docs.py runs the same check).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from rdflib import RDFS, URIRef

from ontology.vocabulary import Vocabulary, load_vocabulary

REPO_ROOT = Path(__file__).resolve().parent.parent
DOCS = (REPO_ROOT / "docs" / "modelling.md", REPO_ROOT / "README.md")
_PART = re.compile(
    r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- end generated: (?P=name) -->)",
    re.S,
)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _names(vocab: Vocabulary, classes: frozenset[URIRef]) -> str:
    return "/".join(sorted(vocab.classes[c].name for c in classes if c in vocab.classes)) or "any"


def _parents(vocab: Vocabulary, cls: URIRef) -> list[URIRef]:
    return sorted(
        (
            p
            for p in vocab.graph.objects(cls, RDFS.subClassOf)
            if isinstance(p, URIRef) and p in vocab.classes
        ),
        key=lambda p: vocab.classes[p].name,
    )


def _class_order(vocab: Vocabulary) -> list[URIRef]:
    """Depth first from the classes without a smekg superclass, children by name."""
    children: dict[URIRef, list[URIRef]] = {}
    roots = []
    for cls in sorted(vocab.classes, key=lambda c: vocab.classes[c].name):
        parents = _parents(vocab, cls)
        for parent in parents:
            children.setdefault(parent, []).append(cls)
        if not parents:
            roots.append(cls)
    order: list[URIRef] = []

    def visit(cls: URIRef) -> None:
        if cls not in order:
            order.append(cls)
            for child in children.get(cls, []):
                visit(child)

    for root in roots:
        visit(root)
    return order


def classes_table(vocab: Vocabulary) -> str:
    lines = [
        "| class | subclass of | 한국어 | English | definition |",
        "|---|---|---|---|---|",
    ]
    for cls in _class_order(vocab):
        info = vocab.classes[cls]
        parents = ", ".join(f"`{vocab.classes[p].name}`" for p in _parents(vocab, cls)) or "—"
        lines.append(
            f"| `{info.name}` | {parents} | {_cell(info.label_ko)} | {_cell(info.label_en)} "
            f"| {_cell(info.definition)} |"
        )
    return "\n".join(lines)


def relationships_table(vocab: Vocabulary) -> str:
    lines = [
        "| property | domain → range | edge type | sets | definition |",
        "|---|---|---|---|---|",
    ]
    sets_of: dict[URIRef, list[str]] = {}
    for name, members in sorted(vocab.sets.items()):
        for prop in members:
            sets_of.setdefault(prop, []).append(name)
    for prop in sorted(vocab.object_properties, key=lambda p: vocab.edge_types[p]):
        info = vocab.object_properties[prop]
        ends = f"{_names(vocab, vocab.domains[prop])} → {_names(vocab, vocab.ranges[prop])}"
        sets = ", ".join(sets_of.get(prop, [])) or "—"
        lines.append(
            f"| `{info.name}` | {ends} | `{vocab.edge_types[prop]}` | {sets} "
            f"| {_cell(info.definition)} |"
        )
    return "\n".join(lines)


def sets_table(vocab: Vocabulary) -> str:
    lines = [
        "| set | relationship types, in order of `smekg:pathPrecedence` | classes at either end |",
        "|---|---|---|",
    ]
    for name in sorted(vocab.sets):
        types = ", ".join(f"`{t}`" for t in vocab.relationship_set(name))
        labels = ", ".join(f"`{label}`" for label in vocab.set_labels(name))
        lines.append(f"| `{name}` | {types} | {labels} |")
    return "\n".join(lines)


def counts(vocab: Vocabulary) -> str:
    """How the README's tour counts the ontology's terms (checked by tests/test_docs.py)."""
    return f"{len(vocab.classes)} classes, {len(vocab.object_properties)} relationship properties"


GENERATED: dict[str, Callable[[Vocabulary], str]] = {
    "classes": classes_table,
    "relationships": relationships_table,
    "relationship-sets": sets_table,
}


def regenerate(text: str, vocab: Vocabulary) -> str:
    """`text` with every generated part rendered afresh (an unknown part name is an error)."""

    def part(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in GENERATED:
            raise KeyError(f"unknown generated part {name!r}; known: {', '.join(GENERATED)}")
        return f"{match.group(1)}{GENERATED[name](vocab)}\n{match.group(4)}"

    return _PART.sub(part, text)


def drifted(paths: tuple[Path, ...] = DOCS, vocab: Vocabulary | None = None) -> list[Path]:
    """The files whose generated parts differ from what the ontology gives."""
    vocab = vocab or load_vocabulary()
    stale = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if regenerate(text, vocab) != text:
            stale.append(path)
    return stale


def main(argv: list[str]) -> int:
    vocab = load_vocabulary()
    if "--check" in argv:
        stale = drifted(DOCS, vocab)
        for path in stale:
            print(f"{path}: generated parts differ from the ontology; run python -m ontology.docs")
        return 1 if stale else 0
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        path.write_text(regenerate(text, vocab), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
