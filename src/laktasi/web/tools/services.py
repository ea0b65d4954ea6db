"""Audit and Meta-analisis pages: calls into laktasi.audit and laktasi.meta and the report
layer's documents; nothing here checks a number, pools a study or words a finding."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

from django.utils.translation import get_language, gettext

from laktasi.errors import LaktasiInputError

__all__ = [
    "AUDIT_FORMATS",
    "META_FORMATS",
    "audit_download",
    "audit_draft",
    "audit_run",
    "body_of",
    "meta_download",
    "meta_example_csv",
    "meta_run",
]

def _lang() -> str:
    return (get_language() or "id").split("-")[0]


def body_of(html_page: str) -> str:
    """The inside of ``<body>`` of a page a laktasi renderer wrote (text escaped there)."""
    start = html_page.find("<body")
    if start < 0:
        return html_page
    start = html_page.index(">", start) + 1
    end = html_page.rfind("</body>")
    return html_page[start:end if end > start else None]


# ---------------------------------------------------------------- audit


def audit_draft(*, text: str) -> tuple[str, int]:
    """``laktasi extract`` on pasted text: the draft YAML to confirm and how many items."""
    from laktasi.audit.extract import extract_text

    draft = extract_text(text, source="paper.txt")
    yaml_text = draft.to_yaml(_lang())
    import yaml

    try:
        items = len((yaml.safe_load(yaml_text) or {}).get("items") or [])
    except yaml.YAMLError:
        items = 0
    return yaml_text, items


def _yaml_mapping(yaml_text: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = (gettext("line %(line)d, column %(col)d") % {"line": mark.line + 1,
                                                              "col": mark.column + 1}
                 if mark else "")
        raise LaktasiInputError(gettext("The items are not valid YAML (%(where)s): %(problem)s")
                                % {"where": where, "problem": getattr(exc, "problem", exc)}
                                ) from None
    if not isinstance(data, dict):
        raise LaktasiInputError(gettext("The items must be the YAML that the draft step wrote "
                                        "(study: ..., items: ...)."))
    return data


def audit_run(*, yaml_text: str) -> tuple[Any, str]:
    """``laktasi audit`` on the confirmed YAML: the report and its document as HTML (the
    inside of its body), as ``laktasi audit --format html`` writes it."""
    from laktasi.audit import audit
    from laktasi.report.audit_document import audit_document
    from laktasi.report.renderers import render

    report = audit(_yaml_mapping(yaml_text), lang=_lang())
    return report, body_of(render(audit_document(report), "html").decode("utf-8"))


AUDIT_FORMATS = {"docx": ("audit.docx", "application/vnd.openxmlformats-officedocument"
                          ".wordprocessingml.document"),
                 "html": ("audit.html", "text/html; charset=utf-8"),
                 "md": ("audit.md", "text/markdown; charset=utf-8"),
                 "json": ("audit.json", "application/json"),
                 "text": ("audit.txt", "text/plain; charset=utf-8")}


def audit_download(*, yaml_text: str, fmt: str) -> tuple[bytes, str, str]:
    """The audit's document as ``fmt`` (one of ``AUDIT_FORMATS``), as ``laktasi audit
    --format FMT --out FILE`` writes it: the bytes, the file name and the content type."""
    from laktasi.audit import audit
    from laktasi.report.audit_document import audit_document

    doc = audit_document(audit(_yaml_mapping(yaml_text), lang=_lang()))
    name, ctype = AUDIT_FORMATS[fmt]
    if fmt == "text":
        from laktasi.report.terminal import document_text

        return document_text(doc).encode("utf-8"), name, ctype
    from laktasi.report.renderers import render

    return render(doc, fmt), name, ctype


# ---------------------------------------------------------------- meta-analysis


def meta_example_csv() -> str:
    """The seed-paper example's studies as the CSV table the page reads (laktasi meta)."""
    import yaml

    from laktasi.meta.example import EXAMPLE_PATH

    data = yaml.safe_load(EXAMPLE_PATH.read_text(encoding="utf-8"))
    rows = [{"measure": data.get("measure"), **row} for row in data["studies"]]
    fields: list[str] = []
    for row in rows:
        fields += [k for k in row if k not in fields]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in fields})
    return out.getvalue()


def _analysis(csv_text: str, method: str, hksj: bool) -> Any:
    from laktasi.meta.analysis import meta_analysis
    from laktasi.meta.inputs import read_studies

    if not csv_text.strip():
        raise LaktasiInputError(gettext("The studies table is empty: one row per study, "
                                        "with a header row."))
    with tempfile.TemporaryDirectory(prefix="laktasi-web-") as tmp:
        path = Path(tmp) / "studi.csv"
        path.write_text(csv_text, encoding="utf-8")
        try:
            return meta_analysis(read_studies(path), method=method, hksj=hksj)
        except LaktasiInputError as exc:  # name the table, not the temporary file
            exc.message = exc.message.replace(str(path), path.name)
            raise


def meta_run(*, csv_text: str, method: str, hksj: bool) -> str:
    """``laktasi meta`` on the table: the report (with forest and funnel plots) as HTML."""
    from laktasi.report.meta_document import meta_document, meta_plots
    from laktasi.report.renderers import render

    res = _analysis(csv_text, method, hksj)
    doc = meta_document(res, _lang(), plots=meta_plots(res, _lang()))
    return body_of(render(doc, "html").decode("utf-8"))


META_FORMATS = {"docx": ("meta-analisis.docx", "application/vnd.openxmlformats-officedocument"
                         ".wordprocessingml.document"),
                "html": ("meta-analisis.html", "text/html; charset=utf-8"),
                "md": ("meta-analisis.md", "text/markdown; charset=utf-8"),
                "json": ("meta-analisis.json", "application/json")}


def meta_download(*, csv_text: str, method: str, hksj: bool, fmt: str) -> tuple[bytes, str, str]:
    from laktasi.report.meta_document import meta_document, meta_plots
    from laktasi.report.renderers import render

    res = _analysis(csv_text, method, hksj)
    doc = meta_document(res, _lang(), plots=meta_plots(res, _lang()))
    name, ctype = META_FORMATS[fmt]
    return render(doc, fmt), name, ctype
