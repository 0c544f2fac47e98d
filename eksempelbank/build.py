"""What the build hook needs, without MkDocs: validate, relate, generate, and shape the menu."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .problems import Problem, summary
from .related import related_examples
from .render import Licence, SiteOptions, front_matter
from .schema import load_schema
from .site import GeneratedSite, generate_site
from .validate import Catalog, load_examples


@dataclass
class BuildResult:
    catalog: Catalog
    site: GeneratedSite | None

    @property
    def errors(self) -> list[Problem]:
        return self.catalog.errors

    @property
    def warnings(self) -> list[Problem]:
        return self.catalog.warnings

    def error_report(self) -> str:
        lines = [f"Eksempelbanken kan ikke bygges: {summary(self.errors)}. Ingen side er laget.", ""]
        lines += [p.human() for p in self.errors]
        lines += ["", "Rett feilene og bygg på nytt. `eksempelbank sjekk` viser de samme feilene."]
        return "\n".join(lines)

    def error_page(self) -> str:
        """The problems as a page, for `make serve`: every value escaped, since it quotes the files."""
        items = "\n".join(f"<li><code>{html.escape(p.human())}</code></li>" for p in self.errors)
        return (front_matter(title="Feil i eksemplene", sok=False)
                + f"# Eksempelbanken kan ikke bygges\n\n<p>{html.escape(summary(self.errors))}. Rett feilene "
                "og lagre fila; siden lastes på nytt av seg selv. <code>eksempelbank sjekk</code> viser de "
                f"samme feilene.</p>\n\n<ul class=\"eb-feilliste\">\n{items}\n</ul>\n")

    def expand_nav(self, nav: list[Any] | None) -> list[Any] | None:
        """Give overview pages whose facet lists its values in the menu a sub-menu of those values."""
        if nav is None or self.site is None:
            return nav
        expanded = []
        for item in nav:
            if isinstance(item, dict) and len(item) == 1:
                (title, target), = item.items()
                if isinstance(target, str) and target in self.site.menu_sections:
                    children = [{"Oversikt": target}] + [{label: uri} for label, uri in self.site.menu_sections[target]]
                    item = {title: children}
                elif isinstance(target, list):
                    item = {title: self.expand_nav(target)}
            expanded.append(item)
        return expanded

    def pages_in_nav(self, nav: list[Any] | None) -> set[str]:
        found: set[str] = set()
        for item in nav or []:
            targets = item.values() if isinstance(item, dict) else [item]
            for target in targets:
                if isinstance(target, str):
                    found.add(target)
                elif isinstance(target, list):
                    found |= self.pages_in_nav(target)
        return found


def site_options(settings: dict[str, Any], site_url: str | None = None) -> SiteOptions:
    repository = settings.get("repository")
    licence = settings.get("lisens")
    return SiteOptions(
        per_page=int(settings.get("per_page", 50)),
        repository_url=f"https://github.com/{repository}" if repository else None,
        branch=settings.get("branch", "main"),
        site_url=site_url,
        licence=Licence(licence["navn"], licence["url"]) if licence else None,
    )


def prepare_build(root: Path, settings: dict[str, Any], site_url: str | None = None) -> BuildResult:
    schema = load_schema(root / "data")
    catalog = load_examples(root / "examples", schema, root=root)
    if catalog.errors:
        return BuildResult(catalog, None)
    related = related_examples(catalog.examples, schema)
    site = generate_site(catalog.examples, schema, site_options(settings, site_url), related)
    return BuildResult(catalog, site)
