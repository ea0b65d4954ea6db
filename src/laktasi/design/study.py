"""The study description: design, columns, characteristics and outcomes.

Written by the user as YAML (or built from CLI flags); every later step (data
validation, analysis plan, report) reads this one object.

Example
-------
>>> study = study_from_mapping({
...     "study": {"id": "demo", "title": "Pijat oksitosin", "design": "one-group-pretest-posttest"},
...     "outcomes": [{"name": "menyusui", "type": "count", "pre": "m_pre", "post": "m_post"}],
... })
>>> study.outcomes[0].columns
('m_pre', 'm_post')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from laktasi.errors import LaktasiInputError
from laktasi.i18n import LANGS, has_text, plural, spoken, text

from .designs import DESIGN_COMPARISONS, DESIGNS
from .designs import design as design_of
from .registry import OUTCOME_TYPES, TESTS, known, tests_for

__all__ = [
    "CHI_SQUARE_2X2",
    "DESIGNS",
    "DESIGN_COMPARISONS",
    "OUTCOME_TYPES",
    "Characteristic",
    "GroupSpec",
    "Outcome",
    "Study",
    "StudyError",
    "forced_tests_allowed",
    "load_study",
    "study_from_mapping",
    "study_to_mapping",
]

# Which row of SPSS's Chi-Square Tests table a 2 x 2 table with every expected count >= 5 is
# read from: "continuity" (the rule taught in Indonesian health statistics courses) or
# "pearson" (a study may choose it; the chapter then says so).
CHI_SQUARE_2X2 = ("continuity", "pearson")

# Defaults from DOMAIN.md (editable in the study file)
DEFAULT_CHARACTERISTICS: dict[str, dict[str, Any]] = {
    "umur": {
        "label": {"id": "Umur", "en": "Age"},
        "bins": [
            {"label": "<20 tahun", "max": 19},
            {"label": "20-35 tahun", "min": 20, "max": 35},
            {"label": ">35 tahun", "min": 36},
        ],
    },
    "pendidikan": {"label": {"id": "Pendidikan", "en": "Education"},
                   "categories": ["SD", "SMP", "SMA", "PT"]},
    "pekerjaan": {"label": {"id": "Pekerjaan", "en": "Occupation"},
                  "categories": ["IRT", "wiraswasta", "pegawai swasta", "PNS", "tenaga honorer"]},
    "paritas": {"label": {"id": "Paritas", "en": "Parity"},
                "categories": ["primipara", "multipara", "grandemultipara"]},
}


def forced_tests_allowed(design: str, outcome_type: str) -> tuple[str, ...]:
    """The tests ``force_test`` may name for an outcome of this type in this design (the
    registry's tests that serve a comparison the design runs; see
    :mod:`laktasi.design.registry`).

    >>> forced_tests_allowed("one-group-pretest-posttest", "binary")
    ('mcnemar', 'chi-square-paired')
    """
    return tests_for(design, outcome_type)


# a banded age column without its own min/max: values outside this range are warned
AGE_COLUMNS = ("umur", "usia", "age")
AGE_PLAUSIBLE = (10.0, 60.0)
# The words of this module are in the catalogue of laktasi.i18n: section "study" (what is
# wrong in a study description file; file and key path are put in front by _Reader.fail)
# and section "forced" (the refusal of a ``force_test`` the design cannot use).
TOP_KEYS = ("study", "id_column", "group", "characteristics", "outcomes")


def _message(lang: str | None, key: str, **values: Any) -> str:
    return text("study", key, spoken(lang), **values)


def default_intervention() -> dict[str, str]:
    """The intervention's name when the study description gives none, in every language."""
    return {lang: text("study", "default_intervention", lang) for lang in LANGS}


def _forced_refused(forced: str, design_name: str, typ: str, allowed: tuple[str, ...],
                    lang: str | None) -> str:
    """Why ``force_test = forced`` cannot be used, in ``lang`` (Indonesian by default)."""
    lang = spoken(lang)
    why = (text("forced", "serves", lang, forced=forced,
                what=text("forced", TESTS[forced].comparison, lang))
           if forced in TESTS else text("forced", "unknown", lang, forced=forced))
    compares = text("forced", "and", lang).join(text("forced", c, lang)
                                               for c in design_of(design_name).comparisons)
    return text("forced", "forced_refused", lang, forced=forced, why=why, design=design_name,
                compares=compares, type=typ, allowed=", ".join(allowed))


class StudyError(LaktasiInputError):
    """A problem in the study description, located by file and key path."""

    code = "study_invalid"


@dataclass(frozen=True)
class Characteristic:
    column: str
    label: dict[str, str]
    categories: tuple[str, ...] = ()
    bins: tuple[dict[str, Any], ...] = ()
    min: float | None = None  # plausible range of a numeric characteristic (age 10-60)
    max: float | None = None

    @property
    def levels(self) -> tuple[str, ...]:
        return tuple(b["label"] for b in self.bins) if self.bins else self.categories

    def plausible(self, x: float) -> bool:
        """True when a value lies in the study's plausible range (no range: always)."""
        return ((self.min is None or x >= self.min) and (self.max is None or x <= self.max))


@dataclass(frozen=True)
class Outcome:
    name: str
    label: dict[str, str]
    type: str
    post: str
    pre: str | None = None
    unit: str = ""
    levels: tuple[str, ...] = ()  # binary: (worse, better), e.g. ("tidak lancar", "lancar")
    min: float | None = None
    max: float | None = None
    force_test: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.pre, self.post) if self.pre else (self.post,)


@dataclass(frozen=True)
class GroupSpec:
    column: str
    levels: tuple[str, ...]
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    intervention: str | None = None

    def label(self, level: str, lang: str) -> str:
        return self.labels.get(level, {}).get(lang, level)


@dataclass(frozen=True)
class Study:
    id: str
    title: str
    design: str
    outcomes: tuple[Outcome, ...]
    characteristics: tuple[Characteristic, ...] = ()
    id_column: str | None = None
    group: GroupSpec | None = None
    place: str = ""
    year: str = ""
    alpha: float = 0.05
    source: str = ""
    # the intervention's name in the chapter's sentences; group designs take the label of
    # group.intervention instead
    intervention: dict[str, str] = field(default_factory=default_intervention)
    chi_square_2x2: str = "continuity"

    def intervention_name(self, lang: str) -> str:
        """The intervention as the chapter names it ("pijat oksitosin", a group's label)."""
        if self.group is not None and self.group.intervention is not None:
            return self.group.label(self.group.intervention, lang)
        return self.intervention.get(lang) or self.intervention.get("id", "")

    @property
    def paired(self) -> bool:
        return design_of(self.design).pre

    @property
    def columns(self) -> tuple[str, ...]:
        cols = [self.id_column] if self.id_column else []
        if self.group:
            cols.append(self.group.column)
        cols += [c.column for c in self.characteristics]
        for o in self.outcomes:
            cols += list(o.columns)
        return tuple(cols)


class _Reader:
    """Reads one mapping, with the key path kept for messages."""

    def __init__(self, source: str, lang: str | None = None) -> None:
        self.source = source
        self.lang = lang

    def fail(self, path: str, message: str, **detail: Any) -> StudyError:
        """``message`` is a key of the catalogue (formatted with ``detail``) or, for a text
        already worded, the text itself."""
        if message == "unknown_keys":  # one form per number of keys
            message = plural("study", message, len(detail["keys"]), spoken(self.lang), **detail)
        elif has_text("study", message):
            message = _message(self.lang, message, **detail)
        where = f"{self.source}: " if self.source else ""
        return StudyError(f"{where}{path}: {message}", source=self.source, path=path, **detail)

    def mapping(self, value: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(path, "mapping", kind=type(value).__name__, value=value)
        return value

    def text(self, m: Mapping[str, Any], key: str, path: str, default: str | None = None) -> str:
        if key not in m or m[key] is None:
            if default is not None:
                return default
            raise self.fail(f"{path}.{key}", "required", key=key)
        v = m[key]
        if not isinstance(v, (str, int, float)) or isinstance(v, bool):
            raise self.fail(f"{path}.{key}", "text", value=v)
        return str(v)

    def choice(self, m: Mapping[str, Any], key: str, path: str, allowed: tuple[str, ...],
               default: str | None = None) -> str:
        v = self.text(m, key, path, default)
        if v not in allowed:
            raise self.fail(f"{path}.{key}", "choice", value=v, allowed=allowed,
                            allowed_text=", ".join(allowed))
        return v

    def label(self, m: Mapping[str, Any], path: str, fallback: str) -> dict[str, str]:
        v = m.get("label", fallback)
        if isinstance(v, str):
            return {"id": v, "en": v}
        lab = self.mapping(v, f"{path}.label")
        out = {k: str(lab[k]) for k in ("id", "en") if k in lab}
        out.setdefault("id", out.get("en", fallback))
        out.setdefault("en", out["id"])
        return out

    def number(self, m: Mapping[str, Any], key: str, path: str) -> float | None:
        if m.get(key) is None:
            return None
        v = m[key]
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise self.fail(f"{path}.{key}", "number", value=v)
        return float(v)

    def str_list(self, m: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        v = m.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, (str, int, float)) for x in v):
            raise self.fail(f"{path}.{key}", "categories", value=v)
        return tuple(str(x) for x in v)


def study_from_mapping(data: Any, source: str = "", lang: str | None = None) -> Study:
    """Build and check a :class:`Study` from a parsed YAML mapping.

    A ``force_test`` the design cannot use is refused in ``lang`` ("id" or "en")."""
    r = _Reader(source, lang)
    top = r.mapping(data, "(top level)")
    unknown = set(top) - set(TOP_KEYS)
    if unknown:
        raise r.fail(", ".join(sorted(map(str, unknown))), "unknown_keys",
                     allowed=", ".join(TOP_KEYS), keys=sorted(map(str, unknown)))
    st = r.mapping(top.get("study"), "study")
    design = r.choice(st, "design", "study", DESIGNS)
    alpha = r.number(st, "alpha", "study")
    if alpha is not None and not 0 < alpha < 1:
        raise r.fail("study.alpha", "alpha", value=alpha)
    group = None
    if design_of(design).groups:
        g = r.mapping(top.get("group"), "group")
        levels_raw = g.get("levels")
        if not isinstance(levels_raw, list) or len(levels_raw) != 2:
            raise r.fail("group.levels", "two_levels", value=levels_raw)
        levels, labels = [], {}
        for i, lv in enumerate(levels_raw):
            if isinstance(lv, Mapping):
                value = r.text(lv, "value", f"group.levels[{i}]")
                labels[value] = r.label(lv, f"group.levels[{i}]", value)
            else:
                value = str(lv)
            levels.append(value)
        intervention = g.get("intervention")
        if intervention is not None and str(intervention) not in levels:
            raise r.fail("group.intervention", "intervention", value=intervention,
                         levels=", ".join(levels), allowed=levels)
        group = GroupSpec(r.text(g, "column", "group"), tuple(levels), labels,
                          None if intervention is None else str(intervention))
    chars = []
    raw_chars = top.get("characteristics", []) or []
    if not isinstance(raw_chars, list):
        raise r.fail("characteristics", "list", value=raw_chars)
    for i, c in enumerate(raw_chars):
        path = f"characteristics[{i}]"
        c = {"column": c} if isinstance(c, str) else r.mapping(c, path)
        col = r.text(c, "column", path)
        defaults = DEFAULT_CHARACTERISTICS.get(col, {})
        merged = {**defaults, **c}
        bins = merged.get("bins") or ()
        if bins and (not isinstance(bins, list) or not all(
                isinstance(b, Mapping) and "label" in b for b in bins)):
            raise r.fail(f"{path}.bins", "bins", value=bins)
        lo, hi = r.number(merged, "min", path), r.number(merged, "max", path)
        if bins and lo is None and hi is None and col.strip().lower() in AGE_COLUMNS:
            lo, hi = AGE_PLAUSIBLE
        if lo is not None and hi is not None and lo > hi:
            raise r.fail(f"{path}.min", "min_max", value=lo, lo=lo, hi=hi)
        chars.append(Characteristic(col, r.label(merged, path, col),
                                    r.str_list(merged, "categories", path),
                                    tuple(dict(b) for b in bins), lo, hi))
    outs = []
    raw_outs = top.get("outcomes")
    if not isinstance(raw_outs, list) or not raw_outs:
        raise r.fail("outcomes", "no_outcomes", value=raw_outs)
    names = set()
    for i, o in enumerate(raw_outs):
        path = f"outcomes[{i}]"
        o = r.mapping(o, path)
        name = r.text(o, "name", path)
        if name in names:
            raise r.fail(f"{path}.name", "twice", value=name)
        names.add(name)
        typ = r.choice(o, "type", path, OUTCOME_TYPES)
        pre = o.get("pre")
        if not design_of(design).pre:
            if pre is not None:
                raise r.fail(f"{path}.pre", "no_pre", value=pre)
        elif pre is None:
            raise r.fail(f"{path}.pre", "pre_required", design=design)
        out_levels = r.str_list(o, "levels", path)
        if typ == "binary" and len(out_levels) not in (0, 2):
            raise r.fail(f"{path}.levels", "binary_levels", value=list(out_levels))
        lo, hi = r.number(o, "min", path), r.number(o, "max", path)
        if lo is not None and hi is not None and lo > hi:
            raise r.fail(f"{path}.min", "min_max", value=lo, lo=lo, hi=hi)
        forced = None if o.get("force_test") is None else r.text(o, "force_test", path)
        if forced is not None:
            allowed = forced_tests_allowed(design, typ)
            if forced not in allowed:
                raise r.fail(f"{path}.force_test", _forced_refused(forced, design, typ, allowed,
                                                                   lang),
                             key="force_test", value=forced, allowed=allowed,
                             known=known(forced))
        outs.append(Outcome(name, r.label(o, path, name), typ, r.text(o, "post", path),
                            None if pre is None else str(pre), str(o.get("unit", "")),
                            out_levels,
                            lo, hi, forced))
    intervention = default_intervention()
    if st.get("intervention") is not None:
        intervention = r.label({"label": st["intervention"]}, "study.intervention", "")
    return Study(
        id=r.text(st, "id", "study"),
        title=r.text(st, "title", "study"),
        design=design,
        outcomes=tuple(outs),
        characteristics=tuple(chars),
        id_column=None if top.get("id_column") is None else str(top["id_column"]),
        group=group,
        place=str(st.get("place", "")),
        year=str(st.get("year", "")),
        alpha=0.05 if alpha is None else alpha,
        source=source,
        intervention=intervention,
        chi_square_2x2=r.choice(st, "chi_square_2x2", "study", CHI_SQUARE_2X2, "continuity"),
    )


def load_study(path: str | Path, lang: str | None = None) -> Study:
    """Read a study description YAML file; errors name the file and the key (a refused
    ``force_test`` is worded in ``lang``)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StudyError(f"{p}: {_message(lang, 'not_found')}", source=str(p)) from None
    except UnicodeDecodeError:
        raise StudyError(f"{p}: {_message(lang, 'not_utf8')}", source=str(p)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _message(lang, "where", line=mark.line + 1, column=mark.column + 1) if mark else ""
        problem = _message(lang, "not_yaml", problem=getattr(exc, "problem", exc))
        raise StudyError(f"{p}:{where}: {problem}", source=str(p)) from None
    return study_from_mapping(data, str(p), lang)


# --------------------------------------------------------------------------- study -> mapping

_STUDY_KEYS = ("id", "title", "design", "place", "year", "alpha")
_STRUCTURE = ("outcomes", "characteristics", "id_column", "group", "source")


def _plain_value(value: Any) -> Any:
    """A field's value as YAML/JSON holds it: tuples become lists, mappings dicts, a whole
    float an int (``min: 0``, not ``0.0``)."""
    if isinstance(value, (tuple, list)):
        return [_plain_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain_value(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _changed_fields(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The dataclass fields of ``obj`` that are set and differ from their defaults."""
    import dataclasses

    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name in skip:
            continue
        value = getattr(obj, f.name)
        default: Any = (f.default if f.default is not dataclasses.MISSING else
                        f.default_factory() if f.default_factory is not dataclasses.MISSING
                        else dataclasses.MISSING)
        if value is None or (default is not dataclasses.MISSING and value == default):
            continue
        out[f.name] = _plain_value(value)
    return out


def study_to_mapping(study: Study) -> dict[str, Any]:
    """A :class:`Study` as the mapping a study file holds (see ``docs/study-file.md``).

    The inverse of :func:`study_from_mapping`: ``study_from_mapping(study_to_mapping(s))``
    equals ``s`` apart from ``source`` (where it was read from). Settings left at their
    defaults are left out; values are plain ``dict``, ``list``, ``str`` and numbers, so the
    mapping can be written as YAML or stored as JSON.

    Parameters
    ----------
    study : Study
        The study description.

    Returns
    -------
    dict[str, Any]
        ``study`` (id, title, design, place, year, alpha and every other setting of the
        study block that differs from its default), ``id_column``, ``group``,
        ``characteristics`` and ``outcomes``, as in a study file.

    Examples
    --------
    >>> s = study_from_mapping({
    ...     "study": {"id": "demo", "title": "Pijat oksitosin",
    ...               "design": "one-group-pretest-posttest"},
    ...     "outcomes": [{"name": "menyusui", "type": "count", "pre": "m_pre", "post": "m_post"}],
    ... })
    >>> m = study_to_mapping(s)
    >>> m["study"]["design"], m["outcomes"][0]["pre"]
    ('one-group-pretest-posttest', 'm_pre')
    >>> study_from_mapping(m) == s
    True
    """
    head = {k: _plain_value(getattr(study, k)) for k in _STUDY_KEYS
            if getattr(study, k) not in ("", None)}
    # every other setting of the study block (intervention, chi_square_2x2, ...) when it
    # differs from its default
    head.update(_changed_fields(study, skip=(*_STUDY_KEYS, *_STRUCTURE)))
    out: dict[str, Any] = {"study": head}
    if study.id_column:
        out["id_column"] = study.id_column
    if study.group is not None:
        g = study.group
        levels: list[Any] = [{"value": lv, "label": _plain_value(g.labels[lv])}
                             if lv in g.labels else lv for lv in g.levels]
        out["group"] = {"column": g.column, "levels": levels}
        if g.intervention is not None:
            out["group"]["intervention"] = g.intervention
    if study.characteristics:
        out["characteristics"] = [_changed_fields(c) for c in study.characteristics]
    outcomes = []
    for o in study.outcomes:
        d = _changed_fields(o)
        # the order a reader expects: name, label, type, columns, then the rest
        first: dict[str, Any] = {k: d.pop(k) for k in ("name", "label", "type", "pre", "post")
                                 if k in d}
        outcomes.append({**first, **d})
    out["outcomes"] = outcomes
    return out
