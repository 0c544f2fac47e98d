"""What the build hook needs, without MkDocs: validate, relate, generate, and shape the menu."""

from __future__ import annotations

import hashlib
import html
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..reading.problems import Problem, summary
from ..reading.schema import Schema, load_schema
from ..reading.validate import Catalog, load_examples, validate_file
from .publishing import publisher
from .related import related_examples
from .render import Licence, SiteOptions, front_matter
from .reuse import LastRebuild
from .site import GeneratedSite, generate_site


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
        return (
            front_matter(title="Feil i eksemplene", sok=False)
            + f"# Eksempelbanken kan ikke bygges\n\n<p>{html.escape(summary(self.errors))}. Rett feilene "
            "og lagre fila; siden lastes på nytt av seg selv. <code>eksempelbank sjekk</code> viser de "
            f'samme feilene.</p>\n\n<ul class="eb-feilliste">\n{items}\n</ul>\n'
        )

    def expand_nav(self, nav: list[Any] | None) -> list[Any] | None:
        """Give overview pages whose facet lists its values in the menu a sub-menu of those values."""
        if nav is None or self.site is None:
            return nav
        expanded = []
        for item in nav:
            if isinstance(item, dict) and len(item) == 1:
                ((title, target),) = item.items()
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


def site_options(settings: dict[str, Any], site_url: str | None = None, directory_urls: bool = True) -> SiteOptions:
    repository = settings.get("repository")
    licence = settings.get("lisens")
    owner = publisher(settings)
    return SiteOptions(
        publisher=owner.name,
        publisher_url=owner.url,
        contact_email=owner.contact_email,
        per_page=int(settings.get("per_page", 50)),
        repository_url=f"https://github.com/{repository}" if repository else None,
        branch=settings.get("branch", "main"),
        site_url=site_url,
        licence=Licence(licence["navn"], licence["url"]) if licence else None,
        directory_urls=directory_urls,
    )


#: From this many files to validate, they are shared out among worker processes (one per core):
#: below it, starting the workers costs more than they save.
PARALLEL_FROM = 400


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def validate_in_parallel(jobs: list[tuple], schema: Schema, today: date | None) -> list:
    """:func:`_validate_read`, shared out among one worker process per core for a large bank (results
    in order). `mkdocs build` has one thread, and its workers are forked (nothing to load again);
    `mkdocs serve` builds in a thread of its own, and forking a process with threads is not safe,
    so there they are started fresh ("spawn")."""
    workers = min(_cores(), len(jobs) // (PARALLEL_FROM // 2))
    if workers < 2:
        return _validate_read(jobs, schema, today)
    size = -(-len(jobs) // (workers * 2))  # a few chunks per worker, so none waits long for the last
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        done = pool.map(_validate_read, chunks, [schema] * len(chunks), [today] * len(chunks))
        return [result for chunk in done for result in chunk]


def _validate_read(jobs: list[tuple], schema: Schema, today: date | None) -> list:
    """validate_file for (path, display) or (path, display, the file's bytes as already read)."""
    return [
        validate_file(job[0], schema, display=job[1], today=today, raw=job[2] if len(job) > 2 else None) for job in jobs
    ]


class ValidationCache:
    """`make serve` rebuilds the site whenever a file is saved, and the build hook (with this module)
    stays loaded between rebuilds: a file whose bytes, format (schema) and date are unchanged is not
    validated again. Only the latest build's results are kept."""

    def __init__(self) -> None:
        self._results: dict[tuple, tuple] = {}
        self._schema: Schema | None = None

    def __call__(self, jobs: list[tuple[Path, str]], schema: Schema, today: date | None) -> list:
        today = today or date.today()
        if schema is not self._schema:
            self._schema, self._results = schema, {}
        keys, todo = [], []
        for path, display in jobs:
            with open(path, "rb") as handle:  # as validate_file reads it: one byte past the limit at most
                raw = handle.read(schema.limits["maks_bytes"] + 1)
            key = (display, path.name, hashlib.sha256(raw).digest(), today)
            keys.append(key)
            if key not in self._results:
                todo.append((path, display, raw, key))
        jobs_read = [(path, display, raw) for path, display, raw, _ in todo]
        fresh = (
            validate_in_parallel(jobs_read, schema, today)
            if len(todo) >= PARALLEL_FROM
            else _validate_read(jobs_read, schema, today)
        )
        results = {
            **{key: self._results[key] for key in keys if key in self._results},
            **{key: result for (_, _, _, key), result in zip(todo, fresh, strict=True)},
        }
        self._results = results
        return [results[key] for key in keys]


_validated = ValidationCache()


#: `make serve`: what the last rebuild generated (reuse.py).
_last_rebuild = LastRebuild()


def prepare_build(
    root: Path,
    settings: dict[str, Any],
    site_url: str | None = None,
    directory_urls: bool = True,
    reuse_pages: bool = False,
) -> BuildResult:
    """Validate, relate and generate. ``reuse_pages`` (`make serve`): a part of the site made from the
    same inputs as in the last rebuild (an example's page, list entries, card, records) is not
    generated again (reuse.py)."""
    schema = load_schema(root / "data")
    catalog = load_examples(root / "examples", schema, root=root, validate_many=_validated)
    if catalog.errors:
        return BuildResult(catalog, None)
    related = related_examples(catalog.examples, schema)
    options = site_options(settings, site_url, directory_urls)
    site = generate_site(catalog.examples, schema, options, related, _last_rebuild if reuse_pages else None)
    return BuildResult(catalog, site)
