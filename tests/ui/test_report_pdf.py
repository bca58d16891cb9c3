"""The report as PDF: its text, its pages, PDF/A, the buttons and the command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from rolleudpeger import __version__
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.validation import format_phone
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import dialogs
from rolleudpeger.ui.app import application
from rolleudpeger.ui.report import info_date, write_pdf
from rolleudpeger.ui.report_actions import subject
from tests.conftest import Clock, Dialogs, demo
from tests.ui.helpers import click, close_window, find, open_window

ROOT = Path(__file__).resolve().parents[2]


def make_pdf(editor: CaseEditor, path: Path) -> PdfReader:
    application([])
    write_pdf(
        editor.report(),
        path,
        author=editor.report_author(),
        subject=subject(editor.task.title),
    )
    return PdfReader(path)


def page_texts(reader: PdfReader) -> list[str]:
    return [p.extract_text() for p in reader.pages]


def flat(text: str) -> str:
    """Text with line breaks folded, as words may wrap anywhere in a table cell (also
    after the hyphen of a compound such as »ØiR-debitorintegrationen«)."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(text.split()))


def test_full_report_holds_everything(editor: CaseEditor, tmp_path: Path) -> None:
    reader = make_pdf(demo(editor), tmp_path / "r.pdf")
    pages = page_texts(reader)
    text = flat(" ".join(pages))
    for expected in (
        "Aarhus Kommune (751)",
        "Udpeg debitorprojektleder og -projektejer på FBS",
        "Maja Søndergaard",
        "Birgitte Lund",
        "maja.sondergaard@aarhus.dk",
        "+45 41 85 72 30",
        "Oprettet i KLIK med brugertypen PLUS",
        "Oprettet i KLIK med brugertypen LÆSER",
        "Peter Holm, Økonomi",
        "Godkendt af bibliotekschef",
        "Underskrift:",
        "Bilag: Hændelseslog",
        "KLIK-status: Fuldført",
    ):
        assert expected in text, expected
    for step in editor.task.method_steps:
        assert step.title in text, step.title
    sent = editor.case.last_sent_mail
    assert sent is not None
    # A paragraph of the mail may go on over a page break: read it without the footers
    # (»Lavet … · Rolleudpeger …« and »Side X af Y«, on one line or two).
    footer = r"(?m)^.*(Side\s\d+\saf\s\d+|·\sRolleudpeger\s\d).*$"
    body = flat(" ".join(re.sub(footer, "", page) for page in pages))
    for line in sent.mail.body.splitlines():
        assert flat(line) in body, line
    # What the task files under »Aftaler og oplysninger«: each subject with what was stated.
    agreements = editor.report().agreements
    assert agreements and "Aftaler og oplysninger" in text
    for label, value in agreements:
        assert flat(label) in body and flat(value) in body, label
    started = editor.case.status_history[0].at.astimezone().strftime("%d.%m.%Y kl. %H.%M")
    assert f"Påbegyndt {started}" in text
    assert "IKKE FULDFØRT" not in text
    n = len(pages)
    for i, page in enumerate(pages, start=1):
        assert f"Side {i} af {n}" in flat(page)
        assert f"Rolleudpeger {__version__}" in flat(page)


def test_incomplete_report_says_so(editor: CaseEditor, tmp_path: Path) -> None:
    pages = page_texts(make_pdf(demo(editor, complete=False), tmp_path / "r.pdf"))
    text = flat(pages[0])
    assert "IKKE FULDFØRT" in text
    mail = editor.task.step("notify_kombit")
    send = "Send mailen til bibsys@kombit.dk, og markér den som sendt"
    assert f"Trin {mail.index} · {mail.title}: {send}" in text
    assert "Mail til KOMBIT Mailen er ikke sendt endnu." in flat(" ".join(pages))


def test_user_text_prints_literally(editor: CaseEditor, tmp_path: Path) -> None:
    editor.set_municipality("751")
    editor.set_text("leader_first_name", "<b>Ole</b> & <img src=x>")
    editor.set_text("placement_notes", "<script>alert(1)</script> &amp; <i>kursiv</i>")
    editor.add_question("Virker <table> & </td>?")
    # Lines may wrap anywhere (also after "/"), so compare without white space.
    text = "".join(" ".join(page_texts(make_pdf(editor, tmp_path / "r.pdf"))).split())
    for literal in (
        "<b>Ole</b> & <img src=x>",
        "<script>alert(1)</script> &amp; <i>kursiv</i>",
        "Virker <table> & </td>?",
    ):
        assert "".join(literal.split()) in text, literal


@pytest.mark.slow  # some twenty pages read back (make quick: the pages-break tests below)
def test_long_questions_log_paginates_cleanly(editor: CaseEditor, tmp_path: Path) -> None:
    demo(editor)
    for i in range(60):
        editor.add_question(
            f"Spørgsmål nummer {i:02d} om {'rettigheder og brugere ' * (i % 4)}slut{i:02d}"
        )
        editor.answer_question(editor.case.questions[-1].id, f"Svar nummer {i:02d}")
    reader = make_pdf(editor, tmp_path / "r.pdf")
    pages = page_texts(reader)
    n = len(pages)
    assert n > 3
    for i, page in enumerate(pages, start=1):
        assert f"Side {i} af {n}" in flat(page)
        assert len(flat(page)) > 100, f"page {i} is nearly empty"
    text = flat(" ".join(pages))
    for i in range(60):  # every question whole: nothing cut at a page edge
        assert f"Spørgsmål nummer {i:02d}" in text and f"slut{i:02d}" in text
        assert f"Svar nummer {i:02d}" in text


@pytest.mark.parametrize("new_leader", [False, True], ids=["demo", "with-a-new-leader"])
def test_pdf_a_metadata_and_embedded_fonts(
    editor: CaseEditor, tmp_path: Path, new_leader: bool
) -> None:
    demo(editor)
    if new_leader:  # the log then says what the app did by itself, and why
        editor.change_role(Role.LEADER, "15.01.2027", decided_by="Birgitte Lund")
    reader = make_pdf(editor, tmp_path / "r.pdf")
    xmp_raw = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="1"' in xmp_raw and 'pdfaid:conformance="B"' in xmp_raw
    xmp = reader.xmp_metadata
    assert xmp is not None
    # Issue 21: the title names the report, the municipality and the journal number.
    title = (
        "Rapport: Udpeg debitorprojektleder og -projektejer på FBS – Aarhus Kommune (751) "
        "(j.nr. 26/12345)"
    )
    assert xmp.dc_title == {"x-default": title}
    assert xmp.dc_creator == ["Aarhus Kommune"]
    assert xmp.dc_description == {"x-default": subject(editor.task.title)}
    info = reader.metadata
    assert info is not None
    assert info.title == title
    assert info.author == "Aarhus Kommune"
    # The dates in any zone: tests/test_local_time.py (assert_pdf_a_dated_in).
    created = info_date(Path(tmp_path / "r.pdf").read_bytes())
    assert created is not None
    assert xmp.xmp_create_date.replace(tzinfo=UTC) == created
    fonts = []
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                fonts.append((descendant.get_object()["/BaseFont"], "/FontFile2" in descriptor))
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert {name.split("+")[-1].lstrip("/") for name, _ in fonts} <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
    }


def test_save_pdf_button(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    tmp_path: Path,
    answers: Dialogs,
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)
    w.editor.clock = clock  # (the demo's own clock moves two hours a reading)
    target = tmp_path / "arkiv" / "rapport"
    target.parent.mkdir()
    answers.file = str(target)
    click(qtbot, w, "save_pdf")
    suggested = answers.suggested
    assert Path(suggested[0]).name == w.editor.report_file_name()
    # Issue 21: the journal number (26/12345) in the name, its slash made safe.
    name = Path(suggested[0]).name
    assert re.fullmatch(r"Rolleudpeger-Aarhus-26-12345-\d{4}-\d{2}-\d{2}\.pdf", name)
    written = target.with_suffix(".pdf")
    assert "Maja Søndergaard" in flat(PdfReader(written).pages[0].extract_text())
    result = find(w, "report_result")
    assert isinstance(result, QLabel) and str(written) in result.text()
    close_window(w)


def test_print_report_button_renders_pages(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)
    out = tmp_path / "printed.pdf"

    def preview(_parent: object, paint: object) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        paint(printer)  # type: ignore[operator]

    monkeypatch.setattr(dialogs, "print_preview", preview)
    click(qtbot, w, "print_report")
    pages = page_texts(PdfReader(out))
    assert len(pages) > 1 and f"Side 1 af {len(pages)}" in flat(pages[0])
    close_window(w)


def run_cli(
    *args: str, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "rolleudpeger", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.slow  # starts the app as a process, with Qt (1–3 s)
def test_report_command(data_dir: Path, tmp_path: Path, task: object) -> None:
    pdf = tmp_path / "rapport.pdf"
    # No case yet: a clear message, non-zero, and nothing created in the data folder.
    result = run_cli("report", "--pdf", str(pdf))
    assert result.returncode == 1
    assert "ingen sag" in result.stderr and str(data_dir) in result.stderr
    assert not data_dir.exists() and not pdf.exists()

    store = Store.open(data_dir)
    demo(CaseEditor.open(task, store))  # type: ignore[arg-type]
    store.close()

    result = run_cli("report", "--pdf", str(tmp_path / "mangler" / "rapport.pdf"))
    assert result.returncode == 2
    assert "Kunne ikke skrive rapporten" in result.stderr and "Traceback" not in result.stderr

    other = tmp_path / "andet"
    result = run_cli("report", "--pdf", str(pdf), "--data-dir", str(other))
    assert result.returncode == 1 and not other.exists()

    result = run_cli("report", "--pdf", str(pdf))  # no display, no QT_QPA_PLATFORM
    assert result.returncode == 0, result.stderr
    assert str(pdf) in result.stdout
    text = flat(" ".join(page_texts(PdfReader(pdf))))
    assert "Maja Søndergaard" in text and format_phone("+4541857230") in text
    assert (data_dir / DB_FILE).is_file()
    assert ROOT.exists()


@pytest.mark.slow  # five report commands, each a process starting Qt
def test_report_command_in_english(data_dir: Path, tmp_path: Path, task: object) -> None:
    pdf = tmp_path / "report.pdf"
    result = run_cli("report", "--pdf", str(pdf), "--lang", "en")
    assert result.returncode == 1
    assert "There is no case in" in result.stderr and not data_dir.exists()

    store = Store.open(data_dir)
    demo(CaseEditor.open(task, store))  # type: ignore[arg-type]
    store.close()
    result = run_cli("report", "--pdf", str(pdf), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "The report has been saved in" in result.stdout
    text = flat(" ".join(page_texts(PdfReader(pdf))))
    assert "Appointments" in text and "Page 1 of" in text and "Side 1 af" not in text

    # The language chosen in the menu is the report's too; --lang still wins.
    store = Store.open(data_dir)
    store.set_setting("language", "en")
    store.close()
    pdf.unlink()
    assert run_cli("report", "--pdf", str(pdf)).returncode == 0
    assert "Page 1 of" in flat(page_texts(PdfReader(pdf))[0])
    assert run_cli("report", "--pdf", str(pdf), "--lang", "da").returncode == 0
    assert "Side 1 af" in flat(page_texts(PdfReader(pdf))[0])

    result = run_cli("--lang", "fr")
    assert result.returncode == 2 and "--lang" in result.stderr


@pytest.mark.slow  # a report command per system language
@pytest.mark.parametrize(
    ("system", "footer"),
    [("en_GB.UTF-8", "Page 1 of"), ("da_DK.UTF-8", "Side 1 af"), ("de_DE.UTF-8", "Side 1 af")],
)
def test_report_command_follows_the_system_language(
    data_dir: Path, tmp_path: Path, task: object, system: str, footer: str
) -> None:
    store = Store.open(data_dir)
    demo(CaseEditor.open(task, store))  # type: ignore[arg-type]
    store.close()
    pdf = tmp_path / "r.pdf"
    result = run_cli(
        "report", "--pdf", str(pdf), env_extra={"LANG": system, "LC_ALL": "", "LANGUAGE": ""}
    )
    assert result.returncode == 0, result.stderr
    assert footer in flat(page_texts(PdfReader(pdf))[0])


@pytest.mark.parametrize(
    "extra",
    [e if e in (0, 12) else pytest.param(e, marks=pytest.mark.slow) for e in range(0, 14, 2)],
)
def test_no_section_is_lost_wherever_the_pages_break(
    editor: CaseEditor, tmp_path: Path, extra: int
) -> None:
    """Moving a heading to the next page made Qt lose the blocks after a table cell that
    ran over a page break (the signature line and the appendix heading). Each number of
    extra questions moves the page breaks somewhere else."""
    demo(editor)
    for i in range(extra):
        editor.add_question(f"Ekstra spørgsmål {i} om brugere og rettigheder i KLIK?")
    text = flat(" ".join(page_texts(make_pdf(editor, tmp_path / "r.pdf"))))
    for section in ("Udpegninger", "Trinene", "Mail til KOMBIT", "Godkendelse", "Underskrift:"):
        assert section in text, section
    assert "Bilag: Hændelseslog" in text
