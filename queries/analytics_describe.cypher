// name: analytics_describe
// description: IRI, names and type of the nodes with the given internal ids (to label analytics results).
// params: ids: list of internal node ids
// returns: id, iri, name_ko, name_en, type
UNWIND $ids AS wanted
MATCH (n:Entity) WHERE ID(n) = wanted
RETURN ID(n) AS id, n.iri AS iri, n.name_ko AS name_ko, n.name_en AS name_en, n.type AS type
