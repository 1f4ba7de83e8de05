"""No module of algoreg needs another that needs it back: a loop means a piece sits in the wrong module. Imports inside
functions count too, since moving an import into a function hides a loop without breaking it. A package choosing
one of its own modules (search.backends picking the one for the database) is not a loop."""

import ast
from pathlib import Path

import algoreg

PACKAGE = Path(algoreg.__file__).parent


def _module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def _imported(node: ast.Import | ast.ImportFrom, package: str, modules: dict[str, Path]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        above = package.split(".")[: len(package.split(".")) - node.level + 1]
        base = ".".join([*above, base] if base else above)
    return [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]


def _imports() -> dict[str, set[str]]:
    modules = _module_names()
    imports: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                found |= {target for target in _imported(node, package, modules) if target in modules}
        imports[name] = {t for t in found if t != name and not t.startswith(name + ".")}
    return imports


def _loop_through(start: str, imports: dict[str, set[str]]) -> list[str] | None:
    """The shortest chain of imports from `start` back to itself, if there is one."""
    paths = [[start]]
    seen = {start}
    while paths:
        path = paths.pop(0)
        for target in sorted(imports[path[-1]]):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                paths.append([*path, target])
    return None


def test_no_module_imports_one_that_imports_it_back():
    imports = _imports()
    loops = {" → ".join(loop) for name in imports if (loop := _loop_through(name, imports))}
    assert loops == set()
