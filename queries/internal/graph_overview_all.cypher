// name: graph_overview_all
// description: The best-connected entities across relationships of any type (most distinct neighbours), skipping dated entities outside a date range: the starting set for a graph view without a centre. Several times faster than graph_overview, which counts relationships of given types and so reads every relationship.
// params: since: earliest date (ISO) or null; until: latest date (ISO) or null; limit: maximum rows
// returns: iri, degree
MATCH (n:Entity)
WHERE ($since IS NULL OR coalesce(n.start_date, n.date_published) IS NULL OR coalesce(n.start_date, n.date_published) >= date($since))
  AND ($until IS NULL OR coalesce(n.start_date, n.date_published) IS NULL OR coalesce(n.start_date, n.date_published) <= date($until))
OPTIONAL MATCH (n)--(m:Entity)
WITH n, count(m) AS degree
RETURN n.iri AS iri, degree
ORDER BY degree DESC, iri
LIMIT $limit
