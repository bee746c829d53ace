"""The ui package's imports form no circle, and only the app knows the concrete main window.

Read from the source (no module is imported): every import counts, whether at the top of a module, under
``TYPE_CHECKING`` or inside a function, since each is a dependency a reader has to follow. The window's helpers
see it through ``ui/shell/window_api.py``, so the window can import them and they never import it back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import rutjournal.ui

UI = Path(rutjournal.ui.__file__).parent
MAIN_WINDOW = "rutjournal.ui.shell.main_window"


def module_name(path: Path) -> str:
    parts = ["rutjournal", "ui", *path.relative_to(UI).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def ui_imports(path: Path, known: set[str]) -> set[str]:
    """The ui modules ``path`` imports, anywhere in it (``from a.b import c`` counts as a.b.c when that is a
    module, else as a.b)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
                break
    return found - {module_name(path)}


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in UI.rglob("*.py")}
    known = set(paths)
    return {name: ui_imports(path, known) for name, path in paths.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each circle once, as the path that closes it (a depth-first search over the graph)."""
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_graph_is_read_from_the_source() -> None:
    graph = import_graph()
    assert "rutjournal.ui.shell.window_api" in graph["rutjournal.ui.care.data_care"]  # under TYPE_CHECKING
    assert "rutjournal.ui.shell.settings_dialog" in graph["rutjournal.ui.shell.file_menu"]  # in a function
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_ui_module_imports_itself_round_a_circle() -> None:
    assert cycles(import_graph()) == []


def test_only_the_app_imports_the_main_window() -> None:
    importers = sorted(name for name, imports in import_graph().items() if MAIN_WINDOW in imports)
    assert importers == ["rutjournal.ui.app"]
