"""Words for data-file problems (Indonesian and English)."""

from __future__ import annotations

from typing import Any

from .numbers import check_lang

_TEXT = {
    "id": {
        "no_file": "berkas tidak ditemukan",
        "format": "format {value!r} tidak didukung; yang diterima: {allowed}",
        "unreadable": "berkas tidak dapat dibaca ({value}); yang diterima: {allowed}",
        "no_sheet": "sheet {value!r} tidak ada; sheet yang ada: {allowed}",
        "empty_file": "berkas kosong",
        "no_rows": "tidak ada baris data",
        "missing_column": "kolom {column!r} tidak ditemukan; kolom yang ada: {allowed}",
        "not_number": "nilai {value!r} bukan angka (gunakan angka, mis. 5 atau 2,5)",
        "range": "nilai {value!r} di luar rentang yang diizinkan ({allowed})",
        "category": "nilai {value!r} tidak termasuk kategori yang diizinkan: {allowed}",
        "duplicate_id": "kode {value!r} ganda (sudah dipakai di baris {allowed})",
        "missing_pair": "kosong, padahal {allowed} terisi: data berpasangan perlu nilai sebelum "
                        "dan sesudah (isi keduanya, atau kosongkan keduanya)",
    },
    "en": {
        "no_file": "file not found",
        "format": "format {value!r} is not supported; accepted: {allowed}",
        "unreadable": "the file cannot be read ({value}); accepted: {allowed}",
        "no_sheet": "there is no sheet {value!r}; sheets: {allowed}",
        "empty_file": "the file is empty",
        "no_rows": "there are no data rows",
        "missing_column": "column {column!r} not found; columns present: {allowed}",
        "not_number": "value {value!r} is not a number (use numbers such as 5 or 2.5)",
        "range": "value {value!r} is outside the allowed range ({allowed})",
        "category": "value {value!r} is not an allowed category: {allowed}",
        "duplicate_id": "code {value!r} is duplicated (already used in row {allowed})",
        "missing_pair": "is empty while {allowed} is filled: paired data need both the before "
                        "and the after value (fill both, or leave both empty)",
    },
}
_WHERE = {"id": ("baris", "kolom"), "en": ("row", "column")}


def problem_text(problem: Any, lang: str = "id") -> str:
    """'data.xlsx [Sheet1] baris 5, kolom menyusui_pre: nilai 'lima' bukan angka ...'"""
    check_lang(lang)
    row_w, col_w = _WHERE[lang]
    where = problem.file
    if problem.sheet:
        where += f" [{problem.sheet}]"
    parts = []
    if problem.row is not None:
        parts.append(f"{row_w} {problem.row}")
    if problem.column and problem.code != "missing_column":
        parts.append(f"{col_w} {problem.column}")
    if parts:
        where += " " + ", ".join(parts)
    body = _TEXT[lang][problem.code].format(value=problem.value, column=problem.column,
                                            allowed=problem.allowed)
    return f"{where}: {body}"
