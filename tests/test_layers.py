"""The package's layers (issue 21): reading an example, making the site, the editors' tools, then the
command line and the MkDocs hook on top. A module may import from its own layer and the layers below
it, never from one above; nothing imports the command line or the hook; the product never imports
the benchmark, the scripts or the tests. Every import counts, also one inside a function or under
``if TYPE_CHECKING``. Read from the source with ``ast``: nothing is imported to check it.
"""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from pathlib import Path

from eksempelbank import ROOT

#: The layers, lowest first: the one place their order is declared. ``name.*`` is the package and
#: every module in it. README.md («Slik henger det sammen») shows the same tree.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("the package's root", ("eksempelbank",)),  # eksempelbank/__init__.py: ROOT, DATA_DIR
    ("reading", ("eksempelbank.reading.*",)),  # read and check one example
    ("website", ("eksempelbank.website.*",)),  # make the site from checked examples
    ("editors", ("eksempelbank.editors.*",)),  # the editors' tools behind the command line
    ("entry points", ("eksempelbank.cli", "eksempelbank.__main__", "hooks.eksempelbank_hook")),
)
#: Entry points: imported by nothing, except that ``python -m eksempelbank`` runs the command line.
ENTRY_POINTS = {"eksempelbank.cli", "hooks.eksempelbank_hook"}
ALLOWED_ENTRY_IMPORTS = {("eksempelbank.__main__", "eksempelbank.cli")}
#: Outside the product: they may use it, it never uses them.
OUTSIDE = ("benchmarks", "scripts", "tests")
PRODUCT = ("eksempelbank", "hooks")
OWN = PRODUCT + OUTSIDE


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the module it imports
    line: int
    path: str


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imports_of(name: str, source: str, display: str, package: bool, known: set[str]) -> list[Import]:
    """Every import of the project's own modules in ``source`` (module ``name``), resolved to a module:
    ``from x import y`` means the module ``x.y`` when there is one, else ``x``."""
    found = []
    here = name.split(".") if package else name.split(".")[:-1]
    for node in ast.walk(ast.parse(source, display)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            targets = [f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in known else stem for alias in node.names]
        else:
            continue
        found += [
            Import(name, target, node.lineno, display)
            for target in dict.fromkeys(targets)
            if target.split(".")[0] in OWN
        ]
    return found


def layer_of(module: str) -> int | None:
    for index, (_, patterns) in enumerate(LAYERS):
        for pattern in patterns:
            if module == pattern.removesuffix(".*") or (
                pattern.endswith(".*") and module.startswith(pattern.removesuffix("*"))
            ):
                return index
    return None


def problems(imports: list[Import]) -> list[str]:
    """What breaks the layers, one line per import: file, line, the module and what it imports."""
    found = []
    for item in imports:
        where = f"{item.path}:{item.line}: {item.module}"
        own, target = layer_of(item.module), layer_of(item.target)
        if item.target in ENTRY_POINTS and (item.module, item.target) not in ALLOWED_ENTRY_IMPORTS:
            found.append(
                f"{where} imports {item.target}, an entry point (nothing may import the command line or the hook)"
            )
        elif item.module.split(".")[0] in PRODUCT and item.target.split(".")[0] in OUTSIDE:
            found.append(f"{where} imports {item.target}, which is outside the product")
        elif own is not None and target is not None and target > own:
            found.append(f"{where} ({LAYERS[own][0]}) imports {item.target} ({LAYERS[target][0]}), a layer above it")
    return found


def project_modules(root: Path) -> dict[str, Path]:
    files = [
        *(root / "eksempelbank").rglob("*.py"),
        *(root / "hooks").glob("*.py"),
        *(root / "benchmarks").glob("*.py"),
        *(root / "scripts").glob("*.py"),
    ]
    return {module_name(path, root): path for path in sorted(files) if "__pycache__" not in path.parts}


def all_imports(root: Path) -> list[Import]:
    modules = project_modules(root)
    known = set(modules)
    return [
        found
        for name, path in modules.items()
        for found in imports_of(
            name, path.read_text(encoding="utf-8"), str(path.relative_to(root)), is_package(path), known
        )
    ]


def test_no_module_imports_from_a_layer_above_its_own():
    imports = all_imports(ROOT)
    assert any(i.module == "eksempelbank.website.site" and i.target == "eksempelbank.reading.model" for i in imports), (
        "the import parser found nothing: is the layout the one declared here?"
    )
    found = problems(imports)
    assert not found, "imports across the layers (tests/test_layers.py, LAYERS):\n" + "\n".join(found)


def test_every_module_of_the_product_is_in_a_layer():
    unplaced = [name for name in project_modules(ROOT) if name.split(".")[0] in PRODUCT and layer_of(name) is None]
    assert not unplaced, f"modules in no layer (add them to a subpackage, or to LAYERS): {unplaced}"


def test_the_installed_packages_are_the_package_folders():
    """``pip install .`` installs what pyproject.toml lists; a new subpackage must be listed there."""
    folders = sorted(module_name(init, ROOT) for init in (ROOT / "eksempelbank").rglob("__init__.py"))
    holding_code = {
        module_name(path.parent / "__init__.py", ROOT)
        for path in (ROOT / "eksempelbank").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert holding_code <= set(folders), f"folders with modules but no __init__.py: {holding_code - set(folders)}"
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    assert sorted(listed) == folders


def readme_tree() -> list[str]:
    """The paths in README.md's tree («Slik henger det sammen»), folders ending in ``/``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Slik henger det sammen", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    paths, parents = [], []
    for line in block.splitlines():
        name = line.lstrip("│├└─ \u00a0").split()[0]
        depth = (len(line) - len(line.lstrip("│├└─ \u00a0"))) // 4
        parents[depth:] = [name] if name.endswith("/") else []
        paths.append("".join(parents[:depth]) + name)
    return paths


def test_the_readme_tree_shows_every_module_where_it_is():
    tree = readme_tree()
    missing = [path for path in tree if not (ROOT / path).exists()]
    assert not missing, f"README.md («Slik henger det sammen») names what is not there: {missing}"
    # Every module under its folder; a subpackage's __init__.py is told by the folder's own line.
    modules = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "eksempelbank").rglob("*.py")
        if "__pycache__" not in path.parts and (path.name != "__init__.py" or path.parent.name == "eksempelbank")
    }
    unlisted = sorted(modules - set(tree))
    assert not unlisted, f"modules missing from README.md's tree («Slik henger det sammen»): {unlisted}"


def test_the_check_names_the_module_and_the_import(tmp_path):
    """The test above can fail: each kind of wrong import, in a made-up project, is reported."""
    files = {
        "eksempelbank/__init__.py": "",
        "eksempelbank/cli.py": "from .website import render\n",
        "eksempelbank/__main__.py": "from .cli import main\n",
        "eksempelbank/reading/__init__.py": "",
        "eksempelbank/reading/model.py": "def f():\n    from ..website.render import page\n",
        "eksempelbank/reading/schema.py": "from .model import f\nfrom .. import ROOT\n",
        "eksempelbank/website/__init__.py": "",
        "eksempelbank/website/render.py": "from eksempelbank.editors import scaffold\nimport benchmarks.synthetic\n",
        "eksempelbank/editors/__init__.py": "",
        "eksempelbank/editors/scaffold.py": "from ..reading import model\nfrom eksempelbank.cli import main\n",
        "hooks/eksempelbank_hook.py": "from eksempelbank.website.render import page\n",
        "benchmarks/__init__.py": "",
        "benchmarks/synthetic.py": "from eksempelbank.reading.schema import load\n",
        "scripts/benchmark.py": "import hooks.eksempelbank_hook\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert problems(all_imports(tmp_path)) == [
        "eksempelbank/editors/scaffold.py:2: eksempelbank.editors.scaffold imports eksempelbank.cli, an entry point "
        "(nothing may import the command line or the hook)",
        "eksempelbank/reading/model.py:2: eksempelbank.reading.model (reading) imports eksempelbank.website.render "
        "(website), a layer above it",
        "eksempelbank/website/render.py:1: eksempelbank.website.render (website) imports eksempelbank.editors.scaffold "
        "(editors), a layer above it",
        "eksempelbank/website/render.py:2: eksempelbank.website.render imports benchmarks.synthetic, which is outside "
        "the product",
        "scripts/benchmark.py:1: scripts.benchmark imports hooks.eksempelbank_hook, an entry point (nothing may import "
        "the command line or the hook)",
    ]
