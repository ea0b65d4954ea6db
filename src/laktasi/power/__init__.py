"""Sample size and power: analytic formulas and vectorised Monte-Carlo simulation."""

from .analytic import (
    ARE,
    SampleSize,
    mann_whitney_n,
    mcnemar_n,
    paired_t_n,
    paired_t_power,
    two_proportions_n,
    two_sample_t_n,
    two_sample_t_power,
    wilcoxon_n,
)
from .simulate import (
    PowerEstimate,
    integer_counts,
    normal_differences,
    paired_t_pvalues,
    power_curve,
    power_curve_plot,
    signed_rank_pvalues,
    simulate_power,
    simulate_wilcoxon_power,
)

__all__ = [
    "ARE",
    "PowerEstimate",
    "SampleSize",
    "integer_counts",
    "mann_whitney_n",
    "mcnemar_n",
    "normal_differences",
    "paired_t_n",
    "paired_t_power",
    "paired_t_pvalues",
    "power_curve",
    "power_curve_plot",
    "signed_rank_pvalues",
    "simulate_power",
    "simulate_wilcoxon_power",
    "two_proportions_n",
    "two_sample_t_n",
    "two_sample_t_power",
    "wilcoxon_n",
]
