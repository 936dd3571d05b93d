// name: analytics_participations
// description: Every participation of a person or organisation in an event, with the event's start date (for co-participation projections and year-by-year evolution).
// params:
// returns: agent, name_ko, name_en, is_person, event, date
MATCH (a:Agent)-[:PARTICIPATED_IN]->(e:Event)
RETURN a.iri AS agent, a.name_ko AS name_ko, a.name_en AS name_en, a:Person AS is_person,
       e.iri AS event, e.start_date AS date
