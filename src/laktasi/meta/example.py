"""The example meta-analysis built from the seed papers (src/laktasi/datasets/meta)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .effects import smd_change_raw
from .models import MetaResult, rma

__all__ = ["example_studies", "run_example"]


def example_studies() -> list[dict]:
    path = Path(__file__).parents[1] / "datasets" / "meta" / "seeds.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["studies"]


def run_example(method: str = "REML", test: str = "z", r: float | None = None
                ) -> tuple[list[dict], list[float], list[float], MetaResult]:
    """Pool the seed studies; ``r`` replaces every assumed pre-post correlation
    (sensitivity analysis)."""
    studies = example_studies()
    yi, vi = [], []
    for s in studies:
        y, v = smd_change_raw(s["m_post"], s["m_pre"], s["sd_pre"], s["n"],
                              s["r"] if r is None else r)
        yi.append(y)
        vi.append(v)
    return studies, yi, vi, rma(yi, vi, method=method, test=test)
