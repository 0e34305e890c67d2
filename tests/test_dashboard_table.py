import re

from atlas.frames import events_frame
from dashboard.synthetic import hostile_extraction, synthetic_events
from dashboard.table import ORDERS, table_html
from tests.dashboard_stores import PAYLOAD


def _years(page: str) -> list[int]:
    return [int(y) for y in re.findall(r"</td><td>(\d{4})</td>", page)]


def test_orders_and_limit():
    events = events_frame(synthetic_events(80, n_groups=3, n_places=10, seed=2))
    oldest = _years(table_html(events, 10, "oldest"))
    newest = _years(table_html(events, 10, "newest"))
    assert len(oldest) == 10 and oldest == sorted(oldest) and oldest[0] == events["year"].min()
    assert newest == sorted(newest, reverse=True) and newest[0] == events["year"].max()
    assert set(ORDERS) >= {"most confident", "newest", "oldest", "group", "place"}


def test_cells_are_escaped_and_spans_marked():
    events = events_frame(hostile_extraction(PAYLOAD).events)
    page = table_html(events)
    assert "<script>window" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and '<mark class="p">Hostile Town</mark>' in page
