"""No import circles in kiosk/, ui/ and sync/ (issue 13), read from the source with ast:
every import counts, also one inside a function (a lazy import only hides a circle, it
does not remove it). Imports under ``if TYPE_CHECKING:`` never run and are left out."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGES = ("kiosk", "ui", "sync")


def module_files() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            rel = path.relative_to(REPO).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            if "migrations" in parts:  # Alembic's scripts are run by Alembic, not imported
                continue
            if parts[:2] in (("kiosk", "assets"), ("kiosk", "defaults")):  # links to data (kiosk/packaged.py)
                continue
            out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported_names(module: str, path: Path) -> set[str]:
    """Every dotted name ``module`` imports (``from a import b`` gives a.b and a)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            names.add(source)
            names.update(f"{source}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return names


def import_graph() -> dict[str, set[str]]:
    files = module_files()
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        edges = set()
        for name in imported_names(module, path):
            parts = name.split(".")
            # Importing a.b.c runs a, a.b and a.b.c: each of ours is an edge.
            for i in range(1, len(parts) + 1):
                target = ".".join(parts[:i])
                if target in files and target != module:
                    edges.add(target)
        graph[module] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[tuple[list[str], list[str]]]:
    """Per strongly connected group: a circle (a path back to its start), then the group's
    other members (each in a circle with those)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def connect(v: str) -> None:  # Tarjan
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            connect(v)
    out = []
    for group in groups:
        start = min(group)
        # Shortest way back to the start inside the group (breadth first).
        paths = {start: [start]}
        queue = [start]
        found = None
        while queue and found is None:
            v = queue.pop(0)
            for w in sorted(graph[v] & group):
                if w == start:
                    found = paths[v] + [start]
                    break
                if w not in paths:
                    paths[w] = paths[v] + [w]
                    queue.append(w)
        # The rest of the group after the circle: a group can hold several circles.
        out.append((found, sorted(group - set(found))))
    return sorted(out)


def test_the_graph_sees_lazy_imports():
    # sync/server/cli.py imports the store only inside functions.
    graph = import_graph()
    assert "sync.server.store" in graph["sync.server.cli"]
    assert {"kiosk.storage.db", "kiosk.outbox"} <= set(graph)


def test_the_circle_finder_finds_circles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [(["a", "b", "c", "a"], [])]
    assert cycles({"a": {"b", "c"}, "b": {"a"}, "c": {"a"}}) == [(["a", "b", "a"], ["c"])]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circles():
    found = cycles(import_graph())
    assert found == [], "import circles:\n" + "\n".join(
        " -> ".join(circle) + (f"  (in circles with these too: {', '.join(rest)})" if rest else "")
        for circle, rest in found)


def test_sync_uses_only_public_names_of_the_kiosk():
    """Rules the kiosk and the server share live in public modules (kiosk/catalogue/rules.py,
    kiosk/participation_items.py, ...), never in one side's private ``_functions``."""
    private = []
    for module, path in module_files().items():
        if not module.startswith("sync."):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "kiosk":
                private += [f"{module}: from {node.module} import {a.name}" for a in node.names
                            if a.name.startswith("_")]
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__") \
                    and isinstance(node.value, ast.Name) and node.value.id in ("outbox", "rules", "importer"):
                private.append(f"{module}: {node.value.id}.{node.attr}")
    assert private == []
