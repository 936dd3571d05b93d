// name: shortest_paths
// description: All shortest paths (up to 6 hops, any relationship type, either direction) between two entities, as node and edge lists.
// params: a: IRI of the start entity; b: IRI of the end entity; max_hops: longest path to accept (1 to 6); limit: maximum paths
// returns: nodes (iri, type, labels, name_ko, name_en, date), edges (type, source, target, props)
MATCH (a:Entity {iri: $a})
MATCH (b:Entity {iri: $b})
WITH a, b
MATCH p = allShortestPaths((a)-[*..6]-(b))
WITH p
WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | {iri: n.iri, type: n.type, labels: labels(n), name_ko: n.name_ko, name_en: n.name_en, date: n.start_date}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).iri, target: endNode(r).iri, props: properties(r)}] AS edges
LIMIT $limit
