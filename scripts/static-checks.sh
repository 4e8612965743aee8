#!/usr/bin/env bash
# The checks `npm test` runs before the suites: types (server and newsroom app), ESLint and
# Prettier, then the build the browser tests use. Each is one single-threaded process, so they
# run in two lanes at once: on two cores the whole takes about as long as ESLint, the longest.
# --no-build (or DIST_BUILT=1 in the environment) leaves dist/ as it is: CI, where `npm ci` has
# just built it, runs `npm test` that way.
set -uo pipefail
cd "$(dirname "$0")/.."

build=true
if [ "${1:-}" = "--no-build" ] || [ "${DIST_BUILT:-}" = 1 ]; then build=false; fi

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# Runs one lane's commands in order, stopping at the first that fails; its output goes to a log.
lane() {
  local name=$1
  shift
  local command
  for command in "$@"; do
    printf '> %s\n' "$command" >>"$logs/$name"
    bash -c "$command" >>"$logs/$name" 2>&1 || return 1
  done
}

lane lint 'npx eslint .' &
lint_pid=$!
other=('npx tsc -p tsconfig.json --noEmit' 'npx tsc -p admin/tsconfig.json --noEmit' 'npx prettier --check .')
$build && other+=('npm run build')
status=0
lane types "${other[@]}" || status=1
wait "$lint_pid" || status=1

cat "$logs/types" "$logs/lint"
[ "$status" -eq 0 ] && echo "static checks: passed" || echo "static checks: FAILED"
exit "$status"
