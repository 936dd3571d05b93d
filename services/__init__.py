"""Answers built from named queries: questions, analytics, exports and the console."""
