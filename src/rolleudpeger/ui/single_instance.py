"""One writer per data folder: a second start brings the running window to the front.

QLockFile decides who runs (a lock left by a crashed process is stale and taken over);
the running app listens on a QLocalServer, and a second start sends it "show".
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject

from rolleudpeger.store.files import PRIVATE_FILE, is_link

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

LOCK_FILE = "rolleudpeger.lock"
SHOW = b"show\n"
TIMEOUT_MS = 2000
WAIT_FOR_RUNNING_S = 20  # how long a second start waits for the first to listen


def _other_names(path: Path) -> bool:
    try:
        return os.lstat(path).st_nlink > 1
    except OSError:
        return False


class Lock(Enum):
    """What trying the data folder's lock found."""

    TAKEN = "taken"  # this start holds it now
    HELD = "held"  # another running start holds it
    FAILED = "failed"  # it could not be made at all: a full disk, no access


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(os.fsencode(data_dir.resolve())).hexdigest()[:20]  # any bytes
    return f"rolleudpeger-{digest}"


class SingleInstance(QObject):
    """Hold the data folder's lock while the app runs."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.name = server_name(data_dir)
        self.path = data_dir / LOCK_FILE
        self.lock = QLockFile(str(self.path))
        self.lock.setStaleLockTime(0)  # only a dead owner's lock is stale, however old
        self.server: QLocalServer | None = None

    def acquire(self) -> Lock:
        """Take the lock. HELD only when another start really holds it: a lock file that
        cannot be written (a full disk) is not "already open". A lock file that is a link,
        or has other names, is no lock of ours: only its name is removed."""
        if is_link(self.path) or _other_names(self.path):
            with contextlib.suppress(OSError):
                self.path.unlink()
        if not self.lock.tryLock(200):
            if self.lock.error() == QLockFile.LockError.LockFailedError:
                return Lock.HELD
            return Lock.FAILED
        with contextlib.suppress(OSError):
            os.chmod(self.path, PRIVATE_FILE)  # like every file in the data folder
        return Lock.TAKEN

    def ask_running_to_show(self) -> bool:
        """Tell the app that holds the lock to show its window; False if it did not answer
        in a while. A start that is still opening (repairing a damaged database, say)
        listens only once its window is shown: it is given time to get there."""
        from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415 - late: startup.py

        socket = QLocalSocket()
        deadline = time.monotonic() + WAIT_FOR_RUNNING_S
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(TIMEOUT_MS):
                break
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.25)
        socket.write(SHOW)
        socket.flush()  # may write it all at once; then there is nothing left to wait for
        if socket.bytesToWrite():
            socket.waitForBytesWritten(TIMEOUT_MS)
        sent = socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        return sent

    def listen(self, on_show: Callable[[], None]) -> None:
        """Called after the first paint: QtNetwork is not needed to show the window."""
        from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415 - late: startup.py

        QLocalServer.removeServer(self.name)  # a crashed owner's socket file
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.listen(self.name)

        def connected() -> None:
            assert self.server is not None
            socket = self.server.nextPendingConnection()
            if socket is None:
                return

            def read() -> None:
                if bytes(socket.readAll().data()).startswith(SHOW.strip()):
                    on_show()
                socket.disconnectFromServer()

            socket.readyRead.connect(read)

        self.server.newConnection.connect(connected)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()
