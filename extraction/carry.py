"""The year a sentence that gives none takes from the narrative before it.

A report's narrative keeps its date until it gives a new one, and a news story's
paragraphs are a sentence or two: an undated sentence takes the last year of the closest
dated sentence before it in its paragraph or, less surely, in the paragraph before. Not a
year inside an aside ("JA, founded in 2010, operates in Khost" dates nothing after it), nor
one from a non-reporting section or from a line that is no prose (a title, a heading, the
date under a headline); and nothing when the sentence speaks of the present
("still", "now", "has been"; not inside a quotation) or opens another story
("Separately, ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from atlas.records import YearRef
from extraction.clauses import outside_asides
from extraction.sentences import PROSE_END, Sentence, paragraph_break

# A sentence about the present does not inherit the date of the narrative before it.
_NOW = re.compile(
    r"\b(?:now|currently|still|today|remains?|continues?\s+to|maintains?|has\s+(?:also\s+)?(?:been"
    r"|proven|become|shown|a\s+presence)|have\s+(?:also\s+)?(?:been|become|a\s+presence)"
    r"|(?:is|are)\s+(?:(?:still|also)\s+)?(?:believed|based|active|present)|operates|controls"
    r"|fights|recruits|shelters|hides)\b",
    re.IGNORECASE,
)
# A sentence that opens another story: the date of the one before does not carry into it.
_NEW_STORY = re.compile(
    r"(?:Separately|Elsewhere|In\s+(?:a\s+separate|another)\s+(?:incident|attack|case"
    r"|development))\b",
    re.IGNORECASE,
)


class Narrative:
    """The years a document's sentences pass on to the undated ones after them."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[Sentence],
        years: Sequence[tuple[YearRef, ...]],
        reported: Sequence[bool],
    ) -> None:
        """``years[i]``: the references found in ``sentences[i]``; ``reported[i]``: whether
        it stands in reporting text (not a bibliography, notes or related links)."""
        self.text, self.sentences = text, sentences
        self.passed = [
            outside_asides(text, s.start, s.end, None, refs)
            if refs and ok and _ends(text, s)
            else ()
            for s, refs, ok in zip(sentences, years, reported, strict=True)
        ]
        self.dated = [i for i, refs in enumerate(self.passed) if refs]

    def carried(self, i: int) -> tuple[YearRef, bool] | None:
        """The year sentence ``i`` takes if it gives none of its own, and whether a
        paragraph ends between (none when two do: the date lasts into the next paragraph,
        no further)."""
        text, sentence = self.text, self.sentences[i]
        before = bisect_left(self.dated, i) - 1
        if before < 0:
            return None
        if _present(text, sentence) or _NEW_STORY.match(text, sentence.start, sentence.end):
            return None
        j = self.dated[before]
        breaks = 0
        for k in range(j + 1, i + 1):
            breaks += paragraph_break(text, self.sentences[k - 1].end, self.sentences[k].start)
            if breaks > 1:
                return None
        return self.passed[j][-1], breaks == 1


# A quotation: its words are the speaker's, told in the narrative's time.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _present(text: str, sentence: Sentence) -> bool:
    """Whether the sentence speaks of the present outside its quotations ("he later said
    that “there has now been a little improvement”" is told in the past)."""
    if not _NOW.search(text, sentence.start, sentence.end):
        return False
    return _NOW.search(_QUOTED.sub(" ", text[sentence.start : sentence.end])) is not None


# A footnote number or citation markers closing a sentence ("...origin.5", "...[2]").
_CITED = re.compile(r"(?:\d{1,3}|(?:\[\d{1,3}\])+)?\Z")


def _ends(text: str, sentence: Sentence) -> bool:
    """Whether the sentence ends as prose does: a title, a heading or a date line under a
    headline ("29 January 2024", "resolution 2734 (2024)") dates no narrative after it."""
    end = _CITED.search(text, sentence.start, sentence.end).start()
    return end > sentence.start and text[end - 1] in PROSE_END
