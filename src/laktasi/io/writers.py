"""Writing study data (.xlsx, .csv, .sav with value labels) and the data-entry template."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from laktasi.design.study import DESIGNS, Study, study_from_mapping
from laktasi.errors import InvalidOptionError

from ._validate import AGE_COLUMNS, AGE_PLAUSIBLE, outcome_range

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_STUDIES", "STUDY_SHEETS", "default_study", "make_template", "study_to_mapping",
           "study_yaml", "write_data", "write_rows"]

WRITE_FORMATS = (".csv", ".xlsx", ".sav")


def _frame(data: pd.DataFrame | Sequence[Mapping[str, Any]], study: Study | None) -> pd.DataFrame:
    import pandas as pd  # imported when data are written (not on the analysis path)

    if isinstance(data, pd.DataFrame):
        df = data.reset_index(drop=True)
    else:
        df = pd.DataFrame([dict(r) for r in data])
    if study is not None:
        for c in study.columns:
            if c not in df.columns:
                df[c] = None
        df = df[list(study.columns)]
    return df


def _cell(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, float) and v != v:
        return None
    return v.item() if hasattr(v, "item") else v


def write_data(data: pd.DataFrame | Sequence[Mapping[str, Any]], path: str | Path,
               study: Study | None = None, *, sep: str = ",", decimal: str = ".") -> Path:
    """Write a table (a DataFrame or rows as dicts) in the study's column order.

    ``.xlsx``: one sheet "Data", header in row 1, frozen. ``.csv``: UTF-8 with BOM (Excel
    opens it right), ``sep`` and ``decimal`` as given (``sep=";", decimal=","`` for Excel set
    to Indonesian). ``.sav``: categories coded 1..k with value labels, the study's labels as
    variable labels, measure levels set (nominal/ordinal/scale). Every format reads back with
    :func:`laktasi.io.load_data` to the same table.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in WRITE_FORMATS:
        raise InvalidOptionError(f"{p.suffix!r}: write {', '.join(WRITE_FORMATS)}.",
                                 option="path", value=p.suffix, allowed=WRITE_FORMATS,
                                 message_id="write_format_unknown")
    if sep == decimal:
        raise InvalidOptionError(f"sep={sep!r} and decimal={decimal!r} must differ.",
                                 option="sep", value=sep, decimal=decimal,
                                 message_id="sep_equals_decimal")
    df = _frame(data, study)
    cols = [str(c) for c in df.columns]
    records = [[_cell(v) for v in row] for row in df.itertuples(index=False, name=None)]
    if suffix == ".csv":
        with p.open("w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh, delimiter=sep)
            writer.writerow(cols)
            for r in records:
                writer.writerow(["" if v is None else _csv_number(v, decimal) for v in r])
    elif suffix == ".xlsx":
        import openpyxl
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Data"
        ws.append(cols)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in records:
            ws.append(r)
        ws.freeze_panes = "A2"
        for j, c in enumerate(cols, start=1):
            ws.column_dimensions[get_column_letter(j)].width = max(10, len(c) + 2)
        wb.save(p)
    else:
        _write_sav(df, p, study)
    return p


def _csv_number(v: Any, decimal: str) -> Any:
    if isinstance(v, float) and decimal != ".":
        return repr(v).replace(".", decimal)
    return v


def _write_sav(df: pd.DataFrame, p: Path, study: Study | None) -> None:
    import pandas as pd
    import pyreadstat

    df = df.copy()
    labels: dict[str, dict[float, str]] = {}
    cats = _categorical_columns(study) if study is not None else {}
    for col in df.columns:
        if col not in cats and df[col].dtype == object:
            values = [v for v in df[col] if v is not None and not (isinstance(v, float) and
                                                                   v != v)]
            if values and all(isinstance(v, str) for v in values):
                levels = tuple(dict.fromkeys(values))
                if study is None and len(levels) <= 20:
                    cats[col] = levels
    for col, levels in cats.items():
        if col not in df.columns:
            continue
        codes = {lv: float(i + 1) for i, lv in enumerate(levels)}
        df[col] = pd.Series([codes.get(v) for v in df[col]], index=df.index, dtype="float64")
        labels[col] = {code: lv for lv, code in codes.items()}
    for col in df.columns:
        if col not in labels and df[col].dtype == object:
            try:
                df[col] = pd.to_numeric(df[col])
            except (TypeError, ValueError):
                df[col] = ["" if v is None else str(v) for v in df[col]]
    column_labels = None
    measure: dict[str, str] = {}
    if study is not None:
        names = _column_labels(study)
        column_labels = {c: names.get(c, c) for c in df.columns}
        for o in study.outcomes:
            for c in o.columns:
                measure[c] = {"binary": "nominal", "ordinal": "ordinal"}.get(o.type, "scale")
        for ch in study.characteristics:
            measure[ch.column] = "scale" if ch.bins else "nominal"
        if study.group is not None:
            measure[study.group.column] = "nominal"
        if study.id_column:
            measure[study.id_column] = "nominal"
    pyreadstat.write_sav(df, str(p), column_labels=column_labels,
                         variable_value_labels=labels or None,
                         variable_measure={c: m for c, m in measure.items() if c in df.columns}
                         or None)


def write_rows(rows: Sequence[Mapping[str, Any]], path: str | Path, study: Study) -> Path:
    """Write rows (dicts) in the study's column order; see :func:`write_data`."""
    return write_data(rows, path, study)


def _categorical_columns(study: Study) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    if study.group is not None:
        out[study.group.column] = study.group.levels
    for ch in study.characteristics:
        if ch.categories and not ch.bins:
            out[ch.column] = ch.categories
    for o in study.outcomes:
        if o.type == "binary" and o.levels:
            for c in o.columns:
                out[c] = o.levels
    return out


def _column_labels(study: Study, lang: str = "id") -> dict[str, str]:
    from laktasi.i18n.io import template_words

    w = template_words(lang)
    out = {}
    for ch in study.characteristics:
        out[ch.column] = ch.label.get(lang, ch.column)
    for o in study.outcomes:
        name = o.label.get(lang, o.name)
        if o.pre:
            out[o.pre] = f"{name} ({w['pre']})"
            out[o.post] = f"{name} ({w['post']})"
        else:
            out[o.post] = name
    if study.group is not None:
        out[study.group.column] = w["group_col"]
    if study.id_column:
        out[study.id_column] = w["id_col"]
    return out


# ----------------------------------------------------------------------------- study text

#: The names of the workbook sheet that carries the study description (by language).
STUDY_SHEETS = {"id": "Deskripsi studi", "en": "Study description"}


class _Flow(list):
    """A short list written on one line: ``[SD, SMP, SMA, PT]``."""


class _FlowMap(dict):
    """A small mapping written on one line: ``{id: Umur, en: Age}``."""


def _flow(value: Any) -> Any:
    """A value written on one line when it holds no list or mapping."""
    if isinstance(value, list):
        items = [_flow(x) for x in value]
        return _Flow(items) if all(not isinstance(x, (dict, list)) for x in items) else items
    if isinstance(value, dict):
        d = {k: _flow(x) for k, x in value.items()}
        return _FlowMap(d) if all(not isinstance(x, (dict, list)) for x in d.values()) else d
    return value


def _flow_values(entry: Any) -> Any:
    """An entry of the study file (a block mapping) whose values are written on one line."""
    return {k: _flow(v) for k, v in entry.items()} if isinstance(entry, dict) else entry


def study_to_mapping(study: Study) -> dict[str, Any]:
    """The study as the mapping a study file holds (see ``docs/study-file.md``):
    :func:`laktasi.design.study_to_mapping`, with short lists and mappings marked to be
    written on one line; :func:`laktasi.design.study_from_mapping` reads it back to the
    same study.

    >>> from laktasi.io import default_study
    >>> m = study_to_mapping(default_study("one-group-pretest-posttest"))
    >>> m["study"]["design"], m["outcomes"][1]["pre"], m["outcomes"][1]["post"]
    ('one-group-pretest-posttest', 'menyusui_pre', 'menyusui_post')
    """
    from laktasi.design.study import study_to_mapping as plain_mapping

    out = plain_mapping(study)
    out["study"] = _flow_values(out["study"])
    if "group" in out:
        levels = out["group"]["levels"]
        out["group"]["levels"] = (_Flow(levels) if all(not isinstance(x, dict) for x in levels)
                                  else [_flow_values(x) for x in levels])
    for key in ("characteristics", "outcomes"):
        if key in out:
            out[key] = [_flow_values(x) for x in out[key]]
    return out


class _Dumper(yaml.SafeDumper):
    """Block style with list items indented under their key (every line but the top-level
    keys starts with spaces, so a spreadsheet shows the nesting)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(_FlowMap, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style=True))


def study_yaml(study: Study, header: str = "") -> str:
    """The study description as YAML text (``header``: comment lines put on top)."""
    body = yaml.dump(study_to_mapping(study), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=100)
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    return "\n".join([*lines, body.rstrip("\n")]) + "\n"


# ----------------------------------------------------------------------------- template

_OUTCOMES = [
    {"name": "volume", "label": {"id": "Pengeluaran ASI (cc)", "en": "Milk expressed (cc)"},
     "type": "continuous", "unit": "cc", "min": 0, "max": 100},
    {"name": "menyusui", "label": {"id": "Frekuensi menyusui (kali/hari)",
                                   "en": "Feeds per day"}, "type": "count", "min": 0, "max": 24},
    {"name": "bak", "label": {"id": "Frekuensi BAK bayi (kali/hari)",
                              "en": "Infant urinations per day"}, "type": "count", "min": 0,
     "max": 30},
    {"name": "kelancaran", "label": {"id": "Kelancaran ASI", "en": "Milk flow"},
     "type": "binary", "levels": ["tidak lancar", "lancar"]},
]


def default_study(design: str, lang: str = "id") -> Study:
    """The default study of a design (used by the template when no study file is given):
    id ``kode``, group ``kelompok`` (intervensi/kontrol) for two-group designs, the default
    characteristics (umur, pendidikan, pekerjaan, paritas) and four outcomes (milk volume in
    cc, feeds and infant urinations per day, kelancaran ASI). An unknown design raises an
    error listing the designs, in ``lang``."""
    if design not in DESIGNS:
        from laktasi.design.infer import unknown_design

        raise unknown_design(design, lang, option="design")
    outcomes = []
    for o in _OUTCOMES:
        o = dict(o)
        if design != "two-group-posttest":
            o["pre"] = f"{o['name']}_pre"
        o["post"] = f"{o['name']}_post"
        outcomes.append(o)
    spec: dict[str, Any] = {
        "study": {"id": "template", "title": "Pijat oksitosin", "design": design},
        "id_column": "kode",
        "characteristics": ["umur", "pendidikan", "pekerjaan", "paritas"],
        "outcomes": outcomes,
    }
    if design != "one-group-pretest-posttest":
        spec["group"] = {"column": "kelompok", "levels": ["intervensi", "kontrol"],
                         "intervention": "intervensi"}
    return study_from_mapping(spec, f"(default study: {design})")


DEFAULT_STUDIES = {d: default_study(d) for d in DESIGNS}


def _rules(study: Study, lang: str) -> dict[str, dict[str, Any]]:
    """Per column: the Excel validation and the 'allowed' text for the instruction sheet."""
    from laktasi.i18n.io import template_words

    w = template_words(lang)
    rules: dict[str, dict[str, Any]] = {}
    for col, levels in _categorical_columns(study).items():
        rules[col] = {"kind": "list", "levels": levels, "allowed": " / ".join(levels)}
    for o in study.outcomes:
        if o.type == "binary":
            continue
        lo, hi = outcome_range(o)
        whole = o.type in ("count", "ordinal")
        if hi is None:
            text = w["number_open"].format(lo=_g(lo))
        else:
            text = w["whole" if whole else "number"].format(lo=_g(lo), hi=_g(hi))
        for c in o.columns:
            rules[c] = {"kind": "whole" if whole else "decimal", "lo": lo, "hi": hi,
                        "allowed": text}
    for ch in study.characteristics:
        if ch.bins:
            lo, hi = (AGE_PLAUSIBLE if ch.column.lower() in AGE_COLUMNS else
                      (min((b.get("min", 0) for b in ch.bins), default=0),
                       max((b.get("max", 0) for b in ch.bins), default=None)))
            bands = ", ".join(str(b["label"]) for b in ch.bins)
            rules[ch.column] = {"kind": "decimal", "lo": lo, "hi": hi,
                                "allowed": f"{w['number_open'].format(lo=_g(lo))} ({bands})"
                                if hi is None else
                                f"{w['number'].format(lo=_g(lo), hi=_g(hi))} ({bands})"}
        elif not ch.categories:
            rules[ch.column] = {"kind": "text", "allowed": w["text"]}
    if study.id_column:
        rules[study.id_column] = {"kind": "id", "allowed": w["id_col"]}
    return rules


def _g(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def make_template(study_or_design: Study | str, path: str | Path, *, lang: str = "id",
                  rows: int = 60) -> Path:
    """An Excel data-entry workbook for a study (or a design's default study).

    Sheet "Data": the study's columns in row 1 (bold, frozen), widths fitted, dropdowns for
    groups, categories and binary outcomes, number checks with the outcome's range (whole
    numbers for counts), a duplicate check on the id column, for ``rows`` rows. Sheet
    "Petunjuk" ("Instructions" with ``lang="en"``): how to fill it in (one row per mother,
    pseudonymous codes, no merged cells, ...) and every column with what it accepts. Sheet
    "Deskripsi studi" ("Study description"): the study description (the YAML of
    ``docs/study-file.md``, one line per row), so that ``laktasi check F.xlsx`` and
    ``laktasi analyze F.xlsx`` need no other file (:func:`laktasi.io.find_study`).

    >>> import tempfile, openpyxl
    >>> path = make_template("one-group-pretest-posttest", tempfile.mkdtemp() + "/t.xlsx")
    >>> openpyxl.load_workbook(path).sheetnames
    ['Data', 'Petunjuk', 'Deskripsi studi']
    """
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from laktasi.i18n.io import template_words

    w = template_words(lang)
    if isinstance(study_or_design, str):
        study = default_study(study_or_design, lang)
    elif isinstance(study_or_design, Study):
        study = study_or_design
    else:
        raise InvalidOptionError(f"expected a Study or a design name, got "
                                 f"{type(study_or_design).__name__}.", option="study_or_design",
                                 kind=type(study_or_design).__name__,
                                 message_id="template_needs_study")
    if not isinstance(rows, int) or rows < 1:
        raise InvalidOptionError(f"rows={rows!r} must be a positive whole number.",
                                 option="rows", value=rows,
                                 message_id="template_rows")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = w["data_sheet"]
    cols = list(study.columns)
    ws.append(cols)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center")
    ws.freeze_panes = "A2"
    last = rows + 1
    rules = _rules(study, lang)
    labels = _column_labels(study, lang)
    for j, col in enumerate(cols, start=1):
        letter = get_column_letter(j)
        rule = rules.get(col, {})
        width = max(len(col), *(len(v) for v in rule.get("levels", ()))) if rule.get(
            "levels") else len(col)
        ws.column_dimensions[letter].width = max(12, width + 3)
        ref = f"{letter}2:{letter}{last}"
        kind = rule.get("kind")
        if kind == "list":
            dv = DataValidation(type="list", formula1='"' + ",".join(rule["levels"]) + '"',
                                allow_blank=True, showErrorMessage=True,
                                error=w["list_error"].format(allowed=rule["allowed"]))
        elif kind in ("whole", "decimal"):
            lo, hi = rule["lo"], rule["hi"]
            if hi is None:
                dv = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=_g(lo),
                                    allow_blank=True, showErrorMessage=True,
                                    error=rule["allowed"])
            else:
                dv = DataValidation(type=kind, operator="between", formula1=_g(lo),
                                    formula2=_g(hi), allow_blank=True, showErrorMessage=True,
                                    error=w["number_error"].format(lo=_g(lo), hi=_g(hi)))
        elif kind == "id":
            dv = DataValidation(type="custom", formula1=f"COUNTIF(${letter}$2:${letter}${last},"
                                f"{letter}2)=1", allow_blank=True, showErrorMessage=True,
                                error=w["id_error"])
        else:
            continue
        dv.promptTitle = labels.get(col, col)[:32]
        dv.prompt = rule["allowed"][:255]
        dv.showInputMessage = True
        ws.add_data_validation(dv)
        dv.add(ref)
    info = wb.create_sheet(w["info_sheet"])
    info.append([w["title"]])
    info["A1"].font = Font(bold=True, size=13)
    info.append([w["design"].format(design=w["designs"].get(study.design, study.design))])
    info.append([])
    for k, step in enumerate(w["steps"], start=1):
        info.append([f"{k}. {step.format(id=study.id_column or '')}"])
    info.append([])
    info.append([w["columns"], w["meaning"], w["allowed"]])
    for cell in info[info.max_row]:
        cell.font = Font(bold=True)
    for col in cols:
        info.append([col, labels.get(col, col), rules.get(col, {}).get("allowed", w["text"])])
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 48
    info.column_dimensions["C"].width = 60
    _study_sheet(wb, study, lang)
    p = Path(path)
    wb.save(p)
    return p


def _study_sheet(wb: Any, study: Study, lang: str) -> None:
    """The study description as YAML text, one line per row in column A (text cells, fixed
    width font); the comment lines on top say what it is and how to change it."""
    from openpyxl.styles import Font

    from laktasi.i18n.io import template_words

    w = template_words(lang)
    ws = wb.create_sheet(STUDY_SHEETS[lang])
    for line in study_yaml(study, w["study_sheet_note"]).splitlines():
        ws.append([line])
        cell = ws.cell(row=ws.max_row, column=1)
        cell.data_type = "s"
        cell.number_format = "@"
        cell.font = Font(name="Courier New")
    ws.column_dimensions["A"].width = 100
