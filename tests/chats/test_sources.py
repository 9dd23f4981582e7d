"""Opening an export: a file or the zip holding it, the BOM dropped, line endings kept, and
the sniffed head given back in front of the stream exactly."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bowlby.chats.sources import ExportText, open_export, parse_options
from bowlby.errors import InputError


def test_a_file_opens_without_its_bom_and_keeps_its_line_endings(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_bytes("\ufeffone\r\ntwo\n".encode())
    with open_export(path) as (name, stream):
        assert name == str(path)
        assert list(stream) == ["one\r\n", "two\n"]


def test_a_zip_opens_on_the_chat_inside_it(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("IMG-0001.jpg", b"\xff\xd8")
        archive.writestr("WhatsApp Chat with Sam.txt", "\ufeffhello\n")
    with open_export(path) as (name, stream):
        assert name == f"{path}/WhatsApp Chat with Sam.txt"
        assert stream.read() == "hello\n"


def test_a_damaged_or_empty_zip_and_a_missing_file_say_which_file(tmp_path):
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("chat.txt", "a line of chat\n" * 2000)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:-40])
    damaged = r"cut\.zip: the zip file is damaged or cut short"
    with pytest.raises(InputError, match=damaged), open_export(cut) as (_, stream):
        stream.read()
    photos = tmp_path / "photos.zip"
    with zipfile.ZipFile(photos, "w") as archive:
        archive.writestr("IMG-0001.jpg", b"\xff\xd8")
    with pytest.raises(InputError, match="the zip holds no chat text"), open_export(photos):
        pass
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"nope\.txt: there is no such file"), open_export(missing):
        pass


@given(st.text(alphabet="ab\r\n\u2028 ", max_size=40), st.integers(min_value=0, max_value=40))
def test_the_head_given_back_reads_exactly_like_the_untouched_stream(text, cut):
    expected = list(io.StringIO(text, newline=""))
    stream = io.StringIO(text, newline="")
    head = stream.read(cut)
    assert list(ExportText(head, stream)) == expected
    stream = io.StringIO(text, newline="")
    assert ExportText(stream.read(cut), stream).read() == text


def test_options_are_checked_with_the_flag_that_was_wrong():
    assert parse_options(UTC).zone is UTC
    assert str(parse_options(UTC, zone="Europe/Berlin").zone) == "Europe/Berlin"
    with pytest.raises(InputError, match="--tz"):
        parse_options(UTC, zone="Mars/Olympus")
    with pytest.raises(InputError, match="--date-order"):
        parse_options(UTC, date_order="dym")
    with pytest.raises(InputError, match="--format"):
        parse_options(UTC, format="myspace")
