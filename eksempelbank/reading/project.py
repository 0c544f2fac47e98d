"""Where the project is: the folder that holds ``data/eksempelformat.yml`` and ``examples/``.

The commands find it from the working directory (or ``--prosjekt``), never next to the installed
package, so ``pip install .`` works in any checkout. The build hook and the tests pass their own root.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

FORMAT_FILE = Path("data") / "eksempelformat.yml"


class ProjectNotFound(Exception):
    """No eksempelbank here; the message is for the editor (Norwegian)."""


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def examples_dir(self) -> Path:
        return self.root / "examples"

    def settings(self) -> dict[str, Any]:
        """``extra.eksempelbank`` in mkdocs.yml (repository, branch, ...), or {} without one."""
        return site_settings(self.root)


def is_project(folder: Path) -> bool:
    return (folder / FORMAT_FILE).is_file()


def find_project(start: Path | None = None) -> Project:
    """The first folder from ``start`` (the working directory) upwards that holds the format."""
    start = Path(start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if is_project(folder):
            return Project(folder)
    raise ProjectNotFound(
        f"Fant ikke eksempelbanken i {start} eller i noen mappe over den: ingen av dem har "
        f"{FORMAT_FILE.as_posix()}. "
        "Gå til mappa med eksempelbanken (der data/ og examples/ ligger), eller oppgi den med "
        "--prosjekt MAPPE."
    )


def open_project(given: str | Path | None = None, start: Path | None = None) -> Project:
    """``--prosjekt`` when given (it must hold the format itself), otherwise :func:`find_project`."""
    if given is None:
        return find_project(start)
    root = Path(given).resolve()
    if not is_project(root):
        raise ProjectNotFound(
            f"«{given}» er ikke mappa med eksempelbanken: {(root / FORMAT_FILE)} finnes ikke. "
            "Oppgi mappa der data/ og examples/ ligger."
        )
    return Project(root)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as ``!ENV``: ``!ENV [NAME, default]`` reads as its default (so
    what is generated from it does not depend on the machine), any other tag as nothing."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix == "ENV" and isinstance(node, yaml.SequenceNode) and node.value:
        default = node.value[-1]
        return default.value if isinstance(default, yaml.ScalarNode) and len(node.value) > 1 else None
    return None


_Loader.add_multi_constructor("!", _tag)


def mkdocs_config(root: Path) -> dict[str, Any]:
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def published_address(root: Path) -> str | None:
    """``site_url`` in mkdocs.yml (the default of its ``!ENV``): where the site is published."""
    value = mkdocs_config(root).get("site_url")
    return value if isinstance(value, str) and value else None


def site_name(root: Path) -> str:
    value = mkdocs_config(root).get("site_name")
    return value if isinstance(value, str) and value else "Boligsosial eksempelbank"


def site_settings(root: Path) -> dict[str, Any]:
    config = mkdocs_config(root)
    extra = config.get("extra")
    settings = extra.get("eksempelbank") if isinstance(extra, dict) else None
    return dict(settings) if isinstance(settings, dict) else {}


def github_blob_base(settings: dict[str, Any]) -> str | None:
    """``https://github.com/eier/navn/blob/main/``: where a file of the project is shown on GitHub."""
    repository = settings.get("repository")
    if not repository:
        return None
    return f"https://github.com/{repository}/blob/{settings.get('branch', 'main')}/"
