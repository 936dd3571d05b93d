"""Exports of the stored graph: JSON records, Turtle, GraphML."""
