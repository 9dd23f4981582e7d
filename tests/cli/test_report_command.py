"""bowlby report -o FILE: a private multi-page PDF with every section's heading, or Markdown;
the page count is printed; bad files and dates are refused with the option named."""

from __future__ import annotations

import io
import stat

import pytest
from pypdf import PdfReader

TRIGGER = ["trigger", "--what", "no reply", "--partner", "delayed_reply", "--urge", "text_again"]
HEADINGS = (
    "Your journey in Bowlby",
    "Keep it private",
    "Questionnaires over time",
    "Patterns in your chats",
    "Practice",
    "Journal",
    "What changed",
    "About this report",
)


@pytest.fixture
def cli(alex_cli):
    for strength in ("8", "6"):
        result = alex_cli(*TRIGGER, "--strength", strength)
        assert result.exit_code == 0, result.output
    return alex_cli


@pytest.fixture
def outbox(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_a_pdf_is_written_privately_with_its_pages_counted(cli, outbox):
    output = outbox / "report.pdf"
    result = cli("report", "-o", str(output))
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO(output.read_bytes()))
    pages = len(reader.pages)
    assert pages >= 5
    assert f"Wrote {output} ({pages} pages), readable by you only." in " ".join(
        result.output.split()
    )
    assert "not encrypted" in result.output
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for heading in HEADINGS:
        assert heading in text
    assert "2 triggers logged." in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Your journey in Bowlby"


def test_markdown_for_a_period(cli, outbox):
    output = outbox / "report.md"
    result = cli("report", "-o", str(output), "--since", "2020-01-01", "--until", "2020-03-31")
    assert result.exit_code == 0, result.output
    text = output.read_text("utf-8")
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert text.startswith("# Your journey in Bowlby\n")
    assert "There is nothing recorded for this period yet, and that is fine." in text
    everything = outbox / "all.md"
    assert cli("report", "-o", str(everything)).exit_code == 0
    assert "2 triggers logged." in everything.read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{out}/report.docx"], "field '--output': the file must end in .pdf or .md."),
        (["-o", "{out}/missing/report.pdf"], "field '--output': there is no folder"),
        (
            ["-o", "{out}/report.md", "--since", "2026-05-01", "--until", "2026-04-01"],
            "field '--since': the period starts on 2026-05-01, after it ends on 2026-04-01.",
        ),
        (["-o", "{out}/report.md", "--until", "soon"], "field '--until': use a date such as"),
    ],
)
def test_bad_files_and_dates_are_refused_with_the_option(cli, outbox, args, message):
    result = cli("report", *(arg.format(out=outbox) for arg in args))
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert list(outbox.iterdir()) == []
