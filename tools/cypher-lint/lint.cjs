// Neo4j's own Cypher front end (the syntax and semantic checks of Neo4j 5, from npm's
// @neo4j-cypher/language-support) over the queries given as JSON on stdin:
//   {"schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]},
//    "files": [{"path": "...", "text": "...", "parameters": ["name", ...]}]}
// Prints a JSON list of findings {path, line, column, severity, message} (1-based line and column).
// Functions and procedures are Neo4j's built-in ones (the package's recording of a Neo4j 5 server's
// SHOW FUNCTIONS / SHOW PROCEDURES, without plugins such as APOC or GDS), so a FalkorDB-only function
// in a file meant for Neo4j is an error. Runs offline. Called by `python -m queries.neo4j_lint`.
"use strict";

const { lintCypherQuery, testData } = require("@neo4j-cypher/language-support");

const LANGUAGE = "CYPHER 5";

function builtIn(registry) {
  const own = Object.entries(registry[LANGUAGE] || {}).filter(([, entry]) => entry.isBuiltIn);
  return { [LANGUAGE]: Object.fromEntries(own) };
}

function main(input) {
  const functions = builtIn(testData.mockSchema.functions);
  const procedures = builtIn(testData.mockSchema.procedures);
  const findings = [];
  for (const file of input.files) {
    const schema = {
      ...input.schema,
      parameters: Object.fromEntries(file.parameters.map((name) => [name, null])),
      functions,
      procedures,
      defaultLanguage: LANGUAGE,
    };
    for (const d of lintCypherQuery(file.text, schema)) {
      findings.push({
        path: file.path,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        severity: d.severity === 1 ? "error" : "warning",
        message: d.message,
      });
    }
  }
  return findings;
}

let raw = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (raw += chunk));
process.stdin.on("end", () => process.stdout.write(JSON.stringify(main(JSON.parse(raw)))));
