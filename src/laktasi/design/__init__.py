"""Study designs: the study description and the analysis plan it implies."""

from .study import (
    DESIGNS,
    OUTCOME_TYPES,
    Characteristic,
    GroupSpec,
    Outcome,
    Study,
    StudyError,
    load_study,
    study_from_mapping,
)

__all__ = [
    "DESIGNS",
    "OUTCOME_TYPES",
    "Characteristic",
    "GroupSpec",
    "Outcome",
    "Study",
    "StudyError",
    "load_study",
    "study_from_mapping",
]
