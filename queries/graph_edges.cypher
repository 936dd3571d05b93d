// name: graph_edges
// description: Relationships among a set of entities, optionally only of some types, with their source articles and evidence quotes.
// params: iris: list of IRIs; types: list of relationship types or null for all; limit: maximum rows
// returns: source, target, type, sources, evidence, roles
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.iri IN $iris AND b.iri IN $iris
  AND ($types IS NULL OR type(r) IN $types)
RETURN a.iri AS source, b.iri AS target, type(r) AS type, r.sources AS sources, r.evidence AS evidence, r.roles AS roles
ORDER BY source, type, target
LIMIT $limit
