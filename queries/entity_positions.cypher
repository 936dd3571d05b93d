// name: entity_positions
// description: Posts a person holds or held (Holdings), with the organisation of each post, the dates (as of, start, end), whether acting, and the source articles and evidence quotes.
// params: iri: IRI of the person
// returns: post_iri, post_name_ko, post_name_en, org_iri, org_name_ko, org_name_en, as_of, start_date, end_date, acting, sources, evidence
MATCH (n:Entity {iri: $iri})-[h:HOLDS_POST]->(post:Post)
OPTIONAL MATCH (post)-[:POST_IN]->(org:Entity)
RETURN post.iri AS post_iri, post.name_ko AS post_name_ko, post.name_en AS post_name_en,
       org.iri AS org_iri, org.name_ko AS org_name_ko, org.name_en AS org_name_en,
       h.as_of AS as_of, h.start_date AS start_date, h.end_date AS end_date, h.acting AS acting,
       h.sources AS sources, h.evidence AS evidence
ORDER BY post_iri, org_iri
