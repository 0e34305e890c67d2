"""Build the hostile corpus: bad, tricky and good files, each with the outcome it must produce.

Nothing here is committed as a binary: ``build(folder)`` writes every file afresh (PDFs are
assembled byte by byte, Word files with python-docx, the zip bomb with zipfile). Each ``Case``
says what ``read_document`` must answer: a ``Document`` with the listed properties, or an
``UnreadableFile`` whose reason (and hint) match the given patterns.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import random
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from atlas.records import Document, FileProblem

_MB = 1024 * 1024

ARTICLE = (
    "Militants of the Haqqani network attacked a police checkpoint in Khost province on Monday, "
    "officials said. The group has been active in the area since 2008, and residents said the "
    "fighters withdrew across the border before dawn. Provincial officials in Khost said that "
    "three policemen were killed and that the attackers had planned the raid for weeks."
)
FRENCH = (
    "Les militants du réseau Haqqani ont attaqué un poste de police dans la province de Khost "
    "lundi, selon les responsables. Le groupe est actif dans la région depuis 2008 et les "
    "habitants ont déclaré que les combattants s'étaient retirés avant l'aube."
)
URDU = (
    "حکام کے مطابق حقانی نیٹ ورک کے عسکریت پسندوں نے پیر کے روز صوبہ خوست میں پولیس چوکی پر حملہ "
    "کیا۔ یہ گروہ 2008 سے اس علاقے میں سرگرم ہے۔"
)


@dataclass(frozen=True)
class Case:
    """One file of the corpus and the outcome it must produce."""

    name: str
    what: str
    problem: str | None = None
    """Regex the ``FileProblem.reason`` must match; ``None`` means the file must read."""
    hint: str | None = None
    contains: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    props: Mapping[str, object] = field(default_factory=dict)
    settings: Mapping[str, object] = field(default_factory=dict)
    clock_step: float | None = None
    """Seconds a fake clock advances per reading, to exceed the time limit."""
    open_error: type[OSError] | None = None
    """Error a fake opener raises (permissions cannot be tested for real as root)."""


def text_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF with one Helvetica text line per string, one list per page."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages))), len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for index, lines in enumerate(pages):
        shown = " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for line in lines
        )
        content = f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET".encode("cp1252")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * index)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def encrypted_pdf(plain: bytes, user_password: str, owner_password: str | None = None) -> bytes:
    """``plain`` encrypted with pypdf (AES-128)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_pdf() -> bytes:
    """A 'scanned' page: an image and no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 300), "white")
    ImageDraw.Draw(image).rectangle((40, 40, 360, 260), outline="black", width=4)
    out = io.BytesIO()
    image.save(out, format="PDF")
    return out.getvalue()


def word_document(paragraphs: list[str], title: str = "", author: str = "") -> bytes:
    """A .docx with the paragraphs, a two-cell table and the given core properties."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Location"
    table.rows[0].cells[1].text = "Jalalabad"
    document.core_properties.title = title
    document.core_properties.author = author
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb(expanded_mb: int) -> bytes:
    """A .docx-looking zip whose document.xml inflates to ``expanded_mb`` MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * _MB
            for _ in range(expanded_mb):
                member.write(chunk)
    return out.getvalue()


def html_page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


_GOOD_HTML_HEAD = (
    '<meta charset="utf-8"><title>Checkpoint attack in Khost</title>'
    '<meta name="author" content="Jane Roe">'
    '<meta property="article:published_time" content="2019-03-04">'
)
_GOOD_HTML_BODY = (
    '<nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>'
    f"<article><h1>Checkpoint attack in Khost</h1><p>{ARTICLE}</p>"
    "<p>Officials blamed the same group for earlier attacks in Paktia and Logar.</p></article>"
    "<footer>Copyright 2019 The Daily Example. All rights reserved.</footer>"
)
_HOSTILE_HTML_BODY = (
    "<script>document.write('SCRIPTBODY-HEAD')</script>"
    f"<article><h1>Report</h1><p>{ARTICLE} <script>alert('SCRIPTBODY-INLINE')</script></p>"
    "<p>The attack <img src=x onerror=\"alert('ONERROR-BODY')\"> killed three people. "
    "<a href=\"javascript:alert('JSLINK-BODY')\">More details</a> were released later.</p>"
    "<p><style>p { color: red } /* STYLE-BODY */</style>Residents of Khost said the fighters "
    "came at night and left before the army arrived in the district.</p></article>"
)


def _text_cases() -> list[tuple[Case, bytes]]:
    sentence = ARTICLE + "\n"
    rng = random.Random(6)
    return [
        (Case("empty.txt", "empty file", problem=r"^empty file"), b""),
        (Case("blank.md", "only whitespace", problem=r"^empty file"), b"  \n\n\t \r\n"),
        (Case("only-nuls.txt", "only NUL bytes", problem=r"^empty file"), b"\0" * 64),
        (
            Case("random.txt", "random bytes named .txt", problem=r"^binary data"),
            rng.randbytes(4096),
        ),
        (
            Case("picture.txt", "a PNG named .txt", problem=r"binary data: looks like a PNG"),
            b"\x89PNG\r\n\x1a\n" + rng.randbytes(512),
        ),
        (
            Case("archive.md", "gzip data named .md", problem=r"binary data: looks like a gzip"),
            b"\x1f\x8b\x08\x00" + rng.randbytes(512),
        ),
        (
            Case(
                "report.txt.pdf.txt", "a PDF named .txt", problem=r"binary data: looks like a PDF"
            ),
            text_pdf([["hello"]]),
        ),
        (
            Case("utf8-bom.txt", "UTF-8 with BOM", contains=(ARTICLE,), props={"language": "en"}),
            codecs.BOM_UTF8 + sentence.encode(),
        ),
        (
            Case("utf16le-bom.txt", "UTF-16 LE with BOM", contains=("Khost province", "Zoë")),
            (sentence + "Zoë\n").encode("utf-16"),
        ),
        (
            Case("utf16be-bom.txt", "UTF-16 BE with BOM", contains=("Khost province", "Zoë")),
            codecs.BOM_UTF16_BE + (sentence + "Zoë\n").encode("utf-16-be"),
        ),
        (
            Case("utf16le-nobom.txt", "UTF-16 LE without BOM", contains=("Khost province",)),
            sentence.encode("utf-16-le"),
        ),
        (
            Case("utf16be-nobom.txt", "UTF-16 BE without BOM", contains=("Khost province",)),
            sentence.encode("utf-16-be"),
        ),
        (
            Case(
                "urdu-utf16.txt",
                "Urdu in UTF-16 LE without BOM",
                contains=("حقانی",),
                props={"language": None},
            ),
            URDU.encode("utf-16-le"),
        ),
        (
            Case("latin1.txt", "Latin-1", contains=("à Genève, déclaré", "Müller")),
            (
                "Le chef a été arrêté à Genève, déclaré la police. Herr Müller sagte ja.\n"
                + sentence
            ).encode("latin-1"),
        ),
        (
            Case("cp1252.txt", "Windows-1252 quotes and euro", contains=("“quoted” – 5 €",)),
            ("He said “quoted” – 5 € were paid.\n" + sentence).encode("cp1252"),
        ),
        (
            Case(
                "mixed-endings.txt",
                "CRLF, CR and LF",
                contains=("one\ntwo\nthree\nfour",),
                absent=("\r",),
            ),
            b"one\r\ntwo\rthree\nfour\r\n" + sentence.encode(),
        ),
        (
            Case(
                "nul-bytes.txt",
                "NUL bytes inside text",
                contains=("Khost province",),
                absent=("\0",),
            ),
            sentence.encode().replace(b" ", b" \0", 5),
        ),
        (
            Case(
                "one-line-5mb.txt",
                "a single 5 MB line",
                props={"language": "en"},
                contains=("Khost",),
            ),
            ((ARTICLE.replace(".", ";") + " ") * (5 * _MB // (len(ARTICLE) + 1))).encode(),
        ),
        (
            Case(
                "name with spaces.txt",
                "spaces in the name",
                props={"doc_id": "name with spaces.txt"},
            ),
            sentence.encode(),
        ),
        (
            Case(
                "Kābul – رپورٹ 報告.txt", "unicode name", props={"doc_id": "Kābul – رپورٹ 報告.txt"}
            ),
            sentence.encode(),
        ),
        (
            Case(
                "future-date.txt",
                "publication date in the future",
                props={"published": None, "title": "Attack in Khost province"},
            ),
            f"Attack in Khost province\n\nMarch 3, 2091\n\n{sentence}".encode(),
        ),
        (
            Case("bad-date.txt", "unparseable date in the sidecar", props={"published": None}),
            sentence.encode(),
        ),
        (
            Case(
                "french.txt", "a document in French", props={"language": None}, contains=("réseau",)
            ),
            FRENCH.encode(),
        ),
        (
            Case("urdu.txt", "a document in Urdu", props={"language": None}, contains=("حقانی",)),
            URDU.encode(),
        ),
        (
            Case(
                "good.md",
                "good Markdown with byline and notes",
                props={"title": "Attack in Khost", "author": "Jane Roe", "language": "en"},
                contains=("# Attack in Khost",),
            ),
            f"# Attack in Khost\n\nBy Jane Roe\n\n4 March 2019\n\n{sentence}\nNotes\n\n1. Dawn, 2019.\n".encode(),
        ),
        (
            Case(
                "big.txt",
                "2 MB over a 1 MB limit",
                problem=r"over the limit of 1 MB",
                hint="ATLAS_MAX_FILE_MB",
                settings={"max_file_bytes": _MB},
            ),
            sentence.encode() * (2 * _MB // len(sentence)),
        ),
        (
            Case(
                "slow.txt",
                "time limit exceeded",
                problem=r"longer than the limit",
                hint="ATLAS_SECONDS_PER_DOCUMENT",
                clock_step=1000.0,
            ),
            sentence.encode(),
        ),
        (
            Case(
                "locked.txt",
                "no permission to read",
                problem=r"^permission denied",
                open_error=PermissionError,
            ),
            sentence.encode(),
        ),
        (
            Case("notes.csv", "unsupported extension", problem=r"unsupported file type '\.csv'"),
            b"a,b\n1,2\n",
        ),
        (
            Case("old.doc", "legacy Word format", problem=r"unsupported file type '\.doc'"),
            b"\xd0\xcf\x11\xe0",
        ),
        (
            Case("README", "no extension", problem=r"unsupported file type '\(no extension\)'"),
            sentence.encode(),
        ),
    ]


def _binary_format_cases() -> list[tuple[Case, bytes]]:
    good_pdf = text_pdf(
        [["Attack report", ARTICLE[:90], ARTICLE[90:180]], ["Page two mentions Kabul."]]
    )
    return [
        (
            Case(
                "good.pdf",
                "PDF with a text layer",
                contains=("Attack report", "Page two mentions Kabul."),
            ),
            good_pdf,
        ),
        (
            Case(
                "owner-only.pdf", "PDF encrypted with an empty user password", contains=("Kabul",)
            ),
            encrypted_pdf(good_pdf, "", owner_password="owner"),
        ),
        (
            Case(
                "encrypted.pdf",
                "PDF with a password",
                problem=r"^encrypted PDF",
                hint="encrypted PDF: remove the password and add it again",
            ),
            encrypted_pdf(good_pdf, "secret"),
        ),
        (
            Case("zip.pdf", "a zip named .pdf", problem=r"^not a PDF \(it looks like a zip"),
            _plain_zip(),
        ),
        (
            Case("text.pdf", "plain text named .pdf", problem=r"^not a PDF"),
            ARTICLE.encode(),
        ),
        (
            Case("image.html", "a PNG named .html", problem=r"^binary data: looks like a PNG"),
            b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(300),
        ),
        (
            Case("word.pdf.docx", "a PDF named .docx", problem=r"not a valid \.docx"),
            good_pdf,
        ),
        (
            Case("truncated.pdf", "PDF cut in half", problem=r"^truncated or damaged PDF"),
            good_pdf[: len(good_pdf) // 2],
        ),
        (
            Case("garbage.pdf", "PDF header, garbage body, EOF marker", problem=r"^damaged PDF"),
            b"%PDF-1.4\n" + random.Random(4).randbytes(2000) + b"\n%%EOF\n",
        ),
        (
            Case(
                "scanned.pdf",
                "image-only PDF",
                problem=r"no text layer, OCR not available",
                hint="OCR",
            ),
            image_pdf(),
        ),
        (
            Case(
                "long.pdf",
                "3 pages over a 2-page limit",
                problem=r"3 pages, over the limit of 2",
                hint="ATLAS_MAX_PDF_PAGES",
                settings={"max_pdf_pages": 2},
            ),
            text_pdf([["one"], ["two"], ["three"]]),
        ),
        (
            Case(
                "good.docx",
                "Word document with a table",
                contains=(ARTICLE, "Location\tJalalabad"),
                props={"title": "Raid in Khost", "author": "A. Analyst"},
            ),
            word_document(
                [ARTICLE, "Second paragraph."], title="Raid in Khost", author="A. Analyst"
            ),
        ),
        (
            Case(
                "not-a-zip.docx",
                "text named .docx",
                problem=r"not a valid \.docx \(not a zip archive\)",
            ),
            ARTICLE.encode(),
        ),
        (
            Case("bomb.docx", "zip bomb named .docx", problem=r"^zip bomb", hint="do not open"),
            zip_bomb(20),
        ),
        (
            Case("other.docx", "zip without a Word document", problem=r"not a Word document"),
            _plain_zip(),
        ),
        (
            Case("broken.docx", "Word zip with broken XML", problem=r"^damaged \.docx"),
            _broken_docx(),
        ),
        (
            Case(
                "good.html",
                "article page with navigation",
                contains=("Khost province", "Paktia and Logar"),
                absent=("World news menu",),
                props={
                    "title": "Checkpoint attack in Khost",
                    "author": "Jane Roe",
                    "published_precision": "day",
                },
            ),
            html_page(_GOOD_HTML_BODY, _GOOD_HTML_HEAD),
        ),
        (
            Case(
                "hostile.html",
                "script, onerror and javascript: links",
                contains=("Khost province", "More details"),
                absent=(
                    "SCRIPTBODY",
                    "ONERROR",
                    "JSLINK",
                    "STYLE-BODY",
                    "alert(",
                    "javascript:",
                    "<",
                ),
            ),
            html_page(_HOSTILE_HTML_BODY, "<script>var SCRIPTBODY_TOP = 1;</script>"),
        ),
        (
            Case("script-only.htm", "page with nothing but script", problem=r"^no readable text"),
            html_page("<script>alert('x')</script>"),
        ),
        (
            Case("deep.html", "20000 nested elements", problem=r"^no readable text", hint="nested"),
            html_page("<div>" * 20000 + f"<p>{ARTICLE}</p>" + "</div>" * 20000),
        ),
    ]


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", ARTICLE)
    return out.getvalue()


def _broken_docx() -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(word_document([ARTICLE]))) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            target.writestr(
                item, b"<w:document><unclosed" if item.filename == "word/document.xml" else data
            )
    return out.getvalue()


SIDECAR = (
    "file,title,publication,author,published,url,note\nbad-date.txt,,,,sometime next spring,,\n"
)


def build(folder: Path) -> list[Case]:
    """Write the corpus into ``folder`` and return its cases (at least 40)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for case, data in _text_cases() + _binary_format_cases():
        (folder / case.name).write_bytes(data)
        cases.append(case)
    (folder / "folder.txt").mkdir()
    cases.append(Case("folder.txt", "a folder with a file's name", problem=r"is a folder"))
    cases.append(Case("vanished.txt", "file deleted before reading", problem=r"^file vanished"))
    (folder / "sources.csv").write_text(SIDECAR, encoding="utf-8")
    return cases


def build_large(folder: Path, megabytes: int = 50) -> Path:
    """A ``megabytes`` MB English text file, written in large blocks so it takes seconds."""
    path = folder / "large.txt"
    block = ((ARTICLE + "\n\n") * 2000).encode()
    with path.open("wb") as handle:
        for _ in range(megabytes * _MB // len(block) + 1):
            handle.write(block)
    os.truncate(path, megabytes * _MB)
    return path


class _Clock:
    """A clock that jumps ``step`` seconds at every reading."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def read_case(folder: Path, case: Case, today: dt.date | None = None) -> Document | FileProblem:
    """What ``read_document`` answers for ``case``, with the case's settings, clock and opener."""
    from atlas.settings import Settings
    from extraction.readers import UnreadableFile, read_document

    settings = replace(Settings(), **case.settings)

    def opener(path: str, mode: str) -> BinaryIO:
        if case.open_error is not None:
            raise case.open_error(13, "Permission denied", path)
        return open(path, mode)

    clock = _Clock(case.clock_step or 0.0)
    try:
        return read_document(folder / case.name, settings, today=today, clock=clock, opener=opener)
    except UnreadableFile as err:
        return err.problem


def main(argv: list[str] | None = None) -> None:
    """Build the corpus into a folder and print what ``read_document`` answers for each file.

    ``python -m tests.hostile_corpus FOLDER``: for trying the corpus by hand (dashboard
    uploads, the CLI) and for the list of cases with their outcomes.
    """
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    folder = parser.parse_args(argv).folder
    for case in build(folder):
        outcome = read_case(folder, case)
        if isinstance(outcome, FileProblem):
            answer = f"problem: {outcome.reason} ({outcome.hint})"
        else:
            answer = f"document: {len(outcome.text)} chars, language {outcome.language}"
        print(f"{case.name}\t{case.what}\t{answer}")


if __name__ == "__main__":
    main()
