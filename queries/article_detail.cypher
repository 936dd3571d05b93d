// name: article_detail
// description: A source article by id or IRI with its metadata (headline, publication date, source file, notes) and the people and organisations credited on it (publisher, authors, photographers, contacts).
// params: id: an article id (002_f72b6778ec84ef75) or its IRI
// returns: iri, article_id, props, credits
MATCH (a:Article)
WHERE a.article_id = $id OR a.iri = $id
OPTIONAL MATCH (a)-[r:PUBLISHER|AUTHOR|PHOTOGRAPHER]->(x:Entity)
WITH a, collect(CASE WHEN x IS NULL THEN NULL ELSE {role: type(r), iri: x.iri, type: x.type, name_ko: x.name_ko, name_en: x.name_en} END) AS credited
OPTIONAL MATCH (c:Entity)-[:CONTACT_FOR]->(a)
WITH a, credited, collect(CASE WHEN c IS NULL THEN NULL ELSE {role: 'CONTACT_FOR', iri: c.iri, type: c.type, name_ko: c.name_ko, name_en: c.name_en} END) AS contacts
RETURN a.iri AS iri, a.article_id AS article_id, properties(a) AS props, credited + contacts AS credits
