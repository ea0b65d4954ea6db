"""laktasi.stats: the statistics core.

Pure numpy/scipy: no file I/O, no web, no CLI, no words. Every test returns a
frozen result with ``statistic``, ``pvalue``, ``n``, ``method``,
``effect_size`` and ``notes``, and ``to_dict()``. Paired differences are
``post - pre`` throughout.
"""

from laktasi.errors import LaktasiError, LaktasiInputError

from ._results import *  # noqa: F403
from ._results import __all__ as _result_names
from .contingency import chi_square, fisher_exact
from .descriptives import descriptives, frequencies
from .independent import ancova, independent_t, mann_whitney
from .normality import kolmogorov_smirnov_lilliefors, shapiro_wilk
from .paired import mcnemar, mcnemar_table, paired_t, wilcoxon_signed_rank

__all__ = [
    "LaktasiError",
    "LaktasiInputError",
    "ancova",
    "chi_square",
    "descriptives",
    "fisher_exact",
    "frequencies",
    "independent_t",
    "kolmogorov_smirnov_lilliefors",
    "mann_whitney",
    "mcnemar",
    "mcnemar_table",
    "paired_t",
    "shapiro_wilk",
    "wilcoxon_signed_rank",
    *_result_names,
]
