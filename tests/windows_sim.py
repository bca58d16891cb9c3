"""Windows' file semantics on Linux, for the tests (the users' platform; CI is not it).

`simulate(monkeypatch)` makes the process behave, for every file operation that goes
through Python's `os`, `io` and `sqlite3` modules, the way Windows does:

- `os.fsync` needs a handle opened for writing (Windows' `_commit` → `FlushFileBuffers`
  fails with EBADF on a read-only handle);
- a file this process holds open cannot be renamed, replaced over or deleted: a sharing
  violation (`PermissionError`, `winerror` 32), as Windows answers for a file SQLite,
  Python's `open` or antivirus holds (none of them open with FILE_SHARE_DELETE);
- names are case-insensitive: `DATA\\ROLLEUDPEGER.SQLITE3` is the database (`os.stat`,
  `open`, `sqlite3.connect` and the others find an existing entry whatever its case;
  `os.path.normcase` folds case as `ntpath` does);
- reserved device names (`CON`, `NUL`, `COM1`…, also with an extension) and names ending
  in a dot or a space are refused when a file or folder would be made;
- paths of 260 characters or more fail (no long-path prefix: `MAX_PATH`);
- `chmod` changes nothing; a folder cannot be flushed (`fsync`);
- a directory junction (`junction(link, target)`) is a folder to `is_symlink()` and shows
  itself only through `st_reparse_tag`, as on Python 3.11 on Windows;
- `rolleudpeger.store.files.WINDOWS` is True, so the app takes its Windows paths.

What it cannot simulate, and only a real Windows run shows, is listed in
packaging/README.md ("What only Windows can prove"): other processes' handles (antivirus,
OneDrive, Acrobat), SQLite's own Windows file layer, ACLs, real junctions and 8.3 names.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from rolleudpeger.store import files

MAX_PATH = 260
RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)
ERROR_SHARING_VIOLATION = 32
ERROR_INVALID_NAME = 123
ERROR_PATH_NOT_FOUND = 3

_real = {
    "open": builtins.open,
    "os.open": os.open,
    "stat": os.stat,
    "lstat": os.lstat,
    "replace": os.replace,
    "rename": os.rename,
    "unlink": os.unlink,
    "remove": os.remove,
    "rmdir": os.rmdir,
    "mkdir": os.mkdir,
    "listdir": os.listdir,
    "scandir": os.scandir,
    "fsync": os.fsync,
    "chmod": os.chmod,
    "utime": os.utime,
    "connect": sqlite3.connect,
}
_junctions: set[str] = set()


_CLASSES: dict[int, type[OSError]] = {
    errno.ENOENT: FileNotFoundError,
    errno.EACCES: PermissionError,
    errno.EEXIST: FileExistsError,
}


def win_error(code: int, winerror: int, message: str, filename: object) -> OSError:
    """The OSError Windows' Python raises: its class from the errno, with `winerror` set."""
    name = os.fsdecode(os.fspath(filename)) if filename is not None else None  # type: ignore[arg-type]
    error = _CLASSES.get(code, OSError)(code, message, name)
    error.winerror = winerror  # type: ignore[attr-defined]
    return error


def _lexists(path: str) -> bool:
    try:
        _real["lstat"](path)
    except (OSError, ValueError):
        return False
    return True


def fold(path: Any) -> Any:
    """The existing entry a path names on a case-insensitive file system (the path itself
    when it exists as written, or when nothing matches)."""
    if isinstance(path, (int, bytes)):
        return path
    text = os.fspath(path)
    if not isinstance(text, str) or _lexists(text):
        return path
    absolute = os.path.abspath(text)
    parts = Path(absolute).parts
    current = parts[0]
    for i, part in enumerate(parts[1:], start=1):
        candidate = os.path.join(current, part)
        if not _lexists(candidate):
            try:
                names = _real["listdir"](current)
            except OSError:
                return os.path.join(current, *parts[i:])
            match = next((n for n in names if n.casefold() == part.casefold()), None)
            if match is None:
                return os.path.join(current, *parts[i:])
            candidate = os.path.join(current, match)
        current = candidate
    return current


def _check_length(path: Any) -> None:
    if isinstance(path, int):
        return
    text = os.fsdecode(os.fspath(path))
    if text.startswith("file:"):
        text = text.split("?", 1)[0].removeprefix("file://")
    if len(os.path.abspath(text)) >= MAX_PATH:
        raise win_error(
            errno.ENOENT, ERROR_PATH_NOT_FOUND, "The system cannot find the path specified", path
        )


def _check_new_name(path: Any) -> None:
    """Windows refuses (or silently changes) these names; the simulation refuses them."""
    if isinstance(path, int):
        return
    name = os.path.basename(os.fsdecode(os.fspath(path)).rstrip("/"))
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    if stem in RESERVED or name.endswith((".", " ")):
        raise win_error(
            errno.EINVAL,
            ERROR_INVALID_NAME,
            "The filename, directory name, or volume label syntax is incorrect",
            path,
        )


def _open_inodes() -> set[tuple[int, int]]:
    """(device, inode) of every file this process holds open."""
    held = set()
    for fd in _real["listdir"]("/proc/self/fd"):
        try:
            st = _real["stat"](f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            held.add((st.st_dev, st.st_ino))
    return held


def _refuse_if_held(*paths: Any) -> None:
    held = _open_inodes()
    for path in paths:
        try:
            st = _real["lstat"](fold(path))
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) in held:
            raise win_error(
                errno.EACCES,
                ERROR_SHARING_VIOLATION,
                "The process cannot access the file because it is being used by another process",
                path,
            )


def _creates(flags: int) -> bool:
    return bool(flags & os.O_CREAT)


def _os_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
    if dir_fd is not None:  # relative to an open folder (shutil.rmtree): as it is
        return _real["os.open"](path, flags, mode, dir_fd=dir_fd)
    _check_length(path)
    target = fold(path)
    if _creates(flags) and not _lexists(os.fspath(target)):
        _check_new_name(path)
    return _real["os.open"](target, flags, mode, dir_fd=dir_fd)


def _open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
    if isinstance(file, int):
        return _real["open"](file, mode, *args, **kwargs)
    _check_length(file)
    target = fold(file)
    if any(c in mode for c in "wax") and not _lexists(os.fspath(target)):
        _check_new_name(file)
    return _real["open"](target, mode, *args, **kwargs)


def _fsync(fd: Any) -> None:
    number = fd if isinstance(fd, int) else fd.fileno()
    import fcntl

    if fcntl.fcntl(number, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
        raise OSError(errno.EBADF, "Bad file descriptor")
    if stat.S_ISDIR(_real["stat"](number).st_mode):  # Windows opens no folder for writing
        raise win_error(errno.EACCES, 5, "Access is denied", None)
    _real["fsync"](number)


def _move(real: Callable[..., None]) -> Callable[..., None]:
    def move(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        _check_length(src)
        _check_length(dst)
        _refuse_if_held(src, dst)
        target = fold(dst)
        if not _lexists(os.fspath(target)):
            _check_new_name(dst)
        real(fold(src), target, *args, **kwargs)

    return move


def _delete(real: Callable[..., None]) -> Callable[..., None]:
    def delete(path: Any, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("dir_fd") is not None:
            real(path, *args, **kwargs)
            return
        _check_length(path)
        _refuse_if_held(path)
        real(fold(path), *args, **kwargs)

    return delete


def _mkdir(path: Any, mode: int = 0o777, *, dir_fd: Any = None) -> None:
    if dir_fd is not None:
        _real["mkdir"](path, mode, dir_fd=dir_fd)
        return
    _check_length(path)
    target = fold(path)
    if _lexists(os.fspath(target)):
        raise FileExistsError(
            errno.EEXIST, "Cannot create a file when that file already exists", path
        )
    _check_new_name(path)
    _real["mkdir"](target, mode, dir_fd=dir_fd)


class _JunctionStat:
    """What Windows' os.lstat says of a junction: a folder, with a mount-point tag."""

    def __init__(self, st: os.stat_result) -> None:
        self._st = st
        self.st_mode = stat.S_IFDIR | 0o777
        self.st_reparse_tag = files.IO_REPARSE_TAG_MOUNT_POINT
        self.st_file_attributes = 0x10 | 0x400  # DIRECTORY | REPARSE_POINT

    def __getattr__(self, name: str) -> Any:
        return getattr(self._st, name)


def _lstat(path: Any, *, dir_fd: Any = None) -> Any:
    if isinstance(path, int) or dir_fd is not None:
        return _real["lstat"](path, dir_fd=dir_fd)
    _check_length(path)
    target = fold(path)
    st = _real["lstat"](target, dir_fd=dir_fd)
    if os.path.abspath(os.fspath(target)) in _junctions:
        return _JunctionStat(st)
    return st


def _stat(path: Any, *, dir_fd: Any = None, follow_symlinks: bool = True) -> Any:
    if isinstance(path, int) or dir_fd is not None:
        return _real["stat"](path, dir_fd=dir_fd, follow_symlinks=follow_symlinks)
    if not follow_symlinks:
        return _lstat(path, dir_fd=dir_fd)
    _check_length(path)
    return _real["stat"](fold(path), dir_fd=dir_fd)


def _with_fold(real: Callable[..., Any]) -> Callable[..., Any]:
    def call(path: Any = ".", *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("dir_fd") is not None:
            return real(path, *args, **kwargs)
        if not isinstance(path, int):
            _check_length(path)
        return real(fold(path), *args, **kwargs)

    return call


def _connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
    if database != ":memory:" and not kwargs.get("uri"):
        _check_length(database)
        target = fold(database)
        if not _lexists(os.fspath(target)):
            _check_new_name(database)
        database = target
    elif kwargs.get("uri") and str(database).startswith("file:"):
        _check_length(database)
    return _real["connect"](database, *args, **kwargs)


def _no_chmod(*_args: Any, **_kwargs: Any) -> None:
    """POSIX modes mean nothing on Windows."""


def junction(link: Path, target: Path) -> None:
    """Make `link` a directory junction to `target` (within the simulation)."""
    link.symlink_to(target, target_is_directory=True)
    _junctions.add(os.path.abspath(link))


def forget_junctions() -> None:
    _junctions.clear()


def simulate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give this process Windows' file semantics until the monkeypatch is undone."""
    monkeypatch.setattr(files, "WINDOWS", True)
    monkeypatch.setattr(builtins, "open", _open)
    monkeypatch.setattr(io, "open", _open)
    monkeypatch.setattr(os, "open", _os_open)
    monkeypatch.setattr(os, "stat", _stat)
    monkeypatch.setattr(os, "lstat", _lstat)
    monkeypatch.setattr(os, "replace", _move(_real["replace"]))
    monkeypatch.setattr(os, "rename", _move(_real["rename"]))
    monkeypatch.setattr(os, "unlink", _delete(_real["unlink"]))
    monkeypatch.setattr(os, "remove", _delete(_real["remove"]))
    monkeypatch.setattr(os, "rmdir", _with_fold(_real["rmdir"]))
    monkeypatch.setattr(os, "mkdir", _mkdir)
    monkeypatch.setattr(os, "listdir", _with_fold(_real["listdir"]))
    monkeypatch.setattr(os, "scandir", _with_fold(_real["scandir"]))
    monkeypatch.setattr(os, "utime", _with_fold(_real["utime"]))
    monkeypatch.setattr(os, "fsync", _fsync)
    monkeypatch.setattr(os, "chmod", _no_chmod)
    monkeypatch.setattr(os, "fchmod", _no_chmod, raising=False)
    monkeypatch.setattr(os.path, "normcase", lambda s: os.fspath(s).lower())
    monkeypatch.setattr(sqlite3, "connect", _connect)


@contextmanager
def windows() -> Iterator[None]:
    """The simulation for a block of code (outside a fixture)."""
    patch = pytest.MonkeyPatch()
    try:
        simulate(patch)
        yield
    finally:
        patch.undo()
        forget_junctions()
