"""Offline collection on phones: the observation sheet as an XLSForm (ODK Collect,
KoboToolbox), built from the study's range limits and checked by converting it with pyxform;
and the import of the CSV those tools export, with a preview and row-level errors before
anything is saved."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from . import selectors, services
from .models import Mother, Observation, Study

__all__ = ["FIELDS", "OdkPreview", "odk_commit", "odk_preview", "xlsform_build",
           "xlsform_convert"]

# XLSForm name -> (Observation field, XLSForm type)
FIELDS = {
    "menyusui": ("feeds", "integer"),
    "bak": ("urination", "integer"),
    "volume": ("volume", "decimal"),
    "lancar": ("lancar", "select_one yatidak"),
    "latch": ("latch", "integer"),
    "berat": ("weight", "integer"),
}


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def xlsform_build(*, user: Any, study: Study) -> bytes:
    """The observation sheet of ``study`` as an XLSForm workbook (sheets survey, choices,
    settings): the mother's code, the column (before/after/day N), the date, the four
    measurements with the study's range limits as constraints, LATCH and the weight."""
    import openpyxl

    selectors.role_required(user=user, clinic=study.clinic, roles=selectors.READ_ROLES)
    limits = services.observation_limits(study)
    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label::Indonesian (id)", "label::English (en)", "required",
                   "relevant", "constraint", "constraint_message::Indonesian (id)",
                   "constraint_message::English (en)"])
    survey.append(["text", "kode", "Kode ibu", "Mother's code", "yes", "", "", "", ""])
    survey.append(["select_one titik", "titik", "Kolom lembar observasi", "Column of the sheet",
                   "yes", "", "", "", ""])
    survey.append(["integer", "hari", "Hari kehidupan bayi", "Day of life", "yes",
                   "${titik} = 'day'", ". >= 1 and . <= 42", "Antara 1 dan 42",
                   "Between 1 and 42"])
    survey.append(["date", "tanggal", "Tanggal observasi", "Date observed", "yes", "", "", "",
                   ""])
    labels = {"menyusui": ("Frekuensi menyusui dalam 24 jam", "Feeds in 24 h"),
              "bak": ("BAK bayi dalam 24 jam", "Infant urinations in 24 h"),
              "volume": ("Pengeluaran ASI (cc)", "Milk expressed (cc)"),
              "lancar": ("Kelancaran ASI", "Milk flow"),
              "latch": ("Skor LATCH (0-10)", "LATCH score (0-10)"),
              "berat": ("Berat bayi (g)", "Infant weight (g)")}
    for name, (fname, xtype) in FIELDS.items():
        lo, hi = limits.get(fname, (None, None))
        parts = [f". >= {_num(lo)}" if lo is not None else "",
                 f". <= {_num(hi)}" if hi is not None else ""]
        constraint = " and ".join(p for p in parts if p)
        msg_id = f"Antara {_num(lo)} dan {_num(hi)}" if constraint else ""
        msg_en = f"Between {_num(lo)} and {_num(hi)}" if constraint else ""
        survey.append([xtype, name, *labels[name], "no", "", constraint, msg_id, msg_en])
    choices = wb.create_sheet("choices")
    choices.append(["list_name", "name", "label::Indonesian (id)", "label::English (en)"])
    for name, lid, len_ in (("pre", "Sebelum", "Before"), ("post", "Sesudah", "After"),
                            ("day", "Hari ke-N", "Day N")):
        choices.append(["titik", name, lid, len_])
    choices.append(["yatidak", "lancar", "lancar", "smooth"])
    choices.append(["yatidak", "tidak_lancar", "tidak lancar", "not smooth"])
    settings = wb.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append([f"Lembar observasi: {study.title}", f"laktasi_studi_{study.pk}",
                     dt.date.today().strftime("%Y%m%d"), "Indonesian (id)"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def xlsform_convert(content: bytes) -> str:
    """The XForm XML pyxform makes of an XLSForm (raises pyxform's error when it does not
    convert)."""
    from pyxform.xls2xform import convert

    with tempfile.TemporaryDirectory(prefix="laktasi-xlsform-") as tmp:
        path = Path(tmp) / "form.xlsx"
        path.write_bytes(content)
        return convert(xlsform=str(path), validate=False).xform


# ---------------------------------------------------------------- import of ODK/Kobo CSV


@dataclass
class OdkPreview:
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems


def _short(name: str) -> str:
    """A column as ODK Central (group-name) or KoboToolbox (group/name) writes it, to the
    XLSForm name."""
    return name.strip().replace("-", "/").split("/")[-1].lower()


def _read_csv(content: bytes) -> tuple[list[str], list[list[str]]]:
    text = content.decode("utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = list(csv.reader(io.StringIO(text), dialect))
    if not reader:
        return [], []
    return [_short(h) for h in reader[0]], reader[1:]


def _parse(header: list[str], cells: list[str], mothers: dict[str, Mother]
           ) -> tuple[Mother | None, dict[str, Any], list[tuple[str, str, str]]]:
    row = {h: (cells[j].strip() if j < len(cells) else "") for j, h in enumerate(header)}
    problems: list[tuple[str, str, str]] = []
    mother = mothers.get(row.get("kode", ""))
    if mother is None:
        problems.append(("kode", row.get("kode", ""), gettext(
            "No mother with this code in the study.")))
    values: dict[str, Any] = {"point": row.get("titik", "")}
    if values["point"] not in Observation.Point.values:
        problems.append(("titik", values["point"], gettext("Allowed: %(allowed)s.") % {
            "allowed": ", ".join(Observation.Point.values)}))
    try:
        values["observed"] = dt.date.fromisoformat(row.get("tanggal", "")[:10])
    except ValueError:
        problems.append(("tanggal", row.get("tanggal", ""), gettext(
            "Not a date (YYYY-MM-DD).")))
    values["day"] = None
    if values["point"] == "day":
        try:
            values["day"] = int(row.get("hari", ""))
        except ValueError:
            problems.append(("hari", row.get("hari", ""), gettext("Not a whole number.")))
    for name, (fname, xtype) in FIELDS.items():
        raw = row.get(name, "")
        if raw == "":
            values[fname] = None
        elif fname == "lancar":
            if raw not in ("lancar", "tidak_lancar"):
                problems.append((name, raw, gettext("Allowed: %(allowed)s.") % {
                    "allowed": "lancar, tidak_lancar"}))
            values[fname] = raw == "lancar"
        elif xtype == "decimal":
            try:
                values[fname] = Decimal(raw.replace(",", "."))
            except InvalidOperation:
                problems.append((name, raw, gettext("Not a number.")))
        else:
            try:
                values[fname] = int(raw)
            except ValueError:
                problems.append((name, raw, gettext("Not a whole number.")))
    return mother, values, problems


_COLUMN = {f: name for name, (f, _t) in FIELDS.items()} | {
    "point": "titik", "observed": "tanggal", "day": "hari", "": ""}


def odk_preview(*, by: Any, study: Study, content: bytes) -> OdkPreview:
    """Every row of an ODK Central / KoboToolbox CSV export of the XLSForm checked as the
    sheet page checks it (codes of this study, the range limits, one before and one after
    column per mother, in the file and in the database); nothing is saved."""
    selectors.role_required(user=by, clinic=study.clinic, roles=services.DATA_ROLES)
    preview = OdkPreview()
    try:
        header, rows = _read_csv(content)
    except UnicodeDecodeError:
        preview.problems.append({"row": None, "column": "", "value": "", "problem": gettext(
            "The file is not a CSV text file (UTF-8).")})
        return preview
    if "kode" not in header or "titik" not in header:
        preview.problems.append({"row": 1, "column": "", "value": "", "problem": gettext(
            "The columns kode and titik of the XLSForm are missing: export the CSV of this "
            "study's form.")})
        return preview
    mothers = {m.code: m for m in selectors.mother_list(user=by, study=study)}
    seen: set[tuple[int, str]] = set()
    for i, cells in enumerate(rows, start=2):
        if not any(c.strip() for c in cells):
            continue
        mother, values, problems = _parse(header, cells, mothers)
        if mother is not None and not problems:
            key = (mother.pk, values["point"])
            if values["point"] in ("pre", "post") and key in seen:
                problems.append(("titik", values["point"], gettext(
                    "This mother already has this column of the sheet; edit it instead.")))
            seen.add(key)
            try:
                services.observation_check(mother, values)
            except services.ClinicInputError as exc:
                problems.extend((_COLUMN.get(f, f), "", m) for f, ms in exc.errors.items()
                                for m in ms)
        for column, value, problem in problems:
            preview.problems.append({"row": i, "column": column, "value": value,
                                     "problem": problem})
        preview.rows.append({"row": i, "mother": mother, "values": values})
    return preview


@transaction.atomic
def odk_commit(*, by: Any, study: Study, content: bytes) -> int:
    """Save every row of an export whose preview had no problem (all or none)."""
    preview = odk_preview(by=by, study=study, content=content)
    if not preview.ok:
        raise services.ClinicInputError({"": [gettext(
            "The file has problems; nothing was saved.")]})
    for r in preview.rows:
        services.observation_record(by=by, mother=r["mother"], **r["values"])
    return len(preview.rows)
