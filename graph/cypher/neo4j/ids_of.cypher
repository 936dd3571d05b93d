// The element ids of the entities with the given IRIs (the adapter numbers them as analytics reads do).
UNWIND $iris AS wanted
MATCH (n:Entity {iri: wanted})
RETURN n.iri AS iri, elementId(n) AS id
