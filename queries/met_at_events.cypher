// name: met_at_events
// description: Events at which two agents both took part (attended, spoke, chaired, signed), with each one's roles, evidence quotes and source articles. The two participations are different relationships (as Neo4j matches a pattern: one relationship is never used twice), so an agent never meets itself.
// params: a: IRI of the first person or organisation; b: IRI of the second
// returns: iri, type, name_ko, name_en, date, end_date, places, roles_a, roles_b, evidence_a, evidence_b, sources
MATCH (x:Entity {iri: $a})-[ra:PARTICIPATED_IN]->(e:Event)<-[rb:PARTICIPATED_IN]-(y:Entity {iri: $b})
WHERE ra <> rb
OPTIONAL MATCH (e)-[:HELD_AT]->(v:Entity)
WITH e, ra, rb, collect(coalesce(v.name_ko, v.name_en)) AS places
RETURN e.iri AS iri, e.type AS type, e.name_ko AS name_ko, e.name_en AS name_en,
       e.start_date AS date, e.end_date AS end_date, places,
       ra.roles AS roles_a, rb.roles AS roles_b, ra.evidence AS evidence_a, rb.evidence AS evidence_b,
       coalesce(ra.sources, []) + coalesce(rb.sources, []) AS sources
ORDER BY date, iri
