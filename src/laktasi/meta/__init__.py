"""Meta-analysis of intervention studies from the summaries papers print."""

from . import effects
from .example import example_studies, run_example
from .inputs import MEASURES, read_studies
from .models import MetaResult, rma, tau2_ci
from .sensitivity import egger_test, leave_one_out, subgroups
from .trimfill import trim_and_fill

__all__ = [
           "MEASURES",
           "MetaResult",
           "effects",
           "egger_test",
           "example_studies",
           "leave_one_out",
           "read_studies",
           "rma",
           "run_example",
           "subgroups",
           "tau2_ci",
           "trim_and_fill",
]
