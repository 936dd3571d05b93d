// name: entity_by_iri
// description: One entity by its exact IRI (an index look-up), with its labels, names and aliases.
// params: iri: IRI of the entity
// returns: iri, type, labels, name_ko, name_en, aliases
MATCH (n:Entity {iri: $iri})
RETURN n.iri AS iri, n.type AS type, labels(n) AS labels, n.name_ko AS name_ko, n.name_en AS name_en,
       coalesce(n.aliases, []) AS aliases
