"""Words of the audit's findings (Indonesian and English), one line a midwife understands."""

from __future__ import annotations

import math

from laktasi.i18n import check_lang
from laktasi.i18n.numbers import fmt_number, fmt_p

_T = {
    "id": {
        "total_mismatch": "Jumlah baris ({sum}) tidak sama dengan total yang dicetak ({total}).",
        "percent_mismatch": "Baris {label}: {n} dari {total} adalah {pct_text}, bukan {reported}.",
        "mean_outside_range": "Mean {mean} berada di luar rentang min {min} – maks {max}.",
        "sd_too_large": "SD {sd} lebih besar daripada yang mungkin untuk rentang dan n ini "
                        "(maksimum {max_sd}).",
        "sd_too_small": "SD {sd} lebih kecil daripada yang mungkin bila min dan maks benar "
                        "(minimum {min_sd}).",
        "grim": "Mean {mean} tidak mungkin untuk data bilangan bulat dengan n = {n} (uji GRIM).",
        "grimmer": "SD {sd} tidak mungkin untuk data bilangan bulat dengan n = {n} dan mean "
                   "{mean} (uji GRIMMER).",
        "paired_as_independent": (
            "Uji {test} memperlakukan ibu yang sama sebelum dan sesudah sebagai dua kelompok "
            "independen; data berpasangan memerlukan uji McNemar (p eksak antara {p_lo_text} "
            "dan {p_hi_text} untuk semua tabel yang sesuai dengan angka ini)."),
        "p_no_test": "p {p} tidak dapat dihasilkan oleh uji yang dinyatakan ({test}: "
                     "{claimed_p_text}) maupun oleh uji McNemar.",
        "wilcoxon_n": "N = {n} tidak sama dengan ranks negatif + positif + ties = {sum}.",
        "mean_rank_sum": "Baris {row}: mean rank {mean_rank} × n {n} tidak sama dengan sum "
                         "{sum}.",
        "rank_sums_total": "Jumlah rank harus {expected} untuk {m} data; angka yang dicetak "
                           "tidak sesuai.",
        "z_unattainable": "Z {z} tidak mungkin: dengan jumlah rank ini |Z| hanya dapat "
                          "{z_lo} – {z_hi} (semua kemungkinan ties sudah dihitung).",
        "rank_sums_impossible": "Jumlah rank yang dicetak tidak dapat dibentuk oleh {n_neg} "
                                "dan {n_pos} data, dengan ties apa pun.",
        "levels_impossible": "Jumlah rank yang dicetak tidak mungkin bila hasil hanya punya "
                             "{levels} nilai berbeda.",
        "percent_no_count": "Baris {label}: tidak ada jumlah dari {total} yang memberi "
                            "{reported}.",
        "pct_sum": "Persentase baris berjumlah {lo} – {hi}%, bukan 100%.",
        "min_above_max": "Nilai minimum {min} lebih besar daripada maksimum {max}.",
        "paired_totals": "Ibu yang sama diukur sebelum dan sesudah, tetapi totalnya berbeda "
                         "({pre} dan {post}).",
        "discordant_margins": "Jumlah yang berubah ({improved} membaik, {worsened} memburuk) "
                              "tidak cocok dengan total sebelum {pre} dan sesudah {post}.",
        "statistic_claimed": "Statistik {stat} tidak sesuai dengan uji {test} pada tabel yang "
                             "dicetak ({value}).",
        "statistic_paired": "Statistik {stat} di luar semua nilai uji {test} yang mungkin "
                            "({lo} – {hi}).",
        "p_outside_paired": "p {p} di luar semua nilai uji {test} (dan McNemar) yang mungkin "
                            "untuk angka ini ({p_lo_text} – {p_hi_text}).",
        "p_vs_t": "p {p} tidak sesuai dengan t {t} (df {df}): p seharusnya {p_lo_text} – "
                  "{p_hi_text}.",
        "summary": "{errors} kesalahan, {warnings} peringatan, {notes} catatan.",
        "col_severity": "tingkat", "col_code": "kode", "col_message": "penjelasan",
        "p_vs_z": "p {p} tidak sesuai dengan Z {z} (p seharusnya {p_lo_text} – {p_hi_text}).",
        "signed_rank_two_groups": "Artikel menyebut uji {test} (berpasangan), tetapi data "
                                  "adalah dua kelompok independen; uji untuk dua kelompok "
                                  "independen adalah Mann-Whitney.",
        "two_group_test_one_group": "Uji {test} (dua kelompok independen) pada desain satu "
                                    "kelompok pretest-posttest; gunakan uji Wilcoxon "
                                    "berpasangan.",
        "u_from_sums": "U {u} tidak sesuai dengan jumlah rank (U = {recomputed}).",
        "no_correlation": "p {p} tidak mungkin: tidak ada korelasi sebelum–sesudah antara −1 "
                          "dan 1 yang menghasilkannya (r yang dibutuhkan {r_lo_text} – "
                          "{r_hi_text}).",
        "implied_r": "p yang dicetak menyiratkan korelasi sebelum–sesudah r = {r_lo_text} – "
                     "{r_hi_text} (informasi).",
        "claim_unsupported": (
            "Klaim '{better} lebih baik daripada {than}' tidak diuji antar kelompok. Uji Welch "
            "pada rata-rata sesudah: p = {p_text}; pada selisih (SD dari p yang dicetak): p = "
            "{pc_lo_text} – {pc_hi_text}; ANCOVA (sesudah, dikoreksi sebelum): p = "
            "{pa_lo_text} – {pa_hi_text}."),
        "value_mismatch": "Nilai '{name}' dicetak berbeda: {places}.",
        "paired_test_two_groups": "Uji berpasangan {test} pada dua kelompok independen.",
        "independent_test_one_group": "Uji {test} untuk kelompok independen pada desain satu "
                                      "kelompok (data berpasangan).",
        "rc_none_exists": "Tidak ada data yang mungkin ({reason}): tidak ada data dengan "
                          "langkah {step} yang menghasilkan angka-angka yang dicetak ini.",
        "rc_not_found": "Pencarian tidak menemukan data (ini bukan bukti bahwa data seperti "
                        "itu tidak ada).",
        "rc_dataset": "Data {i}",
        "rc_assumed": "Asumsi: {what}.",
        "rc_uses": "Memakai item: {items}.",
        "rc_needs_pre_post": "Item {item} (wilcoxon) memerlukan item descriptives pre dan post "
                             "untuk variabel {variable}{group}; tidak ditemukan.",
        "rc_kind": "Item {item} berjenis {kind}; reconstruct menerima descriptives, wilcoxon "
                   "atau paired-means.",
        "rc_no_item": "Tidak ada item {item}; item yang ada: {items}.",
        "rc_grim": "uji GRIM", "rc_grimmer": "uji GRIMMER", "rc_range": "rentang min–maks",
        "rc_pre": "sebelum", "rc_post": "sesudah",
        "rc_step": "langkah {step}", "rc_floor": "nilai ≥ {floor} bila minimum tidak dicetak",
        "heading": "Audit: {title}",
        "no_findings": "Tidak ada temuan.",
        "skipped_wilcoxon": "Hanya Z dan p yang dicetak (tanpa tabel Ranks): p dibandingkan "
                            "dengan Z; jumlah rank, ties, Z dari rank dan p eksak tidak "
                            "diperiksa.",
        "skipped_rank_two_group": "Tanpa tabel Ranks kedua kelompok: p dibandingkan dengan Z "
                                  "(bila dicetak); U, jumlah rank dan p eksak tidak "
                                  "diperiksa.",
        "p_vs_z_only": "p {p} tidak sesuai dengan Z {z}: p asimtotik dari Z adalah {p_lo_text} "
                       "– {p_hi_text}, dan p eksak tidak mungkin berbeda sejauh ini.",
        "mw_layout_one_group_binary": (
            "Tabel Ranks dua kelompok independen (tata letak Mann-Whitney) pada desain satu "
            "kelompok pretest-posttest dengan hasil biner; artikel menyebut uji {named}. Ibu "
            "yang sama diukur dua kali dengan hasil dua kategori: uji yang sesuai adalah "
            "McNemar."),
        "mw_layout_named_paired_binary": (
            "Artikel menyebut uji {test}, tetapi tabel Ranks ini adalah tata letak Mann-Whitney "
            "untuk dua kelompok independen. Hasil biner antar kelompok diuji dengan chi-square "
            "atau Fisher (bila ibu yang sama diukur dua kali: McNemar)."),
        "total_pct": "Persentase total {pct} bukan 100% dan bukan jumlah persentase baris.",
        "n_differs": "n berbeda antar tabel artikel yang sama ({places}); artikel harus "
                     "menjelaskan responden yang keluar atau data yang hilang.",
        "empty_file": "PERINGATAN: berkas tidak berisi angka yang dapat diperiksa ({n} item); "
                      "tidak ada yang diaudit. Lengkapi draf dari artikelnya.",
        "no_test_result": "PERINGATAN: tidak ada hasil uji (p, Z, t, U atau chi-square) di "
                          "antara {n} item; uji yang dipakai artikel tidak diperiksa. Lengkapi "
                          "draf dari artikelnya.",
        "not_checked_head": "Tidak diperiksa:",
        "sev_error": "KESALAHAN", "sev_warning": "PERINGATAN", "sev_note": "CATATAN",
        "code_percent-mismatch": "persentase tidak sesuai",
        "code_total-mismatch": "jumlah tidak sesuai total",
        "code_grim": "mean mustahil (GRIM)", "code_grimmer": "SD mustahil (GRIMMER)",
        "code_range-impossible": "di luar rentang yang mungkin",
        "code_p-inconsistent": "p tidak sesuai",
        "code_statistic-inconsistent": "statistik uji tidak sesuai",
        "code_test-design-mismatch": "uji tidak sesuai desain",
        "code_claim-unsupported": "klaim tidak didukung",
        "code_value-mismatch": "angka berbeda antar tempat",
        "key_mcnemar": "McNemar", "key_exact": "eksak", "key_spss": "SPSS",
        "key_mcnemar-chi-square": "khi-kuadrat McNemar",
        "key_mcnemar-chi-square-corrected": "khi-kuadrat McNemar terkoreksi",
        "key_chi-square": "khi-kuadrat Pearson (kelompok independen)",
        "key_chi-square-yates": "khi-kuadrat Yates (kelompok independen)",
        "key_fisher": "Fisher (kelompok independen)",
        "key_asymptotic": "asimtotik", "key_wilcoxon": "Wilcoxon",
        "reported": "dilaporkan", "recomputed": "dihitung ulang",
    },
    "en": {
        "total_mismatch": "The rows add up to {sum}, not the printed total {total}.",
        "percent_mismatch": "Row {label}: {n} of {total} is {pct_text}, not {reported}.",
        "mean_outside_range": "Mean {mean} lies outside min {min} – max {max}.",
        "sd_too_large": "SD {sd} is larger than any data in this range with this n can give "
                        "(at most {max_sd}).",
        "sd_too_small": "SD {sd} is smaller than possible when both min and max occur "
                        "(at least {min_sd}).",
        "grim": "Mean {mean} is impossible for whole-number data with n = {n} (GRIM).",
        "grimmer": "SD {sd} is impossible for whole-number data with n = {n} and mean {mean} "
                   "(GRIMMER).",
        "paired_as_independent": (
            "{test} treats the same mothers before and after as two independent groups; paired "
            "data need McNemar's test (exact p between {p_lo_text} and {p_hi_text} over every "
            "table with these margins)."),
        "p_no_test": "p {p} is given neither by the claimed test ({test}: {claimed_p_text}) nor "
                     "by McNemar's test.",
        "wilcoxon_n": "N = {n} differs from negative + positive ranks + ties = {sum}.",
        "mean_rank_sum": "Row {row}: mean rank {mean_rank} × n {n} does not give sum {sum}.",
        "rank_sums_total": "The rank sums must add up to {expected} for {m} values; the printed "
                           "ones do not.",
        "z_unattainable": "Z {z} is unattainable: with these rank sums |Z| can only be "
                          "{z_lo} – {z_hi} (every possible pattern of ties included).",
        "rank_sums_impossible": "No data with {n_neg} and {n_pos} values give the printed "
                                "rank sums, whatever the ties.",
        "levels_impossible": "The printed rank sums are impossible when the outcome has only "
                             "{levels} distinct values.",
        "percent_no_count": "Row {label}: no count out of {total} gives {reported}.",
        "pct_sum": "The row percentages add up to {lo} – {hi}%, not 100%.",
        "min_above_max": "The minimum {min} is larger than the maximum {max}.",
        "paired_totals": "The same mothers were measured before and after, but the totals "
                         "differ ({pre} and {post}).",
        "discordant_margins": "The changed pairs ({improved} improved, {worsened} worsened) do "
                              "not fit the totals before {pre} and after {post}.",
        "statistic_claimed": "The statistic {stat} does not match {test} on the printed table "
                             "({value}).",
        "statistic_paired": "The statistic {stat} is outside every value {test} can give here "
                            "({lo} – {hi}).",
        "p_outside_paired": "p {p} lies outside every p that {test} (or McNemar's test) can "
                            "give for these counts ({p_lo_text} – {p_hi_text}).",
        "p_vs_t": "p {p} does not match t {t} (df {df}): p should be {p_lo_text} – "
                  "{p_hi_text}.",
        "summary": "{errors} error(s), {warnings} warning(s), {notes} note(s).",
        "col_severity": "severity", "col_code": "code", "col_message": "explanation",
        "p_vs_z": "p {p} does not match Z {z} (p should be {p_lo_text} – {p_hi_text}).",
        "signed_rank_two_groups": "The paper names {test} (a paired test), but the data are "
                                  "two independent groups; the test for two independent "
                                  "groups is Mann-Whitney.",
        "two_group_test_one_group": "{test} (two independent groups) in a one-group "
                                    "pretest-posttest design; use the paired Wilcoxon test.",
        "u_from_sums": "U {u} does not follow from the rank sums (U = {recomputed}).",
        "no_correlation": "p {p} is impossible: no before–after correlation between −1 and 1 "
                          "gives it (needed r {r_lo_text} – {r_hi_text}).",
        "implied_r": "The printed p implies a before–after correlation r = {r_lo_text} – "
                     "{r_hi_text} (information).",
        "claim_unsupported": (
            "'{better} better than {than}' was not tested between groups. Welch test on the "
            "after means: p = {p_text}; on the change scores (SDs implied by the printed p): "
            "p = {pc_lo_text} – {pc_hi_text}; ANCOVA (after, adjusted for before): p = "
            "{pa_lo_text} – {pa_hi_text}."),
        "value_mismatch": "'{name}' is printed with different values: {places}.",
        "paired_test_two_groups": "Paired test {test} on two independent groups.",
        "independent_test_one_group": "{test} for independent groups in a one-group (paired) "
                                      "design.",
        "rc_none_exists": "No data can exist ({reason}): no data on a grid of {step} give "
                          "these printed numbers.",
        "rc_not_found": "The search found no data (this is not a proof that none exists).",
        "rc_dataset": "Dataset {i}",
        "rc_assumed": "Assumed: {what}.",
        "rc_uses": "Using items: {items}.",
        "rc_needs_pre_post": "Item {item} (wilcoxon) needs descriptives items pre and post for "
                             "variable {variable}{group}; none found.",
        "rc_kind": "Item {item} is of kind {kind}; reconstruct takes descriptives, wilcoxon or "
                   "paired-means.",
        "rc_no_item": "No item {item}; the items are: {items}.",
        "rc_grim": "GRIM test", "rc_grimmer": "GRIMMER test", "rc_range": "min–max range",
        "rc_pre": "before", "rc_post": "after",
        "rc_step": "step {step}", "rc_floor": "values ≥ {floor} where no minimum is printed",
        "heading": "Audit: {title}",
        "no_findings": "No findings.",
        "skipped_wilcoxon": "Only Z and p are printed (no Ranks table): p is checked against "
                            "Z; the rank sums, ties, Z from the ranks and the exact p are not "
                            "checked.",
        "skipped_rank_two_group": "No Ranks table of the two groups: p is checked against Z "
                                  "(when printed); U, the rank sums and the exact p are not "
                                  "checked.",
        "p_vs_z_only": "p {p} does not match Z {z}: the asymptotic p of Z is {p_lo_text} – "
                       "{p_hi_text}, and an exact p cannot be that far from it.",
        "mw_layout_one_group_binary": (
            "A Ranks table of two independent groups (the Mann-Whitney layout) in a one-group "
            "pretest-posttest design with a binary outcome; the paper names {named}. The same "
            "mothers measured twice with a two-category outcome call for McNemar's test."),
        "mw_layout_named_paired_binary": (
            "The paper names {test}, but this Ranks table is the Mann-Whitney layout of two "
            "independent groups. A binary outcome between groups calls for chi-square or "
            "Fisher's test (or, if the same mothers were measured twice, McNemar's)."),
        "total_pct": "The total percentage {pct} is neither 100% nor the sum of the row "
                     "percentages.",
        "n_differs": "n differs between tables of the same paper ({places}); the paper must "
                     "account for dropouts or missing data.",
        "empty_file": "WARNING: the file holds no number that can be checked ({n} items); "
                      "nothing was audited. Complete the draft from the paper.",
        "no_test_result": "WARNING: none of the {n} items holds a test result (p, Z, t, U or "
                          "chi-square); the paper's tests were not checked. Complete the draft "
                          "from the paper.",
        "not_checked_head": "Not checked:",
        "sev_error": "ERROR", "sev_warning": "WARNING", "sev_note": "NOTE",
        "code_percent-mismatch": "percentage does not match",
        "code_total-mismatch": "does not add up to the total",
        "code_grim": "impossible mean (GRIM)", "code_grimmer": "impossible SD (GRIMMER)",
        "code_range-impossible": "outside the possible range",
        "code_p-inconsistent": "p does not match",
        "code_statistic-inconsistent": "test statistic does not match",
        "code_test-design-mismatch": "test does not fit the design",
        "code_claim-unsupported": "claim not supported",
        "code_value-mismatch": "printed differently in different places",
        "key_mcnemar": "McNemar", "key_exact": "exact", "key_spss": "SPSS",
        "key_mcnemar-chi-square": "McNemar chi-square",
        "key_mcnemar-chi-square-corrected": "McNemar chi-square corrected",
        "key_chi-square": "Pearson chi-square (independent groups)",
        "key_chi-square-yates": "Yates chi-square (independent groups)",
        "key_fisher": "Fisher (independent groups)",
        "key_asymptotic": "asymptotic", "key_wilcoxon": "Wilcoxon",
        "reported": "reported", "recomputed": "recomputed",
    },
}


def audit_text(key: str, lang: str, **values: object) -> str:
    """Message for a finding; p- and r-like values get their ``*_text`` forms."""
    check_lang(lang)
    extra: dict[str, object] = {}
    for k, v in list(values.items()):
        if isinstance(v, float) and (k == "p" or k.startswith("p_") or k.endswith("_p")):
            extra[f"{k}_text"] = "–" if math.isnan(v) else fmt_p(v, lang, 4, with_symbol=False)
        elif isinstance(v, float) and k.startswith("r_"):
            extra[f"{k}_text"] = fmt_number(v, 2, lang)
        elif isinstance(v, float) and k != "pct":
            values[k] = fmt_number(v, 3, lang)  # other numbers: decimal comma in id
    if "pct" in values:
        extra["pct_text"] = fmt_number(float(values["pct"]), 2, lang) + "%"
    for name, short in (("p_change", "pc"), ("p_ancova", "pa")):
        if name in values:
            lo, hi = values[name]
            for end, v in (("lo", lo), ("hi", hi)):
                extra[f"{short}_{end}_text"] = ("–" if math.isnan(v)
                                                else fmt_p(v, lang, 4, with_symbol=False))
    return _T[lang][key].format(**values, **extra)


def has_audit_text(key: str) -> bool:
    """Whether ``key`` has words (labels of recomputed values without words are shown as
    they are)."""
    return key in _T["id"]
