"""``laktasi serve``: the web app on this computer (Django; see laktasi.web.serve).

Registered on the main app with ``register(app)``; Django is imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""

    @app.command("serve")
    def serve_command(
        demo: bool = typer.Option(False, "--demo", help="Muat studi contoh (load the example "
                                  "studies)."),
        port: int = typer.Option(8000, "--port", help="Port (default 8000)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Alamat (0.0.0.0: semua "
                                 "jaringan; address to listen on)."),
        data_dir: Path = typer.Option(None, "--data-dir", help="Folder data (default: the "
                                      "user's data folder of this platform)."),
        no_browser: bool = typer.Option(False, "--no-browser", help="Jangan buka peramban "
                                        "(do not open the browser)."),
    ) -> None:
        """Jalankan aplikasi web laktasi (run the web app): Analisis, Besar sampel, Audit,
        Meta-analisis di peramban."""
        from laktasi.web.serve import serve

        if not 1 <= port <= 65535:
            typer.echo(f"--port {port}: choose 1-65535.", err=True)
            raise typer.Exit(2)
        serve(host=host, port=port, demo=demo, data_dir=data_dir,
              open_browser=False if no_browser else None, echo=typer.echo)
