"""Load errors that name the file, line, focus node and field, so the user knows what to fix."""

from __future__ import annotations

from dataclasses import dataclass

from ontology.errors import LoadRefused


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    focus: str = ""
    field: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        parts = [where]
        if self.focus:
            parts.append(f"focus <{self.focus}>")
        if self.field:
            parts.append(f"field {self.field}")
        return " — ".join(parts) + f": {self.message}"


class LoadError(LoadRefused):
    """The data could not be loaded; nothing was written and the previous graph is intact."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s); nothing was loaded:\n{shown}{more}")
