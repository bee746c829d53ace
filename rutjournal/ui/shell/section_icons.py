"""The sidebar's section icons: one-colour SVGs tinted with the palette's text colour, so they read on light
and on dark, and re-tinted when the theme changes."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QListWidget

from rutjournal.core.resources import resource_path

ICON_SIZE = 20
# A new palette (the theme), or a screen of another scale, draws the icons again.
_PALETTE_EVENTS = (
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.DevicePixelRatioChange,
)
_FONT_EVENTS = (QEvent.Type.StyleChange, QEvent.Type.FontChange)


def tinted_pixmap(renderer: QSvgRenderer, side: int, colour: QColor) -> QPixmap:
    """The SVG drawn at ``side`` pixels, every drawn pixel painted ``colour`` (its alpha kept)."""
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), colour)
    painter.end()
    return pixmap


def section_icon(
    key: str, palette: QPalette, size: int = ICON_SIZE, scales: tuple[int, ...] = (1, 2, 3)
) -> QIcon:
    """A section's icon in the text colour, and in the highlighted-text colour when its row is selected, drawn
    at each of ``scales`` (crisp at 100 %, 200 %, … without a blurry upscale)."""
    renderer = QSvgRenderer(str(resource_path("icons", "sections", f"{key}.svg")))
    icon = QIcon()
    modes = (
        (QIcon.Mode.Normal, palette.color(QPalette.ColorRole.WindowText)),
        (QIcon.Mode.Selected, palette.color(QPalette.ColorRole.HighlightedText)),
        (
            QIcon.Mode.Disabled,
            palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
        ),
    )
    for mode, colour in modes:
        for scale in scales:
            icon.addPixmap(tinted_pixmap(renderer, size * scale, colour), mode)
    return icon


class SectionIcons(QObject):
    """Keeps the sidebar's icons in the current palette's colours (found with sidebar.findChild)."""

    def __init__(self, sidebar: QListWidget, role: int = Qt.ItemDataRole.UserRole) -> None:
        super().__init__(sidebar)
        self.sidebar = sidebar
        self.role = role
        self._drawn: tuple[object, ...] | None = None  # the colours and scales the icons were last drawn in
        sidebar.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        # The titles fit its width; a scroll bar for the rows' rounded margins would only be clutter.
        sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tint()
        self.fit_width()

    def follow(self) -> None:
        """Re-tint and re-fit on every change of theme, font or screen from now on (``MainWindow.open_data``:
        an event filter that sees the sidebar's events before the first paint costs the window's start), and
        catch up with any change that came before."""
        self.sidebar.installEventFilter(self)
        self.tint()
        self.fit_width()

    def fit_width(self) -> None:
        """Widen the sidebar to its longest title, so no title is cut at any font or scale."""
        self.sidebar.ensurePolished()  # the style sheet's font size is in force from here
        metrics = self.sidebar.fontMetrics()
        titles = [self.sidebar.item(row).text() for row in range(self.sidebar.count())]
        longest = max((metrics.horizontalAdvance(t) for t in titles), default=0)
        # The rows' padding (2 × 12) and margins (2 × 6) in app.qss, the icon, its gap, and air to spare.
        needed = longest + ICON_SIZE + 24 + 12 + 8 + 16
        if needed > self.sidebar.width():
            self.sidebar.setFixedWidth(needed)

    def tint(self) -> None:
        """Draw the icons in the palette's colours, at this screen's scale (and 100 %); a palette change that
        leaves the colours as they were (the window's start sends several) draws nothing again."""
        palette = self.sidebar.palette()
        scales = tuple(sorted({1, math.ceil(self.sidebar.devicePixelRatioF())}))
        roles = (QPalette.ColorRole.WindowText, QPalette.ColorRole.HighlightedText)
        drawn = (
            *(palette.color(role).rgba() for role in roles),
            palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).rgba(),
            scales,
        )
        if drawn == self._drawn:
            return
        self._drawn = drawn
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            key = str(item.data(self.role))
            item.setIcon(section_icon(key, palette, scales=scales))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.sidebar and event.type() in _PALETTE_EVENTS:
            self.tint()
        elif watched is self.sidebar and event.type() in _FONT_EVENTS:
            self.fit_width()  # the style sheet came (it is put on once the window is built) or changed
        return False


def set_section_icons(sidebar: QListWidget) -> SectionIcons:
    return SectionIcons(sidebar)
