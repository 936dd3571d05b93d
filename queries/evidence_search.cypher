// name: evidence_search
// description: Relationships with an evidence quote that contains any of the given texts (case-insensitive): both ends, the type, the quotes and the source articles; full-text search over the quotes.
// params: terms: list of lower-case texts to look for; limit: maximum rows
// returns: source_iri, source_type, source_name_ko, source_name_en, type, target_iri, target_type, target_name_ko, target_name_en, evidence, sources
MATCH (a:Entity)-[r]->(b:Entity)
WHERE any(q IN coalesce(r.evidence, []) WHERE any(t IN $terms WHERE toLower(q) CONTAINS t))
RETURN a.iri AS source_iri, a.type AS source_type, a.name_ko AS source_name_ko, a.name_en AS source_name_en,
       type(r) AS type,
       b.iri AS target_iri, b.type AS target_type, b.name_ko AS target_name_ko, b.name_en AS target_name_en,
       r.evidence AS evidence, r.sources AS sources
ORDER BY type, source_iri, target_iri
LIMIT $limit
