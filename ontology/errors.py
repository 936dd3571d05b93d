"""The project's one exception root and its domain subclasses.

It lives at the bottom of the layers so that every package (stores, loaders, queries, services, ingest)
can raise these without importing the API; the API maps each class to one HTTP status in one table
(`api/errors.py`), and the command line turns any of them into a message and an exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class SmekgError(Exception):
    """Something the user or operator can act on; the message says what, never a traceback."""


# -- what was asked --------------------------------------------------------------------------------
class BadInput(SmekgError):
    """The request or its parameters cannot be used as given."""


class NotFound(SmekgError):
    """No entity, article or query by that name."""


class Ambiguous(SmekgError):
    """A name matches several entities; `candidates` lists them."""

    def __init__(self, message: str, candidates: Sequence[dict[str, Any]] = ()):
        super().__init__(message)
        self.candidates = list(candidates)


class Unauthorized(SmekgError):
    """A key is needed and none was given."""


class Forbidden(SmekgError):
    """A key was given but does not allow this, or the action is switched off."""


# -- the graph store -------------------------------------------------------------------------------
class StoreError(SmekgError):
    """The graph store could not do what was asked."""


class StoreUnavailable(StoreError):
    """The engine is down, restarting or not open yet; retry shortly."""


class StoreBusy(StoreError):
    """The engine (or the console's slot in it) is taken; retry shortly."""


class GraphEmpty(StoreError):
    """No graph is loaded yet."""


class QueryRefused(StoreError):
    """The query would write, reaches outside the graph, or is too large to parse safely."""


class QueryTimeout(StoreError):
    """The query ran past its time limit and was stopped."""


class QuerySyntaxError(StoreError):
    """The engine could not parse or plan the query; the message is the engine's."""


# -- loading ---------------------------------------------------------------------------------------
class LoadRefused(SmekgError):
    """A load did not happen; the graph in service is unchanged."""


class LoadBusy(LoadRefused):
    """Another load (in this or another process) holds the load lock."""


class LoadMismatch(LoadRefused):
    """The staged graph does not hold exactly what the mapping produced; nothing was swapped."""


# -- ingesting -------------------------------------------------------------------------------------
class IngestFailed(SmekgError):
    """An article could not be ingested; nothing was written."""
