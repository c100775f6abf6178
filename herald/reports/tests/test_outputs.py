"""The Word file and the PDF, read back the way an officer would see them, against the database."""

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from docx import Document as WordDocument
from PIL import Image

from herald.posts.models import Post
from herald.reports import document, output, services
from testing.factories import incident
from testing.fetches import fetches_seen


@pytest.fixture
def laid_out(report, activity):
    return document.build(report)


def _pdf_text(pdf: bytes, tmp_path: Path, *, layout: bool = True) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def test_the_word_file_has_the_numbered_headings_and_the_figures_from_the_database(laid_out, activity):
    word = WordDocument(io.BytesIO(output.docx(laid_out)))

    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["1. Purpose of report", "2. Recommendation", "3. Background to the report"]
    assert headings[-1] == "12. Corporate implications"
    parts = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert "3.5 Posts on the council's accounts" in parts
    assert "3.8 Moderation of comments" in parts
    assert "9.4 Management of significant (Net Red) risks" in parts
    text = "\n".join(p.text for p in word.paragraphs)
    assert "1.1\tThis report sets out how" in text
    assert "No comments or messages were received on the council's accounts" in text
    # the posts-by-account table holds the counts in the database
    published = {
        name: Post.objects.filter(account=activity[key], status="published").count()
        for key, name in (("leisure", "HBBC Leisure"), ("culture", "HBBC Culture"))
    }
    by_account = next(
        t for t in word.tables if t.rows[1].cells[0].text in published and t.rows[0].cells[1].text == "Number"
    )
    rows = {row.cells[0].text: row.cells[1].text for row in by_account.rows[1:]}
    assert rows["HBBC Leisure"] == str(published["HBBC Leisure"])
    assert rows["HBBC Culture"] == str(published["HBBC Culture"])
    risk_table = next(t for t in word.tables if t.rows[0].cells[0].text == "Risk description")
    assert risk_table.rows[1].cells[0].text == "S.04 Damage to reputation/adverse publicity"


def test_the_word_file_keeps_the_council_templates_header(laid_out, settings, tmp_path):
    template = WordDocument(str(output.DEFAULT_TEMPLATE))
    template.sections[0].header.paragraphs[0].text = "Blaby District Council"
    custom = tmp_path / "ours.docx"
    template.save(str(custom))
    settings.HERALD_REPORT_TEMPLATE = str(custom)

    word = WordDocument(io.BytesIO(output.docx(laid_out)))

    assert word.sections[0].header.paragraphs[0].text == "Blaby District Council"
    assert word.paragraphs[0].text == settings.COUNCIL_NAME


def test_the_pdf_reads_with_the_sections_numbering_and_figures(laid_out, activity, tmp_path):
    pdf = output.pdf(laid_out)
    text = _pdf_text(pdf, tmp_path)

    for heading in ("1. Purpose of report", "8. Consultation", "9. Risk implications", "12. Corporate implications"):
        assert heading in text
    assert "3.5" in text and "Posts on the council's accounts" in text
    leisure_line = next(line for line in text.splitlines() if "HBBC Leisure" in line and line.split()[-1].isdigit())
    assert leisure_line.split()[-1] == str(Post.objects.filter(account=activity["leisure"]).count())
    assert "Blocks overridden, with their justifications" in text
    flowing = " ".join(_pdf_text(pdf, tmp_path, layout=False).split())
    assert "The number is the leisure centre's public booking line." in flowing
    assert "Page 1 of" in text


def test_the_pdfs_first_page_renders_as_a_page_with_print_on_it(laid_out, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(output.pdf(laid_out))

    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", str(path), str(tmp_path / "page")], check=True
    )

    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    with Image.open(pages[0]) as first:
        width, height = first.size
        assert height > width  # A4 portrait
        dark = sum(first.convert("L").histogram()[:128])
        assert dark > 500  # text, not a blank page


def test_the_command_writes_the_report_without_the_web_interface(activity, tmp_path, capsys):
    today = timezone.localdate()
    start = (today - dt.timedelta(days=60)).isoformat()
    pdf, docx = tmp_path / "report.pdf", tmp_path / "report.docx"

    call_command("committee_report", "--from", start, "--to", today.isoformat(), "--output", str(pdf))
    call_command("committee_report", "--from", start, "--to", today.isoformat(), "--output", str(docx))

    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Posts on the council's accounts" in _pdf_text(pdf.read_bytes(), tmp_path)
    word = WordDocument(str(docx))
    assert word.paragraphs[2].text == "Social Media Policy and Guidelines: annual review"
    assert "Wrote" in capsys.readouterr().out


def test_the_command_refuses_what_it_cannot_write(db, tmp_path):
    with pytest.raises(CommandError, match=".pdf or .docx"):
        call_command(
            "committee_report", "--from", "2026-01-01", "--to", "2026-03-31", "--output", str(tmp_path / "r.txt")
        )
    with pytest.raises(CommandError, match="not a date"):
        call_command("committee_report", "--from", "1 Jan", "--to", "2026-03-31", "--output", str(tmp_path / "r.pdf"))
    with pytest.raises(CommandError, match="on or after"):
        call_command(
            "committee_report", "--from", "2026-03-31", "--to", "2026-01-01", "--output", str(tmp_path / "r.pdf")
        )


def test_the_command_refuses_a_period_the_web_page_would_refuse_with_the_same_words(db, tmp_path):
    target = str(tmp_path / "r.pdf")
    # to the last day of the calendar: no figures can be counted up to the day after it
    with pytest.raises(CommandError, match="at most three years"):
        call_command("committee_report", "--from", "2026-01-01", "--to", "9999-12-31", "--output", target)
    with pytest.raises(CommandError, match="has not happened yet"):
        call_command("committee_report", "--from", "9999-12-01", "--to", "9999-12-31", "--output", target)
    assert not (tmp_path / "r.pdf").exists()


def test_words_pasted_from_word_with_control_characters_still_make_a_word_file_and_a_pdf(
    client, report, comms_officer, dpo
):
    # Word's soft line break (vertical tab) and a page break (form feed) arrive with pasted text.
    services.edit_report(
        report,
        narrative={**report.narrative, "background": "Line one\x0bline two\x0cand the rest."},
        checklist=[],
        period_start=report.period_start,
        period_end=report.period_end,
        officer=report.officer,
        by=comms_officer,
        contact_officer="Jo Bloggs\x0b ext 5678",
    )
    incident("personal_data_breach", by=dpo, summary="List\x1bemailed to the wrong person")
    client.force_login(comms_officer)

    word = client.get(f"/reports/{report.pk}/report.docx")
    assert word.status_code == 200
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(word.content)).paragraphs)
    assert "Line one" in text and "line two" in text and "and the rest." in text
    assert "Jo Bloggs" in text
    assert client.get(f"/reports/{report.pk}/report.pdf").status_code == 200


def test_printing_the_pdf_fetches_nothing_a_reports_html_points_at(laid_out, monkeypatch, tmp_path):
    # given a report whose HTML points at a file on the server and an address on the internet
    # (as text that slipped past escaping would)
    secret = tmp_path / "secret.png"
    Image.new("RGB", (4, 4), "red").save(secret)
    drawn = output.html(laid_out)
    pointing = drawn.replace(
        "</body>",
        f'<img src="file://{secret}" alt=""><img src="http://192.0.2.1/tracker.png" alt="">'
        '<link rel="stylesheet" href="http://192.0.2.1/style.css"></body>',
    )
    monkeypatch.setattr(output, "html", lambda document: pointing)
    opened = fetches_seen(monkeypatch)
    # when the PDF is printed
    pdf = output.pdf(laid_out)
    # then it is printed, and nothing was fetched from the server's files or the network
    assert pdf.startswith(b"%PDF")
    assert [url for url in opened if not url.startswith("data:")] == []


def test_a_council_template_saved_by_word_without_the_list_title_and_table_styles_still_makes_the_word_file(
    report, activity, settings, tmp_path
):
    # given a template as Word saves it: styles never used in it (Title, List Bullet...) are not in it
    template = WordDocument(str(output.DEFAULT_TEMPLATE))
    template.sections[0].header.paragraphs[0].text = "Blaby District Council"
    for name in ("Title", "Heading 1", "Heading 2", "List Bullet", "List Number", "Table Grid"):
        element = template.styles[name].element
        element.getparent().remove(element)
    custom = tmp_path / "from-word.docx"
    template.save(str(custom))
    settings.HERALD_REPORT_TEMPLATE = str(custom)
    report.narrative = {**report.narrative, "purpose": "Why:\n\n- first reason\n- second reason"}

    word = WordDocument(io.BytesIO(output.docx(document.build(report))))

    assert word.sections[0].header.paragraphs[0].text == "Blaby District Council"
    assert [p.text for p in word.paragraphs if p.style.name == "Title"] == [report.title]
    assert "1. Purpose of report" in [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert bullets[:2] == ["\u2022\tfirst reason", "\u2022\tsecond reason"]
    assert word.tables and all(table.style.name == "Table Grid" for table in word.tables)
