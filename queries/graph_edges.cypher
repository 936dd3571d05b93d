// name: graph_edges
// description: Relationships among a set of entities, optionally only of some types, with their source articles and evidence quotes. With `members` (a bitset of the same entities' internal ids, as graph_view_nodes returns them, 31 per integer: id i is a member when (members[i / 31] / 2^(i % 31)) % 2 = 1) the far end is tested in constant time instead of against the whole IRI list.
// params: iris: list of IRIs; members: bitset of their internal ids, or null to compare IRIs; types: list of relationship types or null for all; limit: maximum rows
// returns: source, target, type, sources, evidence, roles
MATCH (a:Entity)-->(b:Entity)
WHERE a.iri IN $iris
  AND (($members IS NULL AND b.iri IN $iris)
       OR ($members IS NOT NULL AND (coalesce($members[id(b) / 31], 0) / toInteger(2 ^ (id(b) % 31))) % 2 = 1))
WITH DISTINCT a, b
MATCH (a)-[r]->(b)
WHERE $types IS NULL OR type(r) IN $types
RETURN a.iri AS source, b.iri AS target, type(r) AS type, r.sources AS sources, r.evidence AS evidence, r.roles AS roles
ORDER BY source, type, target
LIMIT $limit
