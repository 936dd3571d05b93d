// Constraints and indexes, created (if missing) before a load, one statement each.
CREATE CONSTRAINT smekg_entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE;
CREATE INDEX smekg_entity_name_ko IF NOT EXISTS FOR (n:Entity) ON (n.name_ko);
CREATE INDEX smekg_entity_name_en IF NOT EXISTS FOR (n:Entity) ON (n.name_en);
CREATE INDEX smekg_event_start IF NOT EXISTS FOR (n:Event) ON (n.start_date);
CREATE CONSTRAINT smekg_state_key IF NOT EXISTS FOR (n:SmekgState) REQUIRE n.key IS UNIQUE
