"""Layouts of unseen papers that the first extractor missed (issue 13, "Why"): each gets a
test. The texts are as a PDF viewer copies them: one space between cells."""

import yaml

from laktasi.audit import audit
from laktasi.audit.extract import extract_text


def _items(text):
    d = extract_text(text)
    return d, [{k: v for k, v in i.items() if k not in ("id", "source")} for i in d.data["items"]]


def test_rows_whose_label_starts_with_lt_gt_or_a_digit():
    _, items = _items("Tabel 1 Umur responden\nUmur f %\n<20 tahun 3 9,4 %\n20-35 tahun 25 78,1 %\n"
                      ">35 tahun 4 12,5 %\n")
    assert items == [{"kind": "frequency", "rows": [
        {"label": "<20 tahun", "n": 3, "pct": "9,4%"}, {"label": "20-35 tahun", "n": 25, "pct": "78,1%"},
        {"label": ">35 tahun", "n": 4, "pct": "12,5%"}]}]


def test_numbered_rows_and_percentages_without_a_percent_sign():
    _, items = _items("Tabel 2 Karakteristik\nNo Umur Frekuensi Persentase\n1 < 20 tahun 2 8.0\n"
                      "2 20-35 tahun 20 80.0\n3 > 35 3 12.0\n")
    assert items == [{"kind": "frequency", "rows": [
        {"label": "< 20 tahun", "n": 2, "pct": "8.0"}, {"label": "20-35 tahun", "n": 20, "pct": "80.0"},
        {"label": "> 35", "n": 3, "pct": "12.0"}]}]


def test_zero_count_rows_and_the_total_row():
    _, items = _items("Tabel 3 Pendidikan\nPendidikan f %\nSMA 28 70\nD3 12 30\nS1 0 0\n"
                      "Total 40 100\n")
    assert items == [{"kind": "frequency", "rows": [
        {"label": "SMA", "n": 28, "pct": "70"}, {"label": "D3", "n": 12, "pct": "30"},
        {"label": "S1", "n": 0, "pct": "0"}], "total": {"n": 40, "pct": "100"}}]


def test_a_row_outside_a_table_without_percent_stays_prose():
    _, items = _items("Jurnal Kebidanan Vol 5 2\n")
    assert items == []


def test_before_after_frequency_table_gives_a_paired_item_with_counts():
    _, items = _items("Tabel 4 Kelancaran ASI sebelum dan sesudah pijat oksitosin\n"
                      "Kelancaran Pretest Posttest\nf % f %\n"
                      "Lancar 12 37,5 25 78,1\nTidak lancar 20 62,5 7 21,9\nTotal 32 100 32 100\n"
                      "Hasil uji McNemar p = 0,000.\n")
    pb = [i for i in items if i["kind"] == "paired-binary"]
    assert len(pb) == 1
    assert (pb[0]["pre"], pb[0]["post"], pb[0]["categories"]) == (
        [12, 20], [25, 7], ["Lancar", "Tidak lancar"])
    assert pb[0]["p"] == "0,000" and pb[0]["claimed_test"] == "mcnemar"
    freq = [i for i in items if i["kind"] == "frequency"]
    assert [[r["label"] for r in f["rows"]] for f in freq] == [["Lancar", "Tidak lancar"]] * 2
    assert [f["total"] for f in freq] == [{"n": 32, "pct": "100"}] * 2


def test_two_group_ranks_with_a_n_mean_sum_header_and_the_p_in_the_text():
    d, items = _items("Tabel 5 Hasil uji Mann Whitney\nRanks\nKelompok N Mean Sum\n"
                      "Intervensi 16 20,50 328,00\nKontrol 16 12,50 200,00\nTotal 32\n\n"
                      "Hasil uji Mann Whitney didapatkan nilai p = 0,013 (p < 0,05).\n")
    assert items == [{"kind": "rank-two-group", "groups": [
        {"label": "Intervensi", "n": 16, "mean_rank": "20,50", "sum": "328,00"},
        {"label": "Kontrol", "n": 16, "mean_rank": "12,50", "sum": "200,00"}],
        "claimed_test": "mann-whitney", "p": "0,013"}]
    assert [m.snippet for m in d.unplaced] == ["p < 0,05"]


def test_posttest_and_sesudah_rows_are_time_post():
    _, items = _items("Tabel 6 Produksi ASI sebelum dan sesudah intervensi\n"
                      "Variabel N Mean SD Min Max\nPretest 15 5,47 0,915 4 7\n"
                      "Posttest 15 8,20 1,014 6 10\n")
    assert [(i["variable"], i["time"]) for i in items] == [("Pretest", "pre"), ("Posttest", "post")]
    _, items = _items("Tabel 6 Produksi ASI sebelum\nVariabel N Mean SD\nSebelum 15 5,47 0,915\n"
                      "Sesudah 15 8,20 1,014\n")
    assert [i["time"] for i in items] == ["pre", "post"]


def test_z_and_asymp_sig_under_a_ranks_table_stay_the_same_item():
    _, items = _items("Tabel 7 Uji Wilcoxon\nRanks\nN Mean Rank Sum of Ranks\n"
                      "Negative Ranks 0 ,00 ,00\nPositive Ranks 15 8,00 120,00\nTies 0\nTotal 15\n"
                      "Z = -3,434 Asymp. Sig. (2-tailed) = 0,001\n")
    assert len(items) == 1 and items[0]["kind"] == "wilcoxon"
    assert (items[0]["z"], items[0]["p"], items[0]["positive_ranks"]["n"]) == ("-3,434", "0,001", 15)
    _, items = _items("Tabel 7 Uji Wilcoxon\nRanks\nN Mean Rank Sum of Ranks\n"
                      "Negative Ranks 0 ,00 ,00\nPositive Ranks 15 8,00 120,00\nTies 0\nTotal 15\n"
                      "Test Statistics\nZ -3,434\nAsymp. Sig. (2-tailed) 0,001\n")
    assert len(items) == 1 and (items[0]["z"], items[0]["p"]) == ("-3,434", "0,001")


def test_a_paper_that_prints_only_z_and_p_is_audited_without_invented_ranks():
    d, items = _items("Desain one group pretest posttest.\n"
                      "Hasil uji Wilcoxon diperoleh Z = -3,41 dan p = 0,001.\n")
    assert items == [{"kind": "wilcoxon", "claimed_test": "wilcoxon", "z": "-3,41", "p": "0,001"}]
    data = yaml.safe_load(d.to_yaml("id"))
    rep = audit(data, lang="id")
    assert rep.count("error") == 0
    assert [(n.item, n.reason) for n in rep.not_checked] == [(items and d.data["items"][0]["id"],
                                                               "skipped_wilcoxon")]
    assert "Ranks" in rep.not_checked[0].message and rep.exit_code == 0
    # the same paper with a p that no Z of -3,41 gives: found without ranks
    bad = yaml.safe_load(extract_text("Desain one group pretest posttest.\n"
                                      "Hasil uji Wilcoxon diperoleh Z = -3,41 dan p = 0,041.\n")
                         .to_yaml("id"))
    assert "p-inconsistent" in audit(bad).codes()


def test_pdftotext_without_layout_writes_tables_column_by_column():
    text = ("Tabel 4.2 Frekuensi menyusui (kali/hari) Sebelum dan Sesudah\nIntervensi\n"
            "Variabel\nSebelum\nSesudah\n\nN\n15\n15\n\nMean\n5,47\n11,33\n\nStd. Deviasi\n"
            "0,915\n2,526\n\nMin\n4\n8\n\nMax\n7\n17\n\n"
            "Tabel 4.3 Ranks (Uji Wilcoxon) — Frekuensi menyusui\n(kali/hari): sesudah − sebelum\n"
            "N\nNegative Ranks (sesudah < sebelum)\nPositive Ranks (sesudah > sebelum)\n"
            "Ties (sesudah = sebelum)\nTotal\n\n0\n15\n0\n15\n\nMean\nRank\n–\n8,00\n\nSum of\n"
            "Ranks\n0,00\n120,00\n\nTabel 4.4 Hasil Uji Wilcoxon Signed Rank\nZ\n"
            "Asymp. Sig. (2-tailed)\n\n−3,434\n0,001\n")
    d, items = _items(text)
    assert [(i["kind"], i.get("time"), i.get("mean"), i.get("sd")) for i in items[:2]] == [
        ("descriptives", "pre", "5,47", "0,915"), ("descriptives", "post", "11,33", "2,526")]
    assert items[2] == {"kind": "wilcoxon", "n": 15, "negative_ranks": {"n": 0, "sum": "0,00"},
                        "positive_ranks": {"n": 15, "mean_rank": "8,00", "sum": "120,00"},
                        "ties": 0, "claimed_test": "wilcoxon", "z": "-3,434", "p": "0,001"}
    lines = text.splitlines()
    assert all(g.snippet in lines[g.line - 1] for g in d.guesses)
