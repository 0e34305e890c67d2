import io

import numpy as np
from matplotlib import image as mpimg

from atlas.frames import events_frame
from dashboard.briefing import DPI, Briefing, render
from dashboard.groups import styles_for
from dashboard.markers import build_markers
from dashboard.synthetic import synthetic_events


def _briefing(n=300):
    events = events_frame(synthetic_events(n, n_groups=3, n_places=30, seed=8))
    return Briefing("Activity <b>test</b>", "2001–2024 · all groups", build_markers(events).frame,
                    styles_for(events, {}))


def test_png_is_print_quality_and_not_blank():
    data = render(_briefing(), "png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = mpimg.imread(io.BytesIO(data))
    assert pixels.shape[1] >= 11 * 200 and DPI >= 200
    colours = np.unique((pixels[..., :3] * 255).astype(np.uint8).reshape(-1, 3), axis=0)
    assert len(colours) > 50  # boundaries, sea, markers, text


def test_pdf_and_png_are_deterministic():
    brief = _briefing()
    assert render(brief, "pdf") == render(brief, "pdf")
    assert render(brief, "png") == render(brief, "png")
    assert render(brief, "pdf").startswith(b"%PDF")


def test_an_empty_view_still_draws_the_region():
    brief = _briefing()
    empty = Briefing(brief.title, "no events", brief.markers.iloc[0:0], brief.styles)
    assert render(empty, "png")[:4] == b"\x89PNG"
