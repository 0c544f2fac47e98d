"""The site's one stylesheet (eksempelbank/website/stylesheets.py): Material's, then ours, named by content."""

from __future__ import annotations

import re

import pytest

from eksempelbank.website.stylesheets import StylesheetError, combined


def _theme(tmp_path):
    theme = tmp_path / "theme" / "assets" / "stylesheets"
    theme.mkdir(parents=True)
    (theme / "main.abc.min.css").write_text(
        "a{color:red}\n/*# sourceMappingURL=main.abc.min.css.map*/", encoding="utf-8"
    )
    (theme / "palette.def.min.css").write_text("b{color:blue}", encoding="utf-8")
    docs = tmp_path / "docs" / "assets"
    docs.mkdir(parents=True)
    (docs / "ours.css").write_text("c{background:url(data:image/svg+xml;x)}", encoding="utf-8")
    return tmp_path / "theme", tmp_path / "docs"


def test_theme_first_then_ours_in_order_without_source_maps(tmp_path):
    theme, docs = _theme(tmp_path)
    uri, text = combined([tmp_path / "overrides", theme], docs, ["assets/ours.css"])
    assert re.fullmatch(r"assets/stylesheets/eksempelbank\.[0-9a-f]{10}\.css", uri)
    assert text.index("a{color:red}") < text.index("b{color:blue}") < text.index("c{background")
    assert "sourceMappingURL" not in text
    (docs / "assets" / "ours.css").write_text("c{color:green}", encoding="utf-8")
    assert combined([theme], docs, ["assets/ours.css"])[0] != uri  # a new name for new content


def test_a_relative_address_or_a_missing_theme_file_stops_the_build(tmp_path):
    theme, docs = _theme(tmp_path)
    (docs / "assets" / "ours.css").write_text("c{background:url(bilde.png)}", encoding="utf-8")
    with pytest.raises(StylesheetError, match="relativ adresse"):
        combined([theme], docs, ["assets/ours.css"])
    with pytest.raises(StylesheetError, match="palette"):
        (theme / "assets" / "stylesheets" / "palette.def.min.css").unlink()
        combined([theme], docs, [])
