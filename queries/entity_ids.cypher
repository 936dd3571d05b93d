// name: entity_ids
// description: The internal node ids of entities given by IRI (valid for the loaded graph only): how analytics answers find an entity's row in a projection.
// params: iris: list of IRIs
// returns: iri, id
UNWIND $iris AS wanted
MATCH (n:Entity {iri: wanted})
RETURN n.iri AS iri, id(n) AS id
