"""Words of the meta-analysis output (Indonesian and English): tables, summary lines, plot
labels. Numbers are formatted here (decimal comma in Indonesian); the core gives full
precision."""

from __future__ import annotations

import re

from laktasi.i18n import check_lang
from laktasi.i18n.numbers import fmt_number, fmt_p

__all__ = ["DESIGN_NAMES", "MEASURE_NAMES", "SCALE_LABELS", "design_name", "formula_text",
           "meta_say", "model_line", "num"]

MEASURE_NAMES = {
    "id": {
        "SMCR": "perubahan rerata terstandar (SD sebelum; Hedges)",
        "SMCC": "perubahan rerata terstandar (SD perubahan; Hedges)",
        "MC": "perubahan rerata mentah",
        "SMD": "g Hedges (dua kelompok)",
        "MD": "beda rerata mentah (dua kelompok)",
        "OR": "logaritma rasio odds",
        "RR": "logaritma rasio risiko",
        "RD": "beda risiko",
        "MPORC": "logaritma rasio odds berpasangan (pasangan diskordan)",
        "SMCC_T": "SMCC dari t berpasangan", "SMCC_P": "SMCC dari p uji t berpasangan",
        "SMCC_Z": "SMCC dari Z uji peringkat", "SMD_T": "g Hedges dari t dua sampel",
        "SMD_P": "g Hedges dari p uji t dua sampel", "SMD_Z": "g Hedges dari Z uji peringkat",
        "DZ": "dz (perubahan rerata / SD selisih)",
        "DZ_T": "dz dari t", "DZ_P": "dz dari p", "D_Z": "d dari Z (Rosenthal)",
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
        "DZ": "dz (mean change / SD of the change)",
        "DZ_T": "dz from t", "DZ_P": "dz from p", "D_Z": "d from Z (Rosenthal)",
    },
}

SCALE_LABELS = {
    "id": {"standardised": "Beda rerata terstandar (g)", "raw mean": "Beda rerata",
           "log odds ratio": "Logaritma rasio odds", "log risk ratio": "Logaritma rasio risiko",
           "risk difference": "Beda risiko"},
    "en": {"standardised": "Standardised mean difference (g)", "raw mean": "Mean difference",
           "log odds ratio": "Log odds ratio", "log risk ratio": "Log risk ratio",
           "risk difference": "Risk difference"},
}

_WORDS = {
    "id": {
        "title": "Meta-analisis: {model}",
        "model_FE": "model efek tetap (bobot kebalikan varians)",
        "model_RE": "model efek acak, τ² ditaksir dengan {method}",
        "hksj": "IK Hartung-Knapp-Sidik-Jonkman (t, df = {df})",
        "study": "Studi", "design": "Desain", "measure": "Ukuran", "effect": "Efek",
        "ci": "IK 95%", "weight": "Bobot (%)", "r": "r",
        "pooled": "Gabungan", "pi": "Interval prediksi 95%",
        "pooled_line": "Efek gabungan {est} (IK 95% {lo} s.d. {hi}), {stat} = {z}, {p}",
        "pi_line": "Interval prediksi 95%: {lo} s.d. {hi}",
        "het_line": "Heterogenitas: Q = {q} (df = {df}), {p}; τ² = {tau2} (IK 95% {t_lo} s.d. "
                    "{t_hi}); I² = {i2}% ({i_lo}% s.d. {i_hi}%); H² = {h2}",
        "loo_title": "Analisis sensitivitas: efek gabungan bila satu studi dikeluarkan",
        "omitted": "Tanpa studi",
        "sub_title": "Subgrup menurut {what}",
        "sub_line": "Beda antar subgrup: Q = {q} (df = {df}), {p} (τ² per subgrup); uji "
                    "moderator QM = {qm} (df = {qm_df}), {qm_p} (τ² bersama)",
        "egger_line": "Uji Egger (regresi efek studi terhadap galat bakunya, seperti regtest "
                      "model \"lm\" pada paket R metafor): t = {t} (df = {df}), {p}",
        "egger_few": "Kurang dari 10 studi: uji asimetri diagram corong lemah, tafsirkan "
                     "hati-hati.",
        "tf_line": "Metode trim-and-fill (penaksir L0): {k0} studi diimputasi di sisi {side}; "
                   "efek terkoreksi {est} (IK 95% {lo} s.d. {hi})",
        "side_left": "kiri", "side_right": "kanan",
        "r_title": "Sensitivitas terhadap korelasi pretest-posttest (r) yang diasumsikan",
        "assumptions": "Asumsi dan rumus tiap studi",
        "corrected": "ditambah 1/2 pada tiap sel (ada sel 0)",
        "funnel_y": "Galat baku (SE)",
        "written": "Ditulis: {paths}",
        "studies_caption": "Efek tiap studi dan efek gabungan ({model})",
        "measure_note": "Ukuran efek: {measures}. IK = interval kepercayaan; r = korelasi "
                        "pretest-posttest.",
        "forest_caption": "Diagram hutan (forest plot) efek tiap studi dan efek gabungan",
        "funnel_caption": "Diagram corong (funnel plot): efek terhadap galat baku",
        "symbols": "Simbol: yᵢ = efek studi ke-i, vᵢ = variansnya, M = rerata, SD = simpangan "
                   "baku, n = jumlah subjek, r = korelasi pretest-posttest, J(m) = 1 − 3/(4m "
                   "− 1) (koreksi Hedges untuk sampel kecil), ln = logaritma natural.",
        "interp_sig": "Dari {k} studi, efek gabungan {est} (IK 95% {lo} s.d. {hi}; {p}) "
                      "menunjukkan perbedaan yang bermakna secara statistik.",
        "interp_ns": "Dari {k} studi, efek gabungan {est} (IK 95% {lo} s.d. {hi}; {p}) tidak "
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
        "ci": "95% CI", "weight": "Weight (%)", "r": "r",
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
        "egger_line": "Egger's test (regression of the study effects on their standard "
                      "errors, as regtest model \"lm\" of the R package metafor): t = {t} "
                      "(df = {df}), {p}",
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
        "measure_note": "Effect measures: {measures}. CI = confidence interval; r = "
                        "pretest-posttest correlation.",
        "forest_caption": "Forest plot of the study effects and the pooled effect",
        "funnel_caption": "Funnel plot (effects against their standard errors)",
        "symbols": "Symbols: yᵢ = effect of study i, vᵢ = its variance, M = mean, SD = "
                   "standard deviation, n = number of subjects, r = pretest-posttest "
                   "correlation, J(m) = 1 − 3/(4m − 1) (Hedges' small-sample correction), "
                   "ln = natural logarithm.",
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


DESIGN_NAMES = {
    "id": {"one-group": "satu kelompok", "one-group-pretest-posttest": "satu kelompok",
           "nonequivalent": "kontrol tak setara",
           "nonequivalent-control-pretest-posttest": "kontrol tak setara",
           "two-group": "dua kelompok", "two-group-posttest": "dua kelompok", "rct": "RCT"},
    "en": {"one-group": "one group", "one-group-pretest-posttest": "one group",
           "nonequivalent": "nonequivalent control",
           "nonequivalent-control-pretest-posttest": "nonequivalent control",
           "two-group": "two groups", "two-group-posttest": "two groups", "rct": "RCT"},
}


def design_name(design: str | None, lang: str) -> str:
    """A study design's name in ``lang`` (a design the CSV names otherwise is kept)."""
    check_lang(lang)
    return "" if not design else DESIGN_NAMES[lang].get(design, design)


# The conversion formulas of laktasi.meta.effects are written there as code (yi, vi, sqrt,
# ^2, m_post); a report prints them as formulas. Longest names first.
_SYMBOLS = {
    "id": [("t ~ Z (rank test)", "t ≈ Z (uji peringkat)"),
           ("(discordant pairs)", "(pasangan diskordan)"),
           ("sd_pooled", "SD gabungan"), ("sd_d", "SD selisih")],
    "en": [("t ~ Z (rank test)", "t ≈ Z (rank test)"),
           ("sd_pooled", "pooled SD"), ("sd_d", "SD of the change")],
}
_COMMON = [("m_post", "Mₚₒₛₜ"), ("m_pre", "Mₚᵣₑ"), ("sd_post", "SDₚₒₛₜ"),
           ("sd_pre", "SDₚᵣₑ"), ("d_z", "dz"), ("yi", "yᵢ"), ("vi", "vᵢ"), ("sd1", "SD₁"),
           ("sd2", "SD₂"), ("m1", "M₁"), ("m2", "M₂"), ("log(", "ln(")]


def _quantile(match: re.Match, lang: str) -> str:
    df = match.group(1).replace("-", " − ").replace("+", " + ")
    return (f"kuantil distribusi t pada 1 − p/2 dengan df = {df}" if lang == "id"
            else f"the quantile of the t distribution at 1 − p/2 with df = {df}")


def formula_text(raw: str, lang: str) -> str:
    """A conversion formula written as a formula: symbols (yᵢ, √, ², −, subscripts)
    instead of code, words in ``lang``."""
    check_lang(lang)
    text = re.sub(r"qt\(1 - p/2, ([^)]*)\)", lambda m: _quantile(m, lang), raw)
    for old, new in _SYMBOLS[lang] + _COMMON:
        text = text.replace(old, new)
    text = re.sub(r"sqrt\(([A-Za-z0-9₁₂]+)\)", r"√\1", text)
    text = re.sub(r"sqrt\(", "√(", text)
    text = text.replace("^2", "²")
    text = re.sub(r"\bc\(", "J(", text)
    text = re.sub(r"\b([np])([12])\b", lambda m: m.group(1) + "₁₂"[int(m.group(2)) - 1], text)
    text = re.sub(r"(?<=[\w)²₁₂ᵢ])-(?=[\w(])", " − ", text)
    text = text.replace(" - ", " − ").replace("*", "·")
    return text
