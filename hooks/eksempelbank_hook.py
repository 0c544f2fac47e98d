"""MkDocs hooks: a thin layer over the ``eksempelbank`` package.

on_startup   note whether this is `mkdocs serve`
on_config    validate every example; any error stops the build with all problems listed (when
             serving: the problems become the site's only page until they are fixed)
on_files     add the generated pages (examples kept out of the menu)
on_page_content  put each example's checked body into its page; mark the main content of
                 examples and hand-written pages for the search index
on_post_page set <html lang> from the example's language (nn pages); add the Content-Security-Policy
on_post_build  build the Pagefind search index over the written site (a failure fails the build)
on_build_error  remove a half-written site, so nothing broken can be published
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # works without `pip install -e .` too
    sys.path.insert(0, str(ROOT))

from eksempelbank.build import BuildResult, prepare_build  # noqa: E402
from eksempelbank.csp import add_policy  # noqa: E402
from eksempelbank.search_index import SearchIndexError, build_index, mark_searchable  # noqa: E402

log = logging.getLogger("mkdocs.hooks.eksempelbank")
_state: dict[str, BuildResult] = {}


def on_startup(command, dirty):
    # Called once per `mkdocs serve` or `mkdocs build`; the hook module stays loaded across rebuilds.
    _state["serving"] = command == "serve"


def on_config(config):
    _state["site_dir"] = config["site_dir"]
    result = prepare_build(ROOT, config.get("extra", {}).get("eksempelbank", {}), config.get("site_url"))
    for warning in result.warnings:
        # Editor advice is shown but does not fail `--strict` builds.
        log.info(warning.human())
    _state["result"] = result
    if result.errors:
        if not _state.get("serving"):
            raise PluginError(result.error_report())
        # `make serve`: show the problems as the site's only page and keep serving; saving a fixed
        # file rebuilds the real site. A build for publishing never gets here.
        # Logged as info: a warning or error would make strict mode abort the build, and the server
        # would have nothing to show.
        log.info(result.error_report())
        config["nav"] = [{"Feil i eksemplene": "index.md"}]
        return config
    config["nav"] = result.expand_nav(config.get("nav"))
    return config


def on_files(files, config):
    result = _state["result"]
    if result.errors:  # serving a broken bank (see on_config): one page with the problems
        for page in list(files.documentation_pages()):
            files.remove(page)
        files.append(File.generated(config, "index.md", content=result.error_page()))
        return files
    in_nav = result.pages_in_nav(config.get("nav"))
    for uri, content in result.site.pages.items():
        inclusion = InclusionLevel.UNDEFINED if uri in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=content, inclusion=inclusion))
    for uri, content in result.site.files.items():
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_content(html, page, config, files):
    site = _state["result"].site
    slug = page.meta.get("eksempel")
    if site is not None and slug:
        html, filled = site.fill(html)
        if filled != site.fragment_count.get(slug):  # never publish an example without all of its text
            raise PluginError(f"{page.file.src_uri}: {filled} av {site.fragment_count.get(slug)} avsnitt ble satt inn.")
    return mark_searchable(html, page.meta, generated=page.file.generated_by is not None)


def on_post_page(output, page, config):
    lang = page.meta.get("lang")
    if lang and lang != config["theme"]["language"]:
        output = output.replace(f'<html lang="{config["theme"]["language"]}"', f'<html lang="{lang}"', 1)
    return add_policy(output, page.content or "")


def on_post_build(config):
    if _state["result"].errors:
        return  # serving the error page: nothing to search
    # The theme's 404.html is a template, not a page: on_post_page never sees it.
    not_found = Path(config["site_dir"]) / "404.html"
    if not_found.is_file():
        text = not_found.read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' not in text:
            not_found.write_text(add_policy(text), encoding="utf-8")
    try:
        index = build_index(Path(config["site_dir"]), language=config["theme"]["language"])
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
    log.info("Søkeindeksen (Pagefind) er bygget: %d sider.", index.pages)


def on_build_error(error, **kwargs):
    site_dir = Path(_state["site_dir"]) if _state.get("site_dir") else None
    if site_dir and site_dir.is_dir():
        shutil.rmtree(site_dir)
        log.error("Byggingen feilet: %s er fjernet, så ingen halvferdig side kan publiseres.", site_dir)
