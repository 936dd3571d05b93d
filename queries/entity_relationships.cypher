// name: entity_relationships
// description: Every relationship of an entity in either direction, with the entity at the other end and the relationship's properties (qualifiers, source articles, evidence quotes).
// params: iri: IRI of the entity; limit: maximum rows
// returns: type, outgoing, other_iri, other_type, other_labels, other_name_ko, other_name_en, other_date, props
MATCH (n:Entity {iri: $iri})-[r]-(m:Entity)
RETURN type(r) AS type, startNode(r) = n AS outgoing, m.iri AS other_iri, m.type AS other_type,
       labels(m) AS other_labels, m.name_ko AS other_name_ko, m.name_en AS other_name_en,
       coalesce(m.start_date, m.date_published) AS other_date, properties(r) AS props
ORDER BY type, other_iri
LIMIT $limit
