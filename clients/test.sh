#!/usr/bin/env bash
# Installs what each client needs and runs both suites against a real `mentora serve`:
# the Python client (lint, strict types, tests with the sync and the async client) and
# the TypeScript client (strict compile, node --test, npm pack into a clean folder).
#
#   clients/test.sh            both
#   clients/test.sh python     one of them (or: typescript)
#
# Needs Python 3.11+, uv, Node 20+ and npm, and the main project's venv (.venv, with
# `mentora` installed) or MENTORA_SERVER_PYTHON pointing at an interpreter that has it.
set -uo pipefail

CLIENTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$CLIENTS/.." && pwd)"
export MENTORA_SERVER_PYTHON="${MENTORA_SERVER_PYTHON:-$REPO/.venv/bin/python}"
WHICH="${1:-all}"

if ! "$MENTORA_SERVER_PYTHON" -c "import mentora" 2>/dev/null; then
  echo "clients/test.sh: $MENTORA_SERVER_PYTHON cannot import mentora; run 'uv sync' in $REPO first" >&2
  exit 1
fi

failed=()

# Each step is chained with &&: a function called as `run_x || ...` runs with `set -e`
# ignored (bash suspends it for the whole call), so only an explicit chain stops at, and
# returns, the first failing step.
run_python() (
  cd "$CLIENTS/python" &&
    # The client has its own project and environment; never the main project's.
    unset UV_PROJECT_ENVIRONMENT VIRTUAL_ENV &&
    uv sync --locked --quiet &&
    uv run --locked ruff check . &&
    uv run --locked mypy &&
    uv run --locked pytest
)

run_typescript() (
  cd "$CLIENTS/typescript" &&
    npm ci --no-audit --no-fund --loglevel=error &&
    npm test
)

if [ "$WHICH" = all ] || [ "$WHICH" = python ]; then
  echo "== clients/python"
  run_python || failed+=(python)
fi
if [ "$WHICH" = all ] || [ "$WHICH" = typescript ]; then
  echo "== clients/typescript"
  run_typescript || failed+=(typescript)
fi

if [ "${#failed[@]}" -gt 0 ]; then
  echo "clients/test.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "clients/test.sh: all client suites passed"
