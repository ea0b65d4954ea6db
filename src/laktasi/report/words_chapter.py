"""Words of the results chapter (BAB 4), Indonesian and English."""

from __future__ import annotations

from laktasi.i18n import check_lang

__all__ = ["EFFECT_NAMES", "READING_NAMES", "READING_ROWS", "TEST_NAMES", "magnitude", "w"]

EFFECT_NAMES = {
    "id": {"rank_biserial": "r rank-biserial", "r": "r", "d_z": "d_{z}", "g_av": "g_{av}",
           "hedges_g": "Hedges' g", "cohens_d": "Cohen's d", "phi": "φ", "cramers_v": "Cramér's V",
           "odds_ratio": "OR pasangan diskordan", "partial_eta_squared": "η² parsial"},
    "en": {"rank_biserial": "rank-biserial r", "r": "r", "d_z": "d_{z}", "g_av": "g_{av}",
           "hedges_g": "Hedges' g", "cohens_d": "Cohen's d", "phi": "φ", "cramers_v": "Cramér's V",
           "odds_ratio": "discordant-pair OR", "partial_eta_squared": "partial η²"},
}

TEST_NAMES = {
    "id": {"wilcoxon": "uji Wilcoxon signed rank", "paired-t": "uji t berpasangan (paired t-test)",
           "mcnemar": "uji McNemar (binomial eksak)",
           "chi-square-paired": "uji chi-square (sebelum vs sesudah)",
           "mann-whitney": "uji Mann-Whitney", "independent-t": "uji t independen",
           "chi-square": "uji chi-square", "fisher": "uji Fisher exact",
           "ancova": "ANCOVA (posttest disesuaikan dengan pretest)",
           "mann-whitney-change": "uji Mann-Whitney pada selisih (sesudah − sebelum)"},
    "en": {"wilcoxon": "Wilcoxon signed-rank test", "paired-t": "paired t-test",
           "mcnemar": "McNemar test (exact binomial)",
           "chi-square-paired": "chi-square test (before vs after)",
           "mann-whitney": "Mann-Whitney test", "independent-t": "independent-samples t-test",
           "chi-square": "chi-square test", "fisher": "Fisher's exact test",
           "ancova": "ANCOVA (posttest adjusted for pretest)",
           "mann-whitney-change": "Mann-Whitney test on change scores (after − before)"},
}

# The row of SPSS's Chi-Square Tests table a decision reads (as SPSS names it, in both languages)
READING_ROWS = {"pearson": "Pearson Chi-Square", "continuity": "Continuity Correction",
                "fisher": "Fisher's Exact Test"}
READING_NAMES = {"pearson": "Pearson", "continuity": "Continuity Correction",
                 "fisher": "Fisher's Exact Test"}

_MAGNITUDE = {
    # Cohen (1988) conventions: (small, medium, large)
    "d": (0.2, 0.5, 0.8),
    "r": (0.1, 0.3, 0.5),
    "eta2": (0.01, 0.06, 0.14),
}
_MAG_WORDS = {"id": ("sangat kecil", "kecil", "sedang", "besar"),
              "en": ("negligible", "small", "medium", "large")}
_KIND = {"d_z": "d", "g_av": "d", "hedges_g": "d", "cohens_d": "d", "rank_biserial": "r",
         "r": "r", "phi": "r", "cramers_v": "r", "partial_eta_squared": "eta2"}


def magnitude(name: str, value: float, lang: str) -> str | None:
    """Cohen's (1988) label for an effect size, or None when there is no convention."""
    kind = _KIND.get(name)
    if kind is None or value != value:
        return None
    small, medium, large = _MAGNITUDE[kind]
    v = abs(value)
    idx = 0 if v < small else 1 if v < medium else 2 if v < large else 3
    return _MAG_WORDS[lang][idx]


WORDS: dict[str, dict[str, str]] = {
    "id": {
        "chapter": "BAB 4 HASIL PENELITIAN",
        "table_word": "Tabel", "figure_word": "Gambar",
        "variable": "Variabel", "category": "Kategori",
        "baseline_caption": "Kesetaraan Karakteristik Responden antara Kelompok",
        "baseline_table_paragraph": "Berdasarkan tabel {table}, {verdict}",
        "baseline_equal": "karakteristik responden setara antara kedua kelompok (semua p ≥ "
                          "{alpha}).",
        "baseline_marks": "p: {marks}.",
        "mark_fisher": "Fisher = Fisher's Exact Test (ada expected count < 5)",
        "mark_continuity": "Yates = Continuity Correction (tabel 2×2, semua expected count ≥ 5)",
        "mark_pearson": "χ² = Pearson Chi-Square",
        "baseline_what": " (kesetaraan awal)",
        "missing_note": "Catatan: sebagian data karakteristik kosong ({items}); persentase valid "
                        "dihitung dari responden yang datanya ada.",
        "missing_item": "{variable}: {n} responden",
        "implausible_note": (
            "Periksa data: {n} nilai {variable} di luar rentang wajar {range} ({values}) dan tetap "
            "dihitung dalam tabel di atas. Perbaiki data, atau ubah batas min/max karakteristik ini "
            "dalam deskripsi studi bila nilai itu memang benar."
        ),
        "software": "Data dianalisis dengan perangkat lunak laktasi versi {version}. Uji untuk "
                    "setiap variabel dan alasan pemilihannya:",
        "citation": "Rujukan perangkat lunak: laktasi, versi {version} [perangkat lunak]. "
                    "Analisis statistik penelitian ASI. Lisensi "
                    "GPL-3.0-or-later.",
        "baseline_unequal": "kedua kelompok berbeda bermakna pada: {variables}; perbedaan ini "
                            "perlu dipertimbangkan saat membandingkan hasil.",
        "general_data": "4.1 Data Umum",
        "specific_data": "4.2 Data Khusus",
        "methods": "Metode analisis",
        "limitations": "Keterbatasan",
        "char_caption": "Distribusi Frekuensi Karakteristik Responden{place}{year}",
        "char_paragraph": "Berdasarkan tabel {table} diketahui bahwa {parts}.",
        "char_part": "{word} responden ({variable}) {category} yaitu {n} responden ({pct})",
        "descr_caption": "{variable} Sebelum dan Sesudah Intervensi{group}",
        "descr_paragraph": (
            "Berdasarkan tabel {table}, rata-rata {variable}{group} sebelum intervensi adalah "
            "{mean_pre} (SD {sd_pre}; min {min_pre}, maks {max_pre}) dan sesudah intervensi "
            "{mean_post} (SD {sd_post}; min {min_post}, maks {max_post})."
        ),
        "binary_caption": "Distribusi {variable} Sebelum dan Sesudah Intervensi{group}",
        "binary_paragraph": (
            "Berdasarkan tabel {table}, sebelum intervensi {word_pre} responden{group} {better} "
            "yaitu {n_pre} responden ({pct_pre}), dan sesudah intervensi {n_post} responden "
            "({pct_post})."
        ),
        "in_group": " pada kelompok {group}",
        "and": " dan ",
        "post_caption": "Distribusi {variable} Sesudah Intervensi per Kelompok",
        "post_part": "pada kelompok {group} {mean} (SD {sd}; min {min}, maks {max})",
        "post_paragraph": "Berdasarkan tabel {table}, rata-rata {variable} sesudah intervensi "
                          "{parts}.",
        "group_cross_caption": "Tabulasi Silang Kelompok dengan {variable} Sesudah Intervensi",
        "group_cross_caption_pre": "Tabulasi Silang Kelompok dengan {variable} Sebelum "
                                   "Intervensi",
        "group_cross_caption_posttest": "Tabulasi Silang Kelompok dengan {variable} Sesudah "
                                        "Intervensi",
        "cross_paragraph": "Berdasarkan tabel {table}, {time} {parts}.",
        "cross_time_pre": "sebelum intervensi",
        "title_pre": " Sebelum Intervensi",
        "title_post": " Sesudah Intervensi",
        "cross_time_post": "sesudah intervensi",
        "cross_part": "pada kelompok {group} {n} dari {total} responden ({pct}) {better}",
        "reading_note": "Baris yang dibaca: {row}.",
        "fisher_result": "{p} (Fisher's Exact Test, Exact Sig. 2-sided)",
        "change_of": "Selisih {variable} (Sesudah − Sebelum)",
        "test_paragraph": (
            "Hasil {test} pada {variable}{group} menunjukkan {stat_text} {cmp} α ({alpha}) "
            "maka H0 {h0}, artinya {meaning}."
        ),
        "change_yes": "ada perubahan yang bermakna pada {variable}{group}{direction}",
        "change_yes_intervention": "; perubahan di dalam satu kelompok belum menunjukkan "
                                   "pengaruh {intervention}, yang dinilai dari uji antar "
                                   "kelompok",
        "change_yes_control": "; kelompok ini tidak mendapat {intervention}, sehingga perubahan "
                              "ini bukan pengaruh {intervention}",
        "change_no": "tidak ada perubahan yang bermakna pada {variable}{group}",
        "direction_increase": " (meningkat dari sebelum ke sesudah)",
        "direction_decrease": " (menurun dari sebelum ke sesudah)",
        "direction_binary_increase": " (responden {better} bertambah dari sebelum ke sesudah)",
        "direction_binary_decrease": " (responden {better} berkurang dari sebelum ke sesudah)",
        "between_paragraph": (
            "Perbandingan antar kelompok dengan {test} pada {variable} menunjukkan {stat_text} "
            "{cmp} α ({alpha}) maka H0 {h0}: {meaning}"
        ),
        "between_yes": "terdapat perbedaan yang bermakna antara kelompok {a} dan {b}.",
        "between_no": "tidak terdapat perbedaan yang bermakna antara kelompok {a} dan {b}.",
        "between_higher": "{variable} lebih tinggi pada kelompok {higher}.",
        "between_higher_binary": "Proporsi responden {better} lebih tinggi pada kelompok "
                                 "{higher}.",
        "between_higher_adjusted": "Rata-rata {variable} sesudah yang disesuaikan dengan pretest "
                                   "lebih tinggi pada kelompok {higher}.",
        "between_higher_change": "Perubahan {variable} (sesudah − sebelum) lebih besar pada "
                                 "kelompok {higher}.",
        "claim_supported": (
            "Klaim bahwa {better} lebih efektif daripada {other} didukung oleh uji antar "
            "kelompok ini: ada pengaruh {better} terhadap {variable} dibandingkan dengan {other}."
        ),
        "claim_not_supported": (
            "Klaim bahwa {better} lebih efektif daripada {other} TIDAK didukung: uji antar "
            "kelompok tidak bermakna."
        ),
        "claim_within_note": "Dua nilai p dalam-kelompok yang terpisah tidak menunjukkan bahwa "
                             "satu intervensi lebih baik.",
        "claim_contradicted": (
            "Klaim bahwa {better} lebih efektif daripada {other} bertentangan dengan data: uji "
            "antar kelompok bermakna ke arah sebaliknya."
        ),
        "baseline_paragraph": (
            "Kesetaraan awal (pretest) {variable} antara kelompok diuji dengan {test}: "
            "{stat_text}{verdict}"
        ),
        "baseline_ok": "; kedua kelompok setara pada awal penelitian.",
        "baseline_diff": "; kedua kelompok TIDAK setara pada awal penelitian, sehingga "
                         "perbandingan posttest saja menyesatkan.",
        "h0_rejected": "ditolak dan Ha diterima",
        "h0_accepted": "diterima",
        "meaning_yes": "ada pengaruh {intervention} terhadap {variable}{direction}",
        "meaning_no": "tidak ada pengaruh yang bermakna dari {intervention} terhadap {variable}",
        "effect_sentence": "Besar efek {effect} ({size}).",
        "method_sentence": "{variable}{group}: {test} dipilih karena {reason}.",
        "method_forced": "{variable}{group}: {test} digunakan atas pilihan peneliti; menurut "
                         "aturan pemilihan uji: {reason}.",
        "reason_paired_binary": "data biner berpasangan (ibu yang sama sebelum dan sesudah)",
        "reason_paired_ordinal": "data ordinal berpasangan",
        "reason_differences_normal": "selisih sesudah − sebelum berdistribusi normal "
                                     "({test}, p = {p})",
        "reason_differences_not_normal": "selisih sesudah − sebelum tidak berdistribusi normal "
                                         "({test}, p = {p})",
        "reason_expected_all_5_or_more_2x2": "tabel 2×2 dengan semua expected count ≥ 5, "
                                             "sehingga yang dibaca adalah baris Continuity "
                                             "Correction (koreksi Yates)",
        "reason_pearson_chosen_2x2": "tabel 2×2 dengan semua expected count ≥ 5; atas pilihan "
                                     "peneliti (chi_square_2x2: pearson) yang dibaca adalah baris "
                                     "Pearson Chi-Square, bukan Continuity Correction",
        "reason_expected_below_5_2x2": "tabel 2×2 dengan {cells} sel expected count < 5 "
                                       "(minimum {min}), sehingga yang dibaca adalah Fisher's "
                                       "Exact Test",
        "reason_expected_below_5_large_exact": "tabel lebih besar dari 2×2 dengan {cells} sel "
                                               "expected count < 5, sehingga yang dibaca adalah "
                                               "uji eksak Fisher (Fisher-Freeman-Halton)",
        "reason_expected_below_5_large_pearson": "tabel lebih besar dari 2×2 dengan {cells} sel "
                                                 "expected count < 5; uji eksak tidak dapat "
                                                 "dihitung, sehingga dibaca baris Pearson "
                                                 "Chi-Square (tafsirkan dengan hati-hati)",
        "reason_expected_all_5_or_more_large": "tabel lebih besar dari 2×2 dengan semua expected "
                                               "count ≥ 5, sehingga yang dibaca adalah baris "
                                               "Pearson Chi-Square",
        "reason_independent_ordinal": "data ordinal dua kelompok independen",
        "reason_groups_normal": "data kedua kelompok berdistribusi normal (Levene p = {levene_p})",
        "reason_groups_not_normal": "data tidak berdistribusi normal pada setidaknya satu "
                                    "kelompok",
        "reason_ancova_slopes_homogeneous": "kemiringan regresi homogen (p = {p}), sehingga "
                                            "ANCOVA dapat digunakan",
        "reason_ancova_slopes_differ": "kemiringan regresi tidak homogen (p = {p}); digunakan "
                                       "uji pada selisih",
        "reason_ancova_not_possible": "ANCOVA tidak dapat dihitung ({error})",
        "warning_chi_square_on_paired_data": (
            "Peringatan: uji chi-square dijalankan atas permintaan, tetapi tidak tepat untuk "
            "data berpasangan (ibu yang sama diukur dua kali tidak independen). Gunakan uji "
            "McNemar."
        ),
        "warning_forced_test_overrides": "Catatan: {forced} digunakan atas pilihan peneliti "
                                         "(menurut aturan pemilihan uji: {chosen}).",
        "warning_posttest_only_ignores_pretest": (
            "Peringatan: uji ini hanya membandingkan nilai sesudah (posttest) dan mengabaikan "
            "perbedaan awal (pretest) antar kelompok yang tidak dirandomisasi."
        ),
        "warning_no_control_group": (
            "Desain satu kelompok tanpa kontrol: produksi ASI meningkat pada hari-hari pertama "
            "nifas dengan atau tanpa intervensi (mis. 37 g pada 24 jam pertama, 408 g hari ke-3, "
            "705 g hari ke-5), dan regresi ke rata-rata juga dapat meniru efek. Kenaikan "
            "sebelum–sesudah tidak dapat seluruhnya dianggap sebagai efek {intervention}."
        ),
        "warning_not_randomised": (
            "Kelompok tidak dirandomisasi: perbedaan awal antar kelompok dapat memengaruhi "
            "hasil; ANCOVA menyesuaikan nilai posttest terhadap pretest."
        ),
        "pre": "Sebelum", "post": "Sesudah", "pre_post": "Sebelum \\ Sesudah",
        "total": "Total", "group": "Kelompok", "mean": "Mean", "sd": "SD", "se": "SE",
        "ci95": "IK 95%", "sig": "Sig.", "sig2": "Sig. (2-tailed)", "difference": "Selisih",
        "post_minus_pre": "Sesudah − Sebelum", "mean_diff": "Selisih mean", "value": "Nilai",
        "paired_t_title": "Hasil Uji t Berpasangan {variable}",
        "paired_corr": "Korelasi sebelum–sesudah r = {r}, {p}",
        "crosstab_title": "Tabulasi Silang {variable} Sebelum dan Sesudah",
        "discordant": "Berubah membaik / memburuk (b / c)",
        "exact_binomial": "Exact Sig. (2-tailed, binomial)",
        "chi2_corrected": "Chi-square McNemar (koreksi kontinuitas)",
        "effect": "Besar efek",
        "mcnemar_title": "Hasil Uji McNemar {variable}",
        "mw_ranks_title": "Ranks (Uji Mann-Whitney) {variable}",
        "mw_title": "Hasil Uji Mann-Whitney {variable}",
        "group_stats_title": "Statistik Kelompok {variable}",
        "t_title": "Hasil Uji t Independen {variable}",
        "equal_var": "Varians sama diasumsikan", "unequal_var": "Varians tidak sama",
        "chi_title": "Hasil Uji Chi-Square {variable}",
        "expected_note": "{k} sel ({pct}%) memiliki expected count < 5; expected count minimum "
                         "{m}.",
        "ancova_title": "Hasil ANCOVA {variable} (posttest disesuaikan dengan pretest)",
        "source": "Sumber", "ss": "Jumlah kuadrat", "partial_eta2": "η² parsial [IK 95%]",
        "covariate_pre": "Pretest (kovariat)", "error": "Galat",
        "slopes_note": "Uji homogenitas kemiringan regresi (kelompok × pretest): F = {f}, {p}.",
        "ms_error": "Rata-rata kuadrat galat = {ms}.",
        "adjusted_title": "Rata-rata {variable} Sesudah yang Disesuaikan",
        "mean_pre": "Mean sebelum", "mean_post": "Mean sesudah", "adj_mean": "Mean disesuaikan",
        "adj_diff": "Selisih mean disesuaikan = {d} {ci}.",
        "figure_paired": "Nilai {variable} Sebelum dan Sesudah per Responden{group}",
        "figure_binary": "{variable} Sebelum dan Sesudah{group}",
        "figure_groups": "Perbandingan {variable} Sesudah Intervensi antar Kelompok",
        "axis_time": "Waktu", "axis_n": "Jumlah responden",
    },
    "en": {
        "chapter": "Chapter 4 Results",
        "table_word": "Table", "figure_word": "Figure",
        "variable": "Variable", "category": "Category",
        "baseline_caption": "Comparability of Respondent Characteristics between Groups",
        "baseline_table_paragraph": "Table {table}: {verdict}",
        "baseline_equal": "the groups were comparable in every characteristic (every p ≥ "
                          "{alpha}).",
        "baseline_marks": "p: {marks}.",
        "mark_fisher": "Fisher = Fisher's Exact Test (an expected count < 5)",
        "mark_continuity": "Yates = Continuity Correction (2×2 table, every expected count ≥ 5)",
        "mark_pearson": "χ² = Pearson Chi-Square",
        "baseline_what": " (baseline)",
        "missing_note": "Note: some characteristics are missing ({items}); valid percentages are "
                        "of the respondents with a value.",
        "missing_item": "{variable}: {n} respondent(s)",
        "implausible_note": (
            "Check the data: {n} value(s) of {variable} lie outside the plausible range {range} "
            "({values}) and are counted in the table above. Correct the data, or change this "
            "characteristic's min/max in the study description if the value is right."
        ),
        "software": "The data were analysed with the laktasi software, version {version}. The "
                    "test for each variable and why it was chosen:",
        "citation": "Software reference: laktasi, version {version} [software]. Statistical "
                    "analysis of breast-milk studies. License "
                    "GPL-3.0-or-later.",
        "baseline_unequal": "the groups differed significantly in: {variables}; keep this in "
                            "mind when comparing their outcomes.",
        "general_data": "4.1 General data",
        "specific_data": "4.2 Specific data",
        "methods": "Analysis methods",
        "limitations": "Limitations",
        "char_caption": "Frequency Distribution of Respondent Characteristics{place}{year}",
        "char_paragraph": "Table {table} shows that {parts}.",
        "char_part": "{n} respondents ({pct}) had {variable} {category}",
        "descr_caption": "{variable} Before and After the Intervention{group}",
        "descr_paragraph": (
            "Table {table}: mean {variable}{group} before the intervention was {mean_pre} "
            "(SD {sd_pre}; min {min_pre}, max {max_pre}) and after it {mean_post} "
            "(SD {sd_post}; min {min_post}, max {max_post})."
        ),
        "binary_caption": "{variable} Before and After the Intervention{group}",
        "binary_paragraph": (
            "Table {table}: before the intervention {n_pre} respondents{group} ({pct_pre}) were "
            "{better}; after it {n_post} ({pct_post})."
        ),
        "in_group": " in the {group} group",
        "and": " and ",
        "post_caption": "{variable} after the Intervention by Group",
        "post_part": "{mean} (SD {sd}; min {min}, max {max}) in the {group} group",
        "post_paragraph": "Table {table}: mean {variable} after the intervention was {parts}.",
        "group_cross_caption": "Cross-tabulation of Group by {variable} after the Intervention",
        "group_cross_caption_pre": "Cross-tabulation of Group by {variable} before the "
                                   "Intervention",
        "group_cross_caption_posttest": "Cross-tabulation of Group by {variable} after the "
                                        "Intervention",
        "cross_paragraph": "Table {table}: {time}, {parts}.",
        "cross_time_pre": "before the intervention",
        "title_pre": " before the Intervention",
        "title_post": " after the Intervention",
        "cross_time_post": "after the intervention",
        "cross_part": "{n} of {total} respondents ({pct}) in the {group} group were {better}",
        "reading_note": "Row read: {row}.",
        "fisher_result": "{p} (Fisher's Exact Test, Exact Sig. 2-sided)",
        "change_of": "Change in {variable} (After − Before)",
        "test_paragraph": (
            "The {test} on {variable}{group} gave {stat_text} {cmp} α ({alpha}), so H0 is {h0}: "
            "{meaning}."
        ),
        "change_yes": "{variable} changed significantly{group}{direction}",
        "change_yes_intervention": "; a change within one group does not show an effect of "
                                   "{intervention}, which is judged by the between-group test",
        "change_yes_control": "; this group did not receive {intervention}, so the change is not "
                              "an effect of {intervention}",
        "change_no": "{variable} did not change significantly{group}",
        "direction_increase": " (it increased from before to after)",
        "direction_decrease": " (it decreased from before to after)",
        "direction_binary_increase": " (more respondents were {better} after than before)",
        "direction_binary_decrease": " (fewer respondents were {better} after than before)",
        "between_paragraph": (
            "The between-group {test} on {variable} gave {stat_text} {cmp} α ({alpha}), so H0 "
            "is {h0}: {meaning}"
        ),
        "between_yes": "groups {a} and {b} differ significantly.",
        "between_no": "groups {a} and {b} do not differ significantly.",
        "between_higher": "{variable} is higher in the {higher} group.",
        "between_higher_binary": "The share of respondents who were {better} is higher in the "
                                 "{higher} group.",
        "between_higher_adjusted": "The mean {variable} after the intervention, adjusted for the "
                                   "pretest, is higher in the {higher} group.",
        "between_higher_change": "The change in {variable} (after − before) is larger in the "
                                 "{higher} group.",
        "claim_supported": "The claim that {better} is more effective than {other} is "
                           "supported by this between-group test: there is an effect of "
                           "{better} on {variable} compared with {other}.",
        "claim_not_supported": (
            "The claim that {better} is more effective than {other} is NOT supported: the "
            "between-group test is not significant."
        ),
        "claim_within_note": "Two separate within-group p-values do not show that one "
                             "intervention is better.",
        "claim_contradicted": "The claim that {better} is more effective than {other} is "
                              "contradicted: the between-group test is significant in the "
                              "opposite direction.",
        "baseline_paragraph": "Baseline (pretest) comparability of {variable} between groups, "
                              "{test}: {stat_text}{verdict}",
        "baseline_ok": "; the groups were comparable at baseline.",
        "baseline_diff": "; the groups were NOT comparable at baseline, so comparing posttest "
                         "values alone would mislead.",
        "h0_rejected": "rejected",
        "h0_accepted": "not rejected",
        "meaning_yes": "there is an effect of {intervention} on {variable}{direction}",
        "meaning_no": "there is no significant effect of {intervention} on {variable}",
        "effect_sentence": "Effect size {effect} ({size}).",
        "method_sentence": "{variable}{group}: {test}, chosen because {reason}.",
        "method_forced": "{variable}{group}: {test}, as the researcher chose; by the test "
                         "selection rules: {reason}.",
        "reason_paired_binary": "the outcome is binary and paired (the same mothers before "
                                "and after)",
        "reason_paired_ordinal": "the outcome is ordinal and paired",
        "reason_differences_normal": "the differences after − before are normally distributed "
                                     "({test}, p = {p})",
        "reason_differences_not_normal": "the differences after − before are not normally "
                                         "distributed ({test}, p = {p})",
        "reason_expected_all_5_or_more_2x2": "the 2×2 table has every expected count ≥ 5, so "
                                             "the Continuity Correction (Yates) row is read",
        "reason_pearson_chosen_2x2": "the 2×2 table has every expected count ≥ 5; as the "
                                     "researcher chose (chi_square_2x2: pearson), the Pearson "
                                     "Chi-Square row is read instead of the Continuity "
                                     "Correction",
        "reason_expected_below_5_2x2": "the 2×2 table has {cells} cell(s) with an expected count "
                                       "< 5 (minimum {min}), so Fisher's Exact Test is read",
        "reason_expected_below_5_large_exact": "the table is larger than 2×2 with {cells} "
                                               "cell(s) with an expected count < 5, so the exact "
                                               "Fisher-Freeman-Halton test is read",
        "reason_expected_below_5_large_pearson": "the table is larger than 2×2 with {cells} "
                                                 "cell(s) with an expected count < 5; the exact "
                                                 "test cannot be computed, so the Pearson "
                                                 "Chi-Square row is read (interpret with care)",
        "reason_expected_all_5_or_more_large": "the table is larger than 2×2 with every expected "
                                               "count ≥ 5, so the Pearson Chi-Square row is read",
        "reason_independent_ordinal": "the outcome is ordinal in two independent groups",
        "reason_groups_normal": "both groups are normally distributed (Levene p = {levene_p})",
        "reason_groups_not_normal": "at least one group is not normally distributed",
        "reason_ancova_slopes_homogeneous": "regression slopes are homogeneous (p = {p}), so "
                                            "ANCOVA applies",
        "reason_ancova_slopes_differ": "regression slopes differ (p = {p}); the change scores "
                                       "are compared instead",
        "reason_ancova_not_possible": "ANCOVA could not be computed ({error})",
        "warning_chi_square_on_paired_data": (
            "Warning: a chi-square test was run on request, but it is wrong for paired data "
            "(the same mothers measured twice are not independent). Use McNemar's test."
        ),
        "warning_forced_test_overrides": "{forced} was used as the researcher chose (the test "
                                         "selection rules give: {chosen}).",
        "warning_posttest_only_ignores_pretest": (
            "Warning: this test compares the posttest values only and ignores the baseline "
            "(pretest) differences between groups that were not randomised."
        ),
        "warning_no_control_group": (
            "One-group design without a control group: milk output rises in the first "
            "postpartum days with or without an intervention (e.g. 37 g in the first 24 h, "
            "408 g on day 3, 705 g on day 5), and regression to the mean can mimic an effect. "
            "The pre–post rise cannot be attributed to {intervention} alone."
        ),
        "warning_not_randomised": (
            "Groups were not randomised: baseline differences may affect the result; ANCOVA "
            "adjusts the posttest for the pretest."
        ),
        "pre": "Before", "post": "After", "pre_post": "Before \\ After",
        "total": "Total", "group": "Group", "mean": "Mean", "sd": "SD", "se": "SE",
        "ci95": "95% CI", "sig": "Sig.", "sig2": "Sig. (2-tailed)", "difference": "Difference",
        "post_minus_pre": "After − Before", "mean_diff": "Mean difference", "value": "Value",
        "paired_t_title": "Paired t-test of {variable}",
        "paired_corr": "Before–after correlation r = {r}, {p}",
        "crosstab_title": "Cross-tabulation of {variable} Before and After",
        "discordant": "Improved / worsened (b / c)",
        "exact_binomial": "Exact Sig. (2-tailed, binomial)",
        "chi2_corrected": "McNemar chi-square (continuity corrected)",
        "effect": "Effect size",
        "mcnemar_title": "McNemar test of {variable}",
        "mw_ranks_title": "Ranks (Mann-Whitney test) of {variable}",
        "mw_title": "Mann-Whitney test of {variable}",
        "group_stats_title": "Group statistics of {variable}",
        "t_title": "Independent-samples t-test of {variable}",
        "equal_var": "Equal variances assumed", "unequal_var": "Equal variances not assumed",
        "chi_title": "Chi-Square Tests of {variable}",
        "expected_note": "{k} cells ({pct}%) have an expected count below 5; the minimum "
                         "expected count is {m}.",
        "ancova_title": "ANCOVA of {variable} (posttest adjusted for pretest)",
        "source": "Source", "ss": "Sum of squares", "partial_eta2": "Partial η² [95% CI]",
        "covariate_pre": "Pretest (covariate)", "error": "Error",
        "slopes_note": "Homogeneity of regression slopes (group × pretest): F = {f}, {p}.",
        "ms_error": "Mean square error = {ms}.",
        "adjusted_title": "Adjusted Posttest Means of {variable}",
        "mean_pre": "Mean before", "mean_post": "Mean after", "adj_mean": "Adjusted mean",
        "adj_diff": "Adjusted mean difference = {d} {ci}.",
        "figure_paired": "{variable} Before and After per Respondent{group}",
        "figure_binary": "{variable} Before and After{group}",
        "figure_groups": "{variable} After the Intervention by Group",
        "axis_time": "Time", "axis_n": "Number of respondents",
    },
}


def w(key: str, lang: str = "id", **values: object) -> str:
    """The chapter text for ``key`` in ``lang`` with ``values`` filled in."""
    check_lang(lang)
    return WORDS[lang][key].format(**values)
