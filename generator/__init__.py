"""SDG-praktijkendatabank: load, validate and render practices. No MkDocs import here.

Public API: `load_project` gives the validated practices and all problems of a project.
"""

from .model import Practice, Problem
from .project import Project, load_project

__all__ = ["Practice", "Problem", "Project", "load_project"]
