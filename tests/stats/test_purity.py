"""The statistics core imports nothing from web, CLI, documents or file formats."""

import subprocess
import sys

FORBIDDEN = (
    "django",
    "typer",
    "rich",
    "click",
    "docx",
    "openpyxl",
    "pyreadstat",
    "yaml",
    "matplotlib",
    "pandas",
    "laktasi.cli",
    "laktasi.io",
    "laktasi.report",
    "laktasi.web",
)


def test_stats_core_imports_no_io_web_or_cli_modules():
    code = (
        "import sys, laktasi.stats\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r} or m in {FORBIDDEN!r}"
        " or any(m.startswith(f + '.') for f in " + repr(FORBIDDEN) + ")]\n"
        "print(','.join(sorted(bad)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"laktasi.stats pulled in: {out.stdout.strip()}"


def test_every_public_function_returns_a_frozen_result_with_the_contract_fields():
    import dataclasses

    import laktasi.stats as st

    results = [
        st.wilcoxon_signed_rank([1, 2, 3, 4, 5], [2, 4, 3, 7, 9]),
        st.mann_whitney([1, 2, 3], [4, 5, 6, 2]),
        st.mcnemar([0, 0, 1, 0, 1], [1, 1, 1, 0, 0]),
        st.chi_square([[3, 4], [5, 1]]),
        st.fisher_exact([[3, 4], [5, 1]]),
        st.paired_t([1, 2, 3, 4], [2, 4, 5, 4]),
        st.independent_t([1, 2, 3, 4], [2, 4, 5, 4, 9]),
        st.ancova([3, 4, 5, 7, 8, 9], [1, 2, 3, 2, 3, 5], ["a", "a", "a", "b", "b", "b"]),
        st.shapiro_wilk([1, 3, 2, 5, 4, 8]),
        st.kolmogorov_smirnov_lilliefors([1, 3, 2, 5, 4, 8]),
    ]
    for res in results:
        assert dataclasses.is_dataclass(res)
        for name in ("statistic", "pvalue", "n", "method", "effect_size", "notes"):
            if name == "effect_size" and res.__class__.__name__ == "NormalityResult":
                continue
            assert hasattr(res, name), (type(res).__name__, name)
        assert 0 <= res.pvalue <= 1
        d = res.to_dict()
        assert isinstance(d, dict) and "pvalue" in d
        try:
            res.pvalue = 0.5  # type: ignore[misc]
        except dataclasses.FrozenInstanceError:
            pass
        else:  # pragma: no cover
            raise AssertionError(f"{type(res).__name__} is not frozen")


def test_the_core_imports_only_itself_numpy_scipy_errors_and_the_standard_library():
    """Read from every ``import`` statement of ``src/laktasi/stats`` (also inside functions):
    the core's only imports are its own modules, numpy, scipy, ``laktasi.errors`` and the
    standard library (issue 10, "the core imports nothing but itself and errors")."""
    import ast
    from pathlib import Path

    core = Path(__file__).resolve().parents[2] / "src" / "laktasi" / "stats"
    allowed_third_party = {"numpy", "scipy"}
    bad = []
    for path in sorted(core.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [] if node.level else [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top == "laktasi":
                    ok = name == "laktasi.errors" or name.startswith("laktasi.stats")
                else:
                    ok = top in allowed_third_party or top in sys.stdlib_module_names
                if not ok:
                    bad.append(f"{path.name}:{node.lineno}: {name}")
    assert not bad, "the core imports: " + ", ".join(bad)
    assert {p.name for p in core.glob("*.py")} >= {"summary.py", "serialise.py"}
