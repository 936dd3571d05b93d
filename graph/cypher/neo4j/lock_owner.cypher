// Who holds the load lock (for the message a second loader gets).
OPTIONAL MATCH (l:SmekgState {key: 'load-lock'})
RETURN l.owner AS owner
