"""The words of the results chapter (BAB 4) and its tables: section lookups, the names of
tests and effect sizes, Cohen's magnitude labels and the Indonesian proportion words."""

from __future__ import annotations

from . import plural, text, text_or

__all__ = ["PROPORTION_SCALE", "READING_NAMES", "READING_ROWS", "effect_name", "magnitude",
           "proportion_word", "say", "test_name", "w"]

# The row of SPSS's Chi-Square Tests table a decision reads (as SPSS names it, in both languages)
READING_ROWS = {"pearson": "Pearson Chi-Square", "continuity": "Continuity Correction",
                "fisher": "Fisher's Exact Test"}
READING_NAMES = {"pearson": "Pearson", "continuity": "Continuity Correction",
                 "fisher": "Fisher's Exact Test"}

_MAGNITUDE = {
    # Cohen (1988) conventions: (small, medium, large)
    "d": (0.2, 0.5, 0.8),
    "r": (0.1, 0.3, 0.5),
    "eta2": (0.01, 0.06, 0.14),
}
_MAG_KEYS = ("negligible", "small", "medium", "large")
_KIND = {"d_z": "d", "g_av": "d", "hedges_g": "d", "cohens_d": "d", "rank_biserial": "r",
         "r": "r", "phi": "r", "cramers_v": "r", "partial_eta_squared": "eta2"}

# Proportion words used in Indonesian health theses (as usually cited from Arikunto):
# (lower bound in percent, inclusive, key of the word in section "proportion"), checked
# from the top; edit to change the scale.
PROPORTION_SCALE: list[tuple[float, str]] = [
    (100.0, "all"),
    (76.0, "almost_all"),
    (50.0 + 1e-9, "most"),
    (50.0, "half"),
    (26.0, "almost_half"),
    (1e-9, "few"),
    (0.0, "none"),
]


def w(key: str, lang: str | None = None, **values: object) -> str:
    """The chapter text for ``key`` in ``lang`` (None: the active language)."""
    return text("chapter", key, lang, **values)


def wn(key: str, count: int, lang: str | None = None, **values: object) -> str:
    """The chapter text for ``key`` in the form for ``count`` ("1 respondent", "2
    respondents"; Indonesian has one form), ``count`` filled in as ``{n}``."""
    return plural("chapter", key, count, lang, **values)


def say(key: str, lang: str | None = None, **values: object) -> str:
    """The text of the report's tables (characteristics, ranks) for ``key``."""
    return text("report", key, lang, **values)


def test_name(test: str, lang: str | None = None) -> str:
    """The chapter's name of a test id ("uji Wilcoxon signed rank")."""
    return text("test", test, lang)


def effect_name(name: str, lang: str | None = None) -> str:
    """The printed name of an effect size ("r rank-biserial"); an unknown one as it is."""
    return text_or("effect", name, name, lang)


def magnitude(name: str, value: float, lang: str | None = None) -> str | None:
    """Cohen's (1988) label for an effect size, or None when there is no convention."""
    kind = _KIND.get(name)
    if kind is None or value != value:
        return None
    small, medium, large = _MAGNITUDE[kind]
    v = abs(value)
    idx = 0 if v < small else 1 if v < medium else 2 if v < large else 3
    return text("magnitude", _MAG_KEYS[idx], lang)


def proportion_word(percent: float, lang: str | None = None) -> str:
    """The proportion word for a percentage (editable scale above) in ``lang`` (None: the
    active language). Indonesian chapters name it ("sebagian besar responden ..."); the
    English sentences give the count and percentage instead.

    >>> proportion_word(75.0), proportion_word(80.0), proportion_word(13.3)
    ('sebagian besar', 'hampir seluruhnya', 'sebagian kecil')
    >>> proportion_word(75.0, "en")
    'most'
    """
    for lower, key in PROPORTION_SCALE:
        if percent >= lower:
            return text("proportion", key, lang)
    return text("proportion", PROPORTION_SCALE[-1][1], lang)
