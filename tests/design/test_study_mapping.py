"""study_to_mapping (laktasi.design) is the inverse of study_from_mapping: a study written as
its mapping reads back to the same study, through YAML and through JSON (the web app
stores it in a JSON field)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml

from laktasi.datasets import example_names, example_path
from laktasi.design import DESIGNS, load_study, study_from_mapping, study_to_mapping

DATA = Path(__file__).resolve().parents[1] / "data" / "studies"
FILES = [example_path(n, ".yaml") for n in example_names()] + sorted(DATA.glob("*.yaml"))


def _same(a, b):
    """Equal studies, apart from where they were read from."""
    return dataclasses.replace(a, source="") == dataclasses.replace(b, source="")


def test_the_files_cover_every_design():
    assert {load_study(p).design for p in FILES} == set(DESIGNS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_study_to_mapping_and_back_is_the_same_study(path):
    study = load_study(path)
    mapping = study_to_mapping(study)
    assert _same(study_from_mapping(mapping), study)
    # through the text forms a file or a database holds
    assert _same(study_from_mapping(yaml.safe_load(yaml.safe_dump(mapping,
                                                                  allow_unicode=True))), study)
    assert _same(study_from_mapping(json.loads(json.dumps(mapping))), study)
    # mapping -> study -> mapping is stable
    assert study_to_mapping(study_from_mapping(mapping)) == mapping


def test_every_setting_survives_and_defaults_are_left_out():
    spec = {"study": {"id": "s", "title": "T", "design": "nonequivalent-control-pretest-posttest",
                      "place": "Puskesmas", "year": 2024, "alpha": 0.01,
                      "intervention": {"id": "pijat punggung", "en": "back massage"},
                      "chi_square_2x2": "pearson"},
            "id_column": "kode",
            "group": {"column": "klp", "levels": [
                {"value": "k", "label": {"id": "Kontrol", "en": "Control"}},
                {"value": "p", "label": {"id": "Pijat", "en": "Massage"}}],
                "intervention": "p"},
            "characteristics": [{"column": "umur", "min": 15, "max": 50}, "paritas"],
            "outcomes": [{"name": "m", "type": "count", "pre": "m_pre", "post": "m_post",
                          "min": 0, "max": 24, "unit": "kali", "force_test": "mann-whitney"},
                         {"name": "lancar", "type": "binary", "pre": "l_pre", "post": "l_post",
                          "levels": ["tidak lancar", "lancar"]}]}
    study = study_from_mapping(spec)
    mapping = study_to_mapping(study)
    assert _same(study_from_mapping(mapping), study)
    top = mapping["study"]
    assert top["intervention"] == {"id": "pijat punggung", "en": "back massage"}
    assert top["chi_square_2x2"] == "pearson" and top["alpha"] == 0.01
    assert mapping["group"]["intervention"] == "p"
    assert mapping["outcomes"][0]["force_test"] == "mann-whitney"
    assert mapping["outcomes"][1]["levels"] == ["tidak lancar", "lancar"]
    assert mapping["characteristics"][0]["min"] == 15
    # plain values only: no tuples, no read-only mappings
    assert json.loads(json.dumps(mapping)) == mapping
    default = study_to_mapping(study_from_mapping({
        "study": {"id": "d", "title": "D", "design": "one-group-pretest-posttest"},
        "outcomes": [{"name": "m", "type": "count", "pre": "a", "post": "b"}]}))
    assert default["study"]["alpha"] == 0.05 and "chi_square_2x2" not in default["study"]
    assert "force_test" not in default["outcomes"][0]
