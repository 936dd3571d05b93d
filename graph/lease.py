"""A lock held in the engine with an expiry, renewed while its holder works: one load at a time.

The holder takes the lock with a fresh token and a time to live; a daemon thread renews it every
third of that time while the load runs, so a load of any length keeps it, and a crashed process's
lock lapses by itself. Adapters supply three calls (take, renew, give back), each of which only
touches the lock if `token` holds it; the swap that ends a load checks the token again in the engine.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from types import TracebackType

from ontology.errors import LoadBusy

log = logging.getLogger(__name__)

LEASE_TTL_MS = 30_000


def new_token() -> str:
    """Unique per load, and says who holds it: host, process and start time."""
    since = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return f"{uuid.uuid4().hex} host={socket.gethostname()} pid={os.getpid()} since={since}"


class Lease:
    """`with Lease(...)`: LoadBusy if another holder has the lock; renewed until the block ends."""

    def __init__(
        self,
        take: Callable[[str, int], bool],
        renew: Callable[[str, int], bool],
        give_back: Callable[[str], None],
        holder: Callable[[], str | None],
        ttl_ms: int = LEASE_TTL_MS,
    ):
        self._take, self._renew, self._give_back, self._holder = take, renew, give_back, holder
        self.ttl_ms = ttl_ms
        self.token = new_token()
        self._stop = threading.Event()
        self._lost = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def lost(self) -> bool:
        """True when a renewal found the lock gone (the swap will be refused)."""
        return self._lost.is_set()

    def __enter__(self) -> Lease:
        if not self._take(self.token, self.ttl_ms):
            holder = self._holder() or "another loader"
            who = holder.split(" ", 1)[1] if " " in holder else holder
            raise LoadBusy(f"another load is running ({who}); the graph in service is unchanged")
        self._thread = threading.Thread(target=self._keep, name="load-lease", daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        try:
            self._give_back(self.token)
        except (
            Exception
        ) as exc:  # the lock lapses by itself; a failed release must not hide the load's outcome
            log.warning("could not release the load lock (it expires by itself): %s", exc)

    def _keep(self) -> None:
        while not self._stop.wait(self.ttl_ms / 3000):
            try:
                if not self._renew(self.token, self.ttl_ms):
                    self._lost.set()
                    log.warning("the load lock was lost; this load will not be swapped in")
                    return
            except Exception as exc:  # the engine may be back before the lock lapses
                log.warning("could not renew the load lock: %s", exc)
