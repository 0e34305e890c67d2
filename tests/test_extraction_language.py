"""The cheap language guess."""

from __future__ import annotations

from extraction.language import guess_language

BODY = (
    "Militants attacked a checkpoint in the district on Monday, officials said, and the "
    "fighters withdrew across the border before dawn according to residents of the area.\n"
)


def test_language_guess():
    assert guess_language(BODY * 2) == "en"
    assert (
        guess_language(
            "Les militants ont attaqué un poste de police dans la province de Khost lundi."
        )
        is None
    )
    assert (
        guess_language(
            "حکام کے مطابق عسکریت پسندوں نے پیر کے روز صوبہ خوست میں پولیس چوکی پر حملہ کیا۔"
        )
        is None
    )
    assert guess_language("12 34") is None
