// name: who_met_whom_ranked
// description: One page of the people who took part in the same events as a person, ranked by the number of shared events, then the most recent one, then IRI; for each, the most recent shared events (event, date, places, roles, sources, evidence) and the total number of people met. Bounded: the ranking aggregates in the engine and only the page's rows come back. Article authors are never participants.
// params: person: IRI of the person; since: earliest event date (ISO) or null; until: latest event date (ISO) or null; skip: people to skip (offset); limit: most people to return; events: most shared events per person (the most recent)
// returns: iri, name_ko, name_en, shared, last_met, total, event_iri, event_name_ko, event_name_en, date, end_date, places, roles, sources, evidence
MATCH (p:Entity {iri: $person})
WHERE p:Person
MATCH (p)-[:PARTICIPATED_IN]->(e:Event)
WHERE ($since IS NULL OR e.start_date >= date($since))
  AND ($until IS NULL OR e.start_date <= date($until))
WITH p, e, e.start_date AS day
MATCH (e)<-[:PARTICIPATED_IN]-(other:Person)
WHERE other <> p
WITH p, other, count(e) AS shared, max(day) AS last, collect(e) AS met_at
WITH p, collect([other, shared, last, met_at]) AS everyone
UNWIND everyone AS one
WITH p, one[0] AS other, one[1] AS shared, one[2] AS last, one[3] AS met_at, size(everyone) AS total
ORDER BY shared DESC, CASE WHEN last IS NULL THEN 1 ELSE 0 END, last DESC, other.iri
SKIP $skip LIMIT $limit
UNWIND met_at AS e
WITH p, other, shared, last, total, e
ORDER BY CASE WHEN e.start_date IS NULL THEN 1 ELSE 0 END, e.start_date DESC, e.iri
WITH p, other, shared, last, total, collect(e)[..$events] AS recent
UNWIND recent AS e
MATCH (p)-[mine:PARTICIPATED_IN]->(e)<-[theirs:PARTICIPATED_IN]-(other)
WHERE mine <> theirs
OPTIONAL MATCH (e)-[:HELD_AT]->(venue:Place)
WITH other, shared, last, total, e, mine, theirs, collect(DISTINCT coalesce(venue.name_ko, venue.name_en)) AS places
RETURN other.iri AS iri, other.name_ko AS name_ko, other.name_en AS name_en, shared, last AS last_met, total,
       e.iri AS event_iri, e.name_ko AS event_name_ko, e.name_en AS event_name_en,
       e.start_date AS date, e.end_date AS end_date, places,
       theirs.roles AS roles, mine.sources + theirs.sources AS sources, theirs.evidence AS evidence
ORDER BY shared DESC, CASE WHEN last_met IS NULL THEN 1 ELSE 0 END, last_met DESC, iri, date, event_iri
