// name: article_facts
// description: The relationships an article is a source of (it is among their sources), with both ends and the relationship's properties (qualifiers, source articles, evidence quotes), by type.
// params: article_id: the article id (002_f72b6778ec84ef75); limit: maximum rows
// returns: source_iri, source_type, source_name_ko, source_name_en, type, target_iri, target_type, target_name_ko, target_name_en, target_date, props
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $article_id IN r.sources
RETURN a.iri AS source_iri, a.type AS source_type, a.name_ko AS source_name_ko, a.name_en AS source_name_en,
       type(r) AS type,
       b.iri AS target_iri, b.type AS target_type, b.name_ko AS target_name_ko, b.name_en AS target_name_en,
       coalesce(b.start_date, b.date_published) AS target_date, properties(r) AS props
ORDER BY type, source_iri, target_iri
LIMIT $limit
