"""Meta-analysis of intervention studies from the summaries papers print."""

from .models import MetaResult, rma

__all__ = ["MetaResult", "rma"]
