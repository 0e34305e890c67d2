"""The evidence table under the map: every cell escaped, group and place highlighted."""

from __future__ import annotations

import html

import pandas as pd

from dashboard.markers import highlight

STYLE = """<style>
table.atlas-ev { border-collapse: collapse; width: 100%; font-size: 13px; }
table.atlas-ev th, table.atlas-ev td { border-bottom: 1px solid #e3e6ea; padding: 4px 6px;
  text-align: left; vertical-align: top; }
table.atlas-ev mark.g { background: #ffe08a; } table.atlas-ev mark.p { background: #b9e3ff; }
</style>"""


def _cell(value: object) -> str:
    return "" if value is None or pd.isna(value) else html.escape(str(value))


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


# Orderings the analyst can pick: (columns, ascending) for each.
ORDERS = {
    "most confident": (["confidence", "year"], [False, False]),
    "newest": (["year", "confidence"], [False, False]),
    "oldest": (["year", "confidence"], [True, False]),
    "group": (["group", "year"], [True, False]),
    "place": (["place", "year"], [True, False]),
}


def table_html(events: pd.DataFrame, limit: int = 200, order: str = "most confident") -> str:
    """An HTML table of ``limit`` events in the chosen order (most confident first by default)."""
    columns, ascending = ORDERS[order]
    rows = events.sort_values(columns, ascending=ascending, na_position="last", kind="stable").head(limit)
    body = []
    for r in rows.itertuples(index=False):
        start = _int(r.start)
        spans = [(s, e, css) for s, e, css in
                 ((_int(r.group_start), _int(r.group_end), "g"), (_int(r.place_start), _int(r.place_end), "p"))
                 if s is not None and e is not None]
        sentence = highlight(str(r.sentence), start, spans) if start is not None else _cell(r.sentence)
        document = _cell(r.doc_title) or _cell(r.doc_id)
        published = _cell(r.published)
        body.append(
            f"<tr><td>{_cell(r.group)}</td><td>{_cell(r.place)}</td><td>{_cell(r.year)}</td>"
            f"<td>{document}{'<br><small>' + published + '</small>' if published else ''}</td>"
            f"<td>{sentence}</td></tr>"
        )
    head = "<tr><th>Group</th><th>Place</th><th>Year</th><th>Document</th><th>Evidence</th></tr>"
    return f'{STYLE}<table class="atlas-ev"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'
