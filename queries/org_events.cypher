// name: org_events
// description: Events an organisation is linked to: it or a sub-organisation (up to 3 levels) took part in or organised it or signed an agreement there, or a person with a post in it or a `smekg:relationshipSet "tie"` to it (membership, affiliation, chair) took part; with how, roles, sources and evidence.
// params: org: IRI of the organisation
// returns: event_iri, event_type, event_name_ko, event_name_en, date, via_iri, via_type, via_name_ko, via_name_en, link, roles, sources, evidence
MATCH (o:Entity {iri: $org})<-[:SUB_ORGANIZATION_OF*0..3]-(u:Entity)
MATCH (u)-[r:PARTICIPATED_IN]->(e:Event)
RETURN e.iri AS event_iri, e.type AS event_type, e.name_ko AS event_name_ko, e.name_en AS event_name_en, e.start_date AS date,
       u.iri AS via_iri, u.type AS via_type, u.name_ko AS via_name_ko, u.name_en AS via_name_en, 'PARTICIPATED_IN' AS link,
       r.roles AS roles, r.sources AS sources, r.evidence AS evidence
UNION
MATCH (o:Entity {iri: $org})<-[:SUB_ORGANIZATION_OF*0..3]-(u:Entity)
MATCH (e:Event)-[r:ORGANIZED_BY]->(u)
RETURN e.iri AS event_iri, e.type AS event_type, e.name_ko AS event_name_ko, e.name_en AS event_name_en, e.start_date AS date,
       u.iri AS via_iri, u.type AS via_type, u.name_ko AS via_name_ko, u.name_en AS via_name_en, 'ORGANIZED_BY' AS link,
       r.roles AS roles, r.sources AS sources, r.evidence AS evidence
UNION
MATCH (o:Entity {iri: $org})<-[:SUB_ORGANIZATION_OF*0..3]-(u:Entity)
MATCH (u)<-[r:PARTY]-(:Agreement)-[:SIGNED_AT]->(e:Event)
RETURN e.iri AS event_iri, e.type AS event_type, e.name_ko AS event_name_ko, e.name_en AS event_name_en, e.start_date AS date,
       u.iri AS via_iri, u.type AS via_type, u.name_ko AS via_name_ko, u.name_en AS via_name_en, 'PARTY' AS link,
       r.roles AS roles, r.sources AS sources, r.evidence AS evidence
UNION
MATCH (o:Entity {iri: $org})<-[:SUB_ORGANIZATION_OF*0..3]-(u:Entity)
MATCH (p:Person)-[:HOLDS_POST]->(:Post)-[:POST_IN]->(u)
MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
RETURN e.iri AS event_iri, e.type AS event_type, e.name_ko AS event_name_ko, e.name_en AS event_name_en, e.start_date AS date,
       p.iri AS via_iri, p.type AS via_type, p.name_ko AS via_name_ko, p.name_en AS via_name_en, 'PARTICIPATED_IN' AS link,
       r.roles AS roles, r.sources AS sources, r.evidence AS evidence
UNION
MATCH (o:Entity {iri: $org})<-[:SUB_ORGANIZATION_OF*0..3]-(u:Entity)
MATCH (p:Person)-[:{{relationships:tie}}]->(u)
MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
RETURN e.iri AS event_iri, e.type AS event_type, e.name_ko AS event_name_ko, e.name_en AS event_name_en, e.start_date AS date,
       p.iri AS via_iri, p.type AS via_type, p.name_ko AS via_name_ko, p.name_en AS via_name_en, 'PARTICIPATED_IN' AS link,
       r.roles AS roles, r.sources AS sources, r.evidence AS evidence
