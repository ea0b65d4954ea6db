"""Words of the audit's findings (section ``audit``: one line a midwife understands) and
of ``laktasi extract`` (section ``extract``: the draft's comments and the command's
messages). Numbers in a finding are formatted here (decimal comma in Indonesian)."""

from __future__ import annotations

import math
from typing import cast

from . import has_text, plural, text
from .numbers import fmt_number, fmt_p

__all__ = ["audit_text", "draft_written", "extract_words", "has_audit_text", "has_words"]

_COUNTS = ("errors", "warnings", "notes")  # the counts of the summary line (plural forms)


def audit_text(key: str, lang: str | None = None, **values: object) -> str:
    """Message for a finding; p- and r-like values get their ``*_text`` forms, the counts
    of the summary line their plural forms.

    >>> audit_text("summary", "en", errors=1, warnings=0, notes=2)
    '1 error, 0 warnings, 2 notes.'
    """
    extra: dict[str, object] = {}
    for k, v in list(values.items()):
        if key == "summary" and k in _COUNTS and isinstance(v, int):
            values[k] = plural("audit", k, v, lang)
        elif isinstance(v, float) and (k == "p" or k.startswith("p_") or k.endswith("_p")):
            extra[f"{k}_text"] = "–" if math.isnan(v) else fmt_p(v, lang, 4, with_symbol=False)
        elif isinstance(v, float) and k.startswith("r_"):
            extra[f"{k}_text"] = fmt_number(v, 2, lang)
        elif isinstance(v, float) and k != "pct":
            values[k] = fmt_number(v, 3, lang)  # other numbers: decimal comma in id
    if "pct" in values:
        extra["pct_text"] = fmt_number(float(cast(float, values["pct"])), 2, lang) + "%"
    for name, short in (("p_change", "pc"), ("p_ancova", "pa")):
        if name in values:
            lo, hi = cast(tuple[float, float], values[name])
            for end, v in (("lo", lo), ("hi", hi)):
                extra[f"{short}_{end}_text"] = ("–" if math.isnan(v)
                                                else fmt_p(v, lang, 4, with_symbol=False))
    return text("audit", key, lang, **values, **extra)


def has_audit_text(key: str) -> bool:
    """Whether ``key`` has words (labels of recomputed values without words are shown as
    they are)."""
    return has_text("audit", key)


def extract_words(key: str, lang: str | None = None, **values: object) -> str:
    """The sentence ``key`` of ``laktasi extract`` with ``values`` filled in."""
    return text("extract", key, lang, **values)


def has_words(key: str) -> bool:
    """Whether ``key`` has words (reason codes without words are not shown)."""
    return has_text("extract", key)


def draft_written(path: object, guesses: int, missing: int, lang: str | None = None) -> str:
    """The line ``laktasi extract`` prints after writing a draft.

    >>> draft_written("a.yaml", 1, 2, "en")
    'Draft written to a.yaml: 1 guess to check, 2 parts to complete.'
    """
    return text("extract", "written", lang, path=path,
                guesses=plural("extract", "guesses", guesses, lang),
                missing=plural("extract", "parts", missing, lang))
