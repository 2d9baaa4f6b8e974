"""Writing files: atomically (a reader sees the old file or the new one, never half of one), synced, or put
aside for a while (:class:`Spool`)."""
from __future__ import annotations

import ctypes
import json
import os
import tempfile
from pathlib import Path
from typing import Any

_UMASK = os.umask(0)
os.umask(_UMASK)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; published files must be readable
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes_unsynced(path: Path, data: bytes) -> None:
    """Write ``path`` (and its folders) in place, leaving it to :func:`sync_files`: for a folder of files that
    nobody reads before all of them are written and synced (a sync of each as it was written was most of the
    time of writing them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


#: Fewer files than this are synced one by one; more with one sync of their file system, which also writes
#: whatever else waits to be written there, so that it costs more than the syncs of a few files.
SYNC_EACH_BELOW = 64


def sync_files(folder: Path, paths: list[Path]) -> None:
    """Write to disk the files ``paths`` of ``folder``: each with its own sync when they are few, else all with one
    sync of the file system (Linux syncfs, else a sync of every file system)."""
    if len(paths) < SYNC_EACH_BELOW:
        for path in paths:
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)
        if syncfs is None or syncfs(fd) != 0:
            os.sync()
    finally:
        os.close(fd)


def holds(path: Path, data: bytes) -> bool:
    """Whether the file ``path`` holds exactly ``data``: a generated page that does not change is not written
    again, and keeps its modification time (for MkDocs' ``--dirty`` builds and for watchers)."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return False


class Spool:
    """Text put aside on disk until it is taken back, in one unnamed temporary file in ``folder`` (gone once closed,
    or with the process however it ends)."""

    def __init__(self, folder: Path) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".briefing-spool-")
        self._end = 0

    def put(self, text: str) -> tuple[int, int]:
        """Keep ``text``; returns where it is, for :meth:`take`."""
        data = text.encode("utf-8", "surrogatepass")
        self._file.seek(self._end)
        self._file.write(data)
        where, self._end = (self._end, len(data)), self._end + len(data)
        return where

    def take(self, where: tuple[int, int]) -> str:
        self._file.seek(where[0])
        return self._file.read(where[1]).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        self._file.close()


def write_json_atomic(path: Path, data: Any) -> None:
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
