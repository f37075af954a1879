#!/usr/bin/env bash
# One command from a fresh clone to a running demo: install, start PostgreSQL/Redis if needed, create the
# database and roles, migrate, seed the demo data, then run the API and the worker until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/ensure-services.sh
npm run -s db:setup
npm run -s db:migrate
npm run -s db:seed

node -r @swc-node/register apps/api/src/main.ts &
api=$!
node -r @swc-node/register apps/worker/src/main.ts &
worker=$!
trap 'kill $api $worker 2>/dev/null; wait' INT TERM EXIT

for _ in $(seq 1 60); do
  curl -fsS "http://localhost:${PORT:-3000}/health" >/dev/null 2>&1 && break
  sleep 1
done
cat <<MSG

Pilotis is running.
  GraphQL API : http://localhost:${PORT:-3000}/graphql   (GraphiQL in the browser)
  Health      : http://localhost:${PORT:-3000}/health  ·  worker: http://localhost:${WORKER_HEALTH_PORT:-3001}/health
  Sign in with one of the demo users above (password: Pilotis-demo-2026), then send the header
  X-Tenant: 243500139 (Rennes Métropole), 200057867 (Plaine Commune) or 200040715 (Grenoble-Alpes).
Ctrl-C stops both.
MSG
wait -n $api $worker
