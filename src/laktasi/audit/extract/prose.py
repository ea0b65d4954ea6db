"""Prose recognisers: statistics and p values in sentences."""

from __future__ import annotations

import re

from .lines import _NUM, _RE_CITED, _RE_P, _RE_STATS, _overlap, _p_text, _same, _sentences, _test_of
from .model import Mention
from .tables import _Item


class ProseReader:
    """Prose recognisers (mixed into the extractor): Z, t, chi-square, U and p in
    sentences, mean ± SD."""

    _para: tuple[tuple[int, int, str], ...] = ()  # (offset in the joined text, line, raw)

    def read_paragraph(self, lines: list[tuple[int, str, str]]) -> None:
        """Prose lines that one sentence may run across (a wrapped line of a PDF or a
        copy), read as one text; every snippet stays on the line it starts on."""
        para, parts, raws, off = [], [], [], 0
        for i, line, raw in lines:
            para.append((off, i, raw))
            parts.append(line)
            raws.append(raw)
            off += len(line) + 1
        self._para = tuple(para)
        self.read_prose(lines[0][0], " ".join(parts), " ".join(raws))
        self._para = ()

    def _snip(self, a: int, b: int) -> tuple[int, str]:
        """(line, snippet) of the span [a, b) of the text being read; a span that runs on to
        the next line is cut at the end of its first line."""
        para = self._para or [(0, self._line_no, self._raw)]
        off, i, raw = next(seg for seg in reversed(para) if seg[0] <= a)
        text = raw[a - off:b - off].strip()
        return i, text or raw.strip()

    def read_prose(self, i: int, line: str, raw: str) -> None:
        self._line_no, self._raw = i, raw
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
                    self.unplaced.append(Mention(*self._snip(start + m.start(), start + m.end()), "cited"))
                continue
            p_match = next((m for m in ps if not re.match(r"[<>≤≥]", m["val"].lstrip("= "))),
                           ps[0] if ps else None)
            used = False
            if stats:
                _, key, sm = stats[0]
                # the p printed right after the statistic ("t(19) = 4,935, p < 0,001"), not
                # an earlier one of the same run-on sentence
                after = next((m for m in ps if sm.end() <= m.start() <= sm.end() + 40), None)
                p_match = after or p_match
                used = self._prose_stat(i, raw, start, key, sm, p_match, test)
            elif p_match is not None and test is not None:
                used = self._prose_test(i, raw, start, test, p_match)
            for m in ps:
                if used and m is p_match:
                    continue
                self.unplaced.append(Mention(*self._snip(start + m.start(), start + m.end()),
                                             "p-value"))
            for m in re.finditer(rf"(?P<mean>{_NUM})\s*±\s*(?P<sd>{_NUM})", sent):
                if not re.search(r"[.,]", m["mean"] + m["sd"]):
                    continue
                item = self.new_item(None, "descriptives", "mean-sd")
                snip = self._snip(start + m.start(), start + m.end())
                item.put("mean", m["mean"], snip, "prose")
                item.put("sd", m["sd"], snip, "prose")

    def _prose_stat(self, i: int, raw: str, start: int, key: str, sm: re.Match[str],
                    p_match: re.Match[str] | None, test: str | None) -> bool:
        value = sm["val"]
        snip = self._snip(start + sm.start(), start + sm.end())
        p = _p_text(p_match["val"]) if p_match else None
        psnip = self._snip(start + p_match.start(), start + p_match.end()) if p_match else None
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
                val.put_key("printed", here, p, psnip, "prose")
                line, snippet, _ = item.guesses.get("p", (0, "", ""))
                val.put_key("printed", there, item.data["p"], (line, snippet))
                return True
        fld = field_of[key] if key != "chi" else "statistic"
        kinds = {"z": ("wilcoxon", "rank-two-group"), "u": ("rank-two-group",),
                 "t": ("paired-means",), "chi": ("paired-binary",)}[key]
        target = self._recent_without(i, kinds, fld)
        if target is not None:  # "Z = -3,434 Asymp. Sig. = 0,001" under its Ranks table
            target.put(fld, value, snip, "prose")
            if p is not None and "p" not in target.data:
                target.put("p", p, psnip, "prose")
            return p is not None
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

    def _recent(self, i: int, kinds: tuple[str, ...]) -> _Item | None:
        """The latest item of one of ``kinds``, read from a table at most 15 lines above
        line ``i``."""
        for item in reversed(self.items):
            lines = [g[0] for g in item.guesses.values()]
            if not lines or i - max(lines) > 15 or max(lines) > i:
                return None
            if item.data["kind"] in kinds and ("source" in item.data or any(
                    g[2] == "table" for g in item.guesses.values())):
                return item
        return None

    def _recent_without(self, i: int, kinds: tuple[str, ...], fld: str) -> _Item | None:
        """:meth:`_recent` when it lacks ``fld``."""
        item = self._recent(i, kinds)
        return item if item is not None and fld not in item.data else None

    def _prose_test(self, i: int, raw: str, start: int, test: str, p_match: re.Match[str]) -> bool:
        p = _p_text(p_match["val"])
        psnip = self._snip(start + p_match.start(), start + p_match.end())
        family = {"t": ("paired-t", "independent-t", "welch-t")}.get(test, (test,))
        for item in self.items:
            claimed = item.data.get("claimed_test") or (
                "wilcoxon" if item.data["kind"] == "wilcoxon" else None)
            if claimed in family or (test == "t" and item.data["kind"] == "paired-means"):
                if "p" in item.data and _overlap(item.data["p"], p):
                    return True
        other = re.search(r"shapiro|kolmogorov|levene|normalitas|normality|homogen",
                          raw[start:], re.I)
        target = None if other else self._recent(i, _FITS.get(test, ()))
        if target is not None and ("p" not in target.data or _overlap(target.data["p"], p)):
            # the test named in the text for the table just above (its p, when the table
            # did not print one)
            if "p" not in target.data:
                target.put("p", p, psnip, "prose")
            if test != "t" and (target.data.get("claimed_test") is None
                                or "claimed_test" not in target.guesses):
                target.put("claimed_test", test, psnip, "test-inferred")
            return True
        if test in ("mcnemar", "fisher", "chi-square"):
            item = self.new_item(None, "paired-binary", f"{test}-line-{i}")
            item.put("claimed_test", test, psnip, "test-inferred")
            item.put("p", p, psnip, "prose")
            return True
        return False


_FITS = {"mcnemar": ("paired-binary",), "chi-square": ("paired-binary",),
         "fisher": ("paired-binary",), "wilcoxon": ("wilcoxon", "rank-two-group", "paired-binary"),
         "mann-whitney": ("rank-two-group",), "paired-t": ("paired-means",),
         "t": ("paired-means",), "independent-t": ("paired-means",)}
