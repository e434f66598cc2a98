"""The few site settings the core needs, read from mkdocs.yml without importing MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .layout import DOCS, Layout, layout


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even when it uses `!!python/name:` or `!ENV` tags (ignored here)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    docs_dir: Path
    site_url: str | None
    repo_url: str | None
    edit_branch: str
    practices_dir: Path | None = None  # the plugin's `practices_dir`, when mkdocs.yml sets it

    def layout(self, root: Path) -> Layout:
        return Layout(root, self.practices_dir or layout(root).practices, self.docs_dir)


def read_settings(root: Path, config_file: str = "mkdocs.yml") -> Settings:
    path = root / config_file
    data = {}
    if path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    return Settings(
        docs_dir=root / str(data.get("docs_dir") or DOCS),
        practices_dir=_practices_dir(root, data),
        site_url=data.get("site_url") or None,
        repo_url=(data.get("repo_url") or "").rstrip("/") or None,
        edit_branch=branch_of(str(data.get("edit_uri") or "")),
    )


def project_layout(root: Path) -> Layout:
    """The layout of the project at `root`, with the folders its mkdocs.yml names."""
    return read_settings(root).layout(root)


def _practices_dir(root: Path, data: dict) -> Path | None:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("praktijken"), dict):
            folder = plugin["praktijken"].get("practices_dir")
            if isinstance(folder, str) and folder:
                return root / folder
    return None


def branch_of(edit_uri: str) -> str:
    """The branch in a GitHub `edit_uri` such as 'edit/main/docs/' (default: main)."""
    parts = edit_uri.strip("/").split("/")
    return parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob", "tree") else "main"
