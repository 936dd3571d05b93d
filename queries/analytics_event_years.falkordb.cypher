// FalkorDB: each list joined into one string (the driver parses one string far faster than a list).
MATCH (e:Event)
WITH collect(ID(e)) AS events, collect(coalesce(left(toString(e.start_date), 4), '')) AS years
RETURN string.join([i IN events | toString(i)], ',') AS events, string.join(years, ',') AS years
