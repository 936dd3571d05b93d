// name: export_nodes
// description: Every entity with its labels and properties, in IRI order, a page at a time.
// params: skip: rows to skip; limit: page size
// returns: labels, props
MATCH (n:Entity)
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.iri
SKIP $skip LIMIT $limit
