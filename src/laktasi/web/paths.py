"""Where ``laktasi serve`` keeps its database: the user's data folder by platform convention.

No Django import here: the command reads this before Django starts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["DATA_DIR_ENV", "data_dir", "default_data_dir"]

DATA_DIR_ENV = "LAKTASI_DATA_DIR"


def default_data_dir(platform: str | None = None, env: dict[str, str] | None = None,
                     home: Path | None = None) -> Path:
    """The per-user data folder: ``%LOCALAPPDATA%\\laktasi`` on Windows,
    ``~/Library/Application Support/laktasi`` on macOS, ``$XDG_DATA_HOME/laktasi``
    (default ``~/.local/share/laktasi``) elsewhere.

    >>> default_data_dir("linux", {}, Path("/home/bidan")).as_posix()
    '/home/bidan/.local/share/laktasi'
    """
    platform = sys.platform if platform is None else platform
    env = dict(os.environ) if env is None else env
    home = Path.home() if home is None else home
    if platform.startswith("win"):
        base = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "laktasi"
    if platform == "darwin":
        return home / "Library" / "Application Support" / "laktasi"
    return Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / "laktasi"


def data_dir() -> Path:
    """``$LAKTASI_DATA_DIR`` when set (``laktasi serve --data-dir`` sets it), else the default."""
    value = os.environ.get(DATA_DIR_ENV)
    return Path(value).expanduser() if value else default_data_dir()
