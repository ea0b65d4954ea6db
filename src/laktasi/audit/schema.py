"""Reader and validator of the reported-results YAML (shared/spec/reported-results.md).

Every field of the spec is checked before any statistic is recomputed. A bad file, a
bad field or a bad value raises :class:`AuditError` whose message names the file, the
path (``items[3].rows[1].pct``), the item id, the value and what is allowed; the
checks then work on a *normalised* copy: printed numbers become :class:`Printed`
(keeping their decimals), counts become ``int``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from laktasi.design.designs import DESIGNS
from laktasi.design.registry import canonical
from laktasi.errors import LaktasiInputError
from laktasi.i18n.errors import error_text

from .printed import Printed, parse_printed

__all__ = ["DESIGNS", "KINDS", "TEST_NAMES", "AuditError", "PrintedText", "load_source", "load_yaml",
           "validate"]

# the published input names (spec/reported-results.md), each a laktasi.design.registry name
TEST_NAMES = ("chi-square", "chi-square-yates", "fisher", "mcnemar", "wilcoxon",
              "mann-whitney", "paired-t", "independent-t", "welch-t", "sign")
PRINTED_HELP = "a number as printed, e.g. 0,002 · \"0,000\" · \"<0.05\" · \"13,3%\" · \".915\""


class AuditError(LaktasiInputError):
    """A reported-results file that cannot be read or does not follow the format."""

    code = "audit_input"


# field specs: (type, required); types: "count", "count2" (>= 2), "count1" (>= 1),
# "printed", "text", "bool", ("enum", choices), ("map", fields), ("list", elem, lo, hi),
# ("printed_map", min_entries), "ids"
_RANK_ROW = ("map", {"n": ("count", True), "mean_rank": ("printed", False),
                     "sum": ("printed", False)})
_MEAN_SD = ("map", {"mean": ("printed", True), "sd": ("printed", True)})
_TEST = (("enum", TEST_NAMES), False)
_COMMON = {"id": ("text", True), "kind": ("text", True), "source": ("text", False),
           "variable": ("text", False), "group": ("text", False), "note": ("text", False)}
ITEM_FIELDS: dict[str, dict[str, Any]] = {
    "frequency": {
        "rows": (("list", ("map", {"label": ("text", False), "n": ("count", False),
                                   "pct": ("printed", False)}), 1, None), True),
        "total": (("map", {"n": ("count", False), "pct": ("printed", False),
                           "label": ("text", False)}), False),
    },
    "descriptives": {
        "time": (("enum", ("pre", "post")), False), "n": ("count1", True),
        "mean": ("printed", False), "sd": ("printed", False), "min": ("printed", False),
        "max": ("printed", False), "integer": ("bool", False),
    },
    "paired-binary": {
        "categories": (("list", "text", 2, 2), False),
        "pre": (("list", "count", 2, 2), True), "post": (("list", "count", 2, 2), True),
        "discordant": (("map", {"improved": ("count", True), "worsened": ("count", True)}),
                       False),
        "claimed_test": _TEST, "statistic": ("printed", False), "p": ("printed", False),
    },
    "wilcoxon": {  # ranks optional: a paper may print only Z and p
        "n": ("count", False), "negative_ranks": (_RANK_ROW, False),
        "positive_ranks": (_RANK_ROW, False), "ties": ("count", False),
        "claimed_test": _TEST, "z": ("printed", False), "p": ("printed", False),
    },
    "rank-two-group": {
        "groups": (("list", ("map", {"label": ("text", False), "n": ("count1", True),
                                     "mean_rank": ("printed", False),
                                     "sum": ("printed", False)}), 2, 2), False),
        "outcome_levels": ("count2", False), "claimed_test": _TEST,
        "u": ("printed", False), "w": ("printed", False), "z": ("printed", False),
        "p": ("printed", False),
    },
    "paired-means": {
        "n": ("count2", True), "pre": (_MEAN_SD, True), "post": (_MEAN_SD, True),
        "claimed_test": _TEST, "t": ("printed", False), "p": ("printed", False),
    },
    "group-comparison-claim": {
        "better": ("text", True), "than": ("text", True), "based_on": ("ids", True),
        "tested_between_groups": ("bool", True),
    },
    "value": {"name": ("text", False), "printed": (("printed_map", 2), True)},
}
KINDS = tuple(ITEM_FIELDS)


class _Ctx:
    """Where we are: the file, and the item being read (for messages)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.item: str | None = None

    def fail(self, path: str, value: Any, problem: dict[str, Any], expected: dict[str, Any]
             ) -> AuditError:
        """``problem`` and ``expected``: phrases of the catalogue (:func:`_words`)."""
        item = f" (item {self.item!r})" if self.item is not None else ""
        shown = _show(value)
        allowed = expected["message"]
        return AuditError(f"{self.name}: {path} = {shown} is not allowed "
                          f"({problem['message']}){item}; allowed: {allowed}.",
                          source=self.name, path=path, item=self.item, value=shown,
                          allowed=allowed, shown=shown, problem=problem, expected=expected,
                          message_id="audit_value_not_allowed" if self.item is None
                          else "audit_value_not_allowed_in_item")


def _words(message_id: str, **fields: Any) -> dict[str, Any]:
    """A phrase of section "error" as a record :func:`~laktasi.i18n.errors.error_text` words
    in the user's language; its ``message`` is the English (kept in ``str()``)."""
    record = {"message_id": message_id, **fields}
    return {**record, "message": error_text(record, "en")}


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class PrintedText(str):
    """An unquoted YAML number kept as the text it was written as ("0.000", "5.50")."""


class _Loader(yaml.SafeLoader):
    """YAML loader that keeps unquoted decimal numbers as printed: ``p: 0.000`` and
    ``mean: 5.50`` keep their trailing zeros (the decimals set the rounding interval)."""


def _keep_float_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = loader.construct_scalar(node)
    if re.fullmatch(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*|[-+]?[0-9][0-9_]*\.?", str(text)):
        return PrintedText(str(text).replace("_", ""))
    return loader.construct_yaml_float(node)  # .inf, .nan, 1e-3


_Loader.add_constructor("tag:yaml.org,2002:float", _keep_float_text)


def load_yaml(text: str) -> Any:
    """Parse reported-results YAML, unquoted decimals kept as :class:`PrintedText`."""
    return yaml.load(text, Loader=_Loader)


def _count(value: Any, path: str, ctx: _Ctx, least: int) -> int:
    if isinstance(value, PrintedText):
        try:
            value = float(value)
        except ValueError:
            pass
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ctx.fail(path, value, _words("audit_not_count"), _words("audit_whole_at_least", least=least))
    return value


def _value(value: Any, spec: Any, path: str, ctx: _Ctx) -> Any:
    kind = spec if isinstance(spec, str) else spec[0]
    if kind in ("count", "count1", "count2"):
        return _count(value, path, ctx, {"count": 0, "count1": 1, "count2": 2}[kind])
    if kind == "printed":
        try:
            return parse_printed(value, path)
        except LaktasiInputError:
            raise ctx.fail(path, value, _words("audit_not_printed"), _words("audit_printed_help")) from None
    if kind == "text":
        if isinstance(value, bool) or not isinstance(value, (str, int, float)) or value == "":
            raise ctx.fail(path, value, _words("audit_not_text"), _words("audit_word_label_number"))
        return str(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ctx.fail(path, value, _words("audit_not_bool"), _words("audit_true_or_false"))
        return value
    if kind == "enum":
        if value not in spec[1]:
            raise ctx.fail(path, value, _words("audit_not_known_name"),
                           _words("audit_names", names=list(spec[1])))
        return value
    if kind == "ids":
        if not isinstance(value, list) or not value or not all(
                isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
            raise ctx.fail(path, value, _words("audit_not_id_list"),
                           _words("audit_id_list_example"))
        return [str(v) for v in value]
    if kind == "map":
        return _mapping(value, spec[1], path, ctx)
    if kind == "list":
        _, elem, lo, hi = spec
        size = f"{lo}" if lo == hi else f"at least {lo}" if hi is None else f"{lo} to {hi}"
        if not isinstance(value, list) or len(value) < lo or (hi is not None and len(value) > hi):
            raise ctx.fail(path, value, _words("audit_not_list_length"),
                           _words("audit_list_of", size=size))
        return [_value(v, elem, f"{path}[{i}]", ctx) for i, v in enumerate(value)]
    if kind == "printed_map":
        if not isinstance(value, Mapping) or len(value) < spec[1]:
            raise ctx.fail(path, value, _words("audit_not_printed_map"),
                           _words("audit_printed_map_example", n=spec[1]))
        return {str(k): _value(v, "printed", f"{path}.{k}", ctx) for k, v in value.items()}
    raise AssertionError(kind)  # pragma: no cover - the specs above are fixed


def _mapping(value: Any, fields: Mapping[str, Any], path: str, ctx: _Ctx) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ctx.fail(path, value, _words("audit_not_mapping"),
                       _words("audit_mapping_with", names=list(fields)))
    out: dict[str, Any] = dict(value)  # fields beyond the spec are kept as given
    for key, (spec, required) in fields.items():
        if value.get(key) is None:
            if required:
                raise ctx.fail(f"{path}.{key}", None, _words("audit_missing"), _describe(spec))
            out[key] = None
            continue
        out[key] = _value(value[key], spec, f"{path}.{key}", ctx)
    return out


def _describe(spec: Any) -> dict[str, Any]:
    kind = spec if isinstance(spec, str) else spec[0]
    if kind == "enum":
        return _words("audit_names", names=list(spec[1]))
    if kind in ("count", "count1", "count2"):
        return _words("audit_whole_at_least", least={"count": 0, "count1": 1, "count2": 2}[kind])
    return {"printed": _words("audit_printed_help"), "text": _words("audit_a_text"),
            "bool": _words("audit_true_or_false"), "ids": _words("audit_a_list_of_ids"),
            "map": _words("audit_a_mapping"), "list": _words("audit_a_list"),
            "printed_map": _words("audit_a_printed_map")}[kind]


def load_source(source: str | Path | Mapping[str, Any], examples: Path
                ) -> tuple[Any, str]:
    """Parsed YAML (or the mapping itself) and a name for messages."""
    if isinstance(source, Mapping):
        return source, "(mapping)"
    path = Path(source)
    if not path.exists() and (examples / f"{source}.yaml").exists():
        path = examples / f"{source}.yaml"
    try:
        return load_yaml(path.read_text(encoding="utf-8")), str(path)
    except FileNotFoundError:
        raise AuditError(f"{path}: file not found.", source=str(path),
                         message_id="file_not_found") from None
    except IsADirectoryError:
        raise AuditError(f"{path}: is a folder, not a YAML file.", source=str(path),
                         message_id="audit_is_folder") from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}:" if mark else ""
        raise AuditError(f"{path}:{where} not a valid UTF-8 YAML file "
                         f"({getattr(exc, 'problem', None) or type(exc).__name__}).",
                         source=str(path), line=mark.line + 1 if mark else None,
                         column=mark.column + 1 if mark else None,
                         problem=str(getattr(exc, "problem", None) or type(exc).__name__),
                         message_id="audit_not_yaml_at" if mark else "audit_not_yaml"
                         ) from None


def validate(data: Any, name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Check a parsed file against the spec; return the study and normalised items."""
    ctx = _Ctx(name)
    if not isinstance(data, Mapping):
        raise ctx.fail("(top level)", data, _words("audit_not_mapping"),
                       _words("audit_mapping_study_items"))
    study = _mapping(data.get("study"), {
        "id": ("text", False), "title": ("text", False),
        "design": (("enum", DESIGNS), True), "alpha": ("printed", False)}, "study", ctx)
    alpha = study["alpha"]
    if alpha is not None and not 0 < alpha.value < 1:
        raise ctx.fail("study.alpha", alpha.text, _words("audit_not_alpha"),
                       _words("audit_alpha_help"))
    study["alpha"] = 0.05 if alpha is None else alpha.value
    items = data.get("items")
    if not isinstance(items, list):
        raise ctx.fail("items", items, _words("audit_not_list"), _words("audit_reported_list"))
    seen: set[str] = set()
    out = []
    for i, raw in enumerate(items):
        path = f"items[{i}]"
        ctx.item = None
        if not isinstance(raw, Mapping):
            raise ctx.fail(path, raw, _words("audit_not_mapping"),
                           _words("audit_mapping_id_kind"))
        for key in ("id", "kind"):
            if raw.get(key) is None:
                raise ctx.fail(f"{path}.{key}", None, _words("audit_missing"),
                               _words("audit_a_text") if key == "id"
                               else _words("audit_names", names=list(KINDS)))
        ident = _value(raw["id"], "text", f"{path}.id", ctx)
        ctx.item = ident
        if raw["kind"] not in ITEM_FIELDS:
            raise ctx.fail(f"{path}.kind", raw["kind"], _words("audit_not_kind"),
                           _words("audit_names", names=list(KINDS)))
        if ident in seen:
            raise ctx.fail(f"{path}.id", raw["id"], _words("audit_id_used"),
                           _words("audit_unique_id"))
        seen.add(ident)
        item = _mapping(raw, {**_COMMON, **ITEM_FIELDS[raw["kind"]]}, path, ctx)
        if item.get("claimed_test") is not None:  # the published spelling -> the registry's id
            item["claimed_test"] = canonical(item["claimed_test"])
        item["_path"] = path
        _cross_checks(item, path, ctx)
        out.append(item)
    for item in out:
        if item["kind"] == "group-comparison-claim":
            ctx.item = item["id"]
            for j, ref in enumerate(item["based_on"]):
                if ref not in seen or ref == item["id"]:
                    raise ctx.fail(f"{item['_path']}.based_on[{j}]", ref, _words("audit_no_such_item"),
                                   _words("audit_other_ids", names=sorted(seen)))
    return study, out


def _cross_checks(item: dict[str, Any], path: str, ctx: _Ctx) -> None:
    kind = item["kind"]
    if kind == "frequency":
        for j, row in enumerate(item["rows"]):
            if row["n"] is None and row["pct"] is None:
                raise ctx.fail(f"{path}.rows[{j}]", row, _words("audit_no_n_pct"),
                               _words("audit_row_n_pct"))
    if kind == "descriptives":
        for key in ("mean", "sd", "min", "max"):
            v: Printed | None = item[key]
            if v is not None and not math.isfinite(v.value):
                raise ctx.fail(f"{path}.{key}", v.text, _words("audit_not_finite"),
                               _words("audit_printed_help"))
        if item["sd"] is not None and item["sd"].value < 0:
            raise ctx.fail(f"{path}.sd", item["sd"].text, _words("audit_negative"),
                           _words("audit_sd_at_least_0"))
    if kind == "paired-means":
        for when in ("pre", "post"):
            if item[when]["sd"].value < 0:
                raise ctx.fail(f"{path}.{when}.sd", item[when]["sd"].text, _words("audit_negative"),
                               _words("audit_sd_at_least_0"))
    if kind == "wilcoxon" and (item["negative_ranks"] is None) != (item["positive_ranks"] is None):
        missing = "negative_ranks" if item["negative_ranks"] is None else "positive_ranks"
        raise ctx.fail(f"{path}.{missing}", None, _words("audit_rank_row_missing"),
                       _words("audit_both_rank_rows"))
    if kind == "wilcoxon" and item["negative_ranks"] is None and item["z"] is None \
            and item["p"] is None:
        raise ctx.fail(f"{path}.negative_ranks", None, _words("audit_ranks_z_p_missing"),
                       _words("audit_ranks_or_z_p"))
    if kind == "rank-two-group" and item["groups"] is None and item["z"] is None \
            and item["u"] is None and item["p"] is None:
        raise ctx.fail(f"{path}.groups", None, _words("audit_groups_u_z_p_missing"),
                       _words("audit_groups_or_u_z_p"))
    if kind in ("paired-binary", "wilcoxon", "rank-two-group", "paired-means"):
        p = item.get("p")
        if p is not None and (p.value < 0 or p.value > 1 or p.percent):
            raise ctx.fail(f"{path}.p", p.text, _words("audit_not_p"),
                           _words("audit_p_help"))
