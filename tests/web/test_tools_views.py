"""Besar sampel, Audit and Meta-analisis pages: the same numbers, paragraphs and documents
as ``laktasi power``, ``laktasi extract`` / ``laktasi audit`` and ``laktasi meta``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from typer.testing import CliRunner

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


def _cli(*args: str) -> str:
    from laktasi.cli import app

    result = CliRunner().invoke(app, list(args), terminal_width=400)
    assert result.exit_code in (0, 1), result.output
    return result.output


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("query,cli", [
    ({"test": "wilcoxon", "dz": "0.5"}, ["power", "wilcoxon", "--dz", "0.5"]),
    ({"test": "paired-t", "dz": "0.4", "dropout": "0.1"},
     ["power", "paired-t", "--dz", "0.4", "--dropout", "0.1"]),
    ({"test": "mcnemar", "p_improve": "0.4", "p_worsen": "0.1"},
     ["power", "mcnemar", "--p-improve", "0.4", "--p-worsen", "0.1"]),
    ({"test": "mann-whitney", "d": "0.8", "parent": "laplace"},
     ["power", "mann-whitney", "--d", "0.8", "--parent", "laplace"]),
    ({"test": "two-sample-t", "d": "0.6", "alternative": "one-sided"},
     ["power", "two-sample-t", "--d", "0.6", "--alternative", "one-sided"]),
    ({"test": "two-proportions", "p1": "0.8", "p2": "0.5", "prop_method": "fisher"},
     ["power", "two-proportions", "--p1", "0.8", "--p2", "0.5", "--method", "fisher"]),
])
def test_power_page_equals_laktasi_power(client, query, cli):
    base = {"parent": "normal", "mcnemar_method": "exact", "prop_method": "normal",
            "power": "0.8", "alpha": "0.05", "alternative": "two-sided", "dropout": "0"}
    response = client.get(reverse("tools:power"), {**base, **query})
    assert response.status_code == 200, response.content.decode()[-3000:]
    result = response.context["result"]
    out = _flat(_cli(*cli))
    assert _flat(result.paragraph) in out
    n = dict(result.rows)
    assert any(re.search(rf"\b{re.escape(label.split(' (')[0])}\b.*\b{value}\b", out)
               for label, value in n.items()), (n, out)
    if query.get("alternative", "two-sided") == "two-sided" and "parent" not in query:
        assert result.curve_svg.startswith("<svg")
        assert "<svg" in response.content.decode()
    else:  # the simulated curve is two-sided with normal data; not drawn otherwise
        assert result.curve_svg == "" and "<svg" not in response.content.decode()


def test_power_page_missing_or_bad_input_is_a_message(client):
    r = client.get(reverse("tools:power"), {"test": "mcnemar", "power": "0.8", "alpha": "0.05",
                                            "alternative": "two-sided", "dropout": "0",
                                            "parent": "normal", "mcnemar_method": "exact",
                                            "prop_method": "normal"})
    assert r.status_code == 400 and "errorlist" in r.content.decode()
    r = client.get(reverse("tools:power"), {"test": "wilcoxon", "dz": "0.5", "power": "1.5",
                                            "alpha": "0.05", "alternative": "two-sided",
                                            "dropout": "0", "parent": "normal",
                                            "mcnemar_method": "exact", "prop_method": "normal"})
    assert r.status_code == 400
    assert r.context["errors"] and 'role="alert"' in r.content.decode()


def test_audit_page_drafts_confirms_and_checks_like_the_cli(client, tmp_path):
    text = (DATA / "amanda-oku-timur-2023.txt").read_text(encoding="utf-8")
    r = client.post(reverse("tools:audit"), {"text": text, "action": "draft"})
    assert r.status_code == 200
    assert r.context["drafted"] > 10
    draft = r.context["form"]["items"].value()
    paper = tmp_path / "paper.txt"
    paper.write_text(text, encoding="utf-8")
    assert draft == _cli("extract", str(paper))  # the same draft as laktasi extract
    r = client.post(reverse("tools:audit"), {"text": text, "items": draft, "action": "audit"})
    assert r.status_code == 200
    report = r.context["report"]
    (tmp_path / "items.yaml").write_text(draft, encoding="utf-8")
    cli = json.loads(_cli("audit", str(tmp_path / "items.yaml"), "--format", "json"))
    assert report.to_dict() == cli
    r = client.post(reverse("tools:audit"), {"text": text, "items": draft, "action": "json"})
    assert json.loads(r.content) == cli


def test_audit_page_downloads_every_format_of_the_cli(client, tmp_path):
    from laktasi.datasets import example_path

    items = (example_path("kota-bengkulu-2018", ".yaml").parent / "audit"
             / "kota-bengkulu-2018.yaml").read_text(encoding="utf-8")
    (tmp_path / "items.yaml").write_text(items, encoding="utf-8")
    r = client.post(reverse("tools:audit"), {"text": "", "items": items, "action": "audit"})
    assert r.status_code == 200
    page = r.content.decode()
    assert "Butir mean-pre-eksperimen" in page and "(value-mismatch)" in page
    for fmt in ("docx", "md", "html", "json", "text"):
        assert f'value="{fmt}"' in page
        r = client.post(reverse("tools:audit"), {"text": "", "items": items, "action": fmt})
        assert r.status_code == 200 and "attachment" in r["Content-Disposition"]
        out = tmp_path / f"cli.{fmt}"
        _cli("audit", str(tmp_path / "items.yaml"), "--format", fmt, "--out", str(out))
        if fmt == "docx":  # the same paragraphs (a Word file carries the time it was made)
            import io

            import docx

            def paragraphs(source):
                return [p.text for p in docx.Document(source).paragraphs]

            assert paragraphs(io.BytesIO(r.content)) == paragraphs(str(out))
        else:
            assert r.content == out.read_bytes(), fmt


def test_audit_page_bad_yaml_is_located(client):
    r = client.post(reverse("tools:audit"), {"text": "", "items": "study: [\n  x: 1",
                                             "action": "audit"})
    assert r.status_code == 400
    assert re.search(r"(baris|line) \d+", r.context["errors"][0])
    r = client.post(reverse("tools:audit"), {"text": "  ", "action": "draft"})
    assert r.status_code == 400


def test_meta_page_pools_the_example_table_with_plots_and_downloads(client, tmp_path):
    page = client.get(reverse("tools:meta"), {"contoh": "1"})
    table = page.context["form"]["table"].value()
    assert table.startswith("label,") or "label" in table.splitlines()[0]
    data = {"table": table, "method": "REML", "action": "run"}
    r = client.post(reverse("tools:meta"), data)
    assert r.status_code == 200, r.context.get("errors")
    assert r.content.decode().count("<svg") >= 2  # forest and funnel
    (tmp_path / "studi.csv").write_text(table, encoding="utf-8")
    out = tmp_path / "cli.json"
    _cli("meta", str(tmp_path / "studi.csv"), "--format", "json", "--out", str(out))
    web = json.loads(client.post(reverse("tools:meta"), {**data, "action": "json"}).content)
    assert web == json.loads(out.read_text(encoding="utf-8"))
    r = client.post(reverse("tools:meta"), {**data, "action": "docx"})
    assert r.status_code == 200 and r.content.startswith(b"PK")


def test_meta_page_bad_table_is_a_message(client):
    r = client.post(reverse("tools:meta"), {"table": "label,measure\nA,XYZ\n", "method": "REML",
                                            "action": "run"})
    assert r.status_code == 400 and r.context["errors"]
    r = client.post(reverse("tools:meta"), {"table": "", "method": "REML", "action": "run"})
    assert r.status_code == 400
