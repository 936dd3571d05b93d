// One bounded hop of the graph view: each frontier entity takes at most $fanout neighbours (across
// relationships of any type; expand_typed.cypher for given types) not yet shown, skipping dated
// entities outside since/until; what was reached is ranked by how many frontier entities link to it,
// then undated first, then most recent, then IRI; `capped` counts frontier entities that hit fanout.
// `seen` is a bitset of internal ids (31 per integer), tested in constant time where `NOT id IN list`
// would scan the list for every row (see view_edges.cypher).
UNWIND $frontier AS f
MATCH (n:Entity {iri: f})
CALL {
  WITH n
  MATCH (n)--(m:Entity)
  WHERE m <> n
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
RETURN id(m) AS handle, m.iri AS iri, links, capped
ORDER BY links DESC, CASE WHEN day IS NULL THEN 0 ELSE 1 END, day DESC, iri
LIMIT $limit
