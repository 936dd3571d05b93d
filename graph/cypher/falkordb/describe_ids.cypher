// IRI, names and type of the nodes with the given internal ids (to label analytics results).
UNWIND $ids AS wanted
MATCH (n:Entity) WHERE id(n) = wanted
RETURN id(n) AS id, n.iri AS iri, n.name_ko AS name_ko, n.name_en AS name_en, n.type AS type
