// name: graph_version
// description: The loaded graph's version (a hash of the sources), load time and size, without the file list: what caches and health checks read on every request.
// params:
// returns: version, loaded_at, node_count, edge_count
MATCH (g:GraphInfo {key: 'current'})
RETURN g.version AS version, g.loaded_at AS loaded_at, g.node_count AS node_count, g.edge_count AS edge_count
