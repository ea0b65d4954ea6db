"""Sample size and power: analytic formulas (as G*Power) and vectorised Monte-Carlo
simulation that analyses every simulated study the way laktasi.stats does.

No words, no figures and no printing here: justification paragraphs live in
laktasi.i18n.power, the power curve's figure in laktasi.report.plots, the command line in
laktasi.cli.power.
"""

from ._kernels import (
    independent_t_pvalues,
    mcnemar_study_pvalues,
    paired_t_pvalues,
    rank_sum_pvalues,
    signed_rank_pvalues,
    two_by_two_pvalues,
)
from .analytic import (
    ARE,
    SampleSize,
    dropout_inflate,
    mann_whitney_n,
    mann_whitney_power,
    mcnemar_n,
    mcnemar_power,
    paired_t_n,
    paired_t_power,
    two_proportions_n,
    two_proportions_power,
    two_sample_t_n,
    two_sample_t_power,
    wilcoxon_n,
    wilcoxon_power,
)
from .generators import (
    DataModel,
    binary_groups,
    binary_pairs,
    integer_counts,
    milk_volume,
    milk_volume_groups,
    normal_differences,
    normal_groups,
    ordinal_groups,
    ordinal_scores,
    two_group_counts,
)
from .simulate import (
    PAIRED_TESTS,
    TWO_GROUP_TESTS,
    PowerEstimate,
    cupy_available,
    power_curve,
    simulate_power,
    simulate_wilcoxon_power,
)

__all__ = [
    "ARE",
    "PAIRED_TESTS",
    "TWO_GROUP_TESTS",
    "DataModel",
    "PowerEstimate",
    "SampleSize",
    "binary_groups",
    "binary_pairs",
    "cupy_available",
    "dropout_inflate",
    "independent_t_pvalues",
    "integer_counts",
    "mann_whitney_n",
    "mann_whitney_power",
    "mcnemar_n",
    "mcnemar_power",
    "mcnemar_study_pvalues",
    "milk_volume",
    "milk_volume_groups",
    "normal_differences",
    "normal_groups",
    "ordinal_groups",
    "ordinal_scores",
    "paired_t_n",
    "paired_t_power",
    "paired_t_pvalues",
    "power_curve",
    "rank_sum_pvalues",
    "signed_rank_pvalues",
    "simulate_power",
    "simulate_wilcoxon_power",
    "two_by_two_pvalues",
    "two_group_counts",
    "two_proportions_n",
    "two_proportions_power",
    "two_sample_t_n",
    "two_sample_t_power",
    "wilcoxon_n",
    "wilcoxon_power",
]
