// The internal ids of the label's nodes and the year of their date property __KEY__ ('' without one),
// as two comma-joined strings (for the reason in ids_by_label.cypher).
MATCH (n:__LABEL__)
WITH collect(id(n)) AS ids, collect(coalesce(left(toString(n.__KEY__), 4), '')) AS years
RETURN string.join([i IN ids | toString(i)], ',') AS ids, string.join(years, ',') AS years
