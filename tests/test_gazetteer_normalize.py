"""Name folding: one key for every spelling of a name."""

from hypothesis import given
from hypothesis import strategies as st

from gazetteer.normalize import _fold_any, fold, is_latin


def test_case_diacritics_apostrophes_hyphens_and_dots_fold_away() -> None:
    assert fold("Khōst") == fold("KHOST") == fold("khost") == "khost"
    assert fold("Dera Ismail-Khan") == fold("Dera  Ismail Khan") == "dera ismail khan"
    assert fold("Ma’arrat") == fold("Ma'arrat") == fold("Maarrat")
    assert fold("F.A.T.A.") == "fata"
    assert fold("Łódź") == "lodz"
    assert fold("São Paulo (SP)") == "sao paulo sp"
    # Invisible word-break hints: a soft hyphen, a zero-width space, a word joiner.
    assert fold("Kara\u00adchi") == "karachi"
    assert fold("Pesha\u200bwar") == fold("Pe\u2060shawar") == "peshawar"


def test_local_scripts_are_kept() -> None:
    assert fold("پنجاب") == "پنجاب"
    assert not is_latin(fold("پنجاب"))
    assert is_latin(fold("Peshāwar"))


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_folded_keys_have_no_edge_or_double_spaces(text: str) -> None:
    key = fold(text)
    assert key == key.strip()
    assert "  " not in key


@given(st.text(alphabet=st.characters(max_codepoint=0x24F)))
def test_case_never_matters(text: str) -> None:
    assert fold(text.upper()) == fold(text.lower()) or fold(text.upper()) == fold(
        text.upper().lower()
    )


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_shortcut_folds_like_the_unicode_path(text: str) -> None:
    assert fold(text) == _fold_any(text)
