"""Backups and damage control for the database file; no Qt.

A consistent copy is taken with SQLite's online backup API (safe while the database is in
use) into a temporary name, and renamed when complete: a backup killed half-way never
counts. The newest ten are kept in `backups/` next to the database; a `backups` that is a
link out of the data folder is not used, pruned or erased.

Which backup is newest is told by a sequence number in its name, not by the clock: a PC
whose clock was once a year ahead must not make every later backup look old (and be
pruned at once). The time in the name is what the user is shown.

A backup is offered or restored only when it passes SQLite's quick check, read-only, holds
a case and — once upgraded, in a private copy in memory, to the app's revision — is exactly
the app's own schema (an older file with a foreign table or trigger would otherwise pass).
A restore writes the live database only from a copy already upgraded and checked, so a
restore that fails leaves the database as it was. A damaged database — or one someone
changed behind the app's back — is never deleted: it is moved aside and the newest good
backup takes its place.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from functools import partial
from pathlib import Path

from sqlalchemy import Engine

from rolleudpeger.domain.timefmt import file_stamp, parse_file_stamp
from rolleudpeger.store import migrate, schema
from rolleudpeger.store.engine import make_engine, make_memory_engine
from rolleudpeger.store.files import (
    DB_FILE,
    SIDE_FILES,
    check_database_files,
    create_private,
    fsync_file,
    fsync_folder,
    is_link,
    no_link,
    real_folder,
    retry_busy,
    sole_name,
    tighten,
)

BACKUP_DIR = "backups"
KEEP = 10
PREFIX = "rolleudpeger-"
SUFFIX = ".sqlite3"
SEQUENCE = "-nr"  # rolleudpeger-<local time>-nr<sequence>.sqlite3 (0.2.0: no sequence)
CLOCK_SLACK = timedelta(minutes=5)
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # a backup's time outside these is not believed
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
PARTIAL = ".partial"  # a backup being written: `.rolleudpeger-<time>-nr<n>.sqlite3.<pid>.partial`
PARTIAL_ALIVE_SECONDS = 60  # a partial written to this recently may be another's, at work
DAMAGED = ".beskadiget-"
FINGERPRINT_SETTING = "last_backup_fingerprint"
# Set when the user erased the case: an empty database is then meant to be empty, and a
# backup that erasing could not remove is never put back in its place.
ERASED_SETTING = "erased"


class BackupUnusableError(Exception):
    """The chosen backup is incomplete, damaged, not the app's own or empty."""


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def read_only_uri(path: Path) -> str:
    """A URI that opens a database file without creating or changing anything next to it
    (immutable: a backup has no -wal to read). From Path.as_uri, so that #, % and ? in a
    folder name stay part of the name."""
    return f"{path.absolute().as_uri()}?mode=ro&immutable=1"


def _backups_folder(data_dir: Path) -> Path | None:
    folder = backup_dir(data_dir)
    if is_link(folder) or not folder.is_dir():
        return None
    return folder


def _digits(text: str) -> bool:
    """0–9 only: `str.isdigit()` also takes "²" and "١٢٣", which `int()` refuses or reads."""
    return text.isascii() and text.isdigit()


def _is_backup_name(name: str) -> bool:
    return name.startswith(PREFIX) and name.endswith(SUFFIX)


def sequence(backup: Path) -> int:
    """The number in the name (0 for a name without one, from 0.2.0 and before)."""
    middle = backup.name.removeprefix(PREFIX).removesuffix(SUFFIX)
    _, found, number = middle.rpartition(SEQUENCE)
    return int(number) if found and _digits(number) else 0


def list_backups(data_dir: Path) -> list[Path]:
    """Newest first: by sequence number, then (for names from 0.2.0 and before, which
    have none) by the time in the name. Only complete backups that are files of their own
    (not links) are listed."""
    folder = _backups_folder(data_dir)
    if folder is None:
        return []
    found = [
        p for p in folder.iterdir() if _is_backup_name(p.name) and p.is_file() and not is_link(p)
    ]
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(found, key=lambda p: (sequence(p), taken_at(p) or oldest, p.name), reverse=True)


def taken_at(backup: Path) -> datetime | None:
    """The time in the name: when the backup was taken, by the PC's clock then."""
    middle = backup.name.removeprefix(PREFIX).removesuffix(SUFFIX)
    stamp, found, number = middle.rpartition(SEQUENCE)
    at = parse_file_stamp(stamp if found and _digits(number) else middle)
    # A time no backup of this app can have (a clock far out, a name made by hand) is no
    # time at all: shown as unknown, never a year 9999 the calendar cannot compute with.
    return at if at is not None and EARLIEST <= at <= LATEST else None


@dataclass(frozen=True)
class ClockSkew:
    """A time the data says has been, though it lies after now."""

    at: datetime
    in_case: bool  # True: something in the case; False: the newest backup's name


def clock_looks_wrong(
    data_dir: Path, now: datetime | None = None, seen: Iterable[datetime] = ()
) -> ClockSkew | None:
    """A time the data says has been — the newest backup's, or one of `seen` (the case's
    own) — that lies after `now`, beyond a few minutes: the PC's clock is wrong now, or was
    when that was written. None when all agrees."""
    now = now or datetime.now(UTC)
    newest = list_backups(data_dir)[:1]
    stamped = [t for t in map(taken_at, newest) if t is not None]
    candidates = [(t, True) for t in seen] + [(t, False) for t in stamped]
    late = [c for c in candidates if c[0] > now + CLOCK_SLACK]
    if not late:
        return None
    at, in_case = max(late)
    return ClockSkew(at, in_case)


def _copy(source: str, target: Path, *, source_is_uri: bool = False) -> None:
    """Copy one SQLite database into another with the backup API: the target is written
    in one transaction, so if this is killed the target keeps what it had."""
    src = sqlite3.connect(source, uri=source_is_uri)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _remove(path: Path) -> None:
    """Remove a file and SQLite's files next to it (links: the link, never its target)."""
    for p in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        retry_busy(partial(p.unlink, missing_ok=True))


def clean_partials(data_dir: Path, now: float | None = None) -> None:
    """Remove what a killed backup left: a `.partial` file and its -journal. One another
    process is writing right now (written to within the last minute) is left alone."""
    folder = _backups_folder(data_dir)
    if folder is None:
        return
    now = time.time() if now is None else now
    for p in folder.glob(f".{PREFIX}*{SUFFIX}*{PARTIAL}"):
        pid = _pid_of(p)
        try:
            age = now - p.stat().st_mtime
        except FileNotFoundError:
            continue
        if pid is None or age > PARTIAL_ALIVE_SECONDS:
            _remove(p)


def _writer() -> str:
    """A name part no other writer has: this process's id and a random token (two threads,
    or two processes, working at once never share a file)."""
    return f"{os.getpid()}-{secrets.token_hex(4)}"


def _pid_of(partial_file: Path) -> int | None:
    """The writer's process id in a partial's name (None: a name from 0.2.0, without)."""
    stem = partial_file.name.removesuffix(PARTIAL)
    _, dot, writer = stem.rpartition(".")
    number = writer.split("-", 1)[0]
    return int(number) if dot and _digits(number) else None


def take_backup(data_dir: Path, now: datetime | None = None, *, prune: bool = True) -> Path:
    """Copy the database into backups/ under the next sequence number, and keep the newest
    ten (never the one just written). Raises OSError or sqlite3.Error when it cannot
    (LinkedPathError when `backups` is a link)."""
    folder = real_folder(backup_dir(data_dir), create=True)
    tighten(folder)
    clean_partials(data_dir)
    db = sole_name(no_link(data_dir / DB_FILE))
    number = max((sequence(p) for p in list_backups(data_dir)), default=0) + 1
    stamp = file_stamp(now or datetime.now(UTC))
    target = folder / f"{PREFIX}{stamp}{SEQUENCE}{number:06d}{SUFFIX}"
    # Written under a name of this process's own: two processes backing up at once (one
    # window per folder makes that rare) never write into the same file.
    writing = folder / f".{target.name}.{_writer()}{PARTIAL}"
    create_private(writing)
    try:
        _copy(str(db), writing)
        fsync_file(writing)
        retry_busy(partial(os.replace, writing, target))
        fsync_folder(folder)
    except BaseException:
        _remove(writing)
        raise
    if prune:
        prune_backups(data_dir, keep=target)
    return target


def prune_backups(data_dir: Path, keep: Path | None = None) -> None:
    """Keep the newest KEEP backups that can be restored, and `keep` (the one just
    written); only backups that could be restored, older than those, are removed. A file
    that cannot be restored here is left alone and counts for nothing: an empty or broken
    file with a backup's name must not push good backups out, and a newer version's backup
    is not this version's to delete."""
    good = [b for b in list_backups(data_dir) if b == keep or usable(b)]
    for old in good[KEEP:]:
        if old != keep:
            _remove(old)


def fingerprint(db: sqlite3.Connection) -> str:
    """Changes whenever a case does (settings such as window size do not count)."""
    row = db.execute(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM events),"
        " (SELECT COUNT(*) FROM cases), (SELECT COALESCE(MAX(updated_at), '') FROM cases)"
    ).fetchone()
    return ":".join(map(str, row))


def backup_if_changed(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Take a backup when the data changed since the last one (checked at every start)."""
    db = sqlite3.connect(sole_name(no_link(data_dir / DB_FILE)))
    try:
        current = fingerprint(db)
        row = db.execute(
            "SELECT value FROM settings WHERE key = ?", (FINGERPRINT_SETTING,)
        ).fetchone()
        if (row and row[0] == current) or current.startswith("0:"):
            return None  # unchanged, or nothing recorded yet (a first start: no events)
        path = take_backup(data_dir, now)
        with db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (FINGERPRINT_SETTING, current),
            )
        return path
    finally:
        db.close()


def _revision(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute(f"SELECT version_num FROM {schema.ALEMBIC_TABLE}").fetchone()
    except sqlite3.DatabaseError:
        return None
    return None if row is None else str(row[0])


def usable(path: Path) -> bool:
    """A backup that can be offered and restored: a file of its own, with no hot journal
    next to it (a backup of version 0.1.0 killed half-way), that passes SQLite's quick
    check read-only, holds a case, and is the app's own schema — an older backup once
    upgraded, in a private copy in memory (it is never changed itself)."""
    if is_link(path) or not path.is_file() or path.stat().st_size == 0:
        return False
    if path.with_name(path.name + "-journal").exists():
        return False
    try:
        db = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return False
            if not db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]:
                return False
            if _revision(db) == migrate.HEAD:
                return not schema.problems(db)
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            db.backup(memory)
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return _upgrades_cleanly(make_memory_engine(memory), memory)


def _upgrades_cleanly(engine: Engine, db: sqlite3.Connection) -> bool:
    """Upgrade a database (a private copy) to the app's revision; True when that worked
    and left exactly the app's schema. The engine is disposed of."""
    try:
        migrate.upgrade(engine)
        return not schema.problems(db)
    except Exception:  # a migration step failed on what the file holds
        return False
    finally:
        engine.dispose()


def _prepared(data_dir: Path, backup: Path) -> Path:
    """A private copy of the backup in the data folder, upgraded to the app's revision and
    checked: what a restore writes into the live database (nothing can fail after).
    Raises BackupUnusableError (the copy removed)."""
    fresh = data_dir / f".{DB_FILE}.{_writer()}.gendannes"
    _remove(fresh)
    create_private(fresh)
    try:
        _copy(read_only_uri(backup), fresh, source_is_uri=True)
        connection = sqlite3.connect(fresh)
        try:
            ok = _upgrades_cleanly(make_engine(fresh), connection)
        finally:
            connection.close()
        if not ok:
            raise BackupUnusableError(str(backup))
    except BaseException:
        _remove(fresh)
        raise
    return fresh


def restore_backup(data_dir: Path, backup: Path, now: datetime | None = None) -> Path:
    """Replace the database with a backup, after backing up the current one (returned).
    The store must be closed first and reopened after. The backup is read only, never
    opened for writing (SQLite would roll a half-written one back to nothing); it is
    upgraded and checked in a private copy first, and the database is then written from
    that copy in one transaction — a restore that fails leaves the database as it was."""
    if not usable(backup):
        raise BackupUnusableError(str(backup))
    fresh = _prepared(data_dir, backup)
    try:
        # Pruned only after: with ten backups, the safety copy would otherwise push out
        # the oldest — perhaps the one being restored.
        safety = take_backup(data_dir, now, prune=False)
        _copy(str(fresh), sole_name(no_link(data_dir / DB_FILE)))
    finally:
        _remove(fresh)
    prune_backups(data_dir)
    return safety


class Damage(Enum):
    DAMAGED = "damaged"  # SQLite cannot read it, or its quick check fails
    FOREIGN = "foreign"  # changed behind the app's back (see schema)
    MISSING = "missing"  # gone (deleted, or quarantined by antivirus), or emptied, while
    # good backups of a case exist


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged database at start."""

    damaged_copy: Path
    restored_from: Path | None  # None: no good backup, the app starts empty
    damage: Damage = Damage.DAMAGED
    problems: tuple[str, ...] = ()
    resumed: bool = False  # an earlier start set the file aside but could not restore


class RecoveryPendingError(OSError):
    """A damaged database was set aside and a good backup exists, but it could not be put
    in place (a full disk, a file another program holds). The app must not start empty
    beside the case: the message says what to do, and the next start tries again."""

    def __init__(self, backup: Path, error: OSError | sqlite3.Error) -> None:
        super().__init__(getattr(error, "errno", None) or 0, str(error), str(backup))
        self.backup = backup
        self.error = error


def damaged_copies(data_dir: Path) -> list[Path]:
    """Databases set aside as damaged, newest name first (not their -wal/-shm)."""
    found = [
        p
        for p in data_dir.glob(f"{DB_FILE}{DAMAGED}*")
        if not p.name.endswith(SIDE_FILES) and p.is_file() and not is_link(p)
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _check(db: Path) -> tuple[Damage, list[str]] | None:
    try:
        conn = sqlite3.connect(db)  # read-write: a WAL file is read too
        try:
            if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return Damage.DAMAGED, []
            if _revision(conn) == migrate.HEAD and (found := schema.problems(conn)):
                return Damage.FOREIGN, found
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return Damage.DAMAGED, []
    return None


def _set_aside(db: Path, now: datetime | None) -> Path:
    """Move the database and its -wal/-shm aside, all or none (a move that fails half-way,
    e.g. a file antivirus holds on Windows, is undone)."""
    damaged = db.with_name(f"{DB_FILE}{DAMAGED}{file_stamp(now or datetime.now(UTC))}")
    moves = [(db, damaged)] + [
        (db.with_name(DB_FILE + side), damaged.with_name(damaged.name + side))
        for side in SIDE_FILES
        if db.with_name(DB_FILE + side).exists()
    ]
    done: list[tuple[Path, Path]] = []
    try:
        for source, target in moves:
            retry_busy(partial(os.replace, source, target))
            done.append((source, target))
    except OSError:
        for source, target in reversed(done):
            with contextlib.suppress(OSError):
                os.replace(target, source)
        raise
    for _, target in done:
        tighten(target)
    return damaged


def holds_nothing(db: Path) -> bool:
    """A database with no recorded event at all (or no file), and not one the user emptied
    on purpose: nothing would be lost by putting a backup in its place."""
    if not db.exists():
        return True
    has_wal = db.with_name(DB_FILE + "-wal").exists()
    try:
        # With no -wal everything is in the file: read it without touching anything.
        connection = (
            sqlite3.connect(db) if has_wal else sqlite3.connect(read_only_uri(db), uri=True)
        )
        try:
            erased = connection.execute(
                "SELECT COUNT(*) FROM settings WHERE key = ?", (ERASED_SETTING,)
            ).fetchone()[0]
            return (
                not erased and not connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
            )
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def _install(data_dir: Path, backups: list[Path]) -> Path | None:
    """Put the newest backup that upgrades cleanly in place of the (missing) database:
    copied in full next to it, then renamed. The backup used, or None when none is good.
    Raises RecoveryPendingError when a good one cannot be put in place."""
    db = data_dir / DB_FILE
    for candidate in backups:
        if not usable(candidate):
            continue
        try:
            fresh = _prepared(data_dir, candidate)
        except BackupUnusableError:
            continue
        except (OSError, sqlite3.Error) as e:
            raise RecoveryPendingError(candidate, e) from e
        try:
            retry_busy(partial(os.replace, fresh, db))
        except OSError as e:
            _remove(fresh)
            raise RecoveryPendingError(candidate, e) from e
        return candidate
    return None


def recover_if_damaged(
    data_dir: Path, now: datetime | None = None, *, foreign: list[str] | None = None
) -> Recovery | None:
    """Check the database before it is opened. A damaged file (or an empty one where
    backups exist), or one with a schema the app did not make (`foreign` given: found
    after an upgrade), is moved aside, never deleted, and the newest good backup restored.

    Recovery is a state, not a moment: while good backups exist and the database is
    missing or holds nothing — after a recovery an earlier start could not finish (a
    full disk), or a database deleted or quarantined behind the app's back — every start
    restores the newest good backup, or raises RecoveryPendingError saying why it cannot
    yet. A start never quietly begins empty beside a recoverable case. Raises
    LinkedPathError or HardLinkedError (naming the file) when the database or a file of
    SQLite's next to it is a link or has other names."""
    db = data_dir / DB_FILE
    check_database_files(db)
    backups = list_backups(data_dir)
    if foreign is None and backups and holds_nothing(db):
        return _resume(data_dir, db, backups, now)
    if not db.exists():
        return None
    if foreign is None:
        empty = db.is_file() and db.stat().st_size == 0
        if empty and not backups:
            return None  # a new database that was never written
        found = None if empty else _check(db)
        if not empty and found is None:
            return None
        damage, problems = found or (Damage.DAMAGED, [])
    else:
        damage, problems = Damage.FOREIGN, foreign
    damaged = _set_aside(db, now)
    return Recovery(damaged, _install(data_dir, backups), damage, tuple(problems))


def _resume(data_dir: Path, db: Path, backups: list[Path], now: datetime | None) -> Recovery | None:
    """The database is missing or holds nothing, and backups exist: put the newest good
    one in place. After a recovery an earlier start could not finish, the damaged copy it
    set aside is named; otherwise the database went missing. A database that holds nothing
    is set aside too (never deleted)."""
    if not any(usable(b) for b in backups):
        return None  # nothing to restore: the app starts as it would anyway
    pending = damaged_copies(data_dir)
    aside = _set_aside(db, now) if db.exists() else None
    restored = _install(data_dir, backups)
    if pending:
        return Recovery(pending[0], restored, resumed=True)
    return Recovery(aside or db, restored, Damage.MISSING)
