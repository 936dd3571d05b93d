// name: article_mentions
// description: Entities an article mentions (it is among their sources), by type and name.
// params: article_id: the article id; limit: maximum rows
// returns: iri, type, labels, name_ko, name_en, aliases
MATCH (n:Entity)
WHERE $article_id IN n.sources AND NOT n:Article
RETURN n.iri AS iri, n.type AS type, labels(n) AS labels, n.name_ko AS name_ko, n.name_en AS name_en,
       coalesce(n.aliases, []) AS aliases
ORDER BY type, iri
LIMIT $limit
