"""Rule-based sentence splitting with character offsets.

Splits after ``.``, ``!``, ``?`` (and closing quotes or brackets) when the next sentence
starts, but not after abbreviations ("Gen.", "Feb.", "U.S.") or initials ("Charles H.
Cleveland"); at blank lines unless a paragraph was cut mid-sentence (PDF page breaks);
and at single line breaks that end a heading, a byline, a bullet or a table row. Overlong
runs without punctuation are cut at a space so that later stages stay linear.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_SENTENCE = 1200
"""Characters; a longer stretch without a boundary (a table, hostile input) is cut."""

PROSE_PARAGRAPH = 200
"""Characters; a paragraph this long that stops without punctuation was cut by a page break."""

PROSE_END = frozenset('.!?"\u201d\u2019)]')
"""What ends a sentence of prose (a title, a heading, a date line ends without it)."""

HEADING_LINE = 80
"""Characters at most of a heading line."""

# Words that end with a dot without ending a sentence (compared lower-cased, dot removed).
# fmt: off
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "brig", "col", "lt", "maj", "capt", "cpl", "sgt",
    "adm", "cmdr", "gov", "sen", "rep", "pres", "rev", "st", "fr", "sr", "jr", "hon", "amb",
    "messrs", "mt", "ft", "no", "nos", "vol", "vols", "pp", "p", "para", "art", "ch", "fig",
    "figs", "ed", "eds", "approx", "est", "etc", "e.g", "i.e", "vs", "cf", "al", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "u.s.a", "e.u", "inc", "ltd", "co", "corp", "dept", "univ", "assn",
))
# fmt: on
_WORD_SEPARATORS = " \n\t\u00a0"
_OPENERS = "(\"'\u201c\u2018["
_WORD_CHAR = f"[^{re.escape(_WORD_SEPARATORS + _OPENERS)}]"
"""Neither a separator nor an opening mark: part of the word before a dot."""
_LONG_WORD = max(map(len, _ABBREVIATIONS)) + 1
# The run of word characters just before a dot, up to one longer than any abbreviation:
# most abbreviation checks are decided by it alone.
_TAIL = re.compile(f"{_WORD_CHAR}{{0,{_LONG_WORD}}}\\Z")


def _maybe_abbreviation() -> str:
    """Lookbehinds (one per length: each must be fixed-width) that hold before the dot
    whenever ``_abbreviation`` could be true: the text ends, case-insensitively, with a
    listed abbreviation or any single character, after a separator, an opening mark or
    the start of the text. ``re``'s case folding is wider than ``str.lower`` (the Kelvin
    sign is a "k"), so this is a superset: the lookbehind only says when to check."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(_ABBREVIATIONS):
        by_length.setdefault(len(word), []).append(re.escape(word))
    heads = [f"(?<=(?<!{_WORD_CHAR}){_WORD_CHAR}\\.)"] + [
        f"(?<=(?<!{_WORD_CHAR})(?i:{'|'.join(words)})\\.)"
        for length, words in sorted(by_length.items())
        if length > 1
    ]
    return "|".join(heads)


# Closing punctuation, quotes or brackets, and a footnote number ("… in Pakistan.”12 The")
# or bracketed citation markers ("… of Pakistan.[2][3] JeM"),
# matched once from the first mark of a run, possessively (so "....." stays linear); the
# next sentence must start with a capital, a digit, a quote, a bracket or a bullet. Runs
# that start with a dot (nearly all) have a pattern of their own, which re finds much
# faster than a choice of first characters; there the group "maybe" is set only when the
# dot may end an abbreviation or an initial, so that 19 in 20 ends skip the check.
_END_TAIL = (
    r"(?<![.!?\u2026][.!?\u2026])[.!?\u2026]*+[\"'\u201d\u2019)\]]*+(?:\d{1,3}|(?:\[\d{1,3}\])++)?"
    r"(?=\s++(?:[^\W_a-z]|[\"'\u201c\u2018(\[\u2022-]))"
)
_END_DOT = re.compile(rf"\.(?:(?:{_maybe_abbreviation()})(?P<maybe>))?{_END_TAIL}")
_END_OTHER = re.compile(rf"[!?\u2026]{_END_TAIL}")
_BLANK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")
_BULLET = re.compile(r"^(?:[-*\u2022\u25aa\u25cf\u2013\u2014]|\d{1,3}[.)]\s|[a-z][.)]\s)")
_SPACE = re.compile(r"\s+")
# A sentence ending inside a line (not an initial's or a title's dot: "By A. Researcher").
_ENDS_INSIDE = re.compile(r"[a-z0-9]{2}[.!?][\"'\u201d\u2019)]?\s+[\"'\u201c\u2018(]?[A-Z]")
# fmt: off
_FUNCTION_WORDS = frozenset((
    "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "as", "that", "which", "who", "its", "their", "his", "her", "into", "than",
))
# fmt: on
_FIRST_END = re.compile(r"[a-z0-9)][.!?][\"'\u201d\u2019)]?\s")
_WRAPPED_LINE = 40
"""Characters; lines around at least this long show the width a text is wrapped at."""
_FITS = 0.9
"""Share of that width a next word must have fitted in for a short line to be deliberate."""
_CLOSERS = PROSE_END | {":", ";"}
_NEARBY = 300
"""Characters around a line in which to find the width it is wrapped at."""


class Sentence(NamedTuple):
    """``text[start:end]`` is the sentence, without surrounding whitespace."""

    start: int
    end: int


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` in order, non-overlapping, trimmed and non-empty."""
    cuts = sorted(set(_punctuation_cuts(text)).union(_line_cuts(text)))
    cuts.append(len(text))
    sentences: list[Sentence] = []
    append, new = sentences.append, tuple.__new__  # the NamedTuple's own __new__ is Python
    start = 0
    for cut in cuts:
        if cut - start <= MAX_SENTENCE:  # the common case, inlined for speed
            rest = text[start:cut].lstrip()
            if rest:
                first = cut - len(rest)
                append(new(Sentence, (first, first + len(rest.rstrip()))))
        else:
            sentences.extend(_trimmed(text, start, cut))
        start = cut
    return tuple(sentences)


_PUNCTUATION = ".!?\u2026"


def _punctuation_cuts(text: str) -> list[int]:
    """Where sentences end at punctuation: after the marks, unless a lone dot ends an
    abbreviation or an initial (a run of marks after the dot is never one)."""
    cuts = [
        match.end()
        for match in _END_DOT.finditer(text)
        if match.group("maybe") is None
        or text[match.start() + 1] in _PUNCTUATION
        or not _abbreviation(text, match.start())
    ]
    if "!" in text or "?" in text or "\u2026" in text:
        cuts += [match.end() for match in _END_OTHER.finditer(text)]
    return cuts


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the word before the dot is an initial or an abbreviation.

    The word runs from the last separator at most 20 characters back, opening quotes and
    brackets dropped; it is compared lower-cased.
    """
    start = _TAIL.search(text, max(0, dot - _LONG_WORD), dot).start()
    if start > 0 and text[start - 1] in _WORD_SEPARATORS:
        word = text[start:dot].lower()  # the whole word, with nothing to drop
    elif dot - start == _LONG_WORD:
        return False  # longer than any abbreviation, whatever comes before
    else:
        low = max(0, dot - 20)
        space = max(text.rfind(c, low, dot) for c in _WORD_SEPARATORS)
        word = text[max(space + 1, low) : dot].lstrip(_OPENERS).lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial
    return word in _ABBREVIATIONS


def _line_cuts(text: str):
    for match in _BLANK.finditer(text):
        if not _continues(text, match.start(), match.end()):
            yield match.start()
    tabbed = "\t" in text  # a table read from a word processor, one row a line
    # Before the first sentence ends lies the header (title, outlet, byline, date): there a
    # short line is a line of its own however the text is wrapped.
    first_end = _FIRST_END.search(text)
    header_end = first_end.start() if first_end else len(text)
    for match in _LINE.finditer(text):
        if "\n" in match.group()[1:]:
            continue  # a blank line, handled above
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start : match.start()].rstrip()
        following = text[match.end() : match.end() + 5]  # room for a bullet "123. "
        if (
            _BULLET.match(following)
            or _BULLET.match(line) and not _wrapped(text, line_start, line)
            or line.endswith("|")  # a table row ("| 2022-03-04 | IS-K | Peshawar |")
            or following[:1] == "|"
            or tabbed and ("\t" in line or "\t" in _next_line(text, match.end()))
            or _heading(text, line_start, line, following, line_start < header_end)
            or line
            and line[-1] in '.!?:\u201d"'
            and following[:1].isupper()
        ):
            yield match.start()


def _next_line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def _heading(text: str, line_start: int, line: str, following: str, header: bool) -> bool:
    """A short line without closing punctuation followed by a capitalised line; not one
    that a sentence ends in ("... Miranshah. The newly formed Tehreek-e-Jihad"), nor one
    ending with a function word ("the BLA and the"), nor, past the ``header``, one of
    hard-wrapped prose whose next word would not have fitted on it (a narrow column
    wrapped before "Waziristan")."""
    if not (0 < len(line) < 60 and line[-1] not in ",;-(" and following[:1].isupper()):
        return False
    if line[:1].islower() and not line.startswith(("http", "www.")):
        return False  # the rest of a wrapped sentence ("forces in Kech, ... while the BLA's")
    if _ENDS_INSIDE.search(line) or line.rsplit(None, 1)[-1] in _FUNCTION_WORDS:
        return False
    return header or not _wrapped(text, line_start, line)


def _wrapped(text: str, line_start: int, line: str) -> bool:
    """Whether ``line`` was wrapped before the next word: in text hard-wrapped at a width
    (the longest line around, at least ``_WRAPPED_LINE``), a line without closing
    punctuation that the next word would not have fitted on, with room to spare
    (proportional fonts wrap unevenly): a numbered paragraph of a PDF ("45. ISIL-K ...")
    goes on below its first line."""
    if not line or line[-1] in _CLOSERS:
        return False
    end = line_start + len(line)
    nearby = text[max(0, line_start - _NEARBY) : end + _NEARBY].split("\n")
    width = max(len(n.rstrip()) for n in nearby[1:-1] or nearby)
    rest = text[end : end + 100].split(None, 1)
    next_word = len(rest[0]) if rest else 0
    return width >= _WRAPPED_LINE and len(line) + 1 + next_word > _FITS * width


def _continues(text: str, start: int, end: int) -> bool:
    """A blank line inside a sentence (a page break in extracted text).

    Nothing closes the text before it, and either lower case follows or the text before is
    a long prose paragraph rather than a heading ("… in the 2016\n\nQuetta attack …").
    """
    before = text[max(0, start - 1) : start]
    after = text[end : end + 1]
    if not before or before in '.!?:"\u201d' or not after.isalnum():
        return False
    if is_table_row(text, Sentence(text.rfind("\n", 0, start) + 1, start)):
        return False  # a table ends there, however long: no prose was cut
    return after.islower() or start - text.rfind("\n\n", 0, start) > PROSE_PARAGRAPH


def _trimmed(text: str, start: int, end: int):
    """The stripped span, cut at spaces if it is longer than ``MAX_SENTENCE``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield from _trimmed(text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield Sentence(start, end)


def is_heading(text: str, sentence: Sentence) -> bool:
    """A short line of its own with no closing punctuation."""
    line = text[sentence.start : sentence.end]
    return len(line) < HEADING_LINE and "\n" not in line and line[-1] not in ".!?:;,\"\u201d"


def is_table_row(text: str, sentence: Sentence) -> bool:
    """Whether the sentence is a row of a table (Markdown pipes, or a word processor's tabs)."""
    return text[sentence.start] == "|" or "\t" in text[sentence.start : sentence.end]


def paragraph_break(text: str, start: int, end: int) -> bool:
    """A blank line between two sentences, or a line break after a one-line paragraph.

    Hard-wrapped text breaks its lines at ~80 characters inside paragraphs; a line as long
    as ``PROSE_PARAGRAPH`` ending at a break is a whole paragraph (web and word-processor text).
    """
    breaks = text.count("\n", start, end)
    if breaks >= 2:
        return True
    return breaks == 1 and start - text.rfind("\n", 0, start) > PROSE_PARAGRAPH
