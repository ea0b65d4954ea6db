"""Study designs: the designs, the tests (as data), the study description and the analysis
plan it implies."""

from .designs import DESIGN_COMPARISONS, DESIGNS, Design, design
from .registry import TESTS, TestSpec, canonical, resolve
from .study import (
    CHI_SQUARE_2X2,
    OUTCOME_TYPES,
    Characteristic,
    GroupSpec,
    Outcome,
    Study,
    StudyError,
    forced_tests_allowed,
    load_study,
    study_from_mapping,
    study_to_mapping,
)

__all__ = [
    "CHI_SQUARE_2X2",
    "DESIGNS",
    "DESIGN_COMPARISONS",
    "OUTCOME_TYPES",
    "TESTS",
    "Characteristic",
    "Design",
    "GroupSpec",
    "Outcome",
    "Study",
    "StudyError",
    "TestSpec",
    "canonical",
    "design",
    "forced_tests_allowed",
    "load_study",
    "resolve",
    "study_from_mapping",
    "study_to_mapping",
]
