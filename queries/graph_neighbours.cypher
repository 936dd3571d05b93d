// name: graph_neighbours
// description: Entities one relationship away from any entity in a frontier, optionally only across some relationship types, skipping dated entities (events, articles) outside a date range and entities already seen.
// params: frontier: list of IRIs to expand; seen: list of IRIs to skip; types: list of relationship types or null for all; since: earliest date (ISO) or null; until: latest date (ISO) or null; limit: maximum rows
// returns: iri
MATCH (n:Entity)-[r]-(m:Entity)
WHERE n.iri IN $frontier
  AND NOT m.iri IN $seen
  AND ($types IS NULL OR type(r) IN $types)
  AND ($since IS NULL OR coalesce(m.start_date, m.date_published) IS NULL OR coalesce(m.start_date, m.date_published) >= date($since))
  AND ($until IS NULL OR coalesce(m.start_date, m.date_published) IS NULL OR coalesce(m.start_date, m.date_published) <= date($until))
RETURN DISTINCT m.iri AS iri
ORDER BY iri
LIMIT $limit
