"""Words for sample size and power (Indonesian and English): ready-to-paste justification
paragraphs naming the method, its assumptions and their source, and the labels the power
commands print."""

from __future__ import annotations

from typing import Any

from laktasi.i18n import check_lang
from laktasi.i18n.numbers import fmt_number

__all__ = ["LABELS", "justification", "simulation_justification", "test_name"]

_TESTS = {
    "id": {"paired-t": "uji t berpasangan", "two-sample-t": "uji t dua sampel independen",
           "wilcoxon": "uji peringkat bertanda Wilcoxon", "mann-whitney": "uji Mann-Whitney",
           "two-proportions": "uji beda dua proporsi", "mcnemar": "uji McNemar",
           "mcnemar-spss": "uji McNemar (binomial bila < 25 perubahan, seperti SPSS)",
           "welch-t": "uji t Welch", "two-sample-t-auto":
               "uji t independen (Student atau Welch menurut uji Levene)",
           "chi-square": "uji kai kuadrat Pearson",
           "chi-square-corrected": "uji kai kuadrat dengan koreksi kontinuitas",
           "fisher": "uji eksak Fisher"},
    "en": {"paired-t": "paired t test", "two-sample-t": "two-sample t test",
           "wilcoxon": "Wilcoxon signed-rank test", "mann-whitney": "Mann-Whitney test",
           "two-proportions": "test of two proportions", "mcnemar": "McNemar test",
           "mcnemar-spss": "McNemar test (binomial below 25 changes, as SPSS)",
           "welch-t": "Welch t test", "two-sample-t-auto":
               "independent t test (Student or Welch by Levene's test)",
           "chi-square": "Pearson chi-square test",
           "chi-square-corrected": "continuity-corrected chi-square test",
           "fisher": "Fisher's exact test"},
}

_PARENTS = {"id": {"normal": "normal", "laplace": "Laplace", "logistic": "logistik",
                   "min": "terburuk (ARE minimum 0,864)"},
            "en": {"normal": "normal", "laplace": "Laplace", "logistic": "logistic",
                   "min": "least favourable (minimum ARE 0.864)"}}

# method (source key) -> sentence naming the method, its assumption and its source
_SOURCES = {
    "id": {
        "gpower-t": ("Perhitungan memakai distribusi t nonsentral secara eksak, sama dengan "
                     "G*Power 3.1 (Faul dkk., 2007), dengan asumsi {assume}."),
        "gpower-are": ("Perhitungan memakai metode A.R.E. seperti G*Power 3.1 (Faul dkk., "
                       "2009): kekuatan uji t dengan jumlah sampel dikalikan efisiensi relatif "
                       "asimtotik (ARE) {are} untuk distribusi induk {parent} (Hodges & "
                       "Lehmann, 1956; Lehmann, 1975)."),
        "gpower-mcnemar-exact": (
            "Perhitungan memakai uji binomial eksak pada pasangan diskordan dengan kekuatan "
            "uji eksak yang dirata-ratakan atas jumlah pasangan diskordan, sama dengan pilihan "
            "'exact' pada G*Power 3.1 (Faul dkk., 2007); diasumsikan proporsi pasangan "
            "diskordan {p_discordant} (membaik {p_improve}, memburuk {p_worsen}; rasio "
            "odds {odds_ratio}). Taraf signifikansi sebenarnya {actual_alpha}."),
        "connor1987": ("Perhitungan memakai pendekatan normal Connor (1987) dengan asumsi "
                       "proporsi membaik {p_improve} dan memburuk {p_worsen}."),
        "r-power-prop": ("Perhitungan memakai pendekatan normal (seperti fungsi power.prop.test "
                         "pada R; "
                         "Fleiss, Levin & Paik, 2003) dengan asumsi proporsi {p1} pada "
                         "kelompok intervensi dan {p2} pada kelompok kontrol."),
        "fleiss1980": ("Perhitungan memakai pendekatan normal dengan koreksi kontinuitas "
                       "(Fleiss, Tytun & Ury, 1980) dengan asumsi proporsi {p1} pada "
                       "kelompok intervensi dan {p2} pada kelompok kontrol."),
        "exact-enumeration": (
            "Kekuatan uji dihitung eksak untuk {exact_test} dengan menjumlahkan semua kemungkinan "
            "hasil binomial kedua kelompok, dengan asumsi proporsi {p1} pada kelompok "
            "intervensi dan {p2} pada kelompok kontrol. Taraf signifikansi sebenarnya "
            "{actual_alpha}."),
    },
    "en": {
        "gpower-t": ("Power was computed exactly from the noncentral t distribution, as in "
                     "G*Power 3.1 (Faul et al., 2007), assuming {assume}."),
        "gpower-are": ("Power was computed by the A.R.E. method as in G*Power 3.1 (Faul et "
                       "al., 2009): the t test's power with the sample size multiplied by "
                       "the asymptotic relative efficiency (ARE) {are} of a {parent} parent "
                       "distribution (Hodges & Lehmann, 1956; Lehmann, 1975)."),
        "gpower-mcnemar-exact": (
            "Power was computed exactly for the exact binomial test on the discordant "
            "pairs, averaged over the number of discordant pairs, as G*Power 3.1's 'exact' "
            "option (Faul et al., 2007), assuming a proportion of discordant pairs of "
            "{p_discordant} (improved {p_improve}, worsened {p_worsen}; odds ratio "
            "{odds_ratio}). The actual significance level is {actual_alpha}."),
        "connor1987": ("Power was computed with Connor's (1987) normal approximation, "
                       "assuming proportions improving {p_improve} and worsening "
                       "{p_worsen}."),
        "r-power-prop": ("Power was computed with the normal approximation (as R "
                         "power.prop.test; Fleiss, Levin & Paik, 2003), assuming proportions "
                         "of {p1} in the intervention group and {p2} in the control group."),
        "fleiss1980": ("Power was computed with the continuity-corrected normal "
                       "approximation (Fleiss, Tytun & Ury, 1980), assuming proportions of "
                       "{p1} in the intervention group and {p2} in the control group."),
        "exact-enumeration": (
            "Power was computed exactly for {exact_test} by summing over every pair of "
            "binomial outcomes, assuming proportions of {p1} in the intervention group and "
            "{p2} in the control group. The actual significance level is {actual_alpha}."),
    },
}

_ASSUME_T = {"id": {"paired-t": "selisih posttest - pretest berdistribusi normal",
                    "two-sample-t": "kedua kelompok berdistribusi normal dengan varians sama"},
             "en": {"paired-t": "normally distributed posttest - pretest differences",
                    "two-sample-t": "normal outcomes with equal variances in both groups"}}

_EFFECT = {"id": {"paired-t": "dz", "wilcoxon": "dz", "two-sample-t": "d",
                  "mann-whitney": "d", "two-proportions": "selisih proporsi",
                  "mcnemar": "selisih proporsi diskordan"},
           "en": {"paired-t": "dz", "wilcoxon": "dz", "two-sample-t": "d",
                  "mann-whitney": "d", "two-proportions": "difference in proportions",
                  "mcnemar": "difference in discordant proportions"}}

_TEXT = {
    "id": ("Besar sampel dihitung untuk {test} {alt} dengan α = {alpha}, kekuatan uji "
           "(power) {power} dan besar efek {effect_name} = {effect}, menghasilkan {n} "
           "{unit}{total} dengan kekuatan uji tercapai {achieved}. {source} Dengan perkiraan "
           "subjek yang keluar dari penelitian (drop out {dropout}), jumlah yang perlu "
           "direkrut adalah {enrol} responden{enrol_groups}. Besar efek harus diambil dari "
           "penelitian sebelumnya atau studi pendahuluan dan disebutkan sumbernya; "
           "perhitungan dibuat dengan perangkat lunak laktasi."),
    "en": ("The sample size was computed for a {alt} {test} with α = {alpha}, power {power} "
           "and effect size {effect_name} = {effect}, giving {n} {unit}{total} with an achieved "
           "power of {achieved}. {source} Allowing for {dropout} dropout, {enrol} respondents "
           "need to be recruited{enrol_groups}. The effect size must come from earlier "
           "studies or a pilot, with its source cited; computed with the laktasi software."),
}

_SIM_TEXT = {
    "id": ("Kekuatan uji (power) {test} pada {design} dengan {n} {unit} diperkirakan "
           "{power} (galat baku Monte Carlo {se}) dari simulasi {sims} penelitian (bilangan "
           "awal acak {seed}) dengan data {model} ({params}). Setiap penelitian simulasi "
           "dianalisis dengan cara yang sama seperti data sebenarnya ({rule}), mengikuti "
           "algoritme SPSS yang terdokumentasi, dan dihitung bermakna bila p < α = {alpha}. "
           "Asumsi data harus diambil dari penelitian sebelumnya atau studi pendahuluan dan "
           "disebutkan sumbernya; simulasi dibuat dengan perangkat lunak laktasi."),
    "en": ("The power of the {test} in a {design} with {n} {unit} was estimated at {power} "
           "(Monte Carlo standard error {se}) from {sims} simulated studies (seed {seed}) "
           "with {model} data ({params}). Each simulated study was analysed as real data "
           "are ({rule}), following SPSS's documented algorithms, and counted as significant "
           "when p < α = {alpha}. The data assumptions must come from earlier studies or a "
           "pilot, with their source cited; simulated with the laktasi software."),
}

_MODELS = {"id": {"normal": "berdistribusi normal",
                  "milk-volume": "volume ASI (cc, distribusi gamma, dibaca per 0,1 cc)",
                  "counts": "bilangan bulat dengan banyak nilai kembar (mis. frekuensi "
                            "menyusui per 24 jam)",
                  "ordinal": "skor ordinal dengan banyak nilai kembar",
                  "binary": "dua kategori (lancar / tidak lancar)",
                  "custom": "buatan pengguna"},
           "en": {"normal": "normally distributed",
                  "milk-volume": "milk volume (cc, gamma distributed, read to 0.1 cc)",
                  "counts": "whole-number (e.g. feeds per 24 h) with many ties",
                  "ordinal": "ordinal score with many ties",
                  "binary": "binary (lancar / tidak lancar)", "custom": "user-defined"}}

_RULES = {"id": {"wilcoxon": "nilai Z dengan koreksi untuk nilai kembar, tanpa koreksi "
                             "kontinuitas; selisih nol dibuang",
                 "mann-whitney": "nilai Z dengan koreksi untuk nilai kembar, tanpa koreksi "
                                 "kontinuitas",
                 "mcnemar": "p binomial eksak",
                 "fisher": "p dua arah seperti fungsi fisher.test pada R"},
          "en": {"wilcoxon": "tie-corrected Z without continuity correction; zero "
                             "differences dropped",
                 "mann-whitney": "tie-corrected Z without continuity correction",
                 "mcnemar": "exact binomial p", "fisher": "two-sided p as R fisher.test"}}

LABELS = {
    "id": {"n": "n", "power": "kekuatan uji", "se": "galat baku", "pairs": "pasang",
           "per_group": "per kelompok", "total": "total", "recruit": "direkrut",
           "achieved": "kekuatan uji tercapai", "actual_alpha": "α sebenarnya",
           "method": "metode", "sims": "simulasi", "title_n": "Besar sampel",
           "title_sim": "Kekuatan uji (simulasi)", "title_curve": "Kurva kekuatan uji",
           "analytic": "analitik", "n_axis": "Besar sampel (n)",
           "power_axis": "Kekuatan uji (power)", "monte_carlo": "simulasi Monte Carlo"},
    "en": {"n": "n", "power": "power", "se": "SE", "pairs": "pairs",
           "per_group": "per group", "total": "total", "recruit": "recruit",
           "achieved": "achieved power", "actual_alpha": "actual α", "method": "method",
           "sims": "simulations", "title_n": "Sample size", "title_sim": "Power (simulation)",
           "title_curve": "Power curve", "analytic": "analytic", "n_axis": "Sample size (n)",
           "power_axis": "Power", "monte_carlo": "Monte Carlo simulation"},
}


def test_name(test: str, lang: str = "id") -> str:
    """The name of a test in the report language."""
    check_lang(lang)
    return _TESTS[lang].get(test, test)


def _thousands(n: int, lang: str) -> str:
    return f"{int(n):,}".replace(",", "." if lang == "id" else ",")


def _fmt(value: Any, lang: str) -> str:
    if isinstance(value, str):
        return value
    return fmt_number(float(value), 3, lang).rstrip("0").rstrip(",.") or "0"


def justification(plan, lang: str = "id") -> str:
    """A ready-to-paste paragraph for a :class:`laktasi.power.SampleSize`, naming the
    test, the inputs, the method with its assumptions and source, and the dropout
    inflation."""
    check_lang(lang)
    paired = plan.test in ("paired-t", "wilcoxon", "mcnemar")
    words = LABELS[lang]
    unit = words["pairs"] if paired else words["per_group"]
    total = "" if paired else f" ({words['total']} {plan.n_total})"
    alt = {"id": {"two-sided": "dua arah", "one-sided": "satu arah"},
           "en": {"two-sided": "two-sided", "one-sided": "one-sided"}}[lang][plan.alternative]
    params = {name: _fmt(v, lang) for name, v in plan.parameters}
    if "parent" in params:
        params["parent"] = _PARENTS[lang][dict(plan.parameters)["parent"]]
    params["exact_test"] = _TESTS[lang].get(str(dict(plan.parameters).get("test", "")), "")
    params["assume"] = _ASSUME_T[lang].get(plan.test, "")
    params["actual_alpha"] = ("" if plan.actual_alpha is None
                              else fmt_number(plan.actual_alpha, 4, lang))
    source = _SOURCES[lang].get(plan.source, "").format(**params)
    enrol_groups = ""
    if not paired:
        each = plan.n_enrol // 2
        enrol_groups = (f" ({each} per kelompok)" if lang == "id" else f" ({each} per group)")
    return _TEXT[lang].format(
        test=_TESTS[lang][plan.test], alt=alt, alpha=fmt_number(plan.alpha, 2, lang),
        power=fmt_number(plan.target_power, 2, lang),
        achieved=fmt_number(plan.power, 3, lang),
        effect_name=_EFFECT[lang].get(plan.test, "d"), effect=_fmt(plan.effect, lang),
        n=plan.n, unit=unit, total=total, source=source,
        dropout=fmt_number(100 * plan.dropout, 0, lang) + "%", enrol=plan.n_enrol,
        enrol_groups=enrol_groups)


def simulation_justification(estimate, params: Any = (), lang: str = "id") -> str:
    """A ready-to-paste paragraph for a :class:`laktasi.power.PowerEstimate`; ``params``
    are the data model's parameters (``model.params``)."""
    check_lang(lang)
    paired = estimate.test in ("wilcoxon", "paired-t", "mcnemar", "mcnemar-spss")
    design = {"id": ("desain satu kelompok pretest-posttest" if paired
                     else "desain dua kelompok"),
              "en": ("one-group pretest-posttest design" if paired else "two-group design")
              }[lang]
    unit = LABELS[lang]["pairs"] if paired else LABELS[lang]["per_group"]
    rule_key = estimate.test if estimate.test in _RULES[lang] else (
        "mcnemar" if estimate.test.startswith("mcnemar") else "")
    rule = _RULES[lang].get(rule_key, "p dihitung seperti pada data sebenarnya" if lang == "id"
                            else "p as for real data")
    return _SIM_TEXT[lang].format(
        test=_TESTS[lang].get(estimate.test, estimate.test), design=design, n=estimate.n,
        unit=unit, power=fmt_number(estimate.power, 3, lang),
        se=fmt_number(estimate.se, 3, lang), sims=_thousands(estimate.sims, lang),
        seed=estimate.seed, model=_MODELS[lang].get(estimate.model, estimate.model),
        params=", ".join(f"{k} = {_fmt(v, lang)}" for k, v in params), rule=rule,
        alpha=fmt_number(estimate.alpha, 2, lang))
