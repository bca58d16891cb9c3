"""Renders the summary report: the same pages for print preview, printer and PDF/A-1b.

Pages are laid out by QTextDocument and drawn one by one (drawContents), so every page
gets our own footer with "Side X af Y" (QTextDocument.print_ would number the pages itself,
in English, and QPrintPreviewDialog shows what it gets). The report uses the bundled
DejaVu Sans, so it looks the same on every PC.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from html import escape, unescape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDateTime,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QTimeZone,
    qVersion,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from rolleudpeger.domain.report import MailSection, Report
from rolleudpeger.domain.text import visible
from rolleudpeger.domain.timefmt import fixed_zone
from rolleudpeger.i18n import translate
from rolleudpeger.operations import CannotMakeError
from rolleudpeger.resources import resource
from rolleudpeger.store.targets import save_user_file
from rolleudpeger.ui.report_breaks import keep_headings_with_content, split_at_page_breaks
from rolleudpeger.ui.report_log import LogPages, drawn_font

FONT_FILES = ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf")
FONT_POINTS = 9.5
MARGINS_MM = QMarginsF(20, 18, 20, 14)
FOOTER_GAP_PT = 20  # room below the body for the footer line

_family: str | None = None
H2 = "<h2>"


# A4 less the side margins, in points; a table cell loses its padding on both sides.
TEXT_WIDTH_PT = (210 - MARGINS_MM.left() - MARGINS_MM.right()) * 72 / 25.4
CELL_PADDING_PT = 8
_WORD = re.compile(r"[^\s<>]+")  # a run of text between spaces and tags, in cell HTML
_BREAK_AFTER = re.compile(r"([@./_-])(?=[^\s<>])")


def esc(text: str) -> str:
    """Text for the report's HTML: escaped, and invisible formatting characters (which
    could turn the text around them) written out; see domain.validation.visible."""
    return escape(visible(text))


@cache
def _metrics(font_pt: float) -> tuple[QFontMetricsF, float]:
    """The report font's metrics at `font_pt`, and points per screen pixel."""
    font = QFont(report_font_family())
    font.setPointSizeF(font_pt)
    screen = QGuiApplication.primaryScreen()
    return QFontMetricsF(font), 72 / (screen.logicalDotsPerInch() if screen else 96)


def _break_wide_words(cell: str, width_pt: float, font_pt: float) -> str:
    """Give a word too wide for its cell (an e-mail address, a URL) places to break after
    @ . / _ -, so that it breaks there and not in the middle of a name; words that fit are
    left whole (and so stay searchable in the PDF). Qt still breaks a word with no such
    place anywhere, as a last resort."""
    metrics, to_pt = _metrics(font_pt)

    def breakable(word: re.Match[str]) -> str:
        text = word.group(0)
        if metrics.horizontalAdvance(unescape(text)) * to_pt <= width_pt * 0.95:
            return text
        return _BREAK_AFTER.sub("\\1\u200b", text)

    parts = re.split(r"(<[^>]*>)", cell)  # tags stay as they are
    return "".join(p if p.startswith("<") else _WORD.sub(breakable, p) for p in parts)


def style_sheet() -> str:
    """The report's style. Qt's rich text ignores pt for margins, borders and padding but
    takes px as CSS does (1/96 inch, scaled to the printer or PDF), so points are
    converted here."""

    def px(points: float) -> str:
        return f"{max(1, round(points * 96 / 72))}px"

    return f"""
h1 {{ font-size: 16pt; margin-top: 0; margin-bottom: {px(4)}; }}
h2 {{ font-size: 12pt; margin-top: {px(14)}; margin-bottom: {px(4)}; }}
p {{ margin-top: {px(2)}; margin-bottom: {px(4)}; }}
p.line {{ margin-top: 0; margin-bottom: 0; }}
table.grid td, table.grid th {{
    border-width: {px(0.6)}; border-style: solid; border-color: #999999;
    padding: {px(2)} {px(4)} {px(2)} {px(4)}; vertical-align: top;
}}
th {{ background-color: #e8e8e8; text-align: left; font-weight: bold; }}
td.box {{ border-width: {px(0.6)}; border-style: solid; border-color: #999999; padding: {px(6)}; }}
td.warning {{ background-color: #fff1cc; padding: {px(6)}; }}
.sub {{ color: #333333; }}
"""


def report_font_family() -> str:
    """Register the bundled font once; the family name to use."""
    global _family  # noqa: PLW0603 - one registration per process
    if _family is None:
        families: list[str] = []
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(resource(name)))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        _family = families[0] if families else "DejaVu Sans"
    return _family


TABLE = (
    "<table class='grid' width='100%' cellspacing='0' style='border-collapse: collapse; {extra}'>"
)


def _table(
    headers: tuple[str, ...],
    rows: list[tuple[str, ...]],
    widths: tuple[int, ...],
    extra: str = "",
    font_pt: float = FONT_POINTS,
    *,
    head: bool = True,
) -> str:
    """A ruled table; the header row repeats on every page it runs onto (thead). Cells are
    HTML; a word too wide for its column gets places to break (_break_wide_words). Without
    `head` it continues the table above it (same columns, no header row)."""
    room = [TEXT_WIDTH_PT * w / 100 - CELL_PADDING_PT for w in widths]
    body = "".join(
        "<tr>"
        + "".join(
            f"<td width='{widths[i]}%'>{_break_wide_words(cell, room[i], font_pt)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    if not head:
        return f"{TABLE.format(extra=extra)}{body}</table>"
    top = "".join(f"<th width='{w}%'>{esc(h)}</th>" for h, w in zip(headers, widths, strict=True))
    return f"{TABLE.format(extra=extra)}<thead><tr>{top}</tr></thead>{body}</table>"


def _box(html: str, css_class: str) -> str:
    """A one-cell, full-width box (a framed mail text, a warning)."""
    return (
        "<table width='100%' cellspacing='0' style='border-collapse: collapse'>"
        f"<tr><td class='{css_class}'>{html}</td></tr></table>"
    )


def _lines(lines: list[str]) -> str:
    """HTML lines as paragraphs of their own, not joined by <br>. Qt culls what it draws
    on a page by block: a block of many lines that ran over a page break was drawn on both
    pages, one copy hidden by the clip but kept in the PDF's text layer (found by search,
    copied with the page): a repeated line at page breaks."""
    if len(lines) == 1:
        return lines[0]
    return "".join(f"<p class='line'>{line or '&nbsp;'}</p>" for line in lines)


def _text(value: str) -> str:
    """User text, escaped, with its line breaks; never interpreted as markup."""
    return _lines(esc(value).split("\n")) if value else "–"


def _heading(text: str) -> str:
    return f"{H2}{text}</h2>"


def _mail_box(m: MailSection) -> str:
    head = [f"Til: {esc(m.to)}", f"Emne: {esc(m.subject)}", ""]
    return _box(_lines(head + esc(m.body).split("\n")), "box")


# --- the parts of the report, in order: each takes the Report and returns its HTML ---------


def title_part(r: Report) -> str:
    facts = " · ".join(f"{esc(k)}: {esc(v)}" if k else esc(v) for k, v in r.facts)
    record = []
    if r.case_number:
        record.append(
            translate("Report", "Journalnummer: {number}").format(number=esc(r.case_number))
        )
    if r.prepared_by:
        record.append(
            translate("Report", "Udarbejdet af {name} (udfører på KLIK-opgaven)").format(
                name=esc(r.prepared_by)
            )
        )
    more = "<br>" + " · ".join(record) if record else ""
    return (
        "<p class='sub'>"
        + translate("Report", "Dokumentation af KLIK-opgave")
        + f"</p><h1>{esc(r.title)}</h1>"
        + f"<p class='sub'><b>{esc(r.municipality)}</b><br>{facts}{more}</p>"
    )


def status_part(r: Report) -> str:
    status = translate("Report", "KLIK-status: <b>{status}</b>").format(status=esc(r.klik_status))
    if r.started_at:
        status += " · " + translate("Report", "Påbegyndt {time}").format(time=esc(r.started_at))
    if r.completed_at:
        status += " · " + translate("Report", "Fuldført {time}").format(time=esc(r.completed_at))
    if r.deadline:
        status += " · " + translate("Report", "Frist i KLIK {date}").format(date=esc(r.deadline))
    return f"<p>{status}</p>"


def warnings_part(r: Report) -> str:
    parts = []
    if not r.complete:
        items = "".join(f"<li>{esc(m)}</li>" for m in r.missing)
        parts.append(
            _box(
                translate("Report", "<b>IKKE FULDFØRT.</b> Opgaven er ikke afsluttet. Der mangler:")
                + f"<ul>{items}</ul>",
                "warning",
            )
        )
    if r.unanswered:
        items = "".join(f"<li>{_text(q)}</li>" for q in r.unanswered)
        parts.append(
            _box(
                translate(
                    "Report",
                    "<b>Bemærk:</b> {n} spørgsmål til KOMBIT er ikke besvaret:",
                ).format(n=len(r.unanswered))
                + f"<ul>{items}</ul>",
                "warning",
            )
        )
    return "".join(parts)


def task_part(r: Report) -> str:
    """The task card's Mål, description and Resultat: what the record is held to (the
    leader as the municipality's single point of contact is in Mål and Resultat)."""
    parts = [_heading(translate("Report", "Opgaven"))]
    for label, paragraphs in (
        (translate("Report", "Mål:"), r.goal),
        (translate("Report", "Beskrivelse:"), r.description),
        (translate("Report", "Resultat:"), r.result),
    ):
        if paragraphs:
            first, *rest = paragraphs
            parts.append(f"<p><b>{label}</b> {esc(first)}</p>")
            parts.extend(f"<p>{esc(paragraph)}</p>" for paragraph in rest)
    return "".join(parts)


def appointments_part(r: Report) -> str:
    return _heading(translate("Report", "Udpegninger")) + _table(
        (
            translate("Report", "Rolle"),
            translate("Report", "Navn"),
            translate("Report", "Oplysninger"),
        ),
        [
            (esc(a.role), _text(a.name), "<br>".join(map(esc, a.details)) or "–")
            for a in r.appointments
        ],
        (24, 26, 50),
    )


def agreements_part(r: Report) -> str:
    if not r.agreements:
        return ""
    return _heading(translate("Report", "Aftaler og oplysninger")) + _table(
        (translate("Report", "Emne"), translate("Report", "Det er aftalt / oplyst")),
        [(esc(label), _text(value)) for label, value in r.agreements],
        (30, 70),
    )


def steps_part(r: Report) -> str:
    return _heading(translate("Report", "Trinene")) + _table(
        (
            translate("Report", "Trin"),
            translate("Report", "Status"),
            translate("Report", "Færdig"),
            translate("Report", "Afventer"),
        ),
        [
            (
                esc(f"{s.number}. {s.title}" if s.number else s.title),
                esc(s.state),
                esc(s.done_at) or "–",
                _text(s.note),
            )
            for s in r.steps
        ],
        (36, 12, 26, 26),
    )


def questions_part(r: Report) -> str:
    if not r.questions_title:  # a task without questions has no such section
        return ""
    if not r.questions:
        body = "<p>" + translate("Report", "Der er ikke stillet spørgsmål.") + "</p>"
    else:
        body = _table(
            (
                translate("Report", "Stillet"),
                translate("Report", "Spørgsmål"),
                translate("Report", "Svar"),
                translate("Report", "Besvaret"),
            ),
            [
                (
                    esc(q.asked_at),
                    _text(q.text),
                    _text(q.answer) if q.answer else translate("Report", "ikke besvaret"),
                    _answered(q.answered_on, q.answered_at),
                )
                for q in r.questions
            ],
            (20, 30, 30, 20),
        )
    return _heading(esc(r.questions_title)) + body


def _answered(on: str, at: str) -> str:
    """The day KOMBIT answered, as stated, then when the answer was registered here."""
    if not at:
        return "–"
    registered = translate("Report", "registreret {time}").format(time=esc(at))
    return f"{esc(on)}<br><span class='sub'>({registered})</span>"  # (no italic: not bundled)


def _sent(m: MailSection) -> str:
    """ "Sendt 10.11.2026 (markeret som sendt 11.11.2026 kl. 14.30) til …": the day stated,
    and when it was marked here."""
    return translate(
        "Report", "Sendt {day} (markeret som sendt {time}) til {address}. Den nøjagtige tekst:"
    ).format(day=esc(m.sent_on), time=esc(m.sent_at), address=esc(m.to))


def mail_part(r: Report) -> str:
    if not r.mail_title:  # nor a task that sends no mail
        return ""
    parts = [_heading(esc(r.mail_title))]
    m = r.mail
    if m is None:
        not_yet = (
            translate("Report", "Mailen om den nuværende projektleder er ikke sendt endnu.")
            if r.earlier_mails
            else translate("Report", "Mailen er ikke sendt endnu.")
        )
        parts.append(f"<p>{not_yet}</p>")
    else:
        parts.append(f"<p>{_sent(m)}</p>")
        if m.outdated:
            parts.append(
                _box(
                    translate(
                        "Report",
                        "<b>Bemærk:</b> Oplysningerne i mailen er ændret, efter den "
                        "blev sendt. Mailen herunder har de gamle oplysninger.",
                    ),
                    "warning",
                )
            )
        parts.append(_mail_box(m))
    earlier = translate(
        "Report",
        "Tidligere mail, sendt {day} (markeret som sendt {time}) til {address} ({status}):",
    )
    for m in r.earlier_mails:
        said = earlier.format(
            day=esc(m.sent_on), time=esc(m.sent_at), address=esc(m.to), status=esc(m.status)
        )
        parts.append(f"<p>{said}</p>" + _mail_box(m))
    return "".join(parts)


def approval_part(r: Report) -> str:
    line = "_" * 40
    signature = translate(
        "Report", "<p>Navn: {name}</p><p><br>Dato: {line}</p><p><br>Underskrift: {line}</p>"
    )
    parts = [
        _heading(translate("Report", "Godkendelse")),
        "<p>" + esc(r.approved_by) + "</p>",
        signature.format(name=esc(r.approver) if r.approver else line, line=line),
    ]
    if r.owner_signs:  # the owner is someone else: accepts the role with a signature too
        parts.append(
            "<p><br>" + translate("Report", "Rollen som projektejer er accepteret af") + "</p>"
        )
        parts.append(signature.format(name=esc(r.owner_signs), line=line))
    return "".join(parts)


LOG_ROWS_PER_TABLE = 40  # Qt draws a table whole for each page it is on: keep them short


def log_part(r: Report) -> str:
    """The log per day and field; every single event is in the appendix (report_log)."""
    heading = _heading(translate("Report", "Hændelser dag for dag"))
    if not r.events:
        return heading + "<p>" + translate("Report", "Ingen hændelser.") + "</p>"
    intro = translate(
        "Report",
        "Hver linje samler ændringerne af ét felt på én dag: hvor mange, hvad der stod før "
        "dagens første, og hvad der stod efter dagens sidste. Hver enkelt hændelse står i "
        "bilaget.",
    )
    rows: list[tuple[str, ...]] = []
    day = None
    for c in r.log_by_day:
        when = ""  # the day is said on its first row, and again atop each table
        if (c.day, c.cause) != day or len(rows) % LOG_ROWS_PER_TABLE == 0:
            when = esc(c.day) + (f"<br>({esc(c.cause)})" if c.cause else "")
        day = (c.day, c.cause)
        what = f"{esc(c.step)}:<br>{esc(c.field)}"
        if c.because:  # done by the app: what it followed from (no italics: the
            what += f"<br>({esc(c.because)})"  # embedded font has none)
        rows.append((when, what, str(c.count), esc(c.first_old), esc(c.last_new)))
    headers = (
        translate("Report", "Dag"),
        translate("Report", "Trin og felt"),
        translate("Report", "Antal"),
        translate("Report", "Før"),
        translate("Report", "Efter"),
    )
    tables = "".join(
        _table(
            headers,
            rows[i : i + LOG_ROWS_PER_TABLE],
            (14, 26, 8, 26, 26),
            extra="font-size: 8pt",
            font_pt=8,
            head=i == 0,
        )
        for i in range(0, len(rows), LOG_ROWS_PER_TABLE)
    )
    return heading + f"<p>{intro}</p>" + tables


# Issue-by-issue additions go here, each a function of the Report (see domain/report.py).
PARTS: tuple[Callable[[Report], str], ...] = (
    title_part,
    status_part,
    warnings_part,
    task_part,
    appointments_part,
    agreements_part,
    steps_part,
    questions_part,
    mail_part,
    approval_part,
    log_part,
)


def report_html(r: Report) -> str:
    """The report itself (the appendix with every event is drawn after it: report_log)."""
    return "<html><body>" + "".join(part(r) for part in PARTS) + "</body></html>"


# (done, total) pages drawn; called with (0, 0) while the pages are being laid out.
Progress = Callable[[int, int], None]


def _no_progress(_done: int, _total: int) -> None:
    pass


LAYOUT_DPI = 300  # the report is laid out once, at this resolution, for every device


def _layout_device() -> tuple[QPdfWriter, QBuffer]:
    """The device the report is laid out on, whatever it is drawn on: a PDF writer at
    LAYOUT_DPI (nothing is written). Laid out on the printer itself, text measured at its
    resolution broke into other lines and pages than the saved PDF."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    _full_page(writer)
    return writer, buffer


def _full_page(device: QPagedPaintDevice) -> None:
    """A4 with no margins of the device's own: the report's margins are drawn by us, so
    that they are the same on a printer (whose driver may ask for margins of its own)
    and in the PDF. A printer is set to full-page mode (its origin the paper's corner)."""
    if hasattr(device, "setFullPage"):  # a QPrinter (QtPrintSupport is loaded late)
        device.setFullPage(True)
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
            QMarginsF(0, 0, 0, 0),
        )
    )


def _mm(mm: float) -> float:
    """Millimetres in layout units."""
    return mm * LAYOUT_DPI / 25.4


def _page_areas() -> tuple[QRectF, QRectF, QRectF]:
    """In layout units on A4: where the body is drawn, its size as the document's page,
    and the footer's line."""
    width, height = _mm(210), _mm(297)
    footer_height = FOOTER_GAP_PT * LAYOUT_DPI / 72
    left, top = _mm(MARGINS_MM.left()), _mm(MARGINS_MM.top())
    inner_w = width - left - _mm(MARGINS_MM.right())
    inner_h = height - top - _mm(MARGINS_MM.bottom())
    body = QRectF(left, top, inner_w, inner_h - footer_height)
    footer = QRectF(left, top + inner_h - footer_height / 2, inner_w, footer_height / 2)
    return body, QRectF(0, 0, inner_w, inner_h - footer_height), footer


def _draw_page(doc: QTextDocument, painter: QPainter, page: int, size: QSizeF) -> None:
    """One page of the document. A line of a table cell may cross the page's edge by a
    little (Qt breaks the lines in a cell onto the next page a padding late): it is drawn
    on the page that holds most of it, whole, and not on the other. Drawn on both, the
    clip hid it on one — but it stayed in the PDF's text layer, found by search and copied
    with the page: a repeated line at page breaks."""
    top = page * size.height()
    edge = FONT_POINTS * 1.2 * LAYOUT_DPI / 72 / 2  # half a line
    painter.save()
    painter.translate(0, -top)
    painter.setClipRect(QRectF(0, top, size.width(), size.height() + edge))
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, top + edge, size.width(), size.height() - 2 * edge)
    doc.documentLayout().draw(painter, context)
    painter.restore()


def _body(report: Report, device: QPagedPaintDevice, size: QSizeF) -> QTextDocument:
    """The report itself, laid out in pages of `size` on the layout device."""
    font = QFont(report_font_family())
    font.setPointSizeF(FONT_POINTS)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(style_sheet())
    doc.setHtml(report_html(report))
    doc.setPageSize(size)
    line_height = FONT_POINTS * 1.4 * LAYOUT_DPI / 72
    keep_headings_with_content(doc, size.height(), line_height)
    split_at_page_breaks(doc, size.height())
    return doc


def render(
    report: Report,
    device: QPagedPaintDevice,
    before_paint: Callable[[], None] | None = None,
    progress: Progress = _no_progress,
    *,
    paper: bool = False,
) -> int:
    """Lay out and draw the report, then its appendix (the whole event log), on a printer
    (`paper`: the footer says when it was printed) or a PDF writer; returns the page
    count. `progress` hears how far it is. The layout is the same for both (made once, on
    _layout_device), so that the paper copy and the PDF are the same document, page for
    page.

    `before_paint` runs just before painting starts, which is when a PDF writer stamps
    its creation date."""
    layout_device, buffer = _layout_device()
    body, page_size, footer = _page_areas()
    progress(0, 0)
    doc = _body(report, layout_device, page_size.size())
    progress(0, 0)
    log = LogPages(report, layout_device, report_font_family(), body.width(), body.height())
    pages = doc.pageCount() + len(log.pages)
    footer_font = QFont(report_font_family())
    footer_font.setPointSizeF(FONT_POINTS - 1.5)
    _full_page(device)
    if before_paint is not None:
        before_paint()
    painter = QPainter(device)
    try:
        scale = device.logicalDpiX() / LAYOUT_DPI
        painter.scale(scale, scale)
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(body.topLeft())
            if page < doc.pageCount():
                _draw_page(doc, painter, page, page_size.size())
            else:
                log.draw(painter, page - doc.pageCount())
            painter.restore()
            page_of = translate("Report", "Side {page} af {pages}")
            _draw_footer(
                painter,
                footer,
                drawn_font(footer_font, layout_device, painter),
                report.footer_for(paper=paper),
                page_of.format(page=page + 1, pages=pages),
            )
            progress(page + 1, pages)
    finally:
        painter.end()
        del layout_device
        buffer.close()
    return pages


def _draw_footer(painter: QPainter, footer: QRectF, font: QFont, left: str, right: str) -> None:
    painter.setFont(font)
    bottom = Qt.AlignmentFlag.AlignBottom
    painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | bottom, left)
    painter.drawText(footer, Qt.AlignmentFlag.AlignRight | bottom, right)


XMP = """<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x="adobe:ns:meta/" \
xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" \
xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" \
xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<rdf:RDF>
<rdf:Description rdf:about="">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" pdf:Producer="{producer}" pdf:Trapped="False"/>
<rdf:Description rdf:about="" xmp:CreatorTool="{creator}" xmp:CreateDate="{date}" \
xmp:ModifyDate="{date}" xmp:MetadataDate="{date}"/>
<rdf:Description rdf:about="" xmpMM:DocumentID="uuid:{uuid}" xmpMM:VersionID="1" \
xmpMM:RenditionClass="default"/>
<rdf:Description rdf:about="" pdfaid:part="1" pdfaid:conformance="B"/>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end='w'?>"""
# Qt writes the Info dictionary's date in local time with its UTC offset, e.g.
# D:20261129224205+01'00' in Danish winter time, or D:20261129214205Z in UTC.
_INFO_DATE = re.compile(rb"/CreationDate \(D:(\d{14})(Z|[+-]\d\d'\d\d'?)\)")


def info_date(content: bytes) -> datetime | None:
    """The Info dictionary's /CreationDate as an aware datetime (None if there is none)."""
    match = _INFO_DATE.search(content)
    if match is None:
        return None
    wall = datetime.strptime(match.group(1).decode("ascii"), "%Y%m%d%H%M%S")
    zone = match.group(2).decode("ascii")
    if zone == "Z":
        return wall.replace(tzinfo=UTC)
    sign = -1 if zone[0] == "-" else 1
    offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    return wall.replace(tzinfo=timezone(sign * offset))


def qt_now() -> datetime:
    """Now, to the second, as Qt's PDF writer sees it: local time with Qt's UTC offset
    (not Python's idea of the zone, should the two ever differ)."""
    now = QDateTime.currentDateTime()
    zone = timezone(timedelta(seconds=now.offsetFromUtc()))
    return datetime.fromtimestamp(now.toSecsSinceEpoch(), zone)


def _xmp(title: str, author: str, subject: str, creator: str, at: datetime) -> bytes:
    """Qt's own PDF/A-1b XMP packet, plus the subject (dc:description), which Qt has no
    setter for. Qt embeds a packet given to it verbatim."""
    return XMP.format(
        title=xml_escape(title),
        author=xml_escape(author),
        subject=xml_escape(subject),
        producer=f"Qt {qVersion()}",
        creator=xml_escape(creator),
        date=at.isoformat(timespec="seconds"),  # 2026-11-29T22:42:05+01:00
        uuid=uuid.uuid4(),
    ).encode("utf-8")


class PdfDateError(CannotMakeError):
    """The PDF's Info and XMP creation dates could not be made equal (PDF/A requires it)."""

    def __init__(self, detail: str) -> None:
        super().__init__(self.message())
        self.detail = detail

    @staticmethod
    def message() -> str:
        return translate(
            "Report",
            "Rapporten blev ikke gemt: PDF/A kræver samme tid i filens to datofelter, og det "
            "lykkedes ikke. Prøv igen.",
        )


@contextmanager
def zone_qt_reads() -> Iterator[None]:
    """Run with a time zone Qt can read. Qt stamps a PDF in its own idea of the system
    zone; where it cannot read TZ though the C library can (a path such as
    TZ=/usr/share/zoneinfo/Europe/Copenhagen, or TZ=Local, or garbage, which the C library
    takes as UTC), Qt writes the invalid date D:00000000-1-1-1Z and no XMP date. Then, for
    the moment the PDF is made, TZ is the C library's offset now as a fixed zone
    (domain.timefmt.fixed_zone): the same local time, with its offset, or UTC+00:00 where
    the C library knows no zone either. TZ is put back after."""
    zone = QTimeZone(QTimeZone.systemTimeZoneId())  # (systemTimeZone() would warn on stderr)
    if zone.isValid() or not hasattr(time, "tzset"):  # Windows: Qt asks the system itself
        yield
        return
    saved = os.environ.get("TZ")
    os.environ["TZ"] = fixed_zone(time.localtime().tm_gmtoff)
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()


def pdf_bytes(
    report: Report, *, author: str, subject: str, progress: Progress = _no_progress
) -> tuple[bytes, int]:
    """The report as PDF/A-1b with title, author, subject and creation date; (bytes, pages).

    PDF/A wants the XMP dates to equal the Info dictionary's, which Qt stamps (to the
    second, in local time with its UTC offset) when painting begins; the packet is set
    right then, from Qt's own clock, and checked after. Only a second that ticks over in
    between makes them differ; then the PDF is made again. Made in a zone Qt can read
    (zone_qt_reads)."""
    with zone_qt_reads():
        return _pdf_bytes(report, author=author, subject=subject, progress=progress)


def _pdf_bytes(
    report: Report, *, author: str, subject: str, progress: Progress
) -> tuple[bytes, int]:
    for _attempt in range(3):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
        writer.setResolution(300)
        creator = f"Rolleudpeger {report.version}"
        writer.setTitle(report.document_title)
        writer.setAuthor(author)
        writer.setCreator(creator)
        stamped: list[datetime] = []

        def stamp(w: QPdfWriter = writer, out: list[datetime] = stamped, c: str = creator) -> None:
            at = qt_now()
            out.append(at)
            title = report.document_title
            w.setDocumentXmpMetadata(QByteArray(_xmp(title, author, subject, c, at)))

        pages = render(report, writer, before_paint=stamp, progress=progress)
        del writer  # finishes the file
        buffer.close()
        content = bytes(data.data())
        written = info_date(content)
        if written == stamped[0] and written.utcoffset() == stamped[0].utcoffset():
            return content, pages
    raise PdfDateError(f"Info date {written} kept differing from the XMP date {stamped[0]}")


def write_pdf(
    report: Report,
    path: Path,
    *,
    author: str,
    subject: str,
    protected: Iterable[Path] = (),
    progress: Progress = _no_progress,
) -> int:
    """Write the report as PDF/A through the one door for files the user names
    (store/targets.py: whole or not at all, owner-only, never over a database nor into the
    `protected` folders). A target another program holds open (Acrobat, on Windows) is
    retried briefly, then told as such. Returns the number of pages.

    Raises RefusedTargetError, PdfDateError, or OSError when the file cannot be written."""
    content, pages = pdf_bytes(report, author=author, subject=subject, progress=progress)
    save_user_file(path, content, protected)
    return pages
