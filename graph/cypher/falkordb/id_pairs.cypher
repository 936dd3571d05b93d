// One branch of a UNION ALL (one per link; __SOURCE__, __TYPE__ and __TARGET__ replaced by checked,
// backticked names, __TARGET__ by nothing when any target will do): the internal ids at both ends of
// every relationship of the type as two comma-joined strings, for the reason in ids_by_label.cypher.
// Each branch starts from the source label, so the engine scans only those nodes.
MATCH (a:__SOURCE__)-[:__TYPE__]->(b__TARGET__) WITH collect(id(a)) AS s, collect(id(b)) AS t
RETURN __INDEX__ AS link, string.join([i IN s | toString(i)], ',') AS sources, string.join([i IN t | toString(i)], ',') AS targets
