"""Example studies shipped with laktasi (data the project constructed to match
what the seed papers print; see README.md in this folder)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from laktasi.errors import LaktasiInputError

__all__ = ["example_names", "example_path"]


def _folder() -> Path:
    return Path(str(resources.files(__package__)))


def example_names() -> list[str]:
    """Names of the shipped example studies (each has NAME.csv and NAME.yaml)."""
    return sorted(p.stem for p in _folder().glob("*.yaml") if (p.with_suffix(".csv")).exists())


def example_path(name: str, suffix: str = ".csv") -> Path:
    path = _folder() / f"{name}{suffix}"
    if not path.exists():
        raise LaktasiInputError(
            f"No example study named {name!r}; available: {', '.join(example_names())}.",
            name=name,
            allowed=example_names(),
        )
    return path
