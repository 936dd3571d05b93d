"""RDF → graph store: read, validate, map, and write with stage-then-swap."""

from loaders.errors import LoadError, Problem
from loaders.pipeline import LoadReport, load_data, prepare

__all__ = ["LoadError", "LoadReport", "Problem", "load_data", "prepare"]
