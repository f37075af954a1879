#!/usr/bin/env bash
# The whole test suite, through Nx: lint, type-check, schema drift, unit tests, then end-to-end tests against
# the real PostgreSQL and Redis (each test file gets its own copy of a migrated template database).
#
# By default everything runs, with one process per tool over the whole workspace (the `*-all` targets of the
# project `workspace`, tools/workspace): one ESLint, one tsc and one Jest per kind start faster than one per
# project.
# With `--affected` (npm run test:affected) or NX_BASE=<ref>, only the projects affected since that ref run
# their own targets (nx affected); NX_BASE defaults to origin/main, and without that ref everything runs.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp
rm -rf tmp/jest && mkdir -p tmp/jest

step() { printf '\n==> %s\n' "$1"; }
nx() { npx nx "$@" --outputStyle=static; }

base="${NX_BASE:-}"
[[ "${1:-}" == --affected ]] && base="${NX_BASE:-origin/main}"
if [[ -n $base ]] && ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
  echo "no $base to compare with: running everything"
  base=""
fi

if [[ -z $base ]]; then
  step "lint"
  nx run workspace:lint-all
  step "typecheck (server and tests; web, after its GraphQL operation types)"
  nx run-many -t typecheck
else
  # Each project's ESLint builds the type information of everything it imports: past a handful of affected
  # projects, one ESLint over the whole workspace is the faster way to the same answer.
  affected=$(npx nx show projects --affected --base="$base" -t lint | wc -l)
  if ((affected > 6)); then
    step "lint: $affected projects affected since $base, linted in one run"
    nx run workspace:lint-all
  else
    step "lint: projects affected since $base"
    nx affected --base="$base" -t lint
  fi
  # The server's type-check is one program over every project (tsconfig.check.json): it runs whole, and is
  # restored from the cache when none of its inputs changed.
  step "typecheck"
  nx run-many -t typecheck
fi

step "web: types of its GraphQL operations (from the committed schema) are committed and up to date"
nx run web:codegen
git diff --quiet --exit-code -- apps/web/src/gql 2>/dev/null || { echo "apps/web/src/gql is out of date: run npx graphql-codegen --config apps/web/codegen.yml and commit"; exit 1; }

step "schema drift"
nx run workspace:check-drift

if [[ -z $base ]]; then
  step "web build"
  nx run web:build
  step "unit tests"
  nx run workspace:test-all
  step "end-to-end tests"
  nx run workspace:e2e-all
else
  step "unit and end-to-end tests: projects affected since $base"
  nx affected --base="$base" -t test e2e
fi

node -e '
const fs = require("fs"), path = require("path");
const r = fs.readdirSync("tmp/jest").map((f) => JSON.parse(fs.readFileSync(path.join("tmp/jest", f), "utf8")));
const sum = (k) => r.reduce((s, x) => s + x[k], 0);
console.log(`\nTests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
'
