MATCH (a:Entity)-->(b:Entity)
WHERE a.iri IN $iris
  AND (coalesce($members[id(b) / 31], 0) / toInteger(2 ^ (id(b) % 31))) % 2 = 1
WITH DISTINCT a, b
MATCH (a)-[r]->(b)
WHERE $types IS NULL OR type(r) IN $types
WITH a.iri AS source, b.iri AS target, type(r) AS type, r
ORDER BY source, type, target
LIMIT $limit
RETURN collect([source, target, type, coalesce(r.sources, []), coalesce(r.evidence, []), coalesce(r.roles, [])]) AS edges
