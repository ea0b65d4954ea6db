"""Errors of the statistics core and the analysis plan in the user's language.

Every LaktasiError built in ``src/laktasi/stats`` and ``design/plan.py`` names a
``message_id`` whose entry in section "error" exists in both catalogues and uses only the
fields the raise gives (an AST scan, so a new raise without one fails here); real errors are
worded in Indonesian and English; errors their raiser already worded come out unchanged;
``laktasi analyze`` prints the message in the command's language.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import re
import string
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from laktasi import errors as errors_module
from laktasi import stats
from laktasi.cli import app
from laktasi.design import study_from_mapping
from laktasi.design.plan import analyse
from laktasi.errors import LaktasiError, LaktasiInputError
from laktasi.i18n import LANGS, LOCALE_DIR, message
from laktasi.i18n.errors import SECTION, error_record, error_text

SRC = Path(__file__).resolve().parents[2] / "src" / "laktasi"
# the domain packages: every error they build is shown to a user somewhere
DOMAIN = ("stats", "design", "meta", "power", "audit", "io")
SCANNED = sorted(p for d in DOMAIN for p in (SRC / d).rglob("*.py"))
ERROR_CLASSES = {name for name, obj in vars(errors_module).items()
                 if inspect.isclass(obj) and issubclass(obj, LaktasiError)}
# functions that return a sentence of the catalogue in the user's language
WORDING = frozenset({"text", "message", "plural", "_message", "_say", "extract_words",
                     "error_text"})
# DataError words its report's problems itself (in the ``lang`` it is given)
SELF_WORDING = frozenset({"DataError"})
# raises of Python's own exceptions in the domain packages: internal guards no user input
# reaches (a wrong call inside laktasi), caught and re-raised as located errors, or an
# engine the command line does not offer. Any other raise of a built-in exception fails.
INTERNAL = frozenset({
    ("meta/inputs.py", "_number", "TypeError"),  # caught at once: "is not a number"
    ("power/_exact.py", "two_by_two_table", "ValueError"),
    ("power/_exact.py", "mcnemar_pvalues", "ValueError"),
    ("power/_fused.py", "alias_table", "ValueError"),
    ("power/_fused.py", "fused_hits", "ImportError"),  # engine='numba': Python API only
    ("audit/schema.py", "_value", "AssertionError"),
    ("io/_validate.py", "parse_number", "ValueError"),  # caught by the validator: a located problem
})
ENGLISH = re.compile(r"\b(Every|equals|values|needed|negative|whole|table|cannot|must)\b")
LETTER = re.compile(r"[A-Za-z]")


def _placeholders(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name}


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else (
        func.attr if isinstance(func, ast.Attribute) else None)


def _constants(node: ast.expr | None) -> list[str] | None:
    """The string(s) an id argument can take: a literal, or either branch of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _constants(node.body), _constants(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


class _Scan:
    """The errors built in some source files (``{place: source}``), read with :mod:`ast`.

    A construction of a LaktasiError subclass (those of ``laktasi.errors`` and the classes
    the files derive from them) passes when

    1. it gives ``message_id=`` a literal (or either branch of ``a if c else b``), or a
       parameter of its function that every caller gives a literal; its fields are its
       keywords (and the keywords of that caller); or
    2. its class words itself (:data:`SELF_WORDING`); or
    3. its message (the first argument) is *worded*: a call of a :data:`WORDING` function,
       or of a function of these files whose every ``return`` value is worded;
       an f-string, ``+`` or ``a if c else b`` whose literal text has no letters and that
       holds a worded part (the rest are places: file names, key paths); a name whose every
       assignment in the function is worded -- and, for a parameter, whose every caller
       passes a worded message or the key of a catalogue entry (which the function words).

    Every other construction is *missing*. A dict literal with a ``"message_id"`` key (a
    nested place, phrase or error record) is a site too, its id found the same way (1.).
    ``raise`` of a Python exception outside :data:`INTERNAL` is listed in ``builtin``.
    """

    def __init__(self, sources: dict[str, str], catalogue_keys: frozenset[str] = frozenset()):
        self.trees = {place: ast.parse(src) for place, src in sources.items()}
        self.keys = catalogue_keys
        self.classes = set(ERROR_CLASSES)
        changed = True
        while changed:  # classes derived, in these files, from the error classes
            changed = False
            for tree in self.trees.values():
                for node in ast.walk(tree):
                    if (isinstance(node, ast.ClassDef) and node.name not in self.classes
                            and any(_name(b) in self.classes for b in node.bases)):
                        self.classes.add(node.name)
                        changed = True
        self.parents: dict[ast.AST, ast.FunctionDef] = {}
        self.methods: set[ast.FunctionDef] = set()
        self.calls: dict[str, list[tuple[str, ast.Call]]] = {}
        self.functions: dict[str, list[tuple[str, ast.FunctionDef]]] = {}
        for place, tree in self.trees.items():
            for fn in ast.walk(tree):
                if isinstance(fn, ast.ClassDef):
                    self.methods |= {f for f in fn.body if isinstance(f, ast.FunctionDef)}
                if isinstance(fn, ast.FunctionDef):
                    self.functions.setdefault(fn.name, []).append((place, fn))
                    for node in ast.walk(fn):
                        self.parents[node] = fn  # the innermost function wins (walked last)
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and (name := _name(node.func)):
                    self.calls.setdefault(name, []).append((place, node))
        self.found: list[tuple[str, str, frozenset[str]]] = []
        self.missing: list[str] = []
        self.builtin: list[str] = []
        for place, tree in self.trees.items():
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and _name(node.func) in self.classes:
                    self._construction(place, node)
                elif isinstance(node, ast.Dict):
                    self._record(place, node)
                elif isinstance(node, ast.Raise) and node.exc is not None:
                    self._raise(place, node)

    def _callers(self, fn: ast.FunctionDef, place: str) -> list[tuple[str, ast.Call]]:
        found = self.calls.get(fn.name, [])
        # a method is called on an instance: its callers are in its own file
        return [c for c in found if c[0] == place] if fn in self.methods else found

    def _argument(self, fn: ast.FunctionDef, call: ast.Call, param: str) -> ast.expr | None:
        params = [a.arg for a in fn.args.args]
        index = params.index(param) - (1 if fn in self.methods else 0)
        return next((k.value for k in call.keywords if k.arg == param),
                    call.args[index] if 0 <= index < len(call.args) else None)

    def _construction(self, place: str, node: ast.Call) -> None:
        given = frozenset(k.arg for k in node.keywords if k.arg not in (None, "message_id"))
        arg = next((k.value for k in node.keywords if k.arg == "message_id"), None)
        if arg is None:
            if not (_name(node.func) in SELF_WORDING or (
                    node.args and self._worded(node.args[0], self.parents.get(node), place))):
                self.missing.append(f"{place}:{node.lineno}")
            return
        self._ids(place, node, arg, given)

    def _record(self, place: str, node: ast.Dict) -> None:
        keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
        if "message_id" not in keys:
            return
        fields = frozenset(k for k in keys if isinstance(k, str) and k not in (
            "message_id", "message", "code"))
        self._ids(place, node, node.values[keys.index("message_id")], fields, " (record)")

    def _ids(self, place: str, node: ast.Call | ast.Dict, arg: ast.expr,
             given: frozenset[str], kind: str = "") -> None:
        """The message ids ``arg`` can take: literals, or a parameter of the function that
        every caller gives a literal (the caller's keywords are fields too)."""
        where = f"{place}:{node.lineno}{kind}"
        if (ids := _constants(arg)) is not None:
            self.found += [(where, i, given) for i in ids]
            return
        fn = self.parents.get(node)
        params = [a.arg for a in fn.args.args] if fn is not None else []
        if not (isinstance(arg, ast.Name) and arg.id in params and fn is not None):
            self.missing.append(where)
            return
        callers = self._callers(fn, place)
        if not callers:
            self.missing.append(where)
        for cplace, call in callers:
            via = f"{where} via {cplace}:{call.lineno}"
            cids = _constants(self._argument(fn, call, arg.id))
            if cids is None:
                self.missing.append(via)
                continue
            extra = {k.arg for k in call.keywords if k.arg not in (None, arg.id)}
            self.found += [(via, i, given | extra) for i in cids]

    def _raise(self, place: str, node: ast.Raise) -> None:
        exc = node.exc
        name = _name(exc.func) if isinstance(exc, ast.Call) else _name(exc)
        if name is None or name not in vars(builtins) or not name.endswith("Error"):
            return
        fn = self.parents.get(node)
        if (place, fn.name if fn else "", name) not in INTERNAL:
            self.builtin.append(f"{place}:{node.lineno} {name}")

    def _worded(self, node: ast.expr | None, fn: ast.FunctionDef | None, place: str,
                seen: frozenset[str] = frozenset()) -> bool:
        if node is None:
            return False
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in WORDING:
                return True
            # a function of these files whose every return value is worded
            key = f"{name}()"
            defs = self.functions.get(name or "", [])
            if not defs or key in seen:
                return False
            returns = [(p, f, r.value) for p, f in defs for r in ast.walk(f)
                       if isinstance(r, ast.Return)]
            return bool(returns) and all(self._worded(v, f, p, seen | {key})
                                         for p, f, v in returns)
        if isinstance(node, ast.Constant):
            return False  # a literal alone is never worded
        if isinstance(node, (ast.JoinedStr, ast.BinOp, ast.IfExp)):
            parts = (node.values if isinstance(node, ast.JoinedStr) else
                     [node.left, node.right] if isinstance(node, ast.BinOp) else
                     [node.body, node.orelse])
            parts = [p.value if isinstance(p, ast.FormattedValue) else p for p in parts]
            if any(isinstance(p, ast.Constant) and LETTER.search(str(p.value)) for p in parts):
                return False
            worded = [self._worded(p, fn, place, seen) for p in parts]
            if isinstance(node, ast.IfExp):  # both branches: worded or letter-free
                return all(w or isinstance(p, ast.Constant) for w, p in zip(
                    worded, parts, strict=True)) and any(worded)
            return any(worded)
        if isinstance(node, ast.Name) and fn is not None and node.id not in seen:
            seen = seen | {node.id}
            values = [n.value for n in ast.walk(fn) if isinstance(n, (ast.Assign, ast.AugAssign))
                      and any(isinstance(t, ast.Name) and t.id == node.id
                              for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))]
            if not all(self._worded(v, fn, place, seen) for v in values):
                return False
            if node.id not in [a.arg for a in fn.args.args]:
                return bool(values)
            callers = self._callers(fn, place)
            return bool(callers) and all(self._passes_words(self._argument(fn, call, node.id),
                                                            self.parents.get(call), cplace)
                                         for cplace, call in callers)
        return False

    def _passes_words(self, node: ast.expr | None, fn: ast.FunctionDef | None,
                      place: str) -> bool:
        """What a caller passes as a message: worded, or the key of a catalogue entry."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value in self.keys
        return self._worded(node, fn, place)


def _catalogue_keys() -> frozenset[str]:
    from babel.messages.pofile import read_po

    with open(LOCALE_DIR / "id" / "LC_MESSAGES" / "laktasi.po", "rb") as fh:
        return frozenset(m.id if isinstance(m.id, str) else m.id[0]
                         for m in read_po(fh) if m.id)


SCAN = _Scan({str(p.relative_to(SRC)): p.read_text(encoding="utf-8") for p in SCANNED},
             _catalogue_keys())
SITES, MISSING = SCAN.found, SCAN.missing


def test_the_scan_finds_the_raises():
    # a scan that found nothing would pass every check below
    assert len(SITES) >= 150 and len({i for _, i, _ in SITES}) >= 100
    files = {place.split(":")[0] for place, _, _ in SITES}
    assert {"stats/_validation.py", "stats/paired.py", "stats/independent.py",
            "stats/contingency.py", "design/plan.py", "meta/inputs.py", "meta/effects.py",
            "power/analytic.py", "power/simulate.py", "audit/schema.py",
            "io/writers.py"} <= files


def test_every_error_of_the_domain_packages_has_a_message_id_or_is_worded():
    assert not MISSING, f"errors built without a message_id or catalogue words: {MISSING}"


def test_no_domain_package_raises_a_python_exception_with_an_english_message():
    assert not SCAN.builtin, f"raise a LaktasiError with a message_id instead: {SCAN.builtin}"


_BROKEN = {
    "one": (  # an English message and no message_id
        "from laktasi.errors import LaktasiInputError\n"
        "def f(x):\n"
        "    raise LaktasiInputError(f'x = {x} must be positive.', x=x)\n"),
    "words": (  # English glued to catalogue words is not worded
        "def g(lang):\n"
        "    raise InvalidOptionError('choose: ' + text('cli', 'x', lang))\n"),
    "helper": (  # a helper whose caller passes an English sentence, not a key
        "class E(LaktasiInputError):\n    pass\n"
        "class R:\n"
        "    def fail(self, path, message):\n"
        "        return E(f'{path}: {message}', path=path)\n"
        "    def read(self):\n"
        "        raise self.fail('a.b', 'is not a number')\n"),
    "record": ("def h(n):\n    return {'message_id': n, 'message': 'x'}\n"
               "def j(x):\n    return h(x.upper())\n"),
    "builtin": "def k(v):\n    raise ValueError(f'{v} is wrong')\n",
}
_GOOD = {
    "ok": (
        "class E(LaktasiInputError):\n    pass\n"
        "class R:\n"
        "    def fail(self, path, message):\n"
        "        if has_text('study', message):\n"
        "            message = _message(None, message)\n"
        "        return E(f'{path}: {message}', path=path)\n"
        "    def read(self, lang):\n"
        "        raise self.fail('a.b', 'mapping')\n"
        "    def other(self, lang):\n"
        "        raise self.fail('a.c', _say(lang, 'needs_group'))\n"
        "def f(x):\n"
        "    raise LaktasiInputError(f'x = {x}.', x=x, message_id='k1' if x else 'k2')\n"
        "def g(p, lang):\n"
        "    where = _message(lang, 'where') if p else ''\n"
        "    raise E(f'{p}:{where}: {text(\"s\", \"k\", lang)}')\n"
        "def d(report):\n"
        "    raise DataError(report)\n"
        "def words(message_id, **fields):\n"
        "    return {'message_id': message_id, **fields}\n"
        "def w():\n"
        "    return words('k3', n=2)\n"),
}


def test_the_scan_fails_on_broken_examples_and_passes_good_ones():
    scan = _Scan(_BROKEN, frozenset({"mapping"}))
    assert {m.split(":")[0] for m in scan.missing} == {"one", "words", "helper", "record"}
    assert [b.split(":")[0] for b in scan.builtin] == ["builtin"]
    good = _Scan(_GOOD, frozenset({"mapping"}))
    assert not good.missing and not good.builtin
    assert sorted((i, sorted(f)) for _, i, f in good.found) == [
        ("k1", ["x"]), ("k2", ["x"]), ("k3", ["n"])]


def _entries(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "laktasi.po", "rb") as fh:
        catalog = read_po(fh)
    return {m.id: m.string for m in catalog if m.context == SECTION and m.id}


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_id_has_an_entry_that_uses_only_the_given_fields(lang):
    problems = []
    for place, message_id, fields in SITES:
        try:
            template = message(SECTION, message_id, lang)
        except KeyError:
            problems.append(f"{place}: {message_id} has no '{lang}' entry")
            continue
        if extra := _placeholders(template) - fields:
            problems.append(f"{place}: {message_id} ({lang}) needs {sorted(extra)}, "
                            f"the raise gives {sorted(fields)}")
    assert not problems, "\n".join(problems)


def test_no_english_error_message_guesses_its_number():
    assert not [k for k, v in _entries("en").items() if "(s)" in v]


def test_the_catalogues_agree_and_the_mo_files_are_compiled_from_the_po_files():
    po = {lang: _entries(lang) for lang in LANGS}
    assert po["id"].keys() == po["en"].keys()
    codes = {obj.code for obj in vars(errors_module).values()
             if inspect.isclass(obj) and issubclass(obj, LaktasiError)}
    codes |= set(re.findall(r'^\s+code = "(\w+)"', "\n".join(
        p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")), re.M))
    used = {i for _, i, _ in SITES}
    for key in po["id"]:
        assert key in used or key in codes, f"error entry {key!r} is used by no raise"
        assert _placeholders(po["id"][key]) == _placeholders(po["en"][key]), key
        for lang in LANGS:
            assert message(SECTION, key, lang) == po[lang][key], (
                f"recompile the .mo (pybabel compile -d src/laktasi/i18n/locale -D laktasi): "
                f"{lang} {key}")


def _raised(call, *args, **kwargs) -> LaktasiError:
    with pytest.raises(LaktasiError) as info:
        call(*args, **kwargs)
    return info.value


def test_all_differences_zero_in_wilcoxon():
    exc = _raised(stats.wilcoxon_signed_rank, [3, 4, 5, 2], [3, 4, 5, 2])
    assert exc.detail["message_id"] == "all_differences_zero"
    said = error_text(exc, "id")
    assert said.startswith("Setiap nilai post sama dengan nilai pre-nya (semua selisih nol)")
    assert not ENGLISH.search(said), said
    assert error_text(exc, "en") == str(exc)


def test_too_few_pairs():
    exc = _raised(stats.paired_t, [1.0, None, 3.0], [2.0, 4.0, None])
    assert (exc.detail["message_id"], exc.detail["n"], exc.detail["min_n"]) == (
        "too_few_pairs", 1, 2)
    assert error_text(exc, "id") == ("Hanya ada 1 pasangan lengkap (pre dan post terisi); "
                                     "paling sedikit 2 diperlukan.")
    assert error_text(exc, "en") == "Too few complete pairs (1); at least 2 are needed."
    assert str(exc) == "Only 1 complete pairs; at least 2 are needed."  # unchanged


def test_a_2x2_table_with_a_negative_cell_is_located_with_1_based_numbers():
    exc = _raised(stats.chi_square, [[3, 5], [-2, 4]])
    assert (exc.detail["row_number"], exc.detail["column_number"]) == (2, 1)
    assert error_text(exc, "id") == ("Sel (baris 2, kolom 1) = −2 bernilai negatif; frekuensi "
                                     "harus bilangan bulat ≥ 0.")
    assert error_text(exc, "en") == ("Cell (row 2, column 1) = −2 is negative; counts must be "
                                     "whole numbers >= 0.")
    assert str(exc).startswith("Cell (row 2, column 1) = -2 is negative")  # unchanged


def test_numbers_get_the_decimal_comma_in_indonesian():
    exc = _raised(stats.fisher_exact, [[3, 2.5], [1, 4]])
    assert "= 2,5 bukan bilangan bulat" in error_text(exc, "id")
    assert "= 2.5 is not a whole number" in error_text(exc, "en")
    exc = _raised(stats.chi_square, [[3, 2], [1, 4]], confidence_level=1.5)
    assert error_text(exc, "id").startswith("confidence_level=1,5 harus")


def test_a_list_of_decimal_numbers_stays_readable_in_indonesian():
    exc = _raised(stats.ancova, [1, 2, 3, 4, 5], [1, 3, 2, 5, 4], [0.5, 0.5, 1.5, 1.5, 2.5],
                  levels=(0.5, 1.5))
    assert exc.detail["message_id"] == "group_values_not_allowed"
    assert error_text(exc, "id") == "Tidak termasuk kelompok yang diizinkan (0,5; 1,5): 2,5."
    assert error_text(exc, "en") == "Not among the allowed groups (0.5, 1.5): 2.5."


def test_a_user_value_is_quoted_and_its_position_counts_from_1():
    exc = _raised(stats.mann_whitney, [1, 2, "tujuh"], [1, 2])
    assert error_text(exc, "id").startswith("x, nilai ke-3 ('tujuh'), bukan angka")
    assert error_text(exc, "en").startswith("x, value no. 3 ('tujuh'), is not a number")


def test_the_active_language_is_used_when_none_is_given():
    from laktasi.i18n import use_language

    exc = _raised(stats.paired_t, [1.0], [2.0])
    assert error_text(exc).startswith("Hanya ada 1")
    with use_language("en"):
        assert error_text(exc).startswith("Too few complete pairs (1)")


def _nonequivalent(force=None):
    out = {"name": "y", "type": "continuous", "pre": "y_pre", "post": "y_post"}
    if force:
        out["force_test"] = force
    return study_from_mapping({
        "study": {"id": "k", "title": "K", "design": "nonequivalent-control-pretest-posttest"},
        "group": {"column": "kelompok", "levels": ["kontrol", "eksperimen"],
                  "intervention": "eksperimen"},
        "outcomes": [out],
    })


def _perfect_fit_rows():
    """post = 2 pre + 1 for every mother: ANCOVA refuses (a perfect fit)."""
    pre = np.random.default_rng(7).normal(0.8, 0.6, 30).clip(0).round(2)
    group = ["kontrol"] * 15 + ["eksperimen"] * 15
    return [{"y_pre": float(a), "y_post": float(2 * a + 1), "kelompok": g}
            for a, g in zip(pre, group, strict=True)]


def test_a_nested_error_is_worded_in_the_same_language():
    exc = _raised(analyse, _nonequivalent("ancova"), _perfect_fit_rows())
    assert exc.detail["message_id"] == "forced_ancova_not_possible"
    assert exc.detail["error"].detail["message_id"] == "ancova_perfect_fit"
    said = error_text(exc, "id")
    assert said.startswith("force_test = 'ancova' tidak dapat dihitung untuk y: post (hampir) "
                           "tepat merupakan garis lurus"), said
    assert "F-tests" not in said
    assert error_text(exc, "en").startswith("force_test = 'ancova' cannot be computed for y: "
                                            "post is (almost) exactly a straight line")


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "ANCOVA tidak dapat dihitung (post (hampir) tepat merupakan garis lurus dari pre"),
    ("en", "ANCOVA could not be computed (post is (almost) exactly a straight line in pre"),
])
def test_the_chapter_words_the_ancova_error_in_its_language(lang, expected):
    import json

    from laktasi.report.chapter import build_chapter
    from laktasi.report.renderers import render

    analysis = analyse(_nonequivalent(), _perfect_fit_rows())
    reason = analysis.outcomes[0].steps[-1].reasons[0]
    assert reason.code == "ancova_not_possible"
    assert reason.detail["error"]["message_id"] == "ancova_perfect_fit"
    json.dumps(analysis.to_dict())  # the error is kept as data, JSON-serialisable
    text = render(build_chapter(analysis, lang), "md").decode("utf-8")
    assert expected in text
    if lang == "id":
        assert "F-tests" not in text and "straight line" not in text


def test_a_record_is_worded_like_its_error():
    exc = _raised(stats.wilcoxon_signed_rank, [1, 2], [1, 2])
    record = error_record(exc)
    assert record["code"] == "constant" and record["message"] == str(exc)
    assert error_text(record, "id") == error_text(exc, "id")


def test_errors_their_raiser_worded_come_out_unchanged(tmp_path):
    from laktasi.design import StudyError
    from laktasi.io import DataError, Problem

    with pytest.raises(StudyError) as info:
        study_from_mapping({"study": {"id": "t", "title": "T", "design": "rct"},
                            "outcomes": []}, lang="id")
    for lang in LANGS:
        assert error_text(info.value, lang) == str(info.value)
    problem = Problem(file="d.csv", sheet="", row=4, column="y_pre", value="lima",
                      code="no_rows", allowed="")
    data_error = DataError([problem], lang="id")
    assert error_text(data_error, "en") == str(data_error) == data_error.message
    plain = LaktasiInputError("Sudah dalam bahasa pengguna.", n=3)
    assert error_text(plain, "en") == "Sudah dalam bahasa pengguna."


def test_an_error_without_message_id_is_worded_from_its_code_when_its_fields_fit():
    from laktasi.design.registry import NAMES, UnknownTestError

    exc = UnknownTestError("test 't-tes' is not a test laktasi knows.", option="test",
                           value="t-tes", allowed=tuple(sorted(NAMES)))
    assert exc.code == "unknown_test" and "message_id" not in exc.detail
    said = error_text(exc, "id")
    assert said.startswith("uji 't-tes' tidak dikenal oleh laktasi; yang dikenal: ")
    assert "'wilcoxon'" in said
    from laktasi.errors import LengthMismatchError

    fits = LengthMismatchError("paired_plot needs ...", n_pre=3, n_post=2)
    assert error_text(fits, "id").startswith("pre berisi 3 nilai tetapi post berisi 2")
    lacks = LengthMismatchError("binary_prepost_bar needs two counts before ...")
    assert error_text(lacks, "id") == "binary_prepost_bar needs two counts before ..."


runner = CliRunner()


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "Setiap nilai post sama dengan nilai pre-nya (semua selisih nol)"),
    ("en", "Every post value equals its pre value (all differences are zero)"),
])
def test_analyze_where_every_post_equals_pre_says_so_in_the_command_language(
        tmp_path, lang, expected):
    data = tmp_path / "sama.csv"
    data.write_text("kode,y_pre,y_post\nA,3,3\nB,4,4\nC,5,5\nD,2,2\nE,6,6\n", encoding="utf-8")
    args = ["analyze", str(data), "--design", "one-group-pretest-posttest"]
    res = runner.invoke(app, args + (["--lang", "en"] if lang == "en" else []))
    assert res.exit_code == 2, res.output
    assert expected in res.output and "Traceback" not in res.output
    if lang == "id":
        assert not re.search(r"\b(Every|equals)\b", res.output), res.output
