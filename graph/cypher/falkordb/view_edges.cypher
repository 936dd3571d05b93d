// The graph view's relationships among a set of entities, packed: one row whose `edges` is JSON text
// of [source, target, type, sources, evidence, roles] lists (see view_nodes.cypher for the packing and
// the stand-ins for '"' and '\', https://github.com/FalkorDB/FalkorDB/issues/561). The far end is
// tested against `members`, a bitset of the set's internal ids (31 per integer: id i is a member when
// (members[i / 31] / 2^(i % 31)) % 2 = 1): FalkorDB's `x IN list` scans the list for every row
// (AR_IN → SIArray_ContainsValue, src/arithmetic/list_funcs/list_funcs.c), the bitset is constant time.
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
         replace(replace(source, '\\', $backslash), '"', $quote),
         replace(replace(target, '\\', $backslash), '"', $quote),
         type,
         [v IN coalesce(r.sources, []) | replace(replace(v, '\\', $backslash), '"', $quote)],
         [v IN coalesce(r.evidence, []) | replace(replace(v, '\\', $backslash), '"', $quote)],
         [v IN coalesce(r.roles, []) | replace(replace(v, '\\', $backslash), '"', $quote)]])) AS edges
