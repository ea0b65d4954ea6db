"""The extractor: study-level reading, the walk over rows and prose, the draft."""

from __future__ import annotations

import re
from typing import Any

from .emit import _has_path, _missing_fields, _ordered
from .lines import (
    _CLEAN,
    _DESIGNS,
    _RE_CAPTION,
    _RE_P,
    _RE_REFS,
    _RE_SAMPLE,
    _Cell,
    _events,
    _header_cells,
    _role,
    _Row,
    _slug,
    source_name,
)
from .model import Draft, Guess, Mention, Missing
from .prose import ProseReader
from .tables import TableReader, _Item, _Table


class _Extractor(TableReader, ProseReader):
    def __init__(self, text: str, source: str) -> None:
        self.raw_lines = text.splitlines()
        self.clean_lines = [ln.translate(_CLEAN) for ln in self.raw_lines]
        self.source = source
        self.items: list[_Item] = []
        self.unplaced: list[Mention] = []
        self.study: dict[str, Any] = {}
        self.study_guesses: dict[str, tuple[int, str, str]] = {}
        self.sample: tuple[int, int, str] | None = None
        self.design: str | None = None

    # ------------------------------------------------------------------ study level
    def read_study(self) -> None:
        stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", source_name(self.source))
        self.study["id"] = _slug(stem) if stem else "draft"
        for i, line in enumerate(self.clean_lines, start=1):
            s = line.strip()
            if not s:
                continue
            if (len(s.split()) >= 4 and len(s) <= 300 and not s.isupper()
                    and not re.match(r"^(abstra[ck]t?|bab|chapter|pendahuluan)\b", s, re.I)
                    and not _RE_CAPTION.match(s) and not re.search(r"[0-9=:;]|\.$", s)):
                self.study["title"] = s
                self.study_guesses["title"] = (i, self.raw_lines[i - 1].strip(), "text")
            break
        found: list[tuple[int, int, str, str]] = []
        for i, line in enumerate(self.clean_lines, start=1):
            low = line.lower()
            for design, pat, _ in _DESIGNS:
                m = re.search(pat, low)
                if m:
                    found.append((i, m.start(), design, self.raw_lines[i - 1][m.start():m.end()]))
        if found:
            i, _, design, snippet = min(found)
            self.design = design
            self.study["design"] = design
            self.study_guesses["design"] = (i, snippet, "text")
        else:
            self._infer_design()
        for i, line in enumerate(self.clean_lines, start=1):
            m = _RE_SAMPLE.search(line)
            if m:
                n = int(m["n"] or m["n2"])
                if n > 0:
                    self.sample = (n, i, self.raw_lines[i - 1][m.start():m.end()])
                    break

    def _infer_design(self) -> None:
        text = "\n".join(self.clean_lines).lower()
        pre = re.search(r"pre[- ]?test", text)
        ctrl = re.search(r"kelompok kontrol|control group|kelompok pembanding", text)
        if ctrl:
            design = "nonequivalent-control-pretest-posttest" if pre else "two-group-posttest"
            m = ctrl
        elif pre and re.search(r"post[- ]?test", text):
            design, m = "one-group-pretest-posttest", pre
        else:
            return
        line = text.count("\n", 0, m.start()) + 1
        start = m.start() - (text.rfind("\n", 0, m.start()) + 1)
        self.design = design
        self.study["design"] = design
        self.study_guesses["design"] = (line, self.raw_lines[line - 1][start:start + len(m[0])],
                                        "design-inferred")

    # ------------------------------------------------------------------ tables

    def read(self) -> None:
        self.read_study()
        table = _Table()
        after_caption = False
        refs = False
        para: list[tuple[int, str, str]] = []  # prose lines one sentence may run across

        def flush() -> None:
            if para:
                self.read_paragraph(list(para))
                para.clear()

        for kind, ev in _events(self.raw_lines):
            if kind == "blank":
                flush()
                continue
            if para and not (kind == "prose" and ev[0] == para[-1][0] + 1
                             and not re.search(r"[.!?:]\s*$", para[-1][1])):
                flush()
            in_table = bool(after_caption or table.caption or table.title or table.header)
            if kind == "row" and ev.weak and not in_table:
                i = ev.line
                kind, ev = "prose", (i, self.clean_lines[i - 1], self.raw_lines[i - 1])
            if kind == "prose" and in_table and not refs:
                i, line, raw = ev
                head = self._spaced_header(table, line.strip())
                if head is not None:
                    after_caption = False
                    self.read_row(table, _Row([_Cell(c, i, raw.strip()) for c in head], i))
                    table.header_open = True
                    continue
            if kind == "prose":
                i, line, raw = ev
                s = line.strip()
                if _RE_REFS.match(s):
                    refs = True
                if refs:
                    continue
                if _RE_CAPTION.match(s):
                    self.close(table)
                    table = _Table(_Cell(s, i, raw.strip()))
                    after_caption = True
                    continue
                title = re.match(r"^(ranks|test statistics\w*|paired samples (?:statistics|test)"
                                 r"|descriptive statistics|group statistics|statistik uji)\b",
                                 s, re.I)
                if title and len(s) < 60:
                    if table.kind or table.header:
                        self.close(table)
                        cap = table.caption
                        table = _Table(cap)
                    table.title = title[1].lower()
                    continue
                if after_caption and len(s) < 200 and not self._has_numbers(s):
                    continue  # the caption goes on
                if (table.freq or table.means or table.cross or table.header) and len(s) <= 40 and \
                        len(s.split()) <= 4 and not re.search(r"[0-9=]|[.:;]$", s):
                    # "Paritas" on a line of its own between the rows: the next variable
                    self.read_row(table, _Row([_Cell(s, i, raw.strip())], i))
                    continue
                if not para:
                    self.close(table)
                    table = _Table()
                after_caption = False
                para.append((i, line, raw))
                continue
            if refs:
                continue
            after_caption = False
            self.read_row(table, ev)
        flush()
        self.close(table)

    @staticmethod
    def _spaced_header(table: _Table, s: str) -> list[str] | None:
        """A single-spaced header line, or one that completes the header just read ("N Mean
        Sum of" + "Rank Ranks", as PDF text wraps a header cell)."""
        if table.header_open and table.header_text:
            joined = _header_cells(f"{table.header_text} {s}")
            more = joined is not None and sum(map(bool, map(_role, joined))) - sum(
                map(bool, map(_role, (c.text for c in table.header))))
            wrapped = all(re.fullmatch(r"rank|ranks|of|sum|mean|deviation|deviasi|error|std\.?",
                                       w.lower()) for w in s.split())
            if joined is not None and (more > 0 or (more == 0 and wrapped)):
                table.header = []
                return joined
        if table.freq or table.means or table.ranks or table.cross:
            return None
        return _header_cells(s)

    @staticmethod
    def _has_numbers(s: str) -> bool:
        return bool(_RE_P.search(s) or re.search(r"[0-9][.,][0-9]", s))

    # ------------------------------------------------------------------ result
    def draft(self) -> Draft:
        self.pending_pairs = []
        self.read()
        items_out: list[dict[str, Any]] = []
        guesses: list[Guess] = []
        missing: list[Missing] = []
        for key, (line, snippet, reason) in self.study_guesses.items():
            guesses.append(Guess(f"study.{key}", line, snippet, reason))
        if "design" not in self.study:
            missing.append(Missing("study", "study.design"))
        seen: dict[str, int] = {}
        for item in self.items:
            stem = item.stem
            seen[stem] = seen.get(stem, 0) + 1
            ident = stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"
            item.data["id"] = ident
            path = f"items[{len(items_out)}]"
            items_out.append(_ordered(item.data))
            for sub, (line, snippet, reason) in item.guesses.items():
                if _has_path(item.data, sub):
                    guesses.append(Guess(f"{path}.{sub}", line, snippet, reason))
            for name in _missing_fields(item.data):
                missing.append(Missing(path, name))
        data = {"study": _ordered(self.study), "items": items_out}
        return Draft(data, tuple(guesses), tuple(missing), tuple(self.unplaced), self.source)


def extract_text(text: str, *, source: str = "") -> Draft:
    """Draft the reported-results YAML of a paper from its plain text.

    Parameters
    ----------
    text : str
        The paper as plain text (Indonesian or English; decimal comma or point).
    source : str
        The file name, used for ``study.id`` and the YAML header.

    Returns
    -------
    Draft
        ``data`` (the spec's mapping as far as the text allows), ``guesses`` (every value
        read, with line and snippet), ``missing`` (required fields the text did not give)
        and ``unplaced`` (numbers recognised but not placed in an item).
    """
    return _Extractor(str(text), source).draft()
