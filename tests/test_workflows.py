"""GitHub Actions workflows, the issue form, the pull request template and pre-commit: valid YAML
with the jobs and steps the contribution process relies on."""

import re

import pytest
import yaml
from conftest import REPO

from generator.cli import _parser
from generator.vocab import load_vocab

GITHUB = REPO / ".github"
WORKFLOWS = GITHUB / "workflows"
ISSUE_FORM = GITHUB / "ISSUE_TEMPLATE" / "praktijk-voorstellen.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+)*|[0-9a-f]{40})$")


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow):
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    return workflow.get("on", workflow.get(True))


def steps(workflow, job=None):
    jobs = [workflow["jobs"][job]] if job else workflow["jobs"].values()
    return [step for j in jobs for step in j.get("steps", [])]


def index_of(step_list, predicate):
    found = [i for i, s in enumerate(step_list) if predicate(s)]
    assert found, "stap niet gevonden"
    return found[0]


def runs(text):
    return lambda step: text in step.get("run", "")


def uses(action):
    return lambda step: step.get("uses", "").split("@")[0] == action


@pytest.fixture(scope="module")
def workflows():
    return {path.name: load(path) for path in sorted(WORKFLOWS.glob("*.y*ml"))}


def test_every_workflow_is_valid_yaml_with_jobs(workflows):
    assert {"pull-request.yml", "deploy.yml", "release.yml"} <= set(workflows)
    for name, workflow in workflows.items():
        assert isinstance(workflow, dict), name
        assert workflow.get("name"), name
        assert triggers(workflow), name
        assert workflow["jobs"], name
        for job_id, job in workflow["jobs"].items():
            assert job.get("runs-on"), (name, job_id)
            assert job.get("steps"), (name, job_id)
            for step in job["steps"]:
                assert ("uses" in step) != ("run" in step), (name, job_id, step)
                if "uses" in step:
                    assert PINNED.match(step["uses"]), step["uses"]


def test_pull_request_checks_then_builds_strictly_then_tests(workflows):
    wf = workflows["pull-request.yml"]
    assert "pull_request" in triggers(wf)
    check_job = wf["jobs"]["controle"]
    job_steps = check_job["steps"]
    python = job_steps[index_of(job_steps, uses("actions/setup-python"))]
    assert str(python["with"]["python-version"]) == "3.11"
    install = index_of(job_steps, runs('pip install -e ".[test]"'))
    check = index_of(job_steps, runs("python -m generator check --format github"))
    build = index_of(job_steps, runs("mkdocs build --strict"))
    assert install < check < build

    tests = wf["jobs"]["tests"]
    assert tests["needs"] == "controle"  # after the check and the strict build
    assert str(tests["env"]["CI"]) == "true"
    # Python 3.11 on Debian, where the package chromium is a real browser.
    assert tests["container"]["image"].startswith("python:3.11")
    test_steps = tests["steps"]
    chromium = index_of(
        test_steps, lambda s: re.search(r"apt-get install .*\bchromium\b", s.get("run", ""))
    )
    npm = index_of(test_steps, runs("npm ci"))
    pip = index_of(test_steps, runs('pip install -e ".[test]"'))
    pytest_step = index_of(test_steps, runs("pytest"))
    assert max(chromium, npm, pip) < pytest_step


def test_main_is_built_and_deployed_to_pages(workflows):
    wf = workflows["deploy.yml"]
    assert triggers(wf)["push"]["branches"] == ["main"]
    assert wf["permissions"]["pages"] == "write"
    assert wf["permissions"]["id-token"] == "write"
    build_steps = steps(wf, "build")
    build = index_of(build_steps, runs("mkdocs build --strict"))
    upload = index_of(build_steps, uses("actions/upload-pages-artifact"))
    assert build < upload
    assert build_steps[upload]["with"]["path"] == "site"
    assert "--site-dir site" in build_steps[build]["run"]
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    index_of(deploy["steps"], uses("actions/deploy-pages"))


def test_a_tag_builds_the_bundle_and_attaches_it_to_the_release(workflows):
    wf = workflows["release.yml"]
    assert "v*" in triggers(wf)["push"]["tags"]
    assert wf["permissions"]["contents"] == "write"
    job_steps = steps(wf)
    npm = index_of(job_steps, runs("npm ci"))  # the offline search needs the worker shim
    bundle = index_of(job_steps, runs("python -m generator bundle --out"))
    assert "sdg-praktijken-${GITHUB_REF_NAME}.zip" in job_steps[bundle]["run"]
    release = index_of(job_steps, uses("softprops/action-gh-release"))
    assert npm < bundle < release
    assert job_steps[release]["with"]["files"] == "sdg-praktijken-${{ github.ref_name }}.zip"


def test_the_commands_the_workflows_run_exist():
    parser = _parser()
    assert parser.parse_args(["check", "--format", "github"]).format == "github"
    args = parser.parse_args(["bundle", "--out", "sdg-praktijken-v1.0.0.zip"])
    assert str(args.out) == "sdg-praktijken-v1.0.0.zip"


# --- issue form and pull request template --------------------------------------------------


@pytest.fixture(scope="module")
def form():
    return load(ISSUE_FORM)


def fields(form):
    return {item["id"]: item for item in form["body"] if item["type"] != "markdown"}


def test_issue_form_structure(form):
    assert form["name"] == "Praktijk voorstellen"
    assert form["description"]
    assert isinstance(form["body"], list) and form["body"]
    ids = []
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if item["type"] == "markdown":
            assert item["attributes"]["value"].strip()
            continue
        assert re.fullmatch(r"[a-z0-9_-]+", item["id"]), item["id"]
        ids.append(item["id"])
        assert item["attributes"]["label"].strip()
        if item["type"] in {"dropdown", "checkboxes"}:
            assert item["attributes"]["options"]
    assert len(ids) == len(set(ids))
    labels = [i["attributes"]["label"] for i in form["body"] if i["type"] != "markdown"]
    assert len(labels) == len(set(labels))


def test_issue_form_mirrors_the_main_fields(form):
    found = fields(form)
    for key in (
        "titel",
        "gemeenten",
        "sdgs",
        "beleidsdomeinen",
        "status",
        "jaar",
        "samenvatting",
        "aanleiding",
        "aanpak",
        "resultaten",
        "contact",
        "toestemming",
    ):
        assert key in found, key
    for key in (
        "titel",
        "gemeenten",
        "sdgs",
        "beleidsdomeinen",
        "status",
        "jaar",
        "samenvatting",
        "aanpak",
    ):
        assert found[key].get("validations", {}).get("required") is True, key
    consent = found["toestemming"]
    assert consent["type"] == "checkboxes"
    assert all(option.get("required") for option in consent["attributes"]["options"])


def test_issue_form_choices_come_from_the_lists(form):
    vocab, problems = load_vocab(REPO / "practices" / "_lijsten")
    assert problems == []
    found = fields(form)
    sdgs = found["sdgs"]
    assert sdgs["type"] == "dropdown" and sdgs["attributes"]["multiple"] is True
    assert sdgs["attributes"]["options"] == [g.label for g in vocab.goals.values()]
    domains = found["beleidsdomeinen"]["attributes"]["options"]
    labels = [t.label for t in vocab.domains.values()]
    assert domains[:-1] == [label for label in labels if label in domains]  # list order
    assert "Ander" in domains[-1]  # a domain added later is still possible
    assert found["status"]["attributes"]["options"] == [t.label for t in vocab.statuses.values()]


def test_issue_template_config():
    config = load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config["contact_links"]:
        assert link["name"] and link["about"]
        assert link["url"].startswith("https://")


def test_pull_request_template_has_a_checklist():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert 4 <= len(items) <= 10
    joined = " ".join(items).lower()
    for word in ("persoonsgegevens", "alternatieve tekst", "gekopieerd", "voorbeeld"):
        assert word in joined, word


# --- pre-commit ----------------------------------------------------------------------------


def test_pre_commit_checks_changed_practices():
    config = load(REPO / ".pre-commit-config.yaml")
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    [hook] = [h for h in hooks if "python -m generator check" in h["entry"]]
    assert hook["language"] in {"system", "python"}
    pattern = re.compile(hook["files"])
    assert pattern.search("practices/gent-fair-o-meter.md")
    assert pattern.search("practices/2025/gent-fair-o-meter.md")
    assert not pattern.search("docs/index.md")
    assert not pattern.search("practices/_lijsten/beleidsdomeinen.yml")
    assert hook.get("pass_filenames", True) is True


# --- issue #19: the review summary, the site as artifact, the weekly freshness issue ----------

SCRIPTS = WORKFLOWS / "scripts"


def test_pull_request_summarises_and_uploads_the_built_site(workflows):
    job = workflows["pull-request.yml"]["jobs"]["controle"]
    job_steps = job["steps"]
    checkout = job_steps[index_of(job_steps, uses("actions/checkout"))]
    assert checkout["with"]["fetch-depth"] == 0  # the summary diffs against the base branch
    check = index_of(job_steps, runs("python -m generator check --format github"))
    summary = index_of(job_steps, runs(".github/workflows/scripts/pr_samenvatting.py"))
    build = index_of(job_steps, runs("mkdocs build --strict --site-dir site"))
    upload = index_of(job_steps, uses("actions/upload-artifact"))
    assert check < summary < build < upload
    step = job_steps[summary]
    assert step["if"].startswith("always()")  # also (above all) when the check failed
    assert '"origin/$BASE_REF"' in step["run"]
    assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"  # not spliced into the script
    artifact = job_steps[upload]["with"]
    assert (artifact["name"], artifact["path"]) == ("site", "site")
    assert (SCRIPTS / "pr_samenvatting.py").is_file()


def test_freshness_workflow_runs_weekly_and_keeps_one_issue(workflows):
    wf = workflows["verouderd.yml"]
    [schedule] = triggers(wf)["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit()  # once a week
    assert wf["permissions"] == {"contents": "read", "issues": "write"}
    job_steps = steps(wf)
    listing = index_of(
        job_steps, runs("python -m generator verouderd --format json > verouderd.json")
    )
    issue = index_of(job_steps, runs("verouderd_issue.py verouderd.json"))
    assert listing < issue
    assert job_steps[issue]["env"]["GH_TOKEN"] == "${{ github.token }}"
    parser = _parser()
    assert parser.parse_args(["verouderd", "--format", "json"]).format == "json"


# The freshness issue script, with a fake `gh` that logs its calls and answers `issue list`.

FAKE_GH = """#!/bin/sh
{ printf '%s\\n' "CALL $*"; if [ "$1 $2" != "issue list" ] && [ "$1" != "label" ]; then
  case "$*" in *--body-file*) cat;; esac; fi; } >> "$FAKE_GH_LOG"
if [ "$1 $2" = "issue list" ]; then cat "$FAKE_GH_LIST"; fi
"""

STALE_JSON = {
    "peildatum": "2025-06-01",
    "jaren": 2,
    "praktijken_totaal": 6,
    "aantal": 2,
    "samenvatting": "2 van 6 praktijken zijn meer dan 2 jaar niet bijgewerkt.",
    "praktijken": [
        {
            "id": "zonder-datum",
            "titel": "Zonder | datum @iemand <b>",
            "bestand": "practices/zonder-datum.md",
            "bijgewerkt": None,
            "startjaar": 2022,
            "sinds": "2022-01-01",
            "leeftijd_dagen": 1247,
            "leeftijd": "3 jaar en 5 maanden",
            "contact": None,
            "url": None,
        },
        {
            "id": "oud",
            "titel": "Een oude praktijk",
            "bestand": "practices/oud.md",
            "bijgewerkt": "2022-03-01",
            "startjaar": 2023,
            "sinds": "2022-03-01",
            "leeftijd_dagen": 1188,
            "leeftijd": "3 jaar en 3 maanden",
            "contact": {"dienst": "Dienst Duurzaamheid", "email": "d@gemeente.example.org"},
            "url": "https://x.org/praktijken/oud/",
        },
    ],
}


@pytest.fixture
def fake_gh(tmp_path):
    import json
    import os
    import subprocess
    import sys

    gh = tmp_path / "bin" / "gh"
    gh.parent.mkdir()
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(0o755)
    log, listing = tmp_path / "gh.log", tmp_path / "list.json"

    def run(data: dict, open_issues: list[dict]) -> tuple[str, str]:
        log.write_text("", encoding="utf-8")
        listing.write_text(json.dumps(open_issues), encoding="utf-8")
        source = tmp_path / "verouderd.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        env = {
            **os.environ,
            "PATH": f"{gh.parent}{os.pathsep}{os.environ['PATH']}",
            "FAKE_GH_LOG": str(log),
            "FAKE_GH_LIST": str(listing),
        }
        env.pop("GH", None)
        done = subprocess.run(
            [sys.executable, str(SCRIPTS / "verouderd_issue.py"), str(source)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout, log.read_text(encoding="utf-8")

    return run


def calls(log: str) -> list[str]:
    return [line[5:] for line in log.splitlines() if line.startswith("CALL ")]


def test_no_issue_yet_opens_one_with_the_label(fake_gh):
    out, log = fake_gh(STALE_JSON, [])
    assert calls(log) == [
        "issue list --label verouderd --state open --json number,title --limit 100",
        "label create verouderd --color c5def5 --description Praktijken die lang niet bijgewerkt "
        "zijn (wekelijks bijgewerkt) --force",
        "issue create --title Verouderde praktijken --label verouderd --body-file -",
    ]
    assert out.strip() == "issue geopend: 2 praktijken"
    assert "| Een oude praktijk" not in log  # with a URL it is a link:
    assert (
        "| [Een oude praktijk](https://x.org/praktijken/oud/)<br>practices/oud.md | 1 maart 2022 |"
        in log
    )
    assert "geen datum (gestart in 2022)" in log
    assert "Dienst Duurzaamheid, d&#64;gemeente.example.org" in log
    # Contributed text cannot break the table, mention anyone or add HTML.
    assert "Zonder \\| datum &#64;iemand &lt;b&gt;" in log


def test_an_open_issue_is_updated_not_duplicated(fake_gh):
    issues = [
        {"number": 12, "title": "Iets anders"},
        {"number": 9, "title": "Verouderde praktijken"},
        {"number": 7, "title": "Verouderde praktijken"},
    ]
    out, log = fake_gh(STALE_JSON, issues)
    assert calls(log)[1:] == ["issue edit 7 --body-file -"]
    assert "Een oude praktijk" in log
    assert out.strip() == "issue #7 bijgewerkt: 2 praktijken"


def test_nothing_stale_closes_the_issue_or_does_nothing(fake_gh):
    empty = {**STALE_JSON, "aantal": 0, "praktijken": []}
    out, log = fake_gh(empty, [{"number": 7, "title": "Verouderde praktijken"}])
    assert calls(log)[1:] == [
        "issue edit 7 --body-file -",
        "issue close 7 --comment Geen verouderde praktijken meer.",
    ]
    out, log = fake_gh(empty, [])
    assert calls(log) == [
        "issue list --label verouderd --state open --json number,title --limit 100"
    ]
    assert out.strip() == "geen verouderde praktijken; geen issue nodig"


def test_the_issue_script_reads_what_verouderd_writes(tmp_path, capsys):
    """The keys the script reads are those `verouderd --format json` writes."""
    import importlib.util
    import json

    from conftest import VALID_FRONT, ProjectDir

    from generator.cli import main

    project = ProjectDir(tmp_path)
    project.add("oud.md", VALID_FRONT + "bijgewerkt: 2022-03-01\n")
    assert (
        main(["--project", str(tmp_path), "verouderd", "--format", "json", "--datum", "2025-06-01"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    spec = importlib.util.spec_from_file_location("verouderd_issue", SCRIPTS / "verouderd_issue.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    body = script.issue_body(data)
    assert "| Fair-O-Meter meet de fairtrade-aankopen<br>practices/oud.md | 1 maart 2022 |" in body
    assert body.startswith(script.MARK)


# The review summary, on a throw-away git repository with a base and a head commit.


def _git(root, *args):
    import subprocess

    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_the_review_summary_names_changes_problems_and_pages(tmp_path):
    import os
    import shutil
    import subprocess
    import sys

    from conftest import VALID_BODY, VALID_FRONT, practice_text

    root = tmp_path / "repo"
    practices = root / "practices"
    shutil.copytree(REPO / "practices" / "_lijsten", practices / "_lijsten")
    (practices / "blijft.md").write_text(practice_text(), encoding="utf-8")
    (practices / "weg.md").write_text(practice_text(), encoding="utf-8")
    (practices / "anders.md").write_text(practice_text(), encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "basis")
    _git(root, "checkout", "-q", "-b", "voorstel")
    (practices / "weg.md").unlink()
    changed = VALID_FRONT.replace("sdgs: [12, 17]", "sdgs: [12, 13]")
    (practices / "anders.md").write_text(practice_text(changed), encoding="utf-8")
    broken = VALID_FRONT.replace("Fair-O-Meter meet de fairtrade-aankopen", "Nieuwe | praktijk")
    broken = broken.replace("jaar: 2023", "jaar: twintig")
    (practices / "nieuw.md").write_text(practice_text(broken, VALID_BODY), encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "voorstel")

    summary_file = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary_file)}
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "pr_samenvatting.py"), "main"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    text = summary_file.read_text(encoding="utf-8")
    assert text.startswith("## Praktijken in deze pull request\n")
    rows = [line for line in text.splitlines() if line.startswith("| ")][2:]
    assert rows == [
        "| Fair-O-Meter meet de fairtrade-aankopen<br>`practices/anders.md` | gewijzigd "
        "| ✅ in orde |",
        "| `practices/nieuw.md` | nieuw | ❌ 1 fout(en), 0 waarschuwing(en) |",
        "| Fair-O-Meter meet de fairtrade-aankopen<br>`practices/weg.md` | verwijderd | — |",
    ]
    assert "**`practices/nieuw.md`**\n- fout, regel 9: jaar: verwacht een geheel getal" in text
    pages = text.split("### Pagina's die veranderen")[1]
    for page in (
        "praktijken/anders/",
        "praktijken/weg/",
        "sdg/13/",  # anders joined SDG 13
        "sdg/17/",  # and left SDG 17: its old page changes too
        "catalogus/",
        "beleidsdomeinen/duurzaam-aankoopbeleid/",
        "gemeenten/merelbeke-melle/",
        "provincies/oost-vlaanderen/",
    ):
        assert f"- `{page}`" in pages, page
    assert "praktijken/blijft/" not in text
    assert "praktijken/nieuw/" not in pages  # it does not pass the check: no page yet
    assert "artefact `site`" in pages
