"""A generated corpus to measure ``laktasi extract`` and ``laktasi audit`` on (issue 13).

    python benchmarks/extract_corpus.py --part dev     # the part used while developing
    python benchmarks/extract_corpus.py --part held    # the held-back part: measured once

Papers are laktasi's own results chapters of random studies: the three example designs
(one group with counts and Wilcoxon, one group with a binary outcome and McNemar, two
groups with continuous outcomes, paired t and Mann-Whitney), each example's data resampled
with noise to a random n, in Indonesian and English. Every chapter is

* rendered to .docx by laktasi, its font and table style changed, turned into a PDF by
  LibreOffice (``soffice --headless --convert-to pdf``) and read back two ways: the PDF
  path of ``laktasi extract paper.pdf`` (:func:`laktasi.audit.extract.extract_file`) and
  ``pdftotext`` with and without ``-layout`` (and pypdf, the other candidate library);
* written as text in the layouts of papers copied out of a PDF viewer (tabs, single
  spaces, numbered rows, percentages printed apart or without %, wide columns).

The parts differ in seeds, text layouts and PDF styles; nothing of the held-back part was
run while the extractor was developed. The printed numbers that the reported-results
format can hold (frequency n and %, N, mean, SD, min, max, rank rows, Z, U, W, t, p of the
tests, pre/post counts of a binary outcome) are the truth; a number counts as recovered
when a drafted item of the right kind holds it (as a multiset, value and decimals).

Errors are seeded into the printed numbers of copies of the papers: a wrong percentage, a
p that the printed Z cannot give, a chi-square on the paired before/after table. An error
is found when the audit of the draft (items still missing a field left out, the design
set as the user confirms it) reports it; clean papers must give no error finding.

Nothing is written into the repository: the papers live in a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import yaml

from laktasi.audit import AuditError, audit
from laktasi.audit.extract import extract_file, extract_text
from laktasi.audit.extract.files import reflow
from laktasi.audit.printed import parse_printed
from laktasi.errors import LaktasiInputError
from laktasi.pipeline import analyse_file, example_files
from laktasi.report.document import Document, Figure, Heading, Paragraph, TableBlock
from laktasi.report.renderers import render

EXAMPLES = {  # example -> design
    "amanda-oku-timur-2023": "one-group-pretest-posttest",
    "blooto-mojokerto-2021": "one-group-pretest-posttest",
    "kota-bengkulu-2018": "nonequivalent-control-pretest-posttest",
}
PARTS = {
    "dev": {"seeds": range(0, 4), "layouts": ("tabs", "copy", "numbered"),
            "pdf_styles": (("Liberation Serif", "horizontal"),)},
    "held": {"seeds": range(1000, 1004), "layouts": ("wide", "pctapart"),
             "pdf_styles": (("DejaVu Sans", "grid"), ("Liberation Sans", "rules"))},
}
ERRORS = ("wrong-percentage", "impossible-p", "chi-square-on-paired")
EXPECTED_CODE = {"wrong-percentage": "percent-mismatch", "impossible-p": "p-inconsistent",
                 "chi-square-on-paired": "test-design-mismatch"}


# ------------------------------------------------------------------ random studies

def random_data(example: str, seed: int, folder: Path) -> Path:
    """The example's rows resampled (per group) to a random n, numbers moved a little."""
    rng = np.random.default_rng(seed)
    src, study = example_files(example)
    spec = yaml.safe_load(study.read_text(encoding="utf-8"))
    outcome_cols = {o[k] for o in spec.get("outcomes", []) for k in ("pre", "post") if k in o}
    rows = list(csv.DictReader(src.open(encoding="utf-8")))
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r.get("kelompok", "")].append(r)
    out: list[dict] = []
    for members in groups.values():
        n = int(rng.integers(12, 31))
        for _ in range(n):
            r = dict(members[int(rng.integers(len(members)))])
            for key, value in r.items():
                if key not in outcome_cols:  # characteristics: resampled, bins kept
                    continue
                if re.fullmatch(r"-?\d+", value):
                    r[key] = str(max(0, int(value) + int(rng.integers(-1, 2))))
                elif re.fullmatch(r"-?\d+\.\d+", value):
                    r[key] = f"{max(0.0, float(value) + float(rng.normal(0, 0.3))):.1f}"
            out.append(r)
    for k, r in enumerate(out, 1):
        r["kode"] = f"R{k:02d}"
    path = folder / f"{example}-{seed}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(out)
    return path


def chapter(example: str, seed: int, lang: str, folder: Path) -> Document:
    data = random_data(example, seed, folder)
    _, study = example_files(example)
    _, doc = analyse_file(data, study, lang=lang, figures=False)
    return doc


# ------------------------------------------------------------------ truth

def _cells(block: TableBlock) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    return block.table.header, block.table.rows


def truth(doc: Document) -> Counter:
    """(kind, value) of every printed number the reported-results format can hold."""
    out: Counter = Counter()
    last_rank_kind = None

    def add(kind: str, text: str) -> None:
        text = text.strip()
        if not text or text in ("–", "-"):
            return
        m = re.fullmatch(r"(\d+) \(([\d.,]+)%\)", text)
        if m:
            add(kind, m[1])
            add("frequency", m[2])
            return
        try:
            out[(kind, _key(text))] += 1
        except LaktasiInputError:
            pass

    for block in doc.blocks:
        if not isinstance(block, TableBlock):
            continue
        header, rows = _cells(block)
        low = [h.lower() for h in header]
        if any("persentase" in h or "percent" in h for h in low):
            for r in rows:
                add("frequency", r[2])
                add("frequency", r[3])
        elif "mean rank" in low:
            wil = any(re.match(r"negative|positive", r[0], re.I) for r in rows)
            last_rank_kind = "wilcoxon" if wil else "rank-two-group"
            for r in rows:
                if not wil and re.match(r"total", r[0], re.I):
                    continue
                for cell in r[1:]:
                    add(last_rank_kind, cell)
        elif "mean" in low and "min" in low and "max" in low:
            for r in rows:
                for j, h in enumerate(low):
                    if h in ("n", "mean", "min", "max") or h.startswith("std"):
                        add("descriptives", r[j])
        elif len(header) == 2 and last_rank_kind is not None:
            for r in rows:
                if re.match(r"^(z|asymp\. sig\. \(2-tailed\)|mann-whitney u|wilcoxon w)$",
                            r[0], re.I):
                    add(last_rank_kind, r[1])
            last_rank_kind = None
        elif len(header) == 4 and rows and re.search(r"\(\d", rows[0][1]) and len(rows) == 2 \
                and not re.search(r":", rows[0][0]):
            for r in rows:  # Sebelum / Sesudah rows of a binary outcome
                add("paired-binary", r[1])
                add("paired-binary", r[2])
                add("frequency", r[3])
        elif len(header) == 2 and any(re.match(r"exact sig", r[0], re.I) for r in rows):
            for r in rows:
                if re.match(r"exact sig", r[0], re.I):
                    add("paired-binary", r[1])
        elif "t" in low and "df" in low:
            for r in rows:
                add("paired-means", r[low.index("t")])
                add("paired-means", r[len(low) - 1])
    return out


def _key(text: str) -> tuple[float, int]:
    p = parse_printed(re.sub(r"\s+", "", str(text)))
    return round(p.value, 6), p.decimals


def drafted(data: dict) -> Counter:
    out: Counter = Counter()

    def walk(kind: str, node, key=None) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(kind, v, k)
        elif isinstance(node, list):
            for v in node:
                walk(kind, v, key)
        elif key in NUMERIC and node is not None and not isinstance(node, bool):
            try:
                out[(kind, _key(node))] += 1
            except LaktasiInputError:  # a value the parser refuses: not a number
                pass

    for it in data["items"]:
        walk(it["kind"], {k: v for k, v in it.items() if k not in ("id", "kind")})
    return out


NUMERIC = {"n", "pct", "mean", "sd", "min", "max", "mean_rank", "sum", "z", "p", "t", "u",
           "w", "statistic", "ties", "pre", "post"}


# ------------------------------------------------------------------ seeded errors

def seed_error(doc: Document, error: str) -> Document | None:
    blocks = list(doc.blocks)
    if error == "wrong-percentage":
        for i, b in enumerate(blocks):
            header, rows = _cells(b) if isinstance(b, TableBlock) else ((), ())
            if any("persentase" in h.lower() or "percent" in h.lower() for h in header):
                r0 = list(rows[0])
                p = parse_printed(r0[3])
                r0[3] = f"{p.value + 7.5:.1f}".replace(".", "," if "," in r0[3] else ".")
                table = dataclasses.replace(b.table, rows=(tuple(r0), *rows[1:]))
                blocks[i] = dataclasses.replace(b, table=table)
                return dataclasses.replace(doc, blocks=tuple(blocks))
        return None
    if error == "impossible-p":
        for i, b in enumerate(blocks):
            header, rows = _cells(b) if isinstance(b, TableBlock) else ((), ())
            if len(header) == 2 and any(r[0] == "Z" for r in rows):
                zrow = next(r for r in rows if r[0] == "Z")
                z = abs(parse_printed(zrow[1].replace("−", "-")).value)
                new = "0,450" if z > 2.5 else "0,001"
                comma = "," in zrow[1]
                new = new if comma else new.replace("0,", ".")
                rows2 = tuple((r[0], new) if r[0].lower().startswith("asymp") else r for r in rows)
                blocks[i] = dataclasses.replace(b, table=dataclasses.replace(b.table, rows=rows2))
                # the sentence that repeats the p says the same wrong p
                for j in range(i + 1, min(i + 4, len(blocks))):
                    if isinstance(blocks[j], Paragraph):
                        text = re.sub(r"p = [.,\d]+", f"p = {new}", blocks[j].text, count=1)
                        blocks[j] = dataclasses.replace(blocks[j], text=text)
                return dataclasses.replace(doc, blocks=tuple(blocks))
        return None
    if error == "chi-square-on-paired":
        hit = False
        for i, b in enumerate(blocks):
            if isinstance(b, TableBlock) and re.search(r"mcnemar", b.table.caption, re.I):
                cap = re.sub(r"McNemar", "Chi-Square", b.table.caption)
                rows = tuple((re.sub(r"Exact Sig\. \(2-tailed, binomial\)",
                                     "Asymp. Sig. (2-tailed)", r[0]), *r[1:])
                             for r in b.table.rows)
                blocks[i] = dataclasses.replace(b, table=dataclasses.replace(
                    b.table, caption=cap, rows=rows))
                hit = True
            elif isinstance(b, Paragraph) and re.search(r"mcnemar", b.text, re.I):
                blocks[i] = dataclasses.replace(b, text=re.sub(r"(?i)mcnemar", "Chi-Square",
                                                               b.text))
        return dataclasses.replace(doc, blocks=tuple(blocks)) if hit else None
    raise ValueError(error)


# ------------------------------------------------------------------ text layouts

def _label_word(lang: str) -> str:
    return "Tabel" if lang == "id" else "Table"


def text_layout(doc: Document, layout: str) -> str:
    lines: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Heading):
            lines += ["", b.text, ""]
        elif isinstance(b, Paragraph):
            text = b.text.replace("*", "")
            if layout in ("copy", "wide"):
                lines += textwrap.wrap(text, 78 if layout == "copy" else 70)
            else:
                lines.append(text)
            lines.append("")
        elif isinstance(b, Figure):
            lines += [f"Gambar {b.number} {b.caption}", ""]
        elif isinstance(b, TableBlock):
            lines.append(f"{_label_word(doc.lang)} {b.number} {b.caption}")
            lines += _table_lines(b, layout)
            lines.append("")
    return "\n".join(lines) + "\n"


def _table_lines(b: TableBlock, layout: str) -> list[str]:
    header, rows = _cells(b)
    freq = any("persentase" in h.lower() or "percent" in h.lower() for h in header)
    if layout == "tabs":
        return ["\t".join(header), *("\t".join(r) for r in rows)]
    if layout == "wide":
        table = [header, *rows]
        widths = [max(len(r[j]) for r in table) for j in range(len(header))]
        return ["   ".join(c.rjust(w) if j else c.ljust(w) for j, (c, w) in
                           enumerate(zip(r, widths, strict=True))).rstrip() for r in table]
    out = [" ".join(h for h in header if h)]
    k = 0
    for r in rows:
        cells = [c for c in r if c]
        if freq and layout == "numbered":
            if r[0]:
                out.append(r[0])  # the variable on a line of its own
                k = 0
            k += 1
            out.append(f"{k} {r[1]} {r[2]} {r[3]}")
        elif freq and layout == "pctapart":
            out.append(" ".join([*cells[:-1], f"{cells[-1]} %"]))
        else:
            out.append(" ".join(cells))
    return out


# ------------------------------------------------------------------ PDF

def to_pdfs(docs: dict[str, Document], styles, folder: Path) -> dict[tuple[str, int], Path]:
    """Each document as .docx (font and table rules of each style) -> PDF (one soffice
    call for all)."""
    from docx import Document as WordDocument
    from docx.shared import Pt

    names = {}
    for name, doc in docs.items():
        for s, (font, rules) in enumerate(styles):
            data = render(doc, "docx", None, table_rules=rules)
            word = WordDocument(io.BytesIO(data))
            for style in word.styles:
                if getattr(style, "font", None) is not None and style.type == 1:
                    style.font.name = font
                    rpr = style.element.get_or_add_rPr()
                    fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
                    if fonts is not None:
                        for attr in list(fonts.attrib):
                            fonts.attrib[attr] = font if not attr.endswith("Theme") else \
                                fonts.attrib[attr]
            word.styles["Normal"].font.size = Pt(11 if s else 12)
            path = folder / f"{name}--s{s}.docx"
            word.save(path)
            names[(name, s)] = path
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    *map(str, names.values())], check=True, capture_output=True, timeout=600)
    return {key: path.with_suffix(".pdf") for key, path in names.items()}


def _pypdf_text(pdf: Path) -> str:
    """The other candidate library's text of the PDF (pypdf), reflowed as extract_file does."""
    from pypdf import PdfReader

    return reflow("\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages))


# ------------------------------------------------------------------ measuring

def audit_draft(data: dict, missing, design: str) -> tuple[list, str]:
    """Findings of the draft's audit: items still missing a field left out, the design as
    the user confirms it. ('', reason) when it does not load."""
    bad = {m.path for m in missing if m.path != "study"}
    items = [it for k, it in enumerate(data["items"]) if f"items[{k}]" not in bad]
    study = dict(data["study"], design=design)
    try:
        rep = audit({"study": study, "items": items}, lang="en")
    except AuditError as exc:
        return [], exc.message
    return list(rep.findings), ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=sorted(PARTS), required=True)
    ap.add_argument("--keep", help="keep the generated papers in this folder")
    ap.add_argument("--seeds", type=int, help="only the first SEEDS seeds of the part")
    ap.add_argument("-v", action="store_true", help="name the misses")
    args = ap.parse_args(argv)
    part = PARTS[args.part]
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        print("needs soffice (LibreOffice) and pdftotext (poppler-utils)", file=sys.stderr)
        return 2
    start = time.perf_counter()
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="laktasi-corpus-"))
    tmp.mkdir(parents=True, exist_ok=True)
    papers: dict[str, tuple[Document, str, str | None]] = {}  # name -> doc, design, error
    for seed in list(part["seeds"])[:args.seeds]:
        for example, design in EXAMPLES.items():
            for lang in ("id", "en"):
                name = f"{example[:5]}-{seed}-{lang}"
                doc = chapter(example, seed, lang, tmp)
                papers[name] = (doc, design, None)
                for error in ERRORS:
                    bad = seed_error(doc, error)
                    if bad is not None:
                        papers[f"{name}-{error}"] = (bad, design, error)
    pdfs = to_pdfs({k: v[0] for k, v in papers.items()}, part["pdf_styles"], tmp)
    sources: dict[str, dict[str, str]] = defaultdict(dict)  # path kind -> paper -> text
    drafts: dict[str, dict] = defaultdict(dict)
    for name, (doc, _, _) in papers.items():
        for layout in part["layouts"]:
            text = text_layout(doc, layout)
            drafts[f"text:{layout}"][name] = extract_text(text, source=f"{name}.txt")
        for s in range(len(part["pdf_styles"])):
            pdf = pdfs[(name, s)]
            drafts[f"pdf:extract_file:s{s}"][name] = extract_file(pdf)
            drafts[f"pdf:pypdf:s{s}"][name] = extract_text(_pypdf_text(pdf), source=pdf.name)
            lay = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                 text=True, check=True).stdout
            drafts[f"pdf:pdftotext-layout:s{s}"][name] = extract_text(lay, source=pdf.name)
            plain = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout
            drafts[f"pdf:pdftotext-raw:s{s}"][name] = extract_text(plain, source=pdf.name)
    del sources
    print(f"part {args.part}: {len(papers)} papers ({sum(v[2] is None for v in papers.values())}"
          f" clean), layouts {', '.join(part['layouts'])}, PDF styles {part['pdf_styles']}")
    totals: dict[str, list[int]] = {}
    for path_kind, by_paper in sorted(drafts.items()):
        rec = tot = 0
        by_kind: Counter = Counter()
        by_kind_tot: Counter = Counter()
        found = Counter()
        seeded = Counter()
        clean_errors = clean = not_loaded = 0
        for name, d in by_paper.items():
            doc, design, error = papers[name]
            if error is None:
                t = truth(doc)
                got = drafted(d.data)
                both = t & got
                rec += sum(both.values())
                tot += sum(t.values())
                for (kind, _), c in t.items():
                    by_kind_tot[kind] += c
                for (kind, _), c in both.items():
                    by_kind[kind] += c
            findings, failed = audit_draft(d.data, d.missing, design)
            if failed:
                not_loaded += 1
                if args.v:
                    print("   did not load:", path_kind, name, failed[:150])
            if error is None:
                clean += 1
                errs = [f for f in findings if f.severity == "error"]
                clean_errors += bool(errs)
                if errs and args.v:
                    print("   clean paper with error:", path_kind, name,
                          [(f.item, f.code, f.message[:90]) for f in errs])
            else:
                seeded[error] += 1
                hit = any(f.code == EXPECTED_CODE[error] and (
                    error != "chi-square-on-paired" or f.reported == "chi-square")
                    for f in findings)
                found[error] += hit
                if not hit and args.v:
                    print("   missed:", path_kind, name, failed)
        totals[path_kind] = [rec, tot, sum(found.values()), sum(seeded.values()),
                             clean_errors, clean]
        kinds = ", ".join(f"{k} {by_kind[k]}/{by_kind_tot[k]}" for k in sorted(by_kind_tot))
        errs = ", ".join(f"{e} {found[e]}/{seeded[e]}" for e in ERRORS)
        print(f"{path_kind:28} recovered {rec}/{tot} = {100 * rec / max(tot, 1):.1f} %  "
              f"[{kinds}]\n{'':28} seeded errors found {sum(found.values())}/"
              f"{sum(seeded.values())} [{errs}]; clean papers with an error finding "
              f"{clean_errors}/{clean}; drafts that did not load {not_loaded}")
    for group in ("pdf:extract_file", "pdf:pypdf", "pdf:pdftotext-layout", "pdf:pdftotext-raw",
                  "text:"):
        vals = [v for k, v in totals.items() if k.startswith(group)]
        rec, tot = sum(v[0] for v in vals), sum(v[1] for v in vals)
        f, s = sum(v[2] for v in vals), sum(v[3] for v in vals)
        ce, c = sum(v[4] for v in vals), sum(v[5] for v in vals)
        print(f"{group.rstrip(':').upper()} PATH: recovered {rec}/{tot} = {100 * rec / max(tot, 1):.1f} %;"
              f" seeded errors found {f}/{s} = {100 * f / max(s, 1):.1f} %; clean papers with "
              f"an error finding {ce}/{c}")
    print(f"({time.perf_counter() - start:.0f} s)")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
