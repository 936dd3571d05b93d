// name: entity_detail
// description: One entity by IRI with its labels and all its properties (names, aliases, dates, description, source articles).
// params: iri: IRI of the entity
// returns: iri, type, labels, props
MATCH (n:Entity {iri: $iri})
RETURN n.iri AS iri, n.type AS type, labels(n) AS labels, properties(n) AS props
