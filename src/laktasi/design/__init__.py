"""Study designs: the study description and the analysis plan it implies."""

from .study import (
    CHI_SQUARE_2X2,
    DESIGN_COMPARISONS,
    DESIGNS,
    OUTCOME_TYPES,
    TEST_FITS,
    Characteristic,
    GroupSpec,
    Outcome,
    Study,
    StudyError,
    forced_tests_allowed,
    load_study,
    study_from_mapping,
)

__all__ = [
    "CHI_SQUARE_2X2",
    "DESIGNS",
    "DESIGN_COMPARISONS",
    "OUTCOME_TYPES",
    "TEST_FITS",
    "Characteristic",
    "GroupSpec",
    "Outcome",
    "Study",
    "StudyError",
    "forced_tests_allowed",
    "load_study",
    "study_from_mapping",
]
