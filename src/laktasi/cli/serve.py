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
        demo: bool = typer.Option(False, "--demo", help="Muat studi contoh bawaan."),
        port: int = typer.Option(8000, "--port", help="Nomor port (bawaan 8000)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Alamat yang didengarkan "
                                 "(0.0.0.0: semua jaringan)."),
        data_dir: Path = typer.Option(None, "--data-dir", help="Folder data (bawaan: folder "
                                      "data pengguna menurut sistem operasi)."),
        no_browser: bool = typer.Option(False, "--no-browser", help="Jangan buka peramban."),
    ) -> None:
        """Jalankan aplikasi web laktasi di peramban: Analisis, Besar sampel, Audit,
        Meta-analisis."""
        from laktasi.web.serve import serve

        if not 1 <= port <= 65535:
            typer.echo(f"--port {port}: pilih 1-65535.", err=True)
            raise typer.Exit(2)
        serve(host=host, port=port, demo=demo, data_dir=data_dir,
              open_browser=False if no_browser else None, echo=typer.echo)
