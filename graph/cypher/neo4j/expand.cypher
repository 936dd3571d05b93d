// One bounded hop of the graph view: each frontier entity takes at most $fanout neighbours (across
// relationships of the types in $types, or of any type when it is null) whose element ids are not in
// $seen, skipping dated entities outside since/until; ranked by how many frontier entities link to
// them, then undated first, then most recent, then IRI; `capped` counts frontier entities that hit
// fanout.
UNWIND $frontier AS f
MATCH (n:Entity {iri: f})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE m <> n
    AND ($types IS NULL OR type(r) IN $types)
    AND NOT elementId(m) IN $seen
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
RETURN elementId(m) AS handle, m.iri AS iri, links, capped
ORDER BY links DESC, CASE WHEN day IS NULL THEN 0 ELSE 1 END, day DESC, iri
LIMIT $limit
