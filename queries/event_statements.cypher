// name: event_statements
// description: Statements made at an event: the verbatim text, the speakers, and the source articles and evidence quotes.
// params: event: IRI of the event
// returns: iri, text, speakers, sources, evidence
MATCH (s:Statement)-[r:STATED_AT]->(e:Event {iri: $event})
OPTIONAL MATCH (s)-[:SPEAKER]->(p:Entity)
WITH s, r, collect(CASE WHEN p IS NULL THEN NULL ELSE {iri: p.iri, type: p.type, name_ko: p.name_ko, name_en: p.name_en} END) AS speakers
RETURN s.iri AS iri, s.text AS text, speakers, r.sources AS sources, r.evidence AS evidence
ORDER BY iri
