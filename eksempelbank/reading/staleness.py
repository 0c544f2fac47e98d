"""When an example's last review (``sist_vurdert``) is too old: the one rule the check's warning
(``fields.py``) and the list of examples due for review (``editors/freshness.py``, ``eksempelbank
ferskhet``) share, so they always agree on the day an example turns stale.

The limit is data: ``stale_after_years`` on ``sist_vurdert`` in ``data/eksempelformat.yml``.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

DAYS_PER_YEAR = 365.25


def stale_since(reviewed: date, years: int) -> date:
    """The first day an example reviewed on ``reviewed`` counts as stale: more than ``years`` years
    (of 365.25 days) have passed since."""
    return reviewed + timedelta(days=math.floor(DAYS_PER_YEAR * years) + 1)


def is_stale(reviewed: date, today: date, years: int) -> bool:
    """Whether more than ``years`` years have passed since ``reviewed``; the same as
    ``(today - reviewed).days > 365.25 * years``."""
    return today >= stale_since(reviewed, years)
