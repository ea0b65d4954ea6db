"""The two-group posttest design end to end: file -> tests -> chapter with group figure."""

import numpy as np

from laktasi.design import study_from_mapping
from laktasi.io import write_rows
from laktasi.pipeline import analyse_file

STUDY = study_from_mapping({
    "study": {"id": "g", "title": "G", "design": "two-group-posttest"},
    "id_column": "kode",
    "group": {"column": "kelompok", "levels": ["intervensi", "kontrol"],
              "intervention": "intervensi"},
    "outcomes": [
        {"name": "volume", "type": "continuous", "post": "volume_post",
         "label": {"id": "Volume ASI (cc)", "en": "Milk volume (cc)"}},
        {"name": "lancar", "type": "binary", "post": "lancar_post",
         "levels": ["tidak lancar", "lancar"]},
    ],
})


def test_two_group_posttest_chapter(tmp_path):
    rng = np.random.default_rng(4)
    rows = []
    for i in range(40):
        group = "intervensi" if i < 20 else "kontrol"
        vol = round(float(rng.normal(3.0 if i < 20 else 2.0, 0.8)), 1)
        rows.append({"kode": f"R{i:02d}", "kelompok": group, "volume_post": max(vol, 0.0),
                     "lancar_post": "lancar" if rng.random() < (0.8 if i < 20 else 0.4)
                     else "tidak lancar"})
    path = write_rows(rows, tmp_path / "d.xlsx", STUDY)
    analysis, doc = analyse_file(path, STUDY, lang="en")
    tests = [s.test for o in analysis.outcomes for s in o.steps]
    assert tests[0] in {"independent-t", "mann-whitney"}
    assert tests[1] in {"chi-square", "fisher"}
    assert all(s.comparison == "between" for o in analysis.outcomes for s in o.steps)
    assert any(f.caption.startswith("Milk volume (cc) After the Intervention by Group")
               for f in doc.figures())
    text = " ".join(getattr(b, "text", "") for b in doc.blocks)
    assert "intervensi is more effective than kontrol" in text
