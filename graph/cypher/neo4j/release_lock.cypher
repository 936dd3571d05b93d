// Give the load lock back, if $token still holds it.
MATCH (l:SmekgState {key: 'load-lock'})
WHERE l.owner = $token
SET l.owner = null, l.until = null
