"""The data operations without Qt: asked through a scripted Interaction, each one step that
happens whole or not at all, tested by failing it half-way."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from rolleudpeger import operations
from rolleudpeger.domain.people import Role
from rolleudpeger.editing import CaseEditor
from rolleudpeger.operations import Status
from rolleudpeger.store import backup, erase, repository
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from tests.conftest import demo

# As on the users' Windows PCs too (tests/windows_sim.py).
pytestmark = pytest.mark.usefixtures("file_semantics")


class Answers:
    """An Interaction that answers from a script and records what it was asked."""

    def __init__(self, *, confirm: bool = True, choose: int | None = 0, file: str = "") -> None:
        self.answer_confirm, self.answer_choose, self.file = confirm, choose, file
        self.asked: list[str] = []

    def confirm(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer_confirm

    def choose(self, title: str, label: str, items: list[str]) -> int | None:
        self.asked.append(label)
        return self.answer_choose

    def file_to_save(self, title: str, suggested: Path, file_filter: str) -> str:
        self.asked.append(str(suggested))
        return self.file

    def file_to_open(self, title: str, file_filter: str) -> str:
        return self.file

    def documents_folder(self) -> Path:
        return Path("/dokumenter")


def rows(data_dir: Path) -> dict[str, int]:
    """How many rows each case table holds, read straight from the file."""
    db = sqlite3.connect(data_dir / DB_FILE)
    try:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in erase.CASE_TABLES}
    finally:
        db.close()


def test_operations_run_without_qt() -> None:
    import subprocess

    code = (
        "import sys, rolleudpeger.operations; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_export_then_import_over_a_case_with_content(
    editor: CaseEditor, data_dir: Path, tmp_path: Path
) -> None:
    demo(editor)
    editor.change_role(Role.LEADER, "15.01.2027")  # Maja's period ends: the history goes along
    editor.change_role(Role.OWNER, "01.02.2027")
    history = editor.case.role_history
    file = tmp_path / "sag.json"
    ask = Answers(file=str(file))
    exported = operations.export_case(editor, ask)
    assert exported.status is Status.DONE and str(file) in exported.message
    assert ask.asked[0].startswith("/dokumenter/Rolleudpeger-sag-Aarhus-")
    assert json.loads(file.read_text(encoding="utf-8"))["task_id"] == editor.task.id

    editor.set_text("owner_first_name", "Ændret")
    declined = operations.import_case(editor, Answers(file=str(file), confirm=False))
    assert declined.status is Status.CANCELLED
    assert editor.case.value("owner_first_name") == "Ændret"

    imported = operations.import_case(editor, Answers(file=str(file)))
    assert imported.status is Status.DONE
    assert editor.case.value("owner_first_name") == ""  # as in the file: the owner left
    assert [(p.role, p.person, p.started_at, p.ended_at) for p in editor.case.role_history] == [
        (p.role, p.person, p.started_at, p.ended_at) for p in history
    ]
    assert editor.store.latest_case_id() == editor.case.id
    assert len(backup.list_backups(data_dir)) == 1  # the replaced case, kept


def test_an_import_that_fails_half_way_leaves_the_old_case_alone(
    editor: CaseEditor, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo(editor)
    file = tmp_path / "sag.json"
    operations.export_case(editor, Answers(file=str(file)))
    editor.set_text("leader_first_name", "Den gamle")
    before = rows(data_dir)
    real_row = repository._row
    written: list[int] = []

    def fail_at_the_last_event(part: object, case_id: int, item: object, key: str = "") -> object:
        if part is repository.EVENTS:
            written.append(case_id)
            if len(written) > 20:  # the old case is deleted, the new one mostly written
                raise sqlite3.OperationalError("disk I/O error")
        return real_row(part, case_id, item, key)  # type: ignore[arg-type]

    monkeypatch.setattr(repository, "_row", fail_at_the_last_event)
    outcome = operations.import_case(editor, Answers(file=str(file)))
    assert len(written) > 20  # it did fail half-way
    assert outcome.status is Status.FAILED and "Intet er ændret" in outcome.message
    assert rows(data_dir) == before  # not two cases, not none
    reopened = Store.open(data_dir)
    case_id = reopened.latest_case_id()
    assert case_id is not None
    assert reopened.load_case(case_id).value("leader_first_name") == "Den gamle"
    reopened.close()


def test_an_erasure_that_fails_half_way_deletes_no_row(
    editor: CaseEditor, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo(editor)
    before = rows(data_dir)
    assert before["events"] > 20
    # The last DELETE fails, after every case table's rows were deleted in the transaction.
    monkeypatch.setattr(erase, "CASE_TABLES", (*erase.CASE_TABLES, "gone_missing"))
    outcome = operations.erase(editor, Answers(), log_files=[])
    assert outcome.status is Status.FAILED
    assert (
        str(data_dir / DB_FILE) in outcome.message and "Ikke alt kunne slettes" in outcome.message
    )
    monkeypatch.undo()
    assert rows(data_dir) == before
    assert editor.case.value("leader_first_name") == "Maja"  # the window still shows it


def test_an_erasure_removes_every_row(editor: CaseEditor, data_dir: Path) -> None:
    demo(editor)
    editor.change_role(Role.LEADER, "15.01.2027")  # a former leader is personal data too
    assert rows(data_dir)["role_periods"] == 1
    backup.take_backup(data_dir)
    ask = Answers()
    outcome = operations.erase(editor, ask, log_files=[])
    assert outcome.status is Status.DONE
    assert "Aarhus Kommune" in ask.asked[0] and "spørgsmål til KOMBIT" in ask.asked[0]
    left = rows(data_dir)
    assert left.pop("cases") == 1  # the new, empty case the window opens on
    assert set(left.values()) == {0}
    assert backup.list_backups(data_dir) == []


def test_a_restore_that_fails_half_way_leaves_the_database_as_it_was(
    editor: CaseEditor, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo(editor)
    backup.take_backup(data_dir)
    editor.set_text("leader_first_name", "Efter kopien")
    before = rows(data_dir)

    real_copy = backup._copy

    def copy_then_fail(source: str, target: Path, *, source_is_uri: bool = False) -> None:
        """Onto the database: the copy, one page at a time, stopped after the first page."""
        if target.name != DB_FILE:  # the safety copy of the current case is taken as ever
            real_copy(source, target, source_is_uri=source_is_uri)
            return
        src = sqlite3.connect(source, uri=source_is_uri)
        dst = sqlite3.connect(target)
        pages: list[int] = []

        def progress(_status: int, remaining: int, total: int) -> None:
            pages.append(total - remaining)
            raise OSError(5, "Input/output error")

        try:
            src.backup(dst, pages=1, progress=progress)
        finally:
            dst.close()
            src.close()
            assert pages == [1]

    monkeypatch.setattr(backup, "_copy", copy_then_fail)
    outcome = operations.restore(editor, Answers())
    assert outcome.status is Status.FAILED and "Intet er ændret" in outcome.message
    assert rows(data_dir) == before
    assert editor.case.value("leader_first_name") == "Efter kopien"


def test_restore_with_no_backups_says_so_without_asking(editor: CaseEditor) -> None:
    ask = Answers()
    outcome = operations.restore(editor, ask)
    assert (outcome.status, outcome.message) == (
        Status.NOTHING,
        "Der er ingen sikkerhedskopier endnu.",
    )
    assert ask.asked == []
