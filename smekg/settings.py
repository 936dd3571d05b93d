"""One settings object, read from the environment (documented in the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _text(name: str, default: str) -> str:
    value = _env(name)
    return default if value is None else value


def _int(name: str, default: int) -> int:
    raw = _env(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"environment variable {name} must be an integer, got {raw!r}") from exc


@dataclass(frozen=True)
class Settings:
    """Where the data lives, which store to use, and the console's limits."""

    data_dir: Path = REPO_ROOT / "data"
    store_dir: Path = REPO_ROOT / "var" / "falkordb"
    graph_name: str = "smekg"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"
    query_timeout_ms: int = 5000
    max_rows: int = 1000
    engine_timeout_ms: int = (
        120_000  # FalkorDB TIMEOUT_MAX and TIMEOUT_DEFAULT: no query runs longer
    )
    query_mem_mb: int = 2048  # FalkorDB QUERY_MEM_CAPACITY: memory one query may use (0: unlimited)
    engine_max_queued: int = 256  # FalkorDB MAX_QUEUED_QUERIES: queries waiting for a thread
    batch_size: int = 500
    api_key: str | None = None
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    host: str = "127.0.0.1"
    port: int = 8000
    # the review workbench (/review, `smekg review`): where queued articles wait, where match
    # decisions are written (default <data_dir>/review/decisions.csv), the largest article file taken
    review_queue_dir: Path = REPO_ROOT / "var" / "review" / "queue"
    review_decisions: Path | None = None
    review_max_bytes: int = 4 * 1024 * 1024

    @property
    def decisions_path(self) -> Path:
        """The review decisions replayed by every run of the pipeline and written by the workbench."""
        return self.review_decisions or self.data_dir / "review" / "decisions.csv"

    @property
    def store_kind(self) -> str:
        return "neo4j" if self.neo4j_uri else "falkordb"

    def store_arguments(self) -> dict[str, Any]:
        """The keyword arguments of `graph.open_store` for this configuration."""
        return {
            "store_dir": self.store_dir,
            "graph_name": self.graph_name,
            "neo4j_uri": self.neo4j_uri,
            "neo4j_user": self.neo4j_user,
            "neo4j_password": self.neo4j_password,
            "neo4j_database": self.neo4j_database,
            "engine_timeout_max_ms": self.engine_timeout_ms,
            "engine_query_mem_mb": self.query_mem_mb,
            "engine_max_queued": self.engine_max_queued,
        }

    def __post_init__(self) -> None:
        if self.query_timeout_ms > self.engine_timeout_ms:
            raise ValueError(
                f"SMEKG_QUERY_TIMEOUT_MS ({self.query_timeout_ms}) may not exceed "
                f"SMEKG_ENGINE_TIMEOUT_MS ({self.engine_timeout_ms}), the engine's own limit"
            )

    @classmethod
    def from_env(cls) -> Settings:
        cors = _text("SMEKG_CORS_ORIGINS", "")
        return cls(
            data_dir=Path(_text("SMEKG_DATA_DIR", str(REPO_ROOT / "data"))),
            store_dir=Path(_text("SMEKG_STORE_DIR", str(REPO_ROOT / "var" / "falkordb"))),
            graph_name=_text("SMEKG_GRAPH", "smekg"),
            neo4j_uri=_env("NEO4J_URI"),
            neo4j_user=_text("NEO4J_USER", "neo4j"),
            neo4j_password=_text("NEO4J_PASSWORD", ""),
            neo4j_database=_text("NEO4J_DATABASE", "neo4j"),
            query_timeout_ms=_int("SMEKG_QUERY_TIMEOUT_MS", 5000),
            max_rows=_int("SMEKG_MAX_ROWS", 1000),
            engine_timeout_ms=_int("SMEKG_ENGINE_TIMEOUT_MS", 120_000),
            query_mem_mb=_int("SMEKG_QUERY_MEM_MB", 2048),
            engine_max_queued=_int("SMEKG_ENGINE_MAX_QUEUED", 256),
            batch_size=_int("SMEKG_BATCH_SIZE", 500),
            api_key=_env("SMEKG_API_KEY"),
            cors_origins=tuple(o.strip() for o in cors.split(",") if o.strip()),
            host=_text("SMEKG_HOST", "127.0.0.1"),
            port=_int("SMEKG_PORT", 8000),
            review_queue_dir=Path(
                _text("SMEKG_REVIEW_QUEUE", str(REPO_ROOT / "var" / "review" / "queue"))
            ),
            review_decisions=Path(d) if (d := _env("SMEKG_REVIEW_DECISIONS")) else None,
            review_max_bytes=_int("SMEKG_REVIEW_MAX_BYTES", 4 * 1024 * 1024),
        )
