"""Studies for a meta-analysis from a CSV or YAML file: one row per study, the summaries as
printed, the measure that turns them into an effect size (see effects.py)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from laktasi.errors import LaktasiInputError

from . import effects

__all__ = ["MEASURES", "read_studies"]

MEASURES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "SMCR": (effects.smd_change_raw, ("m_post", "m_pre", "sd_pre", "n", "r")),
    "MC": (effects.mean_change, ("m_post", "m_pre", "sd_post", "sd_pre", "n", "r")),
    "SMD": (effects.smd, ("m1", "sd1", "n1", "m2", "sd2", "n2")),
    "MD": (effects.mean_difference, ("m1", "sd1", "n1", "m2", "sd2", "n2")),
    "OR": (effects.log_odds_ratio, ("a", "b", "c", "d")),
    "PAIRED_OR": (effects.paired_log_odds_ratio, ("b", "c")),
    "DZ_T": (effects.d_from_t_paired, ("t", "n")),
    "DZ_P": (effects.d_from_p_paired, ("p", "n")),
}
_INTS = {"n", "n1", "n2", "a", "b", "c", "d"}


def read_studies(path: str | Path) -> list[dict[str, Any]]:
    """Rows with 'label', 'measure' and the measure's fields -> rows with yi and vi added.
    Every problem names the file, the row and the field."""
    p = Path(path)
    if not p.exists():
        raise LaktasiInputError(f"{p}: file not found.")
    try:
        if p.suffix.lower() in (".yaml", ".yml"):
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
            rows = data.get("studies") if isinstance(data, dict) else data
            default = data.get("measure") if isinstance(data, dict) else None
        else:
            with p.open(encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.DictReader(fh))
            default = None
    except (yaml.YAMLError, UnicodeDecodeError, csv.Error) as exc:
        raise LaktasiInputError(f"{p}: cannot be read ({type(exc).__name__}).") from None
    if not isinstance(rows, list) or len(rows) < 2:
        raise LaktasiInputError(f"{p}: needs a list of at least 2 studies.")
    out = []
    for i, row in enumerate(rows, start=1):
        where = f"{p}: study {i}"
        if not isinstance(row, dict):
            raise LaktasiInputError(f"{where}: must be a mapping of fields.")
        measure = str(row.get("measure") or default or "").upper()
        if measure not in MEASURES:
            raise LaktasiInputError(f"{where}: measure {measure!r} is not one of "
                                    f"{', '.join(MEASURES)}.")
        func, fields = MEASURES[measure]
        args = []
        for f in fields:
            raw = row.get(f)
            try:
                value = float(str(raw).replace(",", ".")) if not isinstance(raw, (int, float)) \
                    else float(raw)
            except (TypeError, ValueError):
                raise LaktasiInputError(f"{where}, field {f!r}: {raw!r} is not a number "
                                        f"({measure} needs {', '.join(fields)}).") from None
            args.append(int(value) if f in _INTS else value)
        yi, vi = func(*args)
        out.append({**row, "label": str(row.get("label", f"Study {i}")), "measure": measure,
                    "yi": yi, "vi": vi})
    return out
