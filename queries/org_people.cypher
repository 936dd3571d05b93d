// name: org_people
// description: People tied to an organisation or one of its sub-organisations (up to 3 levels): by a post in it, or by a relationship the ontology marks `smekg:relationshipSet "tie"` (membership, affiliation, chairing); with the tie's qualifiers, sources and evidence.
// params: org: IRI of the organisation
// returns: iri, name_ko, name_en, tie, via_iri, via_type, via_name_ko, via_name_en, unit_iri, unit_type, unit_name_ko, unit_name_en, roles, as_of, start_date, end_date, acting, sources, evidence
MATCH (o:Entity {iri: $org})<-[:SUB_ORGANIZATION_OF*0..3]-(u:Entity)
MATCH (p:Person)-[h:HOLDS_POST]->(post:Post)-[:POST_IN]->(u)
RETURN p.iri AS iri, p.name_ko AS name_ko, p.name_en AS name_en, 'HOLDS_POST' AS tie,
       post.iri AS via_iri, post.type AS via_type, post.name_ko AS via_name_ko, post.name_en AS via_name_en,
       u.iri AS unit_iri, u.type AS unit_type, u.name_ko AS unit_name_ko, u.name_en AS unit_name_en,
       h.roles AS roles, h.as_of AS as_of, h.start_date AS start_date, h.end_date AS end_date, h.acting AS acting,
       h.sources AS sources, h.evidence AS evidence
UNION
MATCH (o:Entity {iri: $org})<-[:SUB_ORGANIZATION_OF*0..3]-(u:Entity)
MATCH (p:Person)-[h:{{relationships:tie}}]->(u)
RETURN p.iri AS iri, p.name_ko AS name_ko, p.name_en AS name_en, type(h) AS tie,
       u.iri AS via_iri, u.type AS via_type, u.name_ko AS via_name_ko, u.name_en AS via_name_en,
       u.iri AS unit_iri, u.type AS unit_type, u.name_ko AS unit_name_ko, u.name_en AS unit_name_en,
       h.roles AS roles, h.as_of AS as_of, h.start_date AS start_date, h.end_date AS end_date, h.acting AS acting,
       h.sources AS sources, h.evidence AS evidence
