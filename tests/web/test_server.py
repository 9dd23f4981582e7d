"""The uvicorn wrapper: its access log keeps paths but never query strings."""

from __future__ import annotations

import inspect
import logging

from bowlby.web import server


def access_record(path: str) -> logging.LogRecord:
    return logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", path, "1.1", 200),
        None,
    )


def test_query_strings_are_cut_from_the_access_log():
    record = access_record("/entries?kind=journal&whose=mine")
    assert server.DropQueryStrings().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /entries HTTP/1.1" 200'


def test_paths_without_a_query_are_logged_as_they_are():
    record = access_record("/entries/new")
    server.DropQueryStrings().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /entries/new HTTP/1.1" 200'


def test_run_takes_what_the_command_line_passes():
    parameters = inspect.signature(server.run).parameters
    assert list(parameters) == ["settings", "host", "port", "demo_logins"]
    assert parameters["host"].default == "127.0.0.1"
    assert parameters["port"].default == 8765
