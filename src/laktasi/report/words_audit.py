"""Words of the audit's findings (Indonesian and English), one line a midwife understands."""

from __future__ import annotations

import math

from .numbers import check_lang, fmt_number, fmt_p

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
        "signed_rank_two_groups": "Uji Wilcoxon signed rank untuk dua kelompok independen; "
                                  "gunakan Mann-Whitney.",
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
        "signed_rank_two_groups": "A Wilcoxon signed-rank test on two independent groups; "
                                  "use Mann-Whitney.",
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
