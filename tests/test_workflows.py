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
