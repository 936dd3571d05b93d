// Relationships in the graph (answered from the relationship matrices, not by a scan).
MATCH ()-[r]->() RETURN count(r) AS relationships
