// name: graph_info
// description: When the current graph was loaded, from which files, and its version (a hash of the sources).
// params:
// returns: version, loaded_at, files, node_count, edge_count
MATCH (g:GraphInfo {key: 'current'})
RETURN g.version AS version, g.loaded_at AS loaded_at, g.files AS files,
       g.node_count AS node_count, g.edge_count AS edge_count
