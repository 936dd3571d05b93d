// name: graph_view_nodes
// description: graph_nodes for the graph view, packed: one row whose `nodes` is JSON text (a list in Neo4j) of {iri, type, labels, name_ko, name_en, date, id} maps (id: the internal id, valid for the loaded graph only), so that thousands of entities cross to the client as one value. FalkorDB's toJSON does not escape text, so in IRIs and names every '"' travels as `quote` and every '\' as `backslash` (characters that never occur in text, e.g. U+FFFF and U+FFFE) for the client to turn back into escapes.
// params: iris: list of IRIs; quote: stand-in for '"'; backslash: stand-in for '\'
// returns: nodes
MATCH (n:Entity)
WHERE n.iri IN $iris
RETURN toJSON(collect({
         iri: replace(replace(n.iri, '\\', $backslash), '"', $quote),
         type: n.type, labels: labels(n),
         name_ko: replace(replace(n.name_ko, '\\', $backslash), '"', $quote),
         name_en: replace(replace(n.name_en, '\\', $backslash), '"', $quote),
         date: toString(coalesce(n.start_date, n.date_published)), id: id(n)})) AS nodes
