// How many incremental changes (smekg add / remove) the loaded graph has taken since its full load:
// part of the generation, so that an answer built from several reads notices one.
MATCH (g:GraphInfo {key: 'current'})
RETURN g.changes AS changes
