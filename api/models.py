"""Response models: every route declares one, so the OpenAPI document is the API's contract.

Dates are ISO strings (`2020-07-02`). `sources` are article ids (`002_f72b6778ec84ef75`) where a
list is compact (who-met-whom, the graph view) and `SourceRef` objects (id, headline, date,
publisher) elsewhere; `evidence` is always the list of verbatim quotes that state the fact.
The enumerations of classes and relationship types are read from the ontology.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    field_validator,
)

from graph.read_only import MAX_QUERY_CHARS
from ontology.vocabulary import SMEKG, load_vocabulary


def _enums() -> tuple[type[enum.StrEnum], type[enum.StrEnum], type[enum.StrEnum]]:
    vocab = load_vocabulary()
    classes = sorted(
        info.name for iri, info in vocab.classes.items() if not vocab.is_reification({iri})
    )
    events = sorted(
        info.name
        for iri, info in vocab.classes.items()
        if iri == SMEKG.Event or SMEKG.Event in vocab.superclasses.get(iri, ())
    )
    edges = sorted(set(vocab.edge_types.values()))
    made: tuple[type[enum.StrEnum], ...] = tuple(
        enum.StrEnum(name, [(n, n) for n in members])  # type: ignore[misc]
        for name, members in (
            ("EntityType", classes),
            ("EventType", events),
            ("RelationshipType", edges),
        )
    )
    return made[0], made[1], made[2]


if TYPE_CHECKING:  # the members are read from the ontology at import time; to mypy, string enums

    class EntityType(enum.StrEnum): ...

    class EventType(enum.StrEnum): ...

    class RelationshipType(enum.StrEnum): ...

else:
    EntityType, EventType, RelationshipType = _enums()

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date_only(value: object) -> object:
    """Accept `YYYY-MM-DD` only (pydantic alone would also take numbers as Unix times)."""
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    if not isinstance(value, (str, dt.date)):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


# -- errors ----------------------------------------------------------------------------------------
class ErrorOut(_Model):
    detail: str = Field(description="What went wrong, in words")


class AmbiguousOut(_Model):
    detail: str
    candidates: list[EntitySummary] = Field(
        description="Entities the name could mean; ask again with an IRI"
    )


# -- entities ------------------------------------------------------------------------------------
class EntitySummary(_Model):
    iri: str
    type: str | None = Field(default=None, description="The most specific class")
    labels: list[str] = Field(
        default_factory=list, description="All property-graph labels (classes and superclasses)"
    )
    name_ko: str | None = None
    name_en: str | None = None
    aliases: list[str] = Field(default_factory=list)


class EntityRef(_Model):
    iri: str | None = None
    type: str | None = None
    name_ko: str | None = None
    name_en: str | None = None


class SourceRef(_Model):
    article_id: str
    iri: str | None = None
    headline: str | None = None
    date_published: str | None = None
    publisher: str | None = None


class EntityHit(EntitySummary):
    match: Literal["exact", "prefix", "partial", "spaced"] | None = Field(
        None,
        description="exact: a name or alias equals the text; prefix: one starts with it; partial: one "
        "contains it; spaced: one contains it when spaces are ignored",
    )


class TypeCount(_Model):
    type: str | None = None
    count: int


class EntityList(_Model):
    items: list[EntityHit]
    total: int | None = Field(None, description="Entities matching the text (all types)")
    facets: list[TypeCount] = Field(
        default_factory=list, description="Matching entities per type (most specific class)"
    )


class Relationship(_Model):
    type: str = Field(description="Relationship type, e.g. PARTICIPATED_IN")
    direction: Literal["out", "in"] = Field(
        description="out: this entity is the subject; in: the object"
    )
    other: EntityRef
    other_date: str | None = None
    roles: list[str] = Field(default_factory=list)
    qualifiers: dict[str, JsonValue] = Field(
        default_factory=dict, description="as_of, start_date, end_date, acting, note…"
    )
    sources: list[SourceRef] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class Position(_Model):
    post: EntityRef
    organization: EntityRef | None = None
    as_of: list[str] = Field(
        default_factory=list, description="Dates on which a source observes the holding"
    )
    start_date: str | None = None
    end_date: str | None = None
    acting: bool | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class Holder(_Model):
    person: EntityRef
    as_of: list[str] = Field(default_factory=list)
    start_date: str | None = None
    end_date: str | None = None
    acting: bool | None = None
    note: list[str] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class TimelineEntry(_Model):
    date: str | None = Field(None, description="The event's date, or the first date of a holding")
    end_date: str | None = None
    kind: Literal["post", "event", "statement", "agreement", "article"]
    entity: EntityRef = Field(description="The post, event, statement, agreement or article")
    organization: EntityRef | None = Field(None, description="For a post: its organisation")
    roles: list[str] = Field(default_factory=list)
    as_of: list[str] = Field(default_factory=list)
    acting: bool | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class EntityDetail(_Model):
    entity: EntitySummary
    properties: dict[str, JsonValue] = Field(
        description="Every stored property (dates as ISO strings)"
    )
    positions: list[Position]
    relationships: list[Relationship]
    relationships_truncated: bool = False
    holders: list[Holder] = Field(
        default_factory=list,
        description="For a post: who held it, in date order (acting holders marked)",
    )
    timeline: list[TimelineEntry] = Field(
        default_factory=list,
        description="Posts held and events taken part in (statements, agreements), in date order",
    )
    sources: list[SourceRef] = Field(description="Articles that mention the entity")


class QuoteHit(_Model):
    subject: EntityRef
    type: str
    object: EntityRef
    evidence: list[str] = Field(description="The fact's quotes that contain a searched text")
    sources: list[SourceRef] = Field(default_factory=list)


class PassageHit(_Model):
    article_id: str
    headline: str | None = None
    date_published: str | None = None
    text: str = Field(description="The sentence (or line) of the article text that matches")
    offset: int = Field(description="Where the sentence starts in the article's text (code points)")


class TextSearchOut(_Model):
    q: str
    terms: list[str] = Field(
        description="What was searched: the text, and the other names of an entity it names exactly "
        "(중기부 also finds 중소벤처기업부)"
    )
    named: list[EntitySummary] = Field(
        default_factory=list, description="Entities whose name or alias is the text"
    )
    quotes: list[QuoteHit]
    quotes_more: bool = Field(description="More quotes match than were listed")
    passages: list[PassageHit]
    passages_total: int


# -- meetings ------------------------------------------------------------------------------------
class PersonRef(_Model):
    iri: str
    name_ko: str | None = None
    name_en: str | None = None


class PostAtEvent(_Model):
    post: EntityRef
    organization: EntityRef | None = None
    acting: bool | None = None


class MetEvent(_Model):
    iri: str
    name_ko: str | None = None
    name_en: str | None = None
    date: str | None = None
    end_date: str | None = None
    place: str | None = None
    roles: list[str] = Field(
        default_factory=list, description="The other person's roles at the event"
    )
    posts: list[PostAtEvent] = Field(
        default_factory=list, description="The other person's posts as of the event's date"
    )
    evidence: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="Articles reporting the event")


class MetEntry(_Model):
    person: PersonRef
    shared_events: int = Field(description="Events both took part in (within since/until)")
    last_met: str | None = Field(default=None, description="Date of the latest shared event")
    events: list[MetEvent] = Field(
        description="The most recent shared events (at most `events_per_person`), oldest first"
    )
    sources: list[str] = Field(description="Article ids reporting the listed events")


class MetOrganisation(_Model):
    organization: EntityRef
    shared_events: int
    last_met: str | None = None
    events: list[MetEvent] = Field(description="The shared events, oldest first")


class WhoMetWhom(_Model):
    person: EntitySummary
    since: str | None = None
    until: str | None = None
    total: int = Field(description="Distinct people met (within since/until)")
    offset: int = Field(description="People skipped before this page")
    limit: int = Field(description="Most people on this page")
    events_per_person: int = Field(description="Most shared events listed per person")
    more: bool = Field(description="More people after this page")
    next_offset: int | None = Field(
        default=None, description="`offset` for the next page, when `more`"
    )
    met: list[MetEntry] = Field(
        description="Ranked by shared events, then the latest shared event, then IRI"
    )
    organisations: list[MetOrganisation] = Field(
        default_factory=list,
        description="Organisations that took part in the person's events (within since/until), "
        "most recent first: at some meetings the articles name bodies, not people",
    )
    events: int = Field(0, description="Events the person took part in (within since/until)")
    events_all: int = Field(0, description="Events the person took part in, at any date")
    explanation: str | None = Field(
        None, description="Why the answer is empty or partial, in words (English)"
    )
    explanation_ko: str | None = Field(None, description="The same in Korean")
    articles: dict[str, SourceRef] = Field(
        default_factory=dict, description="Headline, date and publisher of every article id cited"
    )


class SharedEvent(_Model):
    iri: str
    type: str | None = None
    name_ko: str | None = None
    name_en: str | None = None
    date: str | None = None
    end_date: str | None = None
    place: str | None = None
    roles_a: list[str] = Field(default_factory=list)
    roles_b: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)


class Hop(_Model):
    from_: EntityRef = Field(validation_alias="from", serialization_alias="from")
    to: EntityRef
    kind: Literal["meeting", "relationship"] = Field(
        description="meeting: both took part in `event`; relationship: one edge of type `type`"
    )
    type: str
    direction: Literal["forward", "backward"] | None = Field(
        default=None, description="For a relationship: forward when `from` is its subject"
    )
    event: EntityRef | None = None
    roles: list[str] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class MetOut(_Model):
    a: EntitySummary
    b: EntitySummary
    met: bool = Field(description="True when both took part in at least one event")
    events: list[SharedEvent]
    path: list[Hop] = Field(
        description="When they did not meet: the shortest chain of meetings and affiliations"
    )
    note: str | None = None


# -- paths ---------------------------------------------------------------------------------------
class PathNode(_Model):
    iri: str
    type: str | None = None
    labels: list[str] = Field(default_factory=list)
    name_ko: str | None = None
    name_en: str | None = None
    date: str | None = None


class PathEdge(_Model):
    type: str
    from_: str = Field(validation_alias="from", serialization_alias="from")
    to: str
    sources: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    properties: dict[str, JsonValue] = Field(default_factory=dict)


class PathOut(_Model):
    length: int
    nodes: list[PathNode]
    edges: list[PathEdge]


class PathsOut(_Model):
    from_: EntitySummary = Field(validation_alias="from", serialization_alias="from")
    to: EntitySummary
    max_hops: int
    paths: list[PathOut]


class Chain(_Model):
    length: int = Field(description="Relationships on the chain")
    nodes: list[PathNode] = Field(description="Every entity on the chain, in order (events too)")
    edges: list[PathEdge] = Field(description="Every relationship, in order, with its evidence")
    hops: list[Hop] = Field(
        description="The chain as steps: two people at one event make one `meeting` step"
    )


class ConnectOut(_Model):
    a: EntitySummary
    b: EntitySummary
    max_hops: int
    chains: list[Chain] = Field(
        description="Shortest chains of meetings, posts, memberships and agreements (all of the "
        "shortest length, at most `limit`)"
    )
    shared_events: list[SharedEvent] = Field(
        default_factory=list, description="Events both took part in (for two agents)"
    )
    interlocks: InterlocksOut | None = Field(
        None, description="People, events and agreements linking two organisations"
    )
    note: str | None = None


# -- events --------------------------------------------------------------------------------------
class EventItem(_Model):
    iri: str
    type: str | None = None
    labels: list[str] = Field(default_factory=list)
    name_ko: str | None = None
    name_en: str | None = None
    date: str | None = None
    end_date: str | None = None
    place: str | None = None
    series: list[str] = Field(default_factory=list)


class EventList(_Model):
    items: list[EventItem]


class Participant(_Model):
    entity: EntityRef
    roles: list[str] = Field(default_factory=list)
    posts: list[PostAtEvent] = Field(
        default_factory=list, description="Posts held as of the event date"
    )
    sources: list[SourceRef] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class StatementOut(_Model):
    iri: str
    text: list[str] = Field(default_factory=list)
    speakers: list[EntityRef] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class Party(_Model):
    iri: str
    type: str | None = None
    name_ko: str | None = None
    name_en: str | None = None
    evidence: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class AgreementItem(_Model):
    iri: str
    type: str | None = None
    labels: list[str] = Field(default_factory=list)
    name_ko: str | None = None
    name_en: str | None = None
    date: str | None = Field(
        default=None, description="The agreement's date, else its signing event's"
    )
    end_date: str | None = None
    event: EntityRef | None = None
    subject: list[str] = Field(default_factory=list)
    status: str | None = None
    parties: list[Party] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)


class AgreementList(_Model):
    items: list[AgreementItem]


class EventDetail(_Model):
    event: EntitySummary
    properties: dict[str, JsonValue]
    date: str | None = None
    end_date: str | None = None
    venues: list[EntityRef] = Field(default_factory=list)
    series: list[EntityRef] = Field(default_factory=list)
    part_of: list[EntityRef] = Field(
        default_factory=list, description="Larger events this one belongs to"
    )
    sub_events: list[EntityRef] = Field(default_factory=list)
    organizers: list[Relationship] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    agreements: list[AgreementItem] = Field(
        default_factory=list, description="Agreements signed at the event"
    )
    statements: list[StatementOut] = Field(default_factory=list)
    other: list[Relationship] = Field(
        default_factory=list, description="Every other relationship (topics, plans discussed…)"
    )
    sources: list[SourceRef] = Field(default_factory=list)


# -- organisations ---------------------------------------------------------------------------------
class Tie(_Model):
    tie: str = Field(description="HOLDS_POST, MEMBER_OF, AFFILIATED_WITH or CHAIR_OF")
    via: EntityRef = Field(description="The post held, or the organisation joined")
    unit: EntityRef = Field(description="The organisation or sub-organisation the tie reaches")
    roles: list[str] = Field(default_factory=list)
    as_of: list[str] = Field(default_factory=list)
    start_date: str | None = None
    end_date: str | None = None
    acting: bool | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class InterlockPerson(_Model):
    person: EntityRef
    ties_a: list[Tie]
    ties_b: list[Tie]


class EventLink(_Model):
    via: EntityRef = Field(
        description="The organisation itself, a sub-organisation, or a person tied to it"
    )
    link: str = Field(
        description="PARTICIPATED_IN, ORGANIZED_BY or PARTY (an agreement signed there)"
    )
    roles: list[str] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class InterlockEvent(_Model):
    event: EntityRef
    date: str | None = None
    links_a: list[EventLink]
    links_b: list[EventLink]


class InterlocksOut(_Model):
    a: EntitySummary
    b: EntitySummary
    people: list[InterlockPerson] = Field(description="People tied to both organisations")
    events: list[InterlockEvent] = Field(
        description="Events both organisations (or their people) took part in"
    )
    agreements: list[AgreementItem] = Field(description="Agreements with both as parties")


# -- named queries and the console ---------------------------------------------------------------
class NamedQueryOut(_Model):
    name: str
    description: str
    params: dict[str, str] = Field(description="Parameter name → meaning")
    returns: str
    dialects: list[str] = Field(description="Stores with their own variant of the text")
    text: str


class NamedQueryList(_Model):
    items: list[NamedQueryOut]


def text_only(value: JsonValue) -> JsonValue:
    """Refuse lone surrogates (`"\\ud800"` in JSON): they are escapes, not characters, and no store
    or answer can encode them."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("text holds a lone surrogate escape (\\ud800-\\udfff)") from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return value


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: Annotated[str, AfterValidator(text_only)] = Field(
        min_length=1, max_length=MAX_QUERY_CHARS, description="Read-only Cypher"
    )
    params: Annotated[dict[str, JsonValue], AfterValidator(text_only)] = Field(
        default_factory=dict, description="Query parameters ($name)"
    )


class CypherResult(_Model):
    columns: list[str]
    rows: list[list[JsonValue]]
    truncated: bool = Field(description="True when rows were cut at the row limit")
    elapsed_ms: float


class NamedQueryResult(CypherResult):
    name: str
    params: dict[str, JsonValue]


# -- graph view ------------------------------------------------------------------------------------
class VisNode(_Model):
    id: str = Field(description="The IRI")
    label: str
    name_ko: str | None = None
    name_en: str | None = None
    type: str | None = None
    labels: list[str] = Field(
        default_factory=list, description="All classes (a page may pick its own group from them)"
    )
    group: str = Field(
        description="Colour group of the most specific class, from the ontology (person, event…)"
    )
    color: str | None = None
    title: str | None = Field(default=None, description="Tooltip text")
    date: str | None = None


class VisEdge(_Model):
    id: str
    from_: str = Field(validation_alias="from", serialization_alias="from")
    to: str
    type: str
    label: str
    roles: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class GraphOut(_Model):
    center: str | None = None
    nodes: list[VisNode]
    edges: list[VisEdge]
    truncated: bool
    note: str | None = None


class SubgraphRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    iris: list[Annotated[str, Field(max_length=200)]] = Field(
        max_length=1000, description="IRIs (or `id:` forms) of the entities to show, at most 1 000"
    )
    types: list[RelationshipType] | None = Field(
        None, description="Only relationships of these types (all when null)"
    )


def _not_bool(value: object) -> object:
    """JSON `true` is not a number (pydantic would take it as 1)."""
    if isinstance(value, bool):
        raise ValueError("expected a number, not a boolean")
    return value


class ViewNode(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(max_length=120, description="IRI or `id:` form")
    x: int = Field(ge=-10_000_000, le=10_000_000)
    y: int = Field(ge=-10_000_000, le=10_000_000)
    color: str | None = Field(
        None, pattern=r"^#[0-9a-fA-F]{6}$", description="As drawn (else by type)"
    )
    size: int | None = Field(None, ge=1, le=200)

    @field_validator("x", "y", "size", mode="before")
    @classmethod
    def _numbers_not_booleans(cls, value: object) -> object:
        return _not_bool(value)


class ViewRequest(BaseModel):
    """A view of the explorer: which entities, where, in what colour. Names, types, relationships and
    quotes are read from the graph, not taken from the request."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field("smekg view", max_length=200)
    subtitle: str = Field("", max_length=500)
    url: str = Field("", max_length=2000, description="The view's address in the explorer")
    lang: Literal["ko", "en"] = "ko"
    types: list[RelationshipType] | None = Field(
        None, description="Only relationships of these types (all when null)"
    )
    nodes: list[ViewNode] = Field(max_length=1000)


# -- sources and service ----------------------------------------------------------------------------
class Credit(_Model):
    role: str = Field(description="PUBLISHER, AUTHOR, PHOTOGRAPHER or CONTACT_FOR")
    iri: str | None = None
    type: str | None = None
    name_ko: str | None = None
    name_en: str | None = None


class ArticleOut(_Model):
    article_id: str
    iri: str
    headline: str | None = None
    date_published: str | None = None
    publisher: list[str] = Field(default_factory=list)
    source_file: str | None = None
    original_url: str | None = Field(
        None, description="The article's address on the web, when the data records it"
    )
    has_text: bool = Field(
        False, description="Whether the article's text is stored (GET /api/sources/{article}/text)"
    )
    properties: dict[str, JsonValue]
    credits: list[Credit]
    mentions: list[EntitySummary]


class Fact(_Model):
    index: int = Field(description="Position in `facts` (what `quotes[].facts` refer to)")
    kind: str = Field(description="The group the fact is listed under (meetings, posts…)")
    type: str = Field(description="Relationship type, e.g. PARTICIPATED_IN")
    subject: EntityRef
    object: EntityRef
    object_date: str | None = None
    roles: list[str] = Field(default_factory=list)
    qualifiers: dict[str, JsonValue] = Field(
        default_factory=dict, description="as_of, start_date, end_date, acting, note…"
    )
    evidence: list[str] = Field(
        default_factory=list, description="The fact's quotes found in this article's text"
    )
    anchors: list[str] = Field(
        default_factory=list, description="Anchors of those quotes on the source page (q-…)"
    )
    other_evidence: list[str] = Field(
        default_factory=list, description="Quotes of the same fact from its other source articles"
    )
    sources: list[str] = Field(default_factory=list, description="Every article stating the fact")


class FactGroup(_Model):
    kind: str
    label_ko: str
    label_en: str
    facts: list[int]


class QuoteSpan(_Model):
    quote: str
    anchor: str = Field(description="Element id of the quote on the source page")
    found: bool = Field(description="Whether the quote occurs verbatim in the stored text")
    facts: list[int] = Field(description="Indexes of the facts the quote supports")


class ArticleFacts(_Model):
    article: ArticleOut
    facts: list[Fact]
    groups: list[FactGroup]
    quotes: list[QuoteSpan]
    truncated: bool = Field(False, description="True when more facts exist than were listed")


class ExportFormat(_Model):
    name: str = Field(description="The format's name in GET /api/export/{name}")
    filename: str
    media_type: str
    description: str
    href: str


class ExportList(_Model):
    items: list[ExportFormat]


class HealthOut(_Model):
    status: Literal["ok", "empty"]
    store: str
    graph: str | None = None
    version: str | None = None
    loaded_at: str | None = None
    node_count: int | None = None
    edge_count: int | None = None


class ReloadOut(_Model):
    files: int
    nodes: int
    edges: int
    version: str
    elapsed_ms: float


class LoadProblemsOut(_Model):
    detail: str
    problems: list[str]


AmbiguousOut.model_rebuild()
ConnectOut.model_rebuild()
