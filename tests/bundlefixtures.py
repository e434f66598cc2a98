"""Offline bundles built once per test session (shared by tests/ and tests/browser/)."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

from generator.cli import main

EPOCH = "1763769600"  # 2025-11-22: reproducible bundle dates


def _require_npm() -> None:
    if not (REPO / "node_modules" / "iframe-worker").is_dir():
        message = "NPM-PAKKETTEN ONTBREKEN: voer 'npm ci' uit (CI doet dat in .ci/run)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def bundle_env():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        yield mp


@pytest.fixture(scope="session")
def repo_copy(tmp_path_factory) -> Path:
    _require_npm()
    root = tmp_path_factory.mktemp("bundelproject")
    for name in ("mkdocs.yml", "mkdocs-offline.yml", "docs", "practices"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    (root / "node_modules").symlink_to(REPO / "node_modules")
    return root


def make_bundle(root: Path, out: Path, *options: str) -> Path:
    assert main(["--project", str(root), "bundle", "--out", str(out), *options]) == 0
    folder = out.with_suffix("")
    with zipfile.ZipFile(out) as archive:
        archive.extractall(folder)
    return folder / "sdg-praktijkendatabank"


@pytest.fixture(scope="session")
def full_bundle(repo_copy, tmp_path_factory, bundle_env) -> Path:
    return make_bundle(repo_copy, tmp_path_factory.mktemp("vol") / "vol.zip")


@pytest.fixture(scope="session")
def selection_bundle(repo_copy, tmp_path_factory, bundle_env) -> Path:
    out = tmp_path_factory.mktemp("selectie") / "selectie.zip"
    return make_bundle(
        repo_copy, out, "--sdg", "13", "--provincie", "limburg", "--provincie", "vlaams-brabant"
    )
