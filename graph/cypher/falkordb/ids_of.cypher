// The internal ids of the entities with the given IRIs (IRI-index seeks): how an analytics caveat
// finds an entity's row in a projection.
UNWIND $iris AS wanted
MATCH (n:Entity {iri: wanted})
RETURN n.iri AS iri, id(n) AS id
