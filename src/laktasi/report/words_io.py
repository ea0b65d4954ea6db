"""Words for data files: problem messages, the check table and the data-entry template
(Indonesian and English)."""

from __future__ import annotations

from typing import Any

from laktasi.i18n import check_lang

_TEXT = {
    "id": {
        "no_file": "berkas tidak ditemukan",
        "format": "format {value!r} tidak didukung; yang diterima: {allowed}",
        "xls_old": "format Excel lama (.xls) tidak didukung; buka di Excel lalu simpan sebagai "
                   "{allowed} (File > Save As > Excel Workbook)",
        "wrong_content": "isi berkas bukan teks {value}, melainkan berkas {allowed}; ubah "
                         "ekstensinya menjadi {allowed} atau simpan ulang sebagai CSV",
        "not_text": "berkas ini bukan teks (CSV); yang diterima: {allowed}",
        "encoding": "berkas tidak dapat dibaca sebagai teks ({value}); simpan ulang sebagai "
                    "CSV UTF-8",
        "unreadable": "berkas tidak dapat dibaca ({value}); yang diterima: {allowed}",
        "too_large": "isi sel terlalu panjang (lebih dari {value} karakter)",
        "no_sheet": "sheet {value!r} tidak ada; sheet yang ada: {allowed}",
        "empty_file": "berkas kosong",
        "empty_sheet": "sheet {value!r} kosong; sheet yang berisi data: {allowed}",
        "no_rows": "tidak ada baris data",
        "missing_column": "kolom {column!r} tidak ditemukan; kolom yang ada: {allowed}",
        "duplicate_column": "kolom {column!r} muncul lebih dari sekali (kolom {allowed}); "
                            "hapus atau ganti nama salah satunya",
        "unknown_column": "kolom {column!r} tidak ada dalam deskripsi studi dan tidak dipakai",
        "personal_data": "kolom {column!r} tampaknya berisi data pribadi (nama, alamat, nomor); "
                         "gunakan kode samaran dan hapus kolom ini sebelum berbagi berkas "
                         "(UU 27/2022 Pelindungan Data Pribadi)",
        "extra_cells": "baris ini berisi lebih banyak sel daripada judul kolom ({allowed}); "
                       "mungkin koma desimal dalam CSV berpemisah koma: pakai titik koma (;) "
                       "sebagai pemisah atau titik desimal",
        "formula_no_value": "rumus {value!r} belum punya nilai tersimpan; buka berkas di Excel, "
                            "simpan, lalu coba lagi (atau ketik angkanya)",
        "merged_filled": "sel gabungan {allowed} diisi dengan {value!r} pada setiap baris; "
                         "periksa apakah benar",
        "missing_value": "kosong; harus diisi ({allowed})",
        "not_number": "nilai {value!r} bukan angka (gunakan angka, mis. 5 atau 2,5)",
        "range": "nilai {value!r} di luar rentang yang diizinkan ({allowed})",
        "not_whole": "nilai {value!r} bukan bilangan bulat (frekuensi biasanya bilangan bulat)",
        "implausible": "nilai {value!r} tidak wajar untuk umur ibu (biasanya {allowed})",
        "implausible_value": "nilai {value!r} di luar rentang wajar dalam deskripsi studi "
                             "({allowed}); periksa datanya",
        "no_bin": "nilai {value!r} tidak masuk kelompok mana pun: {allowed}",
        "category": "nilai {value!r} tidak termasuk kategori yang diizinkan: {allowed}",
        "binary": "nilai {value!r} bukan salah satu dari dua kategori: {allowed}",
        "binary_many": "nilai {value!r}: variabel biner hanya boleh berisi dua kategori; yang "
                       "paling sering: {allowed}",
        "group": "kelompok {value!r} tidak dikenal; kelompok dalam deskripsi studi: {allowed}",
        "no_outcome": "baris ini tidak berisi satu pun nilai hasil ({allowed}); hapus baris "
                      "ini atau lengkapi datanya",
        "duplicate_id": "kode {value!r} ganda (sudah dipakai di baris {allowed})",
        "missing_pair": "kosong, padahal {allowed} terisi: data berpasangan perlu nilai sebelum "
                        "dan sesudah (isi keduanya, atau kosongkan keduanya)",
    },
    "en": {
        "no_file": "file not found",
        "format": "format {value!r} is not supported; accepted: {allowed}",
        "xls_old": "the old Excel format (.xls) is not supported; open it in Excel and save "
                   "it as {allowed} (File > Save As > Excel Workbook)",
        "wrong_content": "the file is not {value} text but a {allowed} file; rename it to "
                         "{allowed} or save it again as CSV",
        "not_text": "the file is not text (CSV); accepted: {allowed}",
        "encoding": "the file cannot be read as text ({value}); save it again as CSV UTF-8",
        "unreadable": "the file cannot be read ({value}); accepted: {allowed}",
        "too_large": "a cell is too long (more than {value} characters)",
        "no_sheet": "there is no sheet {value!r}; sheets: {allowed}",
        "empty_file": "the file is empty",
        "empty_sheet": "sheet {value!r} is empty; sheets with data: {allowed}",
        "no_rows": "there are no data rows",
        "missing_column": "column {column!r} not found; columns present: {allowed}",
        "duplicate_column": "column {column!r} appears more than once (columns {allowed}); "
                            "delete or rename one of them",
        "unknown_column": "column {column!r} is not in the study description and is not used",
        "personal_data": "column {column!r} seems to hold personal data (names, addresses, "
                         "numbers); use pseudonymous codes and delete this column before "
                         "sharing the file (Indonesian personal data protection law 27/2022)",
        "extra_cells": "this row has more cells than there are column names ({allowed}); "
                       "perhaps decimal commas in a comma-separated file: separate with "
                       "semicolons (;) or use decimal points",
        "formula_no_value": "formula {value!r} has no saved value; open the file in Excel, "
                            "save it, and try again (or type the number)",
        "merged_filled": "merged cells {allowed} were filled with {value!r} on every row; "
                         "check that this is right",
        "missing_value": "is empty; it must be filled in ({allowed})",
        "not_number": "value {value!r} is not a number (use numbers such as 5 or 2.5)",
        "range": "value {value!r} is outside the allowed range ({allowed})",
        "not_whole": "value {value!r} is not a whole number (frequencies usually are)",
        "implausible": "value {value!r} is implausible for a mother's age (usually {allowed})",
        "implausible_value": "value {value!r} is outside the plausible range in the study "
                             "description ({allowed}); check the data",
        "no_bin": "value {value!r} falls in none of the bands: {allowed}",
        "category": "value {value!r} is not an allowed category: {allowed}",
        "binary": "value {value!r} is not one of the two categories: {allowed}",
        "binary_many": "value {value!r}: a binary variable holds only two categories; the most "
                       "frequent: {allowed}",
        "group": "group {value!r} is unknown; groups in the study description: {allowed}",
        "no_outcome": "this row holds no outcome value ({allowed}); delete the row or "
                      "complete it",
        "duplicate_id": "code {value!r} is duplicated (already used in row {allowed})",
        "missing_pair": "is empty while {allowed} is filled: paired data need both the before "
                        "and the after value (fill both, or leave both empty)",
    },
}
_WHERE = {"id": ("baris", "kolom", "mungkin maksudnya"),
          "en": ("row", "column", "did you mean")}
_MAX_VALUE = 60  # characters of a cell shown in a message


def _shown(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _MAX_VALUE:
        return value[:_MAX_VALUE] + f"… ({len(value)})"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def problem_body(problem: Any, lang: str = "id") -> str:
    """The message without its place: ``nilai 'lima' bukan angka ...``."""
    check_lang(lang)
    body = _TEXT[lang][problem.code].format(value=_shown(problem.value), column=problem.column,
                                            allowed=problem.allowed)
    if getattr(problem, "suggestion", ""):
        body += f" ({_WHERE[lang][2]} {problem.suggestion!r}?)"
    return body


def problem_text(problem: Any, lang: str = "id") -> str:
    """'data.xlsx [Sheet1] baris 5, kolom menyusui_pre: nilai 'lima' bukan angka ...'"""
    check_lang(lang)
    row_w, col_w, _ = _WHERE[lang]
    where = problem.file
    if problem.sheet:
        where += f" [{problem.sheet}]"
    parts = []
    if problem.row is not None:
        parts.append(f"{row_w} {problem.row}")
    if problem.column and problem.code not in ("missing_column", "duplicate_column",
                                               "unknown_column", "personal_data"):
        parts.append(f"{col_w} {problem.column}")
    if parts:
        where += " " + ", ".join(parts)
    return f"{where}: {problem_body(problem, lang)}"


# ----------------------------------------------------------------------------- check table

_CHECK = {
    "id": {
        "cannot_write": "{path}: berkas tidak dapat ditulis ({reason}); periksa bahwa "
                        "foldernya ada dan boleh ditulis.",
        "title": "Pemeriksaan data: {file}",
        "row": "Baris", "column": "Kolom", "value": "Nilai", "problem": "Masalah",
        "severity": "Jenis", "error": "galat", "warning": "peringatan",
        "ok": "Tidak ada masalah: {n} baris siap dianalisis.",
        "ok_warnings": "{n} baris siap dianalisis; {w} peringatan di atas perlu diperiksa.",
        "summary": "{e} galat, {w} peringatan. Perbaiki galat di berkas lalu periksa lagi "
                   "(atau pakai --drop-invalid untuk membuang baris yang salah).",
        "header": "Judul kolom di baris {row}",
        "skipped_outcome": "Hasil '{label}' (kolom {columns}) tidak dianalisis: kolomnya "
                           "kosong di semua baris.",
        "skipped_characteristic": "Karakteristik '{label}' (kolom {columns}) tidak "
                                  "ditabulasi: kolomnya kosong di semua baris.",
    },
    "en": {
        "cannot_write": "{path}: cannot be written ({reason}); check that the folder "
                        "exists and is writable.",
        "title": "Data check: {file}",
        "row": "Row", "column": "Column", "value": "Value", "problem": "Problem",
        "severity": "Kind", "error": "error", "warning": "warning",
        "ok": "No problems: {n} rows ready for analysis.",
        "ok_warnings": "{n} rows ready for analysis; check the {w} warnings above.",
        "summary": "{e} errors, {w} warnings. Correct the errors in the file and check again "
                   "(or use --drop-invalid to leave out the bad rows).",
        "header": "Column names in row {row}",
        "skipped_outcome": "Outcome '{label}' (columns {columns}) is not analysed: its "
                           "columns are empty in every row.",
        "skipped_characteristic": "Characteristic '{label}' (column {columns}) is not "
                                  "tabulated: its column is empty in every row.",
    },
}


def check_word(key: str, lang: str = "id", **values: Any) -> str:
    check_lang(lang)
    return _CHECK[lang][key].format(**values)


def shown_value(value: Any) -> str:
    value = _shown(value)
    return "" if value is None else str(value)


# ----------------------------------------------------------------------------- template

_TEMPLATE = {
    "id": {
        "data_sheet": "Data",
        "info_sheet": "Petunjuk",
        "title": "Petunjuk pengisian",
        "design": "Desain penelitian: {design}",
        "steps": [
            "Satu baris untuk satu ibu (responden); baris pertama berisi nama kolom.",
            "Kolom '{id}': kode samaran (mis. R01, R02), BUKAN nama ibu. Simpan daftar nama "
            "dan kode secara terpisah dan terkunci (UU 27/2022 Pelindungan Data Pribadi).",
            "Jangan mengubah, menghapus atau memindahkan nama kolom; jangan menggabungkan sel "
            "(merge); jangan menulis rumus, jumlah atau rata-rata di bawah data.",
            "Pilih kategori dari daftar (klik panah di sel).",
            "Angka boleh memakai koma atau titik desimal (2,5 atau 2.5); jangan menulis satuan "
            "(tulis 2,5, bukan 2,5 cc).",
            "Isi nilai sebelum (pre) DAN sesudah (post) intervensi; bila salah satu tidak "
            "diukur, kosongkan keduanya.",
            "Setelah selesai: laktasi check berkas.xlsx, lalu laktasi analyze berkas.xlsx "
            "(deskripsi studi ada di sheet 'Deskripsi studi'; tidak perlu berkas lain).",
            "Hasil yang tidak diukur: biarkan kolomnya kosong; laktasi melewatinya dan "
            "mencatatnya di laporan.",
        ],
        "study_sheet_note": "Deskripsi studi untuk laktasi (format: docs/study-file.md).\n"
                            "laktasi check dan laktasi analyze membaca sheet ini. Label, "
                            "kategori dan rentang boleh diubah di sini;\n"
                            "jangan mengubah spasi di awal baris. Baris yang diawali # "
                            "hanyalah keterangan.",
        "columns": "Kolom",
        "meaning": "Keterangan",
        "allowed": "Isian yang diizinkan",
        "id_col": "Kode samaran ibu (bukan nama), tidak boleh ganda",
        "group_col": "Kelompok",
        "pre": "sebelum intervensi",
        "post": "sesudah intervensi",
        "number": "angka {lo}–{hi}",
        "number_open": "angka ≥ {lo}",
        "whole": "bilangan bulat {lo}–{hi}",
        "text": "teks",
        "list_error": "Pilih dari daftar: {allowed}",
        "number_error": "Isi angka {lo}–{hi}",
        "id_error": "Kode ini sudah dipakai di baris lain",
        "prompt_title": "{column}",
        "designs": {
            "one-group-pretest-posttest": "satu kelompok, pretest–posttest (tanpa kontrol)",
            "two-group-posttest": "dua kelompok, posttest saja",
            "nonequivalent-control-pretest-posttest":
                "dua kelompok tidak setara, pretest–posttest",
        },
    },
    "en": {
        "data_sheet": "Data",
        "info_sheet": "Instructions",
        "title": "How to fill in",
        "design": "Study design: {design}",
        "steps": [
            "One row per mother (respondent); the first row holds the column names.",
            "Column '{id}': a pseudonymous code (e.g. R01, R02), NOT the mother's name. Keep "
            "the list of names and codes separately, locked (Indonesian law 27/2022).",
            "Do not rename, delete or move the column names; do not merge cells; do not write "
            "formulas, totals or means below the data.",
            "Choose categories from the list (click the arrow in the cell).",
            "Numbers may use a decimal comma or point (2,5 or 2.5); do not write units "
            "(write 2.5, not 2.5 cc).",
            "Fill in the before (pre) AND the after (post) value; if one was not measured, "
            "leave both empty.",
            "When done: laktasi check file.xlsx, then laktasi analyze file.xlsx (the study "
            "description is in the sheet 'Study description'; no other file is needed).",
            "An outcome you did not measure: leave its columns empty; laktasi skips it and "
            "says so in the report.",
        ],
        "study_sheet_note": "Study description for laktasi (format: docs/study-file.md).\n"
                            "laktasi check and laktasi analyze read this sheet. Labels, "
                            "categories and ranges may be changed here;\n"
                            "keep the spaces at the start of each line. Lines starting with # "
                            "are comments.",
        "columns": "Column",
        "meaning": "Meaning",
        "allowed": "Allowed entries",
        "id_col": "The mother's pseudonymous code (not her name), no duplicates",
        "group_col": "Group",
        "pre": "before the intervention",
        "post": "after the intervention",
        "number": "a number {lo}–{hi}",
        "number_open": "a number ≥ {lo}",
        "whole": "a whole number {lo}–{hi}",
        "text": "text",
        "list_error": "Choose from the list: {allowed}",
        "number_error": "Enter a number {lo}–{hi}",
        "id_error": "This code is already used in another row",
        "prompt_title": "{column}",
        "designs": {
            "one-group-pretest-posttest": "one group, pretest–posttest (no control)",
            "two-group-posttest": "two groups, posttest only",
            "nonequivalent-control-pretest-posttest":
                "two nonequivalent groups, pretest–posttest",
        },
    },
}


def template_words(lang: str = "id") -> dict[str, Any]:
    """The words of the data-entry template (sheet names, instructions, column notes)."""
    check_lang(lang)
    return _TEMPLATE[lang]
