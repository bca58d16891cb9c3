"""Issue 21, point 7: the report is one document on paper and in the PDF, its approval
block never split, no line drawn twice at a page break; the print job names it."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from rolleudpeger.domain.people import Role
from rolleudpeger.domain.report import Report
from rolleudpeger.editing import CaseEditor
from rolleudpeger.ui import dialogs
from rolleudpeger.ui.app import application
from rolleudpeger.ui.report import (
    FOOTER_GAP_PT,
    MARGINS_MM,
    _body,
    _layout_device,
    _page_areas,
    render,
    write_pdf,
)
from tests.conftest import QUICK, Clock, demo
from tests.ui.helpers import click, close_window, open_window
from tests.ui.test_report_pdf import flat, page_texts


def section_pages(report: Report, heading: str) -> set[int]:
    """The pages the section under `heading` is on (to the next heading), as laid out."""
    application([])
    device, buffer = _layout_device()
    _, page, _ = _page_areas()
    doc = _body(report, device, page.size())
    layout, block, pages, inside = doc.documentLayout(), doc.begin(), set(), False
    while block.isValid():
        is_heading = block.blockFormat().headingLevel() == 2
        if is_heading and inside:
            break
        inside = inside or (is_heading and block.text() == heading)
        if inside:
            rect = layout.blockBoundingRect(block)
            pages |= {int(rect.top() // page.height()), int((rect.bottom() - 1) // page.height())}
        block = block.next()
    buffer.close()
    return pages


@pytest.mark.parametrize(
    "owner_signs",
    ["", pytest.param("Peter Holm", marks=pytest.mark.slow)],  # 60 layouts each
)
def test_the_approval_block_is_never_split(editor: CaseEditor, owner_signs: str) -> None:
    """Each unanswered question (listed near the top) moves everything after it down by
    a line: the approval block meets every place on a page, the page break among them."""
    report = replace(demo(editor).report(), owner_signs=owner_signs)
    placed = set()
    for extra in range(0, 60, 2 if QUICK else 1):  # make quick: every other line
        questions = tuple(f"Spørgsmål {i}?" for i in range(extra))
        pages = section_pages(replace(report, unanswered=questions), "Godkendelse")
        assert len(pages) == 1, (extra, pages)
        placed |= pages
    assert len(placed) > 1  # it did meet a page break


def test_no_line_is_drawn_twice_at_a_page_break(editor: CaseEditor, tmp_path: Path) -> None:
    """A mail of many lines runs over a page break: each line is once in the text layer
    (a line drawn on both pages, hidden by the clip on one, was found twice by search)."""
    demo(editor)
    report = editor.report()
    assert report.mail is not None
    lines = [f"Linje nummer {i:03d} i mailen" for i in range(150)]
    long_mail = replace(report.mail, body="\n".join(lines))
    application([])
    write_pdf(replace(report, mail=long_mail), tmp_path / "r.pdf", author="a", subject="b")
    words = " ".join(page_texts(PdfReader(tmp_path / "r.pdf"))).split()
    numbers = Counter(words[i + 2] for i, w in enumerate(words) if w == "Linje")
    assert set(numbers) >= {f"{i:03d}" for i in range(150)}
    assert [n for n, count in numbers.items() if count > 1] == []


def text_sizes(path: Path) -> list[dict[str, float]]:
    """Per page, the size each word is drawn at on the paper (points: the font's size
    times the text and page matrices' vertical scale)."""
    pages = []
    for page in PdfReader(path).pages:
        sizes: dict[str, float] = {}

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            _font: object,
            size: float,
            sizes: dict[str, float] = sizes,
        ) -> None:
            for word in text.split():
                sizes.setdefault(word, round(abs(size * tm[3] * cm[3]), 1))

        page.extract_text(visitor_text=visit)
        pages.append(sizes)
    return pages


@pytest.mark.slow  # prints at four resolutions (make test)
def test_paper_and_pdf_are_the_same_document(editor: CaseEditor, tmp_path: Path) -> None:
    """Printed (a printer at its own resolution) and saved, the report breaks into the
    same pages with the same lines, each word the same size; only the footer says which
    it is. (On a 1200 dpi printer the appendix and the footer came out four times too
    large: fonts in points were taken at the printer's resolution, then scaled.)"""
    demo(editor)
    report = editor.report()
    application([])
    write_pdf(report, tmp_path / "saved.pdf", author="a", subject="b")
    saved_sizes = text_sizes(tmp_path / "saved.pdf")
    for resolution in (1200, 600, 300, 96):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(resolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        render(report, printer, paper=True)
        saved = page_texts(PdfReader(tmp_path / "saved.pdf"))
        printed = page_texts(PdfReader(tmp_path / "printed.pdf"))
        assert len(printed) == len(saved)
        for paper, pdf in zip(map(flat, printed), map(flat, saved), strict=True):
            assert "Udskrevet " in paper and "Lavet " not in paper
            assert "Lavet " in pdf and "Udskrevet " not in pdf
            assert paper.split()[:-12] == pdf.split()[:-12]  # all but the footer
        for paper_sizes, pdf_sizes in zip(
            text_sizes(tmp_path / "printed.pdf"), saved_sizes, strict=True
        ):
            for word in ("Side", "Bilag:", "Hændelseslog", "Godkendelse", "Rolleudpeger"):
                if word in pdf_sizes:
                    assert paper_sizes[word] == pytest.approx(pdf_sizes[word], rel=0.02), word


def test_the_print_job_names_the_report(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(dialogs, "print_preview", lambda _parent, paint: paint(printer))
    click(qtbot, w, "print_report")
    title = w.editor.report().document_title
    assert printer.docName() == title and "j.nr. 26/12345" in title
    assert PdfReader(tmp_path / "printed.pdf").metadata.title == title  # type: ignore[union-attr]
    assert "Udskrevet " in flat(page_texts(PdfReader(tmp_path / "printed.pdf"))[0])
    close_window(w)


def hidden_text(path: Path) -> list[tuple[int, str]]:
    """Text drawn where no page shows it: above the body or between it and the footer
    line. Qt drew the last line of a paragraph before a page break again at the top of
    the next page, above the body: hidden by the clip, but in the text layer."""
    mm = 72 / 25.4
    page_h = 297 * mm
    body_top = page_h - MARGINS_MM.top() * mm  # PDF y grows upwards
    body_bottom = MARGINS_MM.bottom() * mm + FOOTER_GAP_PT
    footer_top = MARGINS_MM.bottom() * mm + FOOTER_GAP_PT / 2
    found = []
    for number, page in enumerate(PdfReader(path).pages, 1):

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            _font: object,
            _size: float,
            number: int = number,
        ) -> None:
            y = tm[5] * cm[3] + cm[5]
            if text.strip() and (y > body_top + 1 or footer_top + 2 < y < body_bottom - 1):
                found.append((number, text.strip()))

        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(
    "lines", [n if n in (0, 5) else pytest.param(n, marks=pytest.mark.slow) for n in range(10)]
)
def test_no_line_is_hidden_at_any_page_break(
    editor: CaseEditor, tmp_path: Path, lines: int
) -> None:
    """A leader changed twice, an owner changed: the appointments table has rows of many
    lines, the mail box and its subject wrap. A note of 0–9 lines moves every page break
    to another line; no text may be drawn where no page shows it (the outside round found
    the former owner's »Periode …« and a mail's subject so, each once at a page break)."""
    demo(editor)
    for day, who in (("15.01.2027", "Birgitte Lund"), ("01.02.2027", "Direktionen")):
        editor.change_role(Role.LEADER, day, decided_by=who)
        editor.set_text("leader_first_name", f"Leder{day[:2]}")
        editor.set_text("leader_last_name", "Hansen")
    editor.change_role(Role.OWNER, "01.03.2027", decided_by="Byrådet")
    report = editor.report()
    note = "\n".join(f"Linje {i} i en note, der skubber siderne" for i in range(lines))
    report = replace(report, agreements=(*report.agreements, ("Note", note)))
    application([])
    write_pdf(report, tmp_path / "r.pdf", author="a", subject="b")
    assert hidden_text(tmp_path / "r.pdf") == []
