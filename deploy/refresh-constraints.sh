#!/usr/bin/env bash
# Regenerate deploy/constraints.txt — the exact versions the image installs — from the
# environment the tests passed in (.venv, made by `bash .ci/run`): every package vacbot needs
# at run time (its dependencies with their extras, recursively), pinned to the installed
# version. Test-only packages (pytest, mypy, …) are not included.
#
#   bash .ci/run && bash deploy/refresh-constraints.sh          # after changing dependencies
#   bash deploy/refresh-constraints.sh --check                  # exit 1 if the file is stale
#
# PYTHON=/path/to/python selects another environment (default .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
out=deploy/constraints.txt
new=$("$py" - <<'PY'
import platform
import sys
from importlib.metadata import distribution

try:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
except ImportError:  # an environment without `packaging`: pip carries a copy
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.utils import canonicalize_name

pins: dict[str, str] = {}
todo = [("vacbot", frozenset[str]())]
seen: set[tuple[str, frozenset[str]]] = set()
while todo:
    name, extras = todo.pop()
    if (canonicalize_name(name), extras) in seen:
        continue
    seen.add((canonicalize_name(name), extras))
    dist = distribution(name)
    if canonicalize_name(name) != "vacbot":
        pins[canonicalize_name(dist.metadata["Name"])] = dist.version
    for raw in dist.requires or []:
        req = Requirement(raw)
        if req.marker and not any(req.marker.evaluate({"extra": e}) for e in extras | {""}):
            continue
        todo.append((req.name, frozenset(req.extras)))
print("# The exact versions deploy/Dockerfile installs: what vacbot needs at run time, as")
print("# installed where the tests passed. Regenerate with deploy/refresh-constraints.sh.")
print(f"# From Python {platform.python_version()} on {sys.platform}.")
for name in sorted(pins):
    print(f"{name}=={pins[name]}")
PY
)
if [ "${1:-}" = "--check" ]; then
  if [ "$new" = "$(cat "$out")" ]; then
    echo "$out matches $py"; exit 0
  fi
  echo "$out differs from the packages in $py (run: bash deploy/refresh-constraints.sh):"
  diff <(printf '%s\n' "$new") "$out" || true
  exit 1
fi
printf '%s\n' "$new" > "$out"
echo "wrote $out ($(grep -c '==' "$out") packages)"
