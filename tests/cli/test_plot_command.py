"""`bowlby plot` as Alex uses it: the list, files in each format (0600, the right signature),
and clear errors for an unknown name, a wrong suffix and nothing to draw yet (no file)."""

from __future__ import annotations

import stat

import pytest

from bowlby.insights.plot_catalogue import CATALOGUE


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def answer_ecr_s(cli) -> None:
    started = cli("assess", "take", "ecr-s", stdin="\n".join(["4"] * 12) + "\n")
    assert started.exit_code == 0, started.output


def test_the_list_names_every_plot_and_what_it_shows(cli):
    result = cli("plot", "--list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split(" ")[0] for line in lines] == list(CATALOGUE)
    assert lines[0] == (
        "plane (svg, png, pdf): "
        "Your results on the anxiety–avoidance plane, earlier ones as a trail."
    )
    assert any(line.startswith("cycle (svg): ") for line in lines)


def test_it_writes_each_format_privately_with_the_right_signature(cli, tmp_path):
    answer_ecr_s(cli)
    for suffix, magic in ((".svg", b"<svg"), (".png", b"\x89PNG"), (".pdf", b"%PDF")):
        target = tmp_path / f"plane{suffix}"
        result = cli("plot", "plane", "-o", str(target))
        assert result.exit_code == 0, result.output
        assert f"Wrote {target}, readable by your user account only." in result.output
        assert "The attachment plane: The attachment plane, anxiety across" in result.output
        assert target.read_bytes().startswith(magic)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_unknown_name_lists_the_plots(cli, tmp_path):
    result = cli("plot", "pie", "-o", str(tmp_path / "pie.png"))
    assert result.exit_code == 2
    assert "there is no plot 'pie'. Plots: plane, plane-couple, ratio," in result.output
    assert not (tmp_path / "pie.png").exists()


def test_a_wrong_suffix_or_no_output_is_an_input_error(cli, tmp_path):
    result = cli("plot", "plane", "-o", str(tmp_path / "plane.jpg"))
    assert result.exit_code == 2
    assert result.output == "Error: field '--output': the file must end in .svg, .png or .pdf.\n"
    missing = cli("plot", "plane")
    assert missing.exit_code == 2
    assert "say where to write it" in missing.output


def test_nothing_to_draw_yet_says_what_to_do_and_writes_nothing(cli, tmp_path):
    target = tmp_path / "ratio.png"
    result = cli("plot", "ratio", "-o", str(target))
    assert result.exit_code == 3
    assert "Nothing to draw yet. No moments logged on the 5:1 ledger" in result.output
    assert not target.exists()


def test_the_cycle_is_svg_only(cli, tmp_path):
    assert cli("cycle", "new", "The chase").exit_code == 0
    result = cli("plot", "cycle", "-o", str(tmp_path / "cycle.png"))
    assert result.exit_code == 2
    assert "can be written as .svg only" in result.output
    assert not (tmp_path / "cycle.png").exists()
    drawn = cli("plot", "cycle", "-o", str(tmp_path / "cycle.svg"))
    assert drawn.exit_code == 0, drawn.output
    assert "The chase" in (tmp_path / "cycle.svg").read_text()
