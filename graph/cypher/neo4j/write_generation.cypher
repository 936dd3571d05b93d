// A new generation, written in the same transaction as the change it marks.
MERGE (g:SmekgState {key: 'generation'})
SET g.value = $token
