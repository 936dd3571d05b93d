// The graph view's nodes, packed: one row whose `nodes` is JSON text of {iri, type, labels, name_ko,
// name_en, date, handle} maps, so thousands of entities cross to the client as one value (the driver
// parses a result value by value in Python). FalkorDB's toJSON does not escape '"' or '\'
// (https://github.com/FalkorDB/FalkorDB/issues/561), so in IRIs and names every '"' travels as
// $quote and every '\' as $backslash (U+FFFF and U+FFFE, Unicode noncharacters the adapter refuses in
// data at load) and the adapter turns them back into JSON escapes.
MATCH (n:Entity)
WHERE n.iri IN $iris
RETURN toJSON(collect({
         iri: replace(replace(n.iri, '\\', $backslash), '"', $quote),
         type: n.type, labels: labels(n),
         name_ko: replace(replace(n.name_ko, '\\', $backslash), '"', $quote),
         name_en: replace(replace(n.name_en, '\\', $backslash), '"', $quote),
         date: toString(coalesce(n.start_date, n.date_published)), handle: id(n)})) AS nodes
