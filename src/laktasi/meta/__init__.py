"""Meta-analysis of intervention studies from the summaries papers print.

Effect sizes (``effects``) follow R metafor's ``escalc()``; the models (``rma``), the
heterogeneity intervals, leave-one-out, subgroups, Egger's test and trim-and-fill follow
``rma()``, ``confint()``, ``leave1out()``, ``regtest()`` and ``trimfill()``; the test suite
compares them with metafor on generated meta-analyses (tests/reference/meta).
"""

from . import effects
from .analysis import MetaAnalysis, StudyEffect, meta_analysis
from .effects import Effect
from .example import example_analysis, example_rows, example_studies
from .inputs import MEASURES, R_MEASURES, effect_for, read_studies, studies_from_rows
from .models import HeterogeneityCI, MetaResult, heterogeneity_ci, rma, tau2_ci
from .regression import MetaRegression, meta_regression
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

__all__ = [
    "MEASURES",
    "R_MEASURES",
    "CorrelationSensitivity",
    "Effect",
    "EggerResult",
    "HeterogeneityCI",
    "MetaAnalysis",
    "MetaRegression",
    "MetaResult",
    "StudyEffect",
    "SubgroupResult",
    "TrimFillResult",
    "effect_for",
    "effects",
    "egger_test",
    "example_analysis",
    "example_rows",
    "example_studies",
    "heterogeneity_ci",
    "leave_one_out",
    "meta_analysis",
    "meta_regression",
    "over_correlation",
    "read_studies",
    "rma",
    "studies_from_rows",
    "subgroups",
    "tau2_ci",
    "trim_and_fill",
]
