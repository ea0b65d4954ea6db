"""What a draft is: the drafted data, the guesses that point to their lines, the
missing fields and the numbers not placed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Guess:
    """A value read from the text: its YAML path, 1-based line, exact snippet and why."""

    path: str
    line: int
    snippet: str
    reason: str


@dataclass(frozen=True)
class Missing:
    """A required field that the text did not give (path of the item or ``study``)."""

    path: str
    field: str


@dataclass(frozen=True)
class Mention:
    """A number in the text that was recognised but not placed in any item."""

    line: int
    snippet: str
    what: str


@dataclass(frozen=True)
class Draft:
    """The drafted reported-results file and what the user must check or complete."""

    data: Mapping[str, Any]
    guesses: tuple[Guess, ...] = ()
    missing: tuple[Missing, ...] = ()
    unplaced: tuple[Mention, ...] = ()
    source: str = ""

    def to_yaml(self, lang: str = "id") -> str:
        """The draft as YAML, a comment after every guessed value and missing part."""
        from .emit import Emitter

        return Emitter(self, lang).render()
