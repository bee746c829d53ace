"""Markdown to a printable PDF with Qt alone (QTextDocument reads the Markdown, QPdfWriter writes the pages).

A4, 300 dpi, margins of 18 mm at the sides, a 10.5 pt sans-serif body, headings that stand out, light rules
around table cells, and a footer on every page with the document's title and "page n of N". The document
title goes into the PDF's metadata. The file is written next to its final name and moved into place when
complete, so a failed export leaves nothing half-written.

Imported only when a PDF is asked for: it needs a QGuiApplication, and creates one (offscreen when there is no
display) if the process has none.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from rutjournal.core.i18n import _

RESOLUTION = 300  # dots per inch
MARGINS_MM = QMarginsF(18, 16, 18, 14)  # left, top, right, bottom; the footer sits above the bottom one
BODY_PT = 10.5
FONT_FAMILIES = [
    "Noto Sans",
    "Source Sans 3",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "DejaVu Sans",
    "sans-serif",
]
HEADING_PT = {1: 20.0, 2: 14.0, 3: 11.5, 4: 10.5, 5: 10.5, 6: 10.5}
HEADING_SPACE_PT = {
    1: (0.0, 8.0),
    2: (16.0, 5.0),
    3: (11.0, 3.0),
    4: (8.0, 2.0),
    5: (8.0, 2.0),
    6: (8.0, 2.0),
}
INK = QColor("#1a1a1a")
ACCENT = QColor("#1f3d5c")
MUTED = QColor("#666666")
RULE = QColor("#b8c2cc")

_app: QGuiApplication | None = None  # kept alive for the life of the process


def ensure_gui_application() -> None:
    """Fonts and painting need a QGuiApplication: make one if there is none (offscreen with no display)."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform in ("win32", "darwin")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(sys.argv[:1] or ["rutjournal"])


def markdown_to_pdf(markdown: str, path: Path, title: str) -> None:
    """Write ``markdown`` to ``path`` as an A4 PDF titled ``title`` (OSError when it cannot be written)."""
    ensure_gui_application()
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")  # created as any new file is (umask applies)
    try:
        _write(markdown, temp, title)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def write_pdf(markdown: str, path: Path, title: str) -> None:
    """Write ``markdown`` as a PDF straight into ``path`` (a temporary file the caller moves into place)."""
    ensure_gui_application()
    _write(markdown, path, title)


def _write(markdown: str, path: Path, title: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("rutjournal")

    body_font = QFont()
    body_font.setFamilies(FONT_FAMILIES)
    body_font.setPointSizeF(BODY_PT)
    body_font.setFeature(
        QFont.Tag("liga"), 0
    )  # "fi" stays two letters: the text searches and copies as typed
    footer_font = QFont(body_font)
    footer_font.setPointSizeF(8.5)

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # points are measured at the PDF's 300 dpi
    document.setDefaultFont(body_font)
    document.setMarkdown(markdown)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    _style(document)

    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_gap = _pixels(writer, 9.0)  # between the text and the footer rule
    footer_height = QFontMetricsF(footer_font, writer).height() + _pixels(writer, 4.0)
    body = QSizeF(page.width(), page.height() - footer_gap - footer_height)
    root = document.rootFrame().frameFormat()
    root.setMargin(0)
    document.rootFrame().setFrameFormat(root)
    document.setPageSize(body)
    _keep_headings_with_next(document, body.height())
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        for number in range(1, pages + 1):
            if number > 1:
                writer.newPage()
            _paint_page(painter, document, body, number)
            _paint_footer(painter, writer, footer_font, body, footer_gap, title, number, pages)
    finally:
        painter.end()


def _paint_page(painter: QPainter, document: QTextDocument, body: QSizeF, number: int) -> None:
    top = (number - 1) * body.height()
    painter.save()
    painter.setClipRect(QRectF(0, 0, body.width(), body.height()))
    painter.translate(0, -top)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, top, body.width(), body.height())
    context.palette.setColor(context.palette.ColorRole.Text, INK)
    document.documentLayout().draw(painter, context)
    painter.restore()


def _paint_footer(
    painter: QPainter,
    writer: QPdfWriter,
    font: QFont,
    body: QSizeF,
    gap: float,
    title: str,
    number: int,
    pages: int,
) -> None:
    y = body.height() + gap
    painter.save()
    painter.setPen(QPen(RULE, _pixels(writer, 0.5)))
    painter.drawLine(QPointF(0, y), QPointF(body.width(), y))
    painter.setFont(font)
    painter.setPen(MUTED)
    metrics = QFontMetricsF(font, writer)
    baseline = y + _pixels(writer, 3.0) + metrics.ascent()
    # TRANSLATORS: the footer of every page of a PDF report
    label = _("Page {number} of {pages}").format(number=number, pages=pages)
    shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, body.width() * 0.7)
    painter.drawText(QPointF(0, baseline), shown)
    painter.drawText(QPointF(body.width() - metrics.horizontalAdvance(label), baseline), label)
    painter.restore()


def _pixels(writer: QPdfWriter, points: float) -> float:
    """Device pixels, for painting on the page."""
    return points * writer.resolution() / 72


def _length(points: float) -> float:
    """A length for the document's formats: Qt reads those in pixels at 96 dpi and scales them to the page."""
    return points * 96 / 72


def _style(document: QTextDocument) -> None:
    """Headings sized and spaced, paragraphs and list items given air, tables ruled and padded."""
    block = document.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        if cursor.currentTable() is not None:  # table cells keep their own spacing
            block = block.next()
            continue
        level = block.blockFormat().headingLevel()
        fmt = QTextBlockFormat(block.blockFormat())
        if level:
            above, below = HEADING_SPACE_PT[level]
            fmt.setTopMargin(_length(above))
            fmt.setBottomMargin(_length(below))
            cursor.setBlockFormat(fmt)
            _heading_text(block, level)
        elif block.textList() is not None:
            last = not block.next().isValid() or block.next().textList() is None
            fmt.setTopMargin(_length(1.5))
            fmt.setBottomMargin(_length(7.0 if last else 1.5))
            fmt.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor.setBlockFormat(fmt)
        else:
            fmt.setTopMargin(_length(2.0))
            fmt.setBottomMargin(_length(5.0))
            fmt.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor.setBlockFormat(fmt)
        block = block.next()
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            _style_table(frame)


def _heading_text(block: QTextBlock, level: int) -> None:
    """Size a heading in points (Qt's Markdown reader scales headings by a relative adjustment that would
    override any size given), bold and coloured."""
    spans = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        spans.append((fragment.position(), fragment.length(), QTextCharFormat(fragment.charFormat())))
        fragments += 1
    cursor = QTextCursor(block)
    for position, length, char in spans:
        char.clearProperty(QTextFormat.Property.FontSizeAdjustment)
        char.setFontPointSize(HEADING_PT[level])
        char.setFontWeight(QFont.Weight.Bold)
        char.setForeground(ACCENT if level <= 3 else INK)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(char)


def _keep_headings_with_next(document: QTextDocument, page_height: float) -> None:
    """A heading left alone at the foot of a page starts the next page instead (a few passes: each move
    shifts what follows)."""
    layout = document.documentLayout()
    for _pass in range(20):
        moved = False
        block = document.begin()
        while block.isValid():
            following = block.next()
            if block.blockFormat().headingLevel() and following.isValid():
                here = layout.blockBoundingRect(block)
                there = _first_line_rect(layout, following)
                if int(here.top() // page_height) != int(there.bottom() // page_height):
                    fmt = QTextBlockFormat()
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(block).mergeBlockFormat(fmt)
                    moved = True
                    break
            block = following
        if not moved:
            return


def _first_line_rect(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> QRectF:
    """Where a block's first line is (a table cell's block or a plain one), in document coordinates."""
    rect = layout.blockBoundingRect(block)
    lines = block.layout()
    if lines is not None and lines.lineCount():
        line = lines.lineAt(0)
        return QRectF(rect.left(), rect.top() + line.y(), line.width(), line.height())
    return rect


def _style_table(table: QTextTable) -> None:
    fmt: QTextTableFormat = table.format()
    fmt.setBorder(_length(0.75))
    fmt.setBorderBrush(RULE)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setCellSpacing(0)
    fmt.setCellPadding(_length(3.5))
    fmt.setTopMargin(_length(4.0))
    fmt.setBottomMargin(_length(8.0))
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setHeaderRowCount(1)
    table.setFormat(fmt)
    header = QTextCharFormat()
    header.setFontWeight(QFont.Weight.Bold)
    header.setBackground(QColor("#eef2f6"))
    for column in range(table.columns()):
        cell = table.cellAt(0, column)
        cell_format = cell.format()
        cell_format.setBackground(QColor("#eef2f6"))
        cell.setFormat(cell_format)
        cursor = cell.firstCursorPosition()
        if table.rows() > 1:  # a header lines up with its column (Markdown aligns only the body)
            aligned = QTextBlockFormat()
            aligned.setAlignment(table.cellAt(1, column).firstCursorPosition().blockFormat().alignment())
            cursor.mergeBlockFormat(aligned)
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(header)
