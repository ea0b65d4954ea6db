"""YAML emitter: the draft as YAML with a comment after every guessed value."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from laktasi.i18n import check_lang
from laktasi.i18n.audit import extract_words, has_words

from ..schema import ITEM_FIELDS
from .lines import source_name
from .model import Draft

_ORDER = ("id", "kind", "source", "title", "design", "alpha", "variable", "group", "time",
          "categories", "n", "rows", "total", "negative_ranks", "positive_ranks", "ties",
          "groups", "pre", "post", "mean", "sd", "min", "max", "claimed_test", "statistic",
          "t", "u", "w", "z", "p", "name", "printed")


def _ordered(d: dict[str, Any]) -> dict[str, Any]:
    keys = sorted(d, key=lambda k: (_ORDER.index(k) if k in _ORDER else len(_ORDER), k))
    return {k: d[k] for k in keys}


def _has_path(data: Any, path: str) -> bool:
    if path.startswith("printed."):  # a place name may hold dots ("tabel 4.3")
        return path[len("printed."):] in (data.get("printed") or {})
    node = data
    for k in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if k.startswith("["):
            idx = int(k[1:-1])
            if not isinstance(node, list) or idx >= len(node):
                return False
            node = node[idx]
        else:
            if not isinstance(node, dict) or k not in node:
                return False
            node = node[k]
    return node is not None


def _missing_fields(item: Mapping[str, Any]) -> list[str]:
    """Required fields (of schema.ITEM_FIELDS) that the item lacks, nested ones dotted."""
    out = []

    def walk(spec: Mapping[str, Any], node: Mapping[str, Any], prefix: str) -> None:
        for key, (kind, required) in spec.items():
            value = node.get(key)
            if value is None:
                if required:
                    out.append(prefix + key)
                continue
            if isinstance(kind, tuple) and kind[0] == "map" and isinstance(value, Mapping):
                walk(kind[1], value, f"{prefix}{key}.")
            if isinstance(kind, tuple) and kind[0] == "list" and isinstance(value, list):
                elem = kind[1]
                if len(value) < kind[2]:
                    out.append(prefix + key)
                if isinstance(elem, tuple) and elem[0] == "map":
                    for j, v in enumerate(value):
                        if isinstance(v, Mapping):
                            walk(elem[1], v, f"{prefix}{key}[{j}].")

    walk(ITEM_FIELDS.get(item["kind"], {}), item, "")
    # optional for the audit (a paper may print only Z and p) but asked for: with them the
    # audit checks more
    for key in _WANTED.get(item["kind"], ()):
        if item.get(key) is None and key not in out:
            out.append(key)
    return out


_WANTED = {"wilcoxon": ("negative_ranks", "positive_ranks"), "rank-two-group": ("groups",)}



_YAML_SAFE = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def _quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _YAML_SAFE.sub(lambda m: f"\\u{ord(m[0]):04x}" if ord(m[0]) < 0x10000
                                else f"\\U{ord(m[0]):08x}", body) + '"'


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return _quote(str(value))


def _comment_text(text: str) -> str:
    flat = re.sub(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+", " ", text).strip()
    flat = _YAML_SAFE.sub("?", flat)
    return flat if len(flat) <= 100 else flat[:97] + "..."


class Emitter:
    def __init__(self, draft: Draft, lang: str) -> None:
        self.draft = draft
        self.lang = lang
        check_lang(lang)
        self.guess = {g.path: g for g in draft.guesses}
        self.missing: dict[str, list[str]] = {}
        for m in draft.missing:
            self.missing.setdefault(m.path, []).append(m.field)
        self.out: list[str] = []

    def note(self, path: str) -> str:
        g = self.guess.get(path)
        if g is None:
            return ""
        text = extract_words("check", self.lang, line=g.line, snippet=_comment_text(g.snippet))
        if g.reason not in ("table", "prose", "text") and has_words(g.reason):
            text += f" ({extract_words(g.reason, self.lang)})"
        return "  # " + text

    def todo(self, path: str) -> str:
        fields = self.missing.get(path)
        if not fields:
            return ""
        return "  # " + extract_words("complete", self.lang, fields=", ".join(fields))

    def render(self) -> str:
        src = source_name(self.draft.source)
        head = extract_words("intro", self.lang, source=f" ({_comment_text(src)})" if src else "")
        self.out = [f"# {line}" for line in head.split("\n")]
        data = self.draft.data
        self.out.append("study:" + self.todo("study"))
        self.mapping(data["study"], "study", "  ")
        if not data["items"]:
            self.out.append("items: []")
        else:
            self.out.append("items:")
            for i, item in enumerate(data["items"]):
                self.mapping(item, f"items[{i}]", "    ", first="  - ", todo=self.todo(f"items[{i}]"))
        if self.draft.unplaced:
            self.out.append("# " + extract_words("unplaced_head", self.lang))
            for m in self.draft.unplaced:
                what = extract_words(m.what, self.lang) if has_words(m.what) else m.what
                self.out.append("#   " + extract_words("unplaced", self.lang, line=m.line,
                                                       snippet=_comment_text(m.snippet), what=what))
        return "\n".join(self.out) + "\n"

    def mapping(self, m: Mapping[str, Any], path: str, pad: str, first: str | None = None,
                todo: str = "") -> None:
        for j, (key, value) in enumerate(m.items()):
            lead = first if (first is not None and j == 0) else pad
            k = key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(key)) else _quote(str(key))
            sub = f"{path}.{key}"
            extra = todo if j == 0 else ""
            if isinstance(value, Mapping):
                self.out.append(f"{lead}{k}:{extra}")
                self.mapping(value, sub, pad + "  ")
            elif isinstance(value, list):
                self.out.append(f"{lead}{k}:{extra}")
                for idx, elem in enumerate(value):
                    ep = f"{sub}[{idx}]"
                    if isinstance(elem, Mapping):
                        self.mapping(elem, ep, pad + "    ", first=pad + "  - ")
                    else:
                        self.out.append(f"{pad}  - {_scalar(elem)}{self.note(ep)}")
            else:
                note = self.note(sub)
                self.out.append(f"{lead}{k}: {_scalar(value)}{extra}{note}")
