// IRI, names and type of the entities with the given element ids (to label analytics results).
UNWIND $ids AS wanted
MATCH (n:Entity)
WHERE elementId(n) = wanted
RETURN elementId(n) AS id, n.iri AS iri, n.name_ko AS name_ko, n.name_en AS name_en, n.type AS type
