// name: entity_search
// description: Entities whose Korean name, English name or an alias contains the text (case-insensitive, partial; spaces ignored when `squeezed` differs), optionally of one type (label), ranked: an exact name or alias first (rank 0), then names that start with the text (1), then names containing it (2), then matches only when spaces are ignored (3); shorter names first within a rank.
// params: lowered: lower-case search text ('' lists everything); squeezed: the same text without spaces; type: a label such as Person or Organization, or null; limit: maximum rows
// returns: iri, type, labels, name_ko, name_en, aliases, rank
MATCH (n:Entity)
WHERE (n.search_text CONTAINS $lowered
       OR ($squeezed IS NOT NULL AND $squeezed <> $lowered AND replace(n.search_text, ' ', '') CONTAINS $squeezed))
  AND ($type IS NULL OR $type IN labels(n))
WITH n, [x IN [n.name_ko, n.name_en] + coalesce(n.aliases, []) WHERE x IS NOT NULL | toLower(x)] AS names
WITH n, CASE
          WHEN $lowered IN names THEN 0
          WHEN any(x IN names WHERE x STARTS WITH $lowered) THEN 1
          WHEN n.search_text CONTAINS $lowered THEN 2
          ELSE 3
        END AS rank
RETURN n.iri AS iri, n.type AS type, labels(n) AS labels, n.name_ko AS name_ko, n.name_en AS name_en,
       coalesce(n.aliases, []) AS aliases, rank
ORDER BY rank, size(coalesce(n.name_ko, n.name_en, '')), name_ko, iri
LIMIT $limit
