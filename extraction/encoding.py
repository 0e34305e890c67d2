"""Turn the bytes of a text file into clean ``str``: detect the encoding, refuse binary data.

Normalisations applied to every text (documented in docs/documents.md):
a leading byte-order mark is dropped, ``\\r\\n`` and lone ``\\r`` become ``\\n``, and NUL
characters are removed. Nothing else is changed, so offsets into the result are stable.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter

from charset_normalizer import from_bytes

logger = logging.getLogger(__name__)

_SAMPLE = 64 * 1024
# Control bytes that never occur in real text files (tab, LF, FF, VT, CR and ESC excluded).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
# Every other byte, deleted with bytes.translate to count the control bytes in C.
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_CONTROL_SHARE = 0.02
# Magic numbers of common binary formats, so the message can say what the file really is.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Codecs in which a CR or NUL character can only come from text holding a 0x0D or 0x00 byte
# (in UTF-16 and UTF-32 a CR holds a zero byte too).
_CR_NUL_FROM_THEIR_BYTES = frozenset(
    {"utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252", "latin-1"}
)
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "iso8859_1"})


# Zero-width joiners and non-joiners are left alone: they shape Arabic-script words.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


class BinaryData(ValueError):
    """The bytes are not text; the message says what they look like."""


def normalise(text: str) -> str:
    """Apply the documented normalisations: no BOM, ``\\n`` line endings, no NULs, and
    none of the invisible marks that split words for a reader's eye but not for matching
    (soft hyphens, zero-width spaces, word joiners: "Kara\\u00adchi" is "Karachi")."""
    text = text.removeprefix("\ufeff")
    return _visible(text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", ""))


def _visible(text: str) -> str:
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` starts with, if it is a known one."""
    for magic, what in _SIGNATURES:
        # "MZ" is too short to trust alone: require the DOS header's zero padding too.
        if data.startswith(magic) and (magic != b"MZ" or data[2:4] in (b"\x90\x00", b"\x50\x00")):
            return what
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """Guess UTF-16 without a BOM from NULs in every other byte (mostly-Latin text)."""
    if len(sample) < 8 or len(sample) % 2 or 0 not in sample:
        return None
    half = len(sample) // 2
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.4 and even < 0.02:
        return "utf-16-le"
    if even > 0.4 and odd < 0.02:
        return "utf-16-be"
    return None


def _utf16_one_script(sample: bytes) -> str | None:
    """Guess UTF-16 without a BOM for non-Latin text: high bytes from a few Unicode blocks.

    Text in one script (Arabic, Cyrillic, Devanagari …) plus spaces and digits has at most a
    couple of distinct high bytes, while its low bytes vary; random bytes vary in both.
    """
    if len(sample) < 16 or len(sample) % 2:
        return None
    for high, low, name in (
        (sample[1::2], sample[0::2], "utf-16-le"),
        (sample[0::2], sample[1::2], "utf-16-be"),
    ):
        if _top_two_share(high) > 0.9 and _top_two_share(low) < 0.5:
            try:
                sample.decode(name)
            except UnicodeDecodeError:
                continue
            return name
    return None


def _top_two_share(values: bytes) -> float:
    counts = sorted(Counter(values).values(), reverse=True)
    return sum(counts[:2]) / len(values)


def _utf8(data: bytes) -> tuple[bool, str | None]:
    """Whether ``data`` is valid UTF-8, or UTF-8 text with a few stray bytes (decoded as
    U+FFFD rather than mojibake); and the text when it is valid, so it is decoded once."""
    try:
        return True, data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return good >= 3 and bad <= max(1, good // 20), None


def _control_share(sample: bytes) -> float:
    return len(sample.translate(None, _NOT_CONTROL)) / max(len(sample), 1)


def detect(data: bytes) -> str:
    """The Python codec name to decode ``data`` with; raises ``BinaryData`` for non-text."""
    return _detect(data)[0]


def _detect(data: bytes) -> tuple[str, str | None]:
    """``detect``'s answer, and the text when it is valid UTF-8 (already decoded)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, None
    what = sniff_binary(data)
    if what is not None:
        raise BinaryData(f"binary data: looks like {what}, not text")
    sample = data[:_SAMPLE]
    guess = _utf16_without_bom(sample)
    if guess is not None:
        return guess, None
    # Cyrillic or Greek in UTF-16 can be valid UTF-8, but with a control byte (the high byte
    # 0x03 or 0x04) in nearly every other position; real UTF-8 text has next to none.
    utf8, text = _utf8(data)
    if utf8 and (len(sample) < 32 or _control_share(sample) <= 0.2):
        return "utf-8", text
    guess = _utf16_one_script(sample[: len(sample) // 2 * 2])
    if utf8 and guess is None:
        return "utf-8", text
    if guess is not None:
        return guess, None
    if _control_share(sample) > _CONTROL_SHARE:
        raise BinaryData("binary data: not text in any known encoding")
    return _legacy_codepage(data), None


def _legacy_codepage(data: bytes) -> str:
    """Pick a single-byte code page, preferring Windows ones when they are as good as the best."""
    matches = from_bytes(data[: 4 * _SAMPLE])
    best = matches.best()
    if best is None:
        raise BinaryData("binary data: not text in any known encoding")
    close = [m.encoding for m in matches if m.chaos <= best.chaos + 0.02]
    if _WESTERN.intersection(close):
        return "cp1252"
    # Documents come from Windows machines far more often than from old Macs or DOS.
    return next((name for name in close if name.startswith("cp125")), best.encoding)


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to normalised text; returns ``(text, encoding)``.

    Raises ``BinaryData`` when the bytes are not text.
    """
    encoding, text = _detect(data)
    if text is None and encoding == "cp1252":
        # Five bytes are undefined in Windows-1252; Latin-1 maps them to C1 controls instead.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            encoding, text = "latin-1", data.decode("latin-1")
    elif text is None:
        text = data.decode(encoding, errors="replace")
    logger.debug("decoded %d bytes as %s", len(data), encoding)
    if encoding in _CR_NUL_FROM_THEIR_BYTES and b"\r" not in data and b"\x00" not in data:
        return _visible(text.removeprefix("\ufeff")), encoding  # no line ending or NUL to replace
    return normalise(text), encoding
