"""Agreements (협약, 업무협약, MOU, 양해각서, 계약) and their parties: `A과 B는 … 업무협약을 체결했다`,
`A는 … B와 … 계약을 체결`, a signing ceremony (협약식) whose parties a footnote lists (`선도기관*` → `* (美)MIT, …`)."""

from __future__ import annotations

import re

from ingest.body import Body
from ingest.dates import find_dates
from ingest.lexicon import strip_particle
from ingest.model import Agreement, Event, Extraction
from ingest.orgs import COUNTRIES, OrgFinder, _org_like
from ingest.sentences import is_bare_noun, is_common_word, split_sentences

NOUN = re.compile(r"(업무\s?협약|협약|MOU|양해각서|계약|협정|파트너십)")
SIGNED = re.compile(
    r"(업무\s?협약|협약|MOU|양해각서|계약|협정|파트너십)(?:서)?(?:\([^)]{1,15}\))?[’'」”\"]?\s?(?:을|를|도|이|가)?\s?"
    r"(?:체결|맺|서명|교환|갱신)"
)
QUOTED = re.compile(
    r"[‘'「“\"]([^’'」”\"]{2,60}?(?:업무\s?협약|협약|MOU|양해각서|계약|협정))[’'」”\"]"
)
DATELINE = re.compile(
    r"^\s*(?:[\[(][^\])]{0,20}[\])]\s*)?(?:[가-힣]{2,4}\s?(?:기자|특파원)\s?[=\]]\s*)"
)
PURPOSE = re.compile(
    r"([가-힣A-Za-z0-9·]+(?:\s[가-힣A-Za-z0-9·]+){0,3}?)(?:을|를)\s?위한\s+(?:[가-힣]+\s)?$"
)
COORDINATED = re.compile(r"(?:^|[\s,])([^\s,]{2,20}?)(과|와)\s([^\s,]{2,20}?)(?:은|는|이|가)\s")
LATIN_PARTY = re.compile(
    r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&\-]{1,15})(?=(?:와|과|는|은|가|이|,)(?:\s|$))"
)


def _kind(noun: str) -> str:
    return "Contract" if "계약" in noun else "MOU"


def _name(sentence: str, end: int) -> str:
    """The noun phrase ending with the agreement word: '글로벌 R&D 협력 업무협약'."""
    words = sentence[:end].split()
    parts: list[str] = []
    for word in reversed(words):
        stem, particle = strip_particle(word)
        if parts and (particle or not is_bare_noun(word) or word.endswith(",")):
            break
        parts.insert(0, stem if not parts else word)
        if len(parts) >= 5:
            break
    return " ".join(parts)


def _parties(orgs: OrgFinder, text: str, quote: str) -> list[tuple[str, str]]:
    keys: list[str] = []
    pair = COORDINATED.search(text)
    if pair:  # 'A과 B는 … 협약을 체결': both are parties, named in the graph or not
        for name in (pair.group(1), pair.group(3)):
            if not orgs.find(name) and _org_like(name) and not is_common_word(name):
                keys.append(orgs.register(name, quote=quote).key)
    for a, b, name, _ in orgs.find(text):
        if re.match(r"\s*의\s", text[b : b + 3]) or name in COUNTRIES:
            continue
        keys.append(orgs.register(name, quote=quote).key)
    for m in LATIN_PARTY.finditer(text):
        if orgs.lookup(m.group(1)) is None and not any(
            m.group(1) in orgs.ex.orgs[k].names for k in keys
        ):
            keys.append(orgs.register(m.group(1), "Company", quote).key)
    unique = list(dict.fromkeys(keys))
    return [(k, quote) for k in unique]


def find_agreements(ex: Extraction, orgs: OrgFinder, body: Body) -> list[Agreement]:
    main = ex.main_event
    found: list[Agreement] = []
    lines = [ln for ln in body.lines if ln.kind in ("body", "list", "caption")]
    for line in lines:
        for sent in split_sentences(line.text):
            m = SIGNED.search(sent.text)
            if not m:
                continue
            skip = DATELINE.match(sent.text)
            head = sent.text[skip.end() if skip else 0 : m.start()]
            quote = sent.text.strip()[:390]
            quoted = [q for q in QUOTED.finditer(sent.text) if q.end(1) == m.end(1)]
            name = quoted[0].group(1) if quoted else _name(sent.text, m.end(1))
            head = head[: quoted[0].start() - (skip.end() if skip else 0)] if quoted else head
            outlet = (
                ex.meta.publisher[0] if ex.meta.publisher and not ex.meta.press_release else None
            )
            parties = [p for p in _parties(orgs, head, quote) if p[0] != outlet]
            if not parties:
                continue
            if len(name.split()) == 1:
                purpose = PURPOSE.search(sent.text[: m.start()])
                words = purpose.group(1).split() if purpose else []
                while words and (strip_particle(words[0])[1] or not is_bare_noun(words[0])):
                    words.pop(0)
                name = (
                    " ".join(words + [name])
                    if words
                    else "-".join(ex.orgs[k].name for k, _ in parties[:3]) + f" {name}"
                )
            agreement = Agreement(
                f"agreement:{len(found)}", name, _kind(m.group(1)), parties, quote=quote
            )
            dates = [d for d in find_dates(sent.text, ex.meta.date) if not d.announce]
            if dates:
                agreement.start = dates[0].date
            elif main and re.search(
                r"(이번\s?행사|이날|계기로|현장에서|행사에서|자리에서|(?:^|[\s○ㅇ·-])이어\s|포럼에서|회의에서)",
                sent.text,
            ):
                agreement.start = main.start
                agreement.event = (main.key, quote)
            agreement.confidence = 0.8 if len(parties) >= 2 else 0.6
            found.append(agreement)
    for event in ex.events.values():
        if "SigningCeremony" in event.kinds and not any(
            a.event and a.event[0] == event.key for a in found
        ):
            agreement = _from_ceremony(ex, orgs, body, event)
            if agreement:
                agreement.key = f"agreement:{len(found)}"
                found.append(agreement)
    return found


def _from_ceremony(ex: Extraction, orgs: OrgFinder, body: Body, event: Event) -> Agreement | None:
    """A 협약식 whose parties are listed in the footnote its starred word points to."""
    index = next((ln.index for ln in body.lines if event.quote[:30] in ln.text), None)
    if index is None:
        return None
    parties: list[tuple[str, str]] = []
    if "*" in body.lines[index].text:
        note = next((ln for ln in body.lines[index + 1 : index + 4] if ln.kind == "footnote"), None)
        if note:
            parties = _parties(orgs, note.text, note.text.strip(" *"))
    if not parties:
        parties = _parties(orgs, body.lines[index].text, event.quote)
    if not parties:
        return None
    name = re.sub(r"식$", "", event.name)
    return Agreement(
        "",
        name,
        "MOU",
        parties,
        (event.key, event.quote[:390]),
        event.start,
        quote=event.quote[:390],
        confidence=0.7,
    )
