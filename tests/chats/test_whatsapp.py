"""WhatsApp exports: every layout, date order, clock and language we know, read back exactly;
files that are ambiguous, broken or not WhatsApp at all; and random chats rendered in a random
variant and parsed back (Hypothesis)."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bowlby.chats.formats import whatsapp
from bowlby.chats.formats.whatsapp_markers import EXACT_TEXTS, INVISIBLE_MARKS, SPACES
from bowlby.chats.messages import ChatMessage, MessageKind, ParseOptions, ParseReport
from bowlby.chats.sources import ExportText, open_export, read_chat
from bowlby.errors import InputError

DATA = Path(__file__).parent / "data" / "whatsapp"
BERLIN = ZoneInfo("Europe/Berlin")
TEXT, MEDIA, SYSTEM = MessageKind.TEXT, MessageKind.MEDIA, MessageKind.SYSTEM
DELETED, EDITED = MessageKind.DELETED, MessageKind.EDITED
LRM, NNBSP = "\u200e", "\u202f"
ENCRYPTED = (
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
    "WhatsApp, can read or listen to them."
)


def parse_path(path: Path, date_order=None) -> tuple[list[ChatMessage], ParseReport]:
    report = ParseReport()
    options = ParseOptions(zone=BERLIN, date_order=date_order, format="whatsapp")
    with open_export(path) as (name, stream):
        return list(read_chat(name, stream, options, report)), report


def parse_fixture(name: str, date_order=None) -> list[tuple]:
    """(local time, sender, text, kind, line) of every message, and no line skipped."""
    messages, report = parse_path(DATA / name, date_order)
    assert report.skipped == 0, report.problems
    assert all(message.file == str(DATA / name) for message in messages)
    return [
        (message.sent_at.astimezone(BERLIN).replace(tzinfo=None), *message[1:4], message.line)
        for message in messages
    ]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_android_english_day_first_24_hour():
    assert parse_fixture("android_en_gb.txt") == [
        (at("2026-11-24 18:30"), "", ENCRYPTED + " Tap to learn more.", SYSTEM, 1),
        (
            at("2026-11-24 18:31"),
            "Maya",
            "Are you coming home soon? 🙂\nI made soup\n\nthe one you like ❤️",
            TEXT,
            2,
        ),
        (at("2026-11-24 18:45"), "Jordan", "<Media omitted>", MEDIA, 6),
        (at("2026-11-24 18:46"), "Jordan", "This message was deleted", DELETED, 7),
        (at("2026-11-24 18:47"), "Maya", "You deleted this message", DELETED, 8),
        (at("2026-11-24 18:48"), "Jordan", "on my way, sorry", EDITED, 9),
        (
            at("2026-11-25 07:02"),
            "",
            "Jordan changed their phone number to a new number. Tap to message or add the "
            "new number.",
            SYSTEM,
            10,
        ),
        (at("2026-11-25 07:03"), "", "Missed voice call", SYSTEM, 11),
        (at("2026-11-25 07:04"), "Jordan", "IMG-20261125-WA0001.jpg (file attached)", MEDIA, 12),
        (at("2026-11-25 07:05"), "Maya", "time: 7 o'clock", TEXT, 13),
    ]


def test_ios_month_first_12_hour_with_its_invisible_marks_and_a_bom():
    phone = "+44 7700 900123"
    assert parse_fixture("ios_en_us.txt") == [
        (at("2026-11-24 18:30:05"), "", ENCRYPTED, SYSTEM, 1),
        (at("2026-11-24 18:31:10"), "Maya", "Are you coming home soon?", TEXT, 2),
        (at("2026-11-24 18:45:00"), phone, "image omitted", MEDIA, 3),
        (at("2026-11-24 18:45:30"), phone, "sticker omitted", MEDIA, 4),
        (at("2026-11-24 18:46:02"), phone, "audio omitted", MEDIA, 5),
        (
            at("2026-11-24 18:47:00"),
            "Maya",
            "<attached: 00000012-PHOTO-2026-11-24-18-47-00.jpg>",
            MEDIA,
            6,
        ),
        (at("2026-11-24 18:48:00"), "Maya", "This message was deleted.", DELETED, 7),
        (at("2026-11-24 18:49:00"), "Maya", "see you at 7\nnot 8", EDITED, 8),
        (at("2026-11-25 00:05:00"), "", "Missed video call", SYSTEM, 10),
        (at("2026-11-25 12:10:09"), "Maya", "lunch?", TEXT, 11),
    ]


def test_ios_group_notices_under_the_group_name_are_system_messages():
    number_change = (
        "Jordan changed their phone number to a new number. Tap to message or add the new number."
    )
    assert parse_fixture("ios_group_notices.txt") == [
        (at("2026-11-24 18:30:05"), "", "Maya created group “Family 🏡”", SYSTEM, 1),
        (at("2026-11-24 18:30:06"), "", "Maya added Jordan", SYSTEM, 2),
        (at("2026-11-24 18:31:00"), "Jordan", "I left early, sorry", TEXT, 3),
        (at("2026-11-24 18:32:00"), "", "Jordan left", SYSTEM, 4),
        (at("2026-11-25 09:00:00"), "", "Maya añadió a Jordan", SYSTEM, 5),
        (at("2026-11-25 09:01:00"), "", number_change, SYSTEM, 6),
        (at("2026-11-25 09:02:00"), "", "You blocked this contact. Tap to unblock.", SYSTEM, 7),
    ]


def test_spanish_afternoons_stay_afternoons():
    """p. m. (with no-break spaces) is after noon; 12 a. m. is midnight, 12 p. m. noon."""
    assert parse_fixture("android_es.txt") == [
        (
            at("2026-11-24 18:30"),
            "",
            "Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de "
            "este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos.",
            SYSTEM,
            1,
        ),
        (at("2026-11-24 18:31"), "Maya", "¿Vienes a cenar?", TEXT, 2),
        (at("2026-11-24 23:59"), "Jordan", "<Multimedia omitido>", MEDIA, 3),
        (at("2026-11-25 00:00"), "Jordan", "Se eliminó este mensaje.", DELETED, 4),
        (at("2026-11-25 12:15"), "Maya", "perdona", EDITED, 5),
        (at("2026-11-25 09:05"), "Maya", "buenos días", TEXT, 6),
    ]


def test_german_dotted_dates_and_vorm_nachm():
    assert parse_fixture("android_de.txt") == [
        (
            at("2026-11-24 18:30"),
            "",
            "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses "
            "Chats kann sie lesen oder anhören.",
            SYSTEM,
            1,
        ),
        (at("2026-11-24 18:31"), "Maya", "Hallo 👋", TEXT, 2),
        (at("2026-11-24 18:32"), "Jordan", "<Medien ausgeschlossen>", MEDIA, 3),
        (at("2026-11-24 18:33"), "Jordan", "Diese Nachricht wurde gelöscht.", DELETED, 4),
        (at("2026-11-24 18:34"), "Maya", "Bis gleich", EDITED, 5),
        (at("2026-11-25 06:05"), "Maya", "Guten Morgen", TEXT, 6),
        (at("2026-11-25 18:05"), "Jordan", "Guten Abend", TEXT, 7),
    ]


def test_french_a_between_date_and_time():
    assert parse_fixture("android_fr.txt") == [
        (at("2026-11-24 18:30"), "Maya", "Salut", TEXT, 1),
        (at("2026-11-24 18:31"), "Jordan", "<Médias omis>", MEDIA, 2),
        (at("2026-11-24 18:32"), "Jordan", "Ce message a été supprimé", DELETED, 3),
        (at("2026-11-24 18:33"), "", "Maya a ajouté Jordan", SYSTEM, 4),
    ]


def test_portuguese_without_a_comma_and_da_tarde():
    assert parse_fixture("android_pt_br.txt") == [
        (at("2026-11-24 18:30"), "Maya", "Oi, tudo bem?", TEXT, 1),
        (at("2026-11-24 18:31"), "Jordan", "<Mídia oculta>", MEDIA, 2),
        (at("2026-11-24 18:32"), "Jordan", "Mensagem apagada", DELETED, 3),
        (at("2026-11-24 18:40"), "Maya", "já chego", TEXT, 4),
    ]


def test_indonesian_dotted_times_and_day_periods():
    assert parse_fixture("android_id.txt") == [
        (at("2026-11-24 18:30"), "Maya", "Halo", TEXT, 1),
        (at("2026-11-24 18:31"), "Jordan", "<Media tidak disertakan>", MEDIA, 2),
        (at("2026-11-24 18:32"), "Jordan", "Pesan ini telah dihapus", DELETED, 3),
        (at("2026-11-24 19:15"), "Maya", "sampai nanti", TEXT, 4),
        (at("2026-11-25 13:30"), "Jordan", "makan siang?", TEXT, 5),
    ]


def test_year_first_with_seconds():
    assert parse_fixture("ios_sv_year_first.txt") == [
        (at("2026-11-24 18:30:05"), "Maya", "Hej", TEXT, 1),
        (at("2026-11-24 18:31:00"), "Jordan", "Hej hej", TEXT, 2),
    ]


def test_crlf_line_ends_and_dotted_am_pm_month_first():
    assert parse_fixture("android_en_us_crlf.txt") == [
        (at("2026-11-24 06:30"), "Maya", "morning\nsecond line", TEXT, 1),
        (at("2026-11-24 18:31"), "Jordan", "evening", TEXT, 3),
    ]


def test_the_date_order_is_decided_by_a_day_above_12_late_in_the_file():
    days = [message[0].day for message in parse_fixture("mdy_decided_late.txt")]
    assert days == [2, 3, 5, 12, 24]


def test_an_ambiguous_file_asks_for_the_date_order():
    with pytest.raises(InputError) as raised:
        parse_path(DATA / "ambiguous.txt")
    assert raised.value.detail == (
        "the dates in this export could be read as dmy or mdy (no day is above 12); pass "
        "--date-order dmy, mdy or ymd (day, month, year) to say how to read them."
    )
    assert raised.value.file == str(DATA / "ambiguous.txt")


def test_an_ambiguous_file_is_read_in_the_order_given():
    days = [message[0].date() for message in parse_fixture("ambiguous.txt", "mdy")]
    assert days == [at("2026-01-02").date(), at("2026-03-04").date()]


def test_lines_that_match_nothing_are_reported_and_skipped_not_fatal():
    messages, report = parse_path(DATA / "stray_lines.txt")
    assert [(message.text, message.line) for message in messages] == [
        ("hi", 2),
        ("hello", 5),
        ("bye", 7),
    ]
    assert report.skipped == 4
    assert [(problem.line, problem.message) for problem in report.problems] == [
        (1, "this line has no date and time at its start and comes before any message; skipped."),
        (
            3,
            "the date '31/02/2026' is not a real one when read as dmy; if the export uses "
            "another order, pass --date-order dmy, mdy or ymd (day, month, year) to say how to "
            "read them; the message was skipped.",
        ),
        (4, "this line belongs to the message on line 3 and was skipped with it."),
        (6, "'25:61' is not a time of day; the message was skipped."),
    ]


def test_clock_changes_shift_the_gap_forward_and_take_the_first_repeated_hour():
    messages, _ = parse_path(DATA / "dst_berlin.txt")
    assert [message.sent_at.isoformat() for message in messages] == [
        "2026-03-29T01:59:00+01:00",
        "2026-03-29T03:30:00+02:00",  # 02:30 does not exist: moved forward
        "2026-03-29T03:30:00+02:00",
        "2026-10-25T02:30:00+02:00",  # 02:30 happens twice: the first, summer time
        "2026-10-25T03:30:00+01:00",
    ]
    assert all(message.sent_at.tzinfo is not None for message in messages)


def test_a_file_that_is_not_whatsapp_is_an_input_error():
    text = ExportText("just some notes\nnothing like a chat\n", io.StringIO(""))
    with pytest.raises(InputError) as raised:
        list(whatsapp.parse("notes.txt", text, ParseOptions(zone=UTC), ParseReport()))
    assert raised.value.line == 1
    assert "does not look like a WhatsApp export" in raised.value.detail


def test_a_leading_bom_given_to_parse_is_ignored():
    text = ExportText("\ufeff24/11/2026, 18:30 - Maya: hi\n", io.StringIO(""))
    messages = list(whatsapp.parse("chat.txt", text, ParseOptions(zone=UTC), ParseReport()))
    assert [(message.sender, message.text) for message in messages] == [("Maya", "hi")]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("24/11/2026, 18:30 - Maya: hi\n", True),
        (f"\ufeff[11/24/26, 6:30:05{NNBSP}PM] Maya: hi\n", True),
        ("WhatsApp Chat\n24.11.26, 18:30 - Maya: hi\n", True),
        ('{"name": "Maya", "messages": []}', False),
        ("date,sender,text\n2026-11-24 18:30,Maya,hi\n", False),
        ("[2026-11-24] a note\n24/11/2026, 99 - x\n24/11/2026, 18:30 no dash\n", False),
    ],
)
def test_sniff_recognises_the_layouts(head, expected):
    assert whatsapp.sniff(head, "chat.txt") is expected


def test_a_zip_export_is_read_through_open_export(tmp_path):
    path = tmp_path / "WhatsApp Chat with Maya.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", f"\ufeff[24/11/2026, 18:30:05] Maya: {LRM}image omitted\n")
        archive.writestr("00000012-PHOTO-2026-11-24-18-30-05.jpg", b"\xff\xd8")
    messages, report = parse_path(path)
    assert [(m.sender, m.text, m.kind, m.file) for m in messages] == [
        ("Maya", "image omitted", MEDIA, f"{path}/_chat.txt")
    ]
    assert report.format == "whatsapp"


def test_a_truncated_zip_is_a_clear_input_error(tmp_path):
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", "24/11/2026, 18:30 - Maya: hi\n" * 500)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(InputError) as raised:
        parse_path(cut)
    assert raised.value.file == str(cut)
    assert "damaged or cut short" in raised.value.detail


# Random chats in a random WhatsApp variant, parsed back exactly.

DAY_PERIODS = [
    ("AM", "PM"),
    ("am", "pm"),
    ("a.m.", "p.m."),
    ("a.\u00a0m.", "p.\u00a0m."),
    ("a. m.", "p. m."),
    ("vorm.", "nachm."),
    ("da manhã", "da tarde"),
]
_HIDDEN = INVISIBLE_MARKS + SPACES
names = st.text(
    st.characters(
        exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
        exclude_characters=INVISIBLE_MARKS + ":\r\n",
    ),
    min_size=1,
    max_size=12,
).filter(lambda name: name == name.strip(_HIDDEN) and name.strip())
text_lines = st.text(
    st.characters(
        exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
        exclude_characters=INVISIBLE_MARKS + "\r\n<>()",
    ),
    max_size=30,
)
continuation_lines = text_lines.filter(lambda line: not line[:1].isdigit() and line[:1] != "[")
texts = st.builds(
    lambda first, rest: "\n".join([first, *rest]),
    text_lines,
    st.lists(continuation_lines, max_size=2),
).filter(lambda text: text not in EXACT_TEXTS)


@st.composite
def variants(draw):
    order = draw(st.sampled_from(["dmy", "mdy", "ymd"]))
    return {
        "layout": draw(st.sampled_from(["android", "ios"])),
        "order": order,
        "year_digits": draw(st.sampled_from([2, 4])),
        "separator": draw(st.sampled_from("/.-")),
        "padded": draw(st.booleans()),
        "join": draw(st.sampled_from([", ", " "] if order == "ymd" else [", ", " ", " à "])),
        "twelve_hour": draw(st.booleans()),
        "seconds": draw(st.booleans()),
        "periods": draw(st.sampled_from(DAY_PERIODS)),
        "period_space": draw(st.sampled_from([" ", "\u202f", "\u00a0"])),
        "leading_mark": draw(st.booleans()),
    }


@st.composite
def chats(draw):
    start = draw(st.datetimes(datetime(2010, 1, 1), datetime(2040, 1, 1)))
    gaps = draw(st.lists(st.integers(0, 40 * 86_400), min_size=1, max_size=8))
    moments, moment = [], start.replace(microsecond=0)
    for gap in gaps:
        moment += timedelta(seconds=gap)
        moments.append(moment)
    kinds = st.sampled_from([TEXT, TEXT, TEXT, MEDIA, DELETED, EDITED, SYSTEM])
    return [(when, draw(names), draw(texts), draw(kinds)) for when in moments]


def render_stamp(moment: datetime, variant: dict) -> str:
    year = moment.year % 100 if variant["year_digits"] == 2 else moment.year
    width = 2 if variant["padded"] else 1
    day, month = f"{moment.day:0{width}}", f"{moment.month:0{width}}"
    parts = {"dmy": (day, month, year), "mdy": (month, day, year), "ymd": (year, month, day)}
    date = variant["separator"].join(str(part) for part in parts[variant["order"]])
    hour, period = moment.hour, ""
    if variant["twelve_hour"]:
        hour = moment.hour % 12 or 12
        period = variant["period_space"] + variant["periods"][moment.hour >= 12]
    clock = f"{hour:0{width}}:{moment.minute:02}"
    clock += f":{moment.second:02}" if variant["seconds"] else ""
    mark = LRM if variant["leading_mark"] else ""
    if variant["layout"] == "ios":
        return f"{mark}[{date}{variant['join']}{clock}{period}] "
    return f"{mark}{date}{variant['join']}{clock}{period} - "


def render_message(sender: str, text: str, kind: MessageKind, ios: bool) -> tuple[str, tuple]:
    """The line WhatsApp writes after the stamp, and the (sender, text, kind) it means."""
    mark = LRM if ios else ""
    if kind is MEDIA:
        placeholder = "image omitted" if ios else "<Media omitted>"
        return f"{sender}: {mark}{placeholder}", (sender, placeholder, MEDIA)
    if kind is DELETED:
        return f"{sender}: {mark}This message was deleted.", (
            sender,
            "This message was deleted.",
            DELETED,
        )
    if kind is EDITED and text == text.rstrip(_HIDDEN) and text:
        return f"{sender}: {text} {mark}<This message was edited>", (sender, text, EDITED)
    if kind is SYSTEM:
        notice = "Messages and calls are end-to-end encrypted."
        line = f"{sender}: {LRM}{notice}" if ios else notice
        return line, ("", notice, SYSTEM)
    return f"{sender}: {text}", (sender, text, TEXT)


def order_settles(chat: list, variant: dict) -> bool:
    if variant["order"] == "ymd":
        return variant["year_digits"] == 4
    return any(moment.day > 12 for moment, *_ in chat)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chat=chats(), variant=variants())
def test_random_chats_in_random_variants_read_back_exactly(chat, variant):
    lines, expected = [], []
    for moment, sender, text, kind in chat:
        body, meaning = render_message(sender, text, kind, variant["layout"] == "ios")
        lines.append(render_stamp(moment, variant) + body + "\n")
        shown = moment if variant["seconds"] else moment.replace(second=0)
        expected.append((shown.replace(tzinfo=UTC), *meaning))
    order = None if order_settles(chat, variant) else variant["order"]
    report = ParseReport()
    options = ParseOptions(zone=UTC, date_order=order, format="whatsapp")
    stream = io.StringIO("".join(lines), newline="")
    messages = list(read_chat("chat.txt", stream, options, report))
    assert [(m.sent_at, m.sender, m.text, m.kind) for m in messages] == expected
    assert report.skipped == 0
