// name: export_edges
// description: Every relationship between entities with its type, endpoints (IRIs) and properties, a page at a time.
// params: skip: rows to skip; limit: page size
// returns: source, target, type, props
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.iri AS source, b.iri AS target, type(r) AS type, properties(r) AS props
ORDER BY source, type, target
SKIP $skip LIMIT $limit
