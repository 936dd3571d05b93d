// name: graph_nodes
// description: Display fields of the given entities for a graph view.
// params: iris: list of IRIs
// returns: iri, type, labels, name_ko, name_en, date
MATCH (n:Entity)
WHERE n.iri IN $iris
RETURN n.iri AS iri, n.type AS type, labels(n) AS labels, n.name_ko AS name_ko, n.name_en AS name_en,
       coalesce(n.start_date, n.date_published) AS date
