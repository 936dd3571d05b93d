// name: entity_by_name
// description: Entities whose IRI, Korean name, English name or an alias equals the given text exactly (case-insensitive).
// params: name: the text to match (NFC); lowered: the same text in lower case
// returns: iri, type, labels, name_ko, name_en, aliases
MATCH (n:Entity)
WHERE n.iri = $name OR toLower(n.name_ko) = $lowered OR toLower(n.name_en) = $lowered
   OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = $lowered)
RETURN n.iri AS iri, n.type AS type, labels(n) AS labels, n.name_ko AS name_ko, n.name_en AS name_en,
       coalesce(n.aliases, []) AS aliases
ORDER BY iri
LIMIT 50
