"""Answers to researchers' questions (entity look-up, who met whom, the graph view's neighbourhood)."""
