// name: graph_expand_typed
// description: One bounded hop of a graph view: each frontier entity takes at most `fanout` neighbours across relationships of the given types (slower than graph_expand: naming the types makes the engine read every relationship) that are not yet shown, skipping dated entities (events, articles) outside a date range; what was reached is ranked by how many frontier entities link to it, then undated first, then most recent, then IRI. `capped` counts the frontier entities that reached `fanout` (and may have more). `seen` is a bitset of internal node ids, 31 per integer: id i is shown when (seen[i / 31] / 2^(i % 31)) % 2 = 1.
// params: frontier: IRIs to expand, strongest first; seen: bitset of internal ids already shown, or null; types: list of relationship types; since: earliest date (ISO) or null; until: latest date (ISO) or null; fanout: most neighbours taken from each frontier entity; limit: maximum rows
// returns: id, iri, links, capped
UNWIND $frontier AS f
MATCH (n:Entity {iri: f})
CALL {
  WITH n
  MATCH (n)-[r]-(m:Entity)
  WHERE m <> n
    AND type(r) IN $types
    AND (coalesce($seen[id(m) / 31], 0) / toInteger(2 ^ (id(m) % 31))) % 2 = 0
    AND ($since IS NULL OR coalesce(m.start_date, m.date_published) IS NULL OR coalesce(m.start_date, m.date_published) >= date($since))
    AND ($until IS NULL OR coalesce(m.start_date, m.date_published) IS NULL OR coalesce(m.start_date, m.date_published) <= date($until))
  RETURN DISTINCT m
  LIMIT $fanout
}
WITH n, collect(m) AS reached
WITH collect(reached) AS lists, sum(CASE WHEN size(reached) >= $fanout THEN 1 ELSE 0 END) AS capped
UNWIND lists AS reached
UNWIND reached AS m
WITH m, count(*) AS links, capped
WITH m, links, capped, coalesce(m.start_date, m.date_published) AS day
RETURN id(m) AS id, m.iri AS iri, links, capped
ORDER BY links DESC, CASE WHEN day IS NULL THEN 0 ELSE 1 END, day DESC, iri
LIMIT $limit
