"""The example meta-analysis built from the seed papers (src/laktasi/datasets/meta/seeds.yaml).

Every effect in it rests on stated assumptions (the file says which and why); the
example shows the method, it is not evidence about oxytocin massage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .analysis import MetaAnalysis, meta_analysis
from .inputs import studies_from_rows, with_r

__all__ = ["EXAMPLE_PATH", "example_analysis", "example_studies"]

EXAMPLE_PATH = Path(__file__).parents[1] / "datasets" / "meta" / "seeds.yaml"


def _load() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE_PATH.read_text(encoding="utf-8"))


def example_studies() -> list[dict]:
    """The pooled studies of the example, as written in seeds.yaml (summaries, assumptions)."""
    return _load()["studies"]


def example_rows(r: float | None = None) -> list[dict[str, Any]]:
    """The example's studies with their effects; ``r`` replaces every assumed pre-post r."""
    data = _load()
    rows = with_r(data["studies"], r, data.get("measure"))
    return studies_from_rows(rows, data.get("measure"), source=EXAMPLE_PATH.name)


def example_analysis(method: str = "REML", hksj: bool = False, r: float | None = None,
                     rs: tuple[float, ...] = (0.3, 0.5, 0.7)) -> MetaAnalysis:
    """The full example analysis (``laktasi meta --example``)."""
    return meta_analysis(example_rows(r), method=method, hksj=hksj, rs=rs)
