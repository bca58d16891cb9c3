"""No command and no save dialog ever writes over a file of the data folder, nor over any
SQLite database, however the name reaches it (store/targets.py): refused with a clear
message, exit 2, and every file byte for byte as it was. Natively and as on Windows."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from rolleudpeger import logs, operations
from rolleudpeger.editing import CaseEditor
from rolleudpeger.operations import Status
from rolleudpeger.resources import load_task
from rolleudpeger.store import backup, files
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import report_command
from tests.conftest import demo, with_empty_database
from tests.test_operations import Answers

# (a QApplication first: the report command would otherwise make a QGuiApplication)
pytestmark = pytest.mark.usefixtures("qapp", "file_semantics")


def every_file(*folders: Path) -> dict[str, str]:
    """Each file under the folders (links as links) and a hash of its bytes."""
    found = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.is_symlink():
                found[str(p)] = "link:" + os.readlink(p)
            elif p.is_file():
                found[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


@pytest.fixture
def case_folder(data_dir: Path) -> Path:
    """A data folder with a case, a backup and a log, and nothing open."""
    store = Store.open(with_empty_database(data_dir))
    demo(CaseEditor.open(load_task(), store))
    store.close()
    backup.take_backup(data_dir)
    logs.setup(data_dir / "logs")
    logs.log.info("a line")
    logs.close()
    return data_dir


def _targets(data_dir: Path, tmp_path: Path, suffix: str = ".pdf") -> dict[str, Callable[[], str]]:
    """Ways a name can reach a file of the data folder or a database; each makes what it
    needs and returns the name as a user would type it (with the save's own suffix, where
    the name is the user's to choose)."""
    db = data_dir / DB_FILE

    def relative() -> str:
        os.chdir(data_dir)
        return DB_FILE

    def dotdot() -> str:
        return str(data_dir / "backups" / ".." / DB_FILE)

    def symlink() -> str:
        link = tmp_path / f"genvej{suffix}"
        link.symlink_to(db)
        return str(link)

    def hard_link_to_db() -> str:
        link = tmp_path / f"rapport{suffix}"
        os.link(db, link)
        return str(link)

    def hard_link_to_log() -> str:
        link = tmp_path / f"log{suffix}"
        os.link(data_dir / "logs" / logs.LOG_FILE, link)
        return str(link)

    def other_database() -> str:
        import sqlite3

        other = tmp_path / f"regnskab{suffix}"
        sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
        return str(other)

    return {
        "the database": lambda: str(db),
        "relative": relative,
        "dotdot": dotdot,
        "a link to it": symlink,
        "a hard link to it": hard_link_to_db,
        "a hard link to the log": hard_link_to_log,
        "a backup": lambda: str(backup.list_backups(data_dir)[0]),
        "the wal": lambda: str(data_dir / (DB_FILE + "-wal")),
        "the log": lambda: str(data_dir / "logs" / logs.LOG_FILE),
        "a new file in the data folder": lambda: str(data_dir / f"rapport{suffix}"),
        "another database": other_database,
    }


WAYS = list(_targets(Path(), Path()))


@pytest.mark.parametrize("way", WAYS)
def test_the_report_command_refuses(
    case_folder: Path,
    tmp_path: Path,
    way: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    name = _targets(case_folder, tmp_path)[way]()
    before = every_file(case_folder, tmp_path)
    code = report_command.run_report(name, str(case_folder))
    err = capsys.readouterr().err
    assert code == report_command.EXIT_FAILED, err
    assert "ikke skrevet" in err and "Traceback" not in err
    assert every_file(case_folder, tmp_path) == before


def test_a_differently_cased_name_is_the_same_file_where_names_ignore_case(
    case_folder: Path, file_semantics: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """On Windows (and macOS), DATA\\ROLLEUDPEGER.SQLITE3 is the database: refused. On a
    case-sensitive file system it is a folder that does not exist: not written either."""
    name = case_folder.parent / case_folder.name.upper() / DB_FILE.upper()
    before = every_file(case_folder)
    assert report_command.run_report(str(name), str(case_folder)) == report_command.EXIT_FAILED
    err = capsys.readouterr().err
    if name.exists():  # names ignore case here
        assert "egne filer" in err and "ikke skrevet" in err, err
    else:
        assert "Kunne ikke skrive rapporten" in err, err
    assert every_file(case_folder) == before


@pytest.mark.parametrize(
    "save",
    [  # all four through the one door (operations.save_file): two of them in make quick
        pytest.param(operations.export_case, id="export", marks=pytest.mark.slow),
        pytest.param(operations.save_mail_draft, id="eml"),
        pytest.param(
            lambda e, a: operations.save_deadline_calendar(e, a, "Frist"),
            id="ics",
            marks=pytest.mark.slow,
        ),
        pytest.param(
            lambda e, a: operations.save_report_pdf(e, a, lambda _r: (b"%PDF-1.4 test", 1)),
            id="pdf",
        ),
    ],
)
@pytest.mark.parametrize("way", WAYS)
def test_every_save_dialog_refuses(
    case_folder: Path,
    tmp_path: Path,
    way: str,
    save: Callable[[CaseEditor, Answers], operations.Outcome],
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kind = request.node.callspec.id.rsplit("-", 1)[-1]
    monkeypatch.chdir(tmp_path)
    suffix = {"export": ".json", "eml": ".eml", "ics": ".ics", "pdf": ".pdf"}[kind]
    store = Store.open(case_folder)  # the window's store, open while the user saves
    editor = CaseEditor.open(load_task(), store)
    editor.set_text("klik_deadline", "15.12.2026")
    name = _targets(case_folder, tmp_path, suffix)[way]()
    before = every_file(case_folder, tmp_path)
    made: list[int] = []
    original = operations.save_user_file

    def counting(*args: object, **kwargs: object) -> Path:
        made.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(operations, "save_user_file", counting)
    outcome = save(editor, Answers(file=name))
    store.close()
    assert outcome.status is Status.FAILED, outcome
    assert "datamappen" in outcome.message or "database" in outcome.message
    assert made == []  # refused before the content was made
    after = every_file(case_folder, tmp_path)
    # The database itself (under any of its names) changes as the store saves and closes.
    db = os.stat(case_folder / DB_FILE)

    def others(found: dict[str, str]) -> dict[str, str]:
        return {
            k: v
            for k, v in found.items()
            if DB_FILE not in Path(k).name and not os.path.samestat(os.lstat(k), db)
        }

    assert others(after) == others(before)


@pytest.mark.windows_rules
@pytest.mark.parametrize("name", ["NUL", "con.pdf", "COM3.pdf", "lpt1", "Aux.rapport.pdf"])
def test_windows_device_names_are_refused(
    case_folder: Path,
    tmp_path: Path,
    name: str,
    file_semantics: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = report_command.run_report(str(tmp_path / name), str(case_folder))
    err = capsys.readouterr().err
    if files.WINDOWS:
        assert code == report_command.EXIT_FAILED and "Vælg et andet navn" in err, err
        assert list(tmp_path.glob("*.pdf")) == []
    else:
        assert code == 0, err  # ordinary names on Linux and macOS
        assert len(list(tmp_path.glob("*.pdf"))) == 1


@pytest.mark.windows_rules
@pytest.mark.parametrize("name", ["rapport.pdf.", "rapport ", "rapport. . ", "rapport.PDF "])
def test_dots_and_spaces_at_the_end_of_a_name_go(
    case_folder: Path,
    tmp_path: Path,
    name: str,
    file_semantics: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Windows drops them silently (perhaps onto another file): the app does it openly."""
    assert report_command.run_report(str(tmp_path / name), str(case_folder)) == 0
    written = [p.name for p in tmp_path.iterdir() if p.suffix.lower() == ".pdf"]
    assert written == [
        name.rstrip(". ")
        if name.lower().rstrip(". ").endswith(".pdf")
        else name.rstrip(". ") + ".pdf"
    ]
    assert str(tmp_path / written[0]) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("typed", "written", "save"),
    [
        ("sag", "sag.json", operations.export_case),
        ("kladde", "kladde.eml", operations.save_mail_draft),
        ("frist", "frist.ics", lambda e, a: operations.save_deadline_calendar(e, a, "Frist")),
        (
            "Rapport.PDF",
            "Rapport.PDF",
            lambda e, a: operations.save_report_pdf(e, a, lambda _r: (b"%PDF-1.4", 1)),
        ),
    ],
)
def test_a_name_typed_without_its_suffix_gets_it(
    editor: CaseEditor,
    tmp_path: Path,
    typed: str,
    written: str,
    save: Callable[[CaseEditor, Answers], operations.Outcome],
) -> None:
    demo(editor)
    editor.set_text("klik_deadline", "15.12.2026")
    outcome = save(editor, Answers(file=str(tmp_path / typed)))
    assert outcome.done, outcome
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [written]
    assert written in outcome.message
