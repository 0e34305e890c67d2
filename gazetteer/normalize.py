"""Name folding: the key under which names are stored and looked up.

``fold`` makes "Khōst", "KHOST", "Khost." and "khost" one key; "Dera Ismail-Khan" and
"Dera Ismail Khan" one key; "Ma'arrat" and "Ma’arrat" and "Maarrat" one key.  Folding is
idempotent (``fold(fold(x)) == fold(x)``), which the index relies on: names are folded
once when the index is built and again, identically, when a span is looked up.
"""

from __future__ import annotations

import re
import unicodedata

#: Letters NFKD does not decompose into a base letter and a combining mark.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
        "Ŧ": "t",
        "ŋ": "ng",
        "Ŋ": "ng",
    }
)
#: Apostrophes and the ayn/hamza letters used in transliterations, and dots: dropped, so
#: that "Ma'arrat", "Ma’arrat" and "Maarrat" meet, and "F.A.T.A." folds like "FATA"; and
#: the invisible marks that break no word for the eye (soft hyphen, zero-width space, word
#: joiner, zero-width no-break space): "Kara\u00adchi" is "Karachi".
_DROP = frozenset("'’‘`´ʼʻʿʾʹʽ.\u00ad\u200b\u2060\ufeff")
_SPACES = re.compile(r" +")
#: The same folding for plain ASCII, where NFKD and casefolding change nothing: most names
#: in English texts take this path, at a fraction of the cost.
_ASCII = str.maketrans(
    {
        **{chr(c): " " for c in range(128) if not chr(c).isalnum()},
        **dict.fromkeys((c for c in _DROP if c.isascii()), None),
    }
)


def _keep(ch: str) -> str:
    """A letter, digit or spacing mark stays; anything else (hyphens, dashes, commas,
    slashes, brackets, symbols, controls) separates words."""
    if ch in _DROP:
        return ""
    return ch if unicodedata.category(ch)[0] in "LNM" else " "


def fold(name: str) -> str:
    """Fold ``name`` to its lookup key: lower case, no diacritics, no apostrophes or dots,
    other punctuation turned into single spaces, trimmed."""
    if name.isascii():
        return _SPACES.sub(" ", name.lower().translate(_ASCII)).strip()
    return _fold_any(name)


def _fold_any(name: str) -> str:
    """``fold`` for any text: Unicode normalisation and casefolding."""
    # NFKD first ("𝐴" -> "A"), then casefold, then NFKD again for what casefolding
    # composes ("İ" -> "i" + combining dot).
    text = unicodedata.normalize("NFKD", name).casefold().translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(_keep(ch) for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip()


def is_latin(key: str) -> bool:
    """Whether a folded key is written in (unaccented) Latin letters, digits and spaces."""
    return key.isascii()
