// name: who_met_whom
// description: People who took part in the same event as a person (attended, spoke, chaired, signed), with the event, its date and place, and the source articles; every row, unbounded (for a hub use who_met_whom_ranked). Article authors are never participants.
// params: person: IRI of the person; since: earliest event date (ISO) or null; until: latest event date (ISO) or null
// returns: iri, name_ko, name_en, event_iri, event_name_ko, event_name_en, date, end_date, places, roles, sources, evidence
MATCH (p:Entity {iri: $person})
WHERE p:Person
MATCH (p)-[mine:PARTICIPATED_IN]->(e:Event)<-[theirs:PARTICIPATED_IN]-(other:Person)
WHERE other <> p
  AND ($since IS NULL OR e.start_date >= date($since))
  AND ($until IS NULL OR e.start_date <= date($until))
OPTIONAL MATCH (e)-[:HELD_AT]->(venue:Place)
WITH p, other, e, mine, theirs, collect(DISTINCT coalesce(venue.name_ko, venue.name_en)) AS places
RETURN other.iri AS iri, other.name_ko AS name_ko, other.name_en AS name_en,
       e.iri AS event_iri, e.name_ko AS event_name_ko, e.name_en AS event_name_en,
       e.start_date AS date, e.end_date AS end_date, places,
       theirs.roles AS roles, mine.sources + theirs.sources AS sources, theirs.evidence AS evidence
ORDER BY date, name_ko
