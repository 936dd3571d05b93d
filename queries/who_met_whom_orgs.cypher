// name: who_met_whom_orgs
// description: Organisations that took part in the same events as a person (attended, presented, signed, hosted), with the event, its date and place, their roles, the evidence quotes and the source articles; the most recent events first. Organisations are counterparts too: at some meetings the articles name the bodies present, not their people.
// params: person: IRI of the person; since: earliest event date (ISO) or null; until: latest event date (ISO) or null; limit: maximum rows
// returns: iri, type, name_ko, name_en, event_iri, event_name_ko, event_name_en, date, end_date, places, roles, sources, evidence
MATCH (p:Entity {iri: $person})-[mine:PARTICIPATED_IN]->(e:Event)<-[theirs:PARTICIPATED_IN]-(o:Organization)
WHERE mine <> theirs
  AND ($since IS NULL OR e.start_date >= date($since))
  AND ($until IS NULL OR e.start_date <= date($until))
OPTIONAL MATCH (e)-[:HELD_AT]->(venue:Place)
WITH o, e, mine, theirs, collect(DISTINCT coalesce(venue.name_ko, venue.name_en)) AS places
RETURN o.iri AS iri, o.type AS type, o.name_ko AS name_ko, o.name_en AS name_en,
       e.iri AS event_iri, e.name_ko AS event_name_ko, e.name_en AS event_name_en,
       e.start_date AS date, e.end_date AS end_date, places,
       theirs.roles AS roles, coalesce(mine.sources, []) + coalesce(theirs.sources, []) AS sources, theirs.evidence AS evidence
ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date DESC, iri, event_iri
LIMIT $limit
