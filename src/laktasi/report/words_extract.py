"""Words of ``laktasi extract`` (Indonesian and English): the draft's comments and the
command's messages."""

from __future__ import annotations

from laktasi.i18n import check_lang

__all__ = ["extract_words"]

_T = {
    "id": {
        "intro": ("DRAF hasil ekstraksi otomatis dari teks artikel{source}.\n"
                   "Semua angka di bawah ini adalah TEBAKAN: periksa setiap baris bertanda "
                   "PERIKSA terhadap artikel aslinya,\nlengkapi bagian bertanda LENGKAPI, lalu "
                   "jalankan: laktasi audit FILE.yaml"),
        "check": "PERIKSA: baris {line} \"{snippet}\"",
        "complete": "LENGKAPI: {fields}",
        "unplaced_head": "Angka lain di teks yang belum ditempatkan (periksa apakah perlu "
                         "dimasukkan):",
        "unplaced": "baris {line} \"{snippet}\" ({what})",
        "not_found": "{path}: berkas tidak ditemukan.",
        "not_text": "{path}: bukan berkas teks UTF-8 yang dapat dibaca.",
        "is_dir": "{path}: ini folder, bukan berkas teks.",
        "not_pdf": "{path}: bukan berkas PDF yang dapat dibaca.",
        "no_text_layer": "{path}: PDF ini tidak memiliki lapisan teks (hasil pindaian?); "
                         "salin teksnya atau jalankan OCR dulu.",
        "bad_lang": "--lang {value!r}: pilih id atau en.",
        "written": "Draf ditulis ke {path}: {guesses} tebakan untuk diperiksa, {missing} "
                   "bagian untuk dilengkapi.",
        # reason codes, shown after the snippet when the value is inferred, not read
        "row-order": "ditebak dari urutan baris",
        "sample-size": "dari besar sampel",
        "test-inferred": "uji ditebak dari kata-kata",
        "design-inferred": "desain ditebak dari kata-kata",
        "caption": "dari judul tabel",
        "header-cell": "dari kepala tabel",
        "p-value": "nilai p", "statistic": "statistik uji", "cited": "penelitian lain",
    },
    "en": {
        "intro": ("DRAFT extracted automatically from the paper's text{source}.\n"
                   "Every number below is a GUESS: check each line marked CHECK against the "
                   "paper,\ncomplete what is marked COMPLETE, then run: laktasi audit FILE.yaml"),
        "check": "CHECK: line {line} \"{snippet}\"",
        "complete": "COMPLETE: {fields}",
        "unplaced_head": "Other numbers in the text, not placed (check whether they belong "
                         "in the file):",
        "unplaced": "line {line} \"{snippet}\" ({what})",
        "not_found": "{path}: file not found.",
        "not_text": "{path}: not a readable UTF-8 text file.",
        "is_dir": "{path}: is a folder, not a text file.",
        "not_pdf": "{path}: not a readable PDF file.",
        "no_text_layer": "{path}: this PDF has no text layer (a scan?); copy its text or run "
                         "OCR first.",
        "bad_lang": "--lang {value!r}: choose id or en.",
        "written": "Draft written to {path}: {guesses} guesses to check, {missing} parts to "
                   "complete.",
        "row-order": "guessed from the order of the rows",
        "sample-size": "from the sample size",
        "test-inferred": "test guessed from the words",
        "design-inferred": "design guessed from the words",
        "caption": "from the table caption",
        "header-cell": "from the table header",
        "p-value": "p value", "statistic": "test statistic", "cited": "another study",
    },
}


def extract_words(key: str, lang: str = "id", **values: object) -> str:
    """The sentence ``key`` in ``lang`` ("id" or "en") with ``values`` filled in."""
    check_lang(lang)
    return _T[lang][key].format(**values)


def has_words(key: str) -> bool:
    """Whether ``key`` has words (reason codes without words are not shown)."""
    return key in _T["id"]
