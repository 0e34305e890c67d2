"""Citations for the toponym spotter: whether a gazetteer name in a text is the publisher or
the periodical of a bibliographic reference ("London: Hurst, 2015", "“Title,” Herald, March
2016"), the author of an author-year citation ("Rana (2018, p. 45)", "(Jones and Fair
2010)") or of the text itself ("By Amina Bello | 3 April 2024"), rather than a place the
text is about.

See ``gazetteer/data/not_places.yaml`` for the policy behind the rule.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from gazetteer.tokens import Words

#: Separators before a name that cannot end a quoted title.
_PLAIN_SEPS = frozenset({"", " ", "\n", ", ", ". "})
#: What ends the year of a citation ("2015.", "2015, pp. 3", "2016 (updated"), unlike a year
#: that a sentence goes on from ("Lahore, 2015 was a bad year").
_CITATION_END = r"(?=\s?[.;,()\[\]]|\s*\n|\s*\Z)"
#: The rest of a citation's publisher part after a name, up to its year: "London: Hurst, 2015",
#: "New York: Hurst/Columbia University Press, 2011", "New York: Little, Brown, and Co., 2012".
_CITATION_AFTER = re.compile(r"[\w .,&/'’-]{0,60}?, (?:1[89]|20)\d\d" + _CITATION_END)
#: The publisher part of a citation before a name, back to the colon after the city.
_PUBLISHER_BEFORE = re.compile(r": [\w .,&/'’-]{0,60}$")
#: How far before a name the colon of "City: Publisher" may be.
_PUBLISHER_REACH = 64
#: A periodical's issue date after its name: "Herald, March 2016", "Jihadology, January 26, 2015".
_ISSUE_AFTER = re.compile(
    r",? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
    r"(?: \d{1,2},?)? (?:1[89]|20)\d\d" + _CITATION_END
)
#: What ends a quoted title right before a periodical's name: '“Title,” Herald', "*Title*, ".
_TITLE_BEFORE = re.compile(r"[”\"’'*],?\s?$|,[”\"’'*]\s?$")


#: An author-year citation after a name: "Rana (2018, p. 45)", "Sayed (2021) argues".
_AUTHOR_YEAR = re.compile(r" \((?:19|20)\d\d[a-z]?[,;:)]")
#: The same inside parentheses: "(Fair 2014;", "(Jones and Fair 2010)", "(Smith et al. 2019)".
_AUTHOR_IN_PARENTHESES = re.compile(
    r"(?:,? et al\.?|,? (?:and|&) [A-Z][\w'’-]+)?,? (?:19|20)\d\d[a-z]?[,;:)]"
)
#: A reference list's author at the start of a line: "Rana, A. *Storming*", "Rana, Muhammad
#: Amir. 2018." (initials, or given names then the year); not a dateline, "Raleigh, N.C. (AP)".
_AUTHOR_ENTRY = re.compile(
    r", (?:(?:[A-Z]\.\s?)++(?!\s*[(\u2014\u2013-])"
    r"|(?:[A-Z][a-z]+\.? ){1,3}?(?:[A-Z]\.\s?)*\(?(?:19|20)\d\d\)?[.,])"
)
#: Words before a place named with a year in parentheses ("the attack in Peshawar (2014)").
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "across", "of", "around"})


def cited_author(words: Words, first: int, last: int) -> bool:
    """Whether words ``first..last`` are the author of an author-year citation: "Rana
    (2018, p. 45)" (not after "in", "at" and the like: "the attack in Peshawar (2014)"), a
    name and year inside parentheses, "(Fair 2014; Jones and Fair 2010)", or the author
    opening an entry of a reference list, "Rana, A. *Storming*"."""
    text, end = words.text, words.ends[last]
    start = words.starts[first]
    if text[end : end + 2] == ", " and (start == 0 or text[start - 1] == "\n"):
        return not words.allcaps(last) and bool(_AUTHOR_ENTRY.match(text, end))
    if text[end : end + 2] == " (":
        before = words.folded[max(0, first - 2) : first]
        locative = bool(before) and before[-1] in _LOCATIVE and before != ["according", "to"]
        return not locative and bool(_AUTHOR_YEAR.match(text, end))
    if not _AUTHOR_IN_PARENTHESES.match(text, end):
        return False
    opened = text.rfind("(", max(0, start - 80), start)
    return opened >= 0 and text.find(")", opened, start) < 0


def cited_publisher(words: Words, first: int, last: int, place_ends: set[int]) -> bool:
    """Whether words ``first..last`` are (part of) the publisher in a citation, "City:
    Publisher, Year" ("London: Hurst, 2015", "New York: Little, Brown, and Co., 2012"; the
    city one of ``place_ends``), or the periodical after a quoted title, "“Title,”
    Periodical, Month Year" ("Herald, March 2016")."""
    sep = words.seps[first]
    # Cheap guards first: a plain separator ends no quoted title, and a publisher needs
    # ": " shortly before it.
    title = sep not in _PLAIN_SEPS and _TITLE_BEFORE.search(sep)
    if title and _ISSUE_AFTER.match(words.text, words.ends[last]):
        return True
    text, start = words.text, words.starts[first]
    reach = max(0, start - _PUBLISHER_REACH)
    if text.find(": ", reach, start) < 0:
        return False
    if _CITATION_AFTER.match(text, words.ends[last]) is None:
        return False
    before = _PUBLISHER_BEFORE.search(text, reach, start)
    if before is None:
        return False
    city = bisect_right(words.ends, before.start()) - 1
    return city >= 0 and words.ends[city] == before.start() and city in place_ends


#: A byline: "By" opening a line, then the authors' names (a first of two words at least:
#: "By Kabul, the road ..." is no byline; initials may take a dot) up to the line's end or
#: a date, a separator or the outlet ("By Amina Bello | 3 April 2024", "By Ali Khan and
#: Sara Ahmed, Staff Reporters", "By Nate Raymond. BOSTON (Reuters)").
_AUTHOR = r"(?:(?:[A-Z]\.|[A-Z][\w'’-]*)[ \t]*){2,4}"
_BYLINE = re.compile(
    rf"^[ \t]*By[ \t]+({_AUTHOR}(?:(?:and|&)[ \t]+{_AUTHOR})*?)[ \t]*(?=$|[.|,·•—–(-]|\d)",
    re.MULTILINE,
)


def bylines(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the authors' names in the text's bylines: no place is named there
    ("Amina" and "Bello" are towns in Nigeria and Colombia)."""
    if "By " not in text:
        return
    for match in _BYLINE.finditer(text):
        yield match.start(1), match.start(1) + len(match.group(1).rstrip())
