"""Briefing maps: a print-quality PNG/PDF drawn offline with geopandas and matplotlib.

The same inputs always give the same bytes (no timestamps in the files, fixed fonts and
sizes), so a briefing can be re-made and compared.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib_scalebar.scalebar import ScaleBar
from pyproj import CRS

from dashboard.basemap import SEA_COLOUR, load_countries
from dashboard.groups import GroupStyle
from dashboard.mapview import REGION, SOURCE_LINE, marker_bounds

DPI = 220
_SCALES_KM = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000)
_SHAPES = {"country": "o", "province": "D", "district": "s", "city": "o", "locality": "."}
_METADATA = {
    "png": {"Software": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None, "ModDate": None},
}


@dataclass(frozen=True, slots=True)
class Briefing:
    """What a briefing map says: title, subtitle (period and filters) and the marker rows."""

    title: str
    subtitle: str
    markers: object  # pandas DataFrame of dashboard.markers rows
    styles: Mapping[str, GroupStyle]


def _projection(bounds: list[list[float]]) -> CRS:
    """An equal-area projection centred on the view, so the scale bar is true."""
    (lat0, lon0), (lat1, lon1) = bounds
    return CRS.from_proj4(
        f"+proj=laea +lat_0={(lat0 + lat1) / 2:.3f} +lon_0={(lon0 + lon1) / 2:.3f} +datum=WGS84 +units=m"
    )


def _view_box(bounds: list[list[float]], crs: CRS, aspect: float) -> tuple[float, float, float, float]:
    """The projected box around ``bounds``, widened on one side to the axes' width/height."""
    corners = gpd.GeoSeries.from_xy(
        [bounds[0][1], bounds[1][1], bounds[0][1], bounds[1][1]],
        [bounds[0][0], bounds[1][0], bounds[1][0], bounds[0][0]], crs="EPSG:4326").to_crs(crs)
    x0, x1, y0, y1 = corners.x.min(), corners.x.max(), corners.y.min(), corners.y.max()
    width, height = x1 - x0, y1 - y0
    if width / height < aspect:
        grow = (height * aspect - width) / 2
        return x0 - grow, x1 + grow, y0, y1
    grow = (width / aspect - height) / 2
    return x0, x1, y0 - grow, y1 + grow


def _scale_km(width_m: float) -> int:
    """A round scale-bar length in km, about a fifth of the map's width."""
    target = width_m / 5000
    return min(_SCALES_KM, key=lambda km: abs(km - target))


def draw(briefing: Briefing, *, width_in: float = 11.0, height_in: float = 8.0) -> plt.Figure:
    """The briefing figure: boundaries, markers by group and precision, legend, scale, north."""
    frame = briefing.markers
    bounds = marker_bounds(frame) or REGION
    crs = _projection(bounds)
    fig = plt.figure(figsize=(width_in, height_in))
    rect = (0.02, 0.07, 0.72, 0.80)
    ax = fig.add_axes(rect)
    ax.set_facecolor(SEA_COLOUR)
    x0, x1, y0, y1 = _view_box(bounds, crs, (rect[2] * width_in) / (rect[3] * height_in))
    countries = load_countries()
    (lat0, lon0), (lat1, lon1) = bounds
    margin = max(lat1 - lat0, lon1 - lon0) + 10
    # Clip in degrees before projecting, so no polygon wraps round the antimeridian.
    countries = countries.clip_by_rect(max(lon0 - margin, -180), max(lat0 - margin, -89),
                                       min(lon1 + margin, 180), min(lat1 + margin, 89))
    countries = countries[~countries.is_empty]
    countries.to_crs(crs).plot(ax=ax, color="#f2efe6", edgecolor="#8a8a8a", linewidth=0.6)
    handles, outside = [], 0
    if not frame.empty:
        points = gpd.GeoDataFrame(
            frame, geometry=gpd.points_from_xy(x=frame["lon"], y=frame["lat"]), crs="EPSG:4326"
        ).to_crs(crs)
        inside = points.geometry.x.between(x0, x1) & points.geometry.y.between(y0, y1)
        outside = int(points.loc[~inside, "count"].sum())
        for gid, rows in points.groupby("group_id", sort=False):
            style = briefing.styles[gid]
            for precision, part in rows.groupby("precision"):
                hollow = precision == "country"
                ax.scatter(part.geometry.x, part.geometry.y, s=18 + 14 * part["count"].clip(upper=40) ** 0.8,
                           marker=_SHAPES.get(precision, "o"), zorder=3, linewidths=0.7,
                           facecolors="none" if hollow else style.colour,
                           edgecolors=style.colour if hollow else "white", alpha=0.9)
            handles.append(Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=style.colour,
                                  markeredgecolor="white", label=f"{style.name} ({int(rows['count'].sum())})"))
        handles.append(Line2D([], [], linestyle="", label=""))
        handles += [Line2D([], [], marker=_SHAPES[p], linestyle="", markersize=6, color="#777777",
                           markerfacecolor="none" if p == "country" else "#777777", label=p)
                    for p in sorted(set(frame["precision"]))]
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    if handles:
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.755, 0.87), fontsize=7.5,
                   frameon=False, title="Groups (events) and place precision", title_fontsize=8,
                   alignment="left")
    ax.add_artist(ScaleBar(1, units="m", fixed_value=_scale_km(x1 - x0), fixed_units="km",
                           location="lower right", box_alpha=0.8))
    ax.annotate("N", xy=(0.955, 0.955), xytext=(0.955, 0.86), xycoords="axes fraction", ha="center",
                va="center", fontsize=12, fontweight="bold",
                arrowprops={"facecolor": "black", "width": 4, "headwidth": 11, "headlength": 10})
    fig.text(0.02, 0.955, briefing.title, ha="left", va="center", fontsize=16, fontweight="bold")
    fig.text(0.02, 0.905, briefing.subtitle, ha="left", va="center", fontsize=9.5, color="#333333")
    note = f" · {outside:,} events lie outside this extent" if outside else ""
    fig.text(0.02, 0.03, SOURCE_LINE + note, ha="left", fontsize=7.5, color="#555555")
    return fig


def render(briefing: Briefing, fmt: str, dpi: int = DPI) -> bytes:
    """The briefing as PNG or PDF bytes (``fmt`` is "png" or "pdf")."""
    fig = draw(briefing)
    try:
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
        return buffer.getvalue()
    finally:
        plt.close(fig)
