// name: entity_search_facets
// description: How many entities of each type (the most specific class) match a search as entity_search does: names and aliases containing the text, spaces ignored when `squeezed` differs.
// params: lowered: lower-case search text ('' counts everything); squeezed: the same text without spaces
// returns: type, count
MATCH (n:Entity)
WHERE n.search_text CONTAINS $lowered
   OR ($squeezed IS NOT NULL AND $squeezed <> $lowered AND replace(n.search_text, ' ', '') CONTAINS $squeezed)
RETURN n.type AS type, count(*) AS count
ORDER BY count DESC, type
