// name: events_participant_posts
// description: For each of the given events, the posts its participants held as of the event's date (Holdings observed on that day, or running over it), with the organisation of each post and whether acting.
// params: events: list of event IRIs
// returns: event, person, post_iri, post_name_ko, post_name_en, org_iri, org_name_ko, org_name_en, acting
UNWIND $events AS wanted
MATCH (e:Event {iri: wanted})<-[:PARTICIPATED_IN]-(p:Person)-[h:HOLDS_POST]->(post:Post)
WHERE e.start_date IS NOT NULL
  AND (e.start_date IN coalesce(h.as_of, [])
       OR ((h.start_date IS NULL OR h.start_date <= e.start_date) AND h.end_date IS NOT NULL AND h.end_date >= e.start_date))
OPTIONAL MATCH (post)-[:POST_IN]->(org:Entity)
RETURN e.iri AS event, p.iri AS person, post.iri AS post_iri, post.name_ko AS post_name_ko, post.name_en AS post_name_en,
       org.iri AS org_iri, org.name_ko AS org_name_ko, org.name_en AS org_name_en, h.acting AS acting
ORDER BY event, person, post_iri
