"""Table recognisers: frequency tables, pre/post cross tables, means, SPSS Ranks,
Paired Samples and Test Statistics tables."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ..schema import ITEM_FIELDS
from .lines import (
    _GROUP_WORDS,
    _NUM,
    _POST,
    _PRE,
    _RE_CAPTION,
    _RE_MEANSD,
    _RE_NPCT,
    _RE_P,
    _RE_PCT,
    _RE_ROWNO,
    _STAT_LABELS,
    _caption_group,
    _Cell,
    _cell_at,
    _count,
    _is_numeric,
    _is_total,
    _num,
    _p_num,
    _printed,
    _role,
    _Row,
    _slug,
    _test_of,
)
from .model import Mention

# ---------------------------------------------------------------------------- the builder


@dataclass
class _Item:
    data: dict[str, Any]
    guesses: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    stem: str = "item"

    def put(self, path: str, value: Any, cell: _Cell | tuple[int, str], reason: str = "table"
            ) -> None:
        """Set ``path`` (dots and [i]) to ``value`` and remember where it was read."""
        line, snippet = (cell.line, cell.raw) if isinstance(cell, _Cell) else cell
        node: Any = self.data
        parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
        for k, nxt in itertools.pairwise(parts):
            key: Any = int(k[1:-1]) if k.startswith("[") else k
            if isinstance(node, list):
                while len(node) <= key:
                    node.append({} if not nxt.startswith("[") else [])
                node = node[key]
            else:
                node = node.setdefault(key, [] if nxt.startswith("[") else {})
        last = parts[-1]
        if last.startswith("["):
            idx = int(last[1:-1])
            while len(node) <= idx:
                node.append(None)
            node[idx] = value
        else:
            node[last] = value
        self.guesses[path] = (line, snippet, reason)

    def put_key(self, parent: str, key: str, value: Any, cell: _Cell | tuple[int, str],
                reason: str = "table") -> None:
        """Set ``data[parent][key]`` where the key may hold dots ("tabel 4.3")."""
        line, snippet = (cell.line, cell.raw) if isinstance(cell, _Cell) else cell
        self.data.setdefault(parent, {})[key] = value
        self.guesses[f"{parent}.{key}"] = (line, snippet, reason)


class _Table:
    """The table being read: caption, header, section title and the rows so far."""

    def __init__(self, caption: _Cell | None = None) -> None:
        self.caption = caption
        self.title = ""  # SPSS section title (Ranks, Test Statistics, Paired Samples ...)
        self.header: list[_Cell] = []
        self.super: list[_Cell] = []
        self.header_text = ""
        self.kind: str | None = None
        self.group: _Cell | None = None
        self.variable: _Cell | None = None
        self.freq: list[dict[str, Any]] = []  # open frequency groups
        self.cross: list[_Row] = []
        self.cross_total: _Row | None = None
        self.means: list[tuple[_Row, dict[str, _Cell], list[_Cell]]] = []
        self.ranks: list[tuple[list[_Cell], dict[str, _Cell]]] = []
        self.kv: list[tuple[str, _Cell, str | None]] = []
        self.pair_tests: list[tuple[_Row, list[_Cell]]] = []
        self.continued = False
        self.header_open = False  # a header was just read; the next line may complete it
        self.timed: list[tuple[str, _Cell, list[_Cell]]] = []  # pre/post rows by category


class TableReader:
    """Table recognisers (mixed into the extractor): rows to frequency, cross,
    descriptives, paired-means, ranks and key-value items."""

    def read_row(self, table: _Table, row: _Row) -> None:
        filled = row.filled()
        if not filled:
            return
        if len(filled) == 2 and re.fullmatch(rf"[<>≤≥]=?\s*{_NUM}", filled[1].text) and \
                self._stat_key(filled[0].text) == "p":
            table.kv.append(("p", filled[1], _test_of(filled[0].text)))  # "Sig. < 0,001"
            return
        numeric = [c for c in filled if _is_numeric(c.text)]
        if not numeric and table.header_open and self._header_goes_on(table, row):
            return
        table.header_open = False
        if not numeric:
            roles = [_role(c.text) for c in row.cells]
            if sum(r is not None for r in roles) >= 2 or (
                    any(roles) and any(c.text.lower().startswith("no") for c in filled)):
                if self._header_repeats(table, row):
                    table.continued = True
                    return
                self.close_groups(table)
                table.header = row.cells
                table.header_open = True
                table.header_text = " ".join(c.text for c in filled).lower()
                table.kind = self._table_kind(row.cells)
                if table.caption and table.kind == "means":
                    first = filled[0].text
                    if _PRE.search(first) or _POST.search(first):
                        table.variable = None
                return
            if len(filled) == 1 and len(filled[0].text) <= 40:
                self.close_groups(table)
                if _GROUP_WORDS.match(filled[0].text):
                    table.group = filled[0]
                else:
                    table.variable = filled[0]
                return
            if len(filled) >= 2 and not table.header:
                table.super = row.cells
            return
        label_cells = [c for c in filled if not _is_numeric(c.text)]
        # key-value rows: "Z  -3.434", "Asymp. Sig. (2-tailed)  .001", "... P value  0.000"
        if len(numeric) == 1 and len(label_cells) == 1 and filled[-1] is numeric[0]:
            key = self._stat_key(label_cells[0].text)
            if key:
                table.kv.append((key, numeric[0], _test_of(label_cells[0].text)))
                return
        if table.title == "paired samples test" or (
                table.kind == "means" and re.search(r"(?<![a-z])df(?![a-z])", table.header_text)):
            nums = [c for c in filled if _num(c.text) is not None]
            if len(nums) >= 3:
                table.pair_tests.append((row, nums))
                return
        if table.kind == "ranks":
            self._rank_row(table, row)
            return
        if table.kind == "cross":
            self._cross_row(table, row)
            return
        if table.kind == "means" or any(_RE_MEANSD.match(c.text) for c in filled):
            cells = self._by_role(table, row)
            if cells:
                labels = [c for c in filled if not _is_numeric(c.text)]
                table.means.append((row, cells, labels))
                return
        self._freq_row(table, row)

    def _header_goes_on(self, table: _Table, row: _Row) -> bool:
        """A header cell wrapped onto the next line ("Mean" / "Rank", "Sum of" / "Ranks"):
        the words join the header cells above them (right-aligned); True when they did."""
        filled = row.filled()
        if len(row.cells) > len(table.header) or not all(
                re.fullmatch(r"(?:rank|ranks|of|deviation|deviasi|error|mean|\([^()]{1,12}\))"
                             r"(?: (?:rank|ranks|of|deviation|deviasi|error|mean))*",
                             c.text.lower()) for c in filled):
            return False
        shift = len(table.header) - len(row.cells)
        cells = list(table.header)
        for j, cell in enumerate(row.cells):
            if cell.text:
                above = cells[j + shift]
                cells[j + shift] = _Cell(f"{above.text} {cell.text}".strip(), above.line,
                                         above.raw)
        kind = self._table_kind(cells)
        if kind is None:
            return False
        table.header = cells
        table.header_text = " ".join(c.text for c in cells if c.text).lower()
        table.kind = kind
        return True

    @staticmethod
    def _header_repeats(table: _Table, row: _Row) -> bool:
        return bool(table.freq) and [c.text for c in row.cells] == [c.text for c in table.header]

    @staticmethod
    def _table_kind(cells: list[_Cell]) -> str | None:
        roles = [_role(c.text) for c in cells]
        if "mean_rank" in roles or "sum" in roles:
            return "ranks"
        if roles.count("n") >= 2 and "pct" in roles:
            return "cross"
        if {"mean", "sd", "meansd"} & set(roles):
            return "means"
        return None

    @staticmethod
    def _stat_key(label: str) -> str | None:
        low = label.lower().strip()
        for key, pat in _STAT_LABELS:
            if re.search(pat, low):
                return key
        if _RE_P.search(label + " 0,0"):  # "Hasil uji ... P value"
            return "p"
        return None

    @staticmethod
    def _by_role(table: _Table, row: _Row) -> dict[str, _Cell]:
        """Cells of ``row`` by the role of their header column (right-aligned when the
        header and the row have different numbers of cells)."""
        header = table.header
        out: dict[str, _Cell] = {}
        if not header:
            for c in row.filled():
                if _RE_MEANSD.match(c.text):
                    out["meansd"] = c
            return out
        if row.spaced:  # one space between cells: the numbers fill the role columns in order
            roles = [r for r in (_role(h.text) for h in header) if r]
            k = len(row.cells)
            while k > 0 and (not row.cells[k - 1].text or _is_numeric(row.cells[k - 1].text)):
                k -= 1
            for role, cell in zip(roles, row.cells[k:], strict=False):
                if cell.text and _is_numeric(cell.text) and role not in out:
                    out[role] = cell
            return out
        shift = max(0, len(row.cells) - len(header))  # short rows lack trailing cells
        for j, cell in enumerate(row.cells):
            h = j - shift
            if not cell.text or not 0 <= h < len(header) or not _is_numeric(cell.text):
                continue
            role = _role(header[h].text)
            if role and role not in out:
                out[role] = cell
        return out

    # frequency ----------------------------------------------------------
    def _freq_row(self, table: _Table, row: _Row) -> None:
        filled = row.filled()
        if len(filled) >= 3 and _RE_ROWNO.match(filled[0].text) and not _is_numeric(filled[1].text):
            filled = filled[1:]
        labels: list[_Cell] = []
        while filled and not _is_numeric(filled[0].text):
            labels.append(filled.pop(0))
        tail = filled
        n_cell = pct_cell = None
        n = pct = None
        when = _when(labels[-1].text) if labels else None
        if when and len(tail) in (2, 3) and all(_RE_NPCT.match(c.text) for c in tail[:2]) and (
                len(tail) == 2 or _count(tail[2].text) is not None):
            # "Sebelum 22 (78,6%) 6 (21,4%) 28": one row per time, one column per category
            table.timed.append((when, labels[-1], tail))
            return
        if len(tail) == 4 and table.kind is None and not table.freq and all(
                _count(tail[j].text) is not None and _RE_PCT.match(tail[j + 1].text)
                for j in (0, 2)):
            # category, n and % before, n and % after, without a header that says so
            head = [_Cell("", row.line, ""), _Cell("n", row.line, ""), _Cell("%", row.line, ""),
                    _Cell("n", row.line, ""), _Cell("%", row.line, "")]
            table.header, table.kind = head, "cross"
            self._cross_row(table, _Row([*labels[-1:], *tail], row.line))
            return
        if len(tail) == 2 and _count(tail[0].text) is not None and _RE_PCT.match(tail[1].text):
            n_cell, pct_cell, n, pct = tail[0], tail[1], _count(tail[0].text), tail[1].text
        elif len(tail) == 1 and _RE_NPCT.match(tail[0].text):
            m = _RE_NPCT.match(tail[0].text)
            n_cell = pct_cell = tail[0]
            n, pct = int(m["n"]), m["pct"]
        elif len(tail) == 1 and labels and _is_total(labels[-1].text) and _count(tail[0].text) is not None:
            n_cell, n = tail[0], _count(tail[0].text)
        else:
            if labels or tail:
                self.close_groups(table)
            return
        label = labels[-1] if labels else None
        if label is not None and _is_total(label.text):
            if table.freq and "total" not in table.freq[-1]:
                table.freq[-1]["total"] = (n, n_cell, pct, pct_cell)
            return
        variable = labels[0] if len(labels) >= 2 else None
        if variable is not None:
            if table.continued and table.freq and "total" not in table.freq[-1]:
                table.freq[-1]["variable"] = [*table.freq[-1]["variable"], variable]
            else:
                self.close_groups(table)
                table.freq.append({"variable": [variable], "rows": []})
        elif not table.freq or "total" in table.freq[-1] or (
                _complete(table.freq[-1]["rows"]) and not (pct and _is_zero(pct))):
            # one label column ("Umur <20 tahun 2 13,3" as a PDF viewer copies it): a group
            # ends where its percentages reach 100
            var: list[_Cell] = [table.variable] if table.variable else []
            words = label.text.split() if label is not None else []
            two = len(re.findall(r"[^\W\d_]+", " ".join(
                c.text for c in table.header if c.text and not _role(c.text)))) >= 2
            if not var and two and len(words) >= 2 and row.weak is not None and \
                    " " in label.text and not _is_total(label.text) and \
                    re.match(r"^[^\W\d_]", label.text):
                var = [_Cell(words[0], label.line, label.raw)]
                label = _Cell(label.text[len(words[0]):].strip(), label.line, label.raw)
            table.freq.append({"variable": var, "rows": []})
        table.continued = False
        table.freq[-1]["rows"].append((label, n, n_cell, pct, pct_cell))

    def close_groups(self, table: _Table) -> None:
        for group in table.freq:
            self._emit_freq(table, group)
        table.freq = []

    def _emit_freq(self, table: _Table, group: dict[str, Any], rows_key: str = "rows",
                   id_hint: str = "") -> _Item:
        variables = [v for v in group["variable"] if v is not None]
        item = self.new_item(table, "frequency", id_hint or (
            " ".join(v.text for v in variables) if variables else "frekuensi"))
        if variables:
            if len(variables) == 1:
                item.put("variable", variables[0].text, variables[0])
            else:
                item.data["variable"] = " ".join(v.text for v in variables)
                first = variables[0]
                item.guesses["variable"] = (first.line, first.raw, "table")
        if table.group is not None:
            item.put("group", table.group.text, table.group)
        for j, (label, n, n_cell, pct, pct_cell) in enumerate(group[rows_key]):
            if label is not None:
                item.put(f"rows[{j}].label", label.text, label)
            if n is not None:
                item.put(f"rows[{j}].n", n, n_cell)
            if pct is not None:
                item.put(f"rows[{j}].pct", pct, pct_cell)
        total = group.get("total")
        if total:
            n, n_cell, pct, pct_cell = total
            if n is not None:
                item.put("total.n", n, n_cell)
            if pct is not None:
                item.put("total.pct", pct, pct_cell)
        elif self.sample and self.design == "one-group-pretest-posttest":
            n, line, snippet = self.sample
            item.put("total.n", n, (line, snippet), "sample-size")
        return item

    # cross tables (pretest / posttest side by side) ------------------------
    def _cross_row(self, table: _Table, row: _Row) -> None:
        filled = row.filled()
        if filled and _is_total(filled[0].text if not _RE_ROWNO.match(filled[0].text)
                                else filled[1].text if len(filled) > 1 else ""):
            table.cross_total = row
            return
        if any(_count(c.text) is not None for j, c in enumerate(row.cells)
               if self._col_role(table, row, j) == "n"):
            table.cross.append(row)

    @staticmethod
    def _col_role(table: _Table, row: _Row, j: int) -> str | None:
        h = j - (len(row.cells) - len(table.header))
        return _role(table.header[h].text) if 0 <= h < len(table.header) else None

    def _cross_sets(self, table: _Table) -> list[tuple[int, int, _Cell | None]]:
        """(n column, pct column, name cell) for each side of the table."""
        sets = []
        roles = [_role(c.text) for c in table.header]
        for j, role in enumerate(roles):
            if role == "n" and j + 1 < len(roles) and roles[j + 1] == "pct":
                name = None
                for k in range(min(j, len(table.super) - 1), -1, -1):
                    if table.super[k].text:
                        name = table.super[k]
                        break
                sets.append((j, j + 1, name))
        return sets

    def _emit_cross(self, table: _Table) -> None:
        sets = self._cross_sets(table)
        shift_of = {id(r): len(r.cells) - len(table.header) for r in table.cross}
        sides: list[tuple[_Item, list[int | None]]] = []
        labels: list[_Cell | None] = []
        for r in table.cross:
            filled = [c for c in r.filled() if not _RE_ROWNO.match(c.text)]
            labels.append(filled[0] if filled and not _is_numeric(filled[0].text) else None)
        for s, (jn, jp, name) in enumerate(sets):
            rows = []
            for r, label in zip(table.cross, labels, strict=True):
                sh = shift_of[id(r)]
                n_cell = _cell_at(r, jn + sh)
                p_cell = _cell_at(r, jp + sh)
                n = _count(n_cell.text) if n_cell else None
                pct = p_cell.text if p_cell and _RE_PCT.match(p_cell.text) else None
                rows.append((label, n, n_cell, pct, p_cell if pct else None))
            group: dict[str, Any] = {"variable": [table.variable] if table.variable else [],
                                     "rows": rows}
            if table.cross_total is not None:
                sh = len(table.cross_total.cells) - len(table.header)
                n_cell = _cell_at(table.cross_total, jn + sh)
                p_cell = _cell_at(table.cross_total, jp + sh)
                n = _count(n_cell.text) if n_cell else None
                if n is not None:
                    pct = p_cell.text if p_cell and _RE_PCT.match(p_cell.text) else None
                    group["total"] = (n, n_cell, pct, p_cell if pct else None)
            hint = (name.text if name is not None else f"kolom {s + 1}")
            item = self._emit_freq(table, group, id_hint=hint)
            sides.append((item, [row[1] for row in rows]))
        if len(sides) == 2 and len(table.cross) == 2:
            self._paired_binary(table, sides, labels)

    def _paired_binary(self, table: _Table, sides: list[tuple[_Item, list[int | None]]],
                       labels: list[_Cell | None]) -> None:
        item = self.new_item(table, "paired-binary", "uji")
        for j, label in enumerate(labels):
            if label is not None:
                item.put(f"categories[{j}]", label.text, label)
        if any(label is None for label in labels):
            item.data.pop("categories", None)
            for j in range(2):
                item.guesses.pop(f"categories[{j}]", None)
        for when, (side, counts) in zip(("pre", "post"), sides, strict=True):
            for j, n in enumerate(counts):
                if n is not None:
                    line, snippet, _ = side.guesses[f"rows[{j}].n"]
                    item.put(f"{when}[{j}]", n, (line, snippet), "row-order")
            if len(item.data.get(when, [])) != 2 or None in item.data.get(when, []):
                item.data.pop(when, None)
                for j in range(2):
                    item.guesses.pop(f"{when}[{j}]", None)
        self._apply_kv(table, item, "statistic")

    def _apply_kv(self, table: _Table, item: _Item, stat_key: str) -> None:
        named = _test_of(table.caption.text) if table.caption is not None else None
        for key, cell, test in table.kv:
            test = test or (named if key == "p" else None)
            value = _p_num(cell.text) if key == "p" else _num(cell.text)
            if value is None:
                continue
            target = {"z": "z" if item.data["kind"] != "paired-binary" else stat_key,
                      "t": "t", "u": "u", "w": "w", "p": "p"}[key]
            if target in ITEM_FIELDS[item.data["kind"]] and target not in item.data:
                item.put(target, value, cell)
                if test and "claimed_test" in ITEM_FIELDS[item.data["kind"]] \
                        and "claimed_test" not in item.data and test != "t":
                    item.put("claimed_test", test, cell, "test-inferred")
        table.kv = []

    # ranks ----------------------------------------------------------------
    def _rank_row(self, table: _Table, row: _Row) -> None:
        cells = self._by_role(table, row)
        labels = [c for c in row.filled() if not _is_numeric(c.text)]
        if len(labels) >= 2 and table.ranks:
            self._emit_ranks(table)
        if labels and _is_total(labels[-1].text):
            table.ranks.append((labels, cells))
            self._emit_ranks(table)
            return
        table.ranks.append((labels, cells))

    def _emit_ranks(self, table: _Table) -> None:
        rows, table.ranks = table.ranks, []
        if not rows:
            return
        variable = rows[0][0][0] if len(rows[0][0]) >= 2 else table.variable
        body = [(lab[-1] if lab else None, cells) for lab, cells in rows]
        total = next((c for lab, c in body if lab is not None and _is_total(lab.text)), None)
        ties = next((c for lab, c in body if lab is not None and re.match(r"ties|sama", lab.text, re.I)),
                    None)
        neg = next((c for lab, c in body if lab is not None and re.search(r"negati", lab.text, re.I)),
                   None)
        pos = next((c for lab, c in body if lab is not None and re.search(r"positi", lab.text, re.I)),
                   None)
        plain = [(lab, c) for lab, c in body if c is not total and c is not ties]
        reason = "table"
        if neg is None and pos is None and len(plain) == 2 and all(
                lab is not None and (_PRE.search(lab.text) or _POST.search(lab.text))
                for lab, _ in plain):
            neg, pos = plain[0][1], plain[1][1]
            reason = "row-order"
        hint = variable.text if variable is not None else "ranks"
        if neg is not None or pos is not None:
            item = self.new_item(table, "wilcoxon", hint)
            for key, cells in (("negative_ranks", neg), ("positive_ranks", pos)):
                for role, sub in (("n", "n"), ("mean_rank", "mean_rank"), ("sum", "sum")):
                    cell = cells.get(role) if cells else None
                    if cell is None:
                        continue
                    value = _count(cell.text) if sub == "n" else _num(cell.text)
                    if value is not None:
                        item.put(f"{key}.{sub}", value, cell, reason)
            if ties and ties.get("n") and _count(ties["n"].text) is not None:
                item.put("ties", _count(ties["n"].text), ties["n"])
            if total and total.get("n") and _count(total["n"].text) is not None:
                item.put("n", _count(total["n"].text), total["n"])
            elif self.sample and self.design == "one-group-pretest-posttest":
                n, line, snippet = self.sample
                item.put("n", n, (line, snippet), "sample-size")
            item.data["claimed_test"] = "wilcoxon"
        elif len(plain) == 2:
            item = self.new_item(table, "rank-two-group", hint)
            for j, (lab, cells) in enumerate(plain):
                if lab is not None:
                    item.put(f"groups[{j}].label", lab.text, lab)
                for role in ("n", "mean_rank", "sum"):
                    cell = cells.get(role)
                    value = None if cell is None else (
                        _count(cell.text) if role == "n" else _num(cell.text))
                    if value is not None:
                        item.put(f"groups[{j}].{role}", value, cell)
            item.data["claimed_test"] = "mann-whitney"
        else:
            return
        if variable is not None:
            item.put("variable", variable.text, variable)
        for _, cells in body:
            for role in ("z", "u", "p"):
                cell = cells.get(role)
                if cell is not None and _num(cell.text) is not None and role not in item.data \
                        and role in ITEM_FIELDS[item.data["kind"]]:
                    item.put(role, _num(cell.text), cell)
        self.pending_stats = item

    # means -----------------------------------------------------------------
    def _emit_means(self, table: _Table) -> None:
        rows, table.means = table.means, []
        context = " ".join(x.text for x in (table.caption,) if x) + " " + table.title
        paired = bool(re.search(r"paired|berpasangan|uji t|t[- ]test|dependen", context, re.I)) or \
            any(re.match(r"pair\s*[0-9]", lab.text, re.I) for _, _, labels in rows for lab in labels)
        group = _caption_group(table.caption)
        values = [self._mean_values(cells) for _, cells, _ in rows]
        if paired and len(rows) % 2 == 0:
            for k in range(0, len(rows), 2):
                pre, post = values[k], values[k + 1]
                labels = rows[k][2]
                hint = labels[0].text if labels else "uji-t"
                item = self.new_item(table, "paired-means", hint)
                if group is not None:
                    item.put("group", group[0], group[1], "caption")
                n_cell = pre.get("n") or post.get("n")
                if n_cell is not None and _count(n_cell.text) is not None:
                    item.put("n", _count(n_cell.text), n_cell)
                for when, vals in (("pre", pre), ("post", post)):
                    for key in ("mean", "sd"):
                        if key in vals:
                            item.put(f"{when}.{key}", vals[key][0], vals[key][1], "row-order")
                test = _test_of(context)
                item.put("claimed_test", "paired-t" if test in (None, "t", "paired-t") else test,
                         table.caption or (rows[k][0].line, rows[k][0].cells[0].raw),
                         "test-inferred")
                for vals in (pre, post):
                    if "p" in vals and "p" not in item.data:
                        item.put("p", vals["p"][0], vals["p"][1])
                self.pending_pairs.append(item)
            return
        time, time_src = None, None
        first = table.header[0].text if table.header else ""
        for text, src in ((first, table.header[0] if table.header else None),
                          (table.caption.text if table.caption else "", table.caption)):
            if time is None and text:
                time, time_src = _when(text), src
        for (_row, _cells, labels), vals in zip(rows, values, strict=True):
            hint = labels[-1].text if labels else "deskriptif"
            item = self.new_item(table, "descriptives", hint)
            if labels:
                item.put("variable", labels[-1].text, labels[-1])
            own = next((_when(lab.text) for lab in reversed(labels) if _when(lab.text)), None)
            if own is not None:  # "Posttest 15 8,20 ...": the row says when
                lab = next(lab for lab in reversed(labels) if _when(lab.text))
                item.put("time", own, lab, "table")
            elif time is not None and time_src is not None:
                item.put("time", time, time_src, "header-cell")
            if group is not None:
                item.put("group", group[0], group[1], "caption")
            n_cell = vals.get("n")
            if n_cell is not None and _count(n_cell.text) is not None and _count(n_cell.text) > 0:
                item.put("n", _count(n_cell.text), n_cell)
            for key in ("mean", "sd", "min", "max"):
                if key in vals:
                    item.put(key, vals[key][0], vals[key][1])

    @staticmethod
    def _mean_values(cells: dict[str, _Cell]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "n" in cells:
            out["n"] = cells["n"]
        if "meansd" in cells:
            m = _RE_MEANSD.match(cells["meansd"].text)
            if m:
                out["mean"] = (m["mean"], cells["meansd"])
                out["sd"] = (m["sd"], cells["meansd"])
        for key in ("mean", "sd", "min", "max", "p"):
            if key in cells and key not in out and _num(cells[key].text) is not None:
                out[key] = (_num(cells[key].text), cells[key])
        return out

    def _emit_pair_tests(self, table: _Table) -> None:
        for k, (_row, nums) in enumerate(table.pair_tests):
            if k >= len(self.pending_pairs):
                break
            item = self.pending_pairs[-len(table.pair_tests) + k] if len(self.pending_pairs) >= len(
                table.pair_tests) else self.pending_pairs[k]
            t, _df, p = nums[-3], nums[-2], nums[-1]
            item.put("t", _num(t.text), t)
            item.put("p", _num(p.text), p)
            item.data.setdefault("claimed_test", "paired-t")
        table.pair_tests = []

    # closing a table -------------------------------------------------------
    def _emit_timed(self, table: _Table) -> None:
        """Rows "Sebelum" and "Sesudah" of a two-category outcome: a frequency item per
        time and the paired item with their counts."""
        rows, table.timed = table.timed, []
        whens = [w for w, _, _ in rows]
        sides = []
        names = [c for c in table.header if c.text and not _is_total(c.text) and not _role(c.text)]
        if len(names) > 2:
            names = names[-2:]
        for when, label, cells in rows:
            group: dict[str, Any] = {"variable": [label], "rows": []}
            for j, cell in enumerate(cells[:2]):
                m = _RE_NPCT.match(cell.text)
                name = names[j] if len(names) == 2 else None
                group["rows"].append((name, int(m["n"]), cell, m["pct"], cell))
            if len(cells) == 3:
                group["total"] = (_count(cells[2].text), cells[2], None, None)
            sides.append((when, self._emit_freq(table, group, id_hint=f"{label.text}")))
        if sorted(whens) != ["post", "pre"]:
            return
        item = self.new_item(table, "paired-binary", "uji")
        if len(names) == 2:
            for j, name in enumerate(names):
                item.put(f"categories[{j}]", name.text, name)
        for when, side in sides:
            for j in range(2):
                line, snippet, _ = side.guesses[f"rows[{j}].n"]
                item.put(f"{when}[{j}]", side.data["rows"][j]["n"], (line, snippet))
        self.pending_stats = item

    def close(self, table: _Table) -> None:
        self.close_groups(table)
        if table.timed:
            self._emit_timed(table)
        if table.cross:
            self._emit_cross(table)
            table.cross = []
        if table.ranks:
            self._emit_ranks(table)
        if table.means:
            self._emit_means(table)
        if table.pair_tests:
            self._emit_pair_tests(table)
        if table.kv:
            target = self.pending_stats
            if target is not None:
                self._apply_kv(table, target, "statistic")
            else:
                for key, cell, _test in table.kv:
                    self.unplaced.append(Mention(cell.line, cell.raw,
                                                 "p-value" if key == "p" else "statistic"))
                table.kv = []

    pending_stats: _Item | None = None
    pending_pairs: list[_Item]

    def new_item(self, table: _Table | None, kind: str, hint: str) -> _Item:
        match = _RE_CAPTION.match(table.caption.text) if table and table.caption else None
        prefix = "t" + match["no"].replace(".", "") if match else "x"
        item = _Item({"id": "", "kind": kind}, stem=f"{prefix}-{_slug(hint)}")
        if match:
            item.put("source", re.sub(r"\.?\s+", " ", match[0].strip()).lower().rstrip("."),
                     table.caption, "caption")
        self.items.append(item)
        return item


def _complete(rows: list[tuple[Any, ...]]) -> bool:
    """Do the percentages of these frequency rows already add up to 100?"""
    pcts = [r[3] for r in rows]
    if len(pcts) < 2 or any(p is None for p in pcts):
        return False
    printed = [_printed(p) for p in pcts]
    if any(p is None for p in printed):
        return False
    lo = sum(p.low for p in printed)
    hi = sum(p.high for p in printed)
    return lo - 0.05 <= 100 <= hi + 0.05


def _when(text: str) -> str | None:
    """"pre" or "post" when the text names one time only (not "sebelum dan sesudah")."""
    pre, post = _PRE.search(text), _POST.search(text)
    return "pre" if pre and not post else "post" if post and not pre else None


def _is_zero(text: str) -> bool:
    p = _printed(text)
    return p is not None and p.value == 0
