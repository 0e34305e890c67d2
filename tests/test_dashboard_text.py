import re

from hypothesis import given
from hypothesis import strategies as st

from dashboard.text import plain

SPECIAL = set("\\`*_{}[]()<>#+-.!|~:$")


def test_markdown_that_would_fetch_or_link_is_shown_literally():
    assert plain("![x](http://203.0.113.9/x.png)") == r"\!\[x\]\(http\://203\.0\.113\.9/x\.png\)"
    assert plain("<img src=x onerror=alert(1)>") == r"\<img src=x onerror=alert\(1\)\>"
    assert plain("plain words") == "plain words"


@given(st.text(max_size=60))
def test_every_special_character_is_escaped(text):
    escaped = plain(text)
    assert re.sub(r"\\(.)", r"\1", escaped, flags=re.DOTALL) == text
    unescaped = re.sub(r"\\.", "", escaped, flags=re.DOTALL)
    assert not SPECIAL & set(unescaped)
