// The graph's generation: a token written in the transaction that last replaced or changed the graph.
OPTIONAL MATCH (g:SmekgState {key: 'generation'})
RETURN g.value AS generation
