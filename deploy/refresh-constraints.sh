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
new=$("$py" deploy/constraints.py)
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
