// name: analytics_participation_ids
// description: Every participation of a person or organisation in an event, as two parallel lists of internal node ids (for the people projection and year-by-year evolution).
// params:
// returns: agents, events
MATCH (a:Agent)-[:PARTICIPATED_IN]->(e:Event)
RETURN collect(ID(a)) AS agents, collect(ID(e)) AS events
