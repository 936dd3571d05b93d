// Entities in the graph (answered from the count store).
MATCH (n:Entity) RETURN count(n) AS nodes
