// The element ids of the nodes of each label in $labels (the adapter maps them to integers).
MATCH (n)
UNWIND labels(n) AS label
WITH label, n
WHERE label IN $labels
RETURN label, collect(elementId(n)) AS ids
