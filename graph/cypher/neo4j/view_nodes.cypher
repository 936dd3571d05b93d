// The graph view's nodes for a list of IRIs, one row whose `nodes` is a list of maps with each node's
// element id as its handle (the Bolt driver carries the list as one value; no packing is needed).
MATCH (n:Entity)
WHERE n.iri IN $iris
RETURN collect({iri: n.iri, type: n.type, labels: labels(n), name_ko: n.name_ko, name_en: n.name_en,
                date: toString(coalesce(n.start_date, n.date_published)), handle: elementId(n)}) AS nodes
