// name: graph_view_edges
// description: graph_edges for the graph view, packed: one row whose `edges` is JSON text (a list in Neo4j) of [source, target, type, sources, evidence, roles] lists, so that thousands of relationships cross to the client as one value. `members` is the bitset of the entities' internal ids from graph_view_nodes, 31 per integer (id i is a member when (members[i / 31] / 2^(i % 31)) % 2 = 1). FalkorDB's toJSON does not escape text, so in evidence and roles every '"' travels as `quote` and every '\' as `backslash` (characters that never occur in text, e.g. U+FFFF and U+FFFE) for the client to turn back into escapes (IRIs and article ids hold neither; if one did, the client falls back to graph_edges).
// params: iris: list of IRIs; members: bitset of their internal ids; types: list of relationship types or null for all; limit: maximum relationships; quote: stand-in for '"'; backslash: stand-in for '\'
// returns: edges
MATCH (a:Entity)-->(b:Entity)
WHERE a.iri IN $iris
  AND (coalesce($members[id(b) / 31], 0) / toInteger(2 ^ (id(b) % 31))) % 2 = 1
WITH DISTINCT a, b
MATCH (a)-[r]->(b)
WHERE $types IS NULL OR type(r) IN $types
WITH a.iri AS source, b.iri AS target, type(r) AS type, r
ORDER BY source, type, target
LIMIT $limit
RETURN toJSON(collect([
         source,
         target,
         type,
         coalesce(r.sources, []),
         [v IN coalesce(r.evidence, []) | replace(replace(v, '\\', $backslash), '"', $quote)],
         [v IN coalesce(r.roles, []) | replace(replace(v, '\\', $backslash), '"', $quote)]])) AS edges
