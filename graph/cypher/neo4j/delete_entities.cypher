// Everything the loader wrote (entities and the graph's information node), before a rebuild.
MATCH (n)
WHERE n:Entity OR n:GraphInfo
DETACH DELETE n
