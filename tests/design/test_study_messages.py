"""A wrong study description is named by file and key, in the user's language (issue 9,
item 8): Indonesian by default, English with lang="en"."""

import pytest

from laktasi.design import StudyError
from laktasi.design.study import load_study, study_from_mapping

GOOD = {"study": {"design": "one-group-pretest-posttest"},
        "outcomes": [{"name": "menyusui", "type": "count", "pre": "a_pre", "post": "a_post"}]}

CASES = [  # (what is changed, Indonesian words, English words)
    ({"study": {"design": "rct"}}, "study.design: = 'rct' tidak diperbolehkan; pilih salah satu",
     "study.design: = 'rct' is not allowed; choose one of"),
    ({"extra": 1}, "extra: kunci tidak dikenal; yang boleh: study", "extra: unknown key; allowed: study"),
    ({"extra": 1, "more": 2}, "extra, more: kunci tidak dikenal; yang boleh: study",
     "extra, more: unknown keys; allowed: study"),
    ({"study": {"design": "one-group-pretest-posttest", "alpha": 5}},
     "study.alpha: = 5.0 harus di antara 0 dan 1", "study.alpha: = 5.0 must lie between 0 and 1"),
    ({"outcomes": []}, "outcomes: harus berisi sedikitnya satu variabel hasil",
     "outcomes: must list at least one outcome"),
    ({"outcomes": [{"name": "m", "type": "count", "post": "b"}]},
     "outcomes[0].pre: wajib untuk desain one-group-pretest-posttest",
     "outcomes[0].pre: is required for the design one-group-pretest-posttest"),
    ({"outcomes": [{"name": "m", "type": "count", "pre": "a", "post": "b", "min": 9, "max": 1}]},
     "outcomes[0].min: = 9.0 lebih besar dari max = 1.0",
     "outcomes[0].min: = 9.0 is larger than max = 1.0"),
]


@pytest.mark.parametrize(("change", "indonesian", "english"), CASES)
def test_study_errors_are_located_and_worded_in_the_users_language(change, indonesian, english):
    data = {**GOOD, **change}
    with pytest.raises(StudyError) as id_err:
        study_from_mapping(data, "s.yaml")
    with pytest.raises(StudyError) as en_err:
        study_from_mapping(data, "s.yaml", "en")
    assert str(id_err.value).startswith("s.yaml: ") and indonesian in str(id_err.value)
    assert english in str(en_err.value)


def test_file_problems_in_both_languages(tmp_path):
    missing = tmp_path / "nope.yaml"
    with pytest.raises(StudyError, match="berkas tidak ditemukan"):
        load_study(missing)
    with pytest.raises(StudyError, match="file not found"):
        load_study(missing, "en")
    bad = tmp_path / "bad.yaml"
    bad.write_text("study: [", encoding="utf-8")
    with pytest.raises(StudyError, match=r"baris .*bukan YAML yang sah"):
        load_study(bad)
    with pytest.raises(StudyError, match=r"line .*not valid YAML"):
        load_study(bad, "en")
