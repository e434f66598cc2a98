"""The few site settings the core needs, read from mkdocs.yml without importing MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even when it uses `!!python/name:` or `!ENV` tags (ignored here)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    docs_dir: Path
    site_url: str | None
    repo_url: str | None
    edit_branch: str


def read_settings(root: Path, config_file: str = "mkdocs.yml") -> Settings:
    path = root / config_file
    data = {}
    if path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    return Settings(
        docs_dir=root / str(data.get("docs_dir") or "docs"),
        site_url=data.get("site_url") or None,
        repo_url=(data.get("repo_url") or "").rstrip("/") or None,
        edit_branch=branch_of(str(data.get("edit_uri") or "")),
    )


def branch_of(edit_uri: str) -> str:
    """The branch in a GitHub `edit_uri` such as 'edit/main/docs/' (default: main)."""
    parts = edit_uri.strip("/").split("/")
    return parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob", "tree") else "main"
