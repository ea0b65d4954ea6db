"""A study description built from a data file's columns and CLI flags (no YAML needed).

Outcomes are the column pairs NAME_pre / NAME_post (also NAME_sebelum / NAME_sesudah,
NAME_pretest / NAME_posttest); for a two-group posttest design, the NAME_post columns.
Types: cells that are mostly numbers -> count (whole numbers) or continuous; text cells ->
binary (the two most frequent values; ``tidak ...``, ``belum ...``, ``kurang ...`` is the
worse level). A cell that does not fit the type found ("tujuh" among numbers) is not judged
here: the data check then reports it with its row, column, value and what is allowed, as on
the ``--study`` route. Characteristics are the columns with laktasi's default names (umur,
pendidikan, pekerjaan, paritas). Problems with the flags themselves (an unknown design, a
``--group`` or ``--id`` column that is not in the file, a group column without exactly two
groups, no outcome columns) raise :class:`~laktasi.errors.LaktasiInputError` worded in
``lang``.

>>> st = study_from_columns(["kode", "menyusui_pre", "menyusui_post"],
...                         [["R01", 5, 9], ["R02", 6, "tujuh"]], "one-group-pretest-posttest")
>>> st.outcomes[0].type, st.outcomes[0].columns
('count', ('menyusui_pre', 'menyusui_post'))
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from laktasi.errors import InvalidOptionError, LaktasiInputError
from laktasi.i18n import spoken, text

from .study import DEFAULT_CHARACTERISTICS, DESIGNS, Study, study_from_mapping

__all__ = ["study_from_columns", "unknown_design"]

_PAIRS = (("_pre", "_post"), ("_sebelum", "_sesudah"), ("_pretest", "_posttest"))
_WORSE = re.compile(r"^(tidak|belum|kurang|not|no)\b", re.IGNORECASE)
_INTERVENTION = re.compile(r"interven|eksperim|experim|perlakuan|treat|pijat|massag",
                           re.IGNORECASE)

# The words of this module: section "infer" of the laktasi.i18n catalogue; the designs'
# names: section "design".


def _say(lang: str | None, key: str, **values: Any) -> str:
    return text("infer", key, spoken(lang), **values)


def unknown_design(value: Any, lang: str | None = None, option: str = "--design"
                   ) -> InvalidOptionError:
    """The error for a design laktasi does not know, listing the designs (in ``lang``)."""
    allowed = "\n".join(f"  {d}: {text('design', d, spoken(lang))}" for d in DESIGNS)
    return InvalidOptionError(_say(lang, "unknown_design", value=value, allowed=allowed),
                              option=option, value=value, allowed=DESIGNS)


def _filled(v: Any) -> bool:
    if v is None:
        return False
    if isinstance(v, float):
        return v == v
    return not (isinstance(v, str) and v.strip() == "")


def _values(rows: Sequence[Sequence[Any]], j: int) -> list[Any]:
    return [r[j] for r in rows if j < len(r) and _filled(r[j])]


def _number(v: Any) -> float | None:
    from laktasi.io import parse_number

    try:
        return parse_number(v)
    except ValueError:
        return None


def _type(values: list[Any]) -> tuple[str, list[str]]:
    """The outcome type the cells show; cells that do not fit are left to the data check."""
    nums = [x for x in map(_number, values) if x is not None]
    texts = [str(v).strip() for v in values if _number(v) is None]
    if nums and len(nums) >= len(texts):
        return ("count" if all(x == int(x) for x in nums) else "continuous"), []
    if not texts:
        return "count", []  # an empty column: skipped by the pipeline, with a note
    counts = Counter(t.lower() for t in texts)
    spelled = {t.lower(): t for t in reversed(texts)}  # first spelling of each value
    top = [spelled[t] for t, _ in counts.most_common(2)]
    if len(top) == 1:  # everyone in one category: the other is its opposite
        m = _WORSE.match(top[0])
        top.append(top[0][m.end():].strip() if m else f"tidak {top[0]}")
    worse = [t for t in top if _WORSE.match(t)]
    return "binary", worse[:1] + [t for t in top if t not in worse[:1]]


def _column(header: Sequence[str], name: str, flag: str, lang: str | None) -> int:
    """Position of a column named by a flag (without case); a located error otherwise."""
    lower = {str(h).strip().lower(): j for j, h in enumerate(header) if h}
    j = lower.get(name.strip().lower())
    if j is not None:
        return j
    present = [str(h) for h in header if h]
    message = _say(lang, "no_column", value=name, flag=flag, columns=", ".join(present))
    close = difflib.get_close_matches(name.lower(), list(lower), n=1, cutoff=0.6)
    if close:
        message += _say(lang, "did_you_mean", name=header[lower[close[0]]])
    raise InvalidOptionError(message, option=flag, value=name, allowed=tuple(present))


def study_from_columns(header: Sequence[str], rows: Sequence[Sequence[Any]], design: str, *,
                       group: str | None = None, id_column: str | None = None,
                       title: str = "", lang: str | None = None) -> Study:
    """Describe the study from its columns; see the module docstring for the rules."""
    header = ["" if h is None else str(h) for h in header]
    columns = ", ".join(h for h in header if h)
    if design not in DESIGNS:
        raise unknown_design(design, lang)
    paired = design != "two-group-posttest"
    group_j = id_j = None
    if design != "one-group-pretest-posttest":
        if not group:
            raise LaktasiInputError(_say(lang, "needs_group", design=design, columns=columns),
                                    design=design, option="--group")
        group_j = _column(header, group, "--group", lang)
    if id_column:
        id_j = _column(header, id_column, "--id", lang)
    lower = {h.lower(): j for j, h in enumerate(header) if h}
    used = {header[j] for j in (group_j, id_j) if j is not None}
    outcomes = []
    for j, name in enumerate(header):
        if name in used:
            continue
        for pre_sfx, post_sfx in _PAIRS:
            if not name.lower().endswith(post_sfx):
                continue
            base = name[: -len(post_sfx)]
            pre_j = lower.get((base + pre_sfx).lower())
            if paired and pre_j is None:
                continue
            cols = [j] + ([pre_j] if paired and pre_j is not None else [])
            typ, levels = _type([v for c in cols for v in _values(rows, c)])
            out: dict[str, Any] = {"name": base, "type": typ, "post": name,
                                   "label": base.replace("_", " ").capitalize()}
            if paired and pre_j is not None:
                out["pre"] = header[pre_j]
            if levels:
                out["levels"] = levels
            outcomes.append(out)
            used.update(header[c] for c in cols)
            break
    if not outcomes:
        raise LaktasiInputError(_say(lang, "no_outcomes" if paired else "no_outcomes_post",
                                     columns=columns), columns=tuple(header))
    chars: list[Any] = []
    for c, default in DEFAULT_CHARACTERISTICS.items():
        if c not in lower or header[lower[c]] in used:
            continue
        seen = sorted({str(v).strip() for v in _values(rows, lower[c])}, key=str.lower)
        known = {k.lower() for k in default.get("categories", [])}
        if "bins" in default or {v.lower() for v in seen} <= known:
            chars.append(header[lower[c]] if header[lower[c]] == c else
                         {**default, "column": header[lower[c]]})
        else:
            chars.append({"column": header[lower[c]], "categories": seen})  # the data's own
    spec: dict[str, Any] = {
        "study": {"id": "data", "title": title or "Analisis", "design": design},
        "outcomes": outcomes,
        "characteristics": chars,
    }
    if id_j is not None:
        spec["id_column"] = header[id_j]
    if group_j is not None:
        spelled: dict[str, str] = {}
        for v in _values(rows, group_j):
            spelled.setdefault(str(v).strip().lower(), str(v).strip())
        levels = sorted(spelled.values(), key=str.lower)
        if len(levels) != 2:
            found = ", ".join(levels) if levels else _say(lang, "empty")
            raise LaktasiInputError(_say(lang, "two_groups", column=header[group_j],
                                         found=found), column=header[group_j])
        spec["group"] = {"column": header[group_j], "levels": levels}
        chosen = [lv for lv in levels if _INTERVENTION.search(lv)]
        if len(chosen) == 1:
            spec["group"]["intervention"] = chosen[0]
    return study_from_mapping(spec, "(from the data columns)")
