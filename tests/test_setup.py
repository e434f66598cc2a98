"""The README's two set-up commands are the whole set-up, and CI runs the second verbatim."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Aan de slag\n.*?```bash\n(.*?)```", text, re.DOTALL)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_the_readme_has_exactly_two_set_up_commands() -> None:
    site, tests = readme_commands()
    assert site.endswith("mkdocs serve") and "npm ci" in site  # bundles need the npm package
    assert tests.endswith("python -m pytest") and "npm ci" in tests and "ruff check" in tests


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    tests = readme_commands()[1]
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in script.splitlines()
