// name: graph_overview
// description: The best-connected entities (most relationships of the given types), skipping dated entities outside a date range: the starting set for a graph view without a centre.
// params: types: list of relationship types or null for all; since: earliest date (ISO) or null; until: latest date (ISO) or null; limit: maximum rows
// returns: iri, degree
MATCH (n:Entity)
WHERE ($since IS NULL OR coalesce(n.start_date, n.date_published) IS NULL OR coalesce(n.start_date, n.date_published) >= date($since))
  AND ($until IS NULL OR coalesce(n.start_date, n.date_published) IS NULL OR coalesce(n.start_date, n.date_published) <= date($until))
OPTIONAL MATCH (n)-[r]-(:Entity)
WITH n, r
WHERE r IS NULL OR $types IS NULL OR type(r) IN $types
WITH n, count(r) AS degree
WHERE $types IS NULL OR degree > 0
RETURN n.iri AS iri, degree
ORDER BY degree DESC, iri
LIMIT $limit
