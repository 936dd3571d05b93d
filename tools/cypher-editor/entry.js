// The console's editor: Neo4j's Cypher support for CodeMirror 6 (highlighting, syntax linting as
// you type, completion of labels, relationship types, properties, parameters and procedures from a
// schema), exposed to the page as window.SmekgCypherEditor. Built by `npm run build` into viz/static.
import { createCypherEditor } from "@neo4j-cypher/codemirror";

window.SmekgCypherEditor = { createCypherEditor };
