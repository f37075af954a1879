#!/usr/bin/env bash
# The whole test suite: lint, type-check, schema drift, unit tests, then end-to-end tests against the real
# PostgreSQL and Redis (each test file gets its own copy of a migrated template database).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp

step() { printf '\n==> %s\n' "$1"; }

step "lint"
npx eslint apps libs tools migrations scripts bench --max-warnings 0
step "typecheck"
npx tsc -p tsconfig.check.json --noEmit
step "web: types of its GraphQL operations (from the committed schema), type-check and build"
npx graphql-codegen --config apps/web/codegen.yml --silent
git diff --quiet --exit-code -- apps/web/src/gql 2>/dev/null || { echo "apps/web/src/gql is out of date: run npx graphql-codegen --config apps/web/codegen.yml and commit"; exit 1; }
npx tsc -p apps/web/tsconfig.json --noEmit
npx vite build apps/web --logLevel warn
step "schema drift"
node -r @swc-node/register scripts/check-drift.ts
step "unit tests"
npx jest -c jest.unit.config.js --json --outputFile=tmp/jest-unit.json
step "end-to-end tests"
npx jest -c jest.e2e.config.js --json --outputFile=tmp/jest-e2e.json

node -e '
const r = ["tmp/jest-unit.json", "tmp/jest-e2e.json"].map((f) => require(require("path").resolve(f)));
const sum = (k) => r.reduce((s, x) => s + x[k], 0);
console.log(`\nTests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
'
