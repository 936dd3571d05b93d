// Entities in the graph (answered from the label's matrix, not by a scan).
MATCH (n:Entity) RETURN count(n) AS nodes
