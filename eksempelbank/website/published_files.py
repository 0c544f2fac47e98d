"""Only what a page uses is published (issue 21.5).

The theme copies all of its assets into every site: Material's search (lunr in 30 languages and
its worker), a favicon we replace, and source maps, about 2 MB we do not use (our search is
Pagefind). The allowlist is the output itself: a file from the theme's ``assets/`` is published
only if a written page loads it, through a ``src`` or ``href`` attribute. The pages are seen as
they are written (:meth:`UsedAssets.add_page`, from the hook's ``on_post_page``), so no page is
read twice. Source maps are only asked for by a browser's developer tools, from the comment at
the end of a script; with the maps gone, the comment goes too.
"""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from .pagefind_files import make_deterministic, unused_files

ASSETS = "assets/"
_ATTRIBUTES = ("src=", "href=")
_SOURCE_MAP = "\n//# sourceMappingURL="


def theme_assets(site_dir: Path, theme_dirs: Iterable[str | Path]) -> set[str]:
    """Site paths (``assets/…``) of the written files that one of the theme's folders ships."""
    found: set[str] = set()
    for folder in map(Path, theme_dirs):
        assets = folder / ASSETS
        if assets.is_dir():
            found |= {
                path.relative_to(folder).as_posix()
                for path in assets.rglob("*")
                if path.is_file() and (site_dir / path.relative_to(folder)).is_file()
            }
    return found


class UsedAssets:
    """The ``assets/…`` files the written pages load. ``site_url`` is the site's address
    (``https://eksempel.no/bank/``): full and absolute references are
    ours only under it."""

    def __init__(self, site_url: str = "/"):
        address = urlsplit(site_url)
        self.host = address.netloc
        self.base_path = address.path if address.path.endswith("/") else address.path + "/"
        self.paths: set[str] = set()

    def add_page(self, html: str, page_url: str) -> None:
        """Note what the page written at ``page_url`` (``eksempler/stord/``, ``404.html``) loads."""
        page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
        for reference in attribute_references(html):
            path = self._site_path(reference, page_dir.lstrip("/"))
            if path is not None:
                self.paths.add(path)

    def _site_path(self, reference: str, page_dir: str) -> str | None:
        parts = urlsplit(reference)
        if parts.scheme or parts.netloc:
            if parts.netloc != self.host or not parts.path.startswith(self.base_path):
                return None
            return parts.path[len(self.base_path) :]
        if parts.path.startswith("/"):
            return parts.path[len(self.base_path) :] if parts.path.startswith(self.base_path) else None
        resolved = posixpath.normpath(posixpath.join(page_dir, parts.path))
        return None if resolved.startswith("..") else resolved


def attribute_references(html: str) -> Iterable[str]:
    """Values of ``src``/``href`` attributes (double-quoted, as the theme writes them) that name
    something in an ``assets/`` folder. A plain search for ``assets/`` keeps this cheap on
    thousands of pages; text and JSON that merely mention a path are not attributes."""
    at = html.find(ASSETS)
    while at != -1:
        start = html.rfind('"', 0, at)
        end = html.find('"', at)
        if start == -1 or end == -1:
            return
        if html.endswith(_ATTRIBUTES, 0, start) and "<" not in html[start:end] and ">" not in html[start:end]:
            yield html[start + 1 : end]
        at = html.find(ASSETS, end)


def prune_theme_assets(site_dir: Path, theme_files: set[str], used: set[str]) -> list[str]:
    """Remove the theme's files no page loads, and the source map comments of the ones kept.
    Returns the removed site paths, sorted."""
    removed = sorted(theme_files - used)
    for path in removed:
        (site_dir / path).unlink()
    for path in sorted(theme_files & used):
        if path.endswith(".js"):
            file = site_dir / path
            text = file.read_text(encoding="utf-8")
            cut = text.rfind(_SOURCE_MAP)
            if cut != -1 and "\n" not in text[cut + 1 :].rstrip("\n"):
                file.write_text(text[: cut + 1], encoding="utf-8")
    _remove_empty_folders(site_dir, {posixpath.dirname(path) for path in removed})
    return removed


def _remove_empty_folders(site_dir: Path, folders: set[str]) -> None:
    for folder in sorted(folders, key=len, reverse=True):  # deepest first
        path = site_dir / folder
        while path != site_dir and path.is_dir() and not any(path.iterdir()):
            path.rmdir()
            path = path.parent


def finish_site(site_dir: Path, bundle: Path, theme_dirs: Iterable[str | Path], used: UsedAssets) -> list[str]:
    """After the search index is written: the index in a fixed order (pagefind_files), and only
    what pages and search load. Returns the removed site paths (theme and Pagefind files)."""
    make_deterministic(bundle)
    removed = prune_theme_assets(site_dir, theme_assets(site_dir, theme_dirs), used.paths)
    for path in unused_files(bundle):
        removed.append(path.relative_to(site_dir).as_posix())
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    return removed
