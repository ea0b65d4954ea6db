"""The study and small file builders shared by the io tests."""

from __future__ import annotations

import openpyxl

from laktasi.design import study_from_mapping

SPEC = {
    "study": {"id": "t", "title": "T", "design": "nonequivalent-control-pretest-posttest"},
    "id_column": "kode",
    "group": {"column": "kelompok", "levels": ["intervensi", "kontrol"]},
    "characteristics": ["umur", "paritas", "pendidikan"],
    "outcomes": [
        {"name": "volume", "type": "continuous", "pre": "cc_pre", "post": "cc_post",
         "min": 0, "max": 50},
        {"name": "menyusui", "type": "count", "pre": "menyusui_pre", "post": "menyusui_post"},
        {"name": "bak", "type": "count", "pre": "bak_pre", "post": "bak_post"},
        {"name": "kelancaran", "type": "binary", "levels": ["tidak lancar", "lancar"],
         "pre": "lancar_pre", "post": "lancar_post"},
    ],
}
HEADER = ["kode", "kelompok", "umur", "paritas", "pendidikan", "cc_pre", "cc_post",
          "menyusui_pre", "menyusui_post", "bak_pre", "bak_post", "lancar_pre", "lancar_post"]
GOOD = [
    ["R01", "intervensi", 24, "primipara", "SMA", 1.5, 4.5, 6, 10, 5, 8, "tidak lancar", "lancar"],
    ["R02", "kontrol", 31, "multipara", "PT", 2.0, 2.5, 7, 8, 6, 6, "tidak lancar",
     "tidak lancar"],
]


STUDY = study_from_mapping(SPEC)


def row(**changes):
    """A good row (R01) with some cells changed."""
    cells = dict(zip(HEADER, GOOD[0], strict=True))
    cells.update(changes)
    return [cells[h] for h in HEADER]


def write_csv(path, rows, *, sep=";", decimal=",", header=HEADER, encoding="utf-8"):
    def cell(v):
        if v is None:
            return ""
        if isinstance(v, float):
            return repr(v).replace(".", decimal)
        return str(v)

    lines = [sep.join(header)] + [sep.join(cell(v) for v in r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_xlsx(path, rows, *, header=HEADER, above=(), title="Data"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in above:
        ws.append(list(r))
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path
