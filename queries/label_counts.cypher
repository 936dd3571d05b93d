// name: label_counts
// description: How many nodes carry each label.
// params:
// returns: label, count
MATCH (n:Entity)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY count DESC, label
