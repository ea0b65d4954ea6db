"""laktasi: analysis, reports and audit for breast-milk (ASI) intervention studies."""

__version__ = "0.1.0"
