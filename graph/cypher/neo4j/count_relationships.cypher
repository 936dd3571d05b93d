// Relationships in the graph (answered from the count store).
MATCH ()-[r]->() RETURN count(r) AS relationships
