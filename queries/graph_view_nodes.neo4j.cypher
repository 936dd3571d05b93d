MATCH (n:Entity)
WHERE n.iri IN $iris
RETURN collect({iri: n.iri, type: n.type, labels: labels(n), name_ko: n.name_ko, name_en: n.name_en,
                date: toString(coalesce(n.start_date, n.date_published)), id: id(n)}) AS nodes
