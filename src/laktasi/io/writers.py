"""Writing study data (.xlsx, .csv, .sav with value labels) and the data-entry template."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from laktasi.design.study import Study, study_from_mapping
from laktasi.errors import InvalidOptionError

__all__ = ["DEFAULT_STUDIES", "make_template", "write_rows"]


def write_rows(rows: Sequence[Mapping[str, Any]], path: str | Path, study: Study) -> Path:
    """Write rows in the study's column order; .sav gets value labels for categories."""
    p = Path(path)
    cols = list(study.columns)
    if p.suffix.lower() == ".csv":
        with p.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(cols)
            for r in rows:
                writer.writerow(["" if r.get(c) is None else r.get(c) for c in cols])
    elif p.suffix.lower() == ".xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Data"
        ws.append(cols)
        for r in rows:
            ws.append([r.get(c) for c in cols])
        wb.save(p)
    elif p.suffix.lower() == ".sav":
        import pandas as pd
        import pyreadstat

        df = pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)
        labels: dict[str, dict[float, str]] = {}
        for col, levels in _categorical_columns(study).items():
            codes = {lv: float(i + 1) for i, lv in enumerate(levels)}
            df[col] = df[col].map(lambda v, codes=codes: codes.get(v))
            labels[col] = {code: lv for lv, code in codes.items()}
        for col in df.columns:
            if col not in labels and df[col].dtype == object:
                df[col] = df[col].astype(str)
        pyreadstat.write_sav(df, str(p), variable_value_labels=labels)
    else:
        raise InvalidOptionError(f"{p.suffix!r}: write .csv, .xlsx or .sav.", value=p.suffix)
    return p


def _categorical_columns(study: Study) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for ch in study.characteristics:
        if ch.categories and not ch.bins:
            out[ch.column] = ch.categories
    for o in study.outcomes:
        if o.type == "binary" and o.levels:
            for c in o.columns:
                out[c] = o.levels
    if study.group is not None:
        out[study.group.column] = study.group.levels
    return out


_OUTCOMES = [
    {"name": "volume", "label": {"id": "Pengeluaran ASI (cc)", "en": "Milk expressed (cc)"},
     "type": "continuous", "min": 0, "max": 100},
    {"name": "menyusui", "label": {"id": "Frekuensi menyusui (kali/hari)",
                                   "en": "Feeds per day"}, "type": "count", "min": 0, "max": 24},
    {"name": "bak", "label": {"id": "Frekuensi BAK bayi (kali/hari)",
                              "en": "Infant urinations per day"}, "type": "count", "min": 0,
     "max": 30},
    {"name": "kelancaran", "label": {"id": "Kelancaran ASI", "en": "Milk flow"},
     "type": "binary", "levels": ["tidak lancar", "lancar"]},
]


def _default(design: str) -> Study:
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
    return study_from_mapping(spec)


DEFAULT_STUDIES = {d: _default(d) for d in (
    "one-group-pretest-posttest", "two-group-posttest", "nonequivalent-control-pretest-posttest")}

_INSTRUCTIONS = {
    "id": [
        "Petunjuk pengisian",
        "1. Satu baris untuk satu ibu (responden). Jangan menggabungkan sel.",
        "2. Kolom 'kode': kode samaran (mis. R01), BUKAN nama ibu.",
        "3. Pilih kategori dari daftar (panah di sel); angka memakai koma atau titik desimal.",
        "4. Volume ASI dalam cc (ml), dibaca dari spuit 1 cc (kelipatan 0,1).",
        "5. Isi nilai sebelum DAN sesudah; bila salah satu tidak diukur, kosongkan keduanya.",
        "6. Jangan mengubah nama kolom di baris pertama.",
        "Lalu jalankan: laktasi analyze file.xlsx --study studi.yaml",
    ],
    "en": [
        "How to fill in",
        "1. One row per mother (respondent). Do not merge cells.",
        "2. Column 'kode': a pseudonymous code (e.g. R01), NOT the mother's name.",
        "3. Choose categories from the list (arrow in the cell); decimal comma or point.",
        "4. Milk volume in cc (ml), read off a 1 cc syringe (0.1 steps).",
        "5. Fill in before AND after; if one was not measured, leave both empty.",
        "6. Do not rename the columns in the first row.",
        "Then run: laktasi analyze file.xlsx --study study.yaml",
    ],
}


def make_template(study_or_design: Study | str, path: str | Path, *, lang: str = "id",
                  rows: int = 60) -> Path:
    """An Excel data-entry sheet with dropdowns, number checks and an instruction sheet."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    if isinstance(study_or_design, str):
        if study_or_design not in DEFAULT_STUDIES:
            raise InvalidOptionError(
                f"design={study_or_design!r}: choose one of {', '.join(DEFAULT_STUDIES)}.",
                option="design", value=study_or_design, allowed=tuple(DEFAULT_STUDIES))
        study = DEFAULT_STUDIES[study_or_design]
    else:
        study = study_or_design
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    cols = list(study.columns)
    ws.append(cols)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    ws.freeze_panes = "A2"
    last = rows + 1
    cats = _categorical_columns(study)
    numeric = {c: o for o in study.outcomes if o.type != "binary" for c in o.columns}
    ages = {ch.column for ch in study.characteristics if ch.bins}
    for j, col in enumerate(cols, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = max(12, len(col) + 2)
        ref = f"{letter}2:{letter}{last}"
        if col in cats:
            dv = DataValidation(type="list", formula1='"' + ",".join(cats[col]) + '"',
                                allow_blank=True, showErrorMessage=True,
                                error=("Pilih dari daftar" if lang == "id"
                                       else "Choose from the list"))
        elif col in numeric or col in ages:
            o = numeric.get(col)
            lo = 0 if o is None or o.min is None else o.min
            hi = 60 if o is None else (1000 if o.max is None else o.max)
            if col in ages:
                lo, hi = 10, 60
            dv = DataValidation(type="decimal", operator="between", formula1=str(lo),
                                formula2=str(hi), allow_blank=True, showErrorMessage=True,
                                error=f"{lo}–{hi}")
        else:
            continue
        ws.add_data_validation(dv)
        dv.add(ref)
    info = wb.create_sheet("Petunjuk" if lang == "id" else "Instructions")
    for line in _INSTRUCTIONS[lang]:
        info.append([line])
    info["A1"].font = Font(bold=True, size=13)
    info.column_dimensions["A"].width = 100
    p = Path(path)
    wb.save(p)
    return p
