"""Snapshots of the shipped examples' chapters (md and json, id and en).

Every intentional change to the chapter regenerates them, so the diff of a commit shows
what changed in the words and tables a student pastes::

    LAKTASI_UPDATE_SNAPSHOTS=1 python3 -m pytest tests/report/test_chapter_snapshots.py

Figures are kept as their number and caption only (images depend on the matplotlib
version, not on laktasi).
"""

import os
from dataclasses import replace
from pathlib import Path

import pytest

from laktasi.datasets import example_names
from laktasi.pipeline import analyse_file, example_files
from laktasi.report.document import Figure
from laktasi.report.renderers import render

HERE = Path(__file__).resolve().parent.parent / "data"
SNAPSHOTS = HERE / "chapters"
UPDATE = os.environ.get("LAKTASI_UPDATE_SNAPSHOTS") == "1"


def _studies() -> list[tuple[str, Path, Path]]:
    """(name, data, study) of every shipped example and of the test studies in tests/data."""
    out = [(name, *example_files(name)) for name in example_names()]
    for study in sorted((HERE / "studies").glob("*.yaml")):
        out.append((study.stem, study.with_suffix(".csv"), study))
    return out


def chapter_text(data: Path, study: Path, lang: str, fmt: str) -> str:
    """The chapter as the snapshot stores it: figures without their images."""
    _, doc = analyse_file(data, study, lang=lang)
    doc = replace(doc, blocks=tuple(replace(b, png=b"", svg="") if isinstance(b, Figure) else b
                                    for b in doc.blocks))
    options = {"json_figures": "omit"} if fmt == "json" else {}
    return render(doc, fmt, **options).decode("utf-8")


CASES = [(name, data, study, lang, fmt) for name, data, study in _studies()
         for lang in ("id", "en") for fmt in ("md", "json")]


@pytest.mark.parametrize("name,data,study,lang,fmt", CASES,
                         ids=[f"{c[0]}-{c[3]}.{c[4]}" for c in CASES])
def test_chapter_matches_snapshot(name, data, study, lang, fmt):
    path = SNAPSHOTS / f"{name}.{lang}.{fmt}"
    text = chapter_text(data, study, lang, fmt)
    if UPDATE:
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}: run with LAKTASI_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} changed; if intended, regenerate with LAKTASI_UPDATE_SNAPSHOTS=1 and "
        "review the diff")
