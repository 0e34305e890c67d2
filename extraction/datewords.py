"""The words dates are written with: month names, small numbers, and where a word starts."""

from __future__ import annotations

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
#: A month's name, whole or shortened (add ``re.IGNORECASE`` for lower-case forms).
MONTH_NAME = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
MONTH = rf"(?:{MONTH_NAME})\.?"
FULL_MONTHS = frozenset((
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
))  # fmt: skip


def starts_word(text: str, i: int, floor: int) -> bool:
    """Whether ``text[i]`` starts a word (``floor`` is where the text looked at begins)."""
    return i <= floor or not (text[i - 1].isalnum() or text[i - 1] == "_")
