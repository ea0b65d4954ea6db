"""Fuzzing the readers and the checks: random bytes, truncated and bit-flipped files, wrong
encodings, huge cells, odd cell types, empty and merged sheets — never an unhandled
exception, always a DataError whose every problem is located in the file.

Bounded: about 600 examples in all, a few seconds on two cores.
"""

import datetime as dt

import openpyxl
import pandas as pd
import pyreadstat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from io_files import GOOD, HEADER, STUDY, write_csv

from laktasi.errors import LaktasiInputError
from laktasi.io import DataError, load_data, write_data

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _load_or_located_error(path, *, lang="id", sheet=None):
    """Either a clean table or a DataError in which every problem names this file."""
    try:
        df, report = load_data(path, STUDY, lang=lang, sheet=sheet)
    except DataError as exc:
        assert isinstance(exc, LaktasiInputError)
        assert exc.report.problems, "an error with nothing in it"
        for p in exc.report.problems:
            assert p.file == str(path)
            assert p.text(lang).startswith(str(path))
            assert p.text("en").startswith(str(path))  # both languages word every code
        for line in str(exc).splitlines():
            assert line.startswith(str(path))
        return None
    assert list(df.columns) == list(STUDY.columns)
    assert all(p.file == str(path) for p in report.problems)
    return df


_VALID: dict[str, bytes] = {}


def _valid_bytes(suffix, tmp):
    """A valid file, written once (an .xlsx holds its creation time; hypothesis needs the
    same bytes on every replay)."""
    if suffix not in _VALID:
        rows = [dict(zip(HEADER, r, strict=True)) for r in GOOD]
        _VALID[suffix] = write_data(rows, tmp / f"valid{suffix}", STUDY).read_bytes()
    return _VALID[suffix]


@FUZZ
@given(content=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".xlsx", ".sav",
                                                                 ".txt"]))
def test_random_bytes(tmp_path, content, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(content)
    _load_or_located_error(path)


@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".csv", ".xlsx", ".sav"]))
def test_truncated_and_bit_flipped_files(tmp_path, data, suffix):
    valid = _valid_bytes(suffix, tmp_path)
    cut = data.draw(st.integers(0, len(valid)), label="cut")
    content = bytearray(valid[:cut])
    flips = data.draw(st.lists(st.tuples(st.integers(0, max(cut - 1, 0)), st.integers(0, 255)),
                               max_size=4), label="flips")
    for pos, byte in flips:
        if pos < len(content):
            content[pos] = byte
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(bytes(content))
    _load_or_located_error(path, lang="en")


@FUZZ
@given(cells=st.lists(st.lists(st.text(max_size=15), min_size=0, max_size=15), max_size=6),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32",
                                 "cp1252", "latin-1", "cp437"]),
       sep=st.sampled_from([";", ",", "\t"]))
def test_csv_text_in_any_encoding(tmp_path, cells, encoding, sep):
    text = sep.join(HEADER) + "\n" + "\n".join(sep.join(r) for r in cells)
    path = tmp_path / "fuzz.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    _load_or_located_error(path)


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(1_000, 300_000), where=st.sampled_from(["header", "id", "number"]),
       suffix=st.sampled_from([".csv", ".xlsx"]))
def test_huge_cells(tmp_path, size, where, suffix):
    big = "9" * size if where == "number" else "x" * size
    header = [big if where == "header" and h == "kode" else h for h in HEADER]
    row = [big if (where == "id" and h == "kode") or (where == "number" and h == "cc_pre")
           else v for h, v in zip(HEADER, GOOD[0], strict=True)]
    path = tmp_path / f"huge{suffix}"
    if suffix == ".csv":
        write_csv(path, [row], header=header)
    else:
        wb = openpyxl.Workbook()
        wb.active.append(header)
        wb.active.append(row)
        wb.save(path)
    df = _load_or_located_error(path)
    if df is not None:  # a huge code is a valid code (Excel keeps at most 32,767 characters)
        assert where == "id"
        assert len(df["kode"].iloc[0]) == (size if suffix == ".csv" else min(size, 32_767))


_CELL = st.one_of(
    st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),
    st.integers(-10**6, 10**6), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(["5,5", "lima", "Lancar", " PRIMIPARA ", "R01", "=1/0", "#DIV/0!",
                     "intervensi", "", " "]),
)


@FUZZ
@given(rows=st.lists(st.lists(_CELL, min_size=0, max_size=len(HEADER) + 2), max_size=6),
       above=st.integers(0, 3), merges=st.lists(st.tuples(st.integers(1, 8), st.integers(1, 14),
                                                          st.integers(0, 3), st.integers(0, 3)),
                                                max_size=3),
       empty_sheets=st.integers(0, 2), sheet=st.sampled_from([None, 0, 1, "Data", "x"]))
def test_xlsx_cells_of_any_type_merged_cells_and_empty_sheets(tmp_path, rows, above, merges,
                                                              empty_sheets, sheet):
    wb = openpyxl.Workbook()
    for k in range(empty_sheets):
        wb.create_sheet(f"Kosong{k}", 0)
    ws = wb["Sheet"]
    ws.title = "Data"
    for _ in range(above):
        ws.append(["Judul"])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    taken = set()
    for r0, c0, dr, dc in merges:
        cells = {(r, c) for r in range(r0, r0 + dr + 1) for c in range(c0, c0 + dc + 1)}
        if cells & taken or len(cells) == 1:
            continue
        taken |= cells
        ws.merge_cells(start_row=r0, start_column=c0, end_row=r0 + dr, end_column=c0 + dc)
    path = tmp_path / "cells.xlsx"
    wb.save(path)
    _load_or_located_error(path, sheet=sheet)


@FUZZ
@given(values=st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6), st.sampled_from(
    [1.0, 2.0, 3.0, 99.0])), min_size=1, max_size=6),
    labels=st.dictionaries(st.sampled_from([1.0, 2.0, 3.0]), st.text(min_size=1, max_size=10,
                                                                     alphabet="abcdeprimul "),
                           max_size=3))
def test_sav_with_any_codes_and_labels(tmp_path, values, labels):
    n = len(values)
    df = pd.DataFrame({h: [GOOD[0][j]] * n for j, h in enumerate(HEADER)})
    df["paritas"] = values
    df["kelompok"] = values
    path = tmp_path / "fuzz.sav"
    pyreadstat.write_sav(df, str(path), variable_value_labels={"paritas": labels,
                                                               "kelompok": labels})
    _load_or_located_error(path)
