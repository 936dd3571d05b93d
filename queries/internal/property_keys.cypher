// name: property_keys
// description: Every property key used on entities and on relationships, with where it is used (node or relationship) and how often: the live schema the console completes from.
// params:
// returns: key, on, count
MATCH (n:Entity)
UNWIND keys(n) AS key
RETURN key, 'node' AS on, count(*) AS count
UNION ALL
MATCH (:Entity)-[r]->(:Entity)
UNWIND keys(r) AS key
RETURN key, 'relationship' AS on, count(*) AS count
