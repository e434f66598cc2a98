"""Keep ONE GitHub issue listing the practices that are out of date.

Reads the output of `python -m generator verouderd --format json` (a file, or - for stdin) and
talks to GitHub only through the `gh` command line (GH_TOKEN and GH_REPO come from the
workflow), so the logic can be tried locally with a fake `gh` on PATH
(tests/test_workflows.py does that):

- an open issue with the label LABEL and the title TITLE exists: its text is replaced by the
  new list; when nothing is out of date any more, it is closed with a comment;
- none exists and something is out of date: the label is made (or kept) and the issue opened;
- none exists and nothing is out of date: nothing happens.

Usage: python .github/workflows/scripts/verouderd_issue.py verouderd.json
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

TITLE = "Verouderde praktijken"
LABEL = "verouderd"
LABEL_COLOUR = "c5def5"
LABEL_TEXT = "Praktijken die lang niet bijgewerkt zijn (wekelijks bijgewerkt)"
MARK = "<!-- verouderd: bijgewerkt door .github/workflows/verouderd.yml -->"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni") + (
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def gh(*args: str, text: str | None = None) -> str:
    command = os.environ.get("GH", "gh")
    done = subprocess.run([command, *args], input=text, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"gh {' '.join(args[:2])} mislukt (code {done.returncode})")
    return done.stdout


def cell(value: object) -> str:
    """Contributed text in one table cell: no line breaks, no table or HTML syntax, and no
    @-mentions or #-references that would notify people or link issues."""
    text = " ".join(str(value or "").split())
    for old, new in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;")):
        text = text.replace(old, new)
    return text.replace("#", "&#35;").replace("@", "&#64;").replace("`", "'")


def date_nl(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


def issue_body(data: dict) -> str:
    lines = [
        MARK,
        f"**{cell(data['samenvatting'])}**",
        "",
        f"Deze praktijken zijn meer dan {data['jaren']} jaar niet bijgewerkt (volgens "
        "`bijgewerkt`, of zonder die datum volgens het startjaar). Vraag de contactpersoon of "
        "de praktijk nog klopt. Klopt ze, zet dan `bijgewerkt` op vandaag; is ze veranderd, "
        "gebruik dan 'Wijzig deze praktijk' op haar pagina.",
        "",
        "| Praktijk | Laatst bijgewerkt | Leeftijd | Contact |",
        "| --- | --- | --- | --- |",
    ]
    for item in data["praktijken"]:
        title = cell(item["titel"])
        name = f"[{title}]({item['url']})" if item.get("url") else title
        when = (
            date_nl(item["bijgewerkt"])
            if item.get("bijgewerkt")
            else f"geen datum (gestart in {item['startjaar']})"
        )
        contact = ", ".join(cell(v) for v in (item.get("contact") or {}).values()) or "geen"
        lines.append(
            f"| {name}<br>{cell(item['bestand'])} | {when} | {cell(item['leeftijd'])} | {contact} |"
        )
    lines += ["", "Deze lijst wordt elke week opnieuw gemaakt; wijzig ze niet met de hand."]
    return "\n".join(lines) + "\n"


def existing_issue() -> int | None:
    found = json.loads(
        gh(
            "issue",
            "list",
            "--label",
            LABEL,
            "--state",
            "open",
            "--json",
            "number,title",
            "--limit",
            "100",
        )  # fmt: skip
        or "[]"
    )
    numbers = sorted(issue["number"] for issue in found if issue.get("title") == TITLE)
    return numbers[0] if numbers else None


def sync(data: dict) -> str:
    """Bring the issue in line with `data`; returns what was done (Dutch, for the log)."""
    number = existing_issue()
    body = issue_body(data)
    if number is not None:
        gh("issue", "edit", str(number), "--body-file", "-", text=body)
        if not data["praktijken"]:
            gh("issue", "close", str(number), "--comment", "Geen verouderde praktijken meer.")
            return f"issue #{number} bijgewerkt en gesloten: niets meer verouderd"
        return f"issue #{number} bijgewerkt: {len(data['praktijken'])} praktijken"
    if not data["praktijken"]:
        return "geen verouderde praktijken; geen issue nodig"
    gh("label", "create", LABEL, "--color", LABEL_COLOUR, "--description", LABEL_TEXT, "--force")
    gh("issue", "create", "--title", TITLE, "--label", LABEL, "--body-file", "-", text=body)
    return f"issue geopend: {len(data['praktijken'])} praktijken"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    source = sys.stdin if argv[0] == "-" else open(argv[0], encoding="utf-8")  # noqa: SIM115
    with source:
        data = json.load(source)
    print(sync(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
