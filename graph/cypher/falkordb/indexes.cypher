// The indexes of every staged graph, one statement each (separated by semicolons).
CREATE INDEX FOR (n:Entity) ON (n.iri);
CREATE INDEX FOR (n:Entity) ON (n.name_ko);
CREATE INDEX FOR (n:Entity) ON (n.name_en);
CREATE INDEX FOR (n:Event) ON (n.start_date)
