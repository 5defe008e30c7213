"""The packages vacbot needs at run time, pinned to the versions installed in this Python.

    .venv/bin/python deploy/constraints.py      # what deploy/refresh-constraints.sh writes

Walks the installed `vacbot` distribution's requirements (with their extras, recursively,
markers evaluated for this interpreter); test-only packages are not reached.
"""

from __future__ import annotations

import platform
import sys
from importlib.metadata import distribution

try:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
except ImportError:  # an environment without `packaging`: pip carries a copy
    from pip._vendor.packaging.requirements import Requirement  # type: ignore[no-redef]
    from pip._vendor.packaging.utils import canonicalize_name  # type: ignore[no-redef]


def runtime_pins(project: str = "vacbot") -> dict[str, str]:
    """{canonical name: installed version} for everything `project` needs to run."""
    pins: dict[str, str] = {}
    todo = [(project, frozenset[str]())]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        key = (canonicalize_name(name), extras)
        if key in seen:
            continue
        seen.add(key)
        dist = distribution(name)
        if key[0] != canonicalize_name(project):
            pins[key[0]] = dist.version
        for raw in dist.requires or []:
            req = Requirement(raw)
            if req.marker and not any(req.marker.evaluate({"extra": e})
                                      for e in extras | {""}):
                continue
            todo.append((req.name, frozenset(req.extras)))
    return pins


def render(pins: dict[str, str]) -> str:
    head = ("# The exact versions deploy/Dockerfile installs: what vacbot needs at run time, as\n"
            "# installed where the tests passed. Regenerate with deploy/refresh-constraints.sh.\n"
            f"# From Python {platform.python_version()} on {sys.platform}.\n")
    return head + "".join(f"{name}=={pins[name]}\n" for name in sorted(pins))


if __name__ == "__main__":
    sys.stdout.write(render(runtime_pins()))
