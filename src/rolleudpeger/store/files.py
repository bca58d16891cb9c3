"""The files of a data folder and how they are made: private to the user on POSIX, never
through a link, and retried briefly when Windows says another program holds a file.

A link inside the data folder (`backups/` pointing at another folder, a log file pointing
at another file) could make the app prune, erase, chmod or write something that is not
its own. Nothing here follows one: such a path is refused with `LinkedPathError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

# The platform, in one place: the tests give the store Windows' semantics on Linux by
# setting this (tests/windows_sim.py), so the Windows paths below run in every test run.
WINDOWS = sys.platform == "win32"
DB_FILE = "rolleudpeger.sqlite3"
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's own files next to a database
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # POSIX; on Windows the check below does it
IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003  # a junction (stat has the name on Windows only)
_T = TypeVar("_T")


class LinkedPathError(OSError):
    """A path in the data folder is a link (or a junction); it is not followed."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.ELOOP, "is a link; not followed", str(path))


class HardLinkedError(OSError):
    """A file of the data folder that has other names too (hard links): another program,
    or another data folder, could write the same file. The app writes into no such file."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EMLINK, "has other names (hard links); not used", str(path))


def sole_name(path: Path) -> Path:
    """The path, if it is no hard link of a file with other names (HardLinkedError)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return path
    if stat.S_ISREG(st.st_mode) and st.st_nlink > 1:
        raise HardLinkedError(path)
    return path


def is_link(path: Path) -> bool:
    """A symbolic link, or on Windows a junction: `is_symlink()` misses junctions, and
    Python 3.11 has no `is_junction()`; the reparse tag tells on every version."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return False
    tag = getattr(st, "st_reparse_tag", 0)
    return stat.S_ISLNK(st.st_mode) or tag == IO_REPARSE_TAG_MOUNT_POINT


def no_link(path: Path) -> Path:
    if is_link(path):
        raise LinkedPathError(path)
    return path


def real_folder(path: Path, *, create: bool = False) -> Path:
    """A folder of the data folder that is really there (not a link out of it)."""
    no_link(path)
    if create:
        path.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        no_link(path)  # made by someone else in between
    return path


def tighten(path: Path) -> None:
    """Make a file (or folder) of ours owner-only if its mode lets others in. Links, and
    files of other users, are left alone; POSIX modes mean nothing on Windows."""
    if WINDOWS:
        return
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode) or st.st_uid != os.getuid() or st.st_nlink > 1:
        return  # (a hard link's mode is also the other name's: not ours to change)
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o077:
        os.chmod(path, mode & 0o700)


def database_files(db: Path) -> tuple[Path, ...]:
    """The database and SQLite's files next to it."""
    return (db, *(db.with_name(db.name + side) for side in SIDE_FILES))


def check_database_files(db: Path) -> None:
    """Before SQLite touches any of them: neither the database nor its -wal, -shm or
    -journal may be a link (LinkedPathError) or a file with other names (HardLinkedError).
    SQLite writes into its side files even to read — through a link, into someone else's
    file; and a -wal or -shm SQLite cannot open through a link makes a sound database look
    damaged."""
    for path in database_files(db):
        sole_name(no_link(path))


def tighten_database(db: Path) -> None:
    """The database and SQLite's files next to it (which SQLite creates with the database's
    mode, so a loose copied-in database would make loose -wal and -shm files too)."""
    check_database_files(db)
    for path in database_files(db):
        tighten(path)


def create_private(path: Path) -> None:
    """Create an empty file readable by its owner only, unless it exists. SQLite gives its
    -wal and -shm files the same mode as the database."""
    no_link(path)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _NOFOLLOW, PRIVATE_FILE))


def open_private_append(path: Path) -> int:
    """A file descriptor for appending to a private file, never through a link: a file
    with other names (a hard link to something else) is given up — its name removed, the
    other file untouched — and a new file of our own made."""
    no_link(path)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW, PRIVATE_FILE)
    if os.fstat(fd).st_nlink > 1:
        os.close(fd)
        retry_busy(partial(os.unlink, path))
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL | _NOFOLLOW
        fd = os.open(path, flags, PRIVATE_FILE)
    if not WINDOWS:
        os.fchmod(fd, PRIVATE_FILE)
    return fd


class NotAFileError(OSError):
    """Not a regular file: a FIFO (which would block the reader forever), a device, a
    folder."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


def read_limited(path: Path, limit: int) -> bytes:
    """Read a file the user chose, at most `limit` + 1 bytes (so "too big" shows without
    reading it all). Only regular files: opened without blocking and checked on the open
    descriptor, so a FIFO or device never hangs the window."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFileError(path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks = []
        left = limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def truncate(path: Path) -> None:
    """Empty a file in place; a link, or a file with other names, is removed instead (what
    it points at, or its other name, is not ours to touch)."""
    if is_link(path) or os.lstat(path).st_nlink > 1:
        path.unlink()
        return
    os.close(os.open(path, os.O_WRONLY | os.O_TRUNC | _NOFOLLOW))


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write a file that may hold personal data: owner-only, complete or not at all (a
    temporary file next to it, then renamed over the old one; a link is replaced, not
    followed)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    create_private(tmp)
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        retry_busy(lambda: os.replace(tmp, path))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_private_text(path: Path, text: str) -> None:
    write_private_bytes(path, text.encode("utf-8"))


# Windows: ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION. Antivirus,
# OneDrive or Acrobat holding a file makes a rename or delete fail for a moment (or until
# the other program lets go).
BUSY_WINERRORS = frozenset({5, 32, 33})


def is_busy(e: OSError) -> bool:
    return getattr(e, "winerror", None) in BUSY_WINERRORS or e.errno == errno.EBUSY


class FileBusyError(OSError):
    """Another program holds the file (after retrying for a while)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(errno.EBUSY, "the file is open in another program", error.filename)


def retry_busy(action: Callable[[], _T], *, attempts: int = 10, pause: float = 0.2) -> _T:
    """Run a rename or delete; when the file is held by another program, try again for about
    two seconds, then raise FileBusyError."""
    for attempt in range(attempts):
        try:
            return action()
        except OSError as e:
            if not is_busy(e):
                raise
            if attempt == attempts - 1:
                raise FileBusyError(e) from e
            time.sleep(pause)
    raise AssertionError("unreachable")  # pragma: no cover


def fsync_file(path: Path) -> None:
    """Make a file's content durable. Through a handle opened for writing: on Windows
    `os.fsync` is FlushFileBuffers, which refuses a read-only handle (EBADF)."""
    fd = retry_busy(lambda: os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0) | _NOFOLLOW))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in the folder durable (POSIX; Windows has no directory handles)."""
    if WINDOWS:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
