"""A self-check of the data path for installers and CI: `ROLLEUDPEGER_SELF_CHECK=1`.

The window starts as usual; after the first paint the normal deferred work runs (the
start-up backup among it), then the newest backup is restored through the same operation
the menu uses, and the case must come back unchanged. The app then exits: 0 when all of
it worked, 3 otherwise (the reasons are in the log). A windowed Windows exe has no
console, so the exit code is what a script sees. This is what a quit-after-show start
cannot show: on Windows 0.2.0 took no backup at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from rolleudpeger import logs, operations
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store import backup

SELF_CHECK_ENV = "ROLLEUDPEGER_SELF_CHECK"
FAILED = 3


class _Answers:
    """The operations' questions answered as a user restoring the newest backup would."""

    def confirm(self, title: str, text: str) -> bool:
        return True

    def choose(self, title: str, label: str, items: list[str]) -> int | None:
        return 0  # newest first

    def file_to_save(self, title: str, suggested: Path, file_filter: str) -> str:
        return ""

    def file_to_open(self, title: str, file_filter: str) -> str:
        return ""

    def documents_folder(self) -> Path:
        return Path.home()


def problems(editor: CaseEditor, status: str) -> list[str]:
    """Restore the newest backup and compare; what went wrong (empty: all well)."""
    found = []
    if status:
        logs.log.info("Selvtjek: %s", status)
    data_dir = editor.store.path.parent
    if not any(backup.usable(p) for p in backup.list_backups(data_dir)):
        return [f"no usable backup in {backup.backup_dir(data_dir)} after start ({status!r})"]
    before = dict(editor.case.values)
    outcome = operations.restore(editor, _Answers())
    if not outcome.done:
        found.append(f"restore: {outcome.status.value}: {outcome.message}")
    elif dict(editor.case.values) != before:
        found.append("the restored case differs from the case before")
    return found


def run(editor: CaseEditor, status: str) -> None:
    """Check, log, and end the app with the verdict as its exit code."""
    try:
        found = problems(editor, status)
    except Exception as e:  # the verdict must reach the script, whatever happened
        logs.log.exception("Selvtjek fejlede")
        found = [f"{type(e).__name__}: {e}"]
    for problem in found:
        logs.log.error("Selvtjek: %s", problem)
    logs.log.info("Selvtjek: %s", "ok" if not found else "FEJL")
    QApplication.exit(FAILED if found else 0)
