"""Find the parts of a document that are not reporting: notes, bibliography, related links, credits.

The text is never changed; each part is returned as a ``Section`` span so that later stages make
no events from it. Rules work line by line on headings and typical boilerplate phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from atlas.records import Section, SectionKind

_HEADING_END = r"\s*:?$"
# Headings that open a block running to the next such heading or the end of the text.
_BLOCKS: tuple[tuple[re.Pattern[str], SectionKind], ...] = (
    (
        re.compile(
            r"^(?:selected\s+)?(?:bibliography|references|works\s+cited|sources|further\s+reading"
            r"|citations|literature(?:\s+cited)?)"
            + _HEADING_END,
            re.IGNORECASE,
        ),
        "bibliography",
    ),
    (
        re.compile(
            r"^(?:notes|end\s?notes|foot\s?notes|notes\s+and\s+(?:references|sources))"
            + _HEADING_END,
            re.IGNORECASE,
        ),
        "notes",
    ),
    (re.compile(r"^about\s+the\s+authors?" + _HEADING_END, re.IGNORECASE), "boilerplate"),
)
# Headings that open a list of short lines (links to other stories).
_RELATED_HEADING = re.compile(
    r"^(?:read\s+more|related|related\s+(?:articles?|stories|coverage|content|links|reading)"
    r"|more\s+on\s+this\s+(?:story|topic)|recommended(?:\s+reading|\s+for\s+you)?|see\s+also"
    r"|you\s+may\s+also\s+like|most\s+read)" + _HEADING_END,
    re.IGNORECASE,
)
_CONTENTS_HEADING = re.compile(r"^(?:table\s+of\s+)?contents?" + _HEADING_END, re.IGNORECASE)
_CONTENTS_ENTRY = re.compile(r"\s\d{1,4}$")
# Notices about scripts and cookies. Looking for their words up to 40 characters into a
# line costs more than all other rules together, so it is done only in a text that has
# the words at all (see _may_have_notices).
_SCRIPTS_AND_COOKIES = re.compile(
    r"^(?:.{0,40}javascript\s+(?:has\s+been|is)\s+disabled.*|please\s+enable\s+javascript.*"
    r"|.{0,40}(?:this\s+site|we)\s+uses?\s+cookies.{0,200})$",
    re.IGNORECASE,
)
_NOTICE_WORDS = (b"javascript", b"cookies")
_FEW_LINES = 20
"""Lines; in a shorter text checking for the notices' words costs more than it saves."""
# With re.IGNORECASE these match ASCII letters although str.lower does not make them ASCII.
_CASE_SPECIALS = ("\u0130", "\u0131", "\u017f", "\u212a")
_LINE_RULES: tuple[tuple[re.Pattern[str], SectionKind], ...] = (
    (re.compile(r"^\[[^\[\]]{3,200}\]$"), "related"),
    (
        re.compile(r"^(?:read\s+more|related|see\s+also|more)\s*:\s*\S.{0,300}$", re.IGNORECASE),
        "related",
    ),
    (
        re.compile(
            r"^(?:click\s+here\s+to\s+(?:continue|read)|continue\s+reading|keep\s+reading"
            r"|read\s+the\s+(?:full|rest\s+of\s+the|original|whole)\s+(?:article|story|report|piece))"
            r"\b.{0,80}$",
            re.IGNORECASE,
        ),
        "continue",
    ),
    (
        re.compile(
            r"^(?:photo|photograph|image|picture|credit|photo\s+credit|file\s+photo)\s*(?::|by\b).{0,200}$",
            re.IGNORECASE,
        ),
        "credit",
    ),
    (_SCRIPTS_AND_COOKIES, "boilerplate"),
    (
        re.compile(
            r"^(?:subscribe\s+(?:to|now).{0,150}|sign\s+up\s+for\s+.{0,150}"
            r"|all\s+rights\s+reserved\.?|copyright\s+(?:©|\(c\)|\d{4}).{0,150}"
            r"|share\s+this\s+(?:article|story|page).{0,50}|advertisement)$",
            re.IGNORECASE,
        ),
        "boilerplate",
    ),
)
_SOURCE_LINE = re.compile(r"^source\s*:\s*.{0,200}$", re.IGNORECASE)
# Every rule above in one pattern: a line it does not match (and that does not end with a
# credit's ")") is reporting, decided in one regex call instead of a dozen. Case is ignored
# throughout, which changes nothing for the one rule without letters. The plain version
# leaves out the notices about scripts and cookies, for texts without their words.
_ANY_RULE, _ANY_PLAIN_RULE = (
    re.compile(
        "|".join(
            f"(?:{pattern.pattern})"
            for pattern in (
                *(p for p, _ in _BLOCKS),
                _RELATED_HEADING,
                _CONTENTS_HEADING,
                *(p for p, _ in _LINE_RULES if p is not _SCRIPTS_AND_COOKIES or notices),
                _SOURCE_LINE,
            )
        ),
        re.IGNORECASE,
    )
    for notices in (True, False)
)
_PROSE = 150
_FOOTER = 8


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, stripped line)`` for every non-blank line, offsets of the stripped part."""
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped), stripped


def _is_prose(line: str) -> bool:
    """A paragraph of reporting rather than a headline in a list of links."""
    return len(line) > _PROSE or (line.endswith(".") and len(line.split()) > 15)


def _block_kind(line: str) -> SectionKind | None:
    for pattern, kind in _BLOCKS:
        if pattern.match(line):
            return kind
    return None


def find_sections(text: str) -> tuple[Section, ...]:
    """The non-reporting spans of ``text``, sorted and never overlapping."""
    lines = list(_lines(text))
    plain = len(lines) > _FEW_LINES and not _may_have_notices(text)
    any_rule = _ANY_PLAIN_RULE if plain else _ANY_RULE
    found: list[Section] = []
    index = 0
    while index < len(lines):
        start, end, line = lines[index]
        if not line.endswith(")") and not any_rule.match(line):
            index += 1
            continue
        kind = _block_kind(line)
        if kind is not None:
            stop = index + 1
            while stop < len(lines) and _block_kind(lines[stop][2]) is None:
                stop += 1
            found.append(Section(start, lines[stop - 1][1], kind))
            index = stop
            continue
        is_related = bool(_RELATED_HEADING.match(line))
        if is_related or _CONTENTS_HEADING.match(line):
            stop = _list_end(lines, index, is_related)
            if is_related or stop > index + 1:
                kind = "related" if is_related else "boilerplate"
                found.append(Section(start, lines[stop - 1][1], kind))
                index = stop
                continue
        found.extend(_line_section(start, end, line, index >= len(lines) - _FOOTER))
        index += 1
    return tuple(found)


def _may_have_notices(text: str) -> bool:
    """Whether ``_SCRIPTS_AND_COOKIES`` could match a line of ``text`` (its words occur).

    Dropping the non-ASCII characters can only join words, never split one, so ASCII
    bytes are enough, apart from the few letters re takes for ASCII ones.
    """
    lowered = text.encode("ascii", "ignore").lower()
    return any(map(lowered.__contains__, _NOTICE_WORDS)) or (
        not text.isascii() and any(map(text.__contains__, _CASE_SPECIALS))
    )


def _list_end(lines: list[tuple[int, int, str]], index: int, is_related: bool) -> int:
    """Index after the list under a heading: short link lines, or contents entries with pages."""
    stop = index + 1
    while stop < len(lines) and _block_kind(lines[stop][2]) is None:
        line = lines[stop][2]
        if (is_related and _is_prose(line)) or (
            not is_related and not _CONTENTS_ENTRY.search(line)
        ):
            break
        stop += 1
    return stop


# A photo credit closing a caption line: "... in Karachi on Feb. 12, 2015. (European Pressphoto
# Agency)". Only the parenthesis is a credit; the caption before it describes events.
_TRAILING_CREDIT = re.compile(
    r"\((?:[^()]{0,60}\b(?:photo|pressphoto|photograph|getty|images?|reuters|afp|ap"
    r"|epa|associated\s+press|courtesy|file|credit|shutterstock|xinhua|anadolu|bloomberg)\b"
    r"[^()]{0,60})\)$",
    re.IGNORECASE,
)


def _line_section(start: int, end: int, line: str, in_footer: bool) -> list[Section]:
    for pattern, kind in _LINE_RULES:
        if pattern.match(line):
            return [Section(start, end, kind)]
    credit = _TRAILING_CREDIT.search(line)
    if credit is not None and credit.start() <= 500:
        return [Section(start + credit.start(), end, "credit")]
    if in_footer and _SOURCE_LINE.match(line):
        return [Section(start, end, "credit")]
    return []
