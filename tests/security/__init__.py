"""Attacks and failures against the real engine: runaway console queries, load races, engine
loss, malformed input."""
