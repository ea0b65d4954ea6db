"""The sample-size justification paragraph (Indonesian and English)."""

from __future__ import annotations

from .numbers import check_lang, fmt_number

_TESTS = {
    "id": {"paired-t": "uji t berpasangan", "two-sample-t": "uji t dua sampel independen",
           "wilcoxon": "uji Wilcoxon signed rank", "mann-whitney": "uji Mann-Whitney",
           "two-proportions": "uji dua proporsi", "mcnemar": "uji McNemar"},
    "en": {"paired-t": "paired t test", "two-sample-t": "two-sample t test",
           "wilcoxon": "Wilcoxon signed-rank test", "mann-whitney": "Mann-Whitney test",
           "two-proportions": "two-proportion test", "mcnemar": "McNemar test"},
}
_TEXT = {
    "id": ("Besar sampel dihitung untuk {test} {alt} dengan α = {alpha}, power {power} "
           "(tercapai {achieved}) dan besar efek {effect} ({method}), menghasilkan {n} {unit}{total}. Dengan "
           "perkiraan drop out {dropout}, jumlah yang perlu direkrut adalah {enrol} responden. "
           "Besar efek harus diambil dari penelitian sebelumnya atau studi pendahuluan dan "
           "disebutkan sumbernya; perhitungan dibuat dengan laktasi."),
    "en": ("The sample size was computed for a {alt} {test} with α = {alpha}, power {power} "
           "(achieved {achieved}) and effect size {effect} ({method}), giving {n} "
           "{unit}{total}. Allowing for {dropout} dropout, {enrol} respondents need to be "
           "recruited. The effect size must "
           "come from earlier studies or a pilot, with its source cited; computed with "
           "laktasi."),
}


def justification(plan, lang: str = "id") -> str:
    """A ready-to-paste paragraph naming the assumptions of a SampleSize."""
    check_lang(lang)
    paired = plan.test in ("paired-t", "wilcoxon", "mcnemar")
    unit = ("pasang" if paired else "per kelompok") if lang == "id" else (
        "pairs" if paired else "per group")
    total = "" if paired else (f" (total {plan.n_total})")
    alt = {"id": {"two-sided": "dua arah", "one-sided": "satu arah"},
           "en": {"two-sided": "two-sided", "one-sided": "one-sided"}}[lang][plan.alternative]
    return _TEXT[lang].format(
        test=_TESTS[lang][plan.test], alt=alt, alpha=fmt_number(plan.alpha, 2, lang),
        power=fmt_number(plan.target_power, 2, lang),
        achieved=fmt_number(plan.power, 3, lang), effect=fmt_number(plan.effect, 2, lang),
        method=plan.method, n=plan.n, unit=unit, total=total,
        dropout=fmt_number(100 * plan.dropout, 0, lang) + "%", enrol=plan.n_enrol)
