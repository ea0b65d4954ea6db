"""Best-effort extraction of a paper's printed results into a draft reported-results file.

Like statcheck, but for the tables and sentences of Indonesian midwifery papers: the plain
text of a paper (Indonesian or English) is read line by line (lines as
``str.splitlines`` counts them), tables pasted as text (tab- or wide-space-separated rows,
or one cell per line as PDF converters write them) and sentences are recognised, and a
draft of the YAML of ``shared/spec/reported-results.md`` is built. Nothing is invented:
a value that the text does not give is left out, and an item whose required fields are
missing is still drafted and named in :attr:`Draft.missing`. Every value read from the
text is a :class:`Guess` that points to its line and the exact snippet, so that
:meth:`Draft.to_yaml` can write a comment after it for the user to confirm.

Examples
--------
>>> d = extract_text("Hasil uji Wilcoxon: Z = -3,434; p = 0,001.")
>>> d.data["items"][0]["z"], d.data["items"][0]["p"]
('-3,434', '0,001')
>>> [m.field for m in d.missing]
['study.design', 'negative_ranks', 'positive_ranks']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from laktasi.errors import LaktasiInputError
from laktasi.report.numbers import check_lang
from laktasi.report.words_extract import extract_words, has_words

from .printed import Printed, parse_printed
from .schema import ITEM_FIELDS

__all__ = ["Draft", "Guess", "Mention", "Missing", "extract_text"]

# length-preserving clean-up, so that a span in the cleaned line is the same span in the
# printed line: non-breaking spaces, unicode minus, OCR's Greek rho for p
_CLEAN = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\ufeff": " ",
                        "\u2212": "-", "\u2012": "-", "ρ": "p", "Ρ": "P", "\u00b2": "2"})
_NUM = r"[-+]?(?:[0-9]{1,9}(?:[.,][0-9]{1,9})?|[.,][0-9]{1,9})"
_RE_NUM = re.compile(rf"^(?P<num>{_NUM})\s*(?:\^\s*)?(?:[a-e](?![a-z]))?$")
_RE_COUNT = re.compile(r"^(?P<n>[0-9]{1,9})\s*(?:\^\s*)?(?:[a-e](?![a-z]))?"
                       r"(?:\s*\((?![^)]*%)[^()]*\))?$")
_RE_PCT = re.compile(r"^(?P<pct>[0-9]{1,3}(?:[.,][0-9]{1,4})?\s*%?)$")
_RE_NPCT = re.compile(r"^(?P<n>[0-9]{1,9})\s*\(\s*(?P<pct>[0-9]{1,3}(?:[.,][0-9]{1,4})?\s*%?)"
                      r"\s*\)$")
_RE_MEANSD = re.compile(rf"^(?P<mean>{_NUM})\s*(?:±|\+/-|\+-)\s*(?P<sd>{_NUM})$")
_RE_ROWNO = re.compile(r"^[0-9]{1,2}\.?$")
_RE_SPACED_ROW = re.compile(r"^(?P<label>[^\W\d][^\t]{0,50}?)\s+(?P<n>[0-9]{1,6})\s*"
                            r"(?:\(\s*(?P<p1>[0-9]{1,3}(?:[.,][0-9]{1,4})?\s*%?)\s*\)|"
                            r"(?P<p2>[0-9]{1,3}(?:[.,][0-9]{1,4})?\s*%))\s*$")
_RE_CAPTION = re.compile(r"^\s*(?:tabel|table)\.?\s*(?P<no>[0-9]{1,2}(?:\.[0-9]{1,2})?)",
                         re.I)
_RE_P = re.compile(r"(?<![A-Za-z])(?:nilai\s+)?(?:p|sig)(?:[\s-]*value)?(?![A-Za-z])\.?"
                   r"(?:\s*\(2-tailed\))?[*_\s$]*(?:sebesar|adalah|yaitu|of|was|is|=|:)?"
                   r"[\s$]*(?P<val>(?:[<>≤≥]=?\s*|=\s*)?[0-9]{0,3}[.,][0-9]{1,6})(?![0-9])",
                   re.I)
_RE_STATS = {
    "z": re.compile(rf"(?<![A-Za-z])[Zz](?:\s*(?:hitung|value|score|=|:|sebesar|adalah))*"
                    rf"\s*(?P<val>{_NUM})(?![0-9])"),
    "t": re.compile(rf"(?<![A-Za-z])t(?:\s*hitung)?\s*(?:\(\s*(?P<df>[0-9]{{1,5}})\s*\))?"
                    rf"\s*[=:]\s*(?P<val>{_NUM})(?![0-9])"),
    "chi": re.compile(rf"(?:χ2|χ\^2|X2|chi[- ]?square|chi[- ]?kuadrat|kai[- ]?kuadrat)"
                      rf"\s*(?:hitung)?\s*(?:\(\s*(?P<df>[0-9]{{1,3}})[^)]{{0,12}}\))?"
                      rf"\s*[=:]\s*(?P<val>{_NUM})(?![0-9])", re.I),
    "u": re.compile(rf"(?<![A-Za-z])U\s*[=:]\s*(?P<val>{_NUM})(?![0-9])"),
}
_TEST_WORDS = (  # (test name of the spec, pattern); first match wins
    ("mcnemar", r"mc\s?nemar"), ("fisher", r"fisher"), ("mann-whitney", r"mann[- ]?whitney"),
    ("wilcoxon", r"wilcoxon"), ("chi-square", r"chi[- ]?square|chi[- ]?kuadrat|kai[- ]?kuadrat|χ"),
    ("paired-t", r"paired[- ]?(?:samples?[- ])?t|uji t berpasangan|t[- ]test berpasangan|"
                 r"dependent t|t dependen|paired samples"),
    ("independent-t", r"independent[- ]?(?:samples?[- ])?t|t independen|uji t tidak berpasangan"),
    ("t", r"(?<![a-z])(?:uji t|t[- ]?test|uji-t)(?![a-z])"),
)
_RE_CITED = re.compile(r"\([A-Z][^()]{0,80}?\b(?:19|20)[0-9]{2}[a-z]?\)|"
                       r"\b[A-Z][a-z]+ (?:et al\.?|dkk\.?)?\s*\((?:19|20)[0-9]{2}\)|"
                       r"\bet\.?,? al", re.S)
_RE_REFS = re.compile(r"^\s*(?:daftar pustaka|references|referensi|bibliography|kepustakaan)\s*$",
                      re.I)
_RE_SAMPLE = re.compile(r"\b(?:sampel|sample)\b[^.;]{0,60}?(?<![0-9.,])(?P<n>[0-9]{1,5})\s+"
                        r"(?:responden|respondents?|ibu|orang|mothers?|subjects?|participants?"
                        r"|women|pasien|patients?)\b|(?<![A-Za-z])[nN]\s*=\s*(?P<n2>[0-9]{1,5})"
                        r"(?![0-9.,])", re.I)
_DESIGNS = (  # (design, pattern, reason); the earliest explicit mention wins
    ("nonequivalent-control-pretest-posttest",
     r"non[- ]?equivalent|non[- ]?ekuivalen|nonekivalen", ""),
    ("one-group-pretest-posttest", r"one[- ]group|satu kelompok|single[- ]group|"
                                   r"kelompok tunggal", ""),
    ("two-group-posttest", r"post[- ]?test[- ]only|posttest saja", ""),
)
_GROUP_WORDS = re.compile(r"^(?:kelompok\s+)?(kontrol|control|eksperimen\w*|experiment\w*|"
                          r"intervensi|intervention|perlakuan|treatment|kasus|case)\b", re.I)
_PRE = re.compile(r"\b(pre[- ]?test|pretest|sebelum|before|pre)\b", re.I)
_POST = re.compile(r"\b(post[- ]?test|posttest|sesudah|setelah|after|post)\b", re.I)
_ROLES = (  # (role, pattern on a lower-case header cell)
    ("se", r"std\.? error|standard error|s\.?e\.?m?$"),
    ("mean_rank", r"mean rank|rata-rata (?:rank|peringkat)"),
    ("sum", r"sum of ranks|jumlah (?:rank|peringkat)"),
    ("meansd", r"±|mean ?\+/?- ?sd"),
    ("mean", r"^(?:mean|rerata|rata-rata|rata rata|average|x̄)$"),
    ("sd", r"^(?:std\.?|s\.?d\.?|s\.?b\.?|standar|standard)|deviasi|deviation|simpangan"),
    ("min", r"^min(?:imum|\.)?$"), ("max", r"^(?:max|maks)(?:imum|imal|\.)?$"),
    ("pct", r"%|persen|presentase|prosentase|percent|persentase"),
    ("n", r"^(?:n|f|frek\w*|freq\w*|jumlah)(?:\s*\((?:n|f|orang)\))?$"),
    ("z", r"^z$"), ("t", r"^t(?: hitung)?$"), ("df", r"^df$"), ("u", r"^(?:mann-whitney )?u$"),
    ("p", r"^(?:p|p[- ]?value|nilai p|sig\.?.*|asymp.*|p value)$"),
)
_STAT_LABELS = (  # key-value rows of SPSS's Test Statistics and of sentences in tables
    ("u", r"^mann-whitney u$|^u$"), ("w", r"^wilcoxon w$"), ("z", r"^z$"),
    ("t", r"^t$"), ("p", r"asymp|exact sig|^sig|p[- ]?value|nilai p|^p$"),
)


@dataclass(frozen=True)
class Guess:
    """A value read from the text: its YAML path, 1-based line, exact snippet and why."""

    path: str
    line: int
    snippet: str
    reason: str


@dataclass(frozen=True)
class Missing:
    """A required field that the text did not give (path of the item or ``study``)."""

    path: str
    field: str


@dataclass(frozen=True)
class Mention:
    """A number in the text that was recognised but not placed in any item."""

    line: int
    snippet: str
    what: str


@dataclass(frozen=True)
class Draft:
    """The drafted reported-results file and what the user must check or complete."""

    data: Mapping[str, Any]
    guesses: tuple[Guess, ...] = ()
    missing: tuple[Missing, ...] = ()
    unplaced: tuple[Mention, ...] = ()
    source: str = ""

    def to_yaml(self, lang: str = "id") -> str:
        """The draft as YAML, a comment after every guessed value and missing part."""
        return _Emitter(self, lang).render()


# ---------------------------------------------------------------------------- cells / rows


@dataclass
class _Cell:
    text: str  # cleaned and stripped
    line: int
    raw: str  # the printed text of the cell's line (stripped), for the snippet


@dataclass
class _Row:
    cells: list[_Cell]  # every cell, empty ones included (they keep the columns)
    line: int

    def filled(self) -> list[_Cell]:
        return [c for c in self.cells if c.text]


def _split(line: str) -> list[str] | None:
    """Cells of a table line, or None for a line of prose (or a table caption)."""
    if _RE_CAPTION.match(line):
        return None
    if "\t" in line:
        return line.split("\t")
    if len(line) <= 100 and re.search(r"\S {2,}\S", line):
        cells = re.split(r" {2,}", line)
        filled = [c.strip() for c in cells if c.strip()]
        if len(filled) >= 3 or any(_is_numeric(c) for c in filled):
            return cells
    return None


def _events(raw_lines: list[str]) -> list[tuple[str, Any]]:
    """("row", _Row) | ("prose", (line_no, cleaned, raw)) | ("blank", line_no), in order.

    A run of lines that each start with a tab and hold at most one cell (one cell per line,
    as PDF converters write tables) is one row, ended by a blank line."""
    out: list[tuple[str, Any]] = []
    block: list[_Cell] = []

    def flush() -> None:
        if block and any(c.text for c in block):
            out.append(("row", _Row(list(block), block[0].line)))
        block.clear()

    for i, raw in enumerate(raw_lines, start=1):
        line = raw.translate(_CLEAN)
        if not line.strip():
            if block and line.startswith("\t"):
                block.append(_Cell("", i, ""))
                continue
            flush()
            out.append(("blank", i))
            continue
        parts = _split(line)
        if parts is not None and line.startswith("\t") and sum(1 for p in parts if p.strip()) <= 1:
            block.append(_Cell(line.strip(), i, raw.strip()))
            continue
        flush()
        if parts is not None and sum(1 for p in parts if p.strip()) >= 2:
            out.append(("row", _Row([_Cell(p.strip(), i, raw.strip()) for p in parts], i)))
            continue
        m = _RE_SPACED_ROW.match(line.strip())
        if m and not re.search(r"[.,;:]\s", m["label"]):
            pct = m["p1"] or m["p2"]
            out.append(("row", _Row([_Cell(m["label"].strip(), i, raw.strip()),
                                     _Cell(m["n"], i, raw.strip()),
                                     _Cell(pct, i, raw.strip())], i)))
            continue
        out.append(("prose", (i, line, raw)))
    flush()
    return out


def _num(text: str) -> str | None:
    m = _RE_NUM.match(text)
    return m["num"] if m else None


def _count(text: str) -> int | None:
    m = _RE_COUNT.match(text)
    return int(m["n"]) if m else None


def _is_numeric(text: str) -> bool:
    return bool(_RE_NUM.match(text) or _RE_COUNT.match(text) or _RE_PCT.match(text)
                or _RE_NPCT.match(text) or _RE_MEANSD.match(text))


def _role(text: str) -> str | None:
    low = text.lower().strip()
    if not low:
        return None
    for role, pat in _ROLES:
        if re.search(pat, low):
            return role
    return None


def _test_of(text: str) -> str | None:
    low = text.lower()
    for name, pat in _TEST_WORDS:
        if re.search(pat, low):
            return name
    return None


def _printed(text: str) -> Printed | None:
    try:
        return parse_printed(text.strip())
    except LaktasiInputError:
        return None


def _same(a: object, b: object) -> bool:
    """Do two printed numbers read the same (same value, same decimals)?"""
    pa, pb = _printed(str(a)), _printed(str(b))
    return pa is not None and pb is not None and (pa.value, pa.decimals) == (pb.value, pb.decimals)


def _overlap(a: object, b: object) -> bool:
    """Could two printed p values show the same p (e.g. "<0,005" and "0,004")?"""
    pa, pb = _printed(str(a)), _printed(str(b))
    if pa is None or pb is None:
        return False
    return _same(a, b) or pa.overlaps(pb) or (pa.low == pb.low and pa.high == pb.high)


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:24].strip("-") or "x"


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


class _Extractor:
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
        for kind, ev in _events(self.raw_lines):
            if kind == "blank":
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
                self.close(table)
                table = _Table()
                after_caption = False
                self.read_prose(i, line, raw)
                continue
            if refs:
                continue
            after_caption = False
            self.read_row(table, ev)
        self.close(table)

    @staticmethod
    def _has_numbers(s: str) -> bool:
        return bool(_RE_P.search(s) or re.search(r"[0-9][.,][0-9]", s))

    def read_row(self, table: _Table, row: _Row) -> None:
        filled = row.filled()
        if not filled:
            return
        numeric = [c for c in filled if _is_numeric(c.text)]
        if not numeric:
            roles = [_role(c.text) for c in row.cells]
            if sum(r is not None for r in roles) >= 2 or (
                    any(roles) and any(c.text.lower().startswith("no") for c in filled)):
                if self._header_repeats(table, row):
                    table.continued = True
                    return
                self.close_groups(table)
                table.header = row.cells
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
        elif not table.freq or "total" in table.freq[-1]:
            table.freq.append({"variable": [table.variable] if table.variable else [], "rows": []})
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
        for key, cell, test in table.kv:
            value = _num(cell.text)
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
        time = None
        first = table.header[0].text if table.header else ""
        for text in (first, table.caption.text if table.caption else ""):
            if time is None and text:
                time = "pre" if _PRE.search(text) else "post" if _POST.search(text) else None
        for (_row, _cells, labels), vals in zip(rows, values, strict=True):
            hint = labels[-1].text if labels else "deskriptif"
            item = self.new_item(table, "descriptives", hint)
            if labels:
                item.put("variable", labels[-1].text, labels[-1])
            if time is not None:
                src = table.header[0] if table.header and (_PRE.search(first) or _POST.search(first)) \
                    else table.caption
                item.put("time", time, src, "header-cell")
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
    def close(self, table: _Table) -> None:
        self.close_groups(table)
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

    # ------------------------------------------------------------------ prose
    def read_prose(self, i: int, line: str, raw: str) -> None:
        cited_par = bool(_RE_CITED.search(line))
        for start, end in _sentences(line):
            sent = line[start:end]
            stats = []
            for key, pat in _RE_STATS.items():
                for m in pat.finditer(sent):
                    stats.append((m.start(), key, m))
            stats.sort(key=lambda s: s[0])
            ps = list(_RE_P.finditer(sent))
            test = _test_of(sent)
            if cited_par:
                for m in ps:
                    self.unplaced.append(Mention(i, raw[start + m.start():start + m.end()], "cited"))
                continue
            p_match = next((m for m in ps if not re.match(r"[<>≤≥]", m["val"].lstrip("= "))),
                           ps[0] if ps else None)
            used = False
            if stats:
                _, key, sm = stats[0]
                used = self._prose_stat(i, raw, start, key, sm, p_match, test)
            elif p_match is not None and test is not None:
                used = self._prose_test(i, raw, start, test, p_match)
            for m in ps:
                if used and m is p_match:
                    continue
                self.unplaced.append(Mention(i, raw[start + m.start():start + m.end()], "p-value"))
            for m in re.finditer(rf"(?P<mean>{_NUM})\s*±\s*(?P<sd>{_NUM})", sent):
                if not re.search(r"[.,]", m["mean"] + m["sd"]):
                    continue
                item = self.new_item(None, "descriptives", "mean-sd")
                snip = (i, raw[start + m.start():start + m.end()])
                item.put("mean", m["mean"], snip, "prose")
                item.put("sd", m["sd"], snip, "prose")

    def _prose_stat(self, i: int, raw: str, start: int, key: str, sm: re.Match[str],
                    p_match: re.Match[str] | None, test: str | None) -> bool:
        value = sm["val"]
        snip = (i, raw[start + sm.start():start + sm.end()])
        p = _p_text(p_match["val"]) if p_match else None
        psnip = (i, raw[start + p_match.start():start + p_match.end()]) if p_match else None
        field_of = {"z": "z", "t": "t", "u": "u", "chi": "statistic"}
        for item in self.items:
            fld = field_of[key]
            if fld in item.data and _same(item.data[fld], value):
                if p is None:
                    return False
                if "p" not in item.data:
                    item.put("p", p, psnip, "prose")
                    return True
                if _overlap(item.data["p"], p):
                    return True
                val = self.new_item(None, "value", f"p-{item.stem}")
                val.data["name"] = f"p, {item.stem}"
                here = f"line {i}"
                there = item.data.get("source") or item.stem
                val.put(f"printed.{here}", p, psnip, "prose")
                line, snippet, _ = item.guesses.get("p", (0, "", ""))
                val.put(f"printed.{there}", item.data["p"], (line, snippet))
                return True
        if key == "z":
            kind = "rank-two-group" if test == "mann-whitney" else "wilcoxon"
        elif key == "u":
            kind = "rank-two-group"
        elif key == "t":
            kind = "paired-means"
        else:
            kind = "paired-binary"
        item = self.new_item(None, kind, f"{test or key}-line-{i}")
        item.put(field_of[key] if kind != "rank-two-group" or key != "chi" else "z", value, snip,
                 "prose")
        if kind == "paired-means":
            claimed = test if test in ("paired-t", "independent-t") else (
                "paired-t" if self.design == "one-group-pretest-posttest" else None)
            if claimed:
                item.put("claimed_test", claimed, snip, "test-inferred")
        elif kind == "paired-binary":
            item.put("claimed_test", test if test in ("mcnemar", "fisher", "chi-square")
                     else "chi-square", snip, "test-inferred")
        elif kind == "rank-two-group":
            item.data["claimed_test"] = "mann-whitney"
        else:
            item.data["claimed_test"] = "wilcoxon"
        if p is not None:
            item.put("p", p, psnip, "prose")
        return p is not None

    def _prose_test(self, i: int, raw: str, start: int, test: str, p_match: re.Match[str]) -> bool:
        p = _p_text(p_match["val"])
        psnip = (i, raw[start + p_match.start():start + p_match.end()])
        family = {"t": ("paired-t", "independent-t", "welch-t")}.get(test, (test,))
        for item in self.items:
            claimed = item.data.get("claimed_test") or (
                "wilcoxon" if item.data["kind"] == "wilcoxon" else None)
            if claimed in family or (test == "t" and item.data["kind"] == "paired-means"):
                if "p" in item.data and _overlap(item.data["p"], p):
                    return True
        if test in ("mcnemar", "fisher", "chi-square"):
            item = self.new_item(None, "paired-binary", f"{test}-line-{i}")
            item.put("claimed_test", test, psnip, "test-inferred")
            item.put("p", p, psnip, "prose")
            return True
        return False

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


def source_name(source: str) -> str:
    return re.split(r"[/\\]", source)[-1] if source else ""


def _is_total(text: str) -> bool:
    return bool(re.match(r"^(?:total|jumlah|sum)\b", text.strip(), re.I))


def _cell_at(row: _Row, j: int) -> _Cell | None:
    if 0 <= j < len(row.cells) and row.cells[j].text:
        return row.cells[j]
    return None


def _caption_group(caption: _Cell | None) -> tuple[str, _Cell] | None:
    if caption is None:
        return None
    m = re.search(r"kelompok\s+(kontrol|eksperimen\w*|intervensi|perlakuan)|"
                  r"(control|experimental|intervention) group", caption.text, re.I)
    if not m:
        return None
    return (m[1] or m[2]).lower(), caption


def _p_text(val: str) -> str:
    return re.sub(r"\s+", "", val.lstrip("= ").strip())


def _sentences(line: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z*])", line):
        if re.search(r"\b(?:asymp|sig|std|al|dkk|no|vol|exact)\.$", line[:m.start()], re.I):
            continue  # an abbreviation, not the end of a sentence
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(line)))
    return out


_ORDER = ("id", "kind", "source", "title", "design", "alpha", "variable", "group", "time",
          "categories", "n", "rows", "total", "negative_ranks", "positive_ranks", "ties",
          "groups", "pre", "post", "mean", "sd", "min", "max", "claimed_test", "statistic",
          "t", "u", "w", "z", "p", "name", "printed")


def _ordered(d: dict[str, Any]) -> dict[str, Any]:
    keys = sorted(d, key=lambda k: (_ORDER.index(k) if k in _ORDER else len(_ORDER), k))
    return {k: d[k] for k in keys}


def _has_path(data: Any, path: str) -> bool:
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
    return out


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


# ---------------------------------------------------------------------------- YAML writer

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


class _Emitter:
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
