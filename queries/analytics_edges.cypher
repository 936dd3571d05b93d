// name: analytics_edges
// description: Relationships of the given types between entities, as IRI pairs (the whole-graph projection for network analytics).
// params: types: list of relationship types
// returns: source, target, type
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN a.iri AS source, b.iri AS target, type(r) AS type
