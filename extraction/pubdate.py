"""Publication dates as sidecars, file properties and texts write them, parsed strictly:
one in the future or unparseable becomes ``None`` with a warning, never a guess."""

from __future__ import annotations

import datetime as dt
import re

from atlas.records import DatePrecision
from extraction.datelines import DAY_DATE
from extraction.datewords import MONTH

_EMBEDDED_DATE = re.compile(DAY_DATE)
_EMBEDDED_MONTH = re.compile(rf"\b{MONTH}\s+(?:19|20)\d\d\b", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def parse_date(
    value: str, today: dt.date, warnings: list[str], where: str
) -> tuple[dt.date, DatePrecision] | None:
    """A publication date and its precision; ``None`` (and a warning) if unparseable or future."""
    from dateparser.date import DateDataParser

    value = value.strip()
    if not value:
        return None
    parsed: tuple[dt.date, DatePrecision] | None = None
    iso = _ISO.match(value)
    if iso:
        year, month, day = (int(part) if part else None for part in iso.groups())
        try:
            parsed = (
                dt.date(year, month or 1, day or 1),
                "day" if day else "month" if month else "year",
            )
        except ValueError:
            parsed = None
    else:
        settings = {
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
            # Absolute dates only: "next spring" is not a publication date.
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        }
        parser = DateDataParser(languages=["en"], settings=settings)
        data = parser.get_date_data(value)
        if data is not None and data.date_obj is not None:
            precision: DatePrecision = data.period if data.period in ("day", "month") else "year"
            day = data.date_obj.date()
            # Without a day (or month) dateparser fills in today's; the precision says which part counts.
            parsed = (day.replace(day=1) if precision != "day" else day, precision)
            if precision == "year":
                parsed = (day.replace(month=1, day=1), "year")
    if parsed is None and not iso:
        # A line with more than a date ("CTV Saskatoon Published Saturday, March 31, 2018
        # 1:19PM CST"): the day's date written out inside it.
        # Else its month ("CAAN brief No. 14, March 2021").
        embedded = _EMBEDDED_DATE.search(value) or _EMBEDDED_MONTH.search(value)
        if embedded and embedded.group() != value:
            return parse_date(embedded.group(), today, warnings, where)
    if parsed is None:
        warnings.append(f"unparseable publication date {value!r} in {where}; left unknown")
        return None
    if parsed[0] > today + dt.timedelta(days=1):
        warnings.append(
            f"publication date {parsed[0].isoformat()} in {where} is in the future; left unknown"
        )
        return None
    return parsed

