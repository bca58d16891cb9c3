"""Where the report's pages break, decided after Qt has laid the document out in pages.

Qt breaks a page between any two lines, also inside a paragraph. Drawn page by page, a
paragraph on two pages was drawn on both: QTextLayout::draw draws, of a paragraph that
reaches into the page, also the last line above it (qtextlayout.cpp: `firstLine` is the
last line above the clip, not the one after it), hidden by the clip but kept in the PDF's
text layer — a repeated line at page breaks, found by search and copied with the page.
So a paragraph (in a table cell too) that runs over a page break is split there into two
(`split_at_page_breaks`); its lines stay where they are. And a heading is never left at
the foot of a page (`keep_headings_with_content`).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat

ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
LINE_SEPARATOR = "\u2028"  # a <br> inside a paragraph


def blocks(doc: QTextDocument) -> Iterator[QTextBlock]:
    """The document's blocks in order, those in table cells too."""
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def break_before(doc: QTextDocument, block: QTextBlock) -> None:
    """A page break before the block, then the whole document laid out again: Qt's
    incremental relayout after a format change can leave later blocks with no height
    when a table cell runs over a page break (the English sample lost its signature line
    and the appendix heading)."""
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(ALWAYS_BEFORE)
    QTextCursor(block).setBlockFormat(fmt)
    doc.markContentsDirty(0, doc.characterCount())


def keep_headings_with_content(doc: QTextDocument, page_height: float, line_height: float) -> None:
    """Never leave a heading at the foot of a page: a short section (the approval block)
    moves whole to the next page, a long one at least with its first lines. Headings are
    placed in order, each measured after the ones before it have moved."""
    headings = [b for b in blocks(doc) if b.blockFormat().headingLevel() == 2]
    for i, block in enumerate(headings):
        if _breaks_badly(doc, headings, i, page_height, line_height):
            break_before(doc, block)


def _breaks_badly(
    doc: QTextDocument, headings: list[QTextBlock], i: int, page_height: float, line_height: float
) -> bool:
    """Whether heading `i`'s section (short) or its first lines (long) cross a page break."""
    layout = doc.documentLayout()
    block = headings[i]
    top = layout.blockBoundingRect(block).top()
    if i + 1 < len(headings):
        end = layout.blockBoundingRect(headings[i + 1]).top()
    else:
        end = doc.size().height()
    first_lines = layout.blockBoundingRect(block).bottom() + 3 * line_height
    bottom = end if end - top < page_height / 3 else first_lines
    return int(top // page_height) != int((bottom - 1) // page_height)


def split_at_page_breaks(doc: QTextDocument, page_height: float) -> int:
    """Split each paragraph whose lines are on more than one page where its page breaks,
    so that no paragraph reaches over a page break; returns how many splits were made.
    Laid out again after each round; a split moves nothing (the halves keep no margin
    between them), so one round is enough but for a rare line that then moves."""
    made = 0
    for _round in range(3):
        splits = [(b, starts) for b in blocks(doc) if (starts := _page_starts(doc, b, page_height))]
        if not splits:
            break
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # laid out once, after all of them (each alone: 50 ms)
        for block, starts in reversed(splits):  # later positions first: earlier stay valid
            for position in reversed(starts):
                _split(cursor, block, position)
                made += 1
        cursor.endEditBlock()
        doc.markContentsDirty(0, doc.characterCount())
    return made


def _page_starts(doc: QTextDocument, block: QTextBlock, page_height: float) -> list[int]:
    """Where in the block a line begins on another page than the line before it."""
    layout = block.layout()
    if layout is None or layout.lineCount() < 2:
        return []
    top = doc.documentLayout().blockBoundingRect(block).top() - layout.boundingRect().top()
    starts, page = [], None
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        here = int((top + line.y() + line.height() / 2) // page_height)
        if page is not None and here != page:
            starts.append(block.position() + line.textStart())
        page = here
    return starts


def _split(cursor: QTextCursor, block: QTextBlock, position: int) -> None:
    """A paragraph break at `position` (replacing the <br> that ended the line before):
    the first half keeps its top margin and page break, the second its bottom margin."""
    first = block.blockFormat()
    cursor.setPosition(position)
    if cursor.document().characterAt(position - 1) == LINE_SEPARATOR:
        cursor.deletePreviousChar()
    cursor.insertBlock()
    second = QTextFormat(first).toBlockFormat()
    second.setTopMargin(0)
    second.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    cursor.setBlockFormat(second)
    first.setBottomMargin(0)
    cursor.setPosition(block.position())
    cursor.setBlockFormat(first)
