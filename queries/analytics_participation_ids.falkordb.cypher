// FalkorDB: each id list joined into one string (the driver parses one string far faster than a list).
MATCH (a:Agent)-[:PARTICIPATED_IN]->(e:Event)
WITH collect(ID(a)) AS agents, collect(ID(e)) AS events
RETURN string.join([i IN agents | toString(i)], ',') AS agents, string.join([i IN events | toString(i)], ',') AS events
