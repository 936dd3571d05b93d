// name: events_list
// description: Events in chronological order (undated ones last), optionally of one type, within a date range, or in one event series, with their place and series.
// params: type: an event label such as Forum or Meeting, or null; since: earliest start date (ISO) or null; until: latest start date (ISO) or null; series: IRI of an event series or null; limit: maximum rows
// returns: iri, type, labels, name_ko, name_en, date, end_date, places, series
MATCH (e:Event)
WHERE ($type IS NULL OR $type IN labels(e))
  AND ($since IS NULL OR e.start_date >= date($since))
  AND ($until IS NULL OR e.start_date <= date($until))
OPTIONAL MATCH (e)-[:PART_OF_SERIES]->(s:Entity)
WITH e, collect(s.iri) AS series
WHERE $series IS NULL OR $series IN series
OPTIONAL MATCH (e)-[:HELD_AT]->(v:Entity)
WITH e, series, collect(coalesce(v.name_ko, v.name_en)) AS places
RETURN e.iri AS iri, e.type AS type, labels(e) AS labels, e.name_ko AS name_ko, e.name_en AS name_en,
       e.start_date AS date, e.end_date AS end_date, places, series
ORDER BY date, iri
LIMIT $limit
