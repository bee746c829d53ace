"""matplotlib loaded off the GUI thread, so the first open of Trends shows its page at once and stays alive.

Importing matplotlib, numpy and the plots, reading matplotlib's font cache (built on its very first run) and a
first render with the Agg backend take about a second, several on a cold disk. All of it runs in a plain
thread that creates no Qt object; the window asks ``done()`` from a timer and builds the Qt canvases itself.
"""

from __future__ import annotations

import threading

from rutjournal.core.logsetup import logger, route_records

log = logger(__name__)


def _load() -> None:
    route_records()  # matplotlib logs through logging itself
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from rutjournal.render.plots.drawing import new_figure

    figure = new_figure()  # one small render, so fonts are found and the text layout is warm
    FigureCanvasAgg(figure)
    figure.add_subplot().plot([0, 1], [0, 1], label="Mood 1–5")
    figure.suptitle("Drawing charts 0123456789")
    figure.canvas.draw()


class ChartLoader:
    """Loads matplotlib once per process, in the background; ``wait()`` when a chart is needed right now."""

    _lock = threading.Lock()
    _thread: threading.Thread | None = None
    _failed: BaseException | None = None

    @classmethod
    def start(cls) -> None:
        with cls._lock:
            if cls._thread is None:
                cls._thread = threading.Thread(target=cls._run, name="matplotlib-load", daemon=True)
                cls._thread.start()

    @classmethod
    def _run(cls) -> None:
        try:
            _load()
        except Exception as exc:  # the view says the charts cannot be drawn; the window carries on
            log.exception("could not load matplotlib for the Trends charts")
            cls._failed = exc

    @classmethod
    def done(cls) -> bool:
        return cls._thread is not None and not cls._thread.is_alive()

    @classmethod
    def wait(cls) -> None:
        cls.start()
        assert cls._thread is not None
        cls._thread.join()

    @classmethod
    def failed(cls) -> bool:
        return cls._failed is not None
