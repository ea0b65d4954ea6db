"""laktasi.stats: the statistics core.

Pure numpy/scipy: no file I/O, no web, no CLI, no words. Every test returns a
frozen result with ``statistic``, ``pvalue``, ``n``, ``method``,
``effect_size`` and ``notes``, and ``to_dict()``. Paired differences are
``post - pre`` throughout.

Public modules beside the tests: :mod:`laktasi.stats.summary` (statistics from
printed summaries: GRIM, GRIMMER, t tests, ANCOVA and the implied pre-post
correlation) and :mod:`laktasi.stats.serialise` (results as JSON-ready values).
"""

from laktasi.errors import LaktasiError, LaktasiInputError

from ._results import *  # noqa: F403
from ._results import __all__ as _result_names
from .contingency import chi_square, fisher_exact
from .descriptives import descriptives, frequencies
from .independent import ancova, independent_t, mann_whitney
from .normality import kolmogorov_smirnov_lilliefors, shapiro_wilk
from .paired import mcnemar, mcnemar_table, paired_t, wilcoxon_signed_rank
from .serialise import Serialisable, to_plain
from .summary import (
    AncovaSummaryResult,
    ImpliedCorrelation,
    ancova_from_summaries,
    grim_totals,
    grimmer_consistent,
    implied_correlation,
    t_test_from_summaries,
)

__all__ = [
    "AncovaSummaryResult",
    "ImpliedCorrelation",
    "LaktasiError",
    "LaktasiInputError",
    "Serialisable",
    "ancova",
    "ancova_from_summaries",
    "chi_square",
    "descriptives",
    "fisher_exact",
    "frequencies",
    "grim_totals",
    "grimmer_consistent",
    "implied_correlation",
    "independent_t",
    "kolmogorov_smirnov_lilliefors",
    "mann_whitney",
    "mcnemar",
    "mcnemar_table",
    "paired_t",
    "shapiro_wilk",
    "t_test_from_summaries",
    "to_plain",
    "wilcoxon_signed_rank",
    *_result_names,
]
