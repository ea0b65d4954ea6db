"""Meta-analysis of intervention studies from the summaries papers print."""

from . import effects
from .example import example_studies, run_example
from .models import MetaResult, rma

__all__ = ["MetaResult", "effects", "example_studies", "rma", "run_example"]
