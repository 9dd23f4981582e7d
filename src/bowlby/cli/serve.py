"""bowlby serve: the web app on this computer."""

from __future__ import annotations

import typer

from bowlby.cli.context import console
from bowlby.settings import get_settings


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: str = typer.Option(
        "127.0.0.1", help="Address to listen on; only this computer by default."
    ),
    port: int = typer.Option(8765, help="Port to listen on."),
    demo: bool = typer.Option(
        False, "--demo", help="Run on a separate demo database with a demo couple."
    ),
) -> None:
    """Start the web app (http://127.0.0.1:8765 by default)."""
    from bowlby.web.server import run

    settings = get_settings()
    demo_logins = None
    if demo:
        from bowlby.demo import demo_settings, ensure_demo

        settings = demo_settings(settings)
        console.print("Preparing the demo couple (first start takes a few seconds)...")
        demo_logins = ensure_demo(settings)
        console.print(f"Demo database: {settings.sqlite_path}")
        for name, passphrase in demo_logins:
            console.print(f"  sign in as [bold]{name}[/] with the passphrase [bold]{passphrase}[/]")
    if host not in ("127.0.0.1", "localhost", "::1"):
        console.print(
            f"[yellow]Listening on {host}: other computers on this network can reach the sign-in "
            "page. Use this only on a network you trust.[/]"
        )
    console.print(f"Bowlby is at http://{host}:{port}/ (Ctrl+C stops it)")
    run(settings, host=host, port=port, demo_logins=demo_logins)
