#!/usr/bin/env python3
"""Write the names the site uses from Material's stylesheets (eksempelbank/website/material-css-names.txt).

The build leaves out Material's rules for names the site never uses (eksempelbank/website/stylesheets.py):
this list is what it keeps. Written from the built site: the class names and attribute
values of every page and every word of the scripts it loads, among the names Material's stylesheets
require. tests/test_css_names.py fails when a page uses a name the list lacks. Run it after changing
the theme, the templates, the scripts or the pages' structure (a new kind of element or admonition):

    .venv/bin/python scripts/css_names.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eksempelbank.website.stylesheets import NAMES_FILE, names_for, site_names  # noqa: E402
from tests.sitebuild import mkdocs_build  # noqa: E402
from tests.test_css_names import theme_css  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="eb-css-names-") as work:
        site = Path(work) / "site"
        result = mkdocs_build(ROOT, site)  # what the pages use does not depend on the list
        if result.returncode:
            sys.exit(result.stderr)
        names = names_for(theme_css(), site_names(site))
    NAMES_FILE.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{NAMES_FILE.relative_to(ROOT)}: {len(names)} navn")
    return 0


if __name__ == "__main__":
    sys.exit(main())
