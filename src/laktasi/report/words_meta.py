"""Words of the meta-analysis output (Indonesian and English): tables, summary lines, plot
labels. Numbers are formatted here (decimal comma in Indonesian); the core gives full
precision."""

from __future__ import annotations

from .numbers import check_lang, fmt_number, fmt_p

__all__ = ["MEASURE_NAMES", "SCALE_LABELS", "meta_say", "model_line", "num"]

MEASURE_NAMES = {
    "id": {
        "SMCR": "perubahan rerata terstandar (SD sebelum; Hedges)",
        "SMCC": "perubahan rerata terstandar (SD perubahan; Hedges)",
        "MC": "perubahan rerata mentah",
        "SMD": "Hedges' g (dua kelompok)",
        "MD": "beda rerata mentah (dua kelompok)",
        "OR": "log odds ratio",
        "RR": "log risk ratio",
        "RD": "beda risiko",
        "MPORC": "log odds ratio berpasangan (pasangan diskordan)",
        "SMCC_T": "SMCC dari t berpasangan", "SMCC_P": "SMCC dari p uji t berpasangan",
        "SMCC_Z": "SMCC dari Z uji peringkat", "SMD_T": "Hedges' g dari t dua sampel",
        "SMD_P": "Hedges' g dari p uji t dua sampel", "SMD_Z": "Hedges' g dari Z uji peringkat",
        "DZ_T": "d_z dari t", "DZ_P": "d_z dari p", "D_Z": "d dari Z (Rosenthal)",
    },
    "en": {
        "SMCR": "standardised mean change (pre SD; Hedges)",
        "SMCC": "standardised mean change (change SD; Hedges)",
        "MC": "raw mean change",
        "SMD": "Hedges' g (two groups)",
        "MD": "raw mean difference (two groups)",
        "OR": "log odds ratio",
        "RR": "log risk ratio",
        "RD": "risk difference",
        "MPORC": "paired log odds ratio (discordant pairs)",
        "SMCC_T": "SMCC from a paired t", "SMCC_P": "SMCC from a paired-t p",
        "SMCC_Z": "SMCC from a rank-test Z", "SMD_T": "Hedges' g from a two-sample t",
        "SMD_P": "Hedges' g from a two-sample t-test p", "SMD_Z": "Hedges' g from a rank-test Z",
        "DZ_T": "d_z from t", "DZ_P": "d_z from p", "D_Z": "d from Z (Rosenthal)",
    },
}

SCALE_LABELS = {
    "id": {"standardised": "Beda rerata terstandar (g)", "raw mean": "Beda rerata",
           "log odds ratio": "log odds ratio", "log risk ratio": "log risk ratio",
           "risk difference": "Beda risiko"},
    "en": {"standardised": "Standardised mean difference (g)", "raw mean": "Mean difference",
           "log odds ratio": "log odds ratio", "log risk ratio": "log risk ratio",
           "risk difference": "Risk difference"},
}

_WORDS = {
    "id": {
        "title": "Meta-analisis: {model}",
        "model_FE": "model efek tetap (inverse variance)",
        "model_RE": "model efek acak, τ² {method}",
        "hksj": "CI Hartung-Knapp-Sidik-Jonkman (t, df = {df})",
        "study": "Studi", "design": "Desain", "measure": "Ukuran", "effect": "Efek",
        "ci": "95% CI", "weight": "Bobot (%)", "r": "r pre-post",
        "pooled": "Gabungan", "pi": "Interval prediksi 95%",
        "pooled_line": "Efek gabungan {est} (95% CI {lo} s.d. {hi}), {stat} = {z}, {p}",
        "pi_line": "Interval prediksi 95%: {lo} s.d. {hi}",
        "het_line": "Heterogenitas: Q = {q} (df = {df}), {p}; τ² = {tau2} (95% CI {t_lo} s.d. "
                    "{t_hi}); I² = {i2}% ({i_lo}% s.d. {i_hi}%); H² = {h2}",
        "loo_title": "Leave-one-out (satu studi dikeluarkan)",
        "omitted": "Tanpa studi",
        "sub_title": "Subgrup menurut {what}",
        "sub_line": "Beda antar subgrup: Q = {q} (df = {df}), {p} (τ² per subgrup); uji "
                    "moderator QM = {qm} (df = {qm_df}), {qm_p} (τ² bersama)",
        "egger_line": "Uji Egger (regresi yi pada SE, metafor regtest model \"lm\"): t = {t} "
                      "(df = {df}), {p}",
        "egger_few": "Kurang dari 10 studi: uji asimetri funnel plot lemah, tafsirkan hati-hati.",
        "tf_line": "Trim-and-fill (L0): {k0} studi diimputasi di sisi {side}; efek terkoreksi "
                   "{est} (95% CI {lo} s.d. {hi})",
        "side_left": "kiri", "side_right": "kanan",
        "r_title": "Sensitivitas terhadap korelasi pre-post r yang diasumsikan",
        "assumptions": "Asumsi dan rumus tiap studi",
        "corrected": "ditambah 1/2 pada tiap sel (ada sel 0)",
        "funnel_y": "Galat baku (SE)",
        "written": "Ditulis: {paths}",
        "studies_caption": "Efek tiap studi dan efek gabungan ({model})",
        "measure_note": "Ukuran efek: {measures}.",
        "forest_caption": "Forest plot efek tiap studi dan efek gabungan",
        "funnel_caption": "Funnel plot (efek terhadap galat baku)",
        "interp_sig": "Dari {k} studi, efek gabungan {est} (95% CI {lo} s.d. {hi}; {p}) "
                      "menunjukkan perbedaan yang bermakna secara statistik.",
        "interp_ns": "Dari {k} studi, efek gabungan {est} (95% CI {lo} s.d. {hi}; {p}) tidak "
                     "bermakna secara statistik: data belum cukup untuk menyimpulkan adanya "
                     "efek.",
        "interp_het_high": "Heterogenitas sangat besar (I² = {i2}%): studi-studi tidak "
                           "mengukur efek yang sama, sehingga satu angka gabungan harus "
                           "ditafsirkan dengan sangat hati-hati.",
        "interp_het_mod": "Heterogenitas sedang sampai besar (I² = {i2}%).",
        "interp_pi_zero": "Interval prediksi mencakup 0: pada studi baru di tempat lain, "
                          "efeknya bisa saja tidak ada.",
    },
    "en": {
        "title": "Meta-analysis: {model}",
        "model_FE": "fixed-effect model (inverse variance)",
        "model_RE": "random-effects model, τ² {method}",
        "hksj": "Hartung-Knapp-Sidik-Jonkman CI (t, df = {df})",
        "study": "Study", "design": "Design", "measure": "Measure", "effect": "Effect",
        "ci": "95% CI", "weight": "Weight (%)", "r": "pre-post r",
        "pooled": "Pooled", "pi": "95% prediction interval",
        "pooled_line": "Pooled effect {est} (95% CI {lo} to {hi}), {stat} = {z}, {p}",
        "pi_line": "95% prediction interval: {lo} to {hi}",
        "het_line": "Heterogeneity: Q = {q} (df = {df}), {p}; τ² = {tau2} (95% CI {t_lo} to "
                    "{t_hi}); I² = {i2}% ({i_lo}% to {i_hi}%); H² = {h2}",
        "loo_title": "Leave-one-out (one study omitted)",
        "omitted": "Omitting",
        "sub_title": "Subgroups by {what}",
        "sub_line": "Difference between subgroups: Q = {q} (df = {df}), {p} (τ² per subgroup); "
                    "moderator test QM = {qm} (df = {qm_df}), {qm_p} (common τ²)",
        "egger_line": "Egger's test (regression of yi on SE, metafor regtest model \"lm\"): "
                      "t = {t} (df = {df}), {p}",
        "egger_few": "Fewer than 10 studies: funnel-plot asymmetry tests have little power; "
                     "interpret with care.",
        "tf_line": "Trim-and-fill (L0): {k0} studies imputed on the {side} side; adjusted effect "
                   "{est} (95% CI {lo} to {hi})",
        "side_left": "left", "side_right": "right",
        "r_title": "Sensitivity to the assumed pre-post correlation r",
        "assumptions": "Assumptions and formula per study",
        "corrected": "1/2 added to every cell (a cell was 0)",
        "funnel_y": "Standard error (SE)",
        "written": "Written: {paths}",
        "studies_caption": "Effect of each study and the pooled effect ({model})",
        "measure_note": "Effect measures: {measures}.",
        "forest_caption": "Forest plot of the study effects and the pooled effect",
        "funnel_caption": "Funnel plot (effects against their standard errors)",
        "interp_sig": "Across {k} studies the pooled effect {est} (95% CI {lo} to {hi}; {p}) "
                      "is statistically significant.",
        "interp_ns": "Across {k} studies the pooled effect {est} (95% CI {lo} to {hi}; {p}) is "
                     "not statistically significant: the data do not yet show an effect.",
        "interp_het_high": "Heterogeneity is very large (I² = {i2}%): the studies do not "
                           "measure the same effect, so a single pooled number must be read "
                           "with great care.",
        "interp_het_mod": "Heterogeneity is moderate to large (I² = {i2}%).",
        "interp_pi_zero": "The prediction interval includes 0: in a new study elsewhere the "
                          "effect may be absent.",
    },
}


def meta_say(key: str, lang: str = "id", **values: object) -> str:
    """The meta-analysis text for ``key`` in ``lang`` with ``values`` filled in."""
    check_lang(lang)
    return _WORDS[lang][key].format(**values)


def num(x: float | None, lang: str, decimals: int = 2) -> str:
    return fmt_number(x, decimals, lang)


def model_line(method: str, hksj: bool, k: int, lang: str) -> str:
    """The model's name, e.g. "random-effects model, τ² REML; Hartung-Knapp-... (t, df = 3)"."""
    text = meta_say("model_FE" if method == "FE" else "model_RE", lang, method=method)
    if hksj:
        text += "; " + meta_say("hksj", lang, df=k - 1)
    return text


def p_text(p: float, lang: str) -> str:
    return fmt_p(p, lang)
