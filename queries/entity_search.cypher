// name: entity_search
// description: Entities whose Korean name, English name or an alias contains the text (case-insensitive, partial), optionally of one type (label).
// params: lowered: lower-case search text ('' lists everything); type: a label such as Person or Organization, or null; limit: maximum rows
// returns: iri, type, labels, name_ko, name_en, aliases
MATCH (n:Entity)
WHERE n.search_text CONTAINS $lowered
  AND ($type IS NULL OR $type IN labels(n))
RETURN n.iri AS iri, n.type AS type, labels(n) AS labels, n.name_ko AS name_ko, n.name_en AS name_en,
       coalesce(n.aliases, []) AS aliases
ORDER BY CASE WHEN toLower(n.name_ko) = $lowered OR toLower(n.name_en) = $lowered THEN 0 ELSE 1 END, size(coalesce(n.name_ko, n.name_en, '')), name_ko
LIMIT $limit
