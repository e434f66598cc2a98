"""Smoke tests of the benchmark tools (the benchmarks themselves are not run in tests):
benchmarks/generate.py writes valid, varied practices, and benchmarks/run.py parses its
arguments and plans a quick run that writes nothing into docs/."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from generator.project import load_project


def _module(name: str):
    spec = importlib.util.spec_from_file_location(
        f"bench_{name}", REPO / "benchmarks" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate():
    return _module("generate")


@pytest.fixture(scope="module")
def generated(generate, tmp_path_factory) -> Path:
    return generate.generate(120, tmp_path_factory.mktemp("bench") / "n120")


def test_generated_practices_are_valid(generated: Path) -> None:
    project = load_project(generated)
    assert [str(p) for p in project.problems] == []
    assert len(project.practices) == 120
    assert len({p.id for p in project.practices}) == 120


def test_generated_practices_use_every_vocabulary(generated: Path) -> None:
    project = load_project(generated)
    practices, vocab = project.practices, project.vocab
    assert {n for p in practices for n in p.sdgs} == set(range(1, 18))
    assert {d for p in practices for d in p.beleidsdomeinen} == set(vocab.domains)
    assert {p.lmb_categorie for p in practices} == set(vocab.lmb_categories)
    assert {s for p in practices for s in p.principes} == set(vocab.principles)
    assert {p.status for p in practices} == set(vocab.statuses)
    assert all(p.subdoelen and p.trefwoorden and p.partners and p.contact for p in practices)
    assert any(p.partnerlanden for p in practices) and any(p.links for p in practices)
    assert any(p.afbeelding for p in practices)
    assert len({m.province.slug for p in practices for m in p.gemeenten}) == 5


def test_generated_text_is_realistic_not_word_salad(generated: Path) -> None:
    """Bodies as long as the real ones, with their sections, and words from the real texts."""
    project = load_project(generated)
    real = load_project(REPO).practices
    mean = sum(len(p.body) for p in project.practices) / len(project.practices)
    real_mean = sum(len(p.body) for p in real) / len(real)
    assert 0.7 * real_mean < mean < 1.4 * real_mean
    assert all("## Aanpak" in p.body for p in project.practices)
    vocabulary = {w.lower() for p in project.practices for w in p.samenvatting.split()}
    assert len(vocabulary) > 1000  # a 40-word list would give 40


def test_generation_is_deterministic(generate, generated: Path, tmp_path: Path) -> None:
    again = generate.generate(120, tmp_path / "n120")
    first = {p.name: p.read_bytes() for p in (generated / "practices").glob("*.md")}
    second = {p.name: p.read_bytes() for p in (again / "practices").glob("*.md")}
    assert first == second


def test_the_run_script_plans_a_quick_run_outside_docs() -> None:
    run = _module("run")
    plan = run.make_plan(run.parse_args(["--quick"]))
    assert plan.quick and max(plan.check_ns) <= 1000 and max(plan.build_ns) <= 500
    assert REPO / "docs" not in plan.out_md.parents
    full = run.make_plan(run.parse_args([]))
    assert full.check_ns == (1000, 10000) and full.build_ns == (500, 1000, 5000)
    assert full.out_md == REPO / "docs" / "prestaties.md"
    with pytest.raises(SystemExit):
        run.parse_args(["--skip", "alles"])


def test_the_run_script_runs_from_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "--dry-run"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert '"quick": true' in done.stdout


def test_the_page_is_written_from_results() -> None:
    """The page renders from a minimal set of figures, with verdicts and reasons."""
    run = _module("run")
    results = {
        "quick": False,
        "duration_s": 900,
        "machine": {
            "cpu": "Test-CPU",
            "cores": 2,
            "ram_gib": 24,
            "python": "3.11",
            "mkdocs": "1.6.1",
            "mkdocs_material": "9.7",
            "chromium": "Chromium",
            "date": "2026-01-01T10:00:00+01:00",
        },
        "plan": {
            "check_ns": (1000, 10000),
            "base_n": 50,
            "build_ns": (500, 1000, 5000),
            "compare_n": 1000,
            "serve_n": 1000,
            "catalogue_n": 10000,
            "bundle_n": 1000,
        },
        "load": {"min": 0.5, "max": 0.9, "mean": 0.7},
        "check": {
            "python_import_s": 0.2,
            "1000": {"best_s": 0.5, "runs_s": [0.5], "maxrss_mb": 30},
            "10000": {"best_s": 2.5, "runs_s": [2.5], "maxrss_mb": 40},
        },
        "catalogue": {
            "n": 10000,
            "catalogue_bytes": 4_000_000,
            "catalogue_gz_bytes": 1_200_000,
            "per_practice_b": 400,
            "per_practice_gz_b": 120,
        },
        "bundle": {"available": False, "reason": "bestaat nog niet"},
    }
    text = run.page(results)
    assert "# Prestaties" in text and "Test-CPU" in text
    assert "| `check` van 10.000 praktijken | < 2,00 s | 2,50 s | ❌ niet gehaald |" in text
    assert "### Waarom niet gehaald" in text
    assert (
        "| catalogusgegevens per praktijk, gzip, 10.000 praktijken | < 400 B | 120 B | ✅ gehaald |"
        in text
    )
