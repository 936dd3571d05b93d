"""What extraction produces for one article: metadata, organisations, people with their posts and roles,
events, places, agreements, budgets and statements — each with a verbatim evidence quote and a confidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Org:
    key: str  # article-local key: the known IRI, or "new:<squashed name>"
    name: str  # the name to use as prefLabel for a new organisation
    kind: str = "Organization"
    names: list[str] = field(default_factory=list)  # every spelling seen in the article
    iri: str | None = None  # known IRI (gazetteer) or minted by resolution
    parent: str | None = None  # key of the parent organisation (units)
    quote: str = ""
    confidence: float = 0.8
    foreign: bool = False
    country: str | None = None
    roles: list[Role] = field(
        default_factory=list
    )  # taking part in the main event (관계자들이 참석해 …)

    def add_name(self, name: str) -> None:
        if name and name not in self.names:
            self.names.append(name)


@dataclass
class Holding:
    org: str | None  # Org key
    title: str  # normalised title
    text: str  # the post as written, e.g. '중소기업연구원장'
    quote: str
    acting: bool = False
    confidence: float = 0.85
    post_iri: str | None = None


@dataclass
class Role:
    event: str  # Event key
    role: str  # attendee, speaker, keynote-speaker, presenter, co-chair …
    quote: str
    confidence: float
    reason: str = ""


@dataclass
class Person:
    key: str
    name: str
    holdings: list[Holding] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # quotes naming the person
    flags: set[str] = field(
        default_factory=set
    )  # caption, attendee-list, contact, intro, author, photographer, quote…
    contact_quote: str | None = None
    affiliation: str | None = None  # Org key when no post is stated (reporters' outlet)
    iri: str | None = None
    confidence: float = 0.8
    variants: list[str] = field(default_factory=list)  # other spellings merged by a review decision
    ambiguity: str = ""  # e.g. a transliterated foreign name whose romanisation is unknown
    latin_names: list[str] = field(default_factory=list)  # the name in Latin letters, when given


@dataclass
class Place:
    key: str
    name: str
    kind: str = "Venue"  # Venue, City, Place, Country
    located_in: str | None = None
    quote: str = ""
    iri: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Event:
    key: str
    name: str
    kinds: set[str] = field(default_factory=lambda: {"Event"})
    start: dt.date | None = None
    end: dt.date | None = None
    start_time: str | None = None
    end_time: str | None = None
    edition: int | None = None
    theme: str | None = None
    quote: str = ""
    date_reasoning: str = ""
    ambiguity: str = ""
    venues: list[tuple[str, str]] = field(default_factory=list)  # (Place key, quote)
    organizers: list[tuple[str, str]] = field(default_factory=list)  # (Org key, quote)
    parent: tuple[str, str] | None = None  # (Event key, quote)
    series: tuple[str, str] | None = None  # (series IRI, quote)
    main: bool = False
    iri: str | None = None
    confidence: float = 0.8
    aliases: list[str] = field(default_factory=list)
    line: int = -1  # body line that introduces the event, and the sentence's offsets in it
    sentence: tuple[int, int] | None = None
    status: str | None = None  # "planned" for an event the article announces
    partial: str | None = None  # a month or year without a day ('2020-04', '2022'), as ISO text
    anchors: list[tuple[int, int, int]] = field(
        default_factory=list
    )  # other (line, start, end) about it


@dataclass
class Agreement:
    key: str
    name: str
    kind: str  # MOU or Contract
    parties: list[tuple[str, str]] = field(default_factory=list)  # (Org key, quote)
    event: tuple[str, str] | None = None
    start: dt.date | None = None
    subject: str | None = None
    quote: str = ""
    iri: str | None = None
    confidence: float = 0.75
    status: str | None = None  # "planned" for an agreement to be signed
    line: int = -1  # body line that reports the signing
    signatories: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (Person key, quote, why)


@dataclass
class Budget:
    key: str
    label: str
    amount: int
    amount_text: str
    quote: str
    fiscal_year: int | None = None
    change_rate: float | None = None
    manager: tuple[str, str] | None = None  # (Org key, quote)
    iri: str | None = None
    confidence: float = 0.8


@dataclass
class Statement:
    key: str
    text: str
    speaker: str  # Person key
    quote: str  # evidence of who said it
    event: str | None = None
    iri: str | None = None
    confidence: float = 0.8


@dataclass
class Meta:
    stem: str
    source_file: str
    title: str = ""
    date: dt.date | None = None
    date_quote: str = ""
    date_reasoning: str = ""
    ambiguity: list[str] = field(default_factory=list)
    publisher_name: str | None = None
    publisher: tuple[str, str] | None = None  # (Org key, quote)
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, quote)
    photographers: list[tuple[str, str]] = field(default_factory=list)
    press_release: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class Merge:
    """A possible identity the pipeline did not apply on its own: shown in the review report."""

    kind: str
    mention: str
    candidate_iri: str
    candidate_name: str
    confidence: float
    reason: str
    applied: bool = False


@dataclass
class Extraction:
    meta: Meta
    orgs: dict[str, Org] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    agreements: list[Agreement] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # every sentence that names a person or an organisation: (body line, sentence, the names); the review
    # report lists those no fact quotes, so nothing the rules could not read is dropped in silence
    named: list[tuple[int, str, list[str]]] = field(default_factory=list)

    @property
    def main_event(self) -> Event | None:
        return next((e for e in self.events.values() if e.main), None)
