"""Build the translation catalogs with Babel: extract the marked strings, update each language's ``.po``,
compile its ``.mo``, and write the language's CLDR formats. The app reads the results with the standard
library alone (rutjournal/core/i18n.py), so Babel is needed here and in the tests, never at run time.

    python packaging/catalogs.py           extract, update, compile, write the formats
    python packaging/catalogs.py --check   exit 1, naming the file, if any of them is not what it would write

Files, under resources/locale/: ``rutjournal.pot`` (the template), and for each language
``<lang>/LC_MESSAGES/rutjournal.po`` (translated by hand), ``rutjournal.mo`` and ``formats.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rutjournal.core.i18n import DOMAIN, LANGUAGES, SOURCE  # noqa: E402

LOCALE = ROOT / "resources" / "locale"
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # the catalogs carry no build time: a rebuild is a no-op
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
# The date forms the app writes (core/text.py), as CLDR skeletons: each language orders and spells them its way.
SKELETONS = {"day": "yMMMEd", "short_day": "MMMd", "short_day_year": "yMMMd", "month": "yMMMM"}


def template() -> Catalog:
    """Every marked string of the package, with where it is written."""
    catalog = Catalog(project="rutjournal", domain=DOMAIN, charset="utf-8", creation_date=STAMP)
    catalog.header_comment = (
        "# The words of rutjournal to translate (python packaging/catalogs.py makes this file)."
    )
    method_map = [("rutjournal/**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    # argparse's own words ("usage:", "options", its errors): Python ships no translation of them, so
    # cli/main.py has argparse look them up in this catalog.
    with open(argparse.__file__, "rb") as source:
        for lineno, message, comments, context in extract(
            "python", source, keywords={"_": None, "ngettext": (1, 2)}
        ):
            catalog.add(message, None, [("argparse.py", lineno)], auto_comments=comments, context=context)
    return catalog


def formats(language: str) -> dict[str, object]:
    """CLDR's numbers and dates for ``language``: what core/text.py needs to write them."""
    locale = Locale.parse(language)
    patterns = {name: locale.datetime_skeletons[skeleton].pattern for name, skeleton in SKELETONS.items()}
    patterns["long_day"] = locale.date_formats["full"].pattern
    return {
        "decimal": locale.number_symbols["latn"]["decimal"],
        "group": locale.number_symbols["latn"]["group"],
        "percent": locale.percent_formats[None].pattern,
        "months": [locale.months["format"]["wide"][m] for m in range(1, 13)],
        "months_short": [locale.months["format"]["abbreviated"][m] for m in range(1, 13)],
        "months_alone": [locale.months["stand-alone"]["wide"][m] for m in range(1, 13)],
        "days": [locale.days["format"]["wide"][d] for d in range(7)],
        "days_short": [locale.days["format"]["abbreviated"][d] for d in range(7)],
        "patterns": patterns,
    }


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=110, omit_header=False, sort_output=False, include_lineno=False)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def wanted_files() -> dict[Path, bytes]:
    """Every file this script writes, with what it holds."""
    pot = template()
    files = {LOCALE / f"{DOMAIN}.pot": _po_bytes(pot)}
    for language in LANGUAGES:
        if language == SOURCE:
            continue
        folder = LOCALE / language / "LC_MESSAGES"
        po_path = folder / f"{DOMAIN}.po"
        if po_path.exists():
            with po_path.open("rb") as file:
                catalog = read_po(file, locale=language, domain=DOMAIN)
        else:
            catalog = Catalog(
                locale=language, domain=DOMAIN, project="rutjournal", charset="utf-8", creation_date=STAMP
            )
        catalog.revision_date = STAMP
        catalog.fuzzy = False
        catalog.header_comment = f"# The {LANGUAGES[language]} ({language}) words of rutjournal."
        catalog.last_translator = catalog.language_team = f"rutjournal's {LANGUAGES[language]} translators"
        catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()  # a string no longer in the code is no longer kept
        files[po_path] = po = _po_bytes(catalog)
        # compiled from the .po as written, so a first build and every later one make the same bytes
        files[folder / f"{DOMAIN}.mo"] = _mo_bytes(read_po(io.BytesIO(po), locale=language, domain=DOMAIN))
        text = json.dumps(formats(language), ensure_ascii=False, indent=1) + "\n"
        files[LOCALE / language / "formats.json"] = text.encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether every file is up to date")
    args = parser.parse_args(argv)
    stale = []
    for path, content in wanted_files().items():
        if path.exists() and path.read_bytes() == content:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    if args.check and stale:
        for path in stale:
            print(
                f"{path.relative_to(ROOT)} is out of date: run python packaging/catalogs.py", file=sys.stderr
            )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
