"""The named query library: one .cypher file per query, loaded by name, run with parameters only."""

from queries.library import NamedQuery, get_query, list_queries, run_query

__all__ = ["NamedQuery", "get_query", "list_queries", "run_query"]
