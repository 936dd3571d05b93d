// name: agreements_list
// description: Agreements (MOUs, contracts) with their parties, date (the agreement's own start date, else the signing event's), signing event, subject and status; optionally only those with all the given parties, signed at one event, or within a date range.
// params: parties: list of party IRIs that must all be parties ([] for any); event: IRI of the signing event or null; since: earliest date (ISO) or null; until: latest date (ISO) or null; limit: maximum rows
// returns: iri, type, labels, name_ko, name_en, date, end_date, event_iri, event_name_ko, event_name_en, subject, status, parties, sources
MATCH (a:Agreement)
OPTIONAL MATCH (a)-[:SIGNED_AT]->(e:Event)
WITH a, head(collect(e)) AS e
WITH a, e, coalesce(a.start_date, e.start_date) AS signed_on
WHERE ($event IS NULL OR e.iri = $event)
  AND ($since IS NULL OR signed_on >= date($since))
  AND ($until IS NULL OR signed_on <= date($until))
OPTIONAL MATCH (a)-[p:PARTY]->(x:Entity)
WITH a, e, signed_on, collect(CASE WHEN x IS NULL THEN NULL ELSE {iri: x.iri, type: x.type, name_ko: x.name_ko, name_en: x.name_en, evidence: p.evidence, sources: p.sources} END) AS parties
WHERE all(q IN $parties WHERE q IN [y IN parties | y.iri])
RETURN a.iri AS iri, a.type AS type, labels(a) AS labels, a.name_ko AS name_ko, a.name_en AS name_en,
       signed_on AS date, a.end_date AS end_date, e.iri AS event_iri, e.name_ko AS event_name_ko, e.name_en AS event_name_en,
       a.subject AS subject, a.status AS status, parties, a.sources AS sources
ORDER BY date, iri
LIMIT $limit
