// name: articles_by_id
// description: Headline, publication date and publisher of the source articles with the given ids.
// params: ids: list of article ids such as 002_f72b6778ec84ef75
// returns: article_id, iri, headline, date_published, publisher
MATCH (a:Article)
WHERE a.article_id IN $ids
OPTIONAL MATCH (a)-[:PUBLISHER]->(pub:Entity)
WITH a, collect(coalesce(pub.name_ko, pub.name_en)) AS publishers
RETURN a.article_id AS article_id, a.iri AS iri, a.headline AS headline, a.date_published AS date_published,
       coalesce(head(publishers), head(coalesce(a.publisher_name, []))) AS publisher
ORDER BY article_id
