"""Take the README's screenshots: every section of the window, in light and in dark, on the demo journal.

Runs offscreen in a temporary home (the real journal and settings are never touched):

    .venv/bin/python docs/screenshots/take.py --out /tmp/shots [--theme light|dark|both] [--scale 2]

Files are named ``<section>-<theme>.png`` (``journal-dark.png``…); at ``--scale 2`` they end in ``@2x``.
``--lang de`` (or fr) takes the window in that language, with today's entry written in it:

    .venv/bin/python docs/screenshots/take.py --out docs/screenshots/de --lang de --theme light
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

TODAY_TEXT = """Standup ran long again: twenty minutes on the **status report** nobody reads.

Afternoon was better — paired with Priya on the forecasting model and finally understood the \
seasonal adjustment. That is the kind of work I want more of.

- asked Dana about the analytics lead role: she said *let's talk at the one-to-one*
- handed the weekly export to the new intern
"""
TODAY_TEXTS = {
    "en": TODAY_TEXT,
    "de": """Das Standup zog sich wieder: zwanzig Minuten über den **Statusbericht**, den niemand liest.

Der Nachmittag war besser: mit Priya am Prognosemodell gearbeitet und endlich die Saisonbereinigung \
verstanden. Von dieser Art Arbeit will ich mehr.

- Dana nach der Stelle als Analytics-Lead gefragt: *lass uns im 1:1 darüber reden*
- den wöchentlichen Export an die neue Praktikantin abgegeben
""",
    "fr": """Le point du matin a encore débordé : vingt minutes sur le **rapport d'avancement** que personne ne lit.

L'après-midi a été meilleur : travaillé avec Priya sur le modèle de prévision, et enfin compris la \
correction saisonnière. C'est ce genre de travail que je veux davantage.

- demandé à Dana pour le poste de responsable analytique : *parlons-en à notre entretien individuel*
- confié l'export hebdomadaire au nouveau stagiaire
""",
}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--sections", default="journal,load,grow,guidance,crossroads,trends,search")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--lang", choices=tuple(TODAY_TEXTS), default="en")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="rutjournal-shots-"))
    os.environ.update(
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR=str(args.scale),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        RUTJOURNAL_DATA_DIR=str(home / "journal"),
    )
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from rutjournal.core.i18n import start_in

    start_in(args.lang)
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from rutjournal.core.demo import build_demo
    from rutjournal.core.journal.service import Journal
    from rutjournal.core.paths import resolve_paths
    from rutjournal.core.storage.db import open_database
    from rutjournal.core.values import Scores
    from rutjournal.ui.app import create_app
    from rutjournal.ui.shell.main_window import MainWindow
    from rutjournal.ui.shell.theme import apply_theme

    paths = resolve_paths()
    paths.data_dir.mkdir(parents=True)
    today = dt.date.today()
    db = open_database(paths.database)
    build_demo(db, today)
    # A day late in a month, so the calendar beside it is full of mood colours.
    shown_day = today if today.day > 7 else today - dt.timedelta(days=today.day)
    scores = Scores(mood=3, energy=4, challenge=3, hours=8.5, load=4)
    Journal(db).save(shown_day, TODAY_TEXTS[args.lang], scores, ["meeting"])
    db.close()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    app = create_app()
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == 1 else f"@{args.scale:g}x"
    for theme in ("light", "dark") if args.theme == "both" else (args.theme,):
        apply_theme(app, theme)
        window = MainWindow(paths)
        window.resize(width, height)
        window.show()
        while window.db is None:
            wait(50)
        wait(300)
        window.checkin_banner.hide()  # the monthly offer: shown once, not in every picture
        window.journal_view.show_day(shown_day)
        for key in args.sections.split(","):
            if key == "search":
                window.search_box.setText("forecast")
                wait(400)
            else:
                window.show_section(key)
            wait(1500 if key == "trends" else 300)
            target = args.out / f"{key}-{theme}{suffix}.png"
            window.grab().save(str(target))
            print(target)
        window.search_box.clear()
        window.close()
        window.deleteLater()
        wait(50)
    return 0


if __name__ == "__main__":
    sys.exit(main())
