// name: meeting_path
// description: The shortest chains (up to 6 hops, in either direction) of meetings and affiliations linking two entities: the relationships the ontology marks `smekg:relationshipSet "meeting"` (taking part in events, posts and their organisations, memberships, chairs, sub-organisations, agreement parties and signings, statements). Reporters' bylines and places do not count as links.
// params: a: IRI of the first entity; b: IRI of the second; max_hops: longest chain to accept (1 to 6); limit: maximum chains
// returns: nodes (iri, type, labels, name_ko, name_en, date), edges (type, source, target, props)
MATCH (a:Entity {iri: $a})
MATCH (b:Entity {iri: $b})
WITH a, b
MATCH p = allShortestPaths((a)-[:{{relationships:meeting}}*..6]-(b))
WITH p
WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | {iri: n.iri, type: n.type, labels: labels(n), name_ko: n.name_ko, name_en: n.name_en, date: n.start_date}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).iri, target: endNode(r).iri, props: properties(r)}] AS edges
LIMIT $limit
