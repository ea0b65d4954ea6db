"""The browser's numbers are the command line's: the same file through the Analisis page and
through ``laktasi analyze`` gives the same JSON chapter (every number, word and figure)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from typer.testing import CliRunner
from web_helpers import AMANDA, form_answers

from laktasi.datasets import example_path
from laktasi.web.analysis import services
from laktasi.web.analysis.models import Upload

pytestmark = pytest.mark.django_db


def _cli_json(tmp_path, *args: str, name: str = "cli.json") -> dict:
    from laktasi.cli import app

    out = tmp_path / name
    result = CliRunner().invoke(app, ["analyze", *args, "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", ["amanda-oku-timur-2023", "blooto-mojokerto-2021",
                                  "kota-bengkulu-2018"])
def test_demo_study_json_equals_laktasi_analyze_example(client, tmp_path, name, lang):
    services.demo_load()
    upload = Upload.objects.get(demo=name)
    client.post(reverse("set_language"), {"language": lang, "next": "/"})
    web = json.loads(client.get(reverse("analysis:download", args=[upload.pk, "json"])).content)
    assert web == _cli_json(tmp_path, "--example", name, "--lang", lang)


def test_uploaded_file_with_the_prefilled_form_equals_laktasi_analyze_design(client, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = example_path(AMANDA, ".csv")
    client.post(reverse("analysis:start"),
                {"file": SimpleUploadedFile(data.name, data.read_bytes())})
    upload = Upload.objects.get(name=data.name)
    form_page = client.get(reverse("analysis:study", args=[upload.pk]))
    client.post(reverse("analysis:study", args=[upload.pk]), form_answers(form_page))
    web = json.loads(client.get(reverse("analysis:download", args=[upload.pk, "json"])).content)
    cli = _cli_json(tmp_path, str(data), "--design", "one-group-pretest-posttest", "--id", "kode")
    assert web == cli
    # and through the YAML the page offers: laktasi analyze DATA --study study.yaml
    (tmp_path / "study.yaml").write_bytes(
        client.get(reverse("analysis:yaml", args=[upload.pk])).content)
    assert _cli_json(tmp_path, str(data), "--study", str(tmp_path / "study.yaml"),
                     name="cli-yaml.json") == web
