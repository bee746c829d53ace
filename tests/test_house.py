"""The house's rules, read from the code (no module is imported): floors (core → render → cli / ui), no circle
of imports, no file too long to read, one store per table. Every import counts, whether at the top of a module,
under ``if TYPE_CHECKING:`` or inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "rutjournal"
MOST_LINES = 420  # "no file over ~400 lines"
# What each floor may import from rutjournal; the core imports nothing outside itself.
FLOORS = {
    "rutjournal.core": ("rutjournal.core",),
    "rutjournal.render": ("rutjournal.core", "rutjournal.render"),
    "rutjournal.cli": ("rutjournal.core", "rutjournal.render", "rutjournal.cli", "rutjournal.__init__"),
    "rutjournal.ui": ("rutjournal.core", "rutjournal.render", "rutjournal.ui", "rutjournal.__init__"),
}
NEVER_IN_CORE = ("PySide6", "shiboken6", "matplotlib")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts}


def resolve(importer: str, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The rutjournal modules an import statement loads (a name imported from a package may be a module)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = importer if MODULES[importer].name == "__init__.py" else importer.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    found = []
    for alias in node.names:
        full = f"{base}.{alias.name}"
        found.append(full if full in MODULES else base)
    return found


def imports(module: str) -> set[str]:
    """Every module ``module`` imports, anywhere in it (rutjournal's and others')."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update(resolve(module, node))
    return found


GRAPH = {module: imports(module) for module in MODULES}


def floor_of(module: str) -> str | None:
    return next((floor for floor in FLOORS if module == floor or module.startswith(floor + ".")), None)


def test_no_import_runs_up_a_floor() -> None:
    wrong = []
    for module, anywhere in GRAPH.items():
        floor = floor_of(module)
        if floor is None:
            continue
        for name in anywhere:
            if name.startswith("rutjournal") and not name.startswith(FLOORS[floor]) and name != "rutjournal":
                wrong.append(f"{module} imports {name}")
            if floor == "rutjournal.core" and name.split(".")[0] in NEVER_IN_CORE:
                wrong.append(f"{module} imports {name}")
    assert wrong == []


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other round a circle (Tarjan's strongly connected components
    of more than one module), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target == node or target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    return found


def test_the_graph_is_read_from_the_source_and_circles_are_found() -> None:
    assert "rutjournal.ui.shell.window_api" in GRAPH["rutjournal.ui.care.data_care"]  # under TYPE_CHECKING
    assert "rutjournal.ui.shell.settings_dialog" in GRAPH["rutjournal.ui.shell.file_menu"]  # in a function
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_circle_of_imports() -> None:
    """Every import counts — at the top, under TYPE_CHECKING or inside a function: each is a dependency a
    reader has to follow."""
    assert circles(GRAPH) == []


def test_only_the_app_imports_the_main_window() -> None:
    """The window's helpers see it through ``ui/shell/window_api.py``: the window imports them, never the
    other way round."""
    importers = sorted(m for m, names in GRAPH.items() if "rutjournal.ui.shell.main_window" in names)
    assert importers == ["rutjournal.ui.app"]


def test_no_file_is_too_long_to_read() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in MODULES.values()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}


def test_every_table_of_the_users_data_has_one_store_that_writes_it() -> None:
    """One write path per table: each table the JSON restore fills is owned by exactly one section's store
    (Load's tables by its typed rows), and the restore writes every one through it."""
    from rutjournal.core.crossroads import store as crossroads
    from rutjournal.core.grow import store as grow
    from rutjournal.core.journal import store as journal
    from rutjournal.core.storage.schema import metadata
    from rutjournal.core.transfer.exporters.json_restore import _STORES

    owners = [set(journal.TABLES), set(grow.TABLES), set(crossroads.TABLES), {"tasks", "task_events"}]
    claimed = [table for tables in owners for table in tables]
    assert len(claimed) == len(set(claimed))  # no table has two owners
    assert set(claimed) == set(metadata.tables) - {"upkeep_owed"}  # bookkeeping, written by triggers
    assert set(_STORES) == set(claimed)


def test_render_takes_data_and_never_a_database() -> None:
    """The charts and the PDF writer are handed what they draw (``core.trends.plot_data``): nothing in render
    imports the storage floor or sqlite3."""
    wrong = [
        f"{module} imports {name}"
        for module, anywhere in GRAPH.items()
        if module.startswith("rutjournal.render")
        for name in anywhere
        if name.startswith("rutjournal.core.storage") or name.split(".")[0] == "sqlite3"
    ]
    assert wrong == []
