"""The report's files: a PDF printed by WeasyPrint from the same HTML as the page, and a Word file
written with python-docx into the council's template, so officers can edit it in Word.

The Word template is `herald/reports/docx/council-template.docx` unless HERALD_REPORT_TEMPLATE names
another: any .docx whose styles include Title, Heading 1, Heading 2, List Bullet, List Number and
Table Grid. Its headers, footers, fonts and page set-up are kept; its body text is replaced."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from docx import Document as WordDocument
from docx.shared import Pt

from herald.errors import Refused
from herald.pdf import html_to_pdf
from herald.reports.document import Document

DEFAULT_TEMPLATE = Path(__file__).with_name("docx") / "council-template.docx"
# Word's soft line break (vertical tab) and page break (form feed) come with text pasted from Word;
# XML, and so a .docx, cannot hold them or the other control characters.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]|[\ud800-\udfff]")


def _text(value: object) -> str:
    """The value as text a Word file can hold: breaks kept as line breaks, other control characters dropped."""
    return _CONTROL.sub("", str(value).translate(_BREAKS))


def html(document: Document) -> str:
    return render_to_string("reports/print.html", {"document": document, "council_name": settings.COUNCIL_NAME})


def pdf(document: Document) -> bytes:
    # Through Herald's one printer, which fetches nothing the report's HTML points at (no server file,
    # no network address): the report's words come from officers and the database.
    return html_to_pdf(html(document))


def template_path() -> Path:
    return Path(getattr(settings, "HERALD_REPORT_TEMPLATE", "") or DEFAULT_TEMPLATE)


class TemplateMissing(Refused):
    """HERALD_REPORT_TEMPLATE names a file that is not there (or cannot be read as a Word file)."""


def template_problem() -> str:
    """What is wrong with the Word template the settings name, in words for ICT; "" when it can be used."""
    path = template_path()
    if not path.is_file():
        return f"HERALD_REPORT_TEMPLATE names {path}, which does not exist or is not a file"
    try:
        WordDocument(str(path))
    except Exception as error:  # python-docx raises several kinds for a file that is not a Word file
        return f"HERALD_REPORT_TEMPLATE names {path}, which cannot be read as a Word (.docx) file: {error}"
    return ""


def _bold_paragraph(word, text: str, style: str | None = None) -> None:
    """A paragraph in bold, or an empty one: a paragraph with no text has no run to make bold."""
    paragraph = word.add_paragraph(style=style)
    if text:
        paragraph.add_run(text).bold = True


def _table(word, headers: list[str], rows: list[list], caption: str) -> None:
    _bold_paragraph(word, _text(caption), style="Caption" if "Caption" in _styles(word) else None)
    table = word.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=False):
        cell.text = _text(header)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            cell.text = _text(value)
    word.add_paragraph()


def _styles(word) -> set[str]:
    return {style.name for style in word.styles}


# The styles the report is written in. A template saved by Word holds only the styles used in it (the
# rest are "latent"), so a council's own template often lacks Title, List Bullet or Table Grid.
NEEDED_STYLES = ("Title", "Heading 1", "Heading 2", "List Bullet", "List Number", "Table Grid")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _add_missing_styles(word) -> set[str]:
    """Copy into the council's template each needed style it lacks, from Herald's own template, and say
    which were added. A copied list style loses its numbering (the template's numbering is not Herald's):
    its items then carry their bullet or number as text."""
    missing = [name for name in NEEDED_STYLES if name not in _styles(word)]
    if not missing:
        return set()
    ours = WordDocument(str(DEFAULT_TEMPLATE))
    for name in missing:
        element = copy.deepcopy(ours.styles[name].element)
        # No links to Herald's own numbering or linked character styles, which the template does not have.
        for tag in ("numPr", "link", "rsid"):
            for found in element.findall(f".//{{{_W}}}{tag}"):
                found.getparent().remove(found)
        word.styles.element.append(element)
    return set(missing)


def docx(document: Document) -> bytes:
    """The Word file; TemplateMissing (a refusal) when the council's template cannot be used."""
    problem = template_problem()
    if problem:
        raise TemplateMissing(
            f"The Word file cannot be made because the council's Word template cannot be used: {problem}. "
            "Ask ICT to correct HERALD_REPORT_TEMPLATE"
        )
    word = WordDocument(str(template_path()))
    added = _add_missing_styles(word)
    body = word.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):  # keep the page set-up, headers and footers
            body.remove(child)
    _bold_paragraph(word, _text(settings.COUNCIL_NAME))
    word.add_paragraph(_text(f"{document.committee} {document.meeting_date}"))
    word.add_paragraph(_text(document.title), style="Title")
    if document.report_of:
        word.add_paragraph(_text(f"Report of {document.report_of}."))
    word.add_paragraph(
        _text(f"Figures for {document.period.words}." + (f" {document.signed}." if document.signed else ""))
    )
    for section in document.sections:
        word.add_heading(_text(f"{section.number}. {section.title}"), level=1)
        for block in section.blocks:
            if block.kind == "paragraph":
                paragraph = word.add_paragraph(_text(f"{block.number}\t{block.text}"))
                paragraph.paragraph_format.left_indent = Pt(36)
                paragraph.paragraph_format.first_line_indent = Pt(-36)
            elif block.kind == "list":
                style = "List Number" if block.ordered else "List Bullet"
                for number, item in enumerate(block.items, start=1):
                    marker = "" if style not in added else f"{number}.\t" if block.ordered else "\u2022\t"
                    word.add_paragraph(_text(marker + item), style=style)
            elif block.part is not None:
                part = block.part
                word.add_heading(_text(f"{block.number} {part.title}"), level=2)
                if part.empty_text:
                    word.add_paragraph(_text(part.empty_text))
                for text in part.paragraphs:
                    word.add_paragraph(_text(text))
                for chart in part.charts:
                    table = chart.as_table()
                    _table(word, table.headers[:1] + table.headers[1:], table.rows, f"{chart.title} (chart data)")
                for table in part.tables:
                    _table(word, table.headers, table.rows, table.caption)
    for label, value in document.closing:
        paragraph = word.add_paragraph()
        paragraph.add_run(_text(f"{label}: ")).bold = True
        paragraph.add_run(_text(value))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
