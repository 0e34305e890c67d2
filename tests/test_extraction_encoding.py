"""Encoding detection and text normalisation."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from extraction.encoding import BinaryData, decode, detect, normalise, sniff_binary

ENGLISH = "The fighters withdrew from the district before dawn, officials said.\n" * 3


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ENGLISH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), "utf-8"),
        (ENGLISH.encode("utf-16"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), "utf-16-be"),
        (ENGLISH.encode("utf-16-le"), "utf-16-le"),
        (ENGLISH.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + ENGLISH.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_encodings_are_recognised(data, encoding):
    assert detect(data) == encoding
    assert decode(data)[0] == ENGLISH


@pytest.mark.parametrize(
    "text",
    [
        "Le chef a été arrêté à Genève, a déclaré la police française hier soir.",
        "Herr Müller sagte, die Größe der Gruppe sei über hundert Kämpfer.",
        "He said “the group” – about 5 € per fighter – was paid… every month.",
    ],
)
def test_western_code_pages_decode_to_the_right_letters(text):
    data = text.encode("cp1252")
    assert decode(data)[0] == text


def test_latin1_only_bytes_fall_back_cleanly():
    # 0x81 is undefined in Windows-1252: the decoder must not fail on it.
    data = "Café ".encode("latin-1") + b"\x81" + " résumé naïve à la carte".encode("latin-1")
    text, encoding = decode(data)
    assert text.startswith("Café ") and "résumé" in text
    assert encoding in {"latin-1", "cp1252"} or "\ufffd" not in text


def test_cyrillic_code_page_is_not_forced_into_latin():
    text = "Боевики атаковали блокпост в провинции Хост в понедельник, сообщили чиновники. " * 3
    assert decode(text.encode("cp1251"))[0] == text


def test_normalise_line_endings_nul_and_bom():
    assert normalise("\ufeffa\r\nb\rc\n\x00d") == "a\nb\nc\nd"


def test_normalise_drops_invisible_word_breaks_but_not_joiners():
    # A soft hyphen, a zero-width space, a word joiner and an inner BOM (a zero-width
    # no-break space) split a name only for matching, never for the eye.
    assert normalise("Kara\u00adchi, Pesha\u200bwar, Ko\u2060hat, x\ufeffy") == (
        "Karachi, Peshawar, Kohat, xy"
    )
    assert normalise("\u0645\u06cc\u200c\u0634\u0648\u062f") == "\u0645\u06cc\u200c\u0634\u0648\u062f"


def test_nul_bytes_inside_utf8_are_dropped_not_binary():
    assert decode(b"Khost\x00 province\x00")[0] == "Khost province"


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("size", [64, 2048, 100_000])
def test_random_bytes_are_binary(seed, size):
    noise = random.Random(seed).randbytes(size)
    with pytest.raises(BinaryData, match="binary data"):
        decode(noise)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04rest", "zip"),
        (b"\x89PNG\r\n\x1a\nrest", "PNG"),
        (b"\x7fELF\x02\x01", "ELF"),
        (b"MZ\x90\x00\x03", "Windows program"),
    ],
)
def test_known_binary_formats_are_named(data, what):
    assert what in (sniff_binary(data) or "")
    with pytest.raises(BinaryData, match=what):
        decode(data)


def test_text_starting_with_mz_is_still_text():
    assert decode(b"MZ Khost report")[0] == "MZ Khost report"


@given(st.text())
def test_any_unicode_text_survives_a_utf8_round_trip(text):
    assert decode(text.encode("utf-8"))[0] == normalise(text)


def test_utf8_with_a_stray_byte_stays_utf8():
    data = "He said “the group” – in Kābul – was paid 5 €. ".encode() * 3 + b"\xff end"
    text, encoding = decode(data)
    assert encoding == "utf-8"
    assert "“the group” – in Kābul" in text and text.endswith("\ufffd end")


URDU = (
    "حکام کے مطابق حقانی نیٹ ورک کے عسکریت پسندوں نے پیر کے روز صوبہ خوست میں پولیس چوکی پر حملہ کیا۔ "
    * 3
)
RUSSIAN = "Боевики атаковали блокпост в провинции Хост в понедельник, сообщили чиновники. " * 3


@pytest.mark.parametrize("text", [URDU, RUSSIAN])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_other_scripts(text, codec):
    assert decode(text.encode(codec)) == (text, codec)


def test_utf8_urdu_without_spaces_stays_utf8():
    text = URDU.replace(" ", "")
    assert decode(text.encode("utf-8")) == (text, "utf-8")


_LINE_PIECES = [
    "a",
    "\r\n",
    "\r",
    "\n",
    "\x00",
    "\ufeff",
    "\u00e9",
    "\u062e",
    "\u4e2d",
    "\U0001f600",
]


@example(b"\xef\xbb\xbfa\r\nb")
@example("a\r\nb".encode("utf-16"))
@example("\u4e2d\u6587\r".encode("utf-16-le"))
@given(
    st.one_of(
        st.binary(max_size=64),
        st.tuples(
            st.lists(st.sampled_from(_LINE_PIECES) | st.text(max_size=3), max_size=20).map("".join),
            st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252"]),
        ).map(lambda pair: pair[0].encode(pair[1], errors="replace")),
    )
)
def test_decode_is_detect_then_the_codec_then_normalise(data):
    """The shortcuts (UTF-8 decoded once, no replacing without CR or NUL bytes) change nothing."""
    try:
        encoding = detect(data)
    except BinaryData:
        with pytest.raises(BinaryData):
            decode(data)
        return
    text, used = decode(data)
    if used == "latin-1":  # Windows-1252 with one of its five undefined bytes
        assert encoding == "cp1252"
    else:
        assert used == encoding
    assert text == normalise(data.decode(used, errors="replace"))
