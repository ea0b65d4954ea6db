"""A study description built from a data file's columns and CLI flags (no YAML needed).

Outcomes are the column pairs NAME_pre / NAME_post (also NAME_sebelum / NAME_sesudah); for a
two-group posttest design, the NAME_post columns (or every other column). Types: two text
values -> binary; whole numbers -> count; otherwise continuous. Characteristics are the
columns with laktasi's default names (umur, pendidikan, pekerjaan, paritas).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from laktasi.errors import LaktasiInputError

from .study import DEFAULT_CHARACTERISTICS, Study, study_from_mapping

__all__ = ["study_from_columns"]

_PAIRS = (("_pre", "_post"), ("_sebelum", "_sesudah"), ("_pretest", "_posttest"))


def _values(rows: Sequence[Sequence[Any]], j: int) -> list[Any]:
    return [r[j] for r in rows if j < len(r) and r[j] not in (None, "")]


def _type(values: list[Any]) -> tuple[str, list[str]]:
    nums = []
    for v in values:
        try:
            nums.append(float(str(v).replace(",", ".")) if isinstance(v, str) else float(v))
        except ValueError:
            texts = sorted({str(x).strip().lower() for x in values})
            if len(texts) == 2:
                worse = [t for t in texts if re.match(r"^(tidak|belum|kurang)\b", t)]
                order = worse + [t for t in texts if t not in worse]
                return "binary", order
            raise LaktasiInputError(f"values {', '.join(texts[:5])} are neither numbers nor two "
                                    "categories") from None
    return ("count" if all(x == int(x) for x in nums) else "continuous"), []


def study_from_columns(header: Sequence[str], rows: Sequence[Sequence[Any]], design: str, *,
                       group: str | None = None, id_column: str | None = None,
                       title: str = "") -> Study:
    """Describe the study from its columns; see the module docstring for the rules."""
    lower = {h.lower(): j for j, h in enumerate(header) if h}
    used = {c for c in (group, id_column) if c}
    outcomes = []
    for j, name in enumerate(header):
        for pre_sfx, post_sfx in _PAIRS:
            if name.lower().endswith(post_sfx):
                base = name[: -len(post_sfx)]
                pre = base + pre_sfx
                has_pre = pre.lower() in lower
                if design != "two-group-posttest" and not has_pre:
                    continue
                cols = [j] + ([lower[pre.lower()]] if has_pre and design != "two-group-posttest"
                              else [])
                values = [v for c in cols for v in _values(rows, c)]
                try:
                    typ, levels = _type(values)
                except LaktasiInputError as exc:
                    raise LaktasiInputError(f"column {name!r}: {exc}.", column=name) from None
                out: dict[str, Any] = {"name": base, "type": typ, "post": name,
                                       "label": base.replace("_", " ").capitalize()}
                if design != "two-group-posttest":
                    out["pre"] = header[lower[pre.lower()]]
                if levels:
                    out["levels"] = levels
                outcomes.append(out)
                used.update({name, out.get("pre", "")})
    if not outcomes:
        raise LaktasiInputError(
            "No outcome columns found: name them NAME_pre and NAME_post (or NAME_sebelum / "
            "NAME_sesudah), or describe the study in a YAML file (--study).")
    chars: list[Any] = []
    for c, default in DEFAULT_CHARACTERISTICS.items():
        if c not in lower or c in used:
            continue
        seen = sorted({str(v).strip() for v in _values(rows, lower[c])}, key=str.lower)
        known = {k.lower() for k in default.get("categories", [])}
        if "bins" in default or {v.lower() for v in seen} <= known:
            chars.append(c)  # laktasi's default bands / categories fit the data
        else:
            chars.append({"column": c, "categories": seen})  # the data's own categories
    spec: dict[str, Any] = {
        "study": {"id": "data", "title": title or "Analisis", "design": design},
        "outcomes": outcomes,
        "characteristics": chars,
    }
    if id_column:
        spec["id_column"] = id_column
    if design != "one-group-pretest-posttest":
        if group is None or group.lower() not in lower:
            raise LaktasiInputError(f"The design {design} needs --group COLUMN (the column that "
                                    "says which group each mother is in).", design=design)
        levels = sorted({str(v) for v in _values(rows, lower[group.lower()])})
        if len(levels) != 2:
            raise LaktasiInputError(f"column {group!r} must hold exactly two groups; found "
                                    f"{', '.join(levels)}.", column=group)
        spec["group"] = {"column": header[lower[group.lower()]], "levels": levels}
    return study_from_mapping(spec, "(from the data columns)")
