"""The review queue on disk: one folder per article under the queue folder (`var/review/queue/` by
default), holding the article as it was given (`<article id>.txt` or `.html`) and `item.json` — the
proposal, the reviewer's decisions, the undo list and what was committed. Every write replaces the
file atomically, and changes to one item run one at a time (an advisory lock per item, shared by the
server's threads and the `smekg review` command), so a review survives a restart or a crash.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ontology.errors import NotFound

ITEM_FILE = "item.json"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$")


class ItemNotFound(NotFound):
    """No article of that id is in the queue."""


def valid_id(item_id: str) -> bool:
    return bool(_ID.match(item_id)) and ".." not in item_id


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class Queue:
    def __init__(self, root: Path):
        self.root = Path(root)

    def folder(self, item_id: str) -> Path:
        if not valid_id(item_id):
            raise ItemNotFound(f"no article {item_id!r} in the review queue")
        return self.root / item_id

    def ids(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(
            p.name for p in self.root.iterdir() if valid_id(p.name) and (p / ITEM_FILE).is_file()
        )

    def exists(self, item_id: str) -> bool:
        return valid_id(item_id) and (self.root / item_id / ITEM_FILE).is_file()

    def read(self, item_id: str) -> dict[str, Any]:
        path = self.folder(item_id) / ITEM_FILE
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ItemNotFound(f"no article {item_id!r} in the review queue") from exc
        return data

    def write(self, item: dict[str, Any]) -> None:
        folder = self.folder(item["id"])
        text = json.dumps(item, ensure_ascii=False, indent=1, sort_keys=True)
        _write_atomic(folder / ITEM_FILE, text.encode("utf-8"))

    def source(self, item: dict[str, Any]) -> Path:
        return self.folder(item["id"]) / item["source"]

    def create(self, item: dict[str, Any], source: Path) -> None:
        """Move a prepared folder (the source file) into the queue with its item.json, in one rename."""
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=self.root))
        try:
            shutil.copyfile(source, staging / item["source"])
            text = json.dumps(item, ensure_ascii=False, indent=1, sort_keys=True)
            _write_atomic(staging / ITEM_FILE, text.encode("utf-8"))
            os.rename(staging, self.folder(item["id"]))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    def remove(self, item_id: str) -> None:
        folder = self.folder(item_id)
        if not (folder / ITEM_FILE).is_file():
            raise ItemNotFound(f"no article {item_id!r} in the review queue")
        trash = Path(tempfile.mkdtemp(prefix=".gone-", dir=self.root))
        os.rename(folder, trash / item_id)
        shutil.rmtree(trash, ignore_errors=True)

    @contextlib.contextmanager
    def locked(self, item_id: str) -> Iterator[None]:
        """Hold the item's lock (threads and processes); the item must exist."""
        folder = self.folder(item_id)
        if not (folder / ITEM_FILE).is_file():
            raise ItemNotFound(f"no article {item_id!r} in the review queue")
        fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    @contextlib.contextmanager
    def adding(self) -> Iterator[None]:
        """Hold the queue's lock while a new article is given its id and put in."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)
