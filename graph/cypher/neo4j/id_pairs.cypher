// For each link in $links ({source, type, target}: labels and a relationship type, target null for
// any), the element ids at both ends of its relationships, as two parallel lists.
UNWIND range(0, size($links) - 1) AS i
WITH i, $links[i] AS link
OPTIONAL MATCH (a)-[r]->(b)
WHERE type(r) = link.type AND link.source IN labels(a) AND (link.target IS NULL OR link.target IN labels(b))
RETURN i AS link, collect(elementId(a)) AS sources, collect(elementId(b)) AS targets
