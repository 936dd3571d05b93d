// name: relationship_counts
// description: How many relationships there are of each type.
// params:
// returns: type, count
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS type, count(*) AS count
ORDER BY count DESC, type
