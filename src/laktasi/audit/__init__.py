"""Audit of published results: recompute, cross-check, explain what cannot be right.

Input: the reported-results YAML (shared/spec/reported-results.md); output: an
:class:`AuditReport` with findings (codes and severities of the spec).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from laktasi.errors import LaktasiInputError
from laktasi.report.numbers import check_lang
from laktasi.report.words_audit import audit_text
from laktasi.stats._results import _plain

from .checks import CHECKS, check_design, check_group_claim

__all__ = ["AuditError", "AuditReport", "Finding", "audit", "example_names", "render_audit"]

KINDS = (*CHECKS, "group-comparison-claim")
DESIGNS = ("one-group-pretest-posttest", "two-group-posttest",
           "nonequivalent-control-pretest-posttest")


class AuditError(LaktasiInputError):
    code = "audit_input"


@dataclass(frozen=True)
class Finding:
    item: str
    code: str
    severity: str
    message: str
    reported: Any
    recomputed: Any

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True)
class AuditReport:
    study: dict[str, Any]
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"study": _plain(self.study), "findings": [f.to_dict() for f in self.findings]}

    def codes(self, item: str | None = None) -> list[str]:
        return [f.code for f in self.findings if item is None or f.item == item]


def _examples_dir() -> Path:
    return Path(__file__).parents[1] / "datasets" / "audit"


def example_names() -> list[str]:
    return sorted(p.stem for p in _examples_dir().glob("*.yaml"))


def _load(source: str | Path | Mapping[str, Any]) -> tuple[Mapping[str, Any], str]:
    if isinstance(source, Mapping):
        return source, "(mapping)"
    path = Path(source)
    if not path.exists() and str(source) in example_names():
        path = _examples_dir() / f"{source}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuditError(f"{path}: file not found.", source=str(path)) from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise AuditError(f"{path}:{where}: not a valid UTF-8 YAML file "
                         f"({getattr(exc, 'problem', None) or type(exc).__name__}).",
                         source=str(path)) from None
    return data, str(path)


def audit(source: str | Path | Mapping[str, Any], *, lang: str = "id") -> AuditReport:
    """Audit a reported-results file (path, example name or parsed mapping)."""
    check_lang(lang)
    data, name = _load(source)
    if not isinstance(data, Mapping) or not isinstance(data.get("study"), Mapping):
        raise AuditError(f"{name}: the top level needs 'study' (a mapping) and 'items' "
                         "(a list).", source=name)
    study = dict(data["study"])
    design = study.get("design")
    if design not in DESIGNS:
        raise AuditError(f"{name}: study.design = {design!r} is not allowed; choose one of "
                         f"{', '.join(DESIGNS)}.", source=name, value=design)
    items = data.get("items")
    if not isinstance(items, list):
        raise AuditError(f"{name}: items must be a list of reported numbers.", source=name)
    by_id: dict[str, Mapping[str, Any]] = {}
    for i, item in enumerate(items):
        where = f"items[{i}]"
        if not isinstance(item, Mapping) or "id" not in item or "kind" not in item:
            raise AuditError(f"{name}: {where} needs 'id' and 'kind'.", source=name, where=where)
        if item["kind"] not in KINDS:
            raise AuditError(f"{name}: {where}.kind = {item['kind']!r} is not allowed; choose "
                             f"one of {', '.join(KINDS)}.", source=name, where=where)
        if str(item["id"]) in by_id:
            raise AuditError(f"{name}: {where}.id = {item['id']!r} is used twice.",
                             source=name, where=where)
        by_id[str(item["id"])] = item
    findings: list[Finding] = []
    for i, item in enumerate(items):
        where = f"{name}: items[{i}] ({item['id']})"
        try:
            if item["kind"] == "group-comparison-claim":
                raw = check_group_claim(item, where, study, by_id)
            else:
                raw = CHECKS[item["kind"]](item, where, study)
            raw += check_design(item, study)
        except LaktasiInputError as exc:
            raise AuditError(str(exc), source=name, item=str(item["id"])) from None
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, ZeroDivisionError,
                OverflowError) as exc:
            raise AuditError(f"{where}: a field is missing or has the wrong type ({exc!s}); see "
                             "the reported-results format.", source=name,
                             item=str(item["id"])) from None
        for code, severity, key, values, reported, recomputed in raw:
            message = audit_text(key, lang, reported=reported, **values)
            findings.append(Finding(str(item["id"]), code, severity, message, reported,
                                    recomputed))
    return AuditReport(study, tuple(findings))


def render_audit(report: AuditReport, fmt: str = "text", lang: str = "id") -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=1)
    lines = [audit_text("heading", lang, title=report.study.get("title", report.study.get("id")))]
    if not report.findings:
        lines.append(audit_text("no_findings", lang))
    current = None
    for f in report.findings:
        if f.item != current:
            lines.append(f"\n[{f.item}]")
            current = f.item
        lines.append(f"  {f.severity.upper():7} {f.code}: {f.message}")
    return "\n".join(lines)
