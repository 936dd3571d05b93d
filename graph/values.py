"""Plain, JSON-ready values: the shared part of every adapter's value conversion.

Each adapter converts its own driver's types (nodes, relationships, paths, temporal values) in its
own module and hands everything else to `plain`, which keeps scalars, turns dates into ISO text and
recurses into lists and maps with the adapter's converter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

# An adapter's converter: the plain form of one of its driver's values, or NotImplemented.
Converter = Callable[[Any], Any]


def plain(value: Any, convert: Converter) -> Any:
    """Recursively convert a driver value to dicts, lists, strings and numbers."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, dict):
        return {str(k): plain(v, convert) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v, convert) for v in value]
    converted = convert(value)
    return str(value) if converted is NotImplemented else converted
