"""A project: its vocabularies and all its practices, validated together.

This is the one entry point that the CLI, the MkDocs plugin and the tests share.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import rules
from .layout import Layout
from .load import discover, display_path, file_id, read_source
from .model import ERROR, Practice, Problem
from .settings import project_layout
from .validate import validate
from .vocab import Vocab, load_vocab


@dataclass
class Project:
    root: Path
    vocab: Vocab
    layout: Layout
    practices: list[Practice] = field(default_factory=list)  # sorted by title, then id
    problems: list[Problem] = field(default_factory=list)  # sorted by file and line
    files: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def practices_dir(self) -> Path:
        return self.layout.practices


def load_project(
    root: Path,
    paths: list[Path] | None = None,
    today: dt.date | None = None,
    keep_practices: bool = True,
    layout: Layout | None = None,
) -> Project:
    """Load the lists of the project at `root` and validate the practices under `paths`
    (default: the project's practices folder). Never raises for a content problem.
    `layout` defaults to the folders the project's mkdocs.yml names.

    `keep_practices=False` keeps only the problems, which is all `check` needs (and saves
    sending every practice back from the worker processes)."""
    layout = layout or project_layout(root)
    vocab, problems = load_vocab(layout.lists)
    project = Project(root=root, vocab=vocab, layout=layout)
    files, found = discover(paths if paths is not None else [layout.practices])
    problems.extend(found)
    practices: list[Practice] = []
    for practice, file_problems in _check_files(
        files, vocab, project.practices_dir, today or dt.date.today(), keep_practices
    ):
        problems.extend(file_problems)
        if practice is not None:
            practice.source_path = _relative_to(practice.path, root)
            practices.append(practice)
    problems.extend(_duplicate_ids(files))
    project.files = len(files)
    project.practices = sorted(practices, key=lambda p: p.sort_key)
    project.problems = sorted(set(problems), key=lambda p: p.sort_key)
    return project


Result = tuple[Practice | None, list[Problem]]
PARALLEL_FROM = 2000  # files; below this, starting worker processes costs more than it saves
_shared: tuple[Vocab, Path, dt.date, bool] | None = None  # the workers' arguments


def _check_files(
    files: list[str], vocab: Vocab, practices_dir: Path, today: dt.date, keep: bool
) -> list[Result]:
    """Read and validate every file; on several cores, large collections use worker processes."""
    global _shared
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
        return [_check_file(path, vocab, practices_dir, today, keep) for path in files]
    _shared = (vocab, practices_dir, today, keep)  # inherited by the forked workers
    # Frozen objects are left alone by the collector: the workers do not walk (and so copy)
    # the thousands of objects they inherit, such as the vocabularies and the modules. The
    # workers themselves run without the collector: they live for one run, and reading and
    # validating a file makes no reference cycles, so reference counting frees everything.
    gc.freeze()
    try:
        context = mp.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=gc.disable) as pool:
            # Small chunks keep both workers busy to the end when one core is slowed down.
            chunks = max(1, min(200, len(files) // (workers * 4)))
            return list(pool.map(_check_in_worker, files, chunksize=chunks))
    finally:
        _shared = None
        gc.unfreeze()


def _check_in_worker(path: str) -> Result:
    assert _shared is not None
    return _check_file(path, *_shared)


def _check_file(file: str, vocab: Vocab, practices_dir: Path, today: dt.date, keep: bool) -> Result:
    source, read_problems = read_source(file, display_path(file))
    if source is None:
        return None, read_problems
    # `validate` reports the reading problems of the source along with its own.
    return validate(source, vocab, practices_dir, today, build=keep)


def _relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _duplicate_ids(files: list[str]) -> list[Problem]:
    by_id: dict[str, list[str]] = {}
    for file in files:
        by_id.setdefault(file_id(file), []).append(file)
    problems = []
    for practice_id, paths in sorted(by_id.items()):
        if len(paths) < 2:
            continue
        for path in paths:
            others = ", ".join(display_path(Path(o)) for o in paths if o != path)
            problems.append(
                Problem(
                    display_path(Path(path)),
                    1,
                    ERROR,
                    None,
                    rules.message("idTaken", id=practice_id, others=others),
                )
            )
    return problems
