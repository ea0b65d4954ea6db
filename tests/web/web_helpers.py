"""Helpers for the web tests: the shipped example files and the study form's answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from laktasi.datasets import example_path

AMANDA = "amanda-oku-timur-2023"


def example_bytes(name: str = AMANDA, suffix: str = ".csv") -> tuple[str, bytes]:
    path: Path = example_path(name, suffix)
    return path.name, path.read_bytes()


def form_answers(response: Any, **changes: Any) -> dict[str, Any]:
    """The study form's answers as the page shows them (prefilled), with ``changes``."""
    form, outcomes = response.context["form"], response.context["outcomes"]
    data: dict[str, Any] = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = [] if value is None and name == "characteristics" else (
            "" if value is None else value)
    mgmt = outcomes.management_form
    for name in mgmt.fields:
        data[f"out-{name}"] = mgmt[name].value()
    for i, f in enumerate(outcomes.forms):
        for name in f.fields:
            value = f[name].value()
            data[f"out-{i}-{name}"] = "" if value is None else value
    data.update(changes)
    data.setdefault("action", "analyse")
    return data
