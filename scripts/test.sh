#!/usr/bin/env bash
# The whole test suite: lint, type-check, schema drift, unit tests, then end-to-end tests against the real
# PostgreSQL and Redis (each test file gets its own copy of a migrated template database).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp

step() { printf '\n==> %s\n' "$1"; }

step "lint"
npx eslint apps libs migrations scripts bench --max-warnings 0
step "typecheck"
npx tsc -p tsconfig.check.json --noEmit
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
