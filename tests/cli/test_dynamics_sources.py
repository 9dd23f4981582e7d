"""`bowlby dynamics log` and `bowlby dynamics conversations` as Alex uses them (Berlin time):
a hard conversation logged from the command line, its errors naming the turn, and the list."""

from __future__ import annotations

import re


def test_a_hard_conversation_is_logged_and_listed(alex_cli):
    logged = alex_cli(
        "dynamics", "log", "--topic", "the holidays", "--first", "partner",
        "--turns", "-2,-1,-3,0,+1", "--when", "2026-03-07T21:30",
    )  # fmt: skip
    assert logged.exit_code == 0, logged.output
    found = re.fullmatch(r"Logged hard conversation ([0-9a-f]{8}) \(5 turns\)\.\n", logged.output)
    assert found, logged.output
    listed = alex_cli("dynamics", "conversations").output
    assert re.search(
        rf"{found.group(1)} │ 2026-03-07 21:30 │ the holidays │ 5 +│ partner:-2 me:-1 partner:-3 "
        r"me:0 partner:\+1",
        listed,
    ), listed


def test_speakers_in_the_code_say_who_spoke_first(alex_cli):
    logged = alex_cli("dynamics", "log", "--turns", "me:-2 p:-1 me:+2")
    assert logged.exit_code == 0, logged.output
    assert "me:-2 partner:-1 me:+2" in alex_cli("dynamics", "conversations").output


def test_errors_name_the_turn_and_save_nothing(alex_cli):
    wrong = alex_cli("dynamics", "log", "--first", "me", "--turns", "-2 -1 x")
    assert wrong.exit_code == 2
    assert "turn 3: 'x' is not a score; write a whole number from -4 to +4." in wrong.output
    no_first = alex_cli("dynamics", "log", "--turns", "-2 -1")
    assert no_first.exit_code == 2
    assert "say who spoke first (me or partner)." in no_first.output
    bad_first = alex_cli("dynamics", "log", "--first", "bob", "--turns", "-2 -1")
    assert bad_first.exit_code == 2
    assert "'bob' is not a speaker; write me or partner." in bad_first.output
    assert alex_cli("dynamics", "conversations").output == "No hard conversations logged yet.\n"


def scores_code(seed: int, turns: int = 340) -> str:
    from bowlby.dynamics.model import Bilinear, CoupleModel, PartnerModel, simulate

    known = CoupleModel(
        PartnerModel(-0.3, 0.3, Bilinear(0.5, 0.3)),
        PartnerModel(-0.2, 0.4, Bilinear(0.4, 0.2)),
    )
    run = simulate(known, (-1, -1), turns // 2, noise_sd=1.2, seed=seed, round_scores=True)
    pairs = zip(run.first[1:], run.second[1:], strict=True)
    return ",".join(str(int(score)) for pair in pairs for score in pair)


def test_fit_and_whatif_read_the_logged_conversations(alex_cli):
    import json

    for seed in range(2):
        assert (
            alex_cli("dynamics", "log", "--first", "me", "--turns", scores_code(seed)).exit_code
            == 0
        )
    fitted = alex_cli("dynamics", "fit", "--conversation", "all", "--bootstrap", "20", "--json")
    assert fitted.exit_code == 0, fitted.output
    fit = json.loads(fitted.output)
    assert (fit["first_speaker"], fit["second_speaker"]) == ("me", "partner")
    assert fit["pairs"] == {"first": 338, "second": 338, "total": 676}
    assert fit["scoring_version"] == "hand-coded"
    table = alex_cli("dynamics", "fit", "--conversation", "all", "--bootstrap", "0").output
    assert table.startswith("Alex spoke first; 338 + 338 = 676 turn pairs; form turn")
    assert "│ Partner │ inertia" in table
    by_name = alex_cli(
        "dynamics", "whatif", "--conversation", "all", "--who", "alex",
        "--change", "negative_slope=0", "--turns-ahead", "5",
    )  # fmt: skip
    assert by_name.exit_code == 0, by_name.output
    assert "Alex, with the change" in by_name.output
    whatif = alex_cli(
        "dynamics", "whatif", "--conversation", "all", "--who", "me",
        "--change", "negative_slope=0", "--turns-ahead", "5", "--json",
    )  # fmt: skip
    assert whatif.exit_code == 0, whatif.output
    assert len(json.loads(whatif.output)["before"]["first"]) == 6
    assert alex_cli("safety", "mode", "on").exit_code == 0
    paused = alex_cli(
        "dynamics", "whatif", "--conversation", "all", "--who", "me", "--change", "inertia=0"
    )
    assert paused.exit_code == 8
    assert "While safety mode is on, Bowlby pauses" in paused.output
    still = alex_cli("dynamics", "fit", "--conversation", "all", "--bootstrap", "0", "--json")
    assert still.exit_code == 0, still.output


def test_one_source_at_a_time_and_only_ones_own_chats(alex_cli, tmp_path):
    table = tmp_path / "turns.csv"
    table.write_text("conversation,partner,score\nc1,W,0\nc1,H,1\n", encoding="utf-8")
    both = alex_cli("dynamics", "fit", "--turns", str(table), "--conversation", "all")
    assert both.exit_code == 2
    assert "Choose one source: --turns, --chat or --conversation." in both.output
    missing = alex_cli("dynamics", "fit", "--chat", "abcdef12")
    assert missing.exit_code == 3
    assert "There is no chat abcdef12 that you can read." in missing.output
    nothing = alex_cli("dynamics", "fit", "--conversation", "all")
    assert nothing.exit_code == 2
    assert "No hard conversations logged yet." in nothing.output
