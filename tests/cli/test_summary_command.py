"""bowlby summary --for-therapist: what it will hold is shown before anything is written, the
file is private (0600) and reads back, and bad choices are refused with the field named."""

from __future__ import annotations

import stat

import pytest
from pypdf import PdfReader

TRIGGER = ["trigger", "--what", "no reply", "--partner", "delayed_reply", "--urge", "text_again"]


@pytest.fixture
def cli(alex_cli):
    invoke = alex_cli

    for strength in ("8", "6"):
        assert cli_ok(invoke(*TRIGGER, "--strength", strength))
    assert cli_ok(
        invoke(
            "feel",
            "--family",
            "fear",
            "--name",
            "rejected",
            "--intensity",
            "6",
            "--core-fear",
            "rejection",
        )
    )
    assert cli_ok(
        invoke("reflect", "--prompt", "comfort_as_a_child", "--answer", "Mum went quiet.")
    )
    return invoke


@pytest.fixture
def outbox(tmp_path):
    """A folder of its own for the summary (the temporary home sits beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def cli_ok(result) -> bool:
    assert result.exit_code == 0, result.output
    return True


def mode_of(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_markdown_is_written_privately_with_yes(cli, outbox):
    output = outbox / "for-dr-lee.md"
    result = cli("summary", "--for-therapist", "-o", str(output), "--yes")
    assert result.exit_code == 0, result.output
    assert "not encrypted" in result.output
    assert mode_of(output) == 0o600
    text = output.read_text("utf-8")
    assert text.startswith("# Summary for a therapist\n\nPrepared by Alex on ")
    assert "| a late or missing reply | 2 | 7.0 |" in text
    assert "| rejected | 1 | 6.0 |" in text
    assert "Mum went quiet" not in text  # reflections are chosen, never default
    assert "Left out by Alex's choice: reflections." in text


def test_pdf_after_confirming_what_it_will_hold(cli, outbox):
    output = outbox / "summary.pdf"
    result = cli(
        "summary",
        "--for-therapist",
        "-o",
        str(output),
        "--include",
        "triggers,reflections",
        stdin="y\n",
    )
    assert result.exit_code == 0, result.output
    assert "  triggers: 2\n  reflections: 1\n" in result.output
    assert "Not included: attachment scores, emotions named, thought records, practice" in (
        result.output
    )
    assert "The summary file is not encrypted" in result.output
    assert mode_of(output) == 0o600
    reader = PdfReader(output)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "sections chosen by Alex: triggers, reflections." in text
    assert "2 triggers logged." in text
    assert "Mum went quiet." in text
    assert "Emotions named" not in text


def test_saying_no_writes_nothing(cli, outbox):
    output = outbox / "summary.md"
    result = cli("summary", "--for-therapist", "-o", str(output), stdin="n\n")
    assert result.exit_code == 0, result.output
    assert "Nothing was written." in result.output
    assert not output.exists()
    assert list(outbox.iterdir()) == []  # no temporary file left behind either


def test_dates_choose_the_period(cli, outbox):
    output = outbox / "old.md"
    result = cli(
        "summary",
        "--for-therapist",
        "-o",
        str(output),
        "--since",
        "2020-01-01",
        "--until",
        "2020-03-31",
        "--include",
        "triggers",
        "--yes",
    )
    assert result.exit_code == 0, result.output
    text = output.read_text("utf-8")
    assert "covers 2020-01-01 – 2020-03-31; sections chosen by Alex: triggers." in text
    assert "## Triggers\n\nNothing of this kind was recorded in this period." in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--include", "triggers,feelings"],
            "field '--include': 'feelings' is not a section: choose from assessments, triggers,",
        ),
        (["--since", "2026-05-01", "--until", "2026-04-01"], "field '--since': the period starts"),
        (["--until", "last week"], "field '--until': use a date such as 2026-01-31."),
    ],
)
def test_bad_choices_are_refused_with_the_field(cli, outbox, args, message):
    output = outbox / "summary.md"
    result = cli("summary", "--for-therapist", "-o", str(output), "--yes", *args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not output.exists()


def test_the_file_kind_and_the_audience_must_be_clear(cli, outbox):
    wrong_kind = cli("summary", "--for-therapist", "-o", str(outbox / "s.docx"), "--yes")
    assert wrong_kind.exit_code == 2
    assert "field '--output': the file must end in .pdf or .md." in wrong_kind.output
    no_audience = cli("summary", "-o", str(outbox / "s.md"), "--yes")
    assert no_audience.exit_code == 2
    assert "--for-therapist" in no_audience.output
    assert list(outbox.iterdir()) == []


def test_the_help_names_every_section():
    from bowlby.cli.summary import INCLUDE_HELP
    from bowlby.insights.therapist_summary import SECTIONS

    assert [name for name in SECTIONS if name not in INCLUDE_HELP] == []
