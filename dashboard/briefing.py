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


def draw(briefing: Briefing, *, width_in: float = 11.0, height_in: float = 8.0) -> plt.Figure:
    """The briefing figure: boundaries, markers by group and precision, legend, scale, north."""
    frame = briefing.markers
    bounds = marker_bounds(frame) or REGION
    crs = _projection(bounds)
    fig, ax = plt.subplots(figsize=(width_in, height_in))
    fig.subplots_adjust(left=0.02, right=0.98, top=0.88, bottom=0.06)
    ax.set_facecolor(SEA_COLOUR)
    box = gpd.GeoSeries.from_xy([bounds[0][1], bounds[1][1]], [bounds[0][0], bounds[1][0]],
                                crs="EPSG:4326").to_crs(crs)
    countries = load_countries()
    (lat0, lon0), (lat1, lon1) = bounds
    countries = countries.cx[lon0 - 15:lon1 + 15, lat0 - 15:lat1 + 15].to_crs(crs)
    countries.plot(ax=ax, color="#f2efe6", edgecolor="#8a8a8a", linewidth=0.6)
    handles = []
    if not frame.empty:
        points = gpd.GeoDataFrame(
            frame, geometry=gpd.points_from_xy(x=frame["lon"], y=frame["lat"]), crs="EPSG:4326"
        ).to_crs(crs)
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
        handles += [Line2D([], [], marker=_SHAPES[p], linestyle="", markersize=6, color="#777777",
                           markerfacecolor="none" if p == "country" else "#777777", label=p)
                    for p in sorted(set(frame["precision"]))]
    ax.set_xlim(box.x.min(), box.x.max())
    ax.set_ylim(box.y.min(), box.y.max())
    ax.set_xticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_yticks([])
    if handles:
        ax.legend(handles=handles, loc="lower left", fontsize=7, framealpha=0.92, title="Groups (events)",
                  title_fontsize=8, ncols=1 if len(handles) <= 14 else 2)
    ax.add_artist(ScaleBar(1, units="m", location="lower right", length_fraction=0.2, box_alpha=0.8))
    ax.annotate("N", xy=(0.965, 0.96), xytext=(0.965, 0.87), xycoords="axes fraction", ha="center",
                va="center", fontsize=12, fontweight="bold",
                arrowprops={"facecolor": "black", "width": 4, "headwidth": 11, "headlength": 10})
    fig.suptitle(briefing.title, x=0.02, y=0.975, ha="left", fontsize=16, fontweight="bold")
    fig.text(0.02, 0.915, briefing.subtitle, ha="left", fontsize=9.5, color="#333333")
    fig.text(0.02, 0.02, SOURCE_LINE, ha="left", fontsize=7.5, color="#555555")
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
