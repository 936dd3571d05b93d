// name: analytics_kinds
// description: Internal node ids by label, one row per label (the kinds network analytics needs: people, organisations, government bodies, foreign partners, events and the other nodes of the full projection).
// params:
// returns: label, ids
MATCH (n:Person) RETURN 'Person' AS label, collect(ID(n)) AS ids
UNION ALL MATCH (n:Organization) RETURN 'Organization' AS label, collect(ID(n)) AS ids
UNION ALL MATCH (n:GovernmentBody) RETURN 'GovernmentBody' AS label, collect(ID(n)) AS ids
UNION ALL MATCH (n:ForeignPartner) RETURN 'ForeignPartner' AS label, collect(ID(n)) AS ids
UNION ALL MATCH (n:Event) RETURN 'Event' AS label, collect(ID(n)) AS ids
UNION ALL MATCH (n:Agreement) RETURN 'Agreement' AS label, collect(ID(n)) AS ids
UNION ALL MATCH (n:Post) RETURN 'Post' AS label, collect(ID(n)) AS ids
UNION ALL MATCH (n:EventSeries) RETURN 'EventSeries' AS label, collect(ID(n)) AS ids
UNION ALL MATCH (n:Statement) RETURN 'Statement' AS label, collect(ID(n)) AS ids
