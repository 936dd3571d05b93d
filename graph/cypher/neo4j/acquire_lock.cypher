// Take (or renew) the load lock for $token if it is free, expired, or already ours. Setting `touched`
// first takes the node's write lock, so two loaders are serialised and the second reads the first's
// owner and expiry (Neo4j reads committed data once it holds the lock).
MERGE (l:SmekgState {key: 'load-lock'})
SET l.touched = timestamp()
WITH l, (l.until IS NULL OR l.until < timestamp() OR l.owner = $token) AS free
SET l.owner = CASE WHEN free THEN $token ELSE l.owner END,
    l.until = CASE WHEN free THEN timestamp() + $ttl_ms ELSE l.until END
RETURN l.owner = $token AS acquired, l.owner AS owner
