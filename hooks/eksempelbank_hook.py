"""MkDocs hooks: a thin layer over the ``eksempelbank`` package.

on_startup   note whether this is `mkdocs serve`
on_config    join the stylesheets into one file (eksempelbank/website/stylesheets.py); validate every
             example; any error stops the build with all problems listed (when serving: the
             problems become the site's only page until they are fixed)
             and, for publishing, stop while a required setting is missing or a page holds placeholder
             text (data/publisering.yml; when serving: a notice on the page instead)
on_files     add the generated pages and files (examples kept out of the menu); under `make serve`
             (--dirty), tell MkDocs which of them are unchanged since the last rebuild, so only the
             rest is rendered and written (the finder's unchanged cards are left on disk, unlisted)
on_page_markdown  fill the settings a hand-written page prints (%%utgiver%%, ...); when serving, put
             the launch problems of that page at its top
on_nav       note the menu's pages; under `make serve`, give the unrendered pages their sitemap dates
on_page_content  put the HTML the generator wrote (example pages with their checked bodies, lists
                 of examples) into the rendered pages, with their tables of contents; mark the
                 main content of examples and hand-written pages for the search index
on_env       under `make serve`, keep the compiled templates from one rebuild to the next
on_page_context  let pages outside the menu share one rendering of it and of the other parts that are
                 the same on every such page in a folder (overrides/main.html, eb_shared)
on_post_page set <html lang> from the example's language (nn pages); add the Content-Security-Policy
on_post_build  build the Pagefind search index over the written site (a failure fails the build;
               under `make serve` it runs in the background, so the saved page reloads at once, and
               the rebuild's garbage is collected a few seconds later);
               for publishing, write the index in a fixed order and leave out the theme's and
               Pagefind's files no page loads (published_files)
on_build_error  remove a half-written site, so nothing broken can be published
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import posixpath
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import urlsplit

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # works without `pip install -e .` too
    sys.path.insert(0, str(ROOT))

from eksempelbank.website.build import BuildResult, prepare_build  # noqa: E402
from eksempelbank.website.csp import ThemeScripts, add_policy  # noqa: E402
from eksempelbank.website.finder import is_selection_file  # noqa: E402
from eksempelbank.website.nynorsk import nynorsk_chrome  # noqa: E402
from eksempelbank.website.pagefind_files import PagefindFormatError  # noqa: E402
from eksempelbank.website.published_files import UsedAssets, finish_site  # noqa: E402
from eksempelbank.website.publishing import (  # noqa: E402
    LaunchRules,
    bank_counts,
    fill_settings,
    launch_problems,
    load_rules,
    notice,
    page_problems,
    page_values,
    setting_problems,
)
from eksempelbank.website.search_index import (  # noqa: E402
    BUNDLE_DIR,
    SearchIndexError,
    build_index,
    mark_searchable,
    pagefind_command,
)
from eksempelbank.website.stylesheets import StylesheetError, combined  # noqa: E402
from eksempelbank.website.tables import wrap_tables  # noqa: E402

log = logging.getLogger("mkdocs.hooks.eksempelbank")
#: `make serve`: the live reload, from a file (see hooks/livereload.js and on_post_page).
RELOAD_URI = "assets/eb-livereload.js"


class _State(TypedDict, total=False):
    """What the hook keeps from one call to the next (under `make serve`, from one rebuild to the next)."""

    serving: bool
    dirty: bool
    site_dir: str
    theme_scripts: ThemeScripts
    result: BuildResult
    rules: LaunchRules
    page_values: dict[str, str]
    used_assets: UsedAssets
    stylesheet: tuple[str, str]  # (site path, text) of the one stylesheet (stylesheets.combined)
    setting_problems: list[str]
    setup: bytes | None
    fingerprints: dict[str, bytes]
    menu_urls: list[str]
    nav_cache: dict[str, Any]
    indexer: subprocess.Popen[str]
    rebuilds: int  # `make serve`: rebuilds started, so a collection scheduled by one is dropped by the next


_state: _State = {}


def on_startup(command, dirty):
    # Called once per `mkdocs serve` or `mkdocs build`; the hook module stays loaded across rebuilds.
    _state["serving"] = command == "serve"
    _state["dirty"] = dirty
    if dirty:
        # MkDocs logs as «mkdocs.…», ProperDocs (its continuation) as «properdocs.…».
        for builder in ("mkdocs", "properdocs"):
            logging.getLogger(f"{builder}.commands.build").addFilter(_exact_dirty_builds)


def _exact_dirty_builds(record: logging.LogRecord) -> bool:
    """`make serve` runs `mkdocs serve --dirty`. MkDocs warns that a dirty build may leave pages
    out of date (a failure in strict mode); here it does not: every generated page whose content
    changed is rendered again (:func:`_render_only_changed`), the menu's titles are fixed in
    mkdocs.yml, and a change to the configuration or the templates renders everything."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_config(config):
    _stop_background_index()  # `make serve`: this rebuild empties the site the last index was written to
    if _state.get("serving"):
        _state["rebuilds"] = _state.get("rebuilds", 0) + 1
        if _state["rebuilds"] > 1 and _state.get("dirty"):  # not a build that renders every page
            gc.disable()  # collected once the rebuild is served (_collect_when_idle)
    _state["site_dir"] = config["site_dir"]
    # What the written pages load (published_files): the rest of the theme's assets is not published.
    _state["used_assets"] = UsedAssets(config.get("site_url") or "/")
    # The policy's script hashes come from the theme's templates, never from a written page (csp.py).
    _state["theme_scripts"] = ThemeScripts.from_dirs(config["theme"].dirs, config)
    # One stylesheet for the whole site, linked by overrides/main.html under this name.
    try:
        uri, text = combined(config["theme"].dirs, config["docs_dir"], config["extra"].get("stylesheets", []))
    except (StylesheetError, OSError) as error:
        raise PluginError(str(error)) from error
    config["extra"]["eb_stylesheet"] = uri
    _state["stylesheet"] = (uri, text)
    try:
        result = prepare_build(
            ROOT,
            config.get("extra", {}).get("eksempelbank", {}),
            config.get("site_url"),
            directory_urls=config["use_directory_urls"],
            reuse_pages=bool(_state.get("serving")),  # `make serve`: unchanged example pages from the last rebuild
        )
    except SearchIndexError as error:  # e.g. data/ordfamilier.yml: its problems, not a traceback
        raise PluginError(str(error)) from error
    for warning in result.warnings:
        # Editor advice is shown but does not fail `--strict` builds.
        log.info(warning.human())
    _state["result"] = result
    settings = config.get("extra", {}).get("eksempelbank", {})
    _state["rules"] = load_rules(ROOT / "data")
    _state["page_values"] = page_values(settings, config["site_name"], bank_counts(result.catalog.examples))
    _state["setting_problems"] = setting_problems(settings, config.get("site_url"), _state["rules"])
    if not _state.get("serving"):
        launch = launch_problems(ROOT, settings, config.get("site_url"), _state["page_values"])
        if result.errors or launch:
            raise PluginError(
                "\n\n".join(
                    filter(
                        None, [result.error_report() if result.errors else "", _launch_report(launch) if launch else ""]
                    )
                )
            )
    if result.errors:
        # `make serve`: show the problems as the site's only page and keep serving; saving a fixed
        # file rebuilds the real site. A build for publishing never gets here.
        # Logged as info: a warning or error would make strict mode abort the build, and the server
        # would have nothing to show.
        log.info(result.error_report())
        config["nav"] = [{"Feil i eksemplene": "index.md"}]
        return config
    config["nav"] = result.expand_nav(config.get("nav"))
    return config


def _launch_report(problems: list[str]) -> str:
    return "\n".join(
        [
            f"Nettstedet kan ikke publiseres ennå ({len(problems)} "
            f"{'problem' if len(problems) == 1 else 'problemer'}):",
            "",
        ]
        + problems
        + ["", "`make serve` viser det samme øverst på sidene det gjelder."]
    )


def on_page_markdown(markdown, page, config, files):
    """Hand-written pages print settings from mkdocs.yml (publishing.page_values). A publishing build
    has already stopped on any problem here (on_config); `make serve` shows them on the page."""
    if page.file.generated_by is not None or _state["result"].errors:
        return markdown
    display = f"{Path(config['docs_dir']).name}/{page.file.src_uri}"
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")  # with its front matter: true line numbers
    problems = page_problems(source, display, _state["rules"], _state["page_values"])
    if page.is_homepage:
        problems = _state["setting_problems"] + problems
    markdown, _ = fill_settings(markdown, _state["page_values"], display)
    if problems and _state.get("serving"):
        markdown = _under_first_heading(markdown, notice(problems))
    return markdown


def _under_first_heading(markdown: str, text: str) -> str:
    """``text`` right under the page's first heading (or at the top without one)."""
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: number + 1] + ["", text] + lines[number + 1 :])
    return text + "\n" + markdown


def on_files(files, config):
    result = _state["result"]
    files.append(File.generated(config, _state["stylesheet"][0], content=_state["stylesheet"][1]))
    if result.errors:  # serving a broken bank (see on_config): one page with the problems
        for page in list(files.documentation_pages()):
            files.remove(page)
        files.append(File.generated(config, "index.md", content=result.error_page()))
        _add_live_reload(files, config)
        _state["setup"] = None  # once fixed, every page is rendered again (this one replaced the front page)
        return files
    assert result.site is not None  # there is no site only when there are errors (above)
    in_nav = result.pages_in_nav(config.get("nav"))
    for uri, content in result.site.pages.items():
        inclusion = InclusionLevel.UNDEFINED if uri in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=content, inclusion=inclusion))
    setup = _setup(config) if _state.get("dirty") else None
    on_disk = _cards_on_disk(config, result.site, setup)
    for uri, content in result.site.files.items():
        if uri not in on_disk:
            files.append(File.generated(config, uri, content=content))
    if setup is not None:
        _render_only_changed(files, config, result.site, in_nav, setup)
    _add_live_reload(files, config)
    return files


def _setup(config) -> bytes:
    """A digest of what every page is rendered with: the menu, the address, the settings, and
    mkdocs.yml and our templates as files (Material itself does not change while serving)."""
    setup = hashlib.blake2b(repr((config.get("nav"), config.get("site_url"), config.get("extra"))).encode("utf-8"))
    watched = [config.config_file_path, config["theme"].custom_dir]
    for folder in [Path(p) for p in watched if p]:
        for path in sorted(folder.rglob("*") if folder.is_dir() else [folder]):
            if path.is_file():
                stat = path.stat()
                setup.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return setup.digest()


def _cards_on_disk(config, site, setup: bytes | None) -> set[str]:
    """`make serve` (--dirty, which leaves the site folder as it is between rebuilds): the finder's
    cards and table (one small file per example, which no page links to) that are as the last
    build wrote them stay on disk, and MkDocs is not given them at all: thousands of files it
    would otherwise list, check and skip on every save."""
    if setup is None or _state.get("setup") != setup:
        return set()
    previous = _state.get("fingerprints", {})
    prints = site.fingerprints()
    site_dir = config["site_dir"]
    return {
        uri
        for uri in site.files
        if is_selection_file(uri)
        and previous.get(uri) == prints[uri]
        and os.path.isfile(os.path.join(site_dir, *uri.split("/")))
    }


def _add_live_reload(files, config) -> None:
    if _state.get("serving"):
        script = (Path(__file__).parent / "livereload.js").read_text(encoding="utf-8")
        files.append(File.generated(config, RELOAD_URI, content=script))


def _render_only_changed(files, config, site, in_nav: set[str], setup: bytes) -> None:
    """`mkdocs serve --dirty` renders only the pages MkDocs finds modified, and MkDocs takes every
    generated page for modified: mark those whose content (site.fingerprint) is as in the last
    build, in the same configuration and templates, as unmodified. Saving one example then renders
    that example and the few lists and pages that show it, not the whole bank. The pages in the
    menu are always read (a few dozen): the menu on every page takes their titles from them."""
    fingerprints = site.fingerprints()  # the generated files too: written again only when changed
    same_setup = _state.get("setup") == setup
    previous = _state.get("fingerprints", {}) if same_setup else {}
    unchanged = 0
    for file in files:
        if file.src_uri not in fingerprints and not file.is_documentation_page():
            continue  # our assets: MkDocs compares their dates itself
        if file.src_uri in in_nav or not same_setup:  # (a new menu or templates: every page, whatever its date)
            file.is_modified = lambda: True
        elif previous.get(file.src_uri) == fingerprints.get(file.src_uri) is not None and os.path.isfile(
            file.abs_dest_path
        ):
            file.is_modified = lambda: False
            unchanged += 1
    # A page or file gone since the last build (an example deleted or renamed, the finder's table
    # of the last build) is taken off the site, with the folders it leaves empty.
    site_dir = Path(config["site_dir"])
    for uri in set(_state.get("fingerprints", {})) - set(fingerprints):
        gone = Path(File(uri, config["docs_dir"], str(site_dir), config["use_directory_urls"]).abs_dest_path)
        gone.unlink(missing_ok=True)
        folder = gone.parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    _state["fingerprints"], _state["setup"] = fingerprints, setup
    log.debug("%d generated pages and files unchanged since the last build", unchanged)


def on_page_content(html, page, config, files):
    site = _state["result"].site
    uri = page.file.src_uri
    if site is not None and uri in site.fragment_count:
        html, filled = site.fill(html)
        if filled != site.fragment_count[uri]:  # never publish a page without all of its text
            raise PluginError(f"{uri}: {filled} av {site.fragment_count[uri]} deler av siden ble satt inn.")
        if uri in site.toc:  # headings MkDocs did not render: the sidebar and «Gå til innhold» need them
            page.toc = get_toc(site.toc[uri])
    # Tables in their scroll box here, not by a script after the page is drawn (website/tables.py).
    return mark_searchable(wrap_tables(html), page.meta, generated=page.file.generated_by is not None)


def on_nav(nav, config, files):
    # The menu is the same for every page outside it in one folder (overrides/main.html, site_nav):
    # its links, relative to the page, differ only when a menu page lies below the page's own folder.
    _state["menu_urls"] = [p.url for p in nav.pages]
    _state["nav_cache"] = {}
    if _state.get("dirty") and _state["result"].site is not None:
        _keep_sitemap_dates(files)
    return nav


def _keep_sitemap_dates(files) -> None:
    """`make serve`: MkDocs neither renders nor reads the pages marked unchanged, so their meta is
    empty, and the sitemap (overrides/sitemap.xml) takes each page's lastmod from it."""
    site = _state["result"].site
    assert site is not None  # on_nav asks only when there is one
    for file in files.documentation_pages():
        if file.page is not None and file.src_uri in site.pages and not file.is_modified():
            date = site.review_date(file.src_uri)
            if date:
                file.page.meta = {"sist_vurdert": date}


class _CompiledTemplates(BytecodeCache):
    """`make serve`: MkDocs makes a new template environment for every rebuild, which compiles the
    theme's templates again; kept here in memory, each is compiled once (Jinja checks the template's
    source, so an edited template is compiled anew)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_compiled_templates = _CompiledTemplates()


def on_env(env, config, files):
    if _state.get("serving"):
        env.bytecode_cache = _compiled_templates
    return env


def on_page_context(context, page, config, nav):
    # Pages outside the menu in one folder (below the top) share one rendering of the menu and of the
    # parts overrides/main.html marks (eb_shared): their links differ only for a page that is itself
    # a link there («./»), as a menu page, or a top-level page the footer or the header links to.
    context["eb_nav_cache"] = _state["nav_cache"]
    context["eb_nav_key"] = None
    url = page.url
    folder = posixpath.dirname(url.rstrip("/"))
    if folder and page not in nav.pages and not any(u.startswith(url) for u in _state["menu_urls"]):
        context["eb_nav_key"] = f"{page.meta.get('lang', '')}|{folder}"
    return context


def on_post_page(output, page, config):
    lang = page.meta.get("lang")
    if lang and lang != config["theme"]["language"]:
        output = output.replace(f'<html lang="{config["theme"]["language"]}"', f'<html lang="{lang}"', 1)
    if lang == "nn":  # menu and palette names come from mkdocs.yml, once for the whole site
        output = nynorsk_chrome(output)
    if _state.get("serving"):  # MkDocs' own reload script is inline, which the policy blocks
        script = f'<script src="{get_relative_url(RELOAD_URI, page.url)}"></script>'
        end = output.rfind("</body>")
        output = output[:end] + script + output[end:] if end != -1 else output + script
    _state["used_assets"].add_page(output, page.url)
    # The page's base_url as MkDocs gives it to the templates: from its address, not its content.
    return add_policy(output, _state["theme_scripts"].hashes(get_relative_url(".", page.url)))


def on_post_build(config):
    if _state.get("serving"):
        _collect_when_idle()
    if _state["result"].errors:
        return  # serving the error page: nothing to search
    # The theme's 404.html is a template, not a page: on_post_page never sees it.
    not_found = Path(config["site_dir"]) / "404.html"
    if not_found.is_file():
        text = not_found.read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' not in text:
            # MkDocs renders error pages with the site's own path as base_url.
            base_url = urlsplit(config.get("site_url") or "/").path
            not_found.write_text(add_policy(text, _state["theme_scripts"].hashes(base_url)), encoding="utf-8")
        _state["used_assets"].add_page(text, "404.html")
    if _state.get("serving"):
        _start_background_index(Path(config["site_dir"]), config["theme"]["language"])
        return
    try:
        index = build_index(Path(config["site_dir"]), language=config["theme"]["language"])
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
    log.info("Søkeindeksen (Pagefind) er bygget: %d sider.", index.pages)
    # Not under `make serve`: it writes only the changed pages, so what they load is not all known.
    try:
        removed = finish_site(
            Path(config["site_dir"]), Path(config["site_dir"]) / BUNDLE_DIR, config["theme"].dirs, _state["used_assets"]
        )
    except (PagefindFormatError, OSError, ValueError, KeyError) as error:
        raise PluginError(
            f"Søkeindeksen kunne ikke skrives i fast rekkefølge: {error}. "
            "Har Pagefind fått en ny versjon? requirements.txt fester versjonen."
        ) from error
    log.info("Ubrukte filer fra temaet og Pagefind er ikke med: %d filer.", len(removed))


def _start_background_index(site_dir: Path, language: str) -> None:
    """`make serve`: the editor's page reloads as soon as the pages are written; the search index
    follows a few seconds later (a publishing build waits for it and fails with it). At a lower
    priority where `nice` exists: the browser reloading the page and the server answering it come first."""
    try:
        command = pagefind_command(site_dir, language)
        nice = shutil.which("nice")
        process = subprocess.Popen(
            [nice, "-n", "10", *command] if nice else command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    except (SearchIndexError, OSError) as error:
        log.info("Søkeindeksen kunne ikke bygges: %s", error)
        return

    def report() -> None:
        _, errors = process.communicate()
        if process.returncode == 0:
            log.info("Søkeindeksen (Pagefind) er bygget på nytt.")
        elif process.returncode > 0:  # not stopped by the next rebuild
            log.info("Søkeindeksen kunne ikke bygges (Pagefind, kode %d): %s", process.returncode, errors.strip())

    _state["indexer"] = process
    threading.Thread(target=report, daemon=True).start()


#: Seconds after a rebuild before its garbage is collected: the browser has reloaded the page by then.
COLLECT_AFTER = 3.0


def _collect_when_idle() -> None:
    """`make serve`: Python's cycle collector, left to itself, goes through every object the server
    holds (the examples and the parts kept from the last rebuild, reuse.py) once or twice per
    rebuild, about half a second each at 3,000 examples, while the editor waits for the page.
    During a rebuild it is off (on_config); a few seconds after, with nothing to wait for, the
    rebuild's garbage is collected and the collector is on again until the next rebuild. A save
    within those seconds starts a rebuild, which takes the collection over."""
    rebuild = _state.get("rebuilds", 0)

    def collect() -> None:
        if _state.get("rebuilds", 0) == rebuild:
            gc.enable()
            gc.collect()

    timer = threading.Timer(COLLECT_AFTER, collect)
    timer.daemon = True
    timer.start()


def _stop_background_index() -> None:
    process = _state.pop("indexer", None)
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def on_shutdown():
    _stop_background_index()
    gc.enable()


def on_build_error(error, **kwargs):
    _state["setup"] = None  # the site is removed below: the next build renders everything
    if _state.get("serving"):
        _collect_when_idle()
    site_dir = Path(_state["site_dir"]) if _state.get("site_dir") else None
    if site_dir and site_dir.is_dir():
        shutil.rmtree(site_dir)
        log.error("Byggingen feilet: %s er fjernet, så ingen halvferdig side kan publiseres.", site_dir)
