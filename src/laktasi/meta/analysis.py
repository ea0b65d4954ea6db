"""One call for a whole meta-analysis: the pooled model and everything a review reports
with it (heterogeneity intervals, leave-one-out, subgroups by design, Egger's test,
trim-and-fill, sensitivity to the assumed pre-post correlation), as one frozen result.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scipy import stats

from laktasi.errors import InvalidOptionError, LaktasiError, LaktasiInputError
from laktasi.stats import ConfidenceInterval
from laktasi.stats.serialise import Serialisable

from .inputs import R_MEASURES
from .models import METHODS, HeterogeneityCI, MetaResult, heterogeneity_ci, rma
from .sensitivity import (
    CorrelationSensitivity,
    EggerResult,
    SubgroupResult,
    egger_test,
    leave_one_out,
    over_correlation,
    subgroups,
)
from .trimfill import TrimFillResult, trim_and_fill

__all__ = ["SCALES", "MetaAnalysis", "StudyEffect", "meta_analysis"]

# Measures that may be pooled together (same scale); raw mean changes and differences
# only when every study measured the same outcome in the same unit.
SCALES = {
    "SMCR": "standardised", "SMCC": "standardised", "SMD": "standardised",
    "SMCC_T": "standardised", "SMCC_P": "standardised", "SMCC_Z": "standardised",
    "SMD_T": "standardised", "SMD_P": "standardised", "SMD_Z": "standardised",
    "DZ_T": "standardised", "DZ_P": "standardised", "D_Z": "standardised",
    "MC": "raw mean", "MD": "raw mean",
    "OR": "log odds ratio", "MPORC": "log odds ratio",
    "RR": "log risk ratio", "RD": "risk difference",
}


@dataclass(frozen=True)
class StudyEffect(Serialisable):
    """One study in the analysis: its effect, 95 % CI, weight (%) in the pooled model, the
    formula that produced it and what was assumed (e.g. the pre-post r and its source)."""

    label: str
    measure: str
    yi: float
    vi: float
    ci: ConfidenceInterval
    weight: float
    design: str | None
    formula: str
    r: float | None
    assumption: str | None
    corrected: bool


@dataclass(frozen=True)
class MetaAnalysis(Serialisable):
    """The pooled model and its companions; a companion that does not apply is None and
    ``notes`` holds the code saying why (e.g. ``"egger_k<3"``)."""

    studies: tuple[StudyEffect, ...]
    scale: str
    model: MetaResult
    heterogeneity: HeterogeneityCI
    leave_one_out: tuple[MetaResult, ...] | None
    subgroups: SubgroupResult | None
    egger: EggerResult | None
    trim_and_fill: TrimFillResult | None
    correlation: CorrelationSensitivity | None
    notes: tuple[str, ...]


def _assumption(row: dict[str, Any]) -> str | None:
    for key in ("assumption", "r_source", "note"):
        if row.get(key):
            return str(row[key])
    return None


def meta_analysis(studies: Sequence[dict[str, Any]], *, method: str = "REML",
                  hksj: bool = False, subgroup: str | None = "design",
                  rs: Sequence[float] = (0.3, 0.5, 0.7), level: float = 0.95) -> MetaAnalysis:
    """Pool study rows (as returned by ``read_studies``) and run the companions.

    Parameters
    ----------
    method : {"REML", "DL", "PM", "FE"}
        tau^2 estimator (metafor's ``method``); "FE" is the fixed-effect model.
    hksj : bool
        Hartung-Knapp-Sidik-Jonkman CI and test (metafor ``test = "knha"``).
    subgroup : str or None
        Row field that defines subgroups (default the design); used when it has at least
        two values, each with two or more studies.
    rs : sequence of float
        Pre-post correlations for the sensitivity analysis (studies with SMCR, SMCC, MC).

    Examples
    --------
    >>> from laktasi.meta import example_studies, studies_from_rows
    >>> res = meta_analysis(studies_from_rows(example_studies(), "SMCR"))
    >>> res.model.k, res.scale
    (4, 'standardised')
    """
    if method not in METHODS:
        raise InvalidOptionError(f"method={method!r}: choose one of {', '.join(METHODS)}.",
                                 option="method", value=method,
                                 allowed=tuple(METHODS), message_id="option_not_allowed")
    rows = list(studies)
    if len(rows) < 2:
        raise LaktasiInputError("A meta-analysis needs at least 2 studies.", n=len(rows),
                                min_n=2, message_id="meta_too_few_studies")
    scales = {SCALES.get(str(r["measure"]), str(r["measure"])) for r in rows}
    if len(scales) > 1:
        raise LaktasiInputError(f"The studies' measures are on different scales "
                                f"({', '.join(sorted(scales))}): pool one scale at a time.",
                                scales=sorted(scales), message_id="meta_mixed_scales")
    test = "knha" if hksj else "z"
    yi = [float(r["yi"]) for r in rows]
    vi = [float(r["vi"]) for r in rows]
    model = rma(yi, vi, method=method, test=test, level=level)
    z = stats.norm.ppf(0.5 + level / 2)
    table = tuple(
        StudyEffect(str(r["label"]), str(r["measure"]), y, v,
                    ConfidenceInterval(y - z * math.sqrt(v), y + z * math.sqrt(v), level), w,
                    None if r.get("design") in (None, "") else str(r["design"]),
                    str(r.get("formula", "")),
                    float(r["r"]) if r["measure"] in R_MEASURES and r.get("r") not in (None, "")
                    else None, _assumption(r), bool(r.get("corrected", False)))
        for r, y, v, w in zip(rows, yi, vi, model.weights, strict=True))
    notes: list[str] = []
    k = len(rows)
    loo = tuple(leave_one_out(yi, vi, method=method, test=test)) if k >= 3 else None
    if loo is None:
        notes.append("leave_one_out_k<3")
    egger = tf = None
    if k >= 3:
        egger = egger_test(yi, vi, model="lm")
        tf = trim_and_fill(yi, vi, method=method, test=test)
        if k < 10:
            notes.append("egger_k<10")
    else:
        notes.append("egger_k<3")
    sub = None
    if subgroup:
        labels = [str(r.get(subgroup) or "") for r in rows]
        if all(labels) and len(set(labels)) >= 2:
            try:
                sub = subgroups(yi, vi, labels, method=method, test=test)
            except LaktasiError:
                notes.append("subgroup_too_small")
    corr = None
    if any(r["measure"] in R_MEASURES for r in rows) and rs:
        corr = over_correlation(rows, rs, method=method, test=test)
    return MetaAnalysis(table, scales.pop(), model, heterogeneity_ci(yi, vi, level), loo, sub,
                        egger, tf, corr, tuple(notes))
