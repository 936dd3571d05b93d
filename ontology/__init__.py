"""The ontology: OWL classes and properties (smekg.ttl) and SHACL shapes (shapes.ttl)."""

from ontology.vocabulary import ONTOLOGY_PATH, SHAPES_PATH, SMEKG, Vocabulary, load_vocabulary

__all__ = ["ONTOLOGY_PATH", "SHAPES_PATH", "SMEKG", "Vocabulary", "load_vocabulary"]
