"""Serving the web app with uvicorn, with an access log that never shows query strings."""

from __future__ import annotations

import logging

from bowlby.settings import Settings

LOOPBACK = {"127.0.0.1", "localhost"}


class DropQueryStrings(logging.Filter):
    """Cut everything after '?' from logged paths: a query string can hold personal words."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def run(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    demo_logins: list[tuple[str, str]] | None = None,
) -> None:
    """Run the app until interrupted; only loopback host names are accepted on loopback."""
    import uvicorn

    from bowlby.web.app import create_app

    allowed = None if host in LOOPBACK else ["*"]
    app = create_app(settings, demo_logins=demo_logins, allowed_hosts=allowed)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="info",
        server_header=False,
        proxy_headers=False,
    )
    logging.getLogger("uvicorn.access").addFilter(DropQueryStrings())
    uvicorn.Server(config).run()
