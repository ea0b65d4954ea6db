"""All words of the core report, in Indonesian (default) and English.

Feature-specific catalogues (audit, meta-analysis, power) live beside this
module as ``words_<feature>.py``; they use :func:`say` the same way.
"""

from __future__ import annotations

from laktasi.i18n import check_lang

__all__ = ["PROPORTION_SCALE_ID", "WORDS", "proportion_word", "say"]

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "characteristics": "Karakteristik Responden",
        "dropped_rows": "{n} baris data dikeluarkan dari analisis atas permintaan pengguna "
                        "karena bermasalah:",
        "category": "Kategori",
        "frequency": "Frekuensi (n)",
        "percent": "Persentase (%)",
        "valid_percent": "Persentase valid (%)",
        "missing": "Tidak diketahui (missing)",
        "total": "Total",
        "variable": "Variabel",
        "n": "N",
        "mean": "Mean",
        "sd": "Std. Deviasi",
        "min": "Min",
        "max": "Max",
        "median": "Median",
        "ranks_title": "Ranks (Uji Wilcoxon) — {variable}: sesudah − sebelum",
        "negative_ranks": "Negative Ranks (sesudah < sebelum)",
        "positive_ranks": "Positive Ranks (sesudah > sebelum)",
        "ties": "Ties (sesudah = sebelum)",
        "mean_rank": "Mean Rank",
        "sum_ranks": "Sum of Ranks",
        "test_title": "Hasil Uji Wilcoxon Signed Rank",
        "z": "Z",
        "asymp_sig": "Asymp. Sig. (2-tailed)",
        "exact_sig": "Exact Sig. (2-tailed, dengan ties)",
        "effect_rb": "Rank-biserial r (sesudah − sebelum)",
        "effect_r": "r = |Z|/√N (N = {n} pasang)",
    },
    "en": {
        "characteristics": "Respondent characteristics",
        "dropped_rows": "{n} data rows were left out of the analysis, as the user asked, "
                        "because of these problems:",
        "category": "Category",
        "frequency": "Frequency (n)",
        "percent": "Percent (%)",
        "valid_percent": "Valid percent (%)",
        "missing": "Missing",
        "total": "Total",
        "variable": "Variable",
        "n": "N",
        "mean": "Mean",
        "sd": "Std. Deviation",
        "min": "Min",
        "max": "Max",
        "median": "Median",
        "ranks_title": "Ranks (Wilcoxon test) — {variable}: after − before",
        "negative_ranks": "Negative Ranks (after < before)",
        "positive_ranks": "Positive Ranks (after > before)",
        "ties": "Ties (after = before)",
        "mean_rank": "Mean Rank",
        "sum_ranks": "Sum of Ranks",
        "test_title": "Wilcoxon Signed Rank Test",
        "z": "Z",
        "asymp_sig": "Asymp. Sig. (2-tailed)",
        "exact_sig": "Exact Sig. (2-tailed, tie-aware)",
        "effect_rb": "Rank-biserial r (after − before)",
        "effect_r": "r = |Z|/√N (N = {n} pairs)",
    },
}

# Proportion words used in Indonesian health theses (as usually cited from Arikunto):
# (lower bound in percent, inclusive, word), checked from the top; edit to change the scale.
PROPORTION_SCALE_ID: list[tuple[float, str]] = [
    (100.0, "seluruhnya"),
    (76.0, "hampir seluruhnya"),
    (50.0 + 1e-9, "sebagian besar"),
    (50.0, "setengahnya"),
    (26.0, "hampir setengahnya"),
    (1e-9, "sebagian kecil"),
    (0.0, "tidak satupun"),
]


def say(key: str, lang: str = "id", **values: object) -> str:
    """The text for ``key`` in ``lang`` with ``values`` filled in."""
    check_lang(lang)
    return WORDS[lang][key].format(**values)


def proportion_word(percent: float) -> str:
    """Indonesian proportion word for a percentage (editable scale above).

    >>> proportion_word(75.0), proportion_word(80.0), proportion_word(13.3)
    ('sebagian besar', 'hampir seluruhnya', 'sebagian kecil')
    """
    for lower, word in PROPORTION_SCALE_ID:
        if percent >= lower:
            return word
    return PROPORTION_SCALE_ID[-1][1]
