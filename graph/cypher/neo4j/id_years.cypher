// The element ids of the nodes labelled $label and the year of their date property $key ('' without
// one), as two parallel lists.
MATCH (n)
WHERE $label IN labels(n)
RETURN collect(elementId(n)) AS ids, collect(coalesce(left(toString(n[$key]), 4), '')) AS years
