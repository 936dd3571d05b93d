// name: analytics_nodes
// description: Display fields and kind flags of every person, organisation and event (for network analytics).
// params:
// returns: iri, type, name_ko, name_en, is_person, is_org, is_government, is_foreign
MATCH (n:Entity)
WHERE n:Person OR n:Organization OR n:Event OR n:Agreement OR n:Post OR n:EventSeries OR n:Statement
RETURN n.iri AS iri, n.type AS type, n.name_ko AS name_ko, n.name_en AS name_en,
       n:Person AS is_person, n:Organization AS is_org, n:GovernmentBody AS is_government,
       n:ForeignPartner AS is_foreign
