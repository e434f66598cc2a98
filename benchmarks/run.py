"""The scale benchmark of the SDG-praktijkendatabank, in one command:

    python benchmarks/run.py            # the full run (about 20 minutes on 2 cores)
    python benchmarks/run.py --quick    # a smoke run with small numbers (about 2 minutes)

It generates N practices with benchmarks/generate.py and measures:

- `python -m generator check` at 1,000 and 10,000 practices (subprocess, best and median of 5,
  with the compiled modules cached as after a first run; that first run is reported too);
- the site build with the plugin against plain MkDocs building the same pages exported with
  `python -m generator export` (same theme and Markdown extensions, no praktijken plugin) at
  1,000, and the build time per practice at 500, 1,000 and 5,000;
- the peak memory of the build (the largest process, getrusage of the children);
- the size of the site, the search index and the catalogue data (raw and gzipped) per practice;
- the time from saving a changed practice to the rebuilt page under `mkdocs serve` at 1,000;
- the catalogue's filter change at 10,000 practices in headless Chromium;
- the offline bundle of 1,000 practices (`python -m generator bundle`), when that command exists;
- the page "De databank in cijfers" at 10,000 practices: its rendering in the core and its weight.

The full run writes docs/prestaties.md (the page "Prestaties") and benchmarks/results.json; a
quick run writes both into its work folder only, so smoke figures never replace real ones.
Every step has a timeout; servers listen on 127.0.0.1 only and are stopped at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SDG_CHECKBOXES = [12, 6, 0, 3, 10, 16, 2, 14]  # SDG 13, 7, 1, 4, 11, 17, 3, 15 (index = goal - 1)

# The targets of the issues (2, 3, 5, 6): key → (description, limit, unit, lower is better)
# ({…} are filled in from the plan: the full run measures at the numbers of the issues).
TARGETS = {
    "check_10000": ("`check` van {check} praktijken", 2.0, "s"),
    "build_ratio_1000": ("bouwtijd met plugin ÷ gewone MkDocs, {compare} praktijken", 1.15, "×"),
    "floor_ratio_1000": ("bouwtijd ÷ ondergrens van MkDocs zelf, {compare} praktijken", 1.5, "×"),
    "serve_s_1000": (
        "wijziging zichtbaar onder `mkdocs serve --dirty`, {serve} praktijken",
        3.0,
        "s",
    ),
    "maxrss_5000": ("piekgeheugen van de bouw, {large} praktijken", 500, "MB"),
    "per_practice_ratio": ("bouwtijd per praktijk bij {large} ÷ bij {small}", 1.1, "×"),
    "catalogue_gz_10000": ("catalogusgegevens per praktijk, gzip, {cat} praktijken", 400, "B"),
    "filter_10000": ("filterwissel in de catalogus, {cat} praktijken (mediaan)", 100, "ms"),
    "bundle_size_1000": ("offline bundel van {bundle} praktijken", 30, "MB"),
    "cijfers_kb_10000": ("pagina 'De databank in cijfers', {cat} praktijken", 200, "kB"),
    "cijfers_s_10000": ("die pagina maken in de generator, {cat} praktijken", 1.0, "s"),
}


def label(key: str, plan: dict[str, Any]) -> str:
    return TARGETS[key][0].format(
        check=nl(max(plan["check_ns"])),
        compare=nl(plan["compare_n"]),
        large=nl(max(plan["build_ns"])),
        small=nl(min(plan["build_ns"])),
        cat=nl(plan["catalogue_n"]),
        bundle=nl(plan["bundle_n"]),
        serve=nl(plan["serve_n"]),
    )


@dataclass
class Plan:
    quick: bool
    work: Path
    check_ns: tuple[int, ...]
    base_n: int  # the small build whose time is the fixed cost in the per-practice figures
    build_ns: tuple[int, ...]
    compare_n: int
    serve_n: int
    catalogue_n: int
    bundle_n: int
    repeats: int
    floor_repeats: int
    serve_edits: int
    out_md: Path
    out_json: Path
    skip: frozenset[str]


STEPS = ("check", "build", "floor", "serve", "catalogue", "bundle", "cijfers")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Schaalmetingen van de SDG-praktijkendatabank.")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="rookproef met kleine aantallen; schrijft niets in docs/",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="werkmap voor de gegenereerde projecten (standaard in /tmp)",
    )
    parser.add_argument("--skip", default="", help=f"stappen overslaan, komma's: {','.join(STEPS)}")
    parser.add_argument("--dry-run", action="store_true", help="toon het plan en stop")
    parser.add_argument(
        "--from-json",
        type=Path,
        metavar="RESULTS",
        help="niets meten: de pagina opnieuw schrijven uit een results.json",
    )
    parser.add_argument("--out-md", type=Path, help="pagina (standaard docs/prestaties.md)")
    parser.add_argument(
        "--out-json", type=Path, help="ruwe cijfers (standaard benchmarks/results.json)"
    )
    args = parser.parse_args(argv)
    unknown = {s for s in args.skip.split(",") if s} - set(STEPS)
    if unknown:
        parser.error(f"onbekende stap(pen) in --skip: {', '.join(sorted(unknown))}")
    return args


def make_plan(args: argparse.Namespace) -> Plan:
    work = args.work or Path("/tmp") / ("sdg-bench-quick" if args.quick else "sdg-bench")
    skip = frozenset(s for s in args.skip.split(",") if s)
    if args.quick:
        return Plan(
            True,
            work,
            (200, 1000),
            20,
            (100, 200, 400),
            200,
            100,
            1000,
            100,
            1,
            1,
            2,
            args.out_md or work / "prestaties.md",
            args.out_json or work / "results.json",
            skip,
        )
    return Plan(
        False,
        work,
        (1000, 10000),
        50,
        (500, 1000, 5000),
        1000,
        1000,
        10000,
        1000,
        2,
        5,
        5,
        args.out_md or ROOT / "docs" / "prestaties.md",
        args.out_json or ROOT / "benchmarks" / "results.json",
        skip,
    )


# --- measuring -------------------------------------------------------------------------------

# Runs the command as a child of a small Python process, which reports the wall time and the
# peak memory (ru_maxrss of its children: the largest process, workers included once waited for).
_WRAP = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
seconds = time.perf_counter() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": r.returncode, "seconds": seconds, "maxrss_kb": u.ru_maxrss,
                  "cpu_s": u.ru_utime + u.ru_stime,
                  "out": r.stdout.decode(errors="replace")[-1500:],
                  "err": r.stderr.decode(errors="replace")[-3000:]}))
"""


def measure(cmd: list[str], cwd: Path, timeout: float) -> dict[str, Any]:
    done = subprocess.run(
        [PY, "-c", _WRAP, *cmd], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"meting mislukt: {' '.join(cmd)}\n{done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise RuntimeError(f"{' '.join(cmd)} eindigde met {result['rc']}:\n{result['err']}")
    return result


def load() -> float:
    return round(os.getloadavg()[0], 2)


class Log:
    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.loads: list[float] = [load()]

    def __call__(self, message: str) -> None:
        self.loads.append(load())
        elapsed = time.perf_counter() - self.start
        print(f"[{elapsed:7.1f} s | load {self.loads[-1]:5.2f}] {message}", flush=True)


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


# --- projects --------------------------------------------------------------------------------


class Projects:
    """Generated projects, one folder per N, made once and reused by every step."""

    def __init__(self, work: Path, log: Log) -> None:
        import generate

        self.generate = generate
        self.work = work
        self.log = log
        self.corpus = generate.load_corpus()
        self.made: dict[int, Path] = {}
        self.generation_s: dict[int, float] = {}

    def get(self, n: int) -> Path:
        if n not in self.made:
            t = time.perf_counter()
            path = self.generate.generate(n, self.work / f"n{n}", corpus=self.corpus)
            if (ROOT / "node_modules").is_dir() and not (path / "node_modules").exists():
                (path / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
            self.generation_s[n] = round(time.perf_counter() - t, 2)
            self.made[n] = path
            self.log(f"{n} praktijken gegenereerd in {self.generation_s[n]} s")
        return self.made[n]


# --- 1. check --------------------------------------------------------------------------------


def bench_check(plan: Plan, projects: Projects, log: Log) -> dict[str, Any]:
    """`check` as a user runs it again after a change: Python has cached the compiled modules.
    This machine sets PYTHONDONTWRITEBYTECODE, which would make every run compile them again,
    so the bytecode is written once with compileall; the first run without it is reported too."""
    out: dict[str, Any] = {}
    for n in plan.check_ns:
        root = projects.get(n)
        remove_bytecode()
        first = measure([PY, "-m", "generator", "check"], root, 300)
        subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
        runs = [measure([PY, "-m", "generator", "check"], root, 300) for _ in range(5)]
        times = [r["seconds"] for r in runs]
        out[str(n)] = {
            "runs_s": [round(t, 3) for t in times],
            "best_s": round(min(times), 3),
            "median_s": round(statistics.median(times), 3),
            "first_run_s": round(first["seconds"], 3),
            "maxrss_mb": round(max(r["maxrss_kb"] for r in runs) / 1024, 1),
            "cpu_s": round(min(r["cpu_s"] for r in runs), 2),
            "summary": runs[0]["out"].strip().splitlines()[-1],
        }
        log(
            f"check {n}: {out[str(n)]['runs_s']} s (eerste run zonder bytecode: "
            f"{out[str(n)]['first_run_s']} s)"
        )
    startup = [measure([PY, "-c", "import generator.cli"], ROOT, 60)["seconds"] for _ in range(3)]
    out["python_import_s"] = round(min(startup), 3)
    remove_bytecode()
    return out


def remove_bytecode() -> None:
    for folder in (ROOT / "generator").rglob("__pycache__"):
        shutil.rmtree(folder)


# --- 2. builds -------------------------------------------------------------------------------


def build_once(root: Path, config: str, site: Path) -> dict[str, Any]:
    if site.exists():
        shutil.rmtree(site)
    return measure([PY, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)], root, 2400)


def site_sizes(site: Path, n: int) -> dict[str, Any]:
    total, files = tree_size(site)
    search = site / "search" / "search_index.json"
    data = site / "catalogus" / "praktijken-data.js"
    sizes = {
        "site_bytes": total,
        "site_files": files,
        "search_index_bytes": search.stat().st_size if search.is_file() else None,
        "catalogue_bytes": data.stat().st_size,
        "catalogue_gz_bytes": gz_size(data),
    }
    fiches = site / "catalogus" / "fiches-data.js"
    if fiches.is_file():
        sizes["fiches_bytes"] = fiches.stat().st_size
    sizes["per_practice"] = {
        k.replace("_bytes", "_b"): round(v / n, 1)
        for k, v in sizes.items()
        if k.endswith("_bytes") and v is not None
    }
    return sizes


# The generator's own share of a build, phase by phase, in a fresh process.
_CORE = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from generator.project import load_project
from generator.render import render_site
from generator.taxonomy import build_site
t0 = time.perf_counter()
project = load_project(Path(sys.argv[1]))
t1 = time.perf_counter()
site = build_site(project.practices, project.vocab)
t2 = time.perf_counter()
pages, assets = render_site(site)
t3 = time.perf_counter()
print(json.dumps({"load_s": t1 - t0, "taxonomy_s": t2 - t1, "render_s": t3 - t2,
                  "pages": len(pages)}))
"""


def core_phases(root: Path, n: int) -> dict[str, Any]:
    done = subprocess.run(
        [PY, "-c", _CORE, str(root), str(ROOT)],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    if done.returncode != 0:
        raise RuntimeError(f"generator-fasen niet gemeten:\n{done.stderr[-2000:]}")
    raw = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        **{k: round(v, 2) for k, v in raw.items()},
        **{
            k.replace("_s", "_ms_per_practice"): round(1000 * v / n, 2)
            for k, v in raw.items()
            if k.endswith("_s")
        },
    }


def plain_config(root: Path, docs: str) -> Path:
    """mkdocs.yml without the praktijken plugin, building the exported pages in `docs`."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and friends
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    config["docs_dir"] = docs
    config["plugins"] = [
        p
        for p in config.get("plugins", [])
        if not (p == "praktijken" or (isinstance(p, dict) and "praktijken" in p))
    ]
    config.pop("watch", None)
    config["not_in_nav"] = "/praktijken/\n"
    path = root / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def bench_build(plan: Plan, projects: Projects, log: Log) -> dict[str, Any]:
    out: dict[str, Any] = {"runs": {}}
    ns = sorted({plan.base_n, *plan.build_ns, plan.compare_n})
    for n in ns:
        root = projects.get(n)
        site = plan.work / f"site-{n}"
        repeats = plan.repeats if n in (plan.base_n, plan.compare_n) else 1
        runs = []
        for i in range(repeats):
            runs.append(build_once(root, "mkdocs.yml", site))
            log(
                f"build {n} (plugin) #{i + 1}: {runs[-1]['seconds']:.1f} s, "
                f"{runs[-1]['maxrss_kb'] / 1024:.0f} MB"
            )
            if n == plan.compare_n:  # alternate with the plain build: both see the same load
                out.setdefault("plain_runs", []).append(bench_plain_once(plan, root, log))
        best = min(r["seconds"] for r in runs)
        out["runs"][str(n)] = {
            "runs_s": [round(r["seconds"], 2) for r in runs],
            "best_s": round(best, 2),
            "maxrss_mb": round(max(r["maxrss_kb"] for r in runs) / 1024, 1),
            **site_sizes(site, n),
        }
        shutil.rmtree(site)
        out["runs"][str(n)]["generator"] = core_phases(root, n)
        g = out["runs"][str(n)]["generator"]
        log(
            f"generator {n}: lezen {g['load_s']} s, taxonomie {g['taxonomy_s']} s, "
            f"pagina's {g['render_s']} s"
        )
    base = out["runs"][str(plan.base_n)]["best_s"]
    per = {}
    for n in plan.build_ns:
        t = out["runs"][str(n)]["best_s"]
        per[str(n)] = {
            "total_per_practice_ms": round(1000 * t / n, 2),
            "marginal_per_practice_ms": round(1000 * (t - base) / (n - plan.base_n), 2),
        }
    out["per_practice"] = per
    small, large = str(min(plan.build_ns)), str(max(plan.build_ns))
    out["per_practice_ratio"] = round(
        per[large]["marginal_per_practice_ms"] / per[small]["marginal_per_practice_ms"], 3
    )
    out["per_practice_ratio_total"] = round(
        per[large]["total_per_practice_ms"] / per[small]["total_per_practice_ms"], 3
    )
    plain_best = min(r["seconds"] for r in out["plain_runs"])
    out["plain_best_s"] = round(plain_best, 2)
    out["plain_runs_s"] = [round(r["seconds"], 2) for r in out.pop("plain_runs")]
    out["build_ratio"] = round(out["runs"][str(plan.compare_n)]["best_s"] / plain_best, 3)
    return out


def bench_plain_once(plan: Plan, root: Path, log: Log) -> dict[str, Any]:
    export = root / "export"
    if not export.exists():
        result = measure([PY, "-m", "generator", "export", "--out", str(export)], root, 900)
        plan_export_s[root] = result["seconds"]
        log(f"export {root.name}: {result['seconds']:.1f} s")
    config = plain_config(root, "export")
    site = plan.work / "site-plain"
    result = build_once(root, config.name, site)
    log(f"build (gewone MkDocs, export): {result['seconds']:.1f} s")
    shutil.rmtree(site)
    return result


plan_export_s: dict[Path, float] = {}


# --- 2b. the engine's floor -------------------------------------------------------------------

_FLOOR_PAGES = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from generator.project import load_project
root, out = Path(sys.argv[1]), Path(sys.argv[2])
(out / "praktijken").mkdir(parents=True)
(out / "index.md").write_text("# Praktijken\\n", encoding="utf-8")
for p in load_project(root).practices:
    meta = {"title": p.titel, "description": p.samenvatting}
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()]
    text = "---\\n" + "\\n".join(lines)
    text += f"\\n---\\n\\n# {p.titel}\\n\\n{p.samenvatting}\\n\\n{p.body}\\n"
    (out / "praktijken" / f"{p.id}.md").write_text(text, encoding="utf-8")
"""


def floor_config(root: Path) -> Path:
    """The engine's floor: MkDocs + Material + search building one plain page per practice
    (its title, summary and text as Markdown, nothing else), with the site's theme and Markdown
    extensions and a navigation of one page, as the practice pages are outside it."""
    import yaml

    docs = root / "floor-docs"
    if not docs.exists():
        subprocess.run(
            [PY, "-c", _FLOOR_PAGES, str(root), str(docs), str(ROOT)], check=True, env=ENV
        )

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    site = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    theme = dict(site["theme"])
    theme.pop("custom_dir", None)  # the project's templates need the plugin's context
    theme["language"] = "nl"
    theme.pop("logo", None)
    theme.pop("favicon", None)
    config = {
        "site_name": site["site_name"],
        "site_url": site.get("site_url"),
        "docs_dir": docs.name,
        "theme": theme,
        "plugins": [{"search": {"lang": "nl"}}],
        "markdown_extensions": site.get("markdown_extensions", []),
        "nav": [{"Home": "index.md"}],
        "not_in_nav": "/praktijken/\n",
    }
    path = root / "mkdocs-floor.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def bench_floor(plan: Plan, projects: Projects, log: Log) -> dict[str, Any]:
    """The site against the engine's floor at `compare_n`, built alternately (A B A B …) so
    both see the same load; the figure is the median of the ratios of each pair."""
    root = projects.get(plan.compare_n)
    config = floor_config(root)
    pairs = []
    for i in range(plan.floor_repeats):
        site = build_once(root, "mkdocs.yml", plan.work / "site-floor-a")
        floor = build_once(root, config.name, plan.work / "site-floor-b")
        pairs.append((site["seconds"], floor["seconds"], site["maxrss_kb"]))
        log(
            f"ondergrens #{i + 1}: site {site['seconds']:.1f} s, MkDocs zelf "
            f"{floor['seconds']:.1f} s: {site['seconds'] / floor['seconds']:.2f} ×"
        )
    for name in ("site-floor-a", "site-floor-b"):
        shutil.rmtree(plan.work / name, ignore_errors=True)
    ratios = [a / b for a, b, _ in pairs]
    return {
        "n": plan.compare_n,
        "site_runs_s": [round(a, 2) for a, _, _ in pairs],
        "floor_runs_s": [round(b, 2) for _, b, _ in pairs],
        "ratios": [round(r, 3) for r in ratios],
        "ratio_median": round(statistics.median(ratios), 3),
        "site_median_s": round(statistics.median(a for a, _, _ in pairs), 2),
        "floor_median_s": round(statistics.median(b for _, b, _ in pairs), 2),
        "site_maxrss_mb": round(max(m for _, _, m in pairs) / 1024, 1),
    }


# --- 3. mkdocs serve -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (127.0.0.1 only)
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def served_path(root: Path) -> str:
    import re
    from urllib.parse import urlsplit

    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", text, re.MULTILINE)
    return urlsplit(match.group(1)).path.rstrip("/") if match else ""


def bench_serve(plan: Plan, projects: Projects, log: Log) -> dict[str, Any]:
    root = projects.get(plan.serve_n)
    practice = sorted((root / "practices").glob("*.md"))[
        len(list((root / "practices").glob("*.md"))) // 2
    ]
    port = free_port()
    url = f"http://127.0.0.1:{port}{served_path(root)}/praktijken/{practice.stem}/"
    log_file = (plan.work / "serve.log").open("w")
    process = subprocess.Popen(
        # --dirty: a change renders only the pages whose content changed (see the plugin).
        [PY, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=ENV,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    out: dict[str, Any] = {"n": plan.serve_n, "latencies_s": []}
    original = practice.read_text(encoding="utf-8")
    try:
        t = time.perf_counter()
        deadline = t + 1200
        while fetch(url) is None:
            if time.perf_counter() > deadline or process.poll() is not None:
                raise RuntimeError(f"mkdocs serve kwam niet op (zie {plan.work / 'serve.log'})")
            time.sleep(0.5)
        out["first_build_s"] = round(time.perf_counter() - t, 1)
        log(f"mkdocs serve klaar na {out['first_build_s']} s")
        for i in range(plan.serve_edits):
            time.sleep(3)  # let the watcher settle after the previous build
            marker = f"Gewijzigd voor meting {i} {time.time_ns()}"
            text = original.replace("bron: Benchmark (gegenereerd)", f"bron: {marker}")
            assert text != original, "de praktijk heeft geen bron-regel om te wijzigen"
            saved = time.perf_counter()
            practice.write_text(text, encoding="utf-8")
            deadline = saved + 900
            while True:
                page = fetch(url)
                if page and marker in page:
                    break
                if time.perf_counter() > deadline or process.poll() is not None:
                    raise RuntimeError("de gewijzigde pagina verscheen niet binnen 900 s")
                time.sleep(0.1)
            out["latencies_s"].append(round(time.perf_counter() - saved, 2))
            log(f"serve: wijziging zichtbaar na {out['latencies_s'][-1]} s")
    finally:
        practice.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        log_file.close()
    out["median_s"] = round(statistics.median(out["latencies_s"]), 2)
    out["dirty"] = True
    return out


# --- 4. the catalogue in Chromium ------------------------------------------------------------

HARNESS = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Catalogus: meting</title>
<link rel="stylesheet" href="material.css"><link rel="stylesheet" href="praktijken.css"></head>
<body><div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">
<div class="md-content"><article class="md-content__inner md-typeset"><h1>Catalogus</h1>
<div id="pk-catalogue"><div class="pk-catalogue__fallback"></div></div>
</article></div></div></main></div>
<script src="praktijken-data.js"></script><script src="catalogus.js"></script>
</body></html>
"""

CLICK_JS = """
async (id) => {
  const box = document.getElementById(id);
  const t0 = performance.now();
  box.click();  // 'change' runs the filter and re-renders the list synchronously
  const rendered = performance.now() - t0;
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));  // the next frame
  return [rendered, performance.now() - t0,
          Number(document.getElementById('pk-catalogue').dataset.results)];
}
"""

TYPE_JS = """
async (text) => {
  const box = document.getElementById('pk-q');
  const t0 = performance.now();
  box.value = text;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  const rendered = performance.now() - t0;
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return [rendered, performance.now() - t0,
          Number(document.getElementById('pk-catalogue').dataset.results)];
}
"""


def catalogue_data(root: Path) -> tuple[str, int]:
    from generator.project import load_project
    from generator.render.catalogue import catalogue_script
    from generator.taxonomy import build_site

    project = load_project(root)
    if project.errors:
        raise RuntimeError(f"{len(project.errors)} fouten in {root}")
    return catalogue_script(build_site(project.practices, project.vocab)), len(project.practices)


class _Server:
    def __init__(self, folder: Path) -> None:
        import functools
        import http.server
        import threading

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
        )
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def shutdown(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def local_server(folder: Path) -> _Server:
    """A static server for `folder` on 127.0.0.1 (a free port), in a thread."""
    return _Server(folder)


def filter_timings(browser, url: str) -> dict[str, Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.route(
            "http*://**",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("http://127.0.0.1:")
                else route.abort()
            ),
        )  # nothing leaves the machine
        t = time.perf_counter()
        page.goto(url)
        page.wait_for_function("window.PK_CATALOGUE_READY === true", timeout=120_000)
        first = round(1000 * (time.perf_counter() - t), 1)
        clicks = [
            page.evaluate(CLICK_JS, f"pk-sdg-{i}")
            for _ in range(2)
            for i in SDG_CHECKBOXES
            for _state in ("aan", "uit")
        ]
        typed = [page.evaluate(TYPE_JS, word) for word in ("fiets", "fietsen", "", "klimaat", "")]
    finally:
        page.close()
    painted = sorted(c[1] for c in clicks)
    return {
        "first_render_ms": first,
        "filter_ms": {
            "median": round(statistics.median(painted), 1),
            "p90": round(painted[int(0.9 * (len(painted) - 1))], 1),
            "max": round(max(painted), 1),
            "count": len(painted),
            "script_median": round(statistics.median(c[0] for c in clicks), 1),
        },
        "typing_ms": {
            "median": round(statistics.median(t[1] for t in typed), 1),
            "max": round(max(t[1] for t in typed), 1),
        },
        "results_after_first_click": clicks[0][2],
    }


def bench_catalogue(plan: Plan, projects: Projects, log: Log) -> dict[str, Any]:
    root = projects.get(plan.catalogue_n)
    script, n = catalogue_data(root)
    harness = plan.work / "catalogus-harnas"
    if harness.exists():
        shutil.rmtree(harness)
    harness.mkdir(parents=True)
    data = harness / "praktijken-data.js"
    data.write_text(script, encoding="utf-8")
    out: dict[str, Any] = {
        "n": n,
        "catalogue_bytes": data.stat().st_size,
        "catalogue_gz_bytes": gz_size(data),
    }
    out["per_practice_b"] = round(out["catalogue_bytes"] / n, 1)
    out["per_practice_gz_b"] = round(out["catalogue_gz_bytes"] / n, 1)
    log(f"catalogusgegevens {n}: {out['per_practice_gz_b']} B/praktijk gzip")
    if not Path(CHROMIUM).exists():
        out["browser"] = f"Chromium ontbreekt op {CHROMIUM}: filterwissel niet gemeten"
        return out
    import material

    css = sorted(
        (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob(
            "main.*.min.css"
        )
    )
    if css:
        shutil.copy(css[0], harness / "material.css")
    shutil.copy(ROOT / "docs" / "stylesheets" / "praktijken.css", harness / "praktijken.css")
    shutil.copy(ROOT / "docs" / "javascripts" / "catalogus.js", harness / "catalogus.js")
    (harness / "index.html").write_text(HARNESS, encoding="utf-8")
    from playwright.sync_api import sync_playwright

    server = local_server(harness)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            try:
                # Over HTTP, as on the online site (the target), then from file://, as in a bundle.
                out.update(filter_timings(browser, f"{server.url}index.html"))
                offline = filter_timings(browser, (harness / "index.html").as_uri())
                out["file"] = {k: offline[k] for k in ("filter_ms", "typing_ms", "first_render_ms")}
            finally:
                browser.close()
    finally:
        server.shutdown()
    log(
        f"filterwissel {n}: mediaan {out['filter_ms']['median']} ms over HTTP, "
        f"{out['file']['filter_ms']['median']} ms vanaf file://"
    )
    return out


# --- 5. the offline bundle -------------------------------------------------------------------


def bench_bundle(plan: Plan, projects: Projects, log: Log) -> dict[str, Any]:
    probe = subprocess.run(
        [PY, "-m", "generator", "bundle", "--help"],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if probe.returncode != 0:
        return {"available": False, "reason": "`python -m generator bundle` bestaat nog niet"}
    if not (ROOT / "node_modules" / "iframe-worker").is_dir():
        return {"available": False, "reason": "node_modules ontbreekt (npm ci)"}
    root = projects.get(plan.bundle_n)
    target = plan.work / f"bundel-{plan.bundle_n}.zip"
    result = measure([PY, "-m", "generator", "bundle", "--out", str(target)], root, 2400)
    out = {
        "available": True,
        "n": plan.bundle_n,
        "seconds": round(result["seconds"], 1),
        "bytes": target.stat().st_size,
        "maxrss_mb": round(result["maxrss_kb"] / 1024, 1),
        "output": result["out"].strip().splitlines()[-1:] if result["out"].strip() else [],
    }
    log(f"bundel {plan.bundle_n}: {out['bytes'] / 1e6:.1f} MB in {out['seconds']} s")
    target.unlink()
    return out


# --- 6. the page "De databank in cijfers" -----------------------------------------------------

# Its rendering in the core (figures, charts and page, as render_site makes it), in a fresh
# process, and its size: the Markdown, and the HTML that Python-Markdown makes of it with the
# site's extensions (the charts are raw HTML and pass through unchanged).
_CIJFERS = """
import gzip, json, statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
import markdown
from generator import figures
from generator.project import load_project
from generator.render import SiteOptions, cijfers
from generator.taxonomy import build_site
project = load_project(Path(sys.argv[1]))
site = build_site(project.practices, project.vocab)
runs, compute = [], []
for _ in range(5):
    t = time.perf_counter()
    text = cijfers.cijfers_page(site, SiteOptions())
    runs.append(time.perf_counter() - t)
    t = time.perf_counter()
    figures.compute(site, None)
    compute.append(time.perf_counter() - t)
body = text.split("---\\n", 2)[2]
html = markdown.markdown(
    body, extensions=["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]
)
print(json.dumps({"runs_s": runs, "best_s": min(runs), "median_s": statistics.median(runs),
                  "figures_s": min(compute), "markdown_bytes": len(text.encode()),
                  "content_bytes": len(html.encode()),
                  "content_gz_bytes": len(gzip.compress(html.encode(), 9, mtime=0)),
                  "practices": len(site.practices)}))
"""


def cijfers_page(root: Path) -> dict[str, Any]:
    done = subprocess.run(
        [PY, "-c", _CIJFERS, str(root), str(ROOT)],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    if done.returncode != 0:
        raise RuntimeError(f"cijferpagina niet gemeten:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_cijfers(plan: Plan, projects: Projects, log: Log) -> dict[str, Any]:
    """The page at the catalogue's number of practices; the theme around it (header,
    navigation, footer: the same at any number) is measured on a small built site."""
    small_root = projects.get(plan.base_n)
    site = plan.work / "site-cijfers"
    build_once(small_root, "mkdocs.yml", site)
    built = site / "cijfers" / "index.html"
    theme = built.stat().st_size - cijfers_page(small_root)["content_bytes"]
    shutil.rmtree(site)
    out = cijfers_page(projects.get(plan.catalogue_n))
    out = {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}
    out["runs_s"] = [round(t, 3) for t in out["runs_s"]]
    out["n"] = plan.catalogue_n
    out["theme_bytes"] = theme
    out["page_bytes"] = out["content_bytes"] + theme
    log(
        f"cijferpagina {plan.catalogue_n}: {out['page_bytes'] / 1000:.0f} kB, "
        f"gemaakt in {out['best_s']} s"
    )
    return out


# --- text realism ----------------------------------------------------------------------------


def realism(projects: Projects) -> dict[str, Any]:
    """Catalogue data per practice, gzipped: the real collection against as many generated
    practices. Close figures mean the generated text compresses like the real text."""
    real, n = catalogue_data(ROOT)
    sample = projects.generate.generate(n, projects.work / "realisme", corpus=projects.corpus)
    generated, _ = catalogue_data(sample)
    shutil.rmtree(sample)
    return {
        "n": n,
        "real_gz_per_practice_b": round(len(gzip.compress(real.encode(), 9, mtime=0)) / n, 1),
        "generated_gz_per_practice_b": round(
            len(gzip.compress(generated.encode(), 9, mtime=0)) / n, 1
        ),
    }


# --- the machine -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    cpu = "onbekend"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass

    def ver(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "niet geïnstalleerd"

    chromium = "niet gevonden"
    if Path(CHROMIUM).exists():
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            chromium = (
                subprocess.run(
                    [CHROMIUM, "--version"], capture_output=True, text=True, timeout=30
                ).stdout.strip()
                or chromium
            )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": ver("mkdocs"),
        "mkdocs_material": ver("mkdocs-material"),
        "chromium": chromium,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


# --- the page --------------------------------------------------------------------------------


def nl(x: float | int | None, digits: int = 0) -> str:
    """A number written the Dutch way: 10.000 and 1,5."""
    if x is None:
        return "–"
    text = f"{x:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def parallel_from() -> int:
    try:
        from generator.project import PARALLEL_FROM
    except ImportError:
        return 0
    return PARALLEL_FROM


def verdicts(r: dict[str, Any]) -> dict[str, tuple[float | None, bool | None]]:
    fl, sv = r.get("floor", {}), r.get("serve", {})
    big_build = max((int(k) for k in r.get("build", {}).get("runs", {})), default=None)
    b, c, cat, bun, cij = (
        r.get("build", {}),
        r.get("check", {}),
        r.get("catalogue", {}),
        r.get("bundle", {}),
        r.get("cijfers", {}),
    )
    big = max((int(k) for k in c if k.isdigit()), default=None)
    values: dict[str, float | None] = {
        "check_10000": c[str(big)]["best_s"] if big else None,
        "build_ratio_1000": b.get("build_ratio"),
        "floor_ratio_1000": fl.get("ratio_median"),
        "serve_s_1000": sv.get("median_s") if sv.get("dirty") else None,
        "maxrss_5000": b["runs"][str(big_build)]["maxrss_mb"] if big_build else None,
        "per_practice_ratio": b.get("per_practice_ratio"),
        "catalogue_gz_10000": cat.get("per_practice_gz_b"),
        "filter_10000": cat.get("filter_ms", {}).get("median"),
        "bundle_size_1000": bun["bytes"] / 1e6 if bun.get("available") else None,
        "cijfers_kb_10000": cij["page_bytes"] / 1000 if cij else None,
        "cijfers_s_10000": cij.get("best_s"),
    }
    return {k: (v, None if v is None else v <= TARGETS[k][1]) for k, v in values.items()}


def max_load(r: dict[str, Any]) -> float:
    """The highest load of this run and of the runs whose steps it took over."""
    return max(r["load"]["max"], (r.get("carried_load") or {}).get("max", 0))


def busy_machine(r: dict[str, Any]) -> bool:
    """The measurement itself keeps one core (builds) to two (check) busy; a load above
    cores + 1 means other work ran at the same time."""
    return max_load(r) > (r["machine"]["cores"] or 1) + 1


def n_runs(c: dict[str, Any]) -> int:
    return max(len(e["runs_s"]) for k, e in c.items() if k.isdigit())


def why(key: str, r: dict[str, Any]) -> str:
    """The reason a target was missed, from the figures themselves."""
    b, c, cat = r.get("build", {}), r.get("check", {}), r.get("catalogue", {})
    busy = (
        f" De machine was tijdens de meting ook met ander werk bezig (belasting tot "
        f"{nl(max_load(r), 1)} op {r['machine']['cores']} kernen, de meting zelf inbegrepen): "
        "de tijden zijn eerder te hoog dan te laag."
        if busy_machine(r)
        else ""
    )
    if key == "check_10000":
        big = max(int(k) for k in c if k.isdigit())
        small = min(int(k) for k in c if k.isdigit())
        per = 1000 * (c[str(big)]["best_s"] - c[str(small)]["best_s"]) / (big - small)
        needed = 1000 * (TARGETS[key][1] - c["python_import_s"]) / big
        return (
            f"`check` leest, parseert en valideert elk bestand: tussen {nl(small)} en {nl(big)} "
            f"praktijken kost elke extra praktijk {nl(per, 2)} ms (vanaf {nl(parallel_from())} "
            f"bestanden verdeeld over {r['machine']['cores']} processen), bovenop "
            f"{nl(c['python_import_s'], 2)} s om Python en de generator te laden. Om "
            f"{nl(big)} praktijken in {nl(TARGETS[key][1], 0)} s te controleren mag dat hoogstens "
            f"{nl(needed, 2)} ms per praktijk zijn." + busy
        )
    if key == "build_ratio_1000":
        n = str(r["plan"]["compare_n"])
        extra = b["runs"][n]["best_s"] - b["plain_best_s"]
        export = r.get("export_s")
        g = b["runs"][n].get("generator")
        return (
            f"De plugin-bouw duurt {nl(extra, 1)} s langer dan gewone MkDocs op dezelfde "
            f"pagina's. Dat is het werk van de generator zelf (praktijken lezen, valideren, "
            f"pagina's en gegevensbestanden maken)"
            + (
                f"; `generator export` doet hetzelfde werk los in {nl(export, 1)} s"
                if export
                else ""
            )
            + (
                f". Apart gemeten: lezen en valideren {nl(g['load_s'], 1)} s, taxonomie "
                f"{nl(g['taxonomy_s'], 1)} s (vooral de lijsten 'Gerelateerde praktijken' en 'Uit "
                f"de buurt', generator/taxonomy.py), pagina's maken {nl(g['render_s'], 1)} s. "
                f"Binnen {nl(TARGETS[key][1], 2)} × blijven vraagt dat de generator hoogstens "
                f"{nl((TARGETS[key][1] - 1) * b['plain_best_s'], 1)} s toevoegt"
                if g
                else ""
            )
            + "."
            + busy
        )
    if key == "per_practice_ratio":
        per = b["per_practice"]
        text = (
            "De marginale kost per praktijk (bouwtijd min die van een kleine site, gedeeld door "
            "het aantal extra praktijken) stijgt van "
            + " naar ".join(
                f"{nl(v['marginal_per_practice_ms'], 1)} ms ({nl(int(k))})" for k, v in per.items()
            )
            + "."
        )
        phases = {k: b["runs"][k].get("generator") for k in per if b["runs"][k].get("generator")}
        if len(phases) >= 2:
            small, large = min(phases, key=int), max(phases, key=int)
            names = {
                "load": "lezen en valideren",
                "taxonomy": "taxonomie (indexen, gerelateerde "
                "praktijken en 'uit de buurt', generator/taxonomy.py)",
                "render": "pagina's maken (generator/render)",
            }
            growth = sorted(
                (
                    (
                        phases[large][f"{p}_ms_per_practice"]
                        - phases[small][f"{p}_ms_per_practice"],
                        p,
                    )
                    for p in names
                ),
                reverse=True,
            )
            text += (
                (
                    " Van de generator zelf groeit per praktijk vooral "
                    + "; ".join(
                        f"{names[p]}: van {nl(phases[small][f'{p}_ms_per_practice'], 2)} naar "
                        f"{nl(phases[large][f'{p}_ms_per_practice'], 2)} ms"
                        for d, p in growth
                        if d > 0.1
                    )
                    + "."
                )
                if growth[0][0] > 0.1
                else ""
            )
        return text + busy
    if key == "catalogue_gz_10000":
        return (
            "Elke praktijk staat met titel en volledige samenvatting in de catalogusgegevens; "
            f"gecomprimeerd is dat {nl(cat.get('per_practice_gz_b'), 0)} B per praktijk."
        )
    if key == "filter_10000":
        f = cat.get("filter_ms", {})
        return (
            f"Een filterwissel rekent de facettellingen over alle praktijken opnieuw uit en tekent "
            f"de lijst opnieuw; het script zelf neemt {nl(f.get('script_median'), 1)} ms (mediaan)."
            + busy
        )
    if key == "bundle_size_1000":
        return (
            "De bundel bevat de volledige site met zoekindex en afdrukgegevens voor elke praktijk."
        )
    if key in ("cijfers_kb_10000", "cijfers_s_10000"):
        return (
            "De pagina groeit niet met het aantal praktijken, alleen met de lijsten: de "
            "heatmap heeft één vakje (en één link) per SDG en beleidsdomein."
        )
    if key == "floor_ratio_1000":
        fl = r["floor"]
        return (
            f"De site bouwt in {nl(fl['site_median_s'], 1)} s, MkDocs zelf op de kale "
            f"praktijkpagina's in {nl(fl['floor_median_s'], 1)} s. Het verschil zit in wat de "
            "ondergrens niet heeft: de praktijken lezen en valideren, de taxonomie, de "
            "indexpagina's (elke gemeente, SDG, beleidsdomein en provincie: elke pagina kost "
            "MkDocs en Material een sjabloon en een schrijfbeurt) en de grotere pagina's "
            "(feiten, gerelateerde praktijken en 'uit de buurt', die Markdown en de zoekfunctie "
            "als HTML doorlopen)." + busy
        )
    if key == "serve_s_1000":
        return (
            "Bij elke wijziging leest en valideert de plugin alle praktijken opnieuw en maakt "
            "ze alle pagina's in de generator om ze te vergelijken met de vorige bouw; MkDocs "
            "bouwt daarna alleen de gewijzigde." + busy
        )
    if key == "maxrss_5000":
        return (
            "MkDocs houdt elke pagina (Markdown, HTML en inhoudstafel) tot het einde vast." + busy
        )
    return ""


def page(r: dict[str, Any]) -> str:
    m, b, c, cat = r["machine"], r.get("build", {}), r.get("check", {}), r.get("catalogue", {})
    s, bun = r.get("serve", {}), r.get("bundle", {})
    v = verdicts(r)
    lines = [
        "---",
        "title: Prestaties",
        "description: Hoe snel de databank gecontroleerd, gebouwd en doorzocht wordt bij duizenden "
        "praktijken.",
        "---",
        "",
        "# Prestaties",
        "",
        "Groeit de databank van tientallen naar duizenden praktijken, dan moet ze even vlot "
        "blijven: voor wie een praktijk indient, voor wie de site bouwt en voor wie erin zoekt. "
        "Deze pagina toont de laatste metingen met gegenereerde praktijken. Ze wordt geschreven "
        "door `python benchmarks/run.py`; de ruwe cijfers staan in `benchmarks/results.json`.",
        "",
        "## De machine",
        "",
        "| Onderdeel | Gegevens |",
        "|---|---|",
        f"| Processor | {m['cpu']}, {m['cores']} kernen |",
        f"| Geheugen | {nl(m['ram_gib'], 0)} GiB |",
        f"| Software | Python {m['python']}, MkDocs {m['mkdocs']}, "
        f"Material for MkDocs {m['mkdocs_material']}, {m['chromium']} |",
        f"| Datum | {m['date'][:16].replace('T', ' ')} |",
        f"| Belasting tijdens de meting | gemiddeld {nl(r['load']['mean'], 1)}, "
        f"van {nl(r['load']['min'], 1)} tot {nl(r['load']['max'], 1)} "
        "(1-minuutgemiddelde, de meting zelf inbegrepen) |",
        f"| Duur van de meting | {nl(r['duration_s'] / 60, 0)} minuten |",
        "",
    ]
    lines += [
        "De meting zelf houdt één kern (bouwen) tot twee kernen (`check`) bezig. "
        + (
            "De belasting lag soms hoger: er liep ander werk op dezelfde machine, dus de tijden "
            "zijn eerder te hoog dan te laag."
            if busy_machine(r)
            else f"De belasting bleef onder {(r['machine']['cores'] or 1) + 1}: weinig of geen "
            "ander werk tegelijk."
        ),
        "",
    ]
    carried = r.get("carried_over") or {}
    if carried:
        lines += [
            "Niet alles is in deze run gemeten; deze stappen komen uit een eerdere meting "
            "(stap: datum): "
            + ", ".join(f"`{k}`: {v[:16].replace('T', ' ')}" for k, v in sorted(carried.items()))
            + ". De machine en de belasting hierboven gelden voor de laatste run.",
            "",
        ]
    lines += ["## Doelen", "", "| Doel | Streefwaarde | Gemeten | Gehaald? |", "|---|---|---|---|"]
    for key, (_, limit, unit) in TARGETS.items():
        value, ok = v[key]
        digits = 2 if unit in ("s", "×") else (1 if unit == "MB" else 0)
        shown = "niet gemeten" if value is None else f"{nl(value, digits)} {unit}"
        verdict = "–" if ok is None else ("✅ gehaald" if ok else "❌ niet gehaald")
        lines.append(
            f"| {label(key, r['plan'])} | < {nl(limit, digits if unit != 'B' else 0)} {unit} "
            f"| {shown} | {verdict} |"
        )
    missed = [k for k, (value, ok) in v.items() if ok is False]
    not_measured = [k for k, (value, ok) in v.items() if ok is None]
    if missed:
        lines += ["", "### Waarom niet gehaald", ""]
        lines += [
            f"- **{label(k, r['plan'])[0].upper() + label(k, r['plan'])[1:]}**: {why(k, r)}"
            for k in missed
        ]
    if not_measured:
        lines += [
            "",
            "Niet gemeten: "
            + "; ".join(
                label(k, r["plan"])
                + (
                    f" ({bun.get('reason')})"
                    if k == "bundle_size_1000" and bun.get("reason")
                    else ""
                )
                for k in not_measured
            )
            + ".",
        ]
    lines += ["", "## Alle metingen", ""]
    if c:
        lines += [
            "### Praktijken controleren (`python -m generator check`)",
            "",
            f"| Praktijken | Beste van {n_runs(c)} | Mediaan | Alle metingen | Eerste run "
            "(zonder bytecode) | Geheugen (grootste proces) |",
            "|---:|---:|---:|---|---:|---:|",
        ]
        for n in sorted(int(k) for k in c if k.isdigit()):
            e = c[str(n)]
            median = e.get("median_s", statistics.median(e["runs_s"]))
            first = f"{nl(e['first_run_s'], 2)} s" if "first_run_s" in e else "–"
            lines.append(
                f"| {nl(n)} | {nl(e['best_s'], 2)} s | {nl(median, 2)} s "
                f"| {', '.join(nl(t, 2) for t in e['runs_s'])} s | {first} "
                f"| {nl(e['maxrss_mb'], 0)} MB |"
            )
        lines += [
            "",
            f"Python en de generator laden alleen al kost {nl(c['python_import_s'], 2)} s. "
            "De metingen gebruiken de gecompileerde modules (`__pycache__`) zoals elke run na "
            "de eerste; deze machine zet `PYTHONDONTWRITEBYTECODE`, dus de meting schrijft ze "
            "vooraf met `python -m compileall`. De eerste run, die ze nog moet compileren, "
            "staat in de kolom ernaast.",
            "",
        ]
    if b:
        lines += [
            "### De site bouwen (`mkdocs build`)",
            "",
            "| Praktijken | Bouwtijd | Per praktijk (totaal) | Per praktijk (marginaal) | "
            "Geheugen | Site | Zoekindex | Catalogusgegevens (gzip) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for n in sorted(int(k) for k in b["runs"]):
            e = b["runs"][str(n)]
            per = b["per_practice"].get(str(n), {})
            pp = e["per_practice"]
            lines.append(
                f"| {nl(n)} | {nl(e['best_s'], 1)} s "
                f"| {nl(per.get('total_per_practice_ms'), 1)} ms | "
                f"{nl(per.get('marginal_per_practice_ms'), 1)} ms | {nl(e['maxrss_mb'], 0)} MB | "
                f"{nl(e['site_bytes'] / 1e6, 1)} MB ({nl(pp['site_b'] / 1000, 1)} kB/praktijk) | "
                f"{nl(e['search_index_bytes'] / 1e6, 1)} MB "
                f"({nl(pp['search_index_b'] / 1000, 1)} kB/praktijk) | "
                f"{nl(e['catalogue_gz_bytes'] / 1000, 0)} kB "
                f"({nl(pp['catalogue_gz_b'], 0)} B/praktijk) |"
            )
        n = r["plan"]["compare_n"]
        lines += [
            "",
            "De marginale kost per praktijk is (bouwtijd − bouwtijd bij "
            f"{nl(r['plan']['base_n'])} praktijken) ÷ het aantal extra praktijken: zo telt de "
            "vaste kost (MkDocs starten, het thema, de indexpagina's) niet mee en toont de "
            "verhouding of iets sneller groeit dan N.",
            "",
            f"**Plugin tegenover gewone MkDocs bij {nl(n)} praktijken.** Met de plugin "
            f"{nl(b['runs'][str(n)]['best_s'], 1)} s (metingen: "
            f"{', '.join(nl(t, 1) for t in b['runs'][str(n)]['runs_s'])} s); "
            "gewone MkDocs op dezelfde pagina's, geëxporteerd met "
            f"`python -m generator export`, {nl(b['plain_best_s'], 1)} s "
            f"(metingen: {', '.join(nl(t, 1) for t in b['plain_runs_s'])} s): verhouding "
            f"{nl(b['build_ratio'], 2)}. Beide om beurten gebouwd, de beste meting telt."
            + (f" De export zelf duurde {nl(r['export_s'], 1)} s." if r.get("export_s") else ""),
            "",
        ]
        phased = [int(k) for k in b["runs"] if b["runs"][k].get("generator")]
        if phased:
            lines += [
                "Het aandeel van de generator zelf (in een apart proces gemeten, zonder MkDocs):",
                "",
                "| Praktijken | Lezen en valideren | Taxonomie | Pagina's maken |",
                "|---:|---:|---:|---:|",
            ]
            for n in sorted(phased):
                g = b["runs"][str(n)]["generator"]
                lines.append(
                    " | ".join(
                        [f"| {nl(n)}"]
                        + [
                            f"{nl(g[f'{p}_s'], 1)} s "
                            f"({nl(g[f'{p}_ms_per_practice'], 2)} ms/praktijk)"
                            for p in ("load", "taxonomy", "render")
                        ]
                    )
                    + " |"
                )
            lines.append("")
            small = str(min(int(k) for k in phased if int(k) in r["plan"]["build_ns"]))
            large = str(max(phased))
            t_small = b["runs"][small]["generator"]["taxonomy_ms_per_practice"]
            t_large = b["runs"][large]["generator"]["taxonomy_ms_per_practice"]
            if t_large > 1.3 * t_small:
                lines += [
                    f"De taxonomie kost per praktijk {nl(t_large / t_small, 1)} keer meer bij "
                    f"{nl(int(large))} dan bij {nl(int(small))} praktijken: de kandidaten voor "
                    "'Gerelateerde praktijken' en 'Uit de buurt' komen uit vensters van vaste "
                    "grootte, die pas bij grote aantallen vol raken, en elke kandidaat wordt "
                    "gesorteerd op titel. Het blijft begrensd, maar het is het deel van de "
                    "generator dat het snelst groeit.",
                    "",
                ]
        big = str(max(int(k) for k in b["runs"]))
        if b["runs"][big].get("fiches_bytes"):
            lines += [
                f"De afdrukgegevens van de catalogus (`catalogus/fiches-data.js`) wegen "
                f"{nl(b['runs'][big]['per_practice']['fiches_b'] / 1000, 1)} kB per praktijk "
                "(ongecomprimeerd).",
                "",
            ]
    if cat:
        lines += [
            "### De catalogus in de browser",
            "",
            f"Met {nl(cat['n'])} praktijken wegen de catalogusgegevens "
            f"{nl(cat['catalogue_bytes'] / 1e6, 1)} MB "
            f"({nl(cat['per_practice_b'], 0)} B per praktijk), "
            f"gecomprimeerd {nl(cat['catalogue_gz_bytes'] / 1e6, 2)} MB "
            f"({nl(cat['per_practice_gz_b'], 0)} B per praktijk).",
        ]
        if "filter_ms" in cat:
            f = cat["filter_ms"]
            lines += [
                "",
                f"In headless Chromium (een testpagina met `catalogus.js`, de stylesheets van de "
                f"site en de gegevens van {nl(cat['n'])} praktijken, over HTTP zoals de online "
                f"site) duurt een klik op een SDG-filter tot de lijst opnieuw getekend is "
                f"{nl(f['median'], 1)} ms (mediaan van {f['count']} klikken; 90e percentiel "
                f"{nl(f['p90'], 1)} ms, hoogstens {nl(f['max'], 1)} ms; het script zelf "
                f"{nl(f['script_median'], 1)} ms). Typen in het zoekveld: mediaan "
                f"{nl(cat['typing_ms']['median'], 1)} ms. De eerste weergave van de pagina: "
                f"{nl(cat['first_render_ms'], 0)} ms.",
            ]
            if cat.get("file"):
                o = cat["file"]
                lines += [
                    "",
                    f"Vanaf `file://` (een uitgepakte offline bundel) is een filterwissel "
                    f"{nl(o['filter_ms']['median'], 1)} ms (mediaan; hoogstens "
                    f"{nl(o['filter_ms']['max'], 1)} ms)"
                    + (
                        ": Chromium werkt het adres (`history.pushState`) daar trager bij dan "
                        "over HTTP."
                        if o["filter_ms"]["median"] > 1.1 * f["median"]
                        else "."
                    ),
                ]
        elif cat.get("browser"):
            lines += ["", cat["browser"] + "."]
        lines += [""]
    fl = r.get("floor", {})
    if fl:
        lines += [
            "### De ondergrens: MkDocs zelf",
            "",
            f"Met {nl(fl['n'])} praktijken bouwt de site in {nl(fl['site_median_s'], 1)} s "
            f"(mediaan; metingen: {', '.join(nl(t, 1) for t in fl['site_runs_s'])} s). MkDocs "
            "met Material en de zoekfunctie, zonder de plugin, op één gewone pagina per praktijk "
            "met alleen haar titel, samenvatting en tekst (Markdown, de Markdown-uitbreidingen "
            "van de site, het thema zonder de eigen sjablonen) bouwt in "
            f"{nl(fl['floor_median_s'], 1)} s (metingen: "
            f"{', '.join(nl(t, 1) for t in fl['floor_runs_s'])} s). Om beurten gebouwd "
            "(site, ondergrens, site, …); de verhouding per paar is "
            f"{', '.join(nl(x, 2) for x in fl['ratios'])}, mediaan {nl(fl['ratio_median'], 2)}. "
            "De site heeft meer pagina's dan de ondergrens (ook de indexpagina's per SDG, "
            "beleidsdomein, provincie en alle gemeenten) en valideert de praktijken.",
            "",
        ]
    if s:
        how = (
            "`mkdocs serve --dirty` maakt alleen de pagina's opnieuw waarvan de inhoud "
            "veranderde: de praktijk zelf en de pagina's die haar kaart of naam tonen (de "
            "plugin vergelijkt elke gegenereerde pagina met die van de vorige bouw). Zonder "
            "`--dirty` bouwt `mkdocs serve` bij elke wijziging alle pagina's opnieuw."
            if s.get("dirty")
            else "`mkdocs serve` bouwt bij elke wijziging de hele site opnieuw."
        )
        lines += [
            "### Een praktijk wijzigen onder `mkdocs serve`",
            "",
            f"Met {nl(s['n'])} praktijken: van het bewaren van een gewijzigde praktijk tot de "
            f"gewijzigde tekst op haar pagina (over HTTP opgevraagd) {nl(s['median_s'], 1)} s "
            f"(mediaan; metingen: {', '.join(nl(t, 1) for t in s['latencies_s'])} s). {how} "
            f"De eerste bouw duurde {nl(s['first_build_s'], 0)} s. Wie vooral één praktijk "
            "schrijft, controleert ze ook snel met `python -m generator check practices/<id>.md`.",
            "",
        ]
    if bun.get("available"):
        lines += [
            "### Offline bundel (`python -m generator bundle`)",
            "",
            f"{nl(bun['n'])} praktijken: {nl(bun['bytes'] / 1e6, 1)} MB, gemaakt in "
            f"{nl(bun['seconds'], 0)} s.",
            "",
        ]
    cij = r.get("cijfers")
    if cij:
        lines += [
            "### De pagina 'De databank in cijfers'",
            "",
            f"Met {nl(cij['n'])} praktijken maakt de generator de pagina (de cijfers, tien "
            f"grafieken in SVG en hun tabellen) in {nl(cij['best_s'], 2)} s (beste van "
            f"{len(cij['runs_s'])}; mediaan {nl(cij['median_s'], 2)} s), waarvan de cijfers zelf "
            f"{nl(cij['figures_s'], 2)} s. De inhoud weegt {nl(cij['content_bytes'] / 1000, 0)} kB "
            f"HTML ({nl(cij['content_gz_bytes'] / 1000, 0)} kB gecomprimeerd); met het thema "
            f"eromheen ({nl(cij['theme_bytes'] / 1000, 0)} kB: kop, navigatie, voet) is de "
            f"pagina {nl(cij['page_bytes'] / 1000, 0)} kB.",
            "",
            "![De pagina 'De databank in cijfers' op een computerscherm]"
            "(assets/screenshots/cijfers-desktop.png){ width=640 }",
            "![Dezelfde pagina op een smartphone van 360 pixels breed]"
            "(assets/screenshots/cijfers-360.png){ width=240 }",
            "![Afgedrukt op A4: de bladzijde met de SDG's]"
            "(assets/screenshots/cijfers-print.png){ width=300 }",
            "",
        ]
    rl = r.get("realism")
    if rl:
        lines += [
            "## Hoe de praktijken gemaakt worden",
            "",
            "`benchmarks/generate.py` maakt geldige praktijken die elke lijst gebruiken (alle "
            "SDG's met subdoelen, beleidsdomeinen, LMB-categorieën, principes, statussen, jaren, "
            "gemeenten uit heel Vlaanderen). De tekst komt uit de echte praktijken van de "
            "databank: elke gegenereerde tekst volgt de opbouw van een echte (dezelfde "
            "tussenkoppen, alinea's en opsommingen) met nieuwe zinnen uit een woordmodel dat op "
            "de echte teksten getraind is. Zo comprimeren ze zoals echte tekst: de "
            f"catalogusgegevens van de {rl['n']} echte praktijken wegen gecomprimeerd "
            f"{nl(rl['real_gz_per_practice_b'], 0)} B per praktijk, die van {rl['n']} gegenereerde "
            f"{nl(rl['generated_gz_per_practice_b'], 0)} B.",
            "",
        ]
    lines += [
        "## Zelf meten",
        "",
        "```bash",
        "python benchmarks/run.py           # alle metingen (ongeveer 20 minuten op 2 kernen)",
        "python benchmarks/run.py --quick   # rookproef met kleine aantallen",
        "# alleen de bouw, de ondergrens en mkdocs serve (de andere cijfers blijven staan):",
        "python benchmarks/run.py --skip check,catalogue,bundle,cijfers",
        "```",
        "",
    ]
    return "\n".join(lines)


# --- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = make_plan(args)
    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
        plan.out_md.write_text(page(results), encoding="utf-8")
        print(f"Pagina: {plan.out_md}")
        return 0
    if args.dry_run:
        print(
            json.dumps(
                {
                    k: (
                        str(v)
                        if isinstance(v, Path)
                        else sorted(v)
                        if isinstance(v, frozenset)
                        else v
                    )
                    for k, v in plan.__dict__.items()
                },
                indent=1,
            )
        )
        return 0
    plan.work.mkdir(parents=True, exist_ok=True)
    log = Log()
    log(f"{'Rookproef' if plan.quick else 'Volledige meting'} in {plan.work}")
    projects = Projects(plan.work, log)
    results: dict[str, Any] = {
        "quick": plan.quick,
        "machine": machine(),
        "plan": {
            "check_ns": plan.check_ns,
            "base_n": plan.base_n,
            "build_ns": plan.build_ns,
            "compare_n": plan.compare_n,
            "serve_n": plan.serve_n,
            "catalogue_n": plan.catalogue_n,
            "bundle_n": plan.bundle_n,
        },
    }
    results["realism"] = realism(projects)
    if plan.skip and not plan.quick and plan.out_json.is_file():
        # Skipped steps keep their last figures (with the date they were measured).
        previous = json.loads(plan.out_json.read_text(encoding="utf-8"))
        when = previous.get("carried_over", {})
        for name in sorted(plan.skip):
            if name in previous:
                results[name] = previous[name]
                when[name] = when.get(name) or previous.get("machine", {}).get("date")
        results["carried_over"] = {k: v for k, v in when.items() if k in plan.skip}
        loads = [previous.get("load", {}), previous.get("carried_load", {})]
        results["carried_load"] = {"max": max(x.get("max", 0) for x in loads)}
    steps = {
        "check": bench_check,
        "build": bench_build,
        "floor": bench_floor,
        "serve": bench_serve,
        "catalogue": bench_catalogue,
        "bundle": bench_bundle,
        "cijfers": bench_cijfers,
    }
    failures = {}
    for name, step in steps.items():
        if name in plan.skip:
            continue
        try:
            results[name] = step(plan, projects, log)
        except Exception as error:  # noqa: BLE001  (one failed step must not lose the others)
            failures[name] = f"{type(error).__name__}: {error}"
            log(f"STAP {name} MISLUKT: {failures[name][:500]}")
    if plan_export_s:
        results["export_s"] = round(min(plan_export_s.values()), 2)
    results["generation_s"] = {str(k): v for k, v in projects.generation_s.items()}
    results["failures"] = failures
    results["duration_s"] = round(time.perf_counter() - log.start, 1)
    log.loads.append(load())
    results["load"] = {
        "min": min(log.loads),
        "max": max(log.loads),
        "mean": round(statistics.mean(log.loads), 2),
        "samples": log.loads,
    }
    plan.out_json.parent.mkdir(parents=True, exist_ok=True)
    plan.out_json.write_text(
        json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    plan.out_md.write_text(page(results), encoding="utf-8")
    print(f"\nCijfers: {plan.out_json}\nPagina:  {plan.out_md}")
    for key, (value, ok) in verdicts(results).items():
        print(
            f"  {label(key, results['plan'])}: {value} {TARGETS[key][2]} "
            f"({'gehaald' if ok else 'niet gehaald' if ok is False else 'niet gemeten'})"
        )
    if failures:
        print(f"Mislukte stappen: {', '.join(failures)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
