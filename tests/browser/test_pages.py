"""The site as a visitor meets it: navigate from the front page to an example and back."""

import re

import pytest

from .conftest import MOBILE

pytestmark = pytest.mark.browser


def test_visitor_finds_an_example_through_a_success_factor(visit, site_url):
    page = visit()
    page.goto(site_url)
    assert page.locator("h1").inner_text() == "Boligsosial eksempelbank"
    page.get_by_role("link", name="Etter suksessfaktor").click()
    page.get_by_role("link", name="Brukermedvirkning").first.click()
    assert page.locator("h1").inner_text() == "Brukermedvirkning"
    first = page.locator("article h3 a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    panel = page.locator("dl.eb-metadata")
    assert panel.get_by_role("link", name="Brukermedvirkning").count() == 1


def test_nynorsk_example_is_announced_as_nynorsk(visit, site_url):
    page = visit()
    page.goto(site_url + "eksempler/stord-helhetlig-boligsosialt-arbeid/")
    assert page.locator("html").get_attribute("lang") == "nn"
    assert "Statens pris for boligsosialt arbeid 2018" in page.locator("dl.eb-metadata").inner_text()


def test_example_page_works_on_a_phone(visit, site_url):
    page = visit(MOBILE)
    page.goto(site_url + "eksempler/holmestrand-boligsosialt-utviklingsprogram-2011-2015/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], "no sideways scrolling on a phone"
    page.screenshot(path="/tmp/eksempel-mobil.png", full_page=False)
    assert re.search(r"Vestfold", page.locator("dl.eb-metadata").inner_text())
