"""A Word template that is not there, and empty names, still give a clear answer or a Word file."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from docx import Document as WordDocument

from herald.reports import document, output


def test_a_missing_template_is_named_by_the_system_check_at_start_up(settings, tmp_path):
    missing = tmp_path / "council" / "report-template.docx"
    settings.HERALD_REPORT_TEMPLATE = str(missing)
    with pytest.raises(SystemCheckError) as raised:
        call_command("check")
    assert "herald.reports.E001" in str(raised.value) and str(missing) in str(raised.value)


def test_a_template_that_is_not_a_word_file_is_named_by_the_system_check(settings, tmp_path):
    not_word = tmp_path / "template.docx"
    not_word.write_text("a text file saved with the wrong name")
    settings.HERALD_REPORT_TEMPLATE = str(not_word)
    with pytest.raises(SystemCheckError) as raised:
        call_command("check")
    assert str(not_word) in str(raised.value)


def test_herald_own_template_passes_the_check(settings):
    settings.HERALD_REPORT_TEMPLATE = ""
    call_command("check")


def test_downloading_the_word_file_with_a_missing_template_says_so_instead_of_a_server_error(
    client, comms_officer, report, settings, tmp_path
):
    # given ICT named a template the server does not have
    missing = tmp_path / "report-template.docx"
    settings.HERALD_REPORT_TEMPLATE = str(missing)
    client.force_login(comms_officer)
    # when the communications officer downloads the Word file
    response = client.get(reverse("reports:docx", args=[report.pk]))
    # then they are taken back to the report, told why and who can put it right
    assert response.status_code == 302 and response["Location"] == reverse("reports:detail", args=[report.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Word template cannot be used" in page and "HERALD_REPORT_TEMPLATE" in page
    # and the PDF still downloads
    assert client.get(reverse("reports:pdf", args=[report.pk]))["Content-Type"] == "application/pdf"


def test_an_empty_council_name_still_makes_the_word_file(report, settings):
    settings.COUNCIL_NAME = ""
    word = WordDocument(io.BytesIO(output.docx(document.build(report))))
    assert word.paragraphs[0].text == ""
    assert any(p.style.name == "Title" and p.text == report.title for p in word.paragraphs)


def test_a_table_with_an_empty_caption_still_makes_the_word_file(report):
    # given a report whose first table has no caption (a council's own section can leave it empty)
    laid_out = document.build(report)
    part = next(
        block.part for section in laid_out.sections for block in section.blocks if block.part and block.part.tables
    )
    table = part.tables[0]
    object.__setattr__(table, "caption", "")
    # when the Word file is made, then it holds the table with an empty paragraph where the caption was
    word = WordDocument(io.BytesIO(output.docx(laid_out)))
    assert any(t.rows[0].cells[0].text == table.headers[0] for t in word.tables)
