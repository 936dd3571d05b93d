"""The ontology parses, and every class and property is named in Korean and English."""

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from ontology.vocabulary import ONTOLOGY_PATH, SHAPES_PATH, SMEKG, load_vocabulary


def _smekg_terms(graph: Graph, kind) -> list:
    return [t for t in graph.subjects(RDF.type, kind) if str(t).startswith(str(SMEKG))]


def test_every_class_and_property_has_korean_and_english_labels_and_a_definition():
    graph = Graph().parse(ONTOLOGY_PATH, format="turtle")
    terms = []
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        terms += _smekg_terms(graph, kind)
    assert len(terms) > 60
    missing = []
    for term in terms:
        langs = {label.language for label in graph.objects(term, RDFS.label)}
        if not {"ko", "en"} <= langs or not list(graph.objects(term, SKOS.definition)):
            missing.append(str(term))
    assert missing == []


def test_required_classes_exist_with_their_hierarchy():
    vocab = load_vocabulary()
    names = {c.name for c in vocab.classes.values()}
    required = {
        "Person",
        "Organization",
        "Ministry",
        "PublicAgency",
        "ResearchInstitute",
        "University",
        "Company",
        "Association",
        "InternationalOrganization",
        "ForeignPartner",
        "Post",
        "Holding",
        "Event",
        "Forum",
        "Meeting",
        "SigningCeremony",
        "Launch",
        "EventSeries",
        "Committee",
        "Subcommittee",
        "Council",
        "Agreement",
        "MOU",
        "Programme",
        "Bill",
        "Budget",
        "Place",
        "Venue",
        "Statement",
        "Article",
    }
    assert required <= names
    assert vocab.labels_for({SMEKG.Ministry}) == [
        "Agent",
        "GovernmentBody",
        "Ministry",
        "Organization",
    ]
    assert vocab.edge_types[SMEKG.participatedIn] == "PARTICIPATED_IN"


def test_shapes_parse_and_target_core_classes():
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert {SMEKG.Person, SMEKG.Event, SMEKG.Assertion, SMEKG.Article} <= targets


def test_every_class_names_a_legend_group_of_the_ontology():
    vocab = load_vocabulary()
    groups = [group.key for group in vocab.legend_groups]
    assert len(groups) == len(set(groups)) > 1
    assert all(group.label_ko and group.label_en for group in vocab.legend_groups)
    assert {info.group for info in vocab.classes.values()} <= set(groups)
