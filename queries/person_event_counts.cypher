// name: person_event_counts
// description: How many events a person took part in: in all, within a date range, undated, and (within the range) how many other people and organisations took part in them; what a who-met-whom answer needs to say why it is empty.
// params: person: IRI of the person; since: earliest event date (ISO) or null; until: latest event date (ISO) or null
// returns: events, in_range, undated, people, organisations
MATCH (p:Entity {iri: $person})
OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(e:Event)
WITH p, e,
     CASE WHEN e IS NOT NULL
               AND ($since IS NULL OR e.start_date >= date($since))
               AND ($until IS NULL OR e.start_date <= date($until)) THEN 1 ELSE 0 END AS inside
WITH p, count(e) AS events, sum(inside) AS in_range,
     sum(CASE WHEN e IS NOT NULL AND e.start_date IS NULL THEN 1 ELSE 0 END) AS undated,
     collect(CASE WHEN inside = 1 THEN e END) AS kept
UNWIND (CASE WHEN size(kept) = 0 THEN [null] ELSE kept END) AS k
OPTIONAL MATCH (k)<-[:PARTICIPATED_IN]-(x:Agent)
WHERE x <> p
RETURN events, in_range, undated,
       count(DISTINCT CASE WHEN x:Person THEN x END) AS people,
       count(DISTINCT CASE WHEN x:Organization THEN x END) AS organisations
