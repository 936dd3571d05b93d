// FalkorDB: each id list joined into one string (the driver parses one string far faster than a list).
MATCH (n:Person) WITH collect(ID(n)) AS ids RETURN 'Person' AS label, string.join([i IN ids | toString(i)], ',') AS ids
UNION ALL MATCH (n:Organization) WITH collect(ID(n)) AS ids RETURN 'Organization' AS label, string.join([i IN ids | toString(i)], ',') AS ids
UNION ALL MATCH (n:GovernmentBody) WITH collect(ID(n)) AS ids RETURN 'GovernmentBody' AS label, string.join([i IN ids | toString(i)], ',') AS ids
UNION ALL MATCH (n:ForeignPartner) WITH collect(ID(n)) AS ids RETURN 'ForeignPartner' AS label, string.join([i IN ids | toString(i)], ',') AS ids
UNION ALL MATCH (n:Event) WITH collect(ID(n)) AS ids RETURN 'Event' AS label, string.join([i IN ids | toString(i)], ',') AS ids
UNION ALL MATCH (n:Agreement) WITH collect(ID(n)) AS ids RETURN 'Agreement' AS label, string.join([i IN ids | toString(i)], ',') AS ids
UNION ALL MATCH (n:Post) WITH collect(ID(n)) AS ids RETURN 'Post' AS label, string.join([i IN ids | toString(i)], ',') AS ids
UNION ALL MATCH (n:EventSeries) WITH collect(ID(n)) AS ids RETURN 'EventSeries' AS label, string.join([i IN ids | toString(i)], ',') AS ids
UNION ALL MATCH (n:Statement) WITH collect(ID(n)) AS ids RETURN 'Statement' AS label, string.join([i IN ids | toString(i)], ',') AS ids
