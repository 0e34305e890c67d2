import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.uploads import UnsafeUpload, safe_name, save_upload

HOSTILE_NAMES = [
    "../../etc/passwd", "/etc/passwd", "..", ".", "", "....//....//x.txt", "..\\..\\win.ini",
    "C:\\Users\\x\\report.docx", "\uff0e\uff0e\uff0fpasswd", "report\u202etxt.exe", "nul\x00byte.pdf",
    ".bashrc", "a/../../b.txt", "\u2025/\u2024\u2024/x.md", " spaced name .txt", "x" * 400 + ".pdf",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_stay_inside_the_uploads_folder(tmp_path, name):
    uploads = tmp_path / "uploads"
    saved = save_upload(name, b"text", uploads)
    assert saved.parent == uploads.resolve()
    assert saved.read_bytes() == b"text"
    assert not saved.name.startswith(".") and len(saved.name) <= 120
    assert list(tmp_path.iterdir()) == [uploads]


def test_names_keep_their_meaning_where_safe():
    assert safe_name("Report 2021 (final).pdf") == "Report_2021_final.pdf"
    assert safe_name("Überblick Khost.docx") == "Überblick_Khost.docx"
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("report\u202etxt.exe") == "reporttxt.exe"


def test_a_different_file_with_the_same_name_does_not_overwrite(tmp_path):
    first = save_upload("a.txt", b"one", tmp_path)
    second = save_upload("a.txt", b"two", tmp_path)
    again = save_upload("a.txt", b"one", tmp_path)
    assert first != second and first == again
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two"


@settings(max_examples=200)
@given(st.text(max_size=60))
def test_any_name_is_a_single_plain_component(name):
    safe = safe_name(name)
    assert safe and "/" not in safe and "\\" not in safe and safe not in {".", ".."}
    assert not safe.startswith(".")
    assert all(c.isalnum() or c in "._-" for c in safe)


def test_unsafe_upload_is_an_error_type():
    assert issubclass(UnsafeUpload, ValueError)
