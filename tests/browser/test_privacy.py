"""The privacy page tells the truth: what the browser stores is exactly what the page lists, no
cookies, and what leaves the browser (the e-mail and GitHub routes) goes where the page says."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from eksempelbank import ROOT
from eksempelbank.reading.project import site_settings
from eksempelbank.website.publishing import publisher

from .test_search import header_search
from .test_submission_form import SLUG, fill_example, open_form

pytestmark = pytest.mark.browser

CONTACT = publisher(site_settings(ROOT)).contact_email


def stored(page) -> dict[str, list[str]]:
    return page.evaluate("""() => ({
        local: Object.keys(localStorage), session: Object.keys(sessionStorage),
        cookies: document.cookie ? document.cookie.split(';') : [] })""")


def listed_names(page, site_url) -> set[str]:
    page.goto(site_url + "personvern/")
    return set(page.locator(".eb-lagring td code").all_inner_texts())


def test_the_browser_stores_only_what_the_privacy_page_lists(visit, site_url):
    page = visit()
    names = listed_names(page, site_url)
    assert "__palette" in names
    seen: set[str] = set()
    # A first visit without any choice, then what a visitor does: an example, a choice in the
    # finder, a search, the form, and the colour toggle.
    page.context.clear_cookies()
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.goto(site_url)
    first = stored(page)
    assert first == {"local": [], "session": [], "cookies": []}, "nothing is stored before the visitor chooses"
    for path in ("eksempler/stord-bustadkontor/", "finn/?fylke=vestland", "bidra/send-inn/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        state = stored(page)
        assert state["cookies"] == [], path
        seen |= set(state["local"]) | set(state["session"])
    page.goto(site_url + "om/")
    header_search(page, "startlån")
    state = stored(page)
    seen |= set(state["local"]) | set(state["session"])
    page.goto(site_url + "om/")
    page.locator("label[for^='__palette']:visible").first.click()
    state = stored(page)
    assert [key.rsplit(".", 1)[-1] for key in state["local"]].count("__palette") == 1, "the choice is stored"
    seen |= set(state["local"]) | set(state["session"])
    assert state["cookies"] == []
    # Material scopes its keys by the site's address («/.__palette»): the page names the key.
    unlisted = {key for key in seen if key.rsplit(".", 1)[-1] not in names}
    assert unlisted == set(), f"lagres, men står ikke på personvernsiden: {unlisted}"
    text = page.goto(site_url + "personvern/") and page.locator("article").inner_text()
    assert "informasjonskapsler" in text and "ingen analyse" in text.lower()


def test_the_email_route_sends_nothing_itself_and_names_the_file(visit, site_url):
    page = open_form(visit, site_url)
    fill_example(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Send med e-post").click()
    assert info.value.suggested_filename == f"{SLUG}.md"
    status = page.locator("#eb-status").inner_text()
    assert f"Fila {SLUG}.md er lastet ned" in status and CONTACT in status and "Legg ved fila" in status
    opened = page.evaluate(
        "() => Array.from(document.querySelectorAll('#eb-status a[href^=\"mailto:\"]')).map((a) => a.href)"
    )
    assert len(opened) == 1, "the status offers the same message as a link, in case no mail program opened"
    url = urlparse(opened[0])
    assert url.scheme == "mailto" and unquote(url.path) == CONTACT
    query = parse_qs(url.query)
    assert "Boligkontor i" in query["subject"][0] and f"{SLUG}.md" in query["body"][0]
    # The file is not in the address: an example of any length can be sent this way.
    assert "## Oppsummert" not in unquote(url.query)
    privacy = visit()
    privacy.goto(site_url + "personvern/")
    text = privacy.locator("article").inner_text()
    assert CONTACT in text and "Send med e-post" in text and "Åpne i GitHub" in text and re.search(r"GitHub", text)
