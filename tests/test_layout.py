"""The project's shape: the core never imports Qt, imports flow one way between packages
(sources → extract → nlp → library; the core never reaches the GUI), and every package is installed."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")

# (importer, imported): no module in the first package may import anything in the second. Imports
# inside functions and under TYPE_CHECKING count too: a lazy arrow is still an arrow.
FORBIDDEN_ARROWS = (
    ("reader.core", "reader.ui"),
    ("reader.core", "reader.desktop"),
    ("reader.core", "reader.cli"),
    ("reader.core.sources", "reader.core.extract"),
    ("reader.core.sources", "reader.core.nlp"),
    ("reader.core.sources", "reader.core.library"),
    ("reader.core.extract", "reader.core.nlp"),
    ("reader.core.extract", "reader.core.library"),
    ("reader.core.nlp", "reader.core.library"),
    ("reader.ui.reading", "reader.ui.window"),
    ("reader.ui.side_panel", "reader.ui.window"),
    ("reader.ui.library", "reader.ui.window"),  # the window composes the feature packages, not the reverse
)


def module_name(path: Path, root: Path = ROOT) -> str:
    """``reader/core/extract/__init__.py`` → ``reader.core.extract``."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module (or module attribute) a source names in an import, relative ones resolved;
    ``from a import b`` gives ``a`` and ``a.b``, since ``b`` may be a submodule."""
    package = module if is_package else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                origin = ".".join([*base, node.module] if node.module else base)
            else:
                origin = node.module or ""
            names.add(origin)
            names.update(f"{origin}.{alias.name}" for alias in node.names)
    return names


def project_imports(root: Path = ROOT) -> dict[str, set[str]]:
    """Each module of the ``reader`` package with the names it imports."""
    return {
        module_name(path, root): imported_names(path.read_text(encoding="utf-8"), module_name(path, root),
                                                path.name == "__init__.py")
        for path in sorted((root / "reader").rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def wrong_arrows(imports: Mapping[str, Iterable[str]],
                 forbidden: Iterable[tuple[str, str]] = FORBIDDEN_ARROWS) -> list[str]:
    """'importer -> imported' for each import that goes against a forbidden arrow."""
    return sorted({
        f"{module} -> {name}"
        for module, names in imports.items()
        for importer, imported in forbidden
        if within(module, importer)
        for name in names
        if within(name, imported)
    })


def test_imports_flow_one_way() -> None:
    assert wrong_arrows(project_imports()) == []


@pytest.mark.parametrize(("importer", "imported"), FORBIDDEN_ARROWS)
def test_each_rule_catches_its_wrong_arrow(importer: str, imported: str) -> None:
    """A synthetic module map with one import against the rule fails, naming the import; the
    same import the other way round is allowed (unless another rule forbids it)."""
    module, target = f"{importer}.made_up", f"{imported}.other"
    assert wrong_arrows({module: {target}}) == [f"{module} -> {target}"]
    reverse = {target: {module}}
    expected = [f"{target} -> {module}"] if (imported, importer) in FORBIDDEN_ARROWS else []
    assert wrong_arrows(reverse, [(importer, imported)]) == []
    assert wrong_arrows(reverse) == expected


def test_the_right_direction_and_look_alike_names_pass() -> None:
    imports = {
        "reader.core.extract.html.story": {"reader.core.sources", "reader.core.model"},
        "reader.core.nlp.claims": {"reader.core.extract.language"},
        "reader.ui.window.main_window": {"reader.ui.reading.article_tab", "reader.ui.side_panel.panel"},
        "reader.core.sources_extra": {"reader.core.nlp"},  # not inside reader.core.sources
        "reader.core.extract.text": {"reader.core.nlp_free_helpers"},  # not reader.core.nlp
    }
    assert wrong_arrows(imports) == []


@pytest.mark.parametrize(("statement", "module", "is_package", "found"), [
    ("from ..nlp import entities", "reader.core.extract.guard", False, "reader.core.nlp.entities"),
    ("from . import story", "reader.core.extract.html", True, "reader.core.extract.html.story"),
    ("from .. import window", "reader.ui.reading.find_bar", False, "reader.ui.window"),
    ("from reader.core import library", "reader.core.sources.files", False, "reader.core.library"),
    ("def later():\n    import reader.ui.window.menus", "reader.ui.reading.theme", False,
     "reader.ui.window.menus"),
])
def test_the_checker_sees_every_form_of_import(statement: str, module: str, is_package: bool,
                                                found: str) -> None:
    assert found in imported_names(statement, module, is_package)


def test_the_checker_reads_a_tree_on_disk(tmp_path: Path) -> None:
    """The whole path from files to a named wrong arrow, on a two-module tree."""
    (tmp_path / "reader" / "core" / "sources").mkdir(parents=True)
    (tmp_path / "reader" / "__init__.py").write_text("")
    (tmp_path / "reader" / "core" / "__init__.py").write_text("")
    (tmp_path / "reader" / "core" / "sources" / "__init__.py").write_text("from ..extract import html\n")
    imports = project_imports(tmp_path)
    assert set(imports) == {"reader", "reader.core", "reader.core.sources"}
    assert wrong_arrows(imports) == ["reader.core.sources -> reader.core.extract",
                                     "reader.core.sources -> reader.core.extract.html"]


def test_core_never_imports_qt_in_source() -> None:
    offenders = [
        f"{module}: {name}"
        for module, names in project_imports().items()
        if within(module, "reader.core")
        for name in names
        if name.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


def test_core_imports_leave_qt_unloaded() -> None:
    """Importing every core module in a fresh interpreter must not pull Qt in indirectly."""
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in sorted((ROOT / "reader" / "core").rglob("*.py"))
        if path.name != "__main__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.removesuffix('.__init__'))\n"
        f"print([m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_package_is_listed_for_installation() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {  # every folder of modules, an __init__.py or not (setuptools installs only what is listed)
        ".".join(module.parent.relative_to(ROOT).parts)
        for module in (ROOT / "reader").rglob("*.py")
        if "__pycache__" not in module.parts
    }
    assert found - listed == set(), "add these packages to pyproject.toml"
    assert listed - found == {"reader.resources"}, "remove these packages from pyproject.toml"
    assert "reader.resources" in listed


def test_the_library_and_the_window_leave_spacy_unloaded() -> None:
    """The window builds the library right after the first story: if importing it loaded spaCy
    (~1-2 s), that time would be taken from the GUI thread (it once was, through a word list)."""
    modules = ["reader.core.library", "reader.core.library.importer", "reader.ui.window.main_window",
               "reader.ui.window.library_home", "reader.core.reading"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
