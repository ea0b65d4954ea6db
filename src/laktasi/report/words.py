"""All words of the core report, in Indonesian (default) and English.

Feature-specific catalogues (audit, meta-analysis, power) live beside this
module as ``words_<feature>.py``; they use :func:`say` the same way.
"""

from __future__ import annotations

from .numbers import check_lang

__all__ = ["PROPORTION_SCALE_ID", "WORDS", "proportion_word", "say"]

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "title_demo": "Contoh analisis: {study}",
        "characteristics": "Karakteristik Responden",
        "category": "Kategori",
        "frequency": "Frekuensi (n)",
        "percent": "Persentase (%)",
        "total": "Total",
        "variable": "Variabel",
        "time_pre": "Sebelum",
        "time_post": "Sesudah",
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
        "descriptives_title": "Statistik Deskriptif {variable}",
        "interpretation": (
            "{p_text} {cmp} α (0,05) maka H0 {h0} , artinya {meaning} pijat oksitosin "
            "terhadap {variable}."
        ),
        "h0_rejected": "ditolak dan Ha diterima",
        "h0_accepted": "diterima",
        "effect_yes": "ada pengaruh",
        "effect_no": "tidak ada pengaruh yang bermakna dari",
        "no_control_note": (
            "Catatan: desain satu kelompok tanpa kontrol. Produksi ASI meningkat pada "
            "hari-hari pertama nifas dengan atau tanpa intervensi, sehingga kenaikan sebelum–"
            "sesudah tidak dapat seluruhnya dianggap sebagai efek pijat oksitosin."
        ),
    },
    "en": {
        "title_demo": "Example analysis: {study}",
        "characteristics": "Respondent characteristics",
        "category": "Category",
        "frequency": "Frequency (n)",
        "percent": "Percent (%)",
        "total": "Total",
        "variable": "Variable",
        "time_pre": "Before",
        "time_post": "After",
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
        "descriptives_title": "Descriptive statistics of {variable}",
        "interpretation": (
            "{p_text} {cmp} α (.05), so H0 is {h0}: {meaning} oxytocin massage on {variable}."
        ),
        "h0_rejected": "rejected",
        "h0_accepted": "not rejected",
        "effect_yes": "there is an effect of",
        "effect_no": "there is no significant effect of",
        "no_control_note": (
            "Note: one-group design without a control group. Milk output rises in the first "
            "postpartum days with or without an intervention, so the pre–post rise cannot be "
            "attributed to the massage alone."
        ),
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
