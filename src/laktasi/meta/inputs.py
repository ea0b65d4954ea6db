"""Studies for a meta-analysis from a CSV or YAML file: one row per study, the summaries as
printed, the measure that turns them into an effect size (see effects.py).

A row has ``label``, ``measure`` (or a file-wide ``measure:`` in YAML), the measure's fields
and, optionally, ``design`` (for subgroups) and ``r_source`` / ``assumption`` (stated in
reports). Paired measures with a correlation (SMCR, SMCC, MC) take ``r``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from laktasi.errors import LaktasiInputError

from . import effects

__all__ = ["MEASURES", "R_MEASURES", "effect_for", "read_studies", "with_r"]

# code -> (function, required fields, optional fields)
MEASURES: dict[str, tuple[Callable[..., effects.Effect], tuple[str, ...], tuple[str, ...]]] = {
    "SMCR": (effects.smd_change_raw, ("m_post", "m_pre", "sd_pre", "n", "r"), ()),
    "SMCC": (effects.smd_change_change, ("m_post", "m_pre", "sd_post", "sd_pre", "n", "r"), ()),
    "MC": (effects.mean_change, ("m_post", "m_pre", "sd_post", "sd_pre", "n", "r"), ()),
    "SMD": (effects.smd, ("m1", "sd1", "n1", "m2", "sd2", "n2"), ()),
    "MD": (effects.mean_difference, ("m1", "sd1", "n1", "m2", "sd2", "n2"), ()),
    "OR": (effects.log_odds_ratio, ("a", "b", "c", "d"), ()),
    "RR": (effects.log_risk_ratio, ("a", "b", "c", "d"), ()),
    "RD": (effects.risk_difference, ("a", "b", "c", "d"), ()),
    "MPORC": (effects.paired_log_odds_ratio, ("b", "c"), ("a", "d")),
    "SMCC_T": (effects.smcc_from_t, ("t", "n"), ()),
    "SMCC_P": (effects.smcc_from_p, ("p", "n"), ("sign",)),
    "SMCC_Z": (effects.smcc_from_z, ("z", "n"), ()),
    "SMD_T": (effects.smd_from_t, ("t", "n1", "n2"), ()),
    "SMD_P": (effects.smd_from_p, ("p", "n1", "n2"), ("sign",)),
    "SMD_Z": (effects.smd_from_z, ("z", "n1", "n2"), ()),
    "DZ_T": (effects.d_from_t_paired, ("t", "n"), ()),
    "DZ_P": (effects.d_from_p_paired, ("p", "n"), ("sign",)),
    "D_Z": (effects.d_from_z, ("z", "n"), ()),
}
ALIASES = {"PAIRED_OR": "MPORC"}
R_MEASURES = frozenset({"SMCR", "SMCC", "MC"})  # those with an assumed pre-post r
_INTS = {"n", "n1", "n2", "a", "b", "c", "d"}
_KEYWORD_ONLY = {"a", "d"}  # MPORC's concordant cells


def _place(where: str, source: str | None = None, number: int | None = None
           ) -> dict[str, Any]:
    """Where a study's problem lies, as a record :func:`laktasi.i18n.errors.error_text`
    words in the user's language (``where`` is its English ``message``)."""
    if number is not None and source:
        return {"message_id": "meta_study_in_file", "message": where, "source": source,
                "number": number}
    if number is not None:
        return {"message_id": "meta_study_number", "message": where, "number": number}
    return {"message_id": "meta_where", "message": where, "where": where}


def _number(raw: Any, where: str, field: str, measure: str, fields: tuple[str, ...],
            place: dict[str, Any] | None = None) -> float:
    try:
        if isinstance(raw, bool):
            raise TypeError
        value = float(raw) if isinstance(raw, (int, float)) else float(str(raw).replace(",", "."))
    except (TypeError, ValueError):
        raise LaktasiInputError(f"{where}, field {field!r}: {raw!r} is not a number "
                                f"({measure} needs {', '.join(fields)}).",
                                place=place or _place(where), field=field, value=raw,
                                measure=measure, fields=list(fields),
                                message_id="meta_field_not_number") from None
    return value


def effect_for(row: dict[str, Any], *, r: float | None = None, where: str = "study",
               source: str | None = None, number: int | None = None) -> effects.Effect:
    """The effect of one study row; ``r`` replaces the row's pre-post correlation (for the
    sensitivity analysis over r; ignored by measures without one). An error names
    ``where`` (in English; with the file ``source`` and the study's ``number`` it is worded
    in the user's language too)."""
    place = _place(where, source, number)
    measure = str(row.get("measure") or "").upper()
    measure = ALIASES.get(measure, measure)
    if measure not in MEASURES:
        raise LaktasiInputError(f"{where}: measure {measure!r} is not one of "
                                f"{', '.join(MEASURES)}.", place=place, value=measure,
                                allowed=tuple(MEASURES), message_id="meta_unknown_measure")
    func, fields, optional = MEASURES[measure]
    args, kwargs = [], {}
    for f in fields + optional:
        raw = r if (f == "r" and r is not None) else row.get(f)
        if f in optional and raw in (None, ""):
            continue
        value = _number(raw, where, f, measure, fields, place)
        value = int(value) if f in _INTS else value
        if f in optional and f in _KEYWORD_ONLY:
            kwargs[f] = value
        else:
            args.append(value)
    try:
        return func(*args, **kwargs)
    except LaktasiInputError as exc:
        raise LaktasiInputError(f"{where}: {exc.message}", place=place, error=exc,
                                message_id="meta_study_error") from None


def with_r(rows: list[dict[str, Any]], r: float | None, default_measure: str | None = None
           ) -> list[dict[str, Any]]:
    """Copies of ``rows`` where every study with a pre-post correlation (SMCR, SMCC, MC) gets
    ``r`` instead of its own (a sensitivity analysis); ``r=None`` leaves them as they are."""
    if r is None:
        return [dict(s) for s in rows]
    if not -1 < r < 1:
        raise LaktasiInputError(f"r = {r}: a pre-post correlation must lie between -1 and 1.",
                                r=r, message_id="prepost_correlation_range")
    out = []
    for s in rows:
        s = dict(s)
        measure = str(s.get("measure") or default_measure or "").upper()
        if ALIASES.get(measure, measure) in R_MEASURES:
            s["r"] = r
            s["r_source"] = f"set to {r} for a sensitivity analysis"
        out.append(s)
    return out


def read_studies(path: str | Path, *, r: float | None = None) -> list[dict[str, Any]]:
    """Rows with 'label', 'measure' and the measure's fields -> rows with yi, vi, formula
    added. Every problem names the file, the row and the field. ``r`` replaces every
    study's pre-post correlation (see :func:`with_r`)."""
    p = Path(path)
    if not p.exists():
        raise LaktasiInputError(f"{p}: file not found.", source=str(p),
                                message_id="file_not_found")
    try:
        if p.suffix.lower() in (".yaml", ".yml"):
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
            rows = data.get("studies") if isinstance(data, dict) else data
            default = data.get("measure") if isinstance(data, dict) else None
        elif p.suffix.lower() == ".csv":
            with p.open(encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.DictReader(fh))
            default = None
        else:
            raise LaktasiInputError(f"{p}: expected a .csv, .yaml or .yml file.", source=str(p),
                                    value=p.suffix, message_id="meta_file_format")
    except (yaml.YAMLError, UnicodeDecodeError, csv.Error) as exc:
        raise LaktasiInputError(f"{p}: cannot be read ({type(exc).__name__}).", source=str(p),
                                kind=type(exc).__name__, message_id="file_unreadable") from None
    if isinstance(rows, list) and all(isinstance(row, dict) for row in rows):
        rows = with_r(rows, r, default)
    return studies_from_rows(rows, default, source=str(p))


def studies_from_rows(rows: Any, default_measure: str | None = None, *, source: str = "studies"
                      ) -> list[dict[str, Any]]:
    """Validate rows (dicts) and add each study's effect (yi, vi, measure, formula)."""
    if not isinstance(rows, list) or len(rows) < 2:
        raise LaktasiInputError(f"{source}: needs a list of at least 2 studies.", source=source,
                                min_n=2, message_id="meta_needs_studies_list")
    out = []
    for i, row in enumerate(rows, start=1):
        where = f"{source}: study {i}"
        if not isinstance(row, dict):
            raise LaktasiInputError(f"{where}: must be a mapping of fields.",
                                    place=_place(where, source, i),
                                    message_id="meta_study_not_mapping")
        measure = str(row.get("measure") or default_measure or "").upper()
        measure = ALIASES.get(measure, measure)
        e = effect_for({**row, "measure": measure}, where=where, source=source, number=i)
        out.append({**row, "label": str(row.get("label") or f"Study {i}"), "measure": measure,
                    "yi": e.yi, "vi": e.vi, "formula": e.formula, "corrected": e.corrected})
    return out
