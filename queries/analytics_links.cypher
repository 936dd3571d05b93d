// name: analytics_links
// description: The meeting-and-affiliation relationships other than PARTICIPATED_IN, one row per type with parallel lists of internal node ids (for the full projection). Each branch starts from the type's rdfs:domain label, which validation guarantees, so the engine scans only those nodes.
// params:
// returns: type, sources, targets
MATCH (a:Person)-[:HOLDS_POST]->(b) RETURN 'HOLDS_POST' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Post)-[:POST_IN]->(b) RETURN 'POST_IN' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Agent)-[:MEMBER_OF]->(b) RETURN 'MEMBER_OF' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Person)-[:AFFILIATED_WITH]->(b) RETURN 'AFFILIATED_WITH' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Person)-[:CHAIR_OF]->(b) RETURN 'CHAIR_OF' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Post)-[:CHAIR_OF]->(b) RETURN 'CHAIR_OF' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Organization)-[:SUB_ORGANIZATION_OF]->(b) RETURN 'SUB_ORGANIZATION_OF' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Agreement)-[:PARTY]->(b) RETURN 'PARTY' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Agreement)-[:SIGNED_AT]->(b) RETURN 'SIGNED_AT' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Event)-[:ORGANIZED_BY]->(b) RETURN 'ORGANIZED_BY' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Statement)-[:SPEAKER]->(b) RETURN 'SPEAKER' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Statement)-[:STATED_AT]->(b) RETURN 'STATED_AT' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
UNION ALL MATCH (a:Event)-[:SUB_EVENT_OF]->(b) RETURN 'SUB_EVENT_OF' AS type, collect(ID(a)) AS sources, collect(ID(b)) AS targets
