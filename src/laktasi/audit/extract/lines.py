"""Line cleaning and cells: the printed text split into table rows and prose, and
the small readers of one cell (a count, a percentage, a printed number, a header role)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from laktasi.errors import LaktasiInputError

from ..printed import Printed, parse_printed

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
_RE_CAPTION = re.compile(r"^\s*(?:tabel|table)\.?\s*(?P<no>[0-9]{1,2}(?:\.[0-9]{1,2})?)",
                         re.I)
_RE_P = re.compile(r"(?<![A-Za-z])(?:nilai\s+)?(?:p|sig)(?:[\s-]*value)?(?![A-Za-z])\.?"
                   r"(?:\s*\(2-tailed\))?[*_\s$]*(?:sebesar|adalah|yaitu|of|was|is|=|:)?"
                   r"[\s$]*(?P<val>(?:[<>≤≥]=?\s*|=\s*)?[0-9]{0,3}[.,][0-9]{1,6})(?![0-9])",
                   re.I)
_RE_STATS = {
    "z": re.compile(rf"(?<![A-Za-z_])[Zz](?:\s*(?:hitung|value|score|=|:|sebesar|adalah))*"
                    rf"\s*(?P<val>{_NUM})(?![0-9])"),
    "t": re.compile(rf"(?<![A-Za-z_])t(?:\s*hitung)?\s*(?:\(\s*(?P<df>[0-9]{{1,5}})\s*\))?"
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
    ("one-group-pretest-posttest", r"one[- ]group|(?<!setidaknya )(?<!salah )satu kelompok"
                                   r"(?!\s*(?:pun|saja|lain|dari|\.))|single[- ]group|"
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
    weak: bool = False  # single-spaced, no "%": a row only inside a table
    spaced: bool = False  # single-spaced: the numbers follow the label in column order

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


def _value_line(s: str) -> bool:
    s = s.strip()
    return bool(s) and (s in _DASHES or _run_value(s) or bool(re.fullmatch(
        rf"[<>≤≥]=?\s*{_NUM}", s)))


def _column_tables(clean: list[str], raw: list[str]) -> tuple[dict[int, list[_Row]], set[int]]:
    """Tables that ``pdftotext`` (without ``-layout``) writes column by column: after a
    caption, a block of labels, then one block per column (its header, then one value per
    line), blocks separated by blank lines. Returns the rows to emit at a line (1-based)
    and the lines they replace."""
    rows_at: dict[int, list[_Row]] = {}
    used: set[int] = set()
    n = len(clean)
    k = 0
    while k < n:
        if not _RE_CAPTION.match(clean[k].strip()):
            k += 1
            continue
        blocks: list[list[int]] = []  # 0-based line indexes
        j, cur = k, []
        while j < n:
            s = clean[j].strip()
            if not s:
                if cur:
                    blocks.append(cur)
                    cur = []
                j += 1
                continue
            if j > k and (_RE_CAPTION.match(s) or (blocks and (len(s) > 60 or s.endswith(".")))):
                break
            cur.append(j)
            j += 1
        if cur:
            blocks.append(cur)
        tabbed = any(raw[x].startswith("\t") or "\t" in raw[x].strip() or "  " in raw[x].strip()
                     for b in blocks for x in b)  # one cell per line with tabs, or a layout
        table = None if tabbed else _column_table(blocks, clean, raw)
        if table is not None:
            first, rows, consumed = table
            rows_at[first + 1] = rows
            used |= {c + 1 for c in consumed}
        k = max(j, k + 1)
    return rows_at, used


def _column_table(blocks: list[list[int]], clean: list[str], raw: list[str]
                  ) -> tuple[int, list[_Row], list[int]] | None:
    values: list[tuple[list[int], list[int]]] = []  # (head lines, value lines) per column
    labels_at = None
    for b, block in enumerate(blocks):
        head = [x for x in block if not _value_line(clean[x])]
        vals = [x for x in block if _value_line(clean[x])]
        if vals and head == block[:len(head)] and len(head) <= 3 and all(
                len(clean[x].strip()) <= 30 for x in head):
            values.append((head, vals))
        elif values:
            break
        elif not vals:
            labels_at = b
    if labels_at is None or not values or len(values) + 1 < 2:
        return None
    m = max(len(v) for _, v in values)
    if m < 1 or any(len(v) > m for _, v in values):
        return None
    block = blocks[labels_at]
    if len(block) < m + 1 and labels_at == 0:
        return None
    labels = block[-m:]
    before = block[:-m]
    head_label = None
    # a column header printed above the labels ("N" of a Ranks table) belongs to the first
    # column that has none; the line just above the labels is the label column's header
    roles = [x for x in before if _role(clean[x].strip())]
    for x in roles:
        col = next((c for c in values if not c[0]), None)
        if col is not None:
            col[0].append(x)
    rest = [x for x in before if x not in roles]
    if (rest and labels_at > 0) or (rest and len(rest) >= 2):
        head_label = rest[-1]

    def cell(x: int | None, text: str | None = None) -> _Cell:
        if x is None:
            return _Cell("", 0, "")
        s = clean[x].strip() if text is None else text
        return _Cell("" if s in _DASHES else s, x + 1, raw[x].strip())

    header = [cell(head_label)] + [
        _Cell(" ".join(clean[x].strip() for x in h), h[0] + 1, raw[h[0]].strip()) if h
        else _Cell("", 0, "") for h, _ in values]
    rows = [_Row(header, labels[0] + 1)] if any(c.text for c in header[1:]) else []
    for r, x in enumerate(labels):
        cells = [cell(x)] + [cell(v[r]) if r < len(v) else _Cell("", 0, "") for _, v in values]
        rows.append(_Row(cells, x + 1))
    consumed = [x for b in blocks[1:labels_at + 1] for x in b] + [
        x for h, v in values for x in h + v] + labels + ([head_label] if head_label is not None
                                                         else []) + roles
    first = min(consumed)
    return first, rows, sorted(set(consumed))


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

    clean_lines = [raw.translate(_CLEAN) for raw in raw_lines]
    rows_at, used = _column_tables(clean_lines, raw_lines)
    for i, raw in enumerate(raw_lines, start=1):
        line = clean_lines[i - 1]
        if i in used:
            flush()
            out += [("row", row) for row in rows_at.get(i, [])]
            continue
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
            out.append(("row", _Row([_Cell("" if p.strip() in _DASHES else p.strip(), i,
                                           raw.strip()) for p in parts], i)))
            continue
        cells = _spaced_cells(line)
        if cells is not None:
            snip = raw.strip()
            weak = not any("%" in c for c in cells) and not _stat_label_row(cells)
            out.append(("row", _Row([_Cell(c, i, snip) for c in cells], i, weak=weak,
                                    spaced=True)))
            continue
        out.append(("prose", (i, line, raw)))
    flush()
    return out


def _num(text: str) -> str | None:
    m = _RE_NUM.match(text)
    return m["num"] if m else None


def _p_num(text: str) -> str | None:
    """A p as printed in a table cell: "0,001", "< 0,001" (kept as "<0,001")."""
    m = re.fullmatch(rf"(?P<op>[<>≤≥]=?)\s*(?P<num>{_NUM})", text.strip())
    return f"{m['op']}{m['num']}" if m else _num(text)


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


# ---------------------------------------------------------------------------- single spaces
# Text copied out of a PDF viewer (and pdfplumber's or pypdf's text) separates cells by one
# space: "<20 tahun 3 9,4 %", "1 < 20 tahun 2 8.0", "S1 0 0", "Total 40 100",
# "Produksi ASI Intervensi 16 20,50 328,00". Such a line is a label followed by a run of
# numbers; a dash in the run is an empty cell.

_DASHES = {"-", "–", "—"}
_OPERATORS = {"<", ">", "≤", "≥", "<=", ">="}


def _tokens(line: str) -> list[str]:
    toks: list[str] = []
    for tok in line.split():
        if toks and toks[-1] in _OPERATORS and _RE_NUM.match(tok) and not re.search(
                r"[^\W\d_]", " ".join(toks[:-1])[-1:] or "x") and len(toks) > 1 and \
                re.search(r"sig|p\b|value|\)$", " ".join(toks[:-1]), re.I):
            toks[-1] = f"{toks[-1]} {tok}"  # "Exact Sig. (2-tailed) < 0,001"
        elif tok == "%" and toks:
            toks[-1] += "%"
        elif re.fullmatch(r"\(\s*[0-9]{1,3}(?:[.,][0-9]{1,4})?\s*%?\s*\)", tok) and toks \
                and _RE_COUNT.match(toks[-1]):
            toks[-1] = f"{toks[-1]} {tok}"  # "16 (47,1%)"
        else:
            toks.append(tok)
    return toks


def _run_value(tok: str) -> bool:
    return tok in _DASHES or bool(_RE_NUM.match(tok) or _RE_PCT.match(tok)
                                  or _RE_NPCT.match(tok) or re.fullmatch(rf"[<>≤≥]=? {_NUM}", tok))


def _spaced_cells(line: str) -> list[str] | None:
    """Cells of a single-spaced table row (label, then one cell per number), or None."""
    s = line.strip()
    if not s or len(s) > 120 or _RE_CAPTION.match(s):
        return None
    toks = _tokens(s)
    k = len(toks)
    while k > 0 and _run_value(toks[k - 1]):
        k -= 1
    label, run = toks[:k], toks[k:]
    lead = None
    if label and _RE_ROWNO.match(label[0]) and len(label) > 1:
        lead = label.pop(0)  # "1 < 20 tahun 2 8.0": a row number
    elif not label and len(run) >= 3 and _RE_ROWNO.match(run[0]):
        return None
    if label and all(t in _OPERATORS for t in label) and run:
        label.append(run.pop(0))  # "> 35 3 9,4": the label ends with a number
    if not label or not run or all(t in _DASHES for t in run):
        return None
    text = " ".join(label)
    if len(run) == 1 and _stat_label_row([text, run[0]]):
        return [text, run[0]]  # "Z -3,434", "Asymp. Sig. (2-tailed) 0,001"
    if (len(text) > 60 or len(label) > 8 or re.search(r"[.,;:]\s|[=]", re.sub(r"\([^()]*\)", "",
                                                                              text))
            or not re.search(r"[^\W\d_]|^[<>≤≥]", text)):
        return None
    if len(run) == 1 and not (_RE_NPCT.match(run[0]) or re.match(
            r"^(?:total|jumlah|ties|sama)\b", text, re.I)):
        return None
    if len(run) > 8:
        return None
    cells = ([lead] if lead else []) + [text] + ["" if t in _DASHES else t for t in run]
    return cells


def _stat_label_row(cells: list[str]) -> bool:
    """A key-value row of a Test Statistics table ("Z", "Asymp. Sig. (2-tailed)")."""
    if len(cells) != 2 or _RE_NUM.match(re.sub(r"^[<>≤≥]=?\s*", "", cells[1])) is None:
        return False
    low = cells[0].lower().strip()
    return bool(re.search(r"^(?:mann-whitney u|wilcoxon w|z|t|u|p|p[- ]?value|nilai p|"
                          r"asymp\.? sig\.?.*|exact sig\.?.*|sig\.? \(2-tailed\))$", low))


_HEADER_PHRASES = 4
_PHRASES = {"std. deviation", "std. deviasi", "std deviasi", "std deviation", "standar deviasi",
            "standard deviation", "simpangan baku", "std. error", "std. error mean",
            "std. error of mean", "mean rank", "sum of ranks", "p value", "nilai p",
            "asymp. sig. (2-tailed)", "exact sig. (2-tailed)", "mean ± sd", "mean +/- sd",
            "rata-rata rank", "rata-rata peringkat", "jumlah rank", "jumlah peringkat"}


def _header_cells(text: str) -> list[str] | None:
    """Cells of a single-spaced header line ("Variabel Kategori Frekuensi (n) Persentase (%)",
    "N Mean Sum of Ranks", "Kategori f % f %"), or None when fewer than two cells have a
    role or the line holds numbers."""
    toks = text.split()
    if not toks or len(toks) > 16 or any(_RE_NUM.match(t) and not re.fullmatch(r"[0-9]", t)
                                         for t in toks):
        return None
    low = [t.lower() for t in toks]
    if "sum" in low and "mean" in low and (any(t.startswith("rank") for t in low) or (
            "n" in low and low.index("n") < low.index("mean") < low.index("sum"))):
        lead = toks[:low.index("n")] if "n" in low else toks[:min(low.index("mean"),
                                                                    low.index("sum"))]
        return [" ".join(lead)] * bool(lead) + ["N", "Mean Rank", "Sum of Ranks"] if "n" in low \
            else [" ".join(lead)] * bool(lead) + ["Mean Rank", "Sum of Ranks"]
    merged: list[str] = []
    for tok in toks:  # "(n)", "(%)", "(2-tailed)" belong to the word before
        if re.fullmatch(r"\([^()]{1,12}\)", tok) and merged:
            merged[-1] += " " + tok
        else:
            merged.append(tok)
    cells: list[str] = []
    label: list[str] = []
    roles = 0
    i = 0
    while i < len(merged):
        size = next((k for k in range(min(_HEADER_PHRASES, len(merged) - i), 1, -1)
                     if " ".join(merged[i:i + k]).lower() in _PHRASES), 1)
        phrase = " ".join(merged[i:i + size])
        if _role(phrase):
            if label:
                cells.append(" ".join(label))
                label = []
            cells.append(phrase)
            roles += 1
        else:
            label.append(phrase)
        i += size
    if label:
        cells.append(" ".join(label))
    return cells if roles >= 2 else None
