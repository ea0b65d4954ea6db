"""Studies from files, conversions from printed t / p / Z, paired OR."""

import math

import pytest

from laktasi.errors import LaktasiInputError
from laktasi.meta import effects, read_studies, rma


def test_paired_odds_ratio_matches_escalc_mporc():
    # > escalc(measure = "MPORC", ai = 6, bi = 18, ci = 2, di = 4)  -> 2.197224577336, 0.5556
    yi, vi = effects.paired_log_odds_ratio(18, 2)
    assert yi == pytest.approx(2.197224577336, abs=1e-12)
    assert vi == pytest.approx(0.555555555556, abs=1e-12)


def test_conversions_are_consistent():
    dz, _ = effects.d_from_t_paired(3.0, 16)
    assert dz == pytest.approx(0.75)
    from scipy import stats

    p = 2 * stats.t.sf(3.0, 15)
    assert effects.d_from_p_paired(p, 16)[0] == pytest.approx(0.75, rel=1e-10)
    d, v = effects.d_from_z(-3.434, 15)
    r = -3.434 / math.sqrt(15)
    assert d == pytest.approx(2 * r / math.sqrt(1 - r * r)) and v == pytest.approx(4 / 15)
    with pytest.raises(LaktasiInputError, match="strictly between 0 and 1"):
        effects.d_from_p_paired(0.0, 15)


def test_read_studies_csv_and_yaml(tmp_path):
    csv_path = tmp_path / "s.csv"
    csv_path.write_text("label,measure,m1,sd1,n1,m2,sd2,n2\n"
                        "A,SMD,2.75,2.28,15,1.59,1.39,15\nB,SMD,\"3,1\",1.2,20,2.4,1.1,20\n",
                        encoding="utf-8")
    rows = read_studies(csv_path)
    assert [r["label"] for r in rows] == ["A", "B"]
    assert rows[1]["yi"] == pytest.approx(effects.smd(3.1, 1.2, 20, 2.4, 1.1, 20)[0])
    yaml_path = tmp_path / "s.yaml"
    yaml_path.write_text("measure: DZ_T\nstudies:\n  - {label: X, t: 3.0, n: 16}\n"
                         "  - {label: Y, t: 2.0, n: 25}\n", encoding="utf-8")
    res = rma([r["yi"] for r in read_studies(yaml_path)],
              [r["vi"] for r in read_studies(yaml_path)], method="FE")
    assert 0.4 < res.estimate < 0.75


@pytest.mark.parametrize(("text", "message"), [
    ("label,measure,m1\nX,SMD,abc\nY,SMD,1\n", "study 1, field 'm1': 'abc' is not a number"),
    ("label,measure\nX,XYZ\nY,SMD\n", "measure 'XYZ' is not one of"),
    ("label,measure\nX,SMD\n", "at least 2 studies"),
])
def test_bad_study_files_are_located(tmp_path, text, message):
    p = tmp_path / "bad.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(LaktasiInputError, match=message):
        read_studies(p)
