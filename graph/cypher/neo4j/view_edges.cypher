// The graph view's relationships from a set of entities to any entity whose element id is in $members
// (Neo4j tests membership of a parameter list with a hash set), one row whose `edges` is a list of
// [source, target, type, sources, evidence, roles] lists.
MATCH (a:Entity)-->(b:Entity)
WHERE a.iri IN $iris AND elementId(b) IN $members
WITH DISTINCT a, b
MATCH (a)-[r]->(b)
WHERE $types IS NULL OR type(r) IN $types
WITH a.iri AS source, b.iri AS target, type(r) AS type, r
ORDER BY source, type, target
LIMIT $limit
RETURN collect([source, target, type, coalesce(r.sources, []), coalesce(r.evidence, []), coalesce(r.roles, [])]) AS edges
